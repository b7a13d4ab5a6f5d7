"""What nor-docs prints for a terminal and a CI log (issue 12, points 3 and 6): whatever a record
holds — in a value, a key or a file name — no line of ``--format github`` is a workflow command
but nor-docs' own annotations (not ``::add-mask::``, not ``::error`` forged by a key, not the
older ``##[…]``), the step summary makes no image, link, HTML or extra cell of it, the JUnit
report always parses, and no control, bidirectional or zero-width character reaches a terminal
raw. GitHub's annotations come newest first (issue 11, point 7), so this week's new overdue
items are never hidden under «Ещё N».
"""

from __future__ import annotations

import json
import re
import shutil
from xml.etree import ElementTree as ET

import pytest
import yaml
from conftest import ROOT
from test_adversarial_render import assert_safe_github_line

from nor_docs.cli import cli

BASE = ROOT / "tests" / "bad" / "_base"
HOSTILE = yaml.safe_load((ROOT / "tests" / "adversarial" / "hostile-text.yaml").read_text(encoding="utf-8"))
FORGED = "::add-mask::"
# Characters that must never reach a terminal or a log raw (ESC, BEL, bidi, zero-width, BOM, tags, C1).
RAW = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff\U000e0000-\U000e007f]")


@pytest.fixture
def hostile_keys(tmp_path):
    """Records whose meeting has twelve unknown keys, each a forged command or a terminal escape,
    written as quoted escapes (a line break, ESC, a bidi override in a key)."""
    records = tmp_path / "records"
    shutil.copytree(BASE, records)
    keys = [f'"k{n}\\n::add-mask::secret{n}\\n::error file=x.yaml,line=1::forged {n}"' for n in range(6)]
    keys += [f'"\\e[2J\\e[Hk{n}\\u202e##[error]v1"' for n in range(6)]
    meeting = records / "meetings" / "2024-01-10-wg.yaml"
    meeting.write_text(meeting.read_text(encoding="utf-8") + "".join(f"{k}: x\n" for k in keys), encoding="utf-8")
    return records


@pytest.fixture
def hostile_values(tmp_path):
    """Valid records whose names and texts are hostile (tests/adversarial/hostile-text.yaml)."""
    records = tmp_path / "records"
    shutil.copytree(BASE, records)
    directory = yaml.safe_load((records / "directory" / "base.yaml").read_text(encoding="utf-8"))
    directory["organizations"][1]["name"] = HOSTILE["valid"]["github-commands"]
    directory["organizations"][2]["name"] = HOSTILE["valid"]["markdown"]
    directory["people"][1]["surname"] = HOSTILE["valid"]["github-v1-commands"]
    (records / "directory" / "base.yaml").write_text(yaml.safe_dump(directory, allow_unicode=True), encoding="utf-8")
    meeting = yaml.safe_load((records / "meetings" / "2024-01-10-wg.yaml").read_text(encoding="utf-8"))
    meeting["decisions"][1]["text"] = HOSTILE["valid"]["github-percent-escapes"] + " " + HOSTILE["valid"]["markdown"]
    meeting["decisions"][2]["text"] = HOSTILE["valid"]["word-xml"]
    meeting["time"] = "10:30"  # (PyYAML's own reader takes 10:30 for 630)
    (records / "meetings" / "2024-01-10-wg.yaml").write_text(yaml.safe_dump(meeting, allow_unicode=True),
                                                              encoding="utf-8")  # fmt: skip
    return records


def _check(runner, records, *args, env=None):
    return runner.invoke(cli, ["check", "--records", str(records), "--today", "2024-06-01", *args], env=env)


def test_keys_cannot_forge_commands_in_the_github_format(runner, hostile_keys, tmp_path):
    summary = tmp_path / "summary.md"
    result = _check(runner, hostile_keys, "--format", "github", env={"GITHUB_STEP_SUMMARY": str(summary)})
    assert result.exit_code == 2  # invalid records: a problem per key, past GitHub's ten annotations
    lines = result.stdout.splitlines()
    assert len([x for x in lines if x.startswith("::error ")]) == 10 and len(lines) > 20
    for line in lines:
        assert_safe_github_line(line)
        assert not RAW.search(line), line
    assert not any(x.lstrip().startswith(FORGED) or x.lstrip().startswith("::error file=x.yaml") for x in lines)
    text = summary.read_text(encoding="utf-8")
    assert not RAW.search(text) and "\n::" not in text


def test_values_cannot_forge_commands_or_markup_in_the_github_format(runner, hostile_values, tmp_path):
    summary = tmp_path / "summary.md"
    result = _check(runner, hostile_values, "--format", "github", env={"GITHUB_STEP_SUMMARY": str(summary)})
    assert result.exit_code == 1, result.output  # valid records, overdue items
    for line in result.stdout.splitlines():
        assert_safe_github_line(line)
    table = [row for row in summary.read_text(encoding="utf-8").splitlines() if row.startswith("| просрочено")]
    assert table
    for row in table:
        cells = re.split(r"(?<!\\)\|", row)
        assert len(cells) == 7, row  # five cells: nothing added by a «|» in a name or a text
        for cell in (cells[3], re.sub(r"`[^`]*`", "", cells[4])):  # who; the assignment's text
            assert not re.search(r"(?<!\\)[!\[\]()<>*_`&#$]", cell), cell  # every mark escaped: shown as written
    assert "\\!\\[трекер\\]\\(https://example.com/t.png\\)" in table[0]


