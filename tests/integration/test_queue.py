"""WIJzer's intake queue on SQLite and PostgreSQL: sorting, filters, paging, counts, waiting days and
the overdue mark; taking a case (also by simultaneous threads and, on PostgreSQL, two OS processes),
handing it to a colleague, and who may do so.

Cases are stored as rows directly: the queue reads only their columns, not the encrypted payload.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, event, func, select

from smi_core.access import Role
from smi_core.case.errors import TransitionNotAllowed
from smi_core.cases import CaseSource, CaseStatus
from smi_core.errors import CaseAlreadyClaimed, CaseNotFound, ConcurrentEdit, NotAllowed
from smi_intake.db.engine import PROJECT_DIR
from smi_intake.db.models import AuditEvent, CaseEventRow, CaseRow
from smi_intake.db.uow import UnitOfWorkFactory
from smi_intake.services.accounts import Account, AccountService
from smi_intake.services.queue import QueuePage, QueueQuery, QueueService
from tests.conftest import backend
from tests.factories import municipality

pytestmark = pytest.mark.db

#: Monday 30 November 2026, mid-morning: "now" for every test.
NOW = datetime(2026, 11, 30, 10, 0, tzinfo=UTC)
PASSWORD = "een-lang-wachtwoord"
GGD = "GGD Zuid-Holland Zuid"


def day(day_of_november: int, hour: int = 9, minute: int = 0) -> datetime:
    """A moment in November 2026 (the 20th and 27th are Fridays, the 23rd and 30th Mondays)."""
    return datetime(2026, 11, day_of_november, hour, minute, tzinfo=UTC)


def reference(number: int) -> str:
    return f"SMI-2026-{number:06d}"


def case_row(
    number: int,
    received_at: datetime = NOW,
    status: CaseStatus = CaseStatus.NEW,
    source: CaseSource = CaseSource.OUDER,
    outcome: str = "eligible",
    urgent: bool = False,
    owner: str | None = None,
) -> CaseRow:
    return CaseRow(
        reference=reference(number),
        source=source.value,
        status=status.value,
        outcome=outcome,
        urgent=urgent,
        owner=owner,
        received_at=received_at,
        locale="nl",
        payload=b"x",
        organisation="",
        created_by="test",
        parents_completed=True,
        draft_id=None,
    )


def store(uows: UnitOfWorkFactory, *rows: CaseRow) -> None:
    with uows() as uow:
        uow.session.add_all(rows)
        uow.commit()


def numbers(page: QueuePage) -> list[int]:
    """The case numbers on a page, in the order shown."""
    return [int(row.reference[-6:]) for row in page.rows]


def stored_case(uows: UnitOfWorkFactory, number: int) -> tuple[str | None, str, int]:
    """Owner, status and version of a case as stored."""
    with uows() as uow:
        row = uow.session.scalars(select(CaseRow).where(CaseRow.reference == reference(number))).one()
        return row.owner, row.status, row.version


def case_events(uows: UnitOfWorkFactory, number: int) -> list[tuple[str, str, str | None, str | None, str]]:
    """The timeline of a case: (kind, actor, from status, to status, note)."""
    with uows() as uow:
        case_id = uow.session.scalar(select(CaseRow.id).where(CaseRow.reference == reference(number)))
        return [
            (e.kind, e.actor, e.from_status, e.to_status, e.note)
            for e in uow.session.scalars(
                select(CaseEventRow).where(CaseEventRow.case_id == case_id).order_by(CaseEventRow.id)
            )
        ]


def audit_events(uows: UnitOfWorkFactory, number: int) -> list[tuple[str, str, str]]:
    """The audit trail of a case: (actor, action, detail)."""
    with uows() as uow:
        return [
            (e.actor, e.action, e.detail)
            for e in uow.session.scalars(
                select(AuditEvent)
                .where(AuditEvent.subject_type == "case", AuditEvent.subject_id == reference(number))
                .order_by(AuditEvent.id)
            )
        ]


# -- one database for the module ---------------------------------------------------------------


@pytest.fixture
def engine(module_database: Engine) -> Engine:
    """Overrides the conftest's new database per test: the module's database, emptied first."""
    return module_database


@pytest.fixture
def wijzer(accounts: AccountService) -> Account:
    return accounts.create_account("w.jansen", "WIJzer Jansen", Role.WIJZER, PASSWORD, NOW)


@pytest.fixture
def colleague(accounts: AccountService) -> Account:
    return accounts.create_account("w.pietersen", "WIJzer Pietersen", Role.WIJZER, PASSWORD, NOW)


@pytest.fixture
def coordinator(accounts: AccountService) -> Account:
    return accounts.create_account("c.devos", "Coördinator De Vos", Role.COORDINATOR, PASSWORD, NOW)


@pytest.fixture
def nurse(accounts: AccountService) -> Account:
    """A youth health care nurse of the GGD: an agency account."""
    return accounts.create_account(
        "v.devries", "Verpleegkundige De Vries", Role.AGENCY, PASSWORD, NOW, organisation=GGD
    )


@pytest.fixture
def mixed_queue(uows: UnitOfWorkFactory, wijzer: Account, colleague: Account) -> None:
    """Nine cases: seven open ones of both sources, owners and outcomes, and two closed ones."""
    mine, theirs = wijzer.username, colleague.username
    store(
        uows,
        case_row(1, day(16), CaseStatus.NEW, CaseSource.OUDER, "eligible"),
        case_row(2, day(17), CaseStatus.NEW, CaseSource.INSTANTIE, ""),
        case_row(3, day(18), CaseStatus.IN_TRIAGE, CaseSource.OUDER, "eligible", owner=mine),
        case_row(4, day(19), CaseStatus.IN_TRIAGE, CaseSource.INSTANTIE, "", owner=theirs),
        case_row(
            5, day(20), CaseStatus.CONVERSATION_PLANNED, CaseSource.OUDER, "needs_assessment", owner=mine
        ),
        case_row(6, day(23), CaseStatus.NEW, CaseSource.OUDER, "not_eligible"),
        case_row(7, day(24), CaseStatus.GRANTED, CaseSource.OUDER, "eligible", owner=theirs),
        case_row(8, day(25), CaseStatus.CLOSED, CaseSource.OUDER, "eligible", owner=mine),
        case_row(9, day(26), CaseStatus.WITHDRAWN, CaseSource.INSTANTIE, ""),
    )


@pytest.fixture
def seven_cases(uows: UnitOfWorkFactory) -> None:
    """Seven new cases, three of them urgent, received on different days (two on the same day)."""
    store(
        uows,
        case_row(1, day(25)),
        case_row(2, day(27), urgent=True),
        case_row(3, day(16)),
        case_row(4, day(18), urgent=True),
        case_row(5, day(26, hour=9)),
        case_row(6, day(26, hour=8)),
        case_row(7, day(24), urgent=True),
    )


# -- the queue ---------------------------------------------------------------------------------


def test_urgent_cases_come_first_then_the_longest_waiting_across_pages(
    queue_service: QueueService, wijzer: Account, seven_cases: None
) -> None:
    pages = [queue_service.queue(wijzer, QueueQuery(page=page, page_size=3), NOW) for page in (1, 2, 3)]

    assert [numbers(page) for page in pages] == [[4, 7, 2], [3, 1, 6], [5]]


def test_a_queue_row_shows_the_case_as_stored(
    queue_service: QueueService, uows: UnitOfWorkFactory, wijzer: Account
) -> None:
    store(
        uows,
        case_row(
            12, day(23, 14, 5), CaseStatus.IN_TRIAGE, CaseSource.INSTANTIE, "", urgent=True, owner="w.jansen"
        ),
    )

    (row,) = queue_service.queue(wijzer, QueueQuery(), NOW).rows

    assert row.reference == "SMI-2026-000012"
    assert row.source is CaseSource.INSTANTIE
    assert row.received_at == day(23, 14, 5)
    assert (row.urgent, row.outcome, row.owner, row.status) == (True, "", "w.jansen", CaseStatus.IN_TRIAGE)
    assert (row.waiting_days, row.overdue, row.version) == (5, False, 1)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        pytest.param(QueueQuery(), [1, 2, 3, 4, 5, 6, 7], id="no filter"),
        pytest.param(QueueQuery(statuses=frozenset({CaseStatus.NEW})), [1, 2, 6], id="status new"),
        pytest.param(
            QueueQuery(statuses=frozenset({CaseStatus.IN_TRIAGE, CaseStatus.CONVERSATION_PLANNED})),
            [3, 4, 5],
            id="two statuses",
        ),
        pytest.param(QueueQuery(outcome="eligible"), [1, 3, 7], id="outcome"),
        pytest.param(QueueQuery(source=CaseSource.OUDER), [1, 3, 5, 6, 7], id="source ouder"),
        pytest.param(QueueQuery(source=CaseSource.INSTANTIE), [2, 4], id="source instantie"),
        pytest.param(QueueQuery(mine=True), [3, 5], id="mine"),
        pytest.param(QueueQuery(unassigned=True), [1, 2, 6], id="unassigned"),
        pytest.param(
            QueueQuery(source=CaseSource.OUDER, unassigned=True, statuses=frozenset({CaseStatus.NEW})),
            [1, 6],
            id="source, unassigned and status",
        ),
        pytest.param(
            QueueQuery(source=CaseSource.OUDER, mine=True, outcome="eligible"),
            [3],
            id="source, mine, outcome",
        ),
        pytest.param(QueueQuery(source=CaseSource.INSTANTIE, mine=True), [], id="nothing matches"),
    ],
)
def test_each_filter_and_their_combination_show_exactly_the_matching_open_cases(
    queue_service: QueueService, wijzer: Account, mixed_queue: None, query: QueueQuery, expected: list[int]
) -> None:
    page = queue_service.queue(wijzer, query, NOW)

    assert numbers(page) == expected
    assert page.total == len(expected)


def test_a_page_holds_page_size_cases_and_the_last_page_the_rest(
    queue_service: QueueService, wijzer: Account, seven_cases: None
) -> None:
    first = queue_service.queue(wijzer, QueueQuery(page=1, page_size=3), NOW)
    last = queue_service.queue(wijzer, QueueQuery(page=3, page_size=3), NOW)

    assert (first.page, first.pages, first.total, len(first.rows)) == (1, 3, 7, 3)
    assert (last.page, last.pages, last.total, len(last.rows)) == (3, 3, 7, 1)


def test_a_page_beyond_the_end_shows_the_last_page(
    queue_service: QueueService, wijzer: Account, seven_cases: None
) -> None:
    beyond = queue_service.queue(wijzer, QueueQuery(page=9, page_size=3), NOW)

    assert (beyond.page, beyond.pages, beyond.total) == (3, 3, 7)
    assert numbers(beyond) == [5]


def test_a_page_before_the_first_shows_the_first_page(
    queue_service: QueueService, wijzer: Account, seven_cases: None
) -> None:
    before = queue_service.queue(wijzer, QueueQuery(page=0, page_size=3), NOW)

    assert before.page == 1
    assert numbers(before) == [4, 7, 2]


def test_total_and_pages_count_only_the_filtered_cases(
    queue_service: QueueService, wijzer: Account, mixed_queue: None
) -> None:
    page = queue_service.queue(wijzer, QueueQuery(source=CaseSource.OUDER, page_size=2), NOW)

    assert (page.total, page.pages) == (5, 3)
    assert numbers(page) == [1, 3]


def test_an_empty_queue_has_one_empty_page(queue_service: QueueService, wijzer: Account) -> None:
    page = queue_service.queue(wijzer, QueueQuery(page=2), NOW)

    assert (page.rows, page.total, page.page, page.pages, page.counts) == ([], 0, 1, 1, {})


def test_counts_per_status_cover_every_open_case_whatever_the_filters_and_no_closed_one(
    queue_service: QueueService, wijzer: Account, mixed_queue: None
) -> None:
    narrow = QueueQuery(source=CaseSource.INSTANTIE, mine=True, statuses=frozenset({CaseStatus.NEW}))

    page = queue_service.queue(wijzer, narrow, NOW)

    assert page.total == 0
    assert page.counts == {
        CaseStatus.NEW: 3,
        CaseStatus.IN_TRIAGE: 2,
        CaseStatus.CONVERSATION_PLANNED: 1,
        CaseStatus.GRANTED: 1,
    }


def test_a_case_received_on_friday_has_waited_one_working_day_on_monday(
    queue_service: QueueService, uows: UnitOfWorkFactory, wijzer: Account
) -> None:
    store(uows, case_row(1, day(27, hour=16)))

    (row,) = queue_service.queue(wijzer, QueueQuery(), NOW).rows

    assert row.waiting_days == 1


@pytest.mark.parametrize(
    ("received_at", "status", "waiting_days", "overdue"),
    [
        pytest.param(day(23), CaseStatus.NEW, 5, False, id="new, 5 working days: not yet"),
        pytest.param(day(20), CaseStatus.NEW, 6, True, id="new, 6 working days: overdue"),
        pytest.param(day(20), CaseStatus.IN_TRIAGE, 6, True, id="in triage, 6 working days: overdue"),
        pytest.param(day(2), CaseStatus.CONVERSATION_PLANNED, 20, False, id="conversation planned: never"),
    ],
)
def test_a_case_not_contacted_for_more_than_five_working_days_is_overdue(
    queue_service: QueueService,
    uows: UnitOfWorkFactory,
    wijzer: Account,
    received_at: datetime,
    status: CaseStatus,
    waiting_days: int,
    overdue: bool,
) -> None:
    store(uows, case_row(1, received_at, status))

    (row,) = queue_service.queue(wijzer, QueueQuery(), NOW).rows

    assert (row.waiting_days, row.overdue) == (waiting_days, overdue)


def test_the_overdue_limit_follows_the_municipality_setting(uows: UnitOfWorkFactory, wijzer: Account) -> None:
    store(uows, case_row(1, day(25)), case_row(2, day(26)))
    strict = QueueService(uows, municipality(contact_overdue_working_days=2))

    rows = strict.queue(wijzer, QueueQuery(), NOW).rows

    assert [(row.waiting_days, row.overdue) for row in rows] == [(3, True), (2, False)]


# -- taking a case -----------------------------------------------------------------------------


def test_taking_a_new_case_makes_the_worker_owner_and_starts_triage(
    queue_service: QueueService, uows: UnitOfWorkFactory, wijzer: Account
) -> None:
    store(uows, case_row(1, day(27)))

    queue_service.claim(reference(1), wijzer, NOW)

    assert stored_case(uows, 1) == ("w.jansen", "in_triage", 2)
    assert case_events(uows, 1) == [("taken", "w.jansen", "new", "in_triage", "")]
    assert audit_events(uows, 1) == [("w.jansen", "case.taken", "")]


def test_the_coordinator_may_see_and_take_cases(
    queue_service: QueueService, uows: UnitOfWorkFactory, coordinator: Account
) -> None:
    store(uows, case_row(1, day(27)))

    before = queue_service.queue(coordinator, QueueQuery(), NOW)
    queue_service.claim(reference(1), coordinator, NOW)

    assert numbers(before) == [1]
    assert stored_case(uows, 1) == ("c.devos", "in_triage", 2)


def test_a_second_claim_by_another_worker_is_told_who_has_the_case(
    queue_service: QueueService, uows: UnitOfWorkFactory, wijzer: Account, colleague: Account
) -> None:
    store(uows, case_row(1, day(27)))
    queue_service.claim(reference(1), wijzer, NOW)

    with pytest.raises(CaseAlreadyClaimed) as claimed:
        queue_service.claim(reference(1), colleague, NOW)

    assert claimed.value.owner == "w.jansen"
    assert claimed.value.reference == reference(1)


def test_a_second_claim_changes_nothing(
    queue_service: QueueService, uows: UnitOfWorkFactory, wijzer: Account, colleague: Account
) -> None:
    store(uows, case_row(1, day(27)))
    queue_service.claim(reference(1), wijzer, NOW)

    with pytest.raises((CaseAlreadyClaimed, TransitionNotAllowed)):
        queue_service.claim(reference(1), colleague, NOW)

    assert stored_case(uows, 1) == ("w.jansen", "in_triage", 2)
    assert len(case_events(uows, 1)) == 1
    assert len(audit_events(uows, 1)) == 1


def test_taking_a_case_that_is_not_new_is_refused_by_the_state_machine(
    queue_service: QueueService, uows: UnitOfWorkFactory, wijzer: Account
) -> None:
    store(uows, case_row(1, day(27), CaseStatus.WITHDRAWN))

    with pytest.raises(TransitionNotAllowed) as refused:
        queue_service.claim(reference(1), wijzer, NOW)

    assert refused.value.status is CaseStatus.WITHDRAWN
    assert stored_case(uows, 1) == (None, "withdrawn", 1)
    assert case_events(uows, 1) == []


def test_taking_an_unknown_case_says_it_does_not_exist(queue_service: QueueService, wijzer: Account) -> None:
    with pytest.raises(CaseNotFound):
        queue_service.claim(reference(404), wijzer, NOW)


@contextmanager
def everyone_writes_at_once(engine: Engine, parties: int) -> Iterator[None]:
    """Hold each claim's conditional UPDATE until ``parties`` threads have reached theirs."""
    barrier = threading.Barrier(parties)

    def wait(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if statement.lstrip().upper().startswith("UPDATE CASES"):
            barrier.wait(timeout=20)

    event.listen(engine, "before_cursor_execute", wait)
    try:
        yield
    finally:
        event.remove(engine, "before_cursor_execute", wait)


@pytest.mark.parametrize("workers", [2, 3, 4])
def test_of_workers_taking_a_case_at_the_same_moment_exactly_one_succeeds_and_the_others_hear_who(
    queue_service: QueueService,
    uows: UnitOfWorkFactory,
    accounts: AccountService,
    engine: Engine,
    workers: int,
) -> None:
    store(uows, case_row(1, day(27)))
    takers = [
        accounts.create_account(f"w.taker{n}", f"WIJzer {n}", Role.WIJZER, PASSWORD, NOW)
        for n in range(workers)
    ]
    winners: list[str] = []
    told: list[str] = []
    errors: list[BaseException] = []

    def take(worker: Account) -> None:
        try:
            queue_service.claim(reference(1), worker, NOW)
            winners.append(worker.username)
        except CaseAlreadyClaimed as claimed:
            told.append(claimed.owner)
        except BaseException as error:  # collected and asserted below
            errors.append(error)

    with everyone_writes_at_once(engine, workers):
        threads = [threading.Thread(target=take, args=(worker,)) for worker in takers]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)

    assert errors == []
    assert len(winners) == 1
    assert told == winners * (workers - 1)
    assert stored_case(uows, 1) == (winners[0], "in_triage", 2)
    assert len(case_events(uows, 1)) == 1
    assert len(audit_events(uows, 1)) == 1


