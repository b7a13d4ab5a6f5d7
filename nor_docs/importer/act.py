"""Documents of other kinds than protocols — a collegium's or a council's decision, an order, a
directive, a resolution — recognised by the kind catalogue (``model/kinds.yaml``), not by a list
of our own.

A kind is known by its heading word («ПРИКАЗ», «РЕШЕНИЕ КОЛЛЕГИИ», «Распоряжение от …») and by
the formula before its items: the catalogue's verb in any form and person («ПОСТАНОВЛЯЮ:» is also
«Администрация … постановляет:», «Совет решил:» is also «Совет … решил:»), its subject telling
the kinds with one heading apart («РЕШЕНИЕ» of a council or of a school's board). A directive has
no formula: its preamble ends with a colon.

The paper is read top down: the header lines (the issuer as printed), the heading with the date
and number (or a line of its own: «14 марта 2007 г.   N 55»), the place, the title «О …», the
preamble up to the formula, the numbered items (``decisions.DecisionList``, as a protocol's), the
control clause («Контроль … возложить на …», «… оставляю за собой»), the signature; a site's
card after it («Распоряжение / 500 / 16 октября 2007 года») gives what the top did not.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from ..model.kinds import Kind, builtin_kinds
from .blocks import Block, Paragraph
from .dates import find_date
from .decisions import DecisionList, label, number_of
from .draft import Node
from .people import _parses, find_names
from .refs import Ref
from .signatures import position_like, read_tail, starts_signatures

# «№ 1», «N 55», «№ 699-Р», «N V-35/9», «N XXIV/X-199» (a council's session number in roman)
_NUMBER = re.compile(r"(?:№|\bN(?=\s?[\dIVXLC]))\s*([\dIVXLC][\w\-/.]*[\dа-яА-Я]|\d)")
_PLACE = re.compile(r"^(?:г|с|п|пос|пгт|рп|р\.п|д|х|ст)\.\s?[А-ЯЁ][^\d.:;]{0,60}$")
_TITLE = re.compile(r"^(?:О|Об|Обо)\s+\S", re.S)
_PROTOCOL = re.compile(r"^\s*(?:протокол|выписка\s+из\s+протокола)\b", re.I)
_CONTROL = re.compile(r"^\s*контроль\b", re.I)
_SELF = re.compile(r"оставляю\s+за\s+собой|возлагаю\s+на\s+себя|осуществляю\s+лично", re.I)
_ON_WHOM = re.compile(r"\b(?:возложить|возлагается|возлагаю|поручить)\s+на\s+(.+?)\s*[.;]?\s*$", re.I | re.S)
_FORMULA_END = re.compile(r"([А-ЯЁа-яё]+)\s*:\s*$")
_WORD = re.compile(r"[«\"“]?[А-ЯЁа-яё][А-ЯЁа-яё-]*[»\"”]?")
_DATE_START = re.compile(r"^\d{1,2}(?:\s+[а-я]+\s+\d{4}|\.\d{1,2}\.\d{2,4})", re.I)
_CUT = re.compile(r"\[…\]|\[\.\.\.\]")


def act_kinds() -> list[Kind]:
    """The catalogue's kinds that are not a meeting's protocol: those titled «О …» or freely (not a
    report on execution: its rows are ``reports:`` entries, which the importer does not read)."""
    return [k for k in builtin_kinds().values() if k.title_style != "meeting-genitive" and not k.report]


@functools.cache
def _lemma(word: str) -> str:
    parses = _parses(word.lower())
    return parses[0].normal_form if parses else word.lower()


def _formula_parts(kind: Kind) -> tuple[str, list[str]] | None:
    """(the verb's lemma, the subject's lemmas) of the kind's formula, or None without one."""
    if not kind.formula:
        return None
    words = re.findall(r"[А-ЯЁа-яё]+", kind.formula)
    return _lemma(words[-1]), [_lemma(w) for w in words[:-1]]


def _heading_pattern(kind: Kind) -> re.Pattern | None:
    if not kind.heading:
        return None
    words = r"\s+".join(re.escape(w) for w in kind.heading.split())
    return re.compile(rf"^\s*{words}(?![А-ЯЁа-яё])", re.I)


@dataclass
class Formula:
    """The formula as written in a paragraph: its words, where they start, the verb's lemma and
    the lemmas of its subject."""

    text: str
    start: int
    verb: str
    subject: list[str]


