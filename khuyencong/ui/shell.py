"""The app shell: shared sidebar filters, kept in the session and mirrored in the URL query string."""


import pandas as pd
import streamlit as st

from khuyencong.data.code_lists import ACTIVITIES, FIGURES, SECTORS, CodeLists
from khuyencong.data.filters import (
    DEFAULT_KIND,
    PRESENTATION_PARAMS,
    Choices,
    Filters,
    filters_to_params,
    parse_filters,
    parse_presentation,
)
from khuyencong.i18n.labels import UNIT_MODES, language_name, region_short, t
from khuyencong.i18n.markdown import code_span
from khuyencong.ui.app_state import get_database
from khuyencong.ui.fetch import code_lists, fetch, once_per_version

KEPT_PARAMS = PRESENTATION_PARAMS
MAX_NOTICE_ITEMS = 20
KEYS = {"lang": "f_lang", "unit_mode": "f_units", "areas": "f_areas", "years": "f_years", "sources": "f_sources",
        "activities": "f_activities", "sectors": "f_sectors", "include_illustrative": "f_demo",
        "kind": "f_kind"}  # f_kind: the kind of figure, set by each money page's picker (ui/kind_picker.py)


def load_choices() -> tuple[Choices, pd.DataFrame, CodeLists]:
    """Valid filter values from the database, the areas with their names, and the code lists (shared: read only)."""
    return once_per_version(("choices",), _load_choices)


def _load_choices() -> tuple[Choices, pd.DataFrame, CodeLists]:
    areas = fetch("area_choices")
    codes = code_lists()
    bounds = fetch("year_bounds").iloc[0]
    choices = Choices(
        areas_reported=tuple(areas["area_id"]),
        areas_current=tuple(dict.fromkeys(areas["current_area_id"])),
        activities=codes.codes(ACTIVITIES),
        sectors=codes.codes(SECTORS),
        first_year=int(bounds["first_year"]), last_year=int(bounds["last_year"]),
        sources=codes.sources,
        kinds=codes.codes(FIGURES),
    )
    return choices, areas, codes


def area_labels(areas: pd.DataFrame, unit_mode: str, lang: str) -> dict[str, str]:
    """Option labels: the names SQL gives (unit_names: marked where a unit ended or began in 2025)."""
    if unit_mode == "current":
        unique = areas.drop_duplicates("current_area_id")
        return dict(zip(unique["current_area_id"], unique[f"current_label_{lang}"]))
    return dict(zip(areas["area_id"], areas[f"label_{lang}"]))


def region_groups(areas: pd.DataFrame, unit_mode: str) -> dict[str, list[str]]:
    """Units of each socio-economic region, for adding a whole region at once."""
    column, region = ("current_area_id", "current_region_id") if unit_mode == "current" else ("area_id", "region_id")
    provinces = areas[areas["level"] == "province"]
    return {r: list(dict.fromkeys(rows[column])) for r, rows in provinces.groupby(region, sort=True)}


def _add_region(groups: dict[str, list[str]]) -> None:
    region = st.session_state.get("f_add_region")
    if region:
        selected = st.session_state.get(KEYS["areas"], [])
        st.session_state[KEYS["areas"]] = list(dict.fromkeys(selected + groups[region]))
    st.session_state["f_add_region"] = None


def _query_params() -> dict[str, list[str]]:
    return {key: st.query_params.get_all(key) for key in st.query_params}


def _init_state(choices: Choices) -> list[str]:
    """Once per session: widget values from the URL; returns the ignored URL items."""
    if st.session_state.get("f_initialised"):
        # Streamlit drops widget state when the page changes; writing it back keeps the filters across pages.
        for key in KEYS.values():
            if key in st.session_state:
                st.session_state[key] = st.session_state[key]
        return []
    filters, ignored = parse_filters(_query_params(), choices, also_known=KEPT_PARAMS)
    ignored += parse_presentation(_query_params())[1]
    state = st.session_state
    state[KEYS["lang"]] = filters.lang
    state[KEYS["unit_mode"]] = filters.unit_mode
    state[KEYS["areas"]] = list(filters.areas)
    state[KEYS["years"]] = (filters.year_from, filters.year_to)
    state[KEYS["sources"]] = list(filters.sources or choices.sources)  # () is every source: all shown picked
    state[KEYS["activities"]] = list(filters.activities)
    state[KEYS["sectors"]] = list(filters.sectors)
    state[KEYS["include_illustrative"]] = filters.include_illustrative
    state[KEYS["kind"]] = filters.kind
    state["f_initialised"] = True
    return ignored


def _convert_areas(areas: pd.DataFrame) -> None:
    """When the unit mode changes, keep the selection: old units become their 2025 unit, and back."""
    selected = st.session_state.get(KEYS["areas"], [])
    if st.session_state[KEYS["unit_mode"]] == "current":
        mapping = dict(zip(areas["area_id"], areas["current_area_id"]))
        converted = [mapping.get(a, a) for a in selected]
    else:
        converted = [a for a in areas["area_id"] if a in selected or
                     areas.set_index("area_id").loc[a, "current_area_id"] in selected]
    st.session_state[KEYS["areas"]] = list(dict.fromkeys(converted))


def convert_areas(areas: pd.DataFrame) -> None:
    """The same, for a widget elsewhere that sets the unit mode (the map's unit switch)."""
    _convert_areas(areas)


