"""Links between records that point both ways: a roadmap names the decision that ordered it,
and the control view of that decision shows the roadmap; a roadmap item may name the meeting
where its result was reported, and that meeting's view lists the items reported at it.
"""

from __future__ import annotations

from dataclasses import dataclass

from .records import Records


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


def items_reported_at(records: Records) -> dict[str, list[ReportedItem]]:
    """Meeting id → roadmap items whose result was reported at that meeting, in roadmap order."""
    found: dict[str, list[ReportedItem]] = {}
    for rid, roadmap in sorted(records.roadmaps.items()):
        items = [item for section in roadmap.sections for item in section.items] + list(roadmap.items)
        for item in items:
            if item.reported_at:
                found.setdefault(item.reported_at, []).append(ReportedItem(rid, item.number, item.activity))
    return found
