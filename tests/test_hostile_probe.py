"""Regressions for the breaks the adversarial probe of issue 17 found in reading files: each test is named for what
it attacks, and each failed before its fix (a DTD outside the sheets loaded, N sheets on one deflated part took
minutes, rows after a long gap vanished silently, a UTF-16 CSV was "header row not found", a CSV of commas was
"valid, 0 rows" and wrote a document)."""

import hashlib
from pathlib import Path

import duckdb
import openpyxl
import pytest
from conftest import run_etl
from test_hostile_uploads import HEADERS, MAIN, RELS, ROWS, SHEET_HEAD, SHEET_TAIL, parts, row, table_rows, xlsx

from etl.importer import check_files
from etl.importing import reader

DTD = '<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
TABLE_CSV = "Tỉnh/Thành phố,Năm,Nguồn kinh phí,Loại số liệu,Số tiền\nCao Bằng,2024,Địa phương,Dự toán,77\n"


def report_of(db: Path, name: str, data: bytes):
    return check_files(db, [(name, data)])[0]


def with_dtd(text: str) -> str:
    """The part with a DTD declared after its XML declaration (or first, when it has none)."""
    if text.startswith("<?xml"):
        end = text.index("?>") + 2
        return text[:end] + DTD + text[end:]
    return DTD + text


@pytest.mark.parametrize("part", ["xl/workbook.xml", "xl/styles.xml", "[Content_Types].xml", "_rels/.rels",
                                  "xl/_rels/workbook.xml.rels"])
def test_a_dtd_in_any_xml_part_is_refused(db, part):
    book = xlsx([SHEET_HEAD + table_rows() + SHEET_TAIL], {part: with_dtd(parts()[part])})
    report = report_of(db, "dtd.xlsx", book)
    assert [(p.reason_en, p.value) for p in report.errors] == [("the workbook declares a DTD: not read", part)]


def test_a_dtd_in_a_utf16_part_is_refused(db):
    workbook = parts()["xl/workbook.xml"].replace('encoding="UTF-8"', 'encoding="UTF-16"')
    book = xlsx([SHEET_HEAD + table_rows() + SHEET_TAIL], {"xl/workbook.xml": with_dtd(workbook).encode("utf-16")})
    assert [p.reason_en for p in report_of(db, "dtd16.xlsx", book).errors] == [
        "the workbook declares a DTD: not read"]


def sheets_workbook(targets: list[str]) -> dict[str, str]:
    """workbook.xml and its rels for sheets pointing at the given parts."""
    sheets = "".join(f'<sheet name="S{i}" sheetId="{i + 1}" r:id="rId{i + 10}"/>' for i in range(len(targets)))
    rels = "".join(f'<Relationship Id="rId{i + 10}" Type="{RELS}/worksheet" Target="{target}"/>'
                   for i, target in enumerate(targets))
    package = "http://schemas.openxmlformats.org/package/2006/relationships"
    return {
        "xl/workbook.xml": f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{MAIN}" xmlns:r="{RELS}">'
                           f"<sheets>{sheets}</sheets></workbook>",
        "xl/_rels/workbook.xml.rels": f'<?xml version="1.0"?><Relationships xmlns="{package}">{rels}'
                                      f'<Relationship Id="rId2" Type="{RELS}/styles" Target="styles.xml"/>'
                                      "</Relationships>",
    }


def test_many_sheets_on_one_part_are_refused_before_the_part_is_read_again(db, monkeypatch):
    from etl.importing import reader

    big = [SHEET_HEAD + table_rows()] + [row(r, ["x"] * 5) for r in range(4, 40_000)] + [SHEET_TAIL]
    book = xlsx(big, sheets_workbook(["worksheets/sheet1.xml"] * 10))
    streamed = []
    open_sheet = reader._Parts.open_sheet
    monkeypatch.setattr(reader._Parts, "open_sheet", lambda self, name: streamed.append(name) or open_sheet(self, name))
    report = report_of(db, "mot-phan.xlsx", book)
    assert len(streamed) <= 1   # refused from the workbook's list of sheets, not after reading the part ten times
    assert [(p.reason_en, p.value) for p in report.errors] == [
        ("two sheets point at the same part of the file (edited by hand or broken): open and save it in Excel again",
         "xl/worksheets/sheet1.xml")]


