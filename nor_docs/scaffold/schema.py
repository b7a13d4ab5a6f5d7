"""JSON Schema of each record kind, generated from the pydantic models.

Editors (VS Code with the YAML extension, and others speaking yaml-language-server) read the
``# yaml-language-server: $schema=…`` line at the top of a record and then validate and complete
fields while the user types. The schemas are committed under ``nor_docs/schemas/`` and a test
checks they match the models.
"""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel

from ..analytics.model import Rule
from ..model.directory import DirectoryFile
from ..model.events import EventsFile
from ..model.kinds import KindsFile
from ..model.marks import MarksFile
from ..model.meeting import Meeting
from ..model.roadmap import Roadmap
from ..model.settings import Settings

SCHEMAS: dict[str, type[BaseModel]] = {
    "meeting": Meeting,
    "roadmap": Roadmap,
    "directory": DirectoryFile,
    "marks": MarksFile,
    "events": EventsFile,
    "settings": Settings,
    "rule": Rule,
    "kinds": KindsFile,
}
PACKAGE_SCHEMAS = Path(__file__).resolve().parent.parent / "schemas"


def schema_for(kind: str) -> dict:
    schema = _titled_by_keys(SCHEMAS[kind].model_json_schema(mode="validation"))
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = f"nor-docs {kind}"
    return schema


def _titled_by_keys(node):
    """The schema with each field titled by its key as the record writes it (``chair``), which
    the editor shows above the Russian description on hover — not pydantic's titles made from
    field and class names («Chair», «Role»)."""
    if isinstance(node, list):
        return [_titled_by_keys(value) for value in node]
    if not isinstance(node, dict):
        return node
    result = {key: _titled_by_keys(value) for key, value in node.items()
              if not (key == "title" and isinstance(value, str))}  # fmt: skip
    result = _nullable_in_one(result)
    properties = result.get("properties")
    if isinstance(properties, dict) and all(isinstance(v, dict) for v in properties.values()):
        result["properties"] = {key: {**value, "title": key} for key, value in properties.items()}
    return result


def _nullable_in_one(node: dict) -> dict:
    """``anyOf: [{type: string, …}, {type: null}]`` (pydantic's optional field) as one schema of
    ``type: [string, null]``: the editor then shows the field's title and description once, not
    once per branch («number || number»)."""
    branches = node.get("anyOf")
    if not isinstance(branches, list) or len(branches) != 2 or {"type": "null"} not in branches:
        return node
    other = next(b for b in branches if b != {"type": "null"})
    if not isinstance(other, dict) or "type" not in other or set(other) & {"$ref", "anyOf", "oneOf", "allOf", "const"}:
        return node
    types = other["type"] if isinstance(other["type"], list) else [other["type"]]
    merged = {**other, **{key: value for key, value in node.items() if key != "anyOf"}, "type": [*types, "null"]}
    if "enum" in other:
        merged["enum"] = [*other["enum"], None]
    return merged


def schema_text(kind: str) -> str:
    return json.dumps(schema_for(kind), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def write_schemas(out_dir: str | Path | None = None) -> list[Path]:
    """Write ``<kind>.schema.json`` for every kind; return the paths written."""
    from ..outputs.atomic import write_atomic

    out = Path(out_dir) if out_dir else PACKAGE_SCHEMAS
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for kind in SCHEMAS:
        path = out / f"{kind}.schema.json"
        write_atomic(path, schema_text(kind).encode("utf-8"))
        written.append(path)
    return written
