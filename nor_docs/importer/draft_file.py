"""A finished draft: the record to write, the directory entries it proposes, and what to tell the
user about it — whatever kind of document it came from.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .draft import Node


@dataclass
class Draft:
    kind: str  # the document kind's name: «protocol», «roadmap»
    what: str  # in Russian, for the summary: «протокол», «выписка из протокола», «дорожная карта»
    folder: str  # the records sub-folder: meetings, roadmaps
    schema: str  # the schema name: meeting, roadmap
    record_id: str
    record: Node
    proposals: Node | None = None
    recognised: list[str] = field(default_factory=list)  # «дата 31.10.2023», «повестка — 2 пункта»…
    left_as_text: list[str] = field(default_factory=list)  # «1 абзац — во введении (intro)»
    header: list[str] = field(default_factory=list)  # comment lines under the schema line
