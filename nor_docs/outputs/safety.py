"""Where a command may write: never inside the records folder, never two builds into one folder.

Every command that writes outside the records — ``check --output``, ``analyze --output``,
``calendar --out``, ``build … --out``, ``schema --out`` — asks ``refuse_inside_records`` about
its target before any work, with the target resolved through symbolic links (a link in the output
folder that points into the records is refused like the records themselves; ``init`` refuses a
folder inside records in the same spirit, ``init_office.py``). A build
holds ``output_lock`` on its output folder for as long as it writes there: a second build into the
same folder is refused with «уже идёт сборка» instead of tripping over the first one's temporary
files. The commands that add records (``new …``, ``import``, ``results import``) never write over
a file; those that edit one (``new person``, ``new organization``) or check names before writing
(``import``) hold the lock of that folder too, so that two runs cannot lose each other's work. How a single file is
written (atomically, or as a stream into a pipe or a device) is ``atomic.py``'s business.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path

LOCK_NAME = ".nor-docs.lock"


class OutputRefused(Exception):
    """The output cannot or must not be written; ``str()`` is the Russian message, ``exit_code``
    the command's exit code (``exitcodes.OUTPUT`` unless a subclass says otherwise)."""

    exit_code = 4  # exitcodes.OUTPUT


def inside(target: str | Path, folder: str | Path) -> bool:
    """Whether ``target`` (followed through symbolic links) is ``folder`` or lies inside it."""
    resolved, root = Path(os.path.realpath(target)), Path(os.path.realpath(folder))
    return resolved == root or resolved.is_relative_to(root)


def refuse_inside_records(target: str | Path, records_dir: str | Path, what: str, way_out: str) -> None:
    """Raise ``OutputRefused`` when ``target`` is inside the records folder ``records_dir``.
    ``what`` names the target in the message («папка для документов», «файл отчёта»), ``way_out``
    ends it («сборка не пишет в записи — укажите другую (по умолчанию build/protocols)»)."""
    if inside(target, records_dir):
        shown = f"«{target}»"
        if Path(target).is_symlink():
            shown += f" (ссылка на {os.path.realpath(target)})"
        raise OutputRefused(f"{what} {shown} находится внутри папки записей «{records_dir}»; {way_out}")


@contextlib.contextmanager
def output_lock(folder: str | Path, option: str = "--out", busy: str | None = None) -> Iterator[None]:
    """Hold the lock of the output folder ``folder`` (created if need be) while writing there.
    Raises ``OutputRefused`` when another nor-docs run holds it (``busy``, if given, is then the
    message: a command that is not a build says what it waits for), or when it cannot be taken
    (the folder cannot be created or written). Released when the process ends, however it ends."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - not POSIX: no lock, as before
        yield
        return
    from .atomic import os_error_text

    folder = Path(folder)
    path = folder / LOCK_NAME
    while True:
        try:
            folder.mkdir(parents=True, exist_ok=True)
            fd = os.open(path, os.O_RDWR | os.O_CREAT | getattr(os, "O_CLOEXEC", 0), 0o666)
        except OSError as error:
            raise OutputRefused(f"в папку «{folder}» нельзя писать: {os_error_text(error, with_path=False)}; "
                                f"укажите другую ({option})") from None  # fmt: skip
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            raise OutputRefused(busy or f"в папку «{folder}» уже идёт сборка (другой запуск nor-docs); дождитесь её "
                                        f"окончания или укажите другую папку ({option})") from None  # fmt: skip
        except OSError:
            break  # a file system without locks (some network shares): write as before
        # The lock file is removed when a run ends; one removed between our open and our lock is
        # not the lock any more: take the one now under the name.
        try:
            same = os.path.samestat(os.fstat(fd), os.stat(path))
        except OSError:
            same = False
        if same:
            break
        os.close(fd)
    try:
        yield
    finally:
        try:
            os.unlink(path)  # while still held: nobody else holds a lock on this file
        except OSError:
            pass
        os.close(fd)
