"""Workbooks in a report's own layout load with `python -m etl load FILE` and no other flag (issue 14, item 2)."""

import hashlib
import sys
from decimal import Decimal
from pathlib import Path

import duckdb
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
import report_corpus as corpus  # noqa: E402
from conftest import private_copy, run_etl  # noqa: E402


@pytest.fixture()
def db(real_only_db_path, tmp_path) -> Path:
    return private_copy(real_only_db_path, tmp_path)


def write(tmp_path: Path, case: str) -> Path:
    path = tmp_path / f"{case}.xlsx"
    path.write_bytes(corpus.CASES[case]())
    return path


def load(db: Path, path: Path, *flags: str):
    result = run_etl("load", str(path), "--db", str(db), *flags)
    assert result.returncode == 0, result.stdout + result.stderr
    return result


def query(db: Path, sql: str, *params) -> list[tuple]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql, list(params)).fetchall()
    finally:
        con.close()


def projects(db: Path, case: str) -> dict[str, tuple]:
    rows = query(db, "SELECT name, area_id, year, funding_source, plan_mvnd, counterpart_mvnd, activity_id, status, "
                     "note FROM project WHERE doc_id = ?", f"tep-{case.replace('_', '-')}-xlsx")
    return {r[0]: r[1:] for r in rows}


@pytest.mark.parametrize("case", ["two_row_header", "text_amounts"])
def test_project_list_with_title_sections_and_totals_loads_every_project_right(db, tmp_path, case):
    load(db, write(tmp_path, case))
    stored = projects(db, case)
    assert set(stored) == set(corpus.PROJECTS)
    for name, (funding, plan, counterpart, activity, status) in corpus.PROJECTS.items():
        area, year, got_funding, got_plan, got_counterpart, got_activity, got_status, note = stored[name]
        assert (area, year, got_funding, got_activity, got_status) == ("ha-tinh", 2019, funding, activity, status)
        assert got_plan == Decimal(plan)
        assert got_counterpart == (None if counterpart is None else Decimal(counterpart))
        assert "Quyết định số 123/QĐ-UBND" in note


def test_title_rows_give_area_and_year(db, tmp_path):
    load(db, write(tmp_path, "title_rows"))
    stored = projects(db, "title_rows")
    assert {n: (r[0], r[1], r[2], r[3]) for n, r in stored.items()} == {
        "Hỗ trợ lò sấy gỗ Quỳ Hợp": ("nghe-an", 2020, "local", Decimal(400)),
        "Hội chợ hàng CNNT Nghệ An": ("nghe-an", 2020, "central", Decimal(250))}


def test_sections_set_activity_and_funding_columns_split_kcqg_kcdp(db, tmp_path):
    load(db, write(tmp_path, "sections"))
    stored = projects(db, "sections")
    assert {n: (r[0], r[2], r[3], r[5]) for n, r in stored.items()} == {
        "Dạy nghề dệt thổ cẩm": ("quang-nam", "local", Decimal(120), "dao_tao_nghe"),
        "Hội chợ CNNT khu vực miền Trung": ("quang-nam", "central", Decimal(800), "hoi_cho_trien_lam")}


def test_five_years_of_kcqg_kcdp_in_whole_dong_are_ten_annual_allocations_in_trieu(db, tmp_path):
    load(db, write(tmp_path, "whole_dong"))
    rows = query(db, "SELECT area_id, year_from, year_to, funding_source, figure, amount_mvnd FROM allocation "
                     "WHERE doc_id = 'tep-whole-dong-xlsx' ORDER BY funding_source, year_from")
    assert len(rows) == 10
    assert rows[:5] == [("ha-tinh", y, y, "central", "allocated", Decimal(1000 * (y - 2020)))
                        for y in range(2021, 2026)]
    assert rows[5:] == [("ha-tinh", y, y, "local", "allocated", Decimal(500 + 100 * (y - 2021)))
                        for y in range(2021, 2026)]


def test_years_across_columns_under_plan_and_executed_each_cell_a_row(db, tmp_path):
    load(db, write(tmp_path, "wide_years"))
    rows = query(db, "SELECT year_from, funding_source, figure, amount_mvnd FROM allocation "
                     "WHERE doc_id = 'tep-wide-years-xlsx' AND area_id = 'bac-ninh' ORDER BY ALL")
    assert rows == [(2022, "central", "allocated", Decimal(1000)), (2022, "central", "disbursed", Decimal(950)),
                    (2022, "local", "allocated", Decimal(2000)), (2022, "local", "disbursed", Decimal("1990.5")),
                    (2023, "central", "allocated", Decimal(1200)), (2023, "central", "disbursed", Decimal(1100)),
                    (2023, "local", "allocated", Decimal(2100))]


