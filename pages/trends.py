"""Xu hướng kinh phí / Funding trends: money by year and source for one kind of figure, how many units each year
rests on, cumulative, change and growth only where years may be joined, the plan against the executed figures of
one area, and the years whose reports differ; nominal or real."""

import streamlit as st

from khuyencong.data.filters import DEFAULT_KIND
from khuyencong.figures.funding import partial_items
from khuyencong.figures.overview import annual_change, change_text, totals_compared
from khuyencong.figures.trends import (
    NOT_COMPARABLE,
    change_in_words,
    differing_reports,
    kind_counts,
    other_kinds_note,
    period_table,
    plan_executed,
    totals_by_unit,
    trend_figures,
    trend_key_figures,
)
from khuyencong.i18n.formatting import format_money, format_number, format_percent
from khuyencong.i18n.labels import N_, t
from khuyencong.render.charts import (
    MAX_PERIOD_MARKS,
    make_area_comparison_chart,
    make_change_chart,
    make_cumulative_chart,
    make_funding_trend_chart,
    make_plan_executed_chart,
)
from khuyencong.ui.captions import show_sources
from khuyencong.ui.fetch import code_lists, fetch, once_per_view, query
from khuyencong.ui.key_figures import show_key_figure
from khuyencong.ui.kind_picker import kind_picker
from khuyencong.ui.presenting import show_chart
from khuyencong.ui.provenance import provenance_button, select_year
from khuyencong.ui.shell import current_filters, unit_name

VALUE_MODES = {"nominal": N_("value_nominal"), "real": N_("value_real")}
SIDES = {"plan": N_("trends_side_plan"), "executed": N_("trends_side_executed")}
filters = current_filters()
lang = filters.lang
codes = code_lists()
st.title(t("page_trends", lang))

# The kind of figure (allocated, approved plan, executed, ...): the filter `kind` (kind= in the URL), picked here.
kinds = kind_counts(query, filters)
controls = st.columns([2, 2, 1, 2])
kind = kind_picker(controls[0], filters, "trends")
mode = controls[1].radio(t("value_mode", lang), ["nominal", "real"], horizontal=True, key="trend_value_mode",
                         format_func=lambda m: t(VALUE_MODES[m], lang))
cpi_years = list(fetch("cpi")["year"])
base_year = controls[2].selectbox(t("base_year", lang), cpi_years[::-1], key="trend_base_year",
                                  disabled=mode != "real")
show_estimate = controls[3].toggle(t("show_estimate", lang), key="trend_estimate")

real_base = base_year if mode == "real" else None
figures = once_per_view(("trends", filters, real_base), lambda: trend_figures(query, filters, real_base, filters.kind))
y_title = t("axis_money_bn_real", lang, base=base_year) if mode == "real" else t("axis_money_bn", lang)
many_units = len(filters.areas) != 1
kind_name = codes.name("figure", kind, lang)

if note := other_kinds_note(kinds, kind, codes, lang):
    st.info(note, icon="ℹ️")
# Figures of part of a year (a first round, nine months) are never drawn as whole years: named here instead.
if partial := partial_items(fetch("partial_figures", filters, figure=filters.kind), lang):
    st.info(t("partial_left_out_note", lang, items=partial), icon="ℹ️")
if figures.annual.empty and figures.periods.empty:
    st.info(t("no_data", lang))
