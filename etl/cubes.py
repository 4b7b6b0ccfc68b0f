"""Summary tables the pages read instead of scanning every project and outcome row."""

import duckdb

from etl.paths import SCHEMA_DIR

# Defined in the schema (created empty there, so the view macros of 25_view_macros.sql can refer to them).
CUBE_FILES = ("22_project_cube.sql", "23_outcome_cube.sql")


def refresh_cubes(con: duckdb.DuckDBPyConnection) -> None:
    """Rebuild every summary table from the fact tables; called at the end of every build, demo run and import."""
    for name in CUBE_FILES:
        con.execute((SCHEMA_DIR / name).read_text(encoding="utf-8"))
