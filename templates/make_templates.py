"""Generate the shipped DOCX templates: ``python templates/make_templates.py``.

The templates are ordinary Word documents with Jinja tags in the text (docxtpl syntax:
``{{ … }}`` prints, ``{%p … %}`` / ``{%tr … %}`` stand alone in a paragraph / table row and
repeat or hide it). An office opens ``templates/protocol.docx`` in Word and changes fonts,
margins, the header, styles («Реквизит», «Заголовок к тексту», «Раздел»…) or adds its emblem;
nor-docs fills in the rest. A template for one issuing body goes to
``templates/<issuer id>/protocol.docx``; a meeting may name its own with ``template:``.

This script makes the defaults (ГОСТ Р 7.0.97): A4; margins 30/10/20/20 mm; Times New Roman
14 pt; first-line indent 1.25 cm; justified text; page numbers centred at the top from page 2.
It writes the same bytes every time (fixed zip times, fixed core properties), so the generated
files are committed and a change shows up in git.

The variables a template can use are those of ``nor_docs.render.protocol_view.protocol_view`` (see the
docs/templates.md); ``templates/roadmap.docx`` (``build_roadmap``: A4 landscape, the
plan table with its header row repeated on every page) uses those of
``nor_docs.render.roadmap_view.roadmap_view`` (docs/roadmaps.md).
"""

from __future__ import annotations

import datetime as dt
import io
import re
import sys
import zipfile
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from nor_docs.render.docx_zip import Part, zip_parts  # noqa: E402

FONT = "Times New Roman"
TEXT_WIDTH = Mm(210 - 30 - 10)

# style id → (name in Word, alignment, first-line indent, bold, size pt, space before pt, keep with next)
PARAGRAPH_STYLES = {
    "NorRequisite": ("Реквизит", WD_ALIGN_PARAGRAPH.CENTER, None, True, None, 0, True),
    "NorKind": ("Вид документа", WD_ALIGN_PARAGRAPH.CENTER, None, True, None, 12, True),
    "NorDateLine": ("Дата и номер", WD_ALIGN_PARAGRAPH.LEFT, None, False, None, 12, True),
    "NorPlace": ("Место составления", WD_ALIGN_PARAGRAPH.LEFT, None, False, None, 0, True),
    "NorTitle": ("Заголовок к тексту", WD_ALIGN_PARAGRAPH.CENTER, None, True, None, 12, True),
    "NorLabel": ("Раздел", WD_ALIGN_PARAGRAPH.LEFT, None, False, None, 6, True),
    "NorList": ("Список", WD_ALIGN_PARAGRAPH.LEFT, None, False, None, 0, False),
    "NorSignature": ("Подпись", WD_ALIGN_PARAGRAPH.LEFT, None, False, None, 0, False),
    # the last paragraph of the text: kept on the page of the signatures, never left alone there
    "NorBeforeSignature": ("Текст перед подписью", WD_ALIGN_PARAGRAPH.JUSTIFY, Cm(1.25), False, None, 0, True),
    "NorSignatureName": ("Подпись: расшифровка", WD_ALIGN_PARAGRAPH.RIGHT, None, False, None, 0, False),
    "NorAppendixMark": ("Отметка о приложении", WD_ALIGN_PARAGRAPH.RIGHT, None, False, None, 0, True),
    "NorTableText": ("Текст таблицы", WD_ALIGN_PARAGRAPH.LEFT, None, False, 12, 0, False),
    "NorTableHead": ("Шапка таблицы", WD_ALIGN_PARAGRAPH.CENTER, None, True, 12, 0, False),
}
KEEP_STYLES = {"Normal", "DefaultParagraphFont", "TableNormal", "NoList", "Header", "HeaderChar"}


def build_document(kind: str) -> bytes:
    """``decision.docx`` (a collegium's or council's decision) or ``act.docx`` (an order, a directive,
    a resolution): the issuer lines, the kind's heading, date and number, the title «О …», the
    preamble (the formula «коллегия РЕШАЕТ:» continues it), the formula as a line of its own
    («ПРИКАЗЫВАЮ:»), the numbered items and the signatures the kind has. A decision may also have
    the meeting's roles, attendance and agenda, printed only where the record gives them."""
    doc = Document()
    _page_setup(doc)
    _styles(doc)
    _document_body(doc, meeting=kind == "decision", inspection=kind == "inspection")
    _header(doc)
    name = {"decision": "решения", "act": "распорядительного документа", "inspection": "акта проверки"}[kind]
    return _clean_package(_saved(doc, f"Шаблон {name} nor-docs"), f"{kind}.docx")


def build_decision() -> bytes:
    return build_document("decision")


def build_act() -> bytes:
    return build_document("act")


