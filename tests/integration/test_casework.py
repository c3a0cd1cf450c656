"""Carrying a case through the indicering phase on SQLite and PostgreSQL: the kitchen-table
conversation, another route with a message the parents read, the 0-100 decision and the versioned
indication form; every change names the case version it was made on, only the owner or the
coordinator changes a case, and what the worker writes is encrypted at rest and never logged.

Two workers saving at the same moment are tested with threads (both databases) and, on
PostgreSQL, with two OS processes (``edit_worker.py``).
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from cryptography.fernet import Fernet
from sqlalchemy import Engine, event, select

from smi_core import default_municipality
from smi_core.access import Role
from smi_core.case import FormNotAllowed, NotCaseOwner, PeriodTooLong
from smi_core.case.errors import TransitionNotAllowed
from smi_core.case.route import CaseAction
from smi_core.cases import SMI_CONSENTS, CaseStatus
from smi_core.errors import CaseNotFound, ConcurrentEdit, NotAllowed
from smi_core.handover import Handover
from smi_intake.crypto import Cipher
from smi_intake.db.engine import PROJECT_DIR
from smi_intake.db.models import AuditEvent, CaseEventRow, CaseRow
from smi_intake.db.uow import UnitOfWorkFactory
from smi_intake.services.accounts import Account, AccountService
from smi_intake.services.cases import CaseService
from smi_intake.services.casework import CaseworkService
from smi_intake.services.handover import HandoverService
from smi_intake.services.intake import IntakeService, consent_record
from smi_intake.services.queue import QueueService
from tests import casework_factories as records
from tests.conftest import backend
from tests.factories import example_intake_data

pytestmark = pytest.mark.db

NOW = datetime(2026, 11, 22, 9, 0, tzinfo=UTC)
PASSWORD = "een-lang-wachtwoord"
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
MUNICIPALITY = default_municipality()


def later(minutes: int) -> datetime:
    return NOW + timedelta(minutes=minutes)


# -- one database for the module ---------------------------------------------------------------


@pytest.fixture
def engine(module_database: Engine) -> Engine:
    """Overrides the conftest's new database per test: the module's database, emptied first."""
    return module_database


@pytest.fixture
def encryption_key() -> str:
    return Fernet.generate_key().decode()


@pytest.fixture
def cipher(encryption_key: str) -> Cipher:
    """Overrides the conftest's cipher: its key is also handed to the worker processes."""
    return Cipher(encryption_key)


# -- the people and the services ---------------------------------------------------------------


@pytest.fixture
def wijzer(accounts: AccountService) -> Account:
    """The WIJzer worker who takes the case: its owner (regiehouder)."""
    return accounts.create_account("w.jansen", "WIJzer Jansen", Role.WIJZER, PASSWORD, NOW)


@pytest.fixture
def colleague(accounts: AccountService) -> Account:
    return accounts.create_account("w.pietersen", "WIJzer Pietersen", Role.WIJZER, PASSWORD, NOW)


@pytest.fixture
def coordinator(accounts: AccountService) -> Account:
    return accounts.create_account("c.devos", "Coördinator De Vos", Role.COORDINATOR, PASSWORD, NOW)


@pytest.fixture
def casework(uows: UnitOfWorkFactory, cipher: Cipher) -> CaseworkService:
    return CaseworkService(uows, MUNICIPALITY)


@pytest.fixture
def cases(uows: UnitOfWorkFactory, cipher: Cipher) -> CaseService:
    return CaseService(uows, MUNICIPALITY)


@dataclass(frozen=True)
class SentCase:
    reference: str
    resume_code: str


@pytest.fixture
def sent(intake_service: IntakeService) -> SentCase:
    """The example intake, sent by the parents, who keep their resume code."""
    consents = {kind.value: consent_record(kind, True, "nl", "WIJzer", NOW) for kind in SMI_CONSENTS}
    saved = intake_service.save_draft(None, "controleren", example_intake_data(), consents, "nl", NOW)
    assert saved.resume_code is not None
    intake_service.add_document(saved.draft_id, "verklaring-huisarts.pdf", PDF, NOW)
    return SentCase(intake_service.submit(saved.draft_id, NOW).reference, saved.resume_code)


@pytest.fixture
def taken(sent: SentCase, uows: UnitOfWorkFactory, wijzer: Account) -> str:
    """The sent case, taken by the WIJzer worker: in triage, at version 2."""
    QueueService(uows, MUNICIPALITY).claim(sent.reference, wijzer, NOW)
    return sent.reference


