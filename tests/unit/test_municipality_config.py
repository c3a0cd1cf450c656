"""A municipality is configuration: another TOML file changes the check without a code change."""

from __future__ import annotations

import json
import tomllib
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

from smi_core import (
    CareType,
    FindingStatus,
    MunicipalityConfig,
    Outcome,
    ReviewKind,
    RuleId,
    check_eligibility,
    default_municipality,
    indication_timeline,
    load_municipality,
)
from smi_core.municipality import DEFAULT_MUNICIPALITY_FILE
from tests.factories import CHECK_DATE, child, intake

MET = FindingStatus.MET
NOT_MET = FindingStatus.NOT_MET
TO_ASSESS = FindingStatus.TO_ASSESS

#: A second municipality: other name and team, other postcodes, children up to 10, no lunch-time care.
OTHER_MUNICIPALITY: dict[str, Any] = {
    "name": "Zwijndrecht",
    "social_team": "Sociaal Team Zwijndrecht",
    "postcode_ranges": [{"first": 3330, "last": 3334}],
    "max_age": 10,
    "care_types": ["kdv", "vso", "bso", "psg"],
}


def _toml_value(value: Any) -> str:
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{key} = {_toml_value(item)}" for key, item in value.items()) + " }"
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(item) for item in value) + "]"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    return json.dumps(value, ensure_ascii=False)  # a TOML basic string


def toml_text(settings: dict[str, Any]) -> str:
    """A municipality file: plain settings first, then one table per locale under ``texts``."""
    lines = [f"{key} = {_toml_value(value)}" for key, value in settings.items() if key != "texts"]
    for locale, texts in settings.get("texts", {}).items():
        lines.append(f"\n[texts.{locale}]")
        lines.extend(f"{key} = {_toml_value(text)}" for key, text in texts.items())
    return "\n".join(lines) + "\n"


def write_municipality(folder: Path, settings: dict[str, Any], name: str = "zwijndrecht.toml") -> Path:
    path = folder / name
    path.write_text(toml_text(settings), encoding="utf-8")
    return path


@pytest.fixture
def other(tmp_path: Path) -> MunicipalityConfig:
    return load_municipality(write_municipality(tmp_path, OTHER_MUNICIPALITY))


# --- the default ----------------------------------------------------------------------------------


def test_the_default_municipality_is_hendrik_ido_ambacht() -> None:
    config = default_municipality()

    assert config.name == "Hendrik-Ido-Ambacht"
    assert config.social_team == "WIJzer"
    assert [(r.first, r.last) for r in config.postcode_ranges] == [(3340, 3344)]
    assert config.max_age == 12
    assert config.care_types == {CareType.KDV, CareType.VSO, CareType.TSO, CareType.BSO, CareType.PSG}
    assert (config.psg_smi_dagdelen, config.max_dagdelen_per_week) == (2, 10)
    assert (config.contact_after_months, config.initial_period_months) == (3, 6)
    assert (config.extension_months, config.max_extensions, config.hard_stop_months) == (3, 2, 12)
    assert config.leap_day_birthday == "mar_1"


def test_the_default_file_loads_from_a_path_or_a_string() -> None:
    from_path = load_municipality(DEFAULT_MUNICIPALITY_FILE)
    from_text = load_municipality(str(DEFAULT_MUNICIPALITY_FILE))

    assert from_path == default_municipality()
    assert from_text == default_municipality()


@pytest.mark.parametrize(
    ("postcode", "covered"),
    [("3339 ZZ", False), ("3340 AA", True), ("3342 CD", True), ("3344 ZZ", True), ("3345 AA", False)],
)
def test_the_default_covers_the_postcodes_3340_to_3344(postcode: str, covered: bool) -> None:
    assert default_municipality().covers_postcode(postcode) is covered


def test_a_municipality_without_settings_for_durations_gets_the_policy_defaults(
    other: MunicipalityConfig,
) -> None:
    assert (other.contact_after_months, other.initial_period_months, other.hard_stop_months) == (3, 6, 12)
    assert (other.extension_months, other.max_extensions) == (3, 2)
    assert other.texts == {}


# --- a second municipality, same code -------------------------------------------------------------


