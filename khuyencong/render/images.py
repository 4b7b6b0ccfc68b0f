"""Charts as images for slides and downloads: large type on white, the footnote burned in, rendered by Kaleido.

Kaleido drives the Chromium or Chrome found by render/browser.py (never a downloaded browser); without one,
render_image raises ChromiumMissing, which says what to install. One renderer is kept alive per process so only the
first export pays for starting the browser; a lock serialises calls to it because Kaleido's sync server hands results
back through a single shared queue, which concurrent Streamlit sessions would otherwise mix up.
"""

from __future__ import annotations

import asyncio
import html
import logging
import os
import re
import threading
import time

import kaleido
import plotly.graph_objects as go

from khuyencong.render.browser import require_chromium
from khuyencong.render.charts import FONT, TOPOJSON_URL, wrap_text

log = logging.getLogger(__name__)

EXPORT_WIDTH, EXPORT_HEIGHT = 1600, 900  # presentation resolution (16:9)
FORMATS = ("png", "svg")

BODY_PX = 22  # ticks, axis titles, legend, labels on the bars
TITLE_PX = 34
MIN_TEXT_PX = 20  # no text on an exported chart is smaller than this...
MIN_CROWDED_TICK_PX = 14  # ...except category labels of a chart with very many rows (34 provinces),
MIN_TICK_PX = 9  # which shrink below that only when rows would overlap otherwise (a small image)
FOOTNOTE_PX = (20, 18, 16)  # tried in turn until the footnote fits in FOOTNOTE_LINES lines
FOOTNOTE_LINES = 3
FOOTNOTE_COLOUR = "#555555"
# Over a chart that holds illustrative figures: large, slanted, see-through, in a red no chart uses, so it shows on
# any crop of the image and tests can find its pixels.
WATERMARK_RGB = (204, 0, 0)
WATERMARK_OPACITY = 0.2
WATERMARK_PX = 150
PAD = 24  # px between the image edge and the title, the legend and the footnote
CHAR_EM = 0.56  # average glyph width of a sans-serif in em: a generous estimate, so wrapped lines never overflow
KALEIDO_OPTIONS = {"mathjax": False}  # no MathJax from a CDN: the charts use none, and a hall may have no internet
SERVER_TIMEOUT = 120.0  # s; Kaleido gives up on one render after 90 s by itself

_TAG = re.compile(r"<[^>]+>")
_LINE_BREAK = re.compile(r"<br\s*/?>", re.I)
_lock = threading.Lock()
_server_state = {"running": False, "failures": 0}
MAX_SERVER_FAILURES = 2  # then every render is a cold one


def _text_width(text: str, size: float) -> float:
    """Estimated width in px of the longest line of a Plotly label (tags removed)."""
    lines = _LINE_BREAK.split(str(text or ""))
    return max((len(_TAG.sub("", line)) for line in lines), default=0) * size * CHAR_EM


def _footnote_lines(footnote: str, width: int) -> tuple[list[str], int]:
    """The footnote wrapped to at most FOOTNOTE_LINES lines and its font size; shortened with '…' if still too long."""
    text = " ".join(footnote.split())
    for size in FOOTNOTE_PX:
        max_chars = max(20, int((width - 2 * PAD) / (size * CHAR_EM)))
        lines = wrap_text(text, max_chars)
        if len(lines) <= FOOTNOTE_LINES:
            return lines, size
    lines = lines[:FOOTNOTE_LINES]
    lines[-1] = lines[-1][: max_chars - 1].rstrip() + "…"
    return lines, size


def _scaled(size) -> int | None:
    return None if size is None else max(MIN_TEXT_PX, round(size * BODY_PX / 15))


def legend_items(fig: go.Figure) -> list[str]:
    """Names the legend will show (Plotly shows a legend for two or more traces unless told otherwise)."""
    # A treemap has no showlegend attribute: its type is asked first.
    shown = [tr for tr in fig.data if tr.type not in ("treemap", "sunburst", "pie") and tr.showlegend is not False]
    if fig.layout.showlegend is False or (fig.layout.showlegend is None and len(shown) < 2):
        return []
    return [str(tr.name or "") for tr in shown]


