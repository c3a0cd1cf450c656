"""The Wmo melding's preliminary check, per rule id (WMO-RES, WMO-AGE, WMO-NEED), and its route."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from smi_core.constants import FindingStatus
from smi_core.municipality import load_municipality
from smi_core.wmo.melding import LifeArea, OwnSolution, Route, WmoMelding, WmoRule, check_melding

EXAMPLE = load_municipality("smi_core/municipalities/voorbeeld.toml")
ON = date(2026, 12, 3)


def _inside() -> str:
    first = EXAMPLE.postcode_ranges[0].first
    return f"{first:04d} AA"


def _melding(**changes: Any) -> WmoMelding:
    answers: dict[str, Any] = {
        "date_of_birth": date(1950, 5, 1),
        "postcode": _inside(),
        "registered_in_municipality": True,
        "needs": {LifeArea.HOUSEHOLD: "Ik kan niet meer stofzuigen."},
        "own_solution": OwnSolution.NO,
        **changes,
    }
    return WmoMelding(**answers)


def test_a_resident_who_meets_every_rule_is_pointed_to_wmo_support() -> None:
    check = check_melding(_melding(), EXAMPLE, ON)

    assert [f.rule_id for f in check.findings] == [WmoRule.RES, WmoRule.AGE, WmoRule.NEED]
    assert {f.status for f in check.findings} == {FindingStatus.MET}
    assert check.route is Route.WMO
    assert EXAMPLE.name in check.finding(WmoRule.RES).explanation


def test_wmo_res_someone_registered_elsewhere_is_told_to_ask_their_own_municipality() -> None:
    check = check_melding(_melding(registered_in_municipality=False), EXAMPLE, ON)

    assert check.finding(WmoRule.RES).status is FindingStatus.NOT_MET
    assert check.finding(WmoRule.RES).advice == "Vraag uw eigen gemeente om hulp."
    assert check.route is Route.OTHER_MUNICIPALITY


def test_wmo_res_a_postcode_outside_is_for_the_team_to_assess() -> None:
    check = check_melding(_melding(postcode="9999 ZZ"), EXAMPLE, ON)

    assert check.finding(WmoRule.RES).status is FindingStatus.TO_ASSESS
    assert "9999 ZZ" in check.finding(WmoRule.RES).explanation
    assert check.route is Route.TO_ASSESS


@pytest.mark.parametrize(
    ("born", "status", "route"),
    [
        (date(2008, 12, 3), FindingStatus.MET, Route.WMO),  # 18 today
        (date(2008, 12, 4), FindingStatus.NOT_MET, Route.YOUTH_CARE),  # 18 tomorrow
    ],
)
def test_wmo_age_from_the_18th_birthday_on(born: date, status: FindingStatus, route: Route) -> None:
    check = check_melding(_melding(date_of_birth=born), EXAMPLE, ON)

    assert check.finding(WmoRule.AGE).status is status
    assert check.route is route


@pytest.mark.parametrize(
    ("changes", "status", "route"),
    [
        ({"needs": {}}, FindingStatus.MISSING, Route.TO_ASSESS),
        ({"needs": {LifeArea.HEALTH: "   "}}, FindingStatus.MISSING, Route.TO_ASSESS),
        ({"own_solution": OwnSolution.YES}, FindingStatus.NOT_MET, Route.GENERAL_PROVISION),
        ({"own_solution": OwnSolution.PARTLY}, FindingStatus.TO_ASSESS, Route.TO_ASSESS),
        ({"own_solution": OwnSolution.UNKNOWN}, FindingStatus.TO_ASSESS, Route.TO_ASSESS),
    ],
)
def test_wmo_need_reads_the_need_and_what_own_means_can_do(
    changes: dict[str, Any], status: FindingStatus, route: Route
) -> None:
    check = check_melding(_melding(**changes), EXAMPLE, ON)

    assert check.finding(WmoRule.NEED).status is status
    assert check.route is route


def test_the_check_never_quotes_the_residents_own_words() -> None:
    words = "Mijn buurman helpt soms met boodschappen."
    check = check_melding(_melding(needs={LifeArea.PARTICIPATION: words}, network=words), EXAMPLE, ON)

    assert all(words not in f.explanation and words not in (f.advice or "") for f in check.findings)


@pytest.mark.parametrize("locale", ["nl", "en", "pl", "tr", "uk", "ar"])
def test_the_check_speaks_every_resident_language(locale: str) -> None:
    check = check_melding(
        _melding(date_of_birth=date(2010, 1, 1), own_solution=OwnSolution.YES), EXAMPLE, ON, locale
    )
    english = check_melding(
        _melding(date_of_birth=date(2010, 1, 1), own_solution=OwnSolution.YES), EXAMPLE, ON, "en"
    )

    for finding, in_english in zip(check.findings, english.findings, strict=True):
        assert "%(" not in finding.explanation
        assert (finding.explanation != in_english.explanation) == (locale != "en")


def test_a_postcode_in_another_shape_is_refused() -> None:
    with pytest.raises(ValueError, match="postcode"):
        _melding(postcode="3341AB")
