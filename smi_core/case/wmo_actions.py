"""The actions of route T (Wmo) on the case, one method each, mixed into ``Case``.

Each checks what it can check on its own input, then who acts, the version and the route's
transition (``Case._begin``), then the step's own rule, and records its event. The back office
does the steps of the messages: it sends the toewijzing (301, T5) once the access worker's
beschikking grants the provision, and its import records the provider's start (305) and stop
(307). Those need the permission to exchange messages, not the case's owner, and no version (the
back office works from its list, not from what a worker saw).
"""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from smi_core.access import Permission, may
from smi_core.case.errors import (
    BeschikkingIncomplete,
    BeschikkingMissing,
    ProductNotInCatalogue,
    ProviderNotContracted,
    StepOutOfOrder,
)
from smi_core.case.jeugd_records import JeugdRecords, jeugd_records
from smi_core.case.kinds import EventKind
from smi_core.case.route import DOMAINS, LAWS, CaseAction, Provision
from smi_core.case.wmo_coalition_actions import BY_COALITION
from smi_core.case.wmo_records import WmoRecords, term_note, wmo_records
from smi_core.errors import NotAllowed
from smi_core.istandaarden.kinds import Domain
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
from smi_core.wmo.catalogue import Catalogue
from smi_core.wmo.terms import Law

if TYPE_CHECKING:
    from pydantic import BaseModel

    from smi_core.case.aggregate import Worker, _Move
    from smi_core.case.events import CaseEvent
    from smi_core.cases import CaseStatus

#: What the back office does (the messages), not the access worker's forms.
BY_MESSAGE = frozenset(
    {
        CaseAction.ASSIGN,
        CaseAction.CARE_STARTED,
        CaseAction.CARE_ENDED,
        CaseAction.RECORD_CHANGE_REQUEST,
        CaseAction.ANSWER_CHANGE,
    }
)


#: What others than the access worker do on a youth-care case: the certified institution (its
#: bepaling, G2-G3a/b) and the back office (a provider's request and its answer, M4-M6).
BY_OTHERS = frozenset(
    {
        CaseAction.ADJUST_BEPALING,
        CaseAction.PROVIDER_NOT_IN_TIME,
        CaseAction.RECEIVE_REQUEST,
        CaseAction.ANSWER_REQUEST,
        CaseAction.REFUSE_REQUEST,
        CaseAction.REQUEST_IN_ONDERZOEK,
        CaseAction.INVOLVE,
    }
)


