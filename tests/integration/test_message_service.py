"""The back office's exchange, end to end on both databases: a 301 queued and exported in its
envelope, the provider's 305 imported against it and answered with its retour, bad files told
apart, a duplicate answered with TR056, a zip with a path outside its folder, a provider's
retour deciding our message, and the requests waiting for an answer."""

from __future__ import annotations

import io
import zipfile
from datetime import UTC, date, datetime

import pytest
from sqlalchemy import text

from smi_core.access import Permission, Role
from smi_core.errors import NotAllowed
from smi_core.istandaarden.codes import Domain, MessageKind, VerzoekAntwoord
from smi_core.istandaarden.envelope import (
    EnvelopeKind,
    Fout,
    read_envelope,
    write_di01,
    write_du01,
    write_fo01,
)
from smi_core.istandaarden.messages import HeenMessage
from smi_core.istandaarden.retour import make_retour
from smi_core.istandaarden.xml import read, write
from smi_intake.db.messages import Direction, MessageFilter, MessageState
from smi_intake.db.uow import UnitOfWorkFactory
from smi_intake.services.accounts import Account
from smi_intake.services.message_facts import MessageRefused, Numbering
from smi_intake.services.messages import MessageService
from tests import istandaarden_factories as make

pytestmark = pytest.mark.db

NOW = datetime(2026, 4, 6, 9, 0, tzinfo=UTC)  # a Monday
BACK_OFFICE = Account(
    username="b.office",
    display_name="Back office",
    role=Role.GEMEENTE,
    organisation="",
    email="",
    active=True,
)


@pytest.fixture
def service(uows: UnitOfWorkFactory) -> MessageService:
    return MessageService(uows, make.MUNICIPALITY, make.reference_schemas())


def provider_file(message: object) -> tuple[str, bytes]:
    return ("bericht.xml", write(message))  # type: ignore[arg-type]


def test_a_queued_assignment_goes_out_in_its_envelope_and_waits_for_its_retour(
    service: MessageService,
) -> None:
    message_id = service.send(make.toewijzing(), BACK_OFFICE, NOW)

    files = service.export(BACK_OFFICE, NOW)
    sent = service.messages(BACK_OFFICE, MessageFilter(direction=Direction.OUT))
    again = service.export(BACK_OFFICE, NOW)

    [(name, data)] = files
    envelope = read_envelope(data)
    assert envelope.berichtcode is EnvelopeKind.DI01 and envelope.functie == "JW301"
    assert read(envelope.payload or b"").identification == "BER-0001"
    assert name == "JW301-BER-0001.xml" and again == []
    [stored] = sent
    assert (stored.id, stored.state, stored.numbers) == (message_id, MessageState.SENT, (1001,))
    assert stored.retour_due == date(2026, 4, 9)  # 3 working days (OP090)
    assert not stored.overdue(date(2026, 4, 9)) and stored.overdue(date(2026, 4, 10))


def test_messages_queued_together_are_checked_against_each_other_and_stored_all_or_none(
    service: MessageService,
) -> None:
    def twice(numbering: Numbering) -> list[HeenMessage]:
        numbering.toewijzing(Domain.JW, make.BSN, "")  # a number taken, then given back
        return [make.toewijzing(), make.toewijzing()]  # the same identification twice: TR056

    with pytest.raises(MessageRefused) as refused:
        service.send_all(twice, BACK_OFFICE, NOW)

    assert (refused.value.rule, refused.value.position) == ("TR056", 2)
    assert service.count(BACK_OFFICE, MessageFilter()) == 0
    assert service.issue_number(BACK_OFFICE, Domain.JW, make.BSN, "", NOW) == 1


def test_an_access_worker_queues_messages_only_with_the_permission_a_caller_names(
    service: MessageService,
) -> None:
    worker = Account(
        username="w.worker", display_name="W", role=Role.WIJZER, organisation="", email="", active=True
    )

    with pytest.raises(NotAllowed):
        service.send(make.toewijzing(), worker, NOW)
    [message_id] = service.send_all(
        lambda _numbering: [make.toewijzing()], worker, NOW, permission=Permission.CONVERT_INDICATIONS
    )

    assert service.messages(BACK_OFFICE, MessageFilter())[0].id == message_id


def test_a_start_of_an_assignment_we_gave_is_accepted_with_a_retour_without_codes(
    service: MessageService,
) -> None:
    service.send(make.toewijzing(), BACK_OFFICE, NOW)

    [outcome] = service.import_files([provider_file(make.start_zorg())], BACK_OFFICE, NOW)

    assert outcome.accepted and (outcome.kind, outcome.retour_codes) == ("305", ())
    retour = read(outcome.retour or b"")
    assert retour.kind is MessageKind.START_ZORG_RETOUR and retour.header.retour_codes == ()
    history = service.assignment(BACK_OFFICE, "jw", 1001)
    assert [(m.kind, m.direction) for m in history] == [("301", "out"), ("305", "in"), ("306", "out")]


