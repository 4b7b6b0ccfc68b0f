"""Import province workbooks (.xlsx) and CSV files into the khuyến công database.

API used by the Import page and by `python -m etl load`:
    check_files(db_path, [(file_name, bytes), ...], operator=...) -> [ImportReport]   dry run, writes nothing
    load_files(db_path, [(file_name, bytes), ...], operator=...)  -> [ImportReport]   all or none, one atomic swap

Rules (see also etl/importing/*):
- Sheets PhanBo / DeAn / KetQua (allocation / project / outcome) are recognised by name or by their headers
  (Vietnamese or English); a CSV holds one table, told by its headers. The header may sit under title rows;
  STT and column-number rows are skipped; `Tổng cộng`/`Tổng` rows check all rows above them (back to the
  previous grand total), `Cộng` rows the rows since the previous total row; a mismatch over 0,001 triệu is a
  warning and the row itself is never loaded.
- A sheet without a template header is read as a report when its table has money columns
  (etl/importing/report_layout.py: recognised into a model first, read exactly or refused naming the cell; every
  table of every sheet, a template sheet's neighbours included; its totals reconciled, a mismatch an error).
- Hidden rows, columns and sheets holding data are refused unless ReadOptions(include_hidden=True) (--include-hidden,
  the Import page's box); the options a file was loaded with are kept in imports/.load-order for the rebuild.
- Money is stored in triệu đồng. The unit comes from a line above the header (`Đơn vị tính: tỷ đồng`,
  `ĐVT: 1.000 đồng`) or from the header itself (`Số tiền (Tr.đồng)`), spelled as etl/importing/units.py lists; in a
  template sheet triệu đồng when neither says.
  An amount under 0,001 triệu (1.000 đồng) once converted, or over 10.000.000 triệu (10.000 tỷ đồng) in one
  row, is an error: the unit line does not match the numbers. Outcome values are converted only for money
  indicators.
- Text numbers are Vietnamese ('1.500' = 1500, '4,5' = 4.5, '1.234,56'); '-' is not reported (NULL). A column whose
  text numbers read differently the English way is read as its cells or the file's other columns prove ('1,250,000'
  beside '1,500'), and in a CSV with no such proof refused.
- Areas resolve through area_alias (also area names and ids; with or without Tỉnh/TP./Thành phố, with or
  without diacritics) on the last day of the row's period: 31 December of the (last) year, or the end of
  Q1/H1/Q2/Q3. So Hưng Yên 2025 (annual) is the new hung-yen-2025, Hưng Yên Q1 2025 the old hung-yen.
- Rows cite the file's own source_document `tep-<slug of the file name>` (kind 'workbook'; its note holds the
  sha256 and load time). A `Nguồn tài liệu` cell is kept in the row's note ("Nguồn tài liệu: …"), never as
  the row's doc_id, so that "the rows a file loaded" is exactly the rows citing its document.
- project_id = `<doc_id>-<first 10 hex of sha1(area_id|year|folded name)>`: stable across corrected versions.
- Natural keys: allocation (area, year_from, year_to, funding_source, figure); project (area, year, name
  without case/diacritics); outcome (area, year, period, activity, sector, indicator). A key twice in a file,
  or already loaded from another imported file, is an error; the same key in real bundled data is a warning
  (both are kept, each citing its source); illustrative data never clashes.
- `operator` (etl.operators.Operator) is who loads: its name goes into load_log, and a row of an area outside its
  scope is an error naming the row (a unit whose 2025 successor is in the scope counts as in it). None (the CLI, a
  replay): no scope, and load_log names no operator.
- A file name is refused before anything is written when it is empty, starts with "." (a rebuild never replays such
  a file: its rows would vanish), holds a control character, or is too long for the imports folder's file system.
- A file whose sha256 is already loaded (under any name) is reported as already loaded and nothing is
  written, not even load_log. A file with the name of an earlier import replaces that import's rows.
- A successful load copies each file to `<database dir>/imports/<file name>` (written and flushed to disk before the
  swap) and notes the load order in imports/.load-order; `etl build` replays them in that order, so a rebuild
  gives what the loads gave. Ctrl-C or SIGTERM is held during the swap: a load is either not made or whole.
"""

