"""Deadlines as people write them, parsed into typed values when a record is loaded.

A record says ``deadline: в срок до 31.01.2024 г.`` (or ``май 2024 года и декабрь 2024 года``,
``постоянно``, ``ежеквартально до 10 числа``…). ``parse_deadline`` turns that text into a
``Deadline``: the words as written, kept for the documents, beside a typed value for the control
logic. A relative deadline («не менее чем за 3 дня до проведения процедуры») also names the event
it hangs on: ``deadline: {text: "…", event: vpr-2023}``.

This module only parses. What a deadline means on a given day (non-working days, extensions,
statuses) is derived later, in the control layer.
"""

from __future__ import annotations

import calendar as _calendar
import datetime as dt
import functools
import re
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field, WithJsonSchema, model_validator

from .common import ID_PATTERN, Record, RefTo

Kind = Literal["date", "month", "period", "several", "standing", "relative", "recurring", "urgent", "prompt"]

MONTHS = {
    "январ": 1, "феврал": 2, "март": 3, "апрел": 4, "ма": 5, "июн": 6,
    "июл": 7, "август": 8, "сентябр": 9, "октябр": 10, "ноябр": 11, "декабр": 12,
}  # fmt: skip
_MONTH_WORD = (
    r"(январ[ьяе]|феврал[ьяе]|март[ае]?|апрел[ьяе]|ма[йяе]|июн[ьяе]|июл[ьяе]|август[ае]?|"
    r"сентябр[ьяе]|октябр[ьяе]|ноябр[ьяе]|декабр[ьяе])"
)
NUMBER_WORDS = {
    "один": 1, "одного": 1, "одни": 1, "два": 2, "двух": 2, "две": 2, "три": 3, "трех": 3,
    "трёх": 3, "четыре": 4, "четырех": 4, "четырёх": 4, "пять": 5, "пяти": 5, "шесть": 6,
    "шести": 6, "семь": 7, "семи": 7, "восемь": 8, "восьми": 8, "девять": 9, "девяти": 9,
    "десять": 10, "десяти": 10, "четырнадцать": 14, "четырнадцати": 14, "пятнадцать": 15,
    "пятнадцати": 15, "тридцать": 30, "тридцати": 30,
}  # fmt: skip
_NUMBER = r"(\d+|" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + r")"

_DATE = re.compile(r"(?<![\d.])(\d{1,2})\.(\d{1,2})\.(\d{4})(?![\d])|(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")
_MONTH = re.compile(_MONTH_WORD + r"\s+(\d{4})")
_YEAR_WORDS = re.compile(r"\s*(года|год|г\.?)(?=\s|$|[,.;)])")
_STANDING = re.compile(
    r"^(постоянно|на постоянной основе|в постоянном режиме|систематически|"
    r"в течение( всего)?( \d{4}\s*[-–/]\s*\d{4})?( учебного| календарного)? года)$"
)
# A date in words, as documents write it: «5 июня 2024 г.», «"05" июня 2024 г.», ««05» июня 2024».
_DATE_IN_WORDS = re.compile(
    r"[\"«“]?(?<!\d)(\d{1,2})[\"»”]?\s+(января|февраля|марта|апреля|мая|июня|июля|августа|"
    r"сентября|октября|ноября|декабря)\s+(\d{4})(?!\d)"
)
_GENITIVE = ("января", "февраля", "марта", "апреля", "мая", "июня",
             "июля", "августа", "сентября", "октября", "ноября", "декабря")  # fmt: skip
