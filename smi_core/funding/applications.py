"""The provider's quarterly subsidy application: its lines, the check of every line against the
indication, and the application's course (submitted, approved or rejected, paid)."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from enum import StrEnum
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from smi_core.constants import N_
from smi_core.dates import Quarter
from smi_core.funding.care import FundedIndication
from smi_core.funding.costs import rate_limit_cents
from smi_core.municipality import MunicipalityConfig

#: The most one line may ask (EUR 100,000) and the most lines in one application, so that an
#: application's total always fits the database's integer column.
MAX_LINE_CENTS = 10_000_000
MAX_LINES = 200

Reference = Annotated[
    str, StringConstraints(strip_whitespace=True, to_upper=True, min_length=1, max_length=20)
]
FirstName = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=120)]


class SubsidyLine(BaseModel):
    """One child's care in a quarterly subsidy application: the case reference, the child's first
    name, part-days per week, weeks of care in the quarter and the amount asked in cents."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    reference: Reference
    child: FirstName
    dagdelen_per_week: int = Field(ge=1, le=99)
    weeks: int = Field(ge=1, le=99)
    amount_cents: int = Field(ge=0, le=MAX_LINE_CENTS)

    @property
    def key(self) -> tuple[str, str]:
        """What makes a line a duplicate of another: the same child of the same indication."""
        return (self.reference, self.child.casefold())


class LineProblem(StrEnum):
    """Why a line of a subsidy application cannot be approved as it is."""

    UNKNOWN_REFERENCE = "unknown_reference"
    NO_CONSENT = "no_consent"
    OTHER_PROVIDER = "other_provider"
    UNKNOWN_CHILD = "unknown_child"
    TOO_MANY_DAGDELEN = "too_many_dagdelen"
    TOO_MANY_WEEKS = "too_many_weeks"
    AMOUNT_ABOVE_RATE = "amount_above_rate"
    DUPLICATE_LINE = "duplicate_line"


LINE_PROBLEM_LABELS = {
    LineProblem.UNKNOWN_REFERENCE: N_("There is no granted indication with this reference."),
    LineProblem.NO_CONSENT: N_(
        "The parents have not given consent to share this indication with the municipality, "
        "or have withdrawn it."
    ),
    LineProblem.OTHER_PROVIDER: N_("The indication is for another provider."),
    LineProblem.UNKNOWN_CHILD: N_("This child is not in the indication."),
    LineProblem.TOO_MANY_DAGDELEN: N_("More part-days per week than the indication grants this child."),
    LineProblem.TOO_MANY_WEEKS: N_("More weeks than the indication covers this child in the quarter."),
    LineProblem.AMOUNT_ABOVE_RATE: N_("The amount is more than part-days x weeks x the rate per part-day."),
    LineProblem.DUPLICATE_LINE: N_("This child of this indication is already asked for in this quarter."),
}


def check_line(
    line: SubsidyLine,
    provider_id: int,
    quarter: Quarter,
    indication: FundedIndication | None,
    municipality: MunicipalityConfig,
) -> list[LineProblem]:
    """The problems of one line on its own (not ``DUPLICATE_LINE`` nor ``NO_CONSENT``)."""
    if indication is None:
        return [LineProblem.UNKNOWN_REFERENCE]
    if indication.provider_id != provider_id:
        return [LineProblem.OTHER_PROVIDER]
    child = indication.child(line.child)
    if child is None:
        return [LineProblem.UNKNOWN_CHILD]
    problems: list[LineProblem] = []
    if line.dagdelen_per_week > child.dagdelen_per_week:
        problems.append(LineProblem.TOO_MANY_DAGDELEN)
    if line.weeks > indication.child_care_weeks(child, quarter):
        problems.append(LineProblem.TOO_MANY_WEEKS)
    rate = municipality.dagdeel_rates.get(indication.care_type)
    if rate is not None and line.amount_cents > rate_limit_cents(line.dagdelen_per_week, line.weeks, rate):
        problems.append(LineProblem.AMOUNT_ABOVE_RATE)
    return problems


def check_application(
    provider_id: int,
    quarter: Quarter,
    lines: Sequence[SubsidyLine],
    indications_by_reference: Mapping[str, FundedIndication],
    municipality: MunicipalityConfig,
    *,
    claimed_before: Collection[tuple[str, str]] = (),
    withheld: Collection[str] = (),
) -> list[list[LineProblem]]:
    """The problems of each line of a provider's application for ``quarter`` (an empty list: the
    line may be approved).

    ``claimed_before`` holds the keys (``SubsidyLine.key``) of lines in earlier, not rejected
    applications for the same quarter: asking again for one of them is a ``DUPLICATE_LINE``, as is
    a line that repeats an earlier line of this application. ``withheld`` holds the references of
    indications the municipality may not see (no consent): their lines get ``NO_CONSENT`` only.
    """
    seen = set(claimed_before)
    withheld_references = set(withheld)
    result: list[list[LineProblem]] = []
    for line in lines:
        problems: list[LineProblem] = []
        if line.key in seen:
            problems.append(LineProblem.DUPLICATE_LINE)
        seen.add(line.key)
        if line.reference in withheld_references:
            problems.insert(0, LineProblem.NO_CONSENT)
        else:
            indication = indications_by_reference.get(line.reference)
            problems[:0] = check_line(line, provider_id, quarter, indication, municipality)
        result.append(problems)
    return result


# -- the application's course --------------------------------------------------------------------


class ApplicationStatus(StrEnum):
    """Where a subsidy application stands."""

    SUBMITTED = "submitted"
    APPROVED = "approved"
    REJECTED = "rejected"
    PAID = "paid"


APPLICATION_STATUS_LABELS = {
    ApplicationStatus.SUBMITTED: N_("submitted"),
    ApplicationStatus.APPROVED: N_("approved"),
    ApplicationStatus.REJECTED: N_("rejected"),
    ApplicationStatus.PAID: N_("paid"),
}

#: Applications whose lines count as asked for (a rejected one may be submitted again).
CLAIMING_STATUSES = frozenset(
    {ApplicationStatus.SUBMITTED, ApplicationStatus.APPROVED, ApplicationStatus.PAID}
)
#: Applications whose lines count as granted.
GRANTED_STATUSES = frozenset({ApplicationStatus.APPROVED, ApplicationStatus.PAID})
