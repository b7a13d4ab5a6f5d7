"""Everything the sample records make, hashed: a change of the code that should not change any
output (a restructure, a speed-up) is checked against the same run of the code before it.

    python bench/sample_outputs.py [--nor-docs EXE] [--save FILE | --compare FILE]

Runs ``nor-docs`` (``EXE``, by default the one of this tree's ``.venv``) on ``records/`` with
``templates/``: every document (protocols, two extracts, roadmaps with and without statuses, the
control sheet by executor and by meeting, the analytic report), the calendar feeds, and the
reports that are printed (``validate``, ``check`` in every format, ``analyze``). Prints one line per
output — its name, exit code and sha256 — and, with ``--compare``, exits 1 when any line differs
from the file saved by ``--save`` (from another tree, say ``git worktree add /tmp/before REV``).
"""

from __future__ import annotations

import argparse
import hashlib
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TODAY = "2023-02-20"

# (name, arguments after ``nor-docs``; ``{out}`` is the scratch folder): what is hashed is the
# files written under ``{out}/<name>`` and the standard output and error.
COMMANDS: list[tuple[str, list[str]]] = [
    ("protocols", ["build", "protocols", "--out", "{out}/protocols", "--no-progress"]),
    ("extract-refused", ["build", "extract", "2023-10-31-kamenka-wg", "--item", "1", "--out", "{out}/extract-refused"]),
    ("extract", ["build", "extract", "2023-10-31-kamenka-wg", "--item", "1", "--decision", "1", "--decision", "3",
                 "--certifier", "kamenka-kiryukhina", "--out", "{out}/extract"]),
    ("extract-decision", ["build", "extract", "2023-12-14-mun4-wg", "--item", "2", "--decision", "1",
                          "--out", "{out}/extract-decision"]),
    ("roadmaps", ["build", "roadmaps", "--out", "{out}/roadmaps"]),
    ("roadmaps-status", ["build", "roadmaps", "--today", "2024-01-20", "--out", "{out}/roadmaps-status"]),
    ("control", ["build", "control", "--today", TODAY, "--out", "{out}/control"]),
    ("control-meeting", ["build", "control", "--today", TODAY, "--by", "meeting", "--out", "{out}/control-meeting"]),
    ("control-filtered", ["build", "control", "--today", "2024-03-01", "--executor", "mun4-leshkova",
                          "--out", "{out}/control-filtered"]),
    ("analysis", ["build", "analysis", "--date", "2023-10-31", "--signer", "kamenka-kiryukhina",
                  "--out", "{out}/analysis"]),
    ("calendar", ["calendar", "--today", TODAY, "--out", "{out}/calendar"]),
    ("validate", ["validate"]),
    ("validate-json", ["validate", "--format", "json"]),
    *[(f"check-{fmt}", ["check", "--today", TODAY, "--format", fmt]) for fmt in ("text", "github", "gitlab", "json",
                                                                                "junit")],
    ("check-today-2024", ["check", "--today", "2024-03-01"]),
    ("analyze", ["analyze"]),
    ("analyze-json", ["analyze", "--format", "json"]),
]


def run(exe: str, out: Path) -> list[str]:
    lines = []
    for name, args in COMMANDS:
        argv = [exe, *(a.format(out=out) for a in args), "--records", "records"]
        if args[0] == "build":
            argv += ["--templates", "templates"]
        done = subprocess.run(argv, cwd=ROOT, capture_output=True, env={"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8",
                                                                        "GITHUB_STEP_SUMMARY": ""})  # fmt: skip
        # the folder's name differs from run to run: the printed paths say it, never the hash
        stdout, stderr = (stream.replace(str(out).encode(), b"OUT") for stream in (done.stdout, done.stderr))
        lines.append(f"{name} exit={done.returncode} stdout={hashlib.sha256(stdout).hexdigest()[:16]} "
                     f"stderr={hashlib.sha256(stderr).hexdigest()[:16]}")
        for path in sorted((out / name).rglob("*")) if (out / name).is_dir() else ():
            if path.is_file() and not any(p.startswith(".nor-docs") for p in path.relative_to(out).parts):
                digest = hashlib.sha256(path.read_bytes()).hexdigest()[:16]
                lines.append(f"  {path.relative_to(out).as_posix()} {digest}")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nor-docs", dest="exe", default=str(ROOT / ".venv" / "bin" / "nor-docs"))
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--save", type=Path)
    group.add_argument("--compare", type=Path)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="nor-sample-") as tmp:
        lines = run(args.exe, Path(tmp))
    text = "\n".join(lines) + "\n"
    if args.save:
        args.save.write_text(text, encoding="utf-8")
    if args.compare:
        expected = args.compare.read_text(encoding="utf-8").splitlines()
        differ = [f"- {a}\n+ {b}" for a, b in zip(expected, lines) if a != b]
        if len(expected) != len(lines):
            differ.append(f"{len(expected)} outputs expected, {len(lines)} made")
        print("\n".join(differ) if differ else f"all {len(lines)} outputs are the same")
        sys.exit(1 if differ else 0)
    sys.stdout.write(text)


if __name__ == "__main__":
    main()
