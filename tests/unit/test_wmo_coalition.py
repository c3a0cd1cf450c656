"""Begeleiding through the coalition (B2-B5) as pure rules and on the case aggregate: when a
provision goes the coalition's way, the one-week contact term (BEG-CONTACT-1W) met or overdue, the
start date rule (BEG-START-DATE), the coalition's steps in order and by its own organisation only,
and the report to the CAK once per line (BEG-CAK)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

import pytest
from pydantic import ValidationError

from smi_core.access import Role
from smi_core.case import (
    Case,
    CaseAction,
    EventKind,
    Provision,
    TransitionNotAllowed,
    event_from_stored,
    stored_payload,
)
from smi_core.case.coalition_records import contact_days
from smi_core.case.coalition_refusals import CoalitionStepOutOfOrder, NotForTheCoalition, NotTheCoalition
from smi_core.cases import CaseStatus
from smi_core.errors import NotAllowed
from smi_core.wmo.casework import Assignment, CareReported
from smi_core.wmo.coalition import (
    CakLine,
    CakReport,
    CoalitionContact,
    CoalitionHandover,
    EndingPlan,
    PlanOfApproach,
    contact_term,
    goes_to_coalition,
    start_date,
    start_date_follows_rule,
)
from tests import wmo_factories as make

NOW = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
S = CaseStatus
MONDAY = date(2026, 11, 30)


@dataclass(frozen=True)
class Worker:
    username: str
    role: Role


WORKER = Worker("w.jansen", Role.WIJZER)
BACK_OFFICE = Worker("b.office", Role.GEMEENTE)
COUNSELLOR = Worker("coalitie", Role.PROVIDER)


def plan(conversation_on: date = date(2026, 12, 7)) -> PlanOfApproach:
    return PlanOfApproach(
        conversation_on=conversation_on,
        goals=("Zelf de post doen",),
        results=(make.RESULT,),
        sent_on=conversation_on,
    )


def handover() -> CoalitionHandover:
    return CoalitionHandover(passed_on=NOW.date(), situation="Na een beroerte", goals=("Zelf de post doen",))


def passed(provider: str = make.CONTRACTED) -> Case:
    """A Wmo case with the coalition's provision chosen and passed on."""
    c = Case(
        reference="WMO-2026-000042",
        status=S.IN_TRIAGE,
        owner=WORKER.username,
        version=1,
        provision=Provision.WMO,
    )
    c.version = c.start_investigation(WORKER, c.version, make.client(), NOW)
    c.version = c.report_investigation(WORKER, c.version, make.report(), make.MELDING_DAY, NOW)
    c.version = c.save_wmo_plan(WORKER, c.version, make.plan(), NOW)
    choice = make.choice(
        provider=provider, non_contracted_reason="" if provider == make.CONTRACTED else "wens"
    )
    c.version = c.choose_provision(WORKER, c.version, choice, make.catalogue(), NOW)
    if provider == make.CONTRACTED:
        c.version = c.pass_to_coalition(WORKER, c.version, handover(), make.catalogue(), NOW)
    return c


def assigned() -> Case:
    c = passed()
    assignment = Assignment(
        toewijzing_nummer=7001,
        message_id=1,
        identification="M-1",
        provider_agb=make.CONTRACTED,
        start=NOW.date(),
    )
    c.record_assignment(BACK_OFFICE, assignment, NOW)
    return c


# -- when a provision goes the coalition's way ---------------------------------------------------


def test_begeleiding_of_a_segment_for_the_coalition_goes_the_coalitions_way() -> None:
    assert goes_to_coalition(make.catalogue(), make.PRODUCT, make.CONTRACTED)


def test_the_same_product_for_a_provider_that_is_no_coalition_does_not() -> None:
    assert not goes_to_coalition(make.catalogue(), make.PRODUCT, make.NOT_CONTRACTED)


