"""Key figures, one by one: a "Minh họa" / "Illustrative" badge on each figure that holds illustrative rows and on
none of real rows only; the documents behind each on hover; one figure, one value (the Overview's total against the
Trends page's, the documents count against the Sources page's, counts that follow the funding source, a subtitle
that names the one province in view); the deck's key-figure slide marked as the screen is."""

import io
from urllib.parse import parse_qsl

import duckdb
import pytest
from conftest import run_page
from shown import MONEY, assert_shows

BADGE = {"vi": " :orange-badge[Minh họa]", "en": " :orange-badge[Illustrative]"}
TRENDS, SOURCES = "pages/trends.py", "pages/sources.py"


def key_figures(app) -> dict[str, str]:
    """label as given to st.metric (with its badge when marked) -> value."""
    return {m.label: m.value for m in app.metric}


def metric(app, label: str):
    return next(m for m in app.metric if m.label.removesuffix(BADGE["vi"]).removesuffix(BADGE["en"]) == label)


def unflagged(value: str) -> str:
    """A key figure without its ⚑ (the flag of yearly figures that disagree with a stated period total: Nghệ An's
    60 tỷ of yearly local allocations against the 53,7 tỷ the article states)."""
    return value.removesuffix(" ⚑")


NOT_REPORTED = "không có số liệu"


def nghe_an_in_view(db_path, sources: tuple[str, ...] = ()) -> dict:
    """Nghệ An 2002–2025 with the illustrative data, for a funding source filter (() is every source), straight from
    the tables by the rules the README states: the total adds the annual allocated figures of khuyến công sources and
    a period total none of whose years has an annual figure; the shares divide local and central money of that
    total; a project or an outcome reported without a source counts while a khuyến công source is selected; an
    establishment count over several years is never added; leverage is counterpart over actual money of the
    projects that report both."""
    con = duckdb.connect(str(db_path), read_only=True)
    selected = list(sources) or [r[0] for r in con.execute("SELECT funding_source_id FROM funding_source").fetchall()]
    counts_unsourced = bool(con.execute("SELECT bool_or(is_khuyen_cong) FROM funding_source "
                                        "WHERE list_contains(?, funding_source_id)", [selected]).fetchone()[0])
    try:
        money = dict(con.execute("""
            SELECT a.funding_source, sum(a.amount_mvnd)::DOUBLE
            FROM allocation AS a JOIN funding_source AS s ON s.funding_source_id = a.funding_source
            WHERE a.area_id = 'nghe-an' AND a.figure = 'allocated' AND s.is_khuyen_cong
              AND list_contains(?, a.funding_source) AND a.amount_mvnd IS NOT NULL
              AND (a.year_from = a.year_to OR NOT EXISTS (
                  SELECT 1 FROM allocation AS y
                  WHERE y.area_id = a.area_id AND y.funding_source = a.funding_source AND y.figure = a.figure
                    AND y.year_from = y.year_to AND y.year_from BETWEEN a.year_from AND a.year_to))
            GROUP BY ALL""", [selected]).fetchall())
        # One version of each figure: the total's newest-document rule has nothing to choose here.
        assert con.execute("SELECT count(*) FROM (SELECT 1 FROM allocation WHERE area_id = 'nghe-an' "
                           "GROUP BY area_id, year_from, year_to, funding_source, figure HAVING count(*) > 1)"
                           ).fetchone()[0] == 0
        # a proposal under appraisal (data/reference/project_status.csv: is_project false) is not a project
        projects, counterpart, actual = con.execute("""
            SELECT count(*) FILTER (WHERE status IS NULL OR status NOT IN (
                       SELECT status_id FROM project_status WHERE NOT is_project)),
                   sum(counterpart_mvnd) FILTER (actual_mvnd IS NOT NULL)::DOUBLE,
                   sum(actual_mvnd) FILTER (counterpart_mvnd IS NOT NULL)::DOUBLE
            FROM project WHERE area_id = 'nghe-an'
              AND ((funding_source IS NULL AND $unsourced) OR list_contains($selected, funding_source))""",
            {"unsourced": counts_unsourced, "selected": selected}).fetchone()
        # A year's establishments: the counts in establishments of whole years; none of Nghệ An's years is reported
        # both as a total and in parts by source, so each row counts once.
        establishments = con.execute("""
            SELECT sum(o.actual_value)::DOUBLE
            FROM outcome AS o JOIN indicator AS i USING (indicator_id)
            WHERE o.area_id = 'nghe-an' AND i.unit_vi = 'cơ sở' AND o.period = 'year'
              AND coalesce(o.year_from, o.year) = o.year
              AND ((o.funding_source IS NULL AND $unsourced) OR list_contains($selected, o.funding_source))""",
            {"unsourced": counts_unsourced, "selected": selected}).fetchone()[0]
        assert con.execute("SELECT count(*) FROM (SELECT 1 FROM outcome WHERE area_id = 'nghe-an' "
                           "AND coalesce(year_from, year) = year GROUP BY year, period, indicator_id "
                           "HAVING bool_or(funding_source IS NULL) AND bool_or(funding_source IS NOT NULL))"
                           ).fetchone()[0] == 0
        # the years any of its figures reach (money of every kind, projects, outcomes, stated totals)
        years = con.execute("SELECT min(y0), max(y1) FROM (SELECT year_from AS y0, year_to AS y1 FROM allocation "
                            "WHERE area_id = 'nghe-an' UNION ALL SELECT year, year FROM project WHERE area_id = "
                            "'nghe-an' UNION ALL SELECT coalesce(year_from, year), year FROM outcome WHERE area_id = "
                            "'nghe-an' UNION ALL SELECT year_from, year_to FROM stated_figure WHERE area_id = "
                            "'nghe-an')").fetchone()
    finally:
        con.close()
    both = money.get("local", 0) + money.get("central", 0)
    return {"total": sum(money.values()) / 1000 if money else None,
            "local_share": 100 * money["local"] / both if {"local", "central"} <= set(money) else None,
            "central_share": 100 * money["central"] / both if {"local", "central"} <= set(money) else None,
            "projects": projects or None, "establishments": establishments,
            "leverage": counterpart / actual if actual else None, "years": f"{years[0]}–{years[1]}"}


