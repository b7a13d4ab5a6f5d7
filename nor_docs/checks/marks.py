"""Execution marks, extensions and cancellations against the assignments they name (NOR104, NOR110,
NOR114, NOR115, NOR118–NOR121, NOR206): the assignment exists (or why it is not one), the member is
its executor, nothing is dated before the meeting, and nothing contradicts another entry in a way
the control logic would settle silently — with what later documents decide about assignments
(``acts_on``, ``links.py``) among the marks."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from typing import TypeVar

from ..control.assignments import Assignment, collect_assignments
from ..control.links import acted_entries
from ..diagnostics import Diagnostic
from ..model.deadline import ManualDeadline, RecurringDeadline, SeveralDeadline
from ..model.links import DocumentMark
from ..model.marks import Cancellation, ExecutionMark, Extension
from ..model.records import Located
from .context import Context, unknown_assignment, unknown_reference


def check(ctx: Context) -> None:
    acted = acted_entries(ctx.r)  # what later documents decide: checked as marks by ``contradictions``
    if ctx.r.marks or ctx.r.extensions or ctx.r.cancellations or acted:
        assignments = {a.id: a for a in collect_assignments(ctx.r)}
        marks(ctx, assignments)
        contradictions(ctx, assignments, ctx.r.marks + acted.marks, ctx.r.extensions + acted.extensions,
                       ctx.r.cancellations + acted.cancellations)  # fmt: skip


def marks(ctx: Context, assignments: dict[str, Assignment]) -> None:
    # A meeting or roadmap file that failed its schema is not loaded; its own errors say so,
    # and its marks are checked in the run after the fix (not «unknown», not hinted elsewhere).
    unloaded = {path.stem for path in ctx.r.files if {"meetings", "roadmaps"} & set(path.parts[-3:-1])}
    unloaded -= set(ctx.r.meetings) | set(ctx.r.roadmaps)
    by_assignment: dict[str, list[Located[Extension]]] = {}
    for located_extension in ctx.r.extensions:
        by_assignment.setdefault(located_extension.value.assignment, []).append(located_extension)
    for collection, person_field in (
        (ctx.r.marks, None), (ctx.r.extensions, "approved_by"), (ctx.r.cancellations, "by"),
    ):  # fmt: skip
        for located in collection:
            mark = located.value
            file = located.file
            if mark.assignment not in assignments:
                if mark.assignment.partition("#")[0] in unloaded:
                    continue
                line, col = located.source.position(located.loc + ("assignment",))
                why = not_an_assignment(ctx, mark.assignment)
                if why is None:
                    why = unknown_assignment(mark.assignment, assignments)
                ctx.found.append(Diagnostic(file, line, col, "NOR110", why))
                continue
            assignment = assignments[mark.assignment]
            not_before_meeting(ctx, located, assignment, person_field)
            if mark.member is not None and mark.member not in assignment.members:
                line, col = located.source.position(located.loc + ("member",))
                members = ", ".join(assignment.members) or "—"
                ctx.found.append(Diagnostic(file, line, col, "NOR114",
                                             f"«{mark.member}» не исполнитель поручения {mark.assignment}; "
                                             f"исполнители: {members}"))  # fmt: skip
            if person_field:
                value = getattr(mark, person_field)
                if value not in ctx.kinds["person"]:
                    line, col = located.source.position(located.loc + (person_field,))
                    ctx.found.append(Diagnostic(file, line, col, *unknown_reference(value, ctx.kinds["person"], "лицо")))
            if isinstance(mark, Extension) and mark.requested and assignment.deadline is not None:
                due = _deadline_when_requested(getattr(assignment.deadline, "date", None), mark,
                                               by_assignment[mark.assignment])  # fmt: skip
                if due is not None and mark.requested > due:
                    line, col = located.source.position(located.loc + ("requested",))
                    ctx.found.append(Diagnostic(file, line, col, "NOR206",
                                                 f"продление запрошено {mark.requested:%d.%m.%Y}, после срока "
                                                 f"{due:%d.%m.%Y}; просьба о переносе подаётся до срока"))  # fmt: skip


def not_an_assignment(ctx: Context, ref: str) -> str | None:
    """What a reference names when it names a decision or a roadmap item that is not on
    control (no executors, or ``on_control: false``); None when it names nothing known."""
    record_id, _, number = ref.partition("#")
    meeting = ctx.r.meetings.get(record_id)
    if meeting is not None:
        for _loc, decision, executors in meeting.all_decisions():
            if decision.number.rstrip(".") == number.rstrip("."):
                if not decision.on_control:
                    return (f"решение {number} заседания {record_id} не на контроле (on_control: false) — "
                            "это не поручение, отмечать его исполнение не нужно; уберите запись или "
                            "поставьте решение на контроль")  # fmt: skip
                return (f"у решения {number} заседания {record_id} нет исполнителей — это не поручение; "
                        "укажите в решении executors или уберите запись")  # fmt: skip
    from ..control.links import roadmap_item

    item = roadmap_item(ctx.r, record_id, number) if record_id in ctx.r.roadmaps else None
    if item is not None:
        return (f"у пункта {number} дорожной карты {record_id} нет исполнителей — это не поручение; "
                "укажите в пункте executors или уберите запись")  # fmt: skip
    return None


def contradictions(ctx: Context, assignments: dict[str, Assignment], all_marks: list, all_extensions: list,
                   all_cancellations: list) -> None:  # fmt: skip
    """Marks, extensions and cancellations that contradict each other, which the control
    logic would otherwise settle silently: a second final mark for a part whose deadline has
    one control point (the earlier would win) — NOR121; an extension whose new deadline is
    before its own approval (the part would turn overdue after the fact) — NOR118; a part
    taken off control twice (the earlier would win) — NOR119; an extension approved or a
    cancellation dated after the part was done (it would vanish, or be ignored) — NOR120."""
    for located in all_extensions:
        extension = located.value
        if extension.assignment in assignments and extension.new_deadline < extension.approved:
            line, col = located.source.position(located.loc + ("new_deadline",))
            ctx.found.append(Diagnostic(located.file, line, col, "NOR118",
                                         f"новый срок {extension.new_deadline:%d.%m.%Y} раньше даты утверждения "
                                         f"продления {extension.approved:%d.%m.%Y}: продление задним числом сделало бы "
                                         f"поручение {extension.assignment} просроченным; проверьте даты"))  # fmt: skip
    # Entries without ``member`` apply to every part: one is reported only when it changes
    # nothing for any of them (a cancellation of «the rest» after some parts were done is
    # how offices write it, and is right). Only assignments that could hold a contradiction
    # — more than one final mark or cancellation, or an extension — are looked at part by part.
    finals = _by_assignment(all_marks, assignments, lambda mark: not mark.interim)
    cancellations = _by_assignment(all_cancellations, assignments, lambda cancellation: True)
    extensions = _by_assignment(all_extensions, assignments, lambda extension: True)
    for aid in finals.keys() | cancellations.keys() | extensions.keys():
        marks, cancelled = finals.get(aid, []), cancellations.get(aid, [])
        if len(marks) < 2 and len(cancelled) < 2 and not (marks and (cancelled or aid in extensions)):
            continue
        contradictions_of(ctx, assignments[aid], marks, cancelled, extensions.get(aid, []))


def contradictions_of(ctx: Context, assignment: Assignment, marks: list[Located[ExecutionMark]],
                      cancelled: list[Located[Cancellation]], extended: list[Located[Extension]]) -> None:  # fmt: skip
    """``contradictions`` for one assignment, part by part."""
    aid, points = assignment.id, _control_points(assignment)
    finals = _by_part(marks, assignment)
    done: dict[str, Located[ExecutionMark]] = {}  # member → the mark that closed its part's last point
    effective: set[int] = set()  # id() of the marks that close a point of some part
    for member, entries in finals.items():
        effective.update(id(located) for located in (entries if points is None else entries[:points]))
        if points is not None and len(entries) >= points:
            done[member] = entries[points - 1]
    if points is not None:
        for member, entries in finals.items():
            for located in entries[points:]:
                if isinstance(located.value, DocumentMark):
                    continue  # a later decision takes off control what a mark closed: it confirms, not repeats
                if id(located) not in effective:
                    repeated_entry(ctx, located, entries[points - 1], "NOR121", aid, member, assignment,
                                   ("отмечено исполненным", "отмечена исполненной"),
                                   "оставьте одну отметку или сделайте эту промежуточной (interim: true)")  # fmt: skip
    parts = _by_part(cancelled, assignment)
    first_cancellations = {id(cancellations[0]) for cancellations in parts.values()}
    for member, cancellations in parts.items():
        for cancellation in cancellations[1:]:
            if id(cancellation) not in first_cancellations:
                repeated_entry(ctx, cancellation, cancellations[0], "NOR119", aid, member, assignment,
                               ("снято с контроля", "снята с контроля"), "оставьте одно снятие")
    if not done:
        return
    # the extensions first, then the cancellations
    after: list[Located[Extension] | Located[Cancellation]] = [*extended, *cancelled]
    for later in after:
        entry = later.value
        members = [entry.member] if entry.member is not None else list(assignment.members)
        closings = [done[member] for member in members if member in done]
        if members and len(closings) == len(members) and all(_late(entry, c.value.date) for c in closings):
            what = "продление утверждено" if isinstance(entry, Extension) else "снятие с контроля датировано"
            after_done(ctx, later, max(closings, key=lambda c: c.value.date), what, members, assignment)


def _late(entry: Extension | Cancellation, done_on: dt.date) -> bool:
    """An extension approved after the day its part was done, or a cancellation dated on it or after."""
    return entry.approved > done_on if isinstance(entry, Extension) else entry.date >= done_on


def after_done(ctx: Context, located: Located[Extension] | Located[Cancellation], closing: Located[ExecutionMark],
               what: str, parts: list[str], assignment: Assignment) -> None:  # fmt: skip
    """NOR120: an extension or a cancellation of a part (or of every part) already done."""
    entry = located.value
    field_name = "approved" if hasattr(entry, "approved") else "date"
    day = getattr(entry, field_name)
    if len(assignment.members) == 1:
        whom = f"поручение {assignment.id} уже исполнено"
    elif len(parts) == 1:
        whom = f"часть исполнителя «{parts[0]}» поручения {assignment.id} уже исполнена"
    else:
        whom = f"все части поручения {assignment.id} уже исполнены, последняя —"
    line, col = located.source.position(located.loc + (field_name,))
    cline, _ = closing.source.position(closing.loc + ("date",))
    ctx.found.append(Diagnostic(located.file, line, col, "NOR120",
                                 f"{what} {day:%d.%m.%Y}, а {whom} {closing.value.date:%d.%m.%Y} "
                                 f"({closing.file}:{cline}): оно ничего бы не изменило; удалите его или проверьте "
                                 "даты"))  # fmt: skip


def repeated_entry(ctx: Context, located: Located[Dated], first: Located[Dated], code: str, aid: str, member: str, assignment: Assignment,
                   what: tuple[str, str], way_out: str) -> None:  # fmt: skip
    """A mark or cancellation that repeats ``first`` for the same part (reported once, at
    the first part it repeats for); ``what`` says what happened to an assignment and to one
    member's part («…о», «…а»)."""
    if id(located) in ctx.reported:
        return
    ctx.reported.add(id(located))
    whom = (f"поручение {aid}: часть исполнителя «{member}» уже {what[1]}" if len(assignment.members) > 1
            else f"поручение {aid} уже {what[0]}")  # fmt: skip
    line, col = located.source.position(located.loc + ("date",))
    fline, _ = first.source.position(first.loc + ("date",))
    ctx.found.append(Diagnostic(located.file, line, col, code,
                                 f"{whom} {first.value.date:%d.%m.%Y} ({first.file}:{fline}); {way_out}"))  # fmt: skip


