"""``nor-docs check`` through CliRunner: every format, exit codes, the JSON contract, CI limits."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path
from xml.etree import ElementTree as ET

import jsonschema
import pytest

from nor_docs.cli import cli

ROOT = Path(__file__).resolve().parent.parent
RECORDS = Path(__file__).resolve().parent / "data" / "control"
SCHEMA = json.loads((ROOT / "docs" / "check.schema.json").read_text(encoding="utf-8"))


def check(runner, *args, records=RECORDS, env=None):
    return runner.invoke(cli, ["check", "--records", str(records), *args], env=env)


def write_records(root: Path, decisions: list[tuple[str, str]], date="01.02.2023") -> Path:
    """A minimal records folder: one person, one meeting with the given (text, deadline)."""
    (root / "directory").mkdir(parents=True)
    (root / "meetings").mkdir()
    (root / "directory" / "d.yaml").write_text(textwrap.dedent("""\
        # yaml-language-server: $schema=x
        organizations:
          - id: uo
            name: Управление образования
            kind: управление образования
        people:
          - id: ivanova
            surname: Иванова
            first_name: Анна
            patronymic: Петровна
        """), encoding="utf-8")  # fmt: skip
    lines = ["# yaml-language-server: $schema=x", "kind: совещание", "title: совещания", "issuer: uo",
             f"date: {date}", "decisions:"]  # fmt: skip
    for n, (text, deadline) in enumerate(decisions, 1):
        lines += [f"  - number: {n}", "    executors: [ivanova]", f"    text: {text}", f"    deadline: {deadline}"]
    (root / "meetings" / "m.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return root


# --- text -----------------------------------------------------------------------------------------


def test_text_lists_overdue_first_then_due_soon_grouped_by_executor(runner):
    result = check(runner, "--today", "2023-02-22")
    assert result.exit_code == 1, result.output
    out = result.output
    assert out.startswith("Контроль исполнения поручений на 22.02.2023")
    overdue, soon = out.index("ПРОСРОЧЕНО — 2"), out.index("СРОК ИСТЕКАЕТ — 4")
    assert overdue < soon
    # The most overdue executor first: Kuznetsk (502 days), then school № 7 (1 day).
    assert out.index("МБОУ СОШ №10 (kuz-s10) — 1") < out.index("МОУ «Средняя школа № 7» (ptz-s7)") < soon
    assert "08.10.2021  502 дня" in out
    assert "2023-01-31-ptz#4 Разработать «Дорожную карту»" in out
    assert f"{RECORDS}/meetings/2023-01-31-ptz.yaml:29" in out
    assert "через 5 дней" in out  # 27.02 seen from 22.02
    assert out.rstrip().endswith("исполнено — 1, снято с контроля — 1.")


def test_text_executors_with_the_same_rows_share_a_heading(runner):
    out = check(runner, "--today", "2023-02-20").output
    assert "МОУ «Средняя школа № 6»; МОУ «Средняя школа № 7» — 2 исполнителя, у каждого 3" in out
    assert out.count("2023-01-31-ptz#4 Разработать") == 1
    assert "МОУ «Средняя школа № 3» (ptz-s3) — 1" in out


def test_exit_0_when_nothing_is_overdue(runner):
    result = check(runner, "--today", "2021-10-01")  # only the Kuznetsk assignment exists, due 08.10
    assert result.exit_code == 0, result.output
    assert "Просроченных поручений нет; ни у одного срок не истекает в пределах 3 рабочих дней." in result.output


def test_warn_days_option(runner):
    # 20.02.2023: 27.02 is 3 working days away (23–26 February are days off).
    assert "2023-01-31-ptz#2" in check(runner, "--today", "2023-02-20").output
    assert "2023-01-31-ptz#2" not in check(runner, "--today", "2023-02-20", "--warn-days", "2").output
    zero = check(runner, "--today", "2023-02-21", "--warn-days", "0").output
    assert "2023-01-31-ptz#4" in zero and "сегодня" in zero and "2023-01-31-ptz#2" not in zero


def test_today_accepts_both_date_forms_and_rejects_others(runner):
    assert check(runner, "--today", "22.02.2023").output == check(runner, "--today", "2023-02-22").output
    bad = check(runner, "--today", "2023-02-30")
    assert bad.exit_code == 3 and "такой даты нет" in bad.output  # a usage error


# --- json: the contract ---------------------------------------------------------------------------


def test_json_matches_the_documented_schema(runner):
    for today in ("2021-10-09", "2023-02-22", "2023-03-02", "2024-06-11", "2024-12-30"):
        result = check(runner, "--today", today, "--format", "json")
        payload = json.loads(result.output)
        jsonschema.validate(payload, SCHEMA)
        assert payload["today"] == today
        assert result.exit_code == (1 if payload["summary"]["overdue"] else 0)


def test_json_items_carry_the_contract_fields(runner):
    payload = json.loads(check(runner, "--today", "2023-03-02", "--format", "json").output)
    items = {i["id"]: i for i in payload["items"]}
    item = items["2023-01-31-ptz#4/ptz-s7"]
    assert item["assignment"] == "2023-01-31-ptz#4" and item["member"] == "ptz-s7"
    assert item["meeting"] == "2023-01-31-ptz" and item["roadmap"] is None
    assert item["executor"] == "ptz-s7" and item["executors"] == ["ptz-heads"]
    assert item["deadline"] == "2023-02-21" and item["deadline_as_written"] == "в срок до 21.02.2023"
    assert item["status"] == "overdue" and item["days_overdue"] == 9
    assert item["file"] == f"{RECORDS}/meetings/2023-01-31-ptz.yaml" and item["line"] == 29
    line = Path(item["file"]).read_text(encoding="utf-8").splitlines()[item["line"] - 1]
    assert line.strip() == "- number: 4"  # the line points at the assignment
    kuz = items["2021-09-29-kuznetsk#4.2"]
    assert kuz["member"] is None and kuz["deadline"] == "2021-10-08"
    assert kuz["points"][0]["nominal"] == "2021-10-10"
    extended = items["2023-01-31-ptz#2/ptz-s7"]
    assert extended["status"] == "extended" and extended["deadline"] == "2023-03-15"
    assert extended["extensions"][0]["approved"] == "2023-03-01"
    assert payload["summary"]["total"] == len(payload["items"])
    s3 = next(r for r in payload["discipline"] if r["executor"] == "ptz-s3")
    assert s3["on_time_share"] == 0.5


def test_json_quarter_half_year_and_annual_deadlines(runner, tmp_path):
    records = write_records(tmp_path / "records", [
        ("Провести мониторинг", "I квартал 2024 года"),
        ("Представить отчёт", "ежегодно до 20 января"),
        ("Провести семинары", "II полугодие 2024 г."),
    ], date="15.01.2024")  # fmt: skip
    result = check(runner, "--today", "2024-04-02", "--format", "json", records=records)
    payload = json.loads(result.output)
    jsonschema.validate(payload, SCHEMA)
    items = {i["id"]: i for i in payload["items"]}
    quarter, annual, half = items["m#1"], items["m#2"], items["m#3"]
    # 31.03.2024 was a Sunday: due Friday 29.03.2024, four days overdue on 02.04.
    assert (quarter["deadline_kind"], quarter["deadline_as_written"]) == ("period", "I квартал 2024 года")
    assert (quarter["status"], quarter["deadline"], quarter["days_overdue"]) == ("overdue", "2024-03-29", 4)
    assert quarter["points"][0]["label"] == "1 квартал 2024" and quarter["points"][0]["nominal"] == "2024-03-31"
    # Issued 15.01.2024, before 20 January: this year's report counts (20.01.2024 a Saturday).
    assert (annual["deadline_kind"], annual["status"], annual["deadline"]) == ("recurring", "overdue", "2024-01-19")
    assert [p["label"] for p in annual["points"]] == ["2023 год", "2024 год"]
    assert (half["status"], half["deadline"]) == ("open", "2024-12-28")
    assert result.exit_code == 1


def test_text_names_an_unreadable_quarter_with_the_way_out(runner, tmp_path):
    records = write_records(tmp_path / "records", [("Провести мониторинг", "V квартал 2024 года"),
                                                   ("Сдать отчёт", "ежегодно до 30 февраля")])  # fmt: skip
    result = check(runner, "--today", "2024-04-02", records=records)
    assert result.exit_code == 2
    assert "m.yaml:10:15: NOR106 в году четыре квартала, а в сроке «V квартал 2024 года» — «V»" in result.output
    assert "m.yaml:14:15: NOR105 такой даты нет: «30 февраля»" in result.output


def test_json_roadmap_items_name_their_roadmap(runner):
    payload = json.loads(check(runner, "--today", "2024-07-11", "--format", "json").output)
    item = next(i for i in payload["items"] if i["id"] == "ptz-roadmap-2024#1.1")
    assert item["origin"] == "roadmap" and item["roadmap"] == "ptz-roadmap-2024" and item["meeting"] is None
    assert item["issued"] == "2024-01-15"  # the approval date
    assert [p["closed_on"] for p in item["points"]] == ["2024-04-05", None]


def test_every_contract_field_is_documented_in_the_manual():
    page = (ROOT / "docs" / "check.md").read_text(encoding="utf-8")
    section = page[page.index("### JSON-вывод"):]
    item_fields = SCHEMA["properties"]["items"]["items"]["required"]
    for field in [*SCHEMA["required"], *item_fields]:
        assert f"`{field}`" in section, field


def test_json_lines_are_the_item_records(runner):
    # The writer encodes shared parts once; what it writes must be exactly item_record's dict.
    import datetime as dt

    from nor_docs.control.status import control_items
    from nor_docs.pipeline import load_checked as load_and_validate
    from nor_docs.report.json import item_record

    records, _ = load_and_validate(RECORDS)
    for today in ("2023-02-22", "2023-03-02", "2024-06-11"):
        expected = [item_record(i, records) for i in control_items(records, dt.date.fromisoformat(today))]
        written = json.loads(check(runner, "--today", today, "--format", "json").output)["items"]
        assert written == expected
        assert [list(w) for w in written] == [list(e) for e in expected]  # the same key order


def test_json_is_deterministic(runner):
    first = check(runner, "--today", "2023-03-02", "--format", "json").output
    assert check(runner, "--today", "2023-03-02", "--format", "json").output == first


# --- github ---------------------------------------------------------------------------------------


def test_github_annotations_point_at_the_assignment_line(runner):
    result = check(runner, "--today", "2023-02-22", "--format", "github")
    assert result.exit_code == 1
    lines = result.output.splitlines()
    errors = [x for x in lines if x.startswith("::error ")]
    warnings = [x for x in lines if x.startswith("::warning ")]
    assert len(errors) == 2 and len(warnings) == 2  # parts of one assignment in one state: one annotation
    assert "title=Просрочено (1 день)%3A 2023-01-31-ptz#" in errors[0]  # newest first
    assert errors[1].startswith(f"::error file={RECORDS}/meetings/2021-09-29-kuznetsk.yaml,line=8,"
                                "title=Просрочено (502 дня)%3A 2021-09-29-kuznetsk#4.2::МБОУ СОШ №10: ")  # fmt: skip
    assert "Срок 08.10.2021 («10.10.2021»)." in errors[1]
    assert ("line=19,title=Срок истекает%3A 2023-01-31-ptz#2 (2 исполнителя)::"
            "МОУ «Средняя школа № 3», МОУ «Средняя школа № 7»: Разработать") in warnings[0]  # fmt: skip
    assert lines[-1].startswith("Контроль исполнения на 22.02.2023")


def test_github_annotation_ends_the_assignment_text_before_the_deadline(runner):
    # «…антирисковую программу МОУ» has no full stop of its own: the deadline is a new sentence
    result = check(runner, "--today", "2023-02-22", "--format", "github")
    warning = next(x for x in result.output.splitlines() if "2023-01-31-ptz#2" in x and x.startswith("::warning "))
    text = warning.split("::", 2)[2]
    assert ". Срок 27.02.2023" in text and ".. Срок" not in text, text


def test_github_shows_at_most_ten_of_each_newest_first(runner, tmp_path):
    """This week's new overdue items lead; the oldest ones are those «Ещё N» counts (issue 11)."""
    overdue = [(f"задача {n}", f"до {10 + n:02d}.02.2023") for n in range(12)]  # 10.02 … 21.02
    soon = [("скоро", "до 01.03.2023")] * 12
    records = write_records(tmp_path / "records", overdue + soon)
    result = check(runner, "--today", "2023-02-27", "--format", "github", records=records)
    errors = [x for x in result.output.splitlines() if x.startswith("::error ")]
    warnings = [x for x in result.output.splitlines() if x.startswith("::warning ")]
    assert len(errors) == 10 and len(warnings) == 10
    assert "(6 дней)" in errors[0] and "задача 11." in errors[0]  # 21.02.2023 is the newest
    days = [int(e.split("title=Просрочено (")[1].split(" ")[0]) for e in errors[:9]]
    assert days == sorted(days) and days[0] == 6
    assert "title=Ещё 3 просроченных поручения::И ещё 3 просроченных поручения (по исполнителям — 3;" in errors[-1]
    assert "title=Ещё 3 поручения с истекающим сроком::И ещё 3 поручения с истекающим сроком" in warnings[-1]


