"""The beschikking and the DAT letter are PDFs in the resident's language: the decision first, the
provisions, the motivation exactly as typed, the objection clause where it belongs, and a DAT letter
that says plainly it is not a decision."""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from smi_core.i18n import SUPPORTED_LOCALES
from smi_core.municipality import EXAMPLE_MUNICIPALITY_FILE, MunicipalityConfig, load_municipality
from smi_core.wmo.letters import BeschikkingLetter, LetterIncomplete, LetterRule
from smi_intake.wmo_letters import beschikking_pdf, dat_letter_pdf
from tests.pdf_text import pdf_lines, pdf_text, visual_rtl
from tests.unit.test_wmo_letters_content import DAT, GI_DECISION, GRANT, REFUSAL

MARKUP = "**vet** <b>x</b> _niet_ [link](https://x.example) &amp; %(team)s"
MUNICIPALITY = load_municipality(EXAMPLE_MUNICIPALITY_FILE).model_copy(
    update={
        "contact_phone": "14 0000",
        "contact_email": "bezwaar@voorbeeldstad.example",
        "website": "https://voorbeeldstad.example",
    }
)
LETTER = replace(GRANT, motivation=MARKUP)


def _in_rtl_lines(expected: str, pdf: bytes) -> bool:
    """Whether a line of the right-to-left letter shows ``expected`` (a text on one line)."""
    return any(visual_rtl(expected) in line for line in pdf_lines(pdf))


def test_the_dutch_beschikking_says_the_decision_first_then_the_provisions() -> None:
    text = pdf_text(beschikking_pdf(LETTER, MUNICIPALITY, "nl"))

    assert text.startswith(
        "Voorbeeldstad - Sociaal Team Voorbeeldstad J. de Vries Dorpsstraat 1 3341 AB Voorbeeldstad"
    )
    assert (
        "Datum: 1 december 2026 Besluit over uw aanvraag U krijgt de ondersteuning die u hebt aangevraagd."
        in text
    )
    assert "U hebt op 20 november 2026 ondersteuning aangevraagd." in text
    assert (
        "Wat u krijgt Hulp bij het huishouden Hoeveel: 3 uur per week"
        " Van 1 januari 2027 tot en met 31 december 2027"
        " Hoe: ondersteuning van een aanbieder die de gemeente betaalt (zorg in natura)"
        " Aanbieder: Voorbeeldzorg (voorbeeld)"
    ) in text
    assert "Wat de ondersteuning moet bereiken - Een schoon en leefbaar huis" in text
    assert "Op 1 juni 2027 praten we met u en de aanbieder over hoe de ondersteuning gaat." in text


def test_the_motivation_is_printed_exactly_as_typed_markup_and_all() -> None:
    lines = pdf_lines(beschikking_pdf(LETTER, MUNICIPALITY, "nl"))

    assert lines[lines.index("Waarom wij dit besluiten") + 1] == MARKUP


def test_a_motivation_of_several_lines_keeps_its_lines() -> None:
    lines = pdf_lines(
        beschikking_pdf(replace(GRANT, motivation="Eerste regel.\nTweede <i>regel</i>."), MUNICIPALITY, "nl")
    )
    after = lines.index("Waarom wij dit besluiten") + 1

    assert lines[after : after + 2] == ["Eerste regel.", "Tweede <i>regel</i>."]


def test_the_municipality_s_decision_ends_with_the_objection_clause_and_where_to_send_it() -> None:
    text = pdf_text(beschikking_pdf(LETTER, MUNICIPALITY, "nl"))

    assert "Bent u het niet eens met dit besluit? Dan kunt u binnen 6 weken bezwaar maken." in text
    assert "Stuur uw bezwaar naar het college van burgemeester en wethouders van Voorbeeldstad." in text
    assert "U kunt het sturen via: bezwaar@voorbeeldstad.example, https://voorbeeldstad.example" in text
    assert "Vragen? Neem contact op met Sociaal Team Voorbeeldstad: 14 0000," in text


def test_without_an_address_for_objections_the_letter_says_whom_to_ask() -> None:
    municipality = MUNICIPALITY.model_copy(update={"contact_email": "", "website": ""})

    text = pdf_text(beschikking_pdf(LETTER, municipality, "nl"))

    assert "Vraag Sociaal Team Voorbeeldstad waar u het naartoe stuurt." in text
    assert "U kunt het sturen via" not in text


def test_a_certified_institution_s_decision_has_no_objection_clause_but_says_why() -> None:
    text = pdf_text(beschikking_pdf(GI_DECISION, MUNICIPALITY, "nl"))

    assert "bezwaar maken." not in text.split("Een gecertificeerde instelling")[0]
    assert "Binnen 6 weken" not in text and "binnen 6 weken" not in text
    assert "Een gecertificeerde instelling heeft besloten welke jeugdhulp nodig is." in text
    assert "Daarom kunt u bij de gemeente geen bezwaar maken tegen deze brief." in text
    assert "Jeugdwet" in text


def test_a_refusal_says_so_first_and_lists_no_provisions() -> None:
    text = pdf_text(beschikking_pdf(REFUSAL, MUNICIPALITY, "nl"))

    assert "Besluit over uw aanvraag U krijgt de ondersteuning die u hebt aangevraagd niet." in text
    assert "Wat u krijgt" not in text and "Hoeveel:" not in text
    assert "binnen 6 weken bezwaar maken" in text


