"""Report-shaped files of every class issue 26 names, laid out as provinces write them, each with what the reader must
make of it: the rows it stores (by hand, from the figures written in the file), or the cells it must refuse.

A case's `rows` are projections of the records read: allocations as (area, year_from, year_to, funding source,
figure, amount in triệu đồng), projects as (name, area, year, funding source, plan, actual, counterpart, activity).
A case that must be refused gives `refused`: (sheet, row) of cells every one of which an error must name.
"""

import csv
import io
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal

import openpyxl

D = Decimal


@dataclass
class Sheet:
    name: str
    rows: list[list]
    merges: tuple[str, ...] = ()
    hidden_rows: tuple[int, ...] = ()
    hidden_columns: tuple[str, ...] = ()
    hidden: bool = False


def book(*sheets: Sheet) -> bytes:
    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    for spec in sheets:
        sheet = workbook.create_sheet(spec.name)
        for row in spec.rows:
            sheet.append(row)
        for merge in spec.merges:
            sheet.merge_cells(merge)
        for row in spec.hidden_rows:
            sheet.row_dimensions[row].hidden = True
        for column in spec.hidden_columns:
            sheet.column_dimensions[column].hidden = True
        if spec.hidden:
            sheet.sheet_state = "hidden"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def csv_file(rows: list[list], delimiter: str = ",") -> bytes:
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    return out.getvalue().encode("utf-8-sig")


@dataclass
class Case:
    name: str                      # the class it stands for, as issue 26 names it
    make: Callable[[], bytes]
    rows: set = field(default_factory=set)          # what must be stored (exactly these)
    refused: set = field(default_factory=set)       # (sheet, row) every one of which an error names
    include_hidden: bool = False
    ext: str = "xlsx"

    @property
    def file_name(self) -> str:
        return f"{self.name}.{self.ext}"


HA_TINH = ["UBND TỈNH HÀ TĨNH"]
ORG = ["SỞ CÔNG THƯƠNG"]


def alloc(year_from, year_to, funding, figure, amount, area="ha-tinh"):
    return ("allocation", area, year_from, year_to, funding, figure, D(str(amount)))


def _money(value):
    return None if value is None else D(str(value))


def project(name, funding, plan, counterpart=None, activity=None, year=2019, actual=None, area="ha-tinh"):
    money = _money
    return ("project", name, area, year, funding, money(plan), money(actual), money(counterpart), activity)


PROJECT_HEAD = ["STT", "Tên đề án", "Kinh phí khuyến công", "Vốn đối ứng"]


def simple_projects(title: list[list], head: list, body: list[list], merges=()) -> Callable[[], bytes]:
    return lambda: book(Sheet("Bao cao", title + [head] + body, merges))


