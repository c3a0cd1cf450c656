"""The reports of a period, counted from its facts."""

from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from smi_core.case.route import is_open
from smi_core.cases import CaseSource, CaseStatus
from smi_core.constants import N_
from smi_core.dates import Quarter, month_end, month_start, months_between, quarters_between
from smi_core.funding import CLAIMING_STATUSES, GRANTED_STATUSES, ApplicationStatus
from smi_core.reports.facts import CaseFacts, IndicationFacts, PaidFacts, ReportFacts


@dataclass(frozen=True, slots=True)
class MonthlyRequests:
    month: date
    parents: int
    agency: int

    @property
    def total(self) -> int:
        return self.parents + self.agency


def requests_per_month(
    cases: Iterable[CaseFacts], first_month: date, last_month: date
) -> list[MonthlyRequests]:
    """The requests received per month and source; every month of the range, also without any."""
    months = months_between(first_month, last_month)
    counted = Counter((month_start(c.received_on), c.source) for c in cases)
    return [
        MonthlyRequests(month, counted[month, CaseSource.OUDER], counted[month, CaseSource.INSTANTIE])
        for month in months
    ]


class OutcomeKind(StrEnum):
    """Where a request ended up."""

    GRANTED = "granted"
    REFUSED = "refused"
    OTHER_ROUTE = "other_route"
    PENDING = "pending"
    CLOSED = "closed"


OUTCOME_LABELS = {
    OutcomeKind.GRANTED: N_("Granted"),
    OutcomeKind.REFUSED: N_("Refused"),
    OutcomeKind.OTHER_ROUTE: N_("Other route"),
    OutcomeKind.PENDING: N_("No decision yet"),
    OutcomeKind.CLOSED: N_("Withdrawn or closed without a decision"),
}

_GRANTED_CASE_STATUSES = frozenset(
    {CaseStatus.GRANTED, CaseStatus.PLACEMENT_REQUESTED, CaseStatus.PLACED, CaseStatus.ENDED}
)


def outcome_of(case: CaseFacts) -> OutcomeKind:
    """The recorded decision; without one, what the status says (a case moved on without a timeline)."""
    if case.decision is not None:
        return OutcomeKind(case.decision)
    if case.status in _GRANTED_CASE_STATUSES:
        return OutcomeKind.GRANTED
    if case.status is CaseStatus.REFUSED:
        return OutcomeKind.REFUSED
    if case.status is CaseStatus.OTHER_ROUTE:
        return OutcomeKind.OTHER_ROUTE
    return OutcomeKind.PENDING if is_open(case.status) else OutcomeKind.CLOSED


def outcomes(cases: Iterable[CaseFacts]) -> dict[OutcomeKind, int]:
    """How many requests ended up where, every kind present (zero included)."""
    counted = Counter(outcome_of(c) for c in cases)
    return {kind: counted[kind] for kind in OutcomeKind}


@dataclass(frozen=True, slots=True)
class DurationStats:
    """Calendar days to a decision: how many, the median, the mean, the shortest and the longest."""

    count: int
    median: float | None
    mean: float | None
    min: int | None
    max: int | None


def duration_stats(days: Sequence[int]) -> DurationStats:
    if not days:
        return DurationStats(0, None, None, None, None)
    return DurationStats(
        len(days), float(statistics.median(days)), statistics.fmean(days), min(days), max(days)
    )


@dataclass(frozen=True, slots=True)
class DecisionTimes:
    overall: DurationStats
    per_month: list[tuple[date, DurationStats]]


def days_to_decision(cases: Iterable[CaseFacts], months: Sequence[date] | None = None) -> DecisionTimes:
    """Days from receipt to decision for the decided cases, overall and per month of decision.

    With ``months``, every one of those months is listed (decisions in other months are left
    out of both); without, the months that have decisions.
    """
    wanted = None if months is None else {month_start(m) for m in months}
    per_month: dict[date, list[int]] = {}
    for case in cases:
        if case.decided_on is None or case.days_to_decision is None:
            continue
        month = month_start(case.decided_on)
        if wanted is None or month in wanted:
            per_month.setdefault(month, []).append(case.days_to_decision)
    listed = sorted(wanted) if wanted is not None else sorted(per_month)
    every = [d for m in listed for d in per_month.get(m, [])]
    return DecisionTimes(duration_stats(every), [(m, duration_stats(per_month.get(m, []))) for m in listed])


