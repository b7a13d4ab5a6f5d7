"""The control sheet «view»: control items as of a day turned into the strings its document shows.

``control_sheet_view`` takes the control items (``nor_docs.control``) and the records they came
from and returns plain dicts and lists of formatted Russian strings that the DOCX template
(``templates/control-sheet.docx``) only has to place. It knows nothing of YAML or of DOCX.

**The first page** is what the head reads: the organisation, «КОНТРОЛЬНЫЙ ЛИСТ исполнения
поручений по состоянию на …», and a summary — assignments and their parts (one per executor) by
state: overdue, due within seven days, on control, done on time, done late, cancelled — and who has
overdue parts and parts due within the week, with how many. The table starts on page 2.

**Rows.** One row per assignment: where it was given («Протокол от 14.12.2023 № 4, п. 3»), its
words (with its list items, and a sub-item's parent words: «1.3. Скорректировать …; 1.3.1.
систему …»), its deadline (as written, then the effective date — «контрольный срок — 08.10.2021
(10.10.2021 — нерабочий день)», the points of a deadline with several, the open periods of a
recurring one, the report date of a standing one), its executor, marks and status. An assignment
tracked member by member (a group, or several executors) names its executors and the count of
each status in its row, and has one line per member beneath — the member's extension, marks and
status — instead of the whole row repeated for each of them. Rows may break across pages.

**Order.** By executor (default): groups by the assignment's executors as the decision names
them, in the order people expect (numbers as numbers: «№ 3» before «№ 10»); rows by their
earliest effective date (no date last), then in record order. By meeting: meetings and roadmaps
by date, rows in record order. Rows are numbered through the sheet; members follow the natural
order of their names.

Then the executive discipline per executor (one line each), and «Составил» — the person the
settings or ``--compiled-by`` name, else lines to fill in by hand. Dates follow the office's
``date_style``. Multi-line cells are one string with line breaks.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from ..control.assignments import Assignment, executor_name
from ..control.citation import cite_assignment, document_title
from ..control.links import Review, reviews_of, roadmap_item, roadmaps_by_decision
from ..control.status import PENDING, STATUSES, ControlItem, days_word, default_words, discipline, natural_key, summary
from ..model.common import format_date
from ..model.links import DocumentCancellation, DocumentExtension, DocumentMark
from ..model.records import Records
from .protocol_text import NBSP, capitalize_first
from .roadmap_view import reported_line

BY = ("executor", "meeting")
GROUPING_TEXT = {"executor": "(по исполнителям)", "meeting": "(по протоколам и дорожным картам)"}
_NO_DATE = dt.date.max
COUNTS = ("total", "done", "done_late", "overdue", "pending", "cancelled")  # of the discipline table
WEEK = 7  # «срок в ближайшие 7 дней»: today and the six days after it
# The summary's states, in the order of its columns: (key, column heading).
STATES = (("overdue", "Просрочено"), ("due_week", "Срок в ближайшие 7 дней"), ("pending", "На контроле, срок не наступил"),
          ("done", "Исполнено в срок"), ("done_late", "Исполнено с нарушением срока"), ("cancelled", "Снято с контроля"))  # fmt: skip
BLANK = "____________________"


def control_sheet_view(records: Records, items: list[ControlItem], today: dt.date, by: str = "executor",
                       compiled_by: str | None = None, selection: str = "") -> dict:  # fmt: skip
    """The view of the control sheet of ``items`` as of ``today``, grouped ``by`` executor or
    meeting; ``compiled_by`` (a person id) signs it, by default the settings' ``compiled_by``;
    ``selection`` names the filter the items were chosen by («Отбор: …»), shown with the grouping."""
    if by not in BY:
        raise ValueError(f"unknown grouping {by!r}")
    style = records.settings.documents.date_style
    rows_of = SheetRows(records, by, style, today)
    parts = assignment_parts(items)
    groups = _by_executor(parts, records) if by == "executor" else by_document(parts, records)
    shown_groups = numbered_groups(groups, rows_of)
    counts = summary(items)
    disc = discipline(items, records)
    as_of = format_date(today, style)
    return {
        "issuer_lines": issuer_lines_of(items, records),
        "title": "КОНТРОЛЬНЫЙ ЛИСТ",
        "subtitle": "исполнения поручений",
        "as_of": f"по состоянию на {as_of}",
        "summary": summary_block(parts, items, records, today, style, selection),
        "details_heading": f"Поручения {GROUPING_TEXT[by]}" + (f". {selection}" if selection else ""),
        "grouping": GROUPING_TEXT[by] + (f" {selection}" if selection else ""),
        "selection": selection,
        "by": by,
        "groups": shown_groups,
        "empty_text": "Поручений на контроле нет.",
        "overdue_legend": "Строки просроченных поручений и исполнителей выделены цветом." if counts["overdue"] else "",
        "discipline_heading": f"Исполнительская дисциплина на {as_of}",
        "discipline": [_discipline_row(_who(records, r.executor, r.name), {f: getattr(r, f) for f in COUNTS})
                       for r in disc],  # fmt: skip
        "discipline_total": _discipline_row("Итого", {f: sum(getattr(r, f) for r in disc) for f in COUNTS}),
        "discipline_note": "Доля в срок — исполненные в срок от всех, чей результат известен "
                           "(исполненных в срок, с нарушением срока и просроченных). "
                           "Снятые с контроля в «Всего» не входят.",  # fmt: skip
        "compiled": compiled_line(records, compiled_by, today, style),
        "core": {
            "title": f"Контрольный лист исполнения поручений на {format_date(today)}",
            "subject": "Контроль исполнения поручений",
            "author": "nor-docs",
            "identifier": f"control-sheet-{today.isoformat()}",
            "date": today,
        },
    }


def numbered_groups(groups: list[tuple[str, str, list]], rows_of: SheetRows) -> list[dict]:
    """The groups as the template shows them: a title, a note («поручений — 3, просрочено — 1»)
    and the rows of its assignments, numbered through the document."""
    number = 0
    shown = []
    for key, title, assignments in groups:
        rows = []
        for a_parts in assignments:
            number += 1
            rows.append(rows_of.row(number, a_parts))
        overdue = sum(1 for a_parts in assignments if any(p.status == "overdue" for p in a_parts))
        note = f"поручений — {len(assignments)}" + (f", просрочено — {overdue}" if overdue else "")
        shown.append({"key": key, "title": title, "note": f"({note})", "rows": rows})
    return shown


# --- the heading, the summary, the signature ----------------------------------------------------------


def issuer_lines_of(items: Iterable[ControlItem], records: Records) -> list[str]:
    """The organisation the sheet is of: the settings' ``organization``, else the one body every
    assignment comes from, else each of the bodies (a sheet over several offices says so)."""
    chosen = records.settings.documents.organization
    if chosen:
        org = records.organizations.get(chosen)
        return [org.name if org is not None else chosen]
    issuers = issuers_of(items, records)
    names = [records.organizations[i].name if i in records.organizations else i for i in issuers]
    return sorted(names, key=natural_key)


def issuers_of(items: Iterable[ControlItem], records: Records) -> set[str]:
    """The ids of the bodies that gave the assignments of ``items``."""
    issuers = set()
    for item in items:
        a = item.assignment
        source = records.meetings[a.record_id] if a.origin == "meeting" else records.roadmaps[a.record_id]
        issuers.add(source.issuer)
    return issuers


def part_state(item: ControlItem, today: dt.date) -> str:
    """A part's column in the summary: a pending part due within the week is «due_week»."""
    if item.status in PENDING:
        due = item.deadline
        if due is not None and today <= due < today + dt.timedelta(days=WEEK):
            return "due_week"
        return "pending"
    return item.status


