"""Speakers, co-speakers and their own questions in an agenda (``Speaker.role``, ``Speaker.topic``),
on paper 22 — the agenda of the collegium of the education committee of ЕАО, 05.04.2019."""

from __future__ import annotations

import shutil
from pathlib import Path

import docx
import pytest
from conftest import DATA, ROOT

from nor_docs.build.protocols import build_protocols
from nor_docs.cli import cli

PAPER = DATA / "kinds" / "agenda-records"
TEMPLATES = ROOT / "templates"
MEETING = "2019-04-05-collegium"
NB = "\u00a0"


def _build(root: Path, out: Path) -> list[str]:
    result = build_protocols(root, out, TEMPLATES, jobs=1)
    assert not result.diagnostics, result.diagnostics
    return [p.text for p in docx.Document(str(out / f"{MEETING}.docx")).paragraphs if p.text.strip()]


def test_the_paper_validates_clean_and_prints_the_speaker_and_both_co_speakers_with_their_questions(runner, tmp_path):
    result = runner.invoke(cli, ["validate", "--records", str(PAPER)])
    assert result.exit_code == 0, result.output
    texts = [t.replace(NB, " ") for t in _build(PAPER, tmp_path / "out")]
    first = next(t for t in texts if t.startswith("1. Об итогах"))
    assert first.endswith(
        "на 2019 год. Докладчик — Т.М. Пчелкина, председатель комитета образования области; "
        "содокладчик — О.М. Сурменко, заместитель председателя – начальник отдела общего образования комитета "
        "образования области — по вопросу «Об основных мерах, обеспечивающих выполнение Указа Президента Российской "
        "Федерации, о вхождении Российской Федерации в число 10 ведущих стран по качеству общего образования»; "
        "содокладчик — И.В. Карепов, заместитель председателя комитета образования области — по вопросу «О "
        "реализации мероприятий Плана социального развития центра экономического роста Еврейской автономной "
        "области (в сфере образования)»."), first  # fmt: skip
    # a topic written in «ёлочках» is not quoted twice; the default role prints as before
    assert "««" not in first and "»»" not in first
    assert "2. О ведомственных наградах Министерства просвещения Российской Федерации. Докладчик — А.П. Брайченко, " \
           "главный специалист-эксперт отдела организационно-правовой и кадровой работы комитета образования " \
           "области." in texts  # fmt: skip


@pytest.mark.parametrize(("role", "position", "expected"), [
    # a position in the genitive follows «Содоклад», as «Доклад» takes it
    ("содокладчик", "заместителя председателя комитета", "содоклад заместителя председателя комитета И.В. Карепова"),
    ("содокладчик", None, "содоклад И.В. Карепова"),
    # a role of the protocol's own words, named as written
    ("выступающий", "заместитель председателя комитета", "выступающий — И.В. Карепов, заместитель председателя комитета"),
])  # fmt: skip
def test_a_co_speakers_phrase_takes_the_positions_case_and_a_role_of_the_protocols_own(tmp_path, role, position,
                                                                                       expected):  # fmt: skip
    root = tmp_path / "records"
    shutil.copytree(PAPER, root)
    path = root / "meetings" / f"{MEETING}.yaml"
    text = path.read_text(encoding="utf-8")
    old = "      - person: karepov\n        role: содокладчик\n        position: заместитель председателя комитета образования области\n"
    assert old in text
    new = f"      - person: karepov\n        role: {role}\n" + (f"        position: {position}\n" if position else "")
    path.write_text(text.replace(old, new), encoding="utf-8")
    texts = [t.replace(NB, " ") for t in _build(root, tmp_path / "out")]
    first = next(t for t in texts if t.startswith("1. Об итогах"))
    assert f"; {expected} — по вопросу «О реализации" in first, first


@pytest.mark.libreoffice
def test_libreoffice_reads_the_co_speakers_in_the_agenda(tmp_path, tmp_path_factory):
    from real_client import pdf_page_texts, pdf_pages, to_pdf

    _build(PAPER, tmp_path / "out")
    pdf = to_pdf([tmp_path / "out" / f"{MEETING}.docx"], tmp_path_factory)[MEETING]
    assert pdf_pages(pdf) == 1
    text = " ".join(pdf_page_texts(pdf)[0].split())
    assert text.index("ПОВЕСТКА ДНЯ:") < text.index("Докладчик — Т.М. Пчелкина") < text.index("содокладчик — О.М. Сурменко") \
        < text.index("по вопросу «Об основных мерах") < text.index("содокладчик — И.В. Карепов") \
        < text.index("2. О ведомственных наградах")  # fmt: skip


def test_a_role_on_a_group_speaker_is_reported_not_dropped(runner, tmp_path):
    root = tmp_path / "records"
    shutil.copytree(PAPER, root)
    (root / "directory" / "eao.yaml").write_text((root / "directory" / "eao.yaml").read_text(encoding="utf-8")
                                                 + "groups:\n  - {id: heads, name: руководители ОО}\n",
                                                 encoding="utf-8")  # fmt: skip
    path = root / "meetings" / f"{MEETING}.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "      - person: stepanenko\n", "      - group: heads\n        role: содокладчик\n"), encoding="utf-8")
    result = runner.invoke(cli, ["validate", "--records", str(root)])
    assert result.exit_code != 0
    assert "роль «содокладчик» печатается только у докладчика-человека (person)" in result.output, result.output
