"""Import files: read → recognise → resolve → write the drafts, never over an existing file.

``load_directory`` reads the directory (and the settings and events) of a records folder once;
``draft_file`` turns one file into a ``Draft`` (no writing: the benchmark and the tests use it);
``import_file`` writes it — ``<out>/<folder>/<id>.yaml`` and, when there are new entries,
``<out>/directory/import-<id>.yaml`` — and refuses, writing neither, when either exists: an
existing record is never overwritten, and a draft a person has begun to fix is a record too.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from .draft import count_notes
from .draft_file import Draft
from .reading import ReadError, read_document
from .yaml_writer import dump


@dataclass
class Outcome:
    """What importing one file gave."""

    source: Path
    draft: Draft | None = None
    written: list[Path] = field(default_factory=list)
    problem: str | None = None  # why nothing was written
    notes_on_reading: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.problem is None


class DirectoryError(ValueError):
    """The records folder cannot give a directory to match against."""


def load_directory(records_dir: str | Path):
    """A ``DirectoryIndex`` over the settings, directory and events of ``records_dir`` (an absent
    folder is an empty directory: everything will be proposed), and the record files' diagnostics
    that are errors (a broken directory file matches nothing, and the user should know)."""
    from ..model.records import load_records
    from ..source.layout import read_first, record_files
    from .directory_index import DirectoryIndex

    root = Path(records_dir)
    if root.exists() and not root.is_dir():
        raise DirectoryError(f"«{records_dir}» — это файл, а не папка записей; укажите папку (--records)")
    if not root.is_dir():
        from ..model.records import Records

        return DirectoryIndex(Records(root=root)), []
    files = record_files(root)
    wanted = [p for p in files if read_first(p, root) or p.relative_to(root).parts[0] == "events"]
    records, problems = load_records(root, files=wanted)
    index = DirectoryIndex(records)
    # meetings and roadmaps are not read, but their ids (file names) are taken all the same
    index.taken.update(p.stem for p in files if p not in wanted)
    return index, [p for p in problems if p.is_error]


def draft_file(path: str | Path, index) -> tuple[Draft | None, str | None, list[str]]:
    """(draft, problem, notes on reading) for one file."""
    from .kinds import detect, not_yet

    path = Path(path)
    try:
        blocks, notes = read_document(path)
    except ReadError as error:
        return None, str(error), []
    if not blocks:
        return None, "в файле нет текста", notes
    kind = detect(blocks)
    other = not_yet(blocks) if kind is None or kind.name != "act" else None
    if other is not None:
        return None, (f"это {other}: такой документ импорт не распознал (он читает протоколы, выписки, "
                      "дорожные карты и решения, приказы, распоряжения, постановления с пунктами)"), notes  # fmt: skip
    if kind is None:
        return None, ("не похоже ни на протокол, ни на дорожную карту: нет ни «ПРОТОКОЛ», ни «СЛУШАЛИ / РЕШИЛИ», "
                      "ни таблицы мероприятий со сроками"), notes  # fmt: skip
    return kind.build(blocks, index, path.stem), None, notes


def render(draft: Draft, source_name: str, target: Path) -> tuple[str, str | None]:
    """(record YAML, directory-draft YAML or None) for ``draft`` written at ``target``."""
    from ..scaffold.meeting import schema_link

    header = [f"# yaml-language-server: $schema={schema_link(target, draft.schema, target.parent.parent)}",
              f"Черновик: {draft.what} из «{source_name}» (nor-docs import). Места, где нужен взгляд человека, "
              "отмечены «# проверьте:»; исправьте их, удалите эти пометки и запустите nor-docs validate."]  # fmt: skip
    record = dump(draft.record, header)
    directory = None
    if draft.proposals is not None:
        directory_target = target.parent.parent / "directory" / f"import-{draft.record_id}.yaml"
        directory = dump(draft.proposals, [
            f"# yaml-language-server: $schema={schema_link(directory_target, 'directory', target.parent.parent)}",
            f"Новые записи справочника из «{source_name}» (nor-docs import) для {draft.record_id}: людей, "
            "организаций и групп, которых в справочнике не нашлось. Проверьте каждую; если запись уже есть "
            "под другим написанием — замените id в черновике и удалите её здесь.",
        ])  # fmt: skip
    return record, directory


def import_file(path: str | Path, index, out_dir: str | Path) -> Outcome:
    """Import one file into ``out_dir`` (a records folder)."""
    from ..outputs.atomic import os_error_text, write_atomic

    path = Path(path)
    outcome = Outcome(path)
    try:
        draft, problem, notes = draft_file(path, index)
    except Exception as error:
        if os.environ.get("NOR_DOCS_DEBUG"):
            raise
        outcome.problem = (f"внутренняя ошибка импорта ({type(error).__name__}: {error}); запустите с "
                           "NOR_DOCS_DEBUG=1 и сообщите разработчикам — остальные файлы импортируются")  # fmt: skip
        return outcome
    outcome.notes_on_reading = notes
    if draft is None:
        outcome.problem = problem
        return outcome
    outcome.draft = draft
    out = Path(out_dir)
    target = out / draft.folder / f"{draft.record_id}.yaml"
    directory_target = out / "directory" / f"import-{draft.record_id}.yaml"
    record, directory = render(draft, path.name, target)
    existing = [p for p in (target, directory_target if directory else None) if p is not None and os.path.lexists(p)]
    if existing:
        outcome.problem = (f"{existing[0].as_posix()} уже есть — черновик не записан (запись не перезаписывается); "
                           "переименуйте или удалите её, или укажите другую папку: --out ПАПКА")  # fmt: skip
        return outcome
    try:
        # Atomic, without fsync: a draft can always be imported again until a person edits it —
        # and then it is their editor that writes it.
        write_atomic(target, record.encode("utf-8"), durable=False)
        outcome.written.append(target)
        if directory is not None:
            write_atomic(directory_target, directory.encode("utf-8"), durable=False)
            outcome.written.append(directory_target)
    except OSError as error:
        outcome.problem = f"не записан: {os_error_text(error)}"
    return outcome


def taken_ids(draft: Draft) -> set[str]:
    """The ids a written draft takes — its record's and its proposed entries' — so that the next
    file of the same run proposes none of them again."""
    ids = {draft.record_id}
    if draft.proposals is not None:
        for key in ("people", "organizations", "groups"):
            ids.update(entry["id"] for entry in draft.proposals.get(key, []))
    return ids


def review_count(draft: Draft) -> int:
    return count_notes(draft.record) + (count_notes(draft.proposals) if draft.proposals is not None else 0)
