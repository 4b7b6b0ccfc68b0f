"""Code lists read from the database: areas (through area_alias, the date deciding), and the code lists (funding
sources, figure kinds, periods, statuses, qualifiers, activities, sectors, indicators) with their aliases (code_alias)
and period ends. Nothing here lists a code: a new row in data/reference/ is read like the others.

A cell names a code only when its folded text is exactly a code, a name or an alias; an unknown value is refused
with the nearest entries as suggestions, never taken for one of them."""

import difflib
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
    "activity": ("activity", "activity_id"),
    "sector": ("sector", "sector_id"),
    "indicator": ("indicator", "indicator_id"),
}
SUGGESTIONS = 3
# Suggestions compare folded text (difflib's ratio, 0..1): a code is offered when one of its names or aliases is at
# least this alike, and not far behind the best one (so "Đã nghiệm thu xong" offers "Hoàn thành" alone, not every
# status that ends in "thực hiện").
SUGGESTION_CUTOFF = 0.7
SUGGESTION_MARGIN = 0.15
# A cell longer than any name is cut before comparing, and only so many distinct unknown values get suggestions per
# file: a hostile file of 200.000 different unknown values must not cost minutes of comparisons.
SUGGESTION_TEXT_CHARS = 160
SUGGESTION_BUDGET = 2_000

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
        self.money_indicators = {i for (i,) in con.execute(
            "SELECT indicator_id FROM indicator WHERE is_money").fetchall()}
        # list → folded name → code, for funding_source, figure, status, period and qualifier
        self.lists: dict[str, dict[str, str]] = {name: {} for name in REFERENCE_LISTS}
        for name, code, text, _rank in con.execute(_sql("code_list_names.sql")).fetchall():
            self.lists.setdefault(name, {}).setdefault(fold(text), code)
        self.activity, self.sector, self.indicator = (self.lists[n] for n in ("activity", "sector", "indicator"))
        # list → code → (Vietnamese, English) wording, for suggestions
        self.labels: dict[str, dict[str, tuple[str, str]]] = {name: {} for name in REFERENCE_LISTS}
        for name, code, name_vi, name_en in con.execute(_sql("code_list_labels.sql")).fetchall():
            self.labels.setdefault(name, {})[code] = (name_vi, name_en)
        self._suggested: dict[tuple[str, str], list[str]] = {}
        # figure kind → "plan" or "executed": which project amount a report's "Thực hiện" column fills
        self.figure_side = dict(con.execute(_sql("figure_sides.sql")).fetchall())
        self.period_end = {period: (month, day) for period, month, day in con.execute(
            _sql("period_ends.sql")).fetchall()}

    def remember(self, mapping: dict[tuple[str, str], str]) -> None:
        """Add values an analyst mapped on the Import page (etl/importing/mappings.py): (list, folded value) → code.

        The reference tables win over a remembered value, and a code no longer in its list is ignored.
        """
        for (list_name, key), code in mapping.items():
            if list_name in self.lists and code in self.labels.get(list_name, {}):
                self.lists[list_name].setdefault(key, code)

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

    def suggest(self, list_name: str, text: str) -> list[str]:
        """Up to 3 codes of a list whose names or aliases read most like `text` (folded), best first; none alike: [].

        Only ever shown as advice next to an error: a cell is never read as a suggestion.
        """
        key = fold(text)[:SUGGESTION_TEXT_CHARS]
        if (list_name, key) in self._suggested:
            return self._suggested[list_name, key]
        if len(self._suggested) >= SUGGESTION_BUDGET:
            return []
        best: dict[str, float] = {}
        matcher = difflib.SequenceMatcher(b=key, autojunk=False)
        for name, code in self.lists.get(list_name, {}).items():
            matcher.set_seq1(name)
            if matcher.real_quick_ratio() < SUGGESTION_CUTOFF or matcher.quick_ratio() < SUGGESTION_CUTOFF:
                continue
            score = matcher.ratio()
            if score >= SUGGESTION_CUTOFF and score > best.get(code, 0):
                best[code] = score
        top = max(best.values(), default=0)
        found = sorted((code for code in best if best[code] >= top - SUGGESTION_MARGIN),
                       key=lambda code: (-best[code], code))[:SUGGESTIONS]
        self._suggested[list_name, key] = found
        return found


def _sql(name: str) -> str:
    return (SQL_DIR / name).read_text(encoding="utf-8")
