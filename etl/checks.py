"""Data tests: each .sql file in etl/checks returns the rows that break one rule.

A file's header says how it is used: `-- severity: error|warning`, then optionally `-- gate: before every swap`
(it runs on every build and load before the new file is swapped in, and a row it returns refuses the write); the
first other comment line describes the rule. What a gate's refusal tells the user is its entry in GATE_REASONS, a
key of the gettext catalogs. A gate check returns
table_name, column_name, value, rows. `python -m etl check` runs every check.
"""

import re
import sys
from dataclasses import dataclass
from pathlib import Path

import duckdb

from etl.paths import CHECKS_DIR
from etl.problems import LoadError, Problem, bilingual, both
from khuyencong.i18n.labels import N_, t

HEADER = re.compile(r"^-- (severity|gate):\s*(.*)$")
GATE_REASONS = {  # gate check -> why its rows refuse a write (the row count is added)
    "unique_project_id": N_("etl_gate_duplicate_project_id"),
    "unknown_codes": N_("etl_gate_unknown_code"),
}


@dataclass(frozen=True)
class Check:
    name: str
    sql: str

    def header(self, key: str, default: str = "") -> str:
        for line in self.sql.splitlines():
            if (match := HEADER.match(line)) and match.group(1) == key:
                return match.group(2).strip()
        return default

    @property
    def description(self) -> str:
        return next((line[3:] for line in self.sql.splitlines() if line.startswith("-- ") and not HEADER.match(line)),
                    "")

    @property
    def is_gate(self) -> bool:
        return bool(self.header("gate"))


@dataclass(frozen=True)
class CheckResult:
    name: str
    severity: str
    description: str
    columns: list[str]
    rows: list[tuple]
    reason_vi: str = ""
    reason_en: str = ""

    @property
    def failed(self) -> bool:
        return bool(self.rows) and self.severity == "error"

    def records(self) -> list[dict]:
        return [dict(zip(self.columns, row)) for row in self.rows]

    def problems(self) -> list[Problem]:
        """A gate check's rows as problems: table, column, value, and the rule's reason with the row count."""
        return [Problem(file=r["table_name"], row=None, column=r["column_name"], value=r["value"],
                        reason_vi=t("etl_check_reason_rows", "vi", reason=self.reason_vi, rows=r["rows"]),
                        reason_en=t("etl_check_reason_rows", "en", reason=self.reason_en, rows=r["rows"]))
                for r in self.records()]


def all_checks() -> list[Check]:
    return [Check(path.stem, path.read_text(encoding="utf-8")) for path in sorted(CHECKS_DIR.glob("*.sql"))]


def evaluate_checks(con: duckdb.DuckDBPyConnection, gates_only: bool = False) -> list[CheckResult]:
    """Run every check (or only the gates) on an open connection."""
    results = []
    for check in all_checks():
        if gates_only and not check.is_gate:
            continue
        cursor = con.execute(check.sql)
        rows = cursor.fetchall()
        columns = [d[0] for d in cursor.description]
        reasons = both(GATE_REASONS[check.name]) if check.is_gate else ("", "")  # a gate without a reason: KeyError
        results.append(CheckResult(check.name, check.header("severity", "error"), check.description, columns, rows,
                                   *reasons))
    return results


def enforce_references(con: duckdb.DuckDBPyConnection) -> None:
    """Run the gate checks; raise LoadError naming every unknown code and duplicate project id (the write is
    abandoned, the serving file kept)."""
    problems = [problem for result in evaluate_checks(con, gates_only=True) for problem in result.problems()]
    if problems:
        raise LoadError(problems)


def unknown_codes_in_file(con: duckdb.DuckDBPyConnection, table: str, file_name: str,
                          rows: list[tuple[int, dict]]) -> list[Problem]:
    """The unknown codes of one bundled file just inserted into `table`, on the lines (line, values) that hold them."""
    problems = []
    for result in evaluate_checks(con, gates_only=True):
        for record in result.records():
            if record["table_name"] != table:
                continue
            column, code = record["column_name"], record["value"]
            problems += [Problem(file_name, line, column, code, result.reason_vi, result.reason_en)
                         for line, values in rows if values.get(column) == code]
    return problems


def run_checks(db_path: Path) -> int:
    """Print a report of every check; exit status 1 when an error-level check finds rows."""
    con = duckdb.connect(str(db_path), read_only=True)
    try:
        results = evaluate_checks(con)
    finally:
        con.close()
    error, warning = t("etl_severity_error", "vi") + " ", t("etl_severity_warning", "vi")
    for result in results:
        mark = "OK  " if not result.rows else (error if result.severity == "error" else warning)
        print(f"{mark} {result.name}: {result.description}")
        for row in result.rows[:20]:
            print("      " + ", ".join(f"{c}={v}" for c, v in zip(result.columns, row)))
    failed = [r.name for r in results if r.failed]
    print(bilingual("etl_checks_passed_failed", passed=len(results) - len(failed), failed=len(failed)), file=sys.stderr)
    return 1 if failed else 0
