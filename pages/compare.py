"""So sánh địa phương / Compare areas: funding, sources, growth, projects and outcomes side by side, and a ranking."""

import streamlit as st

from khuyencong.figures.compare import (
    MODE_LABELS,
    MODE_NOTES,
    MODES,
    axis_title,
    compared_kind,
    comparison_figures,
    differences_note,
    funding_chart_frame,
    funding_export,
    funding_table,
    kind_note,
    measure_label,
    measure_sources,
    money_axis,
    money_label,
    not_drawn_note,
    other_kinds_note,
    outcome_table,
    period_notes,
    qualified_sum_note,
    ranking,
    ranking_table,
    signs_note,
    units_with_kind,
    without_kind_note,
)
from khuyencong.i18n.formatting import format_money, format_year_span
from khuyencong.i18n.labels import t
from khuyencong.render.charts import make_compare_funding_chart, make_ranking_chart
from khuyencong.render.data_files import table_files
from khuyencong.ui.captions import markdown_safe, show_sources
from khuyencong.ui.chart_clicks import AREA_AT, select_area
from khuyencong.ui.columns import fit_headers
from khuyencong.ui.downloads import table_downloads
from khuyencong.ui.fetch import code_lists, fetch, once_per_view, query, query_uncached
from khuyencong.ui.kind_picker import kind_picker
from khuyencong.ui.links import profile_link_column, with_profile_links
from khuyencong.ui.map_section import show_map
from khuyencong.ui.presenting import show_chart
from khuyencong.ui.shell import area_names, current_filters, unit_name

filters = current_filters()
lang = filters.lang
st.title(t("page_compare", lang))
st.caption(t("compare_intro", lang))

# The kind of figure compared (the shared filter, kind= in the URL), then how: a figure that compares by default.
controls = st.columns([2, 4, 1])
kind_picker(controls[0], filters, "compare")
mode = controls[1].radio(t("compare_mode", lang), MODES, horizontal=True, key="cmp_mode",
                         format_func=lambda m: t(MODE_LABELS[m], lang))
cpi_years = list(fetch("cpi")["year"])
base_year = controls[2].selectbox(t("compare_base_year", lang), cpi_years[::-1], key="cmp_base_year",
                                  disabled=mode != "real")

real_base = base_year if mode == "real" else None
figures = once_per_view(("compare", filters, mode, real_base),
                        lambda: comparison_figures(query, filters, mode, real_base, figure=compared_kind(filters)))
units = list(figures.units["unit_id"])
names = {u: unit_name(u) for u in units}
if not units:
    st.info(t("no_data", lang))
    st.stop()

scope_values = {"n": len(units), "years": format_year_span(filters.year_from, filters.year_to),
                "sources": code_lists().source_names(filters.sources, lang)}
scope = t("compare_scope_selected", lang, **scope_values) if figures.selected_only else \
    t("compare_scope_all", lang, **scope_values)
if figures.highlighted:
    scope += " · " + t("compare_scope_highlight", lang, name=", ".join(names[u] for u in figures.highlighted))
st.markdown(scope)

notes = [kind_note(figures, lang), t(MODE_NOTES[mode], lang, base=base_year), *period_notes(figures, names, lang)]
if other_kinds := other_kinds_note(figures, lang):
    notes.append(other_kinds)
if filters.current_units:
    notes.append(t("grouping_applied", lang))
if filters.activities or filters.sectors:
    notes.append(t("filter_scope_note", lang))
for note in notes:
    st.info(note, icon="ℹ️")
for unit in figures.selected_without_figures():
    st.warning(t("compare_selected_without_figures", lang, name=names[unit]))

st.subheader(t("compare_table_header", lang))
table = funding_table(figures, names, lang).set_index(t("compare_col_area", lang))
with_kind = units_with_kind(figures)
if with_kind:
    st.table(markdown_safe(table.iloc[:with_kind]))
