"""The Data page as an analyst uses it: the filtered tables, search, and the files its download buttons produce.

The files are produced through the app, as a click produces them (the `downloads` fixture in conftest.py).
"""

import csv
import io
import shutil

import duckdb
import openpyxl
import pytest
from conftest import run_page
from streamlit import dataframe_util

from etl.cubes import refresh_cubes
from khuyencong.render.exports import INFO_SHEET

PAGE = "pages/data.py"
COUNT_SQL = {
    "allocations": "SELECT count(*) FROM allocation WHERE area_id = 'nghe-an' AND year_from <= ? AND year_to >= ? "
                   "AND funding_source = 'local'",
    "stated": "SELECT count(*) FROM stated_figure WHERE area_id = 'nghe-an' AND year_from <= ? AND year_to >= ? "
              "AND (funding_source IS NULL OR funding_source = 'local')",
    "projects": "SELECT count(*) FROM project WHERE area_id = 'nghe-an' AND year BETWEEN ? AND ? "
                "AND (funding_source IS NULL OR funding_source = 'local')",
    "outcomes": "SELECT count(*) FROM outcome WHERE area_id = 'nghe-an' AND year BETWEEN ? AND ?",
}
SHEETS = {"allocations": "Phân bổ kinh phí", "stated": "Tổng do nguồn nêu", "projects": "Đề án", "outcomes": "Kết quả"}
FORMULA_NAMES = ['=HYPERLINK("http://x","y")', "+1+1", "@SUM(A1)", "-2+3", "Nhà máy Hưng Long",
                 "Xưởng\x00 dệt\x1b[2J Tân\x07 Kỳ\x7f"]
PLANS = [None, 0, 5, 12.345, 1234.5, 7]
CONTROL_NAME, CLEANED_NAME = FORMULA_NAMES[-1], "Xưởng dệt[2J Tân Kỳ"


def screen_columns(app) -> list[str]:
    """The table's columns on screen that a file holds: all but the link to the province's profile, which is the
    screen's way to another page (a relative app link means nothing in a spreadsheet)."""
    return [c for c in app.dataframe[0].value.columns if c != "Hồ sơ tỉnh"]


def db_count(path, table: str, years=(2002, 2018)) -> int:
    con = duckdb.connect(str(path), read_only=True)
    try:
        spans = table in ("allocations", "stated")
        return con.execute(COUNT_SQL[table], [years[1], years[0]] if spans else list(years)).fetchone()[0]
    finally:
        con.close()


def show(app, table: str, search: str = ""):
    app.segmented_control(key="dx_table").set_value(table)
    app.text_input(key="dx_search").input(search)
    return app.run()


def projects(app):
    """The projects table (the page opens on allocations)."""
    app.segmented_control(key="dx_table").set_value("projects")
    return app.run()


def display_values(app):
    """What the grid shows in each cell (the styled text), next to the numeric data it sorts by."""
    return dataframe_util.convert_arrow_bytes_to_pandas_df(app.dataframe[0].proto.arrow_data.styler.display_values)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_page_runs_in_both_languages(demo_db_path, lang):
    app = run_page(demo_db_path, PAGE, lang=lang, area="nghe-an")
    assert not app.exception
    assert app.title[0].value == {"vi": "Dữ liệu", "en": "Data"}[lang]
    columns = list(app.dataframe[0].value.columns)
    assert ("Tỉnh/thành phố" in columns) == (lang == "vi") and ("Province/city" in columns) == (lang == "en")


