"""The protocol «view»: a meeting record turned into the plain strings its document shows.

``protocol_view`` takes the model (a ``Meeting`` plus the directory it refers to and the office
settings) and returns dicts and lists of already-formatted Russian strings — names in the right
case, dates in the office's style, deadlines as written, decision sentences composed — that a
DOCX template only has to place. It knows nothing of YAML or of DOCX; what it could not do well
(a name pytrovich cannot inflect, a group without a dative form) comes back as ``Notice`` values
located inside the meeting record, for the caller to report with file and line.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

from ..model.common import format_date
from ..model.deadline import unwritten
from ..russian.names import Case, PersonName, lower_common_word, organization_in_case, position_in_case, short_name
from .document_kind import continues_preamble, formula_of, kind_of
from .protocol_text import (
    BULLET,
    CONTINUATION,
    NBSP,
    SENTENCE_END,
    capitalize_first,
    compose_sentence,
    join_names,
    number_label,
    paragraphs,
    people_count,
    vote_line,
)

if TYPE_CHECKING:
    from ..model.directory import Group, Organization, Person
    from ..model.meeting import AgendaItem, Appendix, Attendee, Decision, Meeting, Speaker, Statement, Vote
    from ..model.settings import DocumentSettings, Settings


@dataclass(frozen=True)
class Notice:
    """Something the view could not render as asked: where in the meeting record, code, message."""

    loc: tuple
    code: str
    message: str


class Directory(Protocol):
    """What the view looks names up in (``Records`` is one)."""

    people: dict[str, Person]
    organizations: dict[str, Organization]
    groups: dict[str, Group]


class ExtractProblem(ValueError):
    """An extract that cannot be made as asked: its diagnostic code, the Russian message and the
    place in the meeting record it concerns."""

    code = "NOR309"

    def __init__(self, message: str, loc: tuple = (), code: str | None = None):
        super().__init__(message)
        self.loc = loc
        if code is not None:
            self.code = code


class ExtractItemError(ExtractProblem):
    """An extract asked for an agenda item (or a decision) the meeting does not have."""


@dataclass
class _Context:
    meeting: Meeting
    directory: Directory
    settings: Settings
    notices: list[Notice] = field(default_factory=list)
    formula: str = ""  # the words before the decisions («РЕШИЛИ:», «ПРИКАЗЫВАЮ:»), ``document_kind.formula_of``

    @property
    def docs(self) -> DocumentSettings:
        return self.settings.documents

    @property
    def initials_first(self) -> bool:
        # Offices that write «СЛУШАЛИ: И.В. Кирюхина» (the standard's samples) put initials first
        # in the main text; those that write «Кирюхину И.В.» (the seeds) put the surname first.
        return self.docs.heard_case == "nominative"

    def date(self, value: dt.date) -> str:
        return format_date(value, self.docs.date_style)

    # --- the order of names in lists: the document's, else the settings' ---
    @property
    def lists_initials_first(self) -> bool:
        """Names in attendee lists and executor cells as «Р.А. Гардымова» (else «Гардымова Р.А.»)."""
        return (self.meeting.name_order or self.docs.name_order) == "initials-first"

    @property
    def attendees_as_written(self) -> bool:
        return (self.meeting.attendees_order or self.docs.attendees_order) == "as-written"

    def person_name(self, ref: str, loc: tuple, case: Case = "nominative", initials_first: bool | None = None) -> str:
        person = self.directory.people.get(ref)
        if person is None:  # validate reports unknown ids; never guess in a document
            return ref
        order = self.initials_first if initials_first is None else initials_first
        text, problem = short_name(PersonName.of(person), case, order)
        if problem:
            self.notices.append(Notice(loc, "NOR301", problem))
        return text

    def position_in(self, ref: str, written: str | None, case: Case) -> str | None:
        """The position as this document writes it, or the directory's, in ``case``: the
        directory's ``position_forms`` where given, else inflected (``names.position_in_case``)."""
        if not written:
            person = self.directory.people.get(ref)
            forms = getattr(person, "position_forms", None) if person is not None else None
            given = getattr(forms, case, None) if forms is not None and case != "nominative" else None
            if given:
                return given
        position = self.position_of(ref, written)
        if position and case != "nominative":
            position = position_in_case(position, case)
        return position

    def position_of(self, ref: str, written: str | None) -> str | None:
        if written:
            return written
        person = self.directory.people.get(ref)
        return person.position if person is not None else None


# --- text helpers ------------------------------------------------------------------------------


