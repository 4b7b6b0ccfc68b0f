"""Plan versus actual: project money against plan, indicators by period (cumulative quarters), progress status,
and the real first-half 2024 figures of the northern provinces' conference exactly as reported."""

import duckdb
import pytest
from conftest import chart_data, run_page, source_list

from khuyencong.figures.plan_actual import (
    AHEAD,
    BEHIND,
    NO_STATUS,
    ON_TRACK,
    derived_reference,
    expected_pct,
    percent_of,
    periods_for,
    progress_status,
)
from khuyencong.i18n.formatting import format_headline_money, format_money, format_number

PAGE = "pages/plan_actual.py"


def metrics(app) -> dict[str, str]:
    return {m.label: m.value for m in app.metric}


def table_with(app, column: str):
    """The first table on the page that has this column."""
    return next(d.value for d in app.dataframe if column in d.value.columns)


def tables_with(app, column: str) -> list:
    return [d.value for d in app.dataframe if column in d.value.columns]


def all_text(app) -> str:
    parts = [m.value for m in app.markdown] + [c.value for c in app.caption] + [i.value for i in app.info]
    parts += [f"{m.label} {m.value}" for m in app.metric]
    return "\n".join(parts)


# ---------------------------------------------------------------------------------------------------------------
# The page as a reader sees it


# A region is in view only when selected (issue 13: "all areas" adds provinces only, never a region's figure).
@pytest.mark.parametrize("params", [{"area": "kv-phia-bac"}, {"area": "kv-phia-bac", "years": "2024-2024"},
                                    {"area": "kv-phia-bac", "years": "2020-2025"}])
@pytest.mark.parametrize(("lang", "actual", "pct_plan", "pct_prior", "derived_plan", "derived_prior"), [
    ("vi", "4,87 tỷ đồng", "49,1%", "153,7%", "≈ 9,92 tỷ đồng", "≈ 3,17 tỷ đồng"),
    ("en", "VND 4.87 bn", "49.1%", "153.7%", "≈ VND 9.92 bn", "≈ VND 3.17 bn"),
])
def test_consulting_revenue_h1_2024_shows_as_reported(shown_page, demo_db_path, params, lang, actual, pct_plan,
                                                      pct_prior, derived_plan, derived_prior):
    shown = metrics(shown_page(demo_db_path, PAGE, lang=lang, **params))
    reported = {"vi": ("Doanh thu tư vấn (báo cáo)", "% kế hoạch năm (báo cáo)", "% so với cùng kỳ 2023 (báo cáo)"),
                "en": ("Consulting revenue (reported)", "% of year plan (reported)",
                       "% of same period 2023 (reported)")}[lang]
    assert [shown[label] for label in reported] == [actual, pct_plan, pct_prior]
    derived = {"vi": ("Kế hoạch năm 2024 (suy ra)", "Cùng kỳ 6 tháng đầu năm 2023 (suy ra)"),
               "en": ("2024 year plan (derived)", "first half of 2023 (derived)")}[lang]
    assert [shown[label] for label in derived] == [derived_plan, derived_prior]


def test_reported_headline_reads_like_a_progress_report(shown_page, real_only_db_path):
    app = shown_page(real_only_db_path, PAGE, area="kv-phia-bac")
    assert ("**Doanh thu tư vấn** 6 tháng đầu năm 2024 (ước thực hiện): **4,87 tỷ đồng**, đạt 49,1% kế hoạch năm, "
            "bằng 153,7% cùng kỳ. ● Đúng tiến độ") in [m.value for m in app.markdown]
    text = all_text(app)
    assert "Số suy ra, không phải số báo cáo" in text
    assert "không nói rõ phạm vi" in text  # the scope of the report is ambiguous, from the note column
    assert "ước thực hiện" in text.lower()


