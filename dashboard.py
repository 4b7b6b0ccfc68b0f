"""Entry point of the khuyến công dashboard: page config, shared sidebar filters, language, navigation."""

import streamlit as st

from khuyencong.labels import t
from khuyencong.shell import render_shell

st.set_page_config(page_title="Kinh phí khuyến công", page_icon=":material/factory:", layout="wide")

filters = render_shell()
lang = filters.lang
# url_path equals each file's name: a fresh server's first run maps deep links by file name (see shell.py).
pages = [
    st.Page("pages/overview.py", title=t("page_overview", lang), icon=":material/dashboard:", default=True),
    st.Page("pages/trends.py", title=t("page_trends", lang), icon=":material/trending_up:", url_path="trends"),
    st.Page("pages/outcomes.py", title=t("page_outcomes", lang), icon=":material/category:", url_path="outcomes"),
    st.Page("pages/plan_actual.py", title=t("page_plan_actual", lang), icon=":material/flag:", url_path="plan_actual"),
    st.Page("pages/compare.py", title=t("page_compare", lang), icon=":material/compare_arrows:", url_path="compare"),
    st.Page("pages/data.py", title=t("page_data", lang), icon=":material/table:", url_path="data"),
    st.Page("pages/sources.py", title=t("page_sources", lang), icon=":material/fact_check:", url_path="sources"),
]
st.navigation(pages).run()