@pytest.fixture
def taken_at(uows: UnitOfWorkFactory, taken: str) -> int:
    """The version of the case that the owner saw when they took it."""
    return stored(uows, taken)[1]


# -- reading what is stored --------------------------------------------------------------------


def stored(uows: UnitOfWorkFactory, reference: str) -> tuple[str, int]:
    """Status and version of a case as stored."""
    with uows() as uow:
        row = uow.session.execute(
            select(CaseRow.status, CaseRow.version).where(CaseRow.reference == reference)
        ).one()
        return row.status, row.version


def events(uows: UnitOfWorkFactory, reference: str) -> list[tuple[str, str, str | None, str | None, str]]:
    """The timeline as stored: (kind, actor, from status, to status, note)."""
    with uows() as uow:
        case_id = uow.session.scalar(select(CaseRow.id).where(CaseRow.reference == reference))
        return [
            (e.kind, e.actor, e.from_status, e.to_status, e.note)
            for e in uow.session.scalars(
                select(CaseEventRow).where(CaseEventRow.case_id == case_id).order_by(CaseEventRow.id)
            )
        ]


def payloads(uows: UnitOfWorkFactory, reference: str) -> list[bytes]:
    """The raw bytes of every record payload on the case's timeline, as the database holds them."""
    with uows() as uow:
        case_id = uow.session.scalar(select(CaseRow.id).where(CaseRow.reference == reference))
        return [
            bytes(payload)
            for payload in uow.session.scalars(
                select(CaseEventRow.payload).where(CaseEventRow.case_id == case_id)
            )
            if payload is not None
        ]


def audit_trail(uows: UnitOfWorkFactory, reference: str) -> list[tuple[str, str, str]]:
    """The audit trail of a case: (actor, action, detail)."""
    with uows() as uow:
        return [
            (e.actor, e.action, e.detail)
            for e in uow.session.scalars(
                select(AuditEvent)
                .where(AuditEvent.subject_type == "case", AuditEvent.subject_id == reference)
                .order_by(AuditEvent.id)
            )
        ]


def all_audit_details(uows: UnitOfWorkFactory) -> list[str]:
    with uows() as uow:
        return list(uow.session.scalars(select(AuditEvent.detail)))


def to_conversation_held(casework: CaseworkService, reference: str, worker: Account, version: int) -> int:
    """Plan and hold the kitchen-table conversation; the case's new version."""
    version = casework.plan_conversation(reference, worker, version, records.plan(), later(1))
    return casework.record_conversation(reference, worker, version, records.conversation(), later(2))


def to_team_meeting(casework: CaseworkService, reference: str, worker: Account, version: int) -> int:
    """Hold the conversation and put the case on the agenda of the 0-100 overleg."""
    version = to_conversation_held(casework, reference, worker, version)
    return casework.to_team_meeting(reference, worker, version, later(3))


# -- the route ---------------------------------------------------------------------------------


def test_taking_a_sent_case_puts_it_in_triage_one_version_on(
    uows: UnitOfWorkFactory, wijzer: Account, sent: SentCase
) -> None:
    _status, sent_version = stored(uows, sent.reference)

    QueueService(uows, MUNICIPALITY).claim(sent.reference, wijzer, NOW)

    assert stored(uows, sent.reference) == ("in_triage", sent_version + 1)


def test_a_case_goes_through_the_conversation_to_a_granted_decision_and_two_form_versions(
    casework: CaseworkService,
    cases: CaseService,
    uows: UnitOfWorkFactory,
    wijzer: Account,
    taken: str,
    taken_at: int,
) -> None:
    first = records.indication_form()
    extended = records.indication_form(period_months=9, other_remarks="Verlengd met 3 maanden")

    versions = [taken_at]
    versions.append(casework.plan_conversation(taken, wijzer, versions[-1], records.plan(), later(1)))
    versions.append(
        casework.record_conversation(taken, wijzer, versions[-1], records.conversation(), later(2))
    )
    versions.append(casework.to_team_meeting(taken, wijzer, versions[-1], later(3)))
    versions.append(casework.record_decision(taken, wijzer, versions[-1], records.decision(), later(4)))
    versions.append(casework.save_indication_form(taken, wijzer, versions[-1], first, later(5)))
    versions.append(casework.save_indication_form(taken, wijzer, versions[-1], extended, later(6)))
    view = cases.view(taken, wijzer, later(7))

    assert versions == list(range(taken_at, taken_at + 7))
    assert (view.status, view.version) == (CaseStatus.GRANTED, taken_at + 6)
    assert stored(uows, taken) == ("granted", taken_at + 6)
    assert view.records.plan == records.plan()
    assert view.records.conversation == records.conversation()
    assert view.records.decision == records.decision()
    assert view.records.other_route is None
    assert [(f.number, f.form, f.saved_at, f.saved_by) for f in view.records.forms] == [
        (1, first, later(5), "w.jansen"),
        (2, extended, later(6), "w.jansen"),
    ]
    assert view.indication_form(MUNICIPALITY) == extended
    assert [(e.kind, e.from_status, e.to_status, e.note) for e in view.timeline] == [
        ("submitted", None, "new", ""),
        ("taken", "new", "in_triage", ""),
        ("conversation_planned", "in_triage", "conversation_planned", ""),
        ("conversation_recorded", "conversation_planned", "conversation_held", "smi"),
        ("to_team", "conversation_held", "in_team_meeting", ""),
        ("team_decision", "in_team_meeting", "granted", "granted"),
        ("indication_form", None, None, "v1"),
        ("indication_form", None, None, "v2"),
    ]


