"""The warm handover: an agency hands a family over, the parents complete the intake with the
invitation code, and the agency sees only its own handovers' status, on SQLite and PostgreSQL."""

from __future__ import annotations

import dataclasses
import re
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from pydantic import ValidationError
from sqlalchemy import func, select

from smi_core import default_municipality
from smi_core.access import Role
from smi_core.cases import SMI_CONSENTS, CaseSource, CaseStatus
from smi_core.errors import NotAllowed
from smi_core.handover import AgreementChannel, Handover, HandoverStatus
from smi_intake.crypto import Cipher
from smi_intake.db.models import CaseRow, ConsentRow, DraftRow
from smi_intake.db.uow import UnitOfWorkFactory
from smi_intake.services.accounts import Account, AccountService
from smi_intake.services.handover import HandoverSent, HandoverService, HandoverSummary
from smi_intake.services.intake import IntakeService, SubmittedCase, consent_record
from smi_intake.services.resume_codes import ResumeCodeInvalid
from tests.factories import example_intake_data

pytestmark = pytest.mark.db

NOW = datetime(2026, 11, 22, 9, 30, tzinfo=UTC)
PASSWORD = "een-lang-wachtwoord"
GGD = "GGD Zuid-Holland Zuid"
BOOMHUT = "Kinderopvang De Boomhut"
HELP_REQUEST = "Moeder herstelt van een operatie en mag drie maanden niet tillen."


@pytest.fixture
def handover_service(uows: UnitOfWorkFactory, cipher: Cipher) -> HandoverService:
    return HandoverService(uows, default_municipality())


@pytest.fixture
def nurse(accounts: AccountService) -> Account:
    """A youth health care nurse of the GGD."""
    return accounts.create_account(
        "v.devries", "Verpleegkundige De Vries", Role.AGENCY, PASSWORD, NOW, organisation=GGD
    )


@pytest.fixture
def childcare_worker(accounts: AccountService) -> Account:
    """A professional of another organisation: a childcare centre."""
    return accounts.create_account(
        "p.bakker", "Pedagogisch medewerker Bakker", Role.AGENCY, PASSWORD, NOW, organisation=BOOMHUT
    )


def _handover(**changes: Any) -> Handover:
    """A valid, urgent handover of the Jansen family (the family of the example intake)."""
    data: dict[str, Any] = {
        "parents": [
            {"name": "A. Jansen", "phone": "06 12345678"},
            {"name": "B. Jansen", "email": "b.jansen@example.nl"},
        ],
        "postcode": "3341ab",
        "children": [{"first_name": "Sam", "date_of_birth": "2023-04-02"}],
        "help_request": HELP_REQUEST,
        "urgent": True,
        "urgency_reason": "De operatie is volgende week.",
        "parents_agreed_on": "2026-11-20",
        "parents_agreed_how": "phone",
        "professional_name": "V. de Vries",
        "professional_phone": "078 1234567",
        "availability": "Maandag tot en met woensdag, 's ochtends",
    }
    data.update(changes)
    return Handover.model_validate(data)


def _parents_complete(record_answers: dict[str, Any]) -> dict[str, Any]:
    """The parents' answers: what the agency filled in, plus the rest from the example intake."""
    example = example_intake_data()
    answers = {**example, **record_answers}
    answers["parents"] = [
        {**prefilled, "activity": example_parent["activity"]}
        for prefilled, example_parent in zip(record_answers["parents"], example["parents"], strict=True)
    ]
    answers["children"] = [
        {**example["children"][0], **prefilled} for prefilled in record_answers["children"]
    ]
    return answers


def _all_consents(at: datetime) -> dict[str, Any]:
    return {kind.value: consent_record(kind, True, "nl", "WIJzer", at) for kind in SMI_CONSENTS}


