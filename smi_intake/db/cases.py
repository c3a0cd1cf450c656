"""The case repository: the only code that touches the case's rows (the case, its timeline, its
consents and its indication) and seals or opens them with the cipher.

It loads a case as the core's ``Case`` aggregate and saves what the case's actions recorded:
one conditional UPDATE on the version the case was loaded at (of two concurrent changes exactly
one wins; the other gets ``ConcurrentEdit`` and nothing is written), the new events sealed with
their audit rows (``append_event``), new consent rows and the indication row.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import select, update

from smi_core import EligibilityResult, IntakeAnswers
from smi_core.case import (
    Case,
    CaseEvent,
    IndicationChange,
    IndicationState,
    event_from_stored,
    stored_payload,
)
from smi_core.case.events import EventKind
from smi_core.case.route import Provision
from smi_core.cases import CaseSource, CaseStatus, ConsentRecord, DocumentInfo
from smi_core.errors import CaseAlreadyClaimed, CaseNotFound, ConcurrentEdit
from smi_core.municipality import MunicipalityConfig
from smi_core.placement import Indication
from smi_intake.db.models import (
    AccountRow,
    CaseEventRow,
    CaseRow,
    ConsentRow,
    DocumentRow,
    IndicationRow,
    ProviderLocationRow,
    ProviderRow,
    audit,
)
from smi_intake.db.rows import consent_from_row, consent_row, read_indication, stored_answers, stored_check
from smi_intake.db.timeline import append_event

if TYPE_CHECKING:
    from smi_intake.crypto import Cipher
    from smi_intake.db.uow import UnitOfWork


#: A document of the case without its content.
DocumentEntry = DocumentInfo


@dataclass(frozen=True)
class CaseFile:
    """A case with what the case page shows beside it: how it came in, its content, its documents."""

    case: Case
    source: CaseSource
    urgent: bool
    received_at: datetime
    content: dict[str, Any]
    documents: list[DocumentEntry]
    answers: IntakeAnswers | None = None
    """The parents' answers, typed (None before the parents completed the request)."""
    check: EligibilityResult | None = None
    """The eligibility result stored when the request was sent."""


def case_consents(uow: UnitOfWork, case_id: int, lock: bool = False) -> list[ConsentRecord]:
    """Every consent recorded for the case, oldest first; ``lock`` keeps a withdrawal from
    committing in between until this transaction ends (PostgreSQL; SQLite writes one at a time)."""
    query = select(ConsentRow).where(ConsentRow.case_id == case_id)
    if lock:
        query = query.with_for_update()
    rows = uow.session.scalars(query.order_by(ConsentRow.recorded_at, ConsentRow.id))
    return [consent_from_row(row) for row in rows]


def indication_columns(
    indication: Indication, municipality: MunicipalityConfig, cipher: Cipher, now: datetime
) -> dict[str, Any]:
    """The column values of ``indication`` with the review calendar of ``municipality`` (e.g. to
    write an indication row directly in a test or an import)."""
    state = IndicationState(indication, indication.timeline(municipality), None, None)
    return indication_row_columns(state, cipher, now)


def indication_row_columns(state: IndicationState, cipher: Cipher, now: datetime) -> dict[str, Any]:
    """The column values of an indication with its review calendar (everything but ``case_id``,
    ``reference``, ``ended_on`` and ``contact_done_on``)."""
    indication, timeline = state.indication, state.timeline
    contact = next(m.due for m in timeline.moments if m.kind == "contact")
    earliest_child_day = min(timeline.child_last_days.values(), default=timeline.last_day)
    return {
        "location_id": indication.location_id,
        "care_type": indication.care_type.value,
        "start": indication.start,
        "period_months": indication.period_months,
        "extensions": indication.extensions,
        "contact_due": contact,
        "last_day": timeline.last_day,
        "hard_stop": timeline.hard_stop,
        "age_limit_day": earliest_child_day if earliest_child_day < timeline.last_day else None,
        "children": len(indication.children),
        "dagdelen_per_week": indication.dagdelen_per_week,
        "payload": cipher.seal_json(indication.model_dump(mode="json")),
        "updated_at": now,
    }


