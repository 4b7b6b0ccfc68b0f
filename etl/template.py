"""The data-entry workbook people fill in and load on the Import page: python -m etl.template [OUT].

One instructions sheet (Vietnamese, with an English paragraph), three data sheets whose row 3 holds exactly the
headers the importer reads, and a hidden sheet of code lists behind the drop-downs. No example rows in the data
sheets (they would be imported): the examples are in the instructions. The file is built deterministically (fixed
document properties), so the committed copy can be compared with a fresh build.
"""

import csv
import io
import sys
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import xlsxwriter
from xlsxwriter.utility import xl_col_to_name

from etl.paths import REFERENCE_DIR, ROOT

DEFAULT_OUT = ROOT / "data" / "templates" / "khuyen-cong_mau-nhap-lieu.xlsx"
INSTRUCTIONS_SHEET = "Hướng dẫn"
CODES_SHEET = "DanhMuc"
HEADER_ROW = 3  # 1-based, as Excel shows it; data start on the row below
FIRST_DATA_ROW, LAST_DATA_ROW = 4, 2000
UNIT_CELL = "Đơn vị tính: triệu đồng"
YEAR_MIN, YEAR_MAX = 1990, 2100
FIXED_TIME = datetime(2025, 1, 1)



@dataclass(frozen=True)
class Column:
    header: str
    kind: str  # a code list name, "year", "money" (triệu đồng, >= 0), "number" (>= 0) or "text"
    width: int
    meaning: str
    example: str
    required: bool = False


@dataclass(frozen=True)
class DataSheet:
    name: str
    title: str
    purpose: str
    columns: tuple[Column, ...]

    @property
    def headers(self) -> list[str]:
        return [column.header for column in self.columns]


PROVINCE = Column("Tỉnh/Thành phố", "province", 20,
                  "Tên ngắn của tỉnh/thành phố như trong niên giám thống kê, theo đơn vị hành chính tại thời điểm "
                  "của số liệu (trước 1/7/2025: 63 tỉnh cũ; từ 1/7/2025: 34 đơn vị mới). Chọn trong danh sách.",
                  "Nghệ An", True)
SOURCE_DOC = Column("Nguồn tài liệu", "text", 45,
                    "Văn bản hoặc bài viết công bố con số: số hiệu, ngày và cơ quan ban hành, hoặc tiêu đề và đường "
                    "dẫn. Bắt buộc với mọi dòng; các dòng cùng một tài liệu ghi giống hệt nhau.",
                    "Quyết định số 123/QĐ-UBND ngày 15/01/2024 của UBND tỉnh Nghệ An (ví dụ)", True)