def protocol_view(meeting: Meeting, directory: Directory, settings: Settings, items: Iterable[str] | None = None,
                  certifier: str | None = None, certified_on: dt.date | None = None,
                  decisions: Iterable[str] | None = None) -> tuple[dict, list[Notice]]:  # fmt: skip
    """The view of ``meeting``'s protocol; with ``items``, of an extract of those agenda items.

    A meeting whose record is itself an extract (``document: extract``) renders as one with all
    its items. ``certifier`` (a person id) and ``certified_on`` (a date) fill the «Верно» block of
    an extract; by default the secretary (else the first signer, else the chair) on the meeting
    date, so that the same records always give the same document. ``decisions`` names decisions
    of the meeting as a whole (top-level numbers) that the extract carries besides those numbered
    under its items.

    An extract nobody can certify, or one that would carry no decision while the meeting's
    decisions were left out, raises ``ExtractProblem`` (NOR311, NOR312): signed «Верно», either
    would go out as a document that certifies nothing.
    """
    ctx = _Context(meeting, directory, settings)
    chosen = _normalise_items(meeting, items) if items is not None else None
    kind = kind_of(meeting, directory)
    extract = chosen is not None or meeting.document == "extract"
    m = meeting
    formula = formula_of(m, kind)
    ctx.formula = formula
    view: dict = {
        "id": m.id,
        "extract": extract,
        "kind": kind.id,
        # «ВЫПИСКА ИЗ ПРОТОКОЛА», «ВЫПИСКА ИЗ РЕШЕНИЯ КОЛЛЕГИИ»
        "document_kind": f"ВЫПИСКА ИЗ {kind.forms.genitive.upper()}" if extract else (kind.heading or ""),
        "issuer": _issuer_name(ctx),
        "issuer_lines": list(m.issuer_lines) or [_issuer_name(ctx)],
        "date": ctx.date(m.date),
        "number": str(m.number) if m.number is not None else "",
        "date_line": ctx.date(m.date) + (f"\t№{NBSP}{m.number}" if m.number is not None else ""),
        "place": m.place or "",
        "title": m.title or "",
        "details": _details(ctx),
        "theme": f"Тема: {m.theme}" if m.theme else "",
        "intro": paragraphs(m.intro) + paragraphs(m.preamble),
        "roles": _roles(ctx),
        "layout": m.assignments_layout,
        "decision_word": m.decision_word,
    }
    _inspection_header(ctx, view)
    attendance, attendee_appendix = _attendance(ctx)
    view["attendance"] = attendance
    agenda_items = list(_flatten_items(m.agenda, ("agenda",)))
    if chosen is not None:
        agenda_items = [(loc, item, depth) for loc, item, depth in agenda_items if _is_chosen(item.number, chosen)]
    view["agenda"] = [_agenda_line(ctx, loc, item, depth) for loc, item, depth in agenda_items]
    view["agenda_heading"] = "ПОВЕСТКА ДНЯ:" if view["agenda"] else ""
    view["items"] = [_main_item(ctx, loc, item) for loc, item, _depth in agenda_items]
    general = list(enumerate(m.decisions))
    if chosen is not None:
        asked = _normalise_decisions(m, decisions)
        kept = [(i, d) for i, d in general
                if ("." in str(d.number).strip(".") and _is_chosen(d.number, chosen)) or _is_chosen(d.number, asked)]  # fmt: skip
        left = [str(d.number) for i, d in general if (i, d) not in kept]
        carried = bool(kept) or any(item.decisions for _loc, item, _depth in agenda_items)
        if left and not carried:
            raise ExtractProblem(
                f"в выписку по пункту {', '.join(sorted(chosen, key=_number_key))} не попало ни одного решения: "
                f"решения заседания ({', '.join(left)}) к пунктам не привязаны; укажите нужные: --decision "
                f"{left[0]} (можно несколько раз) — или перенесите их в пункт повестки (agenda[].decisions)",
                ("decisions",), "NOR312")  # fmt: skip
        if left and not asked:  # (decisions named with --decision: the rest were left out on purpose)
            ctx.notices.append(Notice(("decisions",), "NOR310",
                                      f"решения, не относящиеся к выбранным пунктам по номеру (4.1 → пункт 4), "
                                      f"в выписку не включены ({', '.join(left)}); привяжите их к пунктам "
                                      "(agenda[].decisions) или добавьте: --decision N"))  # fmt: skip
        general = kept
    view["decisions"] = _decisions(ctx, [d for _i, d in general], [("decisions", i) for i, _d in general])
    view["decisions_label"] = formula if view["decisions"] else ""
    if continues_preamble(formula, m.formula_inline) and view["intro"] and not view["items"]:
        view["intro"][-1] = f"{view['intro'][-1]} {formula}"  # «…округе, коллегия РЕШАЕТ:»
        view["decisions_label"] = ""
    last: list[dict] = view["decisions"] or next((i["decisions"] for i in reversed(view["items"]) if i["decisions"]), [])
    if last and view["layout"] != "table":
        last[-1]["before_signatures"] = True  # the template keeps it on the signatures' page
    view["signatures"] = [] if m.unsigned else _signatures(ctx)
    view["minutes_by"] = _minutes_by(ctx)
    view["certification"] = _certification(ctx, certifier, certified_on) if extract else None
    appendices = []
    referenced = {str(item.appendix).strip(".") for _l, item, _d in agenda_items if item.appendix is not None}
    for appendix in m.appendices:
        if chosen is None or str(appendix.number).strip(".") in referenced:
            appendices.append(_appendix(ctx, appendix))
    if attendee_appendix is not None:
        numbers = [int(a.number) for a in m.appendices if str(a.number).isdigit()]
        number = str(max(numbers) + 1) if numbers else ""
        appendices.append(_list_appendix(ctx, number, attendee_appendix))
    view["appendices"] = appendices
    view["has_wide_tables"] = any(a["table"] for a in appendices)
    view["core"] = _core_properties(ctx, view)
    return view, ctx.notices


