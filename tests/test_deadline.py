"""The deadline parser on every phrasing of the seed protocols and of shared/domain.md.

What was written is kept verbatim (``as_written``, spaces collapsed) beside the typed value.
"""

from __future__ import annotations

import datetime as dt

import pytest
from pydantic import ValidationError

from nor_docs.model.deadline import Deadline, DeadlineError, parse_deadline
from nor_docs.model.meeting import Decision

D = dt.date


@pytest.mark.parametrize(
    ("written", "expected_date"),
    [
        ("2021-10-10", D(2021, 10, 10)),  # ISO
        ("10.10.2021", D(2021, 10, 10)),  # seed 001, table column «Срок исполнения»
        ("29.09.2021", D(2021, 9, 29)),  # seed 001: the meeting date itself
        ("в срок до 31.01.2024 г.", D(2024, 1, 31)),  # seed 002
        ("в срок до 27.02.2023.", D(2023, 2, 27)),  # seed 003, end of sentence
        ("в срок до 21.02.2023", D(2023, 2, 21)),  # seed 003
        ("до 1.3.2024", D(2024, 3, 1)),
        ("не позднее 05.06.2024", D(2024, 6, 5)),
        ("к 05.06.2024 г.", D(2024, 6, 5)),
        ("срок: 05.06.2024 включительно", D(2024, 6, 5)),
        # domain.md, «Dates»: the date in words, and the form that survives in stamps
        ("до 5 июня 2024 г.", D(2024, 6, 5)),
        ("в срок до 31 января 2024 года", D(2024, 1, 31)),
        ("«05» июня 2024 г.", D(2024, 6, 5)),
        ('"05" июня 2024 г.', D(2024, 6, 5)),
    ],
)
def test_exact_dates(written, expected_date):
    deadline = parse_deadline(written)
    assert (deadline.kind, deadline.date) == ("date", expected_date)
    assert deadline.as_written == written


def test_several_dates():
    deadline = parse_deadline("29.09.2021 и 15.10.2021")
    assert deadline.kind == "several"
    assert [p.date for p in deadline.points] == [D(2021, 9, 29), D(2021, 10, 15)]


@pytest.mark.parametrize(
    ("written", "year", "month"),
    [
        ("май 2024", 2024, 5),
        ("май 2024 года", 2024, 5),
        ("до конца декабря 2023 года", 2023, 12),  # seed 002 (a speaker's promise)
        ("до конца мая 2024 г.", 2024, 5),
        ("в течение сентября 2024 года", 2024, 9),
        ("декабрь 2024 г.", 2024, 12),
    ],
)
def test_months(written, year, month):
    deadline = parse_deadline(written)
    assert (deadline.kind, deadline.year, deadline.month) == ("month", year, month)
    assert deadline.as_written == written


@pytest.mark.parametrize(
    ("written", "period", "year", "month"),
    [
        # quarters, as roadmaps and protocols write them: Roman or Arabic, words, «кв.», any case
        ("I квартал 2024 года", "quarter", 2024, 3),
        ("в I квартале 2024 г.", "quarter", 2024, 3),
        ("до конца I квартала 2024 года", "quarter", 2024, 3),
        ("1 квартал 2024", "quarter", 2024, 3),
        ("IV квартал 2023 г.", "quarter", 2023, 12),
        ("i Квартал 2024 Года", "quarter", 2024, 3),
        ("1-й квартал 2024 г.", "quarter", 2024, 3),
        ("в первом квартале 2024 года", "quarter", 2024, 3),
        ("к концу III квартала 2024 года", "quarter", 2024, 9),
        ("II кв. 2024 г.", "quarter", 2024, 6),
        ("срок: в течение II квартала 2024 г.", "quarter", 2024, 6),
        ("III\u00a0квартал\u00a02024\u00a0года", "quarter", 2024, 9),  # non-breaking spaces
        # half-years
        ("I полугодие 2024 года", "half-year", 2024, 6),
        ("в течение первого полугодия 2024 года", "half-year", 2024, 6),
        ("II полугодие 2023 г.", "half-year", 2023, 12),
        ("до конца 2-го полугодия 2024 г.", "half-year", 2024, 12),
        ("во втором полугодии 2024 года", "half-year", 2024, 12),
        # a calendar year
        ("до конца 2024 года", "year", 2024, 12),
        ("2024 год", "year", 2024, 12),
        ("в течение 2024 года", "year", 2024, 12),
        ("в 2024 г.", "year", 2024, 12),
        # a school year ends on 31 August (its formal end; README, «Как считаются сроки»)
        ("до конца 2023-2024 учебного года", "school-year", 2024, 8),
        ("до конца 2023/24 учебного года", "school-year", 2024, 8),
        ("2023–2024 учебный год", "school-year", 2024, 8),
    ],
)
def test_periods(written, period, year, month):
    deadline = parse_deadline(written)
    assert (deadline.kind, deadline.period, deadline.year, deadline.month) == ("period", period, year, month)
    assert deadline.as_written == " ".join(written.split())


