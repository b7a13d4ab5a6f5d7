"""Links between records: a later document acting on an earlier assignment, and documents that
review or implement others.

- ``Action`` (``Decision.acts_on``): «снять с контроля п. 3 протокола № 2 как исполненный»,
  «продлить срок исполнения п. 2 до 01.06.2024», «снять с контроля п. 4» — what a decision does
  to an assignment given earlier. The control layer (``control/links.py``) turns each action into
  the execution mark, extension or cancellation that ``records/marks/`` would hold, with the
  document as their basis (``DocumentMark``, ``DocumentExtension``, ``DocumentCancellation``:
  the marks model with where they come from).
- ``LinkTarget`` (``Meeting.reviews`` / ``Meeting.implements`` / ``AgendaItem.reviews``): the
  documents a document reviews («Об исполнении решения … № 31/16», «О выполнении решений
  предыдущего педсовета») or implements («Во исполнение пункта 1.2 Плана …»): a record, an
  assignment, or a paper that is not in the records, cited as written.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, model_validator

from .common import Date, ExecutorRef, ItemNumber, Label, Record, Ref, RefTo, Text
from .deadline import DeadlineField
from .marks import ASSIGNMENT_ID_PATTERN, AssignmentRef, Cancellation, ExecutionMark, Extension

# What a later document does to an earlier assignment.
ActionKind = Literal["done", "extend", "cancel", "review", "amend"]
# The actions that change an assignment's status; «review» and «amend» are only shown.
STATUS_ACTIONS = ("done", "extend", "cancel")


class Action(Record):
    """What one decision does to an assignment given earlier (``Decision.acts_on``)."""

    assignment: Annotated[str, RefTo(("assignment",), "поручение")] = AssignmentRef
    member: ExecutorRef | None = Field(None, description="Для поручения группе или нескольким: чья это часть (id); "
                                       "без member и members — относится ко всем")  # fmt: skip
    members: list[ExecutorRef] = Field(default_factory=list, description="Чьи части, если их несколько: [sosh-3, "
                                       "sosh-5]")  # fmt: skip
    action: ActionKind = Field(description="Что решение делает с поручением: done — снимает с контроля как "
                               "исполненное, extend — продлевает срок (new_deadline), cancel — снимает с контроля без "
                               "исполнения, review — рассматривает ход исполнения, amend — изменяет поручение")  # fmt: skip
    new_deadline: DeadlineField | None = Field(None, description="Для extend — новый срок, как он написан: «до "
                                               "01.06.2024», «в течение 10 рабочих дней»")  # fmt: skip
    note: str | None = Field(None, description="Примечание: «в части МБОУ СОШ № 3»")

    @model_validator(mode="after")
    def _consistent(self) -> Action:
        if self.member is not None and self.members:
            raise ValueError("укажите member (одного исполнителя) или members (список), не оба")
        if self.action == "extend" and self.new_deadline is None:
            raise ValueError("продление (action: extend) без нового срока: добавьте new_deadline: «до …»")
        if self.action != "extend" and self.new_deadline is not None:
            raise ValueError(f"new_deadline бывает только у продления (action: extend), а здесь action: {self.action}")
        return self

    def parts(self) -> tuple[str | None, ...]:
        """The members this action is for; ``(None,)`` — every part of the assignment."""
        if self.members:
            return tuple(self.members)
        return (self.member,)


class LinkTarget(Record):
    """A document (or an assignment) this one links to: a record by id, an assignment by
    ``<id>#<номер>``, or a paper that is not in the records, as written."""

    record: Annotated[Ref, RefTo(("meeting", "roadmap"), "документ")] | None = Field(
        None, description="id заседания или дорожной карты из records/: 2018-08-24-priluzsky-31-16")
    assignment: Annotated[str, Field(pattern=ASSIGNMENT_ID_PATTERN), RefTo(("assignment",), "поручение")] | None = (
        Field(None, description="Поручение: <id заседания или дорожной карты>#<номер>, например 2024-02-10-wg#3"))
    cite: str | None = Field(None, description="Документ, которого нет в записях, как он написан: «решение Совета "
                                               "муниципального района от 24 августа 2018 года N 31/16»")  # fmt: skip
    item: ItemNumber | None = Field(None, description="Для record — пункт документа, если не весь документ: 3")

    @model_validator(mode="after")
    def _one_target(self) -> LinkTarget:
        named = [x for x in (self.record, self.assignment, self.cite) if x is not None]
        if len(named) != 1:
            raise ValueError("ссылка — это record (id документа), assignment (<id>#<номер>) или cite (как написано): "
                             "ровно одно")  # fmt: skip
        if self.item is not None and self.record is None:
            raise ValueError("item указывается только вместе с record")
        return self


