"""The shipped DOCX templates are exactly what ``make templates`` generates: an edit to the
generator without regenerating (or a hand edit of a template) fails here."""

from __future__ import annotations

import pytest
from conftest import ROOT, load_script

TEMPLATES = ROOT / "templates"


@pytest.mark.parametrize(
    ("script", "builder", "template"),
    [
        ("make_templates", "build_protocol", "protocol.docx"),
        ("make_templates", "build_decision", "decision.docx"),
        ("make_templates", "build_act", "act.docx"),
        ("make_templates", "build_inspection", "inspection.docx"),
        ("make_templates", "build_roadmap", "roadmap.docx"),
        ("make_control_sheet", "build_control_sheet", "control-sheet.docx"),
        ("make_analysis", "build_analysis", "analysis.docx"),
        ("make_report", "build_report", "report.docx"),
    ],
)
def test_the_committed_template_is_what_make_templates_generates(script, builder, template):
    assert getattr(load_script(TEMPLATES / f"{script}.py"), builder)() == (TEMPLATES / template).read_bytes()
