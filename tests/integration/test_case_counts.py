"""The queue's counter table on SQLite and PostgreSQL: ``case_counts`` equals a plain COUNT(*) over
the cases of the queue after every kind of write (the ORM, the services, plain UPDATE and DELETE
statements, bulk inserts, concurrent writers), and the queue's totals for any filters equal a
plain count of the matching cases.

The counter is kept by triggers (migration 0006), so these tests write cases in every way the
application and its tools do, and compare with counting the cases themselves.
"""

from __future__ import annotations

import itertools
import threading
import time
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from alembic import command
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import (
    Engine,
    String,
    case,
    cast,
    delete,
    func,
    insert,
    inspect,
    literal,
    select,
    text,
    update,
)

from smi_core import default_municipality
from smi_core.access import Role
from smi_core.cases import CaseSource, CaseStatus
from smi_intake.crypto import Cipher
from smi_intake.db.base import Base
from smi_intake.db.engine import alembic_config, make_engine
from smi_intake.db.models import CaseCountRow, CaseRow
from smi_intake.db.queue import filtered
from smi_intake.db.uow import UnitOfWorkFactory
from smi_intake.services.accounts import Account, AccountService
from smi_intake.services.handover import HandoverService
from smi_intake.services.intake import IntakeService
from smi_intake.services.queue import OPEN_STATUSES, QueueQuery, QueueService, case_filter
from tests.conftest import backend
from tests.integration.test_handover import _complete_and_submit, _handover

pytestmark = pytest.mark.db

NOW = datetime(2026, 11, 30, 10, 0, tzinfo=UTC)
PASSWORD = "een-lang-wachtwoord"
WORKERS = ("w.jansen", "w.pietersen")
STATUSES = (CaseStatus.NEW, CaseStatus.IN_TRIAGE, CaseStatus.CONVERSATION_PLANNED, CaseStatus.CLOSED)
OUTCOMES = ("", "eligible", "needs_assessment", "not_eligible")
Key = tuple[str, str, str, str]
_numbers = itertools.count(1)


def case_values(
    status: CaseStatus = CaseStatus.NEW,
    outcome: str = "eligible",
    source: CaseSource = CaseSource.OUDER,
    owner: str | None = None,
    with_reference: bool = True,
) -> dict[str, Any]:
    """The columns of one case, with a reference unique in this test run (or none)."""
    number = next(_numbers)
    return {
        "reference": f"T-{number:08d}" if with_reference else None,
        "source": source.value,
        "status": status.value,
        "outcome": outcome,
        "urgent": number % 7 == 0,
        "owner": owner,
        "received_at": NOW - timedelta(minutes=number),
        "locale": "nl",
        "resume_hash": None,
        "draft_id": None,
        "organisation": "",
        "created_by": "test",
        "parents_completed": True,
        "payload": b"x",
        "version": 1,
    }


def counted(engine: Engine) -> dict[Key, int]:
    """The counter table, leaving out keys whose count is back at zero."""
    with engine.connect() as connection:
        rows = connection.execute(
            select(
                CaseCountRow.status,
                CaseCountRow.outcome,
                CaseCountRow.source,
                CaseCountRow.owner,
                CaseCountRow.count,
            )
        ).all()
    return {
        (status, outcome, source, owner): count for status, outcome, source, owner, count in rows if count
    }


def recounted(engine: Engine) -> dict[Key, int]:
    """A plain COUNT(*) per key over the cases that have a reference."""
    owner = func.coalesce(CaseRow.owner, "")
    with engine.connect() as connection:
        rows = connection.execute(
            select(CaseRow.status, CaseRow.outcome, CaseRow.source, owner, func.count())
            .where(CaseRow.reference.is_not(None))
            .group_by(CaseRow.status, CaseRow.outcome, CaseRow.source, owner)
        ).all()
    return {(status, outcome, source, owner): count for status, outcome, source, owner, count in rows}


def plain_total(engine: Engine, queue_service: QueueService, query: QueueQuery, worker: Account) -> int:
    """The queue's total the slow way: counting the matching cases themselves."""
    statement = filtered(select(func.count()).select_from(CaseRow), case_filter(query, worker))
    with engine.connect() as connection:
        return int(connection.scalar(statement) or 0)


def plain_counts_per_open_status(engine: Engine) -> dict[CaseStatus, int]:
    with engine.connect() as connection:
        rows = connection.execute(
            select(CaseRow.status, func.count())
            .where(CaseRow.reference.is_not(None), CaseRow.status.in_([s.value for s in OPEN_STATUSES]))
            .group_by(CaseRow.status)
        ).all()
    return {CaseStatus(status): count for status, count in rows}


