"""The placement phase as policy: the consent gate, the order of the placement steps, and the rules of
an indication (period, part-days, care type, age)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from smi_core import default_municipality
from smi_core.cases import SMI_CONSENTS, ConsentKind, ConsentRecord
from smi_core.constants import CareType
from smi_core.placement import (
    SHARING_CONSENT,
    ConsentState,
    IndicatedChild,
    Indication,
    IndicationProblem,
    PlacementBlocker,
    PlacementProgress,
    ProviderAnswer,
    Sharing,
    Signer,
    check_indication,
    check_sharing,
    consent_state,
    placement_blockers,
)

T0 = datetime(2026, 11, 1, 9, 0, tzinfo=UTC)
M = default_municipality()


def consent(
    kind: ConsentKind, given: bool = True, at: datetime = T0, withdrawn: datetime | None = None
) -> ConsentRecord:
    return ConsentRecord(
        kind=kind,
        given=given,
        text_version="v1",
        text_sha256="0" * 64,
        locale="nl",
        recorded_at=at,
        withdrawn_at=withdrawn,
    )


# -- the consent gate ----------------------------------------------------------------------------


def test_each_sharing_needs_its_own_consent_and_no_other() -> None:
    assert len(set(SHARING_CONSENT.values())) == len(Sharing) == len(SMI_CONSENTS)
    for sharing, kind in SHARING_CONSENT.items():
        others = [consent(k) for k in SMI_CONSENTS if k is not kind]
        assert check_sharing(others, sharing, T0).state is ConsentState.MISSING
        assert check_sharing([*others, consent(kind)], sharing, T0).allowed


def test_a_refusal_and_a_withdrawal_are_told_apart_from_a_missing_consent() -> None:
    kind = ConsentKind.MUNICIPALITY_SHARING
    assert consent_state([consent(kind, given=False)], kind, T0) is ConsentState.REFUSED
    withdrawn = consent(kind, withdrawn=T0 + timedelta(days=3))
    assert consent_state([withdrawn], kind, T0 + timedelta(days=2)) is ConsentState.GIVEN
    assert consent_state([withdrawn], kind, T0 + timedelta(days=3)) is ConsentState.WITHDRAWN
    assert consent_state([consent(kind, at=T0 + timedelta(days=1))], kind, T0) is ConsentState.MISSING


@given(
    st.lists(
        st.tuples(st.booleans(), st.integers(0, 30), st.one_of(st.none(), st.integers(0, 30))),
        min_size=1,
        max_size=6,
    ),
    st.integers(0, 30),
)
def test_the_latest_record_by_then_decides(records: list[tuple[bool, int, int | None]], day: int) -> None:
    kind = ConsentKind.GP_REQUEST
    consents = [
        consent(kind, given, T0 + timedelta(days=at), None if w is None else T0 + timedelta(days=at + w))
        for given, at, w in records
    ]
    moment = T0 + timedelta(days=day)
    state = consent_state(consents, kind, moment)
    known = [c for c in consents if c.recorded_at <= moment]
    if not known:
        assert state is ConsentState.MISSING
    else:
        latest_at = max(c.recorded_at for c in known)
        candidates = {
            (
                ConsentState.REFUSED
                if not c.given
                else ConsentState.WITHDRAWN
                if c.withdrawn_at and c.withdrawn_at <= moment
                else ConsentState.GIVEN
            )
            for c in known
            if c.recorded_at == latest_at
        }
        assert state in candidates
    assert check_sharing(consents, Sharing.GP, moment).allowed is (state is ConsentState.GIVEN)


# -- the order of the placement steps ------------------------------------------------------------


def progress(**changes: object) -> PlacementProgress:
    data: dict[str, object] = {
        "asked": (7,),
        "answers": {7: ProviderAnswer.PLACE_AVAILABLE},
        "registered_at": 7,
        "plan_versions": 2,
        "signed_by": {2: frozenset(Signer)},
        "shared": {Sharing.MUNICIPALITY: 2},
    }
    data.update(changes)
    return PlacementProgress.model_validate(data)


def test_nothing_blocks_a_placement_after_all_steps() -> None:
    assert placement_blockers(progress(), 7) == []


@pytest.mark.parametrize(
    ("changes", "blocker"),
    [
        ({"answers": {7: ProviderAnswer.NO_PLACE}}, PlacementBlocker.NO_PLACE),
        ({"registered_at": None}, PlacementBlocker.NOT_REGISTERED),
        ({"plan_versions": 0, "signed_by": {}, "shared": {}}, PlacementBlocker.NO_PLAN),
        ({"signed_by": {2: frozenset({Signer.PARENT})}}, PlacementBlocker.PLAN_NOT_SIGNED),
        ({"signed_by": {1: frozenset(Signer)}}, PlacementBlocker.PLAN_NOT_SIGNED),
        ({"shared": {Sharing.MUNICIPALITY: 1}}, PlacementBlocker.PLAN_NOT_SENT),
        ({"shared": {Sharing.PROVIDER: 2}}, PlacementBlocker.PLAN_NOT_SENT),
    ],
)
def test_each_missing_step_is_named(changes: dict[str, object], blocker: PlacementBlocker) -> None:
    assert placement_blockers(progress(**changes), 7) == [blocker]


def test_a_place_at_another_location_does_not_count() -> None:
    assert PlacementBlocker.NO_PLACE in placement_blockers(progress(), 8)


# -- the indication --------------------------------------------------------------------------------


def indication(**changes: object) -> Indication:
    data: dict[str, object] = {
        "start": date(2027, 1, 4),
        "period_months": 6,
        "care_type": CareType.KDV,
        "children": [IndicatedChild(name="Sam", date_of_birth=date(2023, 4, 2), dagdelen_per_week=4)],
    }
    data.update(changes)
    return Indication.model_validate(data)


def test_a_valid_indication_has_no_problems_and_its_calendar_from_the_core() -> None:
    ind = indication(period_months=4)
    assert check_indication(ind, M) == []
    timeline = ind.timeline(M)
    assert timeline.last_day == date(2027, 5, 3)
    assert timeline.hard_stop == date(2028, 1, 3)


@pytest.mark.parametrize(
    ("changes", "problem"),
    [
        ({"period_months": 7}, IndicationProblem.PERIOD_TOO_LONG),
        ({"care_type": CareType.MKD}, IndicationProblem.CARE_TYPE_NOT_COVERED),
        (
            {
                "care_type": CareType.PSG,
                "children": [IndicatedChild(name="Sam", date_of_birth=date(2024, 1, 1), dagdelen_per_week=3)],
            },
            IndicationProblem.TOO_MANY_PSG_DAGDELEN,
        ),
        (
            {"children": [IndicatedChild(name="Sam", date_of_birth=date(2014, 1, 1), dagdelen_per_week=4)]},
            IndicationProblem.CHILD_TOO_OLD,
        ),
        (
            {"children": [IndicatedChild(name="Sam", date_of_birth=date(2027, 2, 1), dagdelen_per_week=4)]},
            IndicationProblem.BORN_AFTER_START,
        ),
    ],
)
def test_each_rule_of_the_indication_is_checked(
    changes: dict[str, object], problem: IndicationProblem
) -> None:
    assert problem in check_indication(indication(**changes), M)


def test_a_child_is_named_once() -> None:
    twice = [IndicatedChild(name="Sam", date_of_birth=date(2023, 4, 2), dagdelen_per_week=2)] * 2
    with pytest.raises(ValueError, match="once"):
        indication(children=twice)


@given(st.integers(1, 6), st.integers(0, 2))
def test_the_last_day_never_passes_the_hard_stop(period: int, extensions: int) -> None:
    timeline = indication(period_months=period, extensions=extensions).timeline(M)
    assert timeline.start <= timeline.last_day <= timeline.hard_stop
