"""The CI shipped for a records repository and the make targets it runs."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent


def make_dry_run(*args: str) -> str:
    if shutil.which("make") is None:
        pytest.skip("make is not installed")
    done = subprocess.run(["make", "-n", *args], cwd=ROOT, capture_output=True, text=True, check=True)
    return next(line for line in done.stdout.splitlines() if "nor-docs check" in line or "nor-docs calendar" in line)


def test_make_check_uses_today_unless_told_otherwise():
    assert make_dry_run("check").endswith("nor-docs check --records records --format text")
    line = make_dry_run("check", "TODAY=2023-02-20", "FORMAT=github")
    assert line.endswith("nor-docs check --records records --format github --today 2023-02-20")
    line = make_dry_run("check", "FORMAT=gitlab", "OUTPUT=gl-code-quality-report.json")
    assert line.endswith("--format gitlab --output gl-code-quality-report.json")
    assert make_dry_run("calendar", "TODAY=2023-02-20").endswith("--out build/calendar --today 2023-02-20")


def test_github_workflow_runs_make_check_on_push_and_daily():
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "deadlines.yml").read_text(encoding="utf-8"))
    triggers = workflow.get("on", workflow.get(True))  # PyYAML reads the key `on` as a boolean
    assert "push" in triggers and triggers["schedule"][0]["cron"] == "0 3 * * *"
    steps = workflow["jobs"]["deadlines"]["steps"]
    runs = [s["run"] for s in steps if "run" in s]
    assert runs == ['make check FORMAT=github TODAY="${{ inputs.today }}"']


def test_gitlab_job_reports_code_quality_from_make_check():
    config = yaml.safe_load((ROOT / ".gitlab-ci.yml").read_text(encoding="utf-8"))
    job = config["deadlines"]
    report = job["artifacts"]["reports"]["codequality"]
    assert any(f"make check FORMAT=gitlab OUTPUT={report}" in line for line in job["script"])
    assert job["script"][-1].startswith("make check")  # the text run decides the job's status
    assert job["artifacts"]["when"] == "always"
    assert {"push", "schedule"} <= {r["if"].split('"')[1] for r in job["rules"]}
