"""Numbers and money as a reader sees them, in Vietnamese and English; not reported is never 0."""

from decimal import Decimal

import pandas as pd
import pytest

from khuyencong.i18n.formatting import format_money, format_number, format_percent, format_year_span, is_missing

NAN = float("nan")


@pytest.mark.parametrize(("mvnd", "lang", "shown"), [
    (53700, "vi", "53,7 tỷ đồng"),
    (53700, "en", "VND 53.7 bn"),
    (40000, "vi", "40 tỷ đồng"),
    (4870, "vi", "4,87 tỷ đồng"),
    (Decimal("16300.000"), "vi", "16,3 tỷ đồng"),
    (1234567, "vi", "1.234,57 tỷ đồng"),
    (1234567, "en", "VND 1,234.57 bn"),
    (5065, "vi", "5,07 tỷ đồng"),      # half up, as reports round; half-even would say 5,06
    (2125, "en", "VND 2.13 bn"),
    (850, "vi", "850 triệu đồng"),
    (850, "en", "VND 850 million"),
    (0, "vi", "0 triệu đồng"),
    (-6300, "vi", "-6,3 tỷ đồng"),
    (None, "vi", "không có số liệu"),
    (None, "en", "not reported"),
    (NAN, "vi", "không có số liệu"),
])
def test_format_money(mvnd, lang, shown):
    assert format_money(mvnd, lang) == shown


@pytest.mark.parametrize(("value", "lang", "decimals", "shown"), [
    (1234.5, "vi", 1, "1.234,5"),
    (1234.5, "en", 1, "1,234.5"),
    (1500, "vi", 0, "1.500"),
    (0, "vi", 0, "0"),
    (None, "vi", 0, "không có số liệu"),
])
def test_format_number(value, lang, decimals, shown):
    assert format_number(value, lang, decimals) == shown


@pytest.mark.parametrize(("value", "lang", "shown"), [(49.1, "vi", "49,1%"), (153.7, "en", "153.7%"),
                                                      (None, "en", "not reported")])
def test_format_percent(value, lang, shown):
    assert format_percent(value, lang) == shown


def test_zero_and_not_reported_read_differently():
    assert format_money(0, "vi") != format_money(None, "vi")


@pytest.mark.parametrize(("span", "shown"), [((2002, 2018), "2002–2018"), ((2007, 2007), "2007")])
def test_format_year_span(span, shown):
    assert format_year_span(*span) == shown


@pytest.mark.parametrize(("value", "missing"), [
    (None, True), (float("nan"), True), (pd.NA, True), (0, False), (0.0, False), (Decimal("0"), False), ("", False),
    (["doc"], False),
], ids=["None", "NaN", "NA", "int-zero", "float-zero", "decimal-zero", "empty-text", "list"])
def test_not_reported_is_told_apart_from_zero(value, missing):
    assert is_missing(value) is missing


@pytest.mark.parametrize(("note", "lang", "shown"), [
    ("không ghi ngày (khoảng 2021)", "en", "undated (about 2021)"),
    ("không ghi ngày (phê duyệt 07/9/2023)", "en", "undated (approved 07/9/2023)"),
    ("không ghi ngày (đầu 2018)", "en", "undated (early 2018)"),
    ("không ghi ngày (khoảng 2021)", "vi", "không ghi ngày (khoảng 2021)"),
    (None, "en", ""),
])
def test_a_date_note_reads_in_the_readers_language(note, lang, shown):
    from khuyencong.i18n.formatting import format_date_note

    assert format_date_note(note, lang) == shown
