"""Properties of the check that hold for any input (hypothesis)."""

from __future__ import annotations

import copy
import random
import string
from collections.abc import Sequence
from datetime import date
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from smi_core import (
    Activity,
    CanHelp,
    CareType,
    Finding,
    FindingStatus,
    IntakeAnswers,
    KinderopvangToeslag,
    MedicalConfirmation,
    Outcome,
    Reason,
    Relation,
    RuleId,
    check_eligibility,
    decide_outcome,
)
from tests.factories import CHECK_DATE

PROPERTY_SETTINGS = settings(max_examples=200, deadline=None)
#: For the cheaper metamorphic properties that back up the main precedence property.
SUPPORTING_SETTINGS = settings(max_examples=100, deadline=None)

PER_CHILD_RULES = [RuleId.AGE, RuleId.AGE_END, RuleId.CARE, RuleId.PSG_VVE, RuleId.MKD]
REQUEST_RULES = [
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
]


def reference_outcome(findings: Sequence[Finding], number_of_children: int) -> Outcome:
    """The precedence of ``smi-policy.md``, written independently of ``decide_outcome``."""
    excluded = {
        f.child_index for f in findings if f.child_index is not None and f.status == FindingStatus.NOT_MET
    }
    request_fails = any(f.child_index is None and f.status == FindingStatus.NOT_MET for f in findings)
    if request_fails or excluded.issuperset(range(number_of_children)):
        return Outcome.NOT_ELIGIBLE
    remaining = [f.status for f in findings if f.child_index not in excluded]
    for status, outcome in (
        (FindingStatus.MISSING, Outcome.INCOMPLETE),
        (FindingStatus.TO_ASSESS, Outcome.NEEDS_ASSESSMENT),
    ):
        if status in remaining:
            return outcome
    return Outcome.ELIGIBLE


# --- strategies -----------------------------------------------------------------------------------

statuses = st.sampled_from(list(FindingStatus))


def _finding(rule_id: RuleId, status: FindingStatus, child_index: int | None) -> Finding:
    return Finding(
        rule_id=rule_id,
        status=status,
        explanation="x",
        child_index=child_index,
        child=None if child_index is None else f"child {child_index}",
    )


@st.composite
def findings_and_children(draw: st.DrawFn) -> tuple[list[Finding], int]:
    """Any mix of request-level and per-child findings about 1 to 4 children, in any order."""
    number_of_children = draw(st.integers(min_value=1, max_value=4))
    request_level = st.tuples(st.sampled_from(REQUEST_RULES), statuses, st.none())
    per_child = st.tuples(
        st.sampled_from(PER_CHILD_RULES), statuses, st.integers(min_value=0, max_value=number_of_children - 1)
    )
    drawn = draw(st.lists(st.one_of(request_level, per_child), max_size=14))
    return [_finding(*spec) for spec in drawn], number_of_children


#: Free texts the rules never read; a few awkward ones are enough (and much cheaper than st.text).
free_texts = st.sampled_from(
    ["", "woont ver weg", "100% zeker", "%(team)s", "  spaties  ", "Zoë 李 🙂", "x" * 200]
)
names = st.text(min_size=1, max_size=12).filter(lambda s: s.strip() != "")
#: Dates mostly around the check date (so that ages near the limit and the age end occur often),
#: sometimes anywhere.
near_dates = st.dates(min_value=date(2025, 1, 1), max_value=date(2027, 12, 31))
any_dates = st.sampled_from([near_dates] * 9 + [st.dates(date(1900, 1, 1), date(2150, 12, 31))]).flatmap(
    lambda dates: dates
)
birth_dates = st.sampled_from(
    [st.dates(date(2013, 1, 1), date(2024, 12, 31))] * 9 + [st.dates(date(1900, 1, 1), CHECK_DATE)]
).flatmap(lambda dates: dates)
care_types = st.sampled_from(["kdv", "bso", *[c.value for c in CareType]])
#: Answers that a family who qualifies gives, drawn most of the time, so that every outcome occurs.
mostly_true = st.sampled_from([*[True] * 9, False])
mostly_false = st.sampled_from([*[False] * 9, True])


def _as_sent(value: date, as_text: bool) -> date | str:
    """A date as the exchange format sends it (ISO text) or as Python code passes it."""
    return value.isoformat() if as_text else value


@st.composite
def postcodes(draw: st.DrawFn) -> str:
    digits = draw(st.one_of(st.integers(min_value=3340, max_value=3344), st.integers(1000, 9999)))
    letters = draw(st.text(alphabet=string.ascii_letters, min_size=2, max_size=2))
    gap, pad = draw(st.sampled_from([("", ""), (" ", ""), ("  ", " "), ("", " ")]))
    return f"{pad}{digits}{gap}{letters}{pad}"


