"""Writing an output file without ever leaving half of one, or destroying what the name stands for.

- A regular file (or a new name) is written atomically: a temporary file beside it, then a
  rename over it. A killed process leaves either the old file or the new one, never half of one.
- A name that is a symbolic link is followed: the file it points to is replaced the same way, and
  the link stays a link (``check --output report.txt`` where ``report.txt`` links elsewhere
  writes there, as the shell's ``>`` would). Whether that file may be written at all — never
  inside the records — is the caller's question (``outputs.refuse_inside_records``), asked of
  the resolved path.
- Anything else that exists under the name — a named pipe, a device (``/dev/null``,
  ``/dev/stdout``), a socket — is written as a stream, never replaced by a rename (which would
  turn ``/dev/null`` into a regular file when run as root, as CI containers do). So is every
  name under ``/dev/`` and ``/proc/``.
- A folder under the name is an error (``IsADirectoryError``), as are missing folders on a
  link's way (a link is never followed into folders that do not exist).
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

# What an operating-system error means, in Russian (its own text, strerror, is English).
_ERRNO_TEXT = {
    errno.ENOENT: "нет такой папки или файла",
    errno.EACCES: "нет прав на запись",
    errno.EPERM: "операция не разрешена",
    errno.EROFS: "диск только для чтения",
    errno.ENOSPC: "на диске нет места",
    errno.EDQUOT: "превышена квота диска",
    errno.ENOTDIR: "на пути — файл, а не папка",
    errno.EISDIR: "это папка, а не файл",
    errno.EEXIST: "файл уже существует",
    errno.ENAMETOOLONG: "слишком длинное имя",
    errno.ELOOP: "символические ссылки зациклены",
    errno.EIO: "ошибка ввода-вывода диска",
    errno.EFBIG: "файл слишком велик для этого диска",
    errno.EPIPE: "читающая сторона канала закрыта",
}

# The temporary twin of an output: short whatever the output's name (an id of 250 characters
# still leaves room), and recognisable, so that a build can remove the ones a killed run left.
TEMP_PREFIX = ".nor-docs-"
TEMP_SUFFIX = ".tmp"
TEMP_NAME = re.compile(r"^\.nor-docs-[A-Za-z0-9_]+\.tmp$")
_OLD_TEMP_NAME = re.compile(r"^\.[^/]+\.(docx|json|ics)\.[^.]+\.tmp$")  # named so by earlier versions
_STREAM_ROOTS = ("/dev/", "/proc/")


def _file_mode() -> int:
    # mkstemp creates 0600 files; an output should get the usual rw-r--r-- (whatever the umask says).
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


_MODE = _file_mode()


def is_stream(path: str | Path) -> bool:
    """Whether ``path`` names something that is written as a stream, not replaced: an existing
    non-regular file that is not a folder (followed through links), or a name under /dev or /proc."""
    text = os.path.abspath(path)
    if text.startswith(_STREAM_ROOTS):
        return True
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return False
    return not stat.S_ISREG(mode) and not stat.S_ISDIR(mode)


def final_path(path: str | Path) -> Path:
    """The file a write to ``path`` changes: ``path`` itself, or what a symbolic link there
    points to (through any chain of links)."""
    path = Path(path)
    return Path(os.path.realpath(path)) if path.is_symlink() else path


def write_atomic(path: str | Path, data: bytes, *, durable: bool = True) -> None:
    """Write ``data`` to ``path`` by the rules of the module doc. ``durable=False`` skips the
    fsync: a killed process still leaves no half file (the rename is atomic), only a power cut
    could — acceptable for outputs a build can always make again."""
    path = Path(path)
    if is_stream(path):
        write_stream(path, data)
        return
    target = final_path(path)
    tmp = write_temp(target, data, durable=durable, shown=path, make_parents=target == path)
    commit(tmp, target, shown=path)


def write_stream(path: str | Path, data: bytes) -> None:
    """Write ``data`` into a pipe, a device or any other stream under ``path`` (no rename)."""
    try:
        with open(path, "wb", buffering=0) as handle:
            view = memoryview(data)
            while view:
                written = handle.write(view)
                view = view[written:]
    except OSError as error:
        error.filename, error.filename2 = str(path), None
        raise


@contextlib.contextmanager
def open_atomic(path: str | Path, *, durable: bool = True) -> Iterator[BinaryIO]:
    """A file to write an output into piece by piece, by the rules of the module doc: a temporary
    twin renamed over ``path`` when the block ends without an error (removed when it does not), or
    the stream itself for a pipe or a device. A report of any size is written without being held
    in memory whole. Errors name ``path``."""
    path = Path(path)
    if is_stream(path):
        try:
            with open(path, "wb") as handle:
                yield handle
        except OSError as error:
            error.filename, error.filename2 = str(path), None
            raise
        return
    target = final_path(path)
    fd, tmp = _temp_beside(target, path, make_parents=target == path)
    try:
        with os.fdopen(fd, "wb") as handle:
            os.fchmod(handle.fileno(), _MODE)
            yield handle
            if durable:
                handle.flush()
                os.fsync(handle.fileno())
    except BaseException as error:
        discard(tmp)
        if isinstance(error, OSError):
            error.filename, error.filename2 = str(path), None
        raise
    commit(tmp, target, shown=path)


def _temp_beside(target: Path, shown: Path, make_parents: bool) -> tuple[int, str]:
    """A new temporary file beside ``target`` (its folder made if ``make_parents``): (fd, path)."""
    try:
        if make_parents:
            target.parent.mkdir(parents=True, exist_ok=True)
        return tempfile.mkstemp(prefix=TEMP_PREFIX, suffix=TEMP_SUFFIX, dir=target.parent)
    except FileExistsError:  # mkdir met a file where a folder must be
        raise NotADirectoryError(errno.ENOTDIR, "not a directory", str(shown)) from None
    except OSError as error:  # name the file the user asked for, not its temporary twin
        error.filename, error.filename2 = str(shown), None
        raise


def write_temp(target: Path, data: bytes, *, durable: bool = True, shown: Path | None = None,
               make_parents: bool = True) -> str:  # fmt: skip
    """Write ``data`` into a new temporary file beside ``target``; its path (``commit`` renames
    it over ``target``). Errors name ``shown`` (the path the user asked for), never the twin."""
    shown = shown or target
    fd, tmp = _temp_beside(target, shown, make_parents)
    try:
        with os.fdopen(fd, "wb") as handle:
            os.fchmod(handle.fileno(), _MODE)
            handle.write(data)
            if durable:
                handle.flush()
                os.fsync(handle.fileno())
    except BaseException as error:
        discard(tmp)
        if isinstance(error, OSError):
            error.filename, error.filename2 = str(shown), None
        raise
    return tmp


def commit(tmp: str, target: Path, *, shown: Path | None = None) -> None:
    """Rename the temporary file ``tmp`` over ``target`` (removing it if that fails)."""
    try:
        os.replace(tmp, target)
    except BaseException as error:
        discard(tmp)
        if isinstance(error, OSError):
            error.filename, error.filename2 = str(shown or target), None
        raise


def discard(tmp: str) -> None:
    try:
        os.unlink(tmp)
    except OSError:
        pass


def remove_leftovers(folder: Path) -> None:
    """Temporary files a killed run left in ``folder`` (never a half document under a real name).
    Only call it while holding the folder's lock (``outputs.output_lock``)."""
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    for entry in entries:
        if TEMP_NAME.match(entry.name) or _OLD_TEMP_NAME.match(entry.name):
            discard(entry.path)


def os_error_text(error: OSError, *, with_path: bool = True) -> str:
    """An ``OSError`` for a user: what went wrong in Russian, and where («…: /path») unless the
    message already names the file."""
    what = (_ERRNO_TEXT.get(error.errno) if error.errno is not None else None) or f"ошибка ввода-вывода ({error.strerror or error})"
    return f"{what}: {error.filename}" if with_path and error.filename is not None else what
