"""The outputs of ``nor-docs check``: one set of control items, five formats.

``text`` is for people (Russian, overdue first, then due soon, grouped by executor); ``json`` is
the documented contract (docs/check.md «JSON-вывод», ``docs/check.schema.json``); ``github`` prints
workflow annotations (and a Markdown summary for ``GITHUB_STEP_SUMMARY``); ``gitlab`` is a Code
Quality report; ``junit`` a JUnit XML report. Each also has a form for records that failed
validation (``*_diagnostics``). This module only formats: statuses come from ``control.py``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from typing import Iterable
from xml.etree import ElementTree as ET

from ..control.status import STATUS_TEXT, STATUSES, ControlItem, ExecutorDiscipline, days_word, default_rule, plural
from ..diagnostics import Diagnostic
from ..model.records import Records
from ..outputs.textsafety import printable

JSON_VERSION = 1
GITHUB_LIMIT = 10  # GitHub shows at most 10 error and 10 warning annotations per step
SUMMARY_ROWS = 200  # rows of the Markdown step summary before «… и ещё N»
TEXT_WIDTH = 60  # characters of an assignment's text shown in the text table


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day is not None else None


def _ru(day: dt.date | None) -> str:
    return day.strftime("%d.%m.%Y") if day is not None else "—"


def _short(text: str, width: int = TEXT_WIDTH) -> str:
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


# --- json ---------------------------------------------------------------------------------------


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
        "deadline": _iso(item.deadline),
        "days_overdue": item.days_overdue,
        "days_late": item.days_late if done_late else 0,
        "done_on": _iso(item.done_on) if done_late or item.status == "done" else None,
        "report_date": _iso(item.report_date),
        "waiting_event": item.waiting_event,
        "extended": item.extended,
        "deadline_default": item.default_deadline,
        "deadline_early": item.early_deadline,
    }


def _assignment_fields(a) -> dict:
    """The fields every part of an assignment shares."""
    deadline = a.deadline
    return {
        "origin": a.origin,
        "meeting": a.record_id if a.origin == "meeting" else None,
        "roadmap": a.record_id if a.origin == "roadmap" else None,
        "number": a.number,
        "issued": _iso(a.issued),
        "executors": list(a.executors),
        "deadline_as_written": deadline.as_written if deadline is not None else None,
        "deadline_kind": deadline.kind if deadline is not None else None,
        "file": a.file,
        "line": a.line,
        "text": a.text,
        "roadmaps": list(a.roadmaps),
    }


def _points(item: ControlItem) -> list[dict]:
    return [
        {
            "label": p.point.label,
            "nominal": p.point.nominal.isoformat(),
            "deadline": p.due.isoformat(),
            "closed_on": _iso(p.closed_on),
            "late": p.late,
        }
        for p in item.points
    ]


def _extensions(item: ControlItem) -> list[dict]:
    return [
        {
            "new_deadline": _iso(e.new_deadline),
            "requested": _iso(e.requested),
            "approved": _iso(e.approved),
            "approved_by": e.approved_by,
            "basis": e.basis,
        }
        for e in item.extensions
    ]


def item_record(item: ControlItem, records: Records) -> dict:
    """One item of the JSON contract (see docs/check.md «JSON-вывод», docs/check.schema.json)."""
    return {
        **_who_fields(item, records.display_name(item.member)),
        **_state_fields(item),
        **_assignment_fields(item.assignment),
        "points": _points(item),
        "extensions": _extensions(item),
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
            self.shared = _assignment_fields(a)
        executor = self.executors.get(item.member)
        if executor is None:
            name = self.records.display_name(item.member)
            executor = self.executors[item.member] = (
                '"executor": ' + _string(item.member) + ', "executor_name": ' + _string(name) + ", "
            )
        # Parts of one assignment with the same points tuple were tracked together (control.py):
        # the same marks, extensions and cancellation, hence the same state.
        cached = self.states.get(id(item.points))
        if cached is None or not _same_state(cached[0], item):
            tail = {**_state_fields(item), **self.shared, "points": _points(item), "extensions": _extensions(item)}
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
    """The JSON contract. One item (and one discipline row) per line: readable, diffable, and
    written by the C encoder (``indent`` would fall back to the pure-Python one, 10× slower).
    The 20 MB of a large report are joined once: the head and the tail go into the first and
    the last line."""
    head = {"version": JSON_VERSION, "today": today.isoformat(), "warn_days": warn_days}
    if selection:  # --issuer / --meeting / --executor: the items are those selected
        head["filter"] = selection
    writer = _ItemWriter(records)
    lines = [writer.line(i) for i in items]
    rows = ",\n".join([_dumps(discipline_record(r)) for r in discipline])
    start = "{" + _dumps(head)[1:-1] + ',\n"items": ['
    end = '],\n"summary": ' + _dumps(summary) + ',\n"discipline": [' + rows + "]}"
    if not lines:
        return start + end
    lines[0] = start + lines[0]
    lines[-1] += end
    return ",\n".join(lines)


# --- text ---------------------------------------------------------------------------------------


def format_text(items, summary, records: Records, today: dt.date, warn_days: int) -> str:
    overdue, soon = attention(items)
    lines = [f"Контроль исполнения поручений на {_ru(today)}", ""]
    if not overdue and not soon:
        when = f"в пределах {warn_days} {_working_days_genitive(warn_days)}" if warn_days else "сегодня"
        lines.append(f"Просроченных поручений нет; ни у одного срок не истекает {when}.")
        lines.append("")
    for title, group, late in (("ПРОСРОЧЕНО", overdue, True), ("СРОК ИСТЕКАЕТ", soon, False)):
        if group:
            lines.extend(_text_section(title, group, records, late, today))
            lines.append("")
    lines.append(f"Всего поручений (по каждому исполнителю) — {summary['total']}: {counts_line(summary)}.")
    return "\n".join(map(printable, lines))  # a terminal shows it: nothing in a record moves its cursor


def _working_days_genitive(n: int) -> str:
    """«в пределах 1 рабочего дня», «в пределах 3 рабочих дней»."""
    return "рабочего дня" if n % 10 == 1 and n % 100 != 11 else "рабочих дней"


def _text_section(title: str, group: list[ControlItem], records: Records, late: bool, today: dt.date) -> list[str]:
    """One section of the text table: executors (worst first), each with their rows. Executors
    whose rows are the same (the schools of one group assignment) share one heading."""
    by_executor: dict[str, list[ControlItem]] = {}
    for item in group:  # already in order: the executor with the worst item comes first
        by_executor.setdefault(item.member, []).append(item)
    header = ("Срок", "Просрочка" if late else "Осталось", "Поручение", "Запись")
    blocks: dict[tuple, list[str]] = {}  # the rows → the executors that have exactly these rows
    for member, parts in by_executor.items():
        rows = []
        for item in parts:
            a = item.assignment
            when = f"{item.days_overdue} {days_word(item.days_overdue)}" if late else _left(item, today)
            rows.append((deadline_cell(item), when, f"{a.id} {_short(a.text)}", f"{a.file}:{a.line}"))
            rows.extend(_roadmap_rows(a, records))
        blocks.setdefault(tuple(rows), []).append(member)
    all_rows = [row for rows in blocks for row in rows]
    widths = [max(len(header[k]), *(len(r[k]) for r in all_rows)) for k in range(3)]
    out = [f"{title} — {len(group)}", "  " + _row(header, widths)]
    for rows, members in blocks.items():
        count = sum(1 for row in rows if row[0])  # not the «↳ дорожная карта» lines
        if len(members) == 1:
            heading = f"{records.display_name(members[0])} ({members[0]}) — {count}"
        else:
            many = plural(len(members), "исполнитель", "исполнителя", "исполнителей")
            heading = "; ".join(records.display_name(m) for m in members) + f" — {len(members)} {many}, у каждого {count}"
        out.extend(_wrap(heading))
        out.extend("  " + _row(row, widths) for row in rows)
    return out


def _roadmap_rows(a, records: Records) -> list[tuple[str, ...]]:
    """Under a decision that ordered a roadmap: the roadmap that fulfils it, and where it is."""
    rows = []
    for rid in a.roadmaps:
        file, line, _col = records.where(rid, ("ordered_by",))
        rows.append(("", "", f"  ↳ дорожная карта {rid}", f"{file}:{line}"))
    return rows


def _wrap(text: str, width: int = 110) -> list[str]:
    import textwrap

    return textwrap.wrap(text, width, break_long_words=False, break_on_hyphens=False, subsequent_indent="  ") or [text]


def _left(item: ControlItem, today: dt.date) -> str:
    days = (item.deadline - today).days
    if days == 0:
        return "сегодня"
    if days == 1:
        return "завтра"
    return f"через {days} {days_word(days)}"


def deadline_cell(item: ControlItem) -> str:
    """The effective date, and where it comes from when nobody wrote it: «28.02.2022 (по
    умолчанию)» — no deadline in the document; «01.04.2024 (с даты документа)» — the written
    one is before the document's date."""
    if item.default_deadline:
        return f"{_ru(item.deadline)} (по умолчанию)"
    if item.early_deadline:
        return f"{_ru(item.deadline)} (с даты документа)"
    return _ru(item.deadline)


