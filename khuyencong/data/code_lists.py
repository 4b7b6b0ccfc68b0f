"""The code lists as the database holds them (reference tables: funding_source, figure_kind, project_status, period,
qualifier, activity, sector): codes in display order, names in both languages, funding-source colours and which
sources are khuyến công money. Nothing else in the dashboard lists the codes."""

from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd

SOURCES, FIGURES, STATUSES, PERIODS, QUALIFIERS = "funding_source", "figure", "status", "period", "qualifier"
PARTIAL_PERIODS = "partial_period"
ACTIVITIES, SECTORS = "activity", "sector"
FALLBACK_COLOUR = "#999999"


@dataclass(frozen=True)
class CodeLists:
    """Rows of the code_lists query: list, code, name_vi, name_en, sort_order, colour, is_khuyen_cong, symbol."""

    rows: tuple[tuple, ...]

    @classmethod
    def from_frame(cls, frame: pd.DataFrame) -> "CodeLists":
        columns = ["list", "code", "name_vi", "name_en", "colour", "is_khuyen_cong", "symbol"]
        return cls(tuple(tuple(None if pd.isna(v) else v for v in row)
                         for row in frame.reindex(columns=columns).itertuples(index=False)))

    def codes(self, list_name: str) -> tuple[str, ...]:
        """The codes of one list, in display order."""
        return tuple(row[1] for row in self.rows if row[0] == list_name)

    def names(self, list_name: str, lang: str) -> dict[str, str]:
        """Code -> name in the UI language."""
        index = 2 if lang == "vi" else 3
        return {row[1]: row[index] for row in self.rows if row[0] == list_name}

    def activity_sector_names(self, lang: str) -> dict[str, str]:
        """Activity and sector codes -> names in the UI language (the two lists share no code)."""
        return {**self.names(ACTIVITIES, lang), **self.names(SECTORS, lang)}

    def name(self, list_name: str, code, lang: str):
        """The name of a code (the code itself when the list lacks it; None stays None)."""
        if code is None or (isinstance(code, float) and code != code):
            return None
        return self.names(list_name, lang).get(code, str(code))

    @property
    def sources(self) -> tuple[str, ...]:
        return self.codes(SOURCES)

    def source_name(self, code: str, lang: str) -> str:
        return self.name(SOURCES, code, lang)

    def source_names(self, codes, lang: str) -> str:
        """'Địa phương, Trung ương': the given sources, or every source when none is given (empty = all)."""
        return ", ".join(self.source_name(s, lang) for s in (codes or self.sources))

    def colours(self) -> dict[str, str]:
        """Funding source -> chart colour, in display order."""
        return {row[1]: row[4] or FALLBACK_COLOUR for row in self.rows if row[0] == SOURCES}

    def symbol(self, qualifier: str) -> str | None:
        """The sign a qualifier is shown by ('>' for more_than); None for exact."""
        return next((row[6] for row in self.rows if row[0] == QUALIFIERS and row[1] == qualifier), None)

    def khuyen_cong_sources(self) -> tuple[str, ...]:
        """Sources that count as khuyến công money (funding_source.is_khuyen_cong)."""
        return tuple(row[1] for row in self.rows if row[0] == SOURCES and row[5])


def load_code_lists(query: Callable[..., pd.DataFrame]) -> CodeLists:
    """The code lists, from a query function `query(name, **params) -> DataFrame`.

    A query function may carry its own `code_lists()` (the app's keeps one per database version): a page asks for
    the lists several times a run, and building them anew each time cost about 10 ms a run."""
    cached = getattr(query, "code_lists", None)
    return cached() if cached else CodeLists.from_frame(query("code_lists"))