class CaseRepository:
    """Cases as aggregates, in one unit of work."""

    def __init__(self, uow: UnitOfWork) -> None:
        self._uow = uow
        self._session = uow.session
        self._cipher = uow.cipher
        self._ids: dict[str, int] = {}
        self._indications: dict[str, IndicationRow] = {}

    # -- loading --------------------------------------------------------------------------------

    def consents(self, case_id: int) -> list[ConsentRecord]:
        """Every consent recorded for the case, oldest first (no lock: for reading)."""
        return case_consents(self._uow, case_id)

    def get(self, reference: str, municipality: MunicipalityConfig, for_sharing: bool = False) -> Case:
        """The case ``reference`` with its timeline, consents and indication; ``CaseNotFound`` if none.

        ``for_sharing`` (for an action that shares data) locks its consents (``FOR UPDATE``), so
        that a withdrawal cannot commit between the consent check and the sharing itself. Other
        changes do not lock them: two changes of the case then meet only at the version check."""
        row = self._session.execute(
            select(CaseRow.id, CaseRow.provision, CaseRow.status, CaseRow.owner, CaseRow.version).where(
                CaseRow.reference == reference
            )
        ).one_or_none()
        if row is None:
            raise CaseNotFound(reference)
        return self._case(
            reference,
            row.id,
            Provision(row.provision),
            CaseStatus(row.status),
            row.owner,
            row.version,
            municipality,
            for_sharing,
        )

    def _case(
        self,
        reference: str,
        case_id: int,
        provision: Provision,
        status: CaseStatus,
        owner: str | None,
        version: int,
        municipality: MunicipalityConfig,
        for_sharing: bool,
        kinds: frozenset[EventKind] | None = None,
    ) -> Case:
        self._ids[reference] = case_id
        return Case(
            reference=reference,
            provision=provision,
            status=status,
            owner=owner,
            version=version,
            events=self._events(case_id, kinds),
            consents=case_consents(self._uow, case_id, lock=for_sharing),
            indication=self._indication(reference, case_id, municipality),
        )

    def _events(self, case_id: int, kinds: frozenset[EventKind] | None = None) -> list[CaseEvent]:
        query = select(CaseEventRow).where(CaseEventRow.case_id == case_id)
        if kinds is not None:
            query = query.where(CaseEventRow.kind.in_([k.value for k in kinds]))
        return [
            event_from_stored(
                e.kind,
                e.occurred_at,
                e.actor,
                e.from_status,
                e.to_status,
                e.note,
                self._cipher.open_json(e.payload) if e.payload else None,
            )
            for e in self._session.scalars(query.order_by(CaseEventRow.id))
        ]

    def _indication(
        self, reference: str, case_id: int, municipality: MunicipalityConfig
    ) -> IndicationState | None:
        row = self._session.scalars(
            select(IndicationRow).where(IndicationRow.case_id == case_id)
        ).one_or_none()
        if row is None:
            return None
        self._indications[reference] = row
        indication = read_indication(row, self._cipher)
        return IndicationState(
            indication, indication.timeline(municipality), row.contact_done_on, row.ended_on
        )

    def case_file(self, reference: str, municipality: MunicipalityConfig) -> CaseFile:
        """The case with its content and documents, decrypted, for the case page."""
        row = self._session.scalars(select(CaseRow).where(CaseRow.reference == reference)).one_or_none()
        if row is None:
            raise CaseNotFound(reference)
        documents = [
            DocumentInfo(
                id=d.id,
                kind=d.kind,
                filename=self._cipher.decrypt(d.filename).decode(),
                media_type=d.media_type,
                size=d.size,
                uploaded_at=d.uploaded_at,
            )
            for d in self._session.scalars(
                select(DocumentRow).where(DocumentRow.case_id == row.id).order_by(DocumentRow.id)
            )
        ]
        case = self._case(
            reference,
            row.id,
            Provision(row.provision),
            CaseStatus(row.status),
            row.owner,
            row.version,
            municipality,
            for_sharing=False,
        )
        content = self._cipher.open_json(row.payload)
        return CaseFile(
            case=case,
            source=CaseSource(row.source),
            urgent=row.urgent,
            received_at=row.received_at,
            content=content,
            documents=documents,
            answers=stored_answers(content, row.received_at.date()),
            check=stored_check(content),
        )

    def saved_form_events(self, reference: str) -> list[CaseEvent]:
        """Only the indication form's saved versions of the case, oldest first."""
        case_id = self._session.scalar(select(CaseRow.id).where(CaseRow.reference == reference))
        if case_id is None:
            raise CaseNotFound(reference)
        return self._events(case_id, frozenset({EventKind.FORM}))

    def document(self, reference: str, document_id: int) -> tuple[str, str, bytes] | None:
        """A document's name, type and content, decrypted; None when the case has no such document."""
        case_id = self._session.scalar(select(CaseRow.id).where(CaseRow.reference == reference))
        if case_id is None:
            raise CaseNotFound(reference)
        row = self._session.scalars(
            select(DocumentRow).where(DocumentRow.id == document_id, DocumentRow.case_id == case_id)
        ).one_or_none()
        if row is None:
            return None
        return self._cipher.decrypt(row.filename).decode(), row.media_type, self._cipher.decrypt(row.content)

    def location_names(self, location_id: int) -> tuple[str, str] | None:
        """The provider's and the location's name of an active location in the register."""
        found = self._session.execute(
            select(ProviderRow.name, ProviderLocationRow.name)
            .join(ProviderRow, ProviderRow.id == ProviderLocationRow.provider_id)
            .where(ProviderLocationRow.id == location_id, ProviderLocationRow.active.is_(True))
        ).one_or_none()
        return None if found is None else (str(found[0]), str(found[1]))

    # -- saving ---------------------------------------------------------------------------------

    def save(self, case: Case) -> None:
        """Store what the case's actions recorded since it was loaded, on the version it was loaded at.

        ``ConcurrentEdit`` (and the transaction rolled back) when the case changed in between."""
        case_id = self._ids[case.reference]
        if case.changes_version:
            values: dict[str, Any] = {"status": case.status.value, "version": CaseRow.version + 1}
            if case.owner_changed:
                values["owner"] = case.owner
            changed = self._session.execute(
                update(CaseRow)
                .where(CaseRow.id == case_id, CaseRow.version == case.version)
                .values(**values)
                .execution_options(synchronize_session=False)
            )
            if changed.rowcount != 1:  # type: ignore[attr-defined]
                self._session.rollback()
                if case.owner_changed and case.taken_from is None:  # a take lost to another taker
                    owner = self._session.scalar(select(CaseRow.owner).where(CaseRow.id == case_id))
                    raise CaseAlreadyClaimed(case.reference, owner or "?")
                raise ConcurrentEdit(case.reference)
        self._session.add_all(consent_row(case_id, consent) for consent in case.new_consents)
        self._save_indication(case, case_id)
        for event in case.new_events:
            append_event(
                self._uow,
                case_id=case_id,
                reference=case.reference,
                actor=event.actor,
                kind=event.kind.value,
                now=event.occurred_at,
                from_status=event.from_status,
                to_status=event.to_status,
                note=event.note,
                payload=stored_payload(event),
            )
        case.events.extend(case.new_events)
        case.new_events.clear()
        case.new_consents.clear()
        case.indication_change = None
        if case.changes_version:
            case.version += 1
            case.changes_version = False
        case.owner_changed, case.taken_from = False, None

    def _save_indication(self, case: Case, case_id: int) -> None:
        change, state = case.indication_change, case.indication
        if change is None or state is None:
            return
        now = case.new_events[-1].occurred_at  # the moment of the action that changed it
        if change is IndicationChange.PLACED:
            row = IndicationRow(
                case_id=case_id,
                reference=case.reference,
                **indication_row_columns(state, self._cipher, now),
            )
            self._session.add(row)
            self._indications[case.reference] = row
            return
        row = self._indications[case.reference]
        if change is IndicationChange.EXTENDED:
            for name, value in indication_row_columns(state, self._cipher, now).items():
                setattr(row, name, value)
        elif change is IndicationChange.REVIEWED:
            row.contact_done_on = state.contact_done_on
        elif change is IndicationChange.ENDED:
            row.ended_on = state.ended_on
        row.updated_at = now

    # -- who a case may be handed to ------------------------------------------------------------

    def active_role(self, username: str) -> str | None:
        """The role of an active account (who a case may be handed to), None if there is none."""
        return self._session.scalar(
            select(AccountRow.role).where(AccountRow.username == username, AccountRow.active)
        )

    # -- reading is logged ----------------------------------------------------------------------

    def log_read(self, actor: str, action: str, reference: str, now: datetime, detail: str = "") -> None:
        """An audit record of a read (who read what, when; never the content)."""
        self._session.add(audit(actor, action, "case", reference, now, detail=detail))


__all__ = [
    "CaseFile",
    "CaseRepository",
    "DocumentEntry",
    "case_consents",
    "indication_columns",
    "indication_row_columns",
]