def _row(cells: tuple[str, ...], widths: list[int]) -> str:
    return "  ".join(c.ljust(widths[k]) if k < len(widths) else c for k, c in enumerate(cells)).rstrip()


# --- github -------------------------------------------------------------------------------------


# GitHub Actions reads every line a step prints: one that starts with «::» (after spaces) is a
# workflow command (an annotation, ``::add-mask::``, ``::stop-commands::``…), and so is «##[»
# anywhere in a line (the older syntax). Whatever a record holds, nor-docs prints no command but
# its own annotations: their data is escaped as the runner unescapes it (%25, %0D, %0A; and %3A,
# %2C in properties), every other line is ``_gh_line``, and in all of them characters that could
# lie or break a line are escaped visibly (``textsafety.printable``) and «##[» is broken up.


def _gh_safe(text: str) -> str:
    return printable(text).replace("##[", "# #[")


def _gh_data(text: str) -> str:
    return _gh_safe(text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


def _gh_property(text: str) -> str:
    return _gh_data(text).replace(":", "%3A").replace(",", "%2C")


def _gh_line(text: str) -> str:
    """A line of the github format that is not an annotation: never a workflow command."""
    text = _gh_safe(text)
    stripped = text.lstrip()
    if stripped.startswith("::"):
        text = text[: len(text) - len(stripped)] + ": :" + stripped[2:]
    return text


def _annotation(level: str, file: str, line: int, title: str, message: str) -> str:
    return f"::{level} file={_gh_property(file)},line={line},title={_gh_property(title)}::{_gh_data(message)}"


def _describe(item: ControlItem, records: Records, who: str | None = None) -> str:
    a = item.assignment
    written = f" («{a.deadline.as_written}»)" if a.deadline is not None and a.deadline.kind != "none" else ""
    if item.default_deadline:
        written = f" — срок по умолчанию: в документе срок не указан ({default_rule(records.settings.deadlines)})"
    elif item.early_deadline:
        written += f" — срок раньше даты документа, на контроле с {_ru(item.deadline)}"
    who = who if who is not None else records.display_name(item.member)
    text = _short(a.text, 200)
    if not text.endswith((".", "!", "?", "…")):
        text = text.rstrip(";:,") + "."  # «…программу МОУ. Срок 27.02.2023», not «…МОУ Срок …»
    return f"{who}: {text} Срок {_ru(item.deadline)}{written}."


def _same_assignment(group: list[ControlItem]) -> list[list[ControlItem]]:
    """Parts of one assignment in the same state, together (one annotation on one line)."""
    merged: dict[tuple, list[ControlItem]] = {}
    for item in group:
        merged.setdefault((item.assignment.id, item.status, item.deadline, item.days_overdue), []).append(item)
    return list(merged.values())


def _more_overdue(n: int) -> str:
    """«21 просроченное поручение», «2 просроченных поручения», «5 просроченных поручений»."""
    return plural(n, "просроченное поручение", "просроченных поручения", "просроченных поручений")


def _more_due_soon(n: int) -> str:
    return plural(n, "поручение", "поручения", "поручений") + " с истекающим сроком"


def newest_first(overdue: list[ControlItem]) -> list[ControlItem]:
    """Overdue items, the most recently overdue first: what became overdue this week leads."""
    return sorted(overdue, key=lambda i: (i.days_overdue, i.id))


def format_github(items, summary, records: Records, today: dt.date) -> str:
    """Annotations on the assignments' lines: errors for overdue, warnings for due soon. Parts of
    one assignment in the same state make one annotation; at most 10 of each kind (GitHub's
    limit per step), the 10th counting the rest. Newest first: the most recently overdue lead
    (this week's new ones are never hidden under «Ещё N»), and the soonest due."""
    overdue, soon = attention(items)
    overdue = newest_first(overdue)
    lines = []
    for level, group, rest_words in (("error", overdue, _more_overdue), ("warning", soon, _more_due_soon)):
        merged = _same_assignment(group)
        shown = merged if len(merged) <= GITHUB_LIMIT else merged[: GITHUB_LIMIT - 1]
        for parts in shown:
            item, a = parts[0], parts[0].assignment
            if len(parts) == 1:
                title, who = f"{item.status_text.capitalize()}: {item.id}", None
            else:
                many = plural(len(parts), "исполнитель", "исполнителя", "исполнителей")
                title = f"{item.status_text.capitalize()}: {a.id} ({len(parts)} {many})"
                who = ", ".join(records.display_name(p.member) for p in parts)
            lines.append(_annotation(level, a.file, a.line, title, _describe(item, records, who)))
        rest = merged[len(shown):]
        if rest:
            first = rest[0][0].assignment
            parts = sum(len(r) for r in rest)
            words = rest_words(len(rest))
            lines.append(_annotation(level, first.file, first.line, f"Ещё {len(rest)} {words}",
                                     f"И ещё {len(rest)} {words} (по исполнителям — {parts}; здесь первое из них): "
                                     "полный список — nor-docs check --format text или сводка задания."))  # fmt: skip
    lines.append(_gh_line(f"Контроль исполнения на {_ru(today)}: всего поручений (по каждому исполнителю) — "
                          f"{summary['total']}; {counts_line(summary)}."))  # fmt: skip
    return "\n".join(lines)


# What Markdown (GitHub's) makes something of: emphasis, code, links and images, HTML, headings,
# table cells, strikethrough, math, entities. Escaped with a backslash, each shows as written.
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+!|~$&])")


