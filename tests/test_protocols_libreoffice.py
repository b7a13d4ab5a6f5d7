"""A real client: the built protocols open in LibreOffice and convert to PDF with their text,
page numbers from page 2 and a metric-compatible font. All documents go through one soffice call."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from conftest import DATA, ROOT, SAMPLE_RECORDS
from real_client import pdf_pages, pdf_text, to_pdf

from nor_docs.build.extracts import build_extract
from nor_docs.build.protocols import build_protocols

pytestmark = pytest.mark.libreoffice

TEST_RECORDS = DATA / "protocols" / "records"
TEMPLATES = ROOT / "templates"


@pytest.fixture(scope="session")
def pdfs(tmp_path_factory) -> dict[str, Path]:
    docs = tmp_path_factory.mktemp("docs")
    build_protocols(TEST_RECORDS, docs, TEMPLATES)
    build_protocols(SAMPLE_RECORDS, docs, TEMPLATES)
    build_extract(SAMPLE_RECORDS, docs, TEMPLATES, "2023-12-14-mun4-wg", ["2"], decisions=["3"])
    return to_pdf(sorted(docs.glob("*.docx")), tmp_path_factory)


def test_every_document_converts_to_pdf(pdfs):
    assert len(pdfs) >= 6
    for name, pdf in pdfs.items():
        assert pdf.is_file() and pdf_pages(pdf) >= 1, name


def test_text_survives_in_the_sample_protocol(pdfs):
    pdf = pdfs["2023-12-14-mun4-wg"]
    assert 2 <= pdf_pages(pdf) <= 4
    text = pdf_text(pdf)
    for fact in ("ПРОТОКОЛ", "заседания рабочей группы по организации работы со школой",
                 "Арбузову А.В., главного специалиста", "Членам муниципальной рабочей группы провести анализ",
                 "в срок до 31.01.2024 г.", "Р.И. Сулейманова"):  # fmt: skip
        assert fact in text


def test_page_numbers_start_on_page_two(pdfs):
    pdf = pdfs["2023-12-14-mun4-wg"]
    assert pdf_text(pdf, 2).startswith("2 ")
    assert not pdf_text(pdf, 1).startswith("1 ")


def test_appendices_start_new_pages(pdfs):
    pdf = pdfs["2021-09-29-kuz-extract"]
    pages = pdf_pages(pdf)
    assert pages >= 3
    assert "Список присутствовавших" in pdf_text(pdf, pages)
    assert "Шмачков С.А." in pdf_text(pdf, pages)
    assert "ВЫПИСКА ИЗ ПРОТОКОЛА" in pdf_text(pdf, 1) and "Верно" in pdf_text(pdf)


def test_markup_and_template_syntax_in_records_survive_as_text(pdfs):
    text = pdf_text(pdfs["2024-02-01-text"])
    assert "{{ 7*7 }}" in text and "<b>не разметка</b> & не шаблон" in text and "49" not in text
    assert "Словобезпробеловкотороенедолжноломать" in text.replace(" ", "")


def test_the_font_is_times_new_roman_or_metric_compatible(pdfs):
    fonts = subprocess.run(["pdffonts", str(pdfs["2023-12-14-mun4-wg"])], capture_output=True, text=True).stdout
    assert "TimesNewRoman" in fonts.replace(" ", "") or "LiberationSerif" in fonts


def test_the_extract_built_by_command_converts(pdfs):
    text = pdf_text(pdfs["2023-12-14-mun4-wg.extract-2"])
    assert "ВЫПИСКА ИЗ ПРОТОКОЛА" in text and "2. СЛУШАЛИ:" in text and "Верно" in text
    assert "1. СЛУШАЛИ:" not in text


def test_signatures_never_stand_alone_on_the_last_page(pdfs):
    # Seed 002's decisions end at the foot of page 2; the last decision goes over with the
    # signature instead of leaving «Секретарь Р.И. Сулейманова» alone on page 3.
    pdf = pdfs["2023-12-14-mun4-wg"]
    signature_page = next(p for p in range(1, pdf_pages(pdf) + 1) if "Секретарь Р.И. Сулейманова" in pdf_text(pdf, p))
    assert "3. Членам муниципальной рабочей группы провести анализ" in pdf_text(pdf, signature_page)


def test_deadlines_marked_in_the_text_read_as_the_paper(pdfs):
    # The collegium decision of 21.01.2014 (tests/data/protocols/records/meetings/2014-01-21-marks.yaml):
    # the marks are gone, the words stand where the paper has them, nothing is appended after them,
    # a control date written beside words nor-docs does not read stays out of the document, and a
    # mark ending in «г.» at the end of a sentence ends it once.
    text = pdf_text(pdfs["2014-01-21-marks"])
    for sentence in (
        "2. Разработать Программу развития системы образования округа с учётом приоритетов развития образования "
        "региона (установить срок готовности программы — 1 ноября 2014 г.). 3.",
        "3. Организовать в 2014 г. изучение общественного мнения о качестве образования (срок готовности итогового "
        "заключения — до 1 июня 2014 г.). 4.",
        "4. Руководителям ОО обеспечить участие обучающихся в пробных экзаменах по графику ФЦТ, итоги представить "
        "до 20 июня 2014 г. 5.",
        "5. Руководителям ОО представить отчёты об исполнении решения, до 15 декабря 2014 г.",
    ):
        assert sentence in text
    for stray in ("[[", "]]", "|", "31.05.2014", "г..", "2014 г.; до"):
        assert stray not in text