def build_inspection() -> bytes:
    """``inspection.docx``: an act's items as a table — нарушение | требуемая мера | срок | принятые
    меры (a предписание, представление, протест)."""
    return build_document("inspection")


def build_protocol() -> bytes:
    doc = Document()
    _page_setup(doc)
    _styles(doc)
    _body(doc)
    _header(doc)
    return _clean_package(_saved(doc, "Шаблон протокола nor-docs"))


def _saved(doc, title: str) -> bytes:
    """The document saved with fixed core properties (title, author, dates), so a regenerated
    template is byte-identical to the committed one."""
    props = doc.core_properties
    props.title = title
    props.author = props.last_modified_by = "nor-docs"
    props.revision = 1
    props.comments = ""
    props.language = "ru-RU"
    props.created = props.modified = dt.datetime(2024, 1, 1)
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


# --- page and styles -------------------------------------------------------------------------


def _page_setup(doc) -> None:
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin, section.right_margin = Mm(30), Mm(10)
    section.top_margin, section.bottom_margin = Mm(20), Mm(20)
    section.header_distance, section.footer_distance = Mm(10), Mm(10)
    section.start_type = WD_SECTION.NEW_PAGE


def _fonts(rpr, size_pt: int | None = None, bold: bool | None = None) -> None:
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), FONT)


def _styles(doc) -> None:
    styles = doc.styles
    root = styles.element
    # docDefaults: Times New Roman 14 pt, Russian, no spacing after paragraphs.
    defaults = root.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    for child in list(rpr):
        rpr.remove(child)
    _fonts(rpr)
    size = OxmlElement("w:sz")
    size.set(qn("w:val"), "28")
    size_cs = OxmlElement("w:szCs")
    size_cs.set(qn("w:val"), "28")
    lang = OxmlElement("w:lang")
    lang.set(qn("w:val"), "ru-RU")
    lang.set(qn("w:eastAsia"), "ru-RU")
    lang.set(qn("w:bidi"), "ar-SA")
    rpr.extend([size, size_cs, lang])
    ppr_default = defaults.find(qn("w:pPrDefault"))
    if ppr_default is None:
        ppr_default = OxmlElement("w:pPrDefault")
        defaults.append(ppr_default)
    ppr = ppr_default.find(qn("w:pPr"))
    if ppr is None:
        ppr = OxmlElement("w:pPr")
        ppr_default.append(ppr)
    for child in list(ppr):
        ppr.remove(child)
    spacing = OxmlElement("w:spacing")
    spacing.set(qn("w:after"), "0")
    spacing.set(qn("w:line"), "240")
    spacing.set(qn("w:lineRule"), "auto")
    ppr.append(spacing)

    latent = root.find(qn("w:latentStyles"))
    if latent is not None:
        root.remove(latent)
    for style in list(root.findall(qn("w:style"))):
        if style.get(qn("w:styleId")) not in KEEP_STYLES:
            root.remove(style)

    normal = styles["Normal"]
    normal.font.name = FONT
    _fonts(normal.element.get_or_add_rPr())
    normal.font.size = Pt(14)
    fmt = normal.paragraph_format
    fmt.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    fmt.first_line_indent = Cm(1.25)
    fmt.space_before = fmt.space_after = Pt(0)
    fmt.line_spacing = 1.0
    fmt.widow_control = True

    for style_id, (name, align, indent, bold, size_pt, before, keep) in PARAGRAPH_STYLES.items():
        style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.element.set(qn("w:styleId"), style_id)
        style.base_style = normal
        style.quick_style = True
        pf = style.paragraph_format
        pf.alignment = align
        pf.first_line_indent = indent if indent is not None else Cm(0)
        pf.space_before = Pt(before)
        pf.keep_with_next = keep
        if bold:
            style.font.bold = True
        if size_pt:
            style.font.size = Pt(size_pt)
    date_line = styles["Дата и номер"].paragraph_format
    date_line.tab_stops.add_tab_stop(TEXT_WIDTH, WD_TAB_ALIGNMENT.RIGHT)
    styles["Заголовок к тексту"].paragraph_format.space_after = Pt(12)
    styles["Отметка о приложении"].paragraph_format.left_indent = Mm(95)
    styles["Отметка о приложении"].paragraph_format.alignment = WD_ALIGN_PARAGRAPH.LEFT
    header = styles["Header"]
    header.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    header.paragraph_format.first_line_indent = Cm(0)
    header.font.size = Pt(12)


# --- the body --------------------------------------------------------------------------------


def _style(style_id: str) -> str:
    """The Word name of one of our styles (python-docx looks styles up by name)."""
    for known in (PARAGRAPH_STYLES, ROADMAP_STYLES):
        if style_id in known:
            return known[style_id][0]
    return style_id


