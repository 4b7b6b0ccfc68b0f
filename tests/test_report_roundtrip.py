"""Generative round trip of the report-layout reader (issue 26): known figures x are rendered into a report laid out
as provinces write them, drawn from the classes of the issue (unit spelling and place, header depth, sections,
numbered groups, totals, column-number lines, notes and signatures, hidden rows, merged cells, number conventions,
several tables, a template sheet beside a report sheet), then read back. `read(render(x))` must equal x, or be a
refusal whose every error names a cell; there is no third outcome. Where the rendering is unambiguous (the unit is
written, no hidden row is left hidden, the numbers read one way), it must equal x: a refusal fails the test too.
"""

import csv
import io
from dataclasses import dataclass, field
from decimal import Decimal

import duckdb
import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from etl.importing.codes import Codes
from etl.importing.parse import parse_file
from etl.importing.report_layout import ReadOptions
from etl.importing.units import UNIT_SPELLINGS, UNITS

AREAS = {"ha-tinh": "HÀ TĨNH", "nghe-an": "NGHỆ AN", "quang-nam": "QUẢNG NAM", "bac-ninh": "BẮC NINH"}
FUNDING_SECTIONS = {"central": "KHUYẾN CÔNG QUỐC GIA", "local": "KHUYẾN CÔNG ĐỊA PHƯƠNG"}
FUNDING_CELLS = {"central": "KCQG", "local": "KCĐP"}
FIGURE_HEADERS = {"allocated": "Kế hoạch", "disbursed": "Thực hiện"}
ACTIVITIES = [("dao_tao_nghe", "Đào tạo nghề, truyền nghề"),
              ("nang_luc_quan_ly", "Nâng cao năng lực quản lý, khởi sự doanh nghiệp"),
              ("mo_hinh_trinh_dien", "Mô hình trình diễn kỹ thuật, chuyển giao công nghệ, ứng dụng máy móc thiết bị"),
              ("san_xuat_sach_hon", "Sản xuất sạch hơn"),
              ("san_pham_tieu_bieu", "Phát triển sản phẩm công nghiệp nông thôn tiêu biểu"),
              ("hoi_cho_trien_lam", "Hội chợ, triển lãm"), ("tu_van_tro_giup", "Tư vấn, trợ giúp"),
              ("thong_tin_tuyen_truyen", "Thông tin, tuyên truyền"),
              ("lien_ket_cum_cn", "Liên doanh, liên kết, phát triển cụm công nghiệp"),
              ("hop_tac_quoc_te", "Hợp tác quốc tế"), ("quan_ly_thuc_hien", "Kiểm tra, giám sát")]
PLACES = ("title", "header", "header_row", "unit_row", "footnote", "cell", "compound")
WORDS = ["Hương Sơn", "Thạch Hà", "Kỳ Anh", "Quỳ Hợp", "Đức Thọ", "Can Lộc", "Nghi Xuân", "Vũ Quang", "Lộc Hà"]
# Unit spellings a writer puts after a number or in a header (the "1.000 đồng" forms only state units on a line).
SPELLINGS = sorted({s for s, _c in UNIT_SPELLINGS if not any(c.isdigit() for c in s) and "'" not in s
                    and s not in ("đ", "tr", "dong")})


@dataclass
class Project:
    name: str
    funding: str
    activity: str
    plan: Decimal
    counterpart: Decimal | None


@dataclass
class Spec:
    kind: str                       # project | allocation | two_tables | template_and_report
    area: str
    year: int
    projects: list = field(default_factory=list)
    allocations: dict = field(default_factory=dict)   # (funding, figure, year) → amount
    unit: str = "trieu_dong"
    spelling: str = "triệu đồng"
    place: str = "title"
    header_depth: int = 1
    layout: str = "sections"        # projects: sections | letters | groups | funding_column | merged_funding
    totals: str = "bottom"          # none | bottom | top | sections
    column_numbers: bool = False
    trailer: bool = False
    hidden: bool = False
    include_hidden: bool = False
    csv: str | None = None          # None (a workbook), "vi" or "en" numbers
    delimiter: str = ","
    text_numbers: bool = False
    total_column: bool = False      # projects: "Kinh phí" over "Tổng | Kinh phí khuyến công | Vốn đối ứng"
    merged_labels: bool = False     # section labels merged across the row


def thousandths(low: int, high: int):
    return st.integers(low, high).map(lambda n: Decimal(n) / 1000)


