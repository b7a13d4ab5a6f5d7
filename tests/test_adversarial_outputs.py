"""What nor-docs writes, and where (issue 12, points 2 and 8): never inside the records folder,
whatever the command and however the path is spelt (a link into the records included); into a
pipe or a device as a stream, never replacing it by a rename; through a symbolic link to the
file it points to (the link stays); never two builds into one folder at once; a full disk is a
NOR308 list, not an internal error; an id as long as allowed still makes a file name.
"""

from __future__ import annotations

import errno
import os
import shutil
import stat
import subprocess
import sys
import threading

import pytest
from conftest import ROOT, SAMPLE_RECORDS

from nor_docs.cli import cli

TEMPLATES = str(ROOT / "templates")
TODAY = ["--today", "2023-02-22"]


@pytest.fixture
def records(tmp_path):
    target = tmp_path / "records"
    shutil.copytree(SAMPLE_RECORDS, target)
    return target


def _snapshot(folder):
    return {p: (p.read_bytes() if p.is_file() else None) for p in sorted(folder.rglob("*"))}


# --- never inside the records --------------------------------------------------------------------

WRITERS = {
    "check --output": lambda records, target: ["check", "--records", str(records), *TODAY, "--output", str(target)],
    "calendar --out": lambda records, target: ["calendar", "--records", str(records), *TODAY, "--out", str(target)],
    "build protocols": lambda records, target: ["build", "protocols", "--records", str(records), "--out", str(target),
                                                "--templates", TEMPLATES],  # fmt: skip
    "build extract": lambda records, target: ["build", "extract", "2023-12-14-mun4-wg", "--item", "2", "--decision", "3",
                                              "--records", str(records), "--out", str(target), "--templates", TEMPLATES],  # fmt: skip
    "build roadmaps": lambda records, target: ["build", "roadmaps", "--records", str(records), "--out", str(target),
                                               "--templates", TEMPLATES],  # fmt: skip
    "build control": lambda records, target: ["build", "control", "--records", str(records), *TODAY, "--out",
                                              str(target), "--templates", TEMPLATES],  # fmt: skip
    "schema --out": lambda records, target: ["schema", "--records", str(records), "--out", str(target)],
    "analyze --output": lambda records, target: ["analyze", "--records", str(records), "--output", str(target)],
    "build analysis": lambda records, target: ["build", "analysis", "--records", str(records), "--out", str(target),
                                               "--date", "2024-01-15", "--templates", TEMPLATES],  # fmt: skip
}
FILE_TARGETS = {"check --output", "analyze --output"}


@pytest.mark.parametrize("command", WRITERS, ids=list(WRITERS))
@pytest.mark.parametrize("where", ["a record", "a new file in the records", "a records folder", "the records folder",
                                   "a link into the records"])  # fmt: skip
def test_no_command_writes_into_the_records(runner, records, tmp_path, command, where):
    """A target of the right kind (a file for --output, a folder for --out) inside the records is
    refused before any work (exit code 4); one of the wrong kind is a usage error (3). Either way
    the records are as they were, byte for byte."""
    wants_file = command in FILE_TARGETS
    target = {
        "a record": records / "meetings" / "2023-12-14-mun4-wg.yaml",
        "a new file in the records": records / "meetings" / "new-2024",
        "a records folder": records / "meetings",
        "the records folder": records,
        "a link into the records": tmp_path / "innocent",
    }[where]
    if where == "a link into the records":
        target.symlink_to(records / "meetings" / ("2023-12-14-mun4-wg.yaml" if wants_file else ""))
    right_kind = not target.exists() or target.is_file() == wants_file
    before = _snapshot(records)
    result = runner.invoke(cli, WRITERS[command](records, target))
    assert "Traceback" not in result.output
    assert _snapshot(records) == before
    if right_kind:
        assert result.exit_code == 4, result.output  # exitcodes.OUTPUT
        assert "находится внутри папки записей" in result.stderr and "не пиш" in result.stderr
    else:
        assert result.exit_code == 3, result.output  # a file for a folder, or the reverse


