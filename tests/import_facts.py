"""Facts of a meeting record, compared between an original and its import (ids of the meeting
aside): the helper of the round-trip test, the seed measurement (``bench/import_facts.py``) and
the import tests.

``import_into`` imports files into a fresh records folder that holds a copy of the sample
directory (or none), and loads what was written through the record models — the drafts are
records, so they are compared as records. ``facts`` flattens a meeting into «path → value»,
values as the protocol shows them: a position the record leaves to the directory is the
directory's, a label left to the default is the default, «Руководителям ОО» composed from an
executor is the same words as written out. ``seed_shares`` counts, per kind of fact, how many of
an original's facts an import recovered.
"""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass
from pathlib import Path

from nor_docs.importer.importing import import_file, load_directory, taken_ids
from nor_docs.model.records import load_records
from nor_docs.russian.names import position_in_case

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "records"


def norm(text) -> str:
    """Compare texts regardless of spaces, NBSP, no-break hyphens, the case of the first letter and a
    final stop."""
    if text is None:
        return ""
    text = " ".join(str(text).replace("\u00a0", " ").replace("\u2011", "-").split())
    text = text.strip(" .;,")
    return text[:1].lower() + text[1:]


def as_printed(records):
    """``norm`` of a text as the document prints it: through the typograph when the records'
    settings turn it on (``documents: typography``). A fact is what the protocol says: «"лапки"»
    typed in a record and «ёлочки» read back from the printed page are the same words, as are «- »
    and «– », «2023-2024» and «2023‑2024» — the import must print what the original printed."""
    if not records.settings.documents.typography:
        return norm
    from nor_docs.russian.typography import typeset

    return lambda text: norm(typeset(str(text))) if text is not None else ""


def fresh_records(target: Path, with_directory: bool = True) -> Path:
    """A records folder with the sample's settings, directory and events (or an empty one)."""
    target.mkdir(parents=True, exist_ok=True)
    if with_directory:
        for folder in ("directory", "events"):
            shutil.copytree(SAMPLE / folder, target / folder)
        if (SAMPLE / "settings.yaml").exists():
            shutil.copy(SAMPLE / "settings.yaml", target)
    (target / "meetings").mkdir(exist_ok=True)
    return target


