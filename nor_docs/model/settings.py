"""Office settings: how deadlines are read and how documents are written.

``records/settings.yaml`` is optional; every field has the default of a typical municipal
instruction (``../shared/domain.md``).
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from ..analytics.settings import AnalyticsSettings
from .common import Record


class DeadlineSettings(Record):
    non_working_day: Literal["previous", "next", "none"] = "previous"
    timezone: str = "Europe/Moscow"
    # No deadline given: one calendar month from the issue date (31.01 → 28.02), as the
    # instructions say; a number of days instead when set.
    default_days: int | None = Field(default=None, ge=1)
    urgent_days: int = Field(default=3, ge=1)  # «срочно»
    prompt_days: int = Field(default=10, ge=1)  # «оперативно»
    standing_report: str = Field(default="01-20", pattern=r"^\d{2}-\d{2}$")  # «постоянно»
    # «до конца 2023-2024 учебного года»: the school year formally ends on 31 August; an office
    # that means the end of lessons writes "05-31" (or "06-30"), day and month of the end year.
    school_year_end: str = Field(default="08-31", pattern=r"^(0[5-8])-(0[1-9]|[12]\d|3[01])$")
    recurring_day: int = Field(default=10, ge=1, le=31)  # «ежемесячно» without a day
    warn_days: int = Field(default=3, ge=0)  # «срок истекает» within N working days


class DocumentSettings(Record):
    heard_case: Literal["nominative", "accusative"] = "accusative"  # after «СЛУШАЛИ:»
    date_style: Literal["numeric", "words"] = "numeric"
    attendees_list_limit: int = Field(default=15, ge=1)  # more → «N чел. (список прилагается)»


class Settings(Record):
    deadlines: DeadlineSettings = DeadlineSettings()
    documents: DocumentSettings = DocumentSettings()
    analytics: AnalyticsSettings = AnalyticsSettings()  # results import and analysis (nor_docs/analytics)
