"""Import speed of a workbook in a report's own layout beside the same projects in the template's shape.

The report workbook: title rows (province, year, decision, "Đơn vị tính: đồng"), a two-row merged header
("Kinh phí" over Tổng | Kinh phí khuyến công | Vốn đối ứng), sections I/II (funding source) and A/B/C… (activity,
a new one every 500 projects), amounts as Vietnamese text in whole đồng, a "Cộng" row after every section and a
grand total. The template workbook: the same projects, one row each, in the DeAn sheet's columns. Both run through
check_files and load_files on copies of one freshly built database (no illustrative data). Figures go to
bench/results.json under "import_report" and to that section of bench/results.md.

    .venv/bin/python bench/bench_report_layout.py [--rows 100000]
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

from bench.results import write_results  # noqa: E402
from etl.build import build_database  # noqa: E402
from etl.importer import check_files, load_files  # noqa: E402

ACTIVITIES = ["Đào tạo nghề, truyền nghề",
              "Mô hình trình diễn kỹ thuật, chuyển giao công nghệ, ứng dụng máy móc thiết bị",
              "Hội chợ, triển lãm", "Tư vấn, trợ giúp"]
STATUSES = ["Đã nghiệm thu", "Chuyển tiếp", "Đang thực hiện"]
LETTERS = "ABCDEFGH"  # V and X would read as Roman numerals, as in a report they do
SECTION_SIZE = 500


def _dong(amount: int) -> str:
    return f"{amount:,}".replace(",", ".")


def projects(count: int) -> list[tuple]:
    """(funding section, activity, name, implementer, kc in đồng, counterpart in đồng, status)."""
    rows = []
    for i in range(count):
        kc, counterpart = (100 + i % 900) * 1_000_000, (i % 7) * 50_000_000
        rows.append(("I" if i < count // 2 else "II", ACTIVITIES[(i // SECTION_SIZE) % len(ACTIVITIES)],
                     f"Đề án số {i + 1}", f"Cơ sở {i % 300}", kc, counterpart, STATUSES[i % len(STATUSES)]))
    return rows


def _book(write) -> bytes:
    import xlsxwriter

    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"constant_memory": True, "in_memory": True, "strings_to_formulas": False})
    write(book.add_worksheet("Danh muc"))
    book.close()
    return buffer.getvalue()


def report_xlsx(rows: list[tuple]) -> bytes:
    def write(sheet):
        at = 0

        def put(cells):
            nonlocal at
            sheet.write_row(at, 0, cells)
            at += 1
        put(["UBND TỈNH HÀ TĨNH", None, None, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"])
        put(["SỞ CÔNG THƯƠNG", None, None, "Độc lập - Tự do - Hạnh phúc"])
        put(["DANH MỤC ĐỀ ÁN KHUYẾN CÔNG NĂM 2019"])
        put(["(Kèm theo Quyết định số 123/QĐ-UBND ngày 15/01/2019 của UBND tỉnh Hà Tĩnh)"])
        put([None, None, None, None, None, None, "Đơn vị tính: đồng"])
        sheet.merge_range(at, 3, at, 5, "Kinh phí")
        put(["STT", "Tên đề án", "Đơn vị thực hiện", "Kinh phí", None, None, "Trạng thái"])
        put([None, None, None, "Tổng", "Kinh phí khuyến công", "Vốn đối ứng", None])
        funding, activity, letter, sums = None, None, 0, [0, 0]
        grand = [0, 0]
        for number, (section, act, name, implementer, kc, counterpart, status) in enumerate(rows, start=1):
            if section != funding:
                if funding:
                    put([f"Cộng {funding}", None, None, _dong(sum(sums)), _dong(sums[0]), _dong(sums[1])])
                funding, activity, letter, sums = section, None, 0, [0, 0]
                put([section, "KHUYẾN CÔNG QUỐC GIA" if section == "I" else "KHUYẾN CÔNG ĐỊA PHƯƠNG"])
            if act != activity or (number - 1) % SECTION_SIZE == 0:
                activity = act
                put([LETTERS[letter % len(LETTERS)], act])
                letter += 1
            put([number, name, implementer, _dong(kc + counterpart), _dong(kc), _dong(counterpart) if counterpart
                 else None, status])
            sums[0] += kc
            sums[1] += counterpart
            grand[0] += kc
            grand[1] += counterpart
        put([f"Cộng {funding}", None, None, _dong(sum(sums)), _dong(sums[0]), _dong(sums[1])])
        put(["Tổng cộng (I + II)", None, None, _dong(sum(grand)), _dong(grand[0]), _dong(grand[1])])
    return _book(write)


def template_xlsx(rows: list[tuple]) -> bytes:
    def write(sheet):
        sheet.write_row(0, 0, ["STT", "Tỉnh/Thành phố", "Năm", "Tên đề án", "Đơn vị thực hiện", "Nội dung khuyến công",
                               "Nguồn kinh phí", "Kinh phí kế hoạch", "Vốn đối ứng", "Trạng thái"])
        for i, (section, act, name, implementer, kc, counterpart, status) in enumerate(rows, start=1):
            sheet.write_row(i, 0, [i, "Hà Tĩnh", 2019, name, implementer, act,
                                   "Trung ương" if section == "I" else "Địa phương", _dong(kc // 1_000_000),
                                   _dong(counterpart // 1_000_000) if counterpart else None, status])
    return _book(write)


def measure(db: Path, name: str, data: bytes, rows: int) -> dict:
    started = time.perf_counter()
    report = check_files(db, [(name, data)])[0]
    checked = time.perf_counter() - started
    assert report.ok and not report.warnings, [p.format() for p in report.problems[:5]]
    started = time.perf_counter()
    report = load_files(db, [(name, data)])[0]
    loaded = time.perf_counter() - started
    assert report.ok and report.added["project"] == rows, report.summary()
    return {"rows": rows, "bytes": len(data), "check_s": round(checked, 2), "load_s": round(loaded, 2),
            "check_rows_per_s": round(rows / checked), "load_rows_per_s": round(rows / loaded)}


def write_report_results(figures: dict) -> None:
    rows = figures["rows"]
    shown = f"{rows // 1000}.000" if rows % 1000 == 0 else str(rows)
    lines = ["## Import of a report-layout workbook beside the template (bench/bench_report_layout.py)", "",
             f"Measured {figures['measured_at']} on {figures['machine']} (load average {figures['load_average']}); "
             f"{shown} projects, the same ones in both files.", "",
             "| layout | size | check (s) | check rows/s | load (s) | load rows/s |", "|---|---:|---:|---:|---:|---:|"]
    for kind, label in (("template", "template (DeAn columns, triệu đồng)"),
                        ("report", "report (title rows, merged header, sections, totals, text in đồng)")):
        f = figures[kind]
        check, load = (f"{f[k]:,}".replace(",", ".") for k in ("check_rows_per_s", "load_rows_per_s"))
        lines.append(f"| {label} | {f['bytes'] / 2**20:.1f} MB | {f['check_s']} | {check} | {f['load_s']} | {load} |")
    ratio = figures["template"]["check_rows_per_s"] / figures["report"]["check_rows_per_s"]
    lines += ["", f"Per row, checking the report layout takes {ratio:.2f}× the template's time (the issue's bound: "
              "at most 2×). check = read + validate + compare with the database; load = the same + write + swap."]
    write_results("import_report", figures, lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    args = parser.parse_args()
    rows = projects(args.rows)
    figures = {"rows": args.rows, "measured_at": datetime.now().isoformat(timespec="seconds"),
               "load_average": round(os.getloadavg()[0], 1),
               "machine": f"{platform.machine()}, Python {platform.python_version()}"}
    with tempfile.TemporaryDirectory() as folder:
        base = build_database(Path(folder) / "base" / "kc.duckdb", with_demo=False, progress=lambda _m: None)
        for kind, make in (("template", template_xlsx), ("report", report_xlsx)):
            data = make(rows)
            db = Path(folder) / kind / "kc.duckdb"
            db.parent.mkdir()
            shutil.copyfile(base, db)
            figures[kind] = measure(db, f"bench-{kind}.xlsx", data, args.rows)
            print(kind, figures[kind], flush=True)
    write_report_results(figures)
    return 0


if __name__ == "__main__":
    sys.exit(main())
