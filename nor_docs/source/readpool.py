"""Read many record files, in two processes when there are enough of them to be worth it.

Parsing YAML is most of what ``validate`` spends on a large records folder, and it is per file.
``read_sources`` forks one worker (where the platform can fork). The files are cut into chunks;
this process takes chunks from the front, the worker from the back, until they meet — so each
reads as much as it can, whatever else the machine is busy with. Between its own chunks this
process also takes the chunks the worker has finished, and hands every result to the caller at
once, tagged with its place in ``jobs`` — the caller validates them while the worker reads on,
and puts them in order itself.

The worker sends its ``Source`` values — plain data and the compact position index — marshalled
(pickled if need be) into an anonymous in-memory file, and announces each chunk on a pipe with a
small note. Where the two meet, a chunk may be read by both; this process keeps its own. A
chunk the worker does not deliver whole (it failed, was killed, sent garbage) is read here.
``NOR_DOCS_JOBS=1`` turns the worker off; ``prefetch`` starts it before the caller has even
imported the models.
"""

from __future__ import annotations

import gc
import marshal
import mmap
import os
import pickle
import signal
import struct
import sys
from array import array
from collections.abc import Iterator
from pathlib import Path

from ..diagnostics import Diagnostic
from .yamlsource import Source, read_source

# Below these the fork costs more than it saves.
MIN_FILES = 16
MIN_BYTES = 256 * 1024
CHUNK_FILES = 16
_NOTE = struct.Struct("<qqq")  # chunk index, offset and length in the anonymous file
_FRONT = struct.Struct("<q")  # in shared memory: how many chunks this process has claimed

Result = tuple[Source | None, list[Diagnostic]]


def _jobs_allowed() -> int:
    try:
        return max(1, int(os.environ.get("NOR_DOCS_JOBS", "2")))
    except ValueError:
        return 2


def read_sources(jobs: list[tuple[Path, str]], min_bytes: int = MIN_BYTES) -> Iterator[tuple[int, Result]]:
    """``(i, read_source(path, shown))`` for every ``i, (path, shown)`` of ``jobs``, each once, in
    no fixed order: this process's own results and the worker's as they come, so the caller works
    on both while the worker reads on.

    A worker ``prefetch`` started for exactly these files is used.
    """
    early = _take_prefetched(jobs)
    if early is not None:
        worker = early.worker
    elif _worth_a_worker(jobs, min_bytes):
        worker = _Worker(jobs)
    else:
        for i, (path, shown) in enumerate(jobs):
            yield i, read_source(path, shown)
        return
    chunks = worker.chunks
    pending = set(range(len(chunks)))
    try:
        front = 0
        while True:
            for index in worker.announced():  # what the worker has finished, meanwhile
                if index in pending:
                    results = worker.results(index)
                    if results is not None:
                        pending.discard(index)
                        yield from enumerate(results, chunks[index][0])
            if front == len(chunks) or front not in pending or worker.has_announced(front):
                break  # met the worker: what is left is its, finished or being finished
            worker.claim(front)
            start, end = chunks[front]
            for i in range(start, end):
                yield i, read_source(*jobs[i])
            pending.discard(front)
            front += 1
        for index in sorted(pending):
            start, end = chunks[index]
            results = worker.results(index, wait=True)
            if results is None:  # the worker is gone: read it here
                results = [read_source(path, shown) for path, shown in jobs[start:end]]
            yield from enumerate(results, start)
    finally:
        worker.stop()


def _worth_a_worker(jobs: list[tuple[Path, str]], min_bytes: int) -> bool:
    if len(jobs) < MIN_FILES or not hasattr(os, "fork") or _jobs_allowed() < 2:
        return False
    threading = sys.modules.get("threading")
    if threading is not None and threading.active_count() > 1:
        return False  # forking a process that runs threads may copy a lock some thread holds
    total = 0
    for path, _ in jobs:
        try:
            total += os.stat(path).st_size
        except OSError:
            pass
        if total >= min_bytes:
            return True
    return False


