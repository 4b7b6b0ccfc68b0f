"""Figures of the Overview page: KPIs of the filtered view, computed from the aggregate queries.

The KPI list (kpis) is the one the Overview page shows and the deck's key-figures slide repeats.
"""

from dataclasses import dataclass, replace

import pandas as pd

from khuyencong.data.code_lists import CodeLists, load_code_lists
from khuyencong.data.filters import Filters
from khuyencong.data.queries import Query
from khuyencong.figures.funding import (
    SHARE_SOURCES,
    FundingTotal,
    annual_funding,
    funding_total,
    qualified_money,
    qualified_note,
    share_units,
    source_shares,
    why_not_comparable,
    year_coverage,
)
from khuyencong.i18n.formatting import (
    format_headline_money,
    format_money,
    format_number,
    format_percent,
    format_year_span,
    headline_decimals,
    is_missing,
    money_unit,
)
from khuyencong.i18n.labels import N_, t


@dataclass
class OverviewFigures:
    funding: FundingTotal
    annual: pd.DataFrame
    projects: pd.Series
    establishments: pd.Series
    documents: list[str]
    has_illustrative: bool
    codes: CodeLists
    sources: tuple[str, ...]         # the funding sources in view (all of them when the filter is empty)
    basis: pd.DataFrame              # unit_id, unit_level, funding_source, amount_mvnd, years, doc_ids (funding_basis)
    coverage: pd.DataFrame           # funding.year_coverage of the annual series: which years the trend may join
    change: "Change | None" = None   # the total against the span before it (total_change), when comparable

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


@dataclass(frozen=True)
class KeyFigure:
    """One key figure (st.metric, and a card of the deck's key-figure slide). `illustrative` says whether any
    illustrative row is in the figure: the metric and the card carry the "Minh họa" mark, one made of real rows only
    none. `doc_ids` are the documents behind the figure, which its tooltip names."""

    key: str            # the label key, also the metric's identity
    label: str
    value: str
    help: str | None = None
    delta: str | None = None   # the change against the span before, when there is one to compare with
    illustrative: bool = False
    doc_ids: tuple[str, ...] = ()


@dataclass(frozen=True)
class Change:
    """The view's total against the year, or the span of as many years, just before it."""

    pct: float
    year_from: int
    year_to: int


def total_change(query: Query, filters: Filters, funding: FundingTotal) -> Change | None:
    """The change of the Overview's total on the previous year (or the previous span of the same length: 2016–2020
    against 2011–2015): only when the total adds annual figures only (a period total has no year to set against)
    and the two spans compare (annual_change); None otherwise, and the page then says nothing."""
    if funding.khuyen_cong_mvnd is None or len(funding.periods_used):
        return None
    return annual_change(query, filters)


def annual_change(query: Query, filters: Filters, figure: str = "allocated", khuyen_cong_only: bool = True
                  ) -> Change | None:
    """The change of the sum of annual figures of `figure` on the span of as many years just before, by the
    comparability rule of funding.year_coverage: only when every year of both spans is reported, on the same units
    with the same funding sources (khuyến công sources only, or every source as the Trends page sums them)."""
    length = filters.year_to - filters.year_from + 1
    start = filters.year_from - length
    annual = annual_funding(query, replace(filters, year_from=start), figure)
    if khuyen_cong_only:
        annual = annual[annual["is_khuyen_cong"].astype(bool)]
    coverage = year_coverage(annual)
    if list(coverage["year"]) != list(range(start, filters.year_to + 1)) or why_not_comparable(coverage):
        return None
    before = annual.loc[annual["year"] < filters.year_from, "amount_mvnd"].sum()
    now = annual.loc[annual["year"] >= filters.year_from, "amount_mvnd"].sum()
    if not before:
        return None
    return Change(100 * (now - before) / before, start, filters.year_from - 1)


def change_text(change: Change | None, lang: str) -> str | None:
    """'+12,3% so với 2006' / '-4,0% vs 2011–2015', as st.metric's delta; None without a comparable span."""
    if change is None:
        return None
    sign = "+" if change.pct > 0 else ""
    return t("kpi_change_vs", lang, pct=sign + format_percent(change.pct, lang),
             span=format_year_span(change.year_from, change.year_to))


