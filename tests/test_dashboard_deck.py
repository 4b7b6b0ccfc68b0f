"""The deck of the whole dashboard (issue 16), as the sidebar's button serves it, read back with python-pptx: the title,
the Overview's key figures, every page's charts in menu order after a divider with the page's name, the data quality
slide; "MINH HỌA" / "ILLUSTRATIVE" on exactly the slides whose charts hold illustrative figures."""

import io

import pytest
from conftest import run_page
from pptx import Presentation

pytestmark = pytest.mark.chromium

TITLES = {
    ("0", "vi"): [
        "Kinh phí khuyến công", "Chỉ số chính",
        "Tổng quan", "Kinh phí khuyến công theo năm", "Kinh phí khuyến công — Phân bổ, 2002–2025 · 63 tỉnh",
        "Xu hướng kinh phí", "Kinh phí khuyến công theo năm và nguồn", "Kinh phí lũy kế", "Thay đổi so với năm trước",
        "Nghệ An: số kế hoạch và số thực hiện",
        # Outcomes and Plan and actual draw no chart from Nghệ An's published figures: no slide, no divider.
        "So sánh địa phương", "Kinh phí khuyến công theo địa phương và nguồn",
        "Kinh phí khuyến công — Phân bổ, 2002–2025 · 63 tỉnh", "Xếp hạng: Tổng kinh phí",
        "Chất lượng dữ liệu"],
    ("1", "en"): [
        "Khuyến công funding", "Key figures",
        "Overview", "Khuyến công funding by year",
        "Khuyến công funding — Allocated, 2002–2025 · 63 provinces · includes illustrative data",
        "Funding trends", "Khuyến công funding by year and source", "Change on the previous year",
        "Nghệ An: plan-side and executed-side figures",
        "Outcomes by sector and activity",
        "Actual spending: activity → sector (click to drill down) · Illustrative data (cross-hatched)",
        "Actual spending by activity", "Actual spending by sector: Cleaner production",
        "Plan versus actual", "Project funding by year: plan and actual", "Progress against plan: Nghệ An, 2025",
        "Compare areas", "Khuyến công funding by area and source",
        "Khuyến công funding — Allocated, 2002–2025 · 63 provinces · includes illustrative data",
        "Ranking: Total funding",
        "Data quality"],
}
KEY_FIGURES = {
    ("0", "vi"): ["76,3 tỷ đồng", "78,6%", "21,4%", "12"],
    ("1", "en"): ["VND 139.4 bn", "73.8%", "26.2%", "176"],
}
PAGE_NAMES = {"Tổng quan", "Xu hướng kinh phí", "So sánh địa phương", "Overview", "Funding trends",
              "Outcomes by sector and activity", "Plan versus actual", "Compare areas"}
# Slides without a chart, and the one chart of the illustrative view made from published figures only.
UNMARKED = PAGE_NAMES | {"Khuyến công funding", "Key figures", "Data quality",
                         "Nghệ An: plan-side and executed-side figures"}


def whole_deck(demo_db_path, downloads, demo: str, lang: str) -> Presentation:
    app = run_page(demo_db_path, area="nghe-an", demo=demo, lang=lang)
    assert not [b for b in app.get("download_button") if b.proto.id.endswith("pr_deck_all")]  # not before asked
    app.button(key="pr_deck_all_prepare").click().run()
    assert not app.exception
    files = downloads(app, suffixes=("pr_deck_all",))
    assert list(files) == ["khuyen-cong_nghe-an_2002-2025_ca-bang-dieu-khien.pptx"]
    return Presentation(io.BytesIO(next(iter(files.values()))))


def texts(slide) -> list[str]:
    return [shape.text_frame.text for shape in slide.shapes if shape.has_text_frame]


@pytest.mark.parametrize(("demo", "lang"), [("0", "vi"), ("1", "en")])
def test_the_whole_deck_has_every_page_in_order_with_the_key_figures_and_watermarks_where_illustrative(
        demo_db_path, downloads, demo, lang):
    deck = whole_deck(demo_db_path, downloads, demo, lang)
    titles = [slide.shapes.title.text_frame.text for slide in deck.slides]
    assert titles == TITLES[(demo, lang)]
    key_figures = texts(deck.slides[1])
    assert all(value in key_figures for value in KEY_FIGURES[(demo, lang)])
    marked = {title: [shape.text_frame.text for shape in slide.shapes if shape.name == "watermark"]
              for title, slide in zip(titles, deck.slides)}
    word = "ILLUSTRATIVE" if lang == "en" else "MINH HỌA"
    for title, marks in marked.items():
        assert marks == ([word] if demo == "1" and title not in UNMARKED else []), title
