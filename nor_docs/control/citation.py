"""How a document and its item are cited — «Приказ от 21.08.2023 № 176, п. 1.5», «Протокол от
14.12.2023 № 4, п. 3», «Дорожная карта от 15.01.2024 № 12, п. 2.1» — by the kind of the document
(``model/kinds.py``: its forms and its ``citation`` pattern, or the record's ``citation_name``).

The one place a citation is made: check's formats (text, JSON ``source``, GitHub, GitLab, JUnit),
the calendar's event descriptions and the control sheet all call ``cite`` / ``cite_assignment``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from ..model.common import format_date
from ..model.kinds import PROTOCOL

if TYPE_CHECKING:
    from ..model.kinds import Kind
    from ..model.meeting import Meeting
    from ..model.records import Records
    from .assignments import Assignment

NBSP = "\u00a0"
Case = Literal["nominative", "genitive", "instrumental"]


def cite(meeting: Meeting, records: Records, item: str | None = None, case: Case = "nominative",
         style: str | None = None) -> str:  # fmt: skip
    """The citation of ``meeting`` (a record of any kind), of its item ``item`` if given, in ``case``;
    dates in ``style`` (the office's ``documents.date_style`` by default)."""
    kind = kind_cited(meeting, records)
    forms = {"nominative": kind.forms.nominative, "genitive": kind.forms.genitive,
             "instrumental": kind.forms.instrumental}  # fmt: skip
    if meeting.citation_name:
        forms["nominative"] = meeting.citation_name
    pattern = kind.citation if case == "nominative" else kind.citation.replace("{nominative}", "{" + case + "}")
    values = {
        **forms,
        "date": format_date(meeting.date, style or records.settings.documents.date_style),
        "number": f" №{NBSP}{meeting.number}" if meeting.number is not None else "",
    }
    if not meeting.dated:  # an act known by the day it came: «Представление (получено 15.06.2021)»
        pattern = pattern.replace(" от {date}", "").replace("{date}", "") + " (получено {date})"
    text = pattern.format_map(_Missing(values))
    return f"{text}, п.{NBSP}{item}" if item is not None else text


def kind_cited(meeting: Meeting, records: Records) -> Kind:
    """The kind a document is cited by: its own; a protocol-kind record that only reports on
    execution (``reports:``, no decisions, no agenda — written before the ``report`` kind existed)
    is cited by the catalogue's report kind, «Информация о ходе исполнения от …»."""
    kind = records.kind_of(meeting)
    if kind.id == PROTOCOL and reports_only(meeting):
        return next((k for k in records.kinds.values() if k.report), kind)
    return kind


def reports_only(meeting: Meeting) -> bool:
    """A document that reports on execution and decides nothing."""
    return bool(meeting.reports) and not meeting.decisions and not meeting.agenda


def document_title(meeting: Meeting, records: Records, style: str = "numeric") -> str:
    """A heading for the document's group of rows: «Протокол заседания рабочей группы … от 14.12.2023
    № 4» (a meeting's title follows the kind's name), «Приказ от 21.08.2023 № 176 «О …»»."""
    kind = records.kind_of(meeting)
    if kind.title_style == "meeting-genitive" and meeting.title and not meeting.citation_name:
        number = f" №{NBSP}{meeting.number}" if meeting.number is not None else ""
        return f"{kind.forms.nominative} {meeting.title} от {format_date(meeting.date, style)}{number}"
    head = cite(meeting, records, style=style)
    return f"{head} «{meeting.title}»" if meeting.title else head


def cite_assignment(a: Assignment, records: Records, style: str | None = None) -> str:
    """The citation of an assignment's item: its document's (``cite``) or its roadmap's."""
    if a.origin == "meeting":
        # the document's part is the same for each of its items: made once per run and style
        heads: dict[tuple[str, str | None], str] = records.derived.setdefault("citation_heads", {})
        head = heads.get((a.record_id, style))
        if head is None:
            meeting = records.meetings.get(a.record_id)
            if meeting is None:
                return a.id
            head = heads[(a.record_id, style)] = cite(meeting, records, style=style)
        return f"{head}, п.{NBSP}{a.number}"
    roadmap = records.roadmaps.get(a.record_id)
    if roadmap is None:
        return a.id
    date_style = style or records.settings.documents.date_style
    if roadmap.approval is not None:
        number = f" №{NBSP}{roadmap.approval.number}" if roadmap.approval.number is not None else ""
        return f"Дорожная карта от {format_date(roadmap.approval.date, date_style)}{number}, п.{NBSP}{a.number}"
    period = f"{format_date(roadmap.period.start, date_style)}–{format_date(roadmap.period.end, date_style)}"
    return f"Дорожная карта на {period}, п.{NBSP}{a.number}"


def citation_fields(a: Assignment, records: Records) -> dict:
    """What ``check --format json`` adds to an item's assignment fields: ``source`` (the kind and
    the citation) and the controller (the item's own or the document's control clause)."""
    return {
        "source": source(a, records),
        "controller": a.controller,
        "controller_name": records.display_name(a.controller) if a.controller is not None else None,
    }


def source(a: Assignment, records: Records) -> dict[str, str]:
    """``check --format json``'s ``source``: the kind of the record and the citation."""
    meeting = records.meetings.get(a.record_id) if a.origin == "meeting" else None
    kind = "roadmap" if a.origin != "meeting" else records.kind_of(meeting).id if meeting is not None else "protocol"
    return {"kind": kind, "citation": plain_citation(a, records)}


def plain_citation(a: Assignment, records: Records) -> str:
    """The citation for check's formats: dates in digits, ordinary spaces (a terminal, a CI log)."""
    return cite_assignment(a, records, style="numeric").replace(NBSP, " ")


class _Missing(dict):
    """A placeholder the catalogue validation let through (it refuses unknown ones, NOR125) is kept
    as written rather than failing the report."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"
