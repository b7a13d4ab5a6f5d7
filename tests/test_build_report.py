"""``nor-docs build report``: the report on execution built from marks («Информация о ходе
исполнения поручений … по состоянию на …», ``templates/report.docx``), read back with python-docx
and opened in LibreOffice; ``--draft`` as a ``reports:`` record that validates when kept; the
selection; the output rules every build follows."""

from __future__ import annotations

import shutil
import subprocess
import textwrap
from pathlib import Path

import pytest
import yaml
from conftest import ROOT
from control_sheet_reader import read_sheet

from nor_docs.cli import cli
from nor_docs.control.status import control_items
from nor_docs.pipeline import load_checked

TEMPLATES = ROOT / "templates"
MEETING = "2023-01-31-petrozavodsk"
AS_OF = "2023-03-15"
# Marks of the Petrozavodsk protocol (records/meetings/2023-01-31-petrozavodsk.yaml): one in time,
# one late, an extension and the mark within it, a cancellation.
MARKS = textwrap.dedent("""\
    # yaml-language-server: $schema=../../nor_docs/schemas/marks.schema.json
    marks:
      - assignment: 2023-01-31-petrozavodsk#1.3.1
        member: petrozavodsk-sosh55
        date: 20.02.2023
        document: аналитическая справка
        number: "5"
      - assignment: 2023-01-31-petrozavodsk#2
        member: petrozavodsk-sosh3
        date: 09.03.2023
        document: отчёт о проведении
      - assignment: 2023-01-31-petrozavodsk#1.3
        member: petrozavodsk-sosh6
        date: 03.03.2023
        document: план мероприятий
    extensions:
      - assignment: 2023-01-31-petrozavodsk#2
        member: petrozavodsk-sosh3
        new_deadline: 10.03.2023
        requested: 20.02.2023
        approved: 21.02.2023
        approved_by: petrozavodsk-pakhomova
        basis: служебная записка директора
    cancellations:
      - assignment: 2023-01-31-petrozavodsk#1.2
        member: petrozavodsk-sosh9
        date: 01.03.2023
        by: petrozavodsk-pakhomova
        basis: школа реорганизована, приказ № 12 от 27.02.2023
""")


@pytest.fixture
def marked(records_copy: Path) -> Path:
    (records_copy / "marks").mkdir(exist_ok=True)
    (records_copy / "marks" / "report-demo.yaml").write_text(MARKS, encoding="utf-8")
    return records_copy


def _build(runner, records: Path, out: Path, *args: str):
    return runner.invoke(cli, ["build", "report", "--records", str(records), "--templates", str(TEMPLATES),
                               "--out", str(out), "--as-of", AS_OF, *args])  # fmt: skip


def _member(row, name: str):
    return next(m for m in row.members if m["name"] == name)


