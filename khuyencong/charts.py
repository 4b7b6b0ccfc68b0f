"""Every chart of the app: one Plotly template, fixed colours per funding source and activity, whole-year axes."""

import plotly.graph_objects as go
import plotly.io as pio

from khuyencong.labels import t

TEMPLATE = "khuyencong"
FONT = '"Source Sans Pro", "Noto Sans", "Segoe UI", Arial, sans-serif'
# Okabe–Ito: distinguishable with the common colour-vision deficiencies.
SOURCE_COLOURS = {"local": "#0072B2", "central": "#E69F00", "counterpart": "#009E73", "other": "#CC79A7"}
TOTAL_COLOUR = "#333333"
ACTIVITY_COLOURS = {
    "dao_tao_nghe": "#0072B2", "nang_luc_quan_ly": "#E69F00", "mo_hinh_trinh_dien": "#009E73",
    "san_xuat_sach_hon": "#56B4E9", "san_pham_tieu_bieu": "#D55E00", "hoi_cho_trien_lam": "#CC79A7",
    "tu_van_tro_giup": "#F0E442", "thong_tin_tuyen_truyen": "#999999", "lien_ket_cum_cn": "#882255",
    "hop_tac_quoc_te": "#44AA99", "quan_ly_thuc_hien": "#332288",
}
SERIES_COLOURS = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#882255", "#999999"]

pio.templates[TEMPLATE] = go.layout.Template(layout=go.Layout(
    font={"family": FONT, "size": 15, "color": "#222222"},
    title={"font": {"size": 19}, "x": 0, "xanchor": "left"},
    colorway=SERIES_COLOURS,
    plot_bgcolor="white",
    paper_bgcolor="white",
    margin={"l": 64, "r": 24, "t": 64, "b": 56},
    legend={"orientation": "h", "yanchor": "bottom", "y": 1.02, "xanchor": "left", "x": 0, "title": {"text": ""}},
    hoverlabel={"font": {"family": FONT, "size": 14}},
    xaxis={"showgrid": False, "linecolor": "#888888", "ticks": "outside"},
    yaxis={"gridcolor": "#E5E5E5", "zerolinecolor": "#888888", "rangemode": "tozero"},
))


def finish_chart(fig: go.Figure, lang: str, title: str, y_title: str, years: list[int] | None = None) -> go.Figure:
    """Apply the template, the language's number separators, units on the axis and whole-year ticks."""
    fig.update_layout(template=TEMPLATE, title={"text": title}, separators=",." if lang == "vi" else ".,",
                      yaxis_title=y_title, xaxis_title=t("axis_year", lang))
    if years:
        span = max(years) - min(years) + 1
        step = 1 if span <= 13 else 2
        fig.update_xaxes(tickmode="linear", tick0=min(years) - min(years) % step, dtick=step, tickformat="d",
                         range=[min(years) - 0.6, max(years) + 0.6])
    return fig


def _money_hover(lang: str) -> str:
    return "%{customdata[0]}<extra>%{fullData.name}</extra>"


def _bn(mvnd):
    return [v / 1000 for v in mvnd]


