"""A parent's request for youth care through the front door: every step, the check, sending,
the case it becomes and its status, in Dutch and in another resident language."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from streamlit.testing.v1 import AppTest

from smi_core.cases import JEUGD_CONSENTS
from smi_intake.jeugd_steps import JEUGD_STEPS
from smi_web.services import services
from tests.app.intake_helpers import errors, press, started_app, title

STEP = {step.slug: step for step in JEUGD_STEPS}


def open_jeugd(app: AppTest, slug: str) -> AppTest:
    return app.switch_page(STEP[slug].page).run()


def fill_kind(app: AppTest, born: date = date(2016, 3, 4)) -> None:
    app.text_input(key="j.asked_by").input("M. de Boer")
    app.text_input(key="j.asked_by_relation").input("moeder")
    app.text_input(key="j.phone").input("06 12345678")
    app.text_input(key="j.name").input("Sam de Boer")
    app.date_input(key="j.date_of_birth").set_value(born)
    app.text_input(key="j.postcode").input("3341 AB")
    app.radio(key="j.registered_in_municipality").set_value(True)


def through_to_review(app: AppTest, born: date = date(2016, 3, 4)) -> AppTest:
    """Every step filled in; AppTest stays on the page it opened, so each step is opened first."""
    open_jeugd(app, "kind")
    fill_kind(app, born)
    press(app, "jeugd_next_kind")
    open_jeugd(app, "vraag")
    press(app, "jeugd_code_seen")
    app.text_area(key="j.needs.behaviour").input("Sam is vaak boos. **vet** <b>x</b>")
    press(app, "jeugd_next_vraag")
    open_jeugd(app, "mogelijkheden")
    app.text_area(key="j.school").input("De Regenboog, groep 5")
    app.radio(key="j.own_solution").set_value("no")
    press(app, "jeugd_next_mogelijkheden")
    open_jeugd(app, "plan")
    app.radio(key="j.wants_client_support").set_value(False)
    press(app, "jeugd_next_plan")
    open_jeugd(app, "toestemming")
    for kind in JEUGD_CONSENTS:
        app.radio(key=f"j.consent.{kind.value}").set_value(True)
    press(app, "jeugd_next_toestemming")
    assert not errors(app), errors(app)
    return open_jeugd(app, "controleren")


def test_the_front_doors_child_choice_starts_the_request_for_youth_care() -> None:
    app = started_app()
    app.checkbox(key="door.child").check().run()

    press(app, "door_jeugd")

    assert not app.exception
    assert title(app) == "Start"
    assert any("jeugdhulp" in str(m.value) for m in app.markdown)


@pytest.mark.parametrize("slug", [s.slug for s in JEUGD_STEPS])
@pytest.mark.parametrize("locale", ["nl", "ar"])
def test_every_step_renders_in_dutch_and_arabic(slug: str, locale: str) -> None:
    app = started_app(locale=locale)

    open_jeugd(app, slug)

    assert not app.exception


def test_continuing_an_empty_child_step_names_every_missing_answer() -> None:
    app = open_jeugd(started_app(), "kind")

    press(app, "jeugd_next_kind")

    assert title(app) == "Over uw kind"
    shown = errors(app)
    assert "Vul een naam in." in shown
    assert "Vul de geboortedatum in." in shown


def test_a_request_goes_through_every_step_to_a_check_that_explains_itself() -> None:
    app = through_to_review(started_app())

    assert not app.exception
    assert title(app) == "Controleren en versturen"
    rules = " ".join(str(m.value) for m in app.markdown)
    for rule in ("JGD-RES", "JGD-AGE", "JGD-NEED"):
        assert rule in rules
    assert "Jeugdhulp is waarschijnlijk mogelijk" in " ".join(str(s.value) for s in app.success)
    assert any("\\*\\*vet\\*\\*" in str(m.value) for m in app.markdown)


def test_a_child_of_18_is_pointed_to_wmo_support_without_being_blocked() -> None:
    app = through_to_review(started_app(), born=date(2007, 1, 1))

    assert not app.exception
    assert "Wmo" in " ".join(str(w.value) for w in app.warning)
    assert app.button(key="jeugd_controleren_send") is not None


def test_sending_makes_a_youth_case_whose_status_the_parent_can_look_up() -> None:
    app = through_to_review(started_app(locale="pl"))
    draft_id = app.session_state["jeugd_draft_id"]
    code = app.session_state.get("jeugd_new_resume_code")

    press(app, "jeugd_controleren_send")
    open_jeugd(app, "verzonden")

    assert not app.exception
    reference = app.session_state["jeugd_sent"]["reference"]
    assert reference.startswith("JEUGD-")
    stored = services().jeugd_intake.sent_melding(reference)
    assert stored.melding.name == "Sam de Boer" and stored.melding.asked_by == "M. de Boer"
    assert stored.melding.school == "De Regenboog, groep 5"
    assert stored.check.route.value == "youth_care"
    assert stored.locale == "pl"
    assert services().jeugd_intake.submit(draft_id, datetime.now(UTC)).already_sent
    if code is not None:
        summary = services().intake.status(reference, code)
        assert summary.provision == "jeugd"
