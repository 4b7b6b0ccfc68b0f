"""Workbooks laid out as a province's reports are (title rows, merged two-row headers, sections, totals), built with
openpyxl; each named for what differs from the first one, `two_row_header`."""

import io

import openpyxl

TITLE = [
    ["UBND TỈNH HÀ TĨNH", None, None, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"],
    ["SỞ CÔNG THƯƠNG", None, None, "Độc lập - Tự do - Hạnh phúc"],
    [],
    ["DANH MỤC ĐỀ ÁN KHUYẾN CÔNG NĂM 2019"],
    ["(Kèm theo Quyết định số 123/QĐ-UBND ngày 15/01/2019 của UBND tỉnh Hà Tĩnh)"],
    [None, None, None, None, None, None, "Đơn vị tính: triệu đồng"],
]
# Two header rows: "Kinh phí" merged over Tổng | Kinh phí khuyến công | Vốn đối ứng; the others merged downwards.
HEAD = [["STT", "Tên đề án", "Đơn vị thực hiện", "Kinh phí", None, None, "Trạng thái"],
        [None, None, None, "Tổng", "Kinh phí khuyến công", "Vốn đối ứng", None]]
ACT_TRAINING = "A. Đào tạo nghề, truyền nghề"
ACT_MODEL = "B. Mô hình trình diễn kỹ thuật, chuyển giao công nghệ, ứng dụng máy móc thiết bị"
BODY = [
    ["I", "KHUYẾN CÔNG QUỐC GIA", None, 1500, 600, 900, None],
    [None, ACT_MODEL],
    [1, "Hỗ trợ máy sấy chè tại HTX Hương Sơn", "HTX chè Hương Sơn", 1500, 600, 900, "Đã nghiệm thu"],
    ["Cộng I", None, None, 1500, 600, 900, None],
    ["II", "KHUYẾN CÔNG ĐỊA PHƯƠNG", None, 650, 450, 200, None],
    [None, ACT_TRAINING],
    [1, "Đào tạo nghề mây tre đan xã Thạch Hà", "Trung tâm Khuyến công", 150, 150, None, "Chuyển tiếp"],
    [None, ACT_MODEL],
    [2, "Hỗ trợ máy cắt gỗ cơ sở Minh Phát", "Cơ sở Minh Phát", 500, 300, 200, "Đã nghiệm thu"],
    ["Cộng II", None, None, 650, 450, 200, None],
    ["Tổng cộng (I + II)", None, None, 2150, 1050, 1100, None],
]
# What the database must hold for the fixture above: name → (funding, plan, counterpart, activity, status).
PROJECTS = {
    "Hỗ trợ máy sấy chè tại HTX Hương Sơn": ("central", 600, 900, "mo_hinh_trinh_dien", "completed"),
    "Đào tạo nghề mây tre đan xã Thạch Hà": ("local", 150, None, "dao_tao_nghe", "carried_over"),  # "Chuyển tiếp"
    "Hỗ trợ máy cắt gỗ cơ sở Minh Phát": ("local", 300, 200, "mo_hinh_trinh_dien", "completed"),
}


def save(rows: list[list], merges: tuple[str, ...] = (), title: str = "Danh muc") -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = title
    for row in rows:
        sheet.append(row)
    for merge in merges:
        sheet.merge_cells(merge)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def two_row_header() -> bytes:
    """Title rows, a two-row merged header, sections I/II and A/B, Cộng I / Cộng II / Tổng cộng, statuses."""
    header_at = len(TITLE) + 1
    merges = (f"D{header_at}:F{header_at}", f"A{header_at}:A{header_at + 1}", f"B{header_at}:B{header_at + 1}",
              f"C{header_at}:C{header_at + 1}", f"G{header_at}:G{header_at + 1}")
    return save(TITLE + HEAD + BODY, merges)


def bad_total() -> bytes:
    """As two_row_header, with Cộng II stating 700 where its rows sum to 650."""
    body = [list(r) for r in BODY]
    body[9][3] = 700
    return save(TITLE + HEAD + body)


def text_amounts() -> bytes:
    """Amounts as Vietnamese text, in whole đồng: '600.000.000', '1,5 tỷ', '150 triệu'."""
    title = [list(r) for r in TITLE]
    title[5] = [None, None, None, None, None, None, "Đơn vị tính: đồng"]
    body = [list(r) for r in BODY]
    texts = {0: ("1,5 tỷ", "600.000.000", "900.000.000"), 2: ("1.500.000.000", "600 triệu", "0,9 tỷ"),
             3: ("1.500.000.000", "600.000.000", "900.000.000"), 4: ("650.000.000", "450.000.000", "200.000.000"),
             6: ("150.000.000", "150.000.000", None), 8: ("500.000.000", "300.000.000", "200.000.000"),
             9: ("650.000.000", "450.000.000", "200.000.000"), 10: ("2.150.000.000", "1.050.000.000", "1,1 tỷ")}
    for index, (total, kc, counterpart) in texts.items():
        body[index][3:6] = [total, kc, counterpart]
    return save(title + HEAD + body)


def title_rows() -> bytes:
    """One header row, no area or year column: Nghệ An and 2020 come from the title rows only."""
    rows = [["UBND TỈNH NGHỆ AN"], ["TRUNG TÂM KHUYẾN CÔNG"], ["KẾ HOẠCH KHUYẾN CÔNG NĂM 2020"],
            ["STT", "Tên đề án", "Kinh phí khuyến công", "Vốn đối ứng", "Nguồn kinh phí"],
            [1, "Hỗ trợ lò sấy gỗ Quỳ Hợp", 400, 600, "Địa phương"],
            [2, "Hội chợ hàng CNNT Nghệ An", 250, None, "KCQG"],
            ["Tổng cộng", None, 650, 600, None]]
    return save(rows)


def sections() -> bytes:
    """Sections without amounts; funding sources KCQG | KCĐP split across columns of one project table."""
    rows = [["UBND TỈNH QUẢNG NAM"], ["DANH MỤC ĐỀ ÁN KHUYẾN CÔNG NĂM 2021"],
            ["TT", "Tên đề án", "Kinh phí", None],
            [None, None, "KCQG", "KCĐP"],
            ["A", "Đào tạo nghề, truyền nghề"],
            [1, "Dạy nghề dệt thổ cẩm", None, 120],
            ["B", "Hội chợ, triển lãm"],
            [1, "Hội chợ CNNT khu vực miền Trung", 800, None],
            ["Tổng cộng", None, 800, 120]]
    return save(rows, ("C3:D3",))


def whole_dong() -> bytes:
    """Five years down, KCQG | KCĐP across, in whole đồng: ten annual allocations."""
    rows = [["UBND TỈNH HÀ TĨNH"], ["KINH PHÍ KHUYẾN CÔNG GIAI ĐOẠN 2021-2025"], ["Đơn vị tính: đồng"],
            ["STT", "Năm", "Kinh phí khuyến công", None], [None, None, "KCQG", "KCĐP"]]
    for i, year in enumerate(range(2021, 2026)):
        rows.append([i + 1, year, (i + 1) * 1_000_000_000, 500_000_000 + i * 100_000_000])
    rows.append(["Tổng cộng", None, 15_000_000_000, 3_500_000_000])
    return save(rows, ("C4:D4",))


def wide_years() -> bytes:
    """Years across columns under 'Kế hoạch' and 'Thực hiện', funding sources down: one row per cell."""
    rows = [["SỞ CÔNG THƯƠNG TỈNH BẮC NINH"], ["Đơn vị tính: triệu đồng"],
            ["STT", "Nội dung", "Kế hoạch", None, "Thực hiện", None],
            [None, None, 2022, 2023, 2022, 2023],
            [1, "Khuyến công quốc gia", 1000, 1200, 950, 1100],
            [2, "Khuyến công địa phương", 2000, 2100, "1.990,5", None]]
    return save(rows, ("C3:D3", "E3:F3"))


def three_row_header() -> bytes:
    """'Kinh phí' over 'Kế hoạch | Thực hiện' over years, funding sources down as 'Trung ương' / 'Địa phương'."""
    rows = [["UBND TỈNH NAM ĐỊNH"], ["Đơn vị tính: triệu đồng"],
            ["STT", "Nguồn", "Kinh phí", None, None, None],
            [None, None, "Kế hoạch", None, "Thực hiện", None],
            [None, None, 2022, 2023, 2022, 2023],
            [1, "Trung ương", 10, 20, 9, 19],
            [2, "Địa phương", 30, 40, "29,5", "1,5 tỷ"],
            ["Tổng cộng", None, 40, 60, "38,5", 1519]]
    return save(rows, ("C3:F3", "C4:D4", "E4:F4"))


CASES = {case.__name__: case for case in (two_row_header, three_row_header, bad_total, text_amounts, title_rows,
                                          sections, whole_dong, wide_years)}
