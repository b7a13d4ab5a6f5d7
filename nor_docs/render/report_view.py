"""The report on execution built from marks («Информация о ходе исполнения поручений … по
состоянию на …»): control items as of a day → the strings ``templates/report.docx`` places, and
the same report as the data of a ``reports:`` record (``report_record``) for a clerk who keeps it.

It shares the control sheet's pieces (``control_sheet_view``): the rows (a row per assignment with
its citation and words, a line per member of one tracked in parts), the grouping by document, the
summary of counts and «Составил». What differs: rows are grouped by document (protocol, order,
roadmap), the «что сделано» column holds the marks, the extensions with their basis and the
cancellations, and the status column is headed by the day («Статус на 01.06.2024»).

**The record.** One entry per assignment and status: the members that stand alike are named
together (none when the assignment has a single part), ``status`` is the status as the report
prints it, ``meaning`` what it means for control (``MEANING``), ``text`` what was done. Such a
record agrees with the marks on its date by construction, so validate's NOR217 has nothing to say.
"""

from __future__ import annotations

import datetime as dt

from ..control.status import ControlItem, Status
from ..model.common import format_date
from ..model.records import Records
from .control_sheet_view import (
    SheetRows,
    assignment_parts,
    by_document,
    compiled_line,
    issuer_lines_of,
    numbered_groups,
    status_words,
    summary_block,
)
from .protocol_text import NBSP

# A status of the marks → the ``meaning`` of a report entry (``model/links.py: ReportEntry``).
MEANING = {
    Status.DONE: "done",
    Status.DONE_LATE: "done",
    Status.OVERDUE: "not-done",
    Status.CANCELLED: "cancelled",
    Status.EXTENDED: "extended",
}
IN_PROGRESS = "in-progress"
TITLE = "Информация о ходе исполнения поручений"
RECORD_KIND = "информация о ходе исполнения"


def report_view(records: Records, items: list[ControlItem], today: dt.date, compiled_by: str | None = None,
                selection: str = "") -> dict:  # fmt: skip
    """The view of the report on ``items`` as of ``today``, signed by ``compiled_by`` (a person id;
    by default the settings' ``compiled_by``); ``selection`` names the filter («Отбор: …»)."""
    style = records.settings.documents.date_style
    rows_of = SheetRows(records, "executor", style, today, extensions_with_marks=True)
    parts = assignment_parts(items)
    as_of = format_date(today, style)
    summary = summary_block(parts, items, records, today, style, selection)
    summary["heading"] = f"Итого на {as_of}"
    summary["note"] = "Поручение считается просроченным, если просрочено хотя бы у одного исполнителя."
    return {
        "issuer_lines": issuer_lines_of(items, records),
        "title": "ИНФОРМАЦИЯ",
        "subtitle": "о ходе исполнения поручений",
        "as_of": f"по состоянию на {as_of}",
        "selection": selection,
        "status_heading": f"Статус на {as_of}",
        "groups": numbered_groups(by_document(parts, records), rows_of),
        "empty_text": "Поручений на контроле нет.",
        "summary": summary,
        "compiled": compiled_line(records, compiled_by, today, style),
        "core": {
            "title": f"{TITLE} на {format_date(today)}",
            "subject": "Контроль исполнения поручений",
            "author": "nor-docs",
            "identifier": f"report-{today.isoformat()}",
            "date": today,
        },
    }


def meaning_of(item: ControlItem) -> str:
    """What a part's status means in a report entry: done, not-done, extended, cancelled, in-progress."""
    return MEANING.get(item.status, IN_PROGRESS)


def report_record(records: Records, items: list[ControlItem], today: dt.date, issuer: str,
                  compiled_by: str | None = None, selection: str = "") -> dict:  # fmt: skip
    """The report as the data of a record of ``records/documents/`` (the shape the meeting schema
    reads, ``reports:`` entries): dated ``today``, issued by ``issuer``, signed by ``compiled_by``
    (or the settings' ``compiled_by``; ``unsigned`` when nobody is named)."""
    rows_of = SheetRows(records, "executor", "numeric", today, extensions_with_marks=True)
    entries: list[dict] = []
    for _key, _title, assignments in by_document(assignment_parts(items), records):
        for a_parts in assignments:
            alike: dict[tuple[str, str], list[ControlItem]] = {}
            for part in a_parts:
                alike.setdefault((status_words(part), meaning_of(part)), []).append(part)
            for (words, meaning), members in alike.items():
                entry: dict = {"number": len(entries) + 1, "assignment": members[0].assignment.id}
                if members[0].in_parts and len(members) < len(a_parts):
                    entry["members"] = [m.member for m in members]
                entry["status"] = words.replace(NBSP, " ")
                entry["meaning"] = meaning
                done = _done_text(rows_of, members)
                if done:
                    entry["text"] = done.replace(NBSP, " ")  # a clerk's record holds no invisible spaces
                entries.append(entry)
    intro = f"{TITLE} по состоянию на {format_date(today)}." + (f" {selection}" if selection else "")
    record: dict = {
        "kind": RECORD_KIND,
        "title": f"о ходе исполнения поручений по состоянию на {format_date(today)}",
        "issuer": issuer,
        "date": format_date(today),
        "intro": intro,
    }
    signer = compiled_by or records.settings.documents.compiled_by
    person = records.people.get(signer) if signer else None
    if person is not None:
        record["signers"] = [{"person": signer, **({"position": person.position} if person.position else {})}]
    else:
        record["unsigned"] = True
    record["reports"] = entries
    return record


def _done_text(rows_of: SheetRows, members: list[ControlItem]) -> str:
    """What was done, one line per mark; with the member's name when several stand together and
    what was done differs between them (the same extension of three is written once)."""
    each = {tuple(rows_of.done_lines(part)) for part in members}
    if len(each) == 1:
        return "\n".join(next(iter(each)))
    lines = []
    for part in members:
        done = rows_of.done_lines(part)
        if not done:
            continue
        if len(members) > 1:
            name = rows_of.records.display_name(part.member)
            lines += [f"{name}: {line}" for line in done]
        else:
            lines += done
    return "\n".join(lines)