def _md(text: str) -> str:
    """Record text in a Markdown table cell: one line, with nothing an image, a link, HTML or
    another cell can be made of, and characters that lie escaped visibly."""
    return _MD_SPECIAL.sub(r"\\\1", printable(" ".join(text.split())))


def _md_code(text: str) -> str:
    """An id or a file path in a table cell: as code, unless it holds what would end the code
    or the cell (then as escaped text)."""
    if "`" in text or "|" in text or "\\" in text or printable(text) != text:
        return _md(text)
    return f"`{text}`"


def format_step_summary(items, summary, records: Records, today: dt.date) -> str:
    """A Markdown table for ``$GITHUB_STEP_SUMMARY``: overdue and due soon (parts of one
    assignment in one state on one row), then the counts."""
    overdue, soon = attention(items)
    rows = _same_assignment(overdue) + _same_assignment(soon)
    lines = [f"## Контроль исполнения поручений на {_ru(today)}", "",
             f"Всего поручений (по каждому исполнителю) — {summary['total']}: {counts_line(summary)}.", ""]  # fmt: skip
    if rows:
        lines += ["| Статус | Срок | Исполнитель | Поручение | Запись |", "|---|---|---|---|---|"]
        for parts in rows[:SUMMARY_ROWS]:
            item, a = parts[0], parts[0].assignment
            who = ", ".join(records.display_name(p.member) for p in parts)
            lines.append(f"| {item.status_text} | {deadline_cell(item)} | {_md(who)} "
                         f"| {_md_code(a.id)} {_md(_short(a.text, 120))} | {_md_code(f'{a.file}:{a.line}')} |")  # fmt: skip
        if len(rows) > SUMMARY_ROWS:
            lines.append(f"\n… и ещё {len(rows) - SUMMARY_ROWS}.")
    return "\n".join(lines) + "\n"