def test_a_second_municipality_changes_the_outcome_of_the_same_intake(other: MunicipalityConfig) -> None:
    answers = intake(
        postcode="3331 AB", children=[child(first_name="Daan", date_of_birth="2015-06-15", care_type="tso")]
    )

    here = check_eligibility(answers, on=CHECK_DATE)
    there = check_eligibility(answers, on=CHECK_DATE, municipality=other)

    assert here.outcome is Outcome.NEEDS_ASSESSMENT
    assert there.outcome is Outcome.NOT_ELIGIBLE
    assert there.eligible_children == []


@pytest.mark.parametrize(
    ("overrides", "rule_id", "here", "there"),
    [
        pytest.param({"postcode": "3341 AB"}, RuleId.RES, MET, TO_ASSESS, id="postcode-of-hia"),
        pytest.param({"postcode": "3331 AB"}, RuleId.RES, TO_ASSESS, MET, id="postcode-of-zwijndrecht"),
        pytest.param({"postcode": "3335 AB"}, RuleId.RES, TO_ASSESS, TO_ASSESS, id="postcode-of-neither"),
        pytest.param(
            {"children": [child(date_of_birth="2015-06-15")]}, RuleId.AGE, MET, NOT_MET, id="eleven-years"
        ),
        pytest.param({"children": [child(date_of_birth="2016-06-15")]}, RuleId.AGE, MET, MET, id="ten-years"),
        pytest.param(
            {"children": [child(date_of_birth="2015-12-02")]}, RuleId.AGE, MET, MET, id="eleven-the-day-after"
        ),
        pytest.param(
            {"children": [child(date_of_birth="2015-12-01")]}, RuleId.AGE, MET, NOT_MET, id="eleven-on-start"
        ),
        pytest.param(
            {"children": [child(date_of_birth="2016-03-01")]},
            RuleId.AGE_END,
            MET,
            TO_ASSESS,
            id="turns-eleven-in-the-first-period",
        ),
        pytest.param({"children": [child(care_type="tso")]}, RuleId.CARE, MET, NOT_MET, id="lunch-time-care"),
        pytest.param({"children": [child(care_type="bso")]}, RuleId.CARE, MET, MET, id="after-school-care"),
    ],
)
def test_the_rules_follow_the_municipality_file(
    other: MunicipalityConfig,
    overrides: dict[str, Any],
    rule_id: RuleId,
    here: FindingStatus,
    there: FindingStatus,
) -> None:
    answers = intake(**overrides)

    status_here = check_eligibility(answers, on=CHECK_DATE).findings_for(rule_id)[0].status
    status_there = (
        check_eligibility(answers, on=CHECK_DATE, municipality=other).findings_for(rule_id)[0].status
    )

    assert (status_here, status_there) == (here, there)


def test_explanations_name_the_municipality_and_its_social_team(other: MunicipalityConfig) -> None:
    answers = intake(postcode="3331 AB", kinderopvangtoeslag="unknown")

    result = check_eligibility(answers, on=CHECK_DATE, municipality=other)

    assert result.findings_for(RuleId.RES)[0].explanation == "Uw kinderen staan ingeschreven in Zwijndrecht."
    kot = result.findings_for(RuleId.KOT)[0].explanation
    assert "Sociaal Team Zwijndrecht" in kot
    assert "WIJzer" not in kot


def test_a_municipality_can_word_the_other_route_itself(tmp_path: Path) -> None:
    settings = {**OTHER_MUNICIPALITY, "texts": {"nl": {"other_route": "Bel het Sociaal Team: 14 078."}}}
    config = load_municipality(write_municipality(tmp_path, settings))
    answers = intake(registered_in_municipality=False)

    dutch = check_eligibility(answers, on=CHECK_DATE, municipality=config)
    english = check_eligibility(answers, on=CHECK_DATE, locale="en", municipality=config)

    assert dutch.findings_for(RuleId.RES)[0].advice == "Bel het Sociaal Team: 14 078."
    assert (
        english.findings_for(RuleId.RES)[0].advice == "Ask your own municipality about help with childcare."
    )


