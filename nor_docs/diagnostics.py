"""Diagnostics: one problem found in the records, with its stable code and place (foundation:
every stage reports with it; imports only ``outputs/``).

Every stage (load, model, cross-record validation, derive, render) reports problems as
``Diagnostic`` values; nothing raises to the user. Codes are stable: tests, CI annotations and
users' notes refer to them. ``CODES`` is the catalogue (shown by ``nor-docs validate --codes``).
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass

from .outputs.textsafety import has_unsafe, printable

ERROR = "error"
WARNING = "warning"

# code -> (severity, short Russian description for the catalogue)
CODES: dict[str, tuple[str, str]] = {
    "NOR001": (ERROR, "файл не читается"),
    "NOR002": (ERROR, "файл не в кодировке UTF-8"),
    "NOR003": (ERROR, "файл пуст"),
    "NOR004": (ERROR, "ошибка синтаксиса YAML"),
    "NOR005": (ERROR, "верхний уровень файла — не словарь"),
    "NOR006": (ERROR, "повторяющийся ключ"),
    "NOR007": (ERROR, "ссылки YAML (якоря, псевдонимы, слияние) не допускаются"),
    "NOR008": (ERROR, "теги YAML не допускаются"),
    "NOR009": (ERROR, "ключ — не простая строка"),
    "NOR010": (ERROR, "недопустимый управляющий символ в тексте"),
    "NOR011": (ERROR, "слишком глубокая вложенность"),
    "NOR012": (ERROR, "невидимый символ направления текста (bidi) — текст читается не так, как записан"),
    "NOR013": (ERROR, "невидимый символ нулевой ширины или BOM внутри текста"),
    "NOR101": (ERROR, "неизвестное поле"),
    "NOR102": (ERROR, "не заполнено обязательное поле"),
    "NOR103": (ERROR, "неверный тип или формат значения"),
    "NOR104": (ERROR, "ссылка на неизвестного человека, организацию или группу"),
    "NOR105": (ERROR, "невозможная дата"),
    "NOR106": (ERROR, "срок не распознан"),
    "NOR107": (ERROR, "повторяющийся идентификатор"),
    "NOR108": (WARNING, "срок раньше даты документа (заседания, утверждения дорожной карты)"),
    "NOR109": (ERROR, "ссылка на неизвестное событие"),
    "NOR110": (ERROR, "ссылка на неизвестное поручение (или на решение, которое не поручение)"),
    "NOR111": (ERROR, "повторяющийся номер пункта"),
    "NOR112": (ERROR, "идентификатор записи недопустим"),
    "NOR113": (ERROR, "ссылка на приложение, которого нет в записи"),
    "NOR114": (ERROR, "отметка, продление или снятие относятся не к исполнителю поручения"),
    "NOR115": (ERROR, "отметка, продление или снятие с контроля раньше заседания"),
    "NOR116": (ERROR, "исполнитель или участник повторяется в одном списке"),
    "NOR117": (ERROR, "в протоколе нет ни повестки, ни решений (файл не дописан?)"),
    "NOR118": (ERROR, "новый срок продления раньше даты его утверждения"),
    "NOR119": (ERROR, "часть поручения снята с контроля дважды"),
    "NOR120": (ERROR, "продление или снятие с контроля после исполнения"),
    "NOR121": (ERROR, "вторая отметка об исполнении одной и той же части поручения"),
    "NOR122": (ERROR, "неизвестный вид документа (document:)"),
    "NOR123": (ERROR, "поле, которого у этого вида документа не бывает"),
    "NOR124": (ERROR, "нет поля, которое нужно этому виду документа"),
    "NOR125": (ERROR, "ошибка в records/kinds.yaml: вид без нужных полей или ссылка с неизвестным заполнителем"),
    "NOR127": (ERROR, "ссылка на неизвестный документ (или на пункт, которого в нём нет)"),
    "NOR128": (ERROR, "документ действует на поручение или ссылается на документ, принятые позже него"),
    "NOR129": (ERROR, "новый срок продления решением — не одна дата"),
    "NOR130": (ERROR, "столбец дорожной карты называет неизвестное поле или указан дважды"),
    "NOR131": (ERROR, "голосовали «единогласно», но указаны голоса против или воздержавшиеся"),
    "NOR132": (ERROR, "ответственный (responsible) назван при исполнителе, который не организация"),
    "NOR135": (ERROR, "дата получения акта раньше его даты"),
    "NOR401": (ERROR, "неизвестный часовой пояс в настройках сроков"),
    "NOR201": (WARNING, "процент не соответствует числам"),
    "NOR202": (WARNING, "написание организации расходится со справочником"),
    "NOR203": (WARNING, "нет строки схемы для редактора"),
    "NOR204": (WARNING, "срок пункта дорожной карты вне её периода"),
    "NOR205": (WARNING, "пол не определяется по имени; укажите gender"),
    "NOR206": (WARNING, "продление срока запрошено после срока"),
    "NOR207": (WARNING, "в протоколе нет подписей"),
    "NOR208": (WARNING, "в слове смешаны латинские и русские буквы (или русское слово набрано латиницей)"),
    "NOR209": (WARNING, "срок не указан: контроль со сроком по умолчанию"),
    "NOR210": (WARNING, "должность не ставится в нужный падеж по словарю"),
    "NOR211": (WARNING, "дата в имени файла заседания расходится с date"),
    "NOR212": (WARNING, "пробел перед дефисом внутри слова"),
    "NOR213": (WARNING, "пункт со сроком, но без исполнителя — не на контроле"),
    "NOR216": (WARNING, "решение о поручении принимает не тот, кто его дал"),
    "NOR217": (WARNING, "отчёт об исполнении расходится с отметками на его дату"),
    "NOR218": (WARNING, "в пункте дорожной карты заполнено поле, которого нет в её столбцах: в документ не попадёт"),
    "NOR219": (WARNING, "числа присутствия и голосования не сходятся (голосов больше, чем присутствовало; "
                        "присутствовавшие и отсутствовавшие не дают числа членов; список не той длины)"),
    "NOR220": (WARNING, "у акта со сроком по закону нет даты получения: срок по закону не считается"),
    "NOR221": (WARNING, "срок не указан: контроль со сроком по закону от даты получения"),
    "NOR301": (WARNING, "имя не склоняется; оставлено в именительном падеже"),
    "NOR302": (WARNING, "у группы нет формы дательного падежа (dative)"),
    "NOR303": (ERROR, "шаблон документа не найден"),
    "NOR304": (ERROR, "шаблон документа не читается или в его тегах ошибка"),
    "NOR305": (ERROR, "в шаблоне неизвестная переменная или недопустимое выражение"),
    "NOR306": (ERROR, "заполненный шаблон — не XML (тег разрывает абзац или таблицу)"),
    "NOR307": (ERROR, "шаблон заседания вне папки шаблонов"),
    "NOR308": (ERROR, "документ не записан"),
    "NOR309": (ERROR, "заседание или пункт повестки для выписки не найдены"),
    "NOR310": (WARNING, "решения без привязки к пунктам не вошли в выписку"),
    "NOR311": (ERROR, "выписку некому заверить («Верно»)"),
    "NOR312": (ERROR, "в выписку не попало ни одного решения: решения заседания не привязаны к пунктам"),
    "NOR313": (ERROR, "документ не собран: сбой при его заполнении (остальные собраны)"),
    "NOR501": (ERROR, "дорожная карта ссылается на неизвестное решение"),
    # results of assessment procedures and the rules of identification (nor_docs/analytics)
    "NOR601": (ERROR, "неизвестный или повторяющийся столбец в файле результатов"),
    "NOR602": (ERROR, "в файле результатов нет обязательного столбца или значения"),
    "NOR603": (ERROR, "значение в файле результатов не распознано"),
    "NOR604": (ERROR, "школа или территория не найдена в справочнике"),
    "NOR605": (ERROR, "числа результата неполны или противоречат друг другу"),
    "NOR606": (ERROR, "результат записан дважды"),
    "NOR607": (WARNING, "отметки «2»–«5» не сходятся с числом участников или низких результатов"),
    "NOR608": (ERROR, "правило отбора не найдено или не выбрано"),
    "NOR609": (WARNING, "в данных нет результатов за годы правила"),
    "NOR610": (ERROR, "школа в ссылке на анализ не отвечает правилу"),
    "NOR620": (ERROR, "в таблице для импорта не найдены шапка или нужные столбцы"),
    "NOR621": (ERROR, "процедура, предмет или год таблицы не определены"),
    "NOR502": (ERROR, "статусы пунктов дорожной карты не посчитаны: ошибки в отметках, событиях или настройках"),
}


@dataclass(frozen=True, order=True)
class Diagnostic:
    """One problem: where it is, its code and a Russian message (with a way out where known).

    The file and the message are made printable when the diagnostic is made (``textsafety``):
    a value quoted from a record cannot move a terminal's cursor, forge a line of a CI log or
    break an XML report, in any output format."""

    file: str
    line: int
    column: int
    code: str
    message: str

    def __post_init__(self) -> None:
        if has_unsafe(self.message):
            object.__setattr__(self, "message", printable(self.message))
        if has_unsafe(self.file):
            object.__setattr__(self, "file", printable(self.file))

    @property
    def severity(self) -> str:
        return CODES.get(self.code, (ERROR, ""))[0]

    @property
    def is_error(self) -> bool:
        return self.severity == ERROR

    def as_text(self) -> str:
        return f"{self.file}:{self.line}:{self.column}: {self.code} {self.message}"

    def as_dict(self) -> dict:
        return {**asdict(self), "severity": self.severity}


def sort_diagnostics(items: list[Diagnostic]) -> list[Diagnostic]:
    """Stable order for output: by file, line, column, code; duplicates dropped."""
    return sorted(set(items))


def format_text(items: list[Diagnostic]) -> str:
    lines = [d.as_text() for d in items]
    errors = sum(d.is_error for d in items)
    warnings = len(items) - errors
    if items:
        lines.append(f"Найдено: ошибок — {errors}, предупреждений — {warnings}.")
    return "\n".join(lines)


def format_json(items: list[Diagnostic]) -> str:
    errors = sum(d.is_error for d in items)
    payload = {
        "diagnostics": [d.as_dict() for d in items],
        "summary": {"errors": errors, "warnings": len(items) - errors},
    }
    return json.dumps(payload, ensure_ascii=False, indent=2)


def format_codes(fmt: str = "text") -> str:
    """The catalogue of codes: ``NOR104  ошибка          ссылка на …`` per line, or JSON."""
    if fmt == "json":
        items = [{"code": c, "severity": sev, "description": text} for c, (sev, text) in sorted(CODES.items())]
        return json.dumps(items, ensure_ascii=False, indent=2)
    words = {ERROR: "ошибка", WARNING: "предупреждение"}
    return "\n".join(f"{code}  {words[sev]:<14}  {text}" for code, (sev, text) in sorted(CODES.items()))

