"""The letters of the text: words that mix Latin and Cyrillic letters (NOR208) and a space typed
before the hyphen of a compound word (NOR212). Warnings: the documents are built as typed.

Most files have neither, so each check first looks at the whole file (a few C-level passes over
its bytes, ``russian.mixedscript.suspect_offsets``; one regex scan) and only then at its values.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from ..diagnostics import Diagnostic
from ..russian.mixedscript import SUSPECT, mixed_words, suspect_offsets
from ..source.yamlsource import Source, string_scalars, word_position


def mixed_scripts(source: Source) -> list[Diagnostic]:
    """NOR208 at each word of a string value that mixes Latin and Cyrillic letters (or is a Russian
    abbreviation typed in Latin lookalikes), where it stands in the file: only values on the lines
    where the file's bytes have such a pair of letters are looked at."""
    if not source.raw:
        return []
    text = source.text
    offsets = suspect_offsets(source.raw, text)
    if not offsets:
        return []
    starts = [0] + [m.end() for m in re.finditer("\n", text)]
    lines = sorted({bisect_right(starts, at) - 1 for at in offsets})
    adjacent = re.compile(SUSPECT).search
    found = []
    for value, node in string_scalars(source):
        at = bisect_left(lines, node.start_mark.line)
        if at == len(lines) or lines[at] > node.end_mark.line or not adjacent(value):
            continue  # on no line of suspect letters
        for offset, word, message in mixed_words(value):
            start = starts[node.start_mark.line] + node.start_mark.column
            end = starts[node.end_mark.line] + node.end_mark.column if node.end_mark.line < len(starts) else None
            where = word_position(text, start, end, value, offset, word)
            line, col = where if where is not None else (node.start_mark.line + 1, node.start_mark.column + 1)
            found.append(Diagnostic(source.path, line, col, "NOR208", message))
    return found


# A space, a hyphen (or an en dash) and the rest of a word, after the word's first part:
# «инспекторско -аналитического».
_SPACED_HYPHEN = re.compile(r" [-–][а-яё]+")
_WORD_BEFORE = re.compile(r"[А-Яа-яЁё]+\Z")


def spaced_hyphens(source: Source) -> list[Diagnostic]:
    """«инспекторско -аналитического»: a space typed before the hyphen of a compound word
    (NOR212). The typograph leaves it as typed; a reader sees a stray space."""
    found = []
    text = source.text
    # (a literal first, so that the scan is a quick one: every YAML list has « - »)
    for match in _SPACED_HYPHEN.finditer(text):
        at = match.start()
        before = _WORD_BEFORE.search(text[max(0, at - 60) : at])
        if before is None:
            continue  # « -слово» after a digit or a bracket: not a word broken in two
        start = text.rfind("\n", 0, at) + 1
        if text[start:at].lstrip().startswith("#"):
            continue  # a comment
        first = at - len(before.group())
        word = text[first : match.end()]
        found.append(Diagnostic(source.path, text.count("\n", 0, at) + 1, first - start + 1, "NOR212",
                                f"«{word}»: пробел перед дефисом внутри слова — похоже на опечатку; "
                                f"возможно, «{word.replace(' ', '')}»?"))  # fmt: skip
    return found
