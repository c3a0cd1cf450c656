"""Youth care's routes G and M in a real browser, from the first step to the provider's stop.

Route G: the jeugdbeschermer records a bepaling jeugdhulp with its registration form; the chosen
provider cannot deliver in time, so the jeugdbeschermer names another provider in an adjusted
bepaling; that one says it can deliver in time and sends the 315 filled in from the bepaling; the back office
answers with the 301 and a beschikking without objection clause; the provider starts (305) and
stops (307) the care. Route M: a provider sends a 315 after a GP's referral; the back office sees
the check and answers with the 301 and a beschikking with the objection clause, or refuses a 315
the check refuses with its 319, which the provider then reads on its page.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from smi_core.access import Role
from smi_intake.crypto import Cipher
from smi_intake.db.engine import make_engine
from smi_intake.db.uow import uow_factory
from smi_intake.demo import DEMO_PASSWORD, seed_demo_accounts
from smi_intake.services.accounts import AccountService
from tests.e2e.conftest import RunningApp
from tests.e2e.streamlit_page import (
    choose,
    fill,
    fill_date,
    heading,
    open_page,
    press,
    select,
    sign_in,
)
from tests.pdf_text import pdf_text

pytestmark = [pytest.mark.e2e, pytest.mark.db]

PROVIDER = "99990001"  # the demo provider; contracted for 45A01, not for 54A01
OTHER_PROVIDER = "99990003"  # contracted for 45A01 and 54A01
BSN = "999900006"
GP_AGB = "01234567"
GI_AGB = "99990011"
#: The Dutch texts the steps wait for.
ACCEPTED = "Geaccepteerd: de gemeente heeft uw bericht {kind}"
ASSIGNED = "De toewijzing staat bij Uitgaand; de beschikking is klaar."


def _seed_accounts(app: RunningApp) -> None:
    """The demo accounts (the jeugdbeschermer, the provider 99990001 and the back office) and an
    account of the provider 99990003."""
    engine = make_engine(app.database_url)
    accounts = AccountService(uow_factory(engine, Cipher(app.encryption_key)), bcrypt_rounds=4)
    now = datetime.now(UTC)
    seed_demo_accounts(accounts, now)
    accounts.create_account(
        "zorg-twee", "Zorg twee", Role.PROVIDER, DEMO_PASSWORD, now, organisation=OTHER_PROVIDER
    )
    engine.dispose()


def _day(day: date) -> str:
    return day.strftime("%d-%m-%Y")


@contextmanager
def _signed_in(browser: Browser, app: RunningApp, username: str) -> Iterator[Page]:
    """A browser context of its own for one user, signed in."""
    context = browser.new_context(
        viewport={"width": 1100, "height": 1400}, locale="nl-NL", accept_downloads=True
    )
    page = context.new_page()
    page.set_default_timeout(30_000)
    try:
        sign_in(page, app.url, username, DEMO_PASSWORD)
        yield page
    finally:
        context.close()


def _shown(page: Page, text: str) -> None:
    expect(page.get_by_text(text, exact=False).first).to_be_visible()


def _record_bepaling(page: Page, start: date) -> None:
    """The jeugdbeschermer's bepaling jeugdhulp with its registration form, naming the provider."""
    open_page(page, "Bepalingen jeugdhulp", "Bepalingen jeugdhulp")
    heading(page, "Nieuwe bepaling jeugdhulp")
    select(page, "Jeugdhulpproduct", "45A01")
    select(page, "Jeugdhulpaanbieder", f"({PROVIDER})")
    fill(page, "BSN van het kind (9 cijfers)", BSN)
    fill_date(page, "Geboortedatum", "03-05-2014")
    fill(page, "Voornaam", "Sam")
    fill(page, "Achternaam", "Vries")
    fill(page, "Omvang", "3")
    fill_date(page, "Van", _day(start))
    fill_date(page, "Tot en met (niet verplicht)", _day(start + timedelta(days=180)))
    fill(page, "Motivering van de bepaling", "Ambulante hulp thuis is nodig.")
    fill(page, "AGB-code van uw instelling (niet verplicht)", GI_AGB)
    fill(page, "Reden van aanmelding", "Ondertoezichtstelling.")
    fill(page, "Doelen van de hulp", "Sam gaat weer naar school.")
    press(page, "Bepaling vastleggen")
    _shown(page, "De bepaling is vastgelegd. Ze gaat naar de aanbieder en naar de gemeente.")
    expect(
        page.get_by_test_id("stTable").first.locator("tbody tr").filter(has_text="Sam Vries")
    ).to_have_count(1)


