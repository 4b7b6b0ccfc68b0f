"""Files for the finance office: .xlsx and .csv of exactly the filtered table, safe to open in Excel.

Text that a spreadsheet would run as a formula (starting with = + - @, a tab, CR or LF) is neutralised; numbers stay
numbers (negative too); NULL stays an empty cell, never 0.
"""

import io
import math
import re
import unicodedata
from collections.abc import Mapping, Sequence
from datetime import date, datetime

import pandas as pd
import xlsxwriter

INFO_SHEET = "Thông tin"
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "\n")
# C0 control characters (NUL, ESC, …) and DEL are dropped from every text cell: Excel refuses some of them in .xlsx
# and a terminal runs ESC sequences of a .csv printed to it. Tab and line breaks are text.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
MAX_WIDTH, MIN_WIDTH = 60, 8
DATE_FORMAT, DATETIME_FORMAT = "dd/mm/yyyy", "dd/mm/yyyy hh:mm"


def clean_text(text: str) -> str:
    """Text without control characters (CONTROL_CHARACTERS)."""
    return CONTROL_CHARACTERS.sub("", text)


def is_formula_like(value) -> bool:
    """True for text a spreadsheet could take as a formula or a command."""
    return isinstance(value, str) and value.startswith(FORMULA_TRIGGERS)


def neutralise(value):
    """Text that could run as a formula gets a leading apostrophe (for CSV); anything else is returned as it is."""
    return "'" + value if is_formula_like(value) else value


def _missing(value) -> bool:
    if value is None or value is pd.NaT or value is pd.NA:
        return True
    try:
        return math.isnan(value)
    except TypeError:
        return False


def _is_number_column(series: pd.Series) -> bool:
    return pd.api.types.is_numeric_dtype(series) and not pd.api.types.is_bool_dtype(series)


def _decimals_needed(series: pd.Series, most: int = 3) -> int:
    """The fewest decimals (0..most) that show every value of a numeric column exactly as stored."""
    for decimals in range(most + 1):
        values = series.dropna().astype(float)
        if ((values * 10**decimals).round(6) % 1 == 0).all():
            return decimals
    return most


def number_format(series: pd.Series) -> str:
    """#,##0 for whole numbers, #,##0.0 to #,##0.000 for money that needs decimals."""
    decimals = _decimals_needed(series)
    return "#,##0" + ("." + "0" * decimals if decimals else "")


def _sheet_name(name: str, taken: set[str]) -> str:
    """Excel sheet names: at most 31 characters, none of []:*?/\\, unique."""
    base = re.sub(r"[\[\]:*?/\\]", " ", name).strip()[:31] or "Sheet"
    candidate, n = base, 2
    while candidate.lower() in taken:
        candidate = f"{base[:28]} {n}"
        n += 1
    taken.add(candidate.lower())
    return candidate


class _Writer:
    """Writes one cell by its type: numbers as numbers, dates as dates, text as text (never a formula)."""

    def __init__(self, book: xlsxwriter.Workbook) -> None:
        self.book = book
        self.formats: dict[tuple, object] = {}
        self.text_guarded = self.fmt(quote_prefix=True)
        self.date = self.fmt(num_format=DATE_FORMAT)
        self.datetime = self.fmt(num_format=DATETIME_FORMAT)

    def fmt(self, **properties):
        key = tuple(sorted(properties.items()))
        if key not in self.formats:
            self.formats[key] = self.book.add_format(properties)
        return self.formats[key]

    def cell(self, sheet, row: int, col: int, value, number_fmt=None, text_fmt=None) -> None:
        if _missing(value):
            sheet.write_blank(row, col, None, number_fmt)
        elif isinstance(value, bool):
            sheet.write_boolean(row, col, value)
        elif isinstance(value, (int, float)) and not isinstance(value, bool):
            sheet.write_number(row, col, value, number_fmt)
        elif hasattr(value, "dtype") and pd.api.types.is_number(value):  # numpy scalars
            sheet.write_number(row, col, float(value), number_fmt)
        elif isinstance(value, datetime):
            has_time = (value.hour, value.minute, value.second) != (0, 0, 0)
            sheet.write_datetime(row, col, value.replace(tzinfo=None), self.datetime if has_time else self.date)
        elif isinstance(value, date):
            sheet.write_datetime(row, col, value, self.date)
        else:
            text = clean_text(str(value))
            # write_string never makes a formula; the quote prefix keeps Excel from making one when the cell is edited.
            sheet.write_string(row, col, text, self.text_guarded if is_formula_like(text) else text_fmt)


def _width(header: str, series: pd.Series, shown) -> int:
    lengths = [len(str(header))] + [len(shown(v)) for v in series.head(500)]
    return max(MIN_WIDTH, min(MAX_WIDTH, max(lengths) + 2))