def _normalise_items(meeting: Meeting, items: Iterable[str]) -> set[str]:
    chosen = {str(i).strip().rstrip(".") for i in items}
    known = {str(item.number).strip().rstrip(".") for _l, item, _d in _flatten_items(meeting.agenda, ("agenda",))}
    missing = sorted(chosen - known)
    if missing:
        listed = ", ".join(sorted(known, key=_number_key)) or "нет пунктов"
        raise ExtractItemError(
            f"в повестке заседания {meeting.id} нет пункта {', '.join(missing)}; есть: {listed}", ("agenda",)
        )
    return chosen


def _normalise_decisions(meeting: Meeting, decisions: Iterable[str] | None) -> set[str]:
    asked = {str(n).strip().rstrip(".") for n in decisions or ()}
    known = {str(d.number).strip().rstrip(".") for d in meeting.decisions}
    missing = sorted(asked - known, key=_number_key)
    if missing:
        listed = ", ".join(sorted(known, key=_number_key)) or "нет"
        raise ExtractItemError(f"у заседания {meeting.id} нет решения {', '.join(missing)} среди решений заседания "
                               f"в целом; есть: {listed}", ("decisions",))  # fmt: skip
    return asked


def _number_key(number: str):
    return [int(p) if p.isdigit() else 0 for p in number.split(".")]


def _is_chosen(number, chosen: set[str]) -> bool:
    """An item (or decision) is in the extract when it or one of its parents was chosen."""
    parts = str(number).strip().rstrip(".").split(".")
    return any(".".join(parts[:n]) in chosen for n in range(1, len(parts) + 1))


def _issuer_name(ctx: _Context) -> str:
    org = ctx.directory.organizations.get(ctx.meeting.issuer)
    return org.name if org is not None else ctx.meeting.issuer


def _details(ctx: _Context) -> list[str]:
    m = ctx.meeting
    lines = []
    if m.time is not None:
        lines.append(f"Время проведения: {m.time:%H.%M}")
    if m.format is not None and (m.format.mode != "очно" or m.format.platform):
        mode = {"очно": "очно", "ВКС": "в режиме ВКС", "очно и ВКС": "очно и в режиме ВКС"}[m.format.mode]
        if m.format.platform:
            platform = m.format.platform if "«" in m.format.platform else f"«{m.format.platform}»"
            mode += f" на платформе {platform}"
        lines.append(f"Форма проведения: {mode}")
    return lines


def _roles(ctx: _Context) -> list[str]:
    m = ctx.meeting
    lines = []
    for key, default in (("chair", "Председатель"), ("secretary", "Секретарь")):
        role = getattr(m, key)
        if role is None or (key == "secretary" and _keeps_minutes(role.label)):
            continue
        name = ctx.person_name(role.person, (key, "person"), initials_first=True)
        position = ctx.position_of(role.person, role.position)
        lines.append(f"{role.label or default} — {name}" + (f", {position}" if position else ""))
    return lines


def _keeps_minutes(label: str | None) -> bool:
    return label is not None and "протокол" in label.lower()


