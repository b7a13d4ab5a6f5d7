"""Where record files live in a records folder, in which order they are read, and how their
paths are shown. Light on purpose (no model imports): a no-op build lists the files with it
without loading the models.

    records/settings.yaml        office settings (optional)
    records/directory/*.yaml     organizations, people, groups
    records/kinds.yaml           the office's document kinds (optional; model/kinds.py)
    records/meetings/*.yaml      one meeting per file (id = file name)
    records/documents/*.yaml     decisions, orders, directives… (the same model as meetings)
    records/marks/*.yaml         execution marks, extensions, cancellations
    records/events/*.yaml        events relative deadlines hang on
    records/roadmaps/*.yaml      one roadmap per file (id = file name)
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from ..outputs.textsafety import has_unsafe

FOLDERS = ("directory", "meetings", "documents", "marks", "events", "roadmaps")
DOCUMENT_FOLDERS = ("meetings", "documents")  # folders of Meeting records (any document kind)
SETTINGS = "settings.yaml"
KINDS = "kinds.yaml"


NOT_RECORDS = ("это не папка записей: в ней нет ни settings.yaml, ни папок "
               + ", ".join(f"{f}/" for f in FOLDERS)
               + "; укажите папку с записями (--records) или начните с nor-docs new meeting")


def looks_like_records(root: Path) -> bool:
    """Whether ``root`` holds the settings or any record folder (empty ones too: records just begun)."""
    return (root / SETTINGS).is_file() or any((root / folder).is_dir() for folder in FOLDERS)


def enclosing_records(root: Path) -> Path | None:
    """For a relative ``root`` that is not there: the records folder the current folder is
    inside of (a command run from ``records/meetings/`` while editing a meeting), if any."""
    if root.is_absolute() or root.exists():
        return None
    here = Path(os.path.abspath(root)).parent
    return next((folder for folder in (here, *here.parents) if looks_like_records(folder)), None)


def record_files(root: Path, unreadable: list[tuple[str, OSError]] | None = None,
                 refused: list[tuple[str, str]] | None = None) -> list[Path]:  # fmt: skip
    """Every record file under ``root`` in a stable order: settings, then folder by folder,
    each sorted by path (subfolders included; symlinked folders are not followed).

    A ``.yaml`` name that cannot be followed (a symlink to nowhere, a loop of symlinks) is listed
    all the same, so that reading it reports why. A folder that cannot be listed is added to
    ``unreadable`` (its path and the error), if given; an absent top-level folder is not one.
    A ``.yaml`` name that must not be read is never listed: a symbolic link that leads out of the
    repository (its content is nobody's record, and might be a secret), or something that is not
    a file (a named pipe would hang the reader, ``/dev/zero`` would never end). It goes to
    ``refused`` with the reason, in Russian, if given.
    """
    boundary = repository_root(root)
    refused_here: list[tuple[str, str]] = [] if refused is None else refused
    files = []
    settings = root / SETTINGS
    if os.path.lexists(settings):
        why = _refusal(str(settings), settings.is_symlink(), boundary)
        if why is None:
            files.append(settings)
        else:
            refused_here.append((str(settings), why))
    kinds = root / KINDS
    if os.path.lexists(kinds):
        why = _refusal(str(kinds), kinds.is_symlink(), boundary)
        if why is None:
            files.append(kinds)
        else:
            refused_here.append((str(kinds), why))
    for folder in FOLDERS:
        found: list[str] = []
        path = os.path.join(root, folder)
        if os.path.islink(path) and not _inside(path, boundary):
            refused_here.append((path, _OUTSIDE.format(target=_link_text(path), what="папка")))
            continue
        _yaml_files(path, found, unreadable, refused_here, boundary, top=True)
        files.extend(Path(p) for p in sorted(found, key=lambda p: Path(p).parts))
    return files


def repository_root(root: Path) -> str:
    """The folder that symbolic links in the records may lead into: the git repository that holds
    the records folder (the nearest folder above it with ``.git``), else the records folder."""
    here = os.path.realpath(root)
    for folder in (Path(here), *Path(here).parents):
        if os.path.exists(os.path.join(folder, ".git")):
            return str(folder)
    return here


_OUTSIDE = ("символическая ссылка ведёт за пределы репозитория (на {target}): {what} вне репозитория не "
            "читается — положите в папку записей сам файл, а не ссылку")


def _inside(path: str, boundary: str) -> bool:
    target = os.path.realpath(path)
    return target == boundary or target.startswith(boundary.rstrip(os.sep) + os.sep)


def _link_text(path: str) -> str:
    try:
        return os.readlink(path)
    except OSError:
        return "?"


def _refusal(path: str, is_link: bool, boundary: str) -> str | None:
    """Why the entry ``path`` named like a record must not be read, or None (a regular file, or
    a link that cannot be followed: reading it says why)."""
    if is_link and not _inside(path, boundary):
        return _OUTSIDE.format(target=_link_text(path), what="файл")
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return None
    if stat.S_ISREG(mode):
        return None
    what = ("это папка, а не файл записи; переименуйте её или удалите ссылку" if stat.S_ISDIR(mode)
            else "это именованный канал (FIFO), а не файл: чтение из него зависло бы; удалите его" if stat.S_ISFIFO(mode)
            else "это устройство, а не файл; удалите его или ссылку на него" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode)
            else "это не обычный файл (сокет?); удалите его")  # fmt: skip
    return what


def _yaml_files(folder: str, found: list[str], unreadable: list | None, refused: list, boundary: str,
                top: bool = False) -> None:  # fmt: skip
    try:
        entries = os.scandir(folder)
    except OSError as error:
        if unreadable is not None and not (top and isinstance(error, FileNotFoundError)):
            unreadable.append((folder, error))
        return
    with entries:
        for entry in entries:
            if entry.is_dir(follow_symlinks=False):
                _yaml_files(entry.path, found, unreadable, refused, boundary)
            elif entry.name.endswith((".yaml", ".yml")):
                if has_unsafe(entry.name):
                    refused.append((entry.path, "в имени файла невидимый или управляющий символ; переименуйте файл"))
                    continue
                if entry.is_file(follow_symlinks=False):
                    found.append(entry.path)  # a plain file: the usual case, no system call
                    continue
                why = _refusal(entry.path, entry.is_symlink(), boundary)
                if why is None:
                    found.append(entry.path)
                else:
                    refused.append((entry.path, why))


def read_first(path: Path, root: Path) -> bool:
    """Settings and the directory are read before the rest (the rest is checked against them)."""
    return path.parent == root or path.relative_to(root).parts[0] == "directory"


def shown_path(path: Path, root: Path, display_root: str | None) -> str:
    """How a file is named in diagnostics: under ``display_root`` if given, else under ``root``."""
    relative = path.relative_to(root).as_posix()
    base = display_root if display_root is not None else root.as_posix()
    return f"{base.rstrip('/')}/{relative}" if base not in ("", ".") else relative
