"""Round trip: every protocol nor-docs renders, imported back, gives the original record's facts
(ids of the meetings aside) — the sample records, the test records of the protocol tests and the
import's own (tests/data/import/roundtrip: the shapes of the documents' words and typography,
deadlines inside the decisions' text, a statement citing an analysis of results). What cannot come back is listed here, each with the
reason: it is not in the document."""

from __future__ import annotations

import shutil

import pytest
from conftest import DATA, ROOT, SAMPLE_RECORDS
from import_facts import differences, facts, import_into

from nor_docs.build.protocols import build_protocols
from nor_docs.model.records import load_records
from nor_docs.pipeline import load_checked as load_and_validate

TEST_RECORDS = DATA / "protocols" / "records"
IMPORT_RECORDS = DATA / "import" / "roundtrip"
ROOTS = (("records", SAMPLE_RECORDS), ("protocols", TEST_RECORDS), ("import", IMPORT_RECORDS))

# Facts the document does not carry, so no import can recover them. (Texts are compared as the
# protocol prints them — through the typograph — so «"лапки"» typed and «ёлочки» printed agree.)
NOT_IN_THE_DOCUMENT = {
    # Executors the record's authors read into decisions whose text names nobody (printed with
    # executors_in_text: false) — and decision 2, whose text names «руководителям школ-участников
    # проекта», mapped by them to the group of project participants.
    ("records", "2022-01-31-astrakhan-500"): {"decision[2].executors", "decision[3].executors",
                                              "decision[4].executors"},
    ("records", "2023-01-31-petrozavodsk"): {"decision[2].executors", "decision[3].executors",
                                             "decision[4].executors", "decision[5].executors"},
    # The test records: groups written in other words than their directory names (the record
    # says «участники проекта … 2022 года (15 руководителей …)» of the group «Участники проекта
    # «500+»»), executors read into the text, a list of 3 schools standing for a group of 15.
    ("protocols", "2022-01-31-ast-vks"): {"attendees.refs", "decision[2.1].executors"},
    ("protocols", "2023-01-31-ptz-nested"): {"attendees.refs", "decision[1].executors", "decision[3].executors"},
    # Executors of decisions 2 and 3 are printed nowhere (executors_in_text: false, the text names
    # nobody); decision 4's «[[по графику ФЦТ | 31.05.2014]]» prints as «по графику ФЦТ», without
    # its control date, so only «до 20 июня 2014 г.» of its two control points comes back.
    ("protocols", "2014-01-21-marks"): {"decision[2].executors", "decision[3].executors", "decision[4].deadline"},
}


def _cases():
    for label, root in ROOTS:
        records, problems = load_and_validate(root)
        broken = {d.file for d in problems if d.is_error}
        for meeting_id in sorted(records.meetings):
            if records.where(meeting_id)[0] not in broken:
                yield label, root, meeting_id


CASES = list(_cases())


@pytest.fixture(scope="module")
def round_trips(tmp_path_factory):
    """Each records folder built into DOCX, the DOCX imported into a folder with the same
    directory, settings and events, and loaded back."""
    result = {}
    for label, root in ROOTS:
        tmp = tmp_path_factory.mktemp(f"roundtrip-{label}")
        build_protocols(root, tmp / "docx", ROOT / "templates")
        target = tmp / "records"
        target.mkdir()
        for folder in ("directory", "events"):
            if (root / folder).is_dir():
                shutil.copytree(root / folder, target / folder)
        if (root / "settings.yaml").is_file():
            shutil.copy(root / "settings.yaml", target)
        files = sorted((tmp / "docx").glob("*.docx"))
        outcomes, loaded, problems = import_into(files, target, fill=True)
        original, _ = load_records(root)
        result[label] = (original, {f.stem: o for f, o in zip(files, outcomes)}, loaded, problems)
    return result


def test_every_rendered_protocol_is_imported_and_loads_as_a_record(round_trips):
    for _original, outcomes, loaded, problems in round_trips.values():
        assert all(o.ok for o in outcomes.values()), {k: o.problem for k, o in outcomes.items()}
        assert [p.as_text() for p in problems if p.is_error] == []
        assert {o.draft.record_id for o in outcomes.values()} <= set(loaded.meetings)


@pytest.mark.parametrize(("label", "root", "meeting_id"), [pytest.param(*c, id=f"{c[0]}/{c[2]}") for c in CASES])
def test_imported_protocol_gives_back_the_facts_of_its_record(round_trips, label, root, meeting_id):
    original, outcomes, loaded, _problems = round_trips[label]
    imported = loaded.meetings[outcomes[meeting_id].draft.record_id]
    found = differences(facts(original.meetings[meeting_id], original), facts(imported, loaded))
    assert set(found) == NOT_IN_THE_DOCUMENT.get((label, meeting_id), set()), found


def test_the_comparison_notices_a_changed_fact(round_trips):
    original, outcomes, loaded, _problems = round_trips["records"]
    meeting = original.meetings["2023-12-14-mun4-wg"]
    changed = meeting.model_copy(update={"time": None, "title": meeting.title + " и не только"})
    found = differences(facts(meeting, original), facts(changed, original))
    assert set(found) == {"time", "title"}