def _attendee_line(ctx: _Context, attendee: Attendee, loc: tuple) -> tuple[str, str, int, int]:
    """(sort key, line, named people, counted people) for one attendee."""
    if attendee.person:
        name = ctx.person_name(attendee.person, loc + ("person",), initials_first=ctx.lists_initials_first)
        position = ctx.position_of(attendee.person, attendee.position)
        # «Аникеев А.Н. — директор МБОУ СОШ №16»: a position written at the start of a line in the
        # source («Директор МБОУ СОШ №16 Аникеев А.Н.») is lower case after the dash.
        tail = ", ".join(x for x in (position and lower_common_word(position), attendee.role) if x)
        line = name + (f" — {tail}" if tail else "") + (f" ({attendee.note})" if attendee.note else "")
        person = ctx.directory.people.get(attendee.person)
        key = f"0{person.surname if person else name}\x00{name}".lower().replace("ё", "е")
        return key, line, 1, 0
    if attendee.text:
        line = attendee.text
    elif attendee.group:
        group = ctx.directory.groups.get(attendee.group)
        line = group.name if group is not None else attendee.group
    else:
        org_id = attendee.organization or ""  # set: an attendee names someone (``Attendee._one_kind``)
        org = ctx.directory.organizations.get(org_id)
        line = org.display_name if org is not None else org_id
    if attendee.count and not attendee.text:
        line += f" — {attendee.count}{NBSP}чел."
    if attendee.position and not attendee.text:
        line += f", {attendee.position}"
    if attendee.note:
        line += f" ({attendee.note})"
    return "1", line, 0, attendee.count or 0


def _attendance(ctx: _Context) -> tuple[list[dict], list[str] | None]:
    """The Присутствовали / Приглашённые / Отсутствовали sections; a list too long for the
    introduction goes into an appendix (returned second)."""
    sections = []
    appendix = None
    limit = ctx.docs.attendees_list_limit
    counted = ctx.meeting.attendance
    counts = {"attendees": None, "absent": None} if counted is None else _counts(counted)
    written_label = (ctx.meeting.attendees_label or "").strip().rstrip(":")
    # «Присутствовало: 59 человек» — a count alone takes the singular, as protocols write it.
    first_label = written_label or ("Присутствовало" if counts["attendees"] and not ctx.meeting.attendees
                                    else "Присутствовали")  # fmt: skip
    for key, label in (("attendees", first_label), ("invited", "Приглашённые"), ("absent", "Отсутствовали")):
        entries = getattr(ctx.meeting, key)
        count = counts.get(key)
        if not entries:
            if count:
                sections.append({"label": f"{label}:", "summary": count, "lines": []})
            continue
        rows = [_attendee_line(ctx, a, (key, i)) for i, a in enumerate(entries)]
        # People alphabetically by surname; groups and descriptions after them, as written — or
        # everyone as the record lists them (``attendees_order: as-written``).
        order = list(range(len(rows))) if ctx.attendees_as_written else sorted(range(len(rows)), key=lambda i: (rows[i][0], i))
        lines = [rows[i][1] for i in order]
        if len(lines) > 1 and not any(r[2] for r in rows):
            # Only groups and descriptions («участники проекта … (15 руководителей …)»,
            # «муниципальные координаторы (…)»): a dash list, «;» between, «.» at the end — as
            # the protocols write it; never two descriptions run together.
            lines = [f"– {lower_common_word(line.rstrip(' .;'))}{';' if i < len(lines) - 1 else '.'}"
                     for i, line in enumerate(lines)]  # fmt: skip
        else:
            lines = [line if rows[i][2] else capitalize_first(line) for i, line in zip(order, lines)]
        named = sum(r[2] for r in rows)
        total = named + sum(r[3] for r in rows)
        summary = count or ""
        if key == "attendees" and named > limit:
            summary = f"{count or f'{total}{NBSP}чел.'} (список прилагается)"
            appendix, lines = lines, []
        sections.append({"label": f"{label}:", "summary": summary, "lines": lines})
    return sections, appendix


def _counts(counted) -> dict[str, str | None]:
    """The words of ``Attendance``: «59 человек из 62» for the present, «3 человека по уважительной
    причине» for the absent."""
    present = None
    if counted.present is not None:
        present = people_count(counted.present, counted.unit)
        if counted.members is not None:
            present += f" из {counted.members}"
    absent = None
    if counted.absent is not None:
        absent = people_count(counted.absent, counted.unit)
        if counted.absent_note:
            absent += f" {counted.absent_note.strip()}"
    return {"attendees": present, "absent": absent}


def _vote(vote: Vote | None) -> str:
    if vote is None:
        return ""
    if vote.text:
        return vote.text.strip()
    return vote_line(vote.for_, vote.against, vote.abstained)


def _flatten_items(items: Sequence[AgendaItem], loc: tuple, depth: int = 0) -> Iterator[tuple[tuple, AgendaItem, int]]:
    for i, item in enumerate(items):
        yield loc + (i,), item, depth
        yield from _flatten_items(item.items, loc + (i, "items"), depth + 1)


_GENITIVE_HEAD = re.compile(r"^[а-яё-]+(а|я|его|ого)(\s|,|$)", re.IGNORECASE)