def test_junit_and_gitlab_reports_parse_whatever_the_keys(runner, hostile_keys):
    junit = _check(runner, hostile_keys, "--format", "junit")
    root = ET.fromstring(junit.stdout.encode("utf-8"))
    assert int(root.get("errors")) >= 12 and not RAW.search(junit.stdout)
    gitlab = json.loads(_check(runner, hostile_keys, "--format", "gitlab").stdout)
    assert len(gitlab) >= 12 and not any(RAW.search(issue["description"]) for issue in gitlab)


def test_junit_and_gitlab_reports_parse_whatever_the_values(runner, hostile_values):
    junit = _check(runner, hostile_values, "--format", "junit")
    cases = ET.fromstring(junit.stdout.encode("utf-8")).findall(".//testcase")
    assert len(cases) == 3
    assert json.loads(_check(runner, hostile_values, "--format", "gitlab").stdout)


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_no_escape_sequence_reaches_the_terminal_from_validate(runner, hostile_keys, fmt):
    result = runner.invoke(cli, ["validate", "--records", str(hostile_keys), "--format", fmt])
    assert result.exit_code == 2
    assert not RAW.search(result.output)
    assert "неизвестное поле «[2J[Hk0\\u202e##[error]v1»" in result.output.replace("\\\\", "\\")  # ESC dropped


def test_invisible_characters_in_values_are_reported_and_never_printed_raw(runner, tmp_path):
    records = tmp_path / "records"
    shutil.copytree(BASE, records)
    org = records / "directory" / "base.yaml"
    org.write_text(org.read_text(encoding="utf-8").replace("МОУ СОШ с. Кикино", "МОУ СОШ\u200bс. Ки\u202eкино"),
                   encoding="utf-8")  # fmt: skip
    for args in (["validate"], ["check", "--today", "2024-06-01"], ["check", "--today", "2024-06-01", "--format",
                                                                     "github"]):  # fmt: skip
        result = runner.invoke(cli, [*args, "--records", str(records)])
        assert result.exit_code == 2, result.output
        assert not RAW.search(result.output), result.output
        assert "NOR012" in result.output and "NOR013" in result.output


def test_a_traceback_guard_message_is_printed_escaped(monkeypatch, capsys):
    """Even the last guard (an internal error) prints nothing raw from what it quotes."""
    import sys

    from nor_docs import cli as cli_module

    def boom(*args, **kwargs):
        raise ValueError("ключ \x1b[2J\u202e")

    monkeypatch.setattr(cli_module.cli.commands["validate"], "callback", boom)
    monkeypatch.setattr(sys, "argv", ["nor-docs", "validate"])
    with pytest.raises(SystemExit) as done:
        cli_module.main()
    assert done.value.code == 5
    err = capsys.readouterr().err
    assert "внутренняя ошибка (ValueError: ключ \\e[2J\\u202e)" in err and not RAW.search(err)


def test_newest_overdue_items_come_first_so_none_hides_under_the_count(runner, tmp_path):
    """Twelve assignments overdue, each a week later than the one before: the two oldest go
    under «Ещё», never this week's."""
    from test_check_cli import write_records

    overdue = [(f"задача {n}", f"до {d:02d}.{m:02d}.2023") for n, (d, m) in enumerate(
        [(9, 1), (16, 1), (23, 1), (30, 1), (6, 2), (13, 2), (20, 2), (27, 2), (6, 3), (13, 3), (20, 3), (27, 3)])]  # fmt: skip
    records = write_records(tmp_path / "records", overdue, date="01.01.2023")
    result = runner.invoke(cli, ["check", "--records", str(records), "--today", "2023-03-28", "--format", "github"])
    errors = [x for x in result.stdout.splitlines() if x.startswith("::error ")]
    assert "задача 11." in errors[0] and "(1 день)" in errors[0]  # overdue since yesterday: first
    assert [next(t for t in re.findall(r"задача \d+", e)) for e in errors[:9]] == [f"задача {n}" for n in
                                                                                   range(11, 2, -1)]  # fmt: skip
    assert "title=Ещё 3 просроченных поручения" in errors[9]


@pytest.mark.parametrize("args", [
    ["check", "--today", "2024-01-01\n::add-mask::x"],
    ["check", "--executor", "x\n::error file=a::forged\x1b[2J"],
    ["build", "control", "--meeting", "m\r::warning::forged"],
    ["analyze", "--rule", "r\n::error::forged"],
    ["new", "group", "--id", "g\n::error::forged"],
])  # fmt: skip
def test_a_value_from_the_command_line_is_shown_on_one_line(runner, args):
    """A workflow input put into an option (``--today "$TODAY"``) that nor-docs refuses is quoted
    in the usage error escaped, on one line: it cannot become a command of the CI log."""
    result = runner.invoke(cli, [*args, "--records", str(ROOT / "records")])
    assert result.exit_code == 3, result.output
    for line in result.output.splitlines():
        assert_safe_github_line(line)
        assert not line.startswith("::") and "\x1b" not in line