def _write_table(writer: _Writer, sheet, frame: pd.DataFrame, formats: Mapping[str, str]) -> None:
    header = writer.fmt(bold=True, text_wrap=True, valign="top", bg_color="#E8EEF4", bottom=1)
    wrap = writer.fmt(text_wrap=True, valign="top")
    for col, name in enumerate(frame.columns):
        series = frame[name]
        sheet.write_string(0, col, str(name), header)
        if _is_number_column(series):
            number_fmt = writer.fmt(num_format=formats.get(name) or number_format(series), valign="top")
            for row, value in enumerate(series.tolist(), start=1):
                writer.cell(sheet, row, col, value, number_fmt)
            sheet.set_column(col, col, _width(name, series, lambda v: f"{v:,.3f}" if not _missing(v) else ""))
        else:
            width = _width(name, series, lambda v: "" if _missing(v) else str(v))
            for row, value in enumerate(series.tolist(), start=1):
                writer.cell(sheet, row, col, value, None, wrap if width >= MAX_WIDTH else None)
            sheet.set_column(col, col, width)
    sheet.freeze_panes(1, 0)
    if len(frame.columns):
        sheet.autofilter(0, 0, max(len(frame), 1), len(frame.columns) - 1)


def make_xlsx(sheets: Mapping[str, pd.DataFrame], info: Sequence[tuple], formats: Mapping[str, str] | None = None
              ) -> bytes:
    """A workbook with one sheet per table and a 'Thông tin' sheet.

    `info` rows are (label, value, ...): values may be text, numbers or dates. `formats` overrides the number format
    of named columns (e.g. '0' for years, which must not get a thousands separator).
    """
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True, "strings_to_formulas": False, "strings_to_urls": False,
                                        "strings_to_numbers": False})
    writer = _Writer(book)
    taken: set[str] = {INFO_SHEET.lower()}
    for name, frame in sheets.items():
        _write_table(writer, book.add_worksheet(_sheet_name(name, taken)), frame, formats or {})
    sheet = book.add_worksheet(INFO_SHEET)
    label_fmt = writer.fmt(bold=True, valign="top", text_wrap=True)
    wrap = writer.fmt(text_wrap=True, valign="top")
    for row, (label, *values) in enumerate(info):
        writer.cell(sheet, row, 0, label, text_fmt=label_fmt)
        for col, value in enumerate(values, start=1):
            writer.cell(sheet, row, col, value, writer.fmt(num_format="#,##0", valign="top"), wrap)
    sheet.set_column(0, 0, 30)
    sheet.set_column(1, 1, 80)
    sheet.set_column(2, 3, 24)
    book.close()
    return buffer.getvalue()


def _csv_cell(value, decimal: str = "."):
    if _missing(value):
        return ""
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, float)) or (hasattr(value, "dtype") and pd.api.types.is_number(value)):
        number = float(value)
        text = str(int(number)) if number.is_integer() else repr(number)
        return text.replace(".", decimal)
    return neutralise(clean_text(value)) if isinstance(value, str) else value


# Excel reads a .csv with the list separator of the computer's regional settings: "," in English settings, ";" with
# the decimal comma of Vietnamese ones. The "vi" dialect is the file a Vietnamese Excel opens into columns.
CSV_DIALECTS = {"en": (",", "."), "vi": (";", ",")}


def make_csv(frame: pd.DataFrame, dialect: str = "en") -> bytes:
    """UTF-8 with a byte-order mark (so Excel reads Vietnamese), formula-like text neutralised, control characters
    dropped, plain numbers (no thousands mark). `dialect` 'en': ',' between cells and a decimal point; 'vi': ';'
    and a decimal comma, for Excel with Vietnamese regional settings."""
    separator, decimal = CSV_DIALECTS[dialect]
    out = pd.DataFrame({name: [_csv_cell(v, decimal) for v in frame[name].tolist()] for name in frame.columns},
                       columns=frame.columns, dtype=object)
    text = out.to_csv(index=False, sep=separator, lineterminator="\r\n")
    return "\ufeff".encode() + text.encode("utf-8")


def slugify(text: str) -> str:
    """'Nghệ An' -> 'nghe-an': ASCII, lower case, no diacritics (đ -> d)."""
    folded = unicodedata.normalize("NFD", str(text).replace("đ", "d").replace("Đ", "D"))
    ascii_text = folded.encode("ascii", "ignore").decode("ascii").lower()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")


def make_file_name(areas: Sequence[str], year_from: int, year_to: int, table: str, ext: str,
                   search: str = "") -> str:
    """khuyen-cong_nghe-an_2002-2018_du-an.xlsx: areas (or tat-ca), years, table, and the search if any."""
    slugs = [s for s in dict.fromkeys(slugify(a) for a in areas) if s]
    if not slugs:
        area_part = "tat-ca"
    elif len(slugs) <= 3:
        area_part = "_".join(slugs)
    else:
        area_part = "_".join(slugs[:2]) + f"_va-{len(slugs) - 2}-noi-khac"
    years = str(year_from) if year_from == year_to else f"{year_from}-{year_to}"
    parts = ["khuyen-cong", area_part, years, slugify(table)]
    if slugify(search):
        parts.append("tim-" + slugify(search)[:30].strip("-"))
    return "_".join(parts) + "." + ext.lstrip(".")
