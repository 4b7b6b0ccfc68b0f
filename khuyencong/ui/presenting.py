"""Charts as exported and presented: PNG/SVG downloads under each chart, presentation mode, the slide deck.

Pages draw charts with show_chart; every chart of the run is registered with its footnote (sources and
filters), so presentation mode and the deck show exactly the charts of the page, as filtered.
"""

import html
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass

import plotly.graph_objects as go
import streamlit as st

from khuyencong.data.filters import MAX_SLIDE
from khuyencong.i18n.formatting import format_year_span
from khuyencong.i18n.labels import N_, t
from khuyencong.i18n.markdown import escape_markdown, plain_text
from khuyencong.render.browser import find_chromium
from khuyencong.render.charts import BROWSER_CONFIG, NOTE
from khuyencong.ui.fetch import code_lists

CHARTS_KEY = "_charts_of_run"
log = logging.getLogger(__name__)


@dataclass
class ChartEntry:
    key: str
    title: str
    figure: go.Figure
    footnote: str = ""
    illustrative: bool = False  # its sources caption said illustrative figures are in it
    doc_ids: tuple[str, ...] = ()  # the documents of its sources caption (the slide's short footer names them)


COLLECTING_KEY = "_collecting_charts"


def is_presenting() -> bool:
    """?present=1 in the URL, or another page running hidden for the whole-dashboard deck: either way charts and
    captions are registered, not drawn."""
    return st.query_params.get("present") == "1" or bool(st.session_state.get(COLLECTING_KEY))


SWITCH_KEY = "_present_switch"


KEY_FIGURES_KEY = "_key_figures_of_run"
MAX_SLIDE_FIGURES = 6  # one slide of key figures: two rows of three cards


def register_key_figure(figure) -> None:
    """A key figure the page shows (ui/key_figures.py): presenting puts the page's own figures on its first slide."""
    st.session_state.setdefault(KEY_FIGURES_KEY, []).append(figure)


def registered_key_figures() -> list:
    return st.session_state.get(KEY_FIGURES_KEY, [])


def begin_run() -> None:
    """Forget the charts of the previous run; called by the shell before the page runs. A click on previous or
    next past the page's first or last slide asked (in its callback, where st.switch_page cannot run) to go on to
    the page before or after: it happens here, before this page runs for nothing."""
    st.session_state[CHARTS_KEY] = []
    st.session_state[KEY_FIGURES_KEY] = []
    if switch := st.session_state.pop(SWITCH_KEY, None):
        _switch(*switch)


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


def note_sources(caption: str, illustrative: bool = False, doc_ids=()) -> None:
    """Give the sources caption beneath a chart to every chart drawn since the previous caption, its documents, and
    whether illustrative figures are in it (its exports and slides then carry the watermark)."""
    plain = plain_text(caption)  # the caption is Markdown; images and slides show its text
    for entry in registered_charts():
        if not entry.footnote:
            entry.footnote, entry.illustrative, entry.doc_ids = plain, illustrative, tuple(dict.fromkeys(doc_ids))


# The values a chart's marks stand for, by trace type (the other axis holds categories or years).
VALUE_FIELDS = {"pie": ("values",), "treemap": ("values",), "sunburst": ("values",), "choropleth": ("z",),
                "choroplethmap": ("z",), "scattergeo": ("lat",), "heatmap": ("z",)}


def has_marks(fig: go.Figure) -> bool:
    """Whether a chart draws any value: a bar, a point, a slice with a number behind it. A chart of labels only
    ("– Chưa đánh giá" bars without a percentage) is empty and never a slide."""
    import math

    def numbers(values) -> bool:
        if values is None:
            return False
        for value in (v for row in values for v in (row if isinstance(row, list | tuple) else [row])):
            if isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value):
                return True
        return False

    for trace in fig.data:
        kind = trace.type
        fields = VALUE_FIELDS.get(kind) or (("x",) if getattr(trace, "orientation", None) == "h" else ("y",))
        if any(numbers(getattr(trace, field, None)) for field in fields):
            return True
    return False


def slide_charts() -> list[ChartEntry]:
    """The page's charts that have something to show, in page order: what presenting and the decks put on slides."""
    return [entry for entry in registered_charts() if has_marks(entry.figure)]