def assignment_state(parts: list[ControlItem], today: dt.date) -> str:
    """An assignment's column: overdue if any part is; due within the week, or on control, if any
    part is; cancelled if every part was; done late if any part was; else done."""
    states = {part_state(p, today) for p in parts}
    for state in ("overdue", "due_week", "pending"):
        if state in states:
            return state
    if states == {"cancelled"}:
        return "cancelled"
    return "done_late" if "done_late" in states else "done"


def summary_block(parts: list[list[ControlItem]], items: list[ControlItem], records: Records, today: dt.date,
             style: str, selection: str = "") -> dict:  # fmt: skip
    week_end = today + dt.timedelta(days=WEEK - 1)
    by_assignment = dict.fromkeys((k for k, _ in STATES), 0)
    for a_parts in parts:
        by_assignment[assignment_state(a_parts, today)] += 1
    by_part = dict.fromkeys((k for k, _ in STATES), 0)
    overdue_of: dict[str, int] = {}
    due_of: dict[str, int] = {}
    for item in items:
        state = part_state(item, today)
        by_part[state] += 1
        if state == "overdue":
            overdue_of[item.member] = overdue_of.get(item.member, 0) + 1
        elif state == "due_week":
            due_of[item.member] = due_of.get(item.member, 0) + 1

    def row(label: str, counts: dict[str, int]) -> dict:
        return {"label": label, "total": str(sum(counts.values())), **{k: str(v) for k, v in counts.items()}}

    def who(counted: dict[str, int]) -> str:
        order = sorted(counted, key=lambda m: (-counted[m], natural_key(records.display_name(m))))
        return "; ".join(f"{records.display_name(m)} — {counted[m]}" for m in order)

    week = f"{format_date(today, style)} — {format_date(week_end, style)}"
    return {
        "heading": f"Сводка на {format_date(today, style)}" + (f". {selection}" if selection else ""),
        "columns": {key: title for key, title in STATES},
        "rows": [row("Поручений", by_assignment), row("Исполнителей по поручениям", by_part)] if items else [],
        "overdue_by": f"Просрочено (исполнители и число поручений): {who(overdue_of)}." if overdue_of else "",
        "due_by": (f"Срок в ближайшие 7 дней ({week}): {who(due_of)}." if due_of
                   else f"Сроков в ближайшие 7 дней ({week}) нет."),  # fmt: skip
        "note": "Поручение просрочено, если просрочено хотя бы у одного исполнителя. Подробно — со второго листа.",
    }


