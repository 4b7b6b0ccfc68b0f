"""Hostile uploads: each is refused, or read safely, within bounded time and memory, with a clear message (vi / en).

The files are built here: a non-workbook named .xlsx, zip bombs whose sheet unpacks to 2 GB (one declaring it, one
lying about it), a file over the size limit, a million empty but formatted rows, a formula in every cell, and XML
tricks. `python -m etl load` runs in a subprocess whose wall time and peak memory (its VmHWM) are measured
against generous ceilings; the import page's path (khuyencong/ui/import_data.py) must give the same message;
after every
refusal the database file is byte-identical.
"""

import hashlib
import io
import struct
import subprocess
import sys
import time
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

import duckdb
import openpyxl
import pytest
from conftest import ROOT

from etl.importer import check_files
from etl.importing import reader
from etl.operators import Operator
from khuyencong.ui import import_data as importing

ADMIN = Operator("admin")  # who the page loads as (the KC_ADMIN_PASSWORD operator)

MAX_SECONDS = 60                 # "bounded", not fast: measured figures are printed with -s
MAX_PEAK_BYTES = 1536 * 2**20    # 1.5 GB
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PACKAGE = "http://schemas.openxmlformats.org/package/2006/relationships"
HEADERS = ["Tỉnh/Thành phố", "Năm", "Nguồn kinh phí", "Loại số liệu", "Số tiền"]
ROWS = [["Cao Bằng", 2024, "Địa phương", "Dự toán", 1234.5], ["Lai Châu", 2023, "Trung ương", "Dự toán", 10]]


# --- Workbooks written by hand, so that every byte of the hostile part is chosen ----------------------------------

def content_types(strings: bool = False) -> str:
    overrides = [("/xl/workbook.xml", "sheet.main"), ("/xl/worksheets/sheet1.xml", "worksheet"),
                 ("/xl/styles.xml", "styles")] + ([("/xl/sharedStrings.xml", "sharedStrings")] if strings else [])
    return ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
            'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
            'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
            + "".join(f'<Override PartName="{part}" ContentType="application/vnd.openxmlformats-officedocument.'
                      f'spreadsheetml.{kind}+xml"/>' for part, kind in overrides) + "</Types>")


def workbook_xml(calc: str = "") -> str:
    return (f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{MAIN}" xmlns:r="{RELS}"><sheets>'
            f'<sheet name="PhanBo" sheetId="1" r:id="rId1"/></sheets>{calc}</workbook>')


def parts(strings: bool = False, calc: str = "") -> dict[str, str]:
    relations = [("rId1", "worksheet", "worksheets/sheet1.xml"), ("rId2", "styles", "styles.xml")]
    relations += [("rId3", "sharedStrings", "sharedStrings.xml")] if strings else []
    return {
        "[Content_Types].xml": content_types(strings),
        "_rels/.rels": f'<?xml version="1.0"?><Relationships xmlns="{PACKAGE}"><Relationship Id="rId1" '
                       f'Type="{RELS}/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": workbook_xml(calc),
        "xl/_rels/workbook.xml.rels": f'<?xml version="1.0"?><Relationships xmlns="{PACKAGE}">'
                                      + "".join(f'<Relationship Id="{i}" Type="{RELS}/{kind}" Target="{target}"/>'
                                                for i, kind, target in relations) + "</Relationships>",
        "xl/styles.xml": f'<?xml version="1.0"?><styleSheet xmlns="{MAIN}"><fonts count="1"><font><sz val="11"/>'
                         '</font></fonts><fills count="3"><fill><patternFill patternType="none"/></fill><fill>'
                         '<patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid">'
                         '<fgColor rgb="FFFFFF00"/></patternFill></fill></fills><borders count="1"><border/>'
                         '</borders><cellStyleXfs count="1"><xf/></cellStyleXfs><cellXfs count="2"><xf/>'
                         '<xf fillId="2" applyFill="1"/></cellXfs></styleSheet>',
    }


