"""In a real browser: seconds from navigation to the first chart drawn and to every chart drawn, per page, for one
session and for many sessions at once (Chromium driven by Playwright against `streamlit run`).

Phase 1, one session on a freshly started server: round 1 is the first visit (empty query caches), rounds 2.. are
repeat visits. Phase 2, --sessions sessions load the same page at the same moment, page after page, --rounds times
(each session first opens the app once, unmeasured, so its browser has the app's scripts). Pages without a chart
(data, sources) are timed to their main table drawn. Figures go to bench/results.json under "browser" and to the
browser section of bench/results.md.

    .venv/bin/python bench/bench_browser.py [--db bench/data/national-1m.duckdb] [--sessions 10] [--rounds 5]
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.browser_driver import (  # noqa: E402
    PAGES,
    Server,
    Visit,
    database_counts,
    display_path,
    fmt_s,
    ignored_counts,
    launch_browser,
    open_session,
    page_label,
    percentile,
    seconds,
    summarise,
    thousands,
    visit,
)
from bench.results import RESULTS_MD, machine, machine_sentence, write_results  # noqa: E402

DEFAULT_DB = ROOT / "bench" / "data" / "national-1m.duckdb"
TARGET_RATIO = 3.0  # p95 to every chart drawn with many sessions, at most this many times one session's


async def single_session(browser, base: str, pages: list[str], query: str, rounds: int, timeout_s: float
                         ) -> list[list[Visit]]:
    """visits[round][page] of one session, page after page."""
    session = await open_session(browser)
    try:
        runs = []
        for number in range(1, rounds + 1):
            runs.append([await visit(session, base, path, query, timeout_s) for path in pages])
            report_progress(f"1 session, round {number}", runs[-1])
        return runs
    finally:
        await session.close()


async def many_sessions(browser, base: str, pages: list[str], query: str, rounds: int, sessions: int,
                        timeout_s: float) -> list[list[list[Visit]]]:
    """visits[round][page][session]: every session loads the same page at once; the next page when all are done."""
    opened = await asyncio.gather(*(open_session(browser) for _ in range(sessions)))
    try:
        # Unmeasured first visit: each browser context fetches the app's scripts once, as a returning viewer has.
        await asyncio.gather(*(visit(s, base, pages[0], query, timeout_s) for s in opened))
        runs = []
        for number in range(1, rounds + 1):
            run = []
            for path in pages:
                run.append(list(await asyncio.gather(*(visit(s, base, path, query, timeout_s) for s in opened))))
            runs.append(run)
            report_progress(f"{sessions} sessions at once, round {number}", [v for per_page in run for v in per_page])
        return runs
    finally:
        await asyncio.gather(*(s.close() for s in opened))


def report_progress(label: str, visits: list[Visit]) -> None:
    slowest = max((v.all_ms or 0 for v in visits), default=0) / 1000
    errors = sum(bool(v.errors) for v in visits)
    print(f"{label}: {len(visits)} pages, slowest {slowest:.2f} s, {errors} with errors", flush=True)
    for v in visits:
        for error in v.errors[:3]:
            print(f"  {page_label(v.path)}: {error}", flush=True)


def page_figures(single: list[list[Visit]], many: list[list[list[Visit]]], pages: list[str]) -> list[dict]:
    rows = []
    for index, path in enumerate(pages):
        repeat = [run[index] for run in single[1:]] or [single[0][index]]
        crowd = [v for run in many for v in run[index]]
        first = single[0][index]
        row = {"page": page_label(path), "target": first.target, "charts": first.charts,
               "first_visit": {"first_s": seconds(first.first_ms), "all_s": seconds(first.all_ms)},
               "one_session": {"first": summarise([v.first_ms for v in repeat]),
                               "all": summarise([v.all_ms for v in repeat])},
               "many_sessions": {"first": summarise([v.first_ms for v in crowd]),
                                 "all": summarise([v.all_ms for v in crowd])},
               "errors": sorted({e for v in [*[r[index] for r in single], *crowd] for e in v.errors})[:10]}
        row["p95_ratio"] = ratio(row["many_sessions"]["all"]["p95_s"], row["one_session"]["all"]["p95_s"])
        rows.append(row)
    return rows


def ratio(many: float | None, one: float | None) -> float | None:
    return round(many / one, 2) if many is not None and one else None


def overall(single: list[list[Visit]], many: list[list[list[Visit]]]) -> dict:
    """Every page together: p95 to every chart drawn, one session (repeat visits) against many at once."""
    one = [v.all_ms for run in (single[1:] or single) for v in run]
    crowd = [v.all_ms for run in many for per_page in run for v in per_page]
    one_p95, many_p95 = seconds(percentile(one, 95)), seconds(percentile(crowd, 95))
    errors = sum(bool(v.errors) for run in single for v in run)
    errors += sum(bool(v.errors) for run in many for per_page in run for v in per_page)
    measured = ratio(many_p95, one_p95)
    return {"one_session_all_p95_s": one_p95, "many_sessions_all_p95_s": many_p95, "p95_ratio": measured,
            "target_ratio": TARGET_RATIO, "target_met": None if measured is None else measured < TARGET_RATIO,
            "visits_with_errors": errors}


def markdown(figures: dict) -> list[str]:
    s = figures["sessions"]
    total = figures["overall"]
    verdict = {True: "met", False: "**not met**", None: "not measured"}[total["target_met"]]
    counts = figures["database"]
    lines = [
        "## Browser: time to charts drawn (Chromium + Playwright against `streamlit run`)", "",
        f"Measured {figures['measured_at']} by `bench/bench_browser.py`; database `{figures['db']}` "
        f"({thousands(counts['project'])} projects, {thousands(counts['outcome'])} outcomes, "
        f"{thousands(counts['allocation'])} allocations); query `{figures['query'] or '(none: the default view)'}`; "
        f"{figures['rounds']} rounds.", "",
        "Seconds from navigation start to the first chart drawn and to every chart drawn (a chart is drawn when its "
        "SVG has a trace; on *data* and *sources*, which have no chart, both are the main table drawn). "
        "*First visit*: one session on a fresh server, empty query caches (the first page also fetches the app's "
        "scripts). *1 session*: repeat visits, median / p95. "
        f"*{s} sessions*: {s} sessions load the same page at the same moment (caches warm), median / p95. "
        "The browsers run on the same machine as the server and share its cores.", "",
        f"| page | charts | first visit: first / all | 1 session: first | 1 session: all | {s} sessions: first "
        f"| {s} sessions: all | p95 all, {s} ÷ 1 |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for row in figures["pages"]:
        one, many, first = row["one_session"], row["many_sessions"], row["first_visit"]
        charts = "table" if row["target"] == "table" else str(row["charts"])
        lines.append(
            f"| {row['page']} | {charts} | {fmt_s(first['first_s'])} / {fmt_s(first['all_s'])} | "
            f"{fmt_s(one['first']['median_s'])} / {fmt_s(one['first']['p95_s'])} | "
            f"{fmt_s(one['all']['median_s'])} / {fmt_s(one['all']['p95_s'])} | "
            f"{fmt_s(many['first']['median_s'])} / {fmt_s(many['first']['p95_s'])} | "
            f"{fmt_s(many['all']['median_s'])} / {fmt_s(many['all']['p95_s'])} | "
            f"{'–' if row['p95_ratio'] is None else row['p95_ratio']} |")
    lines += [
        "",
        f"All pages together, p95 to every chart drawn: 1 session {fmt_s(total['one_session_all_p95_s'])} s, "
        f"{s} sessions {fmt_s(total['many_sessions_all_p95_s'])} s, ratio {total['p95_ratio'] or '–'} "
        f"(target under {TARGET_RATIO:g}×: {verdict}). Visits with errors (exception box, console error, failed "
        f"navigation, not drawn within {figures['timeout_s']:g} s): {total['visits_with_errors']}; "
        f"Python tracebacks in the server log: {figures['server_tracebacks']}" + "".join(
            f"; `{line[:200]}`" for line in figures["server_traceback_samples"]) + ".", "",
        machine_sentence(figures["machine"]),
    ]
    if figures["ignored_console_errors"]:
        lines[-1:-1] = ["Not counted as errors: " + "; ".join(
            f"{reason} ×{count}" for reason, count in figures["ignored_console_errors"].items()) + ".", ""]
    return lines


async def measure(args: argparse.Namespace) -> dict:
    from playwright.async_api import async_playwright

    figures = {"measured_at": datetime.now().isoformat(timespec="seconds"), "db": display_path(args.db),
               "database": database_counts(args.db), "query": args.query, "rounds": args.rounds,
               "sessions": args.sessions, "timeout_s": args.timeout}
    with tempfile.TemporaryDirectory(prefix="bench-browser-") as folder, \
            Server(args.db, Path(folder) / "streamlit.log") as server:
        async with async_playwright() as playwright:
            browser = await launch_browser(playwright)
            try:
                single = await single_session(browser, server.base, args.pages, args.query, args.rounds, args.timeout)
                many = await many_sessions(browser, server.base, args.pages, args.query, args.rounds, args.sessions,
                                           args.timeout)
                chromium = browser.version
            finally:
                await browser.close()
        tracebacks = server.tracebacks()
    figures["server_tracebacks"] = len(tracebacks)
    figures["server_traceback_samples"] = sorted(set(tracebacks))[:5]
    figures["pages"] = page_figures(single, many, args.pages)
    figures["overall"] = overall(single, many)
    figures["ignored_console_errors"] = ignored_counts(
        [v for run in single for v in run] + [v for run in many for per_page in run for v in per_page])
    figures["machine"] = {**machine("streamlit", "plotly", "duckdb", "pandas", "playwright"), "Chromium": chromium}
    return figures


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=DEFAULT_DB, help="database to serve (default: %(default)s)")
    parser.add_argument("--sessions", type=int, default=10, help="sessions at once in phase 2 (default: 10)")
    parser.add_argument("--rounds", type=int, default=5, help="visits of every page per session (default: 5)")
    parser.add_argument("--query", default="", help="query string of every page, e.g. 'area=nghe-an&lang=vi'")
    parser.add_argument("--pages", nargs="+", default=PAGES, metavar="PATH",
                        help="url paths ('' is the overview; default: every page but import)")
    parser.add_argument("--timeout", type=float, default=120, help="seconds before a page counts as not drawn")
    parser.add_argument("--results", type=Path, default=RESULTS_MD,
                        help="Markdown results file; the JSON goes beside it (default: bench/results.md)")
    args = parser.parse_args(argv)
    if not args.db.is_file():
        parser.error(f"no database at {args.db}: build one with `python -m etl national --projects 1000000 --db "
                     f"{args.db}` (or `python -m etl build --db ...` for the demo data)")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    figures = asyncio.run(measure(args))
    write_results("browser", figures, markdown(figures), md_path=args.results,
                  json_path=args.results.with_suffix(".json"))
    print("\n".join(markdown(figures)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