def slide_key_figures(lang: str) -> list:
    """The page's own key figures for its first slide: those that hold a figure, at most MAX_SLIDE_FIGURES."""
    from khuyencong.i18n.formatting import not_reported

    empty = {"", "—", not_reported(lang)}
    return [f for f in registered_key_figures() if str(f.value).strip() not in empty][:MAX_SLIDE_FIGURES]


def short_sources(entry: ChartEntry, lang: str) -> str:
    """A slide's footer of sources: 'Nguồn (7): Báo Công Thương, VEN, … và 4 tài liệu khác' (the page, its exports
    and the deck cite them in full)."""
    from khuyencong.i18n.formatting import is_missing
    from khuyencong.ui.captions import real_documents

    documents = real_documents(entry.doc_ids)
    if not documents:
        return t("caption_illustrative", lang) if entry.illustrative else ""
    names = list(dict.fromkeys(str(d.publisher) if not is_missing(d.publisher) and str(d.publisher).strip()
                               else str(d.title) for d in documents))
    shown = ", ".join(names[:SHORT_SOURCES])
    if len(names) > SHORT_SOURCES:
        shown += " " + t("kpi_docs_more", lang, n=len(names) - SHORT_SOURCES)
    return t("pr_sources_short", lang, n=len(documents), names=shown)


SHORT_SOURCES = 3


def watermark_of(entry: ChartEntry, lang: str) -> str | None:
    """"MINH HỌA" / "ILLUSTRATIVE" for a chart with illustrative figures, else None."""
    return t("watermark_illustrative", lang) if entry.illustrative else None


def _export_figure(entry: ChartEntry, fmt: str, line: str, lang: str) -> bytes:
    from khuyencong.render.images import figure_for_export, render_image

    footnote = " ".join(part for part in (entry.footnote, line) if part)
    return render_image(figure_for_export(entry.figure, footnote, watermark=watermark_of(entry, lang)), fmt)