def test_a_start_without_an_assignment_is_refused_by_its_retour_with_tr019(service: MessageService) -> None:
    [outcome] = service.import_files([provider_file(make.start_zorg())], BACK_OFFICE, NOW)

    assert not outcome.accepted and outcome.level == 3
    assert "9019" in outcome.retour_codes
    retour = read(outcome.retour or b"")
    assert retour.body is not None  # the client's classes copied, each with its code
    stored = service.messages(BACK_OFFICE, MessageFilter(direction=Direction.IN))
    assert [m.state for m in stored] == [MessageState.REJECTED]


def test_a_message_that_breaks_an_in_message_rule_gets_a_header_only_retour_with_0001(
    service: MessageService,
) -> None:
    broken = make.start_zorg(bsn="123456789")  # fails the elfproef (CS002)

    [outcome] = service.import_files([provider_file(broken)], BACK_OFFICE, NOW)

    assert not outcome.accepted and (outcome.level, outcome.rule) == (2, "CS002")
    retour = read(outcome.retour or b"")
    assert [c.value for c in retour.header.retour_codes] == ["0001"] and retour.body is None
    assert "123456789" not in outcome.problem + outcome.path


def test_the_same_identification_twice_is_answered_with_tr056_and_stored_once(
    service: MessageService,
) -> None:
    service.send(make.toewijzing(), BACK_OFFICE, NOW)
    service.import_files([provider_file(make.start_zorg())], BACK_OFFICE, NOW)

    [again] = service.import_files([provider_file(make.start_zorg())], BACK_OFFICE, NOW)

    assert not again.accepted and again.retour is not None
    assert "9056" in again.retour_codes
    incoming = service.messages(BACK_OFFICE, MessageFilter(direction=Direction.IN, kinds=frozenset({"305"})))
    assert len(incoming) == 1


def test_files_that_are_not_messages_are_told_apart_and_nothing_is_stored(service: MessageService) -> None:
    files = [
        ("kapot.xml", b"<Bericht><niet-dicht>"),
        ("ander.xml", b"<?xml version='1.0'?><root xmlns='urn:other'/>"),
        ("gemeente.xml", write(make.toewijzing())),  # the municipality sends a 301; a provider does not
    ]

    outcomes = service.import_files(files, BACK_OFFICE, NOW)

    assert [o.accepted for o in outcomes] == [False, False, False]
    assert all(o.problem for o in outcomes)
    assert service.count(BACK_OFFICE, MessageFilter()) == 0


def test_a_zip_is_imported_file_by_file_and_a_path_outside_its_folder_is_refused(
    service: MessageService,
) -> None:
    service.send(make.toewijzing(), BACK_OFFICE, NOW)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("in/start.xml", write(make.start_zorg()))
        archive.writestr("../buiten.xml", write(make.start_zorg(identificatie="BER-0099")))
        archive.writestr("in/kapot.xml", b"niet xml")

    outcomes = service.import_files([("batch.zip", buffer.getvalue())], BACK_OFFICE, NOW)

    assert [(o.name, o.accepted) for o in outcomes] == [
        ("batch.zip/in/start.xml", True),
        ("batch.zip/../buiten.xml", False),
        ("batch.zip/in/kapot.xml", False),
    ]
    assert "outside" in outcomes[1].problem


def test_an_envelope_is_opened_and_its_message_imported(service: MessageService) -> None:
    service.send(make.toewijzing(), BACK_OFFICE, NOW)
    envelope = write_di01(write(make.start_zorg()), "JW305", make.PROVIDER, make.MUNICIPALITY)

    [outcome] = service.import_files([("di01.xml", envelope)], BACK_OFFICE, NOW)

    assert outcome.accepted and outcome.kind == "305"


def test_the_providers_retour_decides_our_message(service: MessageService) -> None:
    accepted_id = service.send(make.toewijzing(), BACK_OFFICE, NOW)
    refused_id = service.send(
        make.toewijzing(
            Domain.JW, make.toegewezen(number=2002), bsn=make.OTHER_BSN, identificatie="BER-0010"
        ),
        BACK_OFFICE,
        NOW,
    )
    service.export(BACK_OFFICE, NOW)
    ok = make_retour(make.toewijzing(), [], identification="RET-1", on=NOW.date())

    [outcome] = service.import_files([("302.xml", write(ok))], BACK_OFFICE, NOW)

    states = {m.id: m.state for m in service.messages(BACK_OFFICE, MessageFilter(heen_only=True))}
    assert outcome.accepted and outcome.answered == accepted_id
    assert states == {accepted_id: MessageState.ACCEPTED, refused_id: MessageState.SENT}


def test_our_own_message_that_breaks_a_rule_is_not_queued(service: MessageService) -> None:
    with pytest.raises(MessageRefused) as refused:
        service.send(make.toewijzing(bsn="123456789"), BACK_OFFICE, NOW)

    assert refused.value.rule == "CS002"
    assert service.count(BACK_OFFICE, MessageFilter()) == 0


