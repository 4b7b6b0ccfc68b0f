"""A second set of report-shaped files, written after the reader's classes (tests/report_classes.py) and the round
trip were done, in other provinces' ways of laying out the same kinds of tables: the held-back estimate of issue 26.
Each file gives the truth a correct reading stores (`rows`, by hand from the figures written), or `refuse` when no
reading of it can be right (a partial year, figures that contradict their total). The test counts right, refused,
wrong; none may load wrong.
"""

from dataclasses import dataclass
from decimal import Decimal

from report_classes import Sheet, alloc, book, csv_file, project

D = Decimal


@dataclass
class Held:
    name: str
    make: object
    rows: set | None = None        # the truth; None: every reading would be wrong (it must be refused)
    ext: str = "xlsx"

    @property
    def file_name(self) -> str:
        return f"{self.name}.{self.ext}"


NGHE_AN_CENTRE = ["TRUNG TÂM KHUYẾN CÔNG VÀ TƯ VẤN PHÁT TRIỂN CÔNG NGHIỆP NGHỆ AN"]


def na(name, funding, plan, counterpart=None, activity=None, year=2018):
    return project(name, funding, plan, counterpart, activity, year, area="nghe-an")


HELD: list[Held] = [
    Held("centre_letterhead_investment_total", lambda: book(Sheet("BC", [
        ["UBND TỈNH NGHỆ AN"], NGHE_AN_CENTRE,
        ["DANH MỤC ĐỀ ÁN KHUYẾN CÔNG ĐỊA PHƯƠNG NĂM 2018"], ["ĐVT: Triệu đồng"],
        ["TT", "Tên đề án", "Đơn vị thụ hưởng", "Địa điểm", "Tổng vốn đầu tư", "Kinh phí KC hỗ trợ", "Ghi chú"],
        [1, "Hỗ trợ máy ép dầu lạc", "HTX Diễn Châu", "Diễn Châu", 1200, 300, None],
        [2, "Đào tạo nghề mây tre", "Cơ sở Nam Đàn", "Nam Đàn", 150, 150, None],
        ["", "Tổng cộng", None, None, 1350, 450, None]])),
        rows={na("Hỗ trợ máy ép dầu lạc", "local", 300), na("Đào tạo nghề mây tre", "local", 150)}),
    Held("years_down_billions_with_total_column", lambda: book(Sheet("Sheet1", [
        ["SỞ CÔNG THƯƠNG TỈNH QUẢNG NAM"], ["KINH PHÍ KHUYẾN CÔNG GIAI ĐOẠN 2016 - 2018"], ["Đơn vị: tỷ đồng"],
        ["Năm", "KCQG", "KCĐP", "Tổng"], [2016, "1,25", "2,5", "3,75"], [2017, "1,4", "2,6", "4"],
        [2018, "0,9", "3,1", "4"]])),
        rows={alloc(y, y, f, "allocated", a, "quang-nam") for y, f, a in (
            (2016, "central", 1250), (2016, "local", 2500), (2017, "central", 1400), (2017, "local", 2600),
            (2018, "central", 900), (2018, "local", 3100))}),
    Held("dong_numbers_with_lettered_items", lambda: book(Sheet("DS", [
        ["UBND TỈNH HÀ TĨNH"], ["DANH SÁCH ĐỀ ÁN KHUYẾN CÔNG ĐỊA PHƯƠNG NĂM 2020"],
        ["STT", "Tên đề án", "Kinh phí (đồng)"],
        ["1", "Đào tạo nghề, truyền nghề", 230_000_000],
        ["a", "Lớp đan lát Can Lộc", 110_000_000], ["b", "Lớp mộc Đức Thọ", 120_000_000],
        ["2", "Hội chợ, triển lãm", 400_000_000], ["a", "Hội chợ CNNT tỉnh", 400_000_000],
        ["", "Cộng", 630_000_000]])),
        rows={project("Lớp đan lát Can Lộc", "local", 110, activity="dao_tao_nghe", year=2020),
              project("Lớp mộc Đức Thọ", "local", 120, activity="dao_tao_nghe", year=2020),
              project("Hội chợ CNNT tỉnh", "local", 400, activity="hoi_cho_trien_lam", year=2020)}),
    Held("six_months_results", lambda: book(Sheet("BC", [
        ["UBND TỈNH BẮC NINH"], ["BÁO CÁO KẾT QUẢ KHUYẾN CÔNG 6 THÁNG ĐẦU NĂM 2021"], ["ĐVT: triệu đồng"],
        ["STT", "Nội dung", "Kế hoạch năm", "Thực hiện 6 tháng", "Tỷ lệ (%)"],
        [1, "Khuyến công địa phương", 2000, 800, 40]])),
        rows={alloc(2021, 2021, "local", "allocated", 2000, "bac-ninh")}),  # the six months' 800 never as a year
    Held("period_total_by_source", lambda: book(Sheet("TH", [
        ["UBND TỈNH HÀ TĨNH"], ["TỔNG HỢP KINH PHÍ KHUYẾN CÔNG GIAI ĐOẠN 2016 - 2020"], ["Đơn vị tính: Triệu đồng"],
        ["TT", "Nguồn kinh phí", "Kinh phí"], ["1", "Khuyến công quốc gia", 12500],
        ["2", "Khuyến công địa phương", 30720],
        ["", "Tổng cộng", 43220]])),
        rows={alloc(2016, 2020, "central", "allocated", 12500), alloc(2016, 2020, "local", "allocated", 30720)}),
    Held("two_project_lists_in_one_sheet", lambda: book(Sheet("DA", [
        ["UBND TỈNH NGHỆ AN"], ["DANH MỤC ĐỀ ÁN KHUYẾN CÔNG NĂM 2019"], ["Đơn vị tính: triệu đồng"],
        ["STT", "Tên đề án", "Kinh phí khuyến công"], [1, "Máy sấy nông sản Yên Thành", 350],
        [2, "Lò sấy gỗ Quỳ Hợp", 280],
        ["Tổng cộng", None, 630], [], [],
        ["DANH MỤC ĐỀ ÁN KHUYẾN CÔNG NĂM 2020"],
        ["STT", "Tên đề án", "Kinh phí khuyến công"], [1, "Máy dệt Con Cuông", 420], ["Tổng cộng", None, 420]])),
        rows={na("Máy sấy nông sản Yên Thành", None, 350, year=2019), na("Lò sấy gỗ Quỳ Hợp", None, 280, year=2019),
              na("Máy dệt Con Cuông", None, 420, year=2020)}),
    Held("semicolon_csv_vietnamese_decimals", lambda: csv_file([
        ["UBND TỈNH HÀ TĨNH"], ["KINH PHÍ KHUYẾN CÔNG NĂM 2022"], ["Đơn vị tính: triệu đồng"],
        ["STT", "Nguồn kinh phí", "Dự toán", "Thực hiện"],
        ["1", "KCQG", "1.500,5", "1.200"], ["2", "KCĐP", "2.000", "1.950,25"],
        ["", "Tổng cộng", "3.500,5", "3.150,25"]], delimiter=";"), ext="csv",
        rows={alloc(2022, 2022, "central", "allocated", "1500.5"), alloc(2022, 2022, "central", "disbursed", 1200),
              alloc(2022, 2022, "local", "allocated", 2000), alloc(2022, 2022, "local", "disbursed", "1950.25")}),
    Held("english_csv_thousands", lambda: csv_file([
        ["Province", "Year", "Funding source", "Figure", "Amount", "Source"],
        ["Ha Tinh", "2021", "central", "allocated", "12,345.5", "Decision 12"],
        ["Ha Tinh", "2021", "local", "allocated", "1,500", "Decision 12"]]), ext="csv",
        rows={alloc(2021, 2021, "central", "allocated", "12345.5"), alloc(2021, 2021, "local", "allocated", 1500)}),
    Held("estimate_this_year_plan_next", lambda: book(Sheet("KH", [
        ["UBND TỈNH BẮC NINH"], ["ƯỚC THỰC HIỆN NĂM 2019 VÀ KẾ HOẠCH NĂM 2020"], ["ĐVT: triệu đồng"],
        ["STT", "Nguồn kinh phí", "Ước thực hiện năm 2019", "Kế hoạch năm 2020"],
        [1, "Khuyến công địa phương", 3200, 3500], [2, "Khuyến công quốc gia", 800, 1000]])),
        rows={alloc(2019, 2019, "local", "estimated_executed", 3200, "bac-ninh"),
              alloc(2020, 2020, "local", "allocated", 3500, "bac-ninh"),
              alloc(2019, 2019, "central", "estimated_executed", 800, "bac-ninh"),
              alloc(2020, 2020, "central", "allocated", 1000, "bac-ninh")}),
    Held("spending_kinds_not_khuyen_cong", lambda: book(Sheet("KP", [
        ["UBND TỈNH HÀ TĨNH"], ["KINH PHÍ NĂM 2021"], ["ĐVT: triệu đồng"],
        ["STT", "Nội dung", "Kinh phí", "Trong đó", None], [None, None, None, "Vốn sự nghiệp", "Vốn đầu tư phát triển"],
        [1, "Khuyến công địa phương", 3000, 1000, 2000]], ("D4:E4", "A4:A5", "B4:B5", "C4:C5"))),
        rows={alloc(2021, 2021, "local", "allocated", 3000)}),
    Held("counts_and_dates_beside_money", lambda: book(Sheet("DA", [
        ["UBND TỈNH QUẢNG NAM"], ["DANH MỤC ĐỀ ÁN ĐÀO TẠO NGHỀ NĂM 2020"], ["Đơn vị tính: triệu đồng"],
        ["STT", "Tên đề án", "Thời gian thực hiện", "Số lượng học viên", "Kinh phí khuyến công"],
        [1, "Lớp dệt thổ cẩm Tây Giang", "Tháng 3-6/2020", 35, 120],
        [2, "Lớp mây tre Đại Lộc", "Tháng 7-9/2020", 30, 105],
        ["", "Tổng cộng", None, 65, 225]])),
        rows={project("Lớp dệt thổ cẩm Tây Giang", None, 120, year=2020, area="quang-nam"),
              project("Lớp mây tre Đại Lộc", None, 105, year=2020, area="quang-nam")}),
    Held("subtotals_named_cong_muc", lambda: book(Sheet("DA", [
        ["UBND TỈNH HÀ TĨNH"], ["DANH MỤC ĐỀ ÁN NĂM 2019"], ["ĐVT: Tr.đồng"],
        ["STT", "Tên đề án", "KP khuyến công", "Vốn đối ứng"],
        ["I", "Khuyến công quốc gia", None, None], [1, "Máy chế biến chè Hương Sơn", 500, 1500],
        [None, "Cộng mục I", 500, 1500],
        ["II", "Khuyến công địa phương", None, None], [1, "Lò nung gạch Kỳ Anh", 200, 900],
        [2, "Đào tạo nghề đan Cẩm Xuyên", 90, None], [None, "Cộng mục II", 290, 900],
        [None, "Tổng cộng (I+II)", 790, 2400]])),
        rows={project("Máy chế biến chè Hương Sơn", "central", 500, 1500),
              project("Lò nung gạch Kỳ Anh", "local", 200, 900), project("Đào tạo nghề đan Cẩm Xuyên", "local", 90)}),
    Held("grand_total_first", lambda: book(Sheet("PB", [
        ["SỞ CÔNG THƯƠNG TỈNH NAM ĐỊNH"], ["PHÂN BỔ KINH PHÍ KHUYẾN CÔNG NĂM 2023"], ["Đơn vị tính: triệu đồng"],
        ["STT", "Nội dung", "Kinh phí"], [None, "TỔNG SỐ", 5200], [1, "Khuyến công quốc gia", 1200],
        [2, "Khuyến công địa phương", 4000]])),
        rows={alloc(2023, 2023, "central", "allocated", 1200, "nam-dinh"),
              alloc(2023, 2023, "local", "allocated", 4000, "nam-dinh")}),
    Held("funding_source_column_with_district", lambda: book(Sheet("DA", [
        ["UBND TỈNH HÀ TĨNH"], ["DANH MỤC ĐỀ ÁN KHUYẾN CÔNG NĂM 2021"], ["Đơn vị tính: triệu đồng"],
        ["STT", "Tên đề án", "Nguồn vốn", "Kinh phí"], [1, "Máy xay xát Thạch Hà", "NSTW", 300],
        [2, "Lò sấy Hương Khê", "NSĐP", 250], [3, "Mô hình chế biến Vũ Quang", "Ngân sách huyện", 80]])),
        rows={project("Máy xay xát Thạch Hà", "central", 300, year=2021),
              project("Lò sấy Hương Khê", "local", 250, year=2021),
              project("Mô hình chế biến Vũ Quang", "district", 80, year=2021)}),
    Held("amounts_with_dong_suffix", lambda: book(Sheet("DA", [
        ["UBND TỈNH NGHỆ AN"], ["DANH MỤC ĐỀ ÁN KHUYẾN CÔNG NĂM 2022"],
        ["STT", "Tên đề án", "Kinh phí hỗ trợ"], [1, "Máy dệt Kỳ Sơn", "150.000.000đ"],
        [2, "Lò sấy Tân Kỳ", "1,2 tỷ"]])),
        rows={na("Máy dệt Kỳ Sơn", None, 150, year=2022), na("Lò sấy Tân Kỳ", None, 1200, year=2022)}),
    Held("implementer_merged_over_two_projects", lambda: book(Sheet("DA", [
        ["UBND TỈNH HÀ TĨNH"], ["DANH MỤC ĐỀ ÁN KHUYẾN CÔNG NĂM 2019"], ["Đơn vị tính: triệu đồng"],
        ["STT", "Tên đề án", "Đơn vị thực hiện", "Kinh phí khuyến công"],
        [1, "Lớp đan lát", "Trung tâm Khuyến công", 100], [2, "Lớp mộc", None, 120],
        [3, "Máy ép viên", "HTX Cẩm Xuyên", 400]], ("C5:C6",))),
        rows={project("Lớp đan lát", None, 100), project("Lớp mộc", None, 120), project("Máy ép viên", None, 400)}),
    Held("enterprise_contribution_counterpart", lambda: book(Sheet("DA", [
        ["UBND TỈNH HÀ TĨNH"], ["DANH MỤC ĐỀ ÁN KHUYẾN CÔNG NĂM 2019"], ["ĐVT: triệu đồng"],
        ["STT", "Tên đề án", "Kinh phí khuyến công", "Doanh nghiệp đóng góp"], [1, "Máy ép viên", 400, 1100]])),
        rows={project("Máy ép viên", None, 400, 1100)}),
    Held("two_reports_after_signatures", lambda: book(Sheet("BC", [
        ["UBND TỈNH HÀ TĨNH"], ["KINH PHÍ KHUYẾN CÔNG NĂM 2018"], ["ĐVT: triệu đồng"],
        ["STT", "Nguồn kinh phí", "Kinh phí"], [1, "Khuyến công địa phương", 2100], [], [None, "NGƯỜI LẬP BIỂU"],
        [None, "Lê Văn C"], [], ["KINH PHÍ KHUYẾN CÔNG NĂM 2019"], ["ĐVT: triệu đồng"],
        ["STT", "Nguồn kinh phí", "Kinh phí"], [1, "Khuyến công địa phương", 2300]])),
        rows={alloc(2018, 2018, "local", "allocated", 2100), alloc(2019, 2019, "local", "allocated", 2300)}),
    Held("footnote_star_unit", lambda: book(Sheet("DA", [
        ["UBND TỈNH HÀ TĨNH"], ["DANH MỤC ĐỀ ÁN KHUYẾN CÔNG NĂM 2019"],
        ["STT", "Tên đề án", "Kinh phí khuyến công (*)"], [1, "Lớp đan lát", 100_000], [2, "Lớp mộc", 120_000], [],
        ["(*) Đơn vị tính: nghìn đồng"]])),
        rows={project("Lớp đan lát", None, 100), project("Lớp mộc", None, 120)}),
    Held("district_rows_not_funding", lambda: book(Sheet("PB", [
        ["UBND TỈNH HÀ TĨNH"], ["PHÂN BỔ KINH PHÍ KHUYẾN CÔNG NĂM 2020"], ["ĐVT: triệu đồng"],
        ["STT", "Đơn vị", "Kinh phí"], [1, "Huyện Hương Sơn", 300], [2, "Huyện Kỳ Anh", 250]])),
        rows=None),
    Held("roman_in_the_label_cell", lambda: book(Sheet("DA", [
        ["UBND TỈNH HÀ TĨNH"], ["DANH MỤC ĐỀ ÁN KHUYẾN CÔNG NĂM 2019"], ["ĐVT: triệu đồng"],
        ["STT", "Tên đề án", "Kinh phí khuyến công"], [None, "I. Khuyến công quốc gia", None],
        [1, "Máy chế biến chè", 500], [None, "II. Khuyến công địa phương", None], [1, "Lò nung gạch", 200]])),
        rows={project("Máy chế biến chè", "central", 500), project("Lò nung gạch", "local", 200)}),
    Held("plan_actual_ratio_year_in_header", lambda: book(Sheet("TH", [
        ["UBND TỈNH HÀ TĨNH"], ["KẾT QUẢ THỰC HIỆN KINH PHÍ KHUYẾN CÔNG"],
        ["STT", "Nguồn kinh phí", "Kế hoạch năm 2019 (triệu đồng)", "Thực hiện năm 2019 (triệu đồng)",
         "So sánh TH/KH (%)"], [1, "Khuyến công địa phương", 2000, 1900, 95]])),
        rows={alloc(2019, 2019, "local", "allocated", 2000), alloc(2019, 2019, "local", "disbursed", 1900)}),
    Held("header_row_unit_disagrees_with_title", lambda: book(Sheet("DA", [
        ["UBND TỈNH HÀ TĨNH"], ["DANH MỤC ĐỀ ÁN KHUYẾN CÔNG NĂM 2019"], ["Đơn vị tính: triệu đồng"],
        ["STT", "Tên đề án", "Kinh phí khuyến công", None, "ĐVT: đồng"], [1, "Lớp đan lát", 100]])),
        rows=None),
    Held("text_thousands_no_unit", lambda: book(Sheet("DA", [
        ["UBND TỈNH HÀ TĨNH"], ["DANH MỤC ĐỀ ÁN KHUYẾN CÔNG NĂM 2019"],
        ["STT", "Tên đề án", "Kinh phí khuyến công"], [1, "Máy ép viên", "1.500"], [2, "Lớp mộc", "120"]])),
        rows={project("Máy ép viên", None, 1500), project("Lớp mộc", None, 120)}),
    Held("total_with_a_typo", lambda: book(Sheet("DA", [
        ["UBND TỈNH HÀ TĨNH"], ["DANH MỤC ĐỀ ÁN KHUYẾN CÔNG NĂM 2019"], ["ĐVT: triệu đồng"],
        ["STT", "Tên đề án", "Kinh phí khuyến công"], [1, "Máy ép viên", 400], [2, "Lớp mộc", 120],
        ["Tổng cộng", None, 530]])),
        rows=None),
    Held("section_label_merged_with_subtotal", lambda: book(Sheet("DA", [
        ["UBND TỈNH HÀ TĨNH"], ["DANH MỤC ĐỀ ÁN KHUYẾN CÔNG NĂM 2019"], ["ĐVT: triệu đồng"],
        ["STT", "Tên đề án", "Đơn vị thực hiện", "Kinh phí khuyến công"],
        ["A", "Đào tạo nghề, truyền nghề", None, 220], [1, "Lớp đan lát", "TTKC", 100], [2, "Lớp mộc", "TTKC", 120],
        ["B", "Hội chợ, triển lãm", None, 300], [1, "Hội chợ tỉnh", "Sở Công Thương", 300]], ("B5:C5", "B8:C8"))),
        rows={project("Lớp đan lát", None, 100, activity="dao_tao_nghe"),
              project("Lớp mộc", None, 120, activity="dao_tao_nghe"),
              project("Hội chợ tỉnh", None, 300, activity="hoi_cho_trien_lam")}),
    Held("ratio_only_sheet_beside_data", lambda: book(
        Sheet("DA", [["UBND TỈNH HÀ TĨNH"], ["DANH MỤC ĐỀ ÁN KHUYẾN CÔNG NĂM 2019"], ["ĐVT: triệu đồng"],
                     ["STT", "Tên đề án", "Kinh phí khuyến công"], [1, "Máy ép viên", 400]]),
        Sheet("Bieu do", [["Tỷ lệ giải ngân (%)"], ["Năm", "Tỷ lệ (%)"], [2018, 92], [2019, 95]])),
        rows={project("Máy ép viên", None, 400)}),
    Held("year_sections_in_one_list", lambda: book(Sheet("DA", [
        ["UBND TỈNH QUẢNG NAM"], ["DANH MỤC ĐỀ ÁN KHUYẾN CÔNG GIAI ĐOẠN 2019 - 2020"], ["ĐVT: triệu đồng"],
        ["STT", "Tên đề án", "Kinh phí khuyến công"], [None, "Năm 2019", None], [1, "Máy dệt Tây Giang", 300],
        [None, "Năm 2020", None], [1, "Lò sấy Nam Giang", 250]])),
        rows={project("Máy dệt Tây Giang", None, 300, year=2019, area="quang-nam"),
              project("Lò sấy Nam Giang", None, 250, year=2020, area="quang-nam")}),
    Held("loans_beside_support", lambda: book(Sheet("DA", [
        ["UBND TỈNH HÀ TĨNH"], ["DANH MỤC ĐỀ ÁN KHUYẾN CÔNG NĂM 2019"], ["ĐVT: triệu đồng"],
        ["STT", "Tên đề án", "Kinh phí khuyến công", "Vốn vay", "Vốn tự có"], [1, "Máy ép viên", 400, 2000, 600]])),
        rows={project("Máy ép viên", None, 400, 600)}),
    Held("quarter_report", lambda: book(Sheet("BC", [
        ["UBND TỈNH HÀ TĨNH"], ["BÁO CÁO KINH PHÍ KHUYẾN CÔNG QUÝ III NĂM 2020"], ["ĐVT: triệu đồng"],
        ["STT", "Nguồn kinh phí", "Giải ngân"], [1, "Khuyến công địa phương", 650]])),
        rows=None),
]

BY_NAME = {held.name: held for held in HELD}
