"""A protocol's blocks → a meeting draft resolved against the directory, with its summary.

Recognition (``protocol.py``) gives the structure; here the organisation that held the meeting
is found, every reference resolved (``resolve.py``), the record id chosen
(``<date>-<municipality>-<kind>``, as the sample records are named), and the draft checked
against the record model so that anything still wrong carries a note where it is.
"""

from __future__ import annotations

import datetime as dt
import re

from .blocks import Block, Paragraph
from .directory_index import DirectoryIndex
from .draft import PLACEHOLDER, Node, plain
from .draft_file import Draft
from .people import translit
from .proposals import Proposals
from .protocol import recognise_protocol
from .refs import Ref
from .resolve import Resolver, municipality_prefix

_KIND_SLUGS = (
    (r"рабоч\w* групп", "wg"), (r"совещани\w* руководител|совещани\w* директор", "heads"),
    (r"педагогическ\w* совет|педсовет", "pedsovet"), (r"методическ\w* совет", "metodsovet"),
    (r"методическ\w* объединени", "mo"), (r"управляющ\w* совет", "board"), (r"попечительск\w* совет", "trustees"),
    (r"семинар", "seminar"), (r"коллеги", "collegium"), (r"конференци", "conference"), (r"совещани", "meeting"),
    (r"комисси", "commission"), (r"собрани", "assembly"),
)  # fmt: skip


def kind_slug(kind: str) -> str:
    low = kind.lower()
    return next((slug for pattern, slug in _KIND_SLUGS if re.search(pattern, low)), translit(kind)[:20] or "meeting")


def _iso(date: str) -> str | None:
    try:
        return dt.datetime.strptime(date, "%d.%m.%Y").date().isoformat()
    except (TypeError, ValueError):
        return None


def _issuer(meeting: Node, index: DirectoryIndex) -> tuple[str | None, str | None]:
    """(issuer id, a note) — the heading's organisation, else the signer's or chair's."""
    ref: Ref = meeting["issuer"]
    if ref.written:
        ids, _how = index.organizations_named(ref.written)
        if len(ids) == 1:
            return ids[0], None
    people: list[Ref] = [s["person"] for s in meeting.get("signers", []) if isinstance(s.get("person"), Ref)]
    for key in ("chair", "secretary"):
        role = meeting.get(key)
        if role is not None and isinstance(role.get("person"), Ref):
            people.append(role["person"])
    for person in people:
        if person.mention is None:
            continue
        matches = {pid for pid, _case in index.people_named(person.mention)}
        if len(matches) == 1:
            found = index.people[matches.pop()].organization
            if found:
                note = None if not ref.written else f"проверьте: «{ref.written}» нет в справочнике; взята организация подписавшего"
                return found, note or "проверьте: организация в протоколе не названа — взята организация подписавшего"
    return None, None


def _attendee_count(nodes: list) -> tuple[int, int]:
    people = sum(1 for n in nodes if isinstance(n, Node) and "person" in n)
    return len(nodes), people


def build_meeting(blocks: list[Block], index: DirectoryIndex, stem: str) -> Draft:
    recognised = recognise_protocol(blocks)
    meeting = recognised.meeting
    heading = recognised.heading
    issuer, issuer_note = _issuer(meeting, index)
    texts = [heading.organization or "", heading.title or "", *(b.flat for b in blocks[:60] if isinstance(b, Paragraph))]
    prefix = municipality_prefix(issuer, index, texts, "import")
    proposals = Proposals(prefix, index.taken)
    if issuer is None and heading.organization:
        issuer = proposals.organization(heading.organization, "организация из заголовка протокола")
    meeting["issuer"] = issuer or PLACEHOLDER
    if issuer is None:
        meeting.note("issuer", "проверьте: организация, проводившая заседание, не названа — впишите её id из справочника")
    elif issuer_note:
        meeting.note("issuer", issuer_note)
    resolver = Resolver(index, proposals, issuer if issuer in index.organizations else None)
    resolver.walk(meeting)
    iso = _iso(meeting.get("date", ""))
    kind = meeting.get("kind", "")
    record_id = f"{iso or 'undated'}-{prefix}-{kind_slug(kind)}"
    _note_repeated_numbers(meeting)
    _check_against_model(meeting)
    what = "выписка из протокола" if meeting.get("document") == "extract" else "протокол"
    draft = Draft("protocol", what, "meetings", "meeting", record_id, meeting, proposals.node())
    draft.recognised = _recognised(meeting, resolver)
    if recognised.left_as_text:
        count = len(recognised.left_as_text)
        draft.left_as_text.append(f"{_paragraphs(count)} — во введении (intro)")
    if recognised.kept_as_comments:
        draft.left_as_text.append(f"{len(recognised.kept_as_comments)} — комментариями (в записи для них нет поля: "
                                  + "; ".join(t[:40] for t in recognised.kept_as_comments[:2]) + ")")  # fmt: skip
    if recognised.certified:
        draft.recognised.append(f"«Верно»: {recognised.certified} (блок «Верно» nor-docs собирает сам)")
    return draft


