"""Real deadline wordings (tests/data/deadline-wordings.yaml, typed from public municipal and
school documents, each with its source) are read as the corpus says; docs/deadlines.md lists
every one of them with the control date it gives, generated from the same corpus."""

from __future__ import annotations

import pytest
import yaml

from conftest import ROOT, load_script

CORPUS = ROOT / "tests" / "data" / "deadline-wordings.yaml"
ENTRIES = yaml.safe_load(CORPUS.read_text(encoding="utf-8"))
BENCH = load_script(ROOT / "bench" / "deadline_corpus.py")
DOC = ROOT / "docs" / "deadlines.md"


def test_the_corpus_has_sources_and_expectations():
    assert len(ENTRIES) >= 70
    for entry in ENTRIES:
        assert entry["source"] and entry["document_date"]
        assert ("kind" in entry) != ("status" in entry)


@pytest.mark.parametrize("entry", ENTRIES, ids=[e["text"] for e in ENTRIES])
def test_each_real_wording_is_read_as_expected(entry):
    assert BENCH.outcome(entry) == BENCH.expected(entry)


def corpus_table() -> str:
    rows = ["| Как написано | Дата документа | Вид | Контрольная дата | Источник |", "|---|---|---|---|---|"]
    for e in ENTRIES:
        when = ", ".join(e.get("control", [])) or {"unread": "нужна дата рядом (control)",
                                                     "needs_event": "нужно событие (event)"}.get(e.get("status"), "—")
        rows.append(f"| {e['text']} | {e['document_date']} | {e.get('kind', e.get('status'))} | {when} | {e['source']} |")
    return "\n".join(rows) + "\n"


def test_docs_list_every_wording_with_its_control_date():
    text = DOC.read_text(encoding="utf-8")
    table = text.split("<!-- corpus -->\n", 1)[1].split("<!-- /corpus -->", 1)[0]
    assert table == corpus_table(), "docs/deadlines.md: regenerate the table from tests/data/deadline-wordings.yaml"