def _complete_and_submit(intake_service: IntakeService, sent: HandoverSent, at: datetime) -> SubmittedCase:
    record = intake_service.resume(sent.invitation_code, "3341 AB", at)
    answers = _parents_complete(record.answers)
    intake_service.save_draft(record.id, "controleren", answers, _all_consents(at), "nl", at)
    return intake_service.submit(record.id, at)


def _case_count(uows: UnitOfWorkFactory) -> int:
    with uows() as uow:
        return int(uow.session.scalar(select(func.count()).select_from(CaseRow)) or 0)


# -- sending a handover -------------------------------------------------------------------------


def test_a_handover_creates_one_new_case_from_the_agency_with_the_agencys_organisation(
    handover_service: HandoverService, nurse: Account, uows: UnitOfWorkFactory
) -> None:
    sent = handover_service.submit(nurse, _handover(), NOW)

    assert re.fullmatch(r"SMI-2026-\d{6}", sent.reference)
    assert sent.invitation_expires_at == NOW + timedelta(days=30)
    with uows() as uow:
        case = uow.session.scalars(select(CaseRow)).one()
        assert case.reference == sent.reference
        assert case.source == CaseSource.INSTANTIE.value == "instantie"
        assert case.status == CaseStatus.NEW.value == "new"
        assert case.urgent is True
        assert case.organisation == GGD
        assert case.created_by == "v.devries"
        assert case.parents_completed is False
        assert case.outcome == ""
        assert case.received_at == NOW


def test_a_normal_handover_is_not_urgent(
    handover_service: HandoverService, nurse: Account, uows: UnitOfWorkFactory
) -> None:
    handover_service.submit(nurse, _handover(urgent=False, urgency_reason=""), NOW)

    with uows() as uow:
        assert uow.session.scalars(select(CaseRow.urgent)).one() is False


def test_the_handover_is_stored_encrypted_and_the_invitation_code_only_as_a_hash(
    handover_service: HandoverService, nurse: Account, uows: UnitOfWorkFactory
) -> None:
    sent = handover_service.submit(nurse, _handover(), NOW)

    with uows() as uow:
        case = uow.session.scalars(select(CaseRow)).one()
        draft = uow.session.scalars(select(DraftRow)).one()
        case_payload, draft_payload = case.payload, draft.payload
        hashes = (case.resume_hash, draft.resume_hash)
    for raw in (case_payload, draft_payload):
        assert b"Jansen" not in raw
        assert b"Sam" not in raw
        assert b"operatie" not in raw
    raw_code = sent.invitation_code.replace("-", "")
    assert hashes[0] == hashes[1]
    assert hashes[0] is not None and raw_code not in hashes[0]
    assert handover_service.case_content(sent.reference)["handover"]["parents"][0]["name"] == "A. Jansen"


def test_the_stored_handover_holds_everything_the_professional_entered_and_the_organisation(
    handover_service: HandoverService, nurse: Account
) -> None:
    handover = _handover()

    sent = handover_service.submit(nurse, handover, NOW)

    stored = handover_service.case_content(sent.reference)
    assert set(stored) == {"handover"}
    assert stored["handover"] == {**handover.model_dump(mode="json"), "organisation": GGD}
    assert stored["handover"]["parents_agreed_how"] == AgreementChannel.PHONE.value


def test_two_handovers_get_different_references_and_invitation_codes(
    handover_service: HandoverService, nurse: Account, uows: UnitOfWorkFactory
) -> None:
    first = handover_service.submit(nurse, _handover(), NOW)

    second = handover_service.submit(nurse, _handover(postcode="3342 CD"), NOW + timedelta(minutes=5))

    assert first.reference != second.reference
    assert first.invitation_code != second.invitation_code
    assert _case_count(uows) == 2


# -- the parents' invitation --------------------------------------------------------------------


