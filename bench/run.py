"""Run every benchmark: each ``bench/*_bench.py`` in turn (``make bench``). Extra arguments are
passed to each; the exit code is the first failure's, if any."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def main() -> None:
    failed = 0
    for script in sorted(Path(__file__).resolve().parent.glob("*_bench.py")):
        print(f"== {script.name}", flush=True)
        code = subprocess.run([sys.executable, str(script), *sys.argv[1:]]).returncode
        failed = failed or code
    sys.exit(failed)


if __name__ == "__main__":
    main()
