"""Overview and Funding trends, run through dashboard.py as Streamlit runs them, in both languages."""

import pytest
from conftest import as_shown, chart_data, details_notes, run_page, source_list

TRENDS = "pages/trends.py"


def metrics(app) -> dict[str, str]:
    return {m.label: m.value for m in app.metric}


def trace(figure: dict, name: str) -> dict:
    return next(t for t in figure["data"] if t.get("name") == name)


# ⚑: Nghệ An's yearly local figures add up to 60 tỷ for 2002–2018 against the 53,7 tỷ the article states
@pytest.mark.parametrize(("lang", "label", "value"), [
    ("vi", "Tổng kinh phí khuyến công", "40 tỷ đồng ⚑"),
    ("en", "Total khuyến công funding", "VND 40 bn ⚑"),
])
def test_overview_kpi_nghe_an_local_2007_2016(demo_db_path, lang, label, value):
    app = run_page(demo_db_path, lang=lang, area="nghe-an", years="2007-2016", source="local")
    assert metrics(app)[label] == value


def test_overview_adds_the_central_period_total_only_when_it_lies_inside_the_years(real_only_db_path):
    inside = run_page(real_only_db_path, area="nghe-an", years="2002-2018", source="local,central")
    assert metrics(inside)["Tổng kinh phí khuyến công"] == "76,3 tỷ đồng ⚑"  # 60 annual local + 16,3 central
    assert metrics(inside)["Tỷ trọng Trung ương"] == "21,4%"
    partly = run_page(real_only_db_path, area="nghe-an", years="2007-2016", source="local,central")
    assert metrics(partly)["Tổng kinh phí khuyến công"] == "40 tỷ đồng ⚑"
    assert any("Trung ương 2002–2018 (16,3 tỷ đồng)" in note for note in details_notes(partly))


def test_overview_counts_not_reported_as_not_reported(real_only_db_path):
    app = run_page(real_only_db_path, area="thai-binh")
    shown = metrics(app)
    assert shown["Tổng kinh phí khuyến công"] == "không có số liệu"
    # the 2016 article lists kinds of activity, not đề án; the documents' own count is 466 for 2012–2022 (TB1)
    assert shown["Đề án trong danh mục"] == "không có số liệu"
    assert shown["Số đề án theo tài liệu"] == "466 (2012–2022)"
    assert shown["Vốn đối ứng / 1 đồng khuyến công"] == "không có số liệu"


def test_overview_says_when_illustrative_data_is_in_view(demo_db_path, real_only_db_path):
    with_demo = run_page(demo_db_path, demo="1", area="ha-tinh")
    assert any("Có dữ liệu minh họa" in c.value for c in with_demo.caption)
    real = run_page(real_only_db_path, area="nghe-an")
    assert not any("minh họa" in c.value for c in real.caption)
    assert "Báo Công Thương, 09/08/2018" in source_list(real)


def test_trend_chart_holds_nghe_an_local_4000_trieu_in_2007(demo_db_path):
    app = run_page(demo_db_path, TRENDS, area="nghe-an")
    local = trace(chart_data(app)[0], "Địa phương")
    by_year = dict(zip(local["x"], local["customdata"]))
    assert by_year[2007] == ["4 tỷ đồng", 4000.0, "local"]  # [2]: the source a click on the bar filters to
    assert by_year[2018] == ["4,5 tỷ đồng", 4500.0, "local"]


def test_trend_chart_marks_the_central_period_total_and_never_spreads_it(real_only_db_path):
    app = run_page(real_only_db_path, TRENDS, area="nghe-an")
    figure = chart_data(app)[0]
    assert [t["name"] for t in figure["data"]] == ["Địa phương", "Tổng"]
    texts = [as_shown(c.value) for c in app.caption]  # on screen the chart's notes are text under it
    assert "Trung ương 2002–2018: tổng giai đoạn 16,3 tỷ đồng, không có số từng năm" in texts
    assert "Địa phương 2002–2018: nguồn nêu tổng 53,7 tỷ đồng; các năm cộng lại 60 tỷ đồng" in texts


def test_estimate_view_is_drawn_and_labelled_as_an_estimate(real_only_db_path):
    app = run_page(real_only_db_path, TRENDS, area="nghe-an")
    app.toggle(key="trend_estimate").set_value(True).run()
    estimate = trace(chart_data(app)[0], "Trung ương: ước tính chia đều")
    assert len(estimate["x"]) == 17 and estimate["marker"]["pattern"]["shape"] == "/"
    assert estimate["customdata"][0] == ["958,8 triệu đồng (ước tính)", 16300 / 17]
    assert any("ƯỚC TÍNH" in w.value for w in app.warning)


def test_real_values_use_the_cpi(real_only_db_path):
    app = run_page(real_only_db_path, TRENDS, area="nghe-an")
    app.radio(key="trend_value_mode").set_value("real").run()
    local = trace(chart_data(app)[0], "Địa phương")
    by_year = dict(zip(local["x"], local["customdata"]))
    assert by_year[2007][1] == pytest.approx(4000 * 100 / 35.5592, rel=1e-6)
    assert chart_data(app)[0]["layout"]["yaxis"]["title"]["text"] == "Kinh phí (tỷ đồng, giá năm 2025)"


