"""The package tree of docs/architecture.md, one entry per module, from the modules' own docstrings:
``make docs-reference`` (or ``python docs/architecture_tree.py``) rewrites the block between the
two marker lines of the page; ``tests/test_docs_architecture.py`` fails when the page differs from
what this script would write, so the tree cannot drift from the code.

The packages come in the order of the pipeline (the foundation, the stages, the verticals; the
order ``tests/test_architecture.py`` holds the imports to); each entry is the first sentence of
the module's docstring.
"""

from __future__ import annotations

import ast
import re
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "nor_docs"
PAGE = ROOT / "docs" / "architecture.md"
BEGIN = "<!-- Дерево пакета: сгенерировано docs/architecture_tree.py (make docs-reference); не правьте вручную. -->"
END = "<!-- Конец дерева пакета. -->"

ORDER = ("diagnostics", "exitcodes", "russian", "outputs", "source", "model", "control", "checks", "pipeline",
         "report", "render", "build", "cli", "__main__", "analytics", "scaffold", "importer")  # fmt: skip
DATA = {"schemas", "office", "__pycache__"}
WIDTH = 100
# The end of a first sentence: a full stop before a space and a capital (Latin, Cyrillic) or a
# backquote — not one after an initial («И.И. Иванов») or an abbreviation of one letter.
SENTENCE_END = re.compile(r"(?<=[^\s.][^\s.A-ZА-ЯЁ])\.(?=\s+[A-ZА-ЯЁ`])")


LONG = 150  # a first sentence longer than this is cut at its first clause (a colon, a semicolon, a dash)


def summary(path: Path) -> str:
    """The first sentence of the module's docstring, on one line; a long one up to its first
    clause that is not inside brackets."""
    doc = ast.get_docstring(ast.parse(path.read_text(encoding="utf-8"))) or ""
    first = " ".join(doc.split("\n\n")[0].split())
    end = SENTENCE_END.search(first)
    first = (first[: end.start()] if end else first).rstrip(".")
    if len(first) > LONG:
        depth = 0
        for i, ch in enumerate(first):
            depth += (ch in "(«") - (ch in ")»")
            if i >= 40 and depth == 0 and (first.startswith((": ", "; ", " — "), i)):
                return first[:i]
    return first


def _entry(name: str, text: str, indent: int, column: int) -> list[str]:
    head = " " * indent + name
    lines = textwrap.wrap(text, WIDTH - column, break_long_words=False, break_on_hyphens=False) or [""]
    return [head.ljust(column) + lines[0]] + [" " * column + line for line in lines[1:]]


def tree() -> str:
    """The tree as lines of text: a package, then its modules (``__init__`` is the package's line)."""
    placed = [n for n in ORDER if (PACKAGE / n).is_dir() or (PACKAGE / f"{n}.py").is_file()]
    unknown = sorted({p.name.removesuffix(".py") for p in PACKAGE.iterdir()
                      if (p.suffix == ".py" or (p / "__init__.py").is_file()) and not p.name.startswith("__")}
                     - set(ORDER))  # fmt: skip
    if unknown:
        raise SystemExit(f"docs/architecture_tree.py: add {unknown} to ORDER (in the pipeline's order)")
    column = 4 + max(len(p.name) for p in PACKAGE.rglob("*.py")) + 2
    lines = _entry("nor_docs/", summary(PACKAGE / "__init__.py"), 0, column)
    for name in placed:
        folder = PACKAGE / name
        if not folder.is_dir():
            lines += _entry(f"{name}.py", summary(PACKAGE / f"{name}.py"), 2, column)
            continue
        lines += _entry(f"{name}/", summary(folder / "__init__.py"), 2, column)
        for module in sorted(folder.glob("*.py")):
            if module.name != "__init__.py":
                lines += _entry(module.name, summary(module), 4, column)
    return "\n".join(lines) + "\n"


def page(text: str) -> str:
    """``text`` (the page) with the block between the markers replaced by the tree of today."""
    start, end = text.index(BEGIN) + len(BEGIN), text.index(END)
    return text[:start] + "\n\n```text\n" + tree() + "```\n\n" + text[end:]


def main() -> int:
    PAGE.write_text(page(PAGE.read_text(encoding="utf-8")), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
