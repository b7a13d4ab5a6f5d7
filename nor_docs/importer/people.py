"""People's names as protocols write them: found in text, and brought back to the nominative.

A protocol names a person as «Кирюхину И.В.», «И.В. Кирюхина», «Л.И.Заводчикова», «Е.Ю Вайник»,
«КИРЮХИНА И.В.», «Рябченко Галина Николаевна» — initials before or after the surname, in any
grammatical case, sometimes in capitals. ``find_names`` finds such mentions; ``guess_nominative``
says which nominative surname and gender a form comes from, given the case the sentence calls
for (accusative after «Слушали:», dative before an infinitive, genitive after «Доклад»).

The nominative is found by checking candidates with the same inflector the documents use
(``nor_docs.names``, pytrovich): «Кирюхину» is «Кирюхина» (f, accusative) or «Кирюхин» (m,
dative); the context decides, then a hint of gender («Она», a patronymic, «заведующая»), then
the surname's own ending. pymorphy3 says whether a word can be a name at all («Директор И.В.» is
not a person).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

# Cyrillic names, in title case or capitals; Latin ones too («J. Smith»), never mixed.
_SURNAME = (r"[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?|[А-ЯЁ]{2,}(?:-[А-ЯЁ]{2,})?|[A-Z][a-z]+(?:-[A-Z][a-z]+)?")
# «И.В.», «И. В.», «И.В» before a space or punctuation, «И.»
_INITIALS_AFTER = r"([А-ЯЁA-Z])\.\s?(?:([А-ЯЁA-Z])(?:\.|(?![А-ЯЁа-яёA-Za-z.])))?"
_INITIALS_BEFORE = r"([А-ЯЁA-Z])\.\s?(?:([А-ЯЁA-Z])\.?\s?)?"
_NOT_AFTER = r"(?<![А-ЯЁа-яёA-Za-z.\-])"
_INITIALS_FIRST = re.compile(_NOT_AFTER + _INITIALS_BEFORE + r"(" + _SURNAME + r")(?![а-яёА-ЯЁa-zA-Z])")
_SURNAME_FIRST = re.compile(_NOT_AFTER + r"(" + _SURNAME + r")\s+" + _INITIALS_AFTER)
_PATRONYMIC = r"[А-ЯЁ][а-яё]+(?:вн|вич|ичн|инич|ьич|ич)[а-яё]{0,3}"
_FULL_SURNAME_FIRST = re.compile(_NOT_AFTER + r"(" + _SURNAME + r")\s+([А-ЯЁ][а-яё]+)\s+(" + _PATRONYMIC + r")(?![а-яё])")
_FULL_NAME_FIRST = re.compile(_NOT_AFTER + r"([А-ЯЁ][а-яё]+)\s+(" + _PATRONYMIC + r")\s+(" + _SURNAME + r")(?![а-яё])")
_NAME_PATRONYMIC = re.compile(r"([А-ЯЁ][а-яё]+)\s+(" + _PATRONYMIC + r")(?![а-яё])")
# «им. А.И. Панкова», «имени Е. Родионова»: a school's name, not a person
_NAMED_AFTER = re.compile(r"(?:им\.|имени)\s*$")

CASES = ("nominative", "genitive", "dative", "accusative")


@dataclass(frozen=True)
class Mention:
    """A person's name as written, with where it stands in the text."""

    written: str
    surname: str  # as written, capitals made title case («КИРЮХИНА» → «Кирюхина»)
    initials: str  # «И.В.», «И.», or from the full name
    first_name: str | None  # as written (in the sentence's case)
    patronymic: str | None
    start: int
    end: int
    initials_first: bool

    @property
    def key(self) -> tuple[str, str]:
        return fold(self.surname), self.initials.replace(" ", "")


def fold(text: str) -> str:
    """Lower case, «ё» as «е»: how names are compared."""
    return text.lower().replace("ё", "е")


