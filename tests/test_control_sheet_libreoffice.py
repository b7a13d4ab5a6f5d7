"""A real client: the control sheet opens in LibreOffice and converts to PDF on landscape pages,
page 1 holds the heading and the summary (the table starts on page 2), the header row of the
assignments table is printed on every page it runs over, overdue parts, the discipline summary and
«Составил» survive; the sample's sheet as of 20.12.2024 keeps to its page count (42 pages when it
had a row per school, 18 now, with the standing roadmap items that end with their period). The three sheets go through one soffice call."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import DATA, ROOT, SAMPLE_RECORDS
from real_client import broken_names, pdf_info, pdf_text, to_pdf
from test_control_sheet import D, write_records

from nor_docs.build.control_sheet import build_control_sheet
from nor_docs.control.status import control_items
from nor_docs.pipeline import load_checked as load_and_validate

pytestmark = pytest.mark.libreoffice

TEMPLATES = ROOT / "templates"
LONG = 90  # assignments in the generated records: several pages


def _sheet(records_dir: Path, today: str, out: Path) -> Path:
    records, found = load_and_validate(records_dir)
    assert [d for d in found if d.is_error] == []
    items = control_items(records, D(today))
    return build_control_sheet(records, items, D(today), "executor", out, TEMPLATES)


@pytest.fixture(scope="session")
def pdfs(tmp_path_factory) -> dict[str, Path]:
    docs = tmp_path_factory.mktemp("sheets")
    long_records = write_records(
        tmp_path_factory.mktemp("records") / "records",
        [(f"подготовить аналитическую справку № {n} о результатах мониторинга образовательных результатов",
          f"до {1 + n % 28:02d}.{2 + n % 3:02d}.2023") for n in range(1, LONG + 1)],
        executors=("ivanova", "petrova", "sidorova"),
    )  # fmt: skip
    files = {"demo": _sheet(DATA / "control", "2023-02-22", docs / "demo"),
             "long": _sheet(long_records, "2023-03-15", docs / "long"),
             "sample": _sheet(SAMPLE_RECORDS, "2024-12-20", docs / "sample")}  # fmt: skip
    for name, path in files.items():  # distinct names: one call converts both
        files[name] = path.rename(docs / f"{name}.docx")
    return to_pdf(list(files.values()), tmp_path_factory)


def test_the_pages_are_landscape(pdfs):
    for pdf in pdfs.values():
        width, _x, height = pdf_info(pdf)["Page size"].split()[:3]
        assert float(width) > float(height)


def test_the_header_row_is_on_every_page_the_table_runs_over(pdfs):
    pdf = pdfs["long"]
    pages = int(pdf_info(pdf)["Pages"])
    assert pages >= 4
    texts = [pdf_text(pdf, n) for n in range(1, pages + 1)]
    # The assignments table runs from page 2 to the last page with one of its rows.
    assert "аналитическую справку №" not in texts[0]
    last = max(n for n, text in enumerate(texts, 1) if "аналитическую справку №" in text)
    assert last >= 3
    for n in range(2, last + 1):
        page = texts[n - 1]
        # (pdftotext reads a cell's wrapped lines apart: «№» … «п/п»; the first line of each is enough)
        for cell in ("Поручение (документ, дата, пункт,", "Срок исполнения", "Исполнитель", "Отметка об исполнении",
                     "Статус"):  # fmt: skip
            assert cell in page, (n, cell)
        assert page.count("Отметка об исполнении") == 1, n
    assert "Исполнительская дисциплина на 15.03.2023" in " ".join(texts[last - 1:])


def test_page_numbers_from_page_two(pdfs):
    pdf = pdfs["long"]
    assert pdf_text(pdf, 2).startswith("2 ")
    assert not pdf_text(pdf, 1).startswith("1 ")


def test_the_demo_sheet_text_survives(pdfs):
    text = pdf_text(pdfs["demo"])
    for fact in ("КОНТРОЛЬНЫЙ ЛИСТ", "по состоянию на 22.02.2023", "МБОУ СОШ №10 (поручений — 1, просрочено — 1)",
                 "просрочено (502 дня)", "22.02.2023 — письмо № 21", "Исполнительская дисциплина на 22.02.2023",
                 "Строки просроченных поручений и исполнителей выделены цветом.", "Составил:"):  # fmt: skip
        assert fact in text, fact


def test_the_sample_sheet_page_one_is_the_summary_and_the_rest_fits_18_pages(pdfs):
    pdf = pdfs["sample"]
    pages = int(pdf_info(pdf)["Pages"])
    assert pages <= 18  # 42 with a row per school and rows that could not break
    first = pdf_text(pdf, 1, layout=True)  # (layout: a table row's cells on one line)
    for fact in ("КОНТРОЛЬНЫЙ ЛИСТ", "исполнения поручений", "по состоянию на 20.12.2024", "Сводка на 20.12.2024",
                 "Поручений 43 41 0 2 0 0 0", "Исполнителей по поручениям 199 169 0 30 0 0 0",
                 "Просрочено (исполнители и число поручений): МОУ СОШ с. Головинщино — 9;",
                 "Сроков в ближайшие 7 дней (20.12.2024 — 26.12.2024) нет."):  # fmt: skip
        assert fact in first, fact
    # every executor with an overdue part is named on page 1, with how many
    records, _ = load_and_validate(SAMPLE_RECORDS)
    late = {i.member for i in control_items(records, D("2024-12-20")) if i.status == "overdue"}
    named = first.split("Просрочено (исполнители и число поручений):")[1].split("Сроков в ближайшие")[0]
    assert len(re.findall(r" — \d+[;.]", named)) == len(late) > 40
    assert "Отметка об исполнении" not in first  # the table starts on page 2
    assert "Поручения (по исполнителям)" in pdf_text(pdf, 2)
    last = pdf_text(pdf, pages)
    assert "Составил:" in last and "20.12.2024" in last
    # one row per assignment: the fifteen schools of decision 2 are lines under its one row
    text = pdf_text(pdf)
    assert text.count("Разработать(скорректировать)") == 1
    # … and each school's overdue part is a line of its own: its name and its status side by side
    lines = [line for page in range(2, pages + 1) for line in pdf_text(pdf, page, layout=True, lines=True)]
    school = "МОУ «Средняя школа № 55»"
    parts = [i for i in control_items(records, D("2024-12-20")) if records.display_name(i.member) == school.replace(" № ", "\u00a0№\u00a0")
             or records.display_name(i.member).replace("\u00a0", " ") == school]  # fmt: skip
    shown = [line for line in lines if school in line and "просрочено (" in line]
    assert len(shown) == sum(p.status == "overdue" for p in parts) > 3


def test_no_line_of_a_sheet_ends_inside_a_name(pdfs):
    for name, pdf in pdfs.items():
        assert broken_names(pdf) == [], name
