"""Control of execution as of a day: every assignment part with its status, and executive
discipline per executor. The data behind ``nor-docs check``, the calendar and the control sheet.

**Parts.** An assignment is tracked member by member (``Assignment.members``: a group's members,
or each of several executors). A part's id is the assignment id, with ``/<member>`` appended
when the assignment has more than one part or its executor is a group
(``2023-12-14-mun4-wg#3/mun4-leshkova``); a single person's or school's assignment keeps the
bare id. A mark, extension or cancellation without ``member`` applies to every part.

**Statuses** (stable codes; Russian words in ``STATUS_TEXT``), decided in this order:

- ``cancelled`` — снято с контроля: a cancellation dated on or before today, unless every point
  was already closed by then (then it is done or done late);
- ``done`` / ``done_late`` — исполнено / исполнено с нарушением срока: every control point is
  closed by an execution mark; late when any mark came after its point's effective due date.
  A standing assignment closed by a mark is done;
- ``waiting_event`` — ждёт даты события: relative to an event with no date yet;
- ``no_deadline`` — срок не установлен: no deadline written and the office's default turned
  off (``deadlines.default_deadline: false``); never overdue. With the default on, the point is
  the default date, and every output says so (``ControlItem.default_deadline``);
- ``standing`` — постоянно: never overdue, listed with its annual report date (a roadmap's
  standing item is due at the roadmap's end instead);
- otherwise the earliest open point decides: ``overdue`` (просрочено, N calendar days) when
  today is after its due date; ``due_soon`` (срок истекает) when it is due today or within
  ``warn_days`` working days; ``extended`` (срок продлён) when its date was moved; else
  ``open`` (на контроле).

**A date before the document** (an old plan approved late, a source's slip): the point is due
on the document's date (``deadlines.not_before_issue``) — nothing is overdue on the day the
document is signed; validate warns (NOR108).

**Later documents.** A decision that closes, extends or takes off control an earlier assignment
(``acts_on``) counts as the mark, extension or cancellation it means (``links.acted_entries``),
dated by the document.

**As of a day.** Only what had happened by ``today`` counts: assignments issued (meetings held,
roadmaps approved) after it are left out, as are marks dated and extensions approved or
cancellations dated after it — so ``--today`` replays any past day.

**Not on control.** Decisions with ``on_control: false`` («принять к сведению», headings) and
decisions or roadmap items without executors are not assignments (``collect_assignments`` skips
them): they never appear here, in ``check``, the calendar or the discipline summary.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from enum import StrEnum

from ..model.marks import Cancellation, ExecutionMark, Extension
from ..model.records import Records
from ..model.settings import DeadlineSettings
from .assignments import Assignment, collect_assignments
from .links import acted_entries
from .schedule import Schedule, make_context, not_before_issue, schedule
from .tracking import PointState, track


class Status(StrEnum):
    """The status of a part of an assignment: the stable codes of ``check --format json``."""

    OVERDUE = "overdue"
    DUE_SOON = "due_soon"
    EXTENDED = "extended"
    OPEN = "open"
    WAITING_EVENT = "waiting_event"
    NO_DEADLINE = "no_deadline"
    STANDING = "standing"
    DONE_LATE = "done_late"
    DONE = "done"
    CANCELLED = "cancelled"


# Output order: what needs attention first.
STATUSES = tuple(Status)
STATUS_TEXT = {
    Status.OPEN: "на контроле",
    Status.DUE_SOON: "срок истекает",
    Status.OVERDUE: "просрочено",
    Status.DONE: "исполнено",
    Status.DONE_LATE: "исполнено с нарушением срока",
    Status.EXTENDED: "срок продлён",
    Status.CANCELLED: "снято с контроля",
    Status.STANDING: "постоянно",
    Status.WAITING_EVENT: "ждёт даты события",
    Status.NO_DEADLINE: "срок не установлен",
}
# Statuses of a part that is still to be done and not late.
PENDING = frozenset({Status.OPEN, Status.DUE_SOON, Status.EXTENDED, Status.STANDING, Status.WAITING_EVENT,
                     Status.NO_DEADLINE})  # fmt: skip
DEFAULT_MARK = "срок по умолчанию"
STATUTORY_MARK = "срок по закону"  # an inspection act's item on its kind's statutory term


def default_rule(settings: DeadlineSettings) -> str:
    """How the default date of an assignment without a deadline is counted, in words."""
    if settings.default_days is not None:
        return f"{settings.default_days} дн. с даты документа"
    return "месяц с даты документа"


def default_words(item: ControlItem, settings: DeadlineSettings) -> tuple[str, str]:
    """For a part on a date nobody wrote (``default_deadline``): what the date is — «срок по
    умолчанию» or «срок по закону» — and how it is counted («месяц с даты документа», «в течение
    месяца со дня получения 15.06.2021 (… ст. 24)»)."""
    statutory = item.assignment.statutory
    if statutory is not None:
        return STATUTORY_MARK, statutory
    return DEFAULT_MARK, default_rule(settings)


@dataclass(slots=True, eq=False)
class ControlItem:
    """One part of an assignment (one executor's share) and its state as of ``today``.

    Read-only by convention (not ``frozen``: tens of thousands are built per run, and a frozen
    dataclass's ``__init__`` is ~3× slower)."""

    id: str
    assignment: Assignment
    member: str
    in_parts: bool  # the assignment is tracked member by member; ``id`` carries ``/member``
    status: Status
    points: tuple[PointState, ...]
    current: PointState | None  # the point the status speaks of
    days_overdue: int
    report_date: dt.date | None  # standing: the next annual report
    waiting_event: str | None
    marks: tuple[ExecutionMark, ...]  # every mark of this part dated on or before today
    cancellation: Cancellation | None

    @property
    def deadline(self) -> dt.date | None:
        """The effective due date of the current point (after the rule and extensions)."""
        return self.current.due if self.current is not None else None

    @property
    def extended(self) -> bool:
        return any(p.extensions for p in self.points)

    @property
    def extensions(self) -> tuple[Extension, ...]:
        return tuple(e for p in self.points for e in p.extensions)

    @property
    def done_on(self) -> dt.date | None:
        if self.status not in ("done", "done_late"):
            return None
        closed = [p.closed_on for p in self.points if p.closed_on is not None]
        if closed:
            return max(closed)
        final = [m.date for m in self.marks if not m.interim]
        return min(final) if final else None

    @property
    def days_late(self) -> int:
        """For ``done_late``: how many days after its due date the late point was closed."""
        late = [(closed - p.due).days for p in self.points if p.late and (closed := p.closed_on) is not None]
        return max(late) if late else 0

    @property
    def default_deadline(self) -> bool:
        """The date the status speaks of is the office's default: no deadline was written."""
        current = self.current
        return current is not None and current.point.default and not current.extensions

    @property
    def early_deadline(self) -> bool:
        """The written date is before the document's date: controlled from the document's date."""
        current = self.current
        return current is not None and current.point.early and not current.extensions

    @property
    def status_text(self) -> str:
        word = STATUTORY_MARK if self.assignment.statutory is not None else DEFAULT_MARK
        mark = f"; {word}" if self.default_deadline and self.status not in ("done", "done_late", "cancelled") else ""
        if self.status == "overdue":
            return f"просрочено ({self.days_overdue} {days_word(self.days_overdue)}{mark})"
        return STATUS_TEXT[self.status] + (f" ({mark[2:]})" if mark else "")


@dataclass(frozen=True)
class ExecutorDiscipline:
    """Executive discipline of one executor: how their parts stand as of the day.

    ``total`` counts every part not cancelled; ``pending`` those not yet due (open, due soon,
    extended, standing, waiting for an event). ``on_time_share`` is done on time over the parts
    whose outcome is known (done, done late, overdue); None when there are none.
    """

    executor: str
    name: str
    total: int
    done: int
    done_late: int
    overdue: int
    pending: int
    cancelled: int

    @property
    def on_time_share(self) -> float | None:
        judged = self.done + self.done_late + self.overdue
        return self.done / judged if judged else None


def control_items(
    records: Records,
    today: dt.date,
    warn_days: int | None = None,
    assignments: list[Assignment] | None = None,
) -> list[ControlItem]:
    """Every part of every assignment with its status as of ``today``, in record order."""
    settings = records.settings.deadlines
    warn = settings.warn_days if warn_days is None else warn_days
    event_dates: dict[str, dt.date | None] = {mid: m.date for mid, m in records.meetings.items()}
    event_dates.update((eid, e.date) for eid, e in records.events.items())
    context = make_context(settings, today, event_dates)
    calendar = context.calendar
    acted = acted_entries(records)  # what later documents decided (``Decision.acts_on``): marks too
    marks = _by_assignment(records.marks + acted.marks if acted.marks else records.marks)
    extensions = _by_assignment(records.extensions + acted.extensions if acted.extensions else records.extensions)
    cancellations = _by_assignment(records.cancellations + acted.cancellations if acted.cancellations
                                   else records.cancellations)  # fmt: skip
    if assignments is None:
        assignments = collect_assignments(records)
    items: list[ControlItem] = []
    append = items.append
    for a in assignments:
        if a.issued is not None and a.issued > today:
            continue  # given after «today»: as of that day it does not exist yet
        period = records.roadmaps[a.record_id].period if a.origin == "roadmap" else None
        until, since = (period.end, period.start) if period is not None else (None, None)
        deadline = a.statutory_deadline if a.statutory_deadline is not None else a.deadline
        plan = not_before_issue(schedule(deadline, a.issued, context, until, since), a.issued)
        if a.statutory is not None:  # the law's term, not one the paper wrote: labelled as a default
            plan = replace(plan, points=tuple(replace(p, default=True, name=STATUTORY_MARK) for p in plan.points))
        in_parts = len(a.members) > 1 or a.members != a.executors
        prefix = a.id + "/" if in_parts else None
        a_marks = [m for m in marks.get(a.id, ()) if m.date <= today]
        a_extensions = extensions.get(a.id, ())
        a_cancellations = [c for c in cancellations.get(a.id, ()) if c.date <= today]
        if not (a_marks or a_extensions or a_cancellations):
            # Nothing has happened to any part yet (most assignments): one state for all.
            points = track(plan, (), (), calendar, today)
            status, current, overdue = _status(plan, points, (), None, today, warn, calendar)
            waiting = plan.waiting_event if not points else None
            for member in a.members:
                append(ControlItem(prefix + member if prefix else a.id, a, member, in_parts, status, points, current,
                                   overdue, plan.report_date, waiting, (), None))  # fmt: skip
            continue
        states: dict[tuple, tuple] = {}  # parts with the same marks, extensions and cancellations share a state
        for member in a.members:
            own_marks = tuple(m for m in a_marks if m.member is None or m.member == member)
            own_extensions = tuple(e for e in a_extensions if e.member is None or e.member == member)
            own_cancellations = tuple(c for c in a_cancellations if c.member is None or c.member == member)
            key = (tuple(map(id, own_marks)), tuple(map(id, own_extensions)), tuple(map(id, own_cancellations)))
            state = states.get(key)
            if state is None:
                points = track(plan, own_marks, own_extensions, calendar, today)
                cancellation = min(own_cancellations, key=lambda c: c.date) if own_cancellations else None
                state = (points, cancellation, *_status(plan, points, own_marks, cancellation, today, warn, calendar))
                states[key] = state
            points, cancellation, status, current, overdue = state
            append(ControlItem(prefix + member if prefix else a.id, a, member, in_parts, status, points, current,
                               overdue, plan.report_date, plan.waiting_event if not points else None, own_marks,
                               cancellation))  # fmt: skip
    return items


def _status(plan: Schedule, points, marks, cancellation, today, warn, calendar) -> tuple[Status, PointState | None, int]:
    closed = bool(points) and all(p.closed_by is not None for p in points)
    if plan.standing and not points:
        final = [m.date for m in marks if not m.interim]
        if final and (cancellation is None or min(final) <= cancellation.date):
            return Status.DONE, None, 0
        return (Status.CANCELLED if cancellation else Status.STANDING), None, 0
    if plan.no_deadline and not points:
        final = [m.date for m in marks if not m.interim]
        if final and (cancellation is None or min(final) <= cancellation.date):
            return Status.DONE, None, 0
        return (Status.CANCELLED if cancellation else Status.NO_DEADLINE), None, 0
    if closed:
        late = next((p for p in points if p.late), None)
        last_closed = max(p.closed_on for p in points)
        if cancellation is None or last_closed <= cancellation.date:
            return (Status.DONE_LATE, late, 0) if late else (Status.DONE, points[-1], 0)
    if cancellation is not None:
        current = next((p for p in points if p.closed_by is None), points[-1] if points else None)
        return Status.CANCELLED, current, 0
    if not points:
        return Status.WAITING_EVENT, None, 0
    current = next(p for p in points if p.closed_by is None)
    if today > current.due:
        return Status.OVERDUE, current, (today - current.due).days
    if calendar.due_within(today, current.due, warn):
        return Status.DUE_SOON, current, 0
    if current.extensions:
        return Status.EXTENDED, current, 0
    return Status.OPEN, current, 0


def _by_assignment(located: Iterable) -> dict[str, list]:
    grouped: dict[str, list] = {}
    for entry in located:
        value = entry.value
        grouped.setdefault(value.assignment, []).append(value)
    return grouped


def summary(items: Iterable[ControlItem]) -> dict[str, int]:
    """``{"total": n, <status>: count, …}`` with every status present."""
    counts = {status.value: 0 for status in STATUSES}
    total = 0
    for item in items:
        counts[item.status] += 1
        total += 1
    return {"total": total, **counts}


def discipline(items: Iterable[ControlItem], records: Records) -> list[ExecutorDiscipline]:
    """Executive discipline per executor (each member of a group counts for themselves),
    ordered by name."""
    counts: dict[str, dict[str, int]] = {}
    for item in items:
        row = counts.setdefault(item.member, dict.fromkeys(("done", "done_late", "overdue", "pending", "cancelled"), 0))
        row["pending" if item.status in PENDING else item.status] += 1
    rows = [
        ExecutorDiscipline(
            executor=member,
            name=records.display_name(member),
            total=c["done"] + c["done_late"] + c["overdue"] + c["pending"],
            **c,
        )
        for member, c in counts.items()
    ]
    return sorted(rows, key=lambda r: (natural_key(r.name), r.executor))


def natural_key(text: str) -> tuple:
    """The order people expect: case and «ё» ignored, numbers as numbers («№ 3» before «№ 10»)."""
    parts = re.split(r"(\d+)", text.lower().replace("ё", "е").replace("\u00a0", " "))
    return tuple((0, int(part), "") if part.isdigit() else (1, 0, part) for part in parts if part)


def plural(n: int, one: str, few: str, many: str) -> str:
    """The Russian form for ``n``: 1 день, 2 дня, 5 дней, 11 дней, 21 день."""
    if n % 10 == 1 and n % 100 != 11:
        return one
    if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        return few
    return many


def days_word(n: int) -> str:
    return plural(n, "день", "дня", "дней")
