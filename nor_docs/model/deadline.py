"""Deadlines as people write them, parsed into typed values when a record is loaded.

**A new deadline wording goes here** (and only here): add a reader to ``_READERS`` and a line to
``tests/data/deadline-wordings.yaml``; ``docs/deadlines.md`` lists what the parser reads.

A record says ``deadline: в срок до 31.01.2024 г.`` (or ``май 2024 года и декабрь 2024 года``,
``постоянно``, ``в течение 10 рабочих дней``…). ``parse_deadline`` turns that text into one of
the kinds below — the words as written (``as_written``, kept for the documents) beside a typed
value for the control logic:

- ``date`` (a date), ``day`` (a day of a month, no year: «до 15 мая»; «… текущего года» — the
  document's year), ``weekday`` («во вторую среду февраля», «в первую рабочую среду мая»),
  ``month`` («май 2024», «в июне»), ``months`` (a range: «март – апрель 2024»), ``period`` (a
  quarter, a half-year, a year, a school year) — all but ``date`` may leave the year out: the
  control layer takes the first such date on or after the document's date (a roadmap's start);
- ``several`` (control points, each one of the kinds above), ``standing`` («постоянно», «в
  течение учебного года»), ``relative`` (to an event: ``{text: …, event: <id>}``), ``within``
  (from the document's date: «в течение 10 рабочих дней», «в месячный срок»; a term from
  something else — «с даты подачи заявления» — is ``relative`` to an event), ``recurring``
  («ежеквартально до 10 числа», «до 1 июня года, следующего за отчётным»), ``urgent`` /
  ``prompt`` («срочно» / «оперативно», days set by the office), ``manual`` (words nor-docs does
  not read, with the control date the user wrote beside them: ``{text: …, control: 2024-05-31}``),
  ``none`` («срок не указан»).

A time of day («до 10.00»), a footnote mark («2020* года») and a note in brackets after the
words («(при приеме в 1, 10 класс)») stay in ``as_written`` and are read past.

A deadline inside a decision's text is marked there with double square brackets —
``(срок готовности программы — [[1 ноября 2014 г.]])``; ``[[слова | 2024-05-31]]`` gives the
control date of words nor-docs does not read, ``[[слова | id-события]]`` the event of a relative
one. ``split_marked`` takes the marks out: the text reads as the paper, each mark is a control
point, and the document does not append the deadline again.

This module only parses. What a deadline means on a given day (the working calendar, the
year of a wording without one, extensions, statuses) is derived later, in the control layer
(``control/schedule.py`` places a deadline on dates, ``control/status.py`` gives its status).
"""

from __future__ import annotations

import calendar as _calendar
import datetime as dt
import functools
import re
from collections.abc import Callable
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field, WithJsonSchema
from pydantic_core import PydanticCustomError

from .common import ID_PATTERN, Record, RefTo, parse_date

Kind = Literal[
    "date", "day", "weekday", "month", "months", "period", "several", "standing", "relative", "within",
    "recurring", "urgent", "prompt", "manual", "none",
]  # fmt: skip
PeriodName = Literal["quarter", "half-year", "year", "school-year"]
RecurringPeriod = Literal["week", "month", "quarter", "half-year", "year"]


# --- the kinds ----------------------------------------------------------------------------------


class Deadline(Record):
    """Срок исполнения: слова, как они написаны в документе, и разобранное значение."""

    kind: Kind = Field(description="Вид срока: дата, месяц, период, несколько сроков, постоянно…")
    as_written: str = Field(description="Срок так, как он написан в документе (пробелы схлопнуты)")
    in_text: bool = Field(
        default=False, description="Слова срока стоят в тексте решения (отмечены [[…]]); в конец не дописываются"
    )

    def years(self) -> list[int]:
        """Every year the deadline names (a date's, a month's or a period's, the control dates'), in
        the order validation reports the first out of range (NOR105); none for a kind without one."""
        return []


class DateDeadline(Deadline):
    """«до 31.01.2024», «5 июня 2024 г.», «с 1 по 15 марта 2024 г.» (контроль — по последнему дню)."""

    kind: Literal["date"] = "date"
    date: dt.date = Field(description="Дата срока")

    def years(self) -> list[int]:
        return [self.date.year]


class DayDeadline(Deadline):
    """«до 15 мая», «к первому сентября»: число и месяц без года — год берётся от даты документа;
    «до 5 марта текущего года», «со 2 по 6 августа т. г.» — год документа."""

    kind: Literal["day"] = "day"
    day: int = Field(ge=1, le=31, description="Число месяца")
    month: int = Field(ge=1, le=12, description="Месяц (1–12)")
    document_year: bool = Field(
        default=False, description="Год — год документа («текущего года», «т. г.»), а не ближайший от его даты"
    )


class WeekdayDeadline(Deadline):
    """«во вторую среду февраля», «в первый рабочий понедельник мая»: N-й день недели месяца
    (рабочий — по производственному календарю); год не указан — ближайший от даты документа."""

    kind: Literal["weekday"] = "weekday"
    nth: int = Field(ge=1, le=5, description="Который по счёту день недели в месяце (1–5)")
    weekday: int = Field(ge=0, le=6, description="День недели: 0 — понедельник … 6 — воскресенье")
    month: int = Field(ge=1, le=12, description="Месяц (1–12)")
    year: int | None = Field(default=None, description="Год; не указан — ближайший от даты документа")
    working: bool = Field(default=False, description="Считаются только рабочие такие дни («вторая рабочая среда»)")

    def years(self) -> list[int]:
        return [self.year] if self.year is not None else []


class MonthDeadline(Deadline):
    """«май 2024 года», «в июне», «до конца декабря 2023 г.»: срок — последний день месяца."""

    kind: Literal["month"] = "month"
    year: int | None = Field(default=None, description="Год; не указан — ближайший от даты документа")
    month: int = Field(ge=1, le=12, description="Месяц (1–12)")
    document_year: bool = Field(
        default=False, description="Год — год документа («в сентябре текущего года»), а не ближайший от его даты"
    )

    def years(self) -> list[int]:
        return [self.year] if self.year is not None else []


class MonthsDeadline(Deadline):
    """«март – апрель 2024», «июль - август 2015», «ноябрь 2023 – январь 2024»: срок — конец
    последнего месяца."""

    kind: Literal["months"] = "months"
    first_year: int | None = Field(default=None, description="Год первого месяца (не указан — от даты документа)")
    first_month: int = Field(ge=1, le=12, description="Первый месяц (1–12)")
    year: int | None = Field(default=None, description="Год последнего месяца (не указан — от даты документа)")
    month: int = Field(ge=1, le=12, description="Последний месяц (1–12)")

    def years(self) -> list[int]:
        return [y for y in (self.year, self.first_year) if y is not None]


class PeriodDeadline(Deadline):
    """Квартал, полугодие, год, учебный год: срок — конец периода (учебный год — по настройке
    ``school_year_end``)."""

    kind: Literal["period"] = "period"
    period: PeriodName = Field(description="Какой период: квартал, полугодие, год, учебный год")
    year: int | None = Field(
        default=None, description="Год, в котором период кончается; не указан — ближайший от даты документа"
    )
    month: int = Field(ge=1, le=12, description="Последний месяц периода (учебный год — август)")

    def years(self) -> list[int]:
        return [self.year] if self.year is not None else []


class RelativeDeadline(Deadline):
    """«не менее чем за 3 дня до проведения процедуры» — от даты события ``event``."""

    kind: Literal["relative"] = "relative"
    event: str = Field(pattern=ID_PATTERN, description="Событие (или заседание), от которого отсчитывается срок")
    offset_days: int = Field(description="Сдвиг от даты события в днях; отрицательный — до события")
    working_days: bool = Field(default=False, description="Сдвиг считается в рабочих днях")


