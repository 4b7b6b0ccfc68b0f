"""Charts as exported and presented: PNG/SVG downloads under each chart, presentation mode, the slide deck.

Pages draw charts with show_chart; every chart of the run is registered with its footnote (sources and
filters), so presentation mode and the deck show exactly the charts of the page, as filtered.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass

import plotly.graph_objects as go
import streamlit as st

from khuyencong.i18n.formatting import format_year_span
from khuyencong.i18n.labels import N_, t
from khuyencong.render.browser import find_chromium
from khuyencong.render.charts import BROWSER_CONFIG
from khuyencong.ui.fetch import code_lists

CHARTS_KEY = "_charts_of_run"


@dataclass
class ChartEntry:
    key: str
    title: str
    figure: go.Figure
    footnote: str = ""
    illustrative: bool = False  # its sources caption said illustrative figures are in it


def is_presenting() -> bool:
    """?present=1 in the URL."""
    return st.query_params.get("present") == "1"


def begin_run() -> None:
    """Forget the charts of the previous run; called by the shell before the page runs."""
    st.session_state[CHARTS_KEY] = []


def registered_charts() -> list[ChartEntry]:
    return st.session_state.get(CHARTS_KEY, [])


def filters_line(filters, area_text: str) -> str:
    """The filters in one short line: areas · years · sources (· illustrative)."""
    lang = filters.lang
    parts = [area_text, format_year_span(filters.year_from, filters.year_to),
             code_lists().source_names(filters.sources, lang)]
    if not filters.include_illustrative:
        parts.append(t("pr_no_illustrative", lang))
    return " · ".join(parts)


def note_sources(caption: str, illustrative: bool = False) -> None:
    """Give the sources caption beneath a chart to every chart drawn since the previous caption, and whether
    illustrative figures are in it (its exports and slides then carry the watermark)."""
    plain = caption.replace("**", "")
    for entry in registered_charts():
        if not entry.footnote:
            entry.footnote, entry.illustrative = plain, illustrative


def watermark_of(entry: ChartEntry, lang: str) -> str | None:
    """"MINH HỌA" / "ILLUSTRATIVE" for a chart with illustrative figures, else None."""
    return t("watermark_illustrative", lang) if entry.illustrative else None


def _export_figure(entry: ChartEntry, fmt: str, line: str, lang: str) -> bytes:
    from khuyencong.render.images import figure_for_export, render_image

    footnote = " ".join(part for part in (entry.footnote, line) if part)
    return render_image(figure_for_export(entry.figure, footnote, watermark=watermark_of(entry, lang)), fmt)


def show_chart(fig: go.Figure, key: str, **selection) -> None:
    """Draw a chart with its PNG and SVG downloads, and register it for presenting and the deck. `selection`
    (on_select, selection_mode) goes to st.plotly_chart, for a chart whose points can be clicked."""
    from khuyencong.ui.shell import area_names, current_filters

    # A title on two lines (the map's) is one line on a slide.
    entry = ChartEntry(key, re.sub(r"\s*<br\s*/?>\s*", " · ", fig.layout.title.text or ""), fig)
    st.session_state.setdefault(CHARTS_KEY, []).append(entry)
    if is_presenting():
        return
    st.plotly_chart(fig, key=key, config=BROWSER_CONFIG, **selection)
    filters = current_filters()
    lang, line = filters.lang, filters_line(filters, area_names(filters))
    # Without a browser the buttons stay in place, disabled, under a line saying what to install.
    missing = find_chromium() is None
    with st.popover(t("pr_download_chart", lang), icon=":material/download:"):
        if missing:
            st.caption(t("pr_no_chromium", lang))
        for fmt, label, mime in (("png", N_("pr_png"), "image/png"), ("svg", N_("pr_svg"), "image/svg+xml")):
            st.download_button(t(label, lang), data=b"" if missing else lambda fmt=fmt: _export_figure(
                entry, fmt, line, lang), file_name=f"{key}.{fmt}", mime=mime, key=f"{key}_{fmt}", on_click="ignore",
                disabled=missing)


PRESENT_CSS = """
<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], [data-testid="stHeader"],
[data-testid="stToolbar"], [data-testid="stDecoration"], footer {display: none !important;}
.block-container {padding-top: 1.2rem !important; max-width: 100% !important;}
.block-container p, .block-container button p {font-size: 1.25rem;}
</style>
"""


def _go_to(index: int | None) -> None:
    if index is None:
        st.query_params.pop("present", None)
        st.query_params.pop("slide", None)
    else:
        st.query_params["slide"] = str(index)


def render_presentation(filters, area_text: str) -> None:
    """One chart per screen, large type, no chrome; the filters in a small line; previous, next and leave."""
    lang = filters.lang
    st.markdown(PRESENT_CSS, unsafe_allow_html=True)
    charts = registered_charts()
    if not charts:
        st.info(t("pr_no_charts", lang))
        st.button(t("pr_leave", lang), on_click=_go_to, args=(None,), key="pr_leave")
        return
    slide = st.query_params.get("slide", "1")
    index = min(max(int(slide) if slide.isascii() and slide.isdigit() and len(slide) < 4 else 1, 1), len(charts))
    entry = charts[index - 1]
    figure = go.Figure(entry.figure)
    figure.update_layout(height=640, font={"size": 22}, title={"font": {"size": 32}, "y": 0.98, "yanchor": "top"},
                         margin={"t": 130}, legend={"font": {"size": 20}, "y": 1.04},
                         hoverlabel={"font": {"size": 20}})
    figure.update_xaxes(tickfont={"size": 20}, title_font={"size": 22})
    figure.update_yaxes(tickfont={"size": 20}, title_font={"size": 22})
    figure.update_annotations(font_size=20)
    if watermark := watermark_of(entry, lang):
        from khuyencong.render.images import add_watermark

        add_watermark(figure, watermark)
    for trace in figure.data:  # the map's sizes set for the screen (place names, signs, colour scale) grow too
        if trace.type not in ("scattergeo", "choropleth"):
            continue
        font = getattr(trace, "textfont", None)
        if font is not None and isinstance(font.size, int | float):
            font.size = round(font.size * 1.5)
        colorbar = getattr(trace, "colorbar", None)
        if colorbar is not None and isinstance(colorbar.tickfont.size, int | float):
            colorbar.tickfont.size, colorbar.title.font.size = 20, 22
    # theme=None: Streamlit's theme would put its own smaller fonts over the large ones.
    st.plotly_chart(figure, key=f"present_{entry.key}", theme=None, config=BROWSER_CONFIG)
    st.caption(" · ".join(part for part in (filters_line(filters, area_text), entry.footnote) if part))
    left, middle, right, leave = st.columns([1, 2, 1, 1])
    left.button(t("pr_previous", lang), icon=":material/arrow_back:", disabled=index <= 1, on_click=_go_to,
                args=(index - 1,), key="pr_previous", width="stretch")
    position = t("pr_position", lang, index=index, count=len(charts))
    middle.markdown(f"<div style='text-align:center'>{position}</div>", unsafe_allow_html=True)
    right.button(t("pr_next", lang), icon=":material/arrow_forward:", disabled=index >= len(charts),
                 on_click=_go_to, args=(index + 1,), key="pr_next", width="stretch")
    leave.button(t("pr_leave", lang), icon=":material/close:", on_click=_go_to, args=(None,), key="pr_leave",
                 width="stretch")


def _enter() -> None:
    st.query_params["present"] = "1"
    st.query_params["slide"] = "1"


def render_sidebar_tools(filters, area_text: str, summary: Callable[[], tuple[list, list[str]]]) -> None:
    """Sidebar: enter presentation mode, and the slide deck of this page's charts; the deck and its headline
    figures (`summary()`: KPIs and data-quality notes) are built on click."""
    lang = filters.lang
    sidebar = st.sidebar
    sidebar.divider()
    sidebar.button(t("pr_enter", lang), icon=":material/slideshow:", on_click=_enter, help=t("pr_enter_help", lang),
                   key="pr_enter", width="stretch")
    charts = list(registered_charts())
    line = filters_line(filters, area_text)

    def deck() -> bytes:
        from khuyencong.render.deck import SlideChart, build_deck

        slides = [SlideChart(c.title, c.figure, " ".join(p for p in (c.footnote, line) if p), watermark_of(c, lang))
                  for c in charts]
        from khuyencong.render.deck import Kpi

        kpis, quality_notes = summary()
        return build_deck(t("pr_deck_title", lang), line, [Kpi(*kpi) for kpi in kpis], slides,
                          quality_notes, lang)

    missing = find_chromium() is None  # the deck's chart slides are images
    sidebar.download_button(t("pr_deck", lang), data=b"" if missing else deck,
                            file_name=deck_file_name(filters, area_text),
                            mime="application/vnd.openxmlformats-officedocument.presentationml.presentation",
                            icon=":material/co_present:", help=t("pr_deck_help", lang), key="pr_deck",
                            on_click="ignore", width="stretch", disabled=missing)
    if missing:
        sidebar.caption(t("pr_no_chromium", lang))


def deck_file_name(filters, area_text: str) -> str:
    """khuyen-cong_nghe-an_2002-2018_trinh-chieu.pptx"""
    import re
    import unicodedata

    plain = unicodedata.normalize("NFKD", area_text.replace("đ", "d").replace("Đ", "D"))
    slug = re.sub(r"[^a-z0-9]+", "-", "".join(c for c in plain if not unicodedata.combining(c)).lower()).strip("-")
    return f"khuyen-cong_{slug[:60] or 'tat-ca'}_{filters.year_from}-{filters.year_to}_trinh-chieu.pptx"