def not_before_meeting(ctx: Context, located: Located[ExecutionMark] | Located[Extension] | Located[Cancellation],
                       assignment: Assignment, person_field: str | None) -> None:
    """A mark, an extension or a cancellation dated before the meeting that gave the
    assignment is a slip of the year (it would close the assignment «on time»), as a
    deadline before its meeting is (NOR108)."""
    if assignment.origin != "meeting" or assignment.issued is None:
        return
    entry = located.value
    field_name = "approved" if person_field == "approved_by" else "date"
    when = getattr(entry, field_name)
    if when < assignment.issued:
        line, col = located.source.position(located.loc + (field_name,))
        what = {None: "отметка от", "approved_by": "продление утверждено", "by": "снято с контроля"}[person_field]
        ctx.found.append(Diagnostic(located.file, line, col, "NOR115",
                                     f"{what} {when:%d.%m.%Y} — раньше заседания {assignment.issued:%d.%m.%Y}, "
                                     f"на котором дано поручение {assignment.id}; проверьте год"))  # fmt: skip


Entry = TypeVar("Entry", ExecutionMark, Extension, Cancellation)
Dated = TypeVar("Dated", ExecutionMark, Cancellation)  # the entries that close or end a part on a date


def _by_assignment(located_entries: Iterable[Located[Entry]], assignments: dict[str, Assignment],
                   counts: Callable[[Entry], bool]) -> dict[str, list[Located[Entry]]]:  # fmt: skip
    """Assignment id → its entries (marks, extensions or cancellations) that ``counts``, in record order."""
    found: dict[str, list[Located[Entry]]] = {}
    for located in located_entries:
        entry = located.value
        if entry.assignment in assignments and counts(entry):
            found.setdefault(entry.assignment, []).append(located)
    return found


