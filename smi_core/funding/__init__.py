"""The *bekostiging* phase as policy: quarters, what an indication funds, the check of a provider's
quarterly subsidy application, and the parents' own contribution.

The provider applies for the subsidy per quarter; the municipality checks every line (one child's
care) against the indication and, when approved, pays after the quarter has ended. Parents pay an
own contribution per hour of care, by household income, from the municipality's table.

Money is counted in whole cents (``int``); rates and contributions are ``Decimal`` euros.
Pure and typed: the services store the applications; every rule about them lives here.

The parts, each its own module; import them through this package:

- :mod:`~smi_core.funding.care`: the weeks of care in a quarter, the indication as the funding
  sees it, and its phase on a day (the quarter itself is :class:`smi_core.dates.Quarter`);
- :mod:`~smi_core.funding.costs`: cents, the rate limit of a line, the estimated cost;
- :mod:`~smi_core.funding.applications`: the lines of an application, their check, and the
  application's course;
- :mod:`~smi_core.funding.subsidy_csv`: reading the lines from a CSV file or pasted rows;
- :mod:`~smi_core.funding.contribution`: the parents' own contribution per hour.
"""

from smi_core.dates import Quarter, quarters_between
from smi_core.funding.applications import (
    APPLICATION_STATUS_LABELS,
    CLAIMING_STATUSES,
    GRANTED_STATUSES,
    LINE_PROBLEM_LABELS,
    MAX_LINE_CENTS,
    MAX_LINES,
    ApplicationStatus,
    FirstName,
    LineProblem,
    Reference,
    SubsidyLine,
    check_application,
    check_line,
)
from smi_core.funding.care import (
    INDICATION_PHASE_LABELS,
    FundedChild,
    FundedIndication,
    IndicationPhase,
    care_weeks,
    funded_indication,
    indication_phase,
    overlap_days,
)
from smi_core.funding.contribution import contribution_per_hour
from smi_core.funding.costs import (
    CENT,
    estimated_cost,
    estimated_total_cost,
    euros_to_cents,
    rate_limit_cents,
)
from smi_core.funding.subsidy_csv import (
    CSV_COLUMNS,
    CSV_PROBLEM_LABELS,
    CsvProblem,
    SubsidyCsvError,
    parse_amount,
    parse_subsidy_csv,
)

__all__ = [
    "APPLICATION_STATUS_LABELS",
    "CENT",
    "CLAIMING_STATUSES",
    "CSV_COLUMNS",
    "CSV_PROBLEM_LABELS",
    "GRANTED_STATUSES",
    "INDICATION_PHASE_LABELS",
    "LINE_PROBLEM_LABELS",
    "MAX_LINES",
    "MAX_LINE_CENTS",
    "ApplicationStatus",
    "CsvProblem",
    "FirstName",
    "FundedChild",
    "FundedIndication",
    "IndicationPhase",
    "LineProblem",
    "Quarter",
    "Reference",
    "SubsidyCsvError",
    "SubsidyLine",
    "care_weeks",
    "check_application",
    "check_line",
    "contribution_per_hour",
    "estimated_cost",
    "estimated_total_cost",
    "euros_to_cents",
    "funded_indication",
    "indication_phase",
    "overlap_days",
    "parse_amount",
    "parse_subsidy_csv",
    "quarters_between",
    "rate_limit_cents",
]
