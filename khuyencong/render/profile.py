"""The province profile's charts, its slide deck and its picture: the funding of one unit by year (plan and executed
side by side, never stacked or added) and its period totals drawn over their years (never spread)."""

import plotly.graph_objects as go

from khuyencong.data.code_lists import CodeLists
from khuyencong.i18n.formatting import format_year_span, number_separators
from khuyencong.render.charts import (
    TEMPLATE,
    _bn,
    add_illustrative_legend,
    finish_chart,
    illustrative_flags,
    mark_illustrative_bars,
    wrap_label,
)
from khuyencong.render.deck import Kpi, SlideChart, build_deck
from khuyencong.render.images import PAD as EXPORT_PAD
from khuyencong.render.images import figure_for_export, render_image

STATED_COLOUR = "#555555"
# Executed side: white hatching over the source's colour (fillmode overlay keeps the colour under the lines).
EXECUTED_PATTERN = {"shape": "/", "fillmode": "overlay", "fgcolor": "white", "size": 8, "solidity": 0.3}
FIGURES_LINE_PX = 44  # the profile picture's line of key figures, between the legend and the chart
LEGEND_GAP_PX = 78  # from the plot's bottom edge to the legend: below the year ticks and the axis title


def _legend_below(height: int, top: int, bottom: int) -> dict:
    """A horizontal legend under the x axis (paper y is relative to the plot area's height)."""
    return {"orientation": "h", "yanchor": "top", "y": -LEGEND_GAP_PX / (height - top - bottom), "xanchor": "left",
            "x": 0}


def _colour(source: str, codes: CodeLists) -> str:
    return codes.colours().get(source, STATED_COLOUR)


def _series(rows, codes: CodeLists):
    """(source, figure) pairs in the funding_source table's order, a stated total last, kinds in their order."""
    order = {s: i for i, s in enumerate(codes.colours())}
    pairs = rows[["funding_source", "figure", "kind_order"]].drop_duplicates()
    pairs = sorted(pairs.itertuples(index=False), key=lambda p: (order.get(p[0], len(order)), p[2]))
    return [(p[0], p[1]) for p in pairs]


