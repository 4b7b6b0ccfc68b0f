"""Charts holding illustrative figures carry "MINH HỌA" / "ILLUSTRATIVE" on every PNG, SVG and slide made from them,
so a cropped image or a forwarded deck still says so; made from the published figures only, none does (issue 16).
The files are the ones the page's buttons serve, read back: the SVG's text, the PNG's pixels, the deck's shapes."""

import io

import pytest
from conftest import run_page
from PIL import Image
from pptx import Presentation

from khuyencong.render.images import WATERMARK_OPACITY, WATERMARK_RGB

pytestmark = pytest.mark.chromium

TRENDS = "pages/trends.py"
WORD = {"vi": "MINH HỌA", "en": "ILLUSTRATIVE"}


def watermark_pixels(png: bytes) -> int:
    """Pixels of the watermark's colour over the white background."""
    blended = tuple(round(255 + (c - 255) * WATERMARK_OPACITY) for c in WATERMARK_RGB)
    image = Image.open(io.BytesIO(png)).convert("RGB")
    return sum(1 for pixel in image.get_flattened_data() if all(abs(a - b) <= 3 for a, b in zip(pixel, blended)))


@pytest.mark.parametrize(("demo", "lang", "marked"), [("1", "vi", True), ("1", "en", True), ("0", "vi", False)])
def test_exports_of_a_chart_say_illustrative_exactly_when_it_holds_illustrative_figures(
        demo_db_path, downloads, demo, lang, marked):
    app = run_page(demo_db_path, TRENDS, area="nghe-an", demo=demo, lang=lang)
    files = downloads(app, suffixes=("trend_main_png", "trend_main_svg", "pr_deck"))
    svg = next(data for name, data in files.items() if name.endswith(".svg")).decode()
    png = next(data for name, data in files.items() if name.endswith(".png"))
    deck = Presentation(io.BytesIO(next(data for name, data in files.items() if name.endswith(".pptx"))))
    slide_marks = [shape.text_frame.text for slide in deck.slides for shape in slide.shapes
                   if shape.name == "watermark"]
    assert (WORD[lang] in svg) is marked
    assert (watermark_pixels(png) > 500) is marked
    assert bool(slide_marks) is marked and set(slide_marks) <= {WORD[lang]}
