"""Decisions (РЕШИЛИ / ПОСТАНОВИЛИ): numbered and nested, as paragraphs or as a table, each split
into who is to do it, what, and by when — as written.

Paragraphs: «1.», «1.1.», «1.3.1», «2)» open a decision, nested by its number; «- …» (or a
lower-case line after one) is a bullet of the decision above; a line after «…осуществлять:» is a
bullet too, and after «Руководителям общеобразовательных организаций:» it is the list of those
addressed. Unnumbered decisions are numbered 1, 2, 3… A table with columns «№ | содержание |
срок | ответственные» is decisions too, its executors written apart from the text.

Each decision's sentence is split: the deadline off its end (``deadlines.split_deadline``), the
executors off its start — the words before the first infinitive when they are in the dative
(«Членам рабочей группы провести…», «Руководству МБОУ «СОШ с. Ушаковка» активизировать…»), or
between «Поручить / Рекомендовать / Обязать» and the infinitive (then the text stays whole).
Executors become ``Ref`` values for the resolver; what was written before the verb is kept in
``addressed_to`` until the resolver sees whether the document would say it the same way.
"""

from __future__ import annotations

import re

from .blocks import Table
from .deadlines import Split, deadline_kind, deadlines_inside, mark, reads_as_deadline, split_deadline
from .draft import Node
from .people import _parses, find_names
from .refs import Ref
from .statements import sentence_break

NUMBER = re.compile(r"^(\d{1,3}(?:\.\d{1,3}){0,3})(?:\.(?!\d)|\)|(?=\s))\s*(?=\S)|^(\d{1,3}(?:\.\d{1,3}){1,3})\.?(?=[А-ЯЁа-яё«])")
BULLET = re.compile(r"^\s*(?:[-–—•*·▪]|[а-яё]\))\s*")
_TO_CONTROL_OFF = re.compile(r"к\s+сведению|принять\s+информацию|информацию\s+принять", re.I)
_ASSIGNING = re.compile(r"^(поручить|рекомендовать|предложить|обязать|указать)\s+", re.I)
_WORD = re.compile(r"[А-ЯЁа-яё]+(?:-[А-ЯЁа-яё]+)*")
# «Ответственный: Иванова И.И.», «Отв.: …», «Срок: до 15.03.2024» — on a line of their own or
# inside the decision after its sentence.
_EXECUTORS_LABEL = r"(?:отв\.|ответственн\w*|исполнител\w*)\s*[:—–-]\s*"
_EXECUTORS_LINE = re.compile(r"^" + _EXECUTORS_LABEL + r"(.+)$", re.I | re.S)
_DEADLINE_LINE = re.compile(r"^срок\w*(?:\s+исполнения)?\s*[:—–-]\s*(.+)$", re.I | re.S)
_EXECUTORS_INLINE = re.compile(r"[.;,]?\s*\(?" + _EXECUTORS_LABEL + r"(.+?)\)?(?=[.;,]?\s*(?:срок\w*(?:\s+исполнения)?\s*[:—–-]|$))",
                               re.I | re.S)  # fmt: skip
# «Руководству МБОУ «СОШ с. Ушаковка»», «руководству Администрации Белинского района» (nor-docs
# names an organisation executor so, in the genitive): the organisation, not a group of people.
_ORG_LEAD = re.compile(r"^(?:(руководству)\s+(?=(?-i:[А-ЯЁ])|[«\"])|(руководителю|руководителям|директору|директорам|администрации|"
                      r"заведующему|заведующей|заведующим)\s+(?=(?:МБОУ|МОУ|МАОУ|МКОУ|ГБОУ|МБДОУ|МДОУ|ЧОУ|СОШ|ООШ)|"
                      r"[«\"]))(.+)$", re.I)


def number_of(text: str) -> tuple[str | None, str]:
    """(«1.3.1», the rest) for «1.3.1. Текст», (None, text) when unnumbered."""
    match = NUMBER.match(text)
    if not match:
        return None, text
    return match.group(1) or match.group(2), text[match.end():].strip()