def test_a_request_waits_for_an_answer_five_working_days_or_eight_weeks_in_onderzoek(
    service: MessageService,
) -> None:
    [request] = service.import_files([provider_file(make.verzoek_om_toewijzing())], BACK_OFFICE, NOW)
    waiting = service.open_requests(BACK_OFFICE, date(2026, 4, 14))

    service.send(make.antwoord(answer=VerzoekAntwoord.IN_ONDERZOEK), BACK_OFFICE, NOW, client_bsn=make.BSN)
    in_onderzoek = service.open_requests(BACK_OFFICE, date(2026, 4, 14))

    assert request.accepted
    [due] = waiting
    assert (due.due, due.overdue, due.in_onderzoek) == (date(2026, 4, 13), True, False)
    [later] = in_onderzoek
    assert later.in_onderzoek and later.due == date(2026, 6, 1) and not later.overdue


def test_only_the_back_office_exchanges_messages(service: MessageService) -> None:
    worker = Account(
        username="w.jansen", display_name="W", role=Role.WIJZER, organisation="", email="", active=True
    )

    with pytest.raises(NotAllowed):
        service.import_files([provider_file(make.start_zorg())], worker, NOW)


def test_a_du01_carries_the_providers_retour_and_a_fo01_rejects_our_message(service: MessageService) -> None:
    first = service.send(make.toewijzing(), BACK_OFFICE, NOW)
    second = service.send(
        make.toewijzing(
            Domain.JW, make.toegewezen(number=2002), bsn=make.OTHER_BSN, identificatie="BER-0010"
        ),
        BACK_OFFICE,
        NOW,
    )
    envelopes = {
        read(read_envelope(data).payload or b"").identification: data
        for _, data in service.export(BACK_OFFICE, NOW)
    }
    heen = read_envelope(envelopes["BER-0001"])
    ok = make_retour(make.toewijzing(), [], identification="RET-1", on=NOW.date())
    du01 = write_du01(write(ok), "JW302", make.PROVIDER, make.MUNICIPALITY, heen.referentienummer)
    fo01 = write_fo01(
        Fout(code="StUF055", plek="server", omschrijving="schema"),
        "GGK",
        make.MUNICIPALITY,
        read_envelope(envelopes["BER-0010"]).referentienummer,
    )

    outcomes = service.import_files([("du01.xml", du01), ("fo01.xml", fo01)], BACK_OFFICE, NOW)

    states = {m.id: m.state for m in service.messages(BACK_OFFICE, MessageFilter(heen_only=True))}
    assert [(o.accepted, o.answered) for o in outcomes] == [(True, first), (False, second)]
    assert "StUF055" in outcomes[1].problem
    assert states == {first: MessageState.ACCEPTED, second: MessageState.REJECTED}


def test_a_file_over_25_mb_is_refused_before_it_is_read(service: MessageService) -> None:
    [outcome] = service.import_files([("groot.xml", b" " * (25 * 1024 * 1024 + 1))], BACK_OFFICE, NOW)

    assert not outcome.accepted and outcome.rule == "OP179"
    assert service.count(BACK_OFFICE, MessageFilter()) == 0


def test_messages_imported_together_see_each_other_a_stop_its_start_and_a_repeat_its_twin(
    service: MessageService,
) -> None:
    service.send(make.toewijzing(), BACK_OFFICE, NOW)
    files = [
        provider_file(make.start_zorg(identificatie="S-1")),
        provider_file(make.start_zorg(identificatie="S-2")),  # the same start again: TR326
        provider_file(make.stop_zorg(identificatie="P-1")),
        provider_file(make.stop_zorg(identificatie="P-1")),  # the same identification again: TR056
    ]

    outcomes = service.import_files(files, BACK_OFFICE, NOW)

    assert [(o.identification, o.accepted, o.rule) for o in outcomes] == [
        ("S-1", True, ""),
        ("S-2", False, "TR326"),
        ("P-1", True, ""),
        ("P-1", False, "TR056"),
    ]
    incoming = service.messages(BACK_OFFICE, MessageFilter(direction=Direction.IN, heen_only=True))
    assert sorted((m.identification, m.state) for m in incoming) == [
        ("P-1", MessageState.ACCEPTED),
        ("S-1", MessageState.ACCEPTED),
        ("S-2", MessageState.REJECTED),
    ]


def test_a_message_stored_before_messages_kept_their_facts_still_counts_for_the_checks(
    service: MessageService, uows: UnitOfWorkFactory
) -> None:
    service.send(make.toewijzing(), BACK_OFFICE, NOW)
    with uows() as uow:  # as a row stored by an earlier version: no facts
        uow.session.execute(text("UPDATE messages SET facts = NULL"))
        uow.commit()

    [started] = service.import_files([provider_file(make.start_zorg())], BACK_OFFICE, NOW)
    [unknown] = service.import_files(
        [provider_file(make.start_zorg(Domain.JW, make.start(2002), identificatie="S-9"))], BACK_OFFICE, NOW
    )

    assert started.accepted
    assert not unknown.accepted and unknown.rule == "TR019"
