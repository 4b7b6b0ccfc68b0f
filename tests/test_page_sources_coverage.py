"""The Sources page on the real data: the coverage map (a category per province-year, an empty cell where nothing is
reported, a click that opens Trends for the cell), reports that differ side by side, counts that disagree, the rows
left out and what the real data covers; as a reader sees them, in Vietnamese and English."""

import csv
from dataclasses import replace

import pandas as pd
import pytest
from browser_state import open_tab, runs, steady_point, wait_idle
from conftest import ROOT, chart_data, open_app, serve_dashboard
from streamlit.testing.v1 import AppTest

from khuyencong.data.filters import Filters
from khuyencong.figures.sources import COVERAGE_CATEGORIES, cell_filters, selected_cell
from khuyencong.i18n.labels import t

# Words and numbers as each language shows them.
UI = {
    "vi": {"unit": "Địa bàn", "years": "Năm", "source": "Nguồn kinh phí", "figure": "Loại số", "amount": "Số tiền",
           "title": "Tên tài liệu", "publisher": "Cơ quan/báo đăng", "date": "Ngày", "link": "Liên kết",
           "local": "Địa phương", "plan": "Kế hoạch được duyệt", "estimate": "Ước thực hiện",
           "plan_amount": "8,85 tỷ đồng", "estimate_amount": "8,3 tỷ đồng", "approx": "≈ 3,5 tỷ đồng",
           "lam_dong": "Lâm Đồng (đến 6/2025)", "thai_binh": "Thái Bình (đến 6/2025)", "level": "Cấp",
           "count": "Số lượng", "problem": "Chỗ không khớp", "total": "Tổng", "central": "Trung ương",
           "parts_exceed": "Các phần cộng lại lớn hơn tổng", "reason": "Lý do không dùng", "row_id": "Mã dòng",
           "excluded": "{n} số liệu không dùng, kèm lý do",
           "bd14": "\"Bảy năm\" không ghi năm đầu, năm cuối: kỳ không rõ.",
           "annual": "Số từng năm", "period": "Chỉ có tổng giai đoạn", "plan_only": "Chỉ có kế hoạch/dự kiến",
           "differing": "Các nguồn khác nhau", "none": "Chưa có số liệu",
           "intro": "{p} tỉnh/thành phố**, **{r} khu vực** và **chương trình khuyến công quốc gia**, các năm "
                    "**{y}**, từ **{d} tài liệu**",
           "names": {"binh-dinh": "Bình Định (đến 6/2025)", "bac-giang": "Bắc Giang (đến 6/2025)",
                     "lam-dong": "Lâm Đồng (đến 6/2025)", "quang-tri": "Quảng Trị (đến 6/2025)",
                     "ben-tre": "Bến Tre (đến 6/2025)", "nghe-an": "Nghệ An"}},
    "en": {"unit": "Area", "years": "Years", "source": "Funding source", "figure": "Figure", "amount": "Amount",
           "title": "Title", "publisher": "Publisher", "date": "Date", "link": "Link",
           "local": "Local", "plan": "Approved plan", "estimate": "Estimated executed",
           "plan_amount": "VND 8.85 bn", "estimate_amount": "VND 8.3 bn", "approx": "≈ VND 3.5 bn",
           "lam_dong": "Lâm Đồng (to Jun 2025)", "thai_binh": "Thái Bình (to Jun 2025)", "level": "Level",
           "count": "Count", "problem": "What disagrees", "total": "Total", "central": "Central",
           "parts_exceed": "The parts add up to more than the total", "reason": "Why it is left out",
           "row_id": "Row id", "excluded": "{n} figures left out, with the reason",
           "bd14": "\"Seven years\" with no first or last year: period unknown.",
           "annual": "Annual figure", "period": "Period total only", "plan_only": "Plan or target only",
           "differing": "Sources differ", "none": "Not reported",
           "intro": "{p} provinces/cities**, **{r} regions** and **the national programme**, **{y}**, from "
                    "**{d} documents**",
           "names": {"binh-dinh": "Bình Định (to Jun 2025)", "bac-giang": "Bắc Giang (to Jun 2025)",
                     "lam-dong": "Lâm Đồng (to Jun 2025)", "quang-tri": "Quảng Trị (to Jun 2025)",
                     "ben-tre": "Bến Tre (to Jun 2025)", "nghe-an": "Nghệ An"}},
}


