"""An access worker carries a resident's Wmo melding, in the browser, from the queue through the
investigation, the support plan, the provision and the beschikking to the beschikking letter as a
PDF; then the back office queues the toewijzing (301) on the Berichten page and sees it in the
outbox."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from smi_core import default_municipality
from smi_core.access import Role
from smi_core.istandaarden.kinds import Domain
from smi_intake.crypto import Cipher
from smi_intake.db.engine import make_engine
from smi_intake.db.uow import uow_factory
from smi_intake.services.accounts import AccountService
from smi_intake.services.messages import MessageService
from smi_intake.services.wmo_cases import WmoCaseService
from tests import wmo_factories as make
from tests.e2e.conftest import RunningApp
from tests.e2e.streamlit_page import fill, heading, open_page, press, sign_in
from tests.e2e.test_accessibility import Scans
from tests.pdf_text import pdf_text

pytestmark = [pytest.mark.e2e, pytest.mark.db]

PASSWORD = "een-lang-wachtwoord"


def _melding_in_the_queue(app: RunningApp) -> str:
    """A resident's melding, sent as the front door sends it, and the two staff accounts."""
    engine = make_engine(app.database_url)
    uows = uow_factory(engine, Cipher(app.encryption_key))
    moment = datetime.now(UTC)
    accounts = AccountService(uows, bcrypt_rounds=4)
    accounts.create_account("a.toegang", "A. Toegang", Role.WIJZER, PASSWORD, moment)
    accounts.create_account("b.office", "Back office", Role.GEMEENTE, PASSWORD, moment)
    municipality = default_municipality()
    wmo = WmoCaseService(
        uows, municipality, make.catalogue(), MessageService(uows, municipality.cbs_code, None)
    )
    reference = wmo.submit_melding(make.melding(name="Jet Vermeulen"), [], "nl", moment).reference
    engine.dispose()
    return reference


def _done(page: Page, message: str) -> None:
    expect(page.get_by_text(message)).to_be_visible()


def test_an_access_worker_carries_a_melding_to_the_beschikking_pdf_and_the_back_office_queues_the_301(
    running_app: RunningApp, page: Page, browser: Browser
) -> None:
    reference = _melding_in_the_queue(running_app)
    catalogue = make.catalogue()
    product = catalogue.products_of(Domain.WMO)[0]  # the form's first product and provider
    [provider] = catalogue.providers_for(product)

    sign_in(page, running_app.url, "a.toegang", PASSWORD)
    open_page(page, "Wachtrij aanvragen", "Wachtrij aanvragen")
    expect(page.get_by_text(reference).first).to_be_visible()
    press(page, "Casus openen")
    heading(page, reference)
    scan = Scans(page)
    scan("wmo case, new")
    press(page, "Casus oppakken")
    _done(page, "U bent nu regiehouder.")

    fill(page, "BSN", make.BSN)
    fill(page, "Achternaam", make.SURNAME)
    fill(page, "Voorletters", "J")
    press(page, "Onderzoek starten")
    _done(page, "Het onderzoek is gestart.")
    scan("wmo case, in investigation")

    fill(page, "De ondersteuningsvraag", make.NEED)
    press(page, "Onderzoek vastleggen")
    _done(page, "Het onderzoek en het verslag zijn vastgelegd.")

    fill(page, "Te bereiken resultaten (één per regel)", make.RESULT)
    press(page, "Het ondersteuningsplan opslaan")
    _done(page, "Het ondersteuningsplan is opgeslagen.")

    expect(page.get_by_text("Gecontracteerd voor dit product: Voorbeeldzorg (voorbeeld)")).to_be_visible()
    press(page, "Deze voorziening kiezen")
    _done(page, "De voorziening en de aanbieder zijn gekozen.")
    scan("wmo case, provision chosen")

    fill(page, "Motivering", make.MOTIVATION)
    press(page, "Beschikking vastleggen")
    _done(page, "De beschikking is vastgelegd.")
    expect(page.get_by_text("Uiterste datum (TOE-BESCHIKKING-TERM)")).to_be_visible()

    press(page, "Beschikking als brief maken (pdf)")
    scan("wmo case, decided, its letter made")
    with page.expect_download() as download_info:
        page.get_by_role("button", name="Beschikking downloaden (pdf)").click()
    download = download_info.value
    pdf = Path(download.path()).read_bytes()

    assert download.suggested_filename == f"beschikking-{reference}.pdf"
    assert pdf.startswith(b"%PDF")
    text = pdf_text(pdf)
    assert "U krijgt de ondersteuning die u hebt aangevraagd." in text
    assert make.MOTIVATION in text and make.RESULT in text
    assert f"J. {make.SURNAME}" in text and product.name in text and provider.name in text
    scan.assert_clean()

    office = browser.new_context(viewport={"width": 1100, "height": 1400}, locale="nl-NL")
    back = office.new_page()
    back.set_default_timeout(30_000)
    try:
        sign_in(back, running_app.url, "b.office", PASSWORD)
        open_page(back, "Berichten", "Berichten")
        press(back, "Toewijzing (301) klaarzetten")
        expect(back.get_by_text("staat klaar om te versturen")).to_be_visible()

        expect(back.get_by_text("Geen toegekende Wmo-voorziening wacht op haar toewijzing.")).to_be_visible()
        expect(back.get_by_test_id("stMetric").first).to_contain_text("1")
        row = back.get_by_test_id("stTable").locator("tbody tr").filter(has_text=provider.agb)
        expect(row).to_have_count(1)
        expect(row).to_contain_text("301")
    finally:
        office.close()
