"""Drafts and their documents as stored: answers sealed, resume codes only as a keyed hash,
file names and contents encrypted. The only code that reads or writes these rows."""

from __future__ import annotations

import hashlib
from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from smi_core.cases import ConsentRecord, DocumentInfo, DraftRecord
from smi_core.front_door import RequestKind
from smi_core.intake import IntakeDraft
from smi_intake.crypto import Cipher
from smi_intake.db.models import DocumentRow, DraftRow


class DraftRepository:
    """The unsent drafts: saved, found by id or by resume code, deleted."""

    def __init__(self, session: Session, cipher: Cipher) -> None:
        self._session = session
        self._cipher = cipher

    def _record(self, row: DraftRow) -> DraftRecord:
        payload = self._cipher.open_json(row.payload)
        request = RequestKind(payload.get("request", RequestKind.SMI.value))
        smi = request is RequestKind.SMI
        return DraftRecord(
            id=row.id,
            step=row.step,
            request=request,
            intake=IntakeDraft.of(payload.get("answers", {}) if smi else {}),
            other_answers={} if smi else payload.get("answers", {}),
            consents={
                kind: ConsentRecord.model_validate(value)
                for kind, value in payload.get("consents", {}).items()
            },
            locale=row.locale,
            created_at=row.created_at,
            updated_at=row.updated_at,
            expires_at=row.expires_at,
            has_resume_code=row.resume_hash is not None,
        )

    def get(self, draft_id: str) -> DraftRecord | None:
        row = self._session.get(DraftRow, draft_id)
        return None if row is None else self._record(row)

    def by_resume_code(self, code: str) -> DraftRecord | None:
        """The draft whose resume code is ``code`` (normalised), if any."""
        digest = self._cipher.lookup_hash(code)
        row = self._session.scalars(select(DraftRow).where(DraftRow.resume_hash == digest)).one_or_none()
        return None if row is None else self._record(row)

    def save(self, draft: DraftRecord, resume_code: str | None = None) -> None:
        """Store ``draft`` (new or changed), its answers and consents sealed; ``resume_code``
        (normalised) is kept as a keyed hash, for a draft that has none yet."""
        row = self._session.get(DraftRow, draft.id)
        if row is None:
            row = DraftRow(id=draft.id, created_at=draft.created_at)
            self._session.add(row)
        row.step, row.locale = draft.step, draft.locale
        row.payload = self._cipher.seal_json(
            {
                "request": draft.request.value,
                "answers": draft.answers,
                "consents": {k: v.model_dump(mode="json") for k, v in draft.consents.items()},
            }
        )
        row.updated_at, row.expires_at = draft.updated_at, draft.expires_at
        if resume_code is not None and row.resume_hash is None:
            row.resume_hash = self._cipher.lookup_hash(resume_code)

    def expired(self, now: datetime) -> list[str]:
        """The ids of the drafts past their expiry."""
        return list(self._session.scalars(select(DraftRow.id).where(DraftRow.expires_at <= now)))

    def delete(self, draft_id: str) -> None:
        """Delete a draft with its documents that belong to no case."""
        self._session.execute(
            delete(DocumentRow).where(DocumentRow.draft_id == draft_id, DocumentRow.case_id.is_(None))
        )
        self._session.execute(delete(DraftRow).where(DraftRow.id == draft_id))

    def remove_sent(self, draft_id: str) -> None:
        """Remove the draft that was just sent (a second removal of it fails the transaction)."""
        row = self._session.get(DraftRow, draft_id)
        if row is not None:
            self._session.delete(row)


class DocumentRepository:
    """Uploaded documents: name and content encrypted, the checksum and size in the clear."""

    def __init__(self, session: Session, cipher: Cipher) -> None:
        self._session = session
        self._cipher = cipher

    def _info(self, row: DocumentRow) -> DocumentInfo:
        return DocumentInfo(
            id=row.id,
            kind=row.kind,
            filename=self._cipher.decrypt(row.filename).decode(),
            media_type=row.media_type,
            size=row.size,
            uploaded_at=row.uploaded_at,
        )

    def add(
        self, draft_id: str, kind: str, filename: str, data: bytes, media_type: str, now: datetime
    ) -> DocumentInfo:
        row = DocumentRow(
            draft_id=draft_id,
            kind=kind,
            filename=self._cipher.encrypt(filename.encode()),
            media_type=media_type,
            size=len(data),
            sha256=hashlib.sha256(data).hexdigest(),
            content=self._cipher.encrypt(data),
            uploaded_at=now,
        )
        self._session.add(row)
        self._session.flush()
        return self._info(row)

    def of_draft(self, draft_id: str) -> list[DocumentInfo]:
        rows = self._session.scalars(
            select(DocumentRow).where(DocumentRow.draft_id == draft_id).order_by(DocumentRow.id)
        )
        return [self._info(row) for row in rows]

    def remove(self, draft_id: str, document_id: int) -> None:
        """Remove a document of a draft (never one that already belongs to a case)."""
        self._session.execute(
            delete(DocumentRow).where(
                DocumentRow.id == document_id,
                DocumentRow.draft_id == draft_id,
                DocumentRow.case_id.is_(None),
            )
        )

    def attach_to_case(self, draft_id: str, case_id: int) -> None:
        """The draft's documents now belong to its case."""
        for row in self._session.scalars(select(DocumentRow).where(DocumentRow.draft_id == draft_id)):
            row.case_id = case_id
            row.draft_id = None
