"""A 16:9 PowerPoint deck of the current view for presenters: title, key figures, one slide per chart, data quality.

Everything is sized to be read from the back of a hall: slide titles ≥ 28 pt, key figures ≥ 32 pt, notes ≥ 18 pt.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date

import plotly.graph_objects as go
from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.util import Emu, Inches, Pt

from khuyencong.i18n.formatting import format_date, vietnam_today
from khuyencong.i18n.labels import N_, t
from khuyencong.render.images import MIN_CROWDED_TICK_PX, category_labels, figure_for_export, render_image

SLIDE_WIDTH, SLIDE_HEIGHT = Emu(12192000), Emu(6858000)  # 13.333 × 7.5 in
MARGIN = Inches(0.4)
HEADINGS = {"kpis": N_("pr_deck_kpis"), "quality": N_("pr_deck_quality")}
KPIS_PER_SLIDE = 6
NOTES_PER_SLIDE = 8
TITLE_PT, SLIDE_TITLE_PT = 40, 32
SUBTITLE_PT, DATE_PT = 26, 22
KPI_VALUE_PT, KPI_VALUE_MIN_PT, KPI_LABEL_PT = 44, 32, 18
KPI_PAD = Inches(0.14)
FOOTNOTE_PT, FOOTNOTE_LONG_PT = 14, 12
NOTE_PT, NOTE_MANY_PT = 22, 18
ILLUSTRATIVE = RGBColor(0xCC, 0x00, 0x00)  # the watermark's red
INK, MUTED, ACCENT, CARD = RGBColor(0x22, 0x22, 0x22), RGBColor(0x55, 0x55, 0x55), RGBColor(0x00, 0x72, 0xB2), \
    RGBColor(0xF2, 0xF5, 0xF8)
# The chart picture: between the slide title and the footnote, as wide as the slide allows. It is rendered at
# PX_PER_INCH CSS px per inch of slide, so 22 px chart text shows at about 18 pt, and at 2× for a sharp projection.
CHART_TOP = Inches(1.25)
EMU_PER_PT, CHAR_EM = 12700, 0.55  # a generous average glyph width, so the footnote box is tall enough
PX_PER_INCH, PICTURE_SCALE = 90, 2
CHART_CHROME_PX = 190  # legend, x axis and margins around the rows of a horizontal bar chart

LAYOUT_TITLE, LAYOUT_TITLE_CONTENT, LAYOUT_TITLE_ONLY = 0, 1, 5  # python-pptx's default template


@dataclass
class Kpi:
    label: str
    value: str
    illustrative: bool = False  # the figure holds illustrative rows: its card carries the mark (watermark_illustrative)


@dataclass
class SlideChart:
    title: str
    figure: go.Figure
    footnote: str
    watermark: str | None = None  # "MINH HỌA" when the chart holds illustrative figures


@dataclass
class Section:
    """A divider slide with a page's name, before that page's charts in the whole-dashboard deck."""

    title: str


def heading(key: str, lang: str) -> str:
    return t(HEADINGS[key], lang)


def _style(paragraph, size: int, bold: bool = False, colour: RGBColor = INK, align=None) -> None:
    if align is not None:
        paragraph.alignment = align
    for run in paragraph.runs:
        run.font.size = Pt(size)
        run.font.bold = bold
        run.font.color.rgb = colour


def _set_title(slide, text: str, size: int = SLIDE_TITLE_PT) -> None:
    """The layout's title placeholder (so outline view and screen readers see it), moved to the top band."""
    shape = slide.shapes.title
    shape.left, shape.top, shape.width, shape.height = MARGIN, Inches(0.25), SLIDE_WIDTH - 2 * MARGIN, Inches(0.95)
    shape.text_frame.text = text
    shape.text_frame.word_wrap = True
    shape.text_frame.vertical_anchor = MSO_ANCHOR.MIDDLE
    _style(shape.text_frame.paragraphs[0], size, bold=True, align=PP_ALIGN.LEFT)


def _text_box(slide, left, top, width, height, lines: list[str], size: int, bold: bool = False,
              colour: RGBColor = INK, align=PP_ALIGN.LEFT, anchor=MSO_ANCHOR.TOP):
    box = slide.shapes.add_textbox(left, top, width, height)
    frame = box.text_frame
    frame.word_wrap = True
    frame.vertical_anchor = anchor
    for index, line in enumerate(lines):
        paragraph = frame.paragraphs[0] if index == 0 else frame.add_paragraph()
        paragraph.text = line
        _style(paragraph, size, bold, colour, align)
    return box


def _chunks(items: list, size: int) -> list[list]:
    return [items[i:i + size] for i in range(0, len(items), size)]


