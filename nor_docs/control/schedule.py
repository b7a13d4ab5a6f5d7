"""Deadline semantics: when an assignment is due, as control points on real dates.

This is the one place that knows what a deadline *means* on a given day. ``model/deadline.py``
parses the words people write into a typed ``Deadline``; here that value becomes dates:

- **Non-working days.** A date that falls on a weekend or public holiday of the Russian
  production calendar (transferred working days included, from the ``holidays`` library) moves
  to the preceding working day, or the next one, or stays, by the setting ``non_working_day``
  (``previous`` / ``next`` / ``none``). 10.10.2021 was a Sunday: due 08.10.2021.
- **Kinds.** ``date`` → one point; ``day`` / ``weekday`` → that day (a year left out: the first
  on or after the document's date, or a roadmap's first day); ``month`` → the last working day
  of the month (the last calendar day with the rule ``none``); ``several`` → each date or month
  is a control point;
  ``relative`` → the event's date (an event, or a meeting, by id) plus the offset, in calendar
  or working days — an event with no date yet leaves the assignment waiting; ``recurring`` →
  one point per period (week, month, quarter, half-year, year), due on ``day`` (default
  ``recurring_day``, the 10th) of the month after the period (a week is due on its Sunday,
  then the rule), every period up to today plus the next; ``urgent`` / ``prompt`` / no deadline
  → the issue date plus ``urgent_days`` / ``prompt_days`` calendar days / one calendar month
  (the same day of the next month, or its last day: 31.01 → 28.02; ``default_days`` days if set);
  ``standing`` → no point, never overdue, with the annual report date ``standing_report``
  («01-20»: 20 January of the next year).
- **Extensions and marks** (``track``): as of a day, only marks dated and extensions approved
  on or before it count. In date order, an execution mark (not ``interim``) closes the earliest
  open point it may close (a recurring point only once its period has begun); an extension
  moves the earliest point still open on the day it was approved — so the latest approved one
  wins, and each point keeps its history of moves.
- **Today** is the date in the office's time zone (``timezone``, Europe/Moscow); a date-only
  deadline is overdue from the start of the next day there. ``--today`` overrides it.

Statuses (open, overdue, done…) are derived from these points in ``control.py``.
"""

from __future__ import annotations

import calendar as _calendar
import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace

from ..model.deadline import (
    DateDeadline,
    DayDeadline,
    Deadline,
    ManualDeadline,
    MonthDeadline,
    MonthsDeadline,
    NoDeadline,
    PeriodDeadline,
    PromptDeadline,
    RecurringDeadline,
    RelativeDeadline,
    SeveralDeadline,
    StandingDeadline,
    UrgentDeadline,
    WeekdayDeadline,
    WithinDeadline,
)
from ..model.settings import DeadlineSettings
from .calendar import ONE_DAY, WorkCalendar, work_calendar

MONTH_NAMES = (
    "январь", "февраль", "март", "апрель", "май", "июнь",
    "июль", "август", "сентябрь", "октябрь", "ноябрь", "декабрь",
)  # fmt: skip


# --- control points ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ControlPoint:
    """One date an assignment must be done by.

    ``nominal`` is the date the deadline gives, ``due`` the date after the non-working-day rule;
    ``opens`` is the start of a recurring period (a mark before it cannot close this point).
    ``name`` says which point it is where a date alone does not («май 2024», «1 квартал 2024»).
    ``default``: no deadline was written, the date is the office's default («срок не указан»);
    ``early``: the written date is before the document's date, so the point is due on the
    document's date (``not_before_issue``).
    """

    due: dt.date
    nominal: dt.date
    name: str | None = None
    opens: dt.date | None = None
    default: bool = False
    early: bool = False

    @property
    def label(self) -> str:
        """What the point is: its name, else the nominal date («31.01.2024»)."""
        return self.name if self.name is not None else _numeric(self.nominal)


