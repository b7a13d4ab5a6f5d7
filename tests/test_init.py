"""`nor-docs init`: an office's own records repository — what it holds, that it is clean and
green from the first minute (none of the sample's records), and that it overwrites nothing."""

from __future__ import annotations

import json
import re
from pathlib import Path

import yaml

from nor_docs.cli import cli
from nor_docs.model.settings import Settings
from nor_docs.scaffold.init_office import Office, init_office, settings_yaml
from nor_docs.scaffold.schema import SCHEMAS, schema_text

EXPECTED = {
    ".github/nor-docs-problem-matcher.json", ".github/workflows/deadlines.yml", ".gitignore", ".gitlab-ci.yml",
    ".vscode/extensions.json", ".vscode/settings.json", "Makefile", "README.md", "requirements.txt",
    "records/settings.yaml", "records/directory/office.yaml", "records/meetings/.gitkeep", "records/marks/.gitkeep",
    "records/events/.gitkeep", "records/roadmaps/.gitkeep",
    *(f"schemas/{kind}.schema.json" for kind in SCHEMAS),
    "templates/protocol.docx", "templates/decision.docx", "templates/act.docx", "templates/inspection.docx", "templates/control-sheet.docx", "templates/roadmap.docx", "templates/analysis.docx", "templates/report.docx",
}  # fmt: skip


def files_under(root: Path) -> set[str]:
    return {p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file() and ".git" not in p.parts}


def start(runner, tmp_path, *args):
    result = runner.invoke(cli, ["init", str(tmp_path / "office"), "--nor-docs", "nor-docs==0.1.0", *args])
    assert result.exit_code == 0, result.output
    return tmp_path / "office", result


def test_init_writes_the_repository_and_says_what_next(runner, tmp_path):
    office, result = start(runner, tmp_path, "--name", "Управление образования администрации г. Каменки",
                           "--id", "kamenka-uo")  # fmt: skip
    assert files_under(office) == EXPECTED
    output = result.output
    assert output.startswith(f"Создан репозиторий записей {office}:\n")
    assert "Дальше:\n" in output and f"  cd {office}\n" in output
    assert "new person ivanova" in output and "--organization kamenka-uo" in output
    assert "new meeting --slug wg" in output and "validate\n" in output and "check\n" in output
    assert "requirements.txt                 какой nor-docs ставит CI: nor-docs==0.1.0" in output
    directory = yaml.safe_load((office / "records/directory/office.yaml").read_text(encoding="utf-8"))
    assert directory == {"organizations": [{"id": "kamenka-uo", "name": "Управление образования администрации г. Каменки",
                                            "kind": "управление образования"}]}  # fmt: skip


def test_a_new_repository_is_clean_and_green_with_nothing_of_the_sample(runner, tmp_path, monkeypatch):
    office, _ = start(runner, tmp_path)
    monkeypatch.chdir(office)
    validate = runner.invoke(cli, ["validate"])
    assert validate.exit_code == 0 and validate.output == "Записи в порядке: файлов — 2, заседаний — 0, дорожных карт — 0.\n"
    check = runner.invoke(cli, ["check", "--today", "2030-01-01"])
    assert check.exit_code == 0, check.output
    assert "Всего поручений (по каждому исполнителю) — 0" in check.output
    for sample_word in ("kuznetsk", "Кузнецк", "Петрозаводск", "mun4", "kamenka"):
        assert sample_word not in check.output


def test_settings_name_every_setting_with_its_description_and_read_back_as_the_defaults(tmp_path):
    text = settings_yaml()
    for section, section_field in Settings.model_fields.items():
        model = section_field.annotation
        for name, item in model.model_fields.items():
            assert f"  # {item.description}\n  {name}: " in text, name
    data = yaml.safe_load(text)
    assert Settings.model_validate(data) == Settings()
    assert text.startswith("# yaml-language-server: $schema=../schemas/settings.schema.json\n")


def test_editor_wiring_points_at_the_repositorys_own_schemas(runner, tmp_path):
    office, _ = start(runner, tmp_path)
    for kind in SCHEMAS:
        assert (office / "schemas" / f"{kind}.schema.json").read_text(encoding="utf-8") == schema_text(kind)
    for record in ("records/settings.yaml", "records/directory/office.yaml"):
        link = (office / record).read_text(encoding="utf-8").splitlines()[0].split("$schema=")[1]
        assert (office / record).parent.joinpath(link).resolve().parent == (office / "schemas").resolve()
    vscode = json.loads((office / ".vscode/settings.json").read_text(encoding="utf-8"))
    mapped = vscode["yaml.schemas"]
    assert mapped["./schemas/meeting.schema.json"] == ["records/meetings/**/*.yaml", "records/documents/**/*.yaml"]
    assert mapped["./schemas/kinds.schema.json"] == "records/kinds.yaml"
    assert all((office / schema).is_file() for schema in mapped)


