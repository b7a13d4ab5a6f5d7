"""The control sheet «view»: control items as of a day turned into the strings its document shows.

``control_sheet_view`` takes the control items (``nor_docs.control``) and the records they came
from and returns plain dicts and lists of formatted Russian strings — the sheet's rows grouped by
executor or by meeting, and the executive discipline summary — that the DOCX template
(``templates/control-sheet.docx``) only has to place. It knows nothing of YAML or of DOCX.

**Rows.** One row per part of an assignment (a group's member has a row of their own). Cells:

- ``source``: where the assignment was given — «Протокол от 14.12.2023 № 4, п. 3», «Дорожная
  карта от 15.01.2024 № 12, п. 1.1» (only «п. 3» when grouped by meeting: the group says it);
  ``text``: its words; ``links``: «Исполняется дорожной картой: …» for a decision a roadmap
  fulfils (``links.roadmaps_by_decision``), «Рассмотрено: протокол от … № …» for a roadmap item
  whose result was reported at a meeting (``reported_at``);
- ``deadline``: the deadline as written, then the effective one («контрольный срок —
  08.10.2021 (10.10.2021 — нерабочий день)»; every control point of a deadline with several;
  the open periods of a recurring one; the report date of a standing one), then each extension
  («продлён до 10.03.2023 (утверждено 21.02.2023, Пахомова С.А.; основание — …)»);
- ``executor``: the name, a person's position, and the group the part belongs to;
- ``marks``: every execution mark dated on or before the day (interim ones say so), and the
  removal from control;
- ``status``: the status in Russian («просрочено (5 дней)», «исполнено с нарушением срока (на
  1 день)»); ``overdue`` marks the row for the template to highlight.

**Order.** By executor (default): executors in the order of the discipline summary (by name),
each one's rows by effective deadline (no date last), then in record order. By meeting: meetings
and roadmaps by date (a roadmap's approval, else its start), rows in record order. Rows are
numbered through the whole sheet.

Multi-line cells are one string with line breaks (the template prints them as Word line breaks,
so a cell always has exactly one paragraph).
"""

from __future__ import annotations

import datetime as dt
from typing import Iterable

from ..control import ControlItem, days_word, default_rule, discipline, summary
from ..control_formats import counts_line
from ..links import roadmap_item, roadmaps_by_decision
from ..model.common import format_date
from ..records import Records
from .roadmap_view import reported_line
from .view import NBSP, capitalize_first

BY = ("executor", "meeting")
GROUPING_TEXT = {"executor": "(по исполнителям)", "meeting": "(по протоколам и дорожным картам)"}
_NO_DATE = dt.date.max
COUNTS = ("total", "done", "done_late", "overdue", "pending", "cancelled")  # of the discipline table


def control_sheet_view(records: Records, items: list[ControlItem], today: dt.date, by: str = "executor",
                       selection: str = "") -> dict:  # fmt: skip
    """The view of the control sheet of ``items`` as of ``today``, grouped ``by`` executor or meeting;
    ``selection`` names the filter the items were chosen by («Отбор: …»), shown under the grouping."""
    if by not in BY:
        raise ValueError(f"unknown grouping {by!r}")
    rows_of = _Rows(records, by)
    disc = discipline(items, records)
    groups = _by_executor(items, disc, records) if by == "executor" else _by_meeting(items, records)
    number = 0
    shown_groups = []
    for key, title, group_items in groups:
        rows = []
        for item in group_items:
            number += 1
            rows.append(rows_of.row(number, item))
        overdue = sum(1 for i in group_items if i.status == "overdue")
        note = f"поручений — {len(group_items)}" + (f", просрочено — {overdue}" if overdue else "")
        shown_groups.append({"key": key, "title": title, "note": f"({note})", "rows": rows})
    counts = summary(items)
    as_of = format_date(today, records.settings.documents.date_style)
    return {
        "title": "КОНТРОЛЬНЫЙ ЛИСТ",
        "subtitle": "исполнения поручений",
        "as_of": f"по состоянию на {as_of}",
        "grouping": GROUPING_TEXT[by] + (f" {selection}" if selection else ""),
        "selection": selection,
        "by": by,
        "issuer": _common_issuer(items, records),
        "groups": shown_groups,
        "empty_text": "Поручений на контроле нет.",
        "overdue_legend": "Строки просроченных поручений выделены цветом." if counts["overdue"] else "",
        "totals": f"Всего поручений (по каждому исполнителю) — {counts['total']}: {counts_line(counts)}.",
        "discipline_heading": f"Исполнительская дисциплина на {as_of}",
        "discipline": [_discipline_row(_who(records, r.executor, r.name), {f: getattr(r, f) for f in COUNTS})
                       for r in disc],  # fmt: skip
        "discipline_total": _discipline_row("Итого", {f: sum(getattr(r, f) for r in disc) for f in COUNTS}),
        "discipline_note": "Доля в срок — исполненные в срок от всех, чей результат известен "
                           "(исполненных в срок, с нарушением срока и просроченных). "
                           "Снятые с контроля в «Всего» не входят.",  # fmt: skip
        "core": {
            "title": f"Контрольный лист исполнения поручений на {format_date(today)}",
            "subject": "Контроль исполнения поручений",
            "author": "nor-docs",
            "identifier": f"control-sheet-{today.isoformat()}",
            "date": today,
        },
    }