# «до 10 числа месяца, следующего за отчётным [месяцем|кварталом|…]»
_REPORTING_DAY = re.compile(
    r"^(?:(ежемесячно|ежеквартально|раз в полугодие|по полугодиям|ежегодно),?\s+)?(?:(?:до|не позднее)\s+)?"
    r"(\d{1,2})(?:-?го)?\s+числа\s+месяца,?\s+следующего\s+за\s+отчетным"
    r"(?:\s+(месяцем|кварталом|полугодием|годом|периодом))?$"
)
_REPORTING_PERIOD = {"месяцем": "month", "кварталом": "quarter", "полугодием": "half-year", "годом": "year"}
_RELATIVE = re.compile(
    r"^(?:не позднее,?\s+)?(?:не менее,?\s+)?(?:чем\s+)?(?:за\s+)?" + _NUMBER
    + r"\s+(рабоч\w+\s+)?(дн\w*|день|недел\w+|месяц\w*)\s+(до|после)\s+(.+)$"
)
_AFTER = re.compile(r"^(?:через|в течение)\s+" + _NUMBER + r"\s+(рабоч\w+\s+)?(дн\w*|день|недел\w+|месяц\w*)\s+(после)\s+(.+)$")
_RECURRING = re.compile(
    r"^(ежемесячно|ежеквартально|еженедельно|ежегодно|раз в полугодие|по полугодиям)"
    r"(?:,?\s*(?:до|не позднее)\s+(\d{1,2})(?:-?го)?\s+числа(?:\s+следующего\s+месяца)?)?$"
)
_LEAD = re.compile(
    r"^(?:в\s+следующие\s+сроки:?|в\s+срок:?|срок:?|сроки:?|в\s+срок\s+до|срок\s+до|не\s+позднее|"
    r"до|к|по)\s+"
)
_END_OF = re.compile(r"^(?:(?:до\s+)?конца|в\s+течение)\s+")
# «I квартал 2024 года», «в I квартале 2024 г.», «до конца 1-го квартала 2024», «I кв. 2024 г.»,
# «в течение первого полугодия 2024 года»; after ``_normalise`` (lower case, «до» dropped).
_WITHIN = r"^(?:(?:в\s+течение|(?:до\s+)?конц[ау]|в|во|на)\s+)?"
_PERIOD_PART = re.compile(
    _WITHIN + r"([ivxlc]+|\d{1,2}|перв\w*|втор\w*|трет\w*|четверт\w*|пят\w*)(?:-?(?:ый|ой|ий|й|го|м|е|ое))?\s+"
    r"(квартал[аеу]?|кв\.?|полугоди[еяюи]|полугод\.?)\s*(\d{4})(?:\s*(?:года|году|год|г\.?))?$"
)
# «2024 год», «до конца 2024 года», «в течение 2024 года», «в 2024 г.»
_YEAR_PART = re.compile(_WITHIN + r"(\d{4})\s*(?:года|году|год|г\.?)$")
# «до конца 2023-2024 учебного года», «2023/24 учебный год»
_SCHOOL_YEAR = re.compile(_WITHIN + r"(\d{4})\s*[-–/]\s*(\d{4}|\d{2})\s+учебн(?:ого|ый|ом)\s+год[ауе]?$")
_ORDINALS = {"перв": 1, "втор": 2, "трет": 3, "четверт": 4, "пят": 5}
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7, "viii": 8, "ix": 9, "x": 10}
# «до 2024 года», «до I квартала 2024 года»: «by» or «before»? Asked, not guessed.
_BARE_UNTIL = re.compile(r"^(?:в\s+срок\s+|срок\s+)?до\s+(?!конца)")
# «ежегодно до 20 января», «ежегодно, не позднее 1 сентября»
_ANNUAL_DATE = re.compile(
    r"^ежегодно,?\s+(?:(?:в\s+срок\s+)?(?:до|не\s+позднее|к)\s+)?(\d{1,2})\s+" + _MONTH_WORD + r"$"
)


_RECURRING_PERIODS = {
    "ежемесячно": "month", "ежеквартально": "quarter", "еженедельно": "week",
    "ежегодно": "year", "раз в полугодие": "half-year", "по полугодиям": "half-year",
}  # fmt: skip


