"""The kind of figure every money page shows (allocated, approved plan, executed, ...): one control, the shared
filter `kind` (kind= in the URL, allocated by default), on Overview, Trends, Compare (and its map) and Profile."""

import streamlit as st

from khuyencong.figures.trends import kind_counts
from khuyencong.i18n.formatting import format_number
from khuyencong.i18n.labels import t
from khuyencong.ui.fetch import code_lists, query
from khuyencong.ui.shell import KEYS


def _keep(widget_key: str) -> None:
    """The pick becomes the shared filter (the shell reads it into Filters.kind and the URL)."""
    st.session_state[KEYS["kind"]] = st.session_state[widget_key]


def kind_picker(container, filters, page: str) -> str:
    """The kind picker in `container`, each kind with how many figures of it the view holds. Each page has a widget
    of its own (`page` names it: the deck of every page runs them all in one run), showing the shared filter's kind
    and setting it. Returns the kind picked."""
    lang = filters.lang
    codes = code_lists()
    kinds = kind_counts(query, filters)
    counts = dict(zip(kinds["figure"], kinds["figures"]))
    widget_key = f"{page}_kind"
    st.session_state[widget_key] = filters.kind if filters.kind in counts else next(iter(counts))
    return container.selectbox(t("trends_kind", lang), list(counts), key=widget_key, help=t("trends_kind_help", lang),
                               on_change=_keep, args=(widget_key,),
                               format_func=lambda k: f"{codes.name('figure', k, lang)} "
                                                     f"({format_number(counts[k], lang)})")
