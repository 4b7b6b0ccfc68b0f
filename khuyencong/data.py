"""Cached access to named queries for the pages, keyed by query name, database version and filter values."""

import pandas as pd
import streamlit as st

from khuyencong.app_state import get_database
from khuyencong.filters import Filters
from khuyencong.queries import run_query


def _freeze(params: dict) -> tuple:
    return tuple(sorted((k, tuple(v) if isinstance(v, list) else v) for k, v in params.items()))


@st.cache_data(max_entries=512, show_spinner=False)
def _cached(name: str, db_version: str, frozen: tuple) -> pd.DataFrame:
    params = {k: list(v) if isinstance(v, tuple) else v for k, v in frozen}
    return run_query(get_database(), name, **params)


def fetch(name: str, filters: Filters | None = None, **extra) -> pd.DataFrame:
    """The result of a named query for these filters; a new database build invalidates it."""
    params = {**(filters.sql_params() if filters else {}), **extra}
    return _cached(name, get_database().version, _freeze(params))
