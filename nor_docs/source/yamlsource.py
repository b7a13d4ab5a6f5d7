"""Read one YAML record file into plain Python data plus the position of every value.

Records are read the way an editor shows them (YAML 1.2 core schema), not the way PyYAML's
YAML 1.1 resolver would: ``no`` stays the string "no", ``10:30`` stays "10:30", ``2021-10-10``
stays a string for the model to parse. Duplicate keys, anchors/aliases, tags, control
characters, files that are not UTF-8, empty files and files whose top level is not a mapping are
reported, never guessed at; every problem of a file is reported, in Russian, at its line. What
the text says (a word of mixed alphabets, an organisation misspelt, a scaffold's «…» left unfilled)
is not the reader's business: ``checks/`` and the model judge it (``string_scalars`` gives a check
every string value with where it stands).

The result is a ``Source``: the data, and a compact index of where every value and key stands
(three integer arrays in document order), in which the 1-based ``(line, column)`` of any path
(a tuple of keys and list indexes, as pydantic reports them in ``loc``) is looked up when a
diagnostic needs it. The index is small: 8 bytes per value and array, a quarter of what a list
of ``(line, column)`` tuples would hold (6 MB against 30 MB for 1,000 five-page meetings).
"""

from __future__ import annotations

import errno
import re
from array import array
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from yaml.nodes import MappingNode, ScalarNode, SequenceNode

from ..diagnostics import Diagnostic
from ..outputs.textsafety import BIDI_CHARS, INVISIBLE_CHARS, char_name

try:  # the C parser is several times faster; fall back to pure Python where it is missing
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]  # libyaml missing: the Python twin, another class


_NULL = re.compile(r"^(?:~|null|Null|NULL|)$")
_BOOL = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_INT = re.compile(r"^[-+]?[0-9]+$")
_FLOAT = re.compile(r"^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$")
_STR = "tag:yaml.org,2002:str"
_MAP = "tag:yaml.org,2002:map"
_SEQ = "tag:yaml.org,2002:seq"
# What the composer is told an untagged scalar is: we resolve it ourselves (YAML 1.2 core).
_IMPLICIT = "tag:nor-docs,2024:implicit"
# Tags a record may carry: none but ``!!str`` (a way to say «text» an editor also understands)
# and the collection tags that change nothing. ``!!python/object`` and the like are refused.
_ALLOWED_TAGS = {_IMPLICIT, _STR, _MAP, _SEQ}
# Characters a DOCX cannot carry: XML 1.0 forbids the C0 controls (but tab and line breaks) and
# U+FFFE/U+FFFF; DEL and the C1 controls are allowed but invisible garbage (a cp1251 mix-up); the
# line and paragraph separators (written as «\L», «\P») break a line where no one sees a break.
CONTROL_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff\u2028\u2029]")
# In the raw file the same characters, plus the line and paragraph separators (Word/PDF paste):
# PyYAML refuses the controls outright and takes U+0085/U+2028/U+2029 for line breaks (YAML 1.1),
# where an editor (YAML 1.2) does not — so they are reported and masked before parsing.
_RAW_BAD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff\u2028\u2029]")
_CONTENT_LINE = re.compile(r"^[ \t]*[^\s#]", re.M)
_SCHEMA_LINE = re.compile(r"\A\s*(# yaml-language-server:[^\r\n]*)")
MAX_DEPTH = 64  # records nest a dozen levels at most; deeper is a mistake or an attack
# What a scaffold (``nor-docs new``) leaves to be filled in: the model reads a value that is only
# this as not filled (NOR102, ``model/records.py``).
PLACEHOLDER = "…"
# A string value as the reader kept it, and the node it was read from (its marks: where it stands).
Visit = Callable[[str, ScalarNode], None]


def _pack(mark) -> int:
    """(line, column) of a PyYAML mark, 1-based, in one integer."""
    return ((mark.line + 1) << 24) | (mark.column + 1)


def _unpack(packed: int) -> tuple[int, int]:
    return packed >> 24, packed & 0xFFFFFF


class _FastLoader(_Loader):
    """The C composer without PyYAML's YAML 1.1 tag guessing: we resolve scalars ourselves."""

    def resolve(self, kind, value, implicit):
        if kind is ScalarNode:
            return _IMPLICIT
        if kind is SequenceNode:
            return _SEQ
        return _MAP


