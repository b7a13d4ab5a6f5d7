"""``check --format json``: the documented contract (docs/check.md «JSON-вывод»,
``docs/check.schema.json``) — one item per line, then the summary and executive discipline.
Written line by line into the output: a report of any size is never held in memory whole.
Records that failed validation: ``diagnostics.format_json``."""

from __future__ import annotations

import datetime as dt
import io
import json
from collections.abc import Iterable
from typing import TextIO

from ..control.assignments import executor_name
from ..control.citation import citation_fields
from ..control.status import ControlItem, ExecutorDiscipline, discipline
from ..diagnostics import Diagnostic
from ..diagnostics import format_json as diagnostics_json
from ..model.records import Records
from .common import by_documents, document_action_words, iso
from .formats import ControlReport

JSON_VERSION = 1


def items(out: TextIO, report: ControlReport) -> None:
    selection = report.selection.as_dict() or None if report.selection is not None else None
    write_json(out, report.items, report.counts, discipline(report.items, report.records), report.records,
               report.today, report.warn_days, selection)  # fmt: skip


def diagnostics(out: TextIO, found: list[Diagnostic]) -> None:
    out.write(diagnostics_json(found))


def _who_fields(item: ControlItem, name: str) -> dict:
    """The fields of the JSON contract that name the part."""
    return {
        "id": item.id,
        "assignment": item.assignment.id,
        "member": item.member if item.in_parts else None,
        "executor": item.member,
        "executor_name": name,
    }


def _state_fields(item: ControlItem) -> dict:
    """The fields of the JSON contract that say how the part stands."""
    done_late = item.status == "done_late"
    return {
        "status": item.status,
        "status_text": item.status_text,
        "deadline": iso(item.deadline),
        "days_overdue": item.days_overdue,
        "days_late": item.days_late if done_late else 0,
        "done_on": iso(item.done_on) if done_late or item.status == "done" else None,
        "report_date": iso(item.report_date),
        "waiting_event": item.waiting_event,
        "extended": item.extended,
        "deadline_default": item.default_deadline,
        "deadline_early": item.early_deadline,
        # only for an inspection act's item on the law's term (kept out of every other item, so the
        # contract of the others stays as it was): how the term is counted
        **({"deadline_statutory": item.assignment.statutory} if item.default_deadline and
           item.assignment.statutory is not None else {}),
    }


def _assignment_fields(a, records: Records) -> dict:
    """The fields every part of an assignment shares."""
    deadline = a.deadline
    return {
        "origin": a.origin,
        "meeting": a.record_id if a.origin == "meeting" else None,
        "roadmap": a.record_id if a.origin == "roadmap" else None,
        "number": a.number,
        "issued": iso(a.issued),
        "executors": list(a.executors),
        "deadline_as_written": deadline.as_written if deadline is not None else None,
        "deadline_kind": deadline.kind if deadline is not None else None,
        "file": a.file,
        "line": a.line,
        "text": a.text,
        "roadmaps": list(a.roadmaps),
        **citation_fields(a, records),
    }


def _points(item: ControlItem) -> list[dict]:
    return [
        {
            "label": p.point.label,
            "nominal": p.point.nominal.isoformat(),
            "deadline": p.due.isoformat(),
            "closed_on": iso(p.closed_on),
            "late": p.late,
        }
        for p in item.points
    ]


def _extensions(item: ControlItem) -> list[dict]:
    return [
        {
            "new_deadline": iso(e.new_deadline),
            "requested": iso(e.requested),
            "approved": iso(e.approved),
            "approved_by": e.approved_by,
            "basis": e.basis,
        }
        for e in item.extensions
    ]


def _documents(item: ControlItem) -> dict:
    """``documents``, only where a later document closed, extended or took the part off control
    (``acts_on``): the action, its date, the document and decision, the citation, the file."""
    acted = by_documents(item)
    if not acted:
        return {}
    return {"documents": [
        {
            "action": action,
            "date": entry.acted_by.date.isoformat(),
            "record": entry.acted_by.record,
            "number": entry.acted_by.number,
            "citation": entry.acted_by.citation,
            "text": document_action_words(action, entry),
            "file": entry.acted_by.file,
            "line": entry.acted_by.line,
        }
        for action, entry in acted
    ]}  # fmt: skip


def item_record(item: ControlItem, records: Records) -> dict:
    """One item of the JSON contract (see docs/check.md «JSON-вывод», docs/check.schema.json)."""
    return {
        **_who_fields(item, executor_name(records, item.assignment, item.member)),
        **_state_fields(item),
        **_assignment_fields(item.assignment, records),
        "points": _points(item),
        "extensions": _extensions(item),
        **_documents(item),
    }


