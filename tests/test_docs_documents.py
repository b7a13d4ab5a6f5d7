"""docs/documents.md shows real output: its typography table is what the typograph makes of each
left cell, and its command examples are what the commands print on the sample."""

from __future__ import annotations

import re
import shutil

import pytest
from conftest import ROOT, SAMPLE_RECORDS

from nor_docs.cli import cli
from nor_docs.russian.typography import typeset

PAGE = (ROOT / "docs" / "documents.md").read_text(encoding="utf-8")


def _table_rows():
    rows = re.findall(r"^\| `([^`]+)` \| (.+) \|$", PAGE, re.M)
    assert len(rows) >= 10
    return rows


@pytest.mark.parametrize(("typed", "shown"), _table_rows())
def test_the_typography_table_is_what_the_typograph_does(typed, shown):
    assert typeset(typed).replace("\u00a0", "⍽").replace("\u2011", "‑") == shown


def _example(command: str) -> str:
    block = PAGE.split(f"$ {command}\n", 1)[1]
    return block.split("```", 1)[0]


@pytest.mark.parametrize(
    "command",
    ["nor-docs build control --today 2024-12-20", "nor-docs build extract 2023-10-31-kamenka-wg --item 1"],
)
def test_the_command_examples_are_real_output(runner, tmp_path, monkeypatch, command):
    shutil.copytree(SAMPLE_RECORDS, tmp_path / "records")
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(cli, [*command.split()[1:], "--templates", str(ROOT / "templates")])
    assert result.output == _example(command)
