"""The data-entry workbook people fill in and load on the Import page: python -m etl.template [OUT].

One instructions sheet (Vietnamese, with an English paragraph), three data sheets whose row 3 holds exactly the
headers the importer reads, and a hidden sheet of code lists behind the drop-downs. No example rows in the data
sheets (they would be imported): the examples are in the instructions. The file is built deterministically (fixed
document properties), so the committed copy can be compared with a fresh build.
"""

import csv
import io
import sys
from datetime import datetime
from pathlib import Path

import xlsxwriter
from xlsxwriter.utility import xl_col_to_name

from etl.importing.templates import TEMPLATES, Template
from etl.paths import REFERENCE_DIR, ROOT
from etl.problems import bilingual

DEFAULT_OUT = ROOT / "data" / "templates" / "khuyen-cong_mau-nhap-lieu.xlsx"
INSTRUCTIONS_SHEET = "Hướng dẫn"
CODES_SHEET = "DanhMuc"
HEADER_ROW = 3  # 1-based, as Excel shows it; data start on the row below
FIRST_DATA_ROW, LAST_DATA_ROW = 4, 2000
UNIT_CELL = "Đơn vị tính: triệu đồng"
YEAR_MIN, YEAR_MAX = 1990, 2100
FIXED_TIME = datetime(2025, 1, 1)



# The data sheets and their columns: the importer's model (etl/importing/templates.py), so the headers written here are
# the ones it reads.
DATA_SHEETS = TEMPLATES
# The code list behind each kind of coded column (an area column offers the provinces).
LIST_OF_KIND = {"area": "province"}


def _read_reference(name: str) -> list[dict[str, str]]:
    with (REFERENCE_DIR / name).open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def code_lists() -> dict[str, list[str]]:
    """Each drop-down's values, by Vietnamese name, in the order people expect them."""
    def sorted_rows(name: str) -> list[dict[str, str]]:
        return sorted(_read_reference(name), key=lambda row: int(row["sort_order"]))

    def names(name: str) -> list[str]:
        # The template's wording where report forms differ from the dashboard's name (Dự toán, not Phân bổ).
        return [row.get("entry_name_vi") or row["name_vi"] for row in sorted_rows(name)]

    provinces = [row["name_vi"] for row in _read_reference("area.csv") if row["level"] == "province"]
    return {
        "province": list(dict.fromkeys(provinces)),
        "funding": names("funding_source.csv"),
        "figure": names("figure_kind.csv"),
        "period": names("period.csv"),
        "activity": names("activity.csv"),
        "sector": names("sector.csv"),
        "indicator": names("indicator.csv"),
        "status": names("project_status.csv"),
    }


# Not the data sheets' headers: the importer reads any sheet whose header row looks like a template's.
CODE_HEADERS = {"province": "Danh mục tỉnh/thành phố", "funding": "Danh mục nguồn kinh phí",
                "figure": "Danh mục loại số liệu", "period": "Danh mục kỳ báo cáo",
                "activity": "Danh mục nội dung khuyến công", "sector": "Danh mục ngành nghề",
                "indicator": "Danh mục chỉ tiêu", "status": "Danh mục trạng thái"}

