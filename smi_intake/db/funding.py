"""The funding overview as a plain read query: the granted indications the municipality may see.

The municipality sees an indication only while the parents' consent to share data with the
municipality is given (``Sharing.MUNICIPALITY``); the others are only counted, and never
decrypted. The consents of all the cases are read in one query, not one per case.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from smi_core.cases import ConsentRecord
from smi_core.constants import CareType
from smi_core.funding import GRANTED_STATUSES, ApplicationStatus
from smi_core.placement import ConsentState, Indication, Sharing, check_sharing
from smi_intake.crypto import Cipher
from smi_intake.db.models import (
    ConsentRow,
    IndicationRow,
    ProviderLocationRow,
    ProviderRow,
    SubsidyApplicationRow,
    SubsidyLineRow,
)
from smi_intake.db.rows import consent_from_row, read_indication


def municipality_consents(session: Session, case_ids: Iterable[int], at: datetime) -> dict[int, ConsentState]:
    """The state of the municipality consent of each case at ``at``, read in one query."""
    records: dict[int, list[ConsentRecord]] = defaultdict(list)
    ids = list(set(case_ids))
    if ids:
        rows = session.scalars(
            select(ConsentRow)
            .where(ConsentRow.case_id.in_(ids))
            .order_by(ConsentRow.recorded_at, ConsentRow.id)
        )
        for row in rows:
            records[row.case_id].append(consent_from_row(row))
    return {case_id: check_sharing(records[case_id], Sharing.MUNICIPALITY, at).state for case_id in ids}


@dataclass(frozen=True)
class GrantedIndication:
    """A granted indication's clear columns, with its provider and location names."""

    reference: str
    provider_id: int | None
    provider: str
    location: str
    care_type: CareType
    start: date
    last_day: date
    ended_on: date | None
    extensions: int
    children: int
    dagdelen_per_week: int
    indication: Indication | None
    """Decrypted only when asked for."""


@dataclass(frozen=True)
class VisibleIndications:
    """The indications the municipality may see (by start, then reference), and how many it may not."""

    shown: list[GrantedIndication]
    hidden: dict[ConsentState, int] = field(default_factory=dict)


class FundingQueries:
    """The funding overview's reads, on the unit of work's session."""

    def __init__(self, session: Session, cipher: Cipher) -> None:
        self._session = session
        self._cipher = cipher

    def visible_indications(self, at: datetime, decrypt: bool) -> VisibleIndications:
        """The indications whose families consent at ``at`` to sharing with the municipality (each
        decrypted when ``decrypt``), and the others counted by consent state."""
        rows = self._session.execute(
            select(IndicationRow, ProviderLocationRow.name, ProviderRow.id, ProviderRow.name)
            .outerjoin(ProviderLocationRow, IndicationRow.location_id == ProviderLocationRow.id)
            .outerjoin(ProviderRow, ProviderLocationRow.provider_id == ProviderRow.id)
            .order_by(IndicationRow.start, IndicationRow.reference)
        ).all()
        states = municipality_consents(self._session, (r[0].case_id for r in rows), at)
        shown: list[GrantedIndication] = []
        hidden: dict[ConsentState, int] = defaultdict(int)
        for row, location, provider_id, provider in rows:
            state = states[row.case_id]
            if state is not ConsentState.GIVEN:
                hidden[state] += 1
                continue
            shown.append(
                GrantedIndication(
                    reference=row.reference,
                    provider_id=provider_id,
                    provider=provider or "",
                    location=location or "",
                    care_type=CareType(row.care_type),
                    start=row.start,
                    last_day=row.last_day,
                    ended_on=row.ended_on,
                    extensions=row.extensions,
                    children=row.children,
                    dagdelen_per_week=row.dagdelen_per_week,
                    indication=read_indication(row, self._cipher) if decrypt else None,
                )
            )
        return VisibleIndications(shown=shown, hidden=dict(hidden))

    def granted_amounts(self, references: Sequence[str]) -> dict[tuple[str, bool], int]:
        """(reference, paid?) -> the amount of its lines in approved (False) or paid (True) applications."""
        if not references:
            return {}
        rows = self._session.execute(
            select(
                SubsidyLineRow.reference, SubsidyApplicationRow.status, func.sum(SubsidyLineRow.amount_cents)
            )
            .join(SubsidyApplicationRow, SubsidyLineRow.application_id == SubsidyApplicationRow.id)
            .where(
                SubsidyLineRow.reference.in_(references),
                SubsidyApplicationRow.status.in_([s.value for s in GRANTED_STATUSES]),
            )
            .group_by(SubsidyLineRow.reference, SubsidyApplicationRow.status)
        )
        return {
            (reference, status == ApplicationStatus.PAID.value): int(total or 0)
            for reference, status, total in rows
        }