@st.composite
def child_dicts(draw: st.DrawFn) -> dict[str, Any]:
    data: dict[str, Any] = {
        "first_name": draw(names),
        "date_of_birth": _as_sent(draw(birth_dates), draw(st.booleans())),
        "care_type": draw(care_types),
        "dagdelen_per_week": draw(st.integers(min_value=1, max_value=10)),
    }
    if draw(st.booleans()):
        data["vve_indication"] = draw(st.booleans())
    return data


def _child_key(data: dict[str, Any]) -> tuple[str, str]:
    born = data["date_of_birth"]
    return data["first_name"].strip().casefold(), born if isinstance(born, str) else born.isoformat()


@st.composite
def intake_dicts(draw: st.DrawFn) -> dict[str, Any]:
    """Any valid intake in the exchange format (validated with ``today`` = CHECK_DATE)."""
    parent = st.fixed_dictionaries(
        {
            "name": st.sampled_from(["A. Jansen", " B. de Vries ", "Zoë 李", "x" * 100]),
            "activity": st.sampled_from([a.value for a in Activity]),
        }
    )
    member = st.fixed_dictionaries(
        {
            "relation": st.sampled_from([*[r.value for r in Relation], "tante Els", "Zoë 李"]),
            "can_help": st.sampled_from(["no", "no", *[c.value for c in CanHelp]]),
            "why_not": free_texts,
        }
    )
    data: dict[str, Any] = {
        "postcode": draw(postcodes()),
        "registered_in_municipality": draw(mostly_true),
        "parents": draw(st.lists(parent, min_size=1, max_size=4)),
        "children": draw(st.lists(child_dicts(), min_size=1, max_size=4, unique_by=_child_key)),
        "reasons": draw(st.lists(st.sampled_from([r.value for r in Reason]), unique=True, max_size=4)),
        "explanation": draw(free_texts),
        "medical_confirmation": draw(st.sampled_from([m.value for m in MedicalConfirmation])),
        "network": {"analysis_done": draw(mostly_true), "members": draw(st.lists(member, max_size=4))},
        "kinderopvangtoeslag": draw(
            st.sampled_from(["no", "no", "no", *[k.value for k in KinderopvangToeslag]])
        ),
        "can_pay_partly": draw(st.booleans()),
        "cooperates_with_plan": draw(mostly_true),
        "willing_to_evaluate": draw(mostly_true),
        "requested_start": _as_sent(draw(any_dates), draw(st.booleans())),
    }
    if draw(st.booleans()):
        data["mkd_requested"] = draw(mostly_false)
    return data


check_dates = any_dates


def validate(data: dict[str, Any]) -> IntakeAnswers:
    return IntakeAnswers.model_validate(data, context={"today": CHECK_DATE})


# --- the outcome precedence -----------------------------------------------------------------------


@PROPERTY_SETTINGS
@given(findings_and_children())
def test_outcome_follows_the_policy_precedence_for_any_findings(case: tuple[list[Finding], int]) -> None:
    findings, number_of_children = case

    outcome = decide_outcome(findings, number_of_children)

    assert outcome is reference_outcome(findings, number_of_children)


@SUPPORTING_SETTINGS
@given(findings_and_children(), st.randoms(use_true_random=False))
def test_the_order_of_the_findings_does_not_change_the_outcome(
    case: tuple[list[Finding], int], order: random.Random
) -> None:
    findings, number_of_children = case
    shuffled = list(findings)
    order.shuffle(shuffled)

    outcome = decide_outcome(shuffled, number_of_children)

    assert outcome is decide_outcome(findings, number_of_children)


@SUPPORTING_SETTINGS
@given(findings_and_children(), st.sampled_from(REQUEST_RULES))
def test_adding_a_met_finding_never_changes_the_outcome(
    case: tuple[list[Finding], int], rule_id: RuleId
) -> None:
    findings, number_of_children = case
    before = decide_outcome(findings, number_of_children)

    after = decide_outcome([*findings, _finding(rule_id, FindingStatus.MET, None)], number_of_children)

    assert after is before


@SUPPORTING_SETTINGS
@given(findings_and_children(), st.sampled_from(REQUEST_RULES))
def test_a_request_level_failure_always_makes_the_request_not_eligible(
    case: tuple[list[Finding], int], rule_id: RuleId
) -> None:
    findings, number_of_children = case

    outcome = decide_outcome([*findings, _finding(rule_id, FindingStatus.NOT_MET, None)], number_of_children)

    assert outcome is Outcome.NOT_ELIGIBLE


