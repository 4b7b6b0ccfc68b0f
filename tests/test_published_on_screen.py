"""What a reader sees of five provinces' published figures, on the default (real) data, in Vietnamese and English:
on the Data page, on the Compare page, and in the .xlsx (read back with openpyxl) and .csv the Data page downloads.

Each figure shows its kind, its qualifier's sign ("> 10,2 tỷ đồng"), its wording as published and its document; a
total a source states is shown beside its parts, never added to them; plan and executed stay two figures.
"""

import csv
import io
import re
from dataclasses import dataclass

import openpyxl
import pytest
from conftest import run_page, shown_table

from khuyencong.i18n.labels import t

DATA, COMPARE = "pages/data.py", "pages/compare.py"
LANGS = ("vi", "en")
SHEETS = {"allocations": "data_table_allocations", "stated": "data_table_stated"}
KINDS = {"allocated": ("Phân bổ", "Allocated"), "approved_plan": ("Kế hoạch được duyệt", "Approved plan"),
         "estimated_executed": ("Ước thực hiện", "Estimated executed"), "disbursed": ("Giải ngân", "Disbursed"),
         "target": ("Mục tiêu / dự kiến", "Target / expected"), "executed": ("Thực hiện / đã chi", "Executed (spent)")}
SIDES = {"allocated": "plan", "approved_plan": "plan", "target": "plan", "estimated_executed": "executed",
         "disbursed": "executed", "executed": "executed"}


@dataclass(frozen=True)
class Figure:
    """One published figure as the Data page and its .xlsx show it."""

    table: str                 # allocations | stated
    kind: str                  # figure_kind code
    amount_mvnd: float
    shown: tuple[str, str]     # the amount as read, vi and en
    written: str               # as the source wrote it
    qualifier: tuple[str, str]  # the qualifier column: sign and name, vi and en
    document: tuple[str, str]  # the document as cited, vi and en
    url: str


EXACT = ("Số chính xác", "Exact")
BD_DOC = ("Bình Định ưu tiên các đề án sử dụng nguyên liệu tại chỗ "
          "(Cục Công Thương địa phương (ARIT), Bộ Công Thương, không ghi ngày)",
          "Bình Định ưu tiên các đề án sử dụng nguyên liệu tại chỗ "
          "(Cục Công Thương địa phương (ARIT), Bộ Công Thương, undated)")
BD_URL = "http://arit.gov.vn/tin-tuc/binh-dinh-uu-tien-cac-de-an-su-dung-nguyen-lieu-tai-cho-5b911ca0_3784"
NB_DOC = ("Ninh Bình: mô hình trình diễn kỹ thuật chiếm ưu thế "
          "(Khuyến công online (Bộ Công Thương), không ghi ngày (khoảng 2020))",
          "Ninh Bình: mô hình trình diễn kỹ thuật chiếm ưu thế "
          "(Khuyến công online (Bộ Công Thương), undated (about 2020))")
NB_URL = "http://khuyencongonline.gov.vn/tin-tuc/ninh-binh-mo-hinh-trinh-dien-ky-thuat-chiem-uu-the-e9714983_372"
LD_PLAN = ("Triển khai 65 đề án khuyến công (Báo Lâm Đồng, 31/07/2017)",
           "Triển khai 65 đề án khuyến công (Báo Lâm Đồng, 31 Jul 2017)")
LD_PLAN_URL = "http://baolamdong.vn/kinhte/201707/trien-khai-65-de-an-khuyen-cong-2830267/"
LD_ESTIMATE = ("Hơn 10 tỷ đồng khuyến công (Báo Lâm Đồng, 26/01/2018)",
               "Hơn 10 tỷ đồng khuyến công (Báo Lâm Đồng, 26 Jan 2018)")
LD_ESTIMATE_URL = "http://baolamdong.vn/kinhte/201801/hon-10-ty-dong-khuyen-cong-2878941/"
BG_PLAN_DOC = ("Bac Giang continues industry promotion (Vietnam Economic News (VEN, Bộ Công Thương), 17/09/2015)",
               "Bac Giang continues industry promotion (Vietnam Economic News (VEN, Bộ Công Thương), 17 Sep 2015)")
BG_PLAN_URL = "http://ven.vn/bac-giang-continues-industry-promotion-20976.html"
BG_DONE_DOC = ("National industry program benefits Bac Giang province (Vietnam Economic News (VEN, Bộ Công Thương), "
               "12/03/2021)",
               "National industry program benefits Bac Giang province (Vietnam Economic News (VEN, Bộ Công Thương), "
               "12 Mar 2021)")
