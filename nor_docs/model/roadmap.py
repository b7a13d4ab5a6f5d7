"""A roadmap (дорожная карта, план мероприятий): sections of items with deadlines and executors.

One file per roadmap under ``records/roadmaps/``. Items are controlled like assignments; an
item's id is ``<roadmap id>#<item number>``.
"""

from __future__ import annotations

from pydantic import Field, model_validator

from .common import Date, DocNumber, ItemNumber, Record, Ref, Text
from .deadline import DeadlineField
from .marks import ASSIGNMENT_ID_PATTERN


class Period(Record):
    start: Date
    end: Date

    @model_validator(mode="after")
    def _ordered(self) -> "Period":
        if self.end < self.start:
            raise ValueError("конец периода раньше его начала")
        return self


class Approval(Record):
    """«УТВЕРЖДЕНО приказом … от … № …»."""

    by: Text  # «приказом Управления образования»
    date: Date
    number: DocNumber | None = None


class RoadmapItem(Record):
    number: ItemNumber
    activity: Text
    deadline: DeadlineField | None = None
    executors: list[Ref] = Field(default_factory=list)
    result: str | None = None  # expected result / indicator
    reporting: str | None = None  # reporting form
    reported_at: Ref | None = None  # the meeting where its result was reported


class RoadmapSection(Record):
    title: Text
    items: list[RoadmapItem] = Field(default_factory=list)


class Roadmap(Record):
    id: Ref | None = None
    title: Text
    issuer: Ref
    subject: Ref | None = None  # for whom: the municipality's office or one school
    period: Period
    approval: Approval | None = None
    ordered_by: str | None = Field(default=None, pattern=ASSIGNMENT_ID_PATTERN)
    sections: list[RoadmapSection] = Field(default_factory=list)
    items: list[RoadmapItem] = Field(default_factory=list)  # items outside any section
