"""Names of people in the grammatical case a document needs — the one place that inflects them.

Records hold a name once, in the nominative («Кирюхина Ирина Владимировна» or «Кирюхина» +
«И.В.»). Documents need other cases: «СЛУШАЛИ: Кирюхину И.В.» (accusative), «Членам рабочей
группы, Ивановой И.И. провести…» (dative), «Доклад начальника отдела И.И. Иванова» (genitive).
The surname is inflected by pytrovich (the Python port of petrovich, the rule set used by most
Russian software for this job); initials never change.

The gender comes from the patronymic (pytrovich's detector), else the directory's ``gender``,
else the surname's ending. A name that cannot be inflected safely — unknown gender, letters that
are not Cyrillic, a result that does not keep the stem — is left in the nominative and reported,
never garbled.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Literal

Case = Literal["nominative", "genitive", "dative", "accusative"]

_CYRILLIC_NAME = re.compile(r"^[А-ЯЁа-яё]+(?:[-\u2010][А-ЯЁа-яё]+)*$")
NBSP = "\u00a0"


@dataclass(frozen=True)
class Inflected:
    """A surname in the asked case, or the nominative with the reason it could not be inflected."""

    surname: str
    problem: str | None = None


@functools.lru_cache(maxsize=1)
def _engines():
    from pytrovich import PetrovichDeclinationMaker, PetrovichGenderDetector

    return PetrovichDeclinationMaker(), PetrovichGenderDetector()


@functools.lru_cache(maxsize=8192)
def gender_of(surname: str, first_name: str | None, patronymic: str | None, known: str | None) -> str | None:
    """'f', 'm' or None: the patronymic decides, then the directory, then the surname's ending."""
    if not _CYRILLIC_NAME.match(surname):
        return known
    _maker, detector = _engines()
    from pytrovich import Gender

    if patronymic and _CYRILLIC_NAME.match(patronymic):
        found = detector.detect(middlename=patronymic)
        if found is not Gender.ANDROGYNOUS:
            return "f" if found is Gender.FEMALE else "m"
    if known in ("f", "m"):
        return known
    found = detector.detect(firstname=first_name, lastname=surname) if first_name and _CYRILLIC_NAME.match(
        first_name
    ) else detector.detect(lastname=surname)
    if found is Gender.ANDROGYNOUS:
        return None
    return "f" if found is Gender.FEMALE else "m"


@functools.lru_cache(maxsize=8192)
def inflect_surname(surname: str, gender: str | None, case: Case) -> Inflected:
    """``surname`` in ``case``; the nominative plus a problem when that cannot be done safely."""
    if case == "nominative":
        return Inflected(surname)
    if not _CYRILLIC_NAME.match(surname):
        return Inflected(surname, f"фамилия «{surname}» написана не кириллицей — оставлена как есть")
    if gender not in ("f", "m"):
        return Inflected(surname, f"пол «{surname}» не определён — фамилия оставлена в именительном падеже; "
                                  "укажите gender или отчество в справочнике")  # fmt: skip
    maker, _detector = _engines()
    from pytrovich import Case as PCase
    from pytrovich import Gender, NamePart

    target = {"genitive": PCase.GENITIVE, "dative": PCase.DATIVE, "accusative": PCase.ACCUSATIVE}[case]
    try:
        result = maker.make(NamePart.LASTNAME, Gender.FEMALE if gender == "f" else Gender.MALE, target, surname)
    except Exception as error:  # noqa: BLE001 - a third-party rule set must never break a document
        return Inflected(surname, f"фамилия «{surname}» не склоняется ({error}) — оставлена как есть")
    if not _keeps_stem(surname, result):
        return Inflected(surname, f"склонение «{surname}» → «{result}» сомнительно — оставлена как есть")
    return Inflected(result)


def _keeps_stem(original: str, result: str) -> bool:
    """Inflection changes only endings: every part keeps all but its last three letters."""
    if not _CYRILLIC_NAME.match(result):
        return False
    before, after = re.split(r"[-\u2010]", original), re.split(r"[-\u2010]", result)
    if len(before) != len(after):
        return False
    for a, b in zip(before, after):
        stem = a[: max(len(a) - 3, 1)]
        if not b.startswith(stem) or len(b) > len(a) + 3:
            return False
    return True


@dataclass(frozen=True)
class PersonName:
    """What the inflector needs of a person: the nominative parts and a known gender."""

    surname: str
    initials: str  # «И.В.»
    first_name: str | None = None
    patronymic: str | None = None
    gender: str | None = None

    @classmethod
    def of(cls, person) -> "PersonName":
        """From a directory ``Person`` (duck-typed so this module does not import the model)."""
        return cls(person.surname, person.initials_text, person.first_name, person.patronymic, person.gender)


