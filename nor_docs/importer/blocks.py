"""The neutral form every reader produces: paragraphs and tables in document order.

A DOCX file and a pasted text end up as the same list of ``Paragraph`` and ``Table`` blocks, so
the recogniser knows nothing of where a protocol came from. A paragraph keeps its soft line
breaks as ``\\n`` (a signature's position spans lines; a title wraps); numbers that Word generated
(``w:numPr``) are written into the text as if typed («1.2. …», «- …»).

``tidy_text`` brings the text back to what a clerk types: it removes what a document carries but
a record must not (zero-width characters, soft hyphens, control characters) and undoes what a
typograph — nor-docs' own (``russian/typography.py``) or Word's AutoFormat — put in for print:
no-break and thin spaces become spaces, a no-break hyphen («2023‑2024», Word's «неразрывный
дефис») a hyphen, a dash or a bullet that starts a line («– пункт», «• пункт») the «- » a list
item is typed with. Real dashes between words («комитета — начальник») and quotes («ёлочки»,
„лапки“) stay: the record may have had them, and they print the same either way.
``merge_broken`` joins a sentence that a secretary broke with Enter («…даны рекомендации» /
«педагогам.»).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_INVISIBLE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")
_SPACES = re.compile("[ \u00a0\u2007\u202f\u2002\u2003\u2009\u2004\u2005\u2006\u200a]+")
# A no-break hyphen (U+2011) and the typographic hyphen (U+2010) are the hyphen a clerk types.
_HYPHENS = str.maketrans({"\u2010": "-", "\u2011": "-"})
# A dash or bullet character opening a line: the «- » of a list item, as records write it.
_LINE_BULLET = re.compile(r"^[–•▪·‣◦]\s+(?=\S)")
_LIST_START = re.compile(r"^\s*(?:\d+(?:\.\d+)*[.)]?\s|[-–—•*·▪]\s?|[а-я]\)\s)")
_ENDS_OPEN = re.compile(r"[а-яёa-z,\-–]$")
_STARTS_LOWER = re.compile(r"^[а-яё]")
# A paragraph that is only a place («г. Петрозаводск», «с. Кикино»): a requisite, not the rest of
# the line above it.
# «Чамина Н.Г. — начальник отдела»: a line of a list of people, complete even without a full stop.
_NAME_DASH = re.compile(r"^(?:[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?\s+(?:[А-ЯЁ]\.\s?){1,2}|(?:[А-ЯЁ]\.\s?){1,2}[А-ЯЁ][а-яё]+)\s+[—–-]\s")
_PLACE = re.compile(r"^(?:г|с|п|пос|пгт|рп|р\.п|д|х|ст|ст-ца)\.\s?[А-ЯЁ][\w-]*(?:\s[А-ЯЁ][\w-]*)?\.?$")


@dataclass(frozen=True)
class Paragraph:
    """One paragraph: its text (soft line breaks as ``\\n``) and, for DOCX, the style name."""

    text: str
    style: str = ""

    @property
    def lines(self) -> list[str]:
        return [line.strip() for line in self.text.split("\n") if line.strip()]

    @property
    def flat(self) -> str:
        """The paragraph as one line: soft breaks become spaces."""
        return " ".join(self.lines)


@dataclass(frozen=True)
class Table:
    """A table: rows of cell texts (a cell's paragraphs joined with ``\\n``); ``header`` says
    the first row was marked as a header row in Word."""

    rows: tuple[tuple[str, ...], ...]
    header: bool = False

    @property
    def width(self) -> int:
        return max((len(r) for r in self.rows), default=0)


Block = Paragraph | Table


def tidy_text(text: str) -> str:
    """Text as a record may hold it: ordinary spaces, no invisible characters, no controls
    (a tab becomes a space; line breaks stay)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n")
    text = _INVISIBLE.sub("", text).replace("\t", " ").translate(_HYPHENS)
    text = _CONTROL.sub("", text)
    lines = (_SPACES.sub(" ", line).strip() for line in text.split("\n"))
    return "\n".join(_LINE_BULLET.sub("- ", line) for line in lines).strip("\n")


def _looks_unfinished(text: str) -> bool:
    """A paragraph that stops mid-sentence: a long last line (the Enter came where the line was
    full) or a word or two standing alone («Руководители»), not a «Фамилия И.О. — должность» line."""
    last = text.rsplit("\n", 1)[-1]
    if _NAME_DASH.match(text) or _PLACE.match(last):
        return False
    return len(last) >= 50 or len(text.split()) <= 2


def merge_broken(blocks: list[Block]) -> list[Block]:
    """Join a paragraph that ends mid-sentence (a letter, a comma or a hyphen) with the next one
    when that one starts with a lower-case letter and is not a list item: a sentence split by
    Enter, or by a blank line in pasted text. Lines of a paragraph stay lines."""
    result: list[Block] = []
    for block in blocks:
        previous = result[-1] if result else None
        if (
            isinstance(block, Paragraph)
            and isinstance(previous, Paragraph)
            and _ENDS_OPEN.search(previous.text)
            and _STARTS_LOWER.match(block.text)
            and not _LIST_START.match(block.text)
            and not _PLACE.match(block.text)
            and _looks_unfinished(previous.text)
        ):
            result[-1] = Paragraph(previous.text + "\n" + block.text, previous.style)
            continue
        result.append(block)
    return result
