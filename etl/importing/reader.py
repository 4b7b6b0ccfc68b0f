"""Open an uploaded file safely and yield its sheets as rows of cells, with Excel row numbers.

Hostile files are bounded before any parsing: size, zip contents, rows read per sheet.
"""

import csv
import io
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass

from etl.importing.values import nfc

MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_UNZIPPED_BYTES = 200 * 1024 * 1024
MAX_ZIP_ENTRIES = 10_000
MAX_ROWS = 200_000
MAX_EMPTY_RUN = 1_000


class FileRefused(Exception):
    """The file cannot be read at all; the reason in Vietnamese and English."""

    def __init__(self, reason_vi: str, reason_en: str, value: str | None = None):
        super().__init__(reason_en)
        self.reason_vi, self.reason_en, self.value = reason_vi, reason_en, value


class TooManyRows(Exception):
    pass


@dataclass
class Sheet:
    name: str | None                       # None for a CSV file
    rows: Iterator[tuple[int, list]]       # (row number as Excel/the editor shows it, cells)


def kind_of(file_name: str, data: bytes) -> str:
    """'xlsx' or 'csv' from the content first, the name second; FileRefused for anything else."""
    if len(data) > MAX_FILE_BYTES:
        raise FileRefused(f"tệp quá lớn ({len(data):,} byte; tối đa 20 MB)".replace(",", "."),
                          f"file too large ({len(data):,} bytes; at most 20 MB)")
    lower = file_name.lower()
    if data[:4] == b"PK\x03\x04" or data[:4] == b"PK\x05\x06":
        return "xlsx"
    if data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        raise FileRefused("tệp Excel cũ (.xls) hoặc bị mã hóa: hãy lưu lại thành .xlsx",
                          "old Excel format (.xls) or an encrypted workbook: save it as .xlsx")
    if lower.endswith((".xlsx", ".xlsm")):
        raise FileRefused("không phải sổ tính Excel (.xlsx): nội dung không phải tệp zip",
                          "not an Excel workbook (.xlsx): the content is not a zip file")
    if lower.endswith((".csv", ".txt")):
        return "csv"
    raise FileRefused("loại tệp không hỗ trợ: chỉ nhận .xlsx hoặc .csv",
                      "unsupported file type: only .xlsx or .csv", file_name.rsplit(".", 1)[-1])


def check_zip(data: bytes) -> None:
    """Refuse a zip that is not a workbook, or whose declared contents would unpack too large."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile as error:
        raise FileRefused("tệp zip hỏng, không đọc được sổ tính", "corrupt zip: the workbook cannot be read") \
            from error
    with archive:
        infos = archive.infolist()
        if len(infos) > MAX_ZIP_ENTRIES:
            raise FileRefused("tệp chứa quá nhiều thành phần", "too many entries in the zip")
        declared = sum(info.file_size for info in infos)
        if declared > MAX_UNZIPPED_BYTES:
            raise FileRefused(f"giải nén ra {declared // 2**20} MB (tối đa 200 MB): nghi bom zip",
                              f"unpacks to {declared // 2**20} MB (at most 200 MB): suspected zip bomb")
        names = {info.filename for info in infos}
        if "xl/workbook.xml" not in names and "xl/workbook.bin" not in names:
            raise FileRefused("tệp zip nhưng không phải sổ tính Excel (.xlsx)",
                              "a zip file but not an Excel workbook (.xlsx)")
        if "xl/workbook.bin" in names:
            raise FileRefused("sổ tính nhị phân (.xlsb) không được hỗ trợ: hãy lưu thành .xlsx",
                              "binary workbooks (.xlsb) are not supported: save as .xlsx")


def _bounded(rows: Iterator[tuple[int, list]]) -> Iterator[tuple[int, list]]:
    """Stop after MAX_EMPTY_RUN empty rows in a row; raise TooManyRows past MAX_ROWS."""
    empty_run = 0
    for number, cells in rows:
        if number > MAX_ROWS:
            raise TooManyRows()
        if all(c is None or (isinstance(c, str) and not c.strip()) for c in cells):
            empty_run += 1
            if empty_run >= MAX_EMPTY_RUN:
                return
            continue
        empty_run = 0
        yield number, cells


def xlsx_sheets(data: bytes) -> Iterator[Sheet]:
    import openpyxl

    check_zip(data)
    try:
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a broken workbook
        raise FileRefused("sổ tính hỏng, không mở được",
                          f"broken workbook, cannot be opened ({type(error).__name__})") from error
    try:
        for worksheet in workbook.worksheets:
            if getattr(worksheet, "sheet_state", "visible") != "visible" and worksheet.title.startswith("_"):
                continue
            rows = ((number, list(cells)) for number, cells in
                    enumerate(worksheet.iter_rows(min_row=1, values_only=True), start=1))
            yield Sheet(nfc(worksheet.title) or worksheet.title, _bounded(rows))
    finally:
        workbook.close()


def decode_csv(data: bytes) -> str:
    """UTF-8 (with or without BOM), else Windows-1258 (Vietnamese Windows)."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1258", errors="replace")


def csv_sheets(data: bytes) -> Iterator[Sheet]:
    text = decode_csv(data)
    sample = text[:8192]
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=",;\t")
        delimiter = dialect.delimiter
    except csv.Error:
        delimiter = ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)

    def rows():
        for cells in reader:
            yield reader.line_num, [c if c.strip() else None for c in cells]

    yield Sheet(None, _bounded(rows()))
