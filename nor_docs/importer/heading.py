"""The heading of a protocol: organisation, document kind, title, date, number, place, time, form.

The lines before the first part of the protocol («Председатель:», «Присутствовали:»,
«Повестка…») are read line by line: «ПРОТОКОЛ №4», «Протокол заседания рабочей группы по …»,
«ВЫПИСКА ИЗ ПРОТОКОЛА», «(выписка)»; a date in digits or words, alone or after «Дата
проведения:» or «от»; «№ 4»; a place («г. Петрозаводск», «Место проведения: …»); a time; the form
(«в режиме ВКС на цифровой платформе «Сферум»»); the lines above the document kind name the
organisation; the lowercase lines after it are the title in the genitive («заседания рабочей
группы по …»). A line the heading cannot place is returned for the introduction.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .dates import find_date, find_time, strip_dates
from .people import morph

_KIND = re.compile(r"^(выписка\s+из\s+протокола|протокол)\b\.?\s*(.*)$", re.I | re.S)
_EXTRACT = re.compile(r"\(?\s*выписка\s*\)?", re.I)
_NUMBER = re.compile(r"(?:№|N\s?(?=\d))\s*([0-9][\w\-/.]*[0-9а-яА-Я]|[0-9])")
_PLACE_LINE = re.compile(r"^(?:место\s+(?:проведения|составления)\s*:\s*)?((?:г|с|п|пос|пгт|рп|р\.п|д|х|ст)\.\s?"
                         r"[А-ЯЁ][\w-]*(?:\s[А-ЯЁ][\w-]*)?)\.?$", re.I)  # fmt: skip
# A place on the date's line, set apart by tabs: «14.12.2023 г.<tab>г. Каменка», «г. Каменка<tab>14.12.2023».
_PLACE_AFTER_DATE = re.compile(r"(?:^|\s)((?:г|с|п|пос|пгт|рп|р\.п|д|х|ст)\.\s?[А-ЯЁ][\w-]*(?:\s[А-ЯЁ][\w-]*)?)\.?\s*$")
_PLACE_BEFORE_DATE = re.compile(r"^((?:г|с|п|пос|пгт|рп|р\.п|д|х|ст)\.\s?[А-ЯЁ][\w-]*)\s+(?=[\d«\"])")
_PLACE_LABEL = re.compile(r"^место\s+(?:проведения|составления)\s*:\s*(.+)$", re.I)
_DATE_LABEL = re.compile(r"^дата(?:\s+проведения)?\s*:", re.I)
_TIME_LINE = re.compile(r"^(?:время(?:\s+проведения)?|начало)\b", re.I)
_FORMAT = re.compile(r"^форма\s+п\w*ведения\s*:\s*(.+)$|в\s+режиме\s+вкс|видеоконференц|дистанционн\w+\s+формат|"
                     r"в\s+дистанционном\s+формате|в\s+формате\s+вкс|онлайн", re.I)  # fmt: skip
_PLATFORM = re.compile(r"платформ\w*\s+[«\"“]([^»\"”]+)[»\"”]|платформе\s+(\S+)", re.I)
_ORG_WORDS = re.compile(r"управлени|отдел\b|отдела|комитет|министерств|департамент|администрац|учреждени|школ|"
                        r"гимнази|лице[йя]|центр|МБОУ|МОУ|МАОУ|МКОУ|ГБОУ|ГАОУ|ГБУ|ЧОУ|колледж|институт", re.I)  # fmt: skip
_KAZAKH = re.compile("[әғқңөұүһіӘҒҚҢӨҰҮҺІ]")


@dataclass
class Heading:
    document: str = "protocol"
    organization: str | None = None
    title: str | None = None
    title_from_nominative: bool = False
    date: str | None = None
    date_short_year: bool = False
    number: str | None = None
    time: str | None = None
    place: str | None = None
    mode: str | None = None
    platform: str | None = None
    left: list[str] = field(default_factory=list)  # lines the heading could not place


def _clean_title(text: str) -> str:
    text = _EXTRACT.sub(" ", text)
    text = _NUMBER.sub(" ", text)
    text = strip_dates(text)
    text = re.sub(r"\s+(?:года|г\.)\s*$|^\s*(?:года|г\.)\s*$", "", text)
    text = " ".join(text.split()).strip(" .,:;")
    return text


def _to_genitive(title: str) -> str:
    """«ЗАСЕДАНИЕ ПОПЕЧИТЕЛЬСКОГО СОВЕТА» → «заседания попечительского совета»: the words up to the
    first noun put in the genitive, the rest as written (in lower case if it was all capitals)."""
    if title.isupper():
        title = title.lower()
    words = title.split(" ")
    out = []
    for i, word in enumerate(words):
        parses = [p for p in morph().parse(word) if "nomn" in p.tag and p.tag.POS in ("NOUN", "ADJF", "PRTF")]
        if not parses:
            out.extend(words[i:])
            break
        form = parses[0].inflect({"gent"})
        out.append(form.word if form is not None else word)
        if parses[0].tag.POS == "NOUN":
            out.extend(words[i + 1 :])
            break
    return " ".join(out)


def _is_nominative_title(title: str) -> bool:
    first = title.split(" ", 1)[0].lower()
    parses = morph().parse(first)
    return bool(parses) and "nomn" in parses[0].tag and "gent" not in parses[0].tag


def read_heading(lines: list[str]) -> Heading:
    """The heading from its lines (paragraph lines in order)."""
    heading = Heading()
    kind_at = next((i for i, line in enumerate(lines) if _KIND.match(line)), None)
    org_lines: list[str] = []
    title_parts: list[str] = []
    in_title = False
    for i, line in enumerate(lines):
        text = line.strip()
        if not text:
            continue
        if _EXTRACT.search(text) and re.search(r"выписка", text, re.I):
            heading.document = "extract"
        if i == kind_at and (match := _KIND.match(text)):
            if match.group(1).lower().startswith("выписка"):
                heading.document = "extract"
            rest = match.group(2)
            number = _NUMBER.search(rest)
            if number:
                heading.number = number.group(1).rstrip(".")
            _take_date_time(heading, rest)
            rest = _clean_title(rest)
            if rest:
                title_parts.append(rest)
            in_title = True
            continue
        if kind_at is not None and i < kind_at:
            if not _KAZAKH.search(text):
                org_lines.append(text)
            continue
        place = _PLACE_LINE.match(text)
        if place:
            heading.place = heading.place or place.group(1)
            in_title = False
            continue
        label = _PLACE_LABEL.match(text)
        if label:
            heading.place = heading.place or label.group(1).strip(" .")
            in_title = False
            continue
        if _FORMAT.search(text):
            _take_format(heading, text)
            in_title = False
            continue
        date = find_date(text)
        if date is not None or _DATE_LABEL.match(text) or _TIME_LINE.match(text):
            if heading.number is None:
                number = _NUMBER.search(text)
                if number:
                    heading.number = number.group(1).rstrip(".")
            _take_date_time(heading, text)
            place = _PLACE_AFTER_DATE.search(text) or _PLACE_BEFORE_DATE.match(text)
            if place is not None and heading.place is None:
                heading.place = place.group(1)
                text = (text[: place.start(1)] + text[place.end(1):]).strip()
            rest = _clean_title(re.sub(r"^(?:дата(?:\s+проведения)?|время(?:\s+проведения)?)\s*:?", "", text,
                                       flags=re.I))  # fmt: skip
            rest = re.sub(r"^\d{1,2}[.:]\d{2}$|^\d{1,2}\s*ч\.?\s*\d{2}\s*мин\.?$", "", rest).strip()
            if rest and not re.fullmatch(r"[\d.:,\s]+", rest):
                if (in_title or rest[:1].islower()) and not heading.title:
                    title_parts.append(rest)
                else:
                    heading.left.append(rest)
            in_title = False
            continue
        if in_title or (not title_parts and text[:1].islower()):
            title_parts.append(text)
            in_title = True
            continue
        if kind_at is None and _ORG_WORDS.search(text) and not title_parts:
            org_lines.append(text)
            continue
        heading.left.append(text)
    if org_lines:
        heading.organization = " ".join(org_lines)
    if title_parts:
        title = " ".join(" ".join(title_parts).split()).strip(" .,:;")
        title = _EXTRACT.sub(" ", title).strip()
        title = " ".join(title.split())
        if title and _is_nominative_title(title):
            title = _to_genitive(title)
            heading.title_from_nominative = True
        elif title[:1].isupper() and not title[:2].isupper():
            title = title[:1].lower() + title[1:]
        heading.title = title or None
    return heading


def _take_date_time(heading: Heading, text: str) -> None:
    if heading.date is None:
        date = find_date(text)
        if date is not None:
            heading.date, heading.date_short_year = date
    if heading.time is None:
        heading.time = find_time(text)


def _take_format(heading: Heading, text: str) -> None:
    low = text.lower()
    if "очно" in low and ("вкс" in low or "дистанц" in low or "видео" in low):
        heading.mode = "очно и ВКС"
    elif "вкс" in low or "дистанц" in low or "видео" in low or "онлайн" in low:
        heading.mode = "ВКС"
    elif "очн" in low:
        heading.mode = "очно"
    platform = _PLATFORM.search(text)
    if platform:
        heading.platform = (platform.group(1) or platform.group(2)).strip(" .,«»\"“”")


_KIND_WORDS = ("заседание", "совещание", "семинар", "собрание", "конференция", "совет", "коллегия", "комиссия")


_BODIES = {"группа", "совет", "коллегия", "комиссия", "объединение", "руководитель", "директор", "заместитель",
           "педагог", "учитель", "работник", "родитель", "член", "координатор", "специалист", "методист", "комитет",
           "штаб", "актив", "клуб", "сообщество", "кафедра", "общество", "администрация", "секция"}


def _genitive_parses(word: str) -> list:
    parses = morph().parse(word)
    if any(p.tag.POS in ("PREP", "CONJ", "PRCL", "NUMR") for p in parses[:1]):
        return []
    return [p for p in parses if "gent" in p.tag and p.tag.POS in ("NOUN", "ADJF", "PRTF")]


def kind_from_title(title: str) -> str:
    """«заседания рабочей группы по …» → «заседание рабочей группы»; «установочного семинара по …» →
    «установочный семинар»: the head phrase in the nominative and its first genitive complement."""
    words = title.split(" ")
    head: list[str] = []
    i = 0
    while i < len(words):
        parses = _genitive_parses(words[i])
        if not parses:
            break
        chosen = parses[0]
        form = chosen.inflect({"nomn"})
        head.append(form.word if form is not None else words[i])
        i += 1
        if chosen.tag.POS == "NOUN":
            break
    if not head:
        return " ".join(words[:2])
    # the first complement in the genitive, when it names a body or people: «рабочей группы»,
    # «педагогического совета», «руководителей» (not «конференции учреждения»)
    complement: list[str] = []
    j = i
    while j < len(words):
        parses = _genitive_parses(words[j])
        if not parses or words[j][:1].isupper():
            break
        complement.append(words[j])
        j += 1
        if any(p.tag.POS == "NOUN" for p in parses) and not any(p.tag.POS in ("ADJF", "PRTF") for p in parses):
            if any(p.normal_form in _BODIES for p in parses if p.tag.POS == "NOUN"):
                head.extend(complement)
            break
    return " ".join(head)
