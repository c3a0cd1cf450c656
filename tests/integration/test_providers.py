"""The provider register on SQLite and PostgreSQL: adding and changing locations, unique LRK numbers,
deactivating, the all-or-nothing CSV import that updates by LRK number, the export, who may change
the register, and an audit trail without contact details."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import Engine, func, select

from smi_core.access import Role
from smi_core.constants import CareType
from smi_core.errors import NotAllowed
from smi_core.providers import MSG_LRK, ProviderLocationEntry, parse_providers_csv
from smi_core.register_refusals import DuplicateLrk, LocationNotFound
from smi_intake.db.models import AuditEvent, ProviderLocationRow, ProviderRow
from smi_intake.db.uow import UnitOfWorkFactory
from smi_intake.demo import seed_demo_providers
from smi_intake.services.accounts import Account
from smi_intake.services.providers import ImportResult, ProviderService

pytestmark = pytest.mark.db

NOW = datetime(2026, 11, 30, 10, 0, tzinfo=UTC)
LATER = datetime(2026, 12, 1, 10, 0, tzinfo=UTC)
HEADER = "houder;contactpersoon;telefoon;e-mail;locatie;adres;lrk;opvangsoorten"
CONTACT = ("Demo Planner-Privé", "078 000 00 01", "planner@voorbeeldtuin.example")


@pytest.fixture
def engine(module_database: Engine) -> Engine:
    """One database for the module, emptied before each test."""
    return module_database


@pytest.fixture
def register(uows: UnitOfWorkFactory) -> ProviderService:
    return ProviderService(uows)


def _account(role: Role, username: str | None = None) -> Account:
    return Account(
        username=username or f"test-{role.value}",
        display_name="Test",
        role=role,
        organisation="",
        email="",
        active=True,
    )


COORDINATOR = _account(Role.COORDINATOR)


def _entry(**changes: object) -> ProviderLocationEntry:
    contact, phone, email = CONTACT
    values: dict[str, object] = {
        "provider_name": "Kinderopvang De Voorbeeldtuin",
        "contact_name": contact,
        "phone": phone,
        "email": email,
        "location_name": "Centrum",
        "address": "Voorbeeldlaan 1, 3341 AA Hendrik-Ido-Ambacht",
        "lrk_number": "100000001",
        "care_types": ["kdv", "psg"],
    }
    values.update(changes)
    return ProviderLocationEntry.model_validate(values)


def _counts(uows: UnitOfWorkFactory) -> tuple[int, int, int]:
    with uows() as uow:
        return (
            uow.session.scalar(select(func.count()).select_from(ProviderRow)) or 0,
            uow.session.scalar(select(func.count()).select_from(ProviderLocationRow)) or 0,
            uow.session.scalar(select(func.count()).select_from(AuditEvent)) or 0,
        )


def _audit(uows: UnitOfWorkFactory) -> list[tuple[str, str, str, str, str]]:
    """Actor, action, subject type, subject id and detail of each audit event, oldest first."""
    with uows() as uow:
        return [
            tuple(row)  # type: ignore[misc]
            for row in uow.session.execute(
                select(
                    AuditEvent.actor,
                    AuditEvent.action,
                    AuditEvent.subject_type,
                    AuditEvent.subject_id,
                    AuditEvent.detail,
                ).order_by(AuditEvent.id)
            )
        ]


# -- saving --------------------------------------------------------------------------------------


def test_saving_a_new_location_creates_its_provider_and_reads_back(register: ProviderService) -> None:
    location_id = register.save(COORDINATOR, _entry(lrk_number="100 000 001"), NOW)

    view = register.location(location_id)
    assert (view.provider_name, view.name, view.lrk_number, view.active) == (
        "Kinderopvang De Voorbeeldtuin",
        "Centrum",
        "100000001",
        True,
    )
    assert (view.contact_name, view.phone, view.email) == CONTACT
    assert view.care_types == frozenset({CareType.KDV, CareType.PSG})
    assert view.entry() == _entry()


def test_locations_of_one_provider_share_it_and_its_latest_contact_details(
    register: ProviderService, uows: UnitOfWorkFactory
) -> None:
    first = register.save(COORDINATOR, _entry(), NOW)
    second = register.save(
        COORDINATOR, _entry(location_name="Noord", lrk_number="100000002", phone="078 111 11 11"), NOW
    )

    views = [register.location(first), register.location(second)]
    assert views[0].provider_id == views[1].provider_id
    assert [v.phone for v in views] == ["078 111 11 11", "078 111 11 11"]
    assert _counts(uows)[:2] == (1, 2)


def test_changing_a_location_updates_it_in_place(register: ProviderService) -> None:
    location_id = register.save(COORDINATOR, _entry(), NOW)

    same_id = register.save(
        COORDINATOR,
        _entry(location_name="Centrum-Oost", address="Proefstraat 2", care_types=["bso"]),
        LATER,
        location_id=location_id,
    )

    view = register.location(location_id)
    assert same_id == location_id
    assert (view.name, view.address, view.care_types) == (
        "Centrum-Oost",
        "Proefstraat 2",
        frozenset({CareType.BSO}),
    )
    assert len(register.locations(active_only=False)) == 1


def test_a_location_moves_to_another_provider_by_name(
    register: ProviderService, uows: UnitOfWorkFactory
) -> None:
    location_id = register.save(COORDINATOR, _entry(), NOW)

    register.save(COORDINATOR, _entry(provider_name="Stichting Oefenkind"), LATER, location_id=location_id)

    assert register.location(location_id).provider_name == "Stichting Oefenkind"
    assert _counts(uows)[:2] == (2, 1)


def test_an_lrk_number_belongs_to_one_location(register: ProviderService, uows: UnitOfWorkFactory) -> None:
    first = register.save(COORDINATOR, _entry(), NOW)
    second = register.save(COORDINATOR, _entry(location_name="Noord", lrk_number="100000002"), NOW)
    before = _counts(uows)

    with pytest.raises(DuplicateLrk) as as_new:
        register.save(COORDINATOR, _entry(location_name="Zuid"), LATER)
    with pytest.raises(DuplicateLrk) as as_change:
        register.save(COORDINATOR, _entry(location_name="Noord"), LATER, location_id=second)

    assert (as_new.value.lrk_number, as_new.value.location_id) == ("100000001", first)
    assert as_change.value.location_id == first
    assert register.location(second).lrk_number == "100000002"
    assert _counts(uows) == before


def test_an_unknown_location_is_reported(register: ProviderService) -> None:
    with pytest.raises(LocationNotFound):
        register.location(404)
    with pytest.raises(LocationNotFound):
        register.save(COORDINATOR, _entry(), NOW, location_id=404)
    with pytest.raises(LocationNotFound):
        register.set_active(COORDINATOR, 404, False, NOW)


# -- reading -------------------------------------------------------------------------------------


def test_the_list_is_sorted_by_provider_then_location_and_filters_by_care_type(
    register: ProviderService,
) -> None:
    register.save(
        COORDINATOR,
        _entry(provider_name="stichting Oefenkind", location_name="B", lrk_number="100000001"),
        NOW,
    )
    register.save(
        COORDINATOR, _entry(provider_name="Avonturijn", location_name="Z", lrk_number="100000002"), NOW
    )
    register.save(
        COORDINATOR,
        _entry(
            provider_name="stichting Oefenkind", location_name="a", lrk_number="100000003", care_types=["bso"]
        ),
        NOW,
    )

    everything = register.locations()
    after_school = register.locations(care_type=CareType.BSO)

    assert [(v.provider_name, v.name) for v in everything] == [
        ("Avonturijn", "Z"),
        ("stichting Oefenkind", "a"),
        ("stichting Oefenkind", "B"),
    ]
    assert [v.lrk_number for v in after_school] == ["100000003"]


def test_a_deactivated_location_leaves_the_default_list_and_can_come_back(register: ProviderService) -> None:
    location_id = register.save(COORDINATOR, _entry(), NOW)

    register.set_active(COORDINATOR, location_id, False, LATER)
    hidden = register.locations()
    listed = register.locations(active_only=False)
    register.set_active(COORDINATOR, location_id, True, LATER)

    assert hidden == []
    assert [(v.id, v.active) for v in listed] == [(location_id, False)]
    assert register.location(location_id).active


# -- import and export ---------------------------------------------------------------------------


def _file(*rows: str) -> str:
    return "\ufeff" + "\r\n".join([HEADER, *rows]) + "\r\n"


def _row(location: str, lrk: str, care: str = "kdv", provider: str = "Kinderopvang De Voorbeeldtuin") -> str:
    contact, phone, email = CONTACT
    return f"{provider};{contact};{phone};{email};{location};Voorbeeldlaan 1;{lrk};{care}"


def test_an_import_with_one_wrong_line_writes_nothing(
    register: ProviderService, uows: UnitOfWorkFactory
) -> None:
    register.save(COORDINATOR, _entry(), NOW)
    before = _counts(uows)

    result = register.import_csv(
        COORDINATOR,
        _file(_row("Noord", "100000002"), _row("Zuid", "10000003"), _row("West", "100000004")),
        LATER,
    )

    assert (result.created, result.updated) == (0, 0)
    assert [(e.line, e.column, e.message) for e in result.errors] == [(3, "lrk", MSG_LRK)]
    assert _counts(uows) == before
    assert [v.name for v in register.locations(active_only=False)] == ["Centrum"]


def test_an_import_updates_known_lrk_numbers_and_adds_the_others(
    register: ProviderService, uows: UnitOfWorkFactory
) -> None:
    known = register.save(COORDINATOR, _entry(), NOW)
    steady = register.save(
        COORDINATOR,
        _entry(location_name="Noord", address="Voorbeeldlaan 1", lrk_number="100000002", care_types=["kdv"]),
        NOW,
    )
    register.set_active(COORDINATOR, known, False, NOW)

    result = register.import_csv(
        COORDINATOR,
        _file(
            _row("Centrum (nieuw gebouw)", "100 000 001", "kdv|psg"),
            _row("Noord", "100000002", "kdv"),
            _row("De Wilgen", "100000003", "bso vso", provider="Stichting Oefenkind"),
        ),
        LATER,
    )

    assert result == ImportResult(created=1, updated=1, errors=(), unchanged=1)
    changed = register.location(known)
    assert (changed.name, changed.active) == ("Centrum (nieuw gebouw)", False)
    assert register.location(steady).name == "Noord"
    added = next(v for v in register.locations() if v.lrk_number == "100000003")
    assert (added.provider_name, added.care_types) == (
        "Stichting Oefenkind",
        frozenset({CareType.BSO, CareType.VSO}),
    )
    assert _counts(uows)[:2] == (2, 3)


def test_importing_the_same_file_twice_changes_nothing_the_second_time(register: ProviderService) -> None:
    text = _file(_row("Centrum", "100000001"), _row("Noord", "100000002"))

    first = register.import_csv(COORDINATOR, text, NOW)
    second = register.import_csv(COORDINATOR, text, LATER)

    assert (first.created, first.updated, first.unchanged) == (2, 0, 0)
    assert (second.created, second.updated, second.unchanged) == (0, 0, 2)


def test_the_export_reads_back_as_the_register(register: ProviderService) -> None:
    register.save(COORDINATOR, _entry(phone="+31 78 000 00 01"), NOW)
    gone = register.save(COORDINATOR, _entry(location_name="Noord", lrk_number="100000002"), NOW)
    register.save(
        COORDINATOR, _entry(provider_name="=Oefenkind", location_name="Wilgen", lrk_number="100000003"), NOW
    )
    register.set_active(COORDINATOR, gone, False, NOW)

    everything = parse_providers_csv(register.export_csv())
    active = parse_providers_csv(register.export_csv(active_only=True))

    assert everything.errors == ()
    assert list(everything.entries) == [v.entry() for v in register.locations(active_only=False)]
    assert "'=Oefenkind" in register.export_csv()
    assert sorted(e.lrk_number for e in active.entries) == ["100000001", "100000003"]


def test_an_exported_register_imports_into_an_empty_database_unchanged(
    register: ProviderService, engine: Engine, uows: UnitOfWorkFactory
) -> None:
    register.save(COORDINATOR, _entry(), NOW)
    register.save(COORDINATOR, _entry(provider_name="Stichting Oefenkind", lrk_number="100000002"), NOW)
    exported = register.export_csv()
    before = [v.entry() for v in register.locations()]
    with engine.begin() as connection:
        connection.execute(ProviderLocationRow.__table__.delete())
        connection.execute(ProviderRow.__table__.delete())

    result = register.import_csv(COORDINATOR, exported, LATER)

    assert (result.created, result.errors) == (2, ())
    assert [v.entry() for v in register.locations()] == before


# -- who may change, and the audit trail ---------------------------------------------------------


@pytest.mark.parametrize("role", [Role.WIJZER, Role.GEMEENTE, Role.AGENCY])
def test_only_the_coordinator_and_administrators_change_the_register(
    role: Role, register: ProviderService, uows: UnitOfWorkFactory
) -> None:
    location_id = register.save(COORDINATOR, _entry(), NOW)
    reader = _account(role)
    before = _counts(uows)

    with pytest.raises(NotAllowed):
        register.save(reader, _entry(lrk_number="100000002"), LATER)
    with pytest.raises(NotAllowed):
        register.save(reader, _entry(location_name="Anders"), LATER, location_id=location_id)
    with pytest.raises(NotAllowed):
        register.set_active(reader, location_id, False, LATER)
    with pytest.raises(NotAllowed):
        register.import_csv(reader, _file(_row("Noord", "100000002")), LATER)

    assert _counts(uows) == before
    assert register.locations()[0].name == "Centrum"


def test_an_administrator_may_change_the_register(register: ProviderService) -> None:
    location_id = register.save(_account(Role.ADMIN), _entry(), NOW)

    assert register.location(location_id).name == "Centrum"


def test_every_change_is_audited_with_ids_and_field_names_but_no_contact_details(
    register: ProviderService, uows: UnitOfWorkFactory
) -> None:
    location_id = register.save(COORDINATOR, _entry(), NOW)
    register.save(
        COORDINATOR, _entry(phone="078 222 22 22", address="Proefstraat 9"), LATER, location_id=location_id
    )
    register.save(
        COORDINATOR, _entry(phone="078 222 22 22", address="Proefstraat 9"), LATER, location_id=location_id
    )
    register.set_active(COORDINATOR, location_id, False, LATER)
    register.set_active(COORDINATOR, location_id, False, LATER)
    register.import_csv(COORDINATOR, _file(_row("Noord", "100000002")), LATER)

    events = _audit(uows)

    assert [event[:3] for event in events] == [
        ("test-coordinator", "provider_location.created", "provider_location"),
        ("test-coordinator", "provider_location.updated", "provider_location"),
        ("test-coordinator", "provider_location.deactivated", "provider_location"),
        ("test-coordinator", "provider_location.created", "provider_location"),
        ("test-coordinator", "provider_location.imported", "provider_location"),
    ]
    assert events[0][3] == str(location_id)
    assert "fields=phone,address" in events[1][4]
    assert events[-1][4] == "created=1 updated=0 unchanged=0"
    personal = [
        *CONTACT,
        "078 222 22 22",
        "Proefstraat 9",
        "Voorbeeldlaan",
        "Voorbeeldtuin",
        "Centrum",
        "Noord",
    ]
    for *_, detail in events:
        assert not any(value in detail for value in personal), detail


# -- demo data -----------------------------------------------------------------------------------


def test_the_demo_providers_are_fictional_in_the_municipality_and_added_once(
    uows: UnitOfWorkFactory, register: ProviderService
) -> None:
    first = seed_demo_providers(uows, NOW)
    second = seed_demo_providers(uows, LATER)

    views = register.locations()
    assert (first, second) == (len(views), 0)
    assert len(views) >= 3
    assert all("(demo)" in v.provider_name for v in views)
    assert all(" 334" in v.address and "Hendrik-Ido-Ambacht" in v.address for v in views)
    assert all(CareType.MKD not in v.care_types for v in views)