def test_the_audit_log_names_each_change_and_who_made_it(
    casework: CaseworkService, uows: UnitOfWorkFactory, wijzer: Account, taken: str, taken_at: int
) -> None:
    version = to_team_meeting(casework, taken, wijzer, taken_at)

    version = casework.record_decision(taken, wijzer, version, records.decision(granted=False), later(4))

    assert audit_trail(uows, taken)[-4:] == [
        ("w.jansen", "case.conversation_planned", ""),
        ("w.jansen", "case.conversation_recorded", "smi"),
        ("w.jansen", "case.to_team", ""),
        ("w.jansen", "case.team_decision", "refused"),
    ]
    assert stored(uows, taken) == ("refused", version)


def test_moving_the_planned_conversation_keeps_the_newest_plan(
    casework: CaseworkService,
    cases: CaseService,
    uows: UnitOfWorkFactory,
    wijzer: Account,
    taken: str,
    taken_at: int,
) -> None:
    version = casework.plan_conversation(taken, wijzer, taken_at, records.plan(), later(1))
    moved = records.plan(place="Wijkcentrum De Schakel")

    version = casework.plan_conversation(taken, wijzer, version, moved, later(2))

    view = cases.view(taken, wijzer, later(3))
    assert (view.status, view.version) == (CaseStatus.CONVERSATION_PLANNED, taken_at + 2)
    assert view.records.plan == moved


def test_a_note_goes_on_the_timeline_without_changing_the_version(
    casework: CaseworkService,
    cases: CaseService,
    uows: UnitOfWorkFactory,
    colleague: Account,
    taken: str,
    taken_at: int,
) -> None:
    casework.add_note(taken, colleague, "  Moeder belde: vrijdag niet thuis  ", later(1))

    view = cases.view(taken, colleague, later(2))
    assert view.version == taken_at
    assert (view.timeline[-1].kind, view.timeline[-1].actor, view.timeline[-1].text) == (
        "note",
        "w.pietersen",
        "Moeder belde: vrijdag niet thuis",
    )


def test_an_empty_note_is_refused(
    casework: CaseworkService, uows: UnitOfWorkFactory, wijzer: Account, taken: str
) -> None:
    before = events(uows, taken)

    with pytest.raises(ValueError, match="text"):
        casework.add_note(taken, wijzer, "   ", later(1))

    assert events(uows, taken) == before


# -- another route -----------------------------------------------------------------------------


def test_another_route_closes_the_case_and_the_parents_read_the_message_with_their_code(
    casework: CaseworkService,
    cases: CaseService,
    intake_service: IntakeService,
    uows: UnitOfWorkFactory,
    wijzer: Account,
    sent: SentCase,
    taken: str,
    taken_at: int,
) -> None:
    version = casework.refer_other_route(taken, wijzer, taken_at, records.other_route(), later(1))

    seen_by_parents = intake_service.status(sent.reference, sent.resume_code)
    view = cases.view(taken, wijzer, later(2))
    assert version == taken_at + 1
    assert stored(uows, taken) == ("closed", taken_at + 1)
    assert seen_by_parents.status is CaseStatus.CLOSED
    assert seen_by_parents.messages == [(later(1), records.MESSAGE_TO_FAMILY)]
    assert view.records.other_route == records.other_route()
    assert [(e.kind, e.from_status, e.to_status) for e in view.timeline[2:]] == [
        ("other_route", "in_triage", "other_route"),
        ("family_message", None, None),
        ("closed", "other_route", "closed"),
    ]
    assert view.timeline[3].text == records.MESSAGE_TO_FAMILY


