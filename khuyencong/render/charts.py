"""Every chart of the app: one Plotly template, fixed colours per activity and per funding source (the colour column
of the funding_source table, passed in as CodeLists), whole-year axes."""

from pathlib import Path

import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio

from khuyencong.data.code_lists import CodeLists
from khuyencong.figures.funding import SHARE_SOURCES, qualified_money
from khuyencong.i18n.formatting import format_money_group, money_decimals, number_separators
from khuyencong.i18n.labels import t

TEMPLATE = "khuyencong"
# Horizontal bar charts keep their title at the very top, so a long title and the legend above the bars never share
# a line (their margins are set by hand, 96 px at the top).
TITLE_AT_TOP = {"yref": "container", "y": 1, "yanchor": "top", "pad": {"t": 14}}
FONT = '"Source Sans Pro", "Noto Sans", "Segoe UI", Arial, sans-serif'
# Okabe–Ito: distinguishable with the common colour-vision deficiencies.
CUMULATIVE_COLOUR = "#0072B2"
TOTAL_COLOUR = "#333333"
MAX_PERIOD_MARKS = 3  # period totals drawn over the trend chart; more are listed beside it
DIFFERING_COLOUR = "#AA3377"  # a marker, apart from every funding-source colour
ACTIVITY_COLOURS = {
    "dao_tao_nghe": "#0072B2", "nang_luc_quan_ly": "#E69F00", "mo_hinh_trinh_dien": "#009E73",
    "san_xuat_sach_hon": "#56B4E9", "san_pham_tieu_bieu": "#D55E00", "hoi_cho_trien_lam": "#CC79A7",
    "tu_van_tro_giup": "#F0E442", "thong_tin_tuyen_truyen": "#999999", "lien_ket_cum_cn": "#882255",
    "hop_tac_quoc_te": "#44AA99", "quan_ly_thuc_hien": "#332288",
}
# Plotly's geo (the map) loads its base map (world_110m.json) even when it draws none of it: Kaleido reads it from
# the app's static folder on disk, the browser from the same folder as Streamlit serves it (relative to the page, so
# under any baseUrlPath); never from cdn.plot.ly. Every st.plotly_chart passes BROWSER_CONFIG.
TOPOJSON_URL = (Path(__file__).resolve().parents[2] / "static" / "topojson").as_uri() + "/"
BROWSER_CONFIG = {"topojsonURL": "app/static/topojson/"}
pio.defaults.topojson = TOPOJSON_URL  # for plotly.io.write_image / to_image, should anything call them
# A chart's notes (annotations named NOTE) are drawn in images and slides; on screen they are text under the chart.
NOTE = "note"
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


# Illustrative marks, drawn apart from real ones in every chart (real marks are left as they are): bars cross-hatched
# ("x"; hatching "/" already means a period total or the executed side), line points open and the segments that
# touch them dotted. Each chart names the pattern once in its legend ("Dữ liệu minh họa (gạch chéo)"). The flag of
# each mark comes from the figures layer (has_illustrative of the rows a mark is built from), never from ids.
ILLUSTRATIVE_SHAPE = "x"
ILLUSTRATIVE_INK = "rgba(20, 20, 20, 0.55)"
ILLUSTRATIVE_PATTERN = {"shape": ILLUSTRATIVE_SHAPE, "fillmode": "overlay", "fgcolor": ILLUSTRATIVE_INK, "size": 9,
                        "solidity": 0.22}
ILLUSTRATIVE_LEGEND_GROUP = "illustrative"


def illustrative_flags(frame, column: str = "has_illustrative") -> list[bool]:
    """The illustrative flag of each row of a frame (all False when the frame carries none)."""
    if column not in frame:
        return [False] * len(frame)
    return [False if pd.isna(v) else bool(v) for v in frame[column]]  # not known (NULL) is not illustrative


def illustrative_marker(marker: dict, flags) -> dict:
    """A bar trace's marker with the cross-hatching on its illustrative bars only; a pattern the trace had (the
    period totals' "/") stays on its real bars. Unchanged when no bar is illustrative."""
    flags = [bool(f) for f in flags]
    if not any(flags):
        return marker
    own = dict(marker.get("pattern") or {})
    pattern = {"fillmode": own.get("fillmode", "overlay")}
    for name, value in ILLUSTRATIVE_PATTERN.items():
        if name == "fillmode":
            continue
        kept = own.get(name, "" if name == "shape" else value)
        values = [value if f else kept for f in flags]
        # one value for every mark as a scalar: a treemap takes no list of colours (plotly.js warns, draws black)
        pattern[name] = values if name == "shape" or len(set(map(str, values))) > 1 else values[0]
    return {**marker, "pattern": pattern}


def mark_illustrative_bars(trace, flags) -> None:
    """Cross-hatch the illustrative bars of a trace already added, and keep the flags on it (trace.meta)."""
    flags = [bool(f) for f in flags]
    trace.meta = {"illustrative": flags}
    if any(flags):
        own = trace.marker.to_plotly_json()
        trace.meta["legend_marker"] = own  # the legend draws a trace's first bar: it shows the real bars' look
        trace.marker = illustrative_marker(own, flags)


