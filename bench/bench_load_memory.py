"""The Import page's load, memory: a wide-header workbook (96 money columns under three header rows: plan and
executed, 24 years, two sources; 150.000 projects, one amount each) against a 2-column control of the same rows,
each loaded as the page loads it (etl/check_worker.load_in_worker), and, for reference, in the calling process as
the page did before issue 28. Reported: the worker's peak resident memory, the calling process's (the app process's
stand-in) before and after, and the in-process peak. Target (issue 28): the wide load's peak ≤ 2× the control's,
the app process unchanged. Figures go to bench/results.json under "load_memory" and that section of
bench/results.md.

    .venv/bin/python bench/bench_load_memory.py [--rows 150000]
"""

import argparse
import io
import os
import platform
import shutil
import subprocess
import sys
import tempfile
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.results import write_results  # noqa: E402

SOURCES = ("KCQG", "KCĐP")
FIGURES = ("Kế hoạch", "Thực hiện")
YEARS = tuple(range(2002, 2026))
TITLE = [["UBND TỈNH HÀ TĨNH"], ["DANH MỤC ĐỀ ÁN KHUYẾN CÔNG NĂM 2019"], ["Đơn vị tính: triệu đồng"]]


def wide_workbook(rows: int) -> bytes:
    """Projects of one title year under 96 money columns (figure, then year, then source: merged header rows)."""
    import openpyxl
    from openpyxl.utils import get_column_letter as letter

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Danh muc"
    columns = [(figure, year, source) for figure in FIGURES for year in YEARS for source in SOURCES]
    for row in TITLE:
        sheet.append(row)
    header = len(TITLE) + 1
    for level in range(3):
        sheet.append(["STT", "Tên đề án"] if level == 0 else [None, None] + [])
        for index, column in enumerate(columns):
            sheet.cell(header + level, 3 + index, column[level])
    per_figure = len(YEARS) * len(SOURCES)
    for k in range(len(FIGURES)):
        sheet.merge_cells(f"{letter(3 + k * per_figure)}{header}:{letter(2 + (k + 1) * per_figure)}{header}")
    for j in range(len(FIGURES) * len(YEARS)):
        first = 3 + j * len(SOURCES)
        sheet.merge_cells(f"{letter(first)}{header + 1}:{letter(first + len(SOURCES) - 1)}{header + 1}")
    sheet.merge_cells(f"A{header}:A{header + 2}")
    sheet.merge_cells(f"B{header}:B{header + 2}")
    for i in range(rows):
        sheet.append([i + 1, f"Đề án số {i + 1}"] + [None] * (i % len(columns)) + [100 + i % 50])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def control_workbook(rows: int) -> bytes:
    """The same projects under two money columns, Kế hoạch | Thực hiện, one header row."""
    import openpyxl

    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("Danh muc")
    for row in [*TITLE, ["STT", "Tên đề án", *FIGURES]]:
        sheet.append(row)
    for i in range(rows):
        sheet.append([i + 1, f"Đề án số {i + 1}"] + [None] * (i % 2) + [100 + i % 50])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


MEASURE = """import json, sys, resource
from pathlib import Path
def rss():
    return int(next(l for l in open("/proc/self/status") if l.startswith("VmRSS:")).split()[1]) * 1024
def hwm():
    return int(next(l for l in open("/proc/self/status") if l.startswith("VmHWM:")).split()[1]) * 1024
mode, db, name, path = sys.argv[1:5]
data = Path(path).read_bytes()
import etl.importer, etl.check_worker  # what the app process has imported before a load
before = rss()
peak = []
if mode == "worker":
    from etl.check_worker import load_in_worker
    reports = load_in_worker(Path(db), [(name, data)], peak=peak)
else:
    from etl.importer import load_files
    reports = load_files(Path(db), [(name, data)])
print(json.dumps({"errors": sum(len(r.errors) for r in reports), "rows": sum(sum(r.added.values()) for r in reports),
                  "first_error": next((p.reason_en for r in reports for p in r.errors), None),
                  "worker_peak": peak[0] if peak else None, "caller_before": before, "caller_after": rss(),
                  "caller_peak": hwm()}))
"""