def short_name(name: PersonName, case: Case = "nominative", initials_first: bool = False) -> tuple[str, str | None]:
    """«Кирюхину И.В.» / «И.В. Кирюхиной»…: (text, problem or None). NBSP joins initials and surname."""
    gender = gender_of(name.surname, name.first_name, name.patronymic, name.gender)
    inflected = inflect_surname(name.surname, gender, case)
    if initials_first:
        text = f"{name.initials}{NBSP}{inflected.surname}" if name.initials else inflected.surname
    else:
        text = f"{inflected.surname}{NBSP}{name.initials}" if name.initials else inflected.surname
    return text, inflected.problem


# --- positions ---------------------------------------------------------------------------------
#
# A position follows a name in the name's case: «СЛУШАЛИ: Арбузову А.В., главного специалиста
# отдела» — not «…, главный специалист отдела», which mixes two cases in one phrase. Positions are
# common nouns, not names, so pytrovich does not know them; pymorphy3 (the maintained successor of
# pymorphy2, OpenCorpora's dictionary) inflects them. Only the head of each appositive part changes
# — the leading adjectives and the first noun that are in the nominative singular: «ведущий эксперт
# отдела, технический специалист» → «ведущего эксперта отдела, технического специалиста». A part
# already in another case («члена рабочей группы», «директора ППМС-центра»), an abbreviation
# («зам. председателя») or a word the dictionary does not know stays as written.

_POSITION_WORD = re.compile(r"[А-ЯЁа-яё]+(?:-[А-ЯЁа-яё]+)*")
# Appositive parts: «…, член группы», «заместитель председателя – начальник управления». A dash after
# a word ending in «о» is a misspelt compound («информационно – методического»), not a new part.
_POSITION_PARTS = re.compile(r"(,\s+|(?<![оО])\s+[-–—]\s+)")
_HEAD_POS = {"NOUN", "ADJF", "PRTF"}
_PYMORPHY_CASE = {"genitive": "gent", "dative": "datv", "accusative": "accs"}


@functools.lru_cache(maxsize=1)
def _morph():
    import pymorphy3

    return pymorphy3.MorphAnalyzer()


def _nominative_parses(word: str) -> list:
    return [p for p in _morph().parse(word.lower())
            if p.tag.POS in _HEAD_POS and "sing" in p.tag and "nomn" in p.tag]  # fmt: skip


def _inflect_word(parse, case: str) -> str | None:
    target = _PYMORPHY_CASE[case]
    form = None
    if case == "accusative" and parse.tag.POS in ("ADJF", "PRTF") and "masc" in parse.tag:
        form = parse.inflect({target, "anim"})  # before an animate noun: «главного специалиста»
    form = form or parse.inflect({target})
    return form.word if form is not None else None


def _inflect_part(part: str, case: str) -> str:
    words = []
    pos = 0
    while True:  # the leading words of the part, up to the first that is not a plain word
        match = _POSITION_WORD.match(part, pos)
        if match is None or part[match.end():match.end() + 1] == ".":
            break
        words.append(match)
        end = match.end()
        if end < len(part) and part[end] != " ":
            break
        pos = end + 1
    result = part
    shift = 0
    for i, match in enumerate(words):
        parses = _nominative_parses(match.group())
        if not parses:
            break
        adjectives = [p for p in parses if p.tag.POS in ("ADJF", "PRTF")]
        nouns = [p for p in parses if p.tag.POS == "NOUN"]
        next_nominative = i + 1 < len(words) and bool(_nominative_parses(words[i + 1].group()))
        if adjectives and next_nominative:
            chosen, last = adjectives[0], False
        elif nouns:
            chosen, last = nouns[0], True
        else:
            chosen, last = adjectives[0], True
        form = _inflect_word(chosen, case)
        original = match.group()
        if form is None or not _keeps_stem(original.lower(), form):
            break
        if original[0].isupper():
            form = form[0].upper() + form[1:]
        start, end = match.start() + shift, match.end() + shift
        result = result[:start] + form + result[end:]
        shift += len(form) - len(original)
        if last:
            break
    return result


@functools.lru_cache(maxsize=4096)
def position_in_case(position: str, case: Case) -> str:
    """``position`` (as the directory or record writes it, in the nominative) in ``case``, so that
    it agrees with the name it follows; what cannot be inflected safely stays as written."""
    if case == "nominative" or not position.strip():
        return position
    pieces = _POSITION_PARTS.split(position)
    return "".join(piece if i % 2 else _inflect_part(piece, case) for i, piece in enumerate(pieces))
