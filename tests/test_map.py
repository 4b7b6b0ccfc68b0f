"""The map of Vietnam (figures/map.py, render/maps.py): the values drawn for a known view of the published figures,
not reported drawn grey and never as zero, qualified and partial units marked, Hoàng Sa and Trường Sa labelled on
every map in both languages, in the PNG/SVG export and in the slide deck, and the map on the Overview and Compare
pages."""

import csv
import io
import json
import re

import plotly.graph_objects as go
import plotly.io as pio
import pytest
from conftest import ROOT, chart_data, run_page
from PIL import Image
from pptx import Presentation

from khuyencong.data.database import Database
from khuyencong.data.filters import Filters
from khuyencong.data.queries import database_query
from khuyencong.figures.map import MEASURES, selected_unit
from khuyencong.render.deck import SlideChart, build_deck
from khuyencong.render.images import figure_for_export, render_image
from khuyencong.render.maps import map_figure_for, shape_ids

ARCHIPELAGOS = list(csv.DictReader((ROOT / "data/reference/boundaries/archipelagos.csv").open(encoding="utf-8")))
NAMES = {lang: [row[f"name_{lang}"] for row in ARCHIPELAGOS] for lang in ("vi", "en")}
NOT_REPORTED = {"vi": "Không có số liệu", "en": "Not reported"}


@pytest.fixture(scope="module")
def query(real_only_db_path):
    return database_query(Database(real_only_db_path))


def traces(fig, kind: str) -> list:
    return [tr for tr in fig.data if tr.type == kind]


def values_of(fig) -> dict[str, float]:
    """unit -> colour value of the trace that carries the figures (the choropleth with a colour bar)."""
    trace = next(tr for tr in traces(fig, "choropleth") if tr.showscale is not False)
    return dict(zip(trace.locations, trace.z))


def hover_of(fig, unit: str) -> str:
    for trace in traces(fig, "choropleth"):
        if unit in trace.locations:
            return trace.hovertext[list(trace.locations).index(unit)]
    raise KeyError(unit)


def not_reported(fig, lang: str = "vi"):
    return next(tr for tr in traces(fig, "choropleth") if tr.name == NOT_REPORTED[lang])


def archipelago_labels(fig) -> list[str]:
    """The labels written on the map, with the line break shown as a space."""
    return [text.replace("<br>", " ") for tr in traces(fig, "scattergeo") if tr.mode == "text" and tr.text
            for text in tr.text if "<br>" in text]


def test_money_of_the_published_allocations_province_by_province(query):
    fig = map_figure_for(query, Filters())
    # 63 provinces, each drawn once: the ones with a published allocation, and the rest grey.
    grey = not_reported(fig)
    values = values_of(fig)
    assert sorted([*grey.locations, *values]) == sorted(shape_ids(False)) and len(shape_ids(False)) == 63
    # Nghệ An: 60 tỷ of annual local allocations 2002–2018 and the central 16,3 tỷ of 2002–2018 (a period total the
    # rule counts), flagged ⚑: the yearly local figures add up to 60 tỷ against the 53,7 tỷ the article states.
    assert "76,3 tỷ đồng ⚑ · Phân bổ" in hover_of(fig, "nghe-an")
    # Lâm Đồng's "trên 9 tỷ" of 2019 holds about 7 tỷ of recoverable loans (LD6): its khuyến công part keeps the sign
    assert "&gt; 2 tỷ đồng · Phân bổ" in hover_of(fig, "lam-dong")
    assert "Nghệ An: 70 tỷ đồng hỗ trợ hoạt động khuyến công" in hover_of(fig, "nghe-an")  # its document's title
    # Bình Định's 3,62 tỷ of 2017 is a combined total (BD7: a stated total, not an allocation); Hải Phòng's 1,8 tỷ
    # of national money in 2020 (HP1r2) is an allocation
    assert set(values) == {"bac-giang", "hai-phong", "lam-dong", "long-an", "nghe-an", "ninh-binh", "quang-ninh"}
    # Not reported is never a value of zero: grey shapes are a trace of their own, said so in words.
    assert not set(grey.locations) & set(values) and 0 not in values.values()
    assert "ha-tinh" in grey.locations and "không có số liệu" in hover_of(fig, "ha-tinh")


def test_qualified_figures_carry_their_sign_on_the_map(query):
    fig = map_figure_for(query, Filters())
    marks = next(tr for tr in traces(fig, "scattergeo") if tr.name == "qualified")
    assert sorted(marks.text) == ["(>≈)", ">"]  # Ninh Bình's sum mixes signs; Lâm Đồng is "trên 9 tỷ"
    assert any(tr.name.startswith("Số có dấu") for tr in fig.data)


