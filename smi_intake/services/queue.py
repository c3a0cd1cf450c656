"""WIJzer's intake queue: filtering, sorting and paging in the database; taking and handing on cases.

The totals (the filtered total and the counts per open status) are sums over ``case_counts``, a
few rows per status, outcome, source and owner that database triggers keep exact; so a rerun
of the queue costs the same with a hundred cases as with a hundred thousand.

Taking a case is one conditional UPDATE, so of two workers (or two app processes) taking the
same case at the same moment exactly one succeeds; the other is told who has it. Every other
change of a case names the version it was made on, and a change on an older version is refused.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import func, select

from smi_core import MunicipalityConfig
from smi_core.access import CASE_WORKERS, Permission, may
from smi_core.cases import CaseSource, CaseStatus
from smi_core.dates import working_days_between
from smi_core.errors import NotAllowed
from smi_core.lifecycle import is_open
from smi_intake.db.models import AccountRow, CaseCountRow, CaseRow
from smi_intake.db.uow import UnitOfWorkFactory
from smi_intake.services.accounts import Account

OPEN_STATUSES = frozenset(status for status in CaseStatus if is_open(status))
#: Statuses in which the family has not been contacted yet.
NOT_CONTACTED = frozenset({CaseStatus.NEW, CaseStatus.IN_TRIAGE})


@dataclass(frozen=True)
class QueueQuery:
    statuses: frozenset[CaseStatus] = OPEN_STATUSES
    outcome: str | None = None
    source: CaseSource | None = None
    mine: bool = False
    unassigned: bool = False
    page: int = 1
    page_size: int = 25


@dataclass(frozen=True)
class QueueRow:
    reference: str
    source: CaseSource
    received_at: datetime
    waiting_days: int
    urgent: bool
    outcome: str
    owner: str | None
    status: CaseStatus
    overdue: bool
    version: int


@dataclass(frozen=True)
class QueuePage:
    rows: list[QueueRow]
    total: int
    page: int
    pages: int
    counts: dict[CaseStatus, int] = field(default_factory=dict)


class QueueService:
    def __init__(self, uows: UnitOfWorkFactory, municipality: MunicipalityConfig) -> None:
        self._uows = uows
        self._municipality = municipality

    @staticmethod
    def _check(worker: Account) -> None:
        if not may(worker.role, Permission.HANDLE_CASES):
            raise NotAllowed("only WIJzer workers and the coordinator handle cases")

    @staticmethod
    def _conditions(
        query: QueueQuery, worker: Account, table: type[CaseRow] | type[CaseCountRow]
    ) -> list[Any]:
        """The queue's filters on the cases or on their counter rows (where no owner is '')."""
        no_owner = CaseRow.owner.is_(None) if table is CaseRow else CaseCountRow.owner == ""
        conditions: list[Any] = [table.status.in_([s.value for s in query.statuses])]
        if query.outcome:
            conditions.append(table.outcome == query.outcome)
        if query.source:
            conditions.append(table.source == query.source.value)
        if query.mine:
            conditions.append(table.owner == worker.username)
        if query.unassigned:
            conditions.append(no_owner)
        return conditions

    def _filtered(self, statement: Any, query: QueueQuery, worker: Account) -> Any:
        """The queue's filters on any SELECT over cases."""
        return statement.where(CaseRow.reference.is_not(None), *self._conditions(query, worker, CaseRow))

    def _counted(self, query: QueueQuery, worker: Account) -> Any:
        """The number of cases that pass the queue's filters, summed from the counter rows."""
        return select(func.coalesce(func.sum(CaseCountRow.count), 0)).where(
            *self._conditions(query, worker, CaseCountRow)
        )

    def queue(self, worker: Account, query: QueueQuery, now: datetime) -> QueuePage:
        """One page of the queue: urgent first, then longest waiting; counts per open status."""
        self._check(worker)
        with self._uows() as uow:
            total = int(uow.session.scalar(self._counted(query, worker)) or 0)
            pages = max(1, math.ceil(total / query.page_size))
            page = min(max(1, query.page), pages)
            rows = uow.session.execute(
                self._filtered(
                    select(
                        CaseRow.reference,
                        CaseRow.source,
                        CaseRow.received_at,
                        CaseRow.urgent,
                        CaseRow.outcome,
                        CaseRow.owner,
                        CaseRow.status,
                        CaseRow.version,
                    ),
                    query,
                    worker,
                )
                .order_by(CaseRow.urgent.desc(), CaseRow.received_at, CaseRow.id)
                .limit(query.page_size)
                .offset((page - 1) * query.page_size)
            ).all()
            counts = {
                CaseStatus(status): int(count)
                for status, count in uow.session.execute(
                    select(CaseCountRow.status, func.sum(CaseCountRow.count))
                    .where(CaseCountRow.status.in_([s.value for s in OPEN_STATUSES]))
                    .group_by(CaseCountRow.status)
                    .having(func.sum(CaseCountRow.count) > 0)
                )
            }
        today = now.date()
        limit = self._municipality.contact_overdue_working_days
        result = []
        for reference, source, received_at, urgent, outcome, owner, status, version in rows:
            waiting = working_days_between(received_at.date(), today)
            status = CaseStatus(status)
            result.append(
                QueueRow(
                    reference=reference or "",
                    source=CaseSource(source),
                    received_at=received_at,
                    waiting_days=waiting,
                    urgent=urgent,
                    outcome=outcome,
                    owner=owner,
                    status=status,
                    overdue=status in NOT_CONTACTED and waiting > limit,
                    version=version,
                )
            )
        return QueuePage(rows=result, total=total, page=page, pages=pages, counts=counts)

    def claim(self, reference: str, worker: Account, now: datetime) -> None:
        """Become the case owner (regiehouder) of a new case; exactly one of simultaneous takers wins."""
        self._check(worker)
        with self._uows() as uow:
            uow.cases.take(reference, worker.username, now)
            uow.commit()

    def hand_to(
        self, reference: str, worker: Account, colleague: str, expected_version: int, now: datetime
    ) -> None:
        """Hand one's case to a colleague; refused when the case changed since ``expected_version``."""
        self._check(worker)
        with self._uows() as uow:
            if uow.cases.active_role(colleague) not in {r.value for r in CASE_WORKERS}:
                raise NotAllowed(f"{colleague} does not handle cases")
            uow.cases.hand_to(reference, worker.username, colleague, expected_version, now)
            uow.commit()

    def colleagues(self) -> list[str]:
        with self._uows() as uow:
            return list(
                uow.session.scalars(
                    select(AccountRow.username)
                    .where(AccountRow.role.in_([r.value for r in CASE_WORKERS]), AccountRow.active)
                    .order_by(AccountRow.username)
                )
            )
