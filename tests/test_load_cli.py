"""python -m etl load: exit codes, --dry-run, the report naming sheet, row and column."""

import hashlib
import sys
from pathlib import Path

import duckdb

sys.path.insert(0, str(Path(__file__).resolve().parent))
import import_corpus as corpus  # noqa: E402
from conftest import run_etl  # noqa: E402


def write(tmp_path: Path, name: str) -> Path:
    path = tmp_path / name
    path.write_bytes(corpus.BY_NAME[name].data())
    return path


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def allocation_rows(db: Path, doc_id: str) -> int:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute("SELECT count(*) FROM allocation WHERE doc_id = ?", [doc_id]).fetchone()[0]
    finally:
        con.close()


def test_load_exits_0_and_says_what_changed(db, tmp_path):
    path = write(tmp_path, "hai-duong-tong-lech.xlsx")
    result = run_etl("load", str(path), "--db", str(db))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "allocation: 2 dòng/rows, +2 thêm/added, ~0 sửa/changed, -0 xóa/removed" in result.stdout
    assert "CẢNH BÁO/WARNING hai-duong-tong-lech.xlsx, sheet PhanBo, dòng/row 4, cột/column Số tiền" in result.stdout
    assert allocation_rows(db, "tep-hai-duong-tong-lech-xlsx") == 2
    again = run_etl("load", str(path), "--db", str(db))
    assert again.returncode == 0 and "already loaded" in again.stdout


def test_validation_errors_exit_1_and_name_sheet_row_column(db, tmp_path):
    before = digest(db)
    result = run_etl("load", str(write(tmp_path, "nhieu-loi.xlsx")), "--db", str(db))
    assert result.returncode == 1
    assert "nhieu-loi.xlsx, sheet PhanBo, dòng/row 2, cột/column Tỉnh/Thành phố ['Hà Bắc']" in result.stdout
    assert "sheet KetQua, dòng/row 2, cột/column Kỳ báo cáo ['Quý V']" in result.stdout
    assert result.stdout.count("LỖI/ERROR") == len(corpus.BY_NAME["nhieu-loi.xlsx"].errors)
    assert digest(db) == before


def test_one_bad_file_means_none_is_loaded(db, tmp_path):
    good, bad = write(tmp_path, "son-la-giai-doan.xlsx"), write(tmp_path, "van-ban-doi-ten.xlsx")
    before = digest(db)
    result = run_etl("load", str(good), str(bad), "--db", str(db))
    assert result.returncode == 1
    assert "van-ban-doi-ten.xlsx" in result.stdout and "not an Excel workbook" in result.stdout
    assert digest(db) == before


def test_dry_run_writes_nothing(db, tmp_path):
    before = digest(db)
    result = run_etl("load", str(write(tmp_path, "son-la-giai-doan.xlsx")), "--db", str(db), "--dry-run")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "+2 thêm/added" in result.stdout and "dry run" in result.stdout
    assert digest(db) == before
    assert not (db.parent / "imports").exists()


def test_usage_errors_exit_2(db, tmp_path):
    missing_file = run_etl("load", str(tmp_path / "khong-co.xlsx"), "--db", str(db))
    assert missing_file.returncode == 2 and "file not found" in missing_file.stderr
    missing_db = run_etl("load", str(write(tmp_path, "son-la-giai-doan.xlsx")), "--db", str(tmp_path / "x.duckdb"))
    assert missing_db.returncode == 2 and "database not found" in missing_db.stderr
    assert run_etl("load", "--db", str(db)).returncode == 2


def test_build_cli_replays_loaded_files(db, tmp_path):
    assert run_etl("load", str(write(tmp_path, "son-la-giai-doan.xlsx")), "--db", str(db)).returncode == 0
    result = run_etl("build", "--db", str(db))
    assert result.returncode == 0, result.stderr
    assert "imports/son-la-giai-doan.xlsx" in result.stderr
    assert allocation_rows(db, "tep-son-la-giai-doan-xlsx") == 2


def test_a_rebuild_reads_a_file_as_it_was_loaded_and_names_who_loaded_it(db, tmp_path):
    """The load order keeps the operator and the options: a hidden row read with --include-hidden stays read."""
    import getpass

    from report_classes import PROJECT_HEAD, Sheet, book

    rows = [["UBND TỈNH HÀ TĨNH"], ["DANH MỤC ĐỀ ÁN KHUYẾN CÔNG NĂM 2019"], ["Đơn vị tính: triệu đồng"], PROJECT_HEAD,
            [1, "Hỗ trợ máy sấy chè", 450, 900], [2, "Đề án bổ sung", 300, None], ["Tổng cộng", None, 750, 900]]
    path = tmp_path / "ha-tinh-2019.xlsx"
    path.write_bytes(book(Sheet("Danh muc", rows, hidden_rows=(6,))))
    assert run_etl("load", str(path), "--db", str(db)).returncode == 1  # the hidden row is refused unless asked
    assert run_etl("load", str(path), "--include-hidden", "--db", str(db)).returncode == 0
    result = run_etl("build", "--db", str(db))
    assert result.returncode == 0, result.stderr
    con = duckdb.connect(str(db), read_only=True)
    try:
        projects = con.execute("SELECT count(*) FROM project WHERE doc_id = 'tep-ha-tinh-2019-xlsx'").fetchone()[0]
        loaded_by = con.execute("SELECT DISTINCT operator FROM load_log WHERE file_name LIKE '%ha-tinh-2019.xlsx'"
                                ).fetchall()
    finally:
        con.close()
    assert projects == 2
    assert loaded_by == [(f"cli:{getpass.getuser()}",)]
