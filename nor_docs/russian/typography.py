"""The typograph: what a Russian typesetter fixes in text as a clerk typed it, applied to the
strings a document shows when it is rendered — never to the records.

``typeset(text)`` is a pure function of the text, idempotent (``typeset(typeset(t)) ==
typeset(t)``), and never adds, drops or changes a letter or a digit. It:

- binds with a non-breaking space what must not be split at the end of a line: «№ 3», «с. Кикино»,
  «с. Покровская Арчада», «г. Кузнецк», «им. А.И. Панкова», «ул. Ленина», «д. 5», «п. 3»; «2024 г.», «2022–2023 гг.»,
  «31.01.2024 г.» (the space before «г.» after a year — the word after it stays free); a number
  and its unit («15 чел.», «30 %», «14 ч. 00 мин.», «5 класс»); initials and the surname
  («А.И. Панков», «Панков А.И.»); and a hyphen next to a digit becomes a non-breaking one
  (U+2011, Word's own «неразрывный дефис»: ``render/compiled_template.xml_text`` writes it as ``<w:noBreakHyphen/>``),
  so that «№ 02-21/683», «699-р» or «2020-2021» never end a line at the hyphen;
- puts a dash where a hyphen was typed between spaces («комитета - начальник» → «комитета —
  начальник», also at the end of a line), a «– » bullet for a «- » at the start of a line, and a
  non-breaking space before every dash between words, so that no line starts with one;
- turns straight quotes into «ёлочки», and into „лапки“ inside other quotes — only when every
  straight quote of the text pairs up; a text with an odd one is left as typed.

What it does not touch: a hyphen between letters («ППМС-центр», «школа-тьютор»), a minus («-5»), a hyphen with a space on one side only («инспекторско -аналитического»: validate reports it
as a likely typo, NOR212), dashes and quotes already typographic, and the spacing of «№16».

``typeset_view`` applies it to every string of a document's view (the ``id``-like keys excepted);
the setting ``documents: typography: false`` turns it off (``enabled``).
"""

from __future__ import annotations

import re

NBSP = "\u00a0"
NB_HYPHEN = "\u2011"

_LETTER = "А-Яа-яЁёA-Za-z"
_LETTERS = frozenset("АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯабвгдеёжзийклмнопрстуфхцчшщъыьэюя"
                     "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")  # fmt: skip
_CAPITALS = frozenset("АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ")
_LOWER = frozenset("абвгдеёжзийклмнопрстуфхцчшщъыьэюя")
# Abbreviations after which the next word must not start a new line: «№ 3», «с. Кикино»,
# «им. Панкова», «ул. Ленина», «д. 5», «п. 3», «ст. 28», «т. е.»… («г.» has a rule of its own).
_ABBREVIATIONS = frozenset(("с", "им", "ул", "д", "п", "пп", "ст", "пос", "пгт", "дер", "х", "обл", "пер", "пр",
                            "корп", "каб", "тел", "рис", "табл", "гл", "ч", "т"))  # fmt: skip
_WORD_BEFORE = re.compile(r"[А-Яа-яЁёA-Za-z0-9.№]+\Z")
# Every rule starts at a literal character (a full stop, a space, a hyphen, a digit), so that each
# is one quick C-level scan of the text; what a rule needs around it is checked in its callback.
# «2024 г.», «2022–2023 гг.», «31.01.2024 г» (without the full stop only before a break or
# punctuation): four digits, not a number after «№» («школа № 1234 г. Москвы» is no year).
_UNITS = ("чел", "%", "‰", "руб", "коп", "тыс", "млн", "млрд", "км", "кг", "мм", "см", "м", "ч", "мин", "сек",
          "час", "часа", "часов", "мес", "шт", "экз", "ед", "балл", "балла", "баллов", "класс", "класса",
          "классов", "классе", "кл", "стр")  # fmt: skip
# A place named by an adjective and a noun after «с.», «г.», «п.», «д.», «пос.», «дер.»: «с. Покровская
# Арчада», «г. Нижний Новгород» (not «с. Невежкино Белинского района»).
_PLACE_OF_TWO = re.compile(rf"((?:[сгпд]|пос|дер)\.{NBSP}[А-ЯЁ][а-яё]+(?:ая|яя|ый|ий|ой|ое|ее)) "
                           rf"(?=[А-ЯЁ][а-яё]+(?![{_LETTER}.]))")  # fmt: skip