def _legend_rows(names: list[str], available: float) -> int:
    rows, used = 1, 0.0
    for name in names:
        item = _text_width(name, BODY_PX) + 40 + 30  # symbol and gap
        if used and used + item > available:
            rows, used = rows + 1, 0.0
        used += item
    return rows


def _axes(layout, letter: str) -> list:
    return [layout[name] for name in layout if re.fullmatch(letter + r"axis\d*", name)]


def category_labels(fig: go.Figure, letter: str) -> list[str]:
    """Tick labels of a category axis (horizontal bars carry their labels on y)."""
    labels = []
    for trace in fig.data:
        values = getattr(trace, letter, None)
        if values is not None and len(values) and isinstance(values[0], str):
            labels += [str(v) for v in values]
    return labels


def add_watermark(fig: go.Figure, text: str) -> go.Figure:
    """`text` ("MINH HỌA" / "ILLUSTRATIVE") across the middle of the figure, in place; returns the figure."""
    red, green, blue = WATERMARK_RGB
    fig.add_annotation(text=html.escape(text, quote=False), xref="paper", yref="paper", x=0.5, y=0.5,
                       showarrow=False, textangle=-22, opacity=WATERMARK_OPACITY, name="watermark",
                       font={"size": WATERMARK_PX, "color": f"rgb({red},{green},{blue})"})
    return fig


