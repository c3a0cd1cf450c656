"""A parent's request for youth care: the preliminary check per rule id (JGD-RES, JGD-AGE,
JGD-NEED) and its route, and the request's steps and their checks."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from pydantic import ValidationError

from smi_core.cases import JEUGD_CONSENTS, CaseStatus, status_for_residents
from smi_core.constants import FindingStatus
from smi_core.front_door import HelpFor, RequestKind, requests_for
from smi_core.jeugd.youth_check import JeugdRule, check_youth_request
from smi_core.municipality import load_municipality
from smi_core.wmo.melding import LifeArea, OwnSolution, Route, WmoMelding
from smi_intake.db.wmo_cases import check_from_payload, check_payload
from smi_intake.jeugd_steps import (
    JEUGD_STEPS,
    incomplete_steps,
    request_of,
    validate_kind,
    validate_toestemming,
    validate_vraag,
)

EXAMPLE = load_municipality("smi_core/municipalities/voorbeeld.toml")
ON = date(2026, 12, 3)


def _inside() -> str:
    return f"{EXAMPLE.postcode_ranges[0].first:04d} AA"


def _request(**changes: Any) -> WmoMelding:
    answers: dict[str, Any] = {
        "name": "Sam",
        "asked_by": "Mira",
        "date_of_birth": date(2016, 5, 1),
        "postcode": _inside(),
        "registered_in_municipality": True,
        "needs": {LifeArea.BEHAVIOUR: "Sam is vaak boos en slaat op school."},
        "own_solution": OwnSolution.NO,
        **changes,
    }
    return WmoMelding(**answers)


def _answers(**changes: Any) -> dict[str, Any]:
    return {
        "asked_by": "Mira de Boer",
        "asked_by_relation": "moeder",
        "phone": "06 12345678",
        "name": "Sam de Boer",
        "date_of_birth": "2016-05-01",
        "postcode": "3341ab",
        "registered_in_municipality": True,
        "needs": {"behaviour": "Sam is vaak boos.", "school": ""},
        "school": "De Regenboog, groep 5",
        "involved": "De huisarts",
        "own_solution": "no",
        "wants_client_support": True,
        **changes,
    }


def test_a_child_who_meets_every_rule_is_pointed_to_youth_care() -> None:
    check = check_youth_request(_request(), EXAMPLE, ON)

    assert [f.rule_id for f in check.findings] == [JeugdRule.RES, JeugdRule.AGE, JeugdRule.NEED]
    assert {f.status for f in check.findings} == {FindingStatus.MET}
    assert check.route is Route.YOUTH_CARE
    assert check.finding(JeugdRule.AGE).advice is None


def test_jgd_res_a_child_registered_elsewhere_is_pointed_to_the_other_municipality() -> None:
    check = check_youth_request(_request(registered_in_municipality=False), EXAMPLE, ON)

    assert check.finding(JeugdRule.RES).status is FindingStatus.NOT_MET
    assert check.finding(JeugdRule.RES).advice == "Vraag het de gemeente waar uw kind staat ingeschreven."
    assert check.route is Route.OTHER_MUNICIPALITY


def test_jgd_res_a_postcode_outside_the_municipality_is_for_the_team_to_assess() -> None:
    check = check_youth_request(_request(postcode="9999 ZZ"), EXAMPLE, ON)

    assert check.finding(JeugdRule.RES).status is FindingStatus.TO_ASSESS
    assert "9999 ZZ" in check.finding(JeugdRule.RES).explanation
    assert check.route is Route.TO_ASSESS


def test_jgd_age_a_child_of_18_is_pointed_to_wmo_support() -> None:
    check = check_youth_request(_request(date_of_birth=date(2008, 12, 3)), EXAMPLE, ON)

    assert check.finding(JeugdRule.AGE).status is FindingStatus.NOT_MET
    assert "Wmo" in (check.finding(JeugdRule.AGE).advice or "")
    assert check.route is Route.WMO


def test_jgd_age_a_child_of_17_is_told_that_youth_care_stops_at_18_and_wmo_can_follow() -> None:
    check = check_youth_request(_request(date_of_birth=date(2008, 12, 4)), EXAMPLE, ON, "en")

    age = check.finding(JeugdRule.AGE)
    assert age.status is FindingStatus.MET
    assert "stops at 18" in age.explanation
    assert age.advice is not None and "(Wmo)" in age.advice
    assert check.route is Route.YOUTH_CARE


def test_jgd_need_no_need_told_is_missing_and_for_the_team_to_assess() -> None:
    check = check_youth_request(_request(needs={}), EXAMPLE, ON)

    assert check.finding(JeugdRule.NEED).status is FindingStatus.MISSING
    assert check.route is Route.TO_ASSESS


def test_jgd_need_a_need_the_family_can_solve_points_to_general_provisions() -> None:
    check = check_youth_request(_request(own_solution=OwnSolution.YES), EXAMPLE, ON)

    assert check.finding(JeugdRule.NEED).status is FindingStatus.NOT_MET
    assert check.finding(JeugdRule.NEED).advice is not None
    assert check.route is Route.GENERAL_PROVISION


@pytest.mark.parametrize("locale", ["nl", "en", "pl", "tr", "uk", "ar"])
def test_the_check_explains_every_rule_in_every_resident_language(locale: str) -> None:
    check = check_youth_request(_request(date_of_birth=date(2009, 1, 1)), EXAMPLE, ON, locale)

    assert all(f.explanation and "%(" not in f.explanation for f in check.findings)
    assert check.finding(JeugdRule.AGE).advice


def test_a_stored_youth_check_is_read_back_with_its_rule_ids() -> None:
    check = check_youth_request(_request(), EXAMPLE, ON)

    assert check_from_payload(check_payload(check, ON, "nl")) == check


def test_the_front_doors_child_choice_leads_to_a_request_for_youth_care() -> None:
    assert requests_for([HelpFor.CHILD, HelpFor.ADULT]) == [RequestKind.WMO, RequestKind.JEUGD]


def test_the_steps_end_with_the_shared_consent_check_and_sent_steps() -> None:
    assert [s.slug for s in JEUGD_STEPS][-3:] == ["toestemming", "controleren", "verzonden"]
    assert all(s.page.startswith("pages/jeugd/") for s in JEUGD_STEPS)


def test_complete_answers_become_a_request_filled_in_by_the_parent() -> None:
    answers = _answers()

    request = request_of(answers)

    assert incomplete_steps(answers, ON) == []
    assert request.asked_by == "Mira de Boer" and request.asked_by_relation == "moeder"
    assert request.postcode == "3341 AB"
    assert request.needs == {LifeArea.BEHAVIOUR: "Sam is vaak boos."}
    assert request.school == "De Regenboog, groep 5" and request.involved == "De huisarts"


def test_the_child_step_asks_the_parents_name_and_the_childs_details() -> None:
    errors = validate_kind(_answers(asked_by=" ", name="", date_of_birth="2027-01-01", phone=""), ON)

    assert set(errors) == {"asked_by", "name", "date_of_birth", "phone"}


def test_the_need_step_asks_for_at_least_one_area() -> None:
    assert validate_vraag(_answers(needs={"behaviour": "  "}), ON) == {
        "needs": "Tell us about at least one part where your child needs help."
    }
    assert incomplete_steps(_answers(needs={}), ON) == ["vraag"]


def test_the_consent_step_asks_each_youth_care_consent() -> None:
    errors = validate_toestemming({JEUGD_CONSENTS[0].value: True})

    assert set(errors) == {f"consent.{kind.value}" for kind in JEUGD_CONSENTS[1:]}


def test_incomplete_answers_are_no_request() -> None:
    with pytest.raises(ValidationError):
        request_of(_answers(date_of_birth=None))


def test_a_youth_case_s_status_names_the_jeugdwet_s_eight_weeks_not_the_wmo_s_two() -> None:
    youth = status_for_residents(CaseStatus.PROVISION_CHOSEN, "jeugd")[1]
    wmo = status_for_residents(CaseStatus.PROVISION_CHOSEN, "wmo")[1]

    assert "8 weeks" in youth and "2 weeks" not in youth
    assert "2 weeks" in wmo
    assert status_for_residents(CaseStatus.NEW, "jeugd") == status_for_residents(CaseStatus.NEW, "wmo")