# --- pipes, devices and links -------------------------------------------------------------------------


def test_a_report_into_a_device_leaves_it_a_device(runner, records, tmp_path):
    """As root (CI containers), a rename over /dev/null made it a regular file. The device here is
    a twin of /dev/null made in a temporary folder, so that a regression cannot break the machine."""
    null = tmp_path / "null"
    try:
        os.mknod(null, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    except (PermissionError, AttributeError):
        pytest.skip("making a device node needs root")
    before = os.stat(null)
    result = runner.invoke(cli, ["check", "--records", str(records), *TODAY, "--output", str(null)])
    assert result.exit_code == 1, result.output  # overdue items: the report went into the device
    after = os.lstat(null)
    assert stat.S_ISCHR(after.st_mode) and (after.st_ino, after.st_rdev) == (before.st_ino, before.st_rdev)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["null", "records"]


def test_a_report_into_a_named_pipe_is_streamed_and_the_pipe_stays(runner, records, tmp_path):
    fifo = tmp_path / "report.fifo"
    os.mkfifo(fifo)
    received = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()), daemon=True)
    reader.start()
    result = runner.invoke(cli, ["check", "--records", str(records), *TODAY, "--format", "json", "--output",
                                 str(fifo)])  # fmt: skip
    reader.join(timeout=20)
    assert result.exit_code == 1, result.output
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert received and received[0].startswith(b'{"version": 1')


def test_a_report_through_a_link_replaces_the_file_it_points_to_and_keeps_the_link(runner, records, tmp_path):
    real = tmp_path / "reports" / "deadlines.txt"
    real.parent.mkdir()
    real.write_text("old report", encoding="utf-8")
    link = tmp_path / "latest.txt"
    link.symlink_to(real)
    result = runner.invoke(cli, ["check", "--records", str(records), *TODAY, "--output", str(link)])
    assert result.exit_code == 1, result.output
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert real.read_text(encoding="utf-8").startswith("Контроль исполнения поручений на 22.02.2023")
    assert sorted(p.name for p in real.parent.iterdir()) == ["deadlines.txt"]  # no temporary twin left


def test_a_report_to_the_standard_output_by_name_goes_there(records, tmp_path):
    """``--output /dev/stdout`` (here ``/proc/self/fd/1``, the file it links to: a regression
    could not replace that one, where it could replace /dev/stdout itself when run as root)."""
    from nor_docs.outputs.atomic import is_stream

    assert all(is_stream(name) for name in ("/dev/stdout", "/dev/stderr", "/dev/null", "/proc/self/fd/1"))
    done = subprocess.run([sys.executable, "-m", "nor_docs", "check", "--records", str(records), *TODAY,
                           "--format", "json", "--output", "/proc/self/fd/1"], capture_output=True, cwd=tmp_path)  # fmt: skip
    assert done.returncode == 1, done.stderr
    assert done.stdout.startswith(b'{"version": 1')


def test_a_document_name_taken_by_a_pipe_is_not_written_into_it(runner, tmp_path):
    records = tmp_path / "records"
    shutil.copytree(ROOT / "tests" / "bad" / "_base", records)
    out = tmp_path / "out"
    out.mkdir()
    os.mkfifo(out / "2024-01-10-wg.docx")  # a build writing into it would hang with no reader
    result = runner.invoke(cli, ["build", "protocols", "--records", str(records), "--out", str(out), "--templates",
                                 TEMPLATES])  # fmt: skip
    assert result.exit_code == 4, result.output
    assert "NOR308 протокол не записан: на месте документа" in result.stderr
    assert stat.S_ISFIFO(os.lstat(out / "2024-01-10-wg.docx").st_mode)


