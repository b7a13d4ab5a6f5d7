"""The roadmap «view»: a roadmap record turned into the plain strings its document shows.

``roadmap_view`` takes the model (a ``Roadmap`` plus the directory and the office settings) and,
when statuses are asked for, the control items of its parts as of a day (``control.py``), and
returns dicts and lists of formatted Russian strings — the approval stamp, executors in the
nominative, deadlines as written, the execution column, the progress summary by section — that
the DOCX template (``templates/roadmap.docx``) only has to place. No YAML, no DOCX here.

The plan table has the columns the roadmap declares (``Roadmap.columns``), in its order and under
its headers; without them, the usual six (``DEFAULT_COLUMNS``) less any that is empty in every row.
``plan.standard`` says the table is the usual six, which the template's first table prints (as it
always has); any other shape goes to its second table, whose cells come from ``plan.columns`` and
each entry's ``cells``.

An item's state is its parts' state (a part per executor, as the control logic tracks them):
overdue if any part is overdue; done when every part not cancelled is done (late if any was);
cancelled when every part was; otherwise it is being done on time. An item without executors is
not on control.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from ..control.status import ControlItem
from ..model.common import format_date
from ..model.records import Records
from ..model.roadmap import COLUMN_FIELDS, EXTRA_PREFIX, Approval, Roadmap, RoadmapItem
from .protocol_text import NBSP, number_label

# What the progress summary counts an item as.
DONE, ON_TIME, OVERDUE, CANCELLED, UNCONTROLLED = "done", "on_time", "overdue", "cancelled", "uncontrolled"
NO_SECTION = "Мероприятия вне разделов"
# The headers of the fields a column may show (``Roadmap.columns``), when the roadmap gives none.
HEADERS = {
    "number": "№ п/п", "activity": "Мероприятие", "deadline": "Срок", "executors": "Ответственные",
    "result": "Ожидаемый результат", "reporting": "Форма отчётности", "reported_at": "Рассмотрено",
    "mark": "Отметка о выполнении",
}  # fmt: skip
# The usual plan table: «Ожидаемый результат» holds the result and the form of reporting,
# «Отметка о выполнении» the status and where the result was reported.
DEFAULT_COLUMNS = ("number", "activity", "deadline", "executors", "result", "mark")


@dataclass(frozen=True)
class ItemState:
    """One roadmap item as of a day: its category for the summary and the execution column's text."""

    category: str
    late: bool  # done, but at least one part after its deadline
    text: str


def roadmap_view(roadmap: Roadmap, records: Records, parts: Mapping[str, list[ControlItem]] | None = None,
                 today: dt.date | None = None) -> dict:  # fmt: skip
    """The view of ``roadmap``'s document. With ``parts`` (assignment id → its control items as of
    ``today``), the last column carries each item's status and a progress summary opens the
    document; without, the column holds only where an item's result was reported."""
    style = records.settings.documents.date_style
    rid = roadmap.id or ""
    with_status = parts is not None
    sections: list[dict[str, Any]] = []
    rows = []
    located = [(section_title(s), s.items) for s in roadmap.sections]
    if roadmap.items:
        located.append(("" if not roadmap.sections else NO_SECTION, roadmap.items))
    fields = [c.field for c in roadmap.columns if c.field in COLUMN_FIELDS or c.field.startswith(EXTRA_PREFIX)]
    if roadmap.columns and with_status and "mark" not in fields:
        fields.append("mark")  # statuses asked for: the execution column after the paper's own
    fields = fields or list(DEFAULT_COLUMNS)
    all_cells: list[dict[str, str]] = []
    for title, items in located:
        shown = []
        states = []
        for item in items:
            aid = f"{rid}#{item.number.rstrip('.')}"
            state = item_state(item, parts.get(aid, []), records, style) if parts is not None else None
            states.append(state)
            cells = item_cells(item, records, style, state, fields)
            all_cells.append(cells)
            shown.append({**{k: cells[k] for k in DEFAULT_COLUMNS}, "cells": _cells(cells, fields)})
        sections.append({"title": title, "entries": shown})  # not «items»: Jinja would find dict.items
        rows.append((title or NO_SECTION, states))
    if not roadmap.columns and all_cells:  # the usual columns, less those empty in every row
        fields = [f for f in fields if any(cells[f] for cells in all_cells)]
        for section in sections:
            for entry in section["entries"]:
                entry["cells"] = _cells(entry, fields)
    headers = {c.field: c.header for c in roadmap.columns if c.header}
    view = {
        "id": rid,
        "stamp": _stamp(roadmap.approval, style),
        "title": roadmap.title,
        "plan": {
            "standard": "yes" if fields == list(DEFAULT_COLUMNS) else "",  # plain strings, as all the view
            "columns": [{"field": f, "header": headers.get(f) or column_header(f)} for f in fields],
            "width": str(len(fields)),
        },
        "sections": sections,
        "has_wide_tables": "" if fields == list(DEFAULT_COLUMNS) else "yes",  # columns fitted to their text
        "summary": _summary(rows, format_date(today, style)) if with_status and today is not None else None,
        "core": _core(roadmap, records),
    }
    return view


