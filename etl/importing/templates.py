"""The three sheets of the import template: their columns, the header spellings the importer accepts for each, and
how the data-entry template (etl/template.py) shows them. One model for both, so the template writes exactly what
the importer reads."""

import re
from dataclasses import dataclass, replace

from etl.importing.values import fold


@dataclass(frozen=True)
class Column:
    field: str                 # name inside the importer (mostly the database column)
    headers: tuple[str, ...]   # accepted headers, Vietnamese first; matched without case, diacritics, "(unit)"
    kind: str                  # how the cell is read: area, year, text, money, value, funding, figure, ...
    required: bool = False     # the importer refuses a row with this cell empty
    # How the data-entry template (etl/template.py) shows the column; width 0: not in the template.
    width: int = 0
    meaning: str = ""
    example: str = ""
    asked: bool = False        # marked "Bắt buộc" in the template's instructions

    @property
    def header(self) -> str:
        """The header the template writes (the first accepted spelling)."""
        return self.headers[0]


@dataclass(frozen=True)
class Template:
    """One sheet: the table it fills, the sheet names and columns the importer reads, and how the template shows it."""

    table: str
    sheet_names: tuple[str, ...]
    columns: tuple[Column, ...]
    title: str = ""            # the template sheet's title line
    purpose: str = ""          # what the sheet holds, in the template's instructions

    @property
    def name(self) -> str:
        """The sheet's name in the template (PhanBo, DeAn, KetQua)."""
        return self.sheet_names[0]

    @property
    def entry_columns(self) -> tuple[Column, ...]:
        """The columns of the template's header row, in order."""
        return tuple(c for c in self.columns if c.width)

    @property
    def headers(self) -> list[str]:
        return [c.header for c in self.entry_columns]

    def money_fields(self) -> list[str]:
        return [c.field for c in self.columns if c.kind in ("money", "value")]


AREA = Column("area_id", ("Tỉnh/Thành phố", "Tỉnh/TP", "Tỉnh, thành phố", "Tỉnh", "Địa bàn", "Province", "Area",
                          "Province/City"), "area", True, 20,
              "Tên ngắn của tỉnh/thành phố như trong niên giám thống kê, theo đơn vị hành chính tại thời điểm "
              "của số liệu (trước 1/7/2025: 63 tỉnh cũ; từ 1/7/2025: 34 đơn vị mới). Chọn trong danh sách.",
              "Nghệ An", True)
SOURCE = Column("source", ("Nguồn tài liệu", "Nguồn số liệu", "Source", "Source document"), "text", False, 45,
                "Văn bản hoặc bài viết công bố con số: số hiệu, ngày và cơ quan ban hành, hoặc tiêu đề và đường "
                "dẫn. Bắt buộc với mọi dòng; các dòng cùng một tài liệu ghi giống hệt nhau.",
                "Quyết định số 123/QĐ-UBND ngày 15/01/2024 của UBND tỉnh Nghệ An (ví dụ)", True)
NOTE = Column("note", ("Ghi chú", "Note", "Notes"), "text")
FUNDING = Column("funding_source", ("Nguồn kinh phí", "Nguồn vốn", "Funding source", "Source of funds"), "funding")
ACTIVITY = Column("activity_id", ("Nội dung khuyến công", "Nội dung hoạt động", "Activity"), "activity")
SECTOR = Column("sector_id", ("Ngành nghề", "Lĩnh vực", "Sector", "Industry"), "sector")
YEAR = Column("year", ("Năm", "Year"), "year", True)
# The document every row of a file cites, when the file says it (an article's figures, etl/importing/documents.py):
# the same values on every row.
DOCUMENT_COLUMNS = (
    Column("doc_title", ("Tiêu đề tài liệu", "Document title"), "text"),
    Column("doc_publisher", ("Nơi đăng", "Publisher"), "text"),
    Column("doc_published_on", ("Ngày đăng", "Published on"), "text"),
    Column("doc_url", ("Đường dẫn", "URL"), "text"),
)

