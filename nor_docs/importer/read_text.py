"""Read plain text or Markdown — a protocol pasted from anywhere — into blocks.

A blank line ends a paragraph; so does a line that starts a list item («1.», «1.2.», «- »), a
section word («Слушали:», «Решили:», «Присутствовали:») or a signature's name. Other line breaks
inside a paragraph are kept (a wrapped title, a position written on three lines). Lines with
tabs in a row are a table (what Word gives when a table is copied as text), and so are cells typed
with bars («N | Сроки | Ответственные»); so are Markdown's
``| a | b |`` rows. Markdown's headings, emphasis and escapes are dropped, its list markers kept.
HTML tags that a copy from a web page leaves inside a cell («<ul …>») are removed.

The file is read as UTF-8 (with or without BOM), UTF-16 with a BOM, or — when it is not UTF-8 —
as Windows-1251, the encoding of texts saved by older Russian Windows programs.
"""

from __future__ import annotations

import re
from pathlib import Path

from .blocks import Block, Paragraph, Table, tidy_text

_LIST_ITEM = re.compile(r"^\s*(?:\d{1,3}(?:\.\d{1,3}){0,3}[.)]?\s+\S|\d{1,3}(?:\.\d{1,3})+\.?(?=[А-ЯЁа-яё])|[-–—•*·▪]\s*\S|[а-я]\)\s)")
_SECTION = re.compile(
    r"^\s*(?:\d+\.\s*)?(?:слушали|выступили|решили|постановили|решение|голосовали|присутствовали|"
    r"присутствовало|отсутствовали|приглашен\w*|приглашён\w*|принимали участие|повестка|председател\w*|"
    r"секретар\w*|тема|по\s+\S+\s+вопросу|верно|приложение\s+№?\s*\d)\b",
    re.IGNORECASE,
)
_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+")
_MD_EMPHASIS = re.compile(r"(\*\*|__)(.+?)\1")
_MD_ITALIC = re.compile(r"(?<![\w*])\*(?!\s)([^*\n]+?)(?<!\s)\*(?![\w*])")
_MD_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>])")
_MD_RULE = re.compile(r"^\s*(?:-{3,}|\*{3,}|_{3,})\s*$")
_MD_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")
_HTML_TAG = re.compile(r"</?[a-zA-Z][^<>]*>")
_NAME_LEAD = re.compile(r"^\s*(?:[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?\s+(?:[А-ЯЁ]\.\s?){1,2}|(?:[А-ЯЁ]\.\s?){1,2}[А-ЯЁ][а-яё]+)"
                        r"\.?\s*[,—–:-]")
_NAME_LINE = re.compile(r"^\s*(?:[А-ЯЁ]\.\s?){1,2}\s?[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?\s*$")


class TextError(ValueError):
    """The file cannot be read as text."""


def decode(data: bytes) -> tuple[str, str | None]:
    """(text, a note on the encoding when it was not UTF-8)."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), None
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError:
        pass
    if b"\x00" in data[:4096]:
        raise TextError("файл не похож на текст (в нём двоичные данные); для Word — сохраните как .docx")
    return data.decode("cp1251", errors="replace"), "прочитан в кодировке Windows-1251"


def _markdown_line(line: str) -> str:
    line = _MD_HEADING.sub("", line)
    if line.lstrip().startswith(">"):
        line = line.lstrip()[1:].lstrip()
    line = _MD_EMPHASIS.sub(r"\2", line)
    line = _MD_ITALIC.sub(r"\1", line)
    line = _MD_ESCAPE.sub(r"\1", line)
    return line


def _html_cell(text: str) -> str:
    """A cell copied from a web page: tags dropped, an inline «-пункт; -пункт» list one per line."""
    if "<" not in text:
        return text
    text = re.sub(r"<br\s*/?>", "\n", text, flags=re.IGNORECASE)
    text = _HTML_TAG.sub(" ", text)
    text = re.sub(r"(?:^|\s)-\s?(?=[А-ЯЁA-Z])", "\n- ", text)
    return "\n".join(" ".join(line.split()) for line in text.split("\n") if line.strip())


def read_text(path: str | Path, markdown: bool | None = None) -> tuple[list[Block], list[str]]:
    """The blocks of a text file, and notes on how it was read (its encoding)."""
    path = Path(path)
    data = path.read_bytes()
    text, note = decode(data)
    if markdown is None:
        markdown = path.suffix.lower() in (".md", ".markdown")
    return text_blocks(text, markdown), [note] if note else []


def text_blocks(text: str, markdown: bool = False) -> list[Block]:
    """Blocks of a text already decoded."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n\n")
    blocks: list[Block] = []
    current: list[str] = []
    table: list[tuple[str, ...]] = []

    def end_paragraph() -> None:
        if current:
            joined = tidy_text("\n".join(current))
            if joined:
                blocks.append(Paragraph(joined))
            current.clear()

    def end_table() -> None:
        if table:
            width = max(len(r) for r in table)
            if width >= 2 and len(table) >= 1:
                blocks.append(Table(tuple(tuple(tidy_text(_html_cell(c)) for c in r) for r in table)))
            else:
                for row in table:
                    blocks.append(Paragraph(tidy_text(" ".join(row))))
            table.clear()

    for raw in text.split("\n"):
        if markdown and _MD_RULE.match(raw) and not table:
            end_paragraph()
            continue
        row = _table_row(raw, markdown)
        if row is not None:
            end_paragraph()
            if row:  # an empty list: a Markdown separator row
                table.append(row)
            continue
        end_table()
        line = _markdown_line(raw) if markdown else raw
        if not line.strip():
            end_paragraph()
            continue
        if current and (_LIST_ITEM.match(line) or _SECTION.match(line) or _NAME_LINE.match(line) or _NAME_LEAD.match(line)
                        or _NAME_LINE.match(current[-1])):  # fmt: skip
            end_paragraph()
        current.append(line.rstrip())
    end_table()
    end_paragraph()
    return blocks


def _table_row(line: str, markdown: bool) -> tuple[str, ...] | None:
    """The cells of a table row, ``()`` for a Markdown separator row, None for other lines."""
    stripped = line.strip()
    if markdown and stripped.startswith("|") and stripped.count("|") >= 2:
        if _MD_TABLE_RULE.match(stripped):
            return ()
        cells = stripped.strip("|").split("|")
        return tuple(_markdown_line(c).strip() for c in cells)
    body = line.lstrip(" \t").rstrip("\n")
    if "\t" in body and body.strip():
        return tuple(c.strip() for c in body.split("\t"))
    if body.count(" |") + body.rstrip().endswith("|") >= 2 and not body.startswith("|"):
        # «N | Направления деятельности | Сроки | Ответственные лица»: a table typed with bars
        return tuple(c.strip() for c in body.rstrip().split("|"))
    return None
