"""The formats of ``check`` and the one table from format to writer (as ruff's ``--output-format``).

A writer is a module (``WRITERS``: format → module) with ``items(out, report)`` — the control items
of a ``ControlReport`` — and ``diagnostics(out, found)`` — the problems of records that failed validation; each writes its text
into ``out`` as it makes it (no line break at the end: the caller ends the report). A new format is
a module beside these and a row of ``WRITERS``.
"""

from __future__ import annotations

import datetime as dt
import importlib
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, Protocol, TextIO

if TYPE_CHECKING:
    from ..control.selection import ControlFilter
    from ..control.status import ControlItem
    from ..diagnostics import Diagnostic
    from ..model.records import Records


class Format(StrEnum):
    """``check --format``: for people, GitHub annotations, GitLab Code Quality, JSON, JUnit."""

    TEXT = "text"
    GITHUB = "github"
    GITLAB = "gitlab"
    JSON = "json"
    JUNIT = "junit"


@dataclass(frozen=True)
class ControlReport:
    """What a report says: the control items as of ``today`` (those a selection picked, if any)
    with their counts by status, from ``records``."""

    items: list[ControlItem]
    counts: dict[str, int]
    records: Records
    today: dt.date
    warn_days: int
    selection: ControlFilter | None = None


class Writer(Protocol):
    def items(self, out: TextIO, report: ControlReport) -> None: ...

    def diagnostics(self, out: TextIO, found: list[Diagnostic]) -> None: ...


# The one table from format to writer: the module under ``nor_docs/report/`` that writes it. By
# name, so that the command line can list the formats without importing a writer (or the models).
WRITERS: dict[Format, str] = {
    Format.TEXT: "text",
    Format.GITHUB: "github",
    Format.GITLAB: "gitlab",
    Format.JSON: "json",
    Format.JUNIT: "junit",
}


def writer(fmt: Format | str) -> Writer:
    """The writer of ``fmt`` (its module, imported now)."""
    module: Writer = importlib.import_module(f"{__package__}.{WRITERS[Format(fmt)]}")
    return module
