"""Placeholder until the page is built."""

import streamlit as st

from khuyencong.shell import current_filters

st.title("data " + current_filters().lang)
