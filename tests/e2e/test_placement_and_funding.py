"""A granted case, in the browser, from the request for a place to the end of the indication, with
every sharing behind its consent; then the municipality funds an ended quarter of it and pays."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

import pytest
from playwright.sync_api import Browser, Locator, Page, expect

from smi_core import default_municipality
from smi_core.access import Role
from smi_core.cases import SMI_CONSENTS
from smi_core.dates import add_months, period_last_day
from smi_core.funding import Quarter
from smi_intake.crypto import Cipher
from smi_intake.db.engine import make_engine
from smi_intake.db.models import ProviderLocationRow, ProviderRow
from smi_intake.db.uow import uow_factory
from smi_intake.services.accounts import AccountService
from smi_intake.services.cases import CaseService
from smi_intake.services.casework import CaseworkService
from smi_intake.services.intake import IntakeService, consent_record
from smi_intake.services.queue import QueueService
from tests import casework_factories as records
from tests.e2e.conftest import RunningApp
from tests.e2e.streamlit_page import (
    choose,
    fill,
    fill_date,
    heading,
    open_page,
    press,
    select,
    wait_for_app,
)
from tests.factories import example_intake_data

pytestmark = [pytest.mark.e2e, pytest.mark.db]

PASSWORD = "een-lang-wachtwoord"
PROVIDER = "Kinderopvang De Voorbeeldtuin"
LOCATION = "Locatie Molen"
PASTE = "Rijen met een kopregel, bijvoorbeeld gekopieerd uit een spreadsheet"
EXTEND = "De indicatie verlengen"
CONSENT_NAME = "toestemming om contact op te nemen met de kinderopvang"


@dataclass(frozen=True)
class GrantedCase:
    reference: str
    resume_code: str
    start: date
    """The start of the placement: the first day of the last quarter that has ended."""


def _dmy(day: date) -> str:
    return day.strftime("%d-%m-%Y")


def _granted_case(app: RunningApp) -> GrantedCase:
    """A request sent by the parents with every consent given, taken by a WIJzer worker and
    granted by the 0-100 meeting; a municipality account; one location in the register."""
    ended = Quarter.of(Quarter.of(date.today()).first_day - timedelta(days=1))
    start = ended.first_day
    engine = make_engine(app.database_url)
    cipher = Cipher(app.encryption_key)
    uows = uow_factory(engine, cipher)
    municipality = default_municipality()
    moment = datetime.now(UTC)
    accounts = AccountService(uows, bcrypt_rounds=4)
    worker = accounts.create_account("w.devries", "W. de Vries", Role.WIJZER, PASSWORD, moment)
    accounts.create_account("g.bakker", "G. Bakker", Role.GEMEENTE, PASSWORD, moment)
    with uows() as uow:
        provider = ProviderRow(name=PROVIDER, updated_at=moment)
        uow.session.add(provider)
        uow.session.flush()
        uow.session.add(
            ProviderLocationRow(
                provider_id=provider.id, name=LOCATION, lrk_number="123456789", care_types="kdv,bso"
            )
        )
        uow.session.commit()

    intake = IntakeService(uows, municipality)
    consents = {kind.value: consent_record(kind, True, "nl", "WIJzer", moment) for kind in SMI_CONSENTS}
    draft = intake.save_draft(None, "controleren", example_intake_data(), consents, "nl", moment)
    assert draft.resume_code is not None
    reference = intake.submit(draft.draft_id, moment).reference

    QueueService(uows, municipality).claim(reference, worker, moment)
    casework = CaseworkService(uows, municipality)
    version = CaseService(uows, municipality).view(reference, worker, moment).version
    talk = start - timedelta(days=28)
    version = casework.plan_conversation(reference, worker, version, records.plan(on=talk), moment)
    version = casework.record_conversation(
        reference, worker, version, records.conversation(held_on=talk), moment
    )
    version = casework.to_team_meeting(reference, worker, version, moment)
    decided = talk + timedelta(days=7)
    casework.record_decision(reference, worker, version, records.decision(decided_on=decided), moment)
    engine.dispose()
    return GrantedCase(reference=reference, resume_code=draft.resume_code, start=start)


# -- small helpers for widgets the shared helpers do not cover -----------------------------------


def _choose(page: Page, question: str, option: str) -> None:
    """Like ``choose``, for a question whose text begins another question's ("Antwoord")."""
    page.get_by_role("radiogroup", name=question, exact=True).get_by_text(option, exact=True).click()
    wait_for_app(page)


