"""Protocols written in other offices' styles (tests/data/import/, built DOCX from
tests/import_corpus.py) import into drafts that say what the protocol says: each document's facts
are written down by hand in tests/data/import/expected/<name>.yaml and checked here, against the
sample directory plus tests/data/import/records/directory (two municipalities of the corpus)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from import_corpus import DOCX, build_docx
from import_facts import all_decisions, fresh_records, import_into, norm

DATA = Path(__file__).resolve().parent / "data" / "import"
TEXTS = sorted(p.name for p in DATA.glob("*.*"))
NAMES = sorted(DOCX) + TEXTS


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("corpus")
    built = build_docx(tmp / "docx")
    files = [built.get(name) or DATA / name for name in NAMES]
    records = fresh_records(tmp / "records")
    shutil.copy(DATA / "records" / "directory" / "corpus.yaml", records / "directory")
    outcomes, loaded, problems = import_into(files, records, fill=True)
    return dict(zip(NAMES, outcomes)), loaded, problems, records


def _who(records, ref: str) -> object:
    """A reference as the expectations write it: a directory id as is, a new person as
    [surname, initials], a new group or organisation by its name."""
    if ref in records.people and ref.split("-", 1)[0] in ("zarechny", "pervomaisk", "kamenka", "mun4"):
        person = records.people[ref]
        origin = str(records.origins[ref].file)
        if "/import-" not in origin:
            return ref
    if ref in records.people:
        person = records.people[ref]
        return [person.surname, person.initials_text]
    if ref in records.groups and "/import-" in str(records.origins[ref].file):
        return records.groups[ref].name
    if ref in records.organizations and "/import-" in str(records.origins[ref].file):
        return records.organizations[ref].name
    return ref


def _expect(spec):
    return spec if isinstance(spec, str) else list(spec)


def test_every_corpus_document_is_imported_and_loads(corpus):
    outcomes, loaded, problems, _records = corpus
    assert all(o.ok for o in outcomes.values()), {n: o.problem for n, o in outcomes.items() if not o.ok}
    errors = [p.as_text() for p in problems if p.is_error]
    assert errors == []
    ids = {o.draft.record_id for o in outcomes.values()}
    assert ids <= set(loaded.meetings) | set(loaded.roadmaps)


@pytest.mark.parametrize("name", NAMES)
def test_corpus_document_says_what_the_protocol_says(corpus, name):
    outcomes, loaded, _problems, records_dir = corpus
    expected = yaml.safe_load((DATA / "expected" / f"{Path(name).stem}.yaml").read_text(encoding="utf-8"))
    outcome = outcomes[name]
    if expected.pop("roadmap", False):
        _check_roadmap(loaded.roadmaps[outcome.draft.record_id], loaded, expected)
        return
    meeting = loaded.meetings[outcome.draft.record_id]
    who = lambda ref: _who(loaded, ref)  # noqa: E731
    text = (records_dir / "meetings" / f"{outcome.draft.record_id}.yaml").read_text(encoding="utf-8")
    for key, value in expected.items():
        if key in ("kind", "title", "place"):
            assert norm(getattr(meeting, key)) == norm(value), key
        elif key == "decision_word":
            assert meeting.decision_word == value
        elif key == "time":
            assert meeting.time.strftime("%H:%M") == value
        elif key == "document":
            assert meeting.document == value
        elif key == "date":
            assert meeting.date.strftime("%d.%m.%Y") == value
        elif key == "number":
            assert str(meeting.number) == str(value)
        elif key == "mode":
            assert meeting.format is not None and meeting.format.mode == value
        elif key == "issuer":
            assert meeting.issuer == value
        elif key == "organization":
            org = loaded.organizations[meeting.issuer]
            assert norm(org.name) == norm(value)
        elif key in ("chair", "secretary"):
            role = getattr(meeting, key)
            assert role is not None and who(role.person) == _expect(value), key
        elif key == "chair_label":
            assert meeting.chair.label == value
        elif key in ("attendees", "invited", "absent"):
            assert len(getattr(meeting, key)) == value, key
        elif key == "attendee_ids":
            assert [a.person for a in meeting.attendees] == value
        elif key == "agenda":
            items = {str(i.number): i for i in meeting.agenda}
            for number, title in value.items():
                assert norm(items[str(number)].title) == norm(title), number
        elif key == "speakers":
            items = {str(i.number): i for i in meeting.agenda}
            for number, person in value.items():
                assert who(items[str(number)].speakers[0].person) == _expect(person), number
        elif key == "heard":
            items = {str(i.number): i for i in meeting.agenda}
            for number, person in value.items():
                assert who(items[str(number)].heard[0].person) == _expect(person), number
        elif key == "spoke":
            items = {str(i.number): i for i in meeting.agenda}
            for number, people in value.items():
                assert [who(s.person) for s in items[str(number)].spoke] == [_expect(p) for p in people], number
        elif key == "decisions":
            assert [str(d.number) for d in all_decisions(meeting)] == value
        elif key == "layout":
            assert meeting.assignments_layout == value
        elif key == "executors":
            decisions = {str(d.number): d for d in all_decisions(meeting)}
            for number, refs in value.items():
                assert [who(e) for e in decisions[number].executors] == [_expect(r) for r in refs], number
        elif key == "deadlines":
            decisions = {str(d.number): d for d in all_decisions(meeting)}
            for number, written in value.items():
                deadline = decisions[number].deadline
                assert deadline is not None and deadline.as_written == written and not deadline.in_text, number
        elif key == "in_text_deadlines":  # marked [[…]] in the decision's text, read back by the record model
            decisions = {str(d.number): d for d in all_decisions(meeting)}
            for number, written in value.items():
                deadline = decisions[number].deadline
                assert deadline is not None and deadline.as_written == written and deadline.in_text, number
        elif key == "attendees_label":
            assert meeting.attendees_label == value
        elif key == "draft_has":  # in the draft as a clerk types them (lines of a folded text joined), the notes
            flat = " ".join(text.replace("\n#   ", " ").split())
            for words in value:
                assert (words in text) if "\n" in words else " ".join(words.split()) in flat, words
        elif key == "draft_lacks":
            for words in value:
                assert words not in text, repr(words)
        elif key == "signers":
            assert [who(s.person) for s in meeting.signers] == [_expect(p) for p in value]
        elif key == "new_people":
            found = [[p.surname, p.first_name, p.patronymic, p.gender] for p in loaded.people.values()
                     if "/import-" in str(loaded.origins[p.id].file) and p.first_name]  # fmt: skip
            for person in value:
                assert person in found, person
        elif key == "unrecognised_deadlines":
            for number, written in value.items():
                assert f"deadline: {written}" in _draft_text(outcome), number
                assert "проверьте: срок не распознан" in _draft_text(outcome), number
        elif key == "comments":
            for word in value:
                assert f"# в протоколе: {word}" in text
        else:
            raise AssertionError(f"unknown expectation {key}")


def _draft_text(outcome) -> str:
    from nor_docs.importer.importing import render

    return render(outcome.draft, outcome.source.name, outcome.written[0])[0]


def _check_roadmap(roadmap, loaded, expected) -> None:
    items = {str(i.number): i for s in roadmap.sections for i in s.items}
    items.update({str(i.number): i for i in roadmap.items})
    for key, value in expected.items():
        if key == "issuer":
            assert roadmap.issuer == value
        elif key == "title":
            assert norm(roadmap.title) == norm(value)
        elif key == "period":
            assert [roadmap.period.start.isoformat(), roadmap.period.end.isoformat()] == [str(v) for v in value]
        elif key == "approval":
            assert [roadmap.approval.by, roadmap.approval.date.strftime("%d.%m.%Y"), roadmap.approval.number] == value
        elif key == "sections":
            assert [s.title for s in roadmap.sections] == value
        elif key == "items":
            assert list(items) == value
        elif key == "executors":
            for number, refs in value.items():
                assert items[number].executors == refs
        elif key == "deadlines":
            for number, written in value.items():
                assert items[number].deadline.as_written == written
        else:
            raise AssertionError(f"unknown expectation {key}")
