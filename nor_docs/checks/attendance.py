"""Attendance and votes as numbers (NOR131, NOR219): votes «единогласно» with votes against or
abstentions; more votes cast than people present; present and absent that do not add up to the
members; a named list of attendees (or of the absent) whose length differs from the count. The
model: ``Attendance`` and ``Vote`` in ``model/meeting.py``."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from ..model.meeting import Attendee, Meeting, Vote
from .context import Context, agenda_items


def check(ctx: Context) -> None:
    for mid, m in ctx.r.meetings.items():
        present = _present(m)
        counted = m.attendance
        if counted is not None:
            if counted.present is not None and counted.absent is not None and counted.members is not None \
                    and counted.present + counted.absent != counted.members:
                ctx.report(mid, ("attendance", "members"), "NOR219",
                           f"присутствовало {counted.present} и отсутствовало {counted.absent} — вместе "
                           f"{counted.present + counted.absent}, а членов {counted.members}: проверьте числа "
                           "(attendance)")  # fmt: skip
            elif counted.present is not None and counted.members is not None and counted.present > counted.members:
                ctx.report(mid, ("attendance", "present"), "NOR219",
                           f"присутствовало {counted.present}, а членов всего {counted.members}: проверьте числа")
            for key, number, word in (("attendees", counted.present, "присутствовало"),
                                      ("absent", counted.absent, "отсутствовало")):  # fmt: skip
                listed = _listed(getattr(m, key))
                if number is not None and listed is not None and listed != number:
                    ctx.report(mid, ("attendance", "present" if key == "attendees" else "absent"), "NOR219",
                               f"{word} {number} по числу (attendance), а в списке {key} — {listed}: "
                               "допишите список или исправьте число")  # fmt: skip
        for loc, vote in _votes(m):
            if vote.for_ == "единогласно" and (vote.against or vote.abstained):
                given = ", ".join(f"{word} — {n}" for word, n in (("против", vote.against),
                                                                   ("воздержались", vote.abstained)) if n)  # fmt: skip
                ctx.report(mid, loc, "NOR131",
                           f"голосовали «единогласно», но указано: {given}; запишите числа (for: N, against, "
                           "abstained) или уберите против и воздержавшихся")  # fmt: skip
            cast = vote.cast()
            if cast is not None and present is not None and cast > present:
                ctx.report(mid, loc, "NOR219",
                           f"голосовали {cast}, а присутствовало {present}: проверьте числа голосов "
                           "или присутствия (attendance)")  # fmt: skip


def _present(m: Meeting) -> int | None:
    """How many were present: the count the protocol writes, else the length of a named list
    that counts everyone in it (people and groups with a count)."""
    if m.attendance is not None and m.attendance.present is not None:
        return m.attendance.present
    return _listed(m.attendees)


def _listed(attendees: Sequence[Attendee]) -> int | None:
    """How many people a list names, or None when it has an entry it does not count (a group or
    an organisation without ``count``, words as written)."""
    if not attendees:
        return None
    total = 0
    for attendee in attendees:
        if attendee.person is not None:
            total += 1
        elif attendee.count is not None:
            total += attendee.count
        else:
            return None
    return total


def _votes(m: Meeting) -> Iterator[tuple[tuple, Vote]]:
    for loc, item in agenda_items(m.agenda, ("agenda",)):
        if item.vote is not None:
            yield loc + ("vote",), item.vote
    for loc, decision, _executors in m.all_decisions():
        if decision.vote is not None:
            yield loc + ("vote",), decision.vote