@dataclass
class Source:
    """One record file read into data, with where each value stands.

    ``values``, ``keys`` and ``sizes`` describe the nodes of ``data`` in document (pre-)order:
    the packed position of the value, of its key (0 when it has none: the root, list items)
    and the number of nodes in its subtree (to step over siblings).
    """

    path: str
    data: dict
    values: array = field(default_factory=lambda: array("q"), repr=False)
    keys: array = field(default_factory=lambda: array("q"), repr=False)
    sizes: array = field(default_factory=lambda: array("l"), repr=False)
    # The comment line an editor uses to find the schema, if the file has one.
    schema_comment: str | None = None
    # Indexes of values the reader reported (an alias, a tag, too deep — replaced by None): said
    # once by the reader; the model's complaints are noise.
    placeholders: frozenset = frozenset()
    # The file as read (UTF-8), for positions inside a multi-line value; decoded when needed.
    raw: bytes = field(default=b"", repr=False)

    @property
    def text(self) -> str:
        """The file as read (the positions index into it; control characters masked, as the reader
        saw it). Decoded when asked, never kept: a large folder's text would double its memory."""
        text = _unix_breaks(self.raw.decode("utf-8", "replace"))
        return _RAW_BAD.sub("\ufffd", text) if _RAW_BAD.search(text) else text

    def position_in_value(self, loc: tuple, value: str, offset: int) -> tuple[int, int]:
        """1-based (line, column) of ``value[offset:]`` inside the string at ``loc``.

        A long text (``|`` or ``>`` block) spans many lines; a problem in it is reported on its
        own line. The word at ``offset`` is found by counting its occurrences in the value and in
        the file between the value's start and the next value's; when that fails, the value's
        start is reported.
        """
        index, complete = self._find(tuple(loc))
        if not complete:
            return self.position(loc)
        return self.position_in_value_at(index, value, offset)

    def position_in_value_at(self, index: int, value: str, offset: int) -> tuple[int, int]:
        """``position_in_value`` for the value with index ``index`` in the position index."""
        if self.raw:
            start = self._offset(self.values[index])
            after = index + self.sizes[index]
            end = self._offset(self.keys[after] or self.values[after]) if after < len(self.values) else None
            found = word_position(self.text, start, end, value, offset)
            if found is not None:
                return found
        return _unpack(self.values[index])

    def _offset(self, packed: int) -> int:
        """The index in ``text`` of a packed (line, column)."""
        starts = self.__dict__.get("_line_starts")
        if starts is None:
            starts = [0] + [m.end() for m in re.finditer("\n", self.text)]
            self.__dict__["_line_starts"] = starts
        line, column = _unpack(packed)
        return starts[min(line, len(starts)) - 1] + column - 1

    def set_aside(self, loc: tuple) -> None:
        """Mark the value at ``loc`` as one already reported (``placeholders``): the model's own
        complaints about it are not said too (the loader's «…», ``model/records.py``)."""
        index, complete = self._find(tuple(loc))
        if complete:
            self.placeholders = self.placeholders | {index}

    def is_placeholder(self, loc: tuple) -> bool:
        """Whether the value at ``loc`` is one the reader refused (see ``placeholders``)."""
        if not self.placeholders:
            return False
        index, complete = self._find(tuple(loc))
        return complete and index in self.placeholders

    def _find(self, loc: tuple) -> tuple[int, bool]:
        """Index of the deepest node reachable along ``loc``, and whether all of it was.

        A child's index is found by stepping over its elder siblings' subtrees; in a mapping or
        list longer than ``_INDEXED`` the children's indexes are worked out once and kept, so
        that a diagnostic per key of a 60,000-key mapping costs a lookup, not a walk."""
        sizes = self.sizes
        index, data = 0, self.data
        for part in loc:
            child = index + 1
            if type(data) is dict:
                if part not in data:
                    return index, False
                if len(data) > _INDEXED:
                    child = self._children(data, child)[part]
                else:
                    for key in data:
                        if key == part:
                            break
                        child += sizes[child]
                data = data[part]
            elif type(data) is list and type(part) is int and 0 <= part < len(data):
                if part > _INDEXED:
                    child = self._children(data, child)[part]
                else:
                    for _ in range(part):
                        child += sizes[child]
                data = data[part]
            else:
                return index, False
            index = child
        return index, True

    def _children(self, data, first: int):
        """The index of every child of the mapping or list ``data`` whose first child is ``first``
        (a dict by key, or a list by position), computed once per container."""
        cache = self.__dict__.setdefault("_children_cache", {})
        kept = cache.get(first)
        if kept is not None and kept[0] is data:
            return kept[1]
        sizes, at, found = self.sizes, first, []
        for _ in range(len(data)):
            found.append(at)
            at += sizes[at]
        children = dict(zip(data, found)) if type(data) is dict else found
        cache[first] = (data, children)
        return children

    def position(self, loc: tuple) -> tuple[int, int]:
        """1-based (line, column) of the value at ``loc``, else of its closest parent."""
        if not self.values:
            return (1, 1)
        index, _ = self._find(tuple(loc))
        return _unpack(self.values[index])

    def key_position(self, loc: tuple) -> tuple[int, int]:
        """Where the key of ``loc`` stands (for an unknown field), falling back to the value."""
        if not self.values:
            return (1, 1)
        index, complete = self._find(tuple(loc))
        key = self.keys[index]
        return _unpack(key if complete and key else self.values[index])


_INDEXED = 32  # containers longer than this get their children's indexes worked out once (``_children``)