class Deadline(Record):
    """A deadline: the words as written plus the typed value the control logic works with."""

    as_written: str
    kind: Kind
    date: dt.date | None = None  # kind=date
    year: int | None = None  # kind=month, period
    month: int | None = None  # kind=month; kind=period: its last month; recurring: see ``day``
    points: list["Deadline"] = Field(default_factory=list)  # kind=several: each is a date or a month
    event: str | None = Field(default=None, pattern=ID_PATTERN)  # kind=relative
    offset_days: int = 0  # kind=relative: negative = before the event
    working_days: bool = False  # kind=relative: the offset counts working days
    # kind=recurring: the period repeated; kind=period: the period itself, which ends with
    # ``month`` of ``year`` (a quarter, a half-year, a calendar year, a school year).
    period: Literal["week", "month", "quarter", "half-year", "year", "school-year"] | None = None
    day: int | None = None  # kind=recurring: day of the following month it is due by
    # (with ``month``, period=year: «ежегодно до 20 января» — the day of that month every year)

    @model_validator(mode="before")
    @classmethod
    def _from_written(cls, value: Any) -> Any:
        """Accept what a record holds: a string, or ``{text: …, event: …}``."""
        if isinstance(value, Deadline):
            return value
        if isinstance(value, dt.date):
            return {"as_written": value.strftime("%d.%m.%Y"), "kind": "date", "date": value}
        if isinstance(value, str):
            return parse_deadline_fields(value, None)
        if isinstance(value, dict) and "kind" not in value:
            unknown = set(value) - {"text", "event"}
            if unknown:
                raise ValueError(
                    f"у срока нет поля «{sorted(unknown)[0]}»; допустимы text и event"
                )
            text = value.get("text")
            if not isinstance(text, str):
                raise ValueError("у срока нужно поле text — срок так, как он написан")
            event = value.get("event")
            if event is not None and not isinstance(event, str):
                raise ValueError("event — идентификатор события (строка)")
            return parse_deadline_fields(text, event)
        if isinstance(value, dict):
            return value
        raise ValueError("срок пишется строкой («до 31.01.2024») или {text: …, event: …}")


DEADLINE_INPUT_SCHEMA = {
    "anyOf": [
        {"type": "string", "minLength": 1},
        {
            "type": "object",
            "properties": {
                "text": {"type": "string", "minLength": 1, "description": "Срок так, как он написан: «не менее "
                         "чем за 3 дня до проведения процедуры»"},  # fmt: skip
                "event": {"type": "string", "pattern": ID_PATTERN, "description": "id события из records/events/ "
                          "(или заседания), от которого отсчитывается срок"},  # fmt: skip
            },
            "required": ["text"],
            "additionalProperties": False,
        },
    ]
}


def _from_record(value: Any) -> Any:
    """A record's deadline — text, or ``{text, event}`` — as a ``Deadline`` built once per
    distinct text; anything else goes on to the model, which says what is wrong with it."""
    if isinstance(value, str):
        return _deadline_cached(value, None)
    if isinstance(value, dict) and isinstance(value.get("text"), str) and value.keys() <= {"text", "event"}:
        event = value.get("event")
        if event is None or isinstance(event, str):
            return _deadline_cached(value["text"], event)
    return value


# The type of a record's ``deadline:`` field: written as text or ``{text, event}``, held parsed.
DeadlineField = Annotated[Deadline, BeforeValidator(_from_record), WithJsonSchema(DEADLINE_INPUT_SCHEMA),
                          RefTo(("event", "meeting"), "событие", within="event")]


class DeadlineError(ValueError):
    """The text is not a deadline form nor-docs knows."""


def _number(word: str) -> int:
    return int(word) if word.isdigit() else NUMBER_WORDS[word]


def _date_from_match(match: re.Match) -> dt.date:
    if match.group(1):
        day, month, year = int(match.group(1)), int(match.group(2)), int(match.group(3))
    else:
        year, month, day = int(match.group(4)), int(match.group(5)), int(match.group(6))
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise DeadlineError(f"такой даты нет: «{match.group(0)}»") from None


def _normalise(text: str) -> str:
    low = " ".join(text.lower().replace("ё", "е").split())
    low = low.strip(" .;,()!")
    low = _LEAD.sub("", low)
    low = _LEAD.sub("", low)  # «в срок: до …»
    low = _DATE_IN_WORDS.sub(lambda m: f"{m.group(1)}.{_GENITIVE.index(m.group(2)) + 1:02d}.{m.group(3)}", low)
    return low.strip(" .;,:()")


def _month_points(low: str) -> list[dict] | None:
    """«май 2024 года и декабрь 2024 года» → two month points; None if the text is not that."""
    rest = _YEAR_WORDS.sub("", low)
    rest = _END_OF.sub("", rest)
    parts = [p.strip() for p in re.split(r"\s*(?:,|\sи\s|;)\s*", rest) if p.strip()]
    points = []
    for part in parts:
        part = _END_OF.sub("", _LEAD.sub("", part))
        match = _MONTH.fullmatch(part)
        if not match:
            return None
        points.append({"kind": "month", "year": int(match.group(2)), "month": _month_number(match.group(1))})
    return points or None


