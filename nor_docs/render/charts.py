"""Charts of the analytic report, drawn with matplotlib: PNG bytes that carry the data they show.

- ``shares_chart``: the share of low results by school and year (horizontal bars, a group per
  school, a bar per year; the rule's threshold as a dashed line);
- ``dynamics_chart``: a school's dynamics across procedures (small multiples, one panel per
  school, a line per procedure over the years, the threshold dashed).

Readable in black and white: greys with hatching for the years, markers and line styles for the
procedures, never colour alone. Russian labels in DejaVu Sans (it ships with matplotlib and has
Cyrillic). Deterministic: the Agg renderer, fixed sizes and fonts, and no «Software» or date stamp
in the PNG — the same data gives the same bytes.

Each PNG embeds, as a text chunk ``nor-docs:chart``, the data read back from the drawn artists
(bar lengths, line points) as JSON — so a test, or a reader with any PNG tool, can check what the
picture shows, not only that there is one (``chart_data``).
"""

from __future__ import annotations

import io
import json
import math
import zlib
from dataclasses import dataclass

DATA_KEY = "nor-docs:chart"
DPI = 150
FONT = "DejaVu Sans"
GREYS = ("#303030", "#8c8c8c", "#d0d0d0", "#ffffff", "#5a5a5a")
HATCHES = ("", "///", "...", "xxx", "\\\\\\")
MARKERS = ("o", "s", "^", "D", "v", "P")
STYLES = ("-", "--", "-.", ":", (0, (5, 1)), (0, (3, 1, 1, 1, 1, 1)))
MM = 1 / 25.4


@dataclass
class Chart:
    png: bytes
    data: dict
    width_mm: float
    height_mm: float
    caption: str


def _pyplot():
    import matplotlib

    matplotlib.use("Agg", force=True)
    import matplotlib.pyplot as plt

    matplotlib.rcParams.update({
        "font.family": FONT, "font.size": 8, "axes.titlesize": 8.5, "axes.labelsize": 8, "legend.fontsize": 7.5,
        "xtick.labelsize": 7.5, "ytick.labelsize": 7.5, "svg.hashsalt": "nor-docs", "hatch.linewidth": 0.6,
        "axes.edgecolor": "#000000", "axes.linewidth": 0.6, "figure.dpi": DPI, "savefig.dpi": DPI,
        "path.simplify": False, "axes.unicode_minus": True,
    })  # fmt: skip
    return plt


def _save(plt, figure, data: dict) -> bytes:
    buffer = io.BytesIO()
    text = json.dumps(data, ensure_ascii=True, sort_keys=True, separators=(",", ":"))
    figure.savefig(buffer, format="png", dpi=DPI, metadata={"Software": None, DATA_KEY: text},
                   pil_kwargs={"compress_level": 6})
    plt.close(figure)
    return buffer.getvalue()


def _value(number: float) -> float | None:
    return None if number is None or math.isnan(number) else round(float(number), 1)


def _wrap(text: str, width: int) -> str:
    words, lines, current = text.split(), [], ""
    for word in words:
        if current and len(current) + 1 + len(word) > width:
            lines.append(current)
            current = word
        else:
            current = f"{current} {word}".strip()
    return "\n".join(lines + [current])


def shares_chart(names: list[str], years: list[int], shares: list[list[float | None]], threshold: float,
                 caption: str) -> Chart:  # fmt: skip
    """``shares[i][j]``: school ``names[i]``'s share of low results in ``years[j]`` (None: no data)."""
    plt = _pyplot()
    rows, per = len(names), len(years)
    height_mm = 26 + rows * (4.2 * per + 3)
    figure, axes = plt.subplots(figsize=(165 * MM, height_mm * MM))
    bar = 0.8 / per
    drawn = []
    for j, year in enumerate(years):
        positions = [i + (j - (per - 1) / 2) * bar for i in range(rows)]
        widths = [math.nan if shares[i][j] is None else shares[i][j] for i in range(rows)]
        container = axes.barh(positions, widths, height=bar * 0.92, color=GREYS[j % len(GREYS)], edgecolor="#000000",
                              linewidth=0.5, hatch=HATCHES[j % len(HATCHES)], label=str(year))  # fmt: skip
        drawn.append({"label": str(year), "values": [_value(p.get_width()) for p in container.patches]})
        for patch in container.patches:
            width = patch.get_width()
            middle = patch.get_y() + patch.get_height() / 2
            if math.isnan(width):
                axes.text(0.8, middle, f"{year}: нет данных", va="center", fontsize=6.5, color="#333333")
            else:
                axes.text(width + 0.8, middle, f"{width:.1f}".replace(".", ","), va="center", fontsize=6.5)
    axes.axvline(threshold, color="#000000", linestyle="--", linewidth=0.9, label=f"порог {threshold:g}%")
    axes.set_yticks(range(rows))
    axes.set_yticklabels([_wrap(name, 28) for name in names])
    axes.invert_yaxis()
    top = max([v for row in shares for v in row if v is not None] + [threshold])
    axes.set_xlim(0, min(100, top * 1.18 + 5))
    axes.set_ylim(rows - 0.5, -0.5 - (0.35 if rows < 4 else 0.1))
    axes.set_xlabel("Доля участников с низким результатом, %")
    axes.grid(axis="x", color="#bbbbbb", linewidth=0.4)
    axes.set_axisbelow(True)
    axes.legend(loc="lower right", bbox_to_anchor=(1.0, 1.0), ncol=per + 1, frameon=False, borderaxespad=0.2)
    # a fixed layout (the labels are wrapped to fit it): tight_layout would draw the figure twice
    figure.subplots_adjust(left=0.31, right=0.97, top=1 - 9 / height_mm, bottom=14 / height_mm)
    data = {"chart": "shares", "unit": "%", "threshold": threshold, "categories": names, "series": drawn}
    return Chart(_save(plt, figure, data), data, 165, height_mm, caption)