@pytest.mark.skipif(backend() != "postgresql", reason="two app processes share a database on PostgreSQL")
def test_of_two_app_processes_taking_a_case_at_the_same_moment_exactly_one_succeeds(
    database_url: str, uows: UnitOfWorkFactory, tmp_path: Path
) -> None:
    store(uows, case_row(1, day(27)))
    environment = {**os.environ, "CLAIM_BARRIER_DIR": str(tmp_path), "CLAIM_PARTIES": "2"}

    processes = {
        username: subprocess.Popen(
            [sys.executable, "-m", "tests.integration.claim_worker", database_url, reference(1), username],
            cwd=PROJECT_DIR,
            env=environment,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for username in ("w.jansen", "w.pietersen")
    }
    try:
        outputs = {username: process.communicate(timeout=60) for username, process in processes.items()}
    finally:
        for process in processes.values():
            if process.poll() is None:
                process.kill()

    printed = {username: out.strip() for username, (out, _err) in outputs.items()}
    winners = [username for username, line in printed.items() if line == "claimed"]
    assert len(winners) == 1, outputs
    (winner,) = winners
    (loser,) = set(printed) - {winner}
    assert printed[loser] == f"taken by {winner}", outputs
    assert (processes[winner].returncode, processes[loser].returncode) == (0, 1)
    assert stored_case(uows, 1) == (winner, "in_triage", 2)
    assert len(case_events(uows, 1)) == 1


# -- handing a case to a colleague -------------------------------------------------------------


def test_handing_a_case_on_with_the_current_version_makes_the_colleague_owner(
    queue_service: QueueService, uows: UnitOfWorkFactory, wijzer: Account, colleague: Account
) -> None:
    store(uows, case_row(1, day(27)))
    queue_service.claim(reference(1), wijzer, NOW)
    (row,) = queue_service.queue(wijzer, QueueQuery(mine=True), NOW).rows

    queue_service.hand_to(reference(1), wijzer, colleague.username, row.version, NOW)

    assert stored_case(uows, 1) == ("w.pietersen", "in_triage", row.version + 1)
    assert case_events(uows, 1)[-1] == ("handed_to", "w.jansen", None, None, "w.pietersen")
    assert audit_events(uows, 1)[-1] == ("w.jansen", "case.handed_to", "w.pietersen")


def test_handing_a_case_on_with_an_old_version_is_refused_and_changes_nothing(
    queue_service: QueueService,
    uows: UnitOfWorkFactory,
    wijzer: Account,
    colleague: Account,
    coordinator: Account,
) -> None:
    store(uows, case_row(1, day(27)))
    queue_service.claim(reference(1), wijzer, NOW)
    (seen,) = queue_service.queue(wijzer, QueueQuery(mine=True), NOW).rows
    queue_service.hand_to(reference(1), wijzer, colleague.username, seen.version, NOW)

    with pytest.raises(ConcurrentEdit) as refused:
        queue_service.hand_to(reference(1), wijzer, coordinator.username, seen.version, NOW)

    assert refused.value.reference == reference(1)
    assert stored_case(uows, 1) == ("w.pietersen", "in_triage", seen.version + 1)
    assert [event[0] for event in case_events(uows, 1)] == ["taken", "handed_to"]
    assert [event[1] for event in audit_events(uows, 1)] == ["case.taken", "case.handed_to"]


def test_a_case_cannot_be_handed_to_an_agency_account(
    queue_service: QueueService, uows: UnitOfWorkFactory, wijzer: Account, nurse: Account
) -> None:
    store(uows, case_row(1, day(27)))
    queue_service.claim(reference(1), wijzer, NOW)

    with pytest.raises(NotAllowed):
        queue_service.hand_to(reference(1), wijzer, nurse.username, 2, NOW)

    assert stored_case(uows, 1) == ("w.jansen", "in_triage", 2)
    assert len(case_events(uows, 1)) == 1


def test_handing_on_an_unknown_case_says_it_does_not_exist(
    queue_service: QueueService, wijzer: Account, colleague: Account
) -> None:
    with pytest.raises(CaseNotFound):
        queue_service.hand_to(reference(404), wijzer, colleague.username, 1, NOW)


# -- who may handle cases ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("role", "organisation"),
    [
        pytest.param(Role.AGENCY, GGD, id="agency"),
        pytest.param(Role.GEMEENTE, "", id="gemeente"),
        pytest.param(Role.ADMIN, "", id="admin"),
    ],
)
def test_only_wijzer_workers_and_the_coordinator_may_see_take_or_hand_on_cases(
    queue_service: QueueService,
    uows: UnitOfWorkFactory,
    accounts: AccountService,
    colleague: Account,
    role: Role,
    organisation: str,
) -> None:
    store(uows, case_row(1, day(27)))
    outsider = accounts.create_account(
        "x.buiten", "Buitenstaander", role, PASSWORD, NOW, organisation=organisation
    )

    with pytest.raises(NotAllowed):
        queue_service.queue(outsider, QueueQuery(), NOW)
    with pytest.raises(NotAllowed):
        queue_service.claim(reference(1), outsider, NOW)
    with pytest.raises(NotAllowed):
        queue_service.hand_to(reference(1), outsider, colleague.username, 1, NOW)

    assert stored_case(uows, 1) == (None, "new", 1)
    with uows() as uow:
        assert uow.session.scalar(select(func.count()).select_from(CaseEventRow)) == 0