def _p(doc, text: str, style: str = "Normal", page_break: bool = False):
    paragraph = doc.add_paragraph(style=_style(style))
    paragraph.add_run(text)
    if page_break:
        paragraph.paragraph_format.page_break_before = True
    return paragraph


def _tag(doc, tag: str):
    """A paragraph that holds only a docxtpl paragraph tag ({%p … %}); it disappears."""
    return doc.add_paragraph(tag, style="Normal")


def _borders(table, visible: bool) -> None:
    tbl_pr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:val"), "single" if visible else "nil")
        if visible:
            element.set(qn("w:sz"), "4")
            element.set(qn("w:space"), "0")
            element.set(qn("w:color"), "auto")
        borders.append(element)
    tbl_pr.append(borders)
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    tbl_pr.append(layout)


def _table(doc, widths_mm: list[int], rows: list[list[tuple[str, str]]], visible: bool):
    table = doc.add_table(rows=len(rows), cols=len(widths_mm))
    table.autofit = False
    _borders(table, visible)
    grid = table._tbl.tblGrid
    for col, width in zip(grid.findall(qn("w:gridCol")), widths_mm):
        col.set(qn("w:w"), str(int(Mm(width).twips)))
    for r, cells in enumerate(rows):
        for c, (text, style) in enumerate(cells):
            cell = table.cell(r, c)
            cell.width = Mm(widths_mm[c])
            cell.paragraphs[0].style = _style(style)
            cell.paragraphs[0].add_run(text)
    return table


def _repeat_header(row) -> None:
    """A header row: repeated on every page, never split, and kept with the first data row (a
    header alone at the foot of a page is no header)."""
    tr_pr = row._tr.get_or_add_trPr()
    tr_pr.append(OxmlElement("w:cantSplit"))
    header = OxmlElement("w:tblHeader")
    tr_pr.append(header)
    _keep_row_with_next(row)


def _keep_row_with_next(row) -> None:
    """Every paragraph of the row kept with the next: Word and LibreOffice then keep the row on
    the page of the row (or paragraph) after it."""
    for cell in row.cells:
        for paragraph in cell.paragraphs:
            paragraph.paragraph_format.keep_with_next = True


def _cant_split(row) -> None:
    row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))


def _decisions_block(doc, var: str) -> None:
    """Decisions as numbered sentences, or as a table when the record says so."""
    _tag(doc, '{%p if layout == "table" %}')
    table = _table(
        doc, [16, 84, 32, 38],
        [
            [("№ п/п", "NorTableHead"), ("Содержание поручения", "NorTableHead"),
             ("Срок исполнения", "NorTableHead"), ("Ответственные исполнители", "NorTableHead")],
            [("{%tr for d in " + var + " %}", "NorTableText")] + [("", "NorTableText")] * 3,
            [("{{ d.number }}", "NorTableText"), ("{{ d.content }}", "NorTableText"),
             ("{{ d.deadline }}", "NorTableText"), ("{{ d.executors }}", "NorTableText")],
            [("{%tr endfor %}", "NorTableText")] + [("", "NorTableText")] * 3,
        ],
        visible=True,
    )  # fmt: skip
    _repeat_header(table.rows[0])
    _tag(doc, "{%p else %}")
    _tag(doc, "{%p for d in " + var + " %}")
    # The last decision of the protocol goes with the signatures to their page.
    _tag(doc, "{%p if d.before_signatures %}")
    _p(doc, "{{ d.number }} {{ d.text }}", "NorBeforeSignature")
    _tag(doc, "{%p else %}")
    _p(doc, "{{ d.number }} {{ d.text }}")
    _tag(doc, "{%p endif %}")
    _tag(doc, "{%p for b in d.bullets %}")
    _tag(doc, "{%p if d.before_signatures %}")
    _p(doc, "– {{ b }}", "NorBeforeSignature")
    _tag(doc, "{%p else %}")
    _p(doc, "– {{ b }}")
    _tag(doc, "{%p endif %}")
    _tag(doc, "{%p endfor %}")
    # «Голосовали: за — 12, против — нет, воздержались — 1.» under the decision, where it was voted.
    _tag(doc, "{%p if d.vote %}")
    _tag(doc, "{%p if d.before_signatures %}")
    _p(doc, "{{ d.vote }}", "NorBeforeSignature")
    _tag(doc, "{%p else %}")
    _p(doc, "{{ d.vote }}")
    _tag(doc, "{%p endif %}")
    _tag(doc, "{%p endif %}")
    _tag(doc, "{%p endfor %}")
    _tag(doc, "{%p endif %}")


def _item_vote(doc) -> None:
    """The vote on an agenda item as a whole, after its decisions."""
    _tag(doc, "{%p if item.vote %}")
    _p(doc, "{{ item.vote }}")
    _tag(doc, "{%p endif %}")


