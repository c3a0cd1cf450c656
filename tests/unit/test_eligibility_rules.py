"""Every eligibility rule of ``smi-policy.md``, case by case, with its boundaries."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from smi_core import (
    EligibilityResult,
    Finding,
    FindingStatus,
    IntakeAnswers,
    Outcome,
    RuleId,
    UnsupportedLocale,
    check_eligibility,
    outcome_summary,
)
from tests.factories import CHECK_DATE, REQUESTED_START, child, intake, member, municipality, network

MET = FindingStatus.MET
NOT_MET = FindingStatus.NOT_MET
MISSING = FindingStatus.MISSING
TO_ASSESS = FindingStatus.TO_ASSESS

REQUEST_RULES = (
    RuleId.RES,
    RuleId.MKD,
    RuleId.REASON,
    RuleId.PSY,
    RuleId.HEALTH,
    RuleId.NET,
    RuleId.KOT,
    RuleId.FIN,
    RuleId.PLAN,
    RuleId.EVAL,
)

#: The outcome of an otherwise eligible request when one rule has this status.
OUTCOME_OF_STATUS = {
    MET: Outcome.ELIGIBLE,
    TO_ASSESS: Outcome.NEEDS_ASSESSMENT,
    MISSING: Outcome.INCOMPLETE,
    NOT_MET: Outcome.NOT_ELIGIBLE,
}


def check(answers: IntakeAnswers, on: date = CHECK_DATE, **options: Any) -> EligibilityResult:
    return check_eligibility(answers, on=on, **options)


def request_finding(result: EligibilityResult, rule_id: RuleId) -> Finding:
    """The one request-level finding of a rule."""
    found = [f for f in result.findings_for(rule_id) if f.child_index is None]
    assert len(found) == 1, found
    return found[0]


def child_finding(result: EligibilityResult, rule_id: RuleId, index: int = 0) -> Finding:
    """The one finding of a per-child rule for one child."""
    found = [f for f in result.findings_for(rule_id) if f.child_index == index]
    assert len(found) == 1, found
    return found[0]


def child_rules(result: EligibilityResult, index: int = 0) -> dict[RuleId, FindingStatus]:
    """Per-child rule id -> status for one child."""
    return {f.rule_id: f.status for f in result.findings if f.child_index == index}


# --- the example request --------------------------------------------------------------------------


def test_the_example_intake_is_provisionally_eligible_with_every_rule_met() -> None:
    answers = intake()

    result = check(answers)

    assert result.outcome is Outcome.ELIGIBLE
    assert {f.status for f in result.findings} == {MET}
    assert result.eligible_children == [0]
    assert result.checked_on == CHECK_DATE
    assert result.reference_date == REQUESTED_START


def test_every_request_level_rule_is_reported_exactly_once() -> None:
    answers = intake(children=[child(first_name="Sam"), child(first_name="Noor", care_type="bso")])

    result = check(answers)

    request_level = [f.rule_id for f in result.findings if f.child_index is None]
    assert sorted(request_level) == sorted(REQUEST_RULES)


def test_per_child_findings_name_the_child_and_its_position() -> None:
    answers = intake(children=[child(first_name="Sam"), child(first_name="Noor", care_type="bso")])

    result = check(answers)

    per_child = [(f.rule_id, f.child_index, f.child) for f in result.findings if f.child_index is not None]
    assert per_child == [
        (RuleId.AGE, 0, "Sam"),
        (RuleId.AGE_END, 0, "Sam"),
        (RuleId.CARE, 0, "Sam"),
        (RuleId.AGE, 1, "Noor"),
        (RuleId.AGE_END, 1, "Noor"),
        (RuleId.CARE, 1, "Noor"),
    ]


# --- request-level rules: every status ------------------------------------------------------------

REQUEST_CASES = [
    # SMI-RES
    pytest.param(RuleId.RES, {"registered_in_municipality": False}, NOT_MET, id="res-not-registered"),
    pytest.param(
        RuleId.RES,
        {"registered_in_municipality": False, "postcode": "9711 AA"},
        NOT_MET,
        id="res-not-registered-elsewhere",
    ),
    pytest.param(RuleId.RES, {"postcode": "3339 ZZ"}, TO_ASSESS, id="res-postcode-just-below-range"),
    pytest.param(RuleId.RES, {"postcode": "3340 AA"}, MET, id="res-first-postcode-of-range"),
    pytest.param(RuleId.RES, {"postcode": "3344 ZZ"}, MET, id="res-last-postcode-of-range"),
    pytest.param(RuleId.RES, {"postcode": "3345 AA"}, TO_ASSESS, id="res-postcode-just-above-range"),
    pytest.param(RuleId.RES, {"postcode": "1012 AB"}, TO_ASSESS, id="res-postcode-amsterdam"),
    # SMI-REASON
    pytest.param(RuleId.REASON, {"reasons": []}, MISSING, id="reason-none-given"),
    pytest.param(RuleId.REASON, {"reasons": ["social"]}, MET, id="reason-social"),
    pytest.param(
        RuleId.REASON,
        {"reasons": ["medical_physical", "psychological", "disability", "social"]},
        MET,
        id="reason-all-four",
    ),
    # SMI-PSY
    pytest.param(
        RuleId.PSY,
        {"reasons": ["psychological"], "medical_confirmation": "none"},
        MISSING,
        id="psy-without-confirmation",
    ),
    pytest.param(
        RuleId.PSY,
        {"reasons": ["psychological"], "medical_confirmation": "statement"},
        MET,
        id="psy-with-statement",
    ),
    pytest.param(
        RuleId.PSY,
        {"reasons": ["psychological"], "medical_confirmation": "gp_consent"},
        MET,
        id="psy-with-gp-consent",
    ),
    pytest.param(
        RuleId.PSY,
        {"reasons": ["social"], "medical_confirmation": "none"},
        MET,
        id="psy-not-a-reason",
    ),
    # SMI-HEALTH
    pytest.param(
        RuleId.HEALTH,
        {"reasons": ["medical_physical"], "medical_confirmation": "none"},
        TO_ASSESS,
        id="health-physical-unconfirmed",
    ),
    pytest.param(
        RuleId.HEALTH,
        {"reasons": ["disability"], "medical_confirmation": "none"},
        TO_ASSESS,
        id="health-disability-unconfirmed",
    ),
    pytest.param(
        RuleId.HEALTH,
        {"reasons": ["social", "disability"], "medical_confirmation": "none"},
        TO_ASSESS,
        id="health-disability-among-others-unconfirmed",
    ),
    pytest.param(
        RuleId.HEALTH,
        {"reasons": ["disability"], "medical_confirmation": "statement"},
        MET,
        id="health-disability-with-statement",
    ),
    pytest.param(
        RuleId.HEALTH,
        {"reasons": ["medical_physical"], "medical_confirmation": "gp_consent"},
        MET,
        id="health-physical-with-gp-consent",
    ),
    pytest.param(
        RuleId.HEALTH,
        {"reasons": ["social"], "medical_confirmation": "none"},
        MET,
        id="health-not-about-health",
    ),
    # SMI-NET
    pytest.param(RuleId.NET, {"network": network(analysis_done=False)}, MISSING, id="net-analysis-not-done"),
    pytest.param(
        RuleId.NET,
        {"network": network(member("yes"), analysis_done=False)},
        MISSING,
        id="net-analysis-not-done-beats-helper",
    ),
    pytest.param(RuleId.NET, {"network": network(member("yes"))}, NOT_MET, id="net-someone-can-help"),
    pytest.param(
        RuleId.NET,
        {"network": network(member("partly"), member("yes", "neighbour"), member("no", "friend"))},
        NOT_MET,
        id="net-yes-beats-partly",
    ),
    pytest.param(
        RuleId.NET,
        {"network": network(member("no"), member("partly", "friend"))},
        TO_ASSESS,
        id="net-someone-can-partly-help",
    ),
    pytest.param(
        RuleId.NET, {"network": network(member("no"), member("no", "friend"))}, MET, id="net-nobody-can-help"
    ),
    pytest.param(RuleId.NET, {"network": network()}, MET, id="net-done-without-members"),
    # SMI-KOT
    pytest.param(RuleId.KOT, {"kinderopvangtoeslag": "yes"}, NOT_MET, id="kot-yes"),
    pytest.param(RuleId.KOT, {"kinderopvangtoeslag": "unknown"}, TO_ASSESS, id="kot-unknown"),
    pytest.param(RuleId.KOT, {"kinderopvangtoeslag": "no"}, MET, id="kot-no"),
    # SMI-FIN never fails
    pytest.param(RuleId.FIN, {"can_pay_partly": True}, MET, id="fin-can-pay-partly"),
    pytest.param(RuleId.FIN, {"can_pay_partly": False}, MET, id="fin-cannot-pay"),
    # SMI-PLAN and SMI-EVAL
    pytest.param(RuleId.PLAN, {"cooperates_with_plan": False}, NOT_MET, id="plan-refused"),
    pytest.param(RuleId.PLAN, {"cooperates_with_plan": True}, MET, id="plan-accepted"),
    pytest.param(RuleId.EVAL, {"willing_to_evaluate": False}, NOT_MET, id="eval-refused"),
    pytest.param(RuleId.EVAL, {"willing_to_evaluate": True}, MET, id="eval-accepted"),
    # SMI-MKD at request level: only when nobody asks for medical day care
    pytest.param(RuleId.MKD, {"mkd_requested": False}, MET, id="mkd-not-asked"),
]


@pytest.mark.parametrize(("rule_id", "overrides", "expected"), REQUEST_CASES)
def test_request_level_rule_gives_the_expected_status_and_outcome(
    rule_id: RuleId, overrides: dict[str, Any], expected: FindingStatus
) -> None:
    answers = intake(**overrides)

    result = check(answers)

    assert request_finding(result, rule_id).status is expected
    assert result.outcome is OUTCOME_OF_STATUS[expected]


def test_health_needs_no_confirmation_when_no_reason_is_given() -> None:
    answers = intake(reasons=[], medical_confirmation="none")

    result = check(answers)

    assert request_finding(result, RuleId.HEALTH).status is MET
    assert request_finding(result, RuleId.PSY).status is MET
    assert result.outcome is Outcome.INCOMPLETE


def test_psychological_reason_without_confirmation_is_incomplete_not_just_to_assess() -> None:
    answers = intake(reasons=["psychological"], medical_confirmation="none")

    result = check(answers)

    assert request_finding(result, RuleId.PSY).status is MISSING
    assert request_finding(result, RuleId.HEALTH).status is TO_ASSESS
    assert result.outcome is Outcome.INCOMPLETE


def test_a_hard_failure_outweighs_missing_and_to_assess_findings() -> None:
    answers = intake(
        reasons=[],
        kinderopvangtoeslag="unknown",
        willing_to_evaluate=False,
    )

    result = check(answers)

    assert result.outcome is Outcome.NOT_ELIGIBLE


def test_something_missing_outweighs_something_to_assess() -> None:
    answers = intake(network=network(analysis_done=False), kinderopvangtoeslag="unknown")

    result = check(answers)

    assert result.outcome is Outcome.INCOMPLETE


# --- SMI-AGE: the 13th birthday -------------------------------------------------------------------

# Ages count on the requested start, 1 December 2026 (the check runs on 22 November 2026).
AGE_CASES = [
    pytest.param("2013-12-02", MET, Outcome.NEEDS_ASSESSMENT, id="13th-birthday-the-day-after-the-start"),
    pytest.param("2013-12-01", NOT_MET, Outcome.NOT_ELIGIBLE, id="13th-birthday-on-the-start"),
    pytest.param("2013-11-30", NOT_MET, Outcome.NOT_ELIGIBLE, id="13th-birthday-the-day-before-the-start"),
    pytest.param("2013-11-23", NOT_MET, Outcome.NOT_ELIGIBLE, id="13th-birthday-between-check-and-start"),
    pytest.param("2010-06-15", NOT_MET, Outcome.NOT_ELIGIBLE, id="sixteen"),
    pytest.param("2020-06-15", MET, Outcome.ELIGIBLE, id="six"),
    pytest.param("2026-11-22", MET, Outcome.ELIGIBLE, id="born-on-the-check-date"),
]


@pytest.mark.parametrize(("date_of_birth", "expected", "outcome"), AGE_CASES)
def test_a_child_qualifies_until_the_day_before_its_13th_birthday(
    date_of_birth: str, expected: FindingStatus, outcome: Outcome
) -> None:
    answers = intake(children=[child(date_of_birth=date_of_birth)])

    result = check(answers)

    assert child_finding(result, RuleId.AGE).status is expected
    assert result.outcome is outcome


def test_a_requested_start_after_the_13th_birthday_makes_the_child_too_old() -> None:
    turns_13_on = date(2026, 11, 25)
    answers_now = intake(children=[child(date_of_birth="2013-11-25")], requested_start=CHECK_DATE)
    answers_later = intake(children=[child(date_of_birth="2013-11-25")], requested_start=date(2026, 12, 1))

    now = check(answers_now)
    later = check(answers_later)

    assert CHECK_DATE < turns_13_on < later.reference_date
    assert child_finding(now, RuleId.AGE).status is MET
    assert child_finding(later, RuleId.AGE).status is NOT_MET
    assert later.outcome is Outcome.NOT_ELIGIBLE


def test_a_requested_start_in_the_past_counts_the_age_on_the_check_date() -> None:
    answers = intake(children=[child(date_of_birth="2013-11-25")], requested_start="2026-11-01")

    result = check(answers, on=date(2026, 11, 30))

    assert result.reference_date == date(2026, 11, 30)
    assert child_finding(result, RuleId.AGE).status is NOT_MET


def test_a_child_not_yet_born_on_the_reference_date_does_not_qualify() -> None:
    answers = intake(children=[child(date_of_birth="2023-04-02")], requested_start="2023-01-01")

    result = check(answers, on=date(2023, 1, 1))

    finding = child_finding(result, RuleId.AGE)
    assert finding.status is NOT_MET
    assert "nog niet geboren" in finding.explanation
    assert result.findings_for(RuleId.AGE_END) == []


def test_a_too_old_child_gets_advice_about_other_help() -> None:
    answers = intake(children=[child(date_of_birth="2010-06-15")])

    result = check(answers)

    advice = child_finding(result, RuleId.AGE).advice
    assert advice is not None
    assert "WIJzer" in advice


# --- SMI-AGE: a child born on 29 February ---------------------------------------------------------

LEAP_DAY_CASES = [
    # born 29 Feb 2012; the 13th birthday falls in 2025, a year without 29 February
    pytest.param("mar_1", "2025-02-27", MET, id="mar_1-two-days-before"),
    pytest.param("mar_1", "2025-02-28", MET, id="mar_1-on-28-feb-still-12"),
    pytest.param("mar_1", "2025-03-01", NOT_MET, id="mar_1-on-1-march-13"),
    pytest.param("feb_28", "2025-02-27", MET, id="feb_28-the-day-before"),
    pytest.param("feb_28", "2025-02-28", NOT_MET, id="feb_28-on-28-feb-13"),
    pytest.param("feb_28", "2025-03-01", NOT_MET, id="feb_28-on-1-march-13"),
]


@pytest.mark.parametrize(("setting", "reference", "expected"), LEAP_DAY_CASES)
def test_a_child_born_on_29_february_turns_13_as_the_municipality_setting_says(
    setting: str, reference: str, expected: FindingStatus
) -> None:
    answers = intake(children=[child(date_of_birth="2012-02-29")], requested_start=reference)

    result = check(answers, on=date(2025, 1, 1), municipality=municipality(leap_day_birthday=setting))

    assert child_finding(result, RuleId.AGE).status is expected


@pytest.mark.parametrize("setting", ["mar_1", "feb_28"])
@pytest.mark.parametrize(
    ("reference", "age"),
    [("2028-02-28", "11"), ("2028-02-29", "12"), ("2028-03-01", "12")],
)
def test_in_a_leap_year_a_29_february_child_has_its_birthday_on_29_february(
    setting: str, reference: str, age: str
) -> None:
    answers = intake(
        children=[child(first_name="Lotte", date_of_birth="2016-02-29")], requested_start=reference
    )

    result = check(answers, locale="en", municipality=municipality(leap_day_birthday=setting))

    explanation = child_finding(result, RuleId.AGE).explanation
    assert explanation.startswith(f"Lotte is {age} years old on")


@pytest.mark.parametrize(
    ("setting", "last_day"),
    [("mar_1", "28 February 2025"), ("feb_28", "27 February 2025")],
)
def test_the_age_end_of_a_29_february_child_follows_the_setting(setting: str, last_day: str) -> None:
    answers = intake(children=[child(date_of_birth="2012-02-29")], requested_start="2024-12-01")

    result = check(
        answers, on=date(2024, 11, 1), locale="en", municipality=municipality(leap_day_birthday=setting)
    )

    finding = child_finding(result, RuleId.AGE_END)
    assert finding.status is TO_ASSESS
    assert f"on {last_day}" in finding.explanation


# --- SMI-AGE-END ----------------------------------------------------------------------------------

# Reference date 1 December 2026; the first period of 6 months runs up to and including 31 May 2027.
AGE_END_CASES = [
    pytest.param("2014-06-02", MET, id="last-day-1-june-2027-after-the-period"),
    pytest.param("2014-05-31", TO_ASSESS, id="last-day-30-may-2027-inside-the-period"),
    pytest.param("2014-03-15", TO_ASSESS, id="last-day-14-march-2027"),
    pytest.param("2013-12-02", TO_ASSESS, id="last-day-on-the-reference-date"),
    pytest.param("2020-01-01", MET, id="young-child"),
]


@pytest.mark.parametrize(("date_of_birth", "expected"), AGE_END_CASES)
def test_a_child_turning_13_during_the_first_period_is_left_to_assess(
    date_of_birth: str, expected: FindingStatus
) -> None:
    answers = intake(children=[child(date_of_birth=date_of_birth)])

    result = check(answers)

    assert child_finding(result, RuleId.AGE).status is MET
    assert child_finding(result, RuleId.AGE_END).status is expected
    assert result.outcome is OUTCOME_OF_STATUS[expected]


def test_a_child_whose_last_allowed_day_is_the_last_day_of_the_first_period_is_not_cut() -> None:
    answers = intake(children=[child(date_of_birth="2014-06-01")])  # last allowed day: 31 May 2027

    result = check(answers)

    assert child_finding(result, RuleId.AGE_END).status is MET


def test_the_age_end_warning_names_the_birthday_and_the_last_day() -> None:
    answers = intake(children=[child(first_name="Jet", date_of_birth="2014-03-15")])

    dutch = check(answers)
    english = check(answers, locale="en")

    assert child_finding(dutch, RuleId.AGE_END).explanation == (
        "Jet wordt 13 op 15 maart 2027. De SMI voor Jet stopt de dag ervoor, op 14 maart 2027. "
        "WIJzer houdt hier rekening mee."
    )
    assert "on 14 March 2027" in child_finding(english, RuleId.AGE_END).explanation


def test_the_age_end_is_only_judged_for_children_who_pass_the_age_rule() -> None:
    answers = intake(
        children=[child(first_name="Old", date_of_birth="2012-01-10"), child(first_name="Young")]
    )

    result = check(answers)

    assert [f.child_index for f in result.findings_for(RuleId.AGE_END)] == [1]


# --- SMI-CARE -------------------------------------------------------------------------------------

CARE_CASES = [
    pytest.param("kdv", 4, MET, id="kdv"),
    pytest.param("vso", 5, MET, id="vso"),
    pytest.param("tso", 5, MET, id="tso"),
    pytest.param("bso", 3, MET, id="bso"),
    pytest.param("kdv", 10, MET, id="kdv-the-maximum-of-10"),
    pytest.param("psg", 1, MET, id="psg-one-part-day"),
    pytest.param("psg", 2, MET, id="psg-the-3rd-and-4th-part-day"),
    pytest.param("psg", 3, TO_ASSESS, id="psg-three-part-days"),
    pytest.param("psg", 10, TO_ASSESS, id="psg-ten-part-days"),
]


@pytest.mark.parametrize(("care_type", "dagdelen", "expected"), CARE_CASES)
def test_care_rule_judges_the_care_type_and_part_days(
    care_type: str, dagdelen: int, expected: FindingStatus
) -> None:
    answers = intake(children=[child(care_type=care_type, dagdelen_per_week=dagdelen)])

    result = check(answers)

    assert child_finding(result, RuleId.CARE).status is expected
    assert result.outcome is OUTCOME_OF_STATUS[expected]


def test_more_part_days_than_the_municipality_maximum_is_left_to_assess() -> None:
    answers = intake(children=[child(care_type="kdv", dagdelen_per_week=6)])
    strict = municipality(max_dagdelen_per_week=5)

    result = check(answers, municipality=strict)

    finding = child_finding(result, RuleId.CARE)
    assert finding.status is TO_ASSESS
    assert "6 dagdelen" in finding.explanation
    assert "maximum van 5" in finding.explanation


def test_a_care_type_the_municipality_does_not_pay_for_is_not_met_for_that_child() -> None:
    answers = intake(children=[child(first_name="Sam", care_type="tso"), child(first_name="Noor")])
    without_tso = municipality(care_types=["kdv", "vso", "bso", "psg"])

    result = check(answers, municipality=without_tso)

    assert child_finding(result, RuleId.CARE, 0).status is NOT_MET
    assert "tussenschoolse opvang (TSO)" in child_finding(result, RuleId.CARE, 0).explanation
    assert child_finding(result, RuleId.CARE, 1).status is MET
    assert result.eligible_children == [1]
    assert result.outcome is Outcome.ELIGIBLE


# --- SMI-PSG-VVE ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("vve_indication", "expected", "outcome"),
    [(True, NOT_MET, Outcome.NOT_ELIGIBLE), (False, MET, Outcome.ELIGIBLE)],
)
def test_playgroup_part_days_are_only_for_a_child_without_vve(
    vve_indication: bool, expected: FindingStatus, outcome: Outcome
) -> None:
    answers = intake(children=[child(care_type="psg", dagdelen_per_week=2, vve_indication=vve_indication)])

    result = check(answers)

    assert child_finding(result, RuleId.PSG_VVE).status is expected
    assert result.outcome is outcome


@pytest.mark.parametrize("care_type", ["kdv", "vso", "tso", "bso"])
def test_the_vve_rule_is_only_judged_for_playgroup(care_type: str) -> None:
    answers = intake(children=[child(care_type=care_type, vve_indication=True)])

    result = check(answers)

    assert result.findings_for(RuleId.PSG_VVE) == []
    assert result.outcome is Outcome.ELIGIBLE


def test_a_vve_child_at_playgroup_is_excluded_while_a_sibling_still_qualifies() -> None:
    answers = intake(
        children=[
            child(first_name="Sam", care_type="psg", dagdelen_per_week=2, vve_indication=True),
            child(first_name="Noor", care_type="bso", date_of_birth="2019-05-05"),
        ]
    )

    result = check(answers)

    assert child_rules(result, 0)[RuleId.PSG_VVE] is NOT_MET
    assert result.eligible_children == [1]
    assert result.outcome is Outcome.ELIGIBLE


# --- SMI-MKD --------------------------------------------------------------------------------------


def test_a_child_at_a_medical_day_care_gets_the_mkd_rule_instead_of_the_care_rule() -> None:
    answers = intake(children=[child(care_type="mkd")])

    result = check(answers)

    assert child_rules(result) == {RuleId.AGE: MET, RuleId.AGE_END: MET, RuleId.MKD: NOT_MET}
    assert [f.child_index for f in result.findings_for(RuleId.MKD)] == [0]
    assert result.outcome is Outcome.NOT_ELIGIBLE
    assert result.eligible_children == []


def test_a_playgroup_child_at_a_medical_day_care_request_gets_no_vve_finding() -> None:
    answers = intake(children=[child(care_type="psg", vve_indication=True)], mkd_requested=True)

    result = check(answers)

    assert child_rules(result) == {RuleId.AGE: MET, RuleId.AGE_END: MET, RuleId.MKD: NOT_MET}


def test_medical_day_care_for_one_child_leaves_the_sibling_eligible() -> None:
    answers = intake(
        children=[
            child(first_name="Sam", care_type="kdv"),
            child(first_name="Noor", care_type="mkd", date_of_birth="2024-02-02"),
        ],
        mkd_requested=True,
    )

    result = check(answers)

    assert RuleId.CARE in child_rules(result, 0)
    assert RuleId.MKD not in child_rules(result, 0)
    assert child_rules(result, 1)[RuleId.MKD] is NOT_MET
    assert RuleId.CARE not in child_rules(result, 1)
    assert result.eligible_children == [0]
    assert result.outcome is Outcome.ELIGIBLE


def test_mkd_requested_without_an_mkd_child_refuses_every_child() -> None:
    answers = intake(
        children=[child(first_name="Sam"), child(first_name="Noor", care_type="bso")],
        mkd_requested=True,
    )

    result = check(answers)

    assert [(f.child_index, f.status) for f in result.findings_for(RuleId.MKD)] == [
        (0, NOT_MET),
        (1, NOT_MET),
    ]
    assert result.findings_for(RuleId.CARE) == []
    assert result.outcome is Outcome.NOT_ELIGIBLE


# --- several children -----------------------------------------------------------------------------


def test_a_request_stays_eligible_when_only_some_children_fit() -> None:
    answers = intake(
        children=[
            child(first_name="Old", date_of_birth="2012-01-10", care_type="bso"),
            child(first_name="Sam"),
            child(first_name="Noor", care_type="mkd", date_of_birth="2024-02-02"),
        ]
    )

    result = check(answers)

    assert result.eligible_children == [1]
    assert result.outcome is Outcome.ELIGIBLE


def test_findings_about_an_excluded_child_no_longer_count() -> None:
    answers = intake(
        children=[
            child(first_name="Old", date_of_birth="2012-01-10", care_type="psg", dagdelen_per_week=4),
            child(first_name="Sam"),
        ]
    )

    result = check(answers)

    assert child_rules(result, 0) == {RuleId.AGE: NOT_MET, RuleId.CARE: TO_ASSESS, RuleId.PSG_VVE: MET}
    assert result.outcome is Outcome.ELIGIBLE


def test_a_to_assess_finding_about_a_remaining_child_still_counts() -> None:
    answers = intake(
        children=[
            child(first_name="Old", date_of_birth="2012-01-10"),
            child(first_name="Sam", care_type="psg", dagdelen_per_week=4),
        ]
    )

    result = check(answers)

    assert result.eligible_children == [1]
    assert result.outcome is Outcome.NEEDS_ASSESSMENT


@pytest.mark.parametrize(
    "children",
    [
        pytest.param(
            [
                child(first_name="A", date_of_birth="2012-01-10"),
                child(first_name="B", date_of_birth="2010-05-05"),
            ],
            id="both-too-old",
        ),
        pytest.param(
            [child(first_name="A", date_of_birth="2012-01-10"), child(first_name="B", care_type="mkd")],
            id="one-too-old-one-mkd",
        ),
        pytest.param(
            [
                child(first_name="A", care_type="psg", dagdelen_per_week=2, vve_indication=True),
                child(first_name="B", care_type="mkd"),
                child(first_name="C", date_of_birth="2013-12-01"),
            ],
            id="vve-mkd-and-too-old",
        ),
    ],
)
def test_a_request_is_not_eligible_when_every_child_is_excluded(children: list[dict[str, Any]]) -> None:
    answers = intake(children=children)

    result = check(answers)

    assert result.eligible_children == []
    assert result.outcome is Outcome.NOT_ELIGIBLE
    assert all(f.status is not NOT_MET for f in result.findings if f.child_index is None)


# --- languages ------------------------------------------------------------------------------------

LANGUAGE_CASES = [
    pytest.param(RuleId.RES, {"registered_in_municipality": False}, "ingeschreven", "registered", id="res"),
    pytest.param(RuleId.RES, {"postcode": "3351 AA"}, "hoort niet bij", "is not in", id="res-postcode"),
    pytest.param(RuleId.REASON, {"reasons": []}, "reden", "reason", id="reason-missing"),
    pytest.param(RuleId.REASON, {"reasons": ["social"]}, "sociale situatie", "social situation", id="reason"),
    pytest.param(
        RuleId.PSY,
        {"reasons": ["psychological"], "medical_confirmation": "none"},
        "psychische klachten",
        "psychological problems",
        id="psy",
    ),
    pytest.param(
        RuleId.HEALTH,
        {"medical_confirmation": "none"},
        "huisarts",
        "GP",
        id="health",
    ),
    pytest.param(RuleId.NET, {"network": network(member("yes"))}, "opa of oma", "grandparent", id="net"),
    pytest.param(
        RuleId.NET, {"network": network(analysis_done=False)}, "netwerkanalyse", "network", id="net-missing"
    ),
    pytest.param(RuleId.KOT, {"kinderopvangtoeslag": "yes"}, "U heeft recht", "childcare benefit", id="kot"),
    pytest.param(RuleId.FIN, {"can_pay_partly": True}, "zelf kunt betalen", "pay part", id="fin"),
    pytest.param(RuleId.PLAN, {"cooperates_with_plan": False}, "meewerkt", "work on a plan", id="plan"),
    pytest.param(RuleId.EVAL, {"willing_to_evaluate": False}, "meedoet", "take part", id="eval"),
    pytest.param(RuleId.MKD, {}, "medisch kinderdagverblijf", "medical day care", id="mkd"),
]


@pytest.mark.parametrize(("rule_id", "overrides", "dutch", "english"), LANGUAGE_CASES)
def test_explanations_are_dutch_by_default_and_english_on_request(
    rule_id: RuleId, overrides: dict[str, Any], dutch: str, english: str
) -> None:
    answers = intake(**overrides)

    in_dutch = request_finding(check(answers), rule_id).explanation
    in_english = request_finding(check(answers, locale="en"), rule_id).explanation

    assert dutch in in_dutch
    assert english not in in_dutch
    assert english in in_english
    assert dutch not in in_english


@pytest.mark.parametrize(
    ("rule_id", "child_data", "dutch", "english"),
    [
        pytest.param(
            RuleId.AGE,
            child(first_name="Yara"),
            "Yara is op 1 december 2026 3 jaar",
            "Yara is 3 years old on 1 December 2026",
            id="age",
        ),
        pytest.param(
            RuleId.AGE_END,
            child(first_name="Yara"),
            "Yara is jong genoeg",
            "Yara is young enough",
            id="age-end",
        ),
        pytest.param(
            RuleId.CARE,
            child(first_name="Yara", care_type="bso"),
            "buitenschoolse opvang (BSO) voor Yara",
            "after-school care (BSO) for Yara",
            id="care",
        ),
        pytest.param(
            RuleId.PSG_VVE,
            child(first_name="Yara", care_type="psg", dagdelen_per_week=2, vve_indication=True),
            "Yara heeft een VVE-indicatie",
            "Yara has a VVE indication",
            id="psg-vve",
        ),
        pytest.param(
            RuleId.MKD,
            child(first_name="Yara", care_type="mkd"),
            "medisch kinderdagverblijf (MKD) voor Yara",
            "medical day care (MKD) for Yara",
            id="mkd",
        ),
    ],
)
def test_per_child_explanations_name_the_child_in_the_chosen_language(
    rule_id: RuleId, child_data: dict[str, Any], dutch: str, english: str
) -> None:
    answers = intake(children=[child_data])

    in_dutch = child_finding(check(answers), rule_id).explanation
    in_english = child_finding(check(answers, locale="en"), rule_id).explanation

    assert dutch in in_dutch
    assert english in in_english


def test_the_kot_explanation_uses_the_dutch_word_kinderopvangtoeslag_in_both_languages() -> None:
    answers = intake(kinderopvangtoeslag="unknown")

    in_dutch = request_finding(check(answers), RuleId.KOT).explanation
    in_english = request_finding(check(answers, locale="en"), RuleId.KOT).explanation

    assert in_dutch.startswith("U weet nog niet")
    assert "kinderopvangtoeslag" in in_dutch
    assert in_english.startswith("You do not know yet")
    assert "kinderopvangtoeslag" in in_english


def test_a_regional_locale_is_reduced_to_its_language() -> None:
    answers = intake()

    result = check(answers, locale="en-GB")

    assert result.locale == "en"
    assert request_finding(result, RuleId.RES).explanation.startswith("Your children are registered")


def test_an_unsupported_locale_is_refused() -> None:
    answers = intake()

    with pytest.raises(UnsupportedLocale):
        check(answers, locale="fr")


# --- advice: the other route ----------------------------------------------------------------------

ADVICE_CASES = [
    pytest.param(
        RuleId.RES, {"registered_in_municipality": False}, "eigen gemeente", "own municipality", id="res"
    ),
    pytest.param(
        RuleId.KOT, {"kinderopvangtoeslag": "yes"}, "Dienst Toeslagen", "Dienst Toeslagen", id="kot"
    ),
    pytest.param(RuleId.NET, {"network": network(member("yes"))}, "afspraken", "agreements", id="net"),
    pytest.param(RuleId.MKD, {"children": [child(care_type="mkd")]}, "Jeugdwet", "Youth Act", id="mkd-child"),
    pytest.param(RuleId.MKD, {"mkd_requested": True}, "Jeugdwet", "Youth Act", id="mkd-requested"),
    pytest.param(
        RuleId.PSG_VVE,
        {"children": [child(care_type="psg", dagdelen_per_week=2, vve_indication=True)]},
        "consultatiebureau",
        "youth health care",
        id="psg-vve",
    ),
]


@pytest.mark.parametrize(("rule_id", "overrides", "dutch", "english"), ADVICE_CASES)
def test_a_failed_rule_shows_the_other_route(
    rule_id: RuleId, overrides: dict[str, Any], dutch: str, english: str
) -> None:
    answers = intake(**overrides)

    in_dutch = [f for f in check(answers).findings_for(rule_id) if f.status is NOT_MET]
    in_english = [f for f in check(answers, locale="en").findings_for(rule_id) if f.status is NOT_MET]

    assert len(in_dutch) == 1
    assert in_dutch[0].advice is not None
    assert dutch in in_dutch[0].advice
    assert in_english[0].advice is not None
    assert english in in_english[0].advice
    assert in_dutch[0].advice != in_english[0].advice


def test_met_findings_carry_no_advice() -> None:
    answers = intake(
        children=[child(first_name="Sam"), child(first_name="Noor", care_type="psg", dagdelen_per_week=2)],
        reasons=["psychological", "social"],
        network=network(member("no"), member("no", "friend")),
    )

    result = check(answers)

    assert result.outcome is Outcome.ELIGIBLE
    assert [f.rule_id for f in result.findings if f.advice is not None] == []


def test_the_social_team_is_named_where_it_takes_over() -> None:
    answers = intake(network=network(member("partly", "neighbour")))

    result = check(answers)

    explanation = request_finding(result, RuleId.NET).explanation
    assert explanation == (
        "Iemand in uw netwerk kan een deel van de zorg overnemen: buren. "
        "WIJzer kijkt samen met u wat zij kunnen doen."
    )


def test_a_network_member_with_a_free_text_relation_is_named_as_given() -> None:
    answers = intake(network=network(member("yes", "tante Els"), member("yes", "sibling")))

    result = check(answers)

    explanation = request_finding(result, RuleId.NET).explanation
    assert "tante Els en broer of zus" in explanation


# --- outcome summary ------------------------------------------------------------------------------


@pytest.mark.parametrize("locale", ["nl", "en"])
def test_every_outcome_has_its_own_summary_that_names_the_social_team(locale: str) -> None:
    summaries = {outcome: outcome_summary(outcome, locale) for outcome in Outcome}

    assert len(set(summaries.values())) == len(Outcome)
    assert all("WIJzer" in text for text in summaries.values())


def test_the_outcome_summary_is_dutch_by_default_and_english_on_request() -> None:
    dutch = outcome_summary(Outcome.NOT_ELIGIBLE, "nl")
    english = outcome_summary(Outcome.NOT_ELIGIBLE, "en")

    assert "waarschijnlijk niet mogelijk" in dutch
    assert "probably not possible" in english
