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
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model.records import Records


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
