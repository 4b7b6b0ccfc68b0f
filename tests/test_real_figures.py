"""The figures transcribed from the source articles, exactly as the articles state them."""

from decimal import Decimal

import pytest

NGHE_AN_LOCAL = {**{y: 2000 for y in range(2002, 2006)}, 2006: 3000, **{y: 4000 for y in range(2007, 2017)},
                 2017: 4500, 2018: 4500}


@pytest.mark.parametrize(("year", "amount"), sorted(NGHE_AN_LOCAL.items()))
def test_nghe_an_local_annual_allocation(real_db, year, amount):
    rows = real_db.execute(
        "SELECT amount_mvnd, doc_id FROM allocation WHERE area_id = 'nghe-an' AND funding_source = 'local' "
        "AND figure = 'allocated' AND year_from = ? AND year_to = ?", [year, year]).fetchall()
    assert rows == [(Decimal(amount), "bct-2018-08-09-nghe-an-70-ty")]


def test_nghe_an_local_annual_figures_add_up_to_60_ty_not_the_stated_53_7(real_db):
    total = real_db.execute(
        "SELECT sum(amount_mvnd) FROM allocation WHERE area_id = 'nghe-an' AND funding_source = 'local' "
        "AND year_from = year_to AND year_from BETWEEN 2002 AND 2018").fetchone()[0]
    assert total == Decimal(60000)


@pytest.mark.parametrize(("source", "reported", "annual_sum", "gap", "gap_pct", "years_missing"), [
    ("local", 53700, 60000, -6300, Decimal("-11.73"), 0),
    ("central", 16300, None, None, None, 17),
])
def test_reconciliation_of_nghe_an_period_totals(real_db, source, reported, annual_sum, gap, gap_pct, years_missing):
    row = real_db.execute(
        "SELECT reported_mvnd, annual_sum_mvnd, gap_mvnd, gap_pct, years_missing FROM v_reconciliation "
        "WHERE area_id = 'nghe-an' AND funding_source = ? AND year_from = 2002 AND year_to = 2018", [source]).fetchone()
    expected = (Decimal(reported), None if annual_sum is None else Decimal(annual_sum),
                None if gap is None else Decimal(gap), gap_pct, years_missing)
    assert row == expected


def test_nghe_an_central_total_is_a_period_total_never_spread(demo_db):
    annual_central = demo_db.execute(
        "SELECT count(*) FROM allocation WHERE area_id = 'nghe-an' AND funding_source = 'central' "
        "AND figure = 'allocated' AND year_from = year_to AND year_from <= 2018").fetchone()[0]
    assert annual_central == 0


@pytest.mark.parametrize(("source", "measure", "qualifier", "amount"), [
    (None, "total", "more_than", 70000),
    ("central", "annual_average", "exact", 1160),
])
def test_stated_figures_kept_as_written(real_db, source, measure, qualifier, amount):
    rows = real_db.execute(
        "SELECT qualifier, amount_mvnd FROM stated_figure WHERE area_id = 'nghe-an' AND measure = ? "
        "AND funding_source IS NOT DISTINCT FROM ?", [measure, source]).fetchall()
    assert rows == [(qualifier, Decimal(amount))]


def test_the_2018_article_is_cited_with_publisher_and_date(real_db):
    row = real_db.execute(
        "SELECT title, publisher, published_on::VARCHAR, local_copy FROM source_document "
        "WHERE doc_id = 'bct-2018-08-09-nghe-an-70-ty'").fetchone()
    assert row == ("Nghệ An: 70 tỷ đồng hỗ trợ hoạt động khuyến công", "Báo Công Thương", "2018-08-09",
                   "data/sources/articles/002_e4a3aa264d11766e.txt")


def test_every_real_row_cites_a_document_with_a_title(real_db):
    missing = real_db.execute(
        "SELECT count(*) FROM (SELECT doc_id FROM allocation UNION ALL SELECT doc_id FROM project "
        "UNION ALL SELECT doc_id FROM outcome) AS f LEFT JOIN source_document AS d USING (doc_id) "
        "WHERE d.title IS NULL").fetchone()[0]
    assert missing == 0


