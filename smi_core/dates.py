"""Calendar arithmetic the rules share: months, quarters, birthdays, ages."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

LeapDayBirthday = Literal["feb_28", "mar_1"]


def add_months(start: date, months: int) -> date:
    """``start`` plus whole months; a day that does not exist becomes the month's last day."""
    month_index = start.month - 1 + months
    year, month = start.year + month_index // 12, month_index % 12 + 1
    day = min(start.day, calendar.monthrange(year, month)[1])
    return date(year, month, day)


def birthday(date_of_birth: date, age: int, leap_day: LeapDayBirthday = "mar_1") -> date:
    """The day a child turns ``age``.

    A child born on 29 February has its birthday on 28 February or 1 March in
    other years, as the municipality's setting says.
    """
    year = date_of_birth.year + age
    if date_of_birth.month == 2 and date_of_birth.day == 29 and not calendar.isleap(year):
        return date(year, 2, 28) if leap_day == "feb_28" else date(year, 3, 1)
    return date_of_birth.replace(year=year)


def age_on(date_of_birth: date, on: date, leap_day: LeapDayBirthday = "mar_1") -> int:
    """Age in whole years on a day (0 before the first birthday)."""
    age = on.year - date_of_birth.year
    if age > 0 and birthday(date_of_birth, age, leap_day) > on:
        age -= 1
    return age


def last_day_before_age(date_of_birth: date, age: int, leap_day: LeapDayBirthday = "mar_1") -> date:
    """The last day before the child turns ``age``."""
    return birthday(date_of_birth, age, leap_day) - timedelta(days=1)


def period_last_day(start: date, months: int) -> date:
    """The last day of a period of whole months that begins on ``start``."""
    return add_months(start, months) - timedelta(days=1)


def working_days_between(start: date, end: date) -> int:
    """Working days (Monday to Friday) after ``start`` up to and including ``end``; 0 if end <= start."""
    if end <= start:
        return 0
    days = (end - start).days
    weeks, rest = divmod(days, 7)
    count = weeks * 5
    weekday = start.weekday()
    for offset in range(1, rest + 1):
        if (weekday + offset) % 7 < 5:
            count += 1
    return count


# -- months --------------------------------------------------------------------------------------


def month_start(day: date) -> date:
    return day.replace(day=1)


def month_end(day: date) -> date:
    following = date(day.year + day.month // 12, day.month % 12 + 1, 1)
    return following - timedelta(days=1)


def months_between(first: date, last: date) -> list[date]:
    """The first day of every month from ``first``'s month to ``last``'s month, both included."""
    months = []
    month = month_start(first)
    while month <= last:
        months.append(month)
        month = month_end(month) + timedelta(days=1)
    return months


def month_label(month: date) -> str:
    """``2026-03``: sorts well and reads the same in every language and in a spreadsheet."""
    return f"{month.year:04d}-{month.month:02d}"


# -- quarters ------------------------------------------------------------------------------------

_QUARTER = re.compile(r"^\s*(\d{4})\s*-?\s*[Qq]\s*([1-4])\s*$")


@dataclass(frozen=True, order=True)
class Quarter:
    """A calendar quarter: Q1 is January to March, ..., Q4 is October to December.

    The one quarter of the core: the subsidy applications are made per quarter, and the reports
    count their costs per quarter.
    """

    year: int
    number: int

    def __post_init__(self) -> None:
        if not 1 <= self.number <= 4:
            raise ValueError("a quarter's number lies between 1 and 4")
        if not 1 <= self.year <= 9999:
            raise ValueError("a quarter's year lies between 1 and 9999")

    @classmethod
    def of(cls, day: date) -> Quarter:
        """The quarter ``day`` lies in."""
        return cls(day.year, (day.month - 1) // 3 + 1)

    @classmethod
    def parse(cls, text: str) -> Quarter:
        """``"2026-Q3"`` (also ``"2026Q3"``, ``"2026-q3"``); ``ValueError`` for anything else."""
        match = _QUARTER.match(text)
        if match is None:
            raise ValueError(f"not a quarter like 2026-Q3: {text!r}")
        return cls(int(match.group(1)), int(match.group(2)))

    @property
    def first_day(self) -> date:
        return date(self.year, 3 * self.number - 2, 1)

    @property
    def last_day(self) -> date:
        if self.number == 4:
            return date(self.year, 12, 31)
        return date(self.year, 3 * self.number + 1, 1) - timedelta(days=1)

    @property
    def label(self) -> str:
        """``"2026-Q3"``: sorts well and reads the same in every language and in a spreadsheet."""
        return f"{self.year:04d}-Q{self.number}"

    @property
    def following(self) -> Quarter:
        """The next quarter."""
        return Quarter(self.year + 1, 1) if self.number == 4 else Quarter(self.year, self.number + 1)

    def has_ended(self, on: date) -> bool:
        """Whether the quarter lies wholly before ``on`` (so that it may be paid)."""
        return on > self.last_day

    def __str__(self) -> str:
        return self.label


def quarters_between(first: date, last: date) -> list[Quarter]:
    """The quarters from the one of ``first`` up to and including the one of ``last`` (none if
    ``last`` lies before ``first``)."""
    if last < first:
        return []
    start, end = Quarter.of(first), Quarter.of(last)
    return [
        Quarter(index // 4, index % 4 + 1)
        for index in range(start.year * 4 + start.number - 1, end.year * 4 + end.number)
    ]