import hashlib
import os
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from etl.atomic import exclusive_lock, fsync_path, replace_database
from etl.demo import refit_illustrative_data
from etl.importing.codes import Codes
from etl.importing.mappings import read_value_map
from etl.importing.mappings import remember_value as _remember_value
from etl.importing.parse import ParsedFile, parse_file
from etl.importing.reader import MAX_FILE_BYTES, FileRefused, too_large
from etl.importing.report_layout import DEFAULT_OPTIONS, ReadOptions
from etl.importing.store import TABLES, Assessment, assess, imported_documents, summary, write_file
from etl.load_log import log_load, utc_now
from etl.operators import Operator
from etl.paths import SQL_DIR
from etl.problems import Problem, bilingual, both

__all__ = ["MAX_FILE_BYTES", "ImportReport", "check_files", "imports_dir_for", "load_files", "remember_value",
           "replay_imports", "too_large_report"]

Progress = Callable[[str], None]


@dataclass
class ImportReport:
    file_name: str
    sha256: str
    problems: list[Problem]            # errors and warnings
    rows: dict[str, int]               # table -> rows read from the file (allocation/project/outcome)
    added: dict[str, int] = field(default_factory=lambda: dict.fromkeys(TABLES, 0))
    changed: dict[str, int] = field(default_factory=lambda: dict.fromkeys(TABLES, 0))
    removed: dict[str, int] = field(default_factory=lambda: dict.fromkeys(TABLES, 0))
    already_loaded: bool = False
    understood: list[str] = field(default_factory=list)  # how report-layout sheets were read (report_layout.py)
    sheets: list = field(default_factory=list)           # the same as data: report_layout.SheetSummary per sheet
    unknown: list = field(default_factory=list)          # parse.UnknownValue: values the analyst may map

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity != "error"]

    @property
    def ok(self) -> bool:
        return not self.errors

    def summary(self) -> str:
        if self.already_loaded:
            return f"{self.file_name}: " + bilingual("etl_already_loaded_unchanged")
        rows, added = bilingual("etl_word_rows", "/"), bilingual("etl_word_added", "/")
        changed, removed = bilingual("etl_word_changed", "/"), bilingual("etl_word_removed", "/")
        parts = [f"{t}: {self.rows.get(t, 0)} {rows}, +{self.added[t]} {added}, ~{self.changed[t]} "
                 f"{changed}, -{self.removed[t]} {removed}" for t in TABLES if self.rows.get(t) or self.removed[t]]
        return f"{self.file_name}: " + ("; ".join(parts) or bilingual("etl_zero_rows"))


def too_large_report(file_name: str, size: int) -> ImportReport:
    """The report on a file refused by its size alone, before a byte of it is read."""
    return refused_report(file_name, too_large(size))


def refused_report(file_name: str, refused: FileRefused) -> ImportReport:
    """The report on a file refused whole (by its size, or by the worker that checked it)."""
    name = _safe_name(file_name)
    return ImportReport(name, "", [Problem(name, None, None, refused.value, refused.reason_vi, refused.reason_en)],
                        dict.fromkeys(TABLES, 0))


def remember_value(db_path: Path, list_name: str, value: str, code: str) -> bool:
    """Remember, beside the imports, that `value` means `code` in a code list: the next check and every rebuild read
    it so (etl/importing/mappings.py). False when the value already means something.

    Under the database's lock: two sessions remembering at once, or a build replaying the imports, take turns."""
    with exclusive_lock(Path(db_path)):
        return _remember_value(imports_dir_for(db_path), list_name, value, code)


def imports_dir_for(db_path: Path) -> Path:
    """Where loaded files are kept so that a rebuild replays them."""
    return Path(db_path).parent / "imports"


def _stderr(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def _safe_name(file_name: str) -> str:
    return Path(str(file_name).replace("\\", "/")).name


# A kept copy is written first as .<name>.part-<pid> (keep_copies): that name must fit too.
TEMP_NAME_OVERHEAD = len(".") + len(".part-") + 7
CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f]")


def name_limit(imports_dir: Path) -> int:
    """The longest file name (UTF-8 bytes) a kept copy may have on the imports folder's file system."""
    folder = Path(imports_dir)
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    try:
        name_max = os.pathconf(folder, "PC_NAME_MAX")
    except (OSError, ValueError):
        name_max = 255
    return name_max - TEMP_NAME_OVERHEAD


