"""The parents' intake: drafts saved at every step, resume by code, documents, atomic submission.

Medical information never leaves this module unencrypted for storage (the repositories seal
it), and never goes into a log line or an exception message.
"""

from __future__ import annotations

import hashlib
import logging
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from pydantic import ValidationError

from smi_core import EligibilityResult, IntakeAnswers, MunicipalityConfig, check_eligibility
from smi_core.case.events import EventKind
from smi_core.cases import (
    CONSENT_TEXTS,
    CaseSummary,
    ConsentKind,
    ConsentRecord,
    DocumentInfo,
    DraftRecord,
)
from smi_core.errors import CaseNotFound
from smi_core.front_door import RequestKind
from smi_core.i18n import gettext
from smi_core.intake import IntakeDraft
from smi_core.intake_errors import DraftNotFound, IntakeIncomplete
from smi_intake.db.requests import PARENT_ACTOR, ParentsCase, SentRequest, SentState
from smi_intake.db.timeline import append_event
from smi_intake.db.uow import UnitOfWork, UnitOfWorkFactory
from smi_intake.services.documents import MAX_DOCUMENT_BYTES, check_document
from smi_intake.services.resume_codes import (
    ResumeCodeExpired,
    ResumeCodeInvalid,
    new_resume_code,
    normalise_resume_code,
)

log = logging.getLogger(__name__)