@pytest.mark.parametrize("table", ["allocations", "stated", "projects", "outcomes"])
def test_rows_on_screen_and_in_the_files_equal_a_direct_count(demo_db_path, downloads, table):
    app = show(run_page(demo_db_path, PAGE, demo="1", area="nghe-an", years="2002-2018", source="local"), table)
    expected = db_count(demo_db_path, table)
    assert expected > 0
    assert len(app.dataframe[0].value) == expected
    assert app.markdown[0].value.startswith(f"**{expected:,}".replace(",", "."))
    files = downloads(app)
    slug = {"allocations": "phan-bo", "stated": "tong-do-nguon-neu", "projects": "de-an", "outcomes": "ket-qua"}[table]
    book = openpyxl.load_workbook(io.BytesIO(files[f"khuyen-cong_nghe-an_2002-2018_{slug}.xlsx"]))
    assert book.sheetnames == [SHEETS[table], INFO_SHEET]
    sheet = book[SHEETS[table]]
    assert sheet.max_row - 1 == expected
    assert sheet.freeze_panes == "A2"
    screen, header = screen_columns(app), [c.value for c in sheet[1]]
    if table in ("allocations", "stated"):  # the files split the amount into one column per kind of figure
        at = screen.index("Số tiền (tỷ đồng)")
        kinds = header[at:at + len(header) - len(screen) + 1]
        assert kinds and all(k.endswith("(tỷ đồng)") and " · " in k for k in kinds)
        assert header[:at] + header[at + len(kinds):] == screen[:at] + screen[at + 1:]
    else:
        assert header == screen
    rows = list(csv.reader(io.StringIO(files[f"khuyen-cong_nghe-an_2002-2018_{slug}.csv"][3:].decode(), newline="")))
    assert len(rows) - 1 == expected and rows[0] == header
    semicolon = files[f"khuyen-cong_nghe-an_2002-2018_{slug}-excel-vn.csv"]
    rows = list(csv.reader(io.StringIO(semicolon[3:].decode(), newline=""), delimiter=";"))
    assert len(rows) - 1 == expected and rows[0] == header and {len(r) for r in rows} == {len(header)}
    every = openpyxl.load_workbook(io.BytesIO(files["khuyen-cong_nghe-an_2002-2018_tat-ca-bang.xlsx"]))
    assert every.sheetnames == [*SHEETS.values(), INFO_SHEET]
    assert [every[SHEETS[t]].max_row - 1 for t in SHEETS] == [db_count(demo_db_path, t) for t in SHEETS]


def test_xlsx_money_is_numeric_with_number_formats_and_null_is_empty(demo_db_path, downloads):
    app = projects(run_page(demo_db_path, PAGE, demo="1", area="nghe-an", years="2002-2018"))
    files = downloads(app)
    sheet = openpyxl.load_workbook(io.BytesIO(files["khuyen-cong_nghe-an_2002-2018_de-an.xlsx"]))["Đề án"]
    header = [c.value for c in sheet[1]]
    plan, year = header.index("Vốn đối ứng (triệu đồng)") + 1, header.index("Năm") + 1
    con = duckdb.connect(str(demo_db_path), read_only=True)
    stored = dict(con.execute("SELECT project_id, counterpart_mvnd FROM project WHERE area_id = 'nghe-an' "
                              "AND year BETWEEN 2002 AND 2018").fetchall())
    con.close()
    assert any(v is None for v in stored.values()) and any(v is not None for v in stored.values())
    for row in range(2, sheet.max_row + 1):
        cell, value = sheet.cell(row, plan), stored[sheet.cell(row, 1).value]
        if value is None:
            assert cell.value is None
        else:
            assert (cell.data_type, cell.value) == ("n", float(value))
            assert cell.number_format.startswith("#,##0")
        assert (sheet.cell(row, year).data_type, sheet.cell(row, year).number_format) == ("n", "0")


def test_info_sheet_states_filters_sources_illustrative_time_and_version(demo_db_path, downloads):
    app = projects(run_page(demo_db_path, PAGE, demo="1", area="nghe-an", years="2002-2018", source="local"))
    files = downloads(app)
    info = openpyxl.load_workbook(io.BytesIO(files["khuyen-cong_nghe-an_2002-2018_de-an.xlsx"]))[INFO_SHEET]
    pairs = {r[0]: r[1:] for r in info.iter_rows(values_only=True) if r[0]}
    assert pairs["Địa bàn"][0] == "Nghệ An"
    assert pairs["Giai đoạn"][0] == "2002–2018"
    assert pairs["Nguồn kinh phí"][0] == "Địa phương"
    assert pairs["Có dòng dữ liệu minh họa"][0].startswith("Có")
    assert "không phải số 0" in pairs["Ô trống"][0]
    assert pairs["Phiên bản ứng dụng"][0]
    exported = [r for r in info.iter_rows() if r[0].value == "Thời điểm xuất (giờ Việt Nam, UTC+7)"][0][1]
    assert exported.is_date
    titles = [r[1] for r in info.iter_rows(values_only=True) if r[0] is None and r[1]]
    assert "Nghệ An: 70 tỷ đồng hỗ trợ hoạt động khuyến công" not in titles  # allocations only, not in projects
    real = projects(run_page(demo_db_path, PAGE, area="nghe-an", demo="0"))
    info = openpyxl.load_workbook(io.BytesIO(downloads(real)["khuyen-cong_nghe-an_2002-2025_de-an.xlsx"]))[INFO_SHEET]
    pairs = {r[0]: r[1:] for r in info.iter_rows(values_only=True) if r[0]}
    assert pairs["Có dòng dữ liệu minh họa"][0] == "Không"
    assert pairs["Dữ liệu minh họa"][0] == "không gồm"


