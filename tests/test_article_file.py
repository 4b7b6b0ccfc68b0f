"""Figures accepted from an article go through the importer as the article's file (etl/extract/article_file.py,
etl/importing/documents.py): the article is their source_document with its URL, title, publisher and date; each
row keeps its qualifier, its words as published and its sentence; the load is logged, kept in imports/, replayed by
a rebuild, and undone by removing the file and rebuilding. A file that names its document wrongly is refused naming
the cell, and nothing is loaded."""

from datetime import date
from decimal import Decimal

import duckdb
import pytest
from conftest import private_copy, quiet

from etl.build import build_database
from etl.extract.article_file import AcceptedFigure, Article, article_csv, earlier_rows, file_name
from etl.importer import check_files, imports_dir_for, load_files
from khuyencong.i18n.labels import t

ARTICLE = Article("Hà Tĩnh bố trí 1,65 tỷ đồng cho hoạt động khuyến công", "https://kinhte.example/ha-tinh-2022",
                  "Kinh tế đô thị", date(2022, 3, 5))
QUOTE = "Theo kế hoạch khuyến công địa phương năm 2022, tỉnh bố trí 1,65 tỷ đồng cho các đề án khuyến công."
LOCAL_2022 = AcceptedFigure("ha-tinh", 2022, 2022, "local", "approved_plan", "exact", Decimal("1650"), "1,65 tỷ đồng",
                            QUOTE)
CENTRAL_2022 = AcceptedFigure("ha-tinh", 2022, 2022, "central", "allocated", "more_than", Decimal("0.5"),
                              "hơn 500 nghìn đồng", "Kinh phí khuyến công quốc gia hơn 500 nghìn đồng.")
ROWS = ("SELECT a.area_id, a.year_from, a.funding_source, a.figure, a.qualifier, a.amount_mvnd, a.value_as_written, "
        "a.quote, d.kind, d.title, d.publisher, d.published_on, d.url FROM allocation AS a JOIN source_document AS d "
        "USING (doc_id) WHERE d.url = ? ORDER BY a.amount_mvnd")


def rows(db) -> list[tuple]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(ROWS, [ARTICLE.url]).fetchall()
    finally:
        con.close()


def expected(*figures: AcceptedFigure) -> list[tuple]:
    return [(f.area_id, f.year_from, f.funding_source, f.figure, f.qualifier, f.amount_mvnd, f.value_as_written,
             f.quote, "article", ARTICLE.title, ARTICLE.publisher, ARTICLE.published_on, ARTICLE.url)
            for f in sorted(figures, key=lambda f: f.amount_mvnd)]


@pytest.fixture()
def db(real_only_db_path, tmp_path):
    return private_copy(real_only_db_path, tmp_path)


def test_accepted_figures_load_as_the_articles_document_and_a_rebuild_keeps_them(db):
    name = file_name(ARTICLE)
    reports = load_files(db, [(name, article_csv(ARTICLE, [LOCAL_2022, CENTRAL_2022]))])
    assert [p for r in reports for p in r.problems if p.severity == "error"] == []
    assert rows(db) == expected(LOCAL_2022, CENTRAL_2022)
    con = duckdb.connect(str(db), read_only=True)
    try:
        assert con.execute("SELECT rows, status FROM load_log WHERE file_name = ?", [name]).fetchall() == \
            [(2, "ok")]
    finally:
        con.close()
    assert (imports_dir_for(db) / name).is_file()

    build_database(db, with_demo=False, progress=quiet)
    assert rows(db) == expected(LOCAL_2022, CENTRAL_2022)

    (imports_dir_for(db) / name).unlink()  # undone like any load: the file leaves imports/, the next build drops it
    build_database(db, with_demo=False, progress=quiet)
    assert rows(db) == []


def test_figures_accepted_later_from_the_same_article_join_its_file(db):
    first = article_csv(ARTICLE, [LOCAL_2022])
    corrected = AcceptedFigure(**{**LOCAL_2022.__dict__, "amount_mvnd": Decimal("1850")})
    later = article_csv(ARTICLE, [CENTRAL_2022, corrected], first)
    assert [(r["funding_source"], r["amount_mvnd"]) for r in earlier_rows(later)] == \
        [("local", "1850000000"), ("central", "500000")]  # 1.850 triệu = 1.850.000.000 đồng; the key replaced
    load_files(db, [(file_name(ARTICLE), first)])
    load_files(db, [(file_name(ARTICLE), later)])
    assert rows(db) == expected(CENTRAL_2022, corrected)


def with_cell(data: bytes, header: str, row: int | None, value: str) -> bytes:
    """The file with one cell changed (row 1 = the first figure; None: that column in every row)."""
    import csv
    import io

    table = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    for line in [row] if row else range(1, len(table)):
        table[line][table[0].index(header)] = value
    out = io.StringIO(newline="")
    csv.writer(out, quoting=csv.QUOTE_ALL).writerows(table)
    return ("\ufeff" + out.getvalue()).encode("utf-8")


@pytest.mark.parametrize(("header", "row", "value", "key"), [
    ("Tiêu đề tài liệu", 2, "Một bài khác", "etl_document_differs"),
    ("Đường dẫn", None, "javascript:alert(1)", "etl_document_url_invalid"),
    ("Ngày đăng", None, "05/03/2024", "etl_document_date_invalid"),
    ("Số liệu như văn bản", 2, "", "etl_article_value_as_written_missing"),
    ("Mức chính xác", 1, "cỡ chừng", "etl_unknown_qualifier"),
])
def test_a_file_that_names_its_document_wrongly_is_refused_naming_the_cell(db, header, row, value, key):
    data = with_cell(article_csv(ARTICLE, [LOCAL_2022, CENTRAL_2022]), header, row, value)
    reports = load_files(db, [(file_name(ARTICLE), data)])
    errors = [p for r in reports for p in r.problems if p.severity == "error"]
    assert len(errors) == 1 and errors[0].column == header and errors[0].row == (row or 1) + 1
    assert errors[0].reason_en.startswith(t(key, "en").split("{")[0][:30])
    assert rows(db) == [] and not imports_dir_for(db).exists()


def test_a_workbook_without_document_columns_still_cites_itself(db, tmp_path):
    csv_text = "Tỉnh/Thành phố,Từ năm,Đến năm,Nguồn kinh phí,Loại số liệu,Số tiền\nHà Tĩnh,2023,2023,KCĐP,Dự toán,700\n"
    report = check_files(db, [("ha-tinh-2023.csv", csv_text.encode())])[0]
    assert report.errors == [] and report.rows["allocation"] == 1
    load_files(db, [("ha-tinh-2023.csv", csv_text.encode())])
    con = duckdb.connect(str(db), read_only=True)
    try:
        assert con.execute("SELECT kind, title, url FROM source_document WHERE doc_id = 'tep-ha-tinh-2023-csv'"
                           ).fetchall() == [("workbook", "ha-tinh-2023.csv", None)]
        assert con.execute("SELECT qualifier, value_as_written, quote FROM allocation WHERE doc_id = "
                           "'tep-ha-tinh-2023-csv'").fetchall() == [("exact", None, None)]
    finally:
        con.close()
