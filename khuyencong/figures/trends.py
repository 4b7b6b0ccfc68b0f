"""Figures of the Funding trends page: the annual series in nominal or real terms and its growth."""

from dataclasses import dataclass

import pandas as pd

from khuyencong.data.filters import Filters
from khuyencong.data.queries import Query
from khuyencong.figures.funding import (
    annual_funding,
    average_annual_growth,
    period_totals,
    to_real_values,
    year_on_year_change,
    yearly_totals,
)


@dataclass
class TrendFigures:
    annual: pd.DataFrame          # unit_id, year, funding_source, amount_mvnd (nominal or real)
    by_source: pd.DataFrame       # year, funding_source, amount_mvnd, qualifiers (all units together)
    totals: pd.DataFrame          # year, amount_mvnd
    changes: pd.DataFrame         # year, change_pct
    periods: pd.DataFrame         # period totals overlapping the selection (always nominal)
    growth_pct: float | None
    doc_ids: list[str]
    has_illustrative: bool


def trend_figures(query: Query, filters: Filters, real_base_year: int | None = None) -> TrendFigures:
    """The annual series of the view; with real_base_year, money at that year's prices."""
    annual = annual_funding(query, filters)
    if real_base_year is not None and len(annual):
        annual = to_real_values(query, annual, real_base_year)
    periods = period_totals(query, filters)
    by_source = annual.groupby(["year", "funding_source"], as_index=False).agg(
        amount_mvnd=("amount_mvnd", "sum"),
        qualifiers=("qualifiers", lambda lists: sorted({q for codes in lists for q in codes})))
    totals = yearly_totals(annual)
    doc_ids = sorted({d for ids in annual["doc_ids"] for d in ids} | set(periods["doc_id"]))
    illustrative = bool(annual["has_illustrative"].any() or periods["is_illustrative"].any())
    return TrendFigures(annual, by_source, totals, year_on_year_change(totals), periods,
                        average_annual_growth(totals), doc_ids, illustrative)


def totals_by_unit(annual: pd.DataFrame) -> pd.DataFrame:
    """unit_id, year, amount_mvnd: one series per area, for the side-by-side comparison."""
    return annual.groupby(["unit_id", "year"], as_index=False)["amount_mvnd"].sum()