def _plain(text: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", text or ""))


def title_lines(fig: go.Figure) -> list[str]:
    """The lines of a chart's title as plain text."""
    return [_plain(line) for line in re.split(r"\s*<br\s*/?>\s*", fig.layout.title.text or "") if line.strip()]


def screen_spec(fig: go.Figure) -> tuple[dict, list[str], list[str]]:
    """The chart as drawn on screen, as its JSON-ready dict: its title lines and notes come out as page text, which
    wraps on a phone where SVG text is cut; the spec keeps the title in layout.meta["title"]. Images and slides keep
    them drawn. Made from one to_dict() of the figure (which stays as it was): a copy of the figure to edit would
    validate every trace again, a few milliseconds per chart on every rerun."""
    lines = title_lines(fig)
    notes = [_plain(a.text) for a in fig.layout.annotations if a.name == NOTE]
    spec = fig.to_dict()
    for trace in spec.get("data", []):  # a map's boundaries: the static file the browser fetches once and keeps
        if url := getattr(trace.get("geojson"), "url", None):
            trace["geojson"] = url
    layout = spec.setdefault("layout", {})
    layout["title"] = {**layout.get("title", {}), "text": ""}
    if "geo" in layout:  # the map has nothing else above it: the title's room goes back to the map
        layout["margin"] = {**layout.get("margin", {}), "t": 8}
    meta = layout.get("meta") if isinstance(layout.get("meta"), dict) else {}
    layout["meta"] = {**meta, "title": " · ".join(lines)}
    if "annotations" in layout:
        layout["annotations"] = [a for a in layout["annotations"] if a.get("name") != NOTE]
    return spec, lines, notes


class _FinishedSpec(go.Figure):
    """A finished spec for st.plotly_chart, which takes a figure's to_dict() as it is (a dict would be validated
    into a new figure first): the spec is handed over without being copied or checked again."""

    def __init__(self, spec: dict) -> None:
        super().__init__()
        self._spec = spec

    def to_dict(self) -> dict:
        return self._spec


def show_chart(fig: go.Figure, key: str, **selection) -> None:
    """Draw a chart with its PNG and SVG downloads, and register it for presenting and the deck. `selection`
    (on_select, selection_mode) goes to st.plotly_chart, for a chart whose points can be clicked."""
    from khuyencong.ui.shell import area_names, current_filters

    # A title on two lines (the map's, the treemap's) is one line of plain text on a slide.
    entry = ChartEntry(key, " · ".join(title_lines(fig)), fig)
    st.session_state.setdefault(CHARTS_KEY, []).append(entry)
    if is_presenting():
        return
    spec, heading, notes = screen_spec(fig)
    if heading:
        st.markdown(f"**{escape_markdown(heading[0])}**")
        for line in heading[1:]:
            st.caption(escape_markdown(line))
    st.plotly_chart(_FinishedSpec(spec), key=key, config=BROWSER_CONFIG, **selection)
    for note in notes:
        st.caption(escape_markdown(note))
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


# Presentation mode fills the screen: the chart's box is the viewport less the line of controls beneath it
# (CONTROLS_PX), and Plotly draws into that box (height="stretch"), so a 1080 px screen gets a ~950 px chart.
CONTROLS_PX = 200
STAGE_KEY = "present_stage"
PRESENT_CSS = f"""
<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], [data-testid="stHeader"],
[data-testid="stToolbar"], [data-testid="stDecoration"], footer {{display: none !important;}}
.block-container {{padding: 0.6rem 1.2rem 0 1.2rem !important; max-width: 100% !important;}}
.block-container p, .block-container button p {{font-size: 1.25rem;}}
.st-key-{STAGE_KEY} {{height: calc(100vh - {CONTROLS_PX}px) !important; flex: 0 0 auto !important;}}
.kc-note {{font-size: 1.2rem; color: #444; line-height: 1.35; display: flow-root;}}
.kc-qr {{float: right; height: 84px; width: 84px; margin-left: 1rem;}}
.kc-kpis {{display: grid; grid-template-columns: repeat(3, 1fr); grid-template-rows: auto 1fr 1fr; gap: 3vh 2vw;
  height: calc(100vh - {CONTROLS_PX + 60}px); padding: 1vh 1vw;}}
.kc-kpis .heading {{grid-column: 1 / -1; font-size: 3rem; font-weight: 700; color: #222;}}
.kc-kpis .warning {{font-size: 1.6rem; font-weight: 700; color: #CC0000; margin-left: 1.5vw;}}
.kc-kpi {{background: #F2F5F8; border-radius: 12px; padding: 3vh 1.6vw;
  display: flex; flex-direction: column; justify-content: center;}}
.kc-kpi .value {{font-size: 3.4rem; font-weight: 700; color: #0072B2; line-height: 1.15;}}
.kc-kpi .label {{font-size: 1.7rem; color: #222; margin-top: 1vh;}}
.kc-kpi .delta {{font-size: 1.4rem; color: #555; margin-top: 0.6vh;}}
.kc-kpi .badge {{display: inline-block; font-size: 1.2rem; font-weight: 700; color: #CC0000;
  border: 2px solid #CC0000; border-radius: 6px; padding: 0 0.5rem; margin-top: 1vh; align-self: flex-start;}}
</style>
"""
# Type read from the back of a hall: nothing under 20 px on the chart, the title larger.
PRESENT_TICK_PX, PRESENT_AXIS_TITLE_PX, PRESENT_LABEL_PX, PRESENT_LEGEND_PX, PRESENT_TITLE_PX = 22, 24, 22, 22, 34
AXIS_TITLE_STANDOFF = 18  # px between the tick labels and the axis title


def run_pages() -> list:
    """The pages presentation mode runs through and the whole-dashboard deck holds, in menu order."""
    from khuyencong.ui.navigation import PAGES

    return [p for p in PAGES if p.url_path in RUN_THROUGH]


RUN_THROUGH = (None, "trends", "outcomes", "plan_actual", "compare")  # Overview → Trends → … → Compare


def _nav_page(url_path: str | None):
    return next((p for p in run_pages() if (p.url_path or "") == (url_path or "")), None)


def _neighbour(url_path: str | None, step: int):
    """The page before (step -1) or after (+1) this one in the run-through; None at either end or off it."""
    pages = run_pages()
    here = _nav_page(url_path)
    if here is None:
        return None
    index = pages.index(here) + step
    return pages[index] if 0 <= index < len(pages) else None


def _go_to(index: int | None) -> None:
    if index is None:
        st.query_params.pop("present", None)
        st.query_params.pop("slide", None)
    else:
        st.query_params["slide"] = str(index)


def _ask_switch(page, slide: int) -> None:
    st.session_state[SWITCH_KEY] = (page, slide)


def _switch(page, slide: int) -> None:
    """To another page's slide, still presenting; the filters ride along in the session and in the link
    (st.switch_page drops the query string unless given)."""
    params = {key: st.query_params.get_all(key) for key in st.query_params}
    params.update(present=["1"], slide=[str(slide)])
    st.switch_page(page.file, query_params={k: v[0] if len(v) == 1 else v for k, v in params.items()})


def is_illustrative_figure(figure) -> bool:
    """Whether a key figure (figures.overview.KeyFigure) rests on illustrative data, when it says so."""
    return bool(getattr(figure, "illustrative", False) or getattr(figure, "is_illustrative", False))


def key_figures_html(figures: list, lang: str, has_illustrative: bool = False, heading: str | None = None) -> str:
    """The key-figure slide: the Overview's figures as cards, value large, label, change, and a badge on the
    illustrative ones; with `has_illustrative` (the view holds illustrative rows) a line under the heading says so
    too, for figures that carry no flag of their own."""
    cards = []
    for figure in figures:
        parts = [f"<div class='value'>{html.escape(str(figure.value))}</div>",
                 f"<div class='label'>{html.escape(str(figure.label))}</div>"]
        if figure.delta:
            parts.append(f"<div class='delta'>{html.escape(str(figure.delta))}</div>")
        if is_illustrative_figure(figure):
            parts.append(f"<div class='badge'>{html.escape(t('watermark_illustrative', lang))}</div>")
        cards.append(f"<div class='kc-kpi' data-key='{html.escape(figure.key)}'>{''.join(parts)}</div>")
    top = f"<div class='heading'>{html.escape(heading or t('pr_deck_kpis', lang))}"
    if has_illustrative:
        top += f" <span class='warning'>{html.escape(t('caption_illustrative', lang))}</span>"
    top += "</div>"
    return f"<div class='kc-kpis'>{top}{''.join(cards)}</div>"


def presentation_figure(entry: ChartEntry, lang: str) -> go.Figure:
    """A copy of the chart sized for a projector: it takes the height of its box, ticks, axis titles and the labels
    on the marks at ≥ 20 px, the legend at 22 px, the title at 34 px, axis titles held clear of the tick labels."""
    from khuyencong.render.images import legend_items

    figure = go.Figure(entry.figure)
    # The title on one line (the map's second line after " · "): Plotly anchors a title of several lines by its
    # first, which then leaves the top of the screen.
    figure.update_layout(height=None, autosize=True, font={"size": PRESENT_TICK_PX},
                         title={"text": entry.title, "font": {"size": PRESENT_TITLE_PX}, "y": 0.985,
                                "yanchor": "top"},
                         # room under the title for the legend's band, when there is a legend
                         margin={"t": 150 if legend_items(figure) else 100, "l": 40, "r": 40, "b": 40},
                         legend={"font": {"size": PRESENT_LEGEND_PX}, "y": 1.0, "yanchor": "bottom"},
                         hoverlabel={"font": {"size": 20}})
    axis = {"tickfont": {"size": PRESENT_TICK_PX}, "automargin": True,
            "title": {"font": {"size": PRESENT_AXIS_TITLE_PX}, "standoff": AXIS_TITLE_STANDOFF}}
    figure.update_xaxes(**axis)
    figure.update_yaxes(**axis)
    for note in figure.layout.annotations:
        note.font.size = max(20, note.font.size or 0)
    for trace in figure.data:
        for key in ("textfont", "insidetextfont", "outsidetextfont"):
            font = getattr(trace, key, None)
            if font is not None:
                # The labels on bars and points: the charts set 12–14 px for a screen at arm's length.
                font.size = max(PRESENT_LABEL_PX, round(font.size * 1.5)) if isinstance(font.size, int | float) \
                    else PRESENT_LABEL_PX
        colorbar = getattr(trace, "colorbar", None)
        if colorbar is not None and trace.type in ("scattergeo", "choropleth"):
            colorbar.tickfont.size, colorbar.title.font.size = PRESENT_TICK_PX, PRESENT_AXIS_TITLE_PX
    if watermark := watermark_of(entry, lang):
        from khuyencong.render.images import add_watermark

        add_watermark(figure, watermark)
    return figure


def view_link() -> str | None:
    """The address of the view on screen (this page, these filters, not presenting), as the browser has it; None
    when the app does not know its address."""
    from urllib.parse import urlencode, urlsplit, urlunsplit

    url = getattr(st.context, "url", None)
    if not url:
        return None
    params = {k: st.query_params.get_all(k) for k in st.query_params if k not in ("present", "slide")}
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc, parts.path, urlencode(params, doseq=True), ""))