class _Prefetch:
    """A worker started early, and what it was started for."""

    def __init__(self, jobs: list[tuple[Path, str]], folder: tuple[str, str | None]):
        self.jobs, self.folder = jobs, folder
        self.worker = _Worker(jobs)


_prefetched: _Prefetch | None = None


def prefetch(root: str | Path, display_root: str | None = None) -> None:
    """Start the worker on the folder ``root`` now, before the caller imports the models (which
    takes a tenth of a second the worker can spend reading); ``load_records`` on the same
    folder then takes its results. Does nothing for a small folder or where it cannot fork."""
    global _prefetched
    from .layout import read_first, record_files, shown_path

    if _prefetched is not None and _prefetched.folder == (str(root), display_root):
        return  # already reading this folder
    cancel_prefetch()
    root = Path(root)
    if not root.is_dir():
        return
    files = record_files(root)
    first = [p for p in files if read_first(p, root)]
    jobs = [(p, shown_path(p, root, display_root)) for p in files[len(first) :]]
    if not _worth_a_worker(jobs, MIN_BYTES):
        return
    _prefetched = _Prefetch(jobs, (str(root), display_root))


def cancel_prefetch() -> None:
    """Stop a prefetched worker nobody took."""
    global _prefetched
    if _prefetched is not None:
        _prefetched.worker.stop()
        _prefetched = None


def _take_prefetched(jobs: list[tuple[Path, str]]) -> _Prefetch | None:
    global _prefetched
    early, _prefetched = _prefetched, None
    if early is None:
        return None
    if early.jobs != jobs:
        early.worker.stop()
        return None
    return early


class _Worker:
    """A forked child reading chunks of ``jobs`` from the back until it meets this process.

    Shared with it: ``front`` (in an anonymous shared page), how many chunks from the front this
    process has claimed — the child stops before a chunk below it; the anonymous file the child
    writes each chunk's results into; and the pipe on which it announces each chunk written."""

    def __init__(self, jobs: list[tuple[Path, str]]):
        self.chunks = [(i, min(i + CHUNK_FILES, len(jobs))) for i in range(0, len(jobs), CHUNK_FILES)]
        self.pid: int | None = None
        self.notes: int | None = None
        self.data: int | None = None
        self.ready: dict[int, tuple[int, int]] = {}  # chunk → (offset, length) announced, not taken
        self.taken: set[int] = set()  # chunks whose results were taken
        self._pending = b""
        self._ended = False
        try:
            self.front = mmap.mmap(-1, _FRONT.size)
            data = _anonymous_file()
            read_end, write_end = os.pipe()
        except OSError:
            self._ended = True
            return
        try:
            pid = os.fork()
        except OSError:
            for fd in (data, read_end, write_end):
                os.close(fd)
            self._ended = True
            return
        if pid == 0:  # the child: never returns
            code = 1
            try:
                os.close(read_end)
                gc.disable()
                offset = 0
                for index in range(len(self.chunks) - 1, -1, -1):
                    if _FRONT.unpack_from(self.front)[0] > index:
                        break  # this process has come this far: the rest is its
                    start, end = self.chunks[index]
                    payload = memoryview(_encode([read_source(p, s) for p, s in jobs[start:end]]))
                    written = 0
                    while written < len(payload):
                        written += os.pwrite(data, payload[written:], offset + written)
                    os.write(write_end, _NOTE.pack(index, offset, len(payload)))
                    offset += len(payload)
                code = 0
            finally:
                os._exit(code)
        os.close(write_end)
        os.set_blocking(read_end, False)
        self.pid, self.notes, self.data = pid, read_end, data

    def claim(self, index: int) -> None:
        """This process reads chunk ``index``: the worker is not to start it (or any before)."""
        if self.notes is not None:
            _FRONT.pack_into(self.front, 0, index + 1)

    def announced(self) -> list[int]:
        """The chunks the worker has announced so far (without waiting)."""
        self._take_notes(wait=False)
        return sorted(self.ready)

    def has_announced(self, index: int) -> bool:
        return index in self.ready or index in self.taken

    def results(self, index: int, wait: bool = False) -> list[Result] | None:
        """The worker's results for chunk ``index`` (waiting for them if ``wait``); None if they
        are not there (yet, or whole)."""
        while wait and index not in self.ready and not self._ended:
            self._take_notes(wait=True)
        if index not in self.ready or self.data is None:
            return None
        offset, size = self.ready.pop(index)
        self.taken.add(index)
        start, end = self.chunks[index]
        try:
            payload = bytearray()
            while len(payload) < size:
                piece = os.pread(self.data, size - len(payload), offset + len(payload))
                if not piece:
                    return None
                payload += piece
            results = _decode(payload)
        except Exception:
            return None
        return results if len(results) == end - start else None

    def _take_notes(self, wait: bool) -> None:
        if self._ended or self.notes is None:
            self._ended = True
            return
        if wait:
            os.set_blocking(self.notes, True)
        try:
            piece = os.read(self.notes, 64 * _NOTE.size)
        except BlockingIOError:
            piece = None
        except OSError:
            piece = b""
        finally:
            if wait:
                os.set_blocking(self.notes, False)
        if piece is None:
            return
        if not piece:
            self._ended = True  # the worker closed the pipe: all it will send is here
            return
        self._pending += piece
        whole = len(self._pending) - len(self._pending) % _NOTE.size
        for at in range(0, whole, _NOTE.size):
            index, offset, size = _NOTE.unpack_from(self._pending, at)
            if 0 <= index < len(self.chunks) and index not in self.taken:
                self.ready[index] = (offset, size)
        self._pending = self._pending[whole:]

    def stop(self) -> None:
        """Stop and reap the worker (it is done, or its work is not wanted); close the files."""
        if self.pid is not None:
            try:
                os.kill(self.pid, signal.SIGKILL)
            except OSError:
                pass
            os.waitpid(self.pid, 0)
            self.pid = None
        for fd in (self.notes, self.data):
            if fd is not None:
                os.close(fd)
        self.notes = self.data = None
        self._ended = True