@dataclass(frozen=True)
class Schedule:
    """The control points of one deadline as of a day.

    ``standing``: «постоянно», no point, ``report_date`` is the next annual report.
    ``waiting_event``: relative to an event that has no date yet (no point).
    ``no_deadline``: no deadline written and the office's default turned off («срок не
    установлен»): no point, never overdue.
    ``following``: for a recurring deadline, the point after a given one (None when the
    period of the record ends), so tracking can always show the next open occurrence.
    """

    points: tuple[ControlPoint, ...] = ()
    standing: bool = False
    report_date: dt.date | None = None
    waiting_event: str | None = None
    no_deadline: bool = False
    following: Callable[[ControlPoint], ControlPoint | None] | None = field(default=None, compare=False)


@dataclass(frozen=True)
class DeadlineContext:
    """Everything resolving a deadline needs besides the deadline itself."""

    settings: DeadlineSettings
    calendar: WorkCalendar
    today: dt.date
    event_dates: Mapping[str, dt.date | None]


def make_context(settings: DeadlineSettings, today: dt.date, event_dates: Mapping[str, dt.date | None]) -> DeadlineContext:
    return DeadlineContext(settings, work_calendar(settings.non_working_day), today, event_dates)


def schedule(
    deadline: Deadline | None,
    issued: dt.date | None,
    context: DeadlineContext,
    until: dt.date | None = None,
    since: dt.date | None = None,
) -> Schedule:
    """The control points of ``deadline`` for an assignment issued on ``issued``.

    ``until`` is a roadmap's last day: no recurring period starts after it, and a standing item
    («в течение учебного года», «постоянно») is due on it. ``since`` is a roadmap's first day: a
    wording without a year («в июне», «IV квартал») is the first such date on or after it — a
    roadmap for 2024 approved in December 2023 means December 2024 by «декабрь» — where an
    assignment's is the first on or after the document's date.
    """
    s, cal = context.settings, context.calendar
    issued = issued or context.today
    if deadline is None or isinstance(deadline, NoDeadline):
        if not s.default_deadline:
            return Schedule(no_deadline=True)
        return Schedule((replace(_add_term(cal, issued, s.default_days, "day", False) if s.default_days is not None
                                 else _add_term(cal, issued, 1, "month", False), name=DEFAULT_NAME, default=True),))
    if isinstance(deadline, SeveralDeadline):
        points: list[ControlPoint] = []
        for part in deadline.points:
            plan = schedule(part, issued, context, until, since)
            if plan.waiting_event is not None and not plan.points:
                return plan  # a point hangs on an event without a date: the whole waits
            points.extend(plan.points)
        return Schedule(tuple(sorted(points, key=lambda p: p.due)))
    if isinstance(deadline, StandingDeadline):
        if deadline.within is not None:
            return Schedule((_period_deadline_point(cal, s, deadline.within, issued),))
        if until is not None:  # a roadmap's standing item ends with the roadmap
            return Schedule((_point(cal, until, ROADMAP_END_NAME),))
        return Schedule(standing=True, report_date=standing_report_date(issued, context))
    if isinstance(deadline, RelativeDeadline):
        event_date = context.event_dates.get(deadline.event)
        if event_date is None:
            return Schedule(waiting_event=deadline.event)
        if deadline.working_days:
            due = cal.add_working_days(event_date, deadline.offset_days)
            return Schedule((ControlPoint(due, due),))
        return Schedule((_point(cal, event_date + dt.timedelta(days=deadline.offset_days), None),))
    if isinstance(deadline, RecurringDeadline):
        return _recurring(deadline, issued, context, until)
    if isinstance(deadline, ManualDeadline):  # the user's control dates are final
        return Schedule(tuple(ControlPoint(day, day) for day in deadline.control))
    return Schedule((_single_point(deadline, issued, context, since or issued),))


DEFAULT_NAME = "срок не указан"
ROADMAP_END_NAME = "до конца периода дорожной карты"


