"""A care provider's page on both databases: it sees the toewijzingen to its own AGB code only, and
what it sends goes through the same import as a file the back office imports (levels 1-3, stored,
answered with a retour)."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from sqlalchemy import Engine, select

from smi_core.access import Role
from smi_core.errors import NotAllowed
from smi_core.istandaarden.codes import (
    CategorieJw,
    Domain,
    Eenheid,
    Frequentie,
    Geslacht,
    RedenVerzoek,
    TypeVerwijzer,
)
from smi_core.istandaarden.common import Omvang, Product
from smi_core.istandaarden.provider import Referral, RequestedClient
from smi_core.istandaarden.xml import read, write
from smi_intake.db.messages import MessageFilter, MessageState
from smi_intake.db.models import AuditEvent
from smi_intake.db.uow import UnitOfWorkFactory
from smi_intake.services.accounts import Account
from smi_intake.services.message_facts import AssignmentState
from smi_intake.services.messages import MessageService
from smi_intake.services.provider_exchange import MessageNotMade, ProviderExchange
from tests import istandaarden_factories as make

pytestmark = pytest.mark.db

NOW = datetime(2026, 4, 6, 9, 0, tzinfo=UTC)  # a Monday
OTHER_AGB = "42420002"


def _account(username: str, role: Role, organisation: str = "") -> Account:
    return Account(
        username=username,
        display_name=username,
        role=role,
        organisation=organisation,
        email="",
        active=True,
    )


BACK_OFFICE = _account("b.office", Role.GEMEENTE)
PROVIDER = _account("zorg", Role.PROVIDER, make.PROVIDER)
OTHER = _account("ander", Role.PROVIDER, OTHER_AGB)


@pytest.fixture
def messages(uows: UnitOfWorkFactory) -> MessageService:
    return MessageService(uows, make.MUNICIPALITY, make.reference_schemas())


@pytest.fixture
def exchange(uows: UnitOfWorkFactory, messages: MessageService) -> ProviderExchange:
    return ProviderExchange(uows, messages)


def _assign(messages: MessageService, provider: str, number: int, bsn: str, identification: str) -> int:
    message = make.between(
        make.toewijzing(Domain.JW, make.toegewezen(number=number), bsn=bsn, identificatie=identification),
        make.MUNICIPALITY,
        provider,
    )
    return messages.send(message, BACK_OFFICE, NOW)


def test_a_provider_sees_only_the_assignments_to_its_own_agb_code(
    messages: MessageService, exchange: ProviderExchange
) -> None:
    mine = _assign(messages, make.PROVIDER, 1001, make.BSN, "BER-0001")
    _assign(messages, OTHER_AGB, 1002, make.OTHER_BSN, "BER-0002")

    seen = exchange.assignments(PROVIDER, NOW)
    other_sees = exchange.assignments(OTHER, NOW)

    assert [a.message.id for a in seen] == [mine]
    [assignment] = seen
    assert assignment.client_name == "de Wit"
    assert assignment.born == date(2012, 5, 17)
    assert [(p.number, p.state, p.sent) for p in assignment.products] == [
        (1001, AssignmentState.ASSIGNED, ())
    ]
    assert [a.message.receiver for a in other_sees] == [OTHER_AGB]


def test_a_start_for_its_own_assignment_is_accepted_and_answered_with_a_stored_retour(
    messages: MessageService, exchange: ProviderExchange
) -> None:
    assignment = _assign(messages, make.PROVIDER, 1001, make.BSN, "BER-0001")

    outcome = exchange.send_start(PROVIDER, assignment, 1001, date(2026, 4, 3), NOW)

    assert outcome.accepted and (outcome.kind, outcome.retour_codes) == ("305", ())
    [sent] = exchange.sent(PROVIDER)
    assert sent.message.sender == make.PROVIDER and sent.message.state is MessageState.ACCEPTED
    assert sent.retour is not None and sent.retour.kind == "306"
    assert sent.message.identification.startswith("P")
    [product] = exchange.assignments(PROVIDER, NOW)[0].products
    assert product.state is AssignmentState.STARTED and [m.kind for m in product.sent] == ["305"]
    inbox = messages.messages(BACK_OFFICE, MessageFilter(kinds=frozenset({"305"})))
    assert [m.id for m in inbox] == [sent.message.id]  # the back office sees it as an imported one


def test_a_start_for_a_number_the_municipality_never_gave_is_refused_with_tr019(
    messages: MessageService,
) -> None:
    start = make.start_zorg(Domain.JW, make.start(number=4242), identificatie="P-1")

    outcome = messages.receive_from_provider("start.xml", write(start), PROVIDER, NOW)

    assert not outcome.accepted and (outcome.level, outcome.rule) == (3, "TR019")
    assert "9019" in outcome.retour_codes
    assert read(outcome.retour or b"").kind.value == "306"
    stored = messages.messages(BACK_OFFICE, MessageFilter(kinds=frozenset({"305"})))
    assert [m.state for m in stored] == [MessageState.REJECTED]


def test_reading_an_assignment_is_logged_with_the_provider_and_the_message(
    messages: MessageService, exchange: ProviderExchange, engine: Engine
) -> None:
    assignment = _assign(messages, make.PROVIDER, 1001, make.BSN, "BER-0001")

    toewijzing = exchange.assignment(PROVIDER, assignment, NOW)

    with engine.connect() as connection:
        reads = connection.execute(
            select(AuditEvent.actor, AuditEvent.subject_id).where(AuditEvent.action == "message.read")
        ).all()
    assert toewijzing.client.bsn == make.BSN
    assert reads == [(PROVIDER.username, str(assignment))]


def test_another_organisations_assignment_gives_not_allowed(
    messages: MessageService, exchange: ProviderExchange
) -> None:
    theirs = _assign(messages, OTHER_AGB, 1002, make.OTHER_BSN, "BER-0002")

    with pytest.raises(NotAllowed):
        exchange.assignment(PROVIDER, theirs, NOW)
    with pytest.raises(NotAllowed):
        exchange.send_start(PROVIDER, theirs, 1002, date(2026, 4, 3), NOW)
    assert exchange.sent(PROVIDER) == []


def test_a_provider_cannot_send_in_the_name_of_another_provider(messages: MessageService) -> None:
    start = make.between(make.start_zorg(), make.MUNICIPALITY, OTHER_AGB)

    with pytest.raises(NotAllowed):
        messages.receive_from_provider("start.xml", write(start), PROVIDER, NOW)
    assert messages.count(BACK_OFFICE, MessageFilter()) == 0


def test_only_a_care_provider_sends_through_the_provider_page(
    messages: MessageService, exchange: ProviderExchange
) -> None:
    with pytest.raises(NotAllowed):
        messages.receive_from_provider("start.xml", write(make.start_zorg()), BACK_OFFICE, NOW)
    with pytest.raises(NotAllowed):
        exchange.assignments(BACK_OFFICE, NOW)


def test_a_stop_after_the_start_is_accepted_and_a_second_start_is_refused(
    messages: MessageService, exchange: ProviderExchange
) -> None:
    assignment = _assign(messages, make.PROVIDER, 1001, make.BSN, "BER-0001")
    exchange.send_start(PROVIDER, assignment, 1001, date(2026, 4, 3), NOW)

    again = exchange.send_start(PROVIDER, assignment, 1001, date(2026, 4, 4), NOW)
    stop = exchange.send_stop(PROVIDER, assignment, 1001, date(2026, 4, 3), date(2026, 4, 30), "31", NOW)

    assert not again.accepted and "9326" in again.retour_codes  # TR326: one current start
    assert stop.accepted and stop.kind == "307"
    [product] = exchange.assignments(PROVIDER, NOW)[0].products
    assert product.state is AssignmentState.STOPPED


def test_a_change_request_lists_the_other_current_assignments_and_is_accepted(
    messages: MessageService, exchange: ProviderExchange
) -> None:
    two = make.between(
        make.toewijzing(
            Domain.JW,
            make.toegewezen(number=1001),
            make.toegewezen(number=1002, product=make.product(Domain.JW, category="41")),
        ),
        make.MUNICIPALITY,
        make.PROVIDER,
    )
    assignment = messages.send(two, BACK_OFFICE, NOW)
    more = Omvang(volume=8, eenheid=Eenheid.UUR, frequentie=Frequentie.PER_MAAND)

    outcome = exchange.send_change_request(
        PROVIDER, assignment, 1001, RedenVerzoek.ZORGPLAN, date(2026, 5, 1), more, None, NOW
    )

    assert outcome.accepted and outcome.kind == "317"
    [sent] = exchange.sent(PROVIDER)
    assert sent.message.referentie_aanbieder == sent.message.identification
    assert set(sent.message.numbers) == {1001, 1002}


def test_an_assignment_request_is_imported_and_waits_for_the_municipalitys_answer(
    messages: MessageService, exchange: ProviderExchange
) -> None:
    client = RequestedClient(
        bsn=make.BSN, born=date(2012, 5, 17), gender=Geslacht.VROUWELIJK, surname="Wit", initials="T"
    )

    outcome = exchange.send_assignment_request(
        PROVIDER,
        Domain.JW,
        client,
        Product(categorie=CategorieJw("45")),
        date(2026, 4, 20),
        date(2026, 10, 19),
        Omvang(volume=4, eenheid=Eenheid.UUR, frequentie=Frequentie.PER_WEEK),
        Referral(type=TypeVerwijzer.HUISARTS, code="01234567"),
        NOW,
    )

    assert outcome.accepted and outcome.kind == "315"
    [waiting] = messages.open_requests(BACK_OFFICE, NOW.date())
    assert waiting.request.sender == make.PROVIDER


def test_a_value_the_standard_does_not_allow_is_named_by_its_field(exchange: ProviderExchange) -> None:
    client = RequestedClient(
        bsn=make.BSN, born=date(2012, 5, 17), gender=Geslacht.VROUWELIJK, surname="W" * 300
    )

    with pytest.raises(MessageNotMade) as refused:
        exchange.send_assignment_request(
            PROVIDER,
            Domain.JW,
            client,
            Product(categorie=CategorieJw("45")),
            date(2026, 4, 20),
            None,
            Omvang(volume=4, eenheid=Eenheid.UUR, frequentie=Frequentie.PER_MAAND),
            Referral(type=TypeVerwijzer.GEEN_VERWIJZER),
            NOW,
        )

    assert "W" * 10 not in str(refused.value)
