"""The data-entry template as a person opens it in Excel: sheets, headers, drop-downs, and a committed copy that is
the same as a fresh build."""

import csv
import io
import subprocess
import sys

import openpyxl
import pytest
from conftest import ROOT
from openpyxl.utils import get_column_letter

from etl.template import CODES_SHEET, DEFAULT_OUT, INSTRUCTIONS_SHEET, build_template

HEADERS = {
    "PhanBo": ["Tỉnh/Thành phố", "Từ năm", "Đến năm", "Nguồn kinh phí", "Loại số liệu", "Số tiền", "Nguồn tài liệu",
               "Ghi chú"],
    "DeAn": ["Tỉnh/Thành phố", "Năm", "Tên đề án", "Đơn vị thực hiện", "Địa điểm", "Nội dung khuyến công",
             "Ngành nghề", "Nguồn kinh phí", "Kinh phí kế hoạch", "Kinh phí thực hiện", "Vốn đối ứng", "Trạng thái",
             "Nguồn tài liệu"],
    "KetQua": ["Tỉnh/Thành phố", "Năm", "Kỳ báo cáo", "Nội dung khuyến công", "Ngành nghề", "Chỉ tiêu", "Kế hoạch",
               "Thực hiện", "Cùng kỳ năm trước", "Nguồn tài liệu"],
}
# Which list of DanhMuc each code column must offer.
CODE_COLUMNS = {"Tỉnh/Thành phố": "Danh mục tỉnh/thành phố", "Nguồn kinh phí": "Danh mục nguồn kinh phí",
                "Loại số liệu": "Danh mục loại số liệu", "Kỳ báo cáo": "Danh mục kỳ báo cáo",
                "Nội dung khuyến công": "Danh mục nội dung khuyến công", "Ngành nghề": "Danh mục ngành nghề",
                "Chỉ tiêu": "Danh mục chỉ tiêu", "Trạng thái": "Danh mục trạng thái"}
YEARS = {"Từ năm", "Đến năm", "Năm"}
AMOUNTS = {"Số tiền", "Kinh phí kế hoạch", "Kinh phí thực hiện", "Vốn đối ứng", "Kế hoạch", "Thực hiện",
           "Cùng kỳ năm trước"}


def reference(name: str) -> list[dict[str, str]]:
    with (ROOT / "data" / "reference" / name).open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture(scope="module")
def book():
    return openpyxl.load_workbook(io.BytesIO(build_template()))


def code_list(book, header: str) -> list[str]:
    sheet = book[CODES_SHEET]
    column = next(cell.column for cell in sheet[1] if cell.value == header)
    return [row[0] for row in sheet.iter_rows(min_row=2, min_col=column, max_col=column, values_only=True) if row[0]]


def validations(sheet) -> dict[str, object]:
    """Column letter -> the data validation covering rows 4..2000 of it."""
    found = {}
    for rule in sheet.data_validations.dataValidation:
        for cell_range in rule.sqref.ranges:
            if cell_range.min_row == 4 and cell_range.max_row == 2000 and cell_range.min_col == cell_range.max_col:
                found[get_column_letter(cell_range.min_col)] = rule
    return found


def test_sheets_in_order_with_the_code_lists_hidden(book):
    assert book.sheetnames == [INSTRUCTIONS_SHEET, "PhanBo", "DeAn", "KetQua", CODES_SHEET]
    states = {sheet.title: sheet.sheet_state for sheet in book.worksheets}
    assert states == {INSTRUCTIONS_SHEET: "visible", "PhanBo": "visible", "DeAn": "visible", "KetQua": "visible",
                      CODES_SHEET: "hidden"}


@pytest.mark.parametrize("name", HEADERS)
def test_data_sheet_layout(book, name):
    sheet = book[name]
    assert [cell.value for cell in sheet[3]] == HEADERS[name]
    assert sheet["A1"].value  # a title
    assert sheet["A2"].value == "Đơn vị tính: triệu đồng"
    assert sheet.freeze_panes == "B4"  # header rows and the province column stay in view
    assert sheet.max_row == 3, "no example rows in a data sheet: they would be imported"
    for letter in (get_column_letter(i) for i in range(1, len(HEADERS[name]) + 1)):
        assert sheet.column_dimensions[letter].width >= 8


