"""Illustrative marks are drawn apart from real ones in every chart (issue 16): a bar built from illustrative rows is
cross-hatched ("x"), a line point open, a map area outlined orange, and the legend names the pattern; real marks keep
their look, and a view of published figures only has none of it. Expectations come from the database's
is_illustrative, not from the figures code that draws the marks."""

from collections import Counter

import duckdb
import pytest
from conftest import chart_data, run_page

from khuyencong.render.charts import ILLUSTRATIVE_SHAPE
from khuyencong.render.maps import ILLUSTRATIVE_OUTLINE

LEGEND = {"vi": "Dữ liệu minh họa", "en": "Illustrative data"}


def chart(app, title_part: str) -> dict:
    found = [c for c in chart_data(app) if title_part in str((c["layout"].get("title") or {}).get("text", ""))]
    assert found, f"no chart titled …{title_part}…"
    return found[0]


def hatched(trace: dict) -> list[bool]:
    """Per bar (or treemap tile): drawn with the illustrative pattern."""
    shape = ((trace.get("marker") or {}).get("pattern") or {}).get("shape")
    count = len(trace.get("x") or trace.get("y") or trace.get("ids") or [])
    if isinstance(shape, list):
        return [s == ILLUSTRATIVE_SHAPE for s in shape]
    return [shape == ILLUSTRATIVE_SHAPE] * count


def open_points(trace: dict) -> list[bool]:
    symbol = (trace.get("marker") or {}).get("symbol")
    count = len(trace.get("x") or [])
    if isinstance(symbol, list):
        return [str(s).endswith("-open") for s in symbol]
    return [str(symbol or "").endswith("-open")] * count


def legend_names(figure: dict) -> list[str]:
    return [str(tr.get("name")) for tr in figure["data"] if tr.get("showlegend") is not False and tr.get("name")]


def illustrative_areas(path) -> set[str]:
    """Areas with an illustrative allocation of the default kind: their money is (partly) made up."""
    con = duckdb.connect(str(path), read_only=True)
    try:
        return {r[0] for r in con.execute("SELECT DISTINCT area_id FROM allocation WHERE is_illustrative "
                                          "AND figure = 'allocated'").fetchall()}
    finally:
        con.close()


def test_compare_ranking_hatches_exactly_the_areas_whose_money_is_illustrative(demo_db_path):
    app = run_page(demo_db_path, "pages/compare.py", demo="1")
    figure = chart(app, "Xếp hạng")
    made_up = illustrative_areas(demo_db_path)
    bars = {}
    for trace in figure["data"]:
        if trace.get("type") == "bar" and trace.get("customdata"):
            bars |= {data[1]: flag for data, flag in zip(trace["customdata"], hatched(trace))}
    assert {u for u, flag in bars.items() if flag} == {u for u in bars if u in made_up}
    assert any(bars.values()) and not all(bars.values())  # Lâm Đồng, Quảng Ninh: published figures, plain bars
    assert "lam-dong" in bars and not bars["lam-dong"]
    assert LEGEND["vi"] + " (gạch chéo)" in legend_names(figure)


def test_compare_map_outlines_exactly_the_illustrative_areas(demo_db_path):
    app = run_page(demo_db_path, "pages/compare.py", demo="1", lang="en")
    figure = next(f for f in chart_data(app) if any(tr.get("type") == "choropleth" for tr in f["data"]))
    drawn = next(tr for tr in figure["data"] if tr.get("type") == "choropleth" and tr.get("colorbar"))
    outlined = {data[0] for data, colour in zip(drawn["customdata"], drawn["marker"]["line"]["color"])
                if colour == ILLUSTRATIVE_OUTLINE}
    made_up = illustrative_areas(demo_db_path)
    assert outlined == {data[0] for data in drawn["customdata"]} & made_up and outlined
    assert "lam-dong" not in outlined
    assert LEGEND["en"] + " (orange outline)" in legend_names(figure)


def test_trend_bars_of_a_year_with_illustrative_rows_are_hatched_and_the_others_not(demo_db_path):
    """Nghệ An's 2007 central figure is published; the demo adds made-up years around it."""
    con = duckdb.connect(str(demo_db_path), read_only=True)
    rows = con.execute("SELECT year_from, funding_source, bool_or(is_illustrative) FROM allocation "
                       "WHERE area_id = 'nghe-an' AND figure = 'allocated' AND year_from = year_to "
                       "GROUP BY ALL").fetchall()
    con.close()
    expected = {(int(y), s): bool(flag) for y, s, flag in rows}
    app = run_page(demo_db_path, "pages/trends.py", demo="1", area="nghe-an")
    figure = chart(app, "theo năm và nguồn")
    shown = {}
    for trace in figure["data"]:
        if trace.get("type") == "bar" and trace.get("customdata") and len(trace["customdata"][0]) > 2:
            for year, data, flag in zip(trace["x"], trace["customdata"], hatched(trace)):
                shown[(int(year), data[2])] = flag
    assert shown and shown == {k: v for k, v in expected.items() if k in shown}
    assert True in shown.values() and False in shown.values()
    total = next(tr for tr in figure["data"] if tr.get("name") == "Tổng" and tr.get("mode") == "markers")
    years_made_up = {y for (y, _), flag in expected.items() if flag}
    assert [p for x, p in zip(total["x"], open_points(total)) if x == int(x)] == \
        [int(x) in years_made_up for x in total["x"] if x == int(x)]


