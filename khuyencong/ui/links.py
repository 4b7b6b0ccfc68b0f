"""Links to other pages: the profile page of a province (profile_url), and opening another page with the filters
changed, as a click on a chart asks: the sidebar's widgets hold the filters (shell.py), so the new ones are written
to their state from a widget callback (before the widgets are drawn), and the page switch follows in the run, with
the query string the shell has just written for them."""

from urllib.parse import urlencode

import streamlit as st

from khuyencong.data.filters import Filters
from khuyencong.ui.shell import KEYS

PAGE_REQUEST_KEY = "_open_page_request"


def open_page_with(filters: Filters, page: str) -> None:
    """From a widget callback: set the sidebar's areas, years and kind of figure to those of `filters`, and ask for
    `page`."""
    st.session_state[KEYS["areas"]] = list(filters.areas)
    st.session_state[KEYS["years"]] = (filters.year_from, filters.year_to)
    st.session_state[KEYS["kind"]] = filters.kind
    st.session_state[PAGE_REQUEST_KEY] = page


def follow_page_request() -> None:
    """Switch to the page a callback asked for, once, keeping the URL that holds the new filters."""
    page = st.session_state.pop(PAGE_REQUEST_KEY, None)
    if page:
        st.switch_page(page, query_params=st.query_params.to_dict())


PROFILE_PAGE = "profile"  # navigation.py's url_path of pages/profile.py; the map links here too: keep it stable


def profile_url(area_id: str, filters: Filters) -> str:
    """'profile?area=nghe-an&lang=en&demo=1': a unit's profile page, relative to the app, in the reader's language,
    unit mode and illustrative setting (the other filters are the profile's own to choose)."""

    params = {"area": area_id}
    if filters.lang != "vi":
        params["lang"] = filters.lang
    if filters.current_units:
        params["units"] = filters.unit_mode
    if filters.include_illustrative:
        params["demo"] = "1"
    return f"{PROFILE_PAGE}?{urlencode(params)}"


def profile_links(area_ids, filters: Filters) -> list[str]:
    """profile_url of each row's unit ('' where a row names no unit: a LinkColumn shows None as "None"), for a
    LinkColumn."""
    return [profile_url(a, filters) if isinstance(a, str) and a else "" for a in area_ids]


def profile_link_column(lang: str):
    """The LinkColumn of a table's profile links: 'Hồ sơ' / 'Profile' in every row."""
    from khuyencong.i18n.labels import t

    return st.column_config.LinkColumn(t("profile_link_column", lang), display_text=t("profile_link_text", lang),
                                       width=80, help=t("profile_link_help", lang))


def with_profile_links(frame, area_ids, filters: Filters, after: int = 0):
    """`frame` with the profile link of each row's unit as a column after column `after` (the area's name)."""
    from khuyencong.i18n.labels import t

    out = frame.copy()
    out.insert(after + 1, t("profile_link_column", filters.lang), profile_links(list(area_ids), filters))
    return out
