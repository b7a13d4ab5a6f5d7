"""Where record files live in a records folder, in which order they are read, and how their
paths are shown. Light on purpose (no model imports): ``readpool`` lists the files with it
before the models are loaded.

    records/settings.yaml        office settings (optional)
    records/directory/*.yaml     organizations, people, groups
    records/meetings/*.yaml      one meeting per file (id = file name)
    records/marks/*.yaml         execution marks, extensions, cancellations
    records/events/*.yaml        events relative deadlines hang on
    records/roadmaps/*.yaml      one roadmap per file (id = file name)
"""

from __future__ import annotations

import os
from pathlib import Path

FOLDERS = ("directory", "meetings", "marks", "events", "roadmaps")
SETTINGS = "settings.yaml"


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


def record_files(root: Path, unreadable: list[tuple[str, OSError]] | None = None) -> list[Path]:
    """Every record file under ``root`` in a stable order: settings, then folder by folder,
    each sorted by path (subfolders included; symlinked folders are not followed).

    A ``.yaml`` name that cannot be followed (a symlink to nowhere, a loop of symlinks) is listed
    all the same, so that reading it reports why. A folder that cannot be listed is added to
    ``unreadable`` (its path and the error), if given; an absent top-level folder is not one.
    """
    files = [root / SETTINGS] if (root / SETTINGS).is_file() else []
    for folder in FOLDERS:
        found: list[str] = []
        _yaml_files(os.path.join(root, folder), found, unreadable, top=True)
        files.extend(Path(p) for p in sorted(found, key=lambda p: Path(p).parts))
    return files


def _yaml_files(folder: str, found: list[str], unreadable: list | None, top: bool = False) -> None:
    try:
        entries = os.scandir(folder)
    except OSError as error:
        if unreadable is not None and not (top and isinstance(error, FileNotFoundError)):
            unreadable.append((folder, error))
        return
    with entries:
        for entry in entries:
            if entry.is_dir(follow_symlinks=False):
                _yaml_files(entry.path, found, unreadable)
            elif entry.name.endswith((".yaml", ".yml")) and _is_record_file(entry):
                found.append(entry.path)


def _is_record_file(entry: os.DirEntry) -> bool:
    """A regular file (or a link to one), or a symlink that leads nowhere: reading it will say so.
    Anything else (a FIFO, a device, a link to a folder) is not a record and is skipped."""
    try:
        if entry.is_file():
            return True
    except OSError:
        return True  # a loop of symlinks: is_file() itself fails
    return entry.is_symlink() and not os.path.exists(entry.path)


def read_first(path: Path, root: Path) -> bool:
    """Settings and the directory are read before the rest (the rest is checked against them)."""
    return path.parent == root or path.relative_to(root).parts[0] == "directory"


def shown_path(path: Path, root: Path, display_root: str | None) -> str:
    """How a file is named in diagnostics: under ``display_root`` if given, else under ``root``."""
    relative = path.relative_to(root).as_posix()
    base = display_root if display_root is not None else root.as_posix()
    return f"{base.rstrip('/')}/{relative}" if base not in ("", ".") else relative
