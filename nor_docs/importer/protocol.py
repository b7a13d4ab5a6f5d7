"""A protocol or an extract, recognised from its blocks into a meeting draft (with ``Ref`` values
for the resolver).

The document is read once, top to bottom: the heading up to the first part a protocol has
(``heading.py``); then the parts each word opens (``markers.py``) — roles and attendance
(``attendance.py``), the agenda (``agenda.py``), what was heard and said (``statements.py``),
the decisions (``decisions.py``) — either item by item («1. СЛУШАЛИ: … РЕШИЛИ: …», «По первому
вопросу…») or all at the end («Слушали: По 1 вопросу… По 2 вопросу… Решили: …»); after the last
of them the signatures (``signatures.py``) and whatever follows them (``appendices.py``).
Paragraphs no part claims go to the introduction, never away; what has no field in a record
(«ГОЛОСОВАЛИ: за — 12») is kept as a comment.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .agenda import Agenda
from .appendices import read_appendices
from .attendance import Attendance, attendee_from_count, entry, read_attendance, role
from .blocks import Block, Paragraph, Table
from .decisions import DecisionList, decision_columns, label, number_of
from .draft import PLACEHOLDER, Node
from .heading import Heading, kind_from_title, read_heading
from .markers import Marker, marker_of
from .people import name_at_start
from .refs import Ref
from .signatures import read_tail, starts_signatures
from .statements import Statement, join_paragraphs, opens_statement

_MAIN = {"heard", "spoke", "decided", "item", "voted"}
_START = {"chair", "secretary", "minutes", "attendees", "invited", "absent", "agenda", "theme"} | _MAIN


@dataclass
class Recognised:
    """A recognised protocol: the meeting draft (with refs), its heading, and what was seen."""

    meeting: Node
    heading: Heading
    left_as_text: list[str] = field(default_factory=list)  # paragraphs put into the introduction
    kept_as_comments: list[str] = field(default_factory=list)
    certified: str | None = None


@dataclass
class _Item:
    heard: list[Statement] = field(default_factory=list)
    spoke: list[Statement] = field(default_factory=list)
    decisions: DecisionList = field(default_factory=DecisionList)
    loose: list[str] = field(default_factory=list)  # paragraphs under СЛУШАЛИ with no speaker


def is_protocol(blocks: list[Block]) -> int:
    """How strongly ``blocks`` look like a protocol (0: not at all)."""
    score = 0
    for block in blocks[:400]:
        if isinstance(block, Table):
            continue
        first = block.text[:60]
        if re.match(r"^\s*(протокол|выписка\s+из\s+протокола)\b", first, re.I):
            score += 3
        marker = marker_of(block.text) if len(block.text) < 2000 else None
        if marker is not None and marker.kind in ("heard", "decided", "agenda", "attendees", "item"):
            score += 2
    return score


class _Reader:
    def __init__(self, blocks: list[Block]):
        self.blocks = blocks
        self.marks: list[Marker | None] = [
            marker_of(b.text) if isinstance(b, Paragraph) and len(b.text) < 3000 else None for b in blocks
        ]
        self.agenda = Agenda()
        self.items: dict[str, _Item] = {}
        self.general = DecisionList()
        self.intro: list[str] = []
        self.comments: list[str] = []
        self.theme: str | None = None
        self.roles: dict[str, Node] = {}
        self.attendance: dict[str, tuple[str, list[str]]] = {}
        self.attendees_label = ""  # «Принимали участие»: how the protocol names those present
        self.statement: Statement | None = None
        self.current_item: str | None = None
        self.section: str | None = None
        self.pending_role: tuple[str, str] | None = None
        self.target: DecisionList = self.general
        self.decision_word = "РЕШИЛИ"
        self.heard_markers = 0
        self.said_verb = ""  # «выступила» after «По первому вопросу»: the name is in the nominative
        self.numbered_speech = False  # «Слушали: 1. Фамилия …»: items numbered inside the section
        self.per_item = self._per_item_style()

    def _per_item_style(self) -> bool:
        numbered_heard = any(m is not None and m.kind in ("heard", "spoke", "decided") and m.number for m in self.marks)
        decided = sum(1 for m in self.marks if m is not None and m.kind == "decided")
        return numbered_heard or decided >= 2

    # --- items and statements -------------------------------------------------------------

    def item(self, number: str | None) -> _Item:
        if number is None:
            numbers = [str(n["number"]) for n in self.agenda.items]
            index = max(self.heard_markers - 1, 0)
            number = numbers[index] if index < len(numbers) else str(index + 1)
        return self.items.setdefault(number, _Item())

    def close_statement(self) -> None:
        self.statement = None

    def start_statement(self, mention, text: str, spoke: bool) -> None:
        self.close_statement()
        case = "nominative" if spoke or self.said_verb else "accusative"
        statement = Statement(mention, text[mention.end:], case, self.said_verb)
        item = self.item(self.current_item)
        (item.spoke if spoke else item.heard).append(statement)
        self.statement = statement

    def speech(self, text: str, spoke: bool) -> None:
        number, rest = number_of(text)
        if number is not None and "." not in number and name_at_start(rest) is not None and (
            not spoke or (self.numbered_speech and number in self.agenda.by_number and number != self.current_item)
        ):
            # «Слушали: 1. О.И.Мироненко- директора школ, который …», and after «Выступили:» of
            # item 1 the next «2. Ельцова С.И., …» is what was heard on item 2
            self.current_item = number
            self.numbered_speech = True
            self.section = "heard"
            spoke = False
            text = rest
        mention = opens_statement(text, spoke)
        if mention is not None:
            self.start_statement(mention, text, spoke)
            return
        if self.statement is not None:
            self.statement.paragraphs.append(text)
        else:
            self.item(self.current_item).loose.append(text)

    # --- markers --------------------------------------------------------------------------

    def marker(self, marker: Marker) -> None:
        kind = marker.kind
        self.said_verb = ""
        if kind not in ("heard", "spoke", "item"):
            self.close_statement()
        if kind in ("chair", "secretary", "minutes"):
            key = "chair" if kind == "chair" else "secretary"
            node = role(marker.label, marker.rest) if marker.rest else None
            if node is None and not marker.rest:
                self.pending_role = (key, marker.label)
            elif node is None:
                self.intro.append(f"{marker.label}: {marker.rest}")
            elif key not in self.roles:
                self.roles[key] = node
            self.section = "roles"
        elif kind in ("attendees", "invited", "absent"):
            self.section = kind
            self.attendance[kind] = (marker.rest, [])
            if kind == "attendees":
                self.attendees_label = marker.label
        elif kind == "agenda":
            self.section = "agenda"
            if marker.rest:
                self.agenda.paragraph(marker.rest)
        elif kind == "theme":
            if marker.rest:
                self.theme = " ".join(marker.rest.split())
                self.section = "intro"
            else:
                self.section = "agenda"
        elif kind in ("heard", "spoke"):
            if marker.number:
                self.current_item = marker.number
            elif kind == "heard":
                self.heard_markers += 1
                if self.per_item and self.current_item is not None and self.items.get(self.current_item, _Item()).heard:
                    self.current_item = None
            self.section = kind
            if marker.rest:
                self.speech(marker.rest, kind == "spoke")
        elif kind == "item":
            self.current_item = marker.number
            self.close_statement()
            self.said_verb = marker.verb if marker.verb.startswith("выступил") else ""
            self.section = "spoke" if marker.verb.startswith("выступил") and self.item(marker.number).heard else "heard"
            if marker.rest:
                self.speech(marker.rest, marker.verb.startswith("выступил") and self.section == "spoke")
        elif kind == "decided":
            if marker.label.lower().startswith("постановил"):
                self.decision_word = "ПОСТАНОВИЛИ"
            if marker.number:
                self.current_item = marker.number
                self.target = self.item(marker.number).decisions
            elif self.per_item and self.current_item is not None and not self.item(self.current_item).decisions.top:
                self.target = self.item(self.current_item).decisions
            else:
                self.target = self.general
            self.section = "decided"
            if marker.rest:
                self.target.paragraph(marker.rest)
        elif kind == "voted":
            self.comments.append(f"{marker.label}: {marker.rest}".strip(": "))
            self.section = "voted"

    # --- content --------------------------------------------------------------------------

    def content(self, block: Block) -> None:
        if isinstance(block, Table):
            self.table(block)
            return
        text = block.flat
        section = self.section
        if section == "roles" and self.pending_role is not None:
            key, label_text = self.pending_role
            node = role(label_text, text)
            self.pending_role = None
            if node is not None:
                self.roles.setdefault(key, node)
                return
        if section in ("attendees", "invited", "absent"):
            from .attendance import looks_like_entry

            if looks_like_entry(text):
                self.attendance[section][1].append(text)
            else:
                self.section = "intro"
                self.intro.append(text)
        elif section == "agenda":
            if not self.agenda.paragraph(text):
                self.section = "intro"
                self.intro.append(text)
        elif section in ("heard", "spoke"):
            self.speech(text, section == "spoke")
        elif section == "decided":
            self.target.paragraph(text)
        elif section == "voted":
            self.comments.append(text)
        else:
            self.intro.append(text)

    def table(self, table: Table) -> None:
        if self.section == "decided" or decision_columns(table) is not None:
            if self.target.add_table(table):
                self.section = "decided"
                return
        if self.section in ("attendees", "invited", "absent"):
            self.attendance[self.section][1].extend(", ".join(c for c in row if c) for row in table.rows)
            return
        if self.section == "agenda":
            for row in table.rows:
                cells = [c for c in row if c.strip()]
                if cells and not re.match(r"^(№|п/п)", cells[0]):
                    self.agenda.paragraph(" – ".join(cells) if not number_of(cells[0])[0] or len(cells) < 2
                                          else f"{cells[0]} {' – '.join(cells[1:])}")  # fmt: skip
            return
        rows = "\n".join(" | ".join(c for c in row if c) for row in table.rows)
        if self.statement is not None:
            self.statement.paragraphs.append(rows)
        else:
            self.intro.append(rows)

    # --- the whole ------------------------------------------------------------------------

    def read(self) -> Recognised:
        blocks, marks = self.blocks, self.marks
        head_end = next((i for i, m in enumerate(marks) if m is not None and m.kind in _START), len(blocks))
        head_lines: list[str] = []
        chair_without_label: Node | None = None
        for block in blocks[:head_end]:
            if isinstance(block, Table):
                head_lines.extend(c for row in block.rows for c in row if c.strip())
                continue
            mention = name_at_start(block.text)
            if mention is not None and mention.start == 0 and head_lines and chair_without_label is None:
                position = block.flat[len(mention.written):].strip(" ,—–-") or None
                ref = Ref(mention.written, mention, "nominative", ("person",), position=position)
                chair_without_label = Node("role", person=ref, position=position)
                continue
            head_lines.extend(block.lines)
        heading = read_heading(head_lines)
        last_main = max((i for i, m in enumerate(marks) if m is not None and m.kind in _MAIN), default=-1)
        tail_start = len(blocks)
        for i in range(head_end, len(blocks)):
            block, marker = blocks[i], marks[i]
            if marker is not None and marker.kind in ("certified", "appendix", "attendee_list") and i > last_main:
                tail_start = i
                break
            if isinstance(block, Table) and self.section == "decided" and decision_columns(block) is not None:
                self.content(block)
                continue
            if (i > last_main and self.section in ("decided", "heard", "spoke", "voted", "intro", "roles")
                    and starts_signatures(blocks, i, lone_names=self.section not in ("heard", "spoke"))):  # fmt: skip
                tail_start = i
                break
            if marker is not None and marker.kind in _START:
                self.marker(marker)
            else:
                self.content(block)
        tail = read_tail(blocks, tail_start)
        referenced: list[int] = [number for n in self.agenda.items if (number := n.get("appendix"))]
        appendices = read_appendices(blocks[tail.end:], referenced[0] if referenced else 1)
        if chair_without_label is not None and "chair" not in self.roles:
            self.roles["chair"] = chair_without_label
        for key, node in (("chair", tail.chair), ("secretary", tail.secretary)):
            if node is not None and key not in self.roles:
                self.roles[key] = node
        meeting = self._meeting(heading, tail, appendices)
        return Recognised(meeting, heading, heading.left + self.intro, self.comments, tail.certified)

    def _attendees(self, kind: str, appended_lines: list[str] | None) -> list[Node] | None:
        if kind not in self.attendance:
            return None
        first, paragraphs = self.attendance[kind]
        result: Attendance = read_attendance(first, paragraphs)
        entries = list(result.entries)
        if kind == "attendees" and appended_lines and (result.appended or not entries):
            entries = [node for node in (entry(line) for line in appended_lines) if node is not None]
        if not entries and result.count:
            return [attendee_from_count(result.count, result.count_text)]
        if result.count and entries and len(entries) != result.count and not result.appended:
            entries[0].note(None, f"проверьте: в протоколе «{result.count} чел.», а названо {len(entries)}")
        return entries

    def _meeting(self, heading: Heading, tail, appendices) -> Node:
        agenda_items = self.agenda.items
        for number, item in self.items.items():
            node = self.agenda.item(number)
            if item.loose and not item.heard and not item.spoke:
                node.note("heard", "проверьте: текст под «Слушали» без имени докладчика — оставлен во введении (intro)")
                self.intro.extend(item.loose)
            elif item.loose:
                target = (item.heard or item.spoke)[-1]
                target.paragraphs.extend(item.loose)
            node.set("heard", [s.node() for s in item.heard])
            node.set("spoke", [s.node() for s in item.spoke])
            node.set("decisions", item.decisions.finish())
        general = self.general.finish()
        general = self._attach_numbered(general)
        general = self._last_item_decisions(general)
        title = heading.title or PLACEHOLDER
        kind = kind_from_title(heading.title) if heading.title else PLACEHOLDER
        date = heading.date or PLACEHOLDER
        fmt = None
        if heading.mode or heading.platform:
            fmt = Node("format", mode=heading.mode or "ВКС", platform=heading.platform)
        issuer = Ref(heading.organization or "", None, None, ("organization",))
        attendees = self._attendees("attendees", appendices.attendee_lines)
        meeting = Node(
            "meeting",
            document="extract" if heading.document == "extract" else None,
            kind=kind,
            title=title,
            issuer=issuer,
            number=label(heading.number) if heading.number and heading.number.isdigit() else heading.number,
            date=date,
            time=heading.time,
            place=heading.place,
            format=fmt,
            chair=self.roles.get("chair"),
            secretary=self.roles.get("secretary"),
            attendees_label=_attendees_label(self.attendees_label) if attendees else None,
            attendees=attendees,
            invited=self._attendees("invited", None),
            absent=self._attendees("absent", None),
            theme=self.theme,
            intro=join_paragraphs(heading.left + self.intro),
            agenda=agenda_items,
            decisions=general,
            decision_word="ПОСТАНОВИЛИ" if self.decision_word == "ПОСТАНОВИЛИ" else None,
            assignments_layout="table" if self.general.table or any(i.decisions.table for i in self.items.values())
            else None,
            signers=tail.signers,
            appendices=appendices.items,
        )
        if heading.title is None:
            meeting.note("title", "проверьте: заголовок (вид заседания в родительном падеже) не найден — впишите его")
            meeting.note("kind", "проверьте: вид заседания не найден — впишите его («заседание рабочей группы»)")
        elif heading.title_from_nominative:
            meeting.note("title", "проверьте: заголовок написан в именительном падеже — поставлен в родительный")
        if heading.date is None:
            meeting.note("date", "проверьте: дата заседания не найдена — впишите её (ДД.ММ.ГГГГ)")
        elif heading.date_short_year:
            meeting.note("date", "проверьте: год в дате записан двумя цифрами — прочитан как 20ГГ")
        lists = [self.general] + [i.decisions for i in self.items.values()]
        if any(d.table for d in lists) and any(d.top and not d.table for d in lists):
            meeting.note("assignments_layout", "проверьте: одни решения в протоколе записаны текстом, другие — таблицей; "
                                               "в записи вид один на весь протокол — выбрана таблица")  # fmt: skip
        if heading.mode and not heading.platform and heading.mode != "очно":
            meeting.note("format", "проверьте: форма проведения определена по словам заголовка")
        for text in self.comments:
            meeting.note("signers" if tail.signers else None, f"в протоколе: {text}")
        for note in appendices.notes:
            meeting.note("appendices", f"проверьте: {note}")
        if not agenda_items and not general:
            meeting.note(None, "проверьте: не найдены ни повестка, ни решения — текст протокола во введении (intro)")
        return meeting

    def _last_item_decisions(self, general: list[Node]) -> list[Node]:
        """«1. СЛУШАЛИ: … 2. СЛУШАЛИ: … РЕШИЛИ: 1. … 5.»: decisions numbered 1, 2, 3 under the last
        item of several, no other item with decisions, are the meeting's, not the last item's."""
        items = self.agenda.items
        with_decisions = [n for n in items if n.get("decisions")]
        if general or len(items) < 2 or with_decisions != [items[-1]]:
            return general
        last = items[-1]
        prefix = f"{last['number']}."
        if any(str(d["number"]).startswith(prefix) for d in last["decisions"]):
            return general
        moved = last.pop("decisions")
        return moved

    def _attach_numbered(self, general: list[Node]) -> list[Node]:
        """Decisions «4.1», «4.2» under one «РЕШИЛИ» belong to agenda item 4 (an extract's table)."""
        if not general:
            return general
        heads = {str(n["number"]).split(".")[0] for n in general}
        dotted = all("." in str(n["number"]) for n in general)
        if dotted and len(heads) == 1:
            number = heads.pop()
            if number in self.agenda.by_number:
                node = self.agenda.by_number[number]
                node.set("decisions", list(node.get("decisions", [])) + general)
                return []
        return general


def _attendees_label(label: str) -> str | None:
    """The protocol's word for those present when it is other words than «Присутствовали» (in any
    form: «Присутствовало: 59 человек»), as the record keeps it: «Принимали участие», «Участники»."""
    label = " ".join(label.split()).rstrip(" :.")
    if not label or re.fullmatch(r"присутствовал\w*", label.lower()):
        return None
    return label[:1].upper() + label[1:].lower() if label.isupper() else label


def recognise_protocol(blocks: list[Block]) -> Recognised:
    return _Reader(blocks).read()