@pytest.fixture(scope="module")
def pages(real_only_db_path):
    """The Sources page on the real-only database, opened once per language (and per extra query string)."""
    opened: dict[tuple, AppTest] = {}

    def _open(lang: str, **params: str) -> AppTest:
        key = (lang, *sorted(params.items()))
        if key not in opened:
            app = open_app(real_only_db_path, timeout=60)
            app.query_params["lang"] = lang
            for name, value in params.items():
                app.query_params[name] = value
            app.switch_page("pages/sources.py")
            opened[key] = app.run()
            assert not opened[key].exception, opened[key].exception
        return opened[key]

    return _open


def table_with(app: AppTest, *columns: str) -> pd.DataFrame:
    for frame in app.dataframe:
        if set(columns) <= set(frame.value.columns):
            return frame.value
    raise AssertionError(f"no table with {columns}; tables: {[list(f.value.columns) for f in app.dataframe]}")


def coverage_cells(app: AppTest, lang: str) -> dict[tuple[str, int], str]:
    """(row name, year) -> the category a reader sees in the heatmap (the legend name of the trace colouring it)."""
    figure = next(f for f in chart_data(app) if any(d.get("type") == "heatmap" for d in f["data"]))
    names = {t(c.label, lang) for c in COVERAGE_CATEGORIES if c.code != "none"}
    cells = {}
    for trace in figure["data"]:
        if trace.get("type") != "heatmap" or trace["name"] not in names:
            continue
        for row, values in zip(trace["y"], trace["z"], strict=True):
            for year, value in zip(trace["x"], values, strict=True):
                if value is not None:
                    assert (row, year) not in cells, f"two categories for {row} {year}"
                    cells[(row, year)] = trace["name"]
    return cells


# --- Reports that differ, side by side --------------------------------------------------------------------------

@pytest.mark.parametrize(("lang", "said"), [("vi", "Không có số liệu cùng loại nào được hai tài liệu báo cáo khác"),
                                          ("en", "No figure of one kind is reported differently")])
def test_a_plan_beside_an_estimate_is_not_two_reports_that_differ(pages, lang, said):
    # Lâm Đồng 2017 (approved plan against an estimate), Bắc Giang 2016–2020 (target against executed): plan and
    # actual, on Plan versus actual; two versions of one kind are in tests/test_differing_reports.py
    assert any(i.value.startswith(said) and ("Plan versus actual" in i.value or "Kế hoạch và thực hiện" in i.value)
               for i in pages(lang).info)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_thai_binh_947_establishments_whose_parts_exceed_the_total_are_listed_as_published(pages, lang):
    words = UI[lang]
    table = table_with(pages(lang), words["level"], words["count"], words["problem"])
    rows = table[table[words["unit"]] == words["thai_binh"]]
    assert list(rows[words["level"]]) == [words["total"], words["central"], words["local"]]
    assert [c.split()[0] for c in rows[words["count"]]] == ["947", "58", "947"]
    assert set(rows[words["problem"]]) == {words["parts_exceed"]}
    assert set(rows[words["years"]]) == {"2012–2022"}


# --- Rows left out, and what the data covers -------------------------------------------------------------------

@pytest.mark.parametrize("lang", ["vi", "en"])
def test_left_out_rows_are_counted_in_the_heading_and_give_their_reason(pages, lang):
    words = UI[lang]
    app = pages(lang)
    # every row of data/sources/excluded_figure.csv (round 1 and round 2 of the research)
    left_out = len(list(csv.DictReader((ROOT / "data" / "sources" / "excluded_figure.csv").open(encoding="utf-8"))))
    assert words["excluded"].format(n=left_out) in [h.value for h in app.subheader]
    table = table_with(app, words["row_id"], words["reason"])
    assert len(table) == left_out
    row = table[table[words["row_id"]] == "BD14"].iloc[0]
    assert row[words["reason"]] == words["bd14"]
    assert row[words["link"]].startswith("http://ven.vn/binh-dinh-province-plans")


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_intro_says_how_many_provinces_regions_years_and_documents_the_real_data_covers(pages, real_db, lang):
    counted = real_db.sql("""
        WITH rows AS (SELECT area_id, year_from AS y0, year_to AS y1, doc_id FROM allocation
                      UNION ALL SELECT area_id, coalesce(year_from, year), year, doc_id FROM outcome
                      UNION ALL SELECT area_id, year, year, doc_id FROM project
                      UNION ALL SELECT area_id, year_from, year_to, doc_id FROM stated_figure)
        SELECT count(DISTINCT r.area_id) FILTER (WHERE a.level = 'province'),
               count(DISTINCT r.area_id) FILTER (WHERE a.level = 'region'), min(r.y0), max(r.y1),
               count(DISTINCT r.doc_id)
        FROM rows AS r JOIN area AS a USING (area_id)""").fetchall()[0]
    provinces, regions, first, last, documents = counted
    assert provinces >= 30 and regions >= 3
    text = UI[lang]["intro"].format(p=provinces, r=regions, y=f"{first}–{last}", d=documents)
    assert any(text in m.value for m in pages(lang).markdown)


