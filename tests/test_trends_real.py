"""Funding trends and Overview on the real (published) figures, as a reader sees them: a sum over a changing set of
provinces is never joined into a line, a growth rate or a running total; plan and executed stand side by side; the
years whose reports differ are marked; the Overview says what its total rests on. Also the comparability rule
itself (funding.year_coverage and what reads it)."""

import pandas as pd
import pytest
from conftest import chart_data, run_page

from khuyencong.figures.funding import (
    comparable_growth,
    source_shares,
    why_not_comparable,
    year_coverage,
    year_on_year_change,
    yearly_totals,
)

TRENDS = "pages/trends.py"


def annual(*rows) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["unit_id", "year", "funding_source", "amount_mvnd"])


# --- the rule --------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("rows", "joined", "reason"), [
    # one province, every year: joined throughout
    ([("nghe-an", 2002, "local", 2000), ("nghe-an", 2003, "local", 2000), ("nghe-an", 2004, "local", 3000)],
     [False, True, True], None),
    # a year missing: not joined across the gap
    ([("nghe-an", 2002, "local", 2000), ("nghe-an", 2004, "local", 3000)], [False, False], "series_years_missing"),
    # another province joins in 2003: the sum changes its base
    ([("nghe-an", 2002, "local", 2000), ("nghe-an", 2003, "local", 2000), ("bac-giang", 2003, "state", 1150)],
     [False, False], "series_units_change"),
    # the same province, a source added: not the same base either
    ([("quang-ninh", 2016, "local", 1000), ("quang-ninh", 2017, "local", 1000), ("quang-ninh", 2017, "central", 800)],
     [False, False], "series_units_change"),
    ([("long-an", 2021, "local", 1400)], [False], "series_one_year"),
])
def test_years_are_joined_only_over_the_same_units_and_sources(rows, joined, reason):
    coverage = year_coverage(annual(*rows))
    assert list(coverage["joined"]) == joined
    assert why_not_comparable(coverage) == reason


def test_units_per_year_count_provinces_not_sources():
    coverage = year_coverage(annual(("quang-ninh", 2017, "local", 1000), ("quang-ninh", 2017, "central", 800),
                                    ("nghe-an", 2017, "local", 4500)))
    assert coverage.loc[0, "units"] == 2 and coverage.loc[0, "unit_ids"] == ["nghe-an", "quang-ninh"]


@pytest.mark.parametrize(("rows", "growth", "reason", "changes"), [
    ([("nghe-an", 2002, "local", 2000), ("nghe-an", 2003, "local", 3000)], 50.0, None, {2003: 50.0}),
    # Nghệ An alone in 2002, Long An alone in 2003: no growth, no change, whatever the amounts
    ([("nghe-an", 2002, "local", 2000), ("long-an", 2003, "local", 1400)], None, "series_units_change", {}),
    # a change only between the two years on the same base
    ([("nghe-an", 2002, "local", 2000), ("nghe-an", 2003, "local", 3000), ("nghe-an", 2004, "local", 3000),
      ("bac-giang", 2004, "state", 100)], None, "series_units_change", {2003: 50.0}),
])
def test_growth_and_change_only_over_a_constant_set(rows, growth, reason, changes):
    frame = annual(*rows)
    coverage = year_coverage(frame)
    value, why = comparable_growth(yearly_totals(frame), coverage)
    assert (value if value is None else round(value, 6), why) == (growth, reason)
    found = year_on_year_change(yearly_totals(frame), coverage)
    assert dict(zip(found["year"], found["change_pct"].round(6))) == changes


def test_shares_only_over_units_reporting_both_sources():
    frame = pd.DataFrame([("nghe-an", "local", 60000), ("nghe-an", "central", 16300), ("long-an", "local", 1400)],
                         columns=["unit_id", "funding_source", "amount_mvnd"])
    shares, units = source_shares(frame)
    assert units == 1 and round(shares["central"], 1) == 21.4  # Long An's local-only figure is left out
    assert source_shares(frame[frame["unit_id"] == "long-an"]) == ({}, 0)


# --- Funding trends --------------------------------------------------------------------------------------------------

def metrics(app) -> dict[str, str]:
    return {m.label: m.value for m in app.metric}


def trace(figure: dict, name: str) -> dict:
    return next(t for t in figure["data"] if t.get("name") == name)


def titles(app) -> list[str]:
    return [f["layout"]["title"]["text"] for f in chart_data(app)]