BG_DONE_URL = "http://ven.vn/national-industry-program-benefits-bac-giang-province-44398.html"
DL_DOC = ("Dành tối thiểu 0,1% tổng thu ngân sách cho hoạt động khuyến công (Báo Đắk Lắk, 08/11/2015)",
          "Dành tối thiểu 0,1% tổng thu ngân sách cho hoạt động khuyến công (Báo Đắk Lắk, 8 Nov 2015)")
DL_URL = "https://baodaklak.vn/channel/3483/201511/danh-toi-thieu-01-tong-thu-ngan-sach-cho-hoat-dong-khuyen-cong-2413819"


@dataclass(frozen=True)
class Case:
    name: str
    area: str
    years: str
    figures: tuple[Figure, ...]
    never: tuple[float, ...]   # sums a reader must never be shown (plan + executed, a total + its parts, ...)


CASES = [
    Case("binh-dinh-2016-total-and-parts", "binh-dinh", "2016", (
        Figure("allocations", "approved_plan", 900, ("900 triệu đồng", "VND 900 million"), "900 triệu đồng", EXACT,
               BD_DOC, BD_URL),
        Figure("allocations", "approved_plan", 2025, ("2,025 tỷ đồng", "VND 2.025 bn"), "2.025 triệu đồng", EXACT,
               BD_DOC, BD_URL),
        Figure("stated", "approved_plan", 2925, ("2,925 tỷ đồng", "VND 2.925 bn"), "2.925 triệu đồng", EXACT,
               BD_DOC, BD_URL),
    ), never=(5850,)),
    Case("ninh-binh-2019-more-than", "ninh-binh", "2019", (
        Figure("allocations", "allocated", 10200, ("> 10,2 tỷ đồng", "> VND 10.2 bn"), "hơn 10,2 tỷ đồng",
               ("> Số tối thiểu (hơn)", "> Lower bound (more than)"), NB_DOC, NB_URL),
    ), never=()),
    Case("lam-dong-2017-plan-and-estimate", "lam-dong", "2017", (
        Figure("allocations", "approved_plan", 8850, ("8,85 tỷ đồng", "VND 8.85 bn"), "8,85 tỷ đồng", EXACT,
               LD_PLAN, LD_PLAN_URL),
        Figure("allocations", "approved_plan", 1400, ("1,4 tỷ đồng", "VND 1.4 bn"), "1,4 tỷ đồng", EXACT,
               LD_PLAN, LD_PLAN_URL),
        Figure("allocations", "estimated_executed", 8300, ("8,3 tỷ đồng", "VND 8.3 bn"), "8,3 tỷ đồng", EXACT,
               LD_ESTIMATE, LD_ESTIMATE_URL),
        Figure("allocations", "estimated_executed", 1800, ("1,8 tỷ đồng", "VND 1.8 bn"), "1,8 tỷ đồng", EXACT,
               LD_ESTIMATE, LD_ESTIMATE_URL),
        Figure("allocations", "disbursed", 5065, ("≥ 5,065 tỷ đồng", "≥ VND 5.065 bn"), "5,065 tỷ đồng",
               ("≥ Ít nhất (số đến một thời điểm trong kỳ)", "≥ At least (to a date within the period)"),
               LD_PLAN, LD_PLAN_URL),
    ), never=(20350, 17150, 3200)),
    Case("bac-giang-2016-2020-plan-and-executed", "bac-giang", "2016-2020", (
        Figure("stated", "target", 141350, ("141,35 tỷ đồng", "VND 141.35 bn"), "VND141.35 billion", EXACT,
               BG_PLAN_DOC, BG_PLAN_URL),
        Figure("stated", "executed", 30720, ("> 30,72 tỷ đồng", "> VND 30.72 bn"), "more than VND30.72 billion",
               ("> Số tối thiểu (hơn)", "> Lower bound (more than)"), BG_DONE_DOC, BG_DONE_URL),
    ), never=(172070,)),
    Case("dak-lak-2018-about", "dak-lak", "2018", (
        Figure("allocations", "target", 3500, ("≈ 3,5 tỷ đồng", "≈ VND 3.5 bn"), "khoảng 3,5 tỷ đồng/năm",
               ("≈ Số gần đúng", "≈ Approximate"), DL_DOC, DL_URL),
    ), never=()),
]
IDS = [case.name for case in CASES]


def money_texts(amount_mvnd: float) -> list[str]:
    """How a sum would read if it were shown: 5.850 triệu / 5,85 tỷ (vi), 5,850 million / 5.85 bn (en)."""
    bn = f"{amount_mvnd / 1000:.3f}".rstrip("0").rstrip(".")
    return [f"{bn.replace('.', ',')} tỷ", f"VND {bn} bn", f"{amount_mvnd:,.0f}".replace(",", "."),
            f"{amount_mvnd:,.0f}"]


def years_param(case: Case) -> dict:
    return {"years": case.years} if "-" in case.years else {"year": case.years}


