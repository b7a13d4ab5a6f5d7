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
    except Exception as error:
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
    def of(cls, person) -> PersonName:
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
# already in another case («члена рабочей группы», «директора ППМС-центра») or an abbreviation
# («зам. председателя») stays as written.
#
# The head noun of a position names a person, so its accusative is the animate one («тьютора»,
# not «тьютор», though the dictionary guesses «тьютор» to be a thing). A word the dictionary does
# not know is inflected only when its likeliest reading is the nominative, and the form is then a
# guess: ``position_case_problem`` says so (validate's NOR210), and the directory can give the
# position's forms (``position_forms``) instead.

_POSITION_WORD = re.compile(r"[А-ЯЁа-яё]+(?:-[А-ЯЁа-яё]+)*")
_LATIN_WORD = re.compile(r"[A-Za-z]")
# Appositive parts: «…, член группы», «заместитель председателя – начальник управления». A dash after
# a word ending in «о» is a misspelt compound («информационно – методического»), not a new part.
_POSITION_PARTS = re.compile(r"(,\s+|(?<![оО])\s+[-–—]\s+)")
_HEAD_POS = {"NOUN", "ADJF", "PRTF"}
_PYMORPHY_CASE = {"genitive": "gent", "dative": "datv", "accusative": "accs"}


@functools.lru_cache(maxsize=1)
def _morph():
    import pymorphy3

    return pymorphy3.MorphAnalyzer()


@functools.lru_cache(maxsize=8192)
def _known(word: str) -> bool:
    """Whether the dictionary knows ``word`` (every part of a hyphenated one)."""
    morph = _morph()
    return all(morph.word_is_known(part) for part in word.lower().split("-"))


def _nominative_parses(word: str) -> list:
    parses = _morph().parse(word.lower())
    if not _known(word) and parses and not ("nomn" in parses[0].tag and "sing" in parses[0].tag):
        return []  # a guess whose likeliest reading is another case («тьютора»): leave it be
    return [p for p in parses if p.tag.POS in _HEAD_POS and "sing" in p.tag and "nomn" in p.tag]


def _inflect_word(parse, case: str) -> str | None:
    target = _PYMORPHY_CASE[case]
    form = None
    if case == "accusative" and "masc" in parse.tag:
        # a man's position, or an adjective before it: the animate accusative («главного
        # специалиста», «тьютора»), whatever animacy the dictionary guessed
        form = parse.inflect({"gent"}) if parse.tag.POS == "NOUN" else parse.inflect({target, "anim"})
    form = form or parse.inflect({target})
    return form.word if form is not None else None


def _inflect_part(part: str, case: str) -> tuple[str, list[str], str | None]:
    """(the part in ``case``, the words inflected by a guess, a nominative-looking head word that
    could not be inflected)."""
    words = []
    pos = 0
    stuck = None
    while True:  # the leading words of the part, up to the first that is not a plain word
        match = _POSITION_WORD.match(part, pos)
        if match is None or part[match.end():match.end() + 1] == ".":
            if match is None and pos == 0 and _LATIN_WORD.match(part):
                stuck = part.split(" ", 1)[0]
            break
        words.append(match)
        end = match.end()
        if end < len(part) and part[end] != " ":
            break
        pos = end + 1
    result = part
    shift = 0
    guessed = []
    for i, match in enumerate(words):
        original = match.group()
        if len(original) > 1 and original.isupper():
            break  # an abbreviation: «МОУ», «ГБОУ»
        parses = _nominative_parses(original)
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
        if form is None or not _keeps_stem(original.lower(), form):
            if not _known(original):
                stuck = original
            break
        if original[0].isupper():
            form = form[0].upper() + form[1:]
        if not _known(original) and form.lower() != original.lower():
            guessed.append(original)
        start, end = match.start() + shift, match.end() + shift
        result = result[:start] + form + result[end:]
        shift += len(form) - len(original)
        if last:
            break
    return result, guessed, stuck


@functools.lru_cache(maxsize=4096)
def _position_in_case(position: str, case: Case) -> tuple[str, tuple[str, ...], tuple[str, ...]]:
    pieces = _POSITION_PARTS.split(position)
    out, guessed, stuck = [], [], []
    for i, piece in enumerate(pieces):
        if i % 2:
            out.append(piece)
            continue
        text, guesses, problem = _inflect_part(piece, case)
        out.append(text)
        guessed += guesses
        if problem:
            stuck.append(problem)
    return "".join(out), tuple(guessed), tuple(stuck)


def position_in_case(position: str, case: Case) -> str:
    """``position`` (as the directory or record writes it, in the nominative) in ``case``, so that
    it agrees with the name it follows; what cannot be inflected safely stays as written."""
    if case == "nominative" or not position.strip():
        return position
    return _position_in_case(position, case)[0]


CASE_NAMES = {"genitive": "родительном", "dative": "дательном", "accusative": "винительном"}


def position_case_problem(position: str, case: Case) -> str | None:
    """Why ``position`` in ``case`` is not certain, in Russian; None when it is (inflected from
    the dictionary, already in another case, an abbreviation)."""
    if case == "nominative" or not position.strip():
        return None
    text, guessed, stuck = _position_in_case(position, case)
    where = CASE_NAMES[case]
    if stuck:
        words = ", ".join(f"«{w}»" for w in stuck)
        return f"должность «{position}» в {where} падеже не получается (слово {words} не склоняется)"
    if guessed:
        words = ", ".join(f"«{w}»" for w in guessed)
        return f"слова {words} нет в словаре: должность в {where} падеже — догадка «{text}»"
    return None


@functools.lru_cache(maxsize=4096)
def organization_in_case(name: str, case: Case) -> str:
    """An organisation's name after a word that governs ``case`` («Руководству Администрации
    муниципального района», «Руководству Управления образования»): the leading adjectives and the
    head noun inflected from the dictionary; a name that starts with an abbreviation («МБОУ «СОШ
    № 3»», «ГБОУ АО ДПО …») or with a word the dictionary does not know stays as written."""
    if case == "nominative" or not name.strip():
        return name
    text, guessed, _stuck = _inflect_part(name, case)
    return name if guessed else text


def lower_common_word(text: str) -> str:
    """«Директор МБОУ…» → «директор МБОУ…», «Зам. начальника» → «зам. начальника»; an
    abbreviation («ГБОУ»), a one-letter word or a word with capitals inside keeps its case. A
    group's name after the first in a list: «Ливанов Д., высшие должностные лица …»."""
    match = re.match(r"[А-ЯЁа-яёA-Za-z]+", text)
    word = match.group() if match else ""
    if len(word) > 1 and word[0].isupper() and word[1:].islower():
        return text[0].lower() + text[1:]
    return text
