"""The rows of a Wmo case beside the aggregate's: the case a melding becomes, its sealed melding
and check, and the clear columns the deadlines need.

A Wmo case is a ``cases`` row with provision ``wmo``; a youth-care case along route T (a parent's
request for a child) is one with provision ``jeugd`` and the same rows. Its payload (sealed like
an SMI request's) is ``{"melding": ..., "wmo_check": ...}``: the melding as the resident sent it
(``WmoMelding.model_dump(mode="json")``) and the preliminary check computed once when it came in.
Its ``outcome`` column holds the route the check points to (clear: a route, not personal data),
so the queue can show and filter it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from smi_core.case.kinds import EventKind
from smi_core.case.route import Provision
from smi_core.case.wmo_records import TERM_KINDS, TermDays, term_days
from smi_core.cases import CaseSource, CaseStatus, ConsentRecord
from smi_core.constants import FindingStatus
from smi_core.errors import CaseNotFound
from smi_core.jeugd.youth_check import JeugdRule
from smi_core.wmo.melding import Route, WmoCheck, WmoFinding, WmoMelding, WmoRule
from smi_intake.crypto import Cipher
from smi_intake.db.models import CaseClientRow, CaseEventRow, CaseRow
from smi_intake.db.rows import consent_row


@dataclass(frozen=True)
class StoredMelding:
    """A Wmo case's melding and check as stored, with the case's clear facts."""

    case_id: int
    reference: str
    received_at: datetime
    locale: str
    melding: WmoMelding
    check: WmoCheck
    checked_on: date
    handover: dict[str, Any] | None = None
    """The professional's part of an agency's warm handover (how to reach them), if it came so."""


#: The provisions whose cases these rows hold: the access point's (route T and its kin).
ACCESS_PROVISIONS = (Provision.WMO.value, Provision.JEUGD.value)


@dataclass(frozen=True)
class KnownCase:
    """A case about a client, by its clear columns: whether the social team knows them."""

    reference: str
    provision: Provision
    status: CaseStatus
    owner: str | None


@dataclass(frozen=True)
class WmoTermRow:
    """An open Wmo or youth-care case's term days, from clear columns only."""

    reference: str
    owner: str | None
    status: CaseStatus
    days: TermDays
    provision: Provision = Provision.WMO


def check_payload(check: WmoCheck, on: date, locale: str) -> dict[str, Any]:
    """The check as stored: its route, its findings (texts in the resident's language), the day."""
    return {
        "route": check.route.value,
        "findings": [
            {
                "rule_id": f.rule_id.value,
                "status": f.status.value,
                "explanation": f.explanation,
                "advice": f.advice,
            }
            for f in check.findings
        ],
        "checked_on": on.isoformat(),
        "locale": locale,
    }


def _rule(rule_id: str) -> WmoRule | JeugdRule:
    """The rule of a stored finding: a Wmo melding's, or a request for youth care's."""
    return WmoRule(rule_id) if rule_id in WmoRule._value2member_map_ else JeugdRule(rule_id)


def check_from_payload(stored: dict[str, Any]) -> WmoCheck:
    return WmoCheck(
        findings=tuple(
            WmoFinding(_rule(f["rule_id"]), FindingStatus(f["status"]), f["explanation"], f.get("advice"))
            for f in stored["findings"]
        ),
        route=Route(stored["route"]),
    )


