"""Tổng quan / Overview: how much money, from where, how many projects, what came of it, and how sure we are."""

import streamlit as st

from khuyencong.figures.overview import describe_periods, overview_figures
from khuyencong.i18n.formatting import format_datetime, format_money, format_number, format_percent, format_year_span
from khuyencong.i18n.labels import N_, source_label, t
from khuyencong.render.charts import make_sparkline_chart
from khuyencong.ui.captions import show_sources
from khuyencong.ui.fetch import fetch
from khuyencong.ui.presenting import show_chart
from khuyencong.ui.shell import area_names, current_filters

filters = current_filters()
lang = filters.lang
figures = overview_figures(filters)

st.title(t("page_overview", lang))
st.caption(t("view_summary", lang, areas=area_names(filters),
             years=format_year_span(filters.year_from, filters.year_to),
             sources=", ".join(source_label(s, lang) for s in filters.sources)))

first, second = st.columns(3), st.columns(3)
first[0].metric(t("kpi_total", lang), format_money(figures.funding.khuyen_cong_mvnd, lang),
                help=t("kpi_total_help", lang))
for column, (source, label) in zip(first[1:], (("local", N_("kpi_local_share")), ("central", N_("kpi_central_share")))):
    share = format_percent(figures.funding.share(source), lang) if source in filters.sources else "—"
    column.metric(t(label, lang), share)
second[0].metric(t("kpi_projects", lang), format_number(figures.projects["projects"], lang),
                 help=t("kpi_projects_help", lang, n=format_number(figures.projects["projects_with_actual"], lang)))
second[1].metric(t("kpi_establishments", lang), format_number(figures.establishments["establishments"], lang),
                 help=t("kpi_establishments_help", lang))
second[2].metric(t("kpi_leverage", lang),
                 t("leverage_value", lang, value=format_number(figures.leverage, lang, 2))
                 if figures.leverage is not None else format_number(None, lang),
                 help=t("kpi_leverage_help", lang))

notes = []
if len(figures.funding.periods_used):
    notes.append(t("periods_used_note", lang, items=describe_periods(figures.funding.periods_used, lang)))
if len(figures.funding.periods_left_out):
    notes.append(t("periods_left_out_note", lang, items=describe_periods(figures.funding.periods_left_out, lang)))
if filters.activities or filters.sectors:
    notes.append(t("filter_scope_note", lang))
for note in notes:
    st.info(note, icon="ℹ️")
show_sources(figures.documents, figures.has_illustrative, lang)

if figures.annual.empty:
    st.info(t("no_data", lang))
else:
    show_chart(make_sparkline_chart(figures.annual, lang, t("overview_trend_title", lang),
                                         t("axis_money_bn", lang), format_money), key="overview_trend")
    show_sources([d for ids in figures.annual["doc_ids"] for d in ids],
                 bool(figures.annual["has_illustrative"].any()), lang)

facts = st.columns(3)
covered = figures.years_covered
facts[0].metric(t("period_covered", lang), format_year_span(*covered) if covered else format_number(None, lang))
facts[1].metric(t("documents_count", lang), format_number(len(
    [d for d in figures.documents if not d.startswith("minh-hoa")]), lang))
facts[2].metric(t("last_loaded", lang), format_datetime(fetch("last_load")["loaded_at"].iloc[0], lang))
