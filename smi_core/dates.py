"""Calendar arithmetic the rules share: months, birthdays, ages."""

from __future__ import annotations

import calendar
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
