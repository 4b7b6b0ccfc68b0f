"""National-scale illustrative data (`python -m etl national`): honest flags, the real figures intact, checks green."""

import csv

import duckdb
import pytest
from conftest import ROOT, run_etl

PROJECTS = 6000


@pytest.fixture(scope="module")
def national_db_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("national") / "national.duckdb"
    done = run_etl("national", "--projects", str(PROJECTS), "--db", str(path))
    assert done.returncode == 0, done.stderr
    return path


@pytest.fixture()
def national(national_db_path):
    con = duckdb.connect(str(national_db_path), read_only=True)
    yield con
    con.close()


def one(con, sql: str, params=None):
    return con.execute(sql, params or []).fetchone()


def test_asked_number_of_projects_is_generated_on_top_of_the_real_ones(national):
    real = len(list(csv.DictReader((ROOT / "data" / "sources" / "project.csv").open(encoding="utf-8"))))
    assert one(national, "SELECT count(*) FILTER (WHERE is_illustrative), count(*) FILTER (WHERE NOT is_illustrative) "
                         "FROM project") == (PROJECTS, real)


def test_every_generated_row_is_flagged_and_cites_the_illustrative_document(national):
    for table in ("allocation", "project", "outcome"):
        flagged = one(national, f"SELECT count(*) FILTER (WHERE is_illustrative AND doc_id = 'minh-hoa'), "
                                f"count(*) FILTER (WHERE is_illustrative) FROM {table}")
        assert flagged[0] == flagged[1] > 0, table
    assert one(national, "SELECT kind, is_illustrative FROM source_document WHERE doc_id = 'minh-hoa'") == (
        "illustrative", True)


def test_sixty_three_provinces_over_twenty_five_years(national):
    assert one(national, "SELECT count(DISTINCT area_id), min(year), max(year) FROM project "
                         "WHERE is_illustrative AND year < 2025") == (63, 2001, 2024)


def test_2025_is_reported_by_the_units_after_the_merger(national):
    reported = {a for (a,) in national.execute(
        "SELECT DISTINCT area_id FROM project WHERE is_illustrative AND year = 2025").fetchall()}
    current = {a for (a,) in national.execute(
        "SELECT DISTINCT current_area_id FROM v_area_current WHERE area_id <> 'ha-tay' "
        "AND area_id IN (SELECT from_area_id FROM area_crosswalk)").fetchall()}
    assert reported == current and len(reported) == 34


@pytest.mark.parametrize(("year", "real_mvnd"), [(2002, 2000), (2006, 3000), (2007, 4000), (2018, 4500)])
def test_real_annual_figures_stay_and_generated_plans_add_up_to_them(national, year, real_mvnd):
    assert one(national, "SELECT amount_mvnd FROM allocation WHERE area_id = 'nghe-an' AND funding_source = 'local' "
                         "AND year_from = ? AND year_to = ? AND NOT is_illustrative", [year, year])[0] == real_mvnd
    assert one(national, "SELECT sum(plan_mvnd) FROM project WHERE area_id = 'nghe-an' AND funding_source = 'local' "
                         "AND year = ? AND is_illustrative", [year])[0] == real_mvnd


def test_no_generated_allocation_inside_a_real_period_total(national):
    assert one(national, "SELECT count(*) FROM allocation WHERE is_illustrative AND area_id = 'nghe-an' "
                         "AND funding_source = 'central' AND year_from BETWEEN 2002 AND 2018")[0] == 0


def test_not_reported_and_zero_both_occur_and_stay_apart(national):
    nulls, zeros = one(national, "SELECT count(*) FILTER (WHERE actual_mvnd IS NULL), "
                                 "count(*) FILTER (WHERE actual_mvnd = 0) FROM project WHERE is_illustrative")
    assert nulls > 0 and zeros > 0
    assert one(national, "SELECT count(*) FROM project WHERE actual_mvnd = 0 AND status <> 'cancelled'")[0] == 0


def test_data_tests_pass_on_the_national_database(national_db_path):
    done = run_etl("check", "--db", str(national_db_path))
    assert done.returncode == 0, done.stdout + done.stderr


def test_same_seed_gives_the_same_rows(tmp_path, national):
    again = tmp_path / "again.duckdb"
    assert run_etl("national", "--projects", str(PROJECTS), "--db", str(again)).returncode == 0
    digest = ("SELECT md5(string_agg(project_id || name || coalesce(actual_mvnd::VARCHAR, '-'), '|' "
              "ORDER BY project_id)) FROM project")
    con = duckdb.connect(str(again), read_only=True)
    try:
        assert one(con, digest) == one(national, digest)
    finally:
        con.close()