def test_after_a_conversation_that_finds_smi_not_fitting_the_case_goes_another_route(
    casework: CaseworkService,
    intake_service: IntakeService,
    uows: UnitOfWorkFactory,
    wijzer: Account,
    sent: SentCase,
    taken: str,
    taken_at: int,
) -> None:
    version = casework.plan_conversation(taken, wijzer, taken_at, records.plan(), later(1))
    talk = records.conversation(smi_most_fitting=False, judgement="Schuldhulp past beter")
    version = casework.record_conversation(taken, wijzer, version, talk, later(2))

    version = casework.refer_other_route(taken, wijzer, version, records.other_route(), later(3))

    assert stored(uows, taken) == ("closed", version)
    assert events(uows, taken)[3][4] == "other"
    assert intake_service.status(sent.reference, sent.resume_code).messages == [
        (later(3), records.MESSAGE_TO_FAMILY)
    ]


def test_the_parents_see_no_messages_before_the_team_writes_one(
    intake_service: IntakeService, sent: SentCase, taken: str
) -> None:
    seen_by_parents = intake_service.status(sent.reference, sent.resume_code)

    assert (seen_by_parents.status, seen_by_parents.messages) == (CaseStatus.IN_TRIAGE, [])


def test_a_decision_with_a_message_for_the_family_is_read_by_the_parents(
    casework: CaseworkService,
    intake_service: IntakeService,
    uows: UnitOfWorkFactory,
    wijzer: Account,
    sent: SentCase,
    taken: str,
    taken_at: int,
) -> None:
    version = to_team_meeting(casework, taken, wijzer, taken_at)
    decided = records.decision(message_to_family="De opvang is toegekend voor zes maanden.")

    casework.record_decision(taken, wijzer, version, decided, later(4))

    assert intake_service.status(sent.reference, sent.resume_code).messages == [
        (later(4), "De opvang is toegekend voor zes maanden.")
    ]
    assert [e[0] for e in events(uows, taken)[-2:]] == ["team_decision", "family_message"]


# -- a change on an old version ----------------------------------------------------------------

#: A change that the case allows in its current status, made on the version given.
Change = Callable[[CaseworkService, str, Account, int], int]
CHANGES_IN_TRIAGE: dict[str, Change] = {
    "plan": lambda s, ref, w, v: s.plan_conversation(ref, w, v, records.plan(), later(9)),
    "other_route": lambda s, ref, w, v: s.refer_other_route(ref, w, v, records.other_route(), later(9)),
}
CHANGES_IN_TEAM_MEETING: dict[str, Change] = {
    "decision": lambda s, ref, w, v: s.record_decision(ref, w, v, records.decision(), later(9)),
    "form": lambda s, ref, w, v: s.save_indication_form(ref, w, v, records.indication_form(), later(9)),
}


@pytest.mark.parametrize("change", list(CHANGES_IN_TRIAGE))
def test_a_change_on_an_older_version_is_refused_and_nothing_is_written(
    casework: CaseworkService,
    uows: UnitOfWorkFactory,
    wijzer: Account,
    taken: str,
    taken_at: int,
    change: str,
) -> None:
    before = (stored(uows, taken), events(uows, taken), audit_trail(uows, taken))

    with pytest.raises(ConcurrentEdit) as refused:
        CHANGES_IN_TRIAGE[change](casework, taken, wijzer, taken_at - 1)

    assert refused.value.reference == taken
    assert (stored(uows, taken), events(uows, taken), audit_trail(uows, taken)) == before


@pytest.mark.parametrize("change", list(CHANGES_IN_TEAM_MEETING))
def test_a_change_on_the_version_before_a_colleagues_change_is_refused_and_nothing_is_written(
    casework: CaseworkService,
    uows: UnitOfWorkFactory,
    wijzer: Account,
    coordinator: Account,
    taken: str,
    taken_at: int,
    change: str,
) -> None:
    at_meeting = to_team_meeting(casework, taken, wijzer, taken_at)
    casework.save_indication_form(taken, coordinator, at_meeting, records.indication_form(), later(5))
    before = (stored(uows, taken), events(uows, taken), audit_trail(uows, taken))

    with pytest.raises(ConcurrentEdit):
        CHANGES_IN_TEAM_MEETING[change](casework, taken, wijzer, at_meeting)

    assert (stored(uows, taken), events(uows, taken), audit_trail(uows, taken)) == before
    assert before[0] == ("in_team_meeting", at_meeting + 1)