def test_new_meeting_in_an_initialised_repository_links_its_schemas_and_issuer(runner, tmp_path, monkeypatch):
    office, _ = start(runner, tmp_path)
    monkeypatch.chdir(office)
    result = runner.invoke(cli, ["new", "meeting", "--date", "2025-03-05", "--slug", "wg"])
    assert result.exit_code == 0, result.output
    text = (office / "records/meetings/2025-03-05-wg.yaml").read_text(encoding="utf-8")
    assert text.splitlines()[0] == "# yaml-language-server: $schema=../../schemas/meeting.schema.json"
    assert re.search(r"^issuer: uo ", text, re.M)


def test_refuses_a_folder_that_is_not_empty_and_writes_nothing(runner, tmp_path):
    target = tmp_path / "office"
    target.mkdir()
    (target / "notes.txt").write_text("мои заметки", encoding="utf-8")
    result = runner.invoke(cli, ["init", str(target)])
    assert result.exit_code == 4  # exitcodes.OUTPUT: nothing is written over
    assert result.output == (f"nor-docs init: папка {target} не пуста (notes.txt): init ничего не перезаписывает; "
                             "укажите новую или пустую папку\n")  # fmt: skip
    assert files_under(target) == {"notes.txt"}


def test_a_fresh_git_repository_is_empty_enough(runner, tmp_path):
    target = tmp_path / "office"
    (target / ".git").mkdir(parents=True)
    (target / ".git" / "HEAD").write_text("ref: refs/heads/main\n", encoding="utf-8")
    result = runner.invoke(cli, ["init", str(target), "--nor-docs", "nor-docs==0.1.0"])
    assert result.exit_code == 0, result.output
    assert (target / ".git" / "HEAD").read_text(encoding="utf-8") == "ref: refs/heads/main\n"


def test_a_file_that_appears_in_the_way_is_not_overwritten(tmp_path, monkeypatch):
    """Between the emptiness check and the writing another file may appear: ``x`` mode refuses it."""
    import nor_docs.scaffold.init_office as init_module

    target = tmp_path / "office"
    real = init_module.planned_files

    def planned_then_someone_writes(*args):
        files = real(*args)
        (target / "records").mkdir(parents=True)
        (target / "records" / "settings.yaml").write_text("чужое\n", encoding="utf-8")
        return files

    monkeypatch.setattr(init_module, "planned_files", planned_then_someone_writes)
    try:
        init_office(target, Office(), "nor-docs==0.1.0")
    except init_module.InitError as error:
        assert "settings.yaml уже есть: init ничего не перезаписывает" in str(error)
    else:
        raise AssertionError("init wrote over an existing file")
    assert (target / "records" / "settings.yaml").read_text(encoding="utf-8") == "чужое\n"


def test_refuses_a_bad_id(runner, tmp_path):
    result = runner.invoke(cli, ["init", str(tmp_path / "office"), "--id", "Управление"])
    assert result.exit_code == 3 and "--id «Управление»" in result.output  # exitcodes.USAGE
    assert not (tmp_path / "office").exists()


def test_requirements_pin_nor_docs_and_the_libraries_it_ran_with(runner, tmp_path):
    office, _ = start(runner, tmp_path)
    text = (office / "requirements.txt").read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    assert lines[0] == "nor-docs==0.1.0"
    pins = dict(line.split("==") for line in lines[1:])
    from importlib.metadata import version

    for name in ("pydantic", "PyYAML", "click", "python-docx", "docxtpl"):
        assert pins[name] == version(name), name


def test_default_source_is_the_checkout_at_its_commit(monkeypatch):
    from nor_docs.scaffold import init_office as module

    answers = {("rev-parse", "HEAD"): "0123456789abcdef", ("remote", "get-url", "origin"): "git@git.example:uo/nor-docs.git",
               ("status", "--porcelain", "--untracked-files=no"): ""}  # fmt: skip
    monkeypatch.setattr(module, "_git", lambda folder, *args: answers[args])
    line, warnings = module.requirement_line(None)
    if not (Path(module.__file__).resolve().parent.parent / ".git").exists():
        return  # an installed nor-docs: no checkout to name
    assert line == "nor-docs @ git+ssh://git@git.example/uo/nor-docs.git@0123456789abcdef" and warnings == []
    answers[("remote", "get-url", "origin")] = ""
    line, warnings = module.requirement_line(None)
    assert line.startswith("nor-docs @ git+file://localhost/") and "CI на GitHub или GitLab nor-docs не поставит" in warnings[0]
    assert module.requirement_line("git+https://git.example/nor-docs.git@v0.1.0")[0] == \
        "nor-docs @ git+https://git.example/nor-docs.git@v0.1.0"  # fmt: skip


def test_a_clone_of_a_clone_is_named_by_its_folder_with_a_warning(monkeypatch):
    from nor_docs.scaffold import init_office as module

    if not (Path(module.__file__).resolve().parent.parent / ".git").exists():
        return
    answers = {("rev-parse", "HEAD"): "0123456789abcdef", ("remote", "get-url", "origin"): "/home/clerk/nor-docs",
               ("status", "--porcelain", "--untracked-files=no"): ""}  # fmt: skip
    monkeypatch.setattr(module, "_git", lambda folder, *args: answers[args])
    line, warnings = module.requirement_line(None)
    assert line.startswith("nor-docs @ git+file://localhost/") and line.endswith("@0123456789abcdef")
    assert "нет адреса origin в сети" in warnings[0]
