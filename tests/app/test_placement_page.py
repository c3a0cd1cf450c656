"""The case page's placement phase in AppTest: a granted case is placed through the page, a missing
consent is named and blocks the sharing, and the parents withdraw a consent on their status page."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from sqlalchemy import select
from streamlit.testing.v1 import AppTest

from smi_core.access import Role
from smi_core.cases import ConsentKind
from smi_intake.db.engine import make_engine
from smi_intake.db.models import IndicationRow, ProviderLocationRow, ProviderRow
from smi_intake.db.uow import uow_factory
from smi_intake.services.accounts import Account
from smi_intake.settings import get_settings, make_cipher
from smi_web.auth import ACCOUNT_KEY, SIGNED_IN_AT_KEY
from smi_web.services import services
from tests import casework_factories as records
from tests.app.conftest import new_app
from tests.app.intake_helpers import sent_case

pytestmark = pytest.mark.db


def _worker(username: str = "medewerker") -> tuple[Account, datetime]:
    moment = datetime.now(UTC)
    account = services().accounts.create_account(
        username, f"Test {username}", Role.WIJZER, "een-lang-wachtwoord", moment
    )
    return account, moment


def _signed_in(account: Account, moment: datetime) -> AppTest:
    app = new_app()
    app.session_state[ACCOUNT_KEY] = services().accounts.session_account(account.username, moment)
    app.session_state[SIGNED_IN_AT_KEY] = moment
    app.run()
    return app


def _location(database_url: str) -> int:
    services()  # migrates the database
    engine = make_engine(database_url)
    with uow_factory(engine, make_cipher(get_settings()))() as uow:
        provider = ProviderRow(name="Kinderopvang De Voorbeeldtuin", updated_at=datetime.now(UTC))
        uow.session.add(provider)
        uow.session.flush()
        location = ProviderLocationRow(
            provider_id=provider.id, name="Locatie Molen", lrk_number="123456789", care_types="kdv,bso"
        )
        uow.session.add(location)
        uow.session.commit()
        location_id = location.id
    engine.dispose()
    return location_id


def _granted(account: Account) -> tuple[str, str]:
    """A sent case taken by ``account`` and granted through the services."""
    reference, code = sent_case()
    svc = services()
    moment = datetime.now(UTC)
    svc.queue.claim(reference, account, moment)
    version = svc.cases.view(reference, account, moment).version
    version = svc.casework.plan_conversation(reference, account, version, records.plan(), moment)
    version = svc.casework.record_conversation(reference, account, version, records.conversation(), moment)
    version = svc.casework.to_team_meeting(reference, account, version, moment)
    svc.casework.record_decision(reference, account, version, records.decision(), moment)
    return reference, code


def _open(app: AppTest, reference: str) -> AppTest:
    app.switch_page("pages/staff/case.py").run()
    app.text_input(key="case_reference").input(reference).run()
    assert not app.exception, app.exception
    return app


def _messages(app: AppTest) -> str:
    return " ".join(e.value for e in [*app.success, *app.error, *app.info, *app.warning])


def _submit(app: AppTest, key: str) -> AppTest:
    app.button(key=key).click().run()
    assert not app.exception, app.exception
    return app


def test_a_granted_case_is_placed_through_the_page(app_environment: str) -> None:
    location = _location(app_environment)
    account, moment = _worker()
    reference, _code = _granted(account)
    app = _open(_signed_in(account, moment), reference)

    ask = f"case_ask_{reference}"
    app.selectbox(key=f"{ask}_location").set_value(location)
    _submit(app, f"{ask}_submit")
    assert "De vraag om een plek is vastgelegd." in _messages(app)

    answer = f"case_answer_{reference}"
    app.radio(key=f"{answer}_answer").set_value("place_available")
    _submit(app, f"{answer}_submit")
    assert "Het antwoord van de kinderopvang is vastgelegd." in _messages(app)
    _submit(app, f"case_registered_{reference}")
    assert "De aanmelding is vastgelegd." in _messages(app)

    plan = f"case_support_{reference}_0"
    app.text_area(key=f"{plan}_goals").input("Moeder herstelt; daarna weer zelf zorgen")
    _submit(app, f"{plan}_submit")
    assert "opgeslagen als versie 1" in _messages(app)

    for signer, name in (("parent", "A. Jansen"), ("worker", "Test medewerker")):
        sign = f"case_sign_{reference}_1"
        app.radio(key=f"{sign}_signer").set_value(signer)
        app.text_input(key=f"{sign}_name").input(name)
        app.date_input(key=f"{sign}_signed_on").set_value(date(2026, 12, 1))
        _submit(app, f"{sign}_submit")
        assert "De handtekening is vastgelegd." in _messages(app)
    _submit(app, "case_share_municipality")
    assert "Gedeeld: gegevens delen met de gemeente." in _messages(app)

    place = f"case_place_{reference}"
    app.date_input(key=f"{place}_start").set_value(date(2027, 1, 4))
    app.selectbox(key=f"{place}_care_type").set_value("kdv")
    app.number_input(key=f"{place}_child_0").set_value(4)
    _submit(app, f"{place}_submit")
    assert "De plaatsing is vastgelegd." in _messages(app), _messages(app)

    engine = make_engine(app_environment)
    with engine.connect() as connection:
        stored = connection.execute(select(IndicationRow.start, IndicationRow.last_day)).one()
    engine.dispose()
    assert tuple(stored) == (date(2027, 1, 4), date(2027, 7, 3))
    texts = " ".join(str(t.value) for t in app.table)
    assert "03-07-2027" in texts  # the last day, in the indication overview


def test_a_withdrawn_consent_is_named_and_blocks_the_request_for_a_place(app_environment: str) -> None:
    location = _location(app_environment)
    account, moment = _worker()
    reference, code = _granted(account)

    parents = new_app()
    parents.run()
    parents.switch_page("pages/status.py").run()
    parents.text_input(key="status_reference").input(reference)
    parents.text_input(key="status_code").input(code)
    parents.button[0].click().run()
    assert not parents.exception, parents.exception
    assert "Uw eigen bijdrage" in [h.value for h in parents.subheader]  # shown once granted
    _submit(parents, f"status_withdraw_{ConsentKind.PROVIDER_CONTACT.value}")
    assert "U heeft uw toestemming ingetrokken." in " ".join(s.value for s in parents.success)
    assert not [b for b in parents.button if b.key == f"status_withdraw_{ConsentKind.PROVIDER_CONTACT.value}"]
    shown = " ".join(str(m.value) for m in parents.markdown).replace("\\", "")
    assert "Status: ingetrokken" in shown

    app = _open(_signed_in(account, moment), reference)
    ask = f"case_ask_{reference}"
    app.selectbox(key=f"{ask}_location").set_value(location)
    _submit(app, f"{ask}_submit")
    assert (
        "De ouders hebben de toestemming om contact op te nemen met de kinderopvang ingetrokken. "
        "Er is niets gedeeld."
    ) in _messages(app)


def _placed(account: Account, location: int) -> str:
    """A granted case placed through the services, from 4 January 2027."""
    from smi_core.placement import (
        IndicatedChild,
        Indication,
        ProviderAnswer,
        Sharing,
        Signature,
        Signer,
        SupportPlan,
    )

    reference, _code = _granted(account)
    svc = services()
    moment = datetime.now(UTC)
    cw = svc.placement
    v = svc.cases.view(reference, account, moment).version
    v = cw.ask_provider(reference, account, v, location, moment)
    v = cw.provider_answer(reference, account, v, location, ProviderAnswer.PLACE_AVAILABLE, "", moment)
    v = cw.parents_registered(reference, account, v, location, moment)
    v = cw.save_plan(reference, account, v, SupportPlan(goals="Herstel van moeder"), moment)
    for signer in Signer:
        v = cw.sign_plan(
            reference, account, v, Signature(signer=signer, name="X", signed_on=date(2026, 12, 1)), moment
        )
    v = cw.share(reference, account, v, Sharing.MUNICIPALITY, moment)
    child = IndicatedChild(name="Sam", date_of_birth=date(2023, 4, 2), dagdelen_per_week=4)
    indication = Indication(
        start=date(2027, 1, 4), period_months=6, care_type="kdv", location_id=location, children=[child]
    )
    cw.record_placement(reference, account, v, indication, moment)
    return reference


def test_the_indication_is_extended_twice_with_an_anonymised_summary_and_ended(app_environment: str) -> None:
    location = _location(app_environment)
    account, moment = _worker()
    reference = _placed(account, location)
    app = _open(_signed_in(account, moment), reference)

    review = f"case_review_{reference}_0"
    app.date_input(key=f"{review}_held_on").set_value(date(2027, 4, 5))
    app.text_area(key=f"{review}_summary").input("Het gaat goed met Sam")
    _submit(app, f"{review}_submit")
    assert "Het evaluatiecontact is vastgelegd." in _messages(app)

    for number in (0, 1):
        key = f"case_extend_{reference}_{number}"
        app.radio(key=f"{key}_family_cooperated").set_value(True).run()
        app.text_area(key=f"{key}_why_no_improvement").input("Sam en moeder hebben meer tijd nodig").run()
        app.radio(key=f"{key}_can_reduce_dagdelen").set_value(False).run()
        summary = " ".join(str(m.value) for m in app.markdown).replace("\\", "")
        assert "Geanonimiseerde samenvatting voor het overleg" in summary
        assert "[...] en moeder hebben meer tijd nodig" in summary
        assert "Sam en moeder" not in summary
        app.date_input(key=f"{key}_held_on").set_value(date(2027, 6, 20))
        app.multiselect(key=f"{key}_present").set_value(
            ["indication_officer", "team_coordinator", "policy_officer"]
        )
        _submit(app, f"{key}_submit")
        assert "De indicatie is verlengd." in _messages(app), _messages(app)

    engine = make_engine(app_environment)
    with engine.connect() as connection:
        stored = connection.execute(select(IndicationRow.extensions, IndicationRow.last_day)).one()
    engine.dispose()
    assert tuple(stored) == (2, date(2028, 1, 3))

    end = f"case_end_{reference}"
    app.date_input(key=f"{end}_last_day").set_value(date(2027, 12, 31))
    app.text_area(key=f"{end}_reason").input("Moeder is hersteld")
    _submit(app, f"{end}_submit")
    assert "De indicatie is beëindigd." in _messages(app)
    assert str(app.table[0].value.iloc[0, 0]) == "Beëindigd"
