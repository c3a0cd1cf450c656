"""A parent completes the intake in a real browser: stops, resumes on a new device, uploads,
sends, downloads the receipt, and the case is stored."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from smi_core import default_municipality
from smi_intake.crypto import Cipher
from smi_intake.db.engine import make_engine
from smi_intake.db.uow import uow_factory
from smi_intake.services.intake import IntakeService
from tests.e2e.conftest import RunningApp
from tests.e2e.flows import (
    children_step,
    network_money_and_consent_steps,
    resume,
    review_and_send,
    situation_step,
)
from tests.e2e.streamlit_page import choose, fill, heading, press

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
    page.set_default_timeout(30_000)
    resume(page, running_app.url, code.lower(), "3341AB")
    children_step(page)
    statement = tmp_path / "verklaring.pdf"
    statement.write_bytes(PDF)
    situation_step(page, statement)
    network_money_and_consent_steps(page)
    reference = review_and_send(page)

    with page.expect_download() as download_info:
        page.get_by_role("button", name="Download uw ontvangstbewijs (PDF)").click()
    receipt = Path(download_info.value.path()).read_bytes()
    assert receipt.startswith(b"%PDF-")

    engine = make_engine(running_app.database_url)
    service = IntakeService(
        uow_factory(engine, Cipher(running_app.encryption_key)),
        default_municipality(),
    )
    stored = service.case_answers(reference)
    engine.dispose()
    other_device.close()
    assert stored["answers"]["children"][0]["first_name"] == "Sam"
    assert stored["answers"]["postcode"] == "3341 AB"
    assert stored["answers"]["medical_confirmation"] == "statement"
    assert stored["check"]["outcome"] == "eligible"
    assert service.status(reference, code).status.value == "new"
