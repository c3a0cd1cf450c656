"""The *bekostiging* phase as policy: quarters, what an indication funds, the check of a provider's
quarterly subsidy application, and the parents' own contribution.

The provider applies for the subsidy per quarter; the municipality checks every line (one child's
care) against the indication and, when approved, pays after the quarter has ended. Parents pay an
own contribution per hour of care, by household income, from the municipality's table.

Money is counted in whole cents (``int``); rates and contributions are ``Decimal`` euros.
Pure and typed: the services store the applications; every rule about them lives here.
"""

from __future__ import annotations

import csv
import io
import math
import re
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError

from smi_core.constants import N_, CareType
from smi_core.municipality import ContributionBracket, MunicipalityConfig
from smi_core.placement import Indication

# -- quarters ------------------------------------------------------------------------------------

_QUARTER = re.compile(r"^\s*(\d{4})\s*-?\s*[Qq]\s*([1-4])\s*$")


@dataclass(frozen=True, order=True)
class Quarter:
    """A calendar quarter: Q1 is January to March, ..., Q4 is October to December."""

    year: int
    number: int

    def __post_init__(self) -> None:
        if not 1 <= self.number <= 4:
            raise ValueError("a quarter's number lies between 1 and 4")
        if not 1 <= self.year <= 9999:
            raise ValueError("a quarter's year lies between 1 and 9999")

    @classmethod
    def of(cls, day: date) -> Quarter:
        """The quarter ``day`` lies in."""
        return cls(day.year, (day.month - 1) // 3 + 1)

    @classmethod
    def parse(cls, text: str) -> Quarter:
        """``"2026-Q3"`` (also ``"2026Q3"``, ``"2026-q3"``); ``ValueError`` for anything else."""
        match = _QUARTER.match(text)
        if match is None:
            raise ValueError(f"not a quarter like 2026-Q3: {text!r}")
        return cls(int(match.group(1)), int(match.group(2)))

    @property
    def first_day(self) -> date:
        return date(self.year, 3 * self.number - 2, 1)

    @property
    def last_day(self) -> date:
        if self.number == 4:
            return date(self.year, 12, 31)
        return date(self.year, 3 * self.number + 1, 1) - timedelta(days=1)

    @property
    def label(self) -> str:
        """``"2026-Q3"``."""
        return f"{self.year}-Q{self.number}"

    @property
    def following(self) -> Quarter:
        """The next quarter."""
        return Quarter(self.year + 1, 1) if self.number == 4 else Quarter(self.year, self.number + 1)

    def has_ended(self, on: date) -> bool:
        """Whether the quarter lies wholly before ``on`` (so that it may be paid)."""
        return on > self.last_day

    def __str__(self) -> str:
        return self.label


def quarters_between(first: date, last: date) -> list[Quarter]:
    """The quarters from the one of ``first`` up to and including the one of ``last`` (none if
    ``last`` lies before ``first``)."""
    if last < first:
        return []
    quarters = [Quarter.of(first)]
    while quarters[-1] < Quarter.of(last):
        quarters.append(quarters[-1].following)
    return quarters


def overlap_days(start: date, last_day: date, quarter: Quarter) -> int:
    """The days from ``start`` to ``last_day`` (both included) that lie within ``quarter``."""
    first = max(start, quarter.first_day)
    last = min(last_day, quarter.last_day)
    return max(0, (last - first).days + 1)


def care_weeks(start: date, last_day: date, quarter: Quarter) -> int:
    """How many weeks of care from ``start`` to ``last_day`` (both included) fall within ``quarter``.

    The rule: count the days of overlap, divide by 7, round up. So any overlap gives at least one
    week (a part week counts as a week of care), no overlap gives 0, and a whole quarter of 90 or
    91 days gives 13 weeks, of 92 days 14.
    """
    return math.ceil(overlap_days(start, last_day, quarter) / 7)


# -- what an indication funds -------------------------------------------------------------------


class FundedChild(BaseModel):
    """One child's part of an indication: part-days per week and the last day the indication
    covers the child (the period's end, or the day before the age limit if that comes first)."""

    model_config = ConfigDict(frozen=True)

    dagdelen_per_week: int
    last_day: date


class FundedIndication(BaseModel):
    """An indication as the funding sees it: who provides the care, of what kind, from when until
    when, and per child (by first name) how much."""

    model_config = ConfigDict(frozen=True)

    reference: str
    provider_id: int | None
    care_type: CareType
    start: date
    last_day: date
    ended_on: date | None = None
    """The last day of care when the indication was ended early (None: not ended)."""
    extensions: int = 0
    children: dict[str, FundedChild]

    def child(self, name: str) -> FundedChild | None:
        """The child with this first name (case and surrounding spaces do not matter)."""
        wanted = name.strip().casefold()
        return next((c for n, c in self.children.items() if n.casefold() == wanted), None)

    def funded_until(self, child: FundedChild) -> date:
        """The child's last funded day: its own last day, or the early end if that came first."""
        return child.last_day if self.ended_on is None else min(child.last_day, self.ended_on)

    @property
    def funded_last_day(self) -> date:
        """The indication's last funded day, taking an early end into account."""
        return self.last_day if self.ended_on is None else min(self.last_day, self.ended_on)

    def child_care_weeks(self, child: FundedChild, quarter: Quarter) -> int:
        """The weeks of this child's care within ``quarter`` (``care_weeks``)."""
        return care_weeks(self.start, self.funded_until(child), quarter)

    def active_on(self, day: date) -> bool:
        """Whether the indication covers care on ``day``."""
        return self.start <= day <= self.funded_last_day


def funded_indication(
    reference: str,
    provider_id: int | None,
    indication: Indication,
    municipality: MunicipalityConfig,
    ended_on: date | None = None,
) -> FundedIndication:
    """The funding's view of ``indication``, with each child's last day from its review calendar."""
    timeline = indication.timeline(municipality)
    return FundedIndication(
        reference=reference,
        provider_id=provider_id,
        care_type=indication.care_type,
        start=indication.start,
        last_day=timeline.last_day,
        ended_on=ended_on,
        extensions=indication.extensions,
        children={
            child.name: FundedChild(
                dagdelen_per_week=child.dagdelen_per_week,
                last_day=timeline.child_last_days[child.name],
            )
            for child in indication.children
        },
    )


class IndicationPhase(StrEnum):
    """Where an indication stands on a day, as the municipality's overview shows it."""

    UPCOMING = "upcoming"
    ACTIVE = "active"
    ENDED = "ended"


INDICATION_PHASE_LABELS = {
    IndicationPhase.UPCOMING: N_("not started yet"),
    IndicationPhase.ACTIVE: N_("active"),
    IndicationPhase.ENDED: N_("ended"),
}


def indication_phase(start: date, funded_last_day: date, on: date) -> IndicationPhase:
    """After the last funded day (or when that lies before the start): ended; before ``start``:
    upcoming; else active."""
    if on > funded_last_day or funded_last_day < start:
        return IndicationPhase.ENDED
    return IndicationPhase.UPCOMING if on < start else IndicationPhase.ACTIVE


# -- money --------------------------------------------------------------------------------------

CENT = Decimal("0.01")


def euros_to_cents(euros: Decimal) -> int:
    """Euros as whole cents, rounded half up."""
    return int((euros / CENT).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def rate_limit_cents(dagdelen_per_week: int, weeks: int, rate: Decimal) -> int:
    """The most a line may ask at ``rate`` euros per dagdeel: dagdelen x weeks x rate, in cents."""
    return euros_to_cents(dagdelen_per_week * weeks * rate)


def estimated_cost(
    funded: FundedIndication, quarter: Quarter, rates: Mapping[CareType, Decimal]
) -> int | None:
    """What the indication costs within ``quarter`` at the configured rate, in cents: per child its
    part-days per week x its care weeks in the quarter x the rate. None when no rate is configured
    for the indication's care type."""
    rate = rates.get(funded.care_type)
    if rate is None:
        return None
    return sum(
        rate_limit_cents(child.dagdelen_per_week, funded.child_care_weeks(child, quarter), rate)
        for child in funded.children.values()
    )


def estimated_total_cost(funded: FundedIndication, rates: Mapping[CareType, Decimal]) -> int | None:
    """``estimated_cost`` summed over every quarter the indication covers (None without a rate)."""
    if funded.care_type not in rates:
        return None
    quarters = quarters_between(funded.start, funded.funded_last_day)
    return sum(estimated_cost(funded, quarter, rates) or 0 for quarter in quarters)


# -- the subsidy application and its check ------------------------------------------------------

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


# -- reading an application from a CSV file ------------------------------------------------------


class CsvProblem(StrEnum):
    """Why a row of an uploaded CSV file was not read."""

    NO_HEADER = "no_header"
    FIELD_COUNT = "field_count"
    EMPTY = "empty"
    NOT_A_NUMBER = "not_a_number"
    NOT_AN_AMOUNT = "not_an_amount"
    OUT_OF_RANGE = "out_of_range"
    TOO_MANY_LINES = "too_many_lines"


CSV_PROBLEM_LABELS = {
    CsvProblem.NO_HEADER: N_(
        "The first row must name the columns: reference, child, dagdelen_per_week, weeks, amount."
    ),
    CsvProblem.FIELD_COUNT: N_("This row does not have the same number of columns as the first row."),
    CsvProblem.EMPTY: N_("A field of this row is empty."),
    CsvProblem.NOT_A_NUMBER: N_("Write part-days and weeks as whole numbers."),
    CsvProblem.NOT_AN_AMOUNT: N_("Write the amount in euros, like 1234,56 or 1234.56."),
    CsvProblem.OUT_OF_RANGE: N_("A value of this row is too large, too small or too long."),
    CsvProblem.TOO_MANY_LINES: N_("An application has at most %(max)s lines; split it up."),
}

#: The columns of a subsidy CSV file, each with the headers it may have (English or Dutch).
CSV_COLUMNS: dict[str, frozenset[str]] = {
    "reference": frozenset({"reference", "kenmerk"}),
    "child": frozenset({"child", "kind", "first name", "voornaam"}),
    "dagdelen_per_week": frozenset({"dagdelen_per_week", "dagdelen per week", "dagdelen", "part-days"}),
    "weeks": frozenset({"weeks", "weken"}),
    "amount": frozenset({"amount", "bedrag", "amount (eur)", "bedrag (eur)"}),
}


@dataclass(frozen=True)
class CsvError:
    """A row of the file that was not read: its row number (1 is the header) and why."""

    row: int
    problem: CsvProblem


_WHOLE = re.compile(r"^\d{1,6}$")
_AMOUNT = re.compile(r"^(\d{1,9})(?:[.,](\d{1,2}))?$")


def parse_amount(text: str) -> int | None:
    """Euros as written in a file or a form, as cents: ``"1234,56"``, ``"1234.56"``, ``"€ 12"``.

    Thousands separators are refused (None), so that ``"1.234"`` is never read as 1,234 euros.
    """
    cleaned = text.strip().removeprefix("€").removeprefix("EUR").strip()
    match = _AMOUNT.match(cleaned)
    if match is None:
        return None
    euros, cents = match.group(1), (match.group(2) or "0").ljust(2, "0")
    return int(euros) * 100 + int(cents)


def _header_columns(header: Sequence[str]) -> dict[str, int] | None:
    found: dict[str, int] = {}
    for index, name in enumerate(header):
        wanted = name.strip().casefold()
        for column, names in CSV_COLUMNS.items():
            if wanted in names and column not in found:
                found[column] = index
    return found if len(found) == len(CSV_COLUMNS) else None


def _parse_row(fields: Sequence[str], columns: Mapping[str, int]) -> SubsidyLine | CsvProblem:
    values = {column: fields[index].strip() for column, index in columns.items()}
    if not all(values.values()):
        return CsvProblem.EMPTY
    if not (_WHOLE.match(values["dagdelen_per_week"]) and _WHOLE.match(values["weeks"])):
        return CsvProblem.NOT_A_NUMBER
    amount = parse_amount(values["amount"])
    if amount is None:
        return CsvProblem.NOT_AN_AMOUNT
    try:
        return SubsidyLine(
            reference=values["reference"],
            child=values["child"],
            dagdelen_per_week=int(values["dagdelen_per_week"]),
            weeks=int(values["weeks"]),
            amount_cents=amount,
        )
    except ValidationError:
        return CsvProblem.OUT_OF_RANGE


def parse_subsidy_csv(text: str) -> tuple[list[SubsidyLine], list[CsvError]]:
    """The lines of a subsidy CSV file, and the rows that could not be read.

    The first row names the columns (``reference;child;dagdelen_per_week;weeks;amount``, in any
    order, English or Dutch names); fields are separated by tabs (rows pasted from a spreadsheet),
    ``;`` or ``,``, whichever the first row uses (an amount with a decimal comma in a ``,`` file must
    be quoted). A byte order mark and empty rows are ignored. Amounts are euros (``1234,56`` or
    ``1234.56``) and become cents.
    """
    text = text.removeprefix("\ufeff")
    first_line = next((line for line in text.splitlines() if line.strip()), "")
    delimiter = next((d for d in ("\t", ";") if d in first_line), ",")
    rows = [
        (number, fields)
        for number, fields in enumerate(csv.reader(io.StringIO(text), delimiter=delimiter), start=1)
        if any(field.strip() for field in fields)
    ]
    if not rows:
        return [], [CsvError(1, CsvProblem.NO_HEADER)]
    header_number, header = rows[0]
    columns = _header_columns(header)
    if columns is None:
        return [], [CsvError(header_number, CsvProblem.NO_HEADER)]
    lines: list[SubsidyLine] = []
    errors: list[CsvError] = []
    for number, fields in rows[1:]:
        if len(fields) != len(header):
            errors.append(CsvError(number, CsvProblem.FIELD_COUNT))
            continue
        parsed = _parse_row(fields, columns)
        if isinstance(parsed, CsvProblem):
            errors.append(CsvError(number, parsed))
        elif len(lines) >= MAX_LINES:
            errors.append(CsvError(number, CsvProblem.TOO_MANY_LINES))
        else:
            lines.append(parsed)
    return lines, errors


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


# -- the parents' own contribution ---------------------------------------------------------------


def contribution_per_hour(income: int, table: Iterable[ContributionBracket]) -> Decimal | None:
    """The parents' own contribution per hour for a yearly household ``income`` in euros: the first
    bracket whose ``income_up_to`` is at least the income (or has none). None when the table is
    empty or the income lies above its last bound."""
    if income < 0:
        raise ValueError("income must not be negative")
    for bracket in table:
        if bracket.income_up_to is None or income <= bracket.income_up_to:
            return bracket.per_hour
    return None
