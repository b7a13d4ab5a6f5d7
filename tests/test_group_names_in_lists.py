"""A group's name after the first executor of a list goes on in lower case, as in a decision's
sentence («Ливанов Д., высшие должностные лица субъектов Российской Федерации»): in check's
heading and in the table of assignments of a built document. The first keeps its capital; a
person's or an organisation's name never changes (tests/data/kinds/sample-records: the list of
the President's instructions of 01.09.2015)."""

from __future__ import annotations

from pathlib import Path

import docx
from conftest import DATA, ROOT

from nor_docs.build.protocols import build_protocols
from nor_docs.cli import cli
from nor_docs.russian.names import lower_common_word

SAMPLE = DATA / "kinds" / "sample-records"


def test_check_lowers_a_group_after_the_first_executor(runner):
    result = runner.invoke(cli, ["check", "--records", str(SAMPLE), "--today", "2018-10-12"])
    heading = result.output.splitlines()[4].replace("\u00a0", " ")
    assert heading == ("Ливанов Д.; высшие должностные лица субъектов Российской Федерации — 2 исполнителя, "
                       "у каждого 3")  # fmt: skip


def test_the_table_of_assignments_lowers_a_group_after_the_first_executor(tmp_path: Path):
    build_protocols(SAMPLE, tmp_path, ROOT / "templates")
    document = docx.Document(str(tmp_path / "2015-instructions-president-shnor.docx"))
    cells = {row.cells[-1].text.replace("\u00a0", " ") for table in document.tables for row in table.rows}
    assert "Ливанов Д., высшие должностные лица субъектов Российской Федерации" in cells
    assert not any("Высшие" in cell for cell in cells)


def test_only_an_ordinary_first_word_is_lowered():
    assert lower_common_word("Высшие должностные лица") == "высшие должностные лица"
    assert lower_common_word("МБОУ «СОШ № 3»") == "МБОУ «СОШ № 3»"
    assert lower_common_word("ГосСовет") == "ГосСовет"
