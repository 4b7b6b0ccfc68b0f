"""The sources and data-quality page, run as Streamlit runs it, and the quality helpers behind its tables."""

import datetime as dt

import pandas as pd
import pytest
from conftest import as_shown, open_app, source_list
from streamlit.testing.v1 import AppTest

from khuyencong.figures.sources import (
    area_name,
    completeness_table,
    doc_ids_of,
    document_date,
    documents_table,
    figures_note,
    kind_label,
    load_log_table,
    reconciliation_table,
    tolerance_status,
)

NGHE_AN_ARTICLE = "Nghệ An: 70 tỷ đồng hỗ trợ hoạt động khuyến công"

# Column names and words as each language shows them.
UI = {
    "vi": {"area": "Tỉnh/thành phố", "source": "Nguồn kinh phí", "local": "Địa phương", "central": "Trung ương",
           "gap": "Chênh lệch", "gap_pct": "Chênh lệch (%)", "stated": "Tổng nguồn nêu", "annual": "Cộng các năm",
           "missing": "Năm thiếu", "status": "Đánh giá", "title": "Tên tài liệu", "publisher": "Cơ quan/báo đăng",
           "date": "Ngày", "file": "Tệp", "beyond": "Vượt ngưỡng", "within": "Trong ngưỡng",
           "no_annual": "Không có số từng năm", "not_reported": "không có số liệu",
           "illustrative": "Có dữ liệu minh họa", "title_page": "Nguồn & chất lượng dữ liệu",
           "figure": "Loại số", "allocated": "Phân bổ"},
    "en": {"area": "Province/city", "source": "Funding source", "local": "Local", "central": "Central",
           "gap": "Gap", "gap_pct": "Gap (%)", "stated": "Stated total", "annual": "Annual sum",
           "missing": "Years missing", "status": "Status", "title": "Title", "publisher": "Publisher",
           "date": "Date", "file": "File", "beyond": "Beyond tolerance", "within": "Within tolerance",
           "no_annual": "No annual figures", "not_reported": "not reported",
           "illustrative": "Includes illustrative data", "title_page": "Sources and data quality",
           "figure": "Figure", "allocated": "Allocated"},
}


@pytest.fixture()
def open_page(demo_db_path):
    """Open the sources page with the given query parameters, as a link would."""

    def _open(**params: str) -> AppTest:
        at = open_app(demo_db_path)
        for key, value in params.items():
            at.query_params[key] = value
        at.switch_page("pages/sources.py")
        return at.run()

    return _open


def table_with(at: AppTest, column: str) -> pd.DataFrame:
    """The first table on the page that has this column."""
    for frame in at.dataframe:
        if column in frame.value.columns:
            return frame.value
    raise AssertionError(f"no table with column {column!r}; tables: {[list(f.value.columns) for f in at.dataframe]}")


def reconciliation_row(at: AppTest, lang: str, source: str) -> pd.Series:
    """The allocated period total of a source (Nghệ An's published executed totals for 2011–2015 sit beside it)."""
    words = UI[lang]
    frame = table_with(at, words["gap"])
    rows = frame[(frame[words["source"]] == words[source]) & (frame[words["figure"]] == words["allocated"])]
    assert len(rows) == 1, frame
    return rows.iloc[0]


def captions(at: AppTest) -> str:
    return "\n".join(as_shown(c.value) for c in at.caption)


def source_lists(at: AppTest) -> str:
    """The items of every "Nguồn (n)" list, as shown."""
    return "\n".join(as_shown(m.value) for e in at.expander if e.label.startswith("Nguồn (") for m in e.markdown)


# --- The page as a user reads it ---------------------------------------------------------------------------------

