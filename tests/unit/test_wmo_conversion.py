"""Several begeleiding indications become one traject: each CONV rule passing and refused."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from smi_core.istandaarden.codes import RedenWijziging
from smi_core.wmo.catalogue import load_catalogue
from smi_core.wmo.conversion import (
    ConversionPlan,
    ConversionRefused,
    ConversionRule,
    CurrentIndication,
    Form,
    conversion_due,
    convert,
)

CATALOGUE = load_catalogue(
    Path(__file__).parents[2] / "smi_core" / "municipalities" / "voorbeeld-catalogus.toml"
)
COALITION = "99990002"  # contracted for segments 2a and 2b in the example catalogue
OTHER = "99990001"  # not contracted for begeleiding

CURRENT = (
    CurrentIndication("DAG-1", OTHER, "07A01", Form.ZIN, date(2026, 1, 1), date(2027, 3, 31), 100_001),
    CurrentIndication("IND-1", COALITION, "02A01", Form.ZIN, date(2026, 2, 1), date(2027, 1, 31), 100_002),
    CurrentIndication("IND-2", COALITION, "02A01", Form.ZIN, date(2025, 1, 1), date(2026, 12, 31), 100_003),
)
PLAN = ConversionPlan(
    goals=("Zelf de dag indelen",),
    segment="2b",
    providers=(COALITION,),
    form=Form.ZIN,
    start=date(2027, 1, 1),
    end=date(2027, 12, 31),
)


def _refused(plan: ConversionPlan, current: tuple[CurrentIndication, ...] = CURRENT) -> set[ConversionRule]:
    with pytest.raises(ConversionRefused) as refused:
        convert(current, plan, CATALOGUE)
    return refused.value.rules


def test_conv_when_the_first_expiring_indication_sets_the_moment() -> None:
    assert conversion_due(CURRENT) == date(2026, 12, 31)
    assert conversion_due(()) is None


def test_conv_one_three_indications_become_one_and_the_others_end_by_a_301() -> None:
    conversion = convert(CURRENT, PLAN, CATALOGUE)

    assert conversion.new.product.code == "02B01" and conversion.new.provider == COALITION
    assert conversion.kept == ()
    by_reference = {ending.indication.reference: ending for ending in conversion.endings}
    assert set(by_reference) == {"DAG-1", "IND-1", "IND-2"}
    assert by_reference["DAG-1"].last_day == date(2026, 12, 31)  # ran longer: closed at the conversion
    assert by_reference["DAG-1"].by_message and by_reference["IND-1"].by_message
    assert not by_reference["IND-2"].by_message  # ends by itself the day before the traject starts
    assert {ending.reason for ending in conversion.endings} == {RedenWijziging.VERKORTING}


def test_conv_one_no_other_indication_may_keep_running() -> None:
    assert _refused(replace(PLAN, keep=frozenset({"IND-1"}))) == {ConversionRule.ONE}
    assert _refused(replace(PLAN, keep=frozenset({"NOPE"}))) == {ConversionRule.ONE}
    assert _refused(replace(PLAN, segment="9z")) == {ConversionRule.ONE}


def test_conv_one_provider_refuses_two_providers() -> None:
    assert _refused(replace(PLAN, providers=(COALITION, OTHER))) == {ConversionRule.ONE_PROVIDER}


def test_conv_zin_xor_pgb_refuses_a_pgb_next_to_a_zin_traject_but_allows_the_social_network_pgb() -> None:
    pgb = CurrentIndication("PGB-1", "00000000", "02A01", Form.PGB, date(2026, 1, 1), date(2027, 6, 30))
    network = replace(pgb, reference="NET-1", social_network_pgb=True)

    assert _refused(replace(PLAN, keep=frozenset({"PGB-1"})), (*CURRENT, pgb)) == {ConversionRule.ZIN_XOR_PGB}
    kept = convert((*CURRENT, network), replace(PLAN, keep=frozenset({"NET-1"})), CATALOGUE)
    assert [indication.reference for indication in kept.kept] == ["NET-1"]


def test_conv_goals_first() -> None:
    assert _refused(replace(PLAN, goals=("  ",))) == {ConversionRule.GOALS_FIRST}


def test_conv_provider_a_non_contracted_provider_needs_a_reason() -> None:
    assert _refused(replace(PLAN, providers=(OTHER,))) == {ConversionRule.PROVIDER}
    with_reason = convert(
        CURRENT, replace(PLAN, providers=(OTHER,), non_contracted_reason="Past als enige"), CATALOGUE
    )
    assert with_reason.new.provider == OTHER


def test_conv_pgb_rare_a_pgb_needs_its_reason() -> None:
    assert _refused(replace(PLAN, form=Form.PGB)) == {ConversionRule.PGB_RARE}
    pgb = convert(CURRENT, replace(PLAN, form=Form.PGB, pgb_reason="Zorg in kind past niet"), CATALOGUE)
    assert pgb.new.form is Form.PGB


def test_every_broken_rule_is_named_at_once() -> None:
    plan = replace(PLAN, goals=(), providers=(COALITION, OTHER), form=Form.PGB)

    assert _refused(plan) == {
        ConversionRule.GOALS_FIRST,
        ConversionRule.ONE_PROVIDER,
        ConversionRule.PGB_RARE,
    }
