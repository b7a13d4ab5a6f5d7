"""The formats of ``check`` (``nor_docs/report``): one table from format to writer, each writer
writing the items and the diagnostics, one JUnit writer for both, and JSON written as it is made."""

from __future__ import annotations

import datetime as dt
import io
from xml.etree import ElementTree as ET

import pytest
from conftest import ROOT

from nor_docs.cli import cli
from nor_docs.diagnostics import Diagnostic
from nor_docs.report import junit
from nor_docs.report.formats import WRITERS, Format, writer


def test_every_format_has_its_writer_and_check_offers_exactly_those():
    assert set(WRITERS) == set(Format)
    for fmt in Format:
        module = writer(fmt)
        assert callable(module.items) and callable(module.diagnostics), fmt
    option = next(p for p in cli.commands["check"].params if p.name == "fmt")
    assert list(option.type.choices) == [f.value for f in Format]


def _element_tree(found: list[Diagnostic]) -> str:
    """The JUnit report of diagnostics as ElementTree wrote it before the two writers were one."""
    counts = {"tests": str(len(found)), "failures": "0", "errors": str(len(found)), "skipped": "0"}
    root = ET.Element("testsuites", {"name": "nor-docs check", **counts})
    suite = ET.SubElement(root, "testsuite", {"name": "Проверка записей", **counts})
    for d in found:
        case = ET.SubElement(suite, "testcase", {"classname": d.file, "name": f"{d.file}:{d.line}:{d.column} {d.code}",
                                                 "file": d.file, "line": str(d.line)})  # fmt: skip
        ET.SubElement(case, "error", {"type": d.code, "message": d.message}).text = d.as_text()
    ET.indent(root, space="  ")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def test_one_junit_writer_writes_diagnostics_as_element_tree_did():
    hostile = [
        Diagnostic("records/meetings/a&b.yaml", 3, 5, "NOR104", 'неизвестное лицо «<script>» & "кавычки"\tтаб'),
        Diagnostic("records/x.yaml", 1, 1, "NOR004", "ошибка синтаксиса YAML: строка\nвторая \u202e и \x1b[2J"),
        Diagnostic("records/meetings/плохо \"имя\".yaml", 10, 2, "NOR208", "слово «MOУ» > ничего"),
    ]
    for found in (hostile, hostile[:1], []):
        assert junit.diagnostics_junit(found) == _element_tree(found)


def test_the_json_report_is_written_as_it_is_made():
    from nor_docs.control.status import control_items, summary
    from nor_docs.pipeline import load_checked
    from nor_docs.report.formats import ControlReport

    records, _ = load_checked(ROOT / "tests" / "data" / "control")
    items = control_items(records, dt.date(2023, 3, 2))
    events: list[str] = []

    class Out(io.StringIO):
        def write(self, text: str) -> int:
            events.append("write")
            return super().write(text)

    class Items(list):
        def __iter__(self):
            for item in super().__iter__():
                events.append("item")
                yield item

    out = Out()
    writer(Format.JSON).items(out, ControlReport(Items(items), summary(items), records, dt.date(2023, 3, 2), 3))
    # (the discipline rows count the items first;) then every item is written before the next one is
    # taken: no line waits for the whole report
    assert len(items) > 3
    taken = [i for i, e in enumerate(events) if e == "item"][-len(items) :]
    assert all("write" in events[a:b] for a, b in zip(taken, taken[1:]))


@pytest.mark.parametrize("fmt", [Format.TEXT, Format.GITLAB, Format.JSON, Format.JUNIT])
def test_a_report_is_written_piece_by_piece_never_whole(fmt):
    # Memory flat in the number of items: each writer hands the output a line (or a test case) at a
    # time, never the report built whole. (GitHub's annotations are at most ten of each kind.)
    from nor_docs.control.status import control_items, summary
    from nor_docs.pipeline import load_checked
    from nor_docs.report.formats import ControlReport

    records, _ = load_checked(ROOT / "tests" / "data" / "control")
    items = control_items(records, dt.date(2023, 3, 2))
    pieces: list[str] = []

    class Out(io.StringIO):
        def write(self, text: str) -> int:
            pieces.append(text)
            return super().write(text)

    out = Out()
    writer(fmt).items(out, ControlReport(items, summary(items), records, dt.date(2023, 3, 2), 3))
    report = out.getvalue()
    assert report == "".join(pieces) and report.count("\n") >= 4  # several items (gitlab: 3 overdue)
    assert max(map(len, pieces)) < len(report) / 3, max(pieces, key=len)