def _paragraphs(n: int) -> str:
    word = "абзац" if n % 10 == 1 and n % 100 != 11 else "абзаца" if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14 else "абзацев"
    return f"{n} {word}"


def _all_decisions(meeting: Node):
    def walk(nodes):
        for node in nodes:
            yield node
            yield from walk(node.get("decisions", []))

    for item in meeting.get("agenda", []):
        yield from walk(item.get("decisions", []))
        for sub in item.get("items", []):
            yield from walk(sub.get("decisions", []))
    yield from walk(meeting.get("decisions", []))


def _recognised(meeting: Node, resolver: Resolver) -> list[str]:
    facts = []
    head = [f"дата {meeting['date']}" if meeting.get("date") != PLACEHOLDER else None,
            f"№ {meeting['number']}" if meeting.get("number") else None,
            f"время {meeting['time']}" if meeting.get("time") else None,
            meeting.get("place"), f"вид «{meeting['kind']}»" if meeting.get("kind") != PLACEHOLDER else None]  # fmt: skip
    facts.append("реквизиты: " + ", ".join(h for h in head if h))
    roles = [name for name, key in (("председатель", "chair"), ("секретарь", "secretary")) if meeting.get(key)]
    if roles:
        facts.append(" и ".join(roles))
    for key, word in (("attendees", "присутствовали"), ("invited", "приглашены"), ("absent", "отсутствовали")):
        if key in meeting:
            total, people = _attendee_count(meeting[key])
            facts.append(f"{word} — {total}" + (f" (из них людей — {people})" if people and people != total else ""))
    agenda = meeting.get("agenda", [])
    if agenda:
        speakers = sum(len(i.get("speakers", [])) for i in agenda)
        facts.append(f"повестка — {len(agenda)} п." + (f", докладчиков — {speakers}" if speakers else ""))
    heard = sum(len(i.get("heard", [])) for i in agenda)
    spoke = sum(len(i.get("spoke", [])) for i in agenda)
    if heard or spoke:
        facts.append(f"слушали — {heard}" + (f", выступили — {spoke}" if spoke else ""))
    decisions = list(_all_decisions(meeting))
    if decisions:
        executors = sum(1 for d in decisions if d.get("executors"))
        deadlines = sum(1 for d in decisions if d.get("deadline") or "[[" in (d.get("text") or ""))
        inside = sum(1 for d in decisions if "[[" in (d.get("text") or ""))
        facts.append(f"решения — {len(decisions)} (с исполнителями — {executors}, со сроками — {deadlines}"
                     + (f", из них в тексте решения — {inside}" if inside else "") + ")")
    if meeting.get("signers"):
        facts.append(f"подписи — {len(meeting['signers'])}")
    if meeting.get("appendices"):
        facts.append(f"приложения — {len(meeting['appendices'])}")
    found = resolver.found
    facts.append(f"из справочника: людей — {found['people']}, групп — {found['groups']}, организаций — "
                 f"{found['organizations']}")  # fmt: skip
    return facts


def _note_repeated_numbers(meeting: Node) -> None:
    """A decision number met twice in one protocol (nested «1., 2.» under «2.» read as 2.1, 2.2
    while item 2's table also has 2.1, 2.2): an assignment's id is the meeting's id and the number,
    so one of them must change."""
    seen: dict[str, Node] = {}
    for decision in _all_decisions(meeting):
        number = str(decision["number"])
        if number in seen:
            for node in (seen[number], decision):
                node.note(None, f"проверьте: номер решения «{number}» в протоколе встречается дважды — "
                                "перенумеруйте одно из них (номер — часть id поручения)")  # fmt: skip
        else:
            seen[number] = decision


def _check_against_model(meeting: Node) -> None:
    """Notes for whatever the record model would still refuse (beyond the «…» already noted)."""
    from pydantic import ValidationError

    from ..model.meeting import Meeting

    try:
        Meeting.model_validate(plain(meeting))
    except ValidationError as error:
        for problem in error.errors():
            _note_at(meeting, tuple(problem.get("loc", ())), problem.get("msg", ""))


def _note_at(root: Node, loc: tuple, message: str) -> None:
    node: object = root
    parent: Node = root
    key: str | None = None
    for part in loc:
        if isinstance(node, Node) and part in node:
            parent, key = node, part
            node = node[part]
        elif isinstance(node, list) and isinstance(part, int) and part < len(node):
            node = node[part]
            if isinstance(node, Node):
                parent, key = node, None
        else:
            break
    if node == PLACEHOLDER or (isinstance(node, str) and node.startswith(PLACEHOLDER)):
        return
    if parent.notes.get(key):
        return
    parent.note(key, f"проверьте: запись не примет это значение ({message})")
