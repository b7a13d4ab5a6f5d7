"""A reference the recogniser found but has not yet looked up: who or what, as written.

The recogniser puts a ``Ref`` wherever a record wants an id (a person, a group, an
organisation); the resolver (``resolve.py``) later replaces it with a directory id or a proposed
new entry and attaches what a person should check. The recogniser thus never needs the
directory, and the resolver never needs the text's layout.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .people import Mention


@dataclass
class Ref:
    written: str  # the words as written: «Кирюхину И.В.», «Руководителям ОО», «МОУ СОШ №5»
    mention: Mention | None = None  # the person's name found in them
    case: str | None = None  # the grammatical case the sentence puts it in
    allow: tuple[str, ...] = ("person",)  # what it may be: person, group, organization
    position: str | None = None  # a position written next to it
    gender: str | None = None  # a hint from the words around it («Она сообщила»)
    count: int | None = None  # a group written with a number («15 руководителей»)
    by_position: bool = False  # only a position is written: try the directory's positions
    notes: list[str] = field(default_factory=list)

    @property
    def where(self) -> str:
        return f"«{self.written}»"
