"""Read one YAML record file into plain Python data plus the position of every value.

Records are read the way an editor shows them (YAML 1.2 core schema), not the way PyYAML's
YAML 1.1 resolver would: ``no`` stays the string "no", ``10:30`` stays "10:30", ``2021-10-10``
stays a string for the model to parse. Duplicate keys, anchors/aliases, tags, files that are not
UTF-8, empty files and files whose top level is not a mapping are reported, never guessed at.

The result is a ``Source``: the data, and the node tree it came from, in which the 1-based
``(line, column)`` of any path (a tuple of keys and list indexes, as pydantic reports them in
``loc``) is looked up when a diagnostic needs it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml
from yaml.nodes import MappingNode, ScalarNode, SequenceNode

from .diagnostics import Diagnostic

try:  # the C composer is several times faster; fall back to pure Python where it is missing
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]


_NULL = re.compile(r"^(?:~|null|Null|NULL|)$")
_BOOL = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_INT = re.compile(r"^[-+]?[0-9]+$")
_FLOAT = re.compile(r"^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$")
_CORE_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:map",
    "tag:yaml.org,2002:seq",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:timestamp",
    "tag:yaml.org,2002:binary",
    "tag:yaml.org,2002:value",
    "tag:yaml.org,2002:merge",
}
# Characters that XML 1.0 forbids; a DOCX carrying them is corrupt or loses them silently.
XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


class _FastLoader(_Loader):  # type: ignore[misc,valid-type]
    """The C composer without PyYAML's YAML 1.1 tag guessing: we resolve scalars ourselves."""

    def resolve(self, kind, value, implicit):  # noqa: D102 - PyYAML hook
        if kind is ScalarNode:
            return "tag:yaml.org,2002:str"
        if kind is SequenceNode:
            return "tag:yaml.org,2002:seq"
        return "tag:yaml.org,2002:map"


@dataclass
class Source:
    """One record file read into data; positions are looked up in the kept node tree."""

    path: str
    data: dict
    root: MappingNode | None = None
    # The comment line an editor uses to find the schema, if the file has one.
    schema_comment: str | None = None
    text: str = ""  # the file as read, for positions inside a multi-line value

    def position_in_value(self, loc: tuple, value: str, offset: int) -> tuple[int, int]:
        """1-based (line, column) of ``value[offset:]`` inside the string at ``loc``.

        A long text (``|`` or ``>`` block) spans many lines; a problem in it is reported on its
        own line. The word at ``offset`` is found by counting its occurrences in the value and in
        the file between the value's marks; when that fails, the value's start is reported.
        """
        _, node, complete = self._walk(tuple(loc)) if self.root is not None else (None, None, False)
        if not complete or type(node) is not ScalarNode or not self.text:
            return self.position(loc)
        words = value[offset:].split(maxsplit=1)
        if not words:
            return self.position(loc)
        word = words[0]
        nth = value.count(word, 0, offset)
        start, end = node.start_mark.index, node.end_mark.index
        found = start - 1
        for _ in range(nth + 1):
            found = self.text.find(word, found + 1, end)
            if found < 0:
                return self.position(loc)
        line = self.text.count("\n", 0, found) + 1
        column = found - (self.text.rfind("\n", 0, found) + 1) + 1
        return line, column

    def _walk(self, loc: tuple):
        """The deepest (key node, value node) reachable along ``loc``."""
        key, node = None, self.root
        for part in loc:
            if isinstance(node, MappingNode):
                for key_node, value_node in node.value:
                    if key_node.value == part:
                        key, node = key_node, value_node
                        break
                else:
                    return key, node, False
            elif isinstance(node, SequenceNode) and isinstance(part, int) and 0 <= part < len(node.value):
                key, node = None, node.value[part]
            else:
                return key, node, False
        return key, node, True

    def position(self, loc: tuple) -> tuple[int, int]:
        """1-based (line, column) of the value at ``loc``, else of its closest parent."""
        if self.root is None:
            return (1, 1)
        _, node, _ = self._walk(tuple(loc))
        return (node.start_mark.line + 1, node.start_mark.column + 1)

    def key_position(self, loc: tuple) -> tuple[int, int]:
        """Where the key of ``loc`` stands (for an unknown field), falling back to the value."""
        if self.root is None:
            return (1, 1)
        key, node, complete = self._walk(tuple(loc))
        mark = (key if complete and key is not None else node).start_mark
        return (mark.line + 1, mark.column + 1)