def documents_of_nghe_an() -> set[str]:
    """The published documents data/sources/ cites for Nghệ An's rows (money, projects, outcomes, stated totals)."""
    import csv

    from conftest import ROOT

    found = set()
    for table in ("allocation", "project", "outcome", "stated_figure"):
        with (ROOT / "data" / "sources" / f"{table}.csv").open(encoding="utf-8") as handle:
            found |= {row["doc_id"] for row in csv.DictReader(handle) if row["area_id"] == "nghe-an"}
    return found


# The Overview's key figures by their labels, and how each is shown (unit; None: a count).
KEY_FIGURE_LABELS = {
    "vi": {"total": "Tổng kinh phí khuyến công", "local_share": "Tỷ trọng địa phương",
           "central_share": "Tỷ trọng Trung ương", "projects": "Đề án trong danh mục",
           "establishments": "Lượt cơ sở được hỗ trợ", "leverage": "Vốn đối ứng / 1 đồng khuyến công"},
    "en": {"total": "Total khuyến công funding", "local_share": "Local share", "central_share": "Central share",
           "projects": "Listed projects (đề án)", "establishments": "Establishment-times supported",
           "leverage": "Counterpart per đồng of support"},
}
# What is published, shown first and without a badge (it counts, it adds nothing)
YEARS_LABEL = {"vi": "Năm có số liệu", "en": "Years with figures"}
UNITS = {"total": MONEY, "local_share": {"vi": "%", "en": "%"}, "central_share": {"vi": "%", "en": "%"},
         "leverage": {"vi": "đồng", "en": "đồng"}}
