"""Links to other pages: the profile page of a province (profile_url), and opening another page with the filters
changed, as a click on a chart asks: the sidebar's widgets hold the filters (shell.py), so the new ones are written
to their state from a widget callback (before the widgets are drawn), and the page switch follows in the run, with
the query string the shell has just written for them."""

from dataclasses import replace
from urllib.parse import urlencode

import streamlit as st

from khuyencong.data.filters import Filters, filters_to_params
from khuyencong.ui.shell import KEYS, load_choices

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


PROFILE_PATH = "profile"  # the province profile page (pages/profile.py), opened with ?area=<area_id>


def profile_url(area_id: str, filters: Filters) -> str:
    """The relative link to a province's profile page, with the rest of the view (language, years, unit mode,
    illustrative data) kept: 'profile?area=nghe-an&lang=en'."""
    choices = load_choices()[0]
    params = {"area": area_id, **{k: v for k, v in filters_to_params(replace(filters, areas=(area_id,)),
                                                                     choices).items() if k != "area"}}
    return f"{PROFILE_PATH}?{urlencode(params)}"