ALLOCATION = Template("allocation", ("PhanBo", "Phân bổ", "Allocations", "Allocation"), (
    AREA,
    Column("year_from", ("Từ năm", "From year", "Year from"), "year", False, 9, "Năm đầu của số liệu (4 chữ số).",
           "2024", True),
    Column("year_to", ("Đến năm", "To year", "Year to"), "year", False, 9, "Năm cuối. Số liệu một năm: bằng Từ năm. "
           "Số liệu cả giai đoạn (ví dụ 2021–2025) ghi đúng như văn bản, không tự chia ra từng năm.", "2024", True),
    Column("year", ("Năm", "Year"), "year"),
    replace(FUNDING, required=True, width=16, meaning="Chọn trong danh sách (danh mục nguồn kinh phí). Đối ứng là vốn "
            "của cơ sở thụ hưởng, không phải kinh phí khuyến công.", example="Địa phương", asked=True),
    Column("figure", ("Loại số liệu", "Loại", "Figure", "Figure type"), "figure", True, 14, "Chọn trong danh sách "
           "(danh mục loại số liệu): Dự toán là kinh phí được giao, phân bổ; Thực hiện là đã giải ngân.", "Dự toán",
           True),
    Column("amount_mvnd", ("Số tiền", "Kinh phí", "Amount"), "money", False, 14,
           "Triệu đồng, số không âm. Để trống nếu văn bản không nêu số.", "5000", True),
    SOURCE,
    replace(NOTE, width=40, meaning="Tùy chọn: điều cần biết để hiểu con số (ví dụ \"gồm cả kinh phí bổ sung giữa "
            "năm\").", example="Gồm kinh phí bổ sung tháng 7"),
    # Read when present, not in the data-entry template: a figure read from an article (etl/extract) keeps its
    # qualifier, its words as published and the sentence that states it, and names its document.
    Column("qualifier", ("Mức chính xác", "Qualifier"), "qualifier"),
    Column("value_as_written", ("Số liệu như văn bản", "Value as written"), "text"),
    Column("quote", ("Trích dẫn", "Quote"), "text"),
    *DOCUMENT_COLUMNS,
), "Kinh phí khuyến công theo tỉnh, năm và nguồn kinh phí",
    "Kinh phí khuyến công của một tỉnh: dự toán được giao (phân bổ), số thực hiện (giải ngân) hoặc quyết toán, cho "
    "một năm hoặc cho cả một giai đoạn như văn bản công bố. Mỗi dòng một con số.")
PROJECT = Template("project", ("DeAn", "Đề án", "Projects", "Project"), (
    AREA,
    replace(YEAR, width=8, meaning="Năm của đề án (năm kế hoạch).", example="2024", asked=True),
    Column("name", ("Tên đề án", "Tên đề án/nhiệm vụ", "Đề án", "Project name", "Project"), "text", True, 45,
           "Tên đề án như trong quyết định phê duyệt.", "Hỗ trợ ứng dụng máy sấy nông sản tại cơ sở A (ví dụ)", True),
    Column("implementer", ("Đơn vị thực hiện", "Implementer", "Implementing unit"), "text", False, 30,
           "Cơ sở hoặc đơn vị thực hiện đề án.", "Trung tâm Khuyến công tỉnh"),
    Column("location", ("Địa điểm", "Địa điểm thực hiện", "Location"), "text", False, 25, "Huyện, xã nơi thực hiện.",
           "Xã B, huyện C"),
    replace(ACTIVITY, width=35, meaning="Nhóm nội dung hoạt động khuyến công. Chọn trong danh sách.",
            example="Mô hình trình diễn kỹ thuật, chuyển giao công nghệ, ứng dụng máy móc thiết bị"),
    replace(SECTOR, width=30, meaning="Ngành nghề của cơ sở thụ hưởng. Chọn trong danh sách.",
            example="Chế biến nông, lâm, thủy sản và thực phẩm"),
    replace(FUNDING, width=16, meaning="Nguồn kinh phí khuyến công của đề án.", example="Địa phương"),
    Column("plan_mvnd", ("Kinh phí kế hoạch", "Kinh phí hỗ trợ", "Planned funding", "Plan amount"), "money", False, 14,
           "Kinh phí khuyến công được duyệt, triệu đồng. Để trống nếu không rõ.", "300"),
    Column("actual_mvnd", ("Kinh phí thực hiện", "Kinh phí giải ngân", "Actual funding", "Actual amount"), "money",
           False, 14, "Kinh phí khuyến công đã thực hiện, triệu đồng. Để trống nếu chưa có số.", ""),
    Column("counterpart_mvnd", ("Vốn đối ứng", "Counterpart funding", "Counterpart"), "money", False, 14,
           "Vốn đối ứng của cơ sở thụ hưởng, triệu đồng.", "700"),
    Column("status", ("Trạng thái", "Tình trạng", "Status"), "status", False, 16,
           "Tình trạng của đề án. Chọn trong danh sách.", "Đang thực hiện"),
    SOURCE, NOTE,
), "Đề án khuyến công",
    "Từng đề án khuyến công: tên, đơn vị thực hiện, nội dung, ngành nghề, kinh phí kế hoạch và thực hiện, vốn đối "
    "ứng, trạng thái. Mỗi đề án một dòng.")