GENERAL_RULES = (
    ("Mỗi dòng một con số", "Mỗi dòng là một số liệu kèm tài liệu công bố nó. Không gộp nhiều năm, nhiều nguồn kinh "
     "phí vào một ô; không thêm dòng tổng cộng, dòng trống xen giữa hay ô gộp (merge)."),
    ("Đơn vị tiền", "Triệu đồng (1 tỷ đồng = 1.000 triệu đồng). Ô chỉ ghi số, không ghi chữ \"triệu\", \"tỷ\", "
     "\"đồng\". Số tiền không âm."),
    ("Ô trống ≠ 0", "Để trống ô khi văn bản không nêu số liệu: ô trống nghĩa là chưa báo cáo, không phải bằng 0. Chỉ "
     "ghi 0 khi văn bản nói rõ là 0. Không ghi \"-\", \"không có\", \"N/A\"."),
    ("Năm", "Ghi 4 chữ số, từ 1990 đến 2100."),
    ("Danh mục", "Các cột có mũi tên chọn dùng danh mục chung (tỉnh, nguồn kinh phí, loại số liệu, kỳ báo cáo, nội "
     "dung khuyến công, ngành nghề, chỉ tiêu, trạng thái): chọn trong danh sách thay vì gõ để tránh sai chính tả. "
     "Danh mục nằm ở sheet ẩn DanhMuc, không sửa sheet này."),
    ("Tỉnh/Thành phố", "Ghi theo đơn vị hành chính tại thời điểm của số liệu: số liệu trước 1/7/2025 theo 63 tỉnh "
     "cũ, từ 1/7/2025 theo 34 đơn vị mới. Tên trùng nhau giữa tỉnh cũ và đơn vị mới (ví dụ Lào Cai) được phân biệt "
     "theo năm của số liệu."),
    ("Nguồn tài liệu", "Bắt buộc: số hiệu, ngày và cơ quan ban hành văn bản, hoặc tiêu đề và đường dẫn bài viết. "
     "Số liệu không có nguồn sẽ không được nạp."),
    ("Cấu trúc", "Không đổi tên sheet; không đổi, xóa hay thêm cột ở dòng tiêu đề (dòng 3); nhập từ dòng 4. Sheet "
     "không dùng đến thì để trống."),
)

IMPORT_STEPS = (
    ("Nạp tệp", "Trên trang \"Nhập dữ liệu\" của bảng điều khiển (cần mật khẩu quản trị), tải tệp lên. Chương trình "
     "kiểm tra và liệt kê từng lỗi theo sheet, dòng và cột, rồi cho xem trước số dòng sẽ thêm, sửa, xóa ở từng bảng."),
    ("Xác nhận", "Chỉ xác nhận được khi không còn lỗi (cảnh báo không chặn). Khi xác nhận, cả tệp được ghi một lần; "
     "có lỗi thì không ghi gì."),
    ("Nạp lại", "Tệp có nội dung giống hệt tệp đã nạp được báo \"đã nạp trước đó\"; nạp lại không tạo số liệu trùng."),
    ("Sửa số liệu", "Sửa trực tiếp trong tệp rồi nạp lại tệp đó; xem phần xem trước để chắc chỉ những dòng cần sửa "
     "thay đổi. Không thêm dòng \"điều chỉnh\" hay số âm để bù trừ."),
)

ENGLISH = (
    "English: this workbook is the data-entry template of the khuyến công (industrial extension) funding dashboard. "
    "Fill in the sheets PhanBo (funding allocated, disbursed or settled per province and year or multi-year period), "
    "DeAn (one row per project) and KetQua (result indicators per year, half-year or quarter), starting on row 4 "
    "under the headers in row 3; do not rename sheets or change the headers. One row per figure, each with the "
    "document that published it in \"Nguồn tài liệu\" (required). Money is in million VND (triệu đồng). Leave a cell "
    "empty when a figure was not reported: empty means not reported, not zero. Columns with a drop-down take values "
    "from the code lists in the hidden sheet DanhMuc (provinces as they were at the time of the figure, funding "
    "source, figure kind, period, activity, sector, indicator, status). Load the file on the dashboard's Import page "
    "(admin password): it lists every problem by sheet, row and column and previews the rows to be added, changed "
    "and removed; loading is all or nothing. A file identical to one already loaded is reported as such. To correct "
    "a figure, fix it in the file and load the file again."
)


def _indicator_units() -> list[tuple[str, str]]:
    rows = sorted(_read_reference("indicator.csv"), key=lambda row: int(row["sort_order"]))
    return [(row["name_vi"], row["unit_vi"]) for row in rows]


class _Book:
    """The workbook and its few formats."""

    def __init__(self, target) -> None:
        self.book = xlsxwriter.Workbook(target, {"in_memory": True, "strings_to_formulas": False,
                                                 "strings_to_urls": False, "strings_to_numbers": False})
        self.book.set_properties({"title": "Mẫu nhập liệu kinh phí khuyến công", "author": "Dashboard khuyến công",
                                  "company": "", "created": FIXED_TIME, "comments": "python -m etl.template"})
        add = self.book.add_format
        self.title = add({"bold": True, "font_size": 14, "font_color": "#1F3864"})
        self.unit = add({"italic": True, "font_color": "#595959"})
        self.header = add({"bold": True, "bg_color": "#DDEBF7", "border": 1, "text_wrap": True, "valign": "top"})
        self.required = add({"bold": True, "bg_color": "#FCE4D6", "border": 1, "text_wrap": True, "valign": "top"})
        self.section = add({"bold": True, "font_size": 12, "font_color": "#1F3864"})
        self.key = add({"bold": True, "text_wrap": True, "valign": "top"})
        self.text = add({"text_wrap": True, "valign": "top"})
        self.cell = add({"text_wrap": True, "valign": "top", "border": 1})
        self.example = add({"text_wrap": True, "valign": "top", "border": 1, "italic": True, "font_color": "#375623"})
        self.year = add({"num_format": "0"})