def _statements(doc, label: str, var: str) -> None:
    _tag(doc, "{%p if " + var + " %}")
    _p(doc, "{{ " + label + " }}", "NorLabel")
    _tag(doc, "{%p for st in " + var + " %}")
    _p(doc, "{{ st.lead }}")
    _tag(doc, "{%p for para in st.paragraphs %}")
    _p(doc, "{{ para }}")
    _tag(doc, "{%p endfor %}")
    _tag(doc, "{%p endfor %}")
    _tag(doc, "{%p endif %}")


def _roles_and_attendance(doc) -> None:
    """Chair and secretary lines, then each attendance section (label, count, the names)."""
    _tag(doc, "{%p for line in roles %}")
    _p(doc, "{{ line }}", "NorList")
    _tag(doc, "{%p endfor %}")
    _tag(doc, "{%p for section in attendance %}")
    _p(doc, "{{ section.label }}{% if section.summary %} {{ section.summary }}{% endif %}", "NorLabel")
    _tag(doc, "{%p for line in section.lines %}")
    _p(doc, "{{ line }}", "NorList")
    _tag(doc, "{%p endfor %}")
    _tag(doc, "{%p endfor %}")


def _body(doc) -> None:
    _p(doc, "{{ issuer }}", "NorRequisite")
    _p(doc, "{{ document_kind }}", "NorKind")
    _p(doc, "{{ date_line }}", "NorDateLine")
    _tag(doc, "{%p if place %}")
    _p(doc, "{{ place }}", "NorPlace")
    _tag(doc, "{%p endif %}")
    _p(doc, "{{ title }}", "NorTitle")
    _tag(doc, "{%p for line in details %}")
    _p(doc, "{{ line }}", "NorList")
    _tag(doc, "{%p endfor %}")
    _roles_and_attendance(doc)
    _tag(doc, "{%p if theme %}")
    _p(doc, "{{ theme }}", "NorLabel")
    _tag(doc, "{%p endif %}")
    _tag(doc, "{%p for para in intro %}")
    _p(doc, "{{ para }}")
    _tag(doc, "{%p endfor %}")
    _tag(doc, "{%p if agenda %}")
    _p(doc, "{{ agenda_heading }}", "NorLabel")
    _tag(doc, "{%p for line in agenda %}")
    _p(doc, "{{ line.number }} {{ line.text }}")
    _tag(doc, "{%p endfor %}")
    _tag(doc, "{%p endif %}")
    # The main part, item by item: N. СЛУШАЛИ: / ВЫСТУПИЛИ: / РЕШИЛИ:
    _tag(doc, "{%p for item in items %}")
    _statements(doc, "item.heard_label", "item.heard")
    _statements(doc, "item.spoke_label", "item.spoke")
    _tag(doc, "{%p if item.decisions %}")
    _p(doc, "{{ item.decisions_label }}", "NorLabel")
    _decisions_block(doc, "item.decisions")
    _tag(doc, "{%p endif %}")
    _item_vote(doc)
    _tag(doc, "{%p endfor %}")
    # Decisions of the meeting as a whole.
    _tag(doc, "{%p if decisions %}")
    _p(doc, "{{ decisions_label }}", "NorLabel")
    _decisions_block(doc, "decisions")
    _tag(doc, "{%p endif %}")
    _signatures_and_appendices(doc)
    # python-docx starts the document with one empty paragraph; drop it.
    body = doc.element.body
    first = body[0]
    if first.tag == qn("w:p") and not "".join(first.itertext()).strip():
        body.remove(first)


