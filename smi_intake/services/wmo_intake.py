"""A resident's Wmo melding from the front door: its preliminary check, and its sending.

The drafts, the resume code and the status page are those of every request (``IntakeService``);
what is the Wmo's own is turning the answers into a ``WmoMelding``, its check (``check_melding``,
which never blocks) and the case it becomes: a case of provision ``wmo`` in the same queue, its
melding and check sealed like an SMI request's answers. Sending is atomic and at most once, as
for SMI: the unique draft id on the case makes a second sending answer with the first one's case.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from pydantic import ValidationError

from smi_core.case.kinds import EventKind
from smi_core.front_door import RequestKind
from smi_core.intake_errors import DraftNotFound, IntakeIncomplete
from smi_core.jeugd.youth_check import check_youth_request
from smi_core.municipality import MunicipalityConfig
from smi_core.wmo.melding import WmoCheck, WmoMelding, check_melding
from smi_intake.db.uow import UnitOfWorkFactory
from smi_intake.db.wmo_cases import StoredMelding, check_payload
from smi_intake.jeugd_steps import request_of
from smi_intake.services.intake import SubmittedCase, after_conflict, finish_sending, sent_before
from smi_intake.wmo_steps import melding_of

log = logging.getLogger(__name__)


Check = Callable[[WmoMelding, MunicipalityConfig, date, str], WmoCheck]

#: Each request of route T: how its answers become a melding, and its preliminary check. A
#: parent's request for youth care is a melding about the child, checked by the youth-care rules.
_KINDS: dict[RequestKind, tuple[Callable[[dict[str, Any]], WmoMelding], Check]] = {
    RequestKind.WMO: (melding_of, check_melding),
    RequestKind.JEUGD: (request_of, check_youth_request),
}


class WmoIntakeService:
    """A request of route T from the front door (a Wmo melding; with ``request`` ``JEUGD`` a
    parent's request for youth care, which becomes a case of provision ``jeugd``), on the drafts
    and cases of every request."""

    def __init__(
        self,
        uows: UnitOfWorkFactory,
        municipality: MunicipalityConfig,
        request: RequestKind = RequestKind.WMO,
    ) -> None:
        self._uows = uows
        self._municipality = municipality
        self._request = request
        self._melding_of, self._check = _KINDS[request]

    def preliminary_check(self, answers: dict[str, Any], locale: str, today: date) -> WmoCheck | None:
        """The check the resident reads before sending; None while answers are missing."""
        try:
            melding = self._melding_of(answers)
        except ValidationError:
            return None
        return self._check(melding, self._municipality, today, locale)

    def submit(self, draft_id: str, now: datetime) -> SubmittedCase:
        """Turn a Wmo draft into a case in the queue, atomically and at most once."""
        with self._uows() as uow:
            before = sent_before(uow, draft_id)
            if before is not None:
                return before
            draft = uow.drafts.get(draft_id)
            if draft is None:  # sent (and removed) by another sending since the look above?
                return after_conflict(uow, draft_id)
            if draft.request is not self._request:
                raise DraftNotFound(draft_id)
            try:
                melding = self._melding_of(draft.answers)
            except ValidationError as error:
                problems = error.errors(include_input=False, include_url=False)
                raise IntakeIncomplete([dict(e) for e in problems]) from None
            check = self._check(melding, self._municipality, now.date(), draft.locale)
            content = {
                "melding": melding.model_dump(mode="json"),
                "wmo_check": check_payload(check, now.date(), draft.locale),
            }
            sent = uow.requests.send_request(
                draft_id, content, check.route.value, draft.locale, now, provision=self._request.value
            )
            if sent is None:
                return after_conflict(uow, draft_id)
            case, _event = sent  # a melding's own event kind, as the Wmo route folds it
            return finish_sending(
                uow, draft, (case, EventKind.WMO_MELDING.value), now, note=check.route.value
            )

    def sent_melding(self, reference: str) -> StoredMelding:
        """What was sent for this Wmo case, as the Wmo case reads it (for the sent page and its
        receipt)."""
        with self._uows() as uow:
            return uow.wmo_cases.melding(reference)
