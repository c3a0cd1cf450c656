"""Youth care along route T end to end on both databases: a parent's request for a child through
the front door becomes a JEUGD case; the access worker carries it through the investigation and
the plan to an iJw product and a beschikking under the Jeugdwet (with its objection clause, within
8 weeks); the back office's 301 is an iJw message; the provider's 305 and 307 show on the case and
every message is answered with its retour."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from smi_core import default_municipality
from smi_core.access import Role
from smi_core.case.wmo_letter import beschikking_letter
from smi_core.cases import CaseStatus
from smi_core.front_door import RequestKind
from smi_core.istandaarden.codes import Domain, Eenheid, Frequentie
from smi_core.istandaarden.envelope import read_envelope
from smi_core.istandaarden.messages import ToewijzingBericht
from smi_core.istandaarden.provider import start_message, stop_message
from smi_core.istandaarden.retour import make_retour
from smi_core.istandaarden.xml import read, write
from smi_core.wmo.terms import Law, Term
from smi_intake.db.uow import UnitOfWorkFactory
from smi_intake.services.accounts import Account
from smi_intake.services.intake import IntakeService
from smi_intake.services.messages import MessageService
from smi_intake.services.wmo_cases import WmoCaseService
from smi_intake.services.wmo_intake import WmoIntakeService
from tests import istandaarden_factories as istd
from tests import wmo_factories as make

pytestmark = pytest.mark.db

SENT_AT = datetime(2026, 11, 2, 10, 30, tzinfo=UTC)
NOW = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
REQUESTED_ON = make.MELDING_DAY + timedelta(days=20)
STARTED_AT = datetime(2026, 12, 8, 10, 0, tzinfo=UTC)
ENDED_AT = datetime(2027, 3, 1, 10, 0, tzinfo=UTC)
MUNICIPALITY = default_municipality()
YOUTH_PRODUCT = "45A01"
YOUTH_PROVIDER = "99990001"  # contracted for 45A01 in the example catalogue


def account(username: str, role: Role) -> Account:
    return Account(
        username=username, display_name=username, role=role, organisation="", email="", active=True
    )


WORKER = account("w.jansen", Role.WIJZER)
BACK_OFFICE = account("b.office", Role.GEMEENTE)


@pytest.fixture
def messages(uows: UnitOfWorkFactory) -> MessageService:
    return MessageService(uows, MUNICIPALITY.cbs_code, istd.reference_schemas())


@pytest.fixture
def wmo(uows: UnitOfWorkFactory, messages: MessageService) -> WmoCaseService:
    service = WmoCaseService(uows, MUNICIPALITY, make.catalogue(), messages)
    messages.on_accepted(service.delivery_arrived)
    return service


def parents_request(uows: UnitOfWorkFactory) -> str:
    """A parent's request for a child of 9, saved as a draft and sent through the front door."""
    answers = {
        "asked_by": "M. de Boer",
        "asked_by_relation": "moeder",
        "phone": "06 12345678",
        "name": "Sam de Boer",
        "date_of_birth": "2017-03-04",
        "postcode": "3341 AB",
        "registered_in_municipality": True,
        "needs": {"behaviour": "Sam is vaak boos en slaat op school."},
        "school": "De Regenboog",
        "own_solution": "no",
        "wants_client_support": False,
    }
    saved = IntakeService(uows, MUNICIPALITY).save_draft(
        None, "controleren", answers, {}, "nl", SENT_AT, request=RequestKind.JEUGD
    )
    return WmoIntakeService(uows, MUNICIPALITY, RequestKind.JEUGD).submit(saved.draft_id, SENT_AT).reference


def chosen(wmo: WmoCaseService, reference: str) -> int:
    """The case carried by the access worker to its iJw product and provider."""
    version = wmo.take(reference, WORKER, NOW)
    version = wmo.start_investigation(reference, WORKER, version, make.client(), NOW)
    version = wmo.report_investigation(reference, WORKER, version, make.report(), NOW)
    version = wmo.save_plan(reference, WORKER, version, make.plan(), NOW)
    choice = make.choice(
        provider=YOUTH_PROVIDER,
        requested_on=REQUESTED_ON,
        product_code=YOUTH_PRODUCT,
        category="45",
        product_name="Jeugdhulp ambulant, individueel",
        unit=Eenheid.UUR,
        frequency=Frequentie.PER_WEEK,
        volume=2,
    )
    return wmo.choose_provision(reference, WORKER, version, choice, NOW)


