"""Small helpers to drive Streamlit widgets the way a person does: by their visible labels."""

from __future__ import annotations

import re

from playwright.sync_api import Locator, Page, expect
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError


def wait_for_app(page: Page) -> None:
    """Wait until Streamlit has finished the current run (and any rerun it asked for)."""
    for _ in range(2):
        page.wait_for_timeout(200)
        expect(page.get_by_test_id("stApp")).to_have_attribute(
            "data-test-script-state", "notRunning", timeout=30_000
        )
        expect(page.get_by_test_id("stStatusWidget")).to_have_count(0, timeout=30_000)


def open_page(page: Page, link: str, title: str) -> None:
    """Follow a link of the navigation once the app is idle, and wait for the page's title."""
    wait_for_app(page)
    page.get_by_role("link", name=link).click()
    wait_for_app(page)
    heading(page, title)


def heading(page: Page, text: str) -> None:
    """Wait for a page heading; on failure, say which messages the page shows instead."""
    try:
        expect(page.get_by_role("heading", name=text, exact=True).first).to_be_visible(timeout=30_000)
    except AssertionError as error:
        alerts = page.get_by_test_id("stAlert").all_inner_texts()
        titles = page.get_by_role("heading", level=1).all_inner_texts()
        raise AssertionError(f"heading {text!r} not shown; page {titles}, messages {alerts}") from error


def sign_in(page: Page, url: str, username: str, password: str) -> None:
    """Sign in on the staff's sign-in page and wait for the session cookie."""
    page.goto(f"{url}/inloggen")
    heading(page, "Inloggen voor medewerkers en instanties")
    fill(page, "Gebruikersnaam", username)
    fill(page, "Wachtwoord", password)
    press(page, "Inloggen")
    page.wait_for_function("document.cookie.includes('smi_session=')")


def fill(page: Page, label: str, value: str, nth: int = 0) -> None:
    field = page.get_by_label(label, exact=True).nth(nth)
    field.fill(value)
    field.press("Tab")
    wait_for_app(page)


def fill_date(page: Page, label: str, value: str, nth: int = 0) -> None:
    """Type a date (DD-MM-YYYY) into Streamlit's segmented date field, segment by segment."""
    group = page.get_by_role("group", name=label, exact=True).nth(nth)
    group.get_by_role("spinbutton").first.click()
    page.keyboard.type(value.replace("-", ""))
    page.keyboard.press("Escape")  # close the calendar that opened with the field
    expect(page.locator("#stFloatingOverlayPortal th")).to_have_count(0)
    wait_for_app(page)


def radio_group(page: Page, question: str, nth: int = 0) -> Locator:
    return page.get_by_role("radiogroup", name=question).nth(nth)


def choose(page: Page, question: str, option: str, nth: int = 0) -> None:
    radio_group(page, question, nth).get_by_text(option, exact=True).click()
    wait_for_app(page)


def tick(page: Page, label: str) -> None:
    page.get_by_text(label, exact=True).click()
    wait_for_app(page)


def press(page: Page, name: str) -> None:
    page.get_by_role("button", name=name, exact=True).click()
    wait_for_app(page)


def select(page: Page, label: str, option: str, nth: int = 0) -> None:
    """Choose an option of a select box (labelled ``label``) by its visible text.

    A rerun that is still finishing can close the list while the option is clicked (the option
    is then detached); the list is opened again, at most three times, until the choice shows."""
    box = page.get_by_test_id("stSelectbox").filter(has=page.get_by_role("combobox", name=label, exact=True))
    combo = box.nth(nth).get_by_role("combobox")
    wait_for_app(page)
    for attempt in range(3):
        combo.click()
        try:
            expect(combo).to_have_attribute("aria-expanded", "true", timeout=2_000)
        except AssertionError:
            combo.press("ArrowDown")
        try:
            page.get_by_role("option", name=option).click(timeout=10_000)
            break
        except PlaywrightTimeoutError:
            if attempt == 2:
                raise
            wait_for_app(page)
    wait_for_app(page)
    expect(combo).to_have_value(re.compile(re.escape(option)))
