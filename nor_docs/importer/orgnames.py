"""Organisation names compared the way a reader compares them, not letter by letter.

«Управления образования Каменского района» and «Управление образования Каменского района» are
one name in two cases: ``lemma_key`` reduces every word to its dictionary form. Schools are
written a dozen ways — «МБОУ СОШ №10», «МБОУ СОШ № 10 г. Кузнецка», «Школа № 10 г. Кузнецка»,
«МОУ «Средняя школа № 10»», «МОУ СОШ с. Головинцино» for «…Головинщино» — so ``school_key``
keeps only what identifies one: the type (school, gymnasium, lyceum, kindergarten), the number
and the locality; two keys agree when what both name is the same (a locality one letter off
still agrees, a different number never does).
"""

from __future__ import annotations

import difflib
import functools
import re
from dataclasses import dataclass

from .people import fold, morph

_WORD = re.compile(r"[А-ЯЁа-яёA-Za-z]+(?:-[А-ЯЁа-яёA-Za-z]+)*|\d+")
_QUOTES = str.maketrans({c: " " for c in "«»\"“”„'()"})


@functools.lru_cache(maxsize=32768)
def lemma(word: str) -> str:
    if word.isdigit() or (word.isupper() and len(word) > 1) or not re.search("[а-яё]", word.lower()):
        return fold(word)
    parses = morph().parse(word.lower())
    return fold(parses[0].normal_form) if parses else fold(word)


def words(text: str) -> list[str]:
    return _WORD.findall(text.translate(_QUOTES))


@functools.lru_cache(maxsize=16384)
def lemma_key(text: str) -> tuple[str, ...]:
    """The words of ``text`` in their dictionary forms (abbreviations and numbers as they are)."""
    return tuple(lemma(w) for w in words(text))


@dataclass(frozen=True)
class SchoolKey:
    kind: str | None  # school / gymnasium / lyceum / kindergarten
    number: str | None
    locality: str | None  # folded, lemmatised: «кикино», «покровский арчада», «кузнецк»

    @property
    def useful(self) -> bool:
        return self.kind is not None and (self.number is not None or self.locality is not None)


_KINDS = (
    ("gymnasium", re.compile(r"гимнази", re.I)),
    ("lyceum", re.compile(r"лице[йяюе]", re.I)),
    ("kindergarten", re.compile(r"\bДОУ\b|детск\w* сад|\bд/с\b", re.I)),
    ("school", re.compile(r"\b(?:СОШ|ООШ|НОШ|СШ|школ\w*)", re.I)),
)
_NUMBER = re.compile(r"№\s*(\d+)|(?:СОШ|ООШ|НОШ|СШ|школ\w*|гимнази\w*|лице\w*)\s+(\d+)\b", re.I)
_LOCALITY = re.compile(
    r"(?:^|[\s(,])(?:с|г|п|пос|д|пгт|рп|р\.п|ст|х|села|города|поселка|посёлка|деревни)\.?\s+"
    r"([А-ЯЁ][а-яё]+(?:-[А-ЯЁ]?[а-яё]+)?(?:\s+[А-ЯЁ][а-яё]+)?)"
)


@functools.lru_cache(maxsize=8192)
def school_key(name: str) -> SchoolKey:
    kind = next((k for k, pattern in _KINDS if pattern.search(name)), None)
    number_match = _NUMBER.search(name)
    number = None
    if number_match:
        number = number_match.group(1) or number_match.group(2)
    locality_match = _LOCALITY.search(name)
    locality = None
    if locality_match:
        locality = " ".join(lemma(w) for w in locality_match.group(1).split())
    return SchoolKey(kind, number, locality)


def _close(a: str, b: str) -> bool:
    return a == b or difflib.SequenceMatcher(None, a, b).ratio() >= 0.85


def same_school(a: SchoolKey, b: SchoolKey) -> bool:
    """Whether two schools' keys can name the same school."""
    if not (a.useful and b.useful) or a.kind != b.kind:
        return False
    if a.number is not None and b.number is not None:
        if a.number != b.number:
            return False
        return a.locality is None or b.locality is None or _close(a.locality, b.locality)
    if a.number is not None or b.number is not None:
        return False  # one numbered, one not: different naming, too weak to tell
    return a.locality is not None and b.locality is not None and _close(a.locality, b.locality)


def normalised(text: str) -> str:
    """A name compared exactly: case, «ё», quotes, spaces and «№ » ignored."""
    text = fold(text).translate(_QUOTES).replace("№ ", "№")
    return " ".join(text.split()).strip(" .,;:")