def test_the_report_reads_back_with_citations_marks_statuses_and_summary(runner, marked, tmp_path):
    out = tmp_path / "reports"
    result = _build(runner, marked, out, "--meeting", MEETING, "--compiled-by", "petrozavodsk-pakhomova")
    assert result.exit_code == 0, result.output
    path = out / f"report-{AS_OF}-meeting-{MEETING}.docx"
    assert result.output.splitlines()[0] == (
        f"{path.as_posix()}: поручений — 8 (по исполнителям — 120), исполнено — 0 (3), просрочено — 6 (86), "
        "снято с контроля — 0 (1)"
    )
    sheet = read_sheet(path)
    assert sheet.paragraphs[1:4] == ["ИНФОРМАЦИЯ", "о ходе исполнения поручений", "по состоянию на 15.03.2023"]
    assert sheet.header == ["№ п/п", "Что поручено (документ, дата, пункт, содержание)", "Срок исполнения",
                            "Исполнитель", "Что сделано (отметки об исполнении, продление, снятие с контроля)",
                            "Статус на 15.03.2023"]  # fmt: skip
    assert sheet.header_repeats
    assert [g.title.split(" от ")[0] for g in sheet.groups] == [
        "Протокол совещания руководителей муниципальных общеобразовательных организаций Петрозаводского городского округа"
    ]
    rows = sheet.rows
    assert [r.source for r in rows] == [f"Протокол от 31.01.2023, п. {n}" for n in
                                        ("1.2", "1.3", "1.3.1", "1.4", "2", "3", "4", "5")]  # fmt: skip
    by_item = {r.source.rsplit(" ", 1)[1]: r for r in rows}
    assert _member(by_item["1.3.1"], "МОУ «Средняя школа № 55»").cells == {
        "deadline": "", "name": "МОУ «Средняя школа № 55»", "marks": "20.02.2023 — аналитическая справка, № 5",
        "status": "исполнено"}  # fmt: skip
    assert _member(by_item["1.3"], "МОУ «Средняя школа № 6»")["status"] == "исполнено с нарушением срока (на 3 дня)"
    extended = _member(by_item["2"], "МОУ «Средняя школа № 3»")
    assert extended["marks"] == ("продлён до 10.03.2023 (утверждено 21.02.2023, Пахомова С.А.; основание — "
                                 "служебная записка директора)\n09.03.2023 — отчёт о проведении")  # fmt: skip
    assert extended["status"] == "исполнено" and extended["deadline"] == ""
    cancelled = _member(by_item["1.2"], "МОУ «Средняя школа № 9»")
    assert cancelled["marks"] == "снято с контроля 01.03.2023, Пахомова С.А.: школа реорганизована, приказ № 12 от 27.02.2023"
    assert cancelled["status"] == "снято с контроля"
    assert _member(by_item["1.2"], "МОУ «Средняя школа № 3»")["status"] == "просрочено (15 дней; срок по умолчанию)"
    assert by_item["1.2"]["status"] == "просрочено — 14\nснято с контроля — 1"
    assert "срок по умолчанию — 28.02.2023" in by_item["1.2"]["deadline"]
    assert sheet.summary == [
        {"label": "Поручений", "total": "8", "overdue": "6", "due_week": "0", "pending": "2", "done": "0",
         "done_late": "0", "cancelled": "0"},
        {"label": "Исполнителей по поручениям", "total": "120", "overdue": "86", "due_week": "0", "pending": "30",
         "done": "2", "done_late": "1", "cancelled": "1"},
    ]  # fmt: skip
    assert "Итого на 15.03.2023" in sheet.paragraphs
    assert sheet.compiled[0].startswith("Составил: Заместитель председателя комитета") and sheet.compiled[2] == "С.А. Пахомова"
    assert (TEMPLATES / "report.docx").read_bytes()[:2] == b"PK"


def test_the_same_records_and_day_give_the_same_bytes(runner, marked, tmp_path):
    first, second = tmp_path / "a", tmp_path / "b"
    assert _build(runner, marked, first).exit_code == 0
    assert _build(runner, marked, second).exit_code == 0
    name = f"report-{AS_OF}.docx"
    assert (first / name).read_bytes() == (second / name).read_bytes()


def test_a_selection_names_itself_and_keeps_only_its_parts(runner, marked, tmp_path):
    result = _build(runner, marked, tmp_path, "--executor", "petrozavodsk-sosh3")
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[1] == "Отбор: исполнитель — МОУ «Средняя школа № 3»."
    sheet = read_sheet(tmp_path / f"report-{AS_OF}-executor-petrozavodsk-sosh3.docx")
    assert "Отбор: исполнитель — МОУ «Средняя школа № 3»." in sheet.paragraphs
    names = {m["name"] for r in sheet.rows for m in r.members} | {r["executor"].split("\n")[0] for r in sheet.rows}
    assert "МОУ «Средняя школа № 55»" not in names and "МОУ «Средняя школа № 3»" in names
    assert all(r.source.startswith("Протокол от 31.01.2023") for r in sheet.rows)