def _signatures_and_appendices(doc) -> None:
    # Signatures: position on the left, «И.О. Фамилия» on the right; then «Протокол вела» and the
    # name; then an extract's certification: «Верно», position, signature, И.О. Фамилия, date.
    # One borderless table whose every row is kept with the next (and the paragraph before it
    # with the table): no page break falls inside the block, in Word or in LibreOffice.
    _tag(doc, "{%p if signatures or minutes_by or certification %}")
    _p(doc, "", "NorSignature").paragraph_format.keep_with_next = True
    blank = ("", "NorSignature")
    table = _table(
        doc, [110, 60],
        [
            [("{%tr for s in signatures %}", "NorSignature"), blank],
            [("{{ s.position }}", "NorSignature"), ("{{ s.name }}", "NorSignatureName")],
            [("{%tr endfor %}", "NorSignature"), blank],
            [("{%tr if minutes_by %}", "NorSignature"), blank],
            [("{{ minutes_by.label }}", "NorSignature"), blank],
            [("{{ minutes_by.name }}", "NorSignature"), blank],
            [("{%tr endif %}", "NorSignature"), blank],
            [("{%tr if certification %}", "NorSignature"), blank],
            [("{{ certification.word }}", "NorSignature"), blank],
            [("{{ certification.position }}", "NorSignature"), ("{{ certification.name }}", "NorSignatureName")],
            [("{{ certification.date }}", "NorSignature"), blank],
            [("{%tr endif %}", "NorSignature"), blank],
        ],
        visible=False,
    )  # fmt: skip
    for index in (1, 4, 5, 8, 9, 10):  # the rows that stay; tag rows disappear
        row = table.rows[index]
        for cell in row.cells:
            cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.BOTTOM
        _keep_row_with_next(row)
        _cant_split(row)
    for index in (1, 4, 8):  # a signature, «Протокол вела», «Верно»: a space above for the pen
        for cell in table.rows[index].cells:
            cell.paragraphs[0].paragraph_format.space_before = Pt(24)
    _tag(doc, "{%p endif %}")
    # Appendices, each from a new page.
    _tag(doc, "{%p for a in appendices %}")
    _p(doc, "{{ a.heading }}", "NorAppendixMark", page_break=True)
    _p(doc, "{{ a.title }}", "NorTitle")
    _tag(doc, "{%p if a.subtitle %}")
    _p(doc, "{{ a.subtitle }}", "NorTitle")
    _tag(doc, "{%p endif %}")
    _tag(doc, "{%p for para in a.paragraphs %}")
    _p(doc, "{{ para }}")
    _tag(doc, "{%p endfor %}")
    _tag(doc, "{%p for line in a.list %}")
    _p(doc, "{{ line }}", "NorList")
    _tag(doc, "{%p endfor %}")
    _tag(doc, "{%p if a.table %}")
    table = _table(
        doc, [20, 150, 1],
        [
            [("{%tr if a.table.header %}", "NorTableText"), ("", "NorTableText"), ("", "NorTableText")],
            [("{%tc for c in a.table.header %}", "NorTableHead"), ("{{ c }}", "NorTableHead"),
             ("{%tc endfor %}", "NorTableHead")],
            [("{%tr endif %}", "NorTableText"), ("", "NorTableText"), ("", "NorTableText")],
            [("{%tr for row in a.table.rows %}", "NorTableText"), ("", "NorTableText"), ("", "NorTableText")],
            [("{%tc for c in row %}", "NorTableText"), ("{{ c }}", "NorTableText"), ("{%tc endfor %}", "NorTableText")],
            [("{%tr endfor %}", "NorTableText"), ("", "NorTableText"), ("", "NorTableText")],
        ],
        visible=True,
    )  # fmt: skip
    _tag(doc, "{%p endif %}")
    _tag(doc, "{%p for para in a.paragraphs_after %}")
    _p(doc, "{{ para }}")
    _tag(doc, "{%p endfor %}")
    _tag(doc, "{%p endfor %}")


def _inspection_table(doc, var: str) -> None:
    """An inspection act's items: № | Нарушение | Требуемая мера | Срок | Принятые меры."""
    table = _table(
        doc, [12, 48, 44, 26, 40],
        [
            [("№ п/п", "NorTableHead"), ("Нарушение", "NorTableHead"), ("Требуемая мера", "NorTableHead"),
             ("Срок", "NorTableHead"), ("Принятые меры", "NorTableHead")],
            [("{%tr for d in " + var + " %}", "NorTableText")] + [("", "NorTableText")] * 4,
            [("{{ d.number }}", "NorTableText"), ("{{ d.violation }}", "NorTableText"),
             ("{{ d.measure }}", "NorTableText"), ("{{ d.deadline_cell }}", "NorTableText"),
             ("{{ d.measures_taken }}", "NorTableText")],
            [("{%tr endfor %}", "NorTableText")] + [("", "NorTableText")] * 4,
        ],
        visible=True,
    )  # fmt: skip
    _repeat_header(table.rows[0])