# --- The coverage map -------------------------------------------------------------------------------------------

@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize(("area", "year", "category"), [
    ("binh-dinh", 2016, "annual"),  # approved plan 900 central + 2.025 local
    ("nghe-an", 2010, "annual"),
    ("bac-giang", 2013, "period"),  # executed 2011–2015, no annual figure
    ("binh-dinh", 2018, "period"),  # executed 2016–2020 only
    # 2016–2020 central: target 38,35 tỷ (2015) beside executed 6 tỷ (2021): plan and actual, not reports that differ
    ("bac-giang", 2017, "period"),
    ("lam-dong", 2017, "annual"),  # approved plan beside an estimate: the same
    ("quang-tri", 2023, "plan_only"),  # a 2021–2025 target only
    ("lam-dong", 2025, "plan_only"),
    ("ben-tre", 2008, "none"),  # Bến Tre has 2007 only
    ("bac-giang", 2010, "none"),
])
def test_heatmap_cell_category(pages, lang, area, year, category):
    words = UI[lang]
    cells = coverage_cells(pages(lang), lang)
    assert cells.get((words["names"][area], year), words["none"]) == words[category]


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_year_not_reported_is_an_empty_cell_never_a_zero(pages, lang):
    app = pages(lang)
    figure = next(f for f in chart_data(app) if any(d.get("type") == "heatmap" for d in f["data"]))
    name = UI[lang]["names"]["ben-tre"]
    for trace in figure["data"]:
        if trace.get("type") == "heatmap" and name in trace["y"]:
            values = trace["z"][trace["y"].index(name)]
            assert 0 not in values  # a cell is drawn (1) or left empty (None), never given a 0
    clickable = next(d for d in figure["data"] if d.get("customdata"))
    cells = [c[:2] for c in clickable["customdata"]]
    assert ["ben-tre", 2007] in cells and ["ben-tre", 2008] not in cells


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_heatmap_reads_whole_years_vietnamese_names_and_grows_with_its_rows(pages, lang):
    figure = next(f for f in chart_data(pages(lang)) if any(d.get("type") == "heatmap" for d in f["data"]))
    layout = figure["layout"]
    assert layout["xaxis"]["tickformat"] == "d" and layout["xaxis"]["dtick"] in (1, 2)
    rows = layout["yaxis"]["categoryarray"]
    assert len(rows) >= 25 and layout["height"] >= 26 * len(rows)
    assert ("Đắk Lắk (đến 6/2025)" if lang == "vi" else "Đắk Lắk (to Jun 2025)") in rows
    # provinces only by default: no region and not the whole country
    assert not any(r.startswith(("Khu vực", "Toàn quốc", "Whole country")) for r in rows)
    legend = [d["name"] for d in figure["data"] if d.get("type") == "scatter" and d.get("showlegend") is not False]
    assert legend == [t(c.label, lang) for c in COVERAGE_CATEGORIES]


def test_regions_and_the_whole_country_get_their_rows_below_the_provinces_when_selected(pages):
    figure = next(f for f in chart_data(pages("vi", area="lam-dong,kv-dong-nam-bo-2013,toan-quoc"))
                  if any(d.get("type") == "heatmap" for d in f["data"]))
    rows = figure["layout"]["yaxis"]["categoryarray"]
    assert rows[0] == "Lâm Đồng (đến 6/2025)" and rows[-1] == "Toàn quốc" and len(rows) == 3


# --- A click on a cell ------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("selection", "cell"), [
    (None, None),
    ({"points": [], "box": [], "lasso": []}, None),
    ({"points": [{"x": 2017, "y": "Lâm Đồng (đến 6/2025)", "customdata": ["lam-dong", 2017]}]},
     ("lam-dong", 2017, ())),
    ({"points": [{"x": 2016, "customdata": ["binh-dinh", 2016.0, "approved_plan,local"]}]},
     ("binh-dinh", 2016, ("approved_plan", "local"))),
    ({"points": [{"x": 2016, "y": "Bình Định"}]}, None),  # a legend square or the grid: no cell
])
def test_selected_cell(selection, cell):
    assert selected_cell(selection) == cell


