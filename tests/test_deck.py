"""The presenter's PowerPoint deck, read back with python-pptx."""

import io
from datetime import UTC, date, datetime

import plotly.graph_objects as go
import pytest
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE
from pptx.util import Pt

from khuyencong.render.charts import finish_chart
from khuyencong.render.deck import Kpi, SlideChart, build_deck

pytestmark = pytest.mark.chromium

KPIS = [Kpi("Tổng kinh phí", "152,4 tỷ đồng"), Kpi("Số đề án", "1.234"), Kpi("Tỷ lệ thực hiện", "91,3%")]
NOTES = ["Hải Phòng chỉ báo cáo tổng giai đoạn 2016–2020.", "Có dữ liệu minh họa (không phải số liệu thật)."]
HEADINGS = {"vi": ("Chỉ số chính", "Chất lượng dữ liệu"), "en": ("Key figures", "Data quality")}


def figure(title: str, kind: str) -> go.Figure:
    fig = go.Figure(go.Bar(x=[2021, 2022, 2023], y=[3, 5, 4]) if kind == "bar"
                    else go.Scatter(x=[2021, 2022, 2023], y=[1, 4, 9], mode="lines+markers"))
    return finish_chart(fig, "vi", title, "Kinh phí (tỷ đồng)", [2021, 2022, 2023])


CHARTS = [
    SlideChart("Kinh phí khuyến công theo năm", figure("Kinh phí khuyến công theo năm", "bar"),
               "Nguồn: Báo cáo khuyến công Hà Nội 2021–2023. Bộ lọc: Hà Nội; 2021–2023."),
    SlideChart("Lũy kế kinh phí", figure("Lũy kế kinh phí", "line"), "Nguồn: Sở Công Thương Đà Nẵng."),
]


MADE_ON = date(2026, 1, 31)


def deck(notes=NOTES, lang="vi", kpis=KPIS, charts=CHARTS, made_on=MADE_ON) -> Presentation:
    data = build_deck("Kinh phí khuyến công", "Hà Nội, Đà Nẵng · 2021–2023", kpis, charts, notes, lang, made_on)
    return Presentation(io.BytesIO(data))


@pytest.fixture(scope="module")
def vi_deck():
    return deck()


def slide_texts(slide) -> list[str]:
    return [shape.text_frame.text for shape in slide.shapes if shape.has_text_frame]


def title_of(slide) -> str:
    return slide.shapes.title.text_frame.text


def sizes(shape) -> list[float]:
    return [run.font.size.pt for p in shape.text_frame.paragraphs for run in p.runs if run.text.strip()]


@pytest.mark.parametrize(("notes", "lang", "expected"), [
    (NOTES, "vi", ["Kinh phí khuyến công", "Chỉ số chính", "Kinh phí khuyến công theo năm", "Lũy kế kinh phí",
                   "Chất lượng dữ liệu"]),
    ([], "vi", ["Kinh phí khuyến công", "Chỉ số chính", "Kinh phí khuyến công theo năm", "Lũy kế kinh phí"]),
    (NOTES, "en", ["Kinh phí khuyến công", "Key figures", "Kinh phí khuyến công theo năm", "Lũy kế kinh phí",
                   "Data quality"]),
])
def test_slides_and_their_titles_in_order(notes, lang, expected):
    prs = deck(notes, lang)
    assert [title_of(slide) for slide in prs.slides] == expected  # diacritics kept


def test_slide_is_16_9_widescreen(vi_deck):
    assert (vi_deck.slide_width, vi_deck.slide_height) == (12192000, 6858000)  # 13.333 × 7.5 in


def test_title_slide_has_subtitle_and_its_date(vi_deck):
    text = "\n".join(slide_texts(vi_deck.slides[0]))
    assert "Hà Nội, Đà Nẵng · 2021–2023" in text
    assert "31/01/2026" in text  # dd/mm/yyyy


