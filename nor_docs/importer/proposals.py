"""New directory entries for the people, organisations and groups a protocol names and the
directory does not know — proposed, in a draft file of their own, each marked for review.

A person gets the nominative surname and the gender inferred from how the protocol writes them
(``people.guess_nominative``), initials or full name, and the position as written (in the
nominative where it was written in another case and could be brought back); a group gets its name,
dative and genitive from the form the protocol used; ids follow the directory's habit —
``<municipality>-<surname>`` in Latin letters — and never collide with an id already taken.
"""

from __future__ import annotations

import re

from .draft import Node
from .orgnames import normalised, school_key
from .people import _parses, fold, translit

_KIND_ABBR = {"school": "sosh", "gymnasium": "gymn", "lyceum": "lyceum", "kindergarten": "ds"}
_CASE_TAG = {"nominative": "nomn", "dative": "datv", "genitive": "gent", "accusative": "accs"}


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text


def group_forms(text: str, case: str | None) -> tuple[str, str | None, str | None]:
    """(name, dative, genitive) of a group written as ``text`` in ``case`` («Руководителям ОО» →
    «Руководители ОО», «Руководителям ОО», «руководителей ОО»): the leading adjectives and noun
    inflected, the rest as written."""
    words = text.split(" ")
    tag = _CASE_TAG.get(case or "nominative", "nomn")
    head: list = []
    for word in words:
        parses = [p for p in _parses(word) if p.tag.POS in ("NOUN", "ADJF", "PRTF") and tag in p.tag
                  and ("plur" in p.tag or p.tag.POS == "NOUN")]  # fmt: skip
        if not parses:
            break
        head.append(parses[0])
        if parses[0].tag.POS == "NOUN":
            break
    if not head or head[-1].tag.POS != "NOUN":
        return _capital(text), None, None
    rest = " ".join(words[len(head):])
    forms = {}
    for target in ("nomn", "datv", "gent"):
        inflected = []
        for word, parse in zip(words, head):
            number = "plur" if "plur" in head[-1].tag else "sing"
            form = parse.inflect({target, number})
            if form is None:
                return _capital(text), None, None
            value = form.word
            inflected.append(value[:1].upper() + value[1:] if word[:1].isupper() else value)
        forms[target] = " ".join(inflected + ([rest] if rest else []))
    name = _capital(text) if tag == "nomn" else _capital(forms["nomn"])
    return name, _capital(forms["datv"]), forms["gent"][:1].lower() + forms["gent"][1:]


def position_nominative(position: str, case: str | None) -> str:
    """A position written after a name in another case («муниципального координатора проекта») in
    the nominative: the leading adjectives and first noun of each part; the rest as written."""
    if not position or case in (None, "nominative"):
        return position
    tag = _CASE_TAG[case]
    parts = re.split(r"(,\s+)", position)
    out = []
    for i, part in enumerate(parts):
        if i % 2:
            out.append(part)
            continue
        words = part.split(" ")
        changed = []
        done = False
        for word in words:
            if done:
                changed.append(word)
                continue
            parses = [p for p in _parses(word) if p.tag.POS in ("NOUN", "ADJF", "PRTF") and tag in p.tag and "sing" in p.tag]
            if not parses:
                done = True
                changed.append(word)
                continue
            form = parses[0].inflect({"nomn"})
            value = form.word if form is not None else word
            changed.append(value[:1].upper() + value[1:] if word[:1].isupper() else value)
            if parses[0].tag.POS == "NOUN":
                done = True
        out.append(" ".join(changed))
    return "".join(out)


