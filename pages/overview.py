"""Tổng quan / Overview: how much money, from where, how many projects, what came of it, and how sure we are."""

import streamlit as st

from khuyencong.figures.overview import (
    KeyFigure,
    basis_sentence,
    kpis,
    other_kinds_sentence,
    overview_figures,
    period_notes,
    totals_compared,
    view_areas,
)
from khuyencong.figures.sources import documents_in_view
from khuyencong.i18n.formatting import format_datetime, format_money, format_number, format_year_span
from khuyencong.i18n.labels import t
from khuyencong.render.charts import make_sparkline_chart
from khuyencong.ui.captions import show_sources
from khuyencong.ui.chart_clicks import select_source
from khuyencong.ui.fetch import fetch, once_per_view, query
from khuyencong.ui.key_figures import show_key_figure, show_key_figures
from khuyencong.ui.map_section import show_map
from khuyencong.ui.presenting import show_chart
from khuyencong.ui.shell import area_names, current_filters, unit_name

filters = current_filters()
lang = filters.lang
figures = once_per_view(("overview", filters), lambda: overview_figures(query, filters))
codes = figures.codes

st.title(t("page_overview", lang))
areas = view_areas(query, filters, area_names(filters), unit_name) if not filters.areas else area_names(filters)
st.caption(t("view_summary", lang, areas=areas, years=format_year_span(filters.year_from, filters.year_to),
             sources=codes.source_names(filters.sources, lang)))

show_key_figures(kpis(figures, lang), lang)
# The Trends page's "Tổng các năm có số liệu" is another figure: say what sets the two apart, and link to it.
if sentence := totals_compared(query, filters).sentence("overview", lang):
    st.caption(sentence)
    st.page_link("pages/trends.py", label=t("totals_link_trends", lang), icon=":material/trending_up:",
                 query_params=dict(st.query_params))
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
    show_chart(once_per_view(("overview_trend", filters), lambda: make_sparkline_chart(
        figures.annual, lang, t("overview_trend_title", lang), t("axis_money_bn", lang), format_money, codes=codes,
        coverage=figures.coverage)), key="overview_trend",
               on_select=lambda: select_source("overview_trend"), selection_mode="points")
    show_sources([d for ids in figures.annual["doc_ids"] for d in ids],
                 bool(figures.annual["has_illustrative"].any()), lang)

show_map(filters, "overview_map")

facts = st.columns(3)
covered = figures.years_covered
show_key_figure(facts[0], KeyFigure(
    "period_covered", t("period_covered", lang),
    format_year_span(*covered) if covered else format_number(None, lang),
    illustrative=bool(figures.annual["has_illustrative"].any() or figures.funding.has_illustrative)), lang)
documents = documents_in_view(fetch("document_figures", filters))
show_key_figure(facts[1], KeyFigure("documents_count", t("documents_count", lang),
                                    format_number(len(documents), lang), t("documents_count_help", lang),
                                    doc_ids=tuple(documents["doc_id"])), lang)
facts[2].metric(t("time_in_vietnam", lang, time=t("last_loaded", lang)),
                format_datetime(fetch("last_load")["loaded_at"].iloc[0], lang, zone=False))
