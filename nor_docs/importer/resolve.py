"""Turn the recogniser's references into directory ids — or into proposed new entries — and say,
where it matters, what a person should check.

The organisation that held the meeting comes first (the heading's name, else the organisation of
whoever signed or chaired): it decides which of two same-named groups or people is meant. Then
every ``Ref`` in the draft: a person by name (any order, any case), a group or an organisation by
its words, an attendee written only as a position by the directory's positions, a relative
deadline's event by shared words. A decision's «addressed_to» is dropped when the document would
compose the same words from the executors found; a list of schools that is exactly a directory
group becomes that group.
"""

from __future__ import annotations

import re

from .directory_index import DirectoryIndex
from .draft import PLACEHOLDER, Node
from .orgnames import normalised
from .people import Guess, fold, gender_of_names, guess_nominative, nominative_word, translit
from .proposals import Proposals, position_nominative
from .refs import Ref

_CASE_RU = {"nominative": "именительный", "genitive": "родительный", "dative": "дательный", "accusative": "винительный"}
_ORG_LEAD = re.compile(r"^(?:руководству\s+(?=(?-i:[А-ЯЁ])|[«\"])|(?:руководителю|руководителям|руководители|директору|директорам|"
                      r"администрации|заведующему|заведующей|заведующим)\s+(?=(?:МБОУ|МОУ|МАОУ|МКОУ|ГБОУ|МБДОУ|МДОУ|ЧОУ|"
                      r"СОШ|ООШ)|[«\"]))", re.I)
# A signature's or a role's words, not a position: «Председатель», «Секретарь», «Протокол вела».
_ROLE_WORDS = re.compile(r"^(?:председател\w*|секретар\w*|протокол\s+вел\w*|вел\w*\s+протокол)(?:\s+\w+){0,3}$", re.I)
_PLURAL_START = re.compile(r"^(?:всем\s+)?[А-ЯЁа-яё]+(?:ям|ам|ов|ей|и|ы)\b")


_MUNICIPALITY = re.compile(
    r"\b([А-ЯЁ][а-яё]+(?:ого|его|ой|ей|ского|ской|цкого|цкой))\s+(?:муниципального\s+)?(?:района|городского\s+округа|"
    r"муниципального\s+округа|округа|области|края)\b|\b(?:города|г\.)\s*([А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?)"
)


def municipality_prefix(issuer: str | None, index: DirectoryIndex, texts: list[str], fallback: str) -> str:
    """The first part of new ids: the issuer's id prefix («kamenka-uo» → «kamenka»), else the
    municipality the document names first («…Каменского района» → «kamenskiy», «города Кузнецка» →
    «kuznetsk»), else ``fallback``."""
    if issuer and issuer in index.organizations:
        return issuer.split("-", 1)[0]
    from .orgnames import school_key

    school = school_key(texts[0]) if texts else None
    if school is not None and school.useful:
        return translit(school.locality) if school.locality else f"{ {'gymnasium': 'gymn', 'lyceum': 'lyceum'}.get(school.kind or '', 'sosh')}{school.number}"
    for text in texts:
        match = _MUNICIPALITY.search(text or "")
        if match:
            if match.group(2):
                return translit(nominative_word(match.group(2), "Geox"))[:20]
            word = match.group(1)
            from .people import _parses

            parses = [p for p in _parses(word) if p.tag.POS == "ADJF"]
            form = parses[0].inflect({"nomn", "masc"}) if parses else None
            return translit(form.word if form is not None else word)[:20]
    return fallback