class WithinDeadline(Deadline):
    """«в течение 10 рабочих дней», «в месячный срок», «в течение двух недель со дня подписания»:
    от даты документа."""

    kind: Literal["within"] = "within"
    amount: int = Field(ge=1, description="Сколько единиц срока")
    unit: Literal["day", "week", "month"] = Field(description="Единица: день, неделя, месяц")
    working_days: bool = Field(default=False, description="Дни рабочие (иначе календарные)")


class UrgentDeadline(Deadline):
    """«срочно», «незамедлительно»: дата документа плюс ``urgent_days`` (настройка)."""

    kind: Literal["urgent"] = "urgent"


class PromptDeadline(Deadline):
    """«оперативно»: дата документа плюс ``prompt_days`` (настройка)."""

    kind: Literal["prompt"] = "prompt"


class ManualDeadline(Deadline):
    """Слова, которых nor-docs не понимает (или понимает не так, как документ), и контрольные
    даты, вписанные рядом: ``{text: "по графику ФЦТ", control: 2024-05-31}``."""

    kind: Literal["manual"] = "manual"
    control: list[dt.date] = Field(min_length=1, description="Контрольные даты, вписанные пользователем")

    def years(self) -> list[int]:
        return [day.year for day in self.control]


PointDeadline = Annotated[
    DateDeadline | DayDeadline | WeekdayDeadline | MonthDeadline | MonthsDeadline | PeriodDeadline | RelativeDeadline | WithinDeadline | UrgentDeadline | PromptDeadline | ManualDeadline,
    Field(discriminator="kind"),
]  # fmt: skip


# The kinds a deadline of several control points may hold (what ``PointDeadline`` admits).
POINT_KINDS = (DateDeadline, DayDeadline, WeekdayDeadline, MonthDeadline, MonthsDeadline, PeriodDeadline,
               RelativeDeadline, WithinDeadline, UrgentDeadline, PromptDeadline, ManualDeadline)  # fmt: skip


class SeveralDeadline(Deadline):
    """«май 2024 года и декабрь 2024 года», «в 2014 г., отчёт до 1 июня»: каждый — своя
    контрольная точка."""

    kind: Literal["several"] = "several"
    points: list[PointDeadline] = Field(min_length=2, description="Контрольные точки, каждая со своими словами")

    def years(self) -> list[int]:
        return [year for point in self.points for year in point.years()]


class StandingDeadline(Deadline):
    """«постоянно», «в течение учебного года», «по мере необходимости»: без даты; в дорожной
    карте кончается с её периодом, с названным периодом («в течение 2023-2024 учебного года») —
    с ним."""

    kind: Literal["standing"] = "standing"
    within: PeriodDeadline | None = Field(default=None, description="Период, названный в словах срока")

    def years(self) -> list[int]:
        return self.within.years() if self.within is not None else []


class RecurringDeadline(Deadline):
    """«ежемесячно», «ежеквартально до 10 числа», «до 25 числа каждого месяца», «ежегодно до
    20 января»."""

    kind: Literal["recurring"] = "recurring"
    period: RecurringPeriod = Field(description="Повторяющийся период")
    day: int | None = Field(default=None, ge=1, le=31, description="Число следующего месяца (не указано — настройка)")
    month: int | None = Field(default=None, ge=1, le=12, description="«ежегодно до 20 января»: месяц даты")
    in_period: bool = Field(
        default=False, description="Срок — число самого периода («до 25 числа каждого месяца»), а не следующего месяца"
    )
    after_period: bool = Field(
        default=False,
        description="Срок — число и месяц года, следующего за отчётным («до 1 июня года, следующего за отчётным»): "
        "первый отчётный год — год документа",
    )


class NoDeadline(Deadline):
    """«срок не указан», «без срока»: как отсутствие срока — по правилу офиса (настройка)."""

    kind: Literal["none"] = "none"


AnyDeadline = Annotated[
    DateDeadline | DayDeadline | WeekdayDeadline | MonthDeadline | MonthsDeadline | PeriodDeadline | SeveralDeadline | StandingDeadline | RelativeDeadline | WithinDeadline | RecurringDeadline | UrgentDeadline | PromptDeadline | ManualDeadline | NoDeadline,
    Field(discriminator="kind"),
]  # fmt: skip

_CLASSES: dict[str, type[Deadline]] = {
    cls.model_fields["kind"].default: cls
    for cls in (DateDeadline, DayDeadline, WeekdayDeadline, MonthDeadline, MonthsDeadline, PeriodDeadline,
                SeveralDeadline, StandingDeadline, RelativeDeadline, WithinDeadline, RecurringDeadline,
                UrgentDeadline, PromptDeadline, ManualDeadline, NoDeadline)
}  # fmt: skip


class DeadlineError(ValueError):
    """The text is not a deadline form nor-docs knows."""


# --- how a record writes a deadline -------------------------------------------------------------

DEADLINE_INPUT_SCHEMA = {
    "anyOf": [
        {"type": "string", "minLength": 1},
        {
            "type": "object",
            "properties": {
                "text": {"type": "string", "minLength": 1, "description": "Срок так, как он написан: «не менее "
                         "чем за 3 дня до проведения процедуры», «по графику ФЦТ»"},  # fmt: skip
                "event": {"type": "string", "pattern": ID_PATTERN, "description": "id события из records/events/ "
                          "(или заседания), от которого отсчитывается срок"},  # fmt: skip
                "control": {
                    "description": "Контрольная дата (или даты), вписанная рядом со словами срока, которые "
                                   "nor-docs не разбирает: 2024-05-31",
                    "anyOf": [
                        {"type": "string", "pattern": r"^(\d{4}-\d{2}-\d{2}|\d{1,2}\.\d{1,2}\.\d{4})$"},
                        {"type": "array", "minItems": 1,
                         "items": {"type": "string", "pattern": r"^(\d{4}-\d{2}-\d{2}|\d{1,2}\.\d{1,2}\.\d{4})$"}},
                    ],
                },
            },
            "required": ["text"],
            "additionalProperties": False,
        },
    ],
}  # fmt: skip


def _from_record(value: Any) -> Any:
    """A record's deadline — text, or ``{text, event, control}`` — as a ``Deadline`` built once
    per distinct text. Errors are ``deadline`` errors (NOR106) with a way out."""
    if isinstance(value, Deadline):
        return value
    try:
        if isinstance(value, str):
            return _deadline_cached(value, None)
        if isinstance(value, dt.date):
            return _deadline_cached(value.strftime("%d.%m.%Y"), None)
        if isinstance(value, dict):
            unknown = set(value) - {"text", "event", "control"}
            if unknown:
                raise DeadlineError(f"у срока нет поля «{sorted(unknown)[0]}»; допустимы text, event и control")
            text, event, control = value.get("text"), value.get("event"), value.get("control")
            if not isinstance(text, str):
                raise DeadlineError("у срока нужно поле text — срок так, как он написан")
            if event is not None and not isinstance(event, str):
                raise DeadlineError("event — идентификатор события (строка)")
            if control is not None:
                if event is not None:
                    raise DeadlineError("у срока указаны и event, и control: оставьте одно")
                return manual_deadline(text, control)
            return _deadline_cached(text, event)
    except DeadlineError as error:
        raise PydanticCustomError("deadline", str(error)) from None
    raise PydanticCustomError("deadline", "срок пишется строкой («до 31.01.2024») или {text: …, control: …}")


# The type of a record's ``deadline:`` field: written as text or ``{text, event, control}``, held parsed.
# Held as the base class: the value is always one of the kinds (``AnyDeadline``), built by
# ``_from_record``, so the model only checks that it is a ``Deadline``.
DeadlineField = Annotated[Deadline, BeforeValidator(_from_record), WithJsonSchema(DEADLINE_INPUT_SCHEMA),
                          RefTo(("event", "meeting"), "событие", within="event")]


