"""The DOCX part of the import corpus: protocols in other offices' styles, typed here and built
with python-docx, the way a secretary makes them in Word — lists Word numbers by itself
(``w:numPr``, several levels), bullets, a decisions table with a merged executors cell, signature
tables (two columns; three with a column for the pen, «/Е.А. Никитина/» and the «Выписка верна»
block in the same table), text in tabs, what Word's AutoFormat types (no-break spaces and hyphens,
«ёлочки», dashes, «…»), deadlines inside the decisions' sentences. The texts of the plain-text
part are in ``tests/data/import/``; each document's expected facts are in
``tests/data/import/expected/<name>.yaml``.
"""

from __future__ import annotations

from pathlib import Path

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

NBSP, NB_HYPHEN = "\u00a0", "\u2011"


def _list(document, levels: list[str], fmt: str = "decimal") -> str:
    """A list definition in numbering.xml (one abstractNum and its num); its numId."""
    numbering = document.part.numbering_part.element
    ids = [int(a.get(qn("w:abstractNumId"))) for a in numbering.findall(qn("w:abstractNum"))]
    abstract_id = str(max(ids, default=0) + 1)
    num_ids = [int(n.get(qn("w:numId"))) for n in numbering.findall(qn("w:num"))]
    num_id = str(max(num_ids, default=0) + 1)
    abstract = OxmlElement("w:abstractNum")
    abstract.set(qn("w:abstractNumId"), abstract_id)
    for level, text in enumerate(levels):
        lvl = OxmlElement("w:lvl")
        lvl.set(qn("w:ilvl"), str(level))
        for tag, value in (("w:start", "1"), ("w:numFmt", "bullet" if fmt == "bullet" else "decimal"),
                           ("w:lvlText", text)):  # fmt: skip
            child = OxmlElement(tag)
            child.set(qn("w:val"), value)
            lvl.append(child)
        abstract.append(lvl)
    first_num = numbering.find(qn("w:num"))
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        numbering.append(abstract)
    num = OxmlElement("w:num")
    num.set(qn("w:numId"), num_id)
    ref = OxmlElement("w:abstractNumId")
    ref.set(qn("w:val"), abstract_id)
    num.append(ref)
    numbering.append(num)
    return num_id


def _numbered(paragraph, num_id: str, level: int = 0) -> None:
    ppr = paragraph._p.get_or_add_pPr()
    num_pr = OxmlElement("w:numPr")
    ilvl = OxmlElement("w:ilvl")
    ilvl.set(qn("w:val"), str(level))
    num = OxmlElement("w:numId")
    num.set(qn("w:val"), num_id)
    num_pr.append(ilvl)
    num_pr.append(num)
    ppr.append(num_pr)


def _p(document, text: str = "", bold: bool = False, center: bool = False, num: str | None = None, level: int = 0):
    paragraph = document.add_paragraph()
    if text:
        run = paragraph.add_run(text)
        run.bold = bold
    if center:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    if num is not None:
        _numbered(paragraph, num, level)
    return paragraph


def _runs(document, *parts: str, bold: bool = False):
    """A paragraph of runs as Word writes them; a part that is «‑» (U+2011) is Word's no-break
    hyphen element (Ctrl+Shift+-), not the character."""
    paragraph = document.add_paragraph()
    for part in parts:
        run = paragraph.add_run()
        if part == NB_HYPHEN:
            run._r.append(OxmlElement("w:noBreakHyphen"))
        else:
            run.text = part
            run.bold = bold
    return paragraph


def _borderless(table) -> None:
    """No borders, as a signature block is laid out."""
    borders = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        edge = OxmlElement(f"w:{side}")
        edge.set(qn("w:val"), "nil")
        borders.append(edge)
    table._tbl.tblPr.append(borders)


def _merge_down(table, column: int, first: int, last: int) -> None:
    table.cell(first, column).merge(table.cell(last, column))


