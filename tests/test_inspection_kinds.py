"""Inspection acts (предписание, представление, протест): papers 16 and 21 of the corpus
(tests/data/kinds/) typed under tests/data/kinds/inspection-records/ validate, check counts the
law's term from the day the act was received only where the item has none and labels it in every
output, and ``inspection.docx`` prints the table нарушение | требуемая мера | срок | принятые меры."""

from __future__ import annotations

import json
import re
import shutil
import zipfile
from pathlib import Path

import docx
import pytest
from conftest import DATA, ROOT

from nor_docs.build.protocols import build_protocols
from nor_docs.cli import cli
from nor_docs.model.kinds import KindsFile, builtin_kinds, merge_kinds

RECORDS = DATA / "kinds" / "inspection-records"
TEMPLATES = ROOT / "templates"
ACT = "staraya-mayna-predstavlenie"
PRESCRIPTION = "2021-07-02-kaluga-sosh-2-predpisanie"


def _json(runner, today: str, records: Path = RECORDS) -> dict[str, dict]:
    result = runner.invoke(cli, ["check", "--records", str(records), "--today", today, "--format", "json"])
    return {i["id"]: i for i in json.loads(result.output)["items"]}


def test_the_catalogue_has_the_inspection_kinds_with_their_terms_by_law():
    kinds = builtin_kinds()
    assert all(kinds[k].inspection and kinds[k].template == "inspection.docx"
               for k in ("prescription", "representation", "protest"))  # fmt: skip
    assert kinds["representation"].statutory_term == "в течение месяца"
    assert kinds["protest"].statutory_term == "в течение 10 дней" and "ст. 23" in (kinds["protest"].statutory_basis or "")
    assert kinds["prescription"].statutory_term is None and not kinds["order"].inspection


def test_the_papers_validate_and_the_law_term_is_named(runner):
    result = runner.invoke(cli, ["validate", "--records", str(RECORDS)])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [
        f"{RECORDS}/documents/{ACT}.yaml:17:13: NOR221 срок не указан в пунктах 1, 2: на контроле — срок по закону "
        "(в течение месяца со дня получения 03.03.2025, Федеральный закон «О прокуратуре Российской Федерации», "
        "ст. 24), и каждый отчёт называет его сроком по закону; если в акте срок есть, впишите его (deadline)",
        "Найдено: ошибок — 0, предупреждений — 1.",
    ]


def test_check_counts_the_law_term_from_receipt_and_says_so(runner):
    on_time = _json(runner, "2025-04-03")  # a month from 03.03.2025: not yet late on its last day
    assert on_time[f"{ACT}#1"]["status"] == "due_soon" and on_time[f"{ACT}#1"]["deadline"] == "2025-04-03"
    late = _json(runner, "2025-04-04")
    item = late[f"{ACT}#1"]
    assert item["status_text"] == "просрочено (1 день; срок по закону)"
    assert item["deadline_default"] is True and item["deadline_as_written"] is None  # the paper wrote no term
    assert item["deadline_statutory"].startswith("в течение месяца со дня получения 03.03.2025")
    assert item["issued"] == "2025-03-03"
    assert item["source"] == {"kind": "representation", "citation": "Представление (получено 03.03.2025), п. 1"}
    # a prescription has no term by law: with the office's default off, «срок не установлен»
    assert late[f"{PRESCRIPTION}#1"]["status"] == "no_deadline"
    assert "deadline_statutory" not in late[f"{PRESCRIPTION}#1"]
    assert late[f"{PRESCRIPTION}#1"]["source"]["citation"] == "Предписание от 02.07.2021, п. 1"
    text = runner.invoke(cli, ["check", "--records", str(RECORDS), "--today", "2025-04-04"]).output
    assert "03.04.2025 (по закону)  1 день" in text


def test_before_receipt_the_act_does_not_exist_yet(runner):
    assert f"{ACT}#1" not in _json(runner, "2025-03-02")


def test_a_term_written_in_the_act_wins_over_the_law(runner, tmp_path):
    records = tmp_path / "records"
    shutil.copytree(RECORDS, records)
    path = records / "documents" / f"{ACT}.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("    text: Принять меры к устранению нарушений закона.\n",
                                 "    text: Принять меры к устранению нарушений закона.\n    deadline: до 20.03.2025\n", 1),
                    encoding="utf-8")  # fmt: skip
    items = _json(runner, "2025-03-21", records)
    assert items[f"{ACT}#1"]["deadline"] == "2025-03-20" and items[f"{ACT}#1"]["deadline_default"] is False
    assert items[f"{ACT}#2"]["deadline"] == "2025-04-03" and items[f"{ACT}#2"]["deadline_default"] is True