def _speaker_phrase(ctx: _Context, speaker: Speaker, loc: tuple) -> tuple[str, bool]:
    """(the words that name the speaker, whether they are the protocol's own words for a group).

    «Доклад начальника отдела И.И. Иванова» when the record gives the position in the genitive
    (as it follows «Доклад»); with a position in the nominative («заведующий кабинетом», as many
    protocols write it) «Докладчик — Л.И. Заводчикова, заведующий кабинетом», so that no case is
    mixed; a group speaker's own words as written («руководители муниципальных образовательных
    организаций», «ШМО классных руководителей»): they follow the title after a dash, as in the
    seeds, never as a sentence of their own."""
    phrase, own_words = _speaker_words(ctx, speaker, loc)
    topic = " ".join((speaker.topic or "").split()).rstrip(" .;")
    if topic:  # a co-speaker's question of their own
        phrase += " — по вопросу " + (topic if topic.startswith("«") else f"«{topic}»")
    return phrase, own_words


def _speaker_words(ctx: _Context, speaker: Speaker, loc: tuple) -> tuple[str, bool]:
    written = getattr(speaker, "text", None)  # the protocol's own words for a group speaker
    if written:
        return " ".join(written.split()).rstrip(" .;"), True
    role = " ".join(speaker.role.split()).lower() or "докладчик"
    if speaker.person and role != "докладчик":  # «Содоклад заместителя … О.М. Сурменко», «Содокладчик — …, …»
        position = (speaker.position or "").strip()
        if role == "содокладчик" and (not position or _GENITIVE_HEAD.match(position)):
            name = ctx.person_name(speaker.person, loc + ("person",), "genitive", initials_first=True)
            return (f"Содоклад {position} {name}" if position else f"Содоклад {name}"), False
        name = ctx.person_name(speaker.person, loc + ("person",), initials_first=True)
        return f"{role[:1].upper()}{role[1:]} — {name}" + (f", {position}" if position else ""), False
    if speaker.person:
        position = (speaker.position or "").strip()
        if position and not _GENITIVE_HEAD.match(position):
            name = ctx.person_name(speaker.person, loc + ("person",), initials_first=True)
            return f"Докладчик — {name}, {position}", False
        name = ctx.person_name(speaker.person, loc + ("person",), "genitive", initials_first=True)
        return (f"Доклад {position} {name}" if position else f"Доклад {name}"), False
    group_id = speaker.group or ""  # set: a speaker without a person is a group (``Speaker._one_kind``)
    group = ctx.directory.groups.get(group_id)
    if group is not None and group.genitive:
        return f"Доклад {speaker.position + ' ' if speaker.position else ''}{group.genitive}", False
    name = group.name if group is not None else group_id
    return f"Докладчики — {lower_common_word(name)}" + (f", {speaker.position}" if speaker.position else ""), False


def _agenda_line(ctx: _Context, loc: tuple, item: AgendaItem, depth: int) -> dict:
    text = item.title.strip()
    phrases = [_speaker_phrase(ctx, s, loc + ("speakers", j)) for j, s in enumerate(item.speakers)]
    if phrases:
        text = text.rstrip(" ;,")
        first, own_words = phrases[0]
        if own_words:  # «… качеством образования — руководители муниципальных … организаций.»
            text = f"{text.rstrip('.')} — {first}"
        else:
            if not text.rstrip("»)\"").endswith((".", "!", "?", "…")):
                text += "."
            text += " " + first
        # Further speakers after «; »: a phrase of ours goes on in lower case («; доклад …»), the
        # protocol's own words stay as written («; ШМО классных руководителей»).
        for phrase, own in phrases[1:]:
            text += "; " + (phrase if own else lower_common_word(phrase))
        if not text.endswith((".", "!", "?", "…")):
            text += "."
    if item.appendix is not None:
        text = f"{text.rstrip('.')} (приложение {item.appendix})."
    return {"number": number_label(item.number), "text": text, "level": depth}