def find_formula(text: str) -> Formula | None:
    """The formula ending ``text`` («… коллегия РЕШАЕТ:», «ПРИКАЗЫВАЮ:»), when its verb is one
    of the catalogue's."""
    text = text.rstrip()
    match = _FORMULA_END.search(text)
    if match is None:
        return None
    verbs = {parts[0] for k in act_kinds() if (parts := _formula_parts(k))}
    verb = _lemma(match.group(1))
    if verb not in verbs:
        return None
    start = match.start(1)
    subject: list[str] = []
    parses = _parses(match.group(1).lower())
    if parses and "1per" not in parses[0].tag:
        # the subject: back from the verb to the nearest noun in the nominative (a few words at most)
        words = list(_WORD.finditer(text[:start]))[-6:]
        for word in reversed(words):
            between = text[word.end():start]
            if re.search(r"[,.;:]", between):
                break
            bare = word.group(0).strip("«»\"“”")
            if any(p.tag.POS == "NOUN" and "nomn" in p.tag for p in _parses(bare.lower())[:2]):
                start = word.start()
                subject = [_lemma(w) for w in re.findall(r"[А-ЯЁа-яё]+", text[start:match.start(1)])]
                break
    return Formula(text[start:], start, verb, subject)


@dataclass
class Act:
    """A recognised document of a kind other than a protocol."""

    kind: Kind
    heading: str | None = None  # the heading line as printed
    issuer_lines: list[str] = field(default_factory=list)
    date: str | None = None  # DD.MM.YYYY
    short_year: bool = False
    number: str | None = None
    place: str | None = None
    title: str | None = None
    preamble: str | None = None
    formula: str | None = None
    formula_inline: bool = False
    formula_subject: str | None = None  # «Администрация Заполярного района»
    decisions: list[Node] = field(default_factory=list)
    control: list[tuple[Node, Ref | str]] = field(default_factory=list)  # the control clause: item, whom
    signers: list[Node] = field(default_factory=list)
    from_card: list[str] = field(default_factory=list)  # «вид», «дата», «номер» read after the signature
    left_as_text: list[str] = field(default_factory=list)
    cut: bool = False  # the text breaks off («[…]»)


def _paragraphs(blocks: list[Block]) -> list[tuple[int, str]]:
    return [(i, b.flat) for i, b in enumerate(blocks) if isinstance(b, Paragraph) and b.flat]


def split_lines(blocks: list[Block]) -> list[Block]:
    """Each line its own paragraph, but for a line that goes on in lower case: pasted text puts a
    document's items, its signature and a site's card on lines of one paragraph."""
    result: list[Block] = []
    for block in blocks:
        if not isinstance(block, Paragraph) or len(block.lines) < 2:
            result.append(block)
            continue
        parts: list[str] = []
        for line in block.lines:
            if parts and line[:1].islower() and not _item(line):
                parts[-1] = f"{parts[-1]}\n{line}"
            else:
                parts.append(line)
        result.extend(Paragraph(part, block.style) for part in parts)
    return result


def _item(text: str) -> str | None:
    """The item number opening ``text`` («1.», «1.3.», «2)»), not a date («14 марта 2007 г.»)."""
    number, rest = number_of(text)
    if number is None or not rest or _DATE_START.match(text):
        return None
    return number


def _heading_kinds(text: str) -> list[Kind]:
    """The kinds whose heading opens ``text``, the longest heading first."""
    found = [(len(k.heading or ""), k) for k in act_kinds() if (p := _heading_pattern(k)) and p.match(text)]
    top = max((n for n, _k in found), default=0)
    return [k for n, k in found if n == top]


def _choose(candidates: list[Kind], formula: Formula | None) -> Kind | None:
    """The kind among ``candidates`` (all of the catalogue's when empty) whose formula fits best."""
    pool = candidates or [k for k in act_kinds() if formula is not None and (p := _formula_parts(k)) and p[0] == formula.verb]
    if not pool:
        return None
    if formula is None:
        return pool[0]

    def fit(kind: Kind) -> tuple[int, int]:
        parts = _formula_parts(kind)
        if parts is None:
            return (0, 0)
        verb, subject = parts
        shared = len(set(subject) & set(formula.subject))
        return (int(verb == formula.verb) + 2 * shared - (len(subject) - shared), 0)

    return max(pool, key=fit)


def act_score(blocks: list[Block]) -> int:
    """How strongly ``blocks`` look like one of the catalogue's documents other than a protocol:
    a heading word (3) and a formula or a colon before the numbered items (3)."""
    paragraphs = _paragraphs(split_lines(blocks))
    if any(_PROTOCOL.match(text) for _i, text in paragraphs[:8]):
        return 0
    return 6 if _find_kind(paragraphs) is not None else 0


