"""The clear columns of the cases that went the coalition's way (B2-B5): which cases they are, and
the days of their contact term (``BEG-CONTACT-1W``), read without decrypting anything."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from smi_core.case.coalition_records import CONTACT_KINDS, ContactDays, contact_days
from smi_core.case.kinds import EventKind
from smi_core.case.route import Provision
from smi_core.cases import CaseStatus
from smi_intake.db.models import CaseEventRow, CaseRow


@dataclass(frozen=True)
class ContactTermRow:
    reference: str
    owner: str | None
    days: ContactDays


class CoalitionRows:
    """Reads of the coalition's cases on the unit of work's session."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def references_with(self, *kinds: EventKind) -> list[str]:
        """The Wmo cases passed to the coalition that have an event of every one of ``kinds``,
        longest waiting first."""
        wanted = {EventKind.WMO_PASSED_TO_COALITION.value, *(kind.value for kind in kinds)}
        found: dict[str, set[str]] = {}
        for reference, kind in self._session.execute(
            select(CaseRow.reference, CaseEventRow.kind)
            .join(CaseEventRow, CaseEventRow.case_id == CaseRow.id)
            .where(CaseRow.provision == Provision.WMO.value, CaseEventRow.kind.in_(wanted))
            .order_by(CaseRow.received_at, CaseRow.id)
        ):
            found.setdefault(str(reference), set()).add(kind)
        return [reference for reference, seen in found.items() if seen >= wanted]

    def contact_terms(self, statuses: Sequence[CaseStatus], owner: str | None) -> list[ContactTermRow]:
        """The contact term's days of the coalition's cases in ``statuses`` (only ``owner``'s when
        given), from the events' clear kinds, times and notes."""
        query = select(CaseRow.id, CaseRow.reference, CaseRow.owner).where(
            CaseRow.provision == Provision.WMO.value,
            CaseRow.reference.is_not(None),
            CaseRow.status.in_([s.value for s in statuses]),
        )
        if owner is not None:
            query = query.where(CaseRow.owner == owner)
        cases = {c.id: c for c in self._session.execute(query)}
        if not cases:
            return []
        events: dict[int, list[tuple[str, datetime, str]]] = {case_id: [] for case_id in cases}
        for case_id, kind, occurred_at, note in self._session.execute(
            select(CaseEventRow.case_id, CaseEventRow.kind, CaseEventRow.occurred_at, CaseEventRow.note)
            .where(
                CaseEventRow.case_id.in_(list(cases)),
                CaseEventRow.kind.in_([k.value for k in CONTACT_KINDS]),
            )
            .order_by(CaseEventRow.id)
        ):
            events[case_id].append((kind, occurred_at, note))
        rows = []
        for case_id, case in cases.items():
            days = contact_days(events[case_id])
            if days.assigned_on is not None:
                rows.append(ContactTermRow(str(case.reference), case.owner, days))
        return rows


__all__ = ["CoalitionRows", "ContactTermRow"]