def test_the_invitation_code_and_postcode_open_the_draft_prefilled_by_the_agency(
    handover_service: HandoverService, intake_service: IntakeService, nurse: Account
) -> None:
    sent = handover_service.submit(nurse, _handover(), NOW)

    record = intake_service.resume(sent.invitation_code.lower(), "3341AB", NOW + timedelta(days=2))

    assert record.answers["postcode"] == "3341 AB"
    assert [p["name"] for p in record.answers["parents"]] == ["A. Jansen", "B. Jansen"]
    assert record.answers["parents"][0]["phone"] == "06 12345678"
    assert record.answers["parents"][1]["email"] == "b.jansen@example.nl"
    assert record.answers["children"] == [{"first_name": "Sam", "date_of_birth": "2023-04-02"}]
    assert record.answers["explanation"] == HELP_REQUEST
    assert record.step == "gezin"
    assert record.consents == {}
    assert record.has_resume_code
    assert record.expires_at == sent.invitation_expires_at


def test_the_invitation_code_with_another_postcode_opens_nothing(
    handover_service: HandoverService, intake_service: IntakeService, nurse: Account
) -> None:
    sent = handover_service.submit(nurse, _handover(), NOW)

    with pytest.raises(ResumeCodeInvalid):
        intake_service.resume(sent.invitation_code, "3342 AB", NOW)


def test_the_parents_completing_the_draft_complete_the_same_case(
    handover_service: HandoverService,
    intake_service: IntakeService,
    nurse: Account,
    uows: UnitOfWorkFactory,
) -> None:
    sent = handover_service.submit(nurse, _handover(), NOW)
    later = NOW + timedelta(days=1)

    submitted = _complete_and_submit(intake_service, sent, later)

    assert submitted.reference == sent.reference
    assert submitted.already_sent is False
    assert submitted.outcome == "eligible"
    assert submitted.received_at == NOW
    assert _case_count(uows) == 1
    with uows() as uow:
        case = uow.session.scalars(select(CaseRow)).one()
        assert case.parents_completed is True
        assert case.outcome == submitted.outcome
        assert (case.source, case.status, case.organisation, case.urgent) == ("instantie", "new", GGD, True)
        assert uow.session.scalar(select(func.count()).select_from(DraftRow)) == 0
        consents = uow.session.scalars(select(ConsentRow).where(ConsentRow.case_id == case.id)).all()
        assert {c.kind for c in consents} == {kind.value for kind in SMI_CONSENTS}


def test_the_completed_case_holds_the_handover_the_answers_and_the_check(
    handover_service: HandoverService, intake_service: IntakeService, nurse: Account
) -> None:
    sent = handover_service.submit(nurse, _handover(), NOW)

    submitted = _complete_and_submit(intake_service, sent, NOW + timedelta(days=1))

    content = intake_service.case_answers(sent.reference)
    assert set(content) == {"handover", "answers", "check"}
    assert content["handover"]["organisation"] == GGD
    assert content["handover"]["professional_name"] == "V. de Vries"
    assert content["answers"]["parents"][0] == {
        "name": "A. Jansen",
        "activity": "works",
        "email": "",
        "phone": "06 12345678",
    }
    assert content["answers"]["children"][0]["first_name"] == "Sam"
    assert content["answers"]["children"][0]["care_type"] == "kdv"
    assert content["answers"]["explanation"] == HELP_REQUEST
    assert content["check"]["outcome"] == submitted.outcome


def test_submitting_the_completed_handover_again_returns_the_same_case(
    handover_service: HandoverService,
    intake_service: IntakeService,
    nurse: Account,
    uows: UnitOfWorkFactory,
) -> None:
    sent = handover_service.submit(nurse, _handover(), NOW)
    record = intake_service.resume(sent.invitation_code, "3341 AB", NOW)
    intake_service.save_draft(record.id, "controleren", _parents_complete(record.answers), {}, "nl", NOW)
    first = intake_service.submit(record.id, NOW + timedelta(days=1))

    second = intake_service.submit(record.id, NOW + timedelta(days=1, seconds=1))

    assert second.reference == first.reference == sent.reference
    assert second.already_sent is True
    assert first.already_sent is False
    assert _case_count(uows) == 1