def column(key: str, lang: str) -> str:
    return t(key, lang)


def amount_of(row: dict) -> float:
    """The number of tỷ đồng of a row: its amount column on screen, the one filled amount column of its kind of
    figure in the files."""
    values = [v for k, v in row.items() if str(k).endswith(("(tỷ đồng)", "(VND billion)")) and v not in (None, "")]
    assert len(values) == 1, row
    return float(values[0])


def matching(rows: list[dict], figure: Figure, lang: str) -> dict:
    """The one row of a table showing this figure (by kind and amount)."""
    kind = KINDS[figure.kind][LANGS.index(lang)]
    found = [r for r in rows if r[column("data_col_figure", lang)] == kind
             and abs(amount_of(r) * 1000 - figure.amount_mvnd) < 1e-6]
    assert len(found) == 1, (figure, rows)
    return found[0]


AMOUNT = {"vi": re.compile(r"^(?:([<>≤≥≈]) )?(\d{1,3}(?:\.\d{3})*(?:,(\d+))?) tỷ đồng$"),
          "en": re.compile(r"^(?:([<>≤≥≈]) )?VND (\d{1,3}(?:,\d{3})*(?:\.(\d+))?) bn$")}


def read_amount(text: str, lang: str) -> tuple[str, float, int]:
    """'> 10,2 tỷ đồng' -> ('>', 10.2, 1): the sign, the number of tỷ đồng and its decimals."""
    match = AMOUNT[lang].match(text)
    assert match, text
    number = match[2].replace(".", "").replace(",", ".") if lang == "vi" else match[2].replace(",", "")
    return match[1] or "", float(number), len(match[3] or "")


def check_row(row: dict, figure: Figure, lang: str) -> None:
    i = LANGS.index(lang)
    side = t(f"data_side_{SIDES[figure.kind]}", lang)
    # the amount as read: tỷ đồng with the column's one precision (within 1 %), with the qualifier's sign
    sign, number, _ = read_amount(row[column("data_col_amount_shown", lang)], lang)
    assert sign == (figure.shown[i].split(" ")[0] if figure.shown[i][0] in "<>≤≥≈" else "")
    assert abs(number * 1000 - figure.amount_mvnd) <= figure.amount_mvnd / 100
    assert row[column("data_col_as_written", lang)] == figure.written
    assert row[column("data_col_qualifier", lang)] == figure.qualifier[i]
    assert row[column("data_col_side", lang)] == side
    assert row[column("data_col_doc_url", lang)] == figure.url
    assert row[column("data_col_doc", lang)] == figure.document[i]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_data_page_and_its_files_show_each_figure_with_sign_wording_kind_and_document(real_only_db_path, downloads,
                                                                                      case, lang):
    app = run_page(real_only_db_path, DATA, lang=lang, area=case.area, **years_param(case))
    screens = {}
    for table in ("stated", "allocations"):  # allocations last: every case has some, so its downloads are enabled
        app.segmented_control(key="dx_table").set_value(table).run()
        assert not app.exception
        screens[table] = app.dataframe[0].value.to_dict("records") if app.dataframe else []
    for figure in case.figures:
        check_row(matching(screens[figure.table], figure, lang), figure, lang)
    for table, rows in screens.items():
        # one unit and one precision down the column: never "6 tỷ đồng" above "5,82 tỷ đồng"
        assert len({read_amount(r[column("data_col_amount_shown", lang)], lang)[2] for r in rows}) <= 1, table
        for row in rows:
            assert float(row[column("data_col_amount", lang)]) * 1000 not in case.never, (table, row)
            assert not any(text in str(row[column("data_col_amount_shown", lang)]) for never in case.never
                           for text in money_texts(never))

    files = downloads(app)
    book = openpyxl.load_workbook(io.BytesIO(next(data for name, data in files.items()
                                                  if name.endswith("_tat-ca-bang.xlsx"))))
    sheets = {}
    for table, key in SHEETS.items():
        values = list(book[t(key, lang)].iter_rows(values_only=True))
        sheets[table] = [dict(zip(values[0], row)) for row in values[1:]]
    for figure in case.figures:
        row = matching(sheets[figure.table], figure, lang)
        amounts = [v for k, v in row.items() if k.endswith(("(tỷ đồng)", "(VND billion)")) and v is not None]
        # a number to compute with, in the one column of its kind of figure
        assert len(amounts) == 1 and isinstance(amounts[0], (int, float))
        assert abs(amounts[0] * 1000 - figure.amount_mvnd) < 1e-6
        check_row(row, figure, lang)
    for table, rows in sheets.items():
        assert all(v * 1000 not in case.never for row in rows for k, v in row.items()
                   if k.endswith(("(tỷ đồng)", "(VND billion)")) and v is not None), table
    text = next(data for name, data in files.items() if name.endswith("_phan-bo.csv")).decode("utf-8-sig")
    records = list(csv.DictReader(io.StringIO(text, newline="")))
    for figure in (f for f in case.figures if f.table == "allocations"):
        check_row(matching(records, figure, lang), figure, lang)
    info = "\n".join(str(cell) for row in book["Thông tin"].iter_rows(values_only=True) for cell in row if cell)
    assert t("data_info_qualifier", lang) in info


