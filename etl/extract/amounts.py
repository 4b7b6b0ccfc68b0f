"""Money as an article writes it: every spelling of an amount and its unit, read into triệu đồng.

The units are the importer's one table of unit spellings (etl/importing/units.py UNIT_SPELLINGS), shared with the
workbook reader, and so is the reading of a number under each convention (units.number_readings). How a number is
written follows its unit's language: Vietnamese units ("2.925 triệu", "2,925 tỷ", "1.332,474 triệu") take the dot for
thousands and the comma for decimals, English ones ("VND1.5 billion", "6,047.5 million VND") the reverse, French ones
("3,5 milliards de dongs") the comma for decimals. One case reads two ways: an English unit after a number with one
comma and three digits ("VND 43,735 billion" in a translated regional report may be 43,735 tỷ printed with a
Vietnamese decimal comma, or 43.735 tỷ đồng): both readings are kept and the analyst is asked.
"""

import re
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache

from etl.extract.text import fold_char
from etl.importing.units import UNIT_SPELLINGS, UNITS, number_readings, unit_key
from etl.importing.values import MAX_MVND
from khuyencong.i18n.labels import N_

NUMBER = r"\d{1,3}(?:[.,]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?"
THOUSANDTH = Decimal("0.001")
ENGLISH_WORDS = {"trillion", "billion", "bn", "million", "mn", "mil", "thousand"}
FRENCH_WORDS = {"milliard", "milliards", "millions"}
# After a bare "tỷ"/"triệu": these make it a count or a foreign currency, not money in đồng.
NOT_DONG_AFTER = re.compile(r"\s*(usd|us\$|\$|do la|dola|euro?s?\b|yen|nguoi|luot|khach|le\b|lao dong|tan\b|tons?\b|"
                            r"cai\b|chiec\b|san pham|m2|m3|kwh|km\b|hoc vien|dan\b|ho\b|cay\b|con\b|ha\b|hecta)")
FOREIGN_BEFORE = re.compile(r"(usd|us\$|\$|eur|€|£|¥|jpy|cny)\s*$")
CURRENCY_AFTER = r"(?:\s*(?:dongs?|vnd|de dongs|d(?![a-z0-9])))?"
PER_YEAR_AFTER = re.compile(r"^\s*(?:/\s*(?:nam|year|yr|an)\b|(?:mot nam|moi nam|hang nam|a year|per year|each year|"
                            r"annually|per annum|par an)\b)")
PER_YEAR_BEFORE = re.compile(r"(?:moi nam|hang nam|mot nam|each year|per year|annually|every year|chaque annee)"
                             r"\s*(?:la|khoang|tu|:|,)?\s*$")


@dataclass
class Money:
    """One amount found in the folded text: where it is, how it reads, and what to ask about it."""
    start: int
    end: int
    amount_mvnd: Decimal
    other_reading_mvnd: Decimal | None = None   # the second reading of an amount that reads two ways
    per_year: bool = False
    ratio_of: Decimal | None = None             # "600/1200 triệu": 600 of 1200
    number_start: int = 0                       # where the number itself begins (qualifier words end there)
    questions: list[tuple[str, dict]] = field(default_factory=list)


@dataclass
class Skipped:
    """A number in money's shape that is not proposed, and why (foreign currency, a range...)."""
    start: int
    end: int
    reason: str


# Spellings of the shared table that are no amount's unit in running text: a bare "nghìn" or "tr" counts people as
# often as money ("300 nghìn lao động"), "đ" and the unit statements' "1.000 đồng" stand for a unit, not after one.
NOT_IN_PROSE = {"nghin", "ngan", "tr", "d", "1000 d", "1000 dong", "1000000 dong", "1000000 d", "1000 vnd"}


@cache
def unit_spellings() -> tuple[tuple[str, Decimal], ...]:
    """(folded spelling, factor to triệu đồng) of the shared table as prose writes them, longest spelling first."""
    folded: dict[str, Decimal] = {}
    for spelling, code in UNIT_SPELLINGS:
        key = "".join(fold_char(c) for c in unit_key(spelling))
        if key not in NOT_IN_PROSE and not key[:1].isdigit() and "'" not in key:
            folded.setdefault(key, UNITS[code].mvnd)
    return tuple(sorted(folded.items(), key=lambda item: -len(item[0])))


@cache
def money_pattern() -> re.Pattern:
    units = "|".join(_spelling_regex(spelling) for spelling, _ in unit_spellings())
    return re.compile(
        rf"(?P<pre>vnd\s?)?(?P<num>{NUMBER})(?:\s*/\s*(?P<den>{NUMBER}))?\s?(?P<unit>{units})"
        rf"(?:\s+(?P<num2>{NUMBER})\s?(?P<unit2>trieu|nghin|ngan)(?:\s*dong)?)?(?P<cur>{CURRENCY_AFTER})"
        rf"(?P<after>\s*(?:以上|有余))?",
        re.UNICODE)


def _spelling_regex(spelling: str) -> str:
    words = [re.escape(word) for word in spelling.split()]
    body = r"[\s.]*".join(words)  # "tr d" matches "tr.đ", "tr đ" and "trđ"
    # A Latin unit is a whole word; 億ドン and 亿越盾 are written right after the digits.
    return rf"{body}(?![a-z])" if spelling[:1].isascii() else body


def factor_of(unit: str) -> Decimal:
    key = re.sub(r"[\s.]+", " ", unit).strip()
    for spelling, factor in unit_spellings():
        if key == spelling or key.replace(" ", "") == spelling.replace(" ", ""):
            return factor
    raise KeyError(unit)