def word_position(text: str, start: int, end: int | None, value: str, offset: int,
                   word: str | None = None) -> tuple[int, int] | None:  # fmt: skip
    """Where the word at ``value[offset]`` (``word``, else up to the next space) stands in
    ``text[start:end]`` (the value as the file writes it), counting the same word's earlier
    occurrences in the value; None if not found."""
    if word is None:
        words = value[offset:].split(maxsplit=1)
        if not words:
            return None
        word = words[0]
    nth = value.count(word, 0, offset)
    found = start - 1
    for _ in range(nth + 1):
        found = text.find(word, found + 1, end if end is not None else len(text))
        if found < 0:
            return None
    line = text.count("\n", 0, found) + 1
    return line, found - (text.rfind("\n", 0, found) + 1) + 1


class _Reader:
    """Turns the node tree into data, the position index and the problems found on the way."""

    def __init__(self, path: str, check_aliases: bool, check_chars: bool, text: str = "", visit: Visit | None = None):
        self.path = path
        self._text = text
        # Called with every string value the reader keeps and its node (``string_scalars``).
        self._visit = visit
        self.problems: list[Diagnostic] = []
        self._seen: set[int] | None = set() if check_aliases else None
        self._check_chars = check_chars
        # A tag needs a «!» in the text: without one no key can carry a tag worth checking.
        self._check_tags = "!" in text or not text
        self.values = array("q")
        self.keys = array("q")
        self.sizes = array("l")
        self.placeholders: set[int] = set()
        # No per-value checks to run: a quoted or plainly textual scalar is just its text.
        self._plain = not check_chars

    def problem(self, node, code: str, message: str) -> None:
        mark = node.start_mark
        self.problems.append(Diagnostic(self.path, mark.line + 1, mark.column + 1, code, message))

    def convert(self, node, key_node=None, depth: int = 0):
        index = len(self.sizes)
        self.values.append(_pack(node.start_mark))
        self.keys.append(_pack(key_node.start_mark) if key_node is not None else 0)
        self.sizes.append(1)
        if self._seen is not None:
            if id(node) in self._seen:
                # PyYAML's composer hands out the anchored node again for every alias: never
                # walk it twice (an alias bomb stays as small as its text). The alias itself is
                # reported where it stands by ``_alias_problems``.
                if key_node is not None:
                    self.values[index] = self.keys[index]  # the alias stands after its key
                self.placeholders.add(index)
                return None
            self._seen.add(id(node))
        if node.tag not in _ALLOWED_TAGS:
            tag = node.tag.replace("tag:yaml.org,2002:", "!!")
            self.problem(node, "NOR008", f"тег YAML «{tag}» не допускается; уберите его")
            self.placeholders.add(index)
            return None
        kind = type(node)
        if kind is ScalarNode:
            return self.scalar(node)
        if depth >= MAX_DEPTH:
            self.problem(node, "NOR011", f"вложенность глубже {MAX_DEPTH} уровней; упростите запись")
            self.placeholders.add(index)
            return None
        result: dict | list
        if kind is MappingNode:
            result = self.mapping(node, depth + 1)
        else:
            result = [self.convert(item, None, depth + 1) for item in node.value]
        self.sizes[index] = len(self.sizes) - index
        return result

    def mapping(self, node: MappingNode, depth: int) -> dict:
        # The hot loop of a large records folder: locals bound once, the common case inlined.
        result: dict = {}
        add_value, add_key, add_size = self.values.append, self.keys.append, self.sizes.append
        fast = self._seen is None
        plain = self._plain
        visit = self._visit
        check_chars = self._check_chars
        check_tags = self._check_tags
        firsts: dict[str, int] | None = None
        for key_node, value_node in node.value:
            if type(key_node) is not ScalarNode:
                self.problem(key_node, "NOR009", "ключом может быть только простая строка")
                continue
            key = key_node.value
            if check_tags and key_node.tag is not _IMPLICIT and key_node.tag != _STR:
                tag = key_node.tag.replace("tag:yaml.org,2002:", "!!")
                self.problem(key_node, "NOR008", f"тег YAML «{tag}» у ключа не допускается; уберите его")
                continue
            if check_chars and key:
                key = self._checked_key(key, key_node)
            if key == "<<" and not key_node.style:
                self.problem(key_node, "NOR007", "слияние «<<» не допускается; повторите поля явно")
                continue
            if key in result:
                if firsts is None:  # once per mapping, and only one with a repeated key
                    firsts = _first_lines(node)
                self.problem(
                    key_node,
                    "NOR006",
                    f"ключ «{key}» повторяется (первый раз — строка {firsts.get(key, key_node.start_mark.line + 1)}); "
                    "оставьте один",
                )
                continue
            key_mark = key_node.start_mark
            if fast and type(value_node) is ScalarNode and value_node.tag is _IMPLICIT:
                mark = value_node.start_mark
                add_value(((mark.line + 1) << 24) | (mark.column + 1))
                add_key(((key_mark.line + 1) << 24) | (key_mark.column + 1))
                add_size(1)
                text = value_node.value
                if plain and (value_node.style or (text and text[0] not in _PLAIN_STARTS)):
                    result[key] = text  # text as it stands: nothing to resolve or check
                    if visit is not None:
                        visit(text, value_node)
                else:
                    result[key] = self.scalar(value_node)
            else:
                result[key] = self.convert(value_node, key_node, depth)
        return result

    def scalar(self, node: ScalarNode):
        text = node.value
        if self._check_chars:
            bad = CONTROL_CHARS.search(text)
            if bad:
                self.problem(
                    node,
                    "NOR010",
                    f"недопустимый управляющий символ U+{ord(bad.group()):04X} в тексте (escape-"
                    "последовательность в кавычках): в DOCX он испортит документ или пропадёт; удалите его",
                )
                text = CONTROL_CHARS.sub("", text)
            self._invisible_escapes(text, node, "в тексте")
        if not node.style and node.tag is _IMPLICIT and (not text or text[0] in _PLAIN_STARTS):
            # a plain scalar without a tag: maybe not a string
            value = _resolve_plain(text)
            if type(value) is not str:
                return value
        if self._visit is not None:
            self._visit(text, node)
        return text

    def _checked_key(self, key: str, node: ScalarNode) -> str:
        """A key written with escapes (``"\\e[2J": …``): control characters reported and dropped,
        bidirectional and zero-width ones reported (NOR010, NOR012, NOR013)."""
        bad = CONTROL_CHARS.search(key)
        if bad:
            self.problem(node, "NOR010", f"недопустимый управляющий символ {char_name(bad.group())} в ключе "
                                         "(escape-последовательность в кавычках); удалите его")  # fmt: skip
            key = CONTROL_CHARS.sub("", key)
        self._invisible_escapes(key, node, "в ключе")
        return key

    def _invisible_escapes(self, text: str, node: ScalarNode, where: str) -> None:
        """NOR012/NOR013 for a bidirectional or zero-width character a quoted escape produced
        (the raw ones are reported where they stand by ``_invisible_problems``)."""
        if "\\" not in self._text[self._offset(node.start_mark) : self._offset(node.end_mark)]:
            return  # written raw: already reported at its own column
        for pattern, code, what in _INVISIBLE:
            found = pattern.search(text)
            if found:
                self.problem(node, code, f"{what} {char_name(found.group())} {where} (escape-последовательность в "
                                         "кавычках); удалите его")  # fmt: skip

    def _offset(self, mark) -> int:
        return mark.index