@pytest.mark.parametrize(("lang", "count", "labels", "nghe_an", "growth", "no_cumulative"), [
    # 2017: Nghệ An, Ninh Bình and Quảng Ninh allocate (Bình Định's 3,62 tỷ of 2017 is a combined total: BD7, stated)
    ("vi", "Số tỉnh có số liệu", ("1 tỉnh", "3 tỉnh"), "Nghệ An", "Tăng trưởng bình quân năm", "Không vẽ lũy kế"),
    ("en", "Provinces reporting", ("1 prov.", "3 prov."), "Nghệ An", "Average annual growth", "No cumulative line"),
])
def test_all_areas_show_provinces_per_year_and_no_growth(shown_page, real_only_db_path, lang, count, labels, nghe_an,
                                                          growth, no_cumulative):
    app = shown_page(real_only_db_path, TRENDS, lang=lang)
    assert not app.exception
    shown = metrics(app)
    assert shown[growth] == "—" and shown[count] == "7"
    main = chart_data(app)[0]
    per_year = dict(zip(*(trace(main, count)[k] for k in ("x", "text"))))
    assert (per_year[2002], per_year[2017]) == labels and per_year[2021] == labels[0]
    assert nghe_an in dict(zip(trace(main, count)["x"], trace(main, count)["customdata"]))[2002][0]
    # The total is not joined from Nghệ An alone (2004) to Nghệ An and Bắc Giang (2005): a gap between them
    total = trace(main, "Tổng" if lang == "vi" else "Total")
    points = list(zip(total["x"], total["y"]))
    assert points[points.index((2004, 2.0)) + 1][1] is None
    # no cumulative line, and no chart of the year-on-year change: one pair changed (2007), a sentence says it
    assert len(chart_data(app)) == 1 and not any("lũy kế" in t.lower() or "cumulative" in t.lower()
                                                 for t in titles(app))
    assert any(c.value.startswith(no_cumulative) for c in app.caption)


def test_one_province_every_year_keeps_its_line_and_growth(shown_page, real_only_db_path):
    app = shown_page(real_only_db_path, TRENDS, area="nghe-an", source="local")
    assert metrics(app)["Tăng trưởng bình quân năm"] == "5,2%"
    total = trace(chart_data(app)[0], "Tổng")
    assert None not in total["y"] and total["mode"] == "lines+markers"
    assert "Kinh phí lũy kế" in titles(app)


@pytest.mark.parametrize(("lang", "plan", "executed"), [
    ("vi", ("Số kế hoạch", "2016–2020 · Mục tiêu / dự kiến", "141,35 tỷ đồng"),
     ("Số thực hiện", "2016–2020 · Thực hiện / đã chi", "> 30,72 tỷ đồng")),
    ("en", ("Plan side", "2016–2020 · Target / expected", "VND 141.35 bn"),
     ("Executed side", "2016–2020 · Executed (spent)", "> VND 30.72 bn")),
])
def test_bac_giang_plan_and_executed_are_two_figures(shown_page, real_only_db_path, lang, plan, executed):
    app = shown_page(real_only_db_path, TRENDS, area="bac-giang", lang=lang)
    chart = next(f for f in chart_data(app) if f["layout"]["yaxis"].get("type") == "category")
    bars = {(t["name"], y): text for t in chart["data"] for y, text in zip(t["y"], t["text"])}
    assert bars[plan[:2]] == plan[2] and bars[executed[:2]] == executed[2]
    assert chart["layout"]["barmode"] == "overlay"   # one bar per figure, never stacked into one sum
    assert not any("172" in text for text in bars.values())


def test_other_kinds_are_named_when_the_chosen_kind_has_none(real_only_db_path):
    app = run_page(real_only_db_path, TRENDS, area="bac-giang", years="2011-2020")
    notes = [i.value for i in app.info]
    assert any(n.startswith("Không có số “Phân bổ” trong phạm vi này. Có ") and "số thực hiện" in n for n in notes)
    app.selectbox(key="trends_kind").set_value("executed").run()   # the page's kind picker (ui/kind_picker.py)
    assert app.query_params["kind"] == "executed"
    assert titles(app)[0] == "Kinh phí khuyến công theo năm và nguồn: Thực hiện / đã chi"
    # six period totals: listed in a table under the chart rather than piled up over it
    periods = app.dataframe[0].value
    assert len(periods) == 6 and not [c for c in app.caption if "tổng giai đoạn" in c.value]
    rows = {(r["Nguồn"], r["Giai đoạn"]): r["Tổng giai đoạn"] for _, r in periods.iterrows()}
    assert rows[("Ngân sách nhà nước (không nêu cấp)", "2011–2015")] == "18,9 tỷ đồng"
    assert rows[("Cấp huyện", "2016–2020")] == "> 8,6 tỷ đồng"   # 8,57: the column's one precision (1 %)