__all__ = [
    "PARENT_ACTOR",
    "IntakeService",
    "SavedDraft",
    "SentRequest",
    "SubmittedCase",
    "consent_record",
]


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
    """Everything the intake pages need, on one database (the repositories seal and open)."""

    def __init__(self, uows: UnitOfWorkFactory, municipality: MunicipalityConfig) -> None:
        self._uows = uows
        self._municipality = municipality

    # -- drafts -----------------------------------------------------------------------------

    def save_draft(
        self,
        draft_id: str | None,
        step: str,
        answers: IntakeDraft | IntakeAnswers | Mapping[str, Any],
        consents: Mapping[str, ConsentRecord],
        locale: str,
        now: datetime,
        request: RequestKind = RequestKind.SMI,
    ) -> SavedDraft:
        """Save the answers so far. The first save with a postcode issues the resume code.

        For an SMI request ``answers`` is typed (a draft, or complete answers); exchange-format
        values are read through ``IntakeDraft.of``, the one boundary where the form's values become
        typed. Another kind of request keeps its form's answers as they are until it is sent (its
        own model checks them then).
        """
        smi = request is RequestKind.SMI
        intake = IntakeDraft.of(answers) if smi else IntakeDraft()
        other = {} if smi else dict(answers if isinstance(answers, Mapping) else {})
        expires_at = now + timedelta(days=self._municipality.draft_retention_days)
        with self._uows() as uow:
            existing = uow.drafts.get(draft_id) if draft_id else None
            if draft_id and existing is None:
                raise DraftNotFound(draft_id)
            draft = DraftRecord(
                id=existing.id if existing else uuid.uuid4().hex,
                step=step,
                request=request,
                intake=intake,
                other_answers=other,
                consents=dict(consents),
                locale=locale,
                created_at=existing.created_at if existing else now,
                updated_at=now,
                expires_at=expires_at,
                has_resume_code=existing.has_resume_code if existing else False,
            )
            code = new_resume_code() if not draft.has_resume_code and draft.postcode else None
            uow.drafts.save(draft, resume_code=normalise_resume_code(code) if code else None)
            uow.commit()
            return SavedDraft(draft_id=draft.id, expires_at=expires_at, resume_code=code)

    def load_draft(self, draft_id: str, now: datetime) -> DraftRecord:
        with self._uows() as uow:
            draft = uow.drafts.get(draft_id)
            if draft is None or draft.expires_at <= now:
                raise DraftNotFound(draft_id)
            return draft

    def resume(self, code: str, postcode: str, now: datetime) -> DraftRecord:
        """Reopen a draft with its code and postcode, on any device."""
        normalised = normalise_resume_code(code)
        with self._uows() as uow:
            draft = uow.drafts.by_resume_code(normalised)
            if draft is None:
                raise ResumeCodeInvalid("no draft for this code and postcode")
            if draft.expires_at <= now:
                uow.drafts.delete(draft.id)
                uow.commit()
                raise ResumeCodeExpired("the draft has expired")
            if _normalise_postcode(draft.postcode) != _normalise_postcode(postcode):
                raise ResumeCodeInvalid("no draft for this code and postcode")
            return draft

    def purge_expired_drafts(self, now: datetime) -> int:
        """Delete drafts past their expiry, with their documents. Returns how many."""
        with self._uows() as uow:
            ids = uow.drafts.expired(now)
            for draft_id in ids:
                uow.drafts.delete(draft_id)
            uow.commit()
        if ids:
            log.info("deleted %d expired drafts", len(ids))
        return len(ids)

    # -- documents --------------------------------------------------------------------------

    def add_document(
        self, draft_id: str, filename: str, data: bytes, now: datetime, kind: str = "medical_statement"
    ) -> DocumentInfo:
        """Store an upload encrypted, after checking its content (PDF, JPEG or PNG) and size."""
        checked = check_document(data, MAX_DOCUMENT_BYTES)
        with self._uows() as uow:
            if uow.drafts.get(draft_id) is None:
                raise DraftNotFound(draft_id)
            info = uow.documents.add(draft_id, kind, filename, data, checked.media_type, now)
            uow.commit()
            return info

    def draft_documents(self, draft_id: str) -> list[DocumentInfo]:
        with self._uows() as uow:
            return uow.documents.of_draft(draft_id)

    def remove_document(self, draft_id: str, document_id: int) -> None:
        with self._uows() as uow:
            uow.documents.remove(draft_id, document_id)
            uow.commit()

    def preliminary_check(self, draft: IntakeDraft, locale: str, today: date) -> EligibilityResult | None:
        """The check the parents read before they send: None while answers are missing. It is
        not stored; ``submit`` computes the case's check once, from the stored draft."""
        try:
            answers = draft.complete(today)
        except ValidationError:
            return None
        return check_eligibility(answers, on=today, locale=locale, municipality=self._municipality)

    # -- submission -------------------------------------------------------------------------

    def submit(self, draft_id: str, now: datetime) -> SubmittedCase:
        """Turn a draft into a case in the queue, atomically and at most once.

        The eligibility check runs here, once, and is stored with the case (the sent page and
        the receipt read it back). A draft that came with an agency's handover completes that
        case instead of creating one. A second call for the same draft (a double click, a
        reload) returns the same case. A failure leaves the draft as it was.
        """
        with self._uows() as uow:
            before = sent_before(uow, draft_id)
            if before is not None:
                return before
            draft = uow.drafts.get(draft_id)
            if draft is None:  # sent (and removed) by another sending since the look above?
                return after_conflict(uow, draft_id)
            try:
                answers = draft.intake.complete(now.date())
            except ValidationError as error:
                errors = [dict(e) for e in error.errors(include_input=False, include_url=False)]
                raise IntakeIncomplete(errors) from None
            result = check_eligibility(
                answers, on=now.date(), locale=draft.locale, municipality=self._municipality
            )
            sent = uow.requests.send(draft_id, answers, result, draft.locale, now)
            if sent is None:
                return after_conflict(uow, draft_id)
            return finish_sending(uow, draft, sent, now)

    def sent_request(self, reference: str) -> SentRequest:
        """What the parents sent, with the eligibility result stored when they sent it."""
        with self._uows() as uow:
            return uow.requests.sent_request(reference)

    # -- the parents' view of a sent request -------------------------------------------------

    @staticmethod
    def _parents_case(uow: UnitOfWork, reference: str, code: str) -> ParentsCase:
        """The sent case of this reference, when the resume code is its own; else ``CaseNotFound``
        (the same answer for a wrong number and a wrong code, so it tells nothing)."""
        try:
            normalised = normalise_resume_code(code)
        except ResumeCodeInvalid:
            raise CaseNotFound(reference) from None
        case = uow.requests.parents_case(reference, normalised)
        if case is None:
            raise CaseNotFound(reference)
        return case

    def status(self, reference: str, code: str) -> CaseSummary:
        """Status of a sent request, for the parents: reference plus resume code."""
        with self._uows() as uow:
            case = self._parents_case(uow, reference, code)
            return CaseSummary(
                reference=case.reference,
                status=case.status,
                source=case.source,
                received_at=case.received_at,
                provision=case.provision,
                messages=uow.requests.messages(case.case_id),
                consents=uow.cases.consents(case.case_id),
            )

    def withdraw_consent(self, reference: str, code: str, kind: ConsentKind, now: datetime) -> bool:
        """The parents withdraw a consent (reference plus resume code). From ``now`` on, the sharing
        it covered stops. Returns whether a given consent was withdrawn (False: there was none)."""
        with self._uows() as uow:
            case = self._parents_case(uow, reference, code)
            withdrawn = uow.requests.withdraw_consent(case.case_id, kind, now)
            if withdrawn:
                append_event(
                    uow,
                    case_id=case.case_id,
                    reference=case.reference,
                    actor=PARENT_ACTOR,
                    kind=EventKind.CONSENT_WITHDRAWN,
                    now=now,
                    note=kind.value,
                    audit_action="consent.withdrawn",
                )
            uow.commit()
            return withdrawn

    def case_answers(self, reference: str) -> dict[str, Any]:
        """The stored answers and check of a case (for staff services and tests)."""
        with self._uows() as uow:
            return uow.requests.content(reference)