_dumps = json.JSONEncoder(ensure_ascii=False).encode
_string = json.encoder.encode_basestring  # one JSON string, quotes included (the C function)


class _ItemWriter:
    """Writes ``item_record`` as one JSON line, encoding what parts share only once: the
    assignment's fields (its text above all), and the state of parts that stand the same (the
    members of a group that nobody has marked yet). With 10,000 assignments to 15-member
    groups this is what keeps ``--format json`` cheap.

    Per part only the ids and the executor's name are written, string by string, from a cache
    per executor; the rest of a line is one encoder call per assignment and state. The key order
    is ``item_record``'s (a test compares the two)."""

    def __init__(self, records: Records):
        self.records = records
        self.executors: dict[str, str] = {}  # member → '"executor": …, "executor_name": …'
        self.assignment_id: str | None = None
        self.head = ""  # '"assignment": "…", '
        self.shared: dict = {}
        self.states: dict[int, tuple[ControlItem, str]] = {}

    def line(self, item: ControlItem) -> str:
        a = item.assignment
        if a.id != self.assignment_id:  # items come assignment by assignment
            self.assignment_id, self.states = a.id, {}
            self.head = '"assignment": ' + _string(a.id) + ", "
            self.shared = _assignment_fields(a, self.records)
        executor = self.executors.get(item.member) if not a.responsible else None
        if executor is None:
            name = executor_name(self.records, a, item.member)  # «… (Нестерюк Е.В.)»: per assignment
            executor = '"executor": ' + _string(item.member) + ', "executor_name": ' + _string(name) + ", "
            if not a.responsible:
                self.executors[item.member] = executor
        # Parts of one assignment with the same points tuple were tracked together (control.py):
        # the same marks, extensions and cancellation, hence the same state.
        cached = self.states.get(id(item.points))
        if cached is None or not _same_state(cached[0], item):
            tail = {**_state_fields(item), **self.shared, "points": _points(item), "extensions": _extensions(item),
                    **_documents(item)}  # fmt: skip
            cached = self.states[id(item.points)] = (item, _dumps(tail)[1:])
        member = _string(item.member) if item.in_parts else "null"
        return f'{{"id": {_string(item.id)}, {self.head}"member": {member}, {executor}{cached[1]}'


def _same_state(a: ControlItem, b: ControlItem) -> bool:
    return (a.points is b.points and a.status == b.status and a.days_overdue == b.days_overdue
            and a.cancellation is b.cancellation and a.marks == b.marks)  # fmt: skip


def discipline_record(row: ExecutorDiscipline) -> dict:
    share = row.on_time_share
    return {
        "executor": row.executor,
        "name": row.name,
        "total": row.total,
        "done": row.done,
        "done_late": row.done_late,
        "overdue": row.overdue,
        "pending": row.pending,
        "cancelled": row.cancelled,
        "on_time_share": round(share, 4) if share is not None else None,
    }


def format_json(items, summary, discipline, records: Records, today: dt.date, warn_days: int,
                selection: dict | None = None) -> str:  # fmt: skip
    """The JSON contract as one string (what ``items`` writes)."""
    out = io.StringIO()
    write_json(out, items, summary, discipline, records, today, warn_days, selection)
    return out.getvalue()


def write_json(out: TextIO, items: Iterable[ControlItem], summary: dict, discipline: Iterable[ExecutorDiscipline],
               records: Records, today: dt.date, warn_days: int, selection: dict | None = None) -> None:  # fmt: skip
    """The JSON contract, one item (and one discipline row) per line: readable, diffable, and written
    by the C encoder (``indent`` would fall back to the pure-Python one, 10× slower). The head and
    the tail go into the first and the last line; each line is written as it is made."""
    head = {"version": JSON_VERSION, "today": today.isoformat(), "warn_days": warn_days}
    if selection:  # --issuer / --meeting / --executor: the items are those selected
        head["filter"] = selection
    writer = _ItemWriter(records)
    out.write("{" + _dumps(head)[1:-1] + ',\n"items": [')
    first = True
    for item in items:
        if not first:
            out.write(",\n")
        out.write(writer.line(item))
        first = False
    rows = ",\n".join([_dumps(discipline_record(r)) for r in discipline])
    out.write('],\n"summary": ' + _dumps(summary) + ',\n"discipline": [' + rows + "]}")
