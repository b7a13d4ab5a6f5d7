"""Events that relative deadlines hang on («за 3 дня до проведения процедуры»).

Files under ``records/events/`` hold ``events:``. An event without a date is allowed: the
deadlines that depend on it wait for it. A meeting id can serve as an event too.
"""

from __future__ import annotations

from pydantic import Field

from .common import Date, Record, Ref, Text


class Event(Record):
    id: Ref
    title: Text
    date: Date | None = None
    note: str | None = None


class EventsFile(Record):
    events: list[Event] = Field(default_factory=list)
