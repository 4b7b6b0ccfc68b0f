"""The grammar's tables: what a report's column headers, row labels and title lines mean. One table each, read by the
report-layout reader for workbooks and CSV files alike (etl/importing/report_grammar.py); the money units are
etl/importing/units.py's table, the codes (funding sources, figure kinds, activities, ...) the reference tables'.

Everything is matched on folded text (etl.importing.values.fold: no diacritics, lower case, punctuation as spaces).
A rule's id is what the dry run names as the reason for a role, so that a reading can be traced to one line here.
"""

import re
from dataclasses import dataclass

from etl.importing.values import fold


@dataclass(frozen=True)
class Rule:
    id: str
    role: str
    words: tuple[str, ...]       # folded phrases
    match: str = "exact"         # exact: the whole text; start: the text starts with it; word: it stands as words


def _words(text: str) -> str:
    return f" {text} "


def matches(rule: Rule, key: str) -> str | None:
    """The phrase of `rule` that `key` (folded) matches, or None."""
    for phrase in rule.words:
        if rule.match == "exact" and key == phrase:
            return phrase
        if rule.match == "start" and (key == phrase or key.startswith(phrase + " ")):
            return phrase
        if rule.match == "word" and _words(phrase) in _words(key):
            return phrase
    return None


def first_rule(rules: tuple[Rule, ...], key: str) -> tuple[Rule, str] | None:
    for rule in rules:
        if (phrase := matches(rule, key)) is not None:
            return rule, phrase
    return None


# --- Columns -------------------------------------------------------------------------------------------------------
# Facets of one header level (a column's stacked header is read level by level, top to bottom). A level may carry
# several facets ("Trong đó: NSTW" is a part and a funding source); codes (years, funding sources, figure kinds) come
# from the reference tables, not from here.

# Not money, whatever stands above them: ratios and counts are skipped and listed.
RATIO = Rule("ratio", "ratio", ("ty le", "ti le", "ty trong", "ti trong", "phan tram", "so sanh", "th kh",
                                "tang giam", "tang truong", "muc do hoan thanh", "percent", "ratio", "share"), "word")
COUNT = Rule("count", "count", (
    "so luong", "so lop", "so hoc vien", "so nguoi", "so lao dong", "so co so", "so de an", "so mo hinh", "so luot",
    "so doanh nghiep", "so san pham", "so hop dong", "so may", "so thiet bi", "so gian hang", "so hoi cho",
    "dien tich", "cong suat", "quy mo", "khoi luong", "hoc vien", "lao dong", "luot", "number of", "count",
    "quantity"), "start")
NON_MONEY_UNITS = ("%", "nguoi", "lop", "co so", "chiec", "bo", "m2", "ha", "tan", "san pham", "luot", "hoc vien",
                   "doanh nghiep", "de an", "mo hinh", "cai", "may", "thang", "ngay", "nam", "gian hang", "lao dong")
# A part of the money column to its left: "Trong đó", "Trong đó: NSTW", "Bao gồm", "Chia ra".
PART = Rule("part", "part", ("trong do", "bao gom", "chia ra", "of which", "including"), "start")
# Beneficiaries' own money: never khuyến công money (stored as counterpart).
COUNTERPART = Rule("counterpart", "counterpart", (
    "doi ung", "von doi ung", "von tu co", "tu co", "von cua co so", "von co so", "von doanh nghiep",
    "von cua doanh nghiep", "von huy dong", "co so dong gop", "doanh nghiep dong gop", "von cua don vi",
    "von tu co cua co so", "counterpart", "own capital"), "word")
# Loans are not khuyến công money and have no place in the database: skipped and listed.
LOAN = Rule("loan", "loan", ("von vay", "vay", "tin dung", "loan", "loans"), "word")
# A total of the money columns beside it: checked, never stored.
TOTAL = Rule("total", "total", ("tong", "tong cong", "tong so", "cong", "tong kinh phi", "tong von", "tong muc dau tu",
                                "tong von dau tu", "tong du toan", "tong cong kinh phi", "tong nguon von",
                                "tong kinh phi thuc hien", "tong kinh phi du toan", "tong kinh phi dau tu", "total",
                                "grand total", "sub total", "subtotal", "total investment"), "exact")
