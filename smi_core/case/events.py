"""The case's timeline as typed events: one payload model per kind, one union (the kinds are in
``kinds``, the events of route T in ``wmo_events``).

Every entry of the append-only timeline has a ``kind`` (the values are stored and never change),
who and when, the status change if any, a ``note`` that may be read without a need to know, and
a payload (stored encrypted) whose model the kind decides. ``CaseEvent`` is the discriminated
union; ``event_from_stored`` reads a stored entry (its columns and its decrypted payload) into it.
The payload models keep exactly the JSON shapes stored today.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter

from smi_core.case.coalition_events import (
    CakReported,
    CoalitionContacted,
    EndingPlanSent,
    PassedToCoalition,
    PlanOfApproachSent,
)
from smi_core.case.event_base import BaseEvent
from smi_core.case.jeugd_events import (
    AccessWorkerInvolved,
    BepalingAdjusted,
    BepalingRecorded,
    ProviderNotInTime,
    RequestAnswer,
    RequestReceived,
    RequestRefusal,
    RequestSetInOnderzoek,
)
from smi_core.case.kinds import EVENT_LABELS, EventKind
from smi_core.case.wmo_events import (
    Assigned,
    BeschikkingRecorded,
    CareEnded,
    CareStarted,
    ChangeAnswer,
    ChangeJudged,
    ChangeRequested,
    InvestigationReported,
    InvestigationStarted,
    MeldingReceived,
    ProvisionChosen,
    Withdrawn,
    WmoPlanSaved,
)
from smi_core.casework import ConversationPlan, ConversationRecord, IndicationForm, OtherRoute, TeamDecision
from smi_core.placement import (
    Consultation,
    EndRecord,
    FinancialReferral,
    GpRequest,
    Indication,
    ProviderAnswer,
    ReviewRecord,
    Sharing,
    Signature,
    SupportPlan,
)
from smi_core.timeline import ExtensionAnswers

# -- the payloads that are not a record of their own -----------------------------------------------


class _Payload(BaseModel):
    model_config = ConfigDict(frozen=True)


class Text(_Payload):
    """A note's or a message's text: ``{"text": ...}``."""

    text: str


class LocationAsked(_Payload):
    """A provider location asked for a place, with its names as the register had them."""

    location_id: int
    provider_name: str
    location_name: str


class LocationAnswer(_Payload):
    location_id: int
    answer: ProviderAnswer


class LocationRegistered(_Payload):
    location_id: int


class PlanSignature(_Payload):
    plan_version: int
    signature: Signature


class PlanShared(_Payload):
    sharing: Sharing
    plan_version: int


class Extended(_Payload):
    number: int
    answers: ExtensionAnswers
    consultation: Consultation
    new_last_day: date


# -- the events ---------------------------------------------------------------------------------------


class Submitted(BaseEvent):
    kind: Literal[EventKind.SUBMITTED]
    payload: None = None


class CompletedByParents(BaseEvent):
    kind: Literal[EventKind.COMPLETED_BY_PARENTS]
    payload: None = None


class HandoverReceived(BaseEvent):
    kind: Literal[EventKind.HANDOVER_RECEIVED]
    payload: None = None


class Taken(BaseEvent):
    kind: Literal[EventKind.TAKEN]
    payload: None = None


class HandedTo(BaseEvent):
    kind: Literal[EventKind.HANDED_TO]
    payload: None = None


class ToTeam(BaseEvent):
    kind: Literal[EventKind.TO_TEAM]
    payload: None = None


class Closed(BaseEvent):
    kind: Literal[EventKind.CLOSED]
    payload: None = None


class ConversationPlanned(BaseEvent):
    kind: Literal[EventKind.PLAN]
    payload: ConversationPlan


class ConversationRecorded(BaseEvent):
    kind: Literal[EventKind.CONVERSATION]
    payload: ConversationRecord


class OtherRouteChosen(BaseEvent):
    kind: Literal[EventKind.OTHER_ROUTE]
    payload: OtherRoute


class TeamDecided(BaseEvent):
    kind: Literal[EventKind.DECISION]
    payload: TeamDecision


class FormSaved(BaseEvent):
    kind: Literal[EventKind.FORM]
    payload: IndicationForm


class FamilyMessage(BaseEvent):
    kind: Literal[EventKind.MESSAGE]
    payload: Text


class Note(BaseEvent):
    kind: Literal[EventKind.NOTE]
    payload: Text


class ProviderAsked(BaseEvent):
    kind: Literal[EventKind.PROVIDER_ASKED]
    payload: LocationAsked


class ProviderAnswered(BaseEvent):
    kind: Literal[EventKind.PROVIDER_ANSWER]
    payload: LocationAnswer


class ParentsRegistered(BaseEvent):
    kind: Literal[EventKind.PARENTS_REGISTERED]
    payload: LocationRegistered


class PlanSaved(BaseEvent):
    kind: Literal[EventKind.SUPPORT_PLAN]
    payload: SupportPlan


class PlanSigned(BaseEvent):
    kind: Literal[EventKind.PLAN_SIGNED]
    payload: PlanSignature


class DataShared(BaseEvent):
    kind: Literal[EventKind.SHARED]
    payload: PlanShared


class ConsentRecorded(BaseEvent):
    kind: Literal[EventKind.CONSENT_RECORDED]
    payload: None = None


class ConsentWithdrawn(BaseEvent):
    kind: Literal[EventKind.CONSENT_WITHDRAWN]
    payload: None = None


class GpAsked(BaseEvent):
    kind: Literal[EventKind.GP_REQUEST]
    payload: GpRequest


class FinancialReferred(BaseEvent):
    kind: Literal[EventKind.FINANCIAL_REFERRAL]
    payload: FinancialReferral


class Placed(BaseEvent):
    kind: Literal[EventKind.INDICATION]
    payload: Indication


class Reviewed(BaseEvent):
    kind: Literal[EventKind.REVIEW]
    payload: ReviewRecord


class IndicationExtended(BaseEvent):
    kind: Literal[EventKind.EXTENSION]
    payload: Extended


class IndicationEnded(BaseEvent):
    kind: Literal[EventKind.INDICATION_ENDED]
    payload: EndRecord


CaseEvent = Annotated[
    Submitted
    | CompletedByParents
    | HandoverReceived
    | Taken
    | HandedTo
    | ToTeam
    | Closed
    | ConversationPlanned
    | ConversationRecorded
    | OtherRouteChosen
    | TeamDecided
    | FormSaved
    | FamilyMessage
    | Note
    | ProviderAsked
    | ProviderAnswered
    | ParentsRegistered
    | PlanSaved
    | PlanSigned
    | DataShared
    | ConsentRecorded
    | ConsentWithdrawn
    | GpAsked
    | FinancialReferred
    | Placed
    | Reviewed
    | IndicationExtended
    | IndicationEnded
    | MeldingReceived
    | InvestigationStarted
    | InvestigationReported
    | WmoPlanSaved
    | ProvisionChosen
    | BeschikkingRecorded
    | Assigned
    | CareStarted
    | CareEnded
    | Withdrawn
    | ChangeRequested
    | ChangeJudged
    | ChangeAnswer
    | PassedToCoalition
    | CoalitionContacted
    | PlanOfApproachSent
    | EndingPlanSent
    | CakReported
    | BepalingRecorded
    | BepalingAdjusted
    | ProviderNotInTime
    | RequestReceived
    | RequestSetInOnderzoek
    | RequestAnswer
    | RequestRefusal
    | AccessWorkerInvolved,
    Field(discriminator="kind"),
]

_EVENTS: TypeAdapter[CaseEvent] = TypeAdapter(CaseEvent)


def event_from_stored(
    kind: str,
    occurred_at: datetime,
    actor: str,
    from_status: str | None,
    to_status: str | None,
    note: str,
    payload: dict[str, Any] | BaseModel | None,
) -> CaseEvent:
    """A timeline entry as its typed event (``payload`` decrypted, or a record to store)."""
    return _EVENTS.validate_python(
        {
            "kind": EventKind(kind),
            "occurred_at": occurred_at,
            "actor": actor,
            "from_status": from_status,
            "to_status": to_status,
            "note": note,
            "payload": payload,
        }
    )


def stored_payload(event: CaseEvent) -> dict[str, Any] | None:
    """The payload as it is stored (JSON), or None for an entry without one."""
    payload = event.payload
    return None if payload is None else payload.model_dump(mode="json")


__all__ = [
    "EVENT_LABELS",
    "BaseEvent",
    "CaseEvent",
    "EventKind",
    "Extended",
    "LocationAnswer",
    "LocationAsked",
    "LocationRegistered",
    "PlanShared",
    "PlanSignature",
    "Text",
    "event_from_stored",
    "stored_payload",
]
