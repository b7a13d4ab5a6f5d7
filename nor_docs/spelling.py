"""Organisation names spelled almost, but not exactly, as the directory spells them (NOR202).

Hand-made protocols carry one school spelled two ways («Головинцино» for «Головинщино»). The
directory lists each organisation's name, short name and known ``aliases``; text that names an
organisation one letter off is reported. Only text at a name's first word is compared:
``watch_pattern`` is a precompiled regex over those first words, so the YAML reader can set aside
the few string values worth a look while it reads (``Source.watched``) and the check itself
never walks the rest.
"""

from __future__ import annotations

import difflib
import re
from typing import Iterable, Iterator

_PUNCT = " .,;:"


def _norm(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").replace("ё", "е").split()).strip(_PUNCT)


def _differs_by_letters(a: str, b: str) -> bool:
    # A different number («СОШ № 3» vs «СОШ № 5») is another school, not a misspelling.
    return re.sub(r"\D", "", a) == re.sub(r"\D", "", b)


class SpellingChecker:
    """Finds near-misses of organisation names in free text."""

    def __init__(self, organizations: Iterable):
        self.names: dict[str, object] = {}
        for org in organizations:
            for spelling in org.spellings:
                self.names.setdefault(" ".join(_norm(w) for w in spelling.split()), org)
        self.first_words: dict[str, list[tuple[list[str], str]]] = {}
        for name in self.names:
            words = name.split()
            if len(words) >= 2:
                self.first_words.setdefault(words[0], []).append((words, name))
        self.longest = max((len(w) for group in self.first_words.values() for w, _ in group), default=0)
        self.pattern = _first_words_pattern(self.first_words)

    def near_misses(self, text: str) -> Iterator[tuple[str, object]]:
        """(the words as written, the organisation they almost name) for each near-miss."""
        if self.pattern is None:
            return
        for match in self.pattern.finditer(text):
            start = match.start()
            while start and text[start - 1] in ".,;:":
                start -= 1
            if start and not text[start - 1].isspace():
                continue  # inside a word
            words = text[start:].split(None, self.longest)[: self.longest]
            normed = [_norm(w) for w in words]
            for name_words, name in self.first_words.get(normed[0], ()):
                n = len(name_words)
                window = " ".join(normed[:n]).rstrip(".,;:")
                if window == name or window in self.names:
                    continue
                if len(window) < 8 or abs(len(window) - len(name)) > 2:
                    continue
                if difflib.SequenceMatcher(None, window, name).ratio() >= 0.93 and _differs_by_letters(window, name):
                    yield " ".join(words[:n]).rstrip(".,;:"), self.names[name]


def _first_words_pattern(first_words: dict) -> re.Pattern | None:
    """Any of ``first_words`` (ё or е alike). A plain alternation of literals, so the regex
    engine skips fast to the candidates; ``near_misses`` checks the word boundaries."""
    if not first_words:
        return None
    alternatives = [
        re.escape(word).replace("е", "[её]").replace("Е", "[ЕЁ]")
        for word in sorted(first_words, key=len, reverse=True)
    ]
    return re.compile("|".join(alternatives))


def watch_pattern(organizations: Iterable) -> re.Pattern | None:
    """The regex the YAML reader uses to set aside text worth a spelling check (None: no names)."""
    return SpellingChecker(organizations).pattern