def _single_point(deadline: Deadline, issued: dt.date, context: DeadlineContext, since: dt.date) -> ControlPoint:
    """The one control point of a date, a day, a month, a range of months, a period, a term
    from the document's date, «срочно» or «оперативно». A wording without a year takes the
    first such date on or after ``since`` (the document's date, or a roadmap's first day); «текущего
    года» is the document's year."""
    s, cal = context.settings, context.calendar
    if isinstance(deadline, DateDeadline):
        return _point(cal, deadline.date, None)
    if isinstance(deadline, DayDeadline):
        if deadline.document_year:  # «до 5 марта текущего года»
            return _point(cal, _safe_date(issued.year, deadline.month, deadline.day), None)
        return _point(cal, _next_day_of_year(since, deadline.month, deadline.day), None)
    if isinstance(deadline, WeekdayDeadline):
        return _point(cal, weekday_date(deadline, since, cal), None)
    if isinstance(deadline, MonthDeadline):
        if deadline.year is not None:
            year = deadline.year
        elif deadline.document_year:  # «в сентябре текущего года»
            year = issued.year
        else:
            year = _year_ending_after(since, deadline.month, 1)
        return _month_point(cal, year, deadline.month)
    if isinstance(deadline, MonthsDeadline):
        year = deadline.year if deadline.year is not None else _year_ending_after(since, deadline.month, 1)
        first_year = deadline.first_year if deadline.first_year is not None else (
            year if deadline.first_month <= deadline.month else year - 1)
        point = _month_point(cal, year, deadline.month)
        first = f"{MONTH_NAMES[deadline.first_month - 1]}{'' if first_year == year else f' {first_year}'}"
        return replace(point, name=f"{first} – {MONTH_NAMES[deadline.month - 1]} {year}")
    if isinstance(deadline, PeriodDeadline):
        return _period_deadline_point(cal, s, deadline, since)
    if isinstance(deadline, WithinDeadline):
        return _add_term(cal, issued, deadline.amount, deadline.unit, deadline.working_days)
    if isinstance(deadline, UrgentDeadline):
        return _point(cal, issued + dt.timedelta(days=s.urgent_days), "срочно")
    if isinstance(deadline, PromptDeadline):
        return _point(cal, issued + dt.timedelta(days=s.prompt_days), "оперативно")
    raise ValueError(f"unknown deadline kind {deadline.kind!r}")  # pragma: no cover - the model forbids it


def _add_term(cal: WorkCalendar, issued: dt.date, amount: int, unit: str, working: bool) -> ControlPoint:
    """A term counted from the document's date: N working days (landing on a working day), N
    calendar days or weeks, or N months (the same day of the month, or its last day: 31.01 →
    28.02) — then the non-working-day rule."""
    if unit == "day" and working:
        due = cal.add_working_days(issued, amount)
        return ControlPoint(due, due)
    if unit == "month":
        following = _add_months(issued.replace(day=1), amount)
        return _point(cal, _safe_date(following.year, following.month, issued.day), None)
    days = amount * 7 if unit == "week" else amount
    return _point(cal, issued + dt.timedelta(days=days), None)


def weekday_date(deadline: WeekdayDeadline, since: dt.date, cal: WorkCalendar) -> dt.date:
    """«во вторую среду февраля»: the date, in the year written or the first on or after ``since``.
    «вторая рабочая среда» counts only the Wednesdays that are working days. A month without that
    many such days gives its last one."""
    if deadline.year is not None:
        return _nth_weekday(deadline.year, deadline.month, deadline.nth, deadline.weekday, deadline.working, cal)
    this_year = _nth_weekday(since.year, deadline.month, deadline.nth, deadline.weekday, deadline.working, cal)
    if this_year >= since:
        return this_year
    return _nth_weekday(since.year + 1, deadline.month, deadline.nth, deadline.weekday, deadline.working, cal)


def _nth_weekday(year: int, month: int, nth: int, weekday: int, working: bool, cal: WorkCalendar) -> dt.date:
    days = [d for d in (dt.date(year, month, i) for i in range(1, _calendar.monthrange(year, month)[1] + 1))
            if d.weekday() == weekday and (not working or cal.is_working_day(d))]  # fmt: skip
    if not days:  # every such day of the month is a holiday: the month's last working day
        return cal.last_working_day_of_month(year, month)
    return days[min(nth, len(days)) - 1]


