"""What a reader sees of issue 25 on the published figures: the Overview leads with what is published and sums
across provinces only over those that report every year; the kind of figure is one control on every money page;
Compare and the map compare each province's latest year; the profile's headline names kind and side; listed
projects and the documents' own counts stay apart; the files' amount columns hold one kind and one source each.

Expected values come from the documents (data/sources, the research tables), in the comments beside them."""

import io

import openpyxl
import pandas as pd
import pytest
from conftest import chart_data, run_page, shown_table

from khuyencong.data.database import Database
from khuyencong.data.filters import Filters
from khuyencong.data.queries import database_query
from khuyencong.figures.compare import comparison_figures, funding_table
from khuyencong.figures.map import map_view
from khuyencong.render.data_files import xlsx_builder

PROFILE, COMPARE, DATA = "pages/profile.py", "pages/compare.py", "pages/data.py"


def metrics(app) -> dict[str, str]:
    return {m.label: m.value for m in app.metric}


@pytest.fixture(scope="module")
def overview(real_only_db_path):
    return run_page(real_only_db_path, demo="0")


@pytest.fixture(scope="module")
def query(real_only_db_path):
    return database_query(Database(real_only_db_path))


# --- Coverage first -------------------------------------------------------------------------------------------------

def test_the_overview_leads_with_what_is_published(real_only_db_path, real_db, overview):
    shown = metrics(overview)
    labels = list(shown)
    # Provinces of the 63 with any published figure: counted here from the tables, not from the page's query.
    provinces = real_db.execute(
        "SELECT count(DISTINCT area_id) FROM (SELECT area_id FROM allocation UNION ALL SELECT area_id FROM project "
        "UNION ALL SELECT area_id FROM outcome UNION ALL SELECT area_id FROM stated_figure) JOIN area USING (area_id) "
        "WHERE level = 'province' AND valid_from IS NULL").fetchone()[0]
    assert provinces >= 42   # 30 of round 1 + 12 of round 2 (Đà Nẵng's 2026–2030 plan is the new city's)
    assert shown["Tỉnh có số liệu đã công bố"] == f"{provinces}/63"
    assert labels.index("Tỉnh có số liệu đã công bố") < labels.index(next(k for k in labels if k.startswith(
        "Tổng kinh phí khuyến công")))
    # Annual allocated figures: Nghệ An 17 (2002–2018), Ninh Bình 5 (2016–2020), Bắc Giang 2 (2005, 2009), Quảng
    # Ninh 2017, Lâm Đồng 2019, Long An 2021, Hải Phòng 2020 = 28 of 63 × 24 = 1 512 (1,9 %).
    assert any("Số Phân bổ từng năm: 7 tỉnh, 28 tỉnh-năm trong 63 × 24 (1,9%)" in c.value for c in overview.caption)


def test_a_province_without_figures_has_no_years_either(real_only_db_path):
    # Lai Châu: its two round-2 figures are left out (LCh1r2, LCh2r2: "từ năm 2011" with no last year)
    shown = metrics(run_page(real_only_db_path, area="lai-chau", demo="0"))
    assert (shown["Tỉnh có số liệu đã công bố"], shown["Tài liệu nguồn"], shown["Năm có số liệu"]) == (
        "0/63", "0", "không có số liệu")


def test_no_sum_across_provinces_that_report_different_years(overview):
    shown = metrics(overview)
    assert shown["Tổng kinh phí khuyến công · không tỉnh nào có số mọi năm 2002–2025"] == "Không cộng"
    # Shares over the two provinces that report local and central allocations: Nghệ An (60 + 16,3) and Quảng Ninh
    # (1 + 0,8): 61 / 78,1 = 78,1 %. The state budget of no stated level (Ninh Bình, Bắc Giang) is in neither.
    assert shown["Tỷ trọng địa phương · Nghệ An, Quảng Ninh"] == "78,1%"
    assert shown["Tỷ trọng Trung ương · Nghệ An, Quảng Ninh"] == "21,9%"


def test_a_sum_names_the_provinces_that_report_every_year(real_only_db_path):
    shown = metrics(run_page(real_only_db_path, years="2016-2020", demo="0"))
    # Ninh Bình alone reports every year of 2016–2020: > 5,3 + > 3,6 + > 3,9 + > 10,2 + ≈ 7,2 = 30,2 tỷ (NB1–NB5).
    label = "Tổng kinh phí khuyến công · Ninh Bình (đến 6/2025) (có số mọi năm 2016–2020)"
    assert shown[label] == "30,2 tỷ đồng"


