"""Streamlit glue of the province profile: the province picker (it sets the shared area filter, so the URL reads
?area=…), the profile's charts with their notes, and its one-click deck and picture."""

from dataclasses import dataclass

import plotly.graph_objects as go
import streamlit as st

from khuyencong.data import code_lists as lists
from khuyencong.data.code_lists import CodeLists
from khuyencong.data.filters import Filters
from khuyencong.figures.overview import KeyFigure
from khuyencong.figures.profile import (
    Profile,
    cite_row,
    coverage_sentence,
    figure_text,
    merge_sentence,
    place_sentence,
    place_table,
    source_label,
)
from khuyencong.figures.sources import coverage_grid
from khuyencong.i18n.collation import vietnamese_key
from khuyencong.i18n.formatting import format_year_span
from khuyencong.i18n.labels import REGION_SHORT, region_short, t
from khuyencong.i18n.markdown import plain_text
from khuyencong.render.browser import find_chromium
from khuyencong.ui.captions import sources_caption
from khuyencong.ui.fetch import fetch, query
from khuyencong.ui.presenting import deck_file_name, filters_line
from khuyencong.ui.shell import KEYS

PICK_KEY = "profile_pick"


def province_choices(filters: Filters) -> tuple[list[str], dict[str, str]]:
    """The provinces (in the unit mode), grouped by region from north to south and in Vietnamese alphabetical order
    within each, and their labels: the name, then the region it is listed under ("Bình Định · Bắc Trung Bộ & DHMT"),
    so the groups are named in the list and typing a name still finds it."""
    areas = fetch("area_choices")
    provinces = areas[areas["level"] == "province"]
    column, region = ("current_area_id", "current_region_id") if filters.current_units else ("area_id", "region_id")
    names = st.session_state.get("area_labels", {})
    regions = dict(zip(provinces[column], provinces[region]))
    order = {r: i for i, r in enumerate(REGION_SHORT)}
    options = sorted(regions, key=lambda a: (order.get(regions[a], len(order)), vietnamese_key(names.get(a, a))))
    labels = {a: " · ".join(p for p in (names.get(a, a), region_short(regions[a], filters.lang)) if p)
              for a in options}
    return options, labels


def choose_province() -> None:
    """Widget callback: the picked province becomes the shared area filter (the shell writes ?area=… from it)."""
    picked = st.session_state.get(PICK_KEY)
    if picked:
        st.session_state[KEYS["areas"]] = [picked]


@dataclass
class ProfileChart:
    key: str
    title: str
    figure: go.Figure
    note: str
    doc_ids: list[str]
    has_illustrative: bool


def _series_names(rows, codes: CodeLists, lang: str) -> dict:
    return {(s, f): f"{source_label(s, codes, lang)} · {codes.name(lists.FIGURES, f, lang)}"
            for s, f in zip(rows["funding_source"], rows["figure"])}


def profile_charts(profile: Profile, codes: CodeLists, lang: str) -> list[ProfileChart]:
    """The funding by year (plan and executed side by side) and the period totals as spans, where reported."""
    from khuyencong.render.profile import make_profile_annual_chart, make_profile_periods_chart

    charts = []
    annual, periods = profile.annual, profile.periods
    if len(annual):
        title = t("profile_annual_title", lang, name=profile.name)
        figure = make_profile_annual_chart(
            annual, lang, title, t("axis_money_bn", lang), codes=codes, names=_series_names(annual, codes, lang),
            texts=[figure_text(r, codes, lang) for r in annual.itertuples()],
            docs=[cite_row(r, lang) for r in annual.itertuples()])
        charts.append(ProfileChart("profile_annual", title, figure, t("profile_annual_note", lang),
                                   sorted(set(annual["doc_id"])), bool(annual["is_illustrative"].any())))
    if len(periods):
        title = t("profile_periods_title", lang, name=profile.name)
        labels = [" · ".join((format_year_span(int(r.year_from), int(r.year_to)),
                              source_label(r.funding_source, codes, lang),
                              codes.name(lists.FIGURES, r.figure, lang)))
                  for r in periods.itertuples()]
        figure = make_profile_periods_chart(
            periods, lang, title, t("axis_year", lang), codes=codes, labels=labels,
            texts=[figure_text(r, codes, lang) for r in periods.itertuples()],
            docs=[cite_row(r, lang) for r in periods.itertuples()],
            source_names={s: source_label(s, codes, lang) for s in periods["funding_source"]})
        charts.append(ProfileChart("profile_periods", title, figure, t("profile_periods_note", lang),
                                   sorted(set(periods["doc_id"])), bool(periods["is_illustrative"].any())))
    return charts


