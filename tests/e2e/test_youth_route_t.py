"""Youth care along route T in a real browser, from the parent's first step to the provider's stop:
a parent asks for help for a child through the front door; an access worker carries the case from
the queue through the investigation, the plan and the provision to the beschikking under the
Jeugdwet, with its objection clause, as a PDF; the back office queues the iJw toewijzing (301); the
provider starts (305) and stops (307) the care from its own page, and the case page shows both."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from smi_core.cases import CaseStatus
from smi_core.front_door import HELP_FOR_LABELS, HelpFor
from smi_core.wmo.melding import LifeArea
from smi_intake.jeugd_steps import YOUTH_NEED_QUESTIONS
from tests import wmo_factories as make
from tests.e2e.backstage import Backstage, nl, sign_in
from tests.e2e.conftest import RunningApp
from tests.e2e.streamlit_page import fill, fill_date, heading, open_page, press, tick, wait_for_app
from tests.pdf_text import pdf_text

pytestmark = [pytest.mark.e2e, pytest.mark.db]

CHILD = "Sam de Boer"


def _parent_asks_for_youth_care(page: Page, url: str) -> str:
    """The parent's request, step by step, up to its reference."""
    page.goto(f"{url}/")
    wait_for_app(page)
    heading(page, nl("How can we help you?"))
    tick(page, nl(HELP_FOR_LABELS[HelpFor.CHILD]))
    press(page, nl("Start the request for youth care"))
    heading(page, nl("Start"))
    press(page, nl("Start the request"))

    heading(page, nl("About your child"))
    fill(page, nl("Your name"), "M. de Boer")
    fill(page, nl("What are you to the child? For example mother, father or foster parent"), "moeder")
    fill(page, nl("Phone number"), "06 12345678")
    fill(page, nl("Name of the child"), CHILD)
    fill_date(page, nl("Date of birth"), "04-03-2016")
    fill(page, nl("Postcode"), "3341 AB")
    registered = page.get_by_role("radiogroup").filter(has_text=nl("Yes")).last
    registered.get_by_text(nl("Yes"), exact=True).click()
    wait_for_app(page)
    press(page, nl("Continue"))

    heading(page, nl("What your child needs help with"))
    code = page.locator("[data-testid='stCode']").first.inner_text().strip()
    assert re.fullmatch(r"[A-Z0-9]{4}(-[A-Z0-9]{4}){3}", code)
    press(page, nl("I have written the code down"))
    page.get_by_label(nl(YOUTH_NEED_QUESTIONS[LifeArea.BEHAVIOUR]), exact=True).fill(
        "Sam is vaak boos en slaapt slecht <b>sinds</b> de scheiding."
    )
    press(page, nl("Continue"))

    heading(page, nl("School and the people around your child"))
    page.get_by_role("radiogroup").last.get_by_text(nl("No"), exact=True).click()
    wait_for_app(page)
    press(page, nl("Continue"))

    heading(page, nl("Free client support"))
    page.get_by_role("radiogroup").last.get_by_text(nl("No"), exact=True).click()
    wait_for_app(page)
    press(page, nl("Continue"))

    heading(page, nl("Consent"))
    for n in range(3):
        page.get_by_role("radiogroup").nth(n).get_by_text(nl("Yes"), exact=True).click()
        wait_for_app(page)
    press(page, nl("Continue"))

    heading(page, nl("Check and send"))
    for rule in ("JGD-RES", "JGD-AGE", "JGD-NEED"):
        expect(page.get_by_text(rule).first).to_be_visible()
    expect(page.get_by_text("<b>sinds</b>", exact=False)).to_be_visible()  # typed text stays text
    press(page, nl("Send the request"))
    heading(page, nl("Sent"))
    reference = page.locator("[data-testid='stCode']").first.inner_text().strip()
    assert re.fullmatch(r"JEUGD-\d{4}-\d{6}", reference)
    return reference


