"""Selecting part of the control: ``--issuer``, ``--meeting``, ``--executor`` of ``check``,
``build control`` and ``calendar`` — one meeting, one school, one office in a big repository.

- ``issuer``: the organisation that gave the assignments (a meeting's or roadmap's ``issuer``);
- ``meeting``: a meeting or a roadmap, by id (``meetings``: several of them, for the report on
  execution's repeated ``--meeting``);
- ``executor``: a person, an organisation or a group; a group means its members (every part
  whose executor is the group or one of its members).

Given together they all apply. An id the records do not define is refused with the nearest known
one, or the way to add it; the words ``describe`` returns name the selection in every report.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..model.near_ids import near_id

if TYPE_CHECKING:  # light on import: check builds its filter before it loads the models
    from ..model.records import Records
    from .status import ControlItem


class FilterError(ValueError):
    """An id of a filter the records do not define; ``option`` is the option that named it."""

    def __init__(self, option: str, message: str):
        super().__init__(message)
        self.option = option


@dataclass(frozen=True)
class ControlFilter:
    issuer: str | None = None
    meeting: str | None = None
    executor: str | None = None
    meetings: tuple[str, ...] = ()  # more records beside ``meeting``: any of them

    def __bool__(self) -> bool:
        return any((self.issuer, self.meeting, self.executor, self.meetings))

    @property
    def records_chosen(self) -> tuple[str, ...]:
        """The meetings and roadmaps named (``meeting`` first, then ``meetings``)."""
        return ((self.meeting,) if self.meeting is not None else ()) + self.meetings

    def check(self, records: Records) -> None:
        """Raise FilterError for an id the records do not define (or define as something else)."""
        if self.issuer is not None and self.issuer not in records.organizations:
            if self.issuer in records.origins:
                raise FilterError("--issuer", f"«{self.issuer}» — {_kind_words(self.issuer, records)}, а --issuer — "
                                              "организация, давшая поручения")  # fmt: skip
            raise FilterError("--issuer", _unknown(self.issuer, records.organizations, "организации",
                                                   "nor-docs new organization"))  # fmt: skip
        for meeting in self.records_chosen:
            if meeting in records.meetings or meeting in records.roadmaps:
                continue
            if meeting in records.origins:
                raise FilterError("--meeting", f"«{meeting}» — {_kind_words(meeting, records)}, а --meeting — "
                                               "заседание или дорожная карта")  # fmt: skip
            known = set(records.meetings) | set(records.roadmaps)
            raise FilterError("--meeting", _unknown(meeting, known, "заседания или дорожной карты", None))
        if self.executor is not None and not any(
            self.executor in kind for kind in (records.people, records.organizations, records.groups)
        ):
            if self.executor in records.origins:
                raise FilterError("--executor", f"«{self.executor}» — {_kind_words(self.executor, records)}, а "
                                                "--executor — человек, организация или группа")  # fmt: skip
            known = set(records.people) | set(records.organizations) | set(records.groups)
            raise FilterError("--executor", _unknown(self.executor, known, "человека, организации или группы",
                                                     "nor-docs new person или new organization"))  # fmt: skip

    def apply(self, items: Iterable[ControlItem], records: Records) -> list[ControlItem]:
        """The items selected (all of them without a filter), in their order."""
        items = list(items)
        if not self:
            return items
        members = self._executors(records)
        chosen_records = set(self.records_chosen)
        chosen = []
        for item in items:
            a = item.assignment
            if chosen_records and a.record_id not in chosen_records:
                continue
            if self.issuer is not None and _issuer(a, records) != self.issuer:
                continue
            if members is not None and item.member not in members:
                continue
            chosen.append(item)
        return chosen

    def _executors(self, records: Records) -> set[str] | None:
        if self.executor is None:
            return None
        group = records.groups.get(self.executor)
        return {self.executor, *(m.ref for m in group.members)} if group is not None else {self.executor}

    def describe(self, records: Records) -> str:
        """«Отбор: выдал — …; заседание — …; исполнитель — …» ('' without a filter)."""
        parts = []
        if self.issuer is not None:
            parts.append(f"выдал — {records.display_name(self.issuer)}")
        parts += [_record_words(meeting, records) for meeting in self.records_chosen]
        if self.executor is not None:
            words = f"исполнитель — {records.display_name(self.executor)}"
            if self.executor in records.groups and records.groups[self.executor].members:
                words += " (каждый участник группы)"
            parts.append(words)
        words = "; ".join(parts)
        return f"Отбор: {words}" + ("" if words.endswith(".") else ".") if parts else ""

    def file_suffix(self) -> str:
        """What a filtered document's file name adds: ``-executor-ivanova``."""
        named = [("issuer", self.issuer), *(("meeting", m) for m in self.records_chosen), ("executor", self.executor)]
        return "".join(f"-{name}-{value}" for name, value in named if value)

    def as_dict(self) -> dict[str, str]:
        return {name: value for name, value in
                (("issuer", self.issuer), ("meeting", self.meeting), ("executor", self.executor)) if value}  # fmt: skip


def _issuer(assignment, records: Records) -> str | None:
    record = (records.meetings if assignment.origin == "meeting" else records.roadmaps).get(assignment.record_id)
    return record.issuer if record is not None else None


def _record_words(record_id: str, records: Records) -> str:
    from ..model.common import format_date

    if record_id in records.meetings:
        meeting = records.meetings[record_id]
        number = f" № {meeting.number}" if meeting.number else ""
        kind = records.kind_of(meeting)
        if kind.meeting and meeting.kind:  # «заседание — заседание рабочей группы от …»
            return f"заседание — {meeting.kind} от {format_date(meeting.date)}{number} ({record_id})"
        return f"документ — {kind.label} от {format_date(meeting.date)}{number} ({record_id})"
    return f"дорожная карта — {records.roadmaps[record_id].title} ({record_id})"


def _kind_words(record_id: str, records: Records) -> str:
    for kind, words in ((records.people, "человек"), (records.organizations, "организация"),
                        (records.groups, "группа"), (records.meetings, "заседание"),
                        (records.roadmaps, "дорожная карта"), (records.events, "событие")):  # fmt: skip
        if record_id in kind:
            return words
    return "запись другого вида"


def _unknown(value: str, known, what: str, how_to_add: str | None) -> str:
    hint = near_id(value, sorted(known))
    if hint:
        return f"«{value}» — такого id {what} в записях нет; возможно, «{hint}»?"
    tail = f"; добавьте: {how_to_add}" if how_to_add else ""
    return f"«{value}» — такого id {what} в записях нет{tail}"
