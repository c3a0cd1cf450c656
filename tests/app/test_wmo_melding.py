"""A resident's Wmo melding through the front door: every step, the check, sending, resuming."""

from __future__ import annotations

from datetime import UTC, datetime

from streamlit.testing.v1 import AppTest

from smi_core.access import Role
from smi_core.cases import WMO_CONSENTS
from smi_intake.wmo_steps import WMO_STEPS
from smi_web.auth import ACCOUNT_KEY, SIGNED_IN_AT_KEY
from smi_web.services import services
from tests.app.conftest import new_app
from tests.app.intake_helpers import errors, press, started_app, title

STEP = {step.slug: step for step in WMO_STEPS}


def open_wmo(app: AppTest, slug: str) -> AppTest:
    return app.switch_page(STEP[slug].page).run()


def fill_over_u(app: AppTest, born: str = "1950-03-04", postcode: str = "3341 AB") -> None:
    app.radio(key="w.for_whom").set_value("self")
    app.text_input(key="w.name").input("T. de Vries")
    app.date_input(key="w.date_of_birth").set_value(datetime.fromisoformat(born).date())
    app.text_input(key="w.postcode").input(postcode)
    app.radio(key="w.registered_in_municipality").set_value(True)
    app.text_input(key="w.phone").input("06 12345678")
    app.radio(key="w.household").set_value("alone")


def through_to_review(app: AppTest) -> AppTest:
    """Every step filled in; AppTest stays on the page it opened, so each step is opened first."""
    open_wmo(app, "over-u")
    fill_over_u(app)
    press(app, "wmo_next_over-u")
    assert title(app) == "Waarmee u hulp nodig heeft"
    open_wmo(app, "vraag")
    press(app, "wmo_code_seen")
    app.text_area(key="w.needs.household").input("Ik kan niet meer stofzuigen. **vet** <b>x</b>")
    press(app, "wmo_next_vraag")
    assert title(app) == "Wat u en anderen kunnen doen"
    open_wmo(app, "mogelijkheden")
    app.text_area(key="w.network").input("Mijn dochter woont ver weg.")
    app.radio(key="w.own_solution").set_value("no")
    press(app, "wmo_next_mogelijkheden")
    open_wmo(app, "plan")
    app.radio(key="w.personal_plan").set_value(False)
    app.radio(key="w.wants_client_support").set_value(True)
    press(app, "wmo_next_plan")
    open_wmo(app, "toestemming")
    for kind in WMO_CONSENTS:
        app.radio(key=f"w.consent.{kind.value}").set_value(True)
    press(app, "wmo_next_toestemming")
    assert title(app) == "Controleren en versturen", errors(app)
    return open_wmo(app, "controleren")


def test_continuing_an_empty_about_you_step_names_every_missing_answer() -> None:
    app = open_wmo(started_app(), "over-u")

    press(app, "wmo_next_over-u")

    assert title(app) == "Over u"
    shown = errors(app)
    assert "Vul een naam in." in shown
    assert "Vul een telefoonnummer of e-mailadres in. Dan kunnen we u bereiken." in shown


def test_a_melding_goes_through_every_step_to_a_check_that_explains_itself() -> None:
    app = through_to_review(started_app())

    assert not app.exception
    assert title(app) == "Controleren en versturen"
    rules = " ".join(str(m.value) for m in app.markdown)
    for rule in ("WMO-RES", "WMO-AGE", "WMO-NEED"):
        assert rule in rules
    assert "Hulp vanuit de Wmo is waarschijnlijk mogelijk" in " ".join(str(s.value) for s in app.success)
    # the resident's own words are shown as typed, not as markup
    assert any("\\*\\*vet\\*\\*" in str(m.value) for m in app.markdown)


def test_someone_younger_than_18_is_pointed_to_youth_care_without_being_blocked() -> None:
    app = open_wmo(started_app(), "over-u")
    fill_over_u(app, born="2012-01-01")
    press(app, "wmo_next_over-u")

    check = services().wmo_intake.preliminary_check(app.session_state["wmo"], "nl", datetime.now(UTC).date())

    assert check is not None
    assert check.route.value == "youth_care"
    assert [f.status.value for f in check.findings] == ["met", "not_met", "missing"]


def test_sending_makes_a_wmo_case_whose_status_the_resident_can_look_up() -> None:
    app = through_to_review(started_app())
    code = services().intake.load_draft(app.session_state["wmo_draft_id"], datetime.now(UTC))

    press(app, "wmo_controleren_send")
    open_wmo(app, "verzonden")

    assert not app.exception
    assert title(app) == "Verzonden"
    reference = app.session_state["wmo_sent"]["reference"]
    assert reference.startswith("WMO-")
    assert [block.value for block in app.code] == [reference]
    stored = services().wmo_intake.sent_melding(reference)
    assert stored.melding.name == "T. de Vries"
    assert stored.check.route.value == "wmo"
    assert code.request.value == "wmo"


def test_sending_twice_gives_the_same_case() -> None:
    app = through_to_review(started_app())
    draft_id = app.session_state["wmo_draft_id"]
    press(app, "wmo_controleren_send")

    again = services().wmo_intake.submit(draft_id, datetime.now(UTC))

    assert again.already_sent
    assert again.reference == app.session_state["wmo_sent"]["reference"]


def test_a_saved_melding_reopens_with_its_code_on_the_step_where_it_was_left() -> None:
    app = open_wmo(started_app(), "over-u")
    fill_over_u(app)
    press(app, "wmo_next_over-u")
    code = app.session_state["wmo_new_resume_code"]

    other = started_app()
    other.switch_page(STEP["start"].page).run()
    other.text_input(key="wmo_resume_code").input(code)
    other.text_input(key="wmo_resume_postcode").input("3341ab")
    other.button[[b.label for b in other.button].index("Verder gaan")].click().run()

    assert not other.exception
    assert title(other) == "Waarmee u hulp nodig heeft"
    assert other.session_state["wmo"]["name"] == "T. de Vries"


def test_a_melding_sent_through_the_front_door_opens_on_the_wmo_case_page() -> None:
    app = through_to_review(started_app())
    press(app, "wmo_controleren_send")
    reference = app.session_state["wmo_sent"]["reference"]
    svc, moment = services(), datetime.now(UTC)
    svc.accounts.create_account("consulent", "Consulent", Role.WIJZER, "een-lang-wachtwoord", moment)
    worker = new_app()
    worker.session_state[ACCOUNT_KEY] = svc.accounts.session_account("consulent", moment)
    worker.session_state[SIGNED_IN_AT_KEY] = moment
    worker.run()

    worker.switch_page("pages/staff/case.py").run()
    worker.text_input(key="case_reference").input(reference).run()

    assert not worker.exception, worker.exception
    shown = " ".join(str(t.value) for t in worker.table) + " ".join(str(m.value) for m in worker.markdown)
    assert "WMO-NEED" in shown
    assert "Ik kan niet meer stofzuigen" in shown
    assert svc.wmo.is_wmo(reference)
