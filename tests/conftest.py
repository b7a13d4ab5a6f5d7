"""Shared fixtures: the sample records, a scratch copy of them, and a CLI runner."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_RECORDS = ROOT / "records"
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def records_copy(tmp_path: Path) -> Path:
    """A writable copy of the sample records."""
    target = tmp_path / "records"
    shutil.copytree(SAMPLE_RECORDS, target)
    return target
