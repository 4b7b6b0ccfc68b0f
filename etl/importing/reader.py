"""Open an uploaded file safely and yield its sheets as rows of cells, with Excel row numbers.

Hostile files are bounded before and while parsing. Before: the file's size; the zip's entries, their declared
sizes and their real ones (every entry is inflated once, counting bytes, so a header that lies is caught before any
XML is read). While: the parts read whole (shared strings, styles, the workbook) have their own ceilings; the sheets
and shared strings go through lxml's event parser, which builds no tree, refuses a DTD and fetches nothing, with
ceilings on XML elements per file, characters per cell, columns per row and rows per sheet; a sheet ends after a
run of empty rows or at the end of its data. A formula without a saved value stops the file: nothing here calculates
formulas, and reading one as empty would load a wrong figure.
"""

import csv
import io
import re
import time
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import partial

from etl.importing.values import nfc
from etl.problems import Problem, both
from khuyencong.i18n.formatting import format_number

MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_UNZIPPED_BYTES = 200 * 1024 * 1024
MAX_STRINGS_BYTES = 20 * 1024 * 1024   # the shared strings are read whole into memory
MAX_PART_BYTES = 10 * 1024 * 1024      # so are the workbook, styles and relationship parts
MAX_ZIP_ENTRIES = 10_000
MAX_ROWS = 200_000
MAX_EMPTY_RUN = 1_000
MAX_SKIM_ELEMENTS = 1_000_000          # after a run of empty rows, XML elements looked through for rows left out
MAX_SHEETS = 100
MAX_CHECK_SECONDS = 60                 # wall clock of reading one file, whatever else bounds it
MAX_COLUMNS = 100                      # cells right of column CV are left out, with a warning
EXCEL_COLUMNS = 16_384                 # XFD: a cell further right is not from Excel
MAX_ELEMENTS = 6_000_000               # XML elements parsed per file: a filled cell is two (<c><v>)
MAX_CELL_CHARS = 8 * 32_767            # Excel holds 32.767 characters in a cell; escapes (_x000D_) take more
MAX_MERGES = 100_000                   # merged ranges per sheet; each is kept (four numbers) until the sheet is read
MAX_HIDDEN_ROWS = MAX_ROWS             # rows noted as hidden per sheet
FEED_CHUNK = 64 * 1024
INFLATE_CHUNK = 1024 * 1024
MB = 1024 * 1024
VALUE_CHARACTER = re.compile(r"[^\s,;\t\"']")
ESCAPED = re.compile("_x([0-9A-Fa-f]{4})_")  # how OOXML writes a character in text: CR is _x000D_


class FileRefused(Exception):
    """The file cannot be read at all; the reason in Vietnamese and English, and where, when that is known."""

    def __init__(self, reason_vi: str, reason_en: str, value: str | None = None, sheet: str | None = None,
                 row: int | None = None, column: str | None = None):
        super().__init__(reason_en)
        self.reason_vi, self.reason_en, self.value = reason_vi, reason_en, value
        self.sheet, self.row, self.column = sheet, row, column


class TooManyRows(Exception):
    pass