def _find_kind(paragraphs: list[tuple[int, str]]) -> tuple[Kind, int | None, int | None, Formula | None] | None:
    """(kind, the heading's paragraph, the formula's paragraph, the formula) — by the heading at
    the top or alone after the text, and the formula."""
    first_item = next((n for n, (_i, text) in enumerate(paragraphs) if _item(text) is not None), len(paragraphs))
    heading_at = next((n for n, (_i, text) in enumerate(paragraphs[:min(8, first_item)]) if _heading_kinds(text)), None)
    if heading_at is None:
        heading_at = next((n for n, (_i, text) in enumerate(paragraphs) if n > 2 and len(text) < 40
                           and _heading_kinds(text) and not _item(text)), None)  # fmt: skip
    formula_at, formula = None, None
    for n, (_i, text) in enumerate(paragraphs[:40]):
        if _item(text) is not None:
            break
        found = find_formula(text)
        if found is not None:
            formula_at, formula = n, found
            break
    candidates = _heading_kinds(paragraphs[heading_at][1]) if heading_at is not None else []
    kind = _choose(candidates, formula)
    if kind is None:
        return None
    if formula is None and heading_at is None:
        return None
    if formula is None:
        # no formula: the items must follow a paragraph ending with a colon
        numbered = next((n for n, (_i, text) in enumerate(paragraphs) if _item(text) is not None), None)
        if numbered is None or numbered == 0 or not paragraphs[numbered - 1][1].rstrip().endswith(":"):
            return None
    return kind, heading_at, formula_at, formula


def _take_requisites(act: Act, text: str) -> None:
    date = find_date(text)
    if date is not None and act.date is None:
        act.date, act.short_year = date
    number = _NUMBER.search(text)
    if number is not None and act.number is None:
        act.number = number.group(1).rstrip(".")


def recognise_act(blocks: list[Block]) -> Act | None:
    blocks = split_lines(blocks)
    paragraphs = _paragraphs(blocks)
    found = _find_kind(paragraphs)
    if found is None:
        return None
    kind, heading_at, formula_at, formula = found
    act = Act(kind)
    first_item = next((n for n, (_i, text) in enumerate(paragraphs) if _item(text) is not None), len(paragraphs))
    top_end = 0
    if heading_at is not None and heading_at < min(8, first_item):
        act.heading = paragraphs[heading_at][1]
        act.issuer_lines = [text for _i, text in paragraphs[:heading_at]]
        _take_requisites(act, act.heading)
        top_end = heading_at + 1
    # the requisites, place and title between the heading and the preamble
    n = top_end
    while n < len(paragraphs):
        text = paragraphs[n][1]
        if formula_at is not None and n >= formula_at or _item(text) is not None:
            break
        if _TITLE.match(text) and act.title is None:
            act.title = text
        elif _PLACE.match(text) and act.place is None:
            act.place = text.rstrip(".")
        elif find_date(text) is not None and len(text) < 80 and act.date is None:
            _take_requisites(act, text)
            rest = re.sub(r"\s{2,}", "  ", text).split("  ")[-1]
            if _PLACE.match(rest.strip()) and act.place is None:
                act.place = rest.strip()
        elif find_date(text) is not None and len(text) < 80:
            pass
        else:
            break
        n += 1
    # the preamble: up to the formula, or up to the paragraph before the items that ends with «:»
    preamble: list[str] = []
    while n < len(paragraphs):
        text = paragraphs[n][1]
        if _item(text) is not None:
            break
        if formula_at is not None and n == formula_at and formula is not None:
            before = text[: formula.start].rstrip()
            if before:
                preamble.append(before)
            act.formula = formula.text.strip()
            act.formula_inline = bool(before)
            subject = act.formula[: act.formula.rfind(" ")] if " " in act.formula else ""
            act.formula_subject = subject or None
            n += 1
            break
        preamble.append(text)
        n += 1
    act.preamble = "\n\n".join(preamble) or None
    # the items, then the signature
    items = DecisionList()
    controls: dict[str, Ref | str] = {}
    tail_from = len(blocks)
    after = paragraphs[n - 1][0] + 1 if 0 < n <= len(paragraphs) else 0  # the block after the last one read
    while n < len(paragraphs):
        index, text = paragraphs[n]
        number = _item(text)
        if number is not None:
            rest = number_of(text)[1]
            items.paragraph(text)
            whom = _control_clause(rest)
            if whom is not None:
                controls[number] = whom
            if _CUT.search(text):
                act.cut = True
        elif starts_signatures(blocks, index) or position_like(text) or _CUT.search(text) or (
                items.current is not None and str(items.current["number"]) in controls) or _heading_kinds(text):
            tail_from = index
            break
        else:
            items.paragraph(text)
        after = index + 1
        n += 1
    else:
        tail_from = after  # a table of signatures after the last paragraph
    act.decisions = items.finish()
    for node in _walk(act.decisions):
        _mark_a_dated_term(node)
        whom = controls.get(str(node["number"]))
        if whom is not None:
            node.set("text", node.extra.get("text", node.get("text")))
            for key in ("executors", "addressed_to", "executors_in_text", "deadline", "deadline_comma"):
                node.pop(key, None)
            node.notes.pop("text", None)
            node.set("on_control", False)
            act.control.append((node, whom))
    if tail_from < len(blocks):
        first = blocks[tail_from]
        if isinstance(first, Paragraph) and _CUT.search(first.flat):
            act.cut = True
        tail = read_tail(blocks, tail_from)
        act.signers = tail.signers
        _read_card(act, blocks[tail.end:] if tail.signers else blocks[tail_from:])
    return act


