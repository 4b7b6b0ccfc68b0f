"""Xu hướng kinh phí / Funding trends: money by year and source, cumulative, change, growth, nominal or real."""

import streamlit as st

from khuyencong.figures.trends import totals_by_unit, trend_figures
from khuyencong.i18n.formatting import format_money, format_number, format_percent
from khuyencong.i18n.labels import N_, t
from khuyencong.render.charts import (
    make_area_comparison_chart,
    make_change_chart,
    make_cumulative_chart,
    make_funding_trend_chart,
)
from khuyencong.ui.captions import show_sources
from khuyencong.ui.fetch import code_lists, fetch, query
from khuyencong.ui.presenting import show_chart
from khuyencong.ui.shell import current_filters, unit_name

VALUE_MODES = {"nominal": N_("value_nominal"), "real": N_("value_real")}
filters = current_filters()
lang = filters.lang
st.title(t("page_trends", lang))

controls = st.columns([2, 1, 3])
mode = controls[0].radio(t("value_mode", lang), ["nominal", "real"], horizontal=True, key="trend_value_mode",
                         format_func=lambda m: t(VALUE_MODES[m], lang))
cpi_years = list(fetch("cpi")["year"])
base_year = controls[1].selectbox(t("base_year", lang), cpi_years[::-1], key="trend_base_year",
                                  disabled=mode != "real")
show_estimate = controls[2].toggle(t("show_estimate", lang), key="trend_estimate")

figures = trend_figures(query, filters, base_year if mode == "real" else None)
y_title = t("axis_money_bn_real", lang, base=base_year) if mode == "real" else t("axis_money_bn", lang)

if figures.annual.empty and figures.periods.empty:
    st.info(t("no_data", lang))
    st.stop()

summary = st.columns(3)
summary[0].metric(t("span_total", lang), format_money(figures.totals["amount_mvnd"].sum(), lang))
summary[1].metric(t("years_reported", lang), format_number(len(figures.totals), lang))
summary[2].metric(t("avg_growth", lang), format_percent(figures.growth_pct, lang))

names = {a: unit_name(a) for a in figures.periods["unit_id"]}
show_chart(make_funding_trend_chart(figures.by_source, figures.periods, lang, t("trend_title", lang), y_title,
                                         show_estimate=show_estimate, format_money=format_money,
                                         unit_names=names if len(filters.areas) != 1 else None,
                                         codes=code_lists()), key="trend_main")
if show_estimate and len(figures.periods):
    st.warning(t("estimate_note", lang))
if mode == "real":
    st.caption(t("real_note", lang, base=base_year))
show_sources(figures.doc_ids, figures.has_illustrative, lang)

left, right = st.columns(2)
with left:
    show_chart(make_cumulative_chart(figures.totals, lang, t("cumulative_title", lang), y_title, format_money),
                    key="trend_cumulative")
    st.caption(t("cumulative_note", lang))
with right:
    show_chart(make_change_chart(figures.changes, lang, t("change_title", lang), format_percent),
                    key="trend_change")
show_sources(figures.doc_ids, figures.has_illustrative, lang)

if len(filters.areas) > 1:
    names = {a: unit_name(a) for a in filters.areas}
    show_chart(make_area_comparison_chart(totals_by_unit(figures.annual), names, lang, t("trends_compare_title", lang),
                                               y_title, format_money), key="trend_compare")
    if filters.current_units:
        st.caption(t("grouping_applied", lang))
    show_sources(figures.doc_ids, figures.has_illustrative, lang)
