"""Route M and the answer to every 315, on both databases: a provider's request after a GP
referral becomes a youth-care case with its check; the back office answers it with a 301 and a
beschikking (or a 319), and the provider's 305 and 307 follow on the case; every message is stored
and answered with its retour. A 315 on a certified institution's bepaling (route G) is answered
with a beschikking without objection clause."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from sqlalchemy import Engine, select

from smi_core import default_municipality
from smi_core.access import Role
from smi_core.case import Case
from smi_core.case.errors import StepOutOfOrder
from smi_core.case.jeugd_records import JeugdRoute
from smi_core.case.kinds import EventKind
from smi_core.case.route import Provision
from smi_core.cases import CaseSource, CaseStatus
from smi_core.istandaarden.codes import (
    CategorieJw,
    Domain,
    Eenheid,
    Frequentie,
    Geslacht,
    RedenAfwijzingVerzoek,
    RedenVerzoek,
    TypeVerwijzer,
)
from smi_core.istandaarden.common import Omvang, Product
from smi_core.istandaarden.envelope import read_envelope
from smi_core.istandaarden.messages import AntwoordBericht, ToewijzingBericht
from smi_core.istandaarden.provider import Referral, RequestedClient, start_message, stop_message
from smi_core.istandaarden.retour import make_retour
from smi_core.istandaarden.xml import read, write
from smi_core.jeugd.bepaling import Bepaling, Child, Measure, RegistrationForm
from smi_core.jeugd.request import Outcome, ProposedAnswer, RequestRule
from smi_core.wmo.casework import ChangeJudgement
from smi_intake.db.messages import MessageFilter
from smi_intake.db.models import CaseEventRow
from smi_intake.db.timeline import append_event
from smi_intake.db.uow import UnitOfWorkFactory
from smi_intake.services.accounts import Account
from smi_intake.services.jeugd_requests import JeugdRequestService, RequestAnswerForm, RequestBlocked
from smi_intake.services.messages import MessageService
from smi_intake.services.provider_exchange import ProviderExchange
from smi_intake.services.wmo_cases import WmoCaseService
from tests import istandaarden_factories as istd
from tests import wmo_factories as make
from tests.pdf_text import pdf_text

pytestmark = pytest.mark.db

NOW = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)  # a Tuesday
ANSWER_AT = datetime(2026, 12, 3, 10, 0, tzinfo=UTC)
STARTED_AT = datetime(2027, 1, 6, 10, 0, tzinfo=UTC)
ENDED_AT = datetime(2027, 3, 1, 10, 0, tzinfo=UTC)
MUNICIPALITY = default_municipality()
PROVIDER_AGB = "99990001"  # contracted for 45A01 only (the example catalogue)
BORN = date(2014, 6, 12)


def account(username: str, role: Role, organisation: str = "") -> Account:
    return Account(
        username=username, display_name=username, role=role, organisation=organisation, email="", active=True
    )


BACK_OFFICE = account("b.office", Role.GEMEENTE)
PROVIDER = account("zorg", Role.PROVIDER, PROVIDER_AGB)
WORKER = account("w.jansen", Role.WIJZER)
CHILD = RequestedClient(bsn=make.BSN, born=BORN, gender=Geslacht.VROUWELIJK, surname="Jansen", initials="L")
GP = Referral(type=TypeVerwijzer.HUISARTS, code="01234567")
FORM = RequestAnswerForm(motivation="De huisarts verwees; het plan past.", results="Minder angst op school.")


@pytest.fixture
def messages(uows: UnitOfWorkFactory) -> MessageService:
    return MessageService(uows, MUNICIPALITY.cbs_code, istd.reference_schemas())


@pytest.fixture
def requests(uows: UnitOfWorkFactory, messages: MessageService) -> JeugdRequestService:
    wmo = WmoCaseService(uows, MUNICIPALITY, make.catalogue(), messages)
    messages.on_accepted(wmo.delivery_arrived)
    service = JeugdRequestService(uows, MUNICIPALITY, make.catalogue(), messages)
    messages.on_accepted(service.request_arrived)
    return service


@pytest.fixture
def exchange(uows: UnitOfWorkFactory, messages: MessageService) -> ProviderExchange:
    return ProviderExchange(uows, messages)


def send_request(
    exchange: ProviderExchange,
    code: str = "45A01",
    referral: Referral = GP,
    end: date | None = date(2027, 6, 30),
    frequency: Frequentie = Frequentie.PER_WEEK,
) -> None:
    outcome = exchange.send_assignment_request(
        PROVIDER,
        Domain.JW,
        CHILD,
        Product(categorie=CategorieJw(code[:2]), code=code),
        date(2027, 1, 4),
        end,
        Omvang(volume=4, eenheid=Eenheid.UUR, frequentie=frequency),
        referral,
        NOW,
    )
    assert outcome.accepted and outcome.retour is not None  # the 316


def load(uows: UnitOfWorkFactory, reference: str) -> Case:
    with uows() as uow:
        return uow.cases.get(reference, MUNICIPALITY)


def exported(messages: MessageService, at: datetime) -> object:
    [(_name, envelope)] = messages.export(BACK_OFFICE, at)
    return read(read_envelope(envelope).payload or b"")


def test_a_gp_referral_to_a_301_a_305_and_a_307_with_every_message_answered(
    requests: JeugdRequestService,
    exchange: ProviderExchange,
    messages: MessageService,
    uows: UnitOfWorkFactory,
) -> None:
    send_request(exchange)
    [waiting] = requests.open_requests(BACK_OFFICE, NOW.date(), NOW)

    requests.assign(waiting.reference, BACK_OFFICE, FORM, ANSWER_AT)
    toewijzing = exported(messages, ANSWER_AT)
    assert isinstance(toewijzing, ToewijzingBericht)
    retour = make_retour(toewijzing, [], identification="RET-1", on=ANSWER_AT.date())
    [answered] = messages.import_files([("302.xml", write(retour))], BACK_OFFICE, ANSWER_AT)
    [product] = toewijzing.client.toegewezen_producten
    start = start_message(
        toewijzing, product.toewijzing_nummer, date(2027, 1, 4), identification="P-305", on=STARTED_AT.date()
    )
    [started] = messages.import_files([("305.xml", write(start))], BACK_OFFICE, STARTED_AT)
    stop = stop_message(
        toewijzing,
        product.toewijzing_nummer,
        date(2027, 1, 4),
        date(2027, 2, 26),
        "31",
        identification="P-307",
        on=ENDED_AT.date(),
    )
    [stopped] = messages.import_files([("307.xml", write(stop))], BACK_OFFICE, ENDED_AT)
    pdf = requests.beschikking(waiting.reference, BACK_OFFICE, ENDED_AT)

    assert waiting.route is JeugdRoute.M and waiting.reference.startswith("JEUGD-2026-")
    assert waiting.check.proposed is ProposedAnswer.ASSIGN
    assert waiting.check.finding(RequestRule.NEEDS_REFERRAL).outcome is Outcome.FINE
    assert waiting.check.due == date(2026, 12, 8)
    assert toewijzing.domain is Domain.JW and toewijzing.provider == PROVIDER_AGB
    assert product.referentie_aanbieder == waiting.request.referentie_aanbieder  # TR379
    assert product.einddatum == date(2027, 6, 30)
    assert answered.accepted and started.accepted and stopped.accepted
    assert started.retour is not None and stopped.retour is not None  # 306, 308
    assert requests.open_requests(BACK_OFFICE, ENDED_AT.date(), ENDED_AT) == []
    case = load(uows, waiting.reference)
    assert case.status is CaseStatus.CARE_ENDED
    heen = messages.messages(BACK_OFFICE, MessageFilter(heen_only=True))
    assert sorted(m.kind for m in heen) == ["301", "305", "307", "315"]
    answered_ids = {m.retour_of for m in messages.messages(BACK_OFFICE, MessageFilter()) if m.retour_of}
    assert answered_ids == {m.id for m in heen}  # 316, 302, 306, 308
    text = pdf_text(pdf)
    assert "Jeugdwet" in text and "bezwaar maken." in text
    other = account("ander", Role.PROVIDER, "99990003")
    assert [a.message.receiver for a in exchange.assignments(PROVIDER, ENDED_AT)] == [PROVIDER_AGB]
    assert exchange.assignments(other, ENDED_AT) == []  # a provider sees its own children only


def test_a_request_of_a_product_the_provider_is_not_contracted_for_is_refused_with_a_319(
    requests: JeugdRequestService,
    exchange: ProviderExchange,
    messages: MessageService,
    uows: UnitOfWorkFactory,
) -> None:
    send_request(exchange, code="54A01")
    [waiting] = requests.open_requests(BACK_OFFICE, NOW.date(), NOW)

    with pytest.raises(RequestBlocked) as blocked:
        requests.assign(waiting.reference, BACK_OFFICE, FORM, ANSWER_AT)
    requests.refuse(
        waiting.reference, BACK_OFFICE, RedenAfwijzingVerzoek.GEEN_CONTRACT, "Geen contract.", ANSWER_AT
    )
    antwoord = exported(messages, ANSWER_AT)
    assert isinstance(antwoord, AntwoordBericht)
    retour = make_retour(antwoord, [], identification="RET-320", on=ANSWER_AT.date())
    [answered] = messages.import_files([("320.xml", write(retour))], BACK_OFFICE, ANSWER_AT)

    assert blocked.value.rules == ["MED-CONTRACTED"]
    assert waiting.check.proposed_reason is RedenAfwijzingVerzoek.GEEN_CONTRACT
    assert antwoord.antwoord.reden_afwijzing_verzoek is RedenAfwijzingVerzoek.GEEN_CONTRACT
    assert antwoord.antwoord.referentie_aanbieder == waiting.request.referentie_aanbieder
    assert answered.accepted
    assert load(uows, waiting.reference).status is CaseStatus.REFUSED
    [told] = exchange.answers(PROVIDER, ANSWER_AT)  # the provider reads the 319 on its page
    assert told.antwoord.reden_afwijzing_verzoek is RedenAfwijzingVerzoek.GEEN_CONTRACT
    assert told.antwoord.referentie_aanbieder == waiting.request.referentie_aanbieder
    assert exchange.answers(account("ander", Role.PROVIDER, "99990003"), ANSWER_AT) == []


def test_a_woonplaatsbeginsel_refusal_names_the_responsible_municipality(
    requests: JeugdRequestService, exchange: ProviderExchange, messages: MessageService
) -> None:
    send_request(exchange)
    [waiting] = requests.open_requests(BACK_OFFICE, NOW.date(), NOW)

    with pytest.raises(ValueError):
        requests.refuse(waiting.reference, BACK_OFFICE, RedenAfwijzingVerzoek.WOONPLAATSBEGINSEL, "x", NOW)
    requests.refuse(
        waiting.reference, BACK_OFFICE, RedenAfwijzingVerzoek.WOONPLAATSBEGINSEL, "Elders.", NOW, "0363"
    )
    antwoord = exported(messages, NOW)

    assert isinstance(antwoord, AntwoordBericht)
    assert antwoord.antwoord.woonplaatsbeginsel is not None
    assert antwoord.antwoord.woonplaatsbeginsel.gemeente == "0363"


def test_a_request_set_in_onderzoek_once_and_then_assigned(
    requests: JeugdRequestService,
    exchange: ProviderExchange,
    messages: MessageService,
    uows: UnitOfWorkFactory,
) -> None:
    send_request(exchange, end=None, frequency=Frequentie.PER_MAAND)  # an open end (CD076)
    [waiting] = requests.open_requests(BACK_OFFICE, NOW.date(), NOW)

    requests.set_in_onderzoek(waiting.reference, BACK_OFFICE, NOW)
    with pytest.raises(StepOutOfOrder):
        requests.set_in_onderzoek(waiting.reference, BACK_OFFICE, NOW)
    [still] = requests.open_requests(BACK_OFFICE, NOW.date(), NOW)
    requests.assign(waiting.reference, BACK_OFFICE, FORM, ANSWER_AT)
    sent = messages.messages(BACK_OFFICE, MessageFilter(kinds=frozenset({"301", "319"})))

    assert still.in_onderzoek_on == NOW.date()
    assert sorted(m.kind for m in sent) == ["301", "319"]
    assert load(uows, waiting.reference).status is CaseStatus.ASSIGNED
    toewijzing = next(m for m in sent if m.kind == "301")
    assert toewijzing.referentie_aanbieder == waiting.request.referentie_aanbieder
    assert load(uows, waiting.reference).wmo.assignment is not None
    assert load(uows, waiting.reference).wmo.assignment.end == date(2032, 6, 11)  # the day before 18


def test_a_315_on_a_certified_institutions_bepaling_gets_a_beschikking_without_objection_clause(
    requests: JeugdRequestService, exchange: ProviderExchange, uows: UnitOfWorkFactory, engine: Engine
) -> None:
    reference = determined_case(uows)

    send_request(exchange, referral=Referral(type=TypeVerwijzer.GECERTIFICEERDE_INSTELLING, code="01234567"))
    [waiting] = requests.open_requests(BACK_OFFICE, NOW.date(), NOW)
    requests.assign(waiting.reference, BACK_OFFICE, FORM, ANSWER_AT)
    text = pdf_text(requests.beschikking(reference, BACK_OFFICE, ANSWER_AT))

    assert waiting.reference == reference and waiting.route is JeugdRoute.G
    assert waiting.check.finding(RequestRule.NEEDS_REFERRAL).outcome is Outcome.FINE
    assert "Een gecertificeerde instelling heeft besloten welke jeugdhulp nodig is." in text
    assert "binnen 6 weken" not in text
    with engine.connect() as connection:
        payloads = connection.scalars(
            select(CaseEventRow.payload).where(CaseEventRow.kind == EventKind.VOT_RECEIVED.value)
        ).all()
    assert payloads and all(b"Jansen" not in (p or b"") for p in payloads)  # sealed


def test_a_child_known_to_the_access_point_is_for_the_access_worker_who_may_be_involved(
    requests: JeugdRequestService, exchange: ProviderExchange, uows: UnitOfWorkFactory
) -> None:
    send_request(exchange, code="54A01")
    [first] = requests.open_requests(BACK_OFFICE, NOW.date(), NOW)
    requests.refuse(first.reference, BACK_OFFICE, RedenAfwijzingVerzoek.GEEN_CONTRACT, "Geen contract.", NOW)

    send_request(exchange)
    [second] = requests.open_requests(BACK_OFFICE, NOW.date(), NOW)
    version = requests.involve(second.reference, WORKER, second.version, NOW)

    assert second.check.finding(RequestRule.KNOWN).outcome is Outcome.ACCESS_WORKER
    assert [k.reference for k in second.known] == [first.reference]
    case = load(uows, second.reference)
    assert case.owner == WORKER.username and case.status is CaseStatus.REQUESTED and case.version == version


def determined_case(uows: UnitOfWorkFactory) -> str:
    """A route-G case as the certified institution leaves it: its bepaling recorded (DETERMINED)."""
    bepaling = Bepaling(
        gi_organisation="GI (demo)",
        jeugdbeschermer="A. Bakker",
        measure=Measure.OTS,
        child=Child(bsn=make.BSN, surname="Jansen", initials="L", date_of_birth=BORN),
        category="45",
        product_code="45A01",
        volume=4,
        unit=Eenheid.UUR,
        frequency=Frequentie.PER_WEEK,
        start=date(2027, 1, 4),
        end=date(2027, 6, 30),
        provider_agb=PROVIDER_AGB,
        motivation="Nodig voor de veiligheid.",
        decided_on=NOW.date(),
        registration=RegistrationForm(reason="OTS", goals="Veilig thuis."),
    )
    with uows() as uow:
        case_id, reference = uow.wmo_cases.create_without_melding(
            Provision.JEUGD,
            CaseStatus.DETERMINED,
            {"route": JeugdRoute.G.value},
            NOW,
            source=CaseSource.INSTANTIE,
            organisation="GI (demo)",
            created_by="gi",
        )
        append_event(
            uow,
            case_id=case_id,
            reference=reference,
            actor="gi",
            kind=EventKind.GI_BEPALING.value,
            now=NOW,
            to_status=CaseStatus.DETERMINED.value,
            payload=bepaling,
        )
        uow.wmo_cases.link_client(case_id, make.BSN)
        uow.commit()
    return reference


def test_a_youth_care_requests_beschikking_term_and_answer_are_on_the_deadlines(
    requests: JeugdRequestService,
    exchange: ProviderExchange,
    messages: MessageService,
    uows: UnitOfWorkFactory,
) -> None:
    wmo = WmoCaseService(uows, MUNICIPALITY, make.catalogue(), messages)
    send_request(exchange)
    [waiting] = requests.open_requests(BACK_OFFICE, NOW.date(), NOW)

    terms = [
        d for d in wmo.deadlines(WORKER, NOW.date(), mine_only=False) if d.reference == waiting.reference
    ]
    [answer] = messages.open_requests(BACK_OFFICE, NOW.date())
    requests.assign(waiting.reference, BACK_OFFICE, FORM, ANSWER_AT)
    after = [
        d
        for d in wmo.deadlines(WORKER, ANSWER_AT.date(), mine_only=False)
        if d.reference == waiting.reference
    ]

    assert [d.due for d in terms] == [date(2027, 1, 26)]  # 8 weeks after the 315 (Jeugdwet, Awb 4:13)
    assert answer.due == date(2026, 12, 8) and not answer.overdue  # MSG-ANSWER-5WD
    assert after == []  # decided
    assert messages.open_requests(BACK_OFFICE, ANSWER_AT.date()) == []


def test_a_change_request_on_an_m_case_is_judged_by_the_involved_access_worker_and_answered(
    requests: JeugdRequestService,
    exchange: ProviderExchange,
    messages: MessageService,
    uows: UnitOfWorkFactory,
) -> None:
    wmo = WmoCaseService(uows, MUNICIPALITY, make.catalogue(), messages)
    send_request(exchange)
    [waiting] = requests.open_requests(BACK_OFFICE, NOW.date(), NOW)
    toewijzing_id = requests.assign(waiting.reference, BACK_OFFICE, FORM, ANSWER_AT)
    messages.export(BACK_OFFICE, ANSWER_AT)
    number = load(uows, waiting.reference).wmo.assignment.toewijzing_nummer  # type: ignore[union-attr]
    more = Omvang(volume=6, eenheid=Eenheid.UUR, frequentie=Frequentie.PER_MAAND)  # no end needed (CD076)

    asked = exchange.send_change_request(
        PROVIDER, toewijzing_id, number, RedenVerzoek.ZORGPLAN, date(2027, 3, 1), more, None, STARTED_AT
    )
    assert asked.accepted, (asked.rule, asked.path)
    view = requests.view(waiting.reference, WORKER, STARTED_AT)
    version = requests.involve(waiting.reference, WORKER, view.version, STARTED_AT)
    judgement = ChangeJudgement(
        referentie_aanbieder=view.records.change.referentie_aanbieder,  # type: ignore[union-attr]
        honoured=True,
        motivation="Meer uren passen bij het plan.",
    )
    wmo.judge_change_request(waiting.reference, WORKER, version, judgement, STARTED_AT)
    answer_id = wmo.answer_change_request(waiting.reference, BACK_OFFICE, STARTED_AT)
    after = requests.view(waiting.reference, WORKER, STARTED_AT)

    assert asked.accepted, (asked.rule, asked.path)
    assert view.records.change is not None
    answer = next(m for m in after.messages if m.id == answer_id)
    assert answer.kind == "301" and answer.referentie_aanbieder == judgement.referentie_aanbieder
    assert after.records.change is None and after.records.assignment is not None
    assert after.records.assignment.volume == 6
    assert [t.term.value for t in after.terms] == ["TOE-BESCHIKKING-TERM"]