_MONTHS = r"(?:января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря)"
_YEAR_END = r"\d{4}(?:\s*г\.|\s*года)?"
# A term written out in full inside an item: «с 5 по 11 ноября 2007 года», «с 01.09.2023 по
# 07.09.2023 года», «1 сентября 2023 года», «с 4 сентября 2023 года».
_DATED_TERM = re.compile(
    rf"(?:с\s+\d{{1,2}}(?:\s+{_MONTHS})?\s+по\s+\d{{1,2}}\s+{_MONTHS}\s+{_YEAR_END}"
    rf"|с\s+\d{{2}}\.\d{{2}}\.\d{{4}}\s+по\s+\d{{2}}\.\d{{2}}\.{_YEAR_END}"
    rf"|(?:(?:до|с|к)\s+)?\d{{1,2}}\s+{_MONTHS}\s+{_YEAR_END})", re.I)


def _mark_a_dated_term(node: Node) -> None:
    """An item of an order is often timed by a date written out in its sentence, not after the
    verb and not at its end («Начать учебный год 1 сентября 2023 года торжественной линейкой»):
    when the deadline reader found none, the first such date it reads is marked [[…]] for a person
    to check."""
    text = node.get("text") or ""
    if "[[" in text or node.get("deadline") or node.get("on_control") is False:
        return
    from .deadlines import read_deadline

    for match in _DATED_TERM.finditer(text):
        words = match.group(0).rstrip(".") if not match.group(0).endswith("г.") else match.group(0)
        try:
            read_deadline(words)
        except ValueError:
            continue
        node.set("text", f"{text[:match.start()]}[[{words}]]{text[match.start() + len(words):]}")
        node.note("text", f"проверьте: «{words}» прочитано как срок пункта и отмечено [[…]]; если это не срок, "
                          "уберите двойные скобки")  # fmt: skip
        return


def _walk(nodes: list[Node]):
    for node in nodes:
        yield node
        yield from _walk(node.get("decisions", []))


def _control_clause(text: str) -> Ref | str | None:
    """Whom the control clause names: «self» («оставляю за собой»), a ``Ref`` to a person, or the
    words when no name is there; None when ``text`` is no control clause."""
    if not _CONTROL.match(text):
        return None
    if _SELF.search(text):
        return "self"
    match = _ON_WHOM.search(text)
    if match is None:
        return None
    phrase = match.group(1).strip()
    names = find_names(phrase)
    if not names:
        return Ref(phrase, None, "accusative", ("person",), by_position=True)
    mention = names[-1]
    bracketed = phrase[: mention.start].rstrip().endswith("(")
    position = phrase[: mention.start].strip(" (,") or None
    return Ref(mention.written, mention, "nominative" if bracketed else "accusative", ("person",),
               position=position if position and not bracketed else None)  # fmt: skip


def _read_card(act: Act, blocks: list[Block]) -> None:
    """A site's card after the text: the kind's word, the number, the date(s) — alone on lines."""
    lines = [line for b in blocks if isinstance(b, Paragraph) for line in b.lines]
    for line in lines:
        if _heading_kinds(line) and len(line) < 40:
            act.from_card.append("вид")
        elif re.fullmatch(r"\d[\w/-]{0,10}", line) and act.number is None:
            act.number = line
            act.from_card.append("номер")
        elif (date := find_date(line)) is not None and len(line) < 40:
            if act.date is None:
                act.date, act.short_year = date
                act.from_card.append("дата")
            elif date[0] != act.date:
                act.left_as_text.append(f"ещё одна дата после текста: «{line}»")


def number_label(number: str | None) -> int | str | None:
    return label(number) if number is not None else None
