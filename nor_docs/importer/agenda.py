"""The agenda: numbered items (sub-items nested by number), each with its speakers and appendix.

An item names its speaker in one of the ways offices write it: «… – С.В. Червова, заместитель
начальника …;», «…, докладчик Л.И.Заводчикова, заведующий …», «… Докладчик — Л.И. Заводчикова,
…», «… Доклад начальника отдела И.И. Иванова», «– доклад директора школы Романова В.Е. и
обсуждение доклада», «(докл. Иванова И.И.)», or a group («– руководители муниципальных
образовательных организации»). «(приложение 1)» at the end is the appendix the item refers to.
"""

from __future__ import annotations

import re

from .decisions import label, number_of, split_top_level
from .draft import Node
from .people import _parses, find_names, name_at_end, name_at_start
from .refs import Ref

_APPENDIX = re.compile(r"\s*\(\s*приложени[ея]\s*(?:№\s*)?(\d+)\s*\)\s*\.?\s*$", re.I)
_SPEAKER_WORD = re.compile(
    r"^(.*?)[.;,]?\s*\(?\s*(?:докладчик(?:и)?|докладывает|докладывают|докл\.|выступающ\w+|отв\.|ответственн\w+)"
    r"\s*[:—–-]?\s*(.+?)\)?\s*[.;]?$",
    re.I | re.S,
)
_REPORT_OF = re.compile(r"^(.*?\S)(?:\.|\s+[—–-])?\s+(?:[Дд]оклад|[Дд]оклады|[Ии]нформация|[Сс]ообщение|[Оо]тч[её]т)\s+"
                        r"(.+?)[.;]?$", re.S)  # fmt: skip
_REPORT_IN_BRACKETS = re.compile(r"^(.*?\S)\s*\(\s*(?:[Дд]оклад|[Ии]нформация|[Сс]ообщение)\s+([^()]+)\)\s*\.?$", re.S)
_DASH = re.compile(r"\s+[—–-]\s+")
_TAIL_JUNK = re.compile(r"\s+и\s+обсуждение\s+доклада\s*$|\s+с\s+обсуждением\s*$", re.I)


def _group_like(text: str, case: str = "nomn") -> bool:
    """«руководители …», «классные руководители …», «директора школ»: a plural noun phrase (in
    ``case``)."""
    for word in re.findall(r"[А-ЯЁа-яё]+", text)[:3]:
        parses = _parses(word)
        if any(p.tag.POS == "NOUN" and "plur" in p.tag and case in p.tag for p in parses[:2]):
            return True
        if not any(p.tag.POS in ("ADJF", "PRTF") and "plur" in p.tag for p in parses[:2]):
            return False
    return False


def _speaker(text: str, case: str) -> Node:
    text = text.strip(" .;,")
    if case == "genitive":
        mention = name_at_end(text)
        if mention is not None:
            position = text[: mention.start].strip(" ,") or None
            return Node("speaker", person=Ref(mention.written, mention, case, ("person",), position=position),
                        position=position)  # fmt: skip
    mention = name_at_start(text)
    if mention is not None:
        position = text[mention.end:].strip(" ,—–-") or None
        return Node("speaker", person=Ref(mention.written, mention, case, ("person",), position=position),
                    position=position)  # fmt: skip
    return Node("speaker", group=Ref(text, None, case, ("group",)), text=text)


# A further speaker after «; » opens with its own words: «; докладчики — ШМО учителей математики»,
# «; доклад руководителей ОО» (then in the genitive).
_NEXT_SPEAKER = re.compile(r"^(?:(докладчик(?:и)?|докладывает|докладывают|докл\.)\s*[:—–-]?\s*|"
                           r"(доклады?|информация|сообщение)\s+)", re.I)


def _speakers(text: str, case: str) -> list[Node]:
    nodes: list[Node] = []
    for part in split_top_level(text, ";"):
        if not part.strip(" ."):
            continue
        lead = _NEXT_SPEAKER.match(part) if nodes else None
        if lead is None:
            nodes.append(_speaker(part, case))
        elif lead.group(2) and name_at_end(part[lead.end():].strip(" .;")) is None:
            words = part[lead.end():].strip(" .;")  # «доклад руководителей ОО»: a group in the genitive
            nodes.append(Node("speaker", group=Ref(words, None, "genitive", ("group",))))
        else:
            nodes.append(_speaker(part[lead.end():], "genitive" if lead.group(2) else "nominative"))
    return nodes


