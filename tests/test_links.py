"""Links between records (docs/links.md): a later decision closes, extends or takes off control an
assignment given earlier (``acts_on``), and documents name the documents they review
(``reviews``). End to end on tests/data/links: the Прилузский council's decision № V-35/9 (paper 03
of tests/data/kinds), a shortened record of its decision № 31/16, and a protocol that acts on the
items of 31/16 — validate, check (text and JSON), the control sheet read back."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner
from conftest import DATA, ROOT
from control_sheet_reader import plain, read_sheet

from nor_docs.cli import cli

RECORDS = DATA / "links" / "records"
SCHEMA = json.loads((ROOT / "docs" / "check.schema.json").read_text(encoding="utf-8"))
EARLIER = "2018-08-24-priluzsky-31-16"
PROTOCOL = "tests/data/links/records/meetings/2019-04-12-priluzsky-sovet-protocol.yaml"


@pytest.fixture
def in_root(monkeypatch):
    monkeypatch.chdir(ROOT)
    return CliRunner()


def run(runner: CliRunner, *args: str):
    return runner.invoke(cli, list(args))


def check_json(runner: CliRunner, today: str, records: Path | str = "tests/data/links/records") -> dict:
    result = run(runner, "check", "--records", str(records), "--today", today, "--format", "json")
    payload = json.loads(plain(result.output))  # citations keep «№ 37» and «п. 2» together
    jsonschema.validate(payload, SCHEMA)
    return {item["id"]: item for item in payload["items"]}


def test_the_records_validate_with_one_warning_the_late_extension(in_root):
    result = run(in_root, "validate", "--records", "tests/data/links/records")
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [
        f"{PROTOCOL}:27:13: NOR206 срок поручения {EARLIER}#3 продлён 12.04.2019, после срока 01.04.2019: продлевают "
        "до срока, по просьбе исполнителя; до решения поручение было просрочено",
        "Найдено: ошибок — 0, предупреждений — 1.",
    ]


def test_check_json_closes_extends_and_cancels_by_the_later_protocol(in_root):
    items = check_json(in_root, "2019-06-10")
    done = items[f"{EARLIER}#2"]
    assert (done["status"], done["done_on"]) == ("done_late", "2019-04-12")  # due 29.12.2018, closed by the protocol
    assert done["documents"] == [{
        "action": "done", "date": "2019-04-12", "record": "2019-04-12-priluzsky-sovet-protocol", "number": "1",
        "citation": "Протокол от 12.04.2019 № 37, п. 1",
        "text": "снято с контроля как исполненное протоколом от 12.04.2019 № 37, п. 1",
        "file": PROTOCOL, "line": 20,
    }]  # fmt: skip
    letka = items[f"{EARLIER}#3/letka-sosh"]
    assert (letka["status"], letka["deadline"], letka["extended"]) == ("overdue", "2019-05-31", True)
    assert [d["text"] for d in letka["documents"]] == ["срок продлён до 01.06.2019 протоколом от 12.04.2019 № 37, п. 2"]
    assert letka["extensions"][0]["basis"] == "Протокол от 12.04.2019 № 37, п. 2"
    # the extension was for one school only: the other keeps the written deadline
    other = items[f"{EARLIER}#3/obyachevo-sosh"]
    assert (other["status"], other["deadline"], other["days_overdue"]) == ("overdue", "2019-04-01", 70)
    assert "documents" not in other
    cancelled = items[f"{EARLIER}#4"]
    assert cancelled["status"] == "cancelled"
    assert cancelled["documents"][0]["action"] == "cancel"
    # paper 03 itself: its own assignment, two executors, 01.09.2019 is a Sunday
    own = items["2019-02-08-priluzsky-v-35-9#2/priluzsky-adm"]
    assert (own["status"], own["deadline"]) == ("open", "2019-08-30")


def test_as_of_a_day_before_the_protocol_nothing_has_happened(in_root):
    items = check_json(in_root, "2019-04-11")
    assert items[f"{EARLIER}#2"]["status"] == "overdue"
    assert items[f"{EARLIER}#4"]["status"] == "overdue"
    assert items[f"{EARLIER}#3/letka-sosh"]["deadline"] == "2019-04-01"
    assert not any("documents" in item for item in items.values())


def test_check_text_shows_the_decisions_and_the_extension_under_its_row(in_root):
    result = run(in_root, "check", "--records", "tests/data/links/records", "--today", "2019-05-29")
    assert result.exit_code == 1  # one part is overdue
    lines = plain(result.output).splitlines()
    extension = next(line for line in lines if "↳" in line)
    assert extension.split("  ↳ ")[1].split("  ")[0] == "срок продлён до 01.06.2019 протоколом от 12.04.2019 № 37, п. 2"
    assert extension.endswith(f"{PROTOCOL}:27")
    start = lines.index("ПО РЕШЕНИЯМ ДОКУМЕНТОВ — 3")
    assert lines[start + 1:start + 4] == [
        f"  {EARLIER}#2             снято с контроля как исполненное протоколом от 12.04.2019 № 37, п. 1  {PROTOCOL}:20",
        f"  {EARLIER}#3/letka-sosh  срок продлён до 01.06.2019 протоколом от 12.04.2019 № 37, п. 2  {PROTOCOL}:27",
        f"  {EARLIER}#4             снято с контроля протоколом от 12.04.2019 № 37, п. 3  {PROTOCOL}:32",
    ]


def test_the_control_sheet_shows_the_chain(in_root, tmp_path):
    result = run(in_root, "build", "control", "--records", "tests/data/links/records", "--today", "2019-06-10",
                 "--by", "meeting", "--out", str(tmp_path))  # fmt: skip
    assert result.exit_code == 0, result.output
    sheet = read_sheet(tmp_path / "control-sheet-2019-06-10-by-meeting.docx")
    rows = {row["task"].split("\n")[1][:25]: row for row in sheet.rows}
    closed = rows["Завершить реорганизацию о"]
    assert closed["marks"] == "12.04.2019 — снято с контроля как исполненное протоколом от 12.04.2019 № 37, п. 1"
    assert "Рассмотрено: Протокол от 08.02.2019 № V-35/9" in closed["task"].split("\n")
    assert "Рассмотрено: Протокол от 12.04.2019 № 37, п. 1" in closed["task"].split("\n")
    cancelled = rows["Рассмотреть возможность п"]
    assert cancelled["marks"] == "снято с контроля 12.04.2019 протоколом от 12.04.2019 № 37, п. 3"
    letka = next(m for m in rows["Сформировать первые класс"].members if m["name"] == "МБОУ «СОШ» с. Летка")
    assert letka["deadline"] == "продлён до 01.06.2019 протоколом от 12.04.2019 № 37, п. 2"


def test_a_mark_before_the_decision_closes_on_time_and_the_decision_confirms_it(in_root, tmp_path):
    records = tmp_path / "records"
    shutil.copytree(RECORDS, records)
    (records / "marks").mkdir()
    (records / "marks" / "2018.yaml").write_text(
        f"marks:\n  - {{assignment: {EARLIER}#2, date: 20.12.2018, document: акт о реорганизации}}\n", encoding="utf-8")
    result = run(in_root, "validate", "--records", str(records))
    assert "NOR121" not in result.output  # the decision confirms the mark, it does not repeat it
    item = check_json(in_root, "2019-06-10", records)[f"{EARLIER}#2"]
    assert (item["status"], item["done_on"]) == ("done", "2018-12-20")


def test_an_extension_without_a_new_deadline_is_refused(in_root, tmp_path):
    records = tmp_path / "records"
    shutil.copytree(RECORDS, records)
    protocol = records / "meetings" / "2019-04-12-priluzsky-sovet-protocol.yaml"
    text = protocol.read_text(encoding="utf-8").replace(", new_deadline: до 01.06.2019", "")
    protocol.write_text(text, encoding="utf-8")
    result = run(in_root, "validate", "--records", str(records))
    assert result.exit_code == 2
    assert ("NOR103 поле «acts_on»: продление (action: extend) без нового срока: добавьте new_deadline: «до …»"
            in result.output)


def test_review_amend_and_implements_show_under_the_assignment_and_change_no_status(in_root, tmp_path):
    from nor_docs.control.status import control_items
    from nor_docs.pipeline import load_checked
    from nor_docs.render.control_sheet_view import control_sheet_view
    from nor_docs.russian.dates import parse_date

    records = tmp_path / "records"
    shutil.copytree(RECORDS, records)
    protocol = records / "meetings" / "2019-04-12-priluzsky-sovet-protocol.yaml"
    protocol.write_text(protocol.read_text(encoding="utf-8") + (
        "      - number: 4\n"
        "        text: Уточнить формулировку п. 3 решения № 31/16 в части МБОУ «СОШ» с. Летка.\n"
        "        on_control: false\n"
        "        acts_on:\n"
        f"          - {{assignment: {EARLIER}#3, member: letka-sosh, action: amend, note: уточнены сроки}}\n"
    ), encoding="utf-8")  # fmt: skip
    paper = records / "meetings" / "2019-02-08-priluzsky-v-35-9.yaml"
    paper.write_text(paper.read_text(encoding="utf-8").replace(
        "reviews:\n", "implements:\n  - cite: пункт 5 Плана работы Совета на 2019 год\n"
                     f"  - assignment: {EARLIER}#3\nreviews:\n"), encoding="utf-8")  # fmt: skip
    checked = load_checked(records)
    assert [d.code for d in checked.diagnostics] == ["NOR206"]
    today = parse_date("2019-06-10")
    items = control_items(checked.records, today)
    assert {i.id: i.status for i in items}[f"{EARLIER}#3/obyachevo-sosh"] == "overdue"
    view = control_sheet_view(checked.records, items, today, by="meeting")
    row = next(r for g in view["groups"] for r in g["rows"] if r["id"] == f"{EARLIER}#3")
    assert [line.replace("\u00a0", " ") for line in row["links"]] == [
        "Во исполнение принят: Протокол от 08.02.2019 № V-35/9",
        "Рассмотрено: Протокол от 08.02.2019 № V-35/9",
        "Изменено: Протокол от 12.04.2019 № 37, п. 4 (в части: МБОУ «СОШ» с. Летка) — уточнены сроки",
        "Рассмотрено: Протокол от 12.04.2019 № 37, п. 1",
    ]  # by date; on one day the assignment's own before its document's


# --- a report on execution (paper 13 of tests/data/kinds) ---------------------------------------------

REPORT_RECORDS = DATA / "links" / "report" / "records"
REPORT = "tests/data/links/report/records/meetings/2021-06-15-nevsky-ispolnenie.yaml"
EIGHT = ["gbdou-11", "gbdou-36", "gbdou-38", "gbdou-60", "gbdou-83", "gbdou-123", "gbdou-142", "odod-gbou-458"]
THREE = ["gbdou-113", "gbdou-135", "gbdou-137"]


def test_the_report_is_checked_against_the_marks_on_its_date(in_root):
    result = run(in_root, "validate", "--records", "tests/data/links/report/records")
    assert [line for line in result.output.splitlines() if "NOR217" in line] == [
        f"{REPORT}:17:13: NOR217 в отчёте «изменения внесены, локальный акт содержит изменения и утвержден после "
        "01.06.2021.» (исполнено), а по отметкам на 15.06.2021 — «просрочено (14 дней)»: ГБДОУ № 11, ГБДОУ № 36, "
        "ГБДОУ № 38, ГБДОУ № 60, ГБДОУ № 83 и ещё 3; добавьте отметку в records/marks/ (с датой исполнения) или "
        "проверьте отчёт",
    ]  # the three it calls «не выполнено» are overdue by the marks too: no warning for them


def test_the_reports_new_term_extends_the_three_and_closes_nothing(in_root):
    items = check_json(in_root, "2021-06-15", "tests/data/links/report/records")
    for member in THREE:
        item = items[f"2021-05-31-sovesh#1.3/{member}"]
        assert (item["status"], item["deadline"]) == ("extended", "2021-06-21")
        assert item["documents"][0]["text"] == ("срок продлён до 21.06.2021 информацией о ходе исполнения от "
                                                "15.06.2021, п. 2")  # fmt: skip
    assert {items[f"2021-05-31-sovesh#1.3/{m}"]["status"] for m in EIGHT} == {"overdue"}  # until their marks
    later = check_json(in_root, "2021-06-22", "tests/data/links/report/records")
    assert {later[f"2021-05-31-sovesh#1.3/{m}"]["status_text"] for m in THREE} == {"просрочено (1 день)"}


def test_marks_for_the_eight_or_closes_true_silence_the_warning(in_root, tmp_path):
    records = tmp_path / "records"
    shutil.copytree(REPORT_RECORDS, records)
    (records / "marks").mkdir()
    (records / "marks" / "2021.yaml").write_text("marks:\n" + "".join(
        f"  - {{assignment: 2021-05-31-sovesh#1.3, member: {m}, date: 08.06.2021, document: локальный акт}}\n"
        for m in EIGHT), encoding="utf-8")  # fmt: skip
    result = run(in_root, "validate", "--records", str(records))
    assert "NOR217" not in result.output
    (records / "marks" / "2021.yaml").unlink()
    report = records / "meetings" / "2021-06-15-nevsky-ispolnenie.yaml"
    report.write_text(report.read_text(encoding="utf-8").replace("    meaning: done\n",
                                                                 "    meaning: done\n    closes: true\n"),
                      encoding="utf-8")  # fmt: skip
    assert "NOR217" not in run(in_root, "validate", "--records", str(records)).output
    items = check_json(in_root, "2021-06-15", records)
    assert {items[f"2021-05-31-sovesh#1.3/{m}"]["status"] for m in EIGHT} == {"done_late"}


def test_the_control_sheet_says_what_the_report_said(in_root):
    from nor_docs.control.status import control_items
    from nor_docs.pipeline import load_checked
    from nor_docs.render.control_sheet_view import control_sheet_view
    from nor_docs.russian.dates import parse_date

    records = load_checked(REPORT_RECORDS).records
    today = parse_date("2021-06-16")
    view = control_sheet_view(records, control_items(records, today), today, by="meeting")
    (row,) = [r for g in view["groups"] for r in g["rows"]]
    assert [line.replace("\u00a0", " ") for line in row["links"]] == [
        "Сообщено: Информация о ходе исполнения от 15.06.2021, п. 1 (ГБДОУ № 11, ГБДОУ № 36, ГБДОУ № 38, ГБДОУ № 60, "
        "ГБДОУ № 83, ГБДОУ № 123, ГБДОУ № 142, ОДОД ГБОУ № 458) — изменения внесены, локальный акт содержит изменения "
        "и утвержден после 01.06.2021.",
        "Сообщено: Информация о ходе исполнения от 15.06.2021, п. 2 (ГБДОУ № 113, ГБДОУ № 135, ГБДОУ № 137) — "
        "поручение не выполнено.",
    ]


def _legacy_report(tmp_path: Path) -> Path:
    """The Nevsky report as it was written before the ``report`` kind: a protocol-kind record with
    only ``reports:`` (and the meeting word a protocol asks for)."""
    records = tmp_path / "records"
    shutil.copytree(REPORT_RECORDS, records)
    report = records / "meetings" / "2021-06-15-nevsky-ispolnenie.yaml"
    text = report.read_text(encoding="utf-8")
    assert "document: report\n" in text
    report.write_text(text.replace("document: report\n", "kind: информация о ходе исполнения\n")
                      .replace("unsigned: true", "unsigned: true  # протокол без подписей"), encoding="utf-8")  # fmt: skip
    return records


@pytest.mark.parametrize("legacy", [False, True], ids=["document-report", "protocol-with-only-reports"])
def test_a_report_is_cited_by_its_kind_and_an_old_protocol_kind_report_as_before(in_root, tmp_path, legacy):
    records = _legacy_report(tmp_path) if legacy else REPORT_RECORDS
    assert "NOR1" not in run(in_root, "validate", "--records", str(records)).output  # no error of a record
    items = check_json(in_root, "2021-06-15", records)
    assert items[f"2021-05-31-sovesh#1.3/{THREE[0]}"]["documents"][0]["text"] == (
        "срок продлён до 21.06.2021 информацией о ходе исполнения от 15.06.2021, п. 2")  # fmt: skip
    from nor_docs.control.links import cite
    from nor_docs.pipeline import load_checked

    loaded = load_checked(records).records
    report = loaded.meetings["2021-06-15-nevsky-ispolnenie"]
    assert loaded.kind_of(report).id == ("protocol" if legacy else "report")
    assert [cite(report, loaded, "1", case) for case in ("nominative", "genitive", "instrumental")] == [
        "Информация о ходе исполнения от 15.06.2021, п.\u00a01",
        "информации о ходе исполнения от 15.06.2021, п.\u00a01",
        "информацией о ходе исполнения от 15.06.2021, п.\u00a01",
    ]


def test_a_protocol_that_decides_and_hears_reports_is_cited_as_a_protocol(in_root, tmp_path):
    from nor_docs.control.links import cite
    from nor_docs.pipeline import load_checked

    records = _legacy_report(tmp_path)
    report = records / "meetings" / "2021-06-15-nevsky-ispolnenie.yaml"
    report.write_text(report.read_text(encoding="utf-8") + "decisions:\n  - number: 1\n    text: Информацию принять к "
                      "сведению.\n", encoding="utf-8")  # fmt: skip
    loaded = load_checked(records).records
    assert cite(loaded.meetings["2021-06-15-nevsky-ispolnenie"], loaded) == "Протокол от 15.06.2021"


def test_reports_in_a_kind_that_neither_reports_nor_is_a_protocol_is_nor123(in_root, tmp_path):
    records = tmp_path / "records"
    shutil.copytree(REPORT_RECORDS, records)
    report = records / "meetings" / "2021-06-15-nevsky-ispolnenie.yaml"
    report.write_text(report.read_text(encoding="utf-8").replace("document: report\n", "document: order\n")
                      .replace("unsigned: true", "unsigned: true\ndecisions:\n  - number: 1\n    text: Принять к "
                               "сведению."), encoding="utf-8")  # fmt: skip
    result = run(in_root, "validate", "--records", str(records))
    assert result.exit_code == 2  # exitcodes: errors in the records
    assert [line for line in result.output.splitlines() if "NOR123" in line] == [
        f"{records}/meetings/2021-06-15-nevsky-ispolnenie.yaml:14:3: NOR123 поле «reports» не бывает у вида «приказ»: в "
        "документ оно не попадёт; информацию о ходе исполнения пишите отдельным документом (document: report)",
    ]


@pytest.mark.libreoffice
def test_the_chain_reads_in_libreoffice(in_root, tmp_path, tmp_path_factory):
    import subprocess

    from real_client import to_pdf

    result = run(in_root, "build", "control", "--records", "tests/data/links/records", "--today", "2019-06-10",
                 "--out", str(tmp_path / "sheet"))  # fmt: skip
    assert result.exit_code == 0, result.output
    (pdf,) = to_pdf([tmp_path / "sheet" / "control-sheet-2019-06-10.docx"], tmp_path_factory).values()
    raw = subprocess.run(["pdftotext", "-raw", str(pdf), "-"], capture_output=True, text=True).stdout
    text = " ".join(plain(raw).split())  # -raw: cell by cell, as written; lines wrap in a cell
    for words in ("снято с контроля как исполненное протоколом от 12.04.2019 № 37, п. 1",
                  "продлён до 01.06.2019 протоколом от 12.04.2019 № 37, п. 2",
                  "снято с контроля 12.04.2019 протоколом от 12.04.2019 № 37, п. 3",
                  "Рассмотрено: Протокол от 08.02.2019 № V-35/9"):  # fmt: skip
        assert words in text


def test_the_importer_does_not_read_a_paragraph_information_as_a_report_heading():
    """«Информация о …» opens many paragraphs of orders and protocols; the importer reads no
    ``reports:`` entries, so the report kind is not one it recognises a paper by."""
    from nor_docs.importer.act import act_kinds

    ids = {kind.id for kind in act_kinds()}
    assert "report" not in ids and {"order", "directive", "instructions"} <= ids
