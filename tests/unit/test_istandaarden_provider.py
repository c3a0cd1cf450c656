"""The provider's messages made from a toewijzing: each is valid in every level against the 301 it
answers (XSD where the schemas are, the in-message rules, the cross-message rules)."""

from __future__ import annotations

from datetime import date

import pytest

from smi_core.istandaarden.codes import Domain, Eenheid, Frequentie, Geslacht, RedenVerzoek, TypeVerwijzer
from smi_core.istandaarden.common import Omvang
from smi_core.istandaarden.crosschecks import check_against_history
from smi_core.istandaarden.history import InMemoryHistory
from smi_core.istandaarden.messages import Message, ToewijzingBericht
from smi_core.istandaarden.provider import (
    NotAssigned,
    Referral,
    RequestedClient,
    assignment_request,
    change_request,
    start_message,
    stop_message,
)
from smi_core.istandaarden.rules import check_message
from smi_core.istandaarden.schemas import SchemaCheck
from smi_core.istandaarden.xml import read, write
from tests.istandaarden_factories import (
    BSN,
    MUNICIPALITY,
    PROVIDER,
    product,
    reference_schemas,
    toegewezen,
    toewijzing,
)

ON = date(2026, 4, 6)


def two_assignments() -> ToewijzingBericht:
    return toewijzing(
        Domain.JW, toegewezen(number=1001), toegewezen(number=1002, product=product(Domain.JW, "X1"))
    )


def valid_everywhere(message: Message, *earlier: Message) -> list[str]:
    """The rules ``message`` breaks at any level, after ``earlier`` (empty when it is valid)."""
    history = InMemoryHistory()
    for one in earlier:
        history.add(one)
    data = write(message)
    schemas = reference_schemas()
    if schemas is not None:
        assert schemas.validate(data, message.kind, message.domain) is SchemaCheck.PASSED
    assert read(data) == message
    findings = check_message(message) or check_against_history(message, history)
    return [finding.rule.value for finding in findings]


@pytest.mark.parametrize("domain", list(Domain))
def test_a_start_and_then_a_stop_of_an_assigned_product_are_valid(domain: Domain) -> None:
    assigned = toewijzing(
        domain, toegewezen(domain, 1001), toegewezen(domain, 1002, product=product(domain, "X1"))
    )

    started = start_message(assigned, 1002, date(2026, 4, 3), identification="S-1", on=ON)
    stopped = stop_message(
        assigned, 1002, date(2026, 4, 3), date(2026, 6, 30), "20", identification="P-1", on=ON
    )

    assert valid_everywhere(started, assigned) == []
    assert valid_everywhere(stopped, assigned, started) == []
    [product_started] = started.client.start_producten
    assert (product_started.toewijzing_nummer, product_started.product) == (1002, product(domain, "X1"))
    assert (started.client.bsn, started.municipality, started.provider) == (BSN, MUNICIPALITY, PROVIDER)
    assert started.client.naam.geslachtsnaam == assigned.client.naam.geslachtsnaam


def test_a_change_request_lists_the_other_assignments_unchanged() -> None:
    assigned = toewijzing(
        Domain.JW, toegewezen(number=1001), toegewezen(number=1002, product=product(Domain.JW, "X1"))
    )

    asked = change_request(
        assigned,
        1001,
        reference="VOW-7",
        reason=RedenVerzoek.CLIENTSITUATIE,
        from_date=date(2026, 5, 1),
        omvang=Omvang(volume=8, eenheid=Eenheid.UUR, frequentie=Frequentie.PER_MAAND),
        einddatum=None,
        unchanged=[1001, 1002],
        identification="W-1",
        on=ON,
    )

    assert valid_everywhere(asked, assigned) == []
    verzoek = asked.client.verzoek
    assert [p.toewijzing_nummer for p in verzoek.ongewijzigde_producten] == [1002]
    assert [p.toewijzing_nummer for p in verzoek.te_wijzigen_producten] == [1001]


def test_a_change_request_that_leaves_out_a_current_assignment_breaks_tr349() -> None:
    assigned = toewijzing(
        Domain.JW, toegewezen(number=1001), toegewezen(number=1002, product=product(Domain.JW, "X1"))
    )

    asked = change_request(
        assigned,
        1001,
        reference="VOW-8",
        reason=RedenVerzoek.ZORGPLAN,
        from_date=date(2026, 5, 1),
        omvang=None,
        einddatum=date(2026, 9, 30),
        unchanged=[],
        identification="W-2",
        on=ON,
    )

    assert valid_everywhere(asked, assigned) == ["TR349"]


def test_a_request_for_an_assignment_names_the_client_the_product_and_the_referrer() -> None:
    asked = assignment_request(
        Domain.JW,
        municipality=MUNICIPALITY,
        provider=PROVIDER,
        client=RequestedClient(
            bsn=BSN, born=date(2014, 2, 3), gender=Geslacht.MANNELIJK, surname="Bos", initials="K"
        ),
        product=product(Domain.JW, "45A01"),
        start=date(2026, 5, 1),
        end=date(2026, 10, 31),
        omvang=Omvang(volume=4, eenheid=Eenheid.UUR, frequentie=Frequentie.PER_WEEK),
        referral=Referral(TypeVerwijzer.HUISARTS, code="01234567"),
        reference="VOT-3",
        identification="V-1",
        on=ON,
    )

    assert valid_everywhere(asked) == []
    [requested] = asked.client.aangevraagde_producten
    assert (requested.referentie_aanbieder, requested.verwijzer.type) == ("VOT-3", TypeVerwijzer.HUISARTS)


def test_a_message_about_a_number_the_toewijzing_does_not_hold_is_refused_before_it_is_made() -> None:
    with pytest.raises(NotAssigned) as refused:
        start_message(toewijzing(), 4242, date(2026, 4, 3), identification="S-1", on=ON)

    assert refused.value.number == 4242