CASES: list[Case] = [
    # --- units ------------------------------------------------------------------------------------------------
    Case("unit_1000_dong_in_the_title", lambda: book(Sheet("Bao cao", [
        HA_TINH, ["KINH PHÍ KHUYẾN CÔNG NĂM 2019"], ["Đơn vị tính: 1.000 đồng"],
        ["STT", "Nguồn kinh phí", "Kinh phí"],
        [1, "Khuyến công quốc gia", 1_500_000], [2, "Khuyến công địa phương", 2_250_000],
        ["Tổng cộng", None, 3_750_000]])),
        rows={alloc(2019, 2019, "central", "allocated", 1500), alloc(2019, 2019, "local", "allocated", 2250)}),
    Case("unit_tr_dong_in_a_header_cell", simple_projects(
        [HA_TINH, ["DANH MỤC ĐỀ ÁN KHUYẾN CÔNG NĂM 2019"]],
        ["STT", "Tên đề án", "Kinh phí khuyến công (Tr.đồng)", "Vốn đối ứng (Tr.đồng)"],
        [[1, "Hỗ trợ máy sấy chè", 450, 900], [2, "Đào tạo nghề mây tre", 120, None]]),
        rows={project("Hỗ trợ máy sấy chè", None, 450, 900), project("Đào tạo nghề mây tre", None, 120)}),
    Case("unit_in_the_header_row_right_of_the_table", lambda: book(Sheet("Bao cao", [
        HA_TINH, ["DANH MỤC ĐỀ ÁN KHUYẾN CÔNG NĂM 2019"],
        ["STT", "Tên đề án", "Kinh phí khuyến công", "Vốn đối ứng", None, "ĐVT: nghìn đồng"],
        [1, "Hỗ trợ máy sấy chè", 450_000, 900_000], [2, "Đào tạo nghề mây tre", 120_000, None]])),
        rows={project("Hỗ trợ máy sấy chè", None, 450, 900), project("Đào tạo nghề mây tre", None, 120)}),
    Case("unit_only_in_a_footnote", lambda: book(Sheet("Bao cao", [
        HA_TINH, ["DANH MỤC ĐỀ ÁN KHUYẾN CÔNG NĂM 2019"],
        PROJECT_HEAD, [1, "Hỗ trợ máy sấy chè", 450_000, 900_000], [2, "Đào tạo nghề mây tre", 120_000, None],
        ["Tổng cộng", None, 570_000, 900_000], [],
        ["Ghi chú: số liệu tính bằng nghìn đồng"]])),
        rows={project("Hỗ trợ máy sấy chè", None, 450, 900), project("Đào tạo nghề mây tre", None, 120)}),
    Case("unit_written_in_the_amount", simple_projects(
        [HA_TINH, ["DANH MỤC ĐỀ ÁN KHUYẾN CÔNG NĂM 2019"], ["Đơn vị tính: đồng"]], PROJECT_HEAD,
        [[1, "Hỗ trợ máy sấy chè", "1.500 Tr.đồng", "900.000.000"],
         [2, "Đào tạo nghề mây tre", "1 tỷ 200 triệu", None]]),
        rows={project("Hỗ trợ máy sấy chè", None, 1500, 900), project("Đào tạo nghề mây tre", None, 1200)}),
    Case("units_that_disagree", simple_projects(
        [HA_TINH, ["DANH MỤC ĐỀ ÁN KHUYẾN CÔNG NĂM 2019"], ["Đơn vị tính: triệu đồng"]],
        ["STT", "Tên đề án", "Kinh phí khuyến công (đồng)", "Vốn đối ứng"],
        [[1, "Hỗ trợ máy sấy chè", 450, 900]]),
        refused={("Bao cao", 4)}),
    Case("unit_not_written_and_amounts_fit_two_units", simple_projects(
        [HA_TINH, ["DANH MỤC ĐỀ ÁN KHUYẾN CÔNG NĂM 2019"]], PROJECT_HEAD,
        [[1, "Hỗ trợ máy sấy chè", 4.5, 9], [2, "Đào tạo nghề mây tre", 1.2, None]]),
        refused={("Bao cao", 4)}),
    # --- columns that are not khuyến công money ---------------------------------------------------------------
    Case("ratio_column_under_funding", lambda: book(Sheet("Bao cao", [
        HA_TINH, ["KẾT QUẢ THỰC HIỆN KINH PHÍ KHUYẾN CÔNG NĂM 2019"], ["Đơn vị tính: triệu đồng"],
        ["STT", "Nguồn kinh phí", "Kinh phí", None, None],
        [None, None, "Kế hoạch", "Thực hiện", "Tỷ lệ TH/KH (%)"],
        [1, "Khuyến công địa phương", 1000, 800, 80], [2, "Khuyến công quốc gia", 2000, 1900, 95]],
        ("C4:E4", "A4:A5", "B4:B5"))),
        rows={alloc(2019, 2019, "local", "allocated", 1000), alloc(2019, 2019, "local", "disbursed", 800),
              alloc(2019, 2019, "central", "allocated", 2000), alloc(2019, 2019, "central", "disbursed", 1900)}),
    Case("own_capital_is_counterpart", simple_projects(
        [HA_TINH, ["DANH MỤC ĐỀ ÁN KHUYẾN CÔNG NĂM 2019"], ["Đơn vị tính: triệu đồng"]],
        ["STT", "Tên đề án", "Kinh phí khuyến công", "Vốn tự có của cơ sở"],
        [[1, "Hỗ trợ máy sấy chè", 450, 1200]]),
        rows={project("Hỗ trợ máy sấy chè", None, 450, 1200)}),
    Case("whole_and_its_parts", lambda: book(Sheet("Bao cao", [
        HA_TINH, ["KINH PHÍ KHUYẾN CÔNG NĂM 2019"], ["Đơn vị tính: triệu đồng"],
        ["STT", "Nội dung", "Ngân sách nhà nước", "Trong đó", None],
        [None, None, None, "NSTW", "NSĐP"],
        [1, "Kinh phí khuyến công", 3000, 1000, 2000]],
        ("D4:E4", "A4:A5", "B4:B5", "C4:C5"))),
        rows={alloc(2019, 2019, "central", "allocated", 1000), alloc(2019, 2019, "local", "allocated", 2000)}),
    Case("support_level_column_is_money", simple_projects(
        [HA_TINH, ["DANH MỤC ĐỀ ÁN KHUYẾN CÔNG NĂM 2019"]],
        ["STT", "Tên đề án", "Mức hỗ trợ (triệu đồng)"],
        [[1, "Hỗ trợ máy sấy chè", 450], [2, "Đào tạo nghề mây tre", 120]]),
        rows={project("Hỗ trợ máy sấy chè", None, 450), project("Đào tạo nghề mây tre", None, 120)}),
    Case("activity_names_in_a_content_column", simple_projects(
        [HA_TINH, ["DANH MỤC ĐỀ ÁN KHUYẾN CÔNG NĂM 2019"], ["Đơn vị tính: triệu đồng"]],
        ["STT", "Tên đề án", "Nội dung hỗ trợ", "Kinh phí khuyến công"],
        [[1, "Hỗ trợ máy sấy chè", "Mô hình trình diễn kỹ thuật", 450],
         [2, "Đào tạo nghề mây tre", "Đào tạo nghề", 120]]),
        rows={project("Hỗ trợ máy sấy chè", None, 450, activity="mo_hinh_trinh_dien"),
              project("Đào tạo nghề mây tre", None, 120, activity="dao_tao_nghe")}),
    Case("money_looking_header_not_known", simple_projects(
        [HA_TINH, ["DANH MỤC ĐỀ ÁN KHUYẾN CÔNG NĂM 2019"], ["Đơn vị tính: triệu đồng"]],
        ["STT", "Tên đề án", "Kinh phí khuyến công", "Chi phí khác"],
        [[1, "Hỗ trợ máy sấy chè", 450, 300]]),
        refused={("Bao cao", 4)}),
    Case("numbers_under_an_unknown_header", simple_projects(
        [HA_TINH, ["DANH MỤC ĐỀ ÁN KHUYẾN CÔNG NĂM 2019"], ["Đơn vị tính: triệu đồng"]],
        ["STT", "Tên đề án", "Kinh phí khuyến công", "Dự phòng"],
        [[1, "Hỗ trợ máy sấy chè", 450, 300]]),
        refused={("Bao cao", 5)}),
    # --- rows ---------------------------------------------------------------------------------------------------
    Case("total_row_labelled_total_funding", simple_projects(
        [HA_TINH, ["DANH MỤC ĐỀ ÁN KHUYẾN CÔNG NĂM 2019"], ["Đơn vị tính: triệu đồng"]], PROJECT_HEAD,
        [[1, "Hỗ trợ máy sấy chè", 450, 900], [2, "Đào tạo nghề mây tre", 120, None],
         [None, "Tổng kinh phí", 570, 900]]),
        rows={project("Hỗ trợ máy sấy chè", None, 450, 900), project("Đào tạo nghề mây tre", None, 120)}),
    Case("total_that_does_not_reconcile", simple_projects(
        [HA_TINH, ["DANH MỤC ĐỀ ÁN KHUYẾN CÔNG NĂM 2019"], ["Đơn vị tính: triệu đồng"]], PROJECT_HEAD,
        [[1, "Hỗ trợ máy sấy chè", 450, 900], [2, "Đào tạo nghề mây tre", 120, None],
         ["Tổng cộng", None, 580, 900]]),
        refused={("Bao cao", 7)}),
    Case("numbered_groups_with_subtotals", simple_projects(
        [HA_TINH, ["DANH MỤC ĐỀ ÁN KHUYẾN CÔNG NĂM 2019"], ["Đơn vị tính: triệu đồng"]], PROJECT_HEAD,
        [["1", "Đào tạo nghề, truyền nghề", 270, None], ["1.1", "Lớp mây tre đan xã Thạch Hà", 120, None],
         ["1.2", "Lớp dệt thổ cẩm xã Kỳ Sơn", 150, None],
         ["2", "Hội chợ, triển lãm", 800, 100], ["2.1", "Hội chợ CNNT miền Trung", 800, 100],
         ["Tổng cộng", None, 1070, 100]]),
        rows={project("Lớp mây tre đan xã Thạch Hà", None, 120, activity="dao_tao_nghe"),
              project("Lớp dệt thổ cẩm xã Kỳ Sơn", None, 150, activity="dao_tao_nghe"),
              project("Hội chợ CNNT miền Trung", None, 800, 100, activity="hoi_cho_trien_lam")}),
    Case("note_and_signature_under_the_table", simple_projects(
        [HA_TINH, ["DANH MỤC ĐỀ ÁN KHUYẾN CÔNG NĂM 2019"], ["Đơn vị tính: triệu đồng"]], PROJECT_HEAD,
        [[1, "Hỗ trợ máy sấy chè", 450, 900], [2, "Đào tạo nghề mây tre", 120, None],
         ["Tổng cộng", None, 570, 900], [],
         ["Ghi chú: đề án 2 chuyển tiếp từ năm 2018"],
         [None, "Hà Tĩnh, ngày 15 tháng 01 năm 2019"],
         [None, "NGƯỜI LẬP BIỂU", None, "KT. GIÁM ĐỐC"], [None, "(Ký, họ tên)"], [],
         [None, "Nguyễn Văn An", None, "Trần Thị Bình"]]),
        rows={project("Hỗ trợ máy sấy chè", None, 450, 900), project("Đào tạo nghề mây tre", None, 120)}),
    Case("first_rows_kh_th_are_data", lambda: book(Sheet("Bao cao", [
        HA_TINH, ["KINH PHÍ KHUYẾN CÔNG ĐỊA PHƯƠNG"], ["Đơn vị tính: triệu đồng"],
        ["Nội dung", "2019", "2020"], ["KH", 1000, 1200], ["TH", 900, 1100]])),
        rows={alloc(2019, 2019, "local", "allocated", 1000), alloc(2020, 2020, "local", "allocated", 1200),
              alloc(2019, 2019, "local", "disbursed", 900), alloc(2020, 2020, "local", "disbursed", 1100)}),
    # --- sections -----------------------------------------------------------------------------------------------
    Case("letters_a_to_k_under_roman_sections", lambda: book(Sheet("Bao cao", letters_a_to_k()))),
    # --- periods ------------------------------------------------------------------------------------------------
    Case("period_from_year_to_year", lambda: book(Sheet("Bao cao", [
        HA_TINH, ["KINH PHÍ KHUYẾN CÔNG TỪ NĂM 2016 ĐẾN NĂM 2020"], ["Đơn vị tính: triệu đồng"],
        ["STT", "Nguồn kinh phí", "Kinh phí"], [1, "Khuyến công quốc gia", 5000],
        [2, "Khuyến công địa phương", 12000]])),
        rows={alloc(2016, 2020, "central", "allocated", 5000), alloc(2016, 2020, "local", "allocated", 12000)}),
    Case("six_months_is_not_a_year", lambda: book(Sheet("Bao cao", [
        HA_TINH, ["KẾT QUẢ THỰC HIỆN KHUYẾN CÔNG 6 THÁNG ĐẦU NĂM 2019"], ["Đơn vị tính: triệu đồng"],
        ["STT", "Nguồn kinh phí", "Thực hiện"], [1, "Khuyến công địa phương", 700]])),
        refused={("Bao cao", 5)}),
    Case("year_columns_keep_their_years", lambda: book(Sheet("Bao cao", [
        HA_TINH, ["KẾ HOẠCH KINH PHÍ KHUYẾN CÔNG NĂM 2020"], ["Đơn vị tính: triệu đồng"],
        ["STT", "Nguồn kinh phí", "Năm 2019", "Năm 2020"], [1, "Khuyến công địa phương", 1800, 2000]])),
        rows={alloc(2019, 2019, "local", "allocated", 1800), alloc(2020, 2020, "local", "allocated", 2000)}),
    # --- hidden and merged ----------------------------------------------------------------------------------
    Case("hidden_rows_refused", lambda: book(Sheet("Bao cao", [
        HA_TINH, ["DANH MỤC ĐỀ ÁN KHUYẾN CÔNG NĂM 2019"], ["Đơn vị tính: triệu đồng"], PROJECT_HEAD,
        [1, "Hỗ trợ máy sấy chè", 450, 900], [2, "Đề án đã hủy", 300, None], [3, "Đào tạo nghề mây tre", 120, None]],
        hidden_rows=(6,))),
        refused={("Bao cao", 6)}),
    Case("hidden_rows_read_when_asked", lambda: book(Sheet("Bao cao", [
        HA_TINH, ["DANH MỤC ĐỀ ÁN KHUYẾN CÔNG NĂM 2019"], ["Đơn vị tính: triệu đồng"], PROJECT_HEAD,
        [1, "Hỗ trợ máy sấy chè", 450, 900], [2, "Đề án bổ sung", 300, None]], hidden_rows=(6,))),
        rows={project("Hỗ trợ máy sấy chè", None, 450, 900), project("Đề án bổ sung", None, 300)},
        include_hidden=True),
    Case("hidden_column_refused", lambda: book(Sheet("Bao cao", [
        HA_TINH, ["DANH MỤC ĐỀ ÁN KHUYẾN CÔNG NĂM 2019"], ["Đơn vị tính: triệu đồng"],
        ["STT", "Tên đề án", "Kinh phí khuyến công", "Kinh phí khuyến công (cũ)"],
        [1, "Hỗ trợ máy sấy chè", 450, 500]], hidden_columns=("D",))),
        refused={("Bao cao", 4)}),
    Case("hidden_sheet_refused", lambda: book(
        Sheet("Bao cao", [HA_TINH, ["DANH MỤC ĐỀ ÁN KHUYẾN CÔNG NĂM 2019"], ["Đơn vị tính: triệu đồng"],
                          PROJECT_HEAD, [1, "Hỗ trợ máy sấy chè", 450, 900]]),
        Sheet("Ban cu", [HA_TINH, ["DANH MỤC ĐỀ ÁN KHUYẾN CÔNG NĂM 2019 (DỰ THẢO)"], ["Đơn vị tính: triệu đồng"],
                         PROJECT_HEAD, [1, "Đề án dự thảo", 999, None]], hidden=True))),
    Case("hidden_code_list_sheet_left_alone", lambda: book(
        Sheet("Bao cao", [HA_TINH, ["DANH MỤC ĐỀ ÁN KHUYẾN CÔNG NĂM 2019"], ["Đơn vị tính: triệu đồng"],
                          PROJECT_HEAD, [1, "Hỗ trợ máy sấy chè", 450, 900]]),
        Sheet("DanhMuc", [["Danh mục nguồn kinh phí", "Danh mục loại số liệu"], ["Địa phương", "Dự toán"],
                          ["Trung ương", "Thực hiện"]], hidden=True)),
        rows={project("Hỗ trợ máy sấy chè", None, 450, 900)}),
    Case("funding_column_merged_down", lambda: book(Sheet("Bao cao", [
        HA_TINH, ["DANH MỤC ĐỀ ÁN KHUYẾN CÔNG NĂM 2019"], ["Đơn vị tính: triệu đồng"],
        ["STT", "Tên đề án", "Nguồn kinh phí", "Kinh phí khuyến công"],
        [1, "Hỗ trợ máy sấy chè", "KCĐP", 450], [2, "Đào tạo nghề mây tre", None, 120],
        [3, "Hội chợ CNNT", None, 300]], ("C5:C7",))),
        rows={project("Hỗ trợ máy sấy chè", "local", 450), project("Đào tạo nghề mây tre", "local", 120),
              project("Hội chợ CNNT", "local", 300)}),
    Case("amount_merged_over_two_projects", lambda: book(Sheet("Bao cao", [
        HA_TINH, ["DANH MỤC ĐỀ ÁN KHUYẾN CÔNG NĂM 2019"], ["Đơn vị tính: triệu đồng"], PROJECT_HEAD,
        [1, "Hỗ trợ máy sấy chè", 450, None], [2, "Đào tạo nghề mây tre", None, None]], ("C5:C6",))),
        refused={("Bao cao", 6)}),
    # --- several tables -----------------------------------------------------------------------------------------
    Case("template_sheet_beside_a_report_sheet", lambda: book(
        Sheet("DeAn", [["Tỉnh/Thành phố", "Năm", "Tên đề án", "Kinh phí kế hoạch", "Nguồn tài liệu"],
                       ["Hà Tĩnh", 2019, "Đề án theo mẫu", 100, "QĐ 1"]]),
        Sheet("Bao cao", [HA_TINH, ["DANH MỤC ĐỀ ÁN KHUYẾN CÔNG NĂM 2019"], ["Đơn vị tính: triệu đồng"],
                          PROJECT_HEAD, [1, "Hỗ trợ máy sấy chè", 450, 900]]))),
    Case("two_tables_in_one_sheet", lambda: book(Sheet("Bao cao", [
        HA_TINH, ["KINH PHÍ KHUYẾN CÔNG NĂM 2019"], ["Đơn vị tính: triệu đồng"],
        ["STT", "Nguồn kinh phí", "Kinh phí"], [1, "Khuyến công địa phương", 1800], [2, "Khuyến công quốc gia", 500],
        ["Tổng cộng", None, 2300], [], [],
        ["KINH PHÍ KHUYẾN CÔNG NĂM 2020"],
        ["STT", "Nguồn kinh phí", "Kinh phí"], [1, "Khuyến công địa phương", 2000], [2, "Khuyến công quốc gia", 700],
        ["Tổng cộng", None, 2700]])),
        rows={alloc(2019, 2019, "local", "allocated", 1800), alloc(2019, 2019, "central", "allocated", 500),
              alloc(2020, 2020, "local", "allocated", 2000), alloc(2020, 2020, "central", "allocated", 700)}),
    # --- locale -------------------------------------------------------------------------------------------------
    Case("english_numbers_proved_by_the_column", lambda: csv_file([
        ["Tỉnh/Thành phố", "Năm", "Nguồn kinh phí", "Loại số liệu", "Số tiền", "Nguồn tài liệu"],
        ["Hà Tĩnh", 2019, "KCĐP", "Dự toán", "1,500", "QĐ 1"],
        ["Hà Tĩnh", 2020, "KCĐP", "Dự toán", "1,250,000", "QĐ 1"]]), ext="csv",
        rows={alloc(2019, 2019, "local", "allocated", 1500), alloc(2020, 2020, "local", "allocated", 1250000)}),
    Case("numbers_that_read_two_ways", lambda: csv_file([
        ["Tỉnh/Thành phố", "Năm", "Nguồn kinh phí", "Loại số liệu", "Số tiền", "Nguồn tài liệu"],
        ["Hà Tĩnh", 2019, "KCĐP", "Dự toán", "1,500", "QĐ 1"],
        ["Hà Tĩnh", 2020, "KCĐP", "Dự toán", "2,250", "QĐ 1"]]), ext="csv",
        refused={(None, 2)}),
    Case("a_report_csv_with_english_numbers", lambda: csv_file([
        ["UBND TỈNH HÀ TĨNH"], ["KINH PHÍ KHUYẾN CÔNG NĂM 2019"], ["Đơn vị tính: triệu đồng"],
        ["STT", "Nguồn kinh phí", "Kinh phí"], ["1", "Khuyến công địa phương", "1,500.5"],
        ["2", "Khuyến công quốc gia", "2,000"], ["Tổng cộng", "", "3,500.5"]]), ext="csv",
        rows={alloc(2019, 2019, "local", "allocated", "1500.5"), alloc(2019, 2019, "central", "allocated", 2000)}),
]

