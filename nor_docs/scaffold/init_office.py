"""``nor-docs init``: start an office's own records repository.

What it writes (and nothing else, never over an existing file)::

    records/settings.yaml            every setting with its Russian description (from the model)
    records/directory/office.yaml    the office itself, the one organisation records begin with
    records/{meetings,marks,events,roadmaps}/.gitkeep
    schemas/*.schema.json            the JSON Schemas the records' modelines point to
    .vscode/settings.json            the same schemas by folder, for VS Code's YAML extension
    templates/*.docx                 the shipped DOCX templates, for the office to restyle
    .github/workflows/deadlines.yml  CI on GitHub: validate, then deadlines
    .gitlab-ci.yml                   the same on GitLab
    requirements.txt                 which nor-docs the CI (and make install) installs, pinned
    Makefile, README.md, .gitignore

The files an office copies are package data (``nor_docs/office/``); this module fills in the
office's name and the nor-docs source, and decides where each goes.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

from .. import __version__
from ..build.templates import SHIPPED as SHIPPED_TEMPLATES
from ..exitcodes import OUTPUT, USAGE
from ..model.common import ID_PATTERN
from ..model.settings import Settings
from ..source.layout import FOLDERS, SETTINGS
from .schema import SCHEMAS, schema_text

PACKAGE_FILES = Path(__file__).resolve().parent.parent / "office"
RECORD_FOLDERS = ("meetings", "marks", "events", "roadmaps")
# package file → where it goes in the office repository
COPIED = {
    "gitignore": ".gitignore",
    "Makefile": "Makefile",
    "github-deadlines.yml": ".github/workflows/deadlines.yml",
    "gitlab-ci.yml": ".gitlab-ci.yml",
    "vscode-settings.json": ".vscode/settings.json",
    "vscode-extensions.json": ".vscode/extensions.json",
}
# A folder that holds only these is still empty enough to begin in (a fresh `git init` or clone).
IGNORED_IN_TARGET = {".git"}


class InitError(Exception):
    """The repository cannot be started here (the message says why, in Russian): a bad ``--id`` or
    ``--name`` (``exitcodes.USAGE``), or a target that is not empty, not a folder, inside a records
    folder or not writable (``exitcodes.OUTPUT``, the default)."""

    def __init__(self, message: str, exit_code: int = OUTPUT):
        super().__init__(message)
        self.exit_code = exit_code


@dataclass
class Office:
    id: str = "uo"
    name: str = "Управление образования"
    short_name: str | None = None
    municipality: str | None = None


@dataclass
class Started:
    """What ``init`` wrote: the files (relative to the target) and how the CI installs nor-docs."""

    target: Path
    files: list[str] = field(default_factory=list)
    requirement: str = ""
    warnings: list[str] = field(default_factory=list)


def init_office(target: str | Path, office: Office, nor_docs_source: str | None = None,
                today: dt.date | None = None) -> Started:  # fmt: skip
    """Write the repository into ``target`` (absent or empty); raise InitError, having written
    nothing, when it is not empty or a file is in the way."""
    target = Path(target)
    if not re.fullmatch(ID_PATTERN, office.id):
        raise InitError(f"--id «{office.id}»: пишите строчными латинскими буквами, цифрами, «.», «_», «-» (например, uo)",
                        USAGE)  # fmt: skip
    if not office.name.strip():
        raise InitError("--name: название управления не может быть пустым", USAGE)
    _check_target(target)
    requirement, warnings = requirement_line(nor_docs_source)
    files = planned_files(office, requirement, today or dt.date.today())
    started = Started(target=target, requirement=requirement, warnings=warnings)
    if not SHIPPED_TEMPLATES.is_dir():
        started.warnings.append("шаблоны DOCX не скопированы: у этой установки nor-docs их нет; возьмите папку "
                                "templates/ из репозитория nor-docs")  # fmt: skip
    try:
        target.mkdir(parents=True, exist_ok=True)
        for relative, content in files.items():
            _write_new(target / relative, content)
            started.files.append(relative)
    except FileExistsError as error:
        raise InitError(f"{error.filename} уже есть: init ничего не перезаписывает; выберите пустую папку") from None
    except OSError as error:
        from ..outputs.atomic import os_error_text

        raise InitError(f"не удалось записать {target}: {os_error_text(error, with_path=False)}") from None
    return started


def _check_target(target: Path) -> None:
    here = Path(os.path.realpath(target))
    records = next((folder for folder in (here, *here.parents) if _holds_records(folder)), None)
    if records is not None:  # the new repository's files would be read as records
        raise InitError(f"{target} — внутри папки записей {records}: init не пишет в записи; укажите новую или "
                        "пустую папку вне её")  # fmt: skip
    if target.exists() and not target.is_dir():
        raise InitError(f"{target} — файл, а не папка; укажите новую или пустую папку")
    if target.is_dir():
        try:
            present = sorted(p.name for p in target.iterdir() if p.name not in IGNORED_IN_TARGET)
        except OSError as error:
            from ..outputs.atomic import os_error_text

            raise InitError(f"папка {target} не читается: {os_error_text(error, with_path=False)}") from None
        if present:
            shown = ", ".join(present[:5]) + (" …" if len(present) > 5 else "")
            raise InitError(f"папка {target} не пуста ({shown}): init ничего не перезаписывает; "
                            "укажите новую или пустую папку")  # fmt: skip


def _holds_records(folder: Path) -> bool:
    """Whether ``folder`` is a records folder in use: its settings, or YAML files in a record
    folder (a home folder that merely has an ``events/`` is not one)."""
    if (folder / SETTINGS).is_file():
        return True
    return any(next((folder / name).glob("*.yaml"), None) is not None for name in FOLDERS if (folder / name).is_dir())


def _write_new(path: Path, content: bytes) -> None:
    """Create ``path`` with ``content``; an existing file is an error (``x`` mode), never replaced."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "xb") as handle:
        handle.write(content)