def test_a_workbook_of_too_many_sheets_is_refused_naming_the_bound(db, tmp_path):
    book = openpyxl.Workbook()
    for i in range(reader.MAX_SHEETS):
        book.create_sheet(f"S{i}")
    path = tmp_path / "nhieu-sheet.xlsx"
    book.save(path)
    report = report_of(db, path.name, path.read_bytes())
    assert [p.reason_vi for p in report.errors] == [
        f"sổ tính có {reader.MAX_SHEETS + 1} sheet, quá giới hạn {reader.MAX_SHEETS} sheet: tách thành nhiều tệp"]


def test_a_check_that_runs_past_its_time_is_stopped_naming_the_bound(db, monkeypatch):
    monkeypatch.setattr(reader, "MAX_CHECK_SECONDS", 0)
    report = report_of(db, "cham.xlsx", xlsx([SHEET_HEAD + table_rows() + SHEET_TAIL]))
    assert [p.reason_en for p in report.errors] == [
        "checking the file took over 0 seconds and was stopped: split it into smaller files"]


def gap_workbook(last_row: int) -> bytes:
    return xlsx([SHEET_HEAD + table_rows() + row(last_row, ROWS[1]) + SHEET_TAIL])


def test_rows_after_a_long_gap_are_reported_not_dropped_silently(db):
    report = report_of(db, "khoang-trong.xlsx", gap_workbook(1005))
    assert report.ok and report.rows["allocation"] == 2
    assert [(p.sheet, p.row, p.reason_vi) for p in report.warnings] == [
        ("PhanBo", 1005, "1 dòng có dữ liệu sau 1.000 dòng trống liền nhau (từ dòng 4) không được đọc: xóa các dòng "
                         "trống hoặc chuyển các dòng đó lên trên")]


def test_a_gap_too_long_to_look_through_is_reported_as_unchecked(db, monkeypatch):
    monkeypatch.setattr(reader, "MAX_SKIM_ELEMENTS", 100)
    filler = "".join(f'<row r="{r}"><c r="A{r}" s="1"/></row>' for r in range(4, 40_000))
    report = report_of(db, "qua-dai.xlsx", xlsx([SHEET_HEAD + table_rows() + filler + row(40_005, ROWS[1])
                                                 + SHEET_TAIL]))
    assert report.ok and [p.reason_en for p in report.warnings] == [
        "after 1,000 empty rows in a row (from row 4) the rest of the sheet was not read and is too long to check: "
        "delete the empty rows if there is data below"]


def test_a_csv_with_a_gap_reports_the_rows_after_it(db):
    data = (TABLE_CSV + "\n" * 1_200 + "Lai Châu,2023,Trung ương,Dự toán,10\n").encode()
    report = report_of(db, "khoang-trong.csv", data)
    assert report.rows["allocation"] == 1
    assert [p.row for p in report.warnings] == [1_203]


@pytest.mark.parametrize(("encoded", "rows", "reason_en"), [
    (TABLE_CSV.encode("utf-16"), 1, None),  # Excel's "Unicode text" has a BOM: read as written
    (TABLE_CSV.encode("utf-16-le"), 0,
     "the CSV file looks UTF-16 or UTF-32 encoded but has no byte-order mark: save it again as CSV UTF-8"),
    (b"\xff\xfe" + b"\x00\xd8" * 3, 0,
     "the CSV file has a UTF-16 byte-order mark but is not valid UTF-16: save it again as CSV UTF-8"),
], ids=["utf-16 with BOM", "utf-16 without BOM", "broken utf-16"])
def test_a_csv_in_another_encoding_is_read_or_refused_naming_it(db, encoded, rows, reason_en):
    report = report_of(db, "ma-hoa.csv", encoded)
    assert report.rows["allocation"] == rows
    assert [p.reason_en for p in report.errors] == ([reason_en] if reason_en else [])


