"""``check --format github``: workflow annotations on the assignments' lines (errors for overdue,
warnings for due soon, at most 10 of each — GitHub's limit per step), a Markdown summary for
``$GITHUB_STEP_SUMMARY``; for records that failed validation, an annotation per problem. Whatever
a record holds, nothing printed is a workflow command but our own annotations."""

from __future__ import annotations

import datetime as dt
import re
from typing import TextIO

from ..control.status import plural
from ..diagnostics import Diagnostic
from ..model.records import Records
from ..outputs.textsafety import printable
from .common import attention, counts_line, deadline_cell, describe, newest_first, ru, same_assignment, short
from .formats import ControlReport

GITHUB_LIMIT = 10  # GitHub shows at most 10 error and 10 warning annotations per step
SUMMARY_ROWS = 200  # rows of the Markdown step summary before «… и ещё N»


def items(out: TextIO, report: ControlReport) -> None:
    out.write(format_github(report.items, report.counts, report.records, report.today))


def diagnostics(out: TextIO, found: list[Diagnostic]) -> None:
    out.write(diagnostics_github(found))


def step_summary(report: ControlReport) -> str:
    """The Markdown of ``$GITHUB_STEP_SUMMARY``; a selection says what it holds (after its heading)."""
    text = format_step_summary(report.items, report.counts, report.records, report.today)
    words = report.selection.describe(report.records) if report.selection else ""
    if not words:
        return text
    lines = text.split("\n")
    return "\n".join(lines[:2] + [words] + lines[2:])


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


def _more_overdue(n: int) -> str:
    """«21 просроченное поручение», «2 просроченных поручения», «5 просроченных поручений»."""
    return plural(n, "просроченное поручение", "просроченных поручения", "просроченных поручений")


def _more_due_soon(n: int) -> str:
    return plural(n, "поручение", "поручения", "поручений") + " с истекающим сроком"


def format_github(items, summary, records: Records, today: dt.date) -> str:
    """Annotations on the assignments' lines: errors for overdue, warnings for due soon. Parts of
    one assignment in the same state make one annotation; at most 10 of each kind (GitHub's
    limit per step), the 10th counting the rest. Newest first: the most recently overdue lead
    (this week's new ones are never hidden under «Ещё N»), and the soonest due."""
    overdue, soon = attention(items)
    overdue = newest_first(overdue)
    lines = []
    for level, group, rest_words in (("error", overdue, _more_overdue), ("warning", soon, _more_due_soon)):
        merged = same_assignment(group)
        shown = merged if len(merged) <= GITHUB_LIMIT else merged[: GITHUB_LIMIT - 1]
        for parts in shown:
            item, a = parts[0], parts[0].assignment
            if len(parts) == 1:
                title, who = f"{item.status_text.capitalize()}: {item.id}", None
            else:
                many = plural(len(parts), "исполнитель", "исполнителя", "исполнителей")
                title = f"{item.status_text.capitalize()}: {a.id} ({len(parts)} {many})"
                who = ", ".join(records.display_name(p.member) for p in parts)
            lines.append(_annotation(level, a.file, a.line, title, describe(item, records, who)))
        rest = merged[len(shown):]
        if rest:
            first = rest[0][0].assignment
            rest_parts = sum(len(r) for r in rest)
            words = rest_words(len(rest))
            lines.append(_annotation(level, first.file, first.line, f"Ещё {len(rest)} {words}",
                                     f"И ещё {len(rest)} {words} (по исполнителям — {rest_parts}; здесь первое из них): "
                                     "полный список — nor-docs check --format text или сводка задания."))  # fmt: skip
    lines.append(_gh_line(f"Контроль исполнения на {ru(today)}: всего поручений (по каждому исполнителю) — "
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
    rows = same_assignment(overdue) + same_assignment(soon)
    lines = [f"## Контроль исполнения поручений на {ru(today)}", "",
             f"Всего поручений (по каждому исполнителю) — {summary['total']}: {counts_line(summary)}.", ""]  # fmt: skip
    if rows:
        lines += ["| Статус | Срок | Исполнитель | Поручение | Запись |", "|---|---|---|---|---|"]
        for parts in rows[:SUMMARY_ROWS]:
            item, a = parts[0], parts[0].assignment
            who = ", ".join(records.display_name(p.member) for p in parts)
            lines.append(f"| {item.status_text} | {deadline_cell(item)} | {_md(who)} "
                         f"| {_md_code(a.id)} {_md(short(a.text, 120))} | {_md_code(f'{a.file}:{a.line}')} |")  # fmt: skip
        if len(rows) > SUMMARY_ROWS:
            lines.append(f"\n… и ещё {len(rows) - SUMMARY_ROWS}.")
    return "\n".join(lines) + "\n"


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