def unwritten(deadline: Deadline | None) -> bool:
    """No term of its own: none written, or words that say so («срок не указан»)."""
    return deadline is None or deadline.kind == "none"


def manual_deadline(text: str, control: Any) -> ManualDeadline:
    """Words and the control date(s) the user wrote beside them."""
    written = " ".join(str(text).split())
    if not written:
        raise DeadlineError("срок пуст")
    values = control if isinstance(control, list) else [control]
    dates = []
    for value in values:
        try:
            dates.append(parse_date(value))
        except ValueError as error:
            raise DeadlineError(f"control — контрольная дата («31.05.2024» или 2024-05-31): {error}") from None
    return ManualDeadline.model_construct(kind="manual", as_written=written, control=sorted(dates), in_text=False)


def parse_deadline(text: str, event: str | None = None) -> Deadline:
    """Parse a deadline as written into a ``Deadline`` (raises ``DeadlineError``)."""
    return _deadline_cached(text, event)


def parse_deadline_fields(text: str, event: str | None = None) -> dict:
    """The fields of the ``Deadline`` for ``text`` (raises ``DeadlineError``)."""
    return dict(_parse_cached(text, event))


@functools.lru_cache(maxsize=8192)
def _deadline_cached(text: str, event: str | None) -> Deadline:
    """The ``Deadline`` for a text, built once per distinct text: the parser's fields are
    trusted (they are ours), so the model is constructed without validating them again, and the
    immutable result is shared by every decision that writes the same words."""
    if event is not None and not _EVENT_ID.match(event):
        raise DeadlineError(
            f"event «{event}» — недопустимый идентификатор события: строчные латинские буквы, "
            "цифры, «.», «_», «-»"
        )
    return _construct(_parse_cached(text, event))


def _construct(fields: dict) -> Deadline:
    fields = {**fields}
    if "points" in fields:
        fields["points"] = [_construct(point) for point in fields["points"]]
    if isinstance(fields.get("within"), dict):
        fields["within"] = _construct(fields["within"])
    fields.setdefault("in_text", False)
    cls = _CLASSES[fields["kind"]]
    return cls.model_construct(**fields)


_EVENT_ID = re.compile(ID_PATTERN)


# --- deadlines marked inside a decision's text -------------------------------------------------

_MARK = re.compile(r"\[\[(.*?)\]\]", re.S)
_MARK_AND_STOP = re.compile(r"\[\[(.*?)\]\](\.?)", re.S)


def _unmarked(match: re.Match) -> str:
    """A mark's words in place of the mark. «… [[до 1 июня 2014 г.]].» ends the sentence once, as
    on paper: the abbreviation's full stop is the sentence's."""
    words = match.group(1).partition("|")[0].strip()
    return words if words.endswith(".") else words + match.group(2)


@functools.lru_cache(maxsize=4096)
def split_marked(text: str) -> tuple[str, Deadline | None]:
    """``(text without the marks, the deadline they make)``: one mark is that deadline, several
    are the control points of one; no mark — ``(text, None)``. Raises ``DeadlineError``."""
    if "[[" not in text:
        return text, None
    found: list[Deadline] = []
    for match in _MARK.finditer(text):
        words, _bar, extra = match.group(1).partition("|")
        words, extra = words.strip(), extra.strip()
        if not words:
            raise DeadlineError("пустая отметка срока [[ ]]: впишите в скобки слова срока, как в документе")
        if not extra:
            try:
                deadline = _deadline_cached(words, None)
            except DeadlineError as error:
                raise DeadlineError(
                    f"{str(error).split(';')[0]}; в тексте решения контрольная дата пишется в той же отметке: "
                    f"[[{words} | 31.05.2024]]"
                ) from None
        elif _is_date(extra):
            deadline = manual_deadline(words, extra)
        else:
            deadline = _deadline_cached(words, extra)
        found.append(deadline)
    clean = _MARK_AND_STOP.sub(_unmarked, text)
    if "[[" in clean or "]]" in clean:
        raise DeadlineError("отметка срока не закрыта: слова срока берутся в двойные скобки — [[до 1 июня 2024 г.]]")
    if len(found) == 1:
        return clean, found[0].model_copy(update={"in_text": True})
    points: list[PointDeadline] = []
    for deadline in found:
        if isinstance(deadline, SeveralDeadline):
            points.extend(deadline.points)
        elif isinstance(deadline, POINT_KINDS):
            points.append(deadline)
        else:  # standing, recurring, none
            raise DeadlineError(
                f"срок «{deadline.as_written}» не бывает контрольной точкой рядом с другими: оставьте в [[…]] "
                "только сроки с датой или отметьте один срок"
            )
    written = "; ".join(d.as_written for d in found)
    several = SeveralDeadline.model_construct(kind="several", as_written=written, points=points, in_text=True)
    return clean, several


def _is_date(text: str) -> bool:
    try:
        parse_date(text)
    except ValueError:
        return False
    return True


def take_marked_deadline(data: Any) -> Any:
    """For a decision's fields as written: the deadline marked in its text (``[[…]]``) taken out
    into ``deadline`` (``in_text``), the text left as the paper reads. Marks that do not read are
    left in place for ``check_no_marks`` to report at the text."""
    if not isinstance(data, dict):
        return data
    text = data.get("text")
    if not isinstance(text, str) or "[[" not in text:
        return data
    try:
        clean, deadline = split_marked(text)
    except DeadlineError:
        return data
    if data.get("deadline") is not None:
        raise PydanticCustomError(
            "deadline", "срок отмечен в тексте ([[…]]) и записан в deadline: оставьте одно из двух"
        )
    return {**data, "text": clean, "deadline": deadline}


def check_no_marks(text: str) -> str:
    """A text still holding ``[[…]]`` after ``take_marked_deadline``: say what is wrong with the mark.
    A lone «]]» (the end of an XML CDATA section quoted in a text, say) opens no mark: it is text."""
    if "[[" in text:
        try:
            split_marked(text)
        except DeadlineError as error:
            raise PydanticCustomError("deadline", str(error)) from None
        raise PydanticCustomError("deadline", "отметка срока [[…]] здесь не допускается")
    return text


# --- reading the words --------------------------------------------------------------------------

MONTHS = {
    "январ": 1, "феврал": 2, "март": 3, "апрел": 4, "ма": 5, "июн": 6,
    "июл": 7, "август": 8, "сентябр": 9, "октябр": 10, "ноябр": 11, "декабр": 12,
}  # fmt: skip
_GENITIVE = ("января", "февраля", "марта", "апреля", "мая", "июня",
             "июля", "августа", "сентября", "октября", "ноября", "декабря")  # fmt: skip
_NOMINATIVE = ("январь", "февраль", "март", "апрель", "май", "июнь",
               "июль", "август", "сентябрь", "октябрь", "ноябрь", "декабрь")  # fmt: skip
