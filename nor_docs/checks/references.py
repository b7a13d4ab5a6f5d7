"""References between records (NOR104, NOR132, NOR109 in deadlines' events — see ``deadlines`` —, NOR113,
NOR116, NOR501): every id a record names is one the records define, with the nearest known id as a
way out; no id twice in one list; an agenda item's appendix exists; a roadmap's ``ordered_by``
names a decision. A file that failed its schema has its references checked all the same
(``raw_references``)."""

from __future__ import annotations

from pathlib import Path

from ..control.assignments import collect_assignments
from ..diagnostics import Diagnostic
from .context import ASSIGNMENT_ID, ID, Context, agenda_items, roadmap_items, unknown_assignment, unknown_reference
from .raw_references import raw_references


def check(ctx: Context) -> None:
    settings(ctx)
    directory(ctx)
    for mid in ctx.r.meetings:
        meeting(ctx, mid)
    for rid in ctx.r.roadmaps:
        roadmap(ctx, rid)
    if ctx.r.unvalidated:
        unvalidated_references(ctx)


def settings(ctx: Context) -> None:
    """The people and organisations the settings name (the control sheet's heading and
    «Составил»)."""
    docs = ctx.r.settings.documents
    if docs.organization is None and docs.compiled_by is None:
        return
    source = next((s for s in ctx.r.sources if Path(s.path).name == "settings.yaml"), None)
    for key, value, kind, what in (("organization", docs.organization, "organization", "организация"),
                                   ("compiled_by", docs.compiled_by, "person", "лицо")):  # fmt: skip
        if value is None or value in ctx.kinds[kind] or source is None:
            continue
        line, col = source.position(("documents", key))
        ctx.found.append(Diagnostic(source.path, line, col, *unknown_reference(value, ctx.kinds[kind], what)))


def directory(ctx: Context) -> None:
    for pid, person in ctx.r.people.items():
        ctx.ref(pid, ("organization",), person.organization, ctx.kinds["organization"], "организация")
    for oid, org in ctx.r.organizations.items():
        ctx.ref(oid, ("parent",), org.parent, ctx.kinds["organization"], "организация")
    for gid, group in ctx.r.groups.items():
        ctx.ref(gid, ("organization",), group.organization, ctx.kinds["organization"], "организация")
        for i, member in enumerate(group.members):
            if member.person:
                ctx.person(gid, ("members", i, "person"), member.person, "участник группы")
            else:
                ctx.ref(gid, ("members", i, "organization"), member.organization,
                         ctx.kinds["organization"], "участник группы")  # fmt: skip


