"""Benchmark ``nor-docs import`` on 100 protocols (issue 17, «Performance»: ≤ 5 s on 2 cores).

Usage: ``python bench/import_bench.py [--runs N] [--files N] [--check]``.

The 100 files are the kinds a user imports, in turn: the five seed texts, the protocols nor-docs
renders from the sample records (DOCX), the text and Markdown corpus of tests/data/import and the
DOCX corpus of tests/import_corpus.py (Word numbering, tables, a roadmap). Each copy gets its own
year (every «2023» of the file becomes, say, «2187»), so that every draft has an id of its own
and all 100 are written. ``nor-docs import`` then runs as a fresh process N times against the
sample directory into an empty folder — wall time includes the interpreter start and every import
— and the median is reported with min/max and CPU time, and the time per stage measured in
process (read, recognise and resolve, write YAML). ``--check`` exits 1 when the median misses the
target.
"""

from __future__ import annotations

import argparse
import importlib.util
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
TARGET_SECONDS = 5.0


def _load(path: Path):
    spec = importlib.util.spec_from_file_location(path.stem, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def nor_docs() -> list[str]:
    script = Path(sys.executable).parent / "nor-docs"
    return [str(script)] if script.exists() else [sys.executable, "-m", "nor_docs"]


def base_files(work: Path) -> list[Path]:
    """One of each kind: seeds, rendered samples, the text corpus, the DOCX corpus."""
    sys.path.insert(0, str(ROOT))
    from nor_docs.build.protocols import build_protocols

    seeds = next(p for p in (ROOT.parent / "shared" / "seeds", Path("/work/shared/seeds")) if p.is_dir())
    files = sorted(seeds.glob("*.txt"))
    build_protocols(ROOT / "records", work / "rendered", ROOT / "templates")
    files += sorted((work / "rendered").glob("*.docx"))
    files += sorted(p for p in (ROOT / "tests" / "data" / "import").glob("*.*"))
    corpus = _load(ROOT / "tests" / "import_corpus.py")
    files += sorted(corpus.build_docx(work / "corpus").values())
    return files


def _year_of(text: str) -> str:
    years = re.findall(r"(?<!\d)(20[12]\d)(?!\d)", text)
    return max(sorted(set(years)), key=years.count) if years else "2024"


def _in_text(xml: str, old: str, new: str) -> str:
    """``old`` replaced by ``new`` in the text between tags only (never in names or namespaces)."""
    return re.sub(r">([^<]*)<", lambda m: ">" + m.group(1).replace(old, new) + "<", xml)


def copy_with_year(source: Path, target: Path, year: int) -> None:
    """``source`` with its most frequent year replaced by ``year`` (DOCX: inside the XML)."""
    if source.suffix == ".docx":
        with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zout:
            document = zin.read("word/document.xml").decode("utf-8")
            old = _year_of(" ".join(re.findall(r">([^<]*)<", document)))
            for item in zin.infolist():
                data = zin.read(item.filename)
                if item.filename == "word/document.xml":
                    data = _in_text(document, old, str(year)).encode("utf-8")
                zout.writestr(item, data)
        return
    text = source.read_text(encoding="utf-8")
    target.write_text(text.replace(_year_of(text), str(year)), encoding="utf-8")


def make_corpus(work: Path, count: int) -> list[Path]:
    bases = base_files(work)
    out = work / "input"
    out.mkdir()
    files = []
    for i in range(count):
        base = bases[i % len(bases)]
        target = out / f"{i:03d}-{base.name}"
        copy_with_year(base, target, 2101 + i)
        files.append(target)
    return files


def run_once(files: list[Path], work: Path) -> tuple[float, float, str]:
    out = work / "out"
    shutil.rmtree(out, ignore_errors=True)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    result = subprocess.run([*nor_docs(), "import", *map(str, files), "--records", str(ROOT / "records"),
                             "--out", str(out)], capture_output=True, text=True, cwd=ROOT)  # fmt: skip
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    done = re.search(r"Импортировано: (\d+) из (\d+)", result.stdout)
    if result.returncode != 0 or not done or done.group(1) != done.group(2):
        raise SystemExit(f"import failed (exit {result.returncode}): {(result.stdout + result.stderr)[-600:]}")
    return wall, cpu, done.group(0)


def stages(files: list[Path]) -> dict[str, float]:
    """Seconds per stage for all files, in this process (models and dictionaries already loaded)."""
    sys.path.insert(0, str(ROOT))
    from nor_docs.importer.importing import load_directory, render
    from nor_docs.importer.kinds import detect
    from nor_docs.importer.reading import read_document

    index, _ = load_directory(ROOT / "records")
    totals = {"read": 0.0, "recognise+resolve": 0.0, "write YAML": 0.0}
    for path in files:
        start = time.perf_counter()
        blocks, _notes = read_document(path)
        middle = time.perf_counter()
        draft = detect(blocks).build(blocks, index, path.stem)
        built = time.perf_counter()
        render(draft, path.name, ROOT / "records" / draft.folder / f"{draft.record_id}.yaml")
        totals["read"] += middle - start
        totals["recognise+resolve"] += built - middle
        totals["write YAML"] += time.perf_counter() - built
    return totals


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--files", type=int, default=100)
    parser.add_argument("--check", action="store_true", help="exit 1 when the median misses the target")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        files = make_corpus(work, args.files)
        kinds = {".docx": 0, ".txt": 0, ".md": 0}
        for f in files:
            kinds[f.suffix] = kinds.get(f.suffix, 0) + 1
        print(f"import: {len(files)} files ({kinds['.docx']} DOCX, {kinds['.txt']} text, {kinds['.md']} Markdown), "
              f"{args.runs} runs, fresh process each")  # fmt: skip
        walls, cpus = [], []
        summary = ""
        for _ in range(args.runs):
            wall, cpu, summary = run_once(files, work)
            walls.append(wall)
            cpus.append(cpu)
        median = statistics.median(walls)
        print(f"  wall: median {median:.2f} s (min {min(walls):.2f}, max {max(walls):.2f}); "
              f"CPU median {statistics.median(cpus):.2f} s; {1000 * median / len(files):.1f} ms per file")  # fmt: skip
        print(f"  last run said: {summary}")
        split = stages(files)
        print("  in process: " + ", ".join(f"{k} {v:.2f} s" for k, v in split.items()))
        verdict = "ok" if median <= TARGET_SECONDS else "MISSED"
        print(f"  target ≤ {TARGET_SECONDS:.0f} s for 100 files: {verdict}")
    if args.check and median > TARGET_SECONDS:
        sys.exit(1)


if __name__ == "__main__":
    main()