def test_a_change_to_an_unknown_case_says_it_does_not_exist(
    casework: CaseworkService, wijzer: Account
) -> None:
    with pytest.raises(CaseNotFound):
        casework.plan_conversation("SMI-2026-999999", wijzer, 2, records.plan(), NOW)


# -- who may change a case ---------------------------------------------------------------------


@pytest.mark.parametrize("change", list(CHANGES_IN_TRIAGE))
def test_a_worker_who_does_not_own_the_case_is_refused_and_nothing_is_written(
    casework: CaseworkService,
    uows: UnitOfWorkFactory,
    colleague: Account,
    taken: str,
    taken_at: int,
    change: str,
) -> None:
    before = (stored(uows, taken), events(uows, taken))

    with pytest.raises(NotCaseOwner) as refused:
        CHANGES_IN_TRIAGE[change](casework, taken, colleague, taken_at)

    assert (refused.value.reference, refused.value.owner) == (taken, "w.jansen")
    assert (stored(uows, taken), events(uows, taken)) == before


def test_the_coordinator_may_change_a_case_of_a_worker(
    casework: CaseworkService, uows: UnitOfWorkFactory, coordinator: Account, taken: str, taken_at: int
) -> None:
    version = casework.plan_conversation(taken, coordinator, taken_at, records.plan(), later(1))

    assert stored(uows, taken) == ("conversation_planned", version)
    assert events(uows, taken)[-1][:2] == ("conversation_planned", "c.devos")


@pytest.mark.parametrize("role", [Role.AGENCY, Role.GEMEENTE, Role.ADMIN])
def test_roles_that_do_not_handle_cases_cannot_change_them(
    casework: CaseworkService,
    accounts: AccountService,
    uows: UnitOfWorkFactory,
    taken: str,
    taken_at: int,
    role: Role,
) -> None:
    outsider = accounts.create_account(
        f"x.{role.value}", "Buiten", role, PASSWORD, NOW, "GGD" if role is Role.AGENCY else ""
    )
    before = events(uows, taken)

    with pytest.raises(NotAllowed):
        casework.plan_conversation(taken, outsider, taken_at, records.plan(), later(1))
    with pytest.raises(NotAllowed):
        casework.add_note(taken, outsider, "Een notitie", later(1))

    assert events(uows, taken) == before


# -- the route map's order ---------------------------------------------------------------------

OUT_OF_ORDER_IN_TRIAGE: dict[CaseAction, Change] = {
    CaseAction.RECORD_CONVERSATION: lambda s, ref, w, v: s.record_conversation(
        ref, w, v, records.conversation(), later(9)
    ),
    CaseAction.TO_TEAM_MEETING: lambda s, ref, w, v: s.to_team_meeting(ref, w, v, later(9)),
    CaseAction.GRANT: lambda s, ref, w, v: s.record_decision(ref, w, v, records.decision(), later(9)),
    CaseAction.REFUSE: lambda s, ref, w, v: s.record_decision(
        ref, w, v, records.decision(granted=False), later(9)
    ),
}


@pytest.mark.parametrize("action", list(OUT_OF_ORDER_IN_TRIAGE))
def test_an_action_the_route_map_does_not_allow_yet_is_refused_and_nothing_is_written(
    casework: CaseworkService,
    uows: UnitOfWorkFactory,
    wijzer: Account,
    taken: str,
    taken_at: int,
    action: CaseAction,
) -> None:
    before = (stored(uows, taken), events(uows, taken))

    with pytest.raises(TransitionNotAllowed) as refused:
        OUT_OF_ORDER_IN_TRIAGE[action](casework, taken, wijzer, taken_at)

    assert (refused.value.status, refused.value.action) == (CaseStatus.IN_TRIAGE, action)
    assert (stored(uows, taken), events(uows, taken)) == before


def test_a_decision_before_the_case_is_in_the_team_meeting_is_refused(
    casework: CaseworkService, uows: UnitOfWorkFactory, wijzer: Account, taken: str, taken_at: int
) -> None:
    version = to_conversation_held(casework, taken, wijzer, taken_at)

    with pytest.raises(TransitionNotAllowed) as refused:
        casework.record_decision(taken, wijzer, version, records.decision(), later(4))

    assert refused.value.status is CaseStatus.CONVERSATION_HELD
    assert stored(uows, taken) == ("conversation_held", version)