class WmoCaseRows:
    """Creating a Wmo case and reading its melding, on the unit of work's session."""

    def __init__(self, session: Session, cipher: Cipher) -> None:
        self._session = session
        self._cipher = cipher

    def create(
        self,
        melding: WmoMelding,
        check: WmoCheck,
        consents: Sequence[ConsentRecord],
        locale: str,
        now: datetime,
        *,
        resume_hash: str | None,
        source: CaseSource,
        organisation: str,
        created_by: str,
        urgent: bool = False,
        handover: dict[str, Any] | None = None,
        provision: Provision = Provision.WMO,
    ) -> tuple[int, str]:
        """A new Wmo (or youth-care) case in the queue with its melding and check sealed and its
        consents; returns its id and reference (``WMO-2026-000123``, ``JEUGD-2026-000124``: the
        case ids are one series for every provision)."""
        content = {
            "melding": melding.model_dump(mode="json"),
            "wmo_check": check_payload(check, now.date(), locale),
        }
        if handover is not None:
            content["handover"] = handover
        row = CaseRow(
            source=source.value,
            provision=provision.value,
            status=CaseStatus.NEW.value,
            outcome=check.route.value,
            urgent=urgent,
            received_at=now,
            locale=locale,
            resume_hash=resume_hash,
            draft_id=None,
            organisation=organisation,
            created_by=created_by,
            parents_completed=True,
            payload=self._cipher.seal_json(content),
        )
        self._session.add(row)
        self._session.flush()
        row.reference = f"{provision.value.upper()}-{now.year}-{row.id:06d}"
        self._session.add_all(consent_row(row.id, consent) for consent in consents)
        self._session.flush()
        return row.id, row.reference

    def create_without_melding(
        self,
        provision: Provision,
        status: CaseStatus,
        content: dict[str, Any],
        now: datetime,
        *,
        source: CaseSource,
        organisation: str,
        created_by: str,
        locale: str = "nl",
        urgent: bool = False,
    ) -> tuple[int, str]:
        """A new case that did not come in as a melding (a GI's bepaling, a provider's 315), in
        ``status``, with ``content`` sealed as its payload; returns its id and reference. Its
        ``outcome`` column names how it came in (``content["route"]``, clear: a route)."""
        row = CaseRow(
            source=source.value,
            provision=provision.value,
            status=status.value,
            outcome=str(content.get("route", "")),
            urgent=urgent,
            received_at=now,
            locale=locale,
            resume_hash=None,
            draft_id=None,
            organisation=organisation,
            created_by=created_by,
            parents_completed=True,
            payload=self._cipher.seal_json(content),
        )
        self._session.add(row)
        self._session.flush()
        row.reference = f"{provision.value.upper()}-{now.year}-{row.id:06d}"
        self._session.flush()
        return row.id, row.reference

    def _row(self, reference: str) -> CaseRow:
        row = self._session.scalars(
            select(CaseRow).where(CaseRow.reference == reference, CaseRow.provision.in_(ACCESS_PROVISIONS))
        ).one_or_none()
        if row is None:
            raise CaseNotFound(reference)
        return row

    def melding(self, reference: str) -> StoredMelding:
        """The melding and check of the Wmo case ``reference`` (decrypted); ``CaseNotFound`` if none."""
        row = self._row(reference)
        content = self._cipher.open_json(row.payload)
        stored = content["wmo_check"]
        return StoredMelding(
            case_id=row.id,
            reference=reference,
            received_at=row.received_at,
            locale=row.locale,
            melding=WmoMelding.model_validate(content["melding"]),
            check=check_from_payload(stored),
            checked_on=date.fromisoformat(stored["checked_on"]),
            handover=content.get("handover"),
        )

    def any(self) -> bool:
        """Whether any Wmo case exists (the demo data are added only to a database without)."""
        return (
            self._session.scalar(select(CaseRow.id).where(CaseRow.provision.in_(ACCESS_PROVISIONS)).limit(1))
            is not None
        )

    def is_wmo(self, reference: str) -> bool:
        return (
            self._session.scalar(
                select(CaseRow.id).where(
                    CaseRow.reference == reference, CaseRow.provision.in_(ACCESS_PROVISIONS)
                )
            )
            is not None
        )

    def came_in_as(self, reference: str) -> str | None:
        """How the case came in, by its clear ``outcome`` column: a youth-care case's route (``G``,
        ``M``) when it came in without a melding, a melding's check route otherwise; None if no
        such case."""
        return self._session.scalar(
            select(CaseRow.outcome).where(
                CaseRow.reference == reference, CaseRow.provision.in_(ACCESS_PROVISIONS)
            )
        )

    def case_id(self, reference: str) -> int:
        return self._row(reference).id

    def received_at(self, reference: str) -> datetime:
        return self._row(reference).received_at

    def reference_of(self, case_id: int) -> str | None:
        """The reference of a Wmo case by its id (None for another provision's case)."""
        return self._session.scalar(
            select(CaseRow.reference).where(CaseRow.id == case_id, CaseRow.provision.in_(ACCESS_PROVISIONS))
        )

    def references_in(self, status: CaseStatus) -> list[str]:
        """The references of the Wmo cases in ``status``, longest waiting first."""
        return [
            str(reference)
            for reference in self._session.scalars(
                select(CaseRow.reference)
                .where(
                    CaseRow.provision.in_(ACCESS_PROVISIONS),
                    CaseRow.status == status.value,
                    CaseRow.reference.is_not(None),
                )
                .order_by(CaseRow.received_at, CaseRow.id)
            )
        ]

    def references_judged(self) -> list[str]:
        """The Wmo cases whose newest change-request event is the access worker's judgement (a
        change request judged and not yet answered), from the events' clear kinds."""
        kinds = [
            EventKind.WMO_CHANGE_REQUESTED.value,
            EventKind.WMO_CHANGE_JUDGED.value,
            EventKind.WMO_CHANGE_ANSWERED.value,
        ]
        newest: dict[str, str] = {}
        for reference, kind in self._session.execute(
            select(CaseRow.reference, CaseEventRow.kind)
            .join(CaseEventRow, CaseEventRow.case_id == CaseRow.id)
            .where(CaseRow.provision.in_(ACCESS_PROVISIONS), CaseEventRow.kind.in_(kinds))
            .order_by(CaseEventRow.id)
        ):
            newest[str(reference)] = kind
        return [reference for reference, kind in newest.items() if kind == EventKind.WMO_CHANGE_JUDGED.value]

    def link_client(self, case_id: int, bsn: str) -> None:
        """Record that the case is about the client with ``bsn`` (kept as a keyed hash only); a
        second link of the same client changes nothing."""
        bsn_hash = self._cipher.lookup_hash(bsn)
        exists = self._session.scalar(
            select(CaseClientRow.id).where(
                CaseClientRow.case_id == case_id, CaseClientRow.bsn_hash == bsn_hash
            )
        )
        if exists is None:
            self._session.add(CaseClientRow(case_id=case_id, bsn_hash=bsn_hash))
            self._session.flush()

    def known_cases(self, bsn: str) -> list[KnownCase]:
        """The cases about the client with ``bsn``, newest first (clear columns only)."""
        rows = self._session.execute(
            select(CaseRow.reference, CaseRow.provision, CaseRow.status, CaseRow.owner)
            .join(CaseClientRow, CaseClientRow.case_id == CaseRow.id)
            .where(CaseClientRow.bsn_hash == self._cipher.lookup_hash(bsn), CaseRow.reference.is_not(None))
            .order_by(CaseRow.id.desc())
        ).all()
        return [
            KnownCase(str(r.reference), Provision(r.provision), CaseStatus(r.status), r.owner) for r in rows
        ]

    def open_terms(self, statuses: Sequence[CaseStatus], owner: str | None) -> list[WmoTermRow]:
        """The term days of the Wmo cases in ``statuses`` (only ``owner``'s when given), read from
        the clear columns: the melding's day and the notes of the events that carry a day."""
        query = select(
            CaseRow.id,
            CaseRow.reference,
            CaseRow.owner,
            CaseRow.status,
            CaseRow.received_at,
            CaseRow.provision,
        ).where(
            CaseRow.provision.in_(ACCESS_PROVISIONS),
            CaseRow.reference.is_not(None),
            CaseRow.status.in_([s.value for s in statuses]),
        )
        if owner is not None:
            query = query.where(CaseRow.owner == owner)
        cases = self._session.execute(query).all()
        notes: dict[int, list[tuple[str, str]]] = {c.id: [] for c in cases}
        if cases:
            for case_id, kind, note in self._session.execute(
                select(CaseEventRow.case_id, CaseEventRow.kind, CaseEventRow.note)
                .where(
                    CaseEventRow.case_id.in_(list(notes)),
                    CaseEventRow.kind.in_([EventKind(k).value for k in TERM_KINDS]),
                )
                .order_by(CaseEventRow.id)
            ):
                notes[case_id].append((kind, note))
        return [
            WmoTermRow(
                reference=c.reference,
                owner=c.owner,
                status=CaseStatus(c.status),
                days=term_days(c.received_at.date(), notes[c.id]),
                provision=Provision(c.provision),
            )
            for c in cases
        ]


__all__ = [
    "ACCESS_PROVISIONS",
    "KnownCase",
    "StoredMelding",
    "WmoCaseRows",
    "WmoTermRow",
    "check_from_payload",
    "check_payload",
]