@pytest.mark.parametrize(("text", "reason_en"), [
    ("," * 2_000_000, "the CSV file has no cell with a value"),
    (";;\n\t\n\"\",''\n" * 1000, "the CSV file has no cell with a value"),
    ("a" + "," * 20_000 + "\n", "line 1 has 16,384 columns or more, more than Excel has: the file is not a table"),
], ids=["commas", "separators and quotes", "a line of 20.000 fields"])
def test_a_degenerate_csv_is_refused_and_writes_nothing(db, tmp_path, text, reason_en):
    path = tmp_path / "trong.csv"
    path.write_text(text, encoding="utf-8")
    before = db.read_bytes()
    result = run_etl("load", str(path), "--db", str(db))
    assert result.returncode != 0
    assert reason_en in result.stdout + result.stderr
    assert db.read_bytes() == before
    assert not list((db.parent / "imports").glob("*")) if (db.parent / "imports").exists() else True
    con = duckdb.connect(str(db), read_only=True)
    try:
        assert con.execute("SELECT count(*) FROM source_document WHERE doc_id LIKE 'tep-trong%'").fetchone()[0] == 0
    finally:
        con.close()


def test_headers_are_still_found_after_the_probe_fixes(db):
    """The fixes refuse what is hostile, not what is ordinary: the plain table still loads."""
    assert report_of(db, "thuong.xlsx", xlsx([SHEET_HEAD + row(1, HEADERS) + row(2, ROWS[0]) + SHEET_TAIL])).ok


# --- A real load over illustrative figures (break 2) ----------------------------------------------------------------

def local_2010_of_ha_tinh(db: Path) -> list[tuple]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute("SELECT is_illustrative, amount_mvnd FROM allocation WHERE area_id = 'ha-tinh' "
                           "AND year_from = 2010 AND year_to = 2010 AND funding_source = 'local' "
                           "AND figure = 'allocated' ORDER BY is_illustrative").fetchall()
    finally:
        con.close()


def test_a_real_load_replaces_the_illustrative_figure_it_covers_now_and_after_a_rebuild(tmp_path):
    db = tmp_path / "data" / "kc.duckdb"
    assert run_etl("build", "--db", str(db)).returncode == 0
    assert [row[0] for row in local_2010_of_ha_tinh(db)] == [True]
    path = tmp_path / "ha-tinh-2010.csv"
    path.write_text("Tỉnh/Thành phố,Năm,Nguồn kinh phí,Loại số liệu,Số tiền\nHà Tĩnh,2010,Địa phương,Phân bổ,1500\n",
                    encoding="utf-8")
    loaded = run_etl("load", str(path), "--db", str(db))
    assert loaded.returncode == 0, loaded.stdout + loaded.stderr
    for step in ("after the load", "after a rebuild"):
        assert local_2010_of_ha_tinh(db) == [(False, 1500)], step
        checked = run_etl("check", "--db", str(db))
        assert checked.returncode == 0, f"{step}: {checked.stdout}{checked.stderr}"
        if step == "after the load":
            assert run_etl("build", "--db", str(db)).returncode == 0


# --- Which file wins, and Ctrl-C at the swap (breaks 4 and 5) -------------------------------------------------------

ALLOCATION_CSV = "Tỉnh/Thành phố,Năm,Nguồn kinh phí,Loại số liệu,Số tiền\nCao Bằng,2024,Địa phương,Dự toán,{amount}\n"


def cao_bang_2024(db: Path) -> list:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return [row[0] for row in con.execute(
            "SELECT amount_mvnd FROM allocation WHERE area_id = 'cao-bang' AND year_from = 2024 "
            "AND NOT is_illustrative AND doc_id LIKE 'tep-%'").fetchall()]
    finally:
        con.close()