def meeting(ctx: Context, mid: str) -> None:
    # Membership is tested inline and a path built only for a miss: this runs for every
    # reference of every meeting, and a records folder may hold thousands of them.
    m = ctx.r.meetings[mid]
    people, groups, orgs = ctx.kinds["person"], ctx.kinds["group"], ctx.kinds["organization"]
    if m.issuer not in orgs:
        ctx.ref(mid, ("issuer",), m.issuer, orgs, "организация")
    for key in ("chair", "secretary"):
        role = getattr(m, key)
        if role is not None and role.person not in people:
            ctx.person(mid, (key, "person"), role.person)
    for i, signer in enumerate(m.signers):
        if signer.person not in people:
            ctx.person(mid, ("signers", i, "person"), signer.person)
    for key in ("attendees", "invited", "absent"):
        listed = getattr(m, key)
        ctx.repeated(mid, (key,), [a.person or a.group or a.organization for a in listed], "присутствовавших"
                     if key == "attendees" else "приглашённых" if key == "invited" else "отсутствовавших")  # fmt: skip
        for i, a in enumerate(listed):
            if a.person is not None and a.person not in people:
                ctx.person(mid, (key, i, "person"), a.person)
            if a.group is not None and a.group not in groups:
                ctx.ref(mid, (key, i, "group"), a.group, groups, "группа")
            if a.organization is not None and a.organization not in orgs:
                ctx.ref(mid, (key, i, "organization"), a.organization, orgs, "организация")
    for loc, item in agenda_items(m.agenda, ("agenda",)):
        for j, speaker in enumerate(item.speakers):
            if speaker.person is not None and speaker.person not in people:
                ctx.person(mid, loc + ("speakers", j, "person"), speaker.person, "докладчик")
            if speaker.group is not None and speaker.group not in groups:
                ctx.ref(mid, loc + ("speakers", j, "group"), speaker.group, groups, "группа")
        for key in ("heard", "spoke"):
            for j, statement in enumerate(getattr(item, key)):
                if statement.person not in people:
                    ctx.person(mid, loc + (key, j, "person"), statement.person)
                for t, other in enumerate(statement.together):
                    if other not in people:
                        ctx.person(mid, loc + (key, j, "together", t), other)
                    elif other == statement.person or other in statement.together[:t]:
                        ctx.report(mid, loc + (key, j, "together", t), "NOR116",
                                   f"«{other}» уже назван среди выступавших; удалите повтор — в протоколе "
                                   "он вышел бы дважды")  # fmt: skip
        if item.appendix is not None and item.appendix not in {a.number for a in m.appendices}:
            ctx.report(mid, loc + ("appendix",), "NOR113",
                       f"приложения {item.appendix} в записи нет; добавьте его в appendices")  # fmt: skip
    executors = ctx.executors
    for loc, decision, _executors in m.all_decisions():
        ctx.repeated(mid, loc + ("executors",), decision.executors, "исполнителей")
        for j, executor in enumerate(decision.executors):
            if executor not in executors:
                ctx.executor(mid, loc + ("executors", j), executor)
            responsible = decision.responsible_of(executor)
            if responsible is not None:
                if executor in ctx.executors and executor not in ctx.kinds["organization"]:
                    ctx.report(mid, loc + ("executors", j, "organization"), "NOR132",
                               f"«{executor}» — не организация: ответственного (responsible) называют при "
                               f"организации; для человека или группы напишите просто {executor}")  # fmt: skip
                ctx.person(mid, loc + ("executors", j, "responsible"), responsible, "ответственный")
        if decision.controller is not None and decision.controller not in people:
            ctx.person(mid, loc + ("controller",), decision.controller, "контролирующее лицо")
    for i, result in enumerate(m.results):
        ctx.ref(mid, ("results", i, "organization"), result.organization, ctx.kinds["organization"],
                "организация")  # fmt: skip


def roadmap(ctx: Context, rid: str) -> None:
    rm = ctx.r.roadmaps[rid]
    ctx.ref(rid, ("issuer",), rm.issuer, ctx.kinds["organization"], "организация")
    ctx.ref(rid, ("subject",), rm.subject, ctx.kinds["organization"], "организация")
    for loc, item in roadmap_items(rm):
        ctx.repeated(rid, loc + ("executors",), item.executors, "исполнителей")
        for j, executor in enumerate(item.executors):
            ctx.executor(rid, loc + ("executors", j), executor)
        ctx.ref(rid, loc + ("reported_at",), item.reported_at, ctx.r.meetings, "заседание")
    if rm.ordered_by is not None:
        known = ctx.decisions
        if rm.ordered_by not in known:
            ctx.report(rid, ("ordered_by",), "NOR501",
                       unknown_assignment(rm.ordered_by, known, "неизвестное решение", "решения"))  # fmt: skip


def unvalidated_references(ctx: Context) -> None:
    """The references of the files that failed their schema, checked as those of a loaded
    file are: a bad date in a file does not hide the unknown ids in it until it is fixed."""
    assignments: set[str] | None = None
    loaded = {**ctx.r.meetings, **ctx.r.roadmaps}
    for source, model in ctx.r.unvalidated:
        for loc, mark, value in raw_references(model, source.data):
            if source.is_placeholder(loc):
                continue
            line, col = source.position(loc)
            if mark.kinds == ("assignment",):
                if not ASSIGNMENT_ID.match(value) or value.partition("#")[0] not in loaded:
                    continue  # a wrong form is a schema error; an unloaded meeting's are checked after its fix
                if assignments is None:
                    assignments = {a.id for a in collect_assignments(ctx.r)}
                if value not in assignments:
                    ctx.found.append(Diagnostic(source.path, line, col, "NOR110",
                                                 unknown_assignment(value, assignments)))  # fmt: skip
                continue
            if not ID.match(value):
                continue  # reported by the schema as an invalid id
            allowed = set().union(*(ctx.kinds[kind] for kind in mark.kinds))
            if value not in allowed:
                ctx.found.append(Diagnostic(source.path, line, col, *unknown_reference(value, allowed, mark.what)))
