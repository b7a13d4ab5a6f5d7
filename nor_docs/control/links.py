"""Links between records read the other way round — decision → the roadmaps that fulfil it, meeting
→ the roadmap items reported at it — and where each shows.

- A roadmap names the decision that ordered it (``ordered_by``); ``roadmaps_by_decision`` turns
  that round, so the decision shows the roadmap that fulfils it: ``roadmaps`` of its items in
  ``check --format json``, the «↳ дорожная карта» line of ``check``, «Исполняется дорожной картой:
  …» in the control sheet. Only a decision that is on control (an assignment) has such a place; a
  decision without executors does not appear in ``check`` or the control sheet at all.
- A roadmap item may name the meeting where its result was reported (``reported_at``): «Рассмотрено:
  протокол от … № …» in the roadmap's document and under the item's row in the control sheet.
  ``items_reported_at`` gives the other direction, meeting → items.
- A later decision acts on an earlier assignment (``Decision.acts_on``, ``model/links.py``):
  ``acted_entries`` turns each ``done`` / ``extend`` / ``cancel`` into the execution mark,
  extension or cancellation ``records/marks/`` would hold — dated by the document, approved by its
  chair (else its first signer, else its issuer), with the decision as basis and ``acted_by``
  saying where it comes from — so ``control_items`` tracks them as it tracks marks (the earlier
  of a mark and a decision closes, as ``track`` decides). ``review`` and ``amend`` change no
  status: with the documents a document or an agenda item ``reviews`` (``LinkTarget``), they are
  the «рассмотрено: …» lines under the target's assignments (``Acted.reviews``).
- ``cite`` cites a document by its kind (``citation.py``: «Протокол от 20.05.2024 № 5, п. 2»,
  «информацией о ходе исполнения от 15.06.2021, п. 2»; the genitive and instrumental forms).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field

from ..model.deadline import Deadline
from ..model.links import (
    ActingDocument,
    Action,
    DocumentCancellation,
    DocumentExtension,
    DocumentMark,
    LinkTarget,
    ReportEntry,
)
from ..model.meeting import AgendaItem, Decision, Meeting
from ..model.records import Located, Records
from .citation import Case
from .citation import cite as cite_document
from .schedule import make_context, schedule


@dataclass(frozen=True)
class ReportedItem:
    roadmap: str
    number: str
    activity: str


def decision_ids(records: Records) -> set[str]:
    """``<meeting id>#<number>`` of every decision (assignment or not)."""
    return {
        f"{mid}#{decision.number.rstrip('.')}"
        for mid, meeting in records.meetings.items()
        for _loc, decision, _executors in meeting.all_decisions()
    }


def roadmaps_by_decision(records: Records) -> dict[str, list[str]]:
    """Decision id → the roadmaps that name it in ``ordered_by`` (sorted)."""
    found: dict[str, list[str]] = {}
    for rid, roadmap in sorted(records.roadmaps.items()):
        if roadmap.ordered_by:
            found.setdefault(roadmap.ordered_by, []).append(rid)
    return found


def roadmap_item(records: Records, roadmap_id: str, number: str):
    """The item ``number`` (with or without the trailing dot) of a roadmap, or None."""
    roadmap = records.roadmaps.get(roadmap_id)
    if roadmap is None:
        return None
    items = [item for section in roadmap.sections for item in section.items] + list(roadmap.items)
    return next((item for item in items if item.number.rstrip(".") == number.rstrip(".")), None)


def items_reported_at(records: Records) -> dict[str, list[ReportedItem]]:
    """Meeting id → roadmap items whose result was reported at that meeting, in roadmap order."""
    found: dict[str, list[ReportedItem]] = {}
    for rid, roadmap in sorted(records.roadmaps.items()):
        items = [item for section in roadmap.sections for item in section.items] + list(roadmap.items)
        for item in items:
            if item.reported_at:
                found.setdefault(item.reported_at, []).append(ReportedItem(rid, item.number, item.activity_text))
    return found


# --- citations ------------------------------------------------------------------------------------


def cite(meeting: Meeting, records: Records, item: str | None = None, case: Case = "nominative") -> str:
    """«Протокол от 20.05.2024 № 5, п. 2», «решением коллегии от …», «информацией о ходе исполнения
    от …» (``case``: nominative, genitive, instrumental) — by the document's kind (``citation.cite``),
    dates in digits."""
    return cite_document(meeting, records, item or None, case, style="numeric")


# --- later documents acting on assignments ----------------------------------------------------------


