"""Carrying a case through the *indicering* phase: the kitchen-table conversation, another route,
the 0-100 overleg and the indication form.

Each method loads the case (``uow.cases``), lets the core's ``Case`` check and record the action,
and saves it: one conditional UPDATE on the version the worker saw, so a change made on an older
version is refused with ``ConcurrentEdit`` and nothing is overwritten. What the worker wrote is
kept encrypted on the case's append-only timeline; the audit log records who did what, never the
content.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from smi_core import MunicipalityConfig
from smi_core.case import Case
from smi_core.casework import ConversationPlan, ConversationRecord, IndicationForm, OtherRoute, TeamDecision
from smi_intake.db.uow import UnitOfWorkFactory
from smi_intake.services.accounts import Account


class CaseChanges:
    """How a service changes a case: load it for a change, let one of its actions run, save it
    (the version-checked UPDATE), commit. Services hold one (composition, not a base class)."""

    def __init__(self, uows: UnitOfWorkFactory, municipality: MunicipalityConfig) -> None:
        self._uows = uows
        self.municipality = municipality

    def __call__(self, reference: str, action: Callable[[Case], int], sharing: bool = False) -> int:
        """Apply ``action`` (a method of ``Case``) to the case; returns what it returns (the new
        version). ``sharing``: the action shares data, so its consents are read locked."""
        return self.at_location(reference, None, lambda case, _names: action(case), sharing)

    def at_location(
        self,
        reference: str,
        location_id: int | None,
        action: Callable[[Case, tuple[str, str] | None], int],
        sharing: bool = False,
    ) -> int:
        """The same, for an action that needs a location's names from the register (or None)."""
        with self._uows() as uow:
            case = uow.cases.get(reference, self.municipality, for_sharing=sharing)
            names = None if location_id is None else uow.cases.location_names(location_id)
            version = action(case, names)
            uow.cases.save(case)
            uow.commit()
            return version


class CaseworkService:
    """The actions of the *indicering*."""

    def __init__(self, uows: UnitOfWorkFactory, municipality: MunicipalityConfig) -> None:
        self._change = CaseChanges(uows, municipality)
        self.municipality = municipality

    def plan_conversation(
        self, reference: str, worker: Account, version: int, plan: ConversationPlan, now: datetime
    ) -> int:
        """Plan (or move) the kitchen-table conversation. Returns the case's new version."""
        return self._change(reference, lambda case: case.plan_conversation(worker, version, plan, now))

    def record_conversation(
        self, reference: str, worker: Account, version: int, record: ConversationRecord, now: datetime
    ) -> int:
        """Record the conversation along its four subjects and the judgement about SMI."""
        return self._change(reference, lambda case: case.record_conversation(worker, version, record, now))

    def refer_other_route(
        self, reference: str, worker: Account, version: int, route: OtherRoute, now: datetime
    ) -> int:
        """SMI does not fit: record the other route and the advice, tell the family, close the case."""
        return self._change(reference, lambda case: case.refer_other_route(worker, version, route, now))

    def to_team_meeting(self, reference: str, worker: Account, version: int, now: datetime) -> int:
        """Put the case on the agenda of the 0-100 overleg."""
        return self._change(reference, lambda case: case.to_team_meeting(worker, version, now))

    def record_decision(
        self, reference: str, worker: Account, version: int, decision: TeamDecision, now: datetime
    ) -> int:
        """Record the team decision of the 0-100 overleg (granted or refused)."""
        return self._change(reference, lambda case: case.record_decision(worker, version, decision, now))

    def save_indication_form(
        self, reference: str, worker: Account, version: int, form: IndicationForm, now: datetime
    ) -> int:
        """Save a new version of the indication form; earlier versions stay on the timeline."""
        limit = self.municipality.hard_stop_months
        return self._change(
            reference, lambda case: case.save_indication_form(worker, version, form, limit, now)
        )

    def add_note(self, reference: str, worker: Account, text: str, now: datetime) -> None:
        """A note on the timeline. A note changes nothing, so it needs no version; any worker may add one."""

        def note(case: Case) -> int:
            case.add_note(worker, text, now)
            return case.version

        self._change(reference, note)


__all__ = ["CaseChanges", "CaseworkService"]
