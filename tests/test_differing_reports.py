"""Reports that differ (issue 27, contradictions): only figures of one kind, area, years and funding source from two
documents are two reports in conflict. A target beside an executed figure (Bắc Giang 2016–2020) or an approved plan
beside a later estimate (Lâm Đồng 2017) is plan and actual, never flagged "Báo cáo khác nhau"."""

import duckdb
import pytest
from conftest import chart_data, private_copy, run_page

SOURCES, TRENDS = "pages/sources.py", "pages/trends.py"


def differing(path) -> set[tuple]:
    con = duckdb.connect(str(path), read_only=True)
    try:
        return set(con.execute("SELECT area_id, year_from, year_to, funding_source, figure FROM v_differing_report")
                   .fetchall())
    finally:
        con.close()


def test_figures_of_different_kinds_never_differ(real_only_db_path):
    flagged = differing(real_only_db_path)
    # data/sources/allocation.csv: BG target 38,35 tỷ (2015) and executed 6 tỷ (2021), central 2016–2020; LD3 approved
    # plan 8,85 tỷ and LD5 estimate 8,3 tỷ, local 2017: two kinds each
    plan_and_actual = {("bac-giang", 2016, 2020, "central"), ("lam-dong", 2017, 2017, "local")}
    assert not {f for f in flagged if f[:4] in plan_and_actual}


@pytest.fixture(scope="module")
def two_versions(real_only_db_path, tmp_path_factory):
    """The real data and one more version of Lâm Đồng's 2017 local approved plan: 9 tỷ in the January 2018 article
    (made up for this test) against 8,85 tỷ in July 2017 — one kind, two documents, two amounts."""
    path = private_copy(real_only_db_path, tmp_path_factory.mktemp("versions"))
    con = duckdb.connect(str(path))
    con.execute("""INSERT INTO allocation SELECT * REPLACE (9000 AS amount_mvnd, 'baolamdong-2018-01-26' AS doc_id,
                   'LD3-test' AS row_id, '9 tỷ đồng' AS value_as_written)
                   FROM allocation WHERE row_id = 'LD3' AND funding_source = 'local'""")
    con.close()
    return path


def test_two_versions_of_one_kind_differ_and_the_estimate_is_not_among_them(two_versions):
    assert ("lam-dong", 2017, 2017, "local", "approved_plan") in differing(two_versions)
    app = run_page(two_versions, SOURCES)
    table = next(d.value for d in app.dataframe if {"Loại số", "Số tiền"} <= set(d.value.columns))
    rows = table[(table["Năm"] == "2017") & (table["Nguồn kinh phí"] == "Địa phương")]
    assert list(rows["Loại số"]) == ["Kế hoạch được duyệt", "Kế hoạch được duyệt"]
    assert list(rows["Số tiền"]) == ["8,85 tỷ đồng", "9 tỷ đồng"]


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_trends_marks_a_plan_beside_an_estimate_no_more(real_only_db_path, lang):
    app = run_page(real_only_db_path, TRENDS, area="lam-dong", lang=lang)
    names = {trace.get("name") for trace in chart_data(app)[0]["data"]}
    assert not names & {"Báo cáo khác nhau", "Differing reports"}


@pytest.mark.parametrize(("lang", "name", "lines"), [
    ("vi", "Báo cáo khác nhau", ["Báo Lâm Đồng, 31/07/2017: Kế hoạch được duyệt, Địa phương 8,85 tỷ đồng",
                                 "Báo Lâm Đồng, 26/01/2018: Kế hoạch được duyệt, Địa phương 9 tỷ đồng"]),
    ("en", "Differing reports", ["Báo Lâm Đồng, 31 Jul 2017: Approved plan, Local VND 8.85 bn",
                                 "Báo Lâm Đồng, 26 Jan 2018: Approved plan, Local VND 9 bn"]),
])
def test_trends_marks_two_versions_with_both_documents(two_versions, lang, name, lines):
    app = run_page(two_versions, TRENDS, area="lam-dong", lang=lang, kind="approved_plan")
    marker = next(trace for trace in chart_data(app)[0]["data"] if trace.get("name") == name)
    hover = dict(zip(marker["x"], marker["customdata"]))[2017][0]
    assert all(line in hover for line in lines), hover
