"""``nor-docs new meeting``: a new meeting file with today's date and the fields to fill."""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path

from ..exitcodes import OUTPUT, USAGE
from ..model.common import MAX_ID_LENGTH, parse_date
from ..source.layout import enclosing_records


class ScaffoldError(Exception):
    """The scaffold cannot be written: a bad date or slug (``exitcodes.USAGE``), or the file
    exists or cannot be written (``exitcodes.OUTPUT``, the default)."""

    def __init__(self, message: str, exit_code: int = OUTPUT):
        super().__init__(message)
        self.exit_code = exit_code


# «…» marks what is to be filled in: validate reports every «…» left (NOR102). Every part a
# protocol commonly has is here, each with a comment saying what goes in it.
MEETING_TEMPLATE = """\
# yaml-language-server: $schema={schema}
# Протокол заседания. Замените каждое «…» (nor-docs validate покажет, где они остались), ненужное
# удалите. Люди, организации и группы пишутся их id из records/directory/ (нет нужного человека —
# nor-docs new person …). Наведите курсор на поле — редактор подскажет, что в нём.
kind: заседание рабочей группы        # вид: совещание руководителей, установочный семинар…
title: …                              # в родительном падеже: заседания рабочей группы по реализации проекта «500+»
issuer: {issuer}                      # id организации, которая проводит заседание
# number: 1                           # номер протокола без «№», если есть
date: {date}
time: "10:00"
place: …                              # г. Каменка, ул. Ленина, д. 1, каб. 5
# format: {{mode: ВКС, platform: Сферум}}   # если по видеосвязи
chair:                                # председатель
  person: …                           # id человека из справочника
  label: Председатель
secretary:                            # секретарь («Протокол вела» — впишите в label)
  person: …
  label: Секретарь
attendees:                            # присутствовали
  - person: …
  # - group: heads                    # группа из справочника…
  #   count: 15                       # …числом: «15 руководителей ОО»
# invited:                            # приглашённые
#   - person: …
agenda:                               # повестка дня; у каждого пункта — СЛУШАЛИ, ВЫСТУПИЛИ, РЕШИЛИ
  - number: 1
    title: …                          # тема пункта: О результатах ВПР
    speakers:                         # докладчик (в повестке: «Доклад …»)
      - person: …
    heard:                            # СЛУШАЛИ: кого и что
      - person: …
        text: |
          …
    spoke:                            # ВЫСТУПИЛИ (удалите, если никто не выступал)
      - person: …
        text: |
          …
    decisions:                        # РЕШИЛИ
      - number: 1.1
        text: Информацию принять к сведению.    # без исполнителей — не поручение
      - number: 1.2
        executors: [ … ]              # кому: id людей, организаций или групп через запятую
        text: …                       # что сделать, со строчной: провести анализ результатов ВПР
        deadline: до {due}            # срок: до 31.01.2025, май 2025 года, ежеквартально, постоянно
# signers:                            # подписи, если подписывают не председатель и секретарь
#   - person: …
#     position: Председатель рабочей группы
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
    issuer = _office_id(Path(records_dir)) or "…"
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise ScaffoldError(f"не удалось создать папку {path.parent}: {_write_problem(error)}") from None
    text = _align_comments(MEETING_TEMPLATE.format(schema=schema_link(path, "meeting", Path(records_dir)), date=day.isoformat(),
                                   due=due.strftime("%d.%m.%Y"), issuer=issuer))  # fmt: skip
    try:
        with open(path, "x", encoding="utf-8") as handle:
            handle.write(text)
    except FileExistsError:
        raise ScaffoldError(f"{path} уже есть; выберите другой --slug") from None
    except OSError as error:
        raise ScaffoldError(f"не удалось записать {path}: {_write_problem(error)}") from None
    return path


def _align_comments(text: str, column: int = 38) -> str:
    """The explaining comments after the values in one column (a filled-in value may be longer)."""
    lines = []
    for line in text.splitlines():
        value, sep, comment = line.partition("  # ")
        if sep and value.strip() and not value.lstrip().startswith("#"):
            line = f"{value.rstrip():<{column - 1}} # {comment}"
        lines.append(line)
    return "\n".join(lines) + "\n"


def _write_problem(error: OSError) -> str:
    """Why a folder or file cannot be written, in Russian, with what to do."""
    if isinstance(error, PermissionError):
        return "нет прав на запись; проверьте права доступа или укажите другую папку (--records)"
    if isinstance(error, (FileExistsError, NotADirectoryError)):
        return "на пути к ней — файл, а не папка; укажите другую папку (--records)"
    from ..outputs.atomic import os_error_text

    return f"{os_error_text(error, with_path=False)}; укажите другую папку (--records)"


def schema_link(path: Path, kind: str, records_dir: Path) -> str:
    """The schema of ``kind`` as a path relative to the new file (what editors resolve): the
    records repository's own ``schemas/`` (``nor-docs init`` writes it beside ``records/``) when
    it has one, else the schemas nor-docs comes with."""
    own = records_dir.resolve().parent / "schemas" / f"{kind}.schema.json"
    schema = own if own.is_file() else Path(__file__).resolve().parent.parent / "schemas" / f"{kind}.schema.json"
    return Path(os.path.relpath(schema, path.parent.resolve())).as_posix()


def _office_id(records_dir: Path) -> str | None:
    """The id of the one education office the directory lists (``nor-docs init`` writes it), to
    fill in ``issuer``; None when there is none or more than one."""
    from ..source.yamlsource import read_source

    found = []
    for path in sorted((records_dir / "directory").glob("*.y*ml")):
        source, _ = read_source(path)
        items = source.data.get("organizations") if source is not None else None
        for item in items if isinstance(items, list) else ():
            if isinstance(item, dict) and item.get("kind") == "управление образования" and isinstance(item.get("id"), str):
                found.append(item["id"])
    return found[0] if len(found) == 1 else None