@pytest.mark.parametrize(("more", "words"), [(21, "21 просроченное поручение"), (25, "25 просроченных поручений")])
def test_github_counting_line_agrees_with_its_number(runner, tmp_path, more, words):
    overdue = [(f"задача {n}", f"до {1 + n % 28:02d}.{1 + n // 28:02d}.2022") for n in range(9 + more)]
    records = write_records(tmp_path / "records", overdue, date="01.12.2021")
    result = check(runner, "--today", "2023-02-27", "--format", "github", records=records)
    errors = [x for x in result.output.splitlines() if x.startswith("::error ")]
    assert len(errors) == 10 and f"title=Ещё {words}::И ещё {words} (по исполнителям — {more};" in errors[-1]


def test_github_step_summary_is_appended(runner, tmp_path):
    summary = tmp_path / "summary.md"
    summary.write_text("# earlier step\n", encoding="utf-8")
    check(runner, "--today", "2023-02-22", "--format", "github", env={"GITHUB_STEP_SUMMARY": str(summary)})
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("# earlier step\n## Контроль исполнения поручений на 22.02.2023")
    assert "| Статус | Срок | Исполнитель | Поручение | Запись |" in text
    assert "| просрочено (502 дня) | 08.10.2021 | МБОУ СОШ №10 | `2021-09-29-kuznetsk#4.2`" in text
    assert text.count("\n| ") == 1 + 4  # the header; 2 overdue, 2 due soon (two schools on each row)
    assert "| МОУ «Средняя школа № 3», МОУ «Средняя школа № 7» | `2023-01-31-ptz#2`" in text


