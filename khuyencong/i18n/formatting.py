"""Numbers and money as people read them: Vietnamese (1.234,5; 53,7 tỷ đồng) or English (1,234.5; VND 53.7 bn).

Babel's vi and en locales supply the decimal and grouping marks and the date patterns' month names; these
wrappers fix the patterns (how many decimals, no locale-chosen spacing) so a figure reads the same everywhere.
"""

import math
import re
from datetime import UTC, datetime
from decimal import ROUND_HALF_UP, Decimal
from functools import cache
from zoneinfo import ZoneInfo

import pandas as pd
from babel import Locale, dates, numbers

from khuyencong.i18n.labels import LANGS, N_, t

# Babel's CLDR data puts no-break spaces (U+00A0, U+202F) in some patterns; the app writes plain spaces.
_NO_BREAK = str.maketrans({"\u00a0": " ", "\u202f": " "})
_NEGATIVE_ZERO = re.compile(r"-(?=[0.,]*%?$)")
DATE_PATTERNS = {"vi": "dd/MM/yyyy", "en": "d MMM yyyy"}
MONTH_PATTERNS = {"vi": "M/yyyy", "en": "MMM yyyy"}
# Times are stored in UTC and shown in Vietnam time (UTC+7, no daylight saving), always with the zone said.
VIETNAM = ZoneInfo("Asia/Ho_Chi_Minh")


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


# The precision rule, for every amount of money shown (screen, hovers, exports, slides):
# - a group of amounts read together (a column, a chart's labels, a row of a table) shares one unit and one number of
#   decimals, the fewest (at most 2 for tỷ đồng, 1 for triệu đồng) with which every amount stays within 1 % of its
#   value and amounts that differ stay apart: "6 tỷ đồng" never stands above "5,82 tỷ đồng" (the column reads "6,0"
#   and "5,8"); tỷ đồng throughout, triệu đồng only in tables of projects (format_money_group);
# - a headline (a key figure) keeps only the decimals that move it by more than 0,1 %: 1.338,39 reads 1.338
#   (format_headline_money);
# - an amount cited alone in a sentence is a figure as published: up to 2 decimals, trailing zeros dropped
#   (53,7 tỷ đồng; 141,35 tỷ đồng), in triệu đồng below 1 tỷ (format_money).
MONEY_TOLERANCE = Decimal("0.01")
HEADLINE_TOLERANCE = Decimal("0.001")
MOST_DECIMALS = {"bn": 2, "mn": 1}


def money_unit(mvnd) -> str:
    """The unit of one amount shown alone: tỷ đồng from 1.000 triệu up, else triệu đồng."""
    return "bn" if not is_missing(mvnd) and abs(mvnd) >= 1000 else "mn"


def money_decimals(values_mvnd, unit: str = "bn", tolerance: Decimal = MONEY_TOLERANCE) -> int:
    """The decimals a group of amounts (triệu đồng) is shown with in `unit` ('bn' tỷ đồng, 'mn' triệu đồng): the
    fewest that keep every amount within `tolerance` (1 %; 0,1 % for a group of one amount, read as a headline) of
    its value and different amounts apart, at most 2 (tỷ) or 1 (triệu)."""
    scale = 1000 if unit == "bn" else 1
    values = {Decimal(str(v)) / scale for v in values_mvnd if not is_missing(v)}
    if len(values) <= 1:   # a group of one amount is read alone, as a headline
        tolerance = min(tolerance, HEADLINE_TOLERANCE)
    most = MOST_DECIMALS[unit]
    for decimals in range(most + 1):
        step = Decimal(1).scaleb(-decimals)
        rounded = {v: v.quantize(step, rounding=ROUND_HALF_UP) for v in values}
        close = all(abs(r - v) <= abs(v) * tolerance for v, r in rounded.items())
        if close and len(set(rounded.values())) == len(values):
            return decimals
    return most


def format_money(mvnd, lang: str = "vi", unit: str | None = None, decimals: int | None = None) -> str:
    """Money stored in triệu đồng, in tỷ đồng from 1.000 triệu up, else in triệu đồng (or in `unit`). Without
    `decimals`, a figure as published: up to 2 decimals of tỷ (1 of triệu), trailing zeros dropped; with them (a
    group's, a headline's) exactly that many, zeros kept so that a column reads alike."""
    if is_missing(mvnd):
        return not_reported(lang)
    unit = unit or money_unit(mvnd)
    trim = decimals is None
    if decimals is None:
        decimals = MOST_DECIMALS[unit]
    if unit == "bn":
        number = format_number(Decimal(str(mvnd)) / 1000, lang, decimals=decimals, trim=trim)
        return t("money_bn", lang, number=number)
    return t("money_mn", lang, number=format_number(mvnd, lang, decimals=decimals, trim=trim))


def headline_decimals(mvnd) -> int:
    """The decimals of a key figure: only those that move it by more than 0,1 %."""
    return money_decimals([mvnd], money_unit(mvnd), HEADLINE_TOLERANCE)