def _statement(ctx: _Context, statement: Statement, loc: tuple, case: Case) -> dict:
    """«Кирюхину И.В., муниципального координатора — об итогах…»: the name and its position in
    one case; the first paragraph continues the lead after a dash when it continues the phrase
    (a lower-case start), and follows it as a sentence of its own when it starts one («…отдела.
    Она ознакомила…»)."""
    name = ctx.person_name(statement.person, loc + ("person",), case)
    if statement.together:  # heard together: the names alone, each in the heading's case
        others = [ctx.person_name(ref, loc + ("together", t), case) for t, ref in enumerate(statement.together)]
        lead = ", ".join([name, *others])
    else:
        position = ctx.position_in(statement.person, statement.position, case)
        lead = name + (f", {position}" if position else "")
    body = paragraphs(statement.text)
    if body and CONTINUATION.match(body[0]) and not any(BULLET.match(p) for p in body[1:]):
        # «— о ходе выполнения плана.» written with the dash the protocol shows: a continuation
        # of the lead, not a list of one item
        body[0] = BULLET.sub("", body[0], count=1)
    if body and not BULLET.match(body[0]):
        first = body.pop(0)
        if first[:1].isupper():
            lead = f"{_end_sentence(lead)} {first}"
        else:
            lead = f"{lead} — {first}"
    elif not body:
        lead = _end_sentence(lead)
    if statement.analysis is not None:  # the schools and evidence of the analysis heard (nor_docs/analytics)
        from ..analytics.citations import cited_paragraphs

        cited, problem = cited_paragraphs(ctx.directory, statement.analysis)
        body += cited
        if problem:
            ctx.notices.append(Notice(loc + ("analysis",), "NOR608", problem))
    return {"lead": lead, "paragraphs": body + paragraphs(statement.text_after)}


def _end_sentence(text: str) -> str:
    return text if text.endswith(tuple(SENTENCE_END)) else text + "."


def _main_item(ctx: _Context, loc: tuple, item: AgendaItem) -> dict:
    number = number_label(item.number)
    heard = [_statement(ctx, s, loc + ("heard", j), ctx.docs.heard_case) for j, s in enumerate(item.heard)]
    spoke = [_statement(ctx, s, loc + ("spoke", j), "nominative") for j, s in enumerate(item.spoke)]
    decisions = _decisions(ctx, item.decisions, [loc + ("decisions", j) for j in range(len(item.decisions))])
    labels = []
    for present, word in ((heard, "СЛУШАЛИ:"), (spoke, "ВЫСТУПИЛИ:"), (decisions, ctx.formula)):
        labels.append(word if present else "")
    # The item's number stands before the first of its sections: «1. СЛУШАЛИ:».
    for i, label in enumerate(labels):
        if label:
            labels[i] = f"{number} {label}"
            break
    return {
        "number": number,
        "title": item.title,
        "heard_label": labels[0],
        "heard": heard,
        "spoke_label": labels[1],
        "spoke": spoke,
        "decisions_label": labels[2],
        "decisions": decisions,
        "vote": _vote(item.vote),
    }


def _executor_dative(ctx: _Context, ref: str, loc: tuple, first: bool = True) -> str:
    """An executor as a decision's sentence names it, in the dative: «Ивановой И.И.»,
    «Руководителям ОО», «Руководству Администрации …» (the organisation in the genitive). After
    the first, a group's or an organisation's words go on in lower case («Ливановой Д.,
    высшим должностным лицам …, руководству МБОУ …»); a person's name never changes."""
    if ref in ctx.directory.people:
        return ctx.person_name(ref, loc, "dative")
    group = ctx.directory.groups.get(ref)
    if group is not None:
        if group.dative:
            return group.dative if first else lower_common_word(group.dative)
        ctx.notices.append(Notice(loc, "NOR302", f"у группы «{group.name}» нет формы дательного падежа "
                                                 "(dative) — в тексте решения она названа как есть"))  # fmt: skip
        return group.name if first else lower_common_word(group.name)
    org = ctx.directory.organizations.get(ref)
    if org is not None:
        return f"{'Руководству' if first else 'руководству'} {organization_in_case(org.display_name, 'genitive')}"
    return ref


def _responsible_brackets(ctx: _Context, decision: Decision, ref: str, loc: tuple) -> str:
    """« (Нестерюк Е.В.)» after an organisation executor with its responsible person, else ""."""
    person = decision.responsible_of(ref)
    if person is None or person not in ctx.directory.people:
        return ""
    j = decision.executors.index(ref) if ref in decision.executors else 0
    return f" ({ctx.person_name(person, loc + ('executors', j, 'responsible'), initials_first=False)})"


def _with_responsible(ctx: _Context, decision: Decision, ref: str, loc: tuple) -> str | None:
    """An organisation with its responsible person as the sentence names it: the organisation in
    the dative, the person in brackets — «Администрации МР «Прилузский» (Нестерюк Е.В.)»; None
    for any other executor."""
    org = ctx.directory.organizations.get(ref)
    brackets = _responsible_brackets(ctx, decision, ref, loc[:-2])
    if org is None or not brackets:
        return None
    return organization_in_case(org.display_name, "dative") + brackets


