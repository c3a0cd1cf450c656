"""Every report as a table of rows, for the figures beside a chart and for a CSV file (which the
documents side writes: ``smi_intake.documents.tables``)."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from enum import StrEnum

from smi_core.constants import N_
from smi_core.dates import month_label
from smi_core.reports.counts import OUTCOME_LABELS, Reports

#: Cells of a report's rows: text, a count, a number of days, or euros (a ``Decimal``).
Cell = str | int | float | Decimal | None


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
