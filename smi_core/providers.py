"""The register of childcare providers (*houders*) and their locations, and its CSV exchange.

A *houder* is the organisation that runs childcare; it has one or more locations, each
registered in the *Landelijk Register Kinderopvang* (LRK) under a 9-digit number. WIJzer
workers pick a location from this register when they ask for a place.

One CSV row is one location. The header names are fixed (see :data:`CSV_COLUMNS`); their
order is free and upper or lower case does not matter:

=================  ====================================================================
``houder``         name of the provider (required; the same name means the same provider)
``contactpersoon`` the provider's contact for placements
``telefoon``       the provider's telephone number
``e-mail``         the provider's e-mail address
``locatie``        name of the location (required)
``adres``          address of the location
``lrk``            the location's LRK number: 9 digits (spaces are ignored; unique per file)
``opvangsoorten``  care types offered: ``kdv``, ``vso``, ``tso``, ``bso``, ``psg``,
                   separated by ``|`` or spaces (at least one; never ``mkd``)
=================  ====================================================================

Contact, telephone and e-mail belong to the provider: the rows of one provider in one file
must agree on them. Files may use ``;`` (what Dutch Excel writes) or ``,`` between values and
may start with a UTF-8 byte order mark. Whether a location is active is not in the file.

Spreadsheets run a cell that starts with ``=``, ``+``, ``-`` or ``@`` as a formula (*CSV
injection*), so the export puts an apostrophe before such a value and the import takes it off.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, ValidationError
from pydantic_core import PydanticCustomError

from smi_core.constants import N_, CareType
from smi_core.intake import strip_text

#: Care types a provider location can offer; medical day care (MKD) is arranged elsewhere.
LOCATION_CARE_TYPES: tuple[CareType, ...] = tuple(c for c in CareType if c is not CareType.MKD)
LRK_LENGTH = 9
#: At most this many locations in one file.
MAX_ROWS = 5000

#: The CSV header, in the order the export writes it: column name -> field of the entry.
COLUMN_FIELDS: dict[str, str] = {
    "houder": "provider_name",
    "contactpersoon": "contact_name",
    "telefoon": "phone",
    "e-mail": "email",
    "locatie": "location_name",
    "adres": "address",
    "lrk": "lrk_number",
    "opvangsoorten": "care_types",
}
CSV_COLUMNS: tuple[str, ...] = tuple(COLUMN_FIELDS)
FIELD_COLUMNS: dict[str, str] = {name: column for column, name in COLUMN_FIELDS.items()}
#: Columns that a file must have; the others may be left out.
REQUIRED_COLUMNS = frozenset({"houder", "locatie", "lrk", "opvangsoorten"})
PROVIDER_FIELDS = ("contact_name", "phone", "email")

_FORMULA_START = frozenset("=+-@\t\r")
_ESCAPED = re.compile(r"^'+[=+\-@\t\r]")
_CARE_SEPARATORS = re.compile(r"[|,;/\s]+")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_NOT_ON_A_LINE = frozenset({"Cc", "Cs", "Zl", "Zp"})

# -- messages (gettext ids; placeholders are filled in when shown) ------------------------------

MSG_REQUIRED = N_("Fill this in.")
MSG_TOO_LONG = N_("This is too long: at most %(max)s characters.")
MSG_ONE_LINE = N_("Use one line of ordinary text.")
MSG_LRK = N_("An LRK number has 9 digits.")
MSG_EMAIL = N_("Write an e-mail address such as naam@voorbeeld.nl.")
MSG_CARE_UNKNOWN = N_("Unknown care type %(value)s. Use kdv, vso, tso, bso or psg.")
MSG_CARE_MKD = N_("Medical day care (MKD) is not part of this register.")
MSG_CARE_NONE = N_("Name at least one care type.")
MSG_INVALID = N_("This value is not valid.")
MSG_EMPTY_FILE = N_("The file is empty.")
MSG_COLUMN_MISSING = N_("The column %(column)s is missing.")
MSG_COLUMN_UNKNOWN = N_("Unknown column %(column)s.")
MSG_COLUMN_TWICE = N_("The column %(column)s appears twice.")
MSG_TOO_MANY_VALUES = N_("This line has more values than the header.")
MSG_DUPLICATE_LRK = N_("This LRK number is also on line %(line)s.")
MSG_PROVIDER_DIFFERS = N_("The same provider has other contact details on line %(line)s.")
MSG_TOO_MANY_ROWS = N_("The file has more than %(max)s locations.")
MSG_NOT_CSV = N_("The file could not be read. Save it as CSV (UTF-8) and try again.")


# -- the entry -----------------------------------------------------------------------------------


def _one_line(value: str) -> str:
    if any(unicodedata.category(ch) in _NOT_ON_A_LINE for ch in value):
        raise PydanticCustomError("one_line", MSG_ONE_LINE)
    return value


def _lrk(value: Any) -> Any:
    """An LRK number without spaces; 9 digits."""
    if not isinstance(value, str):
        return value
    digits = "".join(value.split())
    if len(digits) != LRK_LENGTH or not digits.isascii() or not digits.isdigit():
        raise PydanticCustomError("lrk", MSG_LRK)
    return digits


def _email(value: str) -> str:
    if value and not _EMAIL.match(value):
        raise PydanticCustomError("email", MSG_EMAIL)
    return value


def _care_types(value: frozenset[CareType]) -> frozenset[CareType]:
    if CareType.MKD in value:
        raise PydanticCustomError("care_mkd", MSG_CARE_MKD)
    if not value:
        raise PydanticCustomError("care_none", MSG_CARE_NONE)
    return value


_Stripped = BeforeValidator(strip_text)
_OneLine = AfterValidator(_one_line)
Required120 = Annotated[str, _Stripped, Field(min_length=1, max_length=120), _OneLine]
Text40 = Annotated[str, _Stripped, Field(max_length=40), _OneLine]
Text120 = Annotated[str, _Stripped, Field(max_length=120), _OneLine]
Text200 = Annotated[str, _Stripped, Field(max_length=200), _OneLine]


class ProviderLocationEntry(BaseModel):
    """One location of a provider, as typed in the form or read from one CSV row.

    ``contact_name``, ``phone`` and ``email`` belong to the provider and are shared by all
    its locations. Text is stripped and kept on one line; the lengths fit the database.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    provider_name: Required120
    contact_name: Text120 = ""
    phone: Text40 = ""
    email: Annotated[Text200, AfterValidator(_email)] = ""
    location_name: Required120
    address: Text200 = ""
    lrk_number: Annotated[str, BeforeValidator(_lrk)]
    care_types: Annotated[frozenset[CareType], AfterValidator(_care_types)]

    def provider_details(self) -> tuple[str, str, str]:
        """The provider-level contact details: contact, telephone, e-mail."""
        return (self.contact_name, self.phone, self.email)


