"""A roadmap (дорожная карта, план мероприятий) written as a table, recognised into a roadmap draft.

The table is the one whose header names an activity, a deadline and who is responsible
(«№ | Мероприятие | Сроки | Ответственные | Ожидаемый результат | Форма отчётности»), continued
over several tables if Word split it; a row with only a title is a section («1. Организационные
мероприятия»). Above the table: the approval («УТВЕРЖДЕНА приказом … от … № …», «Приложение № 2 к
приказу …») and the title, whose «на 2023-2024 годы» gives the period.
"""

from __future__ import annotations

import datetime as dt
import re

from .blocks import Block, Paragraph, Table
from .dates import find_date
from .deadlines import deadline_kind, read_deadline
from .decisions import executor_refs, label
from .directory_index import DirectoryIndex
from .draft import PLACEHOLDER, Node, plain
from .draft_file import Draft
from .proposals import Proposals
from .resolve import Resolver, municipality_prefix

_TITLE = re.compile(r"дорожн\w+\s+карт|план\w*\s+мероприяти|план-график|план\s+работы", re.I)
_APPROVAL = re.compile(
    r"(?:утвержден\w*|приложение\s*(?:[№N]\s*\d+)?\s*к)\s+(приказ\w*|распоряжени\w*|постановлени\w*|решени\w*)\s+"
    r"(.*?)\s+от\s+(\S+(?:\s+\S+\s+\d{4})?)(?:\s*(?:г\.|года))?\s*(?:(?:№|N(?=\s*\d))\s*([\w\-/]+))?",
    re.I | re.S,
)
_INSTRUMENTAL = {"приказ": "приказом", "распоряжени": "распоряжением", "постановлени": "постановлением", "решени": "решением"}
_ROMAN = re.compile(r"^([IVXLC]{1,6})\.\s+(?=\S)")
_REPORTING = re.compile(r"(?:^|\s)форма\s+отч[её]тности\s*:\s*(.+)$", re.I | re.S)
_YEARS = re.compile(r"на\s+(\d{4})\s*[-–/]\s*(\d{4}|\d{2})\s+(учебн\w+\s+)?год|на\s+(\d{4})\s+(учебн\w+\s+)?год", re.I)


def _columns(header: tuple[str, ...]) -> dict[str, int] | None:
    low = [c.lower() for c in header]
    find = lambda *words: next((i for i, c in enumerate(low) if any(w in c for w in words)), None)  # noqa: E731
    columns = {
        "number": find("№", "п/п"),
        "activity": find("мероприяти", "содержани", "наименовани", "действи", "направлени"),
        "deadline": find("срок", "дата"),
        "executors": find("ответствен", "исполнител"),
        "result": find("результат", "показател"),
        "reporting": find("отчетност", "отчётност", "форма отч", "подтвержда"),
    }
    if columns["number"] is None:
        columns["number"] = next((i for i, c in enumerate(low) if c.strip() in ("n", "n п/п")), None)
    if columns["activity"] is None or columns["deadline"] is None:
        return None
    return {k: v for k, v in columns.items() if v is not None}


# Headers of the usual six columns; the first of each is the one a roadmap prints by default
# (render/'s): a paper with others keeps its own in ``columns``.
_USUAL = {"number": ("№ п/п", "№"), "activity": ("мероприятие", "мероприятия", "наименование мероприятия"),
          "deadline": ("срок", "сроки", "срок исполнения"), "executors": ("ответственные", "ответственный", "исполнители"),
          "result": ("ожидаемый результат", "результат"), "reporting": ("форма отчётности", "форма отчетности")}  # fmt: skip


def _declared_columns(header: tuple[str, ...], columns: dict[str, int]) -> list[Node] | None:
    """The paper's columns with its headers, when they are not the usual ones (``columns:``)."""
    written = {field: " ".join(header[i].split()) for field, i in columns.items() if i < len(header)}
    usual = all(text.lower().rstrip(".") in _USUAL[field] for field, text in written.items())
    if usual and len(written) == 6:
        return None
    order = sorted(written, key=lambda field: columns[field])
    return [Node("column", field=field, header=None if written[field].lower() == _USUAL[field][0].lower() else written[field])
            for field in order]  # fmt: skip


def _is_header(row: tuple[str, ...]) -> bool:
    """A header row: the column names, short, with no item number in front."""
    return (_columns(row) is not None and all(len(c) <= 60 for c in row)
            and not re.fullmatch(r"\d+(?:\.\d+)*\.?", row[0].strip()))  # fmt: skip


def roadmap_score(blocks: list[Block]) -> int:
    score = 0
    titled = any(isinstance(b, Paragraph) and _TITLE.search(b.text) for b in blocks[:15])
    for block in blocks:
        if isinstance(block, Table) and block.rows and _columns(block.rows[0]) is not None and \
                (titled or any("мероприяти" in c.lower() for c in block.rows[0])):  # fmt: skip
            score += 5
            break
    if score and any(isinstance(b, Paragraph) and _TITLE.search(b.text) for b in blocks[:15]):
        score += 3
    if score and any(isinstance(b, Paragraph) and re.match(r"^\s*(слушали|решили|постановили)\b", b.text, re.I)
                     for b in blocks):  # fmt: skip
        score -= 4
    return max(score, 0)


