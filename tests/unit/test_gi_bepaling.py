"""Route G's rules on the case: only a jeugdbeschermer decides, for its own institution
(``GI-DECIDES``); a provider that cannot deliver in time is recorded and the GI then names another
provider (``GI-NOT-IN-TIME``); an adjusted bepaling on an assigned case goes by the provider's 317."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from smi_core.access import Role
from smi_core.case import Case
from smi_core.case.errors import TransitionNotAllowed
from smi_core.case.events import event_from_stored
from smi_core.case.gi_actions import new_bepaling, pending_not_in_time
from smi_core.case.gi_refusals import (
    AlreadyReported,
    NotTheChosenProvider,
    NotTheInstitution,
    ProviderAlreadyNotInTime,
)
from smi_core.case.jeugd_records import JeugdRoute
from smi_core.case.kinds import EventKind
from smi_core.case.route import Provision
from smi_core.cases import CaseStatus
from smi_core.errors import NotAllowed
from tests import gi_factories as make

NOW = datetime(2026, 12, 1, 10, 0, tzinfo=UTC)
LATER = NOW + timedelta(days=1)


def g_case(status: CaseStatus = CaseStatus.DETERMINED, provider: str = make.FIRST_PROVIDER) -> Case:
    opening = event_from_stored(
        EventKind.GI_BEPALING,
        NOW,
        make.JEUGDBESCHERMER.username,
        None,
        CaseStatus.DETERMINED.value,
        provider,
        make.bepaling(provider),
    )
    return Case("JEUGD-2026-000001", status, None, 1, Provision.JEUGD, events=[opening])


@pytest.mark.parametrize("role", [r for r in Role if r is not Role.JEUGDBESCHERMER])
def test_only_a_jeugdbeschermer_records_a_bepaling(role: Role) -> None:
    worker = make.account("someone", role, make.GI)

    with pytest.raises(NotAllowed):
        new_bepaling(worker, make.GI, make.bepaling())


def test_a_jeugdbeschermer_records_a_bepaling_for_its_own_institution_only() -> None:
    assert new_bepaling(make.JEUGDBESCHERMER, make.GI, make.bepaling()).gi_organisation == make.GI

    with pytest.raises(NotTheInstitution):
        new_bepaling(make.JEUGDBESCHERMER, make.GI, make.bepaling(organisation=make.OTHER_GI))


def test_a_jeugdbeschermer_of_another_institution_cannot_adjust_the_bepaling() -> None:
    case = g_case()

    with pytest.raises(NotTheInstitution):
        case.adjust_bepaling(
            make.OTHER_JEUGDBESCHERMER, make.OTHER_GI, make.bepaling(organisation=make.OTHER_GI), LATER
        )
    assert case.new_events == []


def test_the_case_follows_route_g_with_the_bepaling_that_holds() -> None:
    case = g_case()

    assert case.jeugd.route is JeugdRoute.G
    assert case.jeugd.bepaling is not None
    assert case.jeugd.bepaling.provider_agb == make.FIRST_PROVIDER


def test_not_in_time_is_recorded_and_then_an_adjusted_bepaling_names_another_provider() -> None:
    case = g_case()

    case.provider_not_in_time(make.FIRST, make.FIRST_PROVIDER, make.not_in_time(), LATER)
    assert pending_not_in_time(case.timeline) == make.not_in_time()
    assert case.status is CaseStatus.DETERMINED
    case.adjust_bepaling(make.JEUGDBESCHERMER, make.GI, make.bepaling(make.SECOND_PROVIDER), LATER)

    assert case.jeugd.bepaling is not None
    assert case.jeugd.bepaling.provider_agb == make.SECOND_PROVIDER
    assert pending_not_in_time(case.timeline) is None
    assert [e.kind for e in case.new_events] == [EventKind.GI_NOT_IN_TIME, EventKind.GI_BEPALING_ADJUSTED]
    assert case.new_events[-1].note == make.SECOND_PROVIDER


def test_after_not_in_time_the_same_provider_only_with_a_start_it_can_make() -> None:
    case = g_case()
    case.provider_not_in_time(make.FIRST, make.FIRST_PROVIDER, make.not_in_time(), LATER)
    earliest = make.not_in_time().earliest_start
    assert earliest is not None

    with pytest.raises(ProviderAlreadyNotInTime):
        case.adjust_bepaling(make.JEUGDBESCHERMER, make.GI, make.bepaling(make.FIRST_PROVIDER), LATER)
    case.adjust_bepaling(
        make.JEUGDBESCHERMER, make.GI, make.bepaling(make.FIRST_PROVIDER, start=earliest), LATER
    )

    assert pending_not_in_time(case.timeline) is None


def test_only_the_chosen_provider_says_it_cannot_deliver_in_time() -> None:
    case = g_case()

    with pytest.raises(NotTheChosenProvider):
        case.provider_not_in_time(
            make.SECOND, make.SECOND_PROVIDER, make.not_in_time(make.SECOND_PROVIDER), LATER
        )
    with pytest.raises(NotAllowed):
        case.provider_not_in_time(make.JEUGDBESCHERMER, make.FIRST_PROVIDER, make.not_in_time(), LATER)
    assert case.new_events == []


def test_a_provider_says_once_that_it_cannot_deliver_in_time() -> None:
    case = g_case()
    case.provider_not_in_time(make.FIRST, make.FIRST_PROVIDER, make.not_in_time(), LATER)

    with pytest.raises(AlreadyReported):
        case.provider_not_in_time(make.FIRST, make.FIRST_PROVIDER, make.not_in_time(), LATER)


def test_not_in_time_only_before_the_assignment() -> None:
    case = g_case(CaseStatus.ASSIGNED)

    with pytest.raises(TransitionNotAllowed):
        case.provider_not_in_time(make.FIRST, make.FIRST_PROVIDER, make.not_in_time(), LATER)


@pytest.mark.parametrize("status", [CaseStatus.ASSIGNED, CaseStatus.CARE_STARTED])
def test_an_adjusted_bepaling_on_an_assigned_case_keeps_its_status(status: CaseStatus) -> None:
    case = g_case(status)

    case.adjust_bepaling(make.JEUGDBESCHERMER, make.GI, make.bepaling(volume=5), LATER)

    assert case.status is status
    assert case.new_events[-1].from_status == status.value


@pytest.mark.parametrize("status", [CaseStatus.CARE_ENDED, CaseStatus.CLOSED, CaseStatus.WITHDRAWN])
def test_a_closed_case_takes_no_adjusted_bepaling(status: CaseStatus) -> None:
    case = g_case(status)

    with pytest.raises(TransitionNotAllowed):
        case.adjust_bepaling(make.JEUGDBESCHERMER, make.GI, make.bepaling(volume=5), LATER)


def test_the_access_worker_does_not_get_the_gi_actions_as_next_steps() -> None:
    case = g_case()
    worker = make.account("w.jansen", Role.WIJZER)

    assert not {a.value for a in case.next_actions(worker)} & {"adjust_bepaling", "provider_not_in_time"}