def test_the_parents_see_the_status_of_the_handover_with_the_invitation_code(
    handover_service: HandoverService, intake_service: IntakeService, nurse: Account
) -> None:
    sent = handover_service.submit(nurse, _handover(), NOW)
    before = intake_service.status(sent.reference, sent.invitation_code)

    _complete_and_submit(intake_service, sent, NOW + timedelta(days=1))

    after = intake_service.status(sent.reference.lower(), sent.invitation_code.lower())
    for summary in (before, after):
        assert summary.reference == sent.reference
        assert summary.status is CaseStatus.NEW
        assert summary.source is CaseSource.INSTANTIE
        assert summary.received_at == NOW


# -- the agency's list --------------------------------------------------------------------------


def test_the_summary_of_a_handover_has_no_field_for_the_assessment() -> None:
    fields = {field.name for field in dataclasses.fields(HandoverSummary)}

    assert fields == {"reference", "received_at", "status", "urgent", "parents_completed", "created_by"}


def test_an_agency_sees_only_its_own_organisations_handovers_newest_first(
    handover_service: HandoverService,
    intake_service: IntakeService,
    accounts: AccountService,
    nurse: Account,
    childcare_worker: Account,
) -> None:
    colleague = accounts.create_account(
        "k.smit", "Jeugdarts Smit", Role.AGENCY, PASSWORD, NOW, organisation=GGD
    )
    older = handover_service.submit(nurse, _handover(), NOW)
    newer = handover_service.submit(
        colleague, _handover(urgent=False, urgency_reason=""), NOW + timedelta(hours=1)
    )
    other = handover_service.submit(childcare_worker, _handover(), NOW + timedelta(hours=2))
    parents_own = intake_service.save_draft(None, "controleren", example_intake_data(), {}, "nl", NOW)
    intake_service.submit(parents_own.draft_id, NOW + timedelta(hours=3))

    ggd = handover_service.handovers_of(nurse)
    boomhut = handover_service.handovers_of(childcare_worker)

    assert [s.reference for s in ggd] == [newer.reference, older.reference]
    assert [(s.created_by, s.urgent) for s in ggd] == [("k.smit", False), ("v.devries", True)]
    assert [s.reference for s in boomhut] == [other.reference]
    assert all(s.status is HandoverStatus.RECEIVED and not s.parents_completed for s in ggd + boomhut)
    assert ggd[1].received_at == NOW


def test_the_agency_sees_that_the_parents_completed_the_request_but_not_the_outcome(
    handover_service: HandoverService, intake_service: IntakeService, nurse: Account
) -> None:
    sent = handover_service.submit(nurse, _handover(), NOW)
    _complete_and_submit(intake_service, sent, NOW + timedelta(days=1))

    [summary] = handover_service.handovers_of(nurse)

    assert summary == HandoverSummary(
        reference=sent.reference,
        received_at=NOW,
        status=HandoverStatus.RECEIVED,
        urgent=True,
        parents_completed=True,
        created_by="v.devries",
    )
    assert not hasattr(summary, "outcome")


@pytest.mark.parametrize(
    ("case_status", "agency_sees"),
    [
        (CaseStatus.NEW, HandoverStatus.RECEIVED),
        (CaseStatus.IN_TRIAGE, HandoverStatus.RECEIVED),
        (CaseStatus.CONVERSATION_PLANNED, HandoverStatus.IN_PROGRESS),
        (CaseStatus.CONVERSATION_HELD, HandoverStatus.IN_PROGRESS),
        (CaseStatus.IN_TEAM_MEETING, HandoverStatus.IN_PROGRESS),
        (CaseStatus.GRANTED, HandoverStatus.CLOSED),
        (CaseStatus.REFUSED, HandoverStatus.CLOSED),
        (CaseStatus.OTHER_ROUTE, HandoverStatus.CLOSED),
        (CaseStatus.WITHDRAWN, HandoverStatus.CLOSED),
        (CaseStatus.CLOSED, HandoverStatus.CLOSED),
    ],
)
def test_the_agency_sees_only_received_in_progress_or_closed_never_the_decision(
    handover_service: HandoverService,
    nurse: Account,
    uows: UnitOfWorkFactory,
    case_status: CaseStatus,
    agency_sees: HandoverStatus,
) -> None:
    sent = handover_service.submit(nurse, _handover(), NOW)
    with uows() as uow:
        case = uow.session.scalars(select(CaseRow).where(CaseRow.reference == sent.reference)).one()
        case.status = case_status.value
        uow.commit()

    [summary] = handover_service.handovers_of(nurse)

    assert summary.status is agency_sees


