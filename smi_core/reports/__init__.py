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

The parts: :mod:`~smi_core.reports.facts` (what is counted), :mod:`~smi_core.reports.counts`
(the counting) and :mod:`~smi_core.reports.rows` (each report as a header and rows). Months and
quarters are :mod:`smi_core.dates`; writing the rows as text or a CSV file is the documents side's
(``smi_intake.documents.tables``). Import them through this package.
"""

from smi_core.dates import Quarter, month_end, month_label, month_start, months_between, quarters_between
from smi_core.reports.counts import (
    OUTCOME_LABELS,
    DecisionTimes,
    DurationStats,
    MonthCount,
    MonthlyRequests,
    OutcomeKind,
    QuarterCosts,
    Reports,
    active_indications_per_month,
    build_reports,
    costs_per_quarter,
    days_to_decision,
    duration_stats,
    extensions,
    outcome_of,
    outcomes,
    reference_day,
    requests_per_month,
)
from smi_core.reports.facts import DECISIONS, CaseFacts, Decision, IndicationFacts, PaidFacts, ReportFacts
from smi_core.reports.rows import ALL, REPORT_TITLES, Cell, ReportName, all_rows, euros, report_rows

__all__ = [
    "ALL",
    "DECISIONS",
    "OUTCOME_LABELS",
    "REPORT_TITLES",
    "CaseFacts",
    "Cell",
    "Decision",
    "DecisionTimes",
    "DurationStats",
    "IndicationFacts",
    "MonthCount",
    "MonthlyRequests",
    "OutcomeKind",
    "PaidFacts",
    "Quarter",
    "QuarterCosts",
    "ReportFacts",
    "ReportName",
    "Reports",
    "active_indications_per_month",
    "all_rows",
    "build_reports",
    "costs_per_quarter",
    "days_to_decision",
    "duration_stats",
    "euros",
    "extensions",
    "month_end",
    "month_label",
    "month_start",
    "months_between",
    "outcome_of",
    "outcomes",
    "quarters_between",
    "reference_day",
    "report_rows",
    "requests_per_month",
]
