"""The importer against a corpus of good and bad files (tests/import_corpus.py), on copies of the demo database."""

import hashlib
import sys
from decimal import Decimal
from pathlib import Path

import duckdb
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
import import_corpus as corpus  # noqa: E402

from etl.build import build_database  # noqa: E402
from etl.importer import ImportReport, check_files, imports_dir_for, load_files  # noqa: E402
from etl.importing import reader  # noqa: E402
from etl.importing.parse import doc_id_for  # noqa: E402


def quiet(_message: str) -> None:
    pass


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def query(db: Path, sql: str, params=None) -> list[tuple]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql, params or []).fetchall()
    finally:
        con.close()


def where(report: ImportReport, severity: str) -> set:
    return {(p.sheet, p.row, p.column) for p in report.problems if (p.severity == "error") == (severity == "error")}


def load_case(db: Path, case: corpus.Case) -> ImportReport:
    return load_files(db, [(case.name, case.data())])[0]


def test_corpus_is_large_and_varied():
    assert len(corpus.CASES) >= 25
    assert len(corpus.GOOD) >= 10 and len(corpus.BAD) >= 15
    names = {c.name.rsplit(".", 1)[-1] for c in corpus.CASES}
    assert names == {"xlsx", "csv"}


@pytest.mark.parametrize("case", corpus.GOOD, ids=lambda c: c.name)
def test_good_file_loads_its_totals(db, case):
    for name in case.preload:
        assert load_case(db, corpus.BY_NAME[name]).ok
    report = load_case(db, case)
    assert report.errors == [], [p.format() for p in report.errors]
    assert where(report, "warning") == case.warnings
    doc_id = doc_id_for(case.name)
    for table, column in corpus.TOTAL_COLUMN.items():
        (total,) = query(db, f"SELECT sum({column}) FROM {table} WHERE doc_id = ?", [doc_id])[0]
        assert (total or Decimal(0)) == case.totals.get(table, Decimal(0)), table
        assert report.added[table] == report.rows[table]
    assert query(db, "SELECT count(*) FROM allocation WHERE doc_id = ? AND is_illustrative", [doc_id]) == [(0,)]
    assert query(db, "SELECT kind, title FROM source_document WHERE doc_id = ?", [doc_id]) == [("workbook", case.name)]
    status = "warning" if case.warnings else "ok"
    assert query(db, "SELECT status, rows FROM load_log WHERE file_name = ?", [case.name]) == [
        (status, sum(report.rows.values()))]
    assert (imports_dir_for(db) / case.name).read_bytes() == case.data()


@pytest.mark.parametrize("case", corpus.BAD, ids=lambda c: c.name)
def test_bad_file_names_every_problem_and_writes_nothing(db, case):
    for name in case.preload:
        assert load_case(db, corpus.BY_NAME[name]).ok
    before = digest(db)
    checked = check_files(db, [(case.name, case.data())])[0]
    loaded = load_case(db, case)
    assert where(checked, "error") == case.errors
    assert where(loaded, "error") == case.errors
    assert not loaded.ok
    assert all(p.reason_vi and p.reason_en and p.file == case.name for p in loaded.errors)
    assert digest(db) == before
    assert not (imports_dir_for(db) / case.name).exists()


def test_one_bad_file_blocks_the_whole_batch(db):
    before = digest(db)
    good, bad = corpus.BY_NAME["quang-nam-2023.xlsx"], corpus.BY_NAME["sai-tinh.xlsx"]
    reports = load_files(db, [(good.name, good.data()), (bad.name, bad.data())])
    assert reports[0].ok and not reports[1].ok
    assert digest(db) == before


def test_messy_workbook_reads_tỷ_and_vietnamese_numbers(db):
    load_case(db, corpus.BY_NAME["bao-cao-2024-lon-xon.xlsx"])
    rows = query(db, "SELECT area_id, funding_source, figure, amount_mvnd, note FROM allocation "
                     "WHERE doc_id = 'tep-bao-cao-2024-lon-xon-xlsx' ORDER BY amount_mvnd DESC")
    assert rows == [("nghe-an", "central", "allocated", Decimal("1234500.000"), "Nguồn tài liệu: QĐ 123/QĐ-UBND"),
                    ("ha-noi", "local", "disbursed", Decimal("4500.000"), "đã giải ngân"),
                    ("tp-ho-chi-minh", "central", "settled", Decimal("500.000"), None)]


def test_the_year_decides_the_area(db):
    load_case(db, corpus.BY_NAME["thai-binh-hung-yen.xlsx"])
    rows = query(db, "SELECT year_from, area_id FROM allocation WHERE doc_id = 'tep-thai-binh-hung-yen-xlsx' "
                     "ORDER BY amount_mvnd")
    assert rows == [(2016, "thai-binh"), (2026, "hung-yen-2025"), (2016, "hung-yen")]


def test_projects_and_outcomes_keep_codes_and_nulls(db):
    load_case(db, corpus.BY_NAME["quang-nam-2023.xlsx"])
    projects = query(db, "SELECT project_id, activity_id, sector_id, funding_source, plan_mvnd, actual_mvnd, "
                         "counterpart_mvnd, status FROM project WHERE doc_id = 'tep-quang-nam-2023-xlsx' "
                         "ORDER BY plan_mvnd")
    assert [p[1:] for p in projects] == [
        ("dao_tao_nghe", "may_tre_dan_tcmn", "local", Decimal("250.000"), None, None, "in_progress"),
        ("mo_hinh_trinh_dien", "che_bien_nlts_tp", "central", Decimal("1500.000"), Decimal("1200.500"),
         Decimal("300.000"), "completed")]
    assert all(p[0].startswith("tep-quang-nam-2023-xlsx-") for p in projects)
    outcomes = query(db, "SELECT period, indicator_id, actual_value FROM outcome "
                         "WHERE doc_id = 'tep-quang-nam-2023-xlsx' ORDER BY period")
    assert outcomes == [("Q2", "lao_dong_dao_tao", Decimal("120.000")), ("year", "co_so_ho_tro", Decimal("42.000"))]