def add_illustrative_legend(fig: go.Figure, lang: str, kind: str = "bar", grouped: bool = False) -> None:
    """One legend entry naming the illustrative pattern ("Dữ liệu minh họa (gạch chéo)"), when a mark uses it.
    grouped: the chart's bars stand side by side (barmode group), where every bar trace takes a slot of its own
    unless it shares an offsetgroup: the legend's stand-ins share their series' slot."""
    marked = [tr for tr in fig.data if isinstance(getattr(tr, "meta", None), dict)
              and any(tr.meta.get("illustrative", []))]
    if not marked:
        return
    if fig.layout.showlegend is False:  # a chart without a legend gets one for the pattern alone
        for trace in fig.data:
            trace.showlegend = False
    # Plotly's legend draws a bar trace with the pattern of its first bar: a series whose bars are partly illustrative
    # gets its entry from a stand-in with the real bars' look, placed where its own entry was.
    order = list(fig.data)
    for trace in marked:
        if trace.type != "bar" or trace.showlegend is False or "legend_marker" not in trace.meta:
            continue
        if grouped and trace.offsetgroup is None:
            trace.offsetgroup = f"series{order.index(trace)}"
        fig.add_bar(x=[None], y=[None], name=trace.name, marker=trace.meta["legend_marker"], hoverinfo="skip",
                    legendgroup=trace.legendgroup or trace.name, orientation=trace.orientation, showlegend=True,
                    offsetgroup=trace.offsetgroup if grouped else None)
        trace.showlegend, trace.legendgroup = False, trace.legendgroup or trace.name
        order.insert(order.index(trace) + 1, fig.data[-1])
    fig.data = tuple(order)
    if kind == "bar":
        first = next((tr for tr in fig.data if tr.type == "bar"), None)
        if grouped and first is not None and first.offsetgroup is None:
            first.offsetgroup = "series0"
        fig.add_bar(x=[None], y=[None], name=t("chart_illustrative_bars", lang), showlegend=True,
                    offsetgroup=first.offsetgroup if grouped and first is not None else None,
                    orientation=first.orientation if first is not None else None,
                    legendgroup=ILLUSTRATIVE_LEGEND_GROUP, hoverinfo="skip",
                    marker={"color": "#FFFFFF", "line": {"color": "#555555", "width": 1},
                            "pattern": {**ILLUSTRATIVE_PATTERN, "fgcolor": "#444444", "solidity": 0.3}})
    else:
        fig.add_scatter(x=[None], y=[None], name=t("chart_illustrative_lines", lang), showlegend=True,
                        legendgroup=ILLUSTRATIVE_LEGEND_GROUP, mode="lines+markers", hoverinfo="skip",
                        line={"color": "#555555", "width": 2, "dash": "dot"},
                        marker={"symbol": "circle-open", "size": 9, "color": "#555555", "line": {"width": 2}})
    fig.update_layout(showlegend=True)


def add_line(fig: go.Figure, xs, ys, flags, *, line: dict, marker: dict, **trace) -> None:
    """A line with markers whose illustrative points are open and whose segments touching them are dotted; a None in
    ys is a gap (connectgaps off). The flags ride on the trace (meta) for the legend and for tests."""
    flags = [bool(f) for f in flags]
    symbol, plain = marker.get("symbol", "circle"), marker
    marker = {**marker, "symbol": [f"{symbol}-open" if f else symbol for f in flags],
              "line": {"width": 2, "color": line.get("color")}} if any(flags) else marker
    solid = list(ys)
    if any(flags):  # the solid line runs between two real points only; the rest is drawn dotted beneath
        solid = [y if not f or y is None else None for y, f in zip(ys, flags)]
        dx, dy = [], []
        for i in range(len(xs) - 1):
            if ys[i] is None or ys[i + 1] is None or not (flags[i] or flags[i + 1]):
                continue
            dx += [xs[i], xs[i + 1], None]
            dy += [ys[i], ys[i + 1], None]
        name, group = trace.get("name"), trace.get("name")
        # The points (their hover and customdata, a fill) first, so the series is found by its name as before, and
        # drawn over the lines (zorder).
        fig.add_scatter(x=xs, y=ys, mode="markers", marker=marker, legendgroup=group,
                        zorder=0 if trace.get("fill") else 1,  # a fill drawn over the lines would veil them
                        meta={"illustrative": flags}, **{**trace, "showlegend": False})
        # lines+markers: the series' legend entry looks like a real series's (a line through a filled point)
        fig.add_scatter(x=xs, y=solid, mode="lines+markers", name=name, showlegend=trace.get("showlegend"),
                        hoverinfo="skip", connectgaps=False, line=line, marker=plain, legendgroup=group)
        if dx:
            fig.add_scatter(x=dx, y=dy, mode="lines", name=name, showlegend=False, hoverinfo="skip",
                            connectgaps=False, line={**line, "dash": "dot"}, legendgroup=group)
        return
    fig.add_scatter(x=xs, y=ys, mode="lines+markers", line=line, marker=marker, connectgaps=False,
                    meta={"illustrative": flags}, **trace)


YEAR_BAR_SHARE = 0.8  # of one year: the room a year's bars take together; the rest is the gap between years


def fit_bars_to_years(fig: go.Figure) -> None:
    """Every vertical bar on the year axis at most one year wide, on its own year. Plotly sizes bars by the smallest
    step between the positions it draws: with years missing (2005, 2009, 2022) that step is years, and a bar would
    spread over its neighbours' years and past the axis's end. Side by side (barmode group) each series takes its
    share of the year, in the order Plotly gives them (one slot per offsetgroup, or per trace without one)."""
    bars = [tr for tr in fig.data if tr.type == "bar" and tr.orientation != "h"]
    if not bars:
        return
    if (fig.layout.barmode or "group") != "group":  # group is Plotly's default
        for trace in bars:
            if trace.width is None:
                trace.width = YEAR_BAR_SHARE
        return
    slots: list = []
    for index, trace in enumerate(bars):
        slot = trace.offsetgroup or f"trace{index}"
        draws = any(x is not None for x in (trace.x if trace.x is not None else ()))
        if slot not in slots and (draws or trace.offsetgroup):
            slots.append(slot)
    share = YEAR_BAR_SHARE / max(len(slots), 1)
    for index, trace in enumerate(bars):
        slot = trace.offsetgroup or f"trace{index}"
        place = slots.index(slot) if slot in slots else 0
        trace.width, trace.offset = share, -YEAR_BAR_SHARE / 2 + place * share


