"""NOR206 (an extension asked for after the deadline) measures the request against the deadline
in force on the day of the request: a second extension asked for before the first new date is in
time."""

from __future__ import annotations

import shutil
from pathlib import Path

from conftest import ROOT

from nor_docs.pipeline import load_checked as load_and_validate

BASE = ROOT / "tests" / "bad" / "_base"
MARKS = """\
# yaml-language-server: $schema=../../nor_docs/schemas/marks.schema.json
extensions:
  - assignment: 2024-01-10-wg#3
    new_deadline: 2024-02-15
    requested: 2024-01-29
    approved: 2024-01-30
    approved_by: kiryukhina
    basis: письмо исполнителя
  - assignment: 2024-01-10-wg#3
    new_deadline: 2024-02-29
    requested: 2024-02-10
    approved: 2024-02-12
    approved_by: kiryukhina
    basis: письмо исполнителя
  - assignment: 2024-01-10-wg#3
    new_deadline: 2024-03-29
    requested: 2024-03-05
    approved: 2024-03-05
    approved_by: kiryukhina
    basis: письмо исполнителя
"""


def test_a_request_is_late_only_against_the_deadline_in_force_that_day(tmp_path: Path):
    records = tmp_path / "records"
    shutil.copytree(BASE, records)
    meeting = records / "meetings" / "2024-01-10-wg.yaml"
    text = meeting.read_text(encoding="utf-8")
    relative = "deadline: {text: не менее чем за 3 дня до проведения процедуры, event: vpr-2024}"
    assert relative in text
    meeting.write_text(text.replace(relative, "deadline: в срок до 31.01.2024 г."), encoding="utf-8")
    (records / "marks").mkdir()
    (records / "marks" / "2024.yaml").write_text(MARKS, encoding="utf-8")
    _, found = load_and_validate(records)
    late = [(d.line, d.message) for d in found if d.code == "NOR206"]
    # 29.01 is before 31.01; 10.02 is before 15.02 (the first extension); 05.03 is after 29.02
    assert late == [(17, "продление запрошено 05.03.2024, после срока 29.02.2024; просьба о переносе подаётся до срока")]
