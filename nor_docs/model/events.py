"""Events that relative deadlines hang on («за 3 дня до проведения процедуры»).

Files under ``records/events/`` hold ``events:``. An event without a date is allowed: the
deadlines that depend on it wait for it. A meeting id can serve as an event too.
"""

from __future__ import annotations

from typing import ClassVar

from pydantic import Field

from .common import Date, Record, Ref, Text


class Event(Record):
    id: Ref = Field(description="Короткий id латиницей, на него ссылается срок: vpr-2024")
    title: Text = Field(description="Название: «ВПР по математике, 5 класс»")
    date: Date | None = Field(None, description="Дата события; пока её нет, зависящие сроки ждут")
    note: str | None = Field(None, description="Примечание")


class EventsFile(Record):
    SCHEMA_DESCRIPTION: ClassVar[str] = "Файл событий (records/events/)"

    events: list[Event] = Field(default_factory=list, description="События, от которых отсчитываются сроки")
