"""Roadmaps as tables: the sample roadmaps, rendered by nor-docs and imported back, give their
records' items — numbers, activities, deadlines as written, executors, results, reporting forms —
their sections and periods. What the document does not carry is listed with the reason."""

from __future__ import annotations

import shutil

import pytest
from conftest import ROOT, SAMPLE_RECORDS
from import_facts import import_into, norm

from nor_docs.build.roadmaps import build_roadmaps
from nor_docs.model.records import load_records

# The rendered roadmap has no approval stamp or «ordered by» line when the record has none, and
# prints no issuer: the issuer comes back from the executors' office (with a note); the period of
# a roadmap whose title names no years comes back from its deadlines.
NOT_IN_THE_DOCUMENT = {
    "kamenka-roadmap-2024": {"period"},  # 31.10.2023–31.12.2024 in the record; the document says neither
    "kuznetsk-sosh10-roadmap-2021-2022": {"subject"},
    "mun4-roadmap-2023-2024": {"subject"},
}


def roadmap_facts(roadmap, records) -> dict[str, str]:
    out = {"title": norm(roadmap.title), "issuer": roadmap.issuer, "subject": roadmap.subject or "",
           "period": f"{roadmap.period.start} {roadmap.period.end}",
           "sections": " | ".join(norm(s.title) for s in roadmap.sections)}  # fmt: skip
    for item in [i for s in roadmap.sections for i in s.items] + list(roadmap.items):
        base = f"item[{item.number}]"
        out[f"{base}.activity"] = norm(item.activity)
        out[f"{base}.deadline"] = norm(item.deadline.as_written) if item.deadline else ""
        out[f"{base}.executors"] = " | ".join(sorted(item.executors))
        out[f"{base}.result"] = norm(item.result)
        out[f"{base}.reporting"] = norm(item.reporting)
    return out


@pytest.fixture(scope="module")
def imported(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("roadmaps")
    build_roadmaps(SAMPLE_RECORDS, tmp / "docx", ROOT / "templates")
    target = tmp / "records"
    for folder in ("directory", "events"):
        shutil.copytree(SAMPLE_RECORDS / folder, target / folder)
    files = sorted((tmp / "docx").glob("*.docx"))
    outcomes, loaded, problems = import_into(files, target)
    return {f.stem: o for f, o in zip(files, outcomes)}, loaded, problems


@pytest.mark.parametrize("roadmap_id", sorted(NOT_IN_THE_DOCUMENT))
def test_imported_roadmap_gives_back_its_items(imported, roadmap_id):
    outcomes, loaded, problems = imported
    assert [p.as_text() for p in problems if p.is_error] == []
    original, _ = load_records(SAMPLE_RECORDS)
    draft = loaded.roadmaps[outcomes[roadmap_id].draft.record_id]
    before, after = roadmap_facts(original.roadmaps[roadmap_id], original), roadmap_facts(draft, loaded)
    found = {k for k in set(before) | set(after) if before.get(k) != after.get(k)}
    assert found == NOT_IN_THE_DOCUMENT[roadmap_id], {k: (before.get(k), after.get(k)) for k in found}