@dataclass(frozen=True)
class Review:
    """A document that reviews an assignment (``review``), rewords it (``amend``), or reviews the
    whole record it belongs to (``reviews:`` of a document or an agenda item)."""

    action: str  # "review", "amend", "implement" or "report" (``note`` is the status as written)
    acting: ActingDocument
    member: str | None = None
    note: str | None = None


@dataclass
class Acted:
    """What later documents do to assignments: marks, extensions and cancellations (``Located``
    at the ``acts_on`` entry that makes them, as those of ``records/marks/`` are), the reviews by
    assignment or record id, and the ``extend`` actions whose new deadline is not one date."""

    marks: list[Located] = field(default_factory=list)
    extensions: list[Located] = field(default_factory=list)
    cancellations: list[Located] = field(default_factory=list)
    reviews: dict[str, list[Review]] = field(default_factory=dict)  # assignment or record id → reviews
    unread: list[Located] = field(default_factory=list)  # of Action: ``extend`` to no single date

    def __bool__(self) -> bool:
        return bool(self.marks or self.extensions or self.cancellations or self.reviews or self.unread)


def has_links(meeting: Meeting) -> bool:
    """Whether a document acts on or links to others at all (most do not: a quick look first)."""

    def acts(decisions: list[Decision]) -> bool:
        return any(d.acts_on or (d.decisions and acts(d.decisions)) for d in decisions)

    def agenda(items: list[AgendaItem]) -> bool:
        return any(a.reviews or acts(a.decisions) or (a.items and agenda(a.items)) for a in items)

    return bool(meeting.reviews or meeting.implements or meeting.reports or acts(meeting.decisions)
                or agenda(meeting.agenda))  # fmt: skip


def document_actions(records: Records) -> Iterator[tuple[str, tuple, Decision, int, Action]]:
    """(meeting id, the decision's path, the decision, the index in ``acts_on``, the action) of
    every action of every decision, in record order."""
    for mid, meeting in records.meetings.items():
        if not has_links(meeting):
            continue
        for loc, decision, _executors in meeting.all_decisions():
            for i, action in enumerate(decision.acts_on):
                yield mid, loc, decision, i, action


def acted_entries(records: Records) -> Acted:
    """What the documents' ``acts_on`` and ``reviews`` make (once per loaded ``records``)."""
    cached = records.derived.get("acted")
    if cached is None:
        cached = records.derived["acted"] = _acted(records)
    return cached


def approver(meeting: Meeting) -> str:
    """Who approves what a document decides: its chair, else its first signer, else its issuer."""
    if meeting.chair is not None:
        return meeting.chair.person
    if meeting.signers:
        return meeting.signers[0].person
    return meeting.issuer


def acting_document(records: Records, mid: str, loc: tuple, item: str | None) -> ActingDocument:
    meeting = records.meetings[mid]
    file, line, _col = records.where(mid, loc)
    return ActingDocument(record=mid, number=item, date=meeting.date, citation=cite(meeting, records, item),
                          citation_by=cite(meeting, records, item, "instrumental"), file=file, line=line)  # fmt: skip


def new_date(records: Records, deadline: Deadline | None, issued: dt.date) -> dt.date | None:
    """The one date an ``extend`` moves the deadline to (counted from the document's date for
    «в течение 10 дней»); None when the words give no single date (a period, «постоянно»)."""
    if deadline is None:
        return None
    event_dates: dict[str, dt.date | None] = {mid: m.date for mid, m in records.meetings.items()}
    event_dates.update((eid, e.date) for eid, e in records.events.items())
    plan = schedule(deadline, issued, make_context(records.settings.deadlines, issued, event_dates))
    if plan.following is not None or len(plan.points) != 1 or plan.points[0].default:
        return None
    return plan.points[0].nominal


