"""The shape of a roadmap's table (NOR130, NOR218): every column it declares names a field an
item has (``model/roadmap.py``: ``COLUMN_FIELDS`` or ``extra.<key>``), once; and no value of an
item is left off paper because the table has no column for it."""

from __future__ import annotations

from ..model.near_ids import near_id
from ..model.roadmap import COLUMN_FIELDS, EXTRA_PREFIX, Roadmap
from .context import Context, roadmap_items

# The fields of an item that another column prints when the table has none of their own:
# «Ожидаемый результат» adds the form of reporting, «Отметка о выполнении» where it was reported.
CARRIED_BY = {"reporting": "result", "reported_at": "mark"}


def check(ctx: Context) -> None:
    for rid, roadmap in ctx.r.roadmaps.items():
        if roadmap.columns:
            columns(ctx, rid, roadmap)
        if ctx.warnings:
            unprinted(ctx, rid, roadmap)


def columns(ctx: Context, rid: str, roadmap: Roadmap) -> None:
    """NOR130: a column naming no field, or a field twice."""
    seen: set[str] = set()
    for i, column in enumerate(roadmap.columns):
        field = column.field
        loc = ("columns", i, "field")
        if field in seen:
            ctx.report(rid, loc, "NOR130", f"столбец «{field}» указан в columns дважды: оставьте один")
            continue
        seen.add(field)
        if field in COLUMN_FIELDS or (field.startswith(EXTRA_PREFIX) and field != EXTRA_PREFIX):
            continue
        hint = near_id(field, COLUMN_FIELDS)
        ctx.report(rid, loc, "NOR130",
                   f"столбец дорожной карты «{field}» — такого поля нет" + (f"; возможно, «{hint}»?" if hint else ".")
                   + f" Поля: {', '.join(COLUMN_FIELDS)} или extra.<ключ> — графа источника из extra пункта")  # fmt: skip


def unprinted(ctx: Context, rid: str, roadmap: Roadmap) -> None:
    """NOR218: a value in a field no column of the table prints — it stays in the record, not on
    paper. One warning per field, at its first item, naming the items."""
    declared = {c.field for c in roadmap.columns}
    printed = declared if roadmap.columns else {"deadline", "executors", "result", "reporting", "reported_at"}
    if roadmap.columns:
        printed |= {field for field, carrier in CARRIED_BY.items() if carrier in declared}
    found: dict[str, list[tuple[tuple, str]]] = {}
    for loc, item in roadmap_items(roadmap):
        filled = {
            "deadline": item.deadline is not None, "executors": bool(item.executors), "result": bool(item.result),
            "reporting": bool(item.reporting), "reported_at": bool(item.reported_at),
        }  # fmt: skip
        for field, present in filled.items():
            if present and field not in printed:
                found.setdefault(field, []).append((loc + (field,), item.number.rstrip(".")))
        for key, text in item.extra.items():
            if text.strip() and EXTRA_PREFIX + key not in printed:
                found.setdefault(EXTRA_PREFIX + key, []).append((loc + ("extra", key), item.number.rstrip(".")))
    for field, places in found.items():
        numbers = ", ".join(number for _loc, number in places)
        where = f"в пункте {numbers}" if len(places) == 1 else f"в пунктах {numbers}"
        why = "столбца для него нет в columns" if roadmap.columns else "среди обычных столбцов карты его нет"
        later = " (с --today — только в «Отметке о выполнении»)" if field == "reported_at" else ""
        way = "добавьте столбец" if roadmap.columns else "добавьте карте columns со столбцом"
        ctx.report(rid, places[0][0], "NOR218",
                   f"«{field}» заполнено {where}, но {why} — в документ оно не попадёт{later}; {way} "
                   f"{{field: {field}, header: …}} или уберите значение")  # fmt: skip
