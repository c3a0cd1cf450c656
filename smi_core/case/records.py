"""The folds over the case's events: what the timeline holds, read for the case page and the rules.

``case_records`` gives the timeline as shown and the newest record of each kind of the
*indicering*; ``placement_records`` what the placement phase recorded (the providers asked, the
support plan's versions and signatures, every sharing, reviews, extensions, ...).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from smi_core.case import events as ev
from smi_core.case.events import CaseEvent, EventKind
from smi_core.casework import ConversationPlan, ConversationRecord, IndicationForm, OtherRoute, TeamDecision
from smi_core.placement import (
    EndRecord,
    FinancialReferral,
    GpRequest,
    Indication,
    PlacementProgress,
    ProviderAnswer,
    ReviewRecord,
    Sharing,
    Signature,
    SupportPlan,
)
from smi_core.timeline import IndicationTimeline

# -- the indicering ---------------------------------------------------------------------------------


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


#: Timeline kinds whose payload is a text shown on the timeline.
TEXT_KINDS = frozenset({EventKind.NOTE, EventKind.MESSAGE})


def timeline_entries(events: Iterable[CaseEvent]) -> list[TimelineEntry]:
    """The timeline as shown (oldest first); notes and messages with their text."""
    return [
        TimelineEntry(
            e.occurred_at,
            e.actor,
            e.kind.value,
            e.from_status,
            e.to_status,
            e.note,
            e.payload.text if isinstance(e, ev.Note | ev.FamilyMessage) else "",
        )
        for e in events
    ]


def saved_forms(events: Iterable[CaseEvent]) -> tuple[SavedForm, ...]:
    """Every saved version of the indication form, numbered from 1."""
    forms: list[SavedForm] = []
    for e in events:
        if isinstance(e, ev.FormSaved):
            forms.append(SavedForm(len(forms) + 1, e.occurred_at, e.actor, e.payload))
    return tuple(forms)


def case_records(events: Iterable[CaseEvent]) -> CaseRecords:
    """The newest record of each kind of the indicering, and the form's versions."""
    events = list(events)
    found: dict[EventKind, Any] = {}
    for e in events:
        if isinstance(
            e, ev.ConversationPlanned | ev.ConversationRecorded | ev.OtherRouteChosen | ev.TeamDecided
        ):
            found[e.kind] = e.payload
    return CaseRecords(
        plan=found.get(EventKind.PLAN),
        conversation=found.get(EventKind.CONVERSATION),
        other_route=found.get(EventKind.OTHER_ROUTE),
        decision=found.get(EventKind.DECISION),
        forms=saved_forms(events),
    )


# -- the placement ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class AskedLocation:
    location_id: int
    provider_name: str
    location_name: str
    asked_at: datetime
    answer: ProviderAnswer | None = None


@dataclass(frozen=True)
class PlanVersion:
    number: int
    saved_at: datetime
    saved_by: str
    plan: SupportPlan
    signatures: tuple[Signature, ...] = ()


@dataclass(frozen=True)
class SharedEntry:
    sharing: Sharing
    plan_version: int
    shared_at: datetime
    shared_by: str


@dataclass(frozen=True)
class IndicationState:
    """The recorded indication with its stored dates."""

    indication: Indication
    timeline: IndicationTimeline
    contact_done_on: date | None
    ended_on: date | None


@dataclass(frozen=True)
class PlacementRecords:
    """What the case's timeline holds about the placement, for the case page."""

    progress: PlacementProgress = field(default_factory=PlacementProgress)
    asked: tuple[AskedLocation, ...] = ()
    plans: tuple[PlanVersion, ...] = ()
    shared: tuple[SharedEntry, ...] = ()
    reviews: tuple[ReviewRecord, ...] = ()
    extensions: tuple[dict[str, Any], ...] = ()
    referrals: tuple[FinancialReferral, ...] = ()
    gp_requests: tuple[GpRequest, ...] = ()
    ended: EndRecord | None = None
    indication: IndicationState | None = field(default=None)


