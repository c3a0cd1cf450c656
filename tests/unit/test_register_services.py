"""The deadlines, the provider register and the subsidy applications as services, on a fake unit of
work: no database, only what each service asks of its repositories and what it audits."""

from __future__ import annotations

import ast
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime
from pathlib import Path
from types import TracebackType
from typing import Any, cast

import pytest

from smi_core import load_municipality
from smi_core.access import Role
from smi_core.constants import CareType
from smi_core.deadlines import DeadlineKind, IndicationDates
from smi_core.errors import NotAllowed, Refusal
from smi_core.funding import (
    ApplicationStatus,
    FundedIndication,
    LineProblem,
    Quarter,
    SubsidyLine,
    funded_indication,
)
from smi_core.municipality import EXAMPLE_MUNICIPALITY_FILE
from smi_core.placement import IndicatedChild, Indication
from smi_core.providers import ProviderLocationEntry
from smi_core.register_refusals import (
    ApplicationHasProblems,
    ApplicationInvalid,
    ApplicationNotFound,
    DuplicateLrk,
    LocationNotFound,
    QuarterNotEnded,
    ReasonRequired,
    UnknownProvider,
    WrongStatus,
)
from smi_intake import services
from smi_intake.db.providers import WrittenLocation
from smi_intake.db.subsidies import ApplicationView, CheckBasis, LineView, ProviderChoice, StoredLine
from smi_intake.db.uow import UnitOfWorkFactory
from smi_intake.services.accounts import Account
from smi_intake.services.deadlines import DeadlineService
from smi_intake.services.providers import ProviderService
from smi_intake.services.subsidies import SubsidyApplicationService

EXAMPLE = load_municipality(EXAMPLE_MUNICIPALITY_FILE)
NOW = datetime(2026, 11, 22, 9, 0, tzinfo=UTC)
AFTER_Q4 = datetime(2027, 1, 5, 9, 0, tzinfo=UTC)
Q4 = Quarter(2026, 4)
PROVIDER = 7
REFERENCE = "SMI-2026-000001"
WITHHELD = "SMI-2026-000002"


def account(role: Role, username: str = "staff") -> Account:
    return Account(username, username.title(), role, "", "", True)


GEMEENTE = account(Role.GEMEENTE, "g.devries")
ANA = account(Role.WIJZER, "ana")
COORDINATOR = account(Role.COORDINATOR, "coordinator")


# -- the fake unit of work ----------------------------------------------------------------------


@dataclass
class Store:
    """What the fake database holds: audit records commit with the unit of work, or are lost."""

    audit: list[tuple[str, str, str, str, str]] = field(default_factory=list)
    commits: int = 0


class FakeAuditLog:
    def __init__(self) -> None:
        self.pending: list[tuple[str, str, str, str, str]] = []

    def record(
        self, actor: str, action: str, subject_type: str, subject_id: str, now: datetime, detail: str = ""
    ) -> None:
        self.pending.append((actor, action, subject_type, subject_id, detail))


class FakeDeadlines:
    def __init__(self, items: Sequence[IndicationDates]) -> None:
        self.items = list(items)
        self.asked: list[tuple[int, str | None]] = []

    def running(self, max_extensions: int, owner: str | None = None) -> list[IndicationDates]:
        self.asked.append((max_extensions, owner))
        return [
            item.model_copy(update={"max_extensions": max_extensions})
            for item in self.items
            if owner is None or item.owner == owner
        ]


class FakeProviders:
    def __init__(self) -> None:
        self.active: dict[int, bool] = {1: True}
        self.saved: list[ProviderLocationEntry] = []

    def save(
        self, entry: ProviderLocationEntry, now: datetime, location_id: int | None = None
    ) -> WrittenLocation:
        if location_id is not None and location_id not in self.active:
            raise LocationNotFound(location_id)
        self.saved.append(entry)
        new_id = location_id or max(self.active) + 1
        self.active.setdefault(new_id, True)
        return WrittenLocation(new_id, PROVIDER, location_id is None, ("name", "address"))

    def set_active(self, location_id: int, active: bool) -> bool:
        if location_id not in self.active:
            raise LocationNotFound(location_id)
        changed = self.active[location_id] != active
        self.active[location_id] = active
        return changed


