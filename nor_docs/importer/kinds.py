"""The kinds of documents the importer recognises, and how to tell them apart.

Each kind is a ``DocumentKind``: how strongly a document looks like one (``score``) and how to
build its draft (``build``). Adding a kind — a collegium's decision, an order, a list of
instructions — is one more entry here and one builder module; the readers, the resolver and the
writer stay as they are.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from .blocks import Block, Paragraph
from .directory_index import DirectoryIndex
from .draft_file import Draft


@dataclass(frozen=True)
class DocumentKind:
    name: str
    score: Callable[[list[Block]], int]  # 0: not this kind
    build: Callable[[list[Block], DirectoryIndex, str], Draft]


def _protocol_score(blocks: list[Block]) -> int:
    from .protocol import is_protocol

    return is_protocol(blocks)


def _build_protocol(blocks: list[Block], index: DirectoryIndex, stem: str) -> Draft:
    from .meeting_draft import build_meeting

    return build_meeting(blocks, index, stem)


def _roadmap_score(blocks: list[Block]) -> int:
    from .roadmap import roadmap_score

    return roadmap_score(blocks)


def _build_roadmap(blocks: list[Block], index: DirectoryIndex, stem: str) -> Draft:
    from .roadmap import build_roadmap

    return build_roadmap(blocks, index, stem)


def _act_score(blocks: list[Block]) -> int:
    from .act import act_score

    return act_score(blocks)


def _build_act(blocks: list[Block], index: DirectoryIndex, stem: str) -> Draft:
    from .act_draft import build_act

    return build_act(blocks, index, stem)


KINDS: tuple[DocumentKind, ...] = (
    DocumentKind("act", _act_score, _build_act),
    DocumentKind("protocol", _protocol_score, _build_protocol),
    DocumentKind("roadmap", _roadmap_score, _build_roadmap),
)


# Kinds the records will know (decisions of a collegium, orders, lists of instructions,
# prescriptions) but the importer does not read yet: their heading word, and its name for the user.
NOT_YET = (
    (re.compile(r"^\s*решение(?:\s+(?:коллегии|совета|управляющего совета))?\b", re.I), "решение коллегии (совета)"),
    (re.compile(r"^\s*приказ\b", re.I), "приказ"),
    (re.compile(r"^\s*распоряжение\b", re.I), "распоряжение"),
    (re.compile(r"^\s*перечень\s+поручений\b", re.I), "перечень поручений"),
    (re.compile(r"^\s*(?:предписание|представление|протест)\b", re.I), "предписание"),
)


def not_yet(blocks: list[Block]) -> str | None:
    """The name of a kind the importer does not read yet, when ``blocks`` open as one (and are no
    protocol)."""
    heads = [b.text for b in blocks[:8] if isinstance(b, Paragraph)]
    if any(re.match(r"^\s*(?:протокол|выписка\s+из\s+протокола)\b", h, re.I) for h in heads):
        return None
    for head in heads:
        for pattern, name in NOT_YET:
            if pattern.match(head):
                return name
    return None


def detect(blocks: list[Block]) -> DocumentKind | None:
    """The kind ``blocks`` look most like, or None."""
    scored = [(kind.score(blocks), i, kind) for i, kind in enumerate(KINDS)]
    best = max(scored, key=lambda s: (s[0], -s[1]))
    return best[2] if best[0] > 0 else None
