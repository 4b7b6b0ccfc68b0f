"""Nguồn & chất lượng dữ liệu: what the real data covers (a province × year map; a click opens the trends of that
cell), reports that differ side by side, where the figures come from, how period totals match their annual
figures, which years are missing, the rows left out and why, and what the data loads did."""

import streamlit as st

from khuyencong.data.code_lists import FIGURES
from khuyencong.figures.sources import (
    DEFAULT_TOLERANCE_PCT,
    cell_filters,
    completeness_table,
    completeness_units,
    coverage_grid,
    coverage_intro,
    coverage_legend,
    differing_table,
    doc_ids_of,
    documents_in_view,
    documents_table,
    excluded_table,
    figures_note,
    has_illustrative,
    load_log_table,
    outcome_conflicts_table,
    reconciliation_table,
    selected_cell,
    year_blocks,
)
from khuyencong.i18n.formatting import format_number
from khuyencong.i18n.labels import N_, t
from khuyencong.render.coverage import make_coverage_chart
from khuyencong.ui.captions import show_sources
from khuyencong.ui.columns import fit_headers
from khuyencong.ui.fetch import code_lists, fetch, once_per_view
from khuyencong.ui.import_data import unlocked_operator
from khuyencong.ui.links import follow_page_request, open_page_with, profile_link_column, with_profile_links
from khuyencong.ui.presenting import show_chart
from khuyencong.ui.shell import current_filters

COVERAGE_KEY = "sources_coverage"
TRENDS_PAGE = "pages/trends.py"

follow_page_request()  # a cell of the coverage map was clicked in the previous run: open its trends
filters = current_filters()
lang = filters.lang
codes = code_lists()
right = {"alignment": "right"}


def open_cell() -> None:
    """A click on a cell of the coverage map: the trends page for that unit and year."""
    cell = selected_cell(st.session_state[COVERAGE_KEY].selection)
    if cell:
        open_page_with(cell_filters(filters, *cell, kind_order=codes.codes("figure")), TRENDS_PAGE)


profile_links_column = {t("profile_link_column", lang): profile_link_column(lang)}


def link_column(width: int = 75):
    return st.column_config.LinkColumn(display_text=t("sources_link_text", lang), width=width)


st.title(t("page_sources", lang))
st.markdown(t("sources_intro", lang))
st.markdown(coverage_intro(fetch("real_coverage").iloc[0], lang))

# 1. Coverage at a glance
st.subheader(t("sources_coverage", lang))
coverage = fetch("coverage", filters)
if coverage.empty:
    st.info(t("no_data", lang))
else:
    show_chart(once_per_view(("sources_coverage", filters), lambda: make_coverage_chart(
        coverage_grid(coverage, filters.year_from, filters.year_to, codes.names(FIGURES, lang), lang), lang,
        t("sources_coverage_title", lang))), COVERAGE_KEY,
               on_select=open_cell, selection_mode="points")
    st.caption(t("sources_coverage_note", lang, legend=coverage_legend(lang)))
    coverage_docs = doc_ids_of(coverage)
    coverage_illustrative = has_illustrative(coverage, "is_illustrative")
    if coverage_illustrative:  # said where it is seen, not folded away with the list of documents
        st.caption("**" + t("caption_illustrative", lang) + "**")
    with st.expander(t("sources_coverage_documents", lang, n=len(coverage_docs))):
        show_sources(coverage_docs, coverage_illustrative, lang)

# 2. Reports that differ, side by side
st.subheader(t("sources_differing", lang))
differing = fetch("differing_reports", filters)
document_columns = {
    t("sources_col_date", lang): st.column_config.TextColumn(width=110),
    t("sources_col_publisher", lang): st.column_config.TextColumn(width=120),
    t("sources_col_link", lang): link_column(55),
    t("sources_col_title", lang): st.column_config.TextColumn(width=300),
}
if differing.empty:
    st.info(t("sources_differing_none", lang))
else:
    st.dataframe(
        with_profile_links(differing_table(differing, codes, lang), differing["unit_id"], filters), hide_index=True,
        column_config=fit_headers({
            **profile_links_column,
            t("sources_col_unit", lang): st.column_config.TextColumn(width=150),
            t("sources_col_years", lang): st.column_config.TextColumn(width=78),
            t("sources_col_source", lang): st.column_config.TextColumn(width=88),
            t("sources_col_figure", lang): st.column_config.TextColumn(width=135),
            t("sources_col_amount", lang): st.column_config.TextColumn(width=100, **right),
            t("sources_col_as_written", lang): st.column_config.TextColumn(width=150),
            **document_columns,
        }),
    )
    st.caption(t("sources_differing_note", lang))
conflicts = fetch("outcome_conflicts", filters)
if not conflicts.empty:
    st.markdown(t("sources_conflicts", lang))
    st.dataframe(
        with_profile_links(outcome_conflicts_table(conflicts, codes, lang), conflicts["unit_id"], filters),
        hide_index=True,
        column_config=fit_headers({
            **profile_links_column,
            t("sources_col_unit", lang): st.column_config.TextColumn(width=150),
            t("sources_col_years", lang): st.column_config.TextColumn(width=78),
            t("sources_col_indicator", lang): st.column_config.TextColumn(width=165),
            t("sources_col_level", lang): st.column_config.TextColumn(width=80),
            t("sources_col_count", lang): st.column_config.TextColumn(width=130, **right),
            t("sources_col_problem", lang): st.column_config.TextColumn(width=250),
            t("sources_col_as_written", lang): st.column_config.TextColumn(width=120),
            **document_columns,
        }),
    )