def _title_slide(prs, title: str, subtitle: str, lang: str, made_on: date) -> None:
    slide = prs.slides.add_slide(prs.slide_layouts[LAYOUT_TITLE])
    shape = slide.shapes.title
    shape.left, shape.top, shape.width, shape.height = Inches(0.9), Inches(1.9), SLIDE_WIDTH - Inches(1.8), Inches(1.9)
    shape.text_frame.text = title
    shape.text_frame.word_wrap = True
    shape.text_frame.vertical_anchor = MSO_ANCHOR.BOTTOM
    _style(shape.text_frame.paragraphs[0], TITLE_PT, bold=True, align=PP_ALIGN.LEFT)
    body = slide.placeholders[1]
    body.left, body.top, body.width, body.height = Inches(0.9), Inches(4.0), SLIDE_WIDTH - Inches(1.8), Inches(2.2)
    frame = body.text_frame
    frame.text = subtitle
    frame.word_wrap = True
    _style(frame.paragraphs[0], SUBTITLE_PT, colour=INK, align=PP_ALIGN.LEFT)
    stamp = frame.add_paragraph()
    stamp.text = format_date(made_on, lang)
    _style(stamp, DATE_PT, colour=MUTED, align=PP_ALIGN.LEFT)
    stamp.space_before = Pt(18)


