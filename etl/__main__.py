"""python -m etl build | check | demo | load | national: build, test and enrich the khuyến công database."""

import argparse
import sys
from pathlib import Path

from etl import checks, demo
from etl.build import build_database, print_progress
from etl.paths import DEFAULT_DB
from etl.problems import LoadError, bilingual


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m etl", description=bilingual("etl_cli_description"))
    commands = parser.add_subparsers(dest="command", required=True)
    build = commands.add_parser("build", help=bilingual("etl_help_build"))
    build.add_argument("--db", type=Path, default=DEFAULT_DB)
    build.add_argument("--no-demo", action="store_true",
                       help=bilingual("etl_help_no_demo"))
    build.add_argument("--seed", type=int, default=demo.DEFAULT_SEED)
    check = commands.add_parser("check", help=bilingual("etl_help_check"))
    check.add_argument("--db", type=Path, default=DEFAULT_DB)
    add_demo = commands.add_parser("demo", help=bilingual("etl_help_demo"))
    add_demo.add_argument("--db", type=Path, default=DEFAULT_DB)
    add_demo.add_argument("--seed", type=int, default=demo.DEFAULT_SEED)
    load = commands.add_parser("load", help=bilingual("etl_help_load"))
    load.add_argument("files", nargs="+", type=Path, metavar="FILE")
    load.add_argument("--db", type=Path, default=DEFAULT_DB)
    load.add_argument("--dry-run", action="store_true", help=bilingual("etl_help_dry_run"))
    load.add_argument("--include-hidden", action="store_true", help=bilingual("etl_help_include_hidden"))
    national = commands.add_parser("national", help=bilingual("etl_help_national"))
    national.add_argument("--projects", type=int, required=True)
    national.add_argument("--db", type=Path, required=True)
    national.add_argument("--seed", type=int, default=demo.DEFAULT_SEED)
    args = parser.parse_args(argv)
    try:
        if args.command == "load":
            return load_command(args.files, args.db, args.dry_run, args.include_hidden)
        if args.command == "build":
            build_database(args.db, with_demo=not args.no_demo, seed=args.seed)
            return 0
        if args.command == "national":
            from etl.national import build_national_database

            build_national_database(args.db, args.projects, args.seed)
            return 0
        if args.command == "demo":
            if not args.db.exists():
                print(_no_database(args.db), file=sys.stderr)
                return 2
            counts = demo.replace_illustrative_data(args.db, seed=args.seed)
            print_progress(bilingual("etl_demo_replaced") + f": {counts}")
            return 0
        if not args.db.exists():
            print(_no_database(args.db), file=sys.stderr)
            return 2
        return checks.run_checks(args.db)
    except KeyboardInterrupt:
        print(bilingual("etl_interrupted"), file=sys.stderr)
        return 130
    except LoadError as error:
        print(bilingual("etl_data_errors_unchanged") + f" ({len(error.problems)}):", file=sys.stderr)
        for problem in error.problems:
            print("  " + problem.format(), file=sys.stderr)
        return 1


def _no_database(db: Path) -> str:
    return bilingual("etl_database_not_found") + f": {db}; " + bilingual("etl_build_it_first")


def load_command(files: list[Path], db: Path, dry_run: bool, include_hidden: bool = False) -> int:
    """Print one line per problem and a summary per file; 0 loaded (or valid), 1 data errors, 2 usage errors."""
    from etl.importer import MAX_FILE_BYTES, check_files, load_files, too_large_report
    from etl.importing.report_layout import ReadOptions

    if not db.is_file():
        print(_no_database(db), file=sys.stderr)
        return 2
    contents, too_large = [], []
    for path in files:
        if not path.is_file():
            print(bilingual("etl_file_not_found") + f": {path}", file=sys.stderr)
            return 2
        if path.stat().st_size > MAX_FILE_BYTES:  # refused by its size, without reading it
            too_large.append(too_large_report(path.name, path.stat().st_size))
            continue
        contents.append((path.name, path.read_bytes()))
    run = check_files if dry_run or too_large else load_files  # one file too large: none is loaded
    options = ReadOptions(include_hidden=include_hidden)
    reports = too_large + (run(db, contents, progress=print_progress, options=options) if contents else [])
    failed = any(r.errors for r in reports)
    error, warning = bilingual("etl_severity_error", "/"), bilingual("etl_severity_warning", "/")
    for report in reports:
        for problem in report.problems:
            print((error if problem.severity == "error" else warning) + " " + problem.format())
    for report in reports:
        if dry_run:  # what a report-layout sheet was read as, before anything is loaded
            for line in report.understood:
                print(f"{report.file_name} {line}")
        print(report.summary())
    if failed:
        print(bilingual("etl_errors_nothing_loaded"))
        return 1
    if dry_run:
        print(bilingual("etl_dry_run_valid"))
    elif all(r.already_loaded for r in reports):
        print(bilingual("etl_nothing_changed"))
    else:
        print(bilingual("etl_loaded_into") + f" {db}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
