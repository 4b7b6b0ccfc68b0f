"""Figures and the Markdown section of bench_pages.py: per-scale summaries, ratios to the floor and the pandas peer,
the queries that take the time, and the targets of issue 7 (measured, met or not met)."""

from __future__ import annotations

import statistics
from collections import defaultdict

FULL_SCALE = 10_000_000
GIB_MB = 1024  # "under 1 GB" read as 1 GiB of resident memory (ru_maxrss, MiB)
TIMES = ("cold", "change_median", "change_worst", "warm")


def scale_label(projects: int) -> str:
    """10000 -> '10k', 1000000 -> '1m' (the database file names)."""
    for size, suffix in ((10**6, "m"), (10**3, "k")):
        if projects >= size and projects % size == 0:
            return f"{projects // size}{suffix}"
    return str(projects)


def thousands(number: int) -> str:
    return f"{number:,}".replace(",", ".")


def median(values) -> float | None:
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None


def ratio(a, b) -> float | None:
    return a / b if a is not None and b else None


def _same(a, b) -> bool:
    if a is None or b is None:
        return a is b
    return abs(a - b) <= max(1e-6, 1e-9 * max(abs(a), abs(b)))


def _query_times(changes: list[dict]) -> dict[str, float]:
    """In-app seconds per query name, averaged over the change runs."""
    totals: dict[str, float] = defaultdict(float)
    for change in changes:
        for call in change["queries"]:
            totals[call["name"]] += call["seconds"] / len(changes)
    return dict(sorted(totals.items(), key=lambda item: -item[1]))


def summarise_page(page: str, raw: dict) -> dict:
    measured = raw["dashboard"]["pages"][page]
    changes = measured["changes"]
    seconds = [c["seconds"] for c in changes]
    figures = {
        "cold_s": measured["cold_s"], "change_s": seconds, "change_median_s": median(seconds),
        "change_worst_s": max(seconds) if seconds else None, "warm_s": median(measured["warm_s"]),
        "floor_s": median(raw["floor"][page]["changes_s"]),
        "pandas_s": median(raw["pandas"]["pages"][page]["changes_s"]),
        "sqlite_s": median(raw["sqlite"]["pages"][page]["changes_s"]),
        "queries_in_app_s": median([sum(q["seconds"] for q in c["queries"]) for c in changes]),
        "queries_per_change": median([len(c["queries"]) for c in changes]),
        "top_queries": {name: round(s, 4) for name, s in list(_query_times(changes).items())[:4]},
        "errors": measured["errors"] + [f"floor replay: {e}" for e in raw["floor"][page].get("errors", [])],
    }
    figures["ratios"] = {name: {"to_floor": ratio(figures[f"{name}_s"], figures["floor_s"]),
                                "to_pandas": ratio(figures[f"{name}_s"], figures["pandas_s"])} for name in TIMES}
    pandas_totals, app_totals = raw["pandas"]["pages"][page]["totals"], raw["app_totals"][page]
    figures["totals"] = {"pandas": pandas_totals, "dashboard": app_totals,
                         "equal": all(_same(pandas_totals.get(k), v) for k, v in app_totals.items())
                         and pandas_totals.keys() == app_totals.keys()}
    return figures


def slowest_queries(raw: dict, limit: int = 8) -> list[dict]:
    """The queries that take the most of the change runs' time, over all pages, with their floor."""
    in_app: dict[str, list[float]] = defaultdict(list)
    floor: dict[str, list[float]] = defaultdict(list)
    pages: dict[str, set[str]] = defaultdict(set)
    for page, measured in raw["dashboard"]["pages"].items():
        for change in measured["changes"]:
            for call in change["queries"]:
                in_app[call["name"]].append(call["seconds"])
                pages[call["name"]].add(page)
        for call in raw["floor"][page]["queries"]:
            floor[call["name"]].append(call["seconds"])
    rows = [{"query": name, "pages": sorted(pages[name]), "calls": len(times), "in_app_total_s": sum(times),
             "in_app_median_s": median(times), "floor_median_s": median(floor[name])} for name, times in in_app.items()]
    return sorted(rows, key=lambda row: -row["in_app_total_s"])[:limit]


def summarise_scale(projects: int, database: dict, plan: dict, raw: dict, measured_at: str,
                    build_s: float | None) -> dict:
    dashboard = raw["dashboard"]
    return {
        "projects": projects, "measured_at": measured_at, "database": database, "database_build_s": build_s,
        "filter_changes": plan["changes"], "warm_runs": plan["warm_runs"],
        "dashboard": {key: dashboard[key] for key in ("peak_rss_mb", "rss_after_warm_up_mb", "warm_up_s")},
        "pandas": {key: raw["pandas"].get(key) for key in ("load_s", "held_mb", "peak_rss_mb")},
        "sqlite": {"copy_s": raw["sqlite"]["copy_s"],
                   "queries": {page: r["queries"] for page, r in raw["sqlite"]["pages"].items()}},
        "pages": {page: summarise_page(page, raw) for page in plan["pages"]},
        "slowest_queries": slowest_queries(raw),
    }


