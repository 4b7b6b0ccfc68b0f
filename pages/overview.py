"""Tổng quan / Overview: how much money, from where, how many projects, what came of it, and how sure we are."""

import streamlit as st

from khuyencong.figures.overview import basis_sentence, kpis, other_kinds_sentence, overview_figures, period_notes
from khuyencong.i18n.formatting import format_datetime, format_money, format_number, format_year_span
from khuyencong.i18n.labels import t
from khuyencong.render.charts import make_sparkline_chart
from khuyencong.ui.captions import show_sources
from khuyencong.ui.chart_clicks import select_source
from khuyencong.ui.fetch import fetch, query
from khuyencong.ui.map_section import show_map
from khuyencong.ui.presenting import show_chart
from khuyencong.ui.shell import area_names, current_filters

filters = current_filters()
lang = filters.lang
figures = overview_figures(query, filters)
codes = figures.codes

st.title(t("page_overview", lang))
st.caption(t("view_summary", lang, areas=area_names(filters),
             years=format_year_span(filters.year_from, filters.year_to),
             sources=codes.source_names(filters.sources, lang)))

for column, figure in zip([*st.columns(3), *st.columns(3)], kpis(figures, lang)):
    column.metric(figure.label, figure.value, delta=figure.delta, help=figure.help)
st.markdown(basis_sentence(figures, lang))
if other := other_kinds_sentence(query, filters):
    st.caption(other)

notes = period_notes(figures, lang)
if filters.activities or filters.sectors:
    notes.append(t("filter_scope_note", lang))
for note in notes:
    st.info(note, icon="ℹ️")
show_sources(figures.documents, figures.has_illustrative, lang)

if figures.annual.empty:
    st.info(t("no_data", lang))
else:
    show_chart(make_sparkline_chart(figures.annual, lang, t("overview_trend_title", lang),
                                         t("axis_money_bn", lang), format_money, codes=codes,
                                    coverage=figures.coverage), key="overview_trend",
               on_select=lambda: select_source("overview_trend"), selection_mode="points")
    show_sources([d for ids in figures.annual["doc_ids"] for d in ids],
                 bool(figures.annual["has_illustrative"].any()), lang)

show_map(filters, "overview_map")

facts = st.columns(3)
covered = figures.years_covered
facts[0].metric(t("period_covered", lang), format_year_span(*covered) if covered else format_number(None, lang))
facts[1].metric(t("documents_count", lang), format_number(len(
    [d for d in figures.documents if not d.startswith("minh-hoa")]), lang))
facts[2].metric(t("time_in_vietnam", lang, time=t("last_loaded", lang)),
                format_datetime(fetch("last_load")["loaded_at"].iloc[0], lang, zone=False))