def planned_files(office: Office, requirement: str, today: dt.date) -> dict[str, bytes]:
    """Every file of the new repository, path → content, in the order they are listed."""
    files: dict[str, bytes] = {
        "records/settings.yaml": settings_yaml().encode("utf-8"),
        "records/directory/office.yaml": office_directory_yaml(office).encode("utf-8"),
    }
    for folder in RECORD_FOLDERS:
        files[f"records/{folder}/.gitkeep"] = b""
    for kind in SCHEMAS:
        files[f"schemas/{kind}.schema.json"] = schema_text(kind).encode("utf-8")
    if SHIPPED_TEMPLATES.is_dir():
        for template in sorted(SHIPPED_TEMPLATES.glob("*.docx")):
            files[f"templates/{template.name}"] = template.read_bytes()
    for name, relative in COPIED.items():
        files[relative] = (PACKAGE_FILES / name).read_bytes()
    files[".github/nor-docs-problem-matcher.json"] = problem_matcher_json().encode("utf-8")
    files["requirements.txt"] = requirements_txt(requirement, today).encode("utf-8")
    files["README.md"] = (PACKAGE_FILES / "README.md").read_text(encoding="utf-8").format(
        name=office.name, id=office.id).encode("utf-8")  # fmt: skip
    return files


def problem_matcher_json() -> str:
    """The GitHub problem matcher that turns ``validate``'s lines into annotations: one matcher per
    severity, each listing its codes from the catalogue — so a code added or moved between
    severities is annotated right without anyone editing a regular expression."""
    import json

    from ..diagnostics import CODES, ERROR

    def matcher(severity: str, codes: list[str]) -> dict:
        alternatives = "|".join(code.removeprefix("NOR") for code in sorted(codes))
        return {"owner": f"nor-docs-{severity}", "severity": severity, "pattern": [{
            "regexp": f"^(.+?):(\\d+):(\\d+): (NOR(?:{alternatives})) (.*)$",
            "file": 1, "line": 2, "column": 3, "code": 4, "message": 5}]}  # fmt: skip

    errors = [code for code, (severity, _) in CODES.items() if severity == ERROR]
    warnings = [code for code in CODES if code not in errors]
    return json.dumps({"problemMatcher": [matcher("warning", warnings), matcher("error", errors)]},
                      ensure_ascii=False, indent=2) + "\n"  # fmt: skip


# --- records/settings.yaml: every setting with its description, from the model ----------------


def settings_yaml() -> str:
    """Every setting at its default, each under its Russian description (the model's own)."""
    lines = [
        "# yaml-language-server: $schema=../schemas/settings.schema.json",
        "# Настройки управления. Здесь каждая настройка со значением по умолчанию; меняйте то, что",
        "# в вашей инструкции по делопроизводству иначе. Удалённая строка — снова значение по умолчанию.",
    ]
    defaults = Settings()
    for section, section_field in Settings.model_fields.items():
        lines += ["", f"# {section_field.description}", f"{section}:"]
        model = type(getattr(defaults, section))
        values = getattr(defaults, section)
        for name, item in model.model_fields.items():
            lines.append(f"  # {item.description}")
            lines.append(f"  {name}: {_yaml_scalar(getattr(values, name))}")
    return "\n".join(lines) + "\n"