def _date_points(low: str) -> list[dt.date] | None:
    """«до 31.01.2024 г.» / «29.09.2021 и 15.10.2021» → dates; None if other words are left."""
    dates = [_date_from_match(m) for m in _DATE.finditer(low)]
    if not dates:
        return None
    rest = _DATE.sub(" ", low)
    rest = _YEAR_WORDS.sub(" ", rest)
    rest = re.sub(r"(?:,|;|\sи\s|\s)+", " ", f" {rest} ").strip(" .:")
    rest = _LEAD.sub("", rest + " ").strip() if rest else rest
    if rest in ("", "г", "г.", "включительно"):
        return dates
    return None


def parse_deadline_fields(text: str, event: str | None = None) -> dict:
    """Parse ``text`` into the fields of a ``Deadline``; raise ``DeadlineError`` when unknown."""
    return dict(_parse_cached(text, event))


@functools.lru_cache(maxsize=4096)
def _parse_cached(text: str, event: str | None) -> dict:
    if not isinstance(text, str) or not text.strip():
        raise DeadlineError("срок пуст")
    written = " ".join(text.split())
    low = _normalise(written)
    result: dict = {"as_written": written, "event": None}

    relative = _RELATIVE.match(low) or _AFTER.match(low)
    if relative:
        amount, working, unit, direction, _what = relative.groups()
        days = _number(amount)
        if unit.startswith("недел"):
            days *= 7
        elif unit.startswith("месяц"):
            days *= 30
        if event is None:
            raise DeadlineError(
                f"срок «{written}» отсчитывается от события: укажите его — "
                "deadline: {text: …, event: <id события>}"
            )
        return {
            **result,
            "kind": "relative",
            "event": event,
            "offset_days": -days if direction == "до" else days,
            "working_days": bool(working),
        }
    if event is not None:
        raise DeadlineError(
            f"у срока «{written}» указано событие, но срок не относительный "
            "(ожидалось «за N дней до …» или «через N дней после …»)"
        )
    if _STANDING.match(low):
        return {**result, "kind": "standing"}
    if low == "срочно":
        return {**result, "kind": "urgent"}
    if low in ("оперативно", "в оперативном порядке"):
        return {**result, "kind": "prompt"}
    reporting = _REPORTING_DAY.match(low)
    if reporting:
        word, day, noun = reporting.groups()
        period = _RECURRING_PERIODS[word] if word else _REPORTING_PERIOD.get(noun or "месяцем")
        if period is None:
            raise DeadlineError(
                f"срок «{written}»: какой период отчётный? Напишите «ежемесячно, до {day} числа месяца, "
                f"следующего за отчётным» или «ежеквартально, до {day} числа …»"
            )
        if not 1 <= int(day) <= 31:
            raise DeadlineError(f"в месяце нет {day}-го числа")
        return {**result, "kind": "recurring", "period": period, "day": int(day)}
    recurring = _RECURRING.match(low)
    if recurring:
        word, day = recurring.groups()
        period = _RECURRING_PERIODS[word]
        if day is not None and not 1 <= int(day) <= 31:
            raise DeadlineError(f"в месяце нет {day}-го числа")
        return {**result, "kind": "recurring", "period": period, "day": int(day) if day else None}
    annual = _ANNUAL_DATE.match(low)
    if annual:
        return {**result, **_annual_fields(written, int(annual.group(1)), annual.group(2))}
    dates = _date_points(low)
    if dates:
        if len(dates) == 1:
            return {**result, "kind": "date", "date": dates[0]}
        points = [{"as_written": d.strftime("%d.%m.%Y"), "kind": "date", "date": d} for d in dates]
        return {**result, "kind": "several", "points": points}
    months = _month_points(low)
    if months:
        if len(months) == 1:
            return {**result, **months[0]}
        points = [{"as_written": f"{m['month']:02d}.{m['year']}", **m} for m in months]
        return {**result, "kind": "several", "points": points}
    period = _period_fields(written, low)
    if period is not None:
        return {**result, **period}
    short_year = re.search(r"(?<![\d.])(\d{1,2})\.(\d{1,2})\.(\d{2})(?![\d.])", written)
    if short_year:
        day, month, year = short_year.groups()
        raise DeadlineError(
            f"срок «{written}» не распознан: год пишется четырьмя цифрами — "
            f"«{day.zfill(2)}.{month.zfill(2)}.20{year}»"
        )
    if "график" in low:
        raise DeadlineError(
            f"срок «{written}» не распознан: у графика в записи нет дат; впишите сроки графика — "
            "«15.02.2024 и 15.03.2024», «май 2024 года и декабрь 2024 года» — или отсчитайте срок от "
            "события ({text: …, event: …})"
        )
    raise DeadlineError(
        f"срок «{written}» не распознан; пишите, например: «до 31.01.2024», «май 2024 года», "
        "«май 2024 года и декабрь 2024 года», «I квартал 2024 года», «до конца 2024 года», «постоянно», "
        "«ежеквартально до 10 числа», «ежегодно до 20 января», «срочно», «не менее чем за 3 дня до …» (с event)"
    )