def _first_lines(node: MappingNode) -> dict[str, int]:
    """The line each key of a mapping first stands on (as written, and without control characters)."""
    firsts: dict[str, int] = {}
    for key_node, _value in node.value:
        if type(key_node) is ScalarNode:
            line = key_node.start_mark.line + 1
            firsts.setdefault(key_node.value, line)
            firsts.setdefault(CONTROL_CHARS.sub("", key_node.value), line)
    return firsts


_PLAIN_STARTS = frozenset("~nNtTfF0123456789+-.")


class YamlFloat(float):
    """A float that remembers how it was written, so a label such as item «1.10» is not read
    back as «1.1» (see ``model.common.Label``)."""

    __slots__ = ("text",)
    text: str

    def __new__(cls, text: str) -> YamlFloat:
        value = super().__new__(cls, text)
        value.text = text
        return value


class YamlInt(int):
    """An integer written with a leading zero or sign (``number: 010``): a label keeps the text
    as written («№ 010», not «№ 10»); a count or a year takes the number."""

    text: str

    def __new__(cls, text: str) -> YamlInt:
        value = super().__new__(cls, text)
        value.text = text
        return value


def _resolve_plain(text: str):
    if _NULL.match(text):
        return None
    if text in _BOOL:
        return _BOOL[text]
    if _INT.match(text):
        value = int(text)
        return value if str(value) == text else YamlInt(text)
    if _FLOAT.match(text) and any(c.isdigit() for c in text):
        return YamlFloat(text)
    return text


def read_source(path: str | Path, display: str | None = None) -> tuple[Source | None, list[Diagnostic]]:
    """Read ``path``; return the source (None when unreadable) and every problem found."""
    shown = display or str(path)
    try:
        raw = Path(path).read_bytes()
    except OSError as error:
        return None, [Diagnostic(shown, 1, 1, "NOR001", f"файл не читается: {os_problem(error)}")]
    return parse_source(raw, shown)


def os_problem(error: OSError) -> str:
    """Why a file or folder cannot be read, in Russian, with what to do about it."""
    if isinstance(error, PermissionError):
        return "нет прав на чтение; проверьте права доступа (chmod) или владельца файла"
    if isinstance(error, FileNotFoundError):
        return "его нет (символическая ссылка ведёт на несуществующий файл?); исправьте ссылку или удалите её"
    if isinstance(error, IsADirectoryError):
        return "это папка, а не файл; переименуйте её"
    if isinstance(error, NotADirectoryError):
        return "это файл, а не папка; переименуйте или удалите его"
    if error.errno == errno.ELOOP:
        return "символические ссылки зациклены; исправьте ссылку или удалите её"
    from ..outputs.atomic import os_error_text  # only on this rare path: validate does not import it otherwise

    return f"{os_error_text(error, with_path=False)}; проверьте диск и права доступа"


