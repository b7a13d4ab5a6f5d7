"""An organisation with its responsible person as one executor (docs/kinds.md, «Организация с
ответственным»): the council decision of paper 03 (tests/data/kinds/03-…, typed into
tests/data/kinds/council-records/) gives п. 2 to «администрации муниципального района "Прилузский"
(Нестерюк Е.В.) и МБОУ … (Семушина М.А.)». Control follows each organisation; check (text and
JSON) and the control sheet name the person in brackets; a composed sentence puts the organisation
in the dative and the person, in brackets, in the nominative; validate refuses a responsible person
beside an executor that is not an organisation (NOR132) and an unknown one (NOR104)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import docx
import pytest
from conftest import DATA, ROOT

from nor_docs.build.protocols import build_protocols
from nor_docs.cli import cli

PAPER = DATA / "kinds" / "council-records"
TEMPLATES = ROOT / "templates"
RECORD = "documents/2019-02-08-priluzsky-v-35-9.yaml"
ADM = "администрация МР «Прилузский» (Нестерюк\u00a0Е.В.)"
SCHOOL = "МБОУ «Средняя общеобразовательная школа» с.\u00a0Объячево (Семушина\u00a0М.А.)"


def _records(tmp_path: Path, old: str = "", new: str = "") -> Path:
    root = tmp_path / "records"
    shutil.copytree(PAPER, root)
    path = root / RECORD
    text = path.read_text(encoding="utf-8")
    if old:
        assert old in text
        path.write_text(text.replace(old, new), encoding="utf-8")
    return root


def _texts(path: Path) -> list[str]:
    return [p.text for p in docx.Document(str(path)).paragraphs if p.text.strip()]


def test_the_paper_validates_with_only_the_gender_it_does_not_give(runner):
    result = runner.invoke(cli, ["validate", "--records", str(PAPER)])
    assert result.exit_code == 0, result.output
    assert [line.split(": ", 1)[1].split(" ", 1)[0] for line in result.output.splitlines()[:-1]] == ["NOR205"]


def test_control_follows_each_organisation_and_check_names_the_person(runner):
    result = runner.invoke(cli, ["check", "--records", str(PAPER), "--today", "2019-02-08", "--format", "json"])
    items = json.loads(result.output)["items"]
    assert [(i["executor"], i["executor_name"].replace("\u00a0", " "), i["status"], [p["deadline"] for p in i["points"]])
            for i in items] == [
        ("priluzsky-adm", "администрация МР «Прилузский» (Нестерюк Е.В.)", "open", ["2019-08-30"]),
        ("obyachevo-sosh", "МБОУ «Средняя общеобразовательная школа» с. Объячево (Семушина М.А.)", "open",
         ["2019-08-30"]),
    ]  # fmt: skip
    late = runner.invoke(cli, ["check", "--records", str(PAPER), "--today", "2019-09-02"]).output
    heading = " ".join(line.strip() for line in late.splitlines()[4:6]).replace("\u00a0", " ")
    assert heading == "МБОУ «Средняя общеобразовательная школа» с. Объячево (Семушина М.А.); администрация МР " \
                      "«Прилузский» (Нестерюк Е.В.) — 2 исполнителя, у каждого 1"


def test_a_heading_of_one_organisation_shares_the_brackets_of_its_responsible_person_with_its_id(runner):
    late = runner.invoke(cli, ["check", "--records", str(PAPER), "--today", "2019-09-02",
                               "--executor", "priluzsky-adm"]).output  # fmt: skip
    heading = late.splitlines()[5].replace("\u00a0", " ")
    assert heading == "администрация МР «Прилузский» (Нестерюк Е.В.; priluzsky-adm) — 1"
    alone = runner.invoke(cli, ["check", "--records", str(DATA / "kinds" / "sample-records"), "--today", "2018-10-12",
                                "--executor", "spb-school-60"]).output  # fmt: skip
    assert "ГБОУ школа № 60 (spb-school-60) — 1" in alone.replace("\u00a0", " "), alone


def test_the_control_sheet_names_the_organisation_and_its_responsible_person(runner, tmp_path):
    result = runner.invoke(cli, ["build", "control", "--records", str(PAPER), "--today", "2019-02-08",
                                 "--out", str(tmp_path), "--templates", str(TEMPLATES)])  # fmt: skip
    assert result.exit_code in (0, 1), result.output
    sheet = next(tmp_path.glob("*.docx"))
    cells = [cell.text for table in docx.Document(str(sheet)).tables for row in table.rows for cell in row.cells]
    assert any(ADM in cell for cell in cells), cells
    assert any(SCHOOL in cell for cell in cells), cells


def test_the_paper_prints_as_written(tmp_path):
    result = build_protocols(PAPER, tmp_path, TEMPLATES, jobs=1)
    assert not result.diagnostics, result.diagnostics
    texts = _texts(tmp_path / "2019-02-08-priluzsky-v-35-9.docx")
    item = next(t for t in texts if t.startswith("2. "))
    assert item.startswith("2. Поручить администрации муниципального района")
    assert "(Нестерюк\u00a0Е.В.) и МБОУ" in item and "[[" not in item


def test_a_composed_sentence_puts_the_organisation_in_the_dative_and_the_person_in_brackets(tmp_path):
    root = _records(tmp_path, "    executors_in_text: false\n    text: >-\n      Поручить администрации муниципального "
                    "района \"Прилузский\" (Нестерюк Е.В.) и МБОУ \"Средняя\n      общеобразовательная школа\" с. "
                    "Объячево (Семушина М.А.) пересмотреть", "    text: >-\n      пересмотреть")  # fmt: skip
    result = build_protocols(root, tmp_path / "out", TEMPLATES, jobs=1)
    assert not result.diagnostics, result.diagnostics
    item = next(t for t in _texts(tmp_path / "out" / "2019-02-08-priluzsky-v-35-9.docx") if t.startswith("2. "))
    assert item.startswith("2. Администрации МР «Прилузский» (Нестерюк\u00a0Е.В.), МБОУ «Средняя общеобразовательная "
                           "школа» с.\u00a0Объячево (Семушина\u00a0М.А.) пересмотреть наполняемость первых классов")  # fmt: skip


def test_the_table_of_assignments_names_the_person_beside_the_organisation(tmp_path):
    root = _records(tmp_path, "signers:", "assignments_layout: table\nsigners:")
    result = build_protocols(root, tmp_path / "out", TEMPLATES, jobs=1)
    assert not result.diagnostics, result.diagnostics
    document = docx.Document(str(tmp_path / "out" / "2019-02-08-priluzsky-v-35-9.docx"))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    assert f"{ADM}, {SCHOOL}" in cells or f"{ADM}; {SCHOOL}" in cells, cells


def test_a_responsible_person_needs_an_organisation_and_a_known_person(runner, tmp_path):
    root = _records(tmp_path, "      - {organization: obyachevo-sosh, responsible: semushina}\n",
                    "      - {organization: semushina, responsible: nesteryuk}\n"
                    "      - {organization: obyachevo-sosh, responsible: semushyna}\n")  # fmt: skip
    result = runner.invoke(cli, ["validate", "--records", str(root)])
    assert result.exit_code == 2, result.output
    lines = [line.replace(str(root / RECORD), "R") for line in result.output.splitlines()]
    assert "R:27:24: NOR132 «semushina» — не организация: ответственного (responsible) называют при организации; " \
           "для человека или группы напишите просто semushina" in lines
    assert any(line.startswith("R:28:53: NOR104") and "semushina" in line for line in lines), lines


def test_a_malformed_entry_is_a_schema_error_at_its_line(runner, tmp_path):
    root = _records(tmp_path, "responsible: semushina}", "responsibe: semushina}")
    result = runner.invoke(cli, ["validate", "--records", str(root)])
    assert result.exit_code == 2, result.output
    assert f"{root / RECORD}:27:9: NOR103 поле «executors»: ожидается строка, а записано словарь; исполнитель — id " \
           "из справочника или организация с ответственным: {organization: id организации, responsible: id " \
           "человека} (оба поля, других нет)" in result.output.splitlines(), result.output


@pytest.mark.libreoffice
def test_libreoffice_reads_the_council_decision_with_the_executors_in_brackets(tmp_path, tmp_path_factory):
    from real_client import pdf_page_texts, pdf_pages, to_pdf

    root = _records(tmp_path, "    executors_in_text: false\n    text: >-\n      Поручить администрации муниципального "
                    "района \"Прилузский\" (Нестерюк Е.В.) и МБОУ \"Средняя\n      общеобразовательная школа\" с. "
                    "Объячево (Семушина М.А.) пересмотреть", "    text: >-\n      пересмотреть")  # fmt: skip
    result = build_protocols(root, tmp_path / "out", TEMPLATES, jobs=1)
    assert not result.diagnostics, result.diagnostics
    pdf = to_pdf([tmp_path / "out" / "2019-02-08-priluzsky-v-35-9.docx"], tmp_path_factory)["2019-02-08-priluzsky-v-35-9"]
    assert pdf_pages(pdf) == 1
    text = pdf_page_texts(pdf)[0]
    assert text.index("решил:") < text.index("2. Администрации МР «Прилузский» (Нестерюк Е.В.), МБОУ") \
        < text.index("(Семушина М.А.) пересмотреть") < text.index("3. Настоящее решение")  # fmt: skip
