"""Entry point of the khuyến công dashboard: page config, shared sidebar filters, language, navigation, presenting."""

from pathlib import Path

import streamlit as st

from khuyencong.data.heap import trim_heap_at_most_every
from khuyencong.figures.overview import deck_summary
from khuyencong.i18n.labels import t
from khuyencong.ui.app_state import get_database
from khuyencong.ui.fetch import query
from khuyencong.ui.filter_chips import show_filter_chips
from khuyencong.ui.memory_probe import start_from_env as start_memory_probe
from khuyencong.ui.navigation import DOCUMENT, PAGES
from khuyencong.ui.presenting import begin_run, is_presenting, render_presentation, render_sidebar_tools
from khuyencong.ui.screen_css import add_screen_css
from khuyencong.ui.session_restart import show_session_restarted, watch_reconnects
from khuyencong.ui.shell import area_names, render_shell
from khuyencong.ui.view_tools import render_view_tools

# A local file: a :material/ icon makes every browser fetch it from Google's font servers, which a department's
# server may not reach.
FAVICON = Path(__file__).resolve().parent / "assets" / "favicon.png"
st.set_page_config(page_title="Kinh phí khuyến công", page_icon=str(FAVICON), layout="wide")
# Off unless $KC_MEMORY_PROBE names a file (soak measurements); one thread per process however many reruns.
start_memory_probe(get_database)

present_slot = st.sidebar.container()  # "Trình chiếu" right under the menu, on the first screen
filters = render_shell()
lang = filters.lang
presenting = is_presenting()
pages = [st.Page(p.file, title=t(p.label, lang), icon=p.icon, url_path=p.url_path, default=p.url_path is None)
         for p in PAGES]
pages.append(st.Page(DOCUMENT.file, title=t(DOCUMENT.label, lang), icon=DOCUMENT.icon, url_path=DOCUMENT.url_path,
                     visibility="hidden"))
page = st.navigation(pages, position="hidden" if presenting else "sidebar")
begin_run()
with st.sidebar:
    watch_reconnects()
if presenting:
    # The page runs to collect its charts; what it drew is cleared and one chart per screen is shown instead.
    holder = st.empty()
    with holder.container():
        page.run()
    holder.empty()
    render_presentation(filters, area_names(filters), page.url_path)
else:
    add_screen_css()
    show_session_restarted(lang)
    show_filter_chips(filters)
    page.run()
    # The deck's headline figures are computed on click, so a filter change on any page does not pay for them.
    render_sidebar_tools(filters, area_names(filters), lambda: deck_summary(query, filters), page.url_path,
                         top=present_slot)
    render_view_tools(lang)
# Each rerun runs in a new thread whose frees stay in glibc's arenas; hand them back now and then (a few ms).
trim_heap_at_most_every(60)