class _Reader:
    def __init__(self, path: str, check_aliases: bool, check_chars: bool):
        self.path = path
        self.problems: list[Diagnostic] = []
        self._seen: set[int] | None = set() if check_aliases else None
        self._check_chars = check_chars

    def problem(self, node, code: str, message: str) -> None:
        mark = node.start_mark
        self.problems.append(Diagnostic(self.path, mark.line + 1, mark.column + 1, code, message))

    def convert(self, node, key_node=None):
        if self._seen is not None:
            if id(node) in self._seen:
                # PyYAML's composer hands out the anchored node again for every alias; point at
                # the key that uses it (the node itself stands where the anchor was defined).
                self.problem(key_node or node, "NOR007", "ссылки YAML (& и *) не допускаются; повторите значение явно")
                return None
            self._seen.add(id(node))
        if node.tag not in _CORE_TAGS:
            self.problem(node, "NOR008", f"тег YAML «{node.tag}» не допускается; уберите его")
            return None
        kind = type(node)
        if kind is ScalarNode:
            return self.scalar(node)
        if kind is MappingNode:
            return self.mapping(node)
        return [self.convert(item) for item in node.value]

    def mapping(self, node: MappingNode) -> dict:
        result: dict = {}
        lines: dict = {}
        for key_node, value_node in node.value:
            if type(key_node) is not ScalarNode:
                self.problem(key_node, "NOR009", "ключом может быть только простая строка")
                continue
            key = key_node.value
            if key == "<<" and key_node.style is None:
                self.problem(key_node, "NOR007", "слияние «<<» не допускается; повторите поля явно")
                continue
            if key in result:
                self.problem(
                    key_node,
                    "NOR006",
                    f"ключ «{key}» повторяется (первый раз — строка {lines[key]}); оставьте один",
                )
                continue
            lines[key] = key_node.start_mark.line + 1
            value = value_node
            if type(value) is ScalarNode and self._seen is None and value.tag == "tag:yaml.org,2002:str":
                result[key] = self.scalar(value)  # the common case, without the extra call
            else:
                result[key] = self.convert(value, key_node)
        return result

    def scalar(self, node: ScalarNode):
        text = node.value
        if self._check_chars:
            bad = XML_ILLEGAL.search(text)
            if bad:
                self.problem(
                    node,
                    "NOR010",
                    f"недопустимый управляющий символ U+{ord(bad.group()):04X} в тексте; удалите его",
                )
                text = XML_ILLEGAL.sub("", text)
        if node.style:  # quoted or block scalar: always a string
            return text
        if not text or text[0] in _PLAIN_STARTS:
            return _resolve_plain(text)
        return text


_PLAIN_STARTS = frozenset("~nNtTfF0123456789+-.")


class YamlFloat(float):
    """A float that remembers how it was written, so a label such as item «1.10» is not read
    back as «1.1» (see ``model.common.Label``)."""

    __slots__ = ("text",)

    def __new__(cls, text: str) -> "YamlFloat":
        value = super().__new__(cls, text)
        value.text = text
        return value


def _resolve_plain(text: str):
    if _NULL.match(text):
        return None
    if text in _BOOL:
        return _BOOL[text]
    if _INT.match(text):
        return int(text)
    if _FLOAT.match(text) and any(c.isdigit() for c in text):
        return YamlFloat(text)
    return text


def read_source(path: str | Path, display: str | None = None) -> tuple[Source | None, list[Diagnostic]]:
    """Read ``path``; return the source (None when unreadable) and every problem found."""
    shown = display or str(path)
    try:
        raw = Path(path).read_bytes()
    except OSError as error:
        return None, [Diagnostic(shown, 1, 1, "NOR001", f"файл не читается: {error.strerror}")]
    return parse_source(raw, shown)


def parse_source(raw: bytes, shown: str) -> tuple[Source | None, list[Diagnostic]]:
    """Parse the bytes of one record file (see module doc)."""
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        col = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        return None, [
            Diagnostic(shown, line, col, "NOR002", "файл не в кодировке UTF-8; сохраните его в UTF-8")
        ]
    if not text.strip() or all(
        not ln.strip() or ln.lstrip().startswith("#") for ln in text.splitlines()
    ):
        return None, [Diagnostic(shown, 1, 1, "NOR003", "файл пуст; заполните запись или удалите файл")]
    try:
        node = yaml.compose(text, Loader=_FastLoader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        what = _translate_yaml_problem(error.problem or "")
        return None, [Diagnostic(shown, line, col, "NOR004", f"ошибка синтаксиса YAML: {what}")]
    except yaml.YAMLError as error:  # pragma: no cover - every PyYAML error is marked today
        return None, [Diagnostic(shown, 1, 1, "NOR004", f"ошибка синтаксиса YAML: {error}")]
    if not isinstance(node, MappingNode):
        where = node.start_mark if node is not None else None
        line, col = (where.line + 1, where.column + 1) if where else (1, 1)
        return None, [
            Diagnostic(shown, line, col, "NOR005", "запись должна быть словарём «поле: значение»")
        ]
    reader = _Reader(shown, check_aliases="*" in text or "<<" in text, check_chars="\\" in text or bool(XML_ILLEGAL.search(text)))
    data = reader.convert(node)
    first = text.lstrip().splitlines()[0]
    comment = first if first.startswith("# yaml-language-server:") else None
    return Source(shown, data, node, comment, text), reader.problems


_YAML_PROBLEMS = {
    "found character '\\t' that cannot start any token": "табуляция вместо пробелов",
    "mapping values are not allowed here": "двоеточие здесь недопустимо (заключите текст в кавычки)",
    "could not find expected ':'": "не найдено «:» после ключа",
    "expected <block end>, but found '<block sequence start>'": "неверный отступ у элемента списка",
    "found undefined alias": "ссылка на неизвестный якорь",
    "found unexpected end of stream": "файл оборвался (незакрытая кавычка или скобка?)",
    "found unknown escape character": "неизвестная escape-последовательность в строке в кавычках",
}


def _translate_yaml_problem(problem: str) -> str:
    for english, russian in _YAML_PROBLEMS.items():
        if problem.startswith(english.split("'")[0]) and english in problem:
            return russian
    for english, russian in _YAML_PROBLEMS.items():
        if problem.startswith(english[:20]):
            return russian
    return f"неверная разметка ({problem})" if problem else "неверная разметка"
