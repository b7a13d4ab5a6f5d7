"""``nor-docs new person`` / ``new organization``: append one entry to a directory file.

The file is edited as text, so its comments, order and formatting stay as the clerk left them:
the entry goes at the end of the file's ``people:`` (``organizations:``) list, indented as the
list's items are, or a new list is begun at the end of the file. The new text is checked before
it is written — the file must still read and pass its schema, and the id must be new in the whole
records folder (all ids share one namespace) — and written atomically, holding the lock of the
directory folder (two runs at once cannot lose each other's entry); a refused entry leaves the
file as it was. The file is a regular file of ``<records>/directory/`` (``--file`` elsewhere, a
link out of it or a pipe is refused).

Exit codes (``EntryError.exit_code``): 3 — the arguments (a bad id or name, a taken id, an unknown
organisation, ``--file`` outside the directory); 2 — the records (no records folder, a directory
file that does not pass its check already); 4 — the file cannot be written or is busy.
"""

from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path
from typing import get_args

from ..exitcodes import INVALID_RECORDS, OUTPUT, USAGE
from ..model.common import ID_PATTERN, MAX_ID_LENGTH
from ..model.directory import OrgKind
from ..outputs.safety import inside

ORG_KINDS: tuple[str, ...] = get_args(OrgKind)
_INITIALS = re.compile(r"^([А-ЯЁA-Z]\.\s?){1,2}$")


class EntryError(Exception):
    """The entry cannot be added (the message says why, in Russian; ``exit_code``: module doc)."""

    def __init__(self, message: str, exit_code: int = USAGE):
        super().__init__(message)
        self.exit_code = exit_code


def person_entry(person_id: str, full_name: str, position: str | None = None, organization: str | None = None,
                 gender: str | None = None) -> dict:  # fmt: skip
    """The fields of a person from «Фамилия Имя Отчество» (or «Фамилия И.О.», «Фамилия»+initials)."""
    words = full_name.replace("\u00a0", " ").split()
    if not words:
        raise EntryError("ФИО не может быть пустым: «Иванова Мария Петровна» или «Иванова М.П.»")
    entry: dict = {"id": person_id, "surname": words[0]}
    rest = " ".join(words[1:])
    if not rest:
        raise EntryError(f"«{full_name}»: нужно имя или инициалы — «{words[0]} Мария Петровна» или «{words[0]} М.П.»")
    compact = rest.replace(" ", "")
    if _INITIALS.match(compact) or _INITIALS.match(rest):
        entry["initials"] = compact
    elif len(words) in (2, 3) and all(w[0].isupper() and w.isalpha() for w in words[1:]):
        entry["first_name"] = words[1]
        if len(words) == 3:
            entry["patronymic"] = words[2]
    else:
        raise EntryError(f"«{full_name}»: пишите «Фамилия Имя Отчество» или «Фамилия И.О.»")
    if gender:
        entry["gender"] = gender
    if position:
        entry["position"] = position
    if organization:
        entry["organization"] = organization
    return entry


def organization_entry(org_id: str, name: str, kind: str, short_name: str | None = None,
                       municipality: str | None = None, parent: str | None = None) -> dict:  # fmt: skip
    if kind not in ORG_KINDS:
        raise EntryError(f"--kind «{kind}»: такого вида нет; допустимо: {', '.join(ORG_KINDS)}")
    entry: dict = {"id": org_id, "name": " ".join(name.split())}
    if not entry["name"]:
        raise EntryError("название не может быть пустым")
    if short_name:
        entry["short_name"] = short_name
    entry["kind"] = kind
    if municipality:
        entry["municipality"] = municipality
    if parent:
        entry["parent"] = parent
    return entry


