"""Characters that lie: what the reader flags in records and what no output prints raw.

Three kinds of characters are invisible or change what is shown without being seen:

- control characters (C0 but tab and line breaks, DEL, C1): an ESC sequence clears a terminal,
  most of them make XML (a DOCX, a JUnit report) unreadable — the reader reports them (NOR010);
- bidirectional formatting (U+202E RIGHT-TO-LEFT OVERRIDE and its kin): text that reads one way
  and is stored another («Trojan Source») — NOR012;
- zero-width characters, a BOM inside the text, Unicode «tag» characters: a name that looks
  right and does not match the directory — NOR013.

``printable`` is what every diagnostic and every line printed for a terminal or a CI log passes
through: each such character (and any line break inside what must be one line) becomes a
visible YAML-style escape («\\u202e», «\\n»), so nothing in a record can move the cursor, forge
a line or hide a word in the output.
"""

from __future__ import annotations

import re

# U+061C ARABIC LETTER MARK, LRM/RLM, the embeddings and overrides, the isolates.
BIDI = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
# Zero-width space/non-joiner/joiner, word joiner and the invisible operators, the Mongolian
# vowel separator, a BOM (zero-width no-break space) anywhere but at the start of a file.
ZERO_WIDTH = "\u200b\u200c\u200d\u2060\u2061\u2062\u2063\u2064\u180e\ufeff"
_TAGS = "\U000e0000-\U000e007f"  # invisible «tag» letters (ASCII smuggled into text)

BIDI_CHARS = re.compile(f"[{BIDI}]")
INVISIBLE_CHARS = re.compile(f"[{ZERO_WIDTH}{_TAGS}]")
# Everything ``printable`` escapes: the above, every control character (line breaks and tabs
# too: a diagnostic is one line), the line and paragraph separators, non-characters, and lone
# surrogates (a file name that is not valid UTF-8, as Python decodes it).
_UNSAFE = re.compile(f"[\x00-\x1f\x7f-\x9f\u2028\u2029\ufffe\uffff\ud800-\udfff{BIDI}{ZERO_WIDTH}{_TAGS}]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t", "\x1b": "\\e"}


def _escape(match: re.Match) -> str:
    char = match.group()
    named = _NAMED.get(char)
    if named is not None:
        return named
    code = ord(char)
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


def printable(text: str, keep_lines: bool = False) -> str:
    """``text`` with every character that could lie to a reader escaped visibly: one line, or,
    with ``keep_lines``, each of its lines (a report of many lines keeps its «\n»)."""
    if not _UNSAFE.search(text):
        return text
    if keep_lines:
        return "\n".join(_UNSAFE.sub(_escape, line) for line in text.split("\n"))
    return _UNSAFE.sub(_escape, text)


def has_unsafe(text: str) -> bool:
    return _UNSAFE.search(text) is not None


def char_name(char: str) -> str:
    """«U+202E» for a character in a message."""
    return f"U+{ord(char):04X}"