def label(number: str) -> int | str:
    """A decision or item number as records write it: ``1``, ``"1.1"``."""
    return int(number) if number.isdigit() else number


def _is_infinitive(word: str) -> bool:
    return any(p.tag.POS == "INFN" for p in _parses(word))


def _is_dative(word: str) -> bool:
    parses = _parses(word)
    if not parses or parses[0].tag.POS in ("PREP", "CONJ", "PRCL", "ADVB", "INTJ"):
        return False
    return any("datv" in p.tag and p.tag.POS in ("NOUN", "ADJF", "NPRO", "PRTF") for p in parses)


def _has_finite_verb(text: str) -> bool:
    for match in _WORD.finditer(text):
        before = text[:match.start()]
        if before.count("«") > before.count("»"):
            continue
        parses = _parses(match.group(0))
        if parses and parses[0].tag.POS == "VERB":
            return True
    return False


def _first_infinitive(text: str, start: int = 0) -> re.Match | None:
    """The first infinitive in ``text`` from ``start``, outside «quotes»."""
    for match in _WORD.finditer(text, start):
        before = text[:match.start()]
        if before.count("«") > before.count("»"):
            continue
        if _is_infinitive(match.group(0)):
            return match
    return None


def split_top_level(text: str, separators: str = ",;") -> list[str]:
    """``text`` split at ``separators`` outside «quotes» and (brackets)."""
    parts: list[str] = []
    current: list[str] = []
    depth = 0
    for ch in text:
        if ch in "«(":
            depth += 1
        elif ch in "»)":
            depth -= 1
        if ch in separators and depth <= 0:
            parts.append("".join(current))
            current = []
        else:
            current.append(ch)
    parts.append("".join(current))
    return [p.strip() for p in parts if p.strip()]


def executor_refs(phrase: str, case: str) -> list[Ref]:
    """The executors named in ``phrase`` («Кирюхиной И.В., Чаминой Н.Г.», «Руководителям ОО»)."""
    refs = []
    parts: list[str] = []
    for line in split_top_level(phrase.rstrip(":"), ";\n"):
        # a line that names people is people, each with the position written after the name
        # («Лешкова О.Н., начальник отдела»); other lines are lists of groups or organisations
        parts.extend([line] if find_names(line) and case == "nominative" else split_top_level(line, ","))
    for part in parts:
        part = part.strip()
        if not part:
            continue
        names = find_names(part)
        if names and case == "nominative":
            for i, name in enumerate(names):
                end = names[i + 1].start if i + 1 < len(names) else len(part)
                rest = part[name.end:end].strip(" ,.()")
                refs.append(Ref(name.written, name, case, ("person",), position=rest or None))
            continue
        if names:
            for name in names:
                rest = (part[: name.start] + part[name.end :]).strip(" ,.()")
                refs.append(Ref(name.written, name, case, ("person",), position=rest or None))
            continue
        org = _ORG_LEAD.match(part)
        if org and case == "dative":
            refs.append(Ref(part, None, case, ("organization", "group", "person"), position=org.group(1) or org.group(2)))
            continue
        refs.append(Ref(part, None, case, ("group", "organization", "person"), by_position=True))
    return refs


def split_executors(body: str) -> tuple[str | None, str, bool]:
    """(the executors as written or None, the text, whether the text keeps them).

    «Членам рабочей группы провести анализ» → («Членам рабочей группы», «провести анализ», False);
    «Рекомендовать руководителям школ ознакомиться…» → («руководителям школ», the whole, True)."""
    assigning = _ASSIGNING.match(body)
    if assigning:
        verb = _first_infinitive(body, assigning.end())
        if verb is not None:
            phrase = body[assigning.end():verb.start()].strip(" ,")
            first = _WORD.match(phrase)
            if phrase and first and _is_dative(first.group(0)):
                return phrase, body, True
        return None, body, False
    verb = _first_infinitive(body)
    if verb is None or verb.start() == 0:
        return None, body, False
    phrase = body[: verb.start()].rstrip()
    first = _WORD.match(phrase)
    names = find_names(phrase)
    if not first or not (_is_dative(first.group(0)) or (names and names[0].start == 0)):
        return None, body, False
    if _has_finite_verb(phrase) or sentence_break(phrase):
        return None, body, False
    return phrase.rstrip(" ,"), body[verb.start():], False


