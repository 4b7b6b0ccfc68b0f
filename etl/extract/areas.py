"""Areas named in an article: the area aliases of the reference tables (with or without diacritics, "tỉnh X",
"X province", English names, the conference regions), "cả nước" and "nationwide" for the whole country."""

import re
from dataclasses import dataclass
from datetime import date
from functools import cached_property

import duckdb

from etl.extract.wording import AREA_ALIASES_NOT_IN_PROSE, AREA_PRONOUNS, NATIONWIDE
from etl.importing.codes import Codes
from etl.paths import SQL_DIR

NATIONAL_AREA = "toan-quoc"


@dataclass(frozen=True)
class AreaMention:
    start: int
    end: int
    key: str                 # the folded alias matched ("binh dinh"); "" for the whole country
    candidates: tuple[str, ...]

    def on(self, day: date | None, codes: Codes) -> tuple[str | None, tuple[str, ...]]:
        """(the area on that day, or None; the areas it could be) — the day decides between a name's old and new
        unit (Hưng Yên before and after 1 July 2025)."""
        if not self.key:
            return NATIONAL_AREA, (NATIONAL_AREA,)
        if day is None:
            return (self.candidates[0], self.candidates) if len(self.candidates) == 1 else (None, self.candidates)
        area_id, trouble = codes.area(self.key, day)
        if area_id:
            return area_id, (area_id,)
        return None, self.candidates


class Reference:
    """What the article reader checks against, read once from a database: the code lists and the areas."""

    def __init__(self, con: duckdb.DuckDBPyConnection):
        self.codes = Codes(con)
        rows = con.execute((SQL_DIR / "area_levels.sql").read_text(encoding="utf-8")).fetchall()
        self.level = {area_id: level for area_id, level, _vi, _en in rows}
        self.names = {area_id: (vi, en) for area_id, _level, vi, en in rows}

    @classmethod
    def from_database(cls, db_path) -> "Reference":
        con = duckdb.connect(str(db_path), read_only=True)
        try:
            return cls(con)
        finally:
            con.close()

    @cached_property
    def area_pattern(self) -> re.Pattern:
        keys = sorted((k for k in self.codes.areas if k and k not in AREA_ALIASES_NOT_IN_PROSE), key=len,
                      reverse=True)
        body = "|".join(r"[\s.\-]+".join(re.escape(word) for word in key.split()) for key in keys)
        return re.compile(rf"(?<![a-z0-9])(?:{body})(?![a-z0-9])")

    def find_areas(self, folded: str) -> list[AreaMention]:
        found = []
        for match in self.area_pattern.finditer(folded):
            key = " ".join(re.split(r"[\s.\-]+", match.group()))
            entries = self.codes.areas.get(key, [])
            candidates = tuple(sorted({area_id for area_id, _f, _t in entries}))
            found.append(AreaMention(match.start(), match.end(), key, candidates))
        for phrase in NATIONWIDE:
            for match in re.finditer(rf"(?<![a-z0-9]){phrase}(?![a-z0-9])", folded):
                found.append(AreaMention(match.start(), match.end(), "", (NATIONAL_AREA,)))
        return sorted(found, key=lambda m: m.start)


def find_pronouns(folded: str) -> list[tuple[int, int]]:
    """Where the text says "the province", "tỉnh", "thành phố": the paragraph's own area."""
    spans = []
    for phrase in AREA_PRONOUNS:
        spans += [(m.start(), m.end()) for m in re.finditer(rf"(?<![a-z0-9]){phrase}(?![a-z0-9])", folded)]
    return sorted(spans)
