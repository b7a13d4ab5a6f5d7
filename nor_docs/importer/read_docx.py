"""Read a Word document (DOCX) into blocks: paragraphs and tables in document order.

Numbers that Word generates itself (a numbered list, ``w:numPr`` on the paragraph or on its
style) are not in the text of the document; they are reconstructed here from ``numbering.xml``
— the level's format («%1.%2.»), its start and the counters of the list — and written in front of
the text as if typed, so «1.2. Провести…» survives whichever way the secretary typed it. A
nested decimal level that shows only its own counter («1.» indented under «2.», as LibreOffice
writes nested lists) gets its parents' numbers: «2.1.», the number a protocol means. Bulleted
levels become «- ». Deleted text of tracked changes, field codes and the fallback copies of
drawings are skipped; a soft line break is ``\\n``; vertically merged table cells repeat the
value above (a decision table that merges «Руководители ОО» over several rows).
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from .blocks import Block, Paragraph, Table, tidy_text

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"


def _w(tag: str) -> str:
    return f"{{{W}}}{tag}"


_P, _TBL, _TR, _TC, _R, _T, _TAB, _BR, _CR = (_w(t) for t in ("p", "tbl", "tr", "tc", "r", "t", "tab", "br", "cr"))
_SKIP = {_w("del"), _w("instrText"), _w("delText"), f"{{{MC}}}Fallback", _w("pPr"), _w("rPr"), _w("tblPr"),
         _w("sectPr"), _w("footnoteReference"), _w("commentReference")}  # fmt: skip
_VAL = _w("val")


class DocxError(ValueError):
    """The file is not a DOCX that can be read."""


@dataclass
class _Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."


@dataclass
class _Numbering:
    """numbering.xml: abstract definitions, list instances and their counters."""

    abstract: dict[str, dict[int, _Level]] = field(default_factory=dict)
    nums: dict[str, tuple[str, dict[int, int]]] = field(default_factory=dict)  # numId → (abstractId, start overrides)
    counters: dict[str, list[int | None]] = field(default_factory=dict)

    def label(self, num_id: str, ilvl: int) -> str | None:
        """The label of the next item of list ``num_id`` at level ``ilvl`` (advancing it)."""
        if num_id not in self.nums:
            return None
        abstract_id, overrides = self.nums[num_id]
        levels = self.abstract.get(abstract_id, {})
        level = levels.get(ilvl, _Level())
        counters = self.counters.setdefault(num_id, [None] * 9)
        if ilvl >= len(counters):
            return None
        start = overrides.get(ilvl, level.start)
        current = counters[ilvl]
        counters[ilvl] = start if current is None else current + 1
        for deeper in range(ilvl + 1, len(counters)):
            counters[deeper] = None
        if level.fmt == "bullet":
            return "-"
        if level.fmt == "none":
            return ""
        text = level.text
        if level.fmt in _DECIMAL and ilvl > 0 and f"%{ilvl}" not in text and f"%{ilvl + 1}" in text:
            # «1.» under «2.» (a nested list whose level shows only its own counter, as
            # LibreOffice and HTML write them): the number a protocol means is «2.1.»
            parents = "".join(f"%{k + 1}." for k in range(ilvl) if levels.get(k, _Level()).fmt in _DECIMAL)
            text = parents + text.lstrip(".")
        for k in range(9):
            token = f"%{k + 1}"
            if token in text:
                value = counters[k]
                if value is None:
                    other = levels.get(k, _Level())
                    value = overrides.get(k, other.start)
                text = text.replace(token, _format_number(value, levels.get(k, _Level()).fmt))
        return text


_DECIMAL = ("decimal", "decimalZero")
_RUSSIAN = "абвгдежзиклмнопрстуфхцчшщэюя"


def _format_number(value: int, fmt: str) -> str:
    if fmt in ("lowerLetter", "upperLetter"):
        letters = "abcdefghijklmnopqrstuvwxyz"
        text = letters[(value - 1) % 26] * ((value - 1) // 26 + 1)
        return text.upper() if fmt == "upperLetter" else text
    if fmt in ("russianLower", "russianUpper"):
        text = _RUSSIAN[(value - 1) % len(_RUSSIAN)]
        return text.upper() if fmt == "russianUpper" else text
    if fmt in ("lowerRoman", "upperRoman"):
        text = _roman(value)
        return text.lower() if fmt == "lowerRoman" else text
    if fmt == "decimalZero":
        return f"{value:02d}"
    return str(value)


def _roman(value: int) -> str:
    result = ""
    for number, letters in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                            (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):  # fmt: skip
        while value >= number:
            result += letters
            value -= number
    return result


def _read_numbering(root) -> _Numbering:
    numbering = _Numbering()
    if root is None:
        return numbering
    for abstract in root.iterchildren(_w("abstractNum")):
        levels = {}
        for lvl in abstract.iterchildren(_w("lvl")):
            level = _Level()
            start = lvl.find(_w("start"))
            if start is not None and (start.get(_VAL) or "").isdigit():
                level.start = int(start.get(_VAL))
            fmt = lvl.find(_w("numFmt"))
            if fmt is not None:
                level.fmt = fmt.get(_VAL) or "decimal"
            text = lvl.find(_w("lvlText"))
            if text is not None:
                level.text = text.get(_VAL) or ""
            levels[int(lvl.get(_w("ilvl"), "0"))] = level
        numbering.abstract[abstract.get(_w("abstractNumId"))] = levels
    for num in root.iterchildren(_w("num")):
        ref = num.find(_w("abstractNumId"))
        overrides = {}
        for override in num.iterchildren(_w("lvlOverride")):
            start = override.find(_w("startOverride"))
            if start is not None and (start.get(_VAL) or "").isdigit():
                overrides[int(override.get(_w("ilvl"), "0"))] = int(start.get(_VAL))
        if ref is not None:
            numbering.nums[num.get(_w("numId"))] = (ref.get(_VAL), overrides)
    return numbering


def _style_numbering(styles_root) -> tuple[dict[str, tuple[str, int]], dict[str, str]]:
    """Paragraph styles that carry numbering (Word's «Список с номерами»), following basedOn;
    and the display name of every style id."""
    own: dict[str, tuple[str | None, int]] = {}
    based: dict[str, str] = {}
    names: dict[str, str] = {}
    if styles_root is None:
        return {}, names
    for style in styles_root.iterchildren(_w("style")):
        style_id = style.get(_w("styleId"))
        name = style.find(_w("name"))
        names[style_id] = name.get(_VAL) if name is not None else style_id
        parent = style.find(_w("basedOn"))
        if parent is not None:
            based[style_id] = parent.get(_VAL)
        num_pr = style.find(f"{_w('pPr')}/{_w('numPr')}")
        if num_pr is not None:
            num_id = num_pr.find(_w("numId"))
            ilvl = num_pr.find(_w("ilvl"))
            own[style_id] = (num_id.get(_VAL) if num_id is not None else None,
                             int(ilvl.get(_VAL)) if ilvl is not None else 0)  # fmt: skip
    resolved: dict[str, tuple[str, int]] = {}
    for style_id in names:
        seen: set[str] = set()
        current: str | None = style_id
        while current and current not in own and current not in seen:
            seen.add(current)
            current = based.get(current)
        num_id, level = own[current] if current in own else (None, 0)
        if num_id is not None and num_id != "0":
            resolved[style_id] = (num_id, level)
    return resolved, names


@dataclass
class _Context:
    numbering: _Numbering
    style_numbers: dict[str, tuple[str, int]]
    style_names: dict[str, str]


def _paragraph_text(p) -> str:
    parts: list[str] = []

    def walk(element) -> None:
        for child in element:
            tag = child.tag
            if tag in _SKIP or not isinstance(tag, str):
                continue
            if tag == _T:
                parts.append(child.text or "")
            elif tag == _TAB:
                parts.append("\t")
            elif tag in (_BR, _CR):
                if child.get(_w("type")) in (None, "textWrapping"):
                    parts.append("\n")
            elif tag == _w("noBreakHyphen"):
                parts.append("-")
            elif tag == _TBL or tag == _P:
                parts.append("\n")
                walk(child)
            else:
                walk(child)

    walk(p)
    return "".join(parts)


def _paragraph(p, ctx: _Context) -> Paragraph:
    text = _paragraph_text(p)
    style_id = None
    num_id, ilvl = None, 0
    ppr = p.find(_w("pPr"))
    if ppr is not None:
        style = ppr.find(_w("pStyle"))
        style_id = style.get(_VAL) if style is not None else None
        num_pr = ppr.find(_w("numPr"))
        if num_pr is not None:
            num = num_pr.find(_w("numId"))
            level = num_pr.find(_w("ilvl"))
            num_id = num.get(_VAL) if num is not None else None
            ilvl = int(level.get(_VAL)) if level is not None and (level.get(_VAL) or "").isdigit() else 0
            if num_id is None and style_id in ctx.style_numbers:
                num_id = ctx.style_numbers[style_id][0]
    if num_id is None and style_id in ctx.style_numbers:
        num_id, ilvl = ctx.style_numbers[style_id]
    label = None
    if num_id not in (None, "0") and tidy_text(text):
        label = ctx.numbering.label(num_id, ilvl)
    text = tidy_text(text)
    if label:
        text = f"{label} {text}"
    return Paragraph(text, ctx.style_names.get(style_id or "", ""))


def _table(tbl, ctx: _Context) -> Table:
    rows: list[tuple[str, ...]] = []
    above: dict[int, str] = {}
    header = False
    for i, tr in enumerate(tbl.iterchildren(_TR)):
        if i == 0:
            header = tr.find(f"{_w('trPr')}/{_w('tblHeader')}") is not None or _looks_like_header(tr, ctx)
        cells: list[str] = []
        column = 0
        for tc in tr.iterchildren(_TC):
            props = tc.find(_w("tcPr"))
            span = 1
            merged = False
            if props is not None:
                grid = props.find(_w("gridSpan"))
                if grid is not None and (grid.get(_VAL) or "").isdigit():
                    span = int(grid.get(_VAL))
                vmerge = props.find(_w("vMerge"))
                merged = vmerge is not None and vmerge.get(_VAL) in (None, "continue")
            if merged:
                text = above.get(column, "")
            else:
                texts = []
                for child in tc:
                    if child.tag == _P:
                        texts.append(_paragraph(child, ctx).text)
                    elif child.tag == _TBL:
                        inner = _table(child, ctx)
                        texts.extend(" ".join(c for c in row if c) for row in inner.rows)
                text = "\n".join(t for t in texts if t)
            above[column] = text
            cells.append(text)
            column += span
        rows.append(tuple(cells))
    return Table(tuple(rows), header)


def _looks_like_header(tr, ctx: _Context) -> bool:
    """A first row whose every cell is set in a heading style («Шапка таблицы», «Table Heading»)
    or in bold: the table's header."""
    cells = list(tr.iterchildren(_TC))
    if len(cells) < 2:
        return False
    for tc in cells:
        paragraphs = [p for p in tc.iterchildren(_P) if _paragraph_text(p).strip()]
        if not paragraphs:
            return False
        for p in paragraphs:
            style = p.find(f"{_w('pPr')}/{_w('pStyle')}")
            style_id = style.get(_VAL) if style is not None else ""
            name = f"{style_id} {ctx.style_names.get(style_id, '')}"
            if re.search(r"head|заголов|шапк", name, re.I):
                continue
            runs = [r for r in p.iter(_R) if "".join(t.text or "" for t in r.iter(_T)).strip()]
            if not runs or not all(r.find(f"{_w('rPr')}/{_w('b')}") is not None for r in runs):
                return False
    return True


def _body_blocks(body, ctx: _Context, out: list[Block]) -> None:
    for child in body:
        if child.tag == _P:
            paragraph = _paragraph(child, ctx)
            if paragraph.text:
                out.append(paragraph)
        elif child.tag == _TBL:
            table = _table(child, ctx)
            if any(any(cell for cell in row) for row in table.rows):
                out.append(table)
        elif child.tag == _w("sdt"):
            content = child.find(_w("sdtContent"))
            if content is not None:
                _body_blocks(content, ctx, out)


def read_docx(path: str | Path) -> list[Block]:
    """The blocks of a DOCX file; ``DocxError`` (Russian) when it cannot be read as one."""
    path = Path(path)
    if not zipfile.is_zipfile(path):
        with open(path, "rb") as handle:
            head = handle.read(8)
        if head.startswith(b"\xd0\xcf\x11\xe0"):
            raise DocxError("это файл старого формата Word (.doc) или защищённый паролем документ; "
                            "откройте его в Word и сохраните как .docx, или сохраните как текст (.txt)")  # fmt: skip
        raise DocxError("файл не открывается как DOCX (повреждён или это не документ Word 2007 и новее)")
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile) as error:
        raise DocxError(f"файл не открывается как DOCX ({type(error).__name__}); сохраните его в Word заново") from None
    part = document.part
    numbering_root = None
    try:
        numbering_root = part.numbering_part.element
    except (NotImplementedError, KeyError, AttributeError):
        numbering_root = None
    styles_root = None
    try:
        styles_root = part.styles.element
    except (NotImplementedError, KeyError, AttributeError):
        styles_root = None
    try:
        style_numbers, style_names = _style_numbering(styles_root)
        ctx = _Context(_read_numbering(numbering_root), style_numbers, style_names)
        blocks: list[Block] = []
        body = document.element.find(_w("body"))
        if body is None:
            raise DocxError("в документе нет текста (word/document.xml без w:body); сохраните его в Word заново")
        _body_blocks(body, ctx, blocks)
    except (AttributeError, TypeError, ValueError) as error:
        if isinstance(error, DocxError):
            raise
        raise DocxError(f"документ устроен не так, как их сохраняет Word ({type(error).__name__}); "
                        "откройте его в Word или LibreOffice и сохраните как .docx заново") from None
    return blocks
