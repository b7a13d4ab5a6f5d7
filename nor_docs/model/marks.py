"""Execution marks, extensions and removals from control, kept apart from the protocols.

A signed protocol does not change; what happens to its assignments afterwards is written in
files under ``records/marks/`` (one per month or per executor reads well). Each entry names an
assignment by its id (``2021-09-29-kuznetsk#4.2`` or ``roadmap-id#2.1``) and, for a group
assignment, the member whose part it is.
"""

from __future__ import annotations

from pydantic import Field

from .common import NUMBER_IN_REFERENCE, Date, Record, Ref, Text

# ``<meeting or roadmap id>#<decision or item number>``: «2023-12-14-mun4-wg#3», «…#3-а».
ASSIGNMENT_ID_PATTERN = rf"^[a-z0-9][a-z0-9._-]*#{NUMBER_IN_REFERENCE}$"
AssignmentRef = Field(pattern=ASSIGNMENT_ID_PATTERN)


class ExecutionMark(Record):
    """«Исполнено»: the date and what confirms it. ``interim: true`` is a progress report that
    does not close the assignment."""

    assignment: str = AssignmentRef
    member: Ref | None = None  # for a group assignment: whose part this is
    date: Date
    document: str | None = None  # «письмо № 12 от 05.10.2021», «аналитическая справка»
    number: str | None = None
    link: str | None = None
    note: str | None = None
    interim: bool = False


class Extension(Record):
    """«Срок продлён»: a new date, on what basis, approved by whom (the one who gave it)."""

    assignment: str = AssignmentRef
    member: Ref | None = None
    new_deadline: Date
    requested: Date | None = None  # when the executor asked (should be before the deadline)
    approved: Date
    approved_by: Ref
    basis: Text


class Cancellation(Record):
    """«Снято с контроля» without execution, by the one who gave the assignment."""

    assignment: str = AssignmentRef
    member: Ref | None = None
    date: Date
    by: Ref
    basis: Text


class MarksFile(Record):
    marks: list[ExecutionMark] = Field(default_factory=list)
    extensions: list[Extension] = Field(default_factory=list)
    cancellations: list[Cancellation] = Field(default_factory=list)
