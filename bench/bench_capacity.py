"""Capacity per server core: the app server's own CPU time per page view and per filter change, read from /proc,
and throughput of one and two app processes behind nginx.

Per scale (databases bench/data/national-<label>.duckdb, as bench_pages.py names and makes them) a real
`streamlit run dashboard.py` (as `make run`, KC_DB_PATH set) serves the pages. Only the server process's CPU is
read (utime + stime of the process, its threads, DuckDB's included, and any child), so the client's is excluded.

- **view**: a new viewer opens the page, default view: the page's HTML, the websocket, one script run to
  script_finished (bench/stream_client.py speaks Streamlit's protocol). Caches warm: one untimed view of the page
  first (its CPU is reported as **cold**). Server CPU over --views views, one at a time, divided by their number.
- **change**: in an open session, the sidebar's areas and years set to values not seen before (a rerun with those
  widget states, as the frontend sends): server CPU over --changes changes, divided.
- **Chromium**: the same view driven by a real browser (Playwright, bench/browser_driver.py) until every chart is
  drawn: server CPU per view, for comparison with the protocol client (the browser also fetches static files and
  sends what its components report back).
- **throughput**: --concurrency protocol viewers in a loop (each view a new visitor, with a fresh cookie jar, page
  after page) through nginx in front of 1 and then 2 app processes (khuyencong/cluster.py), for --seconds each:
  views per wall-second, and where the CPU went (app processes, nginx, this client, the rest of the machine).

    .venv/bin/python bench/bench_capacity.py --scales 10000,1000000 --data-dir bench/data
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import shlex
import signal
import statistics
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.bench_pages import AREA_COUNTS, ensure_database  # noqa: E402
from bench.browser_driver import PAGES as URL_PATHS  # noqa: E402
from bench.browser_driver import Server, database_counts, percentile, thousands  # noqa: E402
from bench.pages_report import scale_label  # noqa: E402
from bench.results import RESULTS_JSON, RESULTS_MD, machine, machine_sentence, read_json, write_results  # noqa: E402
from bench.server_cpu import ThreadSplit, cpu_seconds, machine_busy_seconds  # noqa: E402
from bench.stream_client import StreamSession, filter_states  # noqa: E402

BENCH = ROOT / "bench"
VERSIONS = ("streamlit", "duckdb", "plotly", "websockets", "playwright")
PAGE_NAMES = {path or "overview": path for path in URL_PATHS}  # result name -> url path ("" is the overview)
TARGET_VIEWS_PER_CORE_SECOND = 10  # at 1.000.000 projects, every page (issue 18)
TARGET_SCALE = 1_000_000
TARGET_SPEEDUP = 1.8  # two processes against one, same machine
# Streamlit's settings for a served app that the comparison run turns off: the file watcher walks every imported
# module's path after each script run, and a full garbage collection follows each run.
DEFAULT_COMPARE_ENV = ("STREAMLIT_SERVER_FILE_WATCHER_TYPE=none", "STREAMLIT_RUNNER_POST_SCRIPT_GC=false")
SETTLE_S = 0.3  # after the last view, time for the server to finish closing the session before CPU is read


def progress(text: str) -> None:
    print(text, flush=True)


# --- Filter changes ------------------------------------------------------------------------------------------------

def change_plan(db: Path, count: int, seed: int = 18) -> list[dict]:
    """`count` sidebar selections, each (areas, years) pair different from the default view and from every other,
    with the areas as the multiselect sends them (their Vietnamese labels, the default language)."""
    from khuyencong.data.database import Database
    from khuyencong.data.queries import run_query

    database = Database(db)
    areas = run_query(database, "area_choices")
    bounds = run_query(database, "year_bounds").iloc[0]
    first, last = int(bounds["first_year"]), int(bounds["last_year"])
    provinces = list(areas.loc[areas["level"] == "province", "label_vi"])
    spans = [(start, end) for start in range(first, last + 1) for end in range(start + 3, last + 1)
             if (start, end) != (first, last)]
    random.Random(seed).shuffle(spans)
    changes, seen = [], set()
    for number in range(count):
        size = AREA_COUNTS[number % len(AREA_COUNTS)]
        picked = tuple(dict.fromkeys(provinces[(number * 11 + 7 * i) % len(provinces)] for i in range(size)))
        start, end = spans[number % len(spans)]
        key = (picked, start, end)
        if key in seen:
            raise ValueError(f"{count} changes repeat a selection: use fewer")
        seen.add(key)
        changes.append({"areas": list(picked), "years": [start, end]})
    return changes


# --- One process, one viewer at a time -----------------------------------------------------------------------------

class CpuMeter:
    """CPU seconds of the server processes between two readings."""

    def __init__(self, pids: list[int]) -> None:
        self.pids = pids
        self.last = cpu_seconds(pids)

    def take(self) -> float:
        now = cpu_seconds(self.pids)
        spent, self.last = now - self.last, now
        return spent


async def one_view(base: str, path: str) -> tuple[list[str], float]:
    session = StreamSession(base)
    try:
        run = await session.open(path)
    finally:
        await session.close()
    return run.errors, run.seconds


async def measure_protocol(base: str, meter: CpuMeter, split: ThreadSplit, pages: list[str], views: int,
                           changes: list[dict]) -> dict:
    """Cold, views and filter changes of each page, server CPU of each (see the module docstring)."""
    results = {}
    per_page = len(changes) // len(pages)
    for index, name in enumerate(pages):
        path = PAGE_NAMES[name]
        errors: list[str] = []
        meter.take()
        cold_errors, cold_wall = await one_view(base, path)
        await asyncio.sleep(SETTLE_S)
        cold_cpu = meter.take()
        split.take()
        errors += [f"cold: {e}" for e in cold_errors]
        walls = []
        for _ in range(views):
            view_errors, wall = await one_view(base, path)
            errors += [f"view: {e}" for e in view_errors]
            walls.append(wall)
        await asyncio.sleep(SETTLE_S)
        view_cpu = meter.take()
        view_split = split.take()
        session = StreamSession(base)
        await session.open(path)
        await asyncio.sleep(SETTLE_S)
        meter.take()
        change_walls = []
        for change in changes[index * per_page:(index + 1) * per_page]:
            before = session.query_string
            run = await session.change(filter_states(session.widgets, change["areas"], tuple(change["years"])))
            change_walls.append(run.seconds)
            errors += [f"change: {e}" for e in run.errors]
            if session.query_string == before:  # the URL mirrors the filters: unchanged means the change was lost
                errors.append(f"change to {change} did not reach the page (query string unchanged)")
        await asyncio.sleep(SETTLE_S)
        change_cpu = meter.take()
        await session.close()
        results[name] = {
            "cold_cpu_ms": round(cold_cpu * 1000), "cold_wall_s": round(cold_wall, 3),
            "views": views, "view_cpu_ms": round(view_cpu / views * 1000, 1),
            "view_wall_median_s": round(statistics.median(walls), 3),
            "view_cpu_split_ms": {part: round(value / views * 1000, 1) for part, value in view_split.items()},
            "changes": len(change_walls), "change_cpu_ms": round(change_cpu / max(1, len(change_walls)) * 1000, 1),
            "change_wall_median_s": round(statistics.median(change_walls), 3) if change_walls else None,
            "errors": errors[:10],
        }
        r = results[name]
        progress(f"  {name}: view {r['view_cpu_ms']:.0f} ms CPU {r['view_cpu_split_ms']} "
                 f"({r['view_wall_median_s']:.2f} s wall), change "
                 f"{r['change_cpu_ms']:.0f} ms CPU, cold {r['cold_cpu_ms']} ms" + (f"  ERRORS {errors[:3]}" if errors
                                                                                    else ""))
    return results


async def measure_chromium(base: str, meter: CpuMeter, pages: list[str], views: int) -> dict:
    """Server CPU per view when Chromium loads the page (one browser context per page, so its static files come
    from the browser's cache after the first, untimed visit, as for a returning viewer); plus one first visit of
    the overview from a fresh context (every static file downloaded)."""
    from playwright.async_api import async_playwright

    from bench.browser_driver import launch_browser, open_session, visit

    results = {}
    async with async_playwright() as playwright:
        browser = await launch_browser(playwright)
        try:
            session = await open_session(browser)
            meter.take()
            first = await visit(session, base, "")
            await asyncio.sleep(SETTLE_S)
            results["_first_visit_overview"] = {"cpu_ms": round(meter.take() * 1000), "errors": first.errors[:5]}
            await session.close()
            for name in pages:
                session = await open_session(browser)
                await visit(session, base, PAGE_NAMES[name])
                await asyncio.sleep(SETTLE_S)
                meter.take()
                errors = []
                for _ in range(views):
                    errors += (await visit(session, base, PAGE_NAMES[name])).errors
                await asyncio.sleep(SETTLE_S)
                cpu = meter.take()
                await session.close()
                results[name] = {"views": views, "view_cpu_ms": round(cpu / views * 1000, 1), "errors": errors[:5]}
                progress(f"  chromium {name}: {results[name]['view_cpu_ms']:.0f} ms server CPU per view"
                         + (f"  ERRORS {errors[:3]}" if errors else ""))
        finally:
            await browser.close()
    return results


async def measure_server(base: str, meter: CpuMeter, split: ThreadSplit, args, changes: list[dict],
                         chromium: bool) -> dict:
    """The first view after start, then (with an idle viewer kept connected) every page's views and changes, and
    Chromium's views."""
    meter.take()
    first_errors, _ = await one_view(base, "")
    await asyncio.sleep(SETTLE_S)
    first_cpu = meter.take()
    # Streamlit drops its compiled scripts whenever the last session closes (websocket_session_manager.py): one
    # viewer at a time would recompile dashboard.py and the page on every view, which a server with other viewers
    # connected does not. An idle viewer stays connected throughout, as on a server in use.
    anchor = StreamSession(base)
    await anchor.open("")
    try:
        protocol = await measure_protocol(base, meter, split, args.pages, args.views, changes)
        browser = await measure_chromium(base, meter, args.pages, args.browser_views) if chromium else {}
    finally:
        await anchor.close()
    return {"first_view_cpu_ms": round(first_cpu * 1000), "first_view_errors": first_errors, "pages": protocol,
            "chromium": browser}


def measure_views(db: Path, label: str, args, env: dict | None = None, chromium: bool = True) -> dict:
    """Cold, views, changes and Chromium views of every page on one freshly started server (`env` added to its
    environment)."""
    changes = change_plan(db, args.changes * len(args.pages))
    suffix = "-" + "-".join(f"{k}={v}" for k, v in env.items()) if env else ""
    with Server(db, args.data_dir / "runs" / f"capacity-{label}{suffix}.log", extra_env=env) as server:
        meter = CpuMeter([server.pid])
        split = ThreadSplit(server.pid)
        started_cpu = meter.last  # the server's CPU to start up (imports), before any viewer
        time.sleep(2)
        idle_ms_per_s = meter.take() / 2 * 1000
        progress(f"[{label}{suffix}] server up ({started_cpu:.1f} s CPU to start); idle {idle_ms_per_s:.1f} ms CPU "
                 f"per s")
        figures = asyncio.run(measure_server(server.base, meter, split, args, changes,
                                             chromium and args.browser_views > 0))
        tracebacks = server.tracebacks()
    return {"start_cpu_s": round(started_cpu, 2), "idle_cpu_ms_per_s": round(idle_ms_per_s, 2), **figures,
            "server_env": env or {}, "server_tracebacks": tracebacks[:5]}


# --- Throughput through nginx --------------------------------------------------------------------------------------

async def load_loop(base: str, pages: list[str], concurrency: int, seconds: float) -> dict:
    """`concurrency` viewers opening page after page, each view a new visitor, until `seconds` have passed; views
    started before the end are completed."""
    walls: list[float] = []
    errors: list[str] = []
    deadline = time.monotonic() + seconds

    async def viewer(number: int) -> None:
        turn = number
        while time.monotonic() < deadline:
            path = PAGE_NAMES[pages[turn % len(pages)]]
            turn += 1
            try:
                view_errors, wall = await one_view(base, path)
            except Exception as error:  # a refused or dropped connection is a failed view, counted
                view_errors, wall = [f"{type(error).__name__}: {error}"[:200]], None
            errors.extend(view_errors)
            if wall is not None and not view_errors:
                walls.append(wall)

    started = time.monotonic()
    await asyncio.gather(*(viewer(n) for n in range(concurrency)))
    return {"wall_s": time.monotonic() - started, "walls": walls, "errors": errors}


def backend_split(access_log: Path, upstreams: list[str]) -> dict[str, int]:
    """Websocket sessions per app process, from nginx's access log (one line per closed websocket)."""
    from khuyencong.cluster import read_access_log

    counts = {upstream: 0 for upstream in upstreams}
    for row in read_access_log(access_log):
        if row["path"].endswith("/_stcore/stream") and row["upstream"] in counts:
            counts[row["upstream"]] += 1
    return counts


def measure_throughput(db: Path, label: str, processes: int, args) -> dict:
    from khuyencong.cluster import running_cluster

    pages = args.pages
    log_dir = args.data_dir / "runs" / f"capacity-{label}-{processes}p"
    with running_cluster(processes, db.resolve(), log_dir=log_dir) as cluster:
        servers = [cluster.pid(port) for port in cluster.ports]
        if args.pin:
            for core, pid in enumerate(servers):  # every thread: affinity is per thread, new ones inherit it
                for task in Path(f"/proc/{pid}/task").iterdir():
                    os.sched_setaffinity(int(task.name), {core % os.cpu_count()})
        # Warm every process's caches directly (nginx would spread the warm-up at random).
        for port in cluster.ports:
            for name in pages:
                asyncio.run(one_view(f"http://127.0.0.1:{port}", PAGE_NAMES[name]))
        time.sleep(SETTLE_S)
        log_start = cluster.access_log.stat().st_size if cluster.access_log.exists() else 0
        server_before = [cpu_seconds([pid]) for pid in servers]
        nginx_pid = cluster.nginx_pid()
        nginx_before = cpu_seconds([nginx_pid])
        client_before = sum(os.times()[:2])
        busy_before, total_before = machine_busy_seconds()
        load_before = os.getloadavg()[0]
        result = asyncio.run(load_loop(cluster.url, pages, args.concurrency, args.seconds))
        server_after = [cpu_seconds([pid]) for pid in servers]
        nginx_cpu = cpu_seconds([nginx_pid]) - nginx_before
        client_cpu = sum(os.times()[:2]) - client_before
        busy_after, total_after = machine_busy_seconds()
        time.sleep(1)  # nginx writes a websocket's log line when it closes
        split = backend_split_since(cluster.access_log, log_start, cluster.upstreams)
    wall = result["wall_s"]
    server_cpu = [after - before for before, after in zip(server_before, server_after)]
    machine_cpu = busy_after - busy_before
    views = len(result["walls"])
    figures = {
        "processes": processes, "concurrency": args.concurrency, "pinned": bool(args.pin), "wall_s": round(wall, 2),
        "views": views, "failed": len(result["errors"]), "errors": sorted(set(result["errors"]))[:5],
        "views_per_s": round(views / wall, 2),
        "view_wall_median_s": round(statistics.median(result["walls"]), 3) if result["walls"] else None,
        "view_wall_p95_s": round(percentile(result["walls"], 95), 3) if result["walls"] else None,
        "cores_used": {
            "servers": [round(c / wall, 2) for c in server_cpu], "nginx": round(nginx_cpu / wall, 2),
            "client": round(client_cpu / wall, 2),
            "other": round(max(0.0, machine_cpu - sum(server_cpu) - nginx_cpu - client_cpu) / wall, 2),
            "machine": round(machine_cpu / wall, 2),
            "machine_cores": round((total_after - total_before) / wall, 2)},
        "cpu_s": {"servers": [round(c, 3) for c in server_cpu], "nginx": round(nginx_cpu, 3),
                  "client": round(client_cpu, 3)},
        "server_cpu_ms_per_view": round(sum(server_cpu) / max(1, views) * 1000, 1),
        "sessions_per_process": split, "load_average_before": round(load_before, 2),
    }
    progress(f"[{label}] {processes} process(es), {args.concurrency} viewers: {figures['views_per_s']:.2f} views/s, "
             f"cores: {figures['cores_used']}, sessions per process {list(split.values())}"
             + (f", {figures['failed']} failed" if figures["failed"] else ""))
    return figures


def backend_split_since(access_log: Path, offset: int, upstreams: list[str]) -> dict[str, int]:
    """backend_split of the lines written after `offset` (the warm-up went straight to the processes anyway)."""
    tail = access_log.with_suffix(".measured.log")
    with open(access_log, "rb") as source:
        source.seek(offset)
        tail.write_bytes(source.read())
    return backend_split(tail, upstreams)


# --- Report --------------------------------------------------------------------------------------------------------

def git_commit() -> str | None:
    """The checkout measured: HEAD's short hash, '+' when files differ from it."""
    def git(*args: str) -> str:
        return subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True).stdout.strip()

    head = git("rev-parse", "--short", "HEAD")
    return (head + ("+" if git("status", "--porcelain", "--untracked-files=no") else "")) or None


