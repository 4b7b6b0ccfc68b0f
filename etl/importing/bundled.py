"""Bundled files (data/reference/*.csv, data/sources/*.csv) through the importer's reader and value parsers.

A file is read by the importer's CSV reader (etl/importing/reader.py), each cell parsed by its column's type in the
schema (etl/importing/values.py), and the rows checked against the table's own constraints, read from DuckDB's
catalogue (NOT NULL, CHECK, UNIQUE / PRIMARY KEY, FOREIGN KEY), and against the code lists (the gate checks of
etl/checks/) before the file counts as loaded: every problem of a file is reported at once, by line, column and
value, in Vietnamese and English. No DuckDB error text is read to find out what went wrong.
"""

import re
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import duckdb

from etl.checks import unknown_codes_in_file
from etl.importing.reader import FileRefused, csv_sheets
from etl.importing.values import NotANumber, nfc, parse_bool, parse_iso_date, parse_plain_number
from etl.paths import SQL_DIR
from etl.problems import LoadError, Problem, both
from khuyencong.i18n.labels import N_

STAGING = "bundled_rows"
DECIMAL_TYPE = re.compile(r"^DECIMAL\((\d+),\s*(\d+)\)$")
INTEGER_TYPES = {"TINYINT", "SMALLINT", "INTEGER", "BIGINT", "HUGEINT"}


@dataclass
class Column:
    name: str
    data_type: str
    nullable: bool
    has_default: bool


@dataclass
class BundledFile:
    """One file's rows: the cells as written (for messages) and as typed values (for the table)."""

    file_name: str
    columns: list[str]
    lines: list[int] = field(default_factory=list)
    written: list[dict[str, str | None]] = field(default_factory=list)
    values: list[list] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    def problem(self, line: int | None, column: str | None, value, reason_vi: str, reason_en: str) -> None:
        self.problems.append(Problem(self.file_name, line, column, value, reason_vi, reason_en))

    def rows_with_lines(self) -> list[tuple[int, dict]]:
        return [(line, dict(zip(self.columns, values))) for line, values in zip(self.lines, self.values)]


def _sql(name: str) -> str:
    return (SQL_DIR / name).read_text(encoding="utf-8")


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def table_columns(con: duckdb.DuckDBPyConnection, table: str) -> dict[str, Column]:
    rows = con.execute(_sql("table_columns.sql"), {"table": table}).fetchall()
    return {name: Column(name, data_type, nullable, has_default) for name, data_type, nullable, has_default in rows}


def typed(column: Column, text: str):
    """The value of one cell for its column's type; NotANumber (with the reason) when it is not one."""
    data_type = column.data_type.upper()
    if data_type in INTEGER_TYPES:
        number = parse_plain_number(text)
        if number != number.to_integral_value():
            raise NotANumber(text)
        return int(number)
    if match := DECIMAL_TYPE.match(data_type):
        return parse_plain_number(text).quantize(Decimal(1).scaleb(-int(match.group(2))), rounding=ROUND_HALF_UP)
    if data_type in ("DOUBLE", "FLOAT", "REAL"):
        return float(parse_plain_number(text))
    if data_type == "DATE":
        return parse_iso_date(text)
    if data_type == "BOOLEAN":
        return parse_bool(text)
    return text


TYPE_REASONS = {  # what a cell of each kind of column must look like
    "integer": N_("etl_not_whole_number"),
    "number": N_("etl_not_plain_number"),
    "date": N_("etl_not_iso_date"),
    "boolean": N_("etl_not_boolean"),
}


def _type_reason(data_type: str) -> tuple[str, str]:
    data_type = data_type.upper()
    kind = ("integer" if data_type in INTEGER_TYPES else "date" if data_type == "DATE"
            else "boolean" if data_type == "BOOLEAN" else "number")
    reason = TYPE_REASONS[kind]
    return both(reason)


def read_bundled(con: duckdb.DuckDBPyConnection, table: str, path: Path, extra: dict) -> BundledFile:
    """Read and type one bundled file for `table`; problems are collected, not raised."""
    schema = table_columns(con, table)
    try:
        rows = list(next(csv_sheets(path.read_bytes(), delimiter=",")).rows)
    except FileRefused as refused:
        bundled = BundledFile(path.name, [])
        bundled.problem(refused.row, refused.column, refused.value, refused.reason_vi, refused.reason_en)
        return bundled
    if not rows:
        return BundledFile(path.name, list(extra))
    header_line, header_cells = rows[0]
    header = [nfc(cell) or "" for cell in header_cells]
    bundled = BundledFile(path.name, header + list(extra))
    for name in header:
        if name not in schema:
            bundled.problem(header_line, name, name, *both("etl_column_not_in_table", table=table))
    if bundled.problems:
        return bundled
    for line, cells in rows[1:]:
        if len(cells) != len(header):
            bundled.problem(line, None, None, *both("etl_cell_count_differs", cells=len(cells), columns=len(header)))
            continue
        written = {name: nfc(cell) for name, cell in zip(header, cells)}
        values, fine = [], True
        for name in header:
            text, column = written[name], schema[name]
            if text is None:
                if not column.nullable:
                    bundled.problem(line, name, None, *both("etl_required_cell_empty"))
                    fine = False
                values.append(None)
                continue
            try:
                values.append(typed(column, text))
            except NotANumber:
                bundled.problem(line, name, text, *_type_reason(column.data_type))
                fine = False
                values.append(None)
        if fine:
            bundled.lines.append(line)
            bundled.written.append(written)
            bundled.values.append(values + list(extra.values()))
    return bundled


