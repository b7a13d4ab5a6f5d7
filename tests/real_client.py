"""LibreOffice as the real client of the LibreOffice tests: DOCX → PDF in one soffice call, and
the PDF read back with poppler (pdfinfo, pdftotext). Without them the tests are skipped with a
reason."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


def to_pdf(files: list[Path], tmp_path_factory, timeout: int = 300) -> dict[str, Path]:
    """Convert the documents (distinct stems) in one soffice call; stem → PDF."""
    if SOFFICE is None or shutil.which("pdftotext") is None:
        pytest.skip("LibreOffice (soffice) или pdftotext не установлены: проверка в настоящем клиенте пропущена")
    out = tmp_path_factory.mktemp("pdf")
    profile = tmp_path_factory.mktemp("lo-profile")
    completed = subprocess.run(
        [SOFFICE, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to", "pdf",
         "--outdir", str(out), *(str(f) for f in files)],
        capture_output=True, text=True, timeout=timeout,
    )  # fmt: skip
    assert completed.returncode == 0, completed.stderr
    return {Path(f).stem: out / f"{Path(f).stem}.pdf" for f in files}


def pdf_info(pdf: Path) -> dict[str, str]:
    """pdfinfo's fields: «Pages», «Page size» …"""
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    return {k.strip(): v.strip() for k, _, v in (line.partition(":") for line in info.splitlines())}


def pdf_pages(pdf: Path) -> int:
    return int(pdf_info(pdf)["Pages"])


def pdf_text(pdf: Path, page: int | None = None, layout: bool = False, lines: bool = False):
    """The text of the PDF (or of its page ``page``), whitespace collapsed into single spaces;
    with ``lines``, the list of its lines, each collapsed so (blank ones dropped)."""
    raw = _raw(pdf, page, layout).replace("\u00a0", " ")
    if lines:
        return [" ".join(line.split()) for line in raw.splitlines() if line.strip()]
    return " ".join(raw.split())


def pdf_page_texts(pdf: Path, layout: bool = False, keep_lines: bool = False) -> list[str]:
    """The text of each page; ``layout`` keeps a table row's cells on one line, in order;
    ``keep_lines`` keeps the page's lines (each stripped; blank ones dropped)."""
    pages = _raw(pdf, None, layout).split("\f")
    if pages and not pages[-1].strip():
        pages.pop()
    if keep_lines:
        return ["\n".join(line.replace("\u00a0", " ").strip() for line in page.splitlines() if line.strip())
                for page in pages]  # fmt: skip
    return [" ".join(page.replace("\u00a0", " ").split()) for page in pages]


def _raw(pdf: Path, page: int | None, layout: bool) -> str:
    args = (["-f", str(page), "-l", str(page)] if page else []) + (["-layout"] if layout else [])
    return subprocess.run(["pdftotext", *args, str(pdf), "-"], capture_output=True, text=True).stdout


def pdf_words(pdf: Path) -> list[tuple[int, float, float, float, str]]:
    """Every word of the PDF with its place: (page, x min, y min, x max, text), from
    ``pdftotext -bbox``."""
    import html
    import re

    out = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True).stdout
    words = []
    for number, page in enumerate(out.split("<page ")[1:], 1):
        for match in re.finditer(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)</word>', page):
            words.append((number, float(match[1]), float(match[2]), float(match[3]), html.unescape(match[4])))
    return words


_BREAK_AFTER = re.compile(r"(?<![А-Яа-яЁё])(№|с\.|им\.|ул\.|д\.|п\.|г\.)$")
_YEAR_BEFORE = re.compile(r"\d{4}\s+гг?\.$")
_INITIALS_AT_END = re.compile(r"(?:^|\s)([А-ЯЁ]\.(?:\s?[А-ЯЁ]\.)?)$")
_SURNAME = re.compile(r"[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?,?")


def broken_names(pdf: Path) -> list[str]:
    """Lines of the PDF that end where a name must not break: after «№», «с.», «им.», «ул.», «д.»,
    «п.», «г.» before a city (not «2024 г.»), or with initials whose surname starts the next line.
    (A lone «№» of a table header «№ п/п» in a narrow column is a heading, not a name.)"""
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    lines = [line.replace("\u00a0", " ").strip() for line in text.splitlines()]
    found = []
    for n, line in enumerate(lines):
        after = lines[n + 1] if n + 1 < len(lines) else ""
        if _BREAK_AFTER.search(line) and not _YEAR_BEFORE.search(line) and line != "№":
            found.append(f"{line} / {after}")
        initials = _INITIALS_AT_END.search(line)
        if initials and re.match(r"[А-ЯЁ][а-яё]", after):
            before = line[: initials.start(1)].split()
            if not before or not _SURNAME.fullmatch(before[-1]):
                found.append(f"{line} / {after}")
    return found
