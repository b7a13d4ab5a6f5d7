"""Deadline semantics on their own (nor_docs/control/: calendar.py, schedule.py, tracking.py): the
production calendar, every kind of deadline, extensions and marks as of a day."""

from __future__ import annotations

import datetime as dt

import pytest

from nor_docs.control.calendar import UnknownTimeZone, WorkCalendar, office_today
from nor_docs.control.schedule import make_context, schedule
from nor_docs.control.tracking import track
from nor_docs.model.deadline import parse_deadline
from nor_docs.model.marks import ExecutionMark, Extension
from nor_docs.model.settings import DeadlineSettings

D = dt.date.fromisoformat


def due_dates(text, issued="2024-04-01", today="2024-04-01", event=None, events=None, rule="previous", until=None, **settings):
    context = make_context(DeadlineSettings(non_working_day=rule, **settings), D(today), events or {})
    plan = schedule(parse_deadline(text, event) if text else None, D(issued), context, D(until) if until else None)
    return [p.due for p in plan.points]


def mark(day, interim=False, member=None):
    return ExecutionMark(assignment="m#1", date=D(day), interim=interim, member=member)


def extension(new, approved, requested=None):
    return Extension(assignment="m#1", new_deadline=D(new), approved=D(approved), requested=D(requested) if requested else None,
                     approved_by="boss", basis="служебная записка")  # fmt: skip


# --- the production calendar --------------------------------------------------------------------


def test_sunday_deadline_moves_to_friday_by_default_seed_004():
    # 10.10.2021 was a Sunday: the Kuznetsk assignment 4.2 is due on Friday 08.10.2021.
    assert due_dates("10.10.2021", issued="2021-09-29") == [D("2021-10-08")]


@pytest.mark.parametrize(("rule", "expected"), [("previous", "2021-10-08"), ("next", "2021-10-11"), ("none", "2021-10-10")])
def test_non_working_day_rule_is_a_setting(rule, expected):
    assert due_dates("10.10.2021", issued="2021-09-29", rule=rule) == [D(expected)]


def test_public_holiday_moves_to_the_working_day_before_it():
    # 09.05.2024 (Thursday) is Victory Day: due Wednesday 08.05.2024; with «next» — Monday 13.05
    # (10.05.2024 was a transferred day off, then the weekend).
    assert due_dates("до 09.05.2024") == [D("2024-05-08")]
    assert due_dates("до 09.05.2024", rule="next") == [D("2024-05-13")]


def test_transferred_days_off_come_from_the_production_calendar():
    # 24.02.2023 (Friday) was a day off moved from 01.01.2023; 23.02 a holiday.
    assert due_dates("24.02.2023", issued="2023-01-31", today="2023-01-31") == [D("2023-02-22")]
    # 01.05.2024: 28.04 Sunday, 29–30.04 transferred days off, Saturday 27.04 a working day.
    assert due_dates("01.05.2024") == [D("2024-04-27")]


def test_deadline_on_a_transferred_working_saturday_stays():
    assert WorkCalendar().is_working_day(D("2024-04-27"))
    assert due_dates("27.04.2024") == [D("2024-04-27")]


def test_working_days_are_built_once_per_year():
    calendar = WorkCalendar()
    calendar.is_working_day(D("2024-03-01"))
    first = calendar.non_working_days(2024)
    calendar.shift(D("2024-05-09"))
    assert calendar.non_working_days(2024) is first
    assert D("2024-12-31") in first and D("2024-12-28") not in first


def test_due_within_counts_working_days_only():
    calendar = WorkCalendar()
    # Monday 20.02.2023 → Monday 27.02.2023: 21, 22 and 27 are working (23–26 are not).
    assert calendar.due_within(D("2023-02-20"), D("2023-02-27"), 3)
    assert not calendar.due_within(D("2023-02-20"), D("2023-02-27"), 2)
    assert calendar.due_within(D("2023-02-27"), D("2023-02-27"), 0)  # due today
    assert not calendar.due_within(D("2023-02-28"), D("2023-02-27"), 3)  # already past
    assert not calendar.due_within(D("2023-01-01"), D("2023-12-31"), 3)


