"""The JSON Schemas editors use: committed = generated, they describe what a record file holds
(not the parsed model), every sample record passes them under an independent validator
(jsonschema), and every record's `# yaml-language-server: $schema=…` line leads to the right one."""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path

import jsonschema
import pytest
from conftest import SAMPLE_RECORDS

from nor_docs.model.records import record_files
from nor_docs.scaffold.schema import PACKAGE_SCHEMAS, SCHEMAS, schema_for, schema_text
from nor_docs.source.yamlsource import read_source

ROOT = Path(__file__).resolve().parent.parent
BAD_BASE = Path(__file__).resolve().parent / "bad" / "_base"
FOLDER_KIND = {"directory": "directory", "meetings": "meeting", "marks": "marks", "events": "events",
               "roadmaps": "roadmap"}  # fmt: skip
SCHEMA_LINE = re.compile(r"^# yaml-language-server: \$schema=(\S+)$")


def kind_of(path: Path, root: Path) -> str:
    relative = path.relative_to(root)
    return "settings" if relative.parts == ("settings.yaml",) else FOLDER_KIND[relative.parts[0]]


def sample_files() -> list[Path]:
    return record_files(SAMPLE_RECORDS) + record_files(BAD_BASE)


def root_of(path: Path) -> Path:
    return BAD_BASE if BAD_BASE in path.parents else SAMPLE_RECORDS


@pytest.mark.parametrize("kind", sorted(SCHEMAS))
def test_committed_schema_is_what_nor_docs_schema_writes_now(kind):
    committed = (PACKAGE_SCHEMAS / f"{kind}.schema.json").read_text(encoding="utf-8")
    assert committed == schema_text(kind), f"run `nor-docs schema` (make schema): {kind} is stale"


def test_schema_command_writes_every_kind(runner, tmp_path):
    from nor_docs.cli import cli

    result = runner.invoke(cli, ["schema", "--out", str(tmp_path)])
    assert result.exit_code == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(f"{k}.schema.json" for k in SCHEMAS)
    for kind in SCHEMAS:
        assert (tmp_path / f"{kind}.schema.json").read_text(encoding="utf-8") == schema_text(kind)


@pytest.mark.parametrize("kind", sorted(SCHEMAS))
def test_schemas_are_valid_draft_2020_12(kind):
    jsonschema.Draft202012Validator.check_schema(schema_for(kind))


def test_schemas_describe_the_input_form_not_the_parsed_model():
    # A roadmap's approval stamp as the paper prints it (Approval.as_written) is input, not a
    # deadline's parsed words: set aside, the rest of the roadmap's schema is checked as the others.
    roadmap = copy.deepcopy(schema_for("roadmap"))
    stamp = roadmap["$defs"]["Approval"]["properties"].pop("as_written")
    assert stamp["description"].startswith("Гриф, как он напечатан")
    text = json.dumps([roadmap if kind == "roadmap" else schema_for(kind) for kind in SCHEMAS], ensure_ascii=False)
    for internal in ("as_written", "offset_days", "working_days", '"points"', '"Deadline"'):
        assert internal not in text, f"{internal} is a parsed field, not something a record holds"
    meeting = schema_for("meeting")
    deadline = meeting["$defs"]["Decision"]["properties"]["deadline"]
    shapes = deadline["anyOf"]
    assert {"type": "string", "minLength": 1} in shapes
    assert deadline["description"].startswith("Срок, как он написан")
    written = next(s for s in shapes if s.get("type") == "object")
    assert set(written["properties"]) == {"text", "event", "control"} and written["required"] == ["text"]  # control: issue 14
    assert meeting["properties"]["date"]["type"] == "string"
    assert re.match(meeting["properties"]["date"]["pattern"], "31.01.2024 г.")
    assert re.match(meeting["properties"]["date"]["pattern"], "2024-01-31")
    time = meeting["properties"]["time"]
    assert time["type"] == ["string", "null"] and re.match(time["pattern"], "10:30")


def validator(kind: str) -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(schema_for(kind))


@pytest.mark.parametrize("path", sample_files(), ids=lambda p: p.relative_to(ROOT).as_posix())
def test_sample_record_passes_its_exported_schema(path):
    source, problems = read_source(path)
    assert source is not None and not problems, problems
    committed = json.loads((PACKAGE_SCHEMAS / f"{kind_of(path, root_of(path))}.schema.json").read_text("utf-8"))
    errors = sorted(jsonschema.Draft202012Validator(committed).iter_errors(source.data), key=str)
    assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors)