@pytest.mark.parametrize(
    ("written", "month", "day"),
    [
        ("ежегодно до 20 января", 1, 20),
        ("ежегодно, до 1 сентября", 9, 1),
        ("Ежегодно не позднее 15 декабря", 12, 15),
        ("ежегодно до 29 февраля", 2, 29),  # the 28th in other years
    ],
)
def test_annual_on_a_date(written, month, day):
    deadline = parse_deadline(written)
    assert (deadline.kind, deadline.period, deadline.month, deadline.day) == ("recurring", "year", month, day)


@pytest.mark.parametrize(
    "written",
    [
        "май 2024 года и декабрь 2024 года",  # seed 000, «сроки отчетного периода»
        "в следующие сроки: май 2024 года, декабрь 2024 года",
    ],
)
def test_several_reporting_months(written):
    deadline = parse_deadline(written)
    assert deadline.kind == "several"
    assert [(p.kind, p.year, p.month) for p in deadline.points] == [("month", 2024, 5), ("month", 2024, 12)]
    assert deadline.as_written == written


@pytest.mark.parametrize(
    "written",
    ["постоянно", "на постоянной основе", "(на постоянной основе)", "Постоянно.", "в течение учебного года",
     # the school year named: still work that goes on all year (as «в течение учебного года»)
     "в течение 2023-2024 учебного года", "в течение 2023/2024 учебного года", "в течение 2023 – 2024 учебного года"],
)
def test_standing(written):
    deadline = parse_deadline(written)
    assert deadline.kind == "standing"
    assert deadline.as_written == written


@pytest.mark.parametrize(
    ("written", "offset", "working"),
    [
        ("не менее трех дней до проведения процедуры", -3, False),  # seed 003 (as written)
        ("в следующие сроки: не менее трех дней до проведения процедуры", -3, False),  # seed 003, whole
        ("не менее чем за 3 дня до проведения процедуры", -3, False),  # domain.md / the issue
        ("не менее чем за три дня до проведения процедуры", -3, False),
        ("за 5 рабочих дней до начала ВПР", -5, True),
        ("не позднее 10 дней после проведения процедуры", 10, False),
        ("в течение 2 недель после заседания", 14, False),
    ],
)
def test_relative_to_an_event(written, offset, working):
    deadline = parse_deadline(written, event="vpr-2024")
    assert (deadline.kind, deadline.event, deadline.offset_days, deadline.working_days) == (
        "relative", "vpr-2024", offset, working,
    )  # fmt: skip
    assert deadline.as_written == written


def test_relative_without_event_asks_for_it():
    with pytest.raises(DeadlineError, match="отсчитывается от события"):
        parse_deadline("не менее чем за 3 дня до проведения процедуры")


def test_event_on_a_deadline_that_is_not_relative_is_refused():
    with pytest.raises(DeadlineError, match="не относительный"):
        parse_deadline("до 31.01.2024", event="vpr-2024")


@pytest.mark.parametrize(
    ("written", "period", "day"),
    [
        ("ежеквартально до 10 числа", "quarter", 10),  # domain.md
        ("ежемесячно", "month", None),  # domain.md: by the 10th of the next month (a setting)
        ("ежемесячно, до 5-го числа следующего месяца", "month", 5),
        ("ежеквартально", "quarter", None),
        ("еженедельно", "week", None),
        ("ежегодно", "year", None),
        ("раз в полугодие", "half-year", None),
        # the reporting-period phrasing of municipal instructions (domain.md, «Deadlines in practice»)
        ("до 10 числа месяца, следующего за отчётным", "month", 10),
        ("ежемесячно до 10 числа месяца, следующего за отчётным", "month", 10),
        ("ежеквартально, до 10 числа месяца, следующего за отчетным кварталом", "quarter", 10),
        ("не позднее 5-го числа месяца, следующего за отчётным кварталом", "quarter", 5),
    ],
)
def test_recurring(written, period, day):
    deadline = parse_deadline(written)
    assert (deadline.kind, deadline.period, deadline.day) == ("recurring", period, day)


@pytest.mark.parametrize(("written", "kind"), [("срочно", "urgent"), ("Срочно!", "urgent"),
                                               ("оперативно", "prompt"), ("в оперативном порядке", "prompt")])  # fmt: skip