def test_reimporting_the_same_file_changes_nothing(db):
    case = corpus.BY_NAME["quang-nam-2023.xlsx"]
    load_case(db, case)
    before = digest(db)
    report = load_case(db, case)
    assert report.already_loaded and report.ok
    assert sum(report.added.values()) + sum(report.changed.values()) + sum(report.removed.values()) == 0
    assert digest(db) == before
    assert check_files(db, [("ten-khac.xlsx", case.data())])[0].already_loaded


def test_a_corrected_version_replaces_the_rows_of_its_file(db):
    first = load_files(db, [("phu-tho.xlsx", corpus.version(1))])[0]
    assert first.added["allocation"] == 3
    checked = check_files(db, [("phu-tho.xlsx", corpus.version(2))])[0]
    report = load_files(db, [("phu-tho.xlsx", corpus.version(2))])[0]
    for counts in (checked, report):
        assert (counts.added["allocation"], counts.changed["allocation"], counts.removed["allocation"]) == (1, 1, 1)
    rows = query(db, "SELECT figure, funding_source, amount_mvnd FROM allocation WHERE doc_id = 'tep-phu-tho-xlsx' "
                     "ORDER BY amount_mvnd")
    assert rows == [("settled", "local", Decimal("95.000")), ("allocated", "local", Decimal("100.000")),
                    ("allocated", "central", Decimal("250.000"))]
    assert query(db, "SELECT count(*) FROM source_document WHERE doc_id = 'tep-phu-tho-xlsx'") == [(1,)]
    assert [r[0] for r in query(db, "SELECT status FROM load_log WHERE file_name = 'phu-tho.xlsx'")] == ["ok", "ok"]


def test_check_files_writes_nothing(db):
    before = digest(db)
    report = check_files(db, [(c.name, c.data()) for c in corpus.GOOD[:3]])
    assert all(r.ok for r in report) and report[0].added["allocation"] == 3
    assert digest(db) == before
    assert not imports_dir_for(db).exists()


def test_build_replays_kept_imports(db):
    load_case(db, corpus.BY_NAME["quang-nam-2023.xlsx"])
    load_case(db, corpus.BY_NAME["hai-duong-tong-lech.xlsx"])
    build_database(db, with_demo=True, progress=quiet)
    assert query(db, "SELECT sum(plan_mvnd) FROM project WHERE doc_id = 'tep-quang-nam-2023-xlsx'") == [
        (Decimal("1750.000"),)]
    assert query(db, "SELECT sum(amount_mvnd) FROM allocation WHERE doc_id = 'tep-hai-duong-tong-lech-xlsx'") == [
        (Decimal("300.000"),)]
    assert query(db, "SELECT count(*) FROM allocation WHERE is_illustrative") != [(0,)]
    # The replayed file counts as loaded: loading it again changes nothing.
    assert load_case(db, corpus.BY_NAME["quang-nam-2023.xlsx"]).already_loaded


def test_a_kept_import_that_no_longer_validates_is_logged_and_skipped(db):
    folder = imports_dir_for(db)
    folder.mkdir()
    (folder / "hong.xlsx").write_bytes(corpus.BY_NAME["sai-tinh.xlsx"].make())
    build_database(db, with_demo=False, progress=quiet)
    assert query(db, "SELECT status FROM load_log WHERE file_name = 'imports/hong.xlsx'") == [("error",)]


def test_progress_every_10000_rows(db):
    messages: list[str] = []
    big = corpus.csv_bytes([corpus.BIG_HEAD] + corpus.big_allocation_rows(25_000))
    report = check_files(db, [("lon.csv", big)], progress=messages.append)[0]
    assert report.ok and report.rows["allocation"] == 25_000
    assert len(messages) == 2 and "20.000" in messages[1]


def test_reading_stops_after_1000_empty_rows(db):
    lines = ["Tỉnh/Thành phố,Năm,Nguồn kinh phí,Loại số liệu,Số tiền", "Nghệ An,2020,KCĐP,Dự toán,1"]
    lines += [",,,,"] * 1000 + ["Không có tỉnh này,2020,KCĐP,Dự toán,1"]
    report = check_files(db, [("rong.csv", "\n".join(lines).encode())])[0]
    assert report.ok and report.rows["allocation"] == 1


def test_a_sheet_longer_than_the_limit_is_refused(db, monkeypatch):
    lines = ["Tỉnh/Thành phố,Từ năm,Đến năm,Nguồn kinh phí,Loại số liệu,Số tiền"]
    lines += [f"Nghệ An,{1990 + i},{2000 + j},KCĐP,Dự toán,1" for i in range(10) for j in range(10)]
    data = "\n".join(lines).encode()
    assert check_files(db, [("dai.csv", data)])[0].ok
    monkeypatch.setattr(reader, "MAX_ROWS", 50)
    report = check_files(db, [("dai.csv", data)])[0]
    assert [(p.row, p.reason_en) for p in report.errors] == [
        (200_000, "sheet too long (over 200,000 rows): split the file")]


def test_file_names_cannot_escape_the_imports_folder(db):
    case = corpus.BY_NAME["son-la-giai-doan.xlsx"]
    report = load_files(db, [("../../thoat.xlsx", case.data())])[0]
    assert report.ok and report.file_name == "thoat.xlsx"
    assert (imports_dir_for(db) / "thoat.xlsx").exists()
    assert not (db.parent.parent.parent / "thoat.xlsx").exists()
