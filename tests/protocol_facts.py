"""Test helpers: read a built DOCX back, and list the facts of a meeting record in the order the
protocol must show them. Used by the protocol tests over the test records and over records/."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import docx
from docx.table import Table
from docx.text.paragraph import Paragraph

from nor_docs.model.common import format_date
from nor_docs.russian.names import PersonName, position_in_case, short_name
from nor_docs.russian.typography import typeset

NBSP = "\u00a0"


@dataclass
class Line:
    text: str
    style: str  # paragraph style name, or "table"


def document_lines(path: Path) -> list[Line]:
    """The body in reading order: each paragraph, and each table cell (row by row)."""
    document = docx.Document(str(path))
    lines: list[Line] = []
    for element in document.element.body.iterchildren():
        tag = element.tag.rsplit("}", 1)[-1]
        if tag == "p":
            paragraph = Paragraph(element, document)
            lines.append(Line(paragraph.text, paragraph.style.name if paragraph.style is not None else ""))
        elif tag == "tbl":
            for row in Table(element, document).rows:
                for cell in row.cells:
                    lines.append(Line(cell.text, "table"))
    return lines


def norm(text: str) -> str:
    """Compare texts regardless of how spaces were typed (NBSP, runs of spaces) and of the
    typography a document adds (``typeset``: dashes, quotes, non-breaking hyphens)."""
    return " ".join(typeset(text).replace(NBSP, " ").replace("\u2011", "-").split())


@dataclass
class Fact:
    what: str  # a label for the failure message
    text: str  # must be contained in one line
    starts: bool = False  # the line must start with it


def find_in_order(lines: list[Line], facts: list[Fact]) -> list[str]:
    """The facts that are missing or out of order (empty when all are found in order)."""
    problems = []
    texts = [norm(line.text) for line in lines]
    position = 0
    for fact in facts:
        wanted = norm(fact.text)
        for index in range(position, len(texts)):
            if (texts[index].startswith(wanted) if fact.starts else wanted in texts[index]):
                position = index
                break
        else:
            anywhere = any(wanted in t for t in texts)
            where = "не на своём месте (раньше предыдущего факта)" if anywhere else "отсутствует"
            problems.append(f"{fact.what}: «{fact.text}» {where}")
    return problems


def _name(records, ref: str, case: str = "nominative", initials_first: bool = False) -> str:
    person = records.people[ref]
    return short_name(PersonName.of(person), case, initials_first)[0]


def _executor_dative(records, ref: str) -> str:
    if ref in records.people:
        return _name(records, ref, "dative", records.settings.documents.heard_case == "nominative")
    if ref in records.groups:
        group = records.groups[ref]
        return group.dative or group.name
    return "Руководству " + records.organizations[ref].display_name


def _flat_items(items):
    for item in items:
        yield item
        yield from _flat_items(item.items)


def _text_lines(text: str | None) -> list[str]:
    return [re.sub(r"^[-–•]\s+", "", ln.strip()) for ln in (text or "").split("\n") if ln.strip()]


def _is_chosen(number: str, chosen: set[str] | None) -> bool:
    if chosen is None:
        return True
    parts = str(number).rstrip(".").split(".")
    return any(".".join(parts[:n]) in chosen for n in range(1, len(parts) + 1))


def meeting_facts(meeting, records, items: list[str] | None = None) -> list[Fact]:
    """Every fact of ``meeting`` in the order its protocol (or extract of ``items``) shows it."""
    docs = records.settings.documents
    chosen = {str(i).rstrip(".") for i in items} if items is not None else None
    extract = chosen is not None or meeting.document == "extract"
    facts = [Fact("орган", records.organizations[meeting.issuer].name),
             Fact("вид документа", "ВЫПИСКА ИЗ ПРОТОКОЛА" if extract else "ПРОТОКОЛ", starts=True),
             Fact("дата", format_date(meeting.date, docs.date_style), starts=True)]  # fmt: skip
    if meeting.number is not None:
        facts.append(Fact("номер", f"№ {meeting.number}"))
    if meeting.place:
        facts.append(Fact("место", meeting.place))
    facts.append(Fact("заголовок", meeting.title))
    if meeting.time is not None:
        facts.append(Fact("время", f"{meeting.time:%H.%M}"))
    if meeting.format is not None and meeting.format.platform:
        facts.append(Fact("платформа", meeting.format.platform))
    if meeting.chair is not None:
        facts.append(Fact("председатель", _name(records, meeting.chair.person, initials_first=True)))
    appendix_list: list[Fact] = []
    for key, label in (("attendees", meeting.attendees_label or "Присутствовали"), ("invited", "Приглашённые"),
                       ("absent", "Отсутствовали")):  # fmt: skip
        entries = getattr(meeting, key)
        if not entries:
            continue
        facts.append(Fact(label, f"{label}:", starts=True))
        people = sorted((a for a in entries if a.person),
                        key=lambda a: records.people[a.person].surname.lower().replace("ё", "е"))  # fmt: skip
        lines = []
        for attendee in people:
            position = attendee.position or records.people[attendee.person].position
            if position and re.match(r"[А-ЯЁ][а-яё]+\b", position):  # lower case after the dash
                position = position[0].lower() + position[1:]
            lines.append(Fact(f"{label}: {attendee.person}", _name(records, attendee.person)
                              + (f" — {position}" if position else "")))  # fmt: skip
        for attendee in entries:
            if not attendee.person:
                text = attendee.text or (records.groups[attendee.group].name if attendee.group else
                                         records.organizations[attendee.organization].display_name)  # fmt: skip
                lines.append(Fact(f"{label}: группа", text[1:]))  # its first letter follows the list
        if key == "attendees" and len(people) > docs.attendees_list_limit:
            total = len(people) + sum(a.count or 0 for a in entries if not a.person)
            facts.append(Fact("число присутствовавших", f"{total} чел. (список прилагается)"))
            appendix_list = [Fact("список присутствовавших", "Список присутствовавших")] + lines
        else:
            facts.extend(lines)
    agenda = [item for item in _flat_items(meeting.agenda) if _is_chosen(item.number, chosen)]
    if agenda:
        facts.append(Fact("повестка", "ПОВЕСТКА ДНЯ:", starts=True))
    for item in agenda:
        facts.append(Fact(f"пункт повестки {item.number}", f"{str(item.number).rstrip('.')}. {item.title.strip()[:60]}",
                          starts=True))  # fmt: skip
        for speaker in item.speakers:
            if getattr(speaker, "text", None):
                facts.append(Fact(f"докладчик {item.number}", speaker.text.strip()[1:]))  # capitalised there
            elif speaker.person:
                genitive = not speaker.position or re.match(r"^[а-яё-]+(а|я|его|ого)(\s|,|$)", speaker.position, re.I)
                case = "genitive" if genitive else "nominative"
                facts.append(Fact(f"докладчик {item.number}", _name(records, speaker.person, case, True)))
                if speaker.position:
                    facts.append(Fact(f"докладчик {item.number}: должность", " ".join(speaker.position.split())))
    table = meeting.assignments_layout == "table"
    for item in agenda:
        for word, statements, case in (("СЛУШАЛИ:", item.heard, docs.heard_case), ("ВЫСТУПИЛИ:", item.spoke, "nominative")):
            if statements:
                facts.append(Fact(f"{item.number} {word}", word))
            for statement in statements:
                initials_first = docs.heard_case == "nominative"
                facts.append(Fact(f"{word} {statement.person}", _name(records, statement.person, case, initials_first)))
                if statement.position:  # in the name's case (test_names pins the inflection)
                    facts.append(Fact(f"{word} должность", position_in_case(statement.position, case)))
                for line in _text_lines(statement.text):
                    facts.append(Fact(f"{word} текст", line))
        facts.extend(_decision_facts(records, item.decisions, (), table, meeting.decision_word))
    general = [d for d in meeting.decisions if chosen is None or ("." in str(d.number).strip(".") and _is_chosen(d.number, chosen))]
    facts.extend(_decision_facts(records, general, (), table, meeting.decision_word))
    signers = [(s.person) for s in meeting.signers] or [
        r.person for r in (meeting.chair, meeting.secretary) if r is not None and "протокол" not in (r.label or "").lower()
    ]
    for person in signers:
        facts.append(Fact("подпись", _name(records, person, initials_first=True)))
    if (meeting.secretary is not None and "протокол" in (meeting.secretary.label or "").lower()
            and meeting.secretary.person not in signers):
        facts.append(Fact("протокол вела", meeting.secretary.label))
        facts.append(Fact("протокол вела: имя", _name(records, meeting.secretary.person, initials_first=True)))
    if extract:
        facts.append(Fact("заверение", "Верно", starts=True))
    referenced = {str(i.appendix) for i in agenda if i.appendix is not None}
    for appendix in meeting.appendices:
        if chosen is None or str(appendix.number) in referenced:
            facts.append(Fact("приложение", f"Приложение {appendix.number}", starts=True))
            facts.append(Fact("приложение: заголовок", appendix.title))
            if getattr(appendix, "subtitle", None):
                facts.append(Fact("приложение: подзаголовок", appendix.subtitle))
            for line in _text_lines(appendix.text):
                facts.append(Fact("приложение: текст", line))
            if appendix.table is not None:
                for row in appendix.table.rows:
                    facts.extend(Fact("приложение: таблица", ln) for cell in row for ln in _text_lines(cell))
            for line in _text_lines(getattr(appendix, "text_after", None)):
                facts.append(Fact("приложение: текст после таблицы", line))
    return facts + appendix_list


def _decision_facts(records, decisions, inherited, table: bool, word: str, top: bool = True) -> list[Fact]:
    facts: list[Fact] = []
    if decisions and top:
        facts.append(Fact(word, f"{word}:"))
    for decision in decisions:
        number = f"{str(decision.number).rstrip('.')}."
        if table:
            facts.append(Fact(f"решение {number}", number, starts=True))
            facts.append(Fact(f"решение {number}: текст", decision.text.strip()[1:]))
            if decision.deadline is not None:
                facts.append(Fact(f"решение {number}: срок", decision.deadline.as_written))
            for ref in decision.executors or inherited:
                facts.append(Fact(f"решение {number}: исполнитель", _nominative(records, ref)))
        else:
            facts.append(Fact(f"решение {number}", number, starts=True))
            if decision.executors_in_text:
                if decision.addressed_to:
                    facts.append(Fact(f"решение {number}: адресат", decision.addressed_to))
                else:
                    for ref in decision.executors:
                        facts.append(Fact(f"решение {number}: исполнитель", _executor_dative(records, ref)))
            facts.append(Fact(f"решение {number}: текст", decision.text.strip().rstrip(".;:,")[1:]))
            if decision.deadline is not None and not decision.deadline.in_text:  # in the text: not appended
                comma = "," if getattr(decision, "deadline_comma", True) else ""
                facts.append(Fact(f"решение {number}: срок", f"{comma} {decision.deadline.as_written}"))
            for bullet in decision.bullets:
                facts.append(Fact(f"решение {number}: пункт", bullet))
        facts.extend(_decision_facts(records, decision.decisions, tuple(decision.executors or inherited),
                                     table, word, top=False))  # fmt: skip
    return facts


def _nominative(records, ref: str) -> str:
    if ref in records.people:
        return records.people[ref].short
    if ref in records.groups:
        return records.groups[ref].name
    if ref in records.organizations:
        return records.organizations[ref].display_name
    return ""
