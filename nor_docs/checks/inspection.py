"""What an inspection act (предписание, представление, протест: a kind with ``inspection: true``)
asks of its record (NOR123, NOR135, NOR220, NOR221): its fields only where the kind has them, a day
of receipt not before the act's own date, and the law's term named where it controls an item
(``Kind.statutory_term``, counted from ``received``) or cannot (no ``received``)."""

from __future__ import annotations

from ..control.assignments import statutory_term
from ..model.common import format_date
from ..model.deadline import unwritten
from ..model.meeting import Meeting
from .context import Context

_ACT_FIELDS = ("addressed_to", "received")
_ITEM_FIELDS = ("violation", "measures_taken")


def check(ctx: Context) -> None:
    for mid, m in ctx.r.meetings.items():
        kind = ctx.r.kinds.get(m.document)
        if kind is None:
            continue  # NOR122 (checks/kinds.py)
        if not kind.inspection:
            _fields_of_another_kind(ctx, mid, m, kind.label)
            continue
        if m.received is not None and m.dated and m.received < m.date:
            ctx.report(mid, ("received",), "NOR135",
                       f"дата получения {format_date(m.received)} раньше даты самого документа "
                       f"{format_date(m.date)}: проверьте received и date")  # fmt: skip
        if not ctx.warnings or kind.statutory_term is None:
            continue
        undated = [(loc, d.number.rstrip(".")) for loc, d, executors in m.all_decisions()
                   if executors and d.on_control and unwritten(d.deadline)]  # fmt: skip
        if not undated:
            continue
        numbers = ", ".join(number for _loc, number in undated)
        which = f"пункте {numbers}" if len(undated) == 1 else f"пунктах {numbers}"
        term = statutory_term(ctx.r, m)
        if term is None:
            ctx.report(mid, undated[0][0] + ("number",), "NOR220",
                       f"срок не указан в {which}, а срок по закону у вида «{kind.label}» ({kind.statutory_term}) "
                       "считается от дня получения — его нет: укажите received (дату получения), иначе на "
                       "контроле срок по умолчанию")  # fmt: skip
        else:
            ctx.report(mid, undated[0][0] + ("number",), "NOR221",
                       f"срок не указан в {which}: на контроле — срок по закону ({term[1]}), и каждый отчёт "
                       "называет его сроком по закону; если в акте срок есть, впишите его (deadline)")  # fmt: skip


def _fields_of_another_kind(ctx: Context, mid: str, m: Meeting, label: str) -> None:
    """An act's field in a document of another kind would not be printed (NOR123)."""
    for name in _ACT_FIELDS:
        if getattr(m, name) is not None:
            ctx.report(mid, (name,), "NOR123",
                       f"поле «{name}» бывает только у актов проверки (предписание, представление, протест), "
                       f"не у вида «{label}»: в документ оно не попадёт")  # fmt: skip
    for loc, decision, _executors in m.all_decisions():
        for name in _ITEM_FIELDS:
            if getattr(decision, name) is not None:
                ctx.report(mid, loc + (name,), "NOR123",
                           f"поле «{name}» бывает только у пунктов актов проверки (предписание, представление, "
                           f"протест), не у вида «{label}»: в документ оно не попадёт")  # fmt: skip