def test_urgent_and_prompt(written, kind):
    deadline = parse_deadline(written)
    assert deadline.kind == kind
    assert deadline.as_written == written


def test_as_written_collapses_only_whitespace():
    deadline = parse_deadline("в срок  до\n31.01.2024 г.")
    assert deadline.as_written == "в срок до 31.01.2024 г."


@pytest.mark.parametrize(
    ("written", "message"),
    [
        ("31.02.2024", "такой даты нет: «31.02.2024»"),
        ("в срок до 30.02.2024 г.", "такой даты нет: «30.02.2024»"),
        ("2024-13-01", "такой даты нет"),
        ("когда-нибудь потом", "не распознан"),
        ("до 31.01.2024 и ещё как-нибудь", "не распознан"),
        ("ежемесячно до 32 числа", "32"),
        ("до 30 февраля 2024 г.", "такой даты нет: «30.02.2024»"),
        ("до 10 числа месяца, следующего за отчётным периодом", "какой период отчётный"),
        ("по отдельному графику", "у графика в записи нет дат"),
        ("V квартал 2024 года", "в году четыре квартала, а в сроке «V квартал 2024 года» — «V»; напишите I, II, III или IV"),
        ("5 квартал 2024", "в году четыре квартала"),
        ("IIII квартал 2024", "в году четыре квартала"),
        ("III полугодие 2024 года", "в году два полугодия, а в сроке «III полугодие 2024 года» — «III»"),
        ("ежегодно до 30 февраля", "такой даты нет: «30 февраля».*«ежегодно до 28 февраля»"),
        ("ежегодно до 31 апреля", "такой даты нет: «31 апреля».*«ежегодно до 30 апреля»"),
        ("до конца 2023-2025 учебного года", "два соседних года.*«до конца 2023-2024 учебного года»"),
        # «до 2024 года»: before 2024 or by its end? Asked, not guessed.
        ("до 2024 года", "неоднозначен.*«до конца 2024 года» \\(это 31.12.2024\\)"),
        ("до I квартала 2024 г.", "неоднозначен.*«до конца I квартала 2024 г.» \\(это 31.03.2024\\)"),
        ("", "срок пуст"),
        ("   ", "срок пуст"),
        # a two-digit year, as typed by hand: said so, with the date to write
        ("до 29.03.24", "год пишется четырьмя цифрами — «29.03.2024»"),
        ("в срок до 5.4.24 г.", "год пишется четырьмя цифрами — «05.04.2024»"),
    ],
)
def test_errors(written, message):
    with pytest.raises(DeadlineError, match=message):
        parse_deadline(written)


def test_errors_are_value_errors_for_the_model():
    assert issubclass(DeadlineError, ValueError)


def test_a_record_holds_a_string_or_text_with_event():
    simple = Decision.model_validate({"number": "1", "text": "x", "deadline": "до 31.01.2024"})
    assert simple.deadline == parse_deadline("до 31.01.2024")
    relative = Decision.model_validate(
        {"number": "2", "text": "x", "deadline": {"text": "не менее чем за 3 дня до проведения процедуры", "event": "vpr"}}
    )
    assert (relative.deadline.kind, relative.deadline.event) == ("relative", "vpr")


@pytest.mark.parametrize(
    "value",
    [{"text": "до 31.01.2024", "evnt": "x"}, {"event": "x"}, {"text": 5}, 20240131, ["до 31.01.2024"]],
)
def test_malformed_deadline_values_are_refused(value):
    with pytest.raises(ValidationError):
        Decision.model_validate({"number": "1", "text": "x", "deadline": value})


def test_parsed_deadline_is_immutable_and_cached_results_are_not_shared():
    first = parse_deadline("в срок до 31.01.2024 г.")
    second = parse_deadline("в срок до 31.01.2024 г.")
    assert first == second
    with pytest.raises(ValidationError):
        first.kind = "month"  # type: ignore[misc]
    assert isinstance(first, Deadline)


# --- wordings met in the real corpus (tests/data/deadline-wordings.yaml) -----------------------


@pytest.mark.parametrize(
    ("written", "expected_date"),
    [
        ("в срок до 10.00 20.05.2021", D(2021, 5, 20)),  # a time of day before the date
        ("15 марта 2016 г. в 14.00 часов", D(2016, 3, 15)),
        ("до 20.05.2021 12:30", D(2021, 5, 20)),
        ("10 ноября 2020* года", D(2020, 11, 10)),  # a footnote mark
    ],
)
def test_a_time_of_day_and_a_footnote_mark_are_read_past(written, expected_date):
    deadline = parse_deadline(written)
    assert (deadline.kind, deadline.date, deadline.as_written) == ("date", expected_date, written)