def parse_source(raw: bytes, shown: str) -> tuple[Source | None, list[Diagnostic]]:
    """Parse the bytes of one record file (see module doc)."""
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):  # Notepad's «Юникод» / «Юникод big endian»
        return None, [
            Diagnostic(shown, 1, 1, "NOR002", "файл в кодировке UTF-16 (в Блокноте — «Юникод»); "
                       "сохраните его в UTF-8 (в Блокноте: Сохранить как → Кодировка: UTF-8)")
        ]  # fmt: skip
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        col = len(raw[raw.rfind(b"\n", 0, error.start) + 1 : error.start].decode("utf-8", "replace")) + 1
        return None, [
            Diagnostic(
                shown, line, col, "NOR002",
                "файл не в кодировке UTF-8 (похоже на Windows-1251?); сохраните его в UTF-8",
            )
        ]  # fmt: skip
    text = _unix_breaks(text)
    if not _CONTENT_LINE.search(text):
        return None, [Diagnostic(shown, 1, 1, "NOR003", "файл пуст; заполните запись или удалите файл")]
    problems: list[Diagnostic] = []
    if _SUSPECT.search(text):  # one pass over the text for both kinds; most files have neither
        if _RAW_BAD.search(text):
            problems.extend(_raw_control_problems(text, shown))
            # Masked with a visible character of the same width: positions stay where they were.
            text = _RAW_BAD.sub("\ufffd", text)
        if _ANY_INVISIBLE.search(text):
            problems.extend(_invisible_problems(text, shown))
    too_deep = _nesting_problem(text, shown)
    if too_deep is not None:  # PyYAML's C composer recurses, and would crash on it
        return None, problems + [too_deep]
    try:
        node = yaml.compose(text, Loader=_FastLoader)
    except yaml.MarkedYAMLError as error:
        mark = _error_mark(error)
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        if _TOO_DEEP in (error.problem or ""):  # libyaml's own limit (0.2.6 and newer)
            return None, problems + [Diagnostic(shown, line, col, "NOR011", _TOO_DEEP_TEXT)]
        marked = _unquoted_mark(error, text)
        if marked is not None:  # «text: [[до 1 июня]] подготовить …»: a deadline mark YAML takes for a list
            line, col, what = marked
        else:
            what = _translate_yaml_problem(error, text)
        return None, problems + [Diagnostic(shown, line, col, "NOR004", f"ошибка синтаксиса YAML: {what}")]
    except yaml.YAMLError:  # a ReaderError; the pre-check above should have caught it
        return None, problems + [Diagnostic(shown, 1, 1, "NOR004", "ошибка синтаксиса YAML: неверная разметка")]
    except RecursionError:  # the pure-Python composer on absurd nesting
        return None, problems + [Diagnostic(shown, 1, 1, "NOR011", _TOO_DEEP_TEXT)]
    if not isinstance(node, MappingNode):
        where = node.start_mark if node is not None else None
        line, col = (where.line + 1, where.column + 1) if where else (1, 1)
        return None, problems + [
            Diagnostic(shown, line, col, "NOR005", "запись должна быть словарём «поле: значение»")
        ]
    if "*" in text or "&" in text:
        problems.extend(_alias_problems(text, shown))
    reader = _Reader(shown, check_aliases="*" in text, check_chars="\\" in text, text=text)
    data = reader.convert(node)
    comment = _SCHEMA_LINE.match(text)
    source = Source(
        shown, data, reader.values, reader.keys, reader.sizes,
        schema_comment=comment.group(1) if comment else None,
        placeholders=frozenset(reader.placeholders), raw=raw,
    )  # fmt: skip
    return source, problems + reader.problems


def string_scalars(source: Source) -> Iterator[tuple[str, ScalarNode]]:
    """Every string value of ``source`` as the reader kept it, with the node it was read from —
    for a check that must say where a word inside a value stands. The file's text is composed again
    (a check asks this only of the few files its quick look at the text picks)."""
    text = source.text
    found: list[tuple[str, ScalarNode]] = []
    reader = _Reader(source.path, check_aliases="*" in text, check_chars="\\" in text, text=text,
                     visit=lambda value, node: found.append((value, node)))  # fmt: skip
    reader.convert(yaml.compose(text, Loader=_FastLoader))
    return iter(found)


_LONE_CR = re.compile(r"\r(?!\n)")


def _unix_breaks(text: str) -> str:
    """A lone carriage return (old Mac line ends) is a line break to YAML: made ``\n``, one
    character for one, so every offset stays where it was and lines count as YAML counts them."""
    return _LONE_CR.sub("\n", text) if "\r" in text else text


MAX_ALIAS_REPORTS = 10
_TOO_DEEP = "exceeded maximum nesting depth"  # libyaml 0.2.6 refuses deep nesting itself
_TOO_DEEP_TEXT = f"вложенность глубже {MAX_DEPTH} уровней; упростите запись"
# Text that could nest deeper than MAX_DEPTH: many brackets, a run of «- - - …» or «? ? …» on a
# line, or a line indented very far. Only such text gets the exact (event-by-event) depth check.
# Three patterns that each start with a literal: the regex engine skips to it fast.
_DEEP_HINTS = (
    re.compile(r"-[ \t]+-[ \t]+-[ \t]+-[ \t]+-[ \t]+-[ \t]+-[ \t]+-"),
    re.compile(r"\?[ \t]+\?[ \t]+\?[ \t]+\?"),
    re.compile(r"\n[ \t]{128}"),
)


