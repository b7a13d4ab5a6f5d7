"""Dates and times as protocol headings write them.

«31.10.2023», «31.10.23», «от 22.05.2014 года», «06 ноября 2017», «"05" июня 2024 г.»,
««15» марта 2024 г.»; times «11.00», «15:00», «14 ч. 00 мин.», «в 14.00». ``find_date`` gives the
first date in a text as ``DD.MM.YYYY`` (what records write) and whether the year was written with
two digits (then a person should look).
"""

from __future__ import annotations

import datetime as dt
import re

_GENITIVE = ("января", "февраля", "марта", "апреля", "мая", "июня",
             "июля", "августа", "сентября", "октября", "ноября", "декабря")  # fmt: skip
_NUMERIC = re.compile(r"(?<![\d.])(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})(?![\d])")
_ISO = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")
_WORDS = re.compile(r"[«\"“]?(?<!\d)(\d{1,2})[»\"”]?\s+(" + "|".join(_GENITIVE) + r")\s+(\d{4})(?!\d)", re.I)
_TIME_LABELLED = re.compile(r"(?:время(?:\s+проведения)?|начало(?:\s+заседания|\s+совещания)?)\s*[:—–-]?\s*"
                            r"(?:в\s+)?(\d{1,2})\s*(?:[.:]|ч\.?)\s*(\d{2})", re.I)  # fmt: skip
_TIME_HOURS = re.compile(r"(?<!\d)(\d{1,2})\s*ч\.?\s*(\d{2})\s*мин", re.I)
_TIME_AFTER_DATE = re.compile(r"\d{4}(?:\s*г\.?|\s*года)?,?\s+(?:в\s+)?(\d{1,2})[.:](\d{2})(?![\d.])")


def _valid(day: int, month: int, year: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def find_date(text: str) -> tuple[str, bool] | None:
    """(``DD.MM.YYYY``, the year had two digits) for the first date in ``text``."""
    found: list[tuple[int, dt.date, bool]] = []
    for match in _NUMERIC.finditer(text):
        day, month, year = int(match.group(1)), int(match.group(2)), match.group(3)
        short = len(year) == 2
        value = _valid(day, month, 2000 + int(year) if short else int(year))
        if value is not None:
            found.append((match.start(), value, short))
    for match in _ISO.finditer(text):
        value = _valid(int(match.group(3)), int(match.group(2)), int(match.group(1)))
        if value is not None:
            found.append((match.start(), value, False))
    for match in _WORDS.finditer(text):
        value = _valid(int(match.group(1)), _GENITIVE.index(match.group(2).lower()) + 1, int(match.group(3)))
        if value is not None:
            found.append((match.start(), value, False))
    if not found:
        return None
    _pos, value, short = min(found, key=lambda f: f[0])
    return value.strftime("%d.%m.%Y"), short


def find_time(text: str) -> str | None:
    """«HH:MM» for a time of the meeting in ``text``."""
    for pattern in (_TIME_LABELLED, _TIME_HOURS, _TIME_AFTER_DATE):
        match = pattern.search(text)
        if match:
            hours, minutes = int(match.group(1)), int(match.group(2))
            if hours <= 23 and minutes <= 59:
                return f"{hours:02d}:{minutes:02d}"
    return None


def strip_dates(text: str) -> str:
    """``text`` without its dates and the «от» before them."""
    for pattern in (_WORDS, _NUMERIC, _ISO):
        text = re.sub(r"(?:\bот\s+)?" + pattern.pattern + r"(?:\s*(?:года|г\.?))?", " ", text, flags=re.I)
    return " ".join(text.split())