def compiled_line(records: Records, compiled_by: str | None, today: dt.date, style: str) -> dict:
    """«Составил: должность ____ И.О. Фамилия» and the date; blanks when nobody is named."""
    ref = compiled_by or records.settings.documents.compiled_by
    person = records.people.get(ref) if ref else None
    if person is None:
        return {"label": "Составил:", "position": BLANK, "name": BLANK, "date": format_date(today, style)}
    return {
        "label": "Составил:",
        "position": capitalize_first(person.position or ""),
        "name": person.short_initials_first,
        "date": format_date(today, style),
    }


# --- groups -----------------------------------------------------------------------------------


def assignment_parts(items: list[ControlItem]) -> list[list[ControlItem]]:
    """The parts of each assignment, assignments in record order, members in natural order."""
    grouped: dict[str, list[ControlItem]] = {}
    for item in items:
        grouped.setdefault(item.assignment.id, []).append(item)
    return list(grouped.values())


def _executors_title(records: Records, assignment: Assignment) -> str:
    return "; ".join(_who(records, ref, executor_name(records, assignment, ref)) for ref in assignment.executors)


def _by_executor(parts: list[list[ControlItem]], records: Records) -> list[tuple[str, str, list]]:
    groups: dict[tuple, list[tuple[int, list[ControlItem]]]] = {}
    for index, a_parts in enumerate(parts):
        groups.setdefault((a_parts[0].assignment.executors, a_parts[0].assignment.responsible), []).append((index, a_parts))
    titled = [(key[0], _executors_title(records, entries[0][1][0].assignment), entries) for key, entries in groups.items()]
    titled.sort(key=lambda g: (natural_key(g[1]), g[0]))
    return [("+".join(executors), title, [p for _i, p in sorted(entries, key=lambda e: (_when(e[1]), e[0]))])
            for executors, title, entries in titled]  # fmt: skip


def _when(parts: list[ControlItem]) -> dt.date:
    return min((p.deadline or p.report_date or _NO_DATE for p in parts), default=_NO_DATE)