def format_headline_money(mvnd, lang: str = "vi") -> str:
    """A key figure: 1.338,39 tỷ đồng reads 1.338 tỷ đồng, 53,7 stays 53,7 (headline_decimals)."""
    if is_missing(mvnd):
        return not_reported(lang)
    return format_money(mvnd, lang, money_unit(mvnd), headline_decimals(mvnd))


def format_money_group(values_mvnd, lang: str = "vi", unit: str = "bn") -> list[str]:
    """A group of amounts (a column, a chart's labels) in one unit with one number of decimals (money_decimals):
    tỷ đồng unless the group is the money of a table of projects (unit='mn')."""
    values = list(values_mvnd)
    decimals = money_decimals(values, unit)
    return [format_money(v, lang, unit=unit, decimals=decimals) for v in values]


def money_axis_format(values_mvnd) -> str:
    """Plotly's tickformat for an axis of tỷ đồng that holds `values_mvnd`: as many decimals as the group needs."""
    return f",.{money_decimals(values_mvnd)}f"


def format_percent(value, lang: str = "vi", decimals: int = 1) -> str:
    """49.1 -> '49,1%' (vi) or '49.1%' (en): one decimal everywhere (a count of percent points is not more exact
    than its figures); `decimals` only for a share whose tenths all round alike."""
    if is_missing(value):
        return not_reported(lang)
    return format_number(value, lang, decimals) + "%"   # half up, as format_number (49,05 -> 49,1%)


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


# How a publisher is described in the catalogue of documents ("VCCI (đăng lại VEN)", "Vietnam.vn (bản dịch)"): the
# descriptive words, longest first, each with the catalog key of its words in another language. Names (Báo Lâm Đồng,
# Bộ Công Thương) stay as they are.
PUBLISHER_WORDS = (
    ("trang tổng hợp, đăng lại tin", N_("publisher_aggregator_republishing")),
    ("trang đăng lại", N_("publisher_republishing_site")),
    ("blog đăng lại", N_("publisher_blog_republishing")),
    ("đăng lại, có thể của", N_("publisher_republished_probably")),
    ("đăng lại", N_("publisher_republished")),
    ("bản tiếng Nhật", N_("publisher_japanese_edition")),
    ("bản dịch", N_("publisher_translation")),
    ("bản sao", N_("publisher_copy")),
    ("tiếng Anh", N_("publisher_english")),
    ("tiếng Pháp", N_("publisher_french")),
    ("theo", N_("publisher_after")),
    ("dẫn", N_("publisher_citing")),
)


def publisher_in(publisher: str, lang: str) -> str:
    """A publisher as the documents' catalogue describes it, its descriptive words in `lang` (names unchanged)."""
    if lang == "vi" or not publisher:
        return publisher
    for words, key in PUBLISHER_WORDS:  # only where a description starts: after "(" or ", " (never inside a name)
        publisher = re.sub(rf"(?:(?<=\()|(?<=, )){re.escape(words)}(?!\w)", t(key, lang), publisher)
    return publisher


def cite_document(title, publisher, published_on, date_note, lang: str = "vi") -> str:
    """'Triển khai 65 đề án khuyến công (Báo Lâm Đồng, 31/07/2017)': a document as a reader cites it, by its date or,
    without one, its date note ('không ghi ngày'); the publisher's descriptive words in the reader's language."""
    date = format_date(published_on, lang) or format_date_note(date_note, lang)
    details = ", ".join(part for part in (publisher_in(text_or_empty(publisher), lang), date) if part)
    return f"{title} ({details})" if details else str(title)


def format_month(value, lang: str = "vi") -> str:
    """7/2025 (vi) or Jul 2025 (en); '' when there is no date."""
    if is_missing(value) or value is pd.NaT:
        return ""
    return _plain(dates.format_date(value, MONTH_PATTERNS.get(lang, MONTH_PATTERNS["vi"]), locale=_locale(lang)))


def vietnam_today():
    """Today's date as the clock in Vietnam reads it (the server's own date may still be yesterday, or tomorrow)."""
    return datetime.now(VIETNAM).date()


def vietnam_time(value) -> datetime:
    """A stored time (UTC, naive as DuckDB's TIMESTAMP hands it over, or aware) as the clock in Vietnam reads it."""
    stamp = pd.Timestamp(value).to_pydatetime()
    if stamp.tzinfo is None:
        stamp = stamp.replace(tzinfo=UTC)
    return stamp.astimezone(VIETNAM)


def format_datetime(value, lang: str = "vi", zone: bool = True) -> str:
    """A stored time (UTC) as read in Vietnam, with the zone said: '27/11/2026 09:46 (giờ Việt Nam, UTC+7)' (vi) or
    '27 Nov 2026 09:46 (Vietnam time, UTC+7)' (en); '' when there is no time. zone=False leaves the zone to a
    label that says it (a key figure whose value must stay short)."""
    if is_missing(value) or value is pd.NaT:
        return ""
    pattern = DATE_PATTERNS.get(lang, DATE_PATTERNS["vi"]) + " HH:mm"
    local = vietnam_time(value)
    text = _plain(dates.format_datetime(local.replace(tzinfo=None), pattern, locale=_locale(lang)))
    return t("time_in_vietnam", lang, time=text) if zone else text
