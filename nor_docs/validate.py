"""Cross-record validation: what no single file's schema can see.

References to unknown people, organisations, groups, events and assignments (with the nearest
known id as a way out); deadlines before their meeting; repeated item numbers; percentages that
do not match their counts; organisation names spelled differently from the directory; roadmap
items outside the roadmap's period; marks for members who are not in the group.
"""

from __future__ import annotations

import calendar
import datetime as dt
import difflib
import re
from typing import Iterable, Iterator

from .assignments import Assignment, collect_assignments
from .dates import MAX_YEAR, MIN_YEAR
from .diagnostics import Diagnostic
from .links import decision_ids
from .records import Records
from .spelling import SpellingChecker


MAX_OFFSET_DAYS = 3660  # «через N дней после события»: ten years at most


def validate_records(records: Records, *, warnings: bool = True) -> list[Diagnostic]:
    """Every cross-record problem in ``records``; ``warnings=False`` skips the checks that can
    only warn (spellings, schema comments), for builders that only need to know what is broken."""
    check = _Checker(records)
    check.directory()
    for meeting_id in records.meetings:
        check.meeting(meeting_id)
    for roadmap_id in records.roadmaps:
        check.roadmap(roadmap_id)
    if records.marks or records.extensions or records.cancellations:
        assignments = {a.id: a for a in collect_assignments(records)}
        check.marks(assignments)
        check.contradictions(assignments)
    if warnings:
        check.schema_comments()
        check.spellings()
    return check.found