def test_github_escapes_workflow_command_characters():
    from nor_docs.report.github import _annotation

    line = _annotation("error", "a,b:c.yaml", 3, "x: y, z", "50% готово\nвторая строка")
    assert line == "::error file=a%2Cb%3Ac.yaml,line=3,title=x%3A y%2C z::50%25 готово%0Aвторая строка"


# --- gitlab ---------------------------------------------------------------------------------------


def test_gitlab_code_quality_report(runner):
    result = check(runner, "--today", "2023-02-22", "--format", "gitlab")
    issues = json.loads(result.output)
    assert result.exit_code == 1 and len(issues) == 6
    first = issues[0]
    assert set(first) >= {"description", "check_name", "fingerprint", "severity", "location"}
    assert first["severity"] == "major" and first["check_name"] == "nor-docs/overdue"
    assert first["location"] == {"path": f"{RECORDS}/meetings/2021-09-29-kuznetsk.yaml", "lines": {"begin": 8}}
    assert {i["severity"] for i in issues[2:]} == {"minor"}
    assert len({i["fingerprint"] for i in issues}) == 6


def test_gitlab_fingerprint_is_stable_from_day_to_day(runner):
    day1 = {i["description"].split(" — ")[0].split(": ", 1)[1]: i["fingerprint"]
            for i in json.loads(check(runner, "--today", "2023-02-22", "--format", "gitlab").output)}  # fmt: skip
    day2 = json.loads(check(runner, "--today", "2023-02-23", "--format", "gitlab").output)
    kuz = next(i for i in day2 if "2021-09-29-kuznetsk#4.2" in i["description"])
    assert "503 дня" in kuz["description"] and kuz["fingerprint"] == day1["2021-09-29-kuznetsk#4.2"]


