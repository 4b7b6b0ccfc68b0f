"""python -m etl build | check | demo: build, test and enrich the khuyến công database."""

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
    args = parser.parse_args(argv)

    try:
        if args.command == "build":
            build_database(args.db, with_demo=not args.no_demo, seed=args.seed)
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


if __name__ == "__main__":
    sys.exit(main())
