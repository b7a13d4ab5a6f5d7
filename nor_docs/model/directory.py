"""The directory: organisations, people and groups that records refer to by id.

Files under ``records/directory/`` each hold any of ``organizations:``, ``people:`` and
``groups:`` (one file per municipality reads well). Names are written once, in the nominative;
the documents derive every other case from them.
"""

from __future__ import annotations

from typing import Annotated, ClassVar, Literal

from pydantic import Field, model_validator

from .common import OrganizationRef, Record, Ref, RefTo, Text

OrgKind = Literal[
    "управление образования",
    "орган власти",
    "школа",
    "ППМС-центр",
    "институт",
    "центр",
    "муниципалитет",
    "иное",
]


class Organization(Record):
    """An organisation: an education office, a school, a centre, an institute."""

    id: Ref = Field(description="Короткий id латиницей, на него ссылаются записи: sosh-3, kamenka-uo")
    name: Text = Field(description="Полное наименование, как в официальных документах")
    short_name: Text | None = Field(None, description="Краткое наименование: «МОУ СОШ с. Кикино»")
    kind: OrgKind = Field(description="Вид организации: школа, управление образования, центр…")
    municipality: str | None = Field(None, description="Муниципалитет: «Каменский район»")
    # Other spellings met in documents that are known to mean this organisation; text that uses
    # a near-miss of a name that is *not* listed here is reported by validate (NOR202).
    aliases: list[Text] = Field(default_factory=list, description="Другие написания того же названия в документах "
                                "(иначе validate предупредит о расхождении)")  # fmt: skip
    parent: OrganizationRef | None = Field(None, description="id вышестоящей организации (для отдела — управление)")

    @property
    def display_name(self) -> str:
        return self.short_name or self.name

    @property
    def spellings(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys((self.name, self.display_name, *self.aliases)))


class PositionForms(Record):
    """A position in the cases a document puts it in, where the dictionary cannot derive them."""

    genitive: Text | None = Field(default=None, description="Родительный падеж: «тьютора проекта «Лидер»».")
    dative: Text | None = Field(default=None, description="Дательный падеж: «тьютору проекта «Лидер»».")
    accusative: Text | None = Field(
        default=None, description="Винительный падеж (после «СЛУШАЛИ:»): «тьютора проекта «Лидер»».",
    )


class Person(Record):
    """A person as the documents name them: «Фамилия И.О. — должность»."""

    id: Ref = Field(description="Короткий id латиницей, на него ссылаются записи: ivanova, kamenka-petrov")
    surname: Text = Field(description="Фамилия в именительном падеже: Иванова")
    first_name: Text | None = Field(None, description="Имя: Мария")
    patronymic: Text | None = Field(None, description="Отчество: Петровна")
    # Initials when the full name is not known: «И.В.»; derived from the names otherwise.
    initials: str | None = Field(default=None, pattern=r"^([А-ЯЁA-Z]\.\s?){1,2}$",
                                 description="Инициалы, если имя неизвестно: «И.В.»")  # fmt: skip
    gender: Literal["f", "m"] | None = Field(None, description="Пол (f или m), если его не видно по фамилии и "
                                                               "отчеству — для падежей")  # fmt: skip
    position: str | None = Field(None, description="Должность строчными, в именительном падеже: «директор МОУ СОШ "
                                                   "№ 3»")  # fmt: skip
    position_forms: PositionForms | None = Field(
        default=None,
        description="Должность в других падежах, если словарь её не склоняет (validate: NOR210): "
                    "genitive, dative, accusative.",
    )  # fmt: skip
    organization: OrganizationRef | None = Field(None, description="id организации, где работает, например sosh-3")

    @model_validator(mode="after")
    def _needs_a_name(self) -> Person:
        if not self.first_name and not self.initials:
            raise ValueError("у человека нужно имя (first_name) или инициалы (initials: И.В.)")
        if self.patronymic and not self.first_name:
            raise ValueError("отчество без имени: укажите first_name или только initials")
        return self

    @property
    def initials_text(self) -> str:
        """«И.В.» from the names, or the initials as given."""
        if self.first_name:
            parts = [self.first_name[0] + "."]
            if self.patronymic:
                parts.append(self.patronymic[0] + ".")
            return "".join(parts)
        return (self.initials or "").replace(" ", "")

    @property
    def short(self) -> str:
        """«Фамилия И.О.» with a non-breaking space, as attendee lists write it."""
        return f"{self.surname}\u00a0{self.initials_text}"

    @property
    def short_initials_first(self) -> str:
        """«И.О. Фамилия», as signatures write it."""
        return f"{self.initials_text}\u00a0{self.surname}"


class GroupMember(Record):
    """A member of a group: a person or an organisation (exactly one)."""

    person: Annotated[Ref, RefTo(("person",), "участник группы")] | None = Field(None, description="id человека из справочника")
    organization: Annotated[Ref, RefTo(("organization",), "участник группы")] | None = Field(None, description="id организации из справочника (за неё отвечает "
                                                       "руководитель)")  # fmt: skip

    @model_validator(mode="after")
    def _exactly_one(self) -> GroupMember:
        if (self.person is None) == (self.organization is None):
            raise ValueError("участник группы — это person или organization (ровно одно)")
        return self

    @property
    def ref(self) -> str:
        return self.person or self.organization or ""


class Group(Record):
    """A named group: «руководители ОО», «члены рабочей группы», fifteen schools.

    ``name`` is the nominative plural as a decision table writes it («Руководители ОО»);
    ``dative`` the form a decision sentence starts with («Руководителям ОО провести…»).
    A group may be open-ended (``members`` empty): it is then controlled as one executor.
    """

    id: Ref = Field(description="Короткий id латиницей: heads, wg-members")
    name: Text = Field(description="Название во множественном числе: «Руководители ОО»")
    dative: Text | None = Field(None, description="Дательный падеж, с которого начинается решение: «Руководителям "
                                                  "ОО»")  # fmt: skip
    genitive: Text | None = Field(None, description="Родительный падеж: «руководителей ОО»")
    members: list[GroupMember] = Field(default_factory=list, description="Участники: поручение группе "
                                       "контролируется по каждому; пусто — группа как один исполнитель")  # fmt: skip
    # A group that is a count of people rather than a list («15 руководителей ОО»).
    count: int | None = Field(default=None, ge=1, description="Численность группы без списка: 15")
    organization: OrganizationRef | None = Field(None, description="id организации, к которой относится группа")


class DirectoryFile(Record):
    """One file under ``records/directory/``."""

    SCHEMA_DESCRIPTION: ClassVar[str] = "Файл справочника (records/directory/): организации, люди, группы"

    organizations: list[Organization] = Field(default_factory=list, description="Организации (nor-docs new "
                                              "organization …)")  # fmt: skip
    people: list[Person] = Field(default_factory=list, description="Люди (nor-docs new person …)")
    groups: list[Group] = Field(default_factory=list, description="Группы исполнителей")
