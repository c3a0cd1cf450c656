"""Reports for the municipality and the SMI coordinator, counted from facts without personal data.

The service gathers small fact records from the clear columns (dates, statuses, counts and
amounts; never what is encrypted); the functions here count them. Every report is also a
table of rows, for the figures beside a chart and for a CSV file.

A period runs from ``since`` to ``until`` (both included) and covers the calendar months and
quarters those days fall in:

- requests: the cases received in the period, per month and per source;
- outcomes: what became of the requests received in the period, as known today;
- days to a decision: from receipt to the team decision or the other route, for the decisions
  taken in the period, per month of decision;
- active indications: running on the last day of each month (today for the current month);
- extensions: the indications that ran in the period, by their number of extensions;
- costs: the subsidy applications of each quarter (not the rejected ones), applied for, approved
  and paid.
"""

from __future__ import annotations

import csv
import io
import statistics
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from enum import StrEnum
from typing import Literal

from babel.numbers import format_currency, format_decimal

from smi_core.cases import CaseSource, CaseStatus
from smi_core.constants import N_
from smi_core.i18n import babel_locale
from smi_core.lifecycle import is_open

Decision = Literal["granted", "refused", "other_route"]
DECISIONS: tuple[Decision, ...] = ("granted", "refused", "other_route")
#: Subsidy statuses that claim their amount (a rejected application may be submitted again, so it
#: is left out, lest the same care be counted twice).
CLAIMING_STATUSES = frozenset({"submitted", "approved", "paid"})
#: Subsidy statuses whose amount the municipality approved (a paid application was approved first).
APPROVED_STATUSES = frozenset({"approved", "paid"})
PAID_STATUS = "paid"
#: Cells of a report's rows: text, a count, a number of days, or euros (a ``Decimal``).
Cell = str | int | float | Decimal | None


# -- the facts -----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class CaseFacts:
    """A submitted request: when it came in, from whom, where it is, and the decision if any."""

    received_on: date
    decided_on: date | None
    decision: Decision | None
    status: CaseStatus
    source: CaseSource

    def __post_init__(self) -> None:
        if (self.decided_on is None) != (self.decision is None):
            raise ValueError("a decision needs its date, and a date its decision")
        if self.decided_on is not None and self.decided_on < self.received_on:
            raise ValueError("a decision cannot come before the request")

    @property
    def days_to_decision(self) -> int | None:
        """Calendar days from receipt to the decision (0: decided on the day it came in)."""
        return None if self.decided_on is None else (self.decided_on - self.received_on).days


@dataclass(frozen=True, slots=True)
class IndicationFacts:
    """An indication's period: its start, planned last day, early end if any, and extensions."""

    start: date
    last_day: date
    ended_on: date | None
    extensions: int

    def __post_init__(self) -> None:
        if self.extensions < 0:
            raise ValueError("extensions cannot be negative")

    @property
    def end(self) -> date:
        """The last day of care: the planned last day, or the earlier day it ended."""
        return self.last_day if self.ended_on is None else min(self.last_day, self.ended_on)

    def active_on(self, day: date) -> bool:
        return self.start <= day <= self.end

    def runs_during(self, first: date, last: date) -> bool:
        return self.start <= last and self.end >= first


@dataclass(frozen=True, slots=True)
class PaidFacts:
    """A quarterly subsidy application: its quarter, status and amount in euro cents."""

    year: int
    quarter: int
    status: str
    amount_cents: int

    def __post_init__(self) -> None:
        if not 1 <= self.quarter <= 4:
            raise ValueError("a quarter lies between 1 and 4")


@dataclass(frozen=True, slots=True)
class ReportFacts:
    """Everything the reports of one period count."""

    since: date
    until: date
    cases: tuple[CaseFacts, ...] = ()
    indications: tuple[IndicationFacts, ...] = ()
    paid: tuple[PaidFacts, ...] = ()

    def __post_init__(self) -> None:
        if self.since > self.until:
            raise ValueError("a period cannot end before it starts")


