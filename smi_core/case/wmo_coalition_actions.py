"""The actions of begeleiding through the coalition (B2-B5) on the case, mixed into ``Case``.

The access worker passes the request on with part 1 of the plan van aanpak instead of writing a
beschikking (B2); the back office's 301 then goes the usual way (``record_assignment``). The
coalition's counsellor (a provider account of the coalition's AGB code) records the contact
(``BEG-CONTACT-1W``), the plan of approach (the beschikking under mandate, ``BEG-MANDATE``) and
the ending plan; those need the toewijzing to the coalition's own organisation and no version (the
coalition works from its list of assignments). The back office marks what it reported to the CAK
(``BEG-CAK``).
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from smi_core.access import Permission, may
from smi_core.case.coalition_records import CoalitionRecords, coalition_records
from smi_core.case.coalition_refusals import CoalitionStepOutOfOrder, NotForTheCoalition, NotTheCoalition
from smi_core.case.kinds import EventKind
from smi_core.case.route import CaseAction
from smi_core.errors import NotAllowed
from smi_core.wmo.casework import ProvisionChoice
from smi_core.wmo.catalogue import Catalogue
from smi_core.wmo.coalition import (
    CakLine,
    CakReport,
    CoalitionContact,
    CoalitionHandover,
    EndingPlan,
    PlanOfApproach,
    goes_to_coalition,
)

if TYPE_CHECKING:
    from pydantic import BaseModel

    from smi_core.case.aggregate import Worker, _Move
    from smi_core.case.events import CaseEvent
    from smi_core.case.wmo_records import WmoRecords
    from smi_core.wmo.casework import Beschikking

#: What the coalition or the back office does, not the access worker's next step.
BY_COALITION = frozenset(
    {
        CaseAction.HAND_TO_COALITION,  # drawn by its own section, for a coalition provision only
        CaseAction.RECORD_COALITION_CONTACT,
        CaseAction.RECORD_PLAN_OF_APPROACH,
        CaseAction.RECORD_ENDING_PLAN,
        CaseAction.REPORT_TO_CAK,
    }
)


class CoalitionActions:
    """The coalition's route; ``Case`` supplies the mechanics declared here."""

    if TYPE_CHECKING:

        @property
        def timeline(self) -> list[CaseEvent]: ...

        @property
        def wmo(self) -> WmoRecords: ...

        def granted_beschikking(self) -> tuple[Beschikking, ProvisionChoice]: ...

        def _begin(self, worker: Worker, version: int, *actions: CaseAction | None) -> list[_Move]: ...

        def _moves(self, *actions: CaseAction | None) -> list[_Move]: ...

        def _record(
            self,
            worker: Worker,
            now: datetime,
            moves: list[_Move],
            steps: list[tuple[EventKind, BaseModel | None]],
            note: str = "",
        ) -> int: ...

    @property
    def coalition(self) -> CoalitionRecords:
        """What the coalition's route recorded on the case."""
        return coalition_records(self.timeline)

    # -- B2: passed on to the coalition ----------------------------------------------------------

    def pass_to_coalition(
        self, worker: Worker, version: int, handover: CoalitionHandover, catalogue: Catalogue, now: datetime
    ) -> int:
        """Pass the request to the coalition with part 1 of the plan van aanpak, instead of a
        beschikking; only a provision that goes the coalition's way (``NotForTheCoalition``)."""
        handover = CoalitionHandover.model_validate(handover.model_dump())
        moves = self._begin(worker, version, CaseAction.HAND_TO_COALITION)
        provision = self.wmo.provision
        if provision is None or not goes_to_coalition(
            catalogue, provision.product_code, provision.provider_agb
        ):
            raise NotForTheCoalition()
        if handover.passed_on > now.date():
            raise CoalitionStepOutOfOrder("passed_in_the_future")
        note = handover.passed_on.isoformat()
        return self._record(worker, now, moves, [(EventKind.WMO_PASSED_TO_COALITION, handover)], note)

    def provision_to_assign(self) -> ProvisionChoice:
        """The provision the 301 assigns: the one passed to the coalition, or the one a granted
        beschikking grants (``BeschikkingMissing`` otherwise, ``MSG-301-AFTER-BESCHIKKING``)."""
        provision = self.wmo.provision
        if self.coalition.passed and provision is not None:
            return provision
        return self.granted_beschikking()[1]

    # -- B3-B5: the coalition's steps ------------------------------------------------------------

    def record_coalition_contact(
        self, worker: Worker, agb: str, contact: CoalitionContact, now: datetime
    ) -> int:
        """The counsellor contacted the resident (``BEG-CONTACT-1W``): on or after the 301."""
        contact = CoalitionContact.model_validate(contact.model_dump())
        records = self._check_coalition(worker, agb)
        moves = self._moves(CaseAction.RECORD_COALITION_CONTACT)
        assert records.assigned_on is not None  # _check_coalition: the case has the 301
        if contact.contacted_on < records.assigned_on:
            raise CoalitionStepOutOfOrder("contact_before_assignment")
        if contact.contacted_on > now.date():
            raise CoalitionStepOutOfOrder("in_the_future")
        note = contact.contacted_on.isoformat()
        return self._record(worker, now, moves, [(EventKind.WMO_COALITION_CONTACT, contact)], note)

    def record_plan_of_approach(self, worker: Worker, agb: str, plan: PlanOfApproach, now: datetime) -> int:
        """The plan van aanpak sent to the resident: the beschikking under mandate (``BEG-MANDATE``);
        its in-depth conversation is on or after the first contact."""
        plan = PlanOfApproach.model_validate(plan.model_dump())
        records = self._check_coalition(worker, agb)
        moves = self._moves(CaseAction.RECORD_PLAN_OF_APPROACH)
        if records.contact is None:
            raise CoalitionStepOutOfOrder("no_contact")
        if plan.conversation_on < records.contact.contacted_on:
            raise CoalitionStepOutOfOrder("conversation_before_contact")
        if plan.sent_on > now.date():
            raise CoalitionStepOutOfOrder("in_the_future")
        note = plan.conversation_on.isoformat()
        return self._record(worker, now, moves, [(EventKind.WMO_PLAN_OF_APPROACH, plan)], note)

    def record_ending_plan(self, worker: Worker, agb: str, ending: EndingPlan, now: datetime) -> int:
        """The plan sent when the results are reached: the ending beschikking under mandate (B5)."""
        ending = EndingPlan.model_validate(ending.model_dump())
        records = self._check_coalition(worker, agb)
        moves = self._moves(CaseAction.RECORD_ENDING_PLAN)
        if records.plan is None:
            raise CoalitionStepOutOfOrder("no_plan")
        if ending.sent_on < records.plan.sent_on or ending.sent_on > now.date():
            raise CoalitionStepOutOfOrder("ending_out_of_order")
        return self._record(worker, now, moves, [(EventKind.WMO_ENDING_PLAN, ending)])

    def _check_coalition(self, worker: Worker, agb: str) -> CoalitionRecords:
        if not may(worker.role, Permission.PROVIDE_CARE):
            raise NotAllowed("only the coalition records its contact and plans")
        records = self.coalition
        assignment = self.wmo.assignment
        if not records.passed or assignment is None or assignment.provider_agb != agb:
            raise NotTheCoalition()
        return records

    # -- B4/B5: the report to the CAK --------------------------------------------------------------

    def record_cak_report(self, worker: Worker, report: CakReport, now: datetime) -> int:
        """The back office reported the start or the end of the care to the CAK (``BEG-CAK``):
        once per line, and only what the coalition's 305 or 307 recorded."""
        if not may(worker.role, Permission.EXCHANGE_MESSAGES):
            raise NotAllowed("only the back office reports to the CAK")
        records, wmo = self.coalition, self.wmo
        moves = self._moves(CaseAction.REPORT_TO_CAK)
        reported = wmo.started if report.line is CakLine.START else wmo.ended
        if not records.passed or reported is None or reported.toewijzing_nummer != report.toewijzing_nummer:
            raise CoalitionStepOutOfOrder("nothing_to_report")
        if (report.line, report.toewijzing_nummer) in records.reported:
            raise CoalitionStepOutOfOrder("already_reported")
        note = f"{report.line.value}/{report.toewijzing_nummer}"
        return self._record(worker, now, moves, [(EventKind.WMO_CAK_REPORTED, report)], note)


__all__ = ["BY_COALITION", "CoalitionActions"]
