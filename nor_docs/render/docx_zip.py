"""Writing a DOCX (an OPC zip package) byte for byte the same every time.

Python's ``zipfile`` stamps entries with the current time; this writer gives every entry the
same fixed time (1980-01-01 00:00, the zip epoch), keeps the template's entry order and stores
each part deflated at a fixed level. A part that does not change between documents (styles,
theme, settings, headers) is compressed once, at the best level, as a ``Part`` and its bytes
reused for every document; only the parts that differ (the body, the core properties) are
compressed per document, at the fastest level (a 5-page body: 0.2 ms instead of 0.55 ms, 6.4 KB
instead of 4.8 KB).
"""

from __future__ import annotations

import struct
import zlib
from dataclasses import dataclass

STATIC_LEVEL = 9  # compressed once per template
DYNAMIC_LEVEL = 1  # compressed once per document
_DOS_TIME = 0  # 00:00:00
_DOS_DATE = (0 << 9) | (1 << 5) | 1  # 1980-01-01
_VERSION = 20  # 2.0: deflate
_UTF8_FLAG = 0x800


@dataclass(frozen=True)
class Part:
    """One zip entry, already compressed."""

    name: str
    crc: int
    size: int
    data: bytes  # raw deflate stream

    @classmethod
    def of(cls, name: str, content: bytes, level: int = STATIC_LEVEL) -> Part:
        compressor = zlib.compressobj(level, zlib.DEFLATED, -15)
        data = compressor.compress(content) + compressor.flush()
        return cls(name, zlib.crc32(content), len(content), data)


def zip_parts(parts: list[Part]) -> bytes:
    """The zip archive of ``parts`` in the given order, with fixed times and attributes."""
    chunks: list[bytes] = []
    central: list[bytes] = []
    offset = 0
    for part in parts:
        name = part.name.encode("utf-8")
        flags = 0 if part.name.isascii() else _UTF8_FLAG
        header = struct.pack(
            "<IHHHHHIIIHH", 0x04034B50, _VERSION, flags, 8, _DOS_TIME, _DOS_DATE,
            part.crc, len(part.data), part.size, len(name), 0,
        )  # fmt: skip
        chunks += (header, name, part.data)
        central.append(
            struct.pack(
                "<IHHHHHHIIIHHHHHII", 0x02014B50, _VERSION, _VERSION, flags, 8, _DOS_TIME, _DOS_DATE,
                part.crc, len(part.data), part.size, len(name), 0, 0, 0, 0, 0o100644 << 16, offset,
            )  # fmt: skip
            + name
        )
        offset += len(header) + len(name) + len(part.data)
    directory = b"".join(central)
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(parts), len(parts), len(directory), offset, 0)
    return b"".join(chunks) + directory + end


def normalise_zip(raw: bytes) -> bytes:
    """The same package re-written deterministically (used for the shipped templates)."""
    import io
    import zipfile

    with zipfile.ZipFile(io.BytesIO(raw)) as archive:
        return zip_parts([Part.of(info.filename, archive.read(info)) for info in archive.infolist()])
