"""Load a records folder into the model: every file read, checked against its schema, kept with
the positions of its values so later stages can point at a line.

Folders and what each file holds::

    records/settings.yaml        Settings (optional)
    records/directory/*.yaml     organizations, people, groups
    records/kinds.yaml           the office's document kinds, merged into the built-in ones
    records/meetings/*.yaml      one Meeting per file (id = file name)
    records/documents/*.yaml     one Meeting of another kind per file: decisions, orders…
    records/marks/*.yaml         execution marks, extensions, cancellations
    records/events/*.yaml        events relative deadlines hang on
    records/roadmaps/*.yaml      one Roadmap per file (id = file name)

``load_records`` never raises on bad input: what cannot be read or validated is reported as a
diagnostic and left out; the rest is loaded. Cross-record checks live in ``checks/``
(``pipeline.load_checked`` runs both).
"""

from __future__ import annotations

import contextlib
import difflib
import gc
import os
import re
import typing
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from ..diagnostics import Diagnostic
from ..russian.mixedscript import ID_LOOKALIKES
from ..source.layout import NOT_RECORDS, enclosing_records, looks_like_records, read_first, record_files, shown_path
from ..source.yamlsource import PLACEHOLDER, Source, os_problem, parse_source, read_source
from .common import ID_PATTERN, MAX_ID_LENGTH
from .directory import DirectoryFile, Group, Organization, Person
from .events import Event, EventsFile
from .kinds import Kind, KindsFile, builtin_kinds, merge_kinds
from .marks import Cancellation, ExecutionMark, Extension, MarksFile
from .meeting import Meeting
from .roadmap import Roadmap
from .settings import Settings

# How a record file is read: ``read_source``'s signature (a parse cache's ``read`` has it too).
Reader = Callable[[Path, str], tuple[Source | None, list[Diagnostic]]]

_ID = re.compile(ID_PATTERN)

# sub-folder (layout.FOLDERS) → the model of its files
FOLDERS: dict[str, type[BaseModel]] = {
    "directory": DirectoryFile,
    "meetings": Meeting,
    "documents": Meeting,
    "marks": MarksFile,
    "events": EventsFile,
    "roadmaps": Roadmap,
}


T = typing.TypeVar("T")


@dataclass
class Located(typing.Generic[T]):
    """A record (or part of one) with the file and path it came from."""

    value: T
    source: Source
    loc: tuple = ()

    @property
    def file(self) -> str:
        return self.source.path

    @property
    def position(self) -> tuple[int, int]:
        return self.source.position(self.loc)


@dataclass
class Records:
    """Everything loaded from one records folder, by id, with where each thing came from."""

    root: Path
    settings: Settings = field(default_factory=Settings)
    kinds: dict[str, Kind] = field(default_factory=builtin_kinds)  # document kinds by id (model/kinds.py)
    organizations: dict[str, Organization] = field(default_factory=dict)
    people: dict[str, Person] = field(default_factory=dict)
    groups: dict[str, Group] = field(default_factory=dict)
    events: dict[str, Event] = field(default_factory=dict)
    meetings: dict[str, Meeting] = field(default_factory=dict)
    roadmaps: dict[str, Roadmap] = field(default_factory=dict)
    marks: list[Located[ExecutionMark]] = field(default_factory=list)
    extensions: list[Located[Extension]] = field(default_factory=list)
    cancellations: list[Located[Cancellation]] = field(default_factory=list)
    origins: dict[str, Located[BaseModel]] = field(default_factory=dict)  # id → where it is defined
    # Files read but not loaded, for their schema errors, with the model each was checked
    # against: validation still checks the references they make (``references.py``).
    unvalidated: list[tuple[Source, type[BaseModel]]] = field(default_factory=list)
    # Records left out because their id was taken already (NOR107): (id, where the second one is).
    duplicates: list[tuple[str, Located[BaseModel]]] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)
    directory_sources: int = 0  # the first of ``sources``: settings and the directory, read first
    files: list[Path] = field(default_factory=list)  # every record file read, sorted
    # What is computed from the loaded records once per run (``assignments.collect_assignments``);
    # the records are not changed after loading.
    derived: dict = field(default_factory=dict, repr=False, compare=False)

    def where(self, record_id: str, loc: tuple = ()) -> tuple[str, int, int]:
        """(file, line, column) of ``loc`` inside the record ``record_id``."""
        origin = self.origins[record_id]
        line, col = origin.source.position(origin.loc + tuple(loc))
        return origin.file, line, col

    def kind_of(self, document) -> Kind:
        """The kind of a meeting or document record; an unknown ``document:`` (NOR122, reported by
        validation) is read as a protocol so that nothing else stumbles on it."""
        return self.kinds.get(document.document) or self.kinds.get("protocol") or builtin_kinds()["protocol"]

    def display_name(self, ref: str) -> str:
        """A human name for any id: person «Фамилия И.О.», organisation or group name."""
        if ref in self.people:
            return self.people[ref].short
        if ref in self.organizations:
            return self.organizations[ref].display_name
        if ref in self.groups:
            return self.groups[ref].name
        return ref


