"""Numbers and money as people read them: Vietnamese (1.234,5; 53,7 tỷ đồng) or English (1,234.5; VND 53.7 bn).

Babel's vi and en locales supply the decimal and grouping marks and the date patterns' month names; these
wrappers fix the patterns (how many decimals, no locale-chosen spacing) so a figure reads the same everywhere.
"""

import math
import re
from decimal import ROUND_HALF_UP, Decimal
from functools import cache

import pandas as pd
from babel import Locale, dates, numbers

from khuyencong.i18n.labels import LANGS, N_, t

# Babel's CLDR data puts no-break spaces (U+00A0, U+202F) in some patterns; the app writes plain spaces.
_NO_BREAK = str.maketrans({"\u00a0": " ", "\u202f": " "})
_NEGATIVE_ZERO = re.compile(r"-(?=[0.,]*%?$)")
DATE_PATTERNS = {"vi": "dd/MM/yyyy", "en": "d MMM yyyy"}
MONTH_PATTERNS = {"vi": "M/yyyy", "en": "MMM yyyy"}


@cache
def _locale(lang: str) -> Locale:
    return Locale.parse(lang if lang in LANGS else "vi")


@cache
def _marks(lang: str) -> dict[int, str]:
    """Babel's decimal and grouping marks of `lang`, as a str.translate table from Python's '.' and ','."""
    locale = _locale(lang)
    return str.maketrans({".": numbers.get_decimal_symbol(locale),
                          ",": numbers.get_group_symbol(locale).translate(_NO_BREAK)})


def _plain(text: str) -> str:
    """No-break spaces as spaces, and no minus on a figure that rounds to zero ('-0,0' -> '0,0')."""
    return _NEGATIVE_ZERO.sub("", text.translate(_NO_BREAK))


def is_missing(value) -> bool:
    """True for None, NaN and pandas' NA: a figure that was not reported (which is not zero)."""
    if value is None or value is pd.NA:
        return True
    try:
        return math.isnan(value)
    except TypeError:
        return False


def not_reported(lang: str = "vi") -> str:
    """What a NULL figure reads: 'không có số liệu' / 'not reported' (never 0)."""
    return t("not_reported", lang)


def _pattern(decimals: int, trim: bool) -> str:
    return "#,##0" + ("." + ("#" if trim else "0") * decimals if decimals else "")


def format_number(value, lang: str = "vi", decimals: int = 0, trim: bool = False) -> str:
    """Group thousands and set the decimal mark by language; trim drops trailing zero decimals."""
    if is_missing(value):
        return not_reported(lang)
    # Half up, as reports round (5,065 tỷ reads 5,07, not half-even's 5,06); Python groups, Babel's locale data gives
    # the marks. Babel's own format_decimal parses its pattern on every call: 20-40 ms more for a page of a thousand.
    rounded = Decimal(str(value)).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    text = f"{rounded:,.{decimals}f}"
    if trim and "." in text:
        text = text.rstrip("0").rstrip(".")
    return _plain(text.translate(_marks(lang)))


def format_money(mvnd, lang: str = "vi", unit: str | None = None, decimals: int = 2) -> str:
    """Money stored in triệu đồng, shown in tỷ đồng from 1.000 triệu up, else in triệu đồng. `decimals`: the most
    decimals of tỷ đồng (trailing zeros dropped); a table of figures as published asks for 3 (2,925 tỷ đồng)."""
    if is_missing(mvnd):
        return not_reported(lang)
    unit = unit or ("bn" if abs(mvnd) >= 1000 else "mn")
    if unit == "bn":
        number = format_number(Decimal(str(mvnd)) / 1000, lang, decimals=decimals, trim=True)
        return t("money_bn", lang, number=number)
    return t("money_mn", lang, number=format_number(mvnd, lang, decimals=1, trim=True))


def format_percent(value, lang: str = "vi", decimals: int = 1) -> str:
    """49.1 -> '49,1%' (vi) or '49.1%' (en)."""
    if is_missing(value):
        return not_reported(lang)
    share = Decimal(str(value)) / 100
    return _plain(numbers.format_percent(share, format=_pattern(decimals, False) + "%", locale=_locale(lang)))


def number_separators(lang: str) -> str:
    """The decimal mark then the thousands mark, as Plotly's `separators` takes them: ',.' (vi), '.,' (en)."""
    locale = _locale(lang)
    return numbers.get_decimal_symbol(locale) + numbers.get_group_symbol(locale).translate(_NO_BREAK)


def format_year_span(year_from: int, year_to: int) -> str:
    """2002–2018, or 2007 for a single year."""
    return str(year_from) if year_from == year_to else f"{year_from}–{year_to}"


def text_or_empty(value) -> str:
    """A text cell, or '' when it is NULL (which pandas may hand over as NaN)."""
    return "" if is_missing(value) or value is pd.NaT else str(value)


def format_date(value, lang: str = "vi") -> str:
    """09/08/2018 (vi) or 9 Aug 2018 (en); '' when there is no date."""
    if is_missing(value) or value is pd.NaT:
        return ""
    return _plain(dates.format_date(value, DATE_PATTERNS.get(lang, DATE_PATTERNS["vi"]), locale=_locale(lang)))


# The words of a stored date note (source_document.date_note, written in Vietnamese), in the reader's language.
DATE_NOTE_WORDS = (N_("date_note_undated"), N_("date_note_about"), N_("date_note_approved"), N_("date_note_early"),
                   N_("date_note_month"))


def format_date_note(note, lang: str = "vi") -> str:
    """'không ghi ngày (khoảng 2021)' as an English reader reads it: 'undated (about 2021)'; '' for no note."""
    text = text_or_empty(note)
    if lang != "vi":
        for key in DATE_NOTE_WORDS:
            text = text.replace(t(key, "vi"), t(key, lang))
    return text


def cite_document(title, publisher, published_on, date_note, lang: str = "vi") -> str:
    """'Triển khai 65 đề án khuyến công (Báo Lâm Đồng, 31/07/2017)': a document as a reader cites it, by its date or,
    without one, its date note ('không ghi ngày')."""
    date = format_date(published_on, lang) or format_date_note(date_note, lang)
    details = ", ".join(part for part in (text_or_empty(publisher), date) if part)
    return f"{title} ({details})" if details else str(title)


def format_month(value, lang: str = "vi") -> str:
    """7/2025 (vi) or Jul 2025 (en); '' when there is no date."""
    if is_missing(value) or value is pd.NaT:
        return ""
    return _plain(dates.format_date(value, MONTH_PATTERNS.get(lang, MONTH_PATTERNS["vi"]), locale=_locale(lang)))


def format_datetime(value, lang: str = "vi") -> str:
    """A load time: 23/11/2026 09:31 (vi) or 23 Nov 2026 09:31 (en), in the time's own zone."""
    if is_missing(value) or value is pd.NaT:
        return ""
    pattern = DATE_PATTERNS.get(lang, DATE_PATTERNS["vi"]) + " HH:mm"
    return _plain(dates.format_datetime(value, pattern, locale=_locale(lang)))