def _by_part(located_entries: list[Located[Dated]], assignment: Assignment) -> dict[str, list[Located[Dated]]]:
    """Member → the entries (marks or cancellations) of ``assignment`` that apply to that part, in
    date order (then record order): an entry without ``member`` applies to every part."""
    parts: dict[str, list[Located[Dated]]] = {}
    members = set(assignment.members)
    for located in located_entries:
        member = located.value.member
        for part in [member] if member is not None else assignment.members:
            if part in members:
                parts.setdefault(part, []).append(located)
    for entries in parts.values():
        entries.sort(key=lambda located: located.value.date)  # stable: record order among equals
    return parts


def _control_points(assignment: Assignment) -> int | None:
    """How many final marks the part of ``assignment`` can take: one per control point of a
    deadline with fixed points (one for «постоянно», closed by its mark); None for a recurring
    deadline, whose every mark closes the next period."""
    deadline = assignment.deadline
    if deadline is None:
        return 1
    if isinstance(deadline, RecurringDeadline):
        return None
    if isinstance(deadline, SeveralDeadline):
        return len(deadline.points)
    if isinstance(deadline, ManualDeadline):  # control dates written beside words nor-docs does not read
        return len(deadline.control)
    return 1


def _deadline_when_requested(written, extension, extensions: list):
    """The deadline an extension request is measured against: the written date, or the new date
    of the latest extension of the same assignment (and member, or all members) approved by the
    day of the request — a second extension asked for before the first new date is in time."""
    if written is None:
        return None
    due, approved = written, None
    for located in extensions:  # those of the same assignment; the last approved wins, as in deadlines.py
        other = located.value
        if (other is not extension and other.member in (None, extension.member)
                and other.approved <= extension.requested and (approved is None or other.approved >= approved)):
            due, approved = other.new_deadline, other.approved
    return due