# --- groups -----------------------------------------------------------------------------------


def _by_executor(items: list[ControlItem], disc, records: Records) -> list[tuple[str, str, list[ControlItem]]]:
    by_member: dict[str, list[tuple[int, ControlItem]]] = {}
    for index, item in enumerate(items):
        by_member.setdefault(item.member, []).append((index, item))
    groups = []
    for row in disc:  # ordered by name
        entries = sorted(by_member.get(row.executor, ()), key=lambda e: (_when(e[1]), e[0]))
        groups.append((row.executor, _who(records, row.executor, row.name), [item for _i, item in entries]))
    return groups


def _when(item: ControlItem) -> dt.date:
    return item.deadline or item.report_date or _NO_DATE


def _by_meeting(items: list[ControlItem], records: Records) -> list[tuple[str, str, list[ControlItem]]]:
    by_record: dict[str, list[ControlItem]] = {}
    for item in items:
        by_record.setdefault(item.assignment.record_id, []).append(item)
    order = sorted(by_record, key=lambda rid: (by_record[rid][0].assignment.issued or dt.date.min, rid))
    return [(rid, _record_title(records, by_record[rid][0]), by_record[rid]) for rid in order]


def _record_title(records: Records, item: ControlItem) -> str:
    a = item.assignment
    if a.origin == "meeting":
        meeting = records.meetings[a.record_id]
        number = f" №{NBSP}{meeting.number}" if meeting.number is not None else ""
        return f"Протокол {meeting.title} от {format_date(meeting.date)}{number}"
    roadmap = records.roadmaps[a.record_id]
    return roadmap.title + (f" ({_approval(roadmap)})" if roadmap.approval else "")


def _approval(roadmap) -> str:
    """«утв. приказом Управления образования от 15.01.2024 № 12»."""
    approval = roadmap.approval
    number = f" №{NBSP}{approval.number}" if approval.number is not None else ""
    return f"утв. {approval.by} от {format_date(approval.date)}{number}"


def _common_issuer(items: Iterable[ControlItem], records: Records) -> str:
    """The issuing body's name when every assignment on the sheet comes from one, else ""."""
    issuers = set()
    for item in items:
        a = item.assignment
        source = records.meetings[a.record_id] if a.origin == "meeting" else records.roadmaps[a.record_id]
        issuers.add(source.issuer)
    if len(issuers) != 1:
        return ""
    issuer = issuers.pop()
    org = records.organizations.get(issuer)
    return org.name if org is not None else issuer


def tie_numbers(text: str) -> str:
    """«школа № 3» → «школа №\u00a03»: a number sign never ends a line apart from its number."""
    return text.replace("№ ", f"№{NBSP}")


def _position(records: Records, ref: str) -> str:
    person = records.people.get(ref)
    return person.position if person is not None and person.position else ""


# --- rows ----------------------------------------------------------------------------------------


