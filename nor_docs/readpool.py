"""Read many record files, in two processes when there are enough of them to be worth it.

Parsing YAML is most of what ``validate`` spends on a large records folder, and it is per file.
``read_sources`` forks one worker (where the platform can fork) that reads the later part of the
list and streams its ``Source`` values back in chunks — plain data and the compact position
index, marshalled (pickled if need be). Meanwhile this process reads the first part and hands each
result to the caller at once, so the caller validates its files while the worker still reads;
then it takes the worker's chunks as they come. Results come in the order of ``jobs`` either
way. Whatever the worker did not deliver whole (it failed, was killed, sent garbage) is read here
instead. ``NOR_DOCS_JOBS=1`` turns the worker off.
"""

from __future__ import annotations

import gc
import marshal
import os
import pickle
from array import array
import signal
import struct
from pathlib import Path
from typing import Iterator

from .diagnostics import Diagnostic
from .yamlsource import Source, Watch, read_source

# Below these the fork costs more than it saves.
MIN_FILES = 16
MIN_BYTES = 256 * 1024
# This process also validates every file it is handed (its own and the worker's), so the worker
# reads the larger share — larger still when it starts before this process has loaded the models.
WORKER_SHARE = 0.6
EARLY_WORKER_SHARE = 0.7
CHUNK_FILES = 32
_NOTE = struct.Struct("<QQ")  # offset and length of a chunk in the anonymous file

Result = tuple[Source | None, list[Diagnostic]]


def _jobs_allowed() -> int:
    try:
        return max(1, int(os.environ.get("NOR_DOCS_JOBS", "2")))
    except ValueError:
        return 2


def read_sources(jobs: list[tuple[Path, str]], watch: Watch | None = None,
                 min_bytes: int = MIN_BYTES) -> Iterator[Result]:  # fmt: skip
    """``read_source(path, shown, watch)`` of every ``(path, shown)`` in ``jobs``, in order.

    A worker ``prefetch`` started for exactly these files (and an equal watch) is used.
    """
    early = _take_prefetched(jobs)
    if early is not None:
        split, worker, watch = early.split, early.worker, early.watch
    else:
        split = _split(jobs, min_bytes, WORKER_SHARE)
        if split is None:
            for path, shown in jobs:
                yield read_source(path, shown, watch)
            return
        worker = _Worker(jobs[split:], watch)
    mine, theirs = jobs[:split], jobs[split:]
    try:
        for path, shown in mine:
            yield read_source(path, shown, watch)
        delivered = 0
        for chunk in worker.chunks():
            delivered += len(chunk)
            yield from chunk
        for path, shown in theirs[delivered:]:
            yield read_source(path, shown, watch)
    finally:
        worker.stop()


class _Prefetch:
    """A worker started early, and what it was started for."""

    def __init__(self, jobs: list[tuple[Path, str]], watch: Watch | None, split: int):
        self.jobs, self.watch, self.split = jobs, watch, split
        self.worker = _Worker(jobs[split:], watch)


_prefetched: _Prefetch | None = None


def prefetch(root: str | Path, display_root: str | None = None) -> None:
    """Start the worker on the folder ``root`` now, before the caller imports the models (which
    takes a tenth of a second the worker can spend reading); ``load_records`` on the same
    folder then takes its results. Does nothing for a small folder or where it cannot fork."""
    global _prefetched
    from .layout import read_first, record_files, shown_path
    from .spelling import watch_for_directory

    cancel_prefetch()
    root = Path(root)
    if not root.is_dir() or not hasattr(os, "fork"):
        return
    files = record_files(root)
    first = [p for p in files if read_first(p, root)]
    jobs = [(p, shown_path(p, root, display_root)) for p in files[len(first) :]]
    split = _split(jobs, MIN_BYTES, EARLY_WORKER_SHARE)
    if split is None:
        return
    directory_data = []
    for path in first:
        source, _ = read_source(path, shown_path(path, root, display_root))
        if source is not None and path.parent != root:
            directory_data.append(source.data)
    _prefetched = _Prefetch(jobs, watch_for_directory(directory_data), split)


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


