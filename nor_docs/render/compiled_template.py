"""A DOCX template compiled once and rendered many times.

docxtpl, on every ``render()``, re-reads the template, cleans its XML so Jinja can read the tags
(``patch_xml``), compiles the whole document body as a Jinja template, renders it and re-saves
every part of the package. For a thousand protocols that is a thousand compilations of the same
template. ``CompiledTemplate`` does docxtpl's preparation once — the same ``patch_xml``, so
templates are written exactly as for docxtpl (``{{ … }}``, ``{%p for … %}``, ``{%tr … %}``) —
compiles the result once, and for each document only renders the body, writes new core
properties and zips them with the other parts' bytes, compressed once.

Rendering is safe for any record text: Jinja runs sandboxed, with autoescape and strict undefined.
Every printed value passes through ``xml_text`` (escaped; line breaks and tabs become Word's
``<w:br/>`` and ``<w:tab/>``), and a record's text is only ever data, never template source.
"""

from __future__ import annotations

import datetime as dt
import difflib
import io
import re
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING
from xml.parsers import expat

from markupsafe import Markup, escape

from .docx_zip import DYNAMIC_LEVEL, Part, zip_parts

if TYPE_CHECKING:
    from jinja2 import Template

DOCUMENT_PART = "word/document.xml"
CORE_PART = "docProps/core.xml"
_XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_BREAK = '</w:t><w:br/><w:t xml:space="preserve">'
_TAB = '</w:t><w:tab/><w:t xml:space="preserve">'
_NO_BREAK_HYPHEN = '</w:t><w:noBreakHyphen/><w:t xml:space="preserve">'


class TemplateProblem(Exception):
    """A template that cannot be read, compiled or rendered; ``str()`` is the Russian message."""

    def __init__(self, template: str, code: str, message: str):
        super().__init__(message)
        self.template = template
        self.code = code
        self.message = message


# ``xml_text`` of the short strings every document prints again (names, positions, labels,
# dates): a pure function of the text, so a kept result is the result; emptied past its bound.
_KEPT_MAX_LEN = 120
_KEPT_MAX_ENTRIES = 20_000
_kept: dict[str, Markup] = {}


def xml_text(value) -> Markup:
    """A value as the text of a Word run: escaped, control characters dropped, line breaks, tabs
    and non-breaking hyphens (U+2011, from the typograph) turned into Word's own elements.
    Applied to everything a template prints."""
    if type(value) is str and len(value) <= _KEPT_MAX_LEN:
        done = _kept.get(value)
        if done is None:
            if len(_kept) >= _KEPT_MAX_ENTRIES:
                _kept.clear()
            done = _kept[value] = _xml_text(value)
        return done
    return _xml_text(value)


def _xml_text(value) -> Markup:
    if value is None:
        return Markup("")
    if isinstance(value, Markup):
        return value
    text = str(value)
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _XML_ILLEGAL.sub("", text)
    # &, <, > and " (the last only matters if a template prints into an attribute).
    escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
    if "\n" in escaped:
        escaped = escaped.replace("\n", _BREAK)
    if "\t" in escaped:
        escaped = escaped.replace("\t", _TAB)
    if "\u2011" in escaped:
        escaped = escaped.replace("\u2011", _NO_BREAK_HYPHEN)
    return Markup(escaped)


def _environment():
    from jinja2 import StrictUndefined
    from jinja2.sandbox import SandboxedEnvironment

    return SandboxedEnvironment(
        autoescape=True, undefined=StrictUndefined, finalize=xml_text, keep_trailing_newline=True,
        trim_blocks=False, lstrip_blocks=False,
    )  # fmt: skip


def _prepared_xml(xml: str) -> str:
    """docxtpl's own clean-up of Word's XML around Jinja tags (done once per template)."""
    from docxtpl import DocxTemplate

    return DocxTemplate.patch_xml(None, xml)  # patch_xml does not use the instance


def _context_around(source: str, lineno: int | None) -> str:
    if not lineno:
        return ""
    lines = source.splitlines()
    near = " ".join(re.sub(r"<[^>]+>", "", ln) for ln in lines[max(lineno - 2, 0) : lineno + 1])
    near = " ".join(near.split())
    return near[:120]


