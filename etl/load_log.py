"""Record what each build, demo run or import did."""

from datetime import datetime

import duckdb


def log_load(con: duckdb.DuckDBPyConnection, file_name: str, sha256: str | None, rows: int,
             status: str, message: str) -> None:
    """Append one row to load_log."""
    con.execute(
        "INSERT INTO load_log VALUES (?, ?, ?, ?, ?, ?)",
        [datetime.now(), file_name, sha256, rows, status, message],
    )