def test_year_axis_shows_whole_years(demo_db_path):
    app = run_page(demo_db_path, TRENDS, area="nghe-an")
    for figure in chart_data(app):
        axis = figure["layout"]["xaxis"]
        if figure["layout"]["yaxis"].get("type") == "category":  # plan vs executed: one row per span and kind
            continue
        assert axis["tickformat"] == "d" and axis["dtick"] in (1, 2)


def test_growth_and_change_figures(real_only_db_path):
    app = run_page(real_only_db_path, TRENDS, area="nghe-an", source="local")
    shown = metrics(app)
    assert shown["Tổng các năm có số liệu"] == "60 tỷ đồng"
    assert shown["Số năm có số liệu"] == "17"
    assert shown["Tăng trưởng bình quân năm"] == "5,2%"  # (4,5 / 2)^(1/16) - 1
    change = chart_data(app)[2]["data"][0]
    assert dict(zip(change["x"], change["text"]))[2006] == "▲ 50,0%"


def test_current_units_sum_thai_binh_and_hung_yen_into_hung_yen(demo_db_path):
    reported = run_page(demo_db_path, TRENDS, demo="1", area="thai-binh,hung-yen,hung-yen-2025", source="local")
    current = run_page(demo_db_path, TRENDS, demo="1", units="current", area="hung-yen-2025", source="local")
    label = "Tổng các năm có số liệu :orange-badge[Minh họa]"  # illustrative rows are in both sums
    assert metrics(current)[label] == metrics(reported)[label]
    total_2010 = dict(zip(*(trace(chart_data(current)[0], "Tổng")[k] for k in ("x", "customdata"))))[2010][1]
    parts = [dict(zip(*(tr[k] for k in ("x", "customdata")))).get(2010)
             for tr in [trace(chart_data(run_page(demo_db_path, TRENDS, demo="1", area=a, source="local"))[0], "Tổng")
                        for a in ("thai-binh", "hung-yen")]]
    assert total_2010 == parts[0][1] + parts[1][1]


def test_comparison_chart_for_several_areas(demo_db_path):
    app = run_page(demo_db_path, TRENDS, demo="1", area="nghe-an,ha-tinh", lang="en")
    names = [t["name"] for t in chart_data(app)[-1]["data"] if t.get("showlegend") is not False]
    assert names == ["Hà Tĩnh", "Nghệ An", "Illustrative data (dotted, open points)"]


def test_link_restores_the_same_filters(demo_db_path):
    app = run_page(demo_db_path, area="nghe-an,thai-binh", years="2007-2016", source="local", lang="en", demo="1")
    assert app.sidebar.multiselect[0].value == ["nghe-an", "thai-binh"]
    assert app.sidebar.slider[0].value == (2007, 2016)
    assert app.sidebar.toggle[0].value
    assert dict(app.query_params) == {"lang": "en", "area": "nghe-an,thai-binh", "years": "2007-2016",
                                      "source": "local", "demo": "1"}


def test_changing_a_filter_updates_the_url(demo_db_path):
    app = run_page(demo_db_path)
    app.sidebar.slider[0].set_value((2010, 2015)).run()
    assert app.query_params["years"] == "2010-2015"


# The unfiltered view (all provinces, 2002–2025) adds across provinces only those that report an allocation for every
# year (a counted annual figure or a counted period total covering it): none of the published figures does, so the
# total is not summed and says why, in its own label.
PROVINCES_EVERY_YEAR = """
    SELECT count(*) FROM (
        SELECT a.area_id FROM allocation AS a JOIN area AS u USING (area_id)
        JOIN range(2002, 2026) AS y(year) ON y.year BETWEEN a.year_from AND a.year_to
        WHERE NOT a.is_illustrative AND a.figure = 'allocated' AND u.level = 'province' AND a.amount_mvnd IS NOT NULL
        GROUP BY a.area_id HAVING count(DISTINCT y.year) = 24)"""


@pytest.mark.parametrize(("key", "value"), [("year", "abc"), ("area", "x' OR 1=1 --"), ("units", "all;DROP")])
def test_hostile_query_parameter_gives_a_notice_and_no_exception(demo_db_path, key, value):
    """The value is dropped and the page shows the unfiltered view: its total as the rule makes it, without a badge."""
    import duckdb

    with duckdb.connect(str(demo_db_path), read_only=True) as con:
        every_year = con.execute(PROVINCES_EVERY_YEAR).fetchone()[0]
    app = run_page(demo_db_path, **{key: value})
    assert not app.exception
    assert any("Bỏ qua giá trị không hợp lệ" in w.value and value[:20] in w.value for w in app.warning)
    assert every_year == 0
    assert metrics(app)["Tổng kinh phí khuyến công · không tỉnh nào có số mọi năm 2002–2025"] == "Không cộng"


def test_filters_and_language_survive_switching_pages(demo_db_path):
    app = run_page(demo_db_path, lang="en", area="nghe-an", years="2007-2016", demo="1")
    app.switch_page(TRENDS).run()
    assert app.title[0].value == "Funding trends"
    assert dict(app.query_params) == {"lang": "en", "area": "nghe-an", "years": "2007-2016", "demo": "1"}