def finish_chart(fig: go.Figure, lang: str, title: str, y_title: str, years: list[int] | None = None) -> go.Figure:
    """Apply the template, the language's number separators, units on the axis and whole-year ticks; bars on the
    year axis stay within their year (fit_bars_to_years)."""
    fig.update_layout(template=TEMPLATE, title={"text": title}, separators=number_separators(lang),
                      yaxis_title=y_title, xaxis_title=t("axis_year", lang))
    if years:
        fit_bars_to_years(fig)
        span = max(years) - min(years) + 1
        step = 1 if span <= 13 else 2
        # Upright years: on a phone every other one is hidden (ui/screen_css.py) rather than turned on its side,
        # which would push the axis title into a legend below.
        fig.update_xaxes(tickmode="linear", tick0=min(years) - min(years) % step, dtick=step, tickformat="d",
                         tickangle=0,
                         range=[min(years) - 0.6, max(years) + 0.6])
    return fig


def _money_hover(lang: str) -> str:
    return "%{customdata[0]}<extra>%{fullData.name}</extra>"


def _bn(mvnd):
    return [v / 1000 for v in mvnd]


def make_funding_trend_chart(annual, periods, lang: str, title: str, y_title: str, show_estimate: bool = False,
                             format_money=None, unit_names: dict | None = None, *, codes: CodeLists,
                             coverage=None, count_units: bool = False, differing=None, area_names: dict | None = None):
    """Stacked annual bars by funding source with the yearly total; period totals marked over their span.

    annual: year, funding_source, amount_mvnd. periods: funding_source, year_from, year_to, amount_mvnd.
    coverage (funding.year_coverage): the total is joined by a line only between years it marks `joined` (the
    same units, consecutive); without it the totals are markers only. count_units: a label over each year's bars
    says how many units it rests on, and the hover names them (area_names: unit id -> name).
    differing (trends.differing_reports): a marker over each year whose reports differ, the hover listing them.
    With show_estimate, a period total is also drawn spread evenly, hatched and named as an estimate.
    Sources are drawn in the order, names and colours of the funding_source table (`codes`).
    """
    colours = codes.colours()

    def source_label(source: str, lang: str) -> str:
        return codes.source_name(source, lang)

    fig = go.Figure()
    years = sorted(set(annual["year"])) if len(annual) else []
    for source in colours:
        rows = annual[annual["funding_source"] == source].sort_values("year")
        if rows.empty:
            continue
        # A bar of qualified figures says so in its hover ("> 10,2 tỷ đồng"), by the rule of qualified_money.
        qualifiers = rows["qualifiers"] if "qualifiers" in rows else [()] * len(rows)
        fig.add_bar(x=rows["year"], y=_bn(rows["amount_mvnd"]), name=source_label(source, lang),
                    marker_color=colours[source],
                    customdata=[[qualified_money(v, q, codes, lang), v, source]  # [2]: a click's source
                                for v, q in zip(rows["amount_mvnd"], qualifiers)],
                    hovertemplate=_money_hover(lang))
        mark_illustrative_bars(fig.data[-1], illustrative_flags(rows))
    if len(annual):
        totals = annual.groupby("year", as_index=False)["amount_mvnd"].sum()
        year_qualifiers = annual.groupby("year")["qualifiers"].agg(lambda lists: {q for x in lists for q in x}) \
            if "qualifiers" in annual else {}
        joined = dict(zip(coverage["year"], coverage["joined"])) if coverage is not None else {}
        # A gap (None) wherever a year is not joined to the one before: no line through missing years or across a
        # change in the units a sum rests on.
        year_illustrative: dict = {}
        for year, flag in zip(annual["year"], illustrative_flags(annual)):
            year_illustrative[year] = year_illustrative.get(year, False) or flag  # illustrative if any part is
        xs, ys, data, flags = [], [], [], []
        for y, v in zip(totals["year"], totals["amount_mvnd"]):
            if xs and not joined.get(y, False):
                xs.append(y - 0.5), ys.append(None), data.append(["", None]), flags.append(False)
            xs.append(y), ys.append(v / 1000), flags.append(year_illustrative.get(y, False))
            data.append([qualified_money(v, year_qualifiers.get(y, ()), codes, lang), v])
        add_line(fig, xs, ys, flags, name=t("total", lang), line={"color": TOTAL_COLOUR, "width": 2},
                 marker={"size": 7, "color": TOTAL_COLOUR}, customdata=data, hovertemplate=_money_hover(lang))
        if count_units and coverage is not None and len(coverage):
            names = area_names or {}
            top = dict(zip(totals["year"], totals["amount_mvnd"]))
            fig.add_scatter(x=list(coverage["year"]), y=[top.get(y, 0) / 1000 for y in coverage["year"]],
                            mode="text", name=t("trends_units_reporting", lang), textposition="top center",
                            showlegend=False,
                            text=[t("trends_units_label", lang, n=n) for n in coverage["units"]],
                            textfont={"size": 12, "color": "#555555"}, cliponaxis=False,
                            customdata=[[t("trends_units_label", lang, n=n) + ": "
                                         + ", ".join(names.get(u, u) for u in ids)]
                                        for n, ids in zip(coverage["units"], coverage["unit_ids"])],
                            hovertemplate="%{customdata[0]}<extra></extra>")
    # Beyond a few period totals their labels would pile up over the bars: the page lists them in a table instead.
    marked = periods if len(periods) <= MAX_PERIOD_MARKS else periods.iloc[0:0]
    for index, period in enumerate(marked.itertuples()):
        years += [period.year_from, period.year_to]
        has_annual = period.years_reported == period.years_reported and period.years_reported > 0
        values = {"source": source_label(period.funding_source, lang), "span": f"{period.year_from}–{period.year_to}",
                  "amount": format_money(period.amount_mvnd, lang)}
        label = t("period_total_with_annual_label", lang, **values, annual=format_money(period.annual_sum_mvnd, lang)) \
            if has_annual else t("period_total_label", lang, **values)
        if unit_names:
            label = f"{unit_names.get(period.unit_id, period.unit_id)}, {label[0].lower()}{label[1:]}"
        fig.add_vrect(x0=period.year_from - 0.5, x1=period.year_to + 0.5, fillcolor=colours.get(
            period.funding_source, "#999999"), opacity=0.05, line_width=0, layer="below")
        fig.add_annotation(x=(period.year_from + period.year_to) / 2, y=1 - 0.07 * index, yref="paper",
                           text=label, showarrow=False, font={"size": 13}, bgcolor="rgba(255,255,255,0.85)",
                           name=NOTE)
        if show_estimate and not has_annual:
            span = list(range(period.year_from, period.year_to + 1))
            share = period.amount_mvnd / len(span)
            fig.add_bar(x=span, y=[share / 1000] * len(span),
                        name=t("estimate_even_split", lang, source=source_label(period.funding_source, lang)),
                        marker={"color": colours.get(period.funding_source, "#999999"), "opacity": 0.45,
                                "pattern": {"shape": "/"}},
                        customdata=[[format_money(share, lang) + " (" + t("estimate", lang) + ")", share]] * len(span),
                        hovertemplate=_money_hover(lang))
            mark_illustrative_bars(fig.data[-1], [bool(getattr(period, "is_illustrative", False))] * len(span))
    if differing is not None and len(differing):
        stacked = annual.groupby("year")["amount_mvnd"].sum() if len(annual) else {}
        top = max([*(_bn(list(stacked))), *(p.amount_mvnd / 1000 for p in marked.itertuples() if show_estimate), 0])
        fig.add_scatter(x=list(differing["year"]), y=[(top or 1) * 1.12] * len(differing), mode="markers+text",
                        name=t("trends_differing_marker", lang),
                        # one flag per year: a period's and a year's reports centred on one year share it
                        text=["⚑" if year not in list(differing["year"])[:i] else ""
                              for i, year in enumerate(differing["year"])],
                        textposition="top center", textfont={"size": 14, "color": DIFFERING_COLOUR},
                        marker={"symbol": "diamond", "size": 11, "color": DIFFERING_COLOUR}, cliponaxis=False,
                        # a period's reports are marked over the whole period, not at its middle year alone
                        error_x={"type": "data", "array": [(r.year_to - r.year_from) / 2 for r in
                                                           differing.itertuples()],
                                 "color": DIFFERING_COLOUR, "thickness": 2, "width": 0},
                        customdata=[["<b>" + t("trends_differing_hover", lang, label=label) + "</b><br>"
                                     + "<br>".join(lines)] for label, lines in zip(differing["label"],
                                                                                    differing["lines"])],
                        hovertemplate="%{customdata[0]}<extra></extra>")
        years += [y for r in differing.itertuples() for y in (r.year_from, r.year_to)]
    add_illustrative_legend(fig, lang)
    fig.update_layout(barmode="stack", hovermode="x unified")
    return finish_chart(fig, lang, title, y_title, years or None)


