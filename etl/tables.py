"""Insert rows into schema tables in one transaction; on failure, find every offending row."""

import re
from collections.abc import Sequence

import duckdb

from etl.problems import LoadError, Problem
from etl.readers import CsvTable


def table_columns(con: duckdb.DuckDBPyConnection, table: str) -> list[str]:
    """Column names of a table, in schema order."""
    rows = con.execute(
        "SELECT column_name FROM information_schema.columns WHERE table_name = ? ORDER BY ordinal_position",
        [table],
    ).fetchall()
    return [name for (name,) in rows]


def insert_rows(
    con: duckdb.DuckDBPyConnection,
    table: str,
    columns: Sequence[str],
    rows: Sequence[Sequence[object]],
    file_name: str,
    line_of=lambda index: index + 2,
) -> int:
    """Insert all rows or none; raise LoadError naming every row the database refuses.

    Only for a database that is being built or loaded into a temporary file (see etl.atomic).
    """
    known = set(table_columns(con, table))
    unknown = [c for c in columns if c not in known]
    if unknown:
        raise LoadError([Problem(file_name, 1, c, c, "cột không có trong bảng " + table,
                                 f"column not in table {table}") for c in unknown])
    # Identifiers were checked against the catalogue above; values always go as parameters.
    column_list = ", ".join(f'"{c}"' for c in columns)
    sql = f"INSERT INTO {table} ({column_list}) VALUES ({', '.join('?' for _ in columns)})"
    con.execute("BEGIN")
    try:
        if rows:
            con.executemany(sql, [list(r) for r in rows])
        con.execute("COMMIT")
        return len(rows)
    except duckdb.Error:
        con.execute("ROLLBACK")
    raise LoadError(_diagnose(con, sql, columns, rows, file_name, line_of))


def insert_csv(con: duckdb.DuckDBPyConnection, table: str, data: CsvTable, extra: dict | None = None) -> int:
    """Insert a CSV table's rows, with constant extra columns (such as is_illustrative)."""
    extra = extra or {}
    columns = list(data.columns) + list(extra)
    rows = [list(r) + list(extra.values()) for r in data.rows]
    return insert_rows(con, table, columns, rows, data.path.name, data.line_of)


def _diagnose(con, sql, columns, rows, file_name, line_of) -> list[Problem]:
    """Insert row by row, committing each, to name every refused row (a clash with an earlier row too).

    This leaves the good rows behind: callers only ever write to a database file that a failed
    build or load throws away, so nothing reaches the serving file.
    """
    problems = []
    for index, row in enumerate(rows):
        try:
            con.execute(sql, list(row))
        except duckdb.Error as error:
            message = str(error)
            column, value = _column_in_message(message, columns, row)
            problems.append(Problem(file_name, line_of(index), column, value,
                                    _reason_vi(message), message.splitlines()[0]))
    return problems or [Problem(file_name, None, None, None, "cơ sở dữ liệu từ chối tệp",
                                "the database refused the file")]


def _column_in_message(message: str, columns, row) -> tuple[str | None, str | None]:
    """Best guess of the offending column: named in the message, or holding the value it quotes."""
    for name, value in zip(columns, row):
        if re.search(rf"\b{re.escape(name)}\b", message):
            return name, None if value is None else str(value)
    quoted = re.findall(r"'([^']*)'|\"([^\"]*)\"", message)
    for first, second in quoted:
        needle = first or second
        for name, value in zip(columns, row):
            if value is not None and str(value) == needle:
                return name, needle
    return None, None


def _reason_vi(message: str) -> str:
    if "Duplicate key" in message or "UNIQUE constraint" in message:
        return "trùng khóa với một dòng đã có"
    if "CHECK constraint" in message:
        return "giá trị không hợp lệ (ngoài danh mục, âm hoặc sai khoảng năm)"
    if "NOT NULL" in message:
        return "thiếu giá trị bắt buộc"
    if "foreign key" in message.lower():
        return "mã không tồn tại trong danh mục tham chiếu"
    if "Conversion Error" in message or "Could not convert" in message:
        return "không đúng kiểu dữ liệu (số, ngày)"
    return "cơ sở dữ liệu từ chối dòng này"
