"""The warm handover: an agency hands a family over; the parents complete the intake themselves."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select

from smi_core import MunicipalityConfig
from smi_core.access import Permission, may
from smi_core.cases import CaseSource, CaseStatus
from smi_core.errors import NotAllowed
from smi_core.handover import Handover, HandoverStatus
from smi_intake.crypto import Cipher
from smi_intake.db.models import CaseRow, DraftRow
from smi_intake.db.timeline import append_event
from smi_intake.db.uow import UnitOfWorkFactory
from smi_intake.services.accounts import Account
from smi_intake.services.resume_codes import new_resume_code, normalise_resume_code

#: What an agency may see of a case's status: never the social team's assessment.
_AGENCY_STATUS = {
    CaseStatus.NEW: HandoverStatus.RECEIVED,
    CaseStatus.IN_TRIAGE: HandoverStatus.RECEIVED,
    CaseStatus.GRANTED: HandoverStatus.CLOSED,
    CaseStatus.REFUSED: HandoverStatus.CLOSED,
    CaseStatus.OTHER_ROUTE: HandoverStatus.CLOSED,
    CaseStatus.WITHDRAWN: HandoverStatus.CLOSED,
    CaseStatus.CLOSED: HandoverStatus.CLOSED,
    CaseStatus.ENDED: HandoverStatus.CLOSED,
}


@dataclass(frozen=True)
class HandoverSent:
    """A handover in the queue. ``invitation_code`` is for the parents: show it once."""

    reference: str
    invitation_code: str
    invitation_expires_at: datetime


@dataclass(frozen=True)
class HandoverSummary:
    reference: str
    received_at: datetime
    status: HandoverStatus
    urgent: bool
    parents_completed: bool
    created_by: str


class HandoverService:
    def __init__(self, uows: UnitOfWorkFactory, cipher: Cipher, municipality: MunicipalityConfig) -> None:
        self._uows = uows
        self._cipher = cipher
        self._municipality = municipality

    def submit(self, account: Account, handover: Handover, now: datetime) -> HandoverSent:
        """Create a case from source *instantie* and a prefilled intake for the parents."""
        if not may(account.role, Permission.HAND_OVER):
            raise NotAllowed("only a referring agency hands over a family")
        code = new_resume_code()
        code_hash = self._cipher.lookup_hash(normalise_resume_code(code))
        expires_at = now + timedelta(days=self._municipality.draft_retention_days)
        draft_id = uuid.uuid4().hex
        with self._uows() as uow:
            case = CaseRow(
                source=CaseSource.INSTANTIE.value,
                status=CaseStatus.NEW.value,
                outcome="",
                urgent=handover.urgent,
                owner=None,
                received_at=now,
                locale="nl",
                resume_hash=code_hash,
                draft_id=draft_id,
                organisation=account.organisation,
                created_by=account.username,
                parents_completed=False,
                payload=self._cipher.seal_json(
                    {"handover": {**handover.model_dump(mode="json"), "organisation": account.organisation}}
                ),
            )
            uow.session.add(case)
            uow.session.flush()
            case.reference = f"SMI-{now.year}-{case.id:06d}"
            uow.session.add(
                DraftRow(
                    id=draft_id,
                    resume_hash=code_hash,
                    step="gezin",
                    locale="nl",
                    payload=self._cipher.seal_json({"answers": handover.intake_answers(), "consents": {}}),
                    created_at=now,
                    updated_at=now,
                    expires_at=expires_at,
                    case_id=case.id,
                )
            )
            append_event(
                uow,
                case_id=case.id,
                reference=case.reference,
                actor=account.username,
                kind="handover_received",
                now=now,
                to_status=CaseStatus.NEW.value,
                audit_action="case.handover",
                audit_detail=account.organisation,
            )
            uow.commit()
            return HandoverSent(
                reference=case.reference, invitation_code=code, invitation_expires_at=expires_at
            )

    def handovers_of(self, account: Account) -> list[HandoverSummary]:
        """The handovers of the account's own organisation, newest first; status only."""
        if not may(account.role, Permission.HAND_OVER):
            raise NotAllowed("only a referring agency sees its handovers")
        with self._uows() as uow:
            rows = uow.session.scalars(
                select(CaseRow)
                .where(
                    CaseRow.source == CaseSource.INSTANTIE.value, CaseRow.organisation == account.organisation
                )
                .order_by(CaseRow.received_at.desc(), CaseRow.id.desc())
            )
            return [
                HandoverSummary(
                    reference=row.reference or "",
                    received_at=row.received_at,
                    status=_AGENCY_STATUS.get(CaseStatus(row.status), HandoverStatus.IN_PROGRESS),
                    urgent=row.urgent,
                    parents_completed=row.parents_completed,
                    created_by=row.created_by,
                )
                for row in rows
            ]

    def case_content(self, reference: str) -> dict[str, object]:
        """The stored content of a case (handover and/or intake), for staff services and tests."""
        with self._uows() as uow:
            row = uow.session.scalars(select(CaseRow).where(CaseRow.reference == reference)).one()
            return self._cipher.open_json(row.payload)