def make_cumulative_chart(totals, lang: str, title: str, y_title: str, format_money):
    """Running total of the annual figures."""
    frame = totals.sort_values("year")
    cumulative = frame["amount_mvnd"].cumsum()
    # A running total is illustrative from the first illustrative year on: it adds that year.
    flags, seen = [], False
    for flag in illustrative_flags(frame):
        seen = seen or flag
        flags.append(seen)
    fig = go.Figure()
    add_line(fig, list(frame["year"]), _bn(cumulative), flags, fill="tozeroy", name=t("cumulative", lang),
             line={"color": CUMULATIVE_COLOUR, "width": 3}, marker={"size": 7, "color": CUMULATIVE_COLOUR},
             customdata=[[format_money(v, lang), v] for v in cumulative], hovertemplate=_money_hover(lang),
             showlegend=False)
    fig.update_layout(showlegend=False)
    add_illustrative_legend(fig, lang, "line")
    return finish_chart(fig, lang, title, y_title, list(frame["year"]))


UPRIGHT_LABELS_FROM = 10  # years on a change chart above which its bar labels stand upright


def make_change_chart(changes, lang: str, title: str, format_percent):
    """Year-on-year change in percent; the label says up or down, not the colour alone."""
    colours = ["#0072B2" if v >= 0 else "#D55E00" for v in changes["change_pct"]]
    text = [("▲ " if v > 0 else "▼ " if v < 0 else "= ") + format_percent(v, lang) for v in changes["change_pct"]]
    # Unchanged years get no bar label: a row of "= 0,0%" labels would overlap; hover still says it.
    shown = [label if abs(v) >= 0.05 else "" for label, v in zip(text, changes["change_pct"])]
    fig = go.Figure(go.Bar(x=changes["year"], y=changes["change_pct"], marker_color=colours, text=shown,
                           textposition="outside", cliponaxis=False, constraintext="none",
                           name=t("axis_change_pct", lang),
                           customdata=[[s] for s in text], hovertemplate="%{customdata[0]}<extra></extra>"))
    mark_illustrative_bars(fig.data[0], illustrative_flags(changes))
    # Many years make bars narrower than "▲ 7,3%": labels stand upright then, so neighbours never overlap, and the
    # axis leaves room above and below for them (outside labels are not counted by Plotly's autorange).
    upright = len(changes) > UPRIGHT_LABELS_FROM
    fig.update_traces(textfont={"size": 12}, textangle=-90 if upright else 0)
    values = [float(v) for v in changes["change_pct"]] or [0.0]
    room = (max(values) - min(min(values), 0) or 1) * (0.45 if upright else 0.2)
    fig.update_yaxes(range=[min(min(values), 0) - (room if min(values) < 0 else 0), max(max(values), 0) + room])
    # An unchanged year has no visible bar: a dash on the zero line tells it from a year that cannot be compared.
    flat = changes[changes["change_pct"].abs() < 0.05]
    if len(flat):
        fig.add_scatter(x=flat["year"], y=[0] * len(flat), mode="markers", name=t("axis_change_pct", lang),
                        marker={"symbol": "line-ew-open", "size": 16, "color": "#555555", "line": {"width": 3}},
                        customdata=[["= " + format_percent(v, lang)] for v in flat["change_pct"]],
                        hovertemplate="%{customdata[0]}<extra></extra>")
    fig.update_layout(showlegend=False, yaxis_rangemode="normal")
    add_illustrative_legend(fig, lang, grouped=True)  # Plotly's default barmode is group
    return finish_chart(fig, lang, title, t("axis_change_pct", lang), list(changes["year"]))


