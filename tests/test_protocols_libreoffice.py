"""A real client: the built protocols open in LibreOffice and convert to PDF with their text,
page numbers from page 2 and a metric-compatible font. All documents go through one soffice call."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import DATA, ROOT, SAMPLE_RECORDS
from nor_docs.render.build import build_protocols
from nor_docs.render.extract import build_extract

pytestmark = pytest.mark.libreoffice

TEST_RECORDS = DATA / "protocols" / "records"
TEMPLATES = ROOT / "templates"
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


@pytest.fixture(scope="session")
def pdfs(tmp_path_factory) -> dict[str, Path]:
    if SOFFICE is None or shutil.which("pdftotext") is None:
        pytest.skip("LibreOffice (soffice) или pdftotext не установлены: проверка в настоящем клиенте пропущена")
    docs = tmp_path_factory.mktemp("docs")
    build_protocols(TEST_RECORDS, docs, TEMPLATES)
    build_protocols(SAMPLE_RECORDS, docs, TEMPLATES)
    build_extract(SAMPLE_RECORDS, docs, TEMPLATES, "2023-12-14-mun4-wg", ["2"])
    out = tmp_path_factory.mktemp("pdf")
    profile = tmp_path_factory.mktemp("lo-profile")
    files = sorted(str(p) for p in docs.glob("*.docx"))
    completed = subprocess.run(
        [SOFFICE, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to", "pdf",
         "--outdir", str(out), *files],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert completed.returncode == 0, completed.stderr
    return {Path(f).stem: out / f"{Path(f).stem}.pdf" for f in files}


def _pages(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))


def _text(pdf: Path, page: int | None = None) -> str:
    pages = ["-f", str(page), "-l", str(page)] if page else []
    text = subprocess.run(["pdftotext", *pages, str(pdf), "-"], capture_output=True, text=True).stdout
    return " ".join(text.replace("\u00a0", " ").split())


def test_every_document_converts_to_pdf(pdfs):
    assert len(pdfs) >= 6
    for name, pdf in pdfs.items():
        assert pdf.is_file() and _pages(pdf) >= 1, name


def test_text_survives_in_the_sample_protocol(pdfs):
    pdf = pdfs["2023-12-14-mun4-wg"]
    assert 2 <= _pages(pdf) <= 4
    text = _text(pdf)
    for fact in ("ПРОТОКОЛ", "заседания рабочей группы по организации работы со школой",
                 "Арбузову А.В., главного специалиста", "Членам муниципальной рабочей группы провести анализ",
                 "в срок до 31.01.2024 г.", "Р.И. Сулейманова"):  # fmt: skip
        assert fact in text


def test_page_numbers_start_on_page_two(pdfs):
    pdf = pdfs["2023-12-14-mun4-wg"]
    assert _text(pdf, 2).startswith("2 ")
    assert not _text(pdf, 1).startswith("1 ")


def test_appendices_start_new_pages(pdfs):
    pdf = pdfs["2021-09-29-kuz-extract"]
    pages = _pages(pdf)
    assert pages >= 3
    assert "Список присутствовавших" in _text(pdf, pages)
    assert "Шмачков С.А." in _text(pdf, pages)
    assert "ВЫПИСКА ИЗ ПРОТОКОЛА" in _text(pdf, 1) and "Верно" in _text(pdf)


def test_markup_and_template_syntax_in_records_survive_as_text(pdfs):
    text = _text(pdfs["2024-02-01-text"])
    assert "{{ 7*7 }}" in text and "<b>не разметка</b> & не шаблон" in text and "49" not in text
    assert "Словобезпробеловкотороенедолжноломать" in text.replace(" ", "")


def test_the_font_is_times_new_roman_or_metric_compatible(pdfs):
    fonts = subprocess.run(["pdffonts", str(pdfs["2023-12-14-mun4-wg"])], capture_output=True, text=True).stdout
    assert "TimesNewRoman" in fonts.replace(" ", "") or "LiberationSerif" in fonts


def test_the_extract_built_by_command_converts(pdfs):
    text = _text(pdfs["2023-12-14-mun4-wg.extract-2"])
    assert "ВЫПИСКА ИЗ ПРОТОКОЛА" in text and "2. СЛУШАЛИ:" in text and "Верно" in text
    assert "1. СЛУШАЛИ:" not in text


def test_signatures_never_stand_alone_on_the_last_page(pdfs):
    # Seed 002's decisions end at the foot of page 2; the last decision goes over with the
    # signature instead of leaving «Секретарь Р.И. Сулейманова» alone on page 3.
    pdf = pdfs["2023-12-14-mun4-wg"]
    signature_page = next(p for p in range(1, _pages(pdf) + 1) if "Секретарь Р.И. Сулейманова" in _text(pdf, p))
    assert "3. Членам муниципальной рабочей группы провести анализ" in _text(pdf, signature_page)