def before_of(previous: dict | None, commit: str | None) -> dict | None:
    """What a scale's figures are set against: the last run's of that scale, or, when that run measured the same
    commit (a run repeated on a quiet machine), the figures it was set against itself."""
    if not previous:
        return None
    if previous.get("commit") and previous.get("commit") == commit:
        return previous.get("before")
    return {"measured_at": previous["measured_at"], "commit": previous.get("commit"),
            "pages": {name: {key: page.get(key) for key in ("view_cpu_ms", "views_per_core_s", "change_cpu_ms")}
                      for name, page in previous["pages"].items()}}


def before_section(scale: dict) -> list[str]:
    before = scale["before"]
    lines = ["", f"Before → after: set against the run of {before['measured_at']}"
                 f"{' (' + before['commit'] + ')' if before.get('commit') else ''}, this one "
                 f"{scale.get('commit') or ''}.".replace(" .", "."), "",
             "| page | server CPU ms per view: before → after | views per core-second: before → after | "
             "CPU ms per filter change: before → after |", "|---|--:|--:|--:|"]
    for name, page in scale["pages"].items():
        old = before["pages"].get(name, {})
        lines.append(f"| {name} | {fmt(old.get('view_cpu_ms'))} → {fmt(page['view_cpu_ms'])} | "
                     f"{fmt(old.get('views_per_core_s'), 1)} → {fmt(page['views_per_core_s'], 1)} | "
                     f"{fmt(old.get('change_cpu_ms'))} → {fmt(page['change_cpu_ms'])} |")
    return lines


