"""The README and the manual (docs/) are read by staff of Russian education offices: their prose
is Russian.

Code blocks (real outputs and files) and inline code (commands, options, paths, fields) are left
out; what remains may name products (LibreOffice, GitHub Actions) but holds no English sentence —
no three Latin words in a row.
"""

import re

from conftest import ROOT

LATIN_RUN = re.compile(r"\b[A-Za-z][A-Za-z'-]*(?: +[A-Za-z][A-Za-z'-]*){2,}\b")


# docs/design/ holds design notes for engineers (English), not pages of the manual.
PAGES = [ROOT / "README.md",
         *sorted(p for p in (ROOT / "docs").rglob("*.md") if "design" not in p.relative_to(ROOT / "docs").parts)]


def prose(path) -> list[tuple[int, str]]:
    lines, inside = [], False
    for number, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1):
        if line.startswith("```"):
            inside = not inside
        elif not inside:
            lines.append((number, re.sub(r"\]\([^)]*\)", "]", re.sub(r"`[^`]*`", "", line))))
    return lines


def test_readme_and_manual_prose_is_russian():
    english = [f"{path.relative_to(ROOT)}:{n}: {m.group()}" for path in PAGES for n, line in prose(path)
               for m in LATIN_RUN.finditer(line)]  # fmt: skip
    assert not english, english


def test_the_check_catches_an_english_sentence():
    assert LATIN_RUN.search("Every meeting record becomes a Word protocol")
    assert not LATIN_RUN.search("отчёт Code Quality (JSON), который GitLab показывает")