def make_funding_trend_chart(annual, periods, lang: str, title: str, y_title: str, show_estimate: bool = False,
                             format_money=None, unit_names: dict | None = None):
    """Stacked annual bars by funding source with the yearly total; period totals marked over their span.

    annual: year, funding_source, amount_mvnd. periods: funding_source, year_from, year_to, amount_mvnd.
    With show_estimate, a period total is also drawn spread evenly, hatched and named as an estimate.
    """
    from khuyencong.labels import source_label

    fig = go.Figure()
    years = sorted(set(annual["year"])) if len(annual) else []
    for source in SOURCE_COLOURS:
        rows = annual[annual["funding_source"] == source].sort_values("year")
        if rows.empty:
            continue
        fig.add_bar(x=rows["year"], y=_bn(rows["amount_mvnd"]), name=source_label(source, lang),
                    marker_color=SOURCE_COLOURS[source], customdata=[[format_money(v, lang), v] for v in
                                                                      rows["amount_mvnd"]],
                    hovertemplate=_money_hover(lang))
    if len(annual):
        totals = annual.groupby("year", as_index=False)["amount_mvnd"].sum()
        fig.add_scatter(x=totals["year"], y=_bn(totals["amount_mvnd"]), name=t("total", lang), mode="lines+markers",
                        line={"color": TOTAL_COLOUR, "width": 2}, marker={"size": 6},
                        customdata=[[format_money(v, lang), v] for v in totals["amount_mvnd"]],
                        hovertemplate=_money_hover(lang))
    for index, period in enumerate(periods.itertuples()):
        years += [period.year_from, period.year_to]
        has_annual = period.years_reported == period.years_reported and period.years_reported > 0
        label = t("period_total_with_annual_label" if has_annual else "period_total_label", lang,
                  source=source_label(period.funding_source, lang), span=f"{period.year_from}–{period.year_to}",
                  amount=format_money(period.amount_mvnd, lang),
                  annual=format_money(period.annual_sum_mvnd, lang) if has_annual else "")
        if unit_names:
            label = f"{unit_names.get(period.unit_id, period.unit_id)}, {label[0].lower()}{label[1:]}"
        fig.add_vrect(x0=period.year_from - 0.5, x1=period.year_to + 0.5, fillcolor=SOURCE_COLOURS.get(
            period.funding_source, "#999999"), opacity=0.05, line_width=0, layer="below")
        fig.add_annotation(x=(period.year_from + period.year_to) / 2, y=1 - 0.07 * index, yref="paper",
                           text=label, showarrow=False, font={"size": 13}, bgcolor="rgba(255,255,255,0.85)")
        if show_estimate and not has_annual:
            span = list(range(period.year_from, period.year_to + 1))
            share = period.amount_mvnd / len(span)
            fig.add_bar(x=span, y=[share / 1000] * len(span),
                        name=t("estimate_even_split", lang, source=source_label(period.funding_source, lang)),
                        marker={"color": SOURCE_COLOURS.get(period.funding_source, "#999999"), "opacity": 0.45,
                                "pattern": {"shape": "/"}},
                        customdata=[[format_money(share, lang) + " (" + t("estimate", lang) + ")", share]] * len(span),
                        hovertemplate=_money_hover(lang))
    fig.update_layout(barmode="stack", hovermode="x unified")
    return finish_chart(fig, lang, title, y_title, years or None)


def make_cumulative_chart(totals, lang: str, title: str, y_title: str, format_money):
    """Running total of the annual figures."""
    frame = totals.sort_values("year")
    cumulative = frame["amount_mvnd"].cumsum()
    fig = go.Figure(go.Scatter(x=frame["year"], y=_bn(cumulative), mode="lines+markers", fill="tozeroy",
                               name=t("cumulative", lang), line={"color": SOURCE_COLOURS["local"], "width": 3},
                               customdata=[[format_money(v, lang), v] for v in cumulative],
                               hovertemplate=_money_hover(lang)))
    fig.update_layout(showlegend=False)
    return finish_chart(fig, lang, title, y_title, list(frame["year"]))


def make_change_chart(changes, lang: str, title: str, format_percent):
    """Year-on-year change in percent; the label says up or down, not the colour alone."""
    colours = ["#0072B2" if v >= 0 else "#D55E00" for v in changes["change_pct"]]
    text = [("▲ " if v >= 0 else "▼ ") + format_percent(v, lang) for v in changes["change_pct"]]
    fig = go.Figure(go.Bar(x=changes["year"], y=changes["change_pct"], marker_color=colours, text=text,
                           textposition="outside", cliponaxis=False, constraintext="none",
                           name=t("axis_change_pct", lang),
                           customdata=[[s] for s in text], hovertemplate="%{customdata[0]}<extra></extra>"))
    fig.update_traces(textfont={"size": 12})
    fig.update_layout(showlegend=False, yaxis_rangemode="normal")
    return finish_chart(fig, lang, title, t("axis_change_pct", lang), list(changes["year"]))


def make_area_comparison_chart(by_unit, names: dict, lang: str, title: str, y_title: str, format_money):
    """One line per area: total funding by year."""
    fig = go.Figure()
    for index, (unit, rows) in enumerate(by_unit.groupby("unit_id", sort=False)):
        rows = rows.sort_values("year")
        fig.add_scatter(x=rows["year"], y=_bn(rows["amount_mvnd"]), mode="lines+markers", name=names.get(unit, unit),
                        line={"color": SERIES_COLOURS[index % len(SERIES_COLOURS)], "width": 3},
                        customdata=[[format_money(v, lang), v] for v in rows["amount_mvnd"]],
                        hovertemplate=_money_hover(lang))
    return finish_chart(fig, lang, title, y_title, sorted(set(by_unit["year"])))


def make_sparkline_chart(annual, lang: str, title: str, y_title: str, format_money):
    """A small stacked-bar trend for the overview."""
    fig = make_funding_trend_chart(annual, annual.iloc[0:0].assign(year_from=[], year_to=[]), lang, title, y_title,
                                   format_money=format_money)
    fig.update_layout(height=300, margin={"t": 56, "b": 40}, title={"font": {"size": 16}})
    return fig
