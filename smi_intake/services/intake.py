"""The parents' intake: drafts saved at every step, resume by code, documents, atomic submission.

Medical information never leaves this module unencrypted for storage, and never
goes into a log line or an exception message.
"""

from __future__ import annotations

import hashlib
import logging
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from pydantic import ValidationError
from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm.exc import StaleDataError

from smi_core import IntakeAnswers, MunicipalityConfig, check_eligibility
from smi_core.case.events import EventKind
from smi_core.cases import (
    CONSENT_TEXTS,
    CaseSource,
    CaseStatus,
    CaseSummary,
    ConsentKind,
    ConsentRecord,
    DocumentInfo,
    DraftRecord,
)
from smi_core.errors import CaseNotFound
from smi_core.i18n import gettext
from smi_intake.crypto import Cipher
from smi_intake.db.models import CaseEventRow, CaseRow, ConsentRow, DocumentRow, DraftRow
from smi_intake.db.timeline import append_event
from smi_intake.db.uow import UnitOfWork, UnitOfWorkFactory
from smi_intake.services.consents import case_consents
from smi_intake.services.documents import MAX_DOCUMENT_BYTES, check_document
from smi_intake.services.resume_codes import (
    ResumeCodeExpired,
    ResumeCodeInvalid,
    new_resume_code,
    normalise_resume_code,
)

log = logging.getLogger(__name__)

PARENT_ACTOR = "ouder"


class DraftNotFound(LookupError):
    """The draft no longer exists (expired, or already sent)."""


class IntakeIncomplete(ValueError):
    """The answers do not yet form a complete request; ``errors`` are pydantic's error dicts."""

    def __init__(self, errors: list[dict[str, Any]]) -> None:
        super().__init__(f"{len(errors)} answers are missing or wrong")
        self.errors = errors


@dataclass(frozen=True)
class SavedDraft:
    """The result of saving a step. ``resume_code`` is set only the first time: show it once."""

    draft_id: str
    expires_at: datetime
    resume_code: str | None


@dataclass(frozen=True)
class SubmittedCase:
    reference: str
    received_at: datetime
    outcome: str
    already_sent: bool


def consent_record(kind: ConsentKind, given: bool, locale: str, team: str, now: datetime) -> ConsentRecord:
    """Record a consent choice with the exact text version shown and its fingerprint."""
    text = CONSENT_TEXTS[kind]
    shown = gettext(locale, text.message, team=team)
    return ConsentRecord(
        kind=kind,
        given=given,
        text_version=text.version,
        text_sha256=hashlib.sha256(shown.encode()).hexdigest(),
        locale=locale,
        recorded_at=now,
    )


