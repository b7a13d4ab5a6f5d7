"""The directory, indexed for looking up what a protocol names.

People by every case form of their surname (made by the documents' own inflector, so «Кирюхину»
finds «Кирюхина» and «Баркунова» finds «Баркунов») and compatible initials («И.В.», «И.», a
full name); organisations by their spellings, by the dictionary forms of their words
(«Управления образования …» is «Управление образования …») and, for schools, by type, number and
locality («МБОУ СОШ № 10 г. Кузнецка», «МОУ СОШ с. Головинцино»); groups by the dictionary forms of
their name, dative or genitive, or by the words they begin with; events by shared words.

``scope`` says which entries are near an organisation — defined in the same directory file, in the
same municipality, belonging to it — so that among two «Руководители общеобразовательных
организаций» the one of this office is chosen.
"""

from __future__ import annotations

from typing import Any

from .orgnames import lemma_key, normalised, same_school, school_key
from .people import Mention, fold, nominative_word

_STOP = {"и", "в", "на", "по", "с", "о", "об", "для", "до", "от", "за", "к", "проведение", "год", "срок", "день"}


def _letters(initials: str) -> str:
    return "".join(ch for ch in initials if ch.isalpha()).upper()


def initials_agree(a: str, b: str) -> bool:
    a, b = _letters(a), _letters(b)
    if not a or not b:
        return True
    return a.startswith(b) or b.startswith(a)


