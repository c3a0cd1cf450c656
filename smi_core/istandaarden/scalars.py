"""The simple data types of the basisschema (``LDT_*``) as annotated Python types.

Each type mirrors its XSD restriction, so that a model that validates also writes a message its
schema accepts. Two XSD details are followed on purpose:

- XSD patterns are anchored and its ``\\s`` is only space, tab, newline and carriage return; ``.``
  matches anything but a newline or carriage return. The patterns below say so explicitly.
- Dates and times carry no zone (``LDT_Datum``, ``LDT_Tijd``); a text date must be ``YYYY-MM-DD``.

A text must also consist of characters XML 1.0 allows, or it could not be written at all.
"""

from __future__ import annotations

import re
from datetime import date, time
from typing import Annotated, Any

from pydantic import AfterValidator, BeforeValidator, Field, StringConstraints

#: Characters XML 1.0 does not allow (control characters, surrogates, U+FFFE and U+FFFF).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
#: ``.*[^\s].*`` of the XSD: one line holding at least one character that is not XSD whitespace.
_ONE_LINE_NOT_BLANK = r"^[^\n\r]*[^ \t\n\r][^\n\r]*$"
#: ``([.\s]*\S+[.\s]*)+`` of the XSD (LDT_Commentaar): any text holding a non-whitespace character.
_NOT_BLANK = r"^[\s\S]*[^ \t\n\r][\s\S]*$"
_ISO_DATE = re.compile(r"^-?\d{4,}-\d{2}-\d{2}$")


def _xml_characters(text: str) -> str:
    if _NOT_XML.search(text):
        raise ValueError("the text holds a character XML does not allow")
    return text


def _iso_date(value: Any) -> Any:
    """A text date must be ``YYYY-MM-DD`` (no time, no zone, no timestamp)."""
    if isinstance(value, str) and not _ISO_DATE.match(value):
        raise ValueError("a date is written as YYYY-MM-DD, without a zone")
    return value


def _no_zone(value: time) -> time:
    if value.tzinfo is not None:
        raise ValueError("a time is written without a zone")
    return value


def _text(max_length: int | None = None) -> Any:
    """A one-line, not blank text of at most ``max_length`` characters (``.*[^\\s].*``)."""
    return StringConstraints(min_length=1, max_length=max_length, pattern=_ONE_LINE_NOT_BLANK)


def _digits(count: int) -> Any:
    return StringConstraints(min_length=count, max_length=count, pattern=rf"^[0-9]{{{count}}}$")


