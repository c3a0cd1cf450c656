"""What care costs: money in whole cents, the most a line may ask at a rate per part-day, and the
estimated cost of an indication per quarter and in all."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import ROUND_HALF_UP, Decimal

from smi_core.constants import CareType
from smi_core.dates import Quarter, quarters_between
from smi_core.funding.care import FundedIndication

CENT = Decimal("0.01")


def euros_to_cents(euros: Decimal) -> int:
    """Euros as whole cents, rounded half up."""
    return int((euros / CENT).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def rate_limit_cents(dagdelen_per_week: int, weeks: int, rate: Decimal) -> int:
    """The most a line may ask at ``rate`` euros per dagdeel: dagdelen x weeks x rate, in cents."""
    return euros_to_cents(dagdelen_per_week * weeks * rate)


def estimated_cost(
    funded: FundedIndication, quarter: Quarter, rates: Mapping[CareType, Decimal]
) -> int | None:
    """What the indication costs within ``quarter`` at the configured rate, in cents: per child its
    part-days per week x its care weeks in the quarter x the rate. None when no rate is configured
    for the indication's care type."""
    rate = rates.get(funded.care_type)
    if rate is None:
        return None
    return sum(
        rate_limit_cents(child.dagdelen_per_week, funded.child_care_weeks(child, quarter), rate)
        for child in funded.children.values()
    )


def estimated_total_cost(funded: FundedIndication, rates: Mapping[CareType, Decimal]) -> int | None:
    """``estimated_cost`` summed over every quarter the indication covers (None without a rate)."""
    if funded.care_type not in rates:
        return None
    quarters = quarters_between(funded.start, funded.funded_last_day)
    return sum(estimated_cost(funded, quarter, rates) or 0 for quarter in quarters)
