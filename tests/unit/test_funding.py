"""Funding as policy: quarters, care weeks, the check of a subsidy application, the CSV upload and the
parents' own contribution table."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st
from pydantic import ValidationError

from smi_core import CareType, default_municipality, load_municipality
from smi_core.funding import (
    CsvProblem,
    FundedIndication,
    IndicationPhase,
    LineProblem,
    Quarter,
    SubsidyCsvError,
    SubsidyLine,
    care_weeks,
    check_application,
    contribution_per_hour,
    estimated_cost,
    estimated_total_cost,
    funded_indication,
    indication_phase,
    overlap_days,
    parse_amount,
    parse_subsidy_csv,
    quarters_between,
    rate_limit_cents,
)
from smi_core.municipality import EXAMPLE_MUNICIPALITY_FILE, ContributionBracket, MunicipalityConfig
from smi_core.placement import IndicatedChild, Indication
from tests.unit.test_municipality_config import OTHER_MUNICIPALITY, write_municipality

EXAMPLE = load_municipality(EXAMPLE_MUNICIPALITY_FILE)
HIA = default_municipality()
PROVIDER = 7
REFERENCE = "SMI-2026-000001"
START = date(2026, 12, 1)
#: Far from the age limit during any indication starting around 2026.
YOUNG = date(2023, 4, 2)
Q4_2026 = Quarter(2026, 4)

days = st.dates(min_value=date(2020, 1, 1), max_value=date(2035, 12, 31))
quarters = st.builds(Quarter, st.integers(2020, 2035), st.integers(1, 4))


def indication(
    *children: tuple[str, date, int], start: date = START, care_type: CareType = CareType.KDV, **changes: Any
) -> Indication:
    kids = children or (("Sam", YOUNG, 4),)
    return Indication(
        start=start,
        period_months=changes.pop("period_months", 6),
        care_type=care_type,
        children=[IndicatedChild(name=n, date_of_birth=b, dagdelen_per_week=d) for n, b, d in kids],
        **changes,
    )


def funded(
    *children: tuple[str, date, int],
    municipality: MunicipalityConfig = EXAMPLE,
    ended_on: date | None = None,
    provider_id: int | None = PROVIDER,
    **changes: Any,
) -> FundedIndication:
    return funded_indication(REFERENCE, provider_id, indication(*children, **changes), municipality, ended_on)


def line(**changes: Any) -> SubsidyLine:
    data: dict[str, Any] = {
        "reference": REFERENCE,
        "child": "Sam",
        "dagdelen_per_week": 4,
        "weeks": 4,
        "amount_cents": 10_000,
    }
    data.update(changes)
    return SubsidyLine.model_validate(data)


def check(
    *lines: SubsidyLine,
    quarter: Quarter = Q4_2026,
    indication: FundedIndication | None = None,
    municipality: MunicipalityConfig = EXAMPLE,
    **options: Any,
) -> list[list[LineProblem]]:
    found = indication or funded()
    return check_application(
        PROVIDER, quarter, list(lines), {found.reference: found}, municipality, **options
    )


# -- quarters ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("quarter", "first", "last"),
    [
        (Quarter(2026, 1), date(2026, 1, 1), date(2026, 3, 31)),
        (Quarter(2028, 1), date(2028, 1, 1), date(2028, 3, 31)),
        (Quarter(2026, 2), date(2026, 4, 1), date(2026, 6, 30)),
        (Quarter(2026, 3), date(2026, 7, 1), date(2026, 9, 30)),
        (Quarter(2026, 4), date(2026, 10, 1), date(2026, 12, 31)),
    ],
)
def test_a_quarter_runs_from_its_first_to_its_last_day(quarter: Quarter, first: date, last: date) -> None:
    assert (quarter.first_day, quarter.last_day) == (first, last)
    assert Quarter.of(first) == quarter == Quarter.of(last)
    assert Quarter.of(last + timedelta(days=1)) == quarter.following


@given(days)
def test_every_day_lies_in_its_quarter(day: date) -> None:
    quarter = Quarter.of(day)

    assert quarter.first_day <= day <= quarter.last_day
    assert Quarter.of(quarter.first_day - timedelta(days=1)) < quarter < quarter.following


@given(quarters)
def test_a_quarter_label_reads_back_as_the_same_quarter(quarter: Quarter) -> None:
    assert Quarter.parse(quarter.label) == quarter
    assert str(quarter) == quarter.label == f"{quarter.year}-Q{quarter.number}"


@pytest.mark.parametrize("text", ["2026-Q3", "2026Q3", " 2026-q3 ", "2026 - Q 3"])
def test_a_quarter_is_read_from_common_spellings(text: str) -> None:
    assert Quarter.parse(text) == Quarter(2026, 3)


@pytest.mark.parametrize("text", ["2026-Q5", "2026-Q0", "26-Q3", "Q3-2026", "2026-3", ""])
def test_what_is_not_a_quarter_is_refused(text: str) -> None:
    with pytest.raises(ValueError, match="quarter"):
        Quarter.parse(text)


@pytest.mark.parametrize("number", [0, 5])
def test_a_quarter_number_outside_1_to_4_is_refused(number: int) -> None:
    with pytest.raises(ValueError, match="between 1 and 4"):
        Quarter(2026, number)


def test_a_quarter_has_ended_only_after_its_last_day() -> None:
    quarter = Quarter(2026, 4)

    assert not quarter.has_ended(date(2026, 12, 31))
    assert quarter.has_ended(date(2027, 1, 1))


@given(days, days)
def test_the_quarters_between_two_days_follow_each_other_without_gaps(first: date, last: date) -> None:
    found = quarters_between(first, last)

    if last < first:
        assert found == []
    else:
        assert found[0] == Quarter.of(first)
        assert found[-1] == Quarter.of(last)
        assert all(a.following == b for a, b in pairwise(found))


# -- care weeks ----------------------------------------------------------------------------------


@given(days, st.integers(0, 500), quarters)
def test_care_weeks_are_the_overlap_in_days_divided_by_7_rounded_up(
    start: date, length: int, quarter: Quarter
) -> None:
    last_day = start + timedelta(days=length)
    overlap = len(
        [d for d in range(length + 1) if quarter.first_day <= start + timedelta(days=d) <= quarter.last_day]
    )

    weeks = care_weeks(start, last_day, quarter)

    assert overlap_days(start, last_day, quarter) == overlap
    assert 7 * (weeks - 1) < overlap <= 7 * weeks if overlap else weeks == 0
    assert weeks <= 14


@pytest.mark.parametrize(
    ("quarter", "weeks"),
    [(Quarter(2027, 1), 13), (Quarter(2028, 1), 13), (Quarter(2026, 2), 13), (Quarter(2026, 4), 14)],
)
def test_a_whole_quarter_is_13_or_14_weeks(quarter: Quarter, weeks: int) -> None:
    assert care_weeks(date(2020, 1, 1), date(2030, 12, 31), quarter) == weeks


def test_one_day_of_care_in_a_quarter_counts_as_a_week_and_none_as_nothing() -> None:
    quarter = Quarter(2026, 4)

    assert care_weeks(date(2026, 12, 31), date(2027, 5, 31), quarter) == 1
    assert care_weeks(date(2027, 1, 1), date(2027, 5, 31), quarter) == 0
    assert care_weeks(date(2026, 1, 1), date(2026, 9, 30), quarter) == 0


# -- what an indication funds -------------------------------------------------------------------


def test_the_funded_indication_follows_the_review_calendar() -> None:
    found = funded(("Sam", YOUNG, 4), ("Noor", date(2024, 1, 5), 2))

    assert (found.start, found.last_day, found.care_type) == (START, date(2027, 5, 31), CareType.KDV)
    assert {n: (c.dagdelen_per_week, c.last_day) for n, c in found.children.items()} == {
        "Sam": (4, date(2027, 5, 31)),
        "Noor": (2, date(2027, 5, 31)),
    }
    assert found.child(" sam ") is found.children["Sam"]
    assert found.child("Daan") is None


def test_an_extension_moves_the_last_day_and_so_the_fundable_weeks() -> None:
    plain = funded()
    extended = funded(extensions=1)
    quarter = Quarter(2027, 3)

    assert extended.last_day == date(2027, 8, 31)
    assert plain.child_care_weeks(plain.children["Sam"], quarter) == 0
    assert extended.child_care_weeks(extended.children["Sam"], quarter) == 9


# -- the check of an application ----------------------------------------------------------------


def test_a_line_within_the_indication_passes() -> None:
    assert check(line()) == [[]]


def test_a_line_exactly_at_every_limit_passes_and_one_step_above_each_fails() -> None:
    quarter = Quarter(2027, 1)  # wholly within the indication: 90 days, 13 weeks
    at_limit = line(dagdelen_per_week=4, weeks=13, amount_cents=rate_limit_cents(4, 13, Decimal("45.00")))

    assert at_limit.amount_cents == 234_000
    assert check(at_limit, quarter=quarter) == [[]]
    assert check(line(**{**at_limit.model_dump(), "dagdelen_per_week": 5}), quarter=quarter) == [
        [LineProblem.TOO_MANY_DAGDELEN]
    ]
    assert check(line(**{**at_limit.model_dump(), "weeks": 14}), quarter=quarter) == [
        [LineProblem.TOO_MANY_WEEKS]
    ]
    assert check(line(**{**at_limit.model_dump(), "amount_cents": 234_001}), quarter=quarter) == [
        [LineProblem.AMOUNT_ABOVE_RATE]
    ]


@given(
    start=st.dates(min_value=date(2026, 1, 1), max_value=date(2028, 12, 31)),
    dagdelen=st.integers(1, 10),
    period=st.integers(1, 6),
    extensions=st.integers(0, 2),
    offset=st.integers(0, 6),
    care_type=st.sampled_from([CareType.KDV, CareType.BSO, CareType.VSO]),
)
def test_any_line_at_its_limits_passes_and_above_a_limit_names_that_limit(
    start: date, dagdelen: int, period: int, extensions: int, offset: int, care_type: CareType
) -> None:
    found = funded(
        ("Sam", YOUNG, dagdelen),
        start=start,
        period_months=period,
        extensions=extensions,
        care_type=care_type,
    )
    quarter = Quarter.of(start)
    for _ in range(offset):
        quarter = quarter.following
    weeks = found.child_care_weeks(found.children["Sam"], quarter)
    assume(weeks > 0)
    amount = rate_limit_cents(dagdelen, weeks, EXAMPLE.dagdeel_rates[care_type])
    exact = line(dagdelen_per_week=dagdelen, weeks=weeks, amount_cents=amount)

    assert check(exact, quarter=quarter, indication=found) == [[]]
    assert check(exact.model_copy(update={"weeks": weeks + 1}), quarter=quarter, indication=found) == [
        [LineProblem.TOO_MANY_WEEKS]
    ]
    assert check(
        exact.model_copy(update={"amount_cents": amount + 1}), quarter=quarter, indication=found
    ) == [[LineProblem.AMOUNT_ABOVE_RATE]]


@given(quarters, st.integers(1, 14), st.integers(1, 10))
def test_the_weeks_a_check_accepts_never_exceed_the_overlap_of_indication_and_quarter(
    quarter: Quarter, weeks: int, dagdelen: int
) -> None:
    found = funded(("Sam", YOUNG, 10), start=date(2026, 12, 1))
    overlap = overlap_days(found.start, found.last_day, quarter)

    problems = check(
        line(weeks=weeks, dagdelen_per_week=dagdelen, amount_cents=0), quarter=quarter, indication=found
    )

    if problems == [[]]:
        assert 7 * (weeks - 1) < overlap


def test_a_child_past_its_age_limit_is_not_funded_after_it() -> None:
    # Daan turns 13 on 15 February 2027: his last day is 14 February; Sam is funded until 31 May.
    found = funded(("Sam", YOUNG, 4), ("Daan", date(2014, 2, 15), 3))
    daan = found.children["Daan"]

    assert daan.last_day == date(2027, 2, 14)
    assert found.child_care_weeks(daan, Quarter(2027, 1)) == 7  # 45 days
    assert found.child_care_weeks(daan, Quarter(2027, 2)) == 0
    assert check(
        line(child="Daan", dagdelen_per_week=3, weeks=7, amount_cents=0),
        quarter=Quarter(2027, 1),
        indication=found,
    ) == [[]]
    assert check(
        line(child="Daan", dagdelen_per_week=3, weeks=8, amount_cents=0),
        quarter=Quarter(2027, 1),
        indication=found,
    ) == [[LineProblem.TOO_MANY_WEEKS]]
    assert check(
        line(child="Daan", dagdelen_per_week=3, weeks=1, amount_cents=0),
        quarter=Quarter(2027, 2),
        indication=found,
    ) == [[LineProblem.TOO_MANY_WEEKS]]
    assert check(line(child="Sam", weeks=9, amount_cents=0), quarter=Quarter(2027, 2), indication=found) == [
        []
    ]


def test_an_ended_indication_is_funded_up_to_its_end_and_not_after() -> None:
    found = funded(ended_on=date(2027, 1, 20))

    assert found.funded_last_day == date(2027, 1, 20)
    assert not found.active_on(date(2027, 1, 21))
    assert check(line(weeks=3, amount_cents=0), quarter=Quarter(2027, 1), indication=found) == [[]]
    assert check(line(weeks=4, amount_cents=0), quarter=Quarter(2027, 1), indication=found) == [
        [LineProblem.TOO_MANY_WEEKS]
    ]
    assert check(line(weeks=1, amount_cents=0), quarter=Quarter(2027, 2), indication=found) == [
        [LineProblem.TOO_MANY_WEEKS]
    ]


def test_an_indication_ended_before_its_start_funds_nothing() -> None:
    found = funded(ended_on=START - timedelta(days=1))

    assert check(line(weeks=1, amount_cents=0), indication=found) == [[LineProblem.TOO_MANY_WEEKS]]
    assert estimated_total_cost(found, EXAMPLE.dagdeel_rates) == 0


def test_a_line_for_an_unknown_reference_another_provider_or_another_child_is_refused() -> None:
    elsewhere = funded(provider_id=PROVIDER + 1)

    assert check(line(reference="SMI-2026-999999")) == [[LineProblem.UNKNOWN_REFERENCE]]
    assert check(line(), indication=elsewhere) == [[LineProblem.OTHER_PROVIDER]]
    assert check(line(), indication=funded(provider_id=None)) == [[LineProblem.OTHER_PROVIDER]]
    assert check(line(child="Daan")) == [[LineProblem.UNKNOWN_CHILD]]


def test_a_reference_is_matched_whatever_its_case_and_a_child_whatever_its_spelling_case() -> None:
    assert check(line(reference=" smi-2026-000001 ", child="SAM")) == [[]]


def test_the_same_child_twice_in_a_quarter_is_a_duplicate() -> None:
    first, again = line(), line(child=" sam", weeks=1)

    assert check(first, again, line(child="Daan")) == [
        [],
        [LineProblem.DUPLICATE_LINE],
        [LineProblem.UNKNOWN_CHILD],
    ]
    assert check(first, claimed_before={first.key}) == [[LineProblem.DUPLICATE_LINE]]
    assert check(line(weeks=20), again) == [[LineProblem.TOO_MANY_WEEKS], [LineProblem.DUPLICATE_LINE]]


def test_a_line_of_an_indication_without_consent_says_only_that() -> None:
    assert check(line(weeks=50), withheld={REFERENCE}) == [[LineProblem.NO_CONSENT]]


def test_without_a_rate_no_amount_is_too_high() -> None:
    assert HIA.dagdeel_rates == {}

    assert check(line(amount_cents=9_999_999), municipality=HIA, indication=funded(municipality=HIA)) == [[]]


@given(st.integers(1, 99), st.integers(1, 99), st.integers(0, 10_000_000))
def test_a_subsidy_line_keeps_its_numbers(dagdelen: int, weeks: int, cents: int) -> None:
    made = line(dagdelen_per_week=dagdelen, weeks=weeks, amount_cents=cents)

    assert (made.dagdelen_per_week, made.weeks, made.amount_cents) == (dagdelen, weeks, cents)


@pytest.mark.parametrize(
    "changes",
    [
        {"reference": " "},
        {"child": ""},
        {"dagdelen_per_week": 0},
        {"weeks": 0},
        {"amount_cents": -1},
        {"amount_cents": 10_000_001},
        {"reference": "X" * 21},
    ],
)
def test_an_impossible_line_is_refused(changes: dict[str, Any]) -> None:
    with pytest.raises(ValidationError):
        line(**changes)


# -- costs ----------------------------------------------------------------------------------------


def test_the_estimated_cost_is_dagdelen_times_weeks_times_the_rate_per_child() -> None:
    found = funded(("Sam", YOUNG, 4), ("Noor", date(2024, 1, 5), 2))

    assert estimated_cost(found, Quarter(2026, 4), EXAMPLE.dagdeel_rates) == (4 + 2) * 5 * 4500
    assert estimated_cost(found, Quarter(2026, 3), EXAMPLE.dagdeel_rates) == 0
    assert estimated_cost(found, Quarter(2026, 4), {}) is None
    assert estimated_total_cost(found, {}) is None
    assert estimated_total_cost(found, EXAMPLE.dagdeel_rates) == (6 * 5 + 6 * 13 + 9 * 6) * 4500


@given(st.decimals(min_value=0, max_value=10_000, places=2), st.integers(1, 10), st.integers(1, 14))
def test_the_rate_limit_is_exact_in_cents(rate: Decimal, dagdelen: int, weeks: int) -> None:
    assert rate_limit_cents(dagdelen, weeks, rate) == int(rate * 100) * dagdelen * weeks


# -- the CSV upload ------------------------------------------------------------------------------


def test_a_csv_file_with_semicolons_a_byte_order_mark_and_decimal_commas_is_read() -> None:
    text = "\ufeffreference;child;dagdelen_per_week;weeks;amount\r\nSMI-2026-000001;Sam;4;13;1234,56\r\n\r\n"

    lines, errors = parse_subsidy_csv(text)

    assert errors == []
    assert lines == [line(weeks=13, amount_cents=123_456)]


def test_a_csv_file_with_commas_dutch_headers_and_decimal_points_is_read() -> None:
    text = (
        "Bedrag,Kenmerk,Kind,Dagdelen,Weken\n"
        "1234.5,smi-2026-000001,Sam,4,13\n"
        '"99,95",SMI-2026-000002,Noor,2,1\n'
    )

    lines, errors = parse_subsidy_csv(text)

    assert errors == []
    assert [(x.reference, x.child, x.amount_cents) for x in lines] == [
        ("SMI-2026-000001", "Sam", 123_450),
        ("SMI-2026-000002", "Noor", 9_995),
    ]


def test_rows_pasted_from_a_spreadsheet_are_read() -> None:
    text = "Kenmerk\tKind\tDagdelen\tWeken\tBedrag\nSMI-2026-000001\tSam\t4\t13\t1234,56\n"

    lines, errors = parse_subsidy_csv(text)

    assert errors == []
    assert lines == [line(weeks=13, amount_cents=123_456)]


def test_the_rows_of_a_csv_file_that_cannot_be_read_are_named_by_number() -> None:
    text = "\n".join(
        [
            "reference;child;dagdelen_per_week;weeks;amount",
            "SMI-1;Sam;4;13;100",
            "SMI-2;;4;13;100",
            "SMI-3;Sam;vier;13;100",
            "SMI-4;Sam;4;13;1.234,56",
            "SMI-5;Sam;4;13",
            "SMI-6;Sam;0;13;100",
            "SMI-7;Sam;4;13;-5",
        ]
    )

    lines, errors = parse_subsidy_csv(text)

    assert [x.reference for x in lines] == ["SMI-1"]
    assert errors == [
        SubsidyCsvError(3, CsvProblem.EMPTY),
        SubsidyCsvError(4, CsvProblem.NOT_A_NUMBER),
        SubsidyCsvError(5, CsvProblem.NOT_AN_AMOUNT),
        SubsidyCsvError(6, CsvProblem.FIELD_COUNT),
        SubsidyCsvError(7, CsvProblem.OUT_OF_RANGE),
        SubsidyCsvError(8, CsvProblem.NOT_AN_AMOUNT),
    ]


@pytest.mark.parametrize(
    "text", ["", "\n\n", "SMI-1;Sam;4;13;100\n", "reference;child;weeks;amount\nSMI-1;Sam;13;1\n"]
)
def test_a_csv_file_without_its_header_row_is_refused_as_a_whole(text: str) -> None:
    lines, errors = parse_subsidy_csv(text)

    assert lines == []
    assert [e.problem for e in errors] == [CsvProblem.NO_HEADER]


def test_a_csv_file_with_too_many_lines_reads_the_first_200() -> None:
    rows = [f"SMI-{n};Sam;1;1;1" for n in range(205)]

    lines, errors = parse_subsidy_csv("\n".join(["reference;child;dagdelen_per_week;weeks;amount", *rows]))

    assert len(lines) == 200
    assert errors == [SubsidyCsvError(n, CsvProblem.TOO_MANY_LINES) for n in range(202, 207)]


names = st.text(alphabet=st.characters(categories=["L"]), min_size=1, max_size=20)
lines_strategy = st.lists(
    st.builds(
        SubsidyLine,
        reference=st.from_regex(r"SMI-20[2-3][0-9]-[0-9]{6}", fullmatch=True),
        child=names,
        dagdelen_per_week=st.integers(1, 10),
        weeks=st.integers(1, 14),
        amount_cents=st.integers(0, 10_000_000),
    ),
    max_size=20,
)


@given(lines_strategy, st.sampled_from([";", ",", "\t"]), st.sampled_from([",", "."]), st.booleans())
def test_a_written_csv_file_reads_back_as_the_same_lines(
    lines: list[SubsidyLine], delimiter: str, decimal: str, bom: bool
) -> None:
    def amount(cents: int) -> str:
        text = f"{cents // 100}{decimal}{cents % 100:02d}"
        return f'"{text}"' if decimal == delimiter else text

    rows = [delimiter.join(["reference", "child", "dagdelen_per_week", "weeks", "amount"])]
    rows += [
        delimiter.join([x.reference, x.child, str(x.dagdelen_per_week), str(x.weeks), amount(x.amount_cents)])
        for x in lines
    ]
    text = ("\ufeff" if bom else "") + "\r\n".join(rows)

    assert parse_subsidy_csv(text) == (lines, [])


@pytest.mark.parametrize(
    ("text", "cents"),
    [("1234,56", 123_456), ("1234.56", 123_456), ("12", 1200), ("12,5", 1250), ("€ 7,05", 705), ("0", 0)],
)
def test_amounts_are_read_in_euros(text: str, cents: int) -> None:
    assert parse_amount(text) == cents


@pytest.mark.parametrize("text", ["1.234,56", "1,234.56", "1.234", "12,345", "-5", "twaalf", "", "12,"])
def test_unclear_amounts_are_refused(text: str) -> None:
    assert parse_amount(text) is None


# -- the parents' own contribution ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("income", "per_hour"),
    [
        (0, "0.00"),
        (25_000, "0.00"),
        (25_001, "0.25"),
        (40_000, "0.25"),
        (60_000, "0.75"),
        (90_001, "2.50"),
        (10_000_000, "2.50"),
    ],
)
def test_the_contribution_comes_from_the_first_bracket_that_holds_the_income(
    income: int, per_hour: str
) -> None:
    assert contribution_per_hour(income, EXAMPLE.parent_contribution) == Decimal(per_hour)


def test_without_a_table_or_above_its_last_bound_there_is_no_contribution() -> None:
    bounded = (ContributionBracket(income_up_to=30_000, per_hour=Decimal("0.10")),)

    assert HIA.parent_contribution == ()
    assert contribution_per_hour(20_000, HIA.parent_contribution) is None
    assert contribution_per_hour(30_000, bounded) == Decimal("0.10")
    assert contribution_per_hour(30_001, bounded) is None
    with pytest.raises(ValueError, match="negative"):
        contribution_per_hour(-1, bounded)


@given(st.integers(0, 200_000), st.integers(0, 200_000))
def test_the_bracket_of_an_income_holds_it(income: int, other: int) -> None:
    table = EXAMPLE.parent_contribution
    bracket = next(b for b in table if b.income_up_to is None or income <= b.income_up_to)
    index = table.index(bracket)

    assert contribution_per_hour(income, table) == bracket.per_hour
    assert index == 0 or (table[index - 1].income_up_to or 0) < income
    if other <= income:
        assert (
            table.index(next(b for b in table if b.income_up_to is None or other <= b.income_up_to)) <= index
        )


# -- the municipality file -------------------------------------------------------------------------


def test_the_example_municipality_is_fictional_and_otherwise_has_the_rules_of_hia() -> None:
    funding_settings = {"name", "social_team", "cbs_code", "parent_contribution", "dagdeel_rates"}

    assert EXAMPLE.name == "Voorbeeldstad"
    assert EXAMPLE.cbs_code != HIA.cbs_code  # a fictional municipality has no real CBS code
    assert EXAMPLE.model_dump(exclude=funding_settings) == HIA.model_dump(exclude=funding_settings)
    assert EXAMPLE.parent_contribution[-1].income_up_to is None
    assert set(EXAMPLE.dagdeel_rates) == set(EXAMPLE.care_types)


def test_hendrik_ido_ambacht_has_no_invented_figures() -> None:
    assert HIA.parent_contribution == ()
    assert HIA.dagdeel_rates == {}


INVALID_FUNDING = [
    pytest.param(
        {
            "parent_contribution": [
                {"income_up_to": 30000, "per_hour": "0.1"},
                {"income_up_to": 30000, "per_hour": "1"},
            ]
        },
        "parent_contribution",
        id="bounds-not-ascending",
    ),
    pytest.param(
        {"parent_contribution": [{"per_hour": "0.1"}, {"income_up_to": 30000, "per_hour": "1"}]},
        "parent_contribution",
        id="open-bracket-not-last",
    ),
    pytest.param(
        {"parent_contribution": [{"income_up_to": 30000, "per_hour": "-0.10"}]},
        "parent_contribution",
        id="negative-contribution",
    ),
    pytest.param(
        {"parent_contribution": [{"income_up_to": 30000, "per_hour": "0.101"}]},
        "parent_contribution",
        id="part-of-a-cent",
    ),
    pytest.param(
        {"parent_contribution": [{"income_up_to": 30000, "per_hour": "1", "per_day": "8"}]},
        "parent_contribution",
        id="unknown-key-in-bracket",
    ),
    pytest.param({"dagdeel_rates": {"tso": "10.00"}}, "dagdeel_rates", id="rate-for-uncovered-care"),
    pytest.param({"dagdeel_rates": {"kdv": "0"}}, "dagdeel_rates", id="zero-rate"),
    pytest.param({"dagdeel_rates": {"daycare": "10"}}, "dagdeel_rates", id="unknown-care-type"),
]


@pytest.mark.parametrize(("changes", "setting"), INVALID_FUNDING)
def test_an_invalid_funding_setting_is_refused_naming_it(
    tmp_path: Path, changes: dict[str, Any], setting: str
) -> None:
    path = write_municipality(tmp_path, {**OTHER_MUNICIPALITY, **changes})

    with pytest.raises(ValidationError) as caught:
        load_municipality(path)

    errors = caught.value.errors()
    assert any(setting in (str(e["loc"][0]) if e["loc"] else e["msg"]) for e in errors), errors


def test_a_valid_funding_setting_is_read_from_the_file(tmp_path: Path) -> None:
    settings = {
        **OTHER_MUNICIPALITY,
        "parent_contribution": [{"income_up_to": 30000, "per_hour": "0.10"}, {"per_hour": "1.25"}],
        "dagdeel_rates": {"bso": "31.5"},
    }

    config = load_municipality(write_municipality(tmp_path, settings))

    assert config.parent_contribution == (
        ContributionBracket(income_up_to=30_000, per_hour=Decimal("0.10")),
        ContributionBracket(income_up_to=None, per_hour=Decimal("1.25")),
    )
    assert config.dagdeel_rates == {CareType.BSO: Decimal("31.50")}


@pytest.mark.parametrize(
    ("on", "last_day", "phase"),
    [
        (date(2026, 11, 30), date(2027, 5, 31), IndicationPhase.UPCOMING),
        (date(2026, 12, 1), date(2027, 5, 31), IndicationPhase.ACTIVE),
        (date(2027, 5, 31), date(2027, 5, 31), IndicationPhase.ACTIVE),
        (date(2027, 6, 1), date(2027, 5, 31), IndicationPhase.ENDED),
        (date(2026, 11, 1), date(2026, 11, 30), IndicationPhase.ENDED),
    ],
)
def test_an_indication_is_upcoming_active_or_ended(on: date, last_day: date, phase: IndicationPhase) -> None:
    assert indication_phase(START, last_day, on) is phase
