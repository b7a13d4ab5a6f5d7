"""A decision's deadline as written — at the end of its sentence or inside it — found by the
project's own reader.

``read_deadline`` is the one place the importer calls ``nor_docs.model.deadline`` — the reader
``nor-docs validate`` uses — so whatever forms it learns, the importer finds too.

``split_deadline`` tries the endings of a decision that start where a deadline can start
(«, в срок до …», « до 15.03.2024», «(на постоянной основе)», «. Срок: …», «— ежемесячно»)
from the longest to the shortest and keeps the first the reader accepts: the words stay as
written, the record gets them verbatim, and whether a comma stood before them.

``deadlines_inside`` finds the deadlines a sentence carries inside it, which a record marks
``[[…]]`` in the decision's text: after «срок» and a dash or colon, in brackets or not («(срок
готовности итогового заключения — до 1 июня 2014 г.)»), words the reader accepts mid-sentence from «до», «в срок до»,
«не позднее», «к», «в течение»… («итоги представить до 20 июня 2014 г., …»), and a period right
after the verb of the task («Организовать в 2014 г. изучение …» — a guess, noted for a person).
``mark`` writes the marks into the text.
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


def reads_as_deadline(text: str) -> bool:
    """Whether the reader takes ``text`` as a deadline of its own (no event needed)."""
    try:
        read_deadline(text)
    except ValueError:
        return False
    return True


def deadline_kind_of(text: str) -> str | None:
    try:
        return read_deadline(text).kind
    except ValueError:
        return None


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
    if unknown and unknown.start() > 3 and _longest(end, unknown.start(1), len(end)) is None:
        # (words the reader knows followed by more of the sentence — «в срок до 01.10.2024
        # представить …» — are a deadline inside it: ``deadlines_inside``)
        body = end[: unknown.start()].rstrip(" ,;—–-")
        written = unknown.group(1).strip()
        if unknown.group(0).lstrip().startswith("("):
            written = f"({written})"
        return Split(body, written, comma=unknown.group(0).startswith(","), parsed=False)
    return Split(sentence.strip(), None)


# --- deadlines inside the sentence --------------------------------------------------------------

# Words that open a deadline in the middle of a sentence («итоги представить до 20 июня 2014 г.,»).
_INNER_LEAD = re.compile(
    r"(?<![\w-])(?:в\s+срок\s+до|в\s+срок\s+не\s+позднее|не\s+позднее|не\s+позже|до\s+конца|до(?=\s+\d)|"
    r"к(?=\s+\d)|в\s+течение|ежемесячно|ежеквартально|еженедельно|ежегодно)\s",
    re.IGNORECASE,
)
# «(срок готовности программы — 1 ноября 2014 г.)», «(срок исполнения: до 01.09.2024)».
_BRACKET = re.compile(r"\(([^()]*)\)")
_LABELLED_IN_BRACKET = re.compile(r"^(?:[^—–:]*?\s)?срок\w*(?:\s[^—–:-]*?)?\s*[—–:-]\s*", re.IGNORECASE)
# The same without brackets: «…, срок готовности итогового заключения – 1 июня 2014 г.»
_LABELLED = re.compile(r"(?<![\w-])срок\w*(?:\s+[а-яё]+){0,4}?\s*[—–:-]\s*", re.IGNORECASE)
# A period after the verb of the task: «Организовать в 2014 г. …», «Провести в мае 2024 года …».
_PERIOD_AFTER_VERB = re.compile(
    r"\s+(?:в|во)\s+(?=\d{4}|[IVX]+\s|(?:январ|феврал|март|апрел|ма[йе]|июн|июл|август|сентябр|октябр|ноябр|"
    r"декабр)\w*\s+\d{4})",
    re.IGNORECASE,
)
_MAX_WORDS = 12
# Kinds that cannot be a control point beside others ([[…]] twice in one text).
_ALONE_ONLY = ("standing", "recurring", "none")


@dataclass(frozen=True)
class Inside:
    """A deadline inside a sentence: ``text[start:end]`` are its words; ``guess`` — found by its
    place after the verb, not by words that say «срок»."""

    start: int
    end: int
    kind: str
    guess: bool = False


# Words a deadline never ends with («до 15.11.2023 и обсудить»: the «и» is the sentence's).
_NOT_LAST = frozenset("и а или но в во на с со по к ко до для от за из о об при".split())


def _ends(text: str, start: int, stop: int) -> list[int]:
    """Where a deadline from ``start`` may end, farthest first: before a space, a comma, a
    semicolon or a bracket, not after a conjunction or a preposition, up to ``_MAX_WORDS`` words
    and ``stop``."""
    ends, words = [], 0
    for i in range(start + 1, stop + 1):
        if i == stop or text[i] in " ,;)":
            if i == stop or text[i] == " ":
                words += 1
            last = text[start:i].rsplit(" ", 1)[-1].lower()
            if text[i - 1] not in " ,;" and (last not in _NOT_LAST or i - start == len(last)):
                ends.append(i)
            if words >= _MAX_WORDS:
                break
    return sorted(set(ends), reverse=True)


def _longest(text: str, start: int, stop: int) -> tuple[int, str] | None:
    """(end, kind) of the longest words from ``start`` the reader takes as a deadline."""
    for end in _ends(text, start, stop):
        words = text[start:end]
        if _balanced(words):
            kind = deadline_kind_of(words)
            if kind is not None:
                return end, kind
    return None


def _quoted(text: str, at: int) -> bool:
    before = text[:at]
    return before.count("«") > before.count("»")


def deadlines_inside(text: str, verb_end: int | None = None) -> list[Inside]:
    """The deadlines inside ``text`` (a decision's sentence without its final deadline), in order.

    ``verb_end``: where the verb of the task ends («Организовать| в 2014 г.»), for a period
    right after it."""
    found: list[Inside] = []
    taken: list[tuple[int, int]] = []

    def free(start: int, end: int) -> bool:
        return all(end <= a or start >= b for a, b in taken)

    for bracket in _BRACKET.finditer(text):
        inner = bracket.group(1)
        label = _LABELLED_IN_BRACKET.match(inner)
        start = bracket.start(1) + (label.end() if label else len(inner) - len(inner.lstrip()))
        stop = bracket.end(1) - (len(inner) - len(inner.rstrip()))
        words = text[start:stop]
        kind = deadline_kind_of(words) if words else None
        if kind is not None and (label or _INNER_LEAD.match(words + " ")):
            found.append(Inside(start, stop, kind))
            taken.append((bracket.start(), bracket.end()))
    for label in _LABELLED.finditer(text):
        start = label.end()
        best = _longest(text, start, len(text)) if free(label.start(), start) and not _quoted(text, start) else None
        if best is not None:
            found.append(Inside(start, best[0], best[1]))
            taken.append((label.start(), best[0]))
    for lead in _INNER_LEAD.finditer(text):
        start = lead.start()
        if not free(start, start + 1) or _quoted(text, start):
            continue
        best = _longest(text, start, len(text))
        if best is not None and best[0] < len(text.rstrip(" .")):
            found.append(Inside(start, best[0], best[1]))
            taken.append((start, best[0]))
    if verb_end is not None:
        after = _PERIOD_AFTER_VERB.match(text, verb_end)
        if after is not None and free(after.start(), after.end()):
            start = after.end()
            best = _longest(text, start, len(text))
            if best is not None and best[1] in ("date", "month", "months", "period", "day"):
                found.append(Inside(start, best[0], best[1], guess=True))
    found.sort(key=lambda d: d.start)
    if len(found) > 1:
        found = [d for d in found if d.kind not in _ALONE_ONLY]
    return found


def mark(text: str, spans: list[tuple[int, int]]) -> str:
    """``text`` with each span's words marked as a deadline: «… [[до 1 июня 2014 г.]] …»."""
    out, at = [], 0
    for start, end in sorted(spans):
        out.append(text[at:start] + "[[" + text[start:end] + "]]")
        at = end
    return "".join(out) + text[at:]
