"""Assignments: every controlled item of the records as one flat list.

A meeting decision with executors (its own or inherited from its parent) and ``on_control`` is
an assignment ``<meeting id>#<number>``; every roadmap item with executors is one too,
``<roadmap id>#<number>`` (its deadline: the item's and the marks in its activity, each a control
point). A group executor is tracked member by member: ``members`` lists the
parts the control logic follows (a group's members, or the executor itself). ``roadmaps`` names
the roadmaps that say they fulfil a decision (their ``ordered_by``): the control view of the
decision shows them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..model.common import format_date
from ..model.deadline import Deadline, parse_deadline, unwritten
from ..model.meeting import Decision, Meeting
from ..model.records import Records
from ..model.roadmap import RoadmapItem
from .links import roadmaps_by_decision


@dataclass(frozen=True)
class Assignment:
    id: str
    origin: str  # "meeting" or "roadmap"
    record_id: str
    number: str
    text: str
    deadline: Deadline | None
    executors: tuple[str, ...]
    members: tuple[str, ...]
    controller: str | None
    issued: dt.date | None  # the meeting date, or the roadmap's start
    file: str
    line: int
    column: int
    roadmaps: tuple[str, ...] = ()  # roadmaps ordered by this decision (``Roadmap.ordered_by``)
    bullets: tuple[str, ...] = ()  # the decision's list items («Осуществлять в системе: – …; – …»)
    # The parent decisions whose words this one continues, outermost first, as (number, text):
    # «1.3.1. систему повышения квалификации…» is read with «1.3. Скорректировать систему…».
    lead: tuple[tuple[str, str], ...] = ()
    # An organisation executor's responsible person, (organisation, person) pairs:
    # «администрация МР «Прилузский» (Нестерюк Е.В.)» (``Decision.responsible_of``).
    responsible: tuple[tuple[str, str], ...] = ()
    # An inspection act's item with no term of its own, on its kind's statutory term counted from the
    # day the act was received (``Kind.statutory_term``; ``deadline`` stays None — the paper wrote
    # none): the term, and how it reads, «в течение месяца со дня получения 15.06.2021, Федеральный
    # закон …, ст. 24». Its point is labelled as a default one (``control/status.py``).
    statutory_deadline: Deadline | None = None
    statutory: str | None = None

    def responsible_of(self, member: str) -> str | None:
        return dict(self.responsible).get(member)


def executor_name(records: Records, assignment: Assignment, member: str) -> str:
    """The executor as check and the control sheet name it: the directory's name, and for an
    organisation with its responsible person the person in brackets — «администрация МР
    «Прилузский» (Нестерюк Е.В.)»."""
    name = records.display_name(member)
    person = assignment.responsible_of(member)
    if person is not None and person in records.people:
        name += f" ({records.people[person].short})"
    return name


def _responsible(by_loc: dict[tuple, Decision], loc: tuple, decision: Decision,
                 executors: list[str]) -> tuple[tuple[str, str], ...]:  # fmt: skip
    """The responsible persons of the decision that names the executors: this one, or the
    nearest parent with executors of its own (sub-items inherit them)."""
    owner: Decision | None = decision
    while owner is not None and not owner.executors and len(loc) > 2:
        loc = loc[:-2]  # («decisions», 3, «decisions», 0) → («decisions», 3)
        owner = by_loc.get(loc)
    if owner is None:
        return ()
    return tuple((e, r) for e in executors if (r := owner.responsible_of(e)) is not None)


def collect_assignments(records: Records) -> list[Assignment]:
    """Every assignment and roadmap item, in record order.

    Collected once per loaded ``records`` (validation needs them for the marks, ``check`` for
    the statuses): later calls return a new list of the same assignments."""
    cached = records.derived.get("assignments")
    if cached is None:
        cached = records.derived["assignments"] = tuple(_collect(records))
    return list(cached)


def _collect(records: Records) -> list[Assignment]:
    found: list[Assignment] = []
    ordered = roadmaps_by_decision(records) if records.roadmaps else {}
    for mid, meeting in records.meetings.items():
        controller = meeting.document_controller()  # the control clause: for items with none of their own
        statutory = statutory_term(records, meeting)
        by_loc: dict[tuple, Decision] = {}
        for loc, decision, executors in meeting.all_decisions():
            by_loc[loc] = decision
            if not executors or not decision.on_control:
                continue
            file, line, col = records.where(mid, loc)
            aid = f"{mid}#{decision.number.rstrip('.')}"
            on_statute = statutory is not None and unwritten(decision.deadline)
            found.append(
                Assignment(
                    id=aid,
                    origin="meeting",
                    record_id=mid,
                    number=decision.number.rstrip("."),
                    text=decision.text,
                    deadline=decision.deadline,
                    executors=tuple(executors),
                    members=expand_members(records, executors),
                    controller=decision.controller or controller,  # the document's control clause
                    issued=meeting.received if on_statute else meeting.date,
                    file=file,
                    line=line,
                    column=col,
                    roadmaps=tuple(ordered.get(aid, ())),
                    bullets=tuple(decision.bullets),
                    lead=_lead(by_loc, loc, decision),
                    responsible=_responsible(by_loc, loc, decision, executors),
                    statutory_deadline=statutory[0] if on_statute and statutory is not None else None,
                    statutory=statutory[1] if on_statute and statutory is not None else None,
                )
            )
    for rid, roadmap in records.roadmaps.items():
        located: list[tuple[tuple, RoadmapItem]] = [(("sections", i, "items", j), item) for i, s in enumerate(roadmap.sections)
                   for j, item in enumerate(s.items)]  # fmt: skip
        located += [(("items", j), item) for j, item in enumerate(roadmap.items)]
        for loc, item in located:
            if not item.executors:
                continue
            file, line, col = records.where(rid, loc)
            found.append(
                Assignment(
                    id=f"{rid}#{item.number.rstrip('.')}",
                    origin="roadmap",
                    record_id=rid,
                    number=item.number.rstrip("."),
                    text=item.activity_text,
                    deadline=item.control_deadline,
                    executors=tuple(item.executors),
                    members=expand_members(records, item.executors),
                    controller=None,
                    issued=roadmap.approval.date if roadmap.approval else roadmap.period.start,
                    file=file,
                    line=line,
                    column=col,
                )
            )
    return found


def statutory_term(records: Records, meeting: Meeting) -> tuple[Deadline, str] | None:
    """The term the law gives the document's kind, counted from the day it was received, and how it
    reads: None when the kind has none (or the office switched it off) or the record has no
    ``received`` (then an item without a term is «срок не указан», as anywhere)."""
    kind = records.kind_of(meeting)
    if kind.statutory_term is None or meeting.received is None:
        return None
    basis = f", {kind.statutory_basis}" if kind.statutory_basis else ""
    words = f"{kind.statutory_term} со дня получения {format_date(meeting.received, 'numeric')}{basis}"
    return parse_deadline(kind.statutory_term), words


def _lead(by_loc: dict[tuple, Decision], loc: tuple, decision: Decision) -> tuple[tuple[str, str], ...]:
    """The parents a decision's text continues: while the text starts in lower case («систему
    повышения квалификации…»), the parent's number and words go before it."""
    lead: list[tuple[str, str]] = []
    text = decision.text.strip()
    while text[:1].islower() and len(loc) > 2 and loc[-2] == "decisions" and loc[:-2] in by_loc:
        loc = loc[:-2]
        parent = by_loc[loc]
        lead.insert(0, (parent.number.rstrip("."), parent.text.strip()))
        text = parent.text.strip()
    return tuple(lead)


def expand_members(records: Records, executors) -> tuple[str, ...]:
    """The parts a group assignment is tracked by: each group's members, else the executor."""
    members: list[str] = []
    for executor in executors:
        group = records.groups.get(executor)
        if group is not None and group.members:
            members.extend(m.ref for m in group.members)
        else:
            members.append(executor)
    return tuple(dict.fromkeys(members))