def _constraint_problems(con, table: str, bundled: BundledFile) -> None:
    """Name every staged row that breaks a CHECK, UNIQUE / PRIMARY KEY or FOREIGN KEY of `table`.

    The queries are built from the catalogue's own constraint expressions and column names (the schema's text,
    never a file's), since they differ per table; values are never formatted in.
    """
    present = set(bundled.columns)
    written = dict(zip(bundled.lines, bundled.written))
    found: list[tuple[int, str, str, str]] = []
    for kind, expression, columns, referenced, referenced_columns in con.execute(
            _sql("table_constraints.sql"), {"table": table}).fetchall():
        if not set(columns) <= present:
            continue  # a column the file leaves out takes its default, which the schema keeps valid
        names = [_quoted(c) for c in columns]
        if kind == "CHECK":
            lines = con.execute(f"SELECT _line FROM {STAGING} WHERE NOT coalesce(({expression}), true)").fetchall()
            found += [(line, columns[0], *both("etl_breaks_check", rule=expression)) for (line,) in lines]
        elif kind in ("UNIQUE", "PRIMARY KEY"):
            key, not_null = ", ".join(names), " AND ".join(f"{n} IS NOT NULL" for n in names)
            match = " AND ".join(f"t.{n} = s.{n}" for n in names)
            lines = con.execute(
                f"SELECT _line FROM (SELECT _line, row_number() OVER (PARTITION BY {key} ORDER BY _line) AS k "
                f"FROM {STAGING} WHERE {not_null}) WHERE k > 1 "
                f"UNION SELECT s._line FROM {STAGING} AS s SEMI JOIN {_quoted(table)} AS t ON {match}").fetchall()
            found += [(line, columns[0], *both("etl_duplicate_key", columns=", ".join(columns))) for (line,) in lines]
        elif kind == "FOREIGN KEY" and len(columns) == 1:
            column, target = names[0], _quoted(referenced_columns[0])
            lines = con.execute(
                f"SELECT s._line FROM {STAGING} AS s WHERE s.{column} IS NOT NULL AND NOT EXISTS "
                f"(SELECT 1 FROM {_quoted(referenced)} AS r WHERE r.{target} = s.{column})").fetchall()
            found += [(line, columns[0], *both("etl_code_not_in_reference", table=referenced)) for (line,) in lines]
    for line, column, reason_vi, reason_en in found:
        bundled.problem(line, column, written[line].get(column), reason_vi, reason_en)


def load_bundled_file(con: duckdb.DuckDBPyConnection, table: str, path: Path, extra: dict | None = None) -> int:
    """Check one bundled file whole and insert its rows; raise LoadError naming every problem by line and column.

    Only for a database being built (see etl.atomic): a failed file leaves the build to be thrown away.
    """
    bundled = read_bundled(con, table, path, extra or {})
    columns = ", ".join(_quoted(c) for c in bundled.columns)
    if bundled.columns and not any(p.row == 1 for p in bundled.problems):
        con.execute(f"CREATE OR REPLACE TEMP TABLE {STAGING} AS SELECT {columns}, 0 AS _line FROM {_quoted(table)} "
                    "LIMIT 0")
        try:
            if bundled.values:
                con.executemany(f"INSERT INTO {STAGING} VALUES ({', '.join('?' for _ in bundled.columns)}, ?)",
                                [values + [line] for line, values in zip(bundled.lines, bundled.values)])
            _constraint_problems(con, table, bundled)
            # The rows without a problem go in even when others have one, so that the code lists check them too:
            # the build that fails is thrown away whole.
            _insert(con, table, columns, bundled, sorted({p.row for p in bundled.problems if p.row is not None}))
        finally:
            con.execute(f"DROP TABLE IF EXISTS {STAGING}")
        bundled.problems += unknown_codes_in_file(con, table, path.name, bundled.rows_with_lines())
    if bundled.problems:
        raise LoadError(sorted(bundled.problems, key=lambda p: (p.row or 0, p.column or "")))
    return len(bundled.values)


def _insert(con, table: str, columns: str, bundled: BundledFile, skipped: list[int]) -> None:
    con.execute("BEGIN")
    try:
        con.execute(f"INSERT INTO {_quoted(table)} ({columns}) SELECT {columns} FROM {STAGING} "
                    "WHERE NOT list_contains($skipped::INTEGER[], _line)", {"skipped": skipped})
        con.execute("COMMIT")
    except duckdb.Error as error:
        con.execute("ROLLBACK")
        bundled.problem(None, None, None, *both("etl_database_refused_file", error=type(error).__name__))
