"""Hostile YAML through every command (issue 12): the bad-record cases that attack the reader —
bombs, tags, escapes in keys, invisible characters, ids and dates past the limits, contradictory
marks — are refused by ``validate`` at their lines (tests/bad, exactly), and every other command
refuses the same records the same way: exit code 2, no traceback, no document, nothing raw in the
output. And the reader's position lookups stay linear and right on huge mappings and lists.
"""

from __future__ import annotations

import re

import pytest
from conftest import ROOT
from test_bad_records import BAD, build_case

from nor_docs.cli import cli

HOSTILE_CASES = ["alias-bomb", "anchors-aliases", "python-tag", "key-tags-and-escapes", "control-chars-escaped",
                 "control-chars-raw", "invisible-characters", "line-separator-from-word", "deep-nesting",
                 "not-utf8", "utf16-from-notepad", "id-too-long", "dates-out-of-range", "settings-out-of-range",
                 "contradictory-marks", "duplicate-id", "complex-key"]  # fmt: skip
COMMANDS = {
    "check": ["check", "--today", "2024-06-01"],
    "check github": ["check", "--today", "2024-06-01", "--format", "github"],
    "check junit": ["check", "--today", "2024-06-01", "--format", "junit"],
    "calendar": ["calendar", "--today", "2024-06-01", "--out", "{out}"],
    "build protocols": ["build", "protocols", "--out", "{out}", "--templates", str(ROOT / "templates")],
    "build control": ["build", "control", "--today", "2024-06-01", "--out", "{out}", "--templates",
                      str(ROOT / "templates")],  # fmt: skip
}
RAW = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")


def test_the_hostile_cases_exist():
    assert {p.name for p in BAD.iterdir()} >= set(HOSTILE_CASES)


@pytest.mark.parametrize("case", HOSTILE_CASES)
def test_hostile_records_are_refused_by_every_command(runner, tmp_path, monkeypatch, case):
    root = build_case(BAD / case, tmp_path)
    hostile = {p.stem for p in (BAD / case).rglob("meetings/*.yaml")}
    marks_only = all(p.parent.name == "marks" for p in (BAD / case).rglob("*.yaml"))
    monkeypatch.chdir(tmp_path)
    for name, args in COMMANDS.items():
        out = tmp_path / "out" / name.replace(" ", "-")
        result = runner.invoke(cli, [*(a.replace("{out}", str(out)) for a in args), "--records", str(root)])
        protocols_need_no_marks = marks_only and name == "build protocols"
        assert result.exit_code == (0 if protocols_need_no_marks else 2), f"{name}: {result.output}"
        assert "Traceback" not in result.output and "внутренняя ошибка" not in result.output
        assert not RAW.search(result.output), f"{name}: {result.output!r}"
        if name == "build protocols":  # the good meetings are built; none of a hostile file
            assert not {p.stem for p in out.glob("*.docx")} & hostile, name
        else:  # the whole folder is refused
            assert not list(out.glob("*.docx")) and not list(out.glob("*.ics")), name


# --- positions in huge mappings and lists -------------------------------------------------------------


def test_every_unknown_key_of_a_huge_mapping_is_reported_at_its_line(runner, tmp_path):
    root = build_case(None, tmp_path)
    meeting = root / "meetings" / "2024-01-10-wg.yaml"
    head = meeting.read_text(encoding="utf-8")
    first = head.count("\n") + 1
    meeting.write_text(head + "".join(f"key{i:05d}: {i}\n" for i in range(3000)), encoding="utf-8")
    result = runner.invoke(cli, ["validate", "--records", str(root)])
    lines = [line for line in result.output.splitlines() if " NOR101 " in line]
    assert len(lines) == 3000
    assert [int(line.split(":")[1]) for line in lines] == list(range(first, first + 3000))
    assert all(f"«key{i:05d}»" in line for i, line in enumerate(lines))


def test_positions_in_long_lists_and_mappings_are_right_however_they_are_looked_up(tmp_path):
    """The reader indexes the children of a long mapping or list once (``Source._children``): the
    positions it gives are the ones the plain walk gives, for every element, in any order."""
    from nor_docs.source.yamlsource import parse_source

    items = "".join(f"  - person: p{i}\n    seat: {i}\n" for i in range(200))
    keys = "".join(f"k{i}:\n  inner: {i}\n" for i in range(200))
    source, problems = parse_source(f"items:\n{items}{keys}".encode(), "x.yaml")
    assert not problems
    for i in reversed(range(200)):  # backwards: nothing may depend on the order of the lookups
        assert source.position(("items", i, "seat")) == (2 + 2 * i + 1, 11)
        assert source.key_position(("items", i, "seat")) == (2 + 2 * i + 1, 5)
        assert source.position((f"k{i}", "inner")) == (403 + 2 * i, 10)
        assert source.key_position((f"k{i}",)) == (402 + 2 * i, 1)
    assert source.position(("items", 500, "seat")) == (2, 3)  # beyond the list: the list itself
    assert source.position(("nothing",)) == (1, 1)


def test_an_extract_reports_errors_in_what_every_meeting_shares_as_the_protocols_do(runner, tmp_path, monkeypatch):
    root = build_case(BAD / "settings-out-of-range", tmp_path)
    monkeypatch.chdir(tmp_path)
    args = ["--records", str(root), "--out", str(tmp_path / "out"), "--templates", str(ROOT / "templates")]
    extract = runner.invoke(cli, ["build", "extract", "2024-01-10-wg", "--item", "1", "--decision", "2", *args])
    protocols = runner.invoke(cli, ["build", "protocols", *args])
    assert extract.exit_code == protocols.exit_code == 2
    assert "settings.yaml:5:17: NOR103 поле «default_days»" in extract.stderr
    assert [line for line in extract.stderr.splitlines() if "settings.yaml" in line] == [
        line for line in protocols.stderr.splitlines() if "settings.yaml" in line]
    # an extract refused for want of decisions (NOR312) still names the shared errors: the worst wins
    refused = runner.invoke(cli, ["build", "extract", "2024-01-10-wg", "--item", "1", *args])
    assert refused.exit_code == 2 and "NOR312" in refused.stderr
    assert [line for line in refused.stderr.splitlines() if "settings.yaml" in line] == [
        line for line in protocols.stderr.splitlines() if "settings.yaml" in line]
