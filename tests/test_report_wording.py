"""Report wording: a workbook in the template's columns that names activities, sectors, statuses, funding sources
and figure kinds as the department's reports write them ("Mô hình trình diễn kỹ thuật", "Mây tre đan", "Đã nghiệm
thu", "KCĐP", "Ước thực hiện") loads with `python -m etl load` and lands on the catalogue's codes, through the
aliases of data/reference/code_alias.csv. Matching stays exact after folding: a value that is only like one is
refused, with the nearest catalogue entries as suggestions in Vietnamese and English, and the database unchanged."""

import csv
import hashlib
import shutil
import sys
from pathlib import Path

import duckdb
import pytest
from conftest import ROOT, run_etl

sys.path.insert(0, str(Path(__file__).resolve().parent))
import import_corpus as corpus  # noqa: E402

from etl.importing.codes import REFERENCE_LISTS, Codes  # noqa: E402

SOURCE = "Quyết định số 45/QĐ-UBND ngày 10/01/2024 của UBND tỉnh (kiểm thử cách viết của báo cáo)"
PROJECT_HEAD = ["STT", "Tỉnh/Thành phố", "Năm", "Tên đề án", "Nội dung khuyến công", "Ngành nghề", "Nguồn kinh phí",
                "Kinh phí kế hoạch", "Trạng thái", "Nguồn tài liệu"]
# What a project row says when the case is about another column: the template's own wording.
PLAIN = {"Nội dung khuyến công": "Đào tạo nghề, truyền nghề", "Ngành nghề": "Chế biến gỗ",
         "Nguồn kinh phí": "Địa phương", "Trạng thái": "Đang thực hiện"}
DB_COLUMN = {"Nội dung khuyến công": "activity_id", "Ngành nghề": "sector_id", "Nguồn kinh phí": "funding_source",
             "Trạng thái": "status"}

# (column of the DeAn sheet, the report's wording, the code it must land on)
PROJECT_WORDINGS = [
    ("Nội dung khuyến công", "Xây dựng mô hình trình diễn kỹ thuật", "mo_hinh_trinh_dien"),
    ("Nội dung khuyến công", "Mô hình trình diễn kỹ thuật", "mo_hinh_trinh_dien"),
    ("Nội dung khuyến công", "Hỗ trợ ứng dụng máy móc thiết bị tiên tiến", "mo_hinh_trinh_dien"),
    ("Nội dung khuyến công", "Ứng dụng máy móc thiết bị", "mo_hinh_trinh_dien"),
    ("Nội dung khuyến công", "Đào tạo nghề", "dao_tao_nghe"),
    ("Nội dung khuyến công", "Tổ chức hội chợ, triển lãm", "hoi_cho_trien_lam"),
    ("Nội dung khuyến công", "Bình chọn sản phẩm CNNT tiêu biểu", "san_pham_tieu_bieu"),
    ("Nội dung khuyến công", "BÌNH CHỌN SẢN PHẨM CÔNG NGHIỆP NÔNG THÔN TIÊU BIỂU", "san_pham_tieu_bieu"),
    ("Ngành nghề", "Mây tre đan", "may_tre_dan_tcmn"),
    ("Ngành nghề", "Mây, tre, đan", "may_tre_dan_tcmn"),
    ("Ngành nghề", "Chế biến gỗ", "che_bien_go"),
    ("Ngành nghề", "Chế biến nông, lâm, thuỷ sản", "che_bien_nlts_tp"),
    ("Trạng thái", "Đã nghiệm thu", "completed"),
    ("Trạng thái", "Hoàn thành", "completed"),
    ("Trạng thái", "Chuyển tiếp", "carried_over"),
    ("Trạng thái", "Đang triển khai", "in_progress"),
    ("Trạng thái", "Đã phê duyệt", "approved"),
    ("Trạng thái", "Dừng thực hiện", "cancelled"),
    ("Nguồn kinh phí", "KCQG", "central"),
    ("Nguồn kinh phí", "KCĐP", "local"),
    ("Nguồn kinh phí", "Kinh phí khuyến công quốc gia", "central"),
    ("Nguồn kinh phí", "Kinh phí khuyến công địa phương", "local"),
    ("Nguồn kinh phí", "Ngân sách tỉnh", "local"),
    ("Nguồn kinh phí", "Ngân sách huyện", "district"),
    ("Nguồn kinh phí", "Vốn đối ứng", "counterpart"),
    ("Nguồn kinh phí", "Vốn của cơ sở", "counterpart"),
]
# (the report's wording in the PhanBo sheet's Loại số liệu, the figure kind it must land on)
FIGURE_WORDINGS = [
    ("Kế hoạch", "allocated"),
    ("Dự toán", "allocated"),
    ("Thực hiện", "disbursed"),
    ("Giải ngân", "disbursed"),
    ("Ước thực hiện", "estimated_executed"),
    ("Quyết toán", "settled"),
]
FIRST_YEAR = 2001