@dataclass
class Sheet:
    name: str | None                       # None for a CSV file
    rows: Iterator[tuple[int, list]]       # (row number as Excel/the editor shows it, cells)
    wide: list[tuple[int, int]] = field(default_factory=list)   # (row, column) of cells right of MAX_COLUMNS
    stale: list[tuple[int, int]] = field(default_factory=list)  # formulas of a workbook never calculated
    gap_from: int | None = None            # first row of the run of empty rows that ended reading
    after_gap: list[int] = field(default_factory=list)  # rows with data after that run: not read
    after_gap_unchecked: bool = False      # the rest of the sheet was too long to look through
    state: str = "visible"                 # the workbook's word for the sheet: visible, hidden, veryHidden
    hidden_rows: set[int] = field(default_factory=set)          # rows Excel hides (collapsed outlines included)
    hidden_columns: list[tuple[int, int]] = field(default_factory=list)  # (first, last) 1-based, hidden
    merges: list[tuple[int, int, int, int]] = field(default_factory=list)  # (row1, col1, row2, col2), 1-based;
    # known once every row of the sheet has been taken (a worksheet writes its merged cells after its rows)
    merges_read: bool = True               # False while (or when) the end of the worksheet was not reached
    delimiter: str | None = None           # a CSV's field separator (";" is what Excel writes for Vietnamese settings)

    @property
    def hidden(self) -> bool:
        return self.state != "visible"

    def column_hidden(self, column: int) -> bool:
        """Whether the 1-based column is hidden."""
        return any(first <= column <= last for first, last in self.hidden_columns)

    def notes(self, file_name: str) -> list[Problem]:
        """Warnings about the rows read so far: cells left out, formula values that may be stale."""
        from openpyxl.utils import get_column_letter

        notes = []
        if self.wide:
            row, column = self.wide[0]
            last = get_column_letter(MAX_COLUMNS)
            notes.append(Problem(file_name, row, get_column_letter(column), None,
                                 *both("etl_cells_right_not_read", cells=len(self.wide), column=last),
                                 sheet=self.name, severity="warning"))
        if self.after_gap or self.after_gap_unchecked:
            gap = {"gap": partial(format_number, MAX_EMPTY_RUN), "start": self.gap_from}
            reason = (both("etl_rows_after_gap", rows=len(self.after_gap), **gap) if self.after_gap
                      else both("etl_rows_after_gap_unchecked", **gap))
            notes.append(Problem(file_name, self.after_gap[0] if self.after_gap else self.gap_from, None, None,
                                 *reason, sheet=self.name, severity="warning"))
        if self.stale:
            row, column = self.stale[0]
            notes.append(Problem(
                file_name, row, get_column_letter(column), None, *both("etl_stale_formulas", cells=len(self.stale)),
                sheet=self.name, severity="warning"))
        return notes


def _mb(size: int) -> str:
    """A size in whole MB, grouped the Vietnamese way in both languages (tests/test_hostile_uploads.py reads it so)."""
    return format_number(round(size / MB), "vi")


