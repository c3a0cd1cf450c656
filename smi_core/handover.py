"""The warm handover (warme overdracht) of a family by a referring agency to the social team."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from typing import Annotated

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StrictBool,
    model_validator,
)

from smi_core.cases import CaseStatus
from smi_core.constants import N_
from smi_core.intake import IntakeDraft, IsoDate, LongText, Name, Postcode, ShortText, strip_text


class AgreementChannel(StrEnum):
    """How the parents agreed to the handover."""

    IN_PERSON = "in_person"
    PHONE = "phone"
    IN_WRITING = "in_writing"


AGREEMENT_LABELS = {
    AgreementChannel.IN_PERSON: N_("in person"),
    AgreementChannel.PHONE: N_("by phone"),
    AgreementChannel.IN_WRITING: N_("in writing"),
}


class HandoverStatus(StrEnum):
    """What an agency sees of a handover: never the social team's assessment."""

    RECEIVED = "received"
    IN_PROGRESS = "in_progress"
    CLOSED = "closed"


HANDOVER_STATUS_LABELS = {
    HandoverStatus.RECEIVED: N_("received"),
    HandoverStatus.IN_PROGRESS: N_("in progress"),
    HandoverStatus.CLOSED: N_("closed"),
}


@dataclass(frozen=True)
class HandoverSummary:
    """A handover as its agency sees it: the status only, never the social team's assessment."""

    reference: str
    received_at: datetime
    status: HandoverStatus
    urgent: bool
    parents_completed: bool
    created_by: str


def agency_status(status: CaseStatus) -> HandoverStatus:
    """What an agency may see of a case's status: never the social team's assessment."""
    return _AGENCY_STATUS.get(status, HandoverStatus.IN_PROGRESS)


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


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class HandoverParent(_Strict):
    name: Name
    phone: ShortText = ""
    email: ShortText = ""


class HandoverChild(_Strict):
    first_name: Name
    date_of_birth: IsoDate


class Handover(_Strict):
    """What a professional hands over; the organisation comes from the account."""

    parents: list[HandoverParent] = Field(min_length=1, max_length=2)
    postcode: Postcode
    children: list[HandoverChild] = Field(min_length=1, max_length=12)
    help_request: Annotated[str, BeforeValidator(strip_text), Field(min_length=1, max_length=3000)]
    urgent: StrictBool = False
    urgency_reason: LongText = ""
    parents_agreed_on: IsoDate
    parents_agreed_how: AgreementChannel
    professional_name: Name
    professional_phone: ShortText = ""
    professional_email: ShortText = ""
    availability: LongText = ""

    @model_validator(mode="after")
    def _complete(self) -> Handover:
        if self.urgent and not self.urgency_reason:
            raise ValueError("urgency_reason: say why the handover is urgent")
        if not (self.professional_phone or self.professional_email):
            raise ValueError("professional_phone: give a phone number or e-mail address for the warm contact")
        if not any(p.phone or p.email for p in self.parents):
            raise ValueError("parents: give a phone number or e-mail address of a parent")
        return self

    def agreed_in_future(self, today: date) -> bool:
        return self.parents_agreed_on > today

    def intake_draft(self) -> IntakeDraft:
        """What the parents' intake starts with."""
        return IntakeDraft.of(
            {
                "postcode": self.postcode,
                "parents": [{"name": p.name, "phone": p.phone, "email": p.email} for p in self.parents],
                "children": [
                    {"first_name": c.first_name, "date_of_birth": c.date_of_birth.isoformat()}
                    for c in self.children
                ],
                "explanation": self.help_request,
            }
        )