def view_qr(link: str | None) -> str:
    """A QR code of `link` for the slide's corner (the audience opens the view on a phone); '' without a link."""
    if not link:
        return ""
    import segno

    uri = segno.make(link, error="m").svg_data_uri(scale=4, border=1)
    return f"<img class='kc-qr' src='{uri}' alt='{html.escape(link)}' title='{html.escape(link)}'>"


def render_presentation(filters, area_text: str, url_path: str | None = None) -> None:
    """One slide per screen, no chrome: the page's own key figures (when it shows any), then its charts that draw
    something, large type, the filters and the sources in a readable line; previous and next run on through the
    pages of the dashboard (RUN_THROUGH), keeping the filters. A page with nothing to show is stepped over."""
    lang = filters.lang
    st.markdown(PRESENT_CSS, unsafe_allow_html=True)
    figures, charts = slide_key_figures(lang), slide_charts()
    slides: list = (["figures"] if figures else []) + charts
    slide = st.query_params.get("slide", "0")
    wanted = int(slide) if slide.isascii() and slide.isdigit() and len(slide) < 4 else 0
    previous_page, next_page = _neighbour(url_path, -1), _neighbour(url_path, 1)
    if not slides:
        # Nothing to show here: go on in the direction the presenter was going (back: the last slide was asked).
        onward = (previous_page, MAX_SLIDE) if wanted >= MAX_SLIDE and previous_page else (next_page, 0) \
            if next_page else (previous_page, MAX_SLIDE) if previous_page else None
        if onward is not None:
            _switch(*onward)
        st.info(t("pr_no_charts", lang))
        return
    index = min(max(wanted, 0), len(slides) - 1)
    here = _nav_page(url_path)
    page_name = t(here.label, lang) if here else ""
    stage = st.container(key=STAGE_KEY)
    current = slides[index]
    if current == "figures":
        stage.markdown(key_figures_html(figures, lang, any(is_illustrative_figure(f) for f in figures),
                                        heading=page_name or t("pr_deck_kpis", lang)), unsafe_allow_html=True)
        footnote = ""
    else:
        # theme=None: Streamlit's theme would put its own smaller fonts over the large ones.
        stage.plotly_chart(presentation_figure(current, lang), key=f"present_{current.key}", theme=None,
                           config=BROWSER_CONFIG, height="stretch")
        footnote = short_sources(current, lang)
    position = t("pr_position", lang, index=index + 1, count=len(slides))
    # The filters and the sources in short, large enough to read from the back of the room; in full on hover (the
    # page itself, its exports and the deck carry the sources in full).
    full = html.escape(" · ".join(part for part in (filters_line(filters, area_text),
                                                    current.footnote if current != "figures" else "") if part))
    st.markdown(f"<div class='kc-note' title='{full}'>{view_qr(view_link())}"
                f"{html.escape(filters_line(filters, area_text))}"
                + (f"<br>{html.escape(footnote)}" if footnote else "") + "</div>", unsafe_allow_html=True)
    left, middle, right, leave = st.columns([1, 2, 1, 1], vertical_alignment="center")
    # Within the page a click moves the slide; past its first or last slide it moves to the page before or after.
    if index == 0 and previous_page is not None:
        left.button(t("pr_previous", lang), icon=":material/arrow_back:", key="pr_previous", width="stretch",
                    help=t(previous_page.label, lang), on_click=_ask_switch, args=(previous_page, MAX_SLIDE))
    else:
        left.button(t("pr_previous", lang), icon=":material/arrow_back:", disabled=index <= 0, on_click=_go_to,
                    args=(index - 1,), key="pr_previous", width="stretch")
    label = " · ".join(part for part in (page_name, position) if part)
    middle.markdown(f"<div style='text-align:center; font-size:1.25rem'>{html.escape(label)}</div>",
                    unsafe_allow_html=True)
    if index >= len(slides) - 1 and next_page is not None:
        right.button(t("pr_next", lang), icon=":material/arrow_forward:", key="pr_next", width="stretch",
                     help=t(next_page.label, lang), on_click=_ask_switch, args=(next_page, 0))
    else:
        right.button(t("pr_next", lang), icon=":material/arrow_forward:", disabled=index >= len(slides) - 1,
                     on_click=_go_to, args=(index + 1,), key="pr_next", width="stretch")
    leave.button(t("pr_leave", lang), icon=":material/close:", on_click=_go_to, args=(None,), key="pr_leave",
                 width="stretch")


