"""Money units as Vietnamese workbooks, CSV files and articles write them: one table of spellings, read by every
reader (the template reader, the report-layout reader, the article reader).

Money is stored in triệu đồng. A unit is one of UNITS (đồng, nghìn đồng, triệu đồng, tỷ đồng; and, for articles,
nghìn tỷ đồng and the 億 of Japanese and Chinese texts, 100 triệu đồng); UNIT_SPELLINGS lists
every way of writing each, matched on folded text (no diacritics, lower case, punctuation as spaces), so "Tr.đồng",
"tr.đ", "TRĐ" and "triệu VNĐ" are one spelling each of triệu đồng. A spelling that is not in the table is not a unit:
the readers refuse it, naming it, and never take the nearest one.

Public API (kept stable; new things are added, nothing renamed):
    UNITS, UNIT_SPELLINGS, Unit
    unit_named(text) -> Unit | None            the text is a unit and nothing else: "(Tr.đồng)", "1.000 đồng"
    unit_statement(text) -> Unit | None        a line that states the unit: "Đơn vị tính: nghìn đồng", "ĐVT: tỷ đồng"
    stated_unit_words(text) -> str | None      what such a line gives as its unit, known or not ("ngan usd")
    units_in(text) -> list[Unit]               every unit a header or note names: "Kinh phí (triệu đồng)"
    parse_money(value, unit=None, locale="vi") -> Money | MoneyRefusal | None
    number_readings(text) -> dict[str, Decimal | None]    the number under Vietnamese and English conventions
"""

import re
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from khuyencong.i18n.labels import N_


@dataclass(frozen=True)
class Unit:
    code: str          # dong, nghin_dong, trieu_dong, ty_dong
    mvnd: Decimal      # one of this unit in triệu đồng
    name_vi: str
    name_en: str


UNITS: dict[str, Unit] = {unit.code: unit for unit in (
    Unit("dong", Decimal("0.000001"), "đồng", "VND"),
    Unit("nghin_dong", Decimal("0.001"), "nghìn đồng", "thousand VND"),
    Unit("trieu_dong", Decimal(1), "triệu đồng", "million VND"),
    Unit("ty_dong", Decimal(1000), "tỷ đồng", "billion VND"),
    Unit("nghin_ty_dong", Decimal(1000000), "nghìn tỷ đồng", "trillion VND"),
    Unit("tram_trieu_dong", Decimal(100), "trăm triệu đồng", "hundred million VND"),
)}