def test_an_incomplete_beschikking_is_not_printed() -> None:
    with pytest.raises(LetterIncomplete) as refused:
        beschikking_pdf(replace(GRANT, motivation=""), MUNICIPALITY, "nl")

    assert refused.value.rules == {LetterRule.CONTENT}


def test_the_arabic_beschikking_reads_right_to_left_with_the_decision_provisions_and_objection() -> None:
    pdf = beschikking_pdf(LETTER, MUNICIPALITY, "ar")

    assert b"/Lang (ar)" in pdf
    assert _in_rtl_lines("قرار بشأن طلبك", pdf)
    assert _in_rtl_lines("ستحصل على الدعم الذي طلبته.", pdf)
    assert _in_rtl_lines("الكمية: 3 ساعات في الأسبوع", pdf)
    assert _in_rtl_lines("هل أنت غير موافق على هذا القرار؟ يمكنك الاعتراض خلال 6 أسابيع.", pdf)
    assert "Hulp bij het huishouden" in pdf_lines(pdf)


def test_in_the_arabic_letter_the_typed_motivation_and_address_keep_their_own_direction() -> None:
    lines = pdf_lines(beschikking_pdf(LETTER, MUNICIPALITY, "ar"))

    assert MARKUP in lines
    assert "3341 AB Voorbeeldstad" in lines


def test_the_arabic_decision_of_a_certified_institution_has_no_objection_clause() -> None:
    pdf = beschikking_pdf(GI_DECISION, MUNICIPALITY, "ar")

    assert not _in_rtl_lines("يمكنك الاعتراض خلال 6 أسابيع.", pdf)
    assert _in_rtl_lines("قررت مؤسسة معتمدة ما هي مساعدة الشباب اللازمة.", pdf)


@pytest.mark.parametrize("locale", SUPPORTED_LOCALES)
@pytest.mark.parametrize("beschikking", [LETTER, REFUSAL, GI_DECISION], ids=["grant", "refusal", "gi"])
def test_a_beschikking_is_made_in_every_resident_language(
    locale: str, beschikking: BeschikkingLetter
) -> None:
    pdf = beschikking_pdf(beschikking, MUNICIPALITY, locale)

    assert pdf.startswith(b"%PDF-") and pdf.rstrip().endswith(b"%%EOF")
    assert f"/Lang ({locale})".encode() in pdf
    assert "Voorbeeldstad - Sociaal Team Voorbeeldstad" in pdf_lines(pdf)


def test_the_dutch_dat_letter_says_plainly_it_is_not_a_decision_and_what_happens_next() -> None:
    text = pdf_text(dat_letter_pdf(DAT, MUNICIPALITY, "nl"))

    assert "Uw vraag om begeleiding: dit is nog geen besluit" in text
    assert (
        "Wij hebben uw vraag om begeleiding op 1 december 2026 doorgegeven"
        " aan Coalitie Begeleiding (voorbeeld)." in text
    )
    assert "Deze brief is geen besluit. U kunt dus geen bezwaar maken tegen deze brief." in text
    assert (
        "1. Een vaste begeleider van Coalitie Begeleiding (voorbeeld) neemt uiterlijk op 8 december 2026"
        in text
    )
    assert "2. U hebt een gesprek met de begeleider." in text
    assert "3. De begeleider schrijft de afspraken op in een plan." in text
    assert "Dit plan is het besluit over uw begeleiding." in text
    assert "namens de gemeente Voorbeeldstad. Tegen dat plan kunt u wel bezwaar maken." in text
    assert "U kunt altijd opnieuw met Sociaal Team Voorbeeldstad praten." in text
    assert "binnen 6 weken" not in text


def test_the_arabic_dat_letter_says_it_is_not_a_decision() -> None:
    pdf = dat_letter_pdf(DAT, MUNICIPALITY, "ar")

    assert b"/Lang (ar)" in pdf
    assert _in_rtl_lines("هذه الرسالة ليست", pdf)
    assert _in_rtl_lines("لذلك لا يمكنك الاعتراض على هذه الرسالة.", pdf)
    assert _in_rtl_lines("هذا ليس", pdf)


@pytest.mark.parametrize("locale", SUPPORTED_LOCALES)
def test_a_dat_letter_is_made_in_every_resident_language(locale: str) -> None:
    pdf = dat_letter_pdf(DAT, MUNICIPALITY, locale)

    assert pdf.startswith(b"%PDF-") and f"/Lang ({locale})".encode() in pdf
    assert any("Coalitie Begeleiding (voorbeeld)" in line for line in pdf_lines(pdf))


def test_the_contact_falls_back_to_the_municipality_when_no_contact_details_are_set() -> None:
    municipality: MunicipalityConfig = load_municipality(EXAMPLE_MUNICIPALITY_FILE)

    text = pdf_text(dat_letter_pdf(DAT, municipality, "nl"))

    assert text.endswith("Neem contact op met Sociaal Team Voorbeeldstad via de gemeente Voorbeeldstad.")


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    motivation=st.text(min_size=1, max_size=400).filter(lambda text: text.strip() != ""),
    locale=st.sampled_from(SUPPORTED_LOCALES),
)
def test_any_motivation_renders_without_error(motivation: str, locale: str) -> None:
    pdf = beschikking_pdf(replace(GRANT, motivation=motivation), MUNICIPALITY, locale)

    assert pdf.startswith(b"%PDF-") and pdf.rstrip().endswith(b"%%EOF")
