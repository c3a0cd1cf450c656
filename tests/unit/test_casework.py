"""What WIJzer records on a case: the records refuse what the policy does not allow, the indication
form has exactly the policy's fields, and the first draft of the form is filled from the intake."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, get_origin

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import BaseModel, ValidationError

from smi_core import CareType, IntakeAnswers
from smi_core.casework import (
    INDICATION_FORM_FIELDS,
    IndicationForm,
    MeetingRole,
    draft_indication_form,
    family_name,
)
from tests import casework_factories as records
from tests.factories import CHECK_DATE, child, intake, intake_data, municipality, parent

PROPERTY_SETTINGS = settings(max_examples=150, deadline=None)

#: The indication form of the policy rule (source 001, smi-policy.md), written out independently of
#: the implementation: the field and its kind, in the policy's order.
POLICY_FORM: list[tuple[str, type]] = [
    ("family_name", str),  # naam gezin: text
    ("why_childcare_needed", str),  # why the parent, partner or network cannot: explanation
    ("bottlenecks", list),  # bottlenecks regarding disability or health: list
    ("network_analysis_done", bool),  # network analysis done: yes/no
    ("parents_can_pay", bool),  # parents able to pay (part of) the care: yes/no
    ("period_months", int),  # period of the indication: months
    ("dagdelen_per_week", int),  # dagdelen per week needed: number
    ("provider", str),  # provider name and location: text
    ("tick_child_file", bool),  # child file created in TICK: yes/no
    ("agreements", list),  # agreements with the family and the social team: list
    ("other_remarks", str),  # other remarks, including extension information: explanation
]

#: Every required text of every record: (builder, field).
REQUIRED_TEXTS: list[tuple[Callable[..., BaseModel], str]] = [
    (records.plan, "place"),
    *[
        (records.conversation, name)
        for name in ("request", "situation", "network", "alternatives", "judgement")
    ],
    *[(records.other_route, name) for name in ("route", "advice", "message_to_family")],
    (records.decision, "reasons"),
    (records.indication_form, "family_name"),
    (records.indication_form, "why_childcare_needed"),
]


def builder_id(value: Any) -> str:
    return getattr(value, "__name__", str(value))


# -- the records ---------------------------------------------------------------------------------


@pytest.mark.parametrize(("build", "field"), REQUIRED_TEXTS, ids=builder_id)
@pytest.mark.parametrize("empty", ["", "   ", "\n\t "])
def test_a_required_text_that_is_empty_or_only_spaces_is_refused(
    build: Callable[..., BaseModel], field: str, empty: str
) -> None:
    with pytest.raises(ValidationError) as refused:
        build(**{field: empty})

    assert refused.value.errors()[0]["loc"] == (field,)


@pytest.mark.parametrize(("build", "field"), REQUIRED_TEXTS, ids=builder_id)
def test_a_required_text_is_kept_without_the_spaces_around_it(
    build: Callable[..., BaseModel], field: str
) -> None:
    record = build(**{field: "  Tekst van de medewerker \n"})

    assert getattr(record, field) == "Tekst van de medewerker"


@pytest.mark.parametrize(("build", "field"), REQUIRED_TEXTS, ids=builder_id)
def test_a_required_text_longer_than_its_limit_is_refused(
    build: Callable[..., BaseModel], field: str
) -> None:
    with pytest.raises(ValidationError) as refused:
        build(**{field: "x" * 5001})

    assert refused.value.errors()[0]["loc"] == (field,)


@pytest.mark.parametrize(
    "build",
    [records.plan, records.conversation, records.other_route, records.decision, records.indication_form],
)
def test_a_record_refuses_an_unknown_field_and_cannot_be_changed_afterwards(
    build: Callable[..., BaseModel],
) -> None:
    record = build()

    with pytest.raises(ValidationError):
        build(unknown="x")
    with pytest.raises(ValidationError):
        record.__setattr__(next(iter(type(record).model_fields)), None)


def test_the_judgement_whether_smi_fits_is_a_real_yes_or_no() -> None:
    with pytest.raises(ValidationError):
        records.conversation(smi_most_fitting="yes")


def test_a_team_decision_without_the_smi_coordinator_is_refused() -> None:
    with pytest.raises(ValidationError, match="SMI coordinator"):
        records.decision(roles_present=[MeetingRole.INDICATION_OFFICER, MeetingRole.TEAM_COORDINATOR])


def test_a_team_decision_with_a_role_listed_twice_is_refused() -> None:
    with pytest.raises(ValidationError, match="twice"):
        records.decision(
            roles_present=[
                MeetingRole.SMI_COORDINATOR,
                MeetingRole.INDICATION_OFFICER,
                MeetingRole.SMI_COORDINATOR,
            ]
        )


def test_a_team_decision_of_the_coordinator_alone_is_refused() -> None:
    with pytest.raises(ValidationError) as refused:
        records.decision(roles_present=[MeetingRole.SMI_COORDINATOR])

    assert refused.value.errors()[0]["loc"] == ("roles_present",)


def test_a_team_decision_with_every_role_present_is_accepted() -> None:
    decided = records.decision(roles_present=list(MeetingRole))

    assert set(decided.roles_present) == set(MeetingRole)


@PROPERTY_SETTINGS
@given(st.lists(st.sampled_from(list(MeetingRole)), max_size=len(MeetingRole) + 2))
def test_a_team_decision_is_valid_exactly_when_the_coordinator_and_another_role_are_there_once(
    roles: list[MeetingRole],
) -> None:
    expected_valid = (
        MeetingRole.SMI_COORDINATOR in roles and len(roles) >= 2 and len(set(roles)) == len(roles)
    )

    try:
        records.decision(roles_present=roles)
        valid = True
    except ValidationError:
        valid = False

    assert valid is expected_valid


@pytest.mark.parametrize("field", ["period_months", "dagdelen_per_week"])
@pytest.mark.parametrize(("value", "accepted"), [(0, False), (1, True), (60, True), (61, False), (-3, False)])
def test_the_forms_period_and_dagdelen_lie_between_1_and_60(field: str, value: int, accepted: bool) -> None:
    if accepted:
        assert getattr(records.indication_form(**{field: value}), field) == value
    else:
        with pytest.raises(ValidationError) as refused:
            records.indication_form(**{field: value})
        assert refused.value.errors()[0]["loc"] == (field,)


@pytest.mark.parametrize("field", ["period_months", "dagdelen_per_week"])
@pytest.mark.parametrize("value", ["6", 6.0, True])
def test_the_forms_numbers_are_whole_numbers_not_texts_or_yes_no(field: str, value: object) -> None:
    with pytest.raises(ValidationError):
        records.indication_form(**{field: value})


@pytest.mark.parametrize("field", ["network_analysis_done", "parents_can_pay", "tick_child_file"])
def test_the_forms_yes_no_questions_take_only_yes_or_no(field: str) -> None:
    with pytest.raises(ValidationError):
        records.indication_form(**{field: "ja"})


def test_an_empty_line_in_the_forms_lists_is_refused() -> None:
    with pytest.raises(ValidationError) as refused:
        records.indication_form(agreements=["Evalueren", "  "])

    assert refused.value.errors()[0]["loc"] == ("agreements", 1)


# -- the form's fields ---------------------------------------------------------------------------


def test_the_indication_form_has_exactly_the_policys_fields_in_the_policys_order() -> None:
    policy_names = [name for name, _kind in POLICY_FORM]

    model_names = list(IndicationForm.model_fields)
    listed_names = [name for name, _label in INDICATION_FORM_FIELDS]

    assert model_names == policy_names
    assert listed_names == policy_names


@pytest.mark.parametrize(("name", "kind"), POLICY_FORM)
def test_each_field_of_the_form_is_of_the_kind_the_policy_names(name: str, kind: type) -> None:
    annotation = IndicationForm.model_fields[name].annotation

    assert (get_origin(annotation) or annotation) is kind


def test_each_field_of_the_form_has_its_own_label() -> None:
    labels = [label for _name, label in INDICATION_FORM_FIELDS]

    assert all(label.strip() for label in labels)
    assert len(set(labels)) == len(labels)


# -- the first draft of the form -----------------------------------------------------------------


def test_the_draft_from_the_example_intake_is_filled_as_the_policys_form_asks() -> None:
    answers = intake()
    settings_9_months = municipality(initial_period_months=9)

    draft = draft_indication_form(answers, None, settings_9_months)

    assert draft.family_name == "Jansen"
    assert draft.why_childcare_needed == "Moeder herstelt van een operatie ..."
    assert draft.bottlenecks == ["Moeder mag 3 maanden niet tillen"]
    assert draft.network_analysis_done is True
    assert draft.parents_can_pay is False
    assert draft.period_months == 9
    assert draft.dagdelen_per_week == 4
    assert draft.provider == ""
    assert (draft.tick_child_file, draft.agreements, draft.other_remarks) == (False, [], "")


def test_the_draft_of_the_example_intake_can_be_saved_as_it_is() -> None:
    draft = draft_indication_form(intake(), None, municipality())

    saved = IndicationForm.model_validate(draft.model_dump())

    assert saved == draft


@pytest.mark.parametrize("months", [4, 6, 12])
def test_the_drafts_period_is_the_municipalitys_initial_period(months: int) -> None:
    settings_ = municipality(initial_period_months=months, contact_after_months=3, hard_stop_months=12)

    draft = draft_indication_form(intake(), None, settings_)

    assert draft.period_months == months


def test_parents_who_can_pay_part_and_no_network_analysis_are_carried_into_the_draft() -> None:
    answers = intake(can_pay_partly=True, network={"analysis_done": False, "members": []})

    draft = draft_indication_form(answers, None, municipality())

    assert (draft.parents_can_pay, draft.network_analysis_done) == (True, False)


def test_the_draft_names_each_childs_preferred_provider_and_location_once() -> None:
    answers = intake(
        children=[
            child(first_name="Sam", preferred_provider="De Boomhut", preferred_location="Dorpsstraat"),
            child(
                first_name="Noa",
                date_of_birth="2024-01-05",
                preferred_provider="De Boomhut",
                preferred_location="Dorpsstraat",
            ),
            child(
                first_name="Eva",
                date_of_birth="2019-06-01",
                care_type="bso",
                dagdelen_per_week=2,
                preferred_location="Basisschool De Wieken",
            ),
        ]
    )

    draft = draft_indication_form(answers, None, municipality())

    assert draft.provider == "De Boomhut, Dorpsstraat; Basisschool De Wieken"
    assert draft.dagdelen_per_week == 4 + 4 + 2


def test_a_child_asking_medical_day_care_counts_neither_in_dagdelen_nor_in_the_provider() -> None:
    answers = intake(
        children=[
            child(first_name="Sam", dagdelen_per_week=3, preferred_provider="De Boomhut"),
            child(
                first_name="Noa",
                date_of_birth="2024-01-05",
                care_type="mkd",
                dagdelen_per_week=5,
                preferred_provider="MKD De Vlinder",
            ),
        ]
    )

    draft = draft_indication_form(answers, None, municipality())

    assert draft.dagdelen_per_week == 3
    assert draft.provider == "De Boomhut"


def test_a_draft_for_only_medical_day_care_asks_at_least_one_dagdeel() -> None:
    answers = intake(children=[child(care_type="mkd", dagdelen_per_week=5)])

    draft = draft_indication_form(answers, None, municipality())

    assert draft.dagdelen_per_week == 1
    assert draft.provider == ""


def test_the_conversations_situation_comes_first_and_the_parents_explanation_after_it() -> None:
    talk = records.conversation(situation="Moeder is geopereerd aan haar heup")

    draft = draft_indication_form(intake(), talk, municipality())

    assert (
        draft.why_childcare_needed
        == "Moeder is geopereerd aan haar heup\n\nMoeder herstelt van een operatie ..."
    )


def test_the_same_text_in_the_conversation_and_the_intake_appears_once() -> None:
    talk = records.conversation(situation="Moeder herstelt van een operatie ...")

    draft = draft_indication_form(intake(), talk, municipality())

    assert draft.why_childcare_needed == "Moeder herstelt van een operatie ..."


@pytest.mark.parametrize(
    ("names", "expected"),
    [
        (["A. Jansen", "B. Jansen"], "Jansen"),
        (["A. Jansen", "B. jansen"], "Jansen"),
        (["A. Jansen"], "Jansen"),
        (["A. Jansen", "B. Bakker"], "Jansen-Bakker"),
        (["Jan de Vries"], "de Vries"),
        (["Piet van den Berg", "Els van den Berg"], "van den Berg"),
        (["A. Jansen", "B. de Vries"], "Jansen-de Vries"),
        (["Lotte in 't Veld"], "in 't Veld"),
        (["A. Jansen-de Vries"], "Jansen-de Vries"),
        (["Fatima El Amrani", "Youssef El Amrani"], "El Amrani"),
        (["Madonna"], "Madonna"),
    ],
)
def test_the_family_name_is_the_parents_surnames_with_their_particles_without_repeats(
    names: list[str], expected: str
) -> None:
    answers = intake(parents=[parent(name=name) for name in names])

    assert family_name(answers) == expected


def test_a_handover_the_parents_did_not_complete_gives_a_draft_with_only_the_family_name() -> None:
    settings_ = municipality()

    draft = draft_indication_form(None, None, settings_, family="Jansen")

    assert draft.family_name == "Jansen"
    assert draft.why_childcare_needed == ""
    assert (draft.bottlenecks, draft.provider, draft.agreements) == ([], "", [])
    assert (draft.network_analysis_done, draft.parents_can_pay, draft.tick_child_file) == (
        False,
        False,
        False,
    )
    assert (draft.period_months, draft.dagdelen_per_week) == (settings_.initial_period_months, 1)


def test_a_handover_draft_cannot_be_saved_until_the_worker_says_why_care_is_needed() -> None:
    draft = draft_indication_form(None, None, municipality(), family="Jansen")

    with pytest.raises(ValidationError) as refused:
        IndicationForm.model_validate(draft.model_dump())
    completed = IndicationForm.model_validate(
        {**draft.model_dump(), "why_childcare_needed": "Moeder is ziek"}
    )

    assert refused.value.errors()[0]["loc"] == ("why_childcare_needed",)
    assert completed.family_name == "Jansen"


def test_a_handover_draft_after_the_conversation_says_why_from_the_conversation() -> None:
    draft = draft_indication_form(None, records.conversation(), municipality(), family="Jansen")

    assert draft.why_childcare_needed == records.SITUATION


def test_the_draft_of_the_largest_intake_stays_within_the_forms_limits() -> None:
    answers = intake(
        parents=[parent(name=f"A. {letter * 97}") for letter in "KLMN"],
        children=[child(first_name=f"Kind{n}", dagdelen_per_week=10) for n in range(12)],
        explanation="uitleg " * 714,
    )
    talk = records.conversation(situation="situatie " * 555)

    draft = draft_indication_form(answers, talk, municipality())

    assert draft.dagdelen_per_week == 60
    assert len(draft.family_name) <= 200 and draft.family_name.startswith("K" * 97 + "-" + "L" * 97)
    assert len(draft.why_childcare_needed) <= 5000
    assert draft.why_childcare_needed.startswith("situatie situatie")
    assert IndicationForm.model_validate(draft.model_dump()) == draft


# -- properties of the draft ---------------------------------------------------------------------

SURNAMES = ["Jansen", "de Vries", "van den Berg", "Bakker", "El Amrani", "L" * 97, "M" * 97, "N" * 97]


def _long_text(max_size: int) -> st.SearchStrategy[str]:
    """Texts of any length up to ``max_size`` (their length is what matters here)."""
    return st.integers(0, max_size).map(lambda n: ("woord " * (n // 6 + 1))[:n].strip())


@st.composite
def intakes(draw: st.DrawFn) -> IntakeAnswers:
    """Valid intakes: up to 4 parents, up to 12 children of any care type, texts of any length."""
    parents = draw(
        st.lists(st.sampled_from(SURNAMES).map(lambda s: parent(name=f"A. {s}")), min_size=1, max_size=4)
    )
    children = [
        child(
            first_name=f"Kind{index}",
            care_type=care_type,
            dagdelen_per_week=dagdelen,
            preferred_provider=provider,
            preferred_location=location,
        )
        for index, (care_type, dagdelen, provider, location) in enumerate(
            draw(
                st.lists(
                    st.tuples(
                        st.sampled_from([c.value for c in CareType]),
                        st.integers(1, 10),
                        st.sampled_from(["", "De Boomhut", "P" * 200]),
                        st.sampled_from(["", "Dorpsstraat"]),
                    ),
                    min_size=1,
                    max_size=12,
                )
            )
        )
    ]
    data = intake_data(
        parents=parents,
        children=children,
        explanation=draw(_long_text(5000)),
        bottlenecks=draw(st.lists(st.sampled_from(["Niet tillen", "B" * 500]), max_size=30)),
        can_pay_partly=draw(st.booleans()),
    )
    return IntakeAnswers.model_validate(data, context={"today": CHECK_DATE})


@PROPERTY_SETTINGS
@given(intakes(), st.one_of(st.none(), _long_text(5000).filter(bool)))
def test_every_draft_lies_within_the_forms_limits_so_it_can_be_shown_and_saved(
    answers: IntakeAnswers, situation: str | None
) -> None:
    talk = records.conversation(situation=situation) if situation else None

    draft = draft_indication_form(answers, talk, municipality())
    completed = {**draft.model_dump(), "why_childcare_needed": draft.why_childcare_needed or "Zie gesprek"}

    assert IndicationForm.model_validate(completed).family_name == draft.family_name


@PROPERTY_SETTINGS
@given(intakes())
def test_the_drafts_dagdelen_are_those_of_the_children_without_medical_day_care(
    answers: IntakeAnswers,
) -> None:
    expected = sum(c.dagdelen_per_week for c in answers.children if c.care_type is not CareType.MKD)

    draft = draft_indication_form(answers, None, municipality())

    assert draft.dagdelen_per_week == min(max(expected, 1), 60)