# Every spelling of a money unit, as written (matched folded). A spelling names exactly one unit.
UNIT_SPELLINGS: tuple[tuple[str, str], ...] = (
    # đồng
    ("đồng", "dong"), ("đ", "dong"), ("VNĐ", "dong"), ("VND", "dong"), ("đồng Việt Nam", "dong"),
    ("VN đồng", "dong"), ("dong", "dong"),
    # nghìn đồng
    ("nghìn đồng", "nghin_dong"), ("ngàn đồng", "nghin_dong"), ("nghìn", "nghin_dong"), ("ngàn", "nghin_dong"),
    ("1.000 đồng", "nghin_dong"), ("1000 đồng", "nghin_dong"), ("1.000đ", "nghin_dong"), ("1000đ", "nghin_dong"),
    ("1.000 VNĐ", "nghin_dong"), ("1.000 VND", "nghin_dong"), ("nghìn VNĐ", "nghin_dong"),
    ("nghìn VND", "nghin_dong"), ("ng.đồng", "nghin_dong"), ("ng.đ", "nghin_dong"), ("ngđ", "nghin_dong"),
    ("thousand VND", "nghin_dong"), ("thousand dong", "nghin_dong"), ("VND thousand", "nghin_dong"),
    ("VND '000", "nghin_dong"), ("'000 VND", "nghin_dong"),
    # triệu đồng
    ("triệu đồng", "trieu_dong"), ("triệu", "trieu_dong"), ("tr.đồng", "trieu_dong"), ("tr đồng", "trieu_dong"),
    ("tr.đ", "trieu_dong"), ("trđ", "trieu_dong"), ("tr", "trieu_dong"), ("triệu VNĐ", "trieu_dong"),
    ("triệu VND", "trieu_dong"), ("tr.VNĐ", "trieu_dong"), ("tr.VND", "trieu_dong"),
    ("1.000.000 đồng", "trieu_dong"), ("1000000 đồng", "trieu_dong"), ("1.000.000đ", "trieu_dong"),
    ("million VND", "trieu_dong"), ("million dong", "trieu_dong"), ("VND million", "trieu_dong"),
    ("VND mn", "trieu_dong"), ("mn VND", "trieu_dong"), ("mil VND", "trieu_dong"),
    # tỷ đồng
    ("tỷ đồng", "ty_dong"), ("tỉ đồng", "ty_dong"), ("tỷ", "ty_dong"), ("tỉ", "ty_dong"), ("tỷ VNĐ", "ty_dong"),
    ("tỷ VND", "ty_dong"), ("tỉ VNĐ", "ty_dong"), ("tỷ.đ", "ty_dong"), ("billion VND", "ty_dong"),
    ("billion dong", "ty_dong"), ("VND billion", "ty_dong"), ("bn VND", "ty_dong"), ("VND bn", "ty_dong"),
    # as articles write them (etl/extract): English with the currency apart ("VND1.5 billion"), French, and the
    # 億 (10^8) of Japanese and Chinese editions
    ("billion", "ty_dong"), ("bn", "ty_dong"), ("million", "trieu_dong"), ("milliards de dongs", "ty_dong"),
    ("milliard de dongs", "ty_dong"), ("milliards de dong", "ty_dong"), ("millions de dongs", "trieu_dong"),
    ("nghìn tỷ đồng", "nghin_ty_dong"), ("nghìn tỷ", "nghin_ty_dong"), ("ngàn tỷ đồng", "nghin_ty_dong"),
    ("ngàn tỷ", "nghin_ty_dong"), ("trillion VND", "nghin_ty_dong"), ("VND trillion", "nghin_ty_dong"),
    ("trillion dong", "nghin_ty_dong"), ("trillion", "nghin_ty_dong"),
    ("億ドン", "tram_trieu_dong"), ("亿越盾", "tram_trieu_dong"), ("億越盾", "tram_trieu_dong"),
)

# Words that introduce a unit statement: "Đơn vị tính: …", "ĐVT: …", "Unit: …".
STATEMENT_WORDS = ("don vi tinh", "don vi", "dvt", "dv tinh", "unit", "units", "currency")
# A footnote that states the unit in a sentence: "Số liệu tính bằng nghìn đồng", "… được tính theo đơn vị đồng".
STATEMENT_SENTENCE = re.compile(r"(?:^| )(?:tinh bang|tinh theo(?: don vi)?|theo don vi|don vi(?: tinh)? la|"
                                r"expressed in)\s+(.+?)\s*$")

# Why a money text is refused (catalog keys, khuyencong/i18n/locale/*/messages.po).
REFUSE_NOT_A_NUMBER = N_("etl_money_not_a_number")
REFUSE_NO_UNIT = N_("etl_money_no_unit")
REFUSE_UNKNOWN_UNIT = N_("etl_money_unknown_unit")
REFUSE_COMPOUND = N_("etl_money_compound_order")
REFUSE_LOCALE = N_("etl_money_locale_ambiguous")
REFUSE_NEGATIVE = N_("etl_money_negative")

EMPTY_MARKS = {"-", "–", "—", "x", "X", "..."}


def unit_key(text) -> str:
    """A unit's spelling as matched: no diacritics, đ → d, lower case, punctuation and spaces as single spaces,
    a thousands group kept together ("1.000 đồng" → "1000 dong")."""
    text = unicodedata.normalize("NFD", str(text or "")).replace("đ", "d").replace("Đ", "D")
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = re.sub(r"(?<=\d)[.,\s](?=\d{3}\b)", "", text)  # 1.000.000 → 1000000
    text = re.sub(r"[^0-9a-z'\u3040-\u30ff\u4e00-\u9fff]+", " ", text).replace("'", " ' ")  # 億ドン kept
    return " ".join(text.split())


_BY_KEY: dict[str, Unit] = {}
for _spelling, _code in UNIT_SPELLINGS:
    _BY_KEY.setdefault(unit_key(_spelling), UNITS[_code])