# Targets --------------------------------------------------------------------------------------------------------

def _target(name: str, scale: str, page: str | None, figure, limit: str, met: bool | None) -> dict:
    return {"target": name, "scale": scale, "page": page, "figure": figure, "limit": limit, "met": met}


def targets(scales: dict) -> list[dict]:
    """Issue 7's targets at 10.000.000 projects (or at the largest scale measured, which the rows name)."""
    if not scales:
        return []
    sizes = sorted(int(s) for s in scales)
    big, small = str(FULL_SCALE if FULL_SCALE in sizes else sizes[-1]), str(sizes[0])
    rows = []
    for page, at_big in scales[big]["pages"].items():
        ok = not at_big["errors"]
        at_small = scales[small]["pages"].get(page)
        growth = ratio(at_big["change_median_s"], at_small["change_median_s"]) if at_small and big != small else None
        rows.append(_target("change rerun at most 3× the one at the smallest scale", big, page, growth, "≤ 3",
                            None if growth is None else ok and growth <= 3))
        speed = ratio(at_big["pandas_s"], at_big["change_median_s"])
        rows.append(_target("at least 5× faster than the pandas peer", big, page, speed, "≥ 5",
                            None if speed is None else ok and speed >= 5))
        over = at_big["ratios"]["change_median"]["to_floor"]
        rows.append(_target("within 2,5× of the floor", big, page, over, "≤ 2.5",
                            None if over is None else ok and over <= 2.5))
    peak = scales[big]["dashboard"]["peak_rss_mb"]
    rows.append(_target("peak memory of the dashboard under 1 GB", big, None, peak, f"< {GIB_MB} MiB",
                        peak < GIB_MB))
    return rows


# Markdown -------------------------------------------------------------------------------------------------------

def s(value) -> str:
    return "—" if value is None else f"{value:.3f}"


def x(value) -> str:
    return "—" if value is None else f"{value:.2f}×" if value < 10 else f"{value:.0f}×"


def verdict(met) -> str:
    return "n/a" if met is None else "met" if met else "**not met**"


def busy(f: dict) -> bool:
    """Was other work competing for the cores while this scale was measured?"""
    cores = f.get("cpu_cores") or 2
    return any(value > cores for value in f.get("load_average", []))


