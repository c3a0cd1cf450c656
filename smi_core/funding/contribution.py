"""The parents' own contribution per hour of care, by yearly household income, from the
municipality's table."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from smi_core.municipality import ContributionBracket


def contribution_per_hour(income: int, table: Iterable[ContributionBracket]) -> Decimal | None:
    """The parents' own contribution per hour for a yearly household ``income`` in euros: the first
    bracket whose ``income_up_to`` is at least the income (or has none). None when the table is
    empty or the income lies above its last bound."""
    if income < 0:
        raise ValueError("income must not be negative")
    for bracket in table:
        if bracket.income_up_to is None or income <= bracket.income_up_to:
            return bracket.per_hour
    return None