# A total of investment holds the beneficiary's money too, which a table may not give: never less than the money
# columns beside it, but not their sum.
INVESTMENT_TOTAL = Rule("investment_total", "total", ("tong von", "tong von dau tu", "tong muc dau tu",
                                                      "tong kinh phi dau tu", "total investment"), "exact")
# Words of a period after a kind of figure in a header: "Kế hoạch năm 2019", "Thực hiện 6 tháng", "Ước cả năm".
PERIOD_WORDS = re.compile(r"(?:\s|^)(?:ca nam|nam|(?:6|9|3|sau|chin|ba) thang(?: dau nam| dau)?|"
                          r"quy (?:i{1,3}|iv|\d)|(?:19|20)\d\d|luy ke|den thang \d{1,2}|\d{1,2} thang)(?=\s|$)")
# Words that make a header khuyến công money (unless a facet above or beside says otherwise).
MONEY = Rule("money", "money", (
    "kinh phi", "kinh phi khuyen cong", "kinh phi kc", "kinh phi ho tro", "muc ho tro", "so tien ho tro", "so tien",
    "ngan sach", "du toan", "kp", "von khuyen cong", "von ngan sach", "ho tro tu ngan sach", "kinh phi duoc duyet",
    "kinh phi phe duyet", "kinh phi duoc giao", "amount", "funding", "budget"), "word")
# Words that look like money without saying whose (a cost, a value, "Vốn" alone): a column headed so, with no code
# of a money column above it, is refused rather than read as khuyến công money.
MONEY_LOOKING = Rule("money_looking", "money_looking", ("chi phi", "gia tri", "tien", "von", "dau tu", "thanh tien",
                                                      "cost", "value"), "word")

# Columns that are one field of a row. The template's own headers (etl/importing/templates.py) are read as well.
FIELDS: tuple[Rule, ...] = (
    Rule("sequence", "sequence", ("stt", "tt", "so tt", "so thu tu", "no", "ma", "ma so", "so hieu"), "exact"),
    Rule("name", "name", ("ten de an", "ten du an", "ten nhiem vu", "ten chuong trinh", "noi dung de an",
                          "ten de an nhiem vu", "danh muc de an", "ten de an khuyen cong", "de an", "project name",
                          "project"), "exact"),
    Rule("implementer", "implementer", ("don vi thuc hien", "don vi chu tri", "co quan chu tri", "co quan thuc hien",
                                        "don vi thu huong", "co so thu huong", "ten co so", "ten doanh nghiep",
                                        "doanh nghiep co so", "don vi de nghi", "implementer"), "exact"),
    Rule("location", "location", ("dia diem", "dia diem thuc hien", "dia diem trien khai", "dia chi", "location"),
         "exact"),
    Rule("activity_id", "activity_id", ("noi dung khuyen cong", "noi dung hoat dong", "hoat dong", "loai hinh ho tro",
                                        "activity"), "exact"),
    Rule("sector_id", "sector_id", ("nganh nghe", "linh vuc", "nganh", "nganh nghe san xuat", "linh vuc san xuat",
                                    "sector", "industry"), "exact"),
    Rule("funding_source", "funding_source", ("nguon kinh phi", "nguon von", "nguon", "nguon ngan sach",
                                              "cap ngan sach", "nguon von ho tro", "funding source"), "exact"),
    Rule("figure", "figure", ("loai so lieu", "loai", "figure"), "exact"),
    Rule("status", "status", ("trang thai", "tinh trang", "tinh hinh thuc hien", "status"), "exact"),
    Rule("note", "note", ("ghi chu", "note", "notes"), "exact"),
    Rule("source", "source", ("nguon tai lieu", "nguon so lieu", "can cu", "so quyet dinh", "quyet dinh phe duyet",
                              "van ban", "source"), "exact"),
    Rule("year", "year", ("nam", "year", "nam thuc hien", "nam ke hoach", "nam phe duyet"), "exact"),
    Rule("unit", "unit", ("don vi tinh", "dvt", "dv tinh", "unit"), "exact"),
    # A row label: what each row is. Its values decide (a code list's names, or project names).
    Rule("label", "label", ("noi dung", "noi dung ho tro", "noi dung chi", "chi tieu", "hang muc", "dien giai",
                            "khoan muc", "danh muc", "noi dung thuc hien", "description", "item"), "start"),
    # Text that is neither money nor a field of the database: skipped and listed.
    Rule("text", "text", ("thoi gian", "thoi gian thuc hien", "ngay", "thoi han", "dien thoai", "so dien thoai",
                          "muc tieu", "ket qua", "hieu qua", "san pham", "quy cach", "thong so ky thuat",
                          "noi dung chi tiet", "ly do", "de xuat", "kien nghi"), "start"),
)

