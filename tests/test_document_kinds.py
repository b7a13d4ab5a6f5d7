"""Document kinds end to end on four real papers of the corpus (tests/data/kinds/): a collegium's
decision [01], a collegium's resolution [02], an order [05] and a directive [08], typed into
records/documents/. They validate
clean, build with their own template (decision.docx, act.docx) and read back as the paper reads:
the heading of the kind, the formula once and where the paper has it, no agenda, no «РЕШИЛИ», the
signature the kind has. An office's records/kinds.yaml changes a built-in kind by id."""

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
from nor_docs.model.kinds import builtin_kinds

KINDS = DATA / "kinds" / "records"
TEMPLATES = ROOT / "templates"


def _texts(path: Path) -> list[str]:
    document = docx.Document(str(path))
    return [p.text for p in document.paragraphs if p.text.strip()]


def _cells(path: Path) -> list[str]:
    document = docx.Document(str(path))
    return [cell.text for table in document.tables for row in table.rows for cell in row.cells if cell.text]


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("kinds")
    result = build_protocols(KINDS, out, TEMPLATES, jobs=1)
    assert not result.diagnostics, result.diagnostics
    return out


def test_the_papers_validate_clean(runner):
    result = runner.invoke(cli, ["validate", "--records", str(KINDS)])
    assert result.exit_code == 0, result.output
    assert result.output == "Записи в порядке: файлов — 6, заседаний — 1, документов — 3, дорожных карт — 0.\n"


def test_a_collegium_decision_reads_as_the_paper(built):
    texts = _texts(built / "2014-01-21-kollegiya-1.docx")
    assert texts[:3] == ["Северо-Восточное управление министерства образования и науки Самарской области",
                         "РЕШЕНИЕ КОЛЛЕГИИ", "21.01.2014\t№\u00a01"]  # fmt: skip
    # the formula ends the preamble's sentence, once, and the items follow
    assert texts[3].startswith("Заслушав и обсудив информацию") and texts[3].endswith("округе, коллегия РЕШАЕТ:")
    assert sum("РЕШАЕТ" in t for t in texts) == 1
    assert texts[4].startswith("1. Принять к сведению") and texts[-1].startswith("3. Рекомендовать ГБОУ ДПО ЦПК")
    assert not any(word in " ".join(texts) for word in ("ПРОТОКОЛ", "ПОВЕСТКА", "РЕШИЛИ", "СЛУШАЛИ", "[["))
    assert _cells(built / "2014-01-21-kollegiya-1.docx") == []  # unsigned: the copy holds no signatures


def test_a_resolution_with_the_header_as_printed_and_the_formula_in_capitals_inside_the_preamble(built):
    texts = _texts(built / "2007-03-14-orel-kollegiya-55.docx")
    assert texts[:4] == ["РОССИЙСКАЯ ФЕДЕРАЦИЯ", "КОЛЛЕГИЯ ОРЛОВСКОЙ ОБЛАСТИ", "ПОСТАНОВЛЕНИЕ", "14.03.2007\t№\u00a055"]
    assert texts[6].startswith("В целях усиления координации") and texts[6].endswith("Орловской области КОЛЛЕГИЯ "
                                                                                    "ПОСТАНОВЛЯЕТ:")  # fmt: skip
    assert texts[7].startswith("1. Принять к сведению информацию главы Залегощенского района")
    assert len(texts) == 8 and "ПОСТАНОВЛЯЮ" not in " ".join(texts)


def test_an_order_has_its_formula_on_a_line_of_its_own(built):
    texts = _texts(built / "2023-08-21-prikaz-176.docx")
    assert texts[1] == "ПРИКАЗ"
    at = texts.index("ПРИКАЗЫВАЮ:")
    assert texts[at - 1].startswith("В целях выполнения Закона Российской Федерации")
    assert texts[at + 1] == "1. Руководителям образовательных учреждений района:"
    assert texts[at + 2].startswith("1.1. Начать 2023/2024 учебный год 1 сентября 2023 года")
    assert not any(word in " ".join(texts) for word in ("ПОВЕСТКА", "РЕШИЛИ", "[["))


