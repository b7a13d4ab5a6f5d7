"""Links between documents (NOR110, NOR114, NOR127, NOR128, NOR129, NOR206, NOR216, NOR217): a decision's
``acts_on`` names an assignment (and its members) that exists, given before the decision; an
extension moves the deadline to one date, before the deadline passed; the one who gave the
assignment is the one who acts on it. A document's or an agenda item's ``reviews`` /
``implements`` name a record (and an item of it) that exists and is not later than the document.
A report on execution (``reports``) says what the marks say on its date (NOR217).
What the actions contradict (a second closing, an extension after the part was done) is
``marks.contradictions``'s, which sees them with the marks of ``records/marks/``."""

from __future__ import annotations

import datetime as dt

from ..control.assignments import Assignment, collect_assignments
from ..control.links import acted_entries, document_actions, linked_documents, report_entries
from ..control.schedule import make_context, schedule
from ..control.status import control_items
from ..diagnostics import Diagnostic
from ..model.common import format_date
from ..model.links import STATUS_ACTIONS
from .context import Context, unknown_assignment
from .marks import not_an_assignment

# What an action does, in the words of a message: «решение … снимает с контроля поручение …».
_VERB = {"done": "снимает с контроля как исполненное", "extend": "продлевает", "cancel": "снимает с контроля",
         "review": "рассматривает", "amend": "изменяет"}  # fmt: skip


def check(ctx: Context) -> None:
    acted = acted_entries(ctx.r)
    if not acted and not any(m.reviews or m.implements or m.reports for m in ctx.r.meetings.values()):
        return
    assignments = {a.id: a for a in collect_assignments(ctx.r)}
    unloaded = {path.stem for path in ctx.r.files if {"meetings", "roadmaps"} & set(path.parts[-3:-1])}
    unloaded -= set(ctx.r.meetings) | set(ctx.r.roadmaps)
    actions(ctx, assignments, unloaded)
    for located in acted.unread:
        line, col = located.source.position(located.loc + ("new_deadline",))
        ctx.found.append(Diagnostic(located.file, line, col, "NOR129",
                                    f"новый срок «{located.value.new_deadline.as_written}» — не одна дата: продление переносит "
                                    "срок на день; напишите его датой («до 01.06.2024») или сроком от даты документа "
                                    "(«в течение 10 рабочих дней»)"))  # fmt: skip
    targets(ctx, assignments, unloaded)
    reports(ctx, assignments, unloaded)


def actions(ctx: Context, assignments: dict[str, Assignment], unloaded: set[str]) -> None:
    """Each ``acts_on`` entry against the assignment it names."""
    for mid, loc, decision, i, action in document_actions(ctx.r):
        meeting = ctx.r.meetings[mid]
        aloc = loc + ("acts_on", i)
        target = assignments.get(action.assignment)
        if target is None:
            if action.assignment.partition("#")[0] in unloaded:
                continue  # its file failed its schema: its own errors say so
            why = not_an_assignment(ctx, action.assignment) or unknown_assignment(action.assignment, assignments)
            ctx.report(mid, aloc + ("assignment",), "NOR110", why)
            continue
        for key, members in (("member", [action.member]), ("members", action.members)):
            for j, member in enumerate(members):
                if member is not None and member not in target.members:
                    where = aloc + ((key,) if key == "member" else (key, j))
                    shown = ", ".join(target.members) or "—"
                    ctx.report(mid, where, "NOR114", f"«{member}» не исполнитель поручения {target.id}; "
                                                     f"исполнители: {shown}")  # fmt: skip
        number = decision.number.rstrip(".")
        if target.issued is not None and meeting.date < target.issued:
            ctx.report(mid, aloc + ("assignment",), "NOR128",
                       f"решение {number} от {format_date(meeting.date)} {_VERB[action.action]} поручение {target.id}, "
                       f"данное {format_date(target.issued)} — позже самого решения; проверьте дату документа или "
                       "ссылку на поручение")  # fmt: skip
            continue
        if action.action in STATUS_ACTIONS and ctx.warnings:
            other_issuer(ctx, mid, aloc, target)
        if action.action == "extend":
            after_deadline(ctx, mid, aloc, target, meeting.date)