def test_title_slide_date_in_english():
    prs = deck([], "en", kpis=[], charts=[])
    assert "31 Jan 2026" in "\n".join(slide_texts(prs.slides[0]))
    assert len(prs.slides) == 1  # no key figures, no charts, no notes: only the title slide


@pytest.mark.parametrize(("utc_now", "shown"), [
    (datetime(2026, 12, 7, 18, 30, tzinfo=UTC), "08/12/2026"),   # 01:30 on the 8th in Vietnam
    (datetime(2026, 12, 7, 16, 59, tzinfo=UTC), "07/12/2026"),   # 23:59 on the 7th
])
def test_a_deck_made_without_a_date_carries_todays_date_in_vietnam(monkeypatch, utc_now, shown):
    from khuyencong.i18n import formatting

    class FrozenClock(datetime):
        @classmethod
        def now(cls, tz=None):
            return utc_now.astimezone(tz) if tz else utc_now.replace(tzinfo=None)

    monkeypatch.setattr(formatting, "datetime", FrozenClock)
    prs = Presentation(io.BytesIO(build_deck("Kinh phí", "Nghệ An", [], [], [], "vi")))
    assert shown in "\n".join(slide_texts(prs.slides[0]))


def test_kpi_values_and_labels_are_large(vi_deck):
    slide = vi_deck.slides[1]
    for kpi in KPIS:
        value = [s for s in slide.shapes if s.has_text_frame and s.text_frame.text == kpi.value]
        label = [s for s in slide.shapes if s.has_text_frame and s.text_frame.text == kpi.label]
        assert len(value) == 1 and len(label) == 1
        assert min(sizes(value[0])) >= 32
        assert min(sizes(label[0])) >= 16


@pytest.mark.parametrize(("count", "kpi_slides"), [(1, 1), (4, 1), (6, 1), (7, 2)])
def test_up_to_six_kpis_per_slide(count, kpi_slides):
    prs = deck([], kpis=[Kpi(f"Chỉ số {n}", f"{n},5 tỷ đồng") for n in range(count)], charts=[])
    assert [title_of(s) for s in prs.slides].count("Chỉ số chính") == kpi_slides
    values = [t for s in prs.slides for t in slide_texts(s) if t.endswith("tỷ đồng")]
    assert sorted(values) == sorted(f"{n},5 tỷ đồng" for n in range(count))


@pytest.mark.parametrize("index", [0, 1])
def test_chart_slide_has_a_large_title_the_picture_and_the_footnote(vi_deck, index):
    slide = vi_deck.slides[2 + index]
    assert min(sizes(slide.shapes.title)) >= 28
    pictures = [s for s in slide.shapes if s.shape_type == MSO_SHAPE_TYPE.PICTURE]
    assert len(pictures) == 1
    picture = pictures[0]
    assert picture.image.content_type == "image/png"
    assert picture.width >= vi_deck.slide_width * 0.9  # fills the slide's width
    assert picture.height >= vi_deck.slide_height * 0.6
    assert picture.top >= slide.shapes.title.top + slide.shapes.title.height  # under the title
    footnotes = [s for s in slide.shapes if s.has_text_frame and s.text_frame.text == CHARTS[index].footnote]
    assert len(footnotes) == 1
    footnote = footnotes[0]
    assert min(sizes(footnote)) >= 12
    assert footnote.top >= picture.top + picture.height  # under the picture
    assert footnote.top + footnote.height <= vi_deck.slide_height  # on the slide


def test_quality_slide_lists_every_note_as_a_bullet(vi_deck):
    slide = vi_deck.slides[-1]
    body = [s for s in slide.shapes if s.is_placeholder and s.placeholder_format.idx == 1][0]
    paragraphs = [p for p in body.text_frame.paragraphs if p.text]
    assert [p.text for p in paragraphs] == NOTES
    assert all(run.font.size >= Pt(18) for p in paragraphs for run in p.runs)


def test_no_quality_slide_without_notes():
    prs = deck(["", "  "])
    assert len(prs.slides) == 4
    assert "Chất lượng dữ liệu" not in [title_of(s) for s in prs.slides]
