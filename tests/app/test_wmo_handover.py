"""An agency hands an adult over for Wmo support: the melding on the resident's behalf becomes a
Wmo case of source instantie, with the professional's details for the warm contact."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from streamlit.testing.v1 import AppTest

from smi_core.access import Role
from smi_core.cases import CaseSource
from smi_core.errors import NotAllowed
from smi_core.handover import HandoverStatus, WmoHandover
from smi_intake.services.queue import QueueQuery
from smi_web.auth import ACCOUNT_KEY, SIGNED_IN_AT_KEY
from smi_web.services import services
from tests.app.conftest import new_app

pytestmark = pytest.mark.db
PASSWORD = "een-lang-wachtwoord"


def _account(username: str, role: Role, organisation: str = "") -> object:
    svc, moment = services(), datetime.now(UTC)
    svc.accounts.create_account(
        username, f"Test {username}", role, PASSWORD, moment, organisation=organisation
    )
    return svc.accounts.session_account(username, moment)


def _signed_in(account: object) -> AppTest:
    app = new_app()
    app.session_state[ACCOUNT_KEY] = account
    app.session_state[SIGNED_IN_AT_KEY] = datetime.now(UTC)
    app.run()
    return app


def _handover(**changes: object) -> WmoHandover:
    data: dict[str, object] = {
        "name": "T. de Vries",
        "date_of_birth": "1950-03-04",
        "postcode": "3341 AB",
        "registered_in_municipality": True,
        "phone": "06 12345678",
        "needs": {"household": "Kan het huishouden niet meer aan."},
        "parents_agreed_on": date.today().isoformat(),
        "parents_agreed_how": "phone",
        "professional_name": "Dr. Jansen",
        "professional_phone": "078 1234567",
        "urgent": True,
        "urgency_reason": "Woont alleen en valt vaak.",
    }
    return WmoHandover.model_validate({**data, **changes})


def test_an_agency_hands_an_adult_over_and_the_social_team_sees_the_wmo_case_with_the_warm_contact() -> None:
    agency = _account("huisarts", Role.AGENCY, "Praktijk De Linde")
    worker = _account("consulent", Role.WIJZER)
    svc, moment = services(), datetime.now(UTC)

    reference = svc.handovers.submit_wmo(agency, _handover(), moment)

    view = svc.wmo.view(reference, worker, moment)
    assert reference.startswith("WMO-")
    assert view.melding.asked_by == "Dr. Jansen"
    assert view.melding.asked_by_relation == "Praktijk De Linde"
    assert view.handover is not None and view.handover["professional_phone"] == "078 1234567"
    [summary] = svc.handovers.handovers_of(agency)
    assert summary.reference == reference
    assert summary.status is HandoverStatus.RECEIVED
    assert summary.urgent
    [row] = [r for r in svc.queue.queue(worker, QueueQuery(), moment).rows if r.reference == reference]
    assert row.source is CaseSource.INSTANTIE
    assert row.urgent
    assert row.provision == "wmo"


def test_only_an_agency_hands_over_an_adult() -> None:
    worker = _account("consulent", Role.WIJZER)

    with pytest.raises(NotAllowed):
        services().handovers.submit_wmo(worker, _handover(), datetime.now(UTC))


def test_a_handover_without_a_need_or_a_way_to_reach_the_resident_is_refused() -> None:
    with pytest.raises(ValueError, match="needs"):
        _handover(needs={"household": ""})
    with pytest.raises(ValueError, match="phone"):
        _handover(phone="")


def test_the_agency_fills_in_the_wmo_handover_on_the_handover_page_and_gets_its_reference() -> None:
    app = _signed_in(_account("huisarts", Role.AGENCY, "Praktijk De Linde"))
    app.switch_page("pages/staff/handover.py").run()
    app.radio(key="handover_kind").set_value("wmo").run()

    app.button(key="FormSubmitter:handover_wmo_form-Overdracht versturen").click().run()

    assert not app.exception, app.exception
    errors = app.session_state["handover_wmo_errors"]
    assert {"name", "born", "postcode", "registered", "agreed_on", "agreed_how"} <= set(errors)
    assert len(app.error) == len(errors) + 1  # each next to its field, and the summary
    kept = "Kan het huishouden niet meer aan."
    app.text_input(key="handover_wmo_name").input("T. de Vries")
    app.text_input(key="handover_wmo_phone").input("06 12345678")
    app.date_input(key="handover_wmo_born").set_value(date(1950, 3, 4))
    app.text_input(key="handover_wmo_postcode").input("3341ab")
    app.radio(key="handover_wmo_registered").set_value(True)
    app.text_area(key="handover_wmo_need_household").input(kept)
    app.date_input(key="handover_wmo_agreed_on").set_value(date.today() - timedelta(days=1))
    app.radio(key="handover_wmo_agreed_how").set_value("phone")
    app.text_input(key="handover_wmo_pro_phone").input("078 1234567")
    app.button(key="FormSubmitter:handover_wmo_form-Overdracht versturen").click().run()

    assert not app.exception, app.exception
    sent = app.session_state["handover_wmo_sent"]
    assert sent.startswith("WMO-")
    assert any(sent in str(s.value) for s in app.success)