def test_the_draft_is_a_record_that_validates_and_agrees_with_the_marks(runner, marked, tmp_path):
    result = runner.invoke(cli, ["build", "report", "--records", str(marked), "--as-of", AS_OF, "--meeting", MEETING,
                                 "--draft"])  # fmt: skip
    assert result.exit_code == 0, result.stderr
    record = yaml.safe_load(result.stdout)
    assert record["issuer"] == "petrozavodsk-uo" and record["date"] == "15.03.2023" and record["unsigned"] is True
    entries = {(e["assignment"], e["meaning"]): e for e in record["reports"]}
    assert entries[(f"{MEETING}#1.3.1", "done")] == {
        "number": 6, "assignment": f"{MEETING}#1.3.1", "members": ["petrozavodsk-sosh55"], "status": "исполнено",
        "meaning": "done", "text": "20.02.2023 — аналитическая справка, № 5"}  # fmt: skip
    assert entries[(f"{MEETING}#1.2", "cancelled")]["members"] == ["petrozavodsk-sosh9"]
    assert entries[(f"{MEETING}#1.3", "done")]["status"] == "исполнено с нарушением срока (на 3 дня)"
    assert "members" not in entries[(f"{MEETING}#1.4", "in-progress")]  # every part alike: the whole assignment
    assert entries[(f"{MEETING}#2", "done")]["text"].startswith("продлён до 10.03.2023")
    assert len(entries[(f"{MEETING}#1.2", "not-done")]["members"]) == 14
    # kept as a record: it validates, agrees with the marks (no NOR217) and changes no status
    before = {i.id: i.status for i in control_items(load_checked(marked).records, _day(AS_OF), 3)}
    (marked / "documents").mkdir()
    (marked / "documents" / f"{AS_OF}-informaciya.yaml").write_text(result.stdout, encoding="utf-8")
    checked = load_checked(marked)
    assert not checked.errors
    assert not [d for d in checked.diagnostics if "informaciya" in d.file]
    assert len(checked.records.meetings[f"{AS_OF}-informaciya"].reports) == len(record["reports"])
    assert {i.id: i.status for i in control_items(checked.records, _day(AS_OF), 3)} == before
    assert runner.invoke(cli, ["validate", "--records", str(marked)]).exit_code == 0
    # a document of its own kind: built by build protocols as «ИНФОРМАЦИЯ», its entries as the table
    assert record["document"] == "report" and "kind" not in record
    built = runner.invoke(cli, ["build", "protocols", "--records", str(marked), "--templates", str(TEMPLATES),
                                "--out", str(tmp_path / "built"), "--no-progress"])  # fmt: skip
    assert built.exit_code == 0, built.output
    sheet = read_sheet(tmp_path / "built" / f"{AS_OF}-informaciya.docx")
    assert sheet.paragraphs[1:4] == ["ИНФОРМАЦИЯ", "о ходе исполнения поручений по состоянию на 15.03.2023",
                                     "15.03.2023"]  # fmt: skip
    assert "ПРОТОКОЛ" not in "\n".join(sheet.paragraphs)
    assert [r["status"] for r in sheet.rows] == [e["status"] for e in record["reports"]]
    # the heading and the title say what it is and on which day; the intro says only the selection
    assert record["intro"].startswith("Отбор: ") and "о ходе исполнения" not in record["intro"]
    assert [p for p in sheet.paragraphs if "о ходе исполнения поручений" in p.lower()] == [sheet.paragraphs[2]]


def test_the_draft_of_a_selection_says_the_selection_in_its_intro(runner, marked):
    result = runner.invoke(cli, ["build", "report", "--records", str(marked), "--as-of", AS_OF, "--draft",
                                 "--executor", "petrozavodsk-sosh3"])  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert yaml.safe_load(result.stdout)["intro"] == "Отбор: исполнитель — МОУ «Средняя школа № 3»."
    # with no selection there is no intro at all: docs/report.md's example, pinned by
    # test_the_example_of_the_manual_reads_as_the_manual_says


def _day(text: str):
    import datetime as dt

    return dt.date.fromisoformat(text)


def test_the_draft_asks_whose_report_it_is_when_several_offices_gave_assignments(runner, marked):
    result = runner.invoke(cli, ["build", "report", "--records", str(marked), "--as-of", AS_OF, "--draft"])
    assert result.exit_code == 3  # exitcodes.USAGE
    assert "укажите --issuer" in result.stderr and result.stdout == ""
    named = runner.invoke(cli, ["build", "report", "--records", str(marked), "--as-of", AS_OF, "--draft",
                                "--issuer", "petrozavodsk-uo", "--compiled-by", "petrozavodsk-pakhomova"])  # fmt: skip
    assert named.exit_code == 0
    record = yaml.safe_load(named.stdout)
    assert record["signers"][0]["person"] == "petrozavodsk-pakhomova" and "unsigned" not in record


def test_output_rules_of_a_build(runner, marked, tmp_path, monkeypatch):
    inside = _build(runner, marked, marked / "out")
    assert inside.exit_code == 4 and "находится внутри папки записей" in inside.stderr
    assert not (marked / "out").exists()
    unknown = _build(runner, marked, tmp_path, "--compiled-by", "pahomova")
    assert unknown.exit_code == 3 and "неизвестное лицо «pahomova»" in unknown.stderr
    (marked / "marks" / "report-demo.yaml").write_text(MARKS.replace('number: "5"', "number: [5]"), encoding="utf-8")
    broken = _build(runner, marked, tmp_path)
    assert broken.exit_code == 2 and "сначала исправьте записи" in broken.stderr
    assert not list(tmp_path.glob("*.docx"))


