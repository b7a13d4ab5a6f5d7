"""Exit codes: one meaning per code, the same in every command (``docs/guarantees.md``; foundation:
imports nothing of nor-docs).

A command that meets several outcomes at once exits with the largest code among them (an
unwritable output outweighs an invalid record, which outweighs a document left unbuilt).
``EXIT_CODES`` is the table the documentation and ``nor-docs --help`` show; a test walks every
command of the CLI and holds each to it.
"""

from __future__ import annotations

from collections.abc import Iterable

OK = 0
ATTENTION = 1  # check: something is overdue; a build: some documents were not built; an import: some files
INVALID_RECORDS = 2
USAGE = 3
OUTPUT = 4
INTERNAL = 5
INTERRUPTED = 130  # Ctrl+C, as shells report SIGINT

# code → (name, what it means, in Russian: one short line, as ``nor-docs --help`` shows it)
EXIT_CODES: dict[int, tuple[str, str]] = {
    OK: ("ok", "всё в порядке"),
    ATTENTION: ("attention", "check: есть просроченные поручения; сборки и импорт: собрано (NOR3xx) или импортировано не всё"),
    INVALID_RECORDS: ("invalid-records", "в записях ошибки: по ним документы не собраны, сроки не проверены"),
    USAGE: ("usage", "ошибка в командной строке (параметр, значение, id, которого нет)"),
    OUTPUT: ("output", "результат не записан: внутри папки записей, нет прав или места, идёт другая сборка"),
    INTERNAL: ("internal", "внутренняя ошибка nor-docs (сообщите разработчикам)"),
    INTERRUPTED: ("interrupted", "прервано (Ctrl+C)"),
}

# Diagnostic codes that are not «the records are wrong».
_OUTCOME_OF_CODE = {
    "NOR303": ATTENTION,
    "NOR304": ATTENTION,
    "NOR305": ATTENTION,
    "NOR306": ATTENTION,
    "NOR307": ATTENTION,
    "NOR311": ATTENTION,  # an extract nobody can certify: not built (--certifier)
    "NOR312": ATTENTION,  # an extract without any decision: not built (--decision)
    "NOR313": ATTENTION,
    "NOR308": OUTPUT,
    "NOR309": USAGE,
}


def for_diagnostic(code: str) -> int:
    """The outcome an error with ``code`` stands for: a document not built (templates, an extract
    that cannot be certified or holds no decision, NOR313), an output not written (NOR308), an
    argument that names nothing (NOR309), else invalid records."""
    return _OUTCOME_OF_CODE.get(code, INVALID_RECORDS)


def for_errors(found: Iterable, *, strict: bool = False) -> int:
    """The exit code of a run whose problems are ``found`` (``Diagnostic`` values): the largest
    outcome of its errors (and of its warnings, with ``strict``), or 0."""
    worst = OK
    for diagnostic in found:
        if diagnostic.is_error or strict:
            worst = max(worst, for_diagnostic(diagnostic.code) if diagnostic.is_error else INVALID_RECORDS)
    return worst


def table_text() -> str:
    """The table as the help and the documentation show it: «  0  всё в порядке…» per line."""
    return "\n".join(f"{code:>3}  {text}" for code, (_name, text) in EXIT_CODES.items())