def heads_meeting_zarechny(path: Path) -> Path:
    """Совещание руководителей: автонумерация списков, поручения таблицей, подписи таблицей."""
    d = docx.Document()
    _p(d, "Управление образования администрации Заречного района", center=True)
    _p(d, "ПРОТОКОЛ", bold=True, center=True)
    _p(d, "15.02.2024\t\t\t\t\t\t№ 2")
    _p(d, "г. Заречный")
    _p(d, "совещания руководителей общеобразовательных организаций", bold=True, center=True)
    _p(d, "Председательствующий: Соколова Л.В., начальник управления образования")
    _p(d, "Секретарь: Никитина Е.А., ведущий специалист")
    _p(d, "Присутствовали:")
    people = _list(d, ["%1."])
    for line in ("Соколова Л.В. — начальник управления образования",
                 "Петренко О.М. — директор МБОУ СОШ № 1",
                 "КИМ Д.В. — директор МБОУ «Лицей № 2»",
                 "Жукова А.А. — директор МБОУ СОШ с. Берёзовка"):  # fmt: skip
        _p(d, line, num=people)
    _p(d, "Приглашены:")
    _p(d, "Орехова Т.Н. — методист информационно-методического центра")
    _p(d, "ПОВЕСТКА ДНЯ:")
    agenda = _list(d, ["%1."])
    _p(d, "О результатах ВПР 2023 года в школах с низкими образовательными результатами. Докл.: Орехова Т.Н., "
          "методист информационно-методического центра.", num=agenda)  # fmt: skip
    _p(d, "О работе школы-куратора. Доклад директора МБОУ «Лицей № 2» Д.В. Кима.", num=agenda)
    _p(d, "1. СЛУШАЛИ:")
    _p(d, "Орехову Т.Н., методиста информационно-методического центра, — о результатах ВПР: в трёх школах доля "
          "работ с отметкой «2» превысила 30 %.")  # fmt: skip
    _p(d, "ВЫСТУПИЛИ:")
    _p(d, "Жукова А.А. — о причинах низких результатов по математике в 5 классах.")
    _p(d, "2. СЛУШАЛИ:")
    _p(d, "Кима Д.В., директора МБОУ «Лицей № 2». Он рассказал о совместных методических днях с МБОУ СОШ с. Берёзовка.")
    _p(d, "РЕШИЛИ:")
    table = d.add_table(rows=5, cols=4)
    table.style = "Table Grid"
    rows = [
        ("№ п/п", "Содержание поручения", "Срок исполнения", "Ответственный"),
        ("1.", "Провести анализ результатов ВПР по каждому классу и учителю", "до 01.03.2024", "Руководители ОО"),
        ("2.", "Разработать планы индивидуальной работы с обучающимися группы риска", "до 15.03.2024", ""),
        ("3.", "Организовать методические дни школы-куратора", "ежемесячно", "Ким Д.В."),
        ("4.", "Обеспечить повышение квалификации учителей математики", "в течение 2024 года", "Петренко О.М., Жукова А.А."),
    ]
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            if text:
                table.cell(r, c).text = text
    _merge_down(table, 3, 1, 2)
    table.cell(1, 3).text = "Руководители ОО"
    _p(d)
    signatures = d.add_table(rows=2, cols=2)
    signatures.cell(0, 0).text = "Председательствующий"
    signatures.cell(0, 1).text = "Л.В. Соколова"
    signatures.cell(1, 0).text = "Секретарь"
    signatures.cell(1, 1).text = "Е.А. Никитина"
    d.save(path)
    return path


