"""СЛУШАЛИ / ВЫСТУПИЛИ: who spoke, their position as written, and what they said.

A statement opens with a name — «Кирюхину И.В., муниципального координатора проекта …»,
«О.И.Мироненко- директора школ, который сообщил…», «Апель Н.Ю.: …» — and the position runs to
the first place the speech begins: a dash (« — об алгоритме…»), a new sentence («…по УВР.
Галина Николаевна…»), «, об …», «, который …», «, Наталья Ивановна ознакомила…» or a colon. The
paragraphs after it, up to the next name or part, are the text: prose paragraphs separated by a
blank line, «- » items one per line, as records write them.
"""

from __future__ import annotations

import re

from .draft import Node
from .people import Mention, _parses, gender_hint, name_and_patronymic_at, name_at_start
from .refs import Ref

_ABBREVIATIONS = {"г", "с", "им", "ул", "д", "п", "пос", "обл", "р", "зам", "нач", "т", "ст", "каб", "пр", "руб",
                  "мин", "ч", "тел", "шк", "ср", "и", "о", "пгт", "рп", "м", "гл", "спец", "отд", "упр", "напр"}  # fmt: skip
_BULLET = re.compile(r"^\s*[-–—•*·▪]\s*")
_THEME_AFTER_COMMA = re.compile(r"(об?|обо|о\s+ходе|по\s+вопросу|котор\w+|что|где)\s")


def sentence_break(text: str) -> bool:
    """Whether ``text`` holds the end of one sentence and the start of another («…УО. Она …»), not
    only abbreviations and initials («с. Ушаковка», «И.В. Кирюхина», «зам. директора»)."""
    for match in re.finditer(r"\.\s+(?=[А-ЯЁ«])", text):
        word = re.search(r"([А-ЯЁа-яё]+)$", text[: match.start()])
        token = word.group(1) if word else ""
        if token.lower() in _ABBREVIATIONS or (len(token) == 1 and token.isupper()):
            continue
        return True
    return False


def _outside(text: str, index: int) -> bool:
    before = text[:index]
    return before.count("«") <= before.count("»") and before.count("(") <= before.count(")")


def _past_verb(text: str) -> bool:
    """«…, поддержал предложение»: the speech begins with what the speaker did."""
    word = re.match(r"[а-яё]+", text)
    if not word:
        return False
    parses = _parses(word.group(0))
    return bool(parses) and parses[0].tag.POS == "VERB" and "past" in parses[0].tag


def split_lead(after: str) -> tuple[str | None, str | None]:
    """(position as written, the first words of the speech) from what follows the name."""
    s = after.strip().lstrip(".").strip()
    if not s:
        return None, None
    if s[0] in "—–-:":
        rest = s[1:].strip()
        first = re.match(r"[А-ЯЁа-яё]+", rest)
        if s[0] != ":" and first and rest[:1].islower() and any(p.tag.POS == "NOUN" for p in _parses(first.group(0))[:1]):
            return split_lead(", " + rest)  # «О.И.Мироненко- директора школ, который сообщил…»
        return None, rest or None
    if s[0] != ",":
        return None, s
    s = s[1:].strip()
    best: tuple[int, int] | None = None  # (position end, text start)
    for match in re.finditer(r"\s+—\s+|(?<![оО])\s+[–-]\s+", s):
        after_dash = s[match.end():]
        if match.group(0).strip() != "—" and not (_THEME_AFTER_COMMA.match(after_dash) or _past_verb(after_dash)):
            continue  # «заместитель председателя – начальник управления»: one position
        if _outside(s, match.start()):
            best = (match.start(), match.end())
            break
    for match in re.finditer(r"\.\s+(?=[А-ЯЁ«])", s):
        word = re.search(r"([А-ЯЁа-яё]+)$", s[: match.start()])
        token = word.group(1) if word else ""
        if token.lower() in _ABBREVIATIONS or (len(token) == 1 and token.isupper()):
            continue
        if _outside(s, match.start()) and (best is None or match.start() < best[0]):
            best = (match.start(), match.end())
        break
    for match in re.finditer(r",\s+", s):
        if not _outside(s, match.start()):
            continue
        after_comma = s[match.end():]
        if _THEME_AFTER_COMMA.match(after_comma) or name_and_patronymic_at(s, match.end()) or _past_verb(after_comma):
            if best is None or match.start() < best[0]:
                best = (match.start(), match.end())
            break
    colon = re.search(r":\s+", s)
    if colon and _outside(s, colon.start()) and (best is None or colon.start() < best[0]):
        best = (colon.start(), colon.end())
    if best is None:
        return s.rstrip(" .;,") or None, None
    position = s[: best[0]].strip(" ,;")
    text = s[best[1]:].strip()
    return position or None, text or None


def join_paragraphs(paragraphs: list[str]) -> str | None:
    """Record text: prose paragraphs separated by a blank line, consecutive «- » items by a line."""
    out: list[str] = []
    for paragraph in paragraphs:
        paragraph = paragraph.strip()
        if not paragraph:
            continue
        if out and _BULLET.match(paragraph) and _BULLET.match(out[-1].rsplit("\n", 1)[-1]):
            out[-1] += "\n" + paragraph
        else:
            out.append(paragraph)
    return "\n\n".join(out) or None


class Statement:
    """A statement being read: its lead, then paragraphs of text."""

    def __init__(self, mention: Mention, after: str, case: str, verb: str = ""):
        position, first = split_lead(after)
        self.ref = Ref(mention.written, mention, case, ("person",), position=position)
        self.position = position
        self.verb = verb  # «выступила»: says the gender
        self.paragraphs: list[str] = [first] if first else []

    def node(self) -> Node:
        text = join_paragraphs(self.paragraphs)
        self.ref.gender = gender_hint(f"{self.verb} " + " ".join(self.paragraphs)[:200])
        return Node("statement", person=self.ref, position=self.position, text=text)


def opens_statement(text: str, spoke: bool) -> Mention | None:
    """The speaker's name when ``text`` opens a statement: a name followed by a comma, a dash, a
    colon or nothing (in ВЫСТУПИЛИ, also a name followed by what they said)."""
    stripped = re.sub(r"^\s*(?:\d{1,2}[.)]\s*|[-–—•]\s*)", "", text)
    mention = name_at_start(stripped)
    if mention is None:
        return None
    after = stripped[mention.end:].lstrip(" .")
    if not after.strip() or after[:1] in ",—–-:" or spoke:
        offset = len(text) - len(stripped)
        return Mention(mention.written, mention.surname, mention.initials, mention.first_name, mention.patronymic,
                       mention.start + offset, mention.end + offset, mention.initials_first)  # fmt: skip
    return None
