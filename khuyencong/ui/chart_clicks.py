"""Click-to-filter beyond the year: a click on a bar of an area, a funding source, an activity or a sector makes it
the shared filter (shell.KEYS, mirrored into the URL), as provenance.select_year does for a year.

Each chart puts the code a click stands for in its points' customdata (render/charts.py names the position); the
callbacks read it from st.plotly_chart's selection, never from the label shown. A Plotly legend click stays in the
browser (Streamlit's selection carries points only), so a funding source is picked by a click on its bar segment."""

import streamlit as st

from khuyencong.ui.shell import KEYS, load_choices

# The customdata position of the code behind each clickable chart's points (render/charts.py).
AREA_AT = {"ranking": 1, "compare_funding": 2}
CODE_AT = 2  # make_group_funding_chart (activity or sector), make_funding_trend_chart's source bars


def clicked_codes(key: str, position: int) -> list[str]:
    """The codes at customdata[position] of the points clicked in chart `key`, in click order, without repeats."""
    state = st.session_state.get(key)
    points = (state.selection.get("points", []) if state is not None else []) or []
    codes = []
    for point in points:
        data = point.get("customdata")
        if isinstance(data, list | tuple) and len(data) > position and isinstance(data[position], str) \
                and data[position]:
            codes.append(data[position])
    return list(dict.fromkeys(codes))


def select_area(key: str, position: int) -> None:
    """A click on an area's bar: that area alone becomes the area filter (a unit not among the filter's choices in
    the current unit mode is left alone)."""
    units = [u for u in clicked_codes(key, position) if u in st.session_state.get("area_labels", {})]
    if len(units) == 1:
        st.session_state[KEYS["areas"]] = units


def select_code(key: str, filter_name: str) -> None:
    """A click on an activity's or sector's bar (filter_name 'activities' or 'sectors'): that one alone becomes the
    filter; 'not stated' ('') and unknown codes are no choice of the filter and leave it as it is."""
    choices = load_choices()[0]
    valid = set(choices.activities if filter_name == "activities" else choices.sectors)
    codes = [c for c in clicked_codes(key, CODE_AT) if c in valid]
    if len(codes) == 1:
        st.session_state[KEYS[filter_name]] = codes


def select_source(key: str) -> None:
    """A click on a funding source's bar segment: that source alone becomes the funding-source filter."""
    sources = [s for s in clicked_codes(key, CODE_AT) if s in load_choices()[0].sources]
    if len(sources) == 1:
        st.session_state[KEYS["sources"]] = sources
