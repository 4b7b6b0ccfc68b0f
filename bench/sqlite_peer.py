"""The SQLite reference of bench_pages.py: the same tables copied into an SQLite file (with indexes on the filtered
columns), and each page's main aggregates (bench/sqlite/<page>_*.sql, the app's SQL translated) timed per filter change.

    .venv/bin/python bench/sqlite_peer.py DB SQLITE PLAN.json OUT.json
"""

from __future__ import annotations

import json
import sqlite3
import statistics
import sys
import time
from pathlib import Path

import duckdb

SQL_DIR = Path(__file__).resolve().parent / "sqlite"
TABLES = ("allocation", "project", "outcome", "area", "indicator", "activity", "sector", "source_document")
INDEXES = ("CREATE INDEX project_area_year ON project (area_id, year)",
           "CREATE INDEX project_year ON project (year)",
           "CREATE INDEX outcome_area_year ON outcome (area_id, year)",
           "CREATE INDEX outcome_year ON outcome (year)",
           "CREATE INDEX allocation_area ON allocation (area_id)")
BATCH = 100_000


def _select_list(con: duckdb.DuckDBPyConnection, table: str) -> tuple[list[str], str]:
    """Column names, and a SELECT list that SQLite can bind (DECIMAL as DOUBLE, dates as text)."""
    columns = con.execute("SELECT column_name, data_type FROM information_schema.columns WHERE table_name = ? "
                          "ORDER BY ordinal_position", [table]).fetchall()
    parts = []
    for name, kind in columns:
        if kind.startswith("DECIMAL"):
            parts.append(f'CAST("{name}" AS DOUBLE)')
        elif kind.startswith(("DATE", "TIMESTAMP", "TIME")) or kind.endswith("[]"):
            parts.append(f'CAST("{name}" AS VARCHAR)')
        else:
            parts.append(f'"{name}"')
    return [name for name, _ in columns], ", ".join(parts)


def copy_to_sqlite(db: str, target: Path) -> float:
    """Write the tables into a new SQLite file beside `target`, then move it in place; returns seconds."""
    started = time.perf_counter()
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    source = duckdb.connect(db, read_only=True)
    out = sqlite3.connect(partial)
    out.execute("PRAGMA journal_mode = OFF")
    out.execute("PRAGMA synchronous = OFF")
    for table in TABLES:
        names, select = _select_list(source, table)
        out.execute(f'CREATE TABLE {table} ({", ".join(chr(34) + n + chr(34) for n in names)})')
        cursor = source.execute(f"SELECT {select} FROM {table}")
        insert = f"INSERT INTO {table} VALUES ({', '.join('?' for _ in names)})"
        while rows := cursor.fetchmany(BATCH):
            out.executemany(insert, rows)
        out.commit()
    for statement in INDEXES:
        out.execute(statement)
    out.execute("ANALYZE")
    out.commit()
    out.close()
    source.close()
    partial.replace(target)
    return time.perf_counter() - started


def page_queries(page: str) -> dict[str, str]:
    return {path.stem: path.read_text(encoding="utf-8") for path in sorted(SQL_DIR.glob(f"{page}_*.sql"))}


def parameters(change: dict) -> dict:
    areas = list(change["areas"])
    return {"year_from": int(change["years"][0]), "year_to": int(change["years"][1]), "areas": json.dumps(areas),
            "compared": json.dumps(areas if len(areas) >= 2 else []),
            "sources": json.dumps(["local", "central", "counterpart"]), "include_illustrative": 1}


def run(db: str, target: Path, plan: dict) -> dict:
    fresh = not target.exists() or target.stat().st_mtime < Path(db).stat().st_mtime
    copy_s = copy_to_sqlite(db, target) if fresh else None
    con = sqlite3.connect(f"file:{target}?mode=ro", uri=True)
    result = {"copy_s": copy_s, "file": str(target), "pages": {}}
    for page in plan["pages"]:
        queries, seconds = page_queries(page), []
        for change in plan["changes"]:
            params = parameters(change)
            started = time.perf_counter()
            for sql in queries.values():
                con.execute(sql, params).fetchall()
            seconds.append(time.perf_counter() - started)
        result["pages"][page] = {"queries": list(queries), "changes_s": seconds}
        print(f"  sqlite {page}: median {statistics.median(seconds):.3f} s", flush=True)
    con.close()
    return result


def main(db: str, sqlite_path: str, plan_path: str, out_path: str) -> int:
    plan = json.loads(Path(plan_path).read_text(encoding="utf-8"))
    Path(out_path).write_text(json.dumps(run(db, Path(sqlite_path), plan)), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:5]))