def by_document(parts: list[list[ControlItem]], records: Records) -> list[tuple[str, str, list]]:
    by_record: dict[str, list[list[ControlItem]]] = {}
    for a_parts in parts:
        by_record.setdefault(a_parts[0].assignment.record_id, []).append(a_parts)
    order = sorted(by_record, key=lambda rid: (by_record[rid][0][0].assignment.issued or dt.date.min, rid))
    return [(rid, _record_title(records, by_record[rid][0][0]), by_record[rid]) for rid in order]


def _record_title(records: Records, item: ControlItem) -> str:
    a = item.assignment
    if a.origin == "meeting":
        return document_title(records.meetings[a.record_id], records)
    roadmap = records.roadmaps[a.record_id]
    return roadmap.title + (f" ({_approval(roadmap)})" if roadmap.approval else "")


def _approval(roadmap, style: str = "numeric") -> str:
    """«утв. приказом Управления образования от 15.01.2024 № 12»."""
    approval = roadmap.approval
    number = f" №{NBSP}{approval.number}" if approval.number is not None else ""
    return f"утв. {approval.by} от {format_date(approval.date, style)}{number}"


def _position(records: Records, ref: str) -> str:
    person = records.people.get(ref)
    return person.position if person is not None and person.position else ""


# --- rows ----------------------------------------------------------------------------------------


