"""What nor-docs reads (issue 12, point 5): only the records. A symbolic link in the records that
leads out of the repository is refused without being opened — its target's content (a token, a
key) never reaches a message, a CI annotation or a document; a named pipe, a device, a folder
named like a record are reported, never read (a pipe would hang the reader, /dev/zero would never
end) nor silently skipped; a file whose name holds a control character is reported, its name
escaped.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest
from conftest import ROOT

from nor_docs.cli import cli

BASE = ROOT / "tests" / "bad" / "_base"
SECRET = "ghp_TOPSECRET0123456789"


@pytest.fixture
def repo(tmp_path):
    """A records repository (``.git`` marks its root) with a secret lying next to it, outside."""
    root = tmp_path / "office"
    (root / ".git").mkdir(parents=True)
    shutil.copytree(BASE, root / "records")
    (tmp_path / "token.txt").write_text(f"token: {SECRET}\nkind: x: y\n", encoding="utf-8")
    return root


def _all_outputs(runner, records, tmp_path) -> list:
    """Every command that reads the records, in every format that reaches a log."""
    runs = [runner.invoke(cli, ["validate", "--records", str(records), *fmt]) for fmt in ([], ["--format", "json"])]
    runs += [runner.invoke(cli, ["check", "--records", str(records), "--today", "2024-03-01", "--format", fmt])
             for fmt in ("text", "github", "gitlab", "json", "junit")]  # fmt: skip
    runs.append(runner.invoke(cli, ["build", "protocols", "--records", str(records), "--out", str(tmp_path / "out"),
                                    "--templates", str(ROOT / "templates")]))  # fmt: skip
    return runs


@pytest.mark.parametrize("where", ["meetings/leak.yaml", "directory/leak.yaml", "settings.yaml"])
def test_a_link_out_of_the_repository_is_refused_and_its_content_never_shown(runner, repo, tmp_path, where):
    records = repo / "records"
    link = records / where
    link.parent.mkdir(exist_ok=True)
    link.symlink_to(tmp_path / "token.txt")
    for result in _all_outputs(runner, records, tmp_path):
        assert SECRET not in result.output and "kind: x" not in result.output, result.output
        assert "Traceback" not in result.output
    shown = runner.invoke(cli, ["validate", "--records", str(records)]).output
    assert (f"{records}/{where}:1:1: NOR001 не читается: символическая ссылка ведёт за пределы репозитория "
            f"(на {tmp_path / 'token.txt'}): файл вне репозитория не читается — положите в папку записей сам файл, "
            "а не ссылку") in shown
    assert SECRET not in "".join(p.read_text(errors="replace") for p in (tmp_path / "out").rglob("*") if p.is_file())


def test_a_linked_records_folder_out_of_the_repository_is_refused(runner, repo, tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "leak.yaml").write_text(f"token: {SECRET}\n", encoding="utf-8")
    (repo / "records" / "events").rename(tmp_path / "events-moved")
    (repo / "records" / "events").symlink_to(elsewhere)
    result = runner.invoke(cli, ["validate", "--records", str(repo / "records")])
    assert result.exit_code == 2 and SECRET not in result.output
    assert "records/events:1:1: NOR001 не читается: символическая ссылка ведёт за пределы репозитория" in result.output
    assert "папка вне репозитория не читается" in result.output


def test_a_link_inside_the_repository_is_read(runner, repo):
    shared = repo / "shared"
    shared.mkdir()
    (repo / "records" / "events" / "vpr.yaml").rename(shared / "vpr.yaml")
    (repo / "records" / "events" / "vpr.yaml").symlink_to(shared / "vpr.yaml")
    result = runner.invoke(cli, ["validate", "--records", str(repo / "records")])
    assert result.exit_code == 0, result.output


def test_without_a_repository_links_may_not_leave_the_records_folder(runner, tmp_path):
    records = tmp_path / "records"
    shutil.copytree(BASE, records)
    (tmp_path / "token.txt").write_text(f"token: {SECRET}\n", encoding="utf-8")
    (records / "meetings" / "leak.yaml").symlink_to(tmp_path / "token.txt")
    result = runner.invoke(cli, ["validate", "--records", str(records)])
    assert result.exit_code == 2 and SECRET not in result.output
    assert "за пределы репозитория" in result.output


@pytest.mark.parametrize("kind", ["fifo", "dev-zero", "dev-null", "folder-link", "socket"])
def test_special_files_named_like_records_are_reported_not_read(repo, tmp_path, kind):
    """In a subprocess with a time limit: a reader that opened the pipe would hang for good."""
    import socket

    path = repo / "records" / "meetings" / f"{kind}.yaml"
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "dev-zero":
        path.symlink_to("/dev/zero")
    elif kind == "dev-null":
        path.symlink_to("/dev/null")
    elif kind == "folder-link":
        path.symlink_to(repo / "records" / "events")
    else:
        held = socket.socket(socket.AF_UNIX)
        held.bind(str(path))
    done = subprocess.run([sys.executable, "-m", "nor_docs", "validate", "--records", str(repo / "records")],
                          capture_output=True, text=True, timeout=30, cwd=tmp_path)  # fmt: skip
    assert done.returncode == 2, done.stdout
    line = next(x for x in done.stdout.splitlines() if f"meetings/{kind}.yaml" in x)
    expected = {"fifo": "это именованный канал (FIFO), а не файл", "dev-zero": "за пределы репозитория",
                "dev-null": "за пределы репозитория", "folder-link": "это папка, а не файл записи",
                "socket": "это не обычный файл"}[kind]  # fmt: skip
    assert ":1:1: NOR001 не читается: " in line and expected in line, line


def test_a_file_name_with_a_control_character_is_reported_escaped(runner, repo):
    bad = repo / "records" / "meetings" / "2024-02-01-\x1b[2J.yaml"
    shutil.copyfile(BASE / "meetings" / "2024-01-10-wg.yaml", bad)
    for fmt in ("text", "json"):
        result = runner.invoke(cli, ["validate", "--records", str(repo / "records"), "--format", fmt])
        assert result.exit_code == 2
        assert "\x1b" not in result.output
        assert "2024-02-01-\\\\e[2J.yaml" in result.output if fmt == "json" else "2024-02-01-\\e[2J.yaml" in result.output
        assert "в имени файла невидимый или управляющий символ" in result.output