def wg_500plus_pervomaisk(path: Path) -> Path:
    """Муниципальная рабочая группа «500+»: многоуровневая автонумерация решений, маркеры, имена в
    разных падежах и регистрах, школы с разным написанием."""
    d = docx.Document()
    _p(d, "Управление образования Первомайского района", center=True)
    _p(d, "ПРОТОКОЛ № 5", bold=True, center=True)
    _p(d, "заседания муниципальной рабочей группы по сопровождению школ с низкими образовательными результатами",
       bold=True, center=True)  # fmt: skip
    _p(d, "«20» февраля 2024 г.")
    _p(d, "Время проведения: 10.30")
    _p(d, "Председатель: Кирюхина Ирина Васильевна, заместитель начальника управления образования")
    _p(d, "Секретарь: Лаптева О.Н.")
    _p(d, "Присутствовали: члены рабочей группы (9 чел.), руководители МОУ СОШ с. Головинцино, МОУ СОШ №3 "
          "р.п. Первомайский.")  # fmt: skip
    _p(d, "Повестка дня:")
    agenda = _list(d, ["%1."])
    _p(d, "О рисковых профилях школ – И.В. Кирюхина, заместитель начальника управления образования.", num=agenda)
    _p(d, "Об антирисковых программах – директора школ.", num=agenda)
    _p(d, "1. СЛУШАЛИ: Кирюхину И.В. — о результатах анкетирования по выявлению рисковых профилей:")
    bullets = _list(d, ["•"], "bullet")
    _p(d, "низкий уровень оснащённости школы;", num=bullets)
    _p(d, "высокая доля обучающихся с рисками учебной неуспешности.", num=bullets)
    _p(d, "ВЫСТУПИЛИ:")
    _p(d, "СОМОВ П.И., директор МОУ СОШ №3 р.п. Первомайский, — предложил провести совместный семинар.")
    _p(d, "2. СЛУШАЛИ: Сомова П.И., директора МОУ СОШ №3 р.п. Первомайский, — об антирисковой программе школы.")
    _p(d, "ПОСТАНОВИЛИ:")
    decisions = _list(d, ["%1.", "%1.%2."])
    _p(d, "Информацию принять к сведению.", num=decisions)
    _p(d, "Руководителям МОУ СОШ с. Головинцино, МОУ СОШ №3 р.п. Первомайский:", num=decisions)
    _p(d, "разработать антирисковые программы в срок до 01.03.2024;", num=decisions, level=1)
    _p(d, "представить отчёты о реализации программ: май 2024 года и декабрь 2024 года.", num=decisions, level=1)
    _p(d, "Кирюхиной И.В. обеспечить методическое сопровождение школ (постоянно).", num=decisions)
    _p(d, "Сомову П.И. провести семинар для учителей математики не позднее 15.03.2024.", num=decisions)
    _p(d)
    _p(d, "Председатель\t\t\t\tИ.В. Кирюхина")
    _p(d, "Секретарь\t\t\t\tО.Н. Лаптева")
    d.save(path)
    return path


def board_school19(path: Path) -> Path:
    """Управляющий совет школы: полные имена в списке присутствующих, вопросы «По первому вопросу…»,
    решения в конце, подпись с подчёркиваниями в одной строке."""
    d = docx.Document()
    _p(d, "Муниципальное общеобразовательное учреждение «Средняя общеобразовательная школа №19»", center=True)
    _p(d, "Протокол №6", bold=True, center=True)
    _p(d, "заседания управляющего совета от 10.03.2024г.", center=True)
    _p(d, "Присутствовали:")
    people = _list(d, ["%1."])
    for line in ("Богданова Татьяна Вячеславовна, учитель МОУ «СОШ № 19»",
                 "Степанов Андрей Васильевич, представитель родительской общественности",
                 "Казакова Ирина Николаевна, заместитель директора по УВР",
                 "Рослякова Ольга Александровна, директор МОУ «СОШ № 19»"):  # fmt: skip
        _p(d, line, num=people)
    _p(d, "Повестка дня:")
    agenda = _list(d, ["%1."])
    _p(d, "Об итогах самодиагностики школы в проекте «Школа Минпросвещения России».", num=agenda)
    _p(d, "О санитарно-гигиеническом состоянии школы.", num=agenda)
    _p(d, "Слушали:")
    _p(d, "По первому вопросу Рослякову Ольгу Александровну, директора школы. Ольга Александровна представила "
          "результаты самодиагностики: школа набрала 142 балла, средний уровень.")  # fmt: skip
    _p(d, "По второму вопросу Казакову И.Н., заместителя директора по УВР, которая доложила о проверке столовой.")
    _p(d, "Решили:")
    _p(d, "1. Одобрить план мероприятий по переходу на высокий уровень.")
    _p(d, "2. Казаковой И.Н. подготовить информацию для родителей до 01.04.2024 г.")
    _p(d, "Председатель управляющего совета\t__________\tТ.В. Богданова")
    d.save(path)
    return path


