"""Hồ sơ tỉnh / Province profile, run through dashboard.py as a reader opens it (?area=…), its deck and picture read
back, the links that reach it from the Data and Compare pages, and the page in a real browser."""

import io
from urllib.parse import parse_qsl, urlsplit

import pandas as pd
import pytest
from conftest import chart_data, run_page, serve_dashboard

PROFILE = "pages/profile.py"
LINK_COLUMN = {"vi": "Hồ sơ tỉnh", "en": "Profile"}


def metrics(app) -> dict[str, str]:
    return {m.label: m.value for m in app.metric}


def figures_table(app) -> pd.DataFrame:
    """The published figures with their documents: the first table of the page."""
    return app.dataframe[0].value


def texts(app) -> str:
    """Everything written on the page in words (markdown, captions, notices), as one string."""
    return "\n".join(e.value for kind in ("markdown", "caption", "info", "warning", "header") for e in app.get(kind))


def chart(app, title_part: str) -> dict:
    return next(c for c in chart_data(app) if title_part in c["layout"]["title"]["text"])


# --- published figures, as the reader sees them -------------------------------------------------------------------

def source_rows(table: str, area: str) -> list[dict]:
    """The rows of data/sources/<table>.csv for one area, as transcribed from its documents."""
    import csv

    from conftest import ROOT

    with (ROOT / "data" / "sources" / f"{table}.csv").open(encoding="utf-8") as handle:
        return [row for row in csv.DictReader(handle) if row["area_id"] == area]


COUNT_LABELS = {"vi": ("Số liệu kinh phí", "Năm có số liệu", "Tài liệu đã công bố", "Đề án trong danh mục"),
                "en": ("Funding figures", "Years reported", "Published documents", "Listed projects (đề án)")}


def counted_in_sources(area: str, lang: str) -> dict[str, str]:
    """The profile's counts of a province, from data/sources/: its money figures (every allocation and every total
    a document states), the years they span, the documents any of its rows cites, its listed projects ("không có số
    liệu" when none)."""
    import csv

    from conftest import ROOT

    money = source_rows("allocation", area) + [r for r in source_rows("stated_figure", area) if r["measure"] == "total"]
    cited = money + source_rows("stated_figure", area) + source_rows("project", area) + source_rows("outcome", area)
    # a row whose status is not a project yet (a proposal under appraisal) is listed but not counted
    with (ROOT / "data" / "reference" / "project_status.csv").open(encoding="utf-8") as handle:
        not_projects = {r["status_id"] for r in csv.DictReader(handle) if r["is_project"] == "false"}
    projects = len([r for r in source_rows("project", area) if r["status"] not in not_projects])
    first, last = min(int(r["year_from"]) for r in money), max(int(r["year_to"]) for r in money)
    values = (str(len(money)), f"{first}–{last}", str(len({r["doc_id"] for r in cited})),
              str(projects) if projects else {"vi": "không có số liệu", "en": "not reported"}[lang])
    return dict(zip(COUNT_LABELS[lang], values))


