"""Tổng quan / Overview: what is published first (provinces out of 63, documents, years), then, for the kind of
figure chosen, the money and its shares only over the provinces that make them comparable, projects, what came of
it, and how sure we are."""

import streamlit as st

from khuyencong.figures.overview import (
    coverage_figures,
    coverage_sentence,
    difference_items,
    kpis,
    no_kind_note,
    overview_figures,
    period_notes,
    totals_compared,
    units_count,
    view_areas,
)
from khuyencong.figures.sources import documents_in_view
from khuyencong.i18n.formatting import format_datetime, format_money, format_year_span
from khuyencong.i18n.labels import t
from khuyencong.render.charts import make_sparkline_chart
from khuyencong.ui.captions import show_caveats, show_sources
from khuyencong.ui.chart_clicks import select_source
from khuyencong.ui.fetch import fetch, once_per_view, query
from khuyencong.ui.key_figures import show_key_figures
from khuyencong.ui.kind_picker import kind_picker
from khuyencong.ui.map_section import show_map
from khuyencong.ui.presenting import show_chart
from khuyencong.ui.shell import area_names, current_filters, unit_name

filters = current_filters()
lang = filters.lang
documents = documents_in_view(fetch("document_figures", filters))
figures = once_per_view(("overview", filters), lambda: overview_figures(query, filters, len(documents)))
codes = figures.codes

st.title(t("page_overview", lang))
areas = view_areas(query, filters, area_names(filters), unit_name) if not filters.areas else area_names(filters)
st.caption(t("view_summary", lang, areas=areas, years=format_year_span(filters.year_from, filters.year_to),
             sources=codes.source_names(filters.sources, lang)))

# 1. What is published: the evidence every figure below rests on, before any of them.
st.subheader(t("coverage_header", lang))
show_key_figures(coverage_figures(figures, lang), lang)
st.caption(coverage_sentence(figures, lang))

# 2. The money of one kind of figure: the kind first, then only sums that compare like with like, its key figures
# beside its chart so that the first screen holds both; how they are counted in one sentence, the notes collapsed.
money, chart = st.columns([5, 6], gap="medium")
with money:
    kind_picker(money, filters, "overview")
    if note := no_kind_note(figures, lang):
        st.info(note, icon="ℹ️")
    show_key_figures(kpis(figures, lang), lang, per_row=2)
with chart:
    if not figures.annual.empty:
        units = figures.coverage["units"] if len(figures.coverage) else []
        title = t("overview_trend_title_kind", lang, kind=codes.name("figure", figures.kind, lang),
                  units=t("overview_trend_units", lang, low=min(units), high=max(units)) if len(units) and
                  min(units) != max(units) else t("overview_trend_units_same", lang,
                                                  units=units_count(max(units), lang)) if len(units) else "")
        show_chart(once_per_view(("overview_trend", filters), lambda: make_sparkline_chart(
            figures.annual, lang, title, t("axis_money_bn", lang), format_money, codes=codes,
            coverage=figures.coverage)),
            key="overview_trend", on_select=lambda: select_source("overview_trend"), selection_mode="points")
        show_sources([d for ids in figures.annual["doc_ids"] for d in ids],
                     bool(figures.annual["has_illustrative"].any()), lang)

notes = []
if differences := difference_items(figures.differences, codes, lang):
    notes.append(t("differs_note", lang) + "\n\n" + "\n".join(f"- {item}" for item in differences))
# The Trends page's "Tổng các năm có số liệu" is another figure: say what sets the two apart, and link to it.
compared = totals_compared(query, filters).sentence("overview", lang)
if compared:
    notes.append(compared)
notes += period_notes(figures, lang)
if filters.activities or filters.sectors:
    notes.append(t("filter_scope_note", lang))
if (details := show_caveats(notes, lang)) is not None and compared:
    details.page_link("pages/trends.py", label=t("totals_link_trends", lang), icon=":material/trending_up:",
                      query_params=dict(st.query_params))
show_sources(figures.documents, figures.has_illustrative, lang)

show_map(filters, "overview_map")

st.metric(t("time_in_vietnam", lang, time=t("last_loaded", lang)),
          format_datetime(fetch("last_load")["loaded_at"].iloc[0], lang, zone=False))
