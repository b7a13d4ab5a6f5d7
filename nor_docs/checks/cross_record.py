"""Cross-record validation: what no single file's schema can see.

References to unknown people, organisations, groups, events and assignments (with the nearest
known id as a way out); deadlines before their meeting; repeated item numbers; percentages that
do not match their counts; organisation names spelled differently from the directory; roadmap
items outside the roadmap's period; marks for members who are not in the group.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Iterable, Iterator

from ..control.assignments import Assignment, collect_assignments
from ..control.status import default_rule
from ..control.schedule import resolved_spans, written_spans
from ..russian.dates import MAX_YEAR, MIN_YEAR
from ..diagnostics import Diagnostic
from ..control.links import decision_ids
from ..model.deadline import RelativeDeadline, SeveralDeadline
from ..model.common import ID_PATTERN
from ..model.directory import DirectoryFile
from ..model.events import EventsFile
from ..model.marks import ASSIGNMENT_ID_PATTERN
from ..model.meeting import Meeting
from ..model.roadmap import Roadmap
from ..near import near_id
from ..model.records import Records
from .raw_references import raw_references
from .characters import mixed_scripts, spaced_hyphens
from .spelling import misspelt_organizations

_ID = re.compile(ID_PATTERN)
_ASSIGNMENT_ID = re.compile(ASSIGNMENT_ID_PATTERN)


MAX_OFFSET_DAYS = 3660  # «через N дней после события»: ten years at most


def validate_records(records: Records, *, warnings: bool = True) -> list[Diagnostic]:
    """Every cross-record problem in ``records``; ``warnings=False`` skips the checks that can
    only warn (spellings, schema comments), for builders that only need to know what is broken."""
    check = _Checker(records, warnings)
    check.settings()
    check.directory()
    for meeting_id in records.meetings:
        check.meeting(meeting_id)
    for roadmap_id in records.roadmaps:
        check.roadmap(roadmap_id)
    if records.marks or records.extensions or records.cancellations:
        assignments = {a.id: a for a in collect_assignments(records)}
        check.marks(assignments)
        check.contradictions(assignments)
    if records.unvalidated:
        check.unvalidated_references()
    if warnings:
        check.schema_comments()
        check.found += misspelt_organizations(records)
        for source in records.sources:
            check.found += spaced_hyphens(source)
            check.found += mixed_scripts(source)
    return check.found


class _Checker:
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

    # --- checks --------------------------------------------------------------------------

    def settings(self) -> None:
        """The people and organisations the settings name (the control sheet's heading and
        «Составил»)."""
        docs = self.r.settings.documents
        if docs.organization is None and docs.compiled_by is None:
            return
        source = next((s for s in self.r.sources if Path(s.path).name == "settings.yaml"), None)
        for key, value, kind, what in (("organization", docs.organization, "organization", "организация"),
                                       ("compiled_by", docs.compiled_by, "person", "лицо")):  # fmt: skip
            if value is None or value in self.kinds[kind] or source is None:
                continue
            line, col = source.position(("documents", key))
            self.found.append(Diagnostic(source.path, line, col, *unknown_reference(value, self.kinds[kind], what)))

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
        if not m.agenda and not m.decisions:
            self.report(mid, (), "NOR117",
                        "в протоколе нет ни повестки (agenda), ни решений (decisions) — похоже, файл не дописан "
                        "или обрезан; допишите заседание (протокол без них не собирается)")  # fmt: skip
        self.file_date(mid, m)
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
                    elif key == "heard" and self.warnings:
                        self.position_case(mid, loc + (key, j), statement)
            if item.appendix is not None and item.appendix not in {a.number for a in m.appendices}:
                self.report(mid, loc + ("appendix",), "NOR113",
                            f"приложения {item.appendix} в записи нет; добавьте его в appendices")  # fmt: skip
        self.unique_numbers(mid, [(loc, item.number) for loc, item in agenda], "пункт повестки")
        numbers = []
        undated: list[tuple[tuple, str]] = []
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
            if (_executors and decision.on_control
                    and (decision.deadline is None or decision.deadline.kind == "none")):
                undated.append((loc + ("number",), decision.number.rstrip(".")))  # fmt: skip
        self.unique_numbers(mid, numbers, "пункт решения")
        self.no_deadline(mid, undated, "решени")
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

    def file_date(self, mid: str, meeting) -> None:
        """A meeting file named by its date («2023-12-14-mun4-wg.yaml») whose ``date:`` says
        another day: one of the two is a slip (NOR211)."""
        named = _FILE_DATE.match(self.r.origins[mid].file.rpartition("/")[2])
        if named is None:
            return
        try:
            day = dt.date(int(named[1]), int(named[2]), int(named[3]))
        except ValueError:
            return
        if day != meeting.date:
            self.report(mid, ("date",), "NOR211",
                        f"в имени файла дата {day:%d.%m.%Y}, а в date: — {meeting.date:%d.%m.%Y}; исправьте ту, что "
                        "ошибочна (имя файла — это id заседания: на него ссылаются отметки)")  # fmt: skip

    def position_case(self, mid: str, loc: tuple, statement) -> None:
        """The position after «СЛУШАЛИ:» takes the name's case; where the dictionary cannot give
        it for sure, say so, and where to write the form (NOR210)."""
        case = self.r.settings.documents.heard_case
        if case == "nominative":
            return
        from ..russian.names import position_case_problem

        person = self.r.people.get(statement.person)
        if statement.position:
            problem = position_case_problem(statement.position, case)
            if problem:
                self.report(mid, loc + ("position",), "NOR210",
                            f"{problem}; запишите должность здесь сразу в нужном падеже")  # fmt: skip
            return
        if person is None or not person.position:
            return
        if person.position_forms is not None and getattr(person.position_forms, case):
            return
        problem = position_case_problem(person.position, case)
        if problem:
            self.report(person.id, ("position",), "NOR210",
                        f"{problem}; укажите формы должности в справочнике: position_forms: {{{case}: …}}")  # fmt: skip

    def deadline(self, record_id: str, loc: tuple, deadline, not_before=None, before_what: str = "заседания",
                 since=None) -> None:
        """Events the deadline counts from exist; no point of it is before ``not_before`` (the
        document's date). Points without a year are placed as control places them: from
        ``since`` (a roadmap's first day) or the document's date."""
        if deadline is None:
            return
        if not self.deadline_in_range(record_id, loc, deadline):
            return
        for relative in _relatives(deadline):
            if relative.event not in self.events:
                self.ref(record_id, loc, relative.event, self.events, "событие")
        if not_before is None:
            return
        for first, last in resolved_spans(deadline, self.r.settings.deadlines, since or not_before, not_before):
            if last >= not_before:
                continue
            if first == last:
                what = f"срок {last:%d.%m.%Y} раньше даты {before_what} {not_before:%d.%m.%Y}"
            else:  # «в течение I квартала 2024 года» given on 15.04.2024: the period is over already
                what = (f"срок «{deadline.as_written}»: период до {last:%d.%m.%Y} закончился раньше даты "
                        f"{before_what} {not_before:%d.%m.%Y}")
            self.report(
                record_id, loc, "NOR108",
                f"{what}; на контроле он с даты {before_what}. Проверьте год — или, если так в документе, "
                "оставьте слова и впишите контрольную дату: deadline: {text: …, control: …}",
            )  # fmt: skip
            return

    def no_deadline(self, record_id: str, undated: list[tuple[tuple, str]], stem: str) -> None:
        """Assignments without a deadline, controlled by the office's default date: one warning
        per record, at the first of them, naming them all."""
        settings = self.r.settings.deadlines
        if not undated or not settings.default_deadline:
            return
        numbers = ", ".join(number for _loc, number in undated)
        what = f"{stem}{'и' if stem == 'решени' else 'е'} {numbers}" if len(undated) == 1 else \
            f"{stem}{'ях' if stem == 'решени' else 'ах'} {numbers}"
        self.report(
            record_id, undated[0][0], "NOR209",
            f"срок не указан в {what}: на контроле — срок по умолчанию ({default_rule(settings)}), и каждый отчёт "
            "называет его сроком по умолчанию; впишите срок, как в документе, или отключите правило "
            "(deadlines: default_deadline: false в settings.yaml — тогда статус «срок не установлен»)",
        )  # fmt: skip

    def deadline_in_range(self, record_id: str, loc: tuple, deadline) -> bool:
        """A deadline's dates within the years a record may hold, and a relative one within
        ten years of its event — what the control logic can always compute (NOR105, NOR106)."""
        for year in _years_of(deadline):
            if not MIN_YEAR <= year <= MAX_YEAR:
                self.report(record_id, loc, "NOR105",
                            f"срок «{deadline.as_written}»: год {year} вне допустимого (от {MIN_YEAR} до {MAX_YEAR}); "
                            "проверьте год")  # fmt: skip
                return False
        for relative in _relatives(deadline):
            if abs(relative.offset_days) > MAX_OFFSET_DAYS:
                self.report(record_id, loc, "NOR106",
                            f"срок «{deadline.as_written}»: больше {MAX_OFFSET_DAYS} дней от события — так сроки не "
                            "ставят; проверьте число")  # fmt: skip
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
        undated: list[tuple[tuple, str]] = []
        for loc, item in _roadmap_items(rm):
            numbers.append((loc, item.number))
            self.repeated(rid, loc + ("executors",), item.executors, "исполнителей")
            for j, executor in enumerate(item.executors):
                self.executor(rid, loc + ("executors", j), executor)
            self.ref(rid, loc + ("reported_at",), item.reported_at, self.r.meetings, "заседание")
            approved = rm.approval.date if rm.approval is not None else None
            self.deadline(rid, loc + ("deadline",), item.deadline, approved, "утверждения дорожной карты",
                          since=rm.period.start)
            if item.executors and (item.deadline is None or item.deadline.kind == "none"):
                undated.append((loc + ("number",), item.number.rstrip(".")))
            self.in_period(rid, loc + ("deadline",), item.deadline, rm.period, approved)
        self.unique_numbers(rid, numbers, "пункт дорожной карты")
        self.no_deadline(rid, undated, "пункт")
        if rm.ordered_by is not None:
            known = self.decisions
            if rm.ordered_by not in known:
                self.report(rid, ("ordered_by",), "NOR501",
                            unknown_assignment(rm.ordered_by, known, "неизвестное решение", "решения"))  # fmt: skip

    def unvalidated_references(self) -> None:
        """The references of the files that failed their schema, checked as those of a loaded
        file are: a bad date in a file does not hide the unknown ids in it until it is fixed."""
        assignments: set[str] | None = None
        loaded = {**self.r.meetings, **self.r.roadmaps}
        for source, model in self.r.unvalidated:
            for loc, mark, value in raw_references(model, source.data):
                if source.is_placeholder(loc):
                    continue
                line, col = source.position(loc)
                if mark.kinds == ("assignment",):
                    if not _ASSIGNMENT_ID.match(value) or value.partition("#")[0] not in loaded:
                        continue  # a wrong form is a schema error; an unloaded meeting's are checked after its fix
                    if assignments is None:
                        assignments = {a.id for a in collect_assignments(self.r)}
                    if value not in assignments:
                        self.found.append(Diagnostic(source.path, line, col, "NOR110",
                                                     unknown_assignment(value, assignments)))  # fmt: skip
                    continue
                if not _ID.match(value):
                    continue  # reported by the schema as an invalid id
                allowed = set().union(*(self.kinds[kind] for kind in mark.kinds))
                if value not in allowed:
                    self.found.append(Diagnostic(source.path, line, col, *unknown_reference(value, allowed, mark.what)))

    def in_period(self, rid: str, loc: tuple, deadline, period, approved) -> None:
        """NOR204: a roadmap item's deadline outside the roadmap's period. A wording without a year
        («в июне», «IV квартал») is checked as the first such date from the period's start — the
        one control will hold it to."""
        settings = self.r.settings.deadlines
        written = set(written_spans(deadline, settings))
        for first, last in resolved_spans(deadline, settings, period.start, approved):
            if period.start <= last and first <= period.end:
                continue
            where = f"вне периода дорожной карты ({period.start:%d.%m.%Y}–{period.end:%d.%m.%Y})"
            if (first, last) in written:
                self.report(rid, loc, "NOR204", f"срок «{deadline.as_written}» {where}")
            else:
                shown = f"{last:%d.%m.%Y}" if first == last else f"{first:%d.%m.%Y}–{last:%d.%m.%Y}"
                self.report(
                    rid, loc, "NOR204",
                    f"срок «{deadline.as_written}» без года: первый такой срок от начала периода — {shown} — {where}; "
                    "допишите год или исправьте срок",
                )  # fmt: skip
            return

    def marks(self, assignments: dict[str, Assignment]) -> None:
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
                    why = self.not_an_assignment(mark.assignment)
                    if why is None:
                        why = unknown_assignment(mark.assignment, assignments)
                    self.found.append(Diagnostic(file, line, col, "NOR110", why))
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
                        self.found.append(Diagnostic(file, line, col, *unknown_reference(value, self.kinds["person"], "лицо")))
                if person_field == "approved_by" and mark.requested and assignment.deadline is not None:
                    due = _deadline_when_requested(getattr(assignment.deadline, "date", None), mark,
                                                   by_assignment[mark.assignment])  # fmt: skip
                    if due is not None and mark.requested > due:
                        line, col = located.source.position(located.loc + ("requested",))
                        self.found.append(Diagnostic(file, line, col, "NOR206",
                                                     f"продление запрошено {mark.requested:%d.%m.%Y}, после срока "
                                                     f"{due:%d.%m.%Y}; просьба о переносе подаётся до срока"))  # fmt: skip

    def not_an_assignment(self, ref: str) -> str | None:
        """What a reference names when it names a decision or a roadmap item that is not on
        control (no executors, or ``on_control: false``); None when it names nothing known."""
        record_id, _, number = ref.partition("#")
        meeting = self.r.meetings.get(record_id)
        if meeting is not None:
            for _loc, decision, executors in meeting.all_decisions():
                if decision.number.rstrip(".") == number.rstrip("."):
                    if not decision.on_control:
                        return (f"решение {number} заседания {record_id} не на контроле (on_control: false) — "
                                "это не поручение, отмечать его исполнение не нужно; уберите запись или "
                                "поставьте решение на контроль")  # fmt: skip
                    return (f"у решения {number} заседания {record_id} нет исполнителей — это не поручение; "
                            "укажите в решении executors или уберите запись")  # fmt: skip
        from ..control.links import roadmap_item

        item = roadmap_item(self.r, record_id, number) if record_id in self.r.roadmaps else None
        if item is not None:
            return (f"у пункта {number} дорожной карты {record_id} нет исполнителей — это не поручение; "
                    "укажите в пункте executors или уберите запись")  # fmt: skip
        return None

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


def _years_of(deadline) -> list[int]:
    """Every year a deadline names, whatever its kind: the year of a date, of a month or a
    period, of the first month of a range, of the control dates written beside it, of the period
    a standing item names; each point of several."""
    years: list[int] = []
    for point in getattr(deadline, "points", None) or [deadline]:
        date = getattr(point, "date", None)
        if date is not None:
            years.append(date.year)
        for name in ("year", "first_year"):
            value = getattr(point, name, None)
            if value is not None:
                years.append(value)
        years.extend(day.year for day in getattr(point, "control", None) or ())
        within = getattr(point, "within", None)
        if within is not None and within.year is not None:
            years.append(within.year)
    return years


def _relatives(deadline) -> list:
    """The parts of ``deadline`` that hang on an event."""
    if isinstance(deadline, SeveralDeadline):
        return [p for p in deadline.points if isinstance(p, RelativeDeadline)]
    return [deadline] if isinstance(deadline, RelativeDeadline) else []


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
    if deadline.kind == "manual":  # control dates written beside words nor-docs does not read
        return len(deadline.control)
    return 1


_FILE_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:\b|[-_.])")


def unknown_reference(value: str, allowed: Iterable[str], what: str) -> tuple[str, str]:
    """(code, message) for an id ``value`` that none of ``allowed`` is: the near miss a person
    would see in it (``near.py``), or — resembling nothing — how to add what it names."""
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
