"""Kết quả theo ngành và nội dung / Outcomes by sector and activity: on what the money went, with what result."""

import streamlit as st

from khuyencong.figures.empty import rows_with_figure, without_empty_columns
from khuyencong.figures.outcomes import (
    activity_totals,
    code_names,
    cost_per_outcome,
    doc_ids_of,
    funding_by_group,
    group_table,
    indicator_table,
    indicators,
    largest_first,
    project_table,
    projects,
    projects_without_actual,
    reports_actual_money,
)
from khuyencong.i18n.formatting import format_money, format_number
from khuyencong.i18n.labels import t
from khuyencong.render.charts import make_activity_sector_treemap, make_group_funding_chart
from khuyencong.ui.captions import show_sources
from khuyencong.ui.chart_clicks import select_code
from khuyencong.ui.fetch import query
from khuyencong.ui.presenting import show_chart
from khuyencong.ui.shell import current_filters


def show_table_of_figures(table, keep: int = 2) -> None:
    """A table without its columns that hold no figure, which one line names instead."""
    table, empty = without_empty_columns(table, keep)
    st.dataframe(table, hide_index=True, width="stretch")
    if empty:
        st.caption(t("outcomes_columns_unreported", lang, columns=", ".join(empty)))


filters = current_filters()
lang = filters.lang
names = code_names(query, lang)
st.title(t("page_outcomes", lang))
st.caption(t("outcomes_intro", lang))

groups = funding_by_group(query, filters)
if groups.empty:
    st.info(t("no_data", lang))
    st.stop()
group_docs, group_illustrative = doc_ids_of(groups), bool(groups["has_illustrative"].any())

st.header(t("outcomes_funding_header", lang))
by_activity = activity_totals(query, filters)
with_money = reports_actual_money(groups)
if with_money:
    show_chart(make_activity_sector_treemap(groups, names, lang, t("outcomes_treemap_title", lang), format_money),
               key="oc_treemap")
    show_chart(make_group_funding_chart(by_activity, "activity_id", names, lang,
                                        t("outcomes_activity_chart_title", lang), format_money), key="oc_by_activity",
               on_select=lambda: select_code("oc_by_activity", "activities"), selection_mode="points")
else:
    st.info(t("outcomes_no_actual_money", lang, n=format_number(int(groups["projects"].sum()), lang)))
show_table_of_figures(group_table(query, by_activity, "activity_id", lang))
show_sources(group_docs, group_illustrative, lang)

st.header(t("outcomes_drill_header", lang))
picks = st.columns(2)
activity = picks[0].selectbox(t("outcomes_drill_activity", lang), list(by_activity["activity_id"]), key="oc_activity",
                              format_func=lambda c: names.get(c, c))
in_activity = groups[groups["activity_id"] == activity]
by_sector = largest_first(in_activity)
sector = picks[1].selectbox(t("outcomes_drill_sector", lang), [None, *by_sector["sector_id"]], key="oc_sector",
                            format_func=lambda c: t("outcomes_drill_all", lang) if c is None else names.get(c, c))
if with_money:
    show_chart(make_group_funding_chart(by_sector, "sector_id", names, lang,
                                        t("outcomes_sector_chart_title", lang, activity=names.get(activity, activity)),
                                        format_money), key="oc_by_sector",
               on_select=lambda: select_code("oc_by_sector", "sectors"), selection_mode="points")
show_table_of_figures(group_table(query, by_sector, "sector_id", lang))
drilled = projects(query, filters, activity=activity, sector=sector, limit=100)
st.subheader(t("outcomes_projects_of", lang, activity=names.get(activity, activity),
               sector=t("outcomes_drill_all", lang) if sector is None else names.get(sector, sector)))
show_table_of_figures(project_table(query, drilled, lang), keep=4)
show_sources(sorted(set(drilled["doc_id"])), bool(drilled["is_illustrative"].any()), lang)

st.header(t("outcomes_indicators_header", lang))
results = indicators(query, filters)
if results.empty:
    st.info(t("no_data", lang))
else:
    tab_activity, tab_sector = st.tabs([t("outcomes_by_activity", lang), t("outcomes_by_sector", lang)])
    for tab, by in ((tab_activity, "activity_id"), (tab_sector, "sector_id")):
        with_result, without = rows_with_figure(indicator_table(query, results, by, lang),
                                                t("outcomes_col_result", lang))
        tab.dataframe(with_result, hide_index=True, width="stretch")
        if without:
            tab.caption(t("outcomes_indicators_unreported", lang, n=format_number(without, lang)))
    st.caption(t("outcomes_indicators_note", lang))
    show_sources(doc_ids_of(results), bool(results["has_illustrative"].any()), lang)

st.header(t("outcomes_cost_header", lang))
costs, cost_docs, cost_illustrative = cost_per_outcome(query, filters, lang)
if costs.empty:
    st.info(t("outcomes_cost_none", lang, with_money=format_number(int(groups["projects_with_actual"].sum()), lang),
              with_result=format_number(0 if results.empty else int(results["actual_value"].notna().sum()), lang)))
else:
    st.dataframe(costs, hide_index=True, width="stretch")
    st.caption(t("outcomes_cost_note", lang))
    show_sources(cost_docs, cost_illustrative, lang)

st.header(t("outcomes_top_projects", lang))
# Ranked by executed money: only projects that report it; the others are counted, not ranked last.
top = projects(query, filters, with_actual=True)
without_actual = projects_without_actual(groups)
if top.empty:
    st.info(t("outcomes_top_projects_none", lang, n=format_number(without_actual, lang)))
else:
    st.dataframe(project_table(query, top, lang), hide_index=True, width="stretch")
    st.caption(t("outcomes_top_projects_note", lang, shown=format_number(len(top), lang),
                 total=format_number(int(groups["projects_with_actual"].sum()), lang),
                 without=format_number(without_actual, lang)))
    show_sources(sorted(set(top["doc_id"])), bool(top["is_illustrative"].any()), lang)