def measured(mode: str, db: Path, name: str, path: Path, work: Path) -> dict:
    copy = work / mode / "kc.duckdb"
    shutil.rmtree(copy.parent, ignore_errors=True)
    copy.parent.mkdir(parents=True)
    shutil.copyfile(db, copy)
    env = {**os.environ, "PYTHONPATH": str(ROOT), "MALLOC_ARENA_MAX": "2"}
    done = subprocess.run([sys.executable, "-c", MEASURE, mode, str(copy), name, str(path)], cwd=ROOT, env=env,
                          capture_output=True, text=True, check=True)
    import json

    return json.loads(done.stdout.strip().splitlines()[-1])


def vn(value: float, decimals: int = 0) -> str:
    """Vietnamese number: 1.234,5."""
    return f"{value:,.{decimals}f}".replace(",", "_").replace(".", ",").replace("_", ".")


def mb(value) -> str:
    return "—" if value is None else vn(value / 2**20)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=150_000)
    args = parser.parse_args()
    from etl.build import build_database

    work = Path(tempfile.mkdtemp(prefix="kc-bench-load-memory-"))
    try:
        db = work / "data" / "kc.duckdb"
        build_database(db, with_demo=True, progress=lambda _m: None)
        files = {"wide.xlsx": wide_workbook(args.rows), "control.xlsx": control_workbook(args.rows)}
        results = {}
        for name, data in files.items():
            path = work / name
            path.write_bytes(data)
            results[name] = {"mb": round(len(data) / 2**20, 2)}
            for mode in ("worker", "in_process"):
                results[name][mode] = measured(mode, db, name, path, work)
                print(name, mode, results[name][mode], flush=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)

    wide, control = results["wide.xlsx"], results["control.xlsx"]
    loaded = all(r[mode]["rows"] == args.rows for r in results.values() for mode in ("worker", "in_process"))
    ratio = wide["worker"]["worker_peak"] / control["worker"]["worker_peak"] if loaded else None
    growth = {name: r["worker"]["caller_after"] - r["worker"]["caller_before"] for name, r in results.items()}
    figures = {"measured_at": datetime.now().isoformat(timespec="seconds"), "machine": platform.platform(),
               "load_average": os.getloadavg()[0], "rows": args.rows, "files": results,
               "wide_to_control_worker_peak": round(ratio, 2) if ratio else None, "app_growth_bytes": growth}
    lines = [f"Measured {figures['measured_at']} (`.venv/bin/python bench/bench_load_memory.py --rows {args.rows}`, "
             f"load average {vn(figures['load_average'], 1)}); each load in a fresh process on a copy of the demo "
             "database, the worker as the Import page starts it.",
             "",
             "| file | size (MB) | rows loaded (worker / in process) | worker peak (MB) | app process before → after "
             "(MB) | before issue 28: load in the app process, its peak (MB) |",
             "|---|--:|--:|--:|--:|--:|"]
    for name, r in results.items():
        w, p = r["worker"], r["in_process"]
        lines.append(f"| {name} | {vn(r['mb'], 2)} | {vn(w['rows'])} / {vn(p['rows'])} | {mb(w['worker_peak'])} | "
                     f"{mb(w['caller_before'])} → {mb(w['caller_after'])} | {mb(p['caller_peak'])} |")
    if ratio is None:
        refusals = sorted({r[m]["first_error"] for r in results.values() for m in ("worker", "in_process")
                           if r[m]["first_error"]})
        lines += ["", "Not every load went through, so no ratio: " + "; ".join(refusals) + " (the reader's own "
                  "clock; the worker runs at nice 10, so a busy machine slows it most)."]
    else:
        lines += ["", f"Wide load's peak against the control's, in the worker: **{vn(ratio, 2)}×** (target ≤ 2×: "
                  f"{'met' if ratio <= 2 else 'not met'})."]
    write_results("load_memory", figures, lines)
    print("\n".join(lines))


if __name__ == "__main__":
    main()