def _document_body(doc, meeting: bool, inspection: bool = False) -> None:
    _tag(doc, "{%p for line in issuer_lines %}")
    _p(doc, "{{ line }}", "NorRequisite")
    _tag(doc, "{%p endfor %}")
    _tag(doc, "{%p if document_kind %}")
    _p(doc, "{{ document_kind }}", "NorKind")
    _tag(doc, "{%p endif %}")
    _tag(doc, "{%p if date_line %}")  # a document with no date and no number has no such line
    _p(doc, "{{ date_line }}", "NorDateLine")
    _tag(doc, "{%p endif %}")
    _tag(doc, "{%p if place %}")
    _p(doc, "{{ place }}", "NorPlace")
    _tag(doc, "{%p endif %}")
    _tag(doc, "{%p if title %}")
    _p(doc, "{{ title }}", "NorTitle")
    _tag(doc, "{%p endif %}")
    if meeting:
        _roles_and_attendance(doc)
    _tag(doc, "{%p for para in intro %}")
    _p(doc, "{{ para }}")
    _tag(doc, "{%p endfor %}")
    if meeting:
        _tag(doc, "{%p if agenda %}")
        _p(doc, "{{ agenda_heading }}", "NorLabel")
        _tag(doc, "{%p for line in agenda %}")
        _p(doc, "{{ line.number }} {{ line.text }}")
        _tag(doc, "{%p endfor %}")
        _tag(doc, "{%p endif %}")
        _tag(doc, "{%p for item in items %}")
        _statements(doc, "item.heard_label", "item.heard")
        _statements(doc, "item.spoke_label", "item.spoke")
        _tag(doc, "{%p if item.decisions %}")
        _tag(doc, "{%p if item.decisions_label %}")
        _p(doc, "{{ item.decisions_label }}", "NorLabel")
        _tag(doc, "{%p endif %}")
        _decisions_block(doc, "item.decisions")
        _tag(doc, "{%p endif %}")
        _item_vote(doc)
        _tag(doc, "{%p endfor %}")
    _tag(doc, "{%p if decisions %}")
    _tag(doc, "{%p if decisions_label %}")
    _p(doc, "{{ decisions_label }}", "NorLabel")
    _tag(doc, "{%p endif %}")
    if inspection:
        _inspection_table(doc, "decisions")
    else:
        _decisions_block(doc, "decisions")
    _tag(doc, "{%p endif %}")
    _signatures_and_appendices(doc)
    body = doc.element.body
    first = body[0]
    if first.tag == qn("w:p") and not "".join(first.itertext()).strip():
        body.remove(first)


def _header(doc) -> None:
    """Page numbers centred at the top from page 2: a blank first-page header (titlePg) and a
    default header holding a PAGE field."""
    section = doc.sections[0]
    section.different_first_page_header_footer = True
    first = section.first_page_header
    first.is_linked_to_previous = False
    first.paragraphs[0].style = "Header"
    header = section.header
    header.is_linked_to_previous = False
    paragraph = header.paragraphs[0]
    paragraph.style = "Header"
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), " PAGE ")
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "2"
    run.append(text)
    field.append(run)
    paragraph._p.append(field)


# --- the roadmap (дорожная карта) ---------------------------------------------------------------

LANDSCAPE_TEXT_WIDTH_MM = 297 - 20 - 10
# № | Мероприятие | Срок | Ответственные | Ожидаемый результат | Отметка о выполнении
ROADMAP_COLUMNS_MM = [17, 70, 30, 48, 48, 54]
ROADMAP_HEADER = ("№ п/п", "Мероприятие", "Срок", "Ответственные", "Ожидаемый результат", "Отметка о выполнении")
# Ход выполнения: Раздел | Всего пунктов | Выполнено | Выполняется в срок | Просрочено
SUMMARY_COLUMNS_MM = [112, 30, 55, 35, 35]
# style id → (name in Word, alignment, bold, size pt, left indent mm)
ROADMAP_STYLES = {
    "NorStamp": ("Гриф утверждения", WD_ALIGN_PARAGRAPH.LEFT, False, None, LANDSCAPE_TEXT_WIDTH_MM - 85),
    "NorTableSection": ("Раздел таблицы", WD_ALIGN_PARAGRAPH.CENTER, True, 12, None),
    "NorTableNumber": ("Номер в таблице", WD_ALIGN_PARAGRAPH.CENTER, False, 12, None),
}


def build_roadmap() -> bytes:
    """``templates/roadmap.docx``: approval stamp top right, title, progress summary (with a
    status date), and the plan table — A4 landscape, header row repeated on every page, sections
    as merged full-width rows."""
    doc = Document()
    _page_setup(doc)
    section = doc.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Mm(297), Mm(210)
    section.left_margin, section.right_margin = Mm(20), Mm(10)
    _styles(doc)
    styles = doc.styles
    for style_id, (name, align, bold, size_pt, indent_mm) in ROADMAP_STYLES.items():
        style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.element.set(qn("w:styleId"), style_id)
        style.base_style = styles["Normal"]
        style.quick_style = True
        pf = style.paragraph_format
        pf.alignment = align
        pf.first_line_indent = Cm(0)
        if indent_mm is not None:
            pf.left_indent = Mm(indent_mm)
        if bold:
            style.font.bold = True
        if size_pt:
            style.font.size = Pt(size_pt)
    styles["Раздел таблицы"].paragraph_format.keep_with_next = True  # a section row stays with its first item
    _roadmap_body(doc)
    _header(doc)
    return _clean_package(_saved(doc, "Шаблон дорожной карты nor-docs"), "roadmap.docx")