class _Checker:
    def __init__(self, records: Records):
        self.r = records
        self.found: list[Diagnostic] = []
        self.kinds = {
            "person": set(records.people),
            "organization": set(records.organizations),
            "group": set(records.groups),
        }
        self.executors = self.kinds["person"] | self.kinds["organization"] | self.kinds["group"]
        self.events = set(records.events) | set(records.meetings)  # what a relative deadline hangs on
        self._decisions: set | None = None  # every decision id: built when a roadmap needs it
        self._reported: set[int] = set()  # id() of the entries a contradiction was reported at

    @property
    def decisions(self):
        if self._decisions is None:
            self._decisions = decision_ids(self.r)
        return self._decisions

    # --- helpers -------------------------------------------------------------------------

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
        hint = difflib.get_close_matches(value, sorted(allowed), n=1, cutoff=0.6)
        unknown, where = _UNKNOWN.get(what, (f"неизвестно: {what}", "records/directory/"))
        tail = f"; возможно, «{hint[0]}»?" if hint else f"; такого id нет — добавьте запись в {where}"
        code = "NOR109" if what == "событие" else "NOR104"
        self.report(record_id, loc, code, f"{unknown} «{value}»{tail}")

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

    # --- checks --------------------------------------------------------------------------

    def directory(self) -> None:
        for pid, person in self.r.people.items():
            self.ref(pid, ("organization",), person.organization, self.kinds["organization"], "организация")
            if person.gender is None and not person.patronymic and not _gender_from_surname(person.surname):
                self.report(
                    pid, ("surname",), "NOR205",
                    f"пол «{person.surname}» не определяется по фамилии и отчеству; укажите gender: f или m",
                )  # fmt: skip
        for oid, org in self.r.organizations.items():
            self.ref(oid, ("parent",), org.parent, self.kinds["organization"], "организация")
        for gid, group in self.r.groups.items():
            self.ref(gid, ("organization",), group.organization, self.kinds["organization"], "организация")
            for i, member in enumerate(group.members):
                if member.person:
                    self.person(gid, ("members", i, "person"), member.person, "участник группы")
                else:
                    self.ref(gid, ("members", i, "organization"), member.organization,
                             self.kinds["organization"], "участник группы")  # fmt: skip

    def meeting(self, mid: str) -> None:
        # Membership is tested inline and a path built only for a miss: this runs for every
        # reference of every meeting, and a records folder may hold thousands of them.
        m = self.r.meetings[mid]
        people, groups, orgs = self.kinds["person"], self.kinds["group"], self.kinds["organization"]
        if m.issuer not in orgs:
            self.ref(mid, ("issuer",), m.issuer, orgs, "организация")
        for key in ("chair", "secretary"):
            role = getattr(m, key)
            if role is not None and role.person not in people:
                self.person(mid, (key, "person"), role.person)
        for i, signer in enumerate(m.signers):
            if signer.person not in people:
                self.person(mid, ("signers", i, "person"), signer.person)
        if m.chair is None and m.secretary is None and not m.signers:
            self.report(mid, (), "NOR207",
                        "в протоколе некому подписаться: нет ни председателя (chair), ни секретаря (secretary), "
                        "ни списка подписей (signers) — добавьте их, иначе документ выйдет без подписей")  # fmt: skip
        for key in ("attendees", "invited", "absent"):
            listed = getattr(m, key)
            self.repeated(mid, (key,), [a.person or a.group or a.organization for a in listed], "присутствовавших"
                          if key == "attendees" else "приглашённых" if key == "invited" else "отсутствовавших")  # fmt: skip
            for i, a in enumerate(listed):
                if a.person is not None and a.person not in people:
                    self.person(mid, (key, i, "person"), a.person)
                if a.group is not None and a.group not in groups:
                    self.ref(mid, (key, i, "group"), a.group, groups, "группа")
                if a.organization is not None and a.organization not in orgs:
                    self.ref(mid, (key, i, "organization"), a.organization, orgs, "организация")
        agenda = list(_agenda_items(m.agenda, ("agenda",)))
        for loc, item in agenda:
            for j, speaker in enumerate(item.speakers):
                if speaker.person is not None and speaker.person not in people:
                    self.person(mid, loc + ("speakers", j, "person"), speaker.person, "докладчик")
                if speaker.group is not None and speaker.group not in groups:
                    self.ref(mid, loc + ("speakers", j, "group"), speaker.group, groups, "группа")
            for key in ("heard", "spoke"):
                for j, statement in enumerate(getattr(item, key)):
                    if statement.person not in people:
                        self.person(mid, loc + (key, j, "person"), statement.person)
            if item.appendix is not None and item.appendix not in {a.number for a in m.appendices}:
                self.report(mid, loc + ("appendix",), "NOR113",
                            f"приложения {item.appendix} в записи нет; добавьте его в appendices")  # fmt: skip
        self.unique_numbers(mid, [(loc, item.number) for loc, item in agenda], "пункт повестки")
        numbers = []
        executors = self.executors
        for loc, decision, _executors in m.all_decisions():
            numbers.append((loc, decision.number))
            self.repeated(mid, loc + ("executors",), decision.executors, "исполнителей")
            for j, executor in enumerate(decision.executors):
                if executor not in executors:
                    self.executor(mid, loc + ("executors", j), executor)
            if decision.controller is not None and decision.controller not in people:
                self.person(mid, loc + ("controller",), decision.controller, "контролирующее лицо")
            if decision.deadline is not None:
                self.deadline(mid, loc + ("deadline",), decision.deadline, m.date)
        self.unique_numbers(mid, numbers, "пункт решения")
        for i, result in enumerate(m.results):
            self.ref(mid, ("results", i, "organization"), result.organization, self.kinds["organization"],
                     "организация")  # fmt: skip
            if result.percent is not None:
                actual = result.low * 100 / result.participants
                if abs(actual - result.percent) >= 0.05 + 1e-9 and round(actual) != result.percent:
                    self.report(
                        mid, ("results", i, "percent"), "NOR201",
                        f"{_pct(result.percent)} не соответствует {result.low} из {result.participants} "
                        f"(это {_pct(round(actual, 1))}); проверьте числа",
                    )  # fmt: skip

    def deadline(self, record_id: str, loc: tuple, deadline, not_before=None) -> None:
        if deadline is None:
            return
        if not self.deadline_in_range(record_id, loc, deadline):
            return
        if deadline.kind == "relative" and deadline.event not in self.events:
            self.ref(record_id, loc, deadline.event, self.events, "событие")
        for point in deadline.points or [deadline]:
            if not_before is not None and point.kind == "date" and point.date < not_before:
                self.report(
                    record_id, loc, "NOR108",
                    f"срок {point.date:%d.%m.%Y} раньше даты заседания {not_before:%d.%m.%Y}; проверьте год",
                )  # fmt: skip
            elif not_before is not None and point.kind in ("month", "period") and point.year and point.month:
                # «в течение I квартала 2024 года» given on 15.04.2024: the period is over already
                end = dt.date(point.year, point.month, calendar.monthrange(point.year, point.month)[1])
                if end < not_before:
                    self.report(
                        record_id, loc, "NOR108",
                        f"срок «{deadline.as_written}»: период до {end:%d.%m.%Y} закончился раньше даты заседания "
                        f"{not_before:%d.%m.%Y}; проверьте год",
                    )  # fmt: skip

    def deadline_in_range(self, record_id: str, loc: tuple, deadline) -> bool:
        """A deadline's dates within the years a record may hold, and a relative one within
        ten years of its event — what the control logic can always compute (NOR105, NOR106)."""
        for point in deadline.points or [deadline]:
            year = point.date.year if point.kind == "date" and point.date else point.year
            if year is not None and not MIN_YEAR <= year <= MAX_YEAR:
                self.report(record_id, loc, "NOR105",
                            f"срок «{deadline.as_written}»: год {year} вне допустимого (от {MIN_YEAR} до {MAX_YEAR}); "
                            "проверьте год")  # fmt: skip
                return False
        if deadline.kind == "relative" and abs(deadline.offset_days) > MAX_OFFSET_DAYS:
            self.report(record_id, loc, "NOR106",
                        f"срок «{deadline.as_written}»: больше {MAX_OFFSET_DAYS} дней от события — так сроки не ставят; "
                        "проверьте число")  # fmt: skip
            return False
        return True

    def unique_numbers(self, record_id: str, numbered: list[tuple[tuple, str]], what: str) -> None:
        seen: dict[str, tuple] = {}
        for loc, number in numbered:
            key = number.rstrip(".")
            if key in seen:
                _, line, _ = self.r.where(record_id, seen[key] + ("number",))
                self.report(record_id, loc + ("number",), "NOR111",
                            f"{what} {number} повторяется (первый — строка {line}); перенумеруйте")  # fmt: skip
            else:
                seen[key] = loc

    def roadmap(self, rid: str) -> None:
        rm = self.r.roadmaps[rid]
        self.ref(rid, ("issuer",), rm.issuer, self.kinds["organization"], "организация")
        self.ref(rid, ("subject",), rm.subject, self.kinds["organization"], "организация")
        numbers = []
        for loc, item in _roadmap_items(rm):
            numbers.append((loc, item.number))
            self.repeated(rid, loc + ("executors",), item.executors, "исполнителей")
            for j, executor in enumerate(item.executors):
                self.executor(rid, loc + ("executors", j), executor)
            self.ref(rid, loc + ("reported_at",), item.reported_at, self.r.meetings, "заседание")
            self.deadline(rid, loc + ("deadline",), item.deadline)
            for point in (item.deadline.points or [item.deadline]) if item.deadline else []:
                if not _within_period(point, rm.period):
                    self.report(
                        rid, loc + ("deadline",), "NOR204",
                        f"срок «{item.deadline.as_written}» вне периода дорожной карты "
                        f"({rm.period.start:%d.%m.%Y}–{rm.period.end:%d.%m.%Y})",
                    )  # fmt: skip
        self.unique_numbers(rid, numbers, "пункт дорожной карты")
        if rm.ordered_by is not None:
            known = self.decisions
            if rm.ordered_by not in known:
                hint = difflib.get_close_matches(rm.ordered_by, sorted(known), n=1, cutoff=0.6)
                tail = f"; возможно, «{hint[0]}»?" if hint else "; укажите <id заседания>#<номер решения>"
                self.report(rid, ("ordered_by",), "NOR501", f"неизвестное решение «{rm.ordered_by}»{tail}")

    def marks(self, assignments: dict[str, Assignment]) -> None:
        known = sorted(assignments)
        # A meeting or roadmap file that failed its schema is not loaded; its own errors say so,
        # and its marks are checked in the run after the fix (not «unknown», not hinted elsewhere).
        unloaded = {path.stem for path in self.r.files if {"meetings", "roadmaps"} & set(path.parts[-3:-1])}
        unloaded -= set(self.r.meetings) | set(self.r.roadmaps)
        by_assignment: dict[str, list] = {}
        for located in self.r.extensions:
            by_assignment.setdefault(located.value.assignment, []).append(located)
        for collection, person_field in (
            (self.r.marks, None), (self.r.extensions, "approved_by"), (self.r.cancellations, "by"),
        ):  # fmt: skip
            for located in collection:
                mark = located.value
                file = located.file
                if mark.assignment not in assignments:
                    if mark.assignment.partition("#")[0] in unloaded:
                        continue
                    line, col = located.source.position(located.loc + ("assignment",))
                    hint = difflib.get_close_matches(mark.assignment, known, n=1, cutoff=0.6)
                    tail = f"; возможно, «{hint[0]}»?" if hint else ""
                    self.found.append(Diagnostic(file, line, col, "NOR110",
                                                 f"неизвестное поручение «{mark.assignment}»{tail}"))  # fmt: skip
                    continue
                assignment = assignments[mark.assignment]
                self.not_before_meeting(located, assignment, person_field)
                if mark.member is not None and mark.member not in assignment.members:
                    line, col = located.source.position(located.loc + ("member",))
                    members = ", ".join(assignment.members) or "—"
                    self.found.append(Diagnostic(file, line, col, "NOR114",
                                                 f"«{mark.member}» не исполнитель поручения {mark.assignment}; "
                                                 f"исполнители: {members}"))  # fmt: skip
                if person_field:
                    value = getattr(mark, person_field)
                    if value not in self.kinds["person"]:
                        line, col = located.source.position(located.loc + (person_field,))
                        hint = difflib.get_close_matches(value, sorted(self.kinds["person"]), n=1, cutoff=0.6)
                        tail = f"; возможно, «{hint[0]}»?" if hint else ""
                        self.found.append(Diagnostic(file, line, col, "NOR104", f"неизвестное лицо «{value}»{tail}"))
                if person_field == "approved_by" and mark.requested and assignment.deadline is not None:
                    due = _deadline_when_requested(assignment.deadline.date, mark, by_assignment[mark.assignment])
                    if due is not None and mark.requested > due:
                        line, col = located.source.position(located.loc + ("requested",))
                        self.found.append(Diagnostic(file, line, col, "NOR206",
                                                     f"продление запрошено {mark.requested:%d.%m.%Y}, после срока "
                                                     f"{due:%d.%m.%Y}; просьба о переносе подаётся до срока"))  # fmt: skip

    def contradictions(self, assignments: dict[str, Assignment]) -> None:
        """Marks, extensions and cancellations that contradict each other, which the control
        logic would otherwise settle silently: a second final mark for a part whose deadline has
        one control point (the earlier would win) — NOR121; an extension whose new deadline is
        before its own approval (the part would turn overdue after the fact) — NOR118; a part
        taken off control twice (the earlier would win) — NOR119; an extension approved or a
        cancellation dated after the part was done (it would vanish, or be ignored) — NOR120."""
        for located in self.r.extensions:
            extension = located.value
            if extension.assignment in assignments and extension.new_deadline < extension.approved:
                line, col = located.source.position(located.loc + ("new_deadline",))
                self.found.append(Diagnostic(located.file, line, col, "NOR118",
                                             f"новый срок {extension.new_deadline:%d.%m.%Y} раньше даты утверждения "
                                             f"продления {extension.approved:%d.%m.%Y}: продление задним числом сделало бы "
                                             f"поручение {extension.assignment} просроченным; проверьте даты"))  # fmt: skip
        # Entries without ``member`` apply to every part: one is reported only when it changes
        # nothing for any of them (a cancellation of «the rest» after some parts were done is
        # how offices write it, and is right). Only assignments that could hold a contradiction
        # — more than one final mark or cancellation, or an extension — are looked at part by part.
        finals = _by_assignment(self.r.marks, assignments, lambda mark: not mark.interim)
        cancellations = _by_assignment(self.r.cancellations, assignments, lambda cancellation: True)
        extensions = _by_assignment(self.r.extensions, assignments, lambda extension: True)
        for aid in finals.keys() | cancellations.keys() | extensions.keys():
            marks, cancelled = finals.get(aid, []), cancellations.get(aid, [])
            if len(marks) < 2 and len(cancelled) < 2 and not (marks and (cancelled or aid in extensions)):
                continue
            self.contradictions_of(assignments[aid], marks, cancelled, extensions.get(aid, []))

    def contradictions_of(self, assignment: Assignment, marks: list, cancelled: list, extended: list) -> None:
        """``contradictions`` for one assignment, part by part."""
        aid, points = assignment.id, _control_points(assignment)
        finals = _by_part(marks, assignment)
        done: dict[str, object] = {}  # member → the mark that closed its part's last point
        effective: set[int] = set()  # id() of the marks that close a point of some part
        for member, entries in finals.items():
            effective.update(id(located) for located in (entries if points is None else entries[:points]))
            if points is not None and len(entries) >= points:
                done[member] = entries[points - 1]
        for member, entries in finals.items():
            for located in entries[points:] if points is not None else ():
                if id(located) not in effective:
                    self.repeated_entry(located, entries[points - 1], "NOR121", aid, member, assignment,
                                        ("отмечено исполненным", "отмечена исполненной"),
                                        "оставьте одну отметку или сделайте эту промежуточной (interim: true)")  # fmt: skip
        parts = _by_part(cancelled, assignment)
        first_cancellations = {id(entries[0]) for entries in parts.values()}
        for member, entries in parts.items():
            for located in entries[1:]:
                if id(located) not in first_cancellations:
                    self.repeated_entry(located, entries[0], "NOR119", aid, member, assignment,
                                        ("снято с контроля", "снята с контроля"), "оставьте одно снятие")
        if not done:
            return
        for collection, late, what in (
            (extended, lambda e, day: e.approved > day, "продление утверждено"),
            (cancelled, lambda c, day: c.date >= day, "снятие с контроля датировано"),
        ):  # fmt: skip
            for located in collection:
                entry = located.value
                members = [entry.member] if entry.member is not None else list(assignment.members)
                closings = [done.get(member) for member in members]
                if members and all(c is not None and late(entry, c.value.date) for c in closings):
                    self.after_done(located, max(closings, key=lambda c: c.value.date), what, members, assignment)

    def after_done(self, located, closing, what: str, parts: list[str], assignment: Assignment) -> None:
        """NOR120: an extension or a cancellation of a part (or of every part) already done."""
        entry = located.value
        field_name = "approved" if hasattr(entry, "approved") else "date"
        day = getattr(entry, field_name)
        if len(assignment.members) == 1:
            whom = f"поручение {assignment.id} уже исполнено"
        elif len(parts) == 1:
            whom = f"часть исполнителя «{parts[0]}» поручения {assignment.id} уже исполнена"
        else:
            whom = f"все части поручения {assignment.id} уже исполнены, последняя —"
        line, col = located.source.position(located.loc + (field_name,))
        cline, _ = closing.source.position(closing.loc + ("date",))
        self.found.append(Diagnostic(located.file, line, col, "NOR120",
                                     f"{what} {day:%d.%m.%Y}, а {whom} {closing.value.date:%d.%m.%Y} "
                                     f"({closing.file}:{cline}): оно ничего бы не изменило; удалите его или проверьте "
                                     "даты"))  # fmt: skip

    def repeated_entry(self, located, first, code: str, aid: str, member: str, assignment: Assignment,
                       what: tuple[str, str], way_out: str) -> None:  # fmt: skip
        """A mark or cancellation that repeats ``first`` for the same part (reported once, at
        the first part it repeats for); ``what`` says what happened to an assignment and to one
        member's part («…о», «…а»)."""
        if id(located) in self._reported:
            return
        self._reported.add(id(located))
        whom = (f"поручение {aid}: часть исполнителя «{member}» уже {what[1]}" if len(assignment.members) > 1
                else f"поручение {aid} уже {what[0]}")  # fmt: skip
        line, col = located.source.position(located.loc + ("date",))
        fline, _ = first.source.position(first.loc + ("date",))
        self.found.append(Diagnostic(located.file, line, col, code,
                                     f"{whom} {first.value.date:%d.%m.%Y} ({first.file}:{fline}); {way_out}"))  # fmt: skip

    def not_before_meeting(self, located, assignment: Assignment, person_field: str | None) -> None:
        """A mark, an extension or a cancellation dated before the meeting that gave the
        assignment is a slip of the year (it would close the assignment «on time»), as a
        deadline before its meeting is (NOR108)."""
        if assignment.origin != "meeting" or assignment.issued is None:
            return
        entry = located.value
        field_name = "approved" if person_field == "approved_by" else "date"
        when = getattr(entry, field_name)
        if when < assignment.issued:
            line, col = located.source.position(located.loc + (field_name,))
            what = {None: "отметка от", "approved_by": "продление утверждено", "by": "снято с контроля"}[person_field]
            self.found.append(Diagnostic(located.file, line, col, "NOR115",
                                         f"{what} {when:%d.%m.%Y} — раньше заседания {assignment.issued:%d.%m.%Y}, "
                                         f"на котором дано поручение {assignment.id}; проверьте год"))  # fmt: skip

    def schema_comments(self) -> None:
        for source in self.r.sources:
            if source.schema_comment is None:
                self.found.append(Diagnostic(source.path, 1, 1, "NOR203",
                                             "нет строки «# yaml-language-server: $schema=…»: редактор не "
                                             "подскажет поля; добавьте её (см. nor-docs schema)"))  # fmt: skip

    def spellings(self) -> None:
        """Text that names an organisation almost, but not exactly, as the directory does."""
        checker = SpellingChecker(self.r.organizations.values())
        if checker.pattern is None:
            return
        for source in self.r.sources:
            if source.watched is not None:  # set aside by the reader while it read the file
                candidates = ((text, index, None) for text, index in source.watched)
            else:  # read before the directory was known (the directory itself)
                candidates = ((text, None, loc) for loc, text in _strings(source.data, ())
                              if checker.pattern.search(text))  # fmt: skip
            for text, index, loc in candidates:
                for offset, written, org in checker.near_misses(text):
                    line, col = (source.position_in_value_at(index, text, offset) if loc is None
                                 else source.position_in_value(loc, text, offset))  # fmt: skip
                    self.found.append(Diagnostic(source.path, line, col, "NOR202",
                                                 f"«{written}» — так организация в справочнике не пишется; "
                                                 f"возможно, «{org.display_name}» ({org.id})? Исправьте текст или "
                                                 "добавьте написание в aliases"))  # fmt: skip