def _period(title: str, deadlines: list[str]) -> tuple[str, str, str | None]:
    match = _YEARS.search(title)
    if match:
        if match.group(1):
            first = int(match.group(1))
            last = match.group(2)
            end = int(last) if len(last) == 4 else first // 100 * 100 + int(last)
            if match.group(3):
                return f"{first}-09-01", f"{end}-08-31", None
            return f"{first}-01-01", f"{end}-12-31", None
        year = int(match.group(4))
        if match.group(5):
            return f"{year}-09-01", f"{year + 1}-08-31", None
        return f"{year}-01-01", f"{year}-12-31", None
    points: list[dt.date] = []
    for text in deadlines:
        try:
            deadline = read_deadline(text)
        except ValueError:
            continue
        # deadlines are a union of kinds: only some have a date, or a year and a month
        for point in [deadline, *getattr(deadline, "points", ())]:
            date, point_year = getattr(point, "date", None), getattr(point, "year", None)
            if date is not None:
                points.append(date)
            elif point_year is not None:
                points.append(dt.date(point_year, getattr(point, "month", None) or 12, 1))
    if points:
        return (f"{min(points).year}-01-01", f"{max(points).year}-12-31",
                "проверьте: период взят по срокам мероприятий — в заголовке его нет")  # fmt: skip
    return PLACEHOLDER, PLACEHOLDER, "проверьте: период дорожной карты не найден — впишите start и end"


def _approval(text: str) -> tuple[Node | None, str | None]:
    """(approval node, the issuing organisation's words) from the approval stamp's text."""
    match = _APPROVAL.search(text)
    if not match:
        return None, None
    act, who, when, number = match.groups()
    date = find_date(when + " " + text[match.end(3):match.end(3) + 10])
    if date is None:
        return None, None
    stem = next((v for k, v in _INSTRUMENTAL.items() if act.lower().startswith(k)), act)
    who = " ".join(who.split())
    appendix = re.match(r"\s*приложение\s*[№N]\s*(\d+)", text[match.start():], re.I)
    as_written = None
    if not re.search(r"утвержд", match.group(0), re.I):
        # «Приложение N 2 / к приказу … / от … N 5976»: printed as it stands, line by line
        stamp = text[match.start():match.end()]
        as_written = "\n".join(line.strip() for line in stamp.split("\n") if line.strip())
    return Node("approval", by=f"{stem} {who}".strip(), date=date[0], number=number,
                appendix=int(appendix.group(1)) if appendix else None, as_written=as_written), who  # fmt: skip


