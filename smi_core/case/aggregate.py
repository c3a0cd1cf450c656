"""The case: reference, status, owner, version, provision and its records, with one method per action.

Each action checks, in this order, what it can check on its own input, who may act (the
permission to handle cases, and the case owner or the coordinator), the version the worker saw,
the route's transition of the case's provision, the step order and, for a sharing, the consent.
Then it records its new events (and any new consent or change of the indication) on the case
and returns the case's new version. Nothing is stored here: the case repository saves what the
action recorded, in one transaction with the version check. External facts an action needs (a
provider location's names from the register, the municipality's rules, ``now``) are arguments.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any, Protocol

from pydantic import BaseModel

from smi_core.access import Permission, Role, may
from smi_core.case.errors import (
    ConsentMissing,
    ExtensionRefused,
    FormNotAllowed,
    IndicationInvalid,
    LocationNotFound,
    NotCaseOwner,
    PeriodTooLong,
    PlacementBlocked,
    StepOutOfOrder,
)
from smi_core.case.events import (
    CaseEvent,
    EventKind,
    Extended,
    LocationAnswer,
    LocationAsked,
    LocationRegistered,
    PlanShared,
    PlanSignature,
    Text,
    event_from_stored,
)
from smi_core.case.gi_actions import GiActions
from smi_core.case.jeugd_request_actions import JeugdRequestActions
from smi_core.case.records import (
    CaseRecords,
    IndicationState,
    PlacementRecords,
    case_records,
    placement_records,
    saved_forms,
)
from smi_core.case.route import ROUTES, SMI_ROUTE, CaseAction, Provision, allowed_actions, next_status
from smi_core.case.wmo_actions import WmoActions
from smi_core.case.wmo_coalition_actions import CoalitionActions
from smi_core.cases import CONSENT_TEXTS, CaseStatus, ConsentKind, ConsentRecord
from smi_core.casework import ConversationPlan, ConversationRecord, IndicationForm, OtherRoute, TeamDecision
from smi_core.errors import CaseAlreadyClaimed, ConcurrentEdit, NotAllowed
from smi_core.i18n import gettext
from smi_core.municipality import MunicipalityConfig
from smi_core.placement import (
    ConsentState,
    Consultation,
    EndRecord,
    FinancialReferral,
    GpRequest,
    Indication,
    ProviderAnswer,
    ReviewRecord,
    Sharing,
    Signature,
    SupportPlan,
    check_indication,
    check_sharing,
    placement_blockers,
)
from smi_core.timeline import ExtensionAnswers, check_extension

#: Statuses in which the indication form can be written or supplemented (the SMI route's ``WRITE_FORM``).
FORM_STATUSES = SMI_ROUTE[CaseAction.WRITE_FORM][0]

#: The longest text of a note or a message to the family.
MESSAGE_MAX = 5000


class Worker(Protocol):
    """Who acts on a case: a signed-in user with a role."""

    @property
    def username(self) -> str: ...

    @property
    def role(self) -> Role: ...


class IndicationChange(StrEnum):
    """How an action changed the case's indication, for the repository."""

    PLACED = "placed"
    """A new indication (the placement)."""
    EXTENDED = "extended"
    """Its period and dates (an extension)."""
    REVIEWED = "reviewed"
    """Its contact is done."""
    ENDED = "ended"
    """It ended."""


@dataclass
class _Move:
    """The status change of one step of an action (none for a step without an action)."""

    from_status: CaseStatus | None
    to_status: CaseStatus | None


