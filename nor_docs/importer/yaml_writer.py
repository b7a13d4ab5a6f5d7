"""Write a draft as YAML the way the sample records are written — and the same bytes every time.

Not a general YAML dumper: a small writer whose every choice is ours. Keys come in the order the
draft holds them (``draft.FIELD_ORDER``); lists are indented under their key; a short list of ids
is written in brackets (``executors: [kuznetsk-heads]``). A string is left plain only when a
YAML 1.2 reader (nor-docs, an editor) and a YAML 1.1 one (PyYAML) both read it back as the same
string: «: » or « #» inside, a leading «-», «[», «"», a value that looks like a number, a date,
a time or «да/нет» words — all quoted. Long text is a folded block (``>-``) wrapped at 100
columns, never inside a deadline mark ``[[…]]``; text with line breaks a literal block (``|-``);
what neither can hold exactly (leading or trailing spaces on a line, tabs, control characters) is
double-quoted with escapes.
Notes for a person are ``# проверьте: …`` lines above the field or the list item they concern.
"""

from __future__ import annotations

import re
from typing import Any

from .draft import Node

WIDTH = 100
INDENT = 2

_PLAIN_FIRST_BAD = set("-?:,[]{}#&*!|>'\"%@`")
_LOOKS_TYPED = re.compile(
    r"""^(?:
        ~|null|Null|NULL|true|True|TRUE|false|False|FALSE|
        y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF|
        [-+]?(?:\.[0-9]+|[0-9][0-9_]*(?:\.[0-9_]*)?)(?:[eE][-+]?[0-9]+)?|
        [-+]?0[xob][0-9a-fA-F_]+|
        [-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)|
        [-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?|
        [0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:[Tt ].*)?|
        =|<<
    )$""",
    re.VERBOSE,
)
_NEEDS_ESCAPE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff\t]")
_ID = re.compile(r"^[a-z0-9][a-z0-9._-]*$")
_DOTTED_NUMBER = re.compile(r"^\d{1,3}(?:\.\d{1,3})+$")  # «1.3.1»: quoted, as the records write item numbers


def plain_ok(text: str) -> bool:
    """Whether ``text`` reads back as itself unquoted, on one line."""
    if not text or text != text.strip() or "\n" in text or _NEEDS_ESCAPE.search(text):
        return False
    if text[0] in _PLAIN_FIRST_BAD:
        return False
    if ": " in text or " #" in text or text.endswith(":") or "\t" in text:
        return False
    return not _LOOKS_TYPED.match(text) and not _DOTTED_NUMBER.match(text)


def double_quoted(text: str) -> str:
    out = []
    for ch in text:
        if ch == "\\":
            out.append("\\\\")
        elif ch == '"':
            out.append('\\"')
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif _NEEDS_ESCAPE.match(ch):
            code = ord(ch)
            out.append(f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def _foldable(text: str) -> bool:
    return (
        text == text.strip() and "\n" not in text and "  " not in text and not _NEEDS_ESCAPE.search(text)
        and text != ""
    )  # fmt: skip


def _literal_ok(text: str) -> bool:
    if _NEEDS_ESCAPE.search(text) or text != text.strip("\n") or not text.strip():
        return False
    lines = text.split("\n")
    if lines[0].startswith(" ") or lines[0] == "":
        return False
    return all(line == line.rstrip() for line in lines)


def _words(text: str) -> list[str]:
    """The words a line may break between: a deadline mark «[[до 1 июня 2014 г.]]» is one."""
    words: list[str] = []
    for word in text.split(" "):
        if words and "[[" in words[-1] and "]]" not in words[-1].rsplit("[[", 1)[1]:
            words[-1] += " " + word
        else:
            words.append(word)
    return words


def _wrap(text: str, width: int) -> list[str]:
    words = _words(text)
    lines: list[str] = []
    current = ""
    for word in words:
        if current and len(current) + 1 + len(word) > width:
            lines.append(current)
            current = word
        else:
            current = f"{current} {word}" if current else word
    if current:
        lines.append(current)
    return lines


def scalar(value: Any) -> str:
    """A scalar on one line (no block styles): for flow lists and short values."""
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int):
        return str(value)
    text = str(value)
    return text if plain_ok(text) else double_quoted(text)