_MONTH_WORD = (
    r"(январ[ьяею]|феврал[ьяею]|март[аеу]?|апрел[ьяею]|ма[йяею]|июн[ьяею]|июл[ьяею]|август[аеу]?|"
    r"сентябр[ьяею]|октябр[ьяею]|ноябр[ьяею]|декабр[ьяею])"
)
NUMBER_WORDS = {
    "один": 1, "одного": 1, "одни": 1, "одной": 1, "два": 2, "двух": 2, "две": 2, "три": 3, "трех": 3,
    "четыре": 4, "четырех": 4, "пять": 5, "пяти": 5, "шесть": 6, "шести": 6, "семь": 7, "семи": 7,
    "восемь": 8, "восьми": 8, "девять": 9, "девяти": 9, "десять": 10, "десяти": 10,
    "четырнадцать": 14, "четырнадцати": 14, "пятнадцать": 15, "пятнадцати": 15, "двадцать": 20,
    "двадцати": 20, "тридцать": 30, "тридцати": 30, "сорок": 40, "сорока": 40, "шестьдесят": 60,
    "шестидесяти": 60,
}  # fmt: skip
_NUMBER = r"(\d+|" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + r")"
# «первого», «пятнадцатого», «двадцать пятого», «к первому» — a day of the month in words
_ORDINAL_DAYS = {
    "перв": 1, "втор": 2, "трет": 3, "четверт": 4, "пят": 5, "шест": 6, "седьм": 7, "восьм": 8,
    "девят": 9, "десят": 10, "одиннадцат": 11, "двенадцат": 12, "тринадцат": 13, "четырнадцат": 14,
    "пятнадцат": 15, "шестнадцат": 16, "семнадцат": 17, "восемнадцат": 18, "девятнадцат": 19,
    "двадцат": 20, "тридцат": 30,
}  # fmt: skip
_ORDINAL_WORD = r"(?:" + "|".join(sorted(_ORDINAL_DAYS, key=len, reverse=True)) + r")(?:ого|ьего|его|ому|ьему|ему|ое|ье|ий|ый|ой)"
_ORDINAL_DAY = re.compile(r"(?:(двадцать|тридцать)\s+)?(" + _ORDINAL_WORD + r")(?=\s)")
# «трехдневный», «10-дневный», «месячный», «двухнедельный» срок
_ADJ_AMOUNT = {
    "одно": 1, "двух": 2, "трех": 3, "трёх": 3, "четырех": 4, "пяти": 5, "шести": 6, "семи": 7,
    "десяти": 10, "пятнадцати": 15, "двадцати": 20, "тридцати": 30,
}  # fmt: skip
_ABBREVIATIONS = (
    (re.compile(r"\bуч\.\s*г(?:ода?|\.|\b)"), "учебного года"),
    (re.compile(r"\bуч\.\s*"), "учебного "),
    (re.compile(r"\bпол\.(?=\s|$)"), "полугодие"),
    (re.compile(r"\bполуг\.(?=\s|$)"), "полугодие"),
    (re.compile(r"\bкв\.(?=\s|$)"), "квартал"),
    (re.compile(r"\bгг\.?(?=\s|$|[,;)])"), "годы"),
    (re.compile(r"\bмес\.(?=\s|$)"), "месяца"),
    (re.compile(r"\bдн\.(?=\s|$)"), "дней"),
    (re.compile(r"\bраб\.\s*"), "рабочих "),
    (re.compile(r"\bкаленд\.\s*"), "календарных "),
    (re.compile(r"\bв теч\.\s*"), "в течение "),
    (re.compile(r"(?<![а-я])т\.\s*г\.?(?=\s|$|[,;)])"), "текущего года"),
)
_DATE = re.compile(r"(?<![\d.])(\d{1,2})\.(\d{1,2})\.(\d{4})(?!\d)|(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")
_SHORT_DATE = re.compile(r"(?<![\d.])(\d{1,2})\.(\d{1,2})(?![\d])\.?")
_DATE_IN_WORDS = re.compile(
    r"[\"«“]?(?<!\d)(\d{1,2})[\"»”]?\s+(января|февраля|марта|апреля|мая|июня|июля|августа|"
    r"сентября|октября|ноября|декабря)\s+(\d{4})(?!\d)"
)
_YEAR_WORD = r"(?:\s*(?:года|году|год|г\.?|годы))?"
_LEAD = re.compile(
    r"^(?:в\s+следующие\s+сроки:?|срок\s+исполнения:?|срок\s+выполнения:?|в\s+срок:?|срок:?|сроки:?|"
    r"в\s+срок\s+до|срок\s+до|в\s+срок\s+не\s+позднее|не\s+позднее|не\s+позже|до|к|"
    r"по(?!\s+(?:мере|необходимости|итогам|графику|окончании|завершени\w*|отдельному|полугодиям)))\s+"
)
_WITHIN = (r"^(?:(?:в\s+течение|(?:до\s+)?конц[ау]|к\s+концу|в|во|на|по\s+(?:завершени|окончани)\w*"
           r"(?:\s+учебного\s+процесса)?)\s+)?")
_PERIOD_PART = re.compile(
    _WITHIN + r"([ivxlc]+|\d{1,2}|перв\w*|втор\w*|трет\w*|четверт\w*|пят\w*)(?:-?(?:ый|ой|ий|й|го|м|е|ое))?\s+"
    r"(квартал[аеу]?|полугоди[еяюи])(?:\s*(\d{4})" + _YEAR_WORD + r")?$"
)
_SCHOOL_HALF = re.compile(
    _WITHIN + r"([ivxlc]+|\d|перв\w*|втор\w*)(?:-?(?:ое|е|го|м))?\s+полугоди[еяюи]\s+(\d{4})\s*[-–—/]\s*(\d{4}|\d{2})"
    r"\s+учебн(?:ого|ый|ом)\s+год[ауе]?$"
)
_YEAR_PART = re.compile(_WITHIN + r"(\d{4})\s*(?:года|году|год|г\.?)$")
_YEARS_PART = re.compile(_WITHIN + r"(\d{4})\s*[-–—]\s*(\d{4})\s*(?:годы|годов|годах|года|г\.?)?$")
_SCHOOL_YEAR = re.compile(_WITHIN + r"(\d{4})\s*[-–—/]\s*(\d{4}|\d{2})\s+учебн(?:ого|ый|ом)\s+год[ауе]?$")
_SCHOOL_YEAR_NO_YEAR = re.compile(r"^(?:(?:до|к|по)\s+)?(?:конц[ау]|окончани[яюи])\s+"
                                  r"(?:текущего\s+)?учебного\s+года$")
_SCHOOL_YEAR_START = re.compile(r"^(?:к\s+|до\s+)?начал[ау]\s+(?:нового\s+)?(?:(\d{4})\s*[-–—/]\s*(?:\d{4}|\d{2})\s+)?"
                                r"учебного\s+года$")
_YEAR_NO_NUMBER = re.compile(r"^(?:(?:до\s+)?конц[ау]|к\s+концу)\s+(?:текущего\s+|этого\s+)?(?:календарного\s+)?года$")
_ORDINALS = {"перв": 1, "втор": 2, "трет": 3, "четверт": 4, "пят": 5}
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7, "viii": 8, "ix": 9, "x": 10}
_BARE_UNTIL = re.compile(r"^(?:в\s+срок\s+|срок\s+)?до\s+(?!конца|окончания|начала)")
_BARE_UNTIL_MONTH = re.compile(r"^(?:в\s+срок\s+|срок\s+)?до\s+" + _MONTH_WORD)
_STANDING = re.compile(
    r"^(?:постоянно|на постоянной основе|в постоянном режиме|систематически|регулярно|ежедневно|"
    r"по мере необходимости|по необходимости|по мере поступления|в течение всего периода|весь период|"
    r"в течение (?:всего )?(?:учебного |календарного )?года|в течение всего (?:учебного )?года|"
    r"постоянно,? в течение (?:учебного )?года)$"
)
_STANDING_WITHIN = re.compile(r"^(?:постоянно,?\s+)?в течение (?:всего )?(.+)$")
_REPORTING_DAY = re.compile(
    r"^(?:(ежемесячно|ежеквартально|раз в полугодие|по полугодиям|ежегодно),?\s+)?(?:(?:до|не позднее)\s+)?"
    r"(\d{1,2})(?:-?го)?\s+числа\s+месяца,?\s+следующего\s+за\s+отчетным"
    r"(?:\s+(месяцем|кварталом|полугодием|годом|периодом))?$"
)
_REPORTING_PERIOD = {"месяцем": "month", "кварталом": "quarter", "полугодием": "half-year", "годом": "year"}
_RECURRING_PERIODS = {
    "ежемесячно": "month", "ежеквартально": "quarter", "еженедельно": "week", "ежегодно": "year",
    "раз в полугодие": "half-year", "по полугодиям": "half-year", "раз в месяц": "month",
    "1 раз в месяц": "month", "раз в квартал": "quarter", "1 раз в квартал": "quarter",
    "раз в год": "year", "1 раз в год": "year", "раз в неделю": "week", "1 раз в неделю": "week",
    "каждый месяц": "month", "каждый квартал": "quarter",
}  # fmt: skip
_RECURRING = re.compile(
    r"^(" + "|".join(sorted(_RECURRING_PERIODS, key=len, reverse=True)) + r")"
    r"(?:,?\s*(?:до|не позднее|к)\s+(\d{1,2})(?:-?го)?\s+числа(?:\s+(?:следующего|каждого)\s+месяца)?)?$"
)
_EACH_MONTH = re.compile(r"^(?:ежемесячно,?\s+)?(?:(?:до|не позднее|к)\s+)?(\d{1,2})(?:-?го)?\s+числа\s+(каждого|следующего)\s+"
                         r"(месяца|квартала)$")