def other_issuer(ctx: Context, mid: str, loc: tuple, target: Assignment) -> None:
    """NOR216: the assignment was given by another body than the one whose document acts on it."""
    issuer = ctx.r.meetings[mid].issuer
    given = (ctx.r.meetings[target.record_id] if target.origin == "meeting" else ctx.r.roadmaps[target.record_id]).issuer
    if issuer == given:
        return
    ctx.report(mid, loc + ("assignment",), "NOR216",
               f"поручение {target.id} дано от имени «{ctx.r.display_name(given)}», а решение о нём — от имени "
               f"«{ctx.r.display_name(issuer)}»: снимать с контроля и продлевать срок может тот, кто поручил; "
               "проверьте ссылку (или issuer документа)")  # fmt: skip


def after_deadline(ctx: Context, mid: str, loc: tuple, target: Assignment, day: dt.date) -> None:
    """NOR206: an extension decided after the deadline it moves had passed (the assignment was
    overdue by then; the extension does not undo that)."""
    if not ctx.warnings or target.issued is None:
        return
    context = make_context(ctx.r.settings.deadlines, day, {})
    plan = schedule(target.deadline, target.issued, context)
    if len(plan.points) != 1 or plan.following is not None or plan.points[0].default:
        return
    due = plan.points[0].due
    if day > due:
        ctx.report(mid, loc, "NOR206",
                   f"срок поручения {target.id} продлён {format_date(day)}, после срока {format_date(due)}: "
                   "продлевают до срока, по просьбе исполнителя; до решения поручение было просрочено")  # fmt: skip


def targets(ctx: Context, assignments: dict[str, Assignment], unloaded: set[str]) -> None:
    """``reviews`` / ``implements`` of documents and agenda items: the record, the item, the
    assignment named exist, and are not later than the document that names them."""
    for mid, meeting in ctx.r.meetings.items():
        for loc, target, _item in linked_documents(meeting):
            if target.assignment is not None:
                named = assignments.get(target.assignment)
                if named is None:
                    if target.assignment.partition("#")[0] not in unloaded:
                        why = (not_an_assignment(ctx, target.assignment)
                               or unknown_assignment(target.assignment, assignments))  # fmt: skip
                        ctx.report(mid, loc + ("assignment",), "NOR110", why)
                    continue
                issued = named.issued
            elif target.record is not None:
                if target.record in unloaded:
                    continue
                issued = _record_date(ctx, target.record)
                if issued is None:
                    ctx.report(mid, loc + ("record",), "NOR127", unknown_record(ctx, target.record))
                    continue
                if target.item is not None and not _has_item(ctx, target.record, target.item):
                    ctx.report(mid, loc + ("item",), "NOR127",
                               f"в документе {target.record} нет пункта {target.item}; проверьте номер")  # fmt: skip
                    continue
            else:
                continue  # ``cite:`` — a paper outside the records, printed as written
            if issued is not None and meeting.date < issued:
                ctx.report(mid, loc, "NOR128",
                           f"документ от {format_date(meeting.date)} ссылается на документ от {format_date(issued)} "
                           "— более поздний; проверьте дату или ссылку")  # fmt: skip


def unknown_record(ctx: Context, record_id: str) -> str:
    from ..model.near_ids import near_id

    known = set(ctx.r.meetings) | set(ctx.r.roadmaps)
    hint = near_id(record_id, known)
    tail = (f"; возможно, «{hint}»?" if hint else
            "; документа с таким id (имя файла без .yaml) нет в records/meetings/ и records/roadmaps/ — "
            "если его нет в записях, сошлитесь на него как написано: cite: …")  # fmt: skip
    return f"неизвестный документ «{record_id}»{tail}"


