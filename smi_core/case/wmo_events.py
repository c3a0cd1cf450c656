"""The timeline entries of route T (Wmo): one typed event per kind, each with its record.

The kinds are members of ``EventKind`` (their values are stored and never change); the records
are those of ``smi_core.wmo.casework`` and the melding's own."""

from __future__ import annotations

from typing import Literal

from smi_core.case.event_base import BaseEvent
from smi_core.case.kinds import EventKind
from smi_core.wmo.casework import (
    Assignment,
    Beschikking,
    CareReported,
    ChangeAnswered,
    ChangeJudgement,
    ChangeRequest,
    InvestigationReport,
    ProvisionChoice,
    WmoClient,
    WmoSupportPlan,
)


class MeldingReceived(BaseEvent):
    kind: Literal[EventKind.WMO_MELDING]
    payload: None = None


class InvestigationStarted(BaseEvent):
    kind: Literal[EventKind.WMO_INVESTIGATION_STARTED]
    payload: WmoClient


class InvestigationReported(BaseEvent):
    kind: Literal[EventKind.WMO_INVESTIGATION_REPORTED]
    payload: InvestigationReport


class WmoPlanSaved(BaseEvent):
    kind: Literal[EventKind.WMO_PLAN]
    payload: WmoSupportPlan


class ProvisionChosen(BaseEvent):
    kind: Literal[EventKind.WMO_PROVISION]
    payload: ProvisionChoice


class BeschikkingRecorded(BaseEvent):
    kind: Literal[EventKind.WMO_BESCHIKKING]
    payload: Beschikking


class Assigned(BaseEvent):
    kind: Literal[EventKind.WMO_ASSIGNED]
    payload: Assignment


class CareStarted(BaseEvent):
    kind: Literal[EventKind.CARE_STARTED]
    payload: CareReported


class CareEnded(BaseEvent):
    kind: Literal[EventKind.CARE_ENDED]
    payload: CareReported


class Withdrawn(BaseEvent):
    kind: Literal[EventKind.WITHDRAWN]
    payload: None = None


class ChangeRequested(BaseEvent):
    kind: Literal[EventKind.WMO_CHANGE_REQUESTED]
    payload: ChangeRequest


class ChangeJudged(BaseEvent):
    kind: Literal[EventKind.WMO_CHANGE_JUDGED]
    payload: ChangeJudgement


class ChangeAnswer(BaseEvent):
    kind: Literal[EventKind.WMO_CHANGE_ANSWERED]
    payload: ChangeAnswered


WMO_EVENTS = (
    MeldingReceived,
    InvestigationStarted,
    InvestigationReported,
    WmoPlanSaved,
    ProvisionChosen,
    BeschikkingRecorded,
    Assigned,
    CareStarted,
    CareEnded,
    Withdrawn,
    ChangeRequested,
    ChangeJudged,
    ChangeAnswer,
)

__all__ = [
    "WMO_EVENTS",
    "Assigned",
    "BeschikkingRecorded",
    "CareEnded",
    "CareStarted",
    "ChangeAnswer",
    "ChangeJudged",
    "ChangeRequested",
    "InvestigationReported",
    "InvestigationStarted",
    "MeldingReceived",
    "ProvisionChosen",
    "Withdrawn",
    "WmoPlanSaved",
]