def load_records(
    root: str | Path, display_root: str | None = None, files: list[Path] | None = None, *, read: Reader = read_source
) -> tuple[Records, list[Diagnostic]]:
    """Load every record under ``root``; return what loaded and every problem found.

    ``files`` (paths under ``root``, in ``record_files`` order) loads only those: a builder that
    renders a few meetings loads the directory and settings plus just these meetings.

    The settings and the directory are read first, then the rest, file by file, each with ``read``
    (``read_source``, or a parse cache's ``read``: ``source/parse_cache.py``). A value that is only a scaffold's
    «…» is not filled (NOR102), and the model says nothing more about it. The cyclic garbage
    collector is paused while loading: the loaded objects hold no cycles, and its passes over
    the millions of young objects a large folder makes cost more than the parsing itself; the
    loaded objects are then frozen out of its reach (``gc.freeze``) for the rest of the run.
    """
    root = Path(root)
    records = Records(root=root)
    problems: list[Diagnostic] = []
    if not root.is_dir():
        what = ("это файл, а не папка; укажите папку с записями (--records)" if root.exists()
                else "папка с записями не найдена" + _where_records_are(root))  # fmt: skip
        problems.append(Diagnostic(str(root), 1, 1, "NOR001", what))
        return records, problems
    with gc_paused():
        unreadable: list[tuple[str, OSError]] = []
        refused: list[tuple[str, str]] = []
        records.files = record_files(root, unreadable, refused) if files is None else list(files)
        if files is None and not records.files and not unreadable and not refused and not looks_like_records(root):
            problems.append(Diagnostic(str(display_root or root), 1, 1, "NOR001", NOT_RECORDS))
        for folder, error in unreadable:
            shown = shown_path(Path(folder), root, display_root)
            problems.append(Diagnostic(shown, 1, 1, "NOR001", f"папка не читается: {os_problem(error)}"))
        for refused_path, why in refused:  # never opened: a link out of the repository, a pipe, a device
            shown = shown_path(Path(refused_path), root, display_root)
            problems.append(Diagnostic(shown, 1, 1, "NOR001", f"не читается: {why}"))
        first = [p for p in records.files if read_first(p, root)]
        rest = records.files[len(first) :]
        for file in first:
            source, found = read(file, shown_path(file, root, display_root))
            _add(file, source, found, root, records, problems)
        records.directory_sources = len(records.sources)
        for file in rest:
            source, found = read(file, shown_path(file, root, display_root))
            _add(file, source, found, root, records, problems)
    return records, problems


def claimed_ids(paths: list[Path]) -> dict[Path, str | None]:
    """The id each meeting or roadmap file claims: its ``id:``, else its name; None when it cannot
    be told (the file does not read, or its ``id:`` is not a valid id — it is an error anyway).

    Cheap for the usual file: one that holds neither the letters «id» nor a backslash (the only
    ways to write an ``id:`` key) claims its name, without parsing; the others are read with the
    reader ``load_records`` uses, so the answer is the one loading would give."""
    claims: dict[Path, str | None] = {}
    for path in paths:
        try:
            raw = path.read_bytes()
        except OSError:
            claims[path] = None
            continue
        if b"id" not in raw and b"\\" not in raw:
            claims[path] = path.stem if _valid_id(path.stem) else None
            continue
        source, _found = parse_source(raw, str(path))
        written = source.data.get("id") if source is not None else None
        if source is None:
            claims[path] = None
        elif written is None:
            claims[path] = path.stem if _valid_id(path.stem) else None
        else:
            claims[path] = written if isinstance(written, str) and _valid_id(written) else None
    return claims