def _acted(records: Records) -> Acted:
    acted = Acted()
    for mid, loc, decision, i, action in document_actions(records):
        meeting = records.meetings[mid]
        aloc = loc + ("acts_on", i)
        source = records.origins[mid].source
        number = decision.number.rstrip(".")
        acting = acting_document(records, mid, aloc, number)
        if action.action in ("review", "amend"):
            for member in action.parts():
                acted.reviews.setdefault(action.assignment, []).append(Review(action.action, acting, member, action.note))
            continue
        day = meeting.date
        if action.action == "extend":
            moved = new_date(records, action.new_deadline, meeting.date)
            if moved is None:
                acted.unread.append(Located(action, source, aloc))
                continue
            day = moved
        for member in action.parts():
            entry: DocumentMark | DocumentExtension | DocumentCancellation
            if action.action == "done":
                entry = DocumentMark(assignment=action.assignment, member=member, acted_by=acting, date=meeting.date,
                                     document=acting.citation, note=action.note)  # fmt: skip
                acted.marks.append(Located(entry, source, aloc))
            elif action.action == "extend":
                entry = DocumentExtension(assignment=action.assignment, member=member, acted_by=acting, new_deadline=day,
                                          approved=meeting.date, approved_by=approver(meeting),
                                          basis=acting.citation)  # fmt: skip
                acted.extensions.append(Located(entry, source, aloc))
            else:
                entry = DocumentCancellation(assignment=action.assignment, member=member, acted_by=acting,
                                             date=meeting.date, by=approver(meeting), basis=acting.citation)  # fmt: skip
                acted.cancellations.append(Located(entry, source, aloc))
    for mid, meeting in records.meetings.items():
        if meeting.reports:
            _reported(records, acted, mid, meeting)
        if not (meeting.reviews or meeting.implements or (meeting.agenda and has_links(meeting))):
            continue
        for loc, target, item in linked_documents(meeting):
            key = target.record if target.record is not None else target.assignment
            if key is None:
                continue  # a paper cited as written: printed, never tracked
            if target.item is not None:
                key = f"{key}#{target.item}"
            what = "implement" if loc[-2] == "implements" else "review"
            acted.reviews.setdefault(key, []).append(Review(what, acting_document(records, mid, loc, item)))
    return acted


def report_entries(records: Records) -> Iterator[tuple[str, int, ReportEntry]]:
    """(document id, index in ``reports``, entry) of every report entry, in record order."""
    for mid, meeting in records.meetings.items():
        for i, entry in enumerate(meeting.reports):
            yield mid, i, entry


def _reported(records: Records, acted: Acted, mid: str, meeting: Meeting) -> None:
    """A report's entries: a new term is an extension approved on the report's date, «исполнено»
    with ``closes`` an execution mark of that date; every entry about an assignment is shown
    under it (``Review("report")``)."""
    source = records.origins[mid].source
    for i, entry in enumerate(meeting.reports):
        if entry.assignment is None:
            continue
        loc = ("reports", i)
        acting = acting_document(records, mid, loc, entry.number)
        parts: tuple[str | None, ...] = tuple(entry.members) or (None,)
        for member in parts:
            acted.reviews.setdefault(entry.assignment, []).append(Review("report", acting, member, entry.status))
        day = None
        if entry.new_deadline is not None:
            day = new_date(records, entry.new_deadline, meeting.date)
            if day is None:
                acted.unread.append(Located(entry, source, loc))
        for member in parts:
            if day is not None:
                acted.extensions.append(Located(DocumentExtension(
                    assignment=entry.assignment, member=member, acted_by=acting, new_deadline=day,
                    approved=meeting.date, approved_by=approver(meeting), basis=acting.citation), source, loc))  # fmt: skip
            if entry.closes:
                acted.marks.append(Located(DocumentMark(assignment=entry.assignment, member=member, acted_by=acting,
                                                        date=meeting.date, document=acting.citation,
                                                        note=entry.status), source, loc))  # fmt: skip


def linked_documents(meeting: Meeting) -> Iterator[tuple[tuple, LinkTarget, str | None]]:
    """(path, target, agenda item number or None) of every ``reviews`` and ``implements`` link of
    a document and of its agenda items."""
    for key in ("reviews", "implements"):
        for i, target in enumerate(getattr(meeting, key)):
            yield (key, i), target, None
    for loc, agenda_item in _agenda(meeting.agenda, ("agenda",)):
        for i, target in enumerate(agenda_item.reviews):
            yield loc + ("reviews", i), target, agenda_item.number.rstrip(".")


def _agenda(items: list[AgendaItem], loc: tuple) -> Iterator[tuple[tuple, AgendaItem]]:
    for i, item in enumerate(items):
        yield loc + (i,), item
        yield from _agenda(item.items, loc + (i, "items"))


def reviews_of(records: Records, assignment_id: str) -> list[Review]:
    """The reviews of an assignment: its own, then those of its record as a whole, by date."""
    reviews = acted_entries(records).reviews
    if not reviews:
        return []
    record_id = assignment_id.partition("#")[0]
    found = list(reviews.get(assignment_id, ())) + list(reviews.get(record_id, ()))
    return sorted(found, key=lambda r: r.acting.date)
