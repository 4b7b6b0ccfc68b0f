"""Kế hoạch và thực hiện / Plan versus actual: project money against plan by year and funding source, result
indicators by period (with cumulative quarters) against plan and the same period last year, a progress status a
director reads at a glance, and the real figures as their source reported them."""

import streamlit as st

from khuyencong.figures.empty import without_empty_columns
from khuyencong.figures.overview import KeyFigure
from khuyencong.figures.plan_actual import (
    PERIODS,
    QUARTERS,
    STATUS_COLOURS,
    STATUSES,
    capitalised,
    compares_project_money,
    describe_when,
    format_indicator_value,
    indicator_progress,
    indicator_table,
    money_rows,
    money_table,
    period_with_figures,
    periods_for,
    progress_chart_rows,
    published_plan_executed_table,
    reported_table,
    reports_project_money,
    shows_progress,
    spans_with_both_sides,
    status_text,
    summary_lines,
    summary_sentence,
)
from khuyencong.i18n.formatting import (
    format_headline_money,
    format_money,
    format_number,
    format_percent,
    format_year_span,
)
from khuyencong.i18n.labels import N_, t
from khuyencong.i18n.markdown import escape_markdown
from khuyencong.render.charts import make_plan_actual_money_chart, make_progress_chart
from khuyencong.ui.captions import show_sources
from khuyencong.ui.columns import fit_headers
from khuyencong.ui.fetch import code_lists, fetch, once_per_view
from khuyencong.ui.key_figures import show_key_figure
from khuyencong.ui.presenting import show_chart
from khuyencong.ui.shell import area_names, current_filters, unit_name

filters = current_filters()
lang = filters.lang
right = {"alignment": "right"}


def doc_ids(frame) -> list[str]:
    return sorted({d for ids in frame["doc_ids"] for d in ids})


MONEY_COLUMNS = {t(k, lang): st.column_config.TextColumn(**right) for k in (
    N_("plan_actual_col_projects"), N_("plan_actual_col_plan_money"), N_("plan_actual_col_actual_money"),
    N_("plan_actual_col_pct_plan"), N_("plan_actual_col_not_reported"))}
INDICATOR_COLUMNS = {
    **{t(k, lang): st.column_config.TextColumn(width=w) for k, w in (
        (N_("plan_actual_col_area"), 110), (N_("plan_actual_col_indicator"), 290), (N_("plan_actual_col_measure"), 100),
        (N_("plan_actual_col_expected"),
         165), (N_("plan_actual_col_status"), 140), (N_("plan_actual_col_summary"), 340),
        (N_("plan_actual_col_data_note"), 120), (N_("plan_actual_col_quote"), 480))},
    **{t(k, lang): st.column_config.TextColumn(width=w, **right) for k, w in (
        (N_("plan_actual_col_plan"),
         175), (N_("plan_actual_col_actual"), 130), (N_("plan_actual_col_pct"), 125),
        (N_("plan_actual_col_prior"), 130),
        (N_("plan_actual_col_pct_prior"), 125))},
}