_ANNUAL_DATE = re.compile(
    r"^ежегодно,?\s+(?:(?:в\s+срок\s+)?(?:до|не\s+позднее|к)\s+)?(\d{1,2})\s+" + _MONTH_WORD + r"$"
)
_UNITS = r"(дн\w*|день|сут\w*|недел\w+|месяц\w*)"
_RELATIVE = re.compile(
    r"^(?:не позднее,?\s+)?(?:не менее,?\s+)?(?:чем\s+)?(?:за\s+)?(?:" + _NUMBER + r"\s+)?"
    r"(рабоч\w+\s+|календарн\w+\s+)?" + _UNITS + r"\s+(до|после)\s+(.+)$"
)
_AFTER = re.compile(
    r"^(?:через|в течение)\s+" + _NUMBER + r"\s+(рабоч\w+\s+|календарн\w+\s+)?" + _UNITS + r"\s+(после)\s+(.+)$"
)
# «в течение 10 рабочих дней (со дня подписания приказа)», «в течение месяца», «через неделю»
_WITHIN_TERM = re.compile(
    r"^(?:(?:в\s+течение|в\s+срок\s+не\s+более|не\s+позднее|не\s+позже|через|в\s+срок|в\s+пределах)\s+)?(?:" + _NUMBER
    + r"\s+)?(рабоч\w+\s+|календарн\w+\s+)?" + _UNITS + r"(?:\s+(?:со\s+дня|с\s+даты|с\s+момента|после|от)\s+(.+))?$"
)
_ADJ_TERM = re.compile(
    r"^(?:(?:не\s+позднее\s+)?чем\s+)?(?:в\s+)?(\d+-?|" + "|".join(_ADJ_AMOUNT) + r")?(дневный|недельный|месячный)\s+срок"
    r"(?:\s+(?:со\s+дня|с\s+даты|с\s+момента|после|от)\s+(.+))?$"
)
# What a duration «со дня …» may count from: the document itself (its date is the issue date).
_FROM_DOCUMENT = re.compile(
    r"^(?:его\s+|их\s+)?(?:подписания|издания|утверждения|принятия|вступления|опубликования|"
    # «со дня получения» — of this document; «со дня получения запроса» — of something else (an event)
    r"получения(?=\s*$|\s+(?:настоящ|данн|эт|приказ|распоряжени|письм|поручени|протокол|решени|предписани|документа))|"
    r"(?:проведения\s+)?(?:заседания|совещания|семинара|педсовета|педагогического\s+совета|коллегии)|"
    r"(?:настоящего|данного)\s|решения|протокола|приказа|распоряжения)"
)
_URGENT = re.compile(
    r"^(?:срочно|незамедлительно|немедленно|безотлагательно|в срочном порядке|в кратчайшие сроки|в кратчайший срок|"
    r"в кратчайшее время)$"
)
# «до 5 марта текущего года», «со 2 по 6 августа т. г.»: the document's own year
_THIS_YEAR = re.compile(r",?\s+(?:текущего|этого|сего|нынешнего)\s+(?:календарного\s+)?года$")
# «во вторую среду февраля», «первый рабочий понедельник мая» («первый» is already «1» here)
_WEEKDAYS = {"понедельник": 0, "вторник": 1, "сред": 2, "четверг": 3, "пятниц": 4, "суббот": 5, "воскресень": 6}
_WEEKDAY = re.compile(
    r"^(?:(?:в|во)\s+)?([1-5]|перв\w*|втор\w*|трет\w*|четверт\w*|пят\w*)\s+(рабоч\w+\s+)?"
    r"(понедельник|вторник|сред[ау]|четверг|пятниц[ау]|суббот[ау]|воскресенье)\s+"
    r"(января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря)"
    r"(?:\s+(\d{4})" + _YEAR_WORD + r")?$"
)
# «не позднее 01 июня года, следующего за отчётным»: every year, by a date of the year after the reported one
_NEXT_YEAR_DATE = re.compile(
    r"^(?:ежегодно,?\s+)?(?:(?:до|не\s+позднее|к)\s+)?(\d{1,2})\s+" + _MONTH_WORD
    + r"\s+года,?\s+следующего\s+за\s+отчетным(?:\s+(?:годом|периодом))?$"
)
# A time of day beside a date («в срок до 10.00 20.05.2021», «15 марта 2016 г. в 14.00 часов», «ежедневно до 10:00»)
# says nothing about the day: it is read past.
_TIME_OF_DAY = re.compile(
    r"(?:\s+(?:в|до|к|не\s+позднее))?\s*(?<![\d.:])([01]?\d|2[0-3])([:.])([0-5]\d)(?![\d.:])(\s*(?:час\w*|ч\b\.?))?"
)
_PROMPT = re.compile(r"^(?:оперативно|в оперативном порядке)$")
_NONE = re.compile(r"^(?:срок не указан|срок не установлен|не указан|не установлен|без срока|без указания срока|-|—|–)$")
_MONTH_ALONE = re.compile(r"^(?:(?:в\s+течение|(?:до\s+)?конц[ау]|к\s+концу|в|во|на|к|до)\s+)?" + _MONTH_WORD
                          + r"(?:\s+(\d{4})" + _YEAR_WORD + r")?$")
_MONTH_RANGE = re.compile(
    r"^(?:(?:в\s+течение|в|со?|на\s+период)\s+)?" + _MONTH_WORD + r"(?:\s+(\d{4})" + _YEAR_WORD + r")?\s*(?:[-–—]|\s+по\s+|\s+-\s+)\s*"
    + _MONTH_WORD + r"(?:\s+(\d{4})" + _YEAR_WORD + r")?$"
)
_DAY_MONTH = re.compile(
    r"^(?:со?\s+\d{1,2}(?:\s+" + _MONTH_WORD + r")?\s+по\s+|\d{1,2}\s*[-–—]\s*)?"
    r"(\d{1,2})(?:-?го)?\s+(января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря)"
    r"(?:\s+(\d{4})" + _YEAR_WORD + r")?$"
)
# «с 12 по 18.02.2024», «с 28 октября по 05.11.2023», «11–17.10.2024»: the range's first day
_DAY_BEFORE_DATE = re.compile(r"^(?:со?\s+\d{1,2}(?:\.\d{1,2})?(?:\s+[а-я]+)?\s+по\s+|\d{1,2}\s*[-–—]\s*(?=\d{1,2}\.\d))")
_DATE_RANGE = re.compile(r"^(?:со?\s+)?(\d{1,2}\.\d{1,2}\.\d{4})\s*(?:г\.?|года)?\s*(?:[-–—]|по)\s*(\d{1,2}\.\d{1,2}\.\d{4})\s*(?:г\.?|года)?$")


