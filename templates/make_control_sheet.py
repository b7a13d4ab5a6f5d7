"""Generate ``templates/control-sheet.docx``, the template of the control sheet (контрольный лист
исполнения поручений). Run by ``python templates/make_templates.py`` (``make templates``).

An ordinary Word document with docxtpl tags, built from the same styles as the protocol template
(``make_templates.py``): a landscape A4 page (margins 20/10/20/20 mm), page numbers centred at
the top from page 2, Times New Roman.

Page 1: the organisation, «КОНТРОЛЬНЫЙ ЛИСТ исполнения поручений по состоянию на …», and the
summary — a small table (assignments and their parts by state) and who has overdue parts and
parts due within the week. From page 2: the table of assignments — a header row Word repeats on
every page, a full-width row per group (executor or meeting), one row per assignment (its number
and words merged down over the lines of its members, one line per member beneath), rows allowed
to break across pages. An overdue row or member line uses a second variant (style «Контрольный
лист: просрочено», dark red, on a pink cell shading; its status in bold) — an office changes either
in Word like any other style or shading. Then the executive discipline table and «Составил».

The variables are those of ``nor_docs.render.control_sheet_view.control_sheet_view``.
"""

from __future__ import annotations

import io
import re
import sys
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
for _path in (str(HERE), str(HERE.parent)):
    if _path not in sys.path:
        sys.path.insert(0, _path)

from docx import Document  # noqa: E402
from docx.enum.section import WD_ORIENT, WD_SECTION  # noqa: E402
from docx.enum.style import WD_STYLE_TYPE  # noqa: E402
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT  # noqa: E402
from docx.enum.text import WD_ALIGN_PARAGRAPH  # noqa: E402
from docx.oxml import OxmlElement  # noqa: E402
from docx.oxml.ns import qn  # noqa: E402
from docx.shared import Mm, Pt, RGBColor  # noqa: E402
from make_templates import _borders, _clean_package, _header, _p, _repeat_header, _saved, _styles, _tag  # noqa: E402

from nor_docs.render.docx_zip import Part, zip_parts  # noqa: E402

PAGE_WIDTH, PAGE_HEIGHT = Mm(297), Mm(210)
MARGINS = {"left": 20, "right": 10, "top": 20, "bottom": 20}  # mm
# № | Поручение | Срок | Исполнитель | Отметка об исполнении | Статус: 267 mm of text width.
SHEET_COLUMNS = [10, 78, 40, 57, 35, 47]
SHEET_HEAD = ["№ п/п", "Поручение (документ, дата, пункт, содержание)", "Срок исполнения",
              "Исполнитель", "Отметка об исполнении (дата, документ)", "Статус"]  # fmt: skip
DISCIPLINE_COLUMNS = [87, 20, 25, 27, 27, 27, 27, 27]
DISCIPLINE_HEAD = ["Исполнитель", "Всего", "Исполнено в срок", "Исполнено с нарушением срока", "Просрочено",
                   "Срок не наступил", "Снято с контроля", "Доля в срок"]  # fmt: skip
DISCIPLINE_FIELDS = ["who", "total", "done", "done_late", "overdue", "pending", "cancelled", "share"]
# The summary: label | Всего | one column per state (control_sheet_view.STATES).
SUMMARY_COLUMNS = [57, 25, 30, 30, 35, 30, 35, 25]
SUMMARY_FIELDS = ["total", "overdue", "due_week", "pending", "done", "done_late", "cancelled"]
COMPILED_COLUMNS = [140, 60, 67]
OVERDUE_FILL = "FBE3E3"
GROUP_FILL = "EDEDED"
OVERDUE_COLOR = RGBColor(0xA0, 0x00, 0x00)