class DecisionList:
    """Decisions as they come, paragraph by paragraph (or a table), nested by their numbers."""

    def __init__(self) -> None:
        self.top: list[Node] = []
        self.by_number: dict[str, Node] = {}
        self.current: Node | None = None
        self.auto = 0
        self.table = False

    def _raw(self, node: Node) -> dict:
        return node.extra

    def _new(self, number: str | None, text: str) -> Node:
        if number is None:
            self.auto += 1
            number = str(self.auto)
            while number in self.by_number:
                self.auto += 1
                number = str(self.auto)
        node = Node("decision", number=label(number))
        node.extra = {"text": text, "bullets": [], "after_colon": []}
        parent = None
        parts = number.split(".")
        for cut in range(len(parts) - 1, 0, -1):
            parent = self.by_number.get(".".join(parts[:cut]))
            if parent is not None:
                break
        if parent is not None:
            parent.setdefault("decisions", []).append(node)
        else:
            self.top.append(node)
        self.by_number.setdefault(number, node)
        self.current = node
        return node

    def paragraph(self, text: str) -> None:
        text = text.strip()
        if not text or re.fullmatch(r"[.…\s]+", text):
            return
        number, rest = number_of(text)
        if number is not None and rest:
            self._new(number, rest)
            return
        if self.current is None:
            self._new(None, BULLET.sub("", text))
            return
        raw = self._raw(self.current)
        executors = _EXECUTORS_LINE.match(text)
        if executors:
            raw["executors_line"] = executors.group(1).strip(" .")
            return
        deadline = _DEADLINE_LINE.match(text)
        if deadline:
            raw["deadline_line"] = deadline.group(1).strip(" .")
            return
        if BULLET.match(text) or (raw["bullets"] and text[:1].islower()):
            raw["bullets"].append(BULLET.sub("", text, count=1))
        elif raw["text"].rstrip().endswith(":") and not raw["bullets"]:
            raw["after_colon"].append(text)
        elif text[:1].islower():
            raw["text"] = f"{raw['text']} {text}"
        elif self.numbered:
            raw["text"] = f"{raw['text']} {text}"
        else:
            self._new(None, text)

    @property
    def numbered(self) -> bool:
        return self.auto == 0 and bool(self.top)

    def add_table(self, table: Table) -> bool:
        """Take ``table`` as a table of decisions if its columns are those of one."""
        columns = decision_columns(table)
        if columns is None:
            return False
        self.table = True
        number_col, text_col, deadline_col, executors_col = columns
        for row in table.rows[1:] if _has_header(table) else table.rows:
            cells = list(row) + [""] * (table.width - len(row))
            text = " ".join(cells[text_col].split()) if text_col is not None else ""
            if not text or re.fullmatch(r"[.…\s]+", text):
                continue
            written = cells[number_col].strip().rstrip(".") if number_col is not None else ""
            number = written if re.fullmatch(r"\d{1,3}(?:\.\d{1,3}){0,3}", written) else None
            node = self._new(number, text)
            raw = self._raw(node)
            raw["table"] = True
            raw["deadline"] = " ".join(cells[deadline_col].split()) if deadline_col is not None else ""
            raw["executors"] = cells[executors_col] if executors_col is not None else ""
        self.current = None
        return True

    def finish(self) -> list[Node]:
        for node in self.by_number.values():
            _finish(node, self._raw(node))
        return self.top


def _has_header(table: Table) -> bool:
    first = " ".join(table.rows[0]).lower() if table.rows else ""
    return bool(re.search(r"срок|ответствен|исполнител|содержани|поручени|мероприяти|№", first))