def add_entry(records_dir: Path, section: str, entry: dict, file: Path | None = None) -> Path:
    """Append ``entry`` to the ``section`` (``people`` or ``organizations``) of a directory file;
    return the file. Refused (EntryError, nothing written): a bad or taken id, a reference to an
    unknown organisation, a file that would not pass its schema afterwards."""

    if not re.fullmatch(ID_PATTERN, entry["id"]) or len(entry["id"]) > MAX_ID_LENGTH:
        raise EntryError(f"id «{entry['id']}»: пишите строчными латинскими буквами, цифрами, «.», «_», «-», не длиннее "
                         f"{MAX_ID_LENGTH} символов (например, ivanova или sosh-3)")  # fmt: skip
    records_dir = Path(records_dir)
    if not records_dir.is_dir():
        raise EntryError(f"папки записей {records_dir} нет; укажите её (--records)", INVALID_RECORDS)
    if file is not None:
        _check_file(file, records_dir)
    from ..outputs.safety import OutputRefused, output_lock

    folder = file.parent if file is not None else records_dir / "directory"
    try:
        with output_lock(folder, busy=f"справочник в «{folder}» сейчас меняет другой запуск nor-docs; дождитесь его "
                                      "окончания и повторите"):  # fmt: skip
            return _add_entry(records_dir, section, entry, file)
    except OutputRefused as error:
        raise EntryError(str(error), OUTPUT) from None


def _add_entry(records_dir: Path, section: str, entry: dict, file: Path | None) -> Path:
    from ..outputs.atomic import write_atomic

    known = _known_ids(records_dir)
    if entry["id"] in known:
        raise EntryError(f"id «{entry['id']}» уже занят ({known[entry['id']][0]}); выберите другой")
    for field in ("organization", "parent"):
        value = entry.get(field)
        if value is not None and known.get(value, (None, None))[1] != "organizations":
            raise EntryError(_unknown_organization(field, value, known))
    path = file if file is not None else _default_file(records_dir, entry)
    if os.path.lexists(path):
        _check_file(path, records_dir)  # the default file too: a link out of the folder is not edited
    old = path.read_text(encoding="utf-8") if path.exists() else _new_directory_text(path, records_dir)
    new = append_to_section(old, section, entry_lines(entry))
    problems = _problems_of(new, path)
    if problems:
        # the file's own errors (then it is the records to fix), or what the entry would add
        already = path.exists() and bool(_problems_of(old, path))
        raise EntryError(f"{path} после добавления не прошёл бы проверку, запись не добавлена:\n" + "\n".join(problems),
                         INVALID_RECORDS if already else USAGE)  # fmt: skip
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, new.encode("utf-8"))
    except OSError as error:
        from ..outputs.atomic import os_error_text

        raise EntryError(f"не удалось записать {path}: {os_error_text(error, with_path=False)}", OUTPUT) from None
    return path


def _check_file(path: Path, records_dir: Path) -> None:
    """``path`` must be a YAML file of ``<records>/directory/`` (followed through links) and, if it
    exists, a regular file: a directory file anywhere else is never read as one, and a pipe would
    hang the reading."""
    folder = records_dir / "directory"
    if path.suffix not in (".yaml", ".yml") or not inside(path, folder) or os.path.realpath(path) == os.path.realpath(folder):
        raise EntryError(f"«{path}» — не файл справочника: укажите файл .yaml в папке {folder} (--file)")
    if path.exists() and not path.is_file():
        raise EntryError(f"«{path}» — не обычный файл (канал, устройство или папка); укажите файл .yaml в папке {folder}",
                         OUTPUT)  # fmt: skip


def entry_lines(entry: dict) -> list[str]:
    """The entry as a YAML list item, one ``field: value`` a line (item indent added later)."""
    lines = []
    for i, (key, value) in enumerate(entry.items()):
        lines.append(("- " if i == 0 else "  ") + f"{key}: {yaml_scalar(value)}")
    return lines


