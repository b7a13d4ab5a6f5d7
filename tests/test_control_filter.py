"""--issuer, --meeting, --executor: one selection, the same in check, build control and calendar;
combinable; an unknown id refused in Russian with a near miss or the way to add it; every report
says which selection it holds."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from docx import Document
from icalendar import Calendar

from nor_docs.cli import cli

RECORDS = Path(__file__).resolve().parent / "data" / "control"
DAY = "2024-06-03"


def check_json(runner, *args) -> dict:
    result = runner.invoke(cli, ["check", "--records", str(RECORDS), "--today", DAY, "--format", "json", *args])
    assert result.exit_code in (0, 1), result.output
    return json.loads(result.output)


def ids(report: dict) -> set[str]:
    return {item["id"] for item in report["items"]}


def test_each_filter_selects_what_it_names(runner):
    everything = check_json(runner)
    by_meeting = check_json(runner, "--meeting", "2023-01-31-ptz")
    assert ids(by_meeting) and all(i.startswith("2023-01-31-ptz#") for i in ids(by_meeting))
    assert by_meeting["filter"] == {"meeting": "2023-01-31-ptz"} and "filter" not in everything
    by_issuer = check_json(runner, "--issuer", "kuz-uo")
    assert ids(by_issuer) == {i for i in ids(everything) if i.startswith("2021-09-29-kuznetsk#")}
    roadmap = check_json(runner, "--meeting", "ptz-roadmap-2024")
    assert ids(roadmap) and all(i.startswith("ptz-roadmap-2024#") for i in ids(roadmap))
    person = check_json(runner, "--executor", "leshkova")
    assert {item["executor"] for item in person["items"]} == {"leshkova"}
    assert ids(person) == {item["id"] for item in everything["items"] if item["executor"] == "leshkova"}


def test_a_group_means_its_members(runner):
    everything = check_json(runner)
    group = check_json(runner, "--executor", "ptz-heads")
    members = {"ptz-s3", "ptz-s6", "ptz-s7"}
    assert {item["executor"] for item in group["items"]} == members
    assert ids(group) == {item["id"] for item in everything["items"] if item["executor"] in members}


def test_filters_combine(runner):
    both = check_json(runner, "--executor", "ptz-heads", "--meeting", "ptz-roadmap-2024")
    assert ids(both) == ids(check_json(runner, "--executor", "ptz-heads")) & ids(check_json(runner, "--meeting",
                                                                                            "ptz-roadmap-2024"))  # fmt: skip
    assert ids(both)
    none = check_json(runner, "--issuer", "kuz-uo", "--meeting", "2023-01-31-ptz")
    assert none["items"] == [] and none["summary"]["total"] == 0


@pytest.mark.parametrize(
    ("option", "value", "message"),
    [
        ("--executor", "leshkva", "--executor: «leshkva» — такого id человека, организации или группы в записях нет; "
                                  "возможно, «leshkova»?"),
        ("--issuer", "ptz-ou", "--issuer: «ptz-ou» — такого id организации в записях нет; возможно, «ptz-uo»?"),
        ("--issuer", "leshkova", "--issuer: «leshkova» — человек, а --issuer — организация, давшая поручения"),
        ("--meeting", "ptz-s3", "--meeting: «ptz-s3» — организация, а --meeting — заседание или дорожная карта"),
        ("--meeting", "2023-01-31-ptzz", "--meeting: «2023-01-31-ptzz» — такого id заседания или дорожной карты в "
                                         "записях нет; возможно, «2023-01-31-ptz»?"),
        ("--executor", "sidorov", "--executor: «sidorov» — такого id человека, организации или группы в записях нет; "
                                  "добавьте: nor-docs new person или new organization"),
    ],
)
def test_an_unknown_id_is_refused_the_same_way_by_all_three(runner, tmp_path, option, value, message):
    for command in (["check"], ["build", "control", "--out", str(tmp_path)], ["calendar", "--out", str(tmp_path)]):
        result = runner.invoke(cli, [*command, "--records", str(RECORDS), "--today", DAY, option, value])
        assert result.exit_code == 3, (command, result.output)  # exitcodes.USAGE
        assert result.output.splitlines()[0] == f"nor-docs {' '.join(command[:2] if command[0] == 'build' else command[:1])}: {message}"
    assert not list(tmp_path.iterdir())


def test_the_text_report_says_which_selection_it_holds(runner):
    result = runner.invoke(cli, ["check", "--records", str(RECORDS), "--today", DAY, "--executor", "ptz-heads",
                                 "--issuer", "ptz-uo"])  # fmt: skip
    lines = result.output.splitlines()
    assert lines[0] == "Контроль исполнения поручений на 03.06.2024"
    assert lines[1] == ("Отбор: выдал — Управление образования Петрозаводского городского округа; исполнитель — "
                        "Руководители общеобразовательных организаций (каждый участник группы).")


def test_the_github_summary_and_junit_say_it_too(runner, tmp_path, monkeypatch):
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    runner.invoke(cli, ["check", "--records", str(RECORDS), "--today", DAY, "--format", "github", "--meeting",
                        "2023-12-14-wg"])  # fmt: skip
    lines = summary.read_text(encoding="utf-8").splitlines()
    assert lines[2].startswith("Отбор: заседание — ") and lines[2].endswith("(2023-12-14-wg).")
    junit = runner.invoke(cli, ["check", "--records", str(RECORDS), "--today", DAY, "--format", "junit", "--meeting",
                                "2023-12-14-wg"]).output  # fmt: skip
    assert '<testsuite name="Контроль исполнения на 03.06.2024. Отбор: заседание — ' in junit


def test_the_control_sheet_of_a_selection_names_it_and_keeps_the_full_sheet(runner, tmp_path):
    full = runner.invoke(cli, ["build", "control", "--records", str(RECORDS), "--today", DAY, "--out", str(tmp_path)])
    chosen = runner.invoke(cli, ["build", "control", "--records", str(RECORDS), "--today", DAY, "--out", str(tmp_path),
                                 "--executor", "leshkova"])  # fmt: skip
    assert full.exit_code == 0 and chosen.exit_code == 0, chosen.output
    assert sorted(p.name for p in tmp_path.glob("*.docx")) == [
        "control-sheet-2024-06-03-executor-leshkova.docx", "control-sheet-2024-06-03.docx"]
    assert chosen.output.splitlines()[-1] == "Отбор: исполнитель — Лешкова\u00a0О.Н."
    text = "\n".join(p.text for p in Document(tmp_path / "control-sheet-2024-06-03-executor-leshkova.docx").paragraphs)
    # the head reading only page 1 sees the selection in the summary's heading, and again above the rows
    assert "Сводка на 03.06.2024. Отбор: исполнитель\u00a0— Лешкова\u00a0О.Н." in text
    assert "Поручения (по исполнителям). Отбор: исполнитель\u00a0— Лешкова\u00a0О.Н." in text
    assert "Отбор" not in "\n".join(p.text for p in Document(tmp_path / "control-sheet-2024-06-03.docx").paragraphs)


def test_the_calendar_of_a_selection(runner, tmp_path):
    result = runner.invoke(cli, ["calendar", "--records", str(RECORDS), "--today", "2023-02-22", "--out", str(tmp_path),
                                 "--meeting", "2023-01-31-ptz"])  # fmt: skip
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[0].startswith("Отбор: заседание — ")
    calendar = Calendar.from_ical((tmp_path / "all.ics").read_bytes())
    uids = [str(e["uid"]) for e in calendar.walk("VEVENT")]
    assert uids and all(uid.startswith("2023-01-31-ptz#") for uid in uids)


def test_the_json_of_a_selection_keeps_the_documented_contract(runner):
    import jsonschema

    schema = json.loads((Path(__file__).resolve().parent.parent / "docs" / "check.schema.json").read_text("utf-8"))
    report = check_json(runner, "--executor", "ptz-heads", "--issuer", "ptz-uo")
    jsonschema.validate(report, schema)
    assert report["filter"] == {"issuer": "ptz-uo", "executor": "ptz-heads"}
    jsonschema.validate(check_json(runner), schema)
