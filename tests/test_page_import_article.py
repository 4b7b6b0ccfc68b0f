"""The Import page's article section (khuyencong/ui/article_import.py), run through dashboard.py with AppTest on a
private copy of the published-figures database: a pasted paragraph's figures proposed beside their sentence with the
deciding words highlighted and the questions asked, accepted, edited or dropped, and loaded through the importer as
the article's file (a source_document with its URL, the quote kept, the load log, the copy in imports/)."""

import duckdb
import pytest
from conftest import as_shown, private_copy, run_page, sign_in

from khuyencong.i18n.labels import t

PAGE = "pages/import_data.py"
PASSWORD = "Mật-khẩu bài viết 3!"
PARAGRAPH = ("Năm 2019, trung tâm được UBND tỉnh Hà Nam giao 1 tỷ đồng kinh phí khuyến công địa phương cho 11 "
             "đề án; kinh phí quốc gia được giao 800 triệu đồng cho 2 đề án. Các cơ sở được hỗ trợ đạt doanh thu "
             "120 tỷ đồng. Năm 2020, tỉnh dự kiến 2,8 tỷ đồng.")
URL = "https://baocongthuong.example/ha-nam-2020"
TITLE = "Hà Nam: 2,8 tỷ đồng cho khuyến công năm 2020"


@pytest.fixture()
def page(real_only_db_path, tmp_path, monkeypatch, browser_cookies):
    """The page in a browser signed in with KC_ADMIN_PASSWORD, on a private copy of the database; (app, path)."""
    monkeypatch.setenv("KC_ADMIN_PASSWORD", PASSWORD)
    db = private_copy(real_only_db_path, tmp_path)
    browser_cookies["kc_unlock"] = sign_in(db, PASSWORD)
    return run_page(db, PAGE), db


def read(app, text=PARAGRAPH, url=URL, title=TITLE):
    app.text_area(key="art_text").input(text)
    app.text_input(key="art_url").input(url)
    app.text_input(key="art_title").input(title)
    app.text_input(key="art_publisher").input("Báo Công Thương")
    next(b for b in app.button if b.label == t("article_read", "vi")).click()
    return app.run()


def widget(app, kind: str, index: int, name: str):
    return next(w for w in getattr(app, kind) if w.key and w.key.endswith(f"_{index}_{name}"))


def texts(app) -> str:
    return "\n".join(e.value for kind in ("markdown", "caption", "warning", "error", "success", "info")
                     for e in app.get(kind))


def test_the_section_is_not_there_before_the_page_is_unlocked(real_only_db_path, monkeypatch, browser_cookies):
    monkeypatch.setenv("KC_ADMIN_PASSWORD", PASSWORD)
    app = run_page(real_only_db_path, PAGE)
    assert t("article_header", "vi") not in [h.value for h in app.subheader]
    assert not [w for w in app.text_area if w.key == "art_text"]


def test_proposals_beside_their_sentence_then_accept_edit_drop_and_load(page):
    app, db = page
    app = read(app)
    assert not app.exception
    shown = texts(app)
    # three money figures; the revenue is left out, the 12 and 2 projects are counts
    assert "**3 số liệu đề xuất.**" in shown
    assert ":red-background[1 tỷ đồng]" in shown and ":orange-background[giao]" in shown
    assert ":green-background[khuyến công địa phương] cho 11 đề án" in shown
    # the third figure names no level where the others do: the reader asks
    assert as_shown(t("extract_q_source_siblings", "vi")) in [as_shown(w.value) for w in app.warning]
    left_out = next(d.value for d in app.dataframe if t("article_col_reason", "vi") in d.value.columns)
    assert list(left_out.iloc[0]) == ["120 tỷ đồng", t("article_reason_revenue", "vi")]

    widget(app, "radio", 0, "decision").set_value("accept")
    widget(app, "radio", 1, "decision").set_value("accept")
    widget(app, "selectbox", 1, "qualifier").set_value("more_than")   # edited before accepting
    widget(app, "radio", 2, "decision").set_value("drop")
    app = app.run()
    app.button(key="art_load").click()
    app = app.run()
    assert not app.exception
    assert t("article_loaded", "vi", count=2, title=TITLE) in texts(app)

    con = duckdb.connect(str(db), read_only=True)
    try:
        rows = con.execute("SELECT a.area_id, a.year_from, a.funding_source, a.figure, a.qualifier, a.amount_mvnd, "
                           "a.value_as_written, a.quote, d.kind, d.url, d.title, d.publisher FROM allocation AS a "
                           "JOIN source_document AS d USING (doc_id) WHERE d.url = ? ORDER BY a.amount_mvnd",
                           [URL]).fetchall()
        logged = con.execute("SELECT file_name, rows FROM load_log WHERE file_name LIKE 'bai-viet-%'").fetchall()
    finally:
        con.close()
    quote = ("Năm 2019, trung tâm được UBND tỉnh Hà Nam giao 1 tỷ đồng kinh phí khuyến công địa phương cho 11 đề "
             "án; kinh phí quốc gia được giao 800 triệu đồng cho 2 đề án.")
    assert [r[:7] for r in rows] == [
        ("ha-nam", 2019, "central", "allocated", "more_than", 800, "800 triệu đồng"),
        ("ha-nam", 2019, "local", "allocated", "exact", 1000, "1 tỷ đồng")]
    assert {r[7:] for r in rows} == {(quote, "article", URL, TITLE, "Báo Công Thương")}
    assert [name for name, _rows in logged] == [n.name for n in (db.parent / "imports").glob("bai-viet-*.csv")]
    assert logged[0][1] == 2


def test_an_accepted_figure_with_an_empty_field_is_named_and_nothing_loads(page):
    app, db = page
    app = read(app)
    widget(app, "radio", 2, "decision").set_value("accept")  # "2,8 tỷ đồng": its source was asked, left empty
    app = app.run()
    app.button(key="art_load").click()
    app = app.run()
    assert t("article_missing_field", "vi", written="2,8 tỷ đồng", field=t("article_field_source", "vi")) in \
        [e.value for e in app.error]
    assert not (db.parent / "imports").exists()


def test_a_reading_needs_the_articles_url_and_title(page):
    app, _db = page
    app = read(app, url="baocongthuong.example/x", title="")
    assert [e.value for e in app.error] == [t("article_need_title", "vi"), t("article_need_url", "vi")]
