"""`nor-docs new meeting`: a meeting file to fill in, with the date, that validates once filled."""

from __future__ import annotations

import datetime as dt
import re

from test_bad_records import build_case, run_validate

from nor_docs.cli import cli
from nor_docs.diagnostics import CODES

# What a user writes over each «…» of the scaffold, by the field it stands in.
FILLED = {
    "title": "заседания рабочей группы по реализации проекта «500+»",
    "issuer": "uo",
    "place": "г. Каменка",
    "person": "kiryukhina",
    "position": "Председатель",
    "text": "провести анализ результатов ВПР",
}


def fill(text: str) -> str:
    text = text.replace("executors: [ … ]", "executors: [heads]")
    text = re.sub(r"^(\s*(?:- )?)(\w+): …", lambda m: f"{m.group(1)}{m.group(2)}: {FILLED[m.group(2)]}", text,
                  flags=re.M)  # fmt: skip
    return text.replace("          …\n", "          Доклад о результатах.\n")


def test_creates_the_file_with_the_given_date(runner, tmp_path, monkeypatch):
    records = build_case(None, tmp_path)
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(cli, ["new", "meeting", "--records", "records", "--date", "05.03.2024", "--slug", "wg"])
    assert result.exit_code == 0, result.output
    path = records / "meetings" / "2024-03-05-wg.yaml"
    assert result.output == f"Создан {path.relative_to(tmp_path)}: заполните поля и запустите nor-docs validate.\n"
    text = path.read_text(encoding="utf-8")
    assert "\ndate: 2024-03-05\n" in text
    assert "deadline: до 04.04.2024" in text  # a month ahead, to be corrected


def test_uses_today_by_default(runner, tmp_path, monkeypatch):
    records = build_case(None, tmp_path)
    monkeypatch.chdir(tmp_path)
    before = dt.date.today()
    result = runner.invoke(cli, ["new", "meeting", "--records", "records"])
    after = dt.date.today()
    assert result.exit_code == 0, result.output
    created = {p.name for p in (records / "meetings").iterdir()} - {"2024-01-10-wg.yaml"}
    assert created in ({f"{before.isoformat()}-meeting.yaml"}, {f"{after.isoformat()}-meeting.yaml"})


def test_refuses_to_overwrite(runner, tmp_path, monkeypatch):
    records = build_case(None, tmp_path)
    monkeypatch.chdir(tmp_path)
    args = ["new", "meeting", "--records", "records", "--date", "2024-01-10", "--slug", "wg"]
    before = (records / "meetings" / "2024-01-10-wg.yaml").read_bytes()
    result = runner.invoke(cli, args)
    assert result.exit_code == 4  # exitcodes.OUTPUT: nothing is overwritten
    assert "уже есть" in result.output
    assert (records / "meetings" / "2024-01-10-wg.yaml").read_bytes() == before


def test_refuses_a_bad_date_or_slug(runner, tmp_path, monkeypatch):
    build_case(None, tmp_path)
    monkeypatch.chdir(tmp_path)
    bad_date = runner.invoke(cli, ["new", "meeting", "--records", "records", "--date", "31.02.2024"])
    assert bad_date.exit_code == 3 and "такой даты нет" in bad_date.output
    bad_slug = runner.invoke(cli, ["new", "meeting", "--records", "records", "--slug", "Заседание"])
    assert bad_slug.exit_code == 3 and "slug" in bad_slug.output


def test_unfilled_scaffold_reports_every_placeholder(runner, tmp_path, monkeypatch):
    records = build_case(None, tmp_path)
    monkeypatch.chdir(tmp_path)
    runner.invoke(cli, ["new", "meeting", "--records", "records", "--date", "2024-03-05"])
    text = (records / "meetings" / "2024-03-05-meeting.yaml").read_text(encoding="utf-8")
    lines = text.splitlines()
    # a block scalar («text: |») is reported where it starts, at its «|»
    placeholders = [i if lines[i - 1].endswith("|") else i + 1
                    for i, line in enumerate(lines) if "…" in line.split("#")[0]]  # fmt: skip
    result = run_validate(runner, tmp_path, monkeypatch)
    assert result.exit_code == 2
    lines = result.output.splitlines()[:-1]
    assert [int(line.split(":")[1]) for line in lines] == placeholders
    assert all(" NOR102 не заполнено: вместо «…» впишите значение" in line for line in lines)


