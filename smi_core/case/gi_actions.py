"""The actions of route G (a certified institution) on a youth-care case, mixed into ``Case``.

The GI's bepaling jeugdhulp opens the case (``new_bepaling``: the service then makes the case in
DETERMINED); only a jeugdbeschermer records or adjusts one, and only for its own institution's
cases (``GI-DECIDES``). The chosen provider reads the bepaling and either sends its 315 (the
message route, the back office's) or says it cannot deliver in time (G3b, ``GI-NOT-IN-TIME``):
the GI sees that at once and records an adjusted bepaling with another provider (or a start the
provider can make). An adjusted bepaling on an ASSIGNED or CARE_STARTED case is answered by the
provider's 317 (a change request), as on route T.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import TYPE_CHECKING

from smi_core.access import Permission, may
from smi_core.case import jeugd_events as jev
from smi_core.case.event_base import BaseEvent
from smi_core.case.gi_refusals import (
    AlreadyReported,
    NotTheChosenProvider,
    NotTheInstitution,
    ProviderAlreadyNotInTime,
)
from smi_core.case.kinds import EventKind
from smi_core.case.route import CaseAction
from smi_core.cases import CaseStatus
from smi_core.errors import NotAllowed
from smi_core.jeugd.bepaling import Bepaling, NotInTime

if TYPE_CHECKING:
    from pydantic import BaseModel

    from smi_core.case.aggregate import Worker, _Move
    from smi_core.case.events import CaseEvent
    from smi_core.case.jeugd_records import JeugdRecords

#: The statuses in which the provider answers an adjusted bepaling with its 317 (a change request).
CHANGE_BY_317 = frozenset({CaseStatus.ASSIGNED, CaseStatus.CARE_STARTED})


def check_jeugdbeschermer(worker: Worker) -> None:
    """``GI-DECIDES``: only a certified institution's jeugdbeschermer records a bepaling."""
    if not may(worker.role, Permission.RECORD_BEPALINGEN):
        raise NotAllowed("only a jeugdbeschermer of a certified institution records a bepaling")


def new_bepaling(worker: Worker, organisation: str, bepaling: Bepaling) -> Bepaling:
    """The bepaling that opens a route-G case (G2), checked: recorded by a jeugdbeschermer, for its
    own institution (``GI-DECIDES``)."""
    bepaling = Bepaling.model_validate(bepaling.model_dump())
    check_jeugdbeschermer(worker)
    if not organisation or bepaling.gi_organisation != organisation:
        raise NotTheInstitution()
    return bepaling


def pending_not_in_time(events: Iterable[BaseEvent]) -> NotInTime | None:
    """The provider's word that it cannot deliver in time that no adjusted bepaling answered yet
    (``GI-NOT-IN-TIME``): one that came after the newest bepaling, from its provider."""
    pending: NotInTime | None = None
    for event in events:
        if isinstance(event, jev.BepalingRecorded | jev.BepalingAdjusted):
            pending = None
        elif isinstance(event, jev.ProviderNotInTime):
            pending = event.payload
    return pending


class GiActions:
    """Route G's actions; ``Case`` supplies the mechanics declared here."""

    if TYPE_CHECKING:
        status: CaseStatus

        @property
        def timeline(self) -> list[CaseEvent]: ...

        @property
        def jeugd(self) -> JeugdRecords: ...

        def _moves(self, *actions: CaseAction | None) -> list[_Move]: ...

        def _record(
            self,
            worker: Worker,
            now: datetime,
            moves: list[_Move],
            steps: list[tuple[EventKind, BaseModel | None]],
            note: str = "",
        ) -> int: ...

    def adjust_bepaling(self, worker: Worker, organisation: str, bepaling: Bepaling, now: datetime) -> int:
        """An adjusted bepaling (another provider, volume or period) by the institution whose
        bepaling holds now. After the provider said it cannot deliver in time, the adjusted
        bepaling names another provider or a start that provider can make (``GI-NOT-IN-TIME``).
        The provider's note is its AGB code (clear), so that it finds the bepalingen naming it."""
        bepaling = new_bepaling(worker, organisation, bepaling)
        current = self.jeugd.bepaling
        if current is None or current.gi_organisation != organisation:
            raise NotTheInstitution()
        moves = self._moves(CaseAction.ADJUST_BEPALING)
        late = pending_not_in_time(self.timeline)
        if (
            late is not None
            and bepaling.provider_agb == late.provider_agb
            and (late.earliest_start is None or bepaling.start < late.earliest_start)
        ):
            raise ProviderAlreadyNotInTime()
        return self._record(
            worker, now, moves, [(EventKind.GI_BEPALING_ADJUSTED, bepaling)], bepaling.provider_agb
        )

    def provider_not_in_time(self, worker: Worker, agb: str, report: NotInTime, now: datetime) -> int:
        """The chosen provider cannot deliver in time (G3b): recorded on the case, so that the GI
        sees it at once and chooses another provider (``GI-NOT-IN-TIME``)."""
        report = NotInTime.model_validate(report.model_dump())
        if not may(worker.role, Permission.PROVIDE_CARE):
            raise NotAllowed("only the chosen provider says it cannot deliver in time")
        current = self.jeugd.bepaling
        if current is None or current.provider_agb != agb or report.provider_agb != agb:
            raise NotTheChosenProvider()
        moves = self._moves(CaseAction.PROVIDER_NOT_IN_TIME)
        if pending_not_in_time(self.timeline) is not None:
            raise AlreadyReported()
        return self._record(worker, now, moves, [(EventKind.GI_NOT_IN_TIME, report)], agb)


__all__ = ["CHANGE_BY_317", "GiActions", "check_jeugdbeschermer", "new_bepaling", "pending_not_in_time"]
