"""What a report's cell is: text, a year, a number, an amount, a sequence mark (report_grammar.py reads them)."""

import re
from decimal import Decimal

from etl.importing.units import Money, number_readings, parse_money
from etl.importing.values import nfc

FIRST_YEAR, LAST_YEAR = 1990, 2100
YEAR_TEXT = re.compile(r"^(19|20)\d\d$")


def text_of(value) -> str | None:
    return nfc(value) if value is not None and not isinstance(value, bool) else None


def year_of(value) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)) and float(value).is_integer() and FIRST_YEAR <= int(value) <= LAST_YEAR:
        return int(value)
    text = text_of(value)
    if text and YEAR_TEXT.match(text) and FIRST_YEAR <= int(text) <= LAST_YEAR:
        return int(text)
    return None


def is_number(value) -> bool:
    return isinstance(value, (int, float, Decimal)) and not isinstance(value, bool)


def looks_numeric(value) -> bool:
    """A number, or text that starts with a digit (an amount written as text)."""
    if is_number(value):
        return True
    text = text_of(value)
    return bool(text) and text[0].isdigit()


def numeric_cell(value) -> bool:
    """A number, or text that is an amount ("1.500", "1,5 tỷ"); not a year, not words that start with a digit
    ("6 tháng đầu năm")."""
    if is_number(value):
        return not year_of(value)
    text = text_of(value)
    if not text or not text[0].isdigit() or year_of(text):
        return False
    readings = number_readings(text)
    if readings["vi"] is not None or readings["en"] is not None:
        return True
    return isinstance(parse_money(text), Money)


def sequence_text(value) -> str | None:
    """A sequence cell as text: 1 → '1', 1.1 → '1.1', ' II ' → 'II'."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = text_of(value)
    return text.rstrip(".") if text and text not in (".",) else text


