"""The case page of a youth case along route T, in Dutch and in English: the request's check with
the youth-care rule ids, the Jeugdwet's terms (8 weeks for the beschikking, no investigation
term), the iJw products of the catalogue to choose from, and the provision named youth care."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from streamlit.testing.v1 import AppTest

from smi_core.access import Role
from smi_core.case.route import Provision
from smi_core.wmo.melding import LifeArea
from smi_web.auth import ACCOUNT_KEY, SIGNED_IN_AT_KEY
from smi_web.services import services
from tests import wmo_factories as make
from tests.app.conftest import new_app

pytestmark = pytest.mark.db


def _signed_in(locale: str) -> AppTest:
    svc = services()
    moment = datetime.now(UTC)
    svc.accounts.create_account("consulent", "Test consulent", Role.WIJZER, "een-lang-wachtwoord", moment)
    app = new_app()
    app.session_state[ACCOUNT_KEY] = svc.accounts.session_account("consulent", moment)
    app.session_state[SIGNED_IN_AT_KEY] = moment
    app.session_state["locale"] = locale
    app.run()
    return app


def _youth_case(planned: bool, chosen: bool = False) -> str:
    """A parent's request for a child of 10, up to its plan when ``planned``, and to its iJw
    product when ``chosen``."""
    now = datetime.now(UTC)
    wmo = services().wmo
    child = make.melding(
        name="Sam de Boer",
        asked_by="M. de Boer",
        asked_by_relation="moeder",
        date_of_birth=date(now.year - 10, 1, 1),
        needs={LifeArea.BEHAVIOUR: "Sam is vaak boos. **vet**"},
        school="De Regenboog",
    )
    reference = wmo.submit_melding(child, [], "nl", now, provision=Provision.JEUGD).reference
    if planned:
        worker = services().accounts.session_account("consulent", now)
        version = wmo.take(reference, worker, now)
        version = wmo.start_investigation(reference, worker, version, make.client(), now)
        report = make.report(held_on=now.date(), account_sent_on=now.date())
        version = wmo.report_investigation(reference, worker, version, report, now)
        version = wmo.save_plan(reference, worker, version, make.plan(), now)
        if chosen:
            choice = make.choice(
                provider="99990001", requested_on=now.date(), product_code="45A01", category="45"
            )
            wmo.choose_provision(reference, worker, version, choice, now)
    return reference


def _open_case(app: AppTest, reference: str) -> AppTest:
    app.switch_page("pages/staff/case.py").run()
    app.text_input(key="case_reference").input(reference).run()
    assert not app.exception, app.exception
    return app


def _tables(app: AppTest) -> str:
    return " ".join(t.value.to_csv() for t in app.table)


@pytest.mark.parametrize(("locale", "provision"), [("nl", "Jeugdhulp"), ("en", "Youth care")])
def test_a_youth_case_shows_its_check_by_the_youth_care_rules(
    app_environment: str, locale: str, provision: str
) -> None:
    app = _signed_in(locale)
    reference = _youth_case(planned=False)

    app = _open_case(app, reference)

    assert reference.startswith("JEUGD-")
    tables = _tables(app)
    for rule in ("JGD-RES", "JGD-AGE", "JGD-NEED"):
        assert rule in tables
    assert str(app.table[0].value.iloc[0, 0]) == provision
    shown = " ".join(str(m.value) for m in app.markdown)
    assert "De Regenboog" in shown and "\\*\\*vet\\*\\*" in _tables(app) + shown


@pytest.mark.parametrize("locale", ["nl", "en"])
def test_a_planned_youth_case_offers_only_the_ijw_products(app_environment: str, locale: str) -> None:
    app = _signed_in(locale)
    reference = _youth_case(planned=True)

    app = _open_case(app, reference)

    options = app.selectbox(key=f"case_wmo_provision_{reference}_product_code").options
    assert options and all(option.startswith(("45", "54")) for option in options)
    assert "TOE-ONDERZOEK-TERM" not in _tables(app)  # the Jeugdwet has no investigation term


@pytest.mark.parametrize(
    ("locale", "label"),
    [
        ("nl", "8 weken na de aanvraag, Jeugdwet"),
        ("en", "8 weeks after the aanvraag, Jeugdwet"),
    ],
)
def test_a_youth_case_with_its_product_chosen_shows_the_jeugdwets_eight_weeks(
    app_environment: str, locale: str, label: str
) -> None:
    app = _signed_in(locale)
    reference = _youth_case(planned=True, chosen=True)

    app = _open_case(app, reference)

    assert label in _tables(app)
