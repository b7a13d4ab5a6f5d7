"""The typograph: what a Russian typesetter fixes in text as a clerk typed it, applied to the
strings a document shows when it is rendered — never to the records.

``typeset(text)`` is a pure function of the text, idempotent (``typeset(typeset(t)) ==
typeset(t)``), and never adds, drops or changes a letter or a digit. It:

- binds with a non-breaking space what must not be split at the end of a line: «№ 3», «с. Кикино»,
  «с. Покровская Арчада», «г. Кузнецк», «им. А.И. Панкова», «ул. Ленина», «д. 5», «п. 3»; «2024 г.», «2022–2023 гг.»,
  «31.01.2024 г.» (the space before «г.» after a year — the word after it stays free); a number
  and its unit («15 чел.», «30 %», «14 ч. 00 мин.», «5 класс»); initials and the surname
  («А.И. Панков», «Панков А.И.»); and a hyphen next to a digit becomes a non-breaking one
  (U+2011, Word's own «неразрывный дефис»: ``engine.xml_text`` writes it as ``<w:noBreakHyphen/>``),
  so that «№ 02-21/683», «699-р» or «2020-2021» never end a line at the hyphen;
- puts a dash where a hyphen was typed between spaces («комитета - начальник» → «комитета —
  начальник», also at the end of a line), a «– » bullet for a «- » at the start of a line, and a
  non-breaking space before every dash between words, so that no line starts with one;
- turns straight quotes into «ёлочки», and into „лапки“ inside other quotes — only when every
  straight quote of the text pairs up; a text with an odd one is left as typed.

What it does not touch: a hyphen between letters («ППМС-центр», «школа-тьютор»), a minus («-5»), a hyphen with a space on one side only («инспекторско -аналитического»: validate reports it
as a likely typo, NOR209), dashes and quotes already typographic, and the spacing of «№16».

``typeset_view`` applies it to every string of a document's view (the ``id``-like keys excepted);
the setting ``documents: typography: false`` turns it off (``enabled``).
"""

from __future__ import annotations

import re

NBSP = "\u00a0"
NB_HYPHEN = "\u2011"

_LETTER = "А-Яа-яЁёA-Za-z"
# Abbreviations after which the next word must not start a new line: «№ 3», «с. Кикино»,
# «им. Панкова», «ул. Ленина», «д. 5», «п. 3», «ст. 28», «т. е.»… («г.» has rules of its own).
_ABBREVIATIONS = ("с", "им", "ул", "д", "п", "пп", "ст", "пос", "пгт", "дер", "х", "обл", "пер", "пр", "корп",
                  "каб", "тел", "рис", "табл", "гл", "ч", "т")  # fmt: skip
_AFTER_SIGN = re.compile(r"([№§]) +(?=\S)")
_AFTER_ABBREVIATION = re.compile(rf"(?<![{_LETTER}0-9.])((?:{'|'.join(_ABBREVIATIONS)})\.) +(?=[^\s\-–—])")
# «г.» before a city: followed by a capital letter and not after a year («школа № 10 г. Кузнецка»
# is a city, «в 2023 г. Кузнецк…» a year).
_CITY = re.compile(rf"(?<![{_LETTER}0-9.])(?<!\d{{4}} )(?<!\d{{4}}{NBSP})(г\.) +(?=[А-ЯЁ])")
# «2024 г.», «2022–2023 гг.», «31.01.2024 г» (without the full stop only before a break or
# punctuation): four digits, not a number after «№» («школа № 1234 г. Москвы» is no year).
_YEAR = re.compile(r"(?<![\d№])(?<!№ )(?<!№\u00a0)(\d{4}) +(гг?\.|гг?(?=[\s,;:)]|$))")
_UNITS = ("чел", "%", "‰", "руб", "коп", "тыс", "млн", "млрд", "км", "кг", "мм", "см", "м", "ч", "мин", "сек",
          "час", "часа", "часов", "мес", "шт", "экз", "ед", "балл", "балла", "баллов", "класс", "класса",
          "классов", "классе", "кл", "стр")  # fmt: skip
_UNIT = re.compile(rf"(\d) +(?=(?:{'|'.join(re.escape(u) for u in sorted(_UNITS, key=len, reverse=True))})"
                   rf"(?![{_LETTER}]))")  # fmt: skip
