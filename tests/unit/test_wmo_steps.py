"""The Wmo melding's steps: what each step requires, and the answers becoming a WmoMelding."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from smi_core.front_door import HelpFor, RequestKind, requests_for
from smi_core.wmo.melding import Household, LifeArea, OwnSolution
from smi_intake.wmo_steps import (
    answers_of,
    incomplete_steps,
    melding_of,
    validate_over_u,
    validate_toestemming,
    validate_vraag,
)

TODAY = date(2026, 12, 3)


def complete() -> dict[str, Any]:
    return {
        "for_whom": "self",
        "name": "T. de Vries",
        "date_of_birth": "1950-03-04",
        "postcode": "3341ab",
        "registered_in_municipality": True,
        "phone": "06 12345678",
        "household": "alone",
        "needs": {"household": "Stofzuigen lukt niet meer.", "health": " "},
        "own_solution": "no",
        "personal_plan": False,
        "wants_client_support": True,
    }


def test_complete_answers_leave_no_step_incomplete_and_become_a_melding() -> None:
    answers = complete()

    melding = melding_of(answers)

    assert incomplete_steps(answers, TODAY) == []
    assert melding.postcode == "3341 AB"
    assert melding.household is Household.ALONE
    assert melding.described_needs == {LifeArea.HOUSEHOLD: "Stofzuigen lukt niet meer."}
    assert melding.own_solution is OwnSolution.NO
    assert melding.asked_by == ""


def test_a_melding_for_someone_else_needs_the_name_of_who_fills_it_in() -> None:
    answers = {**complete(), "for_whom": "other"}

    errors = validate_over_u(answers, TODAY)

    assert list(errors) == ["asked_by"]
    answers["asked_by"] = "J. de Vries"
    assert validate_over_u(answers, TODAY) == {}
    assert melding_of(answers).asked_by == "J. de Vries"


def test_without_a_phone_number_or_e_mail_address_the_resident_cannot_be_reached() -> None:
    answers = {**complete(), "phone": ""}

    assert "phone" in validate_over_u(answers, TODAY)


def test_a_date_of_birth_in_the_future_is_refused() -> None:
    assert "date_of_birth" in validate_over_u({**complete(), "date_of_birth": "2027-01-01"}, TODAY)


def test_a_need_of_only_spaces_is_no_need() -> None:
    assert list(validate_vraag({"needs": {"household": "  "}}, TODAY)) == ["needs"]


def test_every_wmo_consent_must_be_answered_yes_or_no() -> None:
    errors = validate_toestemming({"wmo_provider_sharing": True})

    assert sorted(errors) == ["consent.wmo_client_support", "consent.wmo_information_request"]


def test_incomplete_answers_do_not_become_a_melding() -> None:
    with pytest.raises(ValidationError):
        melding_of({**complete(), "date_of_birth": None})


def test_a_stored_melding_gives_back_the_answers_it_came_from() -> None:
    melding = melding_of(complete())

    assert melding_of(answers_of(melding)) == melding


@given(st.text(max_size=300).filter(str.strip))
def test_any_typed_need_is_kept_as_typed(text: str) -> None:
    melding = melding_of({**complete(), "needs": {"household": text}})

    assert melding.needs[LifeArea.HOUSEHOLD].strip() == text.strip()


def test_the_front_door_leads_each_choice_to_its_request_once_in_order() -> None:
    chosen = [HelpFor.OTHER, HelpFor.ADULT, HelpFor.CHILDCARE, HelpFor.ADULT, HelpFor.CHILD]

    assert requests_for(chosen) == [RequestKind.SMI, RequestKind.WMO, RequestKind.JEUGD]
    assert requests_for([HelpFor.CHILD, HelpFor.OTHER]) == [RequestKind.JEUGD]
    assert requests_for([HelpFor.OTHER]) == []