def dynamics_chart(panels: list[tuple[str, list[tuple[str, dict[int, float]]]]], years: list[int], threshold: float,
                   caption: str) -> Chart:  # fmt: skip
    """``panels``: (school name, [(procedure, {year: share})…]) — up to eight schools in one figure."""
    plt = _pyplot()
    count = len(panels)
    columns = 1 if count == 1 else 2
    rows = math.ceil(count / columns)
    panel_mm = 62 if rows <= 3 else 54  # four rows still fit a page with the caption
    height_mm = 12 + rows * panel_mm
    figure, grid = plt.subplots(rows, columns, figsize=(165 * MM, height_mm * MM), squeeze=False)
    drawn = []
    for index, (name, series) in enumerate(panels):
        axes = grid[index // columns][index % columns]
        panel_series: list[dict] = []
        panel = {"school": name, "series": panel_series}
        for k, (label, points) in enumerate(series):
            xs = [year for year in years if year in points]
            shift = (k - (len(series) - 1) / 2) * 0.06  # lines that meet stay apart enough to see both markers
            (line,) = axes.plot([x + shift for x in xs], [points[year] for year in xs], color="#000000", linewidth=1.1,
                                linestyle=STYLES[k % len(STYLES)], marker=MARKERS[k % len(MARKERS)], markersize=4.5,
                                markerfacecolor=("#ffffff" if k % 2 else "#000000"), label=label)  # fmt: skip
            panel_series.append({"label": label, "points": [[round(x), _value(y)] for x, y in zip(*line.get_data())]})
        axes.axhline(threshold, color="#000000", linestyle=(0, (2, 2)), linewidth=0.8, label=f"порог {threshold:g}%")
        axes.set_title(_wrap(name, 40 if columns == 2 else 90), fontsize=8)
        axes.set_xticks(years)
        axes.set_xticklabels([str(y) for y in years])
        axes.set_xlim(years[0] - 0.4, years[-1] + 0.4)
        axes.set_ylim(0, 100)
        axes.set_ylabel("% низких результатов")
        axes.grid(axis="y", color="#bbbbbb", linewidth=0.4)
        axes.legend(loc="upper left", fontsize=6.5, frameon=True, edgecolor="#000000")
        drawn.append(panel)
    for index in range(count, rows * columns):
        grid[index // columns][index % columns].set_visible(False)
    figure.subplots_adjust(left=0.08 if columns == 2 else 0.1, right=0.98, wspace=0.28, hspace=12 / panel_mm * 2.6,
                           top=1 - 10 / height_mm, bottom=8 / height_mm)  # fmt: skip
    data = {"chart": "dynamics", "unit": "%", "threshold": threshold, "years": years, "panels": drawn}
    return Chart(_save(plt, figure, data), data, 165, height_mm, caption)


@dataclass(frozen=True)
class ChartSpec:
    """What to draw: the function's name (``shares`` or ``dynamics``) and its arguments."""

    kind: str
    args: tuple


_DRAW = {"shares": lambda args: shares_chart(*args), "dynamics": lambda args: dynamics_chart(*args)}


def _draw(spec: ChartSpec) -> Chart:
    return _DRAW[spec.kind](spec.args)


def draw_all(specs: list[ChartSpec]) -> list[Chart]:
    """Every chart, in order; several are drawn in two processes (where the system can fork),
    which halves a region's report. The bytes do not depend on where a chart was drawn."""
    import multiprocessing
    import os

    if len(specs) < 4 or (os.cpu_count() or 1) < 2 or "fork" not in multiprocessing.get_all_start_methods():
        return [_draw(spec) for spec in specs]
    _pyplot()  # imported once here; the workers inherit it
    with multiprocessing.get_context("fork").Pool(2) as pool:
        return pool.map(_draw, specs, chunksize=1)


def chart_data(png: bytes) -> dict | None:
    """The data a chart PNG carries (``DATA_KEY``), or None."""
    position = 8
    while position < len(png):
        length = int.from_bytes(png[position : position + 4], "big")
        kind = png[position + 4 : position + 8]
        body = png[position + 8 : position + 8 + length]
        if kind == b"tEXt":
            key, _, value = body.partition(b"\0")
            if key.decode("latin-1") == DATA_KEY:
                return json.loads(value.decode("latin-1"))
        elif kind == b"iTXt":
            key, _, rest = body.partition(b"\0")
            if key.decode("latin-1") == DATA_KEY:
                compressed = rest[0]
                text = rest[2:].split(b"\0", 2)[2]
                return json.loads(zlib.decompress(text) if compressed else text)
        position += 12 + length
    return None
