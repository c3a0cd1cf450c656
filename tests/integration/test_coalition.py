"""Begeleiding through the coalition on both databases (B2-B5): a melding whose provision goes to
the coalition is passed on instead of decided, the back office's 301 goes to the coalition, the
coalition's counsellor records the contact (the one-week term met, or overdue on the deadlines)
and the plan of approach, its 305 carries the in-depth conversation's day, and the back office's
CAK list shows the start and, after the 307, the end, each marked reported once."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import Engine, func, select

from smi_core import default_municipality
from smi_core.access import Role
from smi_core.case import BeschikkingMissing
from smi_core.case.coalition_refusals import CoalitionStepOutOfOrder, NotForTheCoalition, NotTheCoalition
from smi_core.cases import CaseStatus
from smi_core.deadlines import DeadlineKind
from smi_core.istandaarden.envelope import read_envelope
from smi_core.istandaarden.messages import ToewijzingBericht
from smi_core.istandaarden.retour import make_retour
from smi_core.istandaarden.xml import read, write
from smi_core.wmo.coalition import (
    CakLine,
    CoalitionContact,
    CoalitionHandover,
    EndingPlan,
    PlanOfApproach,
)
from smi_intake.db.models import AuditEvent, CaseEventRow
from smi_intake.db.uow import UnitOfWorkFactory
from smi_intake.services.accounts import Account
from smi_intake.services.cak import CakReports
from smi_intake.services.coalition import CoalitionService
from smi_intake.services.messages import MessageService
from smi_intake.services.provider_exchange import ProviderExchange
from smi_intake.services.wmo_cases import WmoCaseService
from tests import istandaarden_factories as istd
from tests import wmo_factories as make

pytestmark = pytest.mark.db

NOW = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
CONTACT_DAY = date(2026, 12, 4)
CONVERSATION_DAY = date(2026, 12, 7)
STARTED_AT = datetime(2026, 12, 8, 10, 0, tzinfo=UTC)
ENDED_AT = datetime(2027, 3, 1, 10, 0, tzinfo=UTC)
MUNICIPALITY = default_municipality()
GOAL = "Mevrouw regelt haar post zelf"
SITUATION = "Na een beroerte lukt de administratie niet meer"


def account(username: str, role: Role, organisation: str = "") -> Account:
    return Account(
        username=username, display_name=username, role=role, organisation=organisation, email="", active=True
    )


WORKER = account("w.jansen", Role.WIJZER)
BACK_OFFICE = account("b.office", Role.GEMEENTE)
COALITION = account("coalitie", Role.PROVIDER, make.CONTRACTED)
OTHER_PROVIDER = account("zorg", Role.PROVIDER, make.NOT_CONTRACTED)


@pytest.fixture
def messages(uows: UnitOfWorkFactory) -> MessageService:
    return MessageService(uows, MUNICIPALITY.cbs_code, istd.reference_schemas())


@pytest.fixture
def wmo(uows: UnitOfWorkFactory, messages: MessageService) -> WmoCaseService:
    service = WmoCaseService(uows, MUNICIPALITY, make.catalogue(), messages)
    messages.on_accepted(service.delivery_arrived)
    return service


@pytest.fixture
def coalition(uows: UnitOfWorkFactory) -> CoalitionService:
    return CoalitionService(uows, MUNICIPALITY, make.catalogue())


@pytest.fixture
def cak(uows: UnitOfWorkFactory) -> CakReports:
    return CakReports(uows, MUNICIPALITY, make.catalogue())


def handover() -> CoalitionHandover:
    return CoalitionHandover(passed_on=NOW.date(), situation=SITUATION, goals=(GOAL,))


def chosen(wmo: WmoCaseService, **choice: object) -> tuple[str, int]:
    """A melding carried by the access worker up to the chosen provision."""
    reference = wmo.submit_melding(make.melding(), [], "nl", make.MELDING_DAY_AT).reference
    version = wmo.take(reference, WORKER, NOW)
    version = wmo.start_investigation(reference, WORKER, version, make.client(), NOW)
    version = wmo.report_investigation(reference, WORKER, version, make.report(), NOW)
    version = wmo.save_plan(reference, WORKER, version, make.plan(), NOW)
    version = wmo.choose_provision(reference, WORKER, version, make.choice(**choice), NOW)  # type: ignore[arg-type]
    return reference, version


def assigned(wmo: WmoCaseService, coalition: CoalitionService, messages: MessageService) -> tuple[str, int]:
    """Passed to the coalition, the 301 queued, exported and answered with its retour."""
    reference, version = chosen(wmo)
    coalition.pass_to_coalition(reference, WORKER, version, handover(), NOW)
    number = wmo.assign(reference, BACK_OFFICE, NOW).toewijzing_nummer
    [(_name, envelope)] = messages.export(BACK_OFFICE, NOW)
    toewijzing = read(read_envelope(envelope).payload or b"")
    assert isinstance(toewijzing, ToewijzingBericht)
    retour = make_retour(toewijzing, [], identification="RET-1", on=NOW.date())
    messages.import_files([("302.xml", write(retour))], BACK_OFFICE, NOW)
    return reference, number


def planned(coalition: CoalitionService, reference: str) -> None:
    at = datetime(2026, 12, 4, 15, 0, tzinfo=UTC)
    coalition.record_contact(
        reference, COALITION, CoalitionContact(contacted_on=CONTACT_DAY, counsellor="Anna"), at
    )
    plan = PlanOfApproach(
        conversation_on=CONVERSATION_DAY, goals=(GOAL,), results=(make.RESULT,), sent_on=CONVERSATION_DAY
    )
    coalition.record_plan(reference, COALITION, plan, STARTED_AT)


def test_a_melding_passed_to_the_coalition_runs_to_the_cak_report_of_its_start_and_end(
    wmo: WmoCaseService,
    coalition: CoalitionService,
    cak: CakReports,
    messages: MessageService,
    uows: UnitOfWorkFactory,
    engine: Engine,
) -> None:
    reference, number = assigned(wmo, coalition, messages)
    exchange = ProviderExchange(uows, messages)
    [assignment] = exchange.assignments(COALITION, NOW)
    planned(coalition, reference)
    prefilled = coalition.start_dates(COALITION, STARTED_AT)

    outcome = exchange.send_start(COALITION, assignment.message.id, number, prefilled[number], STARTED_AT)

    after_start = coalition.case(reference, WORKER, STARTED_AT)
    assert outcome.accepted and prefilled == {number: CONVERSATION_DAY}
    assert after_start.status is CaseStatus.CARE_STARTED
    assert after_start.wmo.started is not None and after_start.wmo.started.begindatum == CONVERSATION_DAY
    assert after_start.contact_term is not None and after_start.contact_term.met
    [start] = cak.entries(BACK_OFFICE, STARTED_AT)
    assert (start.line, start.on, start.toewijzing_nummer, start.reported_on) == (
        CakLine.START,
        CONVERSATION_DAY,
        number,
        None,
    )
    assert start.masked_bsn.endswith(make.BSN[-3:]) and make.BSN not in start.masked_bsn
    assert (start.product_code, start.provider_agb) == (make.PRODUCT, make.CONTRACTED)

    cak.mark_reported(reference, CakLine.START, number, BACK_OFFICE, STARTED_AT)
    with pytest.raises(CoalitionStepOutOfOrder):
        cak.mark_reported(reference, CakLine.START, number, BACK_OFFICE, STARTED_AT)
    stopped = exchange.send_stop(
        COALITION, assignment.message.id, number, CONVERSATION_DAY, date(2027, 2, 28), "19", ENDED_AT
    )
    ending = EndingPlan(
        results_reached="Doelen gehaald", follow_up="Inloop in de wijk", sent_on=ENDED_AT.date()
    )
    coalition.record_ending(reference, COALITION, ending, ENDED_AT)

    lines = cak.entries(BACK_OFFICE, ENDED_AT)
    export = cak.export(BACK_OFFICE, ENDED_AT, "nl").decode("utf-8-sig")
    assert stopped.accepted
    assert [(e.line, e.on, e.reported_on) for e in lines] == [
        (CakLine.START, CONVERSATION_DAY, STARTED_AT.date()),
        (CakLine.END, date(2027, 2, 28), None),
    ]
    assert make.BSN in export and export.count("\r\n") == 3
    with engine.connect() as connection:
        marks = connection.scalar(select(func.count()).where(AuditEvent.action == "cak.reported"))
        exports = connection.scalar(select(func.count()).where(AuditEvent.action == "cak.exported"))
        notes = list(
            connection.scalars(select(CaseEventRow.note).where(CaseEventRow.kind == "wmo_plan_of_approach"))
        )
    assert marks == 1 and exports == 1 and notes == [CONVERSATION_DAY.isoformat()]


def test_a_contact_within_a_week_meets_the_term_and_leaves_no_deadline(
    wmo: WmoCaseService, coalition: CoalitionService, messages: MessageService
) -> None:
    reference, _number = assigned(wmo, coalition, messages)
    open_before = coalition.deadlines(WORKER, NOW.date() + timedelta(days=2), mine_only=True)

    coalition.record_contact(
        reference,
        COALITION,
        CoalitionContact(contacted_on=NOW.date() + timedelta(days=7), counsellor="Anna"),
        NOW + timedelta(days=7),
    )

    term = coalition.case(reference, WORKER, NOW + timedelta(days=9)).contact_term
    assert [(d.kind, d.due, d.overdue) for d in open_before] == [
        (DeadlineKind.WMO_CONTACT, NOW.date() + timedelta(days=7), False)
    ]
    assert term is not None and term.met and not term.overdue
    assert coalition.deadlines(WORKER, NOW.date() + timedelta(days=9), mine_only=True) == []


def test_no_contact_after_a_week_is_overdue_on_the_deadlines_until_it_is_recorded(
    wmo: WmoCaseService, coalition: CoalitionService, messages: MessageService
) -> None:
    reference, _number = assigned(wmo, coalition, messages)
    later = NOW + timedelta(days=8)

    [deadline] = coalition.deadlines(WORKER, later.date(), mine_only=False)
    coalition.record_contact(
        reference, COALITION, CoalitionContact(contacted_on=later.date(), counsellor="Anna"), later
    )

    term = coalition.case(reference, WORKER, later).contact_term
    assert (deadline.reference, deadline.kind, deadline.overdue) == (
        reference,
        DeadlineKind.WMO_CONTACT,
        True,
    )
    assert term is not None and term.overdue and term.days_late == 1
    assert coalition.deadlines(WORKER, later.date(), mine_only=False) == []


def test_a_provision_of_another_provider_cannot_be_passed_to_the_coalition_and_needs_a_beschikking(
    wmo: WmoCaseService, coalition: CoalitionService
) -> None:
    reference, version = chosen(wmo, provider=make.NOT_CONTRACTED, non_contracted_reason="Wens van mevrouw")

    with pytest.raises(NotForTheCoalition):
        coalition.pass_to_coalition(reference, WORKER, version, handover(), NOW)
    with pytest.raises(BeschikkingMissing):
        wmo.assign(reference, BACK_OFFICE, NOW)


def test_only_the_coalition_the_case_was_assigned_to_records_its_steps_and_the_plan_waits_for_contact(
    wmo: WmoCaseService, coalition: CoalitionService, messages: MessageService
) -> None:
    reference, _number = assigned(wmo, coalition, messages)
    plan = PlanOfApproach(
        conversation_on=CONVERSATION_DAY, goals=(GOAL,), results=(make.RESULT,), sent_on=CONVERSATION_DAY
    )

    with pytest.raises(NotTheCoalition):
        coalition.record_contact(
            reference, OTHER_PROVIDER, CoalitionContact(contacted_on=CONTACT_DAY, counsellor="X"), STARTED_AT
        )
    with pytest.raises(CoalitionStepOutOfOrder):
        coalition.record_plan(reference, COALITION, plan, STARTED_AT)
    assert coalition.cases_of(OTHER_PROVIDER, STARTED_AT) == []
    assert [c.reference for c in coalition.cases_of(COALITION, STARTED_AT)] == [reference]


def test_the_dat_letter_is_a_pdf_for_a_passed_request_and_its_making_is_logged(
    wmo: WmoCaseService, coalition: CoalitionService, messages: MessageService, engine: Engine
) -> None:
    reference, _number = assigned(wmo, coalition, messages)

    pdf, locale = coalition.dat_letter(reference, WORKER, NOW)

    assert pdf.startswith(b"%PDF") and locale == "nl"
    with engine.connect() as connection:
        made = connection.scalar(select(func.count()).where(AuditEvent.action == "wmo_dat_letter.made"))
    assert made == 1
