"""WCAG 2.1 A and AA, checked by axe-core in Chromium: every page, for every role that may open it,
empty, filled and with an error.

One app serves the whole module, on one database seeded with the demo (a queue, a placed case,
providers, an account per role) and one request whose resume code the status page needs. Every state
is scanned once the app is idle and the page's repairs (``ui.page_fixes``) are in; a test scans all
its states and then reports every violation it found, state by state.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pytest
from cryptography.fernet import Fernet
from playwright.sync_api import Browser, Page, expect

from smi_core import default_municipality
from smi_core.access import Role
from smi_core.cases import SMI_CONSENTS
from smi_core.i18n import gettext
from smi_intake.crypto import Cipher
from smi_intake.db.engine import make_engine, migrate_to_head
from smi_intake.db.uow import uow_factory
from smi_intake.demo import DEMO_ACCOUNTS, DEMO_PASSWORD, seed_demo, seed_demo_accounts, seed_demo_placement
from smi_intake.demo_conversion import seed_demo_conversion
from smi_intake.demo_gi import seed_demo_gi
from smi_intake.demo_messages import seed_demo_messages
from smi_intake.services.accounts import AccountService
from smi_intake.services.gi import GiService
from smi_intake.services.intake import IntakeService, consent_record
from smi_intake.services.messages import MessageService
from smi_intake.services.placement import PlacementService
from smi_intake.settings import get_settings
from tests.e2e import flows
from tests.e2e.axe import report, unlabelled_fields, untied_errors, violations
from tests.e2e.conftest import CHROMIUM, PROJECT, _free_port, _wait_until_healthy, _warm_up
from tests.e2e.streamlit_page import choose, fill, fill_date, heading, press, tick, wait_for_app
from tests.factories import example_intake_data

pytestmark = pytest.mark.e2e


# -- one app for the module ----------------------------------------------------------------------


@dataclass(frozen=True)
class DemoApp:
    url: str
    placed_reference: str
    """The demo's case carried to a placement (owned by the demo WIJzer worker)."""
    status_reference: str
    status_code: str
    """A sent request with every consent given, and its resume code."""


def _seed(database_url: str, key: str) -> tuple[str, str, str]:
    """The demo (queue, placement, providers, accounts) and one request of our own."""
    migrate_to_head(database_url)
    engine = make_engine(database_url)
    cipher = Cipher(key)
    uows = uow_factory(engine, cipher)
    municipality = default_municipality()
    moment = datetime.now(UTC)
    intake = IntakeService(uows, municipality)
    accounts = AccountService(uows, bcrypt_rounds=4)
    seed_demo(uows, intake, moment, municipality.social_team)
    seed_demo_accounts(accounts, moment)
    placed = seed_demo_placement(uows, PlacementService(uows, municipality), accounts, moment)
    assert placed is not None
    office = next(account for account in accounts.accounts() if account.role is Role.GEMEENTE)
    assert seed_demo_messages(MessageService(uows, municipality.cbs_code, None), office, moment)
    assert seed_demo_conversion(MessageService(uows, municipality.cbs_code, None), office, moment)
    assert seed_demo_gi(
        GiService(uows, municipality, get_settings().catalogue()), accounts.accounts(), moment
    )
    consents = {kind.value: consent_record(kind, True, "nl", "WIJzer", moment) for kind in SMI_CONSENTS}
    draft = intake.save_draft(None, "controleren", example_intake_data(), consents, "nl", moment)
    assert draft.resume_code is not None
    reference = intake.submit(draft.draft_id, moment).reference
    engine.dispose()
    return placed, reference, draft.resume_code