def _multiselect(page: Page, label: str, options: list[str]) -> None:
    box = page.get_by_test_id("stMultiSelect").filter(has_text=label)
    for option in options:
        box.locator("input").click()
        page.get_by_role("option", name=option, exact=True).click()
        wait_for_app(page)
    page.keyboard.press("Escape")


def _open_expander(page: Page, title: str) -> None:
    details = (
        page.get_by_test_id("stExpander")
        .locator("details")
        .filter(has=page.locator("summary", has_text=title))
        .first
    )
    if details.get_attribute("open") is None:
        details.locator("summary").click()
    expect(details).to_have_attribute("open", "")


def _form(page: Page, field: str) -> Locator:
    """The form that holds the field labelled ``field``."""
    return page.get_by_test_id("stForm").filter(has=page.get_by_label(field, exact=True))


def _press_in(container: Locator, name: str) -> None:
    container.get_by_role("button", name=name, exact=True).click()
    wait_for_app(container.page)


def _message(page: Page, text: str) -> None:
    """A message (success or error) with ``text``; on failure, say which messages are shown."""
    try:
        expect(page.get_by_test_id("stAlert").filter(has_text=text).first).to_be_visible()
    except AssertionError as error:
        shown = page.get_by_test_id("stAlert").all_inner_texts()
        raise AssertionError(f"message {text!r} not shown; messages {shown}") from error


def _status(page: Page) -> str:
    """The case's status, in the first table of the case page."""
    return page.get_by_test_id("stTable").first.locator("tbody td").first.inner_text()


def _row(page: Page, text: str) -> Locator:
    """The row of a table (``st.table``) that holds ``text``."""
    return page.get_by_test_id("stTable").locator("tbody tr").filter(has_text=text).first


def _new_page(browser: Browser) -> Page:
    context = browser.new_context(viewport={"width": 1100, "height": 1400}, locale="nl-NL")
    page = context.new_page()
    page.set_default_timeout(30_000)
    return page


def _sign_in(page: Page, url: str, username: str) -> None:
    page.goto(f"{url}/inloggen")
    heading(page, "Inloggen voor medewerkers en instanties")
    fill(page, "Gebruikersnaam", username)
    fill(page, "Wachtwoord", PASSWORD)
    press(page, "Inloggen")


# -- the steps ---------------------------------------------------------------------------------


def _parents_withdraw_contact_with_the_provider(browser: Browser, url: str, case: GrantedCase) -> None:
    """On their status page (reference and resume code), the parents withdraw one consent."""
    parents = _new_page(browser)
    parents.goto(f"{url}/status")
    heading(parents, "Status van uw aanvraag")
    fill(parents, "Kenmerk", case.reference)
    fill(parents, "Herstelcode", case.resume_code)
    press(parents, "Bekijken")
    consent = parents.get_by_test_id("stVerticalBlock").filter(has_text="namens mij contact opneemt").last
    _press_in(consent, "Deze toestemming intrekken")
    _message(parents, "U heeft uw toestemming ingetrokken.")
    expect(consent).to_contain_text("Status: ingetrokken")
    expect(consent.get_by_role("button", name="Deze toestemming intrekken")).to_have_count(0)
    parents.context.close()