class IntakeService:
    """Everything the intake pages need, on one database and one cipher."""

    def __init__(self, uows: UnitOfWorkFactory, cipher: Cipher, municipality: MunicipalityConfig) -> None:
        self._uows = uows
        self._cipher = cipher
        self._municipality = municipality

    # -- drafts -----------------------------------------------------------------------------

    def _seal(self, value: dict[str, Any]) -> bytes:
        return self._cipher.seal_json(value)

    def _open(self, token: bytes) -> dict[str, Any]:
        return self._cipher.open_json(token)

    def _to_record(self, row: DraftRow) -> DraftRecord:
        payload = self._open(row.payload)
        return DraftRecord(
            id=row.id,
            step=row.step,
            answers=payload.get("answers", {}),
            consents=payload.get("consents", {}),
            locale=row.locale,
            created_at=row.created_at,
            updated_at=row.updated_at,
            expires_at=row.expires_at,
            has_resume_code=row.resume_hash is not None,
        )

    def save_draft(
        self,
        draft_id: str | None,
        step: str,
        answers: dict[str, Any],
        consents: dict[str, ConsentRecord],
        locale: str,
        now: datetime,
    ) -> SavedDraft:
        """Save the answers so far. The first save with a postcode issues the resume code."""
        expires_at = now + timedelta(days=self._municipality.draft_retention_days)
        payload = self._seal(
            {"answers": answers, "consents": {k: v.model_dump(mode="json") for k, v in consents.items()}}
        )
        code: str | None = None
        with self._uows() as uow:
            row = uow.session.get(DraftRow, draft_id) if draft_id else None
            if draft_id and row is None:
                raise DraftNotFound(draft_id)
            if row is None:
                row = DraftRow(id=uuid.uuid4().hex, created_at=now)
                uow.session.add(row)
            row.step, row.locale, row.payload = step, locale, payload
            row.updated_at, row.expires_at = now, expires_at
            if row.resume_hash is None and _postcode_of(answers):
                code = new_resume_code()
                row.resume_hash = self._cipher.lookup_hash(normalise_resume_code(code))
            uow.commit()
            return SavedDraft(draft_id=row.id, expires_at=expires_at, resume_code=code)

    def load_draft(self, draft_id: str, now: datetime) -> DraftRecord:
        with self._uows() as uow:
            row = uow.session.get(DraftRow, draft_id)
            if row is None or row.expires_at <= now:
                raise DraftNotFound(draft_id)
            return self._to_record(row)

    def resume(self, code: str, postcode: str, now: datetime) -> DraftRecord:
        """Reopen a draft with its code and postcode, on any device."""
        digest = self._cipher.lookup_hash(normalise_resume_code(code))
        with self._uows() as uow:
            row = uow.session.scalars(select(DraftRow).where(DraftRow.resume_hash == digest)).one_or_none()
            if row is None:
                raise ResumeCodeInvalid("no draft for this code and postcode")
            if row.expires_at <= now:
                self._delete_draft(uow, row.id)
                uow.commit()
                raise ResumeCodeExpired("the draft has expired")
            record = self._to_record(row)
            if _normalise_postcode(_postcode_of(record.answers)) != _normalise_postcode(postcode):
                raise ResumeCodeInvalid("no draft for this code and postcode")
            return record

    def purge_expired_drafts(self, now: datetime) -> int:
        """Delete drafts past their expiry, with their documents. Returns how many."""
        with self._uows() as uow:
            ids = list(uow.session.scalars(select(DraftRow.id).where(DraftRow.expires_at <= now)))
            for draft_id in ids:
                self._delete_draft(uow, draft_id)
            uow.commit()
        if ids:
            log.info("deleted %d expired drafts", len(ids))
        return len(ids)

    @staticmethod
    def _delete_draft(uow: UnitOfWork, draft_id: str) -> None:
        uow.session.execute(
            delete(DocumentRow).where(DocumentRow.draft_id == draft_id, DocumentRow.case_id.is_(None))
        )
        uow.session.execute(delete(DraftRow).where(DraftRow.id == draft_id))

    # -- documents --------------------------------------------------------------------------

    def add_document(
        self, draft_id: str, filename: str, data: bytes, now: datetime, kind: str = "medical_statement"
    ) -> DocumentInfo:
        """Store an upload encrypted, after checking its content (PDF, JPEG or PNG) and size."""
        checked = check_document(data, MAX_DOCUMENT_BYTES)
        with self._uows() as uow:
            if uow.session.get(DraftRow, draft_id) is None:
                raise DraftNotFound(draft_id)
            row = DocumentRow(
                draft_id=draft_id,
                kind=kind,
                filename=self._cipher.encrypt(filename.encode()),
                media_type=checked.media_type,
                size=checked.size,
                sha256=hashlib.sha256(data).hexdigest(),
                content=self._cipher.encrypt(data),
                uploaded_at=now,
            )
            uow.session.add(row)
            uow.commit()
            return self._document_info(row)

    def _document_info(self, row: DocumentRow) -> DocumentInfo:
        return DocumentInfo(
            id=row.id,
            kind=row.kind,
            filename=self._cipher.decrypt(row.filename).decode(),
            media_type=row.media_type,
            size=row.size,
            uploaded_at=row.uploaded_at,
        )

    def draft_documents(self, draft_id: str) -> list[DocumentInfo]:
        with self._uows() as uow:
            rows = uow.session.scalars(
                select(DocumentRow).where(DocumentRow.draft_id == draft_id).order_by(DocumentRow.id)
            )
            return [self._document_info(row) for row in rows]

    def remove_document(self, draft_id: str, document_id: int) -> None:
        with self._uows() as uow:
            uow.session.execute(
                delete(DocumentRow).where(
                    DocumentRow.id == document_id,
                    DocumentRow.draft_id == draft_id,
                    DocumentRow.case_id.is_(None),
                )
            )
            uow.commit()

    # -- submission -------------------------------------------------------------------------

    def submit(self, draft_id: str, now: datetime) -> SubmittedCase:
        """Turn a draft into a case in the queue, atomically and at most once.

        A draft that came with an agency's handover completes that case instead of
        creating one. A second call for the same draft (a double click, a reload)
        returns the same case. A failure leaves the draft as it was.
        """
        with self._uows() as uow:
            case = uow.session.scalars(select(CaseRow).where(CaseRow.draft_id == draft_id)).one_or_none()
            if case is not None and case.parents_completed:
                return self._sent(case, already_sent=True)
            row = uow.session.get(DraftRow, draft_id)
            if row is None:
                raise DraftNotFound(draft_id)
            record = self._to_record(row)
            try:
                answers = IntakeAnswers.model_validate(record.answers, context={"today": now.date()})
            except ValidationError as error:
                errors = [dict(e) for e in error.errors(include_input=False, include_url=False)]
                raise IntakeIncomplete(errors) from None
            result = check_eligibility(
                answers, on=now.date(), locale=record.locale, municipality=self._municipality
            )
            content = {"answers": answers.model_dump(mode="json"), "check": result.to_dict()}
            if case is None:
                case = CaseRow(
                    source=CaseSource.OUDER.value,
                    status=CaseStatus.NEW.value,
                    urgent=False,
                    received_at=now,
                    resume_hash=row.resume_hash,
                    draft_id=draft_id,
                    organisation="",
                    created_by=PARENT_ACTOR,
                )
                uow.session.add(case)
                event = "submitted"
            else:
                content = {**self._open(case.payload), **content}
                event = "completed_by_parents"
            case.outcome, case.locale, case.parents_completed = result.outcome.value, record.locale, True
            case.payload = self._seal(content)
            try:
                uow.session.flush()
            except (IntegrityError, StaleDataError):
                return self._after_conflict(uow, draft_id)
            case.reference = case.reference or f"SMI-{now.year}-{case.id:06d}"
            self._attach_consents_and_documents(uow, case.id, draft_id, record)
            append_event(
                uow,
                case_id=case.id,
                reference=case.reference,
                actor=PARENT_ACTOR,
                kind=event,
                now=now,
                to_status=case.status,
            )
            uow.session.delete(row)
            try:
                uow.commit()
            except (IntegrityError, StaleDataError):
                return self._after_conflict(uow, draft_id)
            log.info("case %s: %s (source %s)", case.reference, event, case.source)
            return self._sent(case, already_sent=False)

    def _after_conflict(self, uow: UnitOfWork, draft_id: str) -> SubmittedCase:
        """Another submission of the same draft won the race: answer with its case."""
        uow.rollback()
        case = uow.session.scalars(select(CaseRow).where(CaseRow.draft_id == draft_id)).one_or_none()
        if case is None or not case.parents_completed:
            raise DraftNotFound(draft_id)
        return self._sent(case, already_sent=True)

    @staticmethod
    def _sent(case: CaseRow, already_sent: bool) -> SubmittedCase:
        return SubmittedCase(
            reference=case.reference or "",
            received_at=case.received_at,
            outcome=case.outcome,
            already_sent=already_sent,
        )

    @staticmethod
    def _attach_consents_and_documents(
        uow: UnitOfWork, case_id: int, draft_id: str, record: DraftRecord
    ) -> None:
        for consent in record.consents.values():
            uow.session.add(
                ConsentRow(
                    case_id=case_id,
                    kind=consent.kind.value,
                    given=consent.given,
                    text_version=consent.text_version,
                    text_sha256=consent.text_sha256,
                    locale=consent.locale,
                    given_by=consent.given_by,
                    recorded_at=consent.recorded_at,
                )
            )
        for document in uow.session.scalars(select(DocumentRow).where(DocumentRow.draft_id == draft_id)):
            document.case_id = case_id
            document.draft_id = None

    def _parents_case(self, uow: UnitOfWork, reference: str, code: str) -> CaseRow:
        """The sent case of this reference, when the resume code is its own; else ``CaseNotFound``
        (the same answer for a wrong number and a wrong code, so it tells nothing)."""
        try:
            digest = self._cipher.lookup_hash(normalise_resume_code(code))
        except ResumeCodeInvalid:
            raise CaseNotFound(reference) from None
        case = uow.session.scalars(
            select(CaseRow).where(CaseRow.reference == reference.strip().upper())
        ).one_or_none()
        if case is None or case.resume_hash != digest or case.reference is None:
            raise CaseNotFound(reference)
        return case

    def status(self, reference: str, code: str) -> CaseSummary:
        """Status of a sent request, for the parents: reference plus resume code."""
        with self._uows() as uow:
            case = self._parents_case(uow, reference, code)
            messages = [
                (event.occurred_at, str(self._cipher.open_json(event.payload).get("text", "")))
                for event in uow.session.scalars(
                    select(CaseEventRow)
                    .where(CaseEventRow.case_id == case.id, CaseEventRow.kind == EventKind.MESSAGE)
                    .order_by(CaseEventRow.id)
                )
                if event.payload
            ]
            return CaseSummary(
                reference=case.reference,
                status=CaseStatus(case.status),
                source=CaseSource(case.source),
                received_at=case.received_at,
                messages=messages,
                consents=case_consents(uow, case.id),
            )

    def withdraw_consent(self, reference: str, code: str, kind: ConsentKind, now: datetime) -> bool:
        """The parents withdraw a consent (reference plus resume code). From ``now`` on, the sharing
        it covered stops. Returns whether a given consent was withdrawn (False: there was none)."""
        with self._uows() as uow:
            case = self._parents_case(uow, reference, code)
            active = list(
                uow.session.scalars(
                    select(ConsentRow)
                    .where(
                        ConsentRow.case_id == case.id,
                        ConsentRow.kind == kind.value,
                        ConsentRow.given.is_(True),
                        ConsentRow.withdrawn_at.is_(None),
                    )
                    .with_for_update()
                )
            )
            for row in active:
                row.withdrawn_at = now
            if active:
                append_event(
                    uow,
                    case_id=case.id,
                    reference=str(case.reference),
                    actor=PARENT_ACTOR,
                    kind=EventKind.CONSENT_WITHDRAWN,
                    now=now,
                    note=kind.value,
                    audit_action="consent.withdrawn",
                )
            uow.commit()
            return bool(active)

    def case_answers(self, reference: str) -> dict[str, Any]:
        """The stored answers and check of a case (for staff services and tests)."""
        with self._uows() as uow:
            case = uow.session.scalars(select(CaseRow).where(CaseRow.reference == reference)).one()
            return self._open(case.payload)


def _postcode_of(answers: dict[str, Any]) -> str:
    value = answers.get("postcode")
    return value if isinstance(value, str) else ""


def _normalise_postcode(value: str) -> str:
    return "".join(value.split()).upper()