def test_a_link_in_the_output_folder_that_leads_into_the_records_is_not_followed(runner, records, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    record = records / "meetings" / "2023-12-14-mun4-wg.yaml"
    (out / "2023-12-14-mun4-wg.docx").symlink_to(record)
    before = record.read_bytes()
    result = runner.invoke(cli, ["build", "protocols", "--records", str(records), "--out", str(out), "--templates",
                                 TEMPLATES])  # fmt: skip
    assert result.exit_code == 4, result.output
    assert "NOR308" in result.stderr and "оказался бы вне папки" in result.stderr
    assert record.read_bytes() == before


# --- two builds, one folder ----------------------------------------------------------------------------

_HOLD = """
import sys, time
from nor_docs.outputs.safety import output_lock
with output_lock(sys.argv[1]):
    print("held", flush=True)
    time.sleep(60)
"""


@pytest.mark.parametrize("command", ["build protocols", "build extract", "build roadmaps", "build control",
                                     "build analysis", "calendar --out"])  # fmt: skip
def test_a_second_build_into_the_same_folder_is_refused_while_the_first_runs(runner, records, tmp_path, command):
    out = tmp_path / "out"
    holder = subprocess.Popen([sys.executable, "-c", _HOLD, str(out)], stdout=subprocess.PIPE, cwd=ROOT)
    try:
        assert holder.stdout.readline() == b"held\n"
        result = runner.invoke(cli, WRITERS[command](records, out))
    finally:
        holder.kill()
        holder.wait()
    assert result.exit_code == 4, result.output
    assert result.stderr == (f"nor-docs: в папку «{out}» уже идёт сборка (другой запуск nor-docs); дождитесь её "
                             "окончания или укажите другую папку (--out)\n")  # fmt: skip
    after = runner.invoke(cli, WRITERS[command](records, out))  # the holder is gone: the lock with it
    assert after.exit_code in (0, 1), after.output
    assert not (out / ".nor-docs.lock").exists()


def test_two_builds_started_together_never_trip_over_each_other(records, tmp_path):
    """Real processes: one builds, the other is refused or finds everything built — never the
    misleading NOR308 of a temporary file the other removed."""
    out = tmp_path / "out"
    command = [sys.executable, "-m", "nor_docs", "build", "protocols", "--records", str(records), "--out", str(out),
               "--templates", TEMPLATES, "--no-progress"]  # fmt: skip
    runs = [subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=tmp_path) for _ in range(3)]
    outcomes = [(run.wait(), run.stderr.read().decode()) for run in runs]
    assert all(code in (0, 4) for code, _ in outcomes), outcomes
    assert any(code == 0 for code, _ in outcomes)
    assert all("уже идёт сборка" in err for code, err in outcomes if code == 4)
    assert not any("NOR308" in err or "Traceback" in err for _, err in outcomes)
    assert len(list(out.glob("*.docx"))) == 5 and not list(out.glob(".nor-docs-*.tmp"))


# --- a full disk --------------------------------------------------------------------------------------