def _title(word: str) -> str:
    if word.isupper() and len(word) > 1:
        return "-".join(part[:1] + part[1:].lower() for part in word.split("-"))
    return word


def _initials(a: str | None, b: str | None) -> str:
    return "".join(f"{x}." for x in (a, b) if x)


@functools.lru_cache(maxsize=1)
def morph():
    import pymorphy3

    return pymorphy3.MorphAnalyzer()


@functools.lru_cache(maxsize=16384)
def _parses(word: str) -> tuple:
    return tuple(morph().parse(word.lower()))


_SURNAME_ENDINGS = ("ов", "ев", "ёв", "ин", "ын", "ова", "ева", "ёва", "ина", "ына", "ский", "ская", "цкий",
                    "цкая", "ко", "ук", "юк", "ич", "их", "ых", "ову", "еву", "ину", "ой", "ого", "ому")


def can_be_surname(word: str) -> bool:
    """A word that may be a surname: pymorphy3 knows it as one (or as a first name or a place,
    which many surnames also are), does not know it at all, or it has a surname's ending
    («Червова» is also an adjective's short form). «Директор», «Обучение», «Она» are not."""
    word = _title(word)
    parses = _parses(word)
    if any({"Surn", "Name", "Patr", "Geox"} & set(p.tag.grammemes) for p in parses):
        return True
    if fold(word).endswith(_SURNAME_ENDINGS) and len(word) > 3:
        return True
    return not morph().word_is_known(word.lower())


_POSITION_WORDS = {"директор", "начальник", "заместитель", "председатель", "секретарь", "учитель", "методист",
                   "специалист", "руководитель", "заведующий", "заведующая", "инспектор", "эксперт", "член"}


def _plain_capitalised(word: str) -> bool:
    """«Кравец И.И.»: a capitalised word before two initials that is no pronoun, preposition, verb or
    position — a surname pymorphy3 happens to know as a common noun."""
    parses = _parses(_title(word))
    if not parses or fold(word) in _POSITION_WORDS or parses[0].normal_form in _POSITION_WORDS:
        return False
    return parses[0].tag.POS not in ("NPRO", "PREP", "CONJ", "PRCL", "VERB", "INFN", "ADVB", "INTJ", "PRED")


def is_first_name(word: str) -> bool:
    return any("Name" in p.tag for p in _parses(word))


def is_patronymic(word: str) -> bool:
    return any("Patr" in p.tag for p in _parses(word))


def find_names(text: str) -> list[Mention]:
    """Every mention of a person in ``text``, left to right, overlaps resolved in favour of the
    longer (a full name over the initials form inside it)."""
    found: list[Mention] = []
    for match in _FULL_SURNAME_FIRST.finditer(text):
        surname, first, patronymic = match.groups()
        if is_first_name(first) and is_patronymic(patronymic):
            found.append(Mention(match.group(0), _title(surname), _initials(first[0], patronymic[0]), first,
                                 patronymic, match.start(), match.end(), False))  # fmt: skip
    for match in _FULL_NAME_FIRST.finditer(text):
        first, patronymic, surname = match.groups()
        if is_first_name(first) and is_patronymic(patronymic) and can_be_surname(surname):
            found.append(Mention(match.group(0), _title(surname), _initials(first[0], patronymic[0]), first,
                                 patronymic, match.start(), match.end(), True))  # fmt: skip
    for match in _INITIALS_FIRST.finditer(text):
        if _NAMED_AFTER.search(text[: match.start()]):
            continue
        a, b, surname = match.groups()
        if can_be_surname(surname):
            found.append(Mention(match.group(0).strip(), _title(surname), _initials(a, b), None, None,
                                 match.start(), match.end(), True))  # fmt: skip
    for match in _SURNAME_FIRST.finditer(text):
        surname, a, b = match.groups()
        if _NAMED_AFTER.search(text[: match.start()]):
            continue
        following = re.match(r"\s?(" + _SURNAME + r")(?![а-яёa-z])", text[match.end():])
        if following and can_be_surname(following.group(1)):
            continue  # «… И.В. Иванов»: the initials belong to the surname after them
        if can_be_surname(surname) or (b and _plain_capitalised(surname)):
            end = match.end()
            found.append(Mention(text[match.start():end].strip(), _title(surname), _initials(a, b), None, None,
                                 match.start(), end, False))  # fmt: skip
    found.sort(key=lambda m: (m.start, -(m.end - m.start)))
    result: list[Mention] = []
    for mention in found:
        if result and mention.start < result[-1].end:
            continue
        result.append(mention)
    return result


