"""Which directory organisation a school named in results data is.

A results line or a spreadsheet row names a school by its directory id (``kamenka-kikino``) or by
a name: the full name, the short name or any of the ``aliases`` the directory lists, compared
without regard to case, ё/е, quotes, spaces after dots or around «№» («МОУ СОШ с.Кикино» is «МОУ
СОШ с. Кикино»). A name the directory does not know is never taken for a new school: it is
reported, with the organisation it nearly names (one letter off, the same numbers — the idea of
``spelling.py``) and the way out (add the spelling to ``aliases``). A name two organisations share
is reported too, with both ids.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

# «(sch583012) МБОУ СОШ № 1» — the login prefix of ФИС ОКО exports
_LOGIN = re.compile(r"^\s*\(\s*sch\d+\s*\)\s*", re.I)
_QUOTES = re.compile(r"[«»\"“”„'`]")
NOT_SCHOOLS = ("управление образования", "орган власти", "муниципалитет")


def name_key(text: str) -> str:
    """The form names are compared in."""
    text = _LOGIN.sub("", text)
    text = text.lower().replace("ё", "е").replace("\u00a0", " ")
    text = _QUOTES.sub("", text)
    text = re.sub(r"№\s*", "№", text)
    text = re.sub(r"\.\s+", ".", text)
    text = re.sub(r"\s*-\s*", "-", text)
    return " ".join(text.split()).strip(" .,;:")


@dataclass(frozen=True)
class Match:
    """The outcome for one written name: the organisation id, or why there is none."""

    org: str | None
    problem: str | None = None  # the Russian message when ``org`` is None (or a warning beside it)
    hint: str | None = None  # the id it nearly names


class SchoolIndex:
    """The directory's organisations by id and by every spelling of their names."""

    def __init__(self, organizations: dict):
        self.organizations = organizations
        self.by_name: dict[str, list[str]] = {}
        for org_id, org in organizations.items():
            for spelling in org.spellings:
                ids = self.by_name.setdefault(name_key(spelling), [])
                if org_id not in ids:
                    ids.append(org_id)
        self._cache: dict[str, Match] = {}
        self.municipalities = {name_key(o.municipality): o.municipality
                               for o in organizations.values() if o.municipality}  # fmt: skip

    def find(self, written: str) -> Match:
        """The organisation ``written`` names (cached: a region repeats each name thousands of times)."""
        found = self._cache.get(written)
        if found is None:
            found = self._cache[written] = self._find(written)
        return found

    def _find(self, written: str) -> Match:
        value = written.strip()
        if value in self.organizations:
            return self._school(value)
        key = name_key(value)
        ids = self.by_name.get(key, [])
        if len(ids) == 1:
            return self._school(ids[0])
        if len(ids) > 1:
            return Match(None, f"«{value}» — так в справочнике названы несколько организаций ({', '.join(ids)}); "
                               "укажите id")  # fmt: skip
        near = self._nearest(key)
        if near is not None:
            org = self.organizations[near]
            return Match(None, f"школы «{value}» в справочнике нет; возможно, «{org.display_name}» ({near})? "
                               "Исправьте название или добавьте это написание в aliases школы", near)  # fmt: skip
        ids_hint = difflib.get_close_matches(value, sorted(self.organizations), n=1, cutoff=0.75)
        if ids_hint:
            return Match(None, f"неизвестная школа «{value}»; возможно, «{ids_hint[0]}»?", ids_hint[0])
        return Match(None, f"школы «{value}» нет в справочнике; добавьте её в records/directory/ "
                           "(или её написание — в aliases той школы, которой она является)")  # fmt: skip

    def _school(self, org_id: str) -> Match:
        org = self.organizations[org_id]
        if org.kind in NOT_SCHOOLS:
            return Match(None, f"«{org.display_name}» ({org_id}) — не школа, а {org.kind}; средние по "
                               "территории записываются в столбец area")  # fmt: skip
        return Match(org_id)

    def _nearest(self, key: str) -> str | None:
        """A directory name one letter or so away from ``key``, with the same numbers (№ 3 ≠ № 5)."""
        digits = re.sub(r"\D", "", key)
        candidates = [name for name in self.by_name if re.sub(r"\D", "", name) == digits
                      and abs(len(name) - len(key)) <= 3]  # fmt: skip
        best = difflib.get_close_matches(key, candidates, n=1, cutoff=0.9)
        if best and len(self.by_name[best[0]]) == 1:
            return self.by_name[best[0]][0]
        return None

    def municipality_of(self, org_id: str) -> str | None:
        return self.organizations[org_id].municipality

    def find_area(self, written: str, region: str | None) -> tuple[str | None, str | None]:
        """(the area as the records name it, or None and the message) for an ``area`` cell:
        a municipality of the directory, or the region («регион» or its name in the settings)."""
        from .model import REGION

        key = name_key(written)
        if key in (REGION, "по региону") or (region and key == name_key(region)):
            return REGION, None
        if key in self.municipalities:
            return self.municipalities[key], None
        known = sorted(self.municipalities.values())
        hint = difflib.get_close_matches(written, known, n=1, cutoff=0.75)
        tail = (f"; возможно, «{hint[0]}»?" if hint else
                f"; известны: {', '.join(known[:5])}{'…' if len(known) > 5 else ''}, или «регион»")  # fmt: skip
        return None, f"неизвестная территория «{written}»: в справочнике нет такого municipality{tail}"