# style id → (name in Word, base style name, size pt, bold, italic, alignment)
_SHEET_STYLES = {
    "NorSheetText": ("Контрольный лист: текст", "Текст таблицы", 11, False, False, WD_ALIGN_PARAGRAPH.LEFT),
    "NorSheetSource": ("Контрольный лист: источник", "Контрольный лист: текст", None, False, True, None),
    "NorSheetLink": ("Контрольный лист: связь", "Контрольный лист: текст", None, False, True, None),
    "NorSheetOverdue": ("Контрольный лист: просрочено", "Контрольный лист: текст", None, False, False, None),
    "NorSheetOverdueStatus": ("Контрольный лист: просрочено, статус", "Контрольный лист: просрочено", None, True,
                              False, None),
    "NorSheetGroup": ("Контрольный лист: группа", "Контрольный лист: текст", None, True, False, None),
    "NorSheetHead": ("Контрольный лист: шапка", "Шапка таблицы", 11, True, False, WD_ALIGN_PARAGRAPH.CENTER),
    "NorSheetCaption": ("Контрольный лист: дата", "Normal", None, False, False, WD_ALIGN_PARAGRAPH.CENTER),
    "NorSheetNote": ("Контрольный лист: примечание", "Normal", 11, False, False, WD_ALIGN_PARAGRAPH.LEFT),
    "NorSheetHeading": ("Контрольный лист: раздел", "Normal", 12, True, False, WD_ALIGN_PARAGRAPH.LEFT),
}


def sheet_styles(prefix: str = "Контрольный лист") -> dict:
    """The styles with their Word names under ``prefix`` (the report on execution has its own,
    ``make_report.py``)."""
    return {key: (name.replace("Контрольный лист", prefix), base.replace("Контрольный лист", prefix), *rest)
            for key, (name, base, *rest) in _SHEET_STYLES.items()}  # fmt: skip


SHEET_STYLES = sheet_styles()
# Protocol styles the control sheet uses (the rest are dropped from this template).
USED_PROTOCOL_STYLES = {"NorRequisite", "NorKind", "NorTitle", "NorTableText", "NorTableHead"}
PROTOCOL_ONLY_STYLES = {"NorDateLine", "NorPlace", "NorLabel", "NorList", "NorSignature", "NorSignatureName",
                        "NorAppendixMark"}  # fmt: skip


def build_control_sheet() -> bytes:
    doc = Document()
    _page_setup(doc)
    _styles(doc)
    _sheet_styles(doc)
    _body(doc)
    _header(doc)
    return _own_app_properties(_clean_package(_saved(doc, "Шаблон контрольного листа nor-docs")))


def _page_setup(doc) -> None:
    section = doc.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = PAGE_WIDTH, PAGE_HEIGHT
    section.left_margin, section.right_margin = Mm(MARGINS["left"]), Mm(MARGINS["right"])
    section.top_margin, section.bottom_margin = Mm(MARGINS["top"]), Mm(MARGINS["bottom"])
    section.header_distance, section.footer_distance = Mm(10), Mm(10)
    section.start_type = WD_SECTION.NEW_PAGE


def _sheet_styles(doc, own: dict = SHEET_STYLES, id_prefix: str = "NorSheet") -> None:
    styles = doc.styles
    for style in list(styles.element.findall(qn("w:style"))):
        if style.get(qn("w:styleId")) in PROTOCOL_ONLY_STYLES:
            styles.element.remove(style)
    for style_id, (name, base, size, bold, italic, align) in own.items():
        style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.element.set(qn("w:styleId"), style_id.replace("NorSheet", id_prefix))
        style.base_style = styles[base]
        style.quick_style = True
        if size:
            style.font.size = Pt(size)
        if bold:
            style.font.bold = True
        if italic:
            style.font.italic = True
        if align is not None:
            style.paragraph_format.alignment = align
    styles[own["NorSheetOverdue"][0]].font.color.rgb = OVERDUE_COLOR
    styles[own["NorSheetGroup"][0]].paragraph_format.keep_with_next = True
    styles[own["NorSheetCaption"][0]].paragraph_format.first_line_indent = Mm(0)
    note = styles[own["NorSheetNote"][0]].paragraph_format
    note.first_line_indent = Mm(0)
    note.space_before = Pt(6)
    heading = styles[own["NorSheetHeading"][0]].paragraph_format
    heading.first_line_indent = Mm(0)
    heading.space_before = Pt(6)
    heading.space_after = Pt(6)
    heading.keep_with_next = True


