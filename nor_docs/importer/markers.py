"""The words that open a part of a protocol, in the spellings offices use.

«Председатель:», «Председательствовал —», «Протокол вела», «Присутствовали: 19 чел.»,
«Принимали участие:», «Отсутствовали:», «Приглашены:», «Повестка дня», «Повестка семинара:»,
«Тема:», «СЛУШАЛИ:», «1. СЛУШАЛИ:», «По первому вопросу…», «По 2 вопросу слушали…»,
«ВЫСТУПИЛИ:», «РЕШИЛИ:», «ПОСТАНОВИЛИ:», «Решение:», «Поручения, данные на совещании…»,
«ГОЛОСОВАЛИ:», «Верно», «Приложение 1». ``marker_of`` says which part a paragraph opens, the
item number it carries and the text after the words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_SEP = r"\s*[:—–-]\s*"
_OPT_SEP = r"\s*[:.—–-]?\s*"
_NUM = r"(?:(\d{1,2})\s*\.\s*)?"

ORDINALS = {
    "перв": 1, "втор": 2, "трет": 3, "четв": 4, "пят": 5, "шест": 6, "седьм": 7, "восьм": 8, "девят": 9,
    "десят": 10, "одиннадцат": 11, "двенадцат": 12,
}  # fmt: skip
_ORDINAL = r"(\d{1,2}|" + "|".join(ORDINALS) + r")[а-яё]*(?:-?[а-яё]+)?"

# (kind, pattern): the pattern's groups are (number, label, rest) where the kind has them.
_PATTERNS: list[tuple[str, re.Pattern]] = [
    ("minutes", re.compile(r"^()(протокол\s+вел[аи]?|вел[аи]?\s+протокол)" + _OPT_SEP + r"(.*)$", re.I | re.S)),
    ("chair", re.compile(r"^()(председател[ья]\w*(?:\s+(?!\s*[А-ЯЁ]\.)[а-яё]+){0,3}?)" + _SEP + r"(.*)$", re.I | re.S)),
    ("secretary", re.compile(r"^()(секретар[ья]\w*(?:\s+(?!\s*[А-ЯЁ]\.)[а-яё]+){0,3}?)" + _SEP + r"(.*)$", re.I | re.S)),
    ("attendees", re.compile(r"^()(присутствовал[иао]?(?:\s+на\s+(?:заседании|совещании|семинаре|педсовете))?|"
                             r"принимали\s+участие|приняли\s+участие|участвовали)" + _OPT_SEP + r"(.*)$", re.I | re.S)),
    ("attendees", re.compile(r"^()(участники(?:\s+(?:заседания|совещания|семинара))?)" + _SEP + r"(.*)$", re.I | re.S)),
    ("invited", re.compile(r"^()(приглашен[ыо]?|приглашённые|приглашенные|приглашены|приглашённые\s+лица)"
                           + _OPT_SEP + r"(.*)$", re.I | re.S)),
    ("absent", re.compile(r"^()(отсутствовал[иао]?|отсутствуют)" + _OPT_SEP + r"(.*)$", re.I | re.S)),
    ("agenda", re.compile(r"^()(повестка(?:\s+дня)?(?:\s+(?:совещания|заседания|семинара|педсовета|"
                          r"педагогического\s+совета))?|вопросы\s+повестки(?:\s+дня)?|порядок\s+дня)"
                          + _OPT_SEP + r"(.*)$", re.I | re.S)),
    ("theme", re.compile(r"^()(тема(?:\s+(?:совещания|заседания|семинара|педсовета|педагогического\s+совета))?)"
                         r"(?:\s*[:—–-]\s*|\s*$)(.*)$", re.I | re.S)),
    ("heard", re.compile(r"^" + _NUM + r"(слушали)" + _OPT_SEP + r"(.*)$", re.I | re.S)),
    ("spoke", re.compile(r"^" + _NUM + r"(выступили|выступил|выступила|в\s+обсуждении\s+приняли\s+участие)"
                         + _SEP + r"(.*)$", re.I | re.S)),
    ("spoke", re.compile(r"^" + _NUM + r"(ВЫСТУПИЛИ|Выступили)" + _OPT_SEP + r"(.*)$", re.S)),
    ("decided", re.compile(r"^" + _NUM + r"(решили|постановили|решение(?:\s+(?:совещания|заседания|семинара|"
                           r"педагогического\s+совета|педсовета|рабочей\s+группы))?|приняли\s+решение|"
                           r"принято\s+решение|решает|решил)" + _OPT_SEP + r"(.*)$", re.I | re.S)),
    ("decided", re.compile(r"^()(поручения(?:,?\s+данн\w+\s+(?:на|по)\b[^:\n]*)?|перечень\s+поручений[^:\n]*)"
                           r"\s*[:.]?\s*()$", re.I | re.S)),
    ("voted", re.compile(r"^" + _NUM + r"(голосовали|голосование|итоги\s+голосования)" + _OPT_SEP + r"(.*)$",
                         re.I | re.S)),
    ("certified", re.compile(r"^()(верно|выписка\s+верна|копия\s+верна)\s*[:.]?\s*()$", re.I)),
    ("appendix", re.compile(r"^()(приложение)\s*(?:№\s*)?(\d+)?\s*(?:\n.*)?$", re.I | re.S)),
    ("attendee_list", re.compile(r"^()(список\s+присутств\w+(?:\s+на\s+\w+)?)\s*[:.]?\s*()$", re.I)),
]
_ITEM_REFS = [
    re.compile(r"^по\s+" + _ORDINAL + r"\s+(?:вопросу|пункту)(?:\s+повестки(?:\s+дня)?)?" + _OPT_SEP + r"(.*)$",
               re.I | re.S),
    re.compile(r"^по\s+(?:вопросу|пункту)\s+(?:№\s*)?(\d{1,2})(?:\s+повестки(?:\s+дня)?)?" + _OPT_SEP + r"(.*)$",
               re.I | re.S),
]
_LEADING_VERB = re.compile(r"^(?:слушали|выступил[аи]?|заслушали)\s*[:—–-]?\s*", re.I)


@dataclass(frozen=True)
class Marker:
    kind: str
    number: str | None  # the agenda item it belongs to («1. СЛУШАЛИ:», «По 2 вопросу»)
    label: str  # the words as written
    rest: str  # what follows them in the paragraph
    verb: str = ""  # «слушали» / «выступила» after «По 1 вопросу»


def ordinal(word: str) -> int | None:
    if word.isdigit():
        return int(word)
    low = word.lower()
    return next((n for stem, n in ORDINALS.items() if low.startswith(stem)), None)


def marker_of(text: str) -> Marker | None:
    """The part ``text`` (a paragraph) opens, or None."""
    stripped = text.strip()
    for pattern in _ITEM_REFS:
        match = pattern.match(stripped)
        if match:
            item = ordinal(match.group(1))
            rest = match.group(2).strip()
            verb = _LEADING_VERB.match(rest)
            return Marker("item", str(item) if item else None, stripped[: match.start(2)].strip(" :,.—–-"),
                          rest[verb.end():] if verb else rest, verb.group(0).strip(" :—–-").lower() if verb else "")  # fmt: skip
    for kind, pattern in _PATTERNS:
        match = pattern.match(stripped)
        if not match:
            continue
        number, label, rest = match.group(1) or None, match.group(2), (match.group(3) or "")
        if kind == "appendix":
            return Marker(kind, rest or None, label, stripped)
        return Marker(kind, number, " ".join(label.split()), rest.strip())
    return None