def test_the_kind_picker_is_on_every_money_page(real_only_db_path, overview):
    for app in (overview, run_page(real_only_db_path, COMPARE, demo="0"),
                run_page(real_only_db_path, PROFILE, area="bac-giang", demo="0")):
        picker = next(s for s in app.selectbox if s.label == "Loại số")
        assert picker.value == "allocated"


def test_the_kind_in_the_url_drives_the_overview(real_only_db_path):
    app = run_page(real_only_db_path, area="ha-noi", kind="approved_plan", demo="0")
    assert metrics(app)["Tổng kinh phí khuyến công"] == "> 25 tỷ đồng"        # HN1: "hơn 25 tỷ đồng", 2019


def test_a_kind_without_figures_says_which_other_kind_there_is(real_only_db_path):
    app = run_page(real_only_db_path, area="ha-noi", demo="0")
    assert any(i.value == "Không có số Phân bổ trong phạm vi này; có số Kế hoạch được duyệt: > 25 tỷ đồng (2019). "
                          "Chọn loại số ở trên." for i in app.info)


def test_the_yearly_figures_against_the_stated_total_are_flagged_with_both_values(real_only_db_path):
    app = run_page(real_only_db_path, area="nghe-an", demo="0")
    # 60 tỷ of yearly local figures (2 × 4 + 3 + 4 × 10 + 4,5 × 2) plus the central 16,3 tỷ; the article states
    # 53,7 tỷ local: the total carries ⚑ and both local figures are under it.
    assert metrics(app)["Tổng kinh phí khuyến công"] == "76,3 tỷ đồng ⚑"
    # Both figures one click away: the note is under "Chi tiết" beneath the figures (issue 27: one sentence, not boxes).
    warning = next(m.value for e in app.expander if e.label == "Chi tiết" for m in e.markdown
                   if m.value.startswith("⚑"))
    assert "Nghệ An, Địa phương 2002–2018: các năm có số cộng lại 60 tỷ đồng; tài liệu nêu tổng 53,7 tỷ đồng" in warning


# --- Projects -------------------------------------------------------------------------------------------------------

def test_listed_projects_and_published_counts_are_apart(overview):
    shown = metrics(overview)
    # Listed: Sơn La's trademark project (SL1r2) and Hòa Bình's four national projects of 2023 (HB6r2); Nghệ An's
    # twelve 2024 proposals under appraisal are not projects.
    assert shown["Đề án trong danh mục · 2 tỉnh"] == "5"
    # the documents' own counts, of different spans and years, are named by province and never added up
    assert shown["Số đề án theo tài liệu · 26 tỉnh"] == "Không cộng" and "Số đề án" not in shown


def test_binh_dinh_profile_shows_the_published_project_counts(real_only_db_path):
    app = run_page(real_only_db_path, PROFILE, area="binh-dinh", demo="0")
    assert metrics(app)["Số đề án theo tài liệu"] == "33 (2021)"            # BD10: 33 đề án in 2021
    counts = next(m.value for m in app.markdown if m.value.startswith("Số đề án theo tài liệu:"))
    assert "270 (2016–2020)" in counts and "86 (2012–2016)" in counts       # BD12, BD1


# --- Profile headline -----------------------------------------------------------------------------------------------

def test_bac_giang_headline_names_kind_and_side(real_only_db_path):
    shown = metrics(run_page(real_only_db_path, PROFILE, area="bac-giang", demo="0"))
    assert shown["Kế hoạch · Mục tiêu / dự kiến 2016–2020"] == "141,35 tỷ đồng"       # BG6
    assert shown["Thực hiện · Thực hiện / đã chi 2016–2020"] == "> 30,72 tỷ đồng"    # BG7


# --- Compare and the map --------------------------------------------------------------------------------------------

def test_compare_defaults_to_each_provinces_latest_year(real_only_db_path):
    app = run_page(real_only_db_path, COMPARE, demo="0")
    assert next(r for r in app.radio if r.label == "Cách so sánh kinh phí").value == "latest"
    # the rows with an allocation, then (collapsed) those without one
    table = pd.concat([shown_table(app, 0), shown_table(app, 1)])
    # Nghệ An's latest allocated year is 2018 (4,5 tỷ local), inside the 2002–2018 total it disagrees with.
    nghe_an = table.loc["Nghệ An"]
    assert nghe_an["Năm"] == "2018" and nghe_an["Tổng kinh phí (năm gần nhất)"] == "4,50 tỷ đồng ⚑"
    # Hà Nội has no allocation, but an approved plan: said, with the figure.
    assert table.loc["Hà Nội"]["Tổng kinh phí (năm gần nhất)"] == "— · có số Kế hoạch được duyệt: > 25 tỷ đồng (2019)"


