"""The facts behind the reports as plain read queries: clear columns only, nothing decrypted.

Four queries, whatever the number of cases: the cases, their decisions, the indications and
the subsidy applications.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from smi_core.case.events import EventKind
from smi_core.cases import CaseSource, CaseStatus
from smi_core.reports import Decision, IndicationFacts, PaidFacts, Quarter
from smi_intake.db.models import CaseEventRow, CaseRow, IndicationRow, SubsidyApplicationRow

DECISION_KINDS = (EventKind.DECISION.value, EventKind.OTHER_ROUTE.value)


@dataclass(frozen=True)
class ReportedCase:
    id: int
    received_at: datetime
    status: CaseStatus
    source: CaseSource


@dataclass(frozen=True)
class ReportedDecision:
    case_id: int
    decision: Decision
    occurred_at: datetime


@dataclass(frozen=True)
class PeriodRows:
    """What the database holds for a report's period, oldest decision first."""

    cases: list[ReportedCase]
    decisions: list[ReportedDecision]
    indications: list[IndicationFacts]
    paid: list[PaidFacts]


def _decision(kind: str, note: str) -> Decision | None:
    if kind == EventKind.OTHER_ROUTE:
        return "other_route"
    if note == "granted":
        return "granted"
    if note == "refused":
        return "refused"
    return None


class ReportQueries:
    """The reports' reads, on the unit of work's session."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def period(
        self,
        start: datetime,
        end: datetime,
        running_from: date,
        running_until: date,
        first: Quarter,
        last: Quarter,
    ) -> PeriodRows:
        """Cases received or decided from ``start`` up to (not including) ``end``, with their
        decisions; indications running at some day from ``running_from`` to ``running_until``;
        subsidy applications of the quarters ``first`` to ``last``."""
        decided_in_period = select(CaseEventRow.case_id).where(
            CaseEventRow.kind.in_(DECISION_KINDS),
            CaseEventRow.occurred_at >= start,
            CaseEventRow.occurred_at < end,
        )
        in_period = and_(
            CaseRow.reference.is_not(None),
            or_(
                and_(CaseRow.received_at >= start, CaseRow.received_at < end),
                CaseRow.id.in_(decided_in_period),
            ),
        )
        cases = self._session.execute(
            select(CaseRow.id, CaseRow.received_at, CaseRow.status, CaseRow.source).where(in_period)
        ).all()
        events = self._session.execute(
            select(CaseEventRow.case_id, CaseEventRow.kind, CaseEventRow.note, CaseEventRow.occurred_at)
            .join(CaseRow, CaseRow.id == CaseEventRow.case_id)
            .where(CaseEventRow.kind.in_(DECISION_KINDS), in_period)
            .order_by(CaseEventRow.occurred_at, CaseEventRow.id)
        ).all()
        indications = self._session.execute(
            select(
                IndicationRow.start,
                IndicationRow.last_day,
                IndicationRow.ended_on,
                IndicationRow.extensions,
            ).where(
                IndicationRow.start <= running_until,
                func.coalesce(IndicationRow.ended_on, IndicationRow.last_day) >= running_from,
            )
        ).all()
        quarter_index = SubsidyApplicationRow.year * 4 + SubsidyApplicationRow.quarter
        applications = self._session.execute(
            select(
                SubsidyApplicationRow.year,
                SubsidyApplicationRow.quarter,
                SubsidyApplicationRow.status,
                SubsidyApplicationRow.amount_cents,
            ).where(
                quarter_index >= first.year * 4 + first.number,
                quarter_index <= last.year * 4 + last.number,
            )
        ).all()
        decisions = []
        for case_id, kind, note, occurred_at in events:
            decision = _decision(kind, note)
            if decision is not None:
                decisions.append(ReportedDecision(case_id, decision, occurred_at))
        return PeriodRows(
            cases=[
                ReportedCase(case_id, received_at, CaseStatus(status), CaseSource(source))
                for case_id, received_at, status, source in cases
            ],
            decisions=decisions,
            indications=[IndicationFacts(*row) for row in indications],
            paid=[PaidFacts(*row) for row in applications],
        )