def test_working_day_offsets_skip_holidays():
    # 5 working days before Wednesday 15.03.2023: 14, 13, 10, 9, (8 March is a holiday), 7.
    assert WorkCalendar().add_working_days(D("2023-03-15"), -5) == D("2023-03-07")


# --- kinds of deadlines --------------------------------------------------------------------------


def test_seed_003_and_002_dates():
    assert due_dates("в срок до 21.02.2023", issued="2023-01-31") == [D("2023-02-21")]
    assert due_dates("в срок до 27.02.2023", issued="2023-01-31") == [D("2023-02-27")]
    assert due_dates("в срок до 31.01.2024 г.", issued="2023-12-14") == [D("2024-01-31")]


def test_month_is_its_last_working_day():
    assert due_dates("май 2024 года") == [D("2024-05-31")]
    # 30 and 31 December 2024 were days off, Saturday 28.12 a working day.
    assert due_dates("декабрь 2024 года") == [D("2024-12-28")]
    assert due_dates("декабрь 2024 года", rule="next") == [D("2024-12-28")]  # never into January
    assert due_dates("декабрь 2024 года", rule="none") == [D("2024-12-31")]


def test_quarter_is_due_on_its_last_working_day():
    # 31.03.2024 was a Sunday, 30.03 a Saturday: due Friday 29.03.2024.
    assert due_dates("I квартал 2024 года", issued="2024-01-10") == [D("2024-03-29")]
    assert due_dates("до конца I квартала 2024 года", issued="2024-01-10", rule="none") == [D("2024-03-31")]
    # Like a month, a period is never moved past its end, whatever the rule.
    assert due_dates("в I квартале 2024 г.", issued="2024-01-10", rule="next") == [D("2024-03-29")]
    assert due_dates("IV квартал 2023 г.", issued="2023-10-02") == [D("2023-12-29")]  # 30, 31.12.2023: weekend
    assert due_dates("2 квартал 2024", issued="2024-01-10") == [D("2024-06-28")]  # 29, 30.06.2024: weekend


def test_half_year_and_year_end_with_their_last_working_day():
    assert due_dates("I полугодие 2024 года", issued="2024-01-10") == [D("2024-06-28")]
    assert due_dates("в течение первого полугодия 2024 года", issued="2024-01-10") == [D("2024-06-28")]
    assert due_dates("II полугодие 2023 г.", issued="2023-01-10") == [D("2023-12-29")]
    # 30 and 31 December 2024 were days off, Saturday 28.12 a working day (production calendar).
    assert due_dates("до конца 2024 года", issued="2024-01-10") == [D("2024-12-28")]
    assert due_dates("2024 год", issued="2024-01-10", rule="none") == [D("2024-12-31")]


def test_school_year_ends_on_31_august_or_where_the_office_says():
    # 31.08.2024 was a Saturday: due Friday 30.08.2024.
    assert due_dates("до конца 2023-2024 учебного года", issued="2023-09-04") == [D("2024-08-30")]
    # an office that means the end of lessons: school_year_end: "05-31" (a Friday in 2024)
    assert due_dates("до конца 2023-2024 учебного года", issued="2023-09-04", school_year_end="05-31") == [
        D("2024-05-31")]
    assert due_dates("2022/23 учебный год", issued="2022-09-01", school_year_end="06-30") == [D("2023-06-30")]


@pytest.mark.parametrize("value", ["09-01", "12-31", "5-31", "08-32"])
def test_school_year_end_is_a_day_of_may_to_august(value):
    with pytest.raises(ValueError):
        DeadlineSettings(school_year_end=value)


