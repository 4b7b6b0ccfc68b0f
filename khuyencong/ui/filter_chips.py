"""The active filters as chips above every page, each removed with one click: a director sees at once what the
figures below are limited to, and how to widen them again. Only filters that differ from the default are shown."""

import streamlit as st

from khuyencong.data.code_lists import ACTIVITIES, FIGURES, SECTORS
from khuyencong.data.filters import DEFAULT_KIND, Filters
from khuyencong.i18n.formatting import format_year_span
from khuyencong.i18n.labels import t
from khuyencong.ui.fetch import code_lists
from khuyencong.ui.shell import KEYS, load_choices, unit_name


def active_chips(filters: Filters) -> dict[str, str]:
    """Chip id → label of every filter that narrows the view (areas, years, sources, activities, sectors, kind,
    illustrative data)."""
    lang, codes = filters.lang, code_lists()
    choices = load_choices()[0]
    chips = {f"area:{a}": unit_name(a) for a in filters.areas}
    if (filters.year_from, filters.year_to) != (choices.first_year, choices.last_year):
        chips["years"] = format_year_span(filters.year_from, filters.year_to)
    chips |= {f"source:{s}": codes.source_name(s, lang) for s in filters.sources}
    chips |= {f"activity:{a}": codes.names(ACTIVITIES, lang).get(a, a) for a in filters.activities}
    chips |= {f"sector:{s}": codes.names(SECTORS, lang).get(s, s) for s in filters.sectors}
    if filters.kind != DEFAULT_KIND:
        chips["kind"] = codes.name(FIGURES, filters.kind, lang)
    if filters.include_illustrative:
        chips["demo"] = t("chips_illustrative", lang)
    return chips


def _without(key: str, value: str) -> None:
    st.session_state[key] = [v for v in st.session_state.get(key, []) if v != value]


def _remove(widget_key: str, shown: list[str]) -> None:
    """The chips no longer selected: each widens its filter back to the default."""
    choices = load_choices()[0]
    for chip in set(shown) - set(st.session_state.get(widget_key) or []):
        kind, _, value = chip.partition(":")
        if kind == "area":
            _without(KEYS["areas"], value)
        elif kind == "years":
            st.session_state[KEYS["years"]] = (choices.first_year, choices.last_year)
        elif kind == "source":
            left = [s for s in st.session_state.get(KEYS["sources"], []) if s != value]
            st.session_state[KEYS["sources"]] = left or list(choices.sources)
        elif kind in ("activity", "sector"):
            _without(KEYS["activities" if kind == "activity" else "sectors"], value)
        elif kind == "kind":
            st.session_state[KEYS["kind"]] = DEFAULT_KIND
        elif kind == "demo":
            st.session_state[KEYS["include_illustrative"]] = False


def show_filter_chips(filters: Filters) -> None:
    """The chip bar (nothing when the view is the default one)."""
    chips = active_chips(filters)
    if not chips:
        return
    shown = list(chips)
    key = "filter_chips_" + str(abs(hash(tuple(shown))))  # a new bar when the filters change
    st.pills(t("chips_label", filters.lang), shown, selection_mode="multi", default=shown, key=key,
             format_func=lambda chip: f"{chips[chip]}  ✕", on_change=_remove, args=(key, shown),
             help=t("chips_help", filters.lang))
