"""The later steps of the parents' intake as a person fills them in, shared by the browser tests."""

from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import Path

from playwright.sync_api import Page, expect

from tests.e2e.streamlit_page import choose, fill, fill_date, heading, press, tick, wait_for_app


def children_step(page: Page, first_name: str | None = "Sam", born: str | None = "02-04-2023") -> None:
    """Step 3; ``None`` leaves a prefilled name or date of birth as it is."""
    heading(page, "Uw kinderen")
    if first_name is not None:
        fill(page, "Voornaam", first_name)
    if born is not None:
        fill_date(page, "Geboortedatum", born)
    choose(page, "Welke opvang heeft u nodig?", "kinderdagverblijf (KDV)")
    fill(page, "Hoeveel dagdelen per week? Een dagdeel is een ochtend of een middag.", "4")
    start = date.today() + timedelta(days=30)
    fill_date(page, "Vanaf wanneer heeft u opvang nodig?", start.strftime("%d-%m-%Y"))
    press(page, "Verder")


def situation_step(page: Page, statement: Path | None = None) -> None:
    """Step 4: with a statement to upload, or else with consent to ask the GP."""
    heading(page, "Uw hulpvraag en situatie")
    tick(page, "lichamelijke ziekte")
    fill(page, "Vertel in uw eigen woorden wat er aan de hand is", "Moeder herstelt van een operatie.")
    question = "Kan een arts uw gezondheidsklachten bevestigen?"
    if statement is None:
        choose(page, question, "Ja, u mag het aan mijn huisarts vragen")
    else:
        choose(page, question, "Ja, ik voeg een verklaring van mijn arts toe")
        page.locator("input[type=file]").set_input_files(str(statement))
        wait_for_app(page)
        expect(page.get_by_text("De verklaring is toegevoegd.")).to_be_visible()
    press(page, "Verder")


def network_money_and_consent_steps(page: Page) -> None:
    """Steps 5, 6 and 7: nobody can help, no benefit, both commitments, every consent given."""
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


def review_and_send(page: Page) -> str:
    """Step 8 and 9: the check says eligible; send; return the reference shown."""
    heading(page, "Controleren en versturen")
    expect(page.get_by_text("U komt waarschijnlijk in aanmerking")).to_be_visible()
    expect(page.get_by_text("SMI-NET")).to_be_visible()
    press(page, "Aanvraag versturen")
    heading(page, "Verzonden")
    reference = page.get_by_test_id("stCode").first.inner_text().strip()
    assert re.fullmatch(r"SMI-\d{4}-\d{6}", reference)
    return reference


def resume(page: Page, url: str, code: str, postcode: str) -> None:
    """Open an earlier request (or an agency's invitation) with its code and postcode."""
    page.goto(f"{url}/aanvraag-start")
    heading(page, "Start")
    page.get_by_text("Verder gaan met een eerdere aanvraag").click()
    fill(page, "Herstelcode", code)
    fill(page, "Postcode", postcode)
    press(page, "Verder gaan")