def test_a_rebuild_gives_what_the_last_load_gave_when_two_names_fold_to_one_document(tmp_path):
    db = tmp_path / "data" / "kc.duckdb"
    assert run_etl("build", "--no-demo", "--db", str(db)).returncode == 0
    for name, amount in (("Phân bổ 2024.csv", 100), ("Phan bo 2024.csv", 200)):  # both are tep-phan-bo-2024-csv
        path = tmp_path / name
        path.write_text(ALLOCATION_CSV.format(amount=amount), encoding="utf-8")
        assert run_etl("load", str(path), "--db", str(db)).returncode == 0
    assert cao_bang_2024(db) == [200]
    assert sorted(p.name for p in (db.parent / "imports").iterdir() if p.is_file()) == [
        ".load-order", "Phan bo 2024.csv", "Phân bổ 2024.csv"]
    assert run_etl("build", "--no-demo", "--db", str(db)).returncode == 0
    assert cao_bang_2024(db) == [200]


INTERRUPTED_LOAD = """import os, signal, sys
import etl.atomic as atomic
import etl.importer as importer
from etl.__main__ import main

moment = sys.argv[1]
# A shell that starts the tests in the background hands them SIGINT ignored; a user's Ctrl-C meets Python's handler.
signal.signal(signal.SIGINT, signal.default_int_handler)
real_replace, real_fsync, real_write = os.replace, atomic._fsync, importer.write_file

def interrupt():
    os.kill(os.getpid(), signal.SIGINT)

def replace(source, target):
    if moment == "before the rename" and str(target).endswith(".duckdb"):
        interrupt()
    real_replace(source, target)
    if moment == "after the rename" and str(target).endswith(".duckdb"):
        interrupt()

def fsync(path):
    if moment == "at the fsync" and ".building-" in str(path):
        interrupt()
    real_fsync(path)

def write_file(*args):
    if moment == "while writing":
        interrupt()
    real_write(*args)

os.replace, atomic._fsync, importer.write_file = replace, fsync, write_file
sys.exit(main(sys.argv[2:]))
"""