def per_second(ms: float | None) -> float | None:
    return None if not ms else round(1000 / ms, 1)


def summarise(projects: int, views: dict, throughput: list[dict], compared: dict | None = None) -> dict:
    pages = {}
    for name, page in views["pages"].items():
        chromium = views["chromium"].get(name, {})
        rate = per_second(page["view_cpu_ms"])
        pages[name] = {**page, "views_per_core_s": rate, "changes_per_core_s": per_second(page["change_cpu_ms"]),
                       "chromium_view_cpu_ms": chromium.get("view_cpu_ms"),
                       "chromium_views_per_core_s": per_second(chromium.get("view_cpu_ms")),
                       "chromium_errors": chromium.get("errors", []),
                       "target_met": (rate is not None and rate >= TARGET_VIEWS_PER_CORE_SECOND)
                       if projects == TARGET_SCALE else None}
    ratio = None
    if len(throughput) == 2 and throughput[0]["views_per_s"]:
        ratio = round(throughput[1]["views_per_s"] / throughput[0]["views_per_s"], 2)
    return {**{k: v for k, v in views.items() if k not in ("pages", "chromium")}, "pages": pages,
            "chromium_first_visit_overview": views["chromium"].get("_first_visit_overview"),
            "compared": None if compared is None else {
                "server_env": compared["server_env"],
                "pages": {name: {key: page[key] for key in ("view_cpu_ms", "change_cpu_ms", "view_cpu_split_ms",
                                                            "errors")}
                          for name, page in compared["pages"].items()}},
            "throughput": throughput, "speedup_2_processes": ratio,
            "speedup_target_met": None if ratio is None else ratio >= TARGET_SPEEDUP}


