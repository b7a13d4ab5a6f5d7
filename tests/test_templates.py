"""The shipped DOCX templates are exactly what ``make templates`` generates: an edit to the
generator without regenerating (or a hand edit of a template) fails here."""

from __future__ import annotations

import importlib.util

import pytest

from conftest import ROOT

TEMPLATES = ROOT / "templates"


def _generator(name: str):
    spec = importlib.util.spec_from_file_location(name, TEMPLATES / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(
    ("script", "builder", "template"),
    [
        ("make_templates", "build_protocol", "protocol.docx"),
        ("make_templates", "build_roadmap", "roadmap.docx"),
        ("make_control_sheet", "build_control_sheet", "control-sheet.docx"),
    ],
)
def test_the_committed_template_is_what_make_templates_generates(script, builder, template):
    assert getattr(_generator(script), builder)() == (TEMPLATES / template).read_bytes()
