"""The case page: a WIJzer worker carries a case from the queue to a team decision and an indication
form; other roles and colleagues see what they may, and mistakes give a clear message."""

from __future__ import annotations

from datetime import UTC, date, datetime, time

import pytest
from sqlalchemy import select
from streamlit.testing.v1 import AppTest

from smi_core.access import Role
from smi_core.casework import OtherRoute
from smi_intake.db.engine import make_engine
from smi_intake.db.models import AuditEvent, CaseRow
from smi_intake.db.uow import uow_factory
from smi_intake.demo import seed_demo
from smi_intake.settings import get_settings, make_cipher
from smi_web.auth import ACCOUNT_KEY, SIGNED_IN_AT_KEY
from smi_web.services import services
from tests.app.conftest import new_app
from tests.app.intake_helpers import sent_case, started_app

pytestmark = pytest.mark.db


def _signed_in(username: str, role: Role = Role.WIJZER) -> AppTest:
    svc = services()
    moment = datetime.now(UTC)
    svc.accounts.create_account(username, f"Test {username}", role, "een-lang-wachtwoord", moment)
    app = new_app()
    app.session_state[ACCOUNT_KEY] = svc.accounts.session_account(username, moment)
    app.session_state[SIGNED_IN_AT_KEY] = moment
    app.run()
    return app


def _first_reference(database_url: str) -> str:
    engine = make_engine(database_url)
    seed_demo(
        uow_factory(engine, make_cipher(get_settings())), services().intake, datetime.now(UTC), "WIJzer"
    )
    with engine.connect() as connection:
        reference = connection.execute(
            select(CaseRow.reference).where(CaseRow.reference.is_not(None)).order_by(CaseRow.id).limit(1)
        ).scalar_one()
    engine.dispose()
    return str(reference)


def _open_case(app: AppTest, reference: str) -> AppTest:
    app.switch_page("pages/staff/case.py").run()
    app.text_input(key="case_reference").input(reference).run()
    assert not app.exception, app.exception
    return app


def _messages(app: AppTest) -> str:
    return " ".join(e.value for e in [*app.success, *app.error, *app.info])


def _status(app: AppTest) -> str:
    return str(app.table[0].value["Status"].iloc[0])


def test_a_worker_carries_a_case_from_taking_to_a_granted_decision_and_a_form(app_environment: str) -> None:
    reference = _first_reference(app_environment)
    app = _open_case(_signed_in("medewerker"), reference)

    app.button(key="case_take").click().run()
    assert "U bent nu regiehouder." in _messages(app)
    assert _status(app) == "Wordt gelezen"

    plan = f"case_plan_{reference}"
    app.date_input(key=f"{plan}_on").set_value(date(2026, 12, 2))
    app.time_input(key=f"{plan}_at").set_value(time(14, 30))
    app.button(key=f"{plan}_submit").click().run()
    assert "Het keukentafelgesprek is gepland." in _messages(app)
    assert _status(app) == "Gesprek gepland"

    talk = f"case_talk_{reference}"
    app.text_area(key=f"{talk}_request").input("Opvang voor Sam, 4 dagdelen")
    app.text_area(key=f"{talk}_situation").input("Moeder herstelt van een operatie")
    app.text_area(key=f"{talk}_network").input("Opa en oma wonen ver weg")
    app.text_area(key=f"{talk}_alternatives").input("Geen collectieve voorziening past")
    app.radio(key=f"{talk}_smi_most_fitting").set_value(True)
    app.text_area(key=f"{talk}_judgement").input("Tijdelijke opvang is nodig")
    app.button(key=f"{talk}_submit").click().run()
    assert "Het gesprek is vastgelegd." in _messages(app)
    assert _status(app) == "Gesprek gehouden"

    form = f"case_form_{reference}_0"
    assert app.text_area(key=f"{form}_why_childcare_needed").value.startswith("Moeder herstelt")
    app.button(key=f"{form}_submit").click().run()
    assert "Het indicatieformulier is opgeslagen als versie 1." in _messages(app)

    app.button(key="case_to_team").click().run()
    assert _status(app) == "In het teamoverleg"

    decision = f"case_decision_{reference}"
    app.radio(key=f"{decision}_granted").set_value(True)
    app.text_area(key=f"{decision}_reasons").input("Netwerk kan niet helpen; medische noodzaak")
    app.date_input(key=f"{decision}_decided_on").set_value(date(2026, 12, 9))
    app.multiselect(key=f"{decision}_roles_present").set_value(["indication_officer", "smi_coordinator"])
    app.button(key=f"{decision}_submit").click().run()

    assert not app.exception
    assert "Het teambesluit is vastgelegd." in _messages(app)
    assert _status(app) == "Toegekend"
    app.button(key="case_pdf_make_1").click().run()
    assert app.get("download_button")
    engine = make_engine(app_environment)
    with engine.connect() as connection:
        actions = set(
            connection.execute(select(AuditEvent.action).where(AuditEvent.subject_id == reference)).scalars()
        )
    engine.dispose()
    assert {"case.team_decision", "case.indication_form", "indication_form.exported"} <= actions


