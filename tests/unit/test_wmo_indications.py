"""A client's running begeleiding indications from the 301s, and the clients with more than one
running together: the candidates for one traject (CONV-WHEN)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from smi_core.istandaarden import examples as example
from smi_core.istandaarden.codes import Domain, RedenWijziging
from smi_core.istandaarden.messages import ToewijzingBericht
from smi_core.istandaarden.products import ToegewezenProduct
from smi_core.wmo.catalogue import EXAMPLE_CATALOGUE_FILE, load_catalogue
from smi_core.wmo.conversion import CurrentIndication, Form
from smi_core.wmo.indications import (
    CONVERSION_WINDOW,
    OPEN_END,
    candidates,
    current_indications,
    is_begeleiding,
    is_due,
    mask_bsn,
    running_assignments,
    running_together,
)

CATALOGUE = load_catalogue(EXAMPLE_CATALOGUE_FILE)
TODAY = date(2026, 10, 5)


def _301(provider: str, *products: ToegewezenProduct) -> ToewijzingBericht:
    return example.between(example.toewijzing(Domain.WMO, *products), example.MUNICIPALITY, provider)


def _product(
    number: int, category: str = "02", code: str | None = "02I01", **changes: object
) -> ToegewezenProduct:
    return example.toegewezen(
        Domain.WMO,
        number=number,
        product=example.product(Domain.WMO, code=code, category=category),
        **changes,
    )


def _indication(reference: str, start: date, end: date) -> CurrentIndication:
    return CurrentIndication(reference, "99990001", "02I01", Form.ZIN, start, end, int(reference))


def test_the_latest_version_of_each_toewijzing_counts_and_an_ended_or_removed_one_does_not() -> None:
    first = _301("99990001", _product(1), _product(2), _product(3))
    later = _301(
        "99990001",
        _product(1, einddatum=TODAY - timedelta(days=1), reden_wijziging=RedenWijziging.VERKORTING),
        _product(2, einddatum=TODAY),
        _product(3, einddatum=example.DAY, reden_wijziging=RedenWijziging.VERWIJDERD),
    )

    running = running_assignments([first, later], TODAY)

    assert [(a.provider, a.product.toewijzing_nummer, a.product.einddatum) for a in running] == [
        ("99990001", 2, TODAY)
    ]


def test_the_same_number_at_two_providers_is_two_toewijzingen() -> None:
    running = running_assignments([_301("99990001", _product(1)), _301("99990002", _product(1))], TODAY)

    assert [a.provider for a in running] == ["99990001", "99990002"]


@pytest.mark.parametrize(
    ("category", "code", "begeleiding"),
    [
        ("02", None, True),  # begeleiding without a product code
        ("07", "07D01", True),  # dagbesteding: source 002 counts it with individual begeleiding
        ("02", "02A01", True),  # a traject product of segment 2a
        ("01", "01A01", False),  # hulp bij het huishouden
        ("04", "04A01", False),  # kortdurend verblijf
    ],
)
def test_begeleiding_is_its_category_or_a_product_of_a_segment(
    category: str, code: str | None, begeleiding: bool
) -> None:
    assert is_begeleiding(example.product(Domain.WMO, code=code, category=category), CATALOGUE) is begeleiding
    assert is_begeleiding(None, CATALOGUE) is False


def test_current_indications_are_the_running_begeleiding_ones_known_by_their_number() -> None:
    message = _301("99990001", _product(7), _product(8, category="01", code="01A01"))
    running = running_assignments([message], TODAY)

    [indication] = current_indications(running, CATALOGUE)

    assert (indication.reference, indication.toewijzing_nummer, indication.form) == ("7", 7, Form.ZIN)
    assert (indication.product_code, indication.end) == ("02I01", OPEN_END)  # open-ended


def test_a_client_with_two_indications_running_together_is_a_candidate_the_first_to_end_first() -> None:
    soon = {
        "999900006": [_indication("1", TODAY, TODAY + timedelta(days=20)), _indication("2", TODAY, OPEN_END)],
    }
    later = {
        "999900018": [_indication("3", TODAY, TODAY + timedelta(days=90)), _indication("4", TODAY, OPEN_END)],
    }
    alone = {"999900031": [_indication("5", TODAY, TODAY + timedelta(days=10))]}

    found = candidates({**later, **soon, **alone}, TODAY)

    assert [(c.bsn, c.count, c.first_end, c.due) for c in found] == [
        ("999900006", 2, TODAY + timedelta(days=20), True),
        ("999900018", 2, TODAY + timedelta(days=90), False),
    ]


def test_an_indication_that_ends_before_the_next_begins_is_not_a_second_one() -> None:
    renewed = [
        _indication("1", TODAY - timedelta(days=300), TODAY + timedelta(days=10)),
        _indication("2", TODAY + timedelta(days=11), TODAY + timedelta(days=375)),
    ]

    assert running_together(renewed, TODAY) == []
    assert candidates({"999900006": renewed}, TODAY) == []


@given(st.integers(min_value=0, max_value=400))
def test_the_conversion_is_due_within_the_window_before_the_first_end(days: int) -> None:
    assert is_due(TODAY + timedelta(days=days), TODAY) is (timedelta(days=days) <= CONVERSION_WINDOW)
    assert not is_due(OPEN_END, TODAY)


def test_a_list_shows_only_the_last_three_digits_of_a_bsn() -> None:
    assert mask_bsn("999900043") == "••••••043"
