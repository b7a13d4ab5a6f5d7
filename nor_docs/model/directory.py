"""The directory: organisations, people and groups that records refer to by id.

Files under ``records/directory/`` each hold any of ``organizations:``, ``people:`` and
``groups:`` (one file per municipality reads well). Names are written once, in the nominative;
the documents derive every other case from them.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from .common import Record, Ref, Text

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

    id: Ref
    name: Text  # full name as in official documents
    short_name: Text | None = None  # «МОУ СОШ с. Кикино»
    kind: OrgKind
    municipality: str | None = None
    # Other spellings met in documents that are known to mean this organisation; text that uses
    # a near-miss of a name that is *not* listed here is reported by validate (NOR202).
    aliases: list[Text] = Field(default_factory=list)
    parent: Ref | None = None  # the organisation it belongs to (a department of an office)

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

    id: Ref
    surname: Text
    first_name: Text | None = None
    patronymic: Text | None = None
    # Initials when the full name is not known: «И.В.»; derived from the names otherwise.
    initials: str | None = Field(default=None, pattern=r"^([А-ЯЁA-Z]\.\s?){1,2}$")
    gender: Literal["f", "m"] | None = None  # needed when the name alone does not tell it
    position: str | None = None  # nominative, lower case: «заместитель начальника управления»
    position_forms: PositionForms | None = Field(
        default=None,
        description="Должность в других падежах, если словарь её не склоняет (validate: NOR210): "
                    "genitive, dative, accusative.",
    )  # fmt: skip
    organization: Ref | None = None

    @model_validator(mode="after")
    def _needs_a_name(self) -> "Person":
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

    person: Ref | None = None
    organization: Ref | None = None

    @model_validator(mode="after")
    def _exactly_one(self) -> "GroupMember":
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

    id: Ref
    name: Text
    dative: Text | None = None
    genitive: Text | None = None
    members: list[GroupMember] = Field(default_factory=list)
    # A group that is a count of people rather than a list («15 руководителей ОО»).
    count: int | None = Field(default=None, ge=1)
    organization: Ref | None = None


class DirectoryFile(Record):
    """One file under ``records/directory/``."""

    organizations: list[Organization] = Field(default_factory=list)
    people: list[Person] = Field(default_factory=list)
    groups: list[Group] = Field(default_factory=list)
