"""A meeting and its protocol: attendance, agenda, who was heard, decisions and assignments.

The same record holds a document of any kind (``document:``, ``model/kinds.py``): a collegium's
decision, an order, a directive — those usually in ``records/documents/``. What a kind has no place
for (an agenda in an order) and what it requires (a protocol's ``kind`` and ``title``) is checked
against the catalogue in ``checks/kinds.py``; this model only knows the fields.

One file per meeting under ``records/meetings/``; the file name (without ``.yaml``) is the
meeting id unless ``id:`` says otherwise. A decision with executors is an assignment; its id is
``<meeting id>#<decision number>`` (``2021-09-29-kuznetsk#4.2``), so it survives edits
elsewhere in the file. A signed protocol does not change: execution marks live apart (marks.py).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated, Any, ClassVar, Literal

from pydantic import (
    AfterValidator,
    ConfigDict,
    Field,
    ModelWrapValidatorHandler,
    PrivateAttr,
    WithJsonSchema,
    model_validator,
)

from .common import (
    ID_PATTERN,
    Date,
    DocNumber,
    ExecutorRef,
    GroupRef,
    ItemNumber,
    Label,
    OrganizationRef,
    PersonRef,
    Record,
    Ref,
    RefTo,
    Text,
    Time,
    _schema_in_russian,
)
from .deadline import DeadlineField, check_no_marks, take_marked_deadline
from .kinds import builtin_kinds
from .links import Action, LinkTarget, ReportEntry


class Role(Record):
    """A person in a role of the meeting, with the position as this document writes it."""

    person: PersonRef = Field(description="id человека из справочника (records/directory/), например ivanova")
    label: str | None = Field(None, description="Подпись роли в протоколе: «Председатель», «Председательствовал», "
                                                "«Протокол вела»")  # fmt: skip
    position: str | None = Field(None, description="Должность для этого протокола, если не та, что в справочнике")


class Signer(Record):
    """A signature block: the position as printed (may span lines) and the person."""

    person: PersonRef = Field(description="id подписывающего из справочника, например ivanova")
    position: str | None = Field(None, description="Должность, как она печатается в подписи (можно в несколько "
                                                   "строк): «Начальник управления образования»")  # fmt: skip


class Attendee(Record):
    """Someone present, absent or invited: a person, a group (maybe with a count), an
    organisation, or — where the protocol names nobody — a description as written."""

    person: PersonRef | None = Field(None, description="id человека из справочника, например ivanova")
    group: GroupRef | None = Field(None, description="id группы из справочника, например heads («Руководители ОО»)")
    organization: OrganizationRef | None = Field(None, description="id организации из справочника, например sosh-3")
    position: str | None = Field(None, description="Должность, как её пишет этот протокол (иначе — из справочника)")
    role: str | None = Field(None, description="Роль на заседании: «зам. председателя», «технический специалист»")
    note: str | None = Field(None, description="Примечание в скобках: «по приглашению»")
    count: int | None = Field(default=None, ge=1, description="Сколько человек, для группы: 15 → «15 руководителей ОО»")
    text: str | None = Field(None, description="Слова протокола для группы или неназванных участников: "
                                               "«Руководители ОО (15 чел.)»")  # fmt: skip

    @model_validator(mode="after")
    def _one_kind(self) -> Attendee:
        named = [x for x in (self.person, self.group, self.organization) if x is not None]
        if len(named) > 1:
            raise ValueError("участник — это person, group или organization (одно из них)")
        if not named and not self.text:
            raise ValueError("укажите person, group, organization или text")
        return self


class Attendance(Record):
    """Attendance as numbers, where the protocol counts rather than names: «Присутствовало: 59
    человек», «отсутствовали — 3 по уважительной причине», «всего членов совета — 62». Validate
    compares the numbers with each other, with a named list and with the votes (NOR219)."""

    present: int | None = Field(None, ge=0, description="Сколько присутствовало: 59 → «Присутствовало: 59 человек»")
    absent: int | None = Field(None, ge=0, description="Сколько отсутствовало: 3 → «Отсутствовали: 3 человека»")
    absent_note: str | None = Field(None, description="Слова после числа отсутствовавших, как написаны: «по "
                                    "уважительной причине»")  # fmt: skip
    members: int | None = Field(None, ge=1, description="Сколько всего членов (педсовета, коллегии): 62 → «59 "
                                "человек из 62»; присутствовавшие и отсутствовавшие вместе должны дать столько же")  # fmt: skip
    unit: str = Field("человек", description="Слово после числа: «человек» (согласуется с числом: 3 человека), "
                      "или как написано — «чел.», «педагогов»")  # fmt: skip

    @model_validator(mode="after")
    def _some_number(self) -> Attendance:
        if self.present is None and self.absent is None and self.members is None:
            raise ValueError("укажите хотя бы одно число: present, absent или members")
        return self


class Vote(Record):
    """«Голосовали: за — 12, против — нет, воздержались — 1» or «единогласно» under a decision or
    an agenda item. Validate checks the votes against the attendance (NOR219) and a vote
    «единогласно» with votes against (NOR131)."""

    for_: int | Literal["единогласно"] = Field(alias="for", description="Сколько голосовали «за»: 12, или "
                                               "«единогласно»")  # fmt: skip
    against: int | None = Field(None, ge=0, description="Сколько «против»: 0 печатается «нет»")
    abstained: int | None = Field(None, ge=0, description="Сколько воздержались")
    text: str | None = Field(None, description="Строка протокола дословно, если она написана иначе: "
                                   "«Голосовали: за – 12 чел., против – 0, воздержались – 1 чел.»")  # fmt: skip

    @model_validator(mode="after")
    def _non_negative(self) -> Vote:
        if isinstance(self.for_, int) and self.for_ < 0:
            raise ValueError("число голосов «за» не может быть отрицательным")
        return self

    def cast(self) -> int | None:
        """How many voted (for, against, abstained), or None for «единогласно»."""
        if not isinstance(self.for_, int):
            return None
        return self.for_ + (self.against or 0) + (self.abstained or 0)


class Speaker(Record):
    """A speaker on an agenda item: a person or a group, with the position as written."""

    person: Annotated[Ref, RefTo(("person",), "докладчик")] | None = Field(None, description="id докладчика из справочника, например ivanova")
    group: GroupRef | None = Field(None, description="id группы-докладчика из справочника, например heads")
    position: str | None = Field(None, description="Должность докладчика, как её пишет протокол")
    text: str | None = Field(None, description="Слова протокола о докладчиках-группе: «руководители ОО»")

    # A co-speaker, or another part a person plays on the item, and the question of their own a
    # speaker covers: «Докладчик — Т.М. Пчелкина, …; содокладчик — О.М. Сурменко, … — по вопросу
    # «Об основных мерах…»» (the collegium agenda of paper 22).
    role: str = Field("докладчик", description="Роль: «докладчик» (по умолчанию), «содокладчик» или своё слово "
                      "протокола («выступающий»)")  # fmt: skip
    topic: str | None = Field(None, description="Свой вопрос докладчика внутри пункта: печатается «— по вопросу "
                              "«…»» (без кавычек или в «ёлочках»)")  # fmt: skip

    @model_validator(mode="after")
    def _one_kind(self) -> Speaker:
        if (self.person is None) == (self.group is None):
            raise ValueError("докладчик — это person или group (ровно одно)")
        if self.group is not None and " ".join(self.role.split()).lower() not in ("", "докладчик"):
            raise ValueError(f"роль «{self.role}» печатается только у докладчика-человека (person); у группы "
                             "уберите role или назовите её словами протокола в text")  # fmt: skip
        return self


class AnalysisCitation(Record):
    """The analysis of results a speaker reported (``nor_docs/analytics``): the protocol prints its
    schools with their evidence lines, so nobody retypes the numbers."""

    rule: Ref | None = Field(default=None, description="Правило отбора (id из records/rules/); без него — правило, "
                             "которое nor-docs analyze берёт по умолчанию")  # fmt: skip
    years: list[int] = Field(default_factory=list, description="Годы анализа, если не те, что называет правило")
    schools: list[Ref] = Field(default_factory=list, description="Только эти школы (id); по умолчанию — все, "
                               "отвечающие правилу")  # fmt: skip


class Statement(Record):
    """СЛУШАЛИ / ВЫСТУПИЛИ: who, with the position as written, and what they said.

    ``text`` is paragraphs separated by blank lines; a line starting with «- » is a list item.
    With ``analysis``, the schools the analysis identified and their evidence follow the text, then
    ``text_after``.
    """

    person: PersonRef = Field(description="id выступавшего из справочника, например ivanova")
    position: str | None = Field(None, description="Должность, как её пишет протокол (иначе — из справочника)")
    text: str | None = Field(None, description="Что сказано: абзацы через пустую строку, строка с «- » — пункт "
                                               "списка; «— о ходе выполнения плана.»")  # fmt: skip
    analysis: AnalysisCitation | None = Field(default=None, description="Анализ результатов, о котором докладывали: "
                                              "школы, отвечающие правилу, и основания печатаются после текста")  # fmt: skip
    text_after: str | None = Field(default=None, description="Текст выступления после выводов анализа")

    # Two or more people heard together under one text: «СЛУШАЛИ: Иванову И.И., Петрова П.П. —
    # о ходе…». ``person`` is the first named; ``together`` the others, in the protocol's order.
    # The names alone are printed then (each in the heading's case): whose position a single
    # «, начальника отдела» would be is ambiguous.
    together: list[PersonRef] = Field(default_factory=list, description="id тех, кого слушали вместе с person "
                                      "по одному тексту: «СЛУШАЛИ: Иванову И.И., Петрова П.П. — …»; "
                                      "должности тогда не печатаются")  # fmt: skip


# ``executors`` as a clerk writes them: an id, or an organisation with its responsible person as one
# executor — «администрации муниципального района «Прилузский» (Нестерюк Е.В.)». Control follows the
# organisation; the person is named beside it in the decision's sentence, in check and on the
# control sheet (``Decision.responsible_of``).
_EXECUTORS_SCHEMA = {
    "type": "array",
    "items": {"anyOf": [
        {"type": "string", "pattern": ID_PATTERN},
        {"type": "object", "additionalProperties": False, "required": ["organization", "responsible"],
         "properties": {
             "organization": {"type": "string", "pattern": ID_PATTERN,
                              "description": "id организации-исполнителя, например priluzsky-adm"},
             "responsible": {"type": "string", "pattern": ID_PATTERN,
                             "description": "id ответственного из справочника, например nesteryuk — печатается в "
                                            "скобках: «(Нестерюк Е.В.)»"}}},
    ]},
}  # fmt: skip


def _split_entries(data: Any) -> tuple[Any, dict[str, str]]:
    """``executors`` with each well-formed ``{organization, responsible}`` entry replaced by the
    organisation's id, and the responsible person of each such organisation. A malformed entry is
    left as it is, so that the schema error points at it."""
    if not isinstance(data, dict) or not isinstance(data.get("executors"), list):
        return data, {}
    responsible: dict[str, str] = {}
    executors = []
    for entry in data["executors"]:
        if isinstance(entry, dict) and set(entry) == {"organization", "responsible"} \
                and all(isinstance(v, str) for v in entry.values()):
            executors.append(entry["organization"])
            responsible[entry["organization"]] = entry["responsible"]
        else:
            executors.append(entry)
    return ({**data, "executors": executors} if responsible else data), responsible


class Decision(Record):
    """A numbered decision (РЕШИЛИ / ПОСТАНОВИЛИ), possibly nested (1, 1.3, 1.3.1).

    With executors (its own or a parent's) and ``on_control`` it is an assignment. In the
    document the sentence is composed: executors in the dative (or ``addressed_to`` verbatim,
    or nothing when ``executors_in_text`` is false), then ``text``, then the deadline as written,
    after a comma (``…МОУ, в срок до 27.02.2023``) or, with ``deadline_comma: false``, after a
    space only (``…ДК» в срок до 31.01.2024 г.``, ``…качества (на постоянной основе)``).

    A deadline written inside the sentence is marked there instead: ``text: Разработать
    программу (срок готовности — [[1 ноября 2014 г.]])``; several marks are several control
    points. The document prints the text as the paper reads and appends nothing
    (``model/deadline.py``, «deadlines marked inside a decision's text»).
    """

    number: ItemNumber = Field(description="Номер решения, как в протоколе: 1, 2.1, 1.3.1")
    text: Annotated[str, Field(min_length=1), AfterValidator(check_no_marks)] = Field(
        description="Текст решения без исполнителей и срока: «провести анализ результатов ВПР»; срок внутри "
                    "текста отмечается [[…]]: «(срок готовности — [[1 ноября 2014 г.]])»")
    executors: Annotated[list[ExecutorRef], WithJsonSchema(_EXECUTORS_SCHEMA)] = Field(
        default_factory=list, description="Исполнители: id людей, организаций или групп из справочника, например "
        "[heads, ivanova]; группа — каждый её участник; организация с ответственным — {organization: "
        "priluzsky-adm, responsible: nesteryuk}")  # fmt: skip
    addressed_to: str | None = Field(None, description="Кому, дословно, вместо имён исполнителей в начале решения: "
                                                       "«Руководству МБОУ «СОШ с. Ушаковка»»")  # fmt: skip
    executors_in_text: bool = Field(True, description="false — не писать исполнителей в начале решения (они уже в "
                                                      "тексте)")  # fmt: skip
    deadline: DeadlineField | None = Field(None, description="Срок, как он написан: «до 31.01.2024», «май 2024 года»,"
                                                             " «постоянно», «ежеквартально до 10 числа»")  # fmt: skip
    deadline_comma: bool = Field(True, description="false — без запятой перед сроком: «… в срок до 31.01.2024 г.»")
    controller: Annotated[Ref, RefTo(("person",), "контролирующее лицо")] | None = Field(None, description="id того, кто контролирует исполнение, например ivanova")
    on_control: bool = Field(True, description="false — не поручение: «принять к сведению», заголовок группы решений")
    bullets: list[Text] = Field(default_factory=list, description="Пункты списка после текста решения (через «-»)")
    decisions: list[Decision] = Field(default_factory=list, description="Вложенные решения: 1.1, 1.2 (исполнители "
                                        "наследуются, если у вложенного их нет)")  # fmt: skip
    # Links (model/links.py): what this decision does to assignments given earlier.
    acts_on: list[Action] = Field(default_factory=list, description="Что решение делает с поручениями, данными "
                                  "раньше: [{assignment: 2024-02-10-wg#3, action: done}] — снять с контроля как "
                                  "исполненное; extend (с new_deadline), cancel, review, amend")  # fmt: skip
    vote: Vote | None = Field(None, description="Как голосовали за это решение: {for: 12, against: 0, abstained: 1} "
                              "→ «Голосовали: за — 12, против — нет, воздержались — 1», или {for: единогласно}")  # fmt: skip
    # --- the control clause of an order or a directive (docs/kinds.md) ---
    controls: Annotated[str, Field(pattern=ID_PATTERN)] | None = Field(
        None, description="Этот пункт — о контроле («Контроль … возложить на Л.П. Иванову»): id контролирующего; "
                          "self — «оставляю за собой» (первый подписывающий). Контролирует поручения документа, "
                          "у которых нет своего controller")  # fmt: skip
    # --- an inspection act's item (предписание, представление, протест; docs/kinds.md) ---
    violation: str | None = Field(None, description="Нарушение, которое устраняет пункт, с нормой, как в акте: "
                                  "«туалетные комнаты в ненадлежащем состоянии (п. 2.5.3 СП 2.4.3648-20)»")  # fmt: skip
    measures_taken: str | None = Field(None, description="Принятые меры, как их пишет ответ на акт: «посуда в "
                                       "столовых школ заменена»")  # fmt: skip

    _deadline_in_text = model_validator(mode="before")(take_marked_deadline)
    # organisation id → its responsible person, from ``{organization, responsible}`` executors
    _responsible: dict[str, str] = PrivateAttr(default_factory=dict)

    @model_validator(mode="wrap")
    @classmethod
    def _executor_entries(cls, data: Any, handler: ModelWrapValidatorHandler[Decision]) -> Decision:
        data, responsible = _split_entries(data)
        decision = handler(data)
        if responsible:
            decision._responsible = responsible
        return decision

    def responsible_of(self, executor: str) -> str | None:
        """The responsible person named beside an organisation executor, if any."""
        return self._responsible.get(executor)


class AgendaItem(Record):
    """An agenda item: number, title, speakers; then what was heard, said and decided."""

    number: Label = Field(description="Номер пункта повестки: 1, 2, 2.1")
    title: Text = Field(description="Тема пункта: «О результатах ВПР 2023 года»")
    speakers: list[Speaker] = Field(default_factory=list, description="Докладчики в повестке: «Доклад начальника "
                                    "отдела И.И. Иванова»")  # fmt: skip
    appendix: Label | None = Field(None, description="Номер приложения, на которое ссылается пункт: 1 → "
                                                     "«(приложение 1)»")  # fmt: skip
    items: list[AgendaItem] = Field(default_factory=list, description="Подпункты повестки: 2.1, 2.2")
    heard: list[Statement] = Field(default_factory=list, description="СЛУШАЛИ: кого слушали по пункту и что сказано")
    spoke: list[Statement] = Field(default_factory=list, description="ВЫСТУПИЛИ: кто выступил по пункту и что сказал")
    decisions: list[Decision] = Field(default_factory=list, description="РЕШИЛИ: решения по этому пункту")
    vote: Vote | None = Field(None, description="Как голосовали по пункту в целом (печатается после его решений): "
                              "{for: 12, against: 0, abstained: 1} или {for: единогласно}")  # fmt: skip
    # Links (model/links.py): the documents this item reviews.
    reviews: list[LinkTarget] = Field(default_factory=list, description="Что рассматривается по пункту: [{record: "
                                      "2017-09-01-pedsovet}] — «О выполнении решений предыдущего педсовета»")  # fmt: skip


class Table(Record):
    header: list[str] = Field(default_factory=list, description="Заголовки столбцов: [«№», «ОО», «Доля»]")
    rows: list[list[str]] = Field(description="Строки таблицы, каждая — список ячеек")


class Appendix(Record):
    """An appendix: title (and a subtitle line), text, a table, and text after the table."""

    number: Label = Field(description="Номер приложения: 1")
    title: Text = Field(description="Заголовок приложения")
    subtitle: str | None = Field(None, description="Строка под заголовком: «(подведение итогов реализации проекта "
                                                   "«500+»)»")  # fmt: skip
    text: str | None = Field(None, description="Текст перед таблицей (абзацы через пустую строку)")
    table: Table | None = Field(None, description="Таблица приложения")
    text_after: str | None = Field(None, description="Текст после таблицы")


class Result(Record):
    """One line of results data: participants and low marks, and the percentage as stated."""

    organization: OrganizationRef = Field(description="id школы из справочника, например sosh-3")
    procedure: Text = Field(description="Процедура: ВПР, ОГЭ, ЕГЭ")
    subject: str | None = Field(None, description="Предмет: «математика»")
    grade: int | None = Field(default=None, ge=1, le=11, description="Класс: 4–11")
    year: int = Field(ge=2000, le=2100, description="Год проведения: 2023")
    participants: int = Field(ge=1, description="Число участников")
    low: int = Field(ge=0, description="Сколько получили «2» (не преодолели минимальный порог)")
    percent: float | None = Field(default=None, ge=0, le=100, description="Доля низких результатов, %, как в "
                                  "источнике (проверяется по числам)")  # fmt: skip

    @model_validator(mode="after")
    def _low_within_participants(self) -> Result:
        if self.low > self.participants:
            raise ValueError(f"low ({self.low}) больше числа участников ({self.participants})")
        return self


class MeetingFormat(Record):
    mode: Literal["очно", "ВКС", "очно и ВКС"] = Field("очно", description="Очно, по видеосвязи (ВКС) или так и так")
    platform: str | None = Field(None, description="Платформа видеосвязи: «Сферум»")


def _date_or_received(schema: dict[str, Any], model: type) -> None:
    """The editor's schema: ``date`` or ``received`` (an incoming act known by the day it came)."""
    _schema_in_russian(schema, model)
    required = schema.get("required", [])
    if "date" in required:
        required.remove("date")
        schema["anyOf"] = [{"required": ["date"]}, {"required": ["received"]}]


class Meeting(Record):
    """A meeting record: everything its protocol says."""

    model_config = Record.model_config | ConfigDict(json_schema_extra=_date_or_received)
    SCHEMA_DESCRIPTION: ClassVar[str] = "Заседание и его протокол (records/meetings/<дата>-<слово>.yaml)"

    id: Ref | None = Field(None, description="id заседания; по умолчанию — имя файла без .yaml")
    document: Ref = Field("protocol", description="Вид документа: protocol — протокол, extract — выписка из "
                          "протокола, decision-collegium — решение коллегии, decision-council — решение совета, "
                          "decision-board — решение управляющего совета, order — приказ, directive — распоряжение, "
                          "resolution — постановление, instructions — перечень поручений; свои — в records/kinds.yaml",
                          json_schema_extra={"examples": list(builtin_kinds())})  # fmt: skip
    kind: Text | None = Field(None, description="Вид заседания: «заседание рабочей группы», «совещание "
                              "руководителей»; обязателен для протокола и выписки")  # fmt: skip
    title: Text | None = Field(None, description="Заголовок: у протокола — в родительном падеже, «заседания рабочей "
                               "группы по реализации проекта «500+»»; у приказа, решения — «О …»")  # fmt: skip
    issuer: OrganizationRef = Field(description="id организации, которая проводит заседание, из справочника, например uo")
    number: DocNumber | None = Field(None, description="Номер протокола без «№»: 4, 15-о")
    date: Date = Field(description="Дата заседания: 2024-03-05 или 05.03.2024")
    time: Time | None = Field(None, description="Время начала, в кавычках: \"10:00\"")
    place: str | None = Field(None, description="Место: «г. Каменка, ул. Ленина, д. 1, каб. 5»")
    format: MeetingFormat | None = Field(None, description="Очно или по видеосвязи: {mode: ВКС, platform: Сферум}")
    theme: str | None = Field(None, description="Тема совещания, если протокол её называет")
    intro: str | None = Field(None, description="Вводный текст перед основной частью протокола")
    chair: Role | None = Field(None, description="Председатель: {person: id, label: Председатель}")
    secretary: Role | None = Field(None, description="Секретарь: {person: id, label: Секретарь}")
    signers: list[Signer] = Field(default_factory=list, description="Подписи под протоколом, по порядку; без них — "
                                  "председатель и секретарь")  # fmt: skip
    attendees: list[Attendee] = Field(default_factory=list, description="Присутствовали: люди, группы, организации")
    attendees_label: str | None = Field(
        default=None,
        description="Как протокол называет присутствовавших, без двоеточия: «Принимали участие», «Участники»; "
                    "по умолчанию «Присутствовали».",
    )  # fmt: skip
    attendance: Attendance | None = Field(None, description="Присутствие числами: {present: 59} → «Присутствовало: "
                                          "59 человек»; absent, absent_note, members, unit")  # fmt: skip
    invited: list[Attendee] = Field(default_factory=list, description="Приглашённые")
    absent: list[Attendee] = Field(default_factory=list, description="Отсутствовали")
    agenda: list[AgendaItem] = Field(default_factory=list, description="Повестка дня: пункты с СЛУШАЛИ, ВЫСТУПИЛИ, "
                                     "РЕШИЛИ")  # fmt: skip
    decisions: list[Decision] = Field(default_factory=list, description="Решения заседания в целом, вне пунктов "
                                      "повестки")  # fmt: skip
    decision_word: Literal["РЕШИЛИ", "ПОСТАНОВИЛИ"] = Field("РЕШИЛИ", description="Слово перед решениями")
    assignments_layout: Literal["text", "table"] = Field("text", description="Поручения текстом (text) или таблицей "
                                                         "№ | поручение | срок | ответственные (table)")  # fmt: skip
    appendices: list[Appendix] = Field(default_factory=list, description="Приложения к протоколу")
    results: list[Result] = Field(default_factory=list, description="Данные о результатах (ВПР, ОГЭ, ЕГЭ) по школам")
    template: str | None = Field(None, description="Свой шаблон DOCX для этого заседания из папки templates/: "
                                                   "protocol-wg.docx")  # fmt: skip
    # Links (model/links.py): the documents this one reviews or implements as a whole.
    reviews: list[LinkTarget] = Field(default_factory=list, description="Документы, исполнение которых "
                                      "рассматривается: «Об исполнении решения … № 31/16» → [{record: id}] или "
                                      "[{cite: решение … от 24.08.2018 № 31/16}]")  # fmt: skip
    implements: list[LinkTarget] = Field(default_factory=list, description="Во исполнение чего принят документ: "
                                         "[{assignment: id#1.2}] или [{cite: пункт 1.2 Плана …}]")  # fmt: skip
    reports: list[ReportEntry] = Field(default_factory=list, description="Информация о ходе исполнения: что "
                                       "документ говорит о поручениях на свою дату, по строкам (assignment, members, "
                                       "status как написан, meaning); validate сверяет с отметками")  # fmt: skip
    # --- fields of document kinds other than protocols (docs/kinds.md) ---
    issuer_lines: list[Text] = Field(default_factory=list, description="Строки шапки, как напечатаны, вместо "
                                     "названия организации: [«РЕСПУБЛИКА КАРЕЛИЯ», «ПЕТРОЗАВОДСКИЙ ГОРОДСКОЙ СОВЕТ»]")  # fmt: skip
    preamble: str | None = Field(None, description="Преамбула перед пунктами, как написана: «Заслушав и обсудив "
                                 "информацию …», «В целях …»")  # fmt: skip
    formula: str | None = Field(None, description="Слова перед пунктами, если не те, что у вида: «коллегия "
                                "решила:», «Совет муниципального района решил:»")  # fmt: skip
    formula_inline: bool | None = Field(None, description="true — формула продолжает последний абзац преамбулы "
                                        "(«… Орловской области КОЛЛЕГИЯ ПОСТАНОВЛЯЕТ:»), false — отдельной строкой; "
                                        "по умолчанию продолжает, если начинается со строчной буквы")  # fmt: skip
    citation_name: str | None = Field(None, description="Как документ называть в ссылках вместо названия вида: "
                                      "«Распоряжение главы администрации города Канаш» → «… от 16.10.2007 № 500, п. 1»")  # fmt: skip
    unsigned: bool = Field(False, description="true — у документа нет подписи (опубликованный текст, копия без "
                           "подписей): блок подписей не печатается, и validate не предупреждает (NOR207)")  # fmt: skip
    controller: Annotated[Ref, RefTo(("person",), "контролирующее лицо")] | None = Field(
        None, description="На кого возложен контроль за исполнением документа (пункт о контроле): id человека; "
                          "контролирует каждое поручение, у которого нет своего controller")  # fmt: skip

    # --- the order of names in this document's lists (docs/protocols.md; else settings.documents) ---
    attendees_order: Literal["alphabetical", "as-written"] | None = Field(
        None, description="Порядок присутствующих в этом документе: alphabetical — по алфавиту фамилий, as-written "
                          "— как в записи; по умолчанию — documents.attendees_order в настройках")  # fmt: skip
    name_order: Literal["surname-first", "initials-first"] | None = Field(
        None, description="Имена в списках этого документа: surname-first — «Гардымова Р.А.», initials-first — "
                          "«Р.А. Гардымова»; по умолчанию — documents.name_order в настройках")  # fmt: skip
    # --- an inspection act (предписание, представление, протест; docs/kinds.md) ---
    addressed_to: OrganizationRef | None = Field(None, description="Кому внесён акт проверки: id организации из "
                                                 "справочника (управление образования, школа)")  # fmt: skip
    received: Date | None = Field(None, description="Дата получения акта: от неё считается срок по закону "
                                  "(представление — месяц, протест — 10 дней); без date документ датирован ею")  # fmt: skip

    @model_validator(mode="wrap")
    @classmethod
    def _dated_by_receipt(cls, data, handler):
        """A paper with no date of its own (an incoming act known by the day it came) is dated by
        ``received``; ``date`` then stays out of ``model_fields_set`` (``dated``)."""
        undated = isinstance(data, dict) and data.get("date") is None and data.get("received") is not None
        if undated:
            data = {key: value for key, value in data.items() if key != "date"} | {"date": data["received"]}
        model = handler(data)
        if undated:
            model.__pydantic_fields_set__.discard("date")
        return model

    @property
    def dated(self) -> bool:
        """Whether the paper has a date of its own (not only the day it was received)."""
        return self.received is None or "date" in self.model_fields_set

    def document_controller(self) -> str | None:
        """Who controls the document's assignments that name no controller of their own: its
        ``controller``, else the control clause's ``controls`` («self» — the first signer)."""
        if self.controller is not None:
            return self.controller
        for _loc, decision, _executors in self.all_decisions():
            if decision.controls == "self":
                return self.signers[0].person if self.signers else None
            if decision.controls is not None:
                return decision.controls
        return None

    def all_decisions(self) -> Iterator[tuple[tuple, Decision, list[str]]]:
        """Every decision, depth first, with its path in the record and effective executors."""

        def walk(decisions, loc, inherited):
            for i, decision in enumerate(decisions):
                executors = decision.executors or inherited
                yield loc + (i,), decision, executors
                yield from walk(decision.decisions, loc + (i, "decisions"), executors)

        for i, item in enumerate(self.agenda):
            yield from walk(item.decisions, ("agenda", i, "decisions"), [])
            for j, sub in enumerate(item.items):
                yield from walk(sub.decisions, ("agenda", i, "items", j, "decisions"), [])
        yield from walk(self.decisions, ("decisions",), [])