def _next_day_of_year(issued: dt.date, month: int, day: int) -> dt.date:
    """«до 15 мая» written on ``issued``: the first 15 May on or after it."""
    nominal = _safe_date(issued.year, month, day)
    return nominal if nominal >= issued else _safe_date(issued.year + 1, month, day)


def _year_ending_after(issued: dt.date, month: int, months: int) -> int:
    """The year of the first period ending with ``month`` whose end is on or after ``issued``."""
    return issued.year if _last_day(issued.year, month) >= issued else issued.year + 1


def _period_year(s: DeadlineSettings, deadline: PeriodDeadline, since: dt.date) -> int:
    """The year a period ends in: as written, or the first such period ending on or after ``since``."""
    if deadline.year is not None:
        return deadline.year
    if deadline.period == "school-year":  # its end is the office's choice
        month, day = (int(x) for x in s.school_year_end.split("-"))
        return since.year if _safe_date(since.year, month, day) >= since else since.year + 1
    return _year_ending_after(since, deadline.month, 1)


def _period_deadline_point(cal: WorkCalendar, s: DeadlineSettings, deadline: PeriodDeadline, issued: dt.date) -> ControlPoint:
    year = _period_year(s, deadline, issued)
    if deadline.period == "school-year":
        month, day = (int(x) for x in s.school_year_end.split("-"))
        return _point(cal, _safe_date(year, month, day), _period_title(deadline.period, year, deadline.month))
    point = _month_point(cal, year, deadline.month)
    return replace(point, name=_period_title(deadline.period, year, deadline.month))


def written_spans(deadline: Deadline | None, settings: DeadlineSettings) -> list[tuple[dt.date, dt.date]]:
    """The days each dated point of ``deadline`` names, as written (before the working calendar):
    ``(first, last)`` — a date is one day, a month or a period its days, a control date written
    by the user that day. Points without a year, relative, recurring or standing ones name no
    days of their own and are left out. Validation compares these with the document's date and
    a roadmap's period."""
    if deadline is None:
        return []
    if isinstance(deadline, SeveralDeadline):
        return [span for part in deadline.points for span in written_spans(part, settings)]
    if isinstance(deadline, StandingDeadline):
        return written_spans(deadline.within, settings)
    if isinstance(deadline, DateDeadline):
        return [(deadline.date, deadline.date)]
    if isinstance(deadline, ManualDeadline):
        return [(day, day) for day in deadline.control]
    if isinstance(deadline, WeekdayDeadline) and deadline.year is not None:
        day = weekday_date(deadline, dt.date(deadline.year, 1, 1), work_calendar(settings.non_working_day))
        return [(day, day)]
    if isinstance(deadline, MonthDeadline) and deadline.year is not None:
        return [(dt.date(deadline.year, deadline.month, 1), _last_day(deadline.year, deadline.month))]
    if isinstance(deadline, MonthsDeadline) and deadline.year is not None and deadline.first_year is not None:
        return [(dt.date(deadline.first_year, deadline.first_month, 1), _last_day(deadline.year, deadline.month))]
    if isinstance(deadline, PeriodDeadline) and deadline.year is not None:
        if deadline.period == "school-year":
            end_month, end_day = (int(x) for x in settings.school_year_end.split("-"))
            return [(dt.date(deadline.year - 1, 9, 1), _safe_date(deadline.year, end_month, end_day))]
        first = deadline.month - _PERIOD_MONTHS[deadline.period] + 1
        return [(dt.date(deadline.year, first, 1), _last_day(deadline.year, deadline.month))]
    return []


