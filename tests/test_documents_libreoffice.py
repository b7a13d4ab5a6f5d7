"""The sample's documents as LibreOffice lays them out (one soffice call): every protocol, an extract
of each meeting, and the roadmaps with statuses. No line ends inside a name («№ / 29», «с. /
Головинщино», «им. А.И. / Панкова»); the signatures and «Верно» stand on one page; the words the
records give («Принимали участие», attendee groups as a dash list) and the typography survive."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from conftest import ROOT, SAMPLE_RECORDS
from real_client import broken_names, pdf_page_texts, pdf_text, to_pdf

from nor_docs.build.extracts import build_extract
from nor_docs.build.protocols import build_protocols
from nor_docs.build.roadmaps import build_roadmaps

pytestmark = pytest.mark.libreoffice

TEMPLATES = ROOT / "templates"
EXTRACTS = {  # meeting → (items, meeting-wide decisions)
    "2021-09-29-kuznetsk": (["4"], []),
    "2022-01-31-astrakhan-500": (["1"], ["5"]),
    "2023-01-31-petrozavodsk": (["1"], ["1", "2"]),
    "2023-10-31-kamenka-wg": (["1"], ["1"]),
    "2023-12-14-mun4-wg": (["2"], ["3"]),
}


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("sample")
    built = build_protocols(SAMPLE_RECORDS, out / "protocols", TEMPLATES)
    assert built.ok, built.diagnostics
    docs = list(built.built)
    for meeting, (items, decisions) in EXTRACTS.items():
        path, found = build_extract(SAMPLE_RECORDS, out / "extracts", TEMPLATES, meeting, items, decisions=decisions)
        assert path is not None, found
        docs.append(path)
    roadmaps = build_roadmaps(SAMPLE_RECORDS, out / "roadmaps", TEMPLATES, today=dt.date(2024, 1, 20))
    assert roadmaps.ok, roadmaps.diagnostics
    docs += roadmaps.built
    return to_pdf(docs, tmp_path_factory)


def test_every_document_was_converted(pdfs):
    assert len(pdfs) == 5 + len(EXTRACTS) + 3


def test_no_line_ends_inside_a_name(pdfs):
    for name, pdf in pdfs.items():
        assert broken_names(pdf) == [], name


def test_signatures_and_the_verno_block_stand_on_one_page(pdfs):
    signers = {"2021-09-29-kuznetsk": ["Л.А. Борисова"], "2022-01-31-astrakhan-500": ["Д.А. Баркунов"],
               "2023-01-31-petrozavodsk": ["С.А. Пахомова", "С.В. Червова"],
               "2023-10-31-kamenka-wg": ["И.В. Кирюхина"], "2023-12-14-mun4-wg": ["Г.Н. Рябченко", "Р.И. Сулейманова"]}  # fmt: skip
    for meeting, names in signers.items():
        for stem in (meeting, f"{meeting}.extract-{'-'.join(EXTRACTS[meeting][0])}"):
            pages = pdf_page_texts(pdfs[stem], layout=True, keep_lines=True)
            block = [i for i, page in enumerate(pages) for name in names
                     if re.search(rf"\s{re.escape(name)}$", page, re.M)]  # fmt: skip
            if stem != meeting:
                block += [i for i, page in enumerate(pages) if re.search(r"^Верно$", page, re.M)]
            assert block and len(set(block)) == 1, (stem, block)


def test_the_attendees_label_and_groups_as_the_astrakhan_protocol_writes_them(pdfs):
    text = pdf_text(pdfs["2022-01-31-astrakhan-500"])
    assert "Присутствовали" not in text
    assert ("Принимали участие: – участники проекта адресной методической помощи «500+» 2022 года (15 руководителей "
            "общеобразовательных организаций, имеющих низкие образовательные результаты обучающихся); – муниципальные "
            "координаторы (представители 11 муниципальных органов местного самоуправления Астраханской области, "
            "осуществляющих управление в сфере образования).") in text  # fmt: skip


def test_the_typography_reaches_the_page(pdfs):
    kamenka = pdf_text(pdfs["2023-10-31-kamenka-wg"])
    assert "– ОО, в которых не менее чем по двум оценочным процедурам" in kamenka and "- ОО" not in kamenka
    petrozavodsk = pdf_text(pdfs["2023-01-31-petrozavodsk"])
    assert "Заместитель председателя комитета — начальник управления образования" in petrozavodsk
    assert "1.3.1. систему повышения квалификации" in petrozavodsk
    astrakhan = pdf_text(pdfs["2022-01-31-astrakhan-500"])
    assert "от 22.11.2021 № 02-21/683" in astrakhan.replace("\u2011", "-")
