"""Reading a subsidy application from a CSV file or from rows pasted from a spreadsheet."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum

from pydantic import ValidationError

from smi_core.constants import N_
from smi_core.funding.applications import MAX_LINES, SubsidyLine


class CsvProblem(StrEnum):
    """Why a row of an uploaded CSV file was not read."""

    NO_HEADER = "no_header"
    FIELD_COUNT = "field_count"
    EMPTY = "empty"
    NOT_A_NUMBER = "not_a_number"
    NOT_AN_AMOUNT = "not_an_amount"
    OUT_OF_RANGE = "out_of_range"
    TOO_MANY_LINES = "too_many_lines"


CSV_PROBLEM_LABELS = {
    CsvProblem.NO_HEADER: N_(
        "The first row must name the columns: reference, child, dagdelen_per_week, weeks, amount."
    ),
    CsvProblem.FIELD_COUNT: N_("This row does not have the same number of columns as the first row."),
    CsvProblem.EMPTY: N_("A field of this row is empty."),
    CsvProblem.NOT_A_NUMBER: N_("Write part-days and weeks as whole numbers."),
    CsvProblem.NOT_AN_AMOUNT: N_("Write the amount in euros, like 1234,56 or 1234.56."),
    CsvProblem.OUT_OF_RANGE: N_("A value of this row is too large, too small or too long."),
    CsvProblem.TOO_MANY_LINES: N_("An application has at most %(max)s lines; split it up."),
}

#: The columns of a subsidy CSV file, each with the headers it may have (English or Dutch).
CSV_COLUMNS: dict[str, frozenset[str]] = {
    "reference": frozenset({"reference", "kenmerk"}),
    "child": frozenset({"child", "kind", "first name", "voornaam"}),
    "dagdelen_per_week": frozenset({"dagdelen_per_week", "dagdelen per week", "dagdelen", "part-days"}),
    "weeks": frozenset({"weeks", "weken"}),
    "amount": frozenset({"amount", "bedrag", "amount (eur)", "bedrag (eur)"}),
}


@dataclass(frozen=True)
class SubsidyCsvError:
    """A row of the file that was not read: its row number (1 is the header) and why."""

    row: int
    problem: CsvProblem


_WHOLE = re.compile(r"^\d{1,6}$")
_AMOUNT = re.compile(r"^(\d{1,9})(?:[.,](\d{1,2}))?$")


def parse_amount(text: str) -> int | None:
    """Euros as written in a file or a form, as cents: ``"1234,56"``, ``"1234.56"``, ``"€ 12"``.

    Thousands separators are refused (None), so that ``"1.234"`` is never read as 1,234 euros.
    """
    cleaned = text.strip().removeprefix("€").removeprefix("EUR").strip()
    match = _AMOUNT.match(cleaned)
    if match is None:
        return None
    euros, cents = match.group(1), (match.group(2) or "0").ljust(2, "0")
    return int(euros) * 100 + int(cents)


def _header_columns(header: Sequence[str]) -> dict[str, int] | None:
    found: dict[str, int] = {}
    for index, name in enumerate(header):
        wanted = name.strip().casefold()
        for column, names in CSV_COLUMNS.items():
            if wanted in names and column not in found:
                found[column] = index
    return found if len(found) == len(CSV_COLUMNS) else None


def _parse_row(fields: Sequence[str], columns: Mapping[str, int]) -> SubsidyLine | CsvProblem:
    values = {column: fields[index].strip() for column, index in columns.items()}
    if not all(values.values()):
        return CsvProblem.EMPTY
    if not (_WHOLE.match(values["dagdelen_per_week"]) and _WHOLE.match(values["weeks"])):
        return CsvProblem.NOT_A_NUMBER
    amount = parse_amount(values["amount"])
    if amount is None:
        return CsvProblem.NOT_AN_AMOUNT
    try:
        return SubsidyLine(
            reference=values["reference"],
            child=values["child"],
            dagdelen_per_week=int(values["dagdelen_per_week"]),
            weeks=int(values["weeks"]),
            amount_cents=amount,
        )
    except ValidationError:
        return CsvProblem.OUT_OF_RANGE


def parse_subsidy_csv(text: str) -> tuple[list[SubsidyLine], list[SubsidyCsvError]]:
    """The lines of a subsidy CSV file, and the rows that could not be read.

    The first row names the columns (``reference;child;dagdelen_per_week;weeks;amount``, in any
    order, English or Dutch names); fields are separated by tabs (rows pasted from a spreadsheet),
    ``;`` or ``,``, whichever the first row uses (an amount with a decimal comma in a ``,`` file must
    be quoted). A byte order mark and empty rows are ignored. Amounts are euros (``1234,56`` or
    ``1234.56``) and become cents.
    """
    text = text.removeprefix("\ufeff")
    first_line = next((line for line in text.splitlines() if line.strip()), "")
    delimiter = next((d for d in ("\t", ";") if d in first_line), ",")
    rows = [
        (number, fields)
        for number, fields in enumerate(csv.reader(io.StringIO(text), delimiter=delimiter), start=1)
        if any(field.strip() for field in fields)
    ]
    if not rows:
        return [], [SubsidyCsvError(1, CsvProblem.NO_HEADER)]
    header_number, header = rows[0]
    columns = _header_columns(header)
    if columns is None:
        return [], [SubsidyCsvError(header_number, CsvProblem.NO_HEADER)]
    lines: list[SubsidyLine] = []
    errors: list[SubsidyCsvError] = []
    for number, fields in rows[1:]:
        if len(fields) != len(header):
            errors.append(SubsidyCsvError(number, CsvProblem.FIELD_COUNT))
            continue
        parsed = _parse_row(fields, columns)
        if isinstance(parsed, CsvProblem):
            errors.append(SubsidyCsvError(number, parsed))
        elif len(lines) >= MAX_LINES:
            errors.append(SubsidyCsvError(number, CsvProblem.TOO_MANY_LINES))
        else:
            lines.append(parsed)
    return lines, errors
