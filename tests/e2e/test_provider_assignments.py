"""A care provider in a real browser: it signs in, sees the demo toewijzing to its organisation,
sends the start of care from the page and is told the municipality accepted it."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from playwright.sync_api import Page, expect

from smi_core import default_municipality
from smi_core.access import Role
from smi_intake.crypto import Cipher
from smi_intake.db.engine import make_engine
from smi_intake.db.uow import uow_factory
from smi_intake.demo import DEMO_PASSWORD, seed_demo_accounts
from smi_intake.demo_messages import DEMO_PROVIDER_AGB, seed_demo_messages
from smi_intake.services.accounts import AccountService
from smi_intake.services.messages import MessageService
from tests.e2e.conftest import RunningApp
from tests.e2e.streamlit_page import fill, heading, open_page, press, wait_for_app

pytestmark = [pytest.mark.e2e, pytest.mark.db]


def _seed_demo_exchange(app: RunningApp) -> None:
    """The demo accounts and the demo messages to the demo provider (AGB 99990001)."""
    engine = make_engine(app.database_url)
    uows = uow_factory(engine, Cipher(app.encryption_key))
    accounts = AccountService(uows, bcrypt_rounds=4)
    now = datetime.now(UTC)
    seed_demo_accounts(accounts, now)
    office = next(a for a in accounts.accounts() if a.role is Role.GEMEENTE)
    assert seed_demo_messages(MessageService(uows, default_municipality().cbs_code, None), office, now)
    engine.dispose()


def test_a_provider_sees_its_demo_assignment_and_its_start_is_accepted(
    running_app: RunningApp, page: Page
) -> None:
    _seed_demo_exchange(running_app)

    page.goto(f"{running_app.url}/inloggen")
    heading(page, "Inloggen voor medewerkers en instanties")
    fill(page, "Gebruikersnaam", "zorgaanbieder")
    fill(page, "Wachtwoord", DEMO_PASSWORD)
    press(page, "Inloggen")
    page.wait_for_function("document.cookie.includes('smi_session=')")
    open_page(page, "Toewijzingen", "Toewijzingen")
    expect(page.get_by_text(f"AGB-code: {DEMO_PROVIDER_AGB}")).to_be_visible()
    rows = page.get_by_test_id("stTable").first.locator("tbody tr")
    expect(rows).to_have_count(2)  # the demo's iJw and iWmo toewijzingen
    expect(rows.filter(has_text="toegewezen, zorg nog niet gestart")).to_have_count(1)

    page.get_by_role("tab", name="Zorg starten").click()
    press(page, "Start versturen (305)")
    wait_for_app(page)

    expect(page.get_by_text("Geaccepteerd: de gemeente heeft uw bericht 305", exact=False)).to_be_visible()
    expect(rows.filter(has_text="toegewezen, zorg nog niet gestart")).to_have_count(0)
    sent = page.get_by_test_id("stTable").last.locator("tbody tr")
    expect(sent.filter(has_text="305")).to_have_count(2)  # the demo's start of the iJw one, and ours