# --- gitlab -------------------------------------------------------------------------------------

GITLAB_SEVERITY = {"overdue": "major", "due_soon": "minor"}


def fingerprint(*parts: str) -> str:
    """Stable across runs and days: the same item in the same state keeps its fingerprint."""
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:32]


def format_gitlab(items, records: Records) -> str:
    """A Code Quality report: a JSON list, one issue per line (the C encoder: ``indent`` would
    take the pure-Python one, several times slower on thousands of issues)."""
    overdue, soon = attention(items)
    issues = []
    for item in overdue + soon:
        a = item.assignment
        issues.append(_dumps({
            "description": f"{item.status_text.capitalize()}: {item.id} — {_describe(item, records)}",
            "check_name": f"nor-docs/{item.status}",
            "fingerprint": fingerprint("nor-docs", item.status, item.id),
            "severity": GITLAB_SEVERITY[item.status],
            "location": {"path": a.file, "lines": {"begin": a.line}},
        }))  # fmt: skip
    return "[\n" + ",\n".join(issues) + "\n]" if issues else "[]"


# --- junit --------------------------------------------------------------------------------------


def _xml(root: ET.Element) -> str:
    ET.indent(root, space="  ")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _cdata(text: str) -> str:
    """XML character data, escaped as ElementTree escapes it (and characters XML cannot hold
    shown as escapes, so that the report always parses)."""
    if _XML_ILLEGAL.search(text):
        text = _XML_ILLEGAL.sub(lambda m: printable(m.group()), text)
    if "&" in text:
        text = text.replace("&", "&amp;")
    if "<" in text:
        text = text.replace("<", "&lt;")
    if ">" in text:
        text = text.replace(">", "&gt;")
    return text


