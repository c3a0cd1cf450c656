"""A case as WIJzer sees it: everything entered, the consents, the check, the documents and the
timeline. Every read of a case or a document is logged (who, when, what), never its content."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any

from sqlalchemy import select

from smi_core import IntakeAnswers, MunicipalityConfig, default_municipality
from smi_core.access import Permission, may
from smi_core.cases import CaseSource, CaseStatus, ConsentRecord
from smi_core.casework import (
    ConversationPlan,
    ConversationRecord,
    IndicationForm,
    OtherRoute,
    TeamDecision,
    draft_indication_form,
    family_name_of,
)
from smi_core.errors import CaseNotFound, NotAllowed
from smi_intake.crypto import Cipher
from smi_intake.db.models import CaseEventRow, CaseRow, DocumentRow, EventKind, audit
from smi_intake.db.uow import UnitOfWork, UnitOfWorkFactory
from smi_intake.indication_pdf import indication_form_pdf
from smi_intake.services.accounts import Account
from smi_intake.services.consents import case_consents
from smi_intake.services.placement import PlacementRecords, indication_state, placement_records

#: Timeline kinds whose payload is a record, and the record's model.
RECORD_KINDS: dict[str, type[Any]] = {
    EventKind.PLAN: ConversationPlan,
    EventKind.CONVERSATION: ConversationRecord,
    EventKind.OTHER_ROUTE: OtherRoute,
    EventKind.DECISION: TeamDecision,
    EventKind.FORM: IndicationForm,
}
#: Timeline kinds whose payload is a text shown on the timeline.
TEXT_KINDS = frozenset({EventKind.NOTE, EventKind.MESSAGE})


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
    text: str = ""
    """A note's or a message's text, decrypted (records are shown in their own sections)."""


@dataclass(frozen=True)
class SavedForm:
    """One saved version of the indication form."""

    number: int
    saved_at: datetime
    saved_by: str
    form: IndicationForm


@dataclass(frozen=True)
class CaseRecords:
    """What WIJzer recorded on the case; the newest of each kind counts."""

    plan: ConversationPlan | None = None
    conversation: ConversationRecord | None = None
    other_route: OtherRoute | None = None
    decision: TeamDecision | None = None
    forms: tuple[SavedForm, ...] = ()


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
    consents: list[ConsentRecord]
    documents: list[DocumentEntry]
    timeline: list[TimelineEntry]
    records: CaseRecords = CaseRecords()
    placement: PlacementRecords = field(default_factory=PlacementRecords)

    def indication_form(self, municipality: MunicipalityConfig) -> IndicationForm:
        """The newest saved indication form, or a first version filled from the intake and the talk."""
        if self.records.forms:
            return self.records.forms[-1].form
        answers = self.content.get("answers")
        parsed = IntakeAnswers.model_validate(answers) if answers else None
        handover = self.content.get("handover", {})
        family = family_name_of(str(p.get("name", "")) for p in handover.get("parents", []))
        return draft_indication_form(
            parsed, self.records.conversation, municipality, family, str(handover.get("help_request", ""))
        )


class CaseService:
    def __init__(
        self, uows: UnitOfWorkFactory, cipher: Cipher, municipality: MunicipalityConfig | None = None
    ) -> None:
        self._uows = uows
        self._cipher = cipher
        self.municipality = municipality or default_municipality()

    @staticmethod
    def _check(worker: Account) -> None:
        if not may(worker.role, Permission.HANDLE_CASES):
            raise NotAllowed("only WIJzer workers and the coordinator read cases")

    @staticmethod
    def _case(uow: UnitOfWork, reference: str) -> CaseRow:
        case = uow.session.scalars(select(CaseRow).where(CaseRow.reference == reference)).one_or_none()
        if case is None:
            raise CaseNotFound(reference)
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
            consents = case_consents(uow, case.id)
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
            events = list(
                uow.session.scalars(
                    select(CaseEventRow).where(CaseEventRow.case_id == case.id).order_by(CaseEventRow.id)
                )
            )
            opened = self._opened(events)
            timeline, records = self._timeline(opened)
            placement = replace(
                placement_records(opened),
                indication=indication_state(uow, case.id, self._cipher, self.municipality),
            )
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
                records=records,
                placement=placement,
            )
            self._log(uow, worker, "case.viewed", reference, now)
            uow.commit()
            return view

    def _opened(self, events: Iterable[CaseEventRow]) -> list[tuple[CaseEventRow, dict[str, Any] | None]]:
        """Each timeline entry with its payload decrypted, once for every reader of the view."""
        return [(e, self._cipher.open_json(e.payload) if e.payload else None) for e in events]

    @staticmethod
    def _timeline(
        opened: list[tuple[CaseEventRow, dict[str, Any] | None]],
    ) -> tuple[list[TimelineEntry], CaseRecords]:
        """The timeline as shown, and the newest record of each kind."""
        found: dict[str, Any] = {}
        forms: list[SavedForm] = []
        timeline = []
        for e, data in opened:
            text = str(data.get("text", "")) if data and e.kind in TEXT_KINDS else ""
            timeline.append(
                TimelineEntry(e.occurred_at, e.actor, e.kind, e.from_status, e.to_status, e.note, text)
            )
            if data is None or e.kind not in RECORD_KINDS:
                continue
            record = RECORD_KINDS[e.kind].model_validate(data)
            if isinstance(record, IndicationForm):
                forms.append(SavedForm(len(forms) + 1, e.occurred_at, e.actor, record))
            else:
                found[e.kind] = record
        records = CaseRecords(
            plan=found.get(EventKind.PLAN),
            conversation=found.get(EventKind.CONVERSATION),
            other_route=found.get(EventKind.OTHER_ROUTE),
            decision=found.get(EventKind.DECISION),
            forms=tuple(forms),
        )
        return timeline, records

    def form_pdf(
        self, reference: str, number: int | None, worker: Account, locale: str, now: datetime
    ) -> bytes:
        """The indication form (the newest version, or version ``number``) as a PDF; the export is logged."""
        self._check(worker)
        with self._uows() as uow:
            case = self._case(uow, reference)
            events = uow.session.scalars(
                select(CaseEventRow)
                .where(CaseEventRow.case_id == case.id, CaseEventRow.kind == EventKind.FORM)
                .order_by(CaseEventRow.id)
            )
            saved = self._timeline(self._opened(events))[1].forms
            chosen = (
                saved[-1]
                if number is None and saved
                else next((f for f in saved if f.number == number), None)
            )
            if chosen is None:
                raise CaseNotFound(f"{reference}/form/{number}")
            pdf = indication_form_pdf(
                reference,
                chosen.form,
                chosen.number,
                chosen.saved_at,
                chosen.saved_by,
                locale,
                self.municipality,
            )
            self._log(uow, worker, "indication_form.exported", reference, now, detail=f"v{chosen.number}")
            uow.commit()
        return pdf

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
                raise CaseNotFound(f"{reference}/{document_id}")
            result = (
                self._cipher.decrypt(row.filename).decode(),
                row.media_type,
                self._cipher.decrypt(row.content),
            )
            self._log(uow, worker, "document.viewed", reference, now, detail=str(document_id))
            uow.commit()
            return result