def _record_date(ctx: Context, record_id: str) -> dt.date | None:
    meeting = ctx.r.meetings.get(record_id)
    if meeting is not None:
        return meeting.date
    roadmap = ctx.r.roadmaps.get(record_id)
    if roadmap is not None:
        return roadmap.approval.date if roadmap.approval else roadmap.period.start
    return None


def _has_item(ctx: Context, record_id: str, item: str) -> bool:
    """The record has a decision (or a roadmap item, or an agenda item) numbered ``item``."""
    number = item.rstrip(".")
    meeting = ctx.r.meetings.get(record_id)
    if meeting is not None:
        if any(d.number.rstrip(".") == number for _loc, d, _e in meeting.all_decisions()):
            return True
        return any(a.number.rstrip(".") == number for a in meeting.agenda)
    from ..control.links import roadmap_item

    return roadmap_item(ctx.r, record_id, number) is not None


# A report's meaning → the statuses the marks may give for it on the report's date.
_AGREES = {
    "done": {"done", "done_late"},
    "not-done": {"overdue", "due_soon", "extended", "open", "waiting_event", "no_deadline", "standing"},
    "in-progress": {"due_soon", "extended", "open", "waiting_event", "no_deadline", "standing"},
    "extended": {"due_soon", "extended", "open", "overdue"},
    "cancelled": {"cancelled"},
}
_MEANING = {"done": "исполнено", "not-done": "не исполнено", "in-progress": "в работе", "extended": "срок продлён",
            "cancelled": "снято с контроля"}  # fmt: skip


def reports(ctx: Context, assignments: dict[str, Assignment], unloaded: set[str]) -> None:
    """A report's entries: the assignment and members exist, the report is not earlier than the
    assignment (NOR110, NOR114, NOR128), and what it says agrees with what the marks give on its
    date (NOR217, a warning: the paper and the records disagree — a mark is missing, or the
    paper is wrong)."""
    by_date: dict[dt.date, list] = {}
    for mid, i, entry in report_entries(ctx.r):
        if entry.assignment is None:
            continue
        loc = ("reports", i)
        target = assignments.get(entry.assignment)
        if target is None:
            if entry.assignment.partition("#")[0] not in unloaded:
                why = not_an_assignment(ctx, entry.assignment) or unknown_assignment(entry.assignment, assignments)
                ctx.report(mid, loc + ("assignment",), "NOR110", why)
            continue
        strangers = [m for m in entry.members if m not in target.members]
        for member in strangers:
            ctx.report(mid, loc + ("members", entry.members.index(member)), "NOR114",
                       f"«{member}» не исполнитель поручения {target.id}; исполнители: {', '.join(target.members)}")
        day = ctx.r.meetings[mid].date
        if target.issued is not None and day < target.issued:
            ctx.report(mid, loc + ("assignment",), "NOR128",
                       f"отчёт от {format_date(day)} — о поручении {target.id}, данном {format_date(target.issued)}, "
                       "позже самого отчёта; проверьте дату или ссылку")  # fmt: skip
            continue
        if entry.meaning is not None and not strangers and ctx.warnings:
            by_date.setdefault(day, []).append((mid, loc, entry, target))
    for day, entries in sorted(by_date.items()):
        states = {(item.assignment.id, item.member): item for item in control_items(ctx.r, day)}
        for mid, loc, entry, target in entries:
            differing: dict[str, list[str]] = {}
            for member in entry.members or target.members:
                item = states.get((target.id, member))
                if item is not None and item.status not in _AGREES[entry.meaning]:
                    differing.setdefault(item.status_text, []).append(ctx.r.display_name(member))
            for status_text, names in differing.items():
                shown = ", ".join(names[:5]) + (f" и ещё {len(names) - 5}" if len(names) > 5 else "")
                ctx.report(mid, loc + ("status",), "NOR217",
                           f"в отчёте «{entry.status}» ({_MEANING[entry.meaning]}), а по отметкам на "
                           f"{format_date(day)} — «{status_text}»: {shown}; добавьте отметку в records/marks/ (с датой "
                           "исполнения) или проверьте отчёт")  # fmt: skip
