"""Exit codes (issue 12, point 8): one meaning per code, the same in every command
(``nor_docs/exitcodes.py``, docs/guarantees.md). The test walks the command tree: a command
without its row here fails, so a new command cannot slip in with codes of its own.

Rows: for each command, the arguments that make each outcome it can have, run in a folder
holding the sample records (``records``), a copy with an error in a meeting (``broken``) and one
with an error in the directory (``broken-directory``: what ``results import`` stops for), the
templates, a results table (``table.csv``), a letter that is no table and no protocol
(``letter.csv``) and a seed protocol (``seed.txt``: its draft is a meeting the sample has).
"""

from __future__ import annotations

import contextlib
import shutil
import sys

import click
import pytest
from conftest import ROOT, SAMPLE_RECORDS
from import_facts import seeds_dir

from nor_docs import exitcodes
from nor_docs.cli import cli

TEMPLATES = str(ROOT / "templates")
T = ["--templates", TEMPLATES]
PAST = ["--today", "2023-02-22"]  # the sample has overdue items then
EARLY = ["--today", "2021-09-30"]  # and none yet (only the first meeting, whose deadlines are ahead)

RULE_YEARS = ["--records", "records", "--years", "2022-2023"]

# command path → outcome → arguments (``{out}``: a fresh output folder; ``{in}``: one inside the records)
ROWS: dict[str, dict[int, list[str]]] = {
    "init": {
        0: ["{out}", "--name", "Управление образования Каменского района"],
        3: ["{out}", "--id", "Управление"],
        4: ["{in}/office"],
    },
    "validate": {
        0: ["--records", "records"],
        2: ["--records", "broken"],
    },
    "schema": {
        0: ["--out", "{out}"],
        4: ["--out", "{in}"],
    },
    "new meeting": {
        0: ["--records", "records", "--date", "2024-05-05", "--slug", "fresh"],
        3: ["--records", "records", "--date", "2024-02-30"],
        4: ["--records", "records", "--date", "2023-12-14", "--slug", "mun4-wg"],
    },
    "new person": {
        0: ["orlova", "Орлова Анна Сергеевна", "--organization", "kamenka-kikino", "--records", "records"],
        2: ["orlova", "Орлова Анна Сергеевна", "--records", "nowhere"],
        3: ["mun4-leshkova", "Лешкова Ольга Николаевна", "--records", "records"],  # the id is taken
        4: ["orlova", "Орлова Анна Сергеевна", "--records", "records", "{hold records/directory}"],
    },
    "new organization": {
        0: ["kamenka-sosh-99", "МОУ СОШ № 99", "--parent", "kamenka-uo", "--records", "records"],
        2: ["kamenka-sosh-99", "МОУ СОШ № 99", "--records", "nowhere"],
        3: ["kamenka-sosh-99", "МОУ СОШ № 99", "--kind", "вуз", "--records", "records"],
        4: ["kamenka-sosh-99", "МОУ СОШ № 99", "--records", "records", "{hold records/directory}"],
    },
    "new group": {
        0: RULE_YEARS,
        2: ["--records", "broken"],
        3: [*RULE_YEARS, "--id", "../../outside"],
        4: [*RULE_YEARS, "--id", "kamenka"],  # records/directory/kamenka.yaml is there
    },
    "new roadmap": {
        0: RULE_YEARS,
        2: ["--records", "broken"],
        3: [*RULE_YEARS, "--issuer", "nobody"],
        4: [*RULE_YEARS, "--id", "kamenka-roadmap-2024"],
    },
    "import": {
        0: ["seed.txt", "--records", "records", "--out", "{out}"],
        1: ["letter.csv", "--records", "records", "--out", "{out}"],
        2: ["seed.txt", "--records", "records/settings-is-no-folder"],
        4: ["seed.txt", "--records", "records"],  # its draft would be records/meetings/2023-12-14-mun4-wg.yaml
    },
    "results import": {
        0: ["table.csv", "--records", "records"],
        1: ["letter.csv", "--records", "records"],
        2: ["table.csv", "--records", "broken-directory"],
        3: ["table.csv", "--records", "records", "--out", "../meetings/table"],
        4: ["table.csv", "--records", "records", "--out", "kamenka-2022-2023"],
    },
    "analyze": {
        0: ["--records", "records"],
        2: ["--records", "broken"],
        3: ["--records", "records", "--rule", "nosuch"],
        4: ["--records", "records", "--output", "{in}/analysis.txt"],
    },
    "build analysis": {
        0: [*RULE_YEARS, "--out", "{out}", "--date", "2024-01-15", *T],
        1: [*RULE_YEARS, "--out", "{out}", "--templates", "{empty}"],
        2: ["--records", "broken", "--out", "{out}", *T],
        3: [*RULE_YEARS, "--out", "{out}", "--signer", "nobody", *T],
        4: [*RULE_YEARS, "--out", "{in}", *T],
    },
    "check": {
        0: ["--records", "records", *EARLY],
        1: ["--records", "records", *PAST],
        2: ["--records", "broken", *PAST],
        3: ["--records", "records", *PAST, "--executor", "nobody"],
        4: ["--records", "records", *PAST, "--output", "{in}/report.txt"],
    },
    "calendar": {
        0: ["--records", "records", *PAST, "--out", "{out}"],
        2: ["--records", "broken", *PAST, "--out", "{out}"],
        3: ["--records", "records", *PAST, "--out", "{out}", "--executor", "nobody"],
        4: ["--records", "records", *PAST, "--out", "{in}"],
    },
    "build protocols": {
        0: ["--records", "records", "--out", "{out}", *T],
        1: ["--records", "records", "--out", "{out}", "--templates", "{empty}"],
        2: ["--records", "broken", "--out", "{out}", *T],
        4: ["--records", "records", "--out", "{in}", *T],
    },
    # (decision 3 is the meeting's as a whole: without --decision the extract would hold none, NOR312 → 1)
    "build extract": {
        0: ["2023-12-14-mun4-wg", "--item", "2", "--decision", "3", "--records", "records", "--out", "{out}", *T],
        1: ["2023-12-14-mun4-wg", "--item", "2", "--records", "records", "--out", "{out}", *T],
        2: ["2023-12-14-mun4-wg", "--item", "2", "--decision", "3", "--records", "broken", "--out", "{out}", *T],
        3: ["2023-12-14-mun4-wg", "--item", "9", "--records", "records", "--out", "{out}", *T],
        4: ["2023-12-14-mun4-wg", "--item", "2", "--decision", "3", "--records", "records", "--out", "{in}", *T],
    },
    "build roadmaps": {
        0: ["--records", "records", "--out", "{out}", *T],
        1: ["--records", "records", "--out", "{out}", "--templates", "{empty}"],
        2: ["--records", "broken", "--out", "{out}", *T],
        4: ["--records", "records", "--out", "{in}", *T],
    },
    "build control": {
        0: ["--records", "records", *PAST, "--out", "{out}", *T],
        1: ["--records", "records", *PAST, "--out", "{out}", "--templates", "{empty}"],
        2: ["--records", "broken", *PAST, "--out", "{out}", *T],
        4: ["--records", "records", *PAST, "--out", "{in}", *T],
    },
}
ROWS["build control"][3] = ["--records", "records", *PAST, "--out", "{out}", "--compiled-by", "nobody", *T]
ROWS["build report"] = {
    0: ["--records", "records", "--as-of", "2023-02-20", "--out", "{out}", *T],
    1: ["--records", "records", "--as-of", "2023-02-20", "--out", "{out}", "--templates", "{empty}"],
    2: ["--records", "broken", "--as-of", "2023-02-20", "--out", "{out}", *T],
    3: ["--records", "records", "--as-of", "2023-02-20", "--draft"],  # several offices: whose report?
    4: ["--records", "records", "--as-of", "2023-02-20", "--out", "{in}", *T],
}