UNMARKED = {"vi": "Tài liệu nguồn", "en": "Source documents"}


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_overview_figure_with_illustrative_rows_carries_the_badge(demo_db_path, lang):
    """Nghệ An with the illustrative data: every key figure but the documents count holds illustrative rows."""
    expected = nghe_an_in_view(demo_db_path)
    assert None not in expected.values()
    shown = key_figures(run_page(demo_db_path, lang=lang, area="nghe-an", demo="1"))
    for key, label in KEY_FIGURE_LABELS[lang].items():
        value = unflagged(shown[label + BADGE[lang]])
        assert_shows(value, expected[key], lang, UNITS.get(key, {}).get(lang, ""))
    assert shown[YEARS_LABEL[lang]] == expected["years"]
    # Published documents only, so no badge: Báo Công Thương 2018, VEN 2015, the 2024 article by Trần Huyền.
    assert len(documents_of_nghe_an()) == 3
    assert shown[UNMARKED[lang]] == str(len(documents_of_nghe_an()))


def test_a_real_only_view_marks_nothing(demo_db_path):
    app = run_page(demo_db_path, area="nghe-an")
    shown = key_figures(app)
    assert not [label for label in shown if "badge" in label]
    assert shown["Tổng kinh phí khuyến công"] == "76,3 tỷ đồng ⚑"   # ⚑: 60 tỷ yearly against the stated 53,7 tỷ
    assert shown["Đề án trong danh mục"] == "không có số liệu"      # the 12 rows of 2024 are proposals
    assert shown["Lượt cơ sở được hỗ trợ"] == "không có số liệu"


def test_a_figure_without_illustrative_rows_stays_unmarked_beside_marked_ones(demo_db_path):
    # Nghệ An local only, with the illustrative data: no share is computed (one source), so no share is marked
    shown = key_figures(run_page(demo_db_path, area="nghe-an", demo="1", source="local"))
    assert shown["Tỷ trọng địa phương"] == "—"
    assert_shows(unflagged(shown["Tổng kinh phí khuyến công" + BADGE["vi"]]),
                 nghe_an_in_view(demo_db_path, ("local",))["total"], "vi", MONEY["vi"])


@pytest.mark.parametrize(("params", "label", "named", "not_named"), [
    ({"area": "nghe-an"}, "Tổng kinh phí khuyến công",
     ["Tài liệu nguồn:", "- Nghệ An\\: 70 tỷ đồng hỗ trợ hoạt động khuyến công (Báo Công Thương, 09/08/2018)"],
     ["minh họa"]),
    ({"area": "nghe-an", "demo": "1"}, "Lượt cơ sở được hỗ trợ",
     ["- *Dữ liệu minh họa do chương trình tạo (không phải số liệu thật)*"], ["Báo Công Thương"]),
    ({"area": "nghe-an", "demo": "1"}, "Đề án trong danh mục",
     ["- Nghệ An triển khai nhiều giải pháp nâng cao hiệu quả khuyến công (2024)",
      "- *Dữ liệu minh họa do chương trình tạo (không phải số liệu thật)*"], []),
    # all areas: the documents behind the latest project counts 26 provinces publish, one each: 5 named, 21 counted
    ({}, "Số đề án theo tài liệu · 26 tỉnh", ["- và 21 tài liệu khác"], []),
])
def test_the_tooltip_names_the_documents_behind_each_figure(demo_db_path, params, label, named, not_named):
    help_text = metric(run_page(demo_db_path, **params), label).proto.help
    for text in named:
        assert text in help_text.splitlines()
    for text in not_named:
        assert text not in help_text
    assert len([line for line in help_text.splitlines() if line.startswith("- ")]) <= 6


URL = {"vi": {"area": "nghe-an"}, "en": {"area": "nghe-an", "lang": "en"}}  # the shell leaves out the default lang