class CompiledTemplate:
    """One DOCX template, read and compiled once; ``render(view)`` gives the DOCX bytes."""

    def __init__(self, path: str | Path, shown: str | None = None):
        self.path = Path(path)
        self.shown = shown or str(path)
        try:
            raw = self.path.read_bytes()
            archive = zipfile.ZipFile(io.BytesIO(raw))
            entries = [(info.filename, archive.read(info)) for info in archive.infolist()]
        except (OSError, zipfile.BadZipFile, KeyError) as error:
            raise TemplateProblem(self.shown, "NOR304", f"шаблон не читается как DOCX ({error})") from None
        names = [name for name, _ in entries]
        if DOCUMENT_PART not in names:
            raise TemplateProblem(self.shown, "NOR304", "в шаблоне нет word/document.xml — это не DOCX")
        self.env = _environment()
        self._order = names
        self._static: dict[str, Part] = {}
        self._dynamic: dict[str, Template] = {}  # part name → compiled Jinja template
        self._sources: dict[str, str] = {}
        for name, content in entries:
            if name == CORE_PART:
                continue
            if name == DOCUMENT_PART or (name.startswith("word/") and name.endswith(".xml") and b"{" in content
                                         and re.search(rb"{[{%]", _strip_tags(content))):  # fmt: skip
                self._compile(name, content)
            else:
                self._static[name] = Part.of(name, content)

    def _compile(self, name: str, content: bytes) -> None:
        from jinja2 import TemplateSyntaxError

        text = content.decode("utf-8")
        text = re.sub(r"^<\?xml[^>]*\?>\s*", "", text)
        source = _prepared_xml(text)
        self._sources[name] = source
        try:
            self._dynamic[name] = self.env.from_string(source)
        except TemplateSyntaxError as error:
            near = _context_around(source, error.lineno)
            raise TemplateProblem(
                self.shown, "NOR304",
                f"ошибка в тегах шаблона: {error.message}" + (f" (рядом с «{near}»)" if near else ""),
            ) from None  # fmt: skip

    def render(self, view: dict) -> bytes:
        """The DOCX bytes for ``view``; raises ``TemplateProblem`` naming the template's mistake."""
        parts = []
        for name in self._order:
            if name == CORE_PART:
                core = core_properties_xml(view.get("core", {})).encode("utf-8")
                parts.append(Part.of(CORE_PART, core, DYNAMIC_LEVEL))
            elif name in self._dynamic:
                xml = self._render_part(name, view)
                if name == DOCUMENT_PART and view.get("has_wide_tables"):
                    xml = _fix_table_grids(xml)
                data = (_XML_DECLARATION + xml).encode("utf-8")
                _check_well_formed(self.shown, name, data)
                parts.append(Part.of(name, data, DYNAMIC_LEVEL))
            else:
                parts.append(self._static[name])
        return zip_parts(parts)

    def _render_part(self, name: str, view: dict) -> str:
        from jinja2 import TemplateError, UndefinedError
        from jinja2.sandbox import SecurityError

        try:
            return self._dynamic[name].render(view)
        except UndefinedError as error:
            raise TemplateProblem(self.shown, "NOR305", _undefined_message(str(error), view)) from None
        except SecurityError as error:
            raise TemplateProblem(self.shown, "NOR305", f"недопустимое выражение в шаблоне ({error})") from None
        except TemplateError as error:
            raise TemplateProblem(self.shown, "NOR305", f"ошибка при заполнении шаблона: {error}") from None
        except (TypeError, ValueError, AttributeError) as error:
            raise TemplateProblem(self.shown, "NOR305", f"ошибка в выражении шаблона: {error}") from None


def _strip_tags(content: bytes) -> bytes:
    return re.sub(rb"<[^>]+>", b"", content)


def _undefined_message(raw: str, view: dict) -> str:
    match = re.search(r"has no attribute '([^']+)'", raw) or re.search(r"'([^']+)' is undefined", raw)
    name = match.group(1) if match else raw
    hint = difflib.get_close_matches(name, sorted(_all_keys(view)), n=1, cutoff=0.6)
    tail = f"; возможно, «{hint[0]}»?" if hint else ""
    return f"в шаблоне неизвестная переменная «{name}»{tail} (исправьте тег в шаблоне в Word)"


def _all_keys(value, depth: int = 0) -> set[str]:
    keys: set[str] = set()
    if depth > 3:
        return keys
    if isinstance(value, dict):
        for key, inner in value.items():
            keys.add(key)
            keys |= _all_keys(inner, depth + 1)
    elif isinstance(value, list) and value:
        keys |= _all_keys(value[0], depth + 1)
    return keys


def _check_well_formed(template: str, name: str, data: bytes) -> None:
    """Never write a corrupt document: the rendered part must be well-formed XML."""
    try:
        expat.ParserCreate().Parse(data, True)
    except expat.ExpatError as error:
        raise TemplateProblem(
            template, "NOR306",
            f"после заполнения {name} — не XML ({expat.ErrorString(error.code)}, строка {error.lineno}); "
            "тег шаблона, вероятно, разрывает абзац или таблицу: ставьте {%p …%} и {%tr …%} отдельными "
            "абзацами и строками",
        ) from None  # fmt: skip