# what → (the words of the message, where such records live)
_UNKNOWN = {
    "лицо": ("неизвестное лицо", "records/directory/"),
    "организация": ("неизвестная организация", "records/directory/"),
    "группа": ("неизвестная группа", "records/directory/"),
    "исполнитель": ("неизвестный исполнитель", "records/directory/"),
    "участник группы": ("неизвестный участник группы", "records/directory/"),
    "докладчик": ("неизвестный докладчик", "records/directory/"),
    "контролирующее лицо": ("неизвестное контролирующее лицо", "records/directory/"),
    "событие": ("неизвестное событие", "records/events/ (или это id заседания)"),
    "заседание": ("неизвестное заседание", "records/meetings/"),
}


def _by_assignment(located_entries, assignments: dict[str, Assignment], counts) -> dict[str, list]:
    """Assignment id → its entries (marks, extensions or cancellations) that ``counts``, in record order."""
    found: dict[str, list] = {}
    for located in located_entries:
        entry = located.value
        if entry.assignment in assignments and counts(entry):
            found.setdefault(entry.assignment, []).append(located)
    return found


def _by_part(located_entries: list, assignment: Assignment) -> dict[str, list]:
    """Member → the entries (marks or cancellations) of ``assignment`` that apply to that part, in
    date order (then record order): an entry without ``member`` applies to every part."""
    parts: dict[str, list] = {}
    members = set(assignment.members)
    for located in located_entries:
        member = located.value.member
        for part in [member] if member is not None else assignment.members:
            if part in members:
                parts.setdefault(part, []).append(located)
    for entries in parts.values():
        entries.sort(key=lambda located: located.value.date)  # stable: record order among equals
    return parts