@pytest.fixture(scope="module")
def demo_app(browser: Browser, tmp_path_factory: pytest.TempPathFactory) -> Iterator[DemoApp]:
    """``streamlit run app.py`` once for this module, on a seeded SQLite database of its own."""
    if not Path(CHROMIUM).exists():
        pytest.skip(f"Chromium not found at {CHROMIUM}")
    folder = tmp_path_factory.mktemp("accessibility")
    database_url = f"sqlite:///{folder / 'smi.db'}"
    key = Fernet.generate_key().decode()
    placed, reference, code = _seed(database_url, key)
    port = _free_port()
    env = {
        **os.environ,
        "SMI_DATA_DIR": str(folder / "data"),
        "SMI_DATABASE_URL": database_url,
        "SMI_ENCRYPTION_KEY": key,
        "SMI_QUICK_EXIT_URL": "about:blank",
    }
    log = (folder / "streamlit.log").open("wb")
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            "app.py",
            "--server.port",
            str(port),
            "--server.headless",
            "true",
            "--server.fileWatcherType",
            "none",
        ],
        cwd=PROJECT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_until_healthy(url, process)
        _warm_up(browser, url)
        yield DemoApp(url=url, placed_reference=placed, status_reference=reference, status_code=code)
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
        log.close()


# -- scanning ------------------------------------------------------------------------------------


class Scans:
    """Scan the states of one test and keep every problem found, so that one run reports them all:
    axe's WCAG 2.1 A/AA violations, fields without a visible label, errors tied to no field."""

    def __init__(self, page: Page, lang: str = "nl", direction: str = "ltr") -> None:
        self.page = page
        self.lang = lang
        self.direction = direction
        self.scanned: list[str] = []
        self.failures: list[str] = []

    def __call__(self, label: str, field_errors: bool = False) -> None:
        """Scan the page as it is, once the app is idle and the page's language is set: axe, the
        visible labels, and with ``field_errors`` that each error below a field is tied to it."""
        wait_for_app(self.page)
        expect(self.page.locator(f"html[lang='{self.lang}'][dir='{self.direction}']")).to_have_count(1)
        self.page.wait_for_timeout(300)  # charts and tables draw just after the run has ended
        self.scanned.append(label)
        found = violations(self.page)
        if found:
            self.failures.append(f"{label}:\n{report(found)}")
        for field in unlabelled_fields(self.page):
            self.failures.append(f"{label}: a field without a visible label: {field}")
        if field_errors:
            if not self.page.locator("[aria-invalid='true'][aria-describedby]").count():
                self.failures.append(f"{label}: no field is marked invalid")
            for error in untied_errors(self.page):
                self.failures.append(f"{label}: an error tied to no field: {error!r}")

    def expanded(self, label: str) -> None:
        """Scan, then open every closed expander (in the browser, no rerun) and scan again."""
        self(label)
        closed = self.page.locator("[data-testid='stExpander'] details:not([open]) > summary").filter(
            visible=True
        )
        if not closed.count():
            return
        for _ in range(50):  # one at a time: an expander may hold another one
            if not closed.count():
                break
            closed.first.click()
        self(f"{label}, every expander open")

    def assert_clean(self) -> None:
        assert self.scanned
        print(f"{len(self.scanned)} states scanned: " + "; ".join(self.scanned))  # shown with -s
        if self.failures:
            raise AssertionError(
                f"{len(self.failures)} problem(s) in {len(self.scanned)} scanned states\n\n"
                + "\n\n".join(self.failures)
            )


def _context_page(browser: Browser, locale: str) -> Page:
    context = browser.new_context(viewport={"width": 1100, "height": 1400}, locale=locale)
    page = context.new_page()
    page.set_default_timeout(30_000)
    return page


def _start(page: Page, app: DemoApp, path: str = "") -> None:
    """Open the start page first (streamlit#9992), then the page at ``path``.

    The start page is the default page, at ``/``: its own path shows "page not found".
    """
    page.goto(f"{app.url}/")
    wait_for_app(page)
    if path:
        page.goto(f"{app.url}/{path}")
        wait_for_app(page)


