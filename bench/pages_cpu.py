"""CPU per filter change, the dashboard against its floor: a measure that a busy machine does not move much.

bench_pages.py times reruns by the wall clock, which on a shared machine grows with everyone else's load. Here each
page runs as in bench/page_runs.py (AppTest through dashboard.py, cold, then filter changes), and what is counted
is the CPU time of this process during each change run (script thread, DuckDB's threads, everything); the floor
is the CPU time of replaying exactly that run's queries (SQL and parameters) on a read-only DuckDB connection of
the same file, fetched into DataFrames, best of 3. Medians over the changes; the ratio is the dashboard's CPU per
change over the floor's.

    .venv/bin/python bench/pages_cpu.py bench/data/national-10m.duckdb [--changes 5] [--pages overview,trends]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def replay_cpu(con, sql: dict[str, str], calls: list[dict]) -> float:
    started = time.process_time()
    for call in calls:
        cursor = con.cursor()
        cursor.execute(sql[call["sql"]], call["params"] or []).df()
        cursor.close()
    return time.process_time() - started


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("db", type=Path)
    parser.add_argument("--changes", type=int, default=5)
    parser.add_argument("--pages", default="")
    parser.add_argument("--out", type=Path)
    args = parser.parse_args(argv)
    db = args.db.resolve()
    os.environ["KC_DB_PATH"] = str(db)
    import streamlit as st

    from bench.bench_pages import filter_changes
    from bench.floor import connect_floor
    from bench.page_runs import PAGES, QueryRecorder, new_session, run_timed, set_filters

    pages = [p for p in args.pages.split(",") if p] or list(PAGES)
    recorder = QueryRecorder()
    recorder.install()
    changes = filter_changes(db, args.changes)
    run_timed(new_session(None, 300), 300)  # imports and opening the database, untimed
    con = connect_floor(str(db))
    load = [os.getloadavg()[0]]
    result = {}
    for name in pages:
        st.cache_data.clear()
        recorder.take()
        app = new_session(PAGES[name], 300)
        errors = [error for error in [run_timed(app, 300)[1]] if error]
        cold = recorder.take()
        replay_cpu(con, recorder.sql, cold)  # the floor's buffers as warm as the dashboard's
        app_cpu, floor_cpu, wall = [], [], []
        for change in changes:
            set_filters(app, change)
            started, cpu = time.perf_counter(), time.process_time()
            error = run_timed(app, 300)[1]
            errors += [error] if error else []
            app_cpu.append(time.process_time() - cpu)
            wall.append(time.perf_counter() - started)
            calls = recorder.take()
            floor_cpu.append(min(replay_cpu(con, recorder.sql, calls) for _ in range(3)))
        figures = {"app_cpu_s": statistics.median(app_cpu), "floor_cpu_s": statistics.median(floor_cpu),
                   "wall_s": statistics.median(wall), "errors": errors}
        figures["ratio"] = figures["app_cpu_s"] / figures["floor_cpu_s"] if figures["floor_cpu_s"] else None
        result[name] = figures
        print(f"{name:12s} CPU per change {figures['app_cpu_s'] * 1000:6.0f} ms, "
              f"floor {figures['floor_cpu_s'] * 1000:5.0f} ms, ratio {figures['ratio']:.2f}, "
              f"wall {figures['wall_s'] * 1000:.0f} ms", flush=True)
    load.append(os.getloadavg()[0])
    print(f"load average (1 min) {load[0]:.1f} -> {load[1]:.1f}")
    if args.out:
        args.out.write_text(json.dumps({"db": str(db), "pages": result, "load_average": load}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
