"""A roadmap (дорожная карта, план мероприятий): sections of items with deadlines and executors.

One file per roadmap under ``records/roadmaps/``. Items are controlled like assignments; an
item's id is ``<roadmap id>#<item number>``.
"""

from __future__ import annotations

from typing import ClassVar

from pydantic import Field, model_validator

from .common import Date, DocNumber, ExecutorRef, ItemNumber, MeetingRef, OrganizationRef, Record, Ref, Text
from .deadline import DeadlineField
from .marks import ASSIGNMENT_ID_PATTERN


class Period(Record):
    start: Date = Field(description="Начало: 2024-01-01")
    end: Date = Field(description="Конец: 2024-12-31")

    @model_validator(mode="after")
    def _ordered(self) -> Period:
        if self.end < self.start:
            raise ValueError("конец периода раньше его начала")
        return self


class Approval(Record):
    """«УТВЕРЖДЕНО приказом … от … № …»."""

    by: Text = Field(description="Чем утверждена: «приказом Управления образования»")
    date: Date = Field(description="Дата приказа")
    number: DocNumber | None = Field(None, description="Номер приказа без «№»: 15-о")


class RoadmapItem(Record):
    number: ItemNumber = Field(description="Номер пункта: 1.2")
    activity: Text = Field(description="Мероприятие: «Провести диагностику рисковых профилей»")
    deadline: DeadlineField | None = Field(None, description="Срок, как он написан: «до 31.01.2024», «I квартал "
                                                             "2024 года», «ежемесячно»")  # fmt: skip
    executors: list[ExecutorRef] = Field(default_factory=list, description="Ответственные: id людей, организаций или групп")
    result: str | None = Field(None, description="Ожидаемый результат, показатель")
    reporting: str | None = Field(None, description="Форма отчётности: «аналитическая справка»")
    reported_at: MeetingRef | None = Field(None, description="id заседания, где доложен результат")


class RoadmapSection(Record):
    title: Text = Field(description="Заголовок раздела")
    items: list[RoadmapItem] = Field(default_factory=list, description="Мероприятия раздела")


class Roadmap(Record):
    SCHEMA_DESCRIPTION: ClassVar[str] = "Дорожная карта, план мероприятий (records/roadmaps/)"

    id: Ref | None = Field(None, description="id дорожной карты; по умолчанию — имя файла без .yaml")
    title: Text = Field(description="Заголовок: «Дорожная карта по реализации проекта «500+» на 2024 год»")
    issuer: OrganizationRef = Field(description="id организации, утвердившей карту, например uo")
    subject: OrganizationRef | None = Field(None, description="Для кого карта: id управления или школы")
    period: Period = Field(description="Период: {start: 2024-01-01, end: 2024-12-31}")
    approval: Approval | None = Field(None, description="Чем утверждена: {by: приказом …, date: …, number: …}")
    ordered_by: str | None = Field(default=None, pattern=ASSIGNMENT_ID_PATTERN, description="Решение, которым "
                                   "поручено составить карту: 2024-03-05-wg#2")  # fmt: skip
    sections: list[RoadmapSection] = Field(default_factory=list, description="Разделы с мероприятиями")
    items: list[RoadmapItem] = Field(default_factory=list, description="Мероприятия вне разделов")