class Proposals:
    """New entries, one per person / organisation / group, in the order first met."""

    def __init__(self, prefix: str, taken: set[str]):
        self.prefix = prefix
        self.taken = set(taken)
        self.people: dict[tuple, Node] = {}
        self.organizations: dict[str, Node] = {}
        self.groups: dict[str, Node] = {}

    def _new_id(self, base: str, extra: str = "") -> str:
        base = re.sub(r"[^a-z0-9._-]+", "-", base.lower()).strip("-") or "new"
        if self.prefix and not base.startswith(self.prefix + "-"):
            base = f"{self.prefix}-{base}"
        candidates = [base] + ([f"{base}-{extra}"] if extra else [])
        for candidate in candidates:
            if candidate not in self.taken:
                self.taken.add(candidate)
                return candidate
        n = 2
        while f"{base}-{n}" in self.taken:
            n += 1
        self.taken.add(f"{base}-{n}")
        return f"{base}-{n}"

    def person(self, surname: str, initials: str, first_name: str | None, patronymic: str | None,
               gender: str | None, position: str | None, why: str) -> str:  # fmt: skip
        key = (fold(surname), initials.replace(" ", ""))
        if key in self.people:
            node = self.people[key]
            if position and not node.get("position"):
                node.set("position", position)
            if gender and not node.get("gender"):
                node.set("gender", gender)
                node.notes.pop("gender", None)
            if first_name and not node.get("first_name"):
                node.set("first_name", first_name)
                node.set("patronymic", patronymic)
                node.pop("initials", None)
            return node["id"]
        pid = self._new_id(translit(surname), translit(initials.replace(".", "")))
        node = Node("person", id=pid, surname=surname, first_name=first_name, patronymic=patronymic,
                    initials=None if first_name else initials, gender=gender, position=position)  # fmt: skip
        node.note(None, f"проверьте: новый человек — {why}; если он уже есть в справочнике, замените id «{pid}» в протоколе и удалите эту запись")
        if gender is None:
            node.note("gender", "проверьте: пол не определился ни по имени, ни по тексту — укажите gender: f или m")
        self.people[key] = node
        return pid

    def organization(self, name: str, why: str) -> str:
        key = normalised(name)
        if key in self.organizations:
            return self.organizations[key]["id"]
        school = school_key(name)
        kind = "иное"
        low = name.lower()
        if school.useful or school.kind:
            kind = "школа"
            base = (_KIND_ABBR.get(school.kind or "school", "sosh") + (school.number or "")) if school.number else \
                translit(school.locality or name)[:30]  # fmt: skip
        elif "управлени" in low and "образовани" in low or "отдел образования" in low:
            kind = "управление образования"
            base = "uo"
        elif "ппмс" in low:
            kind, base = "ППМС-центр", "ppms"
        elif "центр" in low:
            kind, base = "центр", translit(" ".join(name.split()[:3]))[:30]
        elif "институт" in low:
            kind, base = "институт", translit(" ".join(name.split()[:3]))[:30]
        elif re.search(r"администрац|комитет|министерств|департамент", low):
            kind, base = "орган власти", translit(" ".join(name.split()[:2]))[:30]
        else:
            base = translit(" ".join(name.split()[:3]))[:30]
        oid = self._new_id(base)
        node = Node("organization", id=oid, name=name, kind=kind)
        node.note(None, f"проверьте: новая организация — {why}; вид «{kind}» определён по названию")
        self.organizations[key] = node
        return oid

    def group(self, written: str, case: str | None, count: int | None, why: str) -> str:
        name, dative, genitive = group_forms(written, case)
        key = normalised(name)
        if key in self.groups:
            return self.groups[key]["id"]
        gid = self._new_id(translit(" ".join(name.split()[:3]))[:40])
        node = Node("group", id=gid, name=name, dative=dative, genitive=genitive, count=count)
        node.note(None, f"проверьте: новая группа — {why}; состав не указан — она контролируется как один "
                        "исполнитель; перечислите members, чтобы контролировать каждого")  # fmt: skip
        if dative is None:
            node.note("name", "проверьте: падежные формы не построились — впишите dative и genitive")
        self.groups[key] = node
        return gid

    def lookup_group(self, gid: str) -> Node | None:
        return next((g for g in self.groups.values() if g["id"] == gid), None)

    def lookup_person(self, pid: str) -> Node | None:
        return next((p for p in self.people.values() if p["id"] == pid), None)

    def lookup_organization(self, oid: str) -> Node | None:
        return next((o for o in self.organizations.values() if o["id"] == oid), None)

    def node(self) -> Node | None:
        if not (self.people or self.organizations or self.groups):
            return None
        return Node("directory", organizations=list(self.organizations.values()), people=list(self.people.values()),
                    groups=list(self.groups.values()))  # fmt: skip

    def __len__(self) -> int:
        return len(self.people) + len(self.organizations) + len(self.groups)
