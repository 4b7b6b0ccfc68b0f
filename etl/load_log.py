"""Record what each build, demo run or import did."""

from datetime import UTC, datetime

import duckdb


def utc_now() -> datetime:
    """Now in UTC, naive as DuckDB's TIMESTAMP stores it: load_log holds UTC whatever the machine's time zone, and
    the screen shows it in Vietnam time (format_datetime)."""
    return datetime.now(UTC).replace(tzinfo=None)


def log_load(con: duckdb.DuckDBPyConnection, file_name: str, sha256: str | None, rows: int,
             status: str, message: str, at: datetime | None = None, operator: str | None = None) -> None:
    """Append one row to load_log, stamped `at` (UTC; now when not given), naming the operator who loaded the file
    (None for a build's own files)."""
    con.execute(
        "INSERT INTO load_log (loaded_at, file_name, sha256, rows, status, message, operator) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        [at or utc_now(), file_name, sha256, rows, status, message, operator],
    )