def _split(jobs: list[tuple[Path, str]], min_bytes: int, share: float) -> int | None:
    """How many files this process reads itself; None: read them all here."""
    if len(jobs) < MIN_FILES or not hasattr(os, "fork") or _jobs_allowed() < 2:
        return None
    sizes = []
    for path, _ in jobs:
        try:
            sizes.append(os.stat(path).st_size)
        except OSError:
            sizes.append(0)
    total = sum(sizes)
    if total < min_bytes:
        return None
    mine, running = 0, 0
    for size in sizes:
        if running + size > total * (1 - share):
            break
        running += size
        mine += 1
    return max(1, min(mine, len(jobs) - 1))


class _Worker:
    """A forked child that reads ``jobs``. It writes each chunk of results, pickled, into an
    anonymous in-memory file and then announces it — offset and length — on a pipe. The pipe
    carries only those 16-byte notes, so it never fills and the worker never waits for us."""

    def __init__(self, jobs: list[tuple[Path, str]], watch: Watch | None):
        self.pid: int | None = None
        self.notes: int | None = None
        self.data: int | None = None
        self.expected = len(jobs)
        try:
            data = _anonymous_file()
            read_end, write_end = os.pipe()
        except OSError:
            return
        try:
            pid = os.fork()
        except OSError:
            for fd in (data, read_end, write_end):
                os.close(fd)
            return
        if pid == 0:  # the child: never returns
            code = 1
            try:
                os.close(read_end)
                gc.disable()
                offset = 0
                for start in range(0, len(jobs), CHUNK_FILES):
                    chunk = [read_source(p, s, watch) for p, s in jobs[start : start + CHUNK_FILES]]
                    payload = memoryview(_encode(chunk))
                    written = 0
                    while written < len(payload):
                        written += os.pwrite(data, payload[written:], offset + written)
                    os.write(write_end, _NOTE.pack(offset, len(payload)))
                    offset += len(payload)
                code = 0
            finally:
                os._exit(code)
        os.close(write_end)
        self.pid, self.notes, self.data = pid, read_end, data

    def chunks(self) -> Iterator[list[Result]]:
        """The worker's results, chunk by chunk, until it stops or sends something broken."""
        if self.notes is None or self.data is None:
            return
        received = 0
        while received < self.expected:
            try:
                note = _read_exactly(self.notes, _NOTE.size)
                if note is None:
                    return
                offset, size = _NOTE.unpack(note)
                payload = bytearray()
                while len(payload) < size:
                    piece = os.pread(self.data, size - len(payload), offset + len(payload))
                    if not piece:
                        return
                    payload += piece
                chunk = _decode(payload)
            except Exception:  # noqa: BLE001 - a broken stream means: read the rest here
                return
            if not isinstance(chunk, list) or not chunk or received + len(chunk) > self.expected:
                return
            received += len(chunk)
            yield chunk

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


def _encode(results: list[Result]) -> bytes:
    """The wire format: marshal (fast) of plain tuples; pickle when a value is not plain (a
    subclass of a built-in type, say)."""
    plain = [
        (
            None if source is None else (
                source.path, source.data, source.values.tobytes(), source.keys.tobytes(),
                source.sizes.tobytes(), source.schema_comment, source.watched, source.placeholders,
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
            path, data, values, keys, sizes, comment, watched, placeholders = plain
            source = Source(path, data, _array("q", values), _array("q", keys), _array("l", sizes),
                            comment, watched, placeholders)  # fmt: skip
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


def _read_exactly(fd: int, size: int) -> bytes | None:
    data = b""
    while len(data) < size:
        piece = os.read(fd, size - len(data))
        if not piece:
            return None
        data += piece
    return data
