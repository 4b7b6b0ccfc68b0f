"""A corpus of import files, good and bad, with what the importer must make of each.

Each case builds its bytes with openpyxl (or plain bytes for CSV encodings, non-workbooks and a zip bomb).
Good cases give the totals the database must hold afterwards; bad cases give the exact errors as
(sheet, Excel row, column header as written).
"""

import io
import unicodedata
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal

import openpyxl

ALLOC_HEAD = ["STT", "Tỉnh/Thành phố", "Năm", "Nguồn kinh phí", "Loại số liệu", "Số tiền", "Nguồn tài liệu",
              "Ghi chú"]
SPAN_HEAD = ["STT", "Tỉnh/Thành phố", "Từ năm", "Đến năm", "Nguồn kinh phí", "Loại số liệu", "Số tiền"]
PROJECT_HEAD = ["STT", "Tỉnh/Thành phố", "Năm", "Tên đề án", "Đơn vị thực hiện", "Địa điểm", "Nội dung khuyến công",
                "Ngành nghề", "Nguồn kinh phí", "Kinh phí kế hoạch", "Kinh phí thực hiện", "Vốn đối ứng",
                "Trạng thái", "Nguồn tài liệu"]
OUTCOME_HEAD = ["STT", "Tỉnh/Thành phố", "Năm", "Kỳ báo cáo", "Nội dung khuyến công", "Ngành nghề", "Chỉ tiêu",
                "Kế hoạch", "Thực hiện", "Cùng kỳ năm trước", "Nguồn tài liệu"]


@dataclass
class Case:
    name: str                      # the file name given to the importer
    make: Callable[[], bytes]
    totals: dict[str, Decimal] = field(default_factory=dict)   # good: table → sum of its amount column
    warnings: set = field(default_factory=set)                 # (sheet, row, column) of each warning
    errors: set = field(default_factory=set)                   # bad: (sheet, row, column) of each error
    preload: list[str] = field(default_factory=list)           # names of good cases loaded first

    def data(self) -> bytes:
        """The file's bytes, made once (openpyxl stamps the time into every workbook it saves)."""
        if "_data" not in self.__dict__:
            self.__dict__["_data"] = self.make()
        return self.__dict__["_data"]

    @property
    def good(self) -> bool:
        return not self.errors


# Which column of each table the totals sum.
TOTAL_COLUMN = {"allocation": "amount_mvnd", "project": "plan_mvnd", "outcome": "actual_value"}