def fmt(value, digits: int = 0) -> str:
    if value is None:
        return "–"
    return f"{value:,.{digits}f}".replace(",", " ").replace(".", ",")


def met(flag) -> str:
    return "–" if flag is None else ("met" if flag else "**not met**")


def markdown(figures: dict) -> list[str]:
    lines = [
        "## Capacity per server core (bench/bench_capacity.py)",
        "",
        f"`{figures['command']}`. {machine_sentence(figures['machine'])}",
        "",
        "Server CPU = user + system time of the `streamlit run dashboard.py` process (all its threads, DuckDB's "
        "included, and any child process) from /proc, so the client's and the browser's CPU are not counted. "
        "**view** = a new viewer opens the page (HTML, websocket, one script run to `script_finished`; "
        "bench/stream_client.py speaks Streamlit's protocol), default view, caches warm: CPU over "
        f"{figures['views']} views one at a time, divided. **change** = in an open session the sidebar's areas and "
        "years set to values not seen before (a rerun with those widget states): CPU over "
        f"{figures['changes']} changes per page, divided. **cold** = the page's first view after the server "
        "started (its own queries not yet cached; the sidebar's were cached by the first view after start, an "
        "overview reported above the table, so the overview's cold column is its second view). **Chromium** = the "
        "same view driven by a real browser until every chart is drawn (returning viewer: static files from its "
        "cache), "
        f"{figures['browser_views']} views per page. Per core-second = 1000 / CPU ms. Target: "
        f"≥ {TARGET_VIEWS_PER_CORE_SECOND} views per server core-second at {thousands(TARGET_SCALE)} projects, "
        f"every page; two processes behind nginx ≥ {str(TARGET_SPEEDUP).replace('.', ',')}× one.",
        "",
    ]
    for projects, scale in figures["scales"].items():
        load = scale.get("load_average", [])
        lines += [
            f"### {thousands(int(projects))} projects",
            "",
            f"Measured {scale['measured_at']}, load average (1 min) {' → '.join(fmt(v, 2) for v in load)} on "
            f"{figures['machine']['cpu_cores']} cores. Server start {fmt(scale['start_cpu_s'], 1)} s CPU, idle "
            f"{fmt(scale['idle_cpu_ms_per_s'], 1)} ms CPU per second, first view after start "
            f"{fmt(scale['first_view_cpu_ms'])} ms CPU.",
            "",
            "| page | server CPU ms per view | views per server core-second | CPU ms per filter change | "
            "changes per core-second | cold view CPU ms | Chromium: CPU ms per view (views per core-s) | "
            "target met |",
            "|---|--:|--:|--:|--:|--:|--:|---|",
        ]
        for name, page in scale["pages"].items():
            lines.append(
                f"| {name} | {fmt(page['view_cpu_ms'])} | {fmt(page['views_per_core_s'], 1)} | "
                f"{fmt(page['change_cpu_ms'])} | {fmt(page['changes_per_core_s'], 1)} | {fmt(page['cold_cpu_ms'])} | "
                f"{fmt(page['chromium_view_cpu_ms'])} ({fmt(page['chromium_views_per_core_s'], 1)}) | "
                f"{met(page['target_met'])} |")
        first = scale.get("chromium_first_visit_overview")
        if first:
            lines += ["", f"A first visit in Chromium (empty browser cache: every static file downloaded) cost the "
                          f"server {fmt(first['cpu_ms'])} ms CPU on the overview."]
        errors = {name: page["errors"] + page["chromium_errors"] for name, page in scale["pages"].items()
                  if page["errors"] or page["chromium_errors"]}
        if errors or scale.get("server_tracebacks"):
            lines += ["", f"Errors: {errors} {scale.get('server_tracebacks') or ''}".strip()]
        if scale.get("before"):
            lines += before_section(scale)
        if scale.get("compared"):
            lines += compared_section(scale)
        if int(projects) == TARGET_SCALE:
            lines += target_lines(scale)
        if scale["throughput"]:
            lines += throughput_section(scale)
        lines.append("")
    return lines


