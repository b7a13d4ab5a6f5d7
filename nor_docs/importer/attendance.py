"""Who chaired, who kept the minutes, who was present, invited or absent.

Roles: «Председатель: Рябченко Галина Николаевна, заместитель…», «Председатель – Н.Ю.Апель»,
«Председатель педагогического совета: Кизима А.Б. - директор» → person, the label as written,
the position. Attendance comes as a list («1. Лешкова О.Н., начальник …, зам. председателя;»,
«Начальник управления образования Борисова Л.А.», «Богачева Татьяна Вячеславовна, учитель»),
as groups («руководители общеобразовательных организаций», «участники проекта … (15
руководителей …)»), as positions without names, or as a count («19 чел. (список прилагается)»,
«15 человек (Дубинина И.И., Фишер А.В, …)»). Each entry becomes an attendee node; whatever is a
person, group or organisation is a ``Ref`` for the resolver.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .decisions import split_top_level
from .draft import Node
from .people import find_names, name_at_end, name_at_start
from .refs import Ref

_LIST_MARK = re.compile(r"^\s*(?:\d{1,3}[.)](?!\d)\s*|[-–—•*·▪]\s*)")
_COUNT = re.compile(r"^(\d{1,4})\s*(?:чел\.?|человека?|участник\w*)?\s*(?:\((.*)\))?\.?$", re.I | re.S)
_APPENDED = re.compile(r"список\s+прилага\w+|согласно\s+списк\w+|список\s+в\s+приложени\w+", re.I)
_PAREN_COUNT = re.compile(r"\(\D{0,40}?(\d{1,4})\s+([^()]*)\)")
_COUNT_SUFFIX = re.compile(r"\s+[—–-]\s+(\d{1,4})\s*(?:чел\.?|человека?)\s*$")
_TRAILING_PAREN = re.compile(r"\s*\([^()]*\)\s*$")
_NOTE = re.compile(r"\s*\(([^()]*)\)\s*$")
_NONE = re.compile(r"^(?:нет|0|-|—|не было)$", re.I)


@dataclass
class Attendance:
    entries: list[Node] = field(default_factory=list)
    count: int | None = None  # «19 чел.»
    count_text: str | None = None  # the words as written: «46 человек», «19 чел. (список прилагается)»
    appended: bool = False  # «(список прилагается)»
    present: bool = True  # the section was written (even with nobody under it)


def role(label: str, rest: str) -> Node | None:
    """A chair's or secretary's line: «Рябченко Галина Николаевна, заместитель …»."""
    rest = rest.strip(" .;")
    mention = name_at_start(rest)
    if mention is None:
        mention = name_at_end(rest)
        if mention is None:
            return None
        position = rest[: mention.start].strip(" ,—–-")
    else:
        position = rest[mention.end :].strip(" ,—–-:.")
    ref = Ref(mention.written, mention, "nominative", ("person",), position=position or None)
    return Node("role", person=ref, label=" ".join(label.split()), position=position or None)


def entry(text: str) -> Node | None:
    """One attendee line as a node (None for an empty or «нет» line)."""
    text = _LIST_MARK.sub("", text.strip()).strip(" ;.,")
    if not text or _NONE.match(text):
        return None
    note = None
    count = None
    paren_count = _PAREN_COUNT.search(text)
    if paren_count:
        count = int(paren_count.group(1))
    note_match = _NOTE.search(text)
    mention = name_at_start(text)
    if mention is not None:
        rest = text[mention.end:]
        if note_match and not paren_count and note_match.start() >= mention.end:
            note = note_match.group(1).strip()
            rest = text[mention.end:note_match.start()]
        rest = rest.strip(" ,—–-:;.")
        parts = split_top_level(rest, ",")
        position = parts[0] if parts else None
        role_text = ", ".join(parts[1:]) or None
        ref = Ref(mention.written, mention, "nominative", ("person",), position=position)
        return Node("attendee", person=ref, position=position, role=role_text, note=note)
    mention = name_at_end(text)
    if mention is not None and mention.start > 0:
        position = text[: mention.start].strip(" ,—–-:")
        ref = Ref(mention.written, mention, "nominative", ("person",), position=position)
        return Node("attendee", person=ref, position=position or None)
    written = text
    suffix = _COUNT_SUFFIX.search(text)
    if suffix:
        count = int(suffix.group(1))
        text = text[: suffix.start()]
    lookup = _TRAILING_PAREN.sub("", text).strip(" ,")
    ref = Ref(lookup, None, "nominative", ("group", "organization", "person"), count=count, by_position=True)
    return Node("attendee", person=ref, count=count, text=written)


def looks_like_entry(text: str) -> bool:
    """A line of attendance — a name, a list item, a short description — not prose that follows
    the list («31.10.2023 состоялось установочное совещание …»)."""
    from .people import _parses

    if _LIST_MARK.match(text) or name_at_start(text) is not None or name_at_end(text.rstrip(" .;")) is not None:
        return True
    if len(text) > 300:
        return False
    for word in re.findall(r"[А-ЯЁа-яё]+", text):
        parses = _parses(word)
        if parses and parses[0].tag.POS == "VERB" and parses[0].score > 0.4:
            return False
    return True


def read_attendance(first: str, paragraphs: list[str]) -> Attendance:
    """The attendance section: the text after «Присутствовали:» and the paragraphs under it."""
    result = Attendance()
    first = first.strip()
    if first:
        count = _COUNT.match(first)
        if count:
            result.count = int(count.group(1))
            result.count_text = first.strip(" .;") if not count.group(2) or _APPENDED.search(count.group(2)) else None
            inside = count.group(2) or ""
            if _APPENDED.search(inside):
                result.appended = True
            elif inside:
                for name in find_names(inside):
                    node = entry(name.written)
                    if node is not None:
                        result.entries.append(node)
        else:
            for part in _inline_entries(first):
                node = entry(part)
                if node is not None:
                    result.entries.append(node)
    for paragraph in paragraphs:
        count = _COUNT.match(paragraph.strip())
        if count and not result.entries:
            result.count = int(count.group(1))
            result.count_text = paragraph.strip(" .;")
            result.appended = result.appended or bool(_APPENDED.search(count.group(2) or ""))
            continue
        lines = [paragraph]
        if ";" in paragraph and not _LIST_MARK.match(paragraph):
            lines = _inline_entries(paragraph)
        for line in lines:
            node = entry(line)
            if node is not None:
                result.entries.append(node)
    return result


def _inline_entries(text: str) -> list[str]:
    """Entries written in one line: split at «;», or at commas when that does not cut a person's
    line («Иванова И.И., учитель, Петрова П.П., завуч» → two entries)."""
    text = text.strip().rstrip(".")
    if ";" in text:
        return split_top_level(text, ";")
    parts = split_top_level(text, ",")
    entries: list[str] = []
    named = False
    for part in parts:
        starts_with_name = name_at_start(part) is not None
        if starts_with_name or not entries or not named:
            entries.append(part)
            named = starts_with_name
        else:
            entries[-1] += ", " + part
    return entries


def attendee_from_count(count: int, written: str | None) -> Node:
    """«19 чел. (список прилагается)» with no list found: one attendee line as written."""
    return Node("attendee", text=written or f"{count} чел.", count=count)