# Commands whose work is to add to the records: only their success may change them.
RECORD_WRITERS = {"new meeting", "new person", "new organization", "new group", "new roadmap", "import", "results import"}
# The arguments that get a command with required arguments past click to its own code.
REQUIRED = {
    "build extract": ["x", "--item", "1"],
    "import": ["x"],
    "new person": ["x", "Орлова Анна"],
    "new organization": ["x", "Школа"],
    "results import": [__file__],
}


def _leaves(command: click.Command, path: tuple[str, ...] = ()):
    if isinstance(command, click.Group):
        for name, sub in sorted(command.commands.items()):
            yield from _leaves(sub, (*path, name))
    else:
        yield " ".join(path), command


LEAVES = dict(_leaves(cli))


def test_every_command_has_its_row():
    assert set(ROWS) == set(LEAVES)


@pytest.fixture
def place(tmp_path, monkeypatch):
    """The working folder of the module doc."""
    shutil.copytree(SAMPLE_RECORDS, tmp_path / "records")
    shutil.copytree(SAMPLE_RECORDS, tmp_path / "broken")
    meeting = tmp_path / "broken" / "meetings" / "2023-12-14-mun4-wg.yaml"
    meeting.write_text(meeting.read_text(encoding="utf-8").replace("person: mun4-leshkova", "person: mun4-leshkovaa", 1),
                       encoding="utf-8")  # fmt: skip
    shutil.copytree(SAMPLE_RECORDS, tmp_path / "broken-directory")
    directory = tmp_path / "broken-directory" / "directory" / "kamenka.yaml"
    directory.write_text(directory.read_text(encoding="utf-8").replace("kind: школа", "kind: вуз", 1), encoding="utf-8")
    (tmp_path / "records" / "settings-is-no-folder").write_text("", encoding="utf-8")
    (tmp_path / "empty-templates").mkdir()
    (tmp_path / "table.csv").write_text("Наименование ОО;Процедура;Предмет;Год;Кол-во участников;Не преодолели порог\n"
                                        "МОУ СОШ с. Кикино;ОГЭ;математика;2024;10;3\n", encoding="utf-8")  # fmt: skip
    (tmp_path / "letter.csv").write_text("Уважаемые коллеги! Направляем информацию о семинаре.\n", encoding="utf-8")
    shutil.copy(seeds_dir() / "002_4dbd5cde15fe31d7.txt", tmp_path / "seed.txt")
    monkeypatch.chdir(tmp_path)
    return tmp_path