def _control_points(assignment: Assignment) -> int | None:
    """How many final marks the part of ``assignment`` can take: one per control point of a
    deadline with fixed points (one for «постоянно», closed by its mark); None for a recurring
    deadline, whose every mark closes the next period."""
    deadline = assignment.deadline
    if deadline is None:
        return 1
    if deadline.kind == "recurring":
        return None
    if deadline.kind == "several":
        return len(deadline.points)
    return 1


def _within_period(point, period) -> bool:
    """A date inside the period; a month, a quarter, a half-year or a year that overlaps it.
    Other kinds have no date to compare."""
    if point.kind == "date":
        return period.start <= point.date <= period.end
    if point.kind in ("month", "period"):
        last = point.year * 12 + point.month - 1
        first = last - _PERIOD_MONTHS[point.period] + 1 if point.kind == "period" else last
        start, end = (period.start.year * 12 + period.start.month - 1, period.end.year * 12 + period.end.month - 1)
        return start <= last and first <= end
    return True


_PERIOD_MONTHS = {"quarter": 3, "half-year": 6, "year": 12, "school-year": 12}


def _gender_from_surname(surname: str) -> bool:
    return bool(re.search(r"(ова|ева|ёва|ина|ына|ая|ов|ев|ёв|ин|ын|ий|ой|ский|цкий)$", surname.lower()))


