"""Rules of identification: ``records/rules/*.yaml`` (id = file name), or the shipped default.

A rule is an ordinary YAML record (read with positions by ``yamlsource``, checked by the ``Rule``
model with the usual Russian diagnostics). Which rule a command uses: the one it names
(``--rule``), else ``analytics.rule`` of the settings, else the only rule in ``records/rules/``,
else the shipped default — the rule of seed 000 (``default_rule.yaml``). A rule's texts may say
``{years}``: it becomes the years the rule looks at («2022 и 2023»).
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from pathlib import Path

from ..diagnostics import Diagnostic
from ..model.common import ID_PATTERN
from ..source.yamlsource import Source, read_source
from .model import Rule

DEFAULT_RULE = Path(__file__).with_name("default_rule.yaml")
DEFAULT_ID = "default"
_ID = re.compile(ID_PATTERN)


@dataclass
class LoadedRule:
    rule: Rule
    file: str  # as shown («records/rules/penza-2023.yaml», or «(по умолчанию)»)
    source: Source | None = None

    @property
    def id(self) -> str:
        return self.rule.id or DEFAULT_ID


def load_rules(folder: Path, shown: str) -> tuple[dict[str, LoadedRule], list[Diagnostic]]:
    """Every rule under ``folder`` by id (the first definition of an id wins), and every problem."""
    from ..model.records import _validate

    rules: dict[str, LoadedRule] = {}
    found: list[Diagnostic] = []
    if not folder.is_dir():
        return rules, found
    for path in sorted(folder.glob("*.y*ml")):
        if path.suffix not in (".yaml", ".yml"):
            continue
        shown_path = f"{shown.rstrip('/')}/{path.name}"
        source, problems = read_source(path, shown_path)
        found.extend(problems)
        if source is None:
            continue
        rule = _validate(Rule, source, found)
        if rule is None:
            continue
        rule_id = rule.id or path.stem
        if not _ID.match(rule_id):
            found.append(Diagnostic(shown_path, 1, 1, "NOR112", f"идентификатор правила «{rule_id}» недопустим: только "
                                    "строчные латинские буквы, цифры, «.», «_», «-»; переименуйте файл или укажите id"))  # fmt: skip
            continue
        if rule_id in rules:
            found.append(Diagnostic(shown_path, 1, 1, "NOR107",
                                    f"правило «{rule_id}» уже есть ({rules[rule_id].file}); дайте другой id"))  # fmt: skip
            continue
        rules[rule_id] = LoadedRule(rule.model_copy(update={"id": rule_id}), shown_path, source)
    return rules, found


def default_rule() -> LoadedRule:
    source, problems = read_source(DEFAULT_RULE, "nor_docs/analytics/default_rule.yaml")
    assert source is not None and not problems, problems  # shipped with the package; a test keeps it valid
    return LoadedRule(Rule.model_validate(source.data), "правило по умолчанию (протокол 000)", source)


def choose_rule(rules: dict[str, LoadedRule], wanted: str | None, settings_rule: str | None,
                named_in: str = "в --rule") -> tuple[LoadedRule | None, str | None]:  # fmt: skip
    """(the rule to use, or None and the Russian message why not); ``named_in`` says where ``wanted`` was written."""
    name = wanted or settings_rule
    if name:
        if name in rules:
            return rules[name], None
        if name == DEFAULT_ID:
            return default_rule(), None
        known = sorted(rules) + [DEFAULT_ID]
        hint = difflib.get_close_matches(name, known, n=1, cutoff=0.6)
        where = named_in if wanted else "в settings.yaml (analytics.rule)"
        tail = f"; возможно, «{hint[0]}»?" if hint else f"; есть: {', '.join(known)}"
        return None, f"правило «{name}» {where} не найдено в records/rules/{tail}"
    if len(rules) == 1:
        return next(iter(rules.values())), None
    if len(rules) > 1:
        return None, (f"в records/rules/ несколько правил ({', '.join(sorted(rules))}); укажите одно: --rule ID "
                      "или analytics.rule в settings.yaml")  # fmt: skip
    return default_rule(), None


def years_text(years: list[int]) -> str:
    """«2022 и 2023», «2021, 2022 и 2023»."""
    words = [str(y) for y in years]
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " и " + words[-1]


def stated(text: str | None, years: list[int]) -> str:
    """A rule's text with ``{years}`` filled in, on one line."""
    return " ".join((text or "").replace("{years}", years_text(years)).split())