def roadmap_berezovka(path: Path) -> Path:
    """Дорожная карта школы таблицей: гриф утверждения, разделы строками во всю ширину."""
    d = docx.Document()
    _p(d, "УТВЕРЖДЕНА")
    _p(d, "приказом МБОУ СОШ с. Берёзовка от 10.01.2024 № 5")
    _p(d, "Дорожная карта", bold=True, center=True)
    _p(d, "по реализации антирисковой программы «Повышение учебной мотивации» на 2024 год", bold=True, center=True)
    table = d.add_table(rows=7, cols=5)
    table.style = "Table Grid"
    header = ("№ п/п", "Мероприятие", "Сроки", "Ответственные", "Ожидаемый результат")
    for c, text in enumerate(header):
        table.cell(0, c).text = text
    section = table.cell(1, 0).merge(table.cell(1, 4))
    section.text = "1. Организационные мероприятия"
    rows = [
        ("1.1", "Анкетирование обучающихся по выявлению учебной мотивации", "январь 2024 года", "Жукова А.А.",
         "аналитическая справка"),
        ("1.2", "Заседание методического совета по итогам анкетирования", "до 15.02.2024", "Руководители ШМО",
         "протокол методического совета"),
    ]
    for r, row in enumerate(rows, start=2):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    section = table.cell(4, 0).merge(table.cell(4, 4))
    section.text = "2. Работа с обучающимися"
    rows = [
        ("2.1", "Индивидуальные консультации для обучающихся группы риска", "ежемесячно", "Учителя-предметники",
         "снижение доли неудовлетворительных отметок"),
        ("2.2", "Проектная неделя «Мир профессий»", "IV квартал 2024 года", "Жукова А.А., классные руководители",
         "участие не менее 80 % обучающихся"),
    ]
    for r, row in enumerate(rows, start=5):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    d.save(path)
    return path


def extract_heads_zarechny(path: Path) -> Path:
    """Выписка из протокола совещания руководителей: один пункт с исходным номером; подписи,
    «Выписка верна», заверивший, дата и «М.П.» — одной таблицей без границ в три столбца
    (должность в две строки | место для подписи | «И.О. Фамилия» или «/И.О. Фамилия/»)."""
    d = docx.Document()
    _p(d, "Управление образования администрации Заречного района", center=True)
    _p(d, "ВЫПИСКА ИЗ ПРОТОКОЛА", bold=True, center=True)
    _p(d, "21.03.2024\t\t\t\t\t\t№ 3")
    _p(d, "г. Заречный")
    _p(d, "совещания руководителей общеобразовательных организаций", bold=True, center=True)
    _p(d, "Председательствующий: Соколова Л.В., начальник управления образования")
    _p(d, "Секретарь: Никитина Е.А., ведущий специалист")
    _p(d, "Присутствовали: 14 человек (список прилагается).")
    _p(d, "ПОВЕСТКА ДНЯ:")
    _p(d, "…")
    _p(d, "2. О работе школы-куратора. Доклад директора МБОУ «Лицей № 2» Д.В. Кима.")
    _p(d, "…")
    _p(d, "2. СЛУШАЛИ:")
    _p(d, "Кима Д.В., директора МБОУ «Лицей № 2». Он рассказал о совместных методических днях с МБОУ СОШ с. Берёзовка.")
    _p(d, "РЕШИЛИ:")
    _p(d, "2.1. Информацию принять к сведению.")
    _p(d, "2.2. Ким Д.В. и Жуковой А.А. разработать план совместных методических дней на II полугодие, в срок до "
          "01.04.2024.")  # fmt: skip
    _p(d)
    rows = [
        ("Председательствующий,\nначальник управления образования", "_______________", "Л.В. Соколова"),
        ("Секретарь", "_______________", "/Е.А. Никитина/"),
        ("Выписка верна", "", ""),
        ("Секретарь совещания", "(подпись)", "Е.А. Никитина"),
        ("22.03.2024", "", "М.П."),
    ]
    table = d.add_table(rows=len(rows), cols=3)
    _borderless(table)
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            cell = table.cell(r, c)
            lines = text.split("\n")
            cell.paragraphs[0].text = lines[0]
            for line in lines[1:]:
                cell.add_paragraph(line)
    d.save(path)
    return path