def write(engine: Engine, *statements: Any) -> None:
    with engine.begin() as connection:
        for statement in statements:
            connection.execute(statement)


def add_cases(engine: Engine, *cases: dict[str, Any]) -> None:
    write(engine, insert(CaseRow).values(list(cases)))


# -- one database for the module ---------------------------------------------------------------


@pytest.fixture
def engine(module_database: Engine) -> Engine:
    """Overrides the conftest's new database per test: the module's database, emptied first."""
    return module_database


@pytest.fixture
def wijzer(accounts: AccountService) -> Account:
    return accounts.create_account(WORKERS[0], "WIJzer Jansen", Role.WIJZER, PASSWORD, NOW)


@pytest.fixture
def colleague(accounts: AccountService) -> Account:
    return accounts.create_account(WORKERS[1], "WIJzer Pietersen", Role.WIJZER, PASSWORD, NOW)


# -- every write path --------------------------------------------------------------------------


def test_a_case_is_counted_once_it_has_a_reference(engine: Engine, uows: UnitOfWorkFactory) -> None:
    with uows() as uow:
        case = CaseRow(**case_values(with_reference=False))
        uow.session.add(case)
        uow.session.flush()
        before_reference = uow.session.scalar(select(func.sum(CaseCountRow.count)))
        case.reference = f"SMI-2026-{case.id:06d}"
        uow.commit()

    assert before_reference is None
    assert counted(engine) == {("new", "eligible", "ouder", ""): 1} == recounted(engine)


def test_taking_and_handing_on_a_case_move_its_count_to_the_new_status_and_owner(
    engine: Engine, queue_service: QueueService, wijzer: Account, colleague: Account
) -> None:
    add_cases(engine, case_values(), case_values())
    reference = queue_service.queue(wijzer, QueueQuery(), NOW).rows[0].reference

    queue_service.claim(reference, wijzer, NOW)
    after_taking = counted(engine)
    queue_service.hand_to(reference, wijzer, colleague.username, 2, NOW)

    assert after_taking == {
        ("new", "eligible", "ouder", ""): 1,
        ("in_triage", "eligible", "ouder", WORKERS[0]): 1,
    }
    assert counted(engine) == {
        ("new", "eligible", "ouder", ""): 1,
        ("in_triage", "eligible", "ouder", WORKERS[1]): 1,
    }
    assert counted(engine) == recounted(engine)


def test_a_handover_and_the_parents_completing_it_keep_the_counts_exact(
    engine: Engine,
    uows: UnitOfWorkFactory,
    cipher: Cipher,
    intake_service: IntakeService,
    accounts: AccountService,
) -> None:
    nurse = accounts.create_account(
        "v.devries", "V. de Vries", Role.AGENCY, PASSWORD, NOW, organisation="GGD"
    )
    handovers = HandoverService(uows, default_municipality())

    sent = handovers.submit(nurse, _handover(), NOW)
    handed_over = counted(engine)
    _complete_and_submit(intake_service, sent, NOW + timedelta(hours=1))

    assert handed_over == {("new", "", "instantie", ""): 1}
    ((status, outcome, source, owner),) = counted(engine)
    assert (status, source, owner) == ("new", "instantie", "")
    assert outcome != ""
    assert counted(engine) == recounted(engine)


def test_plain_update_statements_of_many_cases_keep_the_counts_exact(engine: Engine) -> None:
    add_cases(engine, *(case_values(STATUSES[n % 4], OUTCOMES[n % 4], owner=None) for n in range(40)))

    write(
        engine,
        update(CaseRow).where(CaseRow.status == "new").values(status="in_triage", owner=WORKERS[0]),
        update(CaseRow).where(CaseRow.outcome == "").values(outcome="eligible"),
        update(CaseRow).where(CaseRow.status == "closed").values(source="instantie", owner=WORKERS[1]),
        update(CaseRow).where(CaseRow.owner == WORKERS[0]).values(owner=None),
    )

    assert counted(engine) == recounted(engine)
    assert sum(counted(engine).values()) == 40


def test_an_update_of_other_columns_changes_no_count(engine: Engine) -> None:
    add_cases(engine, case_values(), case_values(CaseStatus.IN_TRIAGE, owner=WORKERS[0]))
    before = counted(engine)

    write(engine, update(CaseRow).values(payload=b"y", version=CaseRow.version + 1, urgent=True))

    assert counted(engine) == before == recounted(engine)