class FakeSubsidies:
    """Applications in memory; the check's basis as the test sets it."""

    def __init__(self, funded: dict[str, FundedIndication], withheld: set[str]) -> None:
        self.basis = CheckBasis(funded=funded, withheld=withheld, claimed=set())
        self.applications: dict[int, ApplicationView] = {}
        self.stored: dict[int, list[StoredLine]] = {}

    def providers(self) -> list[ProviderChoice]:
        return [ProviderChoice(PROVIDER, "Kinderopvang De Boomhut", True)]

    def provider_exists(self, provider_id: int) -> bool:
        return provider_id == PROVIDER

    def all(self, quarter: Quarter | None = None) -> list[ApplicationView]:
        return [a for a in reversed(self.applications.values()) if quarter in (None, a.quarter)]

    def get(self, application_id: int) -> ApplicationView:
        if application_id not in self.applications:
            raise ApplicationNotFound(application_id)
        return self.applications[application_id]

    def lines(self, application_id: int) -> list[StoredLine]:
        return list(self.stored.get(application_id, []))

    def record_problems(self, found: Iterable[tuple[int, Sequence[LineProblem]]]) -> None:
        problems = dict(found)
        for application_id, lines in self.stored.items():
            self.stored[application_id] = [
                replace(s, view=replace(s.view, problems=tuple(problems.get(s.id, s.view.problems))))
                for s in lines
            ]

    def check_basis(
        self, references: Iterable[str], quarter: Quarter, at: datetime, municipality: Any, before: Any = None
    ) -> CheckBasis:
        return self.basis

    def add(
        self,
        provider_id: int,
        quarter: Quarter,
        lines: Sequence[SubsidyLine],
        problems: Sequence[Sequence[LineProblem]],
        submitted_by: str,
        now: datetime,
    ) -> int:
        application_id = len(self.applications) + 1
        self.applications[application_id] = ApplicationView(
            id=application_id,
            provider_id=provider_id,
            provider="Kinderopvang De Boomhut",
            quarter=quarter,
            status=ApplicationStatus.SUBMITTED,
            amount_cents=sum(line.amount_cents for line in lines),
            reason="",
            submitted_by=submitted_by,
            submitted_at=now,
            decided_by="",
            decided_at=None,
            paid_at=None,
            problem_count=0,
        )
        self.stored[application_id] = [
            StoredLine(
                id=application_id * 100 + number,
                view=LineView(
                    line.reference,
                    line.child,
                    line.dagdelen_per_week,
                    line.weeks,
                    line.amount_cents,
                    tuple(found),
                ),
            )
            for number, (line, found) in enumerate(zip(lines, problems, strict=True))
        ]
        return application_id

    def move(self, application_id: int, needed: ApplicationStatus, values: dict[str, object]) -> None:
        current = self.get(application_id)
        if current.status is not needed:
            raise WrongStatus(application_id, current.status, needed)
        changes = {**values, "status": ApplicationStatus(cast(str, values["status"]))}
        self.applications[application_id] = replace(current, **changes)  # type: ignore[arg-type]


class FakeUnitOfWork:
    def __init__(self, store: Store, **repositories: object) -> None:
        self._store = store
        self.audit_log = FakeAuditLog()
        for name, repository in repositories.items():
            setattr(self, name, repository)

    def __enter__(self) -> FakeUnitOfWork:
        self.audit_log.pending.clear()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.audit_log.pending.clear()  # what was not committed is rolled back

    def commit(self) -> None:
        self._store.audit.extend(self.audit_log.pending)
        self.audit_log.pending.clear()
        self._store.commits += 1

    def rollback(self) -> None:
        self.audit_log.pending.clear()