def wg_autoformat_kamenka(path: Path) -> Path:
    """Рабочая группа Каменского района, набранная в Word с автоформатом: «ёлочки» и „лапки“, тире
    « – » между словами, неразрывные пробелы после «№», «с.», между инициалами и фамилией и перед
    «г.», неразрывный дефис в «2023‑2024» (и символом U+2011 в «ВПР‑2024», вставленном из
    другого документа), «…», маркированный тире список Word, подпись через табуляцию."""
    d = docx.Document()
    _p(d, "Управление образования Каменского района", center=True)
    _p(d, f"ПРОТОКОЛ №{NBSP}2", bold=True, center=True)
    _runs(d, "заседания рабочей группы по реализации проекта «Равенство образовательных возможностей» в 2023",
          NB_HYPHEN, "2024 учебном году", bold=True)  # fmt: skip
    _p(d, f"14.12.2023{NBSP}г.\t\t\t\t\tг.{NBSP}Каменка")
    _p(d, f"Председатель – И.В.{NBSP}Кирюхина, заместитель начальника Управления образования")
    _p(d, "Присутствовали:")
    _p(d, "Кирюхина И.В. – заместитель начальника Управления образования;")
    _p(d, f"Чамина{NBSP}Н.Г. – начальник информационно-методического отдела;")
    _p(d, "руководители общеобразовательных организаций.")
    _p(d, "ПОВЕСТКА ДНЯ:")
    agenda = _list(d, ["%1."])
    _runs(d, f"Об итогах ВПР{NB_HYPHEN}2024 в МОУ СОШ с.{NBSP}Кикино и МОУ СОШ №{NBSP}2 – Н.Г.{NBSP}Чамина, "
             "начальник информационно-методического отдела.")
    d.paragraphs[-1]._p.get_or_add_pPr()
    _numbered(d.paragraphs[-1], agenda)
    _p(d, "О школьных «Днях открытых уроков»…", num=agenda)
    _p(d, "1. СЛУШАЛИ:")
    _p(d, f"Чамину Н.Г., начальника информационно-методического отдела, – о результатах ВПР: доля работ с "
          f"отметкой «2» по математике в 5{NBSP}классах МОУ СОШ с.{NBSP}Кикино – 31{NBSP}%. Причины:")  # fmt: skip
    dashes = _list(d, ["–"], "bullet")
    _p(d, "пробелы в базовых умениях;", num=dashes)
    _p(d, "низкая мотивация обучающихся.", num=dashes)
    _p(d, "2. СЛУШАЛИ:")
    _p(d, "Кирюхину И.В. – о проекте „Школа открытых дверей“ и семинаре «Урок „по-новому“».")
    _p(d, "РЕШИЛИ:")
    decisions = _list(d, ["%1."])
    _p(d, "Информацию принять к сведению.", num=decisions)
    _p(d, f"Руководителям общеобразовательных организаций провести анализ ВПР по каждому классу, в срок до "
          f"20.12.2023{NBSP}г.", num=decisions)  # fmt: skip
    _p(d, f"Чаминой Н.Г. организовать «Дни открытых уроков» в МОУ СОШ с.{NBSP}Кикино – ежемесячно.", num=decisions)
    _p(d)
    _p(d, f"Заместитель начальника\t\t\t\tИ.В.{NBSP}Кирюхина")
    d.save(path)
    return path