def _not_in_time(page: Page) -> None:
    """The first provider sees the bepaling and says it cannot deliver in time."""
    open_page(page, "Toewijzingen", "Toewijzingen")
    _shown(page, "Ondertoezichtstelling.")
    fill(page, "Toelichting voor de gecertificeerde instelling", "Wachtlijst van acht weken.")
    press(page, "Wij kunnen niet op tijd leveren")
    _shown(page, "De gecertificeerde instelling weet nu dat u niet op tijd kunt leveren.")


def _adjust_to_the_other_provider(page: Page) -> None:
    """The jeugdbeschermer sees it and names the other provider in an adjusted bepaling."""
    open_page(page, "Bepalingen jeugdhulp", "Bepalingen jeugdhulp")
    _shown(page, "de aanbieder kan niet op tijd leveren")
    _shown(page, "Wachtlijst van acht weken.")
    # the adjusted bepaling's form comes first, filled in from the bepaling: wait until it shows
    reason = page.get_by_label("Reden van aanmelding", exact=True).first
    expect(reason).to_have_value("Ondertoezichtstelling.")
    select(page, "Jeugdhulpaanbieder", f"({OTHER_PROVIDER})")
    expect(reason).to_have_value("Ondertoezichtstelling.")
    press(page, "Aangepaste bepaling vastleggen")
    _shown(page, "De aangepaste bepaling is vastgelegd en gaat naar de aanbieder.")


def _request_from_the_bepaling(page: Page) -> None:
    """The provider sees the bepaling, can deliver in time and sends the 315 filled in from it."""
    open_page(page, "Toewijzingen", "Toewijzingen")
    expect(page.get_by_role("heading", name="Bepalingen van gecertificeerde instellingen")).to_be_visible()
    _shown(page, "Ondertoezichtstelling.")  # the registration form
    press(page, "Wij kunnen op tijd leveren: verzoek om toewijzing (315) invullen")
    _shown(page, "Het verzoek om toewijzing (315) hieronder is ingevuld uit de bepaling.")
    expect(page.get_by_label("BSN van de cliënt (9 cijfers)", exact=True)).to_have_value(BSN)
    expect(page.get_by_label("Productcode (niet verplicht)", exact=True)).to_have_value("45A01")
    press(page, "Verzoek versturen (315)")
    _shown(page, ACCEPTED.format(kind="315"))


def _send_request(page: Page, code: str, start: date) -> None:
    """The provider's 315 after a GP's referral, typed into its form."""
    open_page(page, "Toewijzingen", "Toewijzingen")
    choose(page, "Domein", "Jeugd")
    fill(page, "BSN van de cliënt (9 cijfers)", BSN)
    fill_date(page, "Geboortedatum", "12-06-2015")
    fill(page, "Achternaam", "Jansen")
    fill(page, "Voorletters", "L")
    select(page, "Productcategorie", code[:2])
    fill(page, "Productcode (niet verplicht)", code)
    fill_date(page, "Van", _day(start))
    fill_date(page, "Tot en met (niet verplicht)", _day(start + timedelta(days=180)))
    fill(page, "Omvang", "4")
    select(page, "Verwezen door", "een huisarts")
    fill(
        page,
        "AGB-code van de verwijzer (voor een arts, een gecertificeerde instelling of een specialist)",
        GP_AGB,
    )
    press(page, "Verzoek versturen (315)")
    _shown(page, ACCEPTED.format(kind="315"))


def _open_requests(page: Page) -> None:
    """The back office's section of the youth-care requests on the messages page."""
    open_page(page, "Berichten", "Berichten")
    expect(page.get_by_role("heading", name="Verzoeken om toewijzing (315)")).to_be_visible()


def _check_row(page: Page, rule: str) -> str:
    """The text of the check's row of ``rule``."""
    row = page.get_by_test_id("stTable").locator("tbody tr").filter(has_text=rule)
    expect(row).to_have_count(1)
    return row.inner_text()


def _assign(page: Page) -> str:
    """Answer the request with the 301 and the beschikking; the beschikking PDF's text."""
    fill(page, "Motivering van de beschikking", "De hulp is nodig om thuis verder te kunnen.")
    fill(page, "Te bereiken resultaten", "Sam gaat weer naar school.")
    press(page, "Verstuur de toewijzing (301)")
    _shown(page, ASSIGNED)
    expect(page.get_by_text("Er wacht geen verzoek om toewijzing op een antwoord.")).to_be_visible()
    download_button = page.get_by_role("button", name="Download de beschikking van JEUGD-", exact=False)
    with page.expect_download() as download_info:
        download_button.click()
    download = download_info.value
    pdf = Path(download.path()).read_bytes()
    assert download.suggested_filename.startswith("beschikking-JEUGD-")
    assert pdf.startswith(b"%PDF")
    return pdf_text(pdf)