@pytest.mark.parametrize(("indicator", "actual"), [
    ("Cơ sở được hỗ trợ ứng dụng máy móc thiết bị", "57"),
    ("Cơ sở được đánh giá sản xuất sạch hơn", "11"),
    ("Gian hàng hội chợ, triển lãm", "701"),
    ("Lượt cơ sở tham gia hội chợ, triển lãm", "gần 300"),
    ("Lượt cơ sở tham gia bình chọn sản phẩm tiêu biểu", "245"),
    ("Cơ sở được hỗ trợ nhãn hiệu, trưng bày sản phẩm", "5"),
    ("Dự án được tư vấn", "62"),
])
def test_reported_counts_show_actual_and_plan_not_reported(shown_page, real_only_db_path, indicator, actual):
    table = table_with(shown_page(real_only_db_path, PAGE, area="kv-phia-bac"), "Trích nguyên văn")
    row = table[table["Chỉ tiêu"] == indicator].iloc[0]
    assert row["Thực hiện"] == actual
    assert row["Kế hoạch"] == "không có số liệu"  # NULL plan is not reported, never 0
    assert row["% kế hoạch"] == "không có số liệu"
    assert row["Tiến độ"] == "– Chưa đánh giá"
    # an estimate, or a figure written "gần" (nearly: seed 003's "gần 300")
    assert any(word in row["Tình trạng số liệu"] for word in ("Ước thực hiện", "gần đúng", "Gần"))


def test_reported_table_marks_the_derived_plan_and_keeps_the_reported_percentages(shown_page, real_only_db_path):
    table = table_with(shown_page(real_only_db_path, PAGE, area="kv-phia-bac"), "Trích nguyên văn")
    row = table[table["Chỉ tiêu"] == "Doanh thu tư vấn"].iloc[0]
    assert row["Kế hoạch"] == "≈ 9,92 tỷ đồng (suy ra)"
    assert row["Cùng kỳ năm trước"] == "≈ 3,17 tỷ đồng (suy ra)"
    assert row["% kế hoạch"] == "49,1% (báo cáo)"
    assert row["% so với cùng kỳ"] == "153,7% (báo cáo)"
    assert row["Mức cần đạt"] == "50% (kế hoạch năm)"


@pytest.mark.parametrize("params", [{"years": "2002-2004"}, {"area": "dong-nai"}])
def test_real_h1_2024_figures_stay_out_of_views_that_do_not_cover_them(shown_page, real_only_db_path, params):
    app = shown_page(real_only_db_path, PAGE, **params)
    assert "4,87 tỷ đồng" not in all_text(app)
    assert any("không có chỉ tiêu kết quả nào lấy từ tài liệu nguồn thật" in i.value for i in app.info)


def test_money_plan_and_actual_match_a_direct_sum(shown_page, demo_db_path):
    with duckdb.connect(str(demo_db_path), read_only=True) as con:
        expected = {year: (float(plan), float(actual)) for year, plan, actual in con.execute(
            "SELECT year, sum(plan_mvnd), sum(actual_mvnd) FROM project "
            "WHERE area_id = 'nghe-an' AND year BETWEEN 2020 AND 2024 GROUP BY year").fetchall()}
        missing, total = con.execute("SELECT count(*) FILTER (WHERE actual_mvnd IS NULL), count(*) FROM project "
                                     "WHERE area_id = 'nghe-an' AND year BETWEEN 2020 AND 2024").fetchone()
    app = shown_page(demo_db_path, PAGE, demo="1", area="nghe-an", years="2020-2024")
    figure = chart_data(app)[0]
    plan, actual = (next(tr for tr in figure["data"] if tr["name"] == name) for name in ("Kế hoạch", "Thực hiện"))
    assert {x: c[1] for x, c in zip(plan["x"], plan["customdata"])} == {y: p for y, (p, _) in expected.items()}
    assert {x: c[1] for x, c in zip(actual["x"], actual["customdata"])} == {y: a for y, (_, a) in expected.items()}
    assert dict(zip(plan["x"], (c[0] for c in plan["customdata"])))[2024] == format_money(expected[2024][0])
    shown = metrics(app)
    # illustrative projects are in these sums: each figure carries the badge
    assert shown["Kinh phí kế hoạch :orange-badge[Minh họa]"] == format_headline_money(
        sum(p for p, _ in expected.values()))
    assert shown["Đề án chưa có số thực hiện :orange-badge[Minh họa]"] == f"{missing} / {total}"
    assert missing > 0  # Nghệ An 2024 lists projects without amounts: they are counted, not summed as 0


def test_money_chart_has_whole_year_ticks_units_and_percent_of_plan(shown_page, demo_db_path):
    figure = chart_data(shown_page(demo_db_path, PAGE, demo="1", area="nghe-an", years="2020-2024"))[0]
    assert figure["layout"]["xaxis"]["tickformat"] == "d" and figure["layout"]["xaxis"]["dtick"] == 1
    assert figure["layout"]["yaxis"]["title"]["text"] == "Kinh phí (tỷ đồng)"
    actual = next(tr for tr in figure["data"] if tr["name"] == "Thực hiện")
    assert dict(zip(actual["x"], actual["text"]))[2020] == "92,8%"  # 7.023 / 7.570