@dataclass(frozen=True, slots=True)
class MonthCount:
    month: date
    count: int


def reference_day(month: date, today: date) -> date | None:
    """The day a month is counted on: its last day, today in the current month, None in the future."""
    if month_start(month) > today:
        return None
    return min(month_end(month), today)


def active_indications_per_month(
    indications: Iterable[IndicationFacts], months: Sequence[date], today: date
) -> list[MonthCount]:
    """The indications running on each month's reference day (a month still to come counts none)."""
    facts = list(indications)
    counts = []
    for month in months:
        day = reference_day(month, today)
        counts.append(
            MonthCount(month_start(month), 0 if day is None else sum(f.active_on(day) for f in facts))
        )
    return counts


def extensions(indications: Iterable[IndicationFacts], most: int = 2) -> dict[int, int]:
    """How many indications have 0, 1, 2 … extensions; every number up to ``most`` present."""
    counted = Counter(f.extensions for f in indications)
    top = max([most, *counted])
    return {n: counted[n] for n in range(top + 1)}


@dataclass(frozen=True, slots=True)
class QuarterCosts:
    """The subsidy applications of one quarter that were not rejected, in euro cents."""

    quarter: Quarter
    applications: int
    applied_cents: int
    approved_cents: int
    paid_cents: int


def costs_per_quarter(
    paid: Iterable[PaidFacts], quarters: Sequence[Quarter] | None = None
) -> list[QuarterCosts]:
    """Applied for (not rejected), approved (approved or paid) and paid per quarter; with
    ``quarters`` every one of them (applications of other quarters left out), without the
    quarters that have any."""
    grouped: dict[Quarter, list[PaidFacts]] = {}
    for fact in paid:
        if fact.status not in CLAIMING_STATUSES:  # a rejected one may be submitted again
            continue
        grouped.setdefault(Quarter(fact.year, fact.quarter), []).append(fact)
    listed = sorted(set(quarters)) if quarters is not None else sorted(grouped)
    return [
        QuarterCosts(
            quarter,
            len(grouped.get(quarter, [])),
            sum(f.amount_cents for f in grouped.get(quarter, [])),
            sum(f.amount_cents for f in grouped.get(quarter, []) if f.status in GRANTED_STATUSES),
            sum(f.amount_cents for f in grouped.get(quarter, []) if f.status == ApplicationStatus.PAID),
        )
        for quarter in listed
    ]


# -- all reports of a period -----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Reports:
    since: date
    until: date
    requests: list[MonthlyRequests]
    outcomes: dict[OutcomeKind, int]
    decision_times: DecisionTimes
    active: list[MonthCount]
    extensions: dict[int, int]
    costs: list[QuarterCosts]


def build_reports(facts: ReportFacts, today: date, most_extensions: int = 2) -> Reports:
    """Every report of the facts' period (facts outside the period are left out)."""
    since, until = facts.since, facts.until
    months = months_between(since, until)
    received = [c for c in facts.cases if since <= c.received_on <= until]
    decided = [c for c in facts.cases if c.decided_on is not None and since <= c.decided_on <= until]
    running = [f for f in facts.indications if f.runs_during(since, until)]
    return Reports(
        since=since,
        until=until,
        requests=requests_per_month(received, since, until),
        outcomes=outcomes(received),
        decision_times=days_to_decision(decided, months),
        active=active_indications_per_month(facts.indications, months, today),
        extensions=extensions(running, most_extensions),
        costs=costs_per_quarter(facts.paid, quarters_between(since, until)),
    )