def factory(store: Store, **repositories: object) -> UnitOfWorkFactory:
    uow = FakeUnitOfWork(store, **repositories)
    return cast(UnitOfWorkFactory, lambda: uow)


# -- deadlines ----------------------------------------------------------------------------------


def dates(reference: str, owner: str | None, contact_due: date) -> IndicationDates:
    return IndicationDates(
        reference=reference,
        owner=owner,
        start=date(2026, 12, 1),
        contact_due=contact_due,
        last_day=date(2027, 5, 31),
        hard_stop=date(2028, 11, 30),
    )


def test_the_deadlines_are_read_with_the_municipalitys_extension_limit_and_sorted_by_due_day() -> None:
    repository = FakeDeadlines(
        [dates("SMI-2026-000002", "ana", date(2026, 12, 20)), dates(REFERENCE, "bo", date(2026, 12, 10))]
    )
    service = DeadlineService(factory(Store(), deadlines=repository), EXAMPLE)

    found = service.deadlines(COORDINATOR, date(2026, 12, 1), mine_only=False)

    assert repository.asked == [(EXAMPLE.max_extensions, None)]
    contacts = [d.reference for d in found if d.kind is DeadlineKind.CONTACT]
    assert contacts == [REFERENCE, "SMI-2026-000002"]


def test_mine_only_asks_for_the_viewers_own_cases() -> None:
    repository = FakeDeadlines(
        [dates("SMI-2026-000002", "ana", date(2026, 12, 20)), dates(REFERENCE, "bo", date(2026, 12, 10))]
    )
    service = DeadlineService(factory(Store(), deadlines=repository), EXAMPLE)

    found = service.deadlines(ANA, date(2026, 12, 1), mine_only=True)

    assert repository.asked == [(EXAMPLE.max_extensions, "ana")]
    assert {d.reference for d in found} == {"SMI-2026-000002"}


@pytest.mark.parametrize("role", [Role.AGENCY, Role.GEMEENTE, Role.ADMIN])
def test_a_role_that_does_not_handle_cases_sees_no_deadlines_and_nothing_is_read(role: Role) -> None:
    repository = FakeDeadlines([dates(REFERENCE, "ana", date(2026, 12, 10))])
    service = DeadlineService(factory(Store(), deadlines=repository), EXAMPLE)

    with pytest.raises(NotAllowed):
        service.deadlines(account(role), date(2026, 12, 1), mine_only=False)

    assert repository.asked == []


# -- the provider register ----------------------------------------------------------------------


def entry() -> ProviderLocationEntry:
    return ProviderLocationEntry(
        provider_name="Kinderopvang De Boomhut",
        contact_name="",
        phone="",
        email="",
        location_name="De Boomhut, Dorpsstraat",
        address="Dorpsstraat 1",
        lrk_number="100000001",
        care_types=frozenset({CareType.KDV}),
    )


def test_a_saved_location_is_audited_with_its_ids_and_changed_fields_only() -> None:
    store = Store()
    service = ProviderService(factory(store, providers=FakeProviders()))

    location_id = service.save(COORDINATOR, entry(), NOW)

    assert location_id == 2
    assert store.audit == [
        (
            "coordinator",
            "provider_location.created",
            "provider_location",
            "2",
            "provider=7 fields=name,address",
        )
    ]
    assert store.commits == 1


def test_making_an_active_location_active_again_changes_nothing_and_audits_nothing() -> None:
    store = Store()
    service = ProviderService(factory(store, providers=FakeProviders()))

    service.set_active(COORDINATOR, 1, True, NOW)
    service.set_active(COORDINATOR, 1, False, NOW)

    assert store.audit == [("coordinator", "provider_location.deactivated", "provider_location", "1", "")]
    assert store.commits == 1


