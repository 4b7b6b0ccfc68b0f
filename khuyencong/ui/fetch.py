"""Cached access to named queries for the pages, keyed by query name, database version and parameter values.

`query` is the function the figure modules are given (khuyencong.data.queries.Query); `fetch` is the same with the
shared filters bound, for the pages.
"""

import os
import threading
from collections import OrderedDict

import pandas as pd
import streamlit as st

from khuyencong.data.code_lists import CodeLists
from khuyencong.data.filters import Filters
from khuyencong.data.queries import run_query
from khuyencong.ui.app_state import get_database


def _freeze(params: dict) -> tuple:
    return tuple(sorted((k, tuple(v) if isinstance(v, list) else v) for k, v in params.items()))


@st.cache_data(max_entries=512, show_spinner=False)
def _cached(name: str, db_version: str, frozen: tuple) -> pd.DataFrame:
    params = {k: list(v) if isinstance(v, tuple) else v for k, v in frozen}
    return run_query(get_database(), name, **params)


_last_version: list[str] = []


def _forget_old_versions(version: str) -> None:
    # Results of a replaced file are never asked for again; without this every load would leave up to
    # max_entries dead results in memory (seen in the soak run: +26 % server memory over 10 loads).
    if _last_version and _last_version[0] != version:
        _cached.clear()
    _last_version[:] = [version]


def query(name: str, **params) -> pd.DataFrame:
    """The result of a named query for these parameters; a new database build invalidates it."""
    version = get_database().version
    _forget_old_versions(version)
    return _cached(name, version, _freeze(params))


def query_uncached(name: str, **params) -> pd.DataFrame:
    """The same, not kept in the cache: for downloads, so big exports do not stay in memory."""
    return run_query(get_database(), name, **params)


def fetch(name: str, filters: Filters | None = None, **extra) -> pd.DataFrame:
    """query() with the shared filters of `filters` bound."""
    return query(name, **(filters.sql_params() if filters else {}), **extra)


_of_version: dict[tuple, object] = {}


def once_per_version(key: tuple, make):
    """What `make()` returns, made once per database version and shared by every session and run (each run of every
    page asks for the filter choices, area labels or document titles several times). Callers must not change what
    they get."""
    version = get_database().version
    found = _of_version.get((version, *key))
    if found is None:
        if any(k[0] != version for k in _of_version):
            _of_version.clear()  # a new file was swapped in: what the old one gave is never asked for again
        found = _of_version[(version, *key)] = make()
    return found


_views: OrderedDict[tuple, object] = OrderedDict()
_views_lock = threading.Lock()
# Views kept per process ($KC_VIEW_CACHE_SIZE; 0 keeps none: every run makes its figures, as before issue 28, which
# bench_capacity.py --compare-env KC_VIEW_CACHE_SIZE=0 sets against the default in one run).
MAX_VIEWS = int(os.environ.get("KC_VIEW_CACHE_SIZE", "64"))


def once_per_view(key: tuple, make):
    """What `make()` returns for one view (the filters and the page's own choices, in `key`), made once per database
    version and shared by every session, the least recently used dropped past MAX_VIEWS: a page whose figures are
    many small pandas steps over cached query results (Compare) does them once per view, not on every rerun and
    for every viewer. Callers must not change what they get."""
    if MAX_VIEWS <= 0:
        return make()
    version = get_database().version
    with _views_lock:
        found = _views.get((version, *key))
        if found is not None:
            _views.move_to_end((version, *key))
            return found
    made = make()
    with _views_lock:
        if any(k[0] != version for k in _views):
            _views.clear()  # a new file was swapped in
        _views[(version, *key)] = made
        while len(_views) > MAX_VIEWS:
            _views.popitem(last=False)
    return made


_code_lists: dict[str, CodeLists] = {}


def code_lists() -> CodeLists:
    """The code lists of the database in use, built once per database version."""
    version = get_database().version
    lists = _code_lists.get(version)
    if lists is None:
        lists = CodeLists.from_frame(query("code_lists"))
        _code_lists.clear()
        _code_lists[version] = lists
    return lists


query.code_lists = code_lists  # what load_code_lists(query) uses in the app