def test_losing_the_reference_takes_a_case_out_of_the_counts(engine: Engine) -> None:
    add_cases(engine, case_values(), case_values())

    write(
        engine,
        update(CaseRow)
        .where(CaseRow.id == select(func.min(CaseRow.id)).scalar_subquery())
        .values(reference=None),
    )

    assert counted(engine) == {("new", "eligible", "ouder", ""): 1} == recounted(engine)


def test_deleting_cases_one_by_one_and_all_at_once_brings_every_count_to_zero(
    engine: Engine, uows: UnitOfWorkFactory
) -> None:
    add_cases(engine, *(case_values(STATUSES[n % 4], owner=WORKERS[n % 2]) for n in range(12)))
    add_cases(engine, case_values(with_reference=False))

    with uows() as uow:
        uow.session.delete(uow.session.scalars(select(CaseRow).order_by(CaseRow.id).limit(1)).one())
        uow.commit()
    one_deleted = sum(counted(engine).values())
    write(engine, delete(CaseRow).where(CaseRow.status == "closed"))
    closed_deleted = counted(engine) == recounted(engine)
    write(engine, delete(CaseRow))

    assert one_deleted == 11
    assert closed_deleted
    assert counted(engine) == {} == recounted(engine)


def test_a_bulk_insert_of_thousands_of_cases_is_counted_exactly(engine: Engine) -> None:
    rows = [
        case_values(
            STATUSES[n % 4], OUTCOMES[n % 3], list(CaseSource)[n % 2], WORKERS[n % 2] if n % 5 else None
        )
        for n in range(6000)
    ]

    with engine.begin() as connection:
        for first in range(0, len(rows), 2500):
            connection.execute(insert(CaseRow), rows[first : first + 2500])

    assert counted(engine) == recounted(engine)
    assert sum(counted(engine).values()) == 6000


def test_the_queue_reads_its_totals_from_the_counter_not_from_the_cases(
    engine: Engine, queue_service: QueueService, wijzer: Account
) -> None:
    add_cases(engine, case_values(), case_values(CaseStatus.IN_TRIAGE))
    write(engine, update(CaseCountRow).where(CaseCountRow.status == "new").values(count=1000))

    page = queue_service.queue(wijzer, QueueQuery(), NOW)

    assert (page.total, page.counts) == (1001, {CaseStatus.NEW: 1000, CaseStatus.IN_TRIAGE: 1})


@pytest.mark.skipif(backend() != "postgresql", reason="TRUNCATE exists on PostgreSQL only")
def test_truncating_the_cases_empties_the_counts(engine: Engine) -> None:
    add_cases(engine, case_values(), case_values(CaseStatus.IN_TRIAGE))

    write(engine, text("TRUNCATE cases CASCADE"))

    assert counted(engine) == {}


# -- any sequence of writes, any filters -------------------------------------------------------

case_strategy = st.builds(
    case_values,
    status=st.sampled_from(STATUSES),
    outcome=st.sampled_from(OUTCOMES),
    source=st.sampled_from(list(CaseSource)),
    owner=st.sampled_from([None, *WORKERS]),
    with_reference=st.sampled_from([True, True, True, False]),
)
where_strategy = st.sampled_from(
    [
        CaseRow.status == "new",
        CaseRow.status != "closed",
        CaseRow.owner.is_(None),
        CaseRow.owner == WORKERS[0],
        CaseRow.outcome == "",
        CaseRow.source == "instantie",
        CaseRow.reference.is_(None),
        CaseRow.id % 2 == 0,
    ]
)
set_strategy = st.fixed_dictionaries(
    {},
    optional={
        "status": st.sampled_from([s.value for s in STATUSES]),
        "outcome": st.sampled_from(OUTCOMES),
        "source": st.sampled_from([s.value for s in CaseSource]),
        "owner": st.sampled_from([None, *WORKERS]),
        "urgent": st.booleans(),
    },
)
write_strategy = st.one_of(
    st.lists(case_strategy, min_size=1, max_size=8).map(lambda cases: ("insert", cases)),
    st.tuples(st.just("update"), where_strategy, set_strategy),
    st.tuples(st.just("give references"), where_strategy),
    st.tuples(st.just("delete"), where_strategy),
)
query_strategy = st.builds(
    QueueQuery,
    statuses=st.frozensets(st.sampled_from(sorted(OPEN_STATUSES)), min_size=1),
    outcome=st.sampled_from([None, *OUTCOMES[1:]]),
    source=st.sampled_from([None, *CaseSource]),
    mine=st.booleans(),
    unassigned=st.booleans(),
)


