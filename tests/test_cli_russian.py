"""click's own texts reach the user in Russian: usage errors, help pages, the option types."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import click
import pytest

from nor_docs.cli import cli
from nor_docs.cli import russian_click as cli_texts

# click's English scaffolding; none of it may reach a user.
ENGLISH = re.compile(
    r"Usage:|Error:|Options|Commands:|Show this|Show the version|\[default|\[required|Try '|No such|"
    r"Invalid value|Missing|Aborted|\bTEXT\b|\bPATH\b|DIRECTORY|INTEGER|\bFILE\b|\[OPTIONS\]|COMMAND|\[ARGS\]|"
    r"x>=|is not one of|is a file|is a directory|does not exist"
)


def walk(command: click.Command, path: tuple[str, ...] = ()):
    """Every command of the tree with its path of names (the root's is empty)."""
    yield path, command
    if isinstance(command, click.Group):
        for name, sub in sorted(command.commands.items()):
            yield from walk(sub, (*path, name))


ALL = list(walk(cli))
IDS = [" ".join(path) or "nor-docs" for path, _command in ALL]


def assert_russian_usage_error(result, command: str, message: str) -> None:
    assert result.exit_code == 3, result.output  # exitcodes.USAGE
    assert result.stderr.splitlines() == [f"{command}: {message}", f"Справка: {command} --help"]
    assert not ENGLISH.search(result.output), result.output
    assert "Traceback" not in result.output


CASES = [
    (["validate", "--foo"], "nor-docs validate", "нет параметра «--foo»; возможно, --format?"),
    (["check", "--formt", "json"], "nor-docs check", "нет параметра «--formt»; возможно, --format?"),
    (["--foo"], "nor-docs", "нет параметра «--foo»"),
    (["check", "--format", "xml"], "nor-docs check",
     "--format: «xml» — нет такого значения; допустимы: text, github, gitlab, json, junit"),
    (["validate", "--format", "yaml"], "nor-docs validate", "--format: «yaml» — нет такого значения; допустимы: text, json"),
    (["build", "control", "--by", "month"], "nor-docs build control",
     "--by: «month» — нет такого значения; допустимы: executor, meeting"),
    (["build", "extract"], "nor-docs build extract", "не указан ID_ЗАСЕДАНИЯ"),
    (["build", "extract", "m1"], "nor-docs build extract", "не указан обязательный параметр --item"),
    (["frob"], "nor-docs", "нет команды «frob». Команды: analyze, build, calendar, check, import, init, new, results, schema, validate."),
    (["chek"], "nor-docs", "нет команды «chek»; возможно, «check»? Команды: analyze, build, calendar, check, import, init, new, results, schema, validate."),
    (["build", "protocol"], "nor-docs build",
     "нет команды «protocol»; возможно, «protocols»? Команды: analysis, control, extract, protocols, report, roadmaps."),
    (["new", "meetin"], "nor-docs new", "нет команды «meetin»; возможно, «meeting»? Команды: group, meeting, organization, person, roadmap."),
    (["check", "--format"], "nor-docs check", "после --format нужно значение"),
    (["new", "meeting", "--date"], "nor-docs new meeting", "после --date нужно значение"),
    (["validate", "--strict=yes"], "nor-docs validate", "--strict не принимает значения"),
    (["validate", "records", "more"], "nor-docs validate", "лишние аргументы: records more"),
    (["check", "--warn-days", "x"], "nor-docs check", "--warn-days: «x» — не целое число"),
    (["check", "--warn-days", "-1"], "nor-docs check", "--warn-days: «-1» — вне допустимого: не меньше 0, не больше 365"),
    (["build", "protocols", "-j", "0"], "nor-docs build protocols", "--jobs: «0» — вне допустимого: не меньше 1"),
    (["check", "--today", "2023-02-30"], "nor-docs check", "--today: такой даты нет: «2023-02-30»"),
]


@pytest.mark.parametrize(("args", "command", "message"), CASES, ids=[" ".join(c[0]) for c in CASES])
def test_usage_errors_are_russian_with_the_way_out(runner, args, command, message):
    assert_russian_usage_error(runner.invoke(cli, args), command, message)


FOLDER_OPTIONS = [
    (path, max(param.opts, key=len))
    for path, command in ALL
    for param in command.params
    if isinstance(param.type, click.Path) and not param.type.file_okay
]


def test_every_folder_option_is_the_shared_folder_type():
    assert len(FOLDER_OPTIONS) >= 8  # --out ×5, --templates ×3
    assert all(param.type is cli_texts.FOLDER for _p, command in ALL for param in command.params
               if isinstance(param.type, click.Path) and not param.type.file_okay)  # fmt: skip


@pytest.mark.parametrize(("path", "option"), FOLDER_OPTIONS, ids=[f"{' '.join(p)} {o}" for p, o in FOLDER_OPTIONS])
def test_a_file_given_for_a_folder_is_a_russian_usage_error(runner, tmp_path, path, option):
    afile = tmp_path / "afile"
    afile.write_text("x", encoding="utf-8")
    result = runner.invoke(cli, [*path, option, str(afile)])
    assert_russian_usage_error(result, f"nor-docs {' '.join(path)}",
                               f"{option}: «{afile}» — это файл, а не папка; укажите папку (или переименуйте файл)")  # fmt: skip
    assert afile.read_text(encoding="utf-8") == "x"


def test_a_folder_given_for_the_report_file_is_a_russian_usage_error(runner, tmp_path):
    result = runner.invoke(cli, ["check", "--output", str(tmp_path)])
    assert_russian_usage_error(result, "nor-docs check", f"--output: «{tmp_path}» — это папка, а не файл; укажите путь к файлу")


def test_records_given_a_file_is_still_the_commands_own_nor001(runner, tmp_path):
    afile = tmp_path / "afile"
    afile.write_text("x", encoding="utf-8")
    result = runner.invoke(cli, ["validate", "--records", str(afile)])
    assert result.exit_code == 2
    assert "NOR001 это файл, а не папка; укажите папку с записями (--records)" in result.output


@pytest.mark.parametrize(("path", "command"), ALL, ids=IDS)
def test_every_help_page_is_russian(runner, path, command):
    result = runner.invoke(cli, [*path, "--help"])
    assert result.exit_code == 0, result.output
    text = result.output
    assert text.startswith(f"Использование: {' '.join(('nor-docs', *path))} [ПАРАМЕТРЫ]")
    assert "\nПараметры:\n" in text and "-h, --help" in text and "Показать эту справку и выйти." in text
    assert ("\nКоманды:\n" in text) == isinstance(command, click.Group)
    assert re.search("[а-яё]", command.help or ""), f"{IDS[ALL.index((path, command))]}: no Russian description"
    assert not ENGLISH.search(text), text


def test_help_notes_defaults_required_and_ranges_in_russian(runner):
    check = " ".join(runner.invoke(cli, ["check", "--help"]).output.split())  # unwrapped
    assert "[по умолчанию: text]" in check and "[не меньше 0, не больше 365]" in check
    assert "[обязательно]" in runner.invoke(cli, ["build", "extract", "--help"]).output
    assert "Показать версию и выйти." in runner.invoke(cli, ["--help"]).output
    assert runner.invoke(cli, ["--version"]).output.startswith("nor-docs, версия ")


@pytest.mark.parametrize(("path", "command"), ALL, ids=IDS)
def test_every_command_and_option_speaks_russian(path, command):
    """The classes and the option types that say click's texts in Russian: a new command or
    option that slips back to click's own (English) ones fails here."""
    assert isinstance(command, cli_texts.Group if isinstance(command, click.Group) else cli_texts.Command)
    for param in command.params:
        assert isinstance(param.type, (cli_texts.Choice, cli_texts.IntRange, cli_texts.Path)) or type(param.type) in (
            click.types.StringParamType, click.types.BoolParamType), f"{IDS[ALL.index((path, command))]} {param.name}"  # fmt: skip
        assert param.metavar is None or not ENGLISH.search(param.metavar)


def test_an_interrupted_command_says_so_in_russian(runner, monkeypatch):
    def interrupted(**_kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(cli.commands["schema"], "callback", interrupted)
    result = runner.invoke(cli, ["schema"])
    assert result.exit_code == 130
    assert result.stderr == "nor-docs: прервано.\n"


def test_the_console_script_reports_usage_errors_in_russian(tmp_path):
    script = Path(sys.executable).with_name("nor-docs")
    afile = tmp_path / "afile"
    afile.write_text("x", encoding="utf-8")
    runs = {
        ("check", "--format", "xml"): "nor-docs check: --format: «xml» — нет такого значения; допустимы: text, github, gitlab, json, junit",
        ("build", "protocols", "--out", str(afile)):
            f"nor-docs build protocols: --out: «{afile}» — это файл, а не папка; укажите папку (или переименуйте файл)",
        ("frob",): "nor-docs: нет команды «frob». Команды: analyze, build, calendar, check, import, init, new, results, schema, validate.",
    }  # fmt: skip
    for args, message in runs.items():
        done = subprocess.run([script, *args], cwd=tmp_path, capture_output=True, text=True, timeout=60)
        command = message.split(":")[0]
        assert done.returncode == 3
        assert done.stdout == ""
        assert done.stderr.splitlines() == [message, f"Справка: {command} --help"]
    shown = subprocess.run([script, "--help"], cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert shown.returncode == 0 and shown.stdout.startswith("Использование: nor-docs [ПАРАМЕТРЫ] КОМАНДА")
    assert not ENGLISH.search(shown.stdout + shown.stderr)