def _cells(cells: dict[str, str], fields: list[str]) -> list[dict[str, str]]:
    """The cells of a row in the order of ``fields``: the text, and whether it is the item's
    number (centred, as in the usual table)."""
    return [{"text": cells[f], "number": "yes" if f == "number" else ""} for f in fields]


def section_title(section) -> str:
    """«I. Анализ работы …» for a numbered section, else its title."""
    return f"{number_label(section.number)} {section.title}" if section.number else section.title


def column_header(field: str) -> str:
    """The usual header of a column's field; a source column kept in ``extra`` is headed by its key."""
    return HEADERS.get(field) or field.removeprefix(EXTRA_PREFIX)


def item_cells(item, records, style: str, state: ItemState | None, fields: list[str]) -> dict[str, str]:
    """The text of every column an item can show, by field (the usual six, and those of ``fields``).
    «Ожидаемый результат» carries the form of reporting and «Отметка о выполнении» where the result
    was reported, unless the table has columns of their own for them."""
    reported = reported_line(item, records, style)
    cells = {
        "number": number_label(item.number),
        "activity": item.activity_text,
        "deadline": item.deadline.as_written if item.deadline is not None else "",
        "executors": "\n".join(executor_line(records, ref) for ref in item.executors),
        "result": _result(item, with_reporting="reporting" not in fields),
        "reporting": (item.reporting or "").strip(),
        "reported_at": reported,
        "mark": "\n".join(x for x in (state.text if state else "", "" if "reported_at" in fields else reported) if x),
    }
    for field in fields:
        if field.startswith(EXTRA_PREFIX):
            cells[field] = item.extra.get(field.removeprefix(EXTRA_PREFIX), "").strip()
    return cells


def executor_line(records, ref: str) -> str:
    """An executor as a plan table names them: «Фамилия И.О., должность», or the organisation
    or group name — always in the nominative."""
    person = records.people.get(ref)
    if person is not None:
        initials_first = records.settings.documents.name_order == "initials-first"  # «Р.А. Гардымова»
        name = person.short_initials_first if initials_first else person.short
        return name + (f", {person.position}" if person.position else "")
    return records.display_name(ref)


def item_state(item: RoadmapItem, parts: list[ControlItem], records: Records, style: str = "numeric") -> ItemState:
    """The item's state from its parts (one per executor); ``parts`` empty: not on control (no
    executors, or the roadmap was not yet in force on the day)."""
    if not parts:
        text = "не на контроле (исполнитель не назначен)" if not item.executors else "ещё не на контроле"
        return ItemState(UNCONTROLLED, False, text)
    statuses = [p.status for p in parts]
    if "overdue" in statuses:
        category = OVERDUE
    elif all(s == "cancelled" for s in statuses):
        category = CANCELLED
    elif all(s in ("done", "done_late", "cancelled") for s in statuses):
        category = DONE
    else:
        category = ON_TIME
    late = category == DONE and "done_late" in statuses
    texts = [part_text(p, style) for p in parts]
    if len(set(texts)) == 1:
        text = texts[0]
    else:
        text = "\n".join(f"{records.display_name(p.member)}: {t}" for p, t in zip(parts, texts))
    return ItemState(category, late, text)


