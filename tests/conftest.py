"""Shared fixtures: the sample records, a scratch copy of them, and a CLI runner; and a loader
for the scripts under bench/ and templates/ that tests use."""

from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_RECORDS = ROOT / "records"
DATA = Path(__file__).resolve().parent / "data"


def load_script(path: Path):
    """A script that is not part of the package (``bench/*.py``, ``templates/make_*.py``) as a module."""
    spec = importlib.util.spec_from_file_location(path.stem, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def records_copy(tmp_path: Path) -> Path:
    """A writable copy of the sample records."""
    target = tmp_path / "records"
    shutil.copytree(SAMPLE_RECORDS, target)
    return target


@pytest.fixture
def mun4_records(tmp_path: Path) -> Path:
    """The sample records with only the meeting of seed 002 (tests that count documents)."""
    target = tmp_path / "mun4-records"
    shutil.copytree(SAMPLE_RECORDS, target, ignore=shutil.ignore_patterns("meetings"))
    (target / "meetings").mkdir()
    shutil.copy(SAMPLE_RECORDS / "meetings" / "2023-12-14-mun4-wg.yaml", target / "meetings")
    return target
