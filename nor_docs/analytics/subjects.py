"""How procedures and subjects are named and compared.

Sources spell the same subject several ways («русский», «Русский язык», «рус. яз.»); a line keeps
its own spelling for display, and is compared by a key, so that «ОГЭ русский 2022» and «ОГЭ Русский
язык 2023» are the same procedure in consecutive years. Procedures are ВПР, ОГЭ, ЕГЭ (written in
any case) or any other name (a regional diagnostic work), compared case-insensitively.
"""

from __future__ import annotations

import functools
import re

KNOWN_PROCEDURES = ("ВПР", "ОГЭ", "ЕГЭ")
# Order in lists and reports: ВПР, ОГЭ, ЕГЭ, then the rest alphabetically.
_RANK = {name: i for i, name in enumerate(KNOWN_PROCEDURES)}

# subject key → spellings met in exports (compared after ``_plain``)
_SUBJECTS = {
    "русский язык": ("русский", "рус", "рус яз", "русск яз", "русский язык"),
    "математика": ("математика", "мат", "матем", "алгебра"),
    "математика (базовый уровень)": ("математика базовая", "математика база", "математика базовый уровень",
                                     "математика (базовая)", "математика б"),
    "математика (профильный уровень)": ("математика профильная", "математика профиль",
                                        "математика профильный уровень", "математика (профильная)", "математика п"),
    "окружающий мир": ("окружающий мир", "окр мир", "окружающий"),
    "история": ("история",),
    "обществознание": ("обществознание", "общество"),
    "биология": ("биология", "био"),
    "география": ("география", "геогр"),
    "физика": ("физика",),
    "химия": ("химия",),
    "информатика": ("информатика", "информатика и икт", "икт"),
    "литература": ("литература", "лит"),
    "английский язык": ("английский язык", "английский", "англ яз", "англ"),
    "немецкий язык": ("немецкий язык", "немецкий"),
    "французский язык": ("французский язык", "французский"),
    "иностранный язык": ("иностранный язык", "ин яз", "иностранный"),
}
_BY_SPELLING = {spelling: key for key, spellings in _SUBJECTS.items() for spelling in spellings}


def _plain(text: str) -> str:
    text = text.lower().replace("ё", "е").replace("\u00a0", " ")
    text = re.sub(r"[.«»\"“”„',;:]", " ", text)
    return " ".join(text.split())


@functools.lru_cache(maxsize=4096)
def procedure_key(name: str) -> str:
    """«впр», «ВПР » → «ВПР»; any other procedure by its words, case aside."""
    plain = " ".join(name.split())
    upper = plain.upper()
    return upper if upper in KNOWN_PROCEDURES else plain.lower().replace("ё", "е")


def procedure_rank(key: str) -> tuple[int, str]:
    return (_RANK.get(key, len(_RANK)), key)


@functools.lru_cache(maxsize=4096)
def subject_key(name: str) -> str:
    """The key a subject is compared by: a known subject's name, or the words as written."""
    plain = _plain(name)
    return _BY_SPELLING.get(plain, plain)


def known_subject(text: str) -> str | None:
    """The subject ``text`` names exactly (a header cell «Русский язык», a sheet title word), if any."""
    return _BY_SPELLING.get(_plain(text))


def subjects_in(text: str) -> list[str]:
    """Every known subject named inside a longer text («Результаты ОГЭ по математике 2023»),
    longest spelling first; stems are enough («математике», «русскому языку»)."""
    plain = _plain(text)
    found: list[str] = []
    for spelling in sorted(_BY_SPELLING, key=len, reverse=True):
        if len(spelling) < 5:
            continue  # «мат», «рус»: too short to look for inside text
        stem = spelling[: max(5, len(spelling) - 2)]
        if re.search(r"(?<![а-я])" + re.escape(stem), plain):
            key = _BY_SPELLING[spelling]
            if key not in found and not any(key in other for other in found):
                found.append(key)
    return found