def test_lines_of_two_areas_open_the_illustrative_points(demo_db_path):
    app = run_page(demo_db_path, "pages/trends.py", demo="1", area="nghe-an,lam-dong")
    figure = chart(app, "So sánh các địa phương")
    points = {tr["name"].split(" (")[0]: tr for tr in figure["data"] if tr.get("type") == "scatter"
              and tr.get("customdata")}
    assert set(points) == {"Nghệ An", "Lâm Đồng"}
    assert not any(open_points(points["Lâm Đồng"]))  # published figures only
    assert any(open_points(points["Nghệ An"])) and not all(open_points(points["Nghệ An"]))
    dotted = [tr for tr in figure["data"] if (tr.get("line") or {}).get("dash") == "dot"
              and tr.get("showlegend") is not False]
    assert [tr["name"] for tr in dotted] == [LEGEND["vi"] + " (nét chấm, điểm rỗng)"]


def test_outcome_bars_are_hatched_as_every_project_with_money_is_illustrative(demo_db_path):
    con = duckdb.connect(str(demo_db_path), read_only=True)
    real_with_money = con.execute("SELECT count(*) FROM project WHERE actual_mvnd IS NOT NULL "
                                  "AND NOT is_illustrative").fetchone()[0]
    con.close()
    assert real_with_money == 0  # the bundled documents give no project money: every such bar is made up
    app = run_page(demo_db_path, "pages/outcomes.py", demo="1")
    figure = chart(app, "theo nội dung khuyến công")
    bars = next(tr for tr in figure["data"] if tr.get("type") == "bar" and tr.get("customdata"))
    assert all(hatched(bars)) and len(hatched(bars)) == len(bars["y"])
    treemap = chart(app, "nội dung → ngành nghề")
    assert all(hatched(treemap["data"][0])) and LEGEND["vi"] in treemap["layout"]["title"]["text"]


# Every page with charts in the published figures (Outcomes and Plan vs actual have none: no document gives project
# money, no reported outcome has a status to chart).
PAGES = [("pages/overview.py", {}), ("pages/trends.py", {}), ("pages/trends.py", {"area": "nghe-an,lam-dong"}),
         ("pages/trends.py", {"area": "bac-giang"}), ("pages/compare.py", {}),
         ("pages/profile.py", {"area": "nghe-an"})]


@pytest.mark.parametrize(("page", "params"), PAGES)
def test_a_view_of_published_figures_has_no_illustrative_mark(demo_db_path, page, params):
    app = run_page(demo_db_path, page, **params)
    assert not app.exception
    figures = chart_data(app)
    assert figures
    for figure in figures:
        for trace in figure["data"]:
            assert not any(hatched(trace)), (page, trace.get("name"))
            assert not any((trace.get("meta") or {}).get("illustrative", [])), (page, trace.get("name"))
            assert not any((tr.get("line") or {}).get("dash") == "dot" for tr in figure["data"]
                           if tr.get("type") == "scatter" and tr.get("hoverinfo") == "skip"), page
            line = (trace.get("marker") or {}).get("line") or {}
            assert ILLUSTRATIVE_OUTLINE not in (line.get("color") or []), page
        assert not any(name.startswith(LEGEND["vi"]) for name in legend_names(figure)), page


def bars_by_key(figure: dict, key) -> Counter:
    """(key of a bar, hatched) for every bar of every bar trace with data; key(trace, index) names the bar."""
    return Counter((key(tr, i), flag) for tr in figure["data"] if tr.get("type") == "bar" and tr.get("customdata")
                   for i, flag in enumerate(hatched(tr)))


def rows_behind(path, sql: str) -> Counter:
    """(key, any row illustrative) per group of rows the SQL returns as (key..., bool_or(is_illustrative))."""
    con = duckdb.connect(str(path), read_only=True)
    try:
        return Counter((tuple(row[:-1]) if len(row) > 2 else row[0], bool(row[-1]))
                       for row in con.execute(sql).fetchall())
    finally:
        con.close()


