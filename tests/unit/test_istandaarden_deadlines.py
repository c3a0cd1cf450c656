"""The reaction times of the message traffic in working days (OP090, OP274, OP346) and the 8 weeks
after an answer in onderzoek."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from smi_core.dates import working_days_between
from smi_core.istandaarden.deadlines import (
    add_working_days,
    answer_due,
    answer_overdue,
    final_answer_due,
    final_answer_overdue,
    retour_due,
    retour_overdue,
)

THURSDAY = date(2026, 4, 2)


def test_a_retour_for_a_message_of_thursday_is_due_on_tuesday() -> None:
    due = retour_due(THURSDAY)

    assert due == date(2026, 4, 7)


def test_a_retour_is_overdue_only_after_its_third_working_day() -> None:
    assert not retour_overdue(THURSDAY, date(2026, 4, 7))
    assert retour_overdue(THURSDAY, date(2026, 4, 8))


def test_a_request_of_thursday_is_answered_by_the_next_thursday() -> None:
    assert answer_due(THURSDAY) == date(2026, 4, 9)
    assert not answer_overdue(THURSDAY, date(2026, 4, 9))
    assert answer_overdue(THURSDAY, date(2026, 4, 10))


def test_a_request_in_onderzoek_gets_its_final_answer_within_eight_weeks() -> None:
    assert final_answer_due(THURSDAY) == date(2026, 5, 28)
    assert not final_answer_overdue(THURSDAY, date(2026, 5, 28))
    assert final_answer_overdue(THURSDAY, date(2026, 5, 29))


@given(start=st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 1, 1)), count=st.integers(0, 30))
def test_adding_working_days_lands_on_a_weekday_that_many_working_days_later(start: date, count: int) -> None:
    day = add_working_days(start, count)

    assert working_days_between(start, day) == count
    assert count == 0 or day.weekday() < 5
    assert count == 0 or working_days_between(start, day - timedelta(days=1)) == count - 1
