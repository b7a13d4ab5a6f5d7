"""The commands that add to the records (``new …``, ``import``, ``init``) under
issue 12's rules: what they write stays inside the records where it belongs and never replaces
a file, a link or a pipe already there; what a user or a table names on the way in cannot lead
out of the records, hang the command or break the record it writes; two runs at once lose
nothing.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

from conftest import SAMPLE_RECORDS
from nor_docs.cli import cli
from nor_docs.outputs import output_lock

@pytest.fixture
def place(tmp_path, monkeypatch):
    shutil.copytree(SAMPLE_RECORDS, tmp_path / "records")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _snapshot(folder):
    return {p: (p.read_bytes() if p.is_file() else None) for p in sorted(folder.rglob("*"))}


# --- names that would lead out of the records ---------------------------------------------------


def test_new_person_edits_only_a_directory_file(runner, place):
    (place / "records" / "directory" / "pipe.yaml").unlink(missing_ok=True)
    os.mkfifo(place / "records" / "directory" / "pipe.yaml")
    (place / "elsewhere.yaml").write_text("people: []\n", encoding="utf-8")
    for file, code in (("elsewhere.yaml", 3), ("records/meetings/2023-12-14-mun4-wg.yaml", 3),
                       ("records/directory/pipe.yaml", 4)):  # fmt: skip
        result = runner.invoke(cli, ["new", "person", "orlova", "Орлова Анна", "--records", "records", "--file", file])
        assert result.exit_code == code, result.output
    assert (place / "elsewhere.yaml").read_text(encoding="utf-8") == "people: []\n"


def test_new_person_without_file_skips_a_pipe_named_like_a_directory_file(place):
    """The default file is looked for as the records are read: a pipe would hang the reading."""
    os.mkfifo(place / "records" / "directory" / "a-pipe.yaml")
    done = subprocess.run([sys.executable, "-m", "nor_docs", "new", "person", "orlova", "Орлова Анна Сергеевна",
                           "--organization", "kamenka-kikino", "--records", "records"],
                          capture_output=True, text=True, cwd=place, timeout=60)  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "id: orlova" in (place / "records" / "directory" / "kamenka.yaml").read_text(encoding="utf-8")


def test_init_never_starts_a_repository_inside_the_records(runner, place):
    before = _snapshot(place / "records")
    result = runner.invoke(cli, ["init", "records/meetings/office"])
    assert result.exit_code == 4, result.output
    assert "внутри папки записей" in result.stderr and "init не пишет в записи" in result.stderr
    assert _snapshot(place / "records") == before
    assert runner.invoke(cli, ["init", "office"]).exit_code == 0  # beside the records: fine


# --- two runs at once -------------------------------------------------------------------------------


def test_new_person_waits_for_no_one_and_loses_nothing(runner, place):
    directory = place / "records" / "directory"
    before = _snapshot(directory)
    with output_lock(directory):  # another run editing the directory
        result = runner.invoke(cli, ["new", "person", "orlova", "Орлова Анна", "--records", "records"])
    assert result.exit_code == 4, result.output
    assert result.stderr == ("nor-docs: справочник в «records/directory» сейчас меняет другой запуск nor-docs; "
                             "дождитесь его окончания и повторите\n")  # fmt: skip
    assert _snapshot(directory) == before


def test_import_into_a_folder_another_import_writes_to_is_refused(runner, place):
    from import_facts import seeds_dir

    out = place / "drafts"
    with output_lock(out):
        result = runner.invoke(cli, ["import", str(seeds_dir() / "002_4dbd5cde15fe31d7.txt"), "--records", "records",
                                     "--out", str(out)])  # fmt: skip
    assert result.exit_code == 4, result.output
    assert "уже идёт импорт (другой запуск nor-docs)" in result.stderr
    assert not list(out.rglob("*.yaml"))
    again = runner.invoke(cli, ["import", str(seeds_dir() / "002_4dbd5cde15fe31d7.txt"), "--records", "records",
                                "--out", str(out)])  # fmt: skip
    assert again.exit_code == 0 and not (out / ".nor-docs.lock").exists()


def test_an_import_of_nothing_leaves_no_folder_behind(runner, place):
    (place / "letter.txt").write_text("Уважаемые коллеги!\n", encoding="utf-8")
    result = runner.invoke(cli, ["import", "letter.txt", "--records", "records", "--out", "drafts"])
    assert result.exit_code == 1, result.output  # not recognised: not all imported
    assert not (place / "drafts").exists()