_LEAD = re.compile(r"^[\s\d.)\-–—•:;,]*")


def name_at_start(text: str) -> Mention | None:
    """A mention that begins ``text`` (after a list number or a dash)."""
    lead_match = _LEAD.match(text)  # matches always (maybe empty)
    lead = lead_match.end() if lead_match else 0
    for mention in find_names(text[: lead + 80]):
        if mention.start == lead:
            return mention
        break
    return None


def name_at_end(text: str) -> Mention | None:
    """A mention that ends ``text`` (before closing punctuation or signature underscores)."""
    stripped = text.rstrip(" .;,_\t)")
    start = max(0, len(stripped) - 80)
    mentions = find_names(stripped[start:])
    if mentions and mentions[-1].end == len(stripped) - start:
        m = mentions[-1]
        return Mention(m.written, m.surname, m.initials, m.first_name, m.patronymic, m.start + start, m.end + start,
                       m.initials_first)  # fmt: skip
    return None


def only_name(text: str) -> Mention | None:
    """The mention when ``text`` is nothing but a name (signature lines)."""
    core = text.strip(" .;,_\t")
    mention = name_at_start(core)
    if mention is not None and mention.start == 0 and core[mention.end:].strip(" .,") == "":
        return mention
    return None


def name_and_patronymic_at(text: str, at: int) -> bool:
    """«Наталья Ивановна ознакомила…» starts at ``at``: the speaker named by name and patronymic."""
    match = _NAME_PATRONYMIC.match(text, at)
    return match is not None and is_first_name(match.group(1)) and is_patronymic(match.group(2))


# --- the nominative and the gender -----------------------------------------------------------

_ENDINGS = ("", "а", "я", "ь", "й", "ий", "ый", "ой", "ая", "яя", "ей", "о")
# Endings of the nominative most Russian surnames have: a candidate with one is likelier.
_USUAL_ENDINGS = ("ова", "ева", "ина", "ына", "ская", "цкая", "ов", "ев", "ин", "ын", "ский", "цкий",
                  "ко", "ук", "юк", "ич", "ых", "их", "ой", "ый", "ий")


@dataclass(frozen=True)
class Guess:
    """A surname in the nominative, the gender it implies (or None) and the case it was in."""

    surname: str
    gender: str | None
    case: str
    certain: bool  # the only reading in the given context


def _candidates(form: str) -> set[str]:
    out = {form}
    for cut in range(1, 4):
        stem = form[:-cut]
        if len(stem) < 2:
            break
        for ending in _ENDINGS:
            out.add(stem + ending)
    return out


@functools.lru_cache(maxsize=8192)
def readings(form: str) -> tuple[tuple[str, str | None, str], ...]:
    """Every (nominative, gender, case) that inflects to ``form`` by the documents' own rules."""
    from ..russian.names import gender_of, inflect_surname

    form = _title(form)
    found: list[tuple[str, str | None, str]] = []
    target = fold(form)
    for candidate in sorted(_candidates(form)):
        detected = gender_of(candidate, None, None, None)
        if candidate == form:
            found.append((candidate, detected, "nominative"))
        for gender in ("f", "m"):
            for case in ("genitive", "dative", "accusative"):
                result = inflect_surname(candidate, gender, case)
                if result.problem is None and fold(result.surname) == target and candidate != form:
                    found.append((candidate, gender, case))
                elif result.problem is None and candidate == form and fold(result.surname) == target and detected is None:
                    found.append((candidate, gender, case))  # an indeclinable surname («Рябченко»)
    return tuple(dict.fromkeys(found))