def test_a_closed_case_cannot_be_sent_to_the_team_meeting(
    casework: CaseworkService, uows: UnitOfWorkFactory, wijzer: Account, taken: str, taken_at: int
) -> None:
    version = casework.refer_other_route(taken, wijzer, taken_at, records.other_route(), later(1))

    with pytest.raises(TransitionNotAllowed):
        casework.to_team_meeting(taken, wijzer, version, later(2))

    assert stored(uows, taken) == ("closed", version)


# -- the indication form -----------------------------------------------------------------------


def test_the_form_cannot_be_saved_while_the_case_is_in_triage(
    casework: CaseworkService, uows: UnitOfWorkFactory, wijzer: Account, taken: str, taken_at: int
) -> None:
    before = (stored(uows, taken), events(uows, taken))

    with pytest.raises(FormNotAllowed) as refused:
        casework.save_indication_form(taken, wijzer, taken_at, records.indication_form(), later(1))

    assert refused.value.status is CaseStatus.IN_TRIAGE
    assert (stored(uows, taken), events(uows, taken)) == before


def test_the_form_cannot_be_saved_after_a_refusal(
    casework: CaseworkService, uows: UnitOfWorkFactory, wijzer: Account, taken: str, taken_at: int
) -> None:
    version = to_team_meeting(casework, taken, wijzer, taken_at)
    version = casework.record_decision(taken, wijzer, version, records.decision(granted=False), later(4))

    with pytest.raises(FormNotAllowed):
        casework.save_indication_form(taken, wijzer, version, records.indication_form(), later(5))

    assert stored(uows, taken) == ("refused", version)


def test_a_period_longer_than_the_definitive_end_is_refused_and_nothing_is_written(
    casework: CaseworkService, uows: UnitOfWorkFactory, wijzer: Account, taken: str, taken_at: int
) -> None:
    version = to_conversation_held(casework, taken, wijzer, taken_at)
    too_long = records.indication_form(period_months=MUNICIPALITY.hard_stop_months + 1)
    before = (stored(uows, taken), events(uows, taken))

    with pytest.raises(PeriodTooLong) as refused:
        casework.save_indication_form(taken, wijzer, version, too_long, later(3))

    assert (refused.value.months, refused.value.limit) == (13, MUNICIPALITY.hard_stop_months)
    assert (stored(uows, taken), events(uows, taken)) == before


def test_a_period_of_exactly_the_definitive_end_is_saved(
    casework: CaseworkService, cases: CaseService, wijzer: Account, taken: str, taken_at: int
) -> None:
    version = to_conversation_held(casework, taken, wijzer, taken_at)
    longest = records.indication_form(period_months=MUNICIPALITY.hard_stop_months)

    casework.save_indication_form(taken, wijzer, version, longest, later(3))

    assert cases.view(taken, wijzer, later(4)).records.forms[-1].form.period_months == 12


def test_a_form_that_was_not_validated_is_validated_when_it_is_saved(
    casework: CaseworkService,
    cases: CaseService,
    uows: UnitOfWorkFactory,
    wijzer: Account,
    taken: str,
    taken_at: int,
) -> None:
    version = to_conversation_held(casework, taken, wijzer, taken_at)
    draft = cases.view(taken, wijzer, later(3)).indication_form(MUNICIPALITY)
    unchecked = draft.model_copy(update={"family_name": "   "})

    with pytest.raises(ValueError, match="family_name"):
        casework.save_indication_form(taken, wijzer, version, unchecked, later(4))

    assert stored(uows, taken) == ("conversation_held", version)


def test_before_any_version_is_saved_the_form_is_a_draft_from_the_intake_and_the_conversation(
    casework: CaseworkService, cases: CaseService, wijzer: Account, taken: str, taken_at: int
) -> None:
    to_conversation_held(casework, taken, wijzer, taken_at)

    draft = cases.view(taken, wijzer, later(3)).indication_form(MUNICIPALITY)

    assert draft.family_name == "Jansen"
    assert draft.why_childcare_needed == f"{records.SITUATION}\n\nMoeder herstelt van een operatie ..."
    assert (draft.period_months, draft.dagdelen_per_week) == (MUNICIPALITY.initial_period_months, 4)