def file_name_problems(name: str, imports_dir: Path) -> list[Problem]:
    """Why a file cannot be kept under this name, if it cannot: checked before anything is written."""
    if not name or name in (".", ".."):
        return [Problem(name or "?", None, None, None, *both("etl_invalid_file_name"))]
    if CONTROL_CHARACTERS.search(name):
        return [Problem(name, None, None, repr(name), *both("etl_file_name_control"))]
    if name.startswith("."):
        return [Problem(name, None, None, name, *both("etl_file_name_hidden"))]
    size, limit = len(name.encode("utf-8")), name_limit(imports_dir)
    if size > limit:
        return [Problem(name, None, None, None, *both("etl_file_name_too_long", size=size, limit=limit))]
    return []


def _parse_all(con, files: list[tuple[str, bytes]], progress: Progress | None, imports_dir: Path,
               options: ReadOptions | dict = DEFAULT_OPTIONS) -> list[ParsedFile]:
    """Every file read; `options` for all of them, or per file name (a rebuild replays each as it was loaded)."""
    codes = Codes(con)
    codes.remember(read_value_map(imports_dir))  # values mapped on the Import page, before any lookup
    parsed_files = []
    seen = {}
    for name, data in files:
        name = _safe_name(name)
        chosen = options.get(name, DEFAULT_OPTIONS) if isinstance(options, dict) else options
        parsed = parse_file(name, data, codes, progress, chosen)
        parsed.problems.extend(file_name_problems(name, imports_dir))
        if parsed.doc_id in seen:
            first = seen[parsed.doc_id]
            parsed.problems.append(Problem(name, None, None, None,
                                           *both("etl_same_name_in_load", doc_id=parsed.doc_id, first=first)))
        seen.setdefault(parsed.doc_id, name)
        parsed_files.append(parsed)
    return parsed_files


def _reports(parsed_files: list[ParsedFile], results: list[Assessment]) -> list[ImportReport]:
    return [ImportReport(p.file_name, p.sha256, p.problems + r.problems, p.rows(), r.added, r.changed, r.removed,
                         r.already_loaded, p.understood, p.summaries,
                         list(p.unknown.values())) for p, r in zip(parsed_files, results)]


def scope_problems(con, parsed: ParsedFile, operator: Operator | None) -> list[Problem]:
    """One error per row whose area lies outside the operator's scope, naming the row and the area."""
    if operator is None or operator.scope is None:
        return []
    query = (SQL_DIR / "area_successors.sql").read_text(encoding="utf-8")
    areas = {area_id: (current, name) for area_id, current, name in con.execute(query).fetchall()}
    problems = []
    for record in parsed.records:
        area_id = record.values.get("area_id")
        current, name = areas.get(area_id, (None, area_id))
        if not operator.covers(area_id, current):
            problems.append(Problem(parsed.file_name, record.row, None, name,
                                    *both("etl_out_of_scope", operator=operator.name, area=name),
                                    sheet=record.sheet))
    return problems


def _validate(db_path: Path, files, progress, operator: Operator | None = None,
              options: ReadOptions | dict = DEFAULT_OPTIONS) -> tuple[list[ParsedFile], list[ImportReport]]:
    con = duckdb.connect(str(db_path), read_only=True)
    try:
        parsed_files = _parse_all(con, files, progress, imports_dir_for(db_path), options)
        for parsed in parsed_files:
            parsed.problems.extend(scope_problems(con, parsed, operator))
        return parsed_files, _reports(parsed_files, assess(con, parsed_files))
    finally:
        con.close()


def check_files(db_path: Path, files: list[tuple[str, bytes]], progress: Progress | None = None,
                operator: Operator | None = None, options: ReadOptions = DEFAULT_OPTIONS) -> list[ImportReport]:
    """Read and validate `files` against the current database, for `operator` (its scope; None: every area); say
    what a load would change; write nothing. `options.include_hidden` reads hidden rows, columns and sheets (refused
    otherwise)."""
    _require_db(db_path)
    return _validate(Path(db_path), files, progress, operator, options)[1]


class _Refused(Exception):
    def __init__(self, reports: list[ImportReport]):
        super().__init__("import refused")
        self.reports = reports


