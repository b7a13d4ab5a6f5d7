"""Build the analytic report: analysis → view and charts → ``templates/analysis.docx`` → one DOCX,
written atomically to ``<out>/analysis-<rule>-<years>.docx``.

The charts go into the package as ``word/media/nor-chart-N.png`` with their relationships and
an inline picture where the template says ``{{ c.image }}`` (the picture's description is the
chart's caption). The same records, rule and date give the same bytes (the charts are
deterministic, the core properties carry the date, the package is zipped with fixed times).
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

from markupsafe import Markup, escape

from ..outputs.atomic import os_error_text, write_atomic
from ..render.analysis_view import report_view
from ..render.charts import Chart, draw_all
from ..render.docx_zip import DYNAMIC_LEVEL, Part, zip_parts
from .output_paths import BuildRefused, output_path
from .templates import Templates

TEMPLATE = "analysis.docx"
EMU_PER_MM = 36000
_RELS = "word/_rels/document.xml.rels"
_TYPES = "[Content_Types].xml"
_IMAGE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image"


def report_name(analysis) -> str:
    years = analysis.years
    span = f"{years[0]}-{years[-1]}" if years else "all"
    return f"analysis-{analysis.rule.id}-{span}"


def drawing(chart: Chart, number: int) -> Markup:
    """The run of an inline picture (closing the template's text run and opening another, as
    docxtpl's InlineImage does)."""
    cx, cy = int(chart.width_mm * EMU_PER_MM), int(chart.height_mm * EMU_PER_MM)
    descr = escape(chart.caption)
    return Markup(
        '</w:t></w:r><w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0">'
        f'<wp:extent cx="{cx}" cy="{cy}"/><wp:docPr id="{1000 + number}" name="Рисунок {number}" descr="{descr}"/>'
        '<wp:cNvGraphicFramePr><a:graphicFrameLocks xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
        'noChangeAspect="1"/></wp:cNvGraphicFramePr>'
        '<a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">'
        '<a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">'
        '<pic:pic xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture">'
        f'<pic:nvPicPr><pic:cNvPr id="{1000 + number}" name="nor-chart-{number}.png" descr="{descr}"/><pic:cNvPicPr/></pic:nvPicPr>'
        f'<pic:blipFill><a:blip r:embed="rIdNorChart{number}"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>'
        f'<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm>'
        '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic>'
        '</wp:inline></w:drawing></w:r><w:r><w:t xml:space="preserve">'
    )  # fmt: skip


def with_images(docx: bytes, charts: list[Chart]) -> bytes:
    """The package with each chart as ``word/media/nor-chart-N.png`` and its relationship."""
    parts = []
    with zipfile.ZipFile(io.BytesIO(docx)) as archive:
        for info in archive.infolist():
            data = archive.read(info)
            if info.filename == _RELS:
                links = "".join(f'<Relationship Id="rIdNorChart{n}" Type="{_IMAGE}" Target="media/nor-chart-{n}.png"/>'
                                for n in range(1, len(charts) + 1))  # fmt: skip
                data = data.replace(b"</Relationships>", links.encode("utf-8") + b"</Relationships>")
            elif info.filename == _TYPES and b'Extension="png"' not in data:
                data = re.sub(rb"(<Types[^>]*>)", rb'\1<Default Extension="png" ContentType="image/png"/>', data, count=1)
            parts.append(Part.of(info.filename, data, DYNAMIC_LEVEL if info.filename.startswith("word/document") else 9))
    parts += [Part.of(f"word/media/nor-chart-{n}.png", chart.png, DYNAMIC_LEVEL) for n, chart in enumerate(charts, 1)]
    return zip_parts(parts)


def render_report(records, data, analysis, on, signer: str | None, templates_dir: str | Path = "templates") -> tuple[bytes, list[Chart], dict]:
    """(DOCX bytes, the charts, the view); raises ``TemplateProblem`` (NOR303: no template)."""
    from ..render.compiled_template import TemplateProblem

    templates = Templates(Path(templates_dir), str(templates_dir))
    path = templates.folder / TEMPLATE
    if not path.is_file():
        raise TemplateProblem(templates.display(path), "NOR303",
                              "шаблон аналитической справки не найден; создайте его: make templates")  # fmt: skip
    view, specs = report_view(records, data, analysis, on, signer)
    charts = draw_all(specs)
    view["charts"] = [{"image": drawing(chart, n), "caption": f"Рисунок {n}. {chart.caption}"}
                      for n, chart in enumerate(charts, 1)]  # fmt: skip
    return with_images(templates.compiled(path).render(view), charts), charts, view


def build_report(records, data, analysis, out_dir: str | Path, templates_dir: str | Path, on, signer: str | None) -> Path:
    """Render the report and write it into ``out_dir``; its path. Raises ``TemplateProblem`` or
    ``BuildRefused``; nothing is written then."""
    docx, _charts, _view = render_report(records, data, analysis, on, signer, templates_dir)
    out = Path(out_dir)
    target = output_path(out, report_name(analysis))
    try:
        out.mkdir(parents=True, exist_ok=True)
        write_atomic(target, docx)
    except OSError as error:
        raise BuildRefused(f"справка не записана: {os_error_text(error)}") from None
    return target
