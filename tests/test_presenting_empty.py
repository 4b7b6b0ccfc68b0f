"""Presenting skips what is empty (issue 27): a chart without a value behind any mark is never a slide, on screen
or in the deck (a real .pptx, read back); the slide's footer names its sources in short, in type read from the back
of a room, never cut with "…"."""

import io
import re

import plotly.graph_objects as go
import pytest
from conftest import run_page
from pptx import Presentation

from khuyencong.render.deck import build_deck
from khuyencong.ui.presenting import PRESENT_CSS, ChartEntry, dashboard_items, has_marks

TRENDS = "pages/trends.py"


@pytest.mark.parametrize(("figure", "marks"), [
    (go.Figure(go.Bar(x=[2019, 2020], y=[None, None])), False),  # years, but no money: nothing drawn
    (go.Figure(go.Bar(x=[None], y=["Cơ sở được hỗ trợ"], orientation="h", text=["– Chưa đánh giá"])), False),
    (go.Figure(go.Bar(x=[2019, 2020], y=[None, 1.5])), True),
    (go.Figure(go.Bar(x=[112.0], y=["Cơ sở được hỗ trợ"], orientation="h")), True),
    (go.Figure(go.Scatter(x=[2019], y=[float("nan")])), False),
    (go.Figure(go.Treemap(labels=["A"], parents=[""], values=[3])), True),
    (go.Figure(), False),
])
def test_a_chart_has_marks_only_where_a_value_stands_behind_one(figure, marks):
    assert has_marks(figure) is marks


@pytest.mark.chromium  # the deck's chart slides are pictures rendered by Kaleido
def test_the_deck_has_no_slide_for_an_empty_chart():
    empty = ChartEntry("pa_progress_chart", "Tiến độ thực hiện kế hoạch", go.Figure(go.Bar(
        x=[None], y=["Cơ sở được hỗ trợ"], orientation="h", text=["– Chưa đánh giá"])), "Nguồn: Báo Quảng Bình.")
    drawn = ChartEntry("pa_money_chart", "Kinh phí đề án theo năm", go.Figure(go.Bar(x=[2024], y=[0.17])),
                       "Nguồn: Báo Quảng Bình.")
    items = dashboard_items([("page_plan_actual", [empty, drawn]), ("page_outcomes", [empty])], "Tất cả", "vi")
    deck = Presentation(io.BytesIO(build_deck("Kinh phí khuyến công", "Tất cả", [], items, [], "vi")))
    titles = [shape.text_frame.text for slide in deck.slides for shape in slide.shapes
              if shape.has_text_frame and shape.text_frame.text]
    # title slide, the divider of Plan vs actual and its one chart; Outcomes, with nothing to draw, not even a divider
    assert len(deck.slides) == 3
    assert "Kinh phí đề án theo năm" in titles and "Kế hoạch và thực hiện" in titles
    assert "Tiến độ thực hiện kế hoạch" not in titles and "Kết quả theo ngành và nội dung" not in titles


def test_the_slide_footer_names_its_sources_in_readable_type(demo_db_path):
    app = run_page(demo_db_path, TRENDS, area="nghe-an", present="1", slide="1")
    note = next(m.value for m in app.markdown if "class='kc-note'" in m.value)
    shown = re.sub(r"<br>", "\n", re.sub(r"^<div[^>]*>|</div>$|<img[^>]*>", "", note)).split("\n")
    # The filters, then the one document in short (data/sources/documents.csv: Báo Công Thương, 09/08/2018).
    assert shown[0].startswith("Nghệ An · 2002–2025")
    assert shown[1] == "Nguồn (1): Báo Công Thương"
    size = re.search(r"\.kc-note \{\{?font-size: ([\d.]+)rem", PRESENT_CSS)
    assert size and float(size.group(1)) * 16 >= 19  # px at the browser's 16 px root
    assert "line-clamp" not in PRESENT_CSS.split(".kc-note", 1)[1].split("}", 1)[0]  # never cut with "…"