def test_period_points_are_named_by_their_period():
    context = make_context(DeadlineSettings(), D("2024-01-10"), {})
    labels = {
        text: schedule(parse_deadline(text), D("2024-01-10"), context).points[0].label
        for text in ("в III квартале 2024 г.", "II полугодие 2024 года", "до конца 2024 года",
                     "до конца 2023-2024 учебного года")
    }  # fmt: skip
    assert labels == {
        "в III квартале 2024 г.": "3 квартал 2024",
        "II полугодие 2024 года": "2 полугодие 2024",
        "до конца 2024 года": "2024 год",
        "до конца 2023-2024 учебного года": "2023-2024 учебный год",
    }


def test_several_reporting_dates_are_each_a_control_point_seed_001():
    assert due_dates("май 2024 года и декабрь 2024 года") == [D("2024-05-31"), D("2024-12-28")]
    assert due_dates("15.10.2024 и 01.06.2024") == [D("2024-05-31"), D("2024-10-15")]  # in date order


def test_standing_has_no_point_and_an_annual_report_date():
    context = make_context(DeadlineSettings(), D("2023-02-20"), {})
    plan = schedule(parse_deadline("на постоянной основе"), D("2023-01-31"), context)
    assert plan.standing and plan.points == ()
    assert plan.report_date == D("2024-01-19")  # 20.01.2024 is a Saturday
    later = make_context(DeadlineSettings(), D("2024-01-22"), {})
    assert schedule(parse_deadline("постоянно"), D("2023-01-31"), later).report_date == D("2025-01-20")
    # The setting is a day of the year after the one the assignment was given in.
    custom = make_context(DeadlineSettings(standing_report="12-25"), D("2023-02-20"), {})
    assert schedule(parse_deadline("постоянно"), D("2023-01-31"), custom).report_date == D("2024-12-25")


def test_relative_deadline_resolves_from_the_event_date():
    events = {"vpr": D("2023-03-15")}
    # 15.03 − 3 days = Sunday 12.03 → Friday 10.03.
    assert due_dates("не менее трех дней до проведения процедуры", event="vpr", events=events) == [D("2023-03-10")]
    assert due_dates("за 5 рабочих дней до проведения процедуры", event="vpr", events=events) == [D("2023-03-07")]
    assert due_dates("через 2 дня после проведения процедуры", event="vpr", events=events) == [D("2023-03-17")]


def test_relative_deadline_follows_the_event_when_it_moves():
    text = "не менее трех дней до проведения процедуры"
    assert due_dates(text, event="vpr", events={"vpr": D("2023-03-15")}) == [D("2023-03-10")]
    assert due_dates(text, event="vpr", events={"vpr": D("2023-03-22")}) == [D("2023-03-17")]


def test_relative_deadline_waits_for_an_event_without_a_date():
    context = make_context(DeadlineSettings(), D("2023-02-20"), {"vpr": None})
    plan = schedule(parse_deadline("за 3 дня до проведения процедуры", "vpr"), D("2023-01-31"), context)
    assert plan.points == () and plan.waiting_event == "vpr"


def test_urgent_prompt_and_no_deadline_count_from_the_issue_date():
    assert due_dates("срочно") == [D("2024-04-04")]
    assert due_dates("оперативно") == [D("2024-04-11")]
    assert due_dates(None) == [D("2024-04-27")]  # 01.05.2024 → back over the May holidays
    assert due_dates("срочно", urgent_days=5) == [D("2024-04-05")]
    assert due_dates(None, default_days=14) == [D("2024-04-15")]


@pytest.mark.parametrize(
    ("issued", "due"),
    [
        ("2023-01-31", "2023-02-28"),  # one month, not 30 days (02.03): February is shorter
        ("2024-01-31", "2024-02-29"),  # a leap year
        ("2022-01-31", "2022-02-28"),  # seed 004: decisions 2–5 of the Astrakhan meeting give no deadline
        ("2023-03-15", "2023-04-14"),  # 15.04.2023 is a Saturday: back to Friday
        ("2023-12-20", "2024-01-19"),  # 20.01.2024 is a Saturday; across the year
    ],
)
def test_no_deadline_is_one_calendar_month_from_the_issue_date(issued, due):
    # domain.md: «No deadline given: one month».
    assert due_dates(None, issued=issued, today=issued) == [D(due)]
    assert due_dates(None, issued=issued, today=issued, default_days=30) == [
        WorkCalendar().previous_working_day(D(issued) + dt.timedelta(days=30))
    ]


