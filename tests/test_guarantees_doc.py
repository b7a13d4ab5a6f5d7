"""docs/guarantees.md is real: its exit codes are ``exitcodes.EXIT_CODES``, and every example is
what nor-docs prints (run here, in the situation the text describes)."""

from __future__ import annotations

import re
import shutil

from conftest import ROOT, SAMPLE_RECORDS

from nor_docs.cli import cli
from nor_docs.exitcodes import EXIT_CODES

DOC = (ROOT / "docs" / "guarantees.md").read_text(encoding="utf-8")
BLOCKS = re.findall(r"```\n(.*?)```", DOC, re.S)


def _runs(block: str) -> list[tuple[list[str], str]]:
    """(arguments after «nor-docs», the output shown) for each «$ nor-docs …» of a block."""
    runs = []
    for part in re.split(r"^\$ nor-docs ", block, flags=re.M)[1:]:
        command, _, shown = part.partition("\n")
        runs.append((command.split(), shown))
    return runs


def test_the_exit_code_table_is_the_one_every_command_uses():
    rows = re.findall(r"^\| (\d+) \| (.+) \|$", DOC, re.M)
    assert {int(code): meaning for code, meaning in rows} == {code: text for code, (_name, text) in EXIT_CODES.items()}


def test_the_refusals_to_write_into_the_records_are_what_nor_docs_prints(runner, tmp_path, monkeypatch):
    shutil.copytree(SAMPLE_RECORDS, tmp_path / "records")
    monkeypatch.chdir(tmp_path)
    runs = _runs(BLOCKS[0])
    assert len(runs) == 2
    for args, shown in runs:
        result = runner.invoke(cli, args)
        assert result.exit_code == 4
        assert result.output == shown


def test_the_second_build_is_refused_as_shown(runner, tmp_path, monkeypatch):
    from nor_docs.outputs.safety import output_lock

    shutil.copytree(SAMPLE_RECORDS, tmp_path / "records")
    monkeypatch.chdir(tmp_path)
    (args, shown), = _runs(BLOCKS[1])
    with output_lock(tmp_path / "build" / "protocols"):  # the first build, still writing
        result = runner.invoke(cli, args)
    assert result.exit_code == 4 and result.output == shown


def test_a_key_that_would_clear_the_screen_is_shown_escaped(runner, tmp_path, monkeypatch):
    records = tmp_path / "records"
    shutil.copytree(ROOT / "tests" / "bad" / "_base", records)
    meeting = records / "meetings" / "2024-01-10-wg.yaml"
    key = re.search(r"дописан ключ\n`(.+?)`", DOC).group(1)
    meeting.write_text(meeting.read_text(encoding="utf-8") + key.replace("…", "очистка экрана") + "\n",
                       encoding="utf-8")  # fmt: skip
    monkeypatch.chdir(tmp_path)
    (args, shown), = _runs(BLOCKS[2])
    result = runner.invoke(cli, args)
    assert result.exit_code == 2 and result.output == shown
    assert "\x1b" not in result.output