@dataclass(frozen=True)
class Problem:
    """What is wrong with one field (``name``): a gettext id and the values for its placeholders."""

    name: str
    message: str
    values: Mapping[str, object] = field(default_factory=dict)


_TYPE_MESSAGES = {
    "missing": MSG_REQUIRED,
    "too_short": MSG_REQUIRED,
    "string_too_short": MSG_REQUIRED,
    "one_line": MSG_ONE_LINE,
    "lrk": MSG_LRK,
    "email": MSG_EMAIL,
    "care_mkd": MSG_CARE_MKD,
    "care_none": MSG_CARE_NONE,
}


def entry_problems(error: ValidationError) -> list[Problem]:
    """The problems of an invalid :class:`ProviderLocationEntry`, one per field, as messages."""
    problems: dict[str, Problem] = {}
    for detail in error.errors():
        name = str(detail["loc"][0]) if detail["loc"] else ""
        if name in problems:
            continue
        kind = detail["type"]
        values: dict[str, object] = {}
        if kind in {"too_long", "string_too_long"}:
            message, values = MSG_TOO_LONG, {"max": detail.get("ctx", {}).get("max_length", "")}
        elif kind == "enum" and name == "care_types":
            message, values = MSG_CARE_UNKNOWN, {"value": str(detail.get("input", ""))}
        else:
            message = _TYPE_MESSAGES.get(kind, MSG_INVALID)
        problems[name] = Problem(name, message, values)
    return list(problems.values())


