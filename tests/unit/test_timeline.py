"""The life of an indication: review moments, extensions, the hard stop and the age limit."""

from __future__ import annotations

from datetime import date

import pytest
from pydantic import ValidationError

from smi_core import (
    ExtensionAnswers,
    ExtensionRefusal,
    IndicationTimeline,
    ReviewKind,
    check_extension,
    indication_timeline,
)
from tests.factories import municipality

START = date(2026, 12, 1)
#: Far from any age limit during the indication.
YOUNG = {"Sam": date(2023, 4, 2)}

COMPLETE_ANSWERS = ExtensionAnswers(
    family_cooperated=True,
    why_no_improvement="Moeder herstelt langzamer dan verwacht.",
    can_reduce_dagdelen=False,
    anonymised_consultation_held=True,
)


def moments(timeline: IndicationTimeline) -> list[tuple[ReviewKind, date, str | None]]:
    return [(m.kind, m.due, m.child) for m in timeline.moments]


# --- review moments -------------------------------------------------------------------------------


def test_a_plain_indication_has_contact_after_3_months_and_ends_after_6() -> None:
    timeline = indication_timeline(START, YOUNG)

    assert moments(timeline) == [
        (ReviewKind.CONTACT, date(2027, 3, 1), None),
        (ReviewKind.END, date(2027, 5, 31), None),
        (ReviewKind.HARD_STOP, date(2027, 11, 30), None),
    ]
    assert timeline.last_day == date(2027, 5, 31)
    assert timeline.hard_stop == date(2027, 11, 30)
    assert timeline.child_last_days == {"Sam": date(2027, 5, 31)}
    assert timeline.cut_by_age is False


@pytest.mark.parametrize(
    ("extensions", "extension_ends", "last_day"),
    [
        (0, [], date(2027, 5, 31)),
        (1, [date(2027, 8, 31)], date(2027, 8, 31)),
        (2, [date(2027, 8, 31), date(2027, 11, 30)], date(2027, 11, 30)),
    ],
)
def test_each_extension_adds_3_months_up_to_the_hard_stop_after_12(
    extensions: int, extension_ends: list[date], last_day: date
) -> None:
    timeline = indication_timeline(START, YOUNG, extensions_granted=extensions)

    assert [m.due for m in timeline.moments if m.kind is ReviewKind.EXTENSION_END] == extension_ends
    assert timeline.last_day == last_day
    assert timeline.hard_stop == date(2027, 11, 30)
    assert timeline.extensions_granted == extensions
    assert [m.due for m in timeline.moments if m.kind is ReviewKind.END] == [date(2027, 5, 31)]


@pytest.mark.parametrize(
    ("start", "contact", "end", "first_extension", "hard_stop"),
    [
        pytest.param(
            date(2026, 1, 31),
            date(2026, 4, 30),
            date(2026, 7, 30),
            date(2026, 10, 30),
            date(2027, 1, 30),
            id="31-january",
        ),
        pytest.param(
            date(2026, 8, 31),
            date(2026, 11, 30),
            date(2027, 2, 27),
            date(2027, 5, 30),
            date(2027, 8, 30),
            id="31-august-end-in-february",
        ),
        pytest.param(
            date(2027, 8, 31),
            date(2027, 11, 30),
            date(2028, 2, 28),
            date(2028, 5, 30),
            date(2028, 8, 30),
            id="31-august-end-in-leap-february",
        ),
        pytest.param(
            date(2027, 1, 1),
            date(2027, 4, 1),
            date(2027, 6, 30),
            date(2027, 9, 30),
            date(2027, 12, 31),
            id="1-january",
        ),
        pytest.param(
            date(2026, 11, 30),
            date(2027, 2, 28),
            date(2027, 5, 29),
            date(2027, 8, 29),
            date(2027, 11, 29),
            id="30-november-contact-in-february",
        ),
    ],
)
def test_month_end_starts_fall_back_to_the_last_day_of_a_shorter_month(
    start: date, contact: date, end: date, first_extension: date, hard_stop: date
) -> None:
    timeline = indication_timeline(start, {}, extensions_granted=1)

    assert moments(timeline) == [
        (ReviewKind.CONTACT, contact, None),
        (ReviewKind.END, end, None),
        (ReviewKind.EXTENSION_END, first_extension, None),
        (ReviewKind.HARD_STOP, hard_stop, None),
    ]


