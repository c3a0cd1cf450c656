"""Several begeleiding indications become one traject, on both databases: three indications at
three providers converted into one, with the 301s that end the others; a refused plan and a
refused message store nothing; a pgb outcome sends no new 301 but ends the ZIN ones."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import pytest
from sqlalchemy import func, select

from smi_core.access import Role
from smi_core.errors import NotAllowed
from smi_core.istandaarden import examples as example
from smi_core.istandaarden.codes import Domain, RedenWijziging
from smi_core.istandaarden.messages import ToewijzingBericht
from smi_core.wmo.catalogue import EXAMPLE_CATALOGUE_FILE, load_catalogue
from smi_core.wmo.conversion import ConversionPlan, ConversionRefused, ConversionRule, Form
from smi_intake.db.messages import Direction, MessageFilter, MessageState
from smi_intake.db.models import AssignmentNumberRow, AuditEvent, ConversionRow
from smi_intake.db.uow import UnitOfWorkFactory
from smi_intake.demo_conversion import DEMO_CONVERSION_BSN, seed_demo_conversion
from smi_intake.services.accounts import Account
from smi_intake.services.conversions import ConversionService
from smi_intake.services.message_facts import MessageRefused
from smi_intake.services.messages import MessageService

pytestmark = pytest.mark.db

NOW = datetime(2026, 10, 5, 9, 0, tzinfo=UTC)
TODAY = NOW.date()
MUNICIPALITY = "0531"
BSN = "999900055"
INDIVIDUAL, LINDE, COALITION = "99990001", "99990003", "99990002"  # the example catalogue's
OFFICE = Account(
    username="b.office",
    display_name="Back office",
    role=Role.GEMEENTE,
    organisation="",
    email="",
    active=True,
)
WIJZER = Account(
    username="w.worker", display_name="WIJzer", role=Role.WIJZER, organisation="", email="", active=True
)
FIRST_END = TODAY + timedelta(days=30)
START = FIRST_END - timedelta(days=13)  # the traject starts two weeks before the first one ends
PLAN = ConversionPlan(
    goals=("Zelf de dag indelen", "Weer naar de buurtkamer"),
    segment="2a",
    providers=(COALITION,),
    form=Form.ZIN,
    start=START,
    end=START + timedelta(days=364),
)


@pytest.fixture
def messages(uows: UnitOfWorkFactory) -> MessageService:
    return MessageService(uows, MUNICIPALITY, None)


@pytest.fixture
def service(uows: UnitOfWorkFactory, messages: MessageService) -> ConversionService:
    return ConversionService(uows, messages, load_catalogue(EXAMPLE_CATALOGUE_FILE))


def _assign(messages: MessageService, provider: str, category: str, code: str, start: date, end: date) -> int:
    """A 301 of ours to ``provider`` for one toewijzing of the client; its ToewijzingNummer."""
    sent_at = NOW - timedelta(days=60)
    number = messages.issue_number(OFFICE, Domain.WMO, BSN, code, sent_at)
    product = example.toegewezen(
        Domain.WMO,
        number=number,
        product=example.product(Domain.WMO, code=code, category=category),
        toewijzingsdatum=sent_at.date(),
        toewijzingstijd=time(10, 0),
        ingangsdatum=start,
        einddatum=end,
    )
    message = example.between(
        example.toewijzing(Domain.WMO, product, bsn=BSN, identificatie=messages.next_identification()),
        MUNICIPALITY,
        provider,
    )
    messages.send(message, OFFICE, sent_at)
    return number


def _three_indications(messages: MessageService, linde_start: date | None = None) -> tuple[int, int, int]:
    begun = TODAY - timedelta(days=60)
    individual = _assign(messages, INDIVIDUAL, "02", "02I01", begun, FIRST_END)
    linde = _assign(messages, LINDE, "07", "07D01", linde_start or begun, TODAY + timedelta(days=120))
    coalition = _assign(messages, COALITION, "07", "07D01", begun, TODAY + timedelta(days=200))
    return individual, linde, coalition


def _queued(messages: MessageService) -> list[ToewijzingBericht]:
    """The 301s to send, oldest first, as their content says."""
    waiting = messages.messages(
        OFFICE, MessageFilter(direction=Direction.OUT, states=frozenset({MessageState.TO_SEND}))
    )
    found = []
    for stored in reversed(waiting):
        with messages._uows() as uow:
            _raw, parsed = uow.messages.content(stored.id, OFFICE.username, NOW)
        found.append(ToewijzingBericht.model_validate(parsed))
    return found


def _count(uows: UnitOfWorkFactory, table: type) -> int:
    with uows() as uow:
        return int(uow.session.scalar(select(func.count()).select_from(table)) or 0)


def test_three_indications_become_one_with_a_301_ending_each_of_the_others(
    service: ConversionService, messages: MessageService, uows: UnitOfWorkFactory
) -> None:
    individual, linde, coalition = _three_indications(messages)
    messages.export(OFFICE, NOW - timedelta(days=59))
    [candidate] = service.candidates(WIJZER, NOW)

    done = service.convert(WIJZER, BSN, PLAN, NOW)

    assert (candidate.bsn, candidate.count, candidate.first_end, candidate.due) == (BSN, 3, FIRST_END, True)
    new, *endings = _queued(messages)
    assert [m.provider for m in (new, *endings)] == [COALITION, INDIVIDUAL, LINDE]
    assert len(done.message_ids) == 3
    ended, added = new.client.toegewezen_producten
    assert (added.toewijzing_nummer, added.product and added.product.code) == (done.new_number, "02A01")
    assert done.new_number not in {individual, linde, coalition}
    assert (added.ingangsdatum, added.einddatum, added.reden_wijziging) == (START, PLAN.end, None)
    expected = {COALITION: coalition, INDIVIDUAL: individual, LINDE: linde}
    for message, product in [(new, ended), *((m, m.client.toegewezen_producten[0]) for m in endings)]:
        assert product.toewijzing_nummer == expected[message.provider]  # the same number, ended
        assert product.einddatum == START - timedelta(days=1)
        assert product.reden_wijziging is RedenWijziging.VERKORTING
    now_current = {i.reference: i.end for i in service.current(WIJZER, BSN, NOW)}
    assert now_current == {
        **{str(number): START - timedelta(days=1) for number in (individual, linde, coalition)},
        str(done.new_number): PLAN.end,
    }  # the dropped ones run until the day before the traject
    assert service.candidates(WIJZER, NOW) == []
    assert _count(uows, ConversionRow) == 1
    with uows() as uow:
        actions = set(uow.session.scalars(select(AuditEvent.action)))
    assert {"conversion.candidates_read", "conversion.client_read", "conversion.recorded"} <= actions


def test_an_indication_that_ends_the_day_before_the_traject_starts_needs_no_301(
    service: ConversionService, messages: MessageService
) -> None:
    _individual, linde, coalition = _three_indications(messages)
    messages.export(OFFICE, NOW - timedelta(days=59))
    after_the_first = ConversionPlan(
        goals=PLAN.goals,
        segment="2a",
        providers=(COALITION,),
        form=Form.ZIN,
        start=FIRST_END + timedelta(days=1),
        end=PLAN.end,
    )

    done = service.convert(WIJZER, BSN, after_the_first, NOW)

    new, ending = _queued(messages)
    assert [p.toewijzing_nummer for p in new.client.toegewezen_producten] == [coalition, done.new_number]
    assert (ending.provider, [p.toewijzing_nummer for p in ending.client.toegewezen_producten]) == (
        LINDE,
        [linde],
    )
    assert [e.by_message for e in done.conversion.endings] == [False, True, True]


def test_a_refused_plan_names_every_broken_rule_and_stores_nothing(
    service: ConversionService, messages: MessageService, uows: UnitOfWorkFactory
) -> None:
    _three_indications(messages)
    stored = messages.count(OFFICE, MessageFilter())
    numbers = _count(uows, AssignmentNumberRow)
    plan = ConversionPlan(
        goals=(), segment="2a", providers=(COALITION, LINDE), form=Form.PGB, start=START, end=START
    )

    with pytest.raises(ConversionRefused) as refused:
        service.convert(WIJZER, BSN, plan, NOW)

    assert refused.value.rules == {
        ConversionRule.GOALS_FIRST,
        ConversionRule.ONE_PROVIDER,
        ConversionRule.PGB_RARE,
    }
    assert messages.count(OFFICE, MessageFilter()) == stored
    assert _count(uows, AssignmentNumberRow) == numbers
    assert _count(uows, ConversionRow) == 0


def test_a_refused_301_in_the_middle_stores_none_of_them(
    service: ConversionService, messages: MessageService, uows: UnitOfWorkFactory
) -> None:
    _three_indications(messages, linde_start=START + timedelta(days=5))  # ended before it starts
    stored = messages.count(OFFICE, MessageFilter())
    numbers = _count(uows, AssignmentNumberRow)

    with pytest.raises(MessageRefused) as refused:
        service.convert(WIJZER, BSN, PLAN, NOW)

    assert refused.value.position == 3
    assert messages.count(OFFICE, MessageFilter()) == stored
    assert _count(uows, AssignmentNumberRow) == numbers  # the new number was given back
    assert _count(uows, ConversionRow) == 0


def test_a_pgb_is_recorded_without_a_301_and_the_assignments_in_kind_end(
    service: ConversionService, messages: MessageService, uows: UnitOfWorkFactory
) -> None:
    individual, linde, coalition = _three_indications(messages)
    messages.export(OFFICE, NOW - timedelta(days=59))
    plan = ConversionPlan(
        goals=PLAN.goals,
        segment="2a",
        providers=(INDIVIDUAL,),
        form=Form.PGB,
        start=START,
        end=PLAN.end,
        pgb_reason="Geen gecontracteerde aanbieder biedt dit in de eigen taal; cliënt beheert zelf.",
    )

    done = service.convert(WIJZER, BSN, plan, NOW)

    queued = _queued(messages)
    assert done.new_number is None
    assert [m.provider for m in queued] == [INDIVIDUAL, LINDE, COALITION]
    assert [[p.toewijzing_nummer for p in m.client.toegewezen_producten] for m in queued] == [
        [individual],
        [linde],
        [coalition],
    ]
    assert all(
        p.reden_wijziging is RedenWijziging.VERKORTING for m in queued for p in m.client.toegewezen_producten
    )
    *ending, pgb = service.current(WIJZER, BSN, NOW)
    assert {i.end for i in ending} == {START - timedelta(days=1)}
    assert service.candidates(WIJZER, NOW) == []
    assert (pgb.form, pgb.provider, pgb.start, pgb.end) == (Form.PGB, INDIVIDUAL, START, plan.end)
    assert _count(uows, ConversionRow) == 1


def test_a_referring_agency_does_not_convert(service: ConversionService) -> None:
    agency = Account(
        username="a.agency", display_name="Agency", role=Role.AGENCY, organisation="X", email="", active=True
    )

    with pytest.raises(NotAllowed):
        service.candidates(agency, NOW)
    with pytest.raises(NotAllowed):
        service.convert(agency, BSN, PLAN, NOW)


def test_the_demo_client_has_three_indications_at_two_providers_and_converts_with_two_301s(
    service: ConversionService, messages: MessageService
) -> None:
    assert seed_demo_conversion(messages, OFFICE, NOW) == 3
    assert seed_demo_conversion(messages, OFFICE, NOW) == 0
    [candidate] = service.candidates(OFFICE, NOW)
    start = NOW.date() + timedelta(days=36)  # the day after the first one ends
    plan = ConversionPlan(
        goals=("Structuur in de week",),
        segment="2b",
        providers=(COALITION,),
        form=Form.ZIN,
        start=start,
        end=start + timedelta(days=364),
    )

    done = service.convert(WIJZER, DEMO_CONVERSION_BSN, plan, NOW)

    assert (candidate.bsn, candidate.count, candidate.due) == (DEMO_CONVERSION_BSN, 3, True)
    new, ending = _queued(messages)
    assert (new.provider, ending.provider) == (COALITION, INDIVIDUAL)
    individual, other_day = ending.client.toegewezen_producten  # OP087: both in one 301
    assert individual.reden_wijziging is None and individual.einddatum == start - timedelta(days=1)
    assert other_day.reden_wijziging is RedenWijziging.VERKORTING
    assert new.client.toegewezen_producten[-1].toewijzing_nummer == done.new_number
