"""The case repository on the database: it loads a case as the aggregate and saves what its
actions recorded (sealed events with their audit rows, consents), behind the version check."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import func, select

from smi_core import default_municipality
from smi_core.access import Role
from smi_core.case import EventKind, Provision
from smi_core.cases import SMI_CONSENTS, CaseStatus, ConsentKind
from smi_core.errors import CaseNotFound, ConcurrentEdit
from smi_intake.db.models import AuditEvent, CaseEventRow, CaseRow, ConsentRow
from smi_intake.db.uow import UnitOfWorkFactory
from smi_intake.services.accounts import AccountService
from smi_intake.services.intake import IntakeService, consent_record
from smi_intake.services.queue import QueueService
from tests import casework_factories as records
from tests.factories import example_intake_data

pytestmark = pytest.mark.db

NOW = datetime(2026, 11, 22, 9, 0, tzinfo=UTC)
MUNICIPALITY = default_municipality()


@pytest.fixture
def taken(uows: UnitOfWorkFactory, intake_service: IntakeService) -> str:
    consents = {kind.value: consent_record(kind, True, "nl", "WIJzer", NOW) for kind in SMI_CONSENTS}
    saved = intake_service.save_draft(None, "controleren", example_intake_data(), consents, "nl", NOW)
    reference = intake_service.submit(saved.draft_id, NOW).reference
    worker = AccountService(uows, bcrypt_rounds=4).create_account(
        "w.jansen", "W", Role.WIJZER, "een-lang-wachtwoord", NOW
    )
    QueueService(uows, MUNICIPALITY).claim(reference, worker, NOW)
    return reference


class Worker:
    username = "w.jansen"
    role = Role.WIJZER


def test_a_case_loads_as_the_aggregate_with_its_timeline_and_consents(
    uows: UnitOfWorkFactory, taken: str
) -> None:
    with uows() as uow:
        case = uow.cases.get(taken, MUNICIPALITY)

    assert (case.reference, case.status, case.owner) == (taken, CaseStatus.IN_TRIAGE, "w.jansen")
    assert case.provision is Provision.SMI
    assert [e.kind for e in case.events] == [EventKind.SUBMITTED, EventKind.TAKEN]
    assert {c.kind for c in case.consents} == set(SMI_CONSENTS)
    assert case.indication is None


def test_a_saved_action_writes_its_sealed_event_with_its_audit_row(
    uows: UnitOfWorkFactory, taken: str
) -> None:
    with uows() as uow:
        case = uow.cases.get(taken, MUNICIPALITY, for_sharing=True)
        loaded_at = case.version
        case.plan_conversation(Worker(), loaded_at, records.plan(place="Thuis bij het gezin"), NOW)
        uow.cases.save(case)
        uow.commit()

    with uows() as uow:
        again = uow.cases.get(taken, MUNICIPALITY)
        sealed = uow.session.scalars(
            select(CaseEventRow.payload).where(CaseEventRow.kind == EventKind.PLAN.value)
        ).one()
        audited = uow.session.scalar(
            select(func.count())
            .select_from(AuditEvent)
            .where(AuditEvent.action == "case.conversation_planned")
        )
    assert (again.status, again.version) == (CaseStatus.CONVERSATION_PLANNED, loaded_at + 1)
    assert again.records.plan == records.plan(place="Thuis bij het gezin")
    assert sealed is not None and b"Thuis" not in sealed
    assert audited == 1


def test_of_two_changes_on_the_same_version_the_second_is_refused_and_writes_nothing(
    uows: UnitOfWorkFactory, taken: str
) -> None:
    with uows() as first_uow, uows() as second_uow:
        first = first_uow.cases.get(taken, MUNICIPALITY)
        second = second_uow.cases.get(taken, MUNICIPALITY)
        second_uow.rollback()
        first.plan_conversation(Worker(), first.version, records.plan(), NOW)
        first_uow.cases.save(first)
        first_uow.commit()
        second.record_consent(
            Worker(), second.version, ConsentKind.GP_REQUEST, True, "A. Jansen", "WIJzer", NOW
        )

        with pytest.raises(ConcurrentEdit):
            second_uow.cases.save(second)

    with uows() as uow:
        consents = uow.session.scalar(select(func.count()).select_from(ConsentRow))
        kinds = [e.kind for e in uow.cases.get(taken, MUNICIPALITY).events]
    assert consents == len(SMI_CONSENTS)
    assert kinds == [EventKind.SUBMITTED, EventKind.TAKEN, EventKind.PLAN]


def test_a_recorded_consent_is_stored_as_a_row(uows: UnitOfWorkFactory, taken: str) -> None:
    with uows() as uow:
        case = uow.cases.get(taken, MUNICIPALITY, for_sharing=True)
        case.record_consent(Worker(), case.version, ConsentKind.GP_REQUEST, False, "A. Jansen", "WIJzer", NOW)
        uow.cases.save(case)
        uow.commit()

    with uows() as uow:
        again = uow.cases.get(taken, MUNICIPALITY)
    refused = [c for c in again.consents if c.kind is ConsentKind.GP_REQUEST and not c.given]
    assert [c.given_by for c in refused] == ["A. Jansen"]
    assert again.events[-1].note == "gp_request:refused"


def test_an_unknown_reference_is_not_found(uows: UnitOfWorkFactory) -> None:
    with uows() as uow, pytest.raises(CaseNotFound):
        uow.cases.get("SMI-2026-999999", MUNICIPALITY)


def test_a_case_names_its_provision_in_its_row_and_loads_with_that_route(
    uows: UnitOfWorkFactory, taken: str
) -> None:
    with uows() as uow:
        stored = uow.session.scalar(select(CaseRow.provision).where(CaseRow.reference == taken))
        case = uow.cases.get(taken, MUNICIPALITY)

    assert stored == "smi"
    assert case.provision is Provision(stored)