@pytest.mark.parametrize("params", [
    {"lang": "vi"},
    {"lang": "en"},
    {"area": "nghe-an"},
    {"area": "nghe-an", "lang": "en"},
    {"units": "current", "area": "hung-yen-2025"},
    {"demo": "0", "years": "2002-2018", "source": "central"},
    {"years": "2019-2025", "area": "nghe-an"},
], ids=lambda p: "&".join(f"{k}={v}" for k, v in p.items()))
def test_page_runs_without_exception(open_page, params):
    at = open_page(**params)
    assert not at.exception
    assert at.title[0].value == UI[params.get("lang", "vi")]["title_page"]
    assert len(at.dataframe) >= 3


@pytest.mark.parametrize(("lang", "stated", "annual", "gap", "gap_pct"), [
    ("vi", "53,7 tỷ đồng", "60 tỷ đồng", "-6,3 tỷ đồng", "-11,7%"),
    ("en", "VND 53.7 bn", "VND 60 bn", "VND -6.3 bn", "-11.7%"),
])
def test_reconciliation_shows_the_nghe_an_local_gap_beyond_tolerance(open_page, lang, stated, annual, gap, gap_pct):
    at = open_page(area="nghe-an", lang=lang)
    row = reconciliation_row(at, lang, "local")
    words = UI[lang]
    assert (row[words["stated"]], row[words["annual"]], row[words["gap"]], row[words["gap_pct"]]) == \
        (stated, annual, gap, gap_pct)
    assert row[words["missing"]] == "0"
    assert words["beyond"] in row[words["status"]]


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_reconciliation_central_row_has_no_annual_figures(open_page, lang):
    at = open_page(area="nghe-an", lang=lang)
    row = reconciliation_row(at, lang, "central")
    words = UI[lang]
    assert row[words["stated"]] == ("16,3 tỷ đồng" if lang == "vi" else "VND 16.3 bn")
    assert row[words["annual"]] == words["not_reported"]
    assert row[words["missing"]] == "17"
    assert row[words["status"]] == UI[lang]["no_annual"]


def test_raising_the_tolerance_puts_the_local_gap_within_it(open_page):
    at = open_page(area="nghe-an")
    at.number_input(key="sources_tolerance").set_value(12.0).run()
    assert not at.exception
    assert UI["vi"]["within"] in reconciliation_row(at, "vi", "local")[UI["vi"]["status"]]


@pytest.mark.parametrize(("params", "sources_shown"), [
    ({"area": "nghe-an"}, {"Địa phương", "Trung ương", "Cấp huyện"}),  # district 2011–2015: a published period total
    ({"area": "nghe-an", "source": "central"}, {"Trung ương"}),
    ({"area": "ha-noi"}, set()),
    ({"area": "nghe-an", "years": "2019-2025"}, set()),
])
def test_reconciliation_follows_the_filters(open_page, demo_db, params, sources_shown):
    """The table holds exactly the published period totals of the area whose span meets the selected years, of the
    selected sources (straight from allocation), each with its stated amount; with none, the page says so."""
    from shown import MONEY, assert_shows

    years = [int(y) for y in params.get("years", "2002-2025").split("-")]
    sources = params["source"].split(",") if "source" in params else \
        [r[0] for r in demo_db.execute("SELECT funding_source_id FROM funding_source").fetchall()]
    expected = demo_db.execute("""
        SELECT s.name_vi, k.name_vi, a.year_from || '–' || a.year_to, a.amount_mvnd::DOUBLE / 1000
        FROM allocation AS a JOIN funding_source AS s ON s.funding_source_id = a.funding_source
        JOIN figure_kind AS k ON k.figure_id = a.figure
        WHERE a.area_id = ? AND a.year_from < a.year_to AND NOT a.is_illustrative
          AND a.year_to >= ? AND a.year_from <= ? AND list_contains(?, a.funding_source)
        ORDER BY ALL""", [params["area"], *years, sources]).fetchall()
    assert {row[0] for row in expected} == sources_shown
    at = open_page(**params)
    words = UI["vi"]
    tables = [f.value for f in at.dataframe if words["gap"] in f.value.columns]
    if not expected:
        assert not tables and "Không có tổng giai đoạn nào trong bộ lọc đã chọn." in [i.value for i in at.info]
        return
    assert len(tables) == 1
    shown = tables[0].sort_values([words["source"], words["figure"], "Giai đoạn"])
    assert list(zip(shown[words["source"]], shown[words["figure"]], shown["Giai đoạn"])) == \
        sorted(row[:3] for row in expected)
    name = demo_db.execute("SELECT name_vi FROM area WHERE area_id = ?", [params["area"]]).fetchone()[0]
    assert set(shown[words["area"]]) == {name}
    for text, row in zip(shown[words["stated"]], sorted(expected)):
        assert_shows(text, row[3], "vi", MONEY["vi"])


