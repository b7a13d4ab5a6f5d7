"""Generate ``templates/analysis.docx``, the template of the analytic report (аналитическая справка
по результатам оценочных процедур и выявлению школ с низкими образовательными результатами).
Run by ``python templates/make_templates.py`` (``make templates``).

An ordinary Word document with docxtpl tags, in the styles of the protocol template
(``make_templates.py``): A4, margins 30/10/20/20 mm, Times New Roman 14 pt, page numbers from
page 2. The organisation, «АНАЛИТИЧЕСКАЯ СПРАВКА», its subject and date; then numbered sections —
the rule as stated, the data, the schools that meet the rule (a table with the evidence of each),
the dynamics by year (a table with the municipality's and the region's averages, and the charts,
each with its caption), the comparison with the averages, the schools that nearly met the rule,
remarks on the data, the conclusion; the signature. Tables are 12 pt with a header row repeated on
every page. Chart images are put in by nor-docs where ``{{ c.image }}`` stands.

The variables are those of ``nor_docs.render.analysis_view.report_view``.
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
from docx.enum.style import WD_STYLE_TYPE  # noqa: E402
from docx.enum.text import WD_ALIGN_PARAGRAPH  # noqa: E402
from docx.oxml import OxmlElement  # noqa: E402
from docx.oxml.ns import qn  # noqa: E402
from docx.shared import Cm, Pt  # noqa: E402
from make_templates import (  # noqa: E402
    _clean_package,
    _header,
    _p,
    _page_setup,
    _repeat_header,
    _saved,
    _styles,
    _table,
    _tag,
)

from nor_docs.render.docx_zip import Part, zip_parts  # noqa: E402

# style id → (name in Word, alignment, first-line indent cm, bold, italic, size pt, space before pt, keep with next)
REPORT_STYLES = {
    "NorReportSection": ("Справка: раздел", WD_ALIGN_PARAGRAPH.LEFT, 1.25, True, False, None, 12, True),
    "NorReportItem": ("Справка: пункт", WD_ALIGN_PARAGRAPH.JUSTIFY, 1.25, False, False, None, 0, False),
    "NorReportFigure": ("Справка: рисунок", WD_ALIGN_PARAGRAPH.CENTER, 0, False, False, None, 6, True),
    "NorReportCaption": ("Справка: подпись к рисунку", WD_ALIGN_PARAGRAPH.CENTER, 0, False, True, 12, 2, False),
    "NorReportNote": ("Справка: примечание к таблице", WD_ALIGN_PARAGRAPH.JUSTIFY, 0, False, True, 11, 2, False),
    "NorReportDate": ("Справка: дата", WD_ALIGN_PARAGRAPH.CENTER, 0, False, False, None, 0, True),
    "NorReportNumber": ("Справка: число в таблице", WD_ALIGN_PARAGRAPH.CENTER, 0, False, False, 12, 0, False),
}
NUMBER = "Справка: число в таблице"
# № | ОО | Критерии | Основания: 170 mm of text width
IDENTIFIED = ([10, 52, 27, 81], ["№ п/п", "Общеобразовательная организация", "Критерии", "Основания (результаты оценочных процедур)"])
COMPARISON = ([60, 40, 22, 24, 24], ["Общеобразовательная организация", "Процедура, год", "Доля ОО, %",
                                     "Среднее по району, %", "Среднее по региону, %"])  # fmt: skip


def build_analysis() -> bytes:
    doc = Document()
    _page_setup(doc)
    _styles(doc)
    _report_styles(doc)
    _body(doc)
    _header(doc)
    return _own_app_properties(_clean_package(_saved(doc, "Шаблон аналитической справки nor-docs"), "analysis.docx"))


def _report_styles(doc) -> None:
    styles = doc.styles
    for style_id, (name, align, indent, bold, italic, size, before, keep) in REPORT_STYLES.items():
        style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.element.set(qn("w:styleId"), style_id)
        style.base_style = styles["Normal"]
        style.quick_style = True
        pf = style.paragraph_format
        pf.alignment = align
        pf.first_line_indent = Cm(indent)
        pf.space_before = Pt(before)
        pf.keep_with_next = keep
        style.font.bold = bold or None
        style.font.italic = italic or None
        if size:
            style.font.size = Pt(size)
    styles["Справка: подпись к рисунку"].paragraph_format.space_after = Pt(6)
    styles["Справка: раздел"].paragraph_format.space_after = Pt(6)


def _cant_split(row) -> None:
    row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))


def _section(doc, var: str) -> None:
    _p(doc, "{{ " + var + " }}", "Справка: раздел")


def _paragraphs(doc, var: str, style: str = "Normal") -> None:
    _tag(doc, "{%p for para in " + var + " %}")
    _p(doc, "{{ para }}", style)
    _tag(doc, "{%p endfor %}")


def _body(doc) -> None:
    _tag(doc, "{%p if issuer %}")
    _p(doc, "{{ issuer }}", "NorRequisite")
    _tag(doc, "{%p endif %}")
    _p(doc, "{{ kind }}", "NorKind")
    _p(doc, "{{ subject }}", "NorTitle").paragraph_format.space_after = Pt(0)
    date = _p(doc, "{{ date }}", "Справка: дата")
    date.paragraph_format.space_after = Pt(12)
    # 1. the rule as stated
    _section(doc, "rule.heading")
    _paragraphs(doc, "rule.paragraphs")
    _paragraphs(doc, "rule.criteria", "Справка: пункт")
    _paragraphs(doc, "rule.after")
    # 2. the data
    _section(doc, "data.heading")
    _paragraphs(doc, "data.paragraphs")
    # 3. the schools that meet the rule
    _section(doc, "identified.heading")
    _paragraphs(doc, "identified.paragraphs")
    _tag(doc, "{%p if identified.rows %}")
    widths, head = IDENTIFIED
    text = "NorTableText"
    table = _table(doc, widths, [
        [(title, "NorTableHead") for title in head],
        [("{%tr for s in identified.rows %}", text)] + [("", text)] * 3,
        [("{{ s.number }}", text), ("{{ s.name }}", text), ("{{ s.criteria }}", text), ("", text)],
        [("{%tr endfor %}", text)] + [("", text)] * 3,
    ], visible=True)  # fmt: skip
    _repeat_header(table.rows[0])
    _cant_split(table.rows[2])
    cell = table.rows[2].cells[3]
    cell.paragraphs[0].add_run("{%p for e in s.evidence %}")
    cell.add_paragraph("{{ e }}", style="Текст таблицы")
    cell.add_paragraph("{%p endfor %}", style="Текст таблицы")
    _tag(doc, "{%p endif %}")
    # 4. dynamics by year: a table (years as looped columns) and the charts
    _section(doc, "dynamics.heading")
    _paragraphs(doc, "dynamics.paragraphs")
    _tag(doc, "{%p if dynamics.rows %}")
    table = _table(doc, [70, 10, 80, 10], [
        [("Общеобразовательная организация", "NorTableHead"), ("{%tc for y in dynamics.years %}", "NorTableHead"),
         ("{{ y }}", "NorTableHead"), ("{%tc endfor %}", "NorTableHead")],
        [("{%tr for r in dynamics.rows %}", text), ("", text), ("", text), ("", text)],
        [("{{ r.name }}", text), ("{%tc for v in r.cells %}", NUMBER), ("{{ v }}", NUMBER), ("{%tc endfor %}", NUMBER)],
        [("{%tr endfor %}", text), ("", text), ("", text), ("", text)],
    ], visible=True)  # fmt: skip
    _repeat_header(table.rows[0])
    _p(doc, "{{ dynamics.note }}", "Справка: примечание к таблице")
    _tag(doc, "{%p endif %}")
    _tag(doc, "{%p for c in charts %}")
    _p(doc, "{{ c.image }}", "Справка: рисунок")
    _p(doc, "{{ c.caption }}", "Справка: подпись к рисунку")
    _tag(doc, "{%p endfor %}")
    # 5. comparison with the averages
    _tag(doc, "{%p if comparison.rows %}")
    _section(doc, "comparison.heading")
    _paragraphs(doc, "comparison.paragraphs")
    widths, head = COMPARISON
    table = _table(doc, widths, [
        [(title, "NorTableHead") for title in head],
        [("{%tr for r in comparison.rows %}", text)] + [("", text)] * 4,
        [("{{ r.name }}", text), ("{{ r.procedure }}", text), ("{{ r.school }}", NUMBER),
         ("{{ r.municipality }}", NUMBER), ("{{ r.region }}", NUMBER)],
        [("{%tr endfor %}", text)] + [("", text)] * 4,
    ], visible=True)  # fmt: skip
    _repeat_header(table.rows[0])
    _cant_split(table.rows[2])
    _p(doc, "{{ comparison.note }}", "Справка: примечание к таблице")
    _tag(doc, "{%p endif %}")
    # 6. nearly; 7. remarks on the data; the conclusion
    _tag(doc, "{%p if nearly.entries %}")
    _section(doc, "nearly.heading")
    _paragraphs(doc, "nearly.paragraphs")
    _paragraphs(doc, "nearly.entries", "Справка: пункт")
    _tag(doc, "{%p endif %}")
    _tag(doc, "{%p if remarks.entries %}")
    _section(doc, "remarks.heading")
    _paragraphs(doc, "remarks.entries", "Справка: пункт")
    _tag(doc, "{%p endif %}")
    _section(doc, "conclusion.heading")
    _paragraphs(doc, "conclusion.paragraphs")
    # the signature
    _p(doc, "", "NorSignature").paragraph_format.keep_with_next = True
    _table(doc, [100, 70], [[("{{ signature.position }}", "NorSignature"), ("{{ signature.name }}", "NorSignatureName")]],
           visible=False)  # fmt: skip
    body = doc.element.body
    first = body[0]
    if first.tag == qn("w:p") and not "".join(first.itertext()).strip():
        body.remove(first)


def _own_app_properties(raw: bytes) -> bytes:
    parts = []
    with zipfile.ZipFile(io.BytesIO(raw)) as archive:
        for info in archive.infolist():
            data = archive.read(info)
            if info.filename == "docProps/app.xml":
                data = re.sub(rb"<Template>[^<]*</Template>", b"<Template>analysis.docx</Template>", data)
            parts.append(Part.of(info.filename, data))
    return zip_parts(parts)


def main() -> None:
    target = HERE / "analysis.docx"
    data = build_analysis()
    target.write_bytes(data)
    print(f"{target.relative_to(HERE.parent)}: {len(data)} байт")


if __name__ == "__main__":
    main()
