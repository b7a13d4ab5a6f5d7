"""A roadmap (дорожная карта, план мероприятий): sections of items with deadlines and executors.

One file per roadmap under ``records/roadmaps/``. Items are controlled like assignments; an
item's id is ``<roadmap id>#<item number>``.

A roadmap is printed in the shape of its paper: the approval stamp as written
(``Approval.as_written``), the columns it declares (``Roadmap.columns``: which fields, in which
order, under which headers; ``COLUMN_FIELDS`` lists the fields, ``extra.<key>`` a source column
kept in ``RoadmapItem.extra``), numbered sections. A deadline written inside an activity is marked
there as in a decision's text (``[[…]]``, ``model/deadline.py``): each mark is a control point of the
item beside its ``deadline`` (``RoadmapItem.control_deadline``).
"""

from __future__ import annotations

from typing import Annotated, ClassVar

from pydantic import AfterValidator, Field, model_validator
from pydantic_core import PydanticCustomError

from .common import Date, DocNumber, ExecutorRef, ItemNumber, Label, MeetingRef, OrganizationRef, Record, Ref, Text
from .deadline import (
    Deadline,
    DeadlineError,
    DeadlineField,
    NoDeadline,
    RecurringDeadline,
    SeveralDeadline,
    StandingDeadline,
    split_marked,
)
from .marks import ASSIGNMENT_ID_PATTERN

# What a column of the plan table may show (``Roadmap.columns[].field``), besides ``extra.<key>``:
# the item's fields, and ``mark`` — the execution column (the status as of a day, where the result
# was reported).
COLUMN_FIELDS = ("number", "activity", "deadline", "executors", "result", "reporting", "reported_at", "mark")
EXTRA_PREFIX = "extra."


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
    appendix: Label | None = Field(None, description="Номер приложения к приказу, которым стала карта: 2")
    word: str | None = Field(None, description="Слово грифа, если не «УТВЕРЖДЕНО»: «УТВЕРЖДЕНА», «УТВЕРЖДЁН»")
    as_written: str | None = Field(None, description="Гриф, как он напечатан, строка в строку (as_written: |-): "
                                   "«Приложение N 2 / к приказу … / от 13 ноября 2015 г. N 5976»; печатается вместо "
                                   "составленного «УТВЕРЖДЕНО …»")  # fmt: skip


def _marks_read(text: str) -> str:
    """An activity's deadline marks (``[[…]]``) must read as a decision's do; the text keeps them
    (``RoadmapItem.activity_text`` prints it without)."""
    try:
        split_marked(text)
    except DeadlineError as error:
        raise PydanticCustomError("deadline", str(error).replace("в тексте решения", "в тексте мероприятия")) from None
    return text


class RoadmapItem(Record):
    number: ItemNumber = Field(description="Номер пункта: 1.2")
    activity: Annotated[Text, AfterValidator(_marks_read)] = Field(
        description="Мероприятие: «Провести диагностику рисковых профилей»; срок внутри текста отмечается [[…]] и "
                    "контролируется рядом со сроком пункта: «(в срок до [[10 августа 2015 года]])»")
    deadline: DeadlineField | None = Field(None, description="Срок, как он написан: «до 31.01.2024», «I квартал "
                                                             "2024 года», «ежемесячно»")  # fmt: skip
    executors: list[ExecutorRef] = Field(default_factory=list, description="Ответственные: id людей, организаций или групп")
    result: str | None = Field(None, description="Ожидаемый результат, показатель")
    reporting: str | None = Field(None, description="Форма отчётности: «аналитическая справка»")
    reported_at: MeetingRef | None = Field(None, description="id заседания, где доложен результат")
    extra: dict[str, str] = Field(default_factory=dict, description="Графы источника, для которых нет поля: "
                                  "{financing: «средства бюджета»}; печатаются столбцом extra.<ключ> из columns")  # fmt: skip

    @model_validator(mode="after")
    def _marks_beside_deadline(self) -> RoadmapItem:
        marked = self.deadline_in_text
        if marked is not None and self.deadline is not None and (_alone(self.deadline) or _alone(marked)):
            alone = self.deadline if _alone(self.deadline) else marked
            raise PydanticCustomError(
                "deadline", f"срок «{alone.as_written}» не бывает контрольной точкой рядом с другим: у пункта срок "
                f"«{self.deadline.as_written}» и срок в тексте мероприятия [[{marked.as_written}]] — оставьте один")  # fmt: skip
        return self

    @property
    def activity_text(self) -> str:
        """The activity as the paper reads: the deadline marks' words in place of the marks."""
        return split_marked(self.activity)[0]

    @property
    def deadline_in_text(self) -> Deadline | None:
        """The deadline the activity's marks make (``in_text``), or None."""
        return split_marked(self.activity)[1]

    @property
    def control_deadline(self) -> Deadline | None:
        """What is controlled: ``deadline`` and the activity's marks, each mark a control point
        beside it (the marks first, as the row reads: «… (в срок до 10 августа 2015 года)» |
        «июль - август 2015»)."""
        marked = self.deadline_in_text
        if marked is None or self.deadline is None:
            return marked or self.deadline
        points = [*_points(marked), *_points(self.deadline)]
        written = f"{marked.as_written}; {self.deadline.as_written}"
        return SeveralDeadline.model_construct(kind="several", as_written=written, points=points, in_text=False)


def _alone(deadline: Deadline) -> bool:
    """A deadline that is no control point beside others («постоянно», «ежемесячно», «не указан»)."""
    return isinstance(deadline, (StandingDeadline, RecurringDeadline, NoDeadline))


def _points(deadline: Deadline) -> list:
    return list(deadline.points) if isinstance(deadline, SeveralDeadline) else [deadline]


class Column(Record):
    """A column of the plan table as the paper has it: which field, under which header."""

    field: str = Field(description="Что в столбце: number, activity, deadline, executors, result, reporting, "
                       "reported_at, mark (отметка о выполнении) или extra.<ключ>")  # fmt: skip
    header: Text | None = Field(None, description="Заголовок столбца, как в документе: «Направления деятельности»; "
                                "по умолчанию — обычный («Мероприятие»)")  # fmt: skip


class RoadmapSection(Record):
    number: Label | None = Field(None, description="Номер раздела, как в документе: I → строка «I. Заголовок»")
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
    columns: list[Column] = Field(default_factory=list, description="Столбцы таблицы, как в документе, по порядку: "
                                  "[{field: number, header: N}, {field: activity, header: Направления "
                                  "деятельности}, …]; не указаны — обычные, без пустых во всех строках")  # fmt: skip
    ordered_by: str | None = Field(default=None, pattern=ASSIGNMENT_ID_PATTERN, description="Решение, которым "
                                   "поручено составить карту: 2024-03-05-wg#2")  # fmt: skip
    sections: list[RoadmapSection] = Field(default_factory=list, description="Разделы с мероприятиями")
    items: list[RoadmapItem] = Field(default_factory=list, description="Мероприятия вне разделов")