# -- months and quarters -------------------------------------------------------------------------


def month_start(day: date) -> date:
    return day.replace(day=1)


def month_end(day: date) -> date:
    following = date(day.year + day.month // 12, day.month % 12 + 1, 1)
    return following - timedelta(days=1)


def months_between(first: date, last: date) -> list[date]:
    """The first day of every month from ``first``'s month to ``last``'s month, both included."""
    months = []
    month = month_start(first)
    while month <= last:
        months.append(month)
        month = month_end(month) + timedelta(days=1)
    return months


def month_label(month: date) -> str:
    """``2026-03``: sorts well and reads the same in every language and in a spreadsheet."""
    return f"{month.year:04d}-{month.month:02d}"


@dataclass(frozen=True, slots=True, order=True)
class Quarter:
    year: int
    quarter: int

    @classmethod
    def of(cls, day: date) -> Quarter:
        return cls(day.year, (day.month - 1) // 3 + 1)

    @property
    def label(self) -> str:
        return f"{self.year:04d}-Q{self.quarter}"


def quarters_between(first: date, last: date) -> list[Quarter]:
    """Every quarter from ``first``'s quarter to ``last``'s quarter, both included."""
    start, end = Quarter.of(first), Quarter.of(last)
    return [
        Quarter(index // 4, index % 4 + 1)
        for index in range(start.year * 4 + start.quarter - 1, end.year * 4 + end.quarter)
    ]


# -- the reports -----------------------------------------------------------------------------


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

_GRANTED_STATUSES = frozenset(
    {CaseStatus.GRANTED, CaseStatus.PLACEMENT_REQUESTED, CaseStatus.PLACED, CaseStatus.ENDED}
)


def outcome_of(case: CaseFacts) -> OutcomeKind:
    """The recorded decision; without one, what the status says (a case moved on without a timeline)."""
    if case.decision is not None:
        return OutcomeKind(case.decision)
    if case.status in _GRANTED_STATUSES:
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
        if fact.status not in CLAIMING_STATUSES:
            continue
        grouped.setdefault(Quarter(fact.year, fact.quarter), []).append(fact)
    listed = sorted(set(quarters)) if quarters is not None else sorted(grouped)
    return [
        QuarterCosts(
            quarter,
            len(grouped.get(quarter, [])),
            sum(f.amount_cents for f in grouped.get(quarter, [])),
            sum(f.amount_cents for f in grouped.get(quarter, []) if f.status in APPROVED_STATUSES),
            sum(f.amount_cents for f in grouped.get(quarter, []) if f.status == PAID_STATUS),
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


# -- rows for tables and CSV files -----------------------------------------------------------


class ReportName(StrEnum):
    REQUESTS = "requests_per_month"
    OUTCOMES = "outcomes"
    DECISION_DAYS = "days_to_decision"
    ACTIVE = "active_indications"
    EXTENSIONS = "extensions"
    COSTS = "costs_per_quarter"


REPORT_TITLES = {
    ReportName.REQUESTS: N_("Requests per month"),
    ReportName.OUTCOMES: N_("Outcomes of the requests"),
    ReportName.DECISION_DAYS: N_("Days from request to decision"),
    ReportName.ACTIVE: N_("Active indications"),
    ReportName.EXTENSIONS: N_("Extensions"),
    ReportName.COSTS: N_("Costs per quarter"),
}

ALL = N_("All")


def _identity(message: str) -> str:
    return message


def euros(cents: int) -> Decimal:
    """Euro cents as an exact amount in euros."""
    return Decimal(cents).scaleb(-2)


def report_rows(
    name: ReportName, reports: Reports, translate: Callable[[str], str] = _identity
) -> tuple[list[str], list[list[Cell]]]:
    """One report as a header and rows: months as ``2026-03``, quarters as ``2026-Q1``, days as
    numbers, money as euros (``Decimal``); ``translate`` turns the header and labels into text."""
    t = translate
    if name is ReportName.REQUESTS:
        return [t(N_("Month")), t(N_("From parents")), t(N_("From agencies")), t(N_("Total"))], [
            [month_label(r.month), r.parents, r.agency, r.total] for r in reports.requests
        ]
    if name is ReportName.OUTCOMES:
        return [t(N_("Outcome")), t(N_("Requests"))], [
            [t(OUTCOME_LABELS[kind]), count] for kind, count in reports.outcomes.items()
        ]
    if name is ReportName.DECISION_DAYS:
        header = [t(N_("Month of decision")), t(N_("Decisions")), t(N_("Median days"))]
        header += [t(N_("Mean days")), t(N_("Most days"))]
        times = reports.decision_times
        rows: list[list[Cell]] = [
            [month_label(month), s.count, s.median, _rounded(s.mean), s.max] for month, s in times.per_month
        ]
        s = times.overall
        rows.append([t(ALL), s.count, s.median, _rounded(s.mean), s.max])
        return header, rows
    if name is ReportName.ACTIVE:
        return [t(N_("Month")), t(N_("Active indications"))], [
            [month_label(m.month), m.count] for m in reports.active
        ]
    if name is ReportName.EXTENSIONS:
        return [t(N_("Extensions")), t(N_("Indications"))], [[n, c] for n, c in reports.extensions.items()]
    header = [t(N_("Quarter")), t(N_("Applications")), t(N_("Applied for"))]
    header += [t(N_("Approved")), t(N_("Paid"))]
    return header, [
        [
            c.quarter.label,
            c.applications,
            euros(c.applied_cents),
            euros(c.approved_cents),
            euros(c.paid_cents),
        ]
        for c in reports.costs
    ]


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, 1)


def all_rows(
    reports: Reports, translate: Callable[[str], str] = _identity
) -> tuple[list[str], list[list[Cell]]]:
    """Every report in one long table: report, row (month, quarter, outcome …), measure, value."""
    header = [translate(N_("Report")), translate(N_("Row")), translate(N_("Measure")), translate(N_("Value"))]
    rows: list[list[Cell]] = []
    for name in ReportName:
        columns, table = report_rows(name, reports, translate)
        title = translate(REPORT_TITLES[name])
        for row in table:
            rows.extend(
                [title, row[0], column, value] for column, value in zip(columns[1:], row[1:], strict=True)
            )
    return header, rows


def format_cell(cell: Cell, locale: str, *, for_csv: bool = False) -> str:
    """A cell as text in ``locale``: euros with the currency sign on screen and as a plain decimal
    number in a CSV file (so a spreadsheet can add them up); nothing as a dash on screen."""
    where = babel_locale(locale)
    if cell is None:
        return "" if for_csv else "–"
    if isinstance(cell, Decimal):
        if for_csv:
            return format_decimal(cell, format="0.00", locale=where)
        return format_currency(cell, "EUR", locale=where)
    if isinstance(cell, float):
        return format_decimal(cell, format="0.#", locale=where)
    if isinstance(cell, int):
        return str(cell) if for_csv else format_decimal(cell, locale=where)
    return cell


_FORMULA_STARTS = ("=", "+", "@", "\t", "\r")


def csv_bytes(header: Sequence[str], rows: Iterable[Sequence[str]]) -> bytes:
    """A CSV file as Excel opens it: ``;`` between fields, a header, UTF-8 with a byte-order mark.

    A text cell that a spreadsheet would read as a formula gets a leading apostrophe.
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    for line in [header, *rows]:
        writer.writerow([_inert(cell) for cell in line])
    return buffer.getvalue().encode("utf-8-sig")


def _inert(cell: str) -> str:
    formula = cell.startswith(_FORMULA_STARTS) or (cell.startswith("-") and not cell[1:2].isdigit())
    return f"'{cell}" if formula else cell
