"""The report on execution built from marks («Информация о ходе исполнения поручений … по
состоянию на …»): control items as of a day → the strings ``templates/report.docx`` places, and
the same report as the data of a ``reports:`` record (``report_record``) for a clerk who keeps it.

It shares the control sheet's pieces (``control_sheet_view``): the rows (a row per assignment with
its citation and words, a line per member of one tracked in parts), the grouping by document, the
summary of counts and «Составил». What differs: rows are grouped by document (protocol, order,
roadmap), the «что сделано» column holds the marks, the extensions with their basis and the
cancellations, and the status column is headed by the day («Статус на 01.06.2024»).

**The kept record** (``document: report``, ``record_view``): ``build protocols`` prints its
``reports:`` entries into the same template and the same table — a row per entry: the assignment's
citation and words, its deadline (and the entry's new term), whose parts the entry is about, what
was done (``text``) and the status exactly as written; a «не исполнено» entry shaded as overdue
rows are. The record's own title, date and number, its ``intro`` before the table, its signer
instead of «Составил» (nobody when ``unsigned``); no «Итого»: the paper has none of its own.

**The draft.** One entry per assignment and status: the members that stand alike are named
together (none when the assignment has a single part), ``status`` is the status as the report
prints it, ``meaning`` what it means for control (``MEANING``), ``text`` what was done. Such a
record agrees with the marks on its date by construction, so validate's NOR217 has nothing to say.
"""

from __future__ import annotations

import datetime as dt
import re

from ..control.assignments import Assignment, collect_assignments, executor_name
from ..control.citation import cite_assignment, document_title
from ..control.status import ControlItem, Status
from ..model.common import format_date
from ..model.links import ReportEntry
from ..model.meeting import Meeting
from ..model.records import Records
from .control_sheet_view import (
    SheetRows,
    assignment_parts,
    assignment_words,
    by_document,
    compiled_line,
    issuer_lines_of,
    numbered_groups,
    status_words,
    summary_block,
)
from .protocol_text import NBSP, capitalize_first, paragraphs

# A status of the marks → the ``meaning`` of a report entry (``model/links.py: ReportEntry``).
MEANING = {
    Status.DONE: "done",
    Status.DONE_LATE: "done",
    Status.OVERDUE: "not-done",
    Status.CANCELLED: "cancelled",
    Status.EXTENDED: "extended",
}
IN_PROGRESS = "in-progress"
_SAYS_TERM = re.compile(r"^\s*(?:новый\s+)?срок\s*(?:исполнения\s*)?[:—–-]\s*", re.IGNORECASE)
TITLE = "Информация о ходе исполнения поручений"
RECORD_KIND = "report"  # the kind of the kept record (``model/kinds.yaml``)


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
        "intro": [],
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
    record: dict = {
        "document": RECORD_KIND,
        "title": f"о ходе исполнения поручений по состоянию на {format_date(today)}",
        "issuer": issuer,
        "date": format_date(today),
    }
    if selection:  # the kind's heading and the title already say what and on which day
        record["intro"] = selection
    signer = compiled_by or records.settings.documents.compiled_by
    person = records.people.get(signer) if signer else None
    if person is not None:
        record["signers"] = [{"person": signer, **({"position": person.position} if person.position else {})}]
    else:
        record["unsigned"] = True
    record["reports"] = entries
    return record


def record_view(meeting: Meeting, records: Records) -> dict:
    """The view of a kept report record (``reports:`` entries as written) for ``templates/report.docx``."""
    style = records.settings.documents.date_style
    kind = records.kind_of(meeting)
    org = records.organizations.get(meeting.issuer)
    by_id = {a.id: a for a in collect_assignments(records)} if any(e.assignment for e in meeting.reports) else {}
    groups: list[dict] = []
    for i, entry in enumerate(meeting.reports):
        assignment = by_id.get(entry.assignment) if entry.assignment else None
        key = assignment.record_id if assignment is not None else ""
        if not groups or groups[-1]["key"] != key:
            title = _group_title(records, assignment) if assignment is not None else "Прочее"
            groups.append({"key": key, "title": title, "note": "", "rows": [], "assignments": set()})
        groups[-1]["rows"].append(_entry_row(records, entry, assignment, i + 1))
        groups[-1]["assignments"].add(entry.assignment)
    for group in groups:
        count = len(group.pop("assignments") - {None})
        group["note"] = f"(поручений — {count})" if count else ""
    date = format_date(meeting.date, style)
    number = f" №{NBSP}{meeting.number}" if meeting.number is not None else ""
    signer = meeting.signers[0] if meeting.signers and not meeting.unsigned else None
    person = records.people.get(signer.person) if signer is not None else None
    compiled: dict | None = None
    if signer is not None:
        compiled = {"label": "", "position": capitalize_first(signer.position or (person.position if person else "") or ""),
                    "name": person.short_initials_first if person is not None else signer.person, "date": ""}  # fmt: skip
    forms = kind.forms
    return {
        "issuer_lines": list(meeting.issuer_lines) or [org.name if org is not None else meeting.issuer],
        "title": kind.heading or "",
        "subtitle": meeting.title or "о ходе исполнения поручений",
        "as_of": f"{date}{number}",
        "selection": "",
        "intro": paragraphs(meeting.intro) + paragraphs(meeting.preamble),
        "status_heading": f"Статус на {date}",
        "groups": groups,
        "empty_text": "Строк отчёта нет.",
        "summary": {"rows": [], "overdue_by": "", "heading": "", "note": "", "columns": {}},
        "compiled": compiled,
        "core": {
            "title": " ".join(x for x in (f"{meeting.citation_name or forms.nominative}{number} от "
                                          f"{format_date(meeting.date)}", meeting.title) if x),  # fmt: skip
            "subject": "Контроль исполнения поручений",
            "author": org.name if org is not None else meeting.issuer,
            "identifier": meeting.id or "",
            "date": meeting.date,
        },
    }


def _group_title(records: Records, assignment: Assignment) -> str:
    if assignment.origin == "meeting" and assignment.record_id in records.meetings:
        return document_title(records.meetings[assignment.record_id], records)
    roadmap = records.roadmaps.get(assignment.record_id)
    return roadmap.title if roadmap is not None else assignment.record_id


def _entry_row(records: Records, entry: ReportEntry, assignment: Assignment | None, index: int) -> dict:
    """A report entry as a row of the table: what was ordered, by when, of whom, what was done, the
    status as the paper writes it."""
    number = str(entry.number) if entry.number is not None else str(index)
    source = text = deadline = executor = ""
    if assignment is not None:
        source = cite_assignment(assignment, records)
        text = assignment_words(assignment)
        written = assignment.deadline
        deadline = written.as_written if written is not None and written.kind != "none" else "не указан"
        members = entry.members or list(assignment.executors)
        executor = "\n".join(executor_name(records, assignment, m) for m in members)
    elif entry.assignment is not None:
        source = entry.assignment  # validate reports an unknown assignment (NOR104)
    if entry.new_deadline is not None:
        words = _SAYS_TERM.sub("", entry.new_deadline.as_written)  # «Срок: до 21.06.2021» → «до 21.06.2021»
        deadline = "\n".join(x for x in (deadline, f"новый срок: {words}") if x)
    return {
        "number": number,
        "id": entry.assignment or "",
        "source": source,
        "text": text,
        "links": [],
        "deadline": deadline,
        "executor": executor,
        "marks": " ".join((entry.text or "").split()),
        "status": entry.status,
        "overdue": entry.meaning == "not-done",
        "members": [],
    }


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