def _sign_in(page: Page, app: DemoApp, username: str) -> None:
    _start(page, app, "inloggen")
    heading(page, "Inloggen voor medewerkers en instanties")
    fill(page, "Gebruikersnaam", username)
    fill(page, "Wachtwoord", DEMO_PASSWORD)
    press(page, "Inloggen")
    page.wait_for_function("document.cookie.includes('smi_session=')")
    expect(page.locator("[data-testid='stSidebarNav'] a[href$='/mijn-account']")).to_be_visible()


def _visit(page: Page, path: str) -> None:
    """Follow the sidebar's link to the page at ``path``."""
    wait_for_app(page)
    page.locator(f"[data-testid='stSidebarNav'] a[href$='/{path}']").click()
    page.wait_for_url(f"**/{path}")
    wait_for_app(page)


def _username(role: Role) -> str:
    return next(name for name, _name, account_role, _org in DEMO_ACCOUNTS if account_role is role)


# -- residents -----------------------------------------------------------------------------------


def test_the_public_pages_and_the_sign_in(demo_app: DemoApp, page: Page) -> None:
    scan = Scans(page)
    _start(page, demo_app)
    heading(page, "Waarmee kunnen we u helpen?")
    scan("start page")
    for choice in (
        "Kinderopvang, omdat ik een tijd niet voor mijn kinderen kan zorgen",
        "Hulp voor een kind of jongere onder de 18",
        "Iets anders, of ik weet het nog niet",
    ):
        tick(page, choice)
    scan("start page, three choices with their ways in")
    for path, title in (
        ("smi", "Hulp bij kinderopvang als u niet voor uw kinderen kunt zorgen"),
        ("privacy", "Zo gaan we met uw gegevens om"),
        ("toegankelijkheid", "Toegankelijkheid"),
    ):
        _visit(page, path)
        heading(page, title)
        scan(f"/{path}")

    _visit(page, "inloggen")
    heading(page, "Inloggen voor medewerkers en instanties")
    scan("sign-in, empty")
    fill(page, "Gebruikersnaam", "wijzer")
    fill(page, "Wachtwoord", "niet-het-goede-wachtwoord")
    press(page, "Inloggen")
    expect(page.get_by_text("De gebruikersnaam of het wachtwoord klopt niet.")).to_be_visible()
    scan("sign-in, wrong password")
    scan.assert_clean()


def test_the_status_page(demo_app: DemoApp, page: Page) -> None:
    scan = Scans(page)
    _start(page, demo_app, "status")
    heading(page, "Status van uw aanvraag")
    scan("status, empty")
    fill(page, "Kenmerk", "SMI-2026-999999")
    fill(page, "Herstelcode", "AAAA-BBBB-CCCC-DDDD")
    press(page, "Bekijken")
    expect(page.get_by_text("We vinden geen aanvraag", exact=False)).to_be_visible()
    scan("status, not found")
    fill(page, "Kenmerk", demo_app.status_reference)
    fill(page, "Herstelcode", demo_app.status_code)
    press(page, "Bekijken")
    expect(page.get_by_role("button", name="Deze toestemming intrekken").first).to_be_visible()
    scan("status, a request with its consents")

    _visit(page, "aanvraag-verzonden")
    scan("sent page, nothing sent in this session")
    scan.assert_clean()


#: The steps with fields, by their Dutch titles: scanned empty and with errors on arrival.
STEPS_WITH_FIELDS = (
    "Uw gezin",
    "Uw kinderen",
    "Uw hulpvraag en situatie",
    "Uw netwerk",
    "Geld en afspraken",
    "Toestemming",
)


