"""The step checks of the intake form catch what the exchange format would refuse at sending."""

from __future__ import annotations

from datetime import date

from smi_intake.intake_steps import validate_kinderen, validate_situatie

TODAY = date(2026, 11, 22)


def _situation(**changes: object) -> dict[str, object]:
    return {"explanation": "Moeder is ziek.", "medical_confirmation": "gp_consent", **changes}


def test_thirty_short_bottlenecks_are_accepted() -> None:
    assert validate_situatie(_situation(bottlenecks=["kort"] * 30), TODAY) == {}


def test_more_than_thirty_bottlenecks_or_a_very_long_one_is_refused() -> None:
    too_many = validate_situatie(_situation(bottlenecks=["kort"] * 31), TODAY)
    too_long = validate_situatie(_situation(bottlenecks=["x" * 501]), TODAY)

    assert set(too_many) == {"bottlenecks"}
    assert set(too_long) == {"bottlenecks"}


def test_a_playgroup_child_needs_an_answer_about_vve_and_other_children_do_not() -> None:
    child = {"first_name": "Sam", "date_of_birth": "2023-04-02", "dagdelen_per_week": 2}
    answers = {"requested_start": "2026-12-01"}

    playgroup = validate_kinderen({**answers, "children": [{**child, "care_type": "psg"}]}, TODAY)
    answered = validate_kinderen(
        {**answers, "children": [{**child, "care_type": "psg", "vve_indication": False}]}, TODAY
    )
    day_care = validate_kinderen({**answers, "children": [{**child, "care_type": "kdv"}]}, TODAY)

    assert set(playgroup) == {"children.0.vve_indication"}
    assert answered == {}
    assert day_care == {}