def test_the_timeline_follows_the_municipality_file(tmp_path: Path) -> None:
    settings = {
        **OTHER_MUNICIPALITY,
        "contact_after_months": 2,
        "initial_period_months": 4,
        "extension_months": 2,
        "max_extensions": 1,
        "hard_stop_months": 8,
    }
    config = load_municipality(write_municipality(tmp_path, settings))

    timeline = indication_timeline(
        date(2026, 12, 1), {"Daan": date(2016, 3, 1)}, extensions_granted=1, municipality=config
    )

    assert [(m.kind, m.due) for m in timeline.moments] == [
        (ReviewKind.CONTACT, date(2027, 2, 1)),
        (ReviewKind.AGE_LIMIT, date(2027, 2, 28)),
        (ReviewKind.END, date(2027, 3, 31)),
        (ReviewKind.EXTENSION_END, date(2027, 5, 31)),
        (ReviewKind.HARD_STOP, date(2027, 7, 31)),
    ]
    with pytest.raises(ValueError, match="between 0 and 1"):
        indication_timeline(date(2026, 12, 1), {}, extensions_granted=2, municipality=config)


# --- invalid files --------------------------------------------------------------------------------

INVALID_SETTINGS = [
    pytest.param({"care_types": ["kdv", "mkd"]}, "care_types", id="mkd-is-never-smi"),
    pytest.param({"care_types": ["kdv", "daycare"]}, "care_types", id="unknown-care-type"),
    pytest.param({"care_types": []}, "care_types", id="no-care-types"),
    pytest.param(
        {"postcode_ranges": [{"first": 3334, "last": 3330}]}, "postcode_ranges", id="first-after-last"
    ),
    pytest.param({"postcode_ranges": [{"first": 999, "last": 3330}]}, "postcode_ranges", id="three-digits"),
    pytest.param({"postcode_ranges": [{"first": 3330}]}, "postcode_ranges", id="range-without-last"),
    pytest.param(
        {"postcode_ranges": [{"first": 3330, "last": 3334, "step": 1}]},
        "postcode_ranges",
        id="range-extra-key",
    ),
    pytest.param({"postcode_ranges": []}, "postcode_ranges", id="no-postcodes"),
    pytest.param({"max_children": 3}, "max_children", id="unknown-key"),
    pytest.param({"maxage": 10}, "maxage", id="misspelt-key"),
    pytest.param({"max_age": 18}, "max_age", id="max-age-adult"),
    pytest.param({"leap_day_birthday": "feb_29"}, "leap_day_birthday", id="leap-day-setting"),
    pytest.param({"contact_after_months": 6}, "contact_after_months", id="contact-not-before-end"),
    pytest.param({"initial_period_months": 13}, "initial_period_months", id="period-past-hard-stop"),
    pytest.param({"max_dagdelen_per_week": 11}, "max_dagdelen_per_week", id="eleven-dagdelen"),
    pytest.param({"social_team": ""}, "social_team", id="no-social-team"),
]


@pytest.mark.parametrize(("changes", "setting"), INVALID_SETTINGS)
def test_an_invalid_municipality_file_is_refused_naming_the_setting(
    tmp_path: Path, changes: dict[str, Any], setting: str
) -> None:
    path = write_municipality(tmp_path, {**OTHER_MUNICIPALITY, **changes})

    with pytest.raises(ValidationError) as caught:
        load_municipality(path)

    errors = caught.value.errors()
    assert any(setting in (str(e["loc"][0]) if e["loc"] else e["msg"]) for e in errors), errors


@pytest.mark.parametrize("setting", ["name", "social_team", "postcode_ranges", "max_age", "care_types"])
def test_a_municipality_file_without_a_required_setting_is_refused(tmp_path: Path, setting: str) -> None:
    settings = {key: value for key, value in OTHER_MUNICIPALITY.items() if key != setting}
    path = write_municipality(tmp_path, settings)

    with pytest.raises(ValidationError) as caught:
        load_municipality(path)

    assert [(e["loc"], e["type"]) for e in caught.value.errors()] == [((setting,), "missing")]


def test_a_file_that_is_not_toml_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "broken.toml"
    path.write_text('name = "Zwijndrecht\nmax_age = 10\n', encoding="utf-8")

    with pytest.raises(tomllib.TOMLDecodeError):
        load_municipality(path)


def test_the_toml_writer_of_these_tests_writes_what_it_was_given(tmp_path: Path) -> None:
    settings = {**OTHER_MUNICIPALITY, "texts": {"nl": {"intro": "Wij helpen u."}}}

    path = write_municipality(tmp_path, settings)

    assert tomllib.loads(path.read_text(encoding="utf-8")) == settings
