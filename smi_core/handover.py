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
from smi_core.wmo.melding import LifeArea, WmoMelding

#: A need in the professional's words, per life area (as long as the resident's own form allows).
NeedText = Annotated[str, BeforeValidator(strip_text), Field(max_length=2000)]


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
    CaseStatus.CARE_ENDED: HandoverStatus.CLOSED,
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


class _WarmHandover(_Strict):
    """What every warm handover has: its urgency, the agreement of the family, and how the social
    team reaches the professional for the warm contact."""

    urgent: StrictBool = False
    urgency_reason: LongText = ""
    parents_agreed_on: IsoDate
    parents_agreed_how: AgreementChannel
    professional_name: Name
    professional_phone: ShortText = ""
    professional_email: ShortText = ""
    availability: LongText = ""

    @model_validator(mode="after")
    def _reachable(self) -> _WarmHandover:
        if self.urgent and not self.urgency_reason:
            raise ValueError("urgency_reason: say why the handover is urgent")
        if not (self.professional_phone or self.professional_email):
            raise ValueError("professional_phone: give a phone number or e-mail address for the warm contact")
        return self


class Handover(_WarmHandover):
    """What a professional hands over; the organisation comes from the account."""

    parents: list[HandoverParent] = Field(min_length=1, max_length=2)
    postcode: Postcode
    children: list[HandoverChild] = Field(min_length=1, max_length=12)
    help_request: Annotated[str, BeforeValidator(strip_text), Field(min_length=1, max_length=3000)]

    @model_validator(mode="after")
    def _complete(self) -> Handover:
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


class WmoHandover(_WarmHandover):
    """A professional hands over an adult who asks for Wmo support, with their agreement: the
    melding is made on their behalf (``asked_by`` is the professional, of the organisation of the
    account), and the social team contacts the resident."""

    name: Name
    date_of_birth: IsoDate
    postcode: Postcode
    registered_in_municipality: StrictBool
    phone: ShortText = ""
    email: ShortText = ""
    needs: dict[LifeArea, NeedText] = Field(min_length=1)
    network: NeedText = ""

    @model_validator(mode="after")
    def _resident(self) -> WmoHandover:
        if not (self.phone or self.email):
            raise ValueError("phone: give a phone number or e-mail address of the resident")
        if not any(self.needs.values()):
            raise ValueError("needs: say where the resident needs help")
        return self

    def agreed_in_future(self, today: date) -> bool:
        return self.parents_agreed_on > today

    def melding(self, organisation: str) -> WmoMelding:
        """The melding the social team receives."""
        return WmoMelding(
            name=self.name,
            phone=self.phone,
            email=self.email,
            asked_by=self.professional_name,
            asked_by_relation=organisation,
            date_of_birth=self.date_of_birth,
            postcode=self.postcode,
            registered_in_municipality=self.registered_in_municipality,
            needs={area: text for area, text in self.needs.items() if text},
            network=self.network,
        )

    def contact(self, organisation: str) -> dict[str, object]:
        """The professional's part, kept beside the melding for the warm contact."""
        fields = (
            "urgent",
            "urgency_reason",
            "parents_agreed_on",
            "parents_agreed_how",
            "professional_name",
            "professional_phone",
            "professional_email",
            "availability",
        )
        return {**self.model_dump(mode="json", include=set(fields)), "organisation": organisation}