def choose_period(app, year: int, period: str, cumulative: bool):
    app.selectbox(key="pa_year").set_value(year).run()
    app.radio(key="pa_period").set_value(period).run()
    if cumulative:
        app.toggle(key="pa_cumulative").set_value(True).run()
    return app


def quarter_sum(db_path, area: str, year: int, indicator: str, quarters: tuple[str, ...]) -> tuple[float, float]:
    with duckdb.connect(str(db_path), read_only=True) as con:
        plan, actual = con.execute(
            "SELECT sum(plan_value), sum(actual_value) FROM outcome WHERE area_id = ? AND year = ? "
            "AND indicator_id = ? AND list_contains(?, period)", [area, year, indicator, list(quarters)]).fetchone()
    return float(plan), float(actual)


@pytest.mark.parametrize(("period", "cumulative", "quarters"), [
    ("Q2", True, ("Q1", "Q2")),
    ("Q3", True, ("Q1", "Q2", "Q3")),
    ("Q2", False, ("Q2",)),
])
def test_cumulative_quarters_add_up_the_quarters(demo_db_path, period, cumulative, quarters):
    app = choose_period(run_page(demo_db_path, PAGE, demo="1", area="nghe-an", years="2023-2025"), 2024, period,
                        cumulative)
    assert not app.exception
    plan, actual = quarter_sum(demo_db_path, "nghe-an", 2024, "co_so_ho_tro", quarters)
    table = table_with(app, "Mức cần đạt")
    row = table[table["Chỉ tiêu"] == "Cơ sở được hỗ trợ"].iloc[0]
    assert (row["Thực hiện"], row["Kế hoạch"]) == (format_number(actual), format_number(plan))
    assert row["% kế hoạch"] == f"{format_number(actual / plan * 100, decimals=1)}%"


def test_cumulative_q1_q2_differs_from_q2_alone(demo_db_path):
    q2 = quarter_sum(demo_db_path, "nghe-an", 2024, "co_so_ho_tro", ("Q2",))[1]
    both = quarter_sum(demo_db_path, "nghe-an", 2024, "co_so_ho_tro", ("Q1", "Q2"))[1]
    assert both > q2  # so the test above tells a cumulative view from a single quarter
    app = choose_period(run_page(demo_db_path, PAGE, demo="1", area="nghe-an", years="2023-2025"), 2024, "Q2", True)
    assert "lũy kế quý I–II/2024" in chart_data(app)[-1]["layout"]["title"]["text"]


def test_progress_chart_says_status_in_words_and_symbols_not_colour_alone(shown_page, demo_db_path):
    app = shown_page(demo_db_path, PAGE, demo="1", area="nghe-an", years="2023-2025")
    figure = chart_data(app)[-1]
    bars = [tr for tr in figure["data"] if tr["type"] == "bar" and tr.get("customdata")]  # not the pattern's entry
    colours = {"▼ Chậm tiến độ": "#D55E00", "● Đúng tiến độ": "#0072B2", "▲ Vượt tiến độ": "#009E73"}
    assert bars and all(colours.get(tr["name"], "#999999") == tr["marker"]["color"] for tr in bars)
    for trace in bars:
        symbol, word = trace["name"].split(" ", 1)
        assert all(text.startswith(symbol) and word in text for text in trace["text"])
    beside = next(tr for tr in figure["data"] if tr.get("mode") == "text")  # the column a reader reads
    assert sorted(beside["text"]) == sorted(text for trace in bars for text in trace["text"])
    assert any(tr.get("name") == "Mức cần đạt theo tiến độ" for tr in figure["data"])
    assert any("**Cách đánh giá tiến độ.**" in m.value and "quá 5 điểm" in m.value for m in app.markdown)


def test_sources_caption_says_illustrative_only_when_it_is(shown_page, demo_db_path, real_only_db_path):
    demo = shown_page(demo_db_path, PAGE, demo="1", area="nghe-an", years="2023-2025")
    assert sum("Có dữ liệu minh họa" in c.value for c in demo.caption) >= 4
    real = shown_page(real_only_db_path, PAGE, area="kv-phia-bac")
    assert not any("minh họa" in c.value for c in real.caption)
    assert "Triển khai hiệu quả công tác khuyến công tại các tỉnh, thành phố khu vực phía Bắc" in source_list(real)


