"""Totals on the real figures (issue 13) as a reader sees them: regions and the national programme are never added
to provinces, a multi-year or split count is never added into an annual sum, and a total that adds a qualified
figure says so."""

import pytest
from conftest import chart_data, details_notes, run_page

TRENDS = "pages/trends.py"
TOTAL = "Tổng kinh phí khuyến công"
TRENDS_TOTAL = "Tổng các năm có số liệu"


def metrics(app) -> dict[str, str]:
    return {m.label: m.value for m in app.metric}


def labelled(app, label: str) -> str:
    """The value of the key figure whose label starts with `label` (the Overview's total names the provinces it adds
    after it: "Tổng kinh phí khuyến công · Ninh Bình (có số mọi năm 2016–2020)")."""
    return next(v for k, v in metrics(app).items() if k.startswith(label))


def provinces_with_allocations(con) -> str:
    return ",".join(r[0] for r in con.execute(
        "SELECT DISTINCT al.area_id FROM allocation AS al JOIN area AS a USING (area_id) "
        "WHERE a.level = 'province' ORDER BY 1").fetchall())


# --- 1. regions and the national programme are never added to provinces ------------------------------------------

@pytest.mark.parametrize(("page", "label"), [(None, TOTAL), (TRENDS, TRENDS_TOTAL)])
def test_all_areas_total_is_the_sum_over_provinces(real_only_db_path, real_db, page, label):
    """The national 2021 figure (≥ 55,46 tỷ central) and the regional ones stay out of "all areas"."""
    everything = run_page(real_only_db_path, page, demo="0")
    provinces = run_page(real_only_db_path, page, area=provinces_with_allocations(real_db), demo="0")
    assert labelled(everything, label) == labelled(provinces, label)
    assert not everything.exception


def test_the_national_figure_is_shown_alone_when_selected(real_only_db_path):
    national = run_page(real_only_db_path, area="toan-quoc", demo="0")
    # N12: 55,461 tỷ allocated by August 2021 is part of a year, never counted as the whole of it: named, not summed
    assert metrics(national)[TOTAL] == "không có số liệu"
    # in the reader's language, whatever the document's (an English article: "VND55.461 billion")
    assert any("55,46 tỷ đồng (Toàn quốc 2021, đến một thời điểm trong năm 2021)" in note
               for note in details_notes(national))


def test_all_areas_trend_has_no_regional_or_national_bar(real_only_db_path, real_db):
    """2021: the national figure alone would be 55,46 tỷ; the all-areas bar holds the provinces' 2021 figures only."""
    everything = chart_data(run_page(real_only_db_path, TRENDS, demo="0"))[0]
    provinces = chart_data(run_page(real_only_db_path, TRENDS, area=provinces_with_allocations(real_db),
                                    demo="0"))[0]

    def bars(figure):
        return sorted((t.get("name"), x, y) for t in figure["data"] if t.get("type") == "bar"
                      for x, y in zip(t["x"], t["y"]))

    assert bars(everything) == bars(provinces)



def test_plan_actual_all_areas_shows_no_regional_row(demo_db_path):
    """The northern region's H1 2024 consulting revenue is shown when the region is selected, not as "all areas"."""
    def units(app):
        app.selectbox(key="pa_year").set_value(2024).run()
        app.radio(key="pa_period").set_value("H1").run()
        return {u for d in app.dataframe if "Địa phương" in d.value.columns for u in d.value["Địa phương"]}

    assert "Khu vực phía Bắc" not in units(run_page(demo_db_path, "pages/plan_actual.py", demo="1"))
    assert "Khu vực phía Bắc" in units(run_page(demo_db_path, "pages/plan_actual.py", demo="1", area="kv-phia-bac"))

# --- 2. outcome counts: a multi-year count or a part of a reported total is never added into a year's sum ----------

COMPARE = "pages/compare.py"


def ranked_by_projects_outcome(app) -> dict[str, float]:
    """Label -> value drawn on the Compare ranking ordered by the 'đề án' outcome count."""
    app.selectbox(key="cmp_measure").set_value("indicator:de_an").run()
    chart = next(f for f in chart_data(app) if f["layout"]["title"]["text"].startswith("Xếp hạng"))
    return {y.replace("<b>", "").replace("</b>", "").removeprefix("▶ "): x
            for trace in chart["data"] for y, x in zip(trace["y"], trace["x"])}


