"""The facts behind the reports for the municipality and the SMI coordinator.

Only clear columns are read: dates, statuses, sources, counts and amounts. Nothing is
decrypted, so a report can hold no personal or medical data. Four queries, whatever the
number of cases (``smi_intake.db.reports``): the cases, their decisions, the indications and
the subsidy applications.

Days are the municipality's days (Europe/Amsterdam): a request that came in at 23:30 on
31 January counts for January, even though it is stored as 1 February in UTC.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from smi_core.access import Permission, may
from smi_core.errors import NotAllowed
from smi_core.reports import CaseFacts, Decision, Quarter, ReportFacts, month_end
from smi_intake.db.uow import UnitOfWorkFactory
from smi_intake.services.accounts import Account

LOCAL_ZONE = ZoneInfo("Europe/Amsterdam")


def local_day(moment: datetime) -> date:
    """The municipality's calendar day of a stored moment."""
    return moment.astimezone(LOCAL_ZONE).date()


def _day_start(day: date) -> datetime:
    return datetime.combine(day, time(), LOCAL_ZONE)


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
            found = uow.reports.period(start, end, since, month_end(until), first, last)
            uow.audit_log.record(
                viewer.username,
                "reports.viewed",
                "reports",
                "all",
                now,
                detail=f"{since.isoformat()}..{until.isoformat()}",
            )
            uow.commit()

        decisions: dict[int, tuple[Decision, date]] = {}
        for reported in found.decisions:
            # the latest one wins
            decisions[reported.case_id] = (reported.decision, local_day(reported.occurred_at))
        case_facts = []
        for case in found.cases:
            received = local_day(case.received_at)
            decision, decided = decisions.get(case.id, (None, None))
            case_facts.append(
                CaseFacts(
                    received_on=received,
                    decided_on=None if decided is None else max(decided, received),
                    decision=decision,
                    status=case.status,
                    source=case.source,
                )
            )
        return ReportFacts(
            since=since,
            until=until,
            cases=tuple(case_facts),
            indications=tuple(found.indications),
            paid=tuple(found.paid),
        )
