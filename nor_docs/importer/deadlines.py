"""A decision's deadline as written, found at the end of its sentence by the project's own reader.

``read_deadline`` is the one place the importer calls ``nor_docs.model.deadline.parse_deadline``
— the reader ``nor-docs validate`` uses — so whatever forms it learns, the importer splits off
too. ``split_deadline`` tries the endings of a decision that start where a deadline can start
(«, в срок до …», « до 15.03.2024», «(на постоянной основе)», «. Срок: …», «— ежемесячно»)
from the longest to the shortest and keeps the first the reader accepts: the words stay as
written, the record gets them verbatim, and whether a comma stood before them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_MONTHS = r"(?:январ|феврал|март|апрел|ма[йяе]|июн|июл|август|сентябр|октябр|ноябр|декабр)[а-яё]*\s+\d{4}"
_LEAD_WORDS = (
    r"(?:в\s+)?срок(?:и|ом)?\b|до\s|не\s+позднее|не\s+позже|в\s+течение|к\s+\d|ежемесячно|ежеквартально|"
    r"еженедельно|ежегодно|раз\s+в\s+полугодие|по\s+полугодиям|постоянно|на\s+постоянной\s+основе|"
    r"в\s+постоянном\s+режиме|систематически|срочно|оперативно|в\s+оперативном\s+порядке|"
    r"в\s+следующие\s+сроки|не\s+менее|за\s+\d|через\s+\d|в\s+[IVX]+\s+(?:квартал|полугоди)|до\s+конца"
)
# A bare date or period («, 15.03.2024», «— I квартал 2024 г.») only after a comma, a dash or «(»:
# after a plain space it is part of the sentence («информацию об итогах 29.09.2021»).
_BARE = r"[IVX]+\s+(?:квартал|полугоди)|\d{1,2}\.\d{1,2}\.\d{4}|" + _MONTHS
_STARTS = re.compile(
    r"(?:,\s*|;\s*|\.\s+|\s+[—–-]\s+|\s+|\(\s*)(?=" + _LEAD_WORDS + r")|(?:,\s*|;\s*|:\s*|\s+[—–-]\s+|\(\s*)(?="
    + _BARE + r")",
    re.IGNORECASE,
)
# What reads as a deadline though the reader does not know the form («в течение II четверти»,
# «срок — по графику»): split off all the same, with a note for a person.
_UNKNOWN = re.compile(
    r"(?:,\s*|\s+|\(\s*)((?:в\s+срок\s+до|срок(?:\s+исполнения)?\s*[:—–-]|в\s+течение|до\s+конца|не\s+позднее)"
    r"\s+[^,;()«»]{2,60})\)?$",
    re.IGNORECASE,
)
_LABEL = re.compile(r"^(?:срок(?:и)?(?:\s+исполнения|\s+выполнения)?)\s*[:—–-]\s*", re.IGNORECASE)


def read_deadline(text: str, event: str | None = None):
    """The deadline ``text`` means, by the reader validation uses; ``ValueError`` if it is none."""
    from ..model.deadline import parse_deadline

    return parse_deadline(text, event)


def deadline_kind(text: str) -> str | None:
    """«date», «relative» (counted from an event the text only describes)… or None."""
    try:
        return read_deadline(text).kind
    except ValueError:
        pass
    try:
        deadline = read_deadline(text, "event")
    except ValueError:
        return None
    return deadline.kind if deadline.kind == "relative" else None


@dataclass(frozen=True)
class Split:
    body: str  # the decision without its deadline (and without the punctuation before it)
    deadline: str | None  # as written: «в срок до 27.02.2023», «(на постоянной основе)»
    comma: bool = True  # a comma stood between them
    relative: bool = False  # counted from an event the record must name
    parsed: bool = True  # false: it reads as a deadline («в течение II четверти») the reader does not know


def _balanced(text: str) -> bool:
    return text.count("(") == text.count(")") and text.count("«") == text.count("»")


def split_deadline(sentence: str) -> Split:
    """The decision ``sentence`` split into its text and the deadline at its end, if any."""
    text = sentence.rstrip().rstrip(";")
    end = text.rstrip(" .;")
    for match in _STARTS.finditer(end):
        if match.start() < 3:
            continue
        tail = end[match.end():].strip()
        paren = match.group(0).strip().startswith("(")
        if paren:
            if not tail.endswith(")"):
                continue
            tail = tail[:-1].strip()
        if not _balanced(tail):
            continue
        separator = match.group(0).strip()
        new_sentence = separator.startswith(".")
        written, kind = tail, deadline_kind(tail)
        if _LABEL.match(tail) and (kind is None or new_sentence):
            unlabelled = _LABEL.sub("", tail)
            unlabelled_kind = deadline_kind(unlabelled)
            if unlabelled_kind is not None:
                written, kind = unlabelled, unlabelled_kind
        if kind is None:
            continue
        body = end[: match.start()].rstrip(" ,;—–-")
        if not body.rstrip("."):
            continue
        if re.search(r"\s(?:г|гг)$", written) and text.endswith("."):
            written += "."  # «до 31.01.2024 г.»: the dot is the abbreviation's
        if paren:
            written = f"({written})"
        comma = separator.startswith((",", ":")) or new_sentence
        return Split(body.rstrip(".") if not paren else body, written, comma=comma, relative=kind == "relative")
    unknown = _UNKNOWN.search(end)
    if unknown and unknown.start() > 3:
        body = end[: unknown.start()].rstrip(" ,;—–-")
        written = unknown.group(1).strip()
        if unknown.group(0).lstrip().startswith("("):
            written = f"({written})"
        return Split(body, written, comma=unknown.group(0).startswith(","), parsed=False)
    return Split(sentence.strip(), None)
