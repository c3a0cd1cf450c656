"""The timeline entries of youth care's routes G and M: one typed event per kind, each with its
record (``smi_core.jeugd``). Route T's youth-care cases use the Wmo route's events."""

from __future__ import annotations

from typing import Literal

from smi_core.case.event_base import BaseEvent
from smi_core.case.kinds import EventKind
from smi_core.jeugd.answers import (
    Involvement,
    JeugdRequest,
    RequestAnswered,
    RequestInOnderzoek,
    RequestRefused,
)
from smi_core.jeugd.bepaling import Bepaling, NotInTime

# -- route G: the certified institution --------------------------------------------------------


class BepalingRecorded(BaseEvent):
    kind: Literal[EventKind.GI_BEPALING]
    payload: Bepaling


class BepalingAdjusted(BaseEvent):
    kind: Literal[EventKind.GI_BEPALING_ADJUSTED]
    payload: Bepaling


class ProviderNotInTime(BaseEvent):
    kind: Literal[EventKind.GI_NOT_IN_TIME]
    payload: NotInTime


ROUTE_G_EVENTS = (BepalingRecorded, BepalingAdjusted, ProviderNotInTime)

# -- route M: a provider's request (315), and the back office's answer to every 315 -------------


class RequestReceived(BaseEvent):
    kind: Literal[EventKind.VOT_RECEIVED]
    payload: JeugdRequest


class RequestSetInOnderzoek(BaseEvent):
    kind: Literal[EventKind.VOT_IN_ONDERZOEK]
    payload: RequestInOnderzoek


class RequestAnswer(BaseEvent):
    kind: Literal[EventKind.VOT_ANSWERED]
    payload: RequestAnswered


class RequestRefusal(BaseEvent):
    kind: Literal[EventKind.VOT_REFUSED]
    payload: RequestRefused


class AccessWorkerInvolved(BaseEvent):
    kind: Literal[EventKind.INVOLVED]
    payload: Involvement


ROUTE_M_EVENTS = (RequestReceived, RequestSetInOnderzoek, RequestAnswer, RequestRefusal, AccessWorkerInvolved)

__all__ = [
    "ROUTE_G_EVENTS",
    "ROUTE_M_EVENTS",
    "AccessWorkerInvolved",
    "BepalingAdjusted",
    "BepalingRecorded",
    "ProviderNotInTime",
    "RequestAnswer",
    "RequestReceived",
    "RequestRefusal",
    "RequestSetInOnderzoek",
]