# What every match of ``_PLACE_OF_TWO`` has in it («пос.», «дер.» end in «с.», «р.»): a text
# without any — most, initials «А.И. Панков» also bind after a full stop — is not scanned.
_PLACE_ENDS = tuple(f"{letter}.{NBSP}" for letter in "сгпдр")
# «Панков А.И.»: a space before initials (the word before it must be a surname: «МОУ А.И.» is no name).
_SURNAME_AT_END = re.compile(r"(?:^|[^А-Яа-яЁёA-Za-z])[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?\Z")
# A hyphen typed between spaces (or before the end of a line) is a dash; a hyphen starting a line
# is a bullet; a dash between words never starts a line.
_BULLET = re.compile(r"(?m)^([ \t]*)-[ \t]+(?=\S)")
_QUOTE_OPENS_AFTER = frozenset(" \t\n\u00a0([{«„—–-/")


# One pattern per rule, each starting at a literal or a small class of characters, so that each is
# one quick C-level scan (a single alternation of them all is twice as slow: every branch is tried
# at every space); a rule runs only on a text that has its character.
_DOT_SPACES = re.compile(r"\. +(?=[^\s\-–—])")
_AFTER_SIGN = re.compile(r"([№§]) +(?=\S)")
_YEAR = re.compile(r"(\d{4}) +(?=гг?\.|гг?(?:[\s,;:)]|$))")
_UNIT = re.compile(rf"(\d) +(?=(?:{'|'.join(re.escape(u) for u in sorted(_UNITS, key=len, reverse=True))})"
                   rf"(?![{_LETTER}]))")  # fmt: skip
_BEFORE_INITIALS = re.compile(rf" +(?=[А-ЯЁ]\.(?:[ {NBSP}]?[А-ЯЁ]\.)?(?![{_LETTER}]))")
_SPACED_HYPHEN = re.compile(r" -(?=[ \t]|$)", re.M)
_SPACE_BEFORE_DASH = re.compile(r" (?=[—–](?:[ \t]|$))", re.M)
_HYPHEN = re.compile("-")


def typeset(text: str) -> str:
    """``text`` as a typesetter would set it (see the module's description)."""
    if len(text) < 3 or " " not in text and '"' not in text and "-" not in text:
        return text  # every rule but quotes and hyphens binds at a space
    if '"' in text:
        text = _quotes(text)
    if "-" in text:
        if text.lstrip(" \t").startswith("-") or "\n" in text:
            text = _BULLET.sub(r"\1– ", text)
        if " -" in text:
            text = _SPACED_HYPHEN.sub(_dash, text)
        text = _HYPHEN.sub(_number_hyphen, text)
    if " —" in text or " –" in text:
        text = _SPACE_BEFORE_DASH.sub(_space_before_dash, text)
    if "№" in text or "§" in text:
        text = _AFTER_SIGN.sub(rf"\1{NBSP}", text)
    if " г" in text:
        text = _YEAR.sub(_year, text)
    if ". " in text:
        text = _DOT_SPACES.sub(_after_dot, text)
        if any(end in text for end in _PLACE_ENDS):
            text = _PLACE_OF_TWO.sub(rf"\1{NBSP}", text)
    if "." in text and " " in text:
        text = _BEFORE_INITIALS.sub(_before_initials, text)
    return _UNIT.sub(rf"\1{NBSP}", text) if " " in text else text


def _dash(match: re.Match) -> str:
    """« -» between words → « —» with the space before it non-breaking."""
    return f"{NBSP}—" if match.start() and not match.string[match.start() - 1].isspace() else match.group()


def _space_before_dash(match: re.Match) -> str:
    return NBSP if match.start() and not match.string[match.start() - 1].isspace() else match.group()


def _number_hyphen(match: re.Match) -> str:
    """A hyphen with a digit on one side and a letter or digit on the other does not break."""
    text, at = match.string, match.start()
    before = text[at - 1] if at else ""
    after = text[at + 1] if at + 1 < len(text) else ""
    if (before.isdigit() and after.isalnum()) or (after.isdigit() and before.isalnum()):
        return NB_HYPHEN
    return "-"


def _year(match: re.Match) -> str:
    start = match.start()
    before = match.string[max(0, start - 2):start]
    if before[-1:].isdigit() or "№" in before:
        return match.group()  # «№ 1234 г.» is no year
    return match.group(1) + NBSP


