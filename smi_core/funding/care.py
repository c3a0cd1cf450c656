"""What an indication funds: the weeks of care in a quarter, the indication as the funding sees it
(per child its part-days and last funded day), and where it stands on a day."""

from __future__ import annotations

import math
from datetime import date
from enum import StrEnum

from pydantic import BaseModel, ConfigDict

from smi_core.constants import N_, CareType
from smi_core.dates import Quarter
from smi_core.municipality import MunicipalityConfig
from smi_core.placement import Indication


def overlap_days(start: date, last_day: date, quarter: Quarter) -> int:
    """The days from ``start`` to ``last_day`` (both included) that lie within ``quarter``."""
    first = max(start, quarter.first_day)
    last = min(last_day, quarter.last_day)
    return max(0, (last - first).days + 1)


def care_weeks(start: date, last_day: date, quarter: Quarter) -> int:
    """How many weeks of care from ``start`` to ``last_day`` (both included) fall within ``quarter``.

    The rule: count the days of overlap, divide by 7, round up. So any overlap gives at least one
    week (a part week counts as a week of care), no overlap gives 0, and a whole quarter of 90 or
    91 days gives 13 weeks, of 92 days 14.
    """
    return math.ceil(overlap_days(start, last_day, quarter) / 7)


class FundedChild(BaseModel):
    """One child's part of an indication: part-days per week and the last day the indication
    covers the child (the period's end, or the day before the age limit if that comes first)."""

    model_config = ConfigDict(frozen=True)

    dagdelen_per_week: int
    last_day: date


class FundedIndication(BaseModel):
    """An indication as the funding sees it: who provides the care, of what kind, from when until
    when, and per child (by first name) how much."""

    model_config = ConfigDict(frozen=True)

    reference: str
    provider_id: int | None
    care_type: CareType
    start: date
    last_day: date
    ended_on: date | None = None
    """The last day of care when the indication was ended early (None: not ended)."""
    extensions: int = 0
    children: dict[str, FundedChild]

    def child(self, name: str) -> FundedChild | None:
        """The child with this first name (case and surrounding spaces do not matter)."""
        wanted = name.strip().casefold()
        return next((c for n, c in self.children.items() if n.casefold() == wanted), None)

    def funded_until(self, child: FundedChild) -> date:
        """The child's last funded day: its own last day, or the early end if that came first."""
        return child.last_day if self.ended_on is None else min(child.last_day, self.ended_on)

    @property
    def funded_last_day(self) -> date:
        """The indication's last funded day, taking an early end into account."""
        return self.last_day if self.ended_on is None else min(self.last_day, self.ended_on)

    def child_care_weeks(self, child: FundedChild, quarter: Quarter) -> int:
        """The weeks of this child's care within ``quarter`` (``care_weeks``)."""
        return care_weeks(self.start, self.funded_until(child), quarter)

    def active_on(self, day: date) -> bool:
        """Whether the indication covers care on ``day``."""
        return self.start <= day <= self.funded_last_day


def funded_indication(
    reference: str,
    provider_id: int | None,
    indication: Indication,
    municipality: MunicipalityConfig,
    ended_on: date | None = None,
) -> FundedIndication:
    """The funding's view of ``indication``, with each child's last day from its review calendar."""
    timeline = indication.timeline(municipality)
    return FundedIndication(
        reference=reference,
        provider_id=provider_id,
        care_type=indication.care_type,
        start=indication.start,
        last_day=timeline.last_day,
        ended_on=ended_on,
        extensions=indication.extensions,
        children={
            child.name: FundedChild(
                dagdelen_per_week=child.dagdelen_per_week,
                last_day=timeline.child_last_days[child.name],
            )
            for child in indication.children
        },
    )


class IndicationPhase(StrEnum):
    """Where an indication stands on a day, as the municipality's overview shows it."""

    UPCOMING = "upcoming"
    ACTIVE = "active"
    ENDED = "ended"


INDICATION_PHASE_LABELS = {
    IndicationPhase.UPCOMING: N_("not started yet"),
    IndicationPhase.ACTIVE: N_("active"),
    IndicationPhase.ENDED: N_("ended"),
}


def indication_phase(start: date, funded_last_day: date, on: date) -> IndicationPhase:
    """After the last funded day (or when that lies before the start): ended; before ``start``:
    upcoming; else active."""
    if on > funded_last_day or funded_last_day < start:
        return IndicationPhase.ENDED
    return IndicationPhase.UPCOMING if on < start else IndicationPhase.ACTIVE