# Money the database has no place for, by a word of the header: skipped and listed.
SKIPPED_MONEY = (LOAN,)


# Sheets that explain, never tables of figures (the data-entry template's own "Hướng dẫn", whose table of columns
# and examples reads like a report's header): matched on the whole folded sheet name.
INSTRUCTION_SHEETS = frozenset(("huong dan", "huongdan", "huong dan nhap lieu", "instructions", "guide", "readme"))

# --- Rows ----------------------------------------------------------------------------------------------------------

# A total row: "Tổng cộng", "Tổng số", "Tổng kinh phí khuyến công năm 2019", "Cộng I", "Cộng (A)", "Tổng I + II".
TOTAL_ROW = re.compile(r"^(tong cong|tong so|tong hop|tong|cong|total|grand total|sub ?total)( (.*))?$")
# Words that may follow "Tổng"/"Cộng" in a total row; anything else makes it a name ("Tổng kết mô hình …",
# "Cộng đồng làng nghề …").
TOTAL_WORDS = frozenset((
    "cong", "so", "kinh", "phi", "von", "ngan", "sach", "toan", "tinh", "chung", "cac", "ca", "nam", "giai", "doan",
    "khuyen", "du", "ke", "hoach", "thuc", "hien", "muc", "quoc", "gia", "dia", "phuong", "trung", "uong", "nguon",
    "de", "an", "hop", "ho", "tro", "tien", "kp", "nsnn", "kcqg", "kcdp", "all", "of"))
MARKER_TOKEN = re.compile(r"^([ivx]{1,5}|[a-z]|\d{1,2}|(19|20)\d\d)$")

NOTE_ROW = Rule("note", "note", ("ghi chu", "chu thich", "chu y", "luu y", "ghi chu tren", "bang chu",
                                 "so tien bang chu", "viet bang chu", "note", "notes"), "start")
NOTE_SOURCE = re.compile(r"^\s*(nguồn|source)(\s+(số liệu|tài liệu))?\s*:", re.IGNORECASE)
SIGNATURE_ROW = Rule("signature", "signature", (
    "nguoi lap bieu", "nguoi lap", "lap bieu", "ke toan truong", "thu truong don vi", "thu truong co quan",
    "giam doc", "kt giam doc", "pho giam doc", "kt chu tich", "chu tich", "pho chu tich", "tm uy ban nhan dan",
    "tm ubnd", "noi nhan", "ky ho ten", "ky ten dong dau", "ky ghi ro ho ten", "truong phong", "nguoi kiem tra",
    "xac nhan cua", "prepared by", "approved by", "director"), "start")
# "Hà Tĩnh, ngày 15 tháng 01 năm 2019": the place and date over a signature.
DATE_LINE = re.compile(r"(^| )ngay \d{1,2} thang \d{1,2} nam (19|20)\d\d$|^ngay (thang|\d)")
# "(Ký, họ tên)" and the like under a signature title.
SIGNATURE_HINT = re.compile(r"^\(?\s*(ky|da ky)\b")

# The line of column numbers under a header: "(1) (2) (3)", "1 2 3=1+2", "A B 1 2".
COLUMN_NUMBER = re.compile(r"^\(?([0-9]{1,2}|[a-z])\)?"
                           r"(\s*=\s*\(?[0-9a-z]{1,2}\)?(\s*[+\-x*/]\s*\(?[0-9a-z]{1,2}\)?)*)?$")