# 3. Source documents
st.subheader(t("sources_documents", lang))
documents = fetch("document_figures", filters)
st.dataframe(
    documents_table(documents, lang), hide_index=True,
    column_config=fit_headers({
        t("sources_col_title", lang): st.column_config.TextColumn(width=320),
        t("sources_col_publisher", lang): st.column_config.TextColumn(width=145),
        t("sources_col_date", lang): st.column_config.TextColumn(width=85),
        t("sources_col_link", lang): link_column(),
        t("sources_col_kind", lang): st.column_config.TextColumn(width=115),
        t("sources_col_figures_in_view", lang): st.column_config.TextColumn(width=125, **right),
        t("sources_col_figures_total", lang): st.column_config.TextColumn(width=95, **right),
    }),
)
st.caption(t("sources_documents_in_view", lang, n=format_number(len(documents_in_view(documents)), lang)) + " "
           + t("sources_documents_note", lang))

# 4. Reconciliation of period totals
st.subheader(t("sources_reconciliation", lang))
tolerance = st.columns([1, 3])[0].number_input(
    t("sources_tolerance", lang), min_value=0.0, max_value=100.0, value=DEFAULT_TOLERANCE_PCT, step=0.5, format="%g",
    key="sources_tolerance", help=t("sources_tolerance_help", lang))
reconciliation = fetch("reconciliation_in_view", filters)
if reconciliation.empty:
    st.info(t("sources_no_periods", lang))
else:
    st.dataframe(
        with_profile_links(reconciliation_table(reconciliation, tolerance, lang), reconciliation["area_id"], filters),
        hide_index=True,
        column_config=fit_headers({
            **profile_links_column,
            **{t(key, lang): st.column_config.TextColumn(width=width) for key, width in (
                (N_("sources_col_area"), 165), (N_("sources_col_source"), 100), (N_("sources_col_figure"), 120),
                (N_("sources_col_period"), 80), (N_("sources_col_status"), 155))},
            **{t(key, lang): st.column_config.TextColumn(width=width, **right) for key, width in (
                (N_("sources_col_stated"), 108), (N_("sources_col_annual_sum"), 105), (N_("sources_col_gap"), 105),
                (N_("sources_col_gap_pct"), 105), (N_("sources_col_years_missing"), 90))},
        }),
    )
    st.caption(t("sources_reconciliation_note", lang, figures=figures_note(reconciliation, lang)))
    show_sources(doc_ids_of(reconciliation), has_illustrative(reconciliation, "includes_illustrative"), lang)

# 5. Completeness of annual allocations
st.subheader(t("sources_completeness", lang))
st.caption(t("sources_completeness_scope", lang))
cells = fetch("completeness", filters)
if cells.empty:
    st.info(t("no_data", lang))
else:
    grid = with_profile_links(completeness_table(cells, lang), completeness_units(cells), filters, after=1)
    names = list(grid.columns[:3])
    for years in year_blocks(grid.columns[3:]):
        st.dataframe(
            grid[names + years], hide_index=True, width="content", height=35 * (min(len(grid), 30) + 1) + 3,
            column_config=fit_headers({
                names[0]: st.column_config.TextColumn(width=165),
                names[1]: st.column_config.TextColumn(width=110),
                **profile_links_column,
                **{year: st.column_config.TextColumn(width=52, alignment="center") for year in years},
            }),
        )
    st.caption(t("sources_completeness_legend", lang))
    show_sources(doc_ids_of(cells), has_illustrative(cells, "is_illustrative"), lang)

# 6. Rows left out, and why
excluded = fetch("excluded_figures")
st.subheader(t("sources_excluded", lang, n=len(excluded)))
if excluded.empty:
    st.info(t("sources_excluded_none", lang))
else:
    st.dataframe(with_profile_links(excluded_table(excluded, lang),
                                    excluded["area_id"].where(excluded["level"] == "province"), filters, after=1),
                 hide_index=True,
                 column_config=fit_headers({
                     **profile_links_column,
                     t("sources_col_row_id", lang): st.column_config.TextColumn(width=80),
                     t("sources_col_unit", lang): st.column_config.TextColumn(width=150),
                     t("sources_col_reason", lang): st.column_config.TextColumn(width=620),
                     t("sources_col_link", lang): link_column(),
                 }))
    st.caption(t("sources_excluded_note", lang))

# 7. Load log
st.subheader(t("sources_load_log", lang))
log = fetch("load_log")
if log.empty:
    st.info(t("sources_load_log_empty", lang))
else:
    operator = unlocked_operator()  # who loaded what: shown to a signed-in operator only
    st.dataframe(load_log_table(log, lang, with_operator=operator is not None), hide_index=True,
                 column_config=fit_headers({
                     t("sources_col_loaded_at", lang): st.column_config.TextColumn(width=250),
                     t("sources_col_operator", lang): st.column_config.TextColumn(width=110),
                     t("sources_col_file", lang): st.column_config.TextColumn(width=245),
                     t("sources_col_rows", lang): st.column_config.TextColumn(width=70, **right),
                     t("sources_col_load_status", lang): st.column_config.TextColumn(width=115),
                     t("sources_col_message", lang): st.column_config.TextColumn(width=420),
                 }))
    st.caption(t("sources_load_log_note", lang, n=len(log)))
