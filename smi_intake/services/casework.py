"""Carrying a case through the *indicering* phase: the kitchen-table conversation, another route,
the 0-100 overleg and the indication form.

Every change names the case version it was made on. It is one conditional UPDATE of the case
(status and version), so a change made on an older version is refused with ``ConcurrentEdit``
and nothing is overwritten. What the worker wrote is kept encrypted on the case's append-only
timeline; the audit log records who did what, never the content.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from pydantic import BaseModel
from sqlalchemy import func, select, update

from smi_core import MunicipalityConfig
from smi_core.access import Permission, Role, may
from smi_core.cases import CaseStatus
from smi_core.casework import ConversationPlan, ConversationRecord, IndicationForm, OtherRoute, TeamDecision
from smi_core.errors import CaseNotFound, ConcurrentEdit, NotAllowed
from smi_core.lifecycle import CaseAction, next_status
from smi_intake.crypto import Cipher
from smi_intake.db.models import CaseEventRow, CaseRow, EventKind
from smi_intake.db.timeline import append_event
from smi_intake.db.uow import UnitOfWork, UnitOfWorkFactory
from smi_intake.services.accounts import Account

#: Statuses in which the indication form can be written or supplemented.
FORM_STATUSES = frozenset(
    {
        CaseStatus.CONVERSATION_HELD,
        CaseStatus.IN_TEAM_MEETING,
        CaseStatus.GRANTED,
        CaseStatus.PLACEMENT_REQUESTED,
        CaseStatus.PLACED,
    }
)


class NotCaseOwner(PermissionError):
    """Only the case owner (regiehouder) or the SMI coordinator changes a case."""

    def __init__(self, reference: str, owner: str | None) -> None:
        super().__init__(f"{reference} belongs to {owner or 'nobody'}")
        self.reference = reference
        self.owner = owner


class FormNotAllowed(RuntimeError):
    """The indication form cannot be written in the case's current status."""

    def __init__(self, reference: str, status: CaseStatus) -> None:
        super().__init__(f"the indication form of {reference} cannot be written while it is {status.value}")
        self.reference = reference
        self.status = status


class PeriodTooLong(ValueError):
    """The form asks a longer period than the policy's definitive end allows."""

    def __init__(self, months: int, limit: int) -> None:
        super().__init__(f"a period of {months} months is longer than the limit of {limit} months")
        self.months = months
        self.limit = limit


@dataclass(frozen=True)
class _Current:
    id: int
    reference: str
    status: CaseStatus
    owner: str | None
    version: int


