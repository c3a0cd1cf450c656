"""The back office in a real browser: a provider's 305 is imported on the Berichten page, its
retour shown and downloaded, and the assignment it starts reads as started."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from smi_core.access import Role
from smi_core.istandaarden.xml import read, write
from smi_core.municipality import DEFAULT_MUNICIPALITY_FILE
from smi_intake.crypto import Cipher
from smi_intake.db.engine import make_engine
from smi_intake.db.uow import uow_factory
from smi_intake.services.accounts import AccountService
from smi_intake.services.messages import MessageService
from tests import istandaarden_factories as make
from tests.e2e.conftest import RunningApp
from tests.e2e.streamlit_page import fill, heading, open_page, press, wait_for_app

pytestmark = [pytest.mark.e2e, pytest.mark.db]

PASSWORD = "een-lang-wachtwoord"


@pytest.fixture
def app_settings(tmp_path: Path) -> dict[str, str]:
    """The municipality of the factories' messages, and the reference schemas (level 1 on)."""
    file = tmp_path / "gemeente.toml"
    text = DEFAULT_MUNICIPALITY_FILE.read_text(encoding="utf-8")
    file.write_text(text.replace('cbs_code = "0531"', f'cbs_code = "{make.MUNICIPALITY}"'), "utf-8")
    return {"SMI_MUNICIPALITY_FILE": str(file), "SMI_ISTANDAARDEN_DIR": str(make.REFERENCE)}


def test_a_start_is_imported_answered_with_its_retour_and_starts_the_assignment(
    running_app: RunningApp, page: Page, tmp_path: Path
) -> None:
    engine = make_engine(running_app.database_url)
    uows = uow_factory(engine, Cipher(running_app.encryption_key))
    accounts = AccountService(uows, bcrypt_rounds=4)
    office = accounts.create_account("b.office", "Back office", Role.GEMEENTE, PASSWORD, datetime.now(UTC))
    MessageService(uows, make.MUNICIPALITY, None).send(make.toewijzing(), office, datetime.now(UTC))
    engine.dispose()
    start = tmp_path / "JW305.xml"
    start.write_bytes(write(make.start_zorg()))

    page.goto(f"{running_app.url}/inloggen")
    heading(page, "Inloggen voor medewerkers en instanties")
    fill(page, "Gebruikersnaam", "b.office")
    fill(page, "Wachtwoord", PASSWORD)
    press(page, "Inloggen")
    page.wait_for_function("document.cookie.includes('smi_session=')")
    open_page(page, "Berichten", "Berichten")
    page.get_by_role("tab", name="Inkomend en inlezen").click()
    page.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(str(start))
    wait_for_app(page)
    press(page, "Inlezen")
    expect(page.get_by_text("1 van 1 bestanden goedgekeurd.")).to_be_visible(timeout=30_000)

    with page.expect_download() as download:
        page.get_by_role("button", name="Retour").first.click()
    retour = read(Path(download.value.path()).read_bytes())
    page.get_by_role("tab", name="Per cliënt, aanbieder of toewijzing").click()
    page.get_by_role("radiogroup", name="Zoek de berichten van").get_by_text("een toewijzing").click()
    wait_for_app(page)
    page.get_by_role("combobox", name="Standaard").click()
    page.get_by_role("option", name="iJw").click()
    wait_for_app(page)
    fill(page, "Toewijzingnummer", "1001")
    page.keyboard.press("Enter")
    wait_for_app(page)

    assert retour.kind.value == "306" and retour.header.retour_codes == ()
    expect(page.get_by_text("De toewijzing: zorg gestart (305)")).to_be_visible(timeout=30_000)
