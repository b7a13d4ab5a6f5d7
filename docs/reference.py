"""Generate the reference pages of the manual from the code: ``make docs-reference``.

- ``docs/reference/codes.md`` — every diagnostic code from the catalogue (``nor_docs.diagnostics``);
- ``docs/reference/commands.md`` — the help page of every command, as ``--help`` prints it;
- ``docs/reference/fields.md`` — every field of every record kind, from the JSON Schemas the
  models generate (type, whether it is required, the model's own description).

The pages are committed; ``tests/test_docs_reference.py`` fails when one of them differs from what
this script would write now, so the manual cannot drift from the code.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "reference"
GENERATED = "<!-- Сгенерировано docs/reference.py (make docs-reference); не правьте вручную. -->"


def codes_page() -> str:
    from nor_docs.diagnostics import CODES, ERROR

    lines = ["# Коды диагностики", "", GENERATED, "",
             "Каждая проблема в записях, шаблонах и сборке получает устойчивый код: на него можно "
             "ссылаться в заметках и в CI. Ошибка не даёт собрать документ и даёт ненулевой код выхода; "
             "предупреждение только сообщает (с `validate --strict` — тоже код выхода 1). Тот же список "
             "печатает `nor-docs validate --codes`.", "",
             "| код | вид | что значит |", "|---|---|---|"]  # fmt: skip
    for code, (severity, text) in sorted(CODES.items()):
        lines.append(f"| {code} | {'ошибка' if severity == ERROR else 'предупреждение'} | {text} |")
    return "\n".join(lines) + "\n"


def _commands(group, prefix: tuple[str, ...] = ()):
    import click

    for name in sorted(group.commands):
        command = group.commands[name]
        if getattr(command, "hidden", False):
            continue
        path = prefix + (name,)
        yield path, command
        if isinstance(command, click.Group):
            yield from _commands(command, path)


def commands_page() -> str:
    from click.testing import CliRunner

    from nor_docs.cli import cli

    runner = CliRunner()
    lines = ["# Команды", "", GENERATED, "",
             "Справка каждой команды — то, что печатает `nor-docs … --help`.", ""]  # fmt: skip
    entries = [((), cli), *_commands(cli)]
    for path, _command in entries:
        title = " ".join(("nor-docs", *path))
        result = runner.invoke(cli, [*path, "--help"], prog_name="nor-docs", terminal_width=100)
        lines += [f"## `{title}`", "", "```", result.output.rstrip(), "```", ""]
    return "\n".join(lines).rstrip() + "\n"


_KINDS = (
    ("meeting", "Заседание или документ другого вида (records/meetings/*.yaml, records/documents/*.yaml)"),
    ("roadmap", "Дорожная карта (records/roadmaps/*.yaml)"),
    ("directory", "Справочник (records/directory/*.yaml)"),
    ("marks", "Отметки, продления, снятия (records/marks/*.yaml)"),
    ("events", "События (records/events/*.yaml)"),
    ("settings", "Настройки (records/settings.yaml)"),
    ("rule", "Правило отбора ШНОР (records/rules/*.yaml)"),
    ("kinds", "Виды документов офиса (records/kinds.yaml)"),
)


def _type_of(prop: dict, defs: dict) -> str:
    if "$ref" in prop:
        return "словарь: " + prop["$ref"].rsplit("/", 1)[-1]
    if "enum" in prop:
        return "одно из: " + ", ".join(f"`{v}`" for v in prop["enum"])
    if "const" in prop:
        return f"`{prop['const']}`"
    if "anyOf" in prop or "oneOf" in prop:
        options = [o for o in prop.get("anyOf", prop.get("oneOf", [])) if o.get("type") != "null"]
        return " или ".join(_type_of(o, defs) for o in options) or "—"
    kind = prop.get("type")
    if kind == "array":
        return "список: " + _type_of(prop.get("items", {}), defs)
    names = {"string": "строка", "integer": "целое число", "number": "число", "boolean": "true/false",
             "object": "словарь"}  # fmt: skip
    if isinstance(kind, list):
        return " или ".join(names.get(k, k) for k in kind if k != "null")
    return names.get(kind, kind or "—")


_COMMAND = re.compile(r"nor-docs(?: [a-z][a-z-]*)+")


def _table(title: str, schema: dict, defs: dict) -> list[str]:
    required = set(schema.get("required", ()))
    lines = [title, "", "| поле | тип | обязательно | что это |", "|---|---|---|---|"]
    for name, prop in schema.get("properties", {}).items():
        description = (" ".join(str(prop.get("description", "")).split()) or "—").replace("|", "\\|")
        description = _COMMAND.sub(lambda m: f"`{m.group()}`", description)
        mark = "да" if name in required else ""
        lines.append(f"| `{name}` | {_type_of(prop, defs)} | {mark} | {description} |")
    return lines + [""]


def fields_page() -> str:
    from nor_docs.scaffold.schema import schema_for

    lines = ["# Поля записей", "", GENERATED, "",
             "Все поля каждого вида записей — из JSON Schema, которую строят модели (её же показывает "
             "редактор при наведении на поле).", ""]  # fmt: skip
    for kind, title in _KINDS:
        schema = schema_for(kind)
        defs = schema.get("$defs", {})
        lines += _table(f"## {title}", schema, defs)
        for name in sorted(defs):
            if "properties" in defs[name]:
                lines += _table(f"### {name}", defs[name], defs)
    return "\n".join(lines).rstrip() + "\n"


PAGES = {"codes.md": codes_page, "commands.md": commands_page, "fields.md": fields_page}


def main() -> int:
    OUT.mkdir(exist_ok=True)
    for name, make in PAGES.items():
        (OUT / name).write_text(make(), encoding="utf-8")
        print(OUT / name)
    return 0


if __name__ == "__main__":
    sys.exit(main())
