"""Per-page speed at national scale: each page cold, after filter changes and warm, against the floor (the same
queries run directly on DuckDB) and a pandas peer (SQLite for reference), with the dashboard's peak memory.

Each scale's database is bench/data/national-<label>.duckdb (made with `python -m etl national` when missing).
The dashboard, the floor, the pandas peer, the SQLite reference and the dashboard's own totals each run in their
own process. Figures go to bench/results.json under "pages" and to the pages section of bench/results.md.

    .venv/bin/python bench/bench_pages.py --scales 10000,1000000,10000000 --data-dir bench/data
"""

from __future__ import annotations

import argparse
import json
import os
import shlex
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path

import duckdb

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.page_runs import PAGES  # noqa: E402
from bench.pages_report import markdown, scale_label, summarise_scale, targets  # noqa: E402
from bench.results import RESULTS_JSON, RESULTS_MD, machine, read_json, write_results  # noqa: E402

BENCH = ROOT / "bench"
VERSIONS = ("streamlit", "duckdb", "pandas", "numpy", "pyarrow", "plotly")
AREA_COUNTS = (1, 1, 2, 5, 1, 3, 1, 2)  # areas picked in successive filter changes: one province, a few, a region


def ensure_database(projects: int, data_dir: Path, seed: int | None, rebuild: bool) -> tuple[Path, float | None]:
    """The national database of this size, made with `python -m etl national` if missing (or if asked to, after the
    ETL or schema changed); seconds spent making it."""
    path = data_dir / f"national-{scale_label(projects).lower()}.duckdb"
    if path.exists() and not rebuild:
        return path, None
    data_dir.mkdir(parents=True, exist_ok=True)
    command = [sys.executable, "-m", "etl", "national", "--projects", str(projects), "--db", str(path)]
    command += ["--seed", str(seed)] if seed is not None else []
    print("$ " + shlex.join(command), flush=True)
    started = time.perf_counter()
    subprocess.run(command, cwd=ROOT, check=True)
    return path, time.perf_counter() - started


def describe_database(db: Path) -> dict:
    con = duckdb.connect(str(db), read_only=True)
    rows = {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("project", "outcome", "allocation")}
    con.close()
    return {"file": str(db), "size_mb": round(db.stat().st_size / 2**20, 1), "rows": rows}


def filter_changes(db: Path, count: int) -> list[dict]:
    """`count` sidebar selections (areas, years), each different from the default view and from one another."""
    con = duckdb.connect(str(db), read_only=True)
    counted = con.execute("SELECT area_id, count(*) FROM project JOIN area USING (area_id) "
                          "WHERE level = 'province' GROUP BY area_id ORDER BY area_id").fetchall()
    first, last = con.execute("SELECT min(y), max(y) FROM (SELECT year_from AS y FROM allocation "
                              "UNION ALL SELECT year_to FROM allocation UNION ALL SELECT year FROM project "
                              "UNION ALL SELECT year FROM outcome)").fetchone()
    con.close()
    most = max(n for _, n in counted)
    # Provinces with a typical number of projects (not a unit that exists only from July 2025).
    provinces = [area for area, n in counted if n >= most / 2]
    spans = [(last - 10, last), (first + 4, first + 14), (last - 15, last - 5), (first + 9, last - 3),
             (first, last - 1), (first + 2, last - 8), (first + 6, last - 6), (first + 1, last - 2)]
    spans += [(first + i, last - i - 1) for i in range(3, count + 3)]
    seen, changes, cursor = {(first, last)}, [], 0
    for start, end in spans:
        start, end = max(first, start), min(last, end)
        if start > end or (start, end) in seen:
            continue
        seen.add((start, end))
        size = AREA_COUNTS[len(changes) % len(AREA_COUNTS)]
        areas = [provinces[(cursor + 7 * i) % len(provinces)] for i in range(min(size, len(provinces)))]
        cursor += 5 * size + 3
        changes.append({"areas": list(dict.fromkeys(areas)), "years": [start, end]})
        if len(changes) == count:
            return changes
    raise ValueError(f"the database spans too few years for {count} different filter changes")


def run_step(script: str, args: list[str], log: Path) -> None:
    """Run one measurement process; its progress goes to the console, its warnings to the log."""
    command = [sys.executable, str(BENCH / script), *args]
    with open(log, "a", encoding="utf-8") as errors:
        done = subprocess.run(command, cwd=ROOT, stderr=errors)
    if done.returncode:
        tail = "\n".join(log.read_text(encoding="utf-8", errors="replace").splitlines()[-30:])
        raise RuntimeError(f"{script} failed ({done.returncode}):\n{tail}")