def _ask_for_a_place_behind_the_consent(page: Page) -> None:
    """Refused while the consent is withdrawn, naming it; allowed once recorded in writing."""
    expect(_row(page, "contact opnemen met de kinderopvang")).to_contain_text("ingetrokken")
    select(page, "Kinderopvang en locatie", f"{PROVIDER} – {LOCATION}")
    press(page, "De vraag vastleggen")
    _message(page, f"De ouders hebben de {CONSENT_NAME} ingetrokken. Er is niets gedeeld.")
    expect(page.get_by_text("Er is nog geen kinderopvang gevraagd.")).to_be_visible()

    _open_expander(page, "Schriftelijke toestemming van de ouders vastleggen")
    select(page, "Toestemming", "namens mij contact opneemt met de kinderopvang")
    choose(page, "Antwoord van de ouders", "Gegeven")
    fill(page, "Gegeven door (naam van de ouder)", "A. Jansen")
    press(page, "De toestemming vastleggen")
    _message(page, "De toestemming is vastgelegd.")
    expect(_row(page, "contact opnemen met de kinderopvang")).to_contain_text("gegeven")

    select(page, "Kinderopvang en locatie", f"{PROVIDER} – {LOCATION}")
    press(page, "De vraag vastleggen")
    _message(page, "De vraag om een plek is vastgelegd.")
    expect(_row(page, LOCATION)).to_contain_text("Nog geen antwoord")


def _place(page: Page, start: date) -> None:
    """The provider has a place, the parents register, the plan is written, signed and sent to
    the municipality, and the placement is recorded from ``start``."""
    _choose(page, "Antwoord", "Plek beschikbaar")
    press(page, "Het antwoord vastleggen")
    _message(page, "Het antwoord van de kinderopvang is vastgelegd.")
    expect(_row(page, LOCATION)).to_contain_text("Plek beschikbaar")
    press(page, f"De ouders hebben zich aangemeld bij {PROVIDER} – {LOCATION}")
    _message(page, "De aanmelding is vastgelegd.")

    fill(page, "Doelen", "Moeder herstelt; daarna zorgt het gezin weer zelf.")
    press(page, "Het ondersteuningsplan opslaan")
    _message(page, "Het ondersteuningsplan is opgeslagen als versie 1.")
    for signer, name in (("ouder", "A. Jansen"), ("medewerker WIJzer", "W. de Vries")):
        choose(page, "Wie tekende", signer)
        fill(page, "Naam", name)
        fill_date(page, "Datum van ondertekening", _dmy(start - timedelta(days=3)))
        press(page, "De handtekening vastleggen")
        _message(page, "De handtekening is vastgelegd.")
    expect(page.get_by_text("Getekend door een ouder en de medewerker: Ja")).to_be_visible()
    press(page, "Het getekende plan naar de gemeente sturen")
    _message(page, "Gedeeld: gegevens delen met de gemeente.")
    expect(page.get_by_text("Naar de gemeente gestuurd: Ja")).to_be_visible()

    fill_date(page, "Startdatum", _dmy(start))
    select(page, "Soort opvang", "kinderdagverblijf (KDV)")
    fill(page, "Sam, geboren 02-04-2023", "4")
    press(page, "Plaatsing vastleggen")
    _message(page, "De plaatsing is vastgelegd. De indicatie loopt vanaf de startdatum.")
    assert _status(page) == "Geplaatst"


def _review_extend_twice_and_end(page: Page, start: date) -> None:
    """The contact after three months, two extensions with the anonymised consultation, the end."""
    fill_date(page, "Datum van het contact", _dmy(min(add_months(start, 3), date.today())))
    fill(page, "Hoe gaat het?", "Het gaat goed met Sam; moeder herstelt langzaam.")
    press(page, "Het contact vastleggen")
    _message(page, "Het evaluatiecontact is vastgelegd.")

    for number in (1, 2):
        # Not a form: every answer reruns the page. The first run after a message closes the
        # expander (the message above it is gone, the elements shift), so open it when closed.
        _open_expander(page, EXTEND)
        expect(page.get_by_text(f"De indicatie verlengen (verlenging {number})")).to_be_visible()
        choose(page, "Heeft het gezin actief meegewerkt aan het plan?", "Ja")
        _open_expander(page, EXTEND)
        fill(page, "Waarom was er geen of te weinig verbetering?", "Sam en moeder hebben meer tijd nodig.")
        _open_expander(page, EXTEND)
        choose(page, "Kan het aantal dagdelen omlaag?", "Nee")
        _open_expander(page, EXTEND)
        summary = (
            page.get_by_test_id("stVerticalBlock")
            .filter(has_text="Geanonimiseerde samenvatting voor het overleg")
            .last
        )
        expect(summary).to_contain_text("[...] en moeder hebben meer tijd nodig.")
        assert "Sam" not in summary.inner_text()
        fill_date(page, "Datum van het geanonimiseerde overleg", _dmy(date.today()))
        _open_expander(page, EXTEND)
        _multiselect(
            page,
            "Aanwezig bij het overleg",
            ["indicatiesteller", "coördinator wijkteam", "beleidsmedewerker gemeente"],
        )
        _open_expander(page, EXTEND)
        press(page, "Verlengen")
        _message(page, "De indicatie is verlengd.")
        last_day = period_last_day(start, 6 + 3 * number)
        expect(_row(page, "kinderdagverblijf (KDV)")).to_contain_text(_dmy(last_day))

    _open_expander(page, "Indicatie beëindigen")
    fill_date(page, "Laatste opvangdag", _dmy(date.today()))
    fill(page, "Waarom stopt de indicatie?", "Moeder is hersteld.")
    _press_in(_form(page, "Waarom stopt de indicatie?"), "Indicatie beëindigen")
    _message(page, "De indicatie is beëindigd.")
    assert _status(page) == "Beëindigd"
    expect(_row(page, "kinderdagverblijf (KDV)")).to_contain_text(_dmy(date.today()))