def show_reported_headline(row, when: str, year: int, period: str, doc: str) -> None:
    """One reported figure that carries a percentage, as a progress report reads it, with its derived references."""
    name = row.name_vi if lang == "vi" else row.name_en
    actual = format_indicator_value(row.actual_value, row.is_money, lang, row.qualifier)
    st.markdown(t("plan_actual_rep_headline", lang, indicator=name, when=when, actual=actual,
                  estimate=t("plan_actual_rep_estimate_word", lang) if row.qualifier == "estimate" else "",
                  summary=summary_sentence(row, lang), status=status_text(row.status, lang)))
    pct_plan = t("plan_actual_rep_metric_pct_plan", lang) if row.plan_basis == "year" else \
        t("plan_actual_rep_metric_pct_plan_period", lang)
    # Real figures only (plan_reported_outcomes), each as its one document reported it.
    for column, key_figure in zip(st.columns(4), [
        KeyFigure("actual", t("plan_actual_rep_metric_actual", lang, indicator=name), actual, doc_ids=(doc,)),
        KeyFigure("pct_plan", pct_plan, format_percent(row.plan_pct_reported, lang), doc_ids=(doc,)),
        KeyFigure("pct_prior", t("plan_actual_rep_metric_pct_prior", lang, prior_year=year - 1),
                  format_percent(row.prior_pct_reported, lang), doc_ids=(doc,)),
        KeyFigure("status", t("plan_actual_col_status", lang), status_text(row.status, lang), doc_ids=(doc,)),
    ]):
        show_key_figure(column, key_figure, lang)
    with st.container(border=True):
        st.markdown("*" + t("plan_actual_rep_derived_title", lang) + "*")
        derived = st.columns(4)
        show_key_figure(derived[0], KeyFigure(
            "derived_plan", t("plan_actual_rep_metric_derived_plan", lang, year=year)
            if row.plan_basis == "year" else t("plan_actual_rep_metric_derived_plan_period", lang, when=when),
            "≈ " + format_indicator_value(row.derived_plan, row.is_money, lang), doc_ids=(doc,)), lang)
        show_key_figure(derived[1], KeyFigure(
            "derived_prior", t("plan_actual_rep_metric_derived_prior", lang,
                               when=describe_when(period, year - 1, lang)),
            "≈ " + format_indicator_value(row.derived_prior, row.is_money, lang), doc_ids=(doc,)), lang)
        st.caption(t("plan_actual_rep_derived_note", lang, actual=actual,
                     pct_plan=format_percent(row.plan_pct_reported, lang),
                     pct_prior=format_percent(row.prior_pct_reported, lang)))


st.title(t("page_plan_actual", lang))
st.caption(f"{area_names(filters)} · {format_year_span(filters.year_from, filters.year_to)}")
st.markdown(t("plan_actual_intro", lang))
money = fetch("plan_money", filters)
total = money_rows(money, "total")
published = fetch("plan_executed", filters)
available = fetch("plan_indicator_years", filters)
reported = fetch("plan_reported_outcomes", filters)

# What there is, before any detail: a reader sees at once what has a plan, an actual, and what compares.
with st.container(border=True):
    st.markdown("**" + t("plan_actual_summary_title", lang) + "**")
    st.markdown("\n".join(f"- {line}" for line in summary_lines(
        None if total.empty else total.iloc[0], published, available, reported, lang)))

# 1. Project money: plan against actual, by year and by funding source
st.subheader(t("plan_actual_money_header", lang))
if money.empty or total.empty or total["projects"].iloc[0] == 0:
    st.info(t("no_data", lang))
elif not reports_project_money(total.iloc[0]):
    st.info(t("plan_actual_money_no_amounts", lang, n=format_number(total["projects"].iloc[0], lang), section=2))
elif not compares_project_money(total.iloc[0]):
    st.info(t("plan_actual_money_no_actual", lang, n=format_number(total["projects"].iloc[0], lang),
              plan=format_number(total["projects_with_plan"].iloc[0], lang),
              plan_money=format_headline_money(total["plan_mvnd"].iloc[0], lang), section=2))