def _normalise(text: str) -> str:
    low = " ".join(text.lower().replace("ё", "е").replace("*", " ").split())  # «10 ноября 2020* года»: a footnote mark
    low = low.strip(" .;,()!")
    for pattern, full in _ABBREVIATIONS:
        low = pattern.sub(full, low)
    low = _TIME_OF_DAY.sub(_drop_time, low)
    low = " ".join(low.split())
    low = _LEAD.sub("", low)
    low = _LEAD.sub("", low)  # «в срок: до …»
    low = _words_to_digits(low)
    low = _DATE_IN_WORDS.sub(lambda m: f"{m.group(1)}.{_GENITIVE.index(m.group(2)) + 1:02d}.{m.group(3)}", low)
    return low.strip(" .;,:()")


def _drop_time(match: re.Match) -> str:
    """«до 10:00», «в 14.00 часов»: a time of day, dropped. «10.05» is a date (10 May) unless its
    minutes cannot be a month («10.00», «12.30») or «часов» follows."""
    _hours, sep, minutes, hours_word = match.groups()
    if sep == ":" or hours_word or not 1 <= int(minutes) <= 12:
        return " "
    return match.group(0)


def _words_to_digits(low: str) -> str:
    """«пятнадцатого мая» → «15 мая», «двадцать пятого» → «25»: ordinal days before a month."""
    if not re.search(_ORDINAL_WORD, low):
        return low

    def digits(match: re.Match) -> str:
        tens = {"двадцать": 20, "тридцать": 30}.get(match.group(1) or "", 0)
        word = match.group(2)
        stem = next(s for s in sorted(_ORDINAL_DAYS, key=len, reverse=True) if word.startswith(s))
        return str(tens + _ORDINAL_DAYS[stem])

    return _ORDINAL_DAY.sub(digits, low + " ").strip()


def _number(word: str | None) -> int:
    if word is None:
        return 1
    return int(word) if word.isdigit() else NUMBER_WORDS[word]


def _month_number(word: str) -> int:
    return next(MONTHS[s] for s in sorted(MONTHS, key=len, reverse=True) if word.startswith(s))


def _date(day: int, month: int, year: int, shown: str) -> dt.date:
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise DeadlineError(f"такой даты нет: «{shown}»") from None


def _date_from_match(match: re.Match) -> dt.date:
    if match.group(1):
        day, month, year = int(match.group(1)), int(match.group(2)), int(match.group(3))
    else:
        year, month, day = int(match.group(4)), int(match.group(5)), int(match.group(6))
    return _date(day, month, year, match.group(0))


def _ordinal(token: str) -> int | None:
    """«iv», «4», «четвертого» → 4; None for what is not a number («iiii», «xc»)."""
    if token.isdigit():
        return int(token)
    if token in _ROMAN:
        return _ROMAN[token]
    return next((n for stem, n in _ORDINALS.items() if token.startswith(stem)), None)


def _year_of(text: str | None) -> int | None:
    return int(text) if text else None


# Each reader takes (written, low, event) and returns the fields of a deadline, or None when the
# words are not its wording. They are tried in order; the first that answers wins.
Reader = Callable[[str, str, "str | None"], "dict | None"]


def _read_relative(written: str, low: str, event: str | None) -> dict | None:
    match = _RELATIVE.match(low) or _AFTER.match(low)
    if not match:
        return None
    amount, working, unit, direction, what = match.groups()
    days = _number(amount)
    if unit.startswith("недел"):
        days *= 7
    elif unit.startswith("месяц"):
        days *= 30
    if event is None:
        if direction == "после" and _FROM_DOCUMENT.match(what):  # after the meeting itself
            return _within_fields(amount, working, unit)
        raise DeadlineError(
            f"срок «{written}» отсчитывается от события: укажите его — "
            "deadline: {text: …, event: <id события>}"
        )
    return {"kind": "relative", "event": event, "offset_days": -days if direction == "до" else days,
            "working_days": bool(working and working.startswith("рабоч"))}  # fmt: skip


def _after_event(written: str, amount: str | None, working: str | None, unit: str, event: str | None) -> dict:
    """«не позднее 1 рабочего дня с даты подачи заявления», «в 15-дневный срок со дня получения
    запроса»: a term counted from an event — relative to it (``event``), or asked for."""
    if event is None:
        raise DeadlineError(
            f"срок «{written}» отсчитывается от события: укажите его — deadline: {{text: …, event: <id события>}}"
        )
    days = _number(amount) * (7 if unit.startswith("недел") else 30 if unit.startswith("месяц") else 1)
    return {"kind": "relative", "event": event, "offset_days": days,
            "working_days": bool(working and working.startswith("рабоч"))}  # fmt: skip


def _within_fields(amount: str | None, working: str | None, unit: str) -> dict:
    unit_name = "week" if unit.startswith("недел") else "month" if unit.startswith("месяц") else "day"
    return {"kind": "within", "amount": _number(amount), "unit": unit_name,
            "working_days": bool(working and working.startswith("рабоч"))}  # fmt: skip


def _read_within(written: str, low: str, event: str | None) -> dict | None:
    match = _WITHIN_TERM.match(low)
    if match:
        amount, working, unit, source = match.groups()
        if source is None or _FROM_DOCUMENT.match(source):
            return _within_fields(amount, working, unit)
        return _after_event(written, amount, working, unit, event)
    match = _ADJ_TERM.match(low)
    if match:
        amount, unit, source = match.groups()
        if source is not None and not _FROM_DOCUMENT.match(source):
            # «в месячный срок со дня образования»: from an event, not from the document
            count = 1 if amount is None else int(amount.rstrip("-")) if amount[0].isdigit() else _ADJ_AMOUNT[amount]
            unit_word = {"месячный": "месяц", "недельный": "недель"}.get(unit, "дней")
            return _after_event(written, str(count), None, unit_word, event)
        if unit == "месячный":
            number = _ADJ_AMOUNT.get(amount or "одно", None) if amount and not amount[0].isdigit() else None
            return {"kind": "within", "amount": int(amount.rstrip("-")) if amount and amount[0].isdigit()
                    else (number or 1), "unit": "month", "working_days": False}  # fmt: skip
        if amount is None:
            return None
        count = int(amount.rstrip("-")) if amount[0].isdigit() else _ADJ_AMOUNT[amount]
        return {"kind": "within", "amount": count, "unit": "week" if unit == "недельный" else "day",
                "working_days": False}  # fmt: skip
    return None


def _read_words(written: str, low: str, event: str | None) -> dict | None:
    if _STANDING.match(low):
        return {"kind": "standing", "within": None}
    if _URGENT.match(low):
        return {"kind": "urgent"}
    if _PROMPT.match(low):
        return {"kind": "prompt"}
    if _NONE.match(low):
        return {"kind": "none"}
    standing = _STANDING_WITHIN.match(low)
    if standing:
        period = _period_parts(written, standing.group(1))
        if period is not None and period["kind"] == "period" and period["period"] == "school-year":
            return {"kind": "standing", "within": {**period, "as_written": written}}
    return None


