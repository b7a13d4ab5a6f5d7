"""One id, one document (issue 12, point 1): two files that claim the same id never put one's
document under the other's name — whatever the batching of the build (batches are validated on
their own once there are more than four meetings), whatever was built before.

The folders are made by the benchmark generator (bench/generate.py): ten meetings in batches of
two over two processes, and the thousand of the benchmark.
"""

from __future__ import annotations

import hashlib
import sys

import pytest
from conftest import ROOT

from nor_docs.build.protocols import build_protocols
from nor_docs.cli import cli

sys.path.insert(0, str(ROOT / "bench"))
from generate import generate

TEMPLATES = ROOT / "templates"


def _claim(path, meeting_id: str) -> None:
    """Make the meeting file ``path`` claim ``meeting_id`` (an ``id:`` line under its schema line)."""
    lines = [line for line in path.read_text(encoding="utf-8").split("\n") if not line.startswith("id: ")]
    lines.insert(1, f"id: {meeting_id}")
    path.write_text("\n".join(lines), encoding="utf-8")


def _sha(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_duplicate_id_stops_both_files_whatever_the_batching(tmp_path, jobs):
    records = generate(tmp_path / "records", 10)
    _claim(records / "meetings" / "bench-0009.yaml", "bench-0002")  # another batch than bench-0002's
    result = build_protocols(records, tmp_path / "out", TEMPLATES, jobs=jobs)
    built = sorted(p.name for p in (tmp_path / "out").glob("*.docx"))
    assert built == [f"bench-{n:04d}.docx" for n in (1, 3, 4, 5, 6, 7, 8, 10)]
    assert sorted(result.failed) == ["meetings/bench-0002.yaml", "meetings/bench-0009.yaml"]
    nor107 = [d for d in result.diagnostics if d.code == "NOR107"]
    assert [(d.file.rsplit("/", 1)[1], d.line) for d in nor107] == [("bench-0002.yaml", 2), ("bench-0009.yaml", 2)]
    assert all("не собирается ни из одного из этих файлов" in d.message for d in nor107)
    assert "records/meetings/bench-0009.yaml:2" in nor107[0].message


def test_the_last_good_document_stays_until_the_ids_differ(tmp_path):
    records = generate(tmp_path / "records", 10)
    out = tmp_path / "out"
    build_protocols(records, out, TEMPLATES, jobs=2)
    good = _sha(out / "bench-0002.docx")
    _claim(records / "meetings" / "bench-0009.yaml", "bench-0002")  # bench-0002 itself is unchanged
    again = build_protocols(records, out, TEMPLATES, jobs=2)
    assert _sha(out / "bench-0002.docx") == good  # never bench-0009's protocol under this name
    assert sorted(again.failed) == ["meetings/bench-0002.yaml", "meetings/bench-0009.yaml"]
    assert not again.ok and not again.built
    still = build_protocols(records, out, TEMPLATES, jobs=2)  # and so on, every build until it is fixed
    assert sorted(still.failed) == sorted(again.failed) and _sha(out / "bench-0002.docx") == good
    _claim(records / "meetings" / "bench-0009.yaml", "bench-0009-fixed")
    fixed = build_protocols(records, out, TEMPLATES, jobs=2)
    assert fixed.ok, [d.as_text() for d in fixed.diagnostics]
    assert sorted(p.name for p in fixed.built) == ["bench-0002.docx", "bench-0009-fixed.docx"]
    assert _sha(out / "bench-0002.docx") == good  # the same record, the same bytes


def test_a_duplicate_among_a_thousand_meetings_stops_both(tmp_path, runner):
    """The benchmark's thousand meetings (bench/generate.py): 998 protocols, and neither of the two."""
    records = generate(tmp_path / "records", 1000)
    _claim(records / "meetings" / "bench-0777.yaml", "bench-0002")
    result = runner.invoke(cli, ["build", "protocols", "--records", str(records), "--out", str(tmp_path / "out"),
                                 "--templates", str(TEMPLATES), "--no-progress"])  # fmt: skip
    assert result.exit_code == 2, result.output  # exitcodes.INVALID_RECORDS
    assert "Собрано протоколов: 998 из 1000 (без изменений — 0, не собрано из-за ошибок — 2)" in result.stdout
    assert len(list((tmp_path / "out").glob("*.docx"))) == 998
    assert not (tmp_path / "out" / "bench-0002.docx").exists() and not (tmp_path / "out" / "bench-0777.docx").exists()
    assert result.stderr.count("NOR107") == 2


def test_the_ids_are_read_as_the_loader_reads_them(tmp_path):
    """``claimed_ids`` decides without parsing most files: its answer must be the loader's, for
    ids written plainly, quoted, with escapes, as null, invalid — and for a name-only file."""
    from nor_docs.model.records import claimed_ids, load_records

    root = tmp_path / "records"
    (root / "meetings").mkdir(parents=True)
    base = (ROOT / "tests" / "bad" / "_base").resolve()
    import shutil

    shutil.copytree(base / "directory", root / "directory")
    meeting = (base / "meetings" / "2024-01-10-wg.yaml").read_text(encoding="utf-8")
    heads = {"plain": "id: a-1\n", "quoted": 'id: "a-2"\n', "escaped": '"i\\x64": "a-\\x33"\n', "null": "id: null\n",
             "flow-key": "? id\n: a-4\n", "name-only": "", "tagged": "!!str id: a-5\n", "invalid": "id: А-6\n",
             "sidorova": "# Сидорова, sidorova — the letters id in a comment\n"}  # fmt: skip
    for name, head in heads.items():
        (root / "meetings" / f"{name}.yaml").write_text(head + meeting, encoding="utf-8")
    claims = {p.stem: mid for p, mid in claimed_ids(sorted((root / "meetings").iterdir())).items()}
    records, _problems = load_records(root)
    loaded = {records.origins[mid].file.rsplit("/", 1)[1][:-5]: mid for mid in records.meetings}
    assert claims == {**loaded, "invalid": None}
    assert claims["escaped"] == "a-3" and claims["null"] == "null" and claims["flow-key"] == "a-4"


def test_an_extract_of_an_id_two_files_claim_is_refused(tmp_path, runner):
    records = generate(tmp_path / "records", 6)
    _claim(records / "meetings" / "bench-0005.yaml", "bench-0002")
    result = runner.invoke(cli, ["build", "extract", "bench-0002", "--item", "1", "--records", str(records),
                                 "--out", str(tmp_path / "out"), "--templates", str(TEMPLATES)])  # fmt: skip
    assert result.exit_code == 2, result.output
    assert "NOR107 идентификатор заседания «bench-0002» заявлен и в" in result.stderr
    assert "bench-0005.yaml" in result.stderr
    assert not list((tmp_path / "out").glob("*.docx"))


def test_a_roadmap_id_two_files_claim_builds_neither(tmp_path, runner):
    import shutil

    records = tmp_path / "records"
    shutil.copytree(ROOT / "records", records)
    second = records / "roadmaps" / "zz-copy.yaml"
    text = (records / "roadmaps" / "kamenka-roadmap-2024.yaml").read_text(encoding="utf-8")
    second.write_text(text.replace("title: «Дорожная карта»", "id: kamenka-roadmap-2024\ntitle: «Копия»", 1),
                      encoding="utf-8")  # fmt: skip
    result = runner.invoke(cli, ["build", "roadmaps", "--records", str(records), "--out", str(tmp_path / "out"),
                                 "--templates", str(TEMPLATES)])  # fmt: skip
    assert result.exit_code == 2, result.output
    assert not (tmp_path / "out" / "kamenka-roadmap-2024.docx").exists()
    assert len(list((tmp_path / "out").glob("*.docx"))) == 2
    assert result.stderr.count("NOR107") == 2  # on each of the two files


def test_an_extract_of_a_meeting_whose_file_does_not_read_reports_that_file(tmp_path, runner):
    """A file named after the meeting, whose id cannot be told (a syntax error, and the letters
    «id» in it): its own errors, not «не найдено»."""
    records = generate(tmp_path / "records", 3)
    broken = records / "meetings" / "bench-0002.yaml"
    broken.write_text(broken.read_text(encoding="utf-8") + "sidorova: [unclosed\n", encoding="utf-8")
    result = runner.invoke(cli, ["build", "extract", "bench-0002", "--item", "1", "--records", str(records),
                                 "--out", str(tmp_path / "out"), "--templates", str(TEMPLATES)])  # fmt: skip
    assert result.exit_code == 2, result.output
    assert "bench-0002.yaml:" in result.stderr and "NOR004" in result.stderr and "NOR309" not in result.stderr