class Resolver:
    def __init__(self, index: DirectoryIndex, proposals: Proposals, issuer: str | None):
        self.index = index
        self.proposals = proposals
        self.issuer = issuer
        self.scope = index.scope(issuer)
        self.found = {"people": 0, "people_new": 0, "groups": 0, "organizations": 0, "new": 0}

    # --- single references ----------------------------------------------------------------

    def _choose(self, ids: list[str]) -> tuple[str | None, list[str]]:
        """One id, preferring those near the issuer; the others when it stays ambiguous."""
        if len(ids) == 1:
            return ids[0], []
        near = [i for i in ids if i in self.scope]
        if len(near) == 1:
            return near[0], []
        pool = near or ids
        return (pool[0], pool[1:]) if pool else (None, [])

    def person(self, ref: Ref) -> str:
        mention = ref.mention
        assert mention is not None
        matches = self.index.people_named(mention)
        if ref.case is not None and len({pid for pid, _c in matches}) > 1:
            same_case = [(pid, c) for pid, c in matches if c == ref.case]
            matches = same_case or matches
        ids = list(dict.fromkeys(pid for pid, _case in matches))
        chosen, others = self._choose(ids)
        if chosen is not None:
            self.found["people"] += 1
            if others:
                ref.notes.append(f"проверьте: «{ref.written}» — в справочнике несколько подходящих: "
                                 f"{', '.join([chosen] + others)}; выбран {chosen}")  # fmt: skip
            return chosen
        hint = ref.gender or gender_of_names(mention.first_name, mention.patronymic)
        guess: Guess = guess_nominative(mention.surname, ref.case, hint)
        first = nominative_word(mention.first_name, "Name") if mention.first_name else None
        patronymic = nominative_word(mention.patronymic, "Patr") if mention.patronymic else None
        gender = gender_of_names(first, patronymic) or guess.gender
        why = [f"«{ref.written}»"]
        if guess.case != "nominative" or fold(guess.surname) != fold(mention.surname):
            why.append(f"{_CASE_RU.get(guess.case, guess.case)} падеж → {guess.surname}")
        if not guess.certain:
            why.append("падеж и пол угаданы не наверняка")
        position = position_nominative(ref.position, ref.case) if ref.position and not _ROLE_WORDS.match(ref.position) else None
        pid = self.proposals.person(guess.surname, mention.initials, first, patronymic, gender,
                                    _lower_first(position) if position else None, ", ".join(why))  # fmt: skip
        self.found["people_new"] += 1
        return pid

    def group(self, ref: Ref, written: str) -> str | None:
        ids, how = self.index.groups_named(written)
        chosen, others = self._choose(ids)
        if chosen is not None:
            self.found["groups"] += 1
            if how == "beginning":
                ref.notes.append(f"проверьте: «{written}» сопоставлено с группой {chosen} по началу названия")
            if others:
                ref.notes.append(f"проверьте: «{written}» — подходят несколько групп: {', '.join([chosen] + others)}")
            return chosen
        return None

    def _own_office(self, written: str) -> str | None:
        """The issuer, when ``written`` is how a protocol names its own office without the rest of
        the name: «управлению образования» for «Управление образования Первомайского района»."""
        from .orgnames import lemma_key

        issuer = self.index.organizations.get(self.issuer) if self.issuer else None
        key = lemma_key(written)
        if issuer is None or len(key) < 2:
            return None
        return self.issuer if lemma_key(issuer.name)[: len(key)] == key else None

    def organization(self, ref: Ref, written: str) -> str | None:
        ids, how = self.index.organizations_named(written)
        own = self._own_office(written)
        if own is not None and not any(i in self.scope for i in ids):
            if own not in ids:
                ref.notes.append(f"проверьте: «{written}» — прочитано как организация, проводившая заседание ({own})")
            ids = [own]
        chosen, others = self._choose(ids)
        if chosen is not None:
            self.found["organizations"] += 1
            if how == "school" and normalised(written) not in {normalised(s) for s in self.index.organizations[chosen].spellings}:
                ref.notes.append(f"проверьте: «{written}» сопоставлено с {chosen} по номеру и месту школы; если это "
                                 "она, добавьте написание в aliases справочника")  # fmt: skip
            if others:
                ref.notes.append(f"проверьте: «{written}» — подходят несколько организаций: {', '.join([chosen] + others)}")
            return chosen
        return None

    def described(self, ref: Ref) -> tuple[str, str] | None:
        """(key, id) for a reference written without a name: a group, an organisation, a person by
        position — or None when it stays words."""
        written = _ORG_LEAD.sub("", ref.written) if "organization" in ref.allow else ref.written
        if "group" in ref.allow:
            gid = self.group(ref, ref.written)
            if gid is not None:
                return "group", gid
        if "organization" in ref.allow:
            oid = self.organization(ref, written)
            if oid is not None:
                return "organization", oid
        if "person" in ref.allow and ref.by_position and self.scope:
            position = position_nominative(ref.written, ref.case) if ref.case != "nominative" else ref.written
            people = self.index.people_with_position(position, set(self.scope))
            if len(people) == 1:
                ref.notes.append(f"проверьте: «{ref.written}» — по должности это {people[0]}")
                self.found["people"] += 1
                return "person", people[0]
        return None

    def propose(self, ref: Ref, why: str) -> tuple[str, str]:
        """A new group (a plural noun phrase) or organisation for what stayed unknown."""
        written = ref.written
        org_text = _ORG_LEAD.sub("", written)
        if "organization" in ref.allow and (org_text != written or (_looks_like_org(written) and not _plural_phrase(written))):
            self.found["new"] += 1
            return "organization", self.proposals.organization(org_text, f"«{written}» ({why})")
        self.found["new"] += 1
        return "group", self.proposals.group(re.sub(r"\s*\([^()]*\)\s*$", "", written), ref.case, ref.count,
                                             f"«{written}» ({why})")  # fmt: skip

    # --- the draft ------------------------------------------------------------------------

    def walk(self, node: Node) -> None:
        handler = getattr(self, f"_{node.kind}", None)
        if handler is not None:
            handler(node)
            return
        self._generic(node)

    def _generic(self, node: Node) -> None:
        for key in list(node.keys()):
            value = node[key]
            if isinstance(value, Ref):
                if value.mention is not None:
                    node[key] = self.person(value)
                else:
                    _kind, found = self.described(value) or self.propose(value, _where(node.kind, key))
                    node[key] = found
                node_notes(node, key, value)
            elif isinstance(value, Node):
                self.walk(value)
            elif isinstance(value, list):
                if any(isinstance(item, Ref) for item in value):
                    value = node[key] = list(dict.fromkeys(self.executor(node, key, item) for item in value))
                for item in value:
                    if isinstance(item, Node):
                        self.walk(item)

    def executor(self, node: Node, key: str, ref: Ref | str) -> str:
        """An id for one executor: a person by name, else a group, organisation or a proposal."""
        if not isinstance(ref, Ref):
            return ref
        if ref.mention is not None:
            found = self.person(ref)
        else:
            _kind, found = self.described(ref) or self.propose(ref, "исполнитель")
        for note in ref.notes:
            node.note(key, note)
        return found

    def _attendee(self, node: Node) -> None:
        ref = node.get("person")
        if not isinstance(ref, Ref):
            return
        if ref.mention is not None:
            node["person"] = self.person(ref)
            node_notes(node, "person", ref)
            return
        described = self.described(ref)
        node.pop("person")
        if described is not None:
            kind, found = described
            node.set(kind, found)
            node_notes(node, kind, ref)

    def _speaker(self, node: Node) -> None:
        ref = node.get("group")
        if isinstance(ref, Ref):
            found = self.group(ref, ref.written) or self.proposals.group(ref.written, ref.case, None,
                                                                          f"«{ref.written}» (докладчики в повестке)")  # fmt: skip
            node["group"] = found
            node_notes(node, "group", ref)
            return
        self._generic(node)

    def _decision(self, node: Node) -> None:
        ids = [self.executor(node, "executors", ref) for ref in node.get("executors") or []]
        if ids:
            if node.extra.get("members"):
                group = self.index.group_with_members(ids)
                if group is not None:
                    ids = [group]
                    self.found["groups"] += 1
            node["executors"] = list(dict.fromkeys(ids))
            written = node.get("addressed_to")
            if written and not written.endswith(":") and node.get("executors_in_text", True):
                if _same_words(self.composed(node["executors"]), written):
                    node.pop("addressed_to")
        deadline = node.get("deadline")
        if isinstance(deadline, Node) and isinstance(deadline.get("event"), Ref):
            events = [e for e in self.index.events_for(deadline["text"])]
            near = [e for e in events if e in self.scope] or events
            if len(near) == 1:
                deadline["event"] = near[0]
                node.notes["deadline"] = [f"проверьте: срок отсчитывается от события; событие {near[0]} "
                                          "подобрано по словам срока — то ли это"]  # fmt: skip
            else:
                deadline["event"] = PLACEHOLDER
        for child in node.get("decisions", []):
            self.walk(child)

    def composed(self, ids: list[str]) -> str:
        """The executors as the document would write them before the verb (dative, «, »)."""
        from ..russian.names import PersonName, short_name

        parts = []
        for ref in ids:
            person = self.index.people.get(ref)
            proposed = self.proposals.lookup_person(ref)
            name: PersonName | None = None
            if person is not None:
                name = PersonName.of(person)
            elif proposed is not None:
                name = PersonName(proposed["surname"], proposed.get("initials") or _initials(proposed),
                                  proposed.get("first_name"), proposed.get("patronymic"), proposed.get("gender"))
            if name is not None:
                parts.append(short_name(name, "dative", self.index.heard_case == "nominative")[0])
                continue
            group = self.index.groups.get(ref)
            proposed_group = self.proposals.lookup_group(ref)
            if group is not None:
                parts.append(group.dative or group.name)
                continue
            if proposed_group is not None:
                parts.append(proposed_group.get("dative") or proposed_group["name"])
                continue
            org = self.index.organizations.get(ref)
            proposed_org = self.proposals.lookup_organization(ref)
            if org is not None:
                parts.append(f"Руководству {org.display_name}")
            elif proposed_org is not None:
                parts.append(f"Руководству {proposed_org['name']}")
        return ", ".join(parts)


