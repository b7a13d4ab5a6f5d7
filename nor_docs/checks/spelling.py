"""Organisation names spelled almost, but not exactly, as the directory spells them (NOR202).

Hand-made protocols carry one school spelled two ways («Головинцино» for «Головинщино»). The
directory lists each organisation's name, short name and known ``aliases``; text that names an
organisation one letter off is reported. Only text at a name's first word is compared (a
precompiled regex over those first words finds the places), and a file is looked at value by value
only when its whole text has a near-miss (most have none).
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Protocol

from ..diagnostics import Diagnostic
from ..russian.mixedscript import TO_CYRILLIC

_PUNCT = " .,;:"


def _norm(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").replace("ё", "е").split()).strip(_PUNCT)


class NamedOrganization(Protocol):
    """What the checker needs of an organisation: the directory's model or the raw data's ``_Named``."""

    @property
    def id(self) -> str: ...

    @property
    def display_name(self) -> str: ...

    @property
    def spellings(self) -> tuple[str, ...]: ...


class SpellingChecker:
    """Finds near-misses of organisation names in free text.

    Also the reader's ``watch``: ``search(text)`` says whether a text holds a near-miss, so the
    YAML reader (in whichever process reads the file) sets aside only the texts to report.
    """

    def __init__(self, organizations: Iterable[NamedOrganization]):
        self.names: dict[str, NamedOrganization] = {}
        for org in organizations:
            for spelling in org.spellings:
                self.names.setdefault(" ".join(_norm(w) for w in spelling.split()), org)
        # first word → {number of words → [(name, its digits)]}
        self.first_words: dict[str, dict[int, list[tuple[str, str]]]] = {}
        for name in self.names:
            words = name.split()
            if len(words) >= 2:
                by_length = self.first_words.setdefault(words[0], {})
                by_length.setdefault(len(words), []).append((name, re.sub(r"\D", "", name)))
        self.longest = max((n for by_length in self.first_words.values() for n in by_length), default=0)
        # how much text after a first word can hold a name (spaces may be runs, hence the slack)
        self.window = 4 * max((len(name) for name in self.names), default=0) + 64
        self.pattern = _first_words_pattern(self.first_words)
        # the names with Latin letters that look Cyrillic made Cyrillic, in the text or the directory
        self.lookalike_names = {name.translate(TO_CYRILLIC) for name in self.names}

    def search(self, text: str) -> bool:
        """Whether ``text`` names an organisation almost as the directory does."""
        return next(self.near_misses(text), None) is not None

    def near_misses(self, text: str) -> Iterator[tuple[int, str, NamedOrganization]]:
        """(offset in ``text``, the words as written, the organisation they nearly name) for each
        near-miss."""
        if self.pattern is None:
            return
        for match in self.pattern.finditer(text):
            start = match.start()
            while start and text[start - 1] in ".,;:":
                start -= 1
            if start and not text[start - 1].isspace():
                continue  # inside a word
            words = text[start : start + self.window].split(None, self.longest)[: self.longest]
            by_length = self.first_words.get(_norm(words[0]))
            if not by_length:
                continue
            normed = [_norm(w) for w in words]
            for n, names in by_length.items():
                window = " ".join(normed[:n]).rstrip(".,;:")
                if window in self.names or len(window) < 8:
                    continue  # a name the directory knows (maybe another one), or too short to judge
                if window.translate(TO_CYRILLIC) in self.lookalike_names:
                    continue  # a known name, but for Latin lookalike letters: NOR208 says which (mixedscript)
                digits = re.sub(r"\D", "", window)
                for name, name_digits in names:
                    # A different number («СОШ № 3» vs «СОШ № 5») is another school, not a typo.
                    if name_digits != digits or abs(len(window) - len(name)) > 2:
                        continue
                    if difflib.SequenceMatcher(None, window, name).ratio() >= 0.93:
                        yield start, " ".join(words[:n]).rstrip(".,;:"), self.names[name]


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


class _Named:
    """An organisation as the directory's raw data gives it (enough to watch text with)."""

    __slots__ = ("id", "display_name", "spellings")

    def __init__(self, org_id: str, spellings: tuple[str, ...]):
        self.id, self.display_name, self.spellings = org_id, spellings[0], spellings


def watch_for_directory(directory_data: Iterable) -> SpellingChecker | None:
    """What looks for near-misses (None: no organisation names), from the directory files' data as
    read — whatever the model makes of it."""
    organizations: list[NamedOrganization] = []
    for data in directory_data:
        items = data.get("organizations") if isinstance(data, dict) else None
        for item in items if isinstance(items, list) else ():
            if not isinstance(item, dict):
                continue
            names = [item.get("name"), item.get("short_name") or item.get("name")]
            aliases = item.get("aliases")
            names += aliases if isinstance(aliases, list) else []
            spellings = tuple(dict.fromkeys(n for n in names if isinstance(n, str) and n.strip()))
            if spellings:
                organizations.append(_Named(str(item.get("id")), spellings))
    checker = SpellingChecker(organizations)
    return checker if checker.pattern is not None else None


def misspelt_organizations(records) -> list[Diagnostic]:
    """NOR202 for every string value that names an organisation almost as the directory does.

    The names looked for are those of the directory files as read (``watch_for_directory``: a file
    that failed its schema too); what is reported names the organisations that loaded. Settings
    and directory files are looked at value by value; every other file only when its whole text
    has a near-miss."""
    checker = SpellingChecker(records.organizations.values())
    if checker.pattern is None:
        return []
    first = records.sources[: records.directory_sources]
    watch = watch_for_directory(source.data for source in first if Path(source.path).name != "settings.yaml")
    found = []
    for number, source in enumerate(records.sources):
        if number < records.directory_sources:
            candidates = ((loc, text) for loc, text in _strings(source.data, ()) if checker.pattern.search(text))
        elif watch is not None and watch.search(source.text):
            candidates = ((loc, text) for loc, text in _strings(source.data, ()) if watch.search(text))
        else:
            continue
        for loc, text in candidates:
            for offset, written, org in checker.near_misses(text):
                line, col = source.position_in_value(loc, text, offset)
                found.append(Diagnostic(source.path, line, col, "NOR202",
                                        f"«{written}» — так организация в справочнике не пишется; "
                                        f"возможно, «{org.display_name}» ({org.id})? Исправьте текст или "
                                        "добавьте написание в aliases"))  # fmt: skip
    return found


def _strings(data, loc: tuple) -> Iterator[tuple[tuple, str]]:
    if isinstance(data, str):
        yield loc, data
    elif isinstance(data, dict):
        for key, value in data.items():
            yield from _strings(value, loc + (key,))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from _strings(value, loc + (i,))
