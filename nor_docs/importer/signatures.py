"""The end of a protocol: signatures, «Протокол вела», the «Верно» of an extract.

A signature is a position (one line or several, kept as lines) and a name: on separate lines
(«Заместитель начальника» / «И.В. Кирюхина»), on one line with spaces, tabs or «______» between
(«Председатель ________ И.И. Иванов»), or as a table row (position | name, position | ____ | name,
«__________ /И.И. Иванов/»), as nor-docs and many templates lay it out. A signature table may hold
the whole end — nor-docs puts the signatures, «Протокол вела» and the «Верно» block into one
borderless table: its rows of one cell are read as the lines of a paragraph would be.
«Протокол вела» / «Секретарь» before a name is also the secretary; «Председатель» the chair; a
keeper of the minutes named on lines of their own under signatures written in two columns is named
there, not one of them. After «Верно» come the certifier and a date: recognised, not kept
(nor-docs writes the «Верно» block itself). The first paragraph that is none of these starts
what follows the protocol — its appendices.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .blocks import Block, Paragraph, Table
from .dates import find_date
from .decisions import number_of
from .draft import Node
from .markers import marker_of
from .people import Mention, _parses, name_at_end, only_name
from .refs import Ref

_SECRETARY = re.compile(r"^(секретар\w*|протокол\s+вел[аи]?|вел[аи]?\s+протокол)", re.I)
_CHAIR = re.compile(r"^председател\w*", re.I)
_SKIP = re.compile(r"^(?:м\.\s?п\.?|подпись|_+|\(подпись\)|/\s*/)$", re.I)
_PREPOSITIONS = {"на", "с", "к", "для", "у", "от", "до", "за", "по", "о", "об", "в", "во", "и"}
_LABELLED = re.compile(r"^(?:отв\.|ответственн\w*|исполнител\w*|срок\w*)\s*[:—–-]", re.I)


def position_like(text: str) -> bool:
    """Short words that can be a signer's position: no sentence, no number, no verb."""
    flat = " ".join(text.split())
    if not flat or len(flat) > 220 or number_of(flat)[0] is not None or flat[:1] in "-–—•" or _LABELLED.match(flat):
        return False
    if re.search(r"[.!?]\s+[А-ЯЁ]", flat) or re.search(r"[.;:!?]$", flat) and not re.search(r"\b[А-ЯЁа-яё]{1,4}\.$", flat):
        return False
    for word in re.findall(r"[А-ЯЁа-яё]+", flat):
        parses = _parses(word)
        if parses and parses[0].tag.POS in ("VERB", "INFN") and parses[0].score > 0.5:
            return False
    return True


def signed_line(line: str) -> tuple[str, Mention] | None:
    """«Секретарь   Р.И. Сулейманова», «Председатель ______ И.И. Иванов»: (position, name)."""
    mention = name_at_end(line)
    if mention is None or mention.start == 0:
        return None
    prefix = line[: mention.start].rstrip(" _\t:—–-/").strip()
    if not prefix or len(prefix) > 150 or not position_like(prefix):
        return None
    last = prefix.split()[-1].lower()
    if last in _PREPOSITIONS:
        return None
    return prefix, mention


def _cell_name(cell: str) -> Mention | None:
    """The name a signature cell ends with: «И.И. Иванов», «__________ /И.И. Иванов/»."""
    last = cell.split("\n")[-1].strip()
    return only_name(last.lstrip("_/ \t").rstrip("/ "))


def table_rows(table: Table) -> list[list[str]]:
    """The rows of a signature table without empty cells and the space for a pen («____»,
    «(подпись)», «М.П.»)."""
    rows = [[c for c in row if c.strip() and not _SKIP.match(c.strip())] for row in table.rows]
    return [row for row in rows if row]


def _tail_line(line: str) -> bool:
    """A line that can stand in the end of a protocol on its own: «Верно», «Протокол вела», a
    position, a name, a signed line, a date."""
    line = line.strip()
    if not line or _SKIP.match(line):
        return True
    marker = marker_of(line)
    if marker is not None and marker.kind in ("certified", "minutes", "chair", "secretary"):
        return True
    if only_name(line) is not None or signed_line(line) is not None or _SECRETARY.match(line):
        return True
    if find_date(line) is not None and len(line) <= 30:
        return True
    return position_like(line)


def signature_table(table: Table) -> bool:
    """A table of signatures: short rows, each a position and a name (position | name) or a line
    of the end on its own («Протокол вела», «Верно», a name, a date), with a name somewhere."""
    rows = table_rows(table)
    if not rows or len(rows) > 12 or any(len(row) > 3 for row in rows):
        return False
    named = False
    for row in rows:
        if len(row) >= 2:
            if _cell_name(row[-1]) is None or not all(_tail_line(line) for c in row[:-1] for line in c.split("\n")):
                return False
            named = True
        elif all(_tail_line(line) for line in row[0].split("\n")):
            named = named or any(only_name(line) or signed_line(line) for line in row[0].split("\n"))
        else:
            return False
    return named


def is_name_block(block: Block) -> bool:
    if isinstance(block, Table):
        return False
    return bool(block.lines) and (only_name(block.lines[0]) is not None or signed_line(block.lines[0]) is not None)


