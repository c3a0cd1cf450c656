"""A case as WIJzer sees it: everything entered, the consents, the check, the documents and the
timeline. Every read of a case or a document is logged (who, when, what), never its content."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any

from smi_core import EligibilityResult, IntakeAnswers, MunicipalityConfig, default_municipality
from smi_core.access import Permission, may
from smi_core.case import (
    ROUTES,
    CaseAction,
    CaseRecords,
    PlacementRecords,
    Provision,
    SavedForm,
    TimelineEntry,
    allowed_actions,
    case_records,
    placement_records,
    saved_forms,
    timeline_entries,
)
from smi_core.cases import CaseSource, CaseStatus, ConsentRecord
from smi_core.casework import IndicationForm, draft_indication_form, family_name_of
from smi_core.errors import CaseNotFound, NotAllowed
from smi_intake.db.cases import DocumentEntry
from smi_intake.db.uow import UnitOfWorkFactory
from smi_intake.indication_pdf import indication_form_pdf
from smi_intake.services.accounts import Account


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
    records: CaseRecords = field(default_factory=CaseRecords)
    placement: PlacementRecords = field(default_factory=PlacementRecords)
    answers: IntakeAnswers | None = None
    """The parents' answers, typed once when the case is read (None before they completed it)."""
    check: EligibilityResult | None = None
    """The eligibility result stored when the request was sent (not computed again)."""
    provision: Provision = Provision.SMI
    route_actions: frozenset[CaseAction] = frozenset()
    """What the provision's route allows from the case's status, whoever reads it: the page's areas."""
    may_change: bool = False
    """Whether the reader may change the case (``Case.may_change``)."""
    open_actions: frozenset[CaseAction] = frozenset()
    """What the route allows the reader now (``Case.open_actions``): the areas they may edit."""
    next_actions: frozenset[CaseAction] = frozenset()
    """Of those, the ones whose earlier steps are done (``Case.next_actions``): its forms."""

    def indication_form(self, municipality: MunicipalityConfig) -> IndicationForm:
        """The newest saved indication form, or a first version filled from the intake and the talk."""
        if self.records.forms:
            return self.records.forms[-1].form
        handover = self.content.get("handover", {})
        family = family_name_of(str(p.get("name", "")) for p in handover.get("parents", []))
        return draft_indication_form(
            self.answers,
            self.records.conversation,
            municipality,
            family,
            str(handover.get("help_request", "")),
        )


class CaseService:
    """Reading a case: the view, the indication form as a PDF, a document. Every read is logged."""

    def __init__(self, uows: UnitOfWorkFactory, municipality: MunicipalityConfig | None = None) -> None:
        self._uows = uows
        self.municipality = municipality or default_municipality()

    @staticmethod
    def _check(worker: Account) -> None:
        if not may(worker.role, Permission.HANDLE_CASES):
            raise NotAllowed("only WIJzer workers and the coordinator read cases")

    def view(self, reference: str, worker: Account, now: datetime) -> CaseView:
        """The whole case, decrypted for a case worker; the read is logged."""
        self._check(worker)
        with self._uows() as uow:
            found = uow.cases.case_file(reference, self.municipality)
            case = found.case
            events = case.timeline
            view = CaseView(
                reference=reference,
                source=found.source,
                status=case.status,
                urgent=found.urgent,
                owner=case.owner,
                received_at=found.received_at,
                version=case.version,
                content=found.content,
                consents=case.consents,
                documents=found.documents,
                timeline=timeline_entries(events),
                records=case_records(events),
                placement=replace(placement_records(events), indication=case.indication),
                answers=found.answers,
                check=found.check,
                provision=case.provision,
                route_actions=frozenset(allowed_actions(case.status, ROUTES[case.provision])),
                may_change=case.may_change(worker),
                open_actions=frozenset(case.open_actions(worker)),
                next_actions=frozenset(case.next_actions(worker)),
            )
            uow.cases.log_read(worker.username, "case.viewed", reference, now)
            uow.commit()
            return view

    def form_pdf(
        self, reference: str, number: int | None, worker: Account, locale: str, now: datetime
    ) -> bytes:
        """The indication form (the newest version, or version ``number``) as a PDF; the export is logged."""
        self._check(worker)
        with self._uows() as uow:
            saved = saved_forms(uow.cases.saved_form_events(reference))
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
            uow.cases.log_read(
                worker.username, "indication_form.exported", reference, now, detail=f"v{chosen.number}"
            )
            uow.commit()
        return pdf

    def document(
        self, reference: str, document_id: int, worker: Account, now: datetime
    ) -> tuple[str, str, bytes]:
        """A document's name, type and content, decrypted for a case worker; the read is logged."""
        self._check(worker)
        with self._uows() as uow:
            result = uow.cases.document(reference, document_id)
            if result is None:
                raise CaseNotFound(f"{reference}/{document_id}")
            uow.cases.log_read(worker.username, "document.viewed", reference, now, detail=str(document_id))
            uow.commit()
            return result


__all__ = [
    "CaseRecords",
    "CaseService",
    "CaseView",
    "DocumentEntry",
    "SavedForm",
    "TimelineEntry",
]