# Glued forms ("trđ", "ngđ", "1.000đ") are matched with and without the space folding puts into them.
for _key, _unit in list(_BY_KEY.items()):
    _BY_KEY.setdefault(_key.replace(" ", ""), _unit)
_LONGEST = max(len(key.split()) for key in _BY_KEY)


@lru_cache(maxsize=65_536)  # a reader asks it of every header and label cell; the answer depends on the text only
def unit_named(text) -> Unit | None:
    """The unit `text` is, and nothing else: "triệu đồng", "(Tr.đồng)", "[1.000 đồng]", "đồng"; else None."""
    key = unit_key(str(text or "").strip().strip("()[]{} "))
    return _BY_KEY.get(key) or _BY_KEY.get(key.replace(" ", ""))


def unit_statement(text) -> Unit | None:
    """The unit a line states, as title rows, header cells and footnotes write it: "Đơn vị tính: 1.000 đồng",
    "ĐVT: Tr.đồng", "(Đơn vị: triệu đồng)", "Ghi chú: số liệu tính bằng nghìn đồng"; None when it states none
    or states one that is not money (see stated_unit_words)."""
    words = stated_unit_words(text)
    return unit_named(words) if words else None


@lru_cache(maxsize=65_536)
def stated_unit_words(text) -> str | None:
    """The words a unit statement gives as its unit, known or not ("ĐVT: ngàn USD" → "ngan usd"); None when the
    text is no unit statement. A reader refuses a stated unit that is not money where it needs money."""
    key = unit_key(str(text or "").strip().strip("()[]* "))
    for word in STATEMENT_WORDS:
        if key.startswith(word + " ") or key == word:
            return key[len(word):].strip() or None
    if (match := STATEMENT_SENTENCE.search(key)) is not None:
        return match.group(1)
    return None


def units_in(text) -> list[Unit]:
    """Every unit a header or a note names, in order: in brackets ("Kinh phí (Tr.đồng)"), after a unit word
    ("Số tiền, ĐVT: đồng") or as the whole text ("triệu đồng")."""
    found: list[Unit] = []
    raw = str(text or "")
    for inside in re.findall(r"\(([^()]*)\)|\[([^\[\]]*)\]", raw):
        part = inside[0] or inside[1]
        unit = unit_named(part) or unit_statement(part)
        if unit is not None:
            found.append(unit)
    outside = re.sub(r"\([^()]*\)|\[[^\[\]]*\]", " ", raw)
    for piece in re.split(r"[,;\n]", outside):
        unit = unit_statement(piece) or unit_named(piece)
        if unit is not None:
            found.append(unit)
    return found


# --- Numbers -------------------------------------------------------------------------------------------------------

VI_NUMBER = re.compile(r"^(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d+))?$")      # 1.500.000 · 1.500,25 · 1500 · 4,5
EN_NUMBER = re.compile(r"^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?$")      # 1,500,000 · 1,500.25 · 1500 · 4.5
SPACED_NUMBER = re.compile(r"^\d{1,3}(?: \d{3})+$")                   # 1 500 000 (either convention)


def number_readings(text: str) -> dict[str, Decimal | None]:
    """A number written as text, read by Vietnamese conventions (dot groups thousands, comma is the decimal mark)
    and by English ones (the other way round): {"vi": …, "en": …}, None where that convention cannot read it.
    "1.500" → {vi: 1500, en: 1.5}; "1,5" → {vi: 1.5, en: None}; "1500" → both 1500."""
    text = unicodedata.normalize("NFC", str(text)).replace("\u00a0", " ").replace("\u202f", " ").strip()
    if SPACED_NUMBER.match(text):
        value = Decimal(text.replace(" ", ""))
        return {"vi": value, "en": value}
    readings: dict[str, Decimal | None] = {}
    for name, pattern, group in (("vi", VI_NUMBER, "."), ("en", EN_NUMBER, ",")):
        match = pattern.match(text)
        readings[name] = None
        if match:
            whole = match.group(1).replace(group, "")
            try:
                readings[name] = Decimal(whole + ("." + match.group(2) if match.group(2) else ""))
            except InvalidOperation:
                readings[name] = None
    return readings