def test_a_product_outside_the_segments_does_not_go_to_the_coalition() -> None:
    catalogue = make.catalogue()
    outside = next(p for p in catalogue.products if p.segment is None)

    assert not goes_to_coalition(catalogue, outside.code, make.CONTRACTED)
    assert not goes_to_coalition(catalogue, "99X99", make.CONTRACTED)


# -- BEG-CONTACT-1W ---------------------------------------------------------------------------


def test_a_contact_within_a_week_of_the_toewijzing_meets_the_term() -> None:
    term = contact_term(MONDAY, MONDAY + timedelta(days=10), contacted_on=MONDAY + timedelta(days=7))

    assert term.due == MONDAY + timedelta(days=7) and term.met and not term.overdue


def test_no_contact_a_day_after_the_week_is_overdue_and_a_late_contact_stays_late() -> None:
    open_term = contact_term(MONDAY, MONDAY + timedelta(days=8))
    late = contact_term(MONDAY, MONDAY + timedelta(days=20), contacted_on=MONDAY + timedelta(days=9))

    assert open_term.overdue and open_term.days_late == 1
    assert late.overdue and not late.met and late.days_late == 2


def test_the_contact_days_come_from_the_clear_events_and_only_after_passing_on() -> None:
    at = datetime(2026, 12, 2, 9, tzinfo=UTC)

    before = contact_days([(EventKind.WMO_ASSIGNED, at, "7001")])
    days = contact_days(
        [
            (EventKind.WMO_PASSED_TO_COALITION, at, "2026-12-01"),
            (EventKind.WMO_ASSIGNED, at, "7001"),
            (EventKind.WMO_COALITION_CONTACT, at, "2026-12-05"),
        ]
    )

    assert before.assigned_on is None and before.term(at.date()) is None
    assert (days.assigned_on, days.contacted_on) == (date(2026, 12, 2), date(2026, 12, 5))


# -- BEG-START-DATE -----------------------------------------------------------------------------


def test_the_start_date_is_the_day_of_the_in_depth_conversation() -> None:
    assert start_date(plan(date(2026, 12, 7))) == date(2026, 12, 7)
    assert start_date(None) is None


def test_a_start_on_another_day_than_the_conversation_breaks_the_rule() -> None:
    assert start_date_follows_rule(plan(date(2026, 12, 7)), date(2026, 12, 7))
    assert not start_date_follows_rule(plan(date(2026, 12, 7)), date(2026, 12, 8))
    assert start_date_follows_rule(None, date(2026, 12, 8))


def test_a_plan_cannot_be_sent_before_its_conversation() -> None:
    with pytest.raises(ValidationError):
        PlanOfApproach(
            conversation_on=date(2026, 12, 7), goals=("a",), results=("b",), sent_on=date(2026, 12, 6)
        )


# -- on the case ---------------------------------------------------------------------------------


def test_passing_to_the_coalition_decides_the_case_without_a_beschikking_and_the_301_may_follow() -> None:
    c = passed()

    assert c.status is S.DECIDED and c.coalition.passed and c.wmo.beschikking is None
    assert c.provision_to_assign().provider_agb == make.CONTRACTED
    assert CaseAction.HAND_TO_COALITION not in c.next_actions(WORKER)  # its own section draws it


def test_a_provision_for_another_provider_is_not_passed_to_the_coalition() -> None:
    c = passed(provider=make.NOT_CONTRACTED)

    with pytest.raises(NotForTheCoalition):
        c.pass_to_coalition(WORKER, c.version, handover(), make.catalogue(), NOW)


def test_the_contact_term_runs_from_the_301_and_the_contact_closes_it() -> None:
    c = assigned()
    open_term = c.coalition.contact_term(NOW.date() + timedelta(days=8))

    c.record_coalition_contact(
        COUNSELLOR, make.CONTRACTED, CoalitionContact(contacted_on=NOW.date(), counsellor="Anna"), NOW
    )

    term = c.coalition.contact_term(NOW.date() + timedelta(days=8))
    assert open_term is not None and open_term.overdue
    assert term is not None and term.met and c.coalition.contact is not None


