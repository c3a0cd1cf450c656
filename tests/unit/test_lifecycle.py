"""The case state machine: every allowed transition works, every other one is refused clearly."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from smi_core.case.errors import TransitionNotAllowed
from smi_core.case.route import CaseAction as A
from smi_core.case.route import allowed_actions, is_open, next_status
from smi_core.cases import CaseStatus as S
from smi_core.dates import working_days_between

OPEN = [
    S.NEW, S.IN_TRIAGE, S.CONVERSATION_PLANNED, S.CONVERSATION_HELD, S.IN_TEAM_MEETING,
    S.GRANTED, S.PLACEMENT_REQUESTED, S.PLACED,
]  # fmt: skip

#: The route map, written out independently of the implementation: (from, action) -> to.
ALLOWED = {
    (S.NEW, A.TAKE): S.IN_TRIAGE,
    (S.IN_TRIAGE, A.PLAN_CONVERSATION): S.CONVERSATION_PLANNED,
    (S.CONVERSATION_PLANNED, A.PLAN_CONVERSATION): S.CONVERSATION_PLANNED,
    (S.CONVERSATION_PLANNED, A.RECORD_CONVERSATION): S.CONVERSATION_HELD,
    (S.IN_TRIAGE, A.REFER_OTHER_ROUTE): S.OTHER_ROUTE,
    (S.CONVERSATION_HELD, A.REFER_OTHER_ROUTE): S.OTHER_ROUTE,
    (S.CONVERSATION_HELD, A.TO_TEAM_MEETING): S.IN_TEAM_MEETING,
    (S.IN_TEAM_MEETING, A.GRANT): S.GRANTED,
    (S.IN_TEAM_MEETING, A.REFUSE): S.REFUSED,
    (S.GRANTED, A.REQUEST_PLACEMENT): S.PLACEMENT_REQUESTED,
    (S.PLACEMENT_REQUESTED, A.REQUEST_PLACEMENT): S.PLACEMENT_REQUESTED,
    (S.PLACEMENT_REQUESTED, A.RECORD_PLACEMENT): S.PLACED,
    (S.PLACED, A.END_INDICATION): S.ENDED,
    (S.PLACEMENT_REQUESTED, A.PROVIDER_ANSWER): S.PLACEMENT_REQUESTED,
    (S.PLACEMENT_REQUESTED, A.PARENTS_REGISTERED): S.PLACEMENT_REQUESTED,
    **{
        (status, action): status
        for status in (S.GRANTED, S.PLACEMENT_REQUESTED, S.PLACED)
        for action in (A.SAVE_PLAN, A.SIGN_PLAN, A.SHARE, A.FINANCIAL_REFERRAL)
    },
    **{
        (status, action): status
        for status in OPEN
        if status is not S.NEW
        for action in (A.RECORD_CONSENT, A.ASK_GP)
    },
    **{
        (status, A.WRITE_FORM): status
        for status in (S.CONVERSATION_HELD, S.IN_TEAM_MEETING, S.GRANTED, S.PLACEMENT_REQUESTED, S.PLACED)
    },
    (S.PLACED, A.RECORD_REVIEW): S.PLACED,
    (S.PLACED, A.EXTEND): S.PLACED,
    **{(status, A.WITHDRAW): S.WITHDRAWN for status in OPEN},
    **{(status, A.CLOSE): S.CLOSED for status in (S.REFUSED, S.OTHER_ROUTE, S.WITHDRAWN, S.ENDED)},
}


@pytest.mark.parametrize("action", list(A))
@pytest.mark.parametrize("status", list(S))
def test_each_action_is_allowed_exactly_where_the_route_map_allows_it(status: S, action: A) -> None:
    expected = ALLOWED.get((status, action))

    if expected is None:
        with pytest.raises(TransitionNotAllowed) as refused:
            next_status(status, action)
        assert refused.value.status is status and refused.value.action is action
        assert action.value in str(refused.value) and status.value in str(refused.value)
    else:
        assert next_status(status, action) is expected


@pytest.mark.parametrize("status", list(S))
def test_the_allowed_actions_of_a_status_are_those_of_the_route_map(status: S) -> None:
    assert set(allowed_actions(status)) == {action for (source, action) in ALLOWED if source is status}


def test_a_closed_case_allows_nothing_and_is_not_open() -> None:
    assert allowed_actions(S.CLOSED) == []
    assert not is_open(S.CLOSED)
    assert all(is_open(status) for status in OPEN)


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        (date(2026, 11, 20), date(2026, 11, 20), 0),  # same day
        (date(2026, 11, 20), date(2026, 11, 23), 1),  # Friday to Monday
        (date(2026, 11, 21), date(2026, 11, 22), 0),  # Saturday to Sunday
        (date(2026, 11, 16), date(2026, 11, 23), 5),  # Monday to Monday
        (date(2026, 11, 16), date(2026, 11, 30), 10),
        (date(2026, 11, 23), date(2026, 11, 20), 0),  # end before start
    ],
)
def test_working_days_count_monday_to_friday(start: date, end: date, expected: int) -> None:
    assert working_days_between(start, end) == expected


def test_working_days_agree_with_counting_day_by_day() -> None:
    start = date(2026, 1, 1)
    for length in range(0, 60):
        end = start + timedelta(days=length)
        by_day = sum(1 for n in range(1, length + 1) if (start + timedelta(days=n)).weekday() < 5)
        assert working_days_between(start, end) == by_day