def test_a_cell_filters_to_its_unit_and_year_and_keeps_the_rest():
    before = Filters(lang="en", unit_mode="reported", areas=("nghe-an", "ha-tinh"), year_from=2002, year_to=2025,
                     sources=("local",), include_illustrative=True)
    assert cell_filters(before, "lam-dong", 2017) == replace(before, areas=("lam-dong",), year_from=2017,
                                                             year_to=2017)


KIND_ORDER = ("allocated", "disbursed", "settled", "approved_plan", "proposed", "target", "estimated_executed")


@pytest.mark.parametrize(("current", "kinds", "opened"), [
    ("allocated", ("allocated", "target"), "allocated"),        # the cell has the kind in view: kept
    ("allocated", ("approved_plan", "disbursed", "estimated_executed"), "disbursed"),  # Lâm Đồng 2017: first in order
    ("target", ("approved_plan", "target"), "target"),
    ("allocated", (), "allocated"),
])
def test_a_cell_opens_trends_on_a_kind_of_figure_it_has(current, kinds, opened):
    """Trends shows one kind at a time: a cell holding only plans or estimates opens Trends on one of them, not on an
    empty chart of allocations."""
    before = Filters(year_from=2002, year_to=2025, kind=current)
    assert cell_filters(before, "lam-dong", 2017, kinds, KIND_ORDER).kind == opened


@pytest.mark.slow
@pytest.mark.chromium
def test_clicking_a_cell_in_the_browser_opens_trends_for_that_province_and_year(real_only_db_path, browser):
    """In Chromium: hover a cell (its hover names the cell), click it, and land on Trends with the URL and the
    sidebar set to that province and year."""
    with serve_dashboard(real_only_db_path) as base:
        page = open_tab(browser, f"{base}/sources?lang=vi", viewport={"width": 1440, "height": 1000})
        page.wait_for_selector("[data-testid='stPlotlyChart'] .js-plotly-plot .heatmaplayer", timeout=60000)
        # The cell's centre in the page, from the chart's own axes, once scrolled to the middle of the screen (the
        # map of 40-odd provinces is taller than the window) and no longer moving.
        x, y = steady_point(page, """(row) => {
            const chart = document.querySelector('[data-testid="stPlotlyChart"] .js-plotly-plot');
            const layout = chart._fullLayout, box = chart.getBoundingClientRect();
            const point = [box.left + layout.xaxis._offset + layout.xaxis.d2p(2019),
                           box.top + layout.yaxis._offset + layout.yaxis.d2p(row)];
            let scroller = chart.parentElement;
            const scrolls = (el) => el.scrollHeight > el.clientHeight
                && /auto|scroll/.test(getComputedStyle(el).overflowY);
            while (scroller && !scrolls(scroller)) scroller = scroller.parentElement;
            const off = point[1] - window.innerHeight / 2;
            if (scroller && Math.abs(off) > 40) scroller.scrollTop += off;
            return point;
        }""", "Lâm Đồng (đến 6/2025)")
        page.mouse.move(x, y)
        page.wait_for_selector(".hoverlayer .hovertext", timeout=10000)
        assert "Lâm Đồng (đến 6/2025) · 2019" in page.locator(".hoverlayer .hovertext").text_content()
        before = runs(page)
        page.mouse.click(x, y)
        page.wait_for_function("() => window.location.pathname.endsWith('/trends')", timeout=60000)
        wait_idle(page, after=before)
        assert page.evaluate("() => window.location.search") == "?area=lam-dong&years=2019-2019"
        assert page.locator("h1").first.inner_text() == "Xu hướng kinh phí"
        sidebar = page.locator("[data-testid='stSidebar']").inner_text()
        assert "Lâm Đồng" in sidebar and "Tất cả" not in sidebar.split("Giai đoạn")[0].split("khu vực")[-1]
        page.close()


def test_with_illustrative_data_the_map_says_so_outside_its_folded_list_of_documents(demo_db_path):
    app = open_app(demo_db_path, timeout=60)
    app.query_params["demo"] = "1"
    app.switch_page("pages/sources.py").run()
    assert not app.exception
    # the standalone caption; inside the expander it would start a longer line that lists the documents
    outside = [c.value for c in app.main.caption]
    assert "**Có dữ liệu minh họa (không phải số liệu thật).**" in outside