class WmoActions:
    """Route T's actions; ``Case`` supplies the mechanics declared here."""

    if TYPE_CHECKING:
        reference: str
        status: CaseStatus
        provision: Provision

        @property
        def timeline(self) -> list[CaseEvent]: ...

        def _begin(self, worker: Worker, version: int, *actions: CaseAction | None) -> list[_Move]: ...

        def _moves(self, *actions: CaseAction | None) -> list[_Move]: ...

        def provision_to_assign(self) -> ProvisionChoice: ...

        def _record(
            self,
            worker: Worker,
            now: datetime,
            moves: list[_Move],
            steps: list[tuple[EventKind, BaseModel | None]],
            note: str = "",
        ) -> int: ...

    @property
    def wmo(self) -> WmoRecords:
        """What route T recorded on the case."""
        return wmo_records(self.timeline)

    @property
    def jeugd(self) -> JeugdRecords:
        """What youth care's routes G and M recorded on the case, and its route (T, G or M)."""
        return jeugd_records(self.timeline)

    @property
    def domain(self) -> Domain:
        """The message set of the case's provision: iWmo for Wmo support, iJw for youth care."""
        return DOMAINS[self.provision]

    @property
    def law(self) -> Law:
        """The law of the case's provision, which sets the beschikking's term."""
        return LAWS[self.provision]

    # -- T2: the investigation -------------------------------------------------------------------

    def start_investigation(self, worker: Worker, version: int, client: WmoClient, now: datetime) -> int:
        """Start the investigation, with who the client is (the resident showed who they are)."""
        client = WmoClient.model_validate(client.model_dump())
        moves = self._begin(worker, version, CaseAction.START_INVESTIGATION)
        return self._record(worker, now, moves, [(EventKind.WMO_INVESTIGATION_STARTED, client)])

    def report_investigation(
        self, worker: Worker, version: int, report: InvestigationReport, melding_on: date, now: datetime
    ) -> int:
        """Record the investigation and the day its written account went to the resident."""
        report = InvestigationReport.model_validate(report.model_dump())
        moves = self._begin(worker, version, CaseAction.REPORT_INVESTIGATION)
        if report.held_on < melding_on:
            raise StepOutOfOrder("investigation_before_melding")
        if report.account_sent_on > now.date():
            raise StepOutOfOrder("account_in_the_future")
        note = term_note(report)
        return self._record(worker, now, moves, [(EventKind.WMO_INVESTIGATION_REPORTED, report)], note)

    # -- T3: the support plan --------------------------------------------------------------------

    def save_wmo_plan(self, worker: Worker, version: int, plan: WmoSupportPlan, now: datetime) -> int:
        """Save (a new version of) the support plan with the results to reach."""
        plan = WmoSupportPlan.model_validate(plan.model_dump())
        moves = self._begin(worker, version, CaseAction.SAVE_WMO_PLAN)
        if self.wmo.investigation is not None and not self.wmo.investigation.maatwerk_needed:
            raise StepOutOfOrder("no_maatwerk_needed")
        note = f"v{len(self.wmo.plans) + 1}"
        return self._record(worker, now, moves, [(EventKind.WMO_PLAN, plan)], note)

    # -- T2/T4: the provision and the provider ---------------------------------------------------

    def choose_provision(
        self, worker: Worker, version: int, choice: ProvisionChoice, catalogue: Catalogue, now: datetime
    ) -> int:
        """Choose the product from the catalogue and the provider: a provider not contracted for
        the product (by code or segment) only with a written reason (``TOE-CONTRACTED``)."""
        choice = ProvisionChoice.model_validate(choice.model_dump())
        product = catalogue.product(self.domain, choice.product_code)
        if product is None:
            raise ProductNotInCatalogue(choice.product_code)
        if not catalogue.is_contracted(choice.provider_agb, product) and not choice.non_contracted_reason:
            raise ProviderNotContracted(choice.provider_agb, product.code)
        provider = catalogue.provider(choice.provider_agb)
        choice = choice.model_copy(
            update={
                "category": product.category,
                "product_name": product.name,
                "provider_name": provider.name if provider is not None else choice.provider_name,
            }
        )
        moves = self._begin(worker, version, CaseAction.CHOOSE_PROVISION)
        return self._record(worker, now, moves, [(EventKind.WMO_PROVISION, choice)], term_note(choice))

    # -- T4: the beschikking ---------------------------------------------------------------------

    def record_beschikking(
        self, worker: Worker, version: int, beschikking: Beschikking, now: datetime
    ) -> int:
        """Record the beschikking: it needs its motivation and objection clause
        (``TOE-BESCHIKKING-CONTENT``); a grant needs the chosen provision."""
        beschikking = Beschikking.model_validate(beschikking.model_dump())
        missing = [
            name
            for name, text in (
                ("motivation", beschikking.motivation),
                ("objection_clause", beschikking.objection_clause),
            )
            if not text
        ]
        if missing:
            raise BeschikkingIncomplete(missing)
        action = CaseAction.GRANT_BESCHIKKING if beschikking.granted else CaseAction.REFUSE_BESCHIKKING
        moves = self._begin(worker, version, action)
        if beschikking.decided_on > now.date():
            raise StepOutOfOrder("decision_in_the_future")
        return self._record(
            worker, now, moves, [(EventKind.WMO_BESCHIKKING, beschikking)], term_note(beschikking)
        )

    def granted_beschikking(self) -> tuple[Beschikking, ProvisionChoice]:
        """The beschikking that grants the chosen provision; ``BeschikkingMissing`` when there is
        none (``MSG-301-AFTER-BESCHIKKING``)."""
        records = self.wmo
        if records.beschikking is None or not records.beschikking.granted or records.provision is None:
            raise BeschikkingMissing(self.reference)
        return records.beschikking, records.provision

    # -- T5: the toewijzing ----------------------------------------------------------------------

    def record_assignment(self, worker: Worker, assignment: Assignment, now: datetime) -> int:
        """The back office queued the toewijzing (301) for the provider, after a granted
        beschikking (``MSG-301-AFTER-BESCHIKKING``)."""
        _check_back_office(worker)
        self.provision_to_assign()
        moves = self._moves(CaseAction.ASSIGN)
        note = f"{assignment.toewijzing_nummer}"
        return self._record(worker, now, moves, [(EventKind.WMO_ASSIGNED, assignment)], note)

    # -- T7-T9: the provider's start and stop ----------------------------------------------------

    def record_care_started(self, worker: Worker, report: CareReported, now: datetime) -> int:
        """The provider's 305 for the case's toewijzing arrived: the care started."""
        return self._by_message(worker, CaseAction.CARE_STARTED, EventKind.CARE_STARTED, report, now)

    def record_care_ended(self, worker: Worker, report: CareReported, now: datetime) -> int:
        """The provider's 307 for the case's toewijzing arrived: the care stopped."""
        if report.einddatum is None:
            raise ValueError("a stop has an end date")
        return self._by_message(worker, CaseAction.CARE_ENDED, EventKind.CARE_ENDED, report, now)

    def _by_message(
        self, worker: Worker, action: CaseAction, kind: EventKind, report: CareReported, now: datetime
    ) -> int:
        _check_arrival(worker)
        records = self.wmo
        if report.toewijzing_nummer not in records.numbers:
            raise StepOutOfOrder("not_assigned")
        current = (
            records.assignment is not None
            and records.assignment.toewijzing_nummer == report.toewijzing_nummer
        )
        # the start or stop of an earlier toewijzing (ended by a change) does not move the case
        moves = self._moves(action if current else None)
        return self._record(worker, now, moves, [(kind, report)], report.identification)

    # -- T8: a change request ----------------------------------------------------------------------

    def record_change_request(self, worker: Worker, request: ChangeRequest, now: datetime) -> int:
        """The provider's 317 about the case's current toewijzing arrived."""
        _check_arrival(worker)
        records = self.wmo
        if records.assignment is None or records.assignment.toewijzing_nummer != request.toewijzing_nummer:
            raise StepOutOfOrder("not_assigned")
        if records.change is not None:
            raise StepOutOfOrder("change_open")
        moves = self._moves(CaseAction.RECORD_CHANGE_REQUEST)
        note = request.referentie_aanbieder
        return self._record(worker, now, moves, [(EventKind.WMO_CHANGE_REQUESTED, request)], note)

    def judge_change(self, worker: Worker, version: int, judgement: ChangeJudgement, now: datetime) -> int:
        """The access worker judges the open change request: honoured (a new 301) or refused (a
        319 with its reason)."""
        judgement = ChangeJudgement.model_validate(judgement.model_dump())
        moves = self._begin(worker, version, CaseAction.JUDGE_CHANGE)
        change = self.wmo.change
        if change is None or change.referentie_aanbieder != judgement.referentie_aanbieder:
            raise StepOutOfOrder("no_change_request")
        note = "honoured" if judgement.honoured else "refused"
        return self._record(worker, now, moves, [(EventKind.WMO_CHANGE_JUDGED, judgement)], note)

    def change_to_answer(self) -> tuple[ChangeRequest, ChangeJudgement]:
        """The open change request and its judgement (``StepOutOfOrder`` before the judgement)."""
        records = self.wmo
        if records.change is None or records.judgement is None:
            raise StepOutOfOrder("change_not_judged")
        return records.change, records.judgement

    def record_change_answer(self, worker: Worker, answer: ChangeAnswered, now: datetime) -> int:
        """The back office queued the 301 or 319 that answers the judged change request."""
        _check_back_office(worker)
        self.change_to_answer()
        moves = self._moves(CaseAction.ANSWER_CHANGE)
        note = "301" if answer.honoured else "319"
        return self._record(worker, now, moves, [(EventKind.WMO_CHANGE_ANSWERED, answer)], note)

    # -- leaving the route -----------------------------------------------------------------------

    def withdraw(self, worker: Worker, version: int, now: datetime) -> int:
        """The resident withdrew the melding or the aanvraag."""
        moves = self._begin(worker, version, CaseAction.WITHDRAW)
        return self._record(worker, now, moves, [(EventKind.WITHDRAWN, None)])

    def close(self, worker: Worker, version: int, now: datetime) -> int:
        """Close a case that is refused, referred, withdrawn or whose care ended."""
        moves = self._begin(worker, version, CaseAction.CLOSE)
        return self._record(worker, now, moves, [(EventKind.CLOSED, None)])

    def wmo_next_actions(self, open_actions: list[CaseAction]) -> list[CaseAction]:
        """Of the open actions, what a worker does next on a Wmo case: not what arrives by message,
        no plan when the investigation found no maatwerk needed."""
        records = self.wmo
        unavailable: dict[CaseAction, Any] = {
            CaseAction.SAVE_WMO_PLAN: records.investigation is not None
            and not records.investigation.maatwerk_needed,
            CaseAction.JUDGE_CHANGE: records.change is None,
        }
        skipped = BY_MESSAGE | BY_COALITION | BY_OTHERS
        return [a for a in open_actions if a not in skipped and not unavailable.get(a, False)]


def _check_arrival(worker: Worker) -> None:
    """Who records a provider's accepted message on the case: the back office's import, or the
    provider's own page, whose message the import checked as the provider's own (its sender)."""
    if not (may(worker.role, Permission.EXCHANGE_MESSAGES) or may(worker.role, Permission.PROVIDE_CARE)):
        raise NotAllowed("only an accepted message of the provider records its start, stop or request")


def _check_back_office(worker: Worker) -> None:
    if not may(worker.role, Permission.EXCHANGE_MESSAGES):
        raise NotAllowed("only the back office exchanges the messages with the providers")


__all__ = ["BY_MESSAGE", "BY_OTHERS", "WmoActions"]