def build_roadmap(blocks: list[Block], index: DirectoryIndex, stem: str) -> Draft:
    table_at, first_table = next((i, b) for i, b in enumerate(blocks)
                                 if isinstance(b, Table) and b.rows and _columns(b.rows[0]))  # fmt: skip
    head = [b for b in blocks[:table_at] if isinstance(b, Paragraph)]
    head_text = "\n".join(b.text for b in head)
    approval, issuer_words = _approval(head_text)
    title_parts: list[str] = []
    for paragraph in head:
        if _TITLE.search(paragraph.text) or (title_parts and not re.match(r"^(утвержд|приложени|директор|начальник|_)", paragraph.text, re.I)):
            if re.match(r"^(утвержд|приложени)", paragraph.text, re.I) and not _TITLE.match(paragraph.text):
                continue
            title_parts.append(paragraph.flat)
    title = " ".join(title_parts).strip() or PLACEHOLDER
    columns = _columns(first_table.rows[0])
    assert columns is not None
    sections: list[Node] = []
    loose: list[Node] = []
    deadlines: list[str] = []
    width = first_table.width
    for block in blocks[table_at:]:
        if not isinstance(block, Table):
            continue
        for row in block.rows:
            cells = list(row) + [""] * (width - len(row))
            if _is_header(row):
                continue  # the header, repeated on a continued table
            filled = [c for c in row if c.strip()]
            if not filled:
                continue
            activity = " ".join(cells[columns["activity"]].split()) if columns["activity"] < len(cells) else ""
            def get(key: str, cells: list[str] = cells) -> str:
                return " ".join(cells[columns[key]].split()) if key in columns and columns[key] < len(cells) else ""

            if len(set(filled)) == 1 or (not get("deadline") and not get("executors") and len(filled) <= 2):
                roman = _ROMAN.match(filled[-1])
                sections.append(Node("section", number=roman.group(1) if roman else None,
                                     title=(filled[-1][roman.end():] if roman else
                                            re.sub(r"^\d+(?:\.\d+)*\.?\s*", "", filled[-1])).strip()))  # fmt: skip
                continue
            number = get("number").rstrip(".")
            result, reporting = get("result"), get("reporting")
            form = _REPORTING.search(result)
            if form and not reporting:  # «…; Форма отчётности: справка» in the result's column
                result, reporting = result[: form.start()].rstrip(" ;,."), form.group(1).strip()
            item = Node("roadmap_item", number=label(number) if re.fullmatch(r"\d+(?:\.\d+)*", number) else None,
                        activity=activity or PLACEHOLDER, result=result or None, reporting=reporting or None)  # fmt: skip
            deadline = get("deadline")
            if deadline:
                item.set("deadline", deadline)
                deadlines.append(deadline)
                if deadline_kind(deadline) in (None, "relative"):
                    item.note("deadline", "проверьте: срок не распознан — запишите его так, как понимает nor-docs")
            refs = executor_refs(cells[columns["executors"]], "nominative") if "executors" in columns else []
            if refs:
                item.set("executors", refs)
            if item.get("number") is None:
                item.set("number", len(loose) + sum(len(s.get("items", [])) for s in sections) + 1)
            (sections[-1].setdefault("items", []) if sections else loose).append(item)
    start, end, period_note = _period(title, deadlines)
    issuer_ref = issuer_words or ""
    issuer = None
    issuer_note = None
    if issuer_ref:
        ids, _how = index.organizations_named(issuer_ref)
        issuer = ids[0] if len(ids) == 1 else None
    if issuer is None and not issuer_ref:
        issuer = _office_of_executors(sections, loose, index)
        if issuer is not None:
            issuer_note = "проверьте: чья это дорожная карта, в документе не сказано — взято управление образования исполнителей"
    prefix = municipality_prefix(issuer, index, [issuer_ref, title, head_text], "import")
    proposals = Proposals(prefix, index.taken)
    if issuer is None and issuer_ref:
        issuer = proposals.organization(issuer_ref[:1].upper() + issuer_ref[1:], "из грифа утверждения")
    roadmap = Node("roadmap", title=title, issuer=issuer or PLACEHOLDER,
                   period=Node("period", start=start, end=end), approval=approval,
                   columns=_declared_columns(first_table.rows[0], columns),
                   sections=[s for s in sections if s.get("items")], items=loose)  # fmt: skip
    if issuer is None:
        roadmap.note("issuer", "проверьте: чья это дорожная карта — впишите id организации из справочника")
    elif issuer_note:
        roadmap.note("issuer", issuer_note)
    if period_note:
        roadmap.note("period", period_note)
    if title == PLACEHOLDER:
        roadmap.note("title", "проверьте: заголовок не найден — впишите его")
    empty = [s["title"] for s in sections if not s.get("items")]
    if empty:
        roadmap.note("sections", "в таблице были строки-заголовки без мероприятий: " + "; ".join(empty))
    resolver = Resolver(index, proposals, issuer if issuer in index.organizations else None)
    resolver.walk(roadmap)
    years = start[:4] if start[:4] == end[:4] else f"{start[:4]}-{end[:4]}"
    record_id = f"{prefix}-roadmap-{years if years.strip(PLACEHOLDER) else 'undated'}"
    _check(roadmap)
    items = sum(len(s.get("items", [])) for s in roadmap.get("sections", [])) + len(roadmap.get("items", []))
    draft = Draft("roadmap", "дорожная карта", "roadmaps", "roadmap", record_id, roadmap, proposals.node())
    draft.recognised = [f"разделы — {len(roadmap.get('sections', []))}", f"мероприятия — {items}",
                        f"со сроками — {len(deadlines)}", "гриф утверждения" if approval else "гриф утверждения не найден"]  # fmt: skip
    return draft


def _office_of_executors(sections: list[Node], loose: list[Node], index: DirectoryIndex) -> str | None:
    """The education office of the directory file most executors come from (a roadmap without an
    approval stamp names only its executors)."""
    from collections import Counter


    files: Counter = Counter()
    for item in [i for s in sections for i in s.get("items", [])] + loose:
        for ref in item.get("executors", []):
            found: list[str] = []
            if ref.mention is not None:
                found = [pid for pid, _c in index.people_named(ref.mention)]
            else:
                found = index.groups_named(ref.written)[0] or index.organizations_named(ref.written)[0]
            for key in found[:1]:
                files[index.file_of.get(key, "")] += 1
    for home, _count in files.most_common():
        offices = [oid for oid, org in index.organizations.items()
                   if index.file_of.get(oid) == home and org.kind == "управление образования"]  # fmt: skip
        if len(offices) == 1:
            return offices[0]
    return None


def _check(roadmap: Node) -> None:
    from pydantic import ValidationError

    from ..model.roadmap import Roadmap
    from .meeting_draft import _note_at

    try:
        Roadmap.model_validate(plain(roadmap))
    except ValidationError as error:
        for problem in error.errors():
            _note_at(roadmap, tuple(problem.get("loc", ())), problem.get("msg", ""))

