"""``nor-docs import`` as a user runs it: a summary in Russian, drafts written beside the records,
an existing file never overwritten, the same file giving the same bytes, files that cannot be
read named with what to do; and a draft either validates or carries «# проверьте:» where
validation complains."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import SAMPLE_RECORDS
from import_corpus import build_docx
from import_facts import SEEDS, seeds_dir

from nor_docs.cli import cli
from nor_docs.pipeline import load_checked as load_and_validate

DATA = Path(__file__).resolve().parent / "data" / "import"
SEED = "002_4dbd5cde15fe31d7.txt"


@pytest.fixture
def records(tmp_path) -> Path:
    """Sample directory, settings and events; no meetings (the imported ones would collide)."""
    target = tmp_path / "records"
    shutil.copytree(SAMPLE_RECORDS, target, ignore=shutil.ignore_patterns("meetings", "roadmaps", "marks"))
    return target


def test_import_writes_a_draft_and_says_what_it_recognised(runner, records):
    result = runner.invoke(cli, ["import", str(seeds_dir() / SEED), "--records", str(records)])
    assert result.exit_code == 0, result.output
    draft = records / "meetings" / "2023-12-14-mun4-wg.yaml"
    assert result.output.splitlines() == [
        f"{SEED} → {draft.as_posix()} (протокол)",
        "  распознано: реквизиты: дата 14.12.2023, № 4, время 11:00, вид «заседание рабочей группы»; председатель "
        "и секретарь; присутствовали — 7; отсутствовали — 0; повестка — 2 п.; слушали — 6; решения — 3 (с "
        "исполнителями — 1, со сроками — 1); подписи — 1; из справочника: людей — 16, групп — 1, организаций — 0",
        "  оставлено текстом: ничего",
        "  проверить: в черновике — 1 «# проверьте:»",
        "  новых записей справочника нет",
        "Импортировано: 1 из 1.",
        f"Дальше: исправьте места «# проверьте:», удалите эти пометки и запустите nor-docs validate --records {records}.",
    ]
    text = draft.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=")
    assert "executors: [mun4-wg]" in text and "deadline: в срок до 31.01.2024 г." in text


def test_an_existing_record_is_never_overwritten(runner, records):
    args = ["import", str(seeds_dir() / SEED), "--records", str(records)]
    assert runner.invoke(cli, args).exit_code == 0
    draft = records / "meetings" / "2023-12-14-mun4-wg.yaml"
    draft.write_text(draft.read_text(encoding="utf-8") + "# правка человека\n", encoding="utf-8")
    before = draft.read_bytes()
    result = runner.invoke(cli, args)
    assert result.exit_code == 4  # exitcodes.OUTPUT: the draft is not written over the record
    assert f"{SEED}: не импортирован — {draft.as_posix()} уже есть — черновик не записан (запись не перезаписывается)" \
        in result.output  # fmt: skip
    assert draft.read_bytes() == before


def test_the_same_file_gives_the_same_drafts_byte_for_byte(runner, tmp_path, records):
    files = [str(seeds_dir() / name) for name in SEEDS] + [str(p) for p in build_docx(tmp_path / "docx").values()]
    outputs = []
    for n in (1, 2):
        out = tmp_path / f"out{n}"
        result = runner.invoke(cli, ["import", *files, "--records", str(records), "--out", str(out)])
        assert result.exit_code == 0, result.output
        outputs.append({p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*.yaml"))})
    assert outputs[0] == outputs[1]
    assert len(outputs[0]) >= len(files)


def test_files_that_cannot_be_imported_are_named_and_the_others_imported(runner, tmp_path, records):
    (tmp_path / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 64)
    (tmp_path / "letter.txt").write_text("Уважаемые коллеги! Направляем информацию о семинаре.", encoding="utf-8")
    # a prescription of an inspector: a kind the records do not know, not read
    (tmp_path / "prescription.txt").write_text(
        "ПРЕДПИСАНИЕ № 12 об устранении выявленных нарушений\n\nПредлагаю устранить нарушения в срок до "
        "01.03.2024.\n", encoding="utf-8")  # fmt: skip
    result = runner.invoke(cli, ["import", str(tmp_path / "old.doc"), str(tmp_path / "absent.docx"),
                                 str(tmp_path / "letter.txt"), str(seeds_dir() / SEED), str(tmp_path / "prescription.txt"),
                                 "--records", str(records)])  # fmt: skip
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert lines[0].startswith("old.doc: не импортирован — формат .doc не читается; откройте файл в Word")
    assert lines[1] == "absent.docx: не импортирован — файл не найден; проверьте путь"
    assert lines[2].startswith("letter.txt: не импортирован — не похоже ни на протокол, ни на дорожную карту")
    assert f"{SEED} → " in lines[3]
    assert "prescription.txt: не импортирован — это предписание: такой документ импорт не распознал" in result.output
    assert "Импортировано: 1 из 5." in lines
    assert "Traceback" not in result.output


def test_records_that_is_a_file_is_refused_in_russian(runner, tmp_path):
    (tmp_path / "records").write_text("", encoding="utf-8")
    result = runner.invoke(cli, ["import", str(seeds_dir() / SEED), "--records", str(tmp_path / "records")])
    assert result.exit_code == 2  # exitcodes.INVALID_RECORDS, as a build given no records folder
    assert "это файл, а не папка записей" in result.output


def _noted(lines: list[str], line: int) -> bool:
    """A «# проверьте:» comment above ``line`` (1-based) in its block of comments, or above the
    list item or mapping the line belongs to (within six lines)."""
    return any(lines[i].lstrip().startswith("# проверьте:") for i in range(max(0, line - 8), line - 1))


def test_every_draft_validates_or_carries_a_note_where_validation_complains(runner, tmp_path):
    """Seeds imported with no directory at all (everyone proposed), the corpus, the docx corpus."""
    records = tmp_path / "records"
    (records / "meetings").mkdir(parents=True)
    files = [str(seeds_dir() / name) for name in SEEDS] + [str(p) for p in sorted(DATA.glob("*.*"))]
    files += [str(p) for p in build_docx(tmp_path / "docx").values()]
    result = runner.invoke(cli, ["import", *files, "--records", str(records)])
    assert result.exit_code == 0, result.output
    _loaded, found = load_and_validate(records)
    errors = [d for d in found if d.is_error]
    assert errors, "the drafts have places to fill («…»): validation must complain somewhere"
    unnoted = []
    for diagnostic in errors:
        lines = Path(diagnostic.file).read_text(encoding="utf-8").splitlines()
        if not _noted(lines, diagnostic.line):
            unnoted.append(diagnostic.as_text())
    assert unnoted == []
    assert {d.code for d in errors} <= {"NOR102", "NOR106"}, {d.code for d in errors}
