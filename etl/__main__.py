"""python -m etl build | check | demo | load | national: build, test and enrich the khuyến công database."""

import argparse
import sys
from pathlib import Path

from etl import checks, demo
from etl.build import build_database, print_progress
from etl.paths import DEFAULT_DB
from etl.problems import LoadError


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m etl", description="Cơ sở dữ liệu khuyến công")
    commands = parser.add_subparsers(dest="command", required=True)
    build = commands.add_parser("build", help="dựng lại toàn bộ CSDL từ data/ / rebuild the database from data/")
    build.add_argument("--db", type=Path, default=DEFAULT_DB)
    build.add_argument("--no-demo", action="store_true",
                       help="không thêm dữ liệu minh họa / leave out illustrative data")
    build.add_argument("--seed", type=int, default=demo.DEFAULT_SEED)
    check = commands.add_parser("check", help="chạy kiểm tra dữ liệu / run the data tests")
    check.add_argument("--db", type=Path, default=DEFAULT_DB)
    add_demo = commands.add_parser("demo", help="thay dữ liệu minh họa trong CSDL / replace the illustrative data")
    add_demo.add_argument("--db", type=Path, default=DEFAULT_DB)
    add_demo.add_argument("--seed", type=int, default=demo.DEFAULT_SEED)
    load = commands.add_parser("load", help="nạp tệp .xlsx/.csv của địa phương / load province workbooks")
    load.add_argument("files", nargs="+", type=Path, metavar="FILE")
    load.add_argument("--db", type=Path, default=DEFAULT_DB)
    load.add_argument("--dry-run", action="store_true", help="chỉ kiểm tra, không ghi / check only, write nothing")
    national = commands.add_parser("national", help="CSDL minh họa toàn quốc để đo hiệu năng / national-scale "
                                     "illustrative database for benchmarks")
    national.add_argument("--projects", type=int, required=True)
    national.add_argument("--db", type=Path, required=True)
    national.add_argument("--seed", type=int, default=demo.DEFAULT_SEED)
    args = parser.parse_args(argv)
    if args.command == "load":
        return load_command(args.files, args.db, args.dry_run)

    try:
        if args.command == "build":
            build_database(args.db, with_demo=not args.no_demo, seed=args.seed)
            return 0
        if args.command == "national":
            from etl.national import build_national_database

            build_national_database(args.db, args.projects, args.seed)
            return 0
        if args.command == "demo":
            if not args.db.exists():
                print(f"Không có CSDL {args.db}: chạy 'python -m etl build' trước / build it first", file=sys.stderr)
                return 2
            counts = demo.replace_illustrative_data(args.db, seed=args.seed)
            print_progress(f"Đã thay dữ liệu minh họa / illustrative data replaced: {counts}")
            return 0
        if not args.db.exists():
            print(f"Không có CSDL {args.db} / database not found", file=sys.stderr)
            return 2
        return checks.run_checks(args.db)
    except LoadError as error:
        print(f"Lỗi dữ liệu, CSDL giữ nguyên / data errors, database unchanged ({len(error.problems)}):",
              file=sys.stderr)
        for problem in error.problems:
            print("  " + problem.format(), file=sys.stderr)
        return 1


def load_command(files: list[Path], db: Path, dry_run: bool) -> int:
    """Print one line per problem and a summary per file; 0 loaded (or valid), 1 data errors, 2 usage errors."""
    from etl.importer import MAX_FILE_BYTES, check_files, load_files, too_large_report

    if not db.is_file():
        print(f"Không có CSDL {db}: chạy 'python -m etl build' trước / database not found, build it first",
              file=sys.stderr)
        return 2
    contents, too_large = [], []
    for path in files:
        if not path.is_file():
            print(f"Không có tệp / file not found: {path}", file=sys.stderr)
            return 2
        if path.stat().st_size > MAX_FILE_BYTES:  # refused by its size, without reading it
            too_large.append(too_large_report(path.name, path.stat().st_size))
            continue
        contents.append((path.name, path.read_bytes()))
    run = check_files if dry_run or too_large else load_files  # one file too large: none is loaded
    reports = too_large + (run(db, contents, progress=print_progress) if contents else [])
    failed = any(r.errors for r in reports)
    for report in reports:
        for problem in report.problems:
            print(("LỖI/ERROR " if problem.severity == "error" else "CẢNH BÁO/WARNING ") + problem.format())
    for report in reports:
        print(report.summary())
    if failed:
        print("Có lỗi: không nạp tệp nào, CSDL giữ nguyên / errors: nothing loaded, database unchanged")
        return 1
    if dry_run:
        print("Chạy thử: hợp lệ, chưa ghi gì / dry run: valid, nothing written")
    elif all(r.already_loaded for r in reports):
        print("Không có gì thay đổi / nothing changed")
    else:
        print(f"Đã nạp vào / loaded into {db}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