# --- junit ----------------------------------------------------------------------------------------


def test_junit_one_case_per_part_failures_for_overdue(runner):
    result = check(runner, "--today", "2023-03-02", "--format", "junit")
    root = ET.fromstring(result.output.encode("utf-8"))
    payload = json.loads(check(runner, "--today", "2023-03-02", "--format", "json").output)
    cases = root.findall(".//testcase")
    assert len(cases) == len(payload["items"])
    failed = {c.get("name") for c in cases if c.find("failure") is not None}
    assert failed == {i["id"] for i in payload["items"] if i["status"] == "overdue"}
    assert root.get("failures") == str(len(failed)) == str(payload["summary"]["overdue"])
    cancelled = next(c for c in cases if c.get("name") == "2023-01-31-ptz#5/ptz-s3")
    assert cancelled.find("skipped") is not None
    assert cancelled.get("file").endswith("2023-01-31-ptz.yaml") and cancelled.get("line") == "33"


# --- invalid records: exit 2 with the diagnostics, in every format -----------------------------------


@pytest.fixture
def broken(tmp_path):
    records = write_records(tmp_path / "records", [("задача", "до 10.02.2023")])
    meeting = records / "meetings" / "m.yaml"
    meeting.write_text(meeting.read_text(encoding="utf-8").replace("executors: [ivanova]", "executors: [ivanva]"),
                       encoding="utf-8")  # fmt: skip
    return records