def _full_disk(monkeypatch):
    import nor_docs.outputs.atomic as atomic

    def no_space(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(atomic.os, "fsync", no_space)
    real_fdopen = atomic.os.fdopen

    class Full:
        def __init__(self, handle):
            self.handle = handle

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.handle.close()

        def fileno(self):
            return self.handle.fileno()

        def write(self, data):
            raise OSError(errno.ENOSPC, "No space left on device")

        def flush(self):
            pass

    monkeypatch.setattr(atomic.os, "fdopen", lambda fd, mode: Full(real_fdopen(fd, mode)))


def test_a_full_disk_during_build_protocols_is_the_nor308_list(runner, records, tmp_path, monkeypatch):
    _full_disk(monkeypatch)
    out = tmp_path / "out"
    result = runner.invoke(cli, ["build", "protocols", "--records", str(records), "--out", str(out), "--templates",
                                 TEMPLATES, "-j", "1"])  # fmt: skip
    assert result.exit_code == 4, result.output
    lines = [line for line in result.stderr.splitlines() if "NOR308" in line]
    assert len(lines) == 6, result.stderr  # five protocols and the list of what was built
    assert all("на диске нет места" in line for line in lines)
    assert "внутренняя ошибка" not in result.output and "Traceback" not in result.output
    assert not [p for p in out.iterdir() if p.name != ".nor-docs-manifest.json"]  # nothing half written


def test_a_full_disk_during_build_extract_is_nor308(runner, records, tmp_path, monkeypatch):
    _full_disk(monkeypatch)
    result = runner.invoke(cli, ["build", "extract", "2023-12-14-mun4-wg", "--item", "2", "--decision", "3", "--records",
                                 str(records), "--out", str(tmp_path / "out"), "--templates", TEMPLATES])  # fmt: skip
    assert result.exit_code == 4, result.output
    assert "NOR308 выписка не записана: на диске нет места" in result.stderr
    assert "внутренняя ошибка" not in result.output
    assert not list((tmp_path / "out").iterdir())


# --- names as long as an id may be -------------------------------------------------------------------


def test_an_id_of_the_longest_allowed_length_builds_its_documents(runner, tmp_path):
    records = tmp_path / "records"
    shutil.copytree(ROOT / "tests" / "bad" / "_base", records)
    long_id = "m" + "x" * 99
    meeting = records / "meetings" / "2024-01-10-wg.yaml"
    meeting.write_text(meeting.read_text(encoding="utf-8").replace("kind:", f"id: {long_id}\nkind:", 1),
                       encoding="utf-8")  # fmt: skip
    out = tmp_path / "out"
    built = runner.invoke(cli, ["build", "protocols", "--records", str(records), "--out", str(out), "--templates",
                                TEMPLATES])  # fmt: skip
    assert built.exit_code == 0, built.output
    extract = runner.invoke(cli, ["build", "extract", long_id, "--item", "1", "--decision", "2", "--records", str(records),
                                  "--out", str(out), "--templates", TEMPLATES])  # fmt: skip
    assert extract.exit_code == 0, extract.output
    assert sorted(p.name for p in out.glob("*.docx")) == [f"{long_id}.docx", f"{long_id}.extract-1.docx"]


def test_temporary_files_have_short_names_whatever_the_output_name(tmp_path, monkeypatch):
    import tempfile

    from nor_docs.outputs import atomic

    seen = []
    real = tempfile.mkstemp

    def noting(*args, **kwargs):
        fd, name = real(*args, **kwargs)
        seen.append(name)
        return fd, name

    monkeypatch.setattr(atomic.tempfile, "mkstemp", noting)
    target = tmp_path / ("d" * 250 + ".docx")  # 255 bytes: the file system's limit
    atomic.write_atomic(target, b"x")
    assert target.read_bytes() == b"x"
    assert len(os.path.basename(seen[0])) < 30


def test_leftovers_of_a_killed_run_are_removed_by_the_next_build(runner, tmp_path):
    records = tmp_path / "records"
    shutil.copytree(ROOT / "tests" / "bad" / "_base", records)
    out = tmp_path / "out"
    out.mkdir()
    (out / ".nor-docs-abc123_x.tmp").write_bytes(b"half")  # what a kill -9 between write and rename leaves
    (out / ".2024-01-10-wg.docx.k3j4.tmp").write_bytes(b"half")  # the same, as earlier versions named it
    (out / "notes.tmp").write_bytes(b"mine")  # not ours
    result = runner.invoke(cli, ["build", "protocols", "--records", str(records), "--out", str(out), "--templates",
                                 TEMPLATES])  # fmt: skip
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == [".nor-docs-cache", ".nor-docs-manifest.json", "2024-01-10-wg.docx",
                                                     "notes.tmp"]  # (the parse cache: source/parse_cache.py)


def test_nothing_is_left_behind_when_a_write_fails_midway(tmp_path, monkeypatch):
    from nor_docs.outputs import atomic

    _full_disk(monkeypatch)
    with pytest.raises(OSError):
        atomic.write_atomic(tmp_path / "x.docx", b"data")
    assert list(tmp_path.iterdir()) == []  # no temporary file, no document
