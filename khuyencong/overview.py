"""Figures of the Overview page: KPIs of the filtered view, computed from the aggregate queries."""

from dataclasses import dataclass

import pandas as pd

from khuyencong.data import fetch
from khuyencong.filters import Filters
from khuyencong.formatting import format_money, format_year_span, is_missing
from khuyencong.funding import FundingTotal, annual_funding, funding_total
from khuyencong.labels import source_label


@dataclass
class OverviewFigures:
    funding: FundingTotal
    annual: pd.DataFrame
    projects: pd.Series
    establishments: pd.Series
    documents: list[str]
    has_illustrative: bool

    @property
    def leverage(self) -> float | None:
        """Counterpart đồng per đồng of khuyến công money, over projects reporting both."""
        both = self.projects["actual_with_both_mvnd"]
        if both is None or both != both or not both:
            return None
        return float(self.projects["counterpart_with_both_mvnd"]) / float(both)

    @property
    def years_covered(self) -> tuple[int, int] | None:
        years = list(self.annual["year"]) + [y for p in self.funding.periods_used.itertuples()
                                            for y in (p.year_from, p.year_to)]
        return (min(years), max(years)) if years else None


def overview_figures(filters: Filters) -> OverviewFigures:
    """Everything the KPI cards and the small trend need, for one set of filters."""
    funding = funding_total(filters)
    annual = annual_funding(filters)
    annual = annual[annual["funding_source"] != "counterpart"]
    projects = fetch("project_summary", filters).iloc[0]
    establishments = fetch("establishments_supported", filters).iloc[0]
    documents = sorted(set(funding.doc_ids) | _ids(projects["doc_ids"]) | _ids(establishments["doc_ids"]))
    illustrative = bool(funding.has_illustrative or projects["has_illustrative"] or establishments["has_illustrative"])
    return OverviewFigures(funding, annual, projects, establishments, documents, illustrative)


def _ids(value) -> set[str]:
    return set() if is_missing(value) or value is pd.NA else set(value)


def describe_periods(periods: pd.DataFrame, lang: str) -> str:
    """'Trung ương 2002–2018 (16,3 tỷ đồng)' for each period total."""
    return "; ".join(f"{source_label(p.funding_source, lang)} {format_year_span(p.year_from, p.year_to)} "
                     f"({format_money(p.amount_mvnd, lang)})" for p in periods.itertuples())