def _valid_id(text: str) -> bool:
    return len(text) <= MAX_ID_LENGTH and _ID.fullmatch(text) is not None


@contextlib.contextmanager
def gc_paused():
    """Pause the cyclic garbage collector; on the way out, move what was made out of its reach."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()  # the loaded records live as long as the run; no need to scan them again
        if enabled:
            gc.enable()


def _add(path: Path, source: Source | None, found: list[Diagnostic], root: Path, records: Records,
         problems: list[Diagnostic]) -> None:  # fmt: skip
    """Check one file read into ``source`` against its model and register what it defines."""
    source, value, found = _check(path, source, found, root)
    problems.extend(found)
    _register_value(path, source, value, records, problems)


def model_of(path: Path, root: Path) -> type[BaseModel]:
    """The model a record file is checked against, by where it lies."""
    if path.parent == root and path.name == "settings.yaml":
        return Settings
    if path.parent == root and path.name == "kinds.yaml":
        return KindsFile
    return FOLDERS[path.relative_to(root).parts[0]]


def _check(path: Path, source: Source | None, found: list[Diagnostic], root: Path):
    """(source, the validated model or None, every problem so far) — the part of loading a file
    that does not depend on the others, so files can be checked in any order."""
    found = list(found)
    if source is None:
        return None, None, found
    found += _unfilled(source)
    return source, _validate(model_of(path, root), source, found), found


_PLACEHOLDER_BYTES = PLACEHOLDER.encode("utf-8")


def _unfilled(source: Source) -> list[Diagnostic]:
    """NOR102 at every value that is only a scaffold's «…» (``nor-docs new`` leaves them to be filled
    in); each is set aside, so that the model's complaint about the same value is not said too."""
    if _PLACEHOLDER_BYTES not in source.raw:
        return []
    found = []
    for loc, value in _string_values(source.data, ()):
        if value.strip() == PLACEHOLDER:
            line, col = source.position(loc)
            found.append(Diagnostic(source.path, line, col, "NOR102", f"не заполнено: вместо «{PLACEHOLDER}» впишите значение"))
            source.set_aside(loc)
    return found


def _string_values(data, loc: tuple):
    if isinstance(data, str):
        yield loc, data
    elif isinstance(data, dict):
        for key, value in data.items():
            yield from _string_values(value, loc + (key,))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from _string_values(value, loc + (i,))


def _register_value(path: Path, source: Source | None, value, records: Records,
                    problems: list[Diagnostic]) -> None:  # fmt: skip
    """Register what a checked file defines (in file order: the first definition of an id wins)."""
    if source is None:
        return
    records.sources.append(source)
    if value is None:
        records.unvalidated.append((source, model_of(path, records.root)))
        return
    if isinstance(value, Settings):
        records.settings = value
    elif isinstance(value, KindsFile):
        records.kinds, problems_found = merge_kinds(records.kinds, value)
        for i, loc, message in problems_found:
            line, col = source.position(("kinds", i) + loc)
            problems.append(Diagnostic(source.path, line, col, "NOR125", message))
    elif isinstance(value, (Meeting, Roadmap)):
        _identify(value, source, path, records, problems)
    elif isinstance(value, DirectoryFile):
        _register_all(records, problems, source, "organizations", value.organizations, records.organizations)
        _register_all(records, problems, source, "people", value.people, records.people)
        _register_all(records, problems, source, "groups", value.groups, records.groups)
    elif isinstance(value, EventsFile):
        _register_all(records, problems, source, "events", value.events, records.events)
    elif isinstance(value, MarksFile):
        records.marks.extend(Located(m, source, ("marks", i)) for i, m in enumerate(value.marks))
        records.extensions.extend(Located(m, source, ("extensions", i)) for i, m in enumerate(value.extensions))
        records.cancellations.extend(
            Located(m, source, ("cancellations", i)) for i, m in enumerate(value.cancellations)
        )