@st.composite
def specs(draw) -> Spec:
    kind = draw(st.sampled_from(["project", "project", "allocation", "period_total", "two_tables",
                                 "template_and_report"]))
    spec = Spec(kind, draw(st.sampled_from(sorted(AREAS))), draw(st.integers(2012, 2022)))
    unit = draw(st.sampled_from(sorted(UNITS)))
    spec.unit = unit
    spec.spelling = draw(st.sampled_from([s for s in SPELLINGS if _unit_of(s) == unit]))
    spec.place = draw(st.sampled_from(PLACES))
    spec.csv = draw(st.sampled_from([None, None, None, "vi", "en"])) if kind in ("project", "allocation") else None
    spec.delimiter = draw(st.sampled_from([",", ";"])) if spec.csv else ","
    spec.text_numbers = spec.csv is not None or draw(st.booleans())
    spec.totals = draw(st.sampled_from(["none", "bottom", "top", "sections"]))
    spec.column_numbers = draw(st.booleans())
    spec.trailer = draw(st.booleans())
    spec.header_depth = draw(st.integers(1, 2))
    spec.total_column = spec.header_depth == 2 and draw(st.booleans())
    spec.merged_labels = spec.csv is None and draw(st.booleans())
    if spec.place == "compound":
        spec.unit, spec.spelling = "trieu_dong", "triệu đồng"
    if spec.csv is None:
        spec.hidden = draw(st.booleans()) and kind == "project"
        spec.include_hidden = spec.hidden and draw(st.booleans())
    if kind in ("project", "template_and_report"):
        count = draw(st.integers(1, 14))
        layouts = ["sections", "letters", "groups", "funding_column"] + ([] if spec.csv else ["merged_funding"])
        spec.layout = draw(st.sampled_from(layouts))
        for i in range(count):
            activity = draw(st.integers(0, len(ACTIVITIES) - 1)) if spec.layout != "letters" else min(i, 10)
            spec.projects.append(Project(
                f"Đề án {i + 1} hỗ trợ cơ sở {draw(st.sampled_from(WORDS))}",
                draw(st.sampled_from(["central", "local"])), ACTIVITIES[activity][0],
                draw(thousandths(5_000, 3_000_000)),
                draw(st.none() | thousandths(1_000, 5_000_000))))
        if spec.layout == "letters":
            for project in spec.projects:
                project.funding = "central"
    else:
        years = list(range(spec.year, spec.year + draw(st.integers(1, 3))))
        if kind == "two_tables":
            years = [spec.year, spec.year + 1]
        if kind == "period_total":
            years = [spec.year]
        for funding in draw(st.sampled_from([["central"], ["local"], ["central", "local"]])):
            for figure in draw(st.sampled_from([["allocated"], ["allocated", "disbursed"]])):
                for year in years:
                    spec.allocations[(funding, figure, year)] = draw(thousandths(50_000, 50_000_000))
    return spec


def _unit_of(spelling: str) -> str:
    from etl.importing.units import unit_named

    return unit_named(spelling).code


# --- rendering -----------------------------------------------------------------------------------------------------

def vi_number(number: Decimal) -> str:
    whole, _, fraction = f"{number.normalize():f}".partition(".")
    return f"{int(whole):,}".replace(",", ".") + ("," + fraction if fraction else "")


def en_number(number: Decimal) -> str:
    whole, _, fraction = f"{number.normalize():f}".partition(".")
    return f"{int(whole):,}" + ("." + fraction if fraction else "")


def compound(mvnd: Decimal) -> str:
    """An amount the way a letter writes it: "1 tỷ 200 triệu 500 nghìn đồng"."""
    ty, rest = divmod(mvnd, 1000)
    trieu, fraction = divmod(rest, 1)
    parts = [(ty, "tỷ"), (trieu, "triệu"), (fraction * 1000, "nghìn")]
    words = [f"{int(n)} {word}" for n, word in parts if n]
    return " ".join(words) + " đồng" if words else "0 triệu đồng"