def _nesting_problem(text: str, shown: str) -> Diagnostic | None:
    """NOR011 where the text nests deeper than ``MAX_DEPTH`` (checked on the parser's events,
    which libyaml produces without recursion), else None."""
    if text.count("[") + text.count("{") <= MAX_DEPTH and not any(h.search(text) for h in _DEEP_HINTS):
        return None
    depth = 0
    try:
        for event in yaml.parse(text, Loader=_Loader):
            kind = type(event)
            if kind is yaml.SequenceStartEvent or kind is yaml.MappingStartEvent:
                depth += 1
                if depth > MAX_DEPTH:
                    mark = event.start_mark
                    line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
                    return Diagnostic(shown, line, col, "NOR011", _TOO_DEEP_TEXT)
            elif kind is yaml.SequenceEndEvent or kind is yaml.MappingEndEvent:
                depth -= 1
    except yaml.MarkedYAMLError as error:
        if _TOO_DEEP in (error.problem or ""):  # libyaml's own limit, met while scanning ahead
            mark = error.problem_mark or error.context_mark
            line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
            return Diagnostic(shown, line, col, "NOR011", _TOO_DEEP_TEXT)
        return None  # not deeper than allowed up to the error, which the composer will report
    except yaml.YAMLError:
        return None
    return None


def _alias_problems(text: str, shown: str) -> list[Diagnostic]:
    """Every alias ``*x`` (and every anchor ``&x`` no alias uses), where it stands."""
    anchors: dict[str, tuple[int, int]] = {}
    used: set[str] = set()
    found: list[Diagnostic] = []
    try:
        for token in yaml.scan(text, Loader=_Loader):
            if not isinstance(token, (yaml.AliasToken, yaml.AnchorToken)):
                continue
            mark = token.start_mark
            where = (mark.line + 1, mark.column + 1)
            if isinstance(token, yaml.AnchorToken):
                anchors.setdefault(token.value, where)
                continue
            used.add(token.value)
            defined = anchors.get(token.value)
            origin = f" (якорь «&{token.value}» — строка {defined[0]})" if defined else ""
            found.append(Diagnostic(shown, *where, "NOR007",
                                    f"ссылка «*{token.value}»{origin}: ссылки YAML не допускаются; "
                                    "повторите значение явно"))  # fmt: skip
    except yaml.YAMLError:
        pass  # the composer reports the syntax error
    for name, where in anchors.items():
        if name not in used:
            found.append(Diagnostic(shown, *where, "NOR007", f"якорь «&{name}» не нужен: ссылки YAML не "
                                                             "допускаются; уберите его"))  # fmt: skip
    if len(found) > MAX_ALIAS_REPORTS:
        found.sort()
        rest = len(found) - MAX_ALIAS_REPORTS
        last = found[MAX_ALIAS_REPORTS]
        found = found[:MAX_ALIAS_REPORTS] + [
            Diagnostic(shown, last.line, last.column, "NOR007", f"и ещё ссылок YAML в этом файле: {rest}")
        ]
    return found


_INVISIBLE = (
    (BIDI_CHARS, "NOR012", "невидимый символ направления текста"),
    (INVISIBLE_CHARS, "NOR013", "невидимый символ"),
)
_ANY_INVISIBLE = re.compile(f"{BIDI_CHARS.pattern[:-1]}{INVISIBLE_CHARS.pattern[1:]}")
MAX_INVISIBLE_REPORTS = 10  # per file and code; a pasted page may hold hundreds of them
_SUSPECT = re.compile(f"{_RAW_BAD.pattern[:-1]}{_ANY_INVISIBLE.pattern[1:]}")  # either of the two


def _invisible_problems(text: str, shown: str) -> list[Diagnostic]:
    """NOR012 at each bidirectional formatting character of the file (in keys, values and
    comments alike: a comment can reorder what an editor shows around it), NOR013 at each
    zero-width character or BOM inside the text. Not masked: the records with them do not pass
    validation, and every output escapes them (``textsafety.printable``)."""
    found = []
    for pattern, code, what in _INVISIBLE:
        hits = list(pattern.finditer(text))
        for match in hits[:MAX_INVISIBLE_REPORTS]:
            start = match.start()
            line = text.count("\n", 0, start) + 1
            col = start - (text.rfind("\n", 0, start) + 1) + 1
            char = match.group()
            if code == "NOR012":
                message = (f"{what} {char_name(char)}: текст выглядит не так, как записан (порядок букв меняется "
                           "на экране); удалите его")  # fmt: skip
            elif char == "\ufeff":
                message = (f"{what} {char_name(char)} (BOM) внутри текста — след склеенных файлов или вставки; "
                           "удалите его")  # fmt: skip
            else:
                message = (f"{what} {char_name(char)} (нулевой ширины): слово с ним выглядит как обычное, но не "
                           "совпадает ни со справочником, ни с поиском; удалите его")  # fmt: skip
            found.append(Diagnostic(shown, line, col, code, message))
        if len(hits) > MAX_INVISIBLE_REPORTS:
            last = found[-1]
            found.append(Diagnostic(shown, last.line, last.column, code,
                                    f"и ещё таких символов в этом файле: {len(hits) - MAX_INVISIBLE_REPORTS}"))  # fmt: skip
    return found


