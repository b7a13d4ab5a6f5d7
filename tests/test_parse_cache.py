"""The parse cache (``nor_docs/source/parse_cache.py``): a rebuild with ``--force`` takes unchanged
record files from it instead of parsing them, with the same documents; a damaged entry, a file
with a problem or a turned-off cache are parsed as ever; entries of files gone are pruned."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest
from conftest import ROOT, SAMPLE_RECORDS

from nor_docs.build.protocols import build_protocols
from nor_docs.source import parse_cache, yamlsource
from nor_docs.source.parse_cache import FOLDER_NAME, ParseCache

TEMPLATES = ROOT / "templates"


def _hashes(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.glob("*.docx"))}


@pytest.fixture
def parses(monkeypatch) -> list[str]:
    """The files the build's reader parses (in this process: the builds below run with one job)."""
    seen: list[str] = []
    real = parse_cache.parse_source

    def counting(raw: bytes, shown: str):
        seen.append(shown)
        return real(raw, shown)

    monkeypatch.setattr(parse_cache, "parse_source", counting)
    return seen


def test_a_forced_rebuild_parses_nothing_unchanged_and_writes_the_same_documents(tmp_path, parses):
    records = tmp_path / "records"
    shutil.copytree(SAMPLE_RECORDS, records)
    out = tmp_path / "out"
    first = build_protocols(records, out, TEMPLATES, jobs=1, force=True)
    assert first.built and (out / FOLDER_NAME).is_dir()
    documents = _hashes(out)
    read_first = set(parses)
    uncached = {f for f in read_first
                if not (out / FOLDER_NAME / f"{hashlib.sha256(Path(f).read_bytes()).hexdigest()}.marshal").exists()}
    parses.clear()
    again = build_protocols(records, out, TEMPLATES, jobs=1, force=True)
    assert [p.name for p in again.built] == [p.name for p in first.built]
    assert _hashes(out) == documents
    # the settings, the directory and every meeting come from the cache now — but a file holding a
    # number that remembers its text (``YamlInt``: marshal cannot keep it), parsed again
    assert set(parses) == uncached and len(uncached) <= 1 < len(read_first)


def test_a_changed_file_is_parsed_again_and_the_entry_of_its_old_text_pruned(tmp_path, parses):
    records = tmp_path / "records"
    shutil.copytree(SAMPLE_RECORDS, records)
    out = tmp_path / "out"
    build_protocols(records, out, TEMPLATES, jobs=1, force=True)
    meeting = sorted((records / "meetings").glob("*.yaml"))[0]
    old = hashlib.sha256(meeting.read_bytes()).hexdigest()
    assert (out / FOLDER_NAME / f"{old}.marshal").exists()
    meeting.write_bytes(meeting.read_bytes() + b"# a comment\n")
    parses.clear()
    build_protocols(records, out, TEMPLATES, jobs=1)
    assert [Path(p).name for p in parses] == [meeting.name]
    new = hashlib.sha256(meeting.read_bytes()).hexdigest()
    assert (out / FOLDER_NAME / f"{new}.marshal").exists()
    assert not (out / FOLDER_NAME / f"{old}.marshal").exists()


def test_a_damaged_or_foreign_entry_is_parsed_again_and_rewritten(tmp_path):
    path = tmp_path / "m.yaml"
    path.write_text("title: Заседание\nitems:\n  - a: 1\n    b: [x, y]\n", encoding="utf-8")
    expected, found = yamlsource.read_source(path, "m.yaml")
    cache = ParseCache(tmp_path / "cache")
    cache.read(path, "m.yaml")
    (entry,) = (tmp_path / "cache").iterdir()
    for damage in (b"", b"garbage", entry.read_bytes()[:-7], b"other-reader\n" + entry.read_bytes().split(b"\n", 1)[1]):
        entry.write_bytes(damage)
        source, problems = cache.read(path, "m.yaml")
        assert source is not None and problems == found == []
        assert source.data == expected.data and source.position(("items", 0, "b", 1)) == (4, 12)
        assert source.values == expected.values and source.keys == expected.keys and source.sizes == expected.sizes
    assert ParseCache(tmp_path / "cache")._load(entry, path.read_bytes(), "m.yaml") is not None  # rewritten


def test_a_file_with_a_problem_is_never_cached(tmp_path):
    path = tmp_path / "m.yaml"
    path.write_text("title: a\ntitle: b\n", encoding="utf-8")  # a repeated key: NOR006
    cache = ParseCache(tmp_path / "cache")
    for _ in range(2):
        _source, found = cache.read(path, "m.yaml")
        assert [d.code for d in found] == ["NOR006"]
    assert not (tmp_path / "cache").exists()


def test_numbers_that_remember_their_text_are_parsed_not_cached(tmp_path):
    path = tmp_path / "m.yaml"
    path.write_text("number: 010\nshare: 1.10\n", encoding="utf-8")
    cache = ParseCache(tmp_path / "cache")
    for _ in range(2):
        source, _ = cache.read(path, "m.yaml")
        assert source is not None and source.data["number"].text == "010" and source.data["share"].text == "1.10"
    assert not list((tmp_path / "cache").glob("*.marshal"))


def test_the_cache_can_be_turned_off(tmp_path, monkeypatch):
    monkeypatch.setenv("NOR_DOCS_PARSE_CACHE", "0")
    build_protocols(SAMPLE_RECORDS, tmp_path / "out", TEMPLATES, jobs=1, force=True)
    assert not (tmp_path / "out" / FOLDER_NAME).exists()