def _enter() -> None:
    st.query_params["present"] = "1"
    st.query_params["slide"] = "0"  # the key figures first


def _slides(charts: list[ChartEntry], line: str, lang: str):
    from khuyencong.render.deck import SlideChart

    return [SlideChart(c.title, c.figure, " ".join(p for p in (c.footnote, line) if p), watermark_of(c, lang))
            for c in charts]


def _deck(filters, line: str, summary: Callable[[], tuple[list, list[str]]], items: list) -> bytes:
    from khuyencong.render.deck import Kpi, build_deck

    kpis, quality_notes = summary()
    return build_deck(t("pr_deck_title", filters.lang), line, [Kpi(*kpi) for kpi in kpis], items,
                      quality_notes, filters.lang)


DECK_MIME = "application/vnd.openxmlformats-officedocument.presentationml.presentation"
PREPARE_KEY = "_prepare_dashboard_deck"
DASHBOARD_KEY = "_dashboard_charts"  # (view, [(page label key, [ChartEntry])]) of the last prepared run-through


class _PageStopped(Exception):
    """A page run hidden called st.stop (it has nothing to show for the filters)."""


class _StopEndsThePage:
    """Stands in for the run's script requests while a page runs hidden, so that its st.stop ends that page only
    (st.stop asks ctx.script_requests to stop the whole run, which could then draw nothing more)."""

    def __init__(self, requests) -> None:
        self._requests = requests

    def request_stop(self) -> None:
        raise _PageStopped

    def __getattr__(self, name):
        return getattr(self._requests, name)