else:
    total = total.iloc[0]
    # Every figure here sums the projects in view: each marked when illustrative projects are among them.
    marks = {"illustrative": bool(total["has_illustrative"]), "doc_ids": tuple(total["doc_ids"])}
    for column, key_figure in zip(st.columns([4, 4, 3, 3]), [
        KeyFigure("plan_total", t("plan_actual_money_plan_total", lang),
                  format_headline_money(total["plan_mvnd"], lang), **marks),
        KeyFigure("actual_total", t("plan_actual_money_actual_total", lang),
                  format_headline_money(total["actual_mvnd"], lang), **marks),
        KeyFigure("pct", t("plan_actual_money_pct", lang), format_percent(total["pct_of_plan"], lang),
                  t("plan_actual_money_pct_help", lang), **marks),
        KeyFigure("not_reported", t("plan_actual_money_not_reported", lang),
                  t("plan_actual_money_not_reported_value", lang,
                    n=format_number(total["projects_without_actual"], lang),
                    total=format_number(total["projects"], lang)), t("plan_actual_money_not_reported_help", lang),
                  **marks),
    ]):
        show_key_figure(column, key_figure, lang)
    by_year = money_rows(money, "year")
    show_chart(once_per_view(("pa_money_chart", filters), lambda: make_plan_actual_money_chart(
        by_year, lang, t("plan_actual_money_chart_title", lang), t("axis_money_bn", lang), format_money,
        format_percent)), key="pa_money_chart")
    st.caption(t("plan_actual_money_null_note", lang, total=format_number(total["projects"], lang),
                 without_actual=format_number(total["projects_without_actual"], lang),
                 without_plan=format_number(total["projects_without_plan"], lang),
                 both=format_number(total["projects_with_both"], lang)))
    show_sources(doc_ids(by_year), bool(by_year["has_illustrative"].any()), lang)

    st.markdown("**" + t("plan_actual_money_by_source", lang,
                         years=format_year_span(filters.year_from, filters.year_to)) + "**")
    by_source = money_rows(money, "source")
    st.dataframe(money_table(by_source, lang, "source", code_lists()), hide_index=True, width="content",
                 column_config=fit_headers(MONEY_COLUMNS))
    show_sources(doc_ids(by_source), bool(by_source["has_illustrative"].any()), lang)
    with st.expander(t("plan_actual_money_detail", lang)):
        detail = money_rows(money, "year_source")
        st.dataframe(money_table(detail, lang, "year_source", code_lists()), hide_index=True, width="content",
                     column_config=fit_headers(MONEY_COLUMNS))
        show_sources(doc_ids(detail), bool(detail["has_illustrative"].any()), lang)

# 2. Published funding figures: plan side against executed side, never summed
st.subheader(t("plan_actual_pub_header", lang))
published_table = once_per_view(("pa_published", filters), lambda: published_plan_executed_table(
    published, lang, code_lists(), {u: unit_name(u) for u in published["unit_id"].unique()}))
if published_table.empty:
    st.info(t("plan_actual_pub_none_in_view", lang))
else:
    st.markdown(t("plan_actual_pub_intro", lang))
    link = st.column_config.LinkColumn(display_text=t("plan_actual_pub_link_text", lang), width=70)
    st.dataframe(published_table, hide_index=True,
                 column_config=fit_headers({
                     t("plan_actual_pub_col_share", lang): st.column_config.TextColumn(**right),
                     t("plan_actual_pub_col_plan_link", lang): link,
                     t("plan_actual_pub_col_executed_link", lang): link}))
    shown = spans_with_both_sides(published)
    show_sources(sorted(set(shown["doc_id"])), bool(shown["is_illustrative"].any()), lang)

# 3. Result indicators by period: plan, actual, same period last year, progress
st.subheader(t("plan_actual_ind_header", lang))
if available.empty:
    st.info(t("no_data", lang))
