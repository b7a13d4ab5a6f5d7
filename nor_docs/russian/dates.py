"""Dates as people write them: ``2021-10-10`` or ``10.10.2021`` (optionally with «г.»).

A module of its own, without pydantic: the models use it (``model/common.py``) and so does the
command line, which parses ``--today`` before it has imported the models.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

# The years a record's date (and ``--today``) may fall in. Offices write dates of this century;
# a year such as 9999 is a slip, and the date arithmetic of deadlines (a month, a quarter, an
# extension later) must never step past what a date can hold.
MIN_YEAR = 1900
MAX_YEAR = 2100

_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_RU = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})(?:\s*г\.?)?$")


def parse_date(value: Any) -> dt.date:
    """``2021-10-10`` or ``10.10.2021`` (optionally followed by «г.») → date; anything else fails,
    and so does a year outside ``MIN_YEAR``–``MAX_YEAR``."""
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        raise ValueError("дата пишется как 2021-10-10 или 10.10.2021")
    text = value.strip()
    match = _ISO.match(text)
    if match:
        year, month, day = (int(g) for g in match.groups())
    else:
        match = _RU.match(text)
        if not match:
            raise ValueError(f"«{value}» не дата; пишите 2021-10-10 или 10.10.2021")
        day, month, year = (int(g) for g in match.groups())
    try:
        day_ = dt.date(year, month, day)
    except ValueError:
        raise ValueError(f"такой даты нет: «{value}»") from None
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise ValueError(f"дата «{value}» вне допустимого: год — от {MIN_YEAR} до {MAX_YEAR}; проверьте год")
    return day_
