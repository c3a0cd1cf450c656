"""A resident asks for Wmo support through the front door on a phone-sized, touch screen: every
step, the check rule by rule, sending, the receipt, and the status page; each state scanned by axe."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.e2e.conftest import RunningApp
from tests.e2e.streamlit_page import choose, fill, fill_date, heading, press, tick, wait_for_app
from tests.e2e.test_accessibility import Scans

pytestmark = [pytest.mark.e2e, pytest.mark.db]


@pytest.fixture
def phone(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(
        viewport={"width": 390, "height": 844},
        is_mobile=True,
        has_touch=True,
        locale="nl-NL",
        accept_downloads=True,
    )
    page = context.new_page()
    page.set_default_timeout(30_000)
    yield page
    context.close()


def test_a_resident_asks_for_wmo_support_on_a_phone(running_app: RunningApp, phone: Page) -> None:
    page, scan = phone, Scans(phone)
    page.goto(f"{running_app.url}/")
    wait_for_app(page)
    heading(page, "Waarmee kunnen we u helpen?")
    adult = "Hulp voor mijzelf of een andere volwassene, bijvoorbeeld thuis, met begeleiding of dagbesteding"
    tick(page, adult)
    scan("front door, support for an adult")
    press(page, "Begin de aanvraag voor hulp")

    heading(page, "Start")
    scan("wmo start")
    press(page, "Aanvraag starten")

    heading(page, "Over u")
    press(page, "Verder")
    expect(page.get_by_text("Kijk deze antwoorden nog eens na:")).to_be_visible()
    scan("about you, with errors", field_errors=True)
    choose(page, "Wie heeft hulp nodig?", "Ikzelf")
    fill(page, "Naam", "T. de Vries")
    fill_date(page, "Geboortedatum", "04-03-1950")
    fill(page, "Postcode", "3341 ab")
    choose(page, "Staat deze persoon ingeschreven in Hendrik-Ido-Ambacht?", "Ja")
    fill(page, "Telefoonnummer", "06 12345678")
    choose(page, "Met wie woont deze persoon?", "Alleen")
    press(page, "Verder")

    heading(page, "Waarmee u hulp nodig heeft")
    code = page.locator("[data-testid='stCode']").first.inner_text().strip()
    assert re.fullmatch(r"[A-Z0-9]{4}(-[A-Z0-9]{4}){3}", code)
    press(page, "Ik heb de code opgeschreven")
    page.get_by_label("Het huishouden: schoonmaken, de was, boodschappen, koken", exact=True).fill(
        "Ik kan niet meer stofzuigen <b>of</b> boodschappen doen."
    )
    scan("need")
    press(page, "Verder")

    heading(page, "Wat u en anderen kunnen doen")
    choose(page, "Kunnen u, de mensen om u heen en deze andere hulp het samen oplossen?", "Nee")
    scan("own possibilities")
    press(page, "Verder")

    heading(page, "Uw eigen plan en gratis ondersteuning")
    choose(page, "Wilt u een eigen plan maken?", "Nee")
    choose(page, "Wilt u een gratis cliëntondersteuner?", "Ja")
    press(page, "Verder")

    heading(page, "Toestemming")
    for n in range(3):
        page.get_by_role("radiogroup").nth(n).get_by_text("Ja", exact=True).click()
        wait_for_app(page)
    scan("consent")
    press(page, "Verder")

    heading(page, "Controleren en versturen")
    expect(page.get_by_text("Hulp vanuit de Wmo is waarschijnlijk mogelijk", exact=False)).to_be_visible()
    for rule in ("WMO-RES", "WMO-AGE", "WMO-NEED"):
        expect(page.get_by_text(rule)).to_be_visible()
    expect(page.get_by_text("<b>of</b>", exact=False)).to_be_visible()  # typed text stays text
    scan("check and send")
    press(page, "Aanvraag versturen")

    heading(page, "Verzonden")
    reference = page.locator("[data-testid='stCode']").first.inner_text().strip()
    assert re.fullmatch(r"WMO-\d{4}-\d{6}", reference)
    with page.expect_download() as download:
        page.get_by_role("button", name="Download uw ontvangstbewijs (PDF)").click()
    assert download.value.suggested_filename == f"{reference}.pdf"
    scan("sent")

    page.get_by_role("link", name="Bekijk de status van uw aanvraag").click()
    heading(page, "Status van uw aanvraag")
    fill(page, "Kenmerk", reference)
    fill(page, "Herstelcode", code)
    press(page, "Bekijken")
    expect(page.get_by_text("Status: Ontvangen")).to_be_visible()
    expect(page.get_by_role("button", name="Deze toestemming intrekken")).to_have_count(3)
    scan("status of the melding")
    scan.assert_clean()