else:
    years = sorted({int(y) for y in available["year"]}, reverse=True)
    if st.session_state.get("pa_year") not in years:
        st.session_state["pa_year"] = years[0]
    controls = st.columns([1, 4, 2])
    year = controls[0].selectbox(t("plan_actual_year", lang), years, key="pa_year")
    st.session_state["pa_period"] = period_with_figures(available, year, st.session_state.get("pa_period"))
    period = controls[1].radio(t("plan_actual_period", lang), PERIODS, key="pa_period", horizontal=True,
                               format_func=lambda p: t(f"plan_actual_period_{p}", lang))
    cumulative = controls[2].toggle(t("plan_actual_cumulative", lang), key="pa_cumulative",
                                    disabled=period not in QUARTERS,
                                    help=t("plan_actual_cumulative_help", lang)) and period in QUARTERS
    when = describe_when(period, year, lang, cumulative)
    rows = fetch("plan_indicators", filters, year=year, periods=periods_for(period, cumulative))
    if rows.empty:
        st.info(t("plan_actual_no_indicator_data", lang, when=when))
    else:
        rows = indicator_progress(rows, period, cumulative)
        units = list(dict.fromkeys(rows["unit_id"]))
        unit = units[0]
        if len(units) > 1:
            by_name = {unit_name(u): u for u in units}  # options are names: AppTest cannot map a format_func back
            unit = by_name[st.columns([2, 5])[0].selectbox(t("plan_actual_chart_unit", lang), list(by_name),
                                                           key="pa_chart_unit")]
        shown = rows[rows["unit_id"] == unit]
        names = {s: status_text(s, lang) for s in STATUSES}
        if shows_progress(shown):
            show_chart(once_per_view(("pa_progress_chart", filters, year, period, cumulative, unit),
                                     lambda: make_progress_chart(progress_chart_rows(shown, lang), lang,
                                                                 t("plan_actual_progress_title", lang,
                                                                   unit=unit_name(unit), when=when),
                                                                 STATUS_COLOURS, names)), key="pa_progress_chart")
            st.markdown(t("plan_actual_rule", lang))
            show_sources(doc_ids(shown), bool(shown["is_illustrative"].any()), lang)
        else:
            st.info(t("plan_actual_progress_none", lang, unit=unit_name(unit), when=when,
                      n=format_number(len(shown), lang)))

        indicators, unreported = without_empty_columns(
            indicator_table(rows, lang, {u: unit_name(u) for u in units}), keep=3)
        st.dataframe(indicators, hide_index=True, column_config=fit_headers(INDICATOR_COLUMNS))
        if unreported:
            st.caption(t("plan_actual_columns_unreported", lang, columns=", ".join(unreported)))
        if cumulative:
            st.caption(t("plan_actual_cumulative_incomplete", lang))
        show_sources(doc_ids(rows), bool(rows["is_illustrative"].any()), lang)


# 4. Real figures as their source document reported them
st.subheader(t("plan_actual_rep_header", lang))
if reported.empty:
    st.info(t("plan_actual_rep_none", lang))
else:
    st.markdown(t("plan_actual_rep_intro", lang))
    reported = indicator_progress(reported.assign(is_illustrative=False), None).reset_index(drop=True)
    # The table, rows and columns built once and picked by position per group: built per group (46 groups in the
    # national view) they cost more of the page's CPU than everything else on it.
    tables = reported_table(reported, lang)
    rows = list(reported.itertuples())
    headline = (reported["pct_plan_reported"] | reported["pct_prior_reported"]).tolist()
    qualifiers, notes_of = reported["qualifier"].tolist(), reported["note"].tolist()
    groups = reported.groupby(["unit_id", "year", "period", "doc_id"], sort=False).indices
    for (unit, year, period, doc), positions in sorted(groups.items(), key=lambda group: group[1][0]):
        year = int(year)
        when = describe_when(period, year, lang)
        # Details after the summary: each report collapsed under its unit and period.
        label = capitalised(t("plan_actual_rep_group", lang, unit=unit_name(unit), when=when))
        count = t("plan_actual_rep_group_count", lang, n=format_number(len(positions), lang))
        with st.expander(f"{label} · {count}"):
            for row in (rows[i] for i in positions if headline[i]):
                show_reported_headline(row, when, year, period, doc)
            st.dataframe(tables.iloc[positions], hide_index=True,
                         column_config=fit_headers(INDICATOR_COLUMNS))
            if any(qualifiers[i] == "estimate" for i in positions):
                st.caption(t("plan_actual_rep_estimate_note", lang))
            notes = list(dict.fromkeys(notes_of[i] for i in positions if isinstance(notes_of[i], str)))
            if notes:
                st.caption(t("plan_actual_rep_notes", lang, notes=" · ".join(escape_markdown(n) for n in notes)))
            show_sources([doc], False, lang)