def make_area_comparison_chart(by_unit, names: dict, lang: str, title: str, y_title: str, format_money):
    """One line per area: total funding by year, joined only where `joined` (funding.year_coverage) allows; else
    only between consecutive years."""
    fig = go.Figure()
    for index, (unit, rows) in enumerate(by_unit.groupby("unit_id", sort=False)):
        rows = rows.sort_values("year")
        joined = rows["joined"] if "joined" in rows else rows["year"].diff() == 1
        xs, ys, data, flags = [], [], [], []
        for year, value, join, flag in zip(rows["year"], rows["amount_mvnd"], joined, illustrative_flags(rows)):
            if xs and not join:  # a gap: no line through missing years or a change of sources
                xs.append(year - 0.5), ys.append(None), data.append(["", None]), flags.append(False)
            xs.append(year), ys.append(value / 1000), data.append([format_money(value, lang), value])
            flags.append(flag)
        colour = SERIES_COLOURS[index % len(SERIES_COLOURS)]
        add_line(fig, xs, ys, flags, name=names.get(unit, unit), line={"color": colour, "width": 3},
                 marker={"size": 8, "color": colour}, customdata=data, hovertemplate=_money_hover(lang))
    add_illustrative_legend(fig, lang, "line")
    return finish_chart(fig, lang, title, y_title, sorted(set(by_unit["year"])))


def make_sparkline_chart(annual, lang: str, title: str, y_title: str, format_money, *, codes: CodeLists,
                         coverage=None):
    """A small stacked-bar trend for the overview; the total joins only the years coverage marks joined."""
    fig = make_funding_trend_chart(annual, annual.iloc[0:0].assign(year_from=[], year_to=[]), lang, title, y_title,
                                   format_money=format_money, codes=codes, coverage=coverage)
    # hovermode closest: a click selects the source segment under the pointer (x unified would hand Streamlit the
    # total's point of that year), and the Overview makes that source the filter.
    fig.update_layout(height=300, margin={"t": 56, "b": 40}, title={"font": {"size": 16}}, hovermode="closest")
    return fig


PLAN_COLOUR, ACTUAL_COLOUR = "#56B4E9", "#0072B2"  # Okabe–Ito sky blue (plan) and blue (actual)


def make_plan_actual_money_chart(by_year, lang: str, title: str, y_title: str, format_money, format_percent):
    """Grouped bars of project plan and actual by year; the % of plan stands above each actual bar.

    by_year: year, plan_mvnd, actual_mvnd, pct_of_plan, projects, projects_without_actual (NULL amounts not summed).
    """
    frame = by_year.sort_values("year")
    years = [int(y) for y in frame["year"]]
    counts = [t("plan_actual_hover_projects", lang, n=n, missing=m)
              for n, m in zip(frame["projects"], frame["projects_without_actual"])]
    with_actual = frame["pct_plan_mvnd"].fillna(0)
    without_actual = (frame["plan_mvnd"].fillna(0) - with_actual).clip(lower=0)
    fig = go.Figure()
    fig.add_bar(x=years, y=_bn(with_actual), name=t("plan_actual_plan", lang), marker_color=PLAN_COLOUR,
                offsetgroup="plan",
                customdata=[[format_money(v, lang), v, c, format_money(w, lang)]
                            for v, c, w in zip(frame["plan_mvnd"], counts, with_actual)],
                hovertemplate="%{customdata[0]}<br>" + t("plan_actual_hover_plan_with_actual", lang)
                              + ": %{customdata[3]}<br>%{customdata[2]}<extra>%{fullData.name} %{x}</extra>")
    flags = illustrative_flags(frame)
    mark_illustrative_bars(fig.data[-1], flags)
    if without_actual.sum() > 0:
        fig.add_bar(x=years, y=_bn(without_actual), base=_bn(with_actual), offsetgroup="plan",
                    name=t("plan_actual_plan_without_actual", lang),
                    marker={"color": "white", "line": {"color": PLAN_COLOUR, "width": 1.5},
                            "pattern": {"shape": "/", "fgcolor": PLAN_COLOUR}},
                    customdata=[[format_money(v, lang), v] for v in without_actual],
                    hovertemplate="%{customdata[0]}<extra>%{fullData.name} %{x}</extra>")
        mark_illustrative_bars(fig.data[-1], flags)
    pct_text = [format_percent(p, lang) if _known(p) is not None else "" for p in frame["pct_of_plan"]]
    fig.add_bar(x=years, y=_bn(frame["actual_mvnd"].fillna(0)), name=t("plan_actual_actual", lang),
                marker_color=ACTUAL_COLOUR,
                offsetgroup="actual", text=pct_text, textposition="outside", cliponaxis=False, constraintext="none",
                textangle=0 if len(years) <= 12 else -90, textfont={"size": 12, "color": "#222222"},
                customdata=[[format_money(v, lang), v,
                             t("plan_actual_hover_pct_of_plan", lang, pct=format_percent(p, lang)),
                             c] for v, p, c in zip(frame["actual_mvnd"], frame["pct_of_plan"], counts)],
                hovertemplate="%{customdata[0]}<br>%{customdata[2]}<br>%{customdata[3]}"
                              "<extra>%{fullData.name} %{x}</extra>")
    mark_illustrative_bars(fig.data[-1], flags)
    add_illustrative_legend(fig, lang, grouped=True)
    fig.update_layout(barmode="group", bargap=0.25, margin={"t": 96})
    fig.update_yaxes(range=[0, max([*_bn(frame["plan_mvnd"].fillna(0)), *_bn(frame["actual_mvnd"].fillna(0)), 0])
                            * (1.18 if len(years) <= 12 else 1.3) or 1])
    return finish_chart(fig, lang, title, y_title, years or None)