@dataclass
class Case(WmoActions, CoalitionActions, GiActions, JeugdRequestActions):
    """A family's or a resident's case as the domain sees it, with what its actions recorded since
    it was loaded. The actions of route T (Wmo) are in ``WmoActions``, those of youth care's route G
    (a certified institution) in ``GiActions``, and the answers to a provider's request (315) in
    ``JeugdRequestActions``."""

    reference: str
    status: CaseStatus
    owner: str | None
    version: int
    provision: Provision = Provision.SMI
    events: list[CaseEvent] = field(default_factory=list)
    """The stored timeline, oldest first."""
    consents: list[ConsentRecord] = field(default_factory=list)
    indication: IndicationState | None = None
    new_events: list[CaseEvent] = field(default_factory=list)
    new_consents: list[ConsentRecord] = field(default_factory=list)
    indication_change: IndicationChange | None = None
    changes_version: bool = False
    """Whether the recorded actions change the case (status and version), or only add a note."""
    taken_from: str | None = None
    """The owner the case was loaded with, when an action changed its owner (taking, handing on)."""
    owner_changed: bool = False

    # -- what the case holds ------------------------------------------------------------------

    @property
    def timeline(self) -> list[CaseEvent]:
        """Every event, the stored ones and those recorded since, oldest first."""
        return [*self.events, *self.new_events]

    @property
    def records(self) -> CaseRecords:
        return case_records(self.timeline)

    @property
    def placement(self) -> PlacementRecords:
        return placement_records(self.timeline)

    def may_change(self, worker: Worker) -> bool:
        """Whether ``worker`` may change the case: its owner, or the coordinator (who handles cases)."""
        return may(worker.role, Permission.HANDLE_CASES) and (
            worker.username == self.owner or worker.role == Role.COORDINATOR
        )

    def open_actions(self, worker: Worker) -> list[CaseAction]:
        """What the route allows ``worker`` on this case now, before the order of the steps within
        a stage: taking an unowned case, or (for whoever may change it) every action of its status.
        The case page draws its areas from these; each area says which step comes first."""
        if not may(worker.role, Permission.HANDLE_CASES):
            return []
        allowed = allowed_actions(self.status, self._route)
        if self.owner is None:
            return [a for a in allowed if a is CaseAction.TAKE]
        if not self.may_change(worker):
            return []
        return [a for a in allowed if a is not CaseAction.TAKE]

    def next_actions(self, worker: Worker) -> list[CaseAction]:
        """What ``worker`` may do next on this case, in the order of the route map: the open
        actions whose earlier steps are done."""
        if self.provision is not Provision.SMI:
            return self.wmo_next_actions(self.open_actions(worker))
        progress = self.placement.progress
        conversation = self.records.conversation
        unavailable = {
            CaseAction.TO_TEAM_MEETING: conversation is not None and not conversation.smi_most_fitting,
            CaseAction.PROVIDER_ANSWER: not progress.asked,
            CaseAction.PARENTS_REGISTERED: ProviderAnswer.PLACE_AVAILABLE not in progress.answers.values(),
            CaseAction.SIGN_PLAN: progress.plan_versions == 0,
            CaseAction.SHARE: not progress.plan_signed,
            CaseAction.RECORD_PLACEMENT: progress.registered_at is None,
            CaseAction.RECORD_REVIEW: self.indication is None,
            CaseAction.EXTEND: self.indication is None or self.indication.ended_on is not None,
            CaseAction.END_INDICATION: self.indication is None,
        }
        return [a for a in self.open_actions(worker) if not unavailable.get(a, False)]

    def may_write_form(self) -> bool:
        """Whether the indication form can be written in the case's status."""
        return CaseAction.WRITE_FORM in allowed_actions(self.status, self._route)

    # -- who carries the case -------------------------------------------------------------------

    def take(self, worker: Worker, now: datetime) -> int:
        """``worker`` becomes the case owner (regiehouder) of a new case.

        ``CaseAlreadyClaimed`` when someone has it; of simultaneous takers the repository lets
        exactly one win (the version check), the others get ``CaseAlreadyClaimed`` too."""
        self._check_permission(worker)
        if self.owner is not None:
            raise CaseAlreadyClaimed(self.reference, self.owner)
        moves = self._moves(CaseAction.TAKE)
        self._change_owner(worker.username)
        return self._record(worker, now, moves, [(EventKind.TAKEN, None)])

    def hand_to(
        self, worker: Worker, version: int, colleague: str, colleague_role: Role | None, now: datetime
    ) -> int:
        """Hand the case to ``colleague`` (whose active role is ``colleague_role``, None if they have
        no active account): they become its owner. The status stays."""
        self._check_permission(worker)
        if not may(colleague_role, Permission.HANDLE_CASES):
            raise NotAllowed(f"{colleague} does not handle cases")
        if self.version != version:
            raise ConcurrentEdit(self.reference)
        self._change_owner(colleague)
        return self._record(worker, now, self._moves(None), [(EventKind.HANDED_TO, None)], colleague)

    def _change_owner(self, owner: str) -> None:
        if not self.owner_changed:
            self.taken_from, self.owner_changed = self.owner, True
        self.owner = owner

    # -- the indicering -------------------------------------------------------------------------

    def plan_conversation(self, worker: Worker, version: int, plan: ConversationPlan, now: datetime) -> int:
        """Plan (or move) the kitchen-table conversation. Returns the case's new version."""
        moves = self._begin(worker, version, CaseAction.PLAN_CONVERSATION)
        return self._record(worker, now, moves, [(EventKind.PLAN, plan)])

    def record_conversation(
        self, worker: Worker, version: int, record: ConversationRecord, now: datetime
    ) -> int:
        """Record the conversation along its four subjects and the judgement about SMI."""
        moves = self._begin(worker, version, CaseAction.RECORD_CONVERSATION)
        note = "smi" if record.smi_most_fitting else "other"
        return self._record(worker, now, moves, [(EventKind.CONVERSATION, record)], note)

    def refer_other_route(self, worker: Worker, version: int, route: OtherRoute, now: datetime) -> int:
        """SMI does not fit: record the other route and the advice, tell the family, close the case."""
        moves = self._begin(worker, version, CaseAction.REFER_OTHER_ROUTE, None, CaseAction.CLOSE)
        return self._record(
            worker,
            now,
            moves,
            [
                (EventKind.OTHER_ROUTE, route),
                (EventKind.MESSAGE, Text(text=route.message_to_family)),
                (EventKind.CLOSED, None),
            ],
        )

    def to_team_meeting(self, worker: Worker, version: int, now: datetime) -> int:
        """Put the case on the agenda of the 0-100 overleg."""
        moves = self._begin(worker, version, CaseAction.TO_TEAM_MEETING)
        return self._record(worker, now, moves, [(EventKind.TO_TEAM, None)])

    def record_decision(self, worker: Worker, version: int, decision: TeamDecision, now: datetime) -> int:
        """Record the team decision of the 0-100 overleg (granted or refused)."""
        action = CaseAction.GRANT if decision.granted else CaseAction.REFUSE
        steps: list[tuple[EventKind, BaseModel | None]] = [(EventKind.DECISION, decision)]
        actions: list[CaseAction | None] = [action]
        if decision.message_to_family:
            steps.append((EventKind.MESSAGE, Text(text=decision.message_to_family)))
            actions.append(None)
        moves = self._begin(worker, version, *actions)
        return self._record(worker, now, moves, steps, "granted" if decision.granted else "refused")

    def save_indication_form(
        self, worker: Worker, version: int, form: IndicationForm, hard_stop_months: int, now: datetime
    ) -> int:
        """Save a new version of the indication form; earlier versions stay on the timeline."""
        form = IndicationForm.model_validate(form.model_dump())
        if form.period_months > hard_stop_months:
            raise PeriodTooLong(form.period_months, hard_stop_months)
        self._check_worker(worker, version)
        if not self.may_write_form():
            raise FormNotAllowed(self.reference, self.status)
        moves = self._moves(None)
        note = f"v{len(saved_forms(self.timeline)) + 1}"
        return self._record(worker, now, moves, [(EventKind.FORM, form)], note)

    def add_note(self, worker: Worker, text: str, now: datetime) -> None:
        """A note on the timeline. A note changes nothing, so it needs no version; any worker may add one."""
        text = text.strip()
        if not text:
            raise ValueError("a note needs text")
        self._check_permission(worker)
        self.new_events.append(
            self._event(EventKind.NOTE, worker, now, _Move(None, None), "", Text(text=text[:MESSAGE_MAX]))
        )

    # -- consents ---------------------------------------------------------------------------------

    def record_consent(
        self,
        worker: Worker,
        version: int,
        kind: ConsentKind,
        given: bool,
        given_by: str,
        social_team: str,
        now: datetime,
    ) -> int:
        """Record a consent the parents gave (or refused) in writing, with the text version shown."""
        given_by = given_by.strip()[:120]
        if not given_by:
            raise ValueError("name who gave the consent")
        text = CONSENT_TEXTS[kind]
        shown = gettext("nl", text.message, team=social_team)
        moves = self._begin(worker, version, CaseAction.RECORD_CONSENT)
        consent = ConsentRecord(
            kind=kind,
            given=given,
            text_version=text.version,
            text_sha256=hashlib.sha256(shown.encode()).hexdigest(),
            locale="nl",
            recorded_at=now,
            given_by=given_by,
        )
        self.new_consents.append(consent)
        self.consents.append(consent)
        note = f"{kind.value}:{'given' if given else 'refused'}"
        return self._record(worker, now, moves, [(EventKind.CONSENT_RECORDED, None)], note)

    def require_sharing(self, sharing: Sharing, at: datetime) -> None:
        """``ConsentMissing`` unless the consent for exactly this sharing is given at ``at``."""
        check = check_sharing(self.consents, sharing, at)
        if check.state is not ConsentState.GIVEN:
            raise ConsentMissing(check)

    # -- asking providers ---------------------------------------------------------------------------

    def ask_provider(
        self,
        worker: Worker,
        version: int,
        location_id: int,
        names: tuple[str, str] | None,
        now: datetime,
    ) -> int:
        """Ask a provider location for a place (``names``: its provider's and its own name in the
        register, None when it is not there): needs the consent to contact the provider."""
        moves = self._begin(worker, version, CaseAction.REQUEST_PLACEMENT)
        self.require_sharing(Sharing.CONTACT_PROVIDER, now)
        if names is None:
            raise LocationNotFound(location_id)
        asked = LocationAsked(location_id=location_id, provider_name=names[0], location_name=names[1])
        return self._record(
            worker, now, moves, [(EventKind.PROVIDER_ASKED, asked)], f"location:{location_id}"
        )

    def provider_answer(
        self,
        worker: Worker,
        version: int,
        location_id: int,
        answer: ProviderAnswer,
        message_to_family: str,
        now: datetime,
    ) -> int:
        """The provider's answer. With no place, the parents are told (a message on their status page)."""
        message = message_to_family.strip()[:MESSAGE_MAX]
        if answer is ProviderAnswer.NO_PLACE and not message:
            raise ValueError("tell the parents that there is no place")
        steps: list[tuple[EventKind, BaseModel | None]] = [
            (EventKind.PROVIDER_ANSWER, LocationAnswer(location_id=location_id, answer=answer))
        ]
        actions: list[CaseAction | None] = [CaseAction.PROVIDER_ANSWER]
        if message:
            steps.append((EventKind.MESSAGE, Text(text=message)))
            actions.append(None)
        moves = self._begin(worker, version, *actions)
        if location_id not in self.placement.progress.asked:
            raise StepOutOfOrder("not_asked")
        return self._record(worker, now, moves, steps, f"{location_id}:{answer.value}")

    def parents_registered(self, worker: Worker, version: int, location_id: int, now: datetime) -> int:
        """The parents registered with the provider that has a place."""
        moves = self._begin(worker, version, CaseAction.PARENTS_REGISTERED)
        if self.placement.progress.answers.get(location_id) is not ProviderAnswer.PLACE_AVAILABLE:
            raise StepOutOfOrder("no_place")
        registered = LocationRegistered(location_id=location_id)
        return self._record(
            worker, now, moves, [(EventKind.PARENTS_REGISTERED, registered)], f"location:{location_id}"
        )

    # -- the support plan ---------------------------------------------------------------------------

    def save_plan(self, worker: Worker, version: int, plan: SupportPlan, now: datetime) -> int:
        """Save a new version of the support plan; it needs new signatures."""
        plan = SupportPlan.model_validate(plan.model_dump())
        moves = self._begin(worker, version, CaseAction.SAVE_PLAN)
        return self._record(worker, now, moves, [(EventKind.SUPPORT_PLAN, plan)])

    def sign_plan(self, worker: Worker, version: int, signature: Signature, now: datetime) -> int:
        """Record a signature of the newest version of the support plan."""
        moves = self._begin(worker, version, CaseAction.SIGN_PLAN)
        versions = self.placement.progress.plan_versions
        if versions == 0:
            raise StepOutOfOrder("no_plan")
        signed = PlanSignature(plan_version=versions, signature=signature)
        return self._record(worker, now, moves, [(EventKind.PLAN_SIGNED, signed)], signature.signer.value)

    def share(self, worker: Worker, version: int, sharing: Sharing, now: datetime) -> int:
        """Send the newest signed plan to the municipality, or inform the provider of it.

        Needs the consent for exactly this sharing; without it nothing is shared or written.
        """
        if sharing not in (Sharing.MUNICIPALITY, Sharing.PROVIDER):
            raise ValueError(f"{sharing.value} is not a plan sharing")
        moves = self._begin(worker, version, CaseAction.SHARE)
        self.require_sharing(sharing, now)
        progress = self.placement.progress
        if progress.plan_versions == 0:
            raise StepOutOfOrder("no_plan")
        if not progress.plan_signed:
            raise StepOutOfOrder("plan_not_signed")
        if sharing is Sharing.PROVIDER and progress.registered_at is None:
            raise StepOutOfOrder("not_registered")
        shared = PlanShared(sharing=sharing, plan_version=progress.plan_versions)
        return self._record(worker, now, moves, [(EventKind.SHARED, shared)], sharing.value)

    def ask_gp(self, worker: Worker, version: int, request: GpRequest, now: datetime) -> int:
        """Ask the GP for medical information: needs the GP consent."""
        moves = self._begin(worker, version, CaseAction.ASK_GP)
        self.require_sharing(Sharing.GP, now)
        return self._record(worker, now, moves, [(EventKind.GP_REQUEST, request)])

    def refer_financial_support(
        self, worker: Worker, version: int, referral: FinancialReferral, now: datetime
    ) -> int:
        """The parents cannot pay their own contribution: record the referral (e.g. to the SDD)."""
        moves = self._begin(worker, version, CaseAction.FINANCIAL_REFERRAL)
        return self._record(worker, now, moves, [(EventKind.FINANCIAL_REFERRAL, referral)])

    # -- the indication -----------------------------------------------------------------------------

    def record_placement(
        self,
        worker: Worker,
        version: int,
        indication: Indication,
        names: tuple[str, str] | None,
        municipality: MunicipalityConfig,
        now: datetime,
    ) -> int:
        """Record the placement and its indication; shares the placement data with the provider.

        ``names``: the provider's and the location's name in the register (None: not there)."""
        if indication.location_id is None:
            raise StepOutOfOrder("no_location")
        problems = check_indication(indication, municipality)
        if problems:
            raise IndicationInvalid(problems)
        moves = self._begin(worker, version, CaseAction.RECORD_PLACEMENT, None)
        progress = self.placement.progress
        blockers = placement_blockers(progress, indication.location_id)
        if blockers:
            raise PlacementBlocked(blockers)
        self.require_sharing(Sharing.PROVIDER, now)
        if names is None:
            raise LocationNotFound(indication.location_id)
        full = indication.model_copy(
            update={"provider_name": names[0], "location_name": names[1], "extensions": 0}
        )
        shared = PlanShared(sharing=Sharing.PROVIDER, plan_version=progress.plan_versions)
        self.indication = IndicationState(full, full.timeline(municipality), None, None)
        self.indication_change = IndicationChange.PLACED
        return self._record(worker, now, moves, [(EventKind.INDICATION, full), (EventKind.SHARED, shared)])

    def _recorded_indication(self) -> IndicationState:
        if self.indication is None:
            raise StepOutOfOrder("no_indication")
        return self.indication

    def record_review(self, worker: Worker, version: int, review: ReviewRecord, now: datetime) -> int:
        """The contact about the situation; it settles the contact deadline."""
        moves = self._begin(worker, version, CaseAction.RECORD_REVIEW)
        state = self._recorded_indication()
        if review.held_on < state.indication.start:
            raise StepOutOfOrder("review_before_start")
        self.indication = IndicationState(state.indication, state.timeline, review.held_on, state.ended_on)
        self.indication_change = IndicationChange.REVIEWED
        return self._record(worker, now, moves, [(EventKind.REVIEW, review)])

    def extend(
        self,
        worker: Worker,
        version: int,
        answers: ExtensionAnswers,
        consultation: Consultation,
        municipality: MunicipalityConfig,
        now: datetime,
    ) -> int:
        """Extend by the scheme's extension period, after the three answers and the consultation."""
        answers = answers.model_copy(update={"anonymised_consultation_held": consultation.complete})
        moves = self._begin(worker, version, CaseAction.EXTEND)
        state = self._recorded_indication()
        if state.ended_on is not None:
            raise StepOutOfOrder("ended")
        indication = state.indication
        result = check_extension(
            indication.start,
            indication.dates_of_birth,
            indication.extensions,
            answers,
            municipality=municipality,
            period_months=indication.period_months,
        )
        if not result.allowed or result.new_last_day is None:
            raise ExtensionRefused(result.refusals)
        extended = indication.model_copy(update={"extensions": indication.extensions + 1})
        self.indication = IndicationState(
            extended, extended.timeline(municipality), state.contact_done_on, state.ended_on
        )
        self.indication_change = IndicationChange.EXTENDED
        record = Extended(
            number=extended.extensions,
            answers=answers,
            consultation=consultation,
            new_last_day=result.new_last_day,
        )
        return self._record(worker, now, moves, [(EventKind.EXTENSION, record)], "extension")

    def end_indication(
        self, worker: Worker, version: int, end: EndRecord, message_to_family: str, now: datetime
    ) -> int:
        """End the indication on its last day of care (at the latest its planned last day)."""
        message = message_to_family.strip()[:MESSAGE_MAX]
        steps: list[tuple[EventKind, BaseModel | None]] = [(EventKind.INDICATION_ENDED, end)]
        actions: list[CaseAction | None] = [CaseAction.END_INDICATION]
        if message:
            steps.append((EventKind.MESSAGE, Text(text=message)))
            actions.append(None)
        moves = self._begin(worker, version, *actions)
        state = self._recorded_indication()
        if not state.indication.start <= end.last_day <= state.timeline.last_day:
            raise StepOutOfOrder("end_outside_period")
        self.indication = IndicationState(
            state.indication, state.timeline, state.contact_done_on, end.last_day
        )
        self.indication_change = IndicationChange.ENDED
        return self._record(worker, now, moves, steps)

    # -- the mechanics ----------------------------------------------------------------------------

    @property
    def _route(self) -> Any:
        return ROUTES[self.provision]

    @staticmethod
    def _check_permission(worker: Worker) -> None:
        if not may(worker.role, Permission.HANDLE_CASES):
            raise NotAllowed("only WIJzer workers and the coordinator handle cases")

    def _check_worker(self, worker: Worker, version: int) -> None:
        """The worker handles cases, saw this version, and owns the case (or coordinates)."""
        self._check_permission(worker)
        if self.version != version:
            raise ConcurrentEdit(self.reference)
        if not self.may_change(worker):
            raise NotCaseOwner(self.reference, self.owner)

    def _moves(self, *actions: CaseAction | None) -> list[_Move]:
        """The status change of each step along the route; ``TransitionNotAllowed`` if one does not fit."""
        status = self.status
        moves = []
        for action in actions:
            if action is None:
                moves.append(_Move(None, None))
                continue
            target = next_status(status, action, self._route)
            moves.append(_Move(status, target))
            status = target
        return moves

    def _begin(self, worker: Worker, version: int, *actions: CaseAction | None) -> list[_Move]:
        self._check_worker(worker, version)
        return self._moves(*actions)

    def _event(
        self,
        kind: EventKind,
        worker: Worker,
        now: datetime,
        move: _Move,
        note: str,
        payload: BaseModel | None,
    ) -> CaseEvent:
        return event_from_stored(
            kind,
            now,
            worker.username,
            move.from_status.value if move.from_status else None,
            move.to_status.value if move.to_status else None,
            note,
            payload,
        )

    def _record(
        self,
        worker: Worker,
        now: datetime,
        moves: list[_Move],
        steps: list[tuple[EventKind, BaseModel | None]],
        note: str = "",
    ) -> int:
        """Record one event per step (with its status change) and the case's new status."""
        for move, (kind, payload) in zip(moves, steps, strict=True):
            self.new_events.append(self._event(kind, worker, now, move, note, payload))
            if move.to_status is not None:
                self.status = move.to_status
        self.changes_version = True
        return self.version + 1


__all__ = ["FORM_STATUSES", "Case", "IndicationChange", "Worker"]
