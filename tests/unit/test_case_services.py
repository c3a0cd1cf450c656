"""The case services on a fake unit of work: no database, an in-memory case repository that keeps
the version check of the real one (a save on an older version is refused and writes nothing)."""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from datetime import UTC, datetime
from types import TracebackType

import pytest

from smi_core import default_municipality
from smi_core.access import Role
from smi_core.case import Case, CaseEvent, ConsentMissing, EventKind, NotCaseOwner
from smi_core.cases import CaseStatus, ConsentKind
from smi_core.errors import CaseNotFound, ConcurrentEdit
from smi_core.municipality import MunicipalityConfig
from smi_intake.services.accounts import Account
from smi_intake.services.casework import CaseworkService
from smi_intake.services.placement import PlacementService
from tests import casework_factories as records

NOW = datetime(2026, 11, 22, 9, 0, tzinfo=UTC)
MUNICIPALITY = default_municipality()
REFERENCE = "SMI-2026-000001"


def account(username: str, role: Role) -> Account:
    return Account(
        username=username, display_name=username, role=role, organisation="", email="", active=True
    )


WIJZER = account("w.jansen", Role.WIJZER)
COLLEAGUE = account("w.pietersen", Role.WIJZER)


@dataclass
class Stored:
    case: Case
    events: list[CaseEvent] = field(default_factory=list)


class FakeCases:
    """The case repository in memory: ``get`` hands out a copy, ``save`` checks the version."""

    def __init__(self) -> None:
        self.stored: dict[str, Stored] = {}
        self.locations: dict[int, tuple[str, str]] = {}

    def add(self, case: Case) -> None:
        self.stored[case.reference] = Stored(case)

    def get(self, reference: str, municipality: MunicipalityConfig, for_sharing: bool = False) -> Case:
        if reference not in self.stored:
            raise CaseNotFound(reference)
        return copy.deepcopy(self.stored[reference].case)

    def location_names(self, location_id: int) -> tuple[str, str] | None:
        return self.locations.get(location_id)

    def save(self, case: Case) -> None:
        stored = self.stored[case.reference]
        if case.changes_version and stored.case.version != case.version:
            raise ConcurrentEdit(case.reference)
        stored.events.extend(case.new_events)
        saved = copy.deepcopy(case)
        saved.events.extend(saved.new_events)
        saved.new_events, saved.new_consents = [], []
        if saved.changes_version:
            saved.version += 1
            saved.changes_version = False
        stored.case = saved


class FakeUnitOfWork:
    def __init__(self, cases: FakeCases) -> None:
        self.cases = cases
        self.committed = False

    def __enter__(self) -> FakeUnitOfWork:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        return None

    def commit(self) -> None:
        self.committed = True


@pytest.fixture
def cases() -> FakeCases:
    fake = FakeCases()
    fake.add(Case(reference=REFERENCE, status=CaseStatus.IN_TRIAGE, owner=WIJZER.username, version=2))
    return fake


def test_a_planned_conversation_is_saved_with_a_new_version(cases: FakeCases) -> None:
    service = CaseworkService(lambda: FakeUnitOfWork(cases), MUNICIPALITY)  # type: ignore[arg-type,return-value]

    version = service.plan_conversation(REFERENCE, WIJZER, 2, records.plan(), NOW)

    stored = cases.stored[REFERENCE]
    assert version == 3 == stored.case.version
    assert stored.case.status is CaseStatus.CONVERSATION_PLANNED
    assert [e.kind for e in stored.events] == [EventKind.PLAN]


def test_a_change_on_a_stale_version_is_refused_and_writes_nothing(cases: FakeCases) -> None:
    service = CaseworkService(lambda: FakeUnitOfWork(cases), MUNICIPALITY)  # type: ignore[arg-type,return-value]
    service.plan_conversation(REFERENCE, WIJZER, 2, records.plan(), NOW)

    with pytest.raises(ConcurrentEdit):
        service.plan_conversation(REFERENCE, WIJZER, 2, records.plan(), NOW)

    assert len(cases.stored[REFERENCE].events) == 1


def test_a_colleague_is_refused_and_nothing_is_saved(cases: FakeCases) -> None:
    service = CaseworkService(lambda: FakeUnitOfWork(cases), MUNICIPALITY)  # type: ignore[arg-type,return-value]

    with pytest.raises(NotCaseOwner):
        service.plan_conversation(REFERENCE, COLLEAGUE, 2, records.plan(), NOW)

    assert cases.stored[REFERENCE].events == []


def test_asking_a_provider_without_consent_is_refused(cases: FakeCases) -> None:
    cases.add(Case(reference="SMI-2026-000002", status=CaseStatus.GRANTED, owner=WIJZER.username, version=5))
    cases.locations[7] = ("Houder", "Locatie")
    service = PlacementService(lambda: FakeUnitOfWork(cases), MUNICIPALITY)  # type: ignore[arg-type,return-value]

    with pytest.raises(ConsentMissing):
        service.ask_provider("SMI-2026-000002", WIJZER, 5, 7, NOW)

    assert cases.stored["SMI-2026-000002"].events == []


def test_a_recorded_consent_lets_the_provider_be_asked_with_its_names_from_the_register(
    cases: FakeCases,
) -> None:
    cases.add(Case(reference="SMI-2026-000002", status=CaseStatus.GRANTED, owner=WIJZER.username, version=5))
    cases.locations[7] = ("Houder", "Locatie")
    service = PlacementService(lambda: FakeUnitOfWork(cases), MUNICIPALITY)  # type: ignore[arg-type,return-value]

    v = service.record_consent(
        "SMI-2026-000002", WIJZER, 5, ConsentKind.PROVIDER_CONTACT, True, "A. Jansen", NOW
    )
    v = service.ask_provider("SMI-2026-000002", WIJZER, v, 7, NOW)

    stored = cases.stored["SMI-2026-000002"]
    assert v == 7
    assert stored.case.status is CaseStatus.PLACEMENT_REQUESTED
    assert stored.case.placement.asked[0].provider_name == "Houder"
    assert [e.note for e in stored.events] == ["provider_contact:given", "location:7"]


def test_an_unknown_case_is_not_found(cases: FakeCases) -> None:
    service = CaseworkService(lambda: FakeUnitOfWork(cases), MUNICIPALITY)  # type: ignore[arg-type,return-value]

    with pytest.raises(CaseNotFound):
        service.to_team_meeting("SMI-2026-999999", WIJZER, 1, NOW)


def test_the_case_services_leave_the_rows_to_the_repository() -> None:
    from pathlib import Path

    import smi_intake.services as services

    folder = Path(services.__file__).parent
    for name in ("casework", "placement", "cases"):
        assert "sqlalchemy" not in (folder / f"{name}.py").read_text(), name