def _yaml_scalar(value) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    return f'"{value}"' if re.search(r"^\d|[:#]", str(value)) else str(value)


def office_directory_yaml(office: Office) -> str:
    lines = [
        "# yaml-language-server: $schema=../../schemas/directory.schema.json",
        "# Справочник: организации, люди и группы, на которые записи ссылаются по id. Добавить:",
        "#   nor-docs new person ivanova \"Иванова Мария Петровна\" --position \"начальник отдела\" "
        f"--organization {office.id}",
        "#   nor-docs new organization sosh-3 \"Муниципальное бюджетное общеобразовательное учреждение "
        "«Средняя общеобразовательная школа № 3»\" --short-name \"МБОУ СОШ № 3\"",
        "# (или допишите по образцу; наведите курсор на поле — редактор подскажет, что в нём).",
        "organizations:",
        f"  - id: {office.id}",
        f"    name: {_quoted(office.name)}",
    ]
    if office.short_name:
        lines.append(f"    short_name: {_quoted(office.short_name)}")
    lines.append("    kind: управление образования")
    if office.municipality:
        lines.append(f"    municipality: {_quoted(office.municipality)}")
    return "\n".join(lines) + "\n"


def _quoted(text: str) -> str:
    """A name as a YAML value: plain where that reads back as the same text, else in quotes."""
    plain = not re.search(r"(^[\s\-?:,\[\]{}#&*!|>'\"%@`]|: | #|\s$)", text)
    return text if plain else '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


# --- requirements.txt: which nor-docs the CI installs -------------------------------------------


def requirement_line(source: str | None) -> tuple[str, list[str]]:
    """The requirement the office's CI installs nor-docs by, and warnings about it.

    Given: used as given (a bare ``git+…`` URL or path gets ``nor-docs @`` in front). Not given:
    the git checkout this nor-docs runs from, at its commit — its ``origin`` if it has one (what
    a CI can reach), else its folder on this disk (enough for ``make install`` here, not for a CI
    elsewhere: said so). An installed nor-docs without a checkout: its version from an index."""
    warnings: list[str] = []
    if source:
        source = source.strip()
        if re.match(r"^(git\+|https?://|file://)", source):
            source = f"nor-docs @ {source}"
        elif re.match(r"^(\.{0,2}/|~)", source) or source.endswith((".whl", ".tar.gz")):
            source = f"nor-docs @ {Path(source).expanduser().resolve().as_uri()}"
        return source, warnings
    checkout = Path(__file__).resolve().parent.parent.parent
    if (checkout / ".git").exists() and shutil.which("git"):
        commit = _git(checkout, "rev-parse", "HEAD")
        origin = _git(checkout, "remote", "get-url", "origin")
        if _git(checkout, "status", "--porcelain", "--untracked-files=no"):
            warnings.append(f"в {checkout} есть незакоммиченные изменения: CI поставит nor-docs коммита {commit[:12]} "
                            "без них")  # fmt: skip
        if commit and origin and not _local(origin):
            return f"nor-docs @ git+{_pip_url(origin)}@{commit}", warnings
        if commit:
            warnings.append(
                f"у репозитория nor-docs ({checkout}) нет адреса origin в сети: requirements.txt называет папку на этом "
                "компьютере — make install здесь работает, а CI на GitHub или GitLab nor-docs не поставит. "
                "Впишите в requirements.txt адрес, откуда CI его возьмёт (или запустите init с --nor-docs "
                "\"git+https://…/nor-docs.git@<тег или коммит>\")"
            )
            # ``file://localhost/…``: pip's URL check wants a host in a ``git+file`` URL; git takes it
            return f"nor-docs @ git+file://localhost{checkout.as_posix()}@{commit}", warnings
    warnings.append(f"источник nor-docs не известен: requirements.txt называет nor-docs=={__version__} из индекса "
                    "пакетов; если его там нет, впишите в requirements.txt адрес репозитория nor-docs (--nor-docs)")  # fmt: skip
    return f"nor-docs=={__version__}", warnings


def _git(folder: Path, *args: str) -> str:
    try:
        done = subprocess.run(["git", "-C", str(folder), *args], capture_output=True, text=True, timeout=20)
    except (OSError, subprocess.SubprocessError):
        return ""
    return done.stdout.strip() if done.returncode == 0 else ""


def _local(remote: str) -> bool:
    """A remote on this disk (a clone of a clone): no CI elsewhere reaches it."""
    return remote.startswith(("/", "file:", ".", "~")) or bool(re.match(r"^[A-Za-z]:[\\/]", remote))


