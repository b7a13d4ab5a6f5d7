"""Loading a records folder: YAML 1.2 values, typed dates and deadlines beside the words as
written, assignment ids and where each thing stands."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from nor_docs.control.assignments import collect_assignments
from nor_docs.pipeline import load_checked as load_and_validate

BASE = Path(__file__).resolve().parent / "bad" / "_base"


def test_base_meeting_loads_with_typed_values():
    records, found = load_and_validate(BASE, display_root="records")
    assert found == []
    meeting = records.meetings["2024-01-10-wg"]
    assert meeting.time == dt.time(10, 30)  # written `time: 10:30`, unquoted: not 630
    assert meeting.date == dt.date(2024, 1, 10)  # written 10.01.2024
    decisions = {d.number: d for d in meeting.decisions}
    assert decisions["2"].deadline.as_written == "в срок до 31.01.2024 г."
    assert (decisions["2"].deadline.kind, decisions["2"].deadline.date) == ("date", dt.date(2024, 1, 31))
    relative = decisions["3"].deadline
    assert (relative.kind, relative.event, relative.offset_days) == ("relative", "vpr-2024", -3)
    assert decisions["1"].deadline is None  # «принять к сведению»


def test_assignments_have_ids_members_and_lines():
    records, _ = load_and_validate(BASE, display_root="records")
    assignments = {a.id: a for a in collect_assignments(records)}
    assert sorted(assignments) == ["2024-01-10-wg#2", "2024-01-10-wg#3"]
    group = assignments["2024-01-10-wg#2"]
    assert group.members == ("kikino", "golovinshchino")  # the group «heads», member by member
    assert (group.file, group.line, group.column) == ("records/meetings/2024-01-10-wg.yaml", 18, 5)
    assert records.where("ivanova", ("surname",)) == ("records/directory/base.yaml", 23, 14)