def test_a_directive_has_no_formula_and_the_heads_signature(built):
    path = built / "2007-10-16-kanash-500.docx"
    texts = _texts(path)
    assert texts[:5] == ["Администрация города Канаш Чувашской Республики", "РАСПОРЯЖЕНИЕ", "16.10.2007\t№\u00a0500",
                         "г.\u00a0Канаш Чувашской Республики",
                         "Об организации пришкольных оздоровительных лагерей в период осенних каникул"]  # fmt: skip
    assert texts[5] == "В целях использования каникулярного времени для укрепления здоровья учащихся:"
    assert texts[6].startswith("1. Организовать в период осенних каникул с 5 по 11 ноября 2007 года")
    assert texts[-1].startswith("3. Контроль за выполнением настоящего распоряжения")  # the control clause, last
    assert _cells(path) == ["Глава администрации города Канаш", "В.И.\u00a0Полукарова"]
    assert not any(word in " ".join(texts) for word in ("ПОВЕСТКА", "РЕШИЛИ", "Председатель"))


def test_each_kind_takes_its_own_template(built):
    def template(name: str) -> str:
        with zipfile.ZipFile(built / name) as package:
            return re.search(r"<Template>(.*?)</Template>", package.read("docProps/app.xml").decode()).group(1)

    assert template("2014-01-21-kollegiya-1.docx") == "decision.docx"
    assert template("2023-08-21-prikaz-176.docx") == template("2007-10-16-kanash-500.docx") == "act.docx"
    title = docx.Document(str(built / "2007-10-16-kanash-500.docx")).core_properties.title
    assert title.startswith("Распоряжение главы администрации города Канаш №\u00a0500 от 16.10.2007 Об организации")


def test_an_office_changes_a_built_in_kind_by_id(tmp_path):
    records = tmp_path / "records"
    shutil.copytree(KINDS, records)
    (records / "kinds.yaml").write_text(
        "# yaml-language-server: $schema=../schemas/kinds.schema.json\n"
        "kinds:\n  - id: decision-collegium\n    formula: 'коллегия решила:'\n", encoding="utf-8")
    result = build_protocols(records, tmp_path / "out", TEMPLATES, jobs=1)
    assert not result.diagnostics
    texts = _texts(tmp_path / "out" / "2014-01-21-kollegiya-1.docx")
    assert texts[3].endswith("округе, коллегия решила:") and "РЕШАЕТ" not in " ".join(texts)
    assert texts[1] == "РЕШЕНИЕ КОЛЛЕГИИ"  # the fields the office did not give stay built in


def test_a_formula_in_capitals_is_a_line_of_its_own_and_decision_word_keeps_working(tmp_path):
    records = tmp_path / "records"
    shutil.copytree(KINDS, records)
    path = records / "documents" / "2014-01-21-kollegiya-1.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "decision_word: ПОСТАНОВИЛИ\n", encoding="utf-8")
    build_protocols(records, tmp_path / "out", TEMPLATES, jobs=1)
    texts = _texts(tmp_path / "out" / "2014-01-21-kollegiya-1.docx")
    assert texts[3].endswith("образовательном округе,") and texts[4] == "ПОСТАНОВИЛИ:"


def test_the_catalogue_has_the_kinds_of_the_design():
    kinds = builtin_kinds()
    assert {"protocol", "extract", "decision-collegium", "decision-council", "decision-board", "order", "directive",
            "resolution", "instructions"} <= set(kinds)  # fmt: skip
    assert kinds["order"].formula == "ПРИКАЗЫВАЮ:" and kinds["order"].template == "act.docx"
    assert kinds["directive"].formula is None and not kinds["directive"].meeting
    assert kinds["protocol"].heading == "ПРОТОКОЛ" and kinds["protocol"].formula == "РЕШИЛИ:"
    for kind in kinds.values():
        assert (TEMPLATES / kind.template).is_file(), kind.id


# --- control: the papers' own dates, citations by kind, the controller --------------------------

