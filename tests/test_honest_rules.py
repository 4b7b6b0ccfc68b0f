"""The rules that keep sums honest (issue 25), each a data check of `python -m etl check` and a sum a reader sees:
overlapping period totals are counted once, loans are never khuyến công spending, a partial period is never a whole
year. Each check is shown to catch the data or the rule as they were before (a private copy given the old shape)."""

import duckdb
import pytest
from conftest import private_copy

from etl.checks import evaluate_checks
from khuyencong.data.database import Database
from khuyencong.data.filters import Filters
from khuyencong.data.queries import database_query
from khuyencong.figures.funding import funding_total

NEW_CHECKS = ("overlapping_period_totals_counted_once", "loans_never_khuyen_cong", "partial_periods_never_whole_years")


def check_rows(path, name: str) -> list[dict]:
    con = duckdb.connect(str(path), read_only=True)
    try:
        return next(r for r in evaluate_checks(con) if r.name == name).records()
    finally:
        con.close()


def total(path, figure: str, area: str, years: tuple[int, int]):
    funding = funding_total(database_query(Database(path)), Filters(areas=(area,), year_from=years[0],
                                                                      year_to=years[1]), figure)
    return funding


@pytest.mark.parametrize("name", NEW_CHECKS)
def test_the_new_checks_pass_on_the_published_figures(real_only_db_path, name):
    assert check_rows(real_only_db_path, name) == []


# --- Overlapping period totals ------------------------------------------------------------------------------------

def test_binh_dinh_executed_money_is_counted_once(real_only_db_path):
    """BD2 (2012–2016: 5,682 central + 5,76 local) and BD13 (2016–2020: ≈ 6,8 central, ≈ 11,5 local, > 3 district)
    share 2016: only the later span counts, 21,3 tỷ (= BD12's stated 21,3 tỷ), not 32,742 tỷ."""
    funding = total(real_only_db_path, "executed", "binh-dinh", (2002, 2025))
    assert funding.khuyen_cong_mvnd == pytest.approx(6800 + 11500 + 3000)
    left_out = funding.periods_left_out
    assert sorted(zip(left_out["year_from"], left_out["year_to"], left_out["funding_source"])) == [
        (2012, 2016, "central"), (2012, 2016, "local")]
    # Alone in the view, 2012–2016 is counted: it gives way only where the later span is counted too.
    assert total(real_only_db_path, "executed", "binh-dinh", (2012, 2016)).khuyen_cong_mvnd == pytest.approx(
        5682 + 5760)


OLD_RULE = """
CREATE OR REPLACE MACRO counted_in_view(p_areas, p_current_units, p_include_illustrative, p_sources, p_year_from,
                                            p_year_to) AS TABLE
    SELECT a.*, s.is_khuyen_cong, NULL AS left_out, NULL AS overlapped_by, false AS period_differs,
           a.year_from = a.year_to AS is_annual,
           a.year_from = a.year_to OR (a.year_from >= p_year_from AND a.year_to <= p_year_to
                                       AND NOT EXISTS (SELECT 1 FROM allocation AS y
                                                       WHERE y.year_from = y.year_to AND y.area_id = a.area_id
                                                         AND y.funding_source = a.funding_source
                                                         AND y.figure = a.figure
                                                         AND y.year_from BETWEEN a.year_from AND a.year_to))
               AS counted
    FROM allocations_in_view(p_areas, p_current_units, p_include_illustrative, p_sources, p_year_from, p_year_to) AS a
    JOIN funding_source AS s ON s.funding_source_id = a.funding_source
    WHERE a.amount_mvnd IS NOT NULL
"""


def test_the_overlap_check_names_binh_dinh_under_the_rule_of_before(real_only_db_path, tmp_path):
    """The total rule as it was (a period total counted whenever no annual figure lies in it) counts Bình Định's
    2012–2016 and 2016–2020 both: the check names the pairs."""
    path = private_copy(real_only_db_path, tmp_path)
    con = duckdb.connect(str(path))
    con.execute(OLD_RULE)
    con.close()
    pairs = {(r["area_id"], r["funding_source"], r["year_from"], r["year_to"], r["other_year_from"],
              r["other_year_to"]) for r in check_rows(path, "overlapping_period_totals_counted_once")}
    assert {("binh-dinh", "central", 2012, 2016, 2016, 2020), ("binh-dinh", "local", 2012, 2016, 2016, 2020)} <= pairs


# --- Loans ----------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("figure", "years", "khuyen_cong", "loans"), [
    ("allocated", (2019, 2019), 2000, 7000),        # LD6: "trên 9 tỷ", about 7 tỷ of it recoverable loans
    ("executed", (2012, 2023), 39000, 56000),       # LD7: "hơn 96 tỷ", 56 tỷ of it recycled loans
    ("approved_plan", (2024, 2024), 3150, 5930),    # LD8: "hơn 10 tỷ", 5,93 tỷ of it recovered loans
])
def test_lam_dong_khuyen_cong_money_leaves_its_loans_out(real_only_db_path, figure, years, khuyen_cong, loans):
    funding = total(real_only_db_path, figure, "lam-dong", years)
    assert funding.khuyen_cong_mvnd == pytest.approx(khuyen_cong)
    assert funding.by_source["loan"] == pytest.approx(loans)
    assert "loan" not in funding.khuyen_cong_sources


def test_the_loan_check_names_a_total_with_its_loans_filed_as_local_money(real_only_db_path, tmp_path):
    """Lâm Đồng's 2012–2023 figure as it was filed before: "hơn 96 tỷ" local executed, loans inside."""
    path = private_copy(real_only_db_path, tmp_path)
    con = duckdb.connect(str(path))
    con.execute("UPDATE allocation SET amount_mvnd = 96000 WHERE row_id = 'LD7' AND funding_source = 'local'")
    con.execute("DELETE FROM allocation WHERE row_id = 'LD6' AND funding_source = 'loan'")
    con.close()
    problems = {(r["area_id"], r["year_from"], r["problem"]) for r in check_rows(path, "loans_never_khuyen_cong")}
    assert problems == {("lam-dong", 2012, "a khuyến công figure as large as a total that includes loans"),
                        ("lam-dong", 2019, "a total that includes loans without its loan part recorded apart")}


# --- Partial periods ------------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("figure", "area", "year"), [
    ("approved_plan", "ha-tinh", 2017),        # HT4: round 1 of 2017 (726 triệu)
    ("approved_plan", "binh-thuan", 2019),     # BT2: round 1 of 2019 (986 triệu)
    ("approved_plan", "quang-binh", 2025),     # QB1: round 1 of 2025 (700 triệu)
    ("allocated", "toan-quoc", 2021),          # N12: allocated by August 2021 (55,461 tỷ)
])
def test_a_partial_period_is_never_a_whole_year(real_only_db_path, figure, area, year):
    funding = total(real_only_db_path, figure, area, (year, year))
    assert funding.khuyen_cong_mvnd is None


def test_the_partial_check_names_a_first_round_without_its_marker(real_only_db_path, tmp_path):
    path = private_copy(real_only_db_path, tmp_path)
    con = duckdb.connect(str(path))
    con.execute("UPDATE allocation SET partial_period = NULL WHERE row_id IN ('QB1', 'N12')")
    con.close()
    rows = {(r["area_id"], r["year_from"], r["problem"]) for r in check_rows(path, "partial_periods_never_whole_years")}
    assert rows == {("quang-binh", 2025, "to a date within its period, without a partial marker"),
                    ("toan-quoc", 2021, "to a date within its period, without a partial marker")}
