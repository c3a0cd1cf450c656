"""Tables as text: a cell of a report in the reader's language (numbers and euros as that
language writes them), and a table as a CSV file that Excel opens safely.

The cells come from the core (``smi_core.reports.Cell``: text, a count, a number of days, or
euros as a ``Decimal``); how they read is decided here, on the documents side.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from decimal import Decimal

from babel.numbers import format_currency, format_decimal

from smi_core.i18n import babel_locale
from smi_core.reports import Cell


def format_cell(cell: Cell, locale: str, *, for_csv: bool = False) -> str:
    """A cell as text in ``locale``: euros with the currency sign on screen and as a plain decimal
    number in a CSV file (so a spreadsheet can add them up); nothing as a dash on screen."""
    where = babel_locale(locale)
    if cell is None:
        return "" if for_csv else "–"
    if isinstance(cell, Decimal):
        if for_csv:
            return format_decimal(cell, format="0.00", locale=where)
        return format_currency(cell, "EUR", locale=where)
    if isinstance(cell, float):
        return format_decimal(cell, format="0.#", locale=where)
    if isinstance(cell, int):
        return str(cell) if for_csv else format_decimal(cell, locale=where)
    return cell


_FORMULA_STARTS = ("=", "+", "@", "\t", "\r")


def csv_bytes(header: Sequence[str], rows: Iterable[Sequence[str]]) -> bytes:
    """A CSV file as Excel opens it: ``;`` between fields, a header, UTF-8 with a byte-order mark.

    A text cell that a spreadsheet would read as a formula gets a leading apostrophe.
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    for line in [header, *rows]:
        writer.writerow([_inert(cell) for cell in line])
    return buffer.getvalue().encode("utf-8-sig")


def _inert(cell: str) -> str:
    formula = cell.startswith(_FORMULA_STARTS) or (cell.startswith("-") and not cell[1:2].isdigit())
    return f"'{cell}" if formula else cell
