"""Cell values as they come from real workbooks: Vietnamese numbers, units, text keys for matching."""

import re
import unicodedata
from datetime import date, datetime
from decimal import Decimal, InvalidOperation

from etl.importing.units import unit_named, unit_statement

# Money is stored in triệu đồng; a unit's spellings and factors are etl/importing/units.py's one table.

# Bounds of a plausible amount in triệu đồng (see README of the importer rules in etl/importer.py).
MIN_MVND = Decimal("0.001")          # under 1.000 đồng: an amount in đồng read as triệu/tỷ
MAX_MVND = Decimal("10000000")       # over 10.000 tỷ đồng for one row: an amount in đồng read as triệu


def nfc(value) -> str | None:
    """NFC text of a cell, stripped; an empty cell is None."""
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = unicodedata.normalize("NFC", str(value)).replace("\u00a0", " ").strip()
    return text or None


def fold(value) -> str:
    """Key for matching names: no diacritics, đ → d, lower case, punctuation as spaces, single spaces."""
    text = unicodedata.normalize("NFD", str(value or "")).replace("đ", "d").replace("Đ", "D")
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = re.sub(r"[^0-9a-z]+", " ", text)
    return " ".join(text.split())


def unit_factor(text: str) -> Decimal | None:
    """Factor (triệu đồng per unit) of a unit such as 'triệu đồng', 'Tr.đồng', '1.000 đồng'; None if not a money
    unit (units.UNIT_SPELLINGS)."""
    unit = unit_named(text)
    return unit.mvnd if unit is not None else None


def unit_line_factor(text) -> Decimal | None:
    """'Đơn vị tính: triệu đồng' / 'ĐVT: 1.000 đồng' → factor; None when the text states no money unit."""
    unit = unit_statement(text)
    return unit.mvnd if unit is not None else None


THOUSANDS_DOT = re.compile(r"^\d{1,3}(\.\d{3})+(,\d+)?$")
THOUSANDS_COMMA = re.compile(r"^\d{1,3}(,\d{3})+\.\d+$|^\d{1,3}(,\d{3}){2,}$")
PLAIN = re.compile(r"^\d+([.,]\d+)?$")
EMPTY_MARKS = {"-", "–", "—", "x", "X"}


class NotANumber(ValueError):
    pass


def parse_number(value) -> Decimal | None:
    """An Excel number or Vietnamese text ('1.500', '4,5', '1.234,56') as a Decimal; '-' and blank as None.

    Text with both separators follows the last one as the decimal mark ('1,234.56' is English). A lone
    comma is a decimal comma ('1,5' = 1,5); a lone dot is a thousands separator when it groups by three
    ('1.500' = 1500) and a decimal point otherwise ('4.5'). Negative numbers come back negative.
    """
    if value is None or isinstance(value, bool):
        if isinstance(value, bool):
            raise NotANumber(str(value))
        return None
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            raise NotANumber(str(value))
        return Decimal(repr(value))
    if isinstance(value, Decimal):
        return value
    if isinstance(value, (date, datetime)):
        raise NotANumber(str(value))
    text = nfc(value)
    if text is None or text in EMPTY_MARKS:
        return None
    text = text.replace(" ", "").replace("\u202f", "")
    negative = False
    if text.startswith("(") and text.endswith(")"):
        negative, text = True, text[1:-1]
    if text[:1] in "-−":
        negative, text = True, text[1:]
    elif text[:1] == "+":
        text = text[1:]
    if THOUSANDS_DOT.match(text):
        text = text.replace(".", "").replace(",", ".")
    elif THOUSANDS_COMMA.match(text):
        text = text.replace(",", "")
    elif PLAIN.match(text):
        text = text.replace(",", ".")
    else:
        raise NotANumber(str(value))
    try:
        number = Decimal(text)
    except InvalidOperation as error:
        raise NotANumber(str(value)) from error
    return -number if negative else number


def parse_year(value) -> int | None:
    """A year cell: 2024, 2024.0 or '2024'; None when blank; NotANumber otherwise."""
    number = parse_number(value) if not (isinstance(value, str) and re.fullmatch(r"\s*\d{4}\s*", value)) \
        else Decimal(value.strip())
    if number is None:
        return None
    if number != number.to_integral_value():
        raise NotANumber(str(value))
    return int(number)


# --- Bundled files (data/reference, data/sources): machine notation, one way to write each value -----------------

PLAIN_NUMBER = re.compile(r"^[+-]?\d+(\.\d+)?$")
TRUE_WORDS, FALSE_WORDS = {"true", "t", "1", "yes"}, {"false", "f", "0", "no"}


def parse_plain_number(text: str) -> Decimal:
    """'-12.5' as a Decimal: a bundled file writes numbers with a decimal point and no separators (unlike a
    province's workbook, where '1.500' is fifteen hundred); NotANumber otherwise."""
    if not PLAIN_NUMBER.match(text):
        raise NotANumber(text)
    return Decimal(text)


def parse_iso_date(text: str) -> date:
    """'2025-07-01' as a date; NotANumber otherwise."""
    try:
        return date.fromisoformat(text)
    except ValueError as error:
        raise NotANumber(text) from error


def parse_bool(text: str) -> bool:
    key = text.casefold()
    if key in TRUE_WORDS or key in FALSE_WORDS:
        return key in TRUE_WORDS
    raise NotANumber(text)