def test_three_header_rows_name_each_column_by_its_stacked_text(db, tmp_path):
    out = load(db, write(tmp_path, "three_row_header")).stdout
    assert "WARNING" not in out  # the total row adds up, with 1,5 tỷ read as 1.500 triệu
    rows = query(db, "SELECT year_from, funding_source, figure, amount_mvnd FROM allocation "
                     "WHERE doc_id = 'tep-three-row-header-xlsx' AND area_id = 'nam-dinh' ORDER BY ALL")
    assert rows == [(2022, "central", "allocated", Decimal(10)), (2022, "central", "disbursed", Decimal(9)),
                    (2022, "local", "allocated", Decimal(30)), (2022, "local", "disbursed", Decimal("29.5")),
                    (2023, "central", "allocated", Decimal(20)), (2023, "central", "disbursed", Decimal(19)),
                    (2023, "local", "allocated", Decimal(40)), (2023, "local", "disbursed", Decimal(1500))]


def test_dry_run_says_what_was_understood_and_writes_nothing(db, tmp_path):
    before = hashlib.sha256(db.read_bytes()).hexdigest()
    out = load(db, write(tmp_path, "two_row_header"), "--dry-run").stdout
    assert "header rows 7–8, data rows 11–17 (3 rows)" in out
    assert "column E “Kinh phí / Kinh phí khuyến công”: kc" in out
    assert "column F “Kinh phí / Vốn đối ứng”: counterpart" in out
    assert "area=ha tinh «UBND TỈNH HÀ TĨNH»; year=2019; decision=Kèm theo Quyết định số 123/QĐ-UBND" in out
    assert "row 9, section “KHUYẾN CÔNG QUỐC GIA”: funding_source=central" in out
    assert "5 total/section rows with amounts checked (rows 9, 12, 13, 18, 19)" in out
    assert hashlib.sha256(db.read_bytes()).hexdigest() == before


def test_a_total_that_does_not_add_up_refuses_the_table_naming_both_figures_and_the_rows(db, tmp_path):
    """Issue 26: a table must reconcile with its own totals (it was a warning, and the rows loaded)."""
    before = hashlib.sha256(db.read_bytes()).hexdigest()
    result = run_etl("load", str(write(tmp_path, "bad_total")), "--db", str(db))
    assert result.returncode == 1
    assert ("LỖI/ERROR bad_total.xlsx, sheet Danh muc, dòng/row 18, cột/column D “Kinh phí / Tổng” ['700']: "
            "dòng/cột tổng ghi 700 triệu đồng mà các dòng 15–17 cộng lại là 650 triệu đồng") in result.stdout
    assert hashlib.sha256(db.read_bytes()).hexdigest() == before


def test_no_area_anywhere_is_refused_and_the_database_is_unchanged(db, tmp_path):
    data = corpus.save([["DANH MỤC ĐỀ ÁN KHUYẾN CÔNG NĂM 2019"], ["STT", "Tên đề án", "Kinh phí khuyến công"],
                        [1, "Đề án A", 100], [2, "Đề án B", "abc"]])
    path = tmp_path / "no_area.xlsx"
    path.write_bytes(data)
    before = hashlib.sha256(db.read_bytes()).hexdigest()
    result = run_etl("load", str(path), "--db", str(db))
    assert result.returncode == 1
    assert "dòng/row 3: không biết tỉnh/thành phố" in result.stdout
    assert "dòng/row 4, cột/column C “Kinh phí khuyến công” ['abc']" in result.stdout  # every problem at once
    assert hashlib.sha256(db.read_bytes()).hexdigest() == before


def test_a_template_workbook_with_a_report_shaped_extra_sheet_reads_both_sheets(db, tmp_path):
    """Issue 26: every table of every sheet is read (the report-shaped sheet was dropped without a word)."""
    import openpyxl

    book = openpyxl.load_workbook(write(tmp_path, "two_row_header"))
    book["Danh muc"].title = "Tổng hợp"
    template = book.create_sheet("DeAn")
    template.append(["Tỉnh/Thành phố", "Năm", "Tên đề án", "Kinh phí kế hoạch", "Nguồn tài liệu"])
    template.append(["Hà Tĩnh", 2019, "Đề án theo mẫu", 100, "QĐ 1"])
    path = tmp_path / "mixed.xlsx"
    book.save(path)
    out = load(db, path, "--dry-run").stdout
    assert "project: 4 dòng/rows" in out and "[Tổng hợp#1] " in out


@pytest.mark.parametrize(("label", "total"), [
    ("Tổng cộng (I + II)", ("grand", None)), ("Tổng cộng", ("grand", None)), ("TỔNG CỘNG TOÀN TỈNH", ("grand", None)),
    ("Cộng I", ("sub", "I")), ("Cộng II", ("sub", "II")), ("Cộng", ("sub", None)), ("Tổng", ("grand", None)),
    ("Cộng đồng làng nghề Hương Sơn", None), ("Tổng kết mô hình máy sấy", None), ("Hỗ trợ máy sấy", None),
])
def test_total_rows_are_told_from_project_names(label, total):
    from etl.importing.report_layout import total_of

    assert total_of(label) == total
