"""Benchmark of chart exports (figures, not pass/fail): seconds for the first (cold: starts Chromium) and second
(warm: the kept-alive renderer) PNG export of a typical trend chart, an SVG export and a deck of 8 charts.

Run it in a fresh process (`make bench`): the first export is only cold once per process. Results are merged into
bench/results.json under "exports" and into bench/results.md between the exports markers.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.results import machine as machine_info  # noqa: E402
from bench.results import write_results  # noqa: E402
from khuyencong.data.code_lists import SOURCES, CodeLists  # noqa: E402
from khuyencong.i18n.formatting import format_money, format_percent  # noqa: E402
from khuyencong.i18n.labels import t  # noqa: E402
from khuyencong.render.browser import ChromiumMissing, require_chromium  # noqa: E402
from khuyencong.render.charts import (  # noqa: E402
    make_change_chart,
    make_cumulative_chart,
    make_funding_trend_chart,
    make_ranking_chart,
)
from khuyencong.render.deck import Kpi, SlideChart, build_deck  # noqa: E402
from khuyencong.render.images import EXPORT_HEIGHT, EXPORT_WIDTH, figure_for_export, render_image  # noqa: E402

FOOTNOTE = ("Nguồn: Quyết định 1288/QĐ-BCT; báo cáo tổng kết khuyến công 2014–2024 của các Sở Công Thương. "
            "Bộ lọc: 12 tỉnh/thành phố; 2014–2024; nguồn địa phương và trung ương.")
WARM_REPEATS = 5


def annual_frame() -> pd.DataFrame:
    rows = [(year, "local", 8000 + 450 * (year - 2014)) for year in range(2014, 2025)]
    rows += [(year, "central", 3000 + 200 * (year * 7 % 5)) for year in range(2014, 2025)]
    return pd.DataFrame(rows, columns=["year", "funding_source", "amount_mvnd"])


def source_codes() -> CodeLists:
    """The funding-source code list from its reference CSV (no database here)."""
    frame = pd.read_csv(ROOT / "data" / "reference" / "funding_source.csv")
    return CodeLists.from_frame(frame.rename(columns={"funding_source_id": "code"}).assign(list=SOURCES))


def trend_figure(title: str = "Kinh phí khuyến công theo năm"):
    periods = pd.DataFrame({"funding_source": ["central"], "year_from": [2016], "year_to": [2020],
                            "amount_mvnd": [21000.0], "years_reported": [5], "annual_sum_mvnd": [17500.0],
                            "unit_id": ["x"]})
    return make_funding_trend_chart(annual_frame(), periods, "vi", title, t("axis_money_bn", "vi"),
                                    format_money=format_money, codes=source_codes())


def eight_charts() -> list[SlideChart]:
    totals = annual_frame().groupby("year", as_index=False)["amount_mvnd"].sum()
    changes = totals.assign(change_pct=totals["amount_mvnd"].pct_change() * 100).dropna()
    names = [f"Tỉnh {n}" for n in range(1, 16)]
    values = [40000 - 2100 * n for n in range(15)]
    rank = pd.DataFrame({"label": names, "value": values, "text": [format_money(v) for v in values],
                         "highlighted": [n == 3 for n in range(15)]})
    figures = [
        trend_figure(),
        make_cumulative_chart(totals, "vi", "Lũy kế kinh phí", t("axis_money_bn", "vi"), format_money),
        make_change_chart(changes, "vi", "Thay đổi so với năm trước", format_percent),
        make_ranking_chart(rank, "vi", "Xếp hạng tỉnh theo kinh phí", t("axis_money_bn", "vi"), "Đã chọn", "Khác",
                           value_scale=1 / 1000),
    ]
    figures += [trend_figure(f"Kinh phí khuyến công theo năm ({n})") for n in (2, 3)] + figures[1:3]
    return [SlideChart(fig.layout.title.text, fig, FOOTNOTE) for fig in figures]


def timed(function) -> tuple[float, object]:
    start = time.perf_counter()
    result = function()
    return time.perf_counter() - start, result


def machine() -> dict:
    try:
        chromium = subprocess.run([require_chromium(), "--version"],
                                  capture_output=True, text=True, timeout=30).stdout.strip()
    except (OSError, subprocess.TimeoutExpired, ChromiumMissing) as error:
        chromium = f"unavailable ({error})"
    return {**machine_info("plotly", "kaleido", "python-pptx"), "chromium": chromium}


def run() -> dict:
    figure = figure_for_export(trend_figure(), FOOTNOTE)
    first, png = timed(lambda: render_image(figure, "png"))
    second, _ = timed(lambda: render_image(figure, "png"))
    warm = [timed(lambda: render_image(figure, "png"))[0] for _ in range(WARM_REPEATS)]
    svg_seconds, svg = timed(lambda: render_image(figure, "svg"))
    charts = eight_charts()
    kpis = [Kpi("Tổng kinh phí", "152,4 tỷ đồng"), Kpi("Số đề án", "1.234"), Kpi("Tỷ lệ thực hiện", "91,3%")]
    deck_seconds, deck = timed(lambda: build_deck("Kinh phí khuyến công", "12 tỉnh/thành phố · 2014–2024", kpis,
                                                  charts, ["Có dữ liệu minh họa."], "vi"))
    return {
        "measured_at": datetime.now().isoformat(timespec="seconds"),
        "figure": f"funding trend, 11 years × 2 sources + total + a period annotation, {EXPORT_WIDTH}×{EXPORT_HEIGHT}",
        "seconds": {
            "png_first_cold": round(first, 3), "png_second_warm": round(second, 3),
            f"png_warm_median_of_{WARM_REPEATS}": round(statistics.median(warm), 3),
            "svg_warm": round(svg_seconds, 3), "deck_8_charts": round(deck_seconds, 3),
        },
        "bytes": {"png": len(png), "svg": len(svg), "deck_8_charts": len(deck)},
        "machine": machine(),
    }


def markdown(results: dict) -> str:
    s, m = results["seconds"], results["machine"]
    lines = [
        "## Chart exports (PNG, SVG, PowerPoint)",
        "",
        f"Measured {results['measured_at']} by `bench/bench_exports.py` (`make bench`), one fresh process; "
        f"{results['figure']}.",
        "",
        "| Export | Seconds |",
        "|---|---:|",
        f"| PNG, first in the process (cold: starts Chromium) | {s['png_first_cold']:.2f} |",
        f"| PNG, second (warm: kept-alive renderer) | {s['png_second_warm']:.2f} |",
        f"| PNG, warm, median of {WARM_REPEATS} | {s[f'png_warm_median_of_{WARM_REPEATS}']:.2f} |",
        f"| SVG (warm) | {s['svg_warm']:.2f} |",
        f"| Deck of 8 charts (.pptx, warm) | {s['deck_8_charts']:.2f} |",
        "",
        f"Machine: {m['cpu_cores']} cores, {m['memory']} memory, {m['platform']}. Versions: Python {m['python']}, "
        f"plotly {m['plotly']}, kaleido {m['kaleido']}, python-pptx {m['python-pptx']}, {m['chromium']}.",
    ]
    return "\n".join(lines)


def main() -> None:
    results = run()
    write_results("exports", results, markdown(results))
    print(json.dumps(results["seconds"], indent=2))


if __name__ == "__main__":
    main()
