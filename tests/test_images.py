"""Chart images for slides: figure_for_export's layout, and PNG/SVG rendered by Kaleido with Chromium."""

import io
import json
import struct
import xml.etree.ElementTree as ET
from concurrent.futures import ThreadPoolExecutor

import plotly.graph_objects as go
import pytest
from PIL import Image

from khuyencong.render.charts import finish_chart
from khuyencong.render.images import EXPORT_HEIGHT, EXPORT_WIDTH, figure_for_export, render_image

TITLE = "Kinh phí khuyến công theo năm"
FOOTNOTE = ("Nguồn: Quyết định 1288/QĐ-BCT; báo cáo tổng kết khuyến công 2014–2024 của Sở Công Thương Hà Nội, "
            "Hải Phòng, Đà Nẵng và Cục Công nghiệp địa phương. Bộ lọc: 12 tỉnh/thành phố; 2014–2024; nguồn địa "
            "phương và trung ương; gồm dữ liệu minh họa (không phải số liệu thật).")


def trend_figure() -> go.Figure:
    fig = go.Figure()
    fig.add_bar(x=[2020, 2021, 2022], y=[8.0, 9.5, 11.2], name="Địa phương")
    fig.add_bar(x=[2020, 2021, 2022], y=[3.0, 2.5, 4.1], name="Trung ương", textfont={"size": 12})
    fig.update_layout(barmode="stack")
    fig.add_annotation(x=2021, y=1, yref="paper", text="Trung ương 2020–2022", showarrow=False, font={"size": 13})
    return finish_chart(fig, "vi", TITLE, "Kinh phí (tỷ đồng)", [2020, 2021, 2022])


def footnote_annotation(fig: go.Figure):
    found = [a for a in fig.layout.annotations if a.name == "footnote"]
    assert len(found) == 1
    return found[0]


def svg_text(svg: bytes) -> str:
    root = ET.fromstring(svg)
    assert root.tag in ("svg", "{http://www.w3.org/2000/svg}svg")
    return " ".join("".join(element.itertext()) for element in root.iter())


def png_size(png: bytes) -> tuple[int, int]:
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    assert png[12:16] == b"IHDR"
    return struct.unpack(">II", png[16:24])


# --- figure_for_export: no browser needed ---

def test_export_keeps_the_original_figure_untouched():
    fig = trend_figure()
    before = json.loads(fig.to_json())
    figure_for_export(fig, FOOTNOTE)
    assert json.loads(fig.to_json()) == before  # as data: a copy may write a trace's keys in another order


def test_export_has_large_type_white_background_and_the_title():
    out = figure_for_export(trend_figure(), FOOTNOTE)
    assert out.layout.title.text == TITLE
    assert out.layout.title.font.size >= 30
    assert out.layout.font.size >= 20
    assert out.layout.legend.font.size >= 20
    assert out.layout.paper_bgcolor == "white" and out.layout.plot_bgcolor == "white"
    assert out.layout.yaxis.title.text == "Kinh phí (tỷ đồng)"  # the unit stays
    assert (out.layout.width, out.layout.height) == (EXPORT_WIDTH, EXPORT_HEIGHT)
    assert min(a.font.size for a in out.layout.annotations) >= 16  # footnote ≥ 16, chart annotations ≥ 20
    assert out.data[1].textfont.size >= 20


@pytest.mark.parametrize(("footnote", "max_lines"), [
    ("Nguồn: Báo cáo khuyến công Hà Nội.", 1),
    (FOOTNOTE, 3),
    (FOOTNOTE * 4, 3),  # far too long: shortened, never more than three lines
])
def test_footnote_is_wrapped_to_at_most_three_lines(footnote, max_lines):
    note = footnote_annotation(figure_for_export(trend_figure(), footnote))
    lines = note.text.split("<br>")
    assert 1 <= len(lines) <= max_lines
    assert note.yanchor == "bottom" and note.y < 0  # under the plot, in the bottom margin
    assert note.font.size >= 16


def test_footnote_band_is_tall_enough():
    out = figure_for_export(trend_figure(), FOOTNOTE)
    note = footnote_annotation(out)
    lines = len(note.text.split("<br>"))
    plot_h = out.layout.height - out.layout.margin.t - out.layout.margin.b
    note_bottom_px = -note.y * plot_h  # px from the plot's bottom down to the footnote's bottom edge
    assert note_bottom_px <= out.layout.margin.b - 8  # inside the image
    # its top edge clears the year ticks and the x axis title (about 3 body lines)
    assert note_bottom_px - lines * note.font.size * 1.3 >= 3 * out.layout.font.size


def test_no_footnote_no_annotation():
    out = figure_for_export(trend_figure(), "  ")
    assert [a for a in out.layout.annotations if a.name == "footnote"] == []


# --- rendering with Chromium ---

@pytest.mark.chromium
def test_png_has_the_signature_and_exact_size():
    png = render_image(figure_for_export(trend_figure(), FOOTNOTE), "png")
    assert png_size(png) == (1600, 900)
    with Image.open(io.BytesIO(png)) as image:
        assert image.size == (1600, 900)
        assert image.getpixel((3, 3))[:3] == (255, 255, 255)  # white background


@pytest.mark.chromium
def test_png_scale_multiplies_the_pixels():
    assert png_size(render_image(trend_figure(), "png", width=400, height=300, scale=2)) == (800, 600)


@pytest.mark.chromium
def test_svg_is_xml_with_the_title_and_the_footnote():
    text = svg_text(render_image(figure_for_export(trend_figure(), FOOTNOTE), "svg"))
    assert TITLE in text
    assert "Quyết định 1288/QĐ-BCT" in text
    assert "(không phải số liệu thật)." in text  # the end of the footnote is there, not cut off


def test_unknown_format_is_refused():
    with pytest.raises(ValueError, match="format"):
        render_image(trend_figure(), "gif")


@pytest.mark.chromium
def test_two_renders_in_a_row_both_succeed():
    fig = figure_for_export(trend_figure(), FOOTNOTE)
    first, second = render_image(fig, "png"), render_image(fig, "svg")
    assert png_size(first) == (1600, 900)
    assert TITLE in svg_text(second)


@pytest.mark.chromium
def test_renders_from_four_threads_at_once_all_succeed_with_their_own_figure():
    titles = [f"{TITLE} {n}" for n in range(4)]

    def render(title: str) -> str:
        fig = trend_figure()
        fig.update_layout(title_text=title)
        return svg_text(render_image(figure_for_export(fig, FOOTNOTE), "svg"))

    with ThreadPoolExecutor(max_workers=4) as pool:
        texts = list(pool.map(render, titles))
    for title, text in zip(titles, texts, strict=True):
        assert title in text  # each caller got its own image, not another session's