def decision_columns(table: Table) -> tuple[int | None, int | None, int | None, int | None] | None:
    """(number, text, deadline, executors) column indexes of a decision table, or None."""
    if not table.rows or table.width < 2:
        return None
    header = [c.lower() for c in table.rows[0]]
    find = lambda *words: next((i for i, c in enumerate(header) if any(w in c for w in words)), None)  # noqa: E731
    number = find("№", "п/п", "п.п")
    text = find("содержани", "поручени", "решени", "мероприяти", "наименовани", "что сделать")
    deadline = find("срок", "дата исполн")
    executors = find("ответствен", "исполнител", "кто")
    if text is None or (deadline is None and executors is None):
        return None
    if "мероприяти" in header[text] and executors is not None and any("результат" in c for c in header):
        return None  # a roadmap, not decisions
    return number, text, deadline, executors


def _finish(node: Node, raw: dict) -> None:
    notes: list[str] = []
    if raw.get("table"):
        node.set("text", raw["text"])
        deadline = raw.get("deadline") or ""
        if deadline:
            _set_deadline(node, deadline, True, deadline_kind(deadline))
        refs = executor_refs(raw.get("executors", ""), "nominative")
        if refs:
            node.set("executors", refs)
            node.set("executors_in_text", False)
        if _TO_CONTROL_OFF.search(raw["text"]):
            node.set("on_control", False)
        return
    text = raw["text"].strip()
    executors_line = raw.get("executors_line")
    inline = _EXECUTORS_INLINE.search(text)
    if inline and executors_line is None and inline.start() > 0:
        executors_line = inline.group(1).strip(" .")
        text = (text[: inline.start()] + text[inline.end():]).strip()
    if raw.get("deadline_line"):
        text = f"{text.rstrip(' .')}, {raw['deadline_line']}"
    bullets = raw["bullets"]
    listed = raw["after_colon"]
    inline_list = re.match(r"^([^:;«]{3,120}):\s+(.+;.+)$", text, re.S)
    if inline_list and not listed and not bullets and _first_infinitive(text) is None:
        # «Руководителям общеобразовательных организаций: МОУ «…»; МОУ «…»» in one paragraph
        text = inline_list.group(1) + ":"
        listed = [inline_list.group(2).rstrip(" .")]
    if listed and not bullets:
        phrase, rest, _keep = split_executors(text.rstrip(":") + " сделать")
        if rest == "сделать" and phrase:
            # «Руководителям общеобразовательных организаций:» and the list of them below
            node.set("addressed_to", text)
            node.set("text", " ".join(listed))
            names = [p for p in split_top_level(" ".join(listed), ";") if p]
            refs = [Ref(p.strip(" ."), None, "nominative", ("organization", "person", "group")) for p in names]
            node.set("executors", refs)
            node.extra["members"] = True
            if node.get("decisions"):
                node.set("on_control", False)
            return
        bullets = listed
    if text.endswith(":") and node.get("decisions") and not bullets and _first_infinitive(text) is None:
        phrase, rest, _keep = split_executors(text.rstrip(":") + " сделать")
        if rest == "сделать" and phrase:
            # «Руководителям МОУ …, МОУ …:» above its sub-decisions: they are addressed to them
            node.set("executors", executor_refs(phrase, "dative"))
            node.set("executors_in_text", False)
            node.set("text", text)
            node.set("on_control", False)
            return
    split = split_deadline(text)
    body = split.body
    phrase, rest, keep = split_executors(body)
    marked = _marked(text, split, body, phrase, rest, keep) if not _TO_CONTROL_OFF.search(text) else None
    if marked is not None:
        body, guessed = marked
        phrase, rest, keep = split_executors(body)
        if phrase and "[[" in phrase and not keep:
            # «Руководителям ОО [[в срок до 01.03.2024]] представить …»: the deadline is not theirs
            at = body.index("[[")
            phrase, rest = body[:at].rstrip(" ,") or None, body[at:]
        for words in guessed:
            node.note("text", f"проверьте: «{words}» после глагола прочитано как срок и отмечено [[…]]; если это "
                              "не срок, уберите двойные скобки")  # fmt: skip
    if executors_line:
        node.set("executors", executor_refs(executors_line, "nominative"))
        node.set("text", body)
    elif phrase:
        refs = executor_refs(phrase, "dative")
        node.set("executors", refs)
        if keep:
            node.set("executors_in_text", False)
            node.set("text", body)
        else:
            node.set("addressed_to", phrase)
            node.set("text", rest)
    else:
        node.set("text", body)
    if split.deadline and marked is None:
        _set_deadline(node, split.deadline, split.comma,
                      "relative" if split.relative else "known" if split.parsed else None)  # fmt: skip
    schedule = _SCHEDULE.search(text)
    if schedule and not reads_as_deadline(schedule.group(0)):
        node.note("text", f"проверьте: «{schedule.group(0)}» — срок без даты; если он на контроле, отметьте его в "
                          f"тексте с контрольной датой: [[{schedule.group(0)} | ДД.ММ.ГГГГ]]")  # fmt: skip
    if bullets:
        node.set("bullets", [b.strip() for b in bullets])
    if _TO_CONTROL_OFF.search(text) or (node.get("decisions") and text.endswith(":")):
        node.set("on_control", False)
    for note in notes:
        node.note("text", note)