# The control dates a control officer reads from each paper (tests/data/kinds/*.expected.yaml);
# 05 п. 1.3 (a daily report over a range) is controlled by its last day, 1.2 has no deadline.
EXPECTED_POINTS = {
    "2014-01-21-kollegiya-1#2": ["2014-10-31"],
    "2014-01-21-kollegiya-1#3": ["2014-05-30", "2014-12-31"],
    "2023-08-21-prikaz-176#1.1": ["2023-09-01"],
    "2023-08-21-prikaz-176#1.2": [],
    "2023-08-21-prikaz-176#1.3": ["2023-09-07"],
    "2023-08-21-prikaz-176#1.5": ["2023-08-28", "2023-09-05", "2023-09-11"],
    "2007-10-16-kanash-500#1": ["2007-11-09"],
}
PAPER_DATES = {"2014-01-21-kollegiya-1": "2014-01-21", "2023-08-21-prikaz-176": "2023-08-21",
               "2007-10-16-kanash-500": "2007-10-16"}  # fmt: skip


def _check_json(runner, today: str) -> list[dict]:
    result = runner.invoke(cli, ["check", "--records", str(KINDS), "--today", today, "--format", "json"])
    return json.loads(result.output)["items"]


@pytest.mark.parametrize("record", sorted(PAPER_DATES))
def test_on_the_papers_date_nothing_is_overdue_and_each_point_is_the_papers(runner, record):
    items = [i for i in _check_json(runner, PAPER_DATES[record]) if i["meeting"] == record]
    points = {i["assignment"]: [p["deadline"] for p in i["points"]] for i in items}
    assert points == {k: v for k, v in EXPECTED_POINTS.items() if k.startswith(record + "#")}
    assert {i["status"] for i in items} <= {"open", "due_soon", "no_deadline"}


def test_check_cites_each_item_by_its_kind(runner):
    items = {i["assignment"]: i for i in _check_json(runner, "2023-08-21")}
    assert items["2023-08-21-prikaz-176#1.5"]["source"] == {"kind": "order",
                                                           "citation": "Приказ от 21.08.2023 № 176, п. 1.5"}  # fmt: skip
    assert items["2014-01-21-kollegiya-1#3"]["source"]["citation"] == "Решение коллегии от 21.01.2014 № 1, п. 3"
    assert items["2007-10-16-kanash-500#1"]["source"] == {
        "kind": "directive", "citation": "Распоряжение главы администрации города Канаш от 16.10.2007 № 500, п. 1"}
    assert items["2014-01-21-kollegiya-1#3"]["meeting"] == "2014-01-21-kollegiya-1"  # the old key stays
    text = runner.invoke(cli, ["check", "--records", str(KINDS), "--today", "2023-08-28"]).output
    assert "2023-08-21-prikaz-176.yaml:37 — Приказ от 21.08.2023 № 176, п. 1.5" in text
    assert "Протокол" not in text
    chosen = runner.invoke(cli, ["check", "--records", str(KINDS), "--today", "2023-08-21", "--meeting",
                                 "2023-08-21-prikaz-176"]).output  # fmt: skip
    assert chosen.splitlines()[1] == "Отбор: документ — приказ от 21.08.2023 № 176 (2023-08-21-prikaz-176)."
    github = runner.invoke(cli, ["check", "--records", str(KINDS), "--today", "2023-08-28", "--format", "github"])
    assert "Решение коллегии от 21.01.2014 № 1, п. 3." in github.output


def test_the_documents_controller_is_every_items_controller(runner):
    items = _check_json(runner, "2023-08-21")
    assert {(i["controller"], i["controller_name"]) for i in items if i["meeting"] == "2007-10-16-kanash-500"} \
        == {("ivanova-lp", "Иванова\u00a0Л.П.")}
    assert {i["controller"] for i in items if i["meeting"] != "2007-10-16-kanash-500"} == {None}


