"""``check --format gitlab``: a GitLab Code Quality report — an issue per overdue or due-soon item
(or per problem of records that failed validation), with a fingerprint stable across runs."""

from __future__ import annotations

import hashlib
import io
import json
from collections.abc import Iterable
from typing import TextIO

from ..control.status import ControlItem
from ..diagnostics import Diagnostic
from ..model.records import Records
from .common import attention, describe
from .formats import ControlReport

_dumps = json.JSONEncoder(ensure_ascii=False).encode


def items(out: TextIO, report: ControlReport) -> None:
    write_gitlab(out, report.items, report.records)


def diagnostics(out: TextIO, found: list[Diagnostic]) -> None:
    out.write(diagnostics_gitlab(found))


GITLAB_SEVERITY = {"overdue": "major", "due_soon": "minor"}


def fingerprint(*parts: str) -> str:
    """Stable across runs and days: the same item in the same state keeps its fingerprint."""
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:32]


def format_gitlab(items: Iterable[ControlItem], records: Records) -> str:
    """The report as one string (what ``items`` writes)."""
    out = io.StringIO()
    write_gitlab(out, items, records)
    return out.getvalue()


def write_gitlab(out: TextIO, items: Iterable[ControlItem], records: Records) -> None:
    """A Code Quality report: a JSON list, one issue per line, each written as it is made (the C
    encoder: ``indent`` would take the pure-Python one, several times slower on thousands of
    issues; and the list is never held whole)."""
    overdue, soon = attention(items)
    if not overdue and not soon:
        out.write("[]")
        return
    separator = "[\n"
    for item in overdue + soon:
        a = item.assignment
        out.write(separator)
        out.write(_dumps({
            "description": f"{item.status_text.capitalize()}: {item.id} — {describe(item, records)}",
            "check_name": f"nor-docs/{item.status}",
            "fingerprint": fingerprint("nor-docs", item.status, item.id),
            "severity": GITLAB_SEVERITY[item.status],
            "location": {"path": a.file, "lines": {"begin": a.line}},
        }))  # fmt: skip
        separator = ",\n"
    out.write("\n]")


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