@pytest.mark.parametrize(("moment", "loaded"), [
    ("while writing", False),
    ("at the fsync", True),
    ("before the rename", True),
    ("after the rename", True),
])
def test_ctrl_c_during_a_load_leaves_the_old_state_or_the_whole_new_one(db, tmp_path, moment, loaded):
    import subprocess
    import sys

    from conftest import ROOT

    path = tmp_path / "ngat.csv"
    path.write_text(ALLOCATION_CSV.format(amount=321), encoding="utf-8")
    result = subprocess.run([sys.executable, "-c", INTERRUPTED_LOAD, moment, "load", str(path), "--db", str(db)],
                            cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert "Traceback" not in result.stderr, result.stderr
    assert result.returncode == (0 if loaded else 130), result.stderr
    kept = db.parent / "imports" / path.name
    assert (cao_bang_2024(db) == [321]) is loaded
    assert kept.is_file() is loaded, "the copy exists exactly when the database holds its rows"
    if not loaded:
        assert "Ctrl-C" in result.stderr
    assert run_etl("build", "--db", str(db)).returncode == 0
    assert (cao_bang_2024(db) == [321]) is loaded, "the next build keeps exactly what the load left"


# --- The page's check in a worker process of its own (break 3, for the viewers) -------------------------------------

def test_the_worker_check_reports_what_an_in_process_check_reports(db):
    from etl.check_worker import check_in_worker

    files = [("thuong.csv", TABLE_CSV.encode()), ("khoang-trong.xlsx", gap_workbook(1005))]
    in_worker = check_in_worker(db, files)
    in_process = check_files(db, files)
    assert [(r.file_name, r.rows, [p.format() for p in r.problems]) for r in in_worker] == [
        (r.file_name, r.rows, [p.format() for p in r.problems]) for r in in_process]


@pytest.mark.parametrize(("limits", "reason_en"), [
    ({"seconds": 0.01}, "checking the file took over 0 seconds and was stopped: split it into smaller files"),
    ({"memory_bytes": 300 * 2**20},
     "checking the file needed over 300 MB of memory and was stopped: split it into smaller files"),
], ids=["time", "memory"])
def test_a_worker_past_its_bound_is_stopped_and_the_file_refused_naming_it(db, limits, reason_en):
    from etl.check_worker import check_in_worker

    reports = check_in_worker(db, [("nang.xlsx", gap_workbook(1005))], **limits)
    assert [(r.file_name, [p.reason_en for p in r.errors]) for r in reports] == [("nang.xlsx", [reason_en])]


# --- The page's load in the same bounded worker (issue 28: a load took the app process to 2,3 GB) -------------------

def test_the_worker_loads_the_file_as_an_in_process_load_would(db):
    from etl.check_worker import load_in_worker

    reports = load_in_worker(db, [("cao-bang.csv", TABLE_CSV.encode())])
    assert [(r.file_name, r.errors, r.added["allocation"]) for r in reports] == [("cao-bang.csv", [], 1)]
    assert cao_bang_2024(db) == [77]                       # the CSV's one row, 77 triệu
    assert (db.parent / "imports" / "cao-bang.csv").read_bytes() == TABLE_CSV.encode()   # kept for the next build


@pytest.mark.parametrize(("limits", "reason_en"), [
    ({"seconds": 0.01}, "loading the file took over 0 seconds and was stopped, the database is as it was: "
                        "split it into smaller files"),
    ({"memory_bytes": 300 * 2**20}, "loading the file needed over 300 MB of memory and was stopped, the database is "
                                    "as it was: split it into smaller files"),
], ids=["time", "memory"])
def test_a_load_past_its_bound_is_stopped_and_the_database_kept(db, limits, reason_en):
    from etl.check_worker import load_in_worker

    before = hashlib.sha256(db.read_bytes()).hexdigest()
    reports = load_in_worker(db, [("cao-bang.csv", TABLE_CSV.encode())], **limits)
    assert [(r.file_name, [p.reason_en for p in r.errors]) for r in reports] == [("cao-bang.csv", [reason_en])]
    assert hashlib.sha256(db.read_bytes()).hexdigest() == before
    assert not (db.parent / "imports" / "cao-bang.csv").exists()   # a rebuild does not bring it in either


# --- The README says what a load refuses, bound by bound ------------------------------------------------------------

def vietnamese(number: int) -> str:
    return f"{number:,}".replace(",", ".")


@pytest.mark.parametrize(("bound", "written"), [
    ("MAX_FILE_BYTES", lambda v: f"over {v // 2**20} MB"),
    ("MAX_ZIP_ENTRIES", lambda v: f"more than {vietnamese(v)} entries"),
    ("MAX_UNZIPPED_BYTES", lambda v: f"more than {v // 2**20} MB or to more than it declares"),
    ("MAX_STRINGS_BYTES", lambda v: f"shared strings over {v // 2**20} MB"),
    ("MAX_PART_BYTES", lambda v: f"another part read whole\nover {v // 2**20} MB"),
    ("MAX_SHEETS", lambda v: f"more than {v} sheets"),
    ("MAX_ELEMENTS", lambda v: f"over {vietnamese(v)} XML\n  elements"),
    ("MAX_CHECK_SECONDS", lambda v: f"a check running over {v} s"),
    ("MAX_CELL_CHARS", lambda v: f"over {vietnamese(v)} characters"),
    ("MAX_ROWS", lambda v: f"more than {vietnamese(v)} rows"),
    ("MAX_CSV_FIELDS", lambda v: f"a line of {vietnamese(v)} fields or more"),
    ("MAX_EMPTY_RUN", lambda v: f"after {vietnamese(v)} empty rows in a row"),
])
def test_the_readme_states_each_bound_the_reader_enforces(bound, written):
    readme = " ".join((Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8").split())
    assert " ".join(written(getattr(reader, bound)).split()) in readme, bound