@pytest.mark.parametrize(("lang", "overview", "trends", "overview_sentence", "trends_sentence", "link_to_trends",
                          "link_to_overview"), [
    ("vi", "76,3 tỷ đồng ⚑", "60 tỷ đồng",
     "Khác với “Tổng các năm có số liệu” ở trang Xu hướng kinh phí (60 tỷ đồng): tổng này cộng cả 16,3 tỷ đồng "
     "tổng giai đoạn (giai đoạn không có số từng năm).",
     "Khác với “Tổng kinh phí khuyến công” ở trang Tổng quan (76,3 tỷ đồng): tổng này chỉ cộng số từng năm, "
     "không cộng 16,3 tỷ đồng tổng giai đoạn.",
     "Tổng các năm có số liệu (Xu hướng kinh phí)", "Tổng kinh phí khuyến công (Tổng quan)"),
    ("en", "VND 76.3 bn ⚑", "VND 60 bn",
     "Differs from “Sum of reported years” on Funding trends (VND 60 bn): this total also adds VND 16.3 bn of period "
     "totals (periods without annual figures).",
     "Differs from “Total khuyến công funding” on the Overview (VND 76.3 bn): this total adds annual figures only, "
     "leaving out VND 16.3 bn of period totals.",
     "Sum of reported years (Funding trends)", "Total khuyến công funding (Overview)"),
])
def test_the_two_totals_say_what_they_include_and_link_to_each_other(
        real_only_db_path, lang, overview, trends, overview_sentence, trends_sentence, link_to_trends,
        link_to_overview):
    params = {"lang": lang, "area": "nghe-an"}
    first = run_page(real_only_db_path, **params)
    assert metric(first, "Tổng kinh phí khuyến công" if lang == "vi" else "Total khuyến công funding"
                  ).value == overview
    # On the Overview the sentence is one of the notes under "Chi tiết" (issue 27: the first screen keeps its chart).
    details = [e for e in first.expander if e.label == ("Chi tiết" if lang == "vi" else "Details")]
    assert overview_sentence in [m.value for e in details for m in e.markdown]
    link = next(p.proto for p in first.get("page_link") if p.proto.label == link_to_trends)
    assert link.page == "trends" and dict(parse_qsl(link.query_string)) == URL[lang]   # the view kept
    second = run_page(real_only_db_path, TRENDS, **params)
    assert metric(second, "Tổng các năm có số liệu" if lang == "vi" else "Sum of reported years").value == trends
    assert trends_sentence in [c.value for c in second.caption]
    back = next(p.proto for p in second.get("page_link") if p.proto.label == link_to_overview)
    assert back.page == "" and dict(parse_qsl(back.query_string)) == URL[lang]   # the Overview is the home page


def test_equal_totals_need_no_sentence(real_only_db_path):
    # Nghệ An 2007–2016: annual local figures only on both pages (the central period total is left out of both)
    app = run_page(real_only_db_path, area="nghe-an", years="2007-2016")
    assert not any(c.value.startswith("Khác với") for c in app.caption)
    assert not [p for p in app.get("page_link") if p.proto.page == "trends"]


@pytest.mark.parametrize("params", [
    {"area": "nghe-an"}, {"area": "nghe-an", "demo": "1"}, {}, {"area": "ha-tinh", "demo": "1"},
    {"area": "nghe-an", "source": "counterpart"}, {"years": "2016-2018", "source": "local"},
])
def test_the_overview_counts_the_documents_the_sources_page_lists(demo_db_path, params):
    overview = metric(run_page(demo_db_path, **params), "Tài liệu nguồn").value
    sources = run_page(demo_db_path, SOURCES, **params)
    caption = next(c.value for c in sources.caption if "tài liệu đã công bố có số liệu trong phạm vi" in c.value)
    assert caption.startswith(f"{overview} tài liệu đã công bố")
    in_view = sources.dataframe[[d.value.columns[0] for d in sources.dataframe].index("Tên tài liệu")].value
    real = in_view[(in_view["Số liệu đang xem"] != "0") & ~in_view["Tên tài liệu"].str.startswith("Dữ liệu minh họa")]
    assert len(real) == int(overview)