def _raw_control_problems(text: str, shown: str) -> list[Diagnostic]:
    found = []
    for match in _RAW_BAD.finditer(text):
        start = match.start()
        line = text.count("\n", 0, start) + 1
        col = start - (text.rfind("\n", 0, start) + 1) + 1
        char = match.group()
        if char in "\u2028\u2029\x85":
            message = (f"невидимый разделитель строк U+{ord(char):04X} (вставлен из Word или PDF?); "
                       "замените его обычным переводом строки или пробелом")  # fmt: skip
        else:
            message = (f"недопустимый управляющий символ U+{ord(char):04X} (невидимый): в DOCX он испортит "
                       "документ или пропадёт; удалите его")  # fmt: skip
        found.append(Diagnostic(shown, line, col, "NOR010", message))
    return found


# What PyYAML (libyaml or the pure-Python scanner) says → what the user is told.
_YAML_PROBLEMS = (
    ("found character that cannot start any token", "символ, с которого не может начинаться значение "
     "(табуляция вместо пробелов? @ или ` в начале? — заключите текст в кавычки)"),
    ("found character '\\t' that cannot start any token", "табуляция вместо пробелов"),
    ("found a tab character", "табуляция вместо пробелов в отступе"),
    ("mapping values are not allowed", "двоеточие с пробелом внутри значения (заключите текст в кавычки)"),
    ("could not find expected ':'", "не найдено «:» после ключа (или строка с неверным отступом)"),
    ("did not find expected key", "неверный отступ, или после значения в кавычках идёт лишний текст"),
    ("did not find expected ',' or ']'", "не закрыт список «[ … ]»"),
    ("did not find expected ',' or '}'", "не закрыт словарь «{ … }»"),
    ("did not find expected '-' indicator", "неверный отступ у элемента списка"),
    ("expected <block end>", "неверный отступ"),
    ("block sequence entries are not allowed", "элемент списка «- » там, где список не ожидается (отступ?)"),
    ("found undefined alias", "ссылка «*» на неизвестный якорь; ссылки YAML не допускаются"),
    ("found duplicate anchor", "якорь «&» повторяется; ссылки YAML не допускаются"),
    ("second occurrence", "якорь «&» повторяется; ссылки YAML не допускаются"),
    ("but found another document", "в файле несколько документов «---»; оставьте один"),
    ("found unexpected end of stream", "файл оборвался (незакрытая кавычка или скобка?)"),
    ("found unknown escape character", "неизвестная escape-последовательность «\\…» в строке в кавычках "
     "(для обратной косой черты пишите «\\\\» или возьмите текст в одинарные кавычки)"),
    ("found invalid Unicode character escape code", "неверный код символа «\\u…» в строке в кавычках"),
    ("did not find expected <document start>", "лишний текст после конца документа «...»"),
    ("did not find expected alphabetic or numeric character", "после «&» или «*» нет имени"),
    ("did not find expected node content", "значение отсутствует или начинается с недопустимого символа"),
    ("did not find the expected '>'", "неверный тег «!<…>»"),
    ("did not find expected comment or line break", "лишний текст после значения"),
    ("found unexpected ':'", "двоеточие здесь недопустимо (заключите текст в кавычки)"),
    ("did not find URI escaped octet", "неверный тег"),
    ("found unacceptable key", "недопустимый ключ"),
    ("found incomplete explicit key", "неполный ключ «?»"),
    ("did not find expected tag URI", "неверный тег"),
    ("found an incorrect leading UTF-8 octet", "неверная кодировка UTF-8"),
    ("found duplicate %YAML directive", "директива %YAML повторяется"),
    ("found incompatible YAML document", "документ другой версии YAML"),
    ("incompatible %YAML directive", "документ другой версии YAML"),
    ("found a tab character that violates indentation", "табуляция в отступе; в YAML отступы делаются только пробелами"),
    ("found a tab character where an indentation space is expected", "табуляция в отступе; в YAML отступы "
     "делаются только пробелами"),
    ("found unexpected document indicator", "строка «---» или «...» внутри текста в кавычках; уберите её или "
     "сдвиньте текст отступом"),
    ("found an indentation indicator equal to 0", "неверный отступ после «|» или «>» (цифра 0)"),
    ("found extremely long version number", "неверная директива %YAML"),
    ("did not find expected version number", "неверная директива %YAML"),
    ("did not find expected digit or '.' character", "неверная директива %YAML"),
    ("found unknown directive name", "неизвестная директива «%»; уберите её"),
    ("could not find expected directive name", "неизвестная директива «%»; уберите её"),
    ("found duplicate %TAG directive", "директива %TAG повторяется"),
    ("duplicate %TAG directive", "директива %TAG повторяется"),
    ("found undefined tag handle", "неизвестный тег"),
    ("did not find expected '!'", "неверный тег"),
    ("found unexpected non-alphabetical character", "неверный символ в имени"),
    ("did not find expected whitespace", "не хватает пробела"),
    ("did not find expected hexdecimal number", "неверный код символа «\\x…» или «\\u…» в строке в кавычках"),
    ("found an incorrect trailing UTF-8 octet", "неверная кодировка UTF-8"),
    ("invalid leading UTF-8 octet", "неверная кодировка UTF-8"),
    ("invalid trailing UTF-8 octet", "неверная кодировка UTF-8"),
    ("invalid length of a UTF-8 sequence", "неверная кодировка UTF-8"),
    ("incomplete UTF-8 octet sequence", "неверная кодировка UTF-8"),
    ("invalid Unicode character", "недопустимый символ"),
    ("control characters are not allowed", "недопустимый управляющий символ"),
    ("input is too long", "файл слишком велик"),
    ("mapping keys are not allowed", "ключ «?» здесь недопустим (заключите текст в кавычки)"),
    ("expected SCALAR, SEQUENCE-START, MAPPING-START, or ALIAS", "значение отсутствует или начинается с "
     "недопустимого символа"),
    ("expected DOCUMENT-START or STREAM-END", "лишний текст после конца документа «...»"),
    ("expected DOCUMENT-END", "лишний текст после конца документа"),
    ("expected nothing after STREAM-END", "лишний текст в конце файла"),
    ("expected a comment or a line break", "лишний текст после значения"),
    ("expected alphabetic or numeric character", "после «&» или «*» нет имени"),
    ("expected ',' or ']'", "не закрыт список «[ … ]»"),
    ("expected ',' or '}'", "не закрыт словарь «{ … }»"),
    ("expected ':'", "не найдено «:» после ключа (или строка с неверным отступом)"),
    ("expected <block end>", "неверный отступ"),
    ("expected <document start>", "лишний текст после конца документа «...»"),
    ("expected the node content", "значение отсутствует или начинается с недопустимого символа"),
    ("expected URI", "неверный тег"),
    ("expected '!'", "неверный тег"),
)


