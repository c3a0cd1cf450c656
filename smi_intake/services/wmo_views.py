"""What the Wmo case service returns: the sent melding, the melding as read, the case for its
page, and the toewijzing queued."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from smi_core.case import CaseAction, TimelineEntry
from smi_core.case.jeugd_records import JeugdRecords, JeugdRoute
from smi_core.case.route import Provision
from smi_core.case.wmo_records import WmoRecords
from smi_core.cases import CaseStatus, ConsentRecord
from smi_core.wmo.melding import WmoCheck, WmoMelding
from smi_core.wmo.terms import TermState
from smi_intake.db.messages import StoredMessage


@dataclass(frozen=True)
class WmoSubmitted:
    reference: str
    received_at: datetime


@dataclass(frozen=True)
class WmoMeldingView:
    """The melding as the resident sent it, and the check stored with it."""

    reference: str
    received_at: datetime
    melding: WmoMelding
    check: WmoCheck
    checked_on: date


@dataclass(frozen=True)
class JeugdCaseView:
    """A youth-care case that came in without a melding (route G or M), for its page: what the
    requests and answers recorded, and from the 301 on what route T records (start, stop, change)."""

    reference: str
    status: CaseStatus
    owner: str | None
    version: int
    route: JeugdRoute
    received_at: datetime
    records: WmoRecords
    jeugd: JeugdRecords
    terms: tuple[TermState, ...]
    timeline: list[TimelineEntry]
    messages: list[StoredMessage]
    may_change: bool


@dataclass(frozen=True)
class WmoCaseView:
    """A Wmo case as the access worker sees it."""

    reference: str
    status: CaseStatus
    owner: str | None
    version: int
    received_at: datetime
    locale: str
    """The resident's language: the letters to the resident are in it."""
    melding: WmoMelding
    check: WmoCheck
    records: WmoRecords
    terms: tuple[TermState, ...]
    timeline: list[TimelineEntry]
    consents: list[ConsentRecord]
    messages: list[StoredMessage]
    """The messages about the case's toewijzing (the 301, the provider's 305/307), oldest first."""
    route_actions: frozenset[CaseAction]
    may_change: bool
    next_actions: list[CaseAction]
    handover: dict[str, Any] | None = None
    """How to reach the professional who handed the resident over, if an agency did."""
    provision: Provision = Provision.WMO
    """Wmo support, or youth care along route T."""


@dataclass(frozen=True)
class AssignedToewijzing:
    message_id: int
    toewijzing_nummer: int
    version: int


__all__ = [
    "AssignedToewijzing",
    "JeugdCaseView",
    "WmoCaseView",
    "WmoMeldingView",
    "WmoSubmitted",
]
