"""The Eén traject page: the access workers and the back office see the clients with several
begeleiding indications, walk a conversion through in the instruction's order and confirm it; a
plan that breaks a rule is named with its rule and keeps what was typed; others cannot open it."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from smi_core.access import Role
from smi_core.i18n import gettext
from smi_intake.db.messages import Direction, MessageFilter, MessageState
from smi_intake.demo_conversion import DEMO_COALITION, DEMO_CONVERSION_BSN, seed_demo_conversion
from smi_web.auth import ACCOUNT_KEY, SIGNED_IN_AT_KEY
from smi_web.services import services
from tests.app.conftest import APP

pytestmark = pytest.mark.db

PAGE = str(Path(APP).parent / "pages" / "staff" / "conversions.py")
TO_SEND = MessageFilter(direction=Direction.OUT, states=frozenset({MessageState.TO_SEND}))


def nl(message: str, **values: object) -> str:
    return gettext("nl", message, **values)


def _account(role: Role, username: str) -> None:
    organisation = "GGD" if role is Role.AGENCY else ""
    services().accounts.create_account(
        username,
        f"Test {username}",
        role,
        "een-lang-wachtwoord",
        datetime.now(UTC),
        organisation=organisation,
    )


def page_as(role: Role, username: str) -> AppTest:
    _account(role, username)
    now = datetime.now(UTC)
    app = AppTest.from_file(PAGE, default_timeout=30)
    app.session_state[ACCOUNT_KEY] = services().accounts.session_account(username, now)
    app.session_state[SIGNED_IN_AT_KEY] = now
    return app.run()


@pytest.fixture
def office() -> object:
    _account(Role.GEMEENTE, "g.backoffice")
    account = services().accounts.session_account("g.backoffice", datetime.now(UTC))
    seed_demo_conversion(services().messages, account, datetime.now(UTC))
    return account


@pytest.mark.parametrize("role", [Role.WIJZER, Role.COORDINATOR, Role.GEMEENTE])
def test_the_access_workers_and_the_back_office_see_the_client_with_three_indications(
    role: Role, office: object
) -> None:
    app = page_as(role, f"user.{role.value}")

    assert not app.exception
    [listed] = app.dataframe
    assert list(listed.value[nl("Indications")]) == [3]
    assert DEMO_CONVERSION_BSN not in listed.value.to_string()  # masked in the list
    assert list(listed.value[nl("Client")]) == ["••••••043"]


@pytest.mark.parametrize("role", [Role.AGENCY, Role.ADMIN])
def test_no_one_else_opens_the_conversions(role: Role, office: object) -> None:
    app = page_as(role, f"user.{role.value}")

    assert [e.value for e in app.error] == [nl("You do not have access to this page.")]
    assert not app.dataframe


def test_a_wijzer_converts_the_three_indications_into_one_traject(office: object) -> None:
    app = page_as(Role.WIJZER, "w.worker")
    app.selectbox(key="conversion_client").select(DEMO_CONVERSION_BSN).run()
    assert any(t.value == nl("BSN: %(bsn)s", bsn=DEMO_CONVERSION_BSN) for t in app.text)

    app.text_area(key="conversion_step_goals").input("Structuur in de week\nZelf boodschappen doen").run()
    app.radio(key="conversion_step_segment").set_value("2b").run()
    app.radio(key="conversion_step_route").set_value("involved_contracted").run()
    app.selectbox(key="conversion_step_provider").select(DEMO_COALITION).run()
    app.button(key="conversion_confirm").click().run()

    assert not app.exception
    assert next(s.value for s in app.success).startswith("De omzetting is opgeslagen.")
    assert services().messages.count(office, TO_SEND) == 2  # the new traject, and the other provider's ending
    assert not app.dataframe or nl("Indications") not in app.dataframe[0].value.columns


def test_a_refused_plan_names_its_rules_and_keeps_what_was_typed(office: object) -> None:
    app = page_as(Role.WIJZER, "w.worker")
    app.selectbox(key="conversion_client").select(DEMO_CONVERSION_BSN).run()
    app.text_area(key="conversion_step_goals").input("Structuur in de week").run()

    app.radio(key="conversion_step_form").set_value("pgb").run()

    assert not app.exception
    warnings = [w.value for w in app.warning]
    errors = [e.value for e in app.error]
    assert nl("The plan does not follow the instruction yet:") in warnings
    assert any(e.startswith("CONV-PGB-RARE: ") for e in errors)
    assert app.text_area(key="conversion_step_goals").value == "Structuur in de week"
    assert not [b for b in app.button if b.key == "conversion_confirm"]
    assert services().messages.count(office, TO_SEND) == 0
