"""Deadlines as written against the records (NOR105, NOR106, NOR108, NOR109, NOR204, NOR209): every
date within the years a record may hold, a relative one within ten years of an event that exists,
no point before the document's date, a roadmap item's within the roadmap's period; assignments
without a deadline named once per record when the office's default date controls them. The dates
are placed as control places them (``control/schedule.py``)."""

from __future__ import annotations

from ..control.assignments import statutory_term
from ..control.schedule import resolved_spans, written_spans
from ..control.status import default_rule
from ..model.deadline import RelativeDeadline, SeveralDeadline, unwritten
from ..russian.dates import MAX_YEAR, MIN_YEAR
from .context import Context, roadmap_items

MAX_OFFSET_DAYS = 3660  # «через N дней после события»: ten years at most


def check(ctx: Context) -> None:
    for mid, m in ctx.r.meetings.items():
        undated: list[tuple[tuple, str]] = []
        on_statute = statutory_term(ctx.r, m) is not None  # the law's term: NOR221 (checks/inspection.py)
        for loc, decision, executors in m.all_decisions():
            if decision.deadline is not None:
                deadline(ctx, mid, loc + ("deadline",), decision.deadline, m.date)
            if (executors and decision.on_control and not on_statute
                    and unwritten(decision.deadline)):
                undated.append((loc + ("number",), decision.number.rstrip(".")))  # fmt: skip
        no_deadline(ctx, mid, undated, "решени")
    for rid, rm in ctx.r.roadmaps.items():
        undated = []
        approved = rm.approval.date if rm.approval is not None else None
        for loc, item in roadmap_items(rm):
            deadline(ctx, rid, loc + ("deadline",), item.deadline, approved, "утверждения дорожной карты",
                     since=rm.period.start)
            if item.executors and (item.control_deadline is None or item.control_deadline.kind == "none"):
                undated.append((loc + ("number",), item.number.rstrip(".")))
            in_period(ctx, rid, loc + ("deadline",), item.deadline, rm.period, approved)
            marked = item.deadline_in_text  # «… (в срок до [[10 августа 2015 года]])»: a point of its own
            if marked is not None:
                deadline(ctx, rid, loc + ("activity",), marked, approved, "утверждения дорожной карты",
                         since=rm.period.start)
                in_period(ctx, rid, loc + ("activity",), marked, rm.period, approved)
        no_deadline(ctx, rid, undated, "пункт")


def deadline(ctx: Context, record_id: str, loc: tuple, deadline, not_before=None, before_what: str = "заседания",
             since=None) -> None:
    """Events the deadline counts from exist; no point of it is before ``not_before`` (the
    document's date). Points without a year are placed as control places them: from
    ``since`` (a roadmap's first day) or the document's date."""
    if deadline is None:
        return
    if not deadline_in_range(ctx, record_id, loc, deadline):
        return
    for relative in _relatives(deadline):
        if relative.event not in ctx.events:
            ctx.ref(record_id, loc, relative.event, ctx.events, "событие")
    if not_before is None:
        return
    for first, last in resolved_spans(deadline, ctx.r.settings.deadlines, since or not_before, not_before):
        if last >= not_before:
            continue
        if first == last:
            what = f"срок {last:%d.%m.%Y} раньше даты {before_what} {not_before:%d.%m.%Y}"
        else:  # «в течение I квартала 2024 года» given on 15.04.2024: the period is over already
            what = (f"срок «{deadline.as_written}»: период до {last:%d.%m.%Y} закончился раньше даты "
                    f"{before_what} {not_before:%d.%m.%Y}")
        # A deadline marked in a text takes its control date in the same mark.
        beside = "[[слова | ДД.ММ.ГГГГ]]" if deadline.in_text else "deadline: {text: …, control: …}"
        ctx.report(
            record_id, loc, "NOR108",
            f"{what}; на контроле он с даты {before_what}. Проверьте год — или, если так в документе, "
            f"оставьте слова и впишите контрольную дату: {beside}",
        )  # fmt: skip
        return


def no_deadline(ctx: Context, record_id: str, undated: list[tuple[tuple, str]], stem: str) -> None:
    """Assignments without a deadline, controlled by the office's default date: one warning
    per record, at the first of them, naming them all."""
    settings = ctx.r.settings.deadlines
    if not undated or not settings.default_deadline:
        return
    numbers = ", ".join(number for _loc, number in undated)
    what = f"{stem}{'и' if stem == 'решени' else 'е'} {numbers}" if len(undated) == 1 else \
        f"{stem}{'ях' if stem == 'решени' else 'ах'} {numbers}"
    ctx.report(
        record_id, undated[0][0], "NOR209",
        f"срок не указан в {what}: на контроле — срок по умолчанию ({default_rule(settings)}), и каждый отчёт "
        "называет его сроком по умолчанию; впишите срок, как в документе, или отключите правило "
        "(deadlines: default_deadline: false в settings.yaml — тогда статус «срок не установлен»)",
    )  # fmt: skip


def deadline_in_range(ctx: Context, record_id: str, loc: tuple, deadline) -> bool:
    """A deadline's dates within the years a record may hold, and a relative one within
    ten years of its event — what the control logic can always compute (NOR105, NOR106)."""
    for year in deadline.years():
        if not MIN_YEAR <= year <= MAX_YEAR:
            ctx.report(record_id, loc, "NOR105",
                        f"срок «{deadline.as_written}»: год {year} вне допустимого (от {MIN_YEAR} до {MAX_YEAR}); "
                        "проверьте год")  # fmt: skip
            return False
    for relative in _relatives(deadline):
        if abs(relative.offset_days) > MAX_OFFSET_DAYS:
            ctx.report(record_id, loc, "NOR106",
                        f"срок «{deadline.as_written}»: больше {MAX_OFFSET_DAYS} дней от события — так сроки не "
                        "ставят; проверьте число")  # fmt: skip
            return False
    return True


def in_period(ctx: Context, rid: str, loc: tuple, deadline, period, approved) -> None:
    """NOR204: a roadmap item's deadline outside the roadmap's period. A wording without a year
    («в июне», «IV квартал») is checked as the first such date from the period's start — the
    one control will hold it to."""
    settings = ctx.r.settings.deadlines
    written = set(written_spans(deadline, settings))
    for first, last in resolved_spans(deadline, settings, period.start, approved):
        if period.start <= last and first <= period.end:
            continue
        where = f"вне периода дорожной карты ({period.start:%d.%m.%Y}–{period.end:%d.%m.%Y})"
        if (first, last) in written:
            ctx.report(rid, loc, "NOR204", f"срок «{deadline.as_written}» {where}")
        else:
            shown = f"{last:%d.%m.%Y}" if first == last else f"{first:%d.%m.%Y}–{last:%d.%m.%Y}"
            ctx.report(
                rid, loc, "NOR204",
                f"срок «{deadline.as_written}» без года: первый такой срок от начала периода — {shown} — {where}; "
                "допишите год или исправьте срок",
            )  # fmt: skip
        return


def _relatives(deadline) -> list:
    """The parts of ``deadline`` that hang on an event."""
    if isinstance(deadline, SeveralDeadline):
        return [p for p in deadline.points if isinstance(p, RelativeDeadline)]
    return [deadline] if isinstance(deadline, RelativeDeadline) else []