def workbook(sheets: dict[str, list[list]]) -> bytes:
    book = openpyxl.Workbook()
    book.remove(book.active)
    for title, rows in sheets.items():
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def csv_bytes(rows: list[list], encoding: str = "utf-8", delimiter: str = ",") -> bytes:
    import csv

    out = io.StringIO()
    csv.writer(out, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    text = out.getvalue()
    if encoding == "cp1258":
        return cp1258(text)
    return text.encode(encoding)


def cp1258(text: str) -> bytes:
    """Windows-1258 as Vietnamese Windows writes it: ê/ơ/ư/ă precomposed, tone marks combining."""
    out = bytearray()
    for char in unicodedata.normalize("NFC", text):
        try:
            out += char.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        base, *marks = unicodedata.normalize("NFD", char)
        for mark in list(marks):
            joined = unicodedata.normalize("NFC", base + mark)
            if len(joined) == 1 and _encodable(joined):
                base = joined
                marks.remove(mark)
        out += (base + "".join(marks)).encode("cp1258")
    return bytes(out)


def _encodable(char: str) -> bool:
    try:
        char.encode("cp1258")
        return True
    except UnicodeEncodeError:
        return False


def nfd(value):
    return unicodedata.normalize("NFD", value) if isinstance(value, str) else value


def alloc(*rows, title_rows=None, head=None, sheet="PhanBo"):
    return {sheet: (title_rows or []) + [head or ALLOC_HEAD] + [list(r) for r in rows]}


# ---------------------------------------------------------------------------------------------------------
# Good files

def messy() -> bytes:
    """Title and blank rows, ĐVT: tỷ đồng, STT, 'Nghe An' without diacritics, Vietnamese text numbers."""
    return workbook(alloc(
        [1, "Nghe An", 2024, "KCQG", "Dự toán", "1.234,5", "QĐ 123/QĐ-UBND", None],
        [2, "TP. Hà Nội", "2024", "KCĐP", "Thực hiện", "4,5", None, "đã giải ngân"],
        [3, "thành phố hồ chí minh", 2024.0, "Trung ương", "Quyết toán", 0.5, None, None],
        title_rows=[["BÁO CÁO KINH PHÍ KHUYẾN CÔNG NĂM 2024"], [], [None, None, None, None, None, "ĐVT: tỷ đồng"]]))


def three_sheets() -> bytes:
    return workbook({
        "Hướng dẫn": [["Điền số liệu vào các trang PhanBo, DeAn, KetQua"]],
        "PhanBo": [ALLOC_HEAD, [1, "Quảng Nam", 2023, "Địa phương", "Dự toán", 1500, None, None]],
        "DeAn": [["Đơn vị tính: triệu đồng"], PROJECT_HEAD,
                 [1, "Quảng Nam", 2023, "Hỗ trợ máy sấy nông sản", "Công ty A", "Điện Bàn",
                  "Mô hình trình diễn kỹ thuật, chuyển giao công nghệ, ứng dụng máy móc thiết bị",
                  "Chế biến nông, lâm, thủy sản và thực phẩm", "Quốc gia", "1.500", "1.200,5", 300, "Hoàn thành",
                  "Báo cáo 15/BC-SCT"],
                 [2, "Quảng Nam", 2023, "Đào tạo nghề mây tre", "HTX B", None, "dao_tao_nghe", "may_tre_dan_tcmn",
                  "KCĐP", 250, None, None, "Đang thực hiện", None]],
        "KetQua": [OUTCOME_HEAD,
                   [1, "Quảng Nam", 2023, "Cả năm", None, None, "Cơ sở được hỗ trợ", 40, 42, 35, None],
                   [2, "Quảng Nam", 2023, "Quý II", None, None, "lao_dong_dao_tao", 100, 120, None, None]],
    })


def english_headers() -> bytes:
    """English headers, sheet names that say nothing: recognised by the headers; codes given by id."""
    return workbook({
        "Sheet1": [["Province", "Year", "Funding source", "Figure", "Amount (billion VND)"],
                   ["Da Nang", 2022, "central", "allocated", 2.25],
                   ["Da Nang", 2022, "local", "settled", "3"]],
        "Sheet2": [["Province", "Year", "Period", "Indicator", "Plan", "Actual"],
                   ["Da Nang", 2022, "H1", "co_so_ho_tro", 10, 7]],
    })


def nfd_text() -> bytes:
    return workbook({nfd("PhanBo"): [[nfd(h) for h in ALLOC_HEAD],
                                     [1, nfd("Tỉnh Nghệ An"), 2023, nfd("Địa phương"), nfd("Thực hiện"), 700, None,
                                      None],
                                     [2, nfd("NGHỆ AN"), 2023, nfd("TRUNG ƯƠNG"), nfd("dự toán"), 300, None, None]]})


CSV_ROWS = [["Tỉnh/Thành phố", "Năm", "Nguồn kinh phí", "Loại số liệu", "Số tiền", "Ghi chú"],
            ["Thanh Hóa", "2021", "Địa phương", "Dự toán", "1.250", "kế hoạch đầu năm"],
            ["Thanh Hóa", "2021", "Quốc gia", "Dự toán", "2.000,75", ""]]


def good_csv_utf8() -> bytes:
    return csv_bytes(CSV_ROWS)


def good_csv_bom() -> bytes:
    return b"\xef\xbb\xbf" + csv_bytes([[c.replace("Thanh Hóa", "Hà Tĩnh") for c in r] for r in CSV_ROWS],
                                       delimiter=";")


def good_csv_cp1258() -> bytes:
    return csv_bytes([[c.replace("Thanh Hóa", "Bình Định") for c in r] for r in CSV_ROWS], encoding="cp1258")


def outcome_csv() -> bytes:
    return csv_bytes([OUTCOME_HEAD[1:],
                      ["Lâm Đồng", "2024", "6 tháng", "Hội chợ, triển lãm", "", "Gian hàng hội chợ, triển lãm",
                       "20", "18", "15", ""],
                      ["Lâm Đồng", "2024", "Cả năm", "", "", "Doanh thu tư vấn", "", "1,5", "", ""]])


def total_mismatch() -> bytes:
    return workbook(alloc(
        [1, "Hải Dương", 2020, "Địa phương", "Dự toán", 100, None, None],
        [2, "Hải Dương", 2020, "Trung ương", "Dự toán", 200, None, None],
        [None, "Tổng cộng", None, None, None, 310, None, None]))


def totals_match() -> bytes:
    return workbook(alloc(
        [1, "Bắc Ninh", 2020, "Địa phương", "Dự toán", 100, None, None],
        [2, "Bắc Ninh", 2020, "Trung ương", "Dự toán", 200, None, None],
        ["Cộng", None, None, None, None, 300, None, None],
        [3, "Bắc Ninh", 2021, "Địa phương", "Dự toán", 50, None, None],
        ["Cộng", None, None, None, None, 50, None, None],
        [None, "TỔNG CỘNG", None, None, None, "350", None, None]))


def dong_unit() -> bytes:
    return workbook(alloc([1, "Hà Giang", 2019, "Địa phương", "Dự toán", "1.500.000.000", None, None],
                          [2, "Hà Giang", 2019, "Trung ương", "Dự toán", 250_000_000, None, None],
                          title_rows=[["Đơn vị tính: đồng"]]))


def header_unit() -> bytes:
    head = ALLOC_HEAD[:5] + ["Số tiền (tỷ đồng)"]
    return workbook(alloc([1, "Cần Thơ", 2018, "Địa phương", "Dự toán", "2,5"], head=head))


def area_years() -> bytes:
    return workbook(alloc([1, "Thái Bình", 2016, "Địa phương", "Dự toán", 10, None, None],
                          [2, "Hưng Yên", 2026, "Địa phương", "Dự toán", 20, None, None],
                          [3, "Hưng Yên", 2016, "Địa phương", "Dự toán", 30, None, None]))


def period_span() -> bytes:
    return workbook(alloc([1, "Sơn La", 2021, 2025, "Địa phương", "Dự toán", 900],
                          [2, "Sơn La", 2021, None, "Địa phương", "Dự toán", 150],
                          head=SPAN_HEAD))


def header_lower() -> bytes:
    """The header on row 8 under a long title block, column-number row under it, blank rows between data."""
    title = [["UBND TỈNH YÊN BÁI"], ["SỞ CÔNG THƯƠNG"], [], ["BIỂU TỔNG HỢP"], ["(Kèm theo báo cáo số 1/BC)"], [],
             ["Đơn vị tính: triệu đồng"]]
    return workbook(alloc(["(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)", "(8)"],
                          [1, "Yên Bái", 2017, "Địa phương", "Dự toán", 80, None, None], [], [],
                          [2, "Yên Bái", 2017, "Khác", "Dự toán", 20, None, None],
                          title_rows=title, sheet="Biểu 01"))


# Corrected versions of one file name (see tests): v1, v2 with one changed, one removed, one added.
def version(n: int) -> bytes:
    rows = {1: [["Phú Thọ", 2022, "Địa phương", "Dự toán", 100], ["Phú Thọ", 2022, "Trung ương", "Dự toán", 200],
                ["Phú Thọ", 2022, "Địa phương", "Thực hiện", 90]],
            2: [["Phú Thọ", 2022, "Địa phương", "Dự toán", 100], ["Phú Thọ", 2022, "Trung ương", "Dự toán", 250],
                ["Phú Thọ", 2022, "Địa phương", "Quyết toán", 95]]}[n]
    return workbook({"PhanBo": [ALLOC_HEAD[1:6]] + rows})


BIG_AREAS = ["Nghệ An", "Hà Tĩnh", "Thanh Hóa", "Quảng Nam", "Sơn La", "Lào Cai", "Gia Lai", "Cà Mau", "Hà Giang",
             "Cao Bằng", "Bắc Kạn", "Tuyên Quang", "Lạng Sơn", "Điện Biên", "Lai Châu", "Yên Bái", "Hòa Bình",
             "Thái Nguyên", "Phú Thọ", "Bắc Giang", "Quảng Ninh", "Hải Phòng", "Hải Dương", "Hưng Yên",
             "Thái Bình", "Hà Nam"]
BIG_HEAD = ["Tỉnh/Thành phố", "Từ năm", "Đến năm", "Nguồn kinh phí", "Loại số liệu", "Số tiền"]


def big_allocation_rows(count: int) -> list[list]:
    """`count` distinct allocation rows (areas × year spans × sources × figures), amounts as Vietnamese text."""
    import itertools

    spans = [(a, b) for a in range(2000, 2025) for b in range(a, 2025)]
    combos = itertools.product(BIG_AREAS, spans, ["Địa phương", "Trung ương", "Đối ứng", "Khác"],
                               ["Dự toán", "Thực hiện", "Quyết toán"])
    rows = []
    for index, (area, (first, last), source, figure) in enumerate(itertools.islice(combos, count)):
        rows.append([area, first, last, source, figure, f"{index % 997 + 1}.{index % 1000:03d},5"])
    if len(rows) < count:
        raise ValueError(f"only {len(rows)} distinct rows")
    return rows


# ---------------------------------------------------------------------------------------------------------
# Bad files

def not_a_workbook() -> bytes:
    return "Tỉnh,Năm\nNghệ An,2024\n".encode()


def zip_not_xlsx() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("bao-cao.txt", "không phải sổ tính")
    return buffer.getvalue()


def zip_bomb() -> bytes:
    """Declares 201 MB once unpacked (compresses to a few hundred KB)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as member:
            chunk = b"\0" * (1 << 20)
            for _ in range(201):
                member.write(chunk)
    return buffer.getvalue()


def too_big() -> bytes:
    return b"PK\x03\x04" + b"\0" * (20 * 1024 * 1024)


def bad(*rows, **kwargs):
    return lambda: workbook(alloc(*rows, **kwargs))


H_AREA, H_YEAR, H_FUND, H_FIG, H_AMOUNT = "Tỉnh/Thành phố", "Năm", "Nguồn kinh phí", "Loại số liệu", "Số tiền"


def many_errors() -> bytes:
    return workbook({
        "PhanBo": [ALLOC_HEAD, [1, "Hà Bắc", 2024, "Địa phương", "Dự toán", 10, None, None],
                   [2, "Nghệ An", 2024, "Ngân hàng", "Ước tính", "-5", None, None]],
        "DeAn": [PROJECT_HEAD, [1, "Nghệ An", 2024, None, None, None, "Bay vào vũ trụ", None, None, "abc", None,
                                None, "Xong", None]],
        "KetQua": [OUTCOME_HEAD, [1, "Nghệ An", 1989, "Quý V", None, None, "Số con mèo", 1, 1, 1, None]],
    })


CASES: list[Case] = [
    Case("bao-cao-2024-lon-xon.xlsx", messy, totals={"allocation": Decimal("1239500")}),
    Case("quang-nam-2023.xlsx", three_sheets, totals={"allocation": Decimal(1500), "project": Decimal(1750),
                                                      "outcome": Decimal(162)}),
    Case("da-nang-english.xlsx", english_headers, totals={"allocation": Decimal(5250), "outcome": Decimal(7)}),
    Case("nghe-an-nfd.xlsx", nfd_text, totals={"allocation": Decimal(1000)}),
    Case("thanh-hoa-utf8.csv", good_csv_utf8, totals={"allocation": Decimal("3250.75")}),
    Case("ha-tinh-bom.csv", good_csv_bom, totals={"allocation": Decimal("3250.75")}),
    Case("binh-dinh-cp1258.csv", good_csv_cp1258, totals={"allocation": Decimal("3250.75")}),
    Case("lam-dong-ketqua.csv", outcome_csv, totals={"outcome": Decimal("19.5")}),
    Case("hai-duong-tong-lech.xlsx", total_mismatch, totals={"allocation": Decimal(300)},
         warnings={("PhanBo", 4, "Số tiền")}),
    Case("bac-ninh-tong-khop.xlsx", totals_match, totals={"allocation": Decimal(350)}),
    Case("ha-giang-dong.xlsx", dong_unit, totals={"allocation": Decimal(1750)}),
    Case("can-tho-don-vi-cot.xlsx", header_unit, totals={"allocation": Decimal(2500)}),
    Case("thai-binh-hung-yen.xlsx", area_years, totals={"allocation": Decimal(60)}),
    Case("son-la-giai-doan.xlsx", period_span, totals={"allocation": Decimal(1050)}),
    Case("yen-bai-tieu-de-dai.xlsx", header_lower, totals={"allocation": Decimal(100)}),
    # bad
    Case("sai-tinh.xlsx", bad([1, "Hà Bắc", 2024, "Địa phương", "Dự toán", 10, None, None]),
         errors={("PhanBo", 2, H_AREA)}),
    Case("sai-nam.xlsx", bad([1, "Nghệ An", 1989, "Địa phương", "Dự toán", 10, None, None],
                             [2, "Nghệ An", 2099, "Địa phương", "Dự toán", 10, None, None],
                             [3, "Nghệ An", "năm ngoái", "Địa phương", "Dự toán", 10, None, None]),
         errors={("PhanBo", 2, H_YEAR), ("PhanBo", 3, H_YEAR), ("PhanBo", 4, H_YEAR)}),
    Case("so-am.xlsx", bad([1, "Nghệ An", 2024, "Địa phương", "Dự toán", -10, None, None],
                           [2, "Nghệ An", 2024, "Trung ương", "Dự toán", "(1.000)", None, None]),
         errors={("PhanBo", 2, H_AMOUNT), ("PhanBo", 3, H_AMOUNT)}),
    Case("khong-phai-so.xlsx", bad([1, "Nghệ An", 2024, "Địa phương", "Dự toán", "năm trăm", None, None]),
         errors={("PhanBo", 2, H_AMOUNT)}),
    Case("sai-ma.xlsx", bad([1, "Nghệ An", 2024, "Ngân hàng", "Dự toán", 10, None, None],
                            [2, "Nghệ An", 2024, "Địa phương", "Ước tính", 10, None, None]),
         errors={("PhanBo", 2, H_FUND), ("PhanBo", 3, H_FIG)}),
    Case("thieu-o.xlsx", bad([1, None, 2024, "Địa phương", "Dự toán", 10, None, None],
                             [2, "Nghệ An", None, None, "Dự toán", 10, None, None]),
         errors={("PhanBo", 2, H_AREA), ("PhanBo", 3, H_YEAR), ("PhanBo", 3, H_FUND)}),
    Case("trung-dong.xlsx", bad([1, "Nghệ An", 2024, "Địa phương", "Dự toán", 10, None, None],
                                [2, "Tỉnh Nghệ An", 2024, "KCĐP", "Dự toán", 12, None, None]),
         errors={("PhanBo", 3, None)}),
    Case("trung-tep-khac.xlsx", bad([1, "Nghe An", 2024, "Trung ương", "Dự toán", 5, None, None]),
         errors={("PhanBo", 2, None)}, preload=["bao-cao-2024-lon-xon.xlsx"]),
    Case("nam-nguoc.xlsx", lambda: workbook(alloc([1, "Sơn La", 2025, 2021, "Địa phương", "Dự toán", 900],
                                                  head=SPAN_HEAD)),
         errors={("PhanBo", 2, "Từ năm")}),
    Case("dong-qua-nho.xlsx", bad([1, "Nghệ An", 2024, "Địa phương", "Dự toán", 500, None, None],
                                  title_rows=[["ĐVT: đồng"]]),
         errors={("PhanBo", 3, H_AMOUNT)}),
    Case("trieu-qua-lon.xlsx", bad([1, "Nghệ An", 2024, "Địa phương", "Dự toán", "1.500.000.000", None, None],
                                   title_rows=[["Đơn vị tính: triệu đồng"]]),
         errors={("PhanBo", 3, H_AMOUNT)}),
    Case("van-ban-doi-ten.xlsx", not_a_workbook, errors={(None, None, None)}),
    Case("zip-khong-phai-xlsx.xlsx", zip_not_xlsx, errors={(None, None, None)}),
    Case("bom-zip.xlsx", zip_bomb, errors={(None, None, None)}),
    Case("qua-lon.xlsx", too_big, errors={(None, None, None)}),
    Case("khong-tieu-de.xlsx", lambda: workbook({"PhanBo": [["Nghệ An", 2024, 10]]}), errors={("PhanBo", None, None)}),
    Case("ket-qua-sai-ky.csv", lambda: csv_bytes([OUTCOME_HEAD[1:], ["Nghệ An", "2024", "Quý V", "", "",
                                                                      "Cơ sở được hỗ trợ", "1", "1", "", ""]]),
         errors={(None, 2, "Kỳ báo cáo")}),
    Case("nhieu-loi.xlsx", many_errors, errors={
        ("PhanBo", 2, H_AREA), ("PhanBo", 3, H_FUND), ("PhanBo", 3, H_FIG), ("PhanBo", 3, H_AMOUNT),
        ("DeAn", 2, "Tên đề án"), ("DeAn", 2, "Nội dung khuyến công"), ("DeAn", 2, "Kinh phí kế hoạch"),
        ("DeAn", 2, "Trạng thái"),
        ("KetQua", 2, "Năm"), ("KetQua", 2, "Kỳ báo cáo"), ("KetQua", 2, "Chỉ tiêu")}),
]
GOOD = [c for c in CASES if c.good]
BAD = [c for c in CASES if not c.good]
BY_NAME = {c.name: c for c in CASES}


def write_corpus(folder) -> list:
    """Write every case to `folder` (for trying the importer by hand); return the paths."""
    from pathlib import Path

    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for case in CASES:
        path = folder / case.name
        path.write_bytes(case.data())
        paths.append(path)
    return paths


if __name__ == "__main__":
    import sys

    for written in write_corpus(sys.argv[1] if len(sys.argv) > 1 else "test-output/import-corpus"):
        print(written)