def part_text(part: ControlItem, style: str = "numeric") -> str:
    """«исполнено 14.12.2023 (протокол № 4)», «просрочено (22 дня), срок 29.12.2023», «на контроле,
    срок 31.01.2024; май 2024 — исполнено 30.05.2024»: the status from the control logic, the
    date that matters, and what the marks say."""
    date = lambda d: format_date(d, style)  # noqa: E731
    words = part.status_text
    if part.status in ("done", "done_late") and part.done_on is not None:
        words += f" {date(part.done_on)}"
    elif part.status == "cancelled" and part.cancellation is not None:
        words += f" {date(part.cancellation.date)} ({part.cancellation.basis.strip()})"
    elif part.status == "standing" and part.report_date is not None:
        words += f", отчёт до {date(part.report_date)}"
    elif part.deadline is not None:  # open, due soon, extended, overdue
        words += f", срок {date(part.deadline)}"
    details = []
    by_point = len(part.points) > 1 and part.status not in ("done", "done_late")
    if by_point:  # several control points, some closed: each with its own mark
        for p in part.points:
            if p.closed_by is not None:
                document = _mark_document(p.closed_by)
                details.append(f"{p.point.label} — исполнено {date(p.closed_on)}" + (f" ({document})" if document else ""))
    documents = [] if by_point else [_mark_document(m) for m in part.marks if not m.interim and _mark_document(m)]
    interim = [m for m in part.marks if m.interim]
    if interim and part.status not in ("done", "done_late"):
        last = interim[-1]
        details.append(f"промежуточный отчёт {date(last.date)}" + (f" ({_mark_document(last)})" if _mark_document(last) else ""))
    text = words + (f" ({'; '.join(documents)})" if documents else "")
    return "; ".join([text, *details])


def _mark_document(mark) -> str:
    doc = (mark.document or "").strip()
    if mark.number:
        doc = f"{doc} №{NBSP}{mark.number}".strip()
    return doc


def reported_line(item, records, style: str = "numeric") -> str:
    """«Рассмотрено: протокол от 14.12.2023 № 4» for an item whose result was reported at a meeting."""
    if not item.reported_at:
        return ""
    meeting = records.meetings.get(item.reported_at)
    if meeting is None:
        return ""
    number = f" №{NBSP}{meeting.number}" if meeting.number is not None else ""
    return f"Рассмотрено: протокол от {format_date(meeting.date, style)}{number}"


def _result(item, with_reporting: bool = True) -> str:
    lines = []
    if item.result:
        lines.append(item.result.strip())
    if item.reporting and with_reporting:
        lines.append(f"Форма отчётности: {item.reporting.strip()}")
    return "\n".join(lines)


def _stamp(approval: Approval | None, style: str) -> dict | None:
    """«УТВЕРЖДЕНО / приказом Управления образования / от 15.01.2024 № 12» — only when the record
    says how the roadmap was approved; ``lines`` are what the document prints: the stamp as
    written, line by line, when the record gives it («Приложение N 2 / к приказу … / от 13 ноября
    2015 г. N 5976»), else these three."""
    if approval is None:
        return None
    number = f" №{NBSP}{approval.number}" if approval.number is not None else ""
    word = (approval.word or "").strip() or "УТВЕРЖДЕНО"
    stamp = {"word": word, "by": approval.by.strip(), "date_line": f"от {format_date(approval.date, style)}{number}"}
    written = [line.strip() for line in (approval.as_written or "").strip().splitlines()]
    return {**stamp, "lines": written or [stamp["word"], stamp["by"], stamp["date_line"]]}


def _count_row(title: str, states: Iterable[ItemState | None]) -> dict:
    known = [s for s in states if s is not None]
    done = sum(s.category == DONE for s in known)
    late = sum(s.late for s in known)
    return {
        "title": title,
        "total": str(len(known)),
        "done": str(done) + (f" (из них с нарушением срока — {late})" if late else ""),
        "on_time": str(sum(s.category == ON_TIME for s in known)),
        "overdue": str(sum(s.category == OVERDUE for s in known)),
        "_cancelled": sum(s.category == CANCELLED for s in known),
        "_uncontrolled": sum(s.category == UNCONTROLLED for s in known),
    }


def _summary(rows: list[tuple[str, list[ItemState | None]]], day: str) -> dict:
    """«Ход выполнения на …»: items done / being done on time / overdue, by section and in all."""
    by_section = [_count_row(title, states) for title, states in rows]
    total = _count_row("Всего", [s for _, states in rows for s in states])
    notes = []
    if total["_cancelled"]:
        notes.append(f"Снято с контроля пунктов — {total['_cancelled']}.")
    if total["_uncontrolled"]:
        notes.append(f"Не на контроле (нет исполнителя или карта ещё не действовала) пунктов — {total['_uncontrolled']}.")
    clean = lambda row: {k: v for k, v in row.items() if not k.startswith("_")}  # noqa: E731
    return {
        "heading": f"Ход выполнения на {day}",
        "rows": [clean(r) for r in by_section],
        "total": clean(total),
        "notes": notes,
    }


def _core(roadmap, records) -> dict:
    issuer = records.organizations.get(roadmap.issuer)
    return {
        "title": roadmap.title,
        "author": issuer.name if issuer is not None else roadmap.issuer,
        "subject": "дорожная карта",
        "date": roadmap.approval.date if roadmap.approval is not None else roadmap.period.start,
        "identifier": roadmap.id or "",
    }
