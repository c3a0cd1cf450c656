"""The deadlines view: what falls due, what is overdue, and the windows of 2 and 4 weeks."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from smi_core import MunicipalityConfig, default_municipality
from smi_core.constants import CareType
from smi_core.deadlines import (
    DEADLINE_LABELS,
    PERIOD_END_FINAL_LABEL,
    Deadline,
    DeadlineKind,
    IndicationDates,
    deadlines,
    windows,
)
from smi_core.placement import IndicatedChild, Indication
from smi_core.timeline import ReviewKind

TODAY = date(2027, 3, 10)
K = DeadlineKind


def dates_of(
    indication: Indication, reference: str = "SMI-2026-000001", **changes: object
) -> IndicationDates:
    """The stored dates of an indication, derived as ``indication_columns`` derives the columns."""
    m = default_municipality()
    timeline = indication.timeline(m)
    contact = next(moment.due for moment in timeline.moments if moment.kind is ReviewKind.CONTACT)
    earliest = min(timeline.child_last_days.values(), default=timeline.last_day)
    data: dict[str, object] = {
        "reference": reference,
        "owner": "medewerker",
        "start": indication.start,
        "contact_due": contact,
        "last_day": timeline.last_day,
        "hard_stop": timeline.hard_stop,
        "age_limit_day": earliest if earliest < timeline.last_day else None,
        "extensions": indication.extensions,
        "max_extensions": m.max_extensions,
    }
    data.update(changes)
    return IndicationDates.model_validate(data)


def indication(**changes: object) -> Indication:
    data: dict[str, object] = {
        "start": date(2026, 12, 1),
        "period_months": 6,
        "care_type": CareType.KDV,
        "children": [IndicatedChild(name="Sam", date_of_birth=date(2023, 4, 2), dagdelen_per_week=4)],
    }
    data.update(changes)
    return Indication.model_validate(data)


def item(**changes: object) -> IndicationDates:
    """A plain indication of 1 December 2026: contact 1 March 2027, end 31 May 2027."""
    return dates_of(indication(), **changes)


def kinds(found: list[Deadline]) -> list[tuple[DeadlineKind, date]]:
    return [(d.kind, d.due) for d in found]


# --- which deadlines -------------------------------------------------------------------------------


def test_a_running_indication_has_its_contact_and_its_period_end() -> None:
    found = deadlines([item()], TODAY)

    assert kinds(found) == [(K.CONTACT, date(2027, 3, 1)), (K.PERIOD_END, date(2027, 5, 31))]
    contact, end = found
    assert contact.overdue is True
    assert end.overdue is False
    assert end.can_extend is True
    assert end.label == DEADLINE_LABELS[K.PERIOD_END]
    assert contact.owner == "medewerker"
    assert contact.days_left(TODAY) == -9


def test_a_contact_that_is_done_disappears() -> None:
    found = deadlines([item(contact_done_on=date(2027, 3, 2))], TODAY)

    assert kinds(found) == [(K.PERIOD_END, date(2027, 5, 31))]


def test_an_ended_indication_has_no_deadlines() -> None:
    assert deadlines([item(ended_on=date(2027, 2, 1))], TODAY) == []


def test_a_period_end_that_has_passed_is_overdue_until_the_indication_is_ended() -> None:
    later = date(2027, 6, 2)

    (end,) = [d for d in deadlines([item()], later) if d.kind is K.PERIOD_END]

    assert end.overdue is True
    assert end.days_left(later) == -2


def test_after_the_last_extension_the_period_end_says_no_extension_is_possible() -> None:
    short = indication(period_months=3, extensions=2)  # 3 + 2 x 3 = 9 months, before the hard stop

    (end,) = [d for d in deadlines([dates_of(short)], TODAY) if d.kind is K.PERIOD_END]

    assert end.due == date(2027, 8, 31)
    assert end.can_extend is False
    assert end.label == PERIOD_END_FINAL_LABEL


def test_the_definitive_end_replaces_the_period_end() -> None:
    extended = dates_of(indication(extensions=2))  # 6 + 2 x 3 = 12 months: the hard stop

    found = deadlines([extended], TODAY)

    assert kinds(found) == [(K.CONTACT, date(2027, 3, 1)), (K.HARD_STOP, date(2027, 11, 30))]
    assert found[-1].label == DEADLINE_LABELS[K.HARD_STOP]


def test_two_extensions_and_a_child_turning_13_during_the_indication() -> None:
    children = [
        IndicatedChild(name="Noor", date_of_birth=date(2014, 6, 20), dagdelen_per_week=2),
        IndicatedChild(name="Sam", date_of_birth=date(2023, 4, 2), dagdelen_per_week=4),
    ]
    placed = indication(extensions=2, children=children)
    stored = dates_of(placed)

    found = deadlines([stored], date(2027, 6, 10))
    split = windows(found, date(2027, 6, 10))

    assert stored.age_limit_day == date(2027, 6, 19)  # the day before Noor's 13th birthday
    assert stored.last_day == stored.hard_stop == date(2027, 11, 30)
    assert kinds(found) == [
        (K.CONTACT, date(2027, 3, 1)),
        (K.AGE_LIMIT, date(2027, 6, 19)),
        (K.HARD_STOP, date(2027, 11, 30)),
    ]
    assert kinds(split.overdue) == [(K.CONTACT, date(2027, 3, 1))]
    assert kinds(split.within_2_weeks) == [(K.AGE_LIMIT, date(2027, 6, 19))]
    assert split.within_4_weeks == []


def test_an_age_limit_is_shown_until_its_day_and_never_as_overdue() -> None:
    children = [IndicatedChild(name="Noor", date_of_birth=date(2014, 6, 20), dagdelen_per_week=2)]
    children.append(IndicatedChild(name="Sam", date_of_birth=date(2023, 4, 2), dagdelen_per_week=4))
    stored = dates_of(indication(extensions=2, children=children))

    on_the_day = deadlines([stored], date(2027, 6, 19))
    after = deadlines([stored], date(2027, 6, 20))

    assert (K.AGE_LIMIT, date(2027, 6, 19)) in kinds(on_the_day)
    assert K.AGE_LIMIT not in {d.kind for d in after}


def test_deadlines_are_sorted_by_due_day_then_reference() -> None:
    first = item(reference="SMI-2026-000002")
    second = item(reference="SMI-2026-000001")

    found = deadlines([first, second], TODAY)

    assert [(d.due, d.reference) for d in found] == [
        (date(2027, 3, 1), "SMI-2026-000001"),
        (date(2027, 3, 1), "SMI-2026-000002"),
        (date(2027, 5, 31), "SMI-2026-000001"),
        (date(2027, 5, 31), "SMI-2026-000002"),
    ]


# --- the windows -----------------------------------------------------------------------------------


def _due_in(days: int) -> Deadline:
    return Deadline(
        reference="SMI-2026-000001",
        owner=None,
        kind=K.CONTACT,
        due=TODAY + timedelta(days=days),
        overdue=days < 0,
    )


def test_the_windows_end_at_exactly_14_and_28_days() -> None:
    due = [_due_in(days) for days in (-1, 0, 14, 15, 28, 29)]

    split = windows(due, TODAY)

    assert [d.days_left(TODAY) for d in split.overdue] == [-1]
    assert [d.days_left(TODAY) for d in split.within_2_weeks] == [0, 14]
    assert [d.days_left(TODAY) for d in split.within_4_weeks] == [15, 28]


@st.composite
def stored_dates(draw: st.DrawFn, reference: str) -> IndicationDates:
    start = draw(st.dates(min_value=date(2025, 1, 1), max_value=date(2028, 12, 31)))
    contact = start + timedelta(days=draw(st.integers(1, 120)))
    last_day = start + timedelta(days=draw(st.integers(0, 400)))
    hard_stop = last_day + timedelta(days=draw(st.sampled_from([0, 0, 1, 30, 200])))
    age_limit = draw(st.none() | st.integers(0, 400).map(lambda d: start + timedelta(days=d)))
    return IndicationDates(
        reference=reference,
        owner=draw(st.none() | st.sampled_from(["ana", "bas"])),
        start=start,
        contact_due=contact,
        contact_done_on=draw(st.none() | st.just(contact)),
        last_day=last_day,
        hard_stop=hard_stop,
        age_limit_day=age_limit if age_limit is not None and age_limit < last_day else None,
        extensions=draw(st.integers(0, 2)),
        max_extensions=2,
        ended_on=draw(st.none() | st.just(last_day)),
    )


many = st.lists(st.integers(1, 999), unique=True, max_size=6).flatmap(
    lambda numbers: st.tuples(*[stored_dates(f"SMI-2026-{n:06d}") for n in numbers])
)


@given(many, st.dates(min_value=date(2025, 1, 1), max_value=date(2030, 12, 31)))
def test_open_deadlines_follow_the_stored_dates(items: tuple[IndicationDates, ...], today: date) -> None:
    found = deadlines(items, today)

    by_reference = {i.reference: i for i in items}
    assert [(d.due, d.reference) for d in found] == sorted((d.due, d.reference) for d in found)
    for deadline in found:
        stored = by_reference[deadline.reference]
        assert stored.ended_on is None
        assert deadline.owner == stored.owner
        assert deadline.overdue == (deadline.due < today)
        assert deadline.kind is not K.CONTACT or stored.contact_done_on is None
        assert deadline.kind is not K.AGE_LIMIT or not deadline.overdue
    for stored in items:
        own = [d for d in found if d.reference == stored.reference]
        if stored.ended_on is not None:
            assert own == []
        else:
            ends = [d for d in own if d.kind in (K.PERIOD_END, K.HARD_STOP)]
            assert [d.due for d in ends] == [stored.last_day]
            assert (ends[0].kind is K.HARD_STOP) == (stored.last_day == stored.hard_stop)


@given(many, st.dates(min_value=date(2025, 1, 1), max_value=date(2030, 12, 31)))
def test_the_windows_do_not_overlap_and_miss_nothing_due_within_4_weeks(
    items: tuple[IndicationDates, ...], today: date
) -> None:
    found = deadlines(items, today)

    split = windows(found, today)

    placed = [*split.overdue, *split.within_2_weeks, *split.within_4_weeks]
    assert len(placed) == len(set(placed))
    assert set(placed) == {d for d in found if d.days_left(today) <= 28}
    assert all(d.overdue for d in split.overdue)
    assert all(0 <= d.days_left(today) <= 14 for d in split.within_2_weeks)
    assert all(15 <= d.days_left(today) <= 28 for d in split.within_4_weeks)


def test_the_municipality_sets_how_many_extensions_there_may_be() -> None:
    strict = MunicipalityConfig.model_validate({**default_municipality().model_dump(), "max_extensions": 1})

    stored = item(extensions=1, max_extensions=strict.max_extensions)
    (end,) = [d for d in deadlines([stored], TODAY) if d.kind is K.PERIOD_END]

    assert end.can_extend is False