def _known(value, default=None):
    """The value, or default when it is None or NaN (not reported)."""
    return value if value is not None and value == value else default


def wrap_text(text: str, max_chars: int) -> list[str]:
    """Words into lines of at most max_chars characters (a longer word gets a line of its own)."""
    lines, line = [], ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > max_chars:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    return [*lines, line] if line else lines


def wrap_label(text: str, width: int = 34) -> str:
    """A label on lines of at most `width` characters, for Plotly (<br> between them)."""
    return "<br>".join(wrap_text(text, width))


def make_progress_chart(rows, lang: str, title: str, status_colours: dict, status_names: dict):
    """Bullet-style bars: % of plan per indicator, coloured by status AND labelled with a symbol and a word; a black
    tick marks the level expected by now.

    rows: label, pct_plan (None when no plan), expected_pct, status, text, actual, plan.
    """
    frame = rows.iloc[::-1].reset_index(drop=True)  # first indicator at the top
    labels = [wrap_label(s) for s in frame["label"]]
    fig = go.Figure()
    top = max([100.0, *[p for p in frame["pct_plan"] if _known(p) is not None]])
    for status, name in status_names.items():
        part = frame[frame["status"] == status]
        if part.empty:
            continue
        fig.add_bar(y=[labels[i] for i in part.index], x=[_known(p, 0) for p in part["pct_plan"]],
                    orientation="h", name=name, marker_color=status_colours[status], text=list(part["text"]),
                    textposition="none",
                    customdata=list(zip(part["text"], part["actual"], part["plan"], part["pct_plan"])),
                    hovertemplate="%{y}<br>" + t("plan_actual_actual", lang) + ": %{customdata[1]}<br>"
                                  + t("plan_actual_plan", lang)
                                  + ": %{customdata[2]}<br>%{customdata[0]}<extra></extra>")
        mark_illustrative_bars(fig.data[-1], illustrative_flags(part, "illustrative"))
    fig.add_scatter(y=labels, x=[top * 1.12] * len(labels), mode="text", text=list(frame["text"]),
                    textposition="middle right", textfont={"size": 14, "color": "#222222"}, showlegend=False,
                    hoverinfo="skip", cliponaxis=False)
    assessed = frame[frame["status"] != "no_status"]
    fig.add_scatter(y=[labels[i] for i in assessed.index], x=list(assessed["expected_pct"]), mode="markers",
                    name=t("plan_actual_expected_marker", lang),
                    marker={"symbol": "line-ns", "size": 30, "line": {"width": 3, "color": "#222222"}},
                    hovertemplate=t("plan_actual_expected_marker", lang) + ": %{x}%<extra></extra>")
    add_illustrative_legend(fig, lang)
    fig.update_layout(template=TEMPLATE, title={"text": title, **TITLE_AT_TOP}, separators=number_separators(lang),
                      barmode="overlay", height=140 + 46 * len(frame), bargap=0.35,
                      margin={"l": 16, "r": 24, "t": 96, "b": 56},
                      legend={"traceorder": "normal"})
    fig.update_xaxes(title=t("plan_actual_axis_pct_plan", lang), range=[0, top * 1.55], ticksuffix="%", showgrid=True,
                     gridcolor="#E5E5E5", tickvals=[v for v in range(0, int(top * 1.12), 20 if top < 200 else 50)])
    fig.update_yaxes(automargin=True, categoryorder="array", categoryarray=labels, gridcolor="rgba(0,0,0,0)")
    return fig


# A horizontal chart's value axis title ("Kinh phí năm gần nhất có số (tỷ đồng)") on lines that fit a phone's chart.
AXIS_TITLE_CHARS = 30
HIGHLIGHT_COLOUR, OTHER_AREA_COLOUR = "#D55E00", "#8FA3B8"  # Okabe–Ito vermillion; a quiet grey-blue


def _bold_if(label: str, highlighted: bool) -> str:
    return f"<b>{label}</b>" if highlighted else label