CASES = [(path, code) for path, outcomes in ROWS.items() for code in outcomes]


@pytest.mark.parametrize(("path", "code"), CASES, ids=[f"{p} → {c}" for p, c in CASES])
def test_each_outcome_has_its_code_in_every_command(runner, place, path, code):
    from nor_docs.outputs.safety import output_lock

    args = [a.replace("{out}", str(place / "out")).replace("{in}", "records/meetings")
             .replace("{empty}", str(place / "empty-templates")) for a in ROWS[path][code]]  # fmt: skip
    held = [a.split(" ", 1)[1][:-1] for a in args if a.startswith("{hold ")]  # another run holds this folder's lock
    args = [a for a in args if not a.startswith("{hold ")]
    before = {p: p.read_bytes() for p in (place / "records").rglob("*") if p.is_file()}
    with output_lock(held[0]) if held else contextlib.nullcontext():
        result = runner.invoke(cli, [*path.split(), *args])
    assert result.exit_code == code, result.output
    assert "Traceback" not in result.output and "внутренняя ошибка" not in result.output
    if path not in RECORD_WRITERS or code != 0:  # a refusal writes nothing
        assert {p: p.read_bytes() for p in (place / "records").rglob("*") if p.is_file()} == before


@pytest.mark.parametrize("path", sorted(LEAVES))
def test_a_usage_error_is_3_in_every_command(runner, path):
    result = runner.invoke(cli, [*path.split(), "--no-such-option"])
    assert result.exit_code == exitcodes.USAGE, result.output
    assert result.stderr.startswith(f"nor-docs {path}: нет параметра «--no-such-option»")


@pytest.mark.parametrize("path", sorted(LEAVES))
def test_an_internal_error_is_5_in_every_command(path, monkeypatch, capsys):
    """Through the entry point, as the console script runs: the last guard's one Russian line."""
    from nor_docs import cli as cli_module

    def broken(**_kwargs):
        raise RuntimeError("сломалось")

    monkeypatch.setattr(LEAVES[path], "callback", broken)
    monkeypatch.setattr(sys, "argv", ["nor-docs", *path.split(), *REQUIRED.get(path, [])])
    monkeypatch.delenv("NOR_DOCS_DEBUG", raising=False)
    with pytest.raises(SystemExit) as done:
        cli_module.main()
    assert done.value.code == exitcodes.INTERNAL
    assert capsys.readouterr().err.startswith("nor-docs: внутренняя ошибка (RuntimeError: сломалось).")


@pytest.mark.parametrize("path", sorted(LEAVES))
def test_an_interruption_is_130_in_every_command(runner, path, monkeypatch):
    def interrupted(**_kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(LEAVES[path], "callback", interrupted)
    result = runner.invoke(cli, [*path.split(), *REQUIRED.get(path, [])])
    assert result.exit_code == exitcodes.INTERRUPTED


def test_no_arguments_is_a_usage_error_that_shows_the_help(runner):
    for args in ([], ["build"], ["new"]):
        result = runner.invoke(cli, args)
        assert result.exit_code == exitcodes.USAGE and "Использование:" in result.output


def test_the_help_shows_the_table(runner):
    text = runner.invoke(cli, ["--help"]).output
    for code, (_name, meaning) in exitcodes.EXIT_CODES.items():
        assert f"{code:>3}  {meaning}" in text


def test_the_largest_outcome_wins():
    from nor_docs.diagnostics import Diagnostic

    def d(code):
        return Diagnostic("f", 1, 1, code, "x")

    assert exitcodes.for_errors([]) == 0
    assert exitcodes.for_errors([d("NOR202")]) == 0 and exitcodes.for_errors([d("NOR202")], strict=True) == 2
    assert exitcodes.for_errors([d("NOR304"), d("NOR104")]) == 2
    assert exitcodes.for_errors([d("NOR104"), d("NOR308")]) == 4
    assert exitcodes.for_errors([d("NOR313")]) == 1 and exitcodes.for_errors([d("NOR309")]) == 3
