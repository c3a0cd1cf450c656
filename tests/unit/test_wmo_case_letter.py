"""The beschikking letter of a Wmo case is built from what route T recorded: the identified
client at the melding's postcode, the decision with its motivation and days, the chosen provision
with its provider, the plan's results and the evaluation moments; nothing is typed twice."""

from __future__ import annotations

from datetime import date

import pytest

from smi_core.case.wmo_letter import beschikking_letter, formal_name
from smi_core.case.wmo_records import WmoRecords
from smi_core.istandaarden.codes import Eenheid, Frequentie
from smi_core.wmo.conversion import Form
from smi_core.wmo.letters import Decision, LetterIncomplete, LetterRule, check_letter
from smi_core.wmo.terms import Law
from tests import wmo_factories as make

CHOICE = make.choice(provider_name="Voorbeeld Begeleiding (voorbeeld)")
GRANTED = WmoRecords(
    client=make.client(initials="JA", prefix="van", surname="Dijk"),
    investigation=make.report(),
    plans=(make.plan(results=("Een oude uitkomst",)), make.plan()),
    provision=CHOICE,
    beschikking=make.beschikking(),
)


def test_a_granted_beschikking_becomes_a_letter_that_can_be_sent() -> None:
    letter = beschikking_letter(GRANTED, make.melding(name="Jet van Dijk"))

    assert check_letter(letter) == ()
    assert letter.law is Law.WMO and letter.decision is Decision.GRANTED
    assert (letter.request_date, letter.decision_date) == (
        make.beschikking().requested_on,
        make.beschikking().decided_on,
    )
    assert letter.motivation == make.MOTIVATION
    assert letter.results == (make.RESULT,)
    assert letter.evaluation_moments == CHOICE.evaluations
    assert letter.objection_clause is True


def test_the_letter_is_addressed_to_the_identified_client_at_the_melding_s_postcode() -> None:
    letter = beschikking_letter(GRANTED, make.melding(name="Jet", postcode="3341 AB"))

    assert letter.resident.name == "J.A. van Dijk"
    assert letter.resident.address_lines == ("3341 AB",)


def test_the_letter_grants_the_chosen_provision_with_its_quantity_period_and_provider() -> None:
    [provision] = beschikking_letter(GRANTED, make.melding()).provisions

    assert (provision.category, provision.product_code, provision.product_name) == (
        "02",
        make.PRODUCT,
        "Begeleiding traject 2a",
    )
    assert (provision.volume, provision.unit, provision.frequency) == (
        1,
        Eenheid.STUKS_OUTPUT,
        Frequentie.TOTAAL_BINNEN_GELDIGHEIDSDUUR,
    )
    assert (provision.start, provision.end) == (CHOICE.start, CHOICE.end)
    assert provision.form is Form.ZIN
    assert provision.provider == "Voorbeeld Begeleiding (voorbeeld)"


def test_a_provider_without_a_name_in_the_catalogue_is_named_by_its_agb_code() -> None:
    records = WmoRecords(
        client=make.client(), plans=(make.plan(),), provision=make.choice(), beschikking=make.beschikking()
    )

    [provision] = beschikking_letter(records, make.melding()).provisions

    assert provision.provider == make.CONTRACTED


def test_a_refusal_becomes_a_letter_that_grants_nothing() -> None:
    records = WmoRecords(
        client=make.client(),
        plans=(make.plan(),),
        provision=CHOICE,
        beschikking=make.beschikking(granted=False),
    )

    letter = beschikking_letter(records, make.melding())

    assert letter.decision is Decision.REFUSED
    assert (letter.provisions, letter.results, letter.evaluation_moments) == ((), (), ())
    assert check_letter(letter) == ()


def test_a_grant_without_a_support_plan_is_a_letter_that_misses_its_results() -> None:
    records = WmoRecords(client=make.client(), provision=CHOICE, beschikking=make.beschikking())

    findings = check_letter(beschikking_letter(records, make.melding()))

    assert [(f.rule, f.detail) for f in findings] == [
        (LetterRule.CONTENT, "a grant names the results to reach")
    ]


def test_a_provision_without_an_end_date_is_a_letter_that_misses_it() -> None:
    open_ended = make.choice(end=None, frequency=Frequentie.PER_MAAND, volume=8, unit=Eenheid.UUR)
    records = WmoRecords(
        client=make.client(), plans=(make.plan(),), provision=open_ended, beschikking=make.beschikking()
    )

    findings = check_letter(beschikking_letter(records, make.melding()))

    assert [f.detail for f in findings] == [f"provision 1 ({make.PRODUCT}): the end date is missing"]


def test_before_the_client_is_identified_the_letter_takes_the_melding_s_name() -> None:
    records = WmoRecords(plans=(make.plan(),), provision=CHOICE, beschikking=make.beschikking())

    assert beschikking_letter(records, make.melding(name="Jet van Dijk")).resident.name == "Jet van Dijk"
    assert [f.detail for f in check_letter(beschikking_letter(records, make.melding()))] == [
        "the resident's name is missing"
    ]


def test_without_a_recorded_beschikking_there_is_no_letter() -> None:
    records = WmoRecords(client=make.client(), plans=(make.plan(),), provision=CHOICE)

    with pytest.raises(LetterIncomplete) as refused:
        beschikking_letter(records, make.melding())

    assert refused.value.rules == {LetterRule.CONTENT}


@pytest.mark.parametrize(
    ("initials", "prefix", "name"),
    [("J", "", "J. Vermeulen"), ("J.A.", "de", "J.A. de Vermeulen"), ("", "", "Vermeulen")],
)
def test_the_formal_name_puts_a_point_after_each_initial(initials: str, prefix: str, name: str) -> None:
    assert formal_name(make.client(initials=initials, prefix=prefix, surname="Vermeulen")) == name


def test_the_letter_s_term_is_two_weeks_after_the_aanvraag() -> None:
    letter = beschikking_letter(GRANTED, make.melding())

    assert letter.due == date.fromordinal(make.beschikking().requested_on.toordinal() + 14)
