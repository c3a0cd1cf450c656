"""The municipality's catalogue of support as configuration: the products it grants under the
Wmo and the Jeugdwet, the segments in which it buys begeleiding as a traject (2a, 2b), and which
providers are contracted for what (``TOE-CONTRACTED``).

A catalogue is a TOML file that a municipality fills in (``smi_core/municipalities/
voorbeeld-catalogus.toml`` shows the format with made-up codes: a region's real product codes and
tariffs are not public). ``load_catalogue`` reads and checks it; a wrong entry is refused with the
place it is at (``products.2.category``) and why.

A provider is contracted for a product when its contract names the product, or the segment the
product belongs to.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from smi_core.istandaarden.codes import CategorieJw, CategorieWmo, Eenheid, Frequentie
from smi_core.istandaarden.kinds import Domain
from smi_core.istandaarden.scalars import AgbCode, ProductCode
from smi_core.municipality import MunicipalityConfig

Name = Annotated[str, Field(min_length=1, max_length=120)]
SegmentCode = Annotated[str, Field(pattern=r"^[0-9A-Za-z]{1,8}$")]


class Segment(BaseModel):
    """A segment in which begeleiding is bought as one traject (e.g. 2a, 2b)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    code: SegmentCode
    name: Name


class CatalogueProduct(BaseModel):
    """A product the municipality grants: its set, category and code as the messages carry them,
    how its volume is counted, and the segment it belongs to, if any."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    domain: Domain
    category: str = Field(description="the set's ProductCategorie code, e.g. 02 (Wmo begeleiding)")
    code: ProductCode
    name: Name
    unit: Eenheid
    frequency: Frequentie
    segment: SegmentCode | None = None

    @model_validator(mode="after")
    def _category_of_the_set(self) -> CatalogueProduct:
        known = CategorieWmo.codes() if self.domain is Domain.WMO else CategorieJw.codes()
        if self.category not in known:
            raise ValueError(f"category {self.category!r} is not a product category of {self.domain.label}")
        return self


class ContractedProvider(BaseModel):
    """A provider with its AGB code and what it is contracted for: product codes and segments."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    agb: AgbCode
    name: Name
    products: frozenset[ProductCode] = frozenset()
    segments: frozenset[SegmentCode] = frozenset()
    coalition: bool = Field(default=False, description="the begeleiding coalition (route B)")


class Catalogue(BaseModel):
    """A municipality's products, segments and contracted providers."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    example: bool = Field(default=False, description="made-up codes, for trying the software out")
    segments: tuple[Segment, ...] = ()
    products: tuple[CatalogueProduct, ...] = Field(min_length=1)
    providers: tuple[ContractedProvider, ...] = ()

    @model_validator(mode="after")
    def _consistent(self) -> Catalogue:
        segments = [segment.code for segment in self.segments]
        if len(set(segments)) < len(segments):
            raise ValueError("segments: a segment code is given twice")
        keys = [(product.domain, product.code) for product in self.products]
        if len(set(keys)) < len(keys):
            raise ValueError("products: a product code is given twice in the same set")
        for product in self.products:
            if product.segment is not None and product.segment not in segments:
                raise ValueError(
                    f"products: {product.code} names segment {product.segment!r}, which is not listed"
                )
        agbs = [provider.agb for provider in self.providers]
        if len(set(agbs)) < len(agbs):
            raise ValueError("providers: an AGB code is given twice")
        codes = {product.code for product in self.products}
        known_segments = set(segments)
        for provider in self.providers:
            if unknown := sorted(provider.products - codes):
                raise ValueError(f"providers: {provider.agb} is contracted for unknown products {unknown}")
            if unknown := sorted(provider.segments - known_segments):
                raise ValueError(f"providers: {provider.agb} is contracted for unknown segments {unknown}")
        return self

    def product(self, domain: Domain, code: str) -> CatalogueProduct | None:
        """The product with this code in this set, or None."""
        return next((p for p in self.products if p.domain is domain and p.code == code), None)

    def products_of(self, domain: Domain) -> tuple[CatalogueProduct, ...]:
        return tuple(product for product in self.products if product.domain is domain)

    def provider(self, agb: str) -> ContractedProvider | None:
        return next((provider for provider in self.providers if provider.agb == agb), None)

    def is_contracted(self, agb: str, product: CatalogueProduct) -> bool:
        """``TOE-CONTRACTED``: whether the provider is contracted for the product, by its code or
        by its segment."""
        provider = self.provider(agb)
        return provider is not None and _covers(provider, product)

    def providers_for(self, product: CatalogueProduct) -> tuple[ContractedProvider, ...]:
        """The providers contracted for ``product``: the resident's free choice among them."""
        return tuple(provider for provider in self.providers if _covers(provider, product))


def _covers(provider: ContractedProvider, product: CatalogueProduct) -> bool:
    """Whether the provider's contract names the product or the segment it belongs to."""
    return product.code in provider.products or (
        product.segment is not None and product.segment in provider.segments
    )


class CatalogueInvalid(ValueError):
    """A catalogue file that cannot be used, with where and why for each problem."""

    def __init__(self, path: Path, problems: list[str]) -> None:
        super().__init__(f"{path.name}: " + "; ".join(problems))
        self.path, self.problems = path, problems


#: The example catalogue, used where a municipality names none of its own.
EXAMPLE_CATALOGUE_FILE = Path(__file__).resolve().parents[1] / "municipalities" / "voorbeeld-catalogus.toml"


def load_catalogue(path: str | Path) -> Catalogue:
    """Read and check a catalogue file; ``CatalogueInvalid`` names each wrong entry."""
    file = Path(path)
    try:
        with file.open("rb") as fh:
            data = tomllib.load(fh)
    except FileNotFoundError:
        raise CatalogueInvalid(file, ["the file does not exist"]) from None
    except tomllib.TOMLDecodeError as error:
        raise CatalogueInvalid(file, [f"not valid TOML ({error})"]) from None
    try:
        return Catalogue.model_validate(data)
    except ValidationError as error:
        problems = [
            f"{'.'.join(str(part) for part in problem['loc']) or 'file'}: {problem['msg']}"
            for problem in error.errors(include_url=False, include_input=False)
        ]
        raise CatalogueInvalid(file, problems) from None


def catalogue_of(municipality: MunicipalityConfig, municipality_file: Path | None) -> Catalogue:
    """The catalogue the municipality's file names (relative to that file), or the example one."""
    if not municipality.catalogue_file:
        return load_catalogue(EXAMPLE_CATALOGUE_FILE)
    folder = municipality_file.parent if municipality_file is not None else EXAMPLE_CATALOGUE_FILE.parent
    return load_catalogue(folder / municipality.catalogue_file)