# (area, lang, header, KPI label -> value, rows of the figures table: years, source, amount, as written, document).
# The latest figures are the documents': Bình Định 2021, 5.024 triệu approved (Làng nghề Việt, 29/07/2021); Nghệ An
# 2018, 4,5 tỷ local (Báo Công Thương, 09/08/2018). The counts are data/sources/'s (counted_in_sources): Bình Định 11
# allocations + 5 stated totals from 8 documents, 2012–2021, no project; Nghệ An 22 + 1 from 3, 2002–2018, no project
# (its 12 rows of 2024 are proposals under appraisal).
PUBLISHED = [
    ("binh-dinh", "vi", "Bình Định (đến 6/2025)",
     # the headline names side and kind (BD10's approved 5.024 triệu of 2021, BD12's executed 21,3 tỷ of 2016–2020);
     # the documents' own project count: 33 đề án in 2021 (BD10)
     {"Kế hoạch · Kế hoạch được duyệt 2021": "5,02 tỷ đồng", "Thực hiện · Thực hiện / đã chi 2016–2020": "21,3 tỷ đồng",
      "Số đề án theo tài liệu": "33 (2021)", **counted_in_sources("binh-dinh", "vi")},
     [("2016–2020", "Trung ương", "≈ 6,8 tỷ đồng", "gần 6,8 tỷ đồng",
       "Bình Định triển khai 270 đề án khuyến công giai đoạn 2016–2020 (Công nghiệp tiêu dùng, 20/08/2020)"),
      ("2012–2016", "Tổng các cấp (tài liệu nêu)", "> 11,44 tỷ đồng", "trên 11,442 tỷ đồng", None),
      ("2016", "Tổng các cấp (tài liệu nêu)", "2,93 tỷ đồng", "2.925 triệu đồng", None),
      ("2016", "Địa phương", "2,03 tỷ đồng", "2.025 triệu đồng", None),
      ("2016", "Trung ương", "900 triệu đồng", "900 triệu đồng", None)]),
    ("nghe-an", "vi", "Nghệ An",
     # NA9's 9 national đề án of 2011–2015 are the only count a document publishes
     {"Kế hoạch · Phân bổ 2018 · Địa phương": "4,5 tỷ đồng", "Số đề án theo tài liệu": "9 (2011–2015, Trung ương)",
      **counted_in_sources("nghe-an", "vi")},
     [("2002–2018", "Tổng các cấp (tài liệu nêu)", "> 70 tỷ đồng", "trên 70 tỷ đồng",
       "Nghệ An: 70 tỷ đồng hỗ trợ hoạt động khuyến công (Báo Công Thương, 09/08/2018)"),
      ("2002–2018", "Địa phương", "53,7 tỷ đồng", "53,7 tỷ đồng", None),
      ("2002–2018", "Trung ương", "16,3 tỷ đồng", "16,3 tỷ đồng", None),
      ("2007", "Địa phương", "4 tỷ đồng", "4 tỷ đồng/năm", None)]),
    ("nghe-an", "en", "Nghệ An",
     {"Plan side · Allocated 2018 · Local": "VND 4.5 bn", **counted_in_sources("nghe-an", "en")},
     [("2002–2018", "All levels (stated total)", "> VND 70 bn", "trên 70 tỷ đồng",
       "Nghệ An: 70 tỷ đồng hỗ trợ hoạt động khuyến công (Báo Công Thương, 9 Aug 2018)"),
      ("2002–2018", "Central", "VND 16.3 bn", "16,3 tỷ đồng", None)]),
]

@pytest.mark.parametrize(("area", "lang", "header", "kpis", "rows"), PUBLISHED, ids=lambda v: v if isinstance(
    v, str) and len(v) < 12 else None)
def test_profile_shows_the_published_figures_with_their_documents(real_only_db_path, area, lang, header, kpis, rows):
    app = run_page(real_only_db_path, PROFILE, area=area, lang=lang)
    assert not app.exception
    assert app.header[0].value == header
    shown = metrics(app)
    for label, value in kpis.items():
        assert shown[label] == value
    table = figures_table(app)
    columns = {"vi": ("Năm", "Nguồn kinh phí", "Số tiền", "Như tài liệu ghi", "Tài liệu"),
               "en": ("Years", "Funding source", "Amount", "As written", "Document")}[lang]
    listed = list(table[list(columns)].itertuples(index=False, name=None))
    for years, source, amount, written, document in rows:
        match = [r for r in listed if r[:4] == (years, source, amount, written)]
        assert match, (years, source, amount, written)
        if document:
            assert match[0][4] == document


def test_plan_and_executed_stand_side_by_side_and_periods_span_their_years(real_only_db_path):
    """Bình Định 2016: the stated 2.925 triệu beside the 900 central and 2.025 local, never stacked; its 2016–2020
    executed totals drawn as bars from 2015.5 to 2020.5, not spread over the years."""
    app = run_page(real_only_db_path, PROFILE, area="binh-dinh")
    annual = chart(app, "kinh phí khuyến công theo năm")
    assert annual["layout"]["barmode"] == "group"
    in_2016 = {trace["name"]: y for trace in annual["data"] for x, y in zip(trace["x"], trace["y"]) if x == 2016}
    assert in_2016 == {"Địa phương · Kế hoạch được duyệt": 2.025, "Trung ương · Kế hoạch được duyệt": 0.9,
                       "Tổng các cấp (tài liệu nêu) · Kế hoạch được duyệt": 2.925}
    periods = chart(app, "tổng giai đoạn")
    spans = {trace["y"][0].replace("<br>", " "): (trace["base"][0], trace["base"][0] + trace["x"][0], trace["text"][0])
             for trace in periods["data"]}
    assert spans["2016–2020 · Trung ương · Thực hiện / đã chi"] == (2015.5, 2020.5, "≈ 6,8 tỷ đồng")
    assert spans["2012–2016 · Tổng các cấp (tài liệu nêu) · Thực hiện / đã chi"] == (2011.5, 2016.5,
                                                                                     "> 11,44 tỷ đồng")
    executed = [trace for trace in periods["data"] if trace["marker"].get("pattern", {}).get("shape") == "/"]
    assert len(executed) == len(periods["data"])  # every period total of Bình Định is on the executed side


