"""A case as WIJzer sees it: everything entered, the consents, the check, the documents and the
timeline. Every read of a case or a document is logged (who, when, what), never its content."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select

from smi_core.cases import CaseSource, CaseStatus, ConsentKind
from smi_intake.crypto import Cipher
from smi_intake.db.models import CaseEventRow, CaseRow, ConsentRow, DocumentRow, audit
from smi_intake.db.uow import UnitOfWork, UnitOfWorkFactory
from smi_intake.services.accounts import Account
from smi_intake.services.queue import CASE_WORKERS, CaseNotFoundError, NotAllowed


@dataclass(frozen=True)
class ConsentEntry:
    kind: ConsentKind
    given: bool
    text_version: str
    recorded_at: datetime
    withdrawn_at: datetime | None


@dataclass(frozen=True)
class DocumentEntry:
    id: int
    kind: str
    filename: str
    media_type: str
    size: int
    uploaded_at: datetime


@dataclass(frozen=True)
class TimelineEntry:
    occurred_at: datetime
    actor: str
    kind: str
    from_status: str | None
    to_status: str | None
    note: str


@dataclass(frozen=True)
class CaseView:
    reference: str
    source: CaseSource
    status: CaseStatus
    urgent: bool
    owner: str | None
    received_at: datetime
    version: int
    content: dict[str, Any]
    consents: list[ConsentEntry]
    documents: list[DocumentEntry]
    timeline: list[TimelineEntry]


class CaseService:
    def __init__(self, uows: UnitOfWorkFactory, cipher: Cipher) -> None:
        self._uows = uows
        self._cipher = cipher

    @staticmethod
    def _check(worker: Account) -> None:
        if worker.role not in CASE_WORKERS:
            raise NotAllowed("only WIJzer workers and the coordinator read cases")

    @staticmethod
    def _case(uow: UnitOfWork, reference: str) -> CaseRow:
        case = uow.session.scalars(select(CaseRow).where(CaseRow.reference == reference)).one_or_none()
        if case is None:
            raise CaseNotFoundError(reference)
        return case

    @staticmethod
    def _log(
        uow: UnitOfWork, worker: Account, action: str, reference: str, now: datetime, detail: str = ""
    ) -> None:
        uow.session.add(audit(worker.username, action, "case", reference, now, detail=detail))

    def view(self, reference: str, worker: Account, now: datetime) -> CaseView:
        """The whole case, decrypted for a case worker; the read is logged."""
        self._check(worker)
        with self._uows() as uow:
            case = self._case(uow, reference)
            consents = [
                ConsentEntry(ConsentKind(c.kind), c.given, c.text_version, c.recorded_at, c.withdrawn_at)
                for c in uow.session.scalars(
                    select(ConsentRow).where(ConsentRow.case_id == case.id).order_by(ConsentRow.id)
                )
            ]
            documents = [
                DocumentEntry(
                    d.id,
                    d.kind,
                    self._cipher.decrypt(d.filename).decode(),
                    d.media_type,
                    d.size,
                    d.uploaded_at,
                )
                for d in uow.session.scalars(
                    select(DocumentRow).where(DocumentRow.case_id == case.id).order_by(DocumentRow.id)
                )
            ]
            timeline = [
                TimelineEntry(e.occurred_at, e.actor, e.kind, e.from_status, e.to_status, e.note)
                for e in uow.session.scalars(
                    select(CaseEventRow).where(CaseEventRow.case_id == case.id).order_by(CaseEventRow.id)
                )
            ]
            view = CaseView(
                reference=reference,
                source=CaseSource(case.source),
                status=CaseStatus(case.status),
                urgent=case.urgent,
                owner=case.owner,
                received_at=case.received_at,
                version=case.version,
                content=self._cipher.open_json(case.payload),
                consents=consents,
                documents=documents,
                timeline=timeline,
            )
            self._log(uow, worker, "case.viewed", reference, now)
            uow.commit()
            return view

    def document(
        self, reference: str, document_id: int, worker: Account, now: datetime
    ) -> tuple[str, str, bytes]:
        """A document's name, type and content, decrypted for a case worker; the read is logged."""
        self._check(worker)
        with self._uows() as uow:
            case = self._case(uow, reference)
            row = uow.session.scalars(
                select(DocumentRow).where(DocumentRow.id == document_id, DocumentRow.case_id == case.id)
            ).one_or_none()
            if row is None:
                raise CaseNotFoundError(f"{reference}/{document_id}")
            result = (
                self._cipher.decrypt(row.filename).decode(),
                row.media_type,
                self._cipher.decrypt(row.content),
            )
            self._log(uow, worker, "document.viewed", reference, now, detail=str(document_id))
            uow.commit()
            return result