# A place named by an adjective and a noun after «с.», «г.», «п.», «д.», «пос.», «дер.»: «с. Покровская
# Арчада», «г. Нижний Новгород» (not «с. Невежкино Белинского района»).
_PLACE_OF_TWO = re.compile(rf"(?<![{_LETTER}])((?:[сгпд]|пос|дер)\.{NBSP}[А-ЯЁ][а-яё]+(?:ая|яя|ый|ий|ой|ое|ее)) "
                           rf"(?=[А-ЯЁ][а-яё]+(?![{_LETTER}.]))")  # fmt: skip
_INITIALS = r"[А-ЯЁ]\.(?:[ \u00a0]?[А-ЯЁ]\.)?"
# «А.И. Панков», «А. И. Панков», «Е. Родионова»: initials before a surname.
_INITIALS_SURNAME = re.compile(rf"(?<![{_LETTER}.])({_INITIALS}) +(?=[А-ЯЁ][а-яё])")
# «Панков А.И.»: a surname before initials (not before a longer abbreviation: «МОУ А.И.» is no name).
_SURNAME_INITIALS = re.compile(rf"(?<![{_LETTER}])([А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?) +(?={_INITIALS}(?![{_LETTER}]))")
_INNER_INITIAL_SPACE = re.compile(r"(?<=[А-ЯЁ]\.) (?=[А-ЯЁ]\.)")
# A hyphen typed between spaces (or before the end of a line) is a dash; a hyphen starting a line
# is a bullet; a dash between words never starts a line.
_BULLET = re.compile(r"(?m)^([ \t]*)-[ \t]+(?=\S)")
_SPACED_HYPHEN = re.compile(r"(?<=\S)[ \t]+-(?=[ \t]|$)", re.M)
_SPACE_BEFORE_DASH = re.compile(r"(?<=\S) +(?=[—–](?:[ \t]|$))", re.M)
_DIGIT_HYPHEN = re.compile(r"(?<=\d)-(?=\w)|(?<=\w)-(?=\d)")
_QUOTE_OPENS_AFTER = frozenset(" \t\n\u00a0([{«„—–-/")

# Characters at least one rule needs: a text with none of them is returned as it is.
_TRIGGERS = re.compile(r'["№§.\-—–%]|\d [^\W\d_]|\d +[%‰]')


def typeset(text: str) -> str:
    """``text`` as a typesetter would set it (see the module's description)."""
    if not text or not _TRIGGERS.search(text):
        return text
    if '"' in text:
        text = _quotes(text)
    if "-" in text:
        text = _BULLET.sub(r"\1– ", text)
        text = _SPACED_HYPHEN.sub(f"{NBSP}—", text)
        text = _DIGIT_HYPHEN.sub(NB_HYPHEN, text)
    if "—" in text or "–" in text:
        text = _SPACE_BEFORE_DASH.sub(NBSP, text)
    if "№" in text or "§" in text:
        text = _AFTER_SIGN.sub(rf"\1{NBSP}", text)
    if "." in text:
        text = _YEAR.sub(rf"\1{NBSP}\2", text)
        text = _CITY.sub(rf"\1{NBSP}", text)
        text = _AFTER_ABBREVIATION.sub(rf"\1{NBSP}", text)
        text = _PLACE_OF_TWO.sub(rf"\1{NBSP}", text)
        text = _INITIALS_SURNAME.sub(_bind_initials, text)
        text = _SURNAME_INITIALS.sub(rf"\1{NBSP}", text)
        text = _INNER_INITIAL_SPACE.sub(NBSP, text)
    else:
        text = _YEAR.sub(rf"\1{NBSP}\2", text)
    return _UNIT.sub(rf"\1{NBSP}", text)


def _bind_initials(match: re.Match) -> str:
    return match.group(1).replace(" ", NBSP) + NBSP


def _quotes(text: str) -> str:
    """Straight quotes → «…», „…“ inside other quotes; unchanged unless they all pair up."""
    roles = []  # (index, opens)
    for i, ch in enumerate(text):
        if ch == '"':
            before = text[i - 1] if i else " "
            opens = before in _QUOTE_OPENS_AFTER or (before == '"' and roles and roles[-1][1])
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


def _walk(value):
    if isinstance(value, str):
        return typeset(value)
    if isinstance(value, dict):
        return {k: (v if k in _NOT_TEXT else _walk(v)) for k, v in value.items()}
    if isinstance(value, list):
        return [_walk(v) for v in value]
    if isinstance(value, tuple):
        return tuple(_walk(v) for v in value)
    return value
