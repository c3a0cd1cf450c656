"""The access route's legal terms (TOE-ONDERZOEK-TERM, TOE-PLAN-7D, TOE-BESCHIKKING-TERM, BEG-CONTACT-1W)."""

from __future__ import annotations

from datetime import date

import pytest

from smi_core.wmo.terms import Law, NoSuchTerm, Term, days_of, due, state_of

MONDAY = date(2026, 3, 2)


@pytest.mark.parametrize(
    ("term", "law", "expected"),
    [
        (Term.ONDERZOEK, Law.WMO, date(2026, 4, 13)),  # 6 weeks
        (Term.PERSOONLIJK_PLAN, Law.WMO, date(2026, 3, 9)),  # 7 days: the next Monday
        (Term.BESCHIKKING, Law.WMO, date(2026, 3, 16)),  # 2 weeks
        (Term.BESCHIKKING, Law.JEUGDWET, date(2026, 4, 27)),  # 8 weeks (Awb 4:13)
        (Term.CONTACT, Law.WMO, date(2026, 3, 9)),  # one week
    ],
)
def test_each_term_falls_due_its_legal_length_after_the_event(term: Term, law: Law, expected: date) -> None:
    assert due(term, MONDAY, law) == expected


def test_a_term_over_a_year_end_and_a_leap_day_counts_calendar_days() -> None:
    assert due(Term.ONDERZOEK, date(2027, 12, 27)) == date(2028, 2, 7)
    assert due(Term.PERSOONLIJK_PLAN, date(2028, 2, 25)) == date(2028, 3, 3)


def test_the_jeugdwet_has_no_persoonlijk_plan_term() -> None:
    with pytest.raises(NoSuchTerm, match="TOE-PLAN-7D"):
        days_of(Term.PERSOONLIJK_PLAN, Law.JEUGDWET)


def test_an_open_term_counts_down_to_its_day_and_is_overdue_the_day_after() -> None:
    on_the_day = state_of(Term.BESCHIKKING, MONDAY, on=date(2026, 3, 16))
    day_after = state_of(Term.BESCHIKKING, MONDAY, on=date(2026, 3, 17))

    assert (on_the_day.overdue, on_the_day.days_left, on_the_day.met) == (False, 0, False)
    assert state_of(Term.BESCHIKKING, MONDAY, on=MONDAY).days_left == 14
    assert (day_after.overdue, day_after.days_left, day_after.days_late) == (True, None, 1)


def test_a_term_done_in_time_is_met_and_one_done_late_stays_late() -> None:
    in_time = state_of(Term.CONTACT, MONDAY, on=date(2026, 5, 1), done_on=date(2026, 3, 9))
    late = state_of(Term.CONTACT, MONDAY, on=date(2026, 5, 1), done_on=date(2026, 3, 12))

    assert (in_time.met, in_time.overdue, in_time.days_late, in_time.days_left) == (True, False, 0, None)
    assert (late.met, late.overdue, late.days_late) == (False, True, 3)


def test_a_term_cannot_be_done_before_it_starts() -> None:
    with pytest.raises(ValueError, match="before the day it starts"):
        state_of(Term.ONDERZOEK, MONDAY, on=MONDAY, done_on=date(2026, 3, 1))