class Renderer:
    """Writes a Spec as a report: rows of cells, merged ranges, hidden rows; knows which rendering is ambiguous."""

    def __init__(self, spec: Spec):
        self.spec = spec
        self.rows: list[list] = []
        self.merges: list[str] = []
        self.hidden_rows: list[int] = []
        self.numbers: list[str] = []     # every number written as text (their conventions decide the outcome)
        self.unit = UNITS[spec.unit]
        self.total_column = False

    def add(self, cells: list) -> int:
        self.rows.append(cells)
        return len(self.rows)

    def money(self, mvnd: Decimal | None):
        if mvnd is None:
            return None
        number = (mvnd / self.unit.mvnd).normalize()
        if self.spec.place == "compound":
            return compound(mvnd)
        if self.spec.place == "cell":
            text = vi_number(number) if self.spec.csv != "en" else en_number(number)
            self.numbers.append(text)
            return f"{text} {self.spec.spelling}"
        if self.spec.text_numbers:
            text = en_number(number) if self.spec.csv == "en" else vi_number(number)
            self.numbers.append(text)
            return text
        return float(number) if number != number.to_integral_value() else int(number)

    def header_unit(self, text: str) -> str:
        return f"{text} ({self.spec.spelling})" if self.spec.place == "header" else text

    def title(self, year_text: str, what: str) -> None:
        self.add([f"UBND TỈNH {AREAS[self.spec.area]}"])
        self.add(["SỞ CÔNG THƯƠNG"])
        self.add([f"{what} {year_text}"])
        if self.spec.place == "title":
            self.add([None, None, None, f"Đơn vị tính: {self.spec.spelling}"])

    def header(self, cells: list, sub: list | None = None, merges: list[str] = (), money_from: int = 2) -> None:
        if self.spec.place == "header_row":
            cells = cells + [None, f"ĐVT: {self.spec.spelling}"]
        first = self.add(cells)
        if sub is not None:
            self.add(sub)
            for merge in merges:
                self.merges.append(merge.format(r=first, s=first + 1))
        if self.spec.place == "unit_row":
            width = len(sub if sub is not None else cells)
            self.add([None] * money_from + [self.spec.spelling] * (width - money_from))
        if self.spec.column_numbers:
            self.add([f"({i + 1})" for i in range(len(cells))])

    def trailer(self) -> None:
        if self.spec.place == "footnote":
            self.add([])
            self.add([f"Ghi chú: số liệu tính bằng {self.spec.spelling}"])
        if self.spec.trailer:
            self.add([])
            self.add([None, f"{AREAS[self.spec.area].title()}, ngày 15 tháng 01 năm {self.spec.year + 1}"])
            self.add([None, "NGƯỜI LẬP BIỂU", None, "GIÁM ĐỐC"])
            self.add([None, "(Ký, họ tên)"])
            self.add([None, "Nguyễn Văn An", None, "Trần Thị Bình"])

    # -- projects -------------------------------------------------------------------------------------------------
    def projects(self, projects: list[Project]) -> None:
        spec = self.spec
        self.title(f"NĂM {spec.year}", "DANH MỤC ĐỀ ÁN KHUYẾN CÔNG")
        funding_column = spec.layout in ("funding_column", "merged_funding")
        names = ["STT", "Tên đề án"] + (["Nguồn kinh phí"] if funding_column else [])
        money_at = len(names)
        total_column = spec.total_column
        if spec.header_depth == 2:
            letters = "ABCDEFGH"
            fixed = [f"{letters[i]}{{r}}:{letters[i]}{{s}}" for i in range(len(names))]
            below = (["Tổng"] if total_column else []) + ["Kinh phí khuyến công", "Vốn đối ứng"]
            last = money_at + len(below) - 1
            self.header(names + [self.header_unit("Kinh phí")] + [None] * (len(below) - 1),
                        [None] * len(names) + below,
                        fixed + [f"{letters[money_at]}{{r}}:{letters[last]}{{r}}"], money_at)
        else:
            self.header(names + [self.header_unit("Kinh phí khuyến công"), self.header_unit("Vốn đối ứng")],
                        money_from=money_at)
        width = money_at + 2 + total_column
        self.total_column = total_column

        def amounts(group):
            plan = sum((p.plan for p in group), Decimal(0))
            counterparts = [p.counterpart for p in group if p.counterpart is not None]
            counterpart = sum(counterparts, Decimal(0)) if counterparts else None
            whole = [self.money(plan + (counterpart or 0))] if total_column else []
            return whole + [self.money(plan), self.money(counterpart)]

        def row(number, cells):
            return [number] + cells + [None] * (width - 1 - len(cells))

        if spec.totals == "top":
            self.add(row("Tổng cộng", [None] * (money_at - 1) + amounts(projects)))
        if spec.layout in ("sections", "letters"):
            for roman, funding in (("I", "central"), ("II", "local")):
                group = [p for p in projects if p.funding == funding]
                if not group:
                    continue
                self.section_row(row, roman, FUNDING_SECTIONS[funding], money_at,
                                 amounts(group) if spec.totals == "sections" else None)
                activities = list(dict.fromkeys(p.activity for p in group))
                for letter, activity in zip("ABCDEFGHIJK", activities):
                    self.section_row(row, letter, dict(ACTIVITIES)[activity], money_at)
                    for number, project in enumerate((p for p in group if p.activity == activity), start=1):
                        self.project_row(row, number, project, money_at)
                if spec.totals == "sections":
                    self.add(row(f"Cộng {roman}", [None] * (money_at - 1) + amounts(group)))
        elif spec.layout == "groups":
            activities = list(dict.fromkeys(p.activity for p in projects))
            for g, activity in enumerate(activities, start=1):
                group = [p for p in projects if p.activity == activity]
                self.section_row(row, str(g), dict(ACTIVITIES)[activity], money_at,
                                 amounts(group) if spec.totals == "sections" else None)
                for number, project in enumerate(group, start=1):
                    self.project_row(row, f"{g}.{number}", project, money_at)
        else:
            first = None
            previous = None
            for number, project in enumerate(sorted(projects, key=lambda p: p.funding), start=1):
                at = self.project_row(row, number, project, money_at, funding=True)
                if spec.layout == "merged_funding":
                    if project.funding != previous:
                        self.close_merge(first, at - 1)
                        first = at
                    else:
                        self.rows[at - 1][2] = None
                previous = project.funding
            if spec.layout == "merged_funding":
                self.close_merge(first, len(self.rows))
        if spec.totals in ("bottom", "sections") and spec.layout not in ("sections", "letters") or \
                spec.totals == "bottom":
            self.add(row("Tổng cộng", [None] * (money_at - 1) + amounts(projects)))
        self.trailer()

    def close_merge(self, first: int | None, last: int) -> None:
        if first is not None and last > first:
            self.merges.append(f"C{first}:C{last}")

    def project_row(self, row, number, project: Project, money_at: int, funding: bool = False) -> int:
        cells = [project.name] + ([FUNDING_CELLS[project.funding]] if funding else [])
        whole = [self.money(project.plan + (project.counterpart or 0))] if self.total_column else []
        return self.add(row(number, cells + whole + [self.money(project.plan), self.money(project.counterpart)]))

    def section_row(self, row, marker, label, money_at, amounts=None) -> None:
        at = self.add(row(marker, [label] + [None] * (money_at - 2) + (amounts or [])))
        if self.spec.merged_labels and not amounts:
            self.merges.append(f"B{at}:{'ABCDEFGH'[money_at - 1]}{at}")

    # -- allocations ----------------------------------------------------------------------------------------------
    def allocations(self, allocations: dict, year: int | None = None) -> None:
        """Funding sources down, (figure ×) year across."""
        spec = self.spec
        years = sorted({y for _f, _g, y in allocations})
        figures = sorted({g for _f, g, _y in allocations})
        fundings = sorted({f for f, _g, _y in allocations})
        if year is None:
            span = f"NĂM {years[0]}" if len(years) == 1 else f"GIAI ĐOẠN {years[0]}-{years[-1]}"
            self.title(span, "KINH PHÍ KHUYẾN CÔNG")
        columns = [(g, y) for g in figures for y in years]
        names = ["STT", "Nguồn kinh phí"]
        top = []
        for g in figures:
            top += [self.header_unit(FIGURE_HEADERS[g])] + [None] * (len(years) - 1)
        below = [str(y) for _g, y in columns]
        if len(years) == 1 and spec.header_depth == 1:
            self.header(names + [self.header_unit(FIGURE_HEADERS[g]) for g in figures])
        else:
            letters = "ABCDEFGHIJ"
            merges = ["A{r}:A{s}", "B{r}:B{s}"]
            for i, _g in enumerate(figures):
                first = 2 + i * len(years)
                if len(years) > 1:
                    merges.append(f"{letters[first]}{{r}}:{letters[first + len(years) - 1]}{{r}}")
            self.header(names + top, [None, None] + below, merges)
        if spec.totals == "top":
            self.add(["Tổng cộng", None] + [self.money(self.total(allocations, g, y)) for g, y in columns])
        for number, funding in enumerate(fundings, start=1):
            cells = [number, FUNDING_SECTIONS[funding].capitalize()]
            for g, y in columns:
                cells.append(self.money(allocations.get((funding, g, y))))
            self.add(cells)
        if spec.totals in ("bottom", "sections"):
            self.add(["Tổng cộng", None] + [self.money(self.total(allocations, g, y)) for g, y in columns])

    @staticmethod
    def total(allocations: dict, figure: str, year: int) -> Decimal:
        return sum((a for (_f, g, y), a in allocations.items() if (g, y) == (figure, year)), Decimal(0))