def _kpi_slide(prs, kpis: list[Kpi], lang: str) -> None:
    """Up to six figures in a grid: one row of up to three, or two rows (2 × 2, or 3 + 3)."""
    slide = prs.slides.add_slide(prs.slide_layouts[LAYOUT_TITLE_ONLY])
    _set_title(slide, heading("kpis", lang))
    columns = len(kpis) if len(kpis) <= 3 else (2 if len(kpis) == 4 else 3)
    rows = -(-len(kpis) // columns)
    gap = Inches(0.25)
    area_top, area_height = Inches(1.5), SLIDE_HEIGHT - Inches(1.5) - Inches(0.5)
    cell_w = (SLIDE_WIDTH - 2 * MARGIN - (columns - 1) * gap) // columns
    cell_h = min(Inches(2.6), (area_height - (rows - 1) * gap) // rows)
    top0 = area_top + (area_height - rows * cell_h - (rows - 1) * gap) // 2
    longest = max(len(k.value) for k in kpis)
    fitting = (cell_w - 2 * KPI_PAD - Inches(0.2)) / EMU_PER_PT / (longest * 0.62)  # bold digits and letters are wide
    value_pt = max(KPI_VALUE_MIN_PT, min(KPI_VALUE_PT, int(fitting)))
    for index, kpi in enumerate(kpis):
        row, column = divmod(index, columns)
        left = MARGIN + column * (cell_w + gap)
        top = top0 + row * (cell_h + gap)
        card = slide.shapes.add_shape(1, left, top, cell_w, cell_h)  # MSO_SHAPE.RECTANGLE
        card.fill.solid()
        card.fill.fore_color.rgb = CARD
        card.line.fill.background()
        card.shadow.inherit = False
        card.text_frame.text = ""
        _text_box(slide, left + KPI_PAD, top + Inches(0.15), cell_w - 2 * KPI_PAD, cell_h * 11 // 20,
                  [kpi.value], value_pt, bold=True, colour=ACCENT, anchor=MSO_ANCHOR.BOTTOM)
        _text_box(slide, left + KPI_PAD, top + cell_h * 11 // 20 + Inches(0.2), cell_w - 2 * KPI_PAD,
                  cell_h * 9 // 20 - Inches(0.35), [kpi.label], KPI_LABEL_PT, colour=INK)
        if kpi.illustrative:
            # On the card itself, as the metric's badge on screen: a figure of real rows only carries none.
            mark = _text_box(slide, left + KPI_PAD, top + Inches(0.08), cell_w - 2 * KPI_PAD, Inches(0.4),
                             [t("watermark_illustrative", lang)], FOOTNOTE_PT + 2, bold=True, colour=ILLUSTRATIVE,
                             align=PP_ALIGN.RIGHT)
            mark.name = "kpi_illustrative"


def _px_per_inch(fig: go.Figure, height_in: float) -> float:
    """PX_PER_INCH, or more for a chart with many rows (34 provinces), so every row keeps a label that fits."""
    rows = len(dict.fromkeys(category_labels(fig, "y")))
    needed = rows * MIN_CROWDED_TICK_PX * 1.25 + CHART_CHROME_PX
    return max(PX_PER_INCH, needed / height_in)


def _chart_slide(prs, chart: SlideChart) -> None:
    """The slide title carries the chart title and a text box the footnote, so the picture repeats neither."""
    slide = prs.slides.add_slide(prs.slide_layouts[LAYOUT_TITLE_ONLY])
    _set_title(slide, chart.title)
    width = SLIDE_WIDTH - 2 * MARGIN
    note = " ".join(chart.footnote.split())
    note_pt = FOOTNOTE_PT if len(note) <= 280 else FOOTNOTE_LONG_PT
    note_lines = -(-len(note) // int(width / EMU_PER_PT / (note_pt * CHAR_EM))) if note else 0
    note_height = Pt(note_lines * note_pt * 1.25) + Inches(0.12) if note else 0
    height = SLIDE_HEIGHT - CHART_TOP - note_height - Inches(0.2)
    density = _px_per_inch(chart.figure, height / 914400)
    px_w, px_h = round(width / 914400 * density), round(height / 914400 * density)
    untitled = go.Figure(chart.figure)
    untitled.update_layout(title_text="")
    image = render_image(figure_for_export(untitled, "", px_w, px_h, chart.watermark), "png", px_w, px_h,
                         scale=PICTURE_SCALE)
    picture = slide.shapes.add_picture(io.BytesIO(image), MARGIN, CHART_TOP, width, height)
    if chart.watermark:
        _watermark(slide, chart.watermark)
    if alt := alt_text(chart.figure):
        # What the picture shows in words (a map's legend and its place names): the picture's alternative text,
        # and the speaker notes, where a presenter reads it and a search finds it.
        picture._element.nvPicPr.cNvPr.set("descr", alt)  # noqa: SLF001 - python-pptx has no API for alt text
        slide.notes_slide.notes_text_frame.text = alt
    if note:
        box = _text_box(slide, MARGIN, SLIDE_HEIGHT - note_height - Inches(0.15), width, note_height, [note],
                        note_pt, colour=MUTED, anchor=MSO_ANCHOR.BOTTOM)
        frame = box.text_frame
        frame.margin_top = frame.margin_bottom = Inches(0.03)


def _section_slide(prs, section: Section) -> None:
    slide = prs.slides.add_slide(prs.slide_layouts[LAYOUT_TITLE_ONLY])
    _set_title(slide, section.title, TITLE_PT)
    shape = slide.shapes.title
    shape.top, shape.height = Inches(2.6), Inches(1.6)


def _watermark(slide, text: str) -> None:
    """The watermark as text on the slide too (over the picture's own), so a reader of the file finds it."""
    box = _text_box(slide, SLIDE_WIDTH - MARGIN - Inches(3.2), Inches(0.05), Inches(3.2), Inches(0.5), [text],
                    FOOTNOTE_PT + 6, bold=True, colour=ILLUSTRATIVE, align=PP_ALIGN.RIGHT)
    box.name = "watermark"


def alt_text(fig: go.Figure) -> str:
    """The words a chart gives for its picture (layout.meta["alt"], set by render/maps.py); empty for most charts."""
    meta = fig.layout.meta
    return str(meta.get("alt", "")) if isinstance(meta, dict) else ""


def _quality_slide(prs, notes: list[str], lang: str) -> None:
    slide = prs.slides.add_slide(prs.slide_layouts[LAYOUT_TITLE_CONTENT])
    _set_title(slide, heading("quality", lang))
    body = slide.placeholders[1]
    body.left, body.top = MARGIN, Inches(1.4)
    body.width, body.height = SLIDE_WIDTH - 2 * MARGIN, SLIDE_HEIGHT - Inches(1.4) - Inches(0.4)
    frame = body.text_frame
    frame.word_wrap = True
    size = NOTE_PT if len(notes) <= 5 and sum(len(n) for n in notes) <= 600 else NOTE_MANY_PT
    for index, note in enumerate(notes):
        paragraph = frame.paragraphs[0] if index == 0 else frame.add_paragraph()
        paragraph.text = " ".join(note.split())
        paragraph.space_after = Pt(8)
        _style(paragraph, size, colour=INK)


def build_deck(title: str, subtitle: str, kpis: list[Kpi], charts: list[SlideChart | Section],
               quality_notes: list[str], lang: str = "vi", made_on: date | None = None) -> bytes:
    """A 16:9 .pptx (13.333 × 7.5 in) as bytes.

    Slides: the title (title; subtitle = areas, years; made_on, else today in Vietnam, as the UI language writes
    it), the key figures (up to six per slide; none when kpis is empty), one slide per chart (the chart title as
    slide title, the chart as a picture rendered by Kaleido filling the slide, the footnote under it) and, only when
    there are quality
    notes, "Chất lượng dữ liệu"/"Data quality" with the notes as bullets (eight per slide). A Section among the
    charts is a divider slide with its title (the page the charts after it come from, in the whole-dashboard deck).
    """
    prs = Presentation()
    prs.slide_width, prs.slide_height = SLIDE_WIDTH, SLIDE_HEIGHT
    _title_slide(prs, title, subtitle, lang, made_on or vietnam_today())
    for group in _chunks(list(kpis), KPIS_PER_SLIDE):
        _kpi_slide(prs, group, lang)
    for chart in charts:
        if isinstance(chart, Section):
            _section_slide(prs, chart)
        else:
            _chart_slide(prs, chart)
    notes = [n for n in quality_notes if n and n.strip()]
    for group in _chunks(notes, NOTES_PER_SLIDE):
        _quality_slide(prs, group, lang)
    out = io.BytesIO()
    prs.save(out)
    return out.getvalue()
