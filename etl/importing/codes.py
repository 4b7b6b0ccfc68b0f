"""Code lists read from the database: areas (through area_alias, the date deciding), activities, sectors,
indicators, and the fixed lists of funding sources, figures, periods and project statuses."""

import re
from datetime import date

import duckdb

from etl.importing.values import fold

FUNDING = {
    "local": ("dia phuong", "kcdp", "kc dp", "ngan sach dia phuong", "nsdp", "khuyen cong dia phuong", "local"),
    "central": ("trung uong", "quoc gia", "kcqg", "kc qg", "ngan sach trung uong", "nstw",
                "khuyen cong quoc gia", "central", "national"),
    "counterpart": ("doi ung", "von doi ung", "counterpart"),
    "other": ("khac", "nguon khac", "other"),
}
FIGURE = {
    "allocated": ("du toan", "ke hoach", "phan bo", "giao", "allocated", "budget"),
    "disbursed": ("thuc hien", "giai ngan", "disbursed", "spent"),
    "settled": ("quyet toan", "settled"),
}
PERIOD = {
    "year": ("ca nam", "nam", "12 thang", "year", "full year", "annual"),
    "H1": ("6 thang", "6 thang dau nam", "sau thang", "nua dau nam", "h1", "first half"),
    "Q1": ("quy i", "quy 1", "q1", "quarter 1"),
    "Q2": ("quy ii", "quy 2", "q2", "quarter 2"),
    "Q3": ("quy iii", "quy 3", "q3", "quarter 3"),
    "Q4": ("quy iv", "quy 4", "q4", "quarter 4"),
}
PERIOD_END = {"year": (12, 31), "H1": (6, 30), "Q1": (3, 31), "Q2": (6, 30), "Q3": (9, 30), "Q4": (12, 31)}
STATUS = {
    "registered": ("dang ky", "da dang ky", "registered"),
    "appraisal": ("tham dinh", "dang tham dinh", "appraisal", "under appraisal"),
    "approved": ("phe duyet", "da phe duyet", "approved"),
    "in_progress": ("dang thuc hien", "dang trien khai", "in progress", "in_progress"),
    "completed": ("hoan thanh", "da hoan thanh", "completed"),
    "cancelled": ("dung thuc hien", "huy", "da huy", "dung", "cancelled", "canceled"),
}
AREA_PREFIX = re.compile(r"^(tinh|thanh pho|tp|province of|city of)\s+")


def _index(lists: dict[str, tuple[str, ...]]) -> dict[str, str]:
    index = {}
    for code, names in lists.items():
        index[fold(code)] = code
        for name in names:
            index[name] = code
    return index


FUNDING_INDEX, FIGURE_INDEX, PERIOD_INDEX, STATUS_INDEX = map(_index, (FUNDING, FIGURE, PERIOD, STATUS))


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

    @staticmethod
    def lookup(index: dict[str, str], text: str) -> str | None:
        return index.get(fold(text))
