"""The one load path (``nor_docs/pipeline.py``): every command that reads checked records starts from
``load_checked``, and what it says about the settings (NOR401) every command says alike."""

from __future__ import annotations

import pytest
from conftest import SAMPLE_RECORDS

import nor_docs.pipeline as pipeline
from nor_docs.cli import cli
from nor_docs.pipeline import Checked, load_checked

TEMPLATES = str(SAMPLE_RECORDS.parent / "templates")

# Every command that acts on checked records, with what it needs to run on the sample.
COMMANDS = {
    "validate": [],
    "check": ["--today", "2023-02-20"],
    "calendar": ["--today", "2023-02-20", "--out", "{out}/calendar"],
    "build control": ["--today", "2023-02-20", "--out", "{out}/control", "--templates", TEMPLATES],
    "build protocols": ["--out", "{out}/protocols", "--templates", TEMPLATES, "-j", "1"],
    "build extract": ["2023-12-14-mun4-wg", "--item", "2", "--out", "{out}/extract", "--templates", TEMPLATES],
    "build roadmaps": ["--out", "{out}/roadmaps", "--templates", TEMPLATES],
    "analyze": [],
    "build analysis": ["--date", "2023-10-31", "--out", "{out}/analysis", "--templates", TEMPLATES],
}


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_every_command_loads_through_load_checked(command, runner, records_copy, tmp_path, monkeypatch):
    calls = []
    real = pipeline.load_checked

    def noting(records_dir, **options):
        calls.append(str(records_dir))
        return real(records_dir, **options)

    monkeypatch.setattr(pipeline, "load_checked", noting)
    args = [a.format(out=tmp_path) for a in COMMANDS[command]]
    result = runner.invoke(cli, [*command.split(), "--records", str(records_copy), *args])
    assert result.exit_code in (0, 1), result.output
    assert calls and set(calls) == {str(records_copy)}


def test_checked_records_settings_and_sorted_diagnostics():
    checked = load_checked(SAMPLE_RECORDS)
    assert isinstance(checked, Checked)
    records, found = checked  # a pair, as load and validate always gave
    assert checked.settings is records.settings and len(records.meetings) == 5
    assert found == sorted(set(found)) and {d.code for d in found} >= {"NOR202"}
    assert checked.errors == [] and {d.code for d in load_checked(SAMPLE_RECORDS, warnings=False).diagnostics} == {"NOR209"}


def test_an_unknown_time_zone_is_nor401_at_its_line_for_every_command(runner, records_copy, tmp_path):
    # «Europe» is a folder of zones (it crashed the control commands once); «Mosсow» has a Cyrillic «с».
    for zone, column in (("Europe/Mosсow", 13), ("Europe", 13)):
        (records_copy / "settings.yaml").write_text(f"# yaml-language-server: $schema=x\ndeadlines:\n  timezone: {zone}\n",
                                                    encoding="utf-8")  # fmt: skip
        expected = f"settings.yaml:3:{column}: NOR401 неизвестный часовой пояс «{zone}»; пишите, например, Europe/Moscow"
        assert [d.as_text() for d in load_checked(records_copy).errors] == [f"{records_copy}/{expected}"]
        result = runner.invoke(cli, ["validate", "--records", str(records_copy)])
        assert result.exit_code == 2 and expected in result.output
        result = runner.invoke(cli, ["check", "--records", str(records_copy)])
        assert result.exit_code == 2 and expected in result.output
        result = runner.invoke(cli, ["build", "roadmaps", "--records", str(records_copy), "--today", "2024-01-20",
                                     "--out", str(tmp_path / "roadmaps"), "--templates", TEMPLATES])  # fmt: skip
        assert result.exit_code == 2 and expected in result.stderr
        assert "NOR502 статусы пунктов не посчитаны: ошибки в" in result.stderr