def _start_and_stop(page: Page, start: date) -> None:
    """The provider's 305 and 307 for its new assignment, sent from its page."""
    page.reload()
    heading(page, "Toewijzingen")
    rows = page.get_by_test_id("stTable").first.locator("tbody tr")
    expect(rows.filter(has_text="toegewezen, zorg nog niet gestart")).to_have_count(1)
    page.get_by_role("tab", name="Zorg starten").click()
    fill_date(page, "Zorg begonnen op", _day(start))
    press(page, "Start versturen (305)")
    _shown(page, ACCEPTED.format(kind="305"))
    expect(rows.filter(has_text="zorg gestart (305)")).to_have_count(1)

    page.get_by_role("tab", name="Zorg stoppen").click()
    fill_date(page, "Zorg begonnen op (de datum van uw startbericht)", _day(start))
    fill_date(page, "Zorg geëindigd op", _day(start))
    press(page, "Stop versturen (307)")
    _shown(page, ACCEPTED.format(kind="307"))
    expect(rows.filter(has_text="zorg gestopt (307)")).to_have_count(1)


def test_a_gp_referral_goes_from_the_providers_315_to_the_301_and_its_start_and_stop(
    running_app: RunningApp, browser: Browser
) -> None:
    _seed_accounts(running_app)
    today = date.today()

    with _signed_in(browser, running_app, "zorgaanbieder") as provider:
        _send_request(provider, "45A01", today)

        with _signed_in(browser, running_app, "gemeente") as office:
            _open_requests(office)
            assert "in orde" in _check_row(office, "MED-CONTRACTED")
            assert "in orde" in _check_row(office, "MSG-315-NEEDS-REFERRAL")
            text = _assign(office)
        assert "Jeugdwet" in text and "binnen 6 weken bezwaar maken" in text  # the objection clause

        _start_and_stop(provider, today)


def test_a_bepaling_of_a_certified_institution_goes_to_a_beschikking_without_objection_clause(
    running_app: RunningApp, browser: Browser
) -> None:
    _seed_accounts(running_app)
    start = date.today()

    with _signed_in(browser, running_app, "jeugdbeschermer") as gi:
        _record_bepaling(gi, start)
        with _signed_in(browser, running_app, "zorgaanbieder") as first:
            _not_in_time(first)
        _adjust_to_the_other_provider(gi)

    with _signed_in(browser, running_app, "zorg-twee") as provider:
        _request_from_the_bepaling(provider)

        with _signed_in(browser, running_app, "gemeente") as office:
            _open_requests(office)
            assert "in orde" in _check_row(office, "MSG-315-NEEDS-REFERRAL")
            text = _assign(office)
        assert "Een gecertificeerde instelling heeft besloten welke jeugdhulp nodig is." in text
        assert "binnen 6 weken" not in text  # no objection clause: the family objects to the GI

        _start_and_stop(provider, start)


def test_a_request_the_check_refuses_is_answered_with_a_319_the_provider_reads(
    running_app: RunningApp, browser: Browser
) -> None:
    _seed_accounts(running_app)

    with _signed_in(browser, running_app, "zorgaanbieder") as provider:
        _send_request(provider, "54A01", date.today())  # the provider has no contract for 54A01
        _shown(provider, "De gemeente heeft geen verzoek van u afgewezen of in onderzoek genomen.")

        with _signed_in(browser, running_app, "gemeente") as office:
            _open_requests(office)
            assert "geweigerd" in _check_row(office, "MED-CONTRACTED")
            office.get_by_role("tab", name="Afwijzen (319)").click()
            reason = office.get_by_role("combobox", name="Reden (RedenAfwijzingVerzoek)", exact=True)
            expect(reason).to_have_value("3 Geen contract")  # the check's proposed reason
            fill(office, "Motivering", "Wij hebben geen contract met u voor dit product.")
            press(office, "Verstuur de afwijzing (319)")
            _shown(office, "De afwijzing staat bij Uitgaand.")
            _shown(office, "Er wacht geen verzoek om toewijzing op een antwoord.")

        provider.reload()
        heading(provider, "Toewijzingen")
        expect(provider.get_by_role("heading", name="Antwoorden op uw verzoeken (319)")).to_be_visible()
        answer = provider.get_by_test_id("stTable").locator("tbody tr").filter(has_text="Verzoek afgewezen")
        expect(answer).to_have_count(1)
        expect(answer).to_contain_text("3 Geen contract")
        _shown(provider, "De gemeente heeft nog geen zorg aan uw organisatie toegewezen.")
