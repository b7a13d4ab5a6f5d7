"""A real client: roadmaps open in LibreOffice and convert to PDF; in a generated 300-item roadmap
the header row of the plan is on every page, the pages are landscape, and every item is there.
All documents go through one soffice call."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from conftest import ROOT, SAMPLE_RECORDS, load_script
from real_client import pdf_info, pdf_page_texts, to_pdf

from nor_docs.build.roadmaps import build_roadmaps

pytestmark = pytest.mark.libreoffice

TEMPLATES = ROOT / "templates"
HEADER = ("Мероприятие", "Срок", "Ответственные", "Ожидаемый результат", "Отметка о выполнении")


@pytest.fixture(scope="session")
def roadmap_pdfs(tmp_path_factory) -> dict[str, Path]:
    records = tmp_path_factory.mktemp("big") / "records"
    rid = load_script(ROOT / "bench" / "roadmap_bench.py").write_roadmap_records(records, 300)
    docs = tmp_path_factory.mktemp("roadmap-docs")
    assert build_roadmaps(records, docs, TEMPLATES, today=dt.date(2024, 9, 1)).ok
    assert build_roadmaps(SAMPLE_RECORDS, docs, TEMPLATES, today=dt.date(2024, 1, 20)).ok
    pdfs = to_pdf(sorted(docs.glob("*.docx")), tmp_path_factory, timeout=600)
    pdfs["big"] = pdfs.pop(rid)
    return pdfs


def _page_size(pdf: Path) -> tuple[float, float]:
    match = re.search(r"([\d.]+) x ([\d.]+) pts", pdf_info(pdf)["Page size"])
    return float(match.group(1)), float(match.group(2))


def test_the_header_row_is_on_every_page_of_a_300_item_roadmap(roadmap_pdfs):
    pages = pdf_page_texts(roadmap_pdfs["big"])
    assert len(pages) >= 20  # long enough for the repetition to matter
    # The stamp, the title and the progress summary fill the first page; the plan starts on it or
    # on the next one, and from there every page opens with its header row.
    start = next(i for i, page in enumerate(pages) if "Отметка о выполнении" in page)
    assert start <= 1
    assert "1.1. " in pages[start] and "Ход выполнения" in pages[0]
    for number, page in enumerate(pages[start:], start + 1):
        missing = [h for h in HEADER if h not in page]
        assert not missing, f"страница {number}: нет {missing}"
        assert page.count("Отметка о выполнении") == 1, f"страница {number}"


def test_pages_are_landscape_and_every_item_is_there_in_order(roadmap_pdfs):
    width, height = _page_size(roadmap_pdfs["big"])
    assert width > height and round(width / 72 * 25.4) == 297
    first = pdf_page_texts(roadmap_pdfs["big"])[0]
    assert first.startswith("УТВЕРЖДЕНО приказом Управления образования от 09.01.2024 № 1")
    assert "Ход выполнения на 01.09.2024" in first
    numbers = [m.group(1) for page in pdf_page_texts(roadmap_pdfs["big"], layout=True)
               for m in re.finditer(r"(?:^|\s)(\d{1,2}\.\d{1,2})\.\s", page)]  # fmt: skip
    expected = [f"{section}.{item}" for section in range(1, 11) for item in range(1, 31)]
    assert [n for n in numbers if n in set(expected)] == expected


def test_sample_roadmaps_convert_with_their_sections_and_statuses(roadmap_pdfs):
    text = " ".join(pdf_page_texts(roadmap_pdfs["kuznetsk-sosh10-roadmap-2021-2022"]))
    for fact in ("Методический кабинет", "Образовательная организация (ШНОР)",
                 "Школа-тьютор (МБОУ СОШ №8 им. П.А. Щипанова)", "в течение учебного года",
                 "просрочено (507 дней), срок 31.08.2022", "Ход выполнения на 20.01.2024"):  # fmt: skip
        assert fact in text
    kamenka = " ".join(pdf_page_texts(roadmap_pdfs["kamenka-roadmap-2024"]))
    assert "май 2024 года и декабрь 2024 года" in kamenka and "МОУ СОШ с. Покровская Арчада" in kamenka