def test_a_document_that_fails_to_render_is_nor313_and_nothing_is_written(runner, marked, tmp_path, monkeypatch):
    import nor_docs.build.report as report

    def failing(*_args, **_kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(report, "report_view", failing)
    result = _build(runner, marked, tmp_path)
    assert result.exit_code == 1 and "NOR313" in result.stderr
    assert not list(tmp_path.glob("*.docx"))


def test_a_missing_template_is_nor303(runner, marked, tmp_path):
    empty = tmp_path / "templates"
    empty.mkdir()
    result = runner.invoke(cli, ["build", "report", "--records", str(marked), "--templates", str(empty),
                                 "--out", str(tmp_path / "out"), "--as-of", AS_OF])  # fmt: skip
    assert result.exit_code == 1 and "NOR303" in result.stderr and "make templates" in result.stderr


@pytest.mark.libreoffice
def test_libreoffice_opens_the_report_as_the_head_reads_it(runner, marked, tmp_path):
    soffice = shutil.which("soffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) не установлен")
    assert _build(runner, marked, tmp_path, "--executor", "petrozavodsk-sosh3").exit_code == 0
    docx_path = tmp_path / f"report-{AS_OF}-executor-petrozavodsk-sosh3.docx"
    subprocess.run([soffice, f"-env:UserInstallation=file://{tmp_path}/profile", "--headless", "--convert-to", "pdf",
                    "--outdir", str(tmp_path), str(docx_path)], check=True, capture_output=True, timeout=180)  # fmt: skip
    pdf = docx_path.with_suffix(".pdf")
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    first = text.split("\f")[0]
    assert "ИНФОРМАЦИЯ" in first and "о ходе исполнения поручений" in first and "по состоянию на 15.03.2023" in first
    assert "Статус на" in first and "Протокол от 31.01.2023, п. 1.2" in first
    assert "продлён до 10.03.2023" in text and "Итого на 15.03.2023" in text and "Составил" in text
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert "841.89 x 595.304 pts (A4)" in info  # landscape


def test_the_example_of_the_manual_reads_as_the_manual_says(runner, tmp_path, monkeypatch):
    """docs/report.md: an extension shows in «что сделано», the deadline keeps its date as given."""
    import re

    page = (ROOT / "docs" / "report.md").read_text(encoding="utf-8")
    for name, body in re.findall(r"^```yaml file=(\S+)\n(.*?)^```$", page, re.M | re.S):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(body, encoding="utf-8")
    result = _build(runner, tmp_path / "records", tmp_path / "out", "--compiled-by", "ivanova", "--as-of", "2024-03-15")
    assert result.exit_code == 0, result.output
    sheet = read_sheet(tmp_path / "out" / "report-2024-03-15.docx")
    first, second = sheet.rows
    assert first["status"] == "просрочено — 1\nисполнено — 1"
    assert [(m["name"], m["marks"], m["status"]) for m in first.members] == [
        ("Петров С.В.", "28.02.2024 — аналитическая справка, № 14", "исполнено"),
        ("Сидорова А.Н.", "", "просрочено (14 дней)")]  # fmt: skip
    assert second["deadline"] == "до 01.04.2024\nконтрольный срок — 01.04.2024"
    assert second["marks"] == ("продлён до 15.04.2024 (утверждено 04.03.2024, Иванова М.П.; основание — служебная "
                               "записка директора)")  # fmt: skip
    assert second["status"] == "срок продлён"
    assert sheet.compiled[:3] == ["Составил: Начальник управления", "____________________", "М.П. Иванова"]
    # the draft the page shows is the command's output; kept, build protocols builds it as «ИНФОРМАЦИЯ»
    command = "$ nor-docs build report --records records --as-of 2024-03-15 --compiled-by ivanova --draft\n"
    shown = page.split(command, 1)[1].split("```", 1)[0]
    monkeypatch.chdir(tmp_path)
    draft = runner.invoke(cli, command[len("$ nor-docs "):].split())
    assert draft.exit_code == 0 and draft.stdout == shown
    (tmp_path / "records" / "documents").mkdir()
    (tmp_path / "records" / "documents" / "2024-03-15-informaciya.yaml").write_text(draft.stdout, encoding="utf-8")
    built = runner.invoke(cli, ["build", "protocols", "--records", "records", "--templates", str(TEMPLATES),
                                "--out", "build/protocols", "--no-progress"])  # fmt: skip
    assert built.exit_code == 0 and "Собрано протоколов: 2 из 2" in built.stdout, built.output
    assert "`build/protocols/2024-03-15-informaciya.docx`: «ИНФОРМАЦИЯ», три строки" in " ".join(page.split())
    info = read_sheet(tmp_path / "build" / "protocols" / "2024-03-15-informaciya.docx")
    assert info.paragraphs[1] == "ИНФОРМАЦИЯ"
    assert [r["status"] for r in info.rows] == ["исполнено", "просрочено (14 дней)", "срок продлён"]
    assert info.compiled[:3] == ["Начальник управления", "____________________", "М.П. Иванова"]


def test_several_meetings_at_once_and_an_unknown_one_refused(runner, marked, tmp_path):
    result = _build(runner, marked, tmp_path, "--meeting", MEETING, "--meeting", "2023-12-14-mun4-wg",
                    "--as-of", "2024-06-01")  # fmt: skip
    assert result.exit_code == 0, result.output
    sheet = read_sheet(tmp_path / f"report-2024-06-01-meeting-{MEETING}-meeting-2023-12-14-mun4-wg.docx")
    assert {r.source.split(",")[0] for r in sheet.rows} == {"Протокол от 31.01.2023", "Протокол от 14.12.2023 № 4"}
    assert [g.title.split(" от ")[-1] for g in sheet.groups] == ["31.01.2023 (поручений — 8, просрочено — 6)",
                                                                  "14.12.2023 № 4 (поручений — 1, просрочено — 1)"]  # fmt: skip
    wrong = _build(runner, marked, tmp_path, "--meeting", MEETING, "--meeting", "2023-12-14-mun4-w")
    assert wrong.exit_code == 3 and "возможно, «2023-12-14-mun4-wg»?" in wrong.stderr


def test_a_real_report_typed_from_paper_shows_in_the_built_one(runner, tmp_path):
    """tests/data/links/report: the Nevsky district's «Исполнение поручения» (a real paper) extends
    п. 1.3 for three kindergartens; the built report on its day shows the extension with that paper
    as its basis, the other eight as overdue (the paper's «изменения внесены» is not a mark)."""
    records = ROOT / "tests" / "data" / "links" / "report" / "records"
    result = _build(runner, records, tmp_path, "--as-of", "2021-06-15")
    assert result.exit_code == 0, result.output
    (row,) = read_sheet(tmp_path / "report-2021-06-15.docx").rows
    assert row.source == "Протокол от 31.05.2021, п. 1.3" and row["status"] == "просрочено — 8\nсрок продлён — 3"
    extended = {m["name"]: m["marks"] for m in row.members if m["status"] == "срок продлён"}
    assert extended == dict.fromkeys(("ГБДОУ № 113", "ГБДОУ № 135", "ГБДОУ № 137"),
                                     "продлён до 21.06.2021 информацией о ходе исполнения от 15.06.2021, п. 2")  # fmt: skip
    assert "Сообщено: Информация о ходе исполнения от 15.06.2021, п. 2 (ГБДОУ № 113, ГБДОУ № 135, ГБДОУ № 137)" in row["task"]


NEVSKY = ROOT / "tests" / "data" / "links" / "report" / "records"


def _build_protocols(runner, records: Path, out: Path):
    return runner.invoke(cli, ["build", "protocols", "--records", str(records), "--templates", str(TEMPLATES),
                               "--out", str(out), "--no-progress"])  # fmt: skip


def test_a_report_record_built_by_build_protocols_prints_its_entries_as_written(runner, tmp_path):
    """The Nevsky paper as a record of kind ``report``: «ИНФОРМАЦИЯ», its title and day, its words before
    the table, a row per entry — the assignment it is about, whose parts, what was done, the status as the
    paper writes it (not the marks'), the new term; «не выполнено» shaded; no «ПРОТОКОЛ», no signature line."""
    result = _build_protocols(runner, NEVSKY, tmp_path)
    assert result.exit_code == 0, result.output
    sheet = read_sheet(tmp_path / "2021-06-15-nevsky-ispolnenie.docx")
    assert sheet.paragraphs[:4] == ["Отдел образования администрации Невского района", "ИНФОРМАЦИЯ",
                                    "Исполнение поручения", "15.06.2021"]  # fmt: skip
    assert sheet.paragraphs[4].startswith("Отдел образования информирует, что в рамках проверки исполнения п.1.3.")
    assert not any("ПРОТОКОЛ" in p or "Составил" in p for p in sheet.paragraphs)
    assert sheet.header[-1] == "Статус на 15.06.2021" and sheet.compiled == []
    assert [g.title for g in sheet.groups] == ["Протокол совещания руководителей ГБДОУ от 31.05.2021 (поручений — 1)"]
    done, failed = sheet.rows
    assert (done["number"], failed["number"]) == ("1", "2")
    assert done.source == failed.source == "Протокол от 31.05.2021, п. 1.3"
    assert done["executor"].split("\n") == ["ГБДОУ № 11", "ГБДОУ № 36", "ГБДОУ № 38", "ГБДОУ № 60", "ГБДОУ № 83",
                                            "ГБДОУ № 123", "ГБДОУ № 142", "ОДОД ГБОУ № 458"]  # fmt: skip
    assert done["status"] == "изменения внесены, локальный акт содержит изменения и утвержден после 01.06.2021."
    assert done["marks"] == "" and done["deadline"] == "до 01.06.2021"
    assert failed["status"] == "поручение не выполнено."
    assert failed["marks"].startswith("Локальный акт ГБДОУ №113 от 14.04.2016")
    assert failed["deadline"] == "до 01.06.2021\nновый срок: до 21.06.2021"
    assert failed.fills - {None} and not done.fills - {None}  # the paper's «не выполнено» shaded as overdue rows


def test_a_report_record_with_a_signer_is_signed_by_them(runner, tmp_path):
    records = tmp_path / "records"
    shutil.copytree(NEVSKY, records)
    report = records / "meetings" / "2021-06-15-nevsky-ispolnenie.yaml"
    signed = "signers:\n  - {person: nevsky-head}\n"  # the directory's position
    report.write_text(report.read_text(encoding="utf-8").replace("unsigned: true  # опубликована без подписи\n", signed),
                      encoding="utf-8")  # fmt: skip
    result = _build_protocols(runner, records, tmp_path / "out")
    assert result.exit_code == 0, result.output
    sheet = read_sheet(tmp_path / "out" / "2021-06-15-nevsky-ispolnenie.docx")
    assert sheet.compiled[:3] == ["Начальник отдела образования", "____________________", "А.А. Иванова"]


@pytest.mark.libreoffice
def test_libreoffice_opens_a_report_record_as_information_not_a_protocol(runner, tmp_path):
    soffice = shutil.which("soffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) не установлен")
    assert _build_protocols(runner, NEVSKY, tmp_path).exit_code == 0
    docx_path = tmp_path / "2021-06-15-nevsky-ispolnenie.docx"
    subprocess.run([soffice, f"-env:UserInstallation=file://{tmp_path}/profile", "--headless", "--convert-to", "pdf",
                    "--outdir", str(tmp_path), str(docx_path)], check=True, capture_output=True, timeout=180)  # fmt: skip
    text = subprocess.run(["pdftotext", "-raw", str(docx_path.with_suffix(".pdf")), "-"], capture_output=True,
                          text=True, check=True).stdout  # fmt: skip
    words = " ".join(text.split())
    assert "ИНФОРМАЦИЯ" in words and "ПРОТОКОЛ" not in words and "РЕШИЛИ" not in words
    for expected in ("Исполнение поручения", "Статус на", "Протокол от 31.05.2021, п. 1.3",
                     "поручение не выполнено.", "новый срок: до 21.06.2021", "ОДОД ГБОУ № 458"):  # fmt: skip
        assert expected in words


def test_the_draft_writes_what_several_members_share_once(runner):
    records = ROOT / "tests" / "data" / "links" / "report" / "records"
    result = runner.invoke(cli, ["build", "report", "--records", str(records), "--as-of", "2021-06-22", "--draft"])
    assert result.exit_code == 0, result.stderr
    late = yaml.safe_load(result.stdout)["reports"][1]
    assert late == {"number": 2, "assignment": "2021-05-31-sovesh#1.3", "members": ["gbdou-113", "gbdou-135", "gbdou-137"],
                    "status": "просрочено (1 день)", "meaning": "not-done",
                    "text": "продлён до 21.06.2021 информацией о ходе исполнения от 15.06.2021, п. 2"}  # fmt: skip