def _executor_nominative(ctx: _Context, ref: str, first: bool = True) -> str:
    """An executor as a list names it, in the nominative; after the first, a group's words go on in
    lower case («Ливанов Д., высшие должностные лица …»), as in ``_executor_dative``."""
    if ref in ctx.directory.people:
        person = ctx.directory.people[ref]
        return person.short_initials_first if ctx.lists_initials_first else person.short
    if ref in ctx.directory.groups:
        name = ctx.directory.groups[ref].name
        return name if first else lower_common_word(name)
    if ref in ctx.directory.organizations:
        return ctx.directory.organizations[ref].display_name
    return ref


def _decisions(ctx: _Context, decisions: Sequence[Decision], locs: list[tuple], inherited: tuple = (), depth: int = 0) -> list[dict]:
    """Decisions flattened depth first: number, composed sentence, bullets, and the table cells."""
    rows: list[dict] = []
    for decision, loc in zip(decisions, locs):
        own = tuple(decision.executors)
        executors = own or inherited
        prefix = None
        if decision.executors_in_text:
            if decision.addressed_to:
                prefix = decision.addressed_to.strip()
            elif own:
                names = [_with_responsible(ctx, decision, ref, loc + ("executors", j))
                         or _executor_dative(ctx, ref, loc + ("executors", j), first=j == 0)
                         for j, ref in enumerate(own)]  # fmt: skip
                prefix = capitalize_first(join_names(names))
        # A deadline marked inside the text is already in the sentence: nothing is appended.
        in_text = decision.deadline is not None and decision.deadline.in_text
        deadline = decision.deadline.as_written if decision.deadline is not None and not in_text else None
        nominative = join_names(_executor_nominative(ctx, ref, first=k == 0) + _responsible_brackets(ctx, decision, ref, loc)
                                for k, ref in enumerate(executors))  # fmt: skip
        rows.append({
            "number": number_label(decision.number),
            "text": compose_sentence(prefix, decision.text, deadline, getattr(decision, "deadline_comma", True)),
            "bullets": [BULLET.sub("", b, count=1) for b in decision.bullets] + _inspection_lines(decision),
            "level": depth,
            # the table layout: № | Содержание поручения | Срок исполнения | Ответственные
            "content": "\n".join([capitalize_first(decision.text.strip()), *decision.bullets,
                                  *_inspection_lines(decision),
                                  *([_vote(decision.vote)] if decision.vote else [])]),
            "vote": _vote(decision.vote),
            "deadline": deadline or "",
            "executors": nominative or (decision.addressed_to or ""),
            "on_control": bool(executors) and decision.on_control,
            "before_signatures": False,
            **_inspection_cells(ctx, decision, deadline),
        })  # fmt: skip
        children = [loc + ("decisions", j) for j in range(len(decision.decisions))]
        rows.extend(_decisions(ctx, decision.decisions, children, executors, depth + 1))
    return rows


# --- an inspection act (предписание, представление, протест; docs/kinds.md) ---


def _inspection_header(ctx: _Context, view: dict) -> None:
    """An act's addressee and the day it was received, as the first lines before its preamble
    («Кому: Управление образования …», «Получено: 15.06.2021»); an act with no date of its own
    prints none (the day of receipt is not its date)."""
    m = ctx.meeting
    lines = []
    if m.addressed_to is not None:
        lines.append(f"Кому: {_executor_nominative(ctx, m.addressed_to)}")
    if m.received is not None:
        lines.append(f"Получено: {ctx.date(m.received)}")
    view["intro"] = lines + view["intro"]
    if not m.dated:
        view["date"] = ""
        view["date_line"] = f"\t№{NBSP}{m.number}" if m.number is not None else ""


def _inspection_cells(ctx: _Context, decision: Decision, deadline: str | None) -> dict:
    """The cells of ``inspection.docx``'s table: нарушение | требуемая мера | срок | принятые меры.
    An item with no term of its own, of a kind with a term by law and an act with its day of
    receipt, shows that term, labelled: «в течение месяца со дня получения 03.03.2025 (срок по
    закону)» — as control counts it."""
    if decision.deadline is not None and decision.deadline.in_text:
        deadline = decision.deadline.as_written
    term = kind_of(ctx.meeting, ctx.directory).statutory_term
    if unwritten(decision.deadline) and term and ctx.meeting.received is not None:
        deadline = f"{term} со дня получения {ctx.date(ctx.meeting.received)} (срок по закону)"
    return {
        "violation": capitalize_first((decision.violation or "").strip()),
        "measure": capitalize_first(decision.text.strip()),
        "measures_taken": capitalize_first((decision.measures_taken or "").strip()),
        "deadline_cell": deadline or "",
    }


def _inspection_lines(decision: Decision) -> list[str]:
    """The violation an act's item answers and the measures taken, as lines under the item («–
    нарушение: …», «– принятые меры: …»)."""
    lines = []
    if decision.violation:
        lines.append(f"нарушение: {decision.violation.strip()}")
    if decision.measures_taken:
        lines.append(f"принятые меры: {decision.measures_taken.strip()}")
    return lines