def finish_sending(
    uow: UnitOfWork, draft: DraftRecord, sent: tuple[SentState, str], now: datetime, note: str = ""
) -> SubmittedCase:
    """The end of sending any request, once its case is made (``RequestRepository.send_request``):
    the consents, documents and timeline event go with the case, the draft goes, all committed
    together; a sending of the same draft that got there first is answered with its case."""
    case, event = sent
    uow.requests.record_consents(case.case_id, list(draft.consents.values()))
    uow.documents.attach_to_case(draft.id, case.case_id)
    append_event(
        uow,
        case_id=case.case_id,
        reference=case.reference,
        actor=PARENT_ACTOR,
        kind=event,
        now=now,
        to_status=case.status,
        note=note,
    )
    uow.drafts.remove_sent(draft.id)
    if not uow.requests.commit_sent():
        return after_conflict(uow, draft.id)
    log.info("case %s: %s (source %s, %s)", case.reference, event, case.source, draft.request.value)
    return _sent(case, already_sent=False)


def after_conflict(uow: UnitOfWork, draft_id: str) -> SubmittedCase:
    """Another sending of the same draft won the race: answer with its case (``DraftNotFound``
    when there is none: the draft is gone and was never sent)."""
    case = uow.requests.of_draft(draft_id)
    if case is None or not case.parents_completed:
        raise DraftNotFound(draft_id)
    return _sent(case, already_sent=True)


def sent_before(uow: UnitOfWork, draft_id: str) -> SubmittedCase | None:
    """The case of a draft sent before (a double click, a reload), or None."""
    case = uow.requests.of_draft(draft_id)
    return _sent(case, already_sent=True) if case is not None and case.parents_completed else None


def _sent(case: SentState, already_sent: bool) -> SubmittedCase:
    return SubmittedCase(
        reference=case.reference,
        received_at=case.received_at,
        outcome=case.outcome,
        already_sent=already_sent,
    )


def _normalise_postcode(value: str) -> str:
    return "".join(value.split()).upper()
