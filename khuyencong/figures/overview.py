"""Figures of the Overview page: KPIs of the filtered view, computed from the aggregate queries."""

from dataclasses import dataclass

import pandas as pd

from khuyencong.data.filters import Filters
from khuyencong.figures.funding import FundingTotal, annual_funding, funding_total
from khuyencong.i18n.formatting import format_money, format_year_span, is_missing
from khuyencong.ui.fetch import code_lists, fetch


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
        """Counterpart đồng per đồng of khuyến công money (SQL macro leverage)."""
        value = self.projects["leverage"]
        return None if is_missing(value) else float(value)

    @property
    def years_covered(self) -> tuple[int, int] | None:
        years = list(self.annual["year"]) + [y for p in self.funding.periods_used.itertuples()
                                            for y in (p.year_from, p.year_to)]
        return (min(years), max(years)) if years else None


def overview_figures(filters: Filters) -> OverviewFigures:
    """Everything the KPI cards and the small trend need, for one set of filters."""
    funding = funding_total(filters)
    annual = annual_funding(filters)
    annual = annual[annual["is_khuyen_cong"].astype(bool)]
    projects = fetch("project_summary", filters).iloc[0]
    establishments = fetch("establishments_supported", filters).iloc[0]
    documents = sorted(set(funding.doc_ids) | _ids(projects["doc_ids"]) | _ids(establishments["doc_ids"]))
    illustrative = bool(funding.has_illustrative or projects["has_illustrative"] or establishments["has_illustrative"])
    return OverviewFigures(funding, annual, projects, establishments, documents, illustrative)


def _ids(value) -> set[str]:
    return set() if is_missing(value) or value is pd.NA else set(value)


def describe_periods(periods: pd.DataFrame, lang: str) -> str:
    """'Trung ương 2002–2018 (16,3 tỷ đồng)' for each period total."""
    codes = code_lists()
    return "; ".join(f"{codes.source_name(p.funding_source, lang)} {format_year_span(p.year_from, p.year_to)} "
                     f"({format_money(p.amount_mvnd, lang)})" for p in periods.itertuples())


def deck_summary(filters: Filters) -> tuple[list[tuple[str, str]], list[str]]:
    """Key figures for the deck's KPI slide, and the data-quality notes of the view."""
    from khuyencong.i18n.formatting import format_number, format_percent
    from khuyencong.i18n.labels import t

    lang = filters.lang
    figures = overview_figures(filters)
    kpis = [
        (t("kpi_total", lang), format_money(figures.funding.khuyen_cong_mvnd, lang)),
        (t("kpi_local_share", lang), format_percent(figures.funding.share("local"), lang)),
        (t("kpi_central_share", lang), format_percent(figures.funding.share("central"), lang)),
        (t("kpi_projects", lang), format_number(figures.projects["projects"], lang)),
        (t("kpi_establishments", lang), format_number(figures.establishments["establishments"], lang)),
        (t("kpi_leverage", lang), t("leverage_value", lang, value=format_number(figures.leverage, lang, 2))
         if figures.leverage is not None else format_number(None, lang)),
    ]
    notes = []
    if figures.has_illustrative:
        notes.append(t("pr_quality_illustrative", lang))
    if len(figures.funding.periods_used):
        notes.append(t("periods_used_note", lang, items=describe_periods(figures.funding.periods_used, lang)))
    if len(figures.funding.periods_left_out):
        notes.append(t("periods_left_out_note", lang, items=describe_periods(figures.funding.periods_left_out, lang)))
    return kpis, notes