def _annual_fields(written: str, day: int, month_word: str) -> dict:
    """«ежегодно до 20 января» → recurring every year on 20 January."""
    month = _month_number(month_word)
    try:
        dt.date(2024, month, day)  # a leap year: 29 February is a date (28 February in other years)
    except ValueError:
        raise DeadlineError(
            f"такой даты нет: «{day} {_GENITIVE[month - 1]}» в сроке «{written}»; ежегодный срок — "
            f"число, которое есть в месяце, например «ежегодно до {_month_days(month)} {_GENITIVE[month - 1]}»"
        ) from None
    return {"kind": "recurring", "period": "year", "day": day, "month": month}


def _period_fields(written: str, low: str) -> dict | None:
    """A quarter, a half-year, a calendar or a school year → kind=period ending with ``month``
    of ``year``; None if the text is not one of them."""
    fields = _period_parts(written, low)
    if fields is not None and _BARE_UNTIL.match(" ".join(written.lower().split())):
        shown = written[written.lower().index("до") + 2 :].strip()
        end = _calendar.monthrange(fields["year"], fields["month"])[1]
        raise DeadlineError(
            f"срок «{written}» неоднозначен: до начала периода или до его конца? Напишите «до конца "
            f"{shown}» (это {end:02d}.{fields['month']:02d}.{fields['year']}) или точную дату"
        )
    return fields


def _period_parts(written: str, low: str) -> dict | None:
    part = _PERIOD_PART.match(low)
    school = None if part else _SCHOOL_YEAR.match(low)
    year_part = None if part or school else _YEAR_PART.match(low)
    if not (part or school or year_part):
        return None
    if school:
        first, last = int(school.group(1)), school.group(2)
        end = int(last) if len(last) == 4 else first // 100 * 100 + int(last)
        if end != first + 1:
            raise DeadlineError(
                f"учебный год в сроке «{written}» — два соседних года: напишите, например, "
                f"«до конца {first}-{first + 1} учебного года»"
            )
        return {"kind": "period", "period": "school-year", "year": end, "month": 8}
    if year_part:
        return {"kind": "period", "period": "year", "year": int(year_part.group(1)), "month": 12}
    token, unit, year = part.group(1), part.group(2), int(part.group(3))
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


def _ordinal(token: str) -> int | None:
    """«iv», «4», «четвертого» → 4; None for what is not a number («iiii», «xc»)."""
    if token.isdigit():
        return int(token)
    if token in _ROMAN:
        return _ROMAN[token]
    return next((n for stem, n in _ORDINALS.items() if token.startswith(stem)), None)


def _month_number(word: str) -> int:
    return next(MONTHS[s] for s in sorted(MONTHS, key=len, reverse=True) if word.startswith(s))


def _month_days(month: int) -> int:
    return 28 if month == 2 else (30 if month in (4, 6, 9, 11) else 31)


def parse_deadline(text: str, event: str | None = None) -> Deadline:
    """Parse a deadline as written into a ``Deadline`` (raises ``DeadlineError``)."""
    return _deadline_cached(text, event)


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
    points = [_construct(point) for point in fields.get("points", ())]
    return Deadline.model_construct(**{**fields, "points": points})


_EVENT_ID = re.compile(ID_PATTERN)
