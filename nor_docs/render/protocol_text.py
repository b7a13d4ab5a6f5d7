"""The words of a protocol: text a record holds made into the sentences and paragraphs a document
prints — paragraphs and list items of a long text, a decision's sentence with its deadline, the
first word's case, names joined. Pure functions of strings; the protocol view (``protocol_view``)
and the other views use them."""

from __future__ import annotations

import re
from collections.abc import Iterable

NBSP = "\u00a0"
BULLET = re.compile(r"^\s*[-–—•]\s+")
CONTINUATION = re.compile(r"^\s*[–—]\s+[а-яё][^\n]*$")  # one line, a dash, then lower case
PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n+")
SENTENCE_END = ".!?…:;"


def paragraphs(text: str | None) -> list[str]:
    """Paragraphs of a record text: blank lines separate them; a «- » line is a paragraph of its
    own (a list item); other single line breaks stay line breaks inside the paragraph."""
    if not text or not text.strip():
        return []
    result: list[str] = []
    for block in PARAGRAPH_BREAK.split(text.strip("\n")):
        current: list[str] = []
        for line in block.split("\n"):
            if BULLET.match(line):
                if current:
                    result.append("\n".join(current))
                current = []
                result.append(line.strip())
            elif line.strip():
                current.append(line.rstrip())
        if current:
            result.append("\n".join(current))
    return result


def capitalize_first(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text


def number_label(number: str) -> str:
    """«4» / «4.1» / «4.1.» → «4.» / «4.1.»."""
    return f"{str(number).strip().rstrip('.')}."


def compose_sentence(prefix: str | None, text: str, deadline: str | None, comma: bool = True) -> str:
    """Executors (already in the dative) + text + «, » + deadline as written + «.».

    A text that already ends a sentence (or introduces sub-items with «:» or «;») gets no
    second full stop; before a deadline the text's own final punctuation gives way to the comma
    (or, with ``comma=False``, to a space: «…ДК» в срок до 31.01.2024 г.»).
    """
    body = text.strip()
    if prefix:
        body = f"{prefix} {lower_first_word(body)}" if body else prefix
    if deadline:
        body = f"{body.rstrip('.,;: ')}{',' if comma else ''} {deadline.strip()}"
    if body and body[-1] not in SENTENCE_END:
        body += "."
    return body


def lower_first_word(text: str) -> str:
    """«Разработать …» → «разработать …» after an executor («Руководителям ОО разработать»);
    an abbreviation («МОУ», «ВПР») or a word with capitals inside keeps its case."""
    word = text.split(" ", 1)[0]
    if len(word) > 1 and word[0].isupper() and word[1:] == word[1:].lower() and word[1:].isalpha():
        return text[0].lower() + text[1:]
    return text


def join_names(names: Iterable[str]) -> str:
    return ", ".join(n for n in names if n)


# --- the view ------------------------------------------------------------------------------------


def people_count(number: int, unit: str = "человек") -> str:
    """«59 человек», «3 человека», «21 человек»: the number and its word. Only «человек» agrees
    with the number; any other word («чел.», «педагогов») is printed as written."""
    if unit != "человек":
        return f"{number}{NBSP}{unit}"
    tens, last = number % 100, number % 10
    word = "человека" if 2 <= last <= 4 and not 12 <= tens <= 14 else "человек"
    return f"{number}{NBSP}{word}"


def vote_line(for_: int | str, against: int | None, abstained: int | None) -> str:
    """«Голосовали: за — 12, против — нет, воздержались — 1.» or «Голосовали: единогласно.»; a
    zero prints «нет», as secretaries write it; a number not given is left out."""
    if not isinstance(for_, int):
        return f"Голосовали: {for_}."
    parts = [f"за — {for_ or 'нет'}"]
    for word, value in (("против", against), ("воздержались", abstained)):
        if value is not None:
            parts.append(f"{word} — {value or 'нет'}")
    return "Голосовали: " + ", ".join(parts) + "."
