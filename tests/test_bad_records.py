"""The corpus of bad records: each case under tests/bad/ is validated and its output compared,
line by line, with the case's expected.txt (see tests/bad/README.md).

To write the expected files afresh after a deliberate change of messages:
``NOR_DOCS_UPDATE_EXPECTED=1 pytest tests/test_bad_records.py`` — then read the diff.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from nor_docs.cli import cli
from nor_docs.diagnostics import CODES, ERROR

BAD = Path(__file__).resolve().parent / "bad"
CASES = sorted(p for p in BAD.iterdir() if p.is_dir() and not p.name.startswith("_"))
CASE_FILES = {"expected.txt", "README.md"}


def build_case(case: Path | None, tmp_path: Path) -> Path:
    """The base records with the case's files laid over them, in ``tmp_path/records``."""
    root = tmp_path / "records"
    shutil.copytree(BAD / "_base", root)
    if case is not None:
        for path in sorted(case.rglob("*")):
            if path.is_file() and path.name not in CASE_FILES:
                target = root / path.relative_to(case)
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(path, target)
    return root


def run_validate(runner, tmp_path: Path, monkeypatch, *args: str):
    monkeypatch.chdir(tmp_path)
    return runner.invoke(cli, ["validate", "--records", "records", *args])


def test_base_records_are_clean(runner, tmp_path, monkeypatch):
    build_case(None, tmp_path)
    result = run_validate(runner, tmp_path, monkeypatch)
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Записи в порядке")


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_bad_case_reports_exactly_the_expected_diagnostics(case, runner, tmp_path, monkeypatch):
    build_case(case, tmp_path)
    result = run_validate(runner, tmp_path, monkeypatch)
    assert "Traceback" not in result.output
    lines = result.output.splitlines()
    assert lines and lines[-1].startswith("Найдено:"), result.output
    diagnostics = lines[:-1]
    expected_file = case / "expected.txt"
    if os.environ.get("NOR_DOCS_UPDATE_EXPECTED"):
        expected_file.write_text("\n".join(diagnostics) + "\n", encoding="utf-8")
    expected = expected_file.read_text(encoding="utf-8").splitlines()
    assert diagnostics == expected
    codes = [line.split(": ", 1)[1].split(" ", 1)[0] for line in expected]
    assert all(code in CODES for code in codes)
    errors = any(CODES[code][0] == ERROR for code in codes)
    assert result.exit_code == (2 if errors else 0)


def test_every_case_has_expected_output():
    assert CASES
    for case in CASES:
        assert (case / "expected.txt").is_file(), f"{case.name}: expected.txt is missing"


def test_every_records_code_has_a_bad_case():
    """Each code of the records/validate ranges (NOR0xx–NOR2xx) is shown by some case — but
    NOR001, an unreadable file, which a test cannot make on a machine where it runs as root
    (its folder variant is in test_validate_cli)."""
    shown = {line.split(": ", 1)[1].split(" ", 1)[0]
             for case in CASES for line in (case / "expected.txt").read_text(encoding="utf-8").splitlines()}  # fmt: skip
    ours = {code for code in CODES if code[3] in "012"} - {"NOR001"}
    assert ours - shown == set()
