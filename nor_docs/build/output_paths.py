"""Where a build writes: a document's file name, and whether an output folder may be written at all.

A file name is an id, never a way out of the output folder, never too long, never a pipe or a
device; an output folder is never inside the records. ``BuildRefused`` says why not, with the exit
code it stands for."""

from __future__ import annotations

import os
import re
from pathlib import Path

from ..exitcodes import INVALID_RECORDS, OUTPUT, USAGE
from ..model.ids import ID_PATTERN
from ..outputs.atomic import is_stream
from ..outputs.safety import OutputRefused, refuse_inside_records

_ID = re.compile(ID_PATTERN)
MAX_NAME_BYTES = 240  # of an output's file name: the file systems' 255, less room for our suffixes


class BuildRefused(OutputRefused):
    """The build cannot start or a document cannot be written (an output folder inside the
    records, a missing records folder, an argument that names nothing); ``exit_code`` says which
    (``exitcodes``)."""

    def __init__(self, message: str, exit_code: int = OUTPUT):
        super().__init__(message)
        self.exit_code = exit_code


def records_not_found(records_dir) -> BuildRefused:
    return BuildRefused(f"папка с записями «{records_dir}» не найдена", INVALID_RECORDS)


def usage_problem(message: str) -> BuildRefused:
    return BuildRefused(message, USAGE)


def output_path(out_dir: Path, name: str, suffix: str = ".docx") -> Path:
    """``out_dir/name.docx``, refusing any name that would leave ``out_dir`` (a link there that
    leads elsewhere included), that is too long for a file system, or that stands for something
    other than a file (a pipe or a device is not replaced, and a document is not streamed into it)."""
    if not _ID.fullmatch(name) or "/" in name or "\\" in name:
        raise BuildRefused(f"недопустимое имя файла «{name}»")
    if len(f"{name}{suffix}".encode()) > MAX_NAME_BYTES:
        raise BuildRefused(f"имя файла «{name[:40]}…{suffix}» длиннее {MAX_NAME_BYTES} байт; сократите идентификатор")
    path = out_dir / f"{name}{suffix}"
    if path.resolve().parent != out_dir.resolve():
        raise BuildRefused(f"файл «{name}{suffix}» оказался бы вне папки {out_dir}")
    if is_stream(path):
        raise BuildRefused(f"на месте документа {path} — не обычный файл (канал, устройство); удалите его")
    return path


def check_output_folder(records_dir: Path, out_dir: Path, default: str = "build/protocols") -> None:
    """Refuse, before any work, an output folder a build must not or cannot write: one inside the
    records (a build never writes into them), or one under a file or an unwritable folder."""
    try:
        refuse_inside_records(out_dir, records_dir, "папка для документов",
                              f"сборка не пишет в записи — укажите другую (по умолчанию {default})")
    except OutputRefused as error:
        raise BuildRefused(str(error)) from None
    out = Path(out_dir).resolve()
    existing = next(p for p in (out, *out.parents) if p.exists())
    if not existing.is_dir():
        raise BuildRefused(f"папка для документов «{out_dir}» не может быть создана: «{existing}» — файл, а не "
                           f"папка; укажите другую (по умолчанию {default})")  # fmt: skip
    if not os.access(existing, os.W_OK | os.X_OK):
        raise BuildRefused(f"в папку «{existing}» нельзя писать (нет прав); укажите другую папку для документов "
                           f"(по умолчанию {default})")  # fmt: skip


def shown_name(records_dir, name: str) -> str:
    """A record file (relative to the records folder) as diagnostics name it."""
    base = str(records_dir)
    return f"{base.rstrip('/')}/{name}" if base not in ("", ".") else name