def convention_of(unit: str) -> str:
    """'en', 'fr' or 'vi': how numbers before this unit are written."""
    words = set(unit.split())
    if words & ENGLISH_WORDS:
        return "en"
    if words & FRENCH_WORDS:
        return "fr"
    return "vi" if unit[:1].isascii() else "en"


def read_number(text: str, convention: str) -> tuple[Decimal, Decimal | None]:
    """(the number, its other reading or None) of digits with separators, written the `convention` way.

    The shared number_readings gives the Vietnamese and English readings; the convention picks one when both exist
    ("2.925" is 2925 before "triệu", 2.925 before "billion"). Only one case keeps both: an English unit after one
    comma and three digits ("43,735 billion"), which a translated report may have printed with a Vietnamese decimal
    comma."""
    readings = number_readings(text)
    vi, en = readings["vi"], readings["en"]
    if vi is None or en is None or vi == en:
        return (vi if vi is not None else en), None
    if convention in ("vi", "fr"):
        return vi, None
    if re.fullmatch(r"\d{1,3},\d{3}", text):
        return en, vi
    return en, None


def find_money(folded: str) -> tuple[list[Money], list[Skipped]]:
    """Every amount of money in đồng in the folded text, and the money-shaped numbers left out."""
    found, skipped, bare = [], [], []
    for match in money_pattern().finditer(folded):
        start, end = match.start(), match.end()
        if start and re.match(r"[a-z0-9.,]", folded[start - 1]) and not match.group("pre"):
            continue  # the middle of a longer number or word
        unit = re.sub(r"[\s.]+", " ", match.group("unit")).strip()
        convention = convention_of(unit)
        has_currency = bool(match.group("pre")) or bool(
            match.group("cur").strip()) or "dong" in unit or "vnd" in unit or not unit[:1].isascii()
        if FOREIGN_BEFORE.search(folded[max(0, start - 6):start]):
            skipped.append(Skipped(start, end, "foreign_currency"))
            continue
        if re.search(rf"(?:{NUMBER})\s*(?:-|den|to|toi)\s*$", folded[max(0, start - 16):start]):
            skipped.append(Skipped(start, end, "range"))
            continue
        if convention == "en" and not has_currency:
            # "1.2 million people": an English amount of money names its currency, unless its sentence has just
            # named it ("VND2.792 billion, of which the local funding is 1.543 billion")
            bare.append((match, start, end))
            continue
        if not match.group("cur").strip() and "dong" not in unit and NOT_DONG_AFTER.match(folded, end):
            skipped.append(Skipped(start, end, "foreign_currency" if re.match(
                r"\s*(usd|us\$|\$|do la|dola|euro)", folded[end:]) else "not_money"))
            continue
        factor = factor_of(unit)
        number, other = read_number(match.group("num"), convention)
        money = Money(start, end, _mvnd(number * factor), number_start=match.start("num"))
        if match.group("num2"):
            small = factor_of(match.group("unit2"))
            if small < factor:
                second, _ = read_number(match.group("num2"), "vi")
                money.amount_mvnd = _mvnd(number * factor + second * small)
            else:
                money.end = match.end("unit")
        if other is not None:  # English thousands first; settle_two_readings may swap them
            money.other_reading_mvnd = _mvnd(other * factor)
            money.questions.append((N_("extract_q_two_readings"), {}))
        if match.group("den"):
            whole, _ = read_number(match.group("den"), convention)
            money.ratio_of = _mvnd(whole * factor)
            money.questions.append((N_("extract_q_ratio"), {}))
        tail = folded[money.end:money.end + 24]
        if (after := PER_YEAR_AFTER.match(tail)) is not None:
            money.per_year = True
            money.end += after.end()
        elif PER_YEAR_BEFORE.search(folded[max(0, start - 24):start]):
            money.per_year = True
        found.append(money)
    for match, start, end in bare:
        sentence_start = max(folded.rfind(". ", 0, start), folded.rfind("\n", 0, start))
        named = [m for m in found if sentence_start < m.start < start and re.search(r"vnd|dong", folded[m.start:m.end])]
        if named and not NOT_DONG_AFTER.match(folded, end):
            unit = re.sub(r"[\s.]+", " ", match.group("unit")).strip()
            number, other = read_number(match.group("num"), "en")
            money = Money(start, end, _mvnd(number * factor_of(unit)), number_start=match.start("num"))
            if other is not None:
                money.other_reading_mvnd = _mvnd(other * factor_of(unit))
                money.questions.append((N_("extract_q_two_readings"), {}))
            found.append(money)
    found.sort(key=lambda m: m.start)
    return found, skipped


def _mvnd(value: Decimal) -> Decimal:
    return value.quantize(THOUSANDTH)


def settle_two_readings(found: list[Money], prefer_vietnamese_commas: bool) -> None:
    """Choose which reading of each two-way amount is proposed (the other stays beside it, and the question).

    A translated report prints every amount one way: when one of them, read as English thousands, is more than any
    one figure can be (the importer's bound, MAX_MVND), all of them are read with the Vietnamese decimal comma; so
    they are when the text is Vietnamese."""
    doubtful = [m for m in found if m.other_reading_mvnd is not None]
    vietnamese = prefer_vietnamese_commas or any(m.amount_mvnd > MAX_MVND for m in doubtful)
    if vietnamese:
        for money in doubtful:
            money.amount_mvnd, money.other_reading_mvnd = money.other_reading_mvnd, money.amount_mvnd
