"""A real client reads the decision and the directive of the corpus (tests/data/kinds/) as the
paper reads: LibreOffice converts both to PDF; the heading comes first, the formula once, the
directive's control clause is its last item and the head's signature stands on the same page."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import DATA, ROOT
from real_client import broken_names, pdf_page_texts, pdf_pages, to_pdf

from nor_docs.build.protocols import build_protocols

pytestmark = pytest.mark.libreoffice


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("kinds-docx")
    build_protocols(DATA / "kinds" / "records", out, ROOT / "templates", jobs=1)
    return to_pdf(sorted(out.glob("*.docx")), tmp_path_factory)


def test_the_kinds_open_and_read_in_order(pdfs):
    assert set(pdfs) == {"2014-01-21-kollegiya-1", "2007-03-14-orel-kollegiya-55", "2023-08-21-prikaz-176",
                         "2007-10-16-kanash-500"}  # fmt: skip
    for name, pdf in pdfs.items():
        assert pdf_pages(pdf) == 1, name
        assert broken_names(pdf) == [], name
    decision = pdf_page_texts(pdfs["2014-01-21-kollegiya-1"])[0]
    assert decision.index("РЕШЕНИЕ КОЛЛЕГИИ") < decision.index("Заслушав") < decision.index("коллегия РЕШАЕТ:") \
        < decision.index("1. Принять к сведению")
    assert decision.count("РЕШАЕТ") == 1 and "ПОВЕСТКА" not in decision and "ПРОТОКОЛ" not in decision
    order = pdf_page_texts(pdfs["2023-08-21-prikaz-176"])[0]
    assert order.index("ПРИКАЗ ") < order.index("ПРИКАЗЫВАЮ:") < order.index("1. Руководителям")
    directive = pdf_page_texts(pdfs["2007-10-16-kanash-500"], keep_lines=True)[0].splitlines()
    assert directive[:2] == ["Администрация города Канаш Чувашской Республики", "РАСПОРЯЖЕНИЕ"]
    assert directive[-2:] == ["Глава администрации города Канаш", "В.И. Полукарова"]
    assert directive[-3].endswith("Л.П. Иванову.")
