"""What a document's kind asks of its record (NOR122–NOR124, NOR213): a kind the catalogue knows,
the fields the kind requires (a protocol's meeting word and its title «заседания …»), no field the kind has no place
for (an agenda in an order: it would not be printed), and no dated item that nobody is to do (it
would silently stay off control). The catalogue: ``model/kinds.py``."""

from __future__ import annotations

from ..diagnostics import Diagnostic
from ..model.kinds import PROTOCOL
from ..model.meeting import Decision, Meeting
from ..model.near_ids import near_id
from .context import Context

# Fields only a meeting has (chair, attendance, agenda) — what a kind with ``meeting: false`` leaves out.
_MEETING_FIELDS = ("chair", "secretary", "attendees", "attendance", "invited", "absent", "agenda")

_MISSING = {
    "kind": "не заполнено поле «kind»: у вида «{}» нужен вид заседания, «заседание рабочей группы»",
    "title": "не заполнено поле «title»: у вида «{}» нужен заголовок в родительном падеже, «заседания рабочей "
             "группы по реализации проекта «500+»»",
}  # fmt: skip


def check(ctx: Context) -> None:
    for source, model in ctx.r.unvalidated:  # a file with schema errors: its missing fields all the same
        if model is Meeting and isinstance(source.data, dict):
            kind = ctx.r.kinds.get(str(source.data.get("document", "protocol")))
            if kind is None:
                continue
            for name, needed in (("kind", kind.title_style == "meeting-genitive"),
                                 ("title", kind.title_style == "meeting-genitive")):  # fmt: skip
                if needed and name not in source.data:
                    line, col = source.position(())
                    ctx.found.append(Diagnostic(source.path, line, col, "NOR124", _MISSING[name].format(kind.label)))
    for mid, m in ctx.r.meetings.items():
        kind = ctx.r.kinds.get(m.document)
        if kind is None:
            near = near_id(m.document, sorted(ctx.r.kinds))
            hint = f"; возможно, «{near}»?" if near else ""
            ctx.report(mid, ("document",), "NOR122",
                       f"неизвестный вид документа «{m.document}»{hint} Виды: "
                       f"{', '.join(sorted(ctx.r.kinds))} (свои — в records/kinds.yaml)")  # fmt: skip
            continue
        if kind.title_style == "meeting-genitive" and m.kind is None:
            ctx.report(mid, (), "NOR124", _MISSING["kind"].format(kind.label))
        if kind.title_style == "meeting-genitive" and m.title is None:
            ctx.report(mid, (), "NOR124", _MISSING["title"].format(kind.label))
        unprinted = [f for f in _MEETING_FIELDS if not kind.meeting and getattr(m, f)]
        if kind.agenda == "none" and m.agenda and "agenda" not in unprinted:
            unprinted.append("agenda")
        for name in unprinted:
            ctx.report(mid, (name,), "NOR123",
                       f"поле «{name}» не бывает у вида «{kind.label}»: в документ оно не попадёт; уберите его "
                       "или выберите другой вид (document:)")  # fmt: skip
        if m.reports and not (kind.report or kind.id == PROTOCOL):  # a protocol may hear reports on execution
            ctx.report(mid, ("reports",), "NOR123",
                       f"поле «reports» не бывает у вида «{kind.label}»: в документ оно не попадёт; информацию о ходе "
                       "исполнения пишите отдельным документом (document: report)")  # fmt: skip
        if "decision_word" in m.model_fields_set and m.formula is not None:
            ctx.report(mid, ("decision_word",), "NOR123",
                       "указаны и decision_word, и formula — слова перед решениями; оставьте одно (formula)")
        for loc, decision, _executors in m.all_decisions():
            if decision.controls is not None and decision.controls != "self":
                ctx.person(mid, loc + ("controls",), decision.controls, "контролирующее лицо")
            elif decision.controls == "self" and not m.signers:
                ctx.report(mid, loc + ("controls",), "NOR124",
                           "controls: self — «оставляю за собой», но подписывающего нет: добавьте signers")
        if ctx.warnings:
            _unassigned(ctx, mid, m)


def _unassigned(ctx: Context, mid: str, meeting: Meeting) -> None:
    """A dated item on control with no executor, its own or its parent's, is not an assignment:
    nobody will see it on the control sheet (NOR213)."""
    for loc, decision, executors in meeting.all_decisions():
        if executors or not decision.on_control or decision.addressed_to or not _dated(decision):
            continue
        assert decision.deadline is not None
        where = loc + (("text",) if getattr(decision.deadline, "in_text", False) else ("deadline",))
        ctx.report(mid, where, "NOR213",
                   f"пункт {decision.number} со сроком «{decision.deadline.as_written}», но без исполнителя — он "
                   "не на контроле; укажите executors или on_control: false")  # fmt: skip


def _dated(decision: Decision) -> bool:
    return decision.deadline is not None and not decision.decisions
