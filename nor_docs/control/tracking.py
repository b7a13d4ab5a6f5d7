"""Tracking: a schedule's control points as of a day, given one part's execution marks and
extensions (``track``). In date order, an execution mark (not ``interim``) closes the earliest open
point it may close (a recurring point only once its period has begun); an extension moves the
earliest point still open on the day it was approved — so the latest approved one wins, and each
point keeps its history of moves. Only marks dated and extensions approved on or before the day
count.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, replace

from ..model.marks import ExecutionMark, Extension
from .calendar import WorkCalendar
from .schedule import ControlPoint, Schedule


@dataclass(frozen=True, slots=True)
class PointState:
    """A control point as of a day: its effective due date (after extensions, with their
    history) and the mark that closed it, if any."""

    point: ControlPoint
    due: dt.date
    extensions: tuple[Extension, ...] = ()
    closed_by: ExecutionMark | None = None

    @property
    def closed_on(self) -> dt.date | None:
        return self.closed_by.date if self.closed_by is not None else None

    @property
    def late(self) -> bool:
        return self.closed_by is not None and self.closed_by.date > self.due


def track(
    plan: Schedule,
    marks: Iterable[ExecutionMark],
    extensions: Iterable[Extension],
    calendar: WorkCalendar,
    today: dt.date,
) -> tuple[PointState, ...]:
    """The points of ``plan`` as of ``today``, given one part's marks and extensions (in record
    order; only marks dated and extensions approved on or before ``today`` count)."""
    if not marks and not extensions:  # most parts: nothing has happened to them yet
        return tuple(PointState(p, p.due) for p in plan.points)
    states = [PointState(p, p.due) for p in plan.points]
    # In date order; on one day the extensions first, then the marks, each in record order (the
    # entry itself, a mark or an extension, is told apart by its type).
    timeline: list[tuple[dt.date, int, int, ExecutionMark | Extension]] = [
        (e.approved, _EXTENSIONS_FIRST, order, e) for order, e in enumerate(extensions) if e.approved <= today
    ]
    timeline += [(m.date, _MARKS_AFTER, order, m) for order, m in enumerate(marks) if not m.interim and m.date <= today]
    timeline.sort(key=_when)
    for day, _rank, _order, entry in timeline:
        if isinstance(entry, ExecutionMark):
            for i, state in enumerate(states):
                if state.closed_by is None and (state.point.opens is None or state.point.opens <= day):
                    states[i] = replace(state, closed_by=entry)
                    break
            continue
        if plan.standing:
            continue  # «постоянно» has no date to move
        open_index = next((i for i, s in enumerate(states) if s.closed_by is None), None)
        due = calendar.shift(entry.new_deadline)
        if open_index is None:
            if states:
                continue  # everything is closed: nothing left to move
            # No point yet (waiting for an event's date): the extension sets the date.
            point = ControlPoint(due, entry.new_deadline)
            states.append(PointState(point, due, (entry,)))
            continue
        state = states[open_index]
        states[open_index] = replace(state, due=due, extensions=state.extensions + (entry,))
    if plan.following is not None and states and all(s.closed_by is not None for s in states):
        nxt = plan.following(states[-1].point)
        if nxt is not None:
            states.append(PointState(nxt, nxt.due))
    return tuple(states)


_EXTENSIONS_FIRST, _MARKS_AFTER = 0, 1  # the order of a mark and an extension of the same day


def _when(entry: tuple[dt.date, int, int, ExecutionMark | Extension]) -> tuple[dt.date, int, int]:
    return entry[0], entry[1], entry[2]
