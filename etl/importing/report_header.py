"""A report table's header: what one header cell says (its facets, by report_roles.py and the code lists), whether a
row is a header, and the merged cells that give a header's text to every column it covers."""

import re
from dataclasses import dataclass

from etl.importing import report_roles as roles
from etl.importing.codes import Codes
from etl.importing.report_cells import is_number, numeric_cell, text_of, year_of
from etl.importing.report_model import Grid, letter
from etl.importing.templates import ALLOCATION, PROJECT, header_key
from etl.importing.units import unit_named, unit_statement, units_in
from etl.importing.values import fold
from etl.problems import both

MAX_HEADER_ROWS = 4
MAX_HEADER_CHARS = 90            # a header cell longer than this, or of more words, is a sentence
MAX_HEADER_WORDS = 16
MAX_MERGED_CELLS = 2_000_000     # cells covered by merged ranges in a sheet's body
STATEMENT_INITIALS = "ĐđDdUu(*CcGgSs"  # a unit statement starts so: "Đơn vị tính", "ĐVT", "DVT", "Unit", "(", "Ghi chú"


@dataclass
class Facets:
    ratio: str | None = None
    count: str | None = None
    part: str | None = None
    counterpart: str | None = None
    loan: str | None = None
    total: str | None = None
    money: str | None = None
    money_looking: str | None = None
    total_at_least: bool = False             # a total of investment: more than the money columns beside it
    year: int | None = None
    funding: str | None = None
    figure: str | None = None
    partial: str | None = None
    field: tuple[str, str] | None = None     # (field, rule id)
    units: tuple = ()
    non_money_unit: str | None = None


MAX_CACHED_FACETS = 200_000    # distinct header texts remembered per run (a hostile sheet may hold millions)


def facets_of(text: str, codes: Codes) -> Facets:
    """What one header text says (remembered per text: every row is looked at as a possible header)."""
    cache = codes.__dict__.setdefault("_report_facets", {})
    found = cache.get(text)
    if found is None:
        if len(cache) >= MAX_CACHED_FACETS:
            cache.clear()
        found = cache[text] = _facets_of(text, codes)
    return found


def _facets_of(text: str, codes: Codes) -> Facets:
    """What one header level says, by the role tables and the code lists."""
    facets = Facets()
    raw = str(text)
    key = header_key(raw)
    facets.units = tuple(units_in(raw))
    brackets = [fold(b[0] or b[1]) for b in re.findall(r"\(([^()]*)\)|\[([^\[\]]*)\]", raw)]
    for inside in brackets:
        if inside in roles.NON_MONEY_UNITS or "%" in raw:
            facets.non_money_unit = inside or "%"
    if "%" in raw:
        facets.ratio = "%"
    if (found := roles.matches(roles.RATIO, key)) is not None:
        facets.ratio = found
    if (found := roles.matches(roles.COUNT, key)) is not None:
        facets.count = found
    if facets.non_money_unit and not facets.units:
        facets.count = facets.count or facets.non_money_unit
    if (found := roles.matches(roles.PART, key)) is not None:
        facets.part = found
        key = key[len(found):].strip()
    if (found := roles.matches(roles.COUNTERPART, key)) is not None:
        facets.counterpart = found
    if (found := roles.matches(roles.LOAN, key)) is not None:
        facets.loan = found
    if (found := roles.matches(roles.TOTAL, key)) is not None:
        facets.total = found
    if (found := roles.matches(roles.MONEY, key)) is not None:
        facets.money = found
    elif (found := roles.matches(roles.MONEY_LOOKING, key)) is not None:
        facets.money_looking = found
    facets.year = year_of(raw.strip()) or (year_of(key) if key else None)
    if facets.year is None and (match := re.search(r"(?:^| )(?:nam )?((?:19|20)\d\d)$", key)):
        facets.year = year_of(match.group(1))
    if key:
        facets.funding = Codes.lookup(codes.lists["funding_source"], key)
        facets.figure = Codes.lookup(codes.lists["figure"], key)
        if facets.figure is None and facets.funding is None:
            # "Kế hoạch năm 2019", "Thực hiện 6 tháng", "Ước thực hiện cả năm": a kind and its period
            rest = roles.PERIOD_WORDS.sub("", key).strip()
            if rest and rest != key:
                facets.figure = Codes.lookup(codes.lists["figure"], rest)
                facets.funding = Codes.lookup(codes.lists["funding_source"], rest)
    for pattern, period in roles.PARTIAL:
        if pattern.search(key):
            facets.partial = period
            break
    if facets.total and roles.matches(roles.INVESTMENT_TOTAL, key):
        facets.total_at_least = True
    if (found := roles.first_rule(roles.FIELDS, key)) is not None:
        facets.field = (found[0].role, found[0].id)
    else:
        for template in (PROJECT, ALLOCATION):
            for column in template.columns:
                if any(key == header_key(h) for h in column.headers):
                    kind = "money" if column.kind == "money" else column.field
                    facets.field = facets.field or (kind, f"template {template.name}: {column.header}")
    return facets


def known_header(value, codes: Codes) -> bool:
    """A cell that reads as a report's column header: a field, a money word, a year, a code of a money column."""
    text = text_of(value)
    if not text or is_number(value) and not year_of(value):
        return False
    facets = facets_of(text, codes)
    return bool(facets.field or facets.money or facets.total or facets.counterpart or facets.year
                or facets.funding or facets.figure or facets.ratio or facets.count)