SHEET_HEAD = f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{MAIN}"><dimension ref="A1:XFD1048576"/>' \
             '<sheetData>'
SHEET_TAIL = "</sheetData></worksheet>"


def column(index: int) -> str:
    return openpyxl.utils.get_column_letter(index + 1)


def cell(ref: str, value) -> str:
    if isinstance(value, (int, float)):
        return f'<c r="{ref}"><v>{value}</v></c>'
    return f'<c r="{ref}" t="inlineStr"><is><t>{escape(value)}</t></is></c>'


def row(number: int, values: list) -> str:
    return f'<row r="{number}">' + "".join(cell(f"{column(i)}{number}", v) for i, v in enumerate(values)) + "</row>"


def table_rows() -> str:
    return row(1, HEADERS) + "".join(row(i, values) for i, values in enumerate(ROWS, start=2))


def xlsx(sheet_chunks, extra: dict | None = None) -> bytes:
    """A workbook whose sheet1.xml is the concatenated chunks (streamed into the zip)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in {**parts(), **(extra or {})}.items():
            archive.writestr(name, text)
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as member:
            for chunk in sheet_chunks:
                member.write(chunk.encode())
    return buffer.getvalue()


def empty_formatted_rows(styled_cells: bool) -> bytes:
    """The table, then 1.000.000 empty rows that carry a format (the row's own, or five styled empty cells)."""
    def chunks():
        yield SHEET_HEAD + table_rows()
        for start in range(4, 1_000_004, 20_000):
            if styled_cells:
                yield "".join(f'<row r="{r}">' + "".join(f'<c r="{column(i)}{r}" s="1"/>' for i in range(5))
                              + "</row>" for r in range(start, start + 20_000))
            else:
                yield "".join(f'<row r="{r}" s="1" customFormat="1" ht="15"/>' for r in range(start, start + 20_000))
        yield SHEET_TAIL
    return xlsx(chunks())


def formula_in_every_cell() -> bytes:
    """What a script writes with openpyxl: every cell, headers too, a formula with no saved value."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "PhanBo"
    sheet.append([f'="{header}"' for header in HEADERS])
    for number in range(2, 1002):
        sheet.append(['="Cao Bằng"', "=2000+MOD(ROW(),20)", '="Địa phương"', '="Dự toán"', f"={number}*1.5"])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def raw_zip(entries: list[tuple[str, bytes, int, int]]) -> bytes:
    """A zip written field by field: (name, deflated bytes, CRC, declared size) per entry."""
    out, central = io.BytesIO(), []
    for name, data, crc, declared in entries:
        offset, encoded = out.tell(), name.encode()
        out.write(struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0, crc, len(data), declared, len(encoded), 0))
        out.write(encoded + data)
        central.append(struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, 8, 0, 0, crc, len(data), declared,
                                   len(encoded), 0, 0, 0, 0, 0, offset) + encoded)
    start = out.tell()
    out.write(b"".join(central))
    out.write(struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(central), len(central), out.tell() - start, start, 0))
    return out.getvalue()


def deflated(data: bytes) -> bytes:
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    return packer.compress(data) + packer.flush()


def zip_bomb(lie: bool) -> bytes:
    """A workbook whose sheet1.xml is 2 GB of rows (about 6 MB packed): declared as such, or declared as 1 MB.

    Repeating one fully flushed deflate block makes the stream without compressing 2 GB.
    """
    chunk = ('<row><c t="inlineStr"><is><t>x</t></is></c></row>' * 80_000).encode()
    repeats = 2 * 2**30 // len(chunk)
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    head, tail = SHEET_HEAD.encode(), SHEET_TAIL.encode()
    first = packer.compress(head + chunk) + packer.flush(zlib.Z_FULL_FLUSH)
    again = packer.compress(chunk) + packer.flush(zlib.Z_FULL_FLUSH)
    stream = first + again * (repeats - 1) + packer.compress(tail) + packer.flush()
    crc = zlib.crc32(head)
    for _ in range(repeats):
        crc = zlib.crc32(chunk, crc)
    size = len(head) + repeats * len(chunk) + len(tail)
    entries = [(name, deflated(text.encode()), zlib.crc32(text.encode()), len(text.encode()))
               for name, text in parts().items()]
    return raw_zip(entries + [("xl/worksheets/sheet1.xml", stream, zlib.crc32(tail, crc), 2**20 if lie else size)])


# --- Running the CLI and the page's path ---------------------------------------------------------------------------

@dataclass
class Run:
    code: int
    stdout: str
    stderr: str
    seconds: float
    peak_bytes: int


# The CLI's own main() in a fresh interpreter, which reports its peak resident memory (VmHWM: this process only; the
# rusage of a child also counts the memory of the pytest process it was forked from).
MEASURED_MAIN = """import sys
from etl.__main__ import main
code = main(sys.argv[2:])
peak = next(line for line in open("/proc/self/status") if line.startswith("VmHWM:"))
open(sys.argv[1], "w").write(peak.split()[1])
sys.exit(code)
"""


def measured_load(path: Path, db: Path, tmp_path: Path) -> Run:
    """`python -m etl load PATH --db DB` as a user runs it, with its wall time and peak memory."""
    peak = tmp_path / "peak-kb.txt"
    started = time.monotonic()
    result = subprocess.run([sys.executable, "-c", MEASURED_MAIN, str(peak), "load", str(path), "--db", str(db)],
                            cwd=ROOT, capture_output=True, text=True, timeout=10 * MAX_SECONDS)
    seconds = time.monotonic() - started
    run = Run(result.returncode, result.stdout, result.stderr, seconds, int(peak.read_text()) * 1024)
    print(f"\n{path.name}: exit {run.code}, {run.seconds:.1f} s, peak {run.peak_bytes / 2**20:.0f} MB")
    return run


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def loaded_rows(db: Path, doc_id: str) -> int:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute("SELECT count(*) FROM allocation WHERE doc_id = ?", [doc_id]).fetchone()[0]
    finally:
        con.close()


@pytest.fixture(scope="module")
def bombs() -> dict[str, bytes]:
    return {"bom-zip.xlsx": zip_bomb(lie=False), "bom-zip-khai-gian.xlsx": zip_bomb(lie=True)}


REFUSED = {
    "khong-phai-so-tinh.xlsx": (lambda b: b"%PDF-1.7\n" + b"\0" * 4096,
                                "không phải sổ tính Excel (.xlsx)", "not an Excel workbook (.xlsx)"),
    "bom-zip.xlsx": (lambda b: b["bom-zip.xlsx"], "giải nén ra 2.045 MB (tối đa 200 MB): nghi bom zip",
                     "unpacks to 2.045 MB (at most 200 MB): suspected zip bomb"),
    "bom-zip-khai-gian.xlsx": (lambda b: b["bom-zip-khai-gian.xlsx"],
                               "giải nén ra nhiều hơn kích thước khai báo (1.048.576 byte): nghi bom zip",
                               "unpacks to more than its declared size (1,048,576 bytes): suspected zip bomb"),
    "cong-thuc-moi-o.xlsx": (lambda b: formula_in_every_cell(), "công thức chưa được tính",
                             "a formula without a saved value"),
}


@pytest.mark.slow  # one subprocess per file, its memory measured
@pytest.mark.parametrize("name", list(REFUSED))
def test_hostile_file_is_refused_in_bounded_time_and_memory_and_changes_nothing(name, bombs, db, tmp_path):
    make, reason_vi, reason_en = REFUSED[name]
    path = tmp_path / name
    path.write_bytes(make(bombs))
    before = digest(db)

    run = measured_load(path, db, tmp_path)
    assert run.code == 1, run.stdout + run.stderr
    error = next(line for line in run.stdout.splitlines() if line.startswith("LỖI/ERROR"))
    assert reason_vi in error and reason_en in error
    assert "Có lỗi: không nạp tệp nào, CSDL giữ nguyên" in run.stdout and "Traceback" not in run.stderr
    assert run.seconds < MAX_SECONDS and run.peak_bytes < MAX_PEAK_BYTES
    assert digest(db) == before and not (db.parent / "imports").exists()

    reports = importing.load(db, [(name, path.read_bytes())], ADMIN)  # what the import page calls on "confirm"
    assert not importing.can_confirm(reports)
    assert [p.reason_vi for p in reports[0].errors if reason_vi in p.reason_vi]
    assert [p.reason_en for p in reports[0].errors if reason_en in p.reason_en]
    assert digest(db) == before


def test_formula_refusal_names_sheet_row_and_cell(db):
    report = check_files(db, [("cong-thuc.xlsx", formula_in_every_cell())])[0]
    assert [(p.sheet, p.row, p.column, p.value) for p in report.errors] == [("PhanBo", 1, "A", '="Tỉnh/Thành phố"')]
    assert report.rows == {"allocation": 0, "project": 0, "outcome": 0}


def test_a_file_over_the_size_limit_is_refused_before_it_is_read(db, tmp_path):
    path = tmp_path / "qua-lon.xlsx"
    with path.open("wb") as handle:  # sparse: 25 MB on paper, nothing on disk
        handle.write(b"PK\x03\x04")
        handle.truncate(25 * 2**20)
    before = digest(db)
    run = measured_load(path, db, tmp_path)
    assert run.code == 1
    assert ("qua-lon.xlsx ['26214400 B']: tệp quá lớn (26.214.400 byte; tối đa 20 MB) / "
            "file too large (26,214,400 bytes; at most 20 MB)") in run.stdout
    assert run.seconds < MAX_SECONDS and run.peak_bytes < MAX_PEAK_BYTES
    assert digest(db) == before

    data = b"PK\x03\x04" + bytes(reader.MAX_FILE_BYTES)
    kept, refused = importing.split_by_size([("qua-lon.xlsx", data)], importing.max_file_bytes())
    assert kept == [] and refused == [("qua-lon.xlsx", data)]  # the page refuses it before checking
    report = importing.load(db, [("qua-lon.xlsx", data)], ADMIN)[0]  # and the importer would too
    assert [p.reason_vi for p in report.errors] == ["tệp quá lớn (20.971.524 byte; tối đa 20 MB)"]
    assert digest(db) == before


@pytest.mark.slow
@pytest.mark.parametrize("styled_cells", [False, True], ids=["formatted-rows", "styled-empty-cells"])
def test_a_million_empty_formatted_rows_are_read_safely(styled_cells, db, tmp_path):
    data = empty_formatted_rows(styled_cells)
    name = "mot-trieu-dong-trong.xlsx"
    checked = importing.check(db, [(name, data)], ADMIN)[0]  # the page's check: the two rows, nothing else
    assert checked.ok and checked.rows["allocation"] == 2, [p.format() for p in checked.problems]
    path = tmp_path / name
    path.write_bytes(data)
    run = measured_load(path, db, tmp_path)
    assert run.code == 0, run.stdout + run.stderr
    assert f"{name}: allocation: 2 dòng/rows, +2 thêm/added" in run.stdout
    assert run.seconds < MAX_SECONDS and run.peak_bytes < MAX_PEAK_BYTES
    assert loaded_rows(db, "tep-mot-trieu-dong-trong-xlsx") == 2


# --- More tricks, checked in process (the ceilings are lowered where reaching them would take long) ------------------

def errors(data: bytes, db: Path, name: str = "t.xlsx") -> list[tuple[str, str]]:
    report = check_files(db, [(name, data)])[0]
    return [(p.reason_vi, p.reason_en) for p in report.errors]


def test_formulas_with_saved_values_are_read_as_those_values_not_as_text(db):
    sheet = (SHEET_HEAD + row(1, HEADERS) + '<row r="2"><c r="A2" t="str"><f>"Cao "&amp;"Bằng"</f><v>Cao Bằng</v></c>'
             '<c r="B2"><f>2000+24</f><v>2024</v></c><c r="C2" t="str"><f>"Địa phương"</f><v>Địa phương</v></c>'
             '<c r="D2" t="inlineStr"><is><t>Dự toán</t></is></c><c r="E2"><f>SUM(1000,234.5)</f><v>1234.5</v></c>'
             '</row>' + SHEET_TAIL)
    report = check_files(db, [("da-tinh.xlsx", xlsx([sheet]))])[0]
    assert report.ok and report.rows["allocation"] == 1 and report.added["allocation"] == 1
    written_by_a_program = xlsx([sheet], {"xl/workbook.xml": workbook_xml('<calcPr fullCalcOnLoad="1"/>')})
    report = check_files(db, [("chuong-trinh.xlsx", written_by_a_program)])[0]
    assert report.ok and [(p.row, p.column) for p in report.warnings] == [(2, "A")]
    assert "4 ô công thức có thể chưa được tính lại" in report.warnings[0].reason_vi


@pytest.mark.parametrize(("written", "read"), [
    ("Dòng 1_x000D_Dòng 2", "Dòng 1\rDòng 2"),  # how Excel writes a carriage return in a cell
    ("tên_x005F_x000D_thật", "tên_x000D_thật"),  # an escaped underscore: the text really holds "_x000D_"
    ("_xD800_", "\ufffd"),  # half a surrogate pair could not be stored: replaced, not a crash
    ("không_có_mã", "không_có_mã"),
])
def test_text_escapes_are_read_back_as_typed(written, read):
    assert reader.unescape(written) == read


def test_escaped_text_in_shared_and_inline_strings_is_loaded_as_typed(db):
    strings = (f'<sst xmlns="{MAIN}"><si><t>Đề án_x000D_A</t></si>'
               '<si><r><t>Đề án</t></r><r><t>_x005F_x0041_</t></r></si></sst>')
    head = ["Tỉnh/Thành phố", "Năm", "Tên đề án", "Nguồn kinh phí"]
    sheet = (SHEET_HEAD + row(1, head) + '<row r="2">' + cell("A2", "Cao Bằng") + cell("B2", 2024)
             + '<c r="C2" t="s"><v>0</v></c>' + cell("D2", "Địa phương") + '</row><row r="3">' + cell("A3", "Cao Bằng")
             + cell("B3", 2024) + '<c r="C3" t="s"><v>1</v></c>' + cell("D3", "Địa phương") + '</row><row r="4">'
             + cell("A4", "Cao Bằng") + cell("B4", 2024) + cell("C4", "Đề án_x000A_B") + cell("D4", "Địa phương")
             + "</row>" + SHEET_TAIL)
    book = xlsx([sheet], {**parts(strings=True), "xl/sharedStrings.xml": strings,
                          "xl/workbook.xml": workbook_xml().replace('"PhanBo"', '"DeAn"')})
    name = "escapes.xlsx"
    report = importing.load(db, [(name, book)], ADMIN)[0]
    assert report.ok, [p.format() for p in report.problems]
    con = duckdb.connect(str(db), read_only=True)
    try:
        names = sorted(name for (name,) in con.execute(
            "SELECT name FROM project WHERE doc_id = 'tep-escapes-xlsx'").fetchall())
    finally:
        con.close()
    assert names == sorted(["Đề án\rA", "Đề án\nB", "Đề án_x0041_"])


@pytest.mark.parametrize(("name", "sheet", "reason_en"), [
    ("billion laughs", '<?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY a "aaaaaaaaaa">'
     + "".join(f'<!ENTITY {c} "{("&" + p + ";") * 10}">' for p, c in zip("abcdefgh", "bcdefghi"))
     + f'<!ENTITY x SYSTEM "file:///etc/passwd">]><worksheet xmlns="{MAIN}"><sheetData>' + row(1, HEADERS)
     + '<row r="2"><c r="A2" t="inlineStr"><is><t>&i;&x;</t></is></c></row>' + SHEET_TAIL,
     "the workbook declares a DTD: not read"),
    ("15 MB in one cell", SHEET_HEAD + row(1, HEADERS) + '<row r="2">' + cell("A2", "x" * 15 * 2**20) + "</row>"
     + SHEET_TAIL, "a cell over 262,136 characters"),
    ("a cell past XFD", SHEET_HEAD + '<row r="1">' + "<c><v>1</v></c>" * 16_385 + "</row>" + SHEET_TAIL,
     "a cell beyond Excel's last column (XFD): broken workbook"),
    ("a letter for a row", SHEET_HEAD + '<row r="x"><c r="A1"><v>1</v></c></row>' + SHEET_TAIL,
     "invalid row number in the workbook"),
    ("a shared string that is not there", SHEET_HEAD + '<row r="1"><c r="A1" t="s"><v>99</v></c></row>' + SHEET_TAIL,
     "broken workbook"),
])
def test_xml_tricks_are_refused(db, name, sheet, reason_en):
    found = errors(xlsx([sheet]), db)
    assert len(found) == 1 and found[0][1].startswith(reason_en), found
    assert "root:" not in str(found)  # /etc/passwd was never read


def test_deep_nesting_is_read_without_a_tree(db):
    deep = '<c r="F2" t="inlineStr"><is>' + "<r>" * 200_000 + "<t>x</t>" + "</r>" * 200_000 + "</is></c>"
    sheet = SHEET_HEAD + row(1, HEADERS) + row(2, ROWS[0])[:-6] + deep + "</row>" + SHEET_TAIL
    report = check_files(db, [("sau.xlsx", xlsx([sheet]))])[0]
    assert report.ok and report.rows["allocation"] == 1


def test_cells_right_of_column_cv_are_left_out_with_a_warning(db):
    sheet = SHEET_HEAD + row(1, HEADERS) + "".join(row(i, values)[:-6] + f'<c r="XFD{i}"><v>7</v></c></row>'
                                                   for i, values in enumerate(ROWS, start=2)) + SHEET_TAIL
    report = check_files(db, [("rong.xlsx", xlsx([sheet]))])[0]
    assert report.ok and report.rows["allocation"] == 2
    assert [(p.row, p.column, p.reason_en) for p in report.warnings] == [
        (2, "XFD", "2 cell(s) right of column CV were not read")]


def test_a_sheet_of_too_many_cells_is_refused(db, monkeypatch):
    monkeypatch.setattr(reader, "MAX_ELEMENTS", 20_000)
    extra_cells = "".join(f'<c r="{column(i)}{{r}}"><v>1</v></c>' for i in range(5, 15))  # right of the table
    sheet = SHEET_HEAD + row(1, HEADERS) + "".join(f'<row r="{r}">' + extra_cells.format(r=r) + "</row>"
                                                   for r in range(2, 1_500)) + SHEET_TAIL
    assert errors(xlsx([sheet]), db) == [
        ("sổ tính quá lớn (quá 20.000 phần tử, khoảng 10.000 ô): tách thành nhiều tệp",
         "workbook too large (over 20,000 elements, about 10,000 cells): split the file")]


@pytest.mark.parametrize(("part", "text", "reason_en"), [
    ("xl/sharedStrings.xml", f'<sst xmlns="{MAIN}">' + "<si><t>a</t></si>" * (21 * 2**20 // 17) + "</sst>",
     "workbook part xl/sharedStrings.xml too large (21 MB; at most 20 MB)"),
    ("xl/styles.xml", f'<styleSheet xmlns="{MAIN}"><cellXfs>' + "<xf/>" * (11 * 2**20 // 5) + "</cellXfs></styleSheet>",
     "workbook part xl/styles.xml too large (11 MB; at most 10 MB)"),
])
def test_parts_read_whole_have_their_own_ceiling(db, part, text, reason_en):
    extra = {**parts(strings=part == "xl/sharedStrings.xml"), part: text}
    assert [e for _vi, e in errors(xlsx([SHEET_HEAD + table_rows() + SHEET_TAIL], extra), db)] == [reason_en]


def test_other_zip_tricks(db):
    encrypted = bytearray(xlsx([SHEET_HEAD + table_rows() + SHEET_TAIL]))
    at = encrypted.rfind(b"PK\x01\x02")  # the last central-directory entry says "encrypted"
    encrypted[at + 8] |= 1
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_BZIP2) as archive:
        for name, text in parts().items():
            archive.writestr(name, text)
        archive.writestr("xl/worksheets/sheet1.xml", SHEET_HEAD + table_rows() + SHEET_TAIL)
    assert [e for _vi, e in errors(bytes(encrypted), db)] == [
        "password-protected (encrypted zip): remove the password and save again"]
    assert [e for _vi, e in errors(buffer.getvalue(), db)] == [
        "zip compression Excel does not use: open and save the file in Excel again"]


@pytest.mark.parametrize(("data", "rows", "reason_en"), [
    ("Tỉnh/Thành phố,Năm,Nguồn kinh phí,Loại số liệu,Số tiền\nCao Bằng,2024,KCĐP,Dự toán," + "9" * 200_000, 0,
     "broken CSV at line 2"),
    ("Tỉnh/Thành phố,Năm,Nguồn kinh phí,Loại số liệu,Số tiền\nCao Bằng,2024,KCĐP,Dự toán,1\n" + "\n" * 1_000_000
     + ",,,,\n" * 100_000, 1, None),
    ("Tỉnh/Thành phố,Năm,Nguồn kinh phí,Loại số liệu,Số tiền" + ",x" * 500 + "\nCao Bằng,2024,KCĐP,Dự toán,1\n", 1,
     None),
], ids=["200 KB field", "a million empty lines", "600 columns"])
def test_hostile_csv(db, data, rows, reason_en):
    report = check_files(db, [("t.csv", data.encode())])[0]
    assert report.rows["allocation"] == rows
    assert [p.reason_en for p in report.errors] == ([reason_en] if reason_en else [])


def test_the_import_page_shows_the_refusal_and_at_most_a_thousand_problems(db, bombs, monkeypatch, browser_cookies):
    from conftest import run_page, sign_in

    monkeypatch.setenv("KC_ADMIN_PASSWORD", "mat-khau-thu")
    browser_cookies["kc_unlock"] = sign_in(db, "mat-khau-thu")
    app = run_page(db, "pages/import_data.py")
    wrong = "Tỉnh/Thành phố,Năm,Nguồn kinh phí,Loại số liệu,Số tiền\n" + "".join(
        f"Tỉnh lạ {i},2024,Địa phương,Dự toán,không phải số\n" for i in range(1200))
    before = digest(db)
    app.file_uploader[0].set_value([("bom-zip-khai-gian.xlsx", bombs["bom-zip-khai-gian.xlsx"], "application/zip"),
                                    ("sai-het.csv", wrong.encode(), "text/csv")])
    app.run()
    assert not app.exception
    table = next(frame.value for frame in app.dataframe if "Lý do" in frame.value.columns)
    assert len(table) == importing.MAX_PROBLEMS_SHOWN
    assert table.loc[0, "Tệp"] == "bom-zip-khai-gian.xlsx" and "nghi bom zip" in table.loc[0, "Lý do"]
    assert any("còn 1.401 lỗi và cảnh báo khác" in c.value for c in app.caption)  # 1 + 2 × 1200 in all
    assert app.button(key="im_confirm").disabled
    assert digest(db) == before
