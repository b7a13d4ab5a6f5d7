"""``nor-docs calendar``: .ics feeds of open deadlines, read back with the icalendar library."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from icalendar import Calendar

from nor_docs.cli import cli

RECORDS = Path(__file__).resolve().parent / "data" / "control"


def build(runner, out: Path, *args):
    result = runner.invoke(cli, ["calendar", "--records", str(RECORDS), "--out", str(out), *args])
    return result


def events(path: Path) -> dict[str, object]:
    calendar = Calendar.from_ical(path.read_bytes())
    return {str(e["uid"]): e for e in calendar.walk("VEVENT")}


def test_one_file_for_all_and_one_per_executor(runner, tmp_path):
    result = build(runner, tmp_path, "--today", "2023-02-22")
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in tmp_path.glob("*.ics")) == [
        "all.ics", "kuz-s10.ics", "ptz-s3.ics", "ptz-s6.ics", "ptz-s7.ics",
    ]  # fmt: skip
    assert f"{tmp_path}/ptz-s7.ics: событий — 5" in result.output
    everything = events(tmp_path / "all.ics")
    per_executor = sum(len(events(p)) for p in tmp_path.glob("*.ics") if p.name != "all.ics")
    assert len(everything) == per_executor == 13


def test_open_deadlines_are_all_day_events_with_a_reminder(runner, tmp_path):
    build(runner, tmp_path, "--today", "2023-02-22")
    found = events(tmp_path / "ptz-s7.ics")
    event = found["2023-01-31-ptz#4/ptz-s7~0@nor-docs"]  # overdue since 21.02: still open
    assert event.decoded("dtstart") == dt.date(2023, 2, 21)
    assert event.decoded("dtend") == dt.date(2023, 2, 22)
    assert b"DTSTART;VALUE=DATE:20230221\r\n" in (tmp_path / "ptz-s7.ics").read_bytes()  # all-day
    assert str(event["summary"]).startswith("Срок: Разработать «Дорожную карту»")
    assert "в срок до 21.02.2023" in str(event["description"])
    (alarm,) = event.walk("VALARM")
    assert str(alarm["action"]) == "DISPLAY" and alarm.decoded("trigger") == dt.timedelta(hours=-15)
    assert event.decoded("dtstamp") == dt.datetime(2023, 2, 22, tzinfo=dt.UTC)


def test_done_and_cancelled_parts_have_no_event_standing_has_its_report(runner, tmp_path):
    build(runner, tmp_path, "--today", "2023-02-22")
    s6 = events(tmp_path / "ptz-s6.ics")
    assert "2023-01-31-ptz#4/ptz-s6~0@nor-docs" not in s6  # done late on 22.02
    s3 = events(tmp_path / "ptz-s3.ics")
    assert "2023-01-31-ptz#5/ptz-s3~0@nor-docs" not in s3  # cancelled
    report = s3["2023-01-31-ptz#1.4/ptz-s3~report-2024@nor-docs"]
    assert report.decoded("dtstart") == dt.date(2024, 1, 19) and str(report["summary"]).startswith("Отчёт:")
    assert "2023-01-31-ptz#3/ptz-s3~0@nor-docs" in s3  # relative to VPR: 10.03.2023


def test_extension_moves_the_event_under_the_same_uid(runner, tmp_path):
    build(runner, tmp_path / "before", "--today", "2023-02-20")
    build(runner, tmp_path / "after", "--today", "2023-02-22")
    uid = "2023-01-31-ptz#2/ptz-s6~0@nor-docs"
    before = events(tmp_path / "before" / "ptz-s6.ics")[uid]
    after = events(tmp_path / "after" / "ptz-s6.ics")[uid]
    assert before.decoded("dtstart") == dt.date(2023, 2, 27)
    assert after.decoded("dtstart") == dt.date(2023, 3, 10)
    assert "Срок продлён до 10.03.2023" in str(after["description"])


def test_same_input_same_bytes(runner, tmp_path):
    build(runner, tmp_path / "a", "--today", "2023-02-22")
    build(runner, tmp_path / "b", "--today", "2023-02-22")
    for path in (tmp_path / "a").glob("*.ics"):
        assert path.read_bytes() == (tmp_path / "b" / path.name).read_bytes()
    assert not list(tmp_path.rglob(".*.tmp"))  # atomic writes leave no temporary files


def test_only_the_chosen_executor(runner, tmp_path):
    result = build(runner, tmp_path, "--today", "2023-02-22", "--executor", "ptz-s7")
    assert result.exit_code == 0
    assert [p.name for p in tmp_path.glob("*.ics")] == ["ptz-s7.ics"]
    group = build(runner, tmp_path / "group", "--today", "2023-02-22", "--executor", "ptz-heads")
    assert group.exit_code == 0
    found = events(tmp_path / "group" / "ptz-heads.ics")
    assert {uid.split("/")[1].split("~")[0] for uid in found if "/" in uid} == {"ptz-s3", "ptz-s6", "ptz-s7"}
    assert all("(МОУ «Средняя школа" in str(e["summary"]) for e in found.values())


def test_unknown_executor_is_a_usage_error_with_a_hint(runner, tmp_path):
    result = build(runner, tmp_path, "--today", "2023-02-22", "--executor", "ptz-s7x")
    assert result.exit_code == 3
    assert "--executor: «ptz-s7x» — такого id человека, организации или группы в записях нет; возможно, «ptz-s7»?" \
        in result.output  # fmt: skip
    other_school = build(runner, tmp_path, "--today", "2023-02-22", "--executor", "ptz-s8")  # not a typo of ptz-s7
    assert other_school.exit_code == 3 and "возможно" not in other_school.output
    assert "добавьте: nor-docs new person или new organization" in other_school.output
    assert not list(tmp_path.glob("*.ics"))
