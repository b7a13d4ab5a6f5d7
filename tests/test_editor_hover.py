"""What an editor with the YAML language server (VS Code's YAML extension) shows a clerk: the
Russian description of every field of a meeting on hover, and the values of an enumeration on
completion — asked of the real server (tests/tools, `npm ci --prefix tests/tools`) over LSP."""

from __future__ import annotations

import re
import shutil

import pytest
import yaml_lsp
from conftest import SAMPLE_RECORDS

from nor_docs.scaffold.schema import schema_for

pytestmark = pytest.mark.skipif(yaml_lsp.available() is not None, reason=str(yaml_lsp.available()))

KEY = re.compile(r"^(\s*(?:- )?)([a-z_]+):")


def descriptions_by_key(kind: str) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}

    def walk(node):
        if isinstance(node, dict):
            for name, prop in (node.get("properties") or {}).items():
                found.setdefault(name, set()).add(prop["description"])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(schema_for(kind))
    return found


def unescape(markdown: str) -> str:
    return re.sub(r"\\(.)", r"\1", markdown)


@pytest.fixture(scope="module")
def server():
    started = yaml_lsp.YamlLanguageServer(SAMPLE_RECORDS.parent)
    yield started
    started.close()


@pytest.mark.parametrize("name", ["2023-12-14-mun4-wg.yaml", "2021-09-29-kuznetsk.yaml"])
def test_hover_over_every_field_of_a_meeting_shows_its_description(server, name):
    path = SAMPLE_RECORDS / "meetings" / name
    uri = server.open(path)
    described = descriptions_by_key("meeting")
    seen = set()
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines()):
        match = KEY.match(line)
        if not match:
            continue
        key = match.group(2)
        shown = unescape(server.hover(uri, number, len(match.group(1)) + 1))
        assert shown.startswith(f"#### {key}\n\n"), (number + 1, key, shown)
        text = shown.split("\n\n")[1]
        assert text in described[key], (number + 1, key, text)
        seen.add(key)
    assert {"kind", "title", "issuer", "date", "agenda", "decisions", "executors", "deadline"} <= seen


def test_completion_offers_the_values_of_an_enumeration(server, tmp_path):
    (tmp_path / "meetings").mkdir()
    shutil.copytree(SAMPLE_RECORDS.parent / "nor_docs" / "schemas", tmp_path / "schemas")
    path = tmp_path / "meetings" / "m.yaml"
    path.write_text("# yaml-language-server: $schema=../schemas/meeting.schema.json\ndecision_word: \n",
                    encoding="utf-8")  # fmt: skip
    uri = server.open(path)
    result = server.request("textDocument/completion", {"textDocument": {"uri": uri},
                                                        "position": {"line": 1, "character": 15}})  # fmt: skip
    items = result["items"] if isinstance(result, dict) else result
    assert {"РЕШИЛИ", "ПОСТАНОВИЛИ"} <= {item["label"] for item in items}


def test_hover_in_an_initialised_repository_uses_its_own_schemas(server, tmp_path, monkeypatch):
    """`nor-docs init` then `new meeting`: the scaffold's modeline leads to the repository's
    schemas/, and every field of the scaffold (the commented ones aside) explains itself."""
    from click.testing import CliRunner

    from nor_docs.cli import cli

    runner = CliRunner()
    office = tmp_path / "office"
    assert runner.invoke(cli, ["init", str(office), "--nor-docs", "nor-docs==0.1.0"]).exit_code == 0
    monkeypatch.chdir(office)
    assert runner.invoke(cli, ["new", "meeting", "--date", "2025-03-05", "--slug", "wg"]).exit_code == 0
    path = office / "records" / "meetings" / "2025-03-05-wg.yaml"
    uri = server.open(path)
    described = descriptions_by_key("meeting")
    keys = 0
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines()):
        match = KEY.match(line)
        if not match:
            continue
        shown = unescape(server.hover(uri, number, len(match.group(1)) + 1))
        assert f"[meeting.schema.json]({(office / 'schemas' / 'meeting.schema.json').as_uri()})" in shown
        assert shown.split("\n\n")[1] in described[match.group(2)], (number + 1, line)
        keys += 1
    assert keys >= 25
