"""The commands that add to the records (``new …``, ``results import``, ``import``, ``init``) under
issue 12's rules: what they write stays inside the records where it belongs and never replaces
a file, a link or a pipe already there; what a user or a table names on the way in cannot lead
out of the records, hang the command or break the record it writes; two runs at once lose
nothing; a failing report is NOR313, not an internal error.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest
import yaml
from conftest import ROOT, SAMPLE_RECORDS

from nor_docs.cli import cli
from nor_docs.outputs.safety import output_lock

TABLE = ("Наименование ОО;Процедура;Предмет;Год;Кол-во участников;Не преодолели порог\n"
         "МОУ СОШ с. Кикино;ОГЭ;математика;2024;10;3\n")  # fmt: skip


@pytest.fixture
def place(tmp_path, monkeypatch):
    shutil.copytree(SAMPLE_RECORDS, tmp_path / "records")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _snapshot(folder):
    return {p: (p.read_bytes() if p.is_file() else None) for p in sorted(folder.rglob("*"))}


# --- names that would lead out of the records ---------------------------------------------------


@pytest.mark.parametrize("command", [["new", "group"], ["new", "roadmap"]])
@pytest.mark.parametrize("value", ["../../outside", "/tmp/outside", "Школы", "a" * 101])
def test_a_draft_id_is_an_id_not_a_path(runner, place, command, value):
    before = _snapshot(place / "records")
    result = runner.invoke(cli, [*command, "--records", "records", "--years", "2022-2023", "--id", value])
    assert result.exit_code == 3, result.output  # exitcodes.USAGE
    assert result.stderr.startswith(f"nor-docs {' '.join(command)}: --id: «{value}» — пишите строчными латинскими")
    assert _snapshot(place / "records") == before
    assert sorted(p.name for p in place.iterdir()) == ["records"]


@pytest.mark.parametrize("name", ["../meetings/table", "sub/table", ".hidden", "таблица\x1b[2J"])
def test_results_import_writes_a_plain_name_in_the_results_folder(runner, place, name):
    (place / "t.csv").write_text(TABLE, encoding="utf-8")
    before = _snapshot(place / "records")
    result = runner.invoke(cli, ["results", "import", "t.csv", "--records", "records", "--out", name])
    assert result.exit_code == 3, result.output
    assert "\x1b" not in result.output and "--out: «" in result.stderr
    assert _snapshot(place / "records") == before


def test_results_import_never_writes_through_a_link_or_into_a_pipe(runner, place):
    (place / "t.csv").write_text(TABLE, encoding="utf-8")
    outside = place / "outside.csv"
    (place / "records" / "results" / "linked.csv").symlink_to(outside)  # dangling: «exists» is False
    os.mkfifo(place / "records" / "results" / "piped.csv")
    for name in ("linked", "piped"):
        result = runner.invoke(cli, ["results", "import", "t.csv", "--records", "records", "--out", name])
        assert result.exit_code == 4, result.output  # exitcodes.OUTPUT
        assert f"records/results/{name}.csv уже есть — не перезаписываю" in result.stderr
    assert not outside.exists()


def test_results_import_refuses_a_table_that_is_a_pipe_instead_of_waiting_for_it(place):
    os.mkfifo(place / "t.csv")
    done = subprocess.run([sys.executable, "-m", "nor_docs", "results", "import", "t.csv", "--records", "records"],
                          capture_output=True, text=True, cwd=place, timeout=60)  # fmt: skip
    assert done.returncode == 3 and "не обычный файл" in done.stderr


def test_results_import_into_a_folder_that_is_not_records_writes_nothing(runner, place):
    (place / "t.csv").write_text(TABLE, encoding="utf-8")
    result = runner.invoke(cli, ["results", "import", "t.csv", "--records", "recrods"])
    assert result.exit_code == 2, result.output
    assert not (place / "recrods").exists()


def test_a_table_named_with_a_separator_or_a_line_break_still_gives_a_valid_record(runner, place):
    for n, name in enumerate(["итоги;2024.csv", "итоги\n2024.csv", 'итоги "2024".csv']):
        (place / name).write_text(TABLE.replace("2024", str(2020 + n)), encoding="utf-8")
        result = runner.invoke(cli, ["results", "import", name, "--records", "records", "--out", f"t{n}"])
        assert result.exit_code == 0, result.output
        assert "\n2024" not in result.stdout.split("Записано строк")[1]  # the name printed on one line
    checked = runner.invoke(cli, ["validate", "--records", "records"])
    assert "records/results/t" not in checked.output, checked.output  # no error, no warning in the new files
    written = (place / "records" / "results" / "t1.csv").read_text(encoding="utf-8-sig").splitlines()
    assert written[1].endswith(";итоги\\n2024.csv, строка 2")


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


def test_a_group_name_with_yaml_signs_gives_a_group_that_validates(runner, place):
    result = runner.invoke(cli, ["new", "group", "--records", "records", "--years", "2022-2023", "--name",
                                 "ШНОР: 2024 # список"])  # fmt: skip
    assert result.exit_code == 0, result.output
    group = yaml.safe_load((place / "records" / "directory" / "shnor-2024.yaml").read_text(encoding="utf-8"))
    assert group["groups"][0]["name"] == "ШНОР: 2024 # список"
    assert runner.invoke(cli, ["validate", "--records", "records"]).exit_code == 0


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


# --- one report failing ---------------------------------------------------------------------------------


def test_an_analysis_report_that_fails_while_filled_is_nor313(runner, place, monkeypatch):
    from nor_docs.build import analysis as report

    def broken(*_args, **_kwargs):
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr(report, "report_view", broken)
    monkeypatch.delenv("NOR_DOCS_DEBUG", raising=False)
    result = runner.invoke(cli, ["build", "analysis", "--records", "records", "--years", "2022-2023", "--out", "out",
                                 "--templates", str(ROOT / "templates")])  # fmt: skip
    assert result.exit_code == 1, result.output  # exitcodes.ATTENTION: a document not built
    assert ("records/rules/penza-2023.yaml:1:1: NOR313 документ аналитической справки не собран: сбой при заполнении "
            "(ZeroDivisionError: division by zero)") in result.stderr
    assert "внутренняя ошибка" not in result.output
    assert not list((place / "out").iterdir())
