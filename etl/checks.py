"""Data tests: each .sql file in etl/checks returns the rows that break one rule."""

import sys
from dataclasses import dataclass
from pathlib import Path

import duckdb

from etl.paths import CHECKS_DIR


@dataclass(frozen=True)
class CheckResult:
    name: str
    severity: str
    description: str
    columns: list[str]
    rows: list[tuple]

    @property
    def failed(self) -> bool:
        return bool(self.rows) and self.severity == "error"


def _header(sql: str, key: str, default: str = "") -> str:
    for line in sql.splitlines():
        if line.startswith(f"-- {key}:"):
            return line.split(":", 1)[1].strip()
    return default


def evaluate_checks(con: duckdb.DuckDBPyConnection) -> list[CheckResult]:
    """Run every check on an open connection."""
    results = []
    for path in sorted(CHECKS_DIR.glob("*.sql")):
        sql = path.read_text(encoding="utf-8")
        cursor = con.execute(sql)
        rows = cursor.fetchall()
        columns = [d[0] for d in cursor.description]
        description = next((ln[3:] for ln in sql.splitlines()[1:] if ln.startswith("-- ")), "")
        results.append(CheckResult(path.stem, _header(sql, "severity", "error"), description, columns, rows))
    return results


def run_checks(db_path: Path) -> int:
    """Print a report of every check; exit status 1 when an error-level check finds rows."""
    con = duckdb.connect(str(db_path), read_only=True)
    try:
        results = evaluate_checks(con)
    finally:
        con.close()
    for result in results:
        mark = "OK  " if not result.rows else ("LỖI " if result.severity == "error" else "CẢNH BÁO")
        print(f"{mark} {result.name}: {result.description}")
        for row in result.rows[:20]:
            print("      " + ", ".join(f"{c}={v}" for c, v in zip(result.columns, row)))
    failed = [r.name for r in results if r.failed]
    print(f"{len(results) - len(failed)} passed, {len(failed)} failed", file=sys.stderr)
    return 1 if failed else 0
