"""Funding figures as the pages show them: annual series, period totals kept apart, real values, growth.

SQL does the aggregation; this module only combines the few aggregated rows it returns.
"""

from dataclasses import dataclass, field

import pandas as pd

from khuyencong.data.filters import Filters
from khuyencong.ui.fetch import fetch

KHUYEN_CONG_SOURCES = ("local", "central", "other")  # counterpart capital is not khuyến công money


@dataclass
class FundingTotal:
    """Total funding of a view: annual figures, plus period totals that have no annual figure inside them."""

    by_source: dict[str, float]
    periods_used: pd.DataFrame
    periods_left_out: pd.DataFrame
    has_illustrative: bool
    doc_ids: list[str] = field(default_factory=list)
    reported: bool = True

    @property
    def khuyen_cong_mvnd(self) -> float | None:
        values = [v for s, v in self.by_source.items() if s in KHUYEN_CONG_SOURCES]
        return sum(values) if values else None

    def share(self, source: str) -> float | None:
        total = sum(v for s, v in self.by_source.items() if s in ("local", "central"))
        return None if not total or source not in self.by_source else 100 * self.by_source[source] / total


def annual_funding(filters: Filters, figure: str = "allocated") -> pd.DataFrame:
    """unit_id, year, funding_source, amount_mvnd (float), has_illustrative, doc_ids."""
    frame = fetch("funding_by_year", filters, figure=figure)
    frame["amount_mvnd"] = frame["amount_mvnd"].astype(float)
    return frame


def period_totals(filters: Filters, figure: str = "allocated") -> pd.DataFrame:
    """Period totals overlapping the selection; `usable` when inside it and without annual figures."""
    frame = fetch("period_totals", filters, figure=figure)
    frame["amount_mvnd"] = frame["amount_mvnd"].astype(float)
    frame["usable"] = frame["inside_selection"] & (frame["years_reported"].fillna(0) == 0)
    return frame


def funding_total(filters: Filters, figure: str = "allocated") -> FundingTotal:
    """Annual figures summed, plus usable period totals; no figure is counted twice or spread over years."""
    annual = annual_funding(filters, figure)
    periods = period_totals(filters, figure)
    used = periods[periods["usable"]]
    by_source: dict[str, float] = {}
    for source, amount in annual.groupby("funding_source")["amount_mvnd"].sum().items():
        by_source[source] = by_source.get(source, 0.0) + float(amount)
    for source, amount in used.groupby("funding_source")["amount_mvnd"].sum().items():
        by_source[source] = by_source.get(source, 0.0) + float(amount)
    doc_ids = sorted({d for ids in annual["doc_ids"] for d in ids} | set(used["doc_id"]))
    illustrative = bool(annual["has_illustrative"].any() or used["is_illustrative"].any())
    return FundingTotal(by_source, used, periods[~periods["usable"]], illustrative, doc_ids,
                        reported=bool(by_source))


def yearly_totals(annual: pd.DataFrame) -> pd.DataFrame:
    """Total per year over the funding sources in the frame (annual figures only)."""
    return annual.groupby("year", as_index=False)["amount_mvnd"].sum().sort_values("year")


def to_real_values(annual: pd.DataFrame, base_year: int) -> pd.DataFrame:
    """Money at the prices of base_year, using the CPI (2025 = 100)."""
    cpi = fetch("cpi").set_index("year")["index_value"].astype(float)
    frame = annual.copy()
    frame["amount_mvnd"] = frame["amount_mvnd"] * float(cpi[base_year]) / frame["year"].map(cpi)
    return frame


def year_on_year_change(totals: pd.DataFrame) -> pd.DataFrame:
    """Percentage change on the previous year, only where both years are reported."""
    frame = totals.set_index("year")["amount_mvnd"]
    previous = frame.shift(1)
    consecutive = pd.Series(frame.index, index=frame.index).diff() == 1
    change = ((frame - previous) / previous * 100).where(consecutive & (previous > 0))
    return change.dropna().rename("change_pct").reset_index()


def average_annual_growth(totals: pd.DataFrame) -> float | None:
    """Compound annual growth between the first and last reported years, in percent."""
    reported = totals[totals["amount_mvnd"] > 0].sort_values("year")
    if len(reported) < 2:
        return None
    first, last = reported.iloc[0], reported.iloc[-1]
    years = int(last["year"] - first["year"])
    return ((last["amount_mvnd"] / first["amount_mvnd"]) ** (1 / years) - 1) * 100