# -- CSV -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ProviderCsvError:
    """A problem on one line of a CSV file. ``column`` is a header name, or "" for the whole line."""

    line: int
    column: str
    message: str
    values: Mapping[str, object] = field(default_factory=dict)


@dataclass(frozen=True)
class ProviderCsvResult:
    """The valid locations of a file and the problems of the other lines."""

    entries: tuple[ProviderLocationEntry, ...]
    errors: tuple[ProviderCsvError, ...]

    @property
    def ok(self) -> bool:
        return not self.errors


class UnreadableCsv(ValueError):
    """The uploaded bytes are not text in UTF-8 or Windows-1252."""


def decode_csv(data: bytes) -> str:
    """The text of an uploaded file: UTF-8 (with or without BOM), else Windows-1252 (old Excel)."""
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if "\x00" not in text:
            return text
    raise UnreadableCsv(MSG_NOT_CSV)


def defuse_formula(value: str) -> str:
    """A cell that a spreadsheet will not run: an apostrophe before ``=``, ``+``, ``-``, ``@``.

    Values that already start with apostrophes before such a character get one more, so that
    :func:`restore_formula` gives every value back exactly.
    """
    if value and (value[0] in _FORMULA_START or _ESCAPED.match(value)):
        return "'" + value
    return value


def restore_formula(value: str) -> str:
    """The value behind a defused cell: one apostrophe before ``=``, ``+``, ``-``, ``@`` removed."""
    return value[1:] if _ESCAPED.match(value) else value


def care_types_cell(care_types: Iterable[CareType]) -> str:
    """The care types as one cell, in a fixed order: ``kdv|bso``."""
    chosen = set(care_types)
    return "|".join(c.value for c in CareType if c in chosen)


def _row(entry: ProviderLocationEntry) -> list[str]:
    values = {
        "provider_name": entry.provider_name,
        "contact_name": entry.contact_name,
        "phone": entry.phone,
        "email": entry.email,
        "location_name": entry.location_name,
        "address": entry.address,
        "lrk_number": entry.lrk_number,
        "care_types": care_types_cell(entry.care_types),
    }
    return [defuse_formula(values[name]) for name in COLUMN_FIELDS.values()]