def _identify(value, source: Source, path: Path, records: Records, problems: list[Diagnostic]) -> None:
    """A meeting or roadmap: its id is ``id:`` or the file name."""
    record_id = value.id or path.stem
    if value.id is None and len(record_id) > MAX_ID_LENGTH:
        problems.append(Diagnostic(source.path, 1, 1, "NOR112",
                                   f"идентификатор из имени файла длиннее {MAX_ID_LENGTH} символов ({len(record_id)}): "
                                   "он станет именем документа; переименуйте файл короче или укажите id"))  # fmt: skip
        return
    if not _ID.match(record_id):
        problems.append(
            Diagnostic(
                source.path, 1, 1, "NOR112",
                f"идентификатор «{record_id}» из имени файла недопустим: только строчные латинские "
                "буквы, цифры, «.», «_», «-»; переименуйте файл или укажите id",
            )
        )  # fmt: skip
        return
    if value.id is None:
        value = value.model_copy(update={"id": record_id})
    target = records.meetings if isinstance(value, Meeting) else records.roadmaps
    _register(records, problems, record_id, value, target, Located(value, source, ()))


Listed = typing.TypeVar("Listed", Organization, Person, Group, Event)  # what a file lists, each with its id


def _register_all(records: Records, problems: list[Diagnostic], source: Source, kind: str, items: list[Listed],
                  target: dict[str, Listed]) -> None:  # fmt: skip
    for i, item in enumerate(items):
        _register(records, problems, item.id, item, target, Located(item, source, (kind, i)))


def _register(records: Records, problems: list[Diagnostic], record_id: str, value, target: dict, where: Located) -> None:
    """Add ``value`` under ``record_id``; all ids share one namespace (executors may be any)."""
    if record_id in records.origins:
        first = records.origins[record_id]
        line, col = where.source.position(where.loc + (("id",) if where.loc else ()))
        fline, _ = first.position
        problems.append(
            Diagnostic(
                where.file, line, col, "NOR107",
                f"идентификатор «{record_id}» уже занят ({first.file}:{fline}); дайте другой",
            )
        )  # fmt: skip
        records.duplicates.append((record_id, where))
        return
    records.origins[record_id] = where
    target[record_id] = value


def _validate(model: type[BaseModel], source: Source, problems: list[Diagnostic]):
    try:
        return model.model_validate(source.data)
    except ValidationError as error:
        problems.extend(_translate(model, source, error))
        return None


# --- pydantic errors → Russian diagnostics -------------------------------------------------

_TYPE_NAMES = {
    "string_type": "строка",
    "int_type": "целое число",
    "int_parsing": "целое число",
    "float_type": "число",
    "bool_type": "true или false",
    "list_type": "список",
    "dict_type": "словарь «поле: значение»",
    "model_type": "словарь «поле: значение»",
    "model_attributes_type": "словарь «поле: значение»",
    "date_type": "дата",
    "time_type": "время",
}


