"""The anonymised case summary for the consultation about an extension: nothing in it identifies
the family, whatever the names, addresses, phone numbers, e-mail addresses and dates are."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from smi_core import ExtensionAnswers, IntakeAnswers, default_municipality
from smi_core.anonymise import (
    MARKER,
    AnonymisedSummary,
    anonymised_summary,
    month_of_indication,
    name_values,
    personal_values,
    scrub,
    summary_lines,
)
from smi_core.constants import CareType, Reason
from smi_core.placement import IndicatedChild, Indication
from tests import casework_factories as cw
from tests.factories import child, intake, member, network, parent

MUNICIPALITY = default_municipality()
START = date(2026, 12, 1)
ON = date(2027, 5, 20)


def translate(message: str, /, **values: object) -> str:
    return message % values if values else message


def placed(*children: IndicatedChild, **changes: Any) -> Indication:
    data: dict[str, Any] = {
        "start": START,
        "period_months": 6,
        "care_type": CareType.KDV,
        "children": list(children)
        or [IndicatedChild(name="Sam", date_of_birth=date(2023, 4, 2), dagdelen_per_week=4)],
    }
    data.update(changes)
    return Indication.model_validate(data)


def extension(**changes: Any) -> ExtensionAnswers:
    data: dict[str, Any] = {
        "family_cooperated": True,
        "why_no_improvement": "Het herstel duurt langer dan verwacht.",
        "can_reduce_dagdelen": False,
        "reduce_explanation": "",
        "anonymised_consultation_held": False,
    }
    data.update(changes)
    return ExtensionAnswers.model_validate(data)


# --- scrub ---------------------------------------------------------------------------------------


def test_a_personal_value_is_replaced_case_insensitively_also_inside_longer_words() -> None:
    text = "Moeder JANSEN belt; de Jansens komen. Oma van jansen-de Vries helpt niet."

    assert scrub(text, ["Jansen", "de Vries"]) == (
        f"Moeder {MARKER} belt; de {MARKER}s komen. Oma van {MARKER}-{MARKER} helpt niet."
    )


def test_a_value_of_several_words_is_found_with_any_white_space_between_them() -> None:
    assert scrub("Zij woont aan de Dorpsstraat\n 12 sinds kort.", ["Dorpsstraat 12"]) == (
        f"Zij woont aan de {MARKER} sinds kort."
    )


@pytest.mark.parametrize(
    "found",
    [
        "a.jansen@example.nl",
        "moeder+smi@mail.example.com",
        "06-12345678",
        "06 12 34 56 78",
        "0612345678",
        "+31 6 12345678",
        "+31 (0)78 123 45 67",
        "0031 6 1234 5678",
        "078-1234567",
        "(078) 123 45 67",
        "3341 AB",
        "3341AB",
        "3341ab",
        "123456789",
        "1234.56.789",
        "NL91 ABNA 0417 1643 00",
        "02-04-2023",
        "2-4-2023",
        "2/4/23",
        "2023-04-02",
        "2 april 2023",
        "14 Oct 2019",
    ],
)
def test_contact_data_and_dates_are_removed_by_their_form(found: str) -> None:
    assert scrub(f"Zie {found} hier.", []) == f"Zie {MARKER} hier."


def test_ordinary_numbers_and_words_stay() -> None:
    text = "In 2023 en 2024 kwam zij 3 keer per week, 12 maanden lang, voor 4 dagdelen (1,5 uur)."

    assert scrub(text, ["Truus"]) == text


def test_a_value_split_around_a_replacement_does_not_survive() -> None:
    assert MARKER.casefold() not in "ab"

    scrubbed = scrub("xab]y", ["ab]", "ab"])

    assert "ab" not in scrubbed.casefold()
    assert "ab]" not in scrubbed.casefold()


def test_letters_that_case_fold_to_two_letters_are_found() -> None:
    assert scrub("De STRASSE en de straße.", ["Straße"]) == f"De {MARKER} en de {MARKER}."


# --- the summary --------------------------------------------------------------------------------


def test_the_summary_names_children_by_number_and_age_and_gives_no_calendar_date() -> None:
    children = (
        IndicatedChild(name="Noor", date_of_birth=date(2016, 8, 30), dagdelen_per_week=2),
        IndicatedChild(name="Sam", date_of_birth=date(2023, 4, 2), dagdelen_per_week=4),
    )
    answers = intake(
        parents=[parent(name="A. Jansen", phone="06-12345678", email="a.jansen@example.nl")],
        children=[
            child(first_name="Noor", date_of_birth="2016-08-30", care_type="bso"),
            child(first_name="Sam"),
        ],
        reasons=["medical_physical", "social"],
        network=network(member("no"), member("partly", relation="buurvrouw Truus"), member("yes")),
    )
    why = "Noor en Sam missen structuur; moeder Jansen (06-12345678) herstelt langzaam."

    summary = anonymised_summary(
        answers,
        placed(*children, extensions=1),
        extension(
            why_no_improvement=why, can_reduce_dagdelen=True, reduce_explanation="Truus helpt op vrijdag"
        ),
        MUNICIPALITY,
        ON,
        cw.conversation(),
    )
    lines = summary_lines(summary, translate)

    assert [(c.number, c.age, c.dagdelen_per_week) for c in summary.children] == [(1, 10, 2), (2, 4, 4)]
    assert (summary.first_period_months, summary.extensions_granted, summary.max_extensions) == (6, 1, 2)
    assert (summary.last_day_month, summary.hard_stop_month) == (9, 12)
    assert summary.reasons == [Reason.MEDICAL_PHYSICAL, Reason.SOCIAL]
    assert (summary.network_members, summary.network_can_help, summary.network_can_help_partly) == (3, 1, 1)
    assert (
        summary.why_no_improvement
        == f"{MARKER} en {MARKER} missen structuur; moeder {MARKER} ({MARKER}) herstelt langzaam."
    )
    assert summary.reduce_explanation == f"{MARKER} helpt op vrijdag"
    assert "Child 1: 10 years old, 2 part-days per week" in lines
    assert "Extensions granted so far: 1 of at most 2" in lines
    assert "Did the family cooperate actively: yes" in lines
    assert "Can the number of part-days go down: yes" in lines
    text = "\n".join(lines)
    for value in ("Noor", "Sam", "Jansen", "Truus", "2016", "2023", "30-08", "06-12345678", "3341"):
        assert value.casefold() not in text.casefold(), value
    assert cw.SITUATION in text  # the conversation, which names no one here, is kept


def test_the_summary_without_intake_answers_still_hides_the_indicated_children() -> None:
    why = "Sam (2-4-2023) gaat nog niet vooruit."

    summary = anonymised_summary(None, placed(), extension(why_no_improvement=why), MUNICIPALITY, ON)
    lines = summary_lines(summary, translate)

    assert summary.why_no_improvement == f"{MARKER} ({MARKER}) gaat nog niet vooruit."
    assert "Reasons: not recorded" in lines
    assert "Network analysis: not recorded" in lines


@pytest.mark.parametrize(
    ("day", "month"),
    [(date(2026, 12, 1), 1), (date(2026, 12, 31), 1), (date(2027, 1, 1), 2), (date(2027, 5, 31), 6)],
)
def test_a_day_is_told_as_a_month_of_the_indication(day: date, month: int) -> None:
    assert month_of_indication(START, day) == month


# --- properties ---------------------------------------------------------------------------------

LETTERS = st.characters(categories=["Lu", "Ll"], max_codepoint=0x24F) | st.sampled_from("ßİŞÇÖĳ")
word = st.text(LETTERS, min_size=2, max_size=10).map(str.capitalize)
PARTICLES = st.sampled_from(["", "van ", "de ", "van der "])
digits = st.integers(0, 9)


@st.composite
def phones(draw: st.DrawFn) -> str:
    number = "".join(str(draw(digits)) for _ in range(8))
    return draw(
        st.sampled_from(
            [
                f"06-{number}",
                f"06{number}",
                f"+31 6 {number}",
                f"+316{number}",
                f"078-{number[:7]}",
                f"06 {number[:2]} {number[2:4]} {number[4:6]} {number[6:]}",
            ]
        )
    )


emails = st.builds(
    lambda local, domain: f"{local}@{domain}.nl",
    st.text("abcdefghijklmnopqrstuvwxyz0123456789.", min_size=1, max_size=12).filter(
        lambda s: s[-1].isalnum()
    ),
    st.text("abcdefghijklmnopqrstuvwxyz", min_size=2, max_size=10),
)
postcodes = st.builds(
    lambda n, a, b: f"{n} {a}{b}",
    st.integers(1000, 9999),
    st.sampled_from("ABCDEFGHJKLMNPRTUVWXZ"),
    st.sampled_from("ABCDEFGHJKLMNPRTUVWXZ"),
)
births = st.dates(min_value=date(2014, 6, 1), max_value=date(2026, 6, 1))


@st.composite
def cases(draw: st.DrawFn) -> dict[str, Any]:
    """A family with generated names, address and contact data; the values and the intake."""
    parent_names = [f"{draw(word)} {draw(PARTICLES)}{draw(word)}" for _ in range(draw(st.integers(1, 2)))]
    kids = draw(st.lists(word, min_size=1, max_size=3, unique_by=str.casefold))
    born = [draw(births) for _ in kids]
    phone, email, postcode = draw(phones()), draw(emails), draw(postcodes)
    street, number, place = f"{draw(word)}straat", draw(st.integers(1, 299)), draw(word)
    helper = draw(word)
    answers = intake(
        postcode=postcode,
        parents=[parent(name=name, phone=phone, email=email) for name in parent_names],
        children=[child(first_name=k, date_of_birth=b) for k, b in zip(kids, born, strict=True)],
        network=network(member("partly", relation=f"oma {helper}"), member("no")),
    )
    dates = [f for b in born for f in (f"{b:%d-%m-%Y}", f"{b.day}-{b.month}-{b.year}", b.isoformat())]
    names = [*parent_names, *(n.split()[-1] for n in parent_names), *(n.split()[0] for n in parent_names)]
    return {
        "answers": answers,
        "indication": placed(
            *(
                IndicatedChild(name=k, date_of_birth=b, dagdelen_per_week=2)
                for k, b in zip(kids, born, strict=True)
            )
        ),
        "address": [f"{street} {number}", street, place],
        "values": [
            *names,
            *kids,
            helper,
            phone,
            email,
            postcode,
            *dates,
            f"{street} {number}",
            street,
            place,
        ],
    }


def _story(case: dict[str, Any], mixer: list[str]) -> str:
    """A free text that mentions every personal value, in several cases and spellings."""
    values: list[str] = case["values"]
    said = [mixer[i % len(mixer)].join([" ", " "]) + v for i, v in enumerate(values)]
    shouted = [v.upper() for v in values] + [v.lower() for v in values]
    return "Gesprek: " + ", ".join(said + shouted) + ". Einde."


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow])
@given(cases(), st.lists(st.sampled_from(["en", "met", "bij", "-", "/", "\n"]), min_size=1, max_size=4))
def test_no_personal_value_survives_in_the_summary_lines(case: dict[str, Any], mixer: list[str]) -> None:
    answers: IntakeAnswers = case["answers"]
    story = _story(case, mixer)
    plain = anonymised_summary(
        answers,
        case["indication"],
        extension(why_no_improvement="x", reduce_explanation="x"),
        MUNICIPALITY,
        ON,
        cw.conversation(request="x", situation="x", network="x", alternatives="x", judgement="x"),
    )
    fixed = "\n".join(summary_lines(plain, translate)).casefold()
    for value in case["values"]:
        assume(value.casefold() not in fixed)  # a name like "Child" also occurs in the labels

    summary = anonymised_summary(
        answers,
        case["indication"],
        extension(why_no_improvement=story, reduce_explanation=story),
        MUNICIPALITY,
        ON,
        cw.conversation(request=story, situation=story, network=story, alternatives=story, judgement=story),
        also_personal=case["address"],
    )
    text = "\n".join(summary_lines(summary, translate)).casefold()

    assert "gesprek" in text  # the texts are there, scrubbed
    for value in case["values"]:
        assert value.casefold() not in text, value


@given(cases())
def test_every_name_part_of_the_case_is_among_its_personal_values(case: dict[str, Any]) -> None:
    answers: IntakeAnswers = case["answers"]

    found = {v.casefold() for v in personal_values(answers, case["indication"])}

    for p in answers.parents:
        assert p.name.casefold() in found
        assert p.name.split()[-1].casefold() in found
        assert p.email.casefold() in found
    for c in answers.children:
        assert c.first_name.casefold() in found
        assert f"{c.date_of_birth:%d-%m-%Y}" in found
    assert answers.postcode.casefold() in found


@given(st.text(max_size=300), st.lists(st.text(min_size=1, max_size=8), max_size=5))
def test_scrubbing_removes_every_given_value_from_any_text(text: str, personal: list[str]) -> None:
    mixed = text + "".join(f" {p} {text[:5]}{p.upper()}" for p in personal)

    scrubbed = scrub(mixed, personal)

    for value in personal:
        if any(char.isalnum() for char in value.casefold()):
            assert value.casefold() not in scrubbed.casefold(), value
    assert scrub(scrubbed, personal) == scrubbed


def test_the_model_holds_no_dates() -> None:
    dated = [name for name, field in AnonymisedSummary.model_fields.items() if field.annotation is date]

    assert dated == []


def test_a_surname_that_reads_as_a_particle_is_still_a_personal_value() -> None:
    assert "Dos" in name_values("Aa van Dos")


def test_a_capitalised_first_name_that_reads_as_a_rare_particle_is_a_personal_value() -> None:
    assert "Aan" in name_values("Aan Ad")
    assert "Van" not in name_values("Van den Berg")
    assert "Berg" in name_values("Van den Berg")