def test_only_the_coordinator_and_administrators_change_the_register_even_without_a_database() -> None:
    providers = FakeProviders()
    service = ProviderService(factory(Store(), providers=providers))

    with pytest.raises(NotAllowed):
        service.save(GEMEENTE, entry(), NOW)
    with pytest.raises(LocationNotFound):
        service.set_active(COORDINATOR, 99, False, NOW)

    assert providers.saved == []


# -- the subsidy applications -------------------------------------------------------------------


def funded() -> FundedIndication:
    indication = Indication(
        start=date(2026, 12, 1),
        period_months=6,
        care_type=CareType.KDV,
        children=[IndicatedChild(name="Sam", date_of_birth=date(2023, 4, 2), dagdelen_per_week=4)],
    )
    return funded_indication(REFERENCE, PROVIDER, indication, EXAMPLE)


def line(reference: str = REFERENCE) -> SubsidyLine:
    return SubsidyLine(reference=reference, child="Sam", dagdelen_per_week=4, weeks=4, amount_cents=10_000)


@pytest.fixture
def store() -> Store:
    return Store()


@pytest.fixture
def subsidies() -> FakeSubsidies:
    return FakeSubsidies({REFERENCE: funded()}, withheld={WITHHELD})


@pytest.fixture
def service(store: Store, subsidies: FakeSubsidies) -> SubsidyApplicationService:
    return SubsidyApplicationService(factory(store, subsidies=subsidies), EXAMPLE)


def test_a_submitted_application_keeps_each_lines_check_and_the_audit_names_only_counts(
    service: SubsidyApplicationService, store: Store
) -> None:
    application_id = service.submit(GEMEENTE, PROVIDER, Q4, [line(), line(WITHHELD)], NOW)

    view = service.application(GEMEENTE, application_id, NOW)
    assert [v.problems for v in view.lines] == [(), (LineProblem.NO_CONSENT,)]
    assert (view.status, view.problem_count) == (ApplicationStatus.SUBMITTED, 1)
    submitted, read = store.audit
    assert submitted == (
        "g.devries",
        "subsidy.submitted",
        "subsidy_application",
        "1",
        "provider=7 quarter=2026-Q4 lines=2 problems=1",
    )
    assert read[1] == "subsidy.read"
    assert all("Sam" not in part for record in store.audit for part in record)


def test_an_application_with_problems_is_not_approved_but_the_refusal_and_the_new_check_are_kept(
    service: SubsidyApplicationService, store: Store, subsidies: FakeSubsidies
) -> None:
    application_id = service.submit(GEMEENTE, PROVIDER, Q4, [line()], NOW)
    subsidies.basis = replace(subsidies.basis, withheld={REFERENCE})  # the consent was withdrawn since

    with pytest.raises(ApplicationHasProblems) as refused:
        service.approve(GEMEENTE, application_id, NOW)

    assert refused.value.values == {"application_id": application_id, "count": 1}
    assert subsidies.lines(application_id)[0].view.problems == (LineProblem.NO_CONSENT,)
    assert store.audit[-1][1:] == ("subsidy.approval_refused", "subsidy_application", "1", "problems=1")
    assert subsidies.get(application_id).status is ApplicationStatus.SUBMITTED


def test_a_clean_application_is_approved_then_paid_only_after_its_quarter(
    service: SubsidyApplicationService, store: Store, subsidies: FakeSubsidies
) -> None:
    application_id = service.submit(GEMEENTE, PROVIDER, Q4, [line()], NOW)

    service.approve(GEMEENTE, application_id, NOW)
    with pytest.raises(QuarterNotEnded):
        service.mark_paid(GEMEENTE, application_id, NOW)
    service.mark_paid(GEMEENTE, application_id, AFTER_Q4)

    paid = subsidies.get(application_id)
    assert (paid.status, paid.decided_by, paid.paid_at) == (ApplicationStatus.PAID, "g.devries", AFTER_Q4)
    assert [record[1] for record in store.audit] == ["subsidy.submitted", "subsidy.approved", "subsidy.paid"]


