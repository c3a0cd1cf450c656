"""The reports count what they should for any facts (hypothesis), and write CSV files Excel opens."""

from __future__ import annotations

import csv
import io
import itertools
from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from smi_core.cases import CaseSource, CaseStatus
from smi_core.reports import (
    DECISIONS,
    CaseFacts,
    IndicationFacts,
    OutcomeKind,
    PaidFacts,
    Quarter,
    ReportFacts,
    ReportName,
    active_indications_per_month,
    all_rows,
    build_reports,
    costs_per_quarter,
    days_to_decision,
    extensions,
    month_end,
    month_start,
    months_between,
    outcomes,
    quarters_between,
    report_rows,
    requests_per_month,
)
from smi_intake.documents import csv_bytes, format_cell

PROPERTIES = settings(max_examples=150, deadline=None)

days = st.dates(min_value=date(2024, 1, 1), max_value=date(2027, 12, 31))
statuses = st.sampled_from(list(CaseStatus))
sources = st.sampled_from(list(CaseSource))


@st.composite
def case_facts(draw: st.DrawFn) -> CaseFacts:
    received = draw(days)
    decision = draw(st.sampled_from([None, *DECISIONS]))
    decided = None if decision is None else received + timedelta(days=draw(st.integers(0, 200)))
    return CaseFacts(received, decided, decision, draw(statuses), draw(sources))


@st.composite
def indication_facts(draw: st.DrawFn) -> IndicationFacts:
    start = draw(days)
    last_day = start + timedelta(days=draw(st.integers(0, 400)))
    ended = draw(st.none() | st.integers(0, 400).map(lambda n: start + timedelta(days=n)))
    return IndicationFacts(start, last_day, ended, draw(st.integers(0, 3)))


paid_facts = st.builds(
    PaidFacts,
    year=st.integers(2024, 2027),
    quarter=st.integers(1, 4),
    status=st.sampled_from(["submitted", "approved", "rejected", "paid"]),
    amount_cents=st.integers(0, 5_000_000),
)


def case(
    received: date, decided: date | None = None, decision: str | None = None, **changes: object
) -> CaseFacts:
    status = changes.get("status", CaseStatus.NEW)
    source = changes.get("source", CaseSource.OUDER)
    return CaseFacts(received, decided, decision, status, source)  # type: ignore[arg-type]


# -- months and quarters ---------------------------------------------------------------------


@PROPERTIES
@given(days, days)
def test_months_between_lists_every_month_once_in_order(first: date, last: date) -> None:
    months = months_between(first, last)

    expected = max(0, (last.year - first.year) * 12 + last.month - first.month + 1)
    assert len(months) == expected
    assert all(m.day == 1 for m in months)
    assert all(month_end(a) + timedelta(days=1) == b for a, b in itertools.pairwise(months))


@PROPERTIES
@given(days)
def test_a_day_lies_between_its_month_start_and_end(day: date) -> None:
    assert month_start(day) <= day <= month_end(day)
    assert (month_end(day) + timedelta(days=1)).day == 1


def test_quarters_between_crosses_a_year() -> None:
    assert quarters_between(date(2025, 11, 5), date(2026, 4, 1)) == [
        Quarter(2025, 4),
        Quarter(2026, 1),
        Quarter(2026, 2),
    ]


# -- requests and outcomes -------------------------------------------------------------------


@PROPERTIES
@given(st.lists(case_facts(), max_size=60), days, days)
def test_requests_per_month_sum_to_the_cases_received_in_the_months(
    cases: list[CaseFacts], first: date, last: date
) -> None:
    report = requests_per_month(cases, first, last)

    in_range = [c for c in cases if month_start(first) <= c.received_on <= month_end(last)]
    assert sum(r.total for r in report) == len(in_range)
    assert [r.month for r in report] == months_between(first, last)


def test_a_month_without_requests_is_listed_with_zero() -> None:
    cases = [
        case(date(2026, 1, 31)),
        case(date(2026, 3, 1), source=CaseSource.INSTANTIE),
        case(date(2026, 3, 2)),
    ]

    report = requests_per_month(cases, date(2026, 1, 1), date(2026, 3, 31))

    assert [(r.parents, r.agency) for r in report] == [(1, 0), (0, 0), (1, 1)]


@PROPERTIES
@given(st.lists(case_facts(), max_size=60))
def test_outcomes_count_every_case_once_and_list_every_kind(cases: list[CaseFacts]) -> None:
    counts = outcomes(cases)

    assert list(counts) == list(OutcomeKind)
    assert sum(counts.values()) == len(cases)
    assert counts[OutcomeKind.GRANTED] >= sum(c.decision == "granted" for c in cases)


