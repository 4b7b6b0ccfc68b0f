"""Hostile files: how long `python -m etl load` takes to refuse each one and its peak memory, and how a viewer's page
time changes while the Import page checks the slowest of them (in a worker process, as the page does, and, for
reference, in the server's own process, as it did before issue 17).

The files are the tests' own (tests/test_hostile_uploads.py, tests/test_hostile_probe.py): zip bombs of 2 GB (one
declaring it, one lying), a million formatted empty rows, a formula in every cell, ten sheets on one deflated
part, a DTD in the workbook part, 20 MB of commas as a CSV. Targets (issue 17): every file refused in under 10 s
and 300 MB; viewers' page time during a check no worse than 1,5× without it. Figures go to bench/results.json
under "hostile" and to that section of bench/results.md.

    .venv/bin/python bench/bench_hostile.py [--views 8]
"""

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))
os.environ.setdefault("STREAMLIT_LOGGER_LEVEL", "error")  # AppTest in bare mode warns on every call

from bench.results import write_results  # noqa: E402
from etl.build import build_database  # noqa: E402

MEASURED_MAIN = """import sys
from etl.__main__ import main
code = main(sys.argv[2:])
peak = next(line for line in open("/proc/self/status") if line.startswith("VmHWM:"))
open(sys.argv[1], "w").write(peak.split()[1])
sys.exit(code)
"""
TARGET_SECONDS, TARGET_MB, TARGET_RATIO = 10, 300, 1.5


def hostile_files() -> dict[str, bytes]:
    """The tests' hostile files, by the name a user would have given them."""
    import test_hostile_probe as probe
    import test_hostile_uploads as uploads

    shared = uploads.xlsx([uploads.SHEET_HEAD + uploads.table_rows()]
                          + [uploads.row(r, ["x"] * 5) for r in range(4, 40_000)] + [uploads.SHEET_TAIL],
                          probe.sheets_workbook(["worksheets/sheet1.xml"] * 10))
    return {
        "bom-zip.xlsx": uploads.zip_bomb(lie=False),
        "bom-zip-khai-gian.xlsx": uploads.zip_bomb(lie=True),
        "mot-trieu-dong-trong.xlsx": uploads.empty_formatted_rows(styled_cells=True),
        "cong-thuc-moi-o.xlsx": uploads.formula_in_every_cell(),
        "muoi-sheet-mot-phan.xlsx": shared,
        "dtd-trong-workbook.xlsx": uploads.xlsx(
            [uploads.SHEET_HEAD + uploads.table_rows() + uploads.SHEET_TAIL],
            {"xl/workbook.xml": probe.with_dtd(uploads.parts()["xl/workbook.xml"])}),
        "20-mb-dau-phay.csv": b"," * (20 * 2**20 - 1024),
    }


def measured_load(path: Path, db: Path, peak_file: Path) -> dict:
    started = time.monotonic()
    result = subprocess.run([sys.executable, "-c", MEASURED_MAIN, str(peak_file), "load", str(path), "--db", str(db)],
                            cwd=ROOT, capture_output=True, text=True, timeout=600)
    seconds = time.monotonic() - started
    reason = next((line.strip() for line in (result.stdout + result.stderr).splitlines() if " / " in line), "")
    return {"exit": result.returncode, "seconds": round(seconds, 2),
            "peak_mb": round(int(peak_file.read_text()) / 1024), "message": reason[:160]}


def page_seconds(db: Path, views: int) -> list[float]:
    """Seconds of `views` runs of the Trends page with AppTest, each with a new year filter (no cached result)."""
    from streamlit.testing.v1 import AppTest

    os.environ["KC_DB_PATH"] = str(db)
    times = []
    for i in range(views):
        app = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=120)
        app.query_params["years"] = f"{2002 + i % 10}-2018"
        app.run()
        started = time.perf_counter()
        app.switch_page("pages/trends.py").run()
        times.append(time.perf_counter() - started)
    return times


