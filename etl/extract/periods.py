"""Years and periods as an article writes them: "năm 2019", "giai đoạn 2016–2020", "từ năm 2016 đến 2020", "in the
2011-2015 period", "in 2019". An open period ("since 2016", "từ đầu năm", "năm nay", "5 năm qua") is kept as what it
is, for the reader to ask about: it is never closed by guessing."""

import re
from dataclasses import dataclass
from datetime import date

FIRST_YEAR = 1990
Y = r"(?<![\d/.,])(?<!\d-)((?:19[89]|20\d)\d)(?![\d/]|[.,]\d)"
Y2 = r"((?:19[89]|20\d)\d)(?![\d/]|[.,]\d)"  # the second year of a range ("2016-2020")
YD = r"((?:19[89]|20\d)\d)(?!\d)"  # the year of a date, written after its day or month
MONTHS = (r"(january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|"
          r"jun|jul|aug|sep|sept|oct|nov|dec)\.?")
PARTIAL_BEFORE_YEAR = (r"(?:(?:\d+|sau|chin|ba) thang(?: dau)?|nua dau|quy (?:i|ii|iii|iv|1|2|3|4)|"
                       r"dot (?:\d+|mot|hai|ba)|"
                       r"(?:the )?first (?:six|nine|three|\d+) months|(?:the )?first half|(?:first|second|third) "
                       r"quarter|(?:les )?\d+ premiers mois|premier semestre)")
NUMBER_WORDS = {"hai": 2, "ba": 3, "bon": 4, "nam": 5, "sau": 6, "bay": 7, "tam": 8, "chin": 9, "muoi": 10, "two": 2,
                "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}


@dataclass(frozen=True)
class Period:
    """A period written in the text: closed (year_from..year_to), or open with a question to ask."""
    start: int
    end: int
    year_from: int | None
    year_to: int | None
    kind: str            # closed | open_from | open_to | relative | past_years | this_period | date
    partial: bool = False
    pair: bool = False   # "2021 and 2022": the two years together, or each of them?

    @property
    def closed(self) -> bool:
        return self.kind == "closed"


PATTERNS: tuple[tuple[str, str], ...] = (
    ("date", rf"\b\d{{1,2}}\s*[/-]\s*\d{{1,2}}\s*[/-]\s*{YD}"),
    ("date", rf"\bthang \d{{1,2}}\s*[/-]\s*{YD}"),
    ("date", rf"\b\d{{1,2}}\s*/\s*{YD}"),
    ("date", rf"\b{MONTHS} \d{{1,2}},? {Y}"),
    ("date", rf"\b\d{{1,2}} {MONTHS},? {Y}"),
    ("closed_partial_tail", rf"{Y}\s*(?:va|and|et)\s*(?:the |les )?{PARTIAL_BEFORE_YEAR}\s*(?:dau )?"
                            rf"(?:nam |of |cua nam |"
                            rf"de l'annee |de )?(?:nam )?{Y2}"),
    ("closed", rf"(?:(?:tu nam|tu|from|between|giai doan|thoi ky|period|in the|in|during the|during|trong giai doan|"
               rf"trong|nam|de|entre)\s+)?{Y}\s*(?:-|den|toi|to|until|through|and|va|et|a)\s*(?:nam\s*)?{Y2}"
               rf"(?:\s*(?:period|stage|phase))?"),
    ("open_from", rf"(?:since|ke tu nam|ke tu|tu nam|depuis)\s+{Y}"
                  rf"(?:\s+(?:den nay|toi nay|to date|until now|so far))?"),
    ("open_from", rf"\btu\s+{Y}\s+(?:den nay|toi nay)"),
    ("single_partial", rf"{PARTIAL_BEFORE_YEAR}\s*(?:dau )?(?:nam |of |cua nam |de l'annee |de )?(?:nam )?{Y}"),
    ("single", rf"\bden nam\s+{Y}\s+(?:la|dat|len|tang len)\b"),
    ("open_to", rf"(?:den nam|den het nam|toi nam|to|until|through|by the end of|by|den|jusqu'en)\s+{Y}"),
    ("single", rf"(?:(?:nam|in|for|of|trong nam|year|en|vao nam|cho nam|annee|tai nam)\s+)?{Y}"),
    ("relative", r"\b(?:nam nay|this year|nam ngoai|last year|nam truoc|nam toi|next year|cette annee|nam qua|"
                 r"今年|去年)\b"),
    ("past_years", r"\b(?:after (?:\d+|two|three|four|five|six|seven|eight|nine|ten) years|"
                   r"(?:\d+|hai|ba|bon|nam|sau|bay|tam|chin|muoi|mot thap ky) nam (?:qua|vua qua|gan day|"
                   r"thuc hien)|(?:past|last|over the past|in the past) (?:\d+|two|three|four|five|six|seven|eight|"
                   r"nine|ten) years|(?:\d+|two|three|four|five|six|seven|eight|nine|ten) years (?:of|ago))\b"),
    ("this_period", r"\b(?:giai doan nay|thoi ky nay|this period|the period|thoi gian qua|nhung nam qua|"
                    r"in recent years|nhung nam gan day|to date|den nay|so far)\b"),
)
COMPILED = tuple((kind, re.compile(pattern)) for kind, pattern in PATTERNS)


def last_year() -> int:
    return date.today().year + 1


def find_periods(folded: str) -> list[Period]:
    """Every period mention of a folded text (comparisons already blanked out), left to right, none overlapping."""
    taken: list[tuple[int, int]] = []
    found: list[Period] = []
    for kind, pattern in COMPILED:
        for match in pattern.finditer(folded):
            start, end = match.start(), match.end()
            if any(s < end and start < e for s, e in taken):
                continue
            period = _period(kind, match)
            if period is None:
                continue
            taken.append((start, end))
            found.append(period)
    return sorted(found, key=lambda p: p.start)


def _year(text: str | None) -> int | None:
    if text is None:
        return None
    year = int(text)
    return year if FIRST_YEAR <= year <= last_year() else None


def _period(kind: str, match: re.Match) -> Period | None:
    years = [_year(g) for g in match.groups() if g and g.isdigit() and len(g) == 4]
    start, end = match.start(), match.end()
    if any(y is None for y in years) and kind not in ("relative", "past_years", "this_period"):
        return None
    if kind == "date":
        return Period(start, end, years[-1], years[-1], "date")
    if kind == "closed_partial_tail":
        return Period(start, end, years[0], years[1], "closed", partial=True) if years[0] < years[1] else None
    if kind == "closed":
        if years[0] >= years[1]:
            return None
        joined = re.search(rf"{years[0]}\s*(and|va|et)\s*", match.group()) is not None
        return Period(start, end, years[0], years[1], "closed", pair=joined)
    if kind == "open_from":
        return Period(start, end, years[0], None, "open_from")
    if kind == "open_to":
        return Period(start, end, None, years[0], "open_to")
    if kind == "single_partial":
        return Period(start, end, years[0], years[0], "closed", partial=True)
    if kind == "single":
        return Period(start, end, years[0], years[0], "closed")
    return Period(start, end, None, None, kind)