@pytest.mark.parametrize(("kind", "unit", "text"), [
    # LD7: "hơn 96 tỷ" 2012–2023, of which > 39 tỷ provincial budget and > 56 tỷ recycled loans (not khuyến công)
    ("executed", "lam-dong", "&gt; 39 tỷ đồng · Thực hiện / đã chi"),
    ("allocated", "bac-giang", "3,78 tỷ đồng · Phân bổ"),
])
def test_the_kind_filter_picks_the_figures(query, kind, unit, text):
    assert text in hover_of(map_figure_for(query, Filters(kind=kind)), unit)


def test_plan_execution_rate_of_one_published_pair(query):
    fig = map_figure_for(query, Filters(), "execution")
    assert set(values_of(fig)) == {"bac-giang", "lam-dong"}
    # Bắc Giang 2016–2020: > 30,72 tỷ executed against the 141,35 tỷ target.
    assert "&gt; 21,7%" in hover_of(fig, "bac-giang") and "141,35 tỷ đồng" in hover_of(fig, "bac-giang")


def test_34_units_give_34_shapes_with_partial_units_marked(query):
    fig = map_figure_for(query, Filters(unit_mode="current"))
    values = values_of(fig)
    assert sorted([*not_reported(fig).locations, *values]) == sorted(shape_ids(True)) and len(shape_ids(True)) == 34
    # Bắc Giang's figures count under the new Bắc Ninh, whose other old province (Bắc Ninh) reports none.
    assert "bac-giang" not in values and "3,78 tỷ đồng" in hover_of(fig, "bac-ninh-2025")
    assert "76,3 tỷ đồng" in hover_of(fig, "nghe-an")
    assert "Chưa có số liệu của: Bắc Ninh (đến 6/2025)" in hover_of(fig, "bac-ninh-2025")
    partial = next(tr for tr in traces(fig, "scattergeo") if tr.name == "partial")
    assert len(partial.text) == 5 and any(tr.name == "* Chưa đủ số liệu các tỉnh cũ" for tr in fig.data)
    assert "Chưa có số liệu" not in hover_of(fig, "nghe-an")  # one province, unchanged: whole


def test_selected_areas_are_outlined_and_the_others_keep_their_figures(query):
    fig = map_figure_for(query, Filters(areas=("nghe-an",)))
    assert len(values_of(fig)) == 7  # the selection does not turn the other provinces grey
    trace = next(tr for tr in traces(fig, "choropleth") if "nghe-an" in tr.locations)
    widths = dict(zip(trace.locations, trace.marker.line.width))
    assert widths["nghe-an"] > widths["bac-giang"]
    assert any(tr.name == "Đang chọn" for tr in fig.data)


def test_illustrative_values_are_flagged(demo_db_path):
    fig = map_figure_for(database_query(Database(demo_db_path)), Filters(include_illustrative=True))
    assert fig.layout.title.text.endswith("<br>63 tỉnh · gồm dữ liệu minh họa")
    assert "Dữ liệu minh họa" in hover_of(fig, "ha-tinh")


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("units", ["reported", "current"])
@pytest.mark.parametrize("measure", MEASURES)
def test_both_archipelagos_are_labelled_on_every_map(query, lang, units, measure):
    fig = map_figure_for(query, Filters(lang=lang, unit_mode=units), measure)
    assert archipelago_labels(fig) == NAMES[lang]
    assert NOT_REPORTED[lang] in [tr.name for tr in fig.data]
    assert all(name in fig.layout.meta["alt"] for name in NAMES[lang])


def test_every_copy_of_a_map_draws_every_shape_once_and_none_can_change_them(query):
    """The boundaries are shared between figures, not copied: a copy (the screen's, an export's) and the JSON spec
    still hold every shape exactly once, and changing the shapes of one figure is refused."""
    fig = map_figure_for(query, Filters())
    copied = go.Figure(fig)
    spec = json.loads(pio.to_json(copied))
    drawn = [f["properties"]["area_id"] for tr in spec["data"] if tr["type"] == "choropleth"
             for f in tr["geojson"]["features"]]
    assert sorted(drawn) == sorted(shape_ids(False)) and len(drawn) == 63
    with pytest.raises(TypeError):
        copied.data[0].geojson["features"] = ()
    assert len(fig.data[0].geojson["features"]) + len(fig.data[1].geojson["features"]) == 63


def test_a_click_on_a_shape_names_its_unit():
    assert selected_unit({"points": [{"customdata": ["nghe-an", "Nghệ An"]}]}) == "nghe-an"
    assert selected_unit({"points": [{"point_index": 0}]}) is None  # an archipelago label
    assert selected_unit({}) is None