def _roadmap_body(doc) -> None:
    # The stamp: «УТВЕРЖДЕНО / приказом … / от … № …», or as the paper prints it, line by line.
    _tag(doc, "{%p if stamp %}")
    _tag(doc, "{%p for line in stamp.lines %}")
    _p(doc, "{{ line }}", "NorStamp")
    _tag(doc, "{%p endfor %}")
    _tag(doc, "{%p endif %}")
    _p(doc, "{{ title }}", "NorTitle")
    # The progress summary, only when statuses were asked for (--today / --status).
    _tag(doc, "{%p if summary %}")
    _p(doc, "{{ summary.heading }}", "NorLabel")
    blank = ("", "NorTableText")
    table = _table(
        doc, SUMMARY_COLUMNS_MM,
        [
            [("Раздел", "NorTableHead"), ("Всего пунктов", "NorTableHead"), ("Выполнено", "NorTableHead"),
             ("Выполняется в срок", "NorTableHead"), ("Просрочено", "NorTableHead")],
            [("{%tr for r in summary.rows %}", "NorTableText")] + [blank] * 4,
            [("{{ r.title }}", "NorTableText"), ("{{ r.total }}", "NorTableNumber"), ("{{ r.done }}", "NorTableNumber"),
             ("{{ r.on_time }}", "NorTableNumber"), ("{{ r.overdue }}", "NorTableNumber")],
            [("{%tr endfor %}", "NorTableText")] + [blank] * 4,
            [("{{ summary.total.title }}", "NorTableHead"), ("{{ summary.total.total }}", "NorTableHead"),
             ("{{ summary.total.done }}", "NorTableHead"), ("{{ summary.total.on_time }}", "NorTableHead"),
             ("{{ summary.total.overdue }}", "NorTableHead")],
        ],
        visible=True,
    )  # fmt: skip
    _repeat_header(table.rows[0])
    _tag(doc, "{%p for note in summary.notes %}")
    _p(doc, "{{ note }}", "NorList")
    _tag(doc, "{%p endfor %}")
    _p(doc, "", "NorList")  # keeps the two tables apart
    _tag(doc, "{%p endif %}")
    # The plan: header row repeated on every page; a section is one merged row across the table.
    # The usual six columns (plan.standard) in the first table; the columns a roadmap declares, or
    # the usual ones less those empty in every row, in the second (plan.columns, item.cells).
    _tag(doc, "{%p if plan.standard %}")
    width = len(ROADMAP_COLUMNS_MM)
    table = _table(
        doc, ROADMAP_COLUMNS_MM,
        [
            [(text, "NorTableHead") for text in ROADMAP_HEADER],
            [("{%tr for s in sections %}", "NorTableText")] + [blank] * (width - 1),
            [("{%tr if s.title %}", "NorTableText")] + [blank] * (width - 1),
            [("{{ s.title }}", "NorTableSection")] + [blank] * (width - 1),
            [("{%tr endif %}", "NorTableText")] + [blank] * (width - 1),
            [("{%tr for item in s.entries %}", "NorTableText")] + [blank] * (width - 1),
            [("{{ item.number }}", "NorTableNumber"), ("{{ item.activity }}", "NorTableText"),
             ("{{ item.deadline }}", "NorTableText"), ("{{ item.executors }}", "NorTableText"),
             ("{{ item.result }}", "NorTableText"), ("{{ item.mark }}", "NorTableText")],
            [("{%tr endfor %}", "NorTableText")] + [blank] * (width - 1),
            [("{%tr endfor %}", "NorTableText")] + [blank] * (width - 1),
        ],
        visible=True,
    )  # fmt: skip
    _repeat_header(table.rows[0])
    section_row = table.rows[3]
    for row in (table.rows[3], table.rows[6]):  # a section row, an item row: not split across pages
        row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
    merged = section_row.cells[0].merge(section_row.cells[width - 1])
    for extra in merged.paragraphs[1:]:  # the merged-away cells' empty paragraphs
        extra._p.getparent().remove(extra._p)
    _tag(doc, "{%p else %}")
    _roadmap_columns_table(doc)
    _tag(doc, "{%p endif %}")
    body = doc.element.body
    first = body[0]
    if first.tag == qn("w:p") and not "".join(first.itertext()).strip():
        body.remove(first)