def _signatures(ctx: _Context) -> list[dict]:
    m = ctx.meeting
    rows = []
    if m.signers:
        for i, signer in enumerate(m.signers):
            position = signer.position or ctx.position_of(signer.person, None) or ""
            rows.append({"position": capitalize_first(position),
                         "name": ctx.person_name(signer.person, ("signers", i, "person"), initials_first=True)})
        return rows
    for key, default in (("chair", "Председатель"), ("secretary", "Секретарь")):
        role = getattr(m, key)
        if role is None or (key == "secretary" and _keeps_minutes(role.label)):
            continue
        label = role.label or default
        position = default if label.lower().startswith(default.lower()[:7]) else label
        rows.append({"position": position,
                     "name": ctx.person_name(role.person, (key, "person"), initials_first=True)})
    return rows


def _minutes_by(ctx: _Context) -> dict | None:
    role = ctx.meeting.secretary
    if role is None or not _keeps_minutes(role.label):
        return None
    if any(signer.person == role.person for signer in ctx.meeting.signers):
        return None  # already in the signature block
    return {"label": role.label, "name": ctx.person_name(role.person, ("secretary", "person"), initials_first=True)}


def _certification(ctx: _Context, certifier: str | None, certified_on: dt.date | None) -> dict:
    m = ctx.meeting
    loc: tuple
    position: str | None
    if certifier is not None:
        person, loc, position = certifier, (), None
    elif m.secretary is not None:
        person, loc, position = m.secretary.person, ("secretary", "person"), m.secretary.position
    elif m.signers:
        person, loc, position = m.signers[0].person, ("signers", 0, "person"), m.signers[0].position
    elif m.chair is not None:
        person, loc, position = m.chair.person, ("chair", "person"), m.chair.position
    else:
        raise ExtractProblem(
            "выписку некому заверить («Верно»): в записи нет ни секретаря (secretary), ни подписавших (signers), "
            "ни председателя (chair); укажите, кто заверяет: --certifier ID (или добавьте их в запись)",
            (), "NOR311")  # fmt: skip
    return {
        "word": "Верно",
        "position": capitalize_first(ctx.position_of(person, position) or ""),
        "name": ctx.person_name(person, loc, initials_first=True),
        "date": ctx.date(certified_on or m.date),
    }


def _appendix_heading(ctx: _Context, number: str) -> str:
    m = ctx.meeting
    head = f"Приложение{(' ' + number) if number else ''}"
    where = f"к протоколу от {ctx.date(m.date)}" + (f" №{NBSP}{m.number}" if m.number is not None else "")
    return f"{head}\n{where}"


def _appendix(ctx: _Context, appendix: Appendix) -> dict:
    table = None
    if appendix.table is not None:
        # Every row as wide as the widest (a row written shorter, or empty, gets empty cells: a
        # table row of no cells is not a row Word can open); a table of no cells at all is none.
        width = max([len(appendix.table.header), *(len(r) for r in appendix.table.rows)])
        pad = lambda row: list(row) + [""] * (width - len(row))  # noqa: E731
        if width:
            table = {"header": pad(appendix.table.header) if appendix.table.header else [],
                     "rows": [pad(r) for r in appendix.table.rows]}  # fmt: skip
    return {
        "heading": _appendix_heading(ctx, str(appendix.number)),
        "title": appendix.title,
        "subtitle": getattr(appendix, "subtitle", None) or "",
        "paragraphs": paragraphs(appendix.text),
        "table": table,
        "paragraphs_after": paragraphs(getattr(appendix, "text_after", None)),
        "list": [],
    }


def _list_appendix(ctx: _Context, number: str, lines: list[str]) -> dict:
    return {
        "heading": _appendix_heading(ctx, number),
        "title": "Список присутствовавших",
        "subtitle": "",
        "paragraphs": [],
        "table": None,
        "paragraphs_after": [],
        "list": [f"{i}. {line}" for i, line in enumerate(lines, 1)],
    }


def _core_properties(ctx: _Context, view: dict) -> dict:
    m = ctx.meeting
    number = f" №{NBSP}{m.number}" if m.number is not None else ""
    forms = kind_of(m, ctx.directory).forms
    kind = f"Выписка из {forms.genitive}" if view["extract"] else m.citation_name or forms.nominative
    return {
        "title": " ".join(x for x in (f"{kind}{number} от {format_date(m.date)}", m.title) if x),
        "author": view["issuer"],
        "subject": m.kind or kind,
        "date": m.date,
        "identifier": m.id or "",
    }
