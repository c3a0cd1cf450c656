"""An agency hands a child over for youth care (route T), in Dutch and English: the melding on the
child's behalf becomes a JEUGD case of source instantie, checked by the youth-care rules, with the
professional's details for the warm contact."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from streamlit.testing.v1 import AppTest

from smi_core.access import Role
from smi_core.cases import CaseSource
from smi_intake.services.queue import QueueQuery
from smi_web.auth import ACCOUNT_KEY, SIGNED_IN_AT_KEY
from smi_web.services import services
from tests.app.conftest import new_app

pytestmark = pytest.mark.db
KEY = "handover_jeugd"


def _account(username: str, role: Role, organisation: str = "") -> object:
    svc, moment = services(), datetime.now(UTC)
    svc.accounts.create_account(
        username, f"Test {username}", role, "een-lang-wachtwoord", moment, organisation=organisation
    )
    return svc.accounts.session_account(username, moment)


def _handover_page(locale: str = "nl") -> AppTest:
    app = new_app()
    app.session_state[ACCOUNT_KEY] = _account("huisarts", Role.AGENCY, "Praktijk De Linde")
    app.session_state[SIGNED_IN_AT_KEY] = datetime.now(UTC)
    app.session_state["locale"] = locale
    app.session_state["handover_kind"] = "jeugd"
    app.run()
    app.switch_page("pages/staff/handover.py").run()
    assert not app.exception, app.exception
    return app


def test_the_handover_for_a_child_asks_about_the_child_in_english() -> None:
    app = _handover_page("en")

    assert "The child who needs help" in [str(s.value) for s in app.subheader]
    assert "Agreement of the parents" in [str(s.value) for s in app.subheader]


def _send(app: AppTest) -> AppTest:
    [submit] = [b for b in app.button if b.key and b.key.startswith(f"FormSubmitter:{KEY}_form")]
    return submit.click().run()


def test_the_agency_hands_a_child_over_for_youth_care_and_the_team_sees_a_youth_case() -> None:
    app = _handover_page()
    assert "Het kind dat hulp nodig heeft" in [str(s.value) for s in app.subheader]
    app = _send(app)
    assert not app.exception, app.exception
    errors = app.session_state[f"{KEY}_errors"]
    assert {"name", "born", "postcode", "registered", "agreed_on", "agreed_how"} <= set(errors)

    child = date(datetime.now(UTC).year - 8, 5, 1)
    app.text_input(key=f"{KEY}_name").input("Sam de Boer")
    app.text_input(key=f"{KEY}_phone").input("06 12345678")
    app.date_input(key=f"{KEY}_born").set_value(child)
    app.text_input(key=f"{KEY}_postcode").input("3341ab")
    app.radio(key=f"{KEY}_registered").set_value(True)
    app.text_area(key=f"{KEY}_need_behaviour").input("Slaat op school, ouders lopen vast.")
    app.date_input(key=f"{KEY}_agreed_on").set_value(date.today() - timedelta(days=1))
    app.radio(key=f"{KEY}_agreed_how").set_value("phone")
    app.text_input(key=f"{KEY}_pro_phone").input("078 1234567")
    app = _send(app)

    assert not app.exception, app.exception
    reference = app.session_state[f"{KEY}_sent"]
    assert reference.startswith("JEUGD-")
    worker = _account("consulent", Role.WIJZER)
    moment = datetime.now(UTC)
    view = services().wmo.view(reference, worker, moment)
    assert view.provision.value == "jeugd"
    assert [f.rule_id.value for f in view.check.findings] == ["JGD-RES", "JGD-AGE", "JGD-NEED"]
    assert view.melding.asked_by_relation == "Praktijk De Linde"
    assert view.handover is not None and view.handover["professional_phone"] == "078 1234567"
    [row] = [r for r in services().queue.queue(worker, QueueQuery(), moment).rows if r.reference == reference]
    assert row.source is CaseSource.INSTANTIE and row.provision == "jeugd"