def providers_csv(entries: Iterable[ProviderLocationEntry]) -> str:
    """The entries as CSV for Dutch Excel: a byte order mark, ``;`` between values, a header."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for entry in entries:
        writer.writerow(_row(entry))
    return "\ufeff" + buffer.getvalue()


def _delimiter(header_line: str) -> str:
    return "," if header_line.count(",") > header_line.count(";") else ";"


def _header(cells: Sequence[str], line: int) -> tuple[dict[int, str], list[ProviderCsvError]]:
    """Position -> field name for the columns of a header, and what is wrong with it."""
    positions: dict[int, str] = {}
    errors: list[ProviderCsvError] = []
    seen: set[str] = set()
    for index, cell in enumerate(cells):
        column = cell.strip().lower()
        if not column:
            continue
        if column not in COLUMN_FIELDS:
            errors.append(ProviderCsvError(line, cell.strip(), MSG_COLUMN_UNKNOWN, {"column": cell.strip()}))
        elif column in seen:
            errors.append(ProviderCsvError(line, column, MSG_COLUMN_TWICE, {"column": column}))
        else:
            seen.add(column)
            positions[index] = COLUMN_FIELDS[column]
    for column in CSV_COLUMNS:
        if column in REQUIRED_COLUMNS and column not in seen:
            errors.append(ProviderCsvError(line, column, MSG_COLUMN_MISSING, {"column": column}))
    return positions, errors


def _entry(
    cells: Sequence[str], positions: Mapping[int, str], width: int, line: int
) -> tuple[ProviderLocationEntry | None, list[ProviderCsvError]]:
    """The entry of one row, or what is wrong with it, per column."""
    if any(cell.strip() for cell in cells[width:]):
        return None, [ProviderCsvError(line, "", MSG_TOO_MANY_VALUES)]
    raw: dict[str, Any] = {}
    for index, name in positions.items():
        value = restore_formula(cells[index].strip()) if index < len(cells) else ""
        if name == "care_types":
            raw[name] = [token.lower() for token in _CARE_SEPARATORS.split(value) if token]
        else:
            raw[name] = value
    try:
        return ProviderLocationEntry.model_validate(raw), []
    except ValidationError as invalid:
        return None, [
            ProviderCsvError(line, FIELD_COLUMNS.get(p.name, ""), p.message, p.values)
            for p in entry_problems(invalid)
        ]


def _records(text: str) -> Iterable[tuple[int, list[str]]]:
    """The rows of a CSV text with the line each one starts on (blank rows left out)."""
    first_line = next((line for line in text.splitlines() if line.strip()), "")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(first_line))
    start = 1
    for cells in reader:
        if any(cell.strip() for cell in cells):
            yield start, cells
        start = reader.line_num + 1


def parse_providers_csv(text: str) -> ProviderCsvResult:
    """The locations of a CSV file, and per line what is wrong (see the module for the format).

    A line with an error gives no entry. A repeated LRK number, or other contact details for a
    provider already read, is an error on the later line.
    """
    text = text.removeprefix("\ufeff")
    try:
        records = list(_records(text))
    except csv.Error:
        return ProviderCsvResult((), (ProviderCsvError(1, "", MSG_NOT_CSV),))
    if not records:
        return ProviderCsvResult((), (ProviderCsvError(1, "", MSG_EMPTY_FILE),))
    header_line, header = records[0]
    positions, errors = _header(header, header_line)
    if errors:
        return ProviderCsvResult((), tuple(errors))
    if len(records) - 1 > MAX_ROWS:
        return ProviderCsvResult(
            (), (ProviderCsvError(records[MAX_ROWS + 1][0], "", MSG_TOO_MANY_ROWS, {"max": MAX_ROWS}),)
        )
    entries: list[ProviderLocationEntry] = []
    lrk_lines: dict[str, int] = {}
    providers: dict[str, tuple[int, tuple[str, str, str]]] = {}
    for line, cells in records[1:]:
        entry, problems = _entry(cells, positions, len(header), line)
        if entry is None:
            errors.extend(problems)
            continue
        if entry.lrk_number in lrk_lines:
            errors.append(
                ProviderCsvError(line, "lrk", MSG_DUPLICATE_LRK, {"line": lrk_lines[entry.lrk_number]})
            )
            continue
        known = providers.get(entry.provider_name)
        if known is not None and known[1] != entry.provider_details():
            column = next(
                FIELD_COLUMNS[name]
                for name, mine, theirs in zip(
                    PROVIDER_FIELDS, entry.provider_details(), known[1], strict=True
                )
                if mine != theirs
            )
            errors.append(ProviderCsvError(line, column, MSG_PROVIDER_DIFFERS, {"line": known[0]}))
            continue
        lrk_lines[entry.lrk_number] = line
        providers.setdefault(entry.provider_name, (line, entry.provider_details()))
        entries.append(entry)
    return ProviderCsvResult(tuple(entries), tuple(errors))
