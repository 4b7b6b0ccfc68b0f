"""Soak run: many browser sessions reload the dashboard's pages for minutes while `python -m etl load` swaps in a
changed database every minute. Errors (target 0), p95 page time over the run, server memory at start and end (target:
no growth beyond 20 %).

The served database is a copy of --db in a temporary folder under bench/data/ (the load keeps its workbook in an
imports/ folder beside the database); each load replaces the rows of one workbook with different amounts, so every
load really changes the file. Errors are exception boxes, console errors and page errors, failed navigations and
pages not drawn within --timeout. Figures go to bench/results.json under "soak" and to the soak section of
bench/results.md.

    .venv/bin/python bench/bench_soak.py [--db bench/data/national-1m.duckdb] [--sessions 10] [--minutes 10]
        [--probe-every 30] [--env MALLOC_ARENA_MAX=2]

--probe-every S turns on the server's memory probe (khuyencong/ui/memory_probe.py: tracemalloc, glibc arenas, cache
sizes, DuckDB memory every S seconds) into bench/data/soak-probe-<time>.jsonl, with the tracemalloc difference from the
end of the warm-up to the end of the run beside it (.diff.txt); the probe costs memory and time of its own.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import shutil
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

import import_corpus as corpus  # noqa: E402

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
    summarise,
    thousands,
    visit,
)
from bench.results import RESULTS_MD, machine, machine_sentence, write_results  # noqa: E402

DEFAULT_DB = ROOT / "bench" / "data" / "national-1m.duckdb"
WORK_DIR = ROOT / "bench" / "data"
WORKBOOK = "soak-phan-bo.xlsx"   # one file name: each load replaces what the previous one loaded
MAX_GROWTH = 0.20
SAMPLE_EVERY_S = 5


def workbook_bytes(number: int) -> bytes:
    """A valid allocation workbook whose amounts differ with every load `number` (so no load is 'already loaded')."""
    return corpus.workbook(corpus.alloc(
        [1, "Hải Dương", 2020, "Địa phương", "Dự toán", 1000 + number, "soak run", None],
        [2, "Hải Dương", 2020, "Trung ương", "Dự toán", 2000 + 2 * number, "soak run", None]))


async def run_load(db: Path, folder: Path, number: int) -> dict:
    """`python -m etl load` of the next workbook into the served database, as an administrator would run it."""
    path = folder / WORKBOOK
    path.write_bytes(workbook_bytes(number))
    started = time.monotonic()
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "etl", "load", str(path), "--db", str(db), cwd=ROOT,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.STDOUT)
    output, _ = await process.communicate()
    lines = output.decode("utf-8", "replace").strip().splitlines()
    return {"number": number, "at": datetime.now().isoformat(timespec="seconds"), "returncode": process.returncode,
            "seconds": round(time.monotonic() - started, 2), "last_line": lines[-1] if lines else ""}


async def load_every(db: Path, folder: Path, every_s: float, start: float, deadline: float, loads: list[dict]) -> None:
    """A load every `every_s` seconds, the first half an interval in, none starting after the deadline."""
    at = start + every_s / 2
    number = 0
    while at < deadline:
        await asyncio.sleep(max(0.0, at - time.monotonic()))
        number += 1
        loads.append(await run_load(db, folder, number))
        print(f"load {number}: exit {loads[-1]['returncode']} in {loads[-1]['seconds']} s", flush=True)
        at += every_s


async def sample_memory(server: Server, start: float, deadline: float, samples: list[tuple[float, float]]) -> None:
    while time.monotonic() < deadline:
        rss = server.rss_mib()
        if rss is not None:
            samples.append((round(time.monotonic() - start, 1), rss))
        await asyncio.sleep(SAMPLE_EVERY_S)


async def reload_pages(session, base: str, pages: list[str], offset: int, query: str, deadline: float,
                       timeout_s: float, visits: list[Visit]) -> None:
    """One viewer: the next page, again and again, until the deadline (each navigation a full page load)."""
    index = offset
    while time.monotonic() < deadline:
        result = await visit(session, base, pages[index % len(pages)], query, timeout_s)
        visits.append(result)
        for error in result.errors[:3]:
            print(f"  {page_label(result.path)}: {error}", flush=True)
        index += 1


async def soak(args: argparse.Namespace, db: Path, folder: Path) -> dict:
    from playwright.async_api import async_playwright

    visits: list[Visit] = []
    loads: list[dict] = []
    samples: list[tuple[float, float]] = []
    env = dict(args.env)
    if args.probe_every:
        env |= {"KC_MEMORY_PROBE": str(args.probe_path), "KC_MEMORY_PROBE_EVERY": str(args.probe_every)}
    with Server(db, folder / "streamlit.log", extra_env=env, port=args.port) as server:
        memory = {"launch_mib": server.rss_mib()}
        async with async_playwright() as playwright:
            browser = await launch_browser(playwright)
            try:
                sessions = await asyncio.gather(*(open_session(browser) for _ in range(args.sessions)))
                # Warm-up, not counted: one pass over every page fills the query caches, then every session opens
                # the app once so its browser has the scripts.
                for path in args.pages:
                    await visit(sessions[0], server.base, path, args.query, args.timeout)
                await asyncio.gather(*(visit(s, server.base, args.pages[0], args.query, args.timeout)
                                       for s in sessions))
                memory["start_mib"] = server.rss_mib()
                if args.probe_every:
                    Path(f"{args.probe_path}.start").touch()  # the probe's tracemalloc baseline
                print(f"warm: server {memory['start_mib']} MiB; soaking {args.minutes:g} min", flush=True)
                start = time.monotonic()
                deadline = start + args.minutes * 60
                await asyncio.gather(
                    load_every(db, folder, args.load_every, start, deadline, loads),
                    sample_memory(server, start, deadline, samples),
                    *(reload_pages(s, server.base, args.pages, i, args.query, deadline, args.timeout, visits)
                      for i, s in enumerate(sessions)))
                memory["end_mib"] = server.rss_mib()
                elapsed = time.monotonic() - start
                if args.probe_every:
                    await finish_probe(args.probe_path, args.probe_every)
                await asyncio.gather(*(s.close() for s in sessions))
                chromium = browser.version
            finally:
                await browser.close()
        tracebacks = server.tracebacks()
    memory["peak_mib"] = max([m for _t, m in samples] + [memory["end_mib"] or 0])
    memory["growth_pct"] = round((memory["end_mib"] / memory["start_mib"] - 1) * 100, 1)
    memory["samples"] = samples
    return {"visits": visits, "loads": loads, "memory": memory, "elapsed_s": round(elapsed, 1),
            "server_tracebacks": tracebacks, "chromium": chromium}


async def finish_probe(path: Path, every_s: float) -> None:
    """Ask the probe for its last sample and snapshot difference, and wait for it (one interval at most)."""
    Path(f"{path}.end").touch()
    deadline = time.monotonic() + every_s + 60
    while time.monotonic() < deadline:
        if any(line.get("end") for line in probe_lines(path)):
            return
        await asyncio.sleep(2)


def probe_lines(path: Path) -> list[dict]:
    try:
        return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    except (OSError, ValueError):
        return []


def series_at(samples: list[tuple[float, float]], minutes: float) -> list[tuple[float, float]]:
    """RSS at the start, every 10 minutes and at the end of the run: the sample nearest each mark."""
    if not samples:
        return []
    marks = [m * 60 for m in range(0, int(minutes) + 1, 10)] + [samples[-1][0]]
    chosen = [min(samples, key=lambda s, m=m: abs(s[0] - m)) for m in marks]
    return sorted(set(chosen))


def probe_summary(path: Path) -> dict | None:
    """The probe's first sample after the warm-up, its last one and a handful between, without the top lists."""
    lines = probe_lines(path)
    if not lines:
        return None
    start = next((i for i, line in enumerate(lines) if line.get("baseline")), 0)
    kept = lines[start:]
    step = max(1, len(kept) // 6)
    picked = kept[::step] + ([kept[-1]] if (len(kept) - 1) % step else [])
    return {"path": display_path(path), "baseline_t": lines[start]["t"],
            "samples": [{k: v for k, v in line.items() if k != "top"} for line in picked],
            "top_start": lines[start].get("top"), "top_end": lines[-1].get("top")}


def error_kind(message: str) -> str:
    for kind in ("exception box", "console error", "pageerror", "navigation failed", "not drawn", "page unreadable"):
        if kind in message:
            return kind
    return "other"


def figures_of(args: argparse.Namespace, counts: dict, run: dict) -> dict:
    visits = run["visits"]
    messages = [e for v in visits for e in v.errors]
    kinds: dict[str, int] = {}
    for message in messages:
        kinds[error_kind(message)] = kinds.get(error_kind(message), 0) + 1
    per_page = {page_label(p): {**summarise([v.all_ms for v in visits if v.path == p]),
                                "with_errors": sum(bool(v.errors) for v in visits if v.path == p)}
                for p in args.pages}
    memory = run["memory"]
    return {
        "measured_at": datetime.now().isoformat(timespec="seconds"), "db": display_path(args.db),
        "database": counts, "sessions": args.sessions, "minutes": args.minutes, "elapsed_s": run["elapsed_s"],
        "load_every_s": args.load_every, "query": args.query, "timeout_s": args.timeout,
        "visits": len(visits), "visits_with_errors": sum(bool(v.errors) for v in visits), "errors": len(messages),
        "errors_by_kind": kinds, "error_samples": sorted(set(messages))[:15],
        "server_tracebacks": len(run["server_tracebacks"]),
        "server_traceback_samples": sorted(set(run["server_tracebacks"]))[:5],
        "ignored_console_errors": ignored_counts(visits),
        "page_time_all": summarise([v.all_ms for v in visits]),
        "page_time_first": summarise([v.first_ms for v in visits]), "per_page": per_page,
        "loads": run["loads"], "loads_ok": sum(load["returncode"] == 0 for load in run["loads"]),
        "memory": memory, "memory_target_met": memory["growth_pct"] <= MAX_GROWTH * 100,
        "rss_series": series_at(memory["samples"], args.minutes), "server_env": dict(args.env),
        "probe_every_s": args.probe_every,
        "probe": probe_summary(args.probe_path) if args.probe_every else None,
        "errors_target_met": not messages,
        "machine": {**machine("streamlit", "plotly", "duckdb", "pandas", "playwright"), "Chromium": run["chromium"]},
    }


PARTS = (  # (label, reader of one probe sample), in MiB
    ("RSS", lambda d: d.get("rss_mib")),
    ("anonymous memory (heaps, stacks)", lambda d: (d.get("rss_parts_mib") or {}).get("RssAnon")),
    ("mapped files (code)", lambda d: (d.get("rss_parts_mib") or {}).get("RssFile")),
    ("glibc heap, in use (uordblks)", lambda d: (d.get("malloc") or {}).get("uordblks")),
    ("glibc heap, free but kept (fordblks)", lambda d: (d.get("malloc") or {}).get("fordblks")),
    ("glibc mmapped blocks (hblkhd)", lambda d: (d.get("malloc") or {}).get("hblkhd")),
    ("Python objects (tracemalloc)", lambda d: d.get("traced_mib")),
    ("tracemalloc's own traces", lambda d: d.get("tracemalloc_overhead_mib")),
    ("DuckDB (duckdb_memory)", lambda d: d.get("duckdb_mib")),
    ("st.cache_data (serialized)",
     lambda d: sum(v for k, v in (d.get("caches_mib") or {}).items() if "st_cache_data" in k)),
    ("pyarrow pool", lambda d: d.get("arrow_mib")),
)
COUNTS = (("glibc arenas", lambda d: (d.get("malloc") or {}).get("arenas")), ("threads", lambda d: d.get("threads")),
          ("sessions", lambda d: d.get("sessions")))


def _delta(start, end) -> str:
    return "–" if start is None or end is None else f"{end - start:+.1f}"


def probe_table(probe: dict, before: dict | None = None) -> list[str]:
    """Memory by part at the end of the warm-up and at the end of the run, from the server's probe (and the same of
    an earlier run before it)."""
    runs = [("before, ", before), ("", probe)] if before else [("", probe)]
    head = "".join(f" {label}start | {label}end | {label}change |" for label, _run in runs)
    lines = [f"| part (MiB) |{head}", "|---|" + "---:|" * 3 * len(runs)]
    for label, read in PARTS + COUNTS:
        cells = []
        for _run_label, run in runs:
            first, last = run["samples"][0], run["samples"][-1]
            cells += [read(first), read(last), _delta(read(first), read(last))]
        if any(cell not in (None, "–") for cell in cells):
            lines.append(f"| {label} | " + " | ".join("–" if c is None else str(c) for c in cells) + " |")
    return lines


def series_row(f: dict) -> str:
    marks = "; ".join(f"{t / 60:.0f} min {m}" for t, m in f.get("rss_series", []))
    return f"{marks}; peak {f['memory']['peak_mib']}"


def markdown(f: dict, before: dict | None = None, note: str = "") -> list[str]:
    verdict = {True: "met", False: "**not met**"}
    memory, time_all = f["memory"], f["page_time_all"]
    load_seconds = sorted(load["seconds"] for load in f["loads"])
    counts = f["database"]
    lines = [
        "## Soak: browser sessions reloading pages while loads run", "",
        f"Measured {f['measured_at']} by `bench/bench_soak.py`; a copy of `{f['db']}` "
        f"({thousands(counts['project'])} projects, {thousands(counts['outcome'])} outcomes); {f['sessions']} "
        f"sessions each loading page after page ({', '.join(page_label(p) for p in f['per_page'])}; query "
        f"`{f['query'] or '(none)'}`) for {f['minutes']:g} min; `python -m etl load` of a changed workbook every "
        f"{f['load_every_s']:g} s.", "",
        "| figure | value | target |",
        "|---|---:|---|",
        f"| page loads | {thousands(f['visits'])} | |",
        f"| errors (exception boxes, console/page errors, failed navigations, not drawn in {f['timeout_s']:g} s) "
        f"| {f['errors']} on {f['visits_with_errors']} pages | 0: {verdict[f['errors_target_met']]} |",
        f"| time to every chart drawn, median / p95 / max (s) | {fmt_s(time_all['median_s'])} / "
        f"{fmt_s(time_all['p95_s'])} / {fmt_s(time_all['max_s'])} | |",
        f"| loads (exit 0 / run), seconds median / max | {f['loads_ok']} / {len(f['loads'])}, "
        f"{fmt_s(load_seconds[len(load_seconds) // 2] if load_seconds else None)} / "
        f"{fmt_s(load_seconds[-1] if load_seconds else None)} | all exit 0 |",
        f"| server memory (RSS) at launch / start / end / peak (MiB) | {memory['launch_mib']} / "
        f"{memory['start_mib']} / {memory['end_mib']} / {memory['peak_mib']} | |",
        f"| server memory growth, start → end | {memory['growth_pct']:+.1f} % | ≤ {MAX_GROWTH * 100:.0f} %: "
        f"{verdict[f['memory_target_met']]} |",
        f"| Python tracebacks in the server log | {f['server_tracebacks']} | |",
        "",
        "Server RSS over the run (MiB): " + "; ".join(f"{t / 60:.0f} min {m}" for t, m in f["rss_series"])
        + f"; peak {memory['peak_mib']}."
        + (" Server environment: " + ", ".join(f"`{k}={v}`" for k, v in f["server_env"].items()) + "."
           if f["server_env"] else ""),
        "",
        "Per page, time to every chart drawn (the main table on data and sources), median / p95 (s): "
        + "; ".join(f"{page} {fmt_s(p['median_s'])} / {fmt_s(p['p95_s'])}" for page, p in f["per_page"].items())
        + ". Start = after a warm-up pass (query caches filled, every session opened once); memory is the VmRSS "
        "of the streamlit process.",
    ]
    if f["errors_by_kind"]:
        lines += ["", "Errors by kind: " + ", ".join(f"{k} {n}" for k, n in f["errors_by_kind"].items())
                  + ". First messages: " + " | ".join(f"`{m[:160]}`" for m in f["error_samples"][:5])]
    if f["server_traceback_samples"]:
        lines += ["", "Server tracebacks: " + " | ".join(f"`{m[:200]}`" for m in f["server_traceback_samples"])]
    if f["ignored_console_errors"]:
        lines += ["", "Not counted as errors: " + "; ".join(
            f"{reason} ×{count}" for reason, count in f["ignored_console_errors"].items()) + "."]
    if f.get("probe"):
        lines += ["", f"Server memory by part ({f['probe']['path']}: probe every {f['probe_every_s']:g} s; start = "
                  "end of the warm-up; the probe's tracemalloc slows the server and holds its own traces"
                  + ("; before = the earlier run below" if before and before.get("probe") else "") + "):", "",
                  *probe_table(f["probe"], (before or {}).get("probe"))]
    if before:
        lines += ["", "Before → after, the same run (RSS series in MiB):", "",
                  "| run | server environment | RSS: start; every 10 min; end; peak | growth | page loads |",
                  "|---|---|---|---:|---:|"]
        for label, run in (("before", before), ("after", f)):
            env = ", ".join(f"`{k}={v}`" for k, v in run.get("server_env", {}).items()) or "(none)"
            lines.append(f"| {label} | {env} | {series_row(run)} | {run['memory']['growth_pct']:+.1f} % | "
                         f"{thousands(run['visits'])} |")
    if note:
        lines += ["", note]
    lines += ["", machine_sentence(f["machine"])]
    return lines


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=DEFAULT_DB, help="database to copy and serve (default: %(default)s)")
    parser.add_argument("--sessions", type=int, default=10, help="browser sessions at once (default: 10)")
    parser.add_argument("--minutes", type=float, default=10, help="length of the run (default: 10)")
    parser.add_argument("--load-every", type=float, default=60, help="seconds between loads (default: 60)")
    parser.add_argument("--query", default="", help="query string of every page, e.g. 'area=nghe-an'")
    parser.add_argument("--pages", nargs="+", default=PAGES, metavar="PATH",
                        help="url paths ('' is the overview; default: every page but import)")
    parser.add_argument("--timeout", type=float, default=120, help="seconds before a page counts as not drawn")
    parser.add_argument("--port", type=int, default=0, help="server port (default: a free one)")
    parser.add_argument("--probe-every", type=float, default=0,
                        help="seconds between the server's memory probe samples (default: 0, no probe)")
    parser.add_argument("--env", type=lambda text: tuple(text.split("=", 1)), action="append", default=[],
                        metavar="NAME=VALUE", help="extra environment of the server process (repeatable)")
    parser.add_argument("--before", type=Path, help="results JSON of an earlier run to show beside this one")
    parser.add_argument("--note", default="", help="a sentence added to the section (what the figures show)")
    parser.add_argument("--rewrite", type=Path, metavar="JSON",
                        help="no run: write the section again from this results JSON (with --before and --note)")
    parser.add_argument("--results", type=Path, default=RESULTS_MD,
                        help="Markdown results file; the JSON goes beside it (default: bench/results.md)")
    args = parser.parse_args(argv)
    args.probe_path = WORK_DIR / f"soak-probe-{datetime.now():%Y%m%dT%H%M%S}.jsonl"
    if not args.db.is_file():
        parser.error(f"no database at {args.db}: build one with `python -m etl national --projects 1000000 --db "
                     f"{args.db}` (or `python -m etl build --db ...` for the demo data)")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    before = json.loads(args.before.read_text(encoding="utf-8"))["soak"] if args.before else None
    if args.rewrite:
        figures = json.loads(args.rewrite.read_text(encoding="utf-8"))["soak"]
        figures.setdefault("probe_every_s", args.probe_every)
        lines = markdown(figures, before, args.note)
        write_results("soak", figures, lines, md_path=args.results, json_path=args.results.with_suffix(".json"))
        print("\n".join(lines))
        return 0
    counts = database_counts(args.db)
    WORK_DIR.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="soak-", dir=WORK_DIR) as folder:
        db = Path(folder) / "served.duckdb"
        shutil.copyfile(args.db, db)
        run = asyncio.run(soak(args, db, Path(folder)))
    figures = figures_of(args, counts, run)
    lines = markdown(figures, before, args.note)
    write_results("soak", figures, lines, md_path=args.results, json_path=args.results.with_suffix(".json"))
    print("\n".join(lines))
    return 0  # figures, not a pass/fail test: the verdicts are in the results


if __name__ == "__main__":
    sys.exit(main())