def _access_worker_decides(page: Page, url: str, reference: str) -> bytes:
    """The access worker's route T up to the beschikking letter; returns the letter's PDF."""
    sign_in(page, url, "wijzer")
    open_page(page, nl("Case"), nl("Case"))
    fill(page, nl("Reference number"), reference)
    heading(page, reference)
    expect(page.get_by_text(nl("Youth care")).first).to_be_visible()
    press(page, nl("Take the case"))
    expect(page.get_by_text(nl("You are now the case owner."))).to_be_visible()
    fill(page, nl("BSN"), make.BSN)
    fill(page, nl("Surname"), "de Boer")
    fill(page, nl("Initials"), "S")
    press(page, nl("Start the investigation"))
    expect(page.get_by_text(nl("The investigation has started."))).to_be_visible()
    fill(page, nl("The need for support"), "Sam heeft hulp nodig bij boosheid en slapen.")
    press(page, nl("Record the investigation"))
    expect(page.get_by_text(nl("The investigation and its written report are recorded."))).to_be_visible()
    fill(page, nl("Results to reach (one per line)"), "Sam slaapt weer door en is minder boos.")
    press(page, nl("Save the support plan"))
    expect(page.get_by_text(nl("The support plan is saved."))).to_be_visible()
    # the iJw products only: the first is 45A01, contracted by the demo provider among others
    expect(page.get_by_text("Voorbeeldzorg (voorbeeld)", exact=False).first).to_be_visible()
    press(page, nl("Choose this provision"))
    expect(page.get_by_text(nl("The provision and the provider are chosen."))).to_be_visible()
    fill(page, nl("Motivation"), "Eigen kracht en netwerk schieten tekort voor Sam.")
    press(page, nl("Record the beschikking"))
    expect(page.get_by_text(nl("The beschikking is recorded."))).to_be_visible()
    press(page, nl("Make the beschikking letter (PDF)"))
    with page.expect_download() as download:
        page.get_by_role("button", name=nl("Download the beschikking (PDF)")).click()
    return Path(download.value.path()).read_bytes()


def _back_office_sends_the_301(browser: Browser, url: str, stage: Backstage) -> None:
    """The back office queues the 301 on its page; the chain delivers it and the provider's
    retour (302) comes back."""
    context = browser.new_context(viewport={"width": 1100, "height": 1400}, locale="nl-NL")
    office = context.new_page()
    office.set_default_timeout(30_000)
    try:
        sign_in(office, url, "gemeente")
        open_page(office, nl("Messages"), nl("Messages"))
        press(office, nl("Queue the toewijzing (301)"))
        queued = nl("The toewijzing %(number)s is in the outbox.", number="\x00").split("\x00")[-1]
        expect(office.get_by_text(queued, exact=False).first).to_be_visible()
    finally:
        context.close()
    assert stage.deliver_301("RET-J1").domain.value == "jw"


def _accepted(page: Page, kind: str) -> None:
    expect(
        page.get_by_text(f"Geaccepteerd: de gemeente heeft uw bericht {kind}", exact=False)
    ).to_be_visible()


def _provider_starts_and_stops(browser: Browser, url: str) -> None:
    context = browser.new_context(viewport={"width": 1100, "height": 1600}, locale="nl-NL")
    provider = context.new_page()
    provider.set_default_timeout(30_000)
    try:
        sign_in(provider, url, "zorgaanbieder")
        open_page(provider, nl("Assignments"), nl("Assignments"))
        provider.get_by_role("tab", name=nl("Start care")).click()
        press(provider, nl("Send the start (305)"))
        expect(
            provider.get_by_text("Geaccepteerd: de gemeente heeft uw bericht 305", exact=False)
        ).to_be_visible()
        provider.get_by_role("tab", name=nl("Stop care")).click()
        today = date.today().strftime("%d-%m-%Y")
        fill_date(provider, nl("Care started on (the date of your start message)"), today)
        fill_date(provider, nl("Care ended on"), today)
        press(provider, nl("Send the stop (307)"))
        expect(
            provider.get_by_text("Geaccepteerd: de gemeente heeft uw bericht 307", exact=False)
        ).to_be_visible()
    finally:
        context.close()


def test_a_parents_request_for_youth_care_goes_to_the_providers_stop(
    running_app: RunningApp,
    backstage: Backstage,
    page: Page,
    browser: Browser,
) -> None:
    reference = _parent_asks_for_youth_care(page, running_app.url)

    pdf = _access_worker_decides(page, running_app.url, reference)
    text = pdf_text(pdf)
    assert "Jeugdwet" in text and "S. de Boer" in text
    assert "bezwaar" in text  # route T: the college decided, so the letter says how to object

    _back_office_sends_the_301(browser, running_app.url, backstage)
    _provider_starts_and_stops(browser, running_app.url)

    view = backstage.wmo.view(reference, backstage.account("wijzer"), datetime.now(UTC))
    assert view.status is CaseStatus.CARE_ENDED
    page.reload()
    wait_for_app(page)
    fill(page, nl("Reference number"), reference)
    expect(page.get_by_text(nl("Care stopped by the provider (307)")).first).to_be_visible()