def make_profile_annual_chart(rows, lang: str, title: str, y_title: str, *, codes: CodeLists, names: dict,
                              texts: list[str], docs: list[str]) -> go.Figure:
    """One unit's annual figures: a bar per funding source and kind of figure, grouped beside each other (plan
    solid, executed hatched), never stacked. names: (source, figure) -> legend name; texts/docs per row."""
    frame = rows.reset_index(drop=True).assign(text_=texts, doc_=docs)
    fig = go.Figure()
    for source, figure in _series(frame, codes):
        part = frame[(frame["funding_source"] == source) & (frame["figure"] == figure)].sort_values("year_from")
        executed = part["side"].iloc[0] == "executed"
        fig.add_bar(x=part["year_from"].astype(int), y=_bn(part["amount_mvnd"].astype(float)),
                    name=names[(source, figure)],
                    marker={"color": _colour(source, codes), "pattern": EXECUTED_PATTERN if executed else None},
                    customdata=[[text, doc] for text, doc in zip(part["text_"], part["doc_"])],
                    hovertemplate="%{x}: <b>%{customdata[0]}</b><br>%{customdata[1]}<extra>%{fullData.name}</extra>")
        mark_illustrative_bars(fig.data[-1], illustrative_flags(part, "is_illustrative"))
    add_illustrative_legend(fig, lang, grouped=True)
    years = sorted({int(y) for y in frame["year_from"]})
    # Several series' names do not fit beside the title: the legend goes under the year axis.
    height, top, bottom = 480, 56, 96 + 24 * ((len(fig.data) + 1) // 3)
    # showlegend: a single series names itself too (Plotly hides the legend of one trace).
    fig.update_layout(barmode="group", bargap=0.25, legend=_legend_below(height, top, bottom), height=height,
                      showlegend=True,
                      margin={"t": top, "b": bottom})
    return finish_chart(fig, lang, title, y_title, years or None)


def make_profile_periods_chart(rows, lang: str, title: str, x_title: str, *, codes: CodeLists, labels: list[str],
                               texts: list[str], docs: list[str], source_names: dict) -> go.Figure:
    """Period totals as spans: one horizontal bar from the first to the last year of each total, labelled with its
    amount (never spread over the years); colour by funding source, executed side hatched."""
    # Labels wrapped so that the spans keep the room of the chart on a phone.
    wrapped = [wrap_label(label, 24) for label in labels]
    frame = rows.reset_index(drop=True).assign(label_=wrapped, text_=texts, doc_=docs)
    frame = frame.sort_values(["year_from", "year_to"], kind="stable")
    fig = go.Figure()
    shown = set()
    for row in frame.itertuples():
        executed = row.side == "executed"
        legend = source_names[row.funding_source]
        fig.add_bar(y=[row.label_], x=[row.year_to - row.year_from + 1], base=[row.year_from - 0.5], orientation="h",
                    name=legend, legendgroup=legend, showlegend=legend not in shown, text=[row.text_],
                    textposition="inside", insidetextanchor="middle", constraintext="none",
                    textfont={"size": 14, "color": "#111111"},
                    marker={"color": _colour(row.funding_source, codes),
                            "pattern": EXECUTED_PATTERN if executed else None, "opacity": 0.8},
                    customdata=[[format_year_span(int(row.year_from), int(row.year_to)), row.text_, row.doc_]],
                    hovertemplate="%{customdata[0]}: <b>%{customdata[1]}</b><br>%{customdata[2]}<extra></extra>")
        mark_illustrative_bars(fig.data[-1], [bool(getattr(row, "is_illustrative", False))])
        shown.add(legend)
    add_illustrative_legend(fig, lang)
    first, last = int(frame["year_from"].min()), int(frame["year_to"].max())
    step = 1 if last - first <= 13 else 2
    height, top, bottom = 200 + max(40, 19 * max(label.count("<br>") + 1 for label in frame["label_"]) + 8) \
        * len(frame), 56, 124
    fig.update_layout(template=TEMPLATE, title={"text": title}, barmode="overlay", height=height,
                      margin={"l": 16, "r": 24, "t": top, "b": bottom}, legend=_legend_below(height, top, bottom),
                      separators=number_separators(lang))
    fig.update_xaxes(title=x_title, tickmode="linear", tick0=first - first % step, dtick=step, tickformat="d",
                     tickangle=0,
                     range=[first - 0.6, last + 0.6], showgrid=True, gridcolor="#E5E5E5")
    fig.update_yaxes(automargin=True, type="category", categoryorder="array", categoryarray=list(frame["label_"]),
                     autorange="reversed")
    return fig


def profile_deck(title: str, subtitle: str, kpis: list[tuple], charts: list[tuple[str, go.Figure, str]],
                 notes: list[str], lang: str) -> bytes:
    """The profile as a 16:9 deck (render/deck.py): title, key figures, one slide per chart, the notes."""
    return build_deck(title, subtitle, [Kpi(*kpi) for kpi in kpis],
                      [SlideChart(name, fig, footnote) for name, fig, footnote in charts], notes, lang)


def profile_png(fig: go.Figure, heading: str, figures: str, footnote: str) -> bytes:
    """The profile as a 1600 × 900 PNG: the heading (the profile's name), its key figures in a line under the legend,
    the main chart, and the footnote (sources, filters) burned in."""
    out = go.Figure(fig)
    out.update_layout(title_text=heading)
    out = figure_for_export(out, footnote)
    margin = out.layout.margin
    out.update_layout(margin_t=margin.t + FIGURES_LINE_PX)
    # Left-aligned with the title and the legend (the image's padding), not with the plot area.
    plot_width = out.layout.width - margin.l - margin.r
    out.add_annotation(text=figures, xref="paper", yref="paper", x=-(margin.l - EXPORT_PAD) / plot_width, y=1,
                       yshift=12, xanchor="left", yanchor="bottom", showarrow=False, align="left",
                       font={"size": 22, "color": "#0072B2"})
    return render_image(out, "png")
