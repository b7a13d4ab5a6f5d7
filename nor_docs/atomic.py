"""Atomic file output: write to a temporary file beside the target, then rename over it.

A killed process leaves either the old file or the new one, never half of one.
"""

from __future__ import annotations

import errno
import os
import tempfile
from pathlib import Path

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
}


def _file_mode() -> int:
    # mkstemp creates 0600 files; an output should get the usual rw-r--r-- (whatever the umask says).
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


_MODE = _file_mode()


def write_atomic(path: str | Path, data: bytes, *, durable: bool = True) -> None:
    """Write ``data`` to ``path`` via a temporary file and a rename. ``durable=False`` skips the
    fsync: a killed process still leaves no half file (the rename is atomic), only a power cut
    could — acceptable for outputs a build can always make again."""
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except FileExistsError:  # mkdir met a file where a folder must be
        raise NotADirectoryError(errno.ENOTDIR, "not a directory", str(path)) from None
    except OSError as error:  # name the file the user asked for, not its temporary twin
        error.filename = str(path)
        raise
    try:
        with os.fdopen(fd, "wb") as handle:
            os.fchmod(handle.fileno(), _MODE)
            handle.write(data)
            if durable:
                handle.flush()
                os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException as error:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        if isinstance(error, OSError):
            error.filename, error.filename2 = str(path), None
        raise


def os_error_text(error: OSError, *, with_path: bool = True) -> str:
    """An ``OSError`` for a user: what went wrong in Russian, and where («…: /path») unless the
    message already names the file."""
    what = _ERRNO_TEXT.get(error.errno) or f"ошибка ввода-вывода ({error.strerror or error})"
    return f"{what}: {error.filename}" if with_path and error.filename is not None else what