def compared_section(scale: dict) -> list[str]:
    env = ", ".join(f"`{k}={v}`" for k, v in scale["compared"]["server_env"].items())
    lines = ["", f"**Compared**: the same views and changes on a second server started with {env} (protocol "
                 "client only). Where the server's CPU per view went: main thread (Streamlit's event loop: "
                 "websocket, messages' serialisation, and the file watcher's scan of every imported module after "
                 "each run), script-run threads (the page's Python: Streamlit elements, Plotly, pandas; the garbage "
                 "collection after each run), other threads (DuckDB's workers).", "",
             "| page | CPU ms per view: as served → compared | main / script / other threads, ms per view: as "
             "served → compared | CPU ms per change: as served → compared |",
             "|---|--:|--:|--:|"]

    def threads(split: dict | None) -> str:
        return " / ".join(fmt(split[part]) for part in ("main", "short_lived", "long_lived")) if split else "–"

    for name, page in scale["pages"].items():
        other = scale["compared"]["pages"].get(name)
        if not other:
            continue
        lines.append(f"| {name} | {fmt(page['view_cpu_ms'])} → {fmt(other['view_cpu_ms'])} | "
                     f"{threads(page.get('view_cpu_split_ms'))} → {threads(other.get('view_cpu_split_ms'))} | "
                     f"{fmt(page['change_cpu_ms'])} → {fmt(other['change_cpu_ms'])} |")
    return lines