def _text_height(text: str, chars_per_line: int) -> float:
    lines = sum(max(1, -(-len(part) // chars_per_line)) for part in text.split("\n"))
    return 15.0 * lines


def _write_instructions(fmt: _Book, lists: dict[str, list[str]]) -> None:
    sheet = fmt.book.add_worksheet(INSTRUCTIONS_SHEET)
    sheet.set_column(0, 0, 26)
    sheet.set_column(1, 1, 70)
    sheet.set_column(2, 2, 48)
    sheet.set_column(3, 3, 12)
    row = 0

    def prose(text: str, style=None) -> None:
        nonlocal row
        sheet.merge_range(row, 0, row, 3, text, style or fmt.text)
        sheet.set_row(row, _text_height(text, 150))
        row += 1

    def pair(key: str, text: str) -> None:
        nonlocal row
        sheet.write(row, 0, key, fmt.key)
        sheet.merge_range(row, 1, row, 3, text, fmt.text)
        sheet.set_row(row, max(_text_height(text, 125), _text_height(key, 24)))
        row += 1

    sheet.write(row, 0, "Mẫu nhập liệu kinh phí khuyến công", fmt.title)
    row += 2
    prose("Tệp này dùng để nhập số liệu khuyến công vào bảng điều khiển. Điền số liệu vào ba sheet PhanBo, DeAn và "
          "KetQua, bắt đầu từ dòng 4 (dòng 3 là tiêu đề cột). Ví dụ cách điền nằm ở sheet này; các sheet dữ liệu "
          "để trống vì mọi dòng trong đó đều được nạp.")
    row += 1
    prose("Các sheet", fmt.section)
    for data in DATA_SHEETS:
        pair(data.name, data.purpose)
    pair(CODES_SHEET + " (ẩn)", "Danh mục cho các ô chọn. Không sửa.")
    row += 1
    prose("Quy tắc chung", fmt.section)
    for key, text in GENERAL_RULES:
        pair(key, text)
    row += 1
    prose("Nạp tệp, nạp lại và sửa số liệu", fmt.section)
    for key, text in IMPORT_STEPS:
        pair(key, text)
    row += 1
    prose("Các cột và ví dụ (ví dụ chỉ để minh họa cách điền, không phải số liệu thật; không chép vào sheet dữ liệu)",
          fmt.section)
    for data in DATA_SHEETS:
        row += 1
        prose(f"Sheet {data.name} – {data.title}", fmt.key)
        for col, name in enumerate(("Cột", "Ý nghĩa", "Ví dụ", "Bắt buộc")):
            sheet.write(row, col, name, fmt.header)
        row += 1
        for column in data.entry_columns:
            sheet.write(row, 0, column.header, fmt.cell)
            sheet.write(row, 1, column.meaning, fmt.cell)
            sheet.write(row, 2, column.example or "(để trống)", fmt.example)
            sheet.write(row, 3, "có" if column.asked else "", fmt.cell)
            sheet.set_row(row, max(_text_height(column.meaning, 75), _text_height(column.example, 50)))
            row += 1
    row += 1
    prose("Chỉ tiêu kết quả và đơn vị tính", fmt.section)
    for col, name in enumerate(("Chỉ tiêu", "Đơn vị tính")):
        sheet.write(row, col, name, fmt.header)
    row += 1
    for name, unit in _indicator_units():
        sheet.write(row, 0, name, fmt.cell)
        sheet.write(row, 1, unit, fmt.cell)
        sheet.set_row(row, _text_height(name, 26))
        row += 1
    row += 1
    prose("Danh mục", fmt.section)
    for key, header in (("funding", "Nguồn kinh phí"), ("figure", "Loại số liệu"), ("period", "Kỳ báo cáo"),
                        ("status", "Trạng thái")):
        pair(header, "; ".join(lists[key]))
    pair("Tỉnh, nội dung, ngành nghề", "Xem danh sách chọn trong các sheet dữ liệu (sheet ẩn DanhMuc).")
    row += 1
    prose("English", fmt.section)
    prose(ENGLISH)
    sheet.activate()


def code_ranges(lists: dict[str, list[str]]) -> dict[str, str]:
    """Each list's cells in the code-list sheet (one column per list, values from row 2), for data validation."""
    ranges = {}
    for col, (key, values) in enumerate(lists.items()):
        letter = xl_col_to_name(col)
        ranges[key] = f"={CODES_SHEET}!${letter}$2:${letter}${len(values) + 1}"
    return ranges


def _write_codes(fmt: _Book, lists: dict[str, list[str]]) -> None:
    """The hidden code-list sheet behind the drop-downs."""
    sheet = fmt.book.add_worksheet(CODES_SHEET)
    for col, (key, values) in enumerate(lists.items()):
        sheet.write(0, col, CODE_HEADERS[key], fmt.header)
        for index, value in enumerate(values, start=1):
            sheet.write_string(index, col, value)
        sheet.set_column(col, col, 30)
    sheet.hide()


def _write_data_sheet(fmt: _Book, data: Template, ranges: dict[str, str]) -> None:
    sheet = fmt.book.add_worksheet(data.name)
    first, last = FIRST_DATA_ROW - 1, LAST_DATA_ROW - 1  # 0-based
    sheet.write(0, 0, data.title, fmt.title)
    sheet.write(1, 0, UNIT_CELL, fmt.unit)
    sheet.set_row(HEADER_ROW - 1, 32)
    for col, column in enumerate(data.entry_columns):
        code_list = LIST_OF_KIND.get(column.kind, column.kind)
        sheet.write(HEADER_ROW - 1, col, column.header, fmt.required if column.asked else fmt.header)
        sheet.set_column(col, col, column.width, fmt.year if column.kind == "year" else None)
        if code_list in ranges:
            sheet.data_validation(first, col, last, col, {
                "validate": "list", "source": ranges[code_list],
                # Provinces also accept other spellings the reader knows (aliases): warn, do not block.
                "error_type": "warning" if code_list == "province" else "stop",
                "input_title": column.header[:32], "input_message": "Chọn trong danh sách.",
                "error_title": "Không có trong danh mục",
                "error_message": "Chọn một giá trị trong danh sách (xem sheet Hướng dẫn)."})
        elif column.kind == "year":
            sheet.data_validation(first, col, last, col, {
                "validate": "integer", "criteria": "between", "minimum": YEAR_MIN, "maximum": YEAR_MAX,
                "error_title": "Năm không hợp lệ",
                "error_message": f"Năm là số nguyên từ {YEAR_MIN} đến {YEAR_MAX}."})
        elif column.kind in ("money", "value"):
            unit = "triệu đồng" if column.kind == "money" else "theo đơn vị của chỉ tiêu"
            sheet.data_validation(first, col, last, col, {
                "validate": "decimal", "criteria": ">=", "value": 0,
                "input_title": column.header[:32], "input_message": f"Số không âm, {unit}. Để trống nếu không có số.",
                "error_title": "Số không hợp lệ", "error_message": "Nhập một số không âm (không ghi chữ)."})
    sheet.freeze_panes(HEADER_ROW, 1)


def build_template() -> bytes:
    """The template workbook as .xlsx bytes (the same bytes for the same reference data)."""
    buffer = io.BytesIO()
    fmt = _Book(buffer)
    lists = code_lists()
    _write_instructions(fmt, lists)
    ranges = code_ranges(lists)
    for data in DATA_SHEETS:
        _write_data_sheet(fmt, data, ranges)
    _write_codes(fmt, lists)
    fmt.book.close()
    return buffer.getvalue()


def write_template(out: Path = DEFAULT_OUT) -> Path:
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(build_template())
    return out


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    out = write_template(Path(args[0]) if args else DEFAULT_OUT)
    print(bilingual("etl_template_written") + f": {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
