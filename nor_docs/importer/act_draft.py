"""A recognised order, directive, resolution or decision (``act.py``) → a draft of that kind for
``records/documents/``, resolved against the directory like a protocol's, with its summary.

The issuer is the organisation the header prints (its last line: «КОЛЛЕГИЯ ОРЛОВСКОЙ ОБЛАСТИ»),
else the formula's subject («Администрация Заполярного района постановляет:»), else the signer's
organisation; the control clause's person becomes the item's ``controls``; the record id is
``<date>-<municipality>-<kind>-<number>``.
"""

from __future__ import annotations

import datetime as dt

from .act import Act, recognise_act
from .blocks import Block, Paragraph
from .directory_index import DirectoryIndex
from .draft import PLACEHOLDER, Node
from .draft_file import Draft
from .meeting_draft import _all_decisions, _check_against_model, _issuer, _note_repeated_numbers
from .people import translit
from .proposals import Proposals
from .refs import Ref
from .resolve import Resolver, municipality_prefix, node_notes

_COUNTRY = ("РОССИЙСКАЯ ФЕДЕРАЦИЯ", "РЕСПУБЛИКА", "ОБЛАСТЬ", "КРАЙ")


def _iso(date: str | None) -> str | None:
    try:
        return dt.datetime.strptime(date or "", "%d.%m.%Y").date().isoformat()
    except ValueError:
        return None


def _issuer_name(act: Act) -> tuple[str | None, str]:
    """The issuer's name as the paper gives it, and where from."""
    lines = [line for line in act.issuer_lines if line.upper() not in _COUNTRY and not line.upper().startswith("РОССИЙСК")]
    if lines:
        return lines[-1], "шапка документа"
    subject = act.formula_subject
    if subject and len(subject.split()) >= 2:
        return subject, "формула перед пунктами"
    return None, ""


def _node(act: Act, issuer_name: str | None) -> Node:
    number = act.number
    return Node(
        "document",
        document=act.kind.id,
        issuer=Ref(issuer_name or "", None, None, ("organization",)),
        issuer_lines=act.issuer_lines or None,
        number=int(number) if number and number.isdigit() else number,
        date=act.date or PLACEHOLDER,
        place=act.place,
        title=act.title,
        unsigned=True if not act.signers else None,
        preamble=act.preamble,
        formula=act.formula if act.formula and act.formula != act.kind.formula else None,
        formula_inline=_inline(act),
        decisions=act.decisions,
        signers=act.signers,
    )


def _inline(act: Act) -> bool | None:
    """``formula_inline`` when the paper differs from the default (inline when lower-case)."""
    if not act.formula:
        return None
    default = act.formula[:1].islower()
    return act.formula_inline if act.formula_inline != default else None


def build_act(blocks: list[Block], index: DirectoryIndex, stem: str) -> Draft:
    act = recognise_act(blocks)
    assert act is not None, "build_act is called for what act_score accepted"
    name, source = _issuer_name(act)
    record = _node(act, name)
    issuer, issuer_note = _issuer(record, index)
    texts = [*(act.issuer_lines or []), act.formula_subject or "", act.title or "",
             *(b.flat for b in blocks[:40] if isinstance(b, Paragraph))]  # fmt: skip
    prefix = municipality_prefix(issuer, index, texts, "import")
    proposals = Proposals(prefix, index.taken)
    if issuer is None and name:
        issuer = proposals.organization(name, f"организация, издавшая документ ({source})")
    record["issuer"] = issuer or PLACEHOLDER
    known = index.organizations.get(issuer) if issuer else None
    if known is not None and act.issuer_lines == [known.name]:
        record.pop("issuer_lines", None)  # the header prints the issuer's name: nothing to keep
    if issuer is None:
        record.note("issuer", f"проверьте: организация, издавшая {act.kind.label}, не названа — впишите её id из "
                              "справочника")  # fmt: skip
    elif issuer_note:
        record.note("issuer", issuer_note.replace("протоколе", "документе"))
    resolver = Resolver(index, proposals, issuer if issuer in index.organizations else None)
    resolver.walk(record)
    for node, whom in act.control:
        if isinstance(whom, str):
            node.set("controls", whom)
            continue
        found = resolver.described(whom) if whom.mention is None else ("person", resolver.person(whom))
        if found is None or found[0] != "person":
            node.note("on_control", f"проверьте: контроль возложен на «{whom.written}» — в справочнике не найден; "
                                    "впишите id человека в controls")  # fmt: skip
            continue
        node.set("controls", found[1])
        node_notes(node, "controls", whom)
    _notes(act, record)
    _note_repeated_numbers(record)
    _check_against_model(record)
    iso = _iso(act.date)
    slug = translit(act.kind.label)
    number = translit(act.number or "")
    record_id = f"{iso or 'undated'}-{prefix}-{slug}" + (f"-{number}" if number else "")
    draft = Draft(act.kind.id, act.kind.label, "documents", "meeting", record_id, record, proposals.node())
    draft.recognised = _recognised(act, record, resolver)
    draft.left_as_text = list(act.left_as_text)
    return draft


