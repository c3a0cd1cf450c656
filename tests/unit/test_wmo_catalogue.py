"""The municipality's catalogue as configuration: products, segments, contracts (TOE-CONTRACTED)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from smi_core.istandaarden.codes import Eenheid
from smi_core.istandaarden.kinds import Domain
from smi_core.municipality import load_municipality
from smi_core.wmo.catalogue import Catalogue, CatalogueInvalid, catalogue_of, load_catalogue

EXAMPLE = Path(__file__).parents[2] / "smi_core" / "municipalities" / "voorbeeld-catalogus.toml"

PRODUCT = {
    "domain": "wmo",
    "category": "02",
    "code": "02A01",
    "name": "Begeleiding",
    "unit": "82",
    "frequency": "6",
}


def _catalogue(**changes: object) -> dict[str, object]:
    return {
        "segments": [{"code": "2a", "name": "Licht"}],
        "products": [
            {**PRODUCT, "segment": "2a"},
            {**PRODUCT, "code": "01A01", "category": "01", "unit": "04"},
        ],
        "providers": [
            {"agb": "12345678", "name": "Traject BV", "segments": ["2a"]},
            {"agb": "87654321", "name": "Huishoud BV", "products": ["01A01"]},
        ],
        **changes,
    }


def _value(value: object) -> str:
    if isinstance(value, dict):
        return "{" + ", ".join(f"{key} = {_value(item)}" for key, item in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(_value(item) for item in value) + "]"
    return json.dumps(value)  # a JSON string, number or boolean is a TOML one too


def _toml(data: dict[str, object]) -> str:
    """``data`` as a TOML file of inline tables (enough for these tests)."""
    return "".join(f"{key} = {_value(value)}\n" for key, value in data.items())


def test_the_example_catalogue_loads_and_says_it_is_an_example() -> None:
    catalogue = load_catalogue(EXAMPLE)

    assert catalogue.example
    assert {p.domain for p in catalogue.products} == {Domain.WMO, Domain.JW}
    assert catalogue.product(Domain.WMO, "01A01") is not None
    assert catalogue.product(Domain.WMO, "01A01").unit is Eenheid.UUR  # type: ignore[union-attr]
    assert catalogue.product(Domain.JW, "01A01") is None
    assert len(catalogue.products_of(Domain.JW)) == 2


def test_a_provider_is_contracted_by_the_product_or_by_its_segment() -> None:
    catalogue = Catalogue.model_validate(_catalogue())
    traject, household = catalogue.products

    assert catalogue.is_contracted("12345678", traject)  # by segment 2a
    assert not catalogue.is_contracted("12345678", household)
    assert catalogue.is_contracted("87654321", household)  # by product code
    assert not catalogue.is_contracted("99999999", household)  # not in the catalogue
    assert [p.agb for p in catalogue.providers_for(traject)] == ["12345678"]


@pytest.mark.parametrize(
    ("changes", "problem"),
    [
        ({"products": [{**PRODUCT, "category": "45"}]}, "not a product category of iWmo"),
        ({"products": [PRODUCT, PRODUCT]}, "product code is given twice"),
        ({"products": [{**PRODUCT, "segment": "9z"}]}, "segment '9z', which is not listed"),
        ({"providers": [{"agb": "1234", "name": "Kort"}]}, "providers.0.agb"),
        ({"providers": [{"agb": "12345678", "name": "X", "products": ["ZZZ"]}]}, "unknown products ['ZZZ']"),
        ({"providers": [{"agb": "12345678", "name": "X", "segments": ["2b"]}]}, "unknown segments ['2b']"),
        (
            {"providers": [{"agb": "12345678", "name": "X"}, {"agb": "12345678", "name": "Y"}]},
            "AGB code is given twice",
        ),
        ({"products": [{**PRODUCT, "unit": "99"}]}, "products.0.unit"),
        ({"products": []}, "products"),
        ({"colour": "blue"}, "colour"),
    ],
)
def test_a_wrong_catalogue_is_refused_naming_where_and_why(
    tmp_path: Path, changes: dict[str, object], problem: str
) -> None:
    file = tmp_path / "catalogus.toml"
    file.write_text(_toml(_catalogue(**changes)), encoding="utf-8")

    with pytest.raises(CatalogueInvalid) as refused:
        load_catalogue(file)

    assert problem in str(refused.value)
    assert str(refused.value).startswith("catalogus.toml: ")


def test_a_file_that_is_not_toml_is_refused_clearly(tmp_path: Path) -> None:
    file = tmp_path / "kapot.toml"
    file.write_text("products = [", encoding="utf-8")

    with pytest.raises(CatalogueInvalid, match=r"kapot\.toml: not valid TOML"):
        load_catalogue(file)


def test_a_municipality_names_its_catalogue_relative_to_its_own_file(tmp_path: Path) -> None:
    (tmp_path / "eigen-catalogus.toml").write_text(_toml(_catalogue()), encoding="utf-8")
    file = tmp_path / "gemeente.toml"
    file.write_text("", encoding="utf-8")
    municipality = load_municipality(EXAMPLE.parent / "voorbeeld.toml")

    own = catalogue_of(municipality.model_copy(update={"catalogue_file": "eigen-catalogus.toml"}), file)
    default = catalogue_of(municipality, file)

    assert not own.example and own.provider("12345678") is not None
    assert default.example


def test_a_catalogue_file_that_is_not_there_is_named(tmp_path: Path) -> None:
    municipality = load_municipality(EXAMPLE.parent / "voorbeeld.toml").model_copy(
        update={"catalogue_file": "weg.toml"}
    )

    with pytest.raises(CatalogueInvalid, match=r"weg\.toml: the file does not exist"):
        catalogue_of(municipality, tmp_path / "gemeente.toml")