# --- tables ------------------------------------------------------------------------------------


def _shade(cell, fill: str) -> None:
    tc_pr = cell._tc.get_or_add_tcPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    valign = tc_pr.find(qn("w:vAlign"))
    if valign is not None:
        valign.addprevious(shd)
    else:
        tc_pr.append(shd)


def _new_table(doc, widths_mm: list[int], rows: int):
    table = doc.add_table(rows=rows, cols=len(widths_mm))
    table.autofit = False
    _borders(table, True)
    for col, width in zip(table._tbl.tblGrid.findall(qn("w:gridCol")), widths_mm):
        col.set(qn("w:w"), str(int(Mm(width).twips)))
    for row in table.rows:
        for cell, width in zip(row.cells, widths_mm):
            cell.width = Mm(width)
    return table


def _fill(cell, paragraphs: list[tuple[str, str]], fill: str | None = None) -> None:
    """Put (text, style name) paragraphs into a cell (its first paragraph is reused)."""
    first = cell.paragraphs[0]
    for i, (text, style) in enumerate(paragraphs):
        paragraph = first if i == 0 else cell.add_paragraph()
        paragraph.style = style
        if text:
            paragraph.add_run(text)
    if fill:
        _shade(cell, fill)


def _tag_row(table, index: int, tag: str, style: str) -> None:
    """A row that holds only a docxtpl row tag ({%tr … %}); it disappears when rendered."""
    _fill(table.rows[index].cells[0], [(tag, style)])
    for cell in table.rows[index].cells[1:]:
        _fill(cell, [("", style)])


def _cant_split(row) -> None:
    row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))


def _v_merge(cell, restart: bool) -> None:
    """Merge the cell with the ones below (restart) or into the one above (continue)."""
    tc_pr = cell._tc.get_or_add_tcPr()
    merge = OxmlElement("w:vMerge")
    if restart:
        merge.set(qn("w:val"), "restart")
    tc_pr.append(merge)


def _sheet_table(doc, own: dict = SHEET_STYLES, columns: list[int] = SHEET_COLUMNS,
                 titles: list[str] = SHEET_HEAD) -> None:  # fmt: skip
    """The table of assignments (``columns`` wide in mm, headed ``titles``), styles from ``own``."""
    text, overdue = own["NorSheetText"][0], own["NorSheetOverdue"][0]
    source, link = own["NorSheetSource"][0], own["NorSheetLink"][0]
    table = _new_table(doc, columns, 18)
    head = table.rows[0]
    for cell, title in zip(head.cells, titles):
        _fill(cell, [(title, own["NorSheetHead"][0])])
        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    _repeat_header(head)
    _tag_row(table, 1, "{%tr for g in groups %}", text)
    group = table.rows[2].cells[0].merge(table.rows[2].cells[-1])
    _fill(group, [("{{ g.title }} {{ g.note }}", own["NorSheetGroup"][0])], GROUP_FILL)
    _cant_split(table.rows[2])  # a group's title never alone at the foot of a page (keep with next)
    _tag_row(table, 3, "{%tr for r in g.rows %}", text)
    _tag_row(table, 4, "{%tr if r.overdue %}", text)
    # The assignment's row: its number and words merged down over its members' lines.
    for index, style, fill in ((5, overdue, OVERDUE_FILL), (7, text, None)):
        cells = table.rows[index].cells
        _fill(cells[0], [("{{ r.number }}", style)], fill)
        cells[0].paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
        _fill(cells[1], [("{{ r.source }}", style if fill else source), ("{{ r.text }}", style),
                         ("{%p for l in r.links %}", style), ("{{ l }}", style if fill else link),
                         ("{%p endfor %}", style)], fill)  # fmt: skip
        _fill(cells[2], [("{{ r.deadline }}", style)], fill)
        _fill(cells[3], [("{{ r.executor }}", style)], fill)
        _fill(cells[4], [("{{ r.marks }}", style)], fill)
        status = own["NorSheetOverdueStatus"][0] if fill else style
        _fill(cells[5], [("{{ r.status }}", status)], fill)
        _v_merge(cells[0], True)
        _v_merge(cells[1], True)
    _tag_row(table, 6, "{%tr else %}", text)
    _tag_row(table, 8, "{%tr endif %}", text)
    # A member's line: their extension, name, marks and status under the merged words.
    _tag_row(table, 9, "{%tr for m in r.members %}", text)
    _tag_row(table, 10, "{%tr if m.overdue %}", text)
    for index, style, fill in ((11, overdue, OVERDUE_FILL), (13, text, None)):
        cells = table.rows[index].cells
        _fill(cells[0], [("", style)])
        _fill(cells[1], [("", style)])
        _v_merge(cells[0], False)
        _v_merge(cells[1], False)
        _fill(cells[2], [("{{ m.deadline }}", style)], fill)
        _fill(cells[3], [("{{ m.name }}", style)], fill)
        _fill(cells[4], [("{{ m.marks }}", style)], fill)
        status = own["NorSheetOverdueStatus"][0] if fill else style
        _fill(cells[5], [("{{ m.status }}", status)], fill)
    _tag_row(table, 12, "{%tr else %}", text)
    _tag_row(table, 14, "{%tr endif %}", text)
    _tag_row(table, 15, "{%tr endfor %}", text)  # members
    _tag_row(table, 16, "{%tr endfor %}", text)  # rows of the group
    _tag_row(table, 17, "{%tr endfor %}", text)  # groups
    for cell in table.rows[2].cells[:1]:
        cell.paragraphs[0].paragraph_format.keep_with_next = True


