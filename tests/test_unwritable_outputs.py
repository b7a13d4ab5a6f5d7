"""An output that cannot be written — here a folder asked for under a file — is one Russian line
and exit code 4 (``exitcodes.OUTPUT``) from every command that writes, never an internal error or
English errno text."""

from __future__ import annotations

import pytest
from conftest import ROOT, SAMPLE_RECORDS

from nor_docs.cli import cli

TEMPLATES = str(ROOT / "templates")


@pytest.mark.parametrize(
    ("command", "default"),
    [
        (["build", "protocols"], "build/protocols"),
        (["build", "extract", "2023-12-14-mun4-wg", "--item", "2", "--decision", "3"], "build/protocols"),
        (["build", "roadmaps"], "build/roadmaps"),
        (["build", "control", "--today", "2023-02-20"], "build/control"),
    ],
)
def test_a_build_under_a_file_is_refused_before_any_work(runner, tmp_path, command, default):
    blocker = tmp_path / "a-file"
    blocker.write_text("", encoding="utf-8")
    out = blocker / "docs"
    result = runner.invoke(cli, [*command, "--records", str(SAMPLE_RECORDS), "--templates", TEMPLATES,
                                 "--out", str(out)])  # fmt: skip
    assert result.exit_code == 4, result.output
    assert result.stderr.strip() == (f"nor-docs: папка для документов «{out}» не может быть создана: «{blocker}» — "
                                     f"файл, а не папка; укажите другую (по умолчанию {default})")
    assert blocker.read_text(encoding="utf-8") == ""


def test_a_calendar_that_cannot_be_written_is_a_russian_message(runner, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("", encoding="utf-8")
    result = runner.invoke(cli, ["calendar", "--records", str(SAMPLE_RECORDS), "--today", "2023-02-20",
                                 "--out", str(blocker / "ics")])  # fmt: skip
    assert result.exit_code == 4
    assert result.stderr.strip() == (f"nor-docs: в папку «{blocker / 'ics'}» нельзя писать: на пути — файл, а не папка; "
                                     "укажите другую (--out)")


def test_os_errors_are_told_in_russian_with_the_path_asked_for(tmp_path):
    from nor_docs.outputs.atomic import os_error_text, write_atomic

    target = tmp_path / "a.docx"
    target.mkdir()  # a folder where the document should go
    with pytest.raises(OSError) as caught:
        write_atomic(target, b"x")
    assert os_error_text(caught.value) == f"это папка, а не файл: {target}"
    assert os_error_text(caught.value, with_path=False) == "это папка, а не файл"
    assert list(tmp_path.iterdir()) == [target]  # no temporary file left behind