def guess_nominative(form: str, case: str | None = None, gender: str | None = None) -> Guess:
    """The likeliest nominative of surname ``form`` in the expected ``case`` with a ``gender`` hint."""
    from ..russian.names import gender_of

    form = _title(form)
    options = readings(form)
    if not options:
        return Guess(form, gender_of(form, None, None, None), "nominative", False)
    surn = {p.normal_form for p in _parses(form) if "Surn" in p.tag}

    def score(option: tuple[str, str | None, str]) -> int:
        candidate, g, c = option
        value = 0
        if case is not None and c == case:
            value += 10
        if gender is not None and g == gender:
            value += 3
        if gender is not None and g is not None and g != gender:
            value -= 3
        detected = gender_of(candidate, None, None, None)
        if g is not None and detected == g:
            value += 2
        elif g is not None and detected is not None and detected != g:
            value -= 4
        if fold(candidate) in surn or fold(candidate)[:-1] in surn:
            value += 1
        if fold(candidate).endswith(_USUAL_ENDINGS):
            value += 2
        if c == "nominative":
            value += 1
        return value

    ranked = sorted(options, key=lambda o: (-score(o), o))
    best = ranked[0]
    rivals = [o for o in ranked[1:] if score(o) == score(best) and (o[0], o[1]) != (best[0], best[1])]
    g = best[1]
    if g is None and gender is not None:
        g = gender
    return Guess(best[0], g, best[2], not rivals)


def gender_hint(text: str) -> str | None:
    """The gender the words after a name give away: «Она», «который», «сообщила», «рассказал» —
    past-tense verbs and pronouns among the first forty words, by majority."""
    female = male = 0
    for word in re.findall(r"[А-ЯЁа-яё]+", text)[:40]:
        low = word.lower()
        if low in ("она", "которая"):
            female += 1
            continue
        if low in ("он", "который"):
            male += 1
            continue
        parse = _parses(word)[0] if _parses(word) else None
        if parse is not None and parse.tag.POS == "VERB" and "past" in parse.tag and "sing" in parse.tag:
            if "femn" in parse.tag:
                female += 1
            elif "masc" in parse.tag:
                male += 1
    if female > male:
        return "f"
    if male > female:
        return "m"
    return None


def gender_of_names(first_name: str | None, patronymic: str | None) -> str | None:
    """The gender a first name or patronymic says, in any case form."""
    for word, tag in ((patronymic, "Patr"), (first_name, "Name")):
        if not word:
            continue
        genders = {("femn" if "femn" in p.tag else "masc") for p in _parses(word) if tag in p.tag and
                   ("femn" in p.tag or "masc" in p.tag)}  # fmt: skip
        if len(genders) == 1:
            return "f" if genders == {"femn"} else "m"
    return None


def nominative_word(word: str, tag: str) -> str:
    """A first name or patronymic in the nominative («Галине» → «Галина»)."""
    for p in _parses(word):
        if tag in p.tag:
            form = p.inflect({"nomn"})
            if form is not None:
                text = form.word
                return text[:1].upper() + text[1:]
    return word


_TRANSLIT = dict(zip("абвгдезийклмнопрстуфыэ", "abvgdeziyklmnoprstufye"))
_TRANSLIT.update({"ё": "yo", "ж": "zh", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "",
                  "ь": "", "ю": "yu", "я": "ya"})  # fmt: skip


def translit(text: str) -> str:
    """«Кирюхина» → «kiryukhina», as the sample directory writes ids."""
    out = []
    for ch in text.lower():
        if ch in _TRANSLIT:
            out.append(_TRANSLIT[ch])
        elif ch.isascii() and ch.isalnum():
            out.append(ch)
        else:
            out.append("-")
    return re.sub(r"-+", "-", "".join(out)).strip("-")