@pytest.mark.parametrize(("lang", "expected"), [
    # a table of projects: triệu đồng, the column in one precision (12,345 reads 12,3: within 1 %)
    ("vi", ["không có số liệu", "0,0", "5,0", "12,3", "1.234,5", "7,0"]),
    ("en", ["not reported", "0.0", "5.0", "12.3", "1,234.5", "7.0"]),
])
def test_screen_shows_not_reported_for_null_and_keeps_numbers_sortable(hostile_db, lang, expected):
    app = projects(run_page(hostile_db, PAGE, area="nghe-an", years="2030", lang=lang))
    frame, shown = app.dataframe[0].value, display_values(app)
    column = {"vi": "Kế hoạch (triệu đồng)", "en": "Planned (VND million)"}[lang]
    assert frame[column].dtype.kind == "f"  # numeric, so a click on the header sorts by value
    assert frame[column].isna().tolist() == [True, False, False, False, False, False]
    assert list(shown[column]) == expected
    assert app.dataframe[0].proto.placeholder == expected[0]  # what the grid writes in any empty cell


def test_sentence_above_the_table_states_every_filter(demo_db_path):
    app = show(run_page(demo_db_path, PAGE, area="nghe-an", years="2010-2015", demo="0"), "allocations", "nghe an")
    sentence = app.markdown[0].value
    for part in ("Địa bàn: Nghệ An", "Giai đoạn: 2010–2015", "Nguồn kinh phí: tất cả",
                 "Nội dung: tất cả (không áp dụng cho bảng này)", "Dữ liệu minh họa: không gồm", "Từ khóa: “nghe an”"):
        assert part in sentence
    assert not any("Có dữ liệu minh họa" in c.value for c in app.caption)


@pytest.mark.parametrize("search", ["dao tao nghe", "ĐÀO TẠO NGHỀ", "Đào tạo nghề"])
def test_search_ignores_case_and_accents(demo_db_path, search):
    app = show(run_page(demo_db_path, PAGE, demo="1", area="nghe-an"), "projects", search)
    frame = app.dataframe[0].value
    unfiltered = show(run_page(demo_db_path, PAGE, demo="1", area="nghe-an"), "projects", "").dataframe[0].value
    assert 0 < len(frame) < len(unfiltered)
    assert frame.apply(lambda r: "đào tạo nghề" in " ".join(str(v) for v in r).lower(), axis=1).all()


def test_search_without_match_says_so_and_disables_downloads(demo_db_path):
    app = show(run_page(demo_db_path, PAGE, area="nghe-an"), "projects", "zzzz không có")
    assert not app.dataframe
    assert any("Không có dòng nào" in i.value for i in app.info)
    assert all(b.proto.disabled for b in app.get("download_button") if b.proto.id.endswith(("dx_xlsx", "dx_csv")))


@pytest.fixture()
def hostile_db(demo_db_path, tmp_path):
    """The demo database plus Nghệ An projects whose names a spreadsheet would run as formulas."""
    path = tmp_path / "hostile.duckdb"
    shutil.copy(demo_db_path, path)
    con = duckdb.connect(str(path))
    doc = con.execute("SELECT doc_id FROM project WHERE area_id = 'nghe-an' LIMIT 1").fetchone()[0]
    for i, name in enumerate(FORMULA_NAMES):
        con.execute("INSERT INTO project (project_id, area_id, year, name, funding_source, plan_mvnd, doc_id, "
                    "is_illustrative) VALUES (?, 'nghe-an', 2030, ?, 'local', ?, ?, false)",
                    [f"ZZ-{i}", name, PLANS[i], doc])
    refresh_cubes(con)  # as every writer does (etl/atomic.py)
    con.close()
    return path


