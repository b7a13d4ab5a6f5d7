"""The working calendar: which days are working days in Russia, and what day it is today in the
office's time zone.

The production calendar comes with its holidays and transferred working days from the
``holidays`` library; a deadline that falls on a non-working day moves by the office's rule
(``non_working_day``: previous / next / none).
"""

from __future__ import annotations

import calendar as _calendar
import datetime as dt
from typing import Protocol

ONE_DAY = dt.timedelta(days=1)


class ProductionCalendar(Protocol):
    """What is asked of the ``holidays`` library's country calendar."""

    def is_working_day(self, day: dt.date) -> bool: ...


class WorkCalendar:
    """Working days of a country's production calendar plus the rule for non-working days.

    The non-working days of a year are computed once, on first use, from the ``holidays``
    library (``is_working_day`` knows weekends, public holidays and transferred working days);
    every later question is a set lookup.
    """

    def __init__(self, rule: str = "previous", country: str = "RU"):
        if rule not in ("previous", "next", "none"):
            raise ValueError(f"unknown non-working-day rule {rule!r}")
        self.rule = rule
        self.country = country
        self._library: ProductionCalendar | None = None
        self._years: dict[int, frozenset[dt.date]] = {}

    def non_working_days(self, year: int) -> frozenset[dt.date]:
        days = self._years.get(year)
        if days is None:
            library = self._library
            if library is None:
                library = self._library = _country_calendar(self.country)
            first = dt.date(year, 1, 1)
            length = 366 if _calendar.isleap(year) else 365
            is_working = library.is_working_day
            days = frozenset(d for d in (first + dt.timedelta(i) for i in range(length)) if not is_working(d))
            self._years[year] = days
        return days

    def is_working_day(self, day: dt.date) -> bool:
        return day not in self.non_working_days(day.year)

    def previous_working_day(self, day: dt.date) -> dt.date:
        """``day`` itself if it is a working day, else the nearest working day before it."""
        while not self.is_working_day(day):
            day -= ONE_DAY
        return day

    def next_working_day(self, day: dt.date) -> dt.date:
        while not self.is_working_day(day):
            day += ONE_DAY
        return day

    def shift(self, day: dt.date) -> dt.date:
        """Apply the non-working-day rule to a deadline date."""
        if self.rule == "previous":
            return self.previous_working_day(day)
        if self.rule == "next":
            return self.next_working_day(day)
        return day

    def last_working_day_of_month(self, year: int, month: int) -> dt.date:
        return self.previous_working_day(_last_day(year, month))

    def add_working_days(self, day: dt.date, count: int) -> dt.date:
        """Step ``count`` working days from ``day`` (back when negative); lands on a working day."""
        step = ONE_DAY if count >= 0 else -ONE_DAY
        remaining = abs(count)
        if remaining == 0:
            return self.shift(day)
        while remaining:
            day += step
            if self.is_working_day(day):
                remaining -= 1
        return day

    def due_within(self, today: dt.date, due: dt.date, working_days: int) -> bool:
        """True when ``due`` is today or at most ``working_days`` working days after today
        (counting the working days in (today, due]). The walk stops as soon as it can tell."""
        if due < today:
            return False
        if (due - today).days <= working_days:
            return True
        counted = 0
        day = today
        while day < due:
            day += ONE_DAY
            if self.is_working_day(day):
                counted += 1
                if counted > working_days:
                    return False
        return True


def _country_calendar(country: str) -> ProductionCalendar:
    """The ``holidays`` calendar of ``country``. The library is imported on first use (~0.1 s:
    it loads every country's module), never by ``validate``."""
    import holidays

    return holidays.country_holidays(country)


_CALENDARS: dict[tuple[str, str], WorkCalendar] = {}


def work_calendar(rule: str = "previous", country: str = "RU") -> WorkCalendar:
    """The shared calendar for a rule: years computed once per process, not once per item."""
    key = (rule, country)
    if key not in _CALENDARS:
        _CALENDARS[key] = WorkCalendar(rule, country)
    return _CALENDARS[key]


class UnknownTimeZone(ValueError):
    """The settings name a time zone the system does not know."""


def office_today(timezone: str | dt.tzinfo | None, override: dt.date | None = None,
                 now: dt.datetime | None = None) -> dt.date:  # fmt: skip
    """Today's date in the office's time zone (``override`` wins: ``--today``): a zone, or its name
    (``UnknownTimeZone`` when the system knows no such zone — the settings' is checked at load)."""
    if override is not None:
        return override
    if isinstance(timezone, dt.tzinfo):
        zone = timezone
    else:
        from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

        try:
            zone = ZoneInfo(timezone or "")
        except (ZoneInfoNotFoundError, ValueError, OSError):
            raise UnknownTimeZone(timezone) from None
    moment = now if now is not None else dt.datetime.now(dt.UTC)
    return moment.astimezone(zone).date()


def _last_day(year: int, month: int) -> dt.date:
    return dt.date(year, month, _calendar.monthrange(year, month)[1])