class DirectoryIndex:
    """Look-ups over a loaded records folder (``nor_docs.records.Records`` or the like)."""

    def __init__(self, records: Any):
        self.people = dict(records.people)
        self.organizations = dict(records.organizations)
        self.groups = dict(records.groups)
        self.events = dict(getattr(records, "events", {}))
        self.heard_case = getattr(getattr(getattr(records, "settings", None), "documents", None), "heard_case",
                                  "accusative")  # fmt: skip
        origins = getattr(records, "origins", {})
        self.file_of = {key: str(getattr(origin, "file", "")) for key, origin in origins.items()}
        self.taken: set[str] = set(origins) | set(getattr(records, "meetings", {})) | set(getattr(records, "roadmaps", {}))
        self._forms: dict[str, list[tuple[str, str]]] | None = None
        self._orgs: tuple | None = None
        self._groups: tuple | None = None
        self._scopes: dict[str, frozenset[str]] = {}

    # --- people ---------------------------------------------------------------------------

    @property
    def forms(self) -> dict[str, list[tuple[str, str]]]:
        if self._forms is None:
            from ..russian.names import gender_of, inflect_surname

            forms: dict[str, list[tuple[str, str]]] = {}
            for pid, person in self.people.items():
                gender = gender_of(person.surname, person.first_name, person.patronymic, person.gender)
                forms.setdefault(fold(person.surname), []).append((pid, "nominative"))
                for g in (gender,) if gender else ("f", "m"):
                    for case in ("genitive", "dative", "accusative"):
                        form = inflect_surname(person.surname, g, case)
                        if form.problem is None:
                            forms.setdefault(fold(form.surname), []).append((pid, case))
            self._forms = forms
        return self._forms

    def people_named(self, mention: Mention) -> list[tuple[str, str]]:
        """(person id, the case the form is in) for directory people the mention can be."""
        found: list[tuple[str, str]] = []
        for pid, case in self.forms.get(fold(mention.surname), ()):
            person = self.people[pid]
            initials = person.initials_text
            if not initials_agree(initials, mention.initials):
                continue
            if mention.first_name and person.first_name:
                if fold(nominative_word(mention.first_name, "Name")) != fold(person.first_name):
                    continue
            found.append((pid, case))
        return list(dict.fromkeys(found))

    def people_with_position(self, position: str, scope: set[str]) -> list[str]:
        wanted = normalised(position)
        return [pid for pid, person in self.people.items()
                if pid in scope and person.position and normalised(person.position) == wanted]  # fmt: skip

    # --- organisations --------------------------------------------------------------------

    def _org_tables(self) -> tuple:
        if self._orgs is None:
            names: dict[str, list[str]] = {}
            lemmas: dict[tuple, list[str]] = {}
            schools = []
            for oid, org in self.organizations.items():
                for spelling in org.spellings:
                    names.setdefault(normalised(spelling), []).append(oid)
                    lemmas.setdefault(lemma_key(spelling), []).append(oid)
                    key = school_key(spelling)
                    if key.useful:
                        schools.append((key, oid))
            self._orgs = (names, lemmas, schools)
        return self._orgs

    def organizations_named(self, text: str) -> tuple[list[str], str]:
        """(ids, how: exact / words / school) of organisations ``text`` names."""
        names, lemmas, schools = self._org_tables()
        found = names.get(normalised(text))
        if found:
            return list(dict.fromkeys(found)), "exact"
        found = lemmas.get(lemma_key(text))
        if found:
            return list(dict.fromkeys(found)), "words"
        key = school_key(text)
        if key.useful:
            found = [oid for other, oid in schools if same_school(key, other)]
            if found:
                return list(dict.fromkeys(found)), "school"
        return [], ""

    # --- groups ---------------------------------------------------------------------------

    def _group_tables(self) -> tuple:
        if self._groups is None:
            exact: dict[tuple, list[str]] = {}
            keys = []
            for gid, group in self.groups.items():
                for form in (group.name, group.dative, group.genitive):
                    if form:
                        key = lemma_key(form)
                        exact.setdefault(key, []).append(gid)
                        keys.append((key, gid))
            self._groups = (exact, keys)
        return self._groups

    def groups_named(self, text: str) -> tuple[list[str], str]:
        """(ids, how: exact / beginning) of groups ``text`` names."""
        exact, keys = self._group_tables()
        key = lemma_key(text)
        if not key:
            return [], ""
        found = exact.get(key)
        if found:
            return list(dict.fromkeys(found)), "exact"
        if len(key) >= 3:
            found = [gid for other, gid in keys if other[: len(key)] == key]
            if found:
                return list(dict.fromkeys(found)), "beginning"
        return [], ""

    def group_with_members(self, members: list[str]) -> str | None:
        wanted = set(members)
        for gid, group in self.groups.items():
            if group.members and {m.ref for m in group.members} == wanted:
                return gid
        return None

    # --- events ---------------------------------------------------------------------------

    def events_for(self, text: str) -> list[str]:
        words = {w for w in lemma_key(text) if w not in _STOP and len(w) > 2}
        return [eid for eid, event in self.events.items()
                if words & {w for w in lemma_key(event.title) if w not in _STOP and len(w) > 2}]  # fmt: skip

    # --- nearness -------------------------------------------------------------------------

    def scope(self, issuer: str | None) -> frozenset[str]:
        """Ids near ``issuer``: its directory file, its municipality, its people and groups."""
        if issuer is None or issuer not in self.organizations:
            return frozenset()
        if issuer not in self._scopes:
            self._scopes[issuer] = self._scope(issuer)
        return self._scopes[issuer]

    def _scope(self, issuer: str) -> frozenset[str]:
        home = self.file_of.get(issuer)
        municipality = self.organizations[issuer].municipality
        orgs = {oid for oid, org in self.organizations.items()
                if oid == issuer or org.parent == issuer or (home and self.file_of.get(oid) == home)
                or (municipality and org.municipality == municipality)}  # fmt: skip
        people = {pid for pid, person in self.people.items()
                  if person.organization in orgs or (home and self.file_of.get(pid) == home)}  # fmt: skip
        groups = {gid for gid, group in self.groups.items()
                  if group.organization in orgs or (home and self.file_of.get(gid) == home)
                  or any(m.ref in orgs or m.ref in people for m in group.members)}  # fmt: skip
        events = {eid for eid in self.events if home and self.file_of.get(eid, "").rsplit("/", 1)[-1] == home.rsplit("/", 1)[-1]}
        return frozenset(orgs | people | groups | events)
