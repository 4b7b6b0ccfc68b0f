"""python -m etl build | check | demo | load | national | operators | extract: build, test and enrich the khuyến công
database, keep the accounts of the operators who may load files through the Import page, and read a published
paragraph into proposed figures."""

import argparse
import getpass
import sys
from pathlib import Path

from etl import checks, demo
from etl.build import build_database, print_progress
from etl.operators import Operator
from etl.paths import DEFAULT_DB, SQL_DIR
from etl.problems import LoadError, bilingual
from khuyencong.i18n.labels import N_


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
    add_operator_commands(commands)
    national = commands.add_parser("national", help=bilingual("etl_help_national"))
    national.add_argument("--projects", type=int, required=True)
    national.add_argument("--db", type=Path, required=True)
    national.add_argument("--seed", type=int, default=demo.DEFAULT_SEED)
    extract = commands.add_parser("extract", help=bilingual("etl_help_extract"))
    extract.add_argument("file", nargs="?", default="-", metavar="FILE|-")
    extract.add_argument("--lang", choices=("vi", "en", "auto"), default="auto")
    extract.add_argument("--db", type=Path, default=DEFAULT_DB)
    extract.add_argument("--title", default=None, help=bilingual("etl_help_extract_title"))
    extract.add_argument("--date", default=None, metavar="YYYY-MM-DD", help=bilingual("etl_help_extract_date"))
    args = parser.parse_args(argv)
    try:
        if args.command == "operators":
            return operators_command(args)
        if args.command == "extract":
            if not args.db.exists():
                print(_no_database(args.db), file=sys.stderr)
                return 2
            if args.file != "-" and not Path(args.file).is_file():
                print(bilingual("etl_file_not_found") + f": {args.file}", file=sys.stderr)
                return 2
            from etl.extract.command import extract_command

            return extract_command(args.file, args.db, args.lang, args.title, args.date)
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
    operator = Operator(f"cli:{getpass.getuser()}")  # the server's shell: every area, named in load_log
    options = ReadOptions(include_hidden=include_hidden)
    reports = too_large + (run(db, contents, progress=print_progress, operator=operator, options=options)
                           if contents else [])
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


def add_operator_commands(commands) -> None:
    operators = commands.add_parser("operators", help=bilingual("etl_help_operators"))
    actions = operators.add_subparsers(dest="action", required=True)
    for action in ("add", "disable", "reset", "list"):
        parser = actions.add_parser(action, help=bilingual(f"etl_help_operators_{action}"))
        if action != "list":
            parser.add_argument("name")
        if action in ("add", "reset"):
            parser.add_argument("--scope", default="*" if action == "add" else None,
                                help=bilingual("etl_help_operators_scope"))
            parser.add_argument("--password-stdin", action="store_true",
                                help=bilingual("etl_help_operators_password_stdin"))
        parser.add_argument("--db", type=Path, default=DEFAULT_DB)
        parser.add_argument("--file", type=Path, default=None, help=bilingual("etl_help_operators_file"))


OPERATOR_HELP_KEYS = (N_("etl_help_operators_add"), N_("etl_help_operators_disable"), N_("etl_help_operators_reset"),
                      N_("etl_help_operators_list"))


def operators_command(args) -> int:
    """add | disable | reset | list: 0 done, 2 refused (the reason printed)."""
    from etl import operators

    path = args.file or operators.accounts_path(args.db)
    try:
        if args.action == "list":
            for account in operators.read_accounts(path).values():
                status = bilingual("etl_operator_active", "/") if account.active else bilingual(
                    "etl_operator_disabled", "/")
                print(f"{account.name}\t{status}\t{operators.scope_text(account.scope)}")
            return 0
        if args.action == "disable":
            operators.disable(path, args.name)
            print(bilingual("etl_operator_disabled_done", name=operators.normal_name(args.name)) + f": {path}")
            return 0
        scope = None if args.scope is None else operators.parse_scope(args.scope)
        if scope:
            unknown = unknown_areas(args.db, scope)
            if unknown:
                print(bilingual("etl_operator_unknown_areas", areas=", ".join(unknown)), file=sys.stderr)
                return 2
        password = read_new_password(args.password_stdin)
        if args.action == "add":
            operators.add(path, args.name, password, scope)
            print(bilingual("etl_operator_added", name=operators.normal_name(args.name),
                            scope=operators.scope_text(scope)) + f": {path}")
        else:
            operators.reset(path, args.name, password, False if args.scope is None else scope)
            print(bilingual("etl_operator_reset_done", name=operators.normal_name(args.name)) + f": {path}")
        return 0
    except operators.OperatorError as error:
        print(error, file=sys.stderr)
        return 2


def read_new_password(from_stdin: bool) -> str:
    """One line of standard input, or typed twice without echo."""
    from etl.operators import OperatorError

    if from_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    first = getpass.getpass(bilingual("etl_operator_password_prompt") + ": ")
    if getpass.getpass(bilingual("etl_operator_password_again") + ": ") != first:
        raise OperatorError(N_("etl_operator_passwords_differ"))
    return first


def unknown_areas(db: Path, scope: frozenset[str]) -> list[str]:
    """The area ids of a scope the database does not know (none checked when there is no database yet)."""
    if not Path(db).is_file():
        return []
    import duckdb

    con = duckdb.connect(str(db), read_only=True)
    try:
        known = {area for (area,) in con.execute((SQL_DIR / "area_ids.sql").read_text(encoding="utf-8")).fetchall()}
    finally:
        con.close()
    return sorted(scope - known)


if __name__ == "__main__":
    sys.exit(main())