def test_reconciliation_cites_the_article(open_page):
    at = open_page(area="nghe-an", demo="0")
    # In the collapsed "Nguồn (n)" list, the title a link to its stored copy (the article has no URL).
    assert (f"[{NGHE_AN_ARTICLE}](document?doc=bct-2018-08-09-nghe-an-70-ty) (Báo Công Thương, 09/08/2018)"
            in source_list(at))


@pytest.mark.parametrize(("params", "source", "year", "symbol"), [
    ({"area": "nghe-an"}, "central", "2010", "Σ"),
    ({"area": "nghe-an"}, "local", "2010", "✓"),
    ({"area": "nghe-an", "demo": "1"}, "central", "2020", "✓"),  # illustrative annual figure
    ({"area": "nghe-an", "demo": "0"}, "central", "2020", "—"),
    ({"area": "nghe-an", "demo": "0"}, "local", "2018", "✓"),
    ({"area": "nghe-an", "lang": "en"}, "central", "2010", "Σ"),
])
def test_completeness_marks_each_year(open_page, params, source, year, symbol):
    at = open_page(**params)
    words = UI[params.get("lang", "vi")]
    frame = table_with(at, year)
    row = frame[(frame[words["area"]].str.startswith("Ngh")) & (frame[words["source"]] == words[source])]
    assert row[year].tolist() == [symbol]


def test_completeness_tells_apart_units_that_share_a_name(open_page):
    frame = table_with(open_page(years="2024-2025", source="local", demo="1"), "2025")
    hung_yen = frame[frame["Tỉnh/thành phố"].str.startswith("Hưng Yên")]
    assert hung_yen.set_index("Tỉnh/thành phố")[["2024", "2025"]].to_dict("index") == {
        "Hưng Yên (đến 6/2025)": {"2024": "✓", "2025": "—"},
        "Hưng Yên (từ 7/2025)": {"2024": "—", "2025": "✓"},
    }


def test_completeness_covers_the_selected_years_and_sources_only(open_page):
    at = open_page(area="nghe-an", years="2005-2010", source="local")
    frame = table_with(at, "2005")
    assert list(frame.columns) == ["Tỉnh/thành phố", "Nguồn kinh phí", "Hồ sơ tỉnh", *map(str, range(2005, 2011))]
    assert frame["Hồ sơ tỉnh"].tolist() == ["profile?area=nghe-an"]
    assert frame["Nguồn kinh phí"].tolist() == ["Địa phương"]


@pytest.mark.parametrize(("demo", "says_illustrative"), [("1", True), ("0", False)])
def test_completeness_says_when_illustrative_data_is_shown(open_page, demo, says_illustrative):
    at = open_page(area="nghe-an", demo=demo)
    assert ("Có dữ liệu minh họa" in captions(at)) is says_illustrative
    assert "Σ chỉ có trong tổng giai đoạn" in captions(at)


@pytest.mark.parametrize(("lang", "date"), [("vi", "09/08/2018"), ("en", "9 Aug 2018")])
def test_documents_table_lists_the_nghe_an_article(open_page, lang, date):
    at = open_page(area="nghe-an", lang=lang)
    words = UI[lang]
    frame = table_with(at, words["publisher"])
    # Báo Nghệ An ran the same headline (NA1–NA6, left out as the same figures): the Báo Công Thương article is the one
    row = frame[(frame[words["title"]] == NGHE_AN_ARTICLE) & (frame[words["publisher"]] == "Báo Công Thương")]
    assert len(row) == 1
    assert row.iloc[0][words["date"]] == date