def test_only_the_coalition_of_the_toewijzing_records_its_steps() -> None:
    c = assigned()
    contact = CoalitionContact(contacted_on=NOW.date(), counsellor="Anna")

    with pytest.raises(NotTheCoalition):
        c.record_coalition_contact(COUNSELLOR, make.NOT_CONTRACTED, contact, NOW)
    with pytest.raises(NotAllowed):
        c.record_coalition_contact(WORKER, make.CONTRACTED, contact, NOW)


def test_the_plan_of_approach_waits_for_the_contact_and_its_conversation_comes_after_it() -> None:
    c = assigned()
    later = NOW + timedelta(days=10)

    with pytest.raises(CoalitionStepOutOfOrder, match="no_contact"):
        c.record_plan_of_approach(COUNSELLOR, make.CONTRACTED, plan(), later)
    c.record_coalition_contact(
        COUNSELLOR,
        make.CONTRACTED,
        CoalitionContact(contacted_on=date(2026, 12, 3), counsellor="Anna"),
        later,
    )
    with pytest.raises(CoalitionStepOutOfOrder, match="conversation_before_contact"):
        c.record_plan_of_approach(COUNSELLOR, make.CONTRACTED, plan(date(2026, 12, 2)), later)
    c.record_plan_of_approach(COUNSELLOR, make.CONTRACTED, plan(), later)

    assert c.coalition.plan == plan() and c.status is S.ASSIGNED


def test_the_cak_report_needs_the_start_and_takes_each_line_once() -> None:
    c = assigned()
    report = CakReport(line=CakLine.START, toewijzing_nummer=7001, reported_on=date(2026, 12, 10))
    with pytest.raises(TransitionNotAllowed):  # no care started yet
        c.record_cak_report(BACK_OFFICE, report, NOW)
    started = CareReported(
        toewijzing_nummer=7001, message_id=2, identification="B-1", begindatum=date(2026, 12, 7)
    )
    c.record_care_started(COUNSELLOR, started, NOW)

    c.record_cak_report(BACK_OFFICE, report, NOW)

    assert c.coalition.reported == {(CakLine.START, 7001): date(2026, 12, 10)}
    with pytest.raises(CoalitionStepOutOfOrder, match="already_reported"):
        c.record_cak_report(BACK_OFFICE, report, NOW)
    with pytest.raises(CoalitionStepOutOfOrder, match="nothing_to_report"):
        c.record_cak_report(BACK_OFFICE, report.model_copy(update={"line": CakLine.END}), NOW)
    with pytest.raises(NotAllowed):
        c.record_cak_report(COUNSELLOR, report, NOW)


def test_the_ending_plan_comes_after_the_plan_of_approach() -> None:
    c = assigned()
    c.record_care_started(
        COUNSELLOR,
        CareReported(
            toewijzing_nummer=7001, message_id=2, identification="B-1", begindatum=date(2026, 12, 7)
        ),
        NOW,
    )
    ending = EndingPlan(results_reached="Doelen gehaald", sent_on=NOW.date())

    with pytest.raises(CoalitionStepOutOfOrder, match="no_plan"):
        c.record_ending_plan(COUNSELLOR, make.CONTRACTED, ending, NOW)


def test_the_coalition_events_are_stored_and_read_back_as_typed_records() -> None:
    for kind, payload in (
        (EventKind.WMO_PASSED_TO_COALITION, handover()),
        (EventKind.WMO_COALITION_CONTACT, CoalitionContact(contacted_on=NOW.date(), counsellor="Anna")),
        (EventKind.WMO_PLAN_OF_APPROACH, plan()),
        (EventKind.WMO_ENDING_PLAN, EndingPlan(results_reached="ok", sent_on=NOW.date())),
        (
            EventKind.WMO_CAK_REPORTED,
            CakReport(line=CakLine.END, toewijzing_nummer=1, reported_on=NOW.date()),
        ),
    ):
        event = event_from_stored(kind, NOW, "x", None, None, "", payload)

        again = event_from_stored(kind, NOW, "x", None, None, "", stored_payload(event))

        assert again.payload == payload