def measure_scale(projects: int | None, db: Path, args, build_s: float | None) -> dict:
    label = scale_label(projects) if projects else db.stem
    work = args.data_dir / "runs" / label
    work.mkdir(parents=True, exist_ok=True)
    plan = {"db": str(db), "pages": args.pages, "changes": filter_changes(db, args.changes),
            "warm_runs": args.warm, "timeout": args.timeout}
    (work / "plan.json").write_text(json.dumps(plan, ensure_ascii=False, indent=1), encoding="utf-8")
    log = work / "stderr.log"
    log.write_text("", encoding="utf-8")
    measured_at = datetime.now().isoformat(timespec="seconds")
    steps = {
        "dashboard": ("page_runs.py", [str(work / "plan.json"), str(work / "dashboard.json")]),
        "floor": ("floor.py", [str(db), str(work / "dashboard.json"), str(work / "floor.json")]),
        "pandas": ("pandas_peer.py", [str(db), str(work / "plan.json"), str(work / "pandas.json")]),
        "app_totals": ("page_totals.py", [str(db), str(work / "plan.json"), str(work / "app_totals.json")]),
        "sqlite": ("sqlite_peer.py", [str(db), str(db.with_suffix(".sqlite")), str(work / "plan.json"),
                                      str(work / "sqlite.json")]),
    }
    raw, load = {}, [os.getloadavg()[0]]
    for name, (script, step_args) in steps.items():
        print(f"[{label}] {name}", flush=True)
        run_step(script, step_args, log)
        raw[name] = json.loads(Path(step_args[-1]).read_text(encoding="utf-8"))
        load.append(os.getloadavg()[0])
    figures = summarise_scale(projects or raw["pandas"]["rows"]["project"], describe_database(db), plan, raw,
                              measured_at, build_s)
    # Other work on the machine slows every figure: the 1-minute load average before and after each step says how much.
    return {**figures, "cpu_cores": os.cpu_count(), "load_average": [round(value, 1) for value in load]}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scales", default="10000,1000000,10000000",
                        help="numbers of projects, comma-separated (default: %(default)s)")
    parser.add_argument("--data-dir", type=Path, default=BENCH / "data")
    parser.add_argument("--db", type=Path, help="measure this existing database instead of --scales")
    parser.add_argument("--seed", type=int, help="seed for `python -m etl national` when a database is made")
    parser.add_argument("--rebuild", action="store_true",
                        help="remake the databases with the current ETL even if they exist (after a schema change)")
    parser.add_argument("--changes", type=int, default=5, help="filter changes per page (default: %(default)s)")
    parser.add_argument("--warm", type=int, default=3, help="warm reruns per page (default: %(default)s)")
    parser.add_argument("--timeout", type=float, default=300, help="seconds allowed per page run")
    parser.add_argument("--pages", default=",".join(PAGES), help="pages to measure (default: all but import)")
    parser.add_argument("--results-md", type=Path, default=RESULTS_MD)
    parser.add_argument("--results-json", type=Path, default=RESULTS_JSON)
    args = parser.parse_args(argv)
    args.pages = [p for p in args.pages.split(",") if p]
    unknown = set(args.pages) - set(PAGES)
    if unknown:
        parser.error(f"unknown pages {sorted(unknown)}; known: {', '.join(PAGES)}")
    args.data_dir = args.data_dir.resolve()

    previous = read_json("pages", args.results_json) or {}
    scales = dict(previous.get("scales", {}))  # scales not measured now are kept, with their own date
    if args.db:
        figures = measure_scale(None, args.db.resolve(), args, None)
        scales[str(figures["projects"])] = figures
    else:
        for projects in (int(s.replace(".", "").replace("_", "")) for s in args.scales.split(",") if s):
            db, build_s = ensure_database(projects, args.data_dir, args.seed, args.rebuild)
            scales[str(projects)] = measure_scale(projects, db, args, build_s)
    scales = dict(sorted(scales.items(), key=lambda item: int(item[0])))
    command = [".venv/bin/python", "bench/bench_pages.py", *(sys.argv[1:] if argv is None else argv)]
    figures = {"command": shlex.join(command), "machine": machine(*VERSIONS), "scales": scales}
    figures["targets"] = targets(scales)
    write_results("pages", figures, markdown(figures), args.results_md, args.results_json)
    print(f"wrote {args.results_md} and {args.results_json}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