#: The timeline entries ``placement_records`` reads.
PLACEMENT_KINDS = frozenset(
    {
        EventKind.PROVIDER_ASKED,
        EventKind.PROVIDER_ANSWER,
        EventKind.PARENTS_REGISTERED,
        EventKind.SUPPORT_PLAN,
        EventKind.PLAN_SIGNED,
        EventKind.SHARED,
        EventKind.REVIEW,
        EventKind.EXTENSION,
        EventKind.FINANCIAL_REFERRAL,
        EventKind.GP_REQUEST,
        EventKind.INDICATION_ENDED,
    }
)


def placement_records(events: Iterable[CaseEvent]) -> PlacementRecords:
    """Fold the case's timeline (oldest first) into its placement records."""
    asked: dict[int, AskedLocation] = {}
    answers: dict[int, ProviderAnswer] = {}
    registered: int | None = None
    plans: list[PlanVersion] = []
    shared: list[SharedEntry] = []
    reviews: list[ReviewRecord] = []
    extensions: list[dict[str, Any]] = []
    referrals: list[FinancialReferral] = []
    gp_requests: list[GpRequest] = []
    ended: EndRecord | None = None
    for e in events:
        if isinstance(e, ev.ProviderAsked):
            data = e.payload
            asked[data.location_id] = AskedLocation(
                data.location_id, data.provider_name, data.location_name, e.occurred_at
            )
            answers.pop(data.location_id, None)
        elif isinstance(e, ev.ProviderAnswered):
            answers[e.payload.location_id] = e.payload.answer
        elif isinstance(e, ev.ParentsRegistered):
            registered = e.payload.location_id
        elif isinstance(e, ev.PlanSaved):
            plans.append(PlanVersion(len(plans) + 1, e.occurred_at, e.actor, e.payload))
        elif isinstance(e, ev.PlanSigned) and plans:
            index = e.payload.plan_version - 1
            if 0 <= index < len(plans):
                old = plans[index]
                plans[index] = PlanVersion(
                    old.number, old.saved_at, old.saved_by, old.plan, (*old.signatures, e.payload.signature)
                )
        elif isinstance(e, ev.DataShared):
            shared.append(SharedEntry(e.payload.sharing, e.payload.plan_version, e.occurred_at, e.actor))
        elif isinstance(e, ev.Reviewed):
            reviews.append(e.payload)
        elif isinstance(e, ev.IndicationExtended):
            extensions.append(e.payload.model_dump(mode="json"))
        elif isinstance(e, ev.FinancialReferred):
            referrals.append(e.payload)
        elif isinstance(e, ev.GpAsked):
            gp_requests.append(e.payload)
        elif isinstance(e, ev.IndicationEnded):
            ended = e.payload
    newest_shared: dict[Sharing, int] = {}
    for entry in shared:
        newest_shared[entry.sharing] = max(newest_shared.get(entry.sharing, 0), entry.plan_version)
    progress = PlacementProgress(
        asked=tuple(asked),
        answers=answers,
        registered_at=registered,
        plan_versions=len(plans),
        signed_by={p.number: frozenset(s.signer for s in p.signatures) for p in plans},
        shared=newest_shared,
    )
    return PlacementRecords(
        progress=progress,
        asked=tuple(
            AskedLocation(
                a.location_id, a.provider_name, a.location_name, a.asked_at, answers.get(a.location_id)
            )
            for a in asked.values()
        ),
        plans=tuple(plans),
        shared=tuple(shared),
        reviews=tuple(reviews),
        extensions=tuple(extensions),
        referrals=tuple(referrals),
        gp_requests=tuple(gp_requests),
        ended=ended,
    )


__all__ = [
    "PLACEMENT_KINDS",
    "AskedLocation",
    "CaseRecords",
    "IndicationState",
    "PlacementRecords",
    "PlanVersion",
    "SavedForm",
    "SharedEntry",
    "TimelineEntry",
    "case_records",
    "placement_records",
    "saved_forms",
    "timeline_entries",
]
