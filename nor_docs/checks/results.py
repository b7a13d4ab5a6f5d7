"""Results of assessment a protocol states (NOR201): a percentage that does not match its counts."""

from __future__ import annotations

from .context import Context


def check(ctx: Context) -> None:
    for mid, m in ctx.r.meetings.items():
        for i, result in enumerate(m.results):
            if result.percent is not None:
                actual = result.low * 100 / result.participants
                if abs(actual - result.percent) >= 0.05 + 1e-9 and round(actual) != result.percent:
                    ctx.report(
                        mid, ("results", i, "percent"), "NOR201",
                        f"{_pct(result.percent)} не соответствует {result.low} из {result.participants} "
                        f"(это {_pct(round(actual, 1))}); проверьте числа",
                    )  # fmt: skip


def _pct(value: float) -> str:
    return f"{value:g}%".replace(".", ",")
