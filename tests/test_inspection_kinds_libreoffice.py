"""A real client reads the prosecutor's представление of the corpus (tests/data/kinds/, paper 21) as
typed in tests/data/kinds/inspection-records/: LibreOffice converts it to PDF; the heading, the
addressee and the day of receipt come before the table, whose header and each violation with its
measures taken read in order on one page."""

from __future__ import annotations

import pytest
from conftest import DATA, ROOT
from real_client import broken_names, pdf_page_texts, pdf_pages, to_pdf

from nor_docs.build.protocols import build_protocols

pytestmark = pytest.mark.libreoffice


def test_the_representation_opens_and_reads_as_a_table(tmp_path_factory):
    out = tmp_path_factory.mktemp("inspection-docx")
    build_protocols(DATA / "kinds" / "inspection-records", out, ROOT / "templates", jobs=1)
    pdfs = to_pdf([out / "staraya-mayna-predstavlenie.docx"], tmp_path_factory)
    pdf = pdfs["staraya-mayna-predstavlenie"]
    assert pdf_pages(pdf) == 1 and broken_names(pdf) == []
    text = pdf_page_texts(pdf)[0]
    order = ["ПРЕДСТАВЛЕНИЕ", "Кому: Управление образования", "Получено: 03.03.2025", "Нарушение",
             "Требуемая мера", "Срок", "Принятые меры", "В трех школах", "Посуда в столовых", "газового котла",
             "Введен в эксплуатацию"]  # fmt: skip
    positions = [text.index(word) for word in order]
    assert positions == sorted(positions), text
    assert "(срок по закону)" in text and "РЕШИЛИ" not in text and "ПОВЕСТКА" not in text