def test_filled_scaffold_validates(runner, tmp_path, monkeypatch):
    records = build_case(None, tmp_path)
    monkeypatch.chdir(tmp_path)
    runner.invoke(cli, ["new", "meeting", "--records", "records", "--date", "2024-03-05"])
    path = records / "meetings" / "2024-03-05-meeting.yaml"
    filled = fill(path.read_text(encoding="utf-8"))
    assert "…" not in "\n".join(line.split("#")[0] for line in filled.splitlines())
    path.write_text(filled, encoding="utf-8")
    result = run_validate(runner, tmp_path, monkeypatch)
    assert result.exit_code == 0, result.output
    assert result.output == "Записи в порядке: файлов — 4, заседаний — 2, дорожных карт — 0.\n"
    assert "NOR102" in CODES


def test_schema_line_leads_to_the_package_schema(runner, tmp_path, monkeypatch):
    from nor_docs.scaffold.schema import PACKAGE_SCHEMAS

    records = build_case(None, tmp_path)
    monkeypatch.chdir(tmp_path)
    runner.invoke(cli, ["new", "meeting", "--records", "records", "--date", "2024-03-05"])
    path = records / "meetings" / "2024-03-05-meeting.yaml"
    link = path.read_text(encoding="utf-8").splitlines()[0].split("$schema=")[1]
    assert (path.parent / link).resolve() == (PACKAGE_SCHEMAS / "meeting.schema.json").resolve()


def test_a_file_in_the_way_of_the_folder_is_reported_not_raised(runner, tmp_path, monkeypatch):
    (tmp_path / "records").mkdir()
    (tmp_path / "records" / "meetings").write_text("not a folder", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(cli, ["new", "meeting", "--records", "records", "--date", "2024-03-05"])
    assert result.exit_code == 4
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert result.output == (
        "nor-docs: не удалось создать папку records/meetings: на пути к ней — файл, а не папка; "
        "укажите другую папку (--records)\n"
    )


def test_a_folder_that_cannot_be_written_is_reported_not_raised(runner, tmp_path, monkeypatch):
    build_case(None, tmp_path)
    monkeypatch.chdir(tmp_path)

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("builtins.open", refuse)
    result = runner.invoke(cli, ["new", "meeting", "--records", "records", "--date", "2024-03-05"])
    assert result.exit_code == 4
    assert isinstance(result.exception, SystemExit)
    assert result.output == (
        "nor-docs: не удалось записать records/meetings/2024-03-05-meeting.yaml: нет прав на запись; "
        "проверьте права доступа или укажите другую папку (--records)\n"
    )


def test_run_inside_a_records_folder_it_does_not_start_a_second_one(runner, tmp_path, monkeypatch):
    records = build_case(None, tmp_path)
    monkeypatch.chdir(records / "meetings")  # editing the meetings, then «nor-docs new meeting»
    result = runner.invoke(cli, ["new", "meeting", "--date", "05.03.2024", "--slug", "wg"])
    assert result.exit_code == 3
    assert "внутри папки записей" in result.output and "--records .." in result.output
    assert not (records / "meetings" / "records").exists()
    result = runner.invoke(cli, ["new", "meeting", "--records", "records", "--date", "05.03.2024", "--slug", "wg"])
    assert result.exit_code == 0  # said explicitly: obeyed
    assert (records / "meetings" / "records" / "meetings" / "2024-03-05-wg.yaml").is_file()
    fresh = tmp_path / "fresh"  # no records folder here or above: one is begun, as before
    fresh.mkdir()
    monkeypatch.chdir(fresh)
    result = runner.invoke(cli, ["new", "meeting", "--date", "05.03.2024", "--slug", "wg"])
    assert result.exit_code == 0 and (fresh / "records" / "meetings" / "2024-03-05-wg.yaml").is_file()


def test_scaffold_has_every_commonly_used_part_each_explained_in_russian(runner, tmp_path, monkeypatch):
    import yaml

    records = build_case(None, tmp_path)
    monkeypatch.chdir(tmp_path)
    runner.invoke(cli, ["new", "meeting", "--records", "records", "--date", "2024-03-05"])
    text = (records / "meetings" / "2024-03-05-meeting.yaml").read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    assert data["issuer"] == "uo"  # the one education office of the directory
    assert {"kind", "title", "date", "time", "place", "chair", "secretary", "attendees", "agenda"} <= set(data)
    item = data["agenda"][0]
    assert {"number", "title", "speakers", "heard", "spoke", "decisions"} <= set(item)
    assignment = item["decisions"][1]
    assert {"executors", "text", "deadline"} <= set(assignment)
    for commented in ("# signers:", "# invited:", "# number:", "# format:", "#   count: 15"):
        assert commented in text
    for line in text.splitlines()[1:]:  # every field the clerk fills is explained, in Russian
        if re.match(r"^\s*(?:- )?(title|issuer|place|chair|secretary|attendees|agenda|speakers|heard|spoke|"
                    r"decisions|executors|deadline):", line):  # fmt: skip
            assert re.search(r"#.*[а-яёА-ЯЁ]", line), line