def test_documents_table_marks_the_illustrative_document(open_page):
    frame = table_with(open_page(), "Loại")
    assert "⚠ Dữ liệu minh họa" in set(frame["Loại"])


def test_load_log_is_listed_newest_first(open_page):
    frame = table_with(open_page(), UI["vi"]["file"])
    assert len(frame) > 0
    assert frame["Tệp"].iloc[0] == "demo.py"  # the demo step (etl/demo.py) runs last in a build
    # a viewer reads the files' names, not where they lie on the server (issue 27: paths on an operator's view)
    assert "documents.csv" in set(frame["Tệp"]) and not any("/" in name for name in frame["Tệp"])
    assert set(frame["Trạng thái"]) == {"✓ Thành công"}


def test_vietnamese_view_has_no_english_headers(open_page):
    at = open_page(area="nghe-an")
    headers = {c for frame in at.dataframe for c in frame.value.columns}
    english = {w for w in UI["en"].values()} - {w for w in UI["vi"].values()}
    assert not headers & english
    assert {"Tên tài liệu", "Chênh lệch", "Thời điểm"} <= headers


# --- khuyencong.figures.sources ---------------------------------------------------------------------------------

@pytest.mark.parametrize(("reported", "annual", "gap_pct", "tolerance", "status"), [
    (53700, 60000, -11.73, 1.0, "beyond"),
    (53700, 60000, -11.73, 11.73, "within"),
    (53700, 60000, -11.73, 12.0, "within"),
    (1000, 1005, -0.5, 1.0, "within"),
    (16300, None, None, 1.0, "no_annual"),
    (16300, float("nan"), float("nan"), 1.0, "no_annual"),
    (0, 0, None, 1.0, "within"),
    (0, 500, None, 1.0, "beyond"),
])
def test_tolerance_status(reported, annual, gap_pct, tolerance, status):
    assert tolerance_status(reported, annual, gap_pct, tolerance) == status


def _reconciliation_rows() -> pd.DataFrame:
    return pd.DataFrame({
        "area_name_vi": ["Nghệ An", "Nghệ An"], "area_name_en": ["Nghệ An", "Nghệ An"],
        "funding_source": ["local", "central"], "figure": ["allocated", "allocated"],
        "source_name_vi": ["Địa phương", "Trung ương"], "source_name_en": ["Local", "Central"],  # from funding_source
        "figure_name_vi": ["Phân bổ", "Phân bổ"], "figure_name_en": ["Allocated", "Allocated"],  # from figure_kind
        "year_from": [2002, 2002], "year_to": [2018, 2018],
        "reported_mvnd": [53700.0, 16300.0], "annual_sum_mvnd": [60000.0, None], "gap_mvnd": [-6300.0, None],
        "gap_pct": [-11.73, None], "years_missing": [0, 17],
    })


@pytest.mark.parametrize(("lang", "expected_local", "expected_central"), [
    ("vi", ["Nghệ An", "Địa phương", "2002–2018", "53,7 tỷ đồng", "60 tỷ đồng", "-6,3 tỷ đồng",
            "-11,7%", "0", "⚠ Vượt ngưỡng"],
     ["Nghệ An", "Trung ương", "2002–2018", "16,3 tỷ đồng", "không có số liệu", "không có số liệu",
      "không có số liệu", "17", "Không có số từng năm"]),
    ("en", ["Nghệ An", "Local", "2002–2018", "VND 53.7 bn", "VND 60 bn", "VND -6.3 bn", "-11.7%",
            "0", "⚠ Beyond tolerance"],
     ["Nghệ An", "Central", "2002–2018", "VND 16.3 bn", "not reported", "not reported",
      "not reported", "17", "No annual figures"]),
])
def test_reconciliation_table(lang, expected_local, expected_central):
    table = reconciliation_table(_reconciliation_rows(), 1.0, lang)
    assert table.iloc[0].tolist() == expected_local
    assert table.iloc[1].tolist() == expected_central