def _after_dot(match: re.Match) -> str:
    """The spaces after a full stop: non-breaking after an abbreviation («с.», «им.»…), after «г.»
    before a city (not after a year), and after an initial before a surname or another initial."""
    text, at, end = match.string, match.start(), match.end()
    nxt = text[end] if end < len(text) else ""
    if not nxt or nxt in "-–—":
        return match.group()
    word = _WORD_BEFORE.search(text, max(0, at - 8), at)
    token = word.group() if word is not None else ""
    if token in _ABBREVIATIONS:
        return "." + NBSP
    if token == "г":
        year = text[max(0, at - 6):at - 1]
        if nxt in _CAPITALS and not (len(year) == 5 and year[:4].isdigit() and year[4] in " " + NBSP):
            return "." + NBSP
        return match.group()
    if len(token) == 1 and token in _CAPITALS or (len(token) == 3 and token[0] in _CAPITALS and token[1] == "."
                                                  and token[2] in _CAPITALS):  # fmt: skip
        # an initial: bound to the surname after it, or to the next initial («А. И. Панков»)
        after = text[end:end + 2]
        if len(after) == 2 and after[0] in _CAPITALS and (after[1] in _LOWER or after[1] == "."):
            return "." + NBSP
    return match.group()


def _before_initials(match: re.Match) -> str:
    """The space between a surname and its initials («Панков А.И.»)."""
    start = match.start()
    if _SURNAME_AT_END.search(match.string, max(0, start - 40), start):
        return NBSP
    return match.group()


def _quotes(text: str) -> str:
    """Straight quotes → «…», „…“ inside other quotes; unchanged unless they all pair up."""
    roles: list[tuple[int, bool]] = []  # (index, opens)
    for i, ch in enumerate(text):
        if ch == '"':
            before = text[i - 1] if i else " "
            opens = before in _QUOTE_OPENS_AFTER or (before == '"' and bool(roles) and roles[-1][1])
            roles.append((i, opens))
    depth = 0
    for _i, opens in roles:
        depth += 1 if opens else -1
        if depth < 0:
            return text
    if depth:
        return text
    chars = list(text)
    level = 0  # quotes open at this point, of any kind
    straight = dict(roles)
    for i, ch in enumerate(text):
        if i in straight:
            if straight[i]:
                chars[i] = "«" if level == 0 else "„"
                level += 1
            else:
                level -= 1
                chars[i] = "»" if level == 0 else "“"
        elif ch in "«„":
            level += 1
        elif ch in "»“" and level:
            level -= 1
    return "".join(chars)


# Keys of a view whose values are identifiers, never shown as text.
# (``core``: the document's properties — title, author — are metadata, not set text.)
_NOT_TEXT = frozenset({"id", "key", "identifier", "status_code", "layout", "decision_word", "core"})


def typeset_view(view, enabled: bool = True):
    """``view`` (nested dicts, lists and strings) with ``typeset`` applied to every string shown
    in the document; the same object when ``enabled`` is false."""
    if not enabled:
        return view
    return _walk(view)


# ``typeset`` of the short strings a document repeats — names, positions, labels, dates, the
# same in every protocol of a build — kept once per process: typeset is a pure function of the
# text, so a kept result is the result. Long texts (statements, decisions) are seldom repeated
# and would only fill memory; the cache is emptied when it grows past its bound.
_REPEATED_MAX_LEN = 120
_REPEATED_MAX_ENTRIES = 20_000
_repeated: dict[str, str] = {}


def _typeset_kept(text: str) -> str:
    if len(text) > _REPEATED_MAX_LEN:
        return typeset(text)
    done = _repeated.get(text)
    if done is None:
        if len(_repeated) >= _REPEATED_MAX_ENTRIES:
            _repeated.clear()
        done = _repeated[text] = typeset(text)
    return done


def _walk(value):
    kind = type(value)
    if kind is str:
        return _typeset_kept(value)
    if kind is dict:
        return {k: (v if k in _NOT_TEXT else _walk(v)) for k, v in value.items()}
    if kind is list:
        return [_walk(v) for v in value]
    if isinstance(value, str):
        return typeset(value)
    if isinstance(value, dict):
        return {k: (v if k in _NOT_TEXT else _walk(v)) for k, v in value.items()}
    if isinstance(value, list):
        return [_walk(v) for v in value]
    if isinstance(value, tuple):
        return tuple(_walk(v) for v in value)
    return value