def _translate(model: type[BaseModel], source: Source, error: ValidationError) -> list[Diagnostic]:
    found = []
    errors = error.errors(include_url=False)
    # «persn:» is reported once, as a misspelt «person» (NOR101), not again as «person» missing
    suggested: set[tuple] = set()
    hints: dict[int, str | None] = {}  # error's index → the field name it may have meant
    for i, item in enumerate(errors):
        if item["type"] == "extra_forbidden":
            loc = tuple(item["loc"])
            known = sorted(_fields_at(model, loc[:-1]))
            hint = difflib.get_close_matches(str(loc[-1]), known, n=1, cutoff=0.6)
            hints[i] = hint[0] if hint else None
            if hint:
                suggested.add(loc[:-1] + (hint[0],))
    for i, item in enumerate(errors):
        loc = tuple(item["loc"])
        if source.is_placeholder(loc):
            continue  # the reader refused that value and said why
        kind = item["type"]
        message = item["msg"].removeprefix("Value error, ").removeprefix("Assertion failed, ")
        value = item.get("input")
        if kind == "extra_forbidden":
            name = str(loc[-1])
            known = sorted(_fields_at(model, loc[:-1]))
            meant = hints[i]
            tail = f"; возможно, «{meant}»?" if meant else (f"; допустимы: {', '.join(known)}" if known else "")
            line, col = source.key_position(loc)
            found.append(Diagnostic(source.path, line, col, "NOR101", f"неизвестное поле «{name}»{tail}"))
            continue
        if kind == "missing" and loc in suggested:
            continue
        line, col = source.position(loc)
        if kind == "missing":
            found.append(
                Diagnostic(source.path, line, col, "NOR102", f"не заполнено обязательное поле «{loc[-1]}»")
            )
        elif kind in _TYPE_NAMES:
            found.append(
                Diagnostic(
                    source.path, line, col, "NOR103",
                    f"поле «{_name(loc)}»: ожидается {_TYPE_NAMES[kind]}, а записано {_shown(value)}"
                    + (_as_list_hint(value) if kind == "list_type" else "")
                    + (_unquoted_mark_hint(loc, value) if kind == "string_type" else "")
                    + (_executor_entry_hint(loc, value) if kind == "string_type" else ""),
                )
            )  # fmt: skip
        elif kind == "literal_error":
            expected = item.get("ctx", {}).get("expected", "")
            found.append(
                Diagnostic(
                    source.path, line, col, "NOR103",
                    f"поле «{_name(loc)}»: {_shown(value)} не из списка; допустимо: {expected}",
                )
            )  # fmt: skip
        elif kind == "string_pattern_mismatch" and loc and loc[-1] in ("assignment", "ordered_by"):
            found.append(Diagnostic(source.path, line, col, "NOR103",
                                    f"поле «{_name(loc)}»: {_shown(value)} — не ссылка на поручение"
                                    f"{_reference_hint(value)}"))  # fmt: skip
        elif kind == "string_pattern_mismatch":
            found.append(
                Diagnostic(
                    source.path, line, col, "NOR103",
                    f"поле «{_name(loc)}»: {_shown(value)} — недопустимый идентификатор"
                    f"{_id_hint(value, in_list=bool(loc) and isinstance(loc[-1], int))}",
                )
            )  # fmt: skip
        elif kind == "string_too_long":
            limit = item.get("ctx", {}).get("max_length")
            found.append(Diagnostic(source.path, line, col, "NOR103",
                                    f"поле «{_name(loc)}»: не длиннее {limit} символов (здесь {len(str(value))}); "
                                    "сократите"))  # fmt: skip
        elif kind in ("string_too_short", "too_short"):
            found.append(
                Diagnostic(source.path, line, col, "NOR102", f"поле «{_name(loc)}» не может быть пустым")
            )
        elif kind.startswith(("greater_than", "less_than")):
            found.append(Diagnostic(source.path, line, col, "NOR103", f"поле «{_name(loc)}»: {_limit(item)}"))
        elif "такой даты нет" in message or "вне допустимого" in message:
            found.append(Diagnostic(source.path, line, col, "NOR105", message))
        elif kind == "deadline" or (loc and loc[-1] == "deadline"):
            found.append(Diagnostic(source.path, line, col, "NOR106", message))
        else:
            found.append(Diagnostic(source.path, line, col, "NOR103", f"поле «{_name(loc)}»: {message}"))
    return found


# Cyrillic letters that look like Latin ones: an id typed with the keyboard in the wrong layout
# for a letter or two looks right and is not.
_LOOKALIKES = ID_LOOKALIKES


def _id_hint(value, in_list: bool = False) -> str:
    """The end of the message on an invalid id: for one that looks right, what is wrong with it
    (a Cyrillic lookalike letter, capitals, spaces around) and the id it was most likely meant
    to be; for a list item holding several ids (``["ivanova, petrov"]``, ``[ivanova petrov]``),
    the list they make; else the rule."""
    parts = re.split(r"[,;\s]+", value.strip()) if in_list and isinstance(value, str) else []
    if len(parts) > 1 and all(_ID.match(part) for part in parts):
        return (": здесь несколько идентификаторов в одном элементе списка; запишите их отдельно: "
                f"[{', '.join(parts)}]")  # fmt: skip
    guess = value.strip().lower().translate(_LOOKALIKES) if isinstance(value, str) else ""
    if guess != value and _ID.match(guess):
        cyrillic = [ch for ch in value if "\u0400" <= ch <= "\u04ff"]
        if cyrillic:
            letters = ", ".join(f"«{ch}»" for ch in dict.fromkeys(cyrillic))
            return f": {letters} — кириллица, а не латиница; возможно, «{guess}»?"
        return f"; возможно, «{guess}»?"
    return "; пишите строчными латинскими буквами, цифрами, «.», «_», «-»"


