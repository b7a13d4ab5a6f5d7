"""``check --format text``: for people — Russian, overdue first, then due soon, grouped by executor
(executors whose rows are the same share one heading), a line of counts; a selection says what it
holds. Records that failed validation: their diagnostics, and that no deadline was checked."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterable, Iterator
from typing import TextIO

from ..control.assignments import executor_name
from ..control.citation import plain_citation
from ..control.status import ControlItem, days_word, plural
from ..diagnostics import Diagnostic
from ..diagnostics import format_text as diagnostics_text
from ..model.records import Records
from ..outputs.textsafety import printable
from ..russian.names import lower_common_word
from .common import attention, by_documents, counts_line, deadline_cell, document_action_words, ru, short
from .formats import ControlReport


def items(out: TextIO, report: ControlReport) -> None:
    # «Отбор: …» after the first line: a filtered report says what it holds
    words = report.selection.describe(report.records) if report.selection else ""
    write_text(out, report.items, report.counts, report.records, report.today, report.warn_days, words)


def diagnostics(out: TextIO, found: list[Diagnostic]) -> None:
    out.write(diagnostics_text(found) + "\nСроки не проверялись: сначала исправьте записи.")


def format_text(items: Iterable[ControlItem], summary: dict[str, int], records: Records, today: dt.date,
                warn_days: int) -> str:  # fmt: skip
    """The report as one string (what ``items`` writes, without a selection)."""
    out = io.StringIO()
    write_text(out, items, summary, records, today, warn_days)
    return out.getvalue()


def write_text(out: TextIO, items: Iterable[ControlItem], summary: dict[str, int], records: Records,
               today: dt.date, warn_days: int, selection: str = "") -> None:  # fmt: skip
    """The report, line by line as it is made (no line break at the end). A section's rows are
    made before its first line is written: the widths of its columns are those of its widest
    cells, and executors with the same rows share one heading."""
    items = list(items)  # the sections sort them, and «по решениям документов» reads them again
    overdue, soon = attention(items)
    first = True

    def line(text: str) -> None:
        nonlocal first
        if not first:
            out.write("\n")
        out.write(printable(text))  # a terminal shows it: nothing in a record moves its cursor
        first = False

    line(f"Контроль исполнения поручений на {ru(today)}")
    if selection:
        out.write("\n" + selection)  # as the selection describes itself (ids the records define)
    line("")
    if not overdue and not soon:
        when = f"в пределах {warn_days} {_working_days_genitive(warn_days)}" if warn_days else "сегодня"
        line(f"Просроченных поручений нет; ни у одного срок не истекает {when}.")
        line("")
    for title, group, late in (("ПРОСРОЧЕНО", overdue, True), ("СРОК ИСТЕКАЕТ", soon, False)):
        if group:
            for text in _text_section(title, group, records, late, today):
                line(text)
            line("")
    for text in _by_documents_section(items):
        line(text)
    line(f"Всего поручений (по каждому исполнителю) — {summary['total']}: {counts_line(summary)}.")


def _working_days_genitive(n: int) -> str:
    """«в пределах 1 рабочего дня», «в пределах 3 рабочих дней»."""
    return "рабочего дня" if n % 10 == 1 and n % 100 != 11 else "рабочих дней"


def _text_section(title: str, group: list[ControlItem], records: Records, late: bool,
                  today: dt.date) -> Iterator[str]:  # fmt: skip
    """One section of the text table: executors (worst first), each with their rows. Executors
    whose rows are the same (the schools of one group assignment) share one heading."""
    by_executor: dict[str, list[ControlItem]] = {}
    for item in group:  # already in order: the executor with the worst item comes first
        by_executor.setdefault(item.member, []).append(item)
    header = ("Срок", "Просрочка" if late else "Осталось", "Поручение", "Запись")
    blocks: dict[tuple, list[str]] = {}  # the rows → the executors that have exactly these rows
    for member, parts in by_executor.items():
        rows: list[tuple[str, ...]] = []
        for item in parts:
            a = item.assignment
            when = f"{item.days_overdue} {days_word(item.days_overdue)}" if late else _left(item, today)
            rows.append((deadline_cell(item), when, f"{a.id} {short(a.text)}",
                         f"{a.file}:{a.line} — {plain_citation(a, records)}"))  # fmt: skip
            rows.extend(_roadmap_rows(a, records))
            rows.extend(("", "", f"  ↳ {document_action_words(action, entry)}", f"{entry.acted_by.file}:"
                         f"{entry.acted_by.line}") for action, entry in by_documents(item) if action == "extend")  # fmt: skip
        blocks.setdefault(tuple(rows), []).append(member)
    all_rows = [row for rows in blocks for row in rows]
    widths = [max(len(header[k]), *(len(r[k]) for r in all_rows)) for k in range(3)]
    yield f"{title} — {len(group)}"
    yield "  " + _row(header, widths)
    for block_rows, members in blocks.items():
        count = sum(1 for row in block_rows if row[0])  # not the «↳ дорожная карта» lines
        names = [_executor_name(records, by_executor[m]) for m in members]
        # after the first, a group's words go on in lower case, as in a document's list
        names[1:] = [lower_common_word(n) if m in records.groups else n for n, m in zip(names[1:], members[1:])]
        if len(members) == 1:
            heading = f"{_with_id(records, names[0], members[0])} — {count}"
        else:
            many = plural(len(members), "исполнитель", "исполнителя", "исполнителей")
            heading = "; ".join(names) + f" — {len(members)} {many}, у каждого {count}"
        yield from _wrap(heading)
        for row in block_rows:
            yield "  " + _row(row, widths)


def _with_id(records: Records, name: str, member: str) -> str:
    """The executor's name with its id in brackets, for grep: «Иванова И.И. (ivanova)»; a name that
    already ends in the responsible person's brackets shares them — «администрация МР «Прилузский»
    (Нестерюк Е.В.; priluzsky-adm)», not two brackets in a row."""
    bare = records.display_name(member)
    if name != bare and name.startswith(bare + " (") and name.endswith(")"):
        return f"{name[:-1]}; {member})"
    return f"{name} ({member})"


def _executor_name(records: Records, parts: list[ControlItem]) -> str:
    """The executor's name in a heading; an organisation's responsible person in brackets when all
    its rows here name the same one («администрация МР «Прилузский» (Нестерюк Е.В.)»)."""
    names = {executor_name(records, item.assignment, item.member) for item in parts}
    return names.pop() if len(names) == 1 else records.display_name(parts[0].member)


def _by_documents_section(items) -> list[str]:
    """«ПО РЕШЕНИЯМ ДОКУМЕНТОВ»: the parts a later document closed, extended or took off control
    (``acts_on``), one line per decision and assignment — the parts of a group together."""
    found: dict[tuple, list] = {}  # (assignment, action, id of the decision's entry) → [(item, entry)]
    for item in items:
        for action, entry in by_documents(item):
            key = (item.assignment.id, action, id(entry.acted_by), entry.member)
            found.setdefault(key, []).append((item, entry))
    if not found:
        return []
    rows = []
    for (aid, action, _acting, member), parts in found.items():
        item, entry = parts[0]
        who = f"/{member}" if member is not None and item.in_parts else ""
        if member is None and item.in_parts:
            who = f" (исполнителей — {len(parts)})"
        rows.append((f"{aid}{who}", document_action_words(action, entry),
                     f"{entry.acted_by.file}:{entry.acted_by.line}"))  # fmt: skip
    width = max(len(row[0]) for row in rows)
    out = [f"ПО РЕШЕНИЯМ ДОКУМЕНТОВ — {len(rows)}"]
    out.extend(f"  {row[0].ljust(width)}  {row[1]}  {row[2]}" for row in rows)
    return out + [""]


def _roadmap_rows(a, records: Records) -> list[tuple[str, ...]]:
    """Under a decision that ordered a roadmap: the roadmap that fulfils it, and where it is."""
    rows: list[tuple[str, ...]] = []
    for rid in a.roadmaps:
        file, line, _col = records.where(rid, ("ordered_by",))
        rows.append(("", "", f"  ↳ дорожная карта {rid}", f"{file}:{line}"))
    return rows


def _wrap(text: str, width: int = 110) -> list[str]:
    import textwrap

    return textwrap.wrap(text, width, break_long_words=False, break_on_hyphens=False, subsequent_indent="  ") or [text]


def _left(item: ControlItem, today: dt.date) -> str:
    due = item.deadline
    if due is None:  # a part whose deadline is soon has its date
        return ""
    days = (due - today).days
    if days == 0:
        return "сегодня"
    if days == 1:
        return "завтра"
    return f"через {days} {days_word(days)}"


def _row(cells: tuple[str, ...], widths: list[int]) -> str:
    return "  ".join(c.ljust(widths[k]) if k < len(widths) else c for k, c in enumerate(cells)).rstrip()