def _run_hidden(url_path: str | None) -> list[ChartEntry]:
    """Run one page of the dashboard inside a container that is emptied afterwards, and return the charts it
    registered, with their footnotes, as a visit to the page would show them."""
    import types

    from streamlit.runtime.scriptrunner import get_script_run_ctx

    ctx = get_script_run_ctx()
    info = next(p for p in ctx.pages_manager.get_pages().values() if p["url_pathname"] == (url_path or ""))
    saved = st.session_state.get(CHARTS_KEY, [])
    st.session_state[CHARTS_KEY] = []
    st.session_state[COLLECTING_KEY] = True
    requests = ctx.script_requests
    ctx.script_requests = _StopEndsThePage(requests)
    holder = st.empty()
    try:
        with holder.container(), ctx.run_with_active_hash(info["page_script_hash"]):
            module = types.ModuleType("__main__")
            module.__dict__["__file__"] = str(info["script_path"])
            exec(ctx.pages_manager.get_page_script_byte_code(str(info["script_path"])), module.__dict__)  # noqa: S102
    except _PageStopped:
        pass
    except Exception:  # noqa: BLE001 - a page that fails here fails on its own too; the deck goes on without it
        log.exception("page %s failed while collecting the charts of the dashboard", url_path or "/")
        st.session_state[CHARTS_KEY] = []
    finally:
        ctx.script_requests = requests
        st.session_state[COLLECTING_KEY] = False
        holder.empty()
        charts = st.session_state[CHARTS_KEY]
        st.session_state[CHARTS_KEY] = saved
    return charts


def collect_dashboard(current: str | None) -> list[tuple[str, list[ChartEntry]]]:
    """Every run-through page's charts for the current filters, in menu order: the current page's from this run,
    the others' by running them hidden."""
    return [(page.label, list(registered_charts()) if (page.url_path or "") == (current or "")
             else _run_hidden(page.url_path)) for page in run_pages()]


