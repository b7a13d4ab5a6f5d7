"""Words that mix Latin and Cyrillic letters (NOR208), and the letters of the two that look alike.

Text pasted from Word carries Latin letters that look Cyrillic inside Russian words («MOУ» with a
Latin M and O, «Рoссия», «ВПP»): it reads right and is another word to search, sorting and the
organisation spelling check (NOR202). The YAML reader looks for such words in every string value
(never in keys; ids, which have their own check, are skipped) and reports each with the word in
one alphabet: the Latin lookalikes made Cyrillic («МОУ») — or, for a Latin word with a Cyrillic
letter inside («Micrоsoft»), the other way round. A whole abbreviation typed with the Latin
keyboard in a Russian text («BCOKO» for ВСОКО: every letter a lookalike, three or more capitals,
not a Roman numeral) is reported too.

Most files have none, so the reader first asks ``adjacent_letters`` of the whole file (a few
C-level passes over its bytes, no regex), and looks only at the values on the lines it names.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

_LATIN = "ABCEHKMOPTXaceopxy"
_CYRILLIC = "АВСЕНКМОРТХасеорху"
TO_CYRILLIC = str.maketrans(_LATIN, _CYRILLIC)
# For a whole word of Latin capitals «Y» reads as «У» too («MOY» → «МОУ»).
_CAPITALS_TO_CYRILLIC = str.maketrans("ABCEHKMOPTXY", "АВСЕНКМОРТХУ")
TO_LATIN = str.maketrans(_CYRILLIC, _LATIN)
# Cyrillic letters that look like the Latin ones of an id (lower case: ids are), for ids typed
# with a letter or two in the wrong keyboard layout (NOR103's hint, ``records._id_hint``).
ID_LOOKALIKES = str.maketrans("аеорсухкітјѕԁһԛԝ", "aeopcyxkitjsdhqw")
# Patterns are compiled on first use (``re`` caches them): most runs never need them, and
# compiling them all would cost a millisecond of every start.
# An id or an assignment reference (``model.common.ID_PATTERN``, ``model.marks.ASSIGNMENT_ID_PATTERN``).
_ID_LIKE = r"[a-z0-9][a-z0-9._-]*(?:#[0-9A-Za-zА-Яа-яЁё.-]+)?"
_LATIN_LETTER = "[A-Za-z]"
_CYRILLIC_LETTER = "[А-Яа-яЁё]"
ADJACENT = "[A-Za-z][А-Яа-яЁё]|[А-Яа-яЁё][A-Za-z]"
# A word of three or more Latin capitals that all look Cyrillic («BCOKO», «MOY»).
LOOKALIKE_WORD = "(?<![A-Za-z0-9])[ABCEHKMOPTXY]{3,}(?![A-Za-z0-9])"
SUSPECT = f"{ADJACENT}|{LOOKALIKE_WORD}"
_ROMAN = "M{0,4}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})"
_WORD = r"[^\W\d_]+"  # letters only: a hyphen, slash, digit or dot ends a word
_TOKEN = r"\S+"
_ADDRESS = r"(?i)[a-z][a-z0-9+.-]*://|www\.|@"

# The bytes of a file, one per character that matters: 1 for a Latin letter, 2 for a character
# whose UTF-8 starts with 0xD0 or 0xD1 (U+0400-U+047F: every Cyrillic letter of Russian), 0 for
# the rest; the continuation bytes of multi-byte characters are dropped.
_CLASSES = bytes(1 if chr(b).isascii() and chr(b).isalpha() else 2 if b in (0xD0, 0xD1) else 0 for b in range(256))
_CONTINUATION = bytes(range(0x80, 0xC0))
# Each byte as 1 for a Latin capital that looks Cyrillic, 0 for the rest (``suspect_offsets``).
_CAPITALS = bytes(1 if chr(b) in "ABCEHKMOPTXY" else 0 for b in range(256))
_THREE_CAPITALS = b"\x01\x01\x01"


def adjacent_letters(raw: bytes) -> list[int]:
    """Where the UTF-8 ``raw`` may have a Latin letter next to a Cyrillic one: the offsets, in
    the decoded text, of the second letter of each pair (every place ``ADJACENT`` finds; a few
    others, such as a Latin letter next to «Ѣ»). Empty for most files.

    A regex over the text costs a tenth of ``validate`` on a large records folder; this does it
    in C: the characters classified, a byte each (so a byte's offset is the character's), and
    packed into one big integer, shifted by a byte and a bit and compared with itself — a Latin
    letter (bit 0 of its byte) next to a Cyrillic one (bit 1 of the neighbouring byte) leaves a
    bit set in the byte of the second."""
    classes = raw.translate(_CLASSES, _CONTINUATION)
    packed = int.from_bytes(classes, "little")
    found = packed & ((packed << 9) | (packed << 7))
    if not found:
        return []
    return [m.start() for m in re.finditer(b"[^\x00]", found.to_bytes(len(classes), "little"))]


def suspect_offsets(raw: bytes, text: str) -> list[int]:
    """Offsets in ``text`` (the decoded ``raw``) where a word may mix the alphabets or be a Russian
    abbreviation typed in Latin lookalikes; empty for most files."""
    found = adjacent_letters(raw)
    if _THREE_CAPITALS in raw.translate(_CAPITALS):  # (a C-level pass: most files have none)
        found += [m.start() for m in re.finditer(LOOKALIKE_WORD, text)]
    return found


def looks_like_id(text: str) -> bool:
    """An id or a reference to one, maybe with a Cyrillic lookalike letter (NOR103 reports it)."""
    return re.fullmatch(_ID_LIKE, text.strip().translate(ID_LOOKALIKES)) is not None


def mixed_words(text: str) -> Iterator[tuple[int, str, str]]:
    """(offset in ``text``, the word, the message) for each word of ``text`` that mixes Latin and
    Cyrillic letters, or is a Latin-lookalike abbreviation in a text that has Russian words; words
    inside a web or e-mail address are left alone."""
    if not re.search(SUSPECT, text) or looks_like_id(text):
        return
    russian = re.search(_CYRILLIC_LETTER, text) is not None
    for token in re.finditer(_TOKEN, text):
        if re.search(_ADDRESS, token.group()):
            continue
        if re.search(ADJACENT, token.group()):
            for match in re.finditer(_WORD, token.group()):
                word = match.group()
                if re.search(_LATIN_LETTER, word) and re.search(_CYRILLIC_LETTER, word):
                    yield token.start() + match.start(), word, message(word)
        elif russian:
            for match in re.finditer(LOOKALIKE_WORD, token.group()):
                word = match.group()
                if not re.fullmatch(_ROMAN, word):
                    yield token.start() + match.start(), word, (
                        f"слово «{word}» набрано латинскими буквами, похожими на русские; "
                        f"возможно, «{word.translate(_CAPITALS_TO_CYRILLIC)}»? (если это латинское сокращение — оставьте)")


def message(word: str) -> str:
    """What NOR208 says about ``word``: which letters are of the other alphabet, and the word in
    one alphabet where its letters allow."""
    latin = re.findall(_LATIN_LETTER, word)
    cyrillic = re.findall(_CYRILLIC_LETTER, word)
    as_cyrillic, as_latin = word.translate(TO_CYRILLIC), word.translate(TO_LATIN)
    cyrillic_ok = not re.search(_LATIN_LETTER, as_cyrillic)
    latin_ok = not re.search(_CYRILLIC_LETTER, as_latin)
    if cyrillic_ok and latin_ok:  # every letter has a twin («CO»): the larger part decides
        latin_ok = len(latin) > len(cyrillic)
        cyrillic_ok = not latin_ok
    if cyrillic_ok:
        odd, fix = ("латинские", latin), f"; возможно, «{as_cyrillic}»?"
    elif latin_ok:
        odd, fix = ("русские", cyrillic), f"; возможно, «{as_latin}»?"
    elif len(latin) <= len(cyrillic):
        odd, fix = ("латинские", latin), "; наберите его русскими буквами"
    else:
        odd, fix = ("русские", cyrillic), "; наберите его латинскими буквами"
    letters = ", ".join(dict.fromkeys(odd[1]))
    return f"в слове «{word}» смешаны латинские и русские буквы ({odd[0]}: {letters}){fix}"
