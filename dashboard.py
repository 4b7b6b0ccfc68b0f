"""Entry point of the khuyến công dashboard: page config, navigation, the shared database."""

import streamlit as st

st.set_page_config(page_title="Kinh phí khuyến công", page_icon="🏭", layout="wide")

pages = [
    st.Page("pages/overview.py", title="Tổng quan", icon="📊", url_path="overview", default=True),
]
st.navigation(pages).run()