def resolved_spans(
    deadline: Deadline | None, settings: DeadlineSettings, since: dt.date, issued: dt.date | None = None
) -> list[tuple[dt.date, dt.date]]:
    """``written_spans`` with the points without a year placed as control places them: the first
    such day, month or period on or after ``since`` (a roadmap's first day, or the document's
    date); «текущего года» in the year of ``issued``. Validation checks these against a roadmap's
    period and the document's date, so that «в июне» is checked as the June it will be due in."""
    if deadline is None:
        return []
    if isinstance(deadline, SeveralDeadline):
        return [span for part in deadline.points for span in resolved_spans(part, settings, since, issued)]
    if isinstance(deadline, DayDeadline):
        day = (_safe_date((issued or since).year, deadline.month, deadline.day) if deadline.document_year
               else _next_day_of_year(since, deadline.month, deadline.day))  # fmt: skip
        return [(day, day)]
    if isinstance(deadline, WeekdayDeadline) and deadline.year is None:
        day = weekday_date(deadline, since, work_calendar(settings.non_working_day))
        return [(day, day)]
    if isinstance(deadline, MonthDeadline) and deadline.year is None:
        year = (issued or since).year if deadline.document_year else _year_ending_after(since, deadline.month, 1)
        return written_spans(deadline.model_copy(update={"year": year}), settings)
    if isinstance(deadline, MonthsDeadline) and deadline.year is None:
        year = _year_ending_after(since, deadline.month, 1)
        first_year = deadline.first_year if deadline.first_year is not None else (
            year if deadline.first_month <= deadline.month else year - 1)
        return written_spans(deadline.model_copy(update={"year": year, "first_year": first_year}), settings)
    if isinstance(deadline, PeriodDeadline) and deadline.year is None:
        return written_spans(deadline.model_copy(update={"year": _period_year(settings, deadline, since)}), settings)
    return written_spans(deadline, settings)


def not_before_issue(plan: Schedule, issued: dt.date | None) -> Schedule:
    """A point dated before the document that gave it (an old plan approved late, a source's
    slip) is due on the document's date: nothing is overdue on the day it is signed, and what
    is not marked done by then is overdue from the next day. The point says so (``early``)."""
    if issued is None or not any(p.due < issued for p in plan.points):
        return plan
    moved = tuple(replace(p, due=issued, early=True) if p.due < issued else p for p in plan.points)
    return replace(plan, points=moved)


def standing_report_date(issued: dt.date, context: DeadlineContext) -> dt.date:
    """The next annual report of a standing assignment: ``standing_report`` (MM-DD) of the year
    after the one it was issued in, or the first such date on or after today."""
    month, day = (int(x) for x in context.settings.standing_report.split("-"))
    year = issued.year + 1
    while True:
        report = context.calendar.shift(_safe_date(year, month, day))
        if report >= context.today:
            return report
        year += 1


def _point(cal: WorkCalendar, nominal: dt.date, name: str | None, opens: dt.date | None = None) -> ControlPoint:
    return ControlPoint(cal.shift(nominal), nominal, name, opens)


def _month_point(cal: WorkCalendar, year: int, month: int) -> ControlPoint:
    last = _last_day(year, month)
    due = last if cal.rule == "none" else cal.last_working_day_of_month(year, month)
    return ControlPoint(due, last, f"{MONTH_NAMES[month - 1]} {year}")


def period_name(deadline: PeriodDeadline) -> str:
    """«1 квартал 2024», «2 полугодие 2023», «2024 год», «2023-2024 учебный год»."""
    return _period_title(deadline.period, deadline.year, deadline.month)


def _period_title(period: str, year: int | None, month: int) -> str:
    if year is None:
        return {"quarter": f"{month // 3} квартал", "half-year": f"{month // 6} полугодие",
                "year": "год", "school-year": "учебный год"}[period]  # fmt: skip
    if period == "school-year":
        return f"{year - 1}-{year} учебный год"
    return _period_label(dt.date(year, month - _PERIOD_MONTHS[period] + 1, 1), period)


# --- recurring deadlines ----------------------------------------------------------------------

_PERIOD_MONTHS = {"month": 1, "quarter": 3, "half-year": 6, "year": 12}