def test_without_children_the_indication_runs_its_planned_period() -> None:
    timeline = indication_timeline(START, {}, extensions_granted=1)

    assert timeline.last_day == date(2027, 8, 31)
    assert timeline.child_last_days == {}
    assert timeline.cut_by_age is False


@pytest.mark.parametrize("extensions", [-1, 3, 10])
def test_an_impossible_number_of_extensions_is_refused(extensions: int) -> None:
    with pytest.raises(ValueError, match="between 0 and 2"):
        indication_timeline(START, YOUNG, extensions_granted=extensions)


# --- the age limit --------------------------------------------------------------------------------


def test_the_indication_of_a_child_turning_13_ends_the_day_before_its_birthday() -> None:
    timeline = indication_timeline(START, {"Jet": date(2014, 3, 15)})

    assert timeline.child_last_days == {"Jet": date(2027, 3, 14)}
    assert timeline.last_day == date(2027, 3, 14)
    assert timeline.cut_by_age is True
    assert moments(timeline) == [
        (ReviewKind.CONTACT, date(2027, 3, 1), None),
        (ReviewKind.AGE_LIMIT, date(2027, 3, 14), "Jet"),
        (ReviewKind.END, date(2027, 5, 31), None),
        (ReviewKind.HARD_STOP, date(2027, 11, 30), None),
    ]


def test_each_child_has_its_own_last_day_and_the_indication_runs_for_the_youngest() -> None:
    children = {"Jet": date(2014, 3, 15), "Sam": date(2023, 4, 2), "Mila": date(2014, 4, 20)}

    timeline = indication_timeline(START, children)

    assert timeline.child_last_days == {
        "Jet": date(2027, 3, 14),
        "Sam": date(2027, 5, 31),
        "Mila": date(2027, 4, 19),
    }
    assert timeline.last_day == date(2027, 5, 31)
    assert timeline.cut_by_age is True
    assert [(m.due, m.child) for m in timeline.moments if m.kind is ReviewKind.AGE_LIMIT] == [
        (date(2027, 3, 14), "Jet"),
        (date(2027, 4, 19), "Mila"),
    ]


def test_when_every_child_is_cut_the_indication_ends_on_the_latest_childs_last_day() -> None:
    children = {"Jet": date(2014, 3, 15), "Mila": date(2014, 4, 20)}

    timeline = indication_timeline(START, children)

    assert timeline.last_day == date(2027, 4, 19)


@pytest.mark.parametrize(
    ("extensions", "mila_last_day", "cut"),
    [(0, date(2027, 5, 31), False), (1, date(2027, 7, 9), True), (2, date(2027, 7, 9), True)],
)
def test_an_extension_can_be_cut_by_the_age_limit(extensions: int, mila_last_day: date, cut: bool) -> None:
    timeline = indication_timeline(START, {"Mila": date(2014, 7, 10)}, extensions_granted=extensions)

    assert timeline.child_last_days["Mila"] == mila_last_day
    assert timeline.cut_by_age is cut
    assert timeline.last_day == mila_last_day
    assert ((ReviewKind.AGE_LIMIT, date(2027, 7, 9), "Mila") in moments(timeline)) is cut


def test_a_child_whose_age_limit_is_the_planned_last_day_is_not_cut() -> None:
    timeline = indication_timeline(START, {"Noor": date(2014, 6, 1)})

    assert timeline.child_last_days == {"Noor": date(2027, 5, 31)}
    assert timeline.cut_by_age is False
    assert ReviewKind.AGE_LIMIT not in [m.kind for m in timeline.moments]


@pytest.mark.parametrize(
    ("setting", "last_day"), [("mar_1", date(2025, 2, 28)), ("feb_28", date(2025, 2, 27))]
)
def test_a_29_february_child_is_cut_as_the_municipality_setting_says(setting: str, last_day: date) -> None:
    timeline = indication_timeline(
        date(2024, 12, 1), {"Lotte": date(2012, 2, 29)}, municipality=municipality(leap_day_birthday=setting)
    )

    assert timeline.child_last_days == {"Lotte": last_day}


def test_review_moments_are_in_date_order() -> None:
    children = {"Jet": date(2014, 3, 15), "Mila": date(2014, 7, 10), "Sam": date(2023, 4, 2)}

    timeline = indication_timeline(START, children, extensions_granted=2)

    dues = [m.due for m in timeline.moments]
    assert dues == sorted(dues)
    assert len(timeline.moments) == 7


