"""``nor-docs new meeting``: a new meeting file with today's date and the fields to fill."""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path

from .exitcodes import OUTPUT, USAGE
from .layout import enclosing_records
from .model.common import MAX_ID_LENGTH, parse_date


class ScaffoldError(Exception):
    """The scaffold cannot be written: a bad date or slug (``exitcodes.USAGE``), or the file
    exists or cannot be written (``exitcodes.OUTPUT``, the default)."""

    def __init__(self, message: str, exit_code: int = OUTPUT):
        super().__init__(message)
        self.exit_code = exit_code


# «…» marks what is to be filled in: validate reports every «…» left (NOR102).
MEETING_TEMPLATE = """\
# yaml-language-server: $schema={schema}
# Новое заседание. Замените каждое «…», удалите ненужное и запустите: nor-docs validate
kind: заседание рабочей группы
title: …                                     # в родительном падеже: «заседания рабочей группы по …»
issuer: …                                    # id организации из records/directory/
# number: 1                                  # номер протокола, если есть
date: {date}
time: "10:00"
place: …
chair:
  person: …                                  # id человека из справочника
secretary:
  person: …
  label: Секретарь
attendees:
  - person: …
agenda:
  - number: 1
    title: …
    speakers:
      - person: …
    heard:
      - person: …
        text: |
          …
decisions:
  - number: 1
    text: Информацию принять к сведению.
  - number: 2
    executors: [ … ]                           # люди, организации или группы
    text: …
    deadline: до {due}
signers:
  - person: …
    position: …
"""


def scaffold_meeting(records_dir: str | Path, on: str | None, slug: str, records_given: bool = False) -> Path:
    """Write the scaffold; a default ``records`` missing here while the current folder is inside
    a records folder is refused (``--records`` given says where to begin, and is obeyed)."""
    try:
        day = parse_date(on) if on else dt.date.today()
    except ValueError as error:
        raise ScaffoldError(str(error), USAGE) from None
    if not re.fullmatch(r"[a-z0-9][a-z0-9-]*", slug):
        raise ScaffoldError("slug — строчные латинские буквы, цифры и «-»", USAGE)
    if len(slug) > MAX_ID_LENGTH - 11:  # «2024-01-10-» and the slug make the meeting's id
        raise ScaffoldError(f"slug длиннее {MAX_ID_LENGTH - 11} символов: id заседания (дата и slug) стал бы "
                            "слишком длинным именем документа", USAGE)  # fmt: skip
    inside = None if records_given else enclosing_records(Path(records_dir))
    if inside is not None:  # not a second records/meetings/ inside the records folder
        raise ScaffoldError(f"папки {records_dir} здесь нет, а эта папка — внутри папки записей {inside}; "
                            f"укажите её: --records {os.path.relpath(inside)}", USAGE)  # fmt: skip
    path = Path(records_dir) / "meetings" / f"{day.isoformat()}-{slug}.yaml"
    if path.exists():
        raise ScaffoldError(f"{path} уже есть; выберите другой --slug")
    due = day + dt.timedelta(days=30)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise ScaffoldError(f"не удалось создать папку {path.parent}: {_write_problem(error)}") from None
    text = MEETING_TEMPLATE.format(schema=_schema_link(path, "meeting"), date=day.isoformat(),
                                   due=due.strftime("%d.%m.%Y"))  # fmt: skip
    try:
        with open(path, "x", encoding="utf-8") as handle:
            handle.write(text)
    except FileExistsError:
        raise ScaffoldError(f"{path} уже есть; выберите другой --slug") from None
    except OSError as error:
        raise ScaffoldError(f"не удалось записать {path}: {_write_problem(error)}") from None
    return path


def _write_problem(error: OSError) -> str:
    """Why a folder or file cannot be written, in Russian, with what to do."""
    if isinstance(error, PermissionError):
        return "нет прав на запись; проверьте права доступа или укажите другую папку (--records)"
    if isinstance(error, (FileExistsError, NotADirectoryError)):
        return "на пути к ней — файл, а не папка; укажите другую папку (--records)"
    from .atomic import os_error_text

    return f"{os_error_text(error, with_path=False)}; укажите другую папку (--records)"


def _schema_link(path: Path, kind: str) -> str:
    """The schema of ``kind`` as a path relative to the new file (what editors resolve)."""
    schema = Path(__file__).resolve().parent / "schemas" / f"{kind}.schema.json"
    return Path(os.path.relpath(schema, path.parent.resolve())).as_posix()
