"""Office settings: how deadlines are read and how documents are written.

``records/settings.yaml`` is optional; every field has the default of a typical municipal
instruction (``../shared/domain.md``).
"""

from __future__ import annotations

import calendar
import re
from typing import Annotated, Literal

from pydantic import AfterValidator, Field

from .common import Record

_MONTH_DAY = re.compile(r"^(\d{2})-(\d{2})$")


def _month_day(months: range, example: str):
    """A day of the year written «ММ-ДД» (a leap year's days allowed), in one of ``months``."""

    def check(value: str) -> str:
        match = _MONTH_DAY.match(value)
        if not match:
            raise ValueError(f"«{value}» — не день года; пишите ММ-ДД, например {example}")
        month, day = int(match.group(1)), int(match.group(2))
        if month not in months or not 1 <= day <= calendar.monthrange(2024, month)[1]:
            allowed = "" if months == range(1, 13) else f" (месяц — с {months.start:02d} по {months.stop - 1:02d})"
            raise ValueError(f"«{value}» — такого дня нет{allowed}; пишите ММ-ДД, например {example}")
        return value

    return AfterValidator(check)


_DAY = r"(0[1-9]|[12]\d|3[01])"
MonthDay = Annotated[str, _month_day(range(1, 13), "01-20"),
                     Field(json_schema_extra={"pattern": rf"^(0[1-9]|1[0-2])-{_DAY}$"})]  # fmt: skip
SchoolYearEnd = Annotated[str, _month_day(range(5, 9), "05-31"),
                          Field(json_schema_extra={"pattern": rf"^(0[5-8])-{_DAY}$"})]  # fmt: skip
# Upper bounds that keep every deadline computed from the settings within the dates a record may
# hold (``dates.MAX_YEAR`` plus ten years): a default of ten million days is a slip, not a rule.
MAX_DEFAULT_DAYS = 3650
MAX_SHORT_DAYS = 365


class DeadlineSettings(Record):
    non_working_day: Literal["previous", "next", "none"] = "previous"
    timezone: str = "Europe/Moscow"
    # No deadline given: one calendar month from the issue date (31.01 → 28.02), as the
    # instructions say; a number of days instead when set.
    default_days: int | None = Field(default=None, ge=1, le=MAX_DEFAULT_DAYS)
    urgent_days: int = Field(default=3, ge=1, le=MAX_SHORT_DAYS)  # «срочно»
    prompt_days: int = Field(default=10, ge=1, le=MAX_SHORT_DAYS)  # «оперативно»
    standing_report: MonthDay = "01-20"  # «постоянно»
    # «до конца 2023-2024 учебного года»: the school year formally ends on 31 August; an office
    # that means the end of lessons writes "05-31" (or "06-30"), day and month of the end year.
    school_year_end: SchoolYearEnd = "08-31"
    recurring_day: int = Field(default=10, ge=1, le=31)  # «ежемесячно» without a day
    warn_days: int = Field(default=3, ge=0, le=MAX_SHORT_DAYS)  # «срок истекает» within N working days


class DocumentSettings(Record):
    heard_case: Literal["nominative", "accusative"] = "accusative"  # after «СЛУШАЛИ:»
    date_style: Literal["numeric", "words"] = "numeric"
    attendees_list_limit: int = Field(default=15, ge=1)  # more → «N чел. (список прилагается)»


class Settings(Record):
    deadlines: DeadlineSettings = DeadlineSettings()
    documents: DocumentSettings = DocumentSettings()