# «по графику ФЦТ», «согласно графику»: a deadline the document gives no date for.
_SCHEDULE = re.compile(r"(?:по|согласно)\s+график\w*(?:\s+(?:[А-ЯЁ]{2,}|проведения\s+\w+))?", re.I)


def _marked(text: str, split: Split, body: str, phrase: str | None, rest: str,
            keep: bool) -> tuple[str, list[str]] | None:  # fmt: skip
    """The decision's whole sentence with its deadlines marked [[…]] where one stands inside it —
    in brackets after «срок», mid-sentence, or at the end right after its verb («итоги представить
    до 20 июня 2014 г.») — and the words marked only by their place after the verb (to be checked);
    None when the deadline, if any, is the sentence's ending (``deadline:``)."""
    # the verb of the task: the first infinitive right after the executors (or at the start)
    start = len(body) - len(rest) if phrase and not keep else (body.find(phrase) + len(phrase) if phrase else 0)
    verb = _first_infinitive(body, start)
    first_verb = verb is not None and not body[start:verb.start()].strip(" ,")
    inside = deadlines_inside(body, verb.end() if verb is not None and first_verb else None)
    end_words = None
    if split.deadline:
        if split.relative or not split.parsed:
            return None  # a deadline that needs an event or a person's eye stays in ``deadline:``
        end_words = split.deadline[1:-1] if split.deadline.startswith("(") else split.deadline
        last = _WORD.findall(body)
        after_verb = not split.comma and not split.deadline.startswith("(") and bool(last) and _is_infinitive(last[-1])
        if not inside and not after_verb:
            return None
        if inside and any(d.kind in ("standing", "recurring", "none") for d in inside):
            return None
        if inside and deadline_kind(end_words) in ("standing", "recurring", "none"):
            return None
    elif not inside:
        return None
    sentence = text.rstrip().rstrip(";").rstrip()
    spans = [(d.start, d.end) for d in inside]
    if end_words:
        at = sentence.find(end_words.rstrip("."), len(body))
        if at < 0:
            return None
        stop = at + len(end_words.rstrip("."))
        if sentence[stop:stop + 1] == "." and end_words.endswith("."):
            stop += 1  # «до 20 июня 2014 г.»: the abbreviation's full stop is the sentence's
        spans.append((at, stop))
    guessed = [body[d.start:d.end] for d in inside if d.guess]
    return mark(sentence, spans), guessed


def _set_deadline(node: Node, written: str, comma: bool, kind: str | None) -> None:
    if kind == "relative":
        node.set("deadline", Node("deadline", text=written, event=Ref(written, None, None, ("event",))))
        node.note("deadline", "проверьте: срок отсчитывается от события — укажите его id в event "
                              "(records/events/), иначе срок не будет посчитан")  # fmt: skip
    else:
        node.set("deadline", written)
        if kind is None:
            node.note("deadline", "проверьте: срок не распознан — запишите его так, как понимает nor-docs "
                                  "(«до 31.01.2024», «май 2024 года», «постоянно»…)")  # fmt: skip
    if not comma:
        node.set("deadline_comma", False)