OUTCOME = Template("outcome", ("KetQua", "Kết quả", "Outcomes", "Outcome", "Results"), (
    AREA,
    replace(YEAR, width=8, meaning="Năm của kỳ báo cáo.", example="2024", asked=True),
    Column("period", ("Kỳ báo cáo", "Kỳ", "Period"), "period", False, 12,
           "Cả năm, 6 tháng (đầu năm), Quý I … Quý IV.", "Cả năm", True),
    replace(ACTIVITY, width=35, meaning="Tùy chọn: nội dung khuyến công của kết quả.",
            example="Đào tạo nghề, truyền nghề"),
    replace(SECTOR, width=30, meaning="Tùy chọn: ngành nghề.", example=""),
    Column("indicator_id", ("Chỉ tiêu", "Indicator"), "indicator", True, 40,
           "Chỉ tiêu kết quả; đơn vị tính theo chỉ tiêu (bảng bên dưới).", "Lượt lao động được đào tạo", True),
    Column("plan_value", ("Kế hoạch", "Plan", "Target"), "value", False, 12,
           "Số kế hoạch của kỳ, theo đơn vị của chỉ tiêu.", "500"),
    Column("actual_value", ("Thực hiện", "Actual"), "value", False, 12, "Số thực hiện của kỳ.", "520"),
    Column("prior_value", ("Cùng kỳ năm trước", "Cùng kỳ", "Prior year", "Same period last year"), "value", False, 14,
           "Số thực hiện cùng kỳ năm trước, nếu báo cáo có nêu.", ""),
    SOURCE, NOTE,
), "Kết quả hoạt động khuyến công theo chỉ tiêu (số tiền: triệu đồng; chỉ tiêu khác: theo đơn vị của chỉ tiêu, xem "
   "sheet Hướng dẫn)",
    "Kết quả đạt được theo chỉ tiêu (số cơ sở được hỗ trợ, lượt lao động được đào tạo…) cho cả năm, 6 tháng hoặc "
    "một quý. Mỗi dòng một chỉ tiêu của một kỳ.")
TEMPLATES = (ALLOCATION, PROJECT, OUTCOME)
IGNORED_HEADERS = {"stt", "tt", "so tt", "so thu tu", "no", "ma", "ma so"}

# Natural keys: what identifies a row across versions of a file and across files.
NATURAL_KEYS = {
    "allocation": ("area_id", "year_from", "year_to", "funding_source", "figure"),
    "project": ("area_id", "year", "name_key"),
    "outcome": ("area_id", "year", "period", "activity_id", "sector_id", "indicator_id"),
}
# The columns written for each table (besides doc_id, is_illustrative).
VALUE_COLUMNS = {
    "allocation": ("area_id", "year_from", "year_to", "funding_source", "figure", "amount_mvnd", "note", "qualifier",
                   "value_as_written", "quote"),
    "project": ("project_id", "area_id", "year", "name", "implementer", "location", "activity_id", "sector_id",
                "funding_source", "plan_mvnd", "actual_mvnd", "counterpart_mvnd", "status", "note"),
    "outcome": ("area_id", "year", "period", "activity_id", "sector_id", "indicator_id", "plan_value",
                "actual_value", "prior_value", "note"),
}


def header_key(text) -> str:
    """A header without its '(unit)' part, folded: 'Số tiền (tỷ đồng)' → 'so tien'."""
    return fold(re.sub(r"\([^)]*\)|\[[^\]]*\]", " ", str(text or "")))


def header_unit(text) -> str | None:
    """The unit written in a header's brackets, if any: 'Số tiền (tỷ đồng)' → 'tỷ đồng'."""
    match = re.search(r"\(([^)]*)\)|\[([^\]]*)\]", str(text or ""))
    return (match.group(1) or match.group(2)) if match else None


def match_header(template: Template, cells: list) -> dict[int, Column]:
    """Columns of `template` found in a row of cells: position → column (first occurrence wins)."""
    wanted = {}
    for column in template.columns:
        for name in column.headers:
            wanted.setdefault(header_key(name), column)
    found: dict[int, Column] = {}
    taken = set()
    for index, cell in enumerate(cells):
        if not isinstance(cell, str):
            continue
        column = wanted.get(header_key(cell))
        if column and column.field not in taken:
            found[index] = column
            taken.add(column.field)
    return found


def template_for_sheet_name(name: str | None) -> Template | None:
    if not name:
        return None
    key = fold(name).replace(" ", "")
    for template in TEMPLATES:
        if key in {fold(n).replace(" ", "") for n in template.sheet_names}:
            return template
    return None