@pytest.mark.parametrize("name", HEADERS)
def test_code_columns_have_drop_downs_from_the_code_lists(book, name):
    sheet = book[name]
    rules = validations(sheet)
    for index, header in enumerate(HEADERS[name], start=1):
        letter = get_column_letter(index)
        if header in CODE_COLUMNS:
            rule = rules.get(letter)
            assert rule is not None and rule.type == "list", f"{name}!{letter} ({header}) has no drop-down"
            target_sheet, cells = rule.formula1.split("!")
            assert target_sheet == CODES_SHEET
            first, last = (int(part.split("$")[-1]) for part in cells.split(":"))
            codes_column = cells.split("$")[1]
            values = [book[CODES_SHEET][f"{codes_column}{row}"].value for row in range(first, last + 1)]
            assert values == code_list(book, CODE_COLUMNS[header]), header
        elif header in YEARS:
            rule = rules[letter]
            assert (rule.type, rule.formula1, rule.formula2) == ("whole", "1990", "2100")
        elif header in AMOUNTS:
            rule = rules[letter]
            assert (rule.type, rule.operator, rule.formula1) == ("decimal", "greaterThanOrEqual", "0")
        else:
            assert letter not in rules, f"free text column {header} should not be restricted"


def test_code_lists_match_the_reference_data(book):
    provinces = {row["name_vi"] for row in reference("area.csv") if row["level"] == "province"}
    assert sorted(code_list(book, CODE_COLUMNS["Tỉnh/Thành phố"])) == sorted(provinces)
    assert {"Nghệ An", "TP. Hồ Chí Minh", "Hà Tây"} <= set(code_list(book, CODE_COLUMNS["Tỉnh/Thành phố"]))
    sources = [row["name_vi"] for row in reference("funding_source.csv")]
    assert code_list(book, CODE_COLUMNS["Nguồn kinh phí"]) == sources
    kinds = [row["entry_name_vi"] or row["name_vi"] for row in reference("figure_kind.csv")]
    assert code_list(book, CODE_COLUMNS["Loại số liệu"]) == kinds
    assert kinds[:3] == ["Dự toán", "Thực hiện", "Quyết toán"]
    assert code_list(book, CODE_COLUMNS["Kỳ báo cáo"]) == ["Cả năm", "6 tháng", "Quý I", "Quý II", "Quý III", "Quý IV"]
    assert code_list(book, CODE_COLUMNS["Trạng thái"]) == ["Đã đăng ký", "Đang thẩm định", "Đã phê duyệt",
                                                           "Chuyển tiếp", "Đang thực hiện", "Hoàn thành",
                                                           "Dừng thực hiện"]
    for header, file in (("Nội dung khuyến công", "activity.csv"), ("Ngành nghề", "sector.csv"),
                         ("Chỉ tiêu", "indicator.csv")):
        assert set(code_list(book, CODE_COLUMNS[header])) == {row["name_vi"] for row in reference(file)}, header


def test_instructions_cover_the_rules(book):
    text = "\n".join(str(value) for row in book[INSTRUCTIONS_SHEET].iter_rows(values_only=True) for value in row
                     if value is not None)
    for needle in ("PhanBo", "DeAn", "KetQua", "triệu đồng", "không phải bằng 0", "Nguồn tài liệu", "nạp lại",
                   "Mỗi dòng là một số liệu", "English:", "empty means not reported, not zero"):
        assert needle in text, needle
    for headers in HEADERS.values():  # every column is explained, with an example
        for header in headers:
            assert header in text, header


def test_committed_template_is_up_to_date():
    """The file in data/templates is what `python -m etl.template` builds now (cell by cell)."""
    committed = openpyxl.load_workbook(DEFAULT_OUT)
    fresh = openpyxl.load_workbook(io.BytesIO(build_template()))
    assert committed.sheetnames == fresh.sheetnames
    for name in fresh.sheetnames:
        assert list(committed[name].iter_rows(values_only=True)) == list(fresh[name].iter_rows(values_only=True)), \
            f"{DEFAULT_OUT.name} sheet {name} is stale: run python -m etl.template"
        assert [str(rule.sqref) + str(rule.formula1) for rule in committed[name].data_validations.dataValidation] == \
            [str(rule.sqref) + str(rule.formula1) for rule in fresh[name].data_validations.dataValidation]


def test_cli_writes_the_same_bytes_twice(tmp_path):
    outs = [tmp_path / "a.xlsx", tmp_path / "b.xlsx"]
    for out in outs:
        done = subprocess.run([sys.executable, "-m", "etl.template", str(out)], cwd=ROOT, capture_output=True,
                              text=True, timeout=60)
        assert done.returncode == 0, done.stderr
    assert outs[0].read_bytes() == outs[1].read_bytes()