def target_lines(scale: dict) -> list[str]:
    """Which pages reach the target, as served and with the compared settings, and where the CPU of a view went."""
    def reaching(pages: dict) -> list[str]:
        return [name for name, page in pages.items()
                if page["view_cpu_ms"] and 1000 / page["view_cpu_ms"] >= TARGET_VIEWS_PER_CORE_SECOND]

    pages = scale["pages"]
    served = reaching(pages)
    lines = ["", f"Target ≥ {TARGET_VIEWS_PER_CORE_SECOND} views per server core-second: met on {len(served)} of "
                 f"{len(pages)} pages as served ({', '.join(served) or 'none'})."]
    compared = scale.get("compared")
    if compared:
        env = ", ".join(f"`{k}={v}`" for k, v in compared["server_env"].items())
        better = reaching(compared["pages"])
        lines[-1] += f" With {env}: {len(better)} of {len(compared['pages'])} ({', '.join(better) or 'none'})."
    splits = [page["view_cpu_split_ms"] for page in pages.values() if page.get("view_cpu_split_ms")]
    if not splits:
        return lines
    main = statistics.median(split["main"] for split in splits)
    script = statistics.median(split["short_lived"] for split in splits)
    lines[-1] += (f" Per view as served (median over pages): {fmt(main)} ms in the main thread (the event loop: "
                  f"Streamlit's file watcher walks every imported module's path after each script run), {fmt(script)} "
                  "ms in the script-run thread (the page's Python, and a full garbage collection after each run); "
                  "DuckDB's threads next to nothing (queries cached).")
    return lines


