"""A WIJzer worker signs in, opens a new case from the queue and brings it, in the browser, to a
recorded team decision and the indication form as a PDF."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from playwright.sync_api import Page, expect

from smi_core import default_municipality
from smi_core.access import Role
from smi_core.cases import SMI_CONSENTS
from smi_intake.crypto import Cipher
from smi_intake.db.engine import make_engine
from smi_intake.db.uow import uow_factory
from smi_intake.services.accounts import AccountService
from smi_intake.services.intake import IntakeService, consent_record
from tests.e2e.conftest import RunningApp
from tests.e2e.streamlit_page import choose, fill, fill_date, heading, open_page, press, wait_for_app
from tests.factories import example_intake_data

pytestmark = [pytest.mark.e2e, pytest.mark.db]

PASSWORD = "een-lang-wachtwoord"


def _new_case(app: RunningApp) -> str:
    """A request sent by parents, as the intake stores it, and a WIJzer worker's account."""
    engine = make_engine(app.database_url)
    uows = uow_factory(engine, Cipher(app.encryption_key))
    moment = datetime.now(UTC)
    AccountService(uows, bcrypt_rounds=4).create_account(
        "w.devries", "W. de Vries", Role.WIJZER, PASSWORD, moment
    )
    intake = IntakeService(uows, default_municipality())
    consents = {kind.value: consent_record(kind, True, "nl", "WIJzer", moment) for kind in SMI_CONSENTS}
    draft = intake.save_draft(None, "controleren", example_intake_data(), consents, "nl", moment)
    reference = intake.submit(draft.draft_id, moment).reference
    engine.dispose()
    return reference


def _status(page: Page) -> str:
    return page.get_by_test_id("stTable").first.locator("tbody td").first.inner_text()


def test_a_worker_brings_a_new_case_to_a_team_decision_and_the_form_as_pdf(
    running_app: RunningApp, page: Page
) -> None:
    reference = _new_case(running_app)

    page.goto(f"{running_app.url}/inloggen")
    heading(page, "Inloggen voor medewerkers en instanties")
    fill(page, "Gebruikersnaam", "w.devries")
    fill(page, "Wachtwoord", PASSWORD)
    press(page, "Inloggen")
    open_page(page, "Wachtrij aanvragen", "Wachtrij aanvragen")
    expect(page.get_by_text(reference).first).to_be_visible()
    press(page, "Casus openen")
    heading(page, reference)

    press(page, "Casus oppakken")
    expect(page.get_by_text("U bent nu regiehouder.")).to_be_visible()
    fill_date(page, "Datum", "02-12-2026")
    press(page, "Afspraak opslaan")
    expect(page.get_by_text("Het keukentafelgesprek is gepland.")).to_be_visible()

    fill(page, "(a) De concrete hulpvraag", "Opvang voor Sam, 4 dagdelen per week.")
    fill(page, "(b) De medische en/of sociale situatie", "Moeder herstelt van een operatie.")
    fill(page, "(c) Wat helpt of belemmert in het gezin en het netwerk", "Opa en oma wonen ver weg.")
    fill(page, "(d) Alternatieven in de beschikbare (collectieve) voorzieningen", "Geen passend alternatief.")
    choose(page, "Is SMI de meest passende voorziening?", "Ja")
    fill(page, "Waarom (niet)?", "Tijdelijke opvang geeft het gezin rust om te herstellen.")
    press(page, "Gesprek opslaan")
    expect(page.get_by_text("Het gesprek is vastgelegd.")).to_be_visible()

    press(page, "Opslaan als nieuwe versie")
    expect(page.get_by_text("Het indicatieformulier is opgeslagen als versie 1.")).to_be_visible()
    press(page, "Inbrengen in het 0-100 overleg")

    choose(page, "Teambesluit", "Toegekend")
    fill(page, "Redenen", "Het netwerk kan de zorg niet overnemen; de opvang is medisch nodig.")
    fill_date(page, "Datum van het overleg", "09-12-2026")
    roles = page.get_by_test_id("stMultiSelect").filter(has_text="Aanwezige rollen")
    for role in ("indicatiesteller (regiehouder)", "coördinator SMI"):
        roles.locator("input").click()
        page.get_by_role("option", name=role, exact=True).click()
        wait_for_app(page)
    page.keyboard.press("Escape")
    press(page, "Besluit opslaan")

    expect(page.get_by_text("Het teambesluit is vastgelegd.")).to_be_visible()
    expect(page.get_by_text("Toegekend", exact=True).first).to_be_visible()
    press(page, "PDF maken")
    with page.expect_download() as download_info:
        page.get_by_role("button", name="PDF downloaden").click()
    pdf = download_info.value
    assert pdf.suggested_filename == f"indicatieformulier-{reference}-v1.pdf"
    with open(pdf.path(), "rb") as fh:
        assert fh.read(5) == b"%PDF-"