def load_files(db_path: Path, files: list[tuple[str, bytes]], progress: Progress | None = None,
               operator: Operator | None = None, options: ReadOptions = DEFAULT_OPTIONS) -> list[ImportReport]:
    """Validate every file; when none has an error, load them all in one atomic swap of the database, recording
    `operator` (who loads, within whose scope every row must fall) in load_log. The options a file was loaded with
    are kept with its copy, so that a rebuild reads it the same way."""
    db_path = Path(db_path)
    _require_db(db_path)
    operator_name = operator.name if operator is not None else None
    parsed_files, reports = _validate(db_path, files, progress, operator, options)
    if any(r.errors for r in reports):
        return reports
    if any(r.already_loaded for r in reports):
        keep_lost_copies(db_path, parsed_files, files)
    if all(r.already_loaded for r in reports):
        return reports

    def write(con: duckdb.DuckDBPyConnection) -> None:
        # Checked again on the locked copy: another load may have swapped in a new file meanwhile.
        results = assess(con, parsed_files)
        fresh = _reports(parsed_files, results)
        if any(r.errors for r in fresh):
            raise _Refused(fresh)
        now = utc_now()
        for parsed, result in zip(parsed_files, results):
            if not result.already_loaded:
                write_file(con, parsed, result, now, operator_name)
        # Real figures just loaded suppress the illustrative ones they cover, as a build would.
        refit_illustrative_data(con)
        reports[:] = fresh
        # Kept before the swap, under the lock: a load killed after its swap must not lose its copy (the next build
        # would drop its figures). Killed before the swap, the copy stays and the next build loads the file.
        kept[:] = keep_copies(db_path, [(r.file_name, data) for r, (_n, data) in zip(fresh, files)
                                        if not r.already_loaded], operator_name, options)

    kept: list[Path] = []
    swapped: list[bool] = []
    try:
        replace_database(db_path, write, start_from_current=True, on_swapped=lambda: swapped.append(True))
    except _Refused as refused:
        return refused.reports
    except BaseException as error:
        if not swapped:  # the load did not happen: a rebuild must not replay its copies
            for path in kept:
                path.unlink(missing_ok=True)
            raise
        if not isinstance(error, KeyboardInterrupt):
            raise
        # Ctrl-C came while the swap was being made, and was held until it was whole: the load is done.
    return reports


LOAD_ORDER = ".load-order"  # hidden: never replayed as a file


def keep_copies(db_path: Path, files: list[tuple[str, bytes]], operator: str | None = None,
                options: ReadOptions = DEFAULT_OPTIONS) -> list[Path]:
    """Copy loaded files to <db dir>/imports/ under the name as given (write, fsync, rename: a replay never reads
    half a file) and note the load order and who loaded them; return the copies that did not exist before."""
    folder = imports_dir_for(db_path)
    folder.mkdir(parents=True, exist_ok=True)
    created = []
    for name, data in files:
        target = folder / _safe_name(name)
        if not target.exists():
            created.append(target)
        temp = folder / f".{target.name}.part-{os.getpid()}"
        temp.write_bytes(data)
        fsync_path(temp)
        os.replace(temp, target)
    _note_load_order(folder, [(_safe_name(name), hashlib.sha256(data).hexdigest()) for name, data in files],
                     operator, options)
    fsync_path(folder)  # every rename above, the load order's included, is on disk before the swap
    return created


INCLUDE_HIDDEN = "include-hidden"  # in the options columns of imports/.load-order, after the operator's


def _note_load_order(folder: Path, loaded: list[tuple[str, str]], operator: str | None = None,
                     options: ReadOptions = DEFAULT_OPTIONS) -> None:
    """Append (name, sha256, operator[, options]) of each file just kept to imports/.load-order, rewritten whole then
    renamed; a rebuild's replay names the operator again in load_log and reads the file with the same options."""
    order = folder / LOAD_ORDER
    lines = order.read_text(encoding="utf-8").splitlines() if order.is_file() else []
    flags = f"\t{INCLUDE_HIDDEN}" if options.include_hidden else ""
    lines += [f"{name}\t{sha256}\t{operator or ''}{flags}".rstrip("\t") for name, sha256 in loaded]
    temp = folder / f"{LOAD_ORDER}.part-{os.getpid()}"
    temp.write_text("\n".join(lines) + "\n", encoding="utf-8")
    fsync_path(temp)
    os.replace(temp, order)


