"""The make targets a user runs: `make protocols` builds DOCX, `make pdf` converts them in one
LibreOffice call or says clearly that LibreOffice is missing."""

from __future__ import annotations

import shutil
import subprocess

import pytest
from conftest import ROOT

pytestmark = pytest.mark.skipif(shutil.which("make") is None, reason="make не установлен")


def _make(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(["make", "-s", *args], cwd=ROOT, capture_output=True, text=True, timeout=300)


def test_make_protocols_validates_and_builds_the_sample(tmp_path):
    result = _make("protocols", f"OUT={tmp_path}")
    assert result.returncode == 0, result.stderr
    meetings = sorted(p.stem for p in (ROOT / "records" / "meetings").glob("*.yaml"))
    assert sorted(p.stem for p in (tmp_path / "protocols").glob("*.docx")) == meetings
    assert f"Собрано протоколов: {len(meetings)} из {len(meetings)}" in result.stdout


def test_make_protocols_greets_with_the_build_not_the_samples_warnings(tmp_path):
    result = _make("protocols", f"OUT={tmp_path}")
    assert "NOR2" not in result.stdout + result.stderr  # the deliberate warnings are make validate's
    assert result.stdout.splitlines()[0] == f"{tmp_path}/protocols/2021-09-29-kuznetsk.docx"
    validate = _make("validate")
    assert "NOR202" in validate.stdout and "NOR201" in validate.stdout


def test_make_protocols_still_shows_the_builds_own_errors(tmp_path):
    import shutil as files

    records = tmp_path / "records"
    files.copytree(ROOT / "records", records)
    meeting = records / "meetings" / "2023-01-31-petrozavodsk.yaml"
    meeting.write_text(meeting.read_text(encoding="utf-8").replace("date: 31.01.2023", "date: 31.02.2023", 1),
                       encoding="utf-8")  # fmt: skip
    result = _make("protocols", f"RECORDS={records}", f"OUT={tmp_path / 'out'}")
    assert result.returncode != 0
    assert "2023-01-31-petrozavodsk.yaml:" in result.stderr and "NOR105 такой даты нет: «31.02.2023»" in result.stderr
    assert "не собрано из-за ошибок — 1" in result.stdout


def test_make_pdf_without_libreoffice_says_so(tmp_path):
    result = _make("pdf", f"OUT={tmp_path}", "SOFFICE=/nonexistent/soffice")
    assert result.returncode != 0
    assert "make pdf: не найден LibreOffice (/nonexistent/soffice)" in result.stderr
    assert not (tmp_path / "pdf").exists()


@pytest.mark.libreoffice
def test_make_pdf_converts_every_built_protocol(tmp_path):
    if shutil.which("soffice") is None:
        pytest.skip("LibreOffice (soffice) не установлен")
    result = _make("pdf", f"OUT={tmp_path}")
    assert result.returncode == 0, result.stderr
    built = sorted(p.stem for p in (tmp_path / "protocols").glob("*.docx"))
    assert built and sorted(p.stem for p in (tmp_path / "pdf").glob("*.pdf")) == built


def test_make_roadmaps_builds_every_sample_roadmap_with_statuses_on_request(tmp_path):
    result = _make("roadmaps", f"OUT={tmp_path}", "TODAY=2024-01-20")
    assert result.returncode == 0, result.stderr
    roadmaps = sorted(p.stem for p in (ROOT / "records" / "roadmaps").glob("*.yaml"))
    assert sorted(p.stem for p in (tmp_path / "roadmaps").glob("*.docx")) == roadmaps
    assert f"Собрано дорожных карт со статусами на 20.01.2024: {len(roadmaps)} из {len(roadmaps)}" in result.stdout
