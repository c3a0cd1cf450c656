"""The base of every message model, and the composite types of the basisschema (``CDT_*``): names,
dates of birth, addresses, phone numbers, a product, a volume, a referrer, versions.

Every model is a frozen pydantic model whose fields follow the order of the schema's
``xs:sequence``; the XML element of a field is its name in PascalCase (``toewijzing_nummer`` is
``ToewijzingNummer``, see ``xml_name``), also given as the field's serialisation alias, so
``model_dump(by_alias=True)`` shows the XML names. Children of a ``CDT_*`` type are in the
basisschema's namespace (``in_basisschema``); children of a message's own types are in the
message's namespace.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import cache
from typing import Any, ClassVar, Generic, Self, TypeVar, overload

from pydantic import AliasGenerator, BaseModel, ConfigDict

from smi_core.istandaarden.codes import (
    AanduidingWoonadres,
    CategorieJw,
    CategorieWmo,
    Communicatievorm,
    DatumGebruik,
    Eenheid,
    Frequentie,
    LandCode,
    NaamGebruik,
    TypeVerwijzer,
)
from smi_core.istandaarden.scalars import (
    AgbCode,
    Datum,
    Huisletter,
    Huisnummer,
    HuisnummerToevoeging,
    Identificatie,
    Landnummer,
    Naam,
    NaamVerwijzer,
    Plaatsnaam,
    Postcode,
    ProductCode,
    Straatnaam,
    Taal,
    Telefoonnummer,
    Versie,
    Volume,
    Voorletters,
    Voorvoegsel,
)

T = TypeVar("T")


@cache
def xml_name(field_name: str) -> str:
    """The XML element of a model field: ``toewijzing_nummer`` -> ``ToewijzingNummer``."""
    return "".join(part[:1].upper() + part[1:] for part in field_name.split("_"))


class derived(Generic[T]):  # noqa: N801 - used as a decorator, like property
    """A property of a frozen node worked out once and kept in the node's ``__dict__``.

    Like ``functools.cached_property`` without its per-instance lock (Python 3.11 takes an RLock
    on every first access, which cost more than the values it caches); a node is frozen, so two
    threads working out the same value at once get equal values."""

    def __init__(self, compute: Callable[[Any], T]) -> None:
        self.compute = compute
        self.name = compute.__name__
        self.__doc__ = compute.__doc__

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    @overload
    def __get__(self, instance: None, owner: type | None = None) -> Self: ...
    @overload
    def __get__(self, instance: object, owner: type | None = None) -> T: ...
    def __get__(self, instance: object | None, owner: type | None = None) -> T | Self:
        if instance is None:
            return self
        value = self.compute(instance)
        instance.__dict__[self.name] = value
        return value


class Node(BaseModel):
    """A part of a message. Frozen; unknown fields are refused."""

    model_config = ConfigDict(
        frozen=True,
        extra="forbid",
        alias_generator=AliasGenerator(serialization_alias=xml_name),
        ignored_types=(derived,),
    )

    #: Whether the children of this type are in the basisschema's namespace (a ``CDT_*`` type).
    in_basisschema: ClassVar[bool] = False


class BaseType(Node):
    """A composite type of the basisschema (``CDT_*``)."""

    in_basisschema: ClassVar[bool] = True


class Achternaam(BaseType):
    """CDT_Achternaam: a family name with its prefix (``de Wit``)."""

    achternaam: Naam
    voorvoegsel: Voorvoegsel | None = None


class VolledigeNaam(BaseType):
    """CDT_VolledigeNaam: a person's full name, with the partner's name and how to use them."""

    geslachtsnaam: Achternaam
    partnernaam: Achternaam | None = None
    voornamen: Naam | None = None
    voorletters: Voorletters | None = None
    naam_gebruik: NaamGebruik


class VerkorteNaam(BaseType):
    """CDT_VerkorteNaam: the short name of the messages from a provider."""

    geslachtsnaam: Achternaam
    voornamen: Naam | None = None
    voorletters: Voorletters | None = None


class Geboortedatum(BaseType):
    """CDT_Geboortedatum: a date of birth and which part of it is known."""

    datum: Datum
    datum_gebruik: DatumGebruik | None = None


class BerichtIdentificatie(BaseType):
    """CDT_BerichtIdentificatie: the sender's identification of a message and its date (Dagtekening)."""

    identificatie: Identificatie
    dagtekening: Datum


class XsdVersie(BaseType):
    """CDT_XsdVersie: the versions of the basisschema and the message schema a message was made with."""

    basisschema_xsd_versie: Versie
    bericht_xsd_versie: Versie


class Communicatie(BaseType):
    """CDT_Communicatie: a special way of communicating (an interpreter) and the language."""

    vorm: Communicatievorm
    taal: Taal | None = None


class Huis(BaseType):
    """CDT_Huis: the house number and its additions."""

    huisnummer: Huisnummer
    huisletter: Huisletter | None = None
    huisnummer_toevoeging: HuisnummerToevoeging | None = None
    aanduiding_woonadres: AanduidingWoonadres | None = None


class Adres(BaseType):
    """CDT_Adres: an address; every part is optional."""

    huis: Huis | None = None
    postcode: Postcode | None = None
    straatnaam: Straatnaam | None = None
    plaatsnaam: Plaatsnaam | None = None
    land_code: LandCode | None = None


class Telefoon(BaseType):
    """CDT_Telefoon: a phone number and its country calling code."""

    telefoonnummer: Telefoonnummer
    landnummer: Landnummer


class Telefoonnummers(BaseType):
    """CDT_Telefoonnummers: one or two phone numbers."""

    telefoon01: Telefoon
    telefoon02: Telefoon | None = None


class OpenPeriode(BaseType):
    """CDT_OpenPeriode: a period whose start and end are both optional."""

    begindatum: Datum | None = None
    einddatum: Datum | None = None


class Product(BaseType):
    """CDT_Product: a product category (per set) and, optionally, the regional product code."""

    categorie: CategorieWmo | CategorieJw
    code: ProductCode | None = None


class Omvang(BaseType):
    """CDT_Omvang: a volume in a unit per period (``Frequentie``)."""

    volume: Volume
    eenheid: Eenheid
    frequentie: Frequentie


class Verwijzer(BaseType):
    """CDT_Verwijzer: who referred the client; ZorgverlenerCode is the AGB code of a professional."""

    type: TypeVerwijzer
    naam: NaamVerwijzer | None = None
    zorgverlener_code: AgbCode | None = None


#: A period from a start date to an end date (None: open-ended).
Period = tuple[date, date | None]


def overlaps(first: Period, second: Period) -> bool:
    """Whether two periods share a day (an open end runs on for ever)."""
    (start_a, end_a), (start_b, end_b) = first, second
    return start_a <= (end_b or date.max) and start_b <= (end_a or date.max)


def product_key(product: Product | None) -> tuple[str, str | None] | None:
    """A product as a comparable pair (category, code); None without a product."""
    return None if product is None else (product.categorie.value, product.code)


__all__ = [
    "Achternaam",
    "Adres",
    "BaseType",
    "BerichtIdentificatie",
    "Communicatie",
    "Geboortedatum",
    "Huis",
    "Node",
    "Omvang",
    "OpenPeriode",
    "Period",
    "Product",
    "Telefoon",
    "Telefoonnummers",
    "VerkorteNaam",
    "Verwijzer",
    "VolledigeNaam",
    "XsdVersie",
    "overlaps",
    "product_key",
    "xml_name",
]
