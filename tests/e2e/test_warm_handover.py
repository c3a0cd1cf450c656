"""An agency signs in and hands a family over; the parents complete the intake with the code;
the case holds both parts, and the agency sees its handover without the assessment."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from playwright.sync_api import Browser, Page, expect

from smi_core import default_municipality
from smi_core.access import Role
from smi_intake.crypto import Cipher
from smi_intake.db.engine import make_engine
from smi_intake.db.uow import uow_factory
from smi_intake.services.accounts import AccountService
from smi_intake.services.handover import HandoverService
from tests.e2e.conftest import RunningApp
from tests.e2e.flows import (
    children_step,
    network_money_and_consent_steps,
    resume,
    review_and_send,
    situation_step,
)
from tests.e2e.streamlit_page import choose, fill, fill_date, heading, open_page, press

pytestmark = [pytest.mark.e2e, pytest.mark.db]

PASSWORD = "een-lang-wachtwoord"


def test_an_agency_hands_over_and_the_parents_complete_the_request(
    running_app: RunningApp, browser: Browser, page: Page
) -> None:
    engine = make_engine(running_app.database_url)
    uows = uow_factory(engine, Cipher(running_app.encryption_key))
    AccountService(uows, bcrypt_rounds=4).create_account(
        "dokter",
        "Dokter De Linde",
        Role.AGENCY,
        PASSWORD,
        datetime.now(UTC),
        organisation="Praktijk De Linde",
    )

    page.goto(f"{running_app.url}/inloggen")
    heading(page, "Inloggen voor medewerkers en instanties")
    fill(page, "Gebruikersnaam", "Dokter")
    fill(page, "Wachtwoord", PASSWORD)
    press(page, "Inloggen")
    page.wait_for_function("document.cookie.includes('smi_session=')")  # signed in on this device
    open_page(page, "Gezin overdragen", "Gezin overdragen")
    fill(page, "Naam", "B. Visser")
    fill(page, "Telefoonnummer", "06 11112222")
    fill(page, "Postcode", "3342 CD")
    fill(page, "Voornaam", "Mila")
    fill_date(page, "Geboortedatum", "15-06-2022")
    fill(page, "De hulpvraag in een paar zinnen", "Vader is opgenomen; moeder kan de zorg niet alleen aan.")
    choose(page, "Urgentie", "Urgent")
    fill(page, "Waarom is het urgent?", "Opname vanaf volgende week.")
    fill_date(page, "Wanneer gingen de ouders akkoord?", datetime.now(UTC).strftime("%d-%m-%Y"))
    choose(page, "Hoe gingen de ouders akkoord?", "persoonlijk")
    fill(page, "Uw telefoonnummer", "078 1234567")
    press(page, "Overdracht versturen")
    expect(page.get_by_text("De overdracht is ontvangen.", exact=False)).to_be_visible()
    code = page.get_by_test_id("stCode").first.inner_text().strip()
    agency = page

    parents_context = browser.new_context(viewport={"width": 1100, "height": 1400}, locale="nl-NL")
    parents = parents_context.new_page()
    parents.set_default_timeout(30_000)
    resume(parents, running_app.url, code, "3342CD")
    heading(parents, "Uw gezin")
    expect(parents.get_by_label("Naam", exact=True)).to_have_value("B. Visser")
    choose(parents, "Wat doet deze ouder of verzorger overdag?", "werkt")
    choose(parents, "Staan uw kinderen ingeschreven in Hendrik-Ido-Ambacht?", "Ja")
    press(parents, "Verder")
    expect(parents.get_by_label("Voornaam", exact=True)).to_have_value("Mila")
    children_step(parents, first_name=None, born=None)
    situation_step(parents)
    network_money_and_consent_steps(parents)
    reference = review_and_send(parents)
    parents_context.close()

    open_page(agency, "Onze overdrachten", "Overdrachten van mijn organisatie")
    expect(agency.get_by_text(reference)).to_be_visible()

    agency.reload()  # the sign-in cookie keeps the professional signed in
    expect(agency.get_by_role("link", name="Onze overdrachten")).to_be_visible(timeout=30_000)
    open_page(agency, "Mijn account", "Mijn account")
    press(agency, "Overal uitloggen")
    agency.reload()
    expect(agency.get_by_role("link", name="Inloggen voor medewerkers")).to_be_visible(timeout=30_000)
    expect(agency.get_by_role("link", name="Onze overdrachten")).to_have_count(0)

    content = HandoverService(uows, default_municipality()).case_content(reference)
    engine.dispose()
    assert content["handover"]["organisation"] == "Praktijk De Linde"
    assert content["handover"]["urgent"] is True
    assert content["answers"]["children"][0]["first_name"] == "Mila"
    assert content["answers"]["network"]["analysis_done"] is True
    assert content["check"]["outcome"] == "eligible"