DATA_SHEETS = (
    DataSheet("PhanBo", "Kinh phí khuyến công theo tỉnh, năm và nguồn kinh phí",
              "Kinh phí khuyến công của một tỉnh: dự toán được giao (phân bổ), số thực hiện (giải ngân) hoặc quyết "
              "toán, cho một năm hoặc cho cả một giai đoạn như văn bản công bố. Mỗi dòng một con số.",
              (PROVINCE,
               Column("Từ năm", "year", 9, "Năm đầu của số liệu (4 chữ số).", "2024", True),
               Column("Đến năm", "year", 9, "Năm cuối. Số liệu một năm: bằng Từ năm. Số liệu cả giai đoạn (ví dụ "
                      "2021–2025) ghi đúng như văn bản, không tự chia ra từng năm.", "2024", True),
               Column("Nguồn kinh phí", "funding", 16, "Địa phương (ngân sách tỉnh), Trung ương (khuyến công quốc "
                      "gia), Đối ứng (vốn của cơ sở thụ hưởng) hoặc Khác.", "Địa phương", True),
               Column("Loại số liệu", "figure", 14, "Dự toán (kinh phí được giao, phân bổ), Thực hiện (đã giải "
                      "ngân, thực hiện) hoặc Quyết toán.", "Dự toán", True),
               Column("Số tiền", "money", 14, "Triệu đồng, số không âm. Để trống nếu văn bản không nêu số.",
                      "5000", True),
               SOURCE_DOC,
               Column("Ghi chú", "text", 40, "Tùy chọn: điều cần biết để hiểu con số (ví dụ \"gồm cả kinh phí "
                      "bổ sung giữa năm\").", "Gồm kinh phí bổ sung tháng 7"))),
    DataSheet("DeAn", "Đề án khuyến công",
              "Từng đề án khuyến công: tên, đơn vị thực hiện, nội dung, ngành nghề, kinh phí kế hoạch và thực hiện, "
              "vốn đối ứng, trạng thái. Mỗi đề án một dòng.",
              (PROVINCE,
               Column("Năm", "year", 8, "Năm của đề án (năm kế hoạch).", "2024", True),
               Column("Tên đề án", "text", 45, "Tên đề án như trong quyết định phê duyệt.",
                      "Hỗ trợ ứng dụng máy sấy nông sản tại cơ sở A (ví dụ)", True),
               Column("Đơn vị thực hiện", "text", 30, "Cơ sở hoặc đơn vị thực hiện đề án.",
                      "Trung tâm Khuyến công tỉnh"),
               Column("Địa điểm", "text", 25, "Huyện, xã nơi thực hiện.", "Xã B, huyện C"),
               Column("Nội dung khuyến công", "activity", 35, "Nhóm nội dung hoạt động khuyến công. Chọn trong "
                      "danh sách.", "Mô hình trình diễn kỹ thuật, chuyển giao công nghệ, ứng dụng máy móc thiết bị"),
               Column("Ngành nghề", "sector", 30, "Ngành nghề của cơ sở thụ hưởng. Chọn trong danh sách.",
                      "Chế biến nông, lâm, thủy sản và thực phẩm"),
               Column("Nguồn kinh phí", "funding", 16, "Nguồn kinh phí khuyến công của đề án.", "Địa phương"),
               Column("Kinh phí kế hoạch", "money", 14, "Kinh phí khuyến công được duyệt, triệu đồng. Để trống nếu "
                      "không rõ.", "300"),
               Column("Kinh phí thực hiện", "money", 14, "Kinh phí khuyến công đã thực hiện, triệu đồng. Để trống "
                      "nếu chưa có số.", ""),
               Column("Vốn đối ứng", "money", 14, "Vốn đối ứng của cơ sở thụ hưởng, triệu đồng.", "700"),
               Column("Trạng thái", "status", 16, "Tình trạng của đề án. Chọn trong danh sách.", "Đang thực hiện"),
               SOURCE_DOC)),
    DataSheet("KetQua", "Kết quả hoạt động khuyến công theo chỉ tiêu (số tiền: triệu đồng; chỉ tiêu khác: theo "
                        "đơn vị của chỉ tiêu, xem sheet Hướng dẫn)",
              "Kết quả đạt được theo chỉ tiêu (số cơ sở được hỗ trợ, lượt lao động được đào tạo…) cho cả năm, 6 "
              "tháng hoặc một quý. Mỗi dòng một chỉ tiêu của một kỳ.",
              (PROVINCE,
               Column("Năm", "year", 8, "Năm của kỳ báo cáo.", "2024", True),
               Column("Kỳ báo cáo", "period", 12, "Cả năm, 6 tháng (đầu năm), Quý I … Quý IV.", "Cả năm", True),
               Column("Nội dung khuyến công", "activity", 35, "Tùy chọn: nội dung khuyến công của kết quả.",
                      "Đào tạo nghề, truyền nghề"),
               Column("Ngành nghề", "sector", 30, "Tùy chọn: ngành nghề.", ""),
               Column("Chỉ tiêu", "indicator", 40, "Chỉ tiêu kết quả; đơn vị tính theo chỉ tiêu (bảng bên dưới).",
                      "Lượt lao động được đào tạo", True),
               Column("Kế hoạch", "number", 12, "Số kế hoạch của kỳ, theo đơn vị của chỉ tiêu.", "500"),
               Column("Thực hiện", "number", 12, "Số thực hiện của kỳ.", "520"),
               Column("Cùng kỳ năm trước", "number", 14, "Số thực hiện cùng kỳ năm trước, nếu báo cáo có nêu.", ""),
               SOURCE_DOC)),
)


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
        for column in data.columns:
            sheet.write(row, 0, column.header, fmt.cell)
            sheet.write(row, 1, column.meaning, fmt.cell)
            sheet.write(row, 2, column.example or "(để trống)", fmt.example)
            sheet.write(row, 3, "có" if column.required else "", fmt.cell)
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


def _write_data_sheet(fmt: _Book, data: DataSheet, ranges: dict[str, str]) -> None:
    sheet = fmt.book.add_worksheet(data.name)
    first, last = FIRST_DATA_ROW - 1, LAST_DATA_ROW - 1  # 0-based
    sheet.write(0, 0, data.title, fmt.title)
    sheet.write(1, 0, UNIT_CELL, fmt.unit)
    sheet.set_row(HEADER_ROW - 1, 32)
    for col, column in enumerate(data.columns):
        sheet.write(HEADER_ROW - 1, col, column.header, fmt.required if column.required else fmt.header)
        sheet.set_column(col, col, column.width, fmt.year if column.kind == "year" else None)
        if column.kind in ranges:
            sheet.data_validation(first, col, last, col, {
                "validate": "list", "source": ranges[column.kind],
                # Provinces also accept other spellings the reader knows (aliases): warn, do not block.
                "error_type": "warning" if column.kind == "province" else "stop",
                "input_title": column.header[:32], "input_message": "Chọn trong danh sách.",
                "error_title": "Không có trong danh mục",
                "error_message": "Chọn một giá trị trong danh sách (xem sheet Hướng dẫn)."})
        elif column.kind == "year":
            sheet.data_validation(first, col, last, col, {
                "validate": "integer", "criteria": "between", "minimum": YEAR_MIN, "maximum": YEAR_MAX,
                "error_title": "Năm không hợp lệ",
                "error_message": f"Năm là số nguyên từ {YEAR_MIN} đến {YEAR_MAX}."})
        elif column.kind in ("money", "number"):
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
    print(f"Đã tạo mẫu nhập liệu / template written: {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