def _period_start(day: dt.date, period: str) -> dt.date:
    if period == "week":
        return day - dt.timedelta(days=day.weekday())
    months = _PERIOD_MONTHS[period]
    return dt.date(day.year, (day.month - 1) // months * months + 1, 1)


def _next_period_start(start: dt.date, period: str) -> dt.date:
    if period == "week":
        return start + dt.timedelta(days=7)
    return _add_months(start, _PERIOD_MONTHS[period])


def _period_label(start: dt.date, period: str) -> str:
    if period == "week":
        return f"неделя с {_numeric(start)}"
    if period == "month":
        return f"{MONTH_NAMES[start.month - 1]} {start.year}"
    if period == "quarter":
        return f"{(start.month - 1) // 3 + 1} квартал {start.year}"
    if period == "half-year":
        return f"{1 if start.month == 1 else 2} полугодие {start.year}"
    return f"{start.year} год"


def _recurring(deadline: RecurringDeadline, issued: dt.date, context: DeadlineContext, until: dt.date | None) -> Schedule:
    cal = context.calendar
    period = deadline.period
    day = deadline.day or context.settings.recurring_day
    if deadline.month is not None and deadline.day is not None and not deadline.after_period:
        return _annual(deadline.month, deadline.day, issued, context, until)  # «ежегодно до 20 января»

    def occurrence(start: dt.date) -> ControlPoint:
        following = _next_period_start(start, period)
        if period == "week":
            nominal = following - ONE_DAY
        elif deadline.in_period:  # «до 25 числа каждого месяца»: within the period itself
            last = following - ONE_DAY
            nominal = _safe_date(last.year, last.month, day)
        else:  # «… месяца, следующего за отчётным»; «до 1 июня года, следующего за отчётным»
            nominal = _safe_date(following.year, deadline.month or following.month, day)
        return _point(cal, nominal, _period_label(start, period), opens=start)

    def next_start(point: ControlPoint) -> dt.date:
        assert point.opens is not None  # ``occurrence`` opens every point with its period
        return _next_period_start(point.opens, period)

    start = _period_start(issued, period)
    return _repeat(occurrence, next_start, start, context.today, until)


def _annual(month: int, day: int, issued: dt.date, context: DeadlineContext, until: dt.date | None) -> Schedule:
    """One point a year on ``day`` of ``month`` (29 February: the 28th in other years). Each
    occurrence's period opens the day after the previous one and is named by the year most of
    it lies in: «ежегодно до 20 января» due 20.01.2025 is «за 2024 год»."""
    cal = context.calendar

    def on_or_after(day_: dt.date) -> dt.date:
        nominal = _safe_date(day_.year, month, day)
        return nominal if nominal >= day_ else _safe_date(day_.year + 1, month, day)

    def occurrence(start: dt.date) -> ControlPoint:
        return _point(cal, on_or_after(start), f"{(start + dt.timedelta(days=182)).year} год", opens=start)

    start = _safe_date(on_or_after(issued).year - 1, month, day) + ONE_DAY
    return _repeat(occurrence, lambda point: point.nominal + ONE_DAY, start, context.today, until)


def _repeat(
    occurrence: Callable[[dt.date], ControlPoint],
    next_start: Callable[[ControlPoint], dt.date],
    start: dt.date,
    today: dt.date,
    until: dt.date | None,
) -> Schedule:
    """The occurrences of a recurring deadline from the period that opens on ``start``."""

    def following(point: ControlPoint) -> ControlPoint | None:
        start = next_start(point)
        if until is not None and start > until:
            return None
        return occurrence(start)

    points: list[ControlPoint] = []
    # Every period that has begun by today (a mark may close any of them), then the next one
    # if none of those is due after today.
    while (until is None or start <= until) and start <= today:
        points.append(occurrence(start))
        start = next_start(points[-1])
    if (not points or points[-1].due <= today) and (until is None or start <= until):
        points.append(occurrence(start))
    return Schedule(tuple(points), following=following)


# --- small date helpers ----------------------------------------------------------------------


def _numeric(day: dt.date) -> str:
    """«05.06.2024» (as ``strftime("%d.%m.%Y")``, a third of its cost)."""
    return f"{day.day:02d}.{day.month:02d}.{day.year:04d}"


def _last_day(year: int, month: int) -> dt.date:
    return dt.date(year, month, _calendar.monthrange(year, month)[1])


def _safe_date(year: int, month: int, day: int) -> dt.date:
    """``day`` of the month, or its last day when the month is shorter (31 → 28 February)."""
    return dt.date(year, month, min(day, _calendar.monthrange(year, month)[1]))


def _add_months(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)
