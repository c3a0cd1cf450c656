"""The certified institution's page and the provider's view of a bepaling: the jeugdbeschermer
records a bepaling with its registration form and sees only its own institution's children; a
provider that cannot deliver in time is marked at once and the GI names another provider, who then
sees the bepaling and can fill in its 315 from it (the GI as referrer, type 04)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from smi_core.access import Role
from smi_core.cases import CaseStatus
from smi_core.istandaarden.codes import CategorieJw, Domain, TypeVerwijzer
from smi_web.auth import ACCOUNT_KEY, SIGNED_IN_AT_KEY
from smi_web.services import services
from tests import gi_factories as make
from tests.app.conftest import APP

pytestmark = pytest.mark.db

STAFF = Path(APP).parent / "pages" / "staff"
PASSWORD = "een-lang-wachtwoord"
NEW = "bepalingen_new"


def _page(path: Path, username: str, role: Role, organisation: str) -> AppTest:
    svc, now = services(), datetime.now(UTC)
    svc.accounts.create_account(username, username, role, PASSWORD, now, organisation=organisation)
    app = AppTest.from_file(str(path), default_timeout=30)
    app.session_state[ACCOUNT_KEY] = svc.accounts.session_account(username, now)
    app.session_state[SIGNED_IN_AT_KEY] = now
    return app.run()


def gi_page(organisation: str = make.GI) -> AppTest:
    return _page(STAFF / "bepalingen.py", "j.bakker", Role.JEUGDBESCHERMER, organisation)


def provider_page(agb: str) -> AppTest:
    return _page(STAFF / "assignments.py", f"zorg-{agb}", Role.PROVIDER, agb)


def _record(provider: str = make.FIRST_PROVIDER, organisation: str = make.GI, **changes: object) -> str:
    gi = make.account(f"gi-{len(organisation)}", Role.JEUGDBESCHERMER, organisation)
    today = date.today()
    bepaling = make.bepaling(
        provider,
        organisation,
        decided_on=today,
        start=today + timedelta(days=7),
        end=today + timedelta(days=180),
    )
    return services().gi.record(gi, bepaling.model_copy(update=changes), datetime.now(UTC))


def _texts(app: AppTest) -> str:
    return " ".join(
        [t.value.to_csv() for t in app.table]
        + [m.value for m in app.markdown]
        + [w.value for w in app.warning]
    )


def test_the_jeugdbeschermer_records_a_bepaling_with_its_registration_form() -> None:
    app = gi_page()
    assert not app.exception
    start = date.today() + timedelta(days=7)

    app.selectbox(key=f"{NEW}_provider").set_value(make.FIRST_PROVIDER)
    app.text_input(key=f"{NEW}_bsn").input(make.BSN)
    app.date_input(key=f"{NEW}_born").set_value(date(2014, 5, 3))
    app.text_input(key=f"{NEW}_given_name").input("Sam")
    app.text_input(key=f"{NEW}_surname").input("Vries")
    app.number_input(key=f"{NEW}_volume").set_value(3)
    app.date_input(key=f"{NEW}_start").set_value(start)
    app.date_input(key=f"{NEW}_end").set_value(start + timedelta(days=180))
    app.text_area(key=f"{NEW}_motivation").input("Ambulante hulp thuis is nodig")
    app.text_area(key=f"{NEW}_reason").input("Ondertoezichtstelling")
    app.text_area(key=f"{NEW}_goals").input("Sam gaat weer naar school")
    app.button(key=f"{NEW}_save").click().run()

    assert not app.exception
    assert [s.value for s in app.success] == [
        "De bepaling is vastgelegd. Ze gaat naar de aanbieder en naar de gemeente."
    ]
    cases = services().gi.bepalingen(make.JEUGDBESCHERMER, datetime.now(UTC))
    assert len(cases) == 1
    bepaling = cases[0].bepaling
    assert (bepaling.child.bsn, bepaling.product_code, bepaling.provider_agb, bepaling.gi_organisation) == (
        make.BSN,
        "45A01",
        make.FIRST_PROVIDER,
        make.GI,
    )
    assert bepaling.registration.goals == "Sam gaat weer naar school"
    assert cases[0].status is CaseStatus.DETERMINED
    assert "Sam Vries" in _texts(app)


def test_an_incomplete_bepaling_is_refused_and_nothing_is_recorded() -> None:
    app = gi_page()

    app.text_input(key=f"{NEW}_bsn").input("123")
    app.button(key=f"{NEW}_save").click().run()

    assert not app.exception
    assert app.error
    assert services().gi.bepalingen(make.JEUGDBESCHERMER, datetime.now(UTC)) == []
    assert app.text_input(key=f"{NEW}_bsn").value == "123"


def test_a_bepaling_without_its_registration_form_names_the_form_and_nothing_is_recorded() -> None:
    app = gi_page()
    start = date.today() + timedelta(days=7)

    app.selectbox(key=f"{NEW}_provider").set_value(make.FIRST_PROVIDER)
    app.text_input(key=f"{NEW}_bsn").input(make.BSN)
    app.date_input(key=f"{NEW}_born").set_value(date(2014, 5, 3))
    app.text_input(key=f"{NEW}_surname").input("Vries")
    app.number_input(key=f"{NEW}_volume").set_value(3)
    app.date_input(key=f"{NEW}_start").set_value(start)
    app.text_area(key=f"{NEW}_motivation").input("Ambulante hulp thuis is nodig")
    app.button(key=f"{NEW}_save").click().run()

    assert not app.exception
    assert [e.value for e in app.error] == ["Vul in of verbeter: Aanmeldformulier: reden en doelen"]
    assert services().gi.bepalingen(make.JEUGDBESCHERMER, datetime.now(UTC)) == []
    assert app.text_area(key=f"{NEW}_motivation").value == "Ambulante hulp thuis is nodig"


def test_the_institution_sees_only_its_own_children() -> None:
    _record(child=make.child(given_name="Noor", surname="Visser"))
    _record(
        organisation=make.OTHER_GI, child=make.child(bsn=make.OTHER_BSN, given_name="Ravi", surname="Jansen")
    )

    app = gi_page()

    assert not app.exception
    shown = _texts(app)
    assert "Noor de Visser" in shown
    assert "Ravi" not in shown and make.OTHER_BSN not in shown


def test_not_in_time_is_marked_and_the_adjusted_bepaling_goes_to_another_provider() -> None:
    reference = _record()
    services().gi.not_in_time(
        make.FIRST, reference, make.not_in_time(reported_on=date.today()), datetime.now(UTC)
    )

    app = gi_page()
    assert not app.exception
    assert any("kan niet op tijd leveren" in w.value for w in app.warning)
    key = f"bepalingen_adjust_{reference}"
    app.selectbox(key=f"{key}_provider").set_value(make.SECOND_PROVIDER)
    app.button(key=f"{key}_save").click().run()

    assert not app.exception
    assert [s.value for s in app.success] == [
        "De aangepaste bepaling is vastgelegd en gaat naar de aanbieder."
    ]
    assert not any("kan niet op tijd leveren" in w.value for w in app.warning)
    second = provider_page(make.SECOND_PROVIDER)
    assert not second.exception
    assert reference in _texts(second)
    first = provider_page(make.FIRST_PROVIDER)
    assert reference not in _texts(first)


def test_the_provider_fills_in_its_315_from_the_bepaling() -> None:
    reference = _record(make.FIRST_PROVIDER)

    app = provider_page(make.FIRST_PROVIDER)
    assert reference in _texts(app)
    app.button(key="assignments_bepaling_in_time").click().run()

    assert not app.exception
    state = app.session_state
    assert state["assignments_request_domain"] is Domain.JW
    assert state["assignments_request_bsn"] == make.BSN
    assert state["assignments_request_category_jw"] is CategorieJw("45")
    assert state["assignments_request_code"] == "45A01"
    assert state["assignments_request_referrer"] is TypeVerwijzer.GECERTIFICEERDE_INSTELLING
    assert state["assignments_request_referrer_agb"] == make.GI_AGB
    assert app.text_input(key="assignments_request_bsn").value == make.BSN
    assert any("ingevuld uit de bepaling" in s.value for s in app.success)


def test_the_provider_says_it_cannot_deliver_in_time_and_the_gi_sees_it() -> None:
    reference = _record(make.FIRST_PROVIDER)

    app = provider_page(make.FIRST_PROVIDER)
    app.text_area(key="assignments_bepaling_note").input("Wachtlijst van acht weken")
    app.button(key="assignments_bepaling_not_in_time").click().run()

    assert not app.exception
    assert [s.value for s in app.success] == [
        "De gecertificeerde instelling weet nu dat u niet op tijd kunt leveren."
    ]
    seen = services().gi.case(make.JEUGDBESCHERMER, reference, datetime.now(UTC))
    assert seen.pending_not_in_time is not None
    assert seen.pending_not_in_time.note == "Wachtlijst van acht weken"
    assert "Wachtlijst van acht weken" in _texts(gi_page())


def test_the_bepaling_is_in_the_queue_of_the_municipal_worker() -> None:
    reference = _record()

    app = _page(STAFF / "queue.py", "w.jansen", Role.WIJZER, "")

    assert not app.exception
    shown = _texts(app)
    assert reference in shown
    assert "via een gecertificeerde instelling" in shown


def test_the_municipal_worker_reads_the_bepaling_on_the_case_page() -> None:
    reference = _record(child=make.child(given_name="Noor", surname="Visser"))

    app = _page(STAFF / "case.py", "w.jansen", Role.WIJZER, "")
    app.text_input(key="case_reference").input(reference).run()

    assert not app.exception
    shown = _texts(app)
    assert "Noor de Visser" in shown
    assert "Ondertoezichtstelling" in shown


def test_the_adjust_form_is_filled_again_when_streamlit_forgot_its_values() -> None:
    reference = _record()
    key = f"bepalingen_adjust_{reference}"
    svc, now = services(), datetime.now(UTC)
    svc.accounts.create_account(
        "j.bakker", "j.bakker", Role.JEUGDBESCHERMER, PASSWORD, now, organisation=make.GI
    )
    app = AppTest.from_file(str(STAFF / "bepalingen.py"), default_timeout=30)
    app.session_state[ACCOUNT_KEY] = svc.accounts.session_account("j.bakker", now)
    app.session_state[SIGNED_IN_AT_KEY] = now
    # the form was filled once, and a run that did not draw it (one cut short by the next, as on
    # a page opened afresh) made Streamlit forget the values: only the mark of the filling is left
    app.session_state[f"{key}_filled"] = True

    app.run()

    assert not app.exception
    bepaling = make.bepaling()
    assert app.text_area(key=f"{key}_reason").value == bepaling.registration.reason
    assert app.text_area(key=f"{key}_motivation").value == bepaling.motivation
    assert app.session_state[f"{key}_filled"]
