"""The three sheets of the import template, their columns and the header spellings accepted for each."""

import re
from dataclasses import dataclass

from etl.importing.values import fold


@dataclass(frozen=True)
class Column:
    field: str                 # name inside the importer (mostly the database column)
    headers: tuple[str, ...]   # accepted headers, Vietnamese first; matched without case, diacritics, "(unit)"
    kind: str                  # how the cell is read: area, year, text, money, value, funding, figure, ...
    required: bool = False


@dataclass(frozen=True)
class Template:
    table: str
    sheet_names: tuple[str, ...]
    columns: tuple[Column, ...]

    @property
    def title(self) -> str:
        return self.sheet_names[0]

    def money_fields(self) -> list[str]:
        return [c.field for c in self.columns if c.kind in ("money", "value")]


AREA = Column("area_id", ("Tỉnh/Thành phố", "Tỉnh/TP", "Tỉnh, thành phố", "Tỉnh", "Địa bàn", "Province", "Area",
                          "Province/City"), "area", True)
SOURCE = Column("source", ("Nguồn tài liệu", "Nguồn số liệu", "Source", "Source document"), "text")
NOTE = Column("note", ("Ghi chú", "Note", "Notes"), "text")
FUNDING = Column("funding_source", ("Nguồn kinh phí", "Nguồn vốn", "Funding source", "Source of funds"), "funding")
ACTIVITY = Column("activity_id", ("Nội dung khuyến công", "Nội dung hoạt động", "Activity"), "activity")
SECTOR = Column("sector_id", ("Ngành nghề", "Lĩnh vực", "Sector", "Industry"), "sector")
YEAR = Column("year", ("Năm", "Year"), "year", True)

ALLOCATION = Template("allocation", ("PhanBo", "Phân bổ", "Allocations", "Allocation"), (
    AREA,
    Column("year_from", ("Từ năm", "From year", "Year from"), "year"),
    Column("year_to", ("Đến năm", "To year", "Year to"), "year"),
    Column("year", ("Năm", "Year"), "year"),
    Column("funding_source", FUNDING.headers, "funding", True),
    Column("figure", ("Loại số liệu", "Loại", "Figure", "Figure type"), "figure", True),
    Column("amount_mvnd", ("Số tiền", "Kinh phí", "Amount"), "money"),
    SOURCE, NOTE,
))
PROJECT = Template("project", ("DeAn", "Đề án", "Projects", "Project"), (
    AREA, YEAR,
    Column("name", ("Tên đề án", "Tên đề án/nhiệm vụ", "Đề án", "Project name", "Project"), "text", True),
    Column("implementer", ("Đơn vị thực hiện", "Implementer", "Implementing unit"), "text"),
    Column("location", ("Địa điểm", "Địa điểm thực hiện", "Location"), "text"),
    ACTIVITY, SECTOR, FUNDING,
    Column("plan_mvnd", ("Kinh phí kế hoạch", "Kinh phí hỗ trợ", "Planned funding", "Plan amount"), "money"),
    Column("actual_mvnd", ("Kinh phí thực hiện", "Kinh phí giải ngân", "Actual funding", "Actual amount"), "money"),
    Column("counterpart_mvnd", ("Vốn đối ứng", "Counterpart funding", "Counterpart"), "money"),
    Column("status", ("Trạng thái", "Tình trạng", "Status"), "status"),
    SOURCE, NOTE,
))
OUTCOME = Template("outcome", ("KetQua", "Kết quả", "Outcomes", "Outcome", "Results"), (
    AREA, YEAR,
    Column("period", ("Kỳ báo cáo", "Kỳ", "Period"), "period"),
    ACTIVITY, SECTOR,
    Column("indicator_id", ("Chỉ tiêu", "Indicator"), "indicator", True),
    Column("plan_value", ("Kế hoạch", "Plan", "Target"), "value"),
    Column("actual_value", ("Thực hiện", "Actual"), "value"),
    Column("prior_value", ("Cùng kỳ năm trước", "Cùng kỳ", "Prior year", "Same period last year"), "value"),
    SOURCE, NOTE,
))
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
    "allocation": ("area_id", "year_from", "year_to", "funding_source", "figure", "amount_mvnd", "note"),
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