@pytest.mark.parametrize("fmt", ["text", "github", "gitlab", "json", "junit"])
def test_invalid_records_exit_2_with_diagnostics(runner, broken, fmt):
    result = check(runner, "--today", "2023-03-01", "--format", fmt, records=broken)
    assert result.exit_code == 2
    assert "NOR104" in result.output and "ivanva" in result.output
    if fmt in ("gitlab", "json"):
        json.loads(result.output)
    if fmt == "junit":
        assert ET.fromstring(result.output.encode("utf-8")).find(".//error") is not None
    if fmt == "github":
        assert result.output.startswith(f"::error file={broken}/meetings/m.yaml,line=")


def test_github_shows_at_most_ten_record_errors_and_lists_all_in_the_log(runner, tmp_path):
    records = write_records(tmp_path / "records", [(f"задача {n}", "до 10.02.2023") for n in range(12)])
    meeting = records / "meetings" / "m.yaml"
    meeting.write_text(meeting.read_text(encoding="utf-8").replace("executors: [ivanova]", "executors: [ivanva]"),
                       encoding="utf-8")  # fmt: skip
    result = check(runner, "--today", "2023-03-01", "--format", "github", records=records)
    lines = result.output.splitlines()
    errors = [x for x in lines if x.startswith("::error ")]
    assert result.exit_code == 2 and len(errors) == 10
    assert "title=Ещё 3 ошибки в записях::И ещё 3 ошибки в записях" in errors[-1]
    assert sum(1 for x in lines if x.startswith(f"{records}/meetings/m.yaml:") and "NOR104" in x) == 12


def test_github_step_summary_says_why_no_deadline_was_checked(runner, broken, tmp_path):
    summary = tmp_path / "summary.md"
    result = check(runner, "--today", "2023-03-01", "--format", "github", records=broken,
                   env={"GITHUB_STEP_SUMMARY": str(summary)})  # fmt: skip
    assert result.exit_code == 2
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("## Контроль исполнения поручений: сроки не проверялись\n\nВ записях 1 ошибка — исправьте их")
    row = next(line for line in text.splitlines() if "NOR104" in line)
    assert row.startswith(f"| `{broken}/meetings/m.yaml` | ") and "«ivanva»" in row


def test_an_unwritable_step_summary_is_a_message_not_a_traceback(runner, tmp_path):
    result = check(runner, "--today", "2023-02-22", "--format", "github",
                   env={"GITHUB_STEP_SUMMARY": str(tmp_path / "no-such-folder" / "summary.md")})  # fmt: skip
    assert result.exit_code == 1 and "::error file=" in result.stdout  # the report itself still goes out
    assert "nor-docs check: сводка шага не записана: нет такой папки или файла:" in result.stderr
    assert "Traceback" not in result.output


