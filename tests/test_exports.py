"""The export files on their own: .xlsx typed cells and formats, formula neutralisation, CSV bytes, file names."""

import csv
import io
from datetime import date, datetime

import openpyxl
import pandas as pd
import pytest

from khuyencong.figures.data import fold
from khuyencong.render.exports import INFO_SHEET, make_csv, make_file_name, make_xlsx, number_format, slugify

FORMULA_LIKE = ['=HYPERLINK("http://x","y")', "+1+1", "@SUM(A1)", "-2+3", "=1+1", "\t=1", "\r=1", "\nx"]


def read_xlsx(data: bytes) -> openpyxl.Workbook:
    return openpyxl.load_workbook(io.BytesIO(data))


def read_csv(data: bytes) -> list[list[str]]:
    assert data.startswith(b"\xef\xbb\xbf")
    return list(csv.reader(io.StringIO(data[3:].decode("utf-8"), newline="")))


def sample() -> pd.DataFrame:
    return pd.DataFrame({
        "Tỉnh/thành phố": ["Nghệ An", "Hà Tĩnh", "Thái Bình"],
        "Năm": [2018, 2019, 2020],
        "Nội dung": ["Đào tạo nghề, truyền nghề", None, "Sản xuất sạch hơn"],
        "Số tiền (triệu đồng)": [1234.5, None, 0.0],
        "Chênh lệch": [-5, 3, 0],
    })


def test_xlsx_keeps_numbers_numeric_with_formats_and_null_empty():
    book = read_xlsx(make_xlsx({"Đề án": sample()}, [("Bộ lọc", "Nghệ An")], formats={"Năm": "0"}))
    sheet = book["Đề án"]
    assert [c.value for c in sheet[1]] == list(sample().columns)
    money = [sheet.cell(row, 4) for row in (2, 3, 4)]
    assert (money[0].value, money[0].data_type, money[0].number_format) == (1234.5, "n", "#,##0.0")
    assert money[1].value is None  # not reported: an empty cell, not 0
    assert (money[2].value, money[2].data_type) == (0, "n")
    assert (sheet["B2"].value, sheet["B2"].number_format) == (2018, "0")
    assert (sheet["E2"].value, sheet["E2"].data_type, sheet["E2"].number_format) == (-5, "n", "#,##0")
    assert sheet["C3"].value is None
    assert sheet.freeze_panes == "A2"
    assert sheet.max_row == 4
    assert sheet.column_dimensions["C"].width > sheet.column_dimensions["B"].width


def test_xlsx_has_the_info_sheet_with_dates_as_dates():
    info = [("Bộ lọc", "Nghệ An"), ("Tài liệu", "Nghệ An: 70 tỷ đồng", "Báo Công Thương", date(2018, 8, 9)),
            ("Thời điểm xuất", datetime(2026, 11, 23, 9, 31))]
    book = read_xlsx(make_xlsx({"Đề án": sample()}, info))
    assert book.sheetnames == ["Đề án", INFO_SHEET]
    sheet = book[INFO_SHEET]
    assert sheet["A1"].value == "Bộ lọc" and sheet["B1"].value == "Nghệ An"
    assert sheet["D2"].is_date and sheet["D2"].value == datetime(2018, 8, 9)
    assert sheet["B3"].is_date and sheet["B3"].value == datetime(2026, 11, 23, 9, 31)


@pytest.mark.parametrize(("values", "expected"), [
    ([1.0, 2.0], "#,##0"), ([1.5, 2.0], "#,##0.0"), ([1.25, None], "#,##0.00"), ([0.125, 3.0], "#,##0.000"),
    ([-5, 7], "#,##0"),
])
def test_number_format_uses_the_decimals_the_column_needs(values, expected):
    assert number_format(pd.Series(values, dtype="float64")) == expected


@pytest.mark.parametrize("text", FORMULA_LIKE)
def test_formula_like_text_stays_text_in_xlsx(text):
    frame = pd.DataFrame({"Tên đề án": [text], "Số": [-5]})
    sheet = read_xlsx(make_xlsx({"Đề án": frame}, [("Ghi chú", text)]))["Đề án"]
    assert sheet["A2"].data_type == "s"
    assert sheet["A2"].value.replace("_x000D_", "\r") == text  # XlsxWriter escapes CR as OOXML says; Excel reads CR
    assert sheet["A2"].quotePrefix  # Excel keeps it text when the cell is edited
    assert (sheet["B2"].value, sheet["B2"].data_type) == (-5, "n")
    info = read_xlsx(make_xlsx({"Đề án": frame}, [("Ghi chú", text)]))[INFO_SHEET]
    assert info["B1"].data_type == "s" and info["B1"].value.replace("_x000D_", "\r") == text


@pytest.mark.parametrize("text", FORMULA_LIKE)
def test_formula_like_text_is_neutralised_in_csv(text):
    rows = read_csv(make_csv(pd.DataFrame({"Tên đề án": [text], "Số": [-5]})))
    assert rows[1] == ["'" + text, "-5"]


