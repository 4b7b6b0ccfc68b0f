"""The map's first render on the server (query + figure build), at national scale: figures, not pass/fail.

For each scale's database (bench/data/national-<label>.duckdb, made with `python -m etl national` when missing, as
bench_pages.py makes them) a fresh process opens the database and builds the Overview's default map (khuyến công
money, 63 provinces as reported): the first render pays for opening the file, the first queries, reading the
boundaries and the figure. Then, in the same process, every measure and both unit modes are built again (warm:
boundaries read, queries not cached: the app's cache would make them free). Issue 15's target: a first map render
under 1 s server-side at 10.000.000 projects. Figures go to bench/results.json under "map" and to the map section of
bench/results.md.

    .venv/bin/python bench/bench_map.py --scales 10000,10000000 --data-dir bench/data
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.bench_pages import describe_database, ensure_database  # noqa: E402
from bench.pages_report import scale_label  # noqa: E402
from bench.results import machine, machine_sentence, write_results  # noqa: E402

TARGET_S = 1.0
WARM_REPEATS = 5
VIEWS = [("money", "reported"), ("money", "current"), ("projects", "reported"), ("projects", "current"),
         ("execution", "reported"), ("execution", "current")]


def child(db: str) -> None:
    """In a fresh process: the first map render, split into opening, values (queries) and figure; then warm runs."""
    started = time.perf_counter()
    from khuyencong.data.database import Database
    from khuyencong.data.filters import Filters
    from khuyencong.data.queries import database_query
    from khuyencong.figures.map import map_title, map_unit_label, map_view
    from khuyencong.render.maps import make_map_figure, shape_ids
    imported = time.perf_counter()

    def render(query, filters: Filters, measure: str) -> tuple[float, float, int]:
        from khuyencong.data.code_lists import load_code_lists

        t0 = time.perf_counter()
        view = map_view(query, filters, measure, shape_ids(filters.current_units))
        title = map_title(view, filters, load_code_lists(query), filters.lang)
        t1 = time.perf_counter()
        fig = make_map_figure(view, filters.lang, title, map_unit_label(measure, filters.lang))
        size = len(fig.to_json())  # what st.plotly_chart sends to the browser
        return t1 - t0, time.perf_counter() - t1, size

    t0 = time.perf_counter()
    query = database_query(Database(Path(db)))
    query("year_bounds")  # the connection is opened lazily: open it here, as the app's shell does first
    opened = time.perf_counter() - t0
    bounds = query("year_bounds").iloc[0]
    base = Filters(year_from=int(bounds["first_year"]), year_to=int(bounds["last_year"]))
    values_s, figure_s, size = render(query, base, "money")
    warm = {}
    for measure, mode in VIEWS:
        filters = Filters(year_from=base.year_from, year_to=base.year_to, unit_mode=mode)
        runs = [render(query, filters, measure) for _ in range(WARM_REPEATS)]
        warm[f"{measure}/{mode}"] = {"values_s": statistics.median(r[0] for r in runs),
                                     "figure_s": statistics.median(r[1] for r in runs),
                                     "total_s": statistics.median(r[0] + r[1] for r in runs)}
    print(json.dumps({"import_s": imported - started, "open_s": opened, "first_values_s": values_s,
                      "first_figure_s": figure_s, "first_total_s": opened + values_s + figure_s,
                      "figure_json_kb": round(size / 1024), "warm": warm}))


def run_scale(projects: int, data_dir: Path, rebuild: bool) -> dict:
    db, built_s = ensure_database(projects, data_dir, None, rebuild)
    out = subprocess.run([sys.executable, __file__, "--child", str(db)], cwd=ROOT, check=True,
                         capture_output=True, text=True).stdout
    figures = json.loads(out.strip().splitlines()[-1])
    return {"projects": projects, "database": describe_database(db), "built_s": built_s, **figures}


def ms(seconds: float) -> str:
    return f"{seconds * 1000:,.0f} ms".replace(",", ".")


def markdown(results: list[dict], measured: str, info: dict, load: float) -> list[str]:
    lines = ["## Map: first render on the server", "",
             f"Measured {measured} by `bench/bench_map.py`: a fresh process opens the database and builds the "
             "Overview's default map (money, 63 provinces as reported): opening the file, the values (queries: "
             "`map_funding`, `document_titles`, ...) and the figure (boundaries read once, 3 choropleth/scatter "
             "layers, Hoàng Sa and Trường Sa); Python's imports are not counted (`import_s` in results.json). "
             "Warm: the same process again, queries not cached, median of "
             f"{WARM_REPEATS}. Target (issue 15): first render under {ms(TARGET_S)} at 10.000.000 projects. "
             f"{machine_sentence(info)} Load average at the start: {load:.1f} (other work on the same cores shows in "
             "every figure).", "",
             "| projects | open | values | figure | first render | figure JSON | met |",
             "|---|---|---|---|---|---|---|"]
    for r in results:
        met = "met" if r["first_total_s"] < TARGET_S else "**not met**"
        lines.append(f"| {r['projects']:,} | {ms(r['open_s'])} | {ms(r['first_values_s'])} | "
                     f"{ms(r['first_figure_s'])} | {ms(r['first_total_s'])} | {r['figure_json_kb']} KB | "
                     f"{met if r['projects'] >= 10_000_000 else '—'} |".replace(",", "."))
    lines += ["", "Warm, per measure and unit mode (values + figure):", "",
              "| projects | " + " | ".join(k for k in results[0]["warm"]) + " |",
              "|---|" + "---|" * len(results[0]["warm"])]
    for r in results:
        lines.append(f"| {r['projects']:,} | ".replace(",", ".") +
                     " | ".join(ms(v["total_s"]) for v in r["warm"].values()) + " |")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scales", default="10000,10000000", help="projects per database, comma-separated")
    parser.add_argument("--data-dir", type=Path, default=ROOT / "bench" / "data")
    parser.add_argument("--rebuild", action="store_true")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child)
        return
    load = os.getloadavg()[0]
    results = [run_scale(int(s), args.data_dir, args.rebuild) for s in args.scales.split(",")]
    for r in results:
        print(f"{scale_label(r['projects'])}: first render {ms(r['first_total_s'])} "
              f"(open {ms(r['open_s'])}, values {ms(r['first_values_s'])}, figure {ms(r['first_figure_s'])})")
    measured = datetime.now().isoformat(timespec="seconds")
    info = machine("duckdb", "plotly", "shapely")
    write_results("map", {"measured": measured, "machine": info, "load_average": load, "target_s": TARGET_S,
                          "scales": results}, markdown(results, measured, info, load))


if __name__ == "__main__":
    main()