@pytest.mark.chromium
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_exports_hold_the_map_and_both_archipelago_labels(query, lang):
    fig = figure_for_export(map_figure_for(query, Filters(lang=lang)), "Nguồn: Báo Công Thương")
    png = render_image(fig, "png")
    image = Image.open(io.BytesIO(png)).convert("RGB")
    assert image.size == (1600, 900)
    colours = {image.getpixel((x, y)) for x in range(0, 1600, 8) for y in range(0, 900, 8)}
    assert (200, 200, 200) in colours  # the grey of the provinces not reported was drawn: the map rendered
    svg = render_image(fig, "svg").decode("utf-8")
    text = re.sub(r"\s+", " ", " ".join(re.findall(r">([^<>]+)<", svg)))
    for name in NAMES[lang]:
        for line in name.replace(" (", "\n(").split("\n"):  # the label's two lines
            assert line in text
    assert NOT_REPORTED[lang] in text and fig.layout.title.text.split(" — ")[0] in text
    assert "Nguồn: Báo Công Thương" in text


@pytest.mark.chromium
def test_the_deck_has_the_map_slide_with_the_archipelagos_in_its_notes(query):
    fig = map_figure_for(query, Filters())
    title = fig.layout.title.text.replace("<br>", " · ")  # as presenting.show_chart registers it
    deck = Presentation(io.BytesIO(build_deck("Khuyến công", "Tất cả · 2002–2025", [],
                                              [SlideChart(title, fig, "Nguồn: …")], [], "vi")))
    slide = deck.slides[1]
    # the sum over each province's reported years says it is one (the map's default is the latest year)
    assert slide.shapes.title.text == ("Kinh phí khuyến công — Phân bổ, tổng các năm có số (mỗi tỉnh một khoảng năm "
                                       "khác nhau), 2002–2025 · 63 tỉnh")
    picture = next(s for s in slide.shapes if s.shape_type == 13)  # MSO_SHAPE_TYPE.PICTURE
    alt = picture._element.nvPicPr.cNvPr.get("descr")
    notes = slide.notes_slide.notes_text_frame.text
    for name in NAMES["vi"]:
        assert name in alt and name in notes
    assert "Không có số liệu" in notes
    assert Image.open(io.BytesIO(picture.image.blob)).size[0] > 1000


@pytest.mark.parametrize(("page", "key"), [(None, 0), ("pages/compare.py", 1)])
def test_the_map_is_on_the_overview_and_compare_pages(real_only_db_path, page, key):
    app = run_page(real_only_db_path, page)
    assert not app.exception
    maps = [c for c in chart_data(app) if any(tr.get("type") == "choropleth" for tr in c["data"])]
    assert len(maps) == 1
    names = [tr.get("name") for tr in maps[0]["data"]]
    assert "Không có số liệu" in names and "Quần đảo Hoàng Sa (Đà Nẵng)" in names
    assert "Quần đảo Trường Sa (Khánh Hòa)" in names
    # The boundaries are not in the spec sent on every rerun: the browser fetches them once from the static folder.
    choropleths = [tr for tr in maps[0]["data"] if tr["type"] == "choropleth"]
    assert {tr["geojson"] for tr in choropleths} == {"app/static/boundaries/provinces_2008_2025.geojson"}
    assert sorted(u for tr in choropleths for u in tr["locations"]) == sorted(shape_ids(False))
    assert len(json.dumps(maps[0])) < 50_000   # 214.000 characters with the coordinates inline


@pytest.mark.parametrize("name", ["provinces_2008_2025.geojson", "units_2025.geojson"])
def test_the_static_boundaries_are_the_reference_files(name):
    """What the browser draws is what images, slides and tests read (etl/boundaries.py writes both)."""
    static = (ROOT / "static" / "boundaries" / name).read_bytes()
    assert static == (ROOT / "data" / "reference" / "boundaries" / name).read_bytes()


def test_the_map_unit_switch_is_the_shared_unit_mode(real_only_db_path):
    app = run_page(real_only_db_path, None, area="bac-giang")
    next(r for r in app.radio if r.key == "overview_map_units").set_value("current").run()
    # The whole dashboard goes to the 34 units, the selected province becoming its 2025 unit, in the URL too.
    assert app.query_params["units"] == "current" and app.query_params["area"] == "bac-ninh-2025"
    maps = [c for c in chart_data(app) if any(tr.get("type") == "choropleth" for tr in c["data"])]
    assert sum(len(tr["locations"]) for tr in maps[0]["data"] if tr["type"] == "choropleth") == 34