def _initials(node: Node) -> str:
    first, patronymic = node.get("first_name"), node.get("patronymic")
    return "".join(f"{x[0]}." for x in (first, patronymic) if x)


def _same_words(a: str, b: str) -> bool:
    norm = lambda t: " ".join(t.replace("\u00a0", " ").split()).strip(" ,:").lower()  # noqa: E731
    return norm(a) == norm(b)


def _lower_first(text: str) -> str:
    word = text.split(" ", 1)[0]
    if len(word) > 1 and word[1:].islower():
        return text[:1].lower() + text[1:]
    return text


def _looks_like_org(text: str) -> bool:
    return bool(re.search(r"\b(?:МБОУ|МОУ|МАОУ|МКОУ|ГБОУ|СОШ|ООШ|школ|гимнази|лице[йя]|управлени|центр|отдел)", text, re.I))


def _plural_phrase(text: str) -> bool:
    from .people import _parses

    words = re.findall(r"[А-ЯЁа-яё]+", text)
    for word in words[:2]:
        parses = _parses(word)
        if parses and "plur" in parses[0].tag and parses[0].tag.POS in ("NOUN", "ADJF", "PRTF"):
            return True
    return False


def _where(kind: str, key: str) -> str:
    return {"meeting": "организация", "decision": "исполнитель решения"}.get(kind, key)


def node_notes(node: Node, key: str, ref: Ref) -> None:
    for note in ref.notes:
        node.note(key, note)
