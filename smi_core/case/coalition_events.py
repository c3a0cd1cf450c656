"""The timeline entries of begeleiding through the coalition (B2-B5), one typed event per kind,
each with its record of ``smi_core.wmo.coalition``."""

from __future__ import annotations

from typing import Literal

from smi_core.case.event_base import BaseEvent
from smi_core.case.kinds import EventKind
from smi_core.wmo.coalition import CakReport, CoalitionContact, CoalitionHandover, EndingPlan, PlanOfApproach


class PassedToCoalition(BaseEvent):
    kind: Literal[EventKind.WMO_PASSED_TO_COALITION]
    payload: CoalitionHandover


class CoalitionContacted(BaseEvent):
    kind: Literal[EventKind.WMO_COALITION_CONTACT]
    payload: CoalitionContact


class PlanOfApproachSent(BaseEvent):
    kind: Literal[EventKind.WMO_PLAN_OF_APPROACH]
    payload: PlanOfApproach


class EndingPlanSent(BaseEvent):
    kind: Literal[EventKind.WMO_ENDING_PLAN]
    payload: EndingPlan


class CakReported(BaseEvent):
    kind: Literal[EventKind.WMO_CAK_REPORTED]
    payload: CakReport


COALITION_EVENTS = (PassedToCoalition, CoalitionContacted, PlanOfApproachSent, EndingPlanSent, CakReported)

__all__ = [
    "COALITION_EVENTS",
    "CakReported",
    "CoalitionContacted",
    "EndingPlanSent",
    "PassedToCoalition",
    "PlanOfApproachSent",
]