def overview_figures(query: Query, filters: Filters) -> OverviewFigures:
    """Everything the KPI cards and the small trend need, for one set of filters."""
    codes = load_code_lists(query)
    funding = funding_total(query, filters)
    annual = annual_funding(query, filters)
    annual = annual[annual["is_khuyen_cong"].astype(bool)]
    projects = query("project_summary", **filters.sql_params()).iloc[0]
    establishments = query("establishments_supported", **filters.sql_params()).iloc[0]
    documents = sorted(set(funding.doc_ids) | _ids(projects["doc_ids"]) | _ids(establishments["doc_ids"]))
    illustrative = bool(funding.has_illustrative or projects["has_illustrative"] or establishments["has_illustrative"])
    basis = query("funding_basis", **filters.sql_params(), figure="allocated")
    basis["has_illustrative"] = basis["has_illustrative"].fillna(False).astype(bool)
    return OverviewFigures(funding, annual, projects, establishments, documents, illustrative, codes,
                           filters.sources or codes.sources, basis, year_coverage(annual),
                           total_change(query, filters, funding))


def _ids(value) -> set[str]:
    if value is None or value is pd.NA or (not hasattr(value, "__len__") and is_missing(value)):
        return set()
    return set(value)


def _count(value: int) -> int | None:
    """A count of rows in view: no row is "not reported" (None), never 0."""
    return int(value) or None


def kpis(figures: OverviewFigures, lang: str) -> list[KeyFigure]:
    """The Overview's key figures, in order: total, local and central shares, projects, establishments, leverage."""
    # Shares only over the units that report both sources (funding.source_shares): a unit that reports local money
    # alone would otherwise count as "100 % local".
    shares, both = source_shares(figures.basis)
    shown_shares = bool(shares)
    basis = figures.basis
    share_rows = basis[basis["unit_id"].isin(share_units(basis)) & basis["funding_source"].isin(SHARE_SOURCES)
                       ] if shown_shares else basis.iloc[0:0]

    def share(source: str) -> str:
        return format_percent(shares[source], lang) if source in figures.sources and shares else "—"

    share_help = t("overview_share_help", lang, n=format_number(both, lang)) if shares else \
        t("overview_share_none", lang)
    share_illustrative = bool(share_rows["has_illustrative"].any())
    share_docs = tuple(sorted({d for ids in share_rows["all_doc_ids"] for d in _ids(ids)}))
    leverage = figures.leverage
    total = figures.funding.khuyen_cong_mvnd
    projects, establishments = figures.projects, figures.establishments
    project_count = _count(projects["projects"])
    return [
        KeyFigure("kpi_total", t("kpi_total", lang), qualified_money(
            total, figures.funding.qualifiers, figures.codes, lang, money_unit(total), headline_decimals(total)),
            t("kpi_total_help", lang), change_text(figures.change, lang),
            total is not None and figures.funding.has_illustrative, tuple(figures.funding.doc_ids)),
        KeyFigure("kpi_local_share", t("kpi_local_share", lang), share("local"), share_help,
                  illustrative=share_illustrative and share("local") != "—", doc_ids=share_docs),
        KeyFigure("kpi_central_share", t("kpi_central_share", lang), share("central"), share_help,
                  illustrative=share_illustrative and share("central") != "—", doc_ids=share_docs),
        KeyFigure("kpi_projects", t("kpi_projects", lang), format_number(project_count, lang),
                  t("kpi_projects_help", lang, n=format_number(projects["projects_with_actual"], lang)) + ". "
                  + t("kpi_count_source_rule", lang),
                  illustrative=bool(projects["has_illustrative"]), doc_ids=tuple(sorted(_ids(projects["doc_ids"])))),
        KeyFigure("kpi_establishments", t("kpi_establishments", lang),
                  format_number(establishments["establishments"], lang),
                  t("kpi_establishments_help", lang) + " " + t("kpi_count_source_rule", lang),
                  illustrative=bool(establishments["has_illustrative"]),
                  doc_ids=tuple(sorted(_ids(establishments["doc_ids"])))),
        KeyFigure("kpi_leverage", t("kpi_leverage", lang),
                  t("leverage_value", lang, value=format_number(leverage, lang, 2)) if leverage is not None
                  else format_number(None, lang), t("kpi_leverage_help", lang),
                  illustrative=leverage is not None and bool(projects["leverage_illustrative"]),
                  doc_ids=tuple(sorted(_ids(projects["leverage_doc_ids"]))) if leverage is not None else ()),
    ]


