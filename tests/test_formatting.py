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
    (1234567, "vi", "1.234,57 tỷ đồng"),  # alone in a sentence: a figure as published, up to 2 decimals
    (1234567, "en", "VND 1,234.57 bn"),
    (141350, "vi", "141,35 tỷ đồng"),
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


@pytest.mark.parametrize(("group", "lang", "unit", "shown"), [
    # one precision per column: never "6 tỷ đồng" above "5,82 tỷ đồng"
    ([6000, 5820], "vi", "bn", ["6,0 tỷ đồng", "5,8 tỷ đồng"]),
    ([6000, 5820, 5800], "vi", "bn", ["6,00 tỷ đồng", "5,82 tỷ đồng", "5,80 tỷ đồng"]),   # kept apart
    ([543240, 60000, 126100], "vi", "bn", ["543 tỷ đồng", "60 tỷ đồng", "126 tỷ đồng"]),  # all within 1 %
    ([543240, 60000, 126100], "en", "bn", ["VND 543 bn", "VND 60 bn", "VND 126 bn"]),
    ([314288, 910], "vi", "bn", ["314,29 tỷ đồng", "0,91 tỷ đồng"]),     # never triệu beside tỷ in one column
    ([1234.5, 850, None], "vi", "mn", ["1.235 triệu đồng", "850 triệu đồng", "không có số liệu"]),
    ([None, None], "en", "bn", ["not reported", "not reported"]),
    ([], "vi", "bn", []),
])
def test_a_group_of_amounts_reads_in_one_unit_and_one_precision(group, lang, unit, shown):
    from khuyencong.i18n.formatting import format_money_group

    assert format_money_group(group, lang, unit) == shown


@pytest.mark.parametrize(("mvnd", "lang", "shown"), [
    (1338390, "vi", "1.338 tỷ đồng"),    # a key figure: no decimals that move it by less than 0,1 %
    (1338390, "en", "VND 1,338 bn"),
    (126100, "vi", "126 tỷ đồng"),
    (53700, "vi", "53,7 tỷ đồng"),       # 54 would be 0,6 % off
    (5820, "vi", "5,82 tỷ đồng"),
    (55460, "en", "VND 55.5 bn"),
    (850, "vi", "850 triệu đồng"),
    (None, "vi", "không có số liệu"),
])
def test_a_headline_keeps_only_the_decimals_that_carry_information(mvnd, lang, shown):
    from khuyencong.i18n.formatting import format_headline_money

    assert format_headline_money(mvnd, lang) == shown


@pytest.mark.parametrize(("values", "decimals"), [
    ([16300], 1), ([1338390], 0), ([53700], 1),   # one amount: read alone, to 0,1 %
    ([6000, 5820], 1), ([6000, 6001], 2), ([255, 910], 2),
    ([40000, 53700], 0),
])
def test_money_decimals_are_the_fewest_that_keep_the_group_true(values, decimals):
    from khuyencong.i18n.formatting import money_decimals

    assert money_decimals(values) == decimals


@pytest.mark.parametrize(("value", "shown"), [(-11.734, "-11,7%"), (49.05, "49,1%"), (-0.04, "0,0%")])
def test_percentages_read_with_one_decimal(value, shown):
    assert format_percent(value, "vi") == shown


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


@pytest.mark.parametrize(("stored", "lang", "shown"), [
    # stored in UTC (DuckDB hands a naive TIMESTAMP over), shown in Vietnam time with the zone said
    (pd.Timestamp("2026-11-23 19:46"), "vi", "24/11/2026 02:46 (giờ Việt Nam, UTC+7)"),
    (pd.Timestamp("2026-11-23 19:46"), "en", "24 Nov 2026 02:46 (Vietnam time, UTC+7)"),
    (pd.Timestamp("2026-11-23 09:31", tz="UTC"), "vi", "23/11/2026 16:31 (giờ Việt Nam, UTC+7)"),
    (None, "vi", ""),
])
def test_times_read_in_vietnam_time_with_the_zone(stored, lang, shown):
    from khuyencong.i18n.formatting import format_datetime

    assert format_datetime(stored, lang) == shown
