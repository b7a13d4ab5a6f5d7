"""Numbering (NOR111): no number twice among a meeting's agenda items, among its decisions, among a
roadmap's items — an assignment is named by its number, and so is a mark's reference to it."""

from __future__ import annotations

from .context import Context, agenda_items, roadmap_items


def check(ctx: Context) -> None:
    for mid, m in ctx.r.meetings.items():
        unique_numbers(ctx, mid, [(loc, item.number) for loc, item in agenda_items(m.agenda, ("agenda",))],
                       "пункт повестки")  # fmt: skip
        unique_numbers(ctx, mid, [(loc, d.number) for loc, d, _executors in m.all_decisions()], "пункт решения")
    for rid, rm in ctx.r.roadmaps.items():
        unique_numbers(ctx, rid, [(loc, item.number) for loc, item in roadmap_items(rm)], "пункт дорожной карты")


def unique_numbers(ctx: Context, record_id: str, numbered: list[tuple[tuple, str]], what: str) -> None:
    seen: dict[str, tuple] = {}
    for loc, number in numbered:
        key = number.rstrip(".")
        if key in seen:
            _, line, _ = ctx.r.where(record_id, seen[key] + ("number",))
            ctx.report(record_id, loc + ("number",), "NOR111",
                        f"{what} {number} повторяется (первый — строка {line}); перенумеруйте")  # fmt: skip
        else:
            seen[key] = loc