# "1 province" / "2 provinces": English needs the singular; Vietnamese reads the same either way.
BASIS_COUNTS = {
    ("province", True): N_("overview_basis_province_one"), ("province", False): N_("overview_basis_province_many"),
    ("unit", True): N_("overview_basis_unit_one"), ("unit", False): N_("overview_basis_unit_many"),
    ("year", True): N_("overview_basis_year_one"), ("year", False): N_("overview_basis_year_many"),
    ("document", True): N_("overview_basis_document_one"), ("document", False): N_("overview_basis_document_many"),
}


def basis_sentence(figures: OverviewFigures, lang: str) -> str:
    """'Dựa trên 7 tỉnh, 20 năm, 7 tài liệu đã công bố': what the total rests on (the counted allocations)."""
    basis = figures.basis
    if basis.empty:
        return t("overview_basis_none", lang)
    units = basis["unit_id"].nunique()
    years = len({y for ys in basis["years"] for y in ys})
    documents = len({d for ids in basis["doc_ids"] if not is_missing(ids) for d in ids})
    unit_kind = "province" if (basis["unit_level"] == "province").all() else "unit"
    counts = [(unit_kind, units), ("year", years), ("document", documents)]
    parts = [t(BASIS_COUNTS[(what, n == 1)], lang, n=format_number(n, lang)) for what, n in counts]
    sentence = t("overview_basis", lang, units=parts[0], years=parts[1], documents=parts[2])
    return sentence + " " + t("overview_basis_changing", lang) if units > 1 and years > 1 else sentence


# Kinds of figure beside the allocations the total adds, by side (figure_kind.side), named on the Overview.
OTHER_SIDES = {"plan": N_("overview_other_plan"), "executed": N_("overview_other_executed")}


def other_kinds_sentence(query: Query, filters: Filters) -> str | None:
    """'Ngoài số phân bổ, phạm vi này còn có 49 số kế hoạch khác, 33 số thực hiện…' when the view holds figures of
    other kinds than the allocations the total adds (never added to it); None otherwise."""
    counts = query("figure_kind_counts", **filters.sql_params())
    others = counts[(counts["figure"] != "allocated") & (counts["figures"] > 0)]
    if others.empty:
        return None
    sides = others.groupby("side")["figures"].sum()
    items = [t(key, filters.lang, n=format_number(int(sides[side]), filters.lang))
             for side, key in OTHER_SIDES.items() if side in sides]
    return t("overview_other_kinds", filters.lang, items=", ".join(items))


def describe_periods(periods: pd.DataFrame, codes: CodeLists, lang: str) -> str:
    """'Trung ương 2002–2018 (16,3 tỷ đồng)' for each period total."""
    return "; ".join(f"{codes.source_name(p.funding_source, lang)} {format_year_span(p.year_from, p.year_to)} "
                     f"({format_money(p.amount_mvnd, lang)})" for p in periods.itertuples())


def period_notes(figures: OverviewFigures, lang: str) -> list[str]:
    """Which period totals the total counts, and which it leaves out, in words; and the qualified figures a total
    adds when they do not share one qualifier."""
    notes = []
    if len(figures.funding.periods_used):
        notes.append(t("periods_used_note", lang, items=describe_periods(figures.funding.periods_used,
                                                                          figures.codes, lang)))
    if len(figures.funding.periods_left_out):
        notes.append(t("periods_left_out_note", lang, items=describe_periods(figures.funding.periods_left_out,
                                                                              figures.codes, lang)))
    if note := qualified_note(figures.funding, lang):
        notes.append(note)
    return notes


