"""Real deadline wordings (tests/data/deadline-wordings.yaml, typed from public municipal and
school documents, each with its source) are read as the corpus says; docs/deadlines.md lists
every one of them with the control date it gives, and the share read per kind, generated from the
same corpus."""

from __future__ import annotations

import pytest
import yaml
from conftest import ROOT, load_script

CORPUS = ROOT / "tests" / "data" / "deadline-wordings.yaml"
ENTRIES = yaml.safe_load(CORPUS.read_text(encoding="utf-8"))
BENCH = load_script(ROOT / "bench" / "deadline_corpus.py")
DOC = ROOT / "docs" / "deadlines.md"
KINDS = {"date", "day", "weekday", "month", "months", "period", "several", "standing", "relative", "within",
         "recurring", "urgent", "prompt", "manual", "none"}  # fmt: skip


def test_the_corpus_has_sources_and_expectations():
    assert len(ENTRIES) >= 130
    public = [e for e in ENTRIES if e["source"].startswith("http")]
    assert len(public) >= 100 and len(BENCH.public_sources(ENTRIES)) >= 40
    for entry in ENTRIES:
        assert entry["source"] and entry["document_date"]
        assert ("kind" in entry) != ("status" in entry)
        assert entry.get("kind", "date") in KINDS and entry.get("status", "unread") in ("unread", "needs_event")
        assert ("control" in entry) == (entry.get("kind") not in (None, "standing")), entry["text"]


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


def corpus_summary() -> str:
    rows = ["| Вид | Прочитано | Формулировок |", "|---|---|---|"]
    rows += [f"| {kind} | {read} | {total} |" for kind, read, total in BENCH.by_kind(ENTRIES)]
    read = sum(r for _, r, _ in BENCH.by_kind(ENTRIES))
    rows.append(f"| всего | {read} ({read / len(ENTRIES):.0%}) | {len(ENTRIES)} |")
    return "\n".join(rows) + "\n"


def _block(name: str) -> str:
    return DOC.read_text(encoding="utf-8").split(f"<!-- {name} -->\n", 1)[1].split(f"<!-- /{name} -->", 1)[0]


def test_docs_list_every_wording_with_its_control_date():
    assert _block("corpus") == corpus_table(), "docs/deadlines.md: regenerate the table from the corpus"


def test_docs_give_the_share_read_per_kind():
    assert _block("corpus-summary") == corpus_summary(), "docs/deadlines.md: regenerate the summary from the corpus"


def test_the_unquoted_mark_example_is_what_validate_prints():
    shown = [line.strip() for line in _block("mark-unquoted").splitlines() if line.strip().startswith("records/")]
    expected = (ROOT / "tests" / "bad" / "deadline-mark-unquoted" / "expected.txt").read_text(encoding="utf-8")
    assert shown == expected.splitlines()
