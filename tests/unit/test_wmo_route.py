"""Route T on the case aggregate: each Wmo action's allowed and refused transitions, the contracted
provider rule (TOE-CONTRACTED), the beschikking's content (TOE-BESCHIKKING-CONTENT), no 301 before
a granted beschikking (MSG-301-AFTER-BESCHIKKING), the provider's start and stop, and the terms."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

import pytest
from pydantic import ValidationError

from smi_core.access import Role
from smi_core.case import (
    ROUTES,
    WMO_ROUTE,
    BeschikkingIncomplete,
    BeschikkingMissing,
    Case,
    CaseAction,
    EventKind,
    NotCaseOwner,
    ProductNotInCatalogue,
    ProviderNotContracted,
    Provision,
    StepOutOfOrder,
    TransitionNotAllowed,
    event_from_stored,
    stored_payload,
    term_days,
)
from smi_core.case.route import is_open
from smi_core.cases import STATUS_FOR_RESIDENTS, CaseStatus
from smi_core.errors import NotAllowed
from smi_core.wmo.casework import Assignment, CareReported, ChangeAnswered, ChangeJudgement, ChangeRequest
from smi_core.wmo.terms import Term
from tests import wmo_factories as make

NOW = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
S = CaseStatus


@dataclass(frozen=True)
class Worker:
    username: str
    role: Role


WORKER = Worker("w.jansen", Role.WIJZER)
COLLEAGUE = Worker("w.pietersen", Role.WIJZER)
BACK_OFFICE = Worker("b.office", Role.GEMEENTE)


def wmo_case(status: CaseStatus = S.IN_TRIAGE, owner: str | None = WORKER.username) -> Case:
    return Case(reference="SMI-2026-000042", status=status, owner=owner, version=1, provision=Provision.WMO)


def at(status: CaseStatus) -> Case:
    """A Wmo case carried along the route up to ``status`` (each step recorded)."""
    c = wmo_case()
    steps = [
        (S.IN_INVESTIGATION, lambda: c.start_investigation(WORKER, c.version, make.client(), NOW)),
        (
            S.INVESTIGATED,
            lambda: c.report_investigation(WORKER, c.version, make.report(), make.MELDING_DAY, NOW),
        ),
        (S.PLAN_MADE, lambda: c.save_wmo_plan(WORKER, c.version, make.plan(), NOW)),
        (
            S.PROVISION_CHOSEN,
            lambda: c.choose_provision(WORKER, c.version, make.choice(), make.catalogue(), NOW),
        ),
        (S.DECIDED, lambda: c.record_beschikking(WORKER, c.version, make.beschikking(), NOW)),
        (S.ASSIGNED, lambda: c.record_assignment(BACK_OFFICE, assignment(), NOW)),
    ]
    for target, step in steps:
        if c.status is status:
            break
        c.version = step()
        assert c.status is target
    return c


def assignment(number: int = 7001) -> Assignment:
    return Assignment(
        toewijzing_nummer=number,
        message_id=1,
        identification="M-1",
        provider_agb=make.CONTRACTED,
        start=NOW.date(),
    )


def care(number: int = 7001, end: date | None = None) -> CareReported:
    return CareReported(
        toewijzing_nummer=number,
        message_id=2,
        identification="BER-9",
        begindatum=date(2026, 12, 10),
        einddatum=end,
        reason="19" if end else "",
    )


def test_a_wmo_case_follows_its_own_route_table() -> None:
    assert ROUTES[Provision.WMO] is WMO_ROUTE
    assert WMO_ROUTE[CaseAction.ASSIGN] == (frozenset({S.DECIDED}), S.ASSIGNED)
    assert CaseAction.RECORD_CONVERSATION not in WMO_ROUTE


def test_every_status_has_a_text_for_the_resident() -> None:
    assert set(STATUS_FOR_RESIDENTS) == set(CaseStatus)


def test_the_open_wmo_statuses_are_in_the_queue_and_the_ended_ones_are_not() -> None:
    assert is_open(S.IN_INVESTIGATION) and is_open(S.CARE_STARTED)
    assert not is_open(S.CARE_ENDED) and not is_open(S.CLOSED)


def test_taking_a_new_wmo_case_makes_the_worker_its_owner() -> None:
    c = wmo_case(S.NEW, owner=None)

    c.take(WORKER, NOW)

    assert (c.status, c.owner) == (S.IN_TRIAGE, WORKER.username)
    assert c.next_actions(WORKER) == [
        CaseAction.START_INVESTIGATION,
        CaseAction.REFER_OTHER_ROUTE,
        CaseAction.WITHDRAW,
    ]


def test_the_whole_route_from_triage_to_the_toewijzing_records_one_event_per_step() -> None:
    c = at(S.ASSIGNED)

    kinds = [e.kind for e in c.new_events]
    assert kinds == [
        EventKind.WMO_INVESTIGATION_STARTED,
        EventKind.WMO_INVESTIGATION_REPORTED,
        EventKind.WMO_PLAN,
        EventKind.WMO_PROVISION,
        EventKind.WMO_BESCHIKKING,
        EventKind.WMO_ASSIGNED,
    ]
    records = c.wmo
    assert records.client == make.client() and records.plan == make.plan()
    assert (
        records.provision is not None
        and records.provision.provider_name == "Coalitie Begeleiding (voorbeeld)"
    )
    assert records.assignment == assignment()


def test_the_investigation_cannot_start_before_the_case_is_taken() -> None:
    c = wmo_case(S.NEW)

    with pytest.raises(TransitionNotAllowed):
        c.start_investigation(WORKER, 1, make.client(), NOW)

    assert c.new_events == []


def test_only_the_case_owner_records_the_investigation() -> None:
    c = wmo_case()

    with pytest.raises(NotCaseOwner):
        c.start_investigation(COLLEAGUE, 1, make.client(), NOW)


def test_a_bsn_that_fails_the_elfproef_is_refused() -> None:
    with pytest.raises(ValidationError):
        make.client(bsn="123456789")


def test_an_investigation_held_before_the_melding_is_out_of_order() -> None:
    c = at(S.IN_INVESTIGATION)

    with pytest.raises(StepOutOfOrder):
        c.report_investigation(WORKER, c.version, make.report(), make.MELDING_DAY + timedelta(days=30), NOW)


def test_no_support_plan_when_the_investigation_found_no_maatwerk_needed() -> None:
    c = at(S.IN_INVESTIGATION)
    c.version = c.report_investigation(
        WORKER, c.version, make.report(maatwerk_needed=False), make.MELDING_DAY, NOW
    )

    with pytest.raises(StepOutOfOrder):
        c.save_wmo_plan(WORKER, c.version, make.plan(), NOW)

    assert CaseAction.SAVE_WMO_PLAN not in c.next_actions(WORKER)
    assert CaseAction.REFUSE_BESCHIKKING in c.next_actions(WORKER)


def test_a_plan_needs_a_result_to_reach() -> None:
    with pytest.raises(ValidationError):
        make.plan(results=())


def test_a_provider_contracted_by_its_segment_may_be_chosen() -> None:
    c = at(S.PLAN_MADE)

    c.choose_provision(WORKER, c.version, make.choice(make.CONTRACTED), make.catalogue(), NOW)

    assert c.status is S.PROVISION_CHOSEN


def test_a_provider_not_contracted_for_the_product_is_refused_without_a_reason() -> None:
    c = at(S.PLAN_MADE)

    with pytest.raises(ProviderNotContracted) as refused:
        c.choose_provision(WORKER, c.version, make.choice(make.NOT_CONTRACTED), make.catalogue(), NOW)

    assert refused.value.rule == "TOE-CONTRACTED"
    assert c.status is S.PLAN_MADE and len(c.new_events) == 3


def test_a_provider_not_contracted_may_be_chosen_with_a_written_reason() -> None:
    c = at(S.PLAN_MADE)
    choice = make.choice(make.NOT_CONTRACTED, non_contracted_reason="Alleen deze aanbieder spreekt Pools")

    c.choose_provision(WORKER, c.version, choice, make.catalogue(), NOW)

    assert c.wmo.provision is not None and c.wmo.provision.non_contracted_reason


def test_a_product_outside_the_catalogue_is_refused() -> None:
    c = at(S.PLAN_MADE)

    with pytest.raises(ProductNotInCatalogue):
        c.choose_provision(WORKER, c.version, make.choice(product_code="99Z99"), make.catalogue(), NOW)


def test_the_choice_takes_the_category_and_name_of_the_catalogue_product() -> None:
    c = at(S.PLAN_MADE)

    c.choose_provision(WORKER, c.version, make.choice(category="07", product_name="x"), make.catalogue(), NOW)

    provision = c.wmo.provision
    assert provision is not None and (provision.category, provision.product_name) == (
        "02",
        "Begeleiding traject 2a",
    )


def test_evaluations_lie_within_the_period_of_the_provision() -> None:
    with pytest.raises(ValidationError):
        make.choice(evaluations=(date(2020, 1, 1),))


@pytest.mark.parametrize(
    ("changes", "missing"),
    [
        ({"motivation": ""}, ["motivation"]),
        ({"objection_clause": "  "}, ["objection_clause"]),
        ({"motivation": "", "objection_clause": ""}, ["motivation", "objection_clause"]),
    ],
)
def test_a_beschikking_without_motivation_or_objection_clause_is_refused(
    changes: dict[str, str], missing: list[str]
) -> None:
    c = at(S.PROVISION_CHOSEN)

    with pytest.raises(BeschikkingIncomplete) as refused:
        c.record_beschikking(WORKER, c.version, make.beschikking(**changes), NOW)

    assert refused.value.missing == missing and refused.value.rule == "TOE-BESCHIKKING-CONTENT"
    assert c.status is S.PROVISION_CHOSEN


def test_a_refusing_beschikking_may_come_right_after_the_investigation() -> None:
    c = at(S.INVESTIGATED)

    c.record_beschikking(WORKER, c.version, make.beschikking(granted=False), NOW)

    assert c.status is S.REFUSED
    assert CaseAction.CLOSE in c.next_actions(WORKER)


def test_a_granting_beschikking_needs_the_chosen_provision_first() -> None:
    c = at(S.PLAN_MADE)

    with pytest.raises(TransitionNotAllowed):
        c.record_beschikking(WORKER, c.version, make.beschikking(), NOW)


def test_no_toewijzing_before_a_granted_beschikking() -> None:
    c = at(S.PROVISION_CHOSEN)

    with pytest.raises(BeschikkingMissing) as missing:
        c.granted_beschikking()
    with pytest.raises(BeschikkingMissing):
        c.record_assignment(BACK_OFFICE, assignment(), NOW)

    assert missing.value.rule == "MSG-301-AFTER-BESCHIKKING"
    assert c.status is S.PROVISION_CHOSEN


def test_a_refused_beschikking_gets_no_toewijzing() -> None:
    c = at(S.PROVISION_CHOSEN)
    c.record_beschikking(WORKER, c.version, make.beschikking(granted=False), NOW)

    with pytest.raises(BeschikkingMissing):
        c.record_assignment(BACK_OFFICE, assignment(), NOW)


def test_the_access_worker_does_not_send_the_toewijzing_the_back_office_does() -> None:
    c = at(S.DECIDED)

    with pytest.raises(NotAllowed):
        c.record_assignment(WORKER, assignment(), NOW)

    assert CaseAction.ASSIGN not in c.next_actions(WORKER)


def test_the_provider_start_and_stop_arrive_through_the_back_office() -> None:
    c = at(S.ASSIGNED)

    c.record_care_started(BACK_OFFICE, care(), NOW)
    c.record_care_ended(BACK_OFFICE, care(end=date(2027, 6, 30)), NOW)

    assert c.status is S.CARE_ENDED
    assert c.wmo.started == care() and c.wmo.ended == care(end=date(2027, 6, 30))


def test_a_worker_does_not_record_the_providers_start_by_hand() -> None:
    c = at(S.ASSIGNED)

    with pytest.raises(NotAllowed):
        c.record_care_started(WORKER, care(), NOW)

    assert CaseAction.CARE_STARTED not in c.next_actions(WORKER)


def test_a_start_of_another_toewijzing_is_not_this_cases() -> None:
    c = at(S.ASSIGNED)

    with pytest.raises(StepOutOfOrder):
        c.record_care_started(BACK_OFFICE, care(number=9999), NOW)


def test_a_stop_before_a_start_is_not_allowed() -> None:
    c = at(S.ASSIGNED)

    with pytest.raises(TransitionNotAllowed):
        c.record_care_ended(BACK_OFFICE, care(end=date(2027, 1, 1)), NOW)


def test_a_withdrawn_case_can_be_closed() -> None:
    c = at(S.PLAN_MADE)

    c.version = c.withdraw(WORKER, c.version, NOW)
    c.close(WORKER, c.version, NOW)

    assert c.status is S.CLOSED


def test_the_wmo_events_read_back_from_their_stored_shape() -> None:
    c = at(S.ASSIGNED)

    again = [
        event_from_stored(
            e.kind, e.occurred_at, e.actor, e.from_status, e.to_status, e.note, stored_payload(e)
        )
        for e in c.new_events
    ]

    assert again == c.new_events


def test_the_investigation_term_runs_six_weeks_from_the_melding_and_is_met_by_the_account() -> None:
    c = at(S.IN_INVESTIGATION)
    [open_term] = c.wmo.terms(make.MELDING_DAY, NOW.date())

    c.report_investigation(WORKER, c.version, make.report(), make.MELDING_DAY, NOW)
    [met] = c.wmo.terms(make.MELDING_DAY, NOW.date())

    assert open_term.term is Term.ONDERZOEK and open_term.due == date(2026, 12, 14)
    assert open_term.days_left == 13
    assert met.met and met.done_on == make.report().account_sent_on


def test_the_investigation_term_is_overdue_after_six_weeks() -> None:
    c = at(S.IN_INVESTIGATION)

    [term] = c.wmo.terms(make.MELDING_DAY, date(2026, 12, 20))

    assert term.overdue and term.days_late == 6


def test_the_beschikking_term_runs_two_weeks_from_the_aanvraag() -> None:
    c = at(S.PROVISION_CHOSEN)

    _investigation, beschikking = c.wmo.terms(make.MELDING_DAY, NOW.date())

    assert beschikking.term is Term.BESCHIKKING
    assert beschikking.due == make.choice().requested_on + timedelta(days=14)


def test_the_terms_read_from_the_clear_notes_equal_those_of_the_records() -> None:
    c = at(S.DECIDED)

    days = term_days(make.MELDING_DAY, [(e.kind.value, e.note) for e in c.new_events])

    assert days.account_sent_on == make.report().account_sent_on
    assert (days.requested_on, days.decided_on) == (
        make.beschikking().requested_on,
        make.beschikking().decided_on,
    )
    assert make.BSN not in " ".join(e.note for e in c.new_events)


def change(number: int = 7001, reference: str = "VOW-1") -> ChangeRequest:
    return ChangeRequest(
        message_id=3,
        identification="BER-317",
        referentie_aanbieder=reference,
        toewijzing_nummer=number,
        from_date=date(2027, 2, 1),
        volume=2,
    )


def started() -> Case:
    c = at(S.ASSIGNED)
    c.version = c.record_care_started(BACK_OFFICE, care(), NOW)
    return c


def test_a_change_request_of_the_current_toewijzing_waits_for_the_access_workers_judgement() -> None:
    c = started()

    c.record_change_request(BACK_OFFICE, change(), NOW)

    assert c.wmo.change == change() and c.status is S.CARE_STARTED
    assert CaseAction.JUDGE_CHANGE in c.next_actions(WORKER)
    with pytest.raises(StepOutOfOrder):
        c.change_to_answer()


def test_a_change_request_of_another_toewijzing_is_not_this_cases() -> None:
    c = started()

    with pytest.raises(StepOutOfOrder):
        c.record_change_request(BACK_OFFICE, change(number=1), NOW)


def test_no_judgement_without_an_open_change_request() -> None:
    c = started()
    judgement = ChangeJudgement(referentie_aanbieder="VOW-1", honoured=True, motivation="past")

    with pytest.raises(StepOutOfOrder):
        c.judge_change(WORKER, c.version, judgement, NOW)

    assert CaseAction.JUDGE_CHANGE not in c.next_actions(WORKER)


def test_a_refusal_of_a_change_names_its_reason_and_every_judgement_its_motivation() -> None:
    with pytest.raises(ValidationError):
        ChangeJudgement(referentie_aanbieder="VOW-1", honoured=False, motivation="nee")
    with pytest.raises(ValidationError):
        ChangeJudgement(referentie_aanbieder="VOW-1", honoured=True, motivation="")


def test_the_answer_moves_the_case_to_the_new_toewijzing_and_the_old_ones_stop_does_not_end_it() -> None:
    c = started()
    c.record_change_request(BACK_OFFICE, change(), NOW)
    c.version = c.judge_change(
        WORKER,
        c.version,
        ChangeJudgement(referentie_aanbieder="VOW-1", honoured=True, motivation="past"),
        NOW,
    )
    new = assignment(number=7002)

    c.record_change_answer(
        BACK_OFFICE,
        ChangeAnswered(referentie_aanbieder="VOW-1", message_id=4, honoured=True, assignment=new),
        NOW,
    )
    c.record_care_ended(BACK_OFFICE, care(number=7001, end=date(2027, 1, 31)), NOW)
    c.record_care_started(BACK_OFFICE, care(number=7002), NOW)

    records = c.wmo
    assert c.status is S.CARE_STARTED and records.numbers == (7001, 7002)
    assert records.assignment == new and records.started == care(number=7002) and records.ended is None
    assert records.change is None