def test_reconciliation_table_names_the_figure_kind_once_or_per_row():
    single = _reconciliation_rows()
    assert "Loại số" not in reconciliation_table(single, 1.0, "vi").columns
    assert figures_note(single, "vi") == "Loại số: Phân bổ"
    mixed = single.assign(figure=["allocated", "disbursed"], figure_name_vi=["Phân bổ", "Giải ngân"],
                          figure_name_en=["Allocated", "Disbursed"])
    assert reconciliation_table(mixed, 1.0, "vi")["Loại số"].tolist() == ["Phân bổ", "Giải ngân"]
    assert figures_note(mixed, "en") == "Figures: Allocated, Disbursed"


@pytest.mark.parametrize(("valid_from", "valid_to", "lang", "shown"), [
    (None, None, "vi", "Nghệ An"),
    (None, None, "en", "Nghe An"),
    (dt.date(2025, 7, 1), None, "vi", "Nghệ An (từ 7/2025)"),
    (None, dt.date(2025, 6, 30), "en", "Nghe An (to Jun 2025)"),
    (pd.NaT, pd.NaT, "vi", "Nghệ An"),
])
def test_area_name(valid_from, valid_to, lang, shown):
    assert area_name("Nghệ An", "Nghe An", valid_from, valid_to, lang) == shown


def test_completeness_table_keeps_zero_apart_from_not_reported():
    cells = pd.DataFrame({
        "unit_id": ["x"] * 5, "area_name_vi": ["Tỉnh X"] * 5, "area_name_en": ["Province X"] * 5,
        "funding_source": ["local"] * 5, "source_name_vi": ["Địa phương"] * 5, "source_name_en": ["Local"] * 5,
        "year": [2001, 2002, 2003, 2004, 2005],
        "status": ["reported", "zero", "not_reported", "period", "none"],
    })
    table = completeness_table(cells, "vi")
    assert list(table.columns) == ["Tỉnh/thành phố", "Nguồn kinh phí", "2001", "2002", "2003", "2004", "2005"]
    assert table.iloc[0].tolist() == ["Tỉnh X", "Địa phương", "✓", "0", "?", "Σ", "—"]


def test_completeness_table_has_one_row_per_area_and_source_in_query_order():
    cells = pd.DataFrame({
        "unit_id": ["b", "b", "a", "a"], "area_name_vi": ["Bắc", "Bắc", "An", "An"],
        "area_name_en": ["Bac", "Bac", "An", "An"], "funding_source": ["local", "central", "local", "central"],
        "source_name_en": ["Local", "Central", "Local", "Central"],
        "year": [2010] * 4, "status": ["reported", "period", "none", "zero"],
    })
    table = completeness_table(cells, "en")
    assert table.values.tolist() == [["Bac", "Local", "✓"], ["Bac", "Central", "Σ"], ["An", "Local", "—"],
                                     ["An", "Central", "0"]]


def test_completeness_table_of_nothing_is_empty():
    empty = pd.DataFrame(columns=["unit_id", "area_name_vi", "area_name_en", "funding_source", "source_name_vi",
                                  "source_name_en", "year", "status"])
    assert completeness_table(empty, "vi").empty


def test_documents_table():
    documents = pd.DataFrame({
        "title": [NGHE_AN_ARTICLE, "Bài năm 2016", "Dữ liệu minh họa"],
        "publisher": ["Báo Công Thương", None, "Nhóm phát triển"],
        "published_on": [dt.date(2018, 8, 9), None, None], "date_note": [None, "khoảng 2016", None],
        "url": [None, "https://example.org/a", None], "kind": ["article", "article", "illustrative"],
        "figures_in_view": [19, 0, 4716], "figures_total": [19, 4, 4716],
    })
    table = documents_table(documents, "vi")
    assert table["Ngày"].tolist() == ["09/08/2018", "khoảng 2016", ""]
    assert table["Liên kết"].tolist() == ["", "https://example.org/a", ""]
    assert table["Cơ quan/báo đăng"].tolist() == ["Báo Công Thương", "", "Nhóm phát triển"]
    assert table["Loại"].tolist() == ["Bài báo", "Bài báo", "⚠ Dữ liệu minh họa"]
    assert table["Tổng số liệu"].tolist() == ["19", "4", "4.716"]