def as_read(cell) -> str:
    """A st.table cell as the reader sees it: st.table reads Markdown, so the page escapes a leading '>' ('\\>')."""
    return re.sub(r"^\\([>#*+-])", r"\1", str(cell))


def compare_text(app) -> str:
    """Everything the Compare page writes: tables, notes, captions."""
    parts = [as_read(v) for table in app.table for v in table.value.reset_index().to_numpy().ravel()]
    parts += [e.value for group in (app.info, app.caption, app.markdown, app.warning) for e in group]
    return "\n".join(parts)


def compare_total(app, area_label: str, lang: str) -> str:
    import pandas as pd

    # the rows with a figure of the kind compared, then (collapsed) those without one
    table = pd.concat([shown_table(app, i) for i in range(len(app.table))
                       if app.table[i].value.index.name in ("Tỉnh/thành phố", "Province/city")])
    rows = table[[label.endswith(area_label) for label in table.index]]
    assert len(rows) == 1, table.index
    # the total's column, whatever the way of comparing says after its name ("Tổng kinh phí (năm gần nhất)")
    total = next(c for c in table.columns if c.startswith(t("compare_col_total", lang)))
    return as_read(rows.iloc[0][total])


NAMES = {"binh-dinh": ("Bình Định (đến 6/2025)", "Bình Định (to Jun 2025)"),
         "ninh-binh": ("Ninh Bình (đến 6/2025)", "Ninh Bình (to Jun 2025)"),
         "lam-dong": ("Lâm Đồng (đến 6/2025)", "Lâm Đồng (to Jun 2025)"),
         "bac-giang": ("Bắc Giang (đến 6/2025)", "Bắc Giang (to Jun 2025)"),
         "dak-lak": ("Đắk Lắk (đến 6/2025)", "Đắk Lắk (to Jun 2025)")}


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_compare_page_compares_one_kind_and_names_the_others_never_adding_them(real_only_db_path, case, lang):
    app = run_page(real_only_db_path, COMPARE, lang=lang, area=case.area, **years_param(case))
    assert not app.exception
    i = LANGS.index(lang)
    text = compare_text(app)
    assert t("compare_kind_note", lang, kind=KINDS["allocated"][i], side=t("data_side_plan", lang)) in text
    total = compare_total(app, NAMES[case.area][i], lang)
    allocated = [f for f in case.figures if f.kind == "allocated"]
    if allocated:  # the compared kind: its total with the sign its figures share
        assert total == allocated[0].shown[i]
    else:  # another kind only: none under the compared kind, the other one named in the cell and among the others
        assert total.startswith("— · ")
        others = t("compare_other_kinds", lang, items="")[:30]
        note = next(e.value for e in app.info if e.value.startswith(others))
        for figure in case.figures:
            item = note.split(f"{t(f'data_side_{SIDES[figure.kind]}', lang)}: {KINDS[figure.kind][i]} – ")[1]
            assert NAMES[case.area][i] in item.split(";")[0]
    for never in case.never:
        assert not any(shown in text for shown in money_texts(never)), never


@pytest.mark.parametrize(("lang", "total", "items"), [
    ("vi", "30,2 tỷ đồng", ["hơn 10,2 tỷ đồng (Ninh Bình (đến 6/2025) 2019)",
                            "khoảng 7,2 tỷ đồng (Ninh Bình (đến 6/2025) 2020)"]),
    ("en", "VND 30.2 bn", ["> VND 10.2 bn (Ninh Bình (to Jun 2025) 2019)",
                           "≈ VND 7.2 bn (Ninh Bình (to Jun 2025) 2020)"]),
])
def test_compare_total_that_adds_qualified_and_other_figures_says_so(real_only_db_path, lang, total, items):
    app = run_page(real_only_db_path, COMPARE, lang=lang, area="ninh-binh", years="2016-2020")
    app.radio(key="cmp_mode").set_value("absolute").run()   # the sum of the reported years (not the default)
    assert compare_total(app, NAMES["ninh-binh"][LANGS.index(lang)], lang) == total  # mixed: no sign...
    notes = [c.value for c in app.caption if all(item in c.value for item in items)]
    assert len(notes) == 1  # ...and a note listing the figures that are not exact, as written