def split_item(text: str) -> tuple[str, list[Node], int | None]:
    """(title, speakers, appendix number) of an agenda item's text (without its number)."""
    text = text.strip()
    appendix = None
    match = _APPENDIX.search(text)
    if match:
        appendix = int(match.group(1))
        text = text[: match.start()].rstrip()
    original = text
    text = _TAIL_JUNK.sub("", text.rstrip(" ;")).rstrip()
    said = _SPEAKER_WORD.match(text)
    if said and said.group(1).strip():
        return said.group(1).strip(" ,;"), _speakers(said.group(2), "nominative"), appendix
    paren = _REPORT_IN_BRACKETS.match(text)
    if paren and name_at_end(paren.group(2).strip(" .;")):
        return paren.group(1).strip(" ,;"), _speakers(paren.group(2), "genitive"), appendix
    report = _REPORT_OF.match(text)
    if report and find_names(report.group(2)) and name_at_end(report.group(2).strip(" .;")):
        return report.group(1).strip(" ,;—–-"), _speakers(report.group(2), "genitive"), appendix
    if report and not find_names(report.group(2)) and _group_like(report.group(2), "gent") and len(report.group(2)) < 120:
        words = report.group(2).strip(" .;")  # «Доклад руководителей ОО»
        return report.group(1).strip(" ,;—–-"), [Node("speaker", group=Ref(words, None, "genitive", ("group",)))], appendix
    for dash in _DASH.finditer(text):
        tail = text[dash.end():].strip(" .;")
        head = text[: dash.start()].strip()
        if not head:
            continue
        if name_at_start(tail) is not None or (_group_like(tail) and not find_names(head[-40:])):
            if name_at_start(tail) is None and len(tail) > 120:
                continue
            return head.rstrip(" ,;"), _speakers(tail, "nominative"), appendix
        if re.match(r"(?:доклад|доклады|информация|сообщение)\s", tail, re.I):
            genitive = re.sub(r"^(?:доклад|доклады|информация|сообщение)\s+", "", tail, flags=re.I)
            if name_at_end(genitive) is not None:
                return head.rstrip(" ,;"), _speakers(genitive, "genitive"), appendix
            if _group_like(genitive) or genitive:
                return head.rstrip(" ,;"), [Node("speaker", group=Ref(genitive, None, "genitive", ("group",)),
                                                 text=tail)], appendix  # fmt: skip
    last = _last_sentence(text)
    if last is not None:
        head, tail = last
        if _group_like(tail) and len(tail) <= 150 and not find_names(tail) and not _has_verb(tail):
            # «… управления качеством образования. Руководители муниципальных образовательных
            # организаций.» — a group named as the speaker after the title
            return head, [Node("speaker", group=Ref(tail, None, "nominative", ("group",)), text=tail)], appendix
    return (original if appendix is None else text).strip(), [], appendix


def _last_sentence(text: str) -> tuple[str, str] | None:
    from .statements import sentence_break

    matches = list(re.finditer(r"\.\s+(?=[А-ЯЁ])", text))
    for match in reversed(matches):
        if sentence_break(text[: match.end() + 1]) and _outside_quotes(text, match.start()):
            return text[: match.start() + 1].strip(), text[match.end():].strip(" .;")
        break
    return None


def _outside_quotes(text: str, index: int) -> bool:
    before = text[:index]
    return before.count("«") <= before.count("»")


def _has_verb(text: str) -> bool:
    for word in re.findall(r"[А-ЯЁа-яё]+", text):
        parses = _parses(word)
        if parses and parses[0].tag.POS in ("VERB", "INFN"):
            return True
    return False


class Agenda:
    """Agenda items as they come; «2.1.» goes under item 2."""

    def __init__(self) -> None:
        self.items: list[Node] = []
        self.by_number: dict[str, Node] = {}
        self.auto = 0

    def paragraph(self, text: str) -> bool:
        """Take ``text`` as an item; False when it is not one (the agenda has ended)."""
        text = text.strip()
        if re.fullmatch(r"[.…\s]+", text):
            return True  # «....»: items left out of an extract
        number, rest = number_of(text)
        if number is None:
            if self.items and not re.match(r"^\s*[-–—•*·▪]\s", text):
                return False
            rest = re.sub(r"^\s*[-–—•*·▪]\s*", "", text)
            self.auto += 1
            number = str(len(self.items) + 1)
        elif not rest:
            return False
        title, speakers, appendix = split_item(rest)
        node = Node("agenda_item", number=label(number), title=title or rest, speakers=speakers, appendix=appendix)
        parent = self.by_number.get(number.rsplit(".", 1)[0]) if "." in number else None
        if parent is not None:
            parent.setdefault("items", []).append(node)
        else:
            self.items.append(node)
        self.by_number[number] = node
        return True

    def item(self, number: str | None) -> Node:
        """Item ``number`` (made if the agenda did not list it)."""
        if number is not None and number in self.by_number:
            return self.by_number[number]
        number = number or str(len(self.items) + 1)
        node = Node("agenda_item", number=label(number), title="…")
        node.note("title", "проверьте: пункта нет в повестке — впишите его название")
        self.items.append(node)
        self.by_number[number] = node
        return node
