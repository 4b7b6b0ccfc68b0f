"""Money units, one table for every reader (etl/importing/units.py): each spelling and each place a report writes a
unit reads as the unit it names, an amount with its own unit reads in triệu đồng exactly, and anything else is a
refusal naming what was seen. Expected values are hand arithmetic: 1 tỷ = 1.000 triệu, 1 nghìn = 0,001 triệu."""

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from etl.importing.units import (
    UNIT_SPELLINGS,
    UNITS,
    Money,
    MoneyRefusal,
    number_readings,
    parse_money,
    stated_unit_words,
    unit_named,
    unit_statement,
    units_in,
)

TRIEU = UNITS["trieu_dong"]

# (as a report writes it, the unit)
SPELLINGS = [
    ("đồng", "dong"), ("VNĐ", "dong"), ("(đồng)", "dong"), ("nghìn đồng", "nghin_dong"), ("ngàn đồng", "nghin_dong"),
    ("1.000 đồng", "nghin_dong"), ("1000 đồng", "nghin_dong"), ("1.000đ", "nghin_dong"), ("(1.000 đ)", "nghin_dong"),
    ("triệu đồng", "trieu_dong"), ("Triệu đồng", "trieu_dong"), ("(Tr.đồng)", "trieu_dong"), ("tr.đ", "trieu_dong"),
    ("trđ", "trieu_dong"), ("TRĐ", "trieu_dong"), ("Tr. đồng", "trieu_dong"), ("triệu VNĐ", "trieu_dong"),
    ("1.000.000 đồng", "trieu_dong"), ("[triệu đồng]", "trieu_dong"), ("tỷ đồng", "ty_dong"), ("tỉ đồng", "ty_dong"),
    ("Tỷ đồng", "ty_dong"), ("tỷ", "ty_dong"), ("billion VND", "ty_dong"),
]


@pytest.mark.parametrize(("text", "code"), SPELLINGS)
def test_every_spelling_names_its_unit(text, code):
    assert unit_named(text) == UNITS[code]


def test_every_spelling_of_the_table_reads_as_its_own_unit():
    assert [(s, c) for s, c in UNIT_SPELLINGS if unit_named(s) != UNITS[c]] == []


@pytest.mark.parametrize("text", ["người", "%", "USD", "ngàn USD", "triệu USD", "đơn vị", "Kinh phí", "tr.trang"])
def test_what_is_no_money_unit_names_none(text):
    assert unit_named(text) is None


# (a line above, in or under a table, the unit it states); None: it states no money unit
STATEMENTS = [
    ("Đơn vị tính: 1.000 đồng", "nghin_dong"), ("Đơn vị tính: đồng", "dong"), ("ĐVT: nghìn đồng", "nghin_dong"),
    ("ĐVT: Tr.đồng", "trieu_dong"), ("(Đơn vị: triệu đồng)", "trieu_dong"), ("Đơn vị tính : Tỷ đồng.", "ty_dong"),
    ("DVT: trđ", "trieu_dong"), ("* Ghi chú: số liệu tính bằng nghìn đồng", "nghin_dong"),
    ("Số liệu được tính theo đơn vị đồng", "dong"), ("Đơn vị tính: người", None), ("Đơn vị thực hiện", None),
    ("DANH MỤC ĐỀ ÁN KHUYẾN CÔNG NĂM 2019", None),
]


@pytest.mark.parametrize(("text", "code"), STATEMENTS)
def test_a_unit_line_states_its_unit(text, code):
    assert unit_statement(text) == (UNITS[code] if code else None)


def test_a_stated_unit_that_is_not_money_is_still_seen():
    assert stated_unit_words("ĐVT: ngàn USD") == "ngan usd"
    assert stated_unit_words("Tên đề án") is None


@pytest.mark.parametrize(("text", "codes"), [
    ("Kinh phí (triệu đồng)", ["trieu_dong"]), ("Số tiền (Tr.đồng)", ["trieu_dong"]),
    ("Mức hỗ trợ [1.000 đồng]", ["nghin_dong"]), ("Kinh phí, ĐVT: đồng", ["dong"]),
    ("Tỷ lệ (%)", []), ("Kinh phí", []),
])
def test_units_named_in_a_header(text, codes):
    assert units_in(text) == [UNITS[c] for c in codes]


