"""Office settings: how deadlines are read and how documents are written.

``records/settings.yaml`` is optional; every field has the default of a typical municipal
instruction (``../shared/domain.md``).
"""

from __future__ import annotations

from typing import ClassVar, Literal

from pydantic import Field

from ..analytics.settings import AnalyticsSettings
from .common import OrganizationRef, PersonRef, Record


class DeadlineSettings(Record):
    non_working_day: Literal["previous", "next", "none"] = Field(
        "previous", description="Срок в выходной или праздник: previous — на предыдущий рабочий день, next — на "
                                "следующий, none — не переносить")  # fmt: skip
    timezone: str = Field("Europe/Moscow", description="Часовой пояс управления: какой день «сегодня» "
                                                       "(Europe/Moscow, Asia/Yekaterinburg…)")  # fmt: skip
    # No deadline given: one calendar month from the issue date (31.01 → 28.02), as the
    # instructions say; a number of days instead when set. ``default_deadline: false`` — the
    # office's instruction has no such rule: «срок не установлен» is a status of its own.
    default_deadline: bool = Field(
        default=True,
        description="Срок не указан: контролировать по правилу «в течение месяца» (default_days), помечая срок "
                    "как срок по умолчанию; false — статус «срок не установлен», без даты",
    )  # fmt: skip
    default_days: int | None = Field(default=None, ge=1, description="Срок не указан: столько дней; пусто (null) — "
                                     "один календарный месяц от даты заседания")  # fmt: skip
    urgent_days: int = Field(default=3, ge=1, description="«Срочно»: столько дней")
    prompt_days: int = Field(default=10, ge=1, description="«Оперативно»: столько дней")
    standing_report: str = Field(default="01-20", pattern=r"^\d{2}-\d{2}$", description="«Постоянно»: отчёт "
                                 "к этому дню следующего года, ММ-ДД (01-20 — 20 января)")  # fmt: skip
    # «до конца 2023-2024 учебного года»: the school year formally ends on 31 August; an office
    # that means the end of lessons writes "05-31" (or "06-30"), day and month of the end year.
    school_year_end: str = Field(default="08-31", pattern=r"^(0[5-8])-(0[1-9]|[12]\d|3[01])$", description="«До "
                                 "конца учебного года»: этот день, ММ-ДД (08-31; 05-31 — конец уроков)")  # fmt: skip
    recurring_day: int = Field(default=10, ge=1, le=31, description="«Ежемесячно», «ежеквартально» без числа: до "
                               "этого числа месяца, следующего за периодом")  # fmt: skip
    warn_days: int = Field(default=3, ge=0, description="«Срок истекает»: за столько рабочих дней до срока")


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


class Settings(Record):
    SCHEMA_DESCRIPTION: ClassVar[str] = "Настройки управления (records/settings.yaml)"

    deadlines: DeadlineSettings = Field(DeadlineSettings(), description="Как читаются сроки")
    documents: DocumentSettings = Field(DocumentSettings(), description="Как пишутся документы")
    analytics: AnalyticsSettings = Field(AnalyticsSettings(), description="Результаты оценочных процедур: "
                                         "импорт таблиц и анализ (nor-docs analyze)")  # fmt: skip
