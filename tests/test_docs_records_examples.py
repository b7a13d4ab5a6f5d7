"""The record examples of the manual are real: the directory excerpt of docs/records.md is taken
from the sample records entry by entry, the marks file passes validate and gives the statuses the
page says when laid over a copy of the sample, and the typical-mistakes example of
docs/validate.md gives the diagnostics it shows."""

from __future__ import annotations

import json
import re
import shutil

import yaml
from conftest import ROOT, SAMPLE_RECORDS

from nor_docs.cli import cli

RECORDS_PAGE = (ROOT / "docs" / "records.md").read_text(encoding="utf-8")
VALIDATE_PAGE = (ROOT / "docs" / "validate.md").read_text(encoding="utf-8")


def _block(schema: str) -> str:
    pattern = r"```yaml\n(# yaml-language-server: \$schema=\.\./\.\./nor_docs/schemas/" + schema + r"\.schema\.json\n.*?)```"
    return re.search(pattern, RECORDS_PAGE, re.S).group(1)


def test_the_directory_excerpt_is_copied_from_the_sample():
    sample: dict[str, dict] = {}
    for path in sorted((SAMPLE_RECORDS / "directory").glob("*.yaml")):
        for kind, entries in yaml.safe_load(path.read_text(encoding="utf-8")).items():
            for entry in entries:
                sample[entry["id"]] = entry
    excerpt = yaml.safe_load(_block("directory"))
    for entries in excerpt.values():
        for entry in entries:
            real = sample[entry["id"]]
            shown = {k: v for k, v in real.items() if k in entry}
            assert entry == {**shown, **({"members": entry["members"]} if "members" in entry else {})}
            if "members" in entry:
                assert all(member in real["members"] for member in entry["members"])


def test_the_marks_example_validates_and_gives_the_statuses_the_readme_names(runner, tmp_path):
    records = tmp_path / "records"
    shutil.copytree(SAMPLE_RECORDS, records)
    (records / "marks").mkdir(exist_ok=True)
    (records / "marks" / "2024.yaml").write_text(_block("marks"), encoding="utf-8")
    result = runner.invoke(cli, ["check", "--records", str(records), "--today", "2024-02-05", "--format", "json"])
    items = {i["id"].split("/")[-1]: i for i in json.loads(result.stdout)["items"]
             if i["id"].startswith("2023-12-14-mun4-wg#3/")}  # fmt: skip
    assert items["mun4-leshkova"]["status"] == "done"
    assert (items["mun4-goncharova"]["status"], items["mun4-goncharova"]["deadline"]) == ("extended", "2024-02-15")
    assert items["mun4-portnova"]["status"] == "cancelled"
    assert items["mun4-kravtsova"]["status"] == "overdue"
    assert {i["status"] for k, i in items.items()
            if k not in ("mun4-leshkova", "mun4-goncharova", "mun4-portnova")} == {"overdue"}  # fmt: skip


def test_the_typical_mistakes_example_is_what_validate_prints(runner, tmp_path, monkeypatch):
    """docs/validate.md «На копии образца с несколькими типичными ошибками…»: the same edits, the same lines."""
    records = tmp_path / "records"
    shutil.copytree(SAMPLE_RECORDS, records)
    meeting = records / "meetings" / "2023-12-14-mun4-wg.yaml"
    text = meeting.read_text(encoding="utf-8")
    for old, new in (("          МОУ «СОШ №7» в 2023 году.", "          МОУ «СШ №7» в 2023 году."),
                     ("    executors: [mun4-wg]\n", "    executors: [mun4-wq]\n"),
                     ("    deadline: в срок до 31.01.2024 г.\n    deadline_comma",
                      "    deadline: в срок до 31.01.2023 г.\n    deadline_comma")):  # fmt: skip
        assert text.count(old) == 1
        text = text.replace(old, new)
    meeting.write_text(text, encoding="utf-8")
    shutil.copy(ROOT / "tests" / "data" / "readme-mistakes-2024-01-18-mun4-wg.yaml",
                records / "meetings" / "2024-01-18-mun4-wg.yaml")
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(cli, ["validate"])
    shown = VALIDATE_PAGE.split("повторяет\nэтот пример):", 1)[1]
    block = shown.split("```\n$ nor-docs validate\n", 1)[1].split("$ echo $?", 1)[0]
    assert result.exit_code == 2
    assert result.output == block