def test_a_parents_request_becomes_a_youth_case_checked_by_the_youth_care_rules(
    uows: UnitOfWorkFactory, wmo: WmoCaseService
) -> None:
    reference = parents_request(uows)

    seen = wmo.melding(reference, WORKER, NOW)
    view = wmo.view(reference, WORKER, NOW)

    assert reference.startswith("JEUGD-2026-")
    assert [f.rule_id.value for f in seen.check.findings] == ["JGD-RES", "JGD-AGE", "JGD-NEED"]
    assert seen.check.route.value == "youth_care"
    assert seen.melding.asked_by == "M. de Boer" and seen.melding.school == "De Regenboog"
    assert view.status is CaseStatus.NEW and view.provision.value == "jeugd"
    assert [t.term for t in view.terms] == []  # the Jeugdwet has no investigation term


def test_a_youth_case_from_the_request_to_the_307_under_the_jeugdwet_with_ijw_messages(
    uows: UnitOfWorkFactory, wmo: WmoCaseService, messages: MessageService
) -> None:
    reference = parents_request(uows)
    version = chosen(wmo, reference)
    deadlines = wmo.deadlines(WORKER, NOW.date(), mine_only=False)
    wmo.record_beschikking(reference, WORKER, version, make.beschikking(requested_on=REQUESTED_ON), NOW)
    decided_view = wmo.view(reference, WORKER, NOW)

    assigned = wmo.assign(reference, BACK_OFFICE, NOW)
    [(_name, envelope)] = messages.export(BACK_OFFICE, NOW)
    toewijzing = read(read_envelope(envelope).payload or b"")
    assert isinstance(toewijzing, ToewijzingBericht)
    retour = make_retour(toewijzing, [], identification="RET-1", on=NOW.date())
    [answered] = messages.import_files([("302.xml", write(retour))], BACK_OFFICE, NOW)
    number = assigned.toewijzing_nummer
    start = start_message(
        toewijzing, number, date(2026, 12, 7), identification="BER-305", on=STARTED_AT.date()
    )
    [started] = messages.import_files([("305.xml", write(start))], BACK_OFFICE, STARTED_AT)
    stop = stop_message(
        toewijzing,
        number,
        date(2026, 12, 7),
        date(2027, 2, 28),
        "31",
        identification="BER-307",
        on=ENDED_AT.date(),
    )
    [stopped] = messages.import_files([("307.xml", write(stop))], BACK_OFFICE, ENDED_AT)
    view = wmo.view(reference, WORKER, ENDED_AT)

    term = next(t for t in decided_view.terms if t.term is Term.BESCHIKKING)
    assert term.due == REQUESTED_ON + timedelta(weeks=8)
    letter = beschikking_letter(
        decided_view.records, wmo.melding(reference, WORKER, NOW).melding, Law.JEUGDWET
    )
    assert (
        letter.law is Law.JEUGDWET and letter.objection_clause and not letter.decided_by_certified_institution
    )
    assert decided_view.records.beschikking is not None
    assert decided_view.records.beschikking.objection_clause == make.CLAUSE
    assert wmo.beschikking_pdf(reference, WORKER, NOW).startswith(b"%PDF")
    assert toewijzing.domain is Domain.JW
    [product] = toewijzing.client.toegewezen_producten
    assert product.product is not None and (product.product.categorie.value, product.product.code) == (
        "45",
        YOUTH_PRODUCT,
    )
    assert answered.accepted and started.accepted and stopped.accepted
    assert started.retour is not None and stopped.retour is not None
    assert view.status is CaseStatus.CARE_ENDED
    assert view.records.started is not None and view.records.ended is not None
    assert [(m.kind, m.direction.value) for m in view.messages] == [
        ("301", "out"),
        ("302", "in"),
        ("305", "in"),
        ("306", "out"),
        ("307", "in"),
        ("308", "out"),
    ]
    assert [(d.kind.value, d.due) for d in deadlines if d.reference == reference] == [
        ("jeugd_beschikking", REQUESTED_ON + timedelta(weeks=8))
    ]
