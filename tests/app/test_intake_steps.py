"""The parents' intake step by step: validation, saving drafts, moving back and forth, adding
and removing people, the review with the preliminary check, sending, and the status page."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import pytest

from smi_core import IntakeAnswers, check_eligibility
from smi_core.cases import SMI_CONSENTS
from smi_intake.services.resume_codes import new_resume_code
from smi_web.services import services
from tests.app.intake_helpers import (
    CHILD_BORN,
    FILL,
    SUMMARY,
    count_cases,
    errors,
    fill_gezin,
    fill_kinderen,
    finding_blocks,
    open_step,
    press,
    review_app,
    sent_case,
    started_app,
    subheaders,
    title,
    today,
)

pytestmark = pytest.mark.db

NO_CASE_FOUND = (
    "We vinden geen aanvraag met dit kenmerk en deze code. Controleer ze allebei en probeer het opnieuw."
)


# -- 1. Continue on an empty step ------------------------------------------------------------------


@dataclass(frozen=True)
class EmptyStep:
    """A step where one answer is given and Continue is pressed: the messages expected."""

    slug: str
    title: str
    widget: str
    key: str
    value: Any
    messages: tuple[str, ...]
    prepare: tuple[str, ...] = field(default=())


EMPTY_STEPS = [
    EmptyStep(
        "gezin",
        "Uw gezin",
        "text_input",
        "f.parents.0.name",
        "A. Jansen",
        (
            "Kies wat deze ouder overdag doet.",
            "Vul een telefoonnummer of e-mailadres in. Dan kunnen we u bereiken.",
            "Vul uw postcode in. Voorbeeld: 3341 AB",
            "Kies ja of nee.",
        ),
    ),
    EmptyStep(
        "kinderen",
        "Uw kinderen",
        "text_input",
        "f.children.0.first_name",
        "Sam",
        (
            "Vul de geboortedatum in.",
            "Kies de soort opvang.",
            "Kies een aantal dagdelen van 1 tot en met 10.",
            "Vul in vanaf wanneer u opvang nodig heeft.",
        ),
    ),
    EmptyStep(
        "situatie",
        "Uw hulpvraag en situatie",
        "text_area",
        "f.bottlenecks",
        "Niet tillen",
        ("Vertel in een paar zinnen waarom u hulp nodig heeft.", "Kies een van de mogelijkheden."),
    ),
    EmptyStep(
        "netwerk",
        "Uw netwerk",
        "radio",
        "f.network.members.0.relation",
        "friend",
        ("Kies ja of nee.", "Kies of deze persoon kan helpen."),
        prepare=("netwerk_add",),
    ),
    EmptyStep(
        "geld",
        "Geld en afspraken",
        "radio",
        "f.kinderopvangtoeslag",
        "unknown",
        ("Kies een van de mogelijkheden.",) * 3,
    ),
    EmptyStep(
        "toestemming",
        "Toestemming",
        "radio",
        "f.consent.provider_contact",
        True,
        ("Kies ja of nee.",) * 3,
    ),
]


@pytest.mark.parametrize("case", EMPTY_STEPS, ids=[case.slug for case in EMPTY_STEPS])
def test_continue_on_an_unfinished_step_shows_the_summary_and_each_message_and_keeps_the_answer(
    case: EmptyStep,
) -> None:
    app = open_step(started_app(), case.slug)
    for key in case.prepare:
        press(app, key)
    getattr(app, case.widget)(key=case.key).set_value(case.value)

    press(app, f"intake_next_{case.slug}")

    assert not app.exception
    assert title(app) == case.title
    assert errors(app) == [SUMMARY, *case.messages]
    assert getattr(app, case.widget)(key=case.key).value == case.value
    assert app.session_state["intake_draft_id"] is None


def test_the_summary_names_each_field_with_its_message() -> None:
    app = open_step(started_app(), "gezin")

    press(app, "intake_next_gezin")

    summary = app.markdown[0].value.splitlines()
    assert summary == [
        "- Naam: Vul een naam in.",
        "- Wat doet deze ouder of verzorger overdag?: Kies wat deze ouder overdag doet.",
        "- Telefoonnummer: Vul een telefoonnummer of e-mailadres in. Dan kunnen we u bereiken.",
        "- Postcode: Vul uw postcode in. Voorbeeld: 3341 AB",
        "- Staan uw kinderen ingeschreven in Hendrik-Ido-Ambacht?: Kies ja of nee.",
    ]


def test_the_same_child_added_twice_is_refused_at_the_second_child() -> None:
    app = open_step(started_app(), "kinderen")
    fill_kinderen(app)
    app.run()
    press(app, "kinderen_add")
    app.text_input(key="f.children.1.first_name").input("sam")
    app.date_input(key="f.children.1.date_of_birth").set_value(CHILD_BORN)
    app.radio(key="f.children.1.care_type").set_value("bso")
    app.number_input(key="f.children.1.dagdelen_per_week").set_value(2)

    press(app, "intake_next_kinderen")

    assert title(app) == "Uw kinderen"
    assert errors(app) == [SUMMARY, "U heeft dit kind twee keer toegevoegd."]


def test_sending_an_unfinished_request_says_answers_are_missing_and_creates_no_case(
    app_environment: str,
) -> None:
    app = open_step(started_app(), "controleren")

    press(app, "controleren_send")

    assert not app.exception
    assert title(app) == "Controleren en versturen"
    assert "Er ontbreken nog antwoorden. Ga terug naar de stappen en vul ze in." in errors(app)
    assert count_cases(app_environment) == 0


# -- 2. Continue on a finished step ----------------------------------------------------------------


FINISHED_STEPS = [
    (
        "gezin",
        "kinderen",
        "Uw kinderen",
        {
            "parents": [{"name": "A. Jansen", "activity": "works", "phone": "06 12345678", "email": ""}],
            "postcode": "3341 AB",
            "registered_in_municipality": True,
        },
    ),
    (
        "kinderen",
        "situatie",
        "Uw hulpvraag en situatie",
        {
            "children": [
                {
                    "first_name": "Sam",
                    "date_of_birth": CHILD_BORN.isoformat(),
                    "care_type": "kdv",
                    "dagdelen_per_week": 4,
                    "preferred_provider": "",
                    "preferred_location": "",
                }
            ],
            "mkd_requested": False,
        },
    ),
    (
        "situatie",
        "netwerk",
        "Uw netwerk",
        {
            "reasons": ["medical_physical"],
            "explanation": "Moeder is geopereerd en mag niet tillen.",
            "bottlenecks": ["Niet tillen", "Niet autorijden"],
            "medical_confirmation": "gp_consent",
        },
    ),
    ("netwerk", "geld", "Geld en afspraken", {"network": {"analysis_done": True, "members": []}}),
    (
        "geld",
        "toestemming",
        "Toestemming",
        {
            "kinderopvangtoeslag": "no",
            "can_pay_partly": False,
            "cooperates_with_plan": True,
            "willing_to_evaluate": True,
        },
    ),
    ("toestemming", "controleren", "Controleren en versturen", {}),
]


@pytest.mark.parametrize(
    ("slug", "next_slug", "next_title", "expected"),
    FINISHED_STEPS,
    ids=[row[0] for row in FINISHED_STEPS],
)
def test_continue_on_a_finished_step_moves_on_and_saves_the_answers_as_a_draft(
    slug: str, next_slug: str, next_title: str, expected: dict[str, Any]
) -> None:
    app = open_step(started_app(), slug)
    FILL[slug](app)

    press(app, f"intake_next_{slug}")

    assert not app.exception
    assert title(app) == next_title
    assert errors(app) == []
    draft_id = app.session_state["intake_draft_id"]
    assert draft_id is not None
    draft = services().intake.load_draft(draft_id, datetime.now(UTC))
    assert draft.step == next_slug
    assert {key: draft.answers.get(key) for key in expected} == expected


def test_a_finished_consent_step_saves_each_consent_with_its_text_version() -> None:
    app = open_step(started_app(), "toestemming")
    FILL["toestemming"](app)

    press(app, "intake_next_toestemming")

    draft = services().intake.load_draft(app.session_state["intake_draft_id"], datetime.now(UTC))
    assert set(draft.consents) == {kind.value for kind in SMI_CONSENTS}
    assert all(record.given for record in draft.consents.values())
    assert all(record.text_version.startswith(record.kind.value) for record in draft.consents.values())


def test_the_first_save_with_a_postcode_shows_the_resume_code_once_and_it_reopens_the_draft() -> None:
    app = open_step(started_app(), "gezin")
    fill_gezin(app)

    press(app, "intake_next_gezin")

    code = app.session_state["intake_new_resume_code"]
    assert title(app) == "Uw kinderen"
    assert [block.value for block in app.code] == [code]
    resumed = services().intake.resume(code, "3341ab", datetime.now(UTC))
    assert resumed.id == app.session_state["intake_draft_id"]

    open_step(app, "kinderen")
    press(app, "intake_code_seen")

    assert "intake_new_resume_code" not in app.session_state
    assert list(app.code) == []

    fill_kinderen(app)
    press(app, "intake_next_kinderen")

    assert title(app) == "Uw hulpvraag en situatie"
    assert "intake_new_resume_code" not in app.session_state
    assert list(app.code) == []


# -- 3. Back and forth -----------------------------------------------------------------------------


def test_going_back_and_forth_keeps_every_answer() -> None:
    app = open_step(started_app(), "gezin")
    fill_gezin(app)
    press(app, "intake_next_gezin")
    open_step(app, "kinderen")
    app.text_input(key="f.children.0.first_name").input("Sam")
    app.date_input(key="f.children.0.date_of_birth").set_value(CHILD_BORN)

    press(app, "intake_back_kinderen")

    assert title(app) == "Uw gezin"
    open_step(app, "gezin")
    assert app.text_input(key="f.parents.0.name").value == "A. Jansen"
    assert app.radio(key="f.parents.0.activity").value == "works"
    assert app.text_input(key="f.parents.0.phone").value == "06 12345678"
    assert app.text_input(key="f.parents.0.email").value == ""
    assert app.text_input(key="f.postcode").value == "3341 AB"
    assert app.radio(key="f.registered_in_municipality").value is True

    press(app, "intake_next_gezin")

    assert title(app) == "Uw kinderen"
    open_step(app, "kinderen")
    assert app.text_input(key="f.children.0.first_name").value == "Sam"
    assert app.date_input(key="f.children.0.date_of_birth").value == CHILD_BORN
    assert app.radio(key="f.children.0.care_type").value is None


def test_going_back_saves_the_unfinished_step_without_messages() -> None:
    app = open_step(started_app(), "kinderen")
    app.text_input(key="f.children.0.first_name").input("Sam")

    press(app, "intake_back_kinderen")

    assert title(app) == "Uw gezin"
    assert errors(app) == []
    draft = services().intake.load_draft(app.session_state["intake_draft_id"], datetime.now(UTC))
    assert draft.step == "gezin"
    assert draft.answers["children"][0]["first_name"] == "Sam"


# -- 4. Adding and removing people -----------------------------------------------------------------


def test_adding_a_child_shows_an_empty_second_child_and_removing_it_keeps_the_first() -> None:
    app = open_step(started_app(), "kinderen")
    app.text_input(key="f.children.0.first_name").input("Sam").run()

    press(app, "kinderen_add")

    assert subheaders(app) == ["Kind 1", "Kind 2"]
    assert app.text_input(key="f.children.1.first_name").value == ""
    assert app.radio(key="f.children.1.care_type").value is None

    press(app, "kinderen_remove_1")

    assert subheaders(app) == ["Kind 1"]
    assert app.text_input(key="f.children.0.first_name").value == "Sam"
    assert len(app.session_state["intake"]["children"]) == 1


def test_removing_a_middle_child_moves_the_next_child_up_with_its_answers() -> None:
    app = open_step(started_app(), "kinderen")
    press(app, "kinderen_add")
    press(app, "kinderen_add")
    for index, (name, care) in enumerate([("Sam", "kdv"), ("Noor", "bso"), ("Lev", "psg")]):
        app.text_input(key=f"f.children.{index}.first_name").input(name)
        app.radio(key=f"f.children.{index}.care_type").set_value(care)
    app.run()

    press(app, "kinderen_remove_1")

    assert subheaders(app) == ["Kind 1", "Kind 2"]
    assert app.text_input(key="f.children.0.first_name").value == "Sam"
    assert app.text_input(key="f.children.1.first_name").value == "Lev"
    assert app.radio(key="f.children.1.care_type").value == "psg"
    children = app.session_state["intake"]["children"]
    assert [(child["first_name"], child["care_type"]) for child in children] == [
        ("Sam", "kdv"),
        ("Lev", "psg"),
    ]


def test_adding_and_removing_a_second_parent() -> None:
    app = open_step(started_app(), "gezin")
    app.text_input(key="f.parents.0.name").input("A. Jansen").run()

    press(app, "gezin_add")

    assert subheaders(app) == ["Ouder of verzorger 1", "Ouder of verzorger 2"]

    press(app, "gezin_remove_1")

    assert subheaders(app) == ["Ouder of verzorger 1"]
    assert app.text_input(key="f.parents.0.name").value == "A. Jansen"
    assert len(app.session_state["intake"]["parents"]) == 1


def test_adding_two_network_people_and_removing_the_first_keeps_the_second() -> None:
    app = open_step(started_app(), "netwerk")
    press(app, "netwerk_add")
    press(app, "netwerk_add")
    app.radio(key="f.network.members.0.relation").set_value("grandparent").run()
    app.radio(key="f.network.members.1.relation").set_value("friend").run()
    app.radio(key="f.network.members.1.can_help").set_value("partly").run()

    press(app, "netwerk_remove_0")

    assert subheaders(app) == ["Persoon 1"]
    assert app.radio(key="f.network.members.0.relation").value == "friend"
    assert app.radio(key="f.network.members.0.can_help").value == "partly"
    assert app.session_state["intake"]["network"]["members"] == [
        {"relation": "friend", "can_help": "partly", "why_not": ""}
    ]


def test_removing_a_network_person_keeps_an_answer_for_a_later_person_given_just_before() -> None:
    app = open_step(started_app(), "netwerk")
    press(app, "netwerk_add")
    press(app, "netwerk_add")
    app.radio(key="f.network.members.1.relation").set_value("friend")

    press(app, "netwerk_remove_0")

    assert app.radio(key="f.network.members.0.relation").value == "friend"


def test_the_vve_question_for_a_playgroup_starts_with_nothing_chosen() -> None:
    app = open_step(started_app(), "kinderen")

    app.radio(key="f.children.0.care_type").set_value("psg").run()

    assert app.radio(key="f.children.0.vve_indication").value is None


# -- 5. The review ---------------------------------------------------------------------------------


def test_the_review_explains_every_rule_of_the_check_in_its_own_block() -> None:
    app = review_app()

    data = app.session_state["intake"]
    expected = check_eligibility(
        IntakeAnswers.model_validate(data, context={"today": today()}),
        on=today(),
        locale="nl",
        municipality=services().municipality,
    )
    assert not app.exception
    assert title(app) == "Controleren en versturen"
    assert [str(box.value) for box in app.success] == ["**U komt waarschijnlijk in aanmerking**"]
    blocks = finding_blocks(app)
    assert list(blocks) == [str(finding.rule_id) for finding in expected.findings]
    assert {"SMI-RES", "SMI-NET", "SMI-KOT"} <= set(blocks)
    for finding in expected.findings:
        assert blocks[str(finding.rule_id)][1] == finding.explanation
    assert blocks["SMI-RES"][1:] == ["Uw kinderen staan ingeschreven in Hendrik-Ido-Ambacht."]
    assert blocks["SMI-NET"][1:] == [
        "Uit uw netwerkanalyse blijkt dat niemand in uw omgeving de zorg kan overnemen."
    ]
    assert blocks["SMI-KOT"][1:] == [
        "U heeft geen recht op kinderopvangtoeslag. SMI is bedoeld voor ouders zonder dat recht."
    ]
    assert "**In orde**" in blocks["SMI-KOT"][0]


def test_the_review_shows_a_change_link_for_every_section() -> None:
    app = review_app()

    keys = {button.key for button in app.button if str(button.key).startswith("controleren_change_")}

    assert keys == {
        f"controleren_change_{slug}"
        for slug in ("gezin", "kinderen", "situatie", "netwerk", "geld", "toestemming")
    }


def test_a_not_eligible_request_explains_why_shows_the_other_route_and_can_still_be_sent() -> None:
    app = review_app(kinderopvangtoeslag="yes")

    blocks = finding_blocks(app)

    assert [str(box.value) for box in app.warning] == ["**U komt waarschijnlijk niet in aanmerking**"]
    assert blocks["SMI-KOT"][1:] == [
        "U heeft recht op kinderopvangtoeslag. Dan is SMI niet mogelijk.",
        "Andere hulp: Vraag kinderopvangtoeslag aan bij de Dienst Toeslagen.",
    ]
    assert "**Niet voldaan**" in blocks["SMI-KOT"][0]
    send = app.button(key="controleren_send")
    assert not send.disabled

    send.click().run()

    assert not app.exception
    assert title(app) == "Verzonden"


# -- 6. Sending ------------------------------------------------------------------------------------


def test_sending_creates_one_case_and_shows_its_reference(app_environment: str) -> None:
    app = review_app()

    press(app, "controleren_send")

    reference = f"SMI-{datetime.now(UTC).year}-000001"
    assert not app.exception
    assert title(app) == "Verzonden"
    assert reference in [block.value for block in app.code]
    assert app.session_state["intake_sent"]["reference"] == reference
    assert count_cases(app_environment) == 1


def test_pressing_send_twice_leaves_exactly_one_case(app_environment: str) -> None:
    app = review_app()
    press(app, "controleren_send")
    first = app.session_state["intake_sent"]["reference"]

    app.run()
    press(app, "controleren_send")

    assert count_cases(app_environment) == 1
    assert app.session_state["intake_sent"]["reference"] == first


# -- 7. The status page ----------------------------------------------------------------------------


def _look_up(reference: str, code: str) -> Any:
    app = started_app()
    app.switch_page("pages/status.py").run()
    app.text_input(key="status_reference").input(reference)
    app.text_input(key="status_code").input(code)
    next(button for button in app.button if button.label == "Bekijken").click().run()
    return app


@pytest.mark.parametrize("wrong", ["code", "reference"])
def test_the_status_page_refuses_a_wrong_reference_or_code(wrong: str) -> None:
    reference, code = sent_case()
    if wrong == "code":
        code = new_resume_code()
    else:
        reference = f"SMI-{datetime.now(UTC).year}-999999"

    app = _look_up(reference, code)

    assert not app.exception
    assert errors(app) == [NO_CASE_FOUND]
    assert not any(str(sub.value).startswith("Status:") for sub in app.subheader)


def test_the_status_page_shows_the_status_for_the_right_reference_and_code() -> None:
    reference, code = sent_case()

    app = _look_up(reference, code.lower())

    assert not app.exception
    assert errors(app) == []
    assert "Status: Ontvangen" in subheaders(app)


# -- 8. English ------------------------------------------------------------------------------------


def test_the_family_step_is_in_english_when_english_is_chosen() -> None:
    app = open_step(started_app(locale="en"), "gezin")

    press(app, "intake_next_gezin")

    assert title(app) == "Your family"
    assert errors(app)[:2] == ["Please check these answers:", "Fill in a name."]