def money_header(value, codes: Codes) -> bool:
    text = text_of(value)
    if not text:
        return False
    facets = facets_of(text, codes)
    field = facets.field[0] if facets.field else None
    return bool((facets.money and field not in ("funding_source", "source", "name", "activity_id", "label"))
                or facets.total or facets.counterpart or facets.year
                or (facets.funding and field is None) or (facets.figure and field is None) or field == "money")


def header_score(cells: dict[int, object], codes: Codes) -> bool:
    """Whether a row (merged cells filled in) reads as a report table's header row. Every row of a sheet is asked,
    so each cell's text is taken once and the cheap refusals (a number, a sentence) come first."""
    filled = [(v, t) for v in cells.values() if (t := text_of(v))]
    if len(filled) < 2:
        return False
    for value, text in filled:
        if is_number(value):
            if not year_of(value):
                return False
        elif text[0].isdigit() and numeric_cell(text):
            return False  # an amount written as text: a row of data
    texts = [value for value, text in filled if not (text[:1] in STATEMENT_INITIALS and unit_statement(text))]
    if any(sentence(v) for v in texts):
        return False  # a sentence (an instructions sheet, a note) is no column header
    if not any(worded_header(v, codes) for v in texts):
        return False  # years alone (2019 | 2020) head no table: a row of numbers that happen to be years
    return sum(known_header(v, codes) for v in texts) >= 2 and any(money_header(v, codes) for v in texts)


def worded_header(value, codes: Codes) -> bool:
    """A header cell that names its column in words (a field, money, a total, a code), not only by a year."""
    text = text_of(value)
    if not text or year_of(value):
        return False
    facets = facets_of(text, codes)
    return bool(facets.field or facets.money or facets.total or facets.counterpart or facets.funding
                or facets.figure or facets.ratio or facets.count)


def sentence(value) -> bool:
    """Text that reads as a sentence, not a column header: long, many words, or two clauses."""
    text = text_of(value) or ""
    return len(text) > MAX_HEADER_CHARS or len(text.split()) > MAX_HEADER_WORDS or ". " in text or "; " in text


def unit_row(cells: dict[int, object]) -> bool:
    """A row under a header that gives each column its unit: "Tr.đồng | % | người"."""
    filled = [text_of(v) for v in cells.values() if text_of(v)]
    if not filled or any(is_number(v) for v in cells.values()):
        return False
    return all(unit_named(t) or fold(t).strip("() ") in roles.NON_MONEY_UNITS or "%" in t for t in filled)


# --- the grid: merged cells ----------------------------------------------------------------------------------------

class Merges:
    """The sheet's merged ranges: a header takes a merged cell's text in every cell it covers; a body row takes it
    down a column (a funding source merged over five projects), never across (a label spanning the row)."""

    def __init__(self, grid: Grid):
        self.ranges = grid.merges
        self.by_row: dict[int, list[tuple[int, int, int, int]]] = {}
        self.covering: dict[int, list[tuple[int, int, int, int]]] = {}   # row → the ranges over it
        covered = 0
        for merge in self.ranges:
            self.by_row.setdefault(merge[0], []).append(merge)
            covered += merge[2] - merge[0] + 1
            if covered <= MAX_MERGED_CELLS:  # past it, fill_down refuses the sheet
                for row in range(merge[0], merge[2] + 1):
                    self.covering.setdefault(row, []).append(merge)

    def covers(self, number: int) -> bool:
        return number in self.covering

    def header_cells(self, grid_rows: dict[int, dict], number: int) -> dict[int, object]:
        """A header row's cells with every merged cell's text in every column and row it covers."""
        cells = dict(grid_rows.get(number, {}))
        for r1, c1, _r2, c2 in self.covering.get(number, ()):
            value = grid_rows.get(r1, {}).get(c1)
            if value is not None:
                for column in range(c1, min(c2, c1 + 200) + 1):
                    cells[column] = value
        return cells

    def spans_across(self, number: int, column: int) -> tuple[int, int, int, int] | None:
        for merge in self.by_row.get(number, ()):
            if merge[1] == column and merge[3] > merge[1]:
                return merge
        return None


def fill_down(grid: Grid, problem) -> None:
    """Give a cell merged down a column the value of its top cell, in every row it covers (a funding source merged
    over five projects is the funding source of each); a money cell so merged is refused where it is read."""
    covered = 0
    index = {number: cells for number, cells in grid.rows}
    added = []
    for r1, c1, r2, _c2 in grid.merges:
        if r2 <= r1:
            continue
        value = index.get(r1, {}).get(c1)
        if value is None:
            continue
        covered += r2 - r1
        if covered > MAX_MERGED_CELLS:
            problem(r1, letter(c1), None, both("etl_report_merges_too_large"))
            return
        for number in range(r1 + 1, r2 + 1):
            grid.merged_down[(number, c1)] = (r1, c1)
            if number in index:
                index[number].setdefault(c1, value)
            else:
                added.append((number, {c1: value}))
    if added:
        grid.rows = sorted(grid.rows + added, key=lambda item: item[0])



def blank_groups(cells: dict[int, object]) -> set[int]:
    """Columns under a header group written in its first cell only: a filled cell followed by blanks."""
    inside, seen = set(), False
    last = max(cells) if cells else -1
    for column in range(0, last + 60):
        filled = bool(text_of(cells.get(column)))
        if filled:
            seen = True
            if not text_of(cells.get(column + 1)):
                inside.add(column)
        elif seen:
            inside.add(column)
    return inside