def wg_deadlines_in_text_pervomaisk(path: Path) -> Path:
    """Рабочая группа Первомайского района: сроки внутри предложения решения — в скобках после
    «срок» (как в решении коллегии от 21.01.2014, http://pohsvu.ru/post/open/1635: «программы- 1
    ноября», «–  1 июня»), перед глаголом после исполнителей, после глагола в конце, год после
    глагола; «по графику ФЦТ» без даты; срок после запятой в конце — срок решения."""
    d = docx.Document()
    _p(d, "Управление образования Первомайского района", center=True)
    _p(d, "ПРОТОКОЛ № 6", bold=True, center=True)
    _p(d, "заседания муниципальной рабочей группы по сопровождению школ с низкими образовательными результатами",
       bold=True, center=True)  # fmt: skip
    _p(d, "10.09.2024")
    _p(d, "Председатель: Кирюхина Ирина Васильевна, заместитель начальника управления образования")
    _p(d, "Секретарь: Лаптева О.Н.")
    _p(d, "Присутствовали: члены рабочей группы (8 чел.).")
    _p(d, "Повестка дня:")
    _p(d, "1. О задачах сопровождения школ на 2024-2025 учебный год – И.В. Кирюхина, заместитель начальника "
          "управления образования.")  # fmt: skip
    _p(d, "1. СЛУШАЛИ: Кирюхину И.В. — о задачах сопровождения школ на новый учебный год.")
    _p(d, "ПОСТАНОВИЛИ:")
    decisions = _list(d, ["%1."])
    _p(d, "Информацию принять к сведению.", num=decisions)
    _p(d, "Рекомендовать управлению образования разработать муниципальную программу сопровождения школ с низкими "
          "образовательными результатами (установить срок готовности программы- 1 ноября 2024 г.).", num=decisions)  # fmt: skip
    _p(d, "Кирюхиной И.В. организовать в 2024 г. изучение мнения родителей о качестве образования (срок готовности "
          "итогового заключения –  1 декабря 2024 г.).", num=decisions)  # fmt: skip
    _p(d, "Руководителям МОУ СОШ с. Головинцино, МОУ СОШ №3 р.п. Первомайский в срок до 01.10.2024 представить в "
          "управление образования скорректированные антирисковые программы.", num=decisions)  # fmt: skip
    _p(d, "Сомову П.И. обеспечить участие обучающихся в пробных экзаменах по графику ФЦТ, итоги представить до 20 "
          "декабря 2024 г.", num=decisions)  # fmt: skip
    _p(d, "Лаптевой О.Н. подготовить проект приказа о составе рабочей группы, в срок до 15.09.2024.", num=decisions)
    _p(d)
    _p(d, "Председатель\t\t\t\tИ.В. Кирюхина")
    _p(d, "Секретарь\t\t\t\tО.Н. Лаптева")
    d.save(path)
    return path


DOCX = {
    "heads-meeting-zarechny.docx": heads_meeting_zarechny,
    "wg-500plus-pervomaisk.docx": wg_500plus_pervomaisk,
    "board-school19.docx": board_school19,
    "roadmap-berezovka.docx": roadmap_berezovka,
    "extract-heads-zarechny.docx": extract_heads_zarechny,
    "wg-autoformat-kamenka.docx": wg_autoformat_kamenka,
    "wg-deadlines-in-text-pervomaisk.docx": wg_deadlines_in_text_pervomaisk,
}


def build_docx(target: Path) -> dict[str, Path]:
    target.mkdir(parents=True, exist_ok=True)
    return {name: build(target / name) for name, build in DOCX.items()}
