"""The exchange format is strict: every wrong value is a ValidationError that names the field."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta
from typing import Any

import pytest
from pydantic import ValidationError

from smi_core import CareType, IntakeAnswers, Reason
from tests.factories import CHECK_DATE, child, example_intake_data, intake, intake_data, member, network

Path = tuple[str | int, ...]

#: Leave the field out instead of giving it a value.
OMIT = object()


def with_value(data: dict[str, Any], path: Path, value: Any) -> dict[str, Any]:
    """``data`` with the value at ``path`` replaced, added, or (with OMIT) removed."""
    target: Any = data
    for step in path[:-1]:
        target = target[step]
    if value is OMIT:
        del target[path[-1]]
    else:
        target[path[-1]] = value
    return data


def error_locations(data: dict[str, Any]) -> list[Path]:
    with pytest.raises(ValidationError) as caught:
        IntakeAnswers.model_validate(data, context={"today": CHECK_DATE})
    return [tuple(error["loc"]) for error in caught.value.errors()]


def intake_with_two_members() -> dict[str, Any]:
    return intake_data(network=network(member("no"), member("partly", "friend")))


# --- one wrong value, one error at that field -----------------------------------------------------

WRONG_VALUES = [
    # unknown fields, top level and nested
    pytest.param(("nickname",), "Sammie", id="unknown-top-level-field"),
    pytest.param(("parents", 0, "age"), 34, id="unknown-parent-field"),
    pytest.param(("children", 0, "school"), "De Linde", id="unknown-child-field"),
    pytest.param(("network", "helpers"), [], id="unknown-network-field"),
    pytest.param(("network", "members", 0, "phone"), "06", id="unknown-member-field"),
    # enum values
    pytest.param(("parents", 0, "activity"), "working", id="activity-unknown"),
    pytest.param(("parents", 0, "activity"), "Works", id="activity-wrong-case"),
    pytest.param(("children", 0, "care_type"), "daycare", id="care-type-unknown"),
    pytest.param(("children", 0, "care_type"), "KDV", id="care-type-upper-case"),
    pytest.param(("children", 0, "care_type"), None, id="care-type-null"),
    pytest.param(("reasons", 0), "money", id="reason-unknown"),
    pytest.param(("reasons", 0), "medical", id="reason-abbreviated"),
    pytest.param(("medical_confirmation",), "yes", id="medical-confirmation-unknown"),
    pytest.param(("network", "members", 0, "can_help"), "maybe", id="can-help-unknown"),
    pytest.param(("network", "members", 0, "can_help"), True, id="can-help-boolean"),
    pytest.param(("kinderopvangtoeslag",), "maybe", id="kot-unknown"),
    pytest.param(("kinderopvangtoeslag",), False, id="kot-boolean"),
    # booleans are JSON booleans, nothing else
    pytest.param(("registered_in_municipality",), "yes", id="registered-yes-string"),
    pytest.param(("registered_in_municipality",), "true", id="registered-true-string"),
    pytest.param(("registered_in_municipality",), 1, id="registered-one"),
    pytest.param(("mkd_requested",), "no", id="mkd-requested-string"),
    pytest.param(("can_pay_partly",), 0, id="can-pay-partly-zero"),
    pytest.param(("cooperates_with_plan",), "yes", id="cooperates-string"),
    pytest.param(("willing_to_evaluate",), None, id="willing-null"),
    pytest.param(("children", 0, "vve_indication"), "no", id="vve-string"),
    pytest.param(("network", "analysis_done"), "yes", id="analysis-done-string"),
    # dagdelen: a whole number from 1 to 10
    pytest.param(("children", 0, "dagdelen_per_week"), "4", id="dagdelen-string"),
    pytest.param(("children", 0, "dagdelen_per_week"), 4.0, id="dagdelen-float"),
    pytest.param(("children", 0, "dagdelen_per_week"), 2.5, id="dagdelen-fraction"),
    pytest.param(("children", 0, "dagdelen_per_week"), True, id="dagdelen-boolean"),
    pytest.param(("children", 0, "dagdelen_per_week"), 0, id="dagdelen-zero"),
    pytest.param(("children", 0, "dagdelen_per_week"), 11, id="dagdelen-eleven"),
    pytest.param(("children", 0, "dagdelen_per_week"), -1, id="dagdelen-negative"),
    # dates: ISO YYYY-MM-DD only
    pytest.param(("children", 0, "date_of_birth"), "01-02-2023", id="dob-dutch-order"),
    pytest.param(("children", 0, "date_of_birth"), "2023/04/02", id="dob-slashes"),
    pytest.param(("children", 0, "date_of_birth"), "2023-4-2", id="dob-no-zero-padding"),
    pytest.param(("children", 0, "date_of_birth"), "2023-02-30", id="dob-30-february"),
    pytest.param(("children", 0, "date_of_birth"), "2023-04-02T00:00:00", id="dob-with-time"),
    pytest.param(("children", 0, "date_of_birth"), datetime(2023, 4, 2, 0, 0), id="dob-datetime"),
    pytest.param(("children", 0, "date_of_birth"), 1680393600, id="dob-timestamp"),
    pytest.param(("children", 0, "date_of_birth"), "", id="dob-empty"),
    pytest.param(("children", 0, "date_of_birth"), "2026-11-23", id="dob-tomorrow"),
    pytest.param(("children", 0, "date_of_birth"), "2030-01-01", id="dob-future"),
    pytest.param(("children", 0, "date_of_birth"), "1899-12-31", id="dob-before-1900"),
    pytest.param(("requested_start",), "01-12-2026", id="start-dutch-order"),
    pytest.param(("requested_start",), 20261201, id="start-integer"),
    pytest.param(("requested_start",), 1796083200.0, id="start-float-timestamp"),
    pytest.param(("requested_start",), "2026-12-01 ", id="start-trailing-space"),
    pytest.param(("requested_start",), "next month", id="start-words"),
    # postcode: four digits (not starting with 0) and two letters
    pytest.param(("postcode",), "334 AB", id="postcode-three-digits"),
    pytest.param(("postcode",), "33411 AB", id="postcode-five-digits"),
    pytest.param(("postcode",), "3341 A", id="postcode-one-letter"),
    pytest.param(("postcode",), "3341 ABC", id="postcode-three-letters"),
    pytest.param(("postcode",), "0341 AB", id="postcode-leading-zero"),
    pytest.param(("postcode",), "3341-AB", id="postcode-dash"),
    pytest.param(("postcode",), "3341 A1", id="postcode-digit-as-letter"),
    pytest.param(("postcode",), "", id="postcode-empty"),
    pytest.param(("postcode",), 3341, id="postcode-integer"),
    pytest.param(("postcode",), None, id="postcode-null"),
    # names and list items: not empty, not only spaces
    pytest.param(("parents", 0, "name"), "", id="parent-name-empty"),
    pytest.param(("parents", 0, "name"), "   ", id="parent-name-spaces"),
    pytest.param(("parents", 0, "name"), "x" * 101, id="parent-name-too-long"),
    pytest.param(("children", 0, "first_name"), "", id="child-name-empty"),
    pytest.param(("children", 0, "first_name"), " \t\n", id="child-name-whitespace"),
    pytest.param(("children", 0, "first_name"), 7, id="child-name-number"),
    pytest.param(("network", "members", 0, "relation"), "  ", id="relation-spaces"),
    pytest.param(("bottlenecks", 0), "", id="bottleneck-empty"),
    pytest.param(("explanation",), "x" * 5001, id="explanation-too-long"),
    # lists
    pytest.param(("parents",), [], id="no-parents"),
    pytest.param(("children",), [], id="no-children"),
    pytest.param(("reasons",), ["social", "social"], id="duplicate-reasons"),
    pytest.param(("reasons",), "social", id="reasons-not-a-list"),
    pytest.param(("children",), [child(first_name="Sam"), child(first_name="sam ")], id="duplicate-children"),
    pytest.param(("children",), [child(), child(), child(first_name="Noor")], id="duplicate-first-two"),
    pytest.param(("network", "members"), {"relation": "friend"}, id="members-not-a-list"),
    # required fields
    pytest.param(("postcode",), OMIT, id="postcode-missing"),
    pytest.param(("registered_in_municipality",), OMIT, id="registered-missing"),
    pytest.param(("parents",), OMIT, id="parents-missing"),
    pytest.param(("children",), OMIT, id="children-missing"),
    pytest.param(("reasons",), OMIT, id="reasons-missing"),
    pytest.param(("medical_confirmation",), OMIT, id="medical-confirmation-missing"),
    pytest.param(("network",), OMIT, id="network-missing"),
    pytest.param(("kinderopvangtoeslag",), OMIT, id="kot-missing"),
    pytest.param(("can_pay_partly",), OMIT, id="can-pay-partly-missing"),
    pytest.param(("cooperates_with_plan",), OMIT, id="cooperates-missing"),
    pytest.param(("willing_to_evaluate",), OMIT, id="willing-missing"),
    pytest.param(("requested_start",), OMIT, id="requested-start-missing"),
    pytest.param(("parents", 0, "name"), OMIT, id="parent-name-missing"),
    pytest.param(("parents", 0, "activity"), OMIT, id="parent-activity-missing"),
    pytest.param(("children", 0, "first_name"), OMIT, id="child-name-missing"),
    pytest.param(("children", 0, "date_of_birth"), OMIT, id="child-dob-missing"),
    pytest.param(("children", 0, "care_type"), OMIT, id="child-care-type-missing"),
    pytest.param(("children", 0, "dagdelen_per_week"), OMIT, id="child-dagdelen-missing"),
    pytest.param(("network", "analysis_done"), OMIT, id="analysis-done-missing"),
    pytest.param(("network", "members", 0, "relation"), OMIT, id="member-relation-missing"),
    pytest.param(("network", "members", 0, "can_help"), OMIT, id="member-can-help-missing"),
]


@pytest.mark.parametrize(("path", "value"), WRONG_VALUES)
def test_a_wrong_value_is_refused_with_an_error_at_its_field(path: Path, value: Any) -> None:
    data = with_value(example_intake_data(), path, value)

    locations = error_locations(data)

    assert locations == [path]


@pytest.mark.parametrize(
    ("path", "value"),
    [
        pytest.param(("network", "members", 1, "can_help"), "sometimes", id="second-member"),
        pytest.param(("children", 1, "care_type"), "mkd-plus", id="second-child"),
        pytest.param(("parents", 1, "activity"), "retired", id="second-parent"),
    ],
)
def test_the_error_location_points_at_the_right_item_of_a_list(path: Path, value: Any) -> None:
    data = intake_with_two_members()
    data["children"].append(child(first_name="Noor"))
    data = with_value(data, path, value)

    locations = error_locations(data)

    assert locations == [path]


def test_several_wrong_values_are_all_reported() -> None:
    data = example_intake_data()
    data["postcode"] = "nope"
    data["children"][0]["dagdelen_per_week"] = 0
    data["kinderopvangtoeslag"] = "?"

    locations = error_locations(data)

    assert sorted(locations, key=str) == sorted(
        [("postcode",), ("children", 0, "dagdelen_per_week"), ("kinderopvangtoeslag",)], key=str
    )


def test_the_duplicate_child_error_says_which_child_repeats() -> None:
    data = intake_data(children=[child(first_name="Sam"), child(first_name="Noor"), child(first_name="SAM")])

    with pytest.raises(ValidationError) as caught:
        IntakeAnswers.model_validate(data, context={"today": CHECK_DATE})

    assert "child 3" in caught.value.errors()[0]["msg"]


def test_the_future_date_of_birth_error_says_why() -> None:
    data = intake_data(children=[child(date_of_birth="2026-11-23")])

    with pytest.raises(ValidationError) as caught:
        IntakeAnswers.model_validate(data, context={"today": CHECK_DATE})

    assert "future" in caught.value.errors()[0]["msg"]


# --- values that are accepted ---------------------------------------------------------------------


def test_the_example_of_the_exchange_format_validates() -> None:
    data = example_intake_data()

    answers = IntakeAnswers.model_validate(data)

    assert answers.postcode == "3341 AB"
    assert answers.children[0].first_name == "Sam"
    assert answers.children[0].date_of_birth == date(2023, 4, 2)
    assert answers.children[0].care_type is CareType.KDV
    assert answers.reasons == [Reason.MEDICAL_PHYSICAL]
    assert answers.requested_start == date(2026, 12, 1)
    assert answers.network.members[0].why_not == "woont in Groningen"


def test_the_example_validates_from_json_and_survives_a_round_trip() -> None:
    text = json.dumps(example_intake_data())

    answers = IntakeAnswers.model_validate_json(text)

    assert IntakeAnswers.model_validate(answers.model_dump(mode="json")) == answers
    assert IntakeAnswers.model_validate_json(answers.model_dump_json()) == answers


@pytest.mark.parametrize("postcode", ["3341ab", "3341 ab", "3341AB", " 3341   Ab ", "3341 aB", "\t3341ab\n"])
def test_a_dutch_postcode_is_normalised(postcode: str) -> None:
    data = intake_data(postcode=postcode)

    answers = IntakeAnswers.model_validate(data)

    assert answers.postcode == "3341 AB"


def test_a_postcode_with_non_ascii_digits_is_refused() -> None:
    data = intake_data(postcode="3٣٤١ AB")

    locations = error_locations(data)

    assert locations == [("postcode",)]


@pytest.mark.parametrize("dagdelen", [1, 10])
def test_dagdelen_from_1_to_10_are_accepted(dagdelen: int) -> None:
    answers = intake(children=[child(dagdelen_per_week=dagdelen)])

    assert answers.children[0].dagdelen_per_week == dagdelen


def test_a_child_born_today_is_accepted() -> None:
    answers = intake(children=[child(date_of_birth=CHECK_DATE)], today=CHECK_DATE)

    assert answers.children[0].date_of_birth == CHECK_DATE


def test_without_a_validation_date_the_system_date_is_today() -> None:
    tomorrow = date.today() + timedelta(days=1)
    data = intake_data(children=[child(date_of_birth=date.today())])
    future = intake_data(children=[child(date_of_birth=tomorrow)])

    answers = IntakeAnswers.model_validate(data)

    assert answers.children[0].date_of_birth == date.today()
    with pytest.raises(ValidationError):
        IntakeAnswers.model_validate(future)


def test_dates_may_be_given_as_date_objects() -> None:
    data = intake_data()
    data["requested_start"] = date(2027, 1, 4)
    data["children"][0]["date_of_birth"] = date(2020, 2, 29)

    answers = IntakeAnswers.model_validate(data)

    assert answers.requested_start == date(2027, 1, 4)
    assert answers.children[0].date_of_birth == date(2020, 2, 29)


def test_names_are_stripped_and_children_with_different_names_or_birthdays_are_distinct() -> None:
    children = [
        child(first_name="  Sam  "),
        child(first_name="Sam", date_of_birth="2021-04-02"),
        child(first_name="Samuel"),
    ]

    answers = intake(children=children)

    assert [c.first_name for c in answers.children] == ["Sam", "Sam", "Samuel"]


def test_the_optional_fields_have_defaults() -> None:
    data = example_intake_data()
    for key in ("explanation", "bottlenecks", "mkd_requested"):
        del data[key]
    del data["children"][0]["vve_indication"]
    del data["network"]["members"]

    answers = IntakeAnswers.model_validate(data)

    assert answers.explanation == ""
    assert answers.bottlenecks == []
    assert answers.mkd_requested is False
    assert answers.children[0].vve_indication is False
    assert answers.network.members == []


def test_intake_answers_are_immutable() -> None:
    answers = intake()

    with pytest.raises(ValidationError):
        answers.postcode = "1012 AB"  # type: ignore[misc]