@pytest.mark.parametrize(("area", "lang", "sentence"), [
    ("binh-dinh", "vi", "Từ 01/07/2025: Bình Định (đến 6/2025) nhập vào Gia Lai (từ 7/2025), cùng với Gia Lai "
                        "(đến 6/2025) (Nghị quyết 202/2025/QH15"),
    ("binh-dinh", "en", "From 1 Jul 2025: Bình Định (to Jun 2025) merged into Gia Lai (from Jul 2025), together "
                        "with Gia Lai (to Jun 2025)"),
    ("nghe-an", "vi", "Từ 01/07/2025: Nghệ An không thay đổi khi sắp xếp lại đơn vị hành chính cấp tỉnh"),
    ("nghe-an", "en", "From 1 Jul 2025: Nghệ An is unchanged by the reorganisation of provinces"),
])
def test_what_1_july_2025_changed(real_only_db_path, area, lang, sentence):
    app = run_page(real_only_db_path, PROFILE, area=area, lang=lang)
    assert app.info[0].value.startswith(sentence)


def test_an_earlier_merge_has_its_own_date_and_decision(real_only_db_path):
    app = run_page(real_only_db_path, PROFILE, area="ha-noi")
    assert app.info[0].value.endswith(
        "Từ 01/08/2008: Hà Tây (đến 7/2008) nhập vào Hà Nội, Hà Nội giữ tên (Nghị quyết 15/2008/QH12 về việc điều "
        "chỉnh địa giới hành chính thành phố Hà Nội và một số tỉnh có liên quan).")


def test_a_province_no_document_covers_has_a_profile_that_says_so(real_only_db_path):
    """Hà Giang: no figure at all, as the map's grey provinces link here. Its profile opens (the link is not
    dropped as unknown), says 'không có số liệu' and what 1 July 2025 changed."""
    app = run_page(real_only_db_path, PROFILE, area="ha-giang")
    assert not app.exception and not app.get("warning")[1:]  # no notice of an ignored URL value
    assert app.header[0].value == "Hà Giang (đến 6/2025)"
    assert app.warning[0].value.startswith("Hà Giang (đến 6/2025): không có số liệu trong giai đoạn 2002–2025.")
    assert app.info[0].value.startswith("Từ 01/07/2025: Hà Giang (đến 6/2025) nhập vào Tuyên Quang (từ 7/2025), "
                                        "cùng với Tuyên Quang (đến 6/2025)")


def test_a_2025_unit_says_what_it_was_formed_from(demo_db_path):
    app = run_page(demo_db_path, PROFILE, area="hung-yen-2025", demo="1")
    assert app.info[0].value.startswith(
        "Hưng Yên (từ 7/2025) được lập từ 01/07/2025 bằng cách hợp nhất Hưng Yên (đến 6/2025), Thái Bình (đến 6/2025)")


def test_an_area_without_figures_says_so_and_shows_no_zero(demo_db_path):
    """Hưng Yên has only illustrative rows: on published figures alone its profile says 'không có số liệu'."""
    app = run_page(demo_db_path, PROFILE, area="hung-yen")
    assert not app.exception
    assert app.warning[0].value.startswith("Hưng Yên (đến 6/2025): không có số liệu trong giai đoạn 2002–2025.")
    assert not app.metric and not chart_data(app) and not app.dataframe  # no figure, so no 0 anywhere