def scale_section(projects: str, f: dict) -> list[str]:
    db, dash, peer = f["database"], f["dashboard"], f["pandas"]
    rows = db["rows"]
    changes = "; ".join(f"{', '.join(c['areas']) or 'all areas'} {c['years'][0]}–{c['years'][1]}"
                        for c in f["filter_changes"])
    copy = f"{f['sqlite']['copy_s']:.1f} s" if f["sqlite"]["copy_s"] is not None else "reused"
    lines = [
        f"### {thousands(int(projects))} projects",
        "",
        f"Measured {f['measured_at']}. Database {db['size_mb']} MB: {thousands(rows['project'])} projects, "
        f"{thousands(rows['outcome'])} outcomes, {thousands(rows['allocation'])} allocations. Filter changes: "
        f"{changes}. Dashboard process: **peak {dash['peak_rss_mb']:.0f} MiB** (after the warm-up run "
        f"{dash['rss_after_warm_up_mb']:.0f} MiB). pandas peer: tables loaded in {peer['load_s']:.2f} s"
        + (f" ({peer['held_mb']:.0f} MiB of DataFrames)" if peer.get("held_mb") else "")
        + f", peak {peer['peak_rss_mb']:.0f} MiB. SQLite copy: {copy}. Load average (1 min) before and after each "
        f"step: {', '.join(str(v) for v in f.get('load_average', []))}"
        + (" — **the machine was busy: figures are slower than on a quiet machine**" if busy(f) else "") + ".",
        "",
        "| page | cold (s) | change median (s) | change worst (s) | warm (s) | floor (s) | pandas (s) | sqlite (s) "
        "| change ÷ floor | pandas ÷ change |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for page, p in f["pages"].items():
        note = " ⚠" if p["errors"] else ""
        lines.append(f"| {page}{note} | {s(p['cold_s'])} | {s(p['change_median_s'])} | {s(p['change_worst_s'])} | "
                     f"{s(p['warm_s'])} | {s(p['floor_s'])} | {s(p['pandas_s'])} | {s(p['sqlite_s'])} | "
                     f"{x(p['ratios']['change_median']['to_floor'])} | "
                     f"{x(ratio(p['pandas_s'], p['change_median_s']))} |")
    lines += ["", "Every figure as a ratio to the floor / to the pandas peer (same run):", "",
              "| page | cold | change median | change worst | warm |", "|---|---:|---:|---:|---:|"]
    for page, p in f["pages"].items():
        cells = [f"{x(p['ratios'][t]['to_floor'])} / {x(p['ratios'][t]['to_pandas'])}" for t in TIMES]
        lines.append(f"| {page} | " + " | ".join(cells) + " |")
    lines += ["", "Where a change run's time goes (median per change run; in-app query time as the app's own "
              "Database.query measured it):", "",
              "| page | queries per change | in queries (s) | rest of the run (s) | main queries (s per change run) |",
              "|---|---:|---:|---:|---|"]
    for page, p in f["pages"].items():
        rest = None if p["change_median_s"] is None or p["queries_in_app_s"] is None else \
            p["change_median_s"] - p["queries_in_app_s"]
        top = ", ".join(f"{name} {t:.3f}" for name, t in p["top_queries"].items())
        lines.append(f"| {page} | {p['queries_per_change'] or 0:.0f} | {s(p['queries_in_app_s'])} | {s(rest)} | "
                     f"{top} |")
    lines += ["", "Slowest queries over all pages' change runs:", "",
              "| query | pages | calls | in app, total (s) | in app, median (s) | floor, median (s) |",
              "|---|---|---:|---:|---:|---:|"]
    for q in f["slowest_queries"]:
        lines.append(f"| {q['query']} | {', '.join(q['pages'])} | {q['calls']} | {s(q['in_app_total_s'])} | "
                     f"{s(q['in_app_median_s'])} | {s(q['floor_median_s'])} |")
    unequal = [page for page, p in f["pages"].items() if not p["totals"]["equal"]]
    lines += ["", ("Totals check: the pandas peer's main totals equal the dashboard's on every page (first filter "
                   "change)." if not unequal else f"Totals check: **pandas and dashboard differ on "
                   f"{', '.join(unequal)}** (see results.json).")]
    errors = [f"{page}: {'; '.join(p['errors'])}" for page, p in f["pages"].items() if p["errors"]]
    if errors:
        lines += ["", "⚠ Page runs that failed (their figures are partial): " + " · ".join(errors)]
    return lines + [""]


def targets_section(figures: dict) -> list[str]:
    """One row per page with its three targets, then the memory target."""
    rows = figures["targets"]
    if not rows:
        return []
    scale = int(rows[0]["scale"])
    smallest = int(next(iter(figures["scales"])))
    where = "" if scale == FULL_SCALE else f" (10.000.000 not measured: evaluated at {thousands(scale)})"
    lines = [f"### Targets at {thousands(scale)} projects{where}", "",
             f"Measured, not asserted. Change reruns are medians; the growth is set against {thousands(smallest)} "
             "projects.", "",
             f"| page | change rerun ÷ at {thousands(smallest)} (≤ 3) | pandas ÷ dashboard (≥ 5) "
             "| dashboard ÷ floor (≤ 2,5) |", "|---|---|---|---|"]
    by_page: dict[str, list[dict]] = defaultdict(list)
    for row in rows:
        if row["page"]:
            by_page[row["page"]].append(row)
    for page, checks in by_page.items():
        lines.append(f"| {page} | " + " | ".join(f"{x(c['figure'])} {verdict(c['met'])}" for c in checks) + " |")
    memory = next(row for row in rows if row["page"] is None)
    lines += ["", f"Peak memory of the dashboard process: {memory['figure']:.0f} MiB, limit {memory['limit']}: "
              f"{verdict(memory['met'])}."]
    return lines


def markdown(figures: dict) -> list[str]:
    from bench.results import machine_sentence

    lines = [
        "## Pages at national scale (bench/bench_pages.py)",
        "",
        f"`{figures['command']}`. {machine_sentence(figures['machine'])}",
        "",
        "Each page runs through dashboard.py with Streamlit's AppTest in one dashboard process per scale, after one "
        "untimed warm-up run (imports, opening the database): **cold** = first run of the page with the query cache "
        "cleared, default view (all areas, all years); **change** = rerun after setting the sidebar's areas and "
        "years to values not seen before (median and worst of the changes listed); **warm** = rerun with unchanged "
        "filters (median). Times are server-side script runs (what the viewer waits for before the browser draws), "
        "and include the overview figures every page computes for the sidebar's slide deck. **floor** = the exact "
        "queries (SQL and parameters) a change run sent to DuckDB, replayed on a read-only connection with the "
        "app's 512 MB memory limit, fetched into DataFrames, in a separate process (median over changes). **pandas** "
        "= the same aggregates, rules and filters with boolean masks and groupby on DataFrames held in memory, "
        "without drawing anything (bench/pandas_peer.py; its load time is reported apart). **sqlite** = reference: "
        "the main aggregates of each page only (bench/sqlite/*.sql: the app's SQL with `list_contains` as "
        "`IN (SELECT value FROM json_each(...))`, FILTER as CASE, GROUPING SETS as UNION ALL, lists as "
        "group_concat), on a copy with indexes on area and year. Peak memory is the dashboard process's ru_maxrss.",
        "",
    ]
    for projects, f in figures["scales"].items():
        lines += scale_section(projects, f)
    lines += targets_section(figures)
    return lines