@pytest.mark.parametrize("source", [
    "counterpart",    # not khuyến công money: no total, and no count (every count is reported without a source)
    "local",          # counts reported without a source stay in view
    "local,central",
])
def test_counts_follow_the_funding_source_like_the_total(demo_db_path, source):
    expected = nghe_an_in_view(demo_db_path, tuple(source.split(",")))
    app = run_page(demo_db_path, area="nghe-an", demo="1", source=source)
    labels = [("total", "Tổng kinh phí khuyến công", MONEY["vi"]), ("projects", "Đề án trong danh mục", ""),
              ("establishments", "Lượt cơ sở được hỗ trợ", "")]
    for key, label, unit in labels:
        if expected[key] is None:
            assert source == "counterpart" and metric(app, label).value == NOT_REPORTED
        else:
            assert_shows(unflagged(metric(app, label).value), expected[key], "vi", unit)


@pytest.mark.parametrize(("sources", "row_source", "in_view"), [
    ([], None, True), ([], "counterpart", True),
    (["local"], "local", True), (["local"], "central", False), (["local"], None, True),
    (["counterpart"], None, False), (["counterpart"], "counterpart", True), (["counterpart"], "local", False),
    (["counterpart", "central"], None, True),
])
def test_the_rule_of_counts_is_one_macro(real_db, sources, row_source, in_view):
    assert real_db.execute("SELECT count_source_in_view(?::VARCHAR[], ?::VARCHAR)",
                           [sources, row_source]).fetchone()[0] is in_view


def test_projects_and_establishments_read_the_same_macro(demo_db_path):
    con = duckdb.connect(str(demo_db_path), read_only=True)
    schema = con.execute("SELECT macro_definition FROM duckdb_functions() WHERE function_name = 'project_in_view'"
                         ).fetchone()[0]
    con.close()
    assert "count_source_in_view" in schema
    from khuyencong.data.queries import load_sql
    assert "count_source_in_view($sources" in load_sql("establishments_supported")


@pytest.mark.parametrize(("lang", "params", "subtitle"), [
    ("vi", {"years": "2002-2004"}, "Tất cả địa phương (số liệu chỉ có của Nghệ An) · 2002–2004"),
    ("en", {"years": "2002-2004"}, "All areas (figures only from Nghệ An) · 2002–2004"),
    ("vi", {"years": "2010-2010"}, "Tất cả địa phương · 2010"),      # Bình Phước and Nghệ An
    ("vi", {"area": "nghe-an", "years": "2002-2004"}, "Nghệ An · 2002–2004"),
])
def test_the_subtitle_names_the_one_province_in_view(real_only_db_path, lang, params, subtitle):
    app = run_page(real_only_db_path, lang=lang, **params)
    assert app.caption[0].value.startswith(subtitle + " · ")


def _deck(db_path, lang: str, demo: bool):
    """The Overview's key figures of Nghệ An 2002–2025 as the deck's key-figure and quality slides, read back."""
    from pptx import Presentation

    from khuyencong.data.database import Database
    from khuyencong.data.filters import Filters
    from khuyencong.data.queries import database_query
    from khuyencong.figures.overview import deck_summary
    from khuyencong.render.deck import Kpi, build_deck

    filters = Filters(lang=lang, areas=("nghe-an",), include_illustrative=demo)
    kpis, notes = deck_summary(database_query(Database(db_path)), filters)
    deck = build_deck("Kinh phí khuyến công", "Nghệ An", [Kpi(*k) for k in kpis], [], notes, lang)
    return Presentation(io.BytesIO(deck))


CARD_HEIGHT = 914400 * 2.6  # the tallest a key-figure card is (render/deck.py)


def marked_cards(slide) -> dict[str, bool]:
    """Each card's label -> whether the card carries the mark (a text box named kpi_illustrative in the card)."""
    boxes = [s for s in slide.shapes if s.has_text_frame and s.text_frame.text and s.shape_id != slide.shapes.title
             .shape_id]
    marks = [s for s in boxes if s.name == "kpi_illustrative"]
    labels = [s for s in boxes if s.name != "kpi_illustrative" and s.text_frame.paragraphs[0].runs[0].font.size.pt
              == 18]
    return {label.text_frame.text: any(m.left == label.left and 0 < label.top - m.top < CARD_HEIGHT for m in marks)
            for label in labels}


