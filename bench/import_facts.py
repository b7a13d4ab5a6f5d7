"""Print what importing recovers (issue 17, «Round trip as the test»): per seed text, the share of
its sample record's people, agenda items, decisions, executors and deadlines — with the sample
directory and with none — and, for every protocol nor-docs renders from the sample records, the
protocol tests' records and the import's own (tests/data/import/roundtrip), the facts that
differ after importing it back.

Usage: ``python bench/import_facts.py``. The same numbers are pinned by tests/test_import_seeds.py
and tests/test_import_roundtrip.py; this prints them as a table.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

KINDS = ("people", "agenda items", "decisions", "executors", "deadlines")


def main() -> None:
    import shutil

    from import_facts import SEEDS, differences, facts, import_into, measure_seeds

    from nor_docs.build.protocols import build_protocols
    from nor_docs.pipeline import load_checked as load_and_validate

    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        for with_directory in (True, False):
            shares = measure_seeds(work / f"seeds-{with_directory}", with_directory)
            print("Seeds from plain text, " + ("with the sample directory" if with_directory else "with no directory"))
            print(f"  {'seed':<28}" + "".join(f"{k:>16}" for k in KINDS))
            totals = {k: [0, 0] for k in KINDS}
            for seed in SEEDS:
                row = shares[seed]
                print(f"  {seed:<28}" + "".join(f"{str(row[k]):>16}" for k in KINDS))
                for k in KINDS:
                    totals[k][0] += row[k].recovered
                    totals[k][1] += row[k].total
            print(f"  {'all five':<28}" + "".join(f"{f'{r}/{t} ({100 * r / t:.0f}%)':>16}" for r, t in totals.values()))
            print()
        for label, root in (("sample records", ROOT / "records"), ("test records", ROOT / "tests/data/protocols/records"),
                            ("import's own records", ROOT / "tests/data/import/roundtrip")):
            out = work / f"docx-{label}"
            build_protocols(root, out, ROOT / "templates")
            target = work / f"import-{label}"
            target.mkdir()
            for folder in ("directory", "events"):
                if (root / folder).is_dir():
                    shutil.copytree(root / folder, target / folder)
            if (root / "settings.yaml").is_file():
                shutil.copy(root / "settings.yaml", target)
            files = sorted(out.glob("*.docx"))
            outcomes, loaded, _problems = import_into(files, target, fill=True)
            original, _ = load_and_validate(root)
            print(f"Round trip of the protocols rendered from the {label}:")
            for path, outcome in zip(files, outcomes):
                imported = loaded.meetings.get(outcome.draft.record_id) if outcome.draft else None
                if imported is None:
                    print(f"  {path.stem}: not imported ({outcome.problem})")
                    continue
                before, after = facts(original.meetings[path.stem], original), facts(imported, loaded)
                found = differences(before, after)
                same = len(before) - len(found)
                print(f"  {path.stem}: {same}/{len(before)} facts the same" + (f"; differ: {', '.join(found)}" if found else ""))
            print()


if __name__ == "__main__":
    main()
