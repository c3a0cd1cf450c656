"""The facts behind the reports for the municipality and the SMI coordinator.

Only clear columns are read: dates, statuses, sources, counts and amounts. Nothing is
decrypted, so a report can hold no personal or medical data. Four queries, whatever the
number of cases: the cases, their decisions, the indications and the subsidy applications.

Days are the municipality's days (Europe/Amsterdam): a request that came in at 23:30 on
31 January counts for January, even though it is stored as 1 February in UTC.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import and_, func, or_, select

from smi_core.access import Permission, may
from smi_core.cases import CaseSource, CaseStatus
from smi_core.errors import NotAllowed
from smi_core.reports import (
    CaseFacts,
    Decision,
    IndicationFacts,
    PaidFacts,
    Quarter,
    ReportFacts,
    month_end,
)
from smi_intake.db.models import (
    CaseEventRow,
    CaseRow,
    EventKind,
    IndicationRow,
    SubsidyApplicationRow,
    audit,
)
from smi_intake.db.uow import UnitOfWorkFactory
from smi_intake.services.accounts import Account

LOCAL_ZONE = ZoneInfo("Europe/Amsterdam")
DECISION_KINDS = (EventKind.DECISION.value, EventKind.OTHER_ROUTE.value)


def local_day(moment: datetime) -> date:
    """The municipality's calendar day of a stored moment."""
    return moment.astimezone(LOCAL_ZONE).date()


def _day_start(day: date) -> datetime:
    return datetime.combine(day, time(), LOCAL_ZONE)


def _decision(kind: str, note: str) -> Decision | None:
    if kind == EventKind.OTHER_ROUTE:
        return "other_route"
    if note == "granted":
        return "granted"
    if note == "refused":
        return "refused"
    return None


class ReportService:
    def __init__(self, uows: UnitOfWorkFactory) -> None:
        self._uows = uows

    def facts(self, viewer: Account, since: date, until: date, now: datetime) -> ReportFacts:
        """The facts of the period ``since``–``until`` (both included), for municipality staff and
        the coordinator; the reading is audited with the period only.

        Cases: received in the period, or decided in it. Indications: running at some time from
        the period's start to the end of its last month. Subsidy applications: of the period's
        quarters.
        """
        if not may(viewer.role, Permission.READ_REPORTS):
            raise NotAllowed("only municipality staff and the SMI coordinator read the reports")
        if since > until:
            raise ValueError("a period cannot end before it starts")
        start, end = _day_start(since), _day_start(until + timedelta(days=1))
        first, last = Quarter.of(since), Quarter.of(until)
        with self._uows() as uow:
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
            cases = uow.session.execute(
                select(CaseRow.id, CaseRow.received_at, CaseRow.status, CaseRow.source).where(in_period)
            ).all()
            events = uow.session.execute(
                select(CaseEventRow.case_id, CaseEventRow.kind, CaseEventRow.note, CaseEventRow.occurred_at)
                .join(CaseRow, CaseRow.id == CaseEventRow.case_id)
                .where(CaseEventRow.kind.in_(DECISION_KINDS), in_period)
                .order_by(CaseEventRow.occurred_at, CaseEventRow.id)
            ).all()
            indications = uow.session.execute(
                select(
                    IndicationRow.start,
                    IndicationRow.last_day,
                    IndicationRow.ended_on,
                    IndicationRow.extensions,
                ).where(
                    IndicationRow.start <= month_end(until),
                    func.coalesce(IndicationRow.ended_on, IndicationRow.last_day) >= since,
                )
            ).all()
            quarter_index = SubsidyApplicationRow.year * 4 + SubsidyApplicationRow.quarter
            applications = uow.session.execute(
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
            uow.session.add(
                audit(
                    viewer.username,
                    "reports.viewed",
                    "reports",
                    "all",
                    now,
                    detail=f"{since.isoformat()}..{until.isoformat()}",
                )
            )
            uow.commit()

        decisions: dict[int, tuple[Decision, date]] = {}
        for case_id, kind, note, occurred_at in events:
            decision = _decision(kind, note)
            if decision is not None:
                decisions[case_id] = (decision, local_day(occurred_at))  # the latest one wins
        case_facts = []
        for case_id, received_at, status, source in cases:
            received = local_day(received_at)
            decision, decided = decisions.get(case_id, (None, None))
            case_facts.append(
                CaseFacts(
                    received_on=received,
                    decided_on=None if decided is None else max(decided, received),
                    decision=decision,
                    status=CaseStatus(status),
                    source=CaseSource(source),
                )
            )
        return ReportFacts(
            since=since,
            until=until,
            cases=tuple(case_facts),
            indications=tuple(IndicationFacts(*row) for row in indications),
            paid=tuple(PaidFacts(*row) for row in applications),
        )