def project_rows(cases) -> list[list]:
    rows = [PROJECT_HEAD]
    for number, (column, wording, _code) in enumerate(cases, start=1):
        cells = {**PLAIN, column: wording}
        rows.append([number, "Nghệ An", 2023, f"Đề án {number}: {wording}", cells["Nội dung khuyến công"],
                     cells["Ngành nghề"], cells["Nguồn kinh phí"], 100 + number, cells["Trạng thái"], SOURCE])
    return rows


def allocation_rows() -> list[list]:
    rows = [corpus.ALLOC_HEAD]
    for number, (wording, _code) in enumerate(FIGURE_WORDINGS, start=1):
        # one year per row: two wordings of one kind would be the same figure twice
        rows.append([number, "Hà Tĩnh", FIRST_YEAR + number, "KCĐP", wording, 1000 + number, SOURCE, None])
    return rows


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def query(db: Path, sql: str, params=()) -> list[tuple]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql, list(params)).fetchall()
    finally:
        con.close()


@pytest.fixture(scope="module")
def loaded(demo_db_path, tmp_path_factory):
    """A copy of the demo database after loading one workbook written in the reports' wording."""
    folder = tmp_path_factory.mktemp("wording")
    db = folder / "data" / "kc.duckdb"
    db.parent.mkdir()
    shutil.copyfile(demo_db_path, db)
    path = folder / "ha-tinh-bao-cao-2023.xlsx"
    path.write_bytes(corpus.workbook({"DeAn": project_rows(PROJECT_WORDINGS), "PhanBo": allocation_rows()}))
    result = run_etl("load", str(path), "--db", str(db))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "LỖI/ERROR" not in result.stdout
    return db


@pytest.mark.parametrize(("number", "case"), list(enumerate(PROJECT_WORDINGS, start=1)),
                         ids=[f"{column}: {wording}" for column, wording, _ in PROJECT_WORDINGS])
def test_a_project_in_the_reports_wording_lands_on_its_code(loaded, number, case):
    column, wording, code = case
    stored = query(loaded, f"SELECT {DB_COLUMN[column]} FROM project WHERE doc_id = 'tep-ha-tinh-bao-cao-2023-xlsx' "
                           "AND name = ?", [f"Đề án {number}: {wording}"])
    assert stored == [(code,)]


@pytest.mark.parametrize(("number", "case"), list(enumerate(FIGURE_WORDINGS, start=1)),
                         ids=[wording for wording, _ in FIGURE_WORDINGS])
def test_an_allocation_in_the_reports_wording_lands_on_its_figure_kind(loaded, number, case):
    _wording, figure = case
    stored = query(loaded, "SELECT funding_source, figure, amount_mvnd FROM allocation "
                           "WHERE doc_id = 'tep-ha-tinh-bao-cao-2023-xlsx' AND year_from = ?", [FIRST_YEAR + number])
    assert stored == [("local", figure, 1000 + number)]


