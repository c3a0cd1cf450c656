"""The 301s of a conversion into one traject: one per provider it concerns (OP087), the new traject
with its new number first, every dropped ZIN assignment repeated with its end date and reason 05,
the provider's other toewijzingen repeated unchanged; a pgb sends no new 301."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from itertools import count

import pytest

from smi_core.istandaarden import examples as example
from smi_core.istandaarden.codes import Domain, RedenWijziging
from smi_core.istandaarden.messages import ToewijzingBericht
from smi_core.istandaarden.rules import check_message
from smi_core.wmo.catalogue import EXAMPLE_CATALOGUE_FILE, load_catalogue
from smi_core.wmo.conversion import ConversionPlan, Form, convert
from smi_core.wmo.conversion_messages import conversion_toewijzingen
from smi_core.wmo.indications import RunningAssignment, current_indications

CATALOGUE = load_catalogue(EXAMPLE_CATALOGUE_FILE)
NOW = datetime(2026, 10, 5, 9, 30, tzinfo=UTC)
START = date(2026, 11, 1)
INDIVIDUAL, COALITION = "99990001", "99990002"


def _assignment(
    provider: str, number: int, category: str, code: str, end: date | None = None
) -> RunningAssignment:
    product = example.toegewezen(
        Domain.WMO,
        number=number,
        product=example.product(Domain.WMO, code=code, category=category),
        ingangsdatum=date(2026, 1, 1),
        einddatum=end,
        referentie_aanbieder="REF-OLD",
    )
    return RunningAssignment(provider, product)


RUNNING = [
    _assignment(INDIVIDUAL, 11, "02", "02I01", date(2027, 3, 31)),
    _assignment(INDIVIDUAL, 12, "01", "01A01"),  # hulp bij het huishouden: not converted, repeated
    _assignment(INDIVIDUAL, 13, "07", "07D01", date(2027, 6, 30)),
    _assignment(COALITION, 14, "07", "07D01", date(2027, 1, 31)),
]
CLIENT = example.toewijzing(Domain.WMO).client


def _plan(form: Form = Form.ZIN, provider: str = COALITION) -> ConversionPlan:
    return ConversionPlan(
        goals=("Structuur in de week",),
        segment="2b",
        providers=(provider,),
        form=form,
        start=START,
        end=date(2027, 10, 31),
        pgb_reason="past niet" if form is Form.PGB else "",
        non_contracted_reason="reden" if provider != COALITION else "",
    )


def _messages(plan: ConversionPlan, new_number: int | None) -> list[ToewijzingBericht]:
    conversion = convert(current_indications(RUNNING, CATALOGUE), plan, CATALOGUE)
    numbers = count(1)
    return conversion_toewijzingen(
        conversion,
        RUNNING,
        CLIENT,
        municipality=example.MUNICIPALITY,
        versions=example.VERSIONS,
        new_number=new_number,
        identification=lambda: f"CONV-{next(numbers)}",
        now=NOW,
    )


def test_the_new_provider_gets_the_traject_and_its_own_ending_and_the_other_its_endings_in_one_301() -> None:
    new, other = _messages(_plan(), new_number=500)

    assert (new.provider, other.provider) == (COALITION, INDIVIDUAL)
    ended, traject = new.client.toegewezen_producten
    assert (ended.toewijzing_nummer, ended.einddatum, ended.reden_wijziging) == (
        14,
        START - timedelta(days=1),
        RedenWijziging.VERKORTING,
    )
    assert (traject.toewijzing_nummer, traject.product and traject.product.code) == (500, "02B01")
    assert (traject.ingangsdatum, traject.reden_wijziging, traject.omvang and traject.omvang.volume) == (
        START,
        None,
        1,
    )
    by_number = {p.toewijzing_nummer: p for p in other.client.toegewezen_producten}
    assert set(by_number) == {11, 12, 13}  # OP087: every running toewijzing at that provider
    assert by_number[12].reden_wijziging is None and by_number[12].einddatum is None  # unchanged
    assert {by_number[n].reden_wijziging for n in (11, 13)} == {RedenWijziging.VERKORTING}
    assert all(p.referentie_aanbieder is None for m in (new, other) for p in m.client.toegewezen_producten)
    assert [m.identification for m in (new, other)] == ["CONV-1", "CONV-2"]
    assert all(check_message(m) == [] for m in (new, other))


def test_a_pgb_sends_only_the_endings() -> None:
    messages = _messages(_plan(Form.PGB, provider=INDIVIDUAL), new_number=None)

    assert [m.provider for m in messages] == [INDIVIDUAL, COALITION]
    assert 500 not in {p.toewijzing_nummer for m in messages for p in m.client.toegewezen_producten}


def test_a_zin_traject_needs_its_new_number() -> None:
    with pytest.raises(ValueError, match="ToewijzingNummer"):
        _messages(_plan(), new_number=None)