def test_formula_like_names_come_out_as_text(hostile_db, downloads):
    app = show(run_page(hostile_db, PAGE, area="nghe-an", years="2030"), "projects", "")
    assert len(app.dataframe[0].value) == len(FORMULA_NAMES)
    files = downloads(app)
    sheet = openpyxl.load_workbook(io.BytesIO(files["khuyen-cong_nghe-an_2030_de-an.xlsx"]))["Đề án"]
    header = [c.value for c in sheet[1]]
    name, plan = header.index("Tên đề án") + 1, header.index("Kế hoạch (triệu đồng)") + 1
    cells = {sheet.cell(r, 1).value: (sheet.cell(r, name), sheet.cell(r, plan)) for r in range(2, sheet.max_row + 1)}
    for i, text in enumerate(FORMULA_NAMES):
        cell, money = cells[f"ZZ-{i}"]
        assert (cell.data_type, cell.value) == ("s", CLEANED_NAME if text == CONTROL_NAME else text)
        assert cell.quotePrefix == (i < 4)
        assert money.value == PLANS[i]
        assert money.data_type == "n" or money.value is None
    assert cells["ZZ-3"][1].number_format == "#,##0.000"
    rows = {r[0]: r for r in csv.reader(io.StringIO(files["khuyen-cong_nghe-an_2030_de-an.csv"][3:].decode(),
                                                    newline=""))}
    for i, text in enumerate(FORMULA_NAMES):
        assert rows[f"ZZ-{i}"][name - 1] == ("'" + text if i < 4 else CLEANED_NAME if text == CONTROL_NAME else text)
        assert rows[f"ZZ-{i}"][plan - 1] == ["", "0", "5", "12.345", "1234.5", "7"][i]


def test_the_files_hold_no_control_characters(hostile_db, downloads):
    files = downloads(show(run_page(hostile_db, PAGE, area="nghe-an", years="2030"), "projects", ""))
    names = [n for n in files if "_2030_de-an" in n]
    assert len(names) == 3   # .xlsx, "," .csv and ";" .csv
    for name in names:
        if name.endswith(".csv"):
            text = files[name].decode("utf-8-sig")
        else:
            sheet = openpyxl.load_workbook(io.BytesIO(files[name]))["Đề án"]
            text = "\n".join(str(c.value) for row in sheet.iter_rows() for c in row if c.value is not None)
        assert CLEANED_NAME in text, name
        assert not [c for c in text if (ord(c) < 32 and c not in "\t\n\r") or ord(c) == 127], name


def test_the_semicolon_csv_opens_in_columns_with_decimal_commas(hostile_db, downloads):
    files = downloads(show(run_page(hostile_db, PAGE, area="nghe-an", years="2030"), "projects", ""))
    data = files["khuyen-cong_nghe-an_2030_de-an-excel-vn.csv"]
    assert data[:3] == b"\xef\xbb\xbf"
    rows = list(csv.reader(io.StringIO(data[3:].decode("utf-8"), newline=""), delimiter=";"))
    header = rows[0]
    assert "Tên đề án" in header and {len(r) for r in rows} == {len(header)}
    plan = header.index("Kế hoạch (triệu đồng)")
    by_id = {r[0]: r for r in rows[1:]}
    assert [by_id[f"ZZ-{i}"][plan] for i in range(len(PLANS))] == ["", "0", "5", "12,345", "1234,5", "7"]


def test_an_excel_sum_of_an_amount_column_adds_one_kind_of_figure(demo_db_path, downloads):
    # Bắc Giang 2016–2020 holds a target (plan) and an executed figure, as period totals, beside annual allocations
    app = show(run_page(demo_db_path, PAGE, area="bac-giang", years="2005-2020"), "allocations")
    files = downloads(app)
    book = openpyxl.load_workbook(io.BytesIO(files["khuyen-cong_bac-giang_2005-2020_phan-bo.xlsx"]))
    sheet = book["Phân bổ kinh phí"]
    header = [c.value for c in sheet[1]]
    rows = [[c.value for c in row] for row in sheet.iter_rows(min_row=2)]
    kind, year_from, year_to = (header.index(h) for h in ("Loại số liệu", "Từ năm", "Đến năm"))
    amounts = [i for i, h in enumerate(header) if h.endswith("(tỷ đồng)")]
    assert len(amounts) >= 3 and "Số tiền (tỷ đồng)" not in header
    assert any("tổng giai đoạn" in header[i] for i in amounts) and any("từng năm" in header[i] for i in amounts)
    for column in amounts:
        filled = [r for r in rows if r[column] is not None]
        assert filled, header[column]
        # every number a SUM of this column adds is of one kind and one span (annual or period total)
        assert len({(r[kind], r[year_from] == r[year_to]) for r in filled}) == 1, header[column]
        assert header[column].startswith(filled[0][kind] + " · ")
    assert all(sum(r[c] is not None for c in amounts) == 1 for r in rows)   # each figure in exactly one column


