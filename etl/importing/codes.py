"""Code lists read from the database: areas (through area_alias, the date deciding), activities, sectors,
indicators, and the reference code lists (funding sources, figure kinds, periods, statuses, qualifiers) with their
aliases and period ends. Nothing here lists a code: a new row in data/reference/ is read like the others."""

import re
from datetime import date

import duckdb

from etl.importing.values import fold
from etl.paths import SQL_DIR

# code_alias.list → (reference table, its code column): the lists a coded cell is checked against.
REFERENCE_LISTS = {
    "funding_source": ("funding_source", "funding_source_id"),
    "figure": ("figure_kind", "figure_id"),
    "status": ("project_status", "status_id"),
    "period": ("period", "period_id"),
    "qualifier": ("qualifier", "qualifier_id"),
}

AREA_PREFIX = re.compile(r"^(tinh|thanh pho|tp|province of|city of)\s+")


def area_keys(text: str) -> set[str]:
    key = fold(text)
    keys = {key}
    stripped = AREA_PREFIX.sub("", key)
    if stripped:
        keys.add(stripped)
    return keys


class Codes:
    """Everything a row is checked against, read once from the database."""

    def __init__(self, con: duckdb.DuckDBPyConnection):
        self.areas: dict[str, list[tuple[str, date | None, date | None]]] = {}
        rows = con.execute("SELECT alias, area_id, valid_from, valid_to FROM area_alias").fetchall()
        rows += con.execute("SELECT name_vi, area_id, valid_from, valid_to FROM area").fetchall()
        rows += con.execute("SELECT name_en, area_id, valid_from, valid_to FROM area").fetchall()
        rows += con.execute("SELECT area_id, area_id, valid_from, valid_to FROM area").fetchall()
        for alias, area_id, valid_from, valid_to in rows:
            for key in area_keys(alias):
                entries = self.areas.setdefault(key, [])
                if (area_id, valid_from, valid_to) not in entries:
                    entries.append((area_id, valid_from, valid_to))
        self.activity = self._code_list(con, "activity")
        self.sector = self._code_list(con, "sector")
        self.indicator = self._code_list(con, "indicator")
        self.money_indicators = {i for (i,) in con.execute(
            "SELECT indicator_id FROM indicator WHERE is_money").fetchall()}
        # list → folded name → code, for funding_source, figure, status, period and qualifier
        self.lists: dict[str, dict[str, str]] = {name: {} for name in REFERENCE_LISTS}
        for name, code, text, _rank in con.execute(_sql("code_list_names.sql")).fetchall():
            self.lists.setdefault(name, {}).setdefault(fold(text), code)
        # figure kind → "plan" or "executed": which project amount a report's "Thực hiện" column fills
        self.figure_side = dict(con.execute("SELECT figure_id, side FROM figure_kind").fetchall())
        self.period_end = {period: (month, day) for period, month, day in con.execute(
            _sql("period_ends.sql")).fetchall()}

    @staticmethod
    def _code_list(con, table: str) -> dict[str, str]:
        index = {}
        for code, name_vi, name_en in con.execute(f"SELECT {table}_id, name_vi, name_en FROM {table}").fetchall():
            for name in (code, name_vi, name_en):
                index.setdefault(fold(name), code)
        return index

    def area(self, text: str, on: date) -> tuple[str | None, str | None]:
        """(area_id, None), or (None, 'unknown' | 'not_valid' | 'ambiguous:a,b')."""
        entries = []
        for key in area_keys(text):
            entries += self.areas.get(key, [])
        if not entries:
            return None, "unknown"
        valid = sorted({a for a, start, end in entries
                        if (start is None or start <= on) and (end is None or on <= end)})
        if len(valid) == 1:
            return valid[0], None
        if not valid:
            return None, "not_valid"
        return None, "ambiguous:" + ", ".join(valid)

    def period_end_on(self, year: int, period: str | None) -> date:
        """The last day of a period of a year (31 December for a year or an unknown period)."""
        month, day = self.period_end.get(period or "year", (12, 31))
        return date(year, month, day)

    @staticmethod
    def lookup(index: dict[str, str], text: str) -> str | None:
        return index.get(fold(text))


def _sql(name: str) -> str:
    return (SQL_DIR / name).read_text(encoding="utf-8")
