"""Route T end to end on both databases: a Wmo melding becomes a case in the queue, the access
worker carries it to a beschikking, the back office queues and exports the 301, and the
provider's 305 and 307, imported through the message service, show on the case; every message
is stored and answered with its retour. Refusals store nothing."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import Engine, func, select

from smi_core import default_municipality
from smi_core.access import Role
from smi_core.case import (
    BeschikkingIncomplete,
    BeschikkingMissing,
    CaseAction,
    ProviderNotContracted,
    StepOutOfOrder,
)
from smi_core.cases import CaseStatus
from smi_core.deadlines import DeadlineKind
from smi_core.istandaarden.codes import Eenheid, Frequentie, RedenAfwijzingVerzoek, RedenVerzoek
from smi_core.istandaarden.common import Omvang
from smi_core.istandaarden.envelope import read_envelope
from smi_core.istandaarden.messages import AntwoordBericht, ToewijzingBericht
from smi_core.istandaarden.provider import change_request, start_message, stop_message
from smi_core.istandaarden.retour import make_retour
from smi_core.istandaarden.xml import read, write
from smi_core.wmo.casework import ChangeJudgement
from smi_intake.db.messages import MessageFilter, MessageState
from smi_intake.db.models import AssignmentNumberRow, AuditEvent, CaseEventRow, CaseRow
from smi_intake.db.uow import UnitOfWorkFactory
from smi_intake.services.accounts import Account
from smi_intake.services.messages import MessageService
from smi_intake.services.queue import QueueQuery, QueueService
from smi_intake.services.wmo_cases import WmoCaseService
from tests import istandaarden_factories as istd
from tests import wmo_factories as make

pytestmark = pytest.mark.db

NOW = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
STARTED_AT = datetime(2026, 12, 8, 10, 0, tzinfo=UTC)
ENDED_AT = datetime(2027, 3, 1, 10, 0, tzinfo=UTC)
CHANGE_AT = datetime(2027, 1, 11, 10, 0, tzinfo=UTC)
CHANGE_FROM = date(2027, 2, 1)
MUNICIPALITY = default_municipality()


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


def decided(wmo: WmoCaseService, granted: bool = True) -> str:
    """A melding carried by the access worker up to its beschikking."""
    reference = wmo.submit_melding(make.melding(), [], "nl", make.MELDING_DAY_AT).reference
    version = wmo.take(reference, WORKER, NOW)
    version = wmo.start_investigation(reference, WORKER, version, make.client(), NOW)
    version = wmo.report_investigation(reference, WORKER, version, make.report(), NOW)
    version = wmo.save_plan(reference, WORKER, version, make.plan(), NOW)
    version = wmo.choose_provision(reference, WORKER, version, make.choice(), NOW)
    wmo.record_beschikking(reference, WORKER, version, make.beschikking(granted=granted), NOW)
    return reference


def provider_file(message: object) -> tuple[str, bytes]:
    return ("bericht.xml", write(message))  # type: ignore[arg-type]


def test_a_melding_becomes_a_wmo_case_in_the_queue_with_its_check_sealed(
    wmo: WmoCaseService, uows: UnitOfWorkFactory, engine: Engine
) -> None:
    submitted = wmo.submit_melding(make.melding(), [], "nl", make.MELDING_DAY_AT)

    page = QueueService(uows, MUNICIPALITY).queue(WORKER, QueueQuery(), NOW)
    seen = wmo.melding(submitted.reference, WORKER, NOW)

    [row] = page.rows
    assert (row.reference, row.provision, row.status, row.outcome) == (
        submitted.reference,
        "wmo",
        CaseStatus.NEW,
        "wmo",
    )
    assert submitted.reference.startswith("WMO-2026-")
    assert seen.melding == make.melding() and [f.rule_id.value for f in seen.check.findings] == [
        "WMO-RES",
        "WMO-AGE",
        "WMO-NEED",
    ]
    with engine.connect() as connection:
        payload = connection.scalar(select(CaseRow.payload))
        reads = connection.scalar(select(func.count()).where(AuditEvent.action == "wmo_melding.viewed"))
    assert make.NEED.encode() not in payload and reads == 1


def test_a_melding_to_a_307_with_every_message_stored_and_answered(
    wmo: WmoCaseService, messages: MessageService
) -> None:
    reference = decided(wmo)
    assert wmo.awaiting_assignment(BACK_OFFICE) == [reference]

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
    [started] = messages.import_files([provider_file(start)], BACK_OFFICE, STARTED_AT)
    after_start = wmo.view(reference, WORKER, STARTED_AT)
    stop = stop_message(
        toewijzing,
        number,
        date(2026, 12, 7),
        date(2027, 2, 28),
        "19",
        identification="BER-307",
        on=ENDED_AT.date(),
    )
    [stopped] = messages.import_files([provider_file(stop)], BACK_OFFICE, ENDED_AT)
    view = wmo.view(reference, WORKER, ENDED_AT)

    assert toewijzing.municipality == MUNICIPALITY.cbs_code and toewijzing.provider == make.CONTRACTED
    [product] = toewijzing.client.toegewezen_producten
    assert product.commentaar is not None and MUNICIPALITY.social_team in product.commentaar  # T5
    assert product.product is not None and (product.product.categorie.value, product.product.code) == (
        "02",
        "02A01",
    )
    assert toewijzing.client.bsn == make.BSN
    assert answered.accepted and started.accepted and stopped.accepted
    assert started.retour is not None and stopped.retour is not None
    assert after_start.status is CaseStatus.CARE_STARTED
    assert view.status is CaseStatus.CARE_ENDED
    assert view.records.started is not None and view.records.started.begindatum == date(2026, 12, 7)
    assert view.records.ended is not None and view.records.ended.einddatum == date(2027, 2, 28)
    assert [(m.kind, m.direction.value) for m in view.messages] == [
        ("301", "out"),
        ("302", "in"),
        ("305", "in"),
        ("306", "out"),
        ("307", "in"),
        ("308", "out"),
    ]
    heen = messages.messages(BACK_OFFICE, MessageFilter(heen_only=True))
    assert {m.state for m in heen} == {MessageState.ACCEPTED}
    assert view.messages[0].case_id is not None
    assert view.next_actions == [CaseAction.CLOSE]


def test_a_305_imported_twice_changes_the_case_once(wmo: WmoCaseService, messages: MessageService) -> None:
    reference = decided(wmo)
    number = wmo.assign(reference, BACK_OFFICE, NOW).toewijzing_nummer
    [(_name, envelope)] = messages.export(BACK_OFFICE, NOW)
    toewijzing = read(read_envelope(envelope).payload or b"")
    assert isinstance(toewijzing, ToewijzingBericht)
    start = start_message(
        toewijzing, number, date(2026, 12, 7), identification="BER-305", on=STARTED_AT.date()
    )

    messages.import_files([provider_file(start)], BACK_OFFICE, STARTED_AT)
    [again] = messages.import_files([provider_file(start)], BACK_OFFICE, STARTED_AT)

    assert not again.accepted
    view = wmo.view(reference, WORKER, STARTED_AT)
    assert view.status is CaseStatus.CARE_STARTED
    assert [e.kind for e in view.timeline].count("care_started") == 1


def test_a_provider_not_contracted_without_a_reason_stores_nothing(
    wmo: WmoCaseService, engine: Engine
) -> None:
    reference = wmo.submit_melding(make.melding(), [], "nl", make.MELDING_DAY_AT).reference
    version = wmo.take(reference, WORKER, NOW)
    version = wmo.start_investigation(reference, WORKER, version, make.client(), NOW)
    version = wmo.report_investigation(reference, WORKER, version, make.report(), NOW)
    version = wmo.save_plan(reference, WORKER, version, make.plan(), NOW)
    before = events(engine)

    with pytest.raises(ProviderNotContracted):
        wmo.choose_provision(reference, WORKER, version, make.choice(make.NOT_CONTRACTED), NOW)

    assert events(engine) == before
    assert wmo.view(reference, WORKER, NOW).status is CaseStatus.PLAN_MADE


def test_a_beschikking_without_motivation_stores_nothing(wmo: WmoCaseService, engine: Engine) -> None:
    reference = wmo.submit_melding(make.melding(), [], "nl", make.MELDING_DAY_AT).reference
    version = wmo.take(reference, WORKER, NOW)
    version = wmo.start_investigation(reference, WORKER, version, make.client(), NOW)
    version = wmo.report_investigation(reference, WORKER, version, make.report(), NOW)
    version = wmo.save_plan(reference, WORKER, version, make.plan(), NOW)
    version = wmo.choose_provision(reference, WORKER, version, make.choice(), NOW)
    before = events(engine)

    with pytest.raises(BeschikkingIncomplete):
        wmo.record_beschikking(reference, WORKER, version, make.beschikking(motivation=""), NOW)

    assert events(engine) == before


@pytest.mark.parametrize("granted", [True, False])
def test_no_301_before_a_granted_beschikking_and_nothing_stored(
    wmo: WmoCaseService, messages: MessageService, engine: Engine, granted: bool
) -> None:
    reference = decided(wmo, granted=granted) if not granted else undecided(wmo)

    with pytest.raises(BeschikkingMissing):
        wmo.assign(reference, BACK_OFFICE, NOW)

    assert messages.count(BACK_OFFICE, MessageFilter()) == 0
    with engine.connect() as connection:
        assert connection.scalar(select(func.count()).select_from(AssignmentNumberRow)) == 0


def test_the_investigation_term_is_on_the_deadlines_until_the_written_account(wmo: WmoCaseService) -> None:
    reference = wmo.submit_melding(make.melding(), [], "nl", make.MELDING_DAY_AT).reference
    version = wmo.take(reference, WORKER, NOW)
    version = wmo.start_investigation(reference, WORKER, version, make.client(), NOW)

    [open_term] = wmo.deadlines(WORKER, NOW.date(), mine_only=True)
    wmo.report_investigation(reference, WORKER, version, make.report(), NOW)
    after = wmo.deadlines(WORKER, NOW.date(), mine_only=True)

    assert (open_term.reference, open_term.kind, open_term.due) == (
        reference,
        DeadlineKind.WMO_ONDERZOEK,
        date(2026, 12, 14),
    )
    assert after == []


def undecided(wmo: WmoCaseService) -> str:
    """A Wmo case with its provision chosen and no beschikking yet."""
    reference = wmo.submit_melding(make.melding(), [], "nl", make.MELDING_DAY_AT).reference
    version = wmo.take(reference, WORKER, NOW)
    version = wmo.start_investigation(reference, WORKER, version, make.client(), NOW)
    version = wmo.report_investigation(reference, WORKER, version, make.report(), NOW)
    version = wmo.save_plan(reference, WORKER, version, make.plan(), NOW)
    wmo.choose_provision(reference, WORKER, version, make.choice(), NOW)
    return reference


def events(engine: Engine) -> int:
    with engine.connect() as connection:
        return int(connection.scalar(select(func.count()).select_from(CaseEventRow)) or 0)


def started_case(wmo: WmoCaseService, messages: MessageService) -> tuple[str, ToewijzingBericht, int]:
    """A Wmo case whose provider started the care of its toewijzing."""
    reference = decided(wmo)
    number = wmo.assign(reference, BACK_OFFICE, NOW).toewijzing_nummer
    [(_name, envelope)] = messages.export(BACK_OFFICE, NOW)
    toewijzing = read(read_envelope(envelope).payload or b"")
    assert isinstance(toewijzing, ToewijzingBericht)
    start = start_message(
        toewijzing, number, date(2026, 12, 7), identification="BER-305", on=STARTED_AT.date()
    )
    [started] = messages.import_files([provider_file(start)], BACK_OFFICE, STARTED_AT)
    assert started.accepted
    return reference, toewijzing, number


def change_request_file(toewijzing: ToewijzingBericht, number: int, volume: int) -> tuple[str, bytes]:
    request = change_request(
        toewijzing,
        number,
        reference="VOW-1",
        reason=RedenVerzoek.ZORGPLAN,
        from_date=CHANGE_FROM,
        omvang=Omvang(
            volume=volume, eenheid=Eenheid.STUKS_OUTPUT, frequentie=Frequentie.TOTAAL_BINNEN_GELDIGHEIDSDUUR
        ),
        einddatum=None,
        unchanged=[],
        identification="BER-317",
        on=CHANGE_AT.date(),
    )
    return provider_file(request)


def test_a_change_request_judged_as_honoured_is_answered_by_a_301_with_a_new_toewijzing(
    wmo: WmoCaseService, messages: MessageService
) -> None:
    reference, toewijzing, number = started_case(wmo, messages)

    [imported] = messages.import_files([change_request_file(toewijzing, number, 2)], BACK_OFFICE, CHANGE_AT)
    view = wmo.view(reference, WORKER, CHANGE_AT)
    assert imported.accepted and view.records.change is not None
    assert CaseAction.JUDGE_CHANGE in view.next_actions
    judgement = ChangeJudgement(referentie_aanbieder="VOW-1", honoured=True, motivation=make.MOTIVATION)
    wmo.judge_change_request(reference, WORKER, view.version, judgement, CHANGE_AT)
    assert wmo.awaiting_change_answer(BACK_OFFICE) == [reference]
    message_id = wmo.answer_change_request(reference, BACK_OFFICE, CHANGE_AT)
    files = messages.export(BACK_OFFICE, CHANGE_AT)
    after = wmo.view(reference, WORKER, CHANGE_AT)

    [(_name, envelope)] = files
    answer = read(read_envelope(envelope).payload or b"")
    assert isinstance(answer, ToewijzingBericht)
    ended, issued = answer.client.toegewezen_producten
    assert (ended.toewijzing_nummer, ended.einddatum) == (number, CHANGE_FROM - timedelta(days=1))
    assert issued.toewijzing_nummer != number and issued.ingangsdatum == CHANGE_FROM
    assert issued.omvang is not None and issued.omvang.volume == 2
    assert {ended.referentie_aanbieder, issued.referentie_aanbieder} == {"VOW-1"}
    assert after.records.change is None and after.records.assignment is not None
    assert after.records.assignment.toewijzing_nummer == issued.toewijzing_nummer
    assert after.records.answers[-1].message_id == message_id
    assert wmo.awaiting_change_answer(BACK_OFFICE) == []
    assert after.status is CaseStatus.CARE_STARTED and after.records.started is None


def test_a_change_request_judged_as_refused_is_answered_by_a_319_with_its_reason(
    wmo: WmoCaseService, messages: MessageService
) -> None:
    reference, toewijzing, number = started_case(wmo, messages)
    messages.import_files([change_request_file(toewijzing, number, 9)], BACK_OFFICE, CHANGE_AT)
    version = wmo.view(reference, WORKER, CHANGE_AT).version
    judgement = ChangeJudgement(
        referentie_aanbieder="VOW-1",
        honoured=False,
        refusal_reason=RedenAfwijzingVerzoek.ZORGINHOUDELIJK,
        motivation="Het plan vraagt niet meer",
    )

    wmo.judge_change_request(reference, WORKER, version, judgement, CHANGE_AT)
    wmo.answer_change_request(reference, BACK_OFFICE, CHANGE_AT)
    [(_name, envelope)] = messages.export(BACK_OFFICE, CHANGE_AT)

    refusal = read(read_envelope(envelope).payload or b"")
    assert isinstance(refusal, AntwoordBericht)
    assert refusal.antwoord.reden_afwijzing_verzoek is RedenAfwijzingVerzoek.ZORGINHOUDELIJK
    view = wmo.view(reference, WORKER, CHANGE_AT)
    assert view.records.change is None and view.records.assignment is not None
    assert view.records.assignment.toewijzing_nummer == number


def test_a_change_request_is_not_answered_before_the_access_worker_judged_it(
    wmo: WmoCaseService, messages: MessageService
) -> None:
    reference, toewijzing, number = started_case(wmo, messages)
    messages.import_files([change_request_file(toewijzing, number, 2)], BACK_OFFICE, CHANGE_AT)
    before = messages.count(BACK_OFFICE, MessageFilter())

    with pytest.raises(StepOutOfOrder):
        wmo.answer_change_request(reference, BACK_OFFICE, CHANGE_AT)

    assert messages.count(BACK_OFFICE, MessageFilter()) == before