def render(spec: Spec) -> tuple[str, bytes, set, str]:
    """(file name, bytes, the rows x as the reader must store them, expected outcome: right | refuse | either)."""
    renderer = Renderer(spec)
    expected: set = set()
    outcome = "right"
    sheets: list[tuple[str, Renderer]] = []
    template_rows = None
    if spec.kind == "project" or spec.kind == "template_and_report":
        projects = list(spec.projects)
        if spec.kind == "template_and_report" and len(projects) > 1:
            template_rows = projects[: len(projects) // 2]
            projects = projects[len(projects) // 2:]
        if spec.hidden:
            struck = Project("Đề án đã hủy ở xã Kỳ Lạc", projects[0].funding, projects[0].activity, Decimal(77), None)
            if spec.include_hidden:
                projects = projects + [struck]
        renderer.projects(projects)
        if spec.hidden:
            at = next(i for i, r in enumerate(renderer.rows, start=1) if len(r) > 1 and r[1] == struck.name) \
                if spec.include_hidden else _insert_hidden(renderer, struck)
            renderer.hidden_rows.append(at)
            outcome = "right" if spec.include_hidden else "refuse"
        for p in projects + (template_rows or []):
            expected.add(("project", p.name, spec.area, spec.year, p.funding if spec.layout != "groups" else None,
                          p.plan, p.counterpart, p.activity if spec.layout in ("sections", "letters", "groups")
                          else None))
        sheets.append(("Bao cao", renderer))
    elif spec.kind == "period_total":
        first = spec.year - 4
        renderer.title(f"TỪ NĂM {first} ĐẾN NĂM {spec.year}", "KINH PHÍ KHUYẾN CÔNG")
        figures = sorted({g for _f, g, _y in spec.allocations})
        renderer.header(["STT", "Nguồn kinh phí"] + [renderer.header_unit(FIGURE_HEADERS[g]) for g in figures])
        for number, funding in enumerate(sorted({f for f, _g, _y in spec.allocations}), start=1):
            renderer.add([number, FUNDING_SECTIONS[funding].capitalize()]
                         + [renderer.money(spec.allocations.get((funding, g, spec.year))) for g in figures])
        renderer.trailer()
        sheets.append(("Bao cao", renderer))
        for (funding, figure, _year), amount in spec.allocations.items():
            expected.add(("allocation", spec.area, first, spec.year, funding, figure, amount))
    elif spec.kind == "allocation":
        renderer.allocations(spec.allocations)
        renderer.trailer()
        sheets.append(("Bao cao", renderer))
        years = sorted({y for _f, _g, y in spec.allocations})
        for (funding, figure, year), amount in spec.allocations.items():
            expected.add(("allocation", spec.area, year, year, funding, figure, amount))
    else:  # two tables in one sheet, one year each
        years = sorted({y for _f, _g, y in spec.allocations})
        for i, year in enumerate(years):
            part = {k: v for k, v in spec.allocations.items() if k[2] == year}
            if i == 0:
                renderer.title(f"NĂM {year}", "KINH PHÍ KHUYẾN CÔNG")
            else:
                renderer.add([])
                renderer.add([])
                renderer.add([f"KINH PHÍ KHUYẾN CÔNG NĂM {year}"])
            renderer.allocations(part, year)
        renderer.trailer()
        sheets.append(("Bao cao", renderer))
        for (funding, figure, year), amount in spec.allocations.items():
            expected.add(("allocation", spec.area, year, year, funding, figure, amount))
    if spec.kind == "two_tables" and spec.place == "footnote":
        outcome = "either"  # a note under the second table does not say it is the first one's unit too
    if spec.csv:
        outcome = _csv_outcome(spec, renderer, outcome)
        name = "bao-cao.csv"
        out = io.StringIO()
        csv.writer(out, delimiter=spec.delimiter, lineterminator="\r\n").writerows(
            [["" if c is None else c for c in r] for r in renderer.rows])
        return name, out.getvalue().encode("utf-8-sig"), expected, outcome
    book = openpyxl.Workbook()
    book.remove(book.active)
    if template_rows:
        sheet = book.create_sheet("DeAn")
        sheet.append(["Tỉnh/Thành phố", "Năm", "Tên đề án", "Nguồn kinh phí", "Kinh phí kế hoạch", "Vốn đối ứng",
                      "Nguồn tài liệu"])
        for p in template_rows:
            sheet.append([AREAS[spec.area].title(), spec.year, p.name, FUNDING_CELLS[p.funding], float(p.plan),
                          None if p.counterpart is None else float(p.counterpart), "QĐ 1"])
        expected -= {e for e in expected if e[1] in {p.name for p in template_rows}}
        expected |= {("project", p.name, spec.area, spec.year, p.funding, p.plan, p.counterpart, None)
                     for p in template_rows}
    for name, rendered in sheets:
        sheet = book.create_sheet(name)
        for row in rendered.rows:
            sheet.append(row)
        for merge in rendered.merges:
            sheet.merge_cells(merge)
        for row in rendered.hidden_rows:
            sheet.row_dimensions[row].hidden = True
    buffer = io.BytesIO()
    book.save(buffer)
    return "bao-cao.xlsx", buffer.getvalue(), expected, outcome


def _insert_hidden(renderer: Renderer, struck: Project) -> int:
    """A struck project left in the sheet as a hidden row, right after the first project."""
    at = next(i for i, r in enumerate(renderer.rows) if len(r) > 1 and isinstance(r[1], str) and r[1].startswith(
        "Đề án "))
    width = len(renderer.rows[at])
    cells = [None] * width
    cells[1] = struck.name
    cells[-2] = renderer.money(struck.plan)
    renderer.rows.insert(at + 1, cells)
    renderer.merges = [_shift(m, at + 2) for m in renderer.merges]
    return at + 2


def _shift(merge: str, from_row: int) -> str:
    import re

    return re.sub(r"([A-Z])(\d+)", lambda m: m.group(1) + str(int(m.group(2)) + (int(m.group(2)) >= from_row)), merge)


def _csv_outcome(spec: Spec, renderer: Renderer, outcome: str) -> str:
    """Whether a CSV's numbers read one way: some number written only one way (1.234,5 or 1,234,567) settles the file;
    numbers that all read both ways, some differently, are refused."""
    from etl.importing.units import number_readings

    differ = proof = False
    for text in renderer.numbers:
        readings = number_readings(text)
        if readings["vi"] is not None and readings["en"] is not None and readings["vi"] != readings["en"]:
            differ = True
        elif (readings["vi"] is None) != (readings["en"] is None):
            proof = True
    return "refuse" if differ and not proof else outcome


# --- the test ------------------------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def codes(real_only_db_path):
    con = duckdb.connect(str(real_only_db_path), read_only=True)
    try:
        return Codes(con)
    finally:
        con.close()


def stored(parsed) -> set:
    rows = set()
    for record in parsed.records:
        v = record.values
        if record.table == "allocation":
            rows.add(("allocation", v["area_id"], v["year_from"], v["year_to"], v["funding_source"], v["figure"],
                      v["amount_mvnd"].normalize()))
        else:
            rows.add(("project", v["name"], v["area_id"], v["year"], v.get("funding_source"),
                      Decimal(v["plan_mvnd"]).normalize(),
                      None if v.get("counterpart_mvnd") is None else Decimal(v["counterpart_mvnd"]).normalize(),
                      v.get("activity_id")))
    return rows


def normal(rows: set) -> set:
    return {tuple(x.normalize() if isinstance(x, Decimal) else x for x in row) for row in rows}


@settings(max_examples=200, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.function_scoped_fixture])
@given(spec=specs())
def test_a_report_reads_back_exactly_or_is_refused_naming_a_cell(codes, spec):
    name, data, expected, outcome = render(spec)
    parsed = parse_file(name, data, codes, options=ReadOptions(include_hidden=spec.include_hidden))
    errors = [p for p in parsed.problems if p.severity == "error"]
    if errors:
        assert outcome in ("refuse", "either"), (spec, [p.format() for p in errors[:5]])
        unnamed = [p.format() for p in errors if p.row is None and p.sheet is None]
        assert not unnamed, unnamed
        return
    assert outcome in ("right", "either"), (spec, "read although it must be refused", sorted(stored(parsed), key=str))
    assert stored(parsed) == normal(expected), (spec, "\n".join(parsed.understood))