def test_an_open_case_without_a_decision_is_pending_and_a_withdrawn_one_is_closed() -> None:
    cases = [
        case(date(2026, 1, 5), status=CaseStatus.IN_TEAM_MEETING),
        case(date(2026, 1, 5), status=CaseStatus.WITHDRAWN),
        case(date(2026, 1, 5), date(2026, 1, 9), "refused", status=CaseStatus.CLOSED),
        case(date(2026, 1, 5), date(2026, 1, 9), "granted", status=CaseStatus.WITHDRAWN),
    ]

    counts = outcomes(cases)

    assert counts == {
        OutcomeKind.GRANTED: 1,
        OutcomeKind.REFUSED: 1,
        OutcomeKind.OTHER_ROUTE: 0,
        OutcomeKind.PENDING: 1,
        OutcomeKind.CLOSED: 1,
    }


def test_a_decision_before_the_request_is_refused() -> None:
    with pytest.raises(ValueError, match="before the request"):
        case(date(2026, 2, 1), date(2026, 1, 31), "granted")
    with pytest.raises(ValueError, match="needs its date"):
        case(date(2026, 2, 1), None, "granted")


# -- days to a decision ----------------------------------------------------------------------


@PROPERTIES
@given(st.lists(case_facts(), max_size=60))
def test_the_median_and_mean_lie_between_the_shortest_and_the_longest(cases: list[CaseFacts]) -> None:
    times = days_to_decision(cases)

    decided = [c.days_to_decision for c in cases if c.days_to_decision is not None]
    overall = times.overall
    assert overall.count == len(decided)
    assert sum(s.count for _month, s in times.per_month) == len(decided)
    if decided:
        assert overall.min == min(decided) and overall.max == max(decided)
        assert overall.min <= overall.median <= overall.max  # type: ignore[operator]
        assert overall.min <= overall.mean <= overall.max  # type: ignore[operator]
    else:
        assert overall.median is None and overall.max is None


def test_days_to_decision_per_month_of_decision() -> None:
    cases = [
        case(date(2026, 1, 1), date(2026, 1, 11), "granted"),
        case(date(2026, 1, 20), date(2026, 2, 3), "refused"),
        case(date(2026, 1, 25), date(2026, 2, 28), "other_route"),
        case(date(2026, 2, 1)),
    ]

    times = days_to_decision(cases, months_between(date(2026, 1, 1), date(2026, 3, 31)))

    assert [(m, s.count, s.median, s.max) for m, s in times.per_month] == [
        (date(2026, 1, 1), 1, 10.0, 10),
        (date(2026, 2, 1), 2, 24.0, 34),
        (date(2026, 3, 1), 0, None, None),
    ]
    assert (times.overall.count, times.overall.median, times.overall.mean) == (3, 14.0, 58 / 3)


# -- indications -----------------------------------------------------------------------------


def test_an_indication_is_active_on_the_last_day_of_a_month_and_today_in_the_current_month() -> None:
    indications = [
        IndicationFacts(date(2026, 1, 15), date(2026, 7, 14), None, 0),
        IndicationFacts(date(2026, 2, 1), date(2026, 7, 31), date(2026, 3, 10), 0),
        IndicationFacts(date(2026, 3, 31), date(2026, 9, 30), None, 1),
        IndicationFacts(date(2026, 4, 20), date(2026, 10, 19), None, 0),
    ]

    counts = active_indications_per_month(
        indications, months_between(date(2026, 1, 1), date(2026, 5, 1)), today=date(2026, 4, 10)
    )

    assert [c.count for c in counts] == [1, 2, 2, 2, 0]


@PROPERTIES
@given(st.lists(indication_facts(), max_size=40), indication_facts(), days, days)
def test_one_more_indication_never_lowers_a_month_and_an_ended_one_is_not_counted_after_its_end(
    indications: list[IndicationFacts], extra: IndicationFacts, first: date, today: date
) -> None:
    months = months_between(first, first + timedelta(days=400))

    before = active_indications_per_month(indications, months, today)
    after = active_indications_per_month([*indications, extra], months, today)

    for old, new in zip(before, after, strict=True):
        assert old.count <= new.count <= old.count + 1
        if new.month > extra.end or month_end(new.month) < extra.start or new.month > today:
            assert new.count == old.count


@PROPERTIES
@given(st.lists(indication_facts(), max_size=40))
def test_extensions_count_every_indication_once(indications: list[IndicationFacts]) -> None:
    counts = extensions(indications)

    assert sum(counts.values()) == len(indications)
    assert {0, 1, 2} <= set(counts)


# -- costs -----------------------------------------------------------------------------------


@PROPERTIES
@given(st.lists(paid_facts, max_size=40))
def test_paid_never_exceeds_approved_and_approved_never_exceeds_applied(paid: list[PaidFacts]) -> None:
    costs = costs_per_quarter(paid)

    for quarter in costs:
        assert 0 <= quarter.paid_cents <= quarter.approved_cents <= quarter.applied_cents
    assert sum(q.applications for q in costs) == sum(p.status != "rejected" for p in paid)
    assert sum(q.paid_cents for q in costs) == sum(p.amount_cents for p in paid if p.status == "paid")