def _read_recurring(written: str, low: str, event: str | None) -> dict | None:
    next_year = _NEXT_YEAR_DATE.match(low)
    if next_year:
        day, month = int(next_year.group(1)), _month_number(next_year.group(2))
        _date(day, month, 2024, f"{day} {_GENITIVE[month - 1]}")
        return {"kind": "recurring", "period": "year", "day": day, "month": month, "after_period": True}
    reporting = _REPORTING_DAY.match(low)
    if reporting:
        word, day_text, noun = reporting.groups()
        period = _RECURRING_PERIODS[word] if word else _REPORTING_PERIOD.get(noun or "месяцем")
        if period is None:
            raise DeadlineError(
                f"срок «{written}»: какой период отчётный? Напишите «ежемесячно, до {day_text} числа месяца, "
                f"следующего за отчётным» или «ежеквартально, до {day_text} числа …»"
            )
        return {"kind": "recurring", "period": period, "day": _day_of_month(day_text), "month": None}
    each = _EACH_MONTH.match(low)
    if each:
        day_text, which, unit = each.groups()
        period = "quarter" if unit == "квартала" else "month"
        # «до 25 числа каждого месяца»: each month by its own 25th; «… следующего месяца»: by
        # the 25th of the month after.
        return {"kind": "recurring", "period": period, "day": _day_of_month(day_text), "month": None,
                "in_period": which == "каждого"}  # fmt: skip
    recurring = _RECURRING.match(low)
    if recurring:
        word, day_text = recurring.groups()
        return {"kind": "recurring", "period": _RECURRING_PERIODS[word],
                "day": _day_of_month(day_text) if day_text else None, "month": None}  # fmt: skip
    annual = _ANNUAL_DATE.match(low)
    if annual:
        day, month = int(annual.group(1)), _month_number(annual.group(2))
        try:
            dt.date(2024, month, day)  # a leap year: 29 February is a date (28 February in other years)
        except ValueError:
            last = 28 if month == 2 else _calendar.monthrange(2023, month)[1]
            raise DeadlineError(
                f"такой даты нет: «{day} {_GENITIVE[month - 1]}» в сроке «{written}»; ежегодный срок — "
                f"число, которое есть в месяце, например «ежегодно до {last} {_GENITIVE[month - 1]}»"
            ) from None
        return {"kind": "recurring", "period": "year", "day": day, "month": month}
    return None


def _day_of_month(day: str) -> int:
    if not 1 <= int(day) <= 31:
        raise DeadlineError(f"в месяце нет {day}-го числа")
    return int(day)


def _read_dates(written: str, low: str, event: str | None) -> dict | None:
    low = _DAY_BEFORE_DATE.sub("", low)
    span = _DATE_RANGE.match(low)
    if span:
        first, last = _DATE.search(span.group(1)), _DATE.search(span.group(2))
        if first is not None and last is not None:  # always: the range's groups are dates
            end = _date_from_match(last)
            _date_from_match(first)
            return {"kind": "date", "date": end}
    dates = [_date_from_match(m) for m in _DATE.finditer(low)]
    if not dates:
        return None
    rest = _DATE.sub(" ", low)
    rest = re.sub(r"\s*(года|год|г\.?)(?=\s|$|[,.;)])", " ", rest)
    rest = re.sub(r"(?:,|;|\sи\s|\s)+", " ", f" {rest} ").strip(" .:")
    rest = _LEAD.sub("", rest + " ").strip() if rest else rest
    if rest not in ("", "г", "г.", "включительно"):
        return None
    if len(dates) == 1:
        return {"kind": "date", "date": dates[0]}
    return {"kind": "several", "points": [{"as_written": f"{d:%d.%m.%Y}", "kind": "date", "date": d} for d in dates]}


def _read_day(written: str, low: str, event: str | None) -> dict | None:
    this_year = _THIS_YEAR.search(low)
    match = _DAY_MONTH.match(low[: this_year.start()] if this_year else low)
    if match:
        day, month_word, year = int(match.group(2)), match.group(3), match.group(4)
        month = _GENITIVE.index(month_word) + 1
        if year:
            return {"kind": "date", "date": _date(day, month, int(year), f"{day} {month_word} {year}")}
        _date(day, month, 2024, f"{day} {month_word}")
        return {"kind": "day", "day": day, "month": month, "document_year": this_year is not None}
    short = _SHORT_DATE.fullmatch(low)
    if short:
        day, month = int(short.group(1)), int(short.group(2))
        if 1 <= month <= 12:
            _date(day, month, 2024, short.group(0))
            return {"kind": "day", "day": day, "month": month}
    return None


def _read_weekday(written: str, low: str, event: str | None) -> dict | None:
    match = _WEEKDAY.match(low)
    if not match:
        return None
    ordinal, working, weekday, month_word, year = match.groups()
    nth = int(ordinal) if ordinal.isdigit() else _ordinal(ordinal)
    stem = next(s for s in _WEEKDAYS if weekday.startswith(s))
    return {"kind": "weekday", "nth": nth, "weekday": _WEEKDAYS[stem], "month": _GENITIVE.index(month_word) + 1,
            "year": _year_of(year), "working": working is not None}  # fmt: skip


def _read_months(written: str, low: str, event: str | None) -> dict | None:
    this_year = _THIS_YEAR.search(low)
    if this_year:  # «в сентябре текущего года»: the document's own year
        fields = _read_months(written, low[: this_year.start()], event)
        if fields is not None and fields["kind"] == "month" and fields["year"] is None:
            return {**fields, "document_year": True}
        return None
    single = _MONTH_ALONE.match(low)
    if single:
        if _BARE_UNTIL_MONTH.match(" ".join(written.lower().replace("ё", "е").split())):
            year_words = f" {single.group(2)} г." if single.group(2) else ""
            raise DeadlineError(
                f"срок «{written}» неоднозначен: до начала месяца или до его конца? Напишите «до конца "
                f"{_GENITIVE[_month_number(single.group(1)) - 1]}{year_words}» или точную дату"
            )
        return {"kind": "month", "year": _year_of(single.group(2)), "month": _month_number(single.group(1))}
    span = _MONTH_RANGE.match(low)
    if span:
        first_word, first_year, last_word, last_year = span.groups()
        first_month, month = _month_number(first_word), _month_number(last_word)
        year = _year_of(last_year) or _year_of(first_year)
        start_year = _year_of(first_year)
        if start_year is None and year is not None:
            start_year = year if first_month <= month else year - 1
        return {"kind": "months", "first_year": start_year, "first_month": first_month, "year": year, "month": month}
    # «май 2024 года и декабрь 2024 года», «март, апрель 2024 г.», «январь, май, сентябрь»
    rest = re.sub(r"^(?:(?:в\s+течение|(?:до\s+)?конц[ау]|в|во)\s+)", "", low)
    parts = [p.strip() for p in re.split(r"\s*(?:,|\sи\s|;)\s*", rest) if p.strip()]
    if len(parts) < 2:
        return None
    found: list[tuple[int, int | None]] = []  # (month, year as written)
    for part in parts:
        part = re.sub(r"^(?:(?:в\s+течение|(?:до\s+)?конц[ау]|в|во|до|к)\s+)", "", _LEAD.sub("", part))
        match = re.fullmatch(_MONTH_WORD + r"(?:\s+(\d{4})" + _YEAR_WORD + r")?", part)
        if not match:
            return None
        found.append((_month_number(match.group(1)), _year_of(match.group(2))))
    year = None
    backwards: list[tuple[int, int | None]] = []
    for month, written_year in reversed(found):  # «март, апрель 2024 г.»: the year written last is every month's
        year = written_year if written_year is not None else year
        backwards.append((month, year))
    points = [{"as_written": f"{m:02d}.{y}" if y else _NOMINATIVE[m - 1], "kind": "month", "year": y, "month": m}
              for m, y in reversed(backwards)]  # fmt: skip
    return {"kind": "several", "points": points}


def _read_period(written: str, low: str, event: str | None) -> dict | None:
    fields = _period_parts(written, low)
    if fields is not None and _BARE_UNTIL.match(" ".join(written.lower().replace("ё", "е").split())):
        shown = written[written.lower().index("до") + 2 :].strip()
        if fields["kind"] in ("period", "months"):
            when = ""
            if fields.get("year") is not None:
                end = _calendar.monthrange(fields["year"], fields["month"])[1]
                when = f" (это {end:02d}.{fields['month']:02d}.{fields['year']})"
            raise DeadlineError(
                f"срок «{written}» неоднозначен: до начала периода или до его конца? Напишите «до конца "
                f"{shown}»{when} или точную дату"
            )
    return fields