@pytest.mark.parametrize(("years", "expected"), [
    # Bình Định 2016: total 23 and its local part 20; 2017: total 24, local 20; the 2012–2016 count (86 = 68 + 18)
    # ends in 2016 but spans five years: 23 + 24, not 23 + 20 + 24 + 20 + 86 + 68 + 18.
    ("2016-2017", {"Bình Định (đến 6/2025)": 47.0, "Lâm Đồng (đến 6/2025)": 65.0}),
    # 2019: only a local part (17) is reported, so the part counts; Lâm Đồng 2017's total 65 = 56 local + 9 central.
    ("2017-2019", {"Bình Định (đến 6/2025)": 41.0, "Lâm Đồng (đến 6/2025)": 65.0}),
])
def test_compare_counts_each_annual_outcome_once(real_only_db_path, years, expected):
    app = run_page(real_only_db_path, COMPARE, area="binh-dinh,lam-dong", years=years, demo="0")
    assert ranked_by_projects_outcome(app) == expected


def test_a_multi_year_count_is_not_a_years_establishments(real_only_db_path):
    """Thái Bình's 947 establishments are for 2012–2022 (stored under 2022): no single year reports them."""
    app = run_page(real_only_db_path, area="thai-binh", years="2022-2022", demo="0")
    assert metrics(app)["Lượt cơ sở được hỗ trợ"] == "không có số liệu"


def test_a_multi_year_count_stays_a_row_on_the_data_page(real_only_db_path):
    """Tạp chí Công Thương (TB1–TB5) gives Thái Bình's counts for 2012–2022, stored under 2022: the outcomes table of
    2022 lists each as its own row, as written (947 in all, 58 central, 947 local: the article contradicts itself),
    and never a sum of them (947 + 58 + 947 = 1.952, 58 + 947 = 1.005)."""
    import csv

    from conftest import ROOT

    def rows(name: str) -> list[dict]:
        with (ROOT / "data" / name).open(encoding="utf-8") as handle:
            return list(csv.DictReader(handle))

    indicator = {r["indicator_id"]: r["name_vi"] for r in rows("reference/indicator.csv")}
    expected = sorted((indicator[r["indicator_id"]], float(r["actual_value"]), r["value_as_written"])
                      for r in rows("sources/outcome.csv") if r["area_id"] == "thai-binh" and r["year"] == "2022")
    establishments = [e for e in expected if e[0] == "Cơ sở được hỗ trợ"]
    assert establishments == [("Cơ sở được hỗ trợ", 58.0, "58 cơ sở"), ("Cơ sở được hỗ trợ", 947.0, "947 cơ sở"),
                              ("Cơ sở được hỗ trợ", 947.0, "947 cơ sở CNNT")]
    app = run_page(real_only_db_path, "pages/data.py", area="thai-binh", years="2022-2022", demo="0")
    app.segmented_control(key="dx_table").set_value("outcomes")
    shown = app.run().dataframe[0].value
    listed = sorted(zip(shown["Chỉ tiêu"], shown["Thực hiện"], shown["Số liệu như nguồn ghi"]))
    assert listed == expected  # every count of the year a row of its own, as its document gives it
    assert set(shown["Năm"]) == {2022} and set(shown["Kỳ báo cáo"]) == {"Cả năm"}
    assert not ({1952.0, 1005.0, 1894.0} & set(shown["Thực hiện"]))


# --- 3. a total that adds a qualified figure says so -----------------------------------------------------------------

@pytest.mark.parametrize(("lang", "label", "value"), [
    ("vi", TOTAL, "> 10,2 tỷ đồng"),          # Ninh Bình 2019: "hơn 10,2 tỷ đồng"
    ("en", "Total khuyến công funding", "> VND 10.2 bn"),
])
def test_a_total_of_one_qualified_figure_carries_its_sign(real_only_db_path, lang, label, value):
    app = run_page(real_only_db_path, area="ninh-binh", years="2019-2019", demo="0", lang=lang)
    assert metrics(app)[label] == value
    assert not [i for i in app.info if "chỉ ghi gần đúng" in i.value or "only roughly" in i.value]


def test_a_total_mixing_exact_and_qualified_figures_lists_the_qualified_ones(real_only_db_path):
    # 2016–2020: Ninh Bình reports every year ("hơn" four times, "khoảng" once): added, with no sign of its own
    app = run_page(real_only_db_path, years="2016-2020", demo="0")
    assert labelled(app, TOTAL)[0].isdigit()  # no sign: the figures do not share one qualifier
    note = next(note for note in details_notes(app) if note.startswith(
        "Trong tổng có số nguồn chỉ ghi gần đúng (“trên”, “khoảng”, “gần”…; xem “Số ghi gần đúng” ở Chú giải): "))
    assert "hơn 10,2 tỷ đồng (Ninh Bình (đến 6/2025) 2019)" in note
    assert "khoảng 7,2 tỷ đồng (Ninh Bình (đến 6/2025) 2020)" in note


