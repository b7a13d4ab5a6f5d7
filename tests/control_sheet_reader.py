"""Read a built control sheet back with python-docx: its heading, the page-1 summary, the groups
and rows of the table (each assignment's row with its members' lines, and how each is marked), the
discipline table, «Составил» and the paragraphs around them."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import docx
from docx.oxml.ns import qn
from docx.table import _Cell

COLUMNS = ("number", "task", "deadline", "executor", "marks", "status")
MEMBER = ("deadline", "name", "marks", "status")
DISCIPLINE = ("who", "total", "done", "done_late", "overdue", "pending", "cancelled", "share")
SUMMARY = ("label", "total", "overdue", "due_week", "pending", "done", "done_late", "cancelled")


@dataclass
class Line:
    cells: dict[str, str]
    styles: set[str]  # paragraph style names used in the row
    fills: set[str | None]  # cell shading fills

    def __getitem__(self, key: str) -> str:
        return self.cells[key]


@dataclass
class Row(Line):
    members: list[Line] = field(default_factory=list)

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
    summary: list[dict[str, str]]
    summary_header: list[str]
    discipline: list[dict[str, str]]
    compiled: list[str]
    paragraphs: list[str]

    @property
    def rows(self) -> list[Row]:
        return [row for group in self.groups for row in group.rows]


def plain(text: str) -> str:
    return text.replace("\u00a0", " ")


def _text(cell) -> str:
    return plain("\n".join(p.text for p in cell.paragraphs))


def _fill(cell) -> str | None:
    shd = cell._tc.tcPr.find(qn("w:shd")) if cell._tc.tcPr is not None else None
    return shd.get(qn("w:fill")) if shd is not None else None


def _continues(tc) -> bool:
    """A cell merged into the one above it (``<w:vMerge/>`` without «restart»)."""
    merge = tc.tcPr.find(qn("w:vMerge")) if tc.tcPr is not None else None
    return merge is not None and merge.get(qn("w:val")) in (None, "continue")


def _table_kind(table) -> str:
    first = [_text(_Cell(tc, table)) for tc in table.rows[0]._tr.tc_lst]
    if first and first[0] == "№ п/п":
        return "sheet"
    if first and first[0] == "Исполнитель":
        return "discipline"
    if len(first) > 1 and first[1] == "Всего":
        return "summary"
    return "other"


def read_sheet(path: Path) -> Sheet:
    document = docx.Document(str(path))
    groups: list[Group] = []
    header: list[str] = []
    repeats = False
    summary: list[dict[str, str]] = []
    summary_header: list[str] = []
    discipline: list[dict[str, str]] = []
    compiled: list[str] = []
    for table in document.tables:
        kind = _table_kind(table)
        trs = [row._tr for row in table.rows]
        if kind == "sheet":
            head = trs[0]
            header = [_text(_Cell(tc, table)) for tc in head.tc_lst]
            repeats = head.trPr is not None and head.trPr.find(qn("w:tblHeader")) is not None
            for tr in trs[1:]:
                cells = [_Cell(tc, table) for tc in tr.tc_lst]
                if len(cells) == 1:
                    groups.append(Group(_text(cells[0])))
                    continue
                styles = {p.style.name for c in cells for p in c.paragraphs}
                if _continues(tr.tc_lst[0]):
                    own = cells[2:]
                    groups[-1].rows[-1].members.append(
                        Line(dict(zip(MEMBER, (_text(c) for c in own))), {p.style.name for c in own for p in c.paragraphs},
                             {_fill(c) for c in own}))  # fmt: skip
                    continue
                groups[-1].rows.append(Row(dict(zip(COLUMNS, (_text(c) for c in cells))), styles,
                                           {_fill(c) for c in cells}))  # fmt: skip
        elif kind == "summary":
            summary_header = [_text(_Cell(tc, table)) for tc in trs[0].tc_lst]
            summary = [dict(zip(SUMMARY, (_text(_Cell(tc, table)) for tc in tr.tc_lst))) for tr in trs[1:]]
        elif kind == "discipline":
            discipline = [dict(zip(DISCIPLINE, (_text(_Cell(tc, table)) for tc in tr.tc_lst))) for tr in trs[1:]]
        else:
            compiled = [_text(_Cell(tc, table)) for tr in trs for tc in tr.tc_lst]
    paragraphs = [plain(p.text) for p in document.paragraphs]
    return Sheet(document, header, repeats, groups, summary, summary_header, discipline, compiled, paragraphs)
