"""Referential integrity of the fact tables, checked once per write instead of per row."""

import duckdb

from etl.paths import SQL_DIR
from etl.problems import LoadError, Problem


def unknown_codes(con: duckdb.DuckDBPyConnection) -> list[Problem]:
    """Every code in allocation, project or outcome that its code list does not hold."""
    rows = con.execute((SQL_DIR / "unknown_codes.sql").read_text(encoding="utf-8")).fetchall()
    return [Problem(file=table, row=None, column=column, value=code,
                    reason_vi=f"mã không có trong danh mục ({count} dòng)",
                    reason_en=f"code not in its code list ({count} rows)")
            for table, column, code, count in rows]


def duplicate_project_ids(con: duckdb.DuckDBPyConnection) -> list[Problem]:
    """Every project id that more than one project row carries."""
    rows = con.execute((SQL_DIR / "duplicate_project_ids.sql").read_text(encoding="utf-8")).fetchall()
    return [Problem(file="project", row=None, column="project_id", value=project_id,
                    reason_vi=f"mã đề án bị trùng ({count} dòng)", reason_en=f"duplicate project id ({count} rows)")
            for project_id, count in rows]


def enforce_references(con: duckdb.DuckDBPyConnection) -> None:
    """Raise LoadError naming every unknown code and duplicate project id; the write is abandoned, the file kept."""
    problems = unknown_codes(con) + duplicate_project_ids(con)
    if problems:
        raise LoadError(problems)