def test_recurring_lists_every_period_up_to_today_plus_the_next():
    # Monthly, by the 10th of the next month: April → 10.05.2024, a transferred day off → 08.05.
    assert due_dates("ежемесячно", today="2024-05-20") == [D("2024-05-08"), D("2024-06-10")]
    # Before April's report is due, only April is listed.
    assert due_dates("ежемесячно", today="2024-04-15") == [D("2024-05-08")]
    # The day is part of the deadline; a period bound (a roadmap's end) stops the list.
    assert due_dates("ежеквартально до 15 числа", issued="2024-01-09", today="2024-08-01") == [
        D("2024-04-15"), D("2024-07-15"), D("2024-10-15"),
    ]  # fmt: skip
    assert due_dates("ежеквартально", issued="2024-01-09", today="2024-12-01", until="2024-06-30") == [
        D("2024-04-10"), D("2024-07-10"),
    ]  # fmt: skip
    assert due_dates("ежемесячно", recurring_day=5, today="2024-04-15") == [D("2024-05-03")]


def test_recurring_labels_name_the_period():
    context = make_context(DeadlineSettings(), D("2024-08-01"), {})
    plan = schedule(parse_deadline("ежеквартально"), D("2024-01-09"), context)
    assert [p.label for p in plan.points] == ["1 квартал 2024", "2 квартал 2024", "3 квартал 2024"]
    assert plan.points[0].opens == D("2024-01-01")


def test_annual_on_a_date_is_one_point_a_year():
    # Issued in March: the first report is due 20.01.2025 (a Monday), «за 2024 год».
    assert due_dates("ежегодно до 20 января", issued="2024-03-15", today="2024-04-01") == [D("2025-01-20")]
    # Issued before the date: this year's report counts; 20.01.2024 was a Saturday → 19.01.
    assert due_dates("ежегодно до 20 января", issued="2024-01-10", today="2025-04-01") == [
        D("2024-01-19"), D("2025-01-20"), D("2026-01-20"),
    ]  # fmt: skip
    # A roadmap's end stops the list: no period opens after it.
    assert due_dates("ежегодно, до 1 сентября", issued="2023-10-01", today="2026-01-01", until="2025-06-30") == [
        D("2024-08-30"), D("2025-09-01"),
    ]  # fmt: skip
    # 29 February: the 28th in other years (28.02.2026 is a Saturday → 27.02).
    assert due_dates("ежегодно до 29 февраля", issued="2023-03-01", today="2025-03-02") == [
        D("2024-02-29"), D("2025-02-28"), D("2026-02-27"),
    ]  # fmt: skip


def test_a_date_of_the_year_after_the_reported_one_starts_with_the_document_year():
    # «до 1 февраля года, следующего за отчётным», issued in January 2024: the first reported year
    # is 2024, due 01.02.2025 (a Saturday → 31.01) — unlike «ежегодно до 1 февраля» (01.02.2024).
    assert due_dates("до 1 февраля года, следующего за отчетным", issued="2024-01-10", today="2024-01-10") == [
        D("2025-01-31")
    ]
    assert due_dates("ежегодно до 1 февраля", issued="2024-01-10", today="2024-01-10") == [D("2024-02-01")]


def test_the_current_year_is_the_document_year_even_when_the_day_has_passed():
    # «до 5 марта текущего года» written in November 2024 is 05.03.2024 (before the document:
    # control moves it to the document's date), never March 2025 as «до 5 марта» is.
    assert due_dates("до 5 марта текущего года", issued="2024-11-05", today="2024-11-05") == [D("2024-03-05")]
    assert due_dates("до 5 марта", issued="2024-11-05", today="2024-11-05") == [D("2025-03-05")]
    assert due_dates("в сентябре текущего года", issued="2024-11-05", today="2024-11-05") == [D("2024-09-30")]


