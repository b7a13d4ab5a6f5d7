"""Attendance as numbers and votes (docs/kinds.md, «Присутствие числом и голосование»): the
pedagogical council of paper 17 (tests/data/kinds/17-…, typed into tests/data/kinds/protocol-records/)
prints «Присутствовало: 59 человек» as the paper does; a vote prints under its decision or after
its agenda item's decisions the way a secretary writes it; validate compares the numbers (NOR219)
and refuses «единогласно» with votes against (NOR131), with file and line."""

from __future__ import annotations

import shutil
from pathlib import Path

import docx
import pytest
from conftest import DATA, ROOT

from nor_docs.build.protocols import build_protocols
from nor_docs.cli import cli
from nor_docs.render.protocol_text import people_count, vote_line

PAPER = DATA / "kinds" / "protocol-records"
TEMPLATES = ROOT / "templates"
MEETING = "meetings/2017-11-06-pedsovet.yaml"


def _texts(path: Path) -> list[str]:
    return [p.text for p in docx.Document(str(path)).paragraphs if p.text.strip()]


def _cells(path: Path) -> list[str]:
    document = docx.Document(str(path))
    return [cell.text for table in document.tables for row in table.rows for cell in row.cells]


def _records(tmp_path: Path, tail: str = "", replace: tuple[str, str] | None = None) -> Path:
    """Paper 17's records, its protocol with ``tail`` appended (decisions the stored copy cut)."""
    root = tmp_path / "records"
    shutil.copytree(PAPER, root)
    path = root / MEETING
    text = path.read_text(encoding="utf-8")
    if replace:
        assert replace[0] in text
        text = text.replace(*replace)
    path.write_text(text + tail, encoding="utf-8")
    return root


def _build(root: Path, out: Path) -> list[str]:
    result = build_protocols(root, out, TEMPLATES, jobs=1)
    assert not result.diagnostics, result.diagnostics
    return _texts(out / "2017-11-06-pedsovet.docx")


def test_the_paper_validates_clean_and_prints_the_count_as_written(runner, tmp_path):
    result = runner.invoke(cli, ["validate", "--records", str(PAPER)])
    assert result.exit_code == 0, result.output
    assert result.output == "Записи в порядке: файлов — 2, заседаний — 1, дорожных карт — 0.\n"
    texts = _build(PAPER, tmp_path / "out")
    assert texts[texts.index("Секретарь педагогического совета\u00a0— Т.Ю.\u00a0Белоцерковская, заместитель "
                             "директора по УВР") + 1] == "Присутствовало: 59\u00a0человек"  # fmt: skip
    assert texts[-2:] == ["1. О выполнении решений предыдущего педагогического совета",
                          "2. Тема педагогического совета: «Мониторинг образовательных результатов\u00a0— инструмент "
                          "управления изменениями в условиях введения ФГОС»"]  # fmt: skip
    assert not any(t.startswith("Присутствовали") or t.startswith("Голосовали") for t in texts)


AGENDA = """\
agenda:
  - number: 1
    title: О выполнении решений предыдущего педагогического совета
    vote: {for: единогласно}
    decisions:
      - number: 1.1
        text: Информацию о выполнении решений предыдущего педагогического совета принять к сведению.
        on_control: false
  - number: 2
    title: О переводе обучающихся
    decisions:
      - number: 2.1
        executors: [belotserkovskaya]
        text: подготовить проект приказа о переводе
        deadline: до 10.11.2017
        vote: {for: 57, against: 0, abstained: 2}
      - number: 2.2
        text: Утвердить график контрольных работ.
        on_control: false
        vote: {for: 12, against: 0, abstained: 1, text: "Голосовали: за – 12 чел., против – 0, воздержались – 1 чел."}
"""


def test_votes_print_under_the_decision_and_after_the_items_decisions(tmp_path):
    root = _records(tmp_path)
    path = root / MEETING
    path.write_text(path.read_text(encoding="utf-8").split("agenda:")[0] + AGENDA, encoding="utf-8")
    texts = _build(root, tmp_path / "out")
    assert texts[texts.index("1. РЕШИЛИ:") + 1:texts.index("2. РЕШИЛИ:")] == [
        "1.1. Информацию о выполнении решений предыдущего педагогического совета принять к сведению.",
        "Голосовали: единогласно.",  # the item's vote, after its decisions
    ]
    at = texts.index("2. РЕШИЛИ:")
    assert texts[at + 1:at + 5] == [
        "2.1. Белоцерковской\u00a0Т.Ю. подготовить проект приказа о переводе, до 10.11.2017.",
        "Голосовали: за\u00a0— 57, против\u00a0— нет, воздержались\u00a0— 2.",
        "2.2. Утвердить график контрольных работ.",
        "Голосовали: за\u00a0– 12\u00a0чел., против\u00a0– 0, воздержались\u00a0– 1\u00a0чел.",  # as written
    ]


def test_a_vote_goes_into_the_table_of_assignments_with_its_decision(tmp_path):
    root = _records(tmp_path, tail="""\
assignments_layout: table
decisions:
  - number: 1
    executors: [belotserkovskaya]
    text: подготовить проект приказа о переводе
    deadline: до 10.11.2017
    vote: {for: 59}
""")
    _build(root, tmp_path / "out")
    cells = _cells(tmp_path / "out" / "2017-11-06-pedsovet.docx")
    assert "Подготовить проект приказа о переводе\nГолосовали: за\u00a0— 59." in cells