def _pip_url(remote: str) -> str:
    """A git remote as pip's VCS URL: ``git@host:group/repo.git`` → ``ssh://git@host/group/repo.git``."""
    scp = re.fullmatch(r"([\w.-]+@[\w.-]+):(?!//)(.+)", remote)
    return f"ssh://{scp.group(1)}/{scp.group(2)}" if scp else remote


def requirements_txt(requirement: str, today: dt.date) -> str:
    lines = [
        "# Какой nor-docs ставят CI этого репозитория (.github/workflows, .gitlab-ci.yml) и make install.",
        f"# Записано nor-docs init {__version__} {today:%d.%m.%Y}. Обновить nor-docs — сознательно: заменить",
        "# коммит или тег в строке ниже (и версии библиотек под ней), проверить make validate и check.",
        requirement,
        "",
        "# Версии библиотек, с которыми работал nor-docs у того, кто выполнил init: CI ставит их,",
        "# а не то, что вышло сегодня.",
        *pinned_dependencies(),
    ]
    return "\n".join(lines) + "\n"


def pinned_dependencies() -> list[str]:
    """``name==version`` of every installed distribution nor-docs needs to run (its requirements
    and theirs, without extras), sorted; what is not installed here is left out."""
    seen: dict[str, str] = {}
    queue = _requires("nor-docs")
    while queue:
        name = queue.pop()
        key = _canonical(name)
        if key in seen:
            continue
        try:
            seen[key] = f"{metadata.distribution(name).metadata['Name']}=={metadata.version(name)}"
        except metadata.PackageNotFoundError:
            continue
        queue.extend(_requires(name))
    return sorted(seen.values(), key=str.lower)


def _requires(name: str) -> list[str]:
    try:
        requires = metadata.requires(name) or []
    except metadata.PackageNotFoundError:
        return []
    names = []
    for requirement in requires:
        if "extra ==" in requirement.replace("extra==", "extra =="):
            continue
        match = re.match(r"\s*([A-Za-z0-9][A-Za-z0-9._-]*)", requirement)
        if match:
            names.append(match.group(1))
    return names


def _canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


# --- what to say when done ------------------------------------------------------------------------


def next_steps(started: Started, office: Office) -> str:
    """The report ``init`` prints: what was created, then the commands to go on with."""
    target = started.target
    shown = os.path.relpath(target) if not target.is_absolute() or Path.cwd() in target.parents else str(target)
    command = _how_to_call_nor_docs()
    lines = [
        f"Создан репозиторий записей {shown}:",
        "  records/settings.yaml            настройки сроков и документов (каждая — с пояснением)",
        f"  records/directory/office.yaml    справочник: {office.name} (id {office.id})",
        "  records/meetings/ marks/ events/ roadmaps/   пока пусто",
        "  schemas/, .vscode/               подсказки полей в редакторе (VS Code + расширение YAML)",
    ]
    if any(f.startswith("templates/") for f in started.files):
        lines.append("  templates/                       шаблоны DOCX — можно менять в Word")
    lines += [
        "  .github/workflows/deadlines.yml, .gitlab-ci.yml   проверка записей и сроков в CI",
        f"  requirements.txt                 какой nor-docs ставит CI: {started.requirement}",
        "  Makefile, README.md, .gitignore",
        "",
        "Дальше:",
        f"  cd {shown}",
        f"  {command} new person ivanova \"Иванова Мария Петровна\" --position \"начальник управления\" "
        f"--organization {office.id}",
        f"  {command} new meeting --slug wg     # заготовка протокола: заполните «…»",
        f"  {command} validate",
        f"  {command} check",
        "  git init && git add . && git commit -m \"Записи управления\"",
    ]
    if command != "nor-docs":
        lines += ["", f"(nor-docs нет в PATH: команды выше — с полным путём; или make install в {shown} "
                      "поставит его в .venv, и тогда работает make validate, make check)"]  # fmt: skip
    for warning in started.warnings:
        lines += ["", f"Внимание: {warning}."]
    return "\n".join(lines)


def _how_to_call_nor_docs() -> str:
    """``nor-docs`` if that name on PATH is the nor-docs running now; else the full path of the
    running one (``…/.venv/bin/nor-docs`` of a clone that was never put on PATH)."""
    script = Path(sys.argv[0]) if sys.argv and Path(sys.argv[0]).name == "nor-docs" else None
    if script is None:
        return "nor-docs"
    on_path = shutil.which("nor-docs")
    if on_path and Path(on_path).resolve() == script.resolve():
        return "nor-docs"
    return str(script.resolve())
