"""Rules of the screen that only the browser knows: how wide it is. The server cannot see a phone, so a chart's
labels that cannot fit there are hidden by CSS, and their values stay in the hover (a tap)."""

import streamlit as st

NARROW_PX = 640
# The map's frame follows its column's width (a container query): the map (Vietnam with its islands, about 1,1 times
# as tall as wide over 0,8 of the width, about 0,82 of the width) with its legend beneath, whatever the screen.
MAP_FRAME = "kc_map_frame"
MAP_HEIGHT = "calc(82cqw + 72px)"
# Text labels over points (provinces reporting per year, the ⚑ of differing reports) and bar labels pile up at
# phone widths (so do the marks in the cells of the coverage grid, whose colour says the same), and the x axis keeps
# every tick it was given (years one or two apart): every other one goes.
# A static table's figures stay on one line ("không có số liệu", "543,2 tỷ đồng"): the table scrolls sideways
# instead; the names in its first column still wrap.
# A key figure's label (and its "Minh họa" badge) wraps onto a second line rather than being cut with "…"; so do a
# key figure's value ("2005, 2009, 2011–2020, 2023"), a widget's label (a toggle's), a button's ("Download profile
# image (PNG)") and a chip's name in a multiselect ("Ngân sách nhà nước (không nêu cấp)").
# A table's toolbar stands 16 px above the table, over the text before it: the table gets that room. On a phone
# Plotly's toolbar would cover a chart's legend: it goes (the chart's download stays under the chart).
SCREEN_CSS = f"""<style>
[data-testid=stTable] td, [data-testid=stTable] td * {{white-space: nowrap !important;}}
[class*="st-key-{MAP_FRAME}"] {{container-type: inline-size;}}
[class*="st-key-{MAP_FRAME}"] [data-testid=stPlotlyChart] {{height: {MAP_HEIGHT} !important;}}
[data-testid=stMetricLabel] * {{white-space: normal !important; overflow: visible !important;
  text-overflow: clip !important;}}
[data-testid=stMetricValue] *, [data-testid=stWidgetLabel] *, [data-testid=stCheckbox] label *,
[data-testid^=stBaseButton] *,
[data-testid=stMultiSelectTagsContainer] span {{white-space: normal !important; overflow: visible !important;
  text-overflow: clip !important; max-width: none !important; width: auto !important; height: auto !important;}}
[data-testid=stElementContainer]:has([data-testid=stDataFrame]) {{margin-top: 1rem;}}
@media (max-width: {NARROW_PX}px) {{
  .js-plotly-plot .modebar-container {{display: none !important;}}
  .js-plotly-plot .scatterlayer .textpoint, .js-plotly-plot .barlayer .bartext,
  .js-plotly-plot .heatmap-label {{display: none;}}
  .js-plotly-plot .xaxislayer-above .xtick:nth-child(even) {{display: none;}}
}}
</style>"""


def add_screen_css() -> None:
    """Keep table figures on one line, let key-figure labels wrap; hide the chart labels a phone cannot fit."""
    st.html(SCREEN_CSS)