def test_illustrative_rows_are_flagged_and_counted_apart(demo_db_path):
    import duckdb

    con = duckdb.connect(str(demo_db_path), read_only=True)
    made_up, real = con.execute("SELECT count(*) FILTER (is_illustrative), count(*) FILTER (NOT is_illustrative) "
                                "FROM project WHERE area_id = 'hung-yen'").fetchone()
    con.close()
    assert made_up and not source_rows("project", "hung-yen") and real == 0  # no document gives Hưng Yên a project
    app = run_page(demo_db_path, PROFILE, area="hung-yen", demo="1")
    assert not app.exception
    assert set(figures_table(app)["Minh họa"]) == {"Có"}
    assert "**Có dữ liệu minh họa (không phải số liệu thật).**" in texts(app)
    assert (f"Đề án trong danh mục: **{made_up} dòng** (0 từ tài liệu đã công bố, {made_up} minh họa; dữ liệu thật "
            "xếp trước).") in texts(app)


def test_real_projects_come_before_illustrative_ones(demo_db_path):
    app = run_page(demo_db_path, PROFILE, area="nghe-an", demo="1")
    projects = next(d.value for d in app.dataframe if "Mã đề án" in d.value.columns)
    flags = list(projects["Minh họa"])
    real = len(source_rows("project", "nghe-an"))  # 2 national and 10 local projects of 2024 (Trần Huyền)
    assert real == 12 and flags[:real] == ["Không"] * real and set(flags[real:]) == {"Có"}


def test_place_is_ranked_only_on_a_figure_other_provinces_publish(real_only_db_path):
    app = run_page(real_only_db_path, PROFILE, area="binh-dinh")
    # central executed 2016–2020: Hà Tĩnh > 11 tỷ, Bình Định ≈ 6,8, Hòa Bình 6,5, Bắc Giang 6, Đồng Tháp > 5,3 (DT3r2)
    assert ("Trên số **Thực hiện / đã chi · Trung ương · 2016–2020** (cùng loại số, cùng nguồn, cùng năm; 5 tỉnh công "
            "bố), Bình Định (đến 6/2025) với ≈ 6,8 tỷ đồng xếp **thứ 2/5** trong các tỉnh. Trong vùng Bắc Trung Bộ và "
            "duyên hải miền Trung: thứ 2/2.") in texts(app)
    ranks = next(d.value for d in app.dataframe if "Số liệu so sánh" in d.value.columns)
    assert ranks.iloc[0].tolist()[:4] == ["Thực hiện / đã chi · Trung ương · 2016–2020", "≈ 6,8 tỷ đồng", "thứ 2/5",
                                          "thứ 2/2"]


def test_without_one_area_the_page_offers_a_picker_that_sets_the_url(real_only_db_path):
    app = run_page(real_only_db_path, PROFILE)
    assert not app.exception
    assert app.info[0].value.startswith("Chọn một tỉnh để xem hồ sơ")
    picker = app.selectbox(key="profile_pick")
    assert "Nghệ An · Bắc Trung Bộ & DHMT" in picker.options  # its name, then the region it is listed under
    picker.select("binh-dinh").run()
    assert app.query_params["area"] == "binh-dinh"
    assert app.header[0].value == "Bình Định (đến 6/2025)"


# --- reachable from the tables that name a province ---------------------------------------------------------------

def open_link(db_path, link: str):
    """Follow a relative profile link as the browser does: a new session on profile?…"""
    parts = urlsplit(link)
    assert parts.path == "profile"
    return run_page(db_path, PROFILE, **dict(parse_qsl(parts.query)))


@pytest.mark.parametrize(("page", "params", "lang", "link", "header"), [
    ("pages/data.py", {"area": "nghe-an", "lang": "en"}, "en", "profile?area=nghe-an&lang=en", "Nghệ An"),
    ("pages/compare.py", {}, "vi", "profile?area=nghe-an", "Nghệ An"),
    ("pages/sources.py", {}, "vi", "profile?area=bac-giang", "Bắc Giang (đến 6/2025)"),
], ids=["data", "compare", "sources"])
def test_a_table_row_links_to_the_province_profile(real_only_db_path, page, params, lang, link, header):
    app = run_page(real_only_db_path, page, **params)
    assert not app.exception
    links = {found for d in app.dataframe if LINK_COLUMN[lang] in d.value.columns
             for found in d.value[LINK_COLUMN[lang]] if isinstance(found, str)}
    assert link in links
    profile = open_link(real_only_db_path, link)
    assert not profile.exception
    assert profile.header[0].value == header
    assert profile.metric  # it reached a profile with figures


