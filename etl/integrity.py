"""Referential integrity of the fact tables, checked once per write instead of per row."""

import duckdb

from etl.paths import SQL_DIR
from etl.problems import LoadError, Problem
from etl.readers import CsvTable


def _sql(name: str) -> str:
    return (SQL_DIR / name).read_text(encoding="utf-8")


def unknown_codes(con: duckdb.DuckDBPyConnection) -> list[Problem]:
    """Every code in allocation, project or outcome that its code list does not hold."""
    rows = con.execute(_sql("unknown_codes.sql")).fetchall()
    return [Problem(file=table, row=None, column=column, value=code,
                    reason_vi=f"mã không có trong danh mục ({count} dòng)",
                    reason_en=f"code not in its code list ({count} rows)")
            for table, column, code, count in rows]


def unknown_codes_in_file(con: duckdb.DuckDBPyConnection, table: str, data: CsvTable) -> list[Problem]:
    """The unknown codes of one bundled file just inserted into `table`, on the lines that hold them."""
    problems = []
    for table_name, column, code, _count in con.execute(_sql("unknown_codes.sql")).fetchall():
        if table_name != table or column not in data.columns:
            continue
        index = data.columns.index(column)
        problems += [Problem(data.path.name, data.line_of(number), column, code, "mã không có trong danh mục",
                             "code not in its code list")
                     for number, row in enumerate(data.rows) if row[index] == code]
    return problems


def duplicate_project_ids(con: duckdb.DuckDBPyConnection) -> list[Problem]:
    """Every project id that more than one project row carries."""
    rows = con.execute(_sql("duplicate_project_ids.sql")).fetchall()
    return [Problem(file="project", row=None, column="project_id", value=project_id,
                    reason_vi=f"mã đề án bị trùng ({count} dòng)", reason_en=f"duplicate project id ({count} rows)")
            for project_id, count in rows]


def enforce_references(con: duckdb.DuckDBPyConnection) -> None:
    """Raise LoadError naming every unknown code and duplicate project id; the write is abandoned, the file kept."""
    problems = unknown_codes(con) + duplicate_project_ids(con)
    if problems:
        raise LoadError(problems)