def test_the_draft_form_of_a_handover_the_parents_did_not_complete_takes_the_family_and_the_request(
    accounts: AccountService, uows: UnitOfWorkFactory, cipher: Cipher, cases: CaseService, wijzer: Account
) -> None:
    nurse = accounts.create_account("v.devries", "Verpleegkundige", Role.AGENCY, PASSWORD, NOW, "GGD")
    handover = Handover.model_validate(
        {
            "parents": [{"name": "Anna van den Berg", "phone": "06 12345678"}, {"name": "Bram van den Berg"}],
            "postcode": "3341 AB",
            "children": [{"first_name": "Sam", "date_of_birth": "2023-04-02"}],
            "help_request": "Moeder is opgenomen in het ziekenhuis.",
            "parents_agreed_on": "2026-11-20",
            "parents_agreed_how": "phone",
            "professional_name": "V. de Vries",
            "professional_phone": "078 1234567",
        }
    )
    reference = HandoverService(uows, MUNICIPALITY).submit(nurse, handover, NOW).reference
    QueueService(uows, MUNICIPALITY).claim(reference, wijzer, NOW)

    draft = cases.view(reference, wijzer, later(1)).indication_form(MUNICIPALITY)

    assert draft.family_name == "van den Berg"
    assert (draft.why_childcare_needed, draft.dagdelen_per_week) == (
        "Moeder is opgenomen in het ziekenhuis.",
        1,
    )


def test_the_pdf_of_a_form_version_is_a_pdf_and_its_export_is_logged(
    casework: CaseworkService,
    cases: CaseService,
    uows: UnitOfWorkFactory,
    wijzer: Account,
    taken: str,
    taken_at: int,
) -> None:
    version = to_conversation_held(casework, taken, wijzer, taken_at)
    version = casework.save_indication_form(taken, wijzer, version, records.indication_form(), later(3))
    casework.save_indication_form(taken, wijzer, version, records.indication_form(period_months=3), later(4))

    first = cases.form_pdf(taken, 1, wijzer, "nl", later(5))
    newest = cases.form_pdf(taken, None, wijzer, "en", later(6))

    assert first.startswith(b"%PDF") and newest.startswith(b"%PDF")
    exports = [entry for entry in audit_trail(uows, taken) if entry[1] == "indication_form.exported"]
    assert exports == [
        ("w.jansen", "indication_form.exported", "v1"),
        ("w.jansen", "indication_form.exported", "v2"),
    ]


def test_a_form_version_that_does_not_exist_has_no_pdf_and_nothing_is_logged_as_exported(
    casework: CaseworkService, cases: CaseService, uows: UnitOfWorkFactory, wijzer: Account, taken: str
) -> None:
    with pytest.raises(CaseNotFound):
        cases.form_pdf(taken, None, wijzer, "nl", later(1))
    with pytest.raises(CaseNotFound):
        cases.form_pdf(taken, 3, wijzer, "nl", later(1))

    assert all(action != "indication_form.exported" for _actor, action, _detail in audit_trail(uows, taken))


# -- encryption at rest ------------------------------------------------------------------------

TYPED = [
    records.PLACE,
    records.REQUEST,
    records.SITUATION,
    records.NETWORK,
    records.ALTERNATIVES,
    records.JUDGEMENT,
    records.REASONS,
    records.WHY,
    records.BOTTLENECK,
    records.AGREEMENT,
    "Bericht aan de ouders over de toekenning",
    "Notitie over het telefoongesprek",
]


def test_what_the_worker_writes_is_encrypted_at_rest_and_never_in_the_logs(
    casework: CaseworkService,
    cases: CaseService,
    uows: UnitOfWorkFactory,
    wijzer: Account,
    taken: str,
    taken_at: int,
) -> None:
    version = to_team_meeting(casework, taken, wijzer, taken_at)
    decided = records.decision(message_to_family="Bericht aan de ouders over de toekenning")
    version = casework.record_decision(taken, wijzer, version, decided, later(4))
    casework.save_indication_form(taken, wijzer, version, records.indication_form(), later(5))
    casework.add_note(taken, wijzer, "Notitie over het telefoongesprek", later(6))
    cases.form_pdf(taken, 1, wijzer, "nl", later(7))

    raw = payloads(uows, taken)
    view = cases.view(taken, wijzer, later(8))
    stored_notes = [note for *_rest, note in events(uows, taken)]
    details = all_audit_details(uows)

    assert len(raw) == 6  # plan, conversation, decision, message, form, note
    for text in TYPED:
        encoded = text.encode()
        assert not any(encoded in payload for payload in raw), text
        assert not any(text in note for note in stored_notes), text
        assert not any(text in detail for detail in details), text
    assert view.records.conversation == records.conversation()
    assert view.timeline[-1].text == "Notitie over het telefoongesprek"