# Section markers: Roman numerals (I … XX) and capital letters; "I", "V" and "X" are both, decided by context.
ROMAN = re.compile(r"^(X{0,2})(IX|IV|V?I{0,3})$")
LETTER = re.compile(r"^[A-Z]$")
MARKED_LABEL = re.compile(r"^\s*([IVX]{1,5}|[A-Z])\s*[.):/-]\s*(\S.*)$")
NUMBERED = re.compile(r"^\d{1,3}(\.\d{1,3}){0,3}\.?$")
# Items under a numbered row: "a", "b)", "-", "+".
ITEM_MARK = re.compile(r"[a-zđ]\)?|[-+*•–]")


def roman_value(text: str) -> int | None:
    if not text or not ROMAN.match(text):
        return None
    values = {"I": 1, "V": 5, "X": 10}
    total = 0
    for i, char in enumerate(text):
        value = values[char]
        total += -value if i + 1 < len(text) and values[text[i + 1]] > value else value
    return total or None


# --- Title lines ---------------------------------------------------------------------------------------------------

# A year range: "TỪ NĂM 2016 ĐẾN NĂM 2020", "GIAI ĐOẠN 2016-2020", "NĂM 2016 - 2020", "2016–2020".
YEAR_RANGE = re.compile(r"(?:tu\s+)?(?:nam\s+|giai doan\s+|thoi ky\s+|cac nam\s+|period\s+)?((?:19|20)\d\d)\s+"
                        r"(?:den(?:\s+het)?\s+(?:nam\s+)?|toi\s+(?:nam\s+)?|to\s+)?((?:19|20)\d\d)\b")
SINGLE_YEAR = re.compile(r"(?:^|\s)(?:nam|year|ke hoach|du toan|quyet toan)\s+((?:19|20)\d\d)\b")
BARE_YEAR = re.compile(r"(?:^|\s)((?:19|20)\d\d)(?:\s|$)")
# A part of a year, never a whole one: "6 THÁNG ĐẦU NĂM 2019", "9 tháng", "QUÝ I", "đến tháng 8", "tính đến 30/9".
PARTIAL = (
    (re.compile(r"\b(6|sau) thang( dau nam)?\b|\bnua dau nam\b"), "H1"),
    (re.compile(r"\b(9|chin) thang\b"), "9M"),
    (re.compile(r"\b(3|ba) thang( dau nam)?\b"), "Q1"),
    (re.compile(r"\bquy (i|1)\b"), "Q1"),
    (re.compile(r"\bquy (ii|2)\b"), "Q2"),
    (re.compile(r"\bquy (iii|3)\b"), "Q3"),
    (re.compile(r"\bquy (iv|4)\b"), "Q4"),
    (re.compile(r"\b(den|toi) (het )?thang \d{1,2}\b|\b(tinh|luy ke) den\b|\bden ngay\b"), "to_date"),
    (re.compile(r"\b(\d{1,2}|muoi mot|muoi) thang\b"), "months"),
    (re.compile(r"\bdot (1|i|mot|dau)\b|\bdot \d\b"), "round"),
)
# A line that is a document's reference, whose year is not the table's: "Kèm theo Quyết định số 123/QĐ-UBND ngày …".
REFERENCE_LINE = re.compile(r"quyet dinh|kem theo|\bqd\b|cong van|\bngay\s+\d|thong tu|nghi dinh|can cu")
DECISION = re.compile(r"(quyết định|qđ)\s*số\s*:?\s*([0-9]+[^\s,;)]*)", re.IGNORECASE)
AREA_START = re.compile(r"(?:^| )(?:tinh|thanh pho|tp)\s+(.+)$")
# An organisation line that ends with its province without "tỉnh": "SỞ CÔNG THƯƠNG NGHỆ AN".
ORGANISATION = re.compile(r"^(so cong thuong|ubnd|uy ban nhan dan|trung tam khuyen cong|trung tam khuyen cong va tu van"
                          r"(?: phat trien cong nghiep)?|trung tam)\s+(.+)$")
# Words of a title that say which kind of figure the table holds (each must name one code of the figure list).
TITLE_FIGURES = (
    ("uoc thuc hien", "estimated_executed"), ("quyet toan", "settled"), ("giai ngan", "disbursed"),
    ("ket qua thuc hien", "disbursed"), ("thuc hien", "disbursed"), ("du toan", "allocated"),
    ("ke hoach", "allocated"), ("phan bo", "allocated"), ("de xuat", "proposed"),
)


def fold_words(text) -> str:
    return fold(text)