def test_the_compare_chart_names_each_bars_year(real_only_db_path):
    """Bars of different years are never read as one year's: each label carries its province's latest year, and the
    flag of the table."""
    app = run_page(real_only_db_path, COMPARE, demo="0")
    funding = chart_data(app)[0]
    labels = next(trace for trace in funding["data"] if trace.get("mode") == "text")
    shown = dict(zip(labels["y"], labels["text"], strict=True))
    assert shown["Nghệ An (2018)"] == "4,5 tỷ đồng ⚑" and shown["Quảng Ninh (2017)"] == "1,8 tỷ đồng"   # QN1 + QN2


def test_the_map_explains_its_flag(overview):
    assert any("⚑: số nằm trong một tổng giai đoạn tài liệu nêu khác với các năm cộng lại" in c.value
               for c in overview.caption)


def test_binh_dinh_executed_money_is_counted_once_on_compare(query):
    comparison = comparison_figures(query, Filters(kind="executed"), "absolute", figure="executed")
    row = comparison.units.set_index("unit_id").loc["binh-dinh"]
    assert row["total_mvnd"] == pytest.approx(21300)   # BD13: ≈ 6,8 + ≈ 11,5 + > 3 (not + 5,682 + 5,76 of 2012–2016)


def test_a_share_needs_both_sources(query):
    comparison = comparison_figures(query, Filters(), "latest")
    table = funding_table(comparison, {u: u for u in comparison.units["unit_id"]}, "vi").set_index("Tỉnh/thành phố")
    assert table.loc["lam-dong", "Tỷ trọng địa phương / Trung ương"] == "không có số liệu"   # local only, not 100 %
    assert table.loc["quang-ninh", "Tỷ trọng địa phương / Trung ương"] == "55,6% / 44,4%"   # QN1 1 tỷ, QN2 0,8 tỷ


def test_the_map_defaults_to_the_latest_year(real_only_db_path, query):
    app = run_page(real_only_db_path, demo="0")
    assert next(r for r in app.radio if r.label == "Thước đo").value == "latest"
    units = map_view(query, Filters(), "latest").units.set_index("unit_id")
    assert units.loc["nghe-an", "text"] == "2018: 4,5 tỷ đồng ⚑"
    assert units.loc["ninh-binh", "text"] == "2020: ≈ 7,2 tỷ đồng"            # NB5: "khoảng 7,2 tỷ đồng"


# --- Exports --------------------------------------------------------------------------------------------------------

def test_counterpart_capital_has_its_own_column_in_the_file(query):
    workbook = xlsx_builder(query, Filters(areas=("bac-giang",)), ("allocations",), "", "Bắc Giang")()
    book = openpyxl.load_workbook(io.BytesIO(workbook))
    sheet = book["Phân bổ kinh phí"]
    header = [c.value for c in sheet[1]]
    rows = [[c.value for c in row] for row in sheet.iter_rows(min_row=2)]

    def column_sum(name: str) -> float:
        index = header.index(name)
        return round(sum(r[index] for r in rows if r[index] is not None), 3)

    # BG4 179,7 + BG9 229 tỷ of counterpart capital, in a column of their own
    assert column_sum("Thực hiện / đã chi · Đối ứng · tổng giai đoạn (tỷ đồng)") == 408.7
    # khuyến công money executed: BG3 18,9 (state) + BG8 16,15 local + 6 central + 8,57 district = 49,62
    executed = [h for h in header if h.startswith("Thực hiện / đã chi · ") and "Đối ứng" not in h]
    assert round(sum(column_sum(h) for h in executed), 3) == 49.62
    info = [[c.value for c in row] for row in book["Thông tin"].iter_rows()]
    text = " ".join(str(v) for row in info for v in row if v)
    assert "Cột số tiền (triệu đồng)" not in text and "Cột số tiền (tỷ đồng; triệu đồng ở bảng đề án)" in text


def test_the_data_page_states_the_unit_of_its_headers(real_only_db_path):
    app = run_page(real_only_db_path, DATA, demo="0")
    captions = [c.value for c in app.caption]
    assert any(c.endswith("Số tiền tính bằng tỷ đồng, như tên cột ghi.") for c in captions)
    assert not any("Số tiền tính bằng triệu đồng" in c for c in captions)
