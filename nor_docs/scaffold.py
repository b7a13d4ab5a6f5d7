"""``nor-docs new meeting``: a new meeting file with today's date and the fields to fill."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from .model.common import parse_date


class ScaffoldError(Exception):
    """The scaffold cannot be written (bad date or slug, or the file exists)."""


MEETING_TEMPLATE = """\
# yaml-language-server: $schema=../../nor_docs/schemas/meeting.schema.json
# Новое заседание. Заполните поля, удалите ненужные и запустите: nor-docs validate
kind: заседание рабочей группы
title: заседания рабочей группы по …          # заголовок в родительном падеже
issuer: …                                    # id организации из records/directory/
number: ""                                   # номер протокола, если есть
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


def scaffold_meeting(records_dir: str | Path, on: str | None, slug: str) -> Path:
    try:
        day = parse_date(on) if on else dt.date.today()
    except ValueError as error:
        raise ScaffoldError(str(error)) from None
    if not re.fullmatch(r"[a-z0-9][a-z0-9-]*", slug):
        raise ScaffoldError("slug — строчные латинские буквы, цифры и «-»")
    path = Path(records_dir) / "meetings" / f"{day.isoformat()}-{slug}.yaml"
    if path.exists():
        raise ScaffoldError(f"{path} уже есть; выберите другой --slug")
    due = day + dt.timedelta(days=30)
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "x", encoding="utf-8") as handle:
        handle.write(MEETING_TEMPLATE.format(date=day.isoformat(), due=due.strftime("%d.%m.%Y")))
    return path