def _attr(text: str) -> str:
    """An XML attribute value, escaped as ElementTree escapes it (line breaks as entities)."""
    text = _cdata(text)
    for char, entity in (('"', "&quot;"), ("\r", "&#13;"), ("\n", "&#10;"), ("\t", "&#09;")):
        if char in text:
            text = text.replace(char, entity)
    return text


def format_junit(items, summary, records: Records, today: dt.date, selection: str = "") -> str:
    """JUnit XML: one testcase per part, a failure for overdue, skipped for cancelled. Written
    as text (what ``ElementTree`` with ``indent`` would write, 3× faster on 24,000 cases)."""
    items = list(items)
    failures = sum(i.status == "overdue" for i in items)
    skipped = sum(i.status == "cancelled" for i in items)
    counts = f'tests="{len(items)}" failures="{failures}" errors="0" skipped="{skipped}"'
    suite = _attr(f"Контроль исполнения на {_ru(today)}" + (f". {selection}" if selection else ""))
    lines = ['<?xml version="1.0" encoding="UTF-8"?>', f'<testsuites name="nor-docs check" {counts}>',
             f'  <testsuite name="{suite}" {counts}>']  # fmt: skip
    where: dict[str, tuple[str, str]] = {}  # assignment id → the attributes around the name
    for item in items:
        a = item.assignment
        place = where.get(a.id)
        if place is None:
            place = where[a.id] = (f'    <testcase classname="{_attr(a.record_id)}" name="',
                                   f'" file="{_attr(a.file)}" line="{a.line}"')  # fmt: skip
        case = place[0] + _attr(item.id) + place[1]
        if item.status == "overdue":
            message = _attr(f"{item.status_text}: срок {deadline_cell(item)}")
            text = _cdata(f"{_describe(item, records)}\n{a.file}:{a.line}")
            lines += [case + ">", f'      <failure type="overdue" message="{message}">{text}</failure>', "    </testcase>"]
        elif item.status == "cancelled":
            lines += [case + ">", f'      <skipped message="{STATUS_TEXT["cancelled"]}" />', "    </testcase>"]
        else:
            lines += [case + ">", f"      <system-out>{_cdata(item.status_text)}</system-out>", "    </testcase>"]
    lines += ["  </testsuite>", "</testsuites>"]
    return "\n".join(lines) + "\n"


