"""Empty states (issue 27, item 4): a section without data is one sentence that says what is missing and what
does exist, never an empty chart, a ranking of figures nobody reported, or a table of "không có số liệu"."""

import duckdb
import pytest

OUTCOMES = "pages/outcomes.py"
NOT_REPORTED = {"vi": "không có số liệu", "en": "not reported"}


def db_value(path, sql):
    con = duckdb.connect(str(path), read_only=True)
    try:
        return con.execute(sql).fetchone()[0]
    finally:
        con.close()


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_outcomes_tables_leave_out_columns_no_project_reports_and_say_so(shown_page, real_only_db_path, lang):
    app = shown_page(real_only_db_path, OUTCOMES, lang=lang)
    by_activity = app.dataframe[0].value
    # No published project states its executed money or counterpart capital: those columns would be all
    # "không có số liệu"; one line names them instead.
    assert list(by_activity.columns) == (["Nội dung", "Số đề án", "Kế hoạch"] if lang == "vi"
                                         else ["Activity", "Projects", "Planned"])
    named = next(c.value for c in app.caption if c.value.startswith(("Không đề án nào có số", "No project reports")))
    assert ("Thực hiện" if lang == "vi" else "Actual") in named
    for frame in (d.value for d in app.dataframe):
        for column in frame.columns[2:]:
            assert not frame[column].eq(NOT_REPORTED[lang]).all(), (list(frame.columns), column)


def test_outcomes_ranks_no_project_without_executed_money(shown_page, real_only_db_path):
    app = shown_page(real_only_db_path, OUTCOMES)
    unranked = db_value(real_only_db_path, "SELECT count(*) FROM project WHERE actual_mvnd IS NULL")
    assert db_value(real_only_db_path, "SELECT count(*) FROM project WHERE actual_mvnd IS NOT NULL") == 0
    said = next(i.value for i in app.info if i.value.startswith("Không xếp hạng được"))
    assert f"trong {unranked} đề án đang chọn" in said
    # the last table on the page is the drill-down's list, not a ranking of projects without money
    assert not any("Thực hiện" in d.value.columns and d.value["Thực hiện"].eq("không có số liệu").any()
                   for d in app.dataframe)


def test_outcomes_ranking_with_money_says_how_many_are_not_ranked(shown_page, demo_db_path):
    app = shown_page(demo_db_path, OUTCOMES, demo="1", area="nghe-an")
    without = db_value(demo_db_path, "SELECT count(*) FROM project WHERE area_id = 'nghe-an' AND actual_mvnd IS NULL")
    assert without > 0
    note = next(c.value for c in app.caption if "không được xếp hạng" in c.value)
    assert f"; {without} đề án không có số kinh phí thực hiện" in note
    top = [d.value for d in app.dataframe if "Trạng thái" in d.value.columns][-1]
    assert not top["Thực hiện"].eq("không có số liệu").any()


@pytest.mark.parametrize(("lang", "says"), [("vi", "Không tính được chi phí"), ("en", "No cost per outcome")])
def test_outcomes_cost_without_both_sides_says_what_exists(shown_page, real_only_db_path, lang, says):
    app = shown_page(real_only_db_path, OUTCOMES, lang=lang)
    said = next(i.value for i in app.info if i.value.startswith(says))
    assert ("0 đề án có kinh phí thực hiện" if lang == "vi" else "0 projects with executed money") in said


PLAN_ACTUAL = "pages/plan_actual.py"


def test_plan_actual_opens_on_what_has_a_plan_an_actual_and_what_compares(shown_page, real_only_db_path):
    app = shown_page(real_only_db_path, PLAN_ACTUAL)
    projects, with_plan, with_actual = [db_value(real_only_db_path, f"SELECT count(*) FROM project {where}") for where
                                        in ("", "WHERE plan_mvnd IS NOT NULL", "WHERE actual_mvnd IS NOT NULL")]
    summary = next(m.value for m in app.markdown if m.value.startswith("- **Kinh phí đề án**"))
    assert (f"{projects} đề án; {with_plan} có số kế hoạch, {with_actual} có số thực hiện, 0 có cả hai nên so được"
            in summary)
    # Bắc Giang 2016–2020 and Lâm Đồng 2017 are the published plan–executed pairs (README, Plan versus actual)
    assert "2 cặp số kế hoạch – thực hiện" in summary
    # no key figures of "không có số liệu" and no chart of plan bars beside no actual: one sentence
    assert any(i.value.startswith("Chưa so được kinh phí đề án với kế hoạch") for i in app.info)
    assert not any(m.label == "Kinh phí thực hiện" for m in app.metric)