def figure_for_export(fig: go.Figure, footnote: str, width: int = EXPORT_WIDTH,
                      height: int = EXPORT_HEIGHT, watermark: str | None = None) -> go.Figure:
    """A copy of fig for a slide or an image: its title kept, large type (≥ 20 px body, ≥ 30 px title), white
    background, the legend in one band under the title, and the footnote (sources and filters) wrapped to at most
    three lines and burned in at the bottom. Units already in the axis titles stay. A `watermark` ("MINH HỌA") is
    written across a chart that holds illustrative figures.

    Margins are worked out here rather than left to Plotly's automargin, so the footnote placed in paper
    coordinates lands below the x axis title, not on it. An empty footnote leaves no footnote band.
    """
    out = go.Figure(fig)
    layout = out.layout
    title = layout.title.text or ""
    title_h = TITLE_PX * 1.35 * (1 + len(_LINE_BREAK.findall(title))) if title else 0

    # Explicit sizes in the app (bar labels at 12-14 px, annotations at 13 px) grow with the body text.
    for trace in out.data:
        for key in ("textfont", "insidetextfont", "outsidetextfont"):
            font = getattr(trace, key, None)
            if font is not None and isinstance(font.size, int | float):
                font.size = _scaled(font.size)
        colorbar = getattr(trace, "colorbar", None)  # the map's colour scale, its sizes set for the screen
        if colorbar is not None:
            for font in (colorbar.tickfont, colorbar.title.font):
                if isinstance(font.size, int | float):
                    font.size = _scaled(font.size)
    for note in layout.annotations:
        note.font.size = _scaled(note.font.size) or BODY_PX

    legend = legend_items(out)
    legend_rows = _legend_rows(legend, width - 2 * PAD) if legend else 0
    legend_h = legend_rows * BODY_PX * 1.5

    top = PAD + title_h + (12 if title else 0) + (legend_h + 16 if legend else 0) + 12
    note_lines, note_px = _footnote_lines(footnote, width) if footnote and footnote.strip() else ([], 0)
    note_h = len(note_lines) * note_px * 1.3

    x_axes, y_axes = _axes(layout, "x"), _axes(layout, "y")
    has_axes = bool(x_axes or y_axes) or any(tr.type in ("bar", "scatter") for tr in out.data)
    x_title = any(ax.title.text for ax in x_axes)
    y_title = any(ax.title.text for ax in y_axes)
    bottom = PAD + (note_h + 16 if note_lines else 0) + (
        BODY_PX * 1.3 + 12 + (BODY_PX * 1.4 + 8 if x_title else 0) if has_axes else 0)

    plot_h = height - top - bottom
    y_labels = category_labels(out, "y")
    tick_px = BODY_PX
    if y_labels:
        rows = len(dict.fromkeys(y_labels))
        lines_per_row = max(1 + len(_LINE_BREAK.findall(label)) for label in y_labels)
        fits = int(plot_h / rows / lines_per_row / 1.25)
        tick_px = max(min(MIN_CROWDED_TICK_PX, fits), MIN_TICK_PX) if fits < MIN_CROWDED_TICK_PX else \
            min(BODY_PX, fits)
        label_w = max(_text_width(label, tick_px) for label in y_labels)
    else:
        label_w = 7 * BODY_PX * CHAR_EM  # "1.234,5" on a value axis
    left = PAD + (label_w + 20 + (BODY_PX * 1.4 + 8 if y_title else 0) if has_axes else 0)
    right = max(PAD + 16, layout.margin.r or 0)

    layout.update(
        template=layout.template, width=width, height=height, autosize=False,
        font={"family": layout.font.family or FONT, "size": BODY_PX, "color": layout.font.color or "#222222"},
        paper_bgcolor="white", plot_bgcolor="white",
        margin={"l": left, "r": right, "t": top, "b": bottom, "pad": 0, "autoexpand": False},
        hovermode=False,
    )
    if title:
        # Plotly anchors a title of several lines by its first line: the lines after it hang below, so the block
        # is moved down by their height, or its first line would leave the image.
        below = len(_LINE_BREAK.findall(title)) * TITLE_PX * 1.3
        layout.title.update(text=title, font={"size": TITLE_PX}, xref="container", yref="container",
                            x=PAD / width, xanchor="left", y=1 - (PAD + below) / height, yanchor="top",
                            pad={"t": 0, "l": 0})
    if legend:
        layout.legend.update(orientation="h", xref="container", yref="container", x=PAD / width, xanchor="left",
                             y=1 - (PAD + title_h + (12 if title else 0)) / height, yanchor="top",
                             font={"size": BODY_PX}, bgcolor="rgba(255,255,255,0)", itemwidth=40)
    for axis in x_axes:
        axis.update(automargin=False, tickfont={"size": BODY_PX}, title={"font": {"size": BODY_PX}, "standoff": 8})
    for axis in y_axes:
        axis.update(automargin=False, tickfont={"size": tick_px}, title={"font": {"size": BODY_PX}},
                    ticklabelstandoff=10 if y_labels else 4)
    if tick_px < BODY_PX:  # rows too close for body-size labels: the values on the bars follow the row labels
        for trace in out.data:
            if trace.type in ("bar", "scatter") and trace.textfont is not None:
                trace.textfont.size = tick_px

    if note_lines:
        plot_w = width - left - right
        plot_h = height - top - bottom
        out.add_annotation(
            text="<br>".join(html.escape(line, quote=False) for line in note_lines), showarrow=False,
            xref="paper", yref="paper", x=-(left - PAD) / plot_w, y=-(bottom - PAD) / plot_h,
            xanchor="left", yanchor="bottom", align="left",
            font={"size": note_px, "color": FOOTNOTE_COLOUR}, name="footnote")
    if watermark:
        add_watermark(out, watermark)
    return out


def _cold_render(fig_dict: dict, opts: dict) -> bytes:
    """One render with a browser of its own, in a thread of its own (the caller may already run an event loop)."""
    box: dict = {}

    def run() -> None:
        try:
            box["value"] = asyncio.run(kaleido.calc_fig(fig_dict, opts=opts, topojson=TOPOJSON_URL,
                                                          kopts=dict(KALEIDO_OPTIONS)))
        except BaseException as error:  # noqa: BLE001 - handed to the caller
            box["error"] = error

    worker = threading.Thread(target=run, name="kaleido-cold")
    worker.start()
    worker.join()
    if "error" in box:
        raise box["error"]
    return box["value"]