# -- two workers at the same moment ------------------------------------------------------------


@contextmanager
def everyone_writes_at_once(engine: Engine, parties: int) -> Iterator[None]:
    """Hold each change's conditional UPDATE of the case until ``parties`` threads have reached theirs."""
    barrier = threading.Barrier(parties)

    def wait(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if statement.lstrip().upper().startswith("UPDATE CASES"):
            barrier.wait(timeout=20)

    event.listen(engine, "before_cursor_execute", wait)
    try:
        yield
    finally:
        event.remove(engine, "before_cursor_execute", wait)


@pytest.mark.parametrize(("first", "second"), [("form", "form"), ("decision", "form")])
def test_of_two_workers_changing_the_same_version_at_the_same_moment_exactly_one_succeeds(
    casework: CaseworkService,
    uows: UnitOfWorkFactory,
    engine: Engine,
    wijzer: Account,
    coordinator: Account,
    taken: str,
    taken_at: int,
    first: str,
    second: str,
) -> None:
    at_meeting = to_team_meeting(casework, taken, wijzer, taken_at)
    before = len(events(uows, taken))
    saved: list[str] = []
    refused: list[str] = []
    errors: list[BaseException] = []

    def change(name: str, worker: Account) -> None:
        try:
            CHANGES_IN_TEAM_MEETING[name](casework, taken, worker, at_meeting)
            saved.append(worker.username)
        except ConcurrentEdit:
            refused.append(worker.username)
        except BaseException as error:  # collected and asserted below
            errors.append(error)

    with everyone_writes_at_once(engine, 2):
        threads = [
            threading.Thread(target=change, args=(first, wijzer)),
            threading.Thread(target=change, args=(second, coordinator)),
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)

    assert errors == []
    assert len(saved) == 1 and len(refused) == 1
    assert stored(uows, taken)[1] == at_meeting + 1
    written = events(uows, taken)[before:]
    assert len(written) == 1 and written[0][1] == saved[0]


@pytest.mark.skipif(backend() != "postgresql", reason="two app processes share a database on PostgreSQL")
@pytest.mark.parametrize(
    "parties",
    [
        (("decision", "w.jansen", "wijzer"), ("form", "c.devos", "coordinator")),
        (("form", "w.jansen", "wijzer"), ("form", "w.jansen", "wijzer")),
    ],
    ids=["decision-and-form", "form-in-two-tabs"],
)
def test_of_two_app_processes_changing_the_same_version_at_the_same_moment_exactly_one_succeeds(
    database_url: str,
    encryption_key: str,
    casework: CaseworkService,
    cases: CaseService,
    uows: UnitOfWorkFactory,
    wijzer: Account,
    coordinator: Account,
    taken: str,
    taken_at: int,
    tmp_path: Path,
    parties: tuple[tuple[str, str, str], ...],
) -> None:
    at_meeting = to_team_meeting(casework, taken, wijzer, taken_at)
    before = len(events(uows, taken))
    environment = {
        **os.environ,
        "SMI_ENCRYPTION_KEY": encryption_key,
        "EDIT_BARRIER_DIR": str(tmp_path),
        "EDIT_PARTIES": str(len(parties)),
    }

    processes = [
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "tests.integration.edit_worker",
                database_url,
                taken,
                str(at_meeting),
                action,
                username,
                role,
            ],
            cwd=PROJECT_DIR,
            env=environment,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for action, username, role in parties
    ]
    try:
        outputs = [process.communicate(timeout=60) for process in processes]
    finally:
        for process in processes:
            if process.poll() is None:
                process.kill()

    printed = [out.strip() for out, _err in outputs]
    assert sorted(printed) == ["changed by someone else", "saved"], outputs
    winner, loser = (0, 1) if printed[0] == "saved" else (1, 0)
    action, username, _role = parties[winner]
    assert (processes[winner].returncode, processes[loser].returncode) == (0, 1)
    assert stored(uows, taken) == (
        "granted" if action == "decision" else "in_team_meeting",
        at_meeting + 1,
    )
    written = events(uows, taken)[before:]
    kind = "team_decision" if action == "decision" else "indication_form"
    assert [(e[0], e[1]) for e in written] == [(kind, username)]
    view = cases.view(taken, wijzer, later(9))
    if action == "decision":
        assert (view.records.decision, view.records.forms) == (records.decision(), ())
    else:
        assert (view.records.decision, [f.form for f in view.records.forms]) == (
            None,
            [records.indication_form()],
        )