def test_costs_list_every_quarter_of_the_period_and_leave_out_others_and_rejected_applications() -> None:
    paid = [
        PaidFacts(2026, 1, "paid", 10_000),
        PaidFacts(2026, 1, "approved", 2_550),
        PaidFacts(2026, 1, "rejected", 99_999),
        PaidFacts(2026, 3, "submitted", 400),
        PaidFacts(2025, 4, "paid", 77_777),
    ]

    costs = costs_per_quarter(paid, quarters_between(date(2026, 1, 1), date(2026, 6, 30)))

    assert [
        (c.quarter.label, c.applications, c.applied_cents, c.approved_cents, c.paid_cents) for c in costs
    ] == [
        ("2026-Q1", 2, 12_550, 12_550, 10_000),
        ("2026-Q2", 0, 0, 0, 0),
    ]


# -- all reports of a period, as rows --------------------------------------------------------


@PROPERTIES
@given(
    st.lists(case_facts(), max_size=30),
    st.lists(indication_facts(), max_size=20),
    st.lists(paid_facts, max_size=20),
    days,
    st.integers(0, 800),
    days,
)
def test_every_report_has_rows_as_wide_as_its_header(
    cases: list[CaseFacts],
    indications: list[IndicationFacts],
    paid: list[PaidFacts],
    since: date,
    length: int,
    today: date,
) -> None:
    facts = ReportFacts(since, since + timedelta(days=length), tuple(cases), tuple(indications), tuple(paid))

    reports = build_reports(facts, today)

    for name in ReportName:
        header, rows = report_rows(name, reports)
        assert rows
        assert all(len(row) == len(header) for row in rows)
    header, rows = all_rows(reports)
    assert all(len(row) == len(header) == 4 for row in rows)


def test_the_period_leaves_out_requests_and_decisions_outside_it() -> None:
    facts = ReportFacts(
        date(2026, 2, 10),
        date(2026, 3, 20),
        cases=(
            case(date(2026, 2, 9), date(2026, 2, 12), "granted"),
            case(date(2026, 2, 10)),
            case(date(2026, 3, 20), date(2026, 3, 21), "refused"),
        ),
    )

    reports = build_reports(facts, today=date(2026, 6, 1))

    assert [r.total for r in reports.requests] == [1, 1]
    assert reports.outcomes[OutcomeKind.PENDING] == 1
    assert reports.outcomes[OutcomeKind.REFUSED] == 1
    assert reports.outcomes[OutcomeKind.GRANTED] == 0
    assert reports.decision_times.overall.count == 1
    assert reports.decision_times.overall.max == 3


def test_money_is_in_euros_and_the_labels_are_translated() -> None:
    facts = ReportFacts(date(2026, 1, 1), date(2026, 3, 31), paid=(PaidFacts(2026, 1, "paid", 123_456),))
    reports = build_reports(facts, today=date(2026, 6, 1))

    header, rows = report_rows(ReportName.COSTS, reports, translate=str.upper)

    assert header == ["QUARTER", "APPLICATIONS", "APPLIED FOR", "APPROVED", "PAID"]
    assert rows == [["2026-Q1", 1, Decimal("1234.56"), Decimal("1234.56"), Decimal("1234.56")]]


# -- formatting and CSV ----------------------------------------------------------------------


def test_euros_read_as_money_on_screen_and_as_plain_numbers_in_a_csv_file() -> None:
    amount = Decimal("1234.50")

    assert format_cell(amount, "nl") == "€\xa01.234,50"
    assert format_cell(amount, "nl", for_csv=True) == "1234,50"
    assert format_cell(amount, "en") == "€1,234.50"
    assert format_cell(12.5, "nl") == "12,5"
    assert format_cell(None, "nl") == "–"
    assert format_cell(None, "nl", for_csv=True) == ""


#: Text a spreadsheet would not take for a formula (those are made inert, tested below).
text = st.text(st.characters(blacklist_categories=["Cs"]), max_size=20).filter(
    lambda s: not s.startswith(("=", "+", "@", "-", "\t", "\r"))
)


@PROPERTIES
@given(st.lists(text, min_size=1, max_size=5), st.lists(st.lists(text, min_size=5, max_size=5), max_size=10))
def test_a_csv_file_reads_back_as_its_header_and_rows(header: list[str], rows: list[list[str]]) -> None:
    rows = [row[: len(header)] for row in rows]

    data = csv_bytes(header, rows)

    assert data.startswith(b"\xef\xbb\xbf")
    read = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""), delimiter=";"))
    assert read == [header, *rows]


def test_a_cell_a_spreadsheet_would_run_as_a_formula_is_made_inert() -> None:
    data = csv_bytes(["a", "b"], [["=1+1", "-12"]]).decode("utf-8-sig")

    assert data == "a;b\r\n'=1+1;-12\r\n"