def illustrative_note(figures: list[KeyFigure], lang: str) -> str | None:
    """Where the illustrative data is: the key figures that hold some by name, and the charts by their mark; None
    when every key figure is made of real rows."""
    marked = [k.label for k in figures if k.illustrative]
    return t("pr_quality_illustrative", lang, items=", ".join(marked)) if marked else None


def deck_summary(query: Query, filters: Filters) -> tuple[list[tuple[str, str, bool]], list[str]]:
    """Key figures for the deck's KPI slide (the Overview's list: label, value, whether it holds illustrative rows),
    and the data-quality notes of the view."""
    figures = overview_figures(query, filters)
    key_figures = kpis(figures, filters.lang)
    note = illustrative_note(key_figures, filters.lang)
    return ([(k.label, k.value, k.illustrative) for k in key_figures],
            ([note] if note else []) + period_notes(figures, filters.lang))


# What each page's total includes that the other's does not: (period totals, sources that are not khuyến công).
TOTALS_DIFFS = {"overview": (N_("totals_overview_adds_periods"), N_("totals_overview_leaves_other")),
                "trends": (N_("totals_trends_leaves_periods"), N_("totals_trends_adds_other"))}
TOTALS_VS = {"overview": N_("totals_overview_vs"), "trends": N_("totals_trends_vs")}


@dataclass(frozen=True)
class TotalsCompared:
    """The Overview's "Tổng kinh phí khuyến công" and the Trends page's "Tổng các năm có số liệu" of allocations,
    computed once, with what sets them apart: the period totals the first counts (the second adds annual figures
    only) and the annual figures of sources that are not khuyến công money (counterpart), which only the second adds."""

    overview_mvnd: float | None
    trends_mvnd: float | None
    periods_mvnd: float
    other_sources_mvnd: float

    @property
    def differ(self) -> bool:
        return self.overview_mvnd != self.trends_mvnd

    def _diffs(self, page: str, lang: str) -> str:
        keys = TOTALS_DIFFS[page]
        parts = []
        if self.periods_mvnd:
            parts.append(t(keys[0], lang, amount=format_money(self.periods_mvnd, lang)))
        if self.other_sources_mvnd:
            parts.append(t(keys[1], lang, amount=format_money(self.other_sources_mvnd, lang)))
        return "; ".join(parts) if parts else t("totals_other_rows", lang)

    def sentence(self, page: str, lang: str) -> str | None:
        """What the total on `page` ('overview' or 'trends') includes that the other page's does not, with the
        other page's value; None when the two are equal."""
        if not self.differ:
            return None
        other = self.trends_mvnd if page == "overview" else self.overview_mvnd
        return t(TOTALS_VS[page], lang, other=format_headline_money(other, lang), diffs=self._diffs(page, lang))


def totals_compared(query: Query, filters: Filters) -> TotalsCompared:
    """Both headline totals of the allocations in view (the total rule and the annual series), from the same
    queries the two pages read."""
    funding = funding_total(query, filters)
    annual = annual_funding(query, filters)
    periods = funding.periods_used
    counted_periods = periods[periods["is_khuyen_cong"].astype(bool)] if len(periods) else periods
    other = annual.loc[~annual["is_khuyen_cong"].astype(bool), "amount_mvnd"].sum() if len(annual) else 0.0
    return TotalsCompared(funding.khuyen_cong_mvnd, float(annual["amount_mvnd"].sum()) if len(annual) else None,
                          float(counted_periods["amount_mvnd"].sum()) if len(counted_periods) else 0.0, float(other))


def view_areas(query: Query, filters: Filters, all_areas: str, unit_name) -> str:
    """The areas of the view as the subtitle names them: `all_areas` ("Tất cả địa phương"), or, when every row in view
    comes from one unit, "Tất cả địa phương (số liệu chỉ có của Nghệ An)"; selected areas are named by the caller."""
    units = query("units_in_view", **filters.sql_params())["unit_id"]
    if len(units) == 1:
        return t("all_areas_only", filters.lang, area=unit_name(units.iloc[0]))
    return all_areas