# (column, value a person might write, the suggestions named in Vietnamese, and in English); None: no suggestion
REFUSED = [
    ("Nội dung khuyến công", "Mô hình trình diễn kỹ thuật số hóa",
     "không có trong danh mục nội dung khuyến công. Gợi ý: “Mô hình trình diễn kỹ thuật, chuyển giao công nghệ, "
     "ứng dụng máy móc thiết bị”",
     "unknown activity code. Suggestions: “Demonstration models, technology transfer and machinery”"),
    ("Nội dung khuyến công", "Đào tạo nghề may",
     "không có trong danh mục nội dung khuyến công. Gợi ý: “Đào tạo nghề, truyền nghề”",
     "unknown activity code. Suggestions: “Vocational training and craft transfer”"),
    ("Ngành nghề", "Mây tre",
     "không có trong danh mục ngành nghề. Gợi ý: “Mây tre đan và thủ công mỹ nghệ”",
     "unknown sector code. Suggestions: “Rattan, bamboo and handicrafts”"),
    ("Trạng thái", "Đã nghiệm thu xong",
     "không có trong danh mục trạng thái. Gợi ý: “Hoàn thành”",
     "unknown status code. Suggestions: “Completed”"),
    ("Nguồn kinh phí", "Ngân sách xã",
     "không có trong danh mục nguồn kinh phí. Gợi ý: “Địa phương”; “Cấp huyện”; “Ngân sách nhà nước (không nêu cấp)”",
     "unknown funding source code. Suggestions: “Local”; “District level”; “State budget (level not stated)”"),
    ("Nội dung khuyến công", "Khuyến nông", None, None),
]


@pytest.fixture()
def refused(demo_db_path, tmp_path):
    """(database digest before, after, the CLI's result) for a workbook of one refused value per row."""
    db = tmp_path / "data" / "kc.duckdb"
    db.parent.mkdir()
    shutil.copyfile(demo_db_path, db)
    before = digest(db)
    path = tmp_path / "ha-tinh-sai-danh-muc.xlsx"
    path.write_bytes(corpus.workbook({"DeAn": project_rows([(c, v, None) for c, v, _vi, _en in REFUSED])}))
    result = run_etl("load", str(path), "--db", str(db))
    return before, digest(db), result, db


def test_unknown_values_are_refused_with_suggestions_in_both_languages(refused):
    before, after, result, db = refused
    assert result.returncode == 1
    assert result.stdout.count("LỖI/ERROR") == len(REFUSED), result.stdout
    for row, (column, value, vi, en) in enumerate(REFUSED, start=2):
        where = f"ha-tinh-sai-danh-muc.xlsx, sheet DeAn, dòng/row {row}, cột/column {column} [{value!r}]: "
        line = next((text for text in result.stdout.splitlines() if where in text), None)
        assert line is not None, (where, result.stdout)
        if vi is None:
            assert "Gợi ý" not in line and "Suggestions" not in line, line
        else:
            assert line.endswith(f"{where}{vi} / {en}"), line


def test_a_refused_load_leaves_the_database_as_it_was(refused):
    before, after, _result, db = refused
    assert after == before
    assert not (db.parent / "imports").exists()


def read_aliases() -> list[dict[str, str]]:
    with (ROOT / "data" / "reference" / "code_alias.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture(scope="module")
def codes(demo_db_path):
    con = duckdb.connect(str(demo_db_path), read_only=True)
    try:
        return Codes(con)
    finally:
        con.close()


def test_every_alias_reads_as_its_own_code(codes):
    """An alias that folds like another code's name or alias would be read as that code: none does."""
    misread = [(row["list"], row["alias"], row["code"], Codes.lookup(codes.lists[row["list"]], row["alias"]))
               for row in read_aliases()]
    assert [m for m in misread if m[2] != m[3]] == []
    assert {row["list"] for row in read_aliases()} <= set(REFERENCE_LISTS)