def test_kind_in_the_link_opens_that_kind(shown_page, real_only_db_path):
    app = shown_page(real_only_db_path, TRENDS, kind="approved_plan", lang="en")
    assert titles(app)[0] == "Khuyến công funding by year and source: Approved plan"
    assert app.query_params["kind"] == "approved_plan"


# --- Overview --------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("params", "sentence"), [
    # Annual allocations: Nghệ An 2002–2018 (17), Ninh Bình 2016–2020 (5), Bắc Giang 2005 and 2009, Quảng Ninh 2017,
    # Lâm Đồng 2019, Long An 2021, Hải Phòng 2020: 7 provinces, 28 of the 63 × 24 province-years.
    ({}, "Số Phân bổ từng năm: 7 tỉnh, 28 tỉnh-năm trong 63 × 24 (1,9%)"),
    ({"lang": "en"}, "Allocated figures by year: 7 provinces, 28 province-years of 63 × 24 (1.9%)"),
    ({"area": "nghe-an", "years": "2002-2018"}, "Số Phân bổ từng năm: 1 tỉnh, 17 tỉnh-năm trong 63 × 17 (1,6%)"),
    ({"area": "toan-quoc"}, "Số Phân bổ từng năm: 0 tỉnh, 0 tỉnh-năm trong 63 × 24 (0,0%)"),   # not a province
    ({"area": "bac-giang", "lang": "en"}, "Allocated figures by year: 1 province, 2 province-years of 63 × 24 (0.1%)"),
    ({"area": "thai-binh"}, "Số Phân bổ từng năm: 0 tỉnh, 0 tỉnh-năm trong 63 × 24 (0,0%)"),
])
def test_overview_says_what_the_total_rests_on(shown_page, real_only_db_path, params, sentence):
    app = shown_page(real_only_db_path, **params)
    assert any(c.value.startswith(sentence) for c in app.caption), [c.value for c in app.caption]


def test_overview_names_the_other_kinds_it_does_not_add(shown_page, real_only_db_path):
    app = shown_page(real_only_db_path, area="lam-dong")
    # 2019: "trên 9 tỷ", of which about 7 tỷ recoverable loans (LD6): the khuyến công allocation is > 2 tỷ
    assert {m.label: m.value for m in app.metric}["Tổng kinh phí khuyến công"] == "> 2 tỷ đồng"
    # the other kinds are offered by the kind picker, each with how many figures of it the view holds
    options = next(s for s in app.selectbox if s.label == "Loại số").options
    assert "Kế hoạch được duyệt (4)" in options and "Thực hiện / đã chi (2)" in options, options


def test_overview_shares_only_over_provinces_with_both_sources(shown_page, real_only_db_path):
    everything = {m.label: m for m in shown_page(real_only_db_path).metric}
    # the label names the provinces the share is taken over
    central = everything["Tỷ trọng Trung ương · Nghệ An, Quảng Ninh"]
    assert central.value == "21,9%"   # Nghệ An and Quảng Ninh: (16,3 + 0,8) / 78,1
    assert "2 tỉnh" in central.help
    one_source = {m.label: m.value for m in shown_page(real_only_db_path, area="nghe-an", years="2007-2016").metric}
    assert one_source["Tỷ trọng địa phương"] == one_source["Tỷ trọng Trung ương"] == "—"


def test_areas_side_by_side_are_not_joined_through_missing_years(shown_page, real_only_db_path):
    app = shown_page(real_only_db_path, TRENDS, area="nghe-an,bac-giang")
    chart = next(f for f in chart_data(app) if f["layout"]["title"]["text"] == "So sánh các địa phương đã chọn")
    bac_giang = next(t for t in chart["data"] if t["name"].startswith("Bắc Giang"))
    assert list(zip(bac_giang["x"], bac_giang["y"])) == [(2005, 1.15), (2008.5, None), (2009, 2.631)]
    nghe_an = next(t for t in chart["data"] if t["name"] == "Nghệ An")
    assert None not in nghe_an["y"] and len(nghe_an["x"]) == 17   # 2002–2018, every year: one line