# --- Money ---------------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Money:
    """An amount read exactly: `mvnd` in triệu đồng (not rounded); `unit` as the text wrote it (None: the caller's)."""
    mvnd: Decimal
    text: str
    unit: Unit | None = None
    parts: tuple[tuple[Decimal, Unit], ...] = ()   # (number, unit) of each part: "1 tỷ 200 triệu" has two
    ok = True


@dataclass(frozen=True)
class MoneyRefusal:
    """Why a money text cannot be read: `key` is a catalog key; reason() gives it in Vietnamese and English."""
    text: str
    key: str
    values: dict = field(default_factory=dict)
    ok = False

    def reason(self) -> tuple[str, str]:
        from etl.problems import both

        return both(self.key, text=self.text, **self.values)


# One part of an amount: a number, then the words up to the next number ("1 tỷ 200 triệu đồng" → two parts).
PART = re.compile(r"(\d{1,3}(?:[., ]\d{3}(?!\d))+(?:[.,]\d+)?|\d+(?:[.,]\d+)?)\s*([^\d]*)")


def parse_money(value, unit: Unit | None = None, locale: str = "vi") -> "Money | MoneyRefusal | None":
    """An amount as a cell or an article writes it, in triệu đồng; None when blank or a dash (not reported).

    A number cell or a bare number takes `unit` (a refusal when none is given: a unit is never guessed); text may
    carry its own unit ("1.500 Tr.đồng", "1,5 tỷ", "1.500.000.000đ") or several in descending order
    ("1 tỷ 200 triệu" = 1.200 triệu), which then wins over `unit`. Text numbers follow `locale`: "vi" (1.500,5) or
    "en" (1,500.5). Anything else (a word that is not a unit, "1 tỷ 2", a negative amount) is a MoneyRefusal.
    """
    if value is None or isinstance(value, bool):
        return None if value is None else MoneyRefusal(str(value), REFUSE_NOT_A_NUMBER)
    if isinstance(value, (int, float, Decimal)):
        if isinstance(value, float) and (value != value or value in (float("inf"), float("-inf"))):
            return MoneyRefusal(str(value), REFUSE_NOT_A_NUMBER)
        number = Decimal(value) if not isinstance(value, float) else Decimal(repr(value))
        if number < 0:
            return MoneyRefusal(str(value), REFUSE_NEGATIVE)
        if unit is None:
            return MoneyRefusal(str(value), REFUSE_NO_UNIT)
        return Money(number * unit.mvnd, str(value), None, ((number, unit),))
    text = unicodedata.normalize("NFC", str(value)).replace("\u00a0", " ").strip()
    if not text or text in EMPTY_MARKS:
        return None
    if text.startswith(("-", "−", "(")) and any(c.isdigit() for c in text):
        return MoneyRefusal(text, REFUSE_NEGATIVE)
    if not text[0].isdigit():
        return MoneyRefusal(text, REFUSE_NOT_A_NUMBER)
    parts: list[tuple[Decimal, Unit | None, str]] = []
    for match in PART.finditer(text):
        number_text, words = match.group(1).strip(), match.group(2).strip()
        readings = number_readings(number_text)
        number = readings.get(locale)
        if number is None:
            return MoneyRefusal(text, REFUSE_NOT_A_NUMBER)
        if not words:
            parts.append((number, None, number_text))
            continue
        written = unit_named(words)
        if written is None:
            return MoneyRefusal(text, REFUSE_UNKNOWN_UNIT, {"unit": words})
        parts.append((number, written, number_text))
    if not parts:
        return MoneyRefusal(text, REFUSE_NOT_A_NUMBER)
    if len(parts) == 1:
        number, written, _ = parts[0]
        chosen = written or unit
        if chosen is None:
            return MoneyRefusal(text, REFUSE_NO_UNIT)
        return Money(number * chosen.mvnd, text, written, ((number, chosen),))
    # A compound amount: every part has its unit, each smaller than the one before ("1 tỷ 200 triệu").
    if any(written is None for _n, written, _t in parts) or any(
            b[1].mvnd >= a[1].mvnd for a, b in zip(parts, parts[1:])):
        return MoneyRefusal(text, REFUSE_COMPOUND)
    total = sum((number * written.mvnd for number, written, _t in parts), Decimal(0))
    return Money(total, text, parts[-1][1], tuple((number, written) for number, written, _t in parts))