class _RendererDown(RuntimeError):
    """The kept-alive renderer's thread died (Chromium did not start) or it hung."""


def _server_thread():
    return getattr(kaleido._global_server, "_thread", None)  # noqa: SLF001 - to see if the renderer died


def _server_render(fig_dict: dict, opts: dict) -> bytes:
    """A render on the kept-alive browser; _RendererDown if its thread died or it did not answer in time."""
    box: dict = {}
    done = threading.Event()

    def run() -> None:
        try:
            box["value"] = kaleido.calc_fig_sync(fig_dict, opts=opts, topojson=TOPOJSON_URL)
        except BaseException as error:  # noqa: BLE001 - handed to the caller
            box["error"] = error
        finally:
            done.set()

    threading.Thread(target=run, name="kaleido-call", daemon=True).start()
    deadline = time.monotonic() + SERVER_TIMEOUT
    while not done.wait(0.05):
        thread = _server_thread()
        if thread is not None and not thread.is_alive():
            raise _RendererDown("the Kaleido renderer stopped")
        if time.monotonic() > deadline:
            _server_state["failures"] = MAX_SERVER_FAILURES  # a hung renderer cannot be closed: leave it alone
            raise _RendererDown(f"the Kaleido renderer did not answer in {SERVER_TIMEOUT:.0f} s")
    if "error" in box:
        raise box["error"]
    return box["value"]


def _retire_server(hung: bool) -> None:
    """Forget the kept-alive renderer; close it unless it hangs (closing waits for its thread)."""
    _server_state["running"] = False
    _server_state["failures"] += 1
    if not hung and kaleido._global_server.is_running():  # noqa: SLF001
        kaleido.stop_sync_server(silence_warnings=True)


def render_image(fig: go.Figure, fmt: str = "png", width: int = EXPORT_WIDTH, height: int = EXPORT_HEIGHT,
                 scale: float = 1) -> bytes:
    """PNG or SVG bytes of fig, width × height CSS px (a PNG has scale times as many pixels), rendered by Kaleido.

    The first call starts a kept-alive Chromium (kaleido.start_sync_server); later calls reuse it, one at a time.
    If it cannot start, dies or fails where a browser of its own succeeds, the render is done cold (slower) and the
    renderer is restarted on the next call, up to MAX_SERVER_FAILURES times; after that every render is cold.
    An error that a cold render repeats (a broken figure) is raised; ChromiumMissing when there is no browser.
    """
    fmt = fmt.lower()
    if fmt not in FORMATS:
        raise ValueError(f"format must be one of {FORMATS}, not {fmt!r}")
    os.environ["BROWSER_PATH"] = require_chromium()  # read by Kaleido each time it starts a browser
    fig_dict = fig.to_dict() if hasattr(fig, "to_dict") else fig
    opts = {"format": fmt, "width": int(width), "height": int(height), "scale": scale}
    with _lock:
        if not _server_state["running"] and _server_state["failures"] < MAX_SERVER_FAILURES:
            try:
                kaleido.start_sync_server(silence_warnings=True, **KALEIDO_OPTIONS)
                _server_state["running"] = True
            except Exception as error:  # noqa: BLE001
                _server_state["failures"] += 1
                log.warning("Kaleido renderer did not start (%s); rendering cold", error)
        server_error = None
        if _server_state["running"]:
            try:
                return _server_render(fig_dict, opts)
            except _RendererDown as error:
                thread = _server_thread()
                _retire_server(hung=thread is not None and thread.is_alive())
                log.warning("%s; rendering cold", error)
            except Exception as error:  # noqa: BLE001 - a cold render tells a broken figure from a broken renderer
                server_error = error
        image = _cold_render(fig_dict, opts)
        if server_error is not None:
            log.warning("Kaleido renderer failed (%s) where a cold render worked; restarting it", server_error)
            _retire_server(hung=False)
        return image
