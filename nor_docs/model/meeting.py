"""A meeting and its protocol: attendance, agenda, who was heard, decisions and assignments.

One file per meeting under ``records/meetings/``; the file name (without ``.yaml``) is the
meeting id unless ``id:`` says otherwise. A decision with executors is an assignment; its id is
``<meeting id>#<decision number>`` (``2021-09-29-kuznetsk#4.2``), so it survives edits
elsewhere in the file. A signed protocol does not change: execution marks live apart (marks.py).
"""

from __future__ import annotations

from typing import Iterator, Literal

from pydantic import Field, model_validator

from .common import Date, DocNumber, Label, Record, Ref, Text, Time
from .deadline import DeadlineField


class Role(Record):
    """A person in a role of the meeting, with the position as this document writes it."""

    person: Ref
    label: str | None = None  # «Председатель», «Председательствовал», «Протокол вела»
    position: str | None = None  # overrides the directory for this document


class Signer(Record):
    """A signature block: the position as printed (may span lines) and the person."""

    person: Ref
    position: str | None = None


class Attendee(Record):
    """Someone present, absent or invited: a person, a group (maybe with a count), an
    organisation, or — where the protocol names nobody — a description as written."""

    person: Ref | None = None
    group: Ref | None = None
    organization: Ref | None = None
    position: str | None = None  # as written in this protocol
    role: str | None = None  # «зам. председателя», «секретарь», «технический специалист»
    note: str | None = None  # «по приглашению»
    count: int | None = Field(default=None, ge=1)  # «15 руководителей ОО»
    text: str | None = None  # the words of the protocol, for groups and unnamed attendees

    @model_validator(mode="after")
    def _one_kind(self) -> "Attendee":
        named = [x for x in (self.person, self.group, self.organization) if x is not None]
        if len(named) > 1:
            raise ValueError("участник — это person, group или organization (одно из них)")
        if not named and not self.text:
            raise ValueError("укажите person, group, organization или text")
        return self


class Speaker(Record):
    """A speaker on an agenda item: a person or a group, with the position as written."""

    person: Ref | None = None
    group: Ref | None = None
    position: str | None = None
    text: str | None = None  # the words of the protocol for a group speaker, as written

    @model_validator(mode="after")
    def _one_kind(self) -> "Speaker":
        if (self.person is None) == (self.group is None):
            raise ValueError("докладчик — это person или group (ровно одно)")
        return self


class AnalysisCitation(Record):
    """The analysis of results a speaker reported (``nor_docs/analytics``): the protocol prints its
    schools with their evidence lines, so nobody retypes the numbers."""

    rule: Ref | None = Field(default=None, description="Правило отбора (id из records/rules/); без него — правило, "
                             "которое nor-docs analyze берёт по умолчанию")  # fmt: skip
    years: list[int] = Field(default_factory=list, description="Годы анализа, если не те, что называет правило")
    schools: list[Ref] = Field(default_factory=list, description="Только эти школы (id); по умолчанию — все, "
                               "отвечающие правилу")  # fmt: skip


class Statement(Record):
    """СЛУШАЛИ / ВЫСТУПИЛИ: who, with the position as written, and what they said.

    ``text`` is paragraphs separated by blank lines; a line starting with «- » is a list item.
    With ``analysis``, the schools the analysis identified and their evidence follow the text, then
    ``text_after``.
    """

    person: Ref
    position: str | None = None
    text: str | None = None
    analysis: AnalysisCitation | None = Field(default=None, description="Анализ результатов, о котором докладывали: "
                                              "школы, отвечающие правилу, и основания печатаются после текста")  # fmt: skip
    text_after: str | None = Field(default=None, description="Текст выступления после выводов анализа")


class Decision(Record):
    """A numbered decision (РЕШИЛИ / ПОСТАНОВИЛИ), possibly nested (1, 1.3, 1.3.1).

    With executors (its own or a parent's) and ``on_control`` it is an assignment. In the
    document the sentence is composed: executors in the dative (or ``addressed_to`` verbatim,
    or nothing when ``executors_in_text`` is false), then ``text``, then the deadline as written,
    after a comma (``…МОУ, в срок до 27.02.2023``) or, with ``deadline_comma: false``, after a
    space only (``…ДК» в срок до 31.01.2024 г.``, ``…качества (на постоянной основе)``).
    """

    number: Label
    text: Text
    executors: list[Ref] = Field(default_factory=list)
    addressed_to: str | None = None  # «Руководству МБОУ «СОШ с. Ушаковка»» verbatim
    executors_in_text: bool = True
    deadline: DeadlineField | None = None
    deadline_comma: bool = True  # false: the source puts no comma before the deadline
    controller: Ref | None = None  # who controls execution
    on_control: bool = True  # false for «принять к сведению» and headings
    bullets: list[Text] = Field(default_factory=list)
    decisions: list["Decision"] = Field(default_factory=list)