def _notes(profile: Profile, codes: CodeLists, lang: str) -> list[str]:
    """What the deck says besides the charts: the 2025 change, the years reported, the place among provinces,
    reports that differ and the illustrative notice."""
    areas = fetch("area_choices")
    region_column, id_column = ("current_region_id", "current_area_id") if profile.filters.current_units else \
        ("region_id", "area_id")
    ranks, alone = place_table(query, profile, dict(zip(areas[id_column], areas[region_column])), codes, lang)
    notes = [merge_sentence(profile, lang), coverage_sentence(profile, lang),
             place_sentence(profile, ranks, alone, codes, lang)]
    if len(profile.differing):
        notes.append(t("profile_deck_differing", lang, n=profile.differing.groupby(
            ["year_from", "year_to", "funding_source"]).ngroups))
    if profile.has_illustrative:
        notes.append(t("caption_illustrative", lang))
    return notes


def chart_footnote(doc_ids, has_illustrative: bool, line: str, lang: str) -> str:
    """A profile chart's footnote on its PNG and slide: the sources caption as plain text (a picture is not Markdown:
    "Bắc Giang: …", never "Bắc Giang\\: …") and the filters line."""
    return " ".join((plain_text(sources_caption(doc_ids, has_illustrative, lang)), line))


def profile_downloads(container, profile: Profile, kpis: list[KeyFigure], charts: list[ProfileChart],
                      codes: CodeLists, lang: str) -> None:
    """Two buttons: the profile as a slide deck (.pptx) and its main chart as a PNG; both built on click, disabled
    with a line saying what to install when there is no browser to draw the charts."""
    from khuyencong.render.coverage import make_coverage_chart
    from khuyencong.render.profile import profile_deck, profile_png

    line = filters_line(profile.filters, profile.name)
    missing = find_chromium() is None

    def footnote(chart: ProfileChart) -> str:
        return chart_footnote(chart.doc_ids, chart.has_illustrative, line, lang)

    def deck() -> bytes:
        slides = [(c.title, c.figure, footnote(c)) for c in charts]
        if len(profile.coverage):
            grid = coverage_grid(profile.coverage, profile.filters.year_from, profile.filters.year_to,
                                 codes.names(lists.FIGURES, lang), lang)
            slides.append((t("profile_coverage_title", lang, name=profile.name),
                           make_coverage_chart(grid, lang, t("profile_coverage_title", lang, name=profile.name)),
                           line))
        return profile_deck(t("profile_deck_title", lang, name=profile.name), line,
                            [(k.label, k.value, k.illustrative) for k in kpis], slides, _notes(profile, codes, lang),
                            lang)

    def picture() -> bytes:
        # The profile in one picture: its name and key figures over its main chart, the sources under it.
        figures = " · ".join(f"{k.label}: {k.value}" for k in kpis[:4])
        return profile_png(charts[0].figure, t("profile_deck_title", lang, name=profile.name), figures,
                           footnote(charts[0]))

    buttons = container.columns(2)
    buttons[0].download_button(
        t("profile_deck_button", lang), data=b"" if missing else deck, file_name=deck_file_name(
            profile.filters, t("profile_file_prefix", lang) + " " + profile.name).replace("_trinh-chieu", ""),
        mime="application/vnd.openxmlformats-officedocument.presentationml.presentation",
        icon=":material/co_present:", key="profile_deck", on_click="ignore", disabled=missing, width="stretch")
    buttons[1].download_button(
        t("profile_png_button", lang), data=b"" if missing or not charts else picture,
        file_name=deck_file_name(profile.filters, t("profile_file_prefix", lang) + " " + profile.name).replace(
            "_trinh-chieu.pptx", ".png"),
        mime="image/png", icon=":material/image:", key="profile_png", on_click="ignore",
        disabled=missing or not charts, width="stretch")
    if missing:
        container.caption(t("pr_no_chromium", lang))
