"""Numbers and money as people read them: Vietnamese (1.234,5; 53,7 tỷ đồng) or English (1,234.5; VND 53.7 bn)."""

import math
from decimal import Decimal

import pandas as pd

NOT_REPORTED = {"vi": "không có số liệu", "en": "not reported"}


def is_missing(value) -> bool:
    """True for None, NaN and pandas' NA: a figure that was not reported (which is not zero)."""
    if value is None or value is pd.NA:
        return True
    try:
        return math.isnan(value)
    except TypeError:
        return False


def format_number(value, lang: str = "vi", decimals: int = 0, trim: bool = False) -> str:
    """Group thousands and set the decimal mark by language; trim drops trailing zero decimals."""
    if is_missing(value):
        return NOT_REPORTED[lang]
    text = f"{Decimal(str(value)):,.{decimals}f}"
    if trim and "." in text:
        text = text.rstrip("0").rstrip(".")
    if text in ("-0", "-0.0"):
        text = text[1:]
    if lang == "vi":
        text = text.replace(",", "\0").replace(".", ",").replace("\0", ".")
    return text


def format_money(mvnd, lang: str = "vi", unit: str | None = None) -> str:
    """Money stored in triệu đồng, shown in tỷ đồng from 1.000 triệu up, else in triệu đồng."""
    if is_missing(mvnd):
        return NOT_REPORTED[lang]
    unit = unit or ("bn" if abs(mvnd) >= 1000 else "mn")
    if unit == "bn":
        number = format_number(Decimal(str(mvnd)) / 1000, lang, decimals=2, trim=True)
        return f"{number} tỷ đồng" if lang == "vi" else f"VND {number} bn"
    number = format_number(mvnd, lang, decimals=1, trim=True)
    return f"{number} triệu đồng" if lang == "vi" else f"VND {number} million"


def format_percent(value, lang: str = "vi", decimals: int = 1) -> str:
    """49.1 -> '49,1%' (vi) or '49.1%' (en)."""
    if is_missing(value):
        return NOT_REPORTED[lang]
    return f"{format_number(value, lang, decimals)}%"


def format_year_span(year_from: int, year_to: int) -> str:
    """2002–2018, or 2007 for a single year."""
    return str(year_from) if year_from == year_to else f"{year_from}–{year_to}"


MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def text_or_empty(value) -> str:
    """A text cell, or '' when it is NULL (which pandas may hand over as NaN)."""
    return "" if is_missing(value) or value is pd.NaT else str(value)


def format_date(value, lang: str = "vi") -> str:
    """09/08/2018 (vi) or 9 Aug 2018 (en); '' when there is no date."""
    if is_missing(value) or value is pd.NaT:
        return ""
    if lang == "vi":
        return f"{value.day:02d}/{value.month:02d}/{value.year}"
    return f"{value.day} {MONTHS_EN[value.month - 1]} {value.year}"


def format_datetime(value, lang: str = "vi") -> str:
    """A load time: 23/11/2026 09:31 (vi) or 23 Nov 2026 09:31 (en)."""
    if is_missing(value) or value is pd.NaT:
        return ""
    return f"{format_date(value, lang)} {value:%H:%M}"