@pytest.mark.parametrize(
    ("written", "issued", "due"),
    [
        ("во вторую среду февраля", "2024-01-09", "2024-02-14"),
        ("во вторую среду февраля", "2024-02-20", "2025-02-12"),  # this year's has passed
        ("во вторую рабочую среду марта", "2024-01-09", "2024-03-13"),
        # 01.05.2024 is a Wednesday and a holiday: the first working Wednesday is 08.05; the first
        # Wednesday itself moves to the working day before it (27.04, a working Saturday)
        ("в первую рабочую среду мая", "2024-01-09", "2024-05-08"),
        ("в первую среду мая", "2024-01-09", "2024-04-27"),
        ("первый рабочий понедельник мая", "2024-01-09", "2024-05-06"),
        # February 2024 has four Fridays: the fifth is taken as the last one, 23.02, a holiday → 22.02
        ("в пятую пятницу февраля 2024 г.", "2024-01-09", "2024-02-22"),
    ],
)
def test_a_weekday_of_a_month_by_the_production_calendar(written, issued, due):
    assert due_dates(written, issued=issued, today=issued) == [D(due)]


def test_annual_points_open_the_day_after_the_previous_one_and_name_the_year():
    context = make_context(DeadlineSettings(), D("2025-02-01"), {})
    plan = schedule(parse_deadline("ежегодно до 20 января"), D("2024-01-10"), context)
    assert [(p.label, p.opens) for p in plan.points] == [
        ("2023 год", D("2023-01-21")), ("2024 год", D("2024-01-21")), ("2025 год", D("2025-01-21")),
    ]  # fmt: skip


# --- extensions and marks as of a day ------------------------------------------------------------


def plan_for(text, today, issued="2023-01-31", events=None):
    context = make_context(DeadlineSettings(), D(today), events or {})
    return schedule(parse_deadline(text, *([next(iter(events))] if events else [])), D(issued), context), context


def test_extension_before_the_deadline_moves_it_and_keeps_history():
    plan, context = plan_for("до 27.02.2023", "2023-02-22")
    ext = extension("2023-03-10", approved="2023-02-21", requested="2023-02-20")
    (state,) = track(plan, [], [ext], context.calendar, D("2023-02-22"))
    assert state.due == D("2023-03-10") and state.point.due == D("2023-02-27")
    assert state.extensions == (ext,)


def test_extension_counts_only_from_the_day_it_was_approved():
    plan, context = plan_for("до 27.02.2023", "2023-02-28")
    ext = extension("2023-03-15", approved="2023-03-01")  # approved after the deadline
    (before,) = track(plan, [], [ext], context.calendar, D("2023-02-28"))
    (after,) = track(plan, [], [ext], context.calendar, D("2023-03-01"))
    assert before.due == D("2023-02-27") and before.extensions == ()
    assert after.due == D("2023-03-15")


def test_latest_approved_extension_wins_whatever_the_file_order():
    plan, context = plan_for("до 27.02.2023", "2023-04-01")
    second = extension("2023-03-31", approved="2023-03-09")
    first = extension("2023-03-10", approved="2023-02-20")
    (state,) = track(plan, [], [second, first], context.calendar, D("2023-04-01"))
    assert state.due == D("2023-03-31")
    assert state.extensions == (first, second)  # history in approval order


def test_extended_date_obeys_the_non_working_day_rule():
    plan, context = plan_for("до 27.02.2023", "2023-03-01")
    (state,) = track(plan, [], [extension("2023-03-12", approved="2023-02-20")], context.calendar, D("2023-03-01"))
    assert state.due == D("2023-03-10")  # Sunday 12.03 → Friday 10.03


def test_interim_mark_does_not_close_and_future_marks_do_not_count():
    plan, context = plan_for("до 21.02.2023", "2023-02-22")
    (state,) = track(plan, [mark("2023-02-15", interim=True), mark("2023-02-25")], [], context.calendar, D("2023-02-22"))
    assert state.closed_by is None
    (state,) = track(plan, [mark("2023-02-15", interim=True), mark("2023-02-25")], [], context.calendar, D("2023-02-25"))
    assert state.closed_on == D("2023-02-25") and state.late