class CaseworkService:
    def __init__(self, uows: UnitOfWorkFactory, cipher: Cipher, municipality: MunicipalityConfig) -> None:
        self._uows = uows
        self._cipher = cipher
        self._municipality = municipality

    @property
    def municipality(self) -> MunicipalityConfig:
        """The municipality whose rules this service applies."""
        return self._municipality

    # -- the actions --------------------------------------------------------------------------

    def plan_conversation(
        self, reference: str, worker: Account, version: int, plan: ConversationPlan, now: datetime
    ) -> int:
        """Plan (or move) the kitchen-table conversation. Returns the case's new version."""
        return self._change(
            reference, worker, version, now, [(CaseAction.PLAN_CONVERSATION, EventKind.PLAN, plan)]
        )

    def record_conversation(
        self, reference: str, worker: Account, version: int, record: ConversationRecord, now: datetime
    ) -> int:
        """Record the conversation along its four subjects and the judgement about SMI."""
        note = "smi" if record.smi_most_fitting else "other"
        return self._change(
            reference,
            worker,
            version,
            now,
            [(CaseAction.RECORD_CONVERSATION, EventKind.CONVERSATION, record)],
            note,
        )

    def refer_other_route(
        self, reference: str, worker: Account, version: int, route: OtherRoute, now: datetime
    ) -> int:
        """SMI does not fit: record the other route and the advice, tell the family, close the case."""
        message = {"text": route.message_to_family}
        return self._change(
            reference,
            worker,
            version,
            now,
            [
                (CaseAction.REFER_OTHER_ROUTE, EventKind.OTHER_ROUTE, route),
                (None, EventKind.MESSAGE, message),
                (CaseAction.CLOSE, "closed", None),
            ],
        )

    def to_team_meeting(self, reference: str, worker: Account, version: int, now: datetime) -> int:
        """Put the case on the agenda of the 0-100 overleg."""
        return self._change(reference, worker, version, now, [(CaseAction.TO_TEAM_MEETING, "to_team", None)])

    def record_decision(
        self, reference: str, worker: Account, version: int, decision: TeamDecision, now: datetime
    ) -> int:
        """Record the team decision of the 0-100 overleg (granted or refused)."""
        action = CaseAction.GRANT if decision.granted else CaseAction.REFUSE
        steps: list[tuple[CaseAction | None, str, Any]] = [(action, EventKind.DECISION, decision)]
        if decision.message_to_family:
            steps.append((None, EventKind.MESSAGE, {"text": decision.message_to_family}))
        return self._change(
            reference, worker, version, now, steps, "granted" if decision.granted else "refused"
        )

    def save_indication_form(
        self, reference: str, worker: Account, version: int, form: IndicationForm, now: datetime
    ) -> int:
        """Save a new version of the indication form; earlier versions stay on the timeline."""
        form = IndicationForm.model_validate(form.model_dump())
        limit = self._municipality.hard_stop_months
        if form.period_months > limit:
            raise PeriodTooLong(form.period_months, limit)
        return self._change(reference, worker, version, now, [(None, EventKind.FORM, form)], form_status=True)

    def add_note(self, reference: str, worker: Account, text: str, now: datetime) -> None:
        """A note on the timeline. A note changes nothing, so it needs no version; any worker may add one."""
        text = text.strip()
        if not text:
            raise ValueError("a note needs text")
        if not may(worker.role, Permission.HANDLE_CASES):
            raise NotAllowed("only WIJzer workers and the coordinator handle cases")
        with self._uows() as uow:
            current = self._current(uow, reference)
            self._event(uow, current, worker, EventKind.NOTE, None, None, {"text": text[:5000]}, "", now)
            uow.commit()

    # -- the mechanics ------------------------------------------------------------------------

    @staticmethod
    def _current(uow: UnitOfWork, reference: str) -> _Current:
        row = uow.session.execute(
            select(CaseRow.id, CaseRow.status, CaseRow.owner, CaseRow.version).where(
                CaseRow.reference == reference
            )
        ).one_or_none()
        if row is None:
            raise CaseNotFound(reference)
        return _Current(row.id, reference, CaseStatus(row.status), row.owner, row.version)

    def _change(
        self,
        reference: str,
        worker: Account,
        version: int,
        now: datetime,
        steps: list[tuple[CaseAction | None, str, Any]],
        note: str = "",
        form_status: bool = False,
        inside: Callable[[UnitOfWork, _Current], None] | None = None,
    ) -> int:
        """Apply ``steps`` as one conditional UPDATE on ``version``; ``inside`` runs in the same
        transaction after the checks (it may refuse by raising, or write rows of its own)."""
        if not may(worker.role, Permission.HANDLE_CASES):
            raise NotAllowed("only WIJzer workers and the coordinator handle cases")
        with self._uows() as uow:
            current = self._current(uow, reference)
            if current.version != version:
                raise ConcurrentEdit(reference)
            if worker.username != current.owner and worker.role != Role.COORDINATOR:
                raise NotCaseOwner(reference, current.owner)
            if form_status and current.status not in FORM_STATUSES:
                raise FormNotAllowed(reference, current.status)
            status = current.status
            transitions = []
            for action, kind, record in steps:
                target = next_status(status, action) if action else status
                transitions.append((kind, status if action else None, target if action else None, record))
                status = target
            if inside is not None:
                inside(uow, current)
            changed = uow.session.execute(
                update(CaseRow)
                .where(CaseRow.id == current.id, CaseRow.version == version)
                .values(status=status.value, version=CaseRow.version + 1)
                .execution_options(synchronize_session=False)
            )
            if changed.rowcount != 1:  # type: ignore[attr-defined]
                uow.rollback()
                raise ConcurrentEdit(reference)
            for kind, before, after, record in transitions:
                event_note = note
                if kind == EventKind.FORM:
                    event_note = f"v{self._form_count(uow, current.id) + 1}"
                self._event(uow, current, worker, kind, before, after, record, event_note, now)
            uow.commit()
            return version + 1

    @staticmethod
    def _form_count(uow: UnitOfWork, case_id: int) -> int:
        return int(
            uow.session.scalar(
                select(func.count())
                .select_from(CaseEventRow)
                .where(CaseEventRow.case_id == case_id, CaseEventRow.kind == EventKind.FORM)
            )
            or 0
        )

    def _event(
        self,
        uow: UnitOfWork,
        current: _Current,
        worker: Account,
        kind: str,
        before: CaseStatus | None,
        after: CaseStatus | None,
        record: BaseModel | dict[str, Any] | None,
        note: str,
        now: datetime,
    ) -> None:
        append_event(
            uow,
            case_id=current.id,
            reference=current.reference,
            actor=worker.username,
            kind=kind,
            now=now,
            from_status=before.value if before else None,
            to_status=after.value if after else None,
            note=note,
            payload=record,
        )