ACTIVITIES = ["Đào tạo nghề, truyền nghề", "Nâng cao năng lực quản lý, khởi sự doanh nghiệp",
              "Mô hình trình diễn kỹ thuật, chuyển giao công nghệ, ứng dụng máy móc thiết bị", "Sản xuất sạch hơn",
              "Phát triển sản phẩm công nghiệp nông thôn tiêu biểu", "Hội chợ, triển lãm", "Tư vấn, trợ giúp",
              "Thông tin, tuyên truyền", "Liên doanh, liên kết, phát triển cụm công nghiệp", "Hợp tác quốc tế",
              "Kiểm tra, giám sát"]
ACTIVITY_CODES = ["dao_tao_nghe", "nang_luc_quan_ly", "mo_hinh_trinh_dien", "san_xuat_sach_hon",
                  "san_pham_tieu_bieu", "hoi_cho_trien_lam", "tu_van_tro_giup", "thong_tin_tuyen_truyen",
                  "lien_ket_cum_cn", "hop_tac_quoc_te", "quan_ly_thuc_hien"]


def letters_a_to_k() -> list[list]:
    """Roman I (central) with letters A–K, one project each, then Roman II (local) with A–B: the ninth letter "I"
    is a letter, not a Roman numeral."""
    rows = [HA_TINH, ["DANH MỤC ĐỀ ÁN KHUYẾN CÔNG NĂM 2019"], ["Đơn vị tính: triệu đồng"], PROJECT_HEAD,
            ["I", "KHUYẾN CÔNG QUỐC GIA"]]
    for i, activity in enumerate(ACTIVITIES):
        rows += [[chr(ord("A") + i), activity], [1, f"Đề án quốc gia {i + 1}", 100 + i, None]]
    rows += [["II", "KHUYẾN CÔNG ĐỊA PHƯƠNG"]]
    for i, activity in enumerate(ACTIVITIES[:2]):
        rows += [[chr(ord("A") + i), activity], [1, f"Đề án địa phương {i + 1}", 50 + i, None]]
    return rows


def _letters_expected() -> set:
    rows = {project(f"Đề án quốc gia {i + 1}", "central", 100 + i, activity=ACTIVITY_CODES[i])
            for i in range(len(ACTIVITIES))}
    rows |= {project(f"Đề án địa phương {i + 1}", "local", 50 + i, activity=ACTIVITY_CODES[i]) for i in range(2)}
    return rows


BY_NAME = {case.name: case for case in CASES}
BY_NAME["letters_a_to_k_under_roman_sections"].rows = _letters_expected()
BY_NAME["hidden_sheet_refused"].refused = {("Ban cu", None)}
BY_NAME["template_sheet_beside_a_report_sheet"].rows = {
    ("project", "Đề án theo mẫu", "ha-tinh", 2019, None, D(100), None, None, None),
    project("Hỗ trợ máy sấy chè", None, 450, 900)}