def test_marks_close_points_in_order():
    plan, context = plan_for("май 2024 года и декабрь 2024 года", "2024-12-30", issued="2023-10-31")
    states = track(plan, [mark("2024-06-03")], [], context.calendar, D("2024-12-30"))
    assert [s.closed_on for s in states] == [D("2024-06-03"), None]
    assert states[0].late  # May's point was due 31.05.2024


def test_extension_moves_the_point_still_open_when_approved():
    plan, context = plan_for("май 2024 года и декабрь 2024 года", "2024-12-30", issued="2023-10-31")
    states = track(plan, [mark("2024-05-30")], [extension("2025-01-20", approved="2024-12-01")], context.calendar,
                   D("2024-12-30"))  # fmt: skip
    assert states[0].due == D("2024-05-31") and states[0].extensions == ()
    assert states[1].due == D("2025-01-20") and len(states[1].extensions) == 1


def test_recurring_mark_closes_only_a_period_that_has_begun_and_the_next_appears():
    plan, context = plan_for("ежемесячно", "2024-05-20", issued="2024-04-01")
    states = track(plan, [mark("2024-04-25"), mark("2024-05-15"), mark("2024-05-16")], [], context.calendar,
                   D("2024-05-20"))  # fmt: skip
    assert [s.point.label for s in states] == ["апрель 2024", "май 2024", "июнь 2024"]
    assert [s.closed_on for s in states] == [D("2024-04-25"), D("2024-05-15"), None]  # 16.05 cannot close June


def test_annual_mark_closes_its_year_and_the_next_year_appears():
    plan, context = plan_for("ежегодно до 20 января", today="2024-02-01", issued="2023-03-01")
    states = track(plan, [mark("2024-01-15")], [], context.calendar, D("2024-02-01"))
    assert [(s.point.label, s.due, s.closed_on) for s in states] == [
        ("2023 год", D("2024-01-19"), D("2024-01-15")), ("2024 год", D("2025-01-20"), None),
    ]  # fmt: skip


def test_extension_gives_a_waiting_assignment_its_date():
    context = make_context(DeadlineSettings(), D("2023-02-20"), {"vpr": None})
    plan = schedule(parse_deadline("за 3 дня до процедуры", "vpr"), D("2023-01-31"), context)
    (state,) = track(plan, [], [extension("2023-03-01", approved="2023-02-10")], context.calendar, D("2023-02-20"))
    assert state.due == D("2023-03-01")


# --- today in the office's time zone -------------------------------------------------------------


def test_today_is_the_date_in_the_office_time_zone():
    late_evening_utc = dt.datetime(2023, 2, 20, 21, 30, tzinfo=dt.UTC)  # 00:30 in Moscow
    assert office_today("Europe/Moscow", now=late_evening_utc) == D("2023-02-21")
    assert office_today("Asia/Vladivostok", now=dt.datetime(2023, 2, 20, 14, 0, tzinfo=dt.UTC)) == D("2023-02-21")
    assert office_today("Europe/Kaliningrad", now=late_evening_utc) == D("2023-02-20")
    assert office_today("Europe/Moscow", override=D("2021-10-09"), now=late_evening_utc) == D("2021-10-09")


def test_unknown_time_zone_is_an_error():
    with pytest.raises(UnknownTimeZone):
        office_today("Europe/Mosc0w")


def test_the_readme_settings_block_is_the_model_defaults():
    import re

    import yaml
    from conftest import ROOT

    from nor_docs.model.settings import Settings

    page = (ROOT / "docs" / "check.md").read_text(encoding="utf-8")
    block = re.search(r"```yaml\n(# yaml-language-server: \$schema=\.\./nor_docs/schemas/settings\.schema\.json\n.*?)```",
                      page, re.S).group(1)  # fmt: skip
    written = yaml.safe_load(block)
    assert written == Settings().model_dump(mode="json")
