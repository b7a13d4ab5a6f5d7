"""Roadmaps as records: the sample loads, its items are controlled like assignments, links to
decisions and meetings are checked both ways, and bad roadmaps are reported with file:line."""

from __future__ import annotations

import datetime as dt
import textwrap
from pathlib import Path

from nor_docs.control.assignments import collect_assignments
from nor_docs.control.links import items_reported_at, roadmaps_by_decision
from nor_docs.pipeline import load_checked as load_and_validate

SAMPLE_ID = "mun4-roadmap-2023-2024"
HEADER = "# yaml-language-server: $schema=../../nor_docs/schemas/roadmap.schema.json\n"


def write_roadmap(records: Path, name: str, body: str) -> Path:
    path = records / "roadmaps" / f"{name}.yaml"
    path.write_text(HEADER + textwrap.dedent(body), encoding="utf-8")
    return path


def test_sample_roadmap_items_are_controlled_like_assignments(records_copy):
    records, found = load_and_validate(records_copy)
    assert [d for d in found if d.is_error] == []
    items = {a.id: a for a in collect_assignments(records) if a.origin == "roadmap"}
    analysis = items[f"{SAMPLE_ID}#4.2"]
    assert analysis.deadline.kind == "date" and analysis.deadline.date == dt.date(2024, 1, 31)
    assert analysis.executors == ("mun4-wg",)
    assert "mun4-leshkova" in analysis.members and len(analysis.members) == 7
    assert items[f"{SAMPLE_ID}#1.2"].deadline.kind == "month"
    assert analysis.file.endswith(f"roadmaps/{SAMPLE_ID}.yaml")
    source_lines = (records_copy / "roadmaps" / f"{SAMPLE_ID}.yaml").read_text(encoding="utf-8").splitlines()
    assert source_lines[analysis.line - 1].strip() == "- number: 4.2"


def test_items_point_to_the_meeting_where_they_were_reported(records_copy):
    records, _ = load_and_validate(records_copy)
    reported = items_reported_at(records)["2023-12-14-mun4-wg"]
    assert [(r.roadmap, r.number) for r in reported][:3] == [(SAMPLE_ID, "1.1"), (SAMPLE_ID, "1.2"), (SAMPLE_ID, "1.3")]


def test_roadmap_names_the_decision_that_ordered_it(records_copy):
    write_roadmap(records_copy, "mun4-ordered", """\
        title: План по решению 3
        issuer: mun4-uo
        period: {start: 2023-12-14, end: 2024-12-31}
        ordered_by: 2023-12-14-mun4-wg#3
        items:
          - number: 1
            activity: Аналитические справки
            deadline: до 31.01.2024
            executors: [mun4-wg]
        """)
    records, found = load_and_validate(records_copy)
    assert [d for d in found if d.is_error] == []
    assert roadmaps_by_decision(records)["2023-12-14-mun4-wg#3"] == ["mun4-ordered"]


def test_unknown_ordering_decision_is_an_error_with_a_hint(records_copy):
    path = write_roadmap(records_copy, "mun4-bad", """\
        title: План
        issuer: mun4-uo
        period: {start: 2023-12-14, end: 2024-12-31}
        ordered_by: 2023-12-14-mun4-wg#33
        """)
    _, found = load_and_validate(records_copy)
    bad = [d for d in found if d.code == "NOR501"]
    assert len(bad) == 1
    assert (bad[0].file.endswith(path.name), bad[0].line) == (True, 5)
    assert bad[0].message.endswith("«2023-12-14-mun4-wg#33»: в 2023-12-14-mun4-wg нет решения 33; есть: 1, 2, 3")


def test_item_outside_the_period_warns_and_unknown_executor_fails(records_copy):
    write_roadmap(records_copy, "mun4-period", """\
        title: План
        issuer: mun4-uo
        period: {start: 2024-01-01, end: 2024-06-30}
        items:
          - number: 1
            activity: Срезы
            deadline: декабрь 2024 года
            executors: [mun4-leshkova]
          - number: 2
            activity: Справки
            deadline: до 31.05.2024
            executors: [mun4-leshkovaa]
            reported_at: 2023-12-14-mun4
        """)
    _, found = load_and_validate(records_copy)
    mine = [(d.line, d.code) for d in found if d.file.endswith("mun4-period.yaml")]
    assert (8, "NOR204") in mine
    assert (13, "NOR104") in mine
    assert (14, "NOR104") in mine
    warning = next(d for d in found if d.code == "NOR204")
    assert not warning.is_error
    unknown = next(d for d in found if d.line == 13 and d.code == "NOR104")
    assert "возможно, «mun4-leshkova»?" in unknown.message