def test_an_exact_total_has_no_sign_and_no_note(real_only_db_path):
    app = run_page(real_only_db_path, area="nghe-an", years="2007-2016", source="local", demo="0")
    # ⚑: these yearly figures are among those that add up to 60 tỷ against the 53,7 tỷ the article states for
    # 2002–2018; a flag, not a qualifier's sign
    assert metrics(app)[TOTAL] == "40 tỷ đồng ⚑"
    assert not [i for i in app.info if "không chính xác" in i.value]


def test_trend_hover_shows_the_qualifier_of_each_bar(real_only_db_path):
    app = run_page(real_only_db_path, TRENDS, area="ninh-binh", demo="0")
    hover = {(t["name"], x): c[0] for t in chart_data(app)[0]["data"] if t.get("customdata")
             for x, c in zip(t["x"], t["customdata"])}
    state = "Ngân sách nhà nước (không nêu cấp)"
    assert hover[(state, 2019)] == "> 10,2 tỷ đồng"
    assert hover[(state, 2020)] == "≈ 7,2 tỷ đồng"
    assert hover[("Tổng", 2019)] == "> 10,2 tỷ đồng"


# --- 4. the dashboard opens on published figures only ---------------------------------------------------------------

@pytest.mark.parametrize("page", [None, TRENDS, COMPARE, "pages/outcomes.py", "pages/plan_actual.py", "pages/data.py",
                                  "pages/sources.py"])
def test_the_default_view_shows_no_illustrative_data(demo_db_path, real_only_db_path, page):
    """No URL parameters on the database `make run` serves: the same page as on the real-only database."""
    default = run_page(demo_db_path, page)
    assert not default.exception
    assert not default.sidebar.toggle[0].value
    assert not any("minh họa" in c.value for c in default.caption)
    real = run_page(real_only_db_path, page)
    assert [m.value for m in default.metric if not m.label.startswith("Nạp dữ liệu lần cuối")] == [
        m.value for m in real.metric if not m.label.startswith("Nạp dữ liệu lần cuối")]


def test_demo_1_opts_in_and_says_so(demo_db_path):
    app = run_page(demo_db_path, area="ha-tinh", demo="1")
    assert app.sidebar.toggle[0].value
    assert any("Có dữ liệu minh họa" in c.value for c in app.caption)


# --- 4. two versions of one figure are both kept, a sum counts the newest only ----------------------------------

@pytest.fixture(scope="module")
def with_second_version(tmp_path_factory):
    """The bundled data plus a later document that gives Nghệ An's 2010 local allocation as 4,5 tỷ (the 2018
    article says 4 tỷ): the same area, year, source and kind from two documents."""
    import shutil

    from conftest import ROOT, run_etl

    data = tmp_path_factory.mktemp("versions") / "data"
    shutil.copytree(ROOT / "data", data, ignore=shutil.ignore_patterns("*.duckdb*", "imports", "templates"))
    with (data / "sources" / "documents.csv").open("a", encoding="utf-8") as handle:
        handle.write("test-nghe-an-2020,Báo cáo thử: kinh phí khuyến công Nghệ An 2010,Sở Công Thương,2020-01-15,"
                     "https://example.org/nghe-an-2010,,,article,\n")
    with (data / "sources" / "allocation.csv").open("a", encoding="utf-8") as handle:
        handle.write("nghe-an,2010,2010,local,allocated,4500,test-nghe-an-2020,,,exact,\"4,5 tỷ đồng\",,\n")
    db = data.parent / "kc.duckdb"
    result = run_etl("build", "--no-demo", "--db", str(db), env={"KC_DATA_DIR": str(data)})
    assert result.returncode == 0, result.stdout + result.stderr
    return db


@pytest.mark.parametrize(("page", "label"), [(None, TOTAL), (TRENDS, TRENDS_TOTAL)])
def test_the_newest_version_counts_never_both(with_second_version, page, label):
    app = run_page(with_second_version, page, area="nghe-an", years="2010-2010", source="local")
    # not 8,5 tỷ (both) and not 4 tỷ (the older article); ⚑ as the year lies in the disputed 2002–2018 local total
    assert metrics(app)[label].removesuffix(" ⚑") == "4,5 tỷ đồng"


def test_both_versions_stay_in_the_database(with_second_version):
    import duckdb

    with duckdb.connect(str(with_second_version), read_only=True) as con:
        rows = con.execute("SELECT amount_mvnd, version_rank, versions FROM allocation JOIN v_allocation_version "
                           "USING (area_id, year_from, year_to, funding_source, figure, doc_id) "
                           "WHERE area_id = 'nghe-an' AND year_from = 2010 AND funding_source = 'local' "
                           "ORDER BY version_rank").fetchall()
    assert [(float(a), r, n) for a, r, n in rows] == [(4500.0, 1, 2), (4000.0, 2, 2)]