def make_compare_funding_chart(frame, lang: str, title: str, x_title: str, format_money, *, codes: CodeLists):
    """Areas side by side: horizontal bars of local and central money stacked, largest total at the top.

    frame: label (selected areas already marked '▶ '), highlighted, total_mvnd, total_text (the total as shown, with
    its qualifier's sign), {local,central}_annual_mvnd, {local,central}_period_mvnd. A period-total part is drawn
    hatched and named, never mixed into the annual part.
    """
    colours = codes.colours()

    def source_label(source: str, lang: str) -> str:
        return codes.source_name(source, lang)

    labels = [_bold_if(a, h) for a, h in zip(frame["label"], frame["highlighted"])]
    unit_ids = list(frame["unit_id"]) if "unit_id" in frame else [None] * len(frame)  # a click names its area
    fig = go.Figure()
    for source in SHARE_SOURCES:
        for part in ("annual", "period"):
            values = list(frame[f"{source}_{part}_mvnd"])
            if not any(values):
                continue
            name = source_label(source, lang) if part == "annual" else t("compare_period_segment", lang,
                                                                          source=source_label(source, lang))
            marker = {"color": colours[source]}
            if part == "period":
                marker["pattern"] = {"shape": "/", "fgcolor": "white", "fillmode": "overlay", "solidity": 0.35}
            fig.add_bar(y=labels, x=_bn(values), orientation="h", name=name, marker=marker,
                        customdata=[[format_money(v, lang) if v else "—", total, unit]
                                    for v, total, unit in zip(values, frame["total_text"], unit_ids)],
                        hovertemplate="%{y}<br>%{fullData.name}: %{customdata[0]}<br>"
                                      + t("total", lang) + ": %{customdata[1]}<extra></extra>")
            mark_illustrative_bars(fig.data[-1], illustrative_flags(frame, f"{source}_illustrative"))
    fig.add_scatter(y=labels, x=_bn(frame["total_mvnd"]), mode="text", showlegend=False, hoverinfo="skip",
                    text=list(frame["total_text"]), textposition="middle right",
                    textfont={"size": 13}, cliponaxis=False)
    add_illustrative_legend(fig, lang)
    top = max(_bn(frame["total_mvnd"]), default=0) or 1
    fig.update_layout(template=TEMPLATE, title={"text": title, **TITLE_AT_TOP}, separators=number_separators(lang),
                      barmode="stack", height=160 + 40 * len(frame), bargap=0.3,
                      margin={"l": 16, "r": 24, "t": 96, "b": 56}, legend={"traceorder": "normal"})
    fig.update_xaxes(title=wrap_label(x_title, AXIS_TITLE_CHARS), automargin=True, range=[0, top * 1.3], showgrid=True,
                     gridcolor="#E5E5E5", rangemode="tozero")
    fig.update_yaxes(automargin=True, categoryorder="array", categoryarray=labels, autorange="reversed",
                     gridcolor="rgba(0,0,0,0)")
    return fig


def make_ranking_chart(rank, lang: str, title: str, x_title: str, selected_name: str, others_name: str,
                       value_scale: float = 1.0):
    """Horizontal bars, highest at the top; a selected area has its own colour, a bold label and the '▶' marker.

    rank: label, value, text (the formatted value), highlighted. value_scale turns values into axis units
    (1/1000 for money stored in triệu đồng and drawn in tỷ đồng).
    """
    labels = [_bold_if(a, h) for a, h in zip(rank["label"], rank["highlighted"])]
    unit_ids = list(rank["unit_id"]) if "unit_id" in rank else [None] * len(rank)  # a click names its area
    flags = illustrative_flags(rank, "illustrative")
    fig = go.Figure()
    for highlighted, name, colour in ((True, selected_name, HIGHLIGHT_COLOUR), (False, others_name, OTHER_AREA_COLOUR)):
        keep = [i for i, h in enumerate(rank["highlighted"]) if bool(h) == highlighted]
        if not keep:
            continue
        fig.add_bar(y=[labels[i] for i in keep], x=[rank["value"].iloc[i] * value_scale for i in keep],
                    orientation="h", name=name, marker_color=colour, text=[rank["text"].iloc[i] for i in keep],
                    textposition="outside", cliponaxis=False, constraintext="none", textfont={"size": 13},
                    customdata=[[rank["text"].iloc[i], unit_ids[i]] for i in keep],
                    hovertemplate="%{y}: %{customdata[0]}<extra></extra>")
        mark_illustrative_bars(fig.data[-1], [flags[i] for i in keep])
    top = max([v * value_scale for v in rank["value"]], default=0) or 1
    fig.update_layout(template=TEMPLATE, title={"text": title, **TITLE_AT_TOP}, separators=number_separators(lang),
                      barmode="overlay", height=160 + 40 * len(rank), bargap=0.3,
                      margin={"l": 16, "r": 24, "t": 96, "b": 56}, legend={"traceorder": "normal"},
                      showlegend=bool(rank["highlighted"].any()))
    add_illustrative_legend(fig, lang)
    fig.update_xaxes(title=wrap_label(x_title, AXIS_TITLE_CHARS), automargin=True, range=[0, top * 1.35], showgrid=True,
                     gridcolor="#E5E5E5")
    fig.update_yaxes(automargin=True, categoryorder="array", categoryarray=labels, autorange="reversed",
                     gridcolor="rgba(0,0,0,0)")
    return fig


