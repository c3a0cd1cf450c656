"""What a youth-care case's routes G and M recorded, folded from its timeline, and which of the
three routes the case follows (by how it came in)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from smi_core.case import jeugd_events as jev
from smi_core.case.event_base import BaseEvent
from smi_core.case.kinds import EventKind
from smi_core.constants import N_
from smi_core.jeugd.answers import JeugdRequest, RequestAnswered, RequestInOnderzoek, RequestRefused
from smi_core.jeugd.bepaling import Bepaling, Child, NotInTime


class JeugdRoute(StrEnum):
    """The way a youth-care case came in (``wmo-jeugd-routes.md``)."""

    T = "T"
    """A parent's request or an agency's handover at the access point."""
    G = "G"
    """A certified institution's bepaling."""
    M = "M"
    """A provider's request (315) after a medical referral."""


JEUGD_ROUTE_LABELS = {
    JeugdRoute.T: N_("through the access point"),
    JeugdRoute.G: N_("through a certified institution"),
    JeugdRoute.M: N_("by medical referral"),
}

#: The first event of each route.
_OPENING = {
    EventKind.WMO_MELDING: JeugdRoute.T,
    EventKind.GI_BEPALING: JeugdRoute.G,
    EventKind.VOT_RECEIVED: JeugdRoute.M,
}


@dataclass(frozen=True)
class JeugdRecords:
    """The bepalingen (the newest decides), and the providers' words that they cannot deliver in
    time, oldest first; the providers' requests (315) and the back office's answers to them."""

    route: JeugdRoute | None = None
    bepalingen: tuple[Bepaling, ...] = ()
    not_in_time: tuple[NotInTime, ...] = ()
    requests: tuple[JeugdRequest, ...] = ()
    in_onderzoek: tuple[RequestInOnderzoek, ...] = ()
    answered: tuple[RequestAnswered, ...] = ()
    refused: tuple[RequestRefused, ...] = ()
    involved: bool = False
    """Whether an access worker was involved (``INVOLVE``)."""

    @property
    def request(self) -> JeugdRequest | None:
        """The request still waiting for its final answer (a 301 or a refusing 319), if any."""
        closed = {a.referentie_aanbieder for a in self.answered} | {
            r.referentie_aanbieder for r in self.refused
        }
        waiting = [r for r in self.requests if r.referentie_aanbieder not in closed]
        return waiting[-1] if waiting else None

    @property
    def child(self) -> Child | None:
        """The child the case is about: as the bepaling names them, or the first request."""
        if self.bepaling is not None:
            return self.bepaling.child
        return self.requests[0].child if self.requests else None

    def set_in_onderzoek(self, referentie: str) -> RequestInOnderzoek | None:
        """The 319 that set the request ``referentie`` in onderzoek, if one did (TR360)."""
        return next((o for o in self.in_onderzoek if o.referentie_aanbieder == referentie), None)

    @property
    def bepaling(self) -> Bepaling | None:
        """The bepaling that holds now: the newest, adjusted or not."""
        return self.bepalingen[-1] if self.bepalingen else None


def jeugd_records(events: Iterable[BaseEvent]) -> JeugdRecords:
    """Fold a youth-care case's timeline (oldest first) into its records of routes G and M."""
    route: JeugdRoute | None = None
    bepalingen: list[Bepaling] = []
    not_in_time: list[NotInTime] = []
    requests: list[JeugdRequest] = []
    in_onderzoek: list[RequestInOnderzoek] = []
    answered: list[RequestAnswered] = []
    refused: list[RequestRefused] = []
    involved = False
    for event in events:
        kind = getattr(event, "kind", None)
        if route is None and kind in _OPENING:
            route = _OPENING[EventKind(kind)]
        if isinstance(event, jev.BepalingRecorded | jev.BepalingAdjusted):
            bepalingen.append(event.payload)
        elif isinstance(event, jev.ProviderNotInTime):
            not_in_time.append(event.payload)
        elif isinstance(event, jev.RequestReceived):
            requests.append(event.payload)
        elif isinstance(event, jev.RequestSetInOnderzoek):
            in_onderzoek.append(event.payload)
        elif isinstance(event, jev.RequestAnswer):
            answered.append(event.payload)
        elif isinstance(event, jev.RequestRefusal):
            refused.append(event.payload)
        elif isinstance(event, jev.AccessWorkerInvolved):
            involved = True
    return JeugdRecords(
        route,
        tuple(bepalingen),
        tuple(not_in_time),
        tuple(requests),
        tuple(in_onderzoek),
        tuple(answered),
        tuple(refused),
        involved,
    )


__all__ = ["JEUGD_ROUTE_LABELS", "JeugdRecords", "JeugdRoute", "jeugd_records"]
