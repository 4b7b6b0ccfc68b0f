"""The map section of the Overview and Compare pages: the measure, the unit mode (the shared filter), the map, and
what a click does: the province becomes the dashboard's area filter (so the URL gets area=…), its source rows and
documents are one button away, and a link opens its profile page."""

import streamlit as st

from khuyencong.data.filters import UNIT_MODES, Filters
from khuyencong.figures.map import (
    MEASURE_LABELS,
    MEASURES,
    map_table,
    map_title,
    map_unit_label,
    map_view,
    mode_name,
    selected_unit,
)
from khuyencong.i18n.labels import t
from khuyencong.render.maps import make_map_figure, shape_ids, shape_name
from khuyencong.ui.captions import show_sources
from khuyencong.ui.columns import grid_height
from khuyencong.ui.fetch import code_lists, once_per_view, query
from khuyencong.ui.links import profile_url
from khuyencong.ui.presenting import show_chart
from khuyencong.ui.provenance import provenance_button
from khuyencong.ui.screen_css import MAP_FRAME
from khuyencong.ui.shell import KEYS, convert_areas, load_choices, unit_name

MAX_PROFILE_LINKS = 6


def _select_area(key: str) -> None:
    """A click on a shape: that unit alone becomes the area filter of every page. A unit of which the database holds
    no figure at all is not among the filter's choices: the filter stays, and the page says why."""
    unit = selected_unit(st.session_state[key].selection)
    if not unit:
        return
    if unit in st.session_state.get("area_labels", {}):
        st.session_state[KEYS["areas"]] = [unit]
        st.session_state[f"{key}_clicked"] = unit  # the map then offers that area's rows and documents
        st.session_state.pop(f"{key}_without_data", None)
    else:
        st.session_state[f"{key}_without_data"] = unit


def _switch_units(key: str) -> None:
    """The map's unit switch is the shared unit mode: set it, and carry the selected areas over (shell)."""
    st.session_state[KEYS["unit_mode"]] = st.session_state[key]
    convert_areas(load_choices()[1])


def _map(filters: Filters, measure: str):
    """The map's figures and its figure: the same for every viewer of one view (Plotly's validation of a map's traces
    and layout is most of the map's server time), so made once per view (fetch.once_per_view)."""
    view = map_view(query, filters, measure, shape_ids(filters.current_units))
    lang = filters.lang
    return view, make_map_figure(view, lang, map_title(view, filters, code_lists(), lang),
                                 map_unit_label(measure, lang))


def show_map(filters: Filters, key: str) -> None:
    """The map of the page, following the shared filters; `key` names the chart (one per page)."""
    lang = filters.lang
    st.subheader(t("map_header", lang))
    controls = st.columns([3, 2])
    measure = controls[0].radio(t("map_measure", lang), MEASURES, horizontal=True, key=f"{key}_measure",
                                format_func=lambda m: t(MEASURE_LABELS[m], lang))
    units_key = f"{key}_units"
    st.session_state[units_key] = filters.unit_mode
    controls[1].radio(t("map_units", lang), list(UNIT_MODES), horizontal=True, key=units_key,
                      format_func=lambda m: mode_name(m == "current", lang, switch=True),
                      on_change=_switch_units, args=(units_key,))
    view, figure = once_per_view(("map", filters, measure), lambda: _map(filters, measure))
    left, right = st.columns([3, 2])
    # A frame as tall as the map is at the column's width (screen_css.MAP_FRAME): no small map in a tall frame.
    with left.container(key=f"{MAP_FRAME}_{key}"):
        show_chart(figure, key, on_select=lambda: _select_area(key), selection_mode="points", height="stretch")
    with right:  # the figures in words beside the colours, highest first
        ids = shape_ids(filters.current_units)
        table = map_table(view, {u: unit_name(u) for u in view.units["unit_id"]}, lang)
        st.caption(t("map_table_caption", lang, n=len(table), missing=len(ids) - len(table)))
        st.dataframe(table, hide_index=True, width="stretch", height=grid_height(len(table), 640))
    # After a click on an area (now the only area of the view): its rows and their documents, one click away.
    clicked = st.session_state.get(f"{key}_clicked")
    if clicked is not None and filters.areas == (clicked,):
        st.caption(t("map_provenance_of", lang, name=unit_name(clicked)))
        provenance_button(filters, f"{key}_rows")
    if (unit := st.session_state.pop(f"{key}_without_data", None)) is not None:
        st.info(t("map_clicked_without_data", lang, name=shape_name(unit, filters.current_units, lang)), icon="ℹ️")
    notes = [t("map_click_hint", lang)]
    if view.not_drawn:
        notes.append(t("map_not_drawn", lang, names=", ".join(view.not_drawn)))
    if measure == "execution":
        notes.append(t("map_execution_note", lang))
    if view.units["text"].str.endswith("⚑").any():
        notes.append(t("map_differs_note", lang))
    notes.append(t("map_no_per_capita", lang))
    st.caption(" ".join(notes))
    show_sources(view.doc_ids, view.has_illustrative, lang)
    drawn = [a for a in filters.areas if a in set(shape_ids(filters.current_units))][:MAX_PROFILE_LINKS]
    if drawn:
        links = [(t("map_profile_link", lang, name=unit_name(a)), profile_url(a, filters)) for a in drawn]
        st.markdown(" · ".join(f"[{text}]({url})" for text, url in links))