def _encode(results: list[Result]) -> bytes:
    """The wire format: marshal (fast) of plain tuples; pickle when a value is not plain (a
    subclass of a built-in type, say)."""
    plain = [
        (
            None if source is None else (
                source.path, source.data, source.values.tobytes(), source.keys.tobytes(),
                source.sizes.tobytes(), source.schema_comment, source.placeholders, source.raw,
            ),
            [(d.file, d.line, d.column, d.code, d.message) for d in found],
        )
        for source, found in results
    ]  # fmt: skip
    try:
        return b"M" + marshal.dumps(plain)
    except ValueError:
        return b"P" + pickle.dumps(results, pickle.HIGHEST_PROTOCOL)


def _decode(payload: bytes | bytearray) -> list[Result]:
    if payload[:1] == b"P":
        return pickle.loads(memoryview(payload)[1:])
    results = []
    for plain, found in marshal.loads(memoryview(payload)[1:]):
        source = None
        if plain is not None:
            path, data, values, keys, sizes, comment, placeholders, raw = plain
            source = Source(path, data, _array("q", values), _array("q", keys), _array("l", sizes),
                            comment, placeholders, raw)  # fmt: skip
        results.append((source, [Diagnostic(*d) for d in found]))
    return results


def _array(kind: str, data: bytes) -> array:
    result = array(kind)
    result.frombytes(data)
    return result


def _anonymous_file() -> int:
    """A file descriptor of a file with no name, shared with a forked child."""
    if hasattr(os, "memfd_create"):
        return os.memfd_create("nor-docs-readpool", getattr(os, "MFD_CLOEXEC", 0))
    import tempfile

    handle = tempfile.TemporaryFile()
    return os.dup(handle.fileno())  # the handle closes; the duplicate keeps the file open
