"""`nor-docs validate` as a user runs it: exit codes, --strict, --format json (a contract), --codes,
and that it stays light (no python-docx / docxtpl imported)."""

from __future__ import annotations

import json
import subprocess
import sys

import jsonschema
import pytest
from test_bad_records import BAD, build_case, run_validate

from nor_docs.cli import cli
from nor_docs.diagnostics import CODES

# The JSON output of `nor-docs validate --format json`, as README documents it.
JSON_CONTRACT = {
    "type": "object",
    "required": ["diagnostics", "summary"],
    "additionalProperties": False,
    "properties": {
        "diagnostics": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["file", "line", "column", "code", "severity", "message"],
                "additionalProperties": False,
                "properties": {
                    "file": {"type": "string", "minLength": 1},
                    "line": {"type": "integer", "minimum": 1},
                    "column": {"type": "integer", "minimum": 1},
                    "code": {"type": "string", "pattern": "^NOR[0-9]{3}$"},
                    "severity": {"enum": ["error", "warning"]},
                    "message": {"type": "string", "minLength": 1},
                },
            },
        },
        "summary": {
            "type": "object",
            "required": ["errors", "warnings"],
            "additionalProperties": False,
            "properties": {
                "errors": {"type": "integer", "minimum": 0},
                "warnings": {"type": "integer", "minimum": 0},
            },
        },
    },
}


def test_clean_records_exit_0(runner, tmp_path, monkeypatch):
    build_case(None, tmp_path)
    result = run_validate(runner, tmp_path, monkeypatch)
    assert result.exit_code == 0
    assert result.output == "Записи в порядке: файлов — 3, заседаний — 1, дорожных карт — 0.\n"


def test_errors_exit_1_and_end_with_a_count(runner, tmp_path, monkeypatch):
    build_case(BAD / "several-bad-files", tmp_path)
    result = run_validate(runner, tmp_path, monkeypatch)
    assert result.exit_code == 2
    assert result.output.splitlines()[-1] == "Найдено: ошибок — 4, предупреждений — 0."


def test_warnings_alone_exit_0_unless_strict(runner, tmp_path, monkeypatch):
    build_case(BAD / "missing-schema-line", tmp_path)
    relaxed = run_validate(runner, tmp_path, monkeypatch)
    assert relaxed.exit_code == 0
    assert "NOR203" in relaxed.output
    strict = run_validate(runner, tmp_path, monkeypatch, "--strict")
    assert strict.exit_code == 2
    assert strict.output == relaxed.output


def test_strict_on_clean_records_still_exits_0(runner, tmp_path, monkeypatch):
    build_case(None, tmp_path)
    assert run_validate(runner, tmp_path, monkeypatch, "--strict").exit_code == 0


def test_missing_records_folder_is_an_error(runner, tmp_path, monkeypatch):
    result = run_validate(runner, tmp_path, monkeypatch)
    assert result.exit_code == 2
    assert result.output.startswith("records:1:1: NOR001 папка с записями не найдена")


@pytest.mark.parametrize("case", ["several-bad-files", "percent-mismatch", "mixed-script-words", None])
def test_json_output_follows_the_contract_and_matches_the_text(case, runner, tmp_path, monkeypatch):
    build_case(BAD / case if case else None, tmp_path)
    text = run_validate(runner, tmp_path, monkeypatch)
    result = run_validate(runner, tmp_path, monkeypatch, "--format", "json")
    assert result.exit_code == text.exit_code
    payload = json.loads(result.output)
    jsonschema.validate(payload, JSON_CONTRACT)
    as_text = [f"{d['file']}:{d['line']}:{d['column']}: {d['code']} {d['message']}" for d in payload["diagnostics"]]
    assert as_text == [line for line in text.output.splitlines() if not line.startswith(("Найдено", "Записи"))]
    severities = [d["severity"] for d in payload["diagnostics"]]
    assert payload["summary"] == {"errors": severities.count("error"), "warnings": severities.count("warning")}
    assert all(CODES[d["code"]][0] == d["severity"] for d in payload["diagnostics"])


def test_codes_lists_the_whole_catalogue(runner):
    result = runner.invoke(cli, ["validate", "--codes"])
    assert result.exit_code == 0
    listed = [line.split()[0] for line in result.output.splitlines()]
    assert listed == sorted(CODES)
    as_json = json.loads(runner.invoke(cli, ["validate", "--codes", "--format", "json"]).output)
    assert {item["code"]: (item["severity"], item["description"]) for item in as_json} == CODES


@pytest.mark.parametrize("args", [["--help"], ["validate", "--records", "records"], ["validate", "--codes"]])
def test_light_commands_do_not_import_docx(args, tmp_path):
    build_case(BAD / "several-bad-files", tmp_path)
    probe = (
        "import sys\n"
        "from nor_docs.cli import cli\n"
        f"try:\n    cli.main({args!r}, standalone_mode=False)\n"
        "except SystemExit:\n    pass\n"
        "heavy = sorted(m for m in sys.modules if m.split('.')[0] in ('docx', 'docxtpl', 'lxml', 'pytrovich', 'pymorphy3', "
        "'holidays', 'icalendar', 'jinja2'))\n"
        "print('HEAVY', heavy)\n"
    )
    result = subprocess.run([sys.executable, "-c", probe], cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert "Traceback" not in result.stderr, result.stderr
    assert result.stdout.splitlines()[-1] == "HEAVY []"


@pytest.mark.parametrize(("end", "bom"), [("\r\n", True), ("\r", False)], ids=["crlf-bom", "cr"])
def test_sample_records_with_windows_or_old_mac_line_ends_give_the_same_diagnostics(end, bom, runner, records_copy,
                                                                                      monkeypatch):  # fmt: skip
    monkeypatch.chdir(records_copy.parent)
    as_is = runner.invoke(cli, ["validate", "--records", "records"])
    for path in records_copy.rglob("*.yaml"):
        text = path.read_bytes().decode("utf-8").replace("\n", end)
        path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8"))
    converted = runner.invoke(cli, ["validate", "--records", "records"])
    assert converted.output == as_is.output
    assert " NOR202 " in converted.output and converted.exit_code == 0


def test_records_option_naming_a_file_is_a_russian_nor001(runner, tmp_path, monkeypatch):
    root = build_case(None, tmp_path)
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(cli, ["validate", "--records", "records/meetings/2024-01-10-wg.yaml"])
    assert result.output.splitlines() == [
        "records/meetings/2024-01-10-wg.yaml:1:1: NOR001 это файл, а не папка; укажите папку с записями (--records)",
        "Найдено: ошибок — 1, предупреждений — 0.",
    ]
    assert result.exit_code == 2
    assert root.is_dir()


def test_missing_records_folder_says_where_it_looked_and_finds_the_one_we_are_inside(runner, tmp_path, monkeypatch):
    build_case(None, tmp_path)  # tmp_path/records with its meetings/
    monkeypatch.chdir(tmp_path / "records" / "meetings")  # editing a meeting, then «nor-docs validate»
    result = runner.invoke(cli, ["validate"])
    assert result.exit_code == 2
    first = result.output.splitlines()[0]
    assert first.startswith("records:1:1: NOR001 папка с записями не найдена (")
    assert first.endswith("вы внутри папки записей — укажите --records ..")
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(cli, ["validate", "--records", "elsewhere"])
    assert f"({tmp_path / 'elsewhere'}); запустите команду из папки, где лежит elsewhere/" in result.output
