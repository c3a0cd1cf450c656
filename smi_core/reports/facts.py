"""The facts the reports count: small records from the clear columns (dates, statuses, counts and
amounts; never what is encrypted)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

from smi_core.cases import CaseSource, CaseStatus

Decision = Literal["granted", "refused", "other_route"]
DECISIONS: tuple[Decision, ...] = ("granted", "refused", "other_route")


@dataclass(frozen=True, slots=True)
class CaseFacts:
    """A submitted request: when it came in, from whom, where it is, and the decision if any."""

    received_on: date
    decided_on: date | None
    decision: Decision | None
    status: CaseStatus
    source: CaseSource

    def __post_init__(self) -> None:
        if (self.decided_on is None) != (self.decision is None):
            raise ValueError("a decision needs its date, and a date its decision")
        if self.decided_on is not None and self.decided_on < self.received_on:
            raise ValueError("a decision cannot come before the request")

    @property
    def days_to_decision(self) -> int | None:
        """Calendar days from receipt to the decision (0: decided on the day it came in)."""
        return None if self.decided_on is None else (self.decided_on - self.received_on).days


@dataclass(frozen=True, slots=True)
class IndicationFacts:
    """An indication's period: its start, planned last day, early end if any, and extensions."""

    start: date
    last_day: date
    ended_on: date | None
    extensions: int

    def __post_init__(self) -> None:
        if self.extensions < 0:
            raise ValueError("extensions cannot be negative")

    @property
    def end(self) -> date:
        """The last day of care: the planned last day, or the earlier day it ended."""
        return self.last_day if self.ended_on is None else min(self.last_day, self.ended_on)

    def active_on(self, day: date) -> bool:
        return self.start <= day <= self.end

    def runs_during(self, first: date, last: date) -> bool:
        return self.start <= last and self.end >= first


@dataclass(frozen=True, slots=True)
class PaidFacts:
    """A quarterly subsidy application: its quarter, status and amount in euro cents."""

    year: int
    quarter: int
    status: str
    amount_cents: int

    def __post_init__(self) -> None:
        if not 1 <= self.quarter <= 4:
            raise ValueError("a quarter lies between 1 and 4")


@dataclass(frozen=True, slots=True)
class ReportFacts:
    """Everything the reports of one period count."""

    since: date
    until: date
    cases: tuple[CaseFacts, ...] = ()
    indications: tuple[IndicationFacts, ...] = ()
    paid: tuple[PaidFacts, ...] = ()

    def __post_init__(self) -> None:
        if self.since > self.until:
            raise ValueError("a period cannot end before it starts")