@pytest.mark.parametrize(("published_on", "note", "lang", "shown"), [
    (dt.date(2018, 8, 9), None, "vi", "09/08/2018"),
    (dt.date(2018, 8, 9), "ignored", "en", "9 Aug 2018"),
    (None, "2024", "en", "2024"),
    (pd.NaT, None, "vi", ""),
])
def test_document_date(published_on, note, lang, shown):
    assert document_date(published_on, note, lang) == shown


@pytest.mark.parametrize(("kind", "lang", "shown"), [
    ("legal", "vi", "Văn bản pháp luật"), ("statistics", "en", "Statistics"), ("memo", "vi", "memo"),
])
def test_kind_label(kind, lang, shown):
    assert kind_label(kind, lang) == shown


def test_load_log_table_is_newest_first_and_formatted():
    log = pd.DataFrame({
        "loaded_at": [pd.Timestamp("2026-11-23 09:31"), pd.Timestamp("2026-11-24 10:05")],
        "file_name": ["data/sources/allocation.csv", "etl/demo.py"], "sha256": ["abc", None],
        "rows": [19, 4716], "status": ["ok", "error"], "message": ["bảng allocation", None],
    })
    vi = load_log_table(log, "vi")
    assert vi.values.tolist() == [
        # stored in UTC, shown in Vietnam time with the zone
        ["24/11/2026 17:05 (giờ Việt Nam, UTC+7)", "demo.py", "4.716", "✗ Lỗi", ""],
        ["23/11/2026 16:31 (giờ Việt Nam, UTC+7)", "allocation.csv", "19", "✓ Thành công", "bảng allocation"],
    ]
    # the paths on the server only for a signed-in operator
    assert load_log_table(log, "vi", with_operator=True)["Tệp"].tolist() == ["etl/demo.py",
                                                                          "data/sources/allocation.csv"]
    assert load_log_table(log, "en")["Rows"].tolist() == ["4,716", "19"]


def test_doc_ids_of_collects_each_document_once():
    frame = pd.DataFrame({"doc_ids": [["b", "a"], ["a"], []]})
    assert doc_ids_of(frame) == ["a", "b"]


def test_who_loaded_a_file_is_shown_to_a_signed_in_operator_only(db, browser_cookies, monkeypatch):
    """load_log's operator column: an imported file names its operator on the Sources page once the browser is
    signed in, and the column is not there for a viewer."""
    from conftest import run_page, sign_in

    from etl.importer import load_files
    from etl.operators import Operator

    csv = "Tỉnh/Thành phố,Năm,Nguồn kinh phí,Loại số liệu,Số tiền\nCao Bằng,2024,Địa phương,Dự toán,77\n".encode()
    assert load_files(db, [("cao-bang.csv", csv)], operator=Operator("lan", frozenset({"cao-bang"})))[0].ok
    viewer = run_page(db, "pages/sources.py")
    log = table_with(viewer, UI["vi"]["file"])
    assert "cao-bang.csv" in set(log["Tệp"]) and "Người nạp" not in log.columns

    monkeypatch.setenv("KC_ADMIN_PASSWORD", "mat-khau-quan-tri")
    browser_cookies["kc_unlock"] = sign_in(db, "mat-khau-quan-tri")
    operator = run_page(db, "pages/sources.py")
    log = table_with(operator, UI["vi"]["file"])
    who = dict(zip(log["Tệp"], log["Người nạp"]))
    assert who["cao-bang.csv"] == "lan" and who["etl/demo.py"] == ""  # a build's own steps have no operator
