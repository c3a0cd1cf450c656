"""A parent completes the intake in a real browser: stops, resumes on a new device, uploads,
sends, downloads the receipt, and the case is stored."""

from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from smi_core import default_municipality
from smi_intake.crypto import Cipher
from smi_intake.db.engine import make_engine
from smi_intake.db.uow import uow_factory
from smi_intake.services.intake import IntakeService
from tests.e2e.conftest import RunningApp
from tests.e2e.streamlit_page import choose, fill, fill_date, heading, press, tick, wait_for_app

pytestmark = [pytest.mark.e2e, pytest.mark.db]

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def _family_step(page: Page) -> None:
    heading(page, "Uw gezin")
    fill(page, "Naam", "A. Jansen")
    choose(page, "Wat doet deze ouder of verzorger overdag?", "werkt")
    fill(page, "Telefoonnummer", "06 12345678")
    fill(page, "Postcode", "3341 ab")
    choose(page, "Staan uw kinderen ingeschreven in Hendrik-Ido-Ambacht?", "Ja")
    press(page, "Verder")


def _children_step(page: Page) -> None:
    heading(page, "Uw kinderen")
    fill(page, "Voornaam", "Sam")
    fill_date(page, "Geboortedatum", "02-04-2023")
    choose(page, "Welke opvang heeft u nodig?", "kinderdagverblijf (KDV)")
    fill(page, "Hoeveel dagdelen per week? Een dagdeel is een ochtend of een middag.", "4")
    start = date.today() + timedelta(days=30)
    fill_date(page, "Vanaf wanneer heeft u opvang nodig?", start.strftime("%d-%m-%Y"))
    press(page, "Verder")


def test_a_parent_completes_the_intake_after_resuming_on_another_device(
    running_app: RunningApp, browser: Browser, page: Page, tmp_path: Path
) -> None:
    page.goto(f"{running_app.url}/aanvraag-start")
    heading(page, "Start")
    expect(page.get_by_text("Stap 1 van 9")).to_be_visible()
    press(page, "Aanvraag starten")

    # Validation: Continue on an empty step shows the messages and keeps the page.
    heading(page, "Uw gezin")
    press(page, "Verder")
    expect(page.get_by_text("Kijk deze antwoorden nog eens na:")).to_be_visible()
    expect(page.get_by_text("Vul een naam in.").first).to_be_visible()
    _family_step(page)

    heading(page, "Uw kinderen")
    code = page.get_by_test_id("stCode").first.inner_text().strip()
    assert re.fullmatch(r"[0-9A-Z]{4}(-[0-9A-Z]{4}){3}", code)
    press(page, "Ik heb de code opgeschreven")
    page.context.close()  # the browser is closed mid-way

    other_device = browser.new_context(
        viewport={"width": 1100, "height": 1400}, locale="nl-NL", accept_downloads=True
    )
    page = other_device.new_page()
    page.set_default_timeout(20_000)
    page.goto(f"{running_app.url}/aanvraag-start")
    heading(page, "Start")
    page.get_by_text("Verder gaan met een eerdere aanvraag").click()
    fill(page, "Herstelcode", code.lower())
    fill(page, "Postcode", "3341AB")
    press(page, "Verder gaan")

    _children_step(page)

    heading(page, "Uw hulpvraag en situatie")
    tick(page, "lichamelijke ziekte")
    fill(page, "Vertel in uw eigen woorden wat er aan de hand is", "Moeder herstelt van een operatie.")
    choose(
        page,
        "Kan een arts uw gezondheidsklachten bevestigen?",
        "Ja, ik voeg een verklaring van mijn arts toe",
    )
    statement = tmp_path / "verklaring.pdf"
    statement.write_bytes(PDF)
    page.locator("input[type=file]").set_input_files(str(statement))
    wait_for_app(page)
    expect(page.get_by_text("De verklaring is toegevoegd.")).to_be_visible()
    press(page, "Verder")

    heading(page, "Uw netwerk")
    choose(page, "Heeft u nagedacht over wie in uw omgeving kan helpen?", "Ja")
    press(page, "Persoon toevoegen")
    choose(page, "Wie is dit?", "opa of oma")
    choose(page, "Kan deze persoon de zorg overnemen?", "nee")
    fill(page, "Waarom niet, of waarom maar een deel?", "Woont in Groningen.")
    press(page, "Verder")

    heading(page, "Geld en afspraken")
    choose(page, "Heeft u recht op kinderopvangtoeslag?", "nee")
    choose(page, "Kunt u een deel van de kinderopvang zelf betalen?", "Nee")
    choose(page, "Wilt u samen met WIJzer werken aan een plan, zodat u het weer zelf kunt?", "Ja")
    choose(page, "Wilt u meedoen aan gesprekken over hoe het gaat, en aan extra hulp?", "Ja")
    press(page, "Verder")

    heading(page, "Toestemming")
    for nth in range(4):
        page.get_by_role("radiogroup").nth(nth).get_by_text("Ja", exact=True).click()
        wait_for_app(page)
    press(page, "Verder")

    heading(page, "Controleren en versturen")
    expect(page.get_by_text("U komt waarschijnlijk in aanmerking")).to_be_visible()
    expect(page.get_by_text("SMI-NET")).to_be_visible()
    press(page, "Aanvraag versturen")

    heading(page, "Verzonden")
    reference = page.get_by_test_id("stCode").first.inner_text().strip()
    assert re.fullmatch(r"SMI-\d{4}-\d{6}", reference)
    with page.expect_download() as download_info:
        page.get_by_role("button", name="Download uw ontvangstbewijs (PDF)").click()
    receipt = Path(download_info.value.path()).read_bytes()
    assert receipt.startswith(b"%PDF-")

    engine = make_engine(running_app.database_url)
    service = IntakeService(uow_factory(engine), Cipher(running_app.encryption_key), default_municipality())
    stored = service.case_answers(reference)
    engine.dispose()
    other_device.close()
    assert stored["answers"]["children"][0]["first_name"] == "Sam"
    assert stored["answers"]["postcode"] == "3341 AB"
    assert stored["answers"]["medical_confirmation"] == "statement"
    assert stored["check"]["outcome"] == "eligible"
    assert service.status(reference, code).status.value == "new"