def test_plain_text_and_numbers_are_untouched_in_csv():
    rows = read_csv(make_csv(sample()))
    assert rows[0] == list(sample().columns)
    assert rows[1] == ["Nghệ An", "2018", "Đào tạo nghề, truyền nghề", "1234.5", "-5"]
    assert rows[2] == ["Hà Tĩnh", "2019", "", "", "3"]  # NULL is empty
    assert rows[3] == ["Thái Bình", "2020", "Sản xuất sạch hơn", "0", "0"]  # zero is 0


def test_csv_round_trips_vietnamese_byte_exact():
    data = make_csv(sample())
    assert data[:3] == b"\xef\xbb\xbf"
    for text in ("Nghệ An", "Đào tạo nghề, truyền nghề", "Thái Bình"):
        assert text.encode("utf-8") in data
    back = pd.read_csv(io.BytesIO(data), encoding="utf-8-sig")
    assert list(back["Tỉnh/thành phố"]) == ["Nghệ An", "Hà Tĩnh", "Thái Bình"]
    assert back["Số tiền (triệu đồng)"].isna().tolist() == [False, True, False]
    assert back["Số tiền (triệu đồng)"].iloc[0] == 1234.5


@pytest.mark.parametrize(("args", "expected"), [
    ((["nghe-an"], 2002, 2018, "du-an", "xlsx"), "khuyen-cong_nghe-an_2002-2018_du-an.xlsx"),
    (([], 2007, 2007, "phan-bo", "csv"), "khuyen-cong_tat-ca_2007_phan-bo.csv"),
    ((["Nghệ An", "Hà Tĩnh"], 2010, 2015, "ket-qua", "xlsx"), "khuyen-cong_nghe-an_ha-tinh_2010-2015_ket-qua.xlsx"),
    ((["a", "b", "c", "d", "e"], 2002, 2025, "du-an", "csv"), "khuyen-cong_a_b_va-3-noi-khac_2002-2025_du-an.csv"),
])
def test_file_names_say_what_is_inside(args, expected):
    assert make_file_name(*args) == expected


def test_file_name_carries_the_search_in_ascii():
    name = make_file_name(["nghe-an"], 2002, 2018, "du-an", "xlsx", search="Đào tạo nghề")
    assert name == "khuyen-cong_nghe-an_2002-2018_du-an_tim-dao-tao-nghe.xlsx"
    assert name.isascii()


@pytest.mark.parametrize(("text", "expected"), [
    ("Đào tạo NGHỀ", "dao tao nghe"), ("  Thừa   Thiên Huế ", "thua thien hue"), ("Ưu tiên", "uu tien"), ("", ""),
])
def test_fold_ignores_case_and_accents(text, expected):
    assert fold(text) == expected
    assert slugify(text) == expected.replace(" ", "-")


@pytest.mark.parametrize(("dialect", "delimiter", "money"), [("en", ",", "1234.5"), ("vi", ";", "1234,5")])
def test_both_csv_dialects_split_into_the_columns_and_keep_numbers_plain(dialect, delimiter, money):
    data = make_csv(sample(), dialect)
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data[3:].decode("utf-8"), newline=""), delimiter=delimiter))
    assert rows[0] == list(sample().columns) and {len(r) for r in rows} == {5}
    assert rows[1] == ["Nghệ An", "2018", "Đào tạo nghề, truyền nghề", money, "-5"]
    assert rows[2][3] == "" and rows[3][3] == "0"   # not reported stays empty, zero stays 0


# (text, as a file holds it once control characters are dropped, whether a spreadsheet would then run it: = + - @)
CONTROLLED = [("a\x00b", "ab", False), ("\x1b[31mđỏ\x1b[0m", "[31mđỏ[0m", False),
              ("x\x07\x08\x0b\x0c\x7fy", "xy", False), ("=\x00SUM(A1)", "=SUM(A1)", True),
              # a control character before the trigger: dropping it must not leave a live formula behind
              ("\x00=SUM(A1)", "=SUM(A1)", True), ("\x01+1+1", "+1+1", True), ("\x7f@SUM(A1)", "@SUM(A1)", True),
              ("\x1b-2+3", "-2+3", True)]


@pytest.mark.parametrize(("text", "cleaned", "formula"), CONTROLLED)
def test_control_characters_never_reach_a_file(text, cleaned, formula):
    """Each cell as written: control characters gone, and what is left neutralised when it would run as a formula
    (CSV: a leading apostrophe; .xlsx: a text cell with Excel's quote prefix), checked on the value itself."""
    frame = pd.DataFrame({"Tên": [text, "dòng 1\ndòng 2\tcột"]})
    for data, delimiter in ((make_csv(frame), ","), (make_csv(frame, "vi"), ";")):
        body = data.decode("utf-8-sig")
        assert not [c for c in body if (ord(c) < 32 and c not in "\t\r\n") or ord(c) == 127]
        rows = list(csv.reader(io.StringIO(body, newline=""), delimiter=delimiter))
        assert rows == [["Tên"], [("'" if formula else "") + cleaned], ["dòng 1\ndòng 2\tcột"]]
    sheet = read_xlsx(make_xlsx({"Đề án": frame}, []))["Đề án"]
    assert (sheet["A2"].value, sheet["A2"].data_type, bool(sheet["A2"].quotePrefix)) == (cleaned, "s", formula)
    assert sheet["A3"].value == "dòng 1\ndòng 2\tcột"
