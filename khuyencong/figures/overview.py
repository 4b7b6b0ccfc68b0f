"""Figures of the Overview page: KPIs of the filtered view, computed from the aggregate queries.

The KPI list (kpis) is the one the Overview page shows and the deck's key-figures slide repeats.
"""

from dataclasses import dataclass, replace

import pandas as pd

from khuyencong.data.code_lists import FIGURES, CodeLists, load_code_lists
from khuyencong.data.filters import Filters
from khuyencong.data.queries import Query
from khuyencong.figures.funding import (
    DIFFERS_MARK,
    SHARE_SOURCES,
    FundingTotal,
    annual_funding,
    difference_items,
    funding_total,
    other_kind_text,
    partial_items,
    published_value,
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


@dataclass(frozen=True)
class Coverage:
    """What the view's published figures cover before anything is added up (coverage_summary.sql, kind_coverage.sql):
    provinces with any figure out of the 63 (or the 34 units from 1 July 2025), documents, the years reached, and how
    many province-years have a yearly figure of the chosen kind and of any kind."""

    provinces: int
    provinces_total: int
    documents: int
    first_year: int | None
    last_year: int | None
    years: int                   # the selected years
    kind_provinces: int          # provinces with a yearly figure of the chosen kind
    kind_province_years: int
    any_provinces: int           # provinces with a yearly money figure of any kind
    any_province_years: int

    @property
    def cells(self) -> int:
        return self.provinces_total * self.years


@dataclass
class OverviewFigures:
    funding: FundingTotal            # the sum shown: one unit's years, or only the units reporting every year
    annual: pd.DataFrame
    projects: pd.Series
    establishments: pd.Series
    documents: list[str]
    has_illustrative: bool
    codes: CodeLists
    sources: tuple[str, ...]         # the funding sources in view (all of them when the filter is empty)
    basis: pd.DataFrame              # unit_id, names, unit_level, funding_source, amount_mvnd, years, doc_ids
    coverage: pd.DataFrame           # funding.year_coverage of the annual series: which years the trend may join
    change: "Change | None" = None   # the total against the span before it (total_change), when comparable
    kind: str = "allocated"          # the kind of figure (filters.kind)
    span: tuple[int, int] = (2002, 2025)
    lang: str = "vi"
    single_unit: bool = True         # the money of the kind in view comes from one unit: its own years are summed
    every_year: pd.DataFrame | None = None   # unit_id, names: the units reporting every selected year (the sum's set)
    published: pd.DataFrame | None = None    # published_project_counts rows: the documents' own đề án counts
    other_kinds: pd.DataFrame | None = None  # other_kind_figures rows: the latest figure of each other kind
    differences: pd.DataFrame | None = None  # period_disagreements rows: stated totals the annual figures miss
    partial: pd.DataFrame | None = None      # partial_figures rows: parts of a year, never counted as one
    data_coverage: Coverage | None = None

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

    @property
    def units_with_figures(self) -> int:
        return int(self.basis["unit_id"].nunique()) if len(self.basis) else 0


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


def total_change(query: Query, filters: Filters, funding: FundingTotal, figure: str = "allocated"
                 ) -> Change | None:
    """The change of the Overview's total on the previous year (or the previous span of the same length: 2016–2020
    against 2011–2015): only when the total adds annual figures only (a period total has no year to set against)
    and the two spans compare (annual_change); None otherwise, and the page then says nothing. `filters` are the
    total's (its units)."""
    if funding.khuyen_cong_mvnd is None or len(funding.periods_used):
        return None
    return annual_change(query, filters, figure)


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


def total_filters(query: Query, filters: Filters) -> tuple[Filters | None, bool, pd.DataFrame]:
    """The filters the Overview's total is taken with, whether the view's money of its kind comes from one unit, and
    the units that report every selected year (units_every_year.sql). One unit: its own years are summed (labelled
    with them). Several: only the units that report every year are added, so that seventeen years of one province
    never stand beside one year of another; None when no unit does (nothing is summed)."""
    basis = query("funding_basis", **filters.sql_params(), figure=filters.kind)
    every_year = query("units_every_year", **filters.sql_params(), figure=filters.kind)
    single = basis["unit_id"].nunique() <= 1
    if single:
        return filters, True, every_year
    if every_year.empty:
        return None, False, every_year
    return replace(filters, areas=tuple(every_year["unit_id"])), False, every_year


def _empty_total() -> FundingTotal:
    empty = pd.DataFrame(columns=["unit_id", "funding_source", "year_from", "year_to", "amount_mvnd", "is_khuyen_cong",
                                  "usable", "left_out", "overlapped_by"])
    return FundingTotal({}, empty, empty, False, [], reported=False)


def overview_total(query: Query, filters: Filters) -> tuple[FundingTotal, Filters | None, bool, pd.DataFrame]:
    """The Overview's total of the chosen kind by total_filters, with the filters it was taken with."""
    scope, single, every_year = total_filters(query, filters)
    funding = funding_total(query, scope, filters.kind) if scope is not None else _empty_total()
    return funding, scope, single, every_year


def data_coverage(query: Query, filters: Filters, documents: int) -> Coverage:
    """The view's coverage: provinces out of the 63 (or 34), documents, years, province-years of the kind."""
    summary = query("coverage_summary", **filters.sql_params()).iloc[0]
    kind = query("kind_coverage", **filters.sql_params(), figure=filters.kind).iloc[0]

    def year(value):
        return None if is_missing(value) else int(value)

    return Coverage(int(summary["provinces"]), int(summary["provinces_total"]), documents, year(summary["first_year"]),
                    year(summary["last_year"]), filters.year_to - filters.year_from + 1, int(kind["kind_provinces"]),
                    int(kind["kind_province_years"]), int(kind["any_provinces"]), int(kind["any_province_years"]))


def overview_figures(query: Query, filters: Filters, documents: int | None = None) -> OverviewFigures:
    """Everything the coverage, the key figures and the small trend need, for one set of filters and the kind of
    figure they carry (filters.kind). `documents`: the documents count the page shows (the Sources page's rule)."""
    codes = load_code_lists(query)
    kind = filters.kind
    funding, scope, single, every_year = overview_total(query, filters)
    annual = annual_funding(query, filters, kind)
    annual = annual[annual["is_khuyen_cong"].astype(bool)]
    projects = query("project_summary", **filters.sql_params()).iloc[0]
    establishments = query("establishments_supported", **filters.sql_params()).iloc[0]
    published = query("published_project_counts", **filters.sql_params())
    doc_ids = set(funding.doc_ids) | _ids(projects["doc_ids"]) | _ids(establishments["doc_ids"])
    documents_list = sorted(doc_ids)
    illustrative = bool(funding.has_illustrative or projects["has_illustrative"] or establishments["has_illustrative"])
    basis = query("funding_basis", **filters.sql_params(), figure=kind)
    basis["has_illustrative"] = basis["has_illustrative"].fillna(False).astype(bool)
    change = total_change(query, scope, funding, kind) if scope is not None else None
    if documents is None:
        documents = len(documents_list)
    return OverviewFigures(
        funding, annual, projects, establishments, documents_list, illustrative, codes,
        filters.sources or codes.sources, basis, year_coverage(annual), change, kind,
        (filters.year_from, filters.year_to), filters.lang, single, every_year, published,
        query("other_kind_figures", **filters.sql_params(), figure=kind),
        # the differences of the figures the total adds: none when it adds none that disagrees with a stated total
        query("period_disagreements", **scope.sql_params(), figure=kind) if scope is not None
        and funding.period_differs else None,
        query("partial_figures", **filters.sql_params(), figure=kind),
        data_coverage(query, filters, documents))


def _ids(value) -> set[str]:
    if value is None or value is pd.NA or (not hasattr(value, "__len__") and is_missing(value)):
        return set()
    return set(value)


def _count(value: int) -> int | None:
    """A count of rows in view: no row is "not reported" (None), never 0."""
    return int(value) or None


def _names(frame: pd.DataFrame, lang: str) -> list[str]:
    column = "unit_name_vi" if lang == "vi" else "unit_name_en"
    return list(dict.fromkeys(frame[column])) if len(frame) else []


MAX_NAMED = 3  # units named in a key figure's label; more are counted


UNITS_COUNT = {True: N_("kpi_units_count_one"), False: N_("kpi_units_count")}  # English needs the singular


def units_count(n: int, lang: str) -> str:
    """'7 tỉnh' / '7 provinces', '1 province'."""
    return t(UNITS_COUNT[n == 1], lang, n=format_number(n, lang))


def units_label(names: list[str], lang: str) -> str:
    """'Nghệ An, Quảng Ninh' for up to three units, else '7 tỉnh'."""
    if len(names) <= MAX_NAMED:
        return ", ".join(names)
    return units_count(len(names), lang)


def total_text(figures: OverviewFigures, lang: str) -> str:
    """The total with its qualifier's sign, and the difference flag when an annual figure it adds lies in a period
    total it does not agree with ("76,3 tỷ đồng ⚑"; both values are in the note under the key figures)."""
    total = figures.funding.khuyen_cong_mvnd
    if total is None:
        return t("kpi_total_not_summed", lang) if not figures.single_unit else format_number(None, lang)
    text = qualified_money(total, figures.funding.qualifiers, figures.codes, lang, money_unit(total),
                           headline_decimals(total))
    return f"{text} {DIFFERS_MARK}" if figures.funding.period_differs else text


def total_label(figures: OverviewFigures, lang: str) -> str:
    """'Tổng kinh phí khuyến công' for one unit's years; for several, the set it adds, named or counted:
    'Tổng kinh phí khuyến công · Ninh Bình (có số mọi năm 2016–2020)'."""
    label = t("kpi_total", lang)
    if figures.single_unit:
        return label
    span = format_year_span(*figures.span)
    names = _names(figures.every_year, lang) if figures.every_year is not None else []
    if not names:
        return t("kpi_total_every_year_none", lang, label=label, years=span)
    return t("kpi_total_every_year", lang, label=label, units=units_label(names, lang), years=span)


def total_help(figures: OverviewFigures, lang: str) -> str:
    """What the total is and adds: its kind, its rule, and its parts by funding source, the budget whose level the
    document does not state named apart (never folded into local or central)."""
    kind = figures.codes.name(FIGURES, figures.kind, lang)
    if figures.funding.khuyen_cong_mvnd is None and not figures.single_unit:
        return t("kpi_total_not_summed_help", lang, kind=kind, years=format_year_span(*figures.span))
    parts = "; ".join(f"{figures.codes.source_name(source, lang)} {format_money(amount, lang)}"
                      for source, amount in figures.funding.by_source.items()
                      if source in figures.funding.khuyen_cong_sources)
    rule = t("kpi_total_help_kind", lang, kind=kind)
    return rule + (" " + t("kpi_total_parts", lang, parts=parts) if parts else "")


def share_label(key: str, figures: OverviewFigures, share_names: list[str], lang: str) -> str:
    """A share's label names the units it is taken over when the view holds several ('Tỷ trọng địa phương ·
    Nghệ An, Quảng Ninh')."""
    label = t(key, lang)
    if figures.units_with_figures <= 1 or not share_names:
        return label
    return t("kpi_label_units", lang, label=label, units=units_label(share_names, lang))


def counted_label(key: str, units: int, lang: str) -> str:
    """'Lượt cơ sở được hỗ trợ · 5 tỉnh' when a count spans several units."""
    label = t(key, lang)
    return t("kpi_label_units", lang, label=label, units=units_count(units, lang)) if units > 1 else label


def published_text(figures: OverviewFigures, lang: str) -> tuple[str, str, tuple[str, ...]]:
    """The documents' own đề án counts: one unit's latest ('270 (2016–2020)'), else how many units publish one; the
    help lists them; and the documents."""
    rows = figures.published
    if rows is None or rows.empty:
        return format_number(None, lang), t("kpi_published_help", lang), ()
    docs = tuple(sorted(set(rows["doc_id"])))
    items = [published_item(r, figures.codes, lang) for r in rows.itertuples()]
    if len(rows) == 1:
        return published_value(rows.iloc[0], figures.codes, lang), t("kpi_published_help", lang), docs
    shown = "; ".join(items[:8]) + (" …" if len(items) > 8 else "")
    # counts of different spans and years: never added up, the provinces named in the label and listed in the help
    return (t("kpi_total_not_summed", lang),
            t("kpi_published_help", lang) + " " + t("kpi_published_list", lang, items=shown), docs)


def published_item(row, codes: CodeLists, lang: str) -> str:
    name = row.unit_name_vi if lang == "vi" else row.unit_name_en
    return f"{name} {published_value(pd.Series(row._asdict()), codes, lang)}"


def kpis(figures: OverviewFigures, lang: str) -> list[KeyFigure]:
    """The Overview's key figures, in order: total, local and central shares, listed projects, the documents' own
    project counts, establishments, leverage. A figure that spans provinces names or counts them in its label."""
    # Shares only over the units that report both sources (funding.source_shares): a unit that reports local money
    # alone would otherwise count as "100 % local". Money of a level not stated is in neither.
    shares, both = source_shares(figures.basis)
    shown_shares = bool(shares)
    basis = figures.basis
    share_rows = basis[basis["unit_id"].isin(share_units(basis)) & basis["funding_source"].isin(SHARE_SOURCES)
                       ] if shown_shares else basis.iloc[0:0]
    share_names = _names(share_rows, lang)

    def share(source: str) -> str:
        return format_percent(shares[source], lang) if source in figures.sources and shares else "—"

    share_help = t("overview_share_help", lang, n=format_number(both, lang), names=", ".join(share_names)) \
        if shares else t("overview_share_none", lang)
    share_illustrative = bool(share_rows["has_illustrative"].any())
    share_docs = tuple(sorted({d for ids in share_rows["all_doc_ids"] for d in _ids(ids)}))
    leverage = figures.leverage
    total = figures.funding.khuyen_cong_mvnd
    projects, establishments = figures.projects, figures.establishments
    project_count = _count(projects["projects"])
    proposals = int(projects["proposals"])
    project_help = t("kpi_projects_help", lang, n=format_number(projects["projects_with_actual"], lang)) + ". " + \
        (t("kpi_projects_proposals", lang, n=format_number(proposals, lang)) + " " if proposals else "") + \
        t("kpi_count_source_rule", lang)
    published, published_help, published_docs = published_text(figures, lang)
    return [
        KeyFigure("kpi_total", total_label(figures, lang), total_text(figures, lang), total_help(figures, lang),
                  change_text(figures.change, lang), total is not None and figures.funding.has_illustrative,
                  tuple(figures.funding.doc_ids)),
        KeyFigure("kpi_local_share", share_label(N_("kpi_local_share"), figures, share_names, lang), share("local"),
                  share_help, illustrative=share_illustrative and share("local") != "—", doc_ids=share_docs),
        KeyFigure("kpi_central_share", share_label(N_("kpi_central_share"), figures, share_names, lang),
                  share("central"), share_help, illustrative=share_illustrative and share("central") != "—",
                  doc_ids=share_docs),
        KeyFigure("kpi_projects", counted_label(N_("kpi_projects"), int(projects["project_units"]), lang),
                  format_number(project_count, lang), project_help,
                  illustrative=bool(projects["has_illustrative"]), doc_ids=tuple(sorted(_ids(projects["doc_ids"])))),
        KeyFigure("kpi_projects_published",
                  counted_label(N_("kpi_projects_published"),
                                0 if figures.published is None else len(figures.published), lang),
                  published, published_help,
                  illustrative=bool(figures.published is not None and len(figures.published)
                                    and figures.published["is_illustrative"].astype(bool).any()),
                  doc_ids=published_docs),
        KeyFigure("kpi_establishments", counted_label(N_("kpi_establishments"), int(establishments["units"]), lang),
                  format_number(establishments["establishments"], lang),
                  t("kpi_establishments_help", lang) + " " + t("kpi_count_source_rule", lang),
                  illustrative=bool(establishments["has_illustrative"]),
                  doc_ids=tuple(sorted(_ids(establishments["doc_ids"])))),
        KeyFigure("kpi_leverage", counted_label(N_("kpi_leverage"), int(projects["leverage_units"]), lang),
                  t("leverage_value", lang, value=format_number(leverage, lang, 2)) if leverage is not None
                  else format_number(None, lang), t("kpi_leverage_help", lang),
                  illustrative=leverage is not None and bool(projects["leverage_illustrative"]),
                  doc_ids=tuple(sorted(_ids(projects["leverage_doc_ids"]))) if leverage is not None else ()),
    ]


COVERAGE_UNITS = {False: N_("coverage_provinces"), True: N_("coverage_units_current")}  # the 63, or the 34 of 2025


def coverage_figures(figures: OverviewFigures, lang: str) -> list[KeyFigure]:
    """The coverage the Overview leads with: provinces with published figures out of 63 (or 34), documents, years."""
    c = figures.data_coverage
    unit_key = COVERAGE_UNITS[c.provinces_total != 63]
    years = format_year_span(c.first_year, c.last_year) if c.first_year is not None else format_number(None, lang)
    return [
        KeyFigure("coverage_provinces", t(unit_key, lang),
                  t("coverage_of", lang, n=format_number(c.provinces, lang),
                    total=format_number(c.provinces_total, lang)), t("coverage_provinces_help", lang)),
        KeyFigure("documents_count", t("documents_count", lang), format_number(c.documents, lang),
                  t("documents_count_help", lang)),
        KeyFigure("coverage_years", t("coverage_years", lang), years, t("coverage_years_help", lang)),
    ]


def coverage_sentence(figures: OverviewFigures, lang: str) -> str:
    """'Số Phân bổ từng năm: 7 tỉnh, 28 tỉnh-năm trong 63 × 24 (1,9%); số tiền từng năm của mọi loại: 21 tỉnh, 62
    tỉnh-năm (4,1%).' and what that means for every figure below."""
    c = figures.data_coverage
    kind = figures.codes.name(FIGURES, figures.kind, lang)
    cells = c.cells or 1
    return t("coverage_sentence", lang, kind=kind, provinces=units_count(c.kind_provinces, lang),
             cells=format_number(c.kind_province_years, lang), total=format_number(c.provinces_total, lang),
             years=format_number(c.years, lang), pct=format_percent(100 * c.kind_province_years / cells, lang),
             any_provinces=units_count(c.any_provinces, lang), any_cells=format_number(c.any_province_years, lang),
             any_pct=format_percent(100 * c.any_province_years / cells, lang))


def no_kind_note(figures: OverviewFigures, lang: str) -> str | None:
    """When the chosen kind has no figure in view but other kinds have: which, with their figures (one unit), or
    how many units hold each (several); None otherwise."""
    if len(figures.basis) or figures.other_kinds is None or figures.other_kinds.empty:
        return None
    kind = figures.codes.name(FIGURES, figures.kind, lang)
    rows = figures.other_kinds
    if rows["unit_id"].nunique() == 1:
        return t("overview_no_kind", lang, kind=kind, others=other_kind_text(rows, figures.codes, lang))
    counts = rows.groupby("figure", sort=False)["unit_id"].nunique()
    items = "; ".join(f"{figures.codes.name(FIGURES, f, lang)} "
                      f"({units_count(int(n), lang)})" for f, n in counts.items())
    return t("overview_no_kind", lang, kind=kind, others=t("other_kind_has", lang, items=items))


def describe_periods(periods: pd.DataFrame, codes: CodeLists, lang: str) -> str:
    """'Trung ương 2002–2018 (16,3 tỷ đồng)' for each period total."""
    return "; ".join(f"{codes.source_name(p.funding_source, lang)} {format_year_span(p.year_from, p.year_to)} "
                     f"({format_money(p.amount_mvnd, lang)})" for p in periods.itertuples())


def describe_overlaps(periods: pd.DataFrame, codes: CodeLists, lang: str) -> str:
    """'Trung ương 2012–2016 (5,68 tỷ đồng), thay bằng 2016–2020' for each period total left out for an overlap."""
    return "; ".join(t("periods_overlap_item", lang, item=describe_periods(pd.DataFrame([p._asdict()]), codes, lang),
                       later=p.overlapped_by) for p in periods.itertuples())


def period_notes(figures: OverviewFigures, lang: str) -> list[str]:
    """Which period totals the total counts, and which it leaves out and why (beyond the years, annual figures
    inside, a later overlapping span); the parts of a year it never counts as one; the period totals the annual
    figures disagree with; and the qualified figures a total adds when they do not share one qualifier."""
    notes = []
    funding = figures.funding
    if len(funding.periods_used):
        notes.append(t("periods_used_note", lang, items=describe_periods(funding.periods_used, figures.codes, lang)))
    left_out = funding.periods_left_out
    if len(left_out):
        khuyen_cong = left_out[left_out["is_khuyen_cong"].astype(bool)] if "is_khuyen_cong" in left_out else left_out
        overlap = khuyen_cong[khuyen_cong["left_out"] == "overlap"] if "left_out" in khuyen_cong else khuyen_cong[:0]
        other = khuyen_cong[~khuyen_cong.index.isin(overlap.index)]
        other = other[other["left_out"] != "partial"] if "left_out" in other else other
        if len(other):
            notes.append(t("periods_left_out_note", lang, items=describe_periods(other, figures.codes, lang)))
        if len(overlap):
            notes.append(t("periods_overlap_note", lang, items=describe_overlaps(overlap, figures.codes, lang)))
    if items := partial_items(figures.partial, lang):
        notes.append(t("partial_left_out_note", lang, items=items))
    if note := qualified_note(funding, lang):
        notes.append(note)
    return notes


def illustrative_note(figures: list[KeyFigure], lang: str) -> str | None:
    """Where the illustrative data is: the key figures that hold some by name, and the charts by their mark; None
    when every key figure is made of real rows."""
    marked = [k.label for k in figures if k.illustrative]
    return t("pr_quality_illustrative", lang, items=", ".join(marked)) if marked else None


DECK_KEY_FIGURES = ("coverage_provinces", "kpi_total", "kpi_local_share", "kpi_central_share", "kpi_projects",
                    "kpi_projects_published")


def deck_summary(query: Query, filters: Filters) -> tuple[list[tuple[str, str, bool]], list[str]]:
    """Key figures for the deck's KPI slide (label, value, whether it holds illustrative rows): the coverage first,
    then the Overview's money and project figures, each label saying what it rests on; and the data-quality notes
    of the view (the coverage in words, the period totals, the differences with stated totals)."""
    figures = overview_figures(query, filters)
    lang = filters.lang
    everything = {k.key: k for k in coverage_figures(figures, lang) + kpis(figures, lang)}
    key_figures = [everything[key] for key in DECK_KEY_FIGURES]
    note = illustrative_note(key_figures, lang)
    return ([(k.label, k.value, k.illustrative) for k in key_figures],
            ([note] if note else []) + [coverage_sentence(figures, lang)] + period_notes(figures, lang)
            + difference_items(figures.differences, figures.codes, lang))


# What each page's total includes that the other's does not: (period totals, sources that are not khuyến công,
# units that do not report every year).
TOTALS_DIFFS = {"overview": (N_("totals_overview_adds_periods"), N_("totals_overview_leaves_other"),
                             N_("totals_overview_every_year")),
                "trends": (N_("totals_trends_leaves_periods"), N_("totals_trends_adds_other"),
                           N_("totals_trends_all_units"))}
TOTALS_VS = {"overview": N_("totals_overview_vs"), "trends": N_("totals_trends_vs")}


@dataclass(frozen=True)
class TotalsCompared:
    """The Overview's "Tổng kinh phí khuyến công" and the Trends page's "Tổng các năm có số liệu" of one kind,
    computed once, with what sets them apart: the period totals the first counts (the second adds annual figures
    only), the annual figures of sources that are not khuyến công money (counterpart), which only the second adds,
    and, over several units, the units the first leaves out because they do not report every year."""

    overview_mvnd: float | None
    trends_mvnd: float | None
    periods_mvnd: float
    other_sources_mvnd: float
    every_year_units: int | None = None   # units the Overview adds when it adds only those reporting every year

    @property
    def differ(self) -> bool:
        return self.overview_mvnd != self.trends_mvnd

    def _diffs(self, page: str, lang: str) -> str:
        keys = TOTALS_DIFFS[page]
        parts = []
        if self.every_year_units:
            parts.append(t(keys[2], lang, n=format_number(self.every_year_units, lang)))
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
        if page == "overview" and self.overview_mvnd is None:
            return None   # nothing summed here: nothing to set apart
        other = self.trends_mvnd if page == "overview" else self.overview_mvnd
        shown = t("kpi_total_not_summed", lang) if other is None and page == "trends" and \
            self.every_year_units is not None else format_headline_money(other, lang)
        return t(TOTALS_VS[page], lang, other=shown, diffs=self._diffs(page, lang))


def totals_compared(query: Query, filters: Filters) -> TotalsCompared:
    """Both headline totals of the view's kind (the Overview's by overview_total, the Trends page's annual series),
    from the same queries the two pages read."""
    funding, _, single, every_year = overview_total(query, filters)
    annual = annual_funding(query, filters, filters.kind)
    periods = funding.periods_used
    counted_periods = periods[periods["is_khuyen_cong"].astype(bool)] if len(periods) else periods
    other = annual.loc[~annual["is_khuyen_cong"].astype(bool), "amount_mvnd"].sum() if len(annual) else 0.0
    return TotalsCompared(funding.khuyen_cong_mvnd, float(annual["amount_mvnd"].sum()) if len(annual) else None,
                          float(counted_periods["amount_mvnd"].sum()) if len(counted_periods) else 0.0, float(other),
                          None if single else len(every_year))


def view_areas(query: Query, filters: Filters, all_areas: str, unit_name) -> str:
    """The areas of the view as the subtitle names them: `all_areas` ("Tất cả địa phương"), or, when every row in view
    comes from one unit, "Tất cả địa phương (số liệu chỉ có của Nghệ An)"; selected areas are named by the caller."""
    units = query("units_in_view", **filters.sql_params())["unit_id"]
    if len(units) == 1:
        return t("all_areas_only", filters.lang, area=unit_name(units.iloc[0]))
    return all_areas