# The units without a figure of the kind: one sentence, their rows (other kinds, project counts) collapsed.
if without_kind := without_kind_note(figures, lang):
    st.markdown(without_kind)
    with st.expander(t("compare_without_kind_rows", lang, n=len(table) - with_kind)):
        st.table(markdown_safe(table.iloc[with_kind:]))
if qualified := qualified_sum_note(figures, lang):
    st.caption(qualified)
if differences := differences_note(figures, lang):
    st.warning(t("differs_note", lang) + "\n\n" + "\n".join(f"- {item}" for item in differences))
captions = [t("compare_share_note", lang), t("compare_growth_note", lang), t("compare_counts_note", lang)]
st.caption(" ".join([signs, *captions]) if (signs := signs_note(figures, lang)) else " ".join(captions))
show_sources(figures.funding_docs + figures.project_docs, figures.funding_illustrative or
             figures.project_illustrative, lang)
table_downloads(table_files(query_uncached, filters, "so-sanh", funding_export(figures, names, lang),
                            t("compare_table_header", lang), figures.funding_docs + figures.project_docs,
                            figures.funding_illustrative or figures.project_illustrative, area_names(filters)),
                lang, "cmp")

chart_frame = funding_chart_frame(figures, names, lang)
if len(chart_frame):
    show_chart(once_per_view(("cmp_funding_chart", filters, mode, real_base), lambda: make_compare_funding_chart(
        chart_frame, lang, money_label(figures, t("compare_funding_chart_title", lang), lang),
        money_axis(figures, lang), format_money, codes=code_lists())), key="cmp_funding_chart", selection_mode="points",
               on_select=lambda: select_area("cmp_funding_chart", AREA_AT["compare_funding"]))
    if not_drawn := not_drawn_note(figures, names, lang):
        st.caption(not_drawn)
    if filters.current_units:
        st.caption(t("grouping_applied", lang))
    show_sources(figures.funding_docs, figures.funding_illustrative, lang)

show_map(filters, "cmp_map")

st.subheader(t("compare_ranking_header", lang))
measures = figures.measures()
measure = st.selectbox(t("compare_measure", lang), measures, key="cmp_measure",
                       format_func=lambda m: measure_label(figures, m, lang))
rank, not_ranked = ranking(figures, measure, names, lang)
if rank.empty:
    st.info(t("compare_nothing_to_rank", lang))
else:
    show_chart(once_per_view(("cmp_ranking_chart", filters, mode, real_base, measure), lambda: make_ranking_chart(
        rank, lang, t("compare_ranking_title", lang, measure=measure_label(figures, measure, lang)),
        axis_title(figures, measure, lang), t("compare_legend_selected", lang), t("compare_legend_others", lang),
        value_scale=0.001 if measure in ("total", "local", "central") else 1.0)), key="cmp_ranking_chart",
        selection_mode="points", on_select=lambda: select_area("cmp_ranking_chart", AREA_AT["ranking"]))
    # The chart cannot hold links: the same ranking as a table, each province with its profile.
    with st.expander(t("compare_ranking_table", lang), icon=":material/location_city:"):
        st.dataframe(with_profile_links(ranking_table(rank, measure_label(figures, measure, lang), lang),
                                        rank["unit_id"], filters, after=1),
                     hide_index=True,
                     column_config=fit_headers({t("profile_link_column", lang): profile_link_column(lang)}))
if not_ranked:
    st.caption(t("compare_not_ranked", lang, names=", ".join(not_ranked)))
if filters.current_units:
    st.caption(t("grouping_applied", lang))
show_sources(*measure_sources(figures, measure), lang)

st.subheader(t("compare_outcomes_header", lang))
outcomes = outcome_table(figures, names, lang)
if outcomes.empty:
    st.info(t("no_data", lang))
else:
    st.table(markdown_safe(outcomes.set_index(t("compare_col_indicator", lang))))
    st.caption(t("compare_outcomes_note", lang))
show_sources(figures.outcome_docs, figures.outcome_illustrative, lang)