def test_the_intake_empty_with_errors_and_filled(
    demo_app: DemoApp, page: Page, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Each step is scanned on arrival, after "Verder" on the empty step, and filled in by the
    shared flows just before they press "Verder"; then the review and the sent page."""
    scan = Scans(page)

    def arrive(page_: Page, title: str) -> None:
        heading(page_, title)
        if title in STEPS_WITH_FIELDS:
            scan(f"{title}: empty")
            press(page_, "Verder")
            expect(page_.get_by_text("Kijk deze antwoorden nog eens na:")).to_be_visible()
            heading(page_, title)
            scan(f"{title}: with errors", field_errors=True)
        if page_.get_by_role("button", name="Ik heb de code opgeschreven").count():
            press(page_, "Ik heb de code opgeschreven")  # the resume code is shown until then

    def scan_then_press(page_: Page, name: str) -> None:
        if name in ("Verder", "Aanvraag versturen"):
            title = page_.get_by_role("heading", level=1).first.inner_text()
            scan(f"{title}: filled")
        press(page_, name)

    monkeypatch.setattr(flows, "heading", arrive)
    monkeypatch.setattr(flows, "press", scan_then_press)

    _start(page, demo_app, "aanvraag-start")
    heading(page, "Start")
    scan("Start: empty")
    page.get_by_text("Verder gaan met een eerdere aanvraag").click()
    fill(page, "Herstelcode", "AAAA-BBBB-CCCC-DDDD")
    fill(page, "Postcode", "3341 AB")
    press(page, "Verder gaan")
    expect(page.get_by_text("We vinden geen aanvraag", exact=False)).to_be_visible()
    scan("Start: resume code not found")
    press(page, "Aanvraag starten")

    arrive(page, "Uw gezin")
    fill(page, "Naam", "A. Jansen")
    choose(page, "Wat doet deze ouder of verzorger overdag?", "werkt")
    fill(page, "Telefoonnummer", "06 12345678")
    fill(page, "Postcode", "3341 AB")
    choose(page, "Staan uw kinderen ingeschreven in Hendrik-Ido-Ambacht?", "Ja")
    scan_then_press(page, "Verder")

    flows.children_step(page)
    statement = tmp_path / "verklaring.pdf"
    statement.write_bytes(b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")
    flows.situation_step(page, statement)  # with the upload field and the file it holds
    flows.network_money_and_consent_steps(page)
    flows.review_and_send(page)
    scan("Verzonden: the reference and the receipt")
    scan.assert_clean()


@pytest.mark.parametrize(("locale", "direction"), [("ar", "rtl"), ("pl", "ltr")])
def test_the_start_page_and_a_step_with_errors_in_another_language(
    demo_app: DemoApp, browser: Browser, locale: str, direction: str
) -> None:
    page = _context_page(browser, locale)
    try:
        scan = Scans(page, lang=locale, direction=direction)
        _start(page, demo_app)
        scan("start page")
        # the browser's language is the page's, and Streamlit's own words for screen readers follow it
        expect(page.get_by_test_id("stSkipToContent")).to_have_text(gettext(locale, "Skip to main content"))
        anchor = page.get_by_test_id("stHeaderActionElements").locator("a").first
        expect(anchor).to_have_attribute("aria-label", gettext(locale, "Link to this heading"))
        page.goto(f"{demo_app.url}/aanvraag-gezin")
        heading(page, gettext(locale, "Your family"))
        scan("Your family: empty")
        press(page, gettext(locale, "Continue"))
        expect(page.get_by_text(gettext(locale, "Please check these answers:"))).to_be_visible()
        scan("Your family: with errors", field_errors=True)
        scan.assert_clean()
    finally:
        page.context.close()


# -- staff ---------------------------------------------------------------------------------------


def _my_account(page: Page, scan: Scans, with_error: bool = False) -> None:
    _visit(page, "mijn-account")
    heading(page, "Mijn account")
    scan("Mijn account")
    if with_error:
        fill(page, "Huidig wachtwoord", "niet-het-goede-wachtwoord")
        fill(page, "Nieuw wachtwoord (minstens 12 tekens)", "een-nieuw-wachtwoord")
        fill(page, "Nieuw wachtwoord nog een keer", "een-nieuw-wachtwoord")
        press(page, "Wachtwoord wijzigen")
        expect(page.get_by_text("Het huidige wachtwoord klopt niet.")).to_be_visible()
        scan("Mijn account: wrong current password")


def test_the_agency_pages(demo_app: DemoApp, page: Page) -> None:
    scan = Scans(page)
    _sign_in(page, demo_app, _username(Role.AGENCY))
    _visit(page, "overdracht")
    heading(page, "Gezin overdragen")
    scan("Gezin overdragen: empty")
    press(page, "Overdracht versturen")
    expect(
        page.get_by_text("Kijk de antwoorden na die hieronder zijn gemarkeerd", exact=False)
    ).to_be_visible()
    expect(page.get_by_text("Vul dit in of verbeter het.").first).to_be_visible()
    scan("Gezin overdragen: with errors", field_errors=True)
    fill(page, "Naam", "B. Visser")
    fill(page, "Telefoonnummer", "06 11112222")
    fill(page, "Postcode", "3342 CD")
    fill(page, "Voornaam", "Mila")
    fill_date(page, "Geboortedatum", "15-06-2022")
    fill(page, "De hulpvraag in een paar zinnen", "Vader is opgenomen; moeder kan de zorg niet alleen aan.")
    choose(page, "Urgentie", "Urgent")
    fill(page, "Waarom is het urgent?", "Opname vanaf volgende week.")
    fill_date(page, "Wanneer gingen de ouders akkoord?", datetime.now(UTC).strftime("%d-%m-%Y"))
    choose(page, "Hoe gingen de ouders akkoord?", "persoonlijk")
    fill(page, "Uw telefoonnummer", "078 1234567")
    scan("Gezin overdragen: filled")
    press(page, "Overdracht versturen")
    expect(page.get_by_text("De overdracht is ontvangen.", exact=False)).to_be_visible()
    scan("Gezin overdragen: sent, with the parents' code")
    _visit(page, "overdrachten")
    heading(page, "Overdrachten van mijn organisatie")
    scan("Overdrachten, with the one just sent")
    _my_account(page, scan, with_error=True)
    scan.assert_clean()


def _case_pages(page: Page, scan: Scans, app: DemoApp) -> None:
    """Queue, case (empty, unknown, the placed one), deadlines and providers: WIJzer and coordinator."""
    _visit(page, "wachtrij")
    heading(page, "Wachtrij aanvragen")
    scan.expanded("Wachtrij")
    _visit(page, "casus")
    heading(page, "Casus")
    scan("Casus: empty")
    fill(page, "Kenmerk", "SMI-2026-999999")
    expect(page.get_by_text("Er is geen casus met dit kenmerk.")).to_be_visible()
    scan("Casus: unknown reference")
    fill(page, "Kenmerk", app.placed_reference)
    heading(page, app.placed_reference)
    scan.expanded("Casus: the placed case")
    _visit(page, "termijnen")
    heading(page, "Termijnen")
    scan.expanded("Termijnen")
    _visit(page, "kinderopvang")
    heading(page, "Kinderopvang")
    scan.expanded("Kinderopvang")


def _one_traject(page: Page, scan: Scans) -> None:
    """The candidates, and the demo client's walk-through with its preview."""
    _visit(page, "een-traject")
    heading(page, "Eén traject")
    scan("Eén traject: the candidates")
    page.get_by_role("combobox", name="Cliënt").click()
    page.get_by_role("option").first.click()
    wait_for_app(page)
    heading(page, "Lopende indicaties")
    fill(page, "Doelen en resultaten", "Structuur in de week")
    heading(page, "7. Het resultaat")
    scan.expanded("Eén traject: the walk-through and its preview")


def _messages(page: Page, scan: Scans) -> None:
    _visit(page, "berichten")
    heading(page, "Berichten")
    for tab in ("Uitgaand", "Inkomend en inlezen", "Per cliënt, aanbieder of toewijzing"):
        page.get_by_role("tab", name=tab).click()
        scan.expanded(f"Berichten, {tab}")


def _funding_and_reports(page: Page, scan: Scans) -> None:
    _visit(page, "bekostiging")
    heading(page, "Bekostiging")
    for tab in ("Indicaties en kosten", "Subsidieaanvragen", "Eigen bijdrage ouders"):
        page.get_by_role("tab", name=tab).click()
        scan.expanded(f"Bekostiging, {tab}")
    _visit(page, "rapportages")
    heading(page, "Rapportages")
    scan.expanded("Rapportages")


def test_the_wijzer_pages(demo_app: DemoApp, page: Page) -> None:
    scan = Scans(page)
    _sign_in(page, demo_app, _username(Role.WIJZER))
    _case_pages(page, scan, demo_app)
    _one_traject(page, scan)
    _my_account(page, scan)
    scan.assert_clean()


def test_the_coordinator_pages(demo_app: DemoApp, page: Page) -> None:
    scan = Scans(page)
    _sign_in(page, demo_app, _username(Role.COORDINATOR))
    _case_pages(page, scan, demo_app)
    _funding_and_reports(page, scan)
    _my_account(page, scan)
    scan.assert_clean()


def test_the_municipality_pages(demo_app: DemoApp, page: Page) -> None:
    scan = Scans(page)
    _sign_in(page, demo_app, _username(Role.GEMEENTE))
    _funding_and_reports(page, scan)
    _messages(page, scan)
    _my_account(page, scan)
    scan.assert_clean()


def test_the_administrator_pages(demo_app: DemoApp, page: Page) -> None:
    scan = Scans(page)
    _sign_in(page, demo_app, _username(Role.ADMIN))
    _visit(page, "accounts")
    heading(page, "Accounts")
    scan("Accounts")
    press(page, "Account maken")
    expect(page.get_by_text("Gebruik 3 tot 80", exact=False)).to_be_visible()
    scan("Accounts: a new account with an error")
    _visit(page, "kinderopvang")
    heading(page, "Kinderopvang")
    scan.expanded("Kinderopvang")
    _my_account(page, scan)
    scan.assert_clean()


def test_the_provider_pages(demo_app: DemoApp, page: Page) -> None:
    scan = Scans(page)
    _sign_in(page, demo_app, _username(Role.PROVIDER))
    _visit(page, "toewijzingen")
    heading(page, "Toewijzingen")
    for tab in ("Zorg stoppen", "Wijzigingsverzoek", "Zorg starten"):
        page.get_by_role("tab", name=tab).click()
        scan(f"Toewijzingen, {tab}")
    press(page, "Start versturen (305)")
    expect(page.get_by_text("Geaccepteerd: de gemeente heeft uw bericht 305", exact=False)).to_be_visible()
    scan("Toewijzingen: a start accepted")
    press(page, "Start versturen (305)")
    expect(page.get_by_text("Afgekeurd: de gemeente heeft uw bericht 305", exact=False)).to_be_visible()
    scan("Toewijzingen: a second start refused with its retour codes")
    press(page, "Verzoek versturen (315)")
    expect(page.get_by_text("Dit BSN klopt niet", exact=False)).to_be_visible()
    scan("Toewijzingen: a request with a wrong BSN")
    _my_account(page, scan)
    scan.assert_clean()


def test_the_jeugdbeschermer_pages(demo_app: DemoApp, page: Page) -> None:
    scan = Scans(page)
    _sign_in(page, demo_app, _username(Role.JEUGDBESCHERMER))
    _visit(page, "bepalingen")
    heading(page, "Bepalingen jeugdhulp")
    scan("Bepalingen jeugdhulp: the demo bepaling and the forms")
    press(page, "Bepaling vastleggen")
    expect(page.locator("[data-testid='stAlertContentError']").first).to_be_visible()
    scan("Bepalingen jeugdhulp: a new bepaling with what is missing")
    _my_account(page, scan)
    scan.assert_clean()
