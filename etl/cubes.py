"""Summary tables the pages read instead of scanning every project and outcome row."""

import duckdb

from etl.paths import SQL_DIR

CUBES_DIR = SQL_DIR / "cubes"


def refresh_cubes(con: duckdb.DuckDBPyConnection) -> None:
    """Rebuild every summary table from the fact tables; called at the end of every build, demo run and import."""
    for path in sorted(CUBES_DIR.glob("*.sql")):
        con.execute(path.read_text(encoding="utf-8"))