class _Writer:
    def __init__(self) -> None:
        self.lines: list[str] = []

    def comment(self, indent: int, text: str) -> None:
        prefix = " " * indent + "# "
        for i, line in enumerate(_wrap(text, max(WIDTH - len(prefix) - 2, 40))):
            self.lines.append(prefix + ("  " + line if i else line))

    def notes(self, node: Any, key: str | None, indent: int) -> None:
        if isinstance(node, Node):
            for note in node.notes.get(key, ()):
                self.comment(indent, note)

    def value_after_key(self, prefix: str, value: Any, indent: int) -> None:
        """``prefix`` is «key:» (already indented, maybe after «- »); write the value."""
        if isinstance(value, dict):
            if not value:
                self.lines.append(prefix + " {}")
                return
            self.lines.append(prefix)
            self.mapping(value, indent + INDENT)
        elif isinstance(value, list):
            if not value:
                self.lines.append(prefix + " []")
                return
            if all(isinstance(v, str) and _ID.match(v) for v in value):
                flow = f"{prefix} [{', '.join(value)}]"
                if len(flow) <= WIDTH:
                    self.lines.append(flow)
                    return
            self.lines.append(prefix)
            self.sequence(value, indent + INDENT)
        elif isinstance(value, str):
            self.string(prefix, value, indent + INDENT)
        else:
            self.lines.append(f"{prefix} {scalar(value)}")

    def string(self, prefix: str, text: str, body_indent: int) -> None:
        one_line = f"{prefix} {scalar(text)}"
        if "\n" not in text and (len(one_line) <= WIDTH or not _foldable(text)):
            self.lines.append(one_line)
            return
        pad = " " * body_indent
        if "\n" in text:
            if _literal_ok(text):
                self.lines.append(prefix + " |-")
                self.lines.extend(pad + line if line else "" for line in text.split("\n"))
            else:
                self.lines.append(f"{prefix} {double_quoted(text)}")
            return
        self.lines.append(prefix + " >-")
        self.lines.extend(pad + line for line in _wrap(text, WIDTH - body_indent))

    def mapping(self, mapping: dict, indent: int, first_prefix: str | None = None) -> None:
        pad = " " * indent
        for i, (key, value) in enumerate(mapping.items()):
            if i == 0 and first_prefix is not None:
                prefix = f"{first_prefix}{key}:"
            else:
                self.notes(mapping, key, indent)
                prefix = f"{pad}{key}:"
            self.value_after_key(prefix, value, indent)

    def sequence(self, items: list, indent: int) -> None:
        pad = " " * indent
        for item in items:
            self.notes(item, None, indent)
            if isinstance(item, dict) and item:
                first = next(iter(item))
                self.notes(item, first, indent)
                self.mapping(item, indent + INDENT, first_prefix=f"{pad}- ")
            elif isinstance(item, list):
                self.lines.append(f"{pad}-")
                self.sequence(item, indent + INDENT)
            elif isinstance(item, str):
                self.string(f"{pad}-", item, indent + INDENT)
            else:
                self.lines.append(f"{pad}- {scalar(item)}")


def dump(data: Node, header: list[str]) -> str:
    """The YAML text of a record: ``header`` comment lines (the schema modeline first), then the
    record with its notes."""
    writer = _Writer()
    for line in header:
        if line.startswith("# yaml-language-server:"):
            writer.lines.append(line)
        else:
            writer.comment(0, line)
    writer.notes(data, None, 0)
    writer.mapping(data, 0)
    return "\n".join(writer.lines) + "\n"