def test_csv_through_the_app_has_bom_and_exact_vietnamese(demo_db_path, downloads):
    app = show(run_page(demo_db_path, PAGE, demo="1", area="nghe-an", years="2002-2018"), "outcomes", "dao tao nghe")
    data = downloads(app)["khuyen-cong_nghe-an_2002-2018_ket-qua_tim-dao-tao-nghe.csv"]
    assert data[:3] == b"\xef\xbb\xbf"
    assert "Nghệ An".encode() in data and "Đào tạo nghề, truyền nghề".encode() in data
    rows = list(csv.reader(io.StringIO(data[3:].decode("utf-8"), newline="")))
    assert rows[0] == screen_columns(app)
    assert {r[rows[0].index("Tỉnh/thành phố")] for r in rows[1:]} == {"Nghệ An"}


def test_a_long_table_is_shown_a_page_at_a_time_and_downloaded_whole(demo_db_path, downloads):
    total = duckdb.connect(str(demo_db_path), read_only=True).execute("SELECT count(*) FROM project").fetchone()[0]
    assert total > 1000  # three pages of 500
    app = projects(run_page(demo_db_path, PAGE, demo="1", years="2002-2025"))
    assert len(app.dataframe[0].value) == 500
    captions = lambda: " ".join(c.value for c in app.caption)  # noqa: E731
    assert f"Dòng 1–500 trong {total:,}".replace(",", ".") in captions()
    app.number_input(key="dx_page_projects").set_value(3).run()
    last_page = app.dataframe[0].value
    assert len(last_page) == total - 1000
    assert f"Dòng 1.001–{total:,}".replace(",", ".") in captions()
    files = downloads(app)
    name = next(n for n in files if n.endswith("_de-an.xlsx"))
    sheet = openpyxl.load_workbook(io.BytesIO(files[name]), read_only=True)["Đề án"]
    codes = [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert len(codes) == total and list(last_page.iloc[:, 0]) == codes[1000:]


def test_a_table_over_excels_row_limit_is_refused_with_a_reason(demo_db_path, monkeypatch):
    monkeypatch.setattr("khuyencong.figures.data.EXPORT_ROW_LIMIT", 100)
    app = projects(run_page(demo_db_path, PAGE, demo="1", area="nghe-an"))
    assert "quá giới hạn 100 dòng một trang tính của Excel" in app.warning[0].value
    disabled = {b.proto.id.rsplit("-", 1)[-1]: b.proto.disabled for b in app.get("download_button")}
    assert disabled["dx_xlsx"] and disabled["dx_csv"]


@pytest.mark.parametrize(("lang", "none"), [("vi", "không có"), ("en", "none")])
def test_an_empty_note_reads_none_and_not_reported_is_kept_for_figures(real_only_db_path, downloads, lang, none):
    app = run_page(real_only_db_path, PAGE, lang=lang, area="nghe-an", years="2002-2018")
    frame = app.dataframe[0].value
    note = {"vi": "Ghi chú", "en": "Note"}[lang]
    con = duckdb.connect(str(real_only_db_path), read_only=True)
    empty = con.execute("SELECT count(*) FROM allocation WHERE area_id = 'nghe-an' AND note IS NULL "
                        "AND year_from <= 2018 AND year_to >= 2002").fetchone()[0]
    con.close()
    assert empty > 0 and (frame[note] == none).sum() == empty
    assert not frame[note].isna().any()   # so the grid's "không có số liệu" never lands in a note
    files = downloads(app)
    sheet = openpyxl.load_workbook(io.BytesIO(files["khuyen-cong_nghe-an_2002-2018_phan-bo.xlsx"])).worksheets[0]
    header = [c.value for c in sheet[1]]
    notes = [row[header.index(note)] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert notes.count(none) == empty
