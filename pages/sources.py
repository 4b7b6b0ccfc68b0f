"""Nguồn & chất lượng dữ liệu: where the figures come from, how period totals match their annual figures, which years
are missing, and what the data loads did."""

import streamlit as st

from khuyencong.figures.sources import (
    DEFAULT_TOLERANCE_PCT,
    completeness_table,
    doc_ids_of,
    documents_table,
    figures_note,
    has_illustrative,
    load_log_table,
    reconciliation_table,
    year_blocks,
)
from khuyencong.i18n.labels import N_, t
from khuyencong.ui.captions import show_sources
from khuyencong.ui.fetch import fetch
from khuyencong.ui.shell import current_filters

filters = current_filters()
lang = filters.lang
right = {"alignment": "right"}

st.title(t("page_sources", lang))
st.markdown(t("sources_intro", lang))

# 1. Source documents
st.subheader(t("sources_documents", lang))
documents = fetch("document_figures", filters)
st.dataframe(
    documents_table(documents, lang), hide_index=True,
    column_config={
        t("sources_col_title", lang): st.column_config.TextColumn(width=320),
        t("sources_col_publisher", lang): st.column_config.TextColumn(width=145),
        t("sources_col_date", lang): st.column_config.TextColumn(width=85),
        t("sources_col_link", lang): st.column_config.LinkColumn(display_text=t("sources_link_text", lang), width=75),
        t("sources_col_kind", lang): st.column_config.TextColumn(width=115),
        t("sources_col_figures_in_view", lang): st.column_config.TextColumn(width=125, **right),
        t("sources_col_figures_total", lang): st.column_config.TextColumn(width=95, **right),
    },
)
st.caption(t("sources_documents_note", lang))

# 2. Reconciliation of period totals
st.subheader(t("sources_reconciliation", lang))
tolerance = st.columns([1, 3])[0].number_input(
    t("sources_tolerance", lang), min_value=0.0, max_value=100.0, value=DEFAULT_TOLERANCE_PCT, step=0.5, format="%g",
    key="sources_tolerance", help=t("sources_tolerance_help", lang))
reconciliation = fetch("reconciliation_in_view", filters)
if reconciliation.empty:
    st.info(t("sources_no_periods", lang))
else:
    st.dataframe(
        reconciliation_table(reconciliation, tolerance, lang), hide_index=True,
        column_config={
            **{t(key, lang): st.column_config.TextColumn(width=width) for key, width in (
                (N_("sources_col_area"), 110), (N_("sources_col_source"), 100), (N_("sources_col_figure"), 75),
                (N_("sources_col_period"), 80), (N_("sources_col_status"), 155))},
            **{t(key, lang): st.column_config.TextColumn(width=width, **right) for key, width in (
                (N_("sources_col_stated"), 108), (N_("sources_col_annual_sum"), 105), (N_("sources_col_gap"), 105),
                (N_("sources_col_gap_pct"), 105), (N_("sources_col_years_missing"), 90))},
        },
    )
    st.caption(t("sources_reconciliation_note", lang, figures=figures_note(reconciliation, lang)))
    show_sources(doc_ids_of(reconciliation), has_illustrative(reconciliation, "includes_illustrative"), lang)

# 3. Completeness of annual allocations
st.subheader(t("sources_completeness", lang))
st.caption(t("sources_completeness_scope", lang))
cells = fetch("completeness", filters)
if cells.empty:
    st.info(t("no_data", lang))
else:
    grid = completeness_table(cells, lang)
    names = list(grid.columns[:2])
    for years in year_blocks(grid.columns[2:]):
        st.dataframe(
            grid[names + years], hide_index=True, width="content", height=35 * (min(len(grid), 30) + 1) + 3,
            column_config={
                names[0]: st.column_config.TextColumn(width=165),
                names[1]: st.column_config.TextColumn(width=110),
                **{year: st.column_config.TextColumn(width=52, alignment="center") for year in years},
            },
        )
    st.caption(t("sources_completeness_legend", lang))
    show_sources(doc_ids_of(cells), has_illustrative(cells, "is_illustrative"), lang)

# 4. Load log
st.subheader(t("sources_load_log", lang))
log = fetch("load_log")
if log.empty:
    st.info(t("sources_load_log_empty", lang))
else:
    st.dataframe(load_log_table(log, lang), hide_index=True,
                 column_config={
                     t("sources_col_loaded_at", lang): st.column_config.TextColumn(width=125),
                     t("sources_col_file", lang): st.column_config.TextColumn(width=245),
                     t("sources_col_rows", lang): st.column_config.TextColumn(width=70, **right),
                     t("sources_col_load_status", lang): st.column_config.TextColumn(width=115),
                     t("sources_col_message", lang): st.column_config.TextColumn(width=420),
                 })
    st.caption(t("sources_load_log_note", lang, n=len(log)))
