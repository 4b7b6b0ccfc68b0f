"""The floor of bench_pages.py: exactly the queries a page run sent to DuckDB (SQL text and bound parameters, as
recorded by page_runs.py), replayed directly on a read-only DuckDB connection with the app's memory limit.

Each page's cold-run queries are replayed first, untimed, so that DuckDB's buffers are as warm as the dashboard's
were when it made the filter changes; then each change run's queries are timed, best of REPEATS per query (a floor
is a lower bound: other load on the machine only ever adds to it), and summed.

    .venv/bin/python bench/floor.py DB RUNS.json OUT.json
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import duckdb

APP_MEMORY_LIMIT = "512MB"  # as khuyencong.data.database.Database sets it
REPEATS = 3


def replay(con: duckdb.DuckDBPyConnection, sql: dict[str, str], calls: list[dict], errors: list[str]) -> list[float]:
    """Seconds for each call: execute and fetch into a DataFrame, as the app does (a query that fails in the app
    fails here too: it is named in `errors` and counts as 0 s)."""
    seconds = []
    for call in calls:
        cursor = con.cursor()
        started = time.perf_counter()
        try:
            cursor.execute(sql[call["sql"]], call["params"] or []).df()
        except duckdb.Error as error:
            errors.append(f"{call['name']}: {str(error).splitlines()[0]}")
        seconds.append(time.perf_counter() - started)
        cursor.close()
    return seconds


def connect_floor(db: str) -> duckdb.DuckDBPyConnection:
    """A read-only connection of the file with the app's memory limit, for replaying the app's queries."""
    con = duckdb.connect(db, read_only=True)
    con.execute("SET memory_limit = ?", [APP_MEMORY_LIMIT])
    return con


def floor_of_runs(db: str, runs: dict) -> dict:
    """Per page: the floor of each change run (sum of its queries) and the floor seconds of every query."""
    con = connect_floor(db)
    result = {}
    for page, measured in runs["pages"].items():
        errors: list[str] = []
        replay(con, runs["sql"], measured["cold_queries"], [])
        changes, queries = [], []
        for change in measured["changes"]:
            tries = [replay(con, runs["sql"], change["queries"], errors) for _ in range(REPEATS)]
            seconds = [min(times) for times in zip(*tries)]
            changes.append(sum(seconds))
            queries += [{"name": c["name"], "seconds": s} for c, s in zip(change["queries"], seconds)]
        result[page] = {"changes_s": changes, "queries": queries, "errors": sorted(set(errors)),
                        "repeats": REPEATS}
    con.close()
    return result


def main(db: str, runs_path: str, out_path: str) -> int:
    runs = json.loads(Path(runs_path).read_text(encoding="utf-8"))
    Path(out_path).write_text(json.dumps(floor_of_runs(db, runs)), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:4]))
