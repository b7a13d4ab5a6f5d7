"""Read a built control sheet back with python-docx: its page, its groups and rows (with how each
row is marked), the discipline table and the paragraphs around them."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import docx
from docx.oxml.ns import qn

COLUMNS = ("number", "task", "deadline", "executor", "marks", "status")
DISCIPLINE = ("who", "total", "done", "done_late", "overdue", "pending", "cancelled", "share")


@dataclass
class Row:
    cells: dict[str, str]
    styles: set[str]  # paragraph style names used in the row
    fills: set[str | None]  # cell shading fills

    def __getitem__(self, key: str) -> str:
        return self.cells[key]

    @property
    def source(self) -> str:
        return self.cells["task"].split("\n")[0]

    @property
    def text(self) -> str:
        return self.cells["task"].split("\n")[1]


@dataclass
class Group:
    title: str
    rows: list[Row] = field(default_factory=list)


@dataclass
class Sheet:
    document: object
    header: list[str]
    header_repeats: bool
    groups: list[Group]
    discipline: list[dict[str, str]]
    paragraphs: list[str]

    @property
    def rows(self) -> list[Row]:
        return [row for group in self.groups for row in group.rows]


def _text(cell) -> str:
    return "\n".join(p.text for p in cell.paragraphs).replace("\u00a0", " ")


def _fill(cell) -> str | None:
    shd = cell._tc.tcPr.find(qn("w:shd")) if cell._tc.tcPr is not None else None
    return shd.get(qn("w:fill")) if shd is not None else None


def _unique_cells(row) -> list:
    seen, cells = set(), []
    for cell in row.cells:
        if id(cell._tc) not in seen:
            seen.add(id(cell._tc))
            cells.append(cell)
    return cells


def read_sheet(path: Path) -> Sheet:
    document = docx.Document(str(path))
    tables = document.tables
    sheet_table = tables[0] if tables and len(tables[0].columns) == len(COLUMNS) else None
    groups: list[Group] = []
    header: list[str] = []
    repeats = False
    if sheet_table is not None:
        head = sheet_table.rows[0]
        header = [_text(c) for c in head.cells]
        repeats = head._tr.trPr is not None and head._tr.trPr.find(qn("w:tblHeader")) is not None
        for row in sheet_table.rows[1:]:
            cells = _unique_cells(row)
            if len(cells) == 1:
                groups.append(Group(_text(cells[0])))
                continue
            styles = {p.style.name for c in cells for p in c.paragraphs}
            groups[-1].rows.append(Row(dict(zip(COLUMNS, (_text(c) for c in cells))), styles,
                                       {_fill(c) for c in cells}))  # fmt: skip
    discipline = []
    if tables and len(tables[-1].columns) == len(DISCIPLINE):
        for row in tables[-1].rows[1:]:
            discipline.append(dict(zip(DISCIPLINE, (_text(c) for c in row.cells))))
    paragraphs = [p.text.replace("\u00a0", " ") for p in document.paragraphs]
    return Sheet(document, header, repeats, groups, discipline, paragraphs)