def test_english_view_has_english_labels(shown_page, demo_db_path):
    app = shown_page(demo_db_path, PAGE, demo="1", lang="en", area="nghe-an", years="2023-2025")
    assert [s.value for s in app.subheader][:3] == ["1. Project funding: plan and actual",
                                                     "2. Published funding: plan and executed",
                                                     "3. Result indicators: plan, actual, same period last year"]
    table = table_with(app, "Expected")
    assert set(table["Progress"]) <= {"▼ Behind schedule", "● On track", "▲ Ahead of schedule", "– Not rated"}


# ---------------------------------------------------------------------------------------------------------------
# The status rule (khuyencong/figures/plan_actual.py)


@pytest.mark.parametrize(("period", "basis", "cumulative", "expected"), [
    ("year", "year", False, 100), ("H1", "year", False, 50), ("Q1", "year", False, 25), ("Q2", "year", False, 25),
    ("Q1", "year", True, 25), ("Q2", "year", True, 50), ("Q3", "year", True, 75), ("Q4", "year", True, 100),
    ("H1", "period", False, 100), ("Q3", "period", True, 100), ("Q2", None, False, 100), ("year", None, False, 100),
])
def test_expected_pct_is_the_share_of_the_plan_period_elapsed(period, basis, cumulative, expected):
    assert expected_pct(period, basis, cumulative) == expected


@pytest.mark.parametrize(("pct", "expected", "status"), [
    (44.9, 50, BEHIND), (45.0, 50, ON_TRACK), (49.1, 50, ON_TRACK), (55.0, 50, ON_TRACK), (55.1, 50, AHEAD),
    (94.99, 100, BEHIND), (95, 100, ON_TRACK), (105, 100, ON_TRACK), (105.01, 100, AHEAD), (0, 25, BEHIND),
    (20, 25, ON_TRACK), (19.9, 25, BEHIND), (153.7, 100, AHEAD), (None, 50, NO_STATUS), (float("nan"), 100, NO_STATUS),
])
def test_progress_status_boundaries(pct, expected, status):
    assert progress_status(pct, expected) == status


@pytest.mark.parametrize(("call", "args"), [(expected_pct, ("M7", "year")), (expected_pct, ("Q1", "month"))])
def test_unknown_period_or_basis_is_refused(call, args):
    with pytest.raises(ValueError):
        call(*args)


@pytest.mark.parametrize(("actual", "pct", "result"), [
    (4870, 49.1, 9918.53), (4870, 153.7, 3168.51), (4870, None, None), (None, 49.1, None), (4870, 0, None),
])
def test_derived_reference(actual, pct, result):
    value = derived_reference(actual, pct)
    assert value == pytest.approx(result, abs=0.01) if result is not None else value is None


@pytest.mark.parametrize(("actual", "reference", "result"), [(47, 55, 85.4545), (0, 10, 0.0), (5, 0, None),
                                                             (None, 10, None), (5, None, None)])
def test_percent_of_never_treats_not_reported_as_zero(actual, reference, result):
    value = percent_of(actual, reference)
    assert value == pytest.approx(result, abs=1e-3) if result is not None else value is None


@pytest.mark.parametrize(("period", "cumulative", "periods"), [
    ("Q3", True, ["Q1", "Q2", "Q3"]), ("Q3", False, ["Q3"]), ("H1", True, ["H1"]), ("year", False, ["year"]),
])
def test_periods_for(period, cumulative, periods):
    assert periods_for(period, cumulative) == periods


def test_indicator_section_keeps_reported_percentages_for_the_northern_region(demo_db_path):
    app = choose_period(run_page(demo_db_path, PAGE, area="kv-phia-bac"), 2024, "H1", False)
    table = table_with(app, "Mức cần đạt")
    row = table[(table["Địa phương"] == "Khu vực phía Bắc") & (table["Chỉ tiêu"] == "Doanh thu tư vấn")].iloc[0]
    assert (row["Thực hiện"], row["% kế hoạch"], row["% so với cùng kỳ"]) == ("4,87 tỷ đồng", "49,1% (báo cáo)",
                                                                              "153,7% (báo cáo)")
    assert row["Tiến độ"] == "● Đúng tiến độ" and row["Mức cần đạt"] == "50% (kế hoạch năm)"
    assert row["Đánh giá"] == "đạt 49,1% kế hoạch năm, bằng 153,7% cùng kỳ"


# ---------------------------------------------------------------------------------------------------------------
# Published funding: plan side against executed side (issue 13), on the default real data


