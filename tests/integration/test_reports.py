"""The facts behind the reports on SQLite and PostgreSQL: requests sent through the intake and carried
to a decision by the case services, indications and subsidy applications stored as rows; the
municipality's calendar days, four queries whatever the number of cases, only the roles that
may read reports, and an audit record without personal data."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import Engine, event, select

from smi_core import default_municipality
from smi_core.access import Role
from smi_core.cases import SMI_CONSENTS, CaseSource, CaseStatus
from smi_core.errors import NotAllowed
from smi_core.reports import OutcomeKind, build_reports
from smi_intake.crypto import Cipher
from smi_intake.db.models import (
    AuditEvent,
    CaseRow,
    IndicationRow,
    ProviderRow,
    SubsidyApplicationRow,
)
from smi_intake.db.uow import UnitOfWorkFactory
from smi_intake.services.accounts import Account, AccountService
from smi_intake.services.casework import CaseworkService
from smi_intake.services.intake import IntakeService, consent_record
from smi_intake.services.queue import QueueService
from smi_intake.services.reports import ReportService
from tests import casework_factories as records
from tests.factories import example_intake_data

pytestmark = pytest.mark.db

MUNICIPALITY = default_municipality()
PASSWORD = "een-lang-wachtwoord"
SINCE, UNTIL = date(2026, 9, 1), date(2026, 11, 30)
VIEWED_AT = datetime(2026, 12, 10, 9, 0, tzinfo=UTC)


def at(year: int, month: int, day: int, hour: int = 9, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=UTC)


@pytest.fixture
def engine(module_database: Engine) -> Engine:
    """Overrides the conftest's new database per test: the module's database, emptied first."""
    return module_database


@pytest.fixture
def wijzer(accounts: AccountService) -> Account:
    return accounts.create_account("w.jansen", "WIJzer Jansen", Role.WIJZER, PASSWORD, at(2026, 1, 1))


@pytest.fixture
def gemeente(accounts: AccountService) -> Account:
    return accounts.create_account("g.beleid", "Gemeente Beleid", Role.GEMEENTE, PASSWORD, at(2026, 1, 1))


@pytest.fixture
def coordinator(accounts: AccountService) -> Account:
    return accounts.create_account(
        "c.devos", "Coördinator De Vos", Role.COORDINATOR, PASSWORD, at(2026, 1, 1)
    )


@pytest.fixture
def reports(uows: UnitOfWorkFactory) -> ReportService:
    return ReportService(uows)


class Route:
    """Sends requests through the intake and carries them on with the case services."""

    def __init__(
        self, uows: UnitOfWorkFactory, cipher: Cipher, intake: IntakeService, worker: Account
    ) -> None:
        self.uows = uows
        self.intake = intake
        self.queue = QueueService(uows, MUNICIPALITY)
        self.casework = CaseworkService(uows, MUNICIPALITY)
        self.worker = worker

    def send(self, moment: datetime) -> str:
        consents = {kind.value: consent_record(kind, True, "nl", "WIJzer", moment) for kind in SMI_CONSENTS}
        saved = self.intake.save_draft(None, "controleren", example_intake_data(), consents, "nl", moment)
        return self.intake.submit(saved.draft_id, moment).reference

    def version(self, reference: str) -> int:
        with self.uows() as uow:
            return int(uow.session.scalar(select(CaseRow.version).where(CaseRow.reference == reference)) or 0)

    def take(self, reference: str, moment: datetime) -> None:
        self.queue.claim(reference, self.worker, moment)

    def decide(self, reference: str, moment: datetime, granted: bool) -> None:
        self.take(reference, moment - timedelta(hours=4))
        cw, worker = self.casework, self.worker
        version = cw.plan_conversation(reference, worker, self.version(reference), records.plan(), moment)
        version = cw.record_conversation(reference, worker, version, records.conversation(), moment)
        version = cw.to_team_meeting(reference, worker, version, moment)
        cw.record_decision(reference, worker, version, records.decision(granted=granted), moment)

    def other_route(self, reference: str, moment: datetime) -> None:
        self.take(reference, moment - timedelta(hours=1))
        self.casework.refer_other_route(
            reference, self.worker, self.version(reference), records.other_route(), moment
        )


def _case_row(reference: str, received_at: datetime, source: CaseSource = CaseSource.OUDER) -> CaseRow:
    return CaseRow(
        reference=reference,
        source=source.value,
        status=CaseStatus.NEW.value,
        outcome="eligible",
        urgent=False,
        received_at=received_at,
        locale="nl",
        payload=b"x",
        organisation="GGD" if source is CaseSource.INSTANTIE else "",
        created_by="test",
    )


def _indication(case_id: int, number: int, start: date, last_day: date, **changes: object) -> IndicationRow:
    values: dict[str, object] = {
        "case_id": case_id,
        "reference": f"IND-{number:04d}",
        "care_type": "kdv",
        "start": start,
        "period_months": 6,
        "extensions": 0,
        "contact_due": start + timedelta(days=90),
        "last_day": last_day,
        "hard_stop": start + timedelta(days=364),
        "children": 1,
        "dagdelen_per_week": 4,
        "ended_on": None,
        "payload": b"sealed",
        "updated_at": VIEWED_AT,
    }
    values.update(changes)
    return IndicationRow(**values)


def _application(provider_id: int, year: int, quarter: int, status: str, cents: int) -> SubsidyApplicationRow:
    return SubsidyApplicationRow(
        provider_id=provider_id,
        year=year,
        quarter=quarter,
        status=status,
        amount_cents=cents,
        submitted_by="houder",
        submitted_at=VIEWED_AT,
    )


@pytest.fixture
def seeded(uows: UnitOfWorkFactory, cipher: Cipher, intake_service: IntakeService, wijzer: Account) -> None:
    """Requests around the period September–November 2026, their decisions, indications and costs."""
    route = Route(uows, cipher, intake_service, wijzer)
    granted = route.send(at(2026, 9, 10))  # granted after 21 days
    route.decide(granted, at(2026, 10, 1, 14), granted=True)
    elsewhere = route.send(at(2026, 10, 5))  # another route after 3 days
    route.other_route(elsewhere, at(2026, 10, 8))
    late_evening = route.send(at(2026, 10, 31, 23, 30))  # 1 November in Hendrik-Ido-Ambacht
    route.take(late_evening, at(2026, 11, 2))
    earlier = route.send(at(2026, 6, 1))  # before the period, refused in it after 106 days
    route.decide(earlier, at(2026, 9, 15), granted=False)
    decided_later = route.send(at(2026, 11, 20))  # in the period, granted after it
    route.decide(decided_later, at(2026, 12, 3), granted=True)
    route.send(at(2026, 12, 2))  # after the period

    with uows() as uow:
        uow.session.add(_case_row("SMI-2026-900001", at(2026, 9, 20), CaseSource.INSTANTIE))
        holders = [_case_row(f"SMI-2025-9{n:05d}", at(2025, 1, 1)) for n in range(6)]
        uow.session.add_all(holders)
        provider = ProviderRow(name="Kinderopvang De Boomhut", updated_at=VIEWED_AT)
        uow.session.add(provider)
        uow.session.flush()
        ids = [h.id for h in holders]
        uow.session.add_all(
            [
                _indication(ids[0], 1, date(2026, 8, 1), date(2027, 1, 31)),
                _indication(
                    ids[1], 2, date(2026, 3, 1), date(2026, 11, 30), extensions=1, ended_on=date(2026, 10, 15)
                ),
                _indication(ids[2], 3, date(2026, 10, 20), date(2027, 4, 19)),
                _indication(ids[3], 4, date(2025, 1, 1), date(2025, 12, 31), extensions=2),
                _indication(ids[4], 5, date(2026, 12, 5), date(2027, 6, 4)),
                _indication(ids[5], 6, date(2026, 11, 10), date(2027, 5, 9)),
                _application(provider.id, 2026, 3, "paid", 150_000),
                _application(provider.id, 2026, 3, "rejected", 5_000),
                _application(provider.id, 2026, 4, "approved", 80_000),
                _application(provider.id, 2026, 4, "submitted", 1_000),
                _application(provider.id, 2026, 2, "paid", 99_999),
                _application(provider.id, 2027, 1, "approved", 12_345),
            ]
        )
        uow.commit()


def test_the_reports_of_a_period_count_the_requests_decisions_indications_and_costs(
    reports: ReportService, gemeente: Account, seeded: None
) -> None:
    facts = reports.facts(gemeente, SINCE, UNTIL, VIEWED_AT)

    result = build_reports(facts, VIEWED_AT.date())
    assert [(r.month, r.parents, r.agency) for r in result.requests] == [
        (date(2026, 9, 1), 1, 1),
        (date(2026, 10, 1), 1, 0),
        (date(2026, 11, 1), 2, 0),
    ]
    assert result.outcomes == {
        OutcomeKind.GRANTED: 2,
        OutcomeKind.REFUSED: 0,
        OutcomeKind.OTHER_ROUTE: 1,
        OutcomeKind.PENDING: 2,
        OutcomeKind.CLOSED: 0,
    }
    times = result.decision_times
    assert [(m.month, s.count, s.median, s.max) for m, s in times.per_month] == [
        (9, 1, 106.0, 106),
        (10, 2, 12.0, 21),
        (11, 0, None, None),
    ]
    assert (times.overall.count, times.overall.median, times.overall.max) == (3, 21.0, 106)
    assert [m.count for m in result.active] == [2, 2, 3]
    assert result.extensions == {0: 3, 1: 1, 2: 0}
    assert [
        (c.quarter.label, c.applications, c.applied_cents, c.approved_cents, c.paid_cents)
        for c in result.costs
    ] == [
        ("2026-Q3", 1, 150_000, 150_000, 150_000),
        ("2026-Q4", 2, 81_000, 80_000, 0),
    ]


def test_a_request_late_in_the_evening_counts_on_the_municipality_s_calendar_day(
    reports: ReportService, coordinator: Account, seeded: None
) -> None:
    facts = reports.facts(coordinator, date(2026, 10, 31), date(2026, 10, 31), VIEWED_AT)

    assert [c.received_on for c in facts.cases] == []
    november = reports.facts(coordinator, date(2026, 11, 1), date(2026, 11, 1), VIEWED_AT)
    assert [(c.received_on, c.status) for c in november.cases] == [(date(2026, 11, 1), CaseStatus.IN_TRIAGE)]


def test_the_facts_take_four_queries_however_many_cases_there_are(
    reports: ReportService, engine: Engine, gemeente: Account, seeded: None
) -> None:
    statements: list[str] = []

    def count(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        statements.append(statement)

    event.listen(engine, "before_cursor_execute", count)
    try:
        facts = reports.facts(gemeente, SINCE, UNTIL, VIEWED_AT)
    finally:
        event.remove(engine, "before_cursor_execute", count)

    assert len(facts.cases) == 6
    assert sum(s.lstrip().upper().startswith("SELECT") for s in statements) == 4


def test_reading_the_reports_is_audited_with_the_period_only(
    reports: ReportService, uows: UnitOfWorkFactory, coordinator: Account, seeded: None
) -> None:
    reports.facts(coordinator, SINCE, UNTIL, VIEWED_AT)

    with uows() as uow:
        logged = uow.session.execute(
            select(AuditEvent.actor, AuditEvent.action, AuditEvent.subject_id, AuditEvent.detail).where(
                AuditEvent.action == "reports.viewed"
            )
        ).all()
        references = set(uow.session.scalars(select(CaseRow.reference)))
    assert [tuple(row) for row in logged] == [("c.devos", "reports.viewed", "all", "2026-09-01..2026-11-30")]
    assert not any(str(r) in logged[0].detail for r in references)


@pytest.mark.parametrize("role", [Role.WIJZER, Role.AGENCY, Role.ADMIN])
def test_only_municipality_staff_and_the_coordinator_read_the_reports(
    reports: ReportService, accounts: AccountService, uows: UnitOfWorkFactory, role: Role
) -> None:
    account = accounts.create_account(
        f"test-{role.value}", "Test", role, PASSWORD, at(2026, 1, 1), organisation="GGD"
    )

    with pytest.raises(NotAllowed):
        reports.facts(account, SINCE, UNTIL, VIEWED_AT)

    with uows() as uow:
        assert uow.session.scalar(select(AuditEvent.id).where(AuditEvent.action == "reports.viewed")) is None


def test_a_period_that_ends_before_it_starts_is_refused(reports: ReportService, gemeente: Account) -> None:
    with pytest.raises(ValueError, match="before it starts"):
        reports.facts(gemeente, UNTIL, SINCE, VIEWED_AT)
