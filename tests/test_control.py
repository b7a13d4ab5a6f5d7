"""Statuses as of a day and executive discipline (nor_docs/control/status.py), on the test records of
tests/data/control: the seed deadlines of 002, 003 and 004 plus every other kind, with demo
marks, extensions and a cancellation."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from nor_docs.control.status import control_items, discipline, summary
from nor_docs.pipeline import load_checked as load_and_validate

RECORDS = Path(__file__).resolve().parent / "data" / "control"
D = dt.date.fromisoformat


@pytest.fixture(scope="module")
def records():
    records, found = load_and_validate(RECORDS)
    assert [d for d in found if d.is_error] == []
    return records


def state(records, today, item_id, warn_days=None):
    items = {i.id: i for i in control_items(records, D(today), warn_days)}
    item = items[item_id]
    return item.status, item.deadline, item.days_overdue


# --- seed 003: 21.02.2023 and 27.02.2023, a group of schools ---------------------------------------

S7_ROADMAP = "2023-01-31-ptz#4/ptz-s7"  # «в срок до 21.02.2023», only an interim report


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        ("2023-02-14", ("open", D("2023-02-21"), 0)),  # 5 working days ahead
        ("2023-02-17", ("due_soon", D("2023-02-21"), 0)),  # 2 working days ahead (20, 21)
        ("2023-02-20", ("due_soon", D("2023-02-21"), 0)),  # the day before
        ("2023-02-21", ("due_soon", D("2023-02-21"), 0)),  # the day itself: not overdue yet
        ("2023-02-22", ("overdue", D("2023-02-21"), 1)),  # the day after
        ("2023-03-02", ("overdue", D("2023-02-21"), 9)),
    ],
)
def test_seed_003_deadline_21_02_2023_around_the_day(records, today, expected):
    assert state(records, today, S7_ROADMAP) == expected


def test_seed_003_deadline_27_02_2023_after_the_holidays(records):
    # Monday 20.02.2023: 23.02 and 24.02 are days off, so 27.02 is 3 working days away.
    assert state(records, "2023-02-20", "2023-01-31-ptz#5/ptz-s7") == ("due_soon", D("2023-02-27"), 0)
    assert state(records, "2023-02-20", "2023-01-31-ptz#5/ptz-s7", warn_days=2) == ("open", D("2023-02-27"), 0)
    assert state(records, "2023-02-27", "2023-01-31-ptz#5/ptz-s7") == ("due_soon", D("2023-02-27"), 0)
    assert state(records, "2023-02-28", "2023-01-31-ptz#5/ptz-s7") == ("overdue", D("2023-02-27"), 1)


def test_group_is_tracked_member_by_member(records):
    items = [i for i in control_items(records, D("2023-02-22")) if i.assignment.id == "2023-01-31-ptz#4"]
    assert {i.id: i.status for i in items} == {
        "2023-01-31-ptz#4/ptz-s3": "done",  # marked 20.02, before the deadline
        "2023-01-31-ptz#4/ptz-s6": "done_late",  # marked 22.02, a day late
        "2023-01-31-ptz#4/ptz-s7": "overdue",  # only an interim report
    }
    late = next(i for i in items if i.member == "ptz-s6")
    assert late.done_on == D("2023-02-22") and late.days_late == 1


def test_a_mark_counts_only_from_its_date(records):
    assert state(records, "2023-02-19", "2023-01-31-ptz#4/ptz-s3")[0] == "due_soon"
    assert state(records, "2023-02-20", "2023-01-31-ptz#4/ptz-s3")[0] == "done"


def test_extension_granted_before_the_deadline(records):
    item = "2023-01-31-ptz#2/ptz-s6"  # 27.02.2023, extended on 21.02 to 10.03.2023
    assert state(records, "2023-02-20", item) == ("due_soon", D("2023-02-27"), 0)
    assert state(records, "2023-02-21", item) == ("extended", D("2023-03-10"), 0)
    assert state(records, "2023-02-28", item) == ("extended", D("2023-03-10"), 0)
    assert state(records, "2023-03-09", item) == ("due_soon", D("2023-03-10"), 0)
    assert state(records, "2023-03-13", item) == ("overdue", D("2023-03-10"), 3)


def test_extension_granted_after_the_deadline(records):
    item = "2023-01-31-ptz#2/ptz-s7"  # 27.02.2023, extended on 01.03 to 15.03.2023
    assert state(records, "2023-02-28", item) == ("overdue", D("2023-02-27"), 1)
    assert state(records, "2023-03-01", item) == ("extended", D("2023-03-15"), 0)
    extended = next(i for i in control_items(records, D("2023-03-01")) if i.id == item)
    assert extended.extended and [e.approved for e in extended.extensions] == [D("2023-03-01")]


def test_extension_of_one_member_leaves_the_others(records):
    assert state(records, "2023-02-28", "2023-01-31-ptz#2/ptz-s3") == ("overdue", D("2023-02-27"), 1)


def test_cancellation(records):
    assert state(records, "2023-02-09", "2023-01-31-ptz#5/ptz-s3")[0] == "open"
    assert state(records, "2023-02-10", "2023-01-31-ptz#5/ptz-s3")[0] == "cancelled"
    assert state(records, "2023-03-30", "2023-01-31-ptz#5/ptz-s3")[0] == "cancelled"


def test_standing_is_never_overdue_and_has_a_report_date(records):
    items = {i.id: i for i in control_items(records, D("2026-01-01"))}
    standing = items["2023-01-31-ptz#1.4/ptz-s6"]
    assert standing.status == "standing" and standing.days_overdue == 0
    assert standing.report_date == D("2026-01-20")


def test_relative_deadline_and_its_event(records):
    # vpr-2023 is on 15.03.2023: «не менее трех дней до» → Sunday 12.03 → Friday 10.03.
    assert state(records, "2023-03-10", "2023-01-31-ptz#3/ptz-s3") == ("due_soon", D("2023-03-10"), 0)
    assert state(records, "2023-03-11", "2023-01-31-ptz#3/ptz-s3") == ("overdue", D("2023-03-10"), 1)


def test_relative_deadline_whose_event_moves(tmp_path: Path):
    copy = tmp_path / "records"
    shutil.copytree(RECORDS, copy)
    events = copy / "events" / "2023.yaml"
    events.write_text(events.read_text(encoding="utf-8").replace("15.03.2023", "22.03.2023"), encoding="utf-8")
    moved, found = load_and_validate(copy)
    assert not [d for d in found if d.is_error]
    assert state(moved, "2023-03-11", "2023-01-31-ptz#3/ptz-s3") == ("open", D("2023-03-17"), 0)


def test_event_without_a_date_waits(records):
    items = {i.id: i for i in control_items(records, D("2024-06-01"))}
    waiting = items["2024-04-01-misc#9"]
    assert waiting.status == "waiting_event" and waiting.waiting_event == "oge-2024" and waiting.deadline is None


def test_a_meeting_can_be_the_event(tmp_path: Path):
    copy = tmp_path / "records"
    shutil.copytree(RECORDS, copy)
    meeting = copy / "meetings" / "2024-04-01-misc.yaml"
    meeting.write_text(meeting.read_text(encoding="utf-8").replace("event: oge-2024", "event: 2023-12-14-wg"),
                       encoding="utf-8")  # fmt: skip
    records, found = load_and_validate(copy)
    assert not [d for d in found if d.is_error]
    # 5 working days before 14.12.2023 (Thursday): 13, 12, 11, 8, 7 December — before the meeting
    # of 01.04.2024 that gave it, so controlled from that meeting's date (issue 14).
    item = {i.id: i for i in control_items(records, D("2024-06-01"))}["2024-04-01-misc#9"]
    assert item.current.point.nominal == D("2023-12-07")
    assert (item.deadline, item.early_deadline) == (D("2024-04-01"), True)


# --- seed 002: 31.01.2024, a working group of three -----------------------------------------------


def test_seed_002_deadline_31_01_2024(records):
    assert state(records, "2024-01-30", "2023-12-14-wg#3/kravtsova") == ("due_soon", D("2024-01-31"), 0)
    assert state(records, "2024-01-31", "2023-12-14-wg#3/kravtsova") == ("due_soon", D("2024-01-31"), 0)
    assert state(records, "2024-02-01", "2023-12-14-wg#3/kravtsova") == ("overdue", D("2024-01-31"), 1)
    assert state(records, "2024-02-01", "2023-12-14-wg#3/ryabchenko")[0] == "done"
    assert state(records, "2024-02-01", "2023-12-14-wg#3/leshkova")[0] == "done"  # on the day: in time


# --- seed 004: 10.10.2021 was a Sunday ------------------------------------------------------------


def test_seed_004_sunday_deadline(records):
    assert state(records, "2021-10-07", "2021-09-29-kuznetsk#4.2") == ("due_soon", D("2021-10-08"), 0)
    assert state(records, "2021-10-08", "2021-09-29-kuznetsk#4.2") == ("due_soon", D("2021-10-08"), 0)
    assert state(records, "2021-10-09", "2021-09-29-kuznetsk#4.2") == ("overdue", D("2021-10-08"), 1)


# --- other kinds ----------------------------------------------------------------------------------


def test_holiday_and_working_saturday(records):
    assert state(records, "2024-04-05", "2024-04-01-misc#1")[1] == D("2024-05-08")  # 09.05 → 08.05
    assert state(records, "2024-05-08", "2024-04-01-misc#1")[0] == "due_soon"
    assert state(records, "2024-05-09", "2024-04-01-misc#1") == ("overdue", D("2024-05-08"), 1)
    assert state(records, "2024-04-05", "2024-04-01-misc#2")[1] == D("2024-04-27")  # a working Saturday


def test_month_deadline(records):
    assert state(records, "2024-05-31", "2024-04-01-misc#3") == ("due_soon", D("2024-05-31"), 0)
    assert state(records, "2024-06-01", "2024-04-01-misc#3") == ("overdue", D("2024-05-31"), 1)


def test_several_months_move_to_the_next_point_when_one_is_done(records):
    # «май 2024 года и декабрь 2024 года»: May reported on 30.05.2024.
    assert state(records, "2024-06-03", "2024-04-01-misc#4") == ("open", D("2024-12-28"), 0)
    assert state(records, "2024-12-29", "2024-04-01-misc#4") == ("overdue", D("2024-12-28"), 1)


def test_recurring_monthly(records):
    # April reported on 08.05 (due 08.05: 10.05.2024 was a day off); May is due 10.06.2024.
    assert state(records, "2024-05-20", "2024-04-01-misc#5") == ("open", D("2024-06-10"), 0)
    assert state(records, "2024-06-11", "2024-04-01-misc#5") == ("overdue", D("2024-06-10"), 1)
    # Before April's report, April is the open point.
    assert state(records, "2024-05-07", "2024-04-01-misc#5") == ("due_soon", D("2024-05-08"), 0)


def test_urgent_prompt_and_no_deadline(records):
    assert state(records, "2024-04-01", "2024-04-01-misc#6")[1] == D("2024-04-04")
    assert state(records, "2024-04-01", "2024-04-01-misc#7")[1] == D("2024-04-11")
    assert state(records, "2024-04-01", "2024-04-01-misc#8")[1] == D("2024-04-27")


# --- what is and is not on control ----------------------------------------------------------------


def test_decisions_not_on_control_are_not_assignments(records):
    ids = {i.assignment.id for i in control_items(records, D("2024-06-01"))}
    assert "2023-01-31-ptz#1" not in ids  # on_control: false (a heading with executors)
    assert "2023-01-31-ptz#1.1" not in ids  # «Принять к сведению информацию»
    assert "2023-12-14-wg#1" not in ids  # no executors
    assert "2023-01-31-ptz#1.4" in ids


def test_assignments_given_after_today_do_not_exist_yet(records):
    ids = {i.assignment.id for i in control_items(records, D("2023-02-20"))}
    assert "2023-12-14-wg#3" not in ids and "2023-01-31-ptz#4" in ids


def test_part_ids(records):
    ids = {i.id for i in control_items(records, D("2024-06-01"))}
    assert "2021-09-29-kuznetsk#4.2" in ids  # one executor: the bare assignment id
    assert "2023-12-14-wg#3/leshkova" in ids  # a group: one part per member
    assert not any(i.startswith("2023-12-14-wg#3/wg") for i in ids)


# --- summary and executive discipline -------------------------------------------------------------


def test_summary_counts_every_status(records):
    items = control_items(records, D("2023-03-02"))
    counts = summary(items)
    assert counts["total"] == len(items) == sum(v for k, v in counts.items() if k != "total")
    assert counts["overdue"] == 5 and counts["done"] == 1 and counts["done_late"] == 1 and counts["cancelled"] == 1


def test_executive_discipline_per_executor(records):
    rows = {r.executor: r for r in discipline(control_items(records, D("2023-03-02")), records)}
    s3 = rows["ptz-s3"]  # #4 done, #2 overdue, #5 cancelled, #1.4 standing, #3 not yet due
    assert (s3.total, s3.done, s3.done_late, s3.overdue, s3.pending, s3.cancelled) == (4, 1, 0, 1, 2, 1)
    assert s3.on_time_share == 0.5
    s6 = rows["ptz-s6"]  # #4 done late, #5 overdue, #2 extended, #1.4 standing, #3 not yet due
    assert (s6.total, s6.done, s6.done_late, s6.overdue, s6.pending) == (5, 0, 1, 1, 3)
    assert s6.on_time_share == 0.0
    assert rows["ptz-s3"].name == "МОУ «Средняя школа № 3»"
    untouched = discipline(control_items(records, D("2023-02-01")), records)
    assert all(r.on_time_share is None for r in untouched if r.executor.startswith("ptz-"))  # nothing judged yet


# --- roadmap items --------------------------------------------------------------------------------


def test_roadmap_items_are_controlled_from_their_approval(records):
    assert not any(i.assignment.origin == "roadmap" for i in control_items(records, D("2024-01-14")))
    items = {i.id: i for i in control_items(records, D("2024-01-15"))}
    assert items["ptz-roadmap-2024#1.2/ptz-s6"].assignment.origin == "roadmap"
    assert "ptz-roadmap-2024#1.3" not in {i.assignment.id for i in items.values()}  # no executors


def test_recurring_roadmap_item_ends_with_the_roadmap(records):
    item = "ptz-roadmap-2024#1.1"  # quarterly, roadmap 09.01–30.06.2024; Q1 reported 05.04
    assert state(records, "2024-07-10", item) == ("due_soon", D("2024-07-10"), 0)
    assert state(records, "2024-07-11", item) == ("overdue", D("2024-07-10"), 1)
    # Q2 reported on 12.07, two days late; there is no Q3 in this roadmap: done, with a violation.
    final = next(i for i in control_items(records, D("2024-07-20")) if i.id == item)
    assert final.status == "done_late" and final.days_late == 2 and final.done_on == D("2024-07-12")
    assert [p.point.label for p in final.points] == ["1 квартал 2024", "2 квартал 2024"]


def test_entries_without_member_apply_to_every_part(tmp_path: Path):
    copy = tmp_path / "records"
    shutil.copytree(RECORDS, copy)
    (copy / "marks" / "extra.yaml").write_text(
        "# yaml-language-server: $schema=x\n"
        "cancellations:\n"
        "  - assignment: 2023-12-14-wg#3\n"
        "    date: 05.02.2024\n"
        "    by: pakhomova\n"
        "    basis: справки размещены управлением\n",
        encoding="utf-8",
    )
    records, found = load_and_validate(copy)
    assert not [d for d in found if d.is_error]
    statuses = {i.member: i.status for i in control_items(records, D("2024-02-10")) if i.assignment.id == "2023-12-14-wg#3"}
    # Done before the cancellation stays done; the open part is cancelled.
    assert statuses == {"ryabchenko": "done", "leshkova": "done", "kravtsova": "cancelled"}