def throughput_section(scale: dict) -> list[str]:
    lines = [
        "",
        "Throughput through nginx (khuyencong/cluster.py, deploy/nginx/khuyencong.conf): protocol viewers, each view "
        "a new visitor (fresh cookie jar, so nginx spreads them), page after page, caches warm. Cores used = CPU "
        "seconds per wall second: app processes, nginx, this client (one Python process), and the rest of the "
        "machine (other work).",
        "",
        "| app processes | viewers at once | views/s | ratio | median / p95 s per view | server CPU ms per view | "
        "cores: app processes | nginx (CPU per view) | client (CPU per view) | other | sessions per process | "
        "failed |",
        "|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|",
    ]
    base = scale["throughput"][0]["views_per_s"] if scale["throughput"] else None
    for run in scale["throughput"]:
        cores = run["cores_used"]

        def per_view(part: str, run=run, cores=cores) -> str:
            seconds = run["cpu_s"][part] if "cpu_s" in run else cores[part] * run["wall_s"]
            return f"{fmt(seconds / max(1, run['views']) * 1000, 1)} ms/view"

        ratio = run["views_per_s"] / base if base else None
        lines.append(
            f"| {run['processes']}{' (pinned)' if run['pinned'] else ''} | {run['concurrency']} | "
            f"{fmt(run['views_per_s'], 2)} | {fmt(ratio, 2)}× | {fmt(run['view_wall_median_s'], 2)} / "
            f"{fmt(run['view_wall_p95_s'], 2)} | {fmt(run['server_cpu_ms_per_view'])} | "
            f"{' + '.join(fmt(c, 2) for c in cores['servers'])} | {fmt(cores['nginx'], 2)} ({per_view('nginx')}) | "
            f"{fmt(cores['client'], 2)} ({per_view('client')}) | {fmt(cores['other'], 2)} | "
            f"{' / '.join(str(n) for n in run['sessions_per_process'].values())} | {run['failed']} |")
    lines += ["", f"Two processes against one: {fmt(scale['speedup_2_processes'], 2)}× "
                  f"({met(scale['speedup_target_met'])}, target ≥ {str(TARGET_SPEEDUP).replace('.', ',')}×)."]
    busiest_other = max(run["cores_used"]["other"] for run in scale["throughput"])
    if busiest_other > 0.5:
        lines[-1] += (f" Other work on the machine took up to {fmt(busiest_other, 2)} of its "
                      f"{fmt(scale['throughput'][0]['cores_used']['machine_cores'])} cores during these runs, so the "
                      "app processes did not get the cores this comparison is about: the ratio measures that "
                      "contention, not the app. Re-run on a quiet machine.")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scales", default="10000,1000000", help="numbers of projects (default: %(default)s)")
    parser.add_argument("--data-dir", type=Path, default=BENCH / "data")
    parser.add_argument("--seed", type=int, help="seed for `python -m etl national` when a database is made")
    parser.add_argument("--rebuild", action="store_true", help="remake the databases with the current ETL")
    parser.add_argument("--pages", default=",".join(PAGE_NAMES), help="pages (default: %(default)s)")
    parser.add_argument("--views", type=int, default=10, help="protocol views per page (default: %(default)s)")
    parser.add_argument("--changes", type=int, default=6, help="filter changes per page (default: %(default)s)")
    parser.add_argument("--browser-views", type=int, default=3,
                        help="Chromium views per page (0: none; default: %(default)s)")
    parser.add_argument("--concurrency", type=int, default=8, help="viewers at once in the throughput runs")
    parser.add_argument("--seconds", type=float, default=20, help="seconds per throughput run")
    parser.add_argument("--throughput-scales", default="10000,1000000",
                        help="scales with throughput runs (empty: none; default: %(default)s)")
    parser.add_argument("--pin", action="store_true", help="pin app process i to core i in the throughput runs")
    parser.add_argument("--compare-env", action="append", default=[], metavar="NAME=VALUE",
                        help="also measure views and changes on a server with this in its environment (repeatable; "
                             f"default: {' '.join(DEFAULT_COMPARE_ENV)}; 'none': no comparison)")
    parser.add_argument("--report-only", action="store_true",
                        help="measure nothing: rewrite the Markdown section from the figures in --results-json")
    parser.add_argument("--results-md", type=Path, default=RESULTS_MD)
    parser.add_argument("--results-json", type=Path, default=RESULTS_JSON)
    args = parser.parse_args(argv)
    # Stopped with kill: unwind, so the servers, nginx and the browser this run started are stopped too.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    args.pages = [p for p in args.pages.split(",") if p]
    compare = args.compare_env or list(DEFAULT_COMPARE_ENV)
    args.compare_env = {} if compare == ["none"] else dict(item.split("=", 1) for item in compare)
    unknown = set(args.pages) - set(PAGE_NAMES)
    if unknown:
        parser.error(f"unknown pages {sorted(unknown)}; known: {', '.join(PAGE_NAMES)}")
    args.data_dir = args.data_dir.resolve()
    (args.data_dir / "runs").mkdir(parents=True, exist_ok=True)
    throughput_scales = {int(s.replace(".", "")) for s in args.throughput_scales.split(",") if s}

    previous = read_json("capacity", args.results_json) or {}
    if args.report_only:
        write_results("capacity", previous, markdown(previous), args.results_md, args.results_json)
        progress(f"rewrote {args.results_md} from {args.results_json}")
        return 0
    scales = dict(previous.get("scales", {}))  # scales not measured now are kept, with their own date
    for projects in (int(s.replace(".", "").replace("_", "")) for s in args.scales.split(",") if s):
        db, _ = ensure_database(projects, args.data_dir, args.seed, args.rebuild)
        label = scale_label(projects)
        load = [os.getloadavg()[0]]
        measured_at = datetime.now().isoformat(timespec="seconds")
        progress(f"[{label}] {db.name}: {database_counts(db)}")
        views = measure_views(db, label, args)
        load.append(os.getloadavg()[0])
        compared = None
        if args.compare_env:
            compared = measure_views(db, label, args, env=args.compare_env, chromium=False)
            load.append(os.getloadavg()[0])
        throughput = []
        if projects in throughput_scales:
            for processes in (1, 2):
                throughput.append(measure_throughput(db, label, processes, args))
                load.append(os.getloadavg()[0])
        commit = git_commit()
        scales[str(projects)] = {**summarise(projects, views, throughput, compared), "measured_at": measured_at,
                                 "load_average": [round(v, 2) for v in load], "commit": commit,
                                 "before": before_of(scales.get(str(projects)), commit)}
        write_figures(scales, args, argv)  # after each scale: an interrupted run keeps what it measured
    return 0


def write_figures(scales: dict, args, argv: list[str] | None) -> None:
    scales = dict(sorted(scales.items(), key=lambda item: int(item[0])))
    command = [".venv/bin/python", "bench/bench_capacity.py", *(sys.argv[1:] if argv is None else argv)]
    figures = {"command": shlex.join(command), "machine": machine(*VERSIONS), "views": args.views,
               "changes": args.changes, "browser_views": args.browser_views, "scales": scales}
    target_pages = scales.get(str(TARGET_SCALE), {}).get("pages", {})
    figures["targets"] = {
        "views_per_core_s_at_1m": {name: page["target_met"] for name, page in target_pages.items()},
        "speedup_2_processes": {p: s.get("speedup_target_met") for p, s in scales.items()}}
    write_results("capacity", figures, markdown(figures), args.results_md, args.results_json)
    progress(f"wrote {args.results_md} and {args.results_json}")


if __name__ == "__main__":
    sys.exit(main())