def _error_mark(error: yaml.MarkedYAMLError):
    """Where the user should look: a key without its colon is reported by PyYAML on the line
    after it (where it gave up); the key itself is where the colon is missing."""
    if "could not find expected ':'" in (error.problem or "") and error.context_mark is not None:
        return error.context_mark
    return error.problem_mark or error.context_mark


_MARK_VALUE = re.compile(r"(?P<key>[ \t]*(?:-[ \t]+)?(?P<name>[\w-]+):[ \t]+)(?P<value>\[\[.*?)[ \t]*$")


def _unquoted_mark(error: yaml.MarkedYAMLError, text: str) -> tuple[int, int, str] | None:
    """A value that begins with a deadline mark, ``text: [[до 1 июня]] подготовить …``: YAML reads
    «[[» as a list, and the error it reports (an indent, text after quotes) says nothing useful.
    The place of the value and the way out — the value in quotes — instead."""
    lines = text.split("\n")
    for mark in (error.context_mark, error.problem_mark):
        if mark is None or mark.line >= len(lines):
            continue
        found = _MARK_VALUE.fullmatch(lines[mark.line])
        if found is None:
            continue
        value = found.group("value")
        quoted = f"'{value}'" if '"' in value else f'"{value}"'
        return mark.line + 1, len(found.group("key")) + 1, (
            f"значение начинается с «[[» (срок в тексте), и YAML читает его как список; возьмите значение "
            f"в кавычки: {found.group('name')}: {quoted}"
        )
    return None


def _translate_yaml_problem(error: yaml.MarkedYAMLError, text: str) -> str:
    problem = error.problem or ""
    context = error.context or ""
    mark, start = error.problem_mark, error.context_mark
    if mark is not None and "cannot start any token" in problem:
        lines = text.split("\n")
        line = lines[mark.line] if mark.line < len(lines) else ""
        if mark.column < len(line) and line[mark.column] == "\t":
            return "табуляция в отступе; в YAML отступы делаются только пробелами"
    for english, russian in _YAML_PROBLEMS:
        if english in problem or english in context:
            break
    else:  # a message of a libyaml newer than this table: never shown in English
        russian = "неверная разметка"
    if mark is not None and "mapping values are not allowed" in problem:
        lines = text.split("\n")
        before = lines[mark.line][: mark.column] if mark.line < len(lines) else ""
        key = re.fullmatch(r"\s*(?:-\s+)?([\w-]+)", before)
        if key and mark.line > 0:  # «field:» alone at the start of the line: it continues the value above
            russian = (f"строка читается как продолжение значения выше: если «{key.group(1)}» — поле, "
                       "выровняйте его отступ по соседним полям; если это текст — заключите значение в кавычки")
    if "flow node" in context and "expected node content" in problem:
        russian = "не закрыта скобка «[» или «{», или значение начинается с недопустимого символа"
    if start is not None and mark is not None and start.line != mark.line and (
        "flow" in context or "quoted" in context
    ):
        russian += f" (начало — строка {start.line + 1})"
    return russian