def test_a_missing_answer_names_the_field_and_saves_nothing(app_environment: str) -> None:
    reference = _first_reference(app_environment)
    app = _open_case(_signed_in("medewerker"), reference)
    app.button(key="case_take").click().run()

    app.button(key=f"case_plan_{reference}_submit").click().run()

    assert "Vul in of verbeter: Datum" in _messages(app)
    assert _status(app) == "Wordt gelezen"


def test_a_change_made_by_a_colleague_in_the_meantime_is_not_overwritten(app_environment: str) -> None:
    reference = _first_reference(app_environment)
    app = _open_case(_signed_in("medewerker", Role.COORDINATOR), reference)
    app.button(key="case_take").click().run()
    plan = f"case_plan_{reference}"
    app.date_input(key=f"{plan}_on").set_value(date(2026, 12, 2))
    engine = make_engine(app_environment)
    with engine.begin() as connection:  # a colleague saves a change first
        connection.execute(
            CaseRow.__table__.update()
            .where(CaseRow.reference == reference)
            .values(version=CaseRow.version + 1)
        )
    engine.dispose()

    app.button(key=f"{plan}_submit").click().run()

    assert "Een collega heeft deze casus intussen gewijzigd" in _messages(app)
    assert _status(app) == "Wordt gelezen"


def test_a_colleague_who_is_not_the_owner_sees_the_case_but_cannot_change_it(app_environment: str) -> None:
    reference = _first_reference(app_environment)
    owner = _open_case(_signed_in("eigenaar"), reference)
    owner.button(key="case_take").click().run()

    colleague = _open_case(_signed_in("collega"), reference)

    assert "Alleen de regiehouder (eigenaar)" in _messages(colleague)
    assert not [b for b in colleague.button if b.key and b.key.endswith("_submit")]


def test_the_other_route_closes_the_case_and_shows_the_route_on_the_case(app_environment: str) -> None:
    reference = _first_reference(app_environment)
    app = _open_case(_signed_in("medewerker"), reference)
    app.button(key="case_take").click().run()
    route = f"case_route_{reference}"

    app.text_input(key=f"{route}_route").input("Wmo-begeleiding")
    app.text_area(key=f"{route}_advice").input("Neem contact op met het Wmo-loket")
    app.text_area(key=f"{route}_message_to_family").input("U kunt beter hulp vragen bij het Wmo-loket.")
    app.button(key=f"{route}_submit").click().run()

    assert not app.exception
    assert _status(app) == "Gesloten"
    assert any("Wmo\\-begeleiding" in m.value for m in app.markdown)


def test_opening_a_case_from_the_queue_shows_it_on_the_case_page(app_environment: str) -> None:
    reference = _first_reference(app_environment)
    app = _signed_in("medewerker")
    app.switch_page("pages/staff/queue.py").run()

    app.selectbox(key="queue_open_reference").set_value(reference)
    app.button(key="queue_open").click().run()

    assert not app.exception
    assert app.text_input(key="case_reference").value == reference
    assert any(h.value == reference for h in app.subheader)


def test_the_family_reads_the_message_of_the_social_team_on_the_status_page(app_environment: str) -> None:
    reference, code = sent_case()
    svc = services()
    moment = datetime.now(UTC)
    worker = svc.accounts.create_account("medewerker", "Test", Role.WIJZER, "een-lang-wachtwoord", moment)
    svc.queue.claim(reference, worker, moment)
    version = svc.cases.view(reference, worker, moment).version
    route = OtherRoute(
        route="Schuldhulpverlening",
        advice="Bel het loket",
        message_to_family="Bel *het* loket: <b>078 000</b>",
    )
    svc.casework.refer_other_route(reference, worker, version, route, moment)
    app = started_app()
    app.switch_page("pages/status.py").run()

    app.text_input(key="status_reference").input(reference)
    app.text_input(key="status_code").input(code)
    next(button for button in app.button if button.label == "Bekijken").click().run()

    assert not app.exception
    assert any(s.value == "Status: Gesloten" for s in app.subheader)
    shown = [m.value for m in app.markdown]
    assert any(v.startswith("**Bericht van WIJzer") for v in shown)
    assert "Bel \\*het\\* loket\\: \\<b\\>078 000\\</b\\>" in shown  # plain text, never markdown or HTML