def test_words_that_say_no_term_leave_the_item_on_the_law_term(runner, tmp_path):
    records = tmp_path / "records"
    shutil.copytree(RECORDS, records)
    path = records / "documents" / f"{ACT}.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("    text: Принять меры к устранению нарушений закона.\n",
                                 "    text: Принять меры к устранению нарушений закона.\n    deadline: не указан\n", 1),
                    encoding="utf-8")  # fmt: skip
    result = runner.invoke(cli, ["validate", "--records", str(records)])
    assert "NOR221 срок не указан в пунктах 1, 2" in result.output and "NOR209" not in result.output
    item = _json(runner, "2025-04-04", records)[f"{ACT}#1"]
    assert item["deadline"] == "2025-04-03" and item["deadline_statutory"] is not None


def test_the_office_switches_the_law_term_off_per_kind(runner, tmp_path):
    records = tmp_path / "records"
    shutil.copytree(RECORDS, records)
    (records / "kinds.yaml").write_text(
        "# yaml-language-server: $schema=../schemas/kinds.schema.json\n"
        "kinds:\n  - id: representation\n    statutory_term: null\n", encoding="utf-8")
    result = runner.invoke(cli, ["validate", "--records", str(records)])
    assert result.exit_code == 0 and "NOR221" not in result.output, result.output
    assert _json(runner, "2025-04-04", records)[f"{ACT}#1"]["status"] == "no_deadline"


def test_a_term_by_law_must_be_a_term_from_receipt():
    kinds, problems = merge_kinds(builtin_kinds(), KindsFile.model_validate(
        {"kinds": [{"id": "protest", "statutory_term": "постоянно"}]}, strict=False))  # fmt: skip
    assert kinds["protest"].statutory_term == "в течение 10 дней"  # the faulty entry is left out
    assert problems and problems[0][1] == ("statutory_term",) and "не срок от даты получения" in problems[0][2]


def test_the_calendar_and_the_control_sheet_label_the_law_term(runner, tmp_path):
    result = runner.invoke(cli, ["build", "control", "--records", str(RECORDS), "--today", "2025-03-20",
                                 "--out", str(tmp_path / "sheet"), "--templates", str(TEMPLATES)])  # fmt: skip
    assert result.exit_code in (0, 1), result.output
    with zipfile.ZipFile(next((tmp_path / "sheet").glob("*.docx"))) as package:  # rows are nested tables
        cells = re.sub(r"<[^>]+>", "", package.read("word/document.xml").decode("utf-8")).replace("\u00a0", " ")
    assert "срок по закону — 03.04.2025 (в течение месяца со дня получения 03.03.2025" in cells
    assert "срок по умолчанию" not in cells
    result = runner.invoke(cli, ["calendar", "--records", str(RECORDS), "--today", "2025-03-20",
                                 "--out", str(tmp_path / "cal")])  # fmt: skip
    assert result.exit_code == 0, result.output
    ics = "".join(p.read_bytes().decode("utf-8") for p in (tmp_path / "cal").rglob("*.ics")).replace("\r\n ", "")
    assert "Срок (по закону)" in ics and "не указан\\; срок по закону (в течение месяца" in ics


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("inspection")
    result = build_protocols(RECORDS, out, TEMPLATES, jobs=1)
    assert not result.diagnostics, result.diagnostics
    return out


def test_the_act_prints_its_table_of_violations_and_measures(built):
    document = docx.Document(str(built / f"{ACT}.docx"))
    texts = [p.text for p in document.paragraphs if p.text.strip()]
    assert texts[:3] == ["Прокуратура Старомайнского района Ульяновской области", "ПРЕДСТАВЛЕНИЕ",
                         "об устранении нарушений закона"]  # no date of its own: none printed  # fmt: skip
    assert texts[3:5] == ["Кому: Управление образования МО «Старомайнский район»", "Получено: 03.03.2025"]
    rows = [[c.text for c in row.cells] for row in document.tables[0].rows]
    assert rows[0] == ["№ п/п", "Нарушение", "Требуемая мера", "Срок", "Принятые меры"]
    assert rows[1] == ["1.", "В трех школах использовалась столовая посуда с механическими повреждениями",
                       "Принять меры к устранению нарушений закона.",
                       "в течение месяца со дня получения 03.03.2025 (срок по закону)",
                       "Посуда в столовых школ заменена"]  # fmt: skip
    assert rows[2][4] == "Введен в эксплуатацию новый газовый котел" and len(rows) == 3


def test_the_prescription_keeps_its_norm_and_an_empty_term(built):
    document = docx.Document(str(built / f"{PRESCRIPTION}.docx"))
    texts = [p.text for p in document.paragraphs if p.text.strip()]
    assert texts[:3] == ["Управление Роспотребнадзора по Калужской области", "ПРЕДПИСАНИЕ", "02.07.2021"]
    row = [c.text for c in document.tables[0].rows[1].cells]
    assert "п.\u00a02.5.3 СП 2.4.3648-20" in row[1] and row[2].startswith("Провести косметический ремонт")
    assert row[3] == "" and row[4] == ""  # the copy gives no term, no measures: nothing is invented