def test_absent_and_members_print_beside_the_count(tmp_path):
    root = _records(tmp_path, replace=("  present: 59\n", "  present: 59\n  absent: 3\n  absent_note: по "
                                                          "уважительной причине\n  members: 62\n"))  # fmt: skip
    texts = _build(root, tmp_path / "out")
    at = texts.index("Присутствовало: 59\u00a0человек из 62")
    assert texts[at + 1] == "Отсутствовали: 3\u00a0человека по уважительной причине"


def test_a_count_beside_a_named_list_heads_it(tmp_path):
    root = _records(tmp_path, replace=("  present: 59\n", "  present: 2\nattendees:\n  - person: kizima\n"
                                                          "  - person: belotserkovskaya\n"))  # fmt: skip
    texts = _build(root, tmp_path / "out")
    at = texts.index("Присутствовали: 2\u00a0человека")
    assert texts[at + 1].startswith("Белоцерковская\u00a0Т.Ю.")


@pytest.mark.parametrize(("number", "unit", "words"), [
    (59, "человек", "59\u00a0человек"), (3, "человек", "3\u00a0человека"), (21, "человек", "21\u00a0человек"),
    (12, "человек", "12\u00a0человек"), (22, "человек", "22\u00a0человека"), (114, "человек", "114\u00a0человек"),
    (31, "чел.", "31\u00a0чел."), (40, "педагогов", "40\u00a0педагогов"),
])  # fmt: skip
def test_the_count_agrees_with_its_word(number, unit, words):
    assert people_count(number, unit) == words


def test_a_vote_line_says_none_for_zero_and_leaves_out_what_was_not_given():
    assert vote_line(12, 0, 1) == "Голосовали: за — 12, против — нет, воздержались — 1."
    assert vote_line(12, None, None) == "Голосовали: за — 12."
    assert vote_line("единогласно", None, None) == "Голосовали: единогласно."


def test_the_numbers_are_compared_with_file_and_line(runner, tmp_path):
    root = _records(tmp_path, replace=("  present: 59\n", "  present: 59\n  absent: 4\n  members: 62\n"),
                    tail="decisions:\n  - number: 1\n    text: Информацию принять к сведению.\n"
                         "    vote: {for: 60, against: 0}\n  - number: 2\n    text: Утвердить план.\n"
                         "    vote: {for: единогласно, abstained: 2}\n")  # fmt: skip
    result = runner.invoke(cli, ["validate", "--records", str(root)])
    assert result.exit_code == 2, result.output
    path = str(root / MEETING)
    lines = [line.replace(path, "M") for line in result.output.splitlines()]
    assert "M:18:12: NOR219 присутствовало 59 и отсутствовало 4 — вместе 63, а членов 62: проверьте числа " \
           "(attendance)" in lines
    assert "M:29:11: NOR219 голосовали 60, а присутствовало 59: проверьте числа голосов или присутствия " \
           "(attendance)" in lines
    assert "M:32:11: NOR131 голосовали «единогласно», но указано: воздержались — 2; запишите числа (for: N, " \
           "against, abstained) или уберите против и воздержавшихся" in lines


def test_attendance_in_a_kind_that_is_not_a_meeting_is_not_dropped_silently(runner, tmp_path):
    root = _records(tmp_path, replace=("kind: заседание педагогического совета\n", "document: order\n"))
    text = root.joinpath(MEETING).read_text(encoding="utf-8")
    for cut in ("chair:\n  person: kizima\n  label: Председатель педагогического совета\n",
                "secretary:\n  person: belotserkovskaya\n  label: Секретарь педагогического совета\n"):
        text = text.replace(cut, "")
    text = text.split("agenda:")[0] + "decisions:\n  - number: 1\n    text: Утвердить план.\n    on_control: false\n" \
        "signers:\n  - person: kizima\n"
    root.joinpath(MEETING).write_text(text.replace("title: заседания педагогического совета", "title: Об утверждении "
                                                   "плана"), encoding="utf-8")  # fmt: skip
    result = runner.invoke(cli, ["validate", "--records", str(root)])
    assert "NOR123 поле «attendance» не бывает у вида «приказ»" in result.output, result.output


@pytest.mark.libreoffice
def test_libreoffice_reads_the_count_and_the_votes_in_place(tmp_path, tmp_path_factory):
    from real_client import pdf_page_texts, pdf_pages, to_pdf

    root = _records(tmp_path)
    path = root / MEETING
    path.write_text(path.read_text(encoding="utf-8").split("agenda:")[0] + AGENDA, encoding="utf-8")
    _build(root, tmp_path / "out")
    pdf = to_pdf([tmp_path / "out" / "2017-11-06-pedsovet.docx"], tmp_path_factory)["2017-11-06-pedsovet"]
    assert pdf_pages(pdf) == 1
    text = pdf_page_texts(pdf)[0]
    assert text.index("Присутствовало: 59 человек") < text.index("ПОВЕСТКА ДНЯ:") < text.index("1.1. Информацию") \
        < text.index("Голосовали: единогласно.") < text.index("2.1. Белоцерковской") \
        < text.index("Голосовали: за — 57, против — нет, воздержались — 2.")  # fmt: skip
