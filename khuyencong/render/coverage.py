"""The coverage heatmap of the Sources page: units × years, one category per cell (figures/sources.py
COVERAGE_CATEGORIES gives the categories, colours and legend), an empty cell where nothing is reported.

Kept apart from render/charts.py, whose template it uses. Plotly's heatmap cannot be selected by a click, so every
cell with data also carries an invisible marker with [unit_id, year, kinds] as customdata: clicking it selects
the point, and st.plotly_chart(on_select=...) hands the cell to the page.
"""

import plotly.graph_objects as go

from khuyencong.figures.sources import COVERAGE_CATEGORIES, CoverageGrid
from khuyencong.i18n.formatting import number_separators
from khuyencong.i18n.labels import t
from khuyencong.render.charts import FONT, TEMPLATE

INK = "#222222"
ROW_HEIGHT = 26  # pixels per unit: 30 rows stay readable
# Title and year labels above the grid; below it the legend, with room for its three rows on a phone.
TOP, BOTTOM = 100, 84


def coverage_height(rows: int) -> int:
    """The chart's height in pixels: it grows with the number of rows."""
    return TOP + BOTTOM + ROW_HEIGHT * max(rows, 3)


def make_coverage_chart(grid: CoverageGrid, lang: str, title: str) -> go.Figure:
    """Units down (provinces, then regions and the national programme as the query orders them), years across on
    top, each category one colour (and a mark where the colour alone would not do); no colour scale, since the
    categories are not quantities."""
    height = coverage_height(len(grid.labels))
    fig = go.Figure()
    cells = grid.cells
    empty = COVERAGE_CATEGORIES[-1]
    # Every cell first, in the colour of the empty cell, so the grid shows and a year not reported stays empty.
    fig.add_heatmap(x=grid.years, y=grid.labels, z=[[1] * len(grid.years) for _ in grid.labels],
                    colorscale=[[0, empty.colour], [1, empty.colour]], showscale=False, xgap=2, ygap=2,
                    hoverinfo="skip", name=t(empty.label, lang))
    # One trace per category over the whole grid, 1 where the category applies and None elsewhere: a plain colour,
    # no scale to misread. (Traces of one row and column each must share the grid: plotly.js fails on 1-D
    # heatmaps whose categories differ.)
    row_of = {label: i for i, label in enumerate(grid.labels)}
    column_of = {year: j for j, year in enumerate(grid.years)}
    for category in COVERAGE_CATEGORIES:
        if category.code == empty.code:
            continue
        rows = cells[cells["category"] == category.code]
        if rows.empty:
            continue
        z = [[None] * len(grid.years) for _ in grid.labels]
        text = [[""] * len(grid.years) for _ in grid.labels]
        for label, year in zip(rows["label"], rows["year"], strict=True):
            z[row_of[label]][column_of[year]] = 1
            text[row_of[label]][column_of[year]] = category.mark
        fig.add_heatmap(x=grid.years, y=grid.labels, z=z, colorscale=[[0, category.colour], [1, category.colour]],
                        showscale=False, xgap=2, ygap=2, hoverinfo="skip", text=text, texttemplate="%{text}",
                        textfont={"color": "white", "size": 15}, name=t(category.label, lang))
    # The legend: a square per category, the empty cell included.
    for category in COVERAGE_CATEGORIES:
        fig.add_scatter(x=[None], y=[None], mode="markers", name=t(category.label, lang), hoverinfo="skip",
                        marker={"symbol": "square", "size": 15, "color": category.colour,
                                "line": {"color": "#BBBBBB", "width": 1}})
    # The clickable layer: invisible points at the cells with data, carrying the hover text and the cell.
    fig.add_scatter(x=cells["year"], y=cells["label"], mode="markers", showlegend=False,
                    marker={"symbol": "square", "size": ROW_HEIGHT - 2, "opacity": 0},
                    customdata=[[unit, year, ",".join(kinds)] for unit, year, kinds
                                in zip(cells["unit_id"], cells["year"], cells["figures"], strict=True)],
                    hovertext=cells["hover"], hovertemplate="%{hovertext}<extra></extra>", name="cells")
    years = grid.years
    step = 1 if len(years) <= 16 else 2
    fig.update_layout(
        template=TEMPLATE, separators=number_separators(lang), height=height,
        title={"text": title, "yref": "container", "y": 1 - 14 / height, "yanchor": "top",
               "font": {"family": FONT, "size": 18, "color": INK}},
        # Below the grid, where its rows can grow on a phone without covering the year labels on top.
        legend={"orientation": "h", "yref": "paper", "y": 0, "yanchor": "top", "x": 0,
                "itemclick": False, "itemdoubleclick": False, "font": {"size": 14, "color": INK}},
        margin={"l": 10, "r": 16, "t": TOP, "b": BOTTOM},
        plot_bgcolor="white", hovermode="closest", dragmode=False,
        hoverlabel={"font": {"family": FONT, "size": 14, "color": INK}, "bgcolor": "white", "bordercolor": "#888888",
                    "align": "left"},
    )
    # Fonts set here, not left to the theme: Streamlit's theme would draw the row names small and grey.
    tick_font = {"family": FONT, "size": 14, "color": INK}
    fig.update_xaxes(tickfont=tick_font, side="top", tickmode="linear",
                     tick0=years[0] - years[0] % step if years else 0, dtick=step, tickformat="d",
                     range=[years[0] - 0.5, years[-1] + 0.5] if years else None, showgrid=False, ticks="",
                     fixedrange=True, title=None)
    fig.update_yaxes(tickfont=tick_font, type="category", categoryorder="array", categoryarray=grid.labels,
                     range=[len(grid.labels) - 0.5, -0.5], showgrid=False, ticks="", fixedrange=True,
                     automargin=True, rangemode="normal", zeroline=False, title=None)
    return fig
