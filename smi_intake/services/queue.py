"""WIJzer's intake queue: filtering, sorting and paging in the database; taking and handing on cases.

The page and its totals are plain read queries (``smi_intake.db.queue``): the totals (the
filtered total and the counts per open status) are sums over ``case_counts``, so a rerun of the
queue costs the same with a hundred cases as with a hundred thousand.

Taking a case is one conditional UPDATE, so of two workers (or two app processes) taking the
same case at the same moment exactly one succeeds; the other is told who has it. Every other
change of a case names the version it was made on, and a change on an older version is refused.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import datetime

from smi_core import MunicipalityConfig
from smi_core.access import Permission, Role, may
from smi_core.case.route import is_open
from smi_core.cases import CaseSource, CaseStatus
from smi_core.dates import working_days_between
from smi_core.errors import NotAllowed
from smi_intake.db.queue import CaseFilter
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
    provision: str = "smi"
    """The provision the case is about (``smi_core.case.Provision``); for a Wmo case ``outcome``
    is the route its preliminary check points to (``smi_core.wmo.melding.Route``)."""


@dataclass(frozen=True)
class QueuePage:
    rows: list[QueueRow]
    total: int
    page: int
    pages: int
    counts: dict[CaseStatus, int] = field(default_factory=dict)


def case_filter(query: QueueQuery, worker: Account) -> CaseFilter:
    """The cases ``query`` shows to ``worker`` ("mine": those ``worker`` owns)."""
    return CaseFilter(
        statuses=query.statuses,
        outcome=query.outcome,
        source=query.source,
        owner=worker.username if query.mine else None,
        unassigned=query.unassigned,
    )


class QueueService:
    def __init__(self, uows: UnitOfWorkFactory, municipality: MunicipalityConfig) -> None:
        self._uows = uows
        self._municipality = municipality

    @staticmethod
    def _check(worker: Account) -> None:
        if not may(worker.role, Permission.HANDLE_CASES):
            raise NotAllowed("only WIJzer workers and the coordinator handle cases")

    def queue(self, worker: Account, query: QueueQuery, now: datetime) -> QueuePage:
        """One page of the queue: urgent first, then longest waiting; counts per open status."""
        self._check(worker)
        which = case_filter(query, worker)
        with self._uows() as uow:
            total = uow.queue.total(which)
            pages = max(1, math.ceil(total / query.page_size))
            page = min(max(1, query.page), pages)
            entries = uow.queue.entries(which, limit=query.page_size, offset=(page - 1) * query.page_size)
            counts = uow.queue.counts(OPEN_STATUSES)
        today = now.date()
        limit = self._municipality.contact_overdue_working_days
        result = []
        for entry in entries:
            waiting = working_days_between(entry.received_at.date(), today)
            result.append(
                QueueRow(
                    reference=entry.reference,
                    source=entry.source,
                    received_at=entry.received_at,
                    waiting_days=waiting,
                    urgent=entry.urgent,
                    outcome=entry.outcome,
                    owner=entry.owner,
                    status=entry.status,
                    overdue=entry.status in NOT_CONTACTED and waiting > limit,
                    version=entry.version,
                    provision=entry.provision,
                )
            )
        return QueuePage(rows=result, total=total, page=page, pages=pages, counts=counts)

    def claim(self, reference: str, worker: Account, now: datetime) -> None:
        """Become the case owner (regiehouder) of a new case; exactly one of simultaneous takers wins."""
        self._check(worker)
        with self._uows() as uow:
            case = uow.cases.get(reference, self._municipality)
            case.take(worker, now)
            uow.cases.save(case)
            uow.commit()

    def hand_to(
        self, reference: str, worker: Account, colleague: str, expected_version: int, now: datetime
    ) -> None:
        """Hand one's case to a colleague; refused when the case changed since ``expected_version``."""
        self._check(worker)
        with self._uows() as uow:
            case = uow.cases.get(reference, self._municipality)
            role = uow.cases.active_role(colleague)
            case.hand_to(worker, expected_version, colleague, Role(role) if role else None, now)
            uow.cases.save(case)
            uow.commit()

    def colleagues(self) -> list[str]:
        with self._uows() as uow:
            return uow.queue.colleagues()
