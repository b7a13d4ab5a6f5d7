"""A real client: the control sheet opens in LibreOffice and converts to PDF on landscape pages,
the header row of the assignments table is printed on every page it runs over, overdue parts
and the discipline summary survive. Both sheets go through one soffice call."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import DATA, ROOT
from nor_docs.control import control_items
from nor_docs.render.control_sheet import build_control_sheet
from nor_docs.validate import load_and_validate
from test_control_sheet import D, write_records
from real_client import pdf_info, pdf_text, to_pdf

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
             "long": _sheet(long_records, "2023-03-15", docs / "long")}  # fmt: skip
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
    # The assignments table runs from page 1 to the last page with one of its rows.
    last = max(n for n, text in enumerate(texts, 1) if "аналитическую справку №" in text)
    assert last >= 3
    for n in range(1, last + 1):
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
                 "Строки просроченных поручений выделены цветом."):  # fmt: skip
        assert fact in text, fact
