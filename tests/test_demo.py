"""Illustrative data: flagged on every row, deterministic, fitted to the real figures, optional."""

import duckdb
import pytest

from etl.build import build_database
from etl.demo import DEMO_DOC_ID

FACT_TABLES = ["allocation", "project", "outcome"]


@pytest.mark.parametrize("table", FACT_TABLES)
def test_every_generated_row_is_flagged_and_cites_the_illustrative_document(demo_db, table):
    row = demo_db.execute(
        f"SELECT count(*), count(*) FILTER (WHERE t.is_illustrative AND d.is_illustrative "
        f"AND d.kind = 'illustrative') FROM {table} AS t JOIN source_document AS d USING (doc_id) "
        f"WHERE t.doc_id = ?", [DEMO_DOC_ID]).fetchone()
    assert row[0] > 0 and row[0] == row[1]


@pytest.mark.parametrize("table", FACT_TABLES)
def test_no_demo_build_has_no_illustrative_rows(real_db, table):
    assert real_db.execute(f"SELECT count(*) FROM {table} WHERE is_illustrative").fetchone()[0] == 0


@pytest.mark.parametrize(("area", "last_year"), [
    ("nghe-an", 2025), ("ha-tinh", 2025), ("thanh-hoa", 2025), ("ha-noi", 2025),
    ("thai-binh", 2024), ("hung-yen", 2024),  # merged on 1 July 2025: their 2025 is the new Hưng Yên's
])
def test_each_area_has_projects_every_year_from_2002(demo_db, area, last_year):
    years = demo_db.execute("SELECT min(year), max(year), count(DISTINCT year) FROM project WHERE area_id = ? "
                            "AND is_illustrative", [area]).fetchone()
    assert years == (2002, last_year, last_year - 2001)


def test_merged_units_report_2025_as_the_new_hung_yen(demo_db):
    areas = demo_db.execute("SELECT DISTINCT area_id FROM project WHERE year = 2025 AND is_illustrative "
                            "AND area_id LIKE 'hung-yen%' OR area_id = 'thai-binh' AND year = 2025").fetchall()
    assert areas == [("hung-yen-2025",)]


@pytest.mark.parametrize("year", [2002, 2006, 2007, 2017, 2018])
def test_illustrative_projects_add_up_to_the_real_nghe_an_local_figure(demo_db, year):
    real, planned = demo_db.execute(
        "SELECT (SELECT amount_mvnd FROM allocation WHERE area_id = 'nghe-an' AND funding_source = 'local' "
        "AND figure = 'allocated' AND year_from = $y AND year_to = $y AND NOT is_illustrative), "
        "(SELECT sum(plan_mvnd) FROM project WHERE area_id = 'nghe-an' AND funding_source = 'local' AND year = $y "
        "AND is_illustrative)", {"y": year}).fetchone()
    assert planned == real


def test_not_reported_and_zero_both_occur_and_differ(demo_db):
    null_actual, zero_actual = demo_db.execute(
        "SELECT count(*) FILTER (WHERE actual_mvnd IS NULL), count(*) FILTER (WHERE actual_mvnd = 0) FROM project "
        "WHERE is_illustrative").fetchone()
    assert null_actual > 0 and zero_actual > 0


def test_outcomes_carry_plan_actual_and_same_period_prior(demo_db):
    row = demo_db.execute(
        "SELECT count(*) FILTER (WHERE plan_value IS NOT NULL AND actual_value IS NOT NULL), "
        "count(*) FILTER (WHERE prior_value IS NOT NULL), count(DISTINCT period) FROM outcome WHERE is_illustrative"
    ).fetchone()
    assert row[0] > 1000 and row[1] > 500 and row[2] == 6


def test_same_seed_gives_the_same_data(tmp_path, demo_db):
    again = build_database(tmp_path / "again.duckdb", with_demo=True, progress=lambda _m: None)
    con = duckdb.connect(str(again), read_only=True)
    query = ("SELECT md5(string_agg(project_id || name || coalesce(actual_mvnd::VARCHAR, '-'), '|' "
             "ORDER BY project_id)) FROM project")
    try:
        assert con.execute(query).fetchone() == demo_db.execute(query).fetchone()
    finally:
        con.close()


def test_no_illustrative_figure_where_a_real_one_of_the_same_kind_covers_the_province_year(demo_db):
    """Issue 13: the generator never fills a province-year that has a real figure of that kind, a real period total
    or a figure whose level is not stated ('state', which covers every level) included."""
    clashes = demo_db.execute("""
        SELECT i.area_id, i.year_from, i.funding_source, i.figure, r.doc_id
        FROM allocation AS i
        JOIN allocation AS r
          ON r.area_id = i.area_id AND r.figure = i.figure AND i.year_from BETWEEN r.year_from AND r.year_to
         AND (r.funding_source = i.funding_source OR 'state' IN (r.funding_source, i.funding_source))
        WHERE i.is_illustrative AND NOT r.is_illustrative""").fetchall()
    assert clashes == []
    assert demo_db.execute("SELECT count(*) FROM allocation WHERE is_illustrative").fetchone()[0] > 0