def dashboard_items(sections: list[tuple[str, list[ChartEntry]]], line: str, lang: str) -> list:
    """The whole-dashboard deck's slides after the key figures: each page's name, then its charts."""
    from khuyencong.render.deck import Section

    items: list = []
    for label, charts in sections:
        charts = [c for c in charts if has_marks(c.figure)]  # an empty chart is never a slide
        if charts:  # a page with nothing to draw for the view gets no divider either
            items += [Section(t(label, lang)), *_slides(charts, line, lang)]
    return items


def page_summary(summary: Callable[[], tuple[list, list[str]]], figures: list) -> Callable[[], tuple[list, list]]:
    """The page deck's headline: the page's own key figures (label, value, illustrative) when it shows any, else
    the Overview's (`summary`); the data-quality notes of the view either way."""
    def made() -> tuple[list, list[str]]:
        kpis, notes = summary()
        own = [(f.label, f.value, is_illustrative_figure(f)) for f in figures]
        return (own or kpis), notes
    return made


def render_sidebar_tools(filters, area_text: str, summary: Callable[[], tuple[list, list[str]]],
                         current: str | None = None, top=None) -> None:
    """Sidebar: enter presentation mode, the slide deck of this page's charts and the deck of the whole dashboard;
    the decks and their headline figures (`summary()`: KPIs and data-quality notes) are built on click. The whole
    deck needs the other pages' charts: a first click runs those pages hidden (about a second at the bundled data),
    the download button then builds the deck (its pictures are the slow part) off the page's run."""
    lang = filters.lang
    sidebar = st.sidebar
    # "Trình chiếu" where the first screen shows it (`top`: a place under the menu), the decks further down.
    (top or sidebar).button(t("pr_enter", lang), icon=":material/slideshow:", on_click=_enter,
                            help=t("pr_enter_help", lang), key="pr_enter", width="stretch")
    sidebar.divider()
    charts = slide_charts()
    own = page_summary(summary, slide_key_figures(lang))
    line = filters_line(filters, area_text)
    missing = find_chromium() is None  # the deck's chart slides are images
    sidebar.download_button(t("pr_deck", lang), data=b"" if missing else lambda: _deck(
        filters, line, own, _slides(charts, line, lang)), file_name=deck_file_name(filters, area_text),
        mime=DECK_MIME, icon=":material/co_present:", help=t("pr_deck_help", lang), key="pr_deck", on_click="ignore",
        width="stretch", disabled=missing)
    view = repr(filters)
    prepared = st.session_state.get(DASHBOARD_KEY)
    if st.session_state.pop(PREPARE_KEY, False):  # the click's callback asked for it: collect in this run
        with st.spinner(t("pr_deck_all_preparing", lang)):
            prepared = (view, collect_dashboard(current))
        st.session_state[DASHBOARD_KEY] = prepared
    if prepared is None or prepared[0] != view:
        sidebar.button(t("pr_deck_all_prepare", lang), icon=":material/library_books:", key="pr_deck_all_prepare",
                       help=t("pr_deck_all_help", lang), width="stretch", disabled=missing,
                       on_click=st.session_state.__setitem__, args=(PREPARE_KEY, True))
    if prepared is not None and prepared[0] == view:
        sections = prepared[1]
        sidebar.download_button(
            t("pr_deck_all", lang), data=lambda: _deck(filters, line, summary, dashboard_items(sections, line, lang)),
            file_name=deck_file_name(filters, area_text, whole=True), mime=DECK_MIME, icon=":material/library_books:",
            help=t("pr_deck_all_help", lang), key="pr_deck_all", on_click="ignore", width="stretch", disabled=missing)
    if missing:
        sidebar.caption(t("pr_no_chromium", lang))


def deck_file_name(filters, area_text: str, whole: bool = False) -> str:
    """khuyen-cong_nghe-an_2002-2018_trinh-chieu.pptx (…_ca-bang-dieu-khien.pptx for the whole dashboard)"""
    import re
    import unicodedata

    plain = unicodedata.normalize("NFKD", area_text.replace("đ", "d").replace("Đ", "D"))
    slug = re.sub(r"[^a-z0-9]+", "-", "".join(c for c in plain if not unicodedata.combining(c)).lower()).strip("-")
    what = "ca-bang-dieu-khien" if whole else "trinh-chieu"
    return f"khuyen-cong_{slug[:60] or 'tat-ca'}_{filters.year_from}-{filters.year_to}_{what}.pptx"
