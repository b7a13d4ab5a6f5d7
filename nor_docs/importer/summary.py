"""What ``nor-docs import`` tells the user, in Russian: per file, what was recognised, what was left
as text, what needs a person's eye; at the end, what to do next."""

from __future__ import annotations

from pathlib import Path

from .draft import count_notes
from .importing import Outcome


def _shown(path: Path) -> str:
    return path.as_posix()


def _entries(draft, written: list[Path]) -> str:
    if draft.proposals is None:
        return "новых записей справочника нет"
    node = draft.proposals
    where = f" → {_shown(written[1])}" if len(written) > 1 else ""
    return (f"новые записи справочника: людей — {len(node.get('people', []))}, организаций — "
            f"{len(node.get('organizations', []))}, групп — {len(node.get('groups', []))}{where}")  # fmt: skip


def file_lines(outcome: Outcome) -> list[str]:
    source = outcome.source.name
    if outcome.draft is None:
        return [f"{source}: не импортирован — {outcome.problem}"]
    draft = outcome.draft
    target = _shown(outcome.written[0]) if outcome.written else f"{draft.folder}/{draft.record_id}.yaml"
    head = f"{source} → {target} ({draft.what})" if outcome.ok else f"{source}: не импортирован — {outcome.problem}"
    lines = [head]
    for note in outcome.notes_on_reading:
        lines.append(f"  файл {note}")
    lines.append("  распознано: " + "; ".join(draft.recognised))
    lines.append("  оставлено текстом: " + ("; ".join(draft.left_as_text) if draft.left_as_text else "ничего"))
    record_notes = count_notes(draft.record)
    directory_notes = count_notes(draft.proposals) if draft.proposals is not None else 0
    lines.append(f"  проверить: в черновике — {record_notes} «# проверьте:»"
                 + (f", в новых записях справочника — {directory_notes}" if directory_notes else ""))  # fmt: skip
    lines.append("  " + _entries(draft, outcome.written))
    return lines


def closing_lines(outcomes: list[Outcome], records_dir: str, out_dir: str | None = None) -> list[str]:
    done = sum(1 for o in outcomes if o.ok)
    lines = [f"Импортировано: {done} из {len(outcomes)}."]
    if done and out_dir and Path(out_dir).resolve() != Path(records_dir).resolve():
        lines.append(f"Дальше: исправьте места «# проверьте:», удалите эти пометки, перенесите черновики из "
                     f"{out_dir} в {records_dir} (meetings/, documents/, roadmaps/, directory/) и запустите "
                     f"nor-docs validate --records {records_dir}.")  # fmt: skip
    elif done:
        lines.append(f"Дальше: исправьте места «# проверьте:», удалите эти пометки и запустите "
                     f"nor-docs validate --records {records_dir}.")  # fmt: skip
    return lines