# --- records that failed validation --------------------------------------------------------------


def diagnostics_github(found: list[Diagnostic]) -> str:
    """An annotation per problem; GitHub shows at most 10 of each kind per step, so past ten
    the tenth counts the rest (every problem is still listed in the log, as plain lines)."""
    lines = []
    for level, group in (("error", [d for d in found if d.is_error]), ("warning", [d for d in found if not d.is_error])):
        shown = group if len(group) <= GITHUB_LIMIT else group[: GITHUB_LIMIT - 1]
        lines += [f"::{level} file={_gh_property(d.file)},line={d.line},col={d.column},"
                  f"title={_gh_property(d.code)}::{_gh_data(d.message)}" for d in shown]  # fmt: skip
        rest = group[len(shown):]
        if rest:
            first = rest[0]
            words = (plural(len(rest), "ошибка", "ошибки", "ошибок") if level == "error"
                     else plural(len(rest), "предупреждение", "предупреждения", "предупреждений"))  # fmt: skip
            lines.append(_annotation(level, first.file, first.line, f"Ещё {len(rest)} {words} в записях",
                                     f"И ещё {len(rest)} {words} в записях (здесь первое из них): полный список — "
                                     "ниже в журнале и в nor-docs validate."))  # fmt: skip
    if len(found) > GITHUB_LIMIT:
        lines += [_gh_line(d.as_text()) for d in found]
    lines.append(_gh_line("Записи не прошли проверку (nor-docs validate): сроки не проверялись."))
    return "\n".join(lines)


def diagnostics_step_summary(found: list[Diagnostic]) -> str:
    """Markdown for ``$GITHUB_STEP_SUMMARY`` when the records do not pass validation: the run's page
    says why no deadline was checked, and where to look."""
    errors = [d for d in found if d.is_error]
    lines = ["## Контроль исполнения поручений: сроки не проверялись", "",
             f"В записях {len(errors)} {plural(len(errors), 'ошибка', 'ошибки', 'ошибок')} — исправьте их "
             "(`nor-docs validate` покажет то же локально).", "",
             "| Файл | Строка | Код | Что не так |", "|---|---|---|---|"]  # fmt: skip
    for d in errors[:SUMMARY_ROWS]:
        lines.append(f"| {_md_code(d.file)} | {d.line} | {d.code} | {_md(d.message)} |")
    if len(errors) > SUMMARY_ROWS:
        lines.append(f"\n… и ещё {len(errors) - SUMMARY_ROWS}.")
    return "\n".join(lines) + "\n"


def diagnostics_gitlab(found: list[Diagnostic]) -> str:
    issues = [
        {
            "description": f"{d.code} {d.message}",
            "check_name": d.code,
            "fingerprint": fingerprint("nor-docs", d.code, d.file, str(d.line), str(d.column), d.message),
            "severity": "critical" if d.is_error else "minor",
            "location": {"path": d.file, "lines": {"begin": d.line}},
        }
        for d in found
    ]
    return json.dumps(issues, ensure_ascii=False, indent=2)


def diagnostics_junit(found: list[Diagnostic]) -> str:
    counts = {"tests": str(len(found)), "failures": "0", "errors": str(len(found)), "skipped": "0"}
    root = ET.Element("testsuites", {"name": "nor-docs check", **counts})
    suite = ET.SubElement(root, "testsuite", {"name": "Проверка записей", **counts})
    for d in found:
        case = ET.SubElement(suite, "testcase", {"classname": d.file, "name": f"{d.file}:{d.line}:{d.column} {d.code}",
                                                 "file": d.file, "line": str(d.line)})  # fmt: skip
        ET.SubElement(case, "error", {"type": d.code, "message": d.message}).text = d.as_text()
    return _xml(root)