def test_a_date_without_a_year_is_not_taken_for_a_time():
    # «10.05» is 10 May (its «minutes» could be a month); «10.00» and «12.30» could not.
    deadline = parse_deadline("до 10.05")
    assert (deadline.kind, deadline.day, deadline.month) == ("day", 10, 5)
    assert parse_deadline("ежедневно до 10:00").kind == "standing"


@pytest.mark.parametrize(
    ("written", "day", "month"),
    [
        ("до 5 марта текущего года", 5, 3),
        ("не позднее 30 июня текущего года", 30, 6),
        ("Со 2 по 6 августа т.г.", 6, 8),
        ("к 1 сентября т. г.", 1, 9),
    ],
)
def test_the_current_year_is_the_document_year(written, day, month):
    deadline = parse_deadline(written)
    assert (deadline.kind, deadline.day, deadline.month, deadline.document_year) == ("day", day, month, True)
    assert parse_deadline("до 5 марта").document_year is False


def test_a_month_of_the_current_year():
    deadline = parse_deadline("в сентябре текущего года")
    assert (deadline.kind, deadline.month, deadline.year, deadline.document_year) == ("month", 9, None, True)


@pytest.mark.parametrize(
    ("written", "nth", "weekday", "month", "working"),
    [
        ("во вторую среду февраля", 2, 2, 2, False),
        ("во вторую рабочую среду марта", 2, 2, 3, True),
        ("первый рабочий понедельник мая", 1, 0, 5, True),
        ("в третий четверг октября 2024 г.", 3, 3, 10, False),
    ],
)
def test_a_weekday_of_a_month(written, nth, weekday, month, working):
    deadline = parse_deadline(written)
    assert (deadline.kind, deadline.nth, deadline.weekday, deadline.month, deadline.working) == (
        "weekday", nth, weekday, month, working,
    )  # fmt: skip


def test_a_date_of_the_year_after_the_reported_one():
    deadline = parse_deadline("не позднее 01 июня года, следующего за отчетным")
    assert (deadline.kind, deadline.period, deadline.day, deadline.month, deadline.after_period) == (
        "recurring", "year", 1, 6, True,
    )  # fmt: skip
    assert parse_deadline("ежегодно до 1 июня").after_period is False


@pytest.mark.parametrize(
    "written",
    [
        "Не позднее 1 рабочего дня с даты подачи заявления",
        "в течение 7 рабочих дней после приема документов",
        "не позднее чем в 15-дневный срок со дня получения запроса",  # the request's, not this document's
        "в месячный срок со дня образования",
    ],
)
def test_a_term_from_an_event_asks_for_the_event(written):
    with pytest.raises(DeadlineError, match="отсчитывается от события"):
        parse_deadline(written)


def test_a_term_from_an_event_with_the_event_is_relative_to_it():
    deadline = parse_deadline("Не позднее 1 рабочего дня с даты подачи заявления", event="priem")
    assert (deadline.kind, deadline.event, deadline.offset_days, deadline.working_days) == (
        "relative", "priem", 1, True,
    )  # fmt: skip
    # received: this document («со дня получения» alone, or «… настоящего приказа») — from its date
    assert parse_deadline("в течение 5 дней со дня получения настоящего приказа").kind == "within"
    assert parse_deadline("в 10-дневный срок со дня получения").kind == "within"


@pytest.mark.parametrize(
    ("written", "kind"),
    [
        ("До 31 августа (при приеме в 1, 10 класс)", "day"),  # a note in brackets
        ("ежедневно (до устранения)", "standing"),
        ("до 01.10.2024 (по согласованию)", "date"),
        ("в кратчайшее время", "urgent"),
    ],
)
def test_a_note_in_brackets_is_read_past_and_kept(written, kind):
    deadline = parse_deadline(written)
    assert (deadline.kind, deadline.as_written) == (kind, written)


def test_a_note_that_is_itself_a_deadline_is_a_second_control_point():
    deadline = parse_deadline("до 01.10.2024 (отчёт до 15.10.2024)")
    assert deadline.kind == "several"
    assert [(p.date, p.as_written) for p in deadline.points] == [
        (D(2024, 10, 1), "до 01.10.2024"), (D(2024, 10, 15), "отчёт до 15.10.2024"),
    ]  # fmt: skip
    # a note that counts from an event is not read past: the words do not say it all
    with pytest.raises(DeadlineError):
        parse_deadline("до 01.10.2024 (за 3 дня до проверки)")
