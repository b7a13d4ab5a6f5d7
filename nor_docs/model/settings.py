"""Office settings: how deadlines are read and how documents are written.

``records/settings.yaml`` is optional; every field has the default of a typical municipal
instruction (``../shared/domain.md``).
"""

from __future__ import annotations

import calendar
import re
from typing import Annotated, Any, ClassVar, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import AfterValidator, Field
from pydantic_core import PydanticCustomError, core_schema

from .analytics_settings import AnalyticsSettings
from .common import OrganizationRef, PersonRef, Record

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


class OfficeZone(str):
    """The office's time zone as written in the settings (a string, as written) and the zone it
    names: ``zone`` is None when the system knows no such zone — ``pipeline.load_checked`` reports
    it (NOR401), so nothing after the load path meets an unknown zone."""

    zone: ZoneInfo | None

    @classmethod
    def named(cls, name: str) -> OfficeZone:
        value = cls(name)
        try:
            value.zone = ZoneInfo(name)
        except (ZoneInfoNotFoundError, ValueError, OSError):  # «Europe» is a folder of zones, not one
            value.zone = None
        return value

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: Any) -> core_schema.CoreSchema:
        return core_schema.no_info_plain_validator_function(
            cls._validate, serialization=core_schema.plain_serializer_function_ser_schema(str)
        )

    @classmethod
    def __get_pydantic_json_schema__(cls, schema: Any, handler: Any) -> dict[str, Any]:
        return {"type": "string"}

    @classmethod
    def _validate(cls, value: Any) -> OfficeZone:
        if isinstance(value, OfficeZone):
            return value
        if not isinstance(value, str):
            raise PydanticCustomError("string_type", "Input should be a valid string")
        return cls.named(value)


DEFAULT_ZONE = OfficeZone.named("Europe/Moscow")
# Upper bounds that keep every deadline computed from the settings within the dates a record may
# hold (``dates.MAX_YEAR`` plus ten years): a default of ten million days is a slip, not a rule.
MAX_DEFAULT_DAYS = 3650
MAX_SHORT_DAYS = 365


class DeadlineSettings(Record):
    non_working_day: Literal["previous", "next", "none"] = Field(
        "previous", description="Срок в выходной или праздник: previous — на предыдущий рабочий день, next — на "
                                "следующий, none — не переносить")  # fmt: skip
    timezone: OfficeZone = Field(DEFAULT_ZONE, description="Часовой пояс управления: какой день «сегодня» "
                                                       "(Europe/Moscow, Asia/Yekaterinburg…)")  # fmt: skip
    # No deadline given: one calendar month from the issue date (31.01 → 28.02), as the
    # instructions say; a number of days instead when set. ``default_deadline: false`` — the
    # office's instruction has no such rule: «срок не установлен» is a status of its own.
    default_deadline: bool = Field(
        default=True,
        description="Срок не указан: контролировать по правилу «в течение месяца» (default_days), помечая срок "
                    "как срок по умолчанию; false — статус «срок не установлен», без даты",
    )  # fmt: skip
    default_days: int | None = Field(default=None, ge=1, le=MAX_DEFAULT_DAYS, description="Срок не указан: столько дней; пусто (null) — "
                                     "один календарный месяц от даты заседания")  # fmt: skip
    urgent_days: int = Field(default=3, ge=1, le=MAX_SHORT_DAYS, description="«Срочно»: столько дней")
    prompt_days: int = Field(default=10, ge=1, le=MAX_SHORT_DAYS, description="«Оперативно»: столько дней")
    standing_report: MonthDay = Field(default="01-20", description="«Постоянно»: отчёт "
                                 "к этому дню следующего года, ММ-ДД (01-20 — 20 января)")  # fmt: skip
    # «до конца 2023-2024 учебного года»: the school year formally ends on 31 August; an office
    # that means the end of lessons writes "05-31" (or "06-30"), day and month of the end year.
    school_year_end: SchoolYearEnd = Field(default="08-31", description="«До "
                                 "конца учебного года»: этот день, ММ-ДД (08-31; 05-31 — конец уроков)")  # fmt: skip
    recurring_day: int = Field(default=10, ge=1, le=31, description="«Ежемесячно», «ежеквартально» без числа: до "
                               "этого числа месяца, следующего за периодом")  # fmt: skip
    warn_days: int = Field(default=3, ge=0, le=MAX_SHORT_DAYS, description="«Срок истекает»: за столько рабочих дней до срока")


class DocumentSettings(Record):
    heard_case: Literal["nominative", "accusative"] = Field(
        "accusative", description="Падеж имени после «СЛУШАЛИ:»: accusative — «Иванову И.И.», nominative — "
                                  "«И.И. Иванов»")  # fmt: skip
    date_style: Literal["numeric", "words"] = Field("numeric", description="Даты в документах: numeric — "
                                                    "«05.06.2024», words — «5 июня 2024 г.»")  # fmt: skip
    attendees_list_limit: int = Field(default=15, ge=1, description="Больше присутствующих — «N чел. (список "
                                      "прилагается)» и список в приложении")  # fmt: skip
    organization: OrganizationRef | None = Field(
        default=None,
        description="Организация, от имени которой составляется контрольный лист (id из справочника): её "
                    "наименование — в шапке листа. Без неё — орган, давший поручения (или все такие органы).",
    )  # fmt: skip
    compiled_by: PersonRef | None = Field(
        default=None,
        description="Кто составляет контрольный лист (id человека): «Составил: должность, подпись, И.О. "
                    "Фамилия». Без него — строки для заполнения от руки; --compiled-by задаёт другого.",
    )  # fmt: skip
    typography: bool = Field(
        default=True,
        description="Типографика при сборке документов: неразрывные пробелы после «№», «с.», «г.», «им.», "
                    "в инициалах и перед единицами, тире вместо дефиса между пробелами, кавычки «ёлочки». "
                    "false — текст записей печатается как набран.",
    )  # fmt: skip
    # --- the order of names in lists (docs/protocols.md, «Порядок присутствующих и имён») ---
    attendees_order: Literal["alphabetical", "as-written"] = Field(
        "alphabetical", description="Порядок присутствующих: alphabetical — люди по алфавиту фамилий, потом группы "
                                    "(правило делопроизводства); as-written — как в записи")  # fmt: skip
    name_order: Literal["surname-first", "initials-first"] = Field(
        "surname-first", description="Имена в списках (присутствующие, исполнители в таблицах, дорожные карты): "
                                     "surname-first — «Гардымова Р.А.», initials-first — «Р.А. Гардымова»")  # fmt: skip


class Settings(Record):
    SCHEMA_DESCRIPTION: ClassVar[str] = "Настройки управления (records/settings.yaml)"

    deadlines: DeadlineSettings = Field(DeadlineSettings(), description="Как читаются сроки")
    documents: DocumentSettings = Field(DocumentSettings(), description="Как пишутся документы")
    analytics: AnalyticsSettings = Field(AnalyticsSettings(), description="Результаты оценочных процедур: "
                                         "импорт таблиц и анализ (nor-docs analyze)")  # fmt: skip