class _Rows:
    """Formats one row per control item; what rows of one assignment share is computed once."""

    def __init__(self, records: Records, by: str):
        self.records = records
        self.by = by
        self.ordered = roadmaps_by_decision(records) if records.roadmaps else {}
        self._shared: dict[str, tuple[str, str, list[str]]] = {}

    def row(self, number: int, item: ControlItem) -> dict:
        source, text, links = self._assignment(item)
        return {
            "number": str(number),
            "id": item.id,
            "source": source,
            "text": text,
            "links": links,
            "deadline": "\n".join(self._deadline(item)),
            "executor": "\n".join(self._executor(item)),
            "marks": "\n".join(self._marks(item)),
            "status": _status(item),
            "status_code": item.status,
            "overdue": item.status == "overdue",
        }

    def _assignment(self, item: ControlItem) -> tuple[str, str, list[str]]:
        a = item.assignment
        shared = self._shared.get(a.id)
        if shared is None:
            point = f"п.{NBSP}{a.number}"
            if self.by == "meeting":
                source = point
            elif a.origin == "meeting":
                meeting = self.records.meetings[a.record_id]
                number = f" №{NBSP}{meeting.number}" if meeting.number is not None else ""
                source = f"Протокол от {format_date(meeting.date)}{number}, {point}"
            else:
                roadmap = self.records.roadmaps[a.record_id]
                if roadmap.approval is not None:
                    number = f" №{NBSP}{roadmap.approval.number}" if roadmap.approval.number is not None else ""
                    source = f"Дорожная карта от {format_date(roadmap.approval.date)}{number}, {point}"
                else:
                    period = f"{format_date(roadmap.period.start)}–{format_date(roadmap.period.end)}"
                    source = f"Дорожная карта на {period}, {point}"
            links = []
            if a.origin == "meeting":
                for rid in self.ordered.get(a.id, ()):
                    roadmap = self.records.roadmaps[rid]
                    approval = f" ({_approval(roadmap)})" if roadmap.approval else ""
                    links.append(f"Исполняется дорожной картой: {roadmap.title}{approval}")
            else:
                item = roadmap_item(self.records, a.record_id, a.number)
                reported = reported_line(item, self.records) if item is not None else ""
                if reported:
                    links.append(reported)
            shared = self._shared[a.id] = (source, capitalize_first(" ".join(a.text.split())), links)
        return shared

    def _deadline(self, item: ControlItem) -> list[str]:
        deadline = item.assignment.deadline
        lines = [deadline.as_written if deadline is not None and deadline.kind != "none" else "не указан"]
        if item.status == "no_deadline":
            lines.append("срок не установлен (по правилу управления срока по умолчанию нет)")
        elif item.default_deadline:
            rule = default_rule(self.records.settings.deadlines)
            lines.append(f"срок по умолчанию — {format_date(item.deadline)} ({rule})")
        elif item.waiting_event is not None:
            lines.append(f"ждёт даты события «{self._event_title(item.waiting_event)}»")
        elif not item.points:
            if item.report_date is not None and item.status == "standing":
                lines.append(f"отчёт — {format_date(item.report_date)}")
        else:
            recurring = deadline is not None and deadline.kind == "recurring"
            single = len(item.points) == 1 and not recurring
            for state in item.points:
                if recurring and state.closed_by is not None:
                    continue  # a closed period shows in the marks
                if single:
                    text = f"контрольный срок — {format_date(state.due)}"
                    if not state.extensions and state.point.early:
                        text += f" (срок {state.point.label} раньше даты документа: контроль с даты документа)"
                    elif not state.extensions and state.point.nominal != state.due:
                        text += f" ({format_date(state.point.nominal)} — нерабочий день)"
                elif recurring:
                    text = f"за {state.point.label} — {format_date(state.due)}"
                elif state.point.name is None:  # a date among several: the date, and why it moved
                    text = format_date(state.due)
                    if not state.extensions and state.point.early:
                        text += f" (срок {state.point.label} раньше даты документа)"
                    elif not state.extensions and state.point.nominal != state.due:
                        text += f" ({format_date(state.point.nominal)} — нерабочий день)"
                else:
                    text = f"{state.point.label} — {format_date(state.due)}"
                lines.append(text)
            for state in item.points:
                prefix = "" if len(item.points) == 1 else f"{state.point.label}: "
                for e in state.extensions:
                    lines.append(
                        f"{prefix}продлён до {format_date(e.new_deadline)} (утверждено {format_date(e.approved)}, "
                        f"{self.records.display_name(e.approved_by)}; основание — {e.basis})"
                    )  # fmt: skip
        return lines

    def _event_title(self, ref: str) -> str:
        event = self.records.events.get(ref)
        if event is not None:
            return event.title
        meeting = self.records.meetings.get(ref)
        return f"заседание {format_date(meeting.date)}" if meeting is not None else ref

    def _executor(self, item: ControlItem) -> list[str]:
        lines = [tie_numbers(self.records.display_name(item.member))]
        position = _position(self.records, item.member)
        if position:
            lines.append(position)
        if item.in_parts:
            for executor in item.assignment.executors:
                group = self.records.groups.get(executor)
                if group is not None and any(m.ref == item.member for m in group.members):
                    lines.append(f"(из группы «{group.name}»)")
                    break
        return lines

    def _marks(self, item: ControlItem) -> list[str]:
        labels = {}
        if len(item.points) > 1 or any(p.point.opens is not None for p in item.points):
            labels = {id(p.closed_by): p.point.label for p in item.points if p.closed_by is not None}
        lines = []
        for mark in sorted(item.marks, key=lambda m: m.date):
            what = ", ".join(x for x in (mark.document, f"№{NBSP}{mark.number}" if mark.number else None) if x)
            text = format_date(mark.date) + (f" — {what}" if what else "")
            if mark.note:
                text += f" ({mark.note})"
            if mark.interim:
                text += " (промежуточная отметка)"
            label = labels.get(id(mark))
            lines.append(f"{label}: {text}" if label else text)
        c = item.cancellation
        if c is not None:
            lines.append(f"снято с контроля {format_date(c.date)}, {self.records.display_name(c.by)}: {c.basis}")
        return lines


def _status(item: ControlItem) -> str:
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
    """«Пахомова С.А., начальник управления образования» / «МОУ «Средняя школа №\u00a03»»."""
    position = _position(records, ref)
    return tie_numbers(name) + (f", {position}" if position else "")


def _discipline_row(who: str, counts: dict[str, int]) -> dict:
    judged = counts["done"] + counts["done_late"] + counts["overdue"]
    return {
        "who": who,
        **{field: str(value) for field, value in counts.items()},
        "share": percent(counts["done"] / judged if judged else None),
    }