class AgendaItem(Record):
    """An agenda item: number, title, speakers; then what was heard, said and decided."""

    number: Label
    title: Text
    speakers: list[Speaker] = Field(default_factory=list)
    appendix: Label | None = None  # the appendix the item refers to («(приложение 1)»)
    items: list["AgendaItem"] = Field(default_factory=list)  # sub-items: 2.1, 2.2
    heard: list[Statement] = Field(default_factory=list)  # СЛУШАЛИ
    spoke: list[Statement] = Field(default_factory=list)  # ВЫСТУПИЛИ
    decisions: list[Decision] = Field(default_factory=list)


class Table(Record):
    header: list[str] = Field(default_factory=list)
    rows: list[list[str]]


class Appendix(Record):
    """An appendix: title (and a subtitle line), text, a table, and text after the table."""

    number: Label
    title: Text
    subtitle: str | None = None  # «(подведение итогов реализации проекта «500+» …)»
    text: str | None = None
    table: Table | None = None
    text_after: str | None = None  # paragraphs that follow the table


class Result(Record):
    """One line of results data: participants and low marks, and the percentage as stated."""

    organization: Ref
    procedure: Text  # ВПР, ОГЭ, ЕГЭ
    subject: str | None = None
    grade: int | None = Field(default=None, ge=1, le=11)
    year: int = Field(ge=2000, le=2100)
    participants: int = Field(ge=1)
    low: int = Field(ge=0)  # got «2» / did not pass the minimum threshold
    percent: float | None = Field(default=None, ge=0, le=100)  # as the source states it

    @model_validator(mode="after")
    def _low_within_participants(self) -> "Result":
        if self.low > self.participants:
            raise ValueError(f"low ({self.low}) больше числа участников ({self.participants})")
        return self


class MeetingFormat(Record):
    mode: Literal["очно", "ВКС", "очно и ВКС"] = "очно"
    platform: str | None = None  # «Сферум»


class Meeting(Record):
    """A meeting record: everything its protocol says."""

    id: Ref | None = None
    document: Literal["protocol", "extract"] = "protocol"
    kind: Text  # «заседание рабочей группы», «совещание руководителей»…
    title: Text  # the genitive title: «заседания рабочей группы по реализации проекта …»
    issuer: Ref  # the organisation that holds the meeting
    number: DocNumber | None = None
    date: Date
    time: Time | None = None
    place: str | None = None
    format: MeetingFormat | None = None
    theme: str | None = None  # «Тема совещания: …»
    intro: str | None = None  # narrative before the main part
    chair: Role | None = None
    secretary: Role | None = None
    signers: list[Signer] = Field(default_factory=list)
    attendees: list[Attendee] = Field(default_factory=list)
    invited: list[Attendee] = Field(default_factory=list)
    absent: list[Attendee] = Field(default_factory=list)
    agenda: list[AgendaItem] = Field(default_factory=list)
    decisions: list[Decision] = Field(default_factory=list)  # decisions taken for the meeting as a whole
    decision_word: Literal["РЕШИЛИ", "ПОСТАНОВИЛИ"] = "РЕШИЛИ"
    assignments_layout: Literal["text", "table"] = "text"
    appendices: list[Appendix] = Field(default_factory=list)
    results: list[Result] = Field(default_factory=list)
    template: str | None = None  # a template under templates/ for this meeting

    def all_decisions(self) -> Iterator[tuple[tuple, Decision, list[str]]]:
        """Every decision, depth first, with its path in the record and effective executors."""

        def walk(decisions, loc, inherited):
            for i, decision in enumerate(decisions):
                executors = decision.executors or inherited
                yield loc + (i,), decision, executors
                yield from walk(decision.decisions, loc + (i, "decisions"), executors)

        for i, item in enumerate(self.agenda):
            yield from walk(item.decisions, ("agenda", i, "decisions"), [])
            for j, sub in enumerate(item.items):
                yield from walk(sub.decisions, ("agenda", i, "items", j, "decisions"), [])
        yield from walk(self.decisions, ("decisions",), [])