def test_decide_outcome_examples_of_each_outcome() -> None:
    def f(status: FindingStatus, child_index: int | None = None, rule_id: RuleId = RuleId.NET) -> Finding:
        return _finding(RuleId.AGE if child_index is not None else rule_id, status, child_index)

    cases = [
        ([f(FindingStatus.MET)], 1, Outcome.ELIGIBLE),
        ([f(FindingStatus.TO_ASSESS), f(FindingStatus.MET, 0)], 1, Outcome.NEEDS_ASSESSMENT),
        ([f(FindingStatus.TO_ASSESS), f(FindingStatus.MISSING)], 1, Outcome.INCOMPLETE),
        ([f(FindingStatus.MISSING), f(FindingStatus.NOT_MET)], 1, Outcome.NOT_ELIGIBLE),
        ([f(FindingStatus.NOT_MET, 0), f(FindingStatus.MISSING, 0)], 2, Outcome.ELIGIBLE),
        ([f(FindingStatus.NOT_MET, 0), f(FindingStatus.MISSING, 1)], 2, Outcome.INCOMPLETE),
        ([f(FindingStatus.NOT_MET, 0), f(FindingStatus.NOT_MET, 1)], 2, Outcome.NOT_ELIGIBLE),
    ]

    outcomes = [decide_outcome(findings, n) for findings, n, _ in cases]

    assert outcomes == [expected for _, _, expected in cases]


def test_decide_outcome_reads_statuses_given_as_text_like_their_enum() -> None:
    as_enum = [
        Finding(RuleId.AGE, FindingStatus.NOT_MET, "x", None, 0, "A"),
        Finding(RuleId.AGE, FindingStatus.MET, "x", None, 1, "B"),
    ]
    as_text = [Finding(**finding.to_dict()) for finding in as_enum]  # type: ignore[arg-type]

    outcomes = (decide_outcome(as_enum, 2), decide_outcome(as_text, 2))

    assert outcomes == (Outcome.ELIGIBLE, Outcome.ELIGIBLE)


# --- the check on any valid intake ----------------------------------------------------------------


@PROPERTY_SETTINGS
@given(intake_dicts(), check_dates)
def test_any_valid_intake_is_checked_without_error_and_consistently(data: dict[str, Any], on: date) -> None:
    answers = validate(data)

    result = check_eligibility(answers, on=on)

    raw_postcode = data["postcode"].replace(" ", "")
    assert answers.postcode == f"{raw_postcode[:4]} {raw_postcode[4:].upper()}"
    assert result.reference_date == max(on, answers.requested_start)
    assert result.outcome is reference_outcome(result.findings, len(answers.children))
    request_level = sorted(f.rule_id for f in result.findings if f.child_index is None)
    mkd_asked = data.get("mkd_requested", False) or any(c["care_type"] == "mkd" for c in data["children"])
    expected_request_level = [r for r in REQUEST_RULES if r is not RuleId.MKD or not mkd_asked]
    assert request_level == sorted(expected_request_level)
    excluded = {f.child_index for f in result.findings if f.child_index is not None and f.status == "not_met"}
    assert result.eligible_children == [i for i in range(len(answers.children)) if i not in excluded]
    for index, kid in enumerate(answers.children):
        rules = [f.rule_id for f in result.findings if f.child_index == index]
        age = next(f for f in result.findings if f.child_index == index and f.rule_id is RuleId.AGE)
        mkd = kid.care_type is CareType.MKD or (
            answers.mkd_requested and all(c.care_type is not CareType.MKD for c in answers.children)
        )
        assert rules.count(RuleId.AGE) == 1
        assert rules.count(RuleId.AGE_END) == (1 if age.status is FindingStatus.MET else 0)
        assert rules.count(RuleId.MKD) == (1 if mkd else 0)
        assert rules.count(RuleId.CARE) == (0 if mkd else 1)
        assert rules.count(RuleId.PSG_VVE) == (1 if kid.care_type is CareType.PSG and not mkd else 0)


@PROPERTY_SETTINGS
@given(intake_dicts(), check_dates)
def test_every_finding_is_explained_in_dutch_and_in_english(data: dict[str, Any], on: date) -> None:
    answers = validate(data)

    dutch = check_eligibility(answers, on=on)
    english = check_eligibility(answers, on=on, locale="en")

    assert all(f.explanation.strip() for f in dutch.findings + english.findings)
    assert all(f.advice is None or f.advice.strip() for f in dutch.findings + english.findings)
    assert dutch.outcome is english.outcome
    assert [(f.rule_id, f.status, f.child_index) for f in dutch.findings] == [
        (f.rule_id, f.status, f.child_index) for f in english.findings
    ]
    assert (dutch.locale, english.locale) == ("nl", "en")


@PROPERTY_SETTINGS
@given(intake_dicts(), check_dates)
def test_the_check_is_deterministic_and_does_not_change_its_input(data: dict[str, Any], on: date) -> None:
    original = copy.deepcopy(data)
    answers = validate(data)
    before = answers.model_dump()

    first = check_eligibility(answers, on=on, locale="en")
    second = check_eligibility(validate(original), on=on, locale="en")

    assert first == second
    assert answers.model_dump() == before
    assert data == original