class SheetRows:
    """Formats one row per assignment (and a line per member of one tracked in parts).

    ``extensions_with_marks``: an extension is shown with the marks (what was done: «продлён до …
    основание …», the report on execution) instead of under the deadline (the control sheet)."""

    def __init__(self, records: Records, by: str, style: str, today: dt.date, extensions_with_marks: bool = False):
        self.records = records
        self.by = by
        self.style = style
        self.today = today
        self.extensions_with_marks = extensions_with_marks
        self.ordered = roadmaps_by_decision(records) if records.roadmaps else {}

    def date(self, value: dt.date) -> str:
        return format_date(value, self.style)

    def row(self, number: int, parts: list[ControlItem]) -> dict:
        first = parts[0]
        source, text, links = self._assignment(first)
        in_parts = first.in_parts
        members = sorted(parts, key=lambda p: natural_key(self.records.display_name(p.member))) if in_parts else []
        if in_parts:
            executor = _executors_title(self.records, first.assignment)
            executor += f"\n(исполнителей — {len(parts)})"
            deadline = self._deadline(parts, shared=True)
            marks = ""
            status = self._status_counts(parts)
        else:
            executor = "\n".join(self._executor(first))
            deadline = self._deadline([first], shared=False)
            marks = "\n".join(self.done_lines(first))
            status = status_words(first)
        return {
            "number": str(number),
            "id": first.assignment.id,
            "source": source,
            "text": text,
            "links": links,
            "deadline": "\n".join(deadline),
            "executor": executor,
            "marks": marks,
            "status": status,
            "overdue": any(p.status == "overdue" for p in parts),
            "members": [self._member(p) for p in members],
        }

    def _member(self, part: ControlItem) -> dict:
        return {
            "id": part.id,
            "name": executor_name(self.records, part.assignment, part.member),
            "deadline": "" if self.extensions_with_marks else "\n".join(self._extensions(part)),
            "marks": "\n".join(self.done_lines(part)),
            "status": status_words(part),
            "overdue": part.status == "overdue",
        }

    def _status_counts(self, parts: list[ControlItem]) -> str:
        """«просрочено — 10\nисполнено — 4»: how many members stand how, what needs attention first."""
        counted: dict[str, int] = {}
        for part in sorted(parts, key=lambda p: STATUSES.index(p.status)):
            word = status_words(part).split(" (")[0]
            counted[word] = counted.get(word, 0) + 1
        return "\n".join(f"{word} — {n}" for word, n in counted.items())

    def _assignment(self, item: ControlItem) -> tuple[str, str, list[str]]:
        a = item.assignment
        point = f"п.{NBSP}{a.number}"
        if self.by == "meeting":
            source = point
        else:
            source = cite_assignment(a, self.records, self.style)
        links = []
        if a.origin == "meeting":
            for rid in self.ordered.get(a.id, ()):
                roadmap = self.records.roadmaps[rid]
                approval = f" ({_approval(roadmap, self.style)})" if roadmap.approval else ""
                links.append(f"Исполняется дорожной картой: {roadmap.title}{approval}")
        else:
            entry = roadmap_item(self.records, a.record_id, a.number)
            reported = reported_line(entry, self.records, self.style) if entry is not None else ""
            if reported:
                links.append(reported)
        if a.controller is not None:  # «Контроль за исполнением … возложить на …»
            position = _position(self.records, a.controller)
            links.append(f"Контроль: {self.records.display_name(a.controller)}" + (f", {position}" if position else ""))
        links += _review_lines([r for r in reviews_of(self.records, a.id) if r.acting.date <= self.today], self.records)
        return source, assignment_words(a), links

    def _deadline(self, parts: list[ControlItem], shared: bool) -> list[str]:
        """The deadline as written and its control dates; for one part with its extensions, for
        an assignment in parts the dates of the schedule (each member's extension is theirs)."""
        item = parts[0]
        deadline = item.assignment.deadline
        lines = [deadline.as_written if deadline is not None and deadline.kind != "none" else "не указан"]
        if item.status == "no_deadline":
            lines.append("срок не установлен (по правилу управления срока по умолчанию нет)")
            return lines
        if item.default_deadline and (due := item.deadline) is not None:  # a default deadline has its date
            word, rule = default_words(item, self.records.settings.deadlines)
            lines.append(f"{word} — {self.date(due)} ({rule})")
            return lines
        if item.waiting_event is not None:
            lines.append(f"ждёт даты события «{self._event_title(item.waiting_event)}»")
            return lines
        if not item.points:
            if item.report_date is not None and item.status == "standing":
                lines.append(f"отчёт — {self.date(item.report_date)}")
            return lines
        recurring = deadline is not None and deadline.kind == "recurring"
        single = len(item.points) == 1 and not recurring
        for index, state in enumerate(item.points):
            if recurring and all(p.points[index].closed_by is not None for p in parts):
                continue  # a closed period shows in the marks
            original = shared or self.extensions_with_marks  # the date as given: an extension shows elsewhere
            due = state.point.due if original else state.due
            extended = bool(state.extensions) and not original
            if single:
                text = f"контрольный срок — {self.date(due)}"
                if not extended and state.point.early:
                    text += f" (срок {state.point.label} раньше даты документа: контроль с даты документа)"
                elif not extended and state.point.nominal != due:
                    text += f" ({self.date(state.point.nominal)} — нерабочий день)"
            elif recurring:
                text = f"за {state.point.label} — {self.date(due)}"
            elif state.point.name is None:  # a date among several: the date, and why it moved
                text = self.date(due)
                if not extended and state.point.early:
                    text += f" (срок {state.point.label} раньше даты документа)"
                elif not extended and state.point.nominal != due:
                    text += f" ({self.date(state.point.nominal)} — нерабочий день)"
            else:
                text = f"{state.point.label} — {self.date(due)}"
            lines.append(text)
        if not shared and not self.extensions_with_marks:
            lines += self._extensions(item)
        return lines

    def done_lines(self, item: ControlItem) -> list[str]:
        """The marks (and cancellation) of a part; its extensions too with ``extensions_with_marks``."""
        marks = self._marks(item)
        return self._extensions(item) + marks if self.extensions_with_marks else marks

    def _extensions(self, item: ControlItem) -> list[str]:
        lines = []
        for state in item.points:
            prefix = "" if len(item.points) == 1 else f"{state.point.label}: "
            for e in state.extensions:
                if isinstance(e, DocumentExtension):  # «продлить срок исполнения п. 2 до …» of a later document
                    lines.append(f"{prefix}продлён до {self.date(e.new_deadline)} {e.acted_by.citation_by}")
                    continue
                lines.append(
                    f"{prefix}продлён до {self.date(e.new_deadline)} (утверждено {self.date(e.approved)}, "
                    f"{self.records.display_name(e.approved_by)}; основание — {e.basis})"
                )  # fmt: skip
        return lines

    def _event_title(self, ref: str) -> str:
        event = self.records.events.get(ref)
        if event is not None:
            return event.title
        meeting = self.records.meetings.get(ref)
        return f"заседание {self.date(meeting.date)}" if meeting is not None else ref

    def _executor(self, item: ControlItem) -> list[str]:
        lines = [executor_name(self.records, item.assignment, item.member)]
        position = _position(self.records, item.member)
        if position:
            lines.append(position)
        return lines

    def _marks(self, item: ControlItem) -> list[str]:
        labels = {}
        if len(item.points) > 1 or any(p.point.opens is not None for p in item.points):
            labels = {id(p.closed_by): p.point.label for p in item.points if p.closed_by is not None}
        lines = []
        for mark in sorted(item.marks, key=lambda m: m.date):
            if isinstance(mark, DocumentMark):  # «снять с контроля как исполненное» by a later document
                label = labels.get(id(mark))
                text = f"{self.date(mark.date)} — снято с контроля как исполненное {mark.acted_by.citation_by}"
                lines.append(f"{label}: {text}" if label else text)
                continue
            what = ", ".join(x for x in (mark.document, f"№{NBSP}{mark.number}" if mark.number else None) if x)
            text = self.date(mark.date) + (f" — {what}" if what else "")
            if mark.note:
                text += f" ({mark.note})"
            if mark.interim:
                text += " (промежуточная отметка)"
            label = labels.get(id(mark))
            lines.append(f"{label}: {text}" if label else text)
        c = item.cancellation
        if isinstance(c, DocumentCancellation):
            lines.append(f"снято с контроля {self.date(c.date)} {c.acted_by.citation_by}")
        elif c is not None:
            lines.append(f"снято с контроля {self.date(c.date)}, {self.records.display_name(c.by)}: {c.basis}")
        return lines


