"""Builds run from a folder without templates/ (an office's own records folder) use the templates
nor-docs comes with; a templates/ in the current folder, or --templates, still wins."""

from __future__ import annotations

import shutil

from conftest import ROOT

from nor_docs.build.templates import templates_folder
from nor_docs.cli import cli


def test_a_build_outside_the_repository_finds_the_shipped_templates(runner, records_copy, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # holds records/, no templates/
    for args in (["build", "protocols", "-j", "1"], ["build", "roadmaps"], ["build", "control", "--today", "2024-01-20"],
                 ["build", "extract", "2023-12-14-mun4-wg", "--item", "2", "--decision", "3"]):  # fmt: skip
        result = runner.invoke(cli, [*args, "--records", "records", "--out", "out"])
        assert "NOR303" not in result.output, (args, result.output)
        assert result.exit_code == 0, (args, result.output)
    assert (tmp_path / "out" / "2023-12-14-mun4-wg.docx").is_file()


def test_a_local_templates_folder_is_preferred(tmp_path):
    assert templates_folder(tmp_path) == str(ROOT / "templates")
    (tmp_path / "templates").mkdir()
    assert templates_folder(tmp_path) == "templates"


def test_an_explicit_templates_option_is_used_as_given(runner, mun4_records, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    shutil.copytree(ROOT / "templates", tmp_path / "mine")
    (tmp_path / "mine" / "protocol.docx").unlink()
    result = runner.invoke(cli, ["build", "protocols", "-j", "1", "--records", "mun4-records", "--out", "out",
                                 "--templates", "mine"])  # fmt: skip
    assert result.exit_code == 1 and "NOR303" in result.output