def ignored_notice(ignored: list[str], lang: str) -> str:
    """The notice naming what the URL held that was not used; a long list ends with how many more there were."""
    shown = ", ".join(code_span(item.replace("\n", " ").replace("\r", " ")) for item in ignored[:MAX_NOTICE_ITEMS])
    if len(ignored) > MAX_NOTICE_ITEMS:
        shown += " " + t("notice_more", lang, n=len(ignored) - MAX_NOTICE_ITEMS)
    return t("notice_ignored", lang, items=shown)


def render_shell() -> Filters:
    """Draw the sidebar filters, sync the URL, and return the filters every page applies."""
    db = get_database()
    if not db.path.exists():
        st.error(t("no_database", "vi", path=db.path) + "\n\n" + t("no_database", "en", path=db.path))
        st.stop()
    choices, areas, codes = load_choices()
    ignored = _init_state(choices)
    sidebar = st.sidebar
    lang = sidebar.radio(t("language", st.session_state[KEYS["lang"]]), ["vi", "en"], key=KEYS["lang"],
                         format_func=language_name, horizontal=True)
    sidebar.header(t("filters", lang))
    unit_mode = sidebar.radio(t("unit_mode", lang), ["reported", "current"], key=KEYS["unit_mode"],
                              format_func=lambda m: t(UNIT_MODES[m], lang), on_change=_convert_areas,
                              args=(areas,))
    labels = once_per_version(("labels", unit_mode, lang), lambda: area_labels(areas, unit_mode, lang))
    st.session_state[KEYS["areas"]] = [a for a in st.session_state[KEYS["areas"]] if a in labels]
    groups = once_per_version(("regions", unit_mode), lambda: region_groups(areas, unit_mode))
    sidebar.selectbox(t("add_region", lang), list(groups), key="f_add_region", index=None,
                      format_func=lambda r: region_short(r, lang) or r, on_change=_add_region, args=(groups,),
                      placeholder=t("add_region_placeholder", lang))
    # No "Select all" in the drop-downs: Streamlit writes it in English only, and nothing chosen already means all.
    selected = sidebar.multiselect(t("areas", lang), list(labels), key=KEYS["areas"], format_func=labels.get,
                                   placeholder=t("areas_placeholder", lang), select_all=False)
    years = sidebar.slider(t("years", lang), choices.first_year, choices.last_year, key=KEYS["years"], step=1)
    st.session_state[KEYS["sources"]] = [s for s in st.session_state[KEYS["sources"]] if s in choices.sources]
    sources = sidebar.multiselect(t("funding_sources", lang), list(choices.sources), key=KEYS["sources"],
                                  format_func=lambda s: codes.source_name(s, lang), select_all=False)
    activities = sidebar.multiselect(t("activities", lang), list(choices.activities), key=KEYS["activities"],
                                     format_func=codes.names(ACTIVITIES, lang).get,
                                     placeholder=t("areas_placeholder", lang), select_all=False)
    sectors = sidebar.multiselect(t("sectors", lang), list(choices.sectors), key=KEYS["sectors"],
                                  format_func=codes.names(SECTORS, lang).get, placeholder=t("areas_placeholder", lang),
                                  select_all=False)
    # The kind of figure is picked on each money page (ui/kind_picker.py sets f_kind); the shell carries it in the URL.
    kind = st.session_state.get(KEYS["kind"], DEFAULT_KIND)
    kind = kind if kind in choices.kinds else DEFAULT_KIND
    illustrative = sidebar.toggle(t("include_illustrative", lang), key=KEYS["include_illustrative"],
                                  help=t("include_illustrative_help", lang))
    filters = Filters(lang=lang, unit_mode=unit_mode, areas=tuple(selected), year_from=years[0], year_to=years[1],
                      sources=() if set(sources) in (set(), set(choices.sources)) else tuple(
                          s for s in choices.sources if s in sources),
                      activities=tuple(activities), sectors=tuple(sectors), include_illustrative=illustrative,
                      kind=kind)
    wanted = filters_to_params(filters, choices)
    wanted.update(parse_presentation(_query_params())[0])  # presentation state rides along with the filters
    if {k: st.query_params.get_all(k) for k in st.query_params} != {k: [v] for k, v in wanted.items()}:
        st.query_params.from_dict(wanted)
    if ignored:
        st.warning(ignored_notice(ignored, lang), icon="⚠️")
    st.session_state["filters"] = filters
    st.session_state["area_labels"] = labels
    return filters


def _leave_pages_directory_mode() -> None:
    """Rerun through dashboard.py when Streamlit ran a page file on its own.

    A folder named pages/ makes a fresh server treat its first run as an old-style multipage app, running
    the page without the entry point; st.navigation turns that mode off, but only once the entry point runs. The
    mode is one flag for the whole process, which another session's run may have turned off meanwhile: a run with
    no filters from the shell is such a run too (a replacement process's first session reconnecting on a page).
    """
    from streamlit.runtime.pages_manager import PagesManager

    if PagesManager.uses_pages_directory or "filters" not in st.session_state:
        PagesManager.uses_pages_directory = False
        st.rerun()


def current_filters() -> Filters:
    """The filters the shell set for this run."""
    _leave_pages_directory_mode()
    return st.session_state["filters"]


def unit_name(area_id: str) -> str:
    """The display name of a unit in the current language and unit mode."""
    return st.session_state.get("area_labels", {}).get(area_id, area_id)


def area_names(filters: Filters) -> str:
    """The selected areas as a reader names them, or 'all'."""
    if not filters.areas:
        return t("all_areas", filters.lang)
    return ", ".join(unit_name(a) for a in filters.areas)