def make_group_funding_chart(level, key: str, names: dict, lang: str, title: str, format_money):
    """Horizontal bars of actual spending per activity (fixed colours) or sector; not reported groups left out."""
    rows = level[level["actual_mvnd"].notna()].sort_values("actual_mvnd")
    colours = [ACTIVITY_COLOURS.get(c, SERIES_COLOURS[0]) if key == "activity_id" else SERIES_COLOURS[0]
               for c in rows[key]]
    labels = format_money_group(rows["actual_mvnd"], lang)  # the bars' labels are read together: one precision
    # Names wrapped short enough to leave the bars room on a phone; each row as tall as its lines.
    wrapped = [wrap_label(names.get(c, c), 24) for c in rows[key]]
    lines = max((w.count("<br>") + 1 for w in wrapped), default=1)
    fig = go.Figure(go.Bar(
        y=wrapped, x=[v / 1000 for v in rows["actual_mvnd"]], orientation="h",
        marker_color=colours,
        customdata=[[s, v, c] for s, v, c in zip(labels, rows["actual_mvnd"], rows[key])],
        hovertemplate="%{y}: %{customdata[0]}<extra></extra>", text=labels, textposition="auto"))
    mark_illustrative_bars(fig.data[0], illustrative_flags(rows))
    fig.update_layout(showlegend=False, height=max(260, max(44, 19 * lines + 8) * len(rows) + 120),
                      yaxis={"automargin": True},
                      margin={"l": 16})
    add_illustrative_legend(fig, lang, grouped=True)  # Plotly's default barmode is group
    fig = finish_chart(fig, lang, title, "", None)
    fig.update_layout(xaxis_title=t("outcomes_axis_money", lang), yaxis_title="")
    return fig


def make_activity_sector_treemap(groups, names: dict, lang: str, title: str, format_money):
    """Activity → sector treemap of actual spending; a click zooms into an activity (presenter's drill-down)."""
    rows = groups[groups["actual_mvnd"].fillna(0) > 0]
    ids, labels, parents, values, flags = [], [], [], [], []
    for activity, part in rows.groupby("activity_id"):
        ids.append(activity or "_")
        labels.append(names.get(activity, activity))
        parents.append("")
        values.append(part["actual_mvnd"].sum() / 1000)
        flags.append(any(illustrative_flags(part)))
        for row, flag in zip(part.itertuples(), illustrative_flags(part)):
            ids.append(f"{activity or '_'}/{row.sector_id or '_'}")
            labels.append(names.get(row.sector_id, row.sector_id))
            parents.append(activity or "_")
            values.append(row.actual_mvnd / 1000)
            flags.append(flag)
    decimals = money_decimals([v * 1000 for v in values])  # every tile's amount in one precision
    texts = [format_money(v * 1000, lang, "bn", decimals) for v in values]
    fig = go.Figure(go.Treemap(ids=ids, labels=labels, parents=parents, values=values, branchvalues="total",
                               customdata=[[s] for s in texts], texttemplate="%{label}<br>%{customdata[0]}",
                               hovertemplate="%{label}: %{customdata[0]}<extra></extra>",
                               marker={"colors": [ACTIVITY_COLOURS.get(i.split("/")[0], "#BBBBBB") for i in ids]}))
    mark_illustrative_bars(fig.data[0], flags)
    if any(flags):  # finer lines than on bars (the tiles carry text); a treemap has no legend: the title names it
        pattern = fig.data[0].marker.pattern
        pattern.solidity = 0.12
        title = f"{title}<br><span style='font-size:13px'>{t('chart_illustrative_bars', lang)}</span>"
    fig.update_layout(height=480, margin={"l": 8, "r": 8, "t": 56, "b": 8})
    fig.update_layout(template=TEMPLATE, title={"text": title}, separators=number_separators(lang))
    return fig


SIDE_EXECUTED_COLOUR = "#E69F00"  # Okabe–Ito orange: executed-side figures beside the plan's sky blue


def make_plan_executed_chart(rows, lang: str, title: str, x_title: str, *, codes: CodeLists, side_names: dict):
    """Plan-side and executed-side figures of one area side by side: one horizontal bar per span (a year or a period,
    as reported) and kind of figure, spans in time order, plan in blue and executed in orange dotted; each bar
    labelled with its amount and sign, none stacked or added.

    rows (trends.plan_executed): span, figure, side, amount_mvnd, text, parts, doc_ids.
    """
    frame = rows.reset_index(drop=True)
    labels = [f"{span} · {codes.name('figure', figure, lang)}" for span, figure in zip(frame["span"], frame["figure"])]
    fig = go.Figure()
    for side, colour in (("plan", PLAN_COLOUR), ("executed", SIDE_EXECUTED_COLOUR)):
        keep = [i for i, s in enumerate(frame["side"]) if s == side]
        if not keep:
            continue
        part = frame.iloc[keep]
        fig.add_bar(y=[labels[i] for i in keep], x=_bn(part["amount_mvnd"].fillna(0)), orientation="h",
                    name=side_names[side], text=list(part["text"]), textposition="outside", cliponaxis=False,
                    constraintext="none", textfont={"size": 13, "color": "#222222"},
                    marker_color=colour,
                    customdata=[[text, "<br>".join(parts)] for text, parts in zip(part["text"], part["parts"])],
                    hovertemplate="%{y}: <b>%{customdata[0]}</b><br>%{customdata[1]}<extra>%{fullData.name}</extra>")
        mark_illustrative_bars(fig.data[-1], illustrative_flags(part))
    add_illustrative_legend(fig, lang)
    top = max(_bn(frame["amount_mvnd"].fillna(0)), default=0) or 1
    fig.update_layout(template=TEMPLATE, title={"text": title, **TITLE_AT_TOP}, separators=number_separators(lang),
                      barmode="overlay", height=170 + 34 * len(frame), bargap=0.3,
                      margin={"l": 16, "r": 24, "t": 96, "b": 56}, legend={"traceorder": "normal"})
    fig.update_xaxes(title=wrap_label(x_title, AXIS_TITLE_CHARS), automargin=True, range=[0, top * 1.3], showgrid=True,
                     gridcolor="#E5E5E5", rangemode="tozero")
    fig.update_yaxes(automargin=True, type="category", categoryorder="array", categoryarray=labels,
                     autorange="reversed", gridcolor="rgba(0,0,0,0)", title=t("trends_axis_span", lang))
    return fig
