"""Generate ``templates/report.docx``, the template of the report on execution built from marks
(«ИНФОРМАЦИЯ о ходе исполнения поручений по состоянию на …», ``nor-docs build report``). Run by
``python templates/make_templates.py`` (``make templates``).

The control sheet's layout and pieces (``make_control_sheet.py``), with styles of its own
(«Информация о ходе исполнения: …», restyled in Word like any other): a landscape A4 page, the
organisation, the title and the day; the table № | что поручено (документ, пункт, содержание) |
срок | исполнитель | что сделано | статус на <дата> — a header row Word repeats on every page, a
full-width row per document, a row per assignment with a line per member beneath, overdue rows
shaded; then «Итого» (assignments and their parts by state) and «Составил».

The variables are those of ``nor_docs.render.report_view.report_view`` (built from marks) and of
``record_view`` (a kept record of kind ``report``, built by ``build protocols``: its ``intro``
before the table, no «Итого», its signer in place of «Составил» or nobody when ``unsigned``).
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
for _path in (str(HERE), str(HERE.parent)):
    if _path not in sys.path:
        sys.path.insert(0, _path)

from docx import Document  # noqa: E402
from docx.oxml.ns import qn  # noqa: E402
from docx.shared import Pt  # noqa: E402
from make_control_sheet import (  # noqa: E402
    _clean_package,
    _compiled_table,
    _header,
    _own_app_properties,
    _page_setup,
    _saved,
    _sheet_styles,
    _sheet_table,
    _styles,
    _summary_table,
    sheet_styles,
)
from make_templates import _p, _tag  # noqa: E402

NAME = "report.docx"
REPORT_STYLES = sheet_styles("Информация о ходе исполнения")
# № | Что поручено | Срок | Исполнитель | Что сделано | Статус на дату: 267 mm of text width.
REPORT_COLUMNS = [10, 82, 38, 50, 55, 32]
REPORT_HEAD = ["№ п/п", "Что поручено (документ, дата, пункт, содержание)", "Срок исполнения", "Исполнитель",
               "Что сделано (отметки об исполнении, продление, снятие с контроля)", "{{ status_heading }}"]  # fmt: skip


def build_report() -> bytes:
    doc = Document()
    _page_setup(doc)
    _styles(doc)
    _sheet_styles(doc, REPORT_STYLES, "NorReport")
    _body(doc)
    _header(doc)
    return _own_app_properties(_clean_package(_saved(doc, "Шаблон информации о ходе исполнения nor-docs")), NAME)


def _body(doc) -> None:
    note = REPORT_STYLES["NorSheetNote"][0]
    heading = REPORT_STYLES["NorSheetHeading"][0]
    _tag(doc, "{%p for line in issuer_lines %}")
    _p(doc, "{{ line }}", "NorRequisite")
    _tag(doc, "{%p endfor %}")
    _p(doc, "{{ title }}", "NorKind")
    _p(doc, "{{ subtitle }}", "NorTitle").paragraph_format.space_after = Pt(0)
    _p(doc, "{{ as_of }}", REPORT_STYLES["NorSheetCaption"][0]).paragraph_format.space_after = Pt(6)
    _tag(doc, "{%p if selection %}")
    _p(doc, "{{ selection }}", note)
    _tag(doc, "{%p endif %}")
    _tag(doc, "{%p for line in intro %}")  # a kept record's own words before its table
    _p(doc, "{{ line }}", note)
    _tag(doc, "{%p endfor %}")
    _tag(doc, "{%p if groups %}")
    _sheet_table(doc, REPORT_STYLES, REPORT_COLUMNS, REPORT_HEAD)
    _tag(doc, "{%p else %}")
    _p(doc, "{{ empty_text }}", note)
    _tag(doc, "{%p endif %}")
    _tag(doc, "{%p if summary.rows %}")
    _p(doc, "{{ summary.heading }}", heading).paragraph_format.space_before = Pt(12)
    _summary_table(doc, REPORT_STYLES)
    _tag(doc, "{%p endif %}")
    _tag(doc, "{%p if summary.overdue_by %}")
    _p(doc, "{{ summary.overdue_by }}", note)
    _tag(doc, "{%p endif %}")
    _tag(doc, "{%p if summary.rows %}")
    _p(doc, "{{ summary.note }}", note)
    _tag(doc, "{%p endif %}")
    _tag(doc, "{%p if compiled %}")  # a kept record marked ``unsigned``: no line to sign on
    _p(doc, "", note).paragraph_format.keep_with_next = True
    _compiled_table(doc, REPORT_STYLES)
    _tag(doc, "{%p endif %}")
    body = doc.element.body
    first = body[0]
    if first.tag == qn("w:p") and not "".join(first.itertext()).strip():
        body.remove(first)


def main() -> None:
    target = HERE / NAME
    data = build_report()
    target.write_bytes(data)
    print(f"{target.relative_to(HERE.parent)}: {len(data)} байт")


if __name__ == "__main__":
    main()