def test_a_report_that_cannot_be_written_is_a_russian_message_and_exit_4(runner, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("", encoding="utf-8")
    result = check(runner, "--today", "2023-02-22", "--format", "json", "--output", str(blocker / "report.json"))
    assert result.exit_code == 4
    assert result.stderr.strip() == (f"nor-docs: отчёт не записан в {blocker}/report.json: на пути — файл, а не папка; "
                                     "укажите другой файл (--output)")


def test_unknown_time_zone_is_reported(runner, tmp_path):
    records = write_records(tmp_path / "records", [("задача", "до 10.02.2023")])
    (records / "settings.yaml").write_text("# yaml-language-server: $schema=x\ndeadlines:\n  timezone: Europe/Mosсow\n",
                                           encoding="utf-8")  # fmt: skip
    result = check(runner, records=records)
    assert result.exit_code == 2
    assert f"{records}/settings.yaml:3:13: NOR401 неизвестный часовой пояс «Europe/Mosсow»" in result.output


def test_output_option_writes_the_report_to_a_file(runner, tmp_path):
    target = tmp_path / "out" / "gl-code-quality-report.json"
    result = check(runner, "--today", "2023-02-22", "--format", "gitlab", "--output", str(target))
    assert result.exit_code == 1 and result.output == ""
    assert len(json.loads(target.read_text(encoding="utf-8"))) == 6


def test_check_never_writes_into_records(runner, tmp_path):
    import shutil

    copy = tmp_path / "records"
    shutil.copytree(RECORDS, copy)
    before = {p: p.read_bytes() for p in copy.rglob("*") if p.is_file()}
    for fmt in ("text", "json", "github", "gitlab", "junit"):
        check(runner, "--today", "2023-03-02", "--format", fmt, records=copy)
    assert {p: p.read_bytes() for p in copy.rglob("*") if p.is_file()} == before


# --- no DOCX machinery in check -------------------------------------------------------------------


def test_check_does_not_import_docx_or_icalendar():
    code = textwrap.dedent(f"""\
        import sys
        from nor_docs.cli import cli
        try:
            cli.main(["check", "--records", {str(RECORDS)!r}, "--today", "2023-03-02", "--format", "json"],
                     standalone_mode=False)
        except SystemExit:
            pass
        loaded = sorted(m for m in sys.modules if m.split(".")[0] in ("docx", "docxtpl", "icalendar", "lxml"))
        print("LOADED", loaded, file=sys.stderr)
        """)  # fmt: skip
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})  # fmt: skip
    assert "LOADED []" in done.stderr, done.stderr
    assert '"today": "2023-03-02"' in done.stdout


# --- what keeps check fast (no timings here: bench/check_bench.py measures) -------------------------


def test_assignments_are_collected_once_per_run(runner, monkeypatch):
    # validate needs them for the marks (the test records have marks), control for the statuses.
    import nor_docs.control.assignments as assignments

    calls = []
    real = assignments._collect
    monkeypatch.setattr(assignments, "_collect", lambda records: calls.append(1) or real(records))
    result = check(runner, "--today", "2023-03-02", "--format", "json")
    assert result.exit_code == 1 and len(calls) == 1


def test_json_without_assignments_is_the_contract(runner, tmp_path):
    records = write_records(tmp_path / "records", [("Принять информацию к сведению", "до 10.02.2023")])
    meeting = records / "meetings" / "m.yaml"
    meeting.write_text(meeting.read_text(encoding="utf-8").replace("executors: [ivanova]", "on_control: false"),
                       encoding="utf-8")  # fmt: skip
    result = check(runner, "--today", "2023-03-02", "--format", "json", records=records)
    payload = json.loads(result.output)
    jsonschema.validate(payload, SCHEMA)
    assert result.exit_code == 0 and payload["items"] == [] and payload["summary"]["total"] == 0


def test_junit_and_gitlab_keep_markup_characters_as_text(runner, tmp_path):
    text = 'Сверить «5 < 7 & 8 > 6» и "кавычки"'
    records = write_records(tmp_path / "records", [(f"'{text}'", "до 10.02.2023")])
    junit = check(runner, "--today", "2023-03-02", "--format", "junit", records=records)
    case = ET.fromstring(junit.output.encode("utf-8")).find(".//testcase")
    assert text in case.find("failure").text and case.get("name") == "m#1"
    gitlab = json.loads(check(runner, "--today", "2023-03-02", "--format", "gitlab", records=records).output)
    assert text in gitlab[0]["description"]


@pytest.mark.parametrize(("command", "fast"), [("check", True), ("validate", False)])
def test_main_ends_check_without_teardown_after_flushing(monkeypatch, capsys, command, fast):
    # check has written its whole report: the process ends without freeing the records object by
    # object. Other commands end normally.
    import nor_docs.cli.root as cli_module

    class Ended(Exception):
        pass

    def exit_now(code):
        print("[flushed]", flush=True)
        raise Ended(code)

    monkeypatch.setattr(cli_module.os, "_exit", exit_now)
    args = ["--today", "2023-03-02"] if command == "check" else []
    monkeypatch.setattr(sys, "argv", ["nor-docs", command, "--records", str(RECORDS), *args])
    if fast:
        with pytest.raises(Ended) as ended:
            cli_module.main()
        assert ended.value.args == (1,)
        out = capsys.readouterr().out
        assert out.index("Всего поручений") < out.index("[flushed]")
    else:
        with pytest.raises(SystemExit):
            cli_module.main()
