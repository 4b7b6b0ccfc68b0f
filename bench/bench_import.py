"""Import speed: rows per second for a generated 100.000-row workbook and CSV (allocation sheet).

Runs check_files (read + validate + diff) and load_files (the same plus the atomic swap) on a copy of a
freshly built database. Figures go to bench/results.json under "import" and to the import section of
bench/results.md; other sections are kept.

    .venv/bin/python bench/bench_import.py [--rows 100000]
"""

import argparse
import io
import os
import platform
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

from bench.results import write_results  # noqa: E402
from etl.build import build_database  # noqa: E402
from etl.importer import check_files, load_files  # noqa: E402


def make_xlsx(rows: list[list]) -> bytes:
    """Written with XlsxWriter in constant-memory mode (as a province's Excel would store it: numbers as text)."""
    import xlsxwriter

    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"constant_memory": True, "in_memory": True, "strings_to_formulas": False})
    sheet = book.add_worksheet("PhanBo")
    sheet.write_row(0, 0, ["BÁO CÁO KINH PHÍ KHUYẾN CÔNG"])
    sheet.write_row(1, 0, ["Đơn vị tính: triệu đồng"])
    sheet.write_row(2, 0, ["STT"] + corpus.BIG_HEAD)
    for index, row in enumerate(rows, start=1):
        sheet.write_row(index + 2, 0, [index] + row)
    book.close()
    return buffer.getvalue()


def measure(db: Path, name: str, data: bytes, rows: int) -> dict:
    started = time.perf_counter()
    report = check_files(db, [(name, data)])[0]
    checked = time.perf_counter() - started
    assert report.ok, [p.format() for p in report.errors[:5]]
    started = time.perf_counter()
    report = load_files(db, [(name, data)])[0]
    loaded = time.perf_counter() - started
    assert report.ok and report.added["allocation"] == rows
    return {"rows": rows, "bytes": len(data), "check_s": round(checked, 2), "load_s": round(loaded, 2),
            "check_rows_per_s": round(rows / checked), "load_rows_per_s": round(rows / loaded)}


def _read_with_etl(data: bytes) -> int:
    from etl.importing.reader import xlsx_sheets

    return sum(1 for sheet in xlsx_sheets(data) for _row in sheet.rows)


def _read_with_openpyxl(data: bytes) -> int:
    import openpyxl

    book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    try:
        return sum(1 for sheet in book.worksheets for _row in sheet.iter_rows(values_only=True))
    finally:
        book.close()


def _read_with_calamine(data: bytes) -> int:
    from python_calamine import CalamineWorkbook

    book = CalamineWorkbook.from_filelike(io.BytesIO(data))
    return sum(1 for name in book.sheet_names for _row in book.get_sheet_by_name(name).iter_rows())


READERS = {
    "etl reader (lxml events, bounded)": _read_with_etl,
    "openpyxl read-only, public API": _read_with_openpyxl,
    "python-calamine (if installed)": _read_with_calamine,
}


def measure_readers(data: bytes) -> dict:
    """Seconds to read every row of the workbook, reader alone (no validation); a reader not installed is left out.

    The importer keeps its own reader: calamine is faster, but it builds a sheet's whole dense range before the
    first row (a 2 KB file with cells A1 and XFD1048576 asks for 512 GB and aborts the process), gives no formula
    text and no element budget, so the bounds of tests/test_hostile_uploads.py could not hold.
    """
    seconds = {}
    for name, read in READERS.items():
        try:
            started = time.perf_counter()
            read(data)
            seconds[name] = round(time.perf_counter() - started, 2)
        except ImportError:
            continue
    return seconds


def write_import_results(figures: dict) -> None:
    lines = ["## Import (python -m etl load / Import page)", "",
             f"Measured {figures['measured_at']} on {figures['machine']} (load average {figures['load_average']}); "
             f"{str(figures['rows'] // 1000) + '.000' if figures['rows'] % 1000 == 0 else figures['rows']} "
             "allocation rows (Vietnamese text amounts).", "",
             "| file | size | generate (s) | check (s) | check rows/s | load (s) | load rows/s |",
             "|---|---:|---:|---:|---:|---:|---:|"]
    for kind in ("xlsx", "csv"):
        f = figures[kind]
        lines.append(f"| {kind} | {f['bytes'] / 2**20:.1f} MB | {f['generate_s']} | {f['check_s']} | "
                     f"{f['check_rows_per_s']:,} | {f['load_s']} | {f['load_rows_per_s']:,} |".replace(",", "."))
    lines += ["", "check = read + validate + compare with the database; load = the same + write + atomic swap."]
    if figures.get("readers"):
        lines += ["", "Reading the xlsx alone (every row, no validation):", "", "| reader | read (s) |", "|---|---:|"]
        lines += [f"| {name} | {seconds} |" for name, seconds in figures["readers"].items()]
    write_results("import", figures, lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    args = parser.parse_args()
    rows = corpus.big_allocation_rows(args.rows)
    # Other processes on a shared machine slow every figure: the load average says how much was going on.
    figures = {"rows": args.rows, "measured_at": datetime.now().isoformat(timespec="seconds"),
               "load_average": round(os.getloadavg()[0], 1),
               "machine": f"{platform.machine()}, Python {platform.python_version()}"}
    with tempfile.TemporaryDirectory() as folder:
        base = build_database(Path(folder) / "base" / "kc.duckdb", with_demo=True, progress=lambda _m: None)
        for kind in ("xlsx", "csv"):
            started = time.perf_counter()
            data = make_xlsx(rows) if kind == "xlsx" else corpus.csv_bytes([corpus.BIG_HEAD] + rows)
            generated = time.perf_counter() - started
            db = Path(folder) / kind / "kc.duckdb"
            db.parent.mkdir()
            shutil.copyfile(base, db)
            figures[kind] = {"generate_s": round(generated, 2), **measure(db, f"bench.{kind}", data, args.rows)}
            print(kind, figures[kind], flush=True)
            if kind == "xlsx":
                figures["readers"] = measure_readers(data)
                print("readers", figures["readers"], flush=True)
    write_import_results(figures)
    return 0


if __name__ == "__main__":
    sys.exit(main())