def _summary_table(doc, own: dict = SHEET_STYLES) -> None:
    """Assignments and their parts by state: a label column and one column per state."""
    text, head = own["NorSheetText"][0], own["NorSheetHead"][0]
    table = _new_table(doc, SUMMARY_COLUMNS, 4)
    titles = ["", "Всего", *("{{ summary.columns." + key + " }}" for key in SUMMARY_FIELDS[1:])]
    for cell, title in zip(table.rows[0].cells, titles):
        _fill(cell, [(title, head)])
        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    _repeat_header(table.rows[0])
    _tag_row(table, 1, "{%tr for s in summary.rows %}", text)
    for i, (cell, field) in enumerate(zip(table.rows[2].cells, ("label", *SUMMARY_FIELDS))):
        _fill(cell, [("{{ s." + field + " }}", text)])
        if i:
            cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    _tag_row(table, 3, "{%tr endfor %}", text)


def _compiled_table(doc, own: dict = SHEET_STYLES) -> None:
    """«Составил:» position | a line to sign on | И.О. Фамилия; the date below (no borders)."""
    text = own["NorSheetNote"][0]
    table = doc.add_table(rows=2, cols=3)
    table.autofit = False
    _borders(table, False)
    for col, width in zip(table._tbl.tblGrid.findall(qn("w:gridCol")), COMPILED_COLUMNS):
        col.set(qn("w:w"), str(int(Mm(width).twips)))
    cells = [("{{ compiled.label }}{{ ' ' if compiled.label }}{{ compiled.position }}", None), ("____________________", WD_ALIGN_PARAGRAPH.CENTER),
             ("{{ compiled.name }}", WD_ALIGN_PARAGRAPH.RIGHT)]  # fmt: skip
    for cell, width, (value, align) in zip(table.rows[0].cells, COMPILED_COLUMNS, cells):
        cell.width = Mm(width)
        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.BOTTOM
        _fill(cell, [(value, text)])
        if align is not None:
            cell.paragraphs[0].alignment = align
        cell.paragraphs[0].paragraph_format.keep_with_next = True
    _fill(table.rows[1].cells[0], [("{{ compiled.date }}", text)])
    for cell in table.rows[1].cells[1:]:
        _fill(cell, [("", text)])
    for row in table.rows:
        _cant_split(row)


