"""The 301 of a granted Wmo provision breaks no in-message rule and carries the catalogue product,
the volume and period, the provider and the client; the open terms become deadlines."""

from __future__ import annotations

from datetime import UTC, date, datetime

from smi_core.deadlines import DeadlineKind, term_deadlines
from smi_core.istandaarden.codes import Domain
from smi_core.istandaarden.rules import check_message
from smi_core.wmo.assignment import contact_comment, toewijzing_of
from smi_core.wmo.terms import Term, state_of
from tests import wmo_factories as make

NOW = datetime(2026, 12, 1, 9, 0, 30, 123, tzinfo=UTC)


def test_the_toewijzing_of_a_provision_breaks_no_rule_and_carries_its_facts() -> None:
    choice = make.choice()

    message = toewijzing_of(
        municipality_code="9999",
        melding=make.melding(),
        client=make.client(prefix="van", initials="JM"),
        provision=choice,
        number=4711,
        identification="M-000001",
        now=NOW,
    )

    assert check_message(message) == []
    assert message.domain is Domain.WMO and (message.municipality, message.provider) == (
        "9999",
        make.CONTRACTED,
    )
    client = message.client
    assert client.bsn == make.BSN and client.geboortedatum.datum == make.melding().date_of_birth
    assert client.naam.geslachtsnaam.voorvoegsel == "van" and client.naam.voorletters == "JM"
    [product] = client.toegewezen_producten
    assert product.toewijzing_nummer == 4711 and product.product is not None
    assert (product.product.categorie.value, product.product.code) == ("02", make.PRODUCT)
    assert (product.ingangsdatum, product.einddatum) == (choice.start, choice.end)
    assert product.omvang is not None and product.omvang.volume == choice.volume
    assert product.toewijzingstijd.microsecond == 0 and product.toewijzingstijd.tzinfo is None


def test_only_the_open_terms_become_deadlines() -> None:
    open_term = state_of(Term.ONDERZOEK, date(2026, 11, 2), date(2026, 12, 20))
    done = state_of(Term.BESCHIKKING, date(2026, 11, 22), date(2026, 12, 20), date(2026, 11, 29))

    [deadline] = term_deadlines("SMI-2026-000001", "w.jansen", [open_term, done])

    assert (deadline.kind, deadline.due, deadline.overdue) == (
        DeadlineKind.WMO_ONDERZOEK,
        date(2026, 12, 14),
        True,
    )


def test_the_toewijzing_names_the_municipalitys_contact_for_the_provider() -> None:
    contact = contact_comment("A. Toegang", "Het sociaal team", ["078 123 45 67", "team@example.org"])
    message = toewijzing_of(
        municipality_code="9999",
        melding=make.melding(),
        client=make.client(),
        provision=make.choice(),
        number=4712,
        identification="M-000002",
        now=NOW,
        contact=contact,
    )

    [product] = message.client.toegewezen_producten
    assert product.commentaar == (
        "Contactpersoon gemeente: A. Toegang, Het sociaal team, 078 123 45 67, team@example.org"
    )
    assert check_message(message) == []
    assert contact_comment("", "Het sociaal team", []) == "Contactpersoon gemeente: Het sociaal team, -"
