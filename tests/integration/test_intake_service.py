"""Drafts, resume, expiry, documents and idempotent submission, on SQLite and PostgreSQL."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select

from smi_core.cases import SMI_CONSENTS, CaseStatus
from smi_core.errors import CaseNotFound
from smi_core.intake_errors import DraftNotFound, IntakeIncomplete
from smi_intake.db.models import CaseRow, ConsentRow, DocumentRow, DraftRow
from smi_intake.services.documents import DocumentRejected
from smi_intake.services.intake import IntakeService, consent_record
from smi_intake.services.resume_codes import ResumeCodeExpired, ResumeCodeInvalid
from tests.factories import example_intake_data

pytestmark = pytest.mark.db

NOW = datetime(2026, 11, 22, 9, 30, tzinfo=UTC)
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def _all_consents() -> dict:
    return {kind.value: consent_record(kind, True, "nl", "WIJzer", NOW) for kind in SMI_CONSENTS}


def _saved_complete_draft(service: IntakeService) -> tuple[str, str]:
    saved = service.save_draft(None, "controleren", example_intake_data(), _all_consents(), "nl", NOW)
    assert saved.resume_code is not None
    return saved.draft_id, saved.resume_code


def test_first_save_with_a_postcode_gives_a_resume_code_once(intake_service: IntakeService) -> None:
    first = intake_service.save_draft(None, "gezin", {"postcode": "3341 AB"}, {}, "nl", NOW)

    second = intake_service.save_draft(first.draft_id, "kinderen", {"postcode": "3341 AB"}, {}, "nl", NOW)

    assert first.resume_code is not None
    assert second.resume_code is None
    assert second.draft_id == first.draft_id


def test_a_save_without_postcode_gives_no_resume_code_yet(intake_service: IntakeService) -> None:
    saved = intake_service.save_draft(None, "start", {}, {}, "nl", NOW)

    assert saved.resume_code is None


def test_the_resume_code_is_stored_only_as_a_hash_and_the_answers_encrypted(
    intake_service: IntakeService, uows
) -> None:
    saved = intake_service.save_draft(None, "gezin", example_intake_data(), {}, "nl", NOW)

    with uows() as uow:
        row = uow.session.get(DraftRow, saved.draft_id)
        resume_hash, payload = row.resume_hash, row.payload
    assert saved.resume_code is not None
    raw_code = saved.resume_code.replace("-", "")
    assert resume_hash is not None and raw_code not in resume_hash
    assert b"Moeder" not in payload and b"3341" not in payload


def test_code_plus_postcode_reopens_the_draft_with_every_answer(intake_service: IntakeService) -> None:
    draft_id, code = _saved_complete_draft(intake_service)

    record = intake_service.resume(code.lower().replace("-", " "), "3341ab", NOW + timedelta(days=3))

    assert record.id == draft_id
    assert record.answers == example_intake_data()
    assert record.step == "controleren"
    assert set(record.consents) == {kind.value for kind in SMI_CONSENTS}


@pytest.mark.parametrize("postcode", ["3342 AB", "", "9999 ZZ"])
def test_a_wrong_postcode_does_not_open_the_draft(intake_service: IntakeService, postcode: str) -> None:
    _, code = _saved_complete_draft(intake_service)

    with pytest.raises(ResumeCodeInvalid):
        intake_service.resume(code, postcode, NOW)


def test_an_unknown_or_malformed_code_does_not_open_a_draft(intake_service: IntakeService) -> None:
    _saved_complete_draft(intake_service)

    with pytest.raises(ResumeCodeInvalid):
        intake_service.resume("AAAA-BBBB-CCCC-DDDD", "3341 AB", NOW)
    with pytest.raises(ResumeCodeInvalid):
        intake_service.resume("short", "3341 AB", NOW)


def test_an_expired_draft_is_deleted_when_its_code_is_used(intake_service: IntakeService, uows) -> None:
    draft_id, code = _saved_complete_draft(intake_service)

    with pytest.raises(ResumeCodeExpired):
        intake_service.resume(code, "3341 AB", NOW + timedelta(days=30, seconds=1))

    with uows() as uow:
        assert uow.session.get(DraftRow, draft_id) is None


def test_purging_deletes_only_expired_drafts_and_their_documents(intake_service: IntakeService, uows) -> None:
    old_id, _ = _saved_complete_draft(intake_service)
    intake_service.add_document(old_id, "verklaring.pdf", PDF, NOW)
    later = NOW + timedelta(days=20)
    fresh = intake_service.save_draft(None, "gezin", {"postcode": "3341 AB"}, {}, "nl", later)

    deleted = intake_service.purge_expired_drafts(NOW + timedelta(days=31))

    assert deleted == 1
    with uows() as uow:
        assert uow.session.get(DraftRow, old_id) is None
        assert uow.session.get(DraftRow, fresh.draft_id) is not None
        assert uow.session.scalar(select(func.count()).select_from(DocumentRow)) == 0


def test_saving_an_expired_or_unknown_draft_says_so(intake_service: IntakeService) -> None:
    with pytest.raises(DraftNotFound):
        intake_service.save_draft("0" * 32, "gezin", {}, {}, "nl", NOW)


def test_documents_are_checked_by_content_not_by_name(intake_service: IntakeService) -> None:
    draft_id, _ = _saved_complete_draft(intake_service)

    with pytest.raises(DocumentRejected) as rejected:
        intake_service.add_document(draft_id, "verklaring.pdf", b"MZ\x90\x00 not a pdf", NOW)
    png = intake_service.add_document(draft_id, "scan.pdf", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, NOW)

    assert rejected.value.reason == "wrong_type"
    assert png.media_type == "image/png"
    assert [d.filename for d in intake_service.draft_documents(draft_id)] == ["scan.pdf"]


def test_documents_above_the_size_limit_or_empty_are_refused(intake_service: IntakeService) -> None:
    draft_id, _ = _saved_complete_draft(intake_service)

    with pytest.raises(DocumentRejected) as too_large:
        intake_service.add_document(draft_id, "big.pdf", b"%PDF-" + b"0" * (10 * 1024 * 1024), NOW)
    with pytest.raises(DocumentRejected) as empty:
        intake_service.add_document(draft_id, "empty.pdf", b"", NOW)

    assert too_large.value.reason == "too_large"
    assert empty.value.reason == "empty"


def test_submitting_creates_one_new_case_with_answers_check_consents_and_documents(
    intake_service: IntakeService, uows
) -> None:
    draft_id, code = _saved_complete_draft(intake_service)
    intake_service.add_document(draft_id, "verklaring.pdf", PDF, NOW)

    sent = intake_service.submit(draft_id, NOW)

    assert sent.reference == "SMI-2026-000001"
    assert sent.outcome == "eligible"
    stored = intake_service.case_answers(sent.reference)
    assert stored["answers"]["children"][0]["first_name"] == "Sam"
    assert stored["check"]["findings"][0]["rule_id"] == "SMI-RES"
    with uows() as uow:
        case = uow.session.scalars(select(CaseRow)).one()
        assert (case.status, case.source) == (CaseStatus.NEW.value, "ouder")
        consents = uow.session.scalars(select(ConsentRow).where(ConsentRow.case_id == case.id)).all()
        assert {c.kind for c in consents} == {kind.value for kind in SMI_CONSENTS}
        assert all(c.text_version.endswith("-v1") and len(c.text_sha256) == 64 for c in consents)
        document = uow.session.scalars(select(DocumentRow)).one()
        assert document.case_id == case.id
        assert uow.session.get(DraftRow, draft_id) is None
    assert intake_service.status(sent.reference, code).status is CaseStatus.NEW


def test_submitting_twice_returns_the_same_case(intake_service: IntakeService, uows) -> None:
    draft_id, _ = _saved_complete_draft(intake_service)

    first = intake_service.submit(draft_id, NOW)
    second = intake_service.submit(draft_id, NOW + timedelta(seconds=1))

    assert second.reference == first.reference
    assert second.already_sent
    with uows() as uow:
        assert uow.session.scalar(select(func.count()).select_from(CaseRow)) == 1


def test_concurrent_submissions_of_one_draft_create_one_case(intake_service: IntakeService, uows) -> None:
    draft_id, _ = _saved_complete_draft(intake_service)
    results: list[str] = []
    errors: list[BaseException] = []
    barrier = threading.Barrier(4)

    def send() -> None:
        barrier.wait()
        try:
            results.append(intake_service.submit(draft_id, NOW).reference)
        except BaseException as error:  # collected and asserted below
            errors.append(error)

    threads = [threading.Thread(target=send) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    assert len(set(results)) == 1
    with uows() as uow:
        assert uow.session.scalar(select(func.count()).select_from(CaseRow)) == 1


def test_a_sending_that_finds_the_draft_gone_after_its_first_look_answers_with_the_case(
    intake_service: IntakeService, monkeypatch: pytest.MonkeyPatch
) -> None:
    draft_id, _ = _saved_complete_draft(intake_service)
    first = intake_service.submit(draft_id, NOW)
    # the second sending looked before the first committed (nothing sent yet), and reads the
    # draft after the first removed it
    monkeypatch.setattr("smi_intake.services.intake.sent_before", lambda uow, draft_id: None)

    second = intake_service.submit(draft_id, NOW + timedelta(seconds=1))

    assert second.reference == first.reference and second.already_sent
    with pytest.raises(DraftNotFound):
        intake_service.submit("no-such-draft", NOW)


def test_an_incomplete_draft_is_not_sent_and_stays_intact(intake_service: IntakeService, uows) -> None:
    answers = example_intake_data()
    del answers["children"]
    saved = intake_service.save_draft(None, "controleren", answers, {}, "nl", NOW)

    with pytest.raises(IntakeIncomplete) as incomplete:
        intake_service.submit(saved.draft_id, NOW)

    assert any(error["loc"] == ("children",) for error in incomplete.value.errors)
    assert intake_service.load_draft(saved.draft_id, NOW).answers == answers
    with uows() as uow:
        assert uow.session.scalar(select(func.count()).select_from(CaseRow)) == 0


def test_status_needs_the_right_reference_and_code(intake_service: IntakeService) -> None:
    draft_id, code = _saved_complete_draft(intake_service)
    sent = intake_service.submit(draft_id, NOW)

    with pytest.raises(CaseNotFound):
        intake_service.status(sent.reference, "AAAA-BBBB-CCCC-DDDD")
    with pytest.raises(CaseNotFound):
        intake_service.status("SMI-2026-999999", code)
    assert intake_service.status(sent.reference.lower(), code).reference == sent.reference