def _roadmap_columns_table(doc) -> None:
    """The plan in the columns of ``plan.columns``: cells from loops ({%tc for %}), the section
    row spanning them all ({% colspan %}); the build fits the columns to their text."""
    blank = ("", "NorTableText")
    table = _table(
        doc, [20, LANDSCAPE_TEXT_WIDTH_MM - 21, 1],
        [
            [("{%tc for c in plan.columns %}", "NorTableHead"), ("{{ c.header }}", "NorTableHead"),
             ("{%tc endfor %}", "NorTableHead")],
            [("{%tr for s in sections %}", "NorTableText"), blank, blank],
            [("{%tr if s.title %}", "NorTableText"), blank, blank],
            [("{% colspan plan.width %}{{ s.title }}", "NorTableSection"), blank, blank],
            [("{%tr endif %}", "NorTableText"), blank, blank],
            [("{%tr for item in s.entries %}", "NorTableText"), blank, blank],
            [("{%tc for cell in item.cells %}", "NorTableText"), ("{%p if cell.number %}", "NorTableText"),
             ("{%tc endfor %}", "NorTableText")],
            [("{%tr endfor %}", "NorTableText"), blank, blank],
            [("{%tr endfor %}", "NorTableText"), blank, blank],
        ],
        visible=True,
    )  # fmt: skip
    _repeat_header(table.rows[0])
    for row in (table.rows[3], table.rows[6]):  # a section row, an item row: not split across pages
        row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
    merged = table.rows[3].cells[0].merge(table.rows[3].cells[2])
    for extra in merged.paragraphs[1:]:
        extra._p.getparent().remove(extra._p)
    # An item's cell: the number centred (as in the usual table), any other text as table text.
    cell = table.rows[6].cells[1]
    for text, style in (("{{ cell.text }}", "NorTableNumber"), ("{%p else %}", "NorTableText"),
                        ("{{ cell.text }}", "NorTableText"), ("{%p endif %}", "NorTableText")):
        cell.add_paragraph(text, style=_style(style))


# --- package clean-up --------------------------------------------------------------------------

_DROP = ("docProps/thumbnail.jpeg", "word/stylesWithEffects.xml", "customXml/")
APP_XML = (
    "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
    'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
    "<Template>{template}</Template><Application>nor-docs</Application><DocSecurity>0</DocSecurity>"
    "<ScaleCrop>false</ScaleCrop><LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc>"
    "<HyperlinksChanged>false</HyperlinksChanged></Properties>"
)


def _clean_package(raw: bytes, template: str = "protocol.docx") -> bytes:
    """Drop what python-docx's default template carries and a protocol does not need (a
    thumbnail, stylesWithEffects, customXml), and re-zip deterministically."""
    parts = []
    with zipfile.ZipFile(io.BytesIO(raw)) as archive:
        for info in archive.infolist():
            name = info.filename
            if name.startswith(_DROP):
                continue
            data = archive.read(info)
            if name.endswith(".rels") or name == "[Content_Types].xml":
                text = data.decode("utf-8")
                text = re.sub(r'<Relationship [^>]*Target="[^"]*(thumbnail\.jpeg|stylesWithEffects\.xml|customXml/[^"]*)"/>',
                              "", text)  # fmt: skip
                text = re.sub(r'<Override PartName="/(customXml/[^"]*|word/stylesWithEffects\.xml)"[^>]*/>', "", text)
                text = text.replace('<Default Extension="jpeg" ContentType="image/jpeg"/>', "")
                data = text.encode("utf-8")
            elif name == "docProps/app.xml":
                data = APP_XML.replace("{template}", template).encode("utf-8")
            elif name == "word/settings.xml":
                text = data.decode("utf-8")
                text = text.replace("<w:savePreviewPicture/>", "")
                text = re.sub(r"<w:rsids>.*?</w:rsids>", "", text)
                text = text.replace('w:val="en-US" w:eastAsia="ja-JP"', 'w:val="ru-RU" w:eastAsia="ru-RU"')
                # A justified line ending in a manual line break (a record's single line break)
                # is not stretched across the page (Word's «не расширять межзнаковые интервалы в
                # строке, оканчивающейся символом разрыва строки»; LibreOffice reads it too).
                text = text.replace("<w:compat>", "<w:compat><w:doNotExpandShiftReturn/>")
                data = text.encode("utf-8")
            parts.append(Part.of(name, data))
    return zip_parts(parts)


def main() -> None:
    for name, build in (("protocol.docx", build_protocol), ("decision.docx", build_decision),
                        ("act.docx", build_act), ("inspection.docx", build_inspection),
                        ("roadmap.docx", build_roadmap)):
        target = HERE / name
        data = build()
        target.write_bytes(data)
        print(f"{target.relative_to(HERE.parent)}: {len(data)} байт")
    import make_control_sheet  # the control sheet's template (templates/make_control_sheet.py)

    make_control_sheet.main()
    import make_analysis  # the analytic report's template (templates/make_analysis.py)

    make_analysis.main()
    import make_report  # the report on execution's template (templates/make_report.py)

    make_report.main()


if __name__ == "__main__":
    main()