def too_large(size: int) -> FileRefused:
    """The refusal of a file over MAX_FILE_BYTES, with its real size."""
    return FileRefused(*both("etl_file_too_large", size=partial(format_number, size), limit=MAX_FILE_BYTES // MB),
                       f"{size} B")


def kind_of(file_name: str, data: bytes) -> str:
    """'xlsx' or 'csv' from the content first, the name second; FileRefused for anything else."""
    if len(data) > MAX_FILE_BYTES:
        raise too_large(len(data))
    lower = file_name.lower()
    if data[:4] == b"PK\x03\x04" or data[:4] == b"PK\x05\x06":
        return "xlsx"
    if data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        raise FileRefused(*both("etl_old_excel_format"))
    if lower.endswith((".xlsx", ".xlsm")):
        raise FileRefused(*both("etl_xlsx_not_zip"))
    if lower.endswith((".csv", ".txt")):
        return "csv"
    raise FileRefused(*both("etl_unsupported_file_type"), file_name.rsplit(".", 1)[-1])


# --- The zip ---------------------------------------------------------------------------------------------------------

def _bomb(size: int) -> FileRefused:
    return FileRefused(*both("etl_zip_bomb", size=_mb(size), limit=MAX_UNZIPPED_BYTES // MB))


def _raw_bytes(data: bytes, info: zipfile.ZipInfo) -> memoryview:
    """The compressed bytes of one entry, found from its local header."""
    start = info.header_offset
    header = data[start:start + 30]
    if len(header) < 30 or header[:4] != b"PK\x03\x04":
        raise FileRefused(*both("etl_corrupt_zip"), info.filename)
    begin = start + 30 + int.from_bytes(header[26:28], "little") + int.from_bytes(header[28:30], "little")
    return memoryview(data)[begin:begin + info.compress_size]


def _check_entry(data: bytes, info: zipfile.ZipInfo) -> None:
    """Inflate one entry, counting bytes and checking its CRC; stop as soon as it passes its declared size (the
    declared sizes were summed already, so the real ones cannot add up to more)."""
    raw = _raw_bytes(data, info)
    scan = _DtdScan(info.filename)
    if info.compress_type == zipfile.ZIP_STORED:
        size, crc = len(raw), zlib.crc32(raw)
        scan.feed(bytes(raw))
    else:
        inflater, size, crc, position = zlib.decompressobj(-15), 0, 0, 0
        while not inflater.eof:
            if inflater.unconsumed_tail:
                chunk = inflater.unconsumed_tail
            else:
                chunk = raw[position:position + INFLATE_CHUNK]
                position += len(chunk)
            try:
                out = inflater.decompress(chunk, INFLATE_CHUNK)  # never more than a chunk out at a time
            except zlib.error as error:
                raise FileRefused(*both("etl_corrupt_zip"), info.filename) from error
            if not out and not chunk:
                break  # the stream ended without its end mark: the size or CRC check below refuses it
            size += len(out)
            crc = zlib.crc32(out, crc)
            scan.feed(out)
            if size > info.file_size:
                raise FileRefused(*both("etl_part_over_declared_size", part=info.filename,
                                        size=partial(format_number, info.file_size)), info.filename)
    if size != info.file_size or crc != info.CRC:
        raise FileRefused(*both("etl_corrupt_zip_checksum"), info.filename)


# A DTD in any XML part (the workbook, styles, content types, relationships, not only the sheets) is refused while
# the zip is inflated, before openpyxl's parsers see it: they would accept one.
DTD_MARKS = tuple(mark.encode(encoding) for mark in ("<!DOCTYPE", "<!ENTITY")
                  for encoding in ("utf-8", "utf-16-le", "utf-16-be"))
XML_PARTS = (".xml", ".rels", ".vml")


class _DtdScan:
    """Looks for a DTD in an XML part's bytes as they are inflated, across chunk boundaries."""

    def __init__(self, part: str):
        self.part, self.tail = part, b""
        self.active = part.lower().endswith(XML_PARTS)

    def feed(self, chunk: bytes) -> None:
        if not self.active:
            return
        window = self.tail + bytes(chunk)
        if any(mark in window for mark in DTD_MARKS):
            raise FileRefused(*both("etl_workbook_dtd"), self.part)
        self.tail = window[-20:]


def check_zip(data: bytes) -> None:
    """Refuse a zip that is not a workbook or would unpack too large, by its declared and by its real sizes."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, OSError) as error:
        raise FileRefused(*both("etl_corrupt_zip")) from error
    with archive:
        infos = archive.infolist()
    if len(infos) > MAX_ZIP_ENTRIES:
        raise FileRefused(*both("etl_too_many_zip_entries"))
    declared = sum(info.file_size for info in infos)
    if declared > MAX_UNZIPPED_BYTES:
        raise _bomb(declared)
    names = {info.filename for info in infos}
    if "xl/workbook.xml" not in names and "xl/workbook.bin" not in names:
        raise FileRefused(*both("etl_zip_not_workbook"))
    if "xl/workbook.bin" in names:
        raise FileRefused(*both("etl_xlsb_not_supported"))
    for info in infos:
        if info.flag_bits & 0x1:
            raise FileRefused(*both("etl_password_protected"))
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise FileRefused(*both("etl_zip_compression_unknown"), info.filename)
        _check_entry(data, info)


class _Parts(zipfile.ZipFile):
    """The workbook's zip as the parsers see it: a part read whole has a ceiling (sizes were checked for real)."""

    strings_part: str | None = None

    def open(self, name, mode="r", pwd=None, **kwargs):
        info = name if isinstance(name, zipfile.ZipInfo) else self.getinfo(name)
        limit = MAX_STRINGS_BYTES if info.filename == self.strings_part else MAX_PART_BYTES
        if mode == "r" and info.file_size > limit:
            raise FileRefused(*both("etl_part_too_large", part=info.filename, size=_mb(info.file_size),
                                    limit=limit // MB), info.filename)
        return super().open(name, mode, pwd, **kwargs)

    def open_sheet(self, name: str):
        """A worksheet is streamed, so only the total size bounds it."""
        return super().open(name)


# --- Workbook and sheets ---------------------------------------------------------------------------------------------

@dataclass
class _Workbook:
    archive: _Parts
    sheets: list[tuple[str, str, str]]     # (name, state, part)
    strings: list
    epoch: object
    date_formats: set
    timedelta_formats: set
    calculated_on_load: bool               # fullCalcOnLoad: the saved formula values were never calculated


def _broken(error: Exception) -> FileRefused:
    return FileRefused(*both("etl_broken_workbook", error=type(error).__name__))


def _workbook_part(manifest) -> str:
    """The workbook's part name from the content types, as Excel and LibreOffice write it (or the usual name)."""
    from openpyxl.xml.constants import ARC_WORKBOOK, XLSM, XLSX, XLTM, XLTX

    for content_type in (XLSX, XLSM, XLTX, XLTM):
        if (part := manifest.find(content_type)) is not None:
            return part.PartName[1:]
    return ARC_WORKBOOK


def _open_workbook(data: bytes) -> _Workbook:
    """The manifest, workbook and styles (read by openpyxl's public parsers, each part capped) and the shared
    strings; not the sheets."""
    from openpyxl.packaging.manifest import Manifest
    from openpyxl.reader.workbook import WorkbookParser
    from openpyxl.styles.stylesheet import Stylesheet
    from openpyxl.xml.constants import ARC_CONTENT_TYPES, ARC_STYLE, SHARED_STRINGS
    from openpyxl.xml.functions import fromstring

    archive = _Parts(io.BytesIO(data))
    try:
        manifest = Manifest.from_tree(fromstring(archive.read(ARC_CONTENT_TYPES)))
        strings: list[str] = []
        if (found := manifest.find(SHARED_STRINGS)) is not None:
            archive.strings_part = found.PartName[1:]
            with archive.open(archive.strings_part) as source:
                strings = _read_strings(source)
        parser = WorkbookParser(archive, _workbook_part(manifest), keep_links=False)
        parser.parse()
        names = set(archive.namelist())
        sheets = [(sheet.name, sheet.state or "visible", rel.target) for sheet, rel in parser.find_sheets()
                  if rel.target in names and rel.Type.endswith("/worksheet")]
        date_formats, timedelta_formats = set(), set()
        if ARC_STYLE in names:
            styles = Stylesheet.from_tree(fromstring(archive.read(ARC_STYLE)))
            date_formats, timedelta_formats = set(styles.date_formats), set(styles.timedelta_formats)
    except FileRefused:
        archive.close()
        raise
    except Exception as error:  # openpyxl raises many kinds for a broken workbook
        archive.close()
        raise _broken(error) from error
    calculation = parser.wb.calculation
    return _Workbook(archive, sheets, strings, parser.wb.epoch, date_formats, timedelta_formats,
                     bool(getattr(calculation, "fullCalcOnLoad", False)))


MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
CELL, VALUE, FORMULA, TEXT, PHONETIC, ROW, SHEET_DATA, ITEM, COL, MERGE_CELL, WORKSHEET = (
    MAIN + name for name in ("c", "v", "f", "t", "rPh", "row", "sheetData", "si", "col", "mergeCell", "worksheet"))


def _xml_parser(target):
    """An lxml parser that hands each event to `target` and builds no tree; it fetches nothing and keeps libxml2's
    limits on depth and text size (no huge_tree)."""
    from lxml import etree

    return etree.XMLParser(target=target, resolve_entities=False, no_network=True, load_dtd=False,
                           huge_tree=False, remove_comments=True, remove_pis=True)


def _no_dtd(*_args) -> None:
    """A workbook's XML never has a DTD: one is an attack (entity expansion), refused before it is read."""
    raise FileRefused(*both("etl_workbook_dtd"))


class _Strings:
    """Collects the shared strings: the text of each <si> (phonetic hints left out), unescaped."""

    doctype = staticmethod(_no_dtd)

    def __init__(self):
        self.strings: list[str] = []
        self.parts: list[str] | None = None
        self.buffer: list[str] | None = None
        self.phonetic = 0

    def start(self, tag, _attrib):
        if tag == ITEM:
            self.parts = []
        elif tag == PHONETIC:
            self.phonetic += 1
        elif tag == TEXT and self.parts is not None and not self.phonetic:
            self.buffer = []

    def data(self, text):
        if self.buffer is not None:
            self.buffer.append(text)

    def end(self, tag):
        if tag == TEXT and self.buffer is not None:
            self.parts.append("".join(self.buffer))
            self.buffer = None
        elif tag == PHONETIC:
            self.phonetic -= 1
        elif tag == ITEM and self.parts is not None:
            self.strings.append(unescape("".join(self.parts)))
            self.parts = None

    def close(self):
        return self.strings


def _read_strings(source) -> list[str]:
    target = _Strings()
    parser = _xml_parser(target)
    while chunk := source.read(FEED_CHUNK):
        parser.feed(chunk)
    return parser.close()


def _character(match: re.Match) -> str:
    code = int(match.group(1), 16)
    return "\ufffd" if 0xD800 <= code <= 0xDFFF else chr(code)  # half a surrogate pair is not text


def unescape(text: str) -> str:
    """Text as typed: '_x000D_' back to a carriage return, '_x005F_' to the underscore it protects."""
    return ESCAPED.sub(_character, text) if "_x" in text else text


def xlsx_sheets(data: bytes) -> Iterator[Sheet]:
    """The workbook's sheets, each read once: bounded by the number of sheets, one part per sheet (a part shared by
    many sheets would be inflated again for each), the bytes and elements read over all of them and the clock."""
    check_zip(data)
    book = _open_workbook(data)
    try:
        if len(book.sheets) > MAX_SHEETS:
            raise FileRefused(*both("etl_too_many_sheets", sheets=len(book.sheets), limit=MAX_SHEETS))
        parts = [part for _name, _state, part in book.sheets]
        if shared := sorted({part for part in parts if parts.count(part) > 1}):
            raise FileRefused(*both("etl_sheets_share_a_part"), shared[0])
        limits = _Limits()
        for name, state, part in book.sheets:
            if state != "visible" and name.startswith("_"):
                continue
            sheet = Sheet(nfc(name) or name, iter(()), state=state, merges_read=False)
            target = _SheetReader(book, sheet, limits.elements)
            sheet.rows = _bounded(_sheet_rows(book, part, target, limits), sheet, target.skim)
            yield sheet
    finally:
        book.archive.close()


class _Limits:
    """What reading one file may cost over all its sheets: XML elements, inflated bytes, wall-clock time."""

    def __init__(self):
        self.elements = [MAX_ELEMENTS]
        self.bytes_left = MAX_UNZIPPED_BYTES
        self.deadline = time.monotonic() + MAX_CHECK_SECONDS

    def spend(self, size: int, sheet: str | None) -> None:
        self.bytes_left -= size
        if self.bytes_left < 0:
            raise _bomb(MAX_UNZIPPED_BYTES - self.bytes_left)
        if time.monotonic() > self.deadline:
            raise FileRefused(*both("etl_check_too_long", seconds=MAX_CHECK_SECONDS), sheet=sheet)


def _sheet_rows(book: _Workbook, part: str, target: "_SheetReader", limits: _Limits):
    """Rows of one worksheet as (number, values), fed to the parser a chunk at a time; a gap between rows comes
    back as (at most MAX_EMPTY_RUN) empty rows, and reading ends with the sheet's data."""
    parser = _xml_parser(target)
    last = 0
    try:
        with book.archive.open_sheet(part) as source:
            while not target.done:
                if chunk := source.read(FEED_CHUNK):
                    limits.spend(len(chunk), target.sheet.name)
                    parser.feed(chunk)
                else:
                    parser.close()  # a sheet cut short is an error here
                    target.done = True
                rows, target.rows = target.rows, []
                for number, values in rows:
                    for gap in range(last + 1, min(number, last + 1 + MAX_EMPTY_RUN)):
                        yield gap, []
                    last = max(last, number)
                    yield number, values
    except FileRefused:
        raise
    except Exception as error:  # malformed XML, a bad cell reference or type, a corrupt stream
        raise _broken(error) from error


class _SheetReader:
    """Turns a worksheet's XML events into rows of values, one cell at a time, as openpyxl would read them with
    data_only=True; every element counts against the file's budget, and no tree is kept."""

    doctype = staticmethod(_no_dtd)

    def __init__(self, book: _Workbook, sheet: Sheet, budget: list[int]):
        self.book, self.sheet, self.budget = book, sheet, budget
        self.rows: list[tuple[int, list]] = []   # rows finished since the generator last took them
        self.done = False
        self.number = self.last = self.column = 0
        self.values: list | None = None          # the open row's values
        self.cell: tuple | None = None           # the open cell's (r, t, s)
        self.value = self.formula = self.capture = None
        self.texts: list[str] = []
        self.chars = self.phonetic = 0
        self.skim_left: int | None = None        # set once reading has ended: elements left to look through
        self.row_has_value = False
        self.tail = False                        # past the rows: only merged cells are noted

    def skim(self) -> None:
        """From here on only note which rows hold a value, converting nothing, within MAX_SKIM_ELEMENTS."""
        self.skim_left = MAX_SKIM_ELEMENTS
        self.row_has_value = bool(self.values)

    def _skim_start(self, tag, attrib) -> None:
        self.skim_left -= 1
        if self.skim_left < 0:
            self.sheet.after_gap_unchecked = not self.sheet.after_gap
            self.done = True
        elif tag == ROW:
            self.number = _row_number(attrib.get("r"), self.last)
            self.row_has_value = False
        elif tag in (VALUE, TEXT):
            self.row_has_value = True

    def _skim_end(self, tag) -> None:
        if tag == ROW:
            if self.row_has_value:
                self.rows.append((self.number, [True]))
            self.last = max(self.last, self.number)
        elif tag == SHEET_DATA:
            self.tail = True

    def _tail_start(self, tag, attrib) -> None:
        """After the rows: the merged ranges, which a worksheet writes there."""
        self.budget[0] -= 1
        if self.budget[0] < 0:
            raise FileRefused(*both("etl_workbook_too_large", elements=partial(format_number, MAX_ELEMENTS),
                                    cells=partial(format_number, MAX_ELEMENTS // 2)), sheet=self.sheet.name)
        if tag == MERGE_CELL and (ref := attrib.get("ref")):
            from openpyxl.utils.cell import range_boundaries

            if len(self.sheet.merges) >= MAX_MERGES:
                raise FileRefused(*both("etl_too_many_merges", limit=partial(format_number, MAX_MERGES)),
                                  ref, sheet=self.sheet.name)
            try:
                first_column, first_row, last_column, last_row = range_boundaries(ref)
            except (ValueError, TypeError):
                raise FileRefused(*both("etl_invalid_merge"), ref[:40], sheet=self.sheet.name) from None
            if None not in (first_column, first_row, last_column, last_row):
                self.sheet.merges.append((first_row, first_column, last_row, last_column))

    def start(self, tag, attrib):
        if self.tail:
            return self._tail_start(tag, attrib)
        if self.skim_left is not None:
            return self._skim_start(tag, attrib)
        self.budget[0] -= 1
        if self.budget[0] < 0:
            raise FileRefused(*both("etl_workbook_too_large", elements=partial(format_number, MAX_ELEMENTS),
                                    cells=partial(format_number, MAX_ELEMENTS // 2)), sheet=self.sheet.name)
        if tag == CELL:
            self.cell = (attrib.get("r"), attrib.get("t", "n"), attrib.get("s"))
            self.value = self.formula = None
            self.texts, self.chars = [], 0
        elif self.cell is None:
            if tag == ROW:
                self.number = _row_number(attrib.get("r"), self.last)
                self.values, self.column = [], 0
                if attrib.get("hidden") in ("1", "true") and len(self.sheet.hidden_rows) < MAX_HIDDEN_ROWS:
                    self.sheet.hidden_rows.add(self.number)
            elif tag == COL and attrib.get("hidden") in ("1", "true"):
                try:
                    first, last = int(attrib.get("min", "0")), int(attrib.get("max", "0"))
                except ValueError:
                    raise FileRefused(*both("etl_broken_workbook", error="col"), sheet=self.sheet.name) from None
                if 1 <= first <= last:
                    self.sheet.hidden_columns.append((first, min(last, EXCEL_COLUMNS)))
        elif tag == PHONETIC:
            self.phonetic += 1
        elif tag in (VALUE, FORMULA) or (tag == TEXT and not self.phonetic):
            self.capture = []

    def data(self, text):
        if self.capture is not None and self.skim_left is None:
            self.capture.append(text)
            self.chars += len(text)
            if self.chars > MAX_CELL_CHARS:
                raise FileRefused(*both("etl_cell_too_long", chars=partial(format_number, MAX_CELL_CHARS)),
                                  sheet=self.sheet.name, row=self.number)

    def end(self, tag):
        if self.tail:
            if tag == WORKSHEET:
                self.done = self.sheet.merges_read = True
            return None
        if self.skim_left is not None:
            return self._skim_end(tag)
        if self.cell is not None:
            if self.capture is not None and tag in (VALUE, FORMULA, TEXT):
                text, self.capture = "".join(self.capture), None
                if tag == VALUE:
                    self.value = text
                elif tag == FORMULA:
                    self.formula = text
                else:
                    self.texts.append(text)
            elif tag == PHONETIC:
                self.phonetic -= 1
            elif tag == CELL:
                self._finish_cell()
                self.cell = None
        elif tag == ROW and self.values is not None:
            self.rows.append((self.number, self.values))
            self.last, self.values = max(self.last, self.number), None
        elif tag == SHEET_DATA:
            self.tail = True

    def close(self):
        return None

    def _finish_cell(self) -> None:
        from openpyxl.utils.cell import coordinate_to_tuple, get_column_letter

        ref, kind, style = self.cell
        column = coordinate_to_tuple(ref)[1] if ref else self.column + 1
        self.column = column
        if column > EXCEL_COLUMNS:
            raise FileRefused(*both("etl_cell_beyond_xfd"), sheet=self.sheet.name, row=self.number)
        value = self._converted(kind, style)
        if self.formula is not None:
            if value is None and not (kind == "str" and self.value is not None):  # an empty <v> of text is ""
                raise _formula_refused(self.sheet.name, self.number, get_column_letter(column), self.formula)
            if self.book.calculated_on_load:
                self.sheet.stale.append((self.number, column))
        if self.values is not None:
            _place(self.values, column, value, self.number, self.sheet.wide)

    def _converted(self, kind: str, style: str | None):
        """The cell's value as openpyxl gives it: numbers, dates by their style, shared and inline text, booleans."""
        from openpyxl.utils.datetime import from_excel, from_ISO8601

        if kind == "inlineStr":
            return unescape("".join(self.texts)) if self.texts else None
        text = self.value or None
        if text is None:
            return None
        if kind == "n":
            number = _number(text)
            style_id = int(style) if style else 0
            if style_id not in self.book.date_formats:
                return number
            try:
                return from_excel(number, self.book.epoch, timedelta=style_id in self.book.timedelta_formats)
            except (OverflowError, ValueError):
                return "#VALUE!"
        if kind == "s":
            index = int(text)
            if index < 0:
                raise IndexError(index)
            return self.book.strings[index]
        if kind == "b":
            return bool(int(text))
        if kind == "d":
            return from_ISO8601(text)
        return unescape(text)  # str (a formula's text), e (an error such as #N/A)


def _number(text: str) -> int | float:
    """A cell's stored number: an int when written without a decimal point or exponent, else a float."""
    return float(text) if any(mark in text for mark in ".eE") else int(text)


def _row_number(text: str | None, previous: int) -> int:
    if text is None:
        return previous + 1
    if not (text.isascii() and text.isdigit()) or int(text) < 1:
        raise FileRefused(*both("etl_invalid_row_number"), text)
    return int(text)


def _formula_refused(sheet: str | None, row: int, column: str, formula: str) -> FileRefused:
    return FileRefused(*both("etl_formula_without_value"), ("=" + formula)[:100], sheet=sheet, row=row,
                       column=column)


def _place(row: list, column: int, value, number: int, wide: list) -> None:
    if value is None:
        return
    if column > MAX_COLUMNS:
        wide.append((number, column))
        return
    if column > len(row):
        row.extend([None] * (column - len(row)))
    row[column - 1] = value


def _is_empty(cells: list) -> bool:
    return all(c is None or (isinstance(c, str) and not c.strip()) for c in cells)


def _bounded(rows: Iterator[tuple[int, list]], sheet: Sheet, skim=None) -> Iterator[tuple[int, list]]:
    """Stop after MAX_EMPTY_RUN empty rows in a row, then look through the rest for rows with data, which are left
    out and reported (sheet.after_gap); raise TooManyRows past MAX_ROWS. `skim` switches the reader to looking."""
    empty_run = last = 0
    for number, cells in rows:
        if number > MAX_ROWS:
            raise TooManyRows()
        if _is_empty(cells):
            empty_run += 1
            if empty_run >= MAX_EMPTY_RUN:
                sheet.gap_from = last + 1
                if skim is not None:
                    skim()
                for later, rest in rows:
                    if later > MAX_ROWS:
                        break
                    if not _is_empty(rest):
                        sheet.after_gap.append(later)
                return
            continue
        empty_run, last = 0, number
        yield number, cells


# --- CSV -------------------------------------------------------------------------------------------------------------

MAX_CSV_FIELDS = 16_384                 # Excel's columns: a line of more is not a table (20 MB of commas is 20M cells)
BOMS = ((b"\xff\xfe\x00\x00", "utf-32"), (b"\x00\x00\xfe\xff", "utf-32"), (b"\xff\xfe", "utf-16"),
        (b"\xfe\xff", "utf-16"))


def decode_csv(data: bytes) -> str:
    """UTF-8 (with or without BOM), UTF-16/32 with a BOM (Excel's "Unicode text"), else Windows-1258 (Vietnamese
    Windows); text with NUL bytes and no BOM is refused with its likely encoding named."""
    for bom, encoding in BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as error:
                raise FileRefused(*both("etl_csv_bad_encoding", encoding=encoding.upper())) from error
    if b"\x00" in data[:4096]:
        raise FileRefused(*both("etl_csv_utf16_without_bom"))
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1258", errors="replace")


DELIMITERS = (",", ";", "\t")
SNIFF_LINES = 200


def guess_delimiter(text: str) -> str:
    """The separator that splits the most of the first lines, then the most into the same number of fields (quotes
    respected): a report's title lines have none, and its text and English numbers have commas ("Đào tạo nghề,
    truyền nghề", "47,380,294,000"), which confuse csv.Sniffer; ties go to it."""
    head = "\n".join(text.splitlines()[:SNIFF_LINES])
    scores = {}
    for candidate in DELIMITERS:
        try:
            counts = [len(row) for row in csv.reader(io.StringIO(head), delimiter=candidate) if len(row) > 1]
        except csv.Error:
            scores[candidate] = (-1, 0)
            continue
        modal = max(set(counts), key=lambda n: (counts.count(n), n)) if counts else 0
        scores[candidate] = (len(counts), counts.count(modal))  # lines it splits, then how many split alike
    best = max(scores.values())
    leaders = [c for c in DELIMITERS if scores[c] == best]
    if len(leaders) == 1:
        return leaders[0]
    try:
        return csv.Sniffer().sniff(text[:8192], delimiters="".join(leaders)).delimiter
    except csv.Error:
        return leaders[0]


def csv_sheets(data: bytes, delimiter: str | None = None) -> Iterator[Sheet]:
    """The one sheet of a CSV file; the delimiter is guessed (comma, semicolon or tab) unless given. A file with no
    cell holding a value, or a line of more fields than Excel has columns, is refused before it is parsed."""
    text = decode_csv(data)
    if not VALUE_CHARACTER.search(text):
        raise FileRefused(*both("etl_csv_no_values"))
    if delimiter is None:
        delimiter = guess_delimiter(text)
    for number, line in enumerate(text.splitlines(), start=1):
        if line.count(delimiter) >= MAX_CSV_FIELDS:
            raise FileRefused(*both("etl_csv_too_many_fields", line=number,
                                    limit=partial(format_number, MAX_CSV_FIELDS)))
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    sheet = Sheet(None, iter(()), delimiter=delimiter)

    def rows():
        try:
            for cells in reader:
                if len(cells) > MAX_COLUMNS and any(c.strip() for c in cells[MAX_COLUMNS:]):
                    sheet.wide.append((reader.line_num, MAX_COLUMNS + 1))
                yield reader.line_num, [c if c.strip() else None for c in cells[:MAX_COLUMNS]]
        except csv.Error as error:
            raise FileRefused(*both("etl_broken_csv", line=reader.line_num), str(error)[:100]) from error

    sheet.rows = _bounded(rows(), sheet)
    yield sheet