def _notes(act: Act, record: Node) -> None:
    if act.date is None:
        record.note("date", "проверьте: дата документа не найдена — впишите её (ДД.ММ.ГГГГ)")
    elif act.short_year:
        record.note("date", "проверьте: год в дате записан двумя цифрами — прочитан как 20ГГ")
    elif "дата" in act.from_card:
        record.note("date", "проверьте: дата взята из строк после подписи (карточка документа)")
    if act.number is None:
        record.note("number", "проверьте: номер документа не найден — впишите его, если он есть")
    if act.heading is None and "вид" not in act.from_card:
        record.note("document", f"проверьте: слова «{act.kind.heading}» в тексте нет — вид определён по "
                                f"{'формуле «' + act.formula + '»' if act.formula else 'двоеточию перед пунктами'}")  # fmt: skip
    if not act.signers:
        record.note("unsigned", "проверьте: подпись не найдена — если она есть на бумаге, впишите signers и "
                                "удалите unsigned")  # fmt: skip
    if act.cut:
        record.note("decisions", "проверьте: текст обрывается («[…]») — последний пункт неполон")
    if not act.decisions:
        record.note(None, "проверьте: пункты не найдены — текст документа в преамбуле (preamble)")
    for decision, executors in _with_inherited(record.get("decisions", []), []):
        text = decision.get("text") or ""
        if decision.get("on_control", True) and not executors and ("[[" in text or decision.get("deadline")):
            decision.note("text", "проверьте: у пункта срок, но нет исполнителя — впишите executors (и "
                                  "executors_in_text: false) или on_control: false")  # fmt: skip


def _with_inherited(nodes: list[Node], inherited: list):
    """Each decision with its executors, a parent's when it names none (as the record reads)."""
    for node in nodes:
        executors = node.get("executors") or inherited
        yield node, executors
        yield from _with_inherited(node.get("decisions", []), executors)


def _recognised(act: Act, record: Node, resolver: Resolver) -> list[str]:
    head = [f"вид «{act.kind.label}»", f"дата {act.date}" if act.date else None,
            f"№ {act.number}" if act.number else None, act.place, "заголовок «О …»" if act.title else None]  # fmt: skip
    facts = ["реквизиты: " + ", ".join(h for h in head if h)]
    if act.from_card:
        facts.append("после подписи: " + ", ".join(act.from_card))
    if act.preamble:
        facts.append("преамбула" + (f", формула «{act.formula}»" if act.formula else ""))
    decisions = list(_all_decisions(record))
    if decisions:
        executors = sum(1 for d in decisions if d.get("executors"))
        deadlines = sum(1 for d in decisions if d.get("deadline") or "[[" in (d.get("text") or ""))
        facts.append(f"пункты — {len(decisions)} (с исполнителями — {executors}, со сроками — {deadlines})")
    controls = [d["controls"] for d in decisions if d.get("controls")]
    if controls:
        facts.append(f"контроль — {controls[0]}")
    if act.signers:
        facts.append(f"подписи — {len(act.signers)}")
    found = resolver.found
    facts.append(f"из справочника: людей — {found['people']}, групп — {found['groups']}, организаций — "
                 f"{found['organizations']}")  # fmt: skip
    return facts