PUBLISHED_PLAN = {"vi": "Kế hoạch", "en": "Plan"}
PUBLISHED_EXECUTED = {"vi": "Thực hiện", "en": "Executed"}
PUBLISHED_SHARE = {"vi": "Thực hiện / kế hoạch", "en": "Executed / plan"}
PUBLISHED_SOURCE = {"vi": "Nguồn kinh phí", "en": "Funding source"}


def published_rows(app, lang: str) -> dict[str, dict]:
    """The published plan/executed table keyed by its funding-level cell."""
    table = table_with(app, PUBLISHED_SHARE[lang])
    return {row[PUBLISHED_SOURCE[lang]]: row for row in table.to_dict("records")}


@pytest.mark.parametrize(("lang", "level", "plan", "executed", "share"), [
    # Bắc Giang 2016–2020: the 141,35 tỷ target and the more than 30,72 tỷ executed are two figures, never 172,07.
    ("vi", "Tổng các cấp", "Mục tiêu / dự kiến: 141,35 tỷ đồng", "Thực hiện / đã chi: > 30,72 tỷ đồng", "> 21,7%"),
    ("en", "All levels", "Target / expected: VND 141.35 bn", "Executed (spent): > VND 30.72 bn",
     "> 21.7%"),
    ("vi", "Trung ương", "Mục tiêu / dự kiến: 38,35 tỷ đồng", "Thực hiện / đã chi: 6 tỷ đồng", "15,6%"),
    ("vi", "Địa phương", "chưa có số liệu", "Thực hiện / đã chi: 16,15 tỷ đồng", ""),
])
def test_bac_giang_plan_and_executed_side_by_side(shown_page, real_only_db_path, lang, level, plan, executed, share):
    app = shown_page(real_only_db_path, PAGE, lang=lang, area="bac-giang")
    row = published_rows(app, lang)[level]
    assert (row[PUBLISHED_PLAN[lang]], row[PUBLISHED_EXECUTED[lang]]) == (plan, executed)
    assert row[PUBLISHED_SHARE[lang]] == share
    assert "172,07" not in all_text(app) and "172.07" not in all_text(app)


def test_lam_dong_2017_plan_and_estimate_each_with_its_document(shown_page, real_only_db_path):
    app = shown_page(real_only_db_path, PAGE, lang="vi", area="lam-dong", years="2017-2017")
    row = published_rows(app, "vi")["Địa phương"]
    assert row["Kế hoạch"] == "Kế hoạch được duyệt: 8,85 tỷ đồng"
    assert row["Thực hiện"] == "Ước thực hiện: 8,3 tỷ đồng"
    assert "31/07/2017" in row["Tài liệu kế hoạch"] and "26/01/2018" in row["Tài liệu thực hiện"]
    assert row["Nguồn kế hoạch"].startswith("http") and row["Nguồn thực hiện"].startswith("http")


def test_projects_without_money_get_a_sentence_not_an_empty_chart(shown_page, real_only_db_path):
    app = shown_page(real_only_db_path, PAGE, lang="vi", area="nghe-an")
    assert any("không nêu kinh phí" in i.value for i in app.info)
    assert "Kinh phí kế hoạch" not in metrics(app)


def test_no_published_pair_in_view_says_so(shown_page, real_only_db_path):
    app = shown_page(real_only_db_path, PAGE, lang="en", area="nghe-an")
    assert any("no unit has both a published plan" in i.value for i in app.info)


@pytest.mark.parametrize(("reported", "current", "shown"), [
    ({"H1"}, None, "H1"),            # an H1-only year opens on H1, not on an empty whole year
    ({"H1"}, "year", "H1"),
    ({"year", "H1"}, "year", "year"),
    ({"year", "H1"}, "H1", "H1"),
    ({"Q1", "Q2"}, "Q3", "Q3"),      # a quarter stays chosen while the year has quarters (it may cumulate them)
    ({"Q2"}, "year", "Q2"),
    (set(), "Q1", "Q1"),
])
def test_period_with_figures(reported, current, shown):
    import pandas as pd

    from khuyencong.figures.plan_actual import period_with_figures

    available = pd.DataFrame({"year": [2024] * len(reported), "period": sorted(reported)})
    assert period_with_figures(available, 2024, current) == shown


def test_northern_region_opens_on_its_first_half_2024_progress_chart(shown_page, real_only_db_path):
    app = shown_page(real_only_db_path, PAGE, lang="vi", area="kv-phia-bac")
    assert app.radio(key="pa_period").value == "H1"
    assert not any("Không có chỉ tiêu nào" in i.value for i in app.info)