def fill_placeholders(records: Path) -> None:
    """What a person fills in where the import could not know: the organisation that held a
    meeting nobody named, the event a relative deadline counts from (placeholders «…»)."""
    filled = False
    for path in sorted((records / "meetings").glob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        new = re.sub(r"(?m)^issuer: …$", "issuer: filled-issuer", text)
        new = re.sub(r"(?m)^(\s+)event: …$", r"\1event: filled-event", new)
        # a deadline the reader does not know: the person deletes it (or writes a date)
        new = re.sub(r"(?m)^(\s*)# проверьте: срок не распознан.*\n(?:\1#   .*\n)*\1deadline: .*\n(?:\1deadline_comma: .*\n)?", "", new)
        if new != text:
            path.write_text(new, encoding="utf-8")
            filled = True
    if filled:
        (records / "directory").mkdir(exist_ok=True)
        (records / "directory" / "filled.yaml").write_text(
            "organizations:\n  - id: filled-issuer\n    name: Управление образования\n    kind: управление образования\n",
            encoding="utf-8",
        )
        (records / "events").mkdir(exist_ok=True)
        (records / "events" / "filled.yaml").write_text("events:\n  - id: filled-event\n    title: Событие\n", encoding="utf-8")


def import_into(files: list[Path], records: Path, fill: bool = False):
    """Import ``files`` into ``records``; (outcomes, the loaded records, load problems). With
    ``fill``, the placeholders a person must fill are filled first (``fill_placeholders``)."""
    index, _problems = load_directory(records)
    outcomes = []
    for path in files:
        outcome = import_file(path, index, records)
        outcomes.append(outcome)
        if outcome.ok and outcome.draft is not None:
            index.taken.update(taken_ids(outcome.draft))  # as nor-docs import does between files
    if fill:
        fill_placeholders(records)
    loaded, problems = load_records(records)
    return outcomes, loaded, problems


# --- facts ---------------------------------------------------------------------------------------


def _person_key(records, ref: str) -> str:
    """A person as surname + initials (the same for an original id and a proposed one)."""
    person = records.people.get(ref)
    if person is None:
        return ref
    return f"{person.surname.lower().replace('ё', 'е')} {person.initials_text}"


def _effective_position(records, ref: str | None, written: str | None) -> str:
    printed = as_printed(records)
    if written:
        return printed(written)
    person = records.people.get(ref) if ref else None
    return printed(person.position) if person is not None and person.position else ""


def _decisions(decisions, prefix: str = ""):
    for decision in decisions:
        yield decision
        yield from _decisions(decision.decisions)


def all_decisions(meeting):
    for item in meeting.agenda:
        yield from _decisions(item.decisions)
        for sub in item.items:
            yield from _decisions(sub.decisions)
    yield from _decisions(meeting.decisions)


def facts(meeting, records) -> dict[str, str]:
    """«path → value» of everything the protocol of ``meeting`` says."""
    from nor_docs.render.protocol_view import protocol_view

    printed = as_printed(records)
    out: dict[str, str] = {}
    view, _notices = protocol_view(meeting, records, records.settings)
    for key in ("document", "kind", "title", "number", "date", "time", "place", "theme", "intro"):
        value = getattr(meeting, key)
        out[key] = printed(value.isoformat() if hasattr(value, "isoformat") else value)
    out["issuer"] = meeting.issuer
    out["format"] = f"{meeting.format.mode} {meeting.format.platform}" if meeting.format else ""
    for key, default in (("chair", "Председатель"), ("secretary", "Секретарь")):
        role = getattr(meeting, key)
        if role is None:
            out[key] = ""
            continue
        out[f"{key}.person"] = _person_key(records, role.person)
        out[f"{key}.label"] = printed(role.label or default)
        out[f"{key}.position"] = _effective_position(records, role.person, role.position)
    for section in view["attendance"]:
        lines = sorted(printed(line) for line in section["lines"])
        out[f"{section['label']}.lines"] = " | ".join(lines)
        out[f"{section['label']}.summary"] = printed(section["summary"])
    for key in ("attendees", "invited", "absent"):
        refs = sorted(_person_key(records, a.person) if a.person else (a.group or a.organization or "")
                      for a in getattr(meeting, key))  # fmt: skip
        out[f"{key}.refs"] = " | ".join(refs)
    for item in meeting.agenda:
        base = f"agenda[{item.number}]"
        out[f"{base}.title"] = printed(item.title)
        out[f"{base}.appendix"] = str(item.appendix or "")
        out[f"{base}.items"] = " | ".join(f"{s.number} {printed(s.title)}" for s in item.items)
        out[f"{base}.speakers"] = " | ".join(
            (_person_key(records, s.person) if s.person else s.group) + " — " + _effective_position(records, s.person, s.position)
            for s in item.speakers
        )
        for key, case in (("heard", records.settings.documents.heard_case), ("spoke", "nominative")):
            for i, statement in enumerate(getattr(item, key)):
                out[f"{base}.{key}[{i}].person"] = _person_key(records, statement.person)
                # the position in the case the protocol prints it in (after «СЛУШАЛИ:» the
                # document puts a nominative position into the name's case)
                position = _effective_position(records, statement.person, statement.position)
                out[f"{base}.{key}[{i}].position"] = printed(position_in_case(position, case)) if position else ""
                out[f"{base}.{key}[{i}].text"] = printed(_statement_body(records, statement))
    rows = {row["number"]: row for row in view["decisions"]}
    for item in view["items"]:
        rows.update({row["number"]: row for row in item["decisions"]})
    for decision in all_decisions(meeting):
        base = f"decision[{decision.number}]"
        row = rows.get(f"{str(decision.number).rstrip('.')}.")
        if meeting.assignments_layout == "table":  # the table shows text, deadline and executors apart
            out[f"{base}.sentence"] = " | ".join(printed(row[k]) for k in ("content", "deadline", "executors")) if row else ""
        else:
            out[f"{base}.sentence"] = printed(row["text"]) if row else ""
        out[f"{base}.bullets"] = " | ".join(printed(b) for b in decision.bullets)
        out[f"{base}.executors"] = " | ".join(sorted(_executor_key(records, e) for e in decision.executors))
        deadline = decision.deadline
        out[f"{base}.deadline"] = _deadline_key(deadline)
        out[f"{base}.on_control"] = str(decision.on_control)
    out["decision_word"] = meeting.decision_word
    out["assignments_layout"] = meeting.assignments_layout
    out["signatures"] = " | ".join(f"{printed(s['position'])} — {printed(s['name'])}" for s in view["signatures"])
    out["minutes_by"] = printed(" ".join(view["minutes_by"].values())) if view["minutes_by"] else ""
    for appendix in meeting.appendices:
        base = f"appendix[{appendix.number}]"
        out[f"{base}.title"] = printed(appendix.title)
        out[f"{base}.subtitle"] = printed(appendix.subtitle)
        out[f"{base}.text"] = printed(appendix.text)
        out[f"{base}.table"] = repr(appendix.table.rows) if appendix.table else ""
        out[f"{base}.text_after"] = printed(appendix.text_after)
    out["results"] = str(len(meeting.results))
    return {k: v for k, v in out.items()}


def _statement_body(records, statement) -> str:
    """What a protocol prints of a statement after its lead: the text, the schools and evidence of
    the analysis it cites (``analysis:``), the text after them — read back, all of it is text."""
    parts = [statement.text or ""]
    if getattr(statement, "analysis", None) is not None:
        from nor_docs.analytics.citations import cited_paragraphs

        parts += cited_paragraphs(records, statement.analysis)[0]
    parts.append(getattr(statement, "text_after", None) or "")
    return " ".join(p for p in parts if p)


def _executor_key(records, ref: str) -> str:
    if ref in records.people:
        return _person_key(records, ref)
    if ref in records.groups:
        return "группа " + norm(records.groups[ref].name)
    if ref in records.organizations:
        return "организация " + norm(records.organizations[ref].name)
    return ref


def _deadline_key(deadline) -> str:
    if deadline is None:
        return ""
    typed = deadline.model_dump(exclude={"as_written", "event", "points"})
    typed = {k: v for k, v in typed.items() if v not in (None, 0, False)}
    return f"{norm(deadline.as_written)} {sorted(typed.items())}"


def differences(original: dict[str, str], imported: dict[str, str]) -> dict[str, tuple[str, str]]:
    """Facts that differ: path → (original, imported)."""
    keys = sorted(set(original) | set(imported))
    return {k: (original.get(k, "—"), imported.get(k, "—")) for k in keys if original.get(k, "") != imported.get(k, "")}


# --- the share of a seed's facts recovered ------------------------------------------------------


@dataclass
class Share:
    recovered: int
    total: int

    @property
    def percent(self) -> float:
        return 100.0 * self.recovered / self.total if self.total else 100.0

    def __str__(self) -> str:
        return f"{self.recovered}/{self.total}" + (f" ({self.percent:.0f}%)" if self.total else "")


def _people(meeting) -> set[str]:
    refs = set()
    for role in (meeting.chair, meeting.secretary):
        if role is not None:
            refs.add(role.person)
    for key in ("attendees", "invited", "absent"):
        refs.update(a.person for a in getattr(meeting, key) if a.person)
    for item in meeting.agenda:
        refs.update(s.person for s in item.speakers if s.person)
        refs.update(s.person for s in item.heard + item.spoke)
    refs.update(s.person for s in meeting.signers)
    for decision in all_decisions(meeting):
        refs.update(decision.executors)
    return refs


def _items(meeting) -> dict[str, str]:
    out = {}
    for item in meeting.agenda:
        out[str(item.number)] = norm(item.title)
        for sub in item.items:
            out[str(sub.number)] = norm(sub.title)
    return out


def seed_shares(original, original_records, imported, imported_records) -> dict[str, Share]:
    """How many of ``original``'s people, agenda items, decisions, executors and deadlines the
    import recovered (people by surname and initials, so that proposed new entries count)."""
    people_original = {_person_key(original_records, p) for p in _people(original) if p in original_records.people}
    people_imported = {_person_key(imported_records, p) for p in _people(imported)} if imported else set()
    items_original = _items(original)
    items_imported = _items(imported) if imported else {}
    f_original = facts(original, original_records)
    f_imported = facts(imported, imported_records) if imported else {}
    decisions = [d for d in all_decisions(original)]
    decided = sum(1 for d in decisions if f_original[f"decision[{d.number}].sentence"] == f_imported.get(f"decision[{d.number}].sentence")
                  and f_original[f"decision[{d.number}].bullets"] == f_imported.get(f"decision[{d.number}].bullets"))  # fmt: skip
    with_executors = [d for d in decisions if d.executors]
    executors = sum(1 for d in with_executors
                    if f_original[f"decision[{d.number}].executors"] == f_imported.get(f"decision[{d.number}].executors"))  # fmt: skip
    with_deadline = [d for d in decisions if d.deadline is not None]
    deadlines = sum(1 for d in with_deadline
                    if f_original[f"decision[{d.number}].deadline"] == f_imported.get(f"decision[{d.number}].deadline"))  # fmt: skip
    return {
        "people": Share(len(people_original & people_imported), len(people_original)),
        "agenda items": Share(sum(1 for k, v in items_original.items() if items_imported.get(k) == v), len(items_original)),
        "decisions": Share(decided, len(decisions)),
        "executors": Share(executors, len(with_executors)),
        "deadlines": Share(deadlines, len(with_deadline)),
    }


SEEDS = {
    "000_c4b2feb87e122e7d.txt": "2023-10-31-kamenka-wg",
    "001_398c1efde4d30367.txt": "2021-09-29-kuznetsk",
    "002_4dbd5cde15fe31d7.txt": "2023-12-14-mun4-wg",
    "003_f47f8df3f44c68ee.txt": "2023-01-31-petrozavodsk",
    "004_f8a50a386e0d4be3.txt": "2022-01-31-astrakhan-500",
}


def seeds_dir() -> Path:
    for candidate in (ROOT.parent / "shared" / "seeds", ROOT / ".." / "shared" / "seeds", Path("/work/shared/seeds")):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("../shared/seeds")


def measure_seeds(workdir: Path, with_directory: bool = True) -> dict[str, dict[str, Share]]:
    """Import each seed text and count what it recovered of its sample record."""
    original_records, _ = load_records(SAMPLE)
    records = fresh_records(workdir, with_directory)
    files = [seeds_dir() / name for name in SEEDS]
    outcomes, loaded, _problems = import_into(files, records, fill=not with_directory)
    result = {}
    for name, outcome in zip(SEEDS, outcomes):
        original = original_records.meetings[SEEDS[name]]
        imported = loaded.meetings.get(outcome.draft.record_id) if outcome.draft else None
        result[name] = seed_shares(original, original_records, imported, loaded)
    return result


def strip_notes(text: str) -> str:
    """A draft without its «# проверьте:» lines (as a person leaves it after checking)."""
    return re.sub(r"(?m)^\s*# проверьте:.*\n(?:\s*#   .*\n)*", "", text)