# (the amount as written, in triệu đồng by hand)
AMOUNTS = [
    ("1.500 Tr.đồng", Decimal(1500)), ("1 tỷ 200 triệu", Decimal(1200)), ("1 tỷ 200 triệu đồng", Decimal(1200)),
    ("1,5 tỷ", Decimal(1500)), ("200 triệu đồng", Decimal(200)), ("1.500.000.000 đồng", Decimal(1500)),
    ("1.500.000.000đ", Decimal(1500)), ("750.000 nghìn đồng", Decimal(750)), ("12,5 trđ", Decimal("12.5")),
    ("2 tỷ 350 triệu 500 nghìn đồng", Decimal("2350.5")), ("1 500 000 đồng", Decimal("1.5")),
    ("0,9 tỷ", Decimal(900)), ("0,1395 tỷ", Decimal("139.5")), ("0,030915 tỷ đồng", Decimal("30.915")),
]


@pytest.mark.parametrize(("text", "mvnd"), AMOUNTS)
def test_an_amount_with_its_own_unit_reads_in_trieu_dong(text, mvnd):
    money = parse_money(text)
    assert isinstance(money, Money) and money.mvnd == mvnd


def test_a_bare_number_takes_the_unit_given_and_never_one_guessed():
    assert parse_money("1.500", UNITS["nghin_dong"]).mvnd == Decimal("1.5")
    assert parse_money(1500, TRIEU).mvnd == Decimal(1500)
    assert parse_money("1.500").key == "etl_money_no_unit"
    assert parse_money(1500).key == "etl_money_no_unit"


def test_a_cells_own_unit_wins_over_the_columns():
    assert parse_money("1,5 tỷ", UNITS["dong"]).mvnd == Decimal(1500)


@pytest.mark.parametrize(("text", "key"), [
    ("1 tỷ 2", "etl_money_compound_order"), ("1 triệu 200 tỷ", "etl_money_compound_order"),
    ("4 tỷ đồng/năm", "etl_money_unknown_unit"), ("15 USD", "etl_money_unknown_unit"),
    ("abc", "etl_money_not_a_number"), ("-5", "etl_money_negative"), ("(1.500)", "etl_money_negative"),
    ("hơn 10 tỷ", "etl_money_not_a_number"),
])
def test_what_cannot_be_read_exactly_is_refused_naming_it(text, key):
    refusal = parse_money(text, TRIEU)
    assert isinstance(refusal, MoneyRefusal) and refusal.key == key
    vi, en = refusal.reason()
    assert text in vi and text in en


@pytest.mark.parametrize("text", [None, "", "  ", "-", "–"])
def test_blank_and_dash_are_not_reported(text):
    assert parse_money(text, TRIEU) is None


def test_numbers_read_under_both_conventions():
    assert number_readings("1.500") == {"vi": Decimal(1500), "en": Decimal("1.5")}
    assert number_readings("1,500") == {"vi": Decimal("1.5"), "en": Decimal(1500)}
    assert number_readings("1,250,000") == {"vi": None, "en": Decimal(1250000)}
    assert number_readings("1.234,5") == {"vi": Decimal("1234.5"), "en": None}
    assert number_readings("1500") == {"vi": Decimal(1500), "en": Decimal(1500)}
    assert parse_money("1,500", TRIEU, locale="en").mvnd == Decimal(1500)


def vietnamese(number: Decimal) -> str:
    whole, _, fraction = f"{number:f}".partition(".")
    grouped = f"{int(whole):,}".replace(",", ".")
    return grouped + ("," + fraction if fraction else "")


@settings(derandomize=True, max_examples=300, deadline=None)
@given(st.integers(0, 10**12), st.sampled_from([s for s, _ in UNIT_SPELLINGS if not any(c.isdigit() for c in s)]))
def test_any_amount_written_with_any_spelling_reads_back(units, spelling):
    """A number of thousandths written the Vietnamese way with any spelling of the table reads back exactly (but
    "1.000 đồng" and "VND '000", which name a unit only in a unit line)."""
    number = Decimal(units) / 1000
    money = parse_money(f"{vietnamese(number)} {spelling}")
    unit = unit_named(spelling)
    assert isinstance(money, Money), money
    assert money.mvnd == number * unit.mvnd