@pytest.mark.parametrize("path", sample_files(), ids=lambda p: p.relative_to(ROOT).as_posix())
def test_schema_line_leads_to_the_schema_of_its_kind(path):
    first = path.read_text(encoding="utf-8").splitlines()[0]
    match = SCHEMA_LINE.match(first)
    assert match, f"{path}: the first line must be # yaml-language-server: $schema=…"
    target = (path.parent / match.group(1)).resolve()
    assert target == (PACKAGE_SCHEMAS / f"{kind_of(path, root_of(path))}.schema.json").resolve()
    assert target.is_file()


@pytest.mark.parametrize(
    ("record", "fragment"),
    [
        ({"deadine": "до 01.03.2024"}, "deadine"),  # unknown field
        ({"on_control": "no"}, "on_control"),  # `no` is a string to an editor too
        ({"deadline": {"text": "за 3 дня до ВПР", "evnt": "vpr"}}, "evnt"),
        ({"executors": "heads"}, "executors"),
    ],
)
def test_schema_and_model_refuse_the_same_mistakes(record, fragment):
    decision = {"number": 1, "text": "провести анализ", **record}
    meeting = {"kind": "заседание", "title": "заседания", "issuer": "uo", "date": "01.02.2024", "decisions": [decision]}
    errors = list(validator("meeting").iter_errors(meeting))
    assert errors and any(fragment in e.json_path or fragment in e.message for e in errors)
    from pydantic import ValidationError

    from nor_docs.model.meeting import Meeting

    with pytest.raises(ValidationError):
        Meeting.model_validate(meeting)


def _properties(node, path=()):
    """(path, name, schema) of every property of every object in a schema, nested ones included."""
    if isinstance(node, dict):
        for name, prop in (node.get("properties") or {}).items():
            yield path + (name,), name, prop
        for key, value in node.items():
            yield from _properties(value, path + (key,))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _properties(value, path + (i,))


@pytest.mark.parametrize("kind", sorted(SCHEMAS))
def test_every_field_has_a_russian_description(kind):
    """What the editor shows on hover: a field added without ``Field(description=…)`` fails here."""
    missing, english = [], []
    for path, name, prop in _properties(schema_for(kind)):
        text = prop.get("description", "")
        if not text.strip():
            missing.append("/".join(map(str, path)))
        elif not re.search("[а-яА-ЯёЁ]", text):
            english.append(f"{'/'.join(map(str, path))}: {text}")
        assert prop.get("title") == name, f"{path}: the title is the key as written"
    assert not missing, f"fields without a description in {kind}: {missing}"
    assert not english, f"descriptions not in Russian: {english}"


@pytest.mark.parametrize("kind", sorted(SCHEMAS))
def test_no_english_text_reaches_the_editor(kind):
    """Docstrings and pydantic's titles («Chair», «Role») are for developers: the only text a
    schema carries besides the Russian descriptions is the field's own key as its title."""
    def walk(node):
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "description":
                    assert re.search("[а-яА-ЯёЁ]", value), value
                yield from walk(value)
        elif isinstance(node, list):
            for value in node:
                yield from walk(value)
        yield node

    schema = schema_for(kind)
    list(walk(schema))
    assert schema["description"] and re.search("[а-яА-ЯёЁ]", schema["description"])
    titles = {node["title"] for node in walk(schema) if isinstance(node, dict) and isinstance(node.get("title"), str)}
    keys = {name for _, name, _ in _properties(schema)}
    assert titles <= keys | {f"nor-docs {kind}"}


def test_enumerations_are_enums_for_autocompletion():
    meeting = schema_for("meeting")
    assert meeting["properties"]["decision_word"]["enum"] == ["РЕШИЛИ", "ПОСТАНОВИЛИ"]
    # any kind id of the catalogue (an office adds its own): the built-in ones offered as examples
    assert meeting["properties"]["document"]["examples"][:3] == ["protocol", "extract", "decision-collegium"]
    assert meeting["$defs"]["MeetingFormat"]["properties"]["mode"]["enum"] == ["очно", "ВКС", "очно и ВКС"]
    directory = schema_for("directory")
    assert "школа" in directory["$defs"]["Organization"]["properties"]["kind"]["enum"]
    gender = directory["$defs"]["Person"]["properties"]["gender"]
    assert gender["enum"] == ["f", "m", None] and gender["type"] == ["string", "null"]
    settings = schema_for("settings")
    assert settings["$defs"]["DeadlineSettings"]["properties"]["non_working_day"]["enum"] == ["previous", "next", "none"]
    jsonschema.validate({"people": [{"id": "a", "surname": "Б", "initials": "В.", "gender": None}]}, directory)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"people": [{"id": "a", "surname": "Б", "initials": "В.", "gender": "x"}]}, directory)
