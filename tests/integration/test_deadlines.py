"""The deadlines of the running indications on SQLite and PostgreSQL: read from the date columns and
the case owner only, for WIJzer workers and the coordinator, all of them or only one's own cases.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

import pytest
from sqlalchemy import Engine, event

from smi_core import default_municipality
from smi_core.access import Role
from smi_core.cases import CaseSource, CaseStatus
from smi_core.constants import CareType
from smi_core.deadlines import DeadlineKind
from smi_core.errors import NotAllowed
from smi_core.placement import IndicatedChild, Indication
from smi_intake.crypto import Cipher
from smi_intake.db.cases import indication_columns
from smi_intake.db.models import CaseRow, IndicationRow
from smi_intake.db.uow import UnitOfWorkFactory
from smi_intake.services.accounts import Account, AccountService
from smi_intake.services.deadlines import DeadlineService

pytestmark = pytest.mark.db

NOW = datetime(2027, 3, 10, 9, 0, tzinfo=UTC)
TODAY = NOW.date()
PASSWORD = "een-lang-wachtwoord"
K = DeadlineKind


@pytest.fixture
def engine(module_database: Engine) -> Engine:
    return module_database


@pytest.fixture
def service(uows: UnitOfWorkFactory) -> DeadlineService:
    return DeadlineService(uows, default_municipality())


@pytest.fixture
def ana(accounts: AccountService) -> Account:
    return accounts.create_account("ana", "Ana de Wit", Role.WIJZER, PASSWORD, NOW)


@pytest.fixture
def coordinator(accounts: AccountService) -> Account:
    return accounts.create_account("coord", "Coördinator", Role.COORDINATOR, PASSWORD, NOW)


def reference(number: int) -> str:
    return f"SMI-2026-{number:06d}"


def indication(start: date, **changes: Any) -> Indication:
    data: dict[str, Any] = {
        "start": start,
        "period_months": 6,
        "care_type": CareType.KDV,
        "children": [IndicatedChild(name="Sam", date_of_birth=date(2023, 4, 2), dagdelen_per_week=4)],
    }
    data.update(changes)
    return Indication.model_validate(data)


def place(
    uows: UnitOfWorkFactory,
    cipher: Cipher,
    number: int,
    owner: str | None,
    placed: Indication,
    **columns: Any,
) -> None:
    """A placed case with its indication row, stored as the placement service stores it."""
    with uows() as uow:
        case = CaseRow(
            reference=reference(number),
            source=CaseSource.OUDER.value,
            status=CaseStatus.PLACED.value,
            outcome="eligible",
            urgent=False,
            owner=owner,
            received_at=NOW,
            locale="nl",
            payload=b"x",
            organisation="",
            created_by="test",
            parents_completed=True,
        )
        uow.session.add(case)
        uow.session.flush()
        values = indication_columns(placed, default_municipality(), cipher, NOW)
        values.update(columns)
        uow.session.add(IndicationRow(case_id=case.id, reference=reference(number), **values))
        uow.commit()


def test_a_worker_sees_the_deadlines_of_her_own_cases(
    service: DeadlineService, uows: UnitOfWorkFactory, cipher: Cipher, ana: Account, coordinator: Account
) -> None:
    place(uows, cipher, 1, "ana", indication(date(2026, 12, 1)))
    place(uows, cipher, 2, "coord", indication(date(2026, 10, 1)))

    mine = service.deadlines(ana, TODAY, mine_only=True)
    everyone = service.deadlines(ana, TODAY, mine_only=False)

    assert [(d.reference, d.kind, d.due, d.overdue, d.owner) for d in mine] == [
        (reference(1), K.CONTACT, date(2027, 3, 1), True, "ana"),
        (reference(1), K.PERIOD_END, date(2027, 5, 31), False, "ana"),
    ]
    assert [(d.reference, d.kind, d.due) for d in everyone] == [
        (reference(2), K.CONTACT, date(2027, 1, 1)),
        (reference(1), K.CONTACT, date(2027, 3, 1)),
        (reference(2), K.PERIOD_END, date(2027, 3, 31)),
        (reference(1), K.PERIOD_END, date(2027, 5, 31)),
    ]


def test_a_done_contact_an_ended_indication_and_an_extension_show_in_the_deadlines(
    service: DeadlineService, uows: UnitOfWorkFactory, cipher: Cipher, coordinator: Account
) -> None:
    place(uows, cipher, 1, "ana", indication(date(2026, 12, 1)), contact_done_on=date(2027, 3, 2))
    place(uows, cipher, 2, "ana", indication(date(2026, 12, 1)), ended_on=date(2027, 2, 28))
    place(uows, cipher, 3, None, indication(date(2026, 9, 1), period_months=3, extensions=2))

    found = service.deadlines(coordinator, TODAY, mine_only=False)

    assert [(d.reference, d.kind, d.due, d.can_extend) for d in found] == [
        (reference(3), K.CONTACT, date(2026, 12, 1), False),
        (reference(1), K.PERIOD_END, date(2027, 5, 31), True),
        (reference(3), K.PERIOD_END, date(2027, 5, 31), False),
    ]
    assert found[0].owner is None


def test_a_child_turning_13_gives_an_age_limit_deadline(
    service: DeadlineService, uows: UnitOfWorkFactory, cipher: Cipher, ana: Account
) -> None:
    children = [
        IndicatedChild(name="Noor", date_of_birth=date(2014, 3, 20), dagdelen_per_week=2),
        IndicatedChild(name="Sam", date_of_birth=date(2023, 4, 2), dagdelen_per_week=4),
    ]
    place(uows, cipher, 1, "ana", indication(date(2026, 12, 1), children=children))

    found = service.deadlines(ana, TODAY, mine_only=True)

    assert [(d.kind, d.due) for d in found] == [
        (K.CONTACT, date(2027, 3, 1)),
        (K.AGE_LIMIT, date(2027, 3, 19)),
        (K.PERIOD_END, date(2027, 5, 31)),
    ]


def test_the_deadlines_are_read_without_decrypting_anything(
    service: DeadlineService,
    uows: UnitOfWorkFactory,
    cipher: Cipher,
    ana: Account,
    engine: Engine,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    place(uows, cipher, 1, "ana", indication(date(2026, 12, 1)))
    statements: list[str] = []

    def refuse(*args: object, **kwargs: object) -> object:
        raise AssertionError("nothing is decrypted for the deadlines")

    monkeypatch.setattr(Cipher, "open_json", refuse)
    monkeypatch.setattr(Cipher, "decrypt", refuse)

    def record(conn: object, cursor: object, statement: str, *rest: object) -> None:
        statements.append(statement)

    event.listen(engine, "before_cursor_execute", record)
    try:
        found = service.deadlines(ana, TODAY, mine_only=True)
    finally:
        event.remove(engine, "before_cursor_execute", record)

    assert len(found) == 2
    assert statements and not any("payload" in s for s in statements)


@pytest.mark.parametrize("role", [Role.AGENCY, Role.GEMEENTE, Role.ADMIN])
def test_other_roles_may_not_see_the_deadlines(
    service: DeadlineService, accounts: AccountService, role: Role
) -> None:
    other = accounts.create_account("someone", "Iemand", role, PASSWORD, NOW, organisation="GGD")

    with pytest.raises(NotAllowed):
        service.deadlines(other, TODAY, mine_only=False)