#: LDT_BurgerServicenummer: 9 digits (the elfproef is rule CS002, checked at level 2).
Bsn = Annotated[str, _digits(9)]
#: LDT_AgbCode: the 8-digit AGB code of a provider (or of a referring care professional).
AgbCode = Annotated[str, _digits(8)]
#: LDT_Gemeente: the 4-digit CBS code of a municipality.
GemeenteCode = Annotated[str, _digits(4)]
#: LDT_IdentificatieBericht: a message's identification, at most 12 characters.
Identificatie = Annotated[str, _text(12), AfterValidator(_xml_characters)]
#: LDT_Referentie: ReferentieAanbieder, at most 36 characters.
Referentie = Annotated[str, _text(36), AfterValidator(_xml_characters)]
#: LDT_Versie: a version ``major.minor.patch``.
Versie = Annotated[str, StringConstraints(pattern=r"^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)$")]
#: LDT_Nummer: ToewijzingNummer, BeschikkingNummer; an integer from 0 to 999999999.
Nummer = Annotated[int, Field(ge=0, le=999_999_999)]
#: LDT_Volume: an integer from 0 to 99999999.
Volume = Annotated[int, Field(ge=0, le=99_999_999)]
#: LDT_Budget: an amount in cents (IV024), an integer from 0 to 99999999.
Budget = Annotated[int, Field(ge=0, le=99_999_999)]
#: LDT_Datum: a date without a zone.
Datum = Annotated[date, BeforeValidator(_iso_date)]
#: LDT_Tijd: a time without a zone.
Tijd = Annotated[time, AfterValidator(_no_zone)]
#: LDT_Commentaar: free text holding at least one non-blank character (no maximum in 3.2).
Commentaar = Annotated[
    str, StringConstraints(min_length=1, pattern=_NOT_BLANK), AfterValidator(_xml_characters)
]
#: LDT_Naam: a (family) name or first names, at most 200 characters.
Naam = Annotated[str, _text(200), AfterValidator(_xml_characters)]
#: LDT_Voorvoegsel: a name prefix (``van``, ``de``), at most 10 characters.
Voorvoegsel = Annotated[str, _text(10), AfterValidator(_xml_characters)]
#: LDT_Voorletters: initials, at most 6 letters.
Voorletters = Annotated[str, StringConstraints(min_length=1, max_length=6, pattern=r"^[a-zA-ZÀ-ỳ]+$")]
#: LDT_NaamVerwijzer: the name of a referrer, at most 64 characters.
NaamVerwijzer = Annotated[str, _text(64), AfterValidator(_xml_characters)]
#: LDT_Persoonsid: the number of a related person, at most 20 characters.
Persoonsid = Annotated[str, _text(20), AfterValidator(_xml_characters)]
#: LDT_RelatieVolgorde: 0 to 99.
RelatieVolgorde = Annotated[int, Field(ge=0, le=99)]
#: LDT_Taal: a language, at most 25 characters.
Taal = Annotated[str, _text(25), AfterValidator(_xml_characters)]
#: LDT_Huisnummer: 0 to 99999.
Huisnummer = Annotated[int, Field(ge=0, le=99_999)]
#: LDT_Huisletter: one character.
Huisletter = Annotated[str, _text(1), AfterValidator(_xml_characters)]
#: LDT_HuisnummerToevoeging: at most 4 characters.
HuisnummerToevoeging = Annotated[str, _text(4), AfterValidator(_xml_characters)]
#: LDT_Postcode: at most 8 characters (any country).
Postcode = Annotated[str, _text(8), AfterValidator(_xml_characters)]
#: LDT_Straatnaam: at most 24 characters.
Straatnaam = Annotated[str, _text(24), AfterValidator(_xml_characters)]
#: LDT_Plaatsnaam: at most 80 characters.
Plaatsnaam = Annotated[str, _text(80), AfterValidator(_xml_characters)]
#: LDT_Organisatienaam: at most 35 characters.
Organisatienaam = Annotated[str, _text(35), AfterValidator(_xml_characters)]
#: LDT_Emailadres: at most 80 characters.
Emailadres = Annotated[str, _text(80), AfterValidator(_xml_characters)]
#: LDT_Telefoonnummer: 1 to 15 digits.
Telefoonnummer = Annotated[str, StringConstraints(min_length=1, max_length=15, pattern=r"^[0-9]+$")]
#: LDT_Landnummer: a country calling code, at most 4 characters.
Landnummer = Annotated[str, _text(4), AfterValidator(_xml_characters)]
#: LDT_ProductCode: a (regional) product code, at most 5 characters.
ProductCode = Annotated[str, _text(5), AfterValidator(_xml_characters)]

__all__ = [
    "AgbCode",
    "Bsn",
    "Budget",
    "Commentaar",
    "Datum",
    "Emailadres",
    "GemeenteCode",
    "Huisletter",
    "Huisnummer",
    "HuisnummerToevoeging",
    "Identificatie",
    "Landnummer",
    "Naam",
    "NaamVerwijzer",
    "Nummer",
    "Organisatienaam",
    "Persoonsid",
    "Plaatsnaam",
    "Postcode",
    "ProductCode",
    "Referentie",
    "RelatieVolgorde",
    "Straatnaam",
    "Taal",
    "Telefoonnummer",
    "Tijd",
    "Versie",
    "Voorletters",
    "Voorvoegsel",
]
