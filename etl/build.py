"""Build the whole database from data/ into a new file and swap it in."""

import hashlib
import sys
import time
from collections.abc import Callable
from pathlib import Path

import duckdb

from etl import demo
from etl.atomic import replace_database
from etl.importing.bundled import load_bundled_file
from etl.load_log import log_load
from etl.paths import DEFAULT_DB, REFERENCE_DIR, ROOT, SCHEMA_DIR, SOURCES_DIR, SQL_DIR
from khuyencong.i18n.labels import t

Progress = Callable[[str], None]

# (table, file, constant columns). Order follows the foreign keys.
BUNDLED_FILES: list[tuple[str, Path, dict]] = [
    ("source_document", REFERENCE_DIR / "reference_documents.csv", {}),
    ("source_document", REFERENCE_DIR / "code_list_documents.csv", {}),
    ("source_document", SOURCES_DIR / "documents.csv", {}),
    ("area", REFERENCE_DIR / "area.csv", {}),
    ("area_crosswalk", REFERENCE_DIR / "area_crosswalk.csv", {}),
    ("area_alias", REFERENCE_DIR / "area_alias.csv", {}),
    ("activity", REFERENCE_DIR / "activity.csv", {}),
    ("sector", REFERENCE_DIR / "sector.csv", {}),
    ("indicator", REFERENCE_DIR / "indicator.csv", {}),
    ("funding_source", REFERENCE_DIR / "funding_source.csv", {}),
    ("figure_kind", REFERENCE_DIR / "figure_kind.csv", {}),
    ("project_status", REFERENCE_DIR / "project_status.csv", {}),
    ("period", REFERENCE_DIR / "period.csv", {}),
    ("qualifier", REFERENCE_DIR / "qualifier.csv", {}),
    ("partial_period", REFERENCE_DIR / "partial_period.csv", {}),
    ("code_alias", REFERENCE_DIR / "code_alias.csv", {}),
    ("cpi_inflation", REFERENCE_DIR / "cpi_inflation.csv", {}),
    ("allocation", SOURCES_DIR / "allocation.csv", {"is_illustrative": False}),
    ("project", SOURCES_DIR / "project.csv", {"is_illustrative": False}),
    ("outcome", SOURCES_DIR / "outcome.csv", {"is_illustrative": False}),
    ("stated_figure", SOURCES_DIR / "stated_figure.csv", {}),
    ("region_member", SOURCES_DIR / "region_member.csv", {}),
    ("excluded_figure", SOURCES_DIR / "excluded_figure.csv", {}),
    ("source_mention", SOURCES_DIR / "source_mention.csv", {}),
]


def print_progress(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def sha256_of(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def apply_schema(con: duckdb.DuckDBPyConnection) -> None:
    """Create every table and view of the data model, in file order."""
    con.execute("BEGIN")
    for path in sorted(SCHEMA_DIR.glob("*.sql")):
        con.execute(path.read_text(encoding="utf-8"))
    con.execute("CREATE TEMP TABLE cpi_inflation (year INTEGER, inflation_pct DECIMAL(6, 2), doc_id VARCHAR)")
    con.execute("COMMIT")


def load_bundled(con: duckdb.DuckDBPyConnection, progress: Progress = print_progress) -> int:
    """Load every bundled reference and source file; return the number of rows loaded."""
    total = 0
    for step, (table, path, extra) in enumerate(BUNDLED_FILES, start=1):
        started = time.perf_counter()
        count = load_bundled_file(con, table, path, extra)
        total += count
        relative = str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else path.name
        log_load(con, relative, sha256_of(path), count, "ok", t("etl_log_bundled_table", "vi", table=table))
        progress(t("etl_build_step", "vi", step=step, steps=len(BUNDLED_FILES), file=relative, rows=count, table=table,
                   seconds=f"{time.perf_counter() - started:.2f}"))
    con.execute((SQL_DIR / "insert_cpi.sql").read_text(encoding="utf-8"))
    return total


def build_into(con: duckdb.DuckDBPyConnection, with_demo: bool, seed: int, progress: Progress,
               imports_dir: Path | None = None) -> None:
    """Everything a build writes, on an open connection to an empty database.

    Files loaded earlier with `python -m etl load` (kept in imports_dir) are replayed after the bundled data and
    before the illustrative data, so that illustrative rows fit every real figure, imported ones included (a load
    regenerates them the same way: etl/importer.py).
    """
    apply_schema(con)
    load_bundled(con, progress)
    if imports_dir is not None:
        from etl.importer import replay_imports  # the importer needs the schema; build stays importable alone

        replay_imports(con, imports_dir, progress)
    if with_demo:
        started = time.perf_counter()
        counts = demo.add_illustrative_data(con, seed=seed)
        progress(t("etl_build_demo", "vi", seed=seed, counts=counts, seconds=f"{time.perf_counter() - started:.2f}"))
    else:
        progress(t("etl_build_no_demo", "vi"))


def build_database(db_path: Path = DEFAULT_DB, with_demo: bool = True, seed: int = demo.DEFAULT_SEED,
                   progress: Progress = print_progress) -> Path:
    """Rebuild the database at db_path from data/ and swap it in atomically."""
    started = time.perf_counter()
    imports_dir = Path(db_path).parent / "imports"
    replace_database(Path(db_path), lambda con: build_into(con, with_demo, seed, progress, imports_dir))
    progress(t("etl_built", "vi", db=db_path, seconds=f"{time.perf_counter() - started:.1f}"))
    return Path(db_path)
