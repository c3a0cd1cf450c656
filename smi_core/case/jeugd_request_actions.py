"""The actions on a youth-care case of a provider's request for an assignment (315) and its answer,
mixed into ``Case``: route M (M4-M6) and route G's step G4.

The provider's accepted 315 is recorded (``RECEIVE_REQUEST``; the import or the provider's page);
the back office sets it *in onderzoek* at most once (TR360), refuses it (``REFUSE_REQUEST``), or
honours it with the 301 and the beschikking (``ANSWER_REQUEST``), each with the message it queued.
An access worker may become involved (``INVOLVE``): the owner of a case that came in without one.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from smi_core.access import Permission, may
from smi_core.case.errors import StepOutOfOrder
from smi_core.case.kinds import EventKind
from smi_core.case.route import CaseAction
from smi_core.errors import CaseAlreadyClaimed, ConcurrentEdit, NotAllowed
from smi_core.jeugd.answers import (
    Involvement,
    JeugdRequest,
    RequestAnswered,
    RequestInOnderzoek,
    RequestRefused,
)

if TYPE_CHECKING:
    from pydantic import BaseModel

    from smi_core.case.aggregate import Worker, _Move
    from smi_core.case.jeugd_records import JeugdRecords
    from smi_core.cases import CaseStatus


class JeugdRequestActions:
    """The 315's route; ``Case`` supplies the mechanics declared here."""

    if TYPE_CHECKING:
        reference: str
        owner: str | None
        version: int
        status: CaseStatus

        @property
        def jeugd(self) -> JeugdRecords: ...

        def _change_owner(self, owner: str) -> None: ...

        def _moves(self, *actions: CaseAction | None) -> list[_Move]: ...

        def _record(
            self,
            worker: Worker,
            now: datetime,
            moves: list[_Move],
            steps: list[tuple[EventKind, BaseModel | None]],
            note: str = "",
        ) -> int: ...

    def receive_request(self, worker: Worker, request: JeugdRequest, now: datetime) -> int:
        """A provider's accepted 315 about this case's child (a G case's bepaling, or a new M case)."""
        if not (may(worker.role, Permission.EXCHANGE_MESSAGES) or may(worker.role, Permission.PROVIDE_CARE)):
            raise NotAllowed("only an accepted message of the provider records its request")
        if self.jeugd.request is not None:
            raise StepOutOfOrder("request_open")  # TR374: one open request at a time
        moves = self._moves(CaseAction.RECEIVE_REQUEST)
        # the note is the day of the aanvraag, in the clear for the beschikking term (``term_days``)
        note = request.received_on.isoformat()
        return self._record(worker, now, moves, [(EventKind.VOT_RECEIVED, request)], note)

    def request_to_answer(self, in_onderzoek: bool = False) -> JeugdRequest:
        """The request waiting for its answer (``StepOutOfOrder`` without one, or when it is to be
        set in onderzoek a second time: TR360)."""
        request = self.jeugd.request
        if request is None:
            raise StepOutOfOrder("no_request")
        if in_onderzoek and self.jeugd.set_in_onderzoek(request.referentie_aanbieder) is not None:
            raise StepOutOfOrder("in_onderzoek_once")
        return request

    def _answering(self, worker: Worker, referentie: str) -> None:
        if not may(worker.role, Permission.EXCHANGE_MESSAGES):
            raise NotAllowed("only the back office answers a provider's request")
        if self.request_to_answer().referentie_aanbieder != referentie:
            raise StepOutOfOrder("no_request")

    def record_request_in_onderzoek(self, worker: Worker, record: RequestInOnderzoek, now: datetime) -> int:
        """The back office queued the 319 that sets the request in onderzoek: once (TR360)."""
        self._answering(worker, record.referentie_aanbieder)
        self.request_to_answer(in_onderzoek=True)
        moves = self._moves(CaseAction.REQUEST_IN_ONDERZOEK)
        return self._record(worker, now, moves, [(EventKind.VOT_IN_ONDERZOEK, record)], record.on.isoformat())

    def record_request_refused(self, worker: Worker, record: RequestRefused, now: datetime) -> int:
        """The back office queued the 319 that refuses the request, with its reason."""
        self._answering(worker, record.referentie_aanbieder)
        moves = self._moves(CaseAction.REFUSE_REQUEST)
        return self._record(worker, now, moves, [(EventKind.VOT_REFUSED, record)], record.reason.value)

    def record_request_answered(self, worker: Worker, record: RequestAnswered, now: datetime) -> int:
        """The back office queued the 301 that honours the request, with the beschikking."""
        self._answering(worker, record.referentie_aanbieder)
        moves = self._moves(CaseAction.ANSWER_REQUEST)
        note = record.beschikking.decided_on.isoformat()  # the decision's day, for the term
        return self._record(worker, now, moves, [(EventKind.VOT_ANSWERED, record)], note)

    def involve(self, worker: Worker, version: int, involvement: Involvement, now: datetime) -> int:
        """An access worker becomes the owner of a case that came in without one (a child known
        to the team, a change request to judge); the status stays."""
        if not may(worker.role, Permission.HANDLE_CASES):
            raise NotAllowed("only WIJzer workers and the coordinator handle cases")
        if self.version != version:
            raise ConcurrentEdit(self.reference)
        if self.owner is not None and self.owner != worker.username:
            raise CaseAlreadyClaimed(self.reference, self.owner)
        moves = self._moves(CaseAction.INVOLVE)
        self._change_owner(worker.username)
        return self._record(worker, now, moves, [(EventKind.INVOLVED, involvement)])


__all__ = ["JeugdRequestActions"]
