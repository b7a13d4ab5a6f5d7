"""The order of names in a document's lists (docs/protocols.md, «Порядок присутствующих и имён»):
attendees alphabetically (the default, domain.md's rule) or as the record lists them, and names as
«Гардымова Р.А.» (the default) or «Р.А. Гардымова» — set in settings.yaml (``documents``) and
overridden by a document (``attendees_order``, ``name_order``). Read back from the built DOCX of the
Kuznetsk seed protocol, whose source lists its 18 attendees by post, not by surname."""

from __future__ import annotations

import shutil
from pathlib import Path

import docx
from conftest import ROOT

from nor_docs.build.protocols import build_protocols
from nor_docs.build.roadmaps import build_roadmaps

MEETING = "2021-09-29-kuznetsk"
ROADMAP = "kuznetsk-sosh10-roadmap-2021-2022"
NBSP = "\u00a0"


def _records(tmp_path: Path, meeting_tail: str = "", settings: str = "") -> Path:
    records = tmp_path / "records"  # the Kuznetsk protocol and roadmap only: a build of seconds
    shutil.copytree(ROOT / "records" / "directory", records / "directory")
    for name in (f"meetings/{MEETING}.yaml", f"roadmaps/{ROADMAP}.yaml"):
        (records / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(ROOT / "records" / name, records / name)
    path = records / "meetings" / f"{MEETING}.yaml"
    path.write_text(path.read_text(encoding="utf-8") + meeting_tail, encoding="utf-8")
    if settings:
        (records / "settings.yaml").write_text(settings, encoding="utf-8")
    return records


def _attendees(records: Path, out: Path) -> list[str]:
    result = build_protocols(records, out, ROOT / "templates", jobs=1)
    assert not result.diagnostics, result.diagnostics
    texts = [p.text for p in docx.Document(str(out / f"{MEETING}.docx")).paragraphs if p.text.strip()]
    start = texts.index("Список присутствовавших") + 1  # 18 attendees: the list is an appendix
    return [t.split(". ", 1)[1].split(NBSP + "—")[0] for t in texts[start:start + 18]]


def test_by_default_attendees_are_alphabetical_and_surname_first(tmp_path):
    names = _attendees(_records(tmp_path), tmp_path / "out")
    assert names[:3] == [f"Аникеев{NBSP}А.Н.", f"Антропова{NBSP}О.Е.", f"Борисова{NBSP}Л.А."]
    assert names == sorted(names, key=lambda n: n.replace("ё", "е"))


def test_a_document_keeps_its_own_order_and_initials_first(tmp_path):
    records = _records(tmp_path, "attendees_order: as-written\nname_order: initials-first\n")
    names = _attendees(records, tmp_path / "out")
    # the source's order: «1. Начальник управления образования Борисова Л.А. 2. Зам. начальника Фадеева С.А. …»
    assert names[:3] == [f"Л.А.{NBSP}Борисова", f"С.А.{NBSP}Фадеева", f"О.С.{NBSP}Надежина"]
    assert names[-1] == f"Н.В.{NBSP}Гаранина" and len(names) == 18


def test_the_settings_apply_to_every_document_and_a_document_overrides_them(tmp_path):
    settings = "documents:\n  attendees_order: as-written\n  name_order: initials-first\n"
    records = _records(tmp_path, "attendees_order: alphabetical\n", settings)
    names = _attendees(records, tmp_path / "out")
    assert names[0] == f"А.Н.{NBSP}Аникеев"  # alphabetical by the document, initials first by the settings
    out = tmp_path / "roadmaps"
    build_roadmaps(records, out, ROOT / "templates")
    document = docx.Document(str(next(out.glob("kuznetsk-sosh10*.docx"))))
    cells = {c.text for t in document.tables for r in t.rows for c in r.cells}
    assert any(c.startswith(f"Л.И.{NBSP}Заводчикова, ") for c in cells)
    assert not any(f"Заводчикова{NBSP}Л.И." in c for c in cells)