# What a report's status means, for the comparison with the marks (``checks/links.py``, NOR217).
Meaning = Literal["done", "not-done", "in-progress", "extended", "cancelled"]


class ReportEntry(Record):
    """A line of a report on execution («Информация о ходе исполнения»): what it says of an
    assignment (or of some of its executors) as of the report's date, in its own words."""

    number: Label | None = Field(None, description="Номер строки отчёта, как в документе: 1")
    assignment: Annotated[str, Field(pattern=ASSIGNMENT_ID_PATTERN), RefTo(("assignment",), "поручение")] | None = (
        Field(None, description="О каком поручении: <id заседания>#<номер>, например 2021-05-31-sovesh#1.3; нет — "
                                "строка не о поручении из записей"))  # fmt: skip
    members: list[ExecutorRef] = Field(default_factory=list, description="Чьи части (id); пусто — все исполнители "
                                       "поручения")  # fmt: skip
    status: Text = Field(description="Статус, как он написан: «изменения внесены», «поручение не выполнено»")
    meaning: Meaning | None = Field(None, description="Что это значит для контроля: done — исполнено, not-done — не "
                                    "исполнено, in-progress — в работе, срок не прошёл, extended — срок продлён, "
                                    "cancelled — снято с контроля; по нему отчёт сверяется с отметками")  # fmt: skip
    text: str | None = Field(None, description="Что сделано или почему нет, как написано: «Локальный акт ГБДОУ №113 "
                                               "от 14.04.2016 …»")  # fmt: skip
    new_deadline: DeadlineField | None = Field(None, description="Новый срок этим исполнителям, как написан: "
                                               "«Срок: до 21.06.2021» — продление от даты отчёта")  # fmt: skip
    closes: bool = Field(False, description="true — «исполнено» здесь и есть отметка об исполнении (датой отчёта); по "
                                            "умолчанию отчёт ничего не закрывает")  # fmt: skip

    @model_validator(mode="after")
    def _consistent(self) -> ReportEntry:
        if self.closes and self.meaning != "done":
            raise ValueError("closes: true — только для строки «исполнено» (meaning: done)")
        if (self.new_deadline is not None or self.closes or self.members) and self.assignment is None:
            raise ValueError("new_deadline, closes и members — только вместе с assignment (о каком поручении строка)")
        return self


class ActingDocument(Record):
    """Where a mark, an extension or a cancellation made by a document comes from."""

    record: Ref = Field(description="id документа (заседания), решение которого действует на поручение")
    number: str | None = Field(None, description="Номер решения (пункта) в этом документе: 2; нет — документ в целом")
    date: Date = Field(description="Дата документа")
    citation: Text = Field(description="Ссылка на решение: «Протокол от 20.05.2024 № 5, п. 2»")
    citation_by: Text = Field(description="Она же в творительном падеже: «протоколом от 20.05.2024 № 5, п. 2»")
    file: str = Field(description="Файл записи документа")
    line: int = Field(description="Строка действия (acts_on) в файле")


class DocumentMark(ExecutionMark):
    """An execution mark made by a later document («снять с контроля как исполненное»)."""

    acted_by: ActingDocument = Field(description="Документ, решением которого поручение снято с контроля")


class DocumentExtension(Extension):
    """An extension made by a later document («продлить срок исполнения п. 2 до …»)."""

    acted_by: ActingDocument = Field(description="Документ, решением которого продлён срок")


class DocumentCancellation(Cancellation):
    """A removal from control by a later document («снять с контроля п. 3»)."""

    acted_by: ActingDocument = Field(description="Документ, решением которого поручение снято с контроля")
