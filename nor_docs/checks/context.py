"""What the checks share: the ``Context`` of one run (the records, the ids of each kind, the
diagnostics found) and the messages of an unknown reference (NOR104, NOR109, NOR110) with the
nearest known id or the way to add what is missing."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from ..control.links import decision_ids
from ..diagnostics import Diagnostic
from ..model.common import ID_PATTERN
from ..model.directory import DirectoryFile
from ..model.events import EventsFile
from ..model.marks import ASSIGNMENT_ID_PATTERN
from ..model.meeting import AgendaItem, Meeting
from ..model.near_ids import near_id
from ..model.records import Records
from ..model.roadmap import Roadmap, RoadmapItem

ID = re.compile(ID_PATTERN)
ASSIGNMENT_ID = re.compile(ASSIGNMENT_ID_PATTERN)


class Context:
    """What every check of one run shares: the records, the ids of each kind (those a file that
    failed its schema defines included), where each diagnostic goes, and the helpers that report
    an unknown reference with its way out."""

    def __init__(self, records: Records, warnings: bool = True):
        self.r = records
        self.warnings = warnings
        self.found: list[Diagnostic] = []
        self.kinds = {
            "person": set(records.people),
            "organization": set(records.organizations),
            "group": set(records.groups),
            "event": set(records.events),
            "meeting": set(records.meetings),
            "roadmap": set(records.roadmaps),
        }
        # Ids a file that failed its schema defines: its own errors are reported; references to
        # what it defines are not also «unknown» (one broken directory file is not a hundred NOR104).
        for source, model in records.unvalidated:
            for kind, record_id in _raw_definitions(model, source):
                self.kinds[kind].add(record_id)
        self.executors = self.kinds["person"] | self.kinds["organization"] | self.kinds["group"]
        self.events = self.kinds["event"] | self.kinds["meeting"]  # what a relative deadline hangs on
        self._decisions: set | None = None  # every decision id: built when a roadmap needs it
        self.reported: set[int] = set()  # id() of the entries a contradiction was reported at (``marks``)

    @property
    def decisions(self):
        if self._decisions is None:
            self._decisions = decision_ids(self.r)
        return self._decisions

    def report(self, record_id: str, loc: tuple, code: str, message: str) -> None:
        file, line, col = self.r.where(record_id, loc)
        self.found.append(Diagnostic(file, line, col, code, message))

    def ref(self, record_id: str, loc: tuple, value: str | None, allowed: Iterable[str], what: str) -> None:
        """Report ``value`` if it is not among ``allowed`` ids, with the nearest one as a hint."""
        if value is None:
            return
        allowed = allowed if isinstance(allowed, (set, dict, frozenset)) else set(allowed)
        if value in allowed:
            return
        file, line, col = self.r.where(record_id, loc)
        self.found.append(Diagnostic(file, line, col, *unknown_reference(value, allowed, what)))

    def person(self, record_id, loc, value, what="лицо"):
        self.ref(record_id, loc, value, self.kinds["person"], what)

    def executor(self, record_id, loc, value):
        self.ref(record_id, loc, value, self.executors, "исполнитель")

    def repeated(self, record_id: str, loc: tuple, values: list, what: str) -> None:
        """The same id twice in one list of executors or attendees: the document would name it
        twice («Иванову П.С., Иванову П.С. представить…»)."""
        if len(set(values)) == len(values):
            return
        seen: set = set()
        for j, value in enumerate(values):
            if value is not None and value in seen:
                self.report(record_id, loc + (j,), "NOR116",
                            f"«{value}» повторяется в списке {what}; удалите повтор — в документе он вышел бы дважды")  # fmt: skip
            seen.add(value)


# The ways to add what a reference names but the records lack ({id} is the id written).
_ADD_PERSON = "добавьте человека в справочник: nor-docs new person {id} \"Фамилия Имя Отчество\""
_ADD_ORGANIZATION = "добавьте организацию в справочник: nor-docs new organization {id} \"Полное наименование\""
# what → (the words of the message, how to add it)
_UNKNOWN = {
    "лицо": ("неизвестное лицо", _ADD_PERSON),
    "организация": ("неизвестная организация", _ADD_ORGANIZATION),
    "группа": ("неизвестная группа", "добавьте группу в records/directory/ (groups:, с members)"),
    "исполнитель": ("неизвестный исполнитель", "добавьте его в справочник: nor-docs new person {id} \"Фамилия Имя "
                    "Отчество\", nor-docs new organization {id} \"Наименование\" или группу в records/directory/"),
    "участник группы": ("неизвестный участник группы", "добавьте его в справочник (nor-docs new person или new "
                        "organization)"),
    "докладчик": ("неизвестный докладчик", _ADD_PERSON),
    "контролирующее лицо": ("неизвестное контролирующее лицо", _ADD_PERSON),
    "событие": ("неизвестное событие", "добавьте событие в records/events/ (или это id заседания)"),
    "заседание": ("неизвестное заседание", "заседания с таким id (имя файла без .yaml) в records/meetings/ нет"),
}


def unknown_reference(value: str, allowed: Iterable[str], what: str) -> tuple[str, str]:
    """(code, message) for an id ``value`` that none of ``allowed`` is: the near miss a person
    would see in it (``model/near_ids.py``), or — resembling nothing — how to add what it names."""
    hint = near_id(value, allowed)
    unknown, how = _UNKNOWN.get(what, (f"неизвестно: {what}", "добавьте запись в records/directory/"))
    tail = f"; возможно, «{hint}»?" if hint else f"; такого id нет — {how.format(id=value)}"
    return ("NOR109" if what == "событие" else "NOR104"), f"{unknown} «{value}»{tail}"


def unknown_assignment(value: str, known: Iterable[str], unknown: str = "неизвестное поручение",
                       genitive: str = "поручения") -> str:  # fmt: skip
    """The message for an assignment id ``<record>#<number>`` that is not one: the record's id
    misspelt (the nearest, with the same number, if that is an assignment), or a number the
    record has no assignment under (its numbers listed)."""
    known = set(known)
    record, _, number = value.partition("#")
    by_record: dict[str, list[str]] = {}
    for item in known:
        rid, _, num = item.partition("#")
        by_record.setdefault(rid, []).append(num)
    if record in by_record:
        numbers = sorted(by_record[record], key=_number_key)
        shown = ", ".join(numbers[:12]) + (" …" if len(numbers) > 12 else "")
        return f"{unknown} «{value}»: в {record} нет {genitive} {number}; есть: {shown}"
    near = near_id(record, by_record)
    if near is not None and f"{near}#{number}" in known:
        return f"{unknown} «{value}»; возможно, «{near}#{number}»?"
    return f"{unknown} «{value}»: заседания или дорожной карты «{record}» с {genitive} нет; укажите <id заседания>#<номер>"


def _number_key(number: str) -> list:
    return [int(part) if part.isdigit() else part for part in re.split(r"[.]", number)]


def _raw_definitions(model, source) -> Iterator[tuple[str, str]]:
    """(kind, id) of what a file that failed its schema defines, from its raw data."""
    data = source.data if isinstance(source.data, dict) else {}
    if model is DirectoryFile:
        for section, kind in (("organizations", "organization"), ("people", "person"), ("groups", "group")):
            items = data.get(section)
            for item in items if isinstance(items, list) else ():
                if isinstance(item, dict) and isinstance(item.get("id"), str):
                    yield kind, item["id"]
    elif model is EventsFile:
        items = data.get("events")
        for item in items if isinstance(items, list) else ():
            if isinstance(item, dict) and isinstance(item.get("id"), str):
                yield "event", item["id"]
    elif model in (Meeting, Roadmap):
        own = data.get("id")
        yield ("meeting" if model is Meeting else "roadmap"), own if isinstance(own, str) else Path(source.path).stem


def agenda_items(items: Sequence[AgendaItem], loc: tuple) -> Iterator[tuple[tuple, AgendaItem]]:
    for i, item in enumerate(items):
        yield loc + (i,), item
        yield from agenda_items(item.items, loc + (i, "items"))


def roadmap_items(roadmap: Roadmap) -> Iterator[tuple[tuple, RoadmapItem]]:
    for i, section in enumerate(roadmap.sections):
        for j, item in enumerate(section.items):
            yield ("sections", i, "items", j), item
    for j, item in enumerate(roadmap.items):
        yield ("items", j), item