def _reference_hint(value) -> str:
    """The rule of an assignment reference, and the reference ``value`` was most likely meant to be."""
    rule = ("; пишется <id заседания или дорожной карты>#<номер решения или пункта>: до «#» — строчные "
            "латинские буквы, цифры, «.», «_», «-»; после — номер, как в записи (буквы и цифры, между ними "
            "«.» или «-»), например 2023-12-14-mun4-wg#3")  # fmt: skip
    if not isinstance(value, str) or "#" not in value:
        return rule
    record, _, number = value.strip().partition("#")
    record = record.lower().translate(_LOOKALIKES)
    number = re.sub(r"[^0-9A-Za-zА-Яа-яЁё.-]+", "", number).strip(".-")
    from .marks import ASSIGNMENT_ID_PATTERN

    guess = f"{record}#{number}"
    if guess != value and re.match(ASSIGNMENT_ID_PATTERN, guess):
        return f"; возможно, «{guess}»?"
    return rule


def _as_list_hint(value) -> str:
    """Ids written as text where a list is expected (``executors: heads`` or ``heads, ivanova``):
    the same ids as a list."""
    if not isinstance(value, str):
        return ""
    ids = [part.strip() for part in value.split(",")]
    if all(_ID.match(part) for part in ids):
        return f"; запишите списком: [{', '.join(ids)}]"
    return ""


def _where_records_are(root: Path) -> str:
    """The way out when the records folder is not there: where it was looked for, and the
    records folder the current folder is inside of, if it is (``nor-docs validate`` run from
    ``records/meetings/`` while editing a meeting)."""
    if root.is_absolute():
        return "; проверьте путь в --records"
    absolute = Path(os.path.abspath(root))
    inside = enclosing_records(root)
    if inside is not None:
        return f" ({absolute}); вы внутри папки записей — укажите --records {os.path.relpath(inside)}"
    return (f" ({absolute}); запустите команду из папки, где лежит {root.name}/, "
            "или укажите папку: --records ПАПКА")


def _name(loc: tuple) -> str:
    names = [str(part) for part in loc if isinstance(part, str)]
    return names[-1] if names else "запись"


def _unquoted_mark_hint(loc: tuple, value) -> str:
    """``text: [[до 1 июня 2024 г.]]`` — a deadline mark YAML read as a list in a list: say so."""
    if not (isinstance(value, list) and len(value) == 1 and isinstance(value[0], list) and value[0]
            and all(isinstance(v, str) for v in value[0])):  # fmt: skip
        return ""
    written = "[[" + ", ".join(value[0]) + "]]"
    return (f"; значение, которое начинается с «[[» (срок в тексте), YAML читает как список — возьмите его "
            f'в кавычки: {loc[-1]}: "{written}"')


def _executor_entry_hint(loc: tuple, value) -> str:
    """An executor written as a mapping that is not ``{organization, responsible}``: say what it may be."""
    if not (isinstance(value, dict) and len(loc) >= 2 and loc[-2] == "executors"):
        return ""
    return ("; исполнитель — id из справочника или организация с ответственным: {organization: id "
            "организации, responsible: id человека} (оба поля, других нет)")


def _shown(value) -> str:
    if value is None:
        return "пустое значение"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (dict, list)):
        return "словарь" if isinstance(value, dict) else "список"
    return f"«{value}»"


def _limit(item: ErrorDetails) -> str:
    ctx = item.get("ctx", {})
    for key, words in (("ge", "не меньше"), ("gt", "больше"), ("le", "не больше"), ("lt", "меньше")):
        if key in ctx:
            return f"значение должно быть {words} {ctx[key]}"
    return item["msg"]


def _fields_at(model: type[BaseModel], loc: tuple) -> set[str]:
    """The field names allowed at ``loc`` inside ``model`` (for «did you mean» hints)."""
    current: typing.Any = model
    for part in loc:
        current = _unwrap(current)
        if isinstance(part, int):
            args = typing.get_args(current)
            current = args[0] if args else None
        elif isinstance(current, type) and issubclass(current, BaseModel) and part in current.model_fields:
            current = current.model_fields[part].annotation
        else:
            return set()
    current = _unwrap(current)
    if isinstance(current, type) and issubclass(current, BaseModel):
        return set(current.model_fields)
    return set()


def _unwrap(annotation):
    """Strip Optional[...] and Annotated[...] down to the model or list type inside."""
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (typing.Union, getattr(__import__("types"), "UnionType", None)):
            args = [a for a in typing.get_args(annotation) if a is not type(None)]
            annotation = args[0] if len(args) == 1 else annotation
            if len(args) != 1:
                return annotation
        else:
            return annotation
