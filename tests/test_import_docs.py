"""docs/import.md shows real output: the example run and the draft fragment are what
``nor-docs import`` prints and writes for seed 004 saved as text; the fragment with deadlines
inside the decisions' text is what it writes for the corpus's Word protocol of them
(tests/import_corpus.py)."""

from __future__ import annotations

import re
import shutil

from conftest import ROOT, SAMPLE_RECORDS
from import_facts import seeds_dir

from nor_docs.cli import cli

DOC = ROOT / "docs" / "import.md"


def _blocks(kind: str) -> list[str]:
    """The fenced blocks of ``kind``, without the indentation of a fence inside a list item."""
    found = re.findall(rf"^( *)```{kind}\n(.*?)^ *```", DOC.read_text(encoding="utf-8"), re.S | re.M)
    return ["".join(line[len(indent):] for line in body.splitlines(True)) for indent, body in found]


def test_the_example_run_and_draft_in_the_manual_are_real(runner, tmp_path, monkeypatch):
    shutil.copytree(SAMPLE_RECORDS, tmp_path / "records", ignore=shutil.ignore_patterns("meetings", "roadmaps", "marks"))
    shutil.copy(seeds_dir() / "004_f8a50a386e0d4be3.txt", tmp_path / "protokol-seminar.txt")
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(cli, ["import", "protokol-seminar.txt"])
    assert result.exit_code == 0
    (example,) = [b for b in _blocks("") if b.startswith("$ nor-docs import protokol-seminar.txt")]
    assert example.splitlines()[1:] == result.output.splitlines()
    fragment, _inside, _act = _blocks("yaml")  # the third: an order or directive (test_import_kinds.py)
    draft = (tmp_path / "records" / "meetings" / "2022-01-31-astrakhan-seminar.yaml").read_text(encoding="utf-8")
    assert fragment in draft


def test_the_fragment_with_deadlines_inside_the_text_is_real(runner, tmp_path, monkeypatch):
    from import_corpus import wg_deadlines_in_text_pervomaisk

    shutil.copytree(SAMPLE_RECORDS, tmp_path / "records", ignore=shutil.ignore_patterns("meetings", "roadmaps", "marks"))
    shutil.copy(ROOT / "tests" / "data" / "import" / "records" / "directory" / "corpus.yaml", tmp_path / "records" / "directory")
    wg_deadlines_in_text_pervomaisk(tmp_path / "protokol.docx")
    monkeypatch.chdir(tmp_path)
    assert runner.invoke(cli, ["import", "protokol.docx"]).exit_code == 0
    _astrakhan, fragment, _act = _blocks("yaml")
    assert "[[" in fragment
    assert fragment in (tmp_path / "records" / "meetings" / "2024-09-10-pervomaisk-wg.yaml").read_text(encoding="utf-8")