_REVIEWED = {"review": "Рассмотрено", "amend": "Изменено", "implement": "Во исполнение принят",
             "report": "Сообщено"}  # fmt: skip


def _review_lines(reviews: list[Review], records: Records) -> list[str]:
    """«Рассмотрено: Протокол от 12.04.2019 № 37, п. 1» — a later document that reviewed the
    assignment (or its whole document), reworded it, was adopted to implement it, or reported on
    it («Сообщено: Информация о ходе исполнения от …, п. 2 (ГБДОУ № 113, …) — поручение не
    выполнено.»); the members one line names together."""
    grouped: dict[tuple, list[str]] = {}
    for review in reviews:
        key = (review.action, id(review.acting), review.acting.citation, review.note)
        members = grouped.setdefault(key, [])
        if review.member is not None:
            members.append(records.display_name(review.member))
    lines = []
    for (action, _acting, citation, note), members in grouped.items():
        line = f"{_REVIEWED[action]}: {citation}"
        if members:
            line += f" ({', '.join(members)})" if action == "report" else f" (в части: {', '.join(members)})"
        lines.append(line + (f" — {note}" if note else ""))
    return lines


def assignment_words(a) -> str:
    """The assignment's words as the decision has them: the parents it continues, its text, its
    list items («– …»)."""
    lines = [f"{number}. {' '.join(text.split())}" for number, text in a.lead]
    text = " ".join(a.text.split())
    lines.append(f"{a.number}. {text}" if a.lead else capitalize_first(text))
    lines += [f"– {' '.join(b.split()).lstrip('-–— ')}" for b in a.bullets]
    return "\n".join(lines)


def status_words(item: ControlItem) -> str:
    if item.status == "done_late" and item.days_late:
        return f"{item.status_text} (на {item.days_late} {days_word(item.days_late)})"
    return item.status_text


# --- discipline --------------------------------------------------------------------------------


def percent(share: float | None) -> str:
    """0.6667 → «66,7 %», 1.0 → «100 %», None → «—»."""
    if share is None:
        return "—"
    text = f"{share * 100:.1f}".replace(".", ",")
    if text.endswith(",0"):
        text = text[:-2]
    return f"{text}{NBSP}%"


def _who(records: Records, ref: str, name: str) -> str:
    """«Пахомова С.А., начальник управления образования» / «МОУ «Средняя школа № 3»»."""
    position = _position(records, ref)
    return name + (f", {position}" if position else "")


def _discipline_row(who: str, counts: dict[str, int]) -> dict:
    judged = counts["done"] + counts["done_late"] + counts["overdue"]
    return {
        "who": who,
        **{field: str(value) for field, value in counts.items()},
        "share": percent(counts["done"] / judged if judged else None),
    }