@pytest.mark.parametrize(("lang", "mark", "marked", "quality"), [
    # the deck's six cards: the provinces with figures (a count: never marked), the money and its shares, the listed
    # projects, and the documents' own project count (Nghệ An's is NA9's, published: not marked)
    ("vi", "MINH HỌA", {"Tổng kinh phí khuyến công", "Tỷ trọng địa phương", "Tỷ trọng Trung ương",
                        "Đề án trong danh mục"},
     "Có dữ liệu minh họa (không phải số liệu thật) trong các số chính: Tổng kinh phí khuyến công, Tỷ trọng địa "
     "phương, Tỷ trọng Trung ương, Đề án trong danh mục. Biểu đồ có dữ liệu minh họa mang dấu “MINH HỌA”; biểu đồ "
     "không có dấu chỉ gồm số liệu thật."),
    ("en", "ILLUSTRATIVE", {"Total khuyến công funding", "Local share", "Central share", "Listed projects (đề án)"},
     "Illustrative data (not real figures) is in these key figures: Total khuyến công funding, Local share, Central "
     "share, Listed projects (đề án). Charts that hold illustrative data carry the “ILLUSTRATIVE” mark; charts "
     "without it hold real figures only."),
])
def test_the_deck_marks_the_key_figures_the_screen_marks(demo_db_path, lang, mark, marked, quality):
    deck = _deck(demo_db_path, lang, demo=True)
    cards = marked_cards(deck.slides[1])
    assert {label for label, is_marked in cards.items() if is_marked} == marked
    assert all(s.text_frame.text == mark for s in deck.slides[1].shapes if s.name == "kpi_illustrative")
    texts = [p.text for s in deck.slides[2].shapes if s.has_text_frame for p in s.text_frame.paragraphs]
    assert quality in texts
    assert not any("trong các biểu đồ" in text or "The charts include" in text for text in texts)


def test_the_deck_of_real_figures_marks_none(demo_db_path):
    deck = _deck(demo_db_path, "vi", demo=False)
    cards = marked_cards(deck.slides[1])
    assert len(cards) == 6 and not any(cards.values())
    texts = " ".join(s.text_frame.text for slide in deck.slides for s in slide.shapes if s.has_text_frame)
    assert "minh họa" not in texts.lower()


@pytest.mark.parametrize(("page", "demo", "marked", "unmarked"), [
    ("pages/profile.py", "1", {"Kế hoạch · Phân bổ 2025 · Trung ương + Địa phương", "Số liệu kinh phí",
                               "Năm có số liệu", "Đề án trong danh mục"},
     {"Tài liệu đã công bố", "Nhóm báo cáo khác nhau", "Số đề án theo tài liệu"}),
    ("pages/profile.py", None, set(),
     {"Kế hoạch · Phân bổ 2018 · Địa phương", "Số liệu kinh phí", "Năm có số liệu", "Tài liệu đã công bố",
      "Đề án trong danh mục", "Số đề án theo tài liệu"}),
    (TRENDS, "1", {"Tổng các năm có số liệu", "Số năm có số liệu"}, {"Tăng trưởng bình quân năm"}),  # "—": no figure
    (TRENDS, None, set(), {"Tổng các năm có số liệu", "Số năm có số liệu", "Tăng trưởng bình quân năm"}),
    ("pages/plan_actual.py", "1", {"Kinh phí kế hoạch", "Kinh phí thực hiện", "Thực hiện so với kế hoạch"}, set()),
])
def test_other_pages_mark_their_key_figures_one_by_one(demo_db_path, page, demo, marked, unmarked):
    params = {"area": "nghe-an"} | ({"demo": demo} if demo else {})
    shown = key_figures(run_page(demo_db_path, page, **params))
    for label in marked:
        assert label + BADGE["vi"] in shown
    for label in unmarked:
        assert label in shown
