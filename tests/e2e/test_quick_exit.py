"""The quick-exit button leaves the site at once and what was typed is gone."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.conftest import RunningApp
from tests.e2e.streamlit_page import fill, heading

pytestmark = [pytest.mark.e2e, pytest.mark.db]


def test_quick_exit_leaves_for_the_neutral_page_and_forgets_the_answers(
    running_app: RunningApp, page: Page
) -> None:
    page.goto(f"{running_app.url}/aanvraag-gezin")
    heading(page, "Uw gezin")
    fill(page, "Naam", "A. Jansen")

    page.get_by_role("button", name="Snel weg").click()

    expect(page).to_have_url("about:blank", timeout=20_000)
    page.go_back()  # the form was replaced in the history, so "back" does not bring it back
    page.wait_for_timeout(1000)
    assert page.url == "about:blank"
    page.goto(f"{running_app.url}/aanvraag-gezin")
    heading(page, "Uw gezin")
    expect(page.get_by_label("Naam", exact=True)).to_have_value("")
