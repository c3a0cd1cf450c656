"""The beschikking and the DAT letter as content: each rule passing and broken, and their terms."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from smi_core.istandaarden.codes import Eenheid, Frequentie
from smi_core.istandaarden.kinds import Domain
from smi_core.wmo.catalogue import EXAMPLE_CATALOGUE_FILE, load_catalogue
from smi_core.wmo.conversion import Form
from smi_core.wmo.letters import (
    BeschikkingLetter,
    DatLetter,
    DatLetterInvalid,
    DatStep,
    Decision,
    LetterIncomplete,
    LetterRule,
    Provision,
    Resident,
    beschikking_due,
    category_label,
    check_letter,
    ensure_complete,
)
from smi_core.wmo.terms import Law

CATALOGUE = load_catalogue(EXAMPLE_CATALOGUE_FILE)
HOUSEHOLD = CATALOGUE.product(Domain.WMO, "01A01")
YOUTH = CATALOGUE.product(Domain.JW, "45A01")
assert HOUSEHOLD is not None and YOUTH is not None

PROVISION = Provision.of(
    HOUSEHOLD,
    volume=3,
    start=date(2027, 1, 1),
    end=date(2027, 12, 31),
    form=Form.ZIN,
    provider="Voorbeeldzorg (voorbeeld)",
)
GRANT = BeschikkingLetter(
    law=Law.WMO,
    decision=Decision.GRANTED,
    request_date=date(2026, 11, 20),
    decision_date=date(2026, 12, 1),
    resident=Resident("J. de Vries", ("Dorpsstraat 1", "3341 AB Voorbeeldstad")),
    motivation="U kunt het huis niet meer zelf schoonhouden.",
    provisions=(PROVISION,),
    results=("Een schoon en leefbaar huis",),
    evaluation_moments=(date(2027, 6, 1),),
)
REFUSAL = replace(GRANT, decision=Decision.REFUSED, provisions=(), results=())
#: Youth care a certified institution decided on (route G).
GI_DECISION = replace(
    GRANT,
    law=Law.JEUGDWET,
    provisions=(
        Provision.of(
            YOUTH, volume=2, start=date(2027, 1, 1), end=date(2027, 6, 30), form=Form.ZIN, provider="De Linde"
        ),
    ),
    decided_by_certified_institution=True,
)


def _details(beschikking: BeschikkingLetter) -> list[str]:
    return [finding.detail for finding in check_letter(beschikking)]


def test_a_complete_grant_breaks_no_rule() -> None:
    assert check_letter(GRANT) == ()
    assert ensure_complete(GRANT) is GRANT


def test_a_provision_of_a_catalogue_product_takes_its_category_code_name_unit_and_frequency() -> None:
    assert (PROVISION.category, PROVISION.product_code, PROVISION.product_name) == (
        "01",
        "01A01",
        "Hulp bij het huishouden",
    )
    assert (PROVISION.unit, PROVISION.frequency) == (Eenheid.UUR, Frequentie.PER_WEEK)


def test_a_refusal_with_its_motivation_breaks_no_rule() -> None:
    assert check_letter(REFUSAL) == ()


@pytest.mark.parametrize("beschikking", [GRANT, REFUSAL], ids=["grant", "refusal"])
def test_content_every_decision_needs_its_motivation(beschikking: BeschikkingLetter) -> None:
    findings = check_letter(replace(beschikking, motivation="  \n "))

    assert [(f.rule, f.detail) for f in findings] == [(LetterRule.CONTENT, "the motivation is missing")]


@pytest.mark.parametrize(
    ("change", "detail"),
    [
        ({"product_code": ""}, "the product (code and name) is missing"),
        ({"product_name": " "}, "the product (code and name) is missing"),
        ({"volume": None}, "the volume is missing"),
        ({"volume": 0}, "the volume is missing"),
        ({"unit": None}, "the unit is missing"),
        ({"frequency": None}, "the frequency is missing"),
        ({"start": None}, "the start date is missing"),
        ({"end": None}, "the end date is missing"),
        ({"end": date(2026, 12, 31)}, "it ends before it starts"),
        ({"provider": ""}, "the provider is missing (zorg in natura)"),
        ({"category": "45"}, "category '45' is not a product category of the wmo"),
    ],
)
def test_content_a_granted_provision_names_product_volume_unit_frequency_start_end_and_provider(
    change: dict[str, object], detail: str
) -> None:
    provision = replace(PROVISION, **change)  # type: ignore[arg-type]

    findings = check_letter(replace(GRANT, provisions=(provision,)))

    assert {f.rule for f in findings} == {LetterRule.CONTENT}
    assert [f.detail.split(": ", 1)[1] for f in findings] == [detail]


def test_content_a_pgb_needs_no_provider() -> None:
    pgb = replace(PROVISION, form=Form.PGB, provider="")

    assert check_letter(replace(GRANT, provisions=(pgb,))) == ()


def test_content_a_grant_names_its_provisions_and_results() -> None:
    assert _details(replace(GRANT, provisions=(), results=(" ",))) == [
        "a grant names the provisions granted",
        "a grant names the results to reach",
    ]


def test_content_a_partial_grant_is_checked_as_a_grant() -> None:
    assert _details(replace(GRANT, decision=Decision.PARTLY_GRANTED, provisions=())) == [
        "a grant names the provisions granted"
    ]


def test_content_a_refusal_grants_no_provisions() -> None:
    assert _details(replace(REFUSAL, provisions=(PROVISION,))) == ["a refusal grants no provisions"]


def test_content_a_decision_is_not_dated_before_its_request() -> None:
    assert _details(replace(GRANT, decision_date=date(2026, 11, 19))) == [
        "the decision is dated before the request"
    ]


def test_every_missing_part_is_named_at_once_with_the_provision_it_belongs_to() -> None:
    empty = replace(PROVISION, volume=None, start=None, provider="")
    beschikking = replace(GRANT, motivation="", provisions=(PROVISION, empty))

    with pytest.raises(LetterIncomplete) as refused:
        ensure_complete(beschikking)

    assert refused.value.rules == {LetterRule.CONTENT}
    assert [f.detail for f in refused.value.findings] == [
        "the motivation is missing",
        "provision 2 (01A01): the volume is missing",
        "provision 2 (01A01): the start date is missing",
        "provision 2 (01A01): the provider is missing (zorg in natura)",
    ]


def test_findings_never_quote_the_resident_or_the_motivation() -> None:
    beschikking = replace(GRANT, motivation=" ", provisions=(replace(PROVISION, volume=None),))

    message = str(LetterIncomplete(check_letter(beschikking)))

    assert "Vries" not in message and "Dorpsstraat" not in message and "schoon" not in message


def test_no_bezwaar_the_municipality_s_decision_has_the_objection_clause() -> None:
    assert GRANT.objection_clause is True
    assert replace(GRANT, law=Law.JEUGDWET).objection_clause is True


def test_no_bezwaar_a_certified_institution_s_decision_has_no_objection_clause() -> None:
    assert GI_DECISION.objection_clause is False
    assert check_letter(GI_DECISION) == ()


def test_no_bezwaar_a_certified_institution_decides_on_youth_care_only() -> None:
    findings = check_letter(replace(GRANT, decided_by_certified_institution=True))

    assert [f.rule for f in findings] == [LetterRule.NO_BEZWAAR]


def test_term_a_wmo_beschikking_is_due_two_weeks_after_the_request() -> None:
    assert beschikking_due(date(2026, 11, 20), Law.WMO) == date(2026, 12, 4)
    assert GRANT.due == date(2026, 12, 4)


def test_term_a_jeugdwet_beschikking_is_due_eight_weeks_after_the_request() -> None:
    assert beschikking_due(date(2026, 11, 20), Law.JEUGDWET) == date(2027, 1, 15)


def test_the_category_is_named_by_the_standard_of_the_law() -> None:
    assert category_label(Law.WMO, "02") == "Begeleiding"
    assert category_label(Law.JEUGDWET, "45") == "Jeugdhulp ambulant"
    assert category_label(Law.WMO, "99") == "99"


DAT = DatLetter(
    resident=Resident("J. de Vries"),
    passed_on=date(2026, 12, 1),
    coalition="Coalitie Begeleiding (voorbeeld)",
    letter_date=date(2026, 12, 2),
)


def test_dat_the_letter_is_not_a_beschikking() -> None:
    assert DatLetter.is_beschikking is False


def test_dat_contact_the_counsellor_contacts_within_one_week_of_passing_on() -> None:
    assert DAT.contact_due == date(2026, 12, 8)


def test_dat_what_happens_next_is_contact_then_the_conversation_then_the_plan_under_mandate() -> None:
    assert [step.value for step in DAT.next_steps] == ["BEG-CONTACT-1W", "BEG-START-DATE", "BEG-MANDATE"]
    assert DAT.next_steps[-1] is DatStep.PLAN


@pytest.mark.parametrize(
    "change",
    [{"coalition": " "}, {"letter_date": date(2026, 11, 30)}],
    ids=["no_coalition", "dated_before_passing_on"],
)
def test_dat_a_letter_without_coalition_or_dated_before_passing_on_is_refused(
    change: dict[str, object],
) -> None:
    with pytest.raises(DatLetterInvalid):
        replace(DAT, **change)  # type: ignore[arg-type]


@given(st.text(min_size=1).filter(lambda text: text.strip() != ""))
def test_any_motivation_that_is_not_blank_meets_the_motivation_rule(motivation: str) -> None:
    assert check_letter(replace(GRANT, motivation=motivation)) == ()