def yaml_scalar(text: str) -> str:
    """A value as YAML: plain where it reads back as the same text, else double-quoted."""
    plain = (not re.search(r"(^[\s\-?:,\[\]{}#&*!|>'\"%@`]|: | #|\s$|^(true|false|null|yes|no|~)$)", text,
                           re.IGNORECASE) and not re.fullmatch(r"[-+.\d][\d.:eE+-]*", text))  # fmt: skip
    return text if plain else '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def append_to_section(text: str, section: str, item: list[str]) -> str:
    """``text`` with ``item`` appended to the top-level list ``section:``; the rest unchanged."""
    lines = text.splitlines()
    header = re.compile(rf"^{section}:\s*(\[\s*\])?\s*(#.*)?$")
    start = next((i for i, line in enumerate(lines) if header.match(line)), None)
    if start is None:
        body = [f"{section}:", *("  " + line for line in item)]
        while lines and not lines[-1].strip():
            lines.pop()
        return "\n".join(lines + body) + "\n"
    opened = header.match(lines[start])
    if opened is not None and opened.group(1):  # «people: []»: begun empty, now a block list
        comment = opened.group(2)
        lines[start] = f"{section}:" + (f"  {comment}" if comment else "")
    end = start + 1  # the list runs while lines are indented, blank or comments
    last = start
    indent = None
    while end < len(lines) and (not lines[end].strip() or lines[end][0] in " \t#-"):
        if lines[end].strip() and not lines[end].lstrip().startswith("#"):
            last = end
            if indent is None and lines[end].lstrip().startswith("- "):
                indent = lines[end][: len(lines[end]) - len(lines[end].lstrip())]
        end += 1
    pad = indent if indent is not None else "  "
    new = lines[: last + 1] + [pad + line for line in item] + lines[last + 1 :]
    return "\n".join(new) + "\n"


def _known_ids(records_dir: Path) -> dict[str, tuple[str, str]]:
    """Every id the records folder defines: id → (where, the directory section or record kind)."""
    from ..model.records import load_records

    records, _ = load_records(records_dir)
    found = {}
    for record_id, origin in records.origins.items():
        line, _col = origin.position
        kind = origin.loc[0] if origin.loc else "meetings"
        found[record_id] = (f"{origin.file}:{line}", kind)
    return found


def _unknown_organization(field: str, value: str, known: dict) -> str:
    from ..model.near_ids import near_id

    organizations = sorted(k for k, (_, kind) in known.items() if kind == "organizations")
    hint = near_id(value, organizations)
    tail = f"; возможно, «{hint}»?" if hint else "; сначала добавьте её: nor-docs new organization …"
    return f"--{field} «{value}»: такой организации в справочнике нет{tail}"


def _default_file(records_dir: Path, entry: dict) -> Path:
    """Where an entry goes without ``--file``: the file that defines the person's organisation
    (or the organisation's parent), else the only directory file, else ``directory/people.yaml``
    or ``directory/organizations.yaml``."""
    from ..source.layout import record_files
    from ..source.yamlsource import read_source

    # as the records are read: no pipe or device named *.yaml, no link out of the repository
    files = [p for p in record_files(records_dir) if p.parent == records_dir / "directory"]
    owner = entry.get("organization") or entry.get("parent")
    if owner:
        for path in files:
            source, _ = read_source(path)
            items = source.data.get("organizations") if source is not None else None
            if isinstance(items, list) and any(isinstance(i, dict) and i.get("id") == owner for i in items):
                return path
    if len(files) == 1:
        return files[0]
    return records_dir / "directory" / ("people.yaml" if "surname" in entry else "organizations.yaml")


def _new_directory_text(path: Path, records_dir: Path) -> str:
    from .meeting import schema_link

    return f"# yaml-language-server: $schema={schema_link(path, 'directory', records_dir)}\n"


def _problems_of(text: str, path: Path) -> list[str]:
    """What reading and checking ``text`` as the directory file ``path`` would report."""
    from ..model.directory import DirectoryFile
    from ..model.records import _validate
    from ..source.yamlsource import read_source

    with tempfile.TemporaryDirectory() as folder:
        scratch = Path(folder) / path.name
        scratch.write_text(text, encoding="utf-8")
        source, found = read_source(scratch, str(path))
        if source is not None and not found:
            _validate(DirectoryFile, source, found)
    return [d.as_text() for d in found if d.is_error]