def starts_signatures(blocks: list[Block], i: int, lone_names: bool = True) -> bool:
    """Whether block ``i`` begins the signatures."""
    block = blocks[i]
    if isinstance(block, Table):
        return signature_table(block)
    marker = marker_of(block.text)
    if marker is not None and marker.kind in ("minutes", "certified"):
        return True
    lines = block.lines
    if lines and _SECRETARY.match(lines[0]) and len(lines[0]) < 40 and i + 1 < len(blocks) and is_name_block(blocks[i + 1]):
        return True
    if lone_names and any(only_name(line) for line in lines):
        return True
    if lines and signed_line(lines[-1]) is not None and len(lines) <= 4:
        return True
    if position_like(block.text):
        for ahead in (1, 2):
            if i + ahead < len(blocks) and is_name_block(blocks[i + ahead]):
                return all(position_like(b.text) for b in blocks[i:i + ahead] if isinstance(b, Paragraph))
    return False


@dataclass
class Tail:
    signers: list[Node] = field(default_factory=list)
    chair: Node | None = None
    secretary: Node | None = None
    certified: str | None = None  # «Верно: С.А. Фадеева, 29.09.2021»
    end: int = 0  # index of the first block after the signatures


def _signer(position_lines: list[str], mention: Mention, tail: Tail, apart: bool = False) -> None:
    """A signature; ``apart``: written in paragraphs after a table of signatures — a keeper of the
    minutes there is named under the signatures, not one of them."""
    position = "\n".join(line.strip() for line in position_lines if line.strip()) or None
    flat = " ".join(position.split()) if position else ""
    if apart and flat and _SECRETARY.match(flat) and tail.secretary is None:
        tail.secretary = Node("role", person=Ref(mention.written, mention, "nominative", ("person",)), label=flat)
        return
    ref = Ref(mention.written, mention, "nominative", ("person",), position=flat or None)
    tail.signers.append(Node("signer", person=ref, position=position))
    if flat and _SECRETARY.match(flat) and tail.secretary is None:
        tail.secretary = Node("role", person=Ref(mention.written, mention, "nominative", ("person",)), label=flat)
    elif flat and _CHAIR.match(flat) and tail.chair is None and len(flat.split()) <= 4:
        tail.chair = Node("role", person=Ref(mention.written, mention, "nominative", ("person",)), label=flat)


def _units(block: Block) -> list[tuple[list[str], Mention] | str]:
    """The end of a protocol as it reads: a table's two-column rows as (position lines, name), its
    rows of one cell and a paragraph as their lines."""
    if isinstance(block, Paragraph):
        return list(block.lines)
    units: list[tuple[list[str], Mention] | str] = []
    for row in table_rows(block):
        mention = _cell_name(row[-1]) if len(row) >= 2 else None
        if mention is None:
            units.extend(line.strip() for cell in row for line in cell.split("\n") if line.strip())
            continue
        lines = [line for cell in row[:-1] for line in cell.split("\n")] + row[-1].split("\n")[:-1]
        units.append(([line for line in lines if line.strip() and not _SKIP.match(line.strip())], mention))
    return units


def read_tail(blocks: list[Block], start: int) -> Tail:
    """Signatures from ``start``; ``Tail.end`` is where the appendices begin."""
    tail = Tail(end=len(blocks))
    pending: list[str] = []
    pending_from: int | None = None
    certifying = False
    columns_seen = False  # a signature written as position | name: a keeper of the minutes below is apart

    def stop(at: int) -> Tail:
        tail.end = pending_from if pending_from is not None else at
        return tail

    for i in range(start, len(blocks)):
        block = blocks[i]
        if isinstance(block, Table):
            if not signature_table(block):
                return stop(i)
        else:
            marker = marker_of(block.text)
            if marker is not None and marker.kind in ("appendix", "attendee_list"):
                return stop(i)
        for unit in _units(block):
            if isinstance(unit, tuple):
                lines, mention = unit
                if certifying:
                    tail.certified = f"{' '.join(pending + lines)} {mention.written}".strip()
                else:
                    _signer(pending + lines, mention, tail)
                    columns_seen = True
                pending, pending_from = [], None
                continue
            line = unit
            if _SKIP.match(line.strip()):
                continue
            marker = marker_of(line)
            if marker is not None and marker.kind == "certified":
                certifying = True
                pending, pending_from = [], None
                continue
            if certifying and find_date(line) is not None and len(line) <= 30:
                tail.certified = f"{tail.certified or ''} {line}".strip()
                continue
            lone = only_name(line)
            if lone is not None:
                if certifying:
                    tail.certified = f"{' '.join(pending)} {lone.written}".strip()
                else:
                    _signer(pending, lone, tail, apart=columns_seen)
                pending, pending_from = [], None
                continue
            signed = signed_line(line)
            if signed is not None:
                if not certifying:
                    _signer(pending + [signed[0]], signed[1], tail, apart=columns_seen)
                pending, pending_from = [], None
                continue
            if (position_like(line) or _SECRETARY.match(line)) and len(pending) < 6:
                if pending_from is None:
                    pending_from = i
                pending.append(line)
                continue
            return stop(i)
    if pending_from is not None:
        tail.end = pending_from
    return tail