def _pct(value: float) -> str:
    return f"{value:g}%".replace(".", ",")


def _agenda_items(items, loc) -> Iterator[tuple[tuple, object]]:
    for i, item in enumerate(items):
        yield loc + (i,), item
        yield from _agenda_items(item.items, loc + (i, "items"))


def _roadmap_items(roadmap) -> Iterator[tuple[tuple, object]]:
    for i, section in enumerate(roadmap.sections):
        for j, item in enumerate(section.items):
            yield ("sections", i, "items", j), item
    for j, item in enumerate(roadmap.items):
        yield ("items", j), item


def _strings(data, loc) -> Iterator[tuple[tuple, str]]:
    if isinstance(data, str):
        yield loc, data
    elif isinstance(data, dict):
        for key, value in data.items():
            yield from _strings(value, loc + (key,))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from _strings(value, loc + (i,))


def load_and_validate(root, display_root: str | None = None):
    """Load ``root`` and run every check: (records, sorted diagnostics)."""
    from .diagnostics import sort_diagnostics
    from .records import load_records

    records, problems = load_records(root, display_root)
    problems.extend(validate_records(records))
    return records, sort_diagnostics(problems)


def _deadline_when_requested(written, extension, extensions: list):
    """The deadline an extension request is measured against: the written date, or the new date
    of the latest extension of the same assignment (and member, or all members) approved by the
    day of the request — a second extension asked for before the first new date is in time."""
    if written is None:
        return None
    due, approved = written, None
    for located in extensions:  # those of the same assignment; the last approved wins, as in deadlines.py
        other = located.value
        if (other is not extension and other.member in (None, extension.member)
                and other.approved <= extension.requested and (approved is None or other.approved >= approved)):
            due, approved = other.new_deadline, other.approved
    return due