def _municipality_pays_the_ended_quarter(browser: Browser, url: str, case: GrantedCase) -> None:
    quarter = Quarter.of(case.start)
    town = _new_page(browser)
    _sign_in(town, url, "g.bakker")
    open_page(town, "Bekostiging", "Bekostiging")
    shown_count = town.get_by_test_id("stMetric").filter(has_text="Getoonde indicaties")
    expect(shown_count.get_by_test_id("stMetricValue")).to_have_text("1")
    costs = town.get_by_test_id("stDataFrame").first  # its cells, for assistive technology
    expect(costs.locator("td", has_text=case.reference)).to_have_count(1)

    town.get_by_role("tab", name="Subsidieaanvragen").click()
    wait_for_app(town)
    select(town, "Kwartaal", quarter.label)
    choose(town, "Hoe voert u de regels in?", "Rijen plakken")
    fill(
        town,
        PASTE,
        f"reference;child;dagdelen_per_week;weeks;amount\n{case.reference};Sam;4;12;1234,56",
    )
    press(town, "Regels controleren")
    _message(town, "Alle regels komen door de controle.")
    press(town, "Aanvraag indienen")
    _message(town, "Aanvraag 1 is ingediend.")
    paste_box = town.get_by_label(PASTE, exact=True)
    expect(paste_box).to_have_value("")  # a new application starts empty, also in the browser
    shown = town.get_by_text(f"Aanvraag 1, {quarter.label}:")
    expect(shown).to_contain_text(": ingediend,")
    expect(shown).to_contain_text("1.234,56")

    press(town, "Goedkeuren")
    _message(town, "Aanvraag 1 is goedgekeurd.")
    expect(shown).to_contain_text(": goedgekeurd,")
    expect(paste_box).to_have_value("")  # and stays empty on the next run
    press(town, "Markeren als betaald")
    _message(town, "Aanvraag 1 is gemarkeerd als betaald.")
    expect(shown).to_contain_text(": betaald,")
    town.get_by_role("tab", name="Indicaties en kosten").click()
    paid = town.get_by_test_id("stMetric").filter(has_text="Totaal betaald")
    expect(paid.get_by_test_id("stMetricValue")).to_contain_text("1.234,56")
    town.context.close()


def test_a_granted_case_is_placed_extended_twice_ended_and_its_quarter_paid(
    running_app: RunningApp, browser: Browser, page: Page
) -> None:
    case = _granted_case(running_app)
    _parents_withdraw_contact_with_the_provider(browser, running_app.url, case)

    _sign_in(page, running_app.url, "w.devries")
    open_page(page, "Casus", "Casus")
    fill(page, "Kenmerk", case.reference)
    heading(page, case.reference)
    assert _status(page) == "Toegekend"
    _ask_for_a_place_behind_the_consent(page)
    _place(page, case.start)
    _review_extend_twice_and_end(page, case.start)

    _municipality_pays_the_ended_quarter(browser, running_app.url, case)