def load_operators(folder: Path) -> dict[str, str]:
    """File name → the operator of its last load, as imports/.load-order notes it (loads before operators: none)."""
    order = Path(folder) / LOAD_ORDER
    lines = order.read_text(encoding="utf-8").splitlines() if order.is_file() else []
    noted = {}
    for line in lines:
        fields = line.split("\t")
        if fields[0]:
            noted[fields[0]] = fields[2] if len(fields) > 2 and fields[2] else None
    return {name: operator for name, operator in noted.items() if operator}


def replay_order(folder: Path) -> list[Path]:
    """The kept files in the order they were last loaded; files kept before the order was noted come first, by
    name. Two names that fold to one document replay as they were loaded, so the last load wins again."""
    files = {p.name: p for p in folder.iterdir() if p.is_file() and not p.name.startswith(".")}
    order = folder / LOAD_ORDER
    noted = [line.split("\t")[0] for line in order.read_text(encoding="utf-8").splitlines()] if order.is_file() else []
    last = {name: i for i, name in enumerate(noted) if name in files}
    earlier = sorted(name for name in files if name not in last)
    return [files[name] for name in earlier + sorted(last, key=last.get)]


def replay_options(folder: Path) -> dict[str, ReadOptions]:
    """How each kept file was last loaded (its options in imports/.load-order): a rebuild reads it the same way."""
    order = folder / LOAD_ORDER
    found: dict[str, ReadOptions] = {}
    if order.is_file():
        for line in order.read_text(encoding="utf-8").splitlines():
            fields = line.split("\t")
            found[fields[0]] = ReadOptions(include_hidden=INCLUDE_HIDDEN in fields[3:])
    return found


def keep_lost_copies(db_path: Path, parsed_files: list[ParsedFile], files: list[tuple[str, bytes]]) -> None:
    """Keep again a file whose rows are loaded under its own name but whose copy is missing or older.

    A load killed between its swap and keep_copies leaves exactly that; rerunning the load mends it, so the next
    build still replays the file instead of silently dropping its figures.
    """
    con = duckdb.connect(str(db_path), read_only=True)
    try:
        documents = imported_documents(con)
    finally:
        con.close()
    folder = imports_dir_for(db_path)
    lost = [(p.file_name, data) for p, (_name, data) in zip(parsed_files, files)
            if documents.get(p.doc_id) == p.sha256
            and not ((folder / p.file_name).is_file() and (folder / p.file_name).read_bytes() == data)]
    keep_copies(db_path, lost)


def _require_db(db_path: Path) -> None:
    if not Path(db_path).is_file():
        raise FileNotFoundError(bilingual("etl_database_not_found") + f": {db_path}")


def replay_imports(con: duckdb.DuckDBPyConnection, folder: Path, progress: Progress = _stderr) -> int:
    """Load every kept import, in load order, into a database being built; return the rows loaded.

    A kept file that no longer validates (say the area list changed) is skipped and logged with status
    'error'; the build goes on without it.
    """
    folder = Path(folder)
    if not folder.is_dir():
        return 0
    paths = replay_order(folder)
    operators = load_operators(folder)
    options = replay_options(folder)
    total = 0
    for path in paths:
        data = path.read_bytes()
        parsed = _parse_all(con, [(path.name, data)], None, folder, options)[0]
        result = assess(con, [parsed])[0]
        report = _reports([parsed], [result])[0]
        replay = bilingual("etl_replay") + f" imports/{path.name}: "
        if report.errors:
            skipped = f"{len(report.errors)} " + bilingual("etl_errors_skipped")
            log_load(con, f"imports/{path.name}", parsed.sha256, 0, "error", f"{skipped}: " + report.errors[0].format())
            progress(replay + skipped)
            continue
        if result.already_loaded:
            progress(replay + bilingual("etl_already_loaded"))
            continue
        write_file(con, parsed, result, utc_now(), operators.get(path.name))
        total += len(parsed.records)
        progress(replay + f"{len(parsed.records)} " + bilingual("etl_word_rows", "/") + f"; {summary(result)}")
    return total
