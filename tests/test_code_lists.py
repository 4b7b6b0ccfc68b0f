"""A code list is its reference table: a funding source added to data/reference/funding_source.csv is built,
offered by the template's drop-down, accepted by `python -m etl load` and stored, with no code to change."""

import io
import os
import shutil
import subprocess
import sys

import duckdb
import openpyxl
import pytest
from conftest import ROOT, run_etl

from etl.template import CODES_SHEET

NEW_SOURCE = "commune,Cấp xã,Commune level,true,#882255,8,kc-danh-muc\n"
SOURCE_CELL = "Quyết định số 9/QĐ-UBND ngày 05/01/2024 của UBND huyện (kiểm thử)"


@pytest.fixture(scope="module")
def data_with_a_new_source(tmp_path_factory):
    """A copy of data/ with one more funding source, and a bundled allocation that uses it."""
    data = tmp_path_factory.mktemp("code-lists") / "data"
    shutil.copytree(ROOT / "data", data, ignore=shutil.ignore_patterns("*.duckdb*", ".*", "imports"))
    with (data / "reference" / "funding_source.csv").open("a", encoding="utf-8") as handle:
        handle.write(NEW_SOURCE)
    with (data / "sources" / "allocation.csv").open("a", encoding="utf-8") as handle:
        handle.write("nghe-an,2019,2019,commune,allocated,150,bct-2018-08-09-nghe-an-70-ty,,,exact,150 triệu đồng,,\n")
    return data


@pytest.fixture(scope="module")
def built(data_with_a_new_source):
    db = data_with_a_new_source.parent / "db" / "kc.duckdb"
    result = run_etl("build", "--no-demo", "--db", str(db), env={"KC_DATA_DIR": str(data_with_a_new_source)})
    assert result.returncode == 0, result.stderr
    return db


@pytest.fixture(scope="module")
def workbook(data_with_a_new_source):
    """The template built from the copied data, with a row that picks the new source from its drop-down."""
    out = data_with_a_new_source.parent / "mau.xlsx"
    result = run_etl_template(out, data_with_a_new_source)
    assert result.returncode == 0, result.stderr
    book = openpyxl.load_workbook(out)
    offered = [row[0] for row in book[CODES_SHEET].iter_rows(min_row=2, min_col=2, max_col=2, values_only=True)
               if row[0]]
    assert book[CODES_SHEET]["B1"].value == "Danh mục nguồn kinh phí"
    assert offered == ["Địa phương", "Trung ương", "Đối ứng", "Khác", "Cấp huyện", "Ngân sách nhà nước (không nêu cấp)",
                       "Cho vay có thu hồi (quỹ quay vòng)", "Cấp xã"]
    for column, value in enumerate(["Cao Bằng", 2024, 2024, "Cấp xã", "Dự toán", 420, SOURCE_CELL], start=1):
        book["PhanBo"].cell(4, column, value)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def run_etl_template(out, data_dir):
    return subprocess.run([sys.executable, "-m", "etl.template", str(out)], cwd=ROOT, capture_output=True,
                          text=True, env={**os.environ, "KC_DATA_DIR": str(data_dir)}, timeout=120)


def rows(db, sql: str) -> list[tuple]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def test_the_build_stores_a_bundled_row_of_the_new_source(built):
    assert rows(built, "SELECT area_id, year_from, amount_mvnd FROM allocation WHERE funding_source = 'commune'") \
        == [("nghe-an", 2019, 150)]
    assert rows(built, "SELECT name_vi, is_khuyen_cong FROM funding_source WHERE funding_source_id = 'commune'") \
        == [("Cấp xã", True)]


def test_load_accepts_and_stores_a_workbook_row_of_the_new_source(built, workbook, tmp_path):
    db = tmp_path / "kc.duckdb"
    shutil.copyfile(built, db)  # the built database is shared by the module's tests, in any order
    path = tmp_path / "cao-bang-xa-2024.xlsx"
    path.write_bytes(workbook)
    result = run_etl("load", str(path), "--db", str(db))
    assert result.returncode == 0, result.stdout + result.stderr
    assert rows(db, "SELECT area_id, funding_source, figure, amount_mvnd FROM allocation "
                       "WHERE doc_id = 'tep-cao-bang-xa-2024-xlsx'") == [("cao-bang", "commune", "allocated", 420)]


@pytest.mark.parametrize(("cell", "stored"), [("commune", "commune"), ("COMMUNE", "commune"),
                                              ("Cap xa", "commune"), ("Commune level", "commune")])
def test_load_reads_the_new_source_by_code_and_by_name(built, tmp_path, cell, stored):
    path = tmp_path / "xa.csv"
    path.write_text("Tỉnh/Thành phố,Năm,Nguồn kinh phí,Loại số liệu,Số tiền\n"
                    f"Hà Giang,2023,{cell},Quyết toán,\"12,5\"\n", encoding="utf-8")
    result = run_etl("load", str(path), "--dry-run", "--db", str(built))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "allocation: 1 dòng/rows, +1 thêm/added" in result.stdout


def test_a_database_without_the_source_refuses_it_by_name(demo_db_path, workbook, tmp_path):
    db = tmp_path / "kc.duckdb"
    shutil.copyfile(demo_db_path, db)
    path = tmp_path / "cao-bang-xa-2024.xlsx"
    path.write_bytes(workbook)
    result = run_etl("load", str(path), "--db", str(db))
    assert result.returncode == 1
    assert "sheet PhanBo, dòng/row 4, cột/column Nguồn kinh phí ['Cấp xã']: không có trong danh mục nguồn kinh phí" \
        in result.stdout
