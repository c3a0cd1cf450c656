"""The intake queue as read queries: one page of cases, and totals summed from ``case_counts``.

The totals are sums over ``case_counts``, a few rows per status, outcome, source and owner that
database triggers keep exact; so a rerun of the queue costs the same with a hundred cases as with
a hundred thousand. The page itself is one SELECT ordered by urgent, received and id, with LIMIT.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from smi_core.access import CASE_WORKERS
from smi_core.cases import CaseSource, CaseStatus
from smi_intake.db.models import AccountRow, CaseCountRow, CaseRow


@dataclass(frozen=True)
class CaseFilter:
    """Which cases the queue shows: ``owner`` only those of one worker, ``unassigned`` those of none."""

    statuses: frozenset[CaseStatus]
    outcome: str | None = None
    source: CaseSource | None = None
    owner: str | None = None
    unassigned: bool = False


@dataclass(frozen=True)
class QueueEntry:
    """One case as the queue reads it: clear columns only."""

    reference: str
    source: CaseSource
    received_at: datetime
    urgent: bool
    outcome: str
    owner: str | None
    status: CaseStatus
    version: int
    provision: str = "smi"
    """The provision the case is about (``smi_core.case.Provision``)."""


def _conditions(which: CaseFilter, table: type[CaseRow] | type[CaseCountRow]) -> list[Any]:
    """The filters on the cases or on their counter rows (where no owner is '')."""
    no_owner = CaseRow.owner.is_(None) if table is CaseRow else CaseCountRow.owner == ""
    conditions: list[Any] = [table.status.in_([s.value for s in which.statuses])]
    if which.outcome:
        conditions.append(table.outcome == which.outcome)
    if which.source:
        conditions.append(table.source == which.source.value)
    if which.owner is not None:
        conditions.append(table.owner == which.owner)
    if which.unassigned:
        conditions.append(no_owner)
    return conditions


def filtered(statement: Any, which: CaseFilter) -> Any:
    """The queue's filters on any SELECT over cases (only cases that have a reference)."""
    return statement.where(CaseRow.reference.is_not(None), *_conditions(which, CaseRow))


class QueueQueries:
    """The queue's reads, on the unit of work's session."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def total(self, which: CaseFilter) -> int:
        """The number of cases that pass the filter, summed from the counter rows."""
        counted = select(func.coalesce(func.sum(CaseCountRow.count), 0)).where(
            *_conditions(which, CaseCountRow)
        )
        return int(self._session.scalar(counted) or 0)

    def entries(self, which: CaseFilter, limit: int, offset: int) -> list[QueueEntry]:
        """The cases that pass the filter: urgent first, then longest waiting, then by id."""
        rows = self._session.execute(
            filtered(
                select(
                    CaseRow.reference,
                    CaseRow.source,
                    CaseRow.received_at,
                    CaseRow.urgent,
                    CaseRow.outcome,
                    CaseRow.owner,
                    CaseRow.status,
                    CaseRow.version,
                    CaseRow.provision,
                ),
                which,
            )
            .order_by(CaseRow.urgent.desc(), CaseRow.received_at, CaseRow.id)
            .limit(limit)
            .offset(offset)
        ).all()
        return [
            QueueEntry(
                reference=reference or "",
                source=CaseSource(source),
                received_at=received_at,
                urgent=urgent,
                outcome=outcome,
                owner=owner,
                status=CaseStatus(status),
                version=version,
                provision=provision,
            )
            for reference, source, received_at, urgent, outcome, owner, status, version, provision in rows
        ]

    def counts(self, statuses: Collection[CaseStatus]) -> dict[CaseStatus, int]:
        """The number of cases per status of ``statuses`` (those with none left out)."""
        return {
            CaseStatus(status): int(count)
            for status, count in self._session.execute(
                select(CaseCountRow.status, func.sum(CaseCountRow.count))
                .where(CaseCountRow.status.in_([s.value for s in statuses]))
                .group_by(CaseCountRow.status)
                .having(func.sum(CaseCountRow.count) > 0)
            )
        }

    def colleagues(self) -> list[str]:
        """The user names of the active accounts that handle cases, by name."""
        return list(
            self._session.scalars(
                select(AccountRow.username)
                .where(AccountRow.role.in_([r.value for r in CASE_WORKERS]), AccountRow.active)
                .order_by(AccountRow.username)
            )
        )