# --- the deck and the picture, read back ---------------------------------------------------------------------------

@pytest.fixture()
def profile_files(downloads):
    """file name -> bytes of the profile's download buttons, built as a click would."""
    return lambda app: downloads(app, suffixes=("profile_deck", "profile_png"))


@pytest.mark.chromium
def test_deck_and_png_of_the_profile(real_only_db_path, profile_files):
    from PIL import Image
    from pptx import Presentation

    app = run_page(real_only_db_path, PROFILE, area="binh-dinh")
    files = profile_files(app)
    deck_name = "khuyen-cong_ho-so-binh-dinh-den-6-2025_2002-2025.pptx"
    png_name = "khuyen-cong_ho-so-binh-dinh-den-6-2025_2002-2025.png"
    assert set(files) == {deck_name, png_name}
    slides = Presentation(io.BytesIO(files[deck_name])).slides
    text = ["\n".join(s.text_frame.text for s in slide.shapes if s.has_text_frame) for slide in slides]
    assert text[0].startswith("Hồ sơ khuyến công: Bình Định (đến 6/2025)")
    assert "5,02 tỷ đồng" in text[1] and "Kế hoạch · Kế hoạch được duyệt 2021" in text[1]   # kind and side named
    titles = [slide.shapes.title.text for slide in slides]
    assert "Bình Định (đến 6/2025): kinh phí khuyến công theo năm, theo nguồn và loại số" in titles
    assert "Bình Định (đến 6/2025): tổng giai đoạn, vẽ trên các năm của nó" in titles
    assert any("nhập vào Gia Lai (từ 7/2025), cùng với Gia Lai (đến 6/2025)" in s for s in text)
    image = Image.open(io.BytesIO(files[png_name]))
    assert image.format == "PNG" and image.size == (1600, 900)


# --- in a real browser ---------------------------------------------------------------------------------------------

@pytest.mark.chromium
def test_profile_in_a_browser(real_only_db_path, browser):
    from browser_state import open_tab
    from playwright.sync_api import expect

    with serve_dashboard(real_only_db_path) as base:
        page = open_tab(browser, viewport={"width": 1440, "height": 900})
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.goto(f"{base}/profile?area=binh-dinh", wait_until="domcontentloaded", timeout=60000)
        main = page.locator("[data-testid='stMain']")
        expect(main.get_by_role("heading", name="Bình Định (đến 6/2025)")).to_be_visible(timeout=60000)
        expect(main.get_by_text("nhập vào Gia Lai (từ 7/2025), cùng với Gia Lai (đến 6/2025)")).to_be_visible()
        expect(main.get_by_text("5,02 tỷ đồng", exact=True).first).to_be_visible()
        expect(page.locator("[data-testid='stPlotlyChart']")).to_have_count(3, timeout=30000)
        assert "area=binh-dinh" in page.url
        page.goto(f"{base}/profile?area=nghe-an&lang=en", wait_until="domcontentloaded", timeout=60000)
        expect(main.get_by_role("heading", name="Nghệ An")).to_be_visible(timeout=60000)
        expect(main.get_by_text("From 1 Jul 2025: Nghệ An is unchanged")).to_be_visible()
        # From the Data page: the second column of its grid is the row's profile link; a click on a selected link
        # cell opens it in a new tab.
        page.goto(f"{base}/data?area=nghe-an", wait_until="domcontentloaded", timeout=60000)
        grid = page.locator("[data-testid='stDataFrame']").first
        expect(grid).to_be_visible(timeout=60000)
        expect(grid.locator("[role='gridcell']").filter(has_text="profile?area=nghe-an").first).to_be_attached(
            timeout=30000)
        box = grid.bounding_box()
        cell = (box["x"] + 130, box["y"] + 35 + 17)  # header row, then the middle of the first row's link
        page.mouse.click(*cell)
        with page.context.expect_page(timeout=30000) as opened:
            page.mouse.click(*cell)
        profile = opened.value
        expect(profile.get_by_role("heading", name="Nghệ An", exact=True)).to_be_visible(timeout=60000)
        assert profile.url.endswith("/profile?area=nghe-an")
        page.close()
        assert not errors
