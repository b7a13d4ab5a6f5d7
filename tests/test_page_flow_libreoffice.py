"""Page flow as LibreOffice lays the documents out: the signature rows, «Протокол вела» and an
extract's «Верно» block never split across pages, a heading stays with its first line, and a
justified line that ends in a manual line break is not stretched across the page.

The extracts are the same meeting with 16…26 one-line paragraphs of introduction, so that the end
of page 1 falls before, inside and after the signature block in turn."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from conftest import ROOT
from real_client import pdf_page_texts, pdf_words, to_pdf

from nor_docs.build.extracts import build_extract
from nor_docs.build.protocols import build_protocols

pytestmark = pytest.mark.libreoffice

TEMPLATES = ROOT / "templates"
FILLERS = range(16, 27)

DIRECTORY = """\
organizations:
  - {id: t-uo, name: Управление образования города Кузнецка, kind: управление образования}
people:
  - {id: t-borisova, surname: Борисова, first_name: Людмила, patronymic: Алексеевна,
     position: начальник управления образования, organization: t-uo}
  - {id: t-khramova, surname: Храмова, first_name: Ирина, patronymic: Викторовна, position: методист,
     organization: t-uo}
  - {id: t-fadeeva, surname: Фадеева, first_name: Светлана, patronymic: Анатольевна,
     position: заместитель начальника, organization: t-uo}
"""


def _meeting(lines: int) -> str:
    intro = "\n\n".join(f"    Абзац {i}: короткая строка." for i in range(lines))
    return f"""\
kind: совещание руководителей
title: совещания руководителей образовательных организаций
issuer: t-uo
date: 01.09.2021
chair: {{person: t-borisova}}
secretary: {{person: t-khramova}}
intro: |-
{intro}
agenda:
  - number: 1
    title: О работе
    decisions:
      - number: "1.1"
        text: Принять к сведению.
"""


BROKEN_LINE = """\
kind: совещание руководителей
title: совещания руководителей образовательных организаций
issuer: t-uo
date: 01.09.2021
chair: {person: t-borisova}
secretary: {person: t-fadeeva, label: Протокол вела}
agenda:
  - number: 1
    title: О качестве образования
    heard:
      - person: t-khramova
        text: |-
          Качество образования приоритетное направление деятельности современной
          школы. Совершенствование системы мониторинга оценки качества образования с учётом способностей.
    decisions:
      - number: "1.1"
        text: Принять к сведению.
"""


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("flow")
    records = root / "records"
    (records / "directory").mkdir(parents=True)
    (records / "meetings").mkdir()
    (records / "directory" / "t.yaml").write_text(DIRECTORY, encoding="utf-8")
    for lines in FILLERS:
        (records / "meetings" / f"2021-09-01-flow-{lines:02d}.yaml").write_text(_meeting(lines), encoding="utf-8")
    out = root / "out"
    docs = []
    for lines in FILLERS:
        path, found = build_extract(records, out, TEMPLATES, f"2021-09-01-flow-{lines:02d}", ["1"],
                                    certified_on="02.09.2021")  # fmt: skip
        assert path is not None, found
        docs.append(path)
    for path in (records / "meetings").glob("*.yaml"):
        path.unlink()
    (records / "meetings" / "2021-09-01-broken-line.yaml").write_text(BROKEN_LINE, encoding="utf-8")
    result = build_protocols(records, out / "protocols", TEMPLATES)
    assert result.ok, result.diagnostics
    docs += result.built
    shutil.rmtree(records)
    return to_pdf(docs, tmp_path_factory)


# What the end of an extract shows, each with the pattern that finds it on a page (pdftotext -layout).
BLOCK = {
    "«РЕШИЛИ:»": r"^1\. РЕШИЛИ:",
    "решение": r"1\.1\. Принять к сведению",
    "подпись председателя": r"^Председатель\s{3,}Л\.А\. Борисова",
    "подпись секретаря": r"^Секретарь\s{3,}И\.В\. Храмова",
    "«Верно»": r"^Верно$",
    "должность заверившего": r"^Методист\s{3,}И\.В\. Храмова",
    "дата заверения": r"^02\.09\.2021$",
}


def _pages_of(pdf: Path) -> dict[str, set[int]]:
    pages = pdf_page_texts(pdf, layout=True, keep_lines=True)
    found: dict[str, set[int]] = {}
    for what, pattern in BLOCK.items():
        found[what] = {i for i, page in enumerate(pages, 1) if re.search(pattern, page, re.M)}
    return found


def test_the_signatures_and_the_verno_block_stay_on_one_page(pdfs):
    last_pages = set()
    for lines in FILLERS:
        found = _pages_of(pdfs[f"2021-09-01-flow-{lines:02d}.extract-1"])
        assert all(len(pages) == 1 for pages in found.values()), (lines, found)
        assert len(set.union(*found.values())) == 1, f"{lines} строк вступления: блок подписей разорван {found}"
        last_pages |= set.union(*found.values())
    # The fillers move the end of page 1 through the whole block: it went over to page 2 whole.
    assert last_pages == {1, 2}


def test_a_heading_stays_with_its_first_line(pdfs):
    for lines in FILLERS:
        pages = pdf_page_texts(pdfs[f"2021-09-01-flow-{lines:02d}.extract-1"], layout=True, keep_lines=True)
        agenda = [i for i, p in enumerate(pages) if re.search(r"^ПОВЕСТКА ДНЯ:", p, re.M)]
        first = [i for i, p in enumerate(pages) if re.search(r"^\s*1\. О работе", p, re.M)]
        assert agenda == first, lines


def test_a_justified_line_before_a_manual_line_break_is_not_stretched(pdfs):
    words = pdf_words(pdfs["2021-09-01-broken-line"])
    line_end = next(w for w in words if w[4] == "современной")
    full_line = next(w for w in words if w[4] == "мониторинга")  # a justified line of the same paragraph
    right_margin = max(w[3] for w in words if abs(w[2] - full_line[2]) < 1)
    assert line_end[3] < right_margin - 100, "строка перед разрывом растянута на всю ширину"
    # and the words of that line keep ordinary spaces (no gap wider than a few spaces)
    same_line = sorted((w for w in words if abs(w[2] - line_end[2]) < 1), key=lambda w: w[1])
    gaps = [b[1] - a[3] for a, b in zip(same_line, same_line[1:])]
    assert max(gaps) < 8, gaps
