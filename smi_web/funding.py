"""What the pages show of the funding: money in the session's language, and the parents' own
contribution table (for WIJzer on the case page and for the parents on their status page)."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from datetime import date, datetime
from decimal import Decimal

import pandas as pd
import streamlit as st
from babel.numbers import format_currency

from smi_core import MunicipalityConfig
from smi_core.i18n import babel_locale
from smi_core.municipality import ContributionBracket
from smi_web.ui import _, current_locale, plain_table


def day(value: date | datetime | None) -> str:
    """A date (a moment in the local day) as ``31-12-2026``, or "" when there is none."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        value = value.astimezone().date()
    return value.strftime("%d-%m-%Y")


def money(cents: int) -> str:
    """An amount in cents as euros, e.g. ``€ 1.234,56``."""
    return euros(Decimal(cents) / 100)


def euros(amount: Decimal) -> str:
    """An amount in euros with cents, e.g. ``€ 0,25``."""
    return format_currency(amount, "EUR", locale=babel_locale(current_locale()))


def whole_euros(amount: int) -> str:
    """An amount in whole euros, e.g. ``€ 25.000``."""
    return format_currency(
        Decimal(amount), "EUR", format="¤ #,##0", locale=babel_locale(current_locale()), currency_digits=False
    )


def editor_rows_as_csv(frame: pd.DataFrame, columns: Sequence[str]) -> str:
    """The rows typed in an ``st.data_editor`` as ``;``-separated text with a header row, so that
    they are read (``parse_subsidy_csv``) exactly like an uploaded file. Empty rows are left out;
    a whole float is written without decimals (``4.0`` as ``4``), any other with two."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";")
    writer.writerow(columns)
    for record in frame.to_dict("records"):
        cells: list[str] = []
        for column in columns:
            value = record.get(column)
            if value is None or pd.isna(value):
                cells.append("")
            elif isinstance(value, float):
                cells.append(str(int(value)) if value.is_integer() else f"{value:.2f}")
            else:
                cells.append(str(value).strip())
        if any(cells):
            writer.writerow(cells)
    return out.getvalue()


def income_label(table: tuple[ContributionBracket, ...], index: int) -> str:
    """The incomes of one bracket in words: "up to € 25.000", "€ 25.001 to € 40.000", "more than ..."."""
    bracket = table[index]
    below = table[index - 1].income_up_to if index > 0 else None
    if bracket.income_up_to is None:
        if below is None:
            return _("Every income")
        return _("More than %(amount)s", amount=whole_euros(below))
    if below is None:
        return _("Up to %(amount)s", amount=whole_euros(bracket.income_up_to))
    return _("%(low)s to %(high)s", low=whole_euros(below + 1), high=whole_euros(bracket.income_up_to))


def contribution_rows(municipality: MunicipalityConfig) -> list[dict[str, str]]:
    """The contribution table as rows of two columns."""
    table = municipality.parent_contribution
    return [
        {
            _("Household income per year"): income_label(table, index),
            _("Your own contribution per hour"): euros(bracket.per_hour),
        }
        for index, bracket in enumerate(table)
    ]


def show_contribution_table(municipality: MunicipalityConfig) -> None:
    """The parents' own contribution, in plain words (B1), with the municipality's table if it has
    one, and where to go when the parents cannot pay it."""
    st.subheader(_("Your own contribution"))
    table = municipality.parent_contribution
    if table:
        st.write(
            _(
                "You pay a small part of the childcare yourself. How much depends on the income of "
                "your household. The childcare provider works out the amount with you."
            )
        )
        plain_table(contribution_rows(municipality))
        last = table[-1].income_up_to
        if last is not None:
            st.write(
                _(
                    "Is your income more than %(amount)s? Ask the childcare provider what you pay.",
                    amount=whole_euros(last),
                )
            )
    else:
        st.write(
            _(
                "You pay a small part of the childcare yourself. How much depends on your income. "
                "The childcare provider tells you the amount."
            )
        )
    st.write(
        _(
            "Can you not pay this? Tell %(team)s. Together we look at other help with money.",
            team=municipality.social_team,
        )
    )
