"""The examples of docs/*.md are real output: each page's ```console blocks are run in order in a
scratch folder (``$ nor-docs …`` through the CLI, ``$ cd …``), its ```yaml file=PATH blocks are
written where they say, and every command's output must be what the page shows.

After a deliberate change of messages: ``NOR_DOCS_UPDATE_DOCS=1 pytest tests/test_docs_examples.py``
rewrites the outputs in the pages — then read the diff.
"""

from __future__ import annotations

import os
import re
import shlex
from pathlib import Path

import pytest

from nor_docs.cli import cli

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
# Pages whose examples are run; "../README.md" is the README's worked example.
PAGES = ["init.md", "filters.md", "ci.md", "editor.md", "roadmaps.md", "links.md", "kinds.md", "report.md", "../README.md"]
BLOCK = re.compile(r"^```(console|yaml file=(\S+))\n(.*?)^```$", re.M | re.S)


def run_page(runner, page: Path, scratch: Path, monkeypatch) -> tuple[str, list[tuple[str, str, str]]]:
    """Run the page; (the page with the outputs as they came, [(command, shown, got)])."""
    text = page.read_text(encoding="utf-8")
    cwd = scratch
    cwd.mkdir(parents=True, exist_ok=True)
    results = []
    pieces = []
    last = 0
    for match in BLOCK.finditer(text):
        body = match.group(3)
        if match.group(2):  # a file the reader writes
            target = cwd / match.group(2)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(body, encoding="utf-8")
            continue
        new_body = []
        for command, shown in _commands(body):
            monkeypatch.chdir(cwd)
            args = shlex.split(command)
            if args[0] == "cd":
                cwd = (cwd / args[1]).resolve()
                got = ""
            else:
                assert args[0] == "nor-docs", f"{page.name}: only nor-docs and cd are run: {command}"
                got = runner.invoke(cli, args[1:]).output.rstrip("\n")
            results.append((command, shown, got))
            new_body.append(f"$ {command}\n" + (got + "\n" if got else ""))
        pieces.append(text[last : match.start(3)] + "".join(new_body))
        last = match.end(3)
    pieces.append(text[last:])
    return "".join(pieces), results


def _commands(body: str) -> list[tuple[str, str]]:
    found: list[tuple[str, list[str]]] = []
    for line in body.splitlines():
        if line.startswith("$ "):
            found.append((line[2:], []))
        elif found:
            found[-1][1].append(line)
    return [(command, "\n".join(lines).rstrip("\n")) for command, lines in found]


@pytest.mark.parametrize("name", PAGES)
def test_every_example_of_the_page_is_real_output(runner, tmp_path, monkeypatch, name):
    page = DOCS / name
    rewritten, results = run_page(runner, page, tmp_path / "work", monkeypatch)
    assert results, f"{name}: no example to run"
    if os.environ.get("NOR_DOCS_UPDATE_DOCS"):
        page.write_text(rewritten, encoding="utf-8")
        return
    for command, shown, got in results:
        assert got == shown, f"{name}: $ {command}"


def test_pages_are_russian_and_linked_from_one_another():
    for name in PAGES[:-1]:  # the README links into docs/ from the root
        text = (DOCS / name).read_text(encoding="utf-8")
        assert text.startswith("# ") and re.search("[а-яё]", text.splitlines()[0])
        for link in re.findall(r"\]\((?!https?:)([^)#]+)", text):
            assert (DOCS / link).resolve().exists(), f"{name}: broken link {link}"
