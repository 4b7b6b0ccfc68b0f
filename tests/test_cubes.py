"""The summary cubes the pages read add up to exactly the rows they summarise, after a build and after an import."""

import duckdb
import pytest

from etl.cubes import refresh_cubes

# (cube measure, the same figure computed from the rows)
PROJECT_MEASURES = [
    ("sum(projects)", "count(*)"),
    ("sum(plan_mvnd)", "sum(plan_mvnd)"),
    ("sum(plan_reported)", "count(plan_mvnd)"),
    ("sum(actual_mvnd)", "sum(actual_mvnd)"),
    ("sum(actual_reported)", "count(actual_mvnd)"),
    ("sum(counterpart_mvnd)", "sum(counterpart_mvnd)"),
    ("sum(actual_with_both_mvnd)", "sum(actual_mvnd) FILTER (WHERE counterpart_mvnd IS NOT NULL)"),
    ("sum(plan_and_actual_reported)", "count(*) FILTER (WHERE plan_mvnd IS NOT NULL AND actual_mvnd IS NOT NULL)"),
]
OUTCOME_MEASURES = [
    ("sum(source_rows)", "count(*)"),
    ("sum(actual_value)", "sum(actual_value)"),
    ("sum(actual_reported)", "count(actual_value)"),
    ("sum(positive_actual_value)", "sum(actual_value) FILTER (WHERE actual_value > 0)"),
    ("sum(prior_reported)", "count(prior_value)"),
]


@pytest.mark.parametrize(("cube", "table", "measure", "rows"),
                         [("project_cube", "project", *m) for m in PROJECT_MEASURES]
                         + [("outcome_cube", "outcome", *m) for m in OUTCOME_MEASURES])
def test_cube_totals_per_area_and_year_equal_the_rows(demo_db, cube, table, measure, rows):
    from_cube = demo_db.execute(f"SELECT area_id, year, {measure} FROM {cube} GROUP BY ALL ORDER BY ALL").fetchall()
    from_rows = demo_db.execute(f"SELECT area_id, year, {rows} FROM {table} GROUP BY ALL ORDER BY ALL").fetchall()
    assert from_cube == from_rows and len(from_rows) > 100


def test_a_group_with_nothing_reported_stays_null_in_the_cube(demo_db):
    # Nghệ An's 2024 projects are real and report no amounts: not reported, not zero.
    assert demo_db.execute("SELECT sum(projects), sum(actual_mvnd), sum(actual_reported) FROM project_cube "
                           "WHERE area_id = 'nghe-an' AND year = 2024 AND NOT is_illustrative").fetchone() == (
        12, None, 0)


def test_refresh_follows_a_change_in_the_rows(demo_db_path, tmp_path):
    copy = tmp_path / "copy.duckdb"
    copy.write_bytes(demo_db_path.read_bytes())
    con = duckdb.connect(str(copy))
    try:
        con.execute("DELETE FROM project WHERE area_id = 'ha-tinh'")
        refresh_cubes(con)
        assert con.execute("SELECT count(*) FROM project_cube WHERE area_id = 'ha-tinh'").fetchone()[0] == 0
    finally:
        con.close()


def test_an_import_reaches_the_cubes(demo_db_path, tmp_path):
    import import_corpus as corpus
    from conftest import run_etl

    db = tmp_path / "kc.duckdb"
    db.write_bytes(demo_db_path.read_bytes())
    workbook = tmp_path / "quang-nam.xlsx"
    workbook.write_bytes(corpus.three_sheets())
    done = run_etl("load", str(workbook), "--db", str(db))
    assert done.returncode == 0, done.stdout + done.stderr
    con = duckdb.connect(str(db), read_only=True)
    try:
        # Two projects: 1.500 + 250 planned, 1.200,5 actual (the second reports none).
        assert con.execute("SELECT sum(projects), sum(plan_mvnd), sum(actual_mvnd), sum(actual_reported) "
                           "FROM project_cube WHERE area_id = 'quang-nam' AND year = 2023").fetchone() == (
            2, 1750, 1200.5, 1)
    finally:
        con.close()
