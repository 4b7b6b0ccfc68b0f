"""Outcomes by sector and activity: money, results, cost per outcome and the drill-down, as a user reads them."""

import duckdb
import pytest
from conftest import chart_data, run_page

from khuyencong.i18n.formatting import format_money

PAGE = "pages/outcomes.py"


def frame_with(app, column: str, last: bool = False):
    frames = [d.value for d in app.dataframe if column in d.value.columns]
    return frames[-1] if last else frames[0]


def db_rows(path, sql, params=None):
    con = duckdb.connect(str(path), read_only=True)
    try:
        return con.execute(sql, params or []).fetchall()
    finally:
        con.close()


def test_activity_level_matches_the_database(shown_page, demo_db_path):
    app = shown_page(demo_db_path, PAGE, demo="1", area="nghe-an")
    table = frame_with(app, "Nội dung")
    shown = dict(zip(table["Nội dung"], table["Thực hiện"]))
    expected = db_rows(demo_db_path, "SELECT a.name_vi, sum(p.actual_mvnd) FROM project p JOIN activity a "
                       "USING (activity_id) WHERE p.area_id = 'nghe-an' GROUP BY ALL")
    # the column reads in one unit and one precision (formatting.format_money_group)
    decimals = {len(text.split(" ")[0].partition(",")[2]) for text in shown.values() if text.endswith("tỷ đồng")}
    assert len(decimals) == 1
    for name, actual in expected:
        assert shown[name] == format_money(float(actual), "vi", "bn", min(decimals))


def test_sector_level_and_projects_follow_the_drill_down(demo_db_path):
    app = run_page(demo_db_path, PAGE, demo="1", area="nghe-an")
    app.selectbox(key="oc_activity").set_value("dao_tao_nghe").run()
    sectors = frame_with(app, "Ngành nghề")
    expected = db_rows(demo_db_path, "SELECT s.name_vi, count(*) FROM project p JOIN sector s USING (sector_id) "
                       "WHERE p.area_id = 'nghe-an' AND p.activity_id = 'dao_tao_nghe' GROUP BY ALL")
    assert dict(zip(sectors["Ngành nghề"], sectors["Số đề án"])) == {n: str(c) for n, c in expected}
    app.selectbox(key="oc_sector").set_value("det_may").run()
    assert app.subheader[0].value == "Đề án: Đào tạo nghề, truyền nghề · Dệt may, thêu ren, dệt thổ cẩm"
    drilled = app.dataframe[2].value
    names = db_rows(demo_db_path, "SELECT name FROM project WHERE area_id = 'nghe-an' AND activity_id = "
                    "'dao_tao_nghe' AND sector_id = 'det_may'")
    assert sorted(drilled["Đề án"]) == sorted(n for (n,) in names)


def test_projects_without_amounts_read_not_reported(shown_page, real_only_db_path):
    app = shown_page(real_only_db_path, PAGE, area="nghe-an")
    table = frame_with(app, "Nội dung")
    row = table[table["Nội dung"] == "Thông tin, tuyên truyền"].iloc[0]
    # no Nghệ An project states money: the money columns are named in one line, not filled with "không có số liệu"
    assert (list(table.columns), row["Số đề án"]) == (["Nội dung", "Số đề án"], "3")
    assert any(c.value.startswith("Không đề án nào có số ở cột: Kế hoạch, Thực hiện") for c in app.caption)
    top = frame_with(app, "Trạng thái")
    assert "Thực hiện" not in top.columns
    assert "Đang thẩm định" in set(top["Trạng thái"])
    assert "Nghệ An triển khai nhiều giải pháp nâng cao hiệu quả khuyến công" in set(top["Nguồn"])


def test_cost_per_trainee_uses_only_cells_reporting_both(shown_page, demo_db_path):
    app = shown_page(demo_db_path, PAGE, demo="1", area="ha-tinh")
    costs = frame_with(app, "Chi phí / đơn vị")
    row = costs[costs["Chỉ tiêu"] == "Lượt lao động được đào tạo"].iloc[0]
    money, trainees = db_rows(demo_db_path, """
        WITH m AS (SELECT area_id, year, activity_id, sector_id, sum(actual_mvnd) AS money FROM project
                   WHERE actual_mvnd IS NOT NULL AND area_id = 'ha-tinh' GROUP BY ALL),
             r AS (SELECT area_id, year, activity_id, sector_id, sum(actual_value) AS value FROM outcome
                   WHERE period = 'year' AND indicator_id = 'lao_dong_dao_tao' GROUP BY ALL)
        SELECT sum(money), sum(value) FROM m JOIN r USING (area_id, year, activity_id, sector_id)""")[0]
    assert row["Kết quả"] == f"{int(trainees):,}".replace(",", ".") + " lượt người"
    per_unit = f"{float(money) / float(trainees):.1f}".replace(".", ",")
    assert row["Chi phí / đơn vị"] == f"{per_unit} triệu đồng/lượt người"


def test_indicators_carry_their_units(shown_page, demo_db_path):
    app = shown_page(demo_db_path, PAGE, demo="1", area="nghe-an", lang="en")
    results = frame_with(app, "Indicator")
    trainees = results[results["Indicator"] == "Workers trained"]["Result"]
    assert len(trainees) and all(v.endswith(" trainees") for v in trainees)


def test_top_projects_are_the_largest_first(shown_page, demo_db_path):
    app = shown_page(demo_db_path, PAGE, demo="1", area="thanh-hoa")
    top = frame_with(app, "Trạng thái", last=True)
    largest = db_rows(demo_db_path, "SELECT name FROM project WHERE area_id = 'thanh-hoa' "
                      "ORDER BY actual_mvnd DESC NULLS LAST, plan_mvnd DESC NULLS LAST, year DESC, project_id LIMIT 15")
    assert list(top["Đề án"]) == [n for (n,) in largest]


def test_treemap_drills_from_activity_to_sector(shown_page, demo_db_path):
    from conftest import chart_data

    app = shown_page(demo_db_path, PAGE, demo="1", area="nghe-an")
    treemap = chart_data(app)[0]["data"][0]
    assert treemap["type"] == "treemap"
    assert "dao_tao_nghe/det_may" in treemap["ids"]
    assert treemap["parents"][treemap["ids"].index("dao_tao_nghe/det_may")] == "dao_tao_nghe"


def test_illustrative_data_is_said_under_the_tables(shown_page, demo_db_path, real_only_db_path):
    demo = shown_page(demo_db_path, PAGE, demo="1", area="nghe-an")
    assert any("Có dữ liệu minh họa" in c.value for c in demo.caption)
    assert not any("minh họa" in c.value for c in shown_page(real_only_db_path, PAGE, area="nghe-an").caption)


@pytest.mark.parametrize(("lang", "says"), [("vi", "chưa nêu kinh phí thực hiện"), ("en", "no source document gives")])
def test_published_projects_without_money_get_a_sentence_and_their_count_not_empty_charts(shown_page,
                                                                                            real_only_db_path, lang,
                                                                                            says):
    app = shown_page(real_only_db_path, PAGE, lang=lang)
    info = next(i.value for i in app.info if says in i.value)
    projects = sum(int(n) for n in app.dataframe[0].value.iloc[:, 1])
    assert f" {projects} " in info
    assert chart_data(app) == []


def test_with_illustrative_money_the_charts_are_drawn(shown_page, demo_db_path):
    app = shown_page(demo_db_path, PAGE, demo="1", area="nghe-an")
    assert len(chart_data(app)) == 3