def test_plan_actual_draws_no_progress_chart_of_unjudged_bars(shown_page, real_only_db_path):
    from conftest import chart_data

    app = shown_page(real_only_db_path, PLAN_ACTUAL)
    texts = [str(trace.get("text")) for figure in chart_data(app) for trace in figure["data"]]
    assert not any("Chưa đánh giá" in text for text in texts)
    said = next(i.value for i in app.info if i.value.startswith("Chưa đánh giá được tiến độ"))
    assert "không có kế hoạch hay % kế hoạch" in said
    section_3 = next(d.value for d in app.dataframe if "Tiến độ" in d.value.columns and "Trích nguyên văn"
                     not in d.value.columns)
    assert "Kế hoạch" not in section_3.columns
    assert any(c.value.startswith("Không chỉ tiêu nào có số ở cột: Kế hoạch") for c in app.caption)


def test_plan_actual_reports_are_details_collapsed_under_their_unit_and_period(shown_page, real_only_db_path):
    app = shown_page(real_only_db_path, PLAN_ACTUAL, area="kv-phia-bac")
    labels = [e.label for e in app.expander]
    assert any(label.startswith("Khu vực phía Bắc · 6 tháng đầu năm 2024 · ") and label.endswith(" chỉ tiêu")
               for label in labels), labels


TRENDS = "pages/trends.py"


@pytest.mark.parametrize(("lang", "said"), [
    # Nghệ An's local allocation: 3 tỷ in 2006, 4 tỷ in 2007 (data/sources/allocation.csv): (4 − 3) / 3 = +33,3 %;
    # the other consecutive years of the same provinces and sources are flat
    ("vi", "chỉ một cặp có thay đổi: 2007 so với 2006: +33,3%"),
    ("en", "only one pair changed: 2007 against 2006: +33.3%"),
])
def test_trends_year_on_year_with_one_change_is_a_sentence_not_a_chart_of_one_bar(shown_page, real_only_db_path,
                                                                                     lang, said):
    from conftest import chart_data

    app = shown_page(real_only_db_path, TRENDS, lang=lang)
    assert any(said in c.value for c in app.caption)
    titles = [f["layout"]["title"]["text"] for f in chart_data(app)]
    assert not any(title.startswith(("Thay đổi so với năm trước", "Change on the previous year")) for title in titles)


def test_trends_year_on_year_with_changes_is_a_chart(shown_page, demo_db_path):
    from conftest import chart_data

    app = shown_page(demo_db_path, TRENDS, demo="1", area="nghe-an")
    change = next(f for f in chart_data(app) if f["layout"]["title"]["text"].startswith("Thay đổi so với năm trước"))
    assert sum(1 for y in change["data"][0]["y"] if y) >= 2


COMPARE = "pages/compare.py"


def test_compare_lists_the_provinces_with_the_kind_and_collapses_the_others(shown_page, real_only_db_path):
    app = shown_page(real_only_db_path, COMPARE)
    first = app.table[0].value
    total = "Tổng kinh phí (năm gần nhất)"
    # the default kind is the allocation: every row of the open table has one, none reads "không có số liệu" or "—"
    assert not first[total].str.startswith(("không có số liệu", "—")).any()
    said = next(m.value for m in app.markdown if "tỉnh/thành phố có số **Phân bổ**" in m.value)
    # Ninh Bình, Nghệ An, Bắc Giang, Lâm Đồng, Hải Phòng, Quảng Ninh, Long An: a whole year's allocation each
    # (Vĩnh Phúc's 600 triệu is part of a year, not counted as one)
    assert said.startswith("7 trong ") and len(first) == 7
    shown, without = int(said.split(" trong ")[1].split(" ")[0]), int(said.split("; ")[1].split(" ")[0])
    assert shown == 7 + without
    collapsed = next(e for e in app.expander if e.label.endswith("không có số loại này"))
    assert collapsed.label.startswith(f"{without} tỉnh/thành phố")
