"""The case aggregate: each action checks who acts, the version, the route and the step order,
and records its events; the events read back from their stored shape; what may happen next."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

import pytest

from smi_core import default_municipality
from smi_core.access import Role
from smi_core.case import (
    EVENT_LABELS,
    ROUTES,
    SMI_ROUTE,
    Case,
    CaseAction,
    ConsentMissing,
    EventKind,
    LocationNotFound,
    NotCaseOwner,
    Provision,
    StepOutOfOrder,
    TransitionNotAllowed,
    event_from_stored,
    placement_records,
    stored_payload,
)
from smi_core.case.route import TRANSITIONS
from smi_core.cases import CaseStatus, ConsentKind, ConsentRecord
from smi_core.errors import CaseAlreadyClaimed, ConcurrentEdit, NotAllowed, Refusal
from smi_core.placement import ProviderAnswer, Sharing, Signature, Signer, SupportPlan
from tests import casework_factories as records

NOW = datetime(2026, 11, 22, 9, 0, tzinfo=UTC)
MUNICIPALITY = default_municipality()


@dataclass(frozen=True)
class Worker:
    username: str
    role: Role


WIJZER = Worker("w.jansen", Role.WIJZER)
COLLEAGUE = Worker("w.pietersen", Role.WIJZER)
COORDINATOR = Worker("c.de.boer", Role.COORDINATOR)
AGENCY = Worker("agency", Role.AGENCY)


def case(
    status: CaseStatus = CaseStatus.IN_TRIAGE, owner: str | None = WIJZER.username, **kw: object
) -> Case:
    return Case(reference="SMI-2026-000001", status=status, owner=owner, version=3, **kw)  # type: ignore[arg-type]


def consent(kind: ConsentKind, given: bool = True) -> ConsentRecord:
    return ConsentRecord(
        kind=kind, given=given, text_version="v1", text_sha256="0" * 64, locale="nl", recorded_at=NOW
    )


def test_planning_the_conversation_records_one_event_with_the_status_change_and_a_new_version() -> None:
    c = case()

    version = c.plan_conversation(WIJZER, 3, records.plan(), NOW)

    assert version == 4
    assert c.status is CaseStatus.CONVERSATION_PLANNED
    [event] = c.new_events
    assert (event.kind, event.from_status, event.to_status) == (
        EventKind.PLAN,
        "in_triage",
        "conversation_planned",
    )
    assert event.payload == records.plan()
    assert c.changes_version


def test_a_colleague_who_does_not_own_the_case_is_refused_and_nothing_is_recorded() -> None:
    c = case()

    with pytest.raises(NotCaseOwner):
        c.plan_conversation(COLLEAGUE, 3, records.plan(), NOW)

    assert c.new_events == []
    assert c.status is CaseStatus.IN_TRIAGE


def test_the_coordinator_may_act_on_a_colleagues_case() -> None:
    c = case()

    c.plan_conversation(COORDINATOR, 3, records.plan(), NOW)

    assert c.new_events[0].actor == COORDINATOR.username


def test_an_older_version_is_refused_before_anything_else() -> None:
    with pytest.raises(ConcurrentEdit):
        case().plan_conversation(WIJZER, 2, records.plan(), NOW)


def test_an_agency_may_not_act_on_a_case() -> None:
    with pytest.raises(NotAllowed):
        case(owner=AGENCY.username).plan_conversation(AGENCY, 3, records.plan(), NOW)


def test_an_action_the_route_does_not_allow_is_refused_with_the_allowed_ones() -> None:
    with pytest.raises(TransitionNotAllowed, match="allowed: plan_conversation"):
        case().to_team_meeting(WIJZER, 3, NOW)


def test_referring_elsewhere_records_the_route_the_message_and_the_closing() -> None:
    c = case()

    c.refer_other_route(WIJZER, 3, records.other_route(), NOW)

    assert [e.kind for e in c.new_events] == [EventKind.OTHER_ROUTE, EventKind.MESSAGE, EventKind.CLOSED]
    assert [(e.from_status, e.to_status) for e in c.new_events] == [
        ("in_triage", "other_route"),
        (None, None),
        ("other_route", "closed"),
    ]
    assert c.status is CaseStatus.CLOSED


def test_asking_a_provider_needs_the_consent_to_contact_it() -> None:
    c = case(CaseStatus.GRANTED)

    with pytest.raises(ConsentMissing) as refused:
        c.ask_provider(WIJZER, 3, 7, ("Houder", "Locatie"), NOW)

    assert refused.value.values == {
        "sharing": "contact_provider",
        "consent": "provider_contact",
        "state": "missing",
    }
    assert c.new_events == []


def test_asking_a_location_that_is_not_in_the_register_is_refused() -> None:
    c = case(CaseStatus.GRANTED, consents=[consent(ConsentKind.PROVIDER_CONTACT)])

    with pytest.raises(LocationNotFound):
        c.ask_provider(WIJZER, 3, 7, None, NOW)


def test_an_answer_of_a_provider_that_was_not_asked_is_out_of_order() -> None:
    c = case(CaseStatus.PLACEMENT_REQUESTED)

    with pytest.raises(StepOutOfOrder, match="not_asked"):
        c.provider_answer(WIJZER, 3, 7, ProviderAnswer.PLACE_AVAILABLE, "", NOW)


def test_the_placement_steps_fold_into_the_placement_records() -> None:
    c = case(CaseStatus.GRANTED, consents=[consent(ConsentKind.PROVIDER_CONTACT)])

    v = c.ask_provider(WIJZER, 3, 7, ("Houder", "Locatie"), NOW)
    c.version = v
    v = c.provider_answer(WIJZER, v, 7, ProviderAnswer.PLACE_AVAILABLE, "", NOW)
    c.version = v
    v = c.save_plan(WIJZER, v, SupportPlan(goals="Herstel"), NOW)
    c.version = v
    c.sign_plan(WIJZER, v, Signature(signer=Signer.PARENT, name="A", signed_on=date(2026, 12, 1)), NOW)

    placement = c.placement
    assert placement.progress.asked == (7,)
    assert placement.asked[0].answer is ProviderAnswer.PLACE_AVAILABLE
    assert placement.plans[0].signatures[0].signer is Signer.PARENT
    assert c.status is CaseStatus.PLACEMENT_REQUESTED


def test_a_note_needs_no_version_and_changes_nothing() -> None:
    c = case(owner=COLLEAGUE.username)

    c.add_note(WIJZER, "  Gebeld  ", NOW)

    assert c.new_events[0].payload.text == "Gebeld"  # type: ignore[union-attr]
    assert not c.changes_version


def test_each_stored_payload_reads_back_as_the_same_event() -> None:
    c = case(CaseStatus.GRANTED, consents=[consent(ConsentKind.PROVIDER_CONTACT)])
    c.ask_provider(WIJZER, 3, 7, ("Houder", "Locatie"), NOW)
    [event] = c.new_events

    stored = stored_payload(event)
    again = event_from_stored(
        event.kind, event.occurred_at, event.actor, "granted", "placement_requested", event.note, stored
    )

    assert stored == {"location_id": 7, "provider_name": "Houder", "location_name": "Locatie"}
    assert again == event
    assert placement_records([again]).asked[0].provider_name == "Houder"


def test_every_event_kind_has_a_label_and_the_stored_values_stay() -> None:
    assert set(EVENT_LABELS) == set(EventKind)
    assert EventKind.PLAN.value == "conversation_planned"
    assert EventKind.TAKEN.value == "taken"


def test_the_smi_route_is_the_lifecycles_table() -> None:
    assert ROUTES[Provision.SMI] is SMI_ROUTE is TRANSITIONS
    assert case().provision is Provision.SMI


def test_the_next_actions_follow_the_route_the_owner_and_the_steps_done() -> None:
    granted = case(CaseStatus.GRANTED)

    assert case(CaseStatus.NEW, owner=None).next_actions(WIJZER) == [CaseAction.TAKE]
    assert CaseAction.PLAN_CONVERSATION in case().next_actions(WIJZER)
    assert case().next_actions(COLLEAGUE) == []
    assert case().next_actions(AGENCY) == []
    assert CaseAction.REQUEST_PLACEMENT in granted.next_actions(WIJZER)
    assert CaseAction.SIGN_PLAN not in granted.next_actions(WIJZER)
    assert CaseAction.SHARE not in granted.next_actions(COORDINATOR)


def test_a_sharing_is_checked_at_its_moment() -> None:
    c = case(CaseStatus.GRANTED, consents=[consent(ConsentKind.GP_REQUEST)])

    c.require_sharing(Sharing.GP, NOW + timedelta(minutes=1))
    with pytest.raises(ConsentMissing):
        c.require_sharing(Sharing.GP, NOW - timedelta(minutes=1))


def test_every_refusal_of_the_case_is_a_refusal() -> None:
    from smi_core.case import errors

    assert all(issubclass(getattr(errors, name), Refusal) for name in errors.__all__)


def test_taking_a_new_case_makes_the_worker_its_owner_with_one_taken_event() -> None:
    c = case(CaseStatus.NEW, owner=None)

    version = c.take(WIJZER, NOW)

    assert (version, c.owner, c.status) == (4, WIJZER.username, CaseStatus.IN_TRIAGE)
    [event] = c.new_events
    assert (event.kind, event.from_status, event.to_status) == (EventKind.TAKEN, "new", "in_triage")
    assert c.owner_changed and c.taken_from is None


def test_taking_a_case_someone_has_says_who_has_it_and_records_nothing() -> None:
    c = case(CaseStatus.NEW, owner=COLLEAGUE.username)

    with pytest.raises(CaseAlreadyClaimed) as claimed:
        c.take(WIJZER, NOW)

    assert claimed.value.owner == COLLEAGUE.username
    assert c.new_events == [] and not c.owner_changed


def test_an_agency_cannot_take_a_case() -> None:
    c = case(CaseStatus.NEW, owner=None)

    with pytest.raises(NotAllowed):
        c.take(AGENCY, NOW)

    assert c.owner is None


def test_handing_a_case_on_changes_its_owner_and_keeps_its_status() -> None:
    c = case(CaseStatus.CONVERSATION_PLANNED)

    version = c.hand_to(WIJZER, 3, COLLEAGUE.username, COLLEAGUE.role, NOW)

    assert (version, c.owner, c.status) == (4, COLLEAGUE.username, CaseStatus.CONVERSATION_PLANNED)
    [event] = c.new_events
    assert (event.kind, event.note, event.from_status) == (EventKind.HANDED_TO, COLLEAGUE.username, None)
    assert c.taken_from == WIJZER.username


@pytest.mark.parametrize("role", [None, Role.AGENCY, Role.GEMEENTE])
def test_a_case_is_handed_only_to_an_active_case_worker(role: Role | None) -> None:
    c = case()

    with pytest.raises(NotAllowed):
        c.hand_to(WIJZER, 3, "someone", role, NOW)

    assert c.owner == WIJZER.username and c.new_events == []


def test_handing_on_a_case_that_changed_since_it_was_seen_is_refused() -> None:
    c = case()

    with pytest.raises(ConcurrentEdit):
        c.hand_to(WIJZER, 2, COLLEAGUE.username, COLLEAGUE.role, NOW)


def test_the_open_actions_are_the_stage_for_whoever_may_change_the_case() -> None:
    placed = case(CaseStatus.PLACED)

    assert CaseAction.RECORD_REVIEW in placed.open_actions(WIJZER)
    assert CaseAction.RECORD_REVIEW not in placed.next_actions(WIJZER)  # no indication recorded yet
    assert CaseAction.WRITE_FORM in placed.open_actions(COORDINATOR)
    assert placed.open_actions(COLLEAGUE) == [] and not placed.may_change(COLLEAGUE)
    assert placed.may_change(WIJZER) and placed.may_change(COORDINATOR) and not placed.may_change(AGENCY)


def test_after_a_conversation_that_finds_smi_does_not_fit_only_another_route_comes_next() -> None:
    c = case(CaseStatus.CONVERSATION_PLANNED)
    c.record_conversation(WIJZER, 3, records.conversation(smi_most_fitting=False), NOW)

    assert CaseAction.TO_TEAM_MEETING not in c.next_actions(WIJZER)
    assert CaseAction.REFER_OTHER_ROUTE in c.next_actions(WIJZER)
    assert CaseAction.TO_TEAM_MEETING in c.open_actions(WIJZER)