def during(check, db: Path, views: int) -> list[float]:
    """Page times while `check` runs over and over in a thread of this process (as a server's session would)."""
    stop = threading.Event()

    def keep_checking():
        while not stop.is_set():
            check()

    worker = threading.Thread(target=keep_checking, daemon=True)
    worker.start()
    time.sleep(1)  # the check is under way before the first view
    try:
        return page_seconds(db, views)
    finally:
        stop.set()
        worker.join()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--views", type=int, default=8)
    args = parser.parse_args()
    from etl.check_worker import check_in_worker
    from etl.importer import check_files

    work = Path(tempfile.mkdtemp(prefix="kc-bench-hostile-"))
    try:
        db = work / "data" / "kc.duckdb"
        build_database(db, with_demo=True, progress=lambda _m: None)
        files = hostile_files()
        refusals = {}
        for name, data in files.items():
            path = work / name
            path.write_bytes(data)
            copy = work / "copy" / "kc.duckdb"
            copy.parent.mkdir(exist_ok=True)
            shutil.copyfile(db, copy)
            refusals[name] = {"mb": round(len(data) / 2**20, 2), **measured_load(path, copy, work / "peak.txt")}
            print(name, refusals[name], flush=True)
        worst = max(refusals, key=lambda n: refusals[n]["seconds"])
        hostile = [(worst, files[worst])]
        page_seconds(db, 2)  # imports and the first connection, not counted
        alone = page_seconds(db, args.views)
        in_worker = during(lambda: check_in_worker(db, hostile), db, args.views)
        in_process = during(lambda: check_files(db, hostile), db, args.views)
    finally:
        shutil.rmtree(work, ignore_errors=True)

    median = {k: statistics.median(v) for k, v in (("alone", alone), ("worker", in_worker),
                                                   ("in_process", in_process))}
    ratio = {k: median[k] / median["alone"] for k in ("worker", "in_process")}
    figures = {"measured_at": datetime.now().isoformat(timespec="seconds"), "machine": platform.platform(),
               "cpus": os.cpu_count(), "refusals": refusals, "worst": worst,
               "page_seconds": {k: [round(s, 3) for s in v] for k, v in (("alone", alone), ("worker", in_worker),
                                                                          ("in_process", in_process))},
               "page_median_ratio": {k: round(v, 2) for k, v in ratio.items()}}
    mark = lambda ok: "met" if ok else "not met"  # noqa: E731
    lines = [f"Measured {figures['measured_at']} on {os.cpu_count()} CPUs "
             f"(`.venv/bin/python bench/bench_hostile.py --views {args.views}`).", "",
             "| hostile file | size (MB) | exit | seconds | peak (MB) | target (< 10 s, < 300 MB) | message |",
             "|---|---:|---:|---:|---:|---|---|"]
    for name, r in refusals.items():
        ok = r["seconds"] < TARGET_SECONDS and r["peak_mb"] < TARGET_MB
        lines.append(f"| `{name}` | {r['mb']} | {r['exit']} | {r['seconds']} | {r['peak_mb']} | {mark(ok)} | "
                     f"{r['message'].replace('|', '/')} |")
    lines += ["", f"Trends page, {args.views} views with a new year filter each, while `{worst}` is checked over and "
                  "over (median seconds; target: no worse than 1,5× alone):", "",
              "| viewers' page | median (s) | × alone | target |", "|---|---:|---:|---|",
              f"| alone | {median['alone']:.2f} | 1.00 | |",
              f"| during a check in a worker process (the Import page) | {median['worker']:.2f} | "
              f"{ratio['worker']:.2f} | {mark(ratio['worker'] <= TARGET_RATIO)} |",
              f"| during a check in the server's process (before issue 17, for reference) | "
              f"{median['in_process']:.2f} | {ratio['in_process']:.2f} | |"]
    write_results("hostile", figures, lines)
    print("\n".join(lines))


if __name__ == "__main__":
    main()
