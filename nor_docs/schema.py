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

from .model.directory import DirectoryFile
from .model.events import EventsFile
from .model.marks import MarksFile
from .model.meeting import Meeting
from .model.roadmap import Roadmap
from .model.settings import Settings
from .analytics.model import Rule

SCHEMAS: dict[str, type[BaseModel]] = {
    "meeting": Meeting,
    "roadmap": Roadmap,
    "directory": DirectoryFile,
    "marks": MarksFile,
    "events": EventsFile,
    "settings": Settings,
    "rule": Rule,
}
PACKAGE_SCHEMAS = Path(__file__).parent / "schemas"


def schema_for(kind: str) -> dict:
    schema = SCHEMAS[kind].model_json_schema(mode="validation")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = f"nor-docs {kind}"
    return schema


def schema_text(kind: str) -> str:
    return json.dumps(schema_for(kind), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def write_schemas(out_dir: str | Path | None = None) -> list[Path]:
    """Write ``<kind>.schema.json`` for every kind; return the paths written."""
    from .atomic import write_atomic

    out = Path(out_dir) if out_dir else PACKAGE_SCHEMAS
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for kind in SCHEMAS:
        path = out / f"{kind}.schema.json"
        write_atomic(path, schema_text(kind).encode("utf-8"))
        written.append(path)
    return written