def _apply(engine: Engine, operation: tuple[Any, ...]) -> None:
    kind = operation[0]
    if kind == "insert":
        add_cases(engine, *operation[1])
    elif kind == "update":
        if operation[2]:
            write(engine, update(CaseRow).where(operation[1]).values(**operation[2]))
    elif kind == "give references":
        write(
            engine,
            update(CaseRow)
            .where(operation[1], CaseRow.reference.is_(None))
            .values(reference=literal("R-") + cast(CaseRow.id, String(20))),
        )
    else:
        write(engine, delete(CaseRow).where(operation[1]))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    writes=st.lists(write_strategy, min_size=1, max_size=12),
    queries=st.lists(query_strategy, min_size=1, max_size=4),
)
def test_after_any_writes_the_counts_and_every_filtered_total_equal_a_plain_count(
    engine: Engine,
    queue_service: QueueService,
    wijzer: Account,
    writes: list[tuple[Any, ...]],
    queries: list[QueueQuery],
) -> None:
    write(engine, delete(CaseRow))
    assert counted(engine) == {}

    for operation in writes:
        _apply(engine, operation)

    assert counted(engine) == recounted(engine)
    for query in [QueueQuery(), *queries]:
        page = queue_service.queue(wijzer, query, NOW)
        assert page.total == plain_total(engine, queue_service, query, wijzer), query
        assert page.counts == plain_counts_per_open_status(engine)


# -- concurrent writers ------------------------------------------------------------------------


def test_writers_moving_cases_in_opposite_directions_at_once_lose_no_count(engine: Engine) -> None:
    """Each writer's one UPDATE moves cases from new to in triage *and* back, so writers need the
    same two counter rows in opposite order; the counter locks them in key order, so no writer
    deadlocks and no change is lost."""
    writers, rounds = 4, 8
    add_cases(engine, *(case_values(STATUSES[n % 2]) for n in range(writers * 6)))
    with engine.connect() as connection:
        ids = list(connection.scalars(select(CaseRow.id).order_by(CaseRow.id)))
    barrier = threading.Barrier(writers)
    errors: list[BaseException] = []

    def swap(mine: list[int]) -> None:
        try:
            for _ in range(rounds):
                barrier.wait(timeout=30)
                with engine.begin() as connection:
                    connection.execute(
                        update(CaseRow)
                        .where(CaseRow.id.in_(mine))
                        .values(status=case((CaseRow.status == "new", "in_triage"), else_="new"))
                    )
                    time.sleep(0.02)  # hold the counter rows while the others try to take them
        except BaseException as error:  # collected and asserted below
            errors.append(error)
            barrier.abort()

    threads = [threading.Thread(target=swap, args=(ids[n::writers],)) for n in range(writers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)

    assert errors == []
    assert counted(engine) == recounted(engine)
    assert sum(counted(engine).values()) == writers * 6


# -- the migration -----------------------------------------------------------------------------


def test_the_migration_counts_the_cases_already_there_and_its_downgrade_removes_the_counter(
    empty_database_url: str,
) -> None:
    config = alembic_config(empty_database_url)
    command.upgrade(config, "0005")
    engine = make_engine(empty_database_url)
    cases = Base.metadata.tables["cases"]
    try:
        with engine.begin() as connection:
            connection.execute(
                insert(cases),
                [case_values(STATUSES[n % 4], owner=WORKERS[n % 2] if n % 3 else None) for n in range(30)]
                + [case_values(with_reference=False)],
            )

        command.upgrade(config, "head")
        filled = counted(engine) == recounted(engine) and sum(counted(engine).values()) == 30
        command.downgrade(config, "0005")
        tables_after_downgrade = set(inspect(engine).get_table_names())
        with engine.begin() as connection:  # no trigger is left to write into the dropped table
            connection.execute(insert(cases).values(case_values()))
            connection.execute(update(cases).values(status="closed"))
            connection.execute(delete(cases).where(cases.c.owner.is_(None)))
        command.upgrade(config, "head")

        assert filled
        assert "case_counts" not in tables_after_downgrade
        assert counted(engine) == recounted(engine)
    finally:
        engine.dispose()