def test_a_decided_application_cannot_be_decided_again(
    service: SubsidyApplicationService, subsidies: FakeSubsidies
) -> None:
    application_id = service.submit(GEMEENTE, PROVIDER, Q4, [line()], NOW)
    service.reject(GEMEENTE, application_id, "  De opvang is niet gestart.  ", NOW)

    with pytest.raises(WrongStatus) as late:
        service.approve(COORDINATOR, application_id, NOW)
    with pytest.raises(WrongStatus):
        service.reject(COORDINATOR, application_id, "Nog eens", NOW)

    assert late.value.values == {
        "application_id": application_id,
        "status": "rejected",
        "needed": "submitted",
    }
    assert subsidies.get(application_id).reason == "De opvang is niet gestart."


def test_a_rejection_needs_a_reason_and_without_one_nothing_is_read(
    service: SubsidyApplicationService, store: Store
) -> None:
    with pytest.raises(ReasonRequired):
        service.reject(GEMEENTE, 1, "   ", NOW)
    with pytest.raises(ReasonRequired):
        service.reject(GEMEENTE, 1, "x" * 2001, NOW)

    assert (store.audit, store.commits) == ([], 0)


def test_an_application_needs_lines_a_known_provider_and_an_existing_id(
    service: SubsidyApplicationService, store: Store
) -> None:
    with pytest.raises(ApplicationInvalid):
        service.check(GEMEENTE, PROVIDER, Q4, [], NOW)
    with pytest.raises(UnknownProvider) as unknown:
        service.submit(GEMEENTE, 999, Q4, [line()], NOW)
    with pytest.raises(ApplicationNotFound):
        service.application(GEMEENTE, 42, NOW)

    assert unknown.value.values == {"provider_id": 999}
    assert store.commits == 0


@pytest.mark.parametrize("role", [Role.WIJZER, Role.AGENCY, Role.ADMIN])
def test_only_the_funding_roles_reach_the_applications(
    role: Role, service: SubsidyApplicationService, store: Store
) -> None:
    someone = account(role)

    with pytest.raises(NotAllowed):
        service.providers(someone)
    with pytest.raises(NotAllowed):
        service.submit(someone, PROVIDER, Q4, [line()], NOW)
    with pytest.raises(NotAllowed):
        service.applications(someone)

    assert store.commits == 0


# -- the shape of these services ------------------------------------------------------------------

REFUSALS = {
    UnknownProvider: LookupError,
    LocationNotFound: LookupError,
    DuplicateLrk: ValueError,
    ApplicationNotFound: LookupError,
    ApplicationInvalid: ValueError,
    ReasonRequired: ValueError,
    ApplicationHasProblems: RuntimeError,
    WrongStatus: RuntimeError,
    QuarterNotEnded: RuntimeError,
}


@pytest.mark.parametrize(("refusal", "builtin"), REFUSALS.items(), ids=lambda c: getattr(c, "__name__", ""))
def test_every_refusal_of_the_registers_is_a_refusal_that_keeps_its_builtin_kind(
    refusal: type[Refusal], builtin: type[Exception]
) -> None:
    assert issubclass(refusal, Refusal)
    assert issubclass(refusal, builtin)


@pytest.mark.parametrize("module", ["deadlines", "providers", "funding", "subsidies", "reports"])
def test_these_services_import_no_sqlalchemy_themselves(module: str) -> None:
    source = (Path(services.__file__).parent / f"{module}.py").read_text(encoding="utf-8")

    imported = {
        name.split(".")[0]
        for node in ast.walk(ast.parse(source))
        for name in (
            [alias.name for alias in node.names]
            if isinstance(node, ast.Import)
            else [node.module or ""]
            if isinstance(node, ast.ImportFrom)
            else []
        )
    }

    assert "sqlalchemy" not in imported
