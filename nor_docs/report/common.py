"""What the report formats share: dates as a report shows them, the items that need attention,
the counts line, the deadline cell and the one-sentence description of an item."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from ..control.assignments import executor_name
from ..control.citation import plain_citation
from ..control.status import STATUS_TEXT, STATUSES, ControlItem, default_words
from ..model.links import DocumentCancellation, DocumentExtension, DocumentMark
from ..model.records import Records

TEXT_WIDTH = 60  # characters of an assignment's text shown in the text table


def iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day is not None else None


def ru(day: dt.date | None) -> str:
    return day.strftime("%d.%m.%Y") if day is not None else "—"


def short(text: str, width: int = TEXT_WIDTH) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def attention(items: Iterable[ControlItem]) -> tuple[list[ControlItem], list[ControlItem]]:
    """(overdue, most overdue first; due soon, earliest first) — what CI reports."""
    items = list(items)
    overdue = sorted((i for i in items if i.status == "overdue"), key=lambda i: (-i.days_overdue, i.id))
    soon = sorted((i for i in items if i.status == "due_soon"), key=lambda i: (i.deadline, i.id))
    return overdue, soon


def counts_line(summary: dict[str, int]) -> str:
    """«просрочено — 2, срок истекает — 1, …» (statuses with a count only)."""
    parts = [f"{STATUS_TEXT[s]} — {summary[s]}" for s in STATUSES if summary.get(s)]
    return ", ".join(parts) if parts else "поручений на контроле нет"


def deadline_cell(item: ControlItem) -> str:
    """The effective date, and where it comes from when nobody wrote it: «28.02.2022 (по
    умолчанию)» — no deadline in the document; «01.04.2024 (с даты документа)» — the written
    one is before the document's date."""
    if item.default_deadline:
        return f"{ru(item.deadline)} ({'по закону' if item.assignment.statutory is not None else 'по умолчанию'})"
    if item.early_deadline:
        return f"{ru(item.deadline)} (с даты документа)"
    return ru(item.deadline)


def describe(item: ControlItem, records: Records, who: str | None = None) -> str:
    a = item.assignment
    written = f" («{a.deadline.as_written}»)" if a.deadline is not None and a.deadline.kind != "none" else ""
    if item.default_deadline:
        word, rule = default_words(item, records.settings.deadlines)
        written = f" — {word}: в документе срок не указан ({rule})"
    elif item.early_deadline:
        written += f" — срок раньше даты документа, на контроле с {ru(item.deadline)}"
    who = who if who is not None else executor_name(records, a, item.member)
    text = short(a.text, 200)
    if not text.endswith((".", "!", "?", "…")):
        text = text.rstrip(";:,") + "."  # «…программу МОУ. Срок 27.02.2023», not «…МОУ Срок …»
    return f"{who}: {text} Срок {ru(item.deadline)}{written}. {plain_citation(a, records)}."


def same_assignment(group: list[ControlItem]) -> list[list[ControlItem]]:
    """Parts of one assignment in the same state, together (one annotation on one line)."""
    merged: dict[tuple, list[ControlItem]] = {}
    for item in group:
        merged.setdefault((item.assignment.id, item.status, item.deadline, item.days_overdue), []).append(item)
    return list(merged.values())


def newest_first(overdue: list[ControlItem]) -> list[ControlItem]:
    """Overdue items, the most recently overdue first: what became overdue this week leads."""
    return sorted(overdue, key=lambda i: (i.days_overdue, i.id))


DocumentEntry = DocumentMark | DocumentExtension | DocumentCancellation


def by_documents(item: ControlItem) -> list[tuple[str, DocumentEntry]]:
    """What later documents did to this part as of the day (``acts_on``): («done», the mark),
    («extend», the extension), («cancel», the cancellation), in date order."""
    found: list[tuple[str, DocumentEntry]] = [("done", m) for m in item.marks if isinstance(m, DocumentMark)]
    found += [("extend", e) for e in item.extensions if isinstance(e, DocumentExtension)]
    if isinstance(item.cancellation, DocumentCancellation):
        found.append(("cancel", item.cancellation))
    return sorted(found, key=lambda entry: entry[1].acted_by.date)


def document_action_words(action: str, entry: DocumentEntry) -> str:
    """«снято с контроля как исполненное протоколом от … № 37, п. 1», «срок продлён до 01.06.2019
    протоколом от …», «снято с контроля протоколом от …»."""
    if isinstance(entry, DocumentExtension):
        return f"срок продлён до {ru(entry.new_deadline)} {entry.acted_by.citation_by}"
    what = "снято с контроля как исполненное" if action == "done" else "снято с контроля"
    return f"{what} {entry.acted_by.citation_by}"
