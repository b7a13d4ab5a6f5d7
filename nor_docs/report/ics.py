"""Deadlines as iCalendar feeds: every open deadline an all-day event with a reminder, so an
executor subscribes on the phone (``nor-docs calendar`` → ``build/calendar/*.ics``).

Deterministic: the same records and ``today`` give the same bytes. Event UIDs come from the
part id and the control point's place (an extension moves the event, not duplicates it);
``DTSTAMP`` is the start of ``today`` (UTC), never the clock. Uses the ``icalendar`` library,
imported here only: ``check`` and ``validate`` never load it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from icalendar import Alarm, Calendar, Event

from ..control.citation import plain_citation
from ..control.status import ControlItem, default_words
from ..model.records import Records

PRODID = "-//nor-docs//Контроль исполнения поручений//RU"
OPEN = frozenset({"open", "due_soon", "overdue", "extended"})
REMINDER = dt.timedelta(hours=-15)  # 09:00 the day before an all-day event
ALL_FILE = "all"


def calendar_events(item: ControlItem, records: Records, stamp: dt.datetime, name_executor: bool = False) -> list[Event]:
    """The events of one part: each open control point; a standing one's report date.
    ``name_executor``: the summary names the executor (a calendar of several executors)."""
    a = item.assignment
    written = a.deadline.as_written if a.deadline is not None and a.deadline.kind != "none" else "не указан"
    if item.default_deadline:
        word, rule = default_words(item, records.settings.deadlines)
        written = f"не указан; {word} ({rule})"
    who = records.display_name(item.member)
    whose = f" ({who})" if name_executor else ""
    found = []
    if item.status in OPEN:
        for index, state in enumerate(item.points):
            if state.closed_by is not None:
                continue
            moved = ""
            if state.extensions:
                last = state.extensions[-1]
                moved = f"\nСрок продлён до {last.new_deadline:%d.%m.%Y} ({last.basis})."
            label = state.point.label
            shown = a.deadline is not None and (len(item.points) > 1 or label not in written)
            which = f" — {label}" if shown else ""
            description = (
                f"{a.text}\n\nИсполнитель: {who}\nСрок: {written}{which}; контрольная дата {state.due:%d.%m.%Y}."
                f"{moved}\n{source_line(a, records)}"
            )
            kind = (" (по закону)" if a.statutory is not None else " (по умолчанию)") if item.default_deadline else ""
            found.append(_event(f"{item.id}~{index}@nor-docs", state.due, f"Срок{kind}{whose}: {_short(a.text)}",
                                description, stamp))  # fmt: skip
    elif item.status == "standing" and item.report_date is not None:
        description = (
            f"{a.text}\n\nИсполнитель: {who}\nСрок: {written} — ежегодный отчёт до "
            f"{item.report_date:%d.%m.%Y}.\n{source_line(a, records)}"
        )
        found.append(_event(f"{item.id}~report-{item.report_date.year}@nor-docs", item.report_date,
                            f"Отчёт{whose}: {_short(a.text)}", description, stamp))  # fmt: skip
    return found


def source_line(a, records: Records) -> str:
    """Where the deadline comes from: «Поручение <id>, file:line» for a meeting's decision;
    «Пункт 1.1 дорожной карты: <title>» and «<id>, file:line» for a roadmap item."""
    where = f"{a.id}, {a.file}:{a.line}"
    if a.origin == "roadmap":
        roadmap = records.roadmaps.get(a.record_id)
        title = f": {' '.join(roadmap.title.split())}" if roadmap is not None else ""
        return f"Пункт {a.number} дорожной карты{title}\n{where}"
    return f"{plain_citation(a, records)}\nПоручение {where}"


def _one_line(text: str) -> str:
    """A name on one line (a calendar's name is a single content line; a line break in an
    organisation's name would otherwise make the file unreadable)."""
    return " ".join(text.split())


def _short(text: str, width: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def _event(uid: str, day: dt.date, summary: str, description: str, stamp: dt.datetime) -> Event:
    event = Event()
    event.add("uid", uid)
    event.add("dtstamp", stamp)
    event.add("dtstart", day)
    event.add("dtend", day + dt.timedelta(days=1))
    event.add("summary", summary)
    event.add("description", description)
    event.add("transp", "TRANSPARENT")
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", summary)
    alarm.add("trigger", REMINDER)
    event.add_component(alarm)
    return event


def render_calendar(name: str, items: Iterable[ControlItem], records: Records, today: dt.date,
                    name_executor: bool = False) -> tuple[bytes, int]:
    """One .ics file for ``items``: (bytes, number of events)."""
    stamp = dt.datetime(today.year, today.month, today.day, tzinfo=dt.UTC)
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", _one_line(name))
    cal.add("x-wr-timezone", str(records.settings.deadlines.timezone))
    events = [e for item in items for e in calendar_events(item, records, stamp, name_executor)]
    events.sort(key=lambda e: (e.decoded("dtstart"), str(e["uid"])))
    for event in events:
        cal.add_component(event)
    return cal.to_ical(), len(events)


def calendars(items: list[ControlItem], records: Records, today: dt.date, executor: str | None = None) -> dict[str, tuple[bytes, int]]:
    """File stem → (.ics bytes, events): ``all`` and one per executor, or — ``executor`` given,
    ``items`` already chosen for it — one file of its name."""
    if executor is not None:
        chosen = list(items)  # chosen already (``control_filter``): a group's items are its members' 
        name = f"Сроки поручений — {records.display_name(executor)}"
        several = any(i.member != executor for i in chosen)
        return {executor: render_calendar(name, chosen, records, today, name_executor=several)}
    result = {ALL_FILE: render_calendar("Сроки поручений", items, records, today, name_executor=True)}
    by_member: dict[str, list[ControlItem]] = {}
    for item in items:
        by_member.setdefault(item.member, []).append(item)
    for member in sorted(by_member):
        name = f"Сроки поручений — {records.display_name(member)}"
        result[member] = render_calendar(name, by_member[member], records, today)
    return result