# -- roles --------------------------------------------------------------------------------------


@pytest.mark.parametrize("role", [r for r in Role if r is not Role.AGENCY], ids=lambda r: r.value)
def test_only_an_agency_may_hand_over_or_see_handovers(
    handover_service: HandoverService,
    accounts: AccountService,
    nurse: Account,
    uows: UnitOfWorkFactory,
    role: Role,
) -> None:
    handover_service.submit(nurse, _handover(), NOW)
    organisation = "99990001" if role is Role.PROVIDER else GGD  # a provider's organisation is its AGB code
    staff = accounts.create_account(
        "medewerker", "Medewerker", role, PASSWORD, NOW, organisation=organisation
    )

    with pytest.raises(NotAllowed):
        handover_service.submit(staff, _handover(), NOW)
    with pytest.raises(NotAllowed):
        handover_service.handovers_of(staff)

    assert _case_count(uows) == 1


# -- the handover model -------------------------------------------------------------------------


def test_an_urgent_handover_needs_a_reason() -> None:
    with pytest.raises(ValidationError) as refused:
        _handover(urgent=True, urgency_reason="   ")

    assert "urgency_reason" in str(refused.value)


def test_a_handover_needs_a_phone_number_or_email_of_the_professional() -> None:
    with pytest.raises(ValidationError) as refused:
        _handover(professional_phone="", professional_email="")
    by_email = _handover(professional_phone="", professional_email="v.devries@ggd.nl")

    assert "professional_phone" in str(refused.value)
    assert by_email.professional_email == "v.devries@ggd.nl"


@pytest.mark.parametrize("postcode", ["0341 AB", "3341", "3341 A1", "33411 AB", "", "AB 3341"])
def test_a_handover_refuses_a_postcode_that_is_not_dutch(postcode: str) -> None:
    with pytest.raises(ValidationError) as refused:
        _handover(postcode=postcode)

    assert [error["loc"] for error in refused.value.errors()] == [("postcode",)]


def test_a_handover_normalises_a_dutch_postcode() -> None:
    handover = _handover(postcode=" 3341ab ")

    assert handover.postcode == "3341 AB"


def test_a_handover_needs_a_contact_of_a_parent() -> None:
    with pytest.raises(ValidationError) as refused:
        _handover(parents=[{"name": "A. Jansen"}])

    assert "parents" in str(refused.value)


def test_a_handover_needs_a_parent_a_child_and_a_help_request() -> None:
    with pytest.raises(ValidationError) as refused:
        _handover(parents=[], children=[], help_request="  ")

    assert {error["loc"][0] for error in refused.value.errors()} == {"parents", "children", "help_request"}


def test_a_handover_refuses_unknown_fields_and_agreement_channels() -> None:
    with pytest.raises(ValidationError) as refused:
        _handover(parents_agreed_how="by_pigeon", organisation="Een andere organisatie")

    assert {error["loc"][0] for error in refused.value.errors()} == {"parents_agreed_how", "organisation"}


def test_the_handover_knows_whether_the_agreement_lies_in_the_future() -> None:
    handover = _handover(parents_agreed_on="2026-11-20")

    assert handover.agreed_in_future(date(2026, 11, 19))
    assert not handover.agreed_in_future(date(2026, 11, 20))