# --- extensions -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("extensions_granted", "new_last_day"),
    [(0, date(2027, 8, 31)), (1, date(2027, 11, 30))],
)
def test_an_extension_is_allowed_when_everything_is_recorded(
    extensions_granted: int, new_last_day: date
) -> None:
    result = check_extension(START, YOUNG, extensions_granted, COMPLETE_ANSWERS)

    assert result.allowed is True
    assert result.refusals == []
    assert result.new_last_day == new_last_day


def test_a_third_extension_is_refused() -> None:
    result = check_extension(START, YOUNG, 2, COMPLETE_ANSWERS)

    assert result.allowed is False
    assert result.refusals == [ExtensionRefusal.MAX_REACHED]
    assert result.new_last_day is None


def test_an_extension_past_the_hard_stop_is_refused_even_when_more_are_allowed() -> None:
    three_extensions = municipality(max_extensions=3)

    result = check_extension(START, YOUNG, 2, COMPLETE_ANSWERS, municipality=three_extensions)

    assert result.refusals == [ExtensionRefusal.HARD_STOP]
    assert result.new_last_day is None


def test_an_extension_is_refused_when_every_child_reaches_the_age_limit_first() -> None:
    children = {"Jet": date(2014, 3, 15), "Mila": date(2014, 5, 1)}

    result = check_extension(START, children, 0, COMPLETE_ANSWERS)

    assert result.refusals == [ExtensionRefusal.AGE_LIMIT]
    assert result.new_last_day is None


def test_an_extension_for_a_child_turning_13_during_it_ends_the_day_before_the_birthday() -> None:
    result = check_extension(START, {"Mila": date(2014, 7, 1)}, 0, COMPLETE_ANSWERS)

    assert result.allowed is True
    assert result.new_last_day == date(2027, 6, 30)


def test_an_extension_runs_for_the_youngest_child_when_an_older_one_is_cut() -> None:
    children = {"Jet": date(2014, 3, 15), "Sam": date(2023, 4, 2)}

    result = check_extension(START, children, 0, COMPLETE_ANSWERS)

    assert result.new_last_day == date(2027, 8, 31)


@pytest.mark.parametrize(
    ("changes", "refusal"),
    [
        pytest.param(
            {"family_cooperated": None}, ExtensionRefusal.COOPERATION_UNANSWERED, id="cooperation-unanswered"
        ),
        pytest.param(
            {"family_cooperated": False}, ExtensionRefusal.DID_NOT_COOPERATE, id="did-not-cooperate"
        ),
        pytest.param({"why_no_improvement": ""}, ExtensionRefusal.NO_IMPROVEMENT_REASON, id="no-reason"),
        pytest.param(
            {"why_no_improvement": " \n "}, ExtensionRefusal.NO_IMPROVEMENT_REASON, id="blank-reason"
        ),
        pytest.param({"can_reduce_dagdelen": None}, ExtensionRefusal.REDUCTION_UNANSWERED, id="reduction"),
        pytest.param(
            {"anonymised_consultation_held": False}, ExtensionRefusal.NO_CONSULTATION, id="consultation"
        ),
    ],
)
def test_an_extension_is_refused_for_each_missing_record(
    changes: dict[str, object], refusal: ExtensionRefusal
) -> None:
    answers = COMPLETE_ANSWERS.model_copy(update=changes)

    result = check_extension(START, YOUNG, 0, answers)

    assert result.allowed is False
    assert result.refusals == [refusal]
    assert result.new_last_day is None


def test_that_the_part_days_can_go_down_is_a_valid_answer() -> None:
    answers = COMPLETE_ANSWERS.model_copy(update={"can_reduce_dagdelen": True})

    result = check_extension(START, YOUNG, 0, answers)

    assert result.allowed is True


def test_every_reason_to_refuse_is_reported_at_once() -> None:
    result = check_extension(START, YOUNG, 2, ExtensionAnswers())

    assert result.refusals == [
        ExtensionRefusal.MAX_REACHED,
        ExtensionRefusal.COOPERATION_UNANSWERED,
        ExtensionRefusal.NO_IMPROVEMENT_REASON,
        ExtensionRefusal.REDUCTION_UNANSWERED,
        ExtensionRefusal.NO_CONSULTATION,
    ]


def test_extension_answers_refuse_unknown_fields() -> None:
    with pytest.raises(ValidationError) as caught:
        ExtensionAnswers.model_validate({"family_cooperated": True, "improved": False})

    assert [tuple(e["loc"]) for e in caught.value.errors()] == [("improved",)]
