"""What follows a protocol's signatures: its appendices, and a list of those present.

«Приложение 1 / к протоколу от …» opens an appendix; without it (a report pasted after the
signatures) the rest is one appendix, numbered as the agenda refers to it («(приложение 1)»).
The first paragraph is the title, a line in brackets under it the subtitle; then text, a table
and text after it — the parts a record's appendix has. «Список присутствовавших» is not an
appendix of its own: it is the attendance the introduction left out («25 чел. (список
прилагается)»).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .blocks import Block, Table
from .draft import Node
from .markers import marker_of
from .statements import join_paragraphs

_PAREN = re.compile(r"^\(.*\)$", re.S)


@dataclass
class Appendices:
    items: list[Node] = field(default_factory=list)
    attendee_lines: list[str] | None = None
    notes: list[str] = field(default_factory=list)


def _table_node(table: Table) -> Node:
    rows = [list(row) for row in table.rows]
    if table.header and len(rows) > 1:
        return Node("table", header=rows[0], rows=rows[1:])
    return Node("table", rows=rows)


def _appendix(number: int | str, blocks: list[Block], notes: list[str]) -> Node | None:
    title_lines: list[str] = []
    subtitle = None
    before: list[str] = []
    after: list[str] = []
    table = None
    for block in blocks:
        if isinstance(block, Table):
            if table is None:
                table = _table_node(block)
            else:
                rows = [" | ".join(c for c in row if c) for row in block.rows]
                (after if table is not None else before).append("\n".join(rows))
                notes.append(f"приложение {number}: вторая таблица записана текстом (в записи одна таблица)")
            continue
        if not title_lines and not before and table is None:
            lines = block.lines
            title_lines = [line for line in lines if not _PAREN.match(line)]
            parens = [line for line in lines if _PAREN.match(line)]
            if parens:
                subtitle = " ".join(parens)
            if not title_lines and parens:
                title_lines, subtitle = parens, None
            continue
        if subtitle is None and not before and table is None and _PAREN.match(block.flat):
            subtitle = block.flat
            continue
        (after if table is not None else before).append(block.flat)
    if not title_lines and not before and table is None:
        return None
    title = " ".join(" ".join(title_lines).split()) or "…"
    node = Node("appendix", number=number, title=title, subtitle=subtitle, text=join_paragraphs(before),
                table=table, text_after=join_paragraphs(after))  # fmt: skip
    if title == "…":
        node.note("title", "проверьте: у приложения нет заголовка — впишите его")
    return node


def read_appendices(blocks: list[Block], default_number: int) -> Appendices:
    result = Appendices()
    chunks: list[tuple[int | None, list[Block]]] = []
    current: list[Block] = []
    number: int | None = None
    for block in blocks:
        marker = marker_of(block.text) if not isinstance(block, Table) else None
        if marker is not None and marker.kind == "appendix":
            if current:
                chunks.append((number, current))
            number = int(marker.number) if marker.number and marker.number.isdigit() else None
            current = []
            continue
        current.append(block)
    if current:
        chunks.append((number, current))
    used: set[int] = set()
    for number, chunk in chunks:
        first = chunk[0]
        first_marker = marker_of(first.text) if not isinstance(first, Table) else None
        if first_marker is not None and first_marker.kind == "attendee_list":
            result.attendee_lines = [line for block in chunk[1:] if not isinstance(block, Table)
                                     for line in block.lines]  # fmt: skip
            for block in chunk[1:]:
                if isinstance(block, Table):
                    result.attendee_lines.extend(", ".join(c for c in row if c) for row in block.rows)
            continue
        if number is None:
            number = default_number if default_number not in used else max(used | {0}) + 1
        used.add(number)
        node = _appendix(number, chunk, result.notes)
        if node is not None:
            result.items.append(node)
    return result