def _fix_table_grids(xml: str) -> str:
    """Tables whose columns come from a loop ({%tc for %}) get a matching column grid, only for
    documents that have such tables. docxtpl's own ``fix_tables`` makes the grid match the cell
    count but keeps the template's widths, so a record's first column would get the narrow
    width of the template's tag column («Методич|еский»); the columns are then fitted to their
    text (``_fit_columns``)."""
    from docxtpl import DocxTemplate
    from lxml import etree

    before = etree.fromstring(xml.encode("utf-8"))
    ns = "{" + before.nsmap["w"] + "}"
    # A table whose rows come from a loop has as many cells as the record's table has columns;
    # when that count happens to equal the template's (three for the appendix table, whose grid
    # ends in a sliver of 57 twips), the grid would stand and a column could not show a letter:
    # a column narrower than its own margins is refitted too.
    looped = {i for i, table in enumerate(before.iter(ns + "tbl"))
              if any(len(row.findall(ns + "tc")) != len(table.findall(f"{ns}tblGrid/{ns}gridCol"))
                     for row in table.iter(ns + "tr"))
              or any(int(float(c.get(ns + "w") or 0)) < _CELL_MARGINS
                     for c in table.findall(f"{ns}tblGrid/{ns}gridCol"))}  # fmt: skip
    tree = DocxTemplate.fix_tables(None, xml)
    for i, table in enumerate(tree.iter(ns + "tbl")):
        grid = table.find(ns + "tblGrid")
        columns = grid.findall(ns + "gridCol") if grid is not None else []
        # A row of one cell across the whole table (a roadmap's section) takes any widths.
        rows = [cells for cells in (row.findall(ns + "tc") for row in table.iter(ns + "tr"))
                if not (len(cells) == 1 and _span(cells[0], ns) == len(columns) > 1)]  # fmt: skip
        if i not in looped or not rows or any(len(cells) != len(columns) for cells in rows):
            continue  # the template's own columns, or merged cells: the template's grid stands
        if any(_span(cell, ns) != 1 for cells in rows for cell in cells):
            continue
        texts = [["".join(t.text or "" for t in cell.iter(ns + "t")) for cell in cells] for cells in rows]
        widths = _fit_columns(texts, sum(int(float(c.get(ns + "w") or 0)) for c in columns))
        for column, width in zip(columns, widths):
            column.set(ns + "w", str(width))
        for cells in rows:
            for cell, width in zip(cells, widths):
                tc_w = cell.find(f"{ns}tcPr/{ns}tcW")
                if tc_w is not None:
                    tc_w.set(ns + "w", str(width))
                    tc_w.set(ns + "type", "dxa")
    return etree.tostring(tree, encoding="unicode")


def _span(cell, ns: str) -> int:
    """How many grid columns a table cell spans (its gridSpan)."""
    span = cell.find(f"{ns}tcPr/{ns}gridSpan")
    return 1 if span is None else int(span.get(ns + "val") or 1)


# A table cell's text at 12 pt: about 130 twips a letter on average, plus the cell margins.
_TWIPS_PER_CHAR = 130
_CELL_MARGINS = 230


def _fit_columns(texts: list[list[str]], total: int) -> list[int]:
    """Column widths (twips, summing to ``total``) for rows of cell texts: each column at least as
    wide as its longest word (so no word is broken inside), the rest shared by the amount of text."""
    count = max(len(row) for row in texts)
    longest = [0] * count
    amount = [0] * count
    for row in texts:
        for i, text in enumerate(row):
            words = re.split(r"[\s\-–—/]+", text)
            longest[i] = max(longest[i], max((len(w) for w in words), default=0))
            amount[i] += len(text)
    minimum = [max(longest[i], 3) * _TWIPS_PER_CHAR + _CELL_MARGINS for i in range(count)]
    if sum(minimum) >= total:  # too many columns for the page: proportional to the minimum
        widths = [total * m // sum(minimum) for m in minimum]
    else:
        spare = total - sum(minimum)
        weights = amount
        weight = sum(weights) or 1
        widths = [minimum[i] + int(spare * weights[i] / weight) for i in range(count)]
    widths[-1] += total - sum(widths)
    return widths


def core_properties_xml(core: dict) -> str:
    """docProps/core.xml from the record: title, author, dates — never from the clock."""
    when = core.get("date")
    stamp = (
        dt.datetime(when.year, when.month, when.day).strftime("%Y-%m-%dT%H:%M:%SZ")
        if isinstance(when, dt.date) else "2000-01-01T00:00:00Z"
    )  # fmt: skip

    def text(key: str) -> str:
        return str(escape(_XML_ILLEGAL.sub("", str(core.get(key) or ""))))

    return (
        _XML_DECLARATION
        + '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f"<dc:title>{text('title')}</dc:title>"
        f"<dc:subject>{text('subject')}</dc:subject>"
        f"<dc:creator>{text('author')}</dc:creator>"
        f"<dc:identifier>{text('identifier')}</dc:identifier>"
        "<dc:language>ru-RU</dc:language>"
        "<cp:lastModifiedBy>nor-docs</cp:lastModifiedBy>"
        "<cp:revision>1</cp:revision>"
        f'<dcterms:created xsi:type="dcterms:W3CDTF">{stamp}</dcterms:created>'
        f'<dcterms:modified xsi:type="dcterms:W3CDTF">{stamp}</dcterms:modified>'
        "</cp:coreProperties>"
    )
