"""The case's timeline as typed events: one kind enum, one payload model per kind, one union.

Every entry of the append-only timeline has a ``kind`` (the values are stored and never change),
who and when, the status change if any, a ``note`` that may be read without a need to know, and
a payload (stored encrypted) whose model the kind decides. ``CaseEvent`` is the discriminated
union; ``event_from_stored`` reads a stored entry (its columns and its decrypted payload) into it.
The payload models keep exactly the JSON shapes stored today.
"""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter

from smi_core.casework import ConversationPlan, ConversationRecord, IndicationForm, OtherRoute, TeamDecision
from smi_core.constants import N_
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


class EventKind(StrEnum):
    """Every kind of timeline entry (the values are what the database holds)."""

    SUBMITTED = "submitted"
    COMPLETED_BY_PARENTS = "completed_by_parents"
    HANDOVER_RECEIVED = "handover_received"
    TAKEN = "taken"
    HANDED_TO = "handed_to"
    TO_TEAM = "to_team"
    CLOSED = "closed"
    PLAN = "conversation_planned"
    CONVERSATION = "conversation_recorded"
    OTHER_ROUTE = "other_route"
    DECISION = "team_decision"
    FORM = "indication_form"
    MESSAGE = "family_message"
    NOTE = "note"
    PROVIDER_ASKED = "provider_asked"
    PROVIDER_ANSWER = "provider_answer"
    PARENTS_REGISTERED = "parents_registered"
    SUPPORT_PLAN = "support_plan"
    PLAN_SIGNED = "plan_signed"
    SHARED = "shared"
    CONSENT_RECORDED = "consent_recorded"
    CONSENT_WITHDRAWN = "consent_withdrawn"
    GP_REQUEST = "gp_requested"
    FINANCIAL_REFERRAL = "financial_referral"
    INDICATION = "indication"
    REVIEW = "review"
    EXTENSION = "extension"
    INDICATION_ENDED = "indication_ended"


#: What each kind of timeline entry means, for the worker (unknown kinds are shown as stored).
EVENT_LABELS: dict[str, str] = {
    EventKind.SUBMITTED: N_("Request sent by the parents"),
    EventKind.COMPLETED_BY_PARENTS: N_("Request completed by the parents"),
    EventKind.HANDOVER_RECEIVED: N_("Handover received"),
    EventKind.TAKEN: N_("Case taken"),
    EventKind.HANDED_TO: N_("Handed to a colleague"),
    EventKind.TO_TEAM: N_("On the agenda of the 0-100 meeting"),
    EventKind.CLOSED: N_("Case closed"),
    EventKind.PLAN: N_("Conversation planned"),
    EventKind.CONVERSATION: N_("Conversation recorded"),
    EventKind.OTHER_ROUTE: N_("Referred to another route"),
    EventKind.DECISION: N_("Team decision"),
    EventKind.FORM: N_("Indication form saved"),
    EventKind.MESSAGE: N_("Message to the family"),
    EventKind.NOTE: N_("Note"),
    EventKind.PROVIDER_ASKED: N_("Provider asked for a place"),
    EventKind.PROVIDER_ANSWER: N_("Answer of the provider"),
    EventKind.PARENTS_REGISTERED: N_("Parents registered with the provider"),
    EventKind.SUPPORT_PLAN: N_("Support plan saved"),
    EventKind.PLAN_SIGNED: N_("Support plan signed"),
    EventKind.SHARED: N_("Data shared"),
    EventKind.CONSENT_RECORDED: N_("Written consent recorded"),
    EventKind.CONSENT_WITHDRAWN: N_("Consent withdrawn by the parents"),
    EventKind.GP_REQUEST: N_("Question to the GP"),
    EventKind.FINANCIAL_REFERRAL: N_("Referred for financial support"),
    EventKind.INDICATION: N_("Placement and indication recorded"),
    EventKind.REVIEW: N_("Review contact"),
    EventKind.EXTENSION: N_("Indication extended"),
    EventKind.INDICATION_ENDED: N_("Indication ended"),
}


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


class BaseEvent(BaseModel):
    """One timeline entry: who, when, the status change if any, and the note in the clear."""

    model_config = ConfigDict(frozen=True)

    occurred_at: datetime
    actor: str
    from_status: str | None = None
    to_status: str | None = None
    note: str = ""


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
    | IndicationEnded,
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
