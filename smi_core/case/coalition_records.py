"""The fold over a Wmo case's events for begeleiding through the coalition: what the access
worker passed on, when the 301 went to the coalition, and what the coalition and the back office
recorded since (B2-B5).

The contact term (``BEG-CONTACT-1W``) runs from the day of the 301 (the assignment event) to the
recorded contact. Both days are also in the clear (the event's time, the contact event's note: a
day is not personal data), so the deadlines are found without decrypting anything
(``contact_days``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime

from smi_core.case import coalition_events as cev
from smi_core.case import wmo_events as wev
from smi_core.case.event_base import BaseEvent
from smi_core.case.kinds import EventKind
from smi_core.wmo.coalition import (
    CakLine,
    CoalitionContact,
    CoalitionHandover,
    EndingPlan,
    PlanOfApproach,
    contact_term,
)
from smi_core.wmo.terms import TermState


@dataclass(frozen=True)
class CoalitionRecords:
    """What was recorded on a case that went the coalition's way; the newest of each counts."""

    handover: CoalitionHandover | None = None
    assigned_on: date | None = None
    """The day the back office queued the 301 to the coalition: the contact term starts then."""
    contact: CoalitionContact | None = None
    plan: PlanOfApproach | None = None
    ending: EndingPlan | None = None
    reported: dict[tuple[CakLine, int], date] = field(default_factory=dict)
    """The lines reported to the CAK, (start or end, ToewijzingNummer), and the day of each."""

    @property
    def passed(self) -> bool:
        """Whether the request went to the coalition (instead of a beschikking)."""
        return self.handover is not None

    def contact_term(self, on: date) -> TermState | None:
        """``BEG-CONTACT-1W`` as it stands on ``on``, once the 301 went to the coalition."""
        if self.assigned_on is None:
            return None
        return contact_term(self.assigned_on, on, self.contact.contacted_on if self.contact else None)


def coalition_records(events: Iterable[BaseEvent]) -> CoalitionRecords:
    """Fold a Wmo case's timeline (oldest first) into its coalition records."""
    handover = contact = plan = ending = None
    assigned_on: date | None = None
    reported: dict[tuple[CakLine, int], date] = {}
    for e in events:
        if isinstance(e, cev.PassedToCoalition):
            handover = e.payload
        elif isinstance(e, wev.Assigned) and handover is not None and assigned_on is None:
            assigned_on = e.occurred_at.date()
        elif isinstance(e, cev.CoalitionContacted):
            contact = e.payload
        elif isinstance(e, cev.PlanOfApproachSent):
            plan = e.payload
        elif isinstance(e, cev.EndingPlanSent):
            ending = e.payload
        elif isinstance(e, cev.CakReported):
            reported[(e.payload.line, e.payload.toewijzing_nummer)] = e.payload.reported_on
    return CoalitionRecords(handover, assigned_on, contact, plan, ending, reported)


#: The event kinds the contact term needs, from the clear columns.
CONTACT_KINDS = frozenset(
    {EventKind.WMO_PASSED_TO_COALITION, EventKind.WMO_ASSIGNED, EventKind.WMO_COALITION_CONTACT}
)


@dataclass(frozen=True)
class ContactDays:
    """The days of the contact term: the 301 to the coalition and the recorded contact."""

    assigned_on: date | None = None
    contacted_on: date | None = None

    def term(self, on: date) -> TermState | None:
        if self.assigned_on is None:
            return None
        return contact_term(self.assigned_on, on, self.contacted_on)


def contact_days(events: Iterable[tuple[str, datetime, str]]) -> ContactDays:
    """The contact term's days from a case's clear events (``(kind, occurred_at, note)``, oldest
    first): the contact event's note is its day (ISO)."""
    passed = False
    assigned_on = contacted_on = None
    for kind, occurred_at, note in events:
        if kind == EventKind.WMO_PASSED_TO_COALITION:
            passed = True
        elif kind == EventKind.WMO_ASSIGNED and passed and assigned_on is None:
            assigned_on = occurred_at.date()
        elif kind == EventKind.WMO_COALITION_CONTACT:
            contacted_on = date.fromisoformat(note)
    return ContactDays(assigned_on, contacted_on)


__all__ = ["CONTACT_KINDS", "CoalitionRecords", "ContactDays", "coalition_records", "contact_days"]
