"""Execution marks, extensions and removals from control, kept apart from the protocols.

A signed protocol does not change; what happens to its assignments afterwards is written in
files under ``records/marks/`` (one per month or per executor reads well). Each entry names an
assignment by its id (``2021-09-29-kuznetsk#4.2`` or ``roadmap-id#2.1``) and, for a group
assignment, the member whose part it is.
"""

from __future__ import annotations

from typing import Annotated, ClassVar

from pydantic import Field

from .common import NUMBER_IN_REFERENCE, Date, ExecutorRef, PersonRef, Record, RefTo, Text

# ``<meeting or roadmap id>#<decision or item number>``: «2023-12-14-mun4-wg#3», «…#3-а».
ASSIGNMENT_ID_PATTERN = rf"^[a-z0-9][a-z0-9._-]*#{NUMBER_IN_REFERENCE}$"
AssignmentRef = Field(pattern=ASSIGNMENT_ID_PATTERN, description="Поручение: <id заседания или дорожной карты>#"
                      "<номер>, например 2024-03-05-wg#2")  # fmt: skip
MEMBER = "Для поручения группе или нескольким: чья это часть (id); без него — относится ко всем"


class ExecutionMark(Record):
    """«Исполнено»: the date and what confirms it. ``interim: true`` is a progress report that
    does not close the assignment."""

    assignment: Annotated[str, RefTo(("assignment",), "поручение")] = AssignmentRef
    member: ExecutorRef | None = Field(None, description=MEMBER)
    date: Date = Field(description="Дата исполнения: 2024-03-20")
    document: str | None = Field(None, description="Подтверждение: «письмо № 12 от 05.10.2021», «аналитическая "
                                                   "справка»")  # fmt: skip
    number: str | None = Field(None, description="Номер документа-подтверждения")
    link: str | None = Field(None, description="Ссылка на документ")
    note: str | None = Field(None, description="Примечание")
    interim: bool = Field(False, description="true — промежуточный отчёт: поручение не снимается с контроля")


class Extension(Record):
    """«Срок продлён»: a new date, on what basis, approved by whom (the one who gave it)."""

    assignment: Annotated[str, RefTo(("assignment",), "поручение")] = AssignmentRef
    member: ExecutorRef | None = Field(None, description=MEMBER)
    new_deadline: Date = Field(description="Новый срок: 2024-04-30")
    requested: Date | None = Field(None, description="Когда исполнитель попросил (до срока)")
    approved: Date = Field(description="Когда продление утверждено")
    approved_by: PersonRef = Field(description="id утвердившего (того, кто дал поручение)")
    basis: Text = Field(description="Основание: «служебная записка № 5 от 10.04.2024»")


class Cancellation(Record):
    """«Снято с контроля» without execution, by the one who gave the assignment."""

    assignment: Annotated[str, RefTo(("assignment",), "поручение")] = AssignmentRef
    member: ExecutorRef | None = Field(None, description=MEMBER)
    date: Date = Field(description="Дата снятия с контроля")
    by: PersonRef = Field(description="id снявшего (того, кто дал поручение)")
    basis: Text = Field(description="Основание: «протокол № 5 от 20.05.2024, п. 3»")


class MarksFile(Record):
    SCHEMA_DESCRIPTION: ClassVar[str] = "Файл отметок (records/marks/): исполнение, продления, снятия с контроля"

    marks: list[ExecutionMark] = Field(default_factory=list, description="Отметки об исполнении")
    extensions: list[Extension] = Field(default_factory=list, description="Продления сроков")
    cancellations: list[Cancellation] = Field(default_factory=list, description="Снятия с контроля")
