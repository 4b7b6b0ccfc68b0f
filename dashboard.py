"""Entry point of the khuyến công dashboard: page config, shared sidebar filters, language, navigation, presenting."""

from pathlib import Path

import streamlit as st

from khuyencong.figures.overview import deck_summary
from khuyencong.i18n.labels import t
from khuyencong.ui.fetch import query
from khuyencong.ui.presenting import begin_run, is_presenting, render_presentation, render_sidebar_tools
from khuyencong.ui.shell import area_names, render_shell

# A local file: a :material/ icon makes every browser fetch it from Google's font servers, which a department's
# server may not reach.
FAVICON = Path(__file__).resolve().parent / "assets" / "favicon.png"
st.set_page_config(page_title="Kinh phí khuyến công", page_icon=str(FAVICON), layout="wide")

filters = render_shell()
lang = filters.lang
presenting = is_presenting()
# url_path equals each file's name: a fresh server's first run maps deep links by file name (see shell.py).
pages = [
    st.Page("pages/overview.py", title=t("page_overview", lang), icon=":material/dashboard:", default=True),
    st.Page("pages/trends.py", title=t("page_trends", lang), icon=":material/trending_up:", url_path="trends"),
    st.Page("pages/outcomes.py", title=t("page_outcomes", lang), icon=":material/category:", url_path="outcomes"),
    st.Page("pages/plan_actual.py", title=t("page_plan_actual", lang), icon=":material/flag:", url_path="plan_actual"),
    st.Page("pages/compare.py", title=t("page_compare", lang), icon=":material/compare_arrows:", url_path="compare"),
    st.Page("pages/data.py", title=t("page_data", lang), icon=":material/table:", url_path="data"),
    st.Page("pages/import_data.py", title=t("page_import", lang), icon=":material/upload_file:",
            url_path="import_data"),
    st.Page("pages/sources.py", title=t("page_sources", lang), icon=":material/fact_check:", url_path="sources"),
]
page = st.navigation(pages, position="hidden" if presenting else "sidebar")
begin_run()
if presenting:
    # The page runs to collect its charts; what it drew is cleared and one chart per screen is shown instead.
    holder = st.empty()
    with holder.container():
        page.run()
    holder.empty()
    render_presentation(filters, area_names(filters))
else:
    page.run()
    # The deck's headline figures are computed on click, so a filter change on any page does not pay for them.
    render_sidebar_tools(filters, area_names(filters), lambda: deck_summary(query, filters))
