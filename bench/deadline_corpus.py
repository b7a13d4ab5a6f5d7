"""The share of real deadline wordings nor-docs reads as expected (tests/data/deadline-wordings.yaml).

Each wording is parsed and scheduled on its document's date with the default settings; it counts
as read when the kind and the control dates (or the expected status: ``unread`` — needs a control
date beside it, ``needs_event`` — needs the event) are what the corpus says. Usage:
``python bench/deadline_corpus.py`` (prints the misses and the share).
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from nor_docs.control.schedule import make_context, schedule  # noqa: E402
from nor_docs.model.deadline import DeadlineError, parse_deadline  # noqa: E402
from nor_docs.model.settings import DeadlineSettings  # noqa: E402

CORPUS = ROOT / "tests" / "data" / "deadline-wordings.yaml"


def outcome(entry: dict) -> dict:
    """What nor-docs makes of one wording: ``{kind, control}`` or ``{status}``."""
    issued = dt.date.fromisoformat(entry["document_date"])
    try:
        deadline = parse_deadline(entry["text"])
    except DeadlineError as error:
        return {"status": "needs_event" if "отсчитывается от события" in str(error) else "unread"}
    plan = schedule(deadline, issued, make_context(DeadlineSettings(), issued, {}))
    found = {"kind": deadline.kind}
    if plan.points:
        points = plan.points[:1] if deadline.kind == "recurring" else plan.points
        found["control"] = [p.due.isoformat() for p in points]
    return found


def expected(entry: dict) -> dict:
    return {k: entry[k] for k in ("kind", "control", "status") if k in entry}


def by_kind(entries: list[dict]) -> list[tuple[str, int, int]]:
    """Per expected kind (or status): ``(kind, read as expected, wordings)``, most frequent first."""
    counts: dict[str, list[int]] = {}
    for entry in entries:
        key = entry.get("kind", entry.get("status"))
        counts.setdefault(key, [0, 0])
        counts[key][0] += outcome(entry) == expected(entry)
        counts[key][1] += 1
    return sorted(((k, r, n) for k, (r, n) in counts.items()), key=lambda row: (-row[2], row[0]))


def public_sources(entries: list[dict]) -> set[str]:
    """The public addresses the wordings come from (the seeds and the issue's own examples are not)."""
    return {e["source"] for e in entries if e["source"].startswith("http")}


def main() -> None:
    entries = yaml.safe_load(CORPUS.read_text(encoding="utf-8"))
    misses = [(e, outcome(e)) for e in entries if outcome(e) != expected(e)]
    for entry, got in misses:
        print(f"  «{entry['text']}»: ожидалось {expected(entry)}, получено {got}")
    read = len(entries) - len(misses)
    needs = sum(1 for e in entries if "status" in e)
    public = [e for e in entries if e["source"].startswith("http")]
    print(f"deadline corpus: {len(entries)} wordings ({len(public)} from {len(public_sources(entries))} public "
          f"documents, the rest from the seeds and issue 14); read as expected {read}/{len(entries)} "
          f"({read / len(entries):.0%}); {needs} of them by nature need a control date or an event")
    for kind, read_kind, total in by_kind(entries):
        print(f"  {kind:<12} {read_kind:>3}/{total:<3}")


if __name__ == "__main__":
    main()
