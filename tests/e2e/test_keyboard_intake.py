"""The whole parents' intake completed with the keyboard alone, in a real browser (WCAG 2.1.1
keyboard, 2.1.2 no keyboard trap, 2.4.7 focus visible).

After the home page is opened, every action is a key press: Tab and Shift+Tab to move, typing,
the arrow keys and Space in radio groups, Space on checkboxes, Enter on buttons.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from playwright.sync_api import Page, expect

from smi_core import default_municipality
from smi_intake.crypto import Cipher
from smi_intake.db.engine import make_engine
from smi_intake.db.uow import uow_factory
from smi_intake.services.intake import IntakeService
from tests.e2e.conftest import RunningApp
from tests.e2e.keyboard import KeyboardUser, reference_on
from tests.e2e.streamlit_page import heading

pytestmark = [pytest.mark.e2e, pytest.mark.db]


def complete_the_intake(user: KeyboardUser, url: str) -> str:
    """Every step of the intake by keyboard; the reference shown once it is sent."""
    page = user.page
    page.goto(url)
    heading(page, "Waarmee kunnen we u helpen?")
    user.tick("Kinderopvang, omdat ik een tijd niet voor mijn kinderen kan zorgen")
    user.press_button("Begin de aanvraag voor kinderopvang")

    heading(page, "Start")
    user.press_button("Aanvraag starten")

    heading(page, "Uw gezin")
    user.type_text("Naam", "A. Jansen")
    user.choose("Wat doet deze ouder of verzorger overdag?", "werkt")
    user.type_text("Telefoonnummer", "06 12345678")
    user.type_text("Postcode", "3341 AB")
    user.choose("Staan uw kinderen ingeschreven in Hendrik-Ido-Ambacht?", "Ja")
    user.press_button("Verder")

    heading(page, "Uw kinderen")
    user.press_button("Ik heb de code opgeschreven", backwards=True)
    expect(page.get_by_role("button", name="Ik heb de code opgeschreven")).to_have_count(0)
    user.type_text("Voornaam", "Sam")
    user.type_date("Geboortedatum", "02-04-2023")
    user.choose("Welke opvang heeft u nodig?", "kinderdagverblijf (KDV)")
    user.type_text("Hoeveel dagdelen per week? Een dagdeel is een ochtend of een middag.", "4")
    start = date.today() + timedelta(days=30)
    user.type_date("Vanaf wanneer heeft u opvang nodig?", start.strftime("%d-%m-%Y"))
    user.press_button("Verder")

    heading(page, "Uw hulpvraag en situatie")
    user.tick("lichamelijke ziekte")
    user.type_area("Vertel in uw eigen woorden wat er aan de hand is", "Moeder herstelt van een operatie.")
    user.type_area(
        "Wat is moeilijk door uw gezondheid of beperking? Schrijf één ding per regel.",
        "Ik mag 3 maanden niets tillen\nIk kan niet autorijden",
    )
    confirmation = "Kan een arts uw gezondheidsklachten bevestigen?"
    user.choose(confirmation, "Ja, ik voeg een verklaring van mijn arts toe")
    with page.expect_file_chooser() as chooser:  # the upload opens the system's file dialog
        user.press_button("Upload")
    assert not chooser.value.is_multiple()
    user.choose(confirmation, "Ja, u mag het aan mijn huisarts vragen")
    expect(page.get_by_test_id("stFileUploader")).to_have_count(0)
    user.press_button("Verder")

    heading(page, "Uw netwerk")
    user.choose("Heeft u nagedacht over wie in uw omgeving kan helpen?", "Ja")
    user.press_button("Persoon toevoegen")
    user.choose("Wie is dit?", "opa of oma")
    user.choose("Kan deze persoon de zorg overnemen?", "nee")
    user.type_area("Waarom niet, of waarom maar een deel?", "Woont in Groningen.")
    user.press_button("Verder")

    heading(page, "Geld en afspraken")
    user.choose("Heeft u recht op kinderopvangtoeslag?", "nee")
    user.choose("Kunt u een deel van de kinderopvang zelf betalen?", "Nee")
    user.choose("Wilt u samen met WIJzer werken aan een plan, zodat u het weer zelf kunt?", "Ja")
    user.choose("Wilt u meedoen aan gesprekken over hoe het gaat, en aan extra hulp?", "Ja")
    user.press_button("Verder")

    heading(page, "Toestemming")
    consents = user.main().get_by_role("radiogroup")
    expect(consents).to_have_count(4)
    for nth in range(4):
        user.choose_in(consents.nth(nth), f"consent question {nth + 1}", "Ja")
    user.press_button("Verder")

    heading(page, "Controleren en versturen")
    expect(page.get_by_text("U komt waarschijnlijk in aanmerking")).to_be_visible()
    user.press_button("Aanvraag versturen", key="Space", backwards=True)
    heading(page, "Verzonden")
    return reference_on(page)


def test_the_whole_intake_can_be_completed_with_the_keyboard_alone(
    running_app: RunningApp, page: Page
) -> None:
    user = KeyboardUser(page)
    reference = complete_the_intake(user, running_app.url)

    engine = make_engine(running_app.database_url)
    service = IntakeService(
        uow_factory(engine, Cipher(running_app.encryption_key)),
        default_municipality(),
    )
    stored = service.case_answers(reference)
    engine.dispose()
    answers = stored["answers"]
    assert answers["parents"][0]["name"] == "A. Jansen"
    assert answers["children"][0]["first_name"] == "Sam"
    assert answers["children"][0]["date_of_birth"] == "2023-04-02"
    assert answers["children"][0]["dagdelen_per_week"] == 4
    assert answers["reasons"] == ["medical_physical"]
    assert answers["bottlenecks"] == ["Ik mag 3 maanden niets tillen", "Ik kan niet autorijden"]
    assert answers["medical_confirmation"] == "gp_consent"
    assert stored["check"]["outcome"] == "eligible"

    # The focus was visible on every kind of control reached (WCAG 2.4.7).
    for control in (
        "the button 'Aanvraag starten'",
        "the button 'Verder'",
        "the field 'Naam'",
        "the date field 'Geboortedatum'",
        "the field 'Hoeveel dagdelen per week? Een dagdeel is een ochtend of een middag.'",
        "the text area 'Vertel in uw eigen woorden wat er aan de hand is'",
        "the checkbox 'lichamelijke ziekte'",
        "the question 'Wat doet deze ouder of verzorger overdag?'",
        "the button 'Upload'",
        "the button 'Aanvraag versturen'",
    ):
        assert control in user.indicators, f"the focus indicator on {control} was not checked"
