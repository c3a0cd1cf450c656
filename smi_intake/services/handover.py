"""The warm handover: an agency hands a family over; the parents complete the intake themselves."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

from smi_core import MunicipalityConfig
from smi_core.access import Permission, may
from smi_core.accounts import Account
from smi_core.case.route import Provision
from smi_core.cases import CaseSource, CaseStatus
from smi_core.errors import NotAllowed
from smi_core.handover import Handover, HandoverSummary, WmoHandover
from smi_intake.db.timeline import append_event
from smi_intake.db.uow import UnitOfWorkFactory
from smi_intake.services.resume_codes import new_resume_code, normalise_resume_code
from smi_intake.services.wmo_cases import WmoCaseService

__all__ = ["HandoverSent", "HandoverService", "HandoverSummary"]


@dataclass(frozen=True)
class HandoverSent:
    """A handover in the queue. ``invitation_code`` is for the parents: show it once."""

    reference: str
    invitation_code: str
    invitation_expires_at: datetime


class HandoverService:
    def __init__(
        self, uows: UnitOfWorkFactory, municipality: MunicipalityConfig, wmo: WmoCaseService | None = None
    ) -> None:
        self._uows = uows
        self._municipality = municipality
        self._wmo = wmo

    def submit_wmo(
        self, account: Account, handover: WmoHandover, now: datetime, provision: Provision = Provision.WMO
    ) -> str:
        """An adult handed over for Wmo support (or, with ``provision`` ``JEUGD``, a child for youth
        care along route T): the melding made on their behalf becomes a case of source *instantie*
        in the queue, with the professional's part for the warm contact; the social team contacts
        the resident or the parents (no code goes to anyone). Returns its reference."""
        if not may(account.role, Permission.HAND_OVER):
            raise NotAllowed("only a referring agency hands over a family")
        if self._wmo is None:
            raise NotAllowed("this installation takes no Wmo meldingen")
        return self._wmo.submit_melding(
            handover.melding(account.organisation),
            [],
            "nl",
            now,
            source=CaseSource.INSTANTIE,
            organisation=account.organisation,
            created_by=account.username,
            urgent=handover.urgent,
            handover=handover.contact(account.organisation),
            provision=provision,
        ).reference

    def submit(self, account: Account, handover: Handover, now: datetime) -> HandoverSent:
        """Create a case from source *instantie* and a prefilled intake for the parents."""
        if not may(account.role, Permission.HAND_OVER):
            raise NotAllowed("only a referring agency hands over a family")
        code = new_resume_code()
        expires_at = now + timedelta(days=self._municipality.draft_retention_days)
        with self._uows() as uow:
            case_id, reference = uow.handovers.add(
                handover,
                organisation=account.organisation,
                created_by=account.username,
                code=normalise_resume_code(code),
                draft_id=uuid.uuid4().hex,
                expires_at=expires_at,
                now=now,
            )
            append_event(
                uow,
                case_id=case_id,
                reference=reference,
                actor=account.username,
                kind="handover_received",
                now=now,
                to_status=CaseStatus.NEW.value,
                audit_action="case.handover",
                audit_detail=account.organisation,
            )
            uow.commit()
            return HandoverSent(reference=reference, invitation_code=code, invitation_expires_at=expires_at)

    def handovers_of(self, account: Account) -> list[HandoverSummary]:
        """The handovers of the account's own organisation, newest first; status only."""
        if not may(account.role, Permission.HAND_OVER):
            raise NotAllowed("only a referring agency sees its handovers")
        with self._uows() as uow:
            return uow.handovers.of_organisation(account.organisation)

    def case_content(self, reference: str) -> dict[str, object]:
        """The stored content of a case (handover and/or intake), for staff services and tests."""
        with self._uows() as uow:
            return dict(uow.requests.content(reference))
