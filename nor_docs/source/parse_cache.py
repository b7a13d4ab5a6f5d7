"""A cache of parsed record files, so that a full rebuild does not parse unchanged YAML again.

``ParseCache(folder).read(path, shown)`` is ``read_source(path, shown)``: the file's bytes are
read and hashed (SHA-256, the content hash a build's manifest keeps), and a file parsed before —
by this same reader — is taken from ``folder/<hash>.marshal`` instead of being parsed: its data
and position index, marshalled (a tenth of a millisecond against a millisecond of parsing for a
five-page meeting). Only a file that parsed without a single problem is kept; one with a problem
is parsed every time, so its diagnostics are always the reader's own. An entry that is not what
this reader would have written (another reader, another Python, a damaged file) is parsed again
and rewritten. Entries are written atomically; ``prune`` removes those of files no longer there.

A build of protocols keeps its cache beside its outputs (``build/protocols/.nor-docs-cache``);
``NOR_DOCS_PARSE_CACHE=0`` turns it off. The cache never changes a result: the data, the
positions and the bytes of a file come out as parsing gives them.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import sys
from array import array
from pathlib import Path

from ..diagnostics import Diagnostic
from ..outputs.atomic import write_atomic
from .yamlsource import Source, parse_source, read_source

FOLDER_NAME = ".nor-docs-cache"
_SUFFIX = ".marshal"
_BOM = b"\xef\xbb\xbf"


def enabled() -> bool:
    """Whether builds keep a parse cache (``NOR_DOCS_PARSE_CACHE=0`` says no)."""
    return os.environ.get("NOR_DOCS_PARSE_CACHE", "1") != "0"


def _reader_version() -> bytes:
    """What an entry must have been written by: this reader's source, the versions of Python,
    marshal and PyYAML (and whether its C parser is there)."""
    import yaml

    digest = hashlib.sha256()
    digest.update(f"{sys.version}\0{marshal.version}\0{yaml.__version__}\0{yaml.__with_libyaml__}\0".encode())
    for module in ("yamlsource.py", "parse_cache.py"):
        digest.update((Path(__file__).resolve().parent / module).read_bytes())
    return digest.hexdigest().encode()


class ParseCache:
    """Parsed record files by content hash, in ``folder`` (made when the first entry is written)."""

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)
        self._version = _reader_version()

    def read(self, path: Path, shown: str) -> tuple[Source | None, list[Diagnostic]]:
        """``read_source(path, shown)``, from the cache when the file parsed cleanly before."""
        try:
            raw = path.read_bytes()
        except OSError:
            return read_source(path, shown)  # it reports why
        if raw.startswith(_BOM):  # the reader strips it: such a file is simply parsed
            return parse_source(raw, shown)
        entry = self.folder / (hashlib.sha256(raw).hexdigest() + _SUFFIX)
        source = self._load(entry, raw, shown)
        if source is not None:
            return source, []
        source, found = parse_source(raw, shown)
        if source is not None and not found:
            self._store(entry, source)
        return source, found

    def _load(self, entry: Path, raw: bytes, shown: str) -> Source | None:
        try:
            blob = entry.read_bytes()
        except OSError:
            return None
        version, _, body = blob.partition(b"\n")
        if version != self._version:
            return None
        try:
            data, values, keys, sizes, comment = marshal.loads(body)
        except (EOFError, ValueError, TypeError):
            return None
        if type(data) is not dict or not all(type(x) is bytes for x in (values, keys, sizes)):
            return None
        if comment is not None and type(comment) is not str:
            return None
        arrays = array("q"), array("q"), array("l")
        try:
            for target, packed in zip(arrays, (values, keys, sizes)):
                target.frombytes(packed)
        except ValueError:
            return None
        if not len(arrays[0]) == len(arrays[1]) == len(arrays[2]) > 0:
            return None
        return Source(shown, data, *arrays, schema_comment=comment, raw=raw)

    def _store(self, entry: Path, source: Source) -> None:
        """Keep ``source``; a value marshal cannot write (a number that remembers how it was
        written, ``YamlInt``) or a folder that cannot be written leaves the file uncached."""
        try:
            body = marshal.dumps((source.data, source.values.tobytes(), source.keys.tobytes(),
                                  source.sizes.tobytes(), source.schema_comment))  # fmt: skip
        except ValueError:
            return
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            write_atomic(entry, self._version + b"\n" + body, durable=False)
        except OSError:  # a full disk, say: no empty folder is left behind either
            try:
                self.folder.rmdir()
            except OSError:
                pass

    def prune(self, keep: set[str]) -> None:
        """Remove the entries whose content hash is not in ``keep`` (files changed or gone)."""
        try:
            entries = list(os.scandir(self.folder))
        except OSError:
            return
        for item in entries:
            if item.name.endswith(_SUFFIX) and item.name[: -len(_SUFFIX)] not in keep:
                try:
                    os.unlink(item.path)
                except OSError:
                    pass