@pytest.mark.parametrize(("indicator", "actual", "qualifier"), [
    ("may_moc_thiet_bi", 57, "estimate"), ("co_so_sxsh", 11, "estimate"), ("gian_hang", 701, "estimate"),
    ("luot_co_so_hoi_cho", 300, "nearly"), ("luot_co_so_binh_chon", 245, "estimate"), ("nhan_hieu", 5, "estimate"),
    ("du_an_tu_van", 62, "estimate"), ("doanh_thu_tu_van", 4870, "estimate"),
])
def test_northern_conference_first_half_2024(real_db, indicator, actual, qualifier):
    rows = real_db.execute(
        "SELECT area_id, actual_value, plan_value, prior_value, qualifier FROM outcome "
        "WHERE year = 2024 AND period = 'H1' AND indicator_id = ? AND doc_id = 'hoi-nghi-kc-phia-bac-2024'",
        [indicator]).fetchall()
    assert rows == [("kv-phia-bac", Decimal(actual), None, None, qualifier)]


def test_consulting_revenue_percentages_as_reported(real_db):
    row = real_db.execute(
        "SELECT plan_pct_reported, plan_pct_basis, prior_pct_reported FROM outcome "
        "WHERE indicator_id = 'doanh_thu_tu_van' AND year = 2024 AND period = 'H1' AND NOT is_illustrative").fetchone()
    assert row == (Decimal("49.10"), "year", Decimal("153.70"))


@pytest.mark.parametrize(("funding_source", "activity", "count"), [
    ("central", None, 2),
    ("local", "nang_luc_quan_ly", 3),
    ("local", "san_pham_tieu_bieu", 2),
    ("local", "thong_tin_tuyen_truyen", 3),
    ("local", "quan_ly_thuc_hien", 2),
])
def test_nghe_an_2024_projects_by_activity(real_db, funding_source, activity, count):
    found = real_db.execute(
        "SELECT count(*) FROM project WHERE area_id = 'nghe-an' AND year = 2024 AND funding_source = ? "
        "AND activity_id IS NOT DISTINCT FROM ?", [funding_source, activity]).fetchone()[0]
    assert found == count


@pytest.mark.parametrize(("area", "year", "projects"), [("nghe-an", 2024, 12)])
def test_real_projects_have_amounts_not_reported_rather_than_zero(real_db, area, year, projects):
    row = real_db.execute(
        "SELECT count(*), count(plan_mvnd), count(actual_mvnd), count(counterpart_mvnd), "
        "count(*) FILTER (WHERE plan_mvnd = 0 OR actual_mvnd = 0) FROM project WHERE area_id = ? AND year = ?",
        [area, year]).fetchone()
    assert row == (projects, 0, 0, 0, 0)


def test_thai_binh_2016_activities(real_db):
    # The article lists kinds of activity the centre carried out in 2016, not đề án: they are mentions of the document.
    rows = real_db.execute(
        "SELECT activity_id, sector_id FROM source_mention WHERE area_id = 'thai-binh' AND year_from = 2016 "
        "ORDER BY rowid").fetchall()
    assert rows == [("mo_hinh_trinh_dien", None), ("dao_tao_nghe", "det_may"), ("nang_luc_quan_ly", None),
                    ("dao_tao_nghe", "co_khi")]


@pytest.mark.parametrize(("doc_id", "published_on"), [
    ("nd-45-2012-nd-cp", "2012-05-21"),
    ("ttlt-26-2014-ttlt-btc-bct", "2014-02-18"),
    ("cv-3384-bct-ctdp", "2022-05-15"),
])
def test_policy_documents_are_source_documents(real_db, doc_id, published_on):
    row = real_db.execute("SELECT published_on::VARCHAR, kind FROM source_document WHERE doc_id = ?",
                          [doc_id]).fetchone()
    assert row == (published_on, "legal")


def test_nghe_an_named_activities_and_sector(real_db):
    rows = real_db.execute(
        "SELECT quote FROM source_mention WHERE area_id = 'nghe-an' ORDER BY quote").fetchall()
    quotes = [q for (q,) in rows]
    assert "đào tạo nghề" in quotes and "hỗ trợ làng nghề" in quotes
    sectors = real_db.execute("SELECT sector_id FROM source_mention WHERE area_id = 'nghe-an' AND sector_id IS NOT NULL"
                              ).fetchall()
    assert sectors == [("may_tre_dan_tcmn",)]


@pytest.mark.parametrize(("year", "index"), [(2025, Decimal("100.0000")), (2024, Decimal("96.7961")),
                                              (2002, Decimal("25.3692"))])
def test_cpi_index_has_2025_as_100(real_db, year, index):
    assert real_db.execute("SELECT index_value FROM cpi WHERE year = ?", [year]).fetchone()[0] == index
