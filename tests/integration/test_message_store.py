"""The message store: messages stored encrypted, TR056 refused without spoiling the transaction,
one client's history between two parties, retours and overdue ones, the assignment's messages,
and ToewijzingNummers unique even with two app servers numbering at once."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlalchemy import Engine, select, text

from smi_intake.db.engine import PROJECT_DIR
from smi_intake.db.messages import (
    Direction,
    IdentificationTaken,
    MessageFilter,
    MessageState,
    NewMessage,
)
from smi_intake.db.models import AuditEvent, MessageRow
from smi_intake.db.uow import UnitOfWorkFactory
from tests.conftest import backend

pytestmark = pytest.mark.db

NOW = datetime(2026, 12, 2, 10, 0, tzinfo=UTC)
MUNICIPALITY, PROVIDER, OTHER_PROVIDER = "0531", "12345678", "87654321"
BSN, OTHER_BSN = "999990019", "999990020"
WORKER = "tests.integration.number_worker"


def message(
    identification: str = "M1",
    kind: str = "301",
    *,
    direction: Direction = Direction.OUT,
    bsn: str | None = BSN,
    provider: str = PROVIDER,
    state: MessageState = MessageState.SENT,
    **changes: object,
) -> NewMessage:
    sender, receiver = (MUNICIPALITY, provider) if direction is Direction.OUT else (provider, MUNICIPALITY)
    values: dict[str, object] = {
        "direction": direction,
        "domain": "jw",
        "kind": kind,
        "sender": sender,
        "receiver": receiver,
        "identification": identification,
        "dagtekening": date(2026, 12, 1),
        "raw": f"<Bericht><Bsn>{bsn}</Bsn><Naam>Jansen</Naam></Bericht>".encode(),
        "parsed": {"client": {"bsn": bsn, "naam": "Jansen"}, "identification": identification},
        "bsn": bsn,
        "state": state,
    }
    values.update(changes)
    return NewMessage(**values)  # type: ignore[arg-type]


def test_a_message_is_stored_encrypted_and_reads_back_with_a_logged_read(
    uows: UnitOfWorkFactory, engine: Engine
) -> None:
    with uows() as uow:
        stored_id = uow.messages.add(message(numbers=(1, 2)), NOW)
        uow.commit()

    with uows() as uow:
        raw, parsed = uow.messages.content(stored_id, "b.office", NOW)
        stored = uow.messages.get(stored_id)
        uow.commit()
    with engine.connect() as connection:
        row = connection.execute(select(MessageRow.raw, MessageRow.parsed, MessageRow.bsn_hash)).one()
        reads = connection.execute(select(AuditEvent.actor, AuditEvent.action, AuditEvent.detail)).all()

    assert raw.startswith(b"<Bericht>") and parsed["client"]["bsn"] == BSN
    assert stored is not None and (stored.kind, stored.state, stored.direction) == ("301", "sent", "out")
    assert BSN.encode() not in row.raw and b"Jansen" not in row.raw and BSN.encode() not in row.parsed
    assert row.bsn_hash != BSN and BSN not in str(reads)
    assert reads == [("b.office", "message.read", "")]


def test_a_second_message_with_the_same_sender_kind_and_identification_is_refused_and_the_work_goes_on(
    uows: UnitOfWorkFactory,
) -> None:
    with uows() as uow:
        uow.messages.add(message("M1"), NOW)
        with pytest.raises(IdentificationTaken) as taken:
            uow.messages.add(message("M1", bsn=OTHER_BSN), NOW)
        uow.messages.add(message("M2"), NOW)
        uow.commit()

    with uows() as uow:
        count = uow.messages.count(MessageFilter())
        used = uow.messages.identifications_used(
            "jw", [(MUNICIPALITY, "301", "M1"), (MUNICIPALITY, "305", "M1"), (MUNICIPALITY, "301", "M9")]
        )
        other_set = uow.messages.identifications_used("wmo", [(MUNICIPALITY, "301", "M1")])

    assert count == 2 and used == {(MUNICIPALITY, "301", "M1")} and other_set == set()
    assert OTHER_BSN not in str(taken.value) and taken.value.identification == "M1"


def test_a_clients_facts_hold_only_their_counting_heen_messages_in_order_sealed_and_read_back(
    uows: UnitOfWorkFactory, engine: Engine
) -> None:
    facts = [["t", 1001, ["45", "45A01"], "2026-04-01", None, False, None]]
    with uows() as uow:
        add = uow.messages.add
        first = add(message("A1", "301", facts=facts), NOW)
        add(message("A2", "305", direction=Direction.IN), NOW.replace(hour=11))
        add(message("A3", "301", bsn=OTHER_BSN, facts=[]), NOW)
        add(message("A4", "301", provider=OTHER_PROVIDER, facts=[]), NOW.replace(hour=12))
        add(message("A5", "305", direction=Direction.IN, state=MessageState.REJECTED), NOW)
        add(message("R1", "302", direction=Direction.IN, state=MessageState.RETOUR, retour_of=first), NOW)
        uow.commit()

    with uows() as uow:
        found = uow.messages.client_facts("jw", [BSN, OTHER_BSN])
        other_set = uow.messages.client_facts("wmo", [BSN])
    with engine.connect() as connection:
        sealed = connection.scalar(text("SELECT facts FROM messages WHERE identification = 'A1'"))

    assert [(f.sender, f.receiver, f.kind) for f in found[BSN]] == [
        (MUNICIPALITY, PROVIDER, "301"),
        (PROVIDER, MUNICIPALITY, "305"),
        (MUNICIPALITY, OTHER_PROVIDER, "301"),
    ]
    assert found[BSN][0].facts == facts and found[BSN][0].parsed is None
    assert found[BSN][1].facts is None and found[BSN][1].parsed == {  # stored without facts: its content
        "client": {"bsn": BSN, "naam": "Jansen"},
        "identification": "A2",
    }
    assert [f.facts for f in found[OTHER_BSN]] == [[]]
    assert other_set == {BSN: []}
    assert b"45A01" not in bytes(sealed)


def test_a_retour_decides_the_heen_and_a_sent_message_without_one_is_overdue_after_its_day(
    uows: UnitOfWorkFactory,
) -> None:
    with uows() as uow:
        answered = uow.messages.add(message("B1", retour_due=date(2026, 12, 4)), NOW)
        waiting = uow.messages.add(message("B2", retour_due=date(2026, 12, 4)), NOW)
        rejected = uow.messages.add(message("B3", retour_due=date(2026, 12, 4)), NOW)
        retour = uow.messages.add(
            message("B1", "302", direction=Direction.IN, state=MessageState.RETOUR, retour_of=answered), NOW
        )
        uow.messages.record_retour(answered, [])
        uow.messages.record_retour(rejected, ["9019"])
        uow.commit()

    with uows() as uow:
        on_the_day = uow.messages.listing(MessageFilter(overdue_on=date(2026, 12, 4)))
        after = uow.messages.listing(MessageFilter(overdue_on=date(2026, 12, 7)))
        states = {m.identification: m.state for m in uow.messages.listing(MessageFilter(heen_only=True))}
        found_retour = uow.messages.retour_of(answered)
        b3 = uow.messages.get(rejected)

    assert on_the_day == []
    assert [m.id for m in after] == [waiting] and after[0].overdue(date(2026, 12, 7))
    assert states == {"B1": MessageState.ACCEPTED, "B2": MessageState.SENT, "B3": MessageState.REJECTED}
    assert found_retour is not None and found_retour.id == retour
    assert b3 is not None and b3.retour_codes == ("9019",)


def test_an_assignments_messages_are_listed_in_order_and_a_list_filters_by_client_and_party(
    uows: UnitOfWorkFactory,
) -> None:
    with uows() as uow:
        uow.messages.add(message("C1", "301", numbers=(7,)), NOW)
        uow.messages.add(message("C2", "305", direction=Direction.IN, numbers=(7,)), NOW.replace(hour=12))
        uow.messages.add(message("C3", "301", bsn=OTHER_BSN, provider=OTHER_PROVIDER, numbers=(8,)), NOW)
        uow.commit()

    with uows() as uow:
        about_seven = uow.messages.for_assignment("jw", 7)
        of_client = uow.messages.listing(MessageFilter(bsn=OTHER_BSN))
        of_provider = uow.messages.listing(MessageFilter(party=PROVIDER))

    assert [(m.identification, m.numbers) for m in about_seven] == [("C1", (7,)), ("C2", (7,))]
    assert [m.identification for m in of_client] == ["C3"]
    assert [m.identification for m in of_provider] == ["C2", "C1"]


def test_assignment_numbers_rise_per_municipality_and_set_and_remember_their_holder(
    uows: UnitOfWorkFactory,
) -> None:
    with uows() as uow:
        first = uow.messages.issue_number(MUNICIPALITY, "jw", BSN, "45A01", NOW)
        second = uow.messages.issue_number(MUNICIPALITY, "jw", OTHER_BSN, "45A01", NOW)
        other_set = uow.messages.issue_number(MUNICIPALITY, "wmo", BSN, "02A01", NOW)
        uow.commit()

    with uows() as uow:
        holder = uow.messages.assignment_holder("jw", MUNICIPALITY, second)
        never = uow.messages.assignment_holder("jw", MUNICIPALITY, 999)
        holds = (uow.messages.holds(holder, OTHER_BSN), uow.messages.holds(holder, BSN))

    assert (first, second, other_set) == (1, 2, 1)
    assert holds == (True, False) and never is None


def test_a_number_taken_in_a_transaction_that_rolls_back_is_not_recorded(uows: UnitOfWorkFactory) -> None:
    with uows() as uow:
        uow.messages.issue_number(MUNICIPALITY, "jw", BSN, "45A01", NOW)  # no commit

    with uows() as uow:
        number = uow.messages.issue_number(MUNICIPALITY, "jw", BSN, "45A01", NOW)
        uow.commit()

    assert number == 1


@pytest.mark.skipif(backend() != "postgresql", reason="two app processes share a database on PostgreSQL")
def test_two_app_processes_numbering_at_once_never_hand_out_the_same_number(
    database_url: str, tmp_path: Path
) -> None:
    environment = {**os.environ, "PARTIES": "2"}

    processes = [
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "tests.integration.number_worker",
                database_url,
                str(tmp_path),
                name,
                "40",
            ],
            cwd=PROJECT_DIR,
            env=environment,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for name in ("server-a", "server-b")
    ]
    try:
        outputs = [process.communicate(timeout=120) for process in processes]
    finally:
        for process in processes:
            if process.poll() is None:
                process.kill()

    numbers = [int(n) for out, _err in outputs for n in out.split()]
    assert [p.returncode for p in processes] == [0, 0], outputs
    assert len(numbers) == 80
    assert sorted(numbers) == list(range(1, 81))


def test_a_message_stored_in_a_unit_of_work_that_rolls_back_is_gone(uows: UnitOfWorkFactory) -> None:
    with uows() as uow:
        uow.messages.identifications_used(
            "jw", [(MUNICIPALITY, "301", "M1")]
        )  # a read first, as an import does
        uow.messages.add(message("M1", numbers=(3,)), NOW)
        with pytest.raises(IdentificationTaken):
            uow.messages.add(message("M1"), NOW)
        # no commit

    with uows() as uow:
        assert uow.messages.count(MessageFilter()) == 0
        assert uow.messages.for_assignment("jw", 3) == []