def _discipline_table(doc) -> None:
    text, head = SHEET_STYLES["NorSheetText"][0], SHEET_STYLES["NorSheetHead"][0]
    group = SHEET_STYLES["NorSheetGroup"][0]
    table = _new_table(doc, DISCIPLINE_COLUMNS, 5)
    for cell, title in zip(table.rows[0].cells, DISCIPLINE_HEAD):
        _fill(cell, [(title, head)])
        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    _repeat_header(table.rows[0])
    _tag_row(table, 1, "{%tr for d in discipline %}", text)
    for index, var, style in ((2, "d", text), (4, "discipline_total", group)):
        for i, (cell, field) in enumerate(zip(table.rows[index].cells, DISCIPLINE_FIELDS)):
            _fill(cell, [("{{ " + var + "." + field + " }}", style)])
            if i:
                cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    _tag_row(table, 3, "{%tr endfor %}", text)


# --- the body --------------------------------------------------------------------------------


def _body(doc) -> None:
    note = SHEET_STYLES["NorSheetNote"][0]
    caption = SHEET_STYLES["NorSheetCaption"][0]
    _tag(doc, "{%p for line in issuer_lines %}")
    _p(doc, "{{ line }}", "NorRequisite")
    _tag(doc, "{%p endfor %}")
    _p(doc, "{{ title }}", "NorKind")
    _p(doc, "{{ subtitle }}", "NorTitle").paragraph_format.space_after = Pt(0)
    _p(doc, "{{ as_of }}", caption).paragraph_format.space_after = Pt(12)
    # Page 1: the summary.
    _tag(doc, "{%p if summary.rows %}")
    _p(doc, "{{ summary.heading }}", SHEET_STYLES["NorSheetHeading"][0])
    _summary_table(doc)
    _tag(doc, "{%p endif %}")
    _tag(doc, "{%p if summary.overdue_by %}")
    _p(doc, "{{ summary.overdue_by }}", note)
    _tag(doc, "{%p endif %}")
    _tag(doc, "{%p if summary.rows %}")
    _p(doc, "{{ summary.due_by }}", note)
    _p(doc, "{{ summary.note }}", note)
    _tag(doc, "{%p endif %}")
    # From page 2: the assignments.
    _tag(doc, "{%p if groups %}")
    heading = _p(doc, "{{ details_heading }}", SHEET_STYLES["NorSheetHeading"][0])
    heading.paragraph_format.page_break_before = True
    _sheet_table(doc)
    _tag(doc, "{%p else %}")
    _p(doc, "{{ empty_text }}", note)
    _tag(doc, "{%p endif %}")
    _tag(doc, "{%p if overdue_legend %}")
    _p(doc, "{{ overdue_legend }}", note)
    _tag(doc, "{%p endif %}")
    _tag(doc, "{%p if discipline %}")
    heading = _p(doc, "{{ discipline_heading }}", SHEET_STYLES["NorSheetHeading"][0])
    heading.paragraph_format.space_before = Pt(18)
    _discipline_table(doc)
    _p(doc, "{{ discipline_note }}", note)
    _tag(doc, "{%p endif %}")
    _p(doc, "", note).paragraph_format.keep_with_next = True
    _compiled_table(doc)
    body = doc.element.body
    first = body[0]
    if first.tag == qn("w:p") and not "".join(first.itertext()).strip():
        body.remove(first)


def _own_app_properties(raw: bytes, name: str = "control-sheet.docx") -> bytes:
    """docProps/app.xml names this template (``name``), not the protocol's."""
    parts = []
    with zipfile.ZipFile(io.BytesIO(raw)) as archive:
        for info in archive.infolist():
            data = archive.read(info)
            if info.filename == "docProps/app.xml":
                data = re.sub(rb"<Template>[^<]*</Template>", f"<Template>{name}</Template>".encode(), data)
            parts.append(Part.of(info.filename, data))
    return zip_parts(parts)


def main() -> None:
    target = HERE / "control-sheet.docx"
    data = build_control_sheet()
    target.write_bytes(data)
    print(f"{target.relative_to(HERE.parent)}: {len(data)} байт")


if __name__ == "__main__":
    main()