def _period_parts(written: str, low: str) -> dict | None:
    if _SCHOOL_YEAR_NO_YEAR.match(low):
        return {"kind": "period", "period": "school-year", "year": None, "month": 8}
    if _YEAR_NO_NUMBER.match(low):
        return {"kind": "period", "period": "year", "year": None, "month": 12}
    start = _SCHOOL_YEAR_START.match(low)
    if start:
        year = start.group(1)
        if year:
            return {"kind": "date", "date": dt.date(int(year), 9, 1)}
        return {"kind": "day", "day": 1, "month": 9}
    half = _SCHOOL_HALF.match(low)
    if half:
        number = _ordinal(half.group(1))
        first, last = int(half.group(2)), half.group(3)
        end = _school_year_end(written, first, last)
        if number == 1:
            return {"kind": "period", "period": "half-year", "year": first, "month": 12}
        if number == 2:
            return {"kind": "period", "period": "school-year", "year": end, "month": 8}
        raise DeadlineError(f"в учебном году два полугодия, а в сроке «{written}» — «{half.group(1).upper()}»")
    part = _PERIOD_PART.match(low)
    if part:
        token, unit, year = part.group(1), part.group(2), _year_of(part.group(3))
        number = _ordinal(token)
        if unit.startswith("кв"):
            if number is None or not 1 <= number <= 4:
                raise DeadlineError(
                    f"в году четыре квартала, а в сроке «{written}» — «{token.upper()}»; "
                    f"напишите I, II, III или IV квартал (или 1–4)"
                )
            return {"kind": "period", "period": "quarter", "year": year, "month": number * 3}
        if number is None or not 1 <= number <= 2:
            raise DeadlineError(
                f"в году два полугодия, а в сроке «{written}» — «{token.upper()}»; "
                "напишите I или II полугодие (или 1, 2)"
            )
        return {"kind": "period", "period": "half-year", "year": year, "month": number * 6}
    school = _SCHOOL_YEAR.match(low)
    if school:
        end = _school_year_end(written, int(school.group(1)), school.group(2))
        return {"kind": "period", "period": "school-year", "year": end, "month": 8}
    years = _YEARS_PART.match(low)
    if years:
        first, last = int(years.group(1)), int(years.group(2))
        if last <= first:
            raise DeadlineError(f"в сроке «{written}» годы идут не по порядку")
        return {"kind": "months", "first_year": first, "first_month": 1, "year": last, "month": 12}
    year_part = _YEAR_PART.match(low)
    if year_part:
        return {"kind": "period", "period": "year", "year": int(year_part.group(1)), "month": 12}
    return None


def _school_year_end(written: str, first: int, last: str) -> int:
    end = int(last) if len(last) == 4 else first // 100 * 100 + int(last)
    if end != first + 1:
        raise DeadlineError(
            f"учебный год в сроке «{written}» — два соседних года: напишите, например, "
            f"«до конца {first}-{first + 1} учебного года»"
        )
    return end


# «отчёт — до 1 июня»: the name of a control point before its words
_POINT_NAME = re.compile(
    r"^\s*(?:отч[её]т|информаци[юя]|промежуточн\w+ отч[её]т|итогов\w+ отч[её]т|окончательн\w+ отч[её]т|результат\w*)"
    r"\s*(?:[-–—:]\s*)?",
    re.I,
)
_NOTE = re.compile(r"(?P<words>.*\S)\s*\((?P<note>[^()]*)\)[\s.;,]*")


def _read_noted(written: str, event: str | None) -> dict | None:
    """«До 31 августа (при приеме в 1, 10 класс)», «ежедневно (до устранения)»: a note in
    brackets after words that read is read past. A note that is a deadline itself («до 01.10.2024
    (отчёт до 15.10.2024)») is a second control point, as after a comma."""
    match = _NOTE.fullmatch(written)
    if match is None:
        return None
    try:
        fields = _parse_cached(match.group("words"), event)
    except DeadlineError:
        return None
    note = _POINT_NAME.sub("", match.group("note"))
    try:
        second = _parse_cached(note, None)
    except DeadlineError as error:
        return None if "отсчитывается от события" in str(error) else fields
    if {fields["kind"], second["kind"]} & {"several", "standing", "recurring", "none"}:
        return None
    return {"kind": "several", "points": [fields, {**second, "as_written": match.group("note").strip()}]}


def _read_several(written: str, low: str, event: str | None) -> dict | None:
    """«в 2014 г., отчёт до 1 июня», «сентябрь 2023 г., май 2024 г.»: parts that each read as
    one control point (a leading word such as «отчёт» is the point's name, not its date)."""
    parts = [p.strip() for p in re.split(r"\s*[;,]\s*|\s+и\s+(?=(?:до|к|в|не позднее)\s)", written) if p.strip()]
    if len(parts) < 2:
        return None
    points = []
    for part in parts:
        words = _POINT_NAME.sub("", part)
        try:
            fields = _parse_cached(words, None)
        except DeadlineError:
            return None
        if fields["kind"] in ("several", "standing", "recurring", "none"):
            return None
        points.append({**fields, "as_written": part})
    return {"kind": "several", "points": points}


_READERS: tuple[Reader, ...] = (
    _read_relative, _read_words, _read_recurring, _read_within, _read_dates, _read_weekday, _read_day,
    _read_months, _read_period,
)  # fmt: skip


@functools.lru_cache(maxsize=8192)
def _parse_cached(text: str, event: str | None) -> dict:
    if not isinstance(text, str) or not text.strip():
        raise DeadlineError("срок пуст")
    written = " ".join(text.split())
    low = _normalise(written)
    for reader in _READERS:
        fields = reader(written, low, event)
        if fields is not None:
            if event is not None and fields["kind"] != "relative":
                raise DeadlineError(
                    f"у срока «{written}» указано событие, но срок не относительный "
                    "(ожидалось «за N дней до …» или «через N дней после …»)"
                )
            return {"as_written": written, **fields}
    if event is not None:
        raise DeadlineError(
            f"у срока «{written}» указано событие, но срок не относительный "
            "(ожидалось «за N дней до …» или «через N дней после …»)"
        )
    noted = _read_noted(written, event)
    if noted is not None:
        return {**noted, "as_written": written}
    several = _read_several(written, low, event)
    if several is not None:
        return {"as_written": written, **several}
    short_year = re.search(r"(?<![\d.])(\d{1,2})\.(\d{1,2})\.(\d{2})(?![\d.])", written)
    if short_year:
        day, month, year = short_year.groups()
        raise DeadlineError(
            f"срок «{written}» не распознан: год пишется четырьмя цифрами — "
            f"«{day.zfill(2)}.{month.zfill(2)}.20{year}»"
        )
    if "график" in low:
        raise DeadlineError(
            f"срок «{written}» не распознан: у графика в записи нет дат; впишите контрольную дату рядом со "
            "словами — deadline: {text: …, control: 2024-05-31} — или сроки графика: «15.02.2024 и 15.03.2024»"
        )
    raise DeadlineError(
        f"срок «{written}» не распознан; оставьте слова и впишите контрольную дату рядом: "
        "deadline: {text: …, control: 2024-05-31}; nor-docs читает, например, «до 31.01.2024», «в июне 2024 г.», "
        "«март – апрель 2024», «I квартал 2024 года», «в течение 10 рабочих дней», «постоянно», "
        "«ежеквартально до 10 числа», «срочно», «не менее чем за 3 дня до …» (с event)"
    )