def test_the_control_sheet_cites_by_kind_and_names_the_controller(runner, tmp_path):
    result = runner.invoke(cli, ["build", "control", "--records", str(KINDS), "--today", "2023-08-21",
                                 "--out", str(tmp_path), "--templates", str(TEMPLATES)])  # fmt: skip
    assert result.exit_code in (0, 1), result.output
    sheet = next(tmp_path.glob("*.docx"))
    cells = " | ".join(_cells(sheet)).replace("\u00a0", " ")
    assert "Распоряжение главы администрации города Канаш от 16.10.2007 № 500, п. 1" in cells
    assert "Приказ от 21.08.2023 № 176, п. 1.5" in cells and "Решение коллегии от 21.01.2014 № 1, п. 2" in cells
    assert "Контроль: Иванова Л.П., начальник отдела образования и молодежной политики" in cells
    assert "Протокол" not in cells


def test_the_calendar_cites_by_kind(runner, tmp_path):
    result = runner.invoke(cli, ["calendar", "--records", str(KINDS), "--today", "2023-08-21", "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    text = "".join(p.read_text(encoding="utf-8") for p in tmp_path.glob("*.ics")).replace("\r\n ", "")
    assert "Приказ от 21.08.2023 № 176\\, п. 1.5" in text


def test_a_resolution_prints_the_header_lines_as_written_and_its_formula(tmp_path):
    records = tmp_path / "records"
    shutil.copytree(KINDS, records)
    path = records / "documents" / "2007-10-16-kanash-500.yaml"
    text = path.read_text(encoding="utf-8").replace("document: directive\n", "document: resolution\nissuer_lines:\n"
                                                     "  - ЧУВАШСКАЯ РЕСПУБЛИКА\n  - АДМИНИСТРАЦИЯ ГОРОДА КАНАШ\n")
    path.write_text(text.replace("здоровья учащихся:", "здоровья учащихся"), encoding="utf-8")
    result = build_protocols(records, tmp_path / "out", TEMPLATES, jobs=1)
    assert not result.diagnostics
    texts = _texts(tmp_path / "out" / "2007-10-16-kanash-500.docx")
    assert texts[:3] == ["ЧУВАШСКАЯ РЕСПУБЛИКА", "АДМИНИСТРАЦИЯ ГОРОДА КАНАШ", "ПОСТАНОВЛЕНИЕ"]
    at = texts.index("ПОСТАНОВЛЯЮ:")
    assert texts[at - 1].endswith("здоровья учащихся") and texts[at + 1].startswith("1. Организовать")


def test_control_kept_by_the_signer_makes_the_signer_the_controller(runner, tmp_path):
    records = tmp_path / "records"
    shutil.copytree(KINDS, records)
    path = records / "documents" / "2007-10-16-kanash-500.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("controls: ivanova-lp", "controls: self"), encoding="utf-8")
    result = runner.invoke(cli, ["check", "--records", str(records), "--today", "2007-10-16", "--format", "json"])
    assert {i["controller"] for i in json.loads(result.output)["items"]} == {"polukarova"}


def test_an_extract_of_a_collegiums_decision_is_named_by_its_kind(tmp_path):
    from nor_docs.build.extracts import build_extract

    records = tmp_path / "records"
    shutil.copytree(KINDS, records)
    (records / "documents" / "2014-02-11-kollegiya-2.yaml").write_text(
        "# yaml-language-server: $schema=../../../schemas/meeting.schema.json\n"
        "document: decision-collegium\nissuer: sv-upr\nnumber: 2\ndate: 11.02.2014\nchair: {person: serova}\n"
        "agenda:\n  - number: 1\n    title: О программе развития\n    decisions:\n"
        "      - number: 1\n        text: Информацию принять к сведению.\n        on_control: false\n"
        "  - number: 2\n    title: О мониторинге\n    decisions:\n"
        "      - number: 2\n        text: Мониторинг провести.\n        on_control: false\n", encoding="utf-8")
    out, problems = build_extract(records, tmp_path / "out", TEMPLATES, "2014-02-11-kollegiya-2", ["2"])
    assert problems == []
    texts = _texts(out)
    assert texts[1] == "ВЫПИСКА ИЗ РЕШЕНИЯ КОЛЛЕГИИ" and "ПРОТОКОЛ" not in " ".join(texts)
    assert "О программе развития" not in " ".join(texts) and "2. Мониторинг провести." in texts
