"""Figures transcribed from the published sources of issue 13 (real-figures.md), read back exactly as written."""

from decimal import Decimal

import pytest


def test_binh_dinh_2016_total_and_its_two_levels_are_separate_rows(real_db):
    total = real_db.execute(
        "SELECT amount_mvnd, figure, value_as_written, row_id FROM stated_figure "
        "WHERE area_id = 'binh-dinh' AND year_from = 2016 AND year_to = 2016 AND measure = 'total'").fetchall()
    levels = real_db.execute(
        "SELECT funding_source, amount_mvnd, figure, qualifier, doc_id FROM allocation "
        "WHERE area_id = 'binh-dinh' AND year_from = 2016 AND year_to = 2016 ORDER BY funding_source").fetchall()
    assert total == [(Decimal(2925), "approved_plan", "2.925 triệu đồng", "BD3")]
    assert levels == [("central", Decimal(900), "approved_plan", "exact", "arit-binh-dinh-2016"),
                      ("local", Decimal(2025), "approved_plan", "exact", "arit-binh-dinh-2016")]
    assert sum(amount for _, amount, *_ in levels) == total[0][0]


def test_ninh_binh_2019_is_more_than_10_2_ty(real_db):
    row = real_db.execute(
        "SELECT a.amount_mvnd, a.qualifier, q.symbol, a.value_as_written, a.funding_source, d.url FROM allocation AS a "
        "JOIN qualifier AS q ON q.qualifier_id = a.qualifier JOIN source_document AS d ON d.doc_id = a.doc_id "
        "WHERE a.area_id = 'ninh-binh' AND a.year_from = 2019 AND a.year_to = 2019").fetchall()
    assert row == [(Decimal(10200), "more_than", ">", "hơn 10,2 tỷ đồng", "state",
                    "http://khuyencongonline.gov.vn/tin-tuc/ninh-binh-mo-hinh-trinh-dien-ky-thuat-chiem-uu-the-e9714983_372")]


def test_lam_dong_2017_two_versions_from_two_documents_are_both_kept(real_db):
    rows = real_db.execute(
        "SELECT funding_source, figure, amount_mvnd, doc_id FROM allocation WHERE area_id = 'lam-dong' "
        "AND year_from = 2017 AND year_to = 2017 AND funding_source IN ('local', 'central') "
        "ORDER BY funding_source, doc_id").fetchall()
    assert rows == [
        ("central", "approved_plan", Decimal(1400), "baolamdong-2017-07-31"),
        ("central", "estimated_executed", Decimal(1800), "baolamdong-2018-01-26"),
        ("local", "approved_plan", Decimal(8850), "baolamdong-2017-07-31"),
        ("local", "estimated_executed", Decimal(8300), "baolamdong-2018-01-26"),
    ]


def test_bac_giang_2016_2020_plan_and_executed_are_two_figures_of_different_sides(real_db):
    rows = real_db.execute(
        "SELECT s.figure, k.side, s.amount_mvnd, s.qualifier FROM stated_figure AS s "
        "JOIN figure_kind AS k ON k.figure_id = s.figure "
        "WHERE s.area_id = 'bac-giang' AND s.year_from = 2016 AND s.year_to = 2020 ORDER BY k.side DESC").fetchall()
    assert rows == [("target", "plan", Decimal(141350), "exact"),
                    ("executed", "executed", Decimal(30720), "more_than")]


def test_counterpart_money_is_never_khuyen_cong_money(real_db):
    flagged = real_db.execute(
        "SELECT is_khuyen_cong FROM funding_source WHERE funding_source_id = 'counterpart'").fetchone()[0]
    totals_with_counterpart = real_db.execute(
        "SELECT count(*), count(*) FILTER (WHERE funding_source IS NOT NULL) FROM stated_figure "
        "WHERE includes_counterpart").fetchone()
    assert flagged is False
    assert totals_with_counterpart[0] > 0 and totals_with_counterpart[1] == 0


def test_real_figures_cover_30_provinces_the_regions_and_the_country_each_citing_a_url(real_db):
    levels = dict(real_db.execute(
        "WITH f AS (SELECT area_id, doc_id FROM allocation WHERE NOT is_illustrative "
        "UNION ALL SELECT area_id, doc_id FROM outcome WHERE NOT is_illustrative "
        "UNION ALL SELECT area_id, doc_id FROM stated_figure) "
        "SELECT a.level, count(DISTINCT f.area_id) FROM f JOIN area AS a ON a.area_id = f.area_id "
        "JOIN source_document AS d ON d.doc_id = f.doc_id WHERE d.url IS NOT NULL GROUP BY a.level").fetchall())
    assert levels["province"] >= 30
    assert levels["national"] == 1
    assert levels["region"] >= 3


@pytest.mark.parametrize(("row_id", "reason_start"), [
    ("R14", "Không ghi năm"),
    ("NA12", "Không ghi năm"),
    ("VL1", "Bài năm 2025"),
])
def test_unusable_rows_are_listed_with_their_reason(real_db, row_id, reason_start):
    reason, reason_en = real_db.execute(
        "SELECT reason_vi, reason_en FROM excluded_figure WHERE row_id = ?", [row_id]).fetchone()
    assert reason.startswith(reason_start) and reason_en


def test_a_regional_figure_is_not_split_among_its_named_members(real_db):
    members = real_db.execute(
        "SELECT area_id FROM region_member WHERE region_id = 'kv-dong-nam-bo-2013' ORDER BY area_id").fetchall()
    province_rows = real_db.execute(
        "SELECT count(*) FROM allocation WHERE row_id IN ('R4', 'R5', 'R6', 'R7') AND area_id <> 'kv-dong-nam-bo-2013'"
    ).fetchone()[0]
    assert members == [("ba-ria-vung-tau",), ("dong-nai",), ("lam-dong",)]
    assert province_rows == 0


def test_a_count_over_a_period_keeps_its_span(real_db):
    rows = real_db.execute(
        "SELECT funding_source, actual_value FROM outcome WHERE area_id = 'thai-binh' AND year_from = 2012 "
        "AND year = 2022 AND indicator_id = 'co_so_ho_tro' ORDER BY funding_source NULLS FIRST").fetchall()
    # The article contradicts itself (58 + 947 > 947): all three numbers are kept as written.
    assert rows == [(None, Decimal(947)), ("central", Decimal(58)), ("local", Decimal(947))]