else:
    reason = t(NOT_COMPARABLE[figures.not_comparable], lang) if figures.not_comparable else None
    summary = st.columns(4 if many_units else 3)
    # The change on the span before, in nominal money only (the real values' base year is a choice of the page).
    change = annual_change(query, filters, filters.kind, khuyen_cong_only=False) if mode == "nominal" else None
    for column, key_figure in zip(summary, trend_key_figures(figures, change_text(change, lang), reason, many_units,
                                                             lang)):
        show_key_figure(column, key_figure, lang)
    # The Overview's "Tổng kinh phí khuyến công" is another figure of the same allocations: say what sets the two
    # apart, and link to it (nominal allocations only: the Overview shows no other kind and no real values).
    if kind == DEFAULT_KIND and mode == "nominal" and (
            sentence := totals_compared(query, filters).sentence("trends", lang)):
        st.caption(sentence)
        st.page_link("pages/overview.py", label=t("totals_link_overview", lang), icon=":material/dashboard:",
                     query_params=dict(st.query_params))
    if reason:  # in the words of what the chart draws: a line between some years, or none
        joins_some = bool(figures.coverage["joined"].any())
        st.caption(t("trends_joined_in_part", lang, reason=reason) if joins_some
                   else t("trends_not_joined", lang, reason=reason))

    names = {a: unit_name(a) for a in
             {*figures.periods["unit_id"], *(u for ids in figures.coverage["unit_ids"] for u in ids)}}
    differing = differing_reports(query, filters, codes, lang, unit_name)
    title = t("trend_title", lang) if kind == DEFAULT_KIND else t("trends_title_kind", lang, kind=kind_name)
    show_chart(once_per_view(("trend_main", filters, real_base, kind, show_estimate), lambda: make_funding_trend_chart(
        figures.by_source, figures.periods, lang, title, y_title, show_estimate=show_estimate,
        format_money=format_money, unit_names=names if many_units else None, codes=codes, coverage=figures.coverage,
        count_units=many_units, differing=differing, area_names=names)), key="trend_main",
               on_select=lambda: select_year("trend_main"), selection_mode="points")
    provenance_button(filters, "trend_main_rows", doc_ids=figures.doc_ids)
    if len(figures.periods) > MAX_PERIOD_MARKS:
        st.markdown(t("trends_periods_listed", lang, n=format_number(len(figures.periods), lang)))
        st.dataframe(period_table(figures.periods, codes, lang, unit_name), hide_index=True)
    if len(differing):
        st.caption(t("trends_differing_note", lang, items="; ".join(differing["label"])))
    if show_estimate and 0 < len(figures.periods) <= MAX_PERIOD_MARKS:
        st.warning(t("estimate_note", lang))
    if mode == "real":
        st.caption(t("real_note", lang, base=base_year))
    show_sources(figures.doc_ids + [d for ids in differing["doc_ids"] for d in ids], figures.has_illustrative, lang)

    left, right = st.columns(2)
    with left:
        if reason:
            st.markdown(f"**{t('cumulative_title', lang)}**")
            st.caption(t("trends_no_cumulative", lang, reason=reason))
        else:
            show_chart(once_per_view(("trend_cumulative", filters, real_base), lambda: make_cumulative_chart(
                figures.totals, lang, t("cumulative_title", lang), y_title, format_money)), key="trend_cumulative")
            st.caption(t("cumulative_note", lang))
    with right:
        if change_in_words(figures.changes, lang):
            st.markdown(f"**{t('change_title', lang)}**")
            st.caption(change_in_words(figures.changes, lang))
        else:
            show_chart(once_per_view(("trend_change", filters, real_base), lambda: make_change_chart(
                figures.changes, lang, t("change_title", lang), format_percent)), key="trend_change")
            if reason:
                st.caption(t("trends_change_some_years", lang))
    show_sources(figures.doc_ids, figures.has_illustrative, lang)

    if len(filters.areas) > 1:
        names = {a: unit_name(a) for a in filters.areas}
        show_chart(make_area_comparison_chart(totals_by_unit(figures.annual), names, lang,
                                              t("trends_compare_title", lang), y_title, format_money),
                   key="trend_compare")
        if filters.current_units:
            st.caption(t("grouping_applied", lang))
        show_sources(figures.doc_ids, figures.has_illustrative, lang)

# Plan against executed: one area's figures of every kind, plan side beside executed side, never added together.
st.subheader(t("trends_plan_executed_title", lang))
if len(filters.areas) == 1:
    rows = plan_executed(query, filters, codes, lang)
    if rows.empty or rows["figure"].nunique() < 2:
        st.caption(t("trends_plan_executed_none", lang, area=unit_name(filters.areas[0])))
    else:
        show_chart(make_plan_executed_chart(
            rows, lang, t("trends_plan_executed_chart", lang, area=unit_name(filters.areas[0])),
            t("axis_money_bn", lang), codes=codes, side_names={s: t(k, lang) for s, k in SIDES.items()}),
            key="trend_plan_executed")
        st.caption(t("trends_plan_executed_note", lang))
        show_sources([d for ids in rows["doc_ids"] for d in ids], False, lang)
else:
    st.caption(t("trends_plan_executed_pick", lang))