# Each chart's bars, and the rows behind each bar by the rule the chart states, read straight from the tables.
# Overview "theo năm": one stacked bar per province, year and khuyến công source of the allocated annual figures; of
# two documents giving one figure (Long An 2021: LA1 and LA1r2, 1,4 tỷ each) the newest only, and no figure of part
# of a year (a first round, "by August").
OVERVIEW_ROWS = """
    SELECT a.year_from, a.funding_source, round(sum(a.amount_mvnd)::DOUBLE, 3), bool_or(a.is_illustrative)
    FROM allocation AS a JOIN area AS u USING (area_id)
    JOIN funding_source AS s ON s.funding_source_id = a.funding_source
    JOIN (SELECT a2.area_id, a2.year_from, a2.year_to, a2.funding_source, a2.figure, a2.doc_id,
                 row_number() OVER (PARTITION BY a2.area_id, a2.year_from, a2.year_to, a2.funding_source, a2.figure
                                    ORDER BY d.published_on DESC NULLS LAST, a2.doc_id) AS version_rank
          FROM allocation AS a2 JOIN source_document AS d USING (doc_id)) AS v
      ON v.area_id = a.area_id AND v.year_from = a.year_from AND v.year_to = a.year_to
     AND v.funding_source = a.funding_source
     AND v.figure = a.figure AND v.doc_id = a.doc_id
    WHERE a.figure = 'allocated' AND a.year_from = a.year_to AND a.amount_mvnd IS NOT NULL AND u.level = 'province'
      AND s.is_khuyen_cong AND v.version_rank = 1 AND a.partial_period IS NULL
    GROUP BY a.area_id, a.year_from, a.funding_source"""
# Plan versus actual, Nghệ An: each year's plan, plan without actual and actual bars stand for every project of that
# year (those with no amount included: the hover counts them).
PLAN_ACTUAL_ROWS = """
    SELECT year, bool_or(is_illustrative) FROM project WHERE area_id = 'nghe-an' GROUP BY year"""
# Profile, Nghệ An: one bar per khuyến công source, kind of figure and year of its annual figures (it states no
# annual totals: its stated totals span 2002–2018).
PROFILE_ROWS = """
    SELECT s.name_vi || ' · ' || k.name_vi, a.year_from, bool_or(a.is_illustrative)
    FROM allocation AS a JOIN funding_source AS s ON s.funding_source_id = a.funding_source
    JOIN figure_kind AS k ON k.figure_id = a.figure
    WHERE a.area_id = 'nghe-an' AND a.year_from = a.year_to AND a.amount_mvnd IS NOT NULL AND s.is_khuyen_cong
    GROUP BY ALL"""
BAR_VIEWS = [
    ("pages/overview.py", {}, "theo năm", OVERVIEW_ROWS,
     lambda tr, i: (int(tr["x"][i]), tr["customdata"][i][2], round(tr["customdata"][i][1], 3))),
    ("pages/plan_actual.py", {"area": "nghe-an"}, "kế hoạch và thực hiện", PLAN_ACTUAL_ROWS,
     lambda tr, i: int(tr["x"][i])),
    ("pages/profile.py", {"area": "nghe-an"}, "theo năm, theo nguồn", PROFILE_ROWS,
     lambda tr, i: (tr["name"], int(tr["x"][i]))),
]


@pytest.mark.parametrize(("page", "params", "title", "sql", "key"), BAR_VIEWS, ids=["overview", "plan", "profile"])
def test_every_bar_of_a_demo_view_is_hatched_exactly_when_a_row_behind_it_is_illustrative(
        demo_db_path, page, params, title, sql, key):
    """The pattern of each bar against the database's is_illustrative of the rows behind that bar (not against the
    flags the figures code keeps on the trace), and the legend names the pattern."""
    expected = rows_behind(demo_db_path, sql)
    assert True in {flag for _, flag in expected}  # the view holds illustrative bars: a lost pattern shows
    app = run_page(demo_db_path, page, demo="1", **params)
    figure = chart(app, title)
    shown = bars_by_key(figure, key)
    if page == "pages/plan_actual.py":  # three bars a year (plan, plan without actual, actual), one set of rows
        shown = Counter({k: 1 for k in shown})
    assert shown == expected
    assert LEGEND["vi"] + " (gạch chéo)" in legend_names(figure)


@pytest.mark.chromium
@pytest.mark.parametrize(("demo", "marked"), [("0", False), ("1", True)])
def test_the_ranking_png_carries_the_watermark_only_with_illustrative_marks(demo_db_path, downloads, demo, marked):
    from test_watermark import watermark_pixels

    app = run_page(demo_db_path, "pages/compare.py", demo=demo)
    figure = chart(app, "Xếp hạng")
    assert any(any(hatched(tr)) for tr in figure["data"]) is marked
    png = next(data for name, data in downloads(app, suffixes=("cmp_ranking_chart_png",)).items()
               if name.endswith(".png"))
    assert (watermark_pixels(png) > 500) is marked
