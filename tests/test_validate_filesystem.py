"""`nor-docs validate` on a records folder the file system gets in the way of: symlink loops,
symlinks to nowhere, files and folders that cannot be read. Each is one NOR001 line in Russian
with what to do, the rest of the folder is still checked, and no traceback reaches the user."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from test_bad_records import BAD, build_case, run_validate

from nor_docs.source import layout


def _lines(result) -> list[str]:
    assert "Traceback" not in result.output
    assert "внутренняя ошибка" not in result.output
    return result.output.splitlines()


def _with_a_bad_meeting(root: Path) -> None:
    """Another problem in the same run, to show that the folder is still checked."""
    case = BAD / "unknown-field" / "meetings"
    for path in case.iterdir():
        (root / "meetings" / path.name).write_bytes(path.read_bytes())


def test_symlink_loop_is_reported_not_raised(runner, tmp_path, monkeypatch):
    root = build_case(None, tmp_path)
    (root / "meetings" / "loop.yaml").symlink_to("loop.yaml")
    _with_a_bad_meeting(root)
    result = run_validate(runner, tmp_path, monkeypatch)
    lines = _lines(result)
    assert (
        "records/meetings/loop.yaml:1:1: NOR001 файл не читается: символические ссылки зациклены; "
        "исправьте ссылку или удалите её"
    ) in lines
    expected = (BAD / "unknown-field" / "expected.txt").read_text(encoding="utf-8").splitlines()
    assert set(expected) <= set(lines)
    assert lines[-1] == f"Найдено: ошибок — {1 + len(expected)}, предупреждений — 0."
    assert result.exit_code == 2


def test_symlink_to_nowhere_is_reported_not_skipped(runner, tmp_path, monkeypatch):
    root = build_case(None, tmp_path)
    (root / "meetings" / "2024-03-01-wg.yaml").symlink_to("moved-away.yaml")  # inside the records
    result = run_validate(runner, tmp_path, monkeypatch)
    assert _lines(result) == [
        "records/meetings/2024-03-01-wg.yaml:1:1: NOR001 файл не читается: его нет (символическая ссылка "
        "ведёт на несуществующий файл?); исправьте ссылку или удалите её",
        "Найдено: ошибок — 1, предупреждений — 0.",
    ]
    assert result.exit_code == 2


def test_symlinked_folders_are_skipped_and_a_link_to_a_folder_named_like_a_record_is_reported(
        runner, tmp_path, monkeypatch):  # fmt: skip
    root = build_case(None, tmp_path)
    (root / "meetings" / "again").symlink_to(root / "meetings")  # a folder loop: never followed
    (root / "meetings" / "folder.yaml").symlink_to(root / "events")  # a link to a folder, named as a record
    (root / "meetings" / "2024-02-01-wg.yaml").mkdir()  # a folder named like a record: a subfolder
    result = run_validate(runner, tmp_path, monkeypatch)
    assert _lines(result) == [
        "records/meetings/folder.yaml:1:1: NOR001 не читается: это папка, а не файл записи; переименуйте её или "
        "удалите ссылку",
        "Найдено: ошибок — 1, предупреждений — 0.",
    ]


def test_unreadable_file_and_folder_are_reported_in_russian(runner, tmp_path, monkeypatch):
    root = build_case(None, tmp_path)
    locked_file = root / "meetings" / "2024-01-10-wg.yaml"
    locked_folder = root / "events"
    real_read_bytes, real_scandir = Path.read_bytes, os.scandir

    def read_bytes(path):
        if path.name == locked_file.name:
            raise PermissionError(13, "Permission denied", str(path))
        return real_read_bytes(path)

    def scandir(path="."):
        if Path(path).name == locked_folder.name:
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    monkeypatch.setattr(layout.os, "scandir", scandir)
    result = run_validate(runner, tmp_path, monkeypatch)
    assert _lines(result) == [
        "records/events:1:1: NOR001 папка не читается: нет прав на чтение; проверьте права доступа (chmod) "
        "или владельца файла",
        "records/meetings/2024-01-10-wg.yaml:1:1: NOR001 файл не читается: нет прав на чтение; проверьте "
        "права доступа (chmod) или владельца файла",
        "Найдено: ошибок — 2, предупреждений — 0.",
    ]
    assert result.exit_code == 2


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root reads any file")
def test_unreadable_file_for_real(runner, tmp_path, monkeypatch):
    root = build_case(None, tmp_path)
    locked = root / "meetings" / "2024-01-10-wg.yaml"
    locked.chmod(0)
    try:
        result = run_validate(runner, tmp_path, monkeypatch)
    finally:
        locked.chmod(0o644)
    assert "records/meetings/2024-01-10-wg.yaml:1:1: NOR001 файл не читается: нет прав на чтение" in result.output
    assert result.exit_code == 2


def test_a_folder_that_is_not_a_records_folder_is_an_error_not_an_empty_success(runner, tmp_path):
    """`--records .` in the repository root (a CI misconfiguration) must not pass as «в порядке»."""
    from nor_docs.cli import cli

    not_records = tmp_path / "repo"
    (not_records / "docs").mkdir(parents=True)
    (not_records / "docs" / "notes.yaml").write_text("a: 1\n", encoding="utf-8")
    for command in (["validate"], ["check", "--today", "2024-01-10"]):
        result = runner.invoke(cli, [*command, "--records", str(not_records)])
        assert result.exit_code == 2  # invalid records, whichever command
        assert f"{not_records}:1:1: NOR001 это не папка записей: в ней нет ни settings.yaml, ни папок directory/, " \
               "meetings/, documents/, marks/, events/, roadmaps/; укажите папку с записями (--records)" in result.output
    built = runner.invoke(cli, ["build", "protocols", "--records", str(not_records), "--out", str(tmp_path / "out")])
    assert built.exit_code == 2 and f"nor-docs: «{not_records}»: это не папка записей" in built.stderr
    (not_records / "meetings").mkdir()  # a records folder just begun: nothing to report
    result = runner.invoke(cli, ["validate", "--records", str(not_records)])
    assert result.exit_code == 0 and "NOR001" not in result.output
