"""Recognise the tables of a report-layout sheet into models (etl/importing/report_model.py), and nothing else.

A cell is read only when its meaning is known; what is unknown or ambiguous becomes a problem naming the sheet, the
cell, what was seen and the fix. In order, for each table of the sheet:
1. the header: a row of at least two known headers, one of them money, no number in it but years; the rows under it
   that continue it (every cell under a merged group, or a row of units); merged cells give their text to every
   column they cover (a CSV has no merges: a blank header cell continues the group to its left, as Excel writes a
   merged header to CSV);
2. the title: the rows above it (area, period, partial period, figure kind, decision, unit);
3. a role for every column from its stacked header (report_roles.py; codes from the reference tables): money
   (khuyến công, counterpart, a total, a "Trong đó" part), a row field, or skipped (ratios, counts, loans, text);
   an unknown header over numbers, or one that looks like money, is refused;
4. a role for every row: the column-number line, sections (Roman, letter, year; a marker decided by the sequence it
   continues, then by what its label names), numbered groups (1 over 1.1, 1.2), totals by their words in any label
   cell, "Trong đó" breakdowns, notes and signature blocks (which end the table), data;
5. the units of every money column (header, title rows, the header row, footnotes, a unit column; two that disagree
   refuse; none written: only when a single unit makes every amount plausible), the number conventions of every
   column (Vietnamese or English; a column that reads differently under both refuses), and every amount;
6. every total, subtotal and "Tổng" column reconciled with the rows it adds up (a mismatch refuses the table).
Time and memory are linear in the cells read: rows are sparse, and nothing is kept per column per row.
"""

import re
import time
from collections.abc import Callable
from decimal import Decimal

from etl.importing import report_roles as roles
from etl.importing.codes import Codes
from etl.importing.reader import MAX_CHECK_SECONDS, FileRefused
from etl.importing.report_amounts import Amounts
from etl.importing.report_cells import (
    YEAR_TEXT,
    is_number,
    looks_numeric,
    numeric_cell,
    sequence_text,
    text_of,
    year_of,
)
from etl.importing.report_header import (
    MAX_HEADER_ROWS,
    Merges,
    blank_groups,
    facets_of,
    fill_down,
    header_score,
    known_header,
    money_header,
    unit_row,
)
from etl.importing.report_model import DataRow, Fact, Grid, Section, Table, Title, Total, letter, named
from etl.importing.report_title import inherit, read_title
from etl.importing.templates import header_key
from etl.importing.units import Unit, stated_unit_words, unit_statement
from etl.importing.values import fold
from etl.problems import both

HEADER_SEARCH_ROWS = 60          # rows above a table's header that may be its title
MAX_PROBLEMS_OF_A_KIND = 100     # hidden rows and cells listed one by one; the rest counted in one line
TOTAL_INITIALS = "TCSG"          # Tổng, Cộng, Total, Sub total, Grand total

Problem = Callable[..., None]   # problem(row, column, value, (vi, en), severity="error")


# --- the recogniser ------------------------------------------------------------------------------------------------

class Recogniser:
    """Every table of one sheet, as models; problems go to `problem` as they are found."""

    def __init__(self, grid: Grid, codes: Codes, problem: Problem, include_hidden: bool = False,
                 locales: set | None = None):
        self.grid, self.codes, self.problem = grid, codes, problem
        self.include_hidden = include_hidden
        fill_down(grid, problem)
        self.merges = Merges(grid)
        self.index = {number: cells for number, cells in grid.rows}
        self.tables: list[Table] = []
        self.locales = locales if locales is not None else set()  # number conventions the file's columns proved
        self.deadline = time.monotonic() + MAX_CHECK_SECONDS

    def tick(self, position: int) -> None:
        """Recognising a sheet has the reader's own bound on time (a hostile sheet of millions of text cells)."""
        if position % 1024 == 0 and time.monotonic() > self.deadline:
            raise FileRefused(*both("etl_check_too_long", seconds=MAX_CHECK_SECONDS), sheet=self.grid.sheet)

    # -- headers --------------------------------------------------------------------------------------------------
    def find_headers(self) -> list[tuple[int, int]]:
        """(first, last) positions in grid.rows of every table header of the sheet, top to bottom. A header with no
        number under it before the next one heads no table (a sheet of code lists: "Danh mục nguồn kinh phí")."""
        found, position = [], 0
        rows = self.grid.rows
        while position < len(rows):
            self.tick(position)
            number, raw = rows[position]
            if len(raw) < 2 and not self.merges.covers(number) or any(numeric_cell(v) for v in raw.values()):
                position += 1  # a row of data (a number in it), or of one cell: no header
                continue
            cells = self.merges.header_cells(self.index, number)
            if header_score(cells, self.codes):
                last = self.header_block(position)
                found.append((position, last))
                position = last + 1
                continue
            position += 1
        kept = []
        for i, (first, last) in enumerate(found):
            until = found[i + 1][0] if i + 1 < len(found) else len(rows)
            if any(numeric_cell(v) for _n, cells in rows[last + 1:until] for v in cells.values()):
                kept.append((first, last))
        return kept

    def header_block(self, first: int) -> int:
        rows = self.grid.rows
        last = first
        upper = self.merges.header_cells(self.index, rows[first][0])
        while last + 1 < len(rows) and last - first + 1 < MAX_HEADER_ROWS:
            number, below = rows[last + 1]
            if number != rows[last][0] + 1:
                break
            if unit_row(below) or self.continues(rows[last][0], upper, number, below):
                last += 1
                upper = {**upper, **{c: v for c, v in below.items() if text_of(v)}}
                continue
            break
        return last

    def continues(self, upper_number: int, upper: dict, number: int, below: dict) -> bool:
        """Whether `below` is a further header row: text or years only (no sequence number, no section marker), each
        cell under a group of the row above (a merged cell, or in a CSV a header written in its first cell only) or a
        header of its own right under a header ("Kế hoạch | Thực hiện" over "2019 | 2019")."""
        # a cell merged down from the row above is that row's header, not one of this row
        filled = [c for c, v in below.items() if text_of(v) and (number, c) not in self.grid.merged_down]
        if not filled or any(is_number(below[c]) and not year_of(below[c]) for c in filled):
            return False
        if self.grid.merges:
            grouped = set()
            for r1, c1, r2, c2 in self.grid.merges:
                if r1 <= upper_number <= r2 and c2 > c1 and r2 < number:
                    grouped.update(range(c1, c2 + 1))
        else:
            grouped = blank_groups(upper)
        first = text_of(below[min(filled)])
        if min(filled) not in grouped and (
                roles.MARKED_LABEL.match(first) or roles.ROMAN.match(first) or roles.COLUMN_NUMBER.match(fold(first))
                or roles.NUMBERED.match(first) or total_of(first)):
            return False
        return all(c in grouped or (money_header(upper.get(c), self.codes) and known_header(below[c], self.codes))
                   for c in filled)

    def stacks(self, first: int, last: int) -> tuple[dict[int, list[tuple[str, int]]], dict[int, int], list[Fact]]:
        """Each column's header texts top to bottom with the row they are on; each column's group (the first
        column of the merged cell above its bottom level); the unit statements written in the header rows."""
        rows = [self.grid.rows[i][0] for i in range(first, last + 1)]
        stacks: dict[int, list[tuple[str, int]]] = {}
        groups: dict[int, int] = {}
        stated: list[Fact] = []
        merged = bool(self.grid.merges)
        for number in rows:
            cells = self.merges.header_cells(self.index, number) if merged else self.index.get(number, {})
            for column, value in cells.items():
                text = text_of(value)
                if not text:
                    continue
                if unit_statement(text) or (stated_unit_words(text) is not None and not roles.first_rule(
                        roles.FIELDS, header_key(text))):
                    unit = unit_statement(text)
                    if unit is not None:
                        stated.append(Fact(unit, number, column, text))
                    continue
                stack = stacks.setdefault(column, [])
                if not stack or stack[-1][0] != text:
                    stack.append((text, number))
            if merged:
                for r1, c1, r2, c2 in self.grid.merges:
                    if r1 <= number <= r2 and c2 > c1 and number < rows[-1]:
                        for column in range(c1, c2 + 1):
                            groups[column] = c1
        if not merged and len(rows) > 1:
            self.continue_blank_groups(rows, stacks, groups)
        return stacks, groups, stated

    def continue_blank_groups(self, rows: list[int], stacks: dict, groups: dict) -> None:
        """A CSV (or a workbook without merged cells) writes a merged header's text in its first cell only: a
        blank cell over cells that have a header of their own takes the text to its left."""
        for depth, number in enumerate(rows[:-1]):
            cells = self.index.get(number, {})
            below = {c for n in rows[depth + 1:] for c, v in self.index.get(n, {}).items() if text_of(v)}
            carried, carried_from = None, None
            for column in range(0, max(list(cells) + list(below) + [0]) + 1):
                text = text_of(cells.get(column))
                if text:
                    carried, carried_from = (text, column) if column + 1 in below and not text_of(
                        cells.get(column + 1)) else (None, None)
                    if carried:
                        groups[column] = column
                    continue
                if carried and column in below:
                    stack = stacks.setdefault(column, [])
                    if not stack or stack[0][0] != carried:
                        stack.insert(0, (carried, number))
                    groups[column] = carried_from
                else:
                    carried = None

    # -- the sheet ------------------------------------------------------------------------------------------------
    def recognise(self) -> list[Table]:
        headers = self.find_headers()
        if not headers:
            return []
        self.refuse_hidden()
        rows = self.grid.rows
        previous_end = 0
        sheet_title: Title | None = None
        for number, (first, last) in enumerate(headers, start=1):
            next_first = headers[number][0] if number < len(headers) else len(rows)
            title_start = self.title_start(previous_end, first)
            body_end = self.title_start(last + 1, next_first) if number < len(headers) else len(rows)
            title = Title()
            read_title(rows[title_start:first], self.codes, title)
            if number == 1:
                sheet_title = title
            elif sheet_title is not None:
                inherit(title, sheet_title)
            table = Table(self.grid.sheet, number, (rows[title_start][0], rows[first - 1][0]) if title_start < first
                          else None, (rows[first][0], rows[last][0]), title, [])
            TableReader(self, table, first, last, body_end).read()
            self.tables.append(table)
            previous_end = body_end
        return self.tables

    def title_start(self, lower: int, header: int) -> int:
        """Where the title of the table whose header is at `header` begins: the text rows right above it, back to
        a blank row, a row with a number, or `lower`."""
        rows = self.grid.rows
        start = header
        while start > lower and header - start < HEADER_SEARCH_ROWS:
            number, cells = rows[start - 1]
            if start < header and rows[start][0] - number > 2 and lower > 0:
                break
            if any(is_number(v) and not year_of(v) for v in cells.values()):
                break
            texts = [text_of(v) for v in cells.values() if text_of(v)]
            if lower > 0 and texts and (total_of(texts[0]) or roles.matches(roles.NOTE_ROW, fold(texts[0]))
                                        or roles.matches(roles.SIGNATURE_ROW, fold(texts[0]))):
                break
            start -= 1
        return start

    def refuse_hidden(self) -> None:
        """Hidden rows and columns with something in them are never read silently: refused, unless asked."""
        if self.include_hidden:
            return
        shown = 0
        for number, cells in self.grid.rows:
            if number in self.grid.hidden_rows and any(text_of(v) for v in cells.values()):
                shown += 1
                if shown <= MAX_PROBLEMS_OF_A_KIND:
                    first = min(c for c, v in cells.items() if text_of(v))
                    self.problem(number, letter(first), cells[first], both("etl_hidden_row"))
        if shown > MAX_PROBLEMS_OF_A_KIND:
            self.problem(None, None, None, both("etl_hidden_more", count=shown - MAX_PROBLEMS_OF_A_KIND))
        for column in sorted(self.grid.hidden_columns):
            first = next(((n, v) for n, cells in self.grid.rows if text_of(v := cells.get(column))), None)
            if first is not None:
                self.problem(first[0], letter(column), first[1], both("etl_hidden_column", column=letter(column)))


def row_facets(codes: Codes, label: str) -> dict:
    """What an allocation row's label names: a funding source, a figure kind, a year (or several)."""
    key = fold(label)
    found = {}
    if (code := Codes.lookup(codes.lists["funding_source"], key)) is not None:
        found["funding_source"] = code
    if (code := Codes.lookup(codes.lists["figure"], key)) is not None:
        found["figure"] = code
    if (year := year_of(label)) is not None or (
            (match := re.fullmatch(r"nam ((?:19|20)\d\d)", key)) and (year := int(match.group(1)))):
        found["year"] = year
    if not found:
        stripped = re.sub(r"^(kinh phi|nguon|nguon von|von)\s+", "", key)
        for name in ("funding_source", "figure"):
            if (code := Codes.lookup(codes.lists[name], stripped)) is not None:
                found[name] = code
    return found


def label_meaning(codes: Codes, label: str) -> dict | None:
    """What an allocation row's label says: its facets; {} for money that names nothing more ("Kinh phí khuyến
    công", whose source and kind the columns give); None for a label that is not money at all."""
    facets = row_facets(codes, label)
    if facets:
        return facets
    key = fold(label)
    if roles.matches(roles.MONEY, key) is not None and roles.matches(roles.COUNTERPART, key) is None:
        return {}
    return None


def total_of(label: str) -> tuple[str, str | None] | None:
    """("grand" | "sub", the section it closes) for a total row's label: "Tổng cộng (I + II)", "Cộng I", "Tổng kinh
    phí khuyến công năm 2019"; None for a name such as "Cộng đồng làng nghề …" or "Tổng kết mô hình …"."""
    if not label or label.lstrip()[:1].upper() not in TOTAL_INITIALS:
        return None  # every total word starts so: most labels are told without folding them
    key = fold(label)
    match = roles.TOTAL_ROW.match(key)
    if match is None:
        return None
    rest = (match.group(3) or "").split()
    if any(word not in roles.TOTAL_WORDS and not roles.MARKER_TOKEN.match(word) for word in rest):
        return None
    markers = [w.upper() for w in rest if roles.MARKER_TOKEN.match(w) and not YEAR_TEXT.match(w)
               and not w.isdigit()]
    if match.group(1) in ("cong", "sub total", "subtotal") and len(markers) <= 1:
        return "sub", (markers[0] if markers else None)
    if match.group(1) == "tong" and len(markers) == 1 and len(rest) == 1:
        return "sub", markers[0]
    return "grand", None


# --- one table -----------------------------------------------------------------------------------------------------

class TableReader(Amounts):
    def __init__(self, recogniser: Recogniser, table: Table, first: int, last: int, end: int):
        self.r, self.table = recogniser, table
        self.codes, self.problem = recogniser.codes, recogniser.problem
        self.first, self.last, self.end = first, last, end
        self.by_index = {}
        self.open: list[Section] = []
        self.levels: list[str] = []
        self.last_marker: dict[tuple, str] = {}
        self.last_roman = 0
        self.by_marker: dict[str, list[Section]] = {}
        self.group_of: dict[str, Section] = {}
        self.section_totals: dict[int, Total] = {}
        self.row_units: dict[int, Unit] = {}
        self.values: list[dict[int, tuple[object, Decimal]]] = []

    def read(self) -> None:
        table = self.table
        self.columns()
        self.decide_title()
        self.body()
        self.unknown_columns()
        self.decide_labels()
        self.decide_kind()
        self.decide_units()
        self.amounts()
        self.reconcile()
        table.last_row = self.r.grid.rows[self.end - 1][0] if self.end > 0 else 0

    # -- columns --------------------------------------------------------------------------------------------------
    def columns(self) -> None:
        from etl.importing.report_model import Column

        stacks, groups, stated = self.r.stacks(self.first, self.last)
        self.table.title.units.extend(stated)
        for index in sorted(stacks):
            levels = [text for text, _row in stacks[index]]
            column = Column(index, " / ".join(levels), levels)
            column.parent = groups.get(index)
            self.role(column)
            self.table.columns.append(column)
            self.by_index[index] = column
        self.parts()

    def role(self, column) -> None:
        """A column's role from the facets of its header levels (report_roles.py; codes from the reference tables)."""
        levels = [facets_of(text, self.codes) for text in column.levels]
        # A unit row under the header ("Tr.đồng | %") gives units, not the column's name.
        named_levels = [f for text, f in zip(column.levels, levels) if not unit_row({0: text})]
        bottom = named_levels[-1] if named_levels else levels[-1]
        for facets in levels:
            column.year = column.year or facets.year
            column.funding = column.funding or facets.funding
            column.figure = column.figure or facets.figure
            column.partial = column.partial or facets.partial
        units = [u for f in levels for u in f.units]
        if units:
            column.unit, column.unit_rule = units[-1], "header"
            if any(u != units[-1] for u in units):
                self.problem(self.table.header_rows[0], named(column), column.header,
                             both("etl_report_units_disagree", first=units[0].name_vi, second=units[-1].name_vi,
                                  where=column.header))
        ratio = next((f.ratio for f in levels if f.ratio), None)
        count = next((f.count for f in levels if f.count and not f.money and not f.year), None)
        field = bottom.field
        if ratio is not None:
            return self.skipped(column, "ratio", f"report_roles.RATIO «{ratio}»")
        if count is not None and not units:
            return self.skipped(column, "count", f"report_roles.COUNT «{count}»")
        if field and field[0] == "sequence":
            column.field, column.rule = "sequence", field[1]
            return None
        if field and field[0] not in ("money", "label", "text", "unit") and not column.year and not (
                bottom.money and field[0] == "year"):
            column.field, column.rule = field[0], field[1]
            column.funding = column.figure = None
            return None
        if any(f.loan for f in levels):
            return self.skipped(column, "loan", "report_roles.LOAN")
        part = next((f.part for f in levels if f.part), None)
        if any(f.counterpart for f in levels) or column.funding == "counterpart":
            column.field, column.role, column.funding = "money", "counterpart", "counterpart"
            column.rule = "report_roles.COUNTERPART"
        elif bottom.total and not bottom.funding and not bottom.year and not part:
            column.field, column.role, column.rule = "money", "total", f"report_roles.TOTAL «{bottom.total}»"
            if bottom.total_at_least:
                column.at_least = True
                column.rule += "; a total of investment: at least the money beside it"
        elif column.year or column.funding or column.figure or any(f.money for f in levels) or (
                field and field[0] == "money"):
            column.field, column.role = "money", "kc"
            column.rule = ("code list: " + ", ".join(f"{n}={v}" for n, v in (
                ("year", column.year), ("funding_source", column.funding), ("figure", column.figure)) if v)
                if column.year or column.funding or column.figure else "report_roles.MONEY")
        elif field and field[0] == "label":
            column.field, column.rule = "label", field[1]
            return None
        elif field and field[0] in ("text", "unit"):
            column.field = "unit" if field[0] == "unit" else None
            column.role, column.rule = field[0], field[1]
            return None
        elif part:
            # "Trong đó: Vốn sự nghiệp | Vốn đầu tư phát triển": the whole split by something that is no funding
            # source; checked against the whole, never stored (the whole is)
            column.field, column.role, column.part_of = "money", "breakdown", -1
            column.rule = f"report_roles.PART «{part}», naming no funding source: checked, not stored"
            return None
        elif any(f.money_looking for f in levels) or units:
            column.role, column.rule = "money_looking", "report_roles.MONEY_LOOKING" if not units else "a money unit"
            self.problem(self.table.header_rows[0], named(column), column.header,
                         both("etl_report_money_unknown"))
            return None
        else:
            column.role, column.rule = "unknown", "no rule"
            return None
        if part:
            column.part_of = -1   # its whole is found by parts()
        return None

    def skipped(self, column, role: str, rule: str) -> None:
        column.field, column.role, column.rule = None, role, rule
        column.year = column.funding = column.figure = None

    def parts(self) -> None:
        """A "Trong đó" column is a part of the nearest money column to its left that is not a part itself."""
        whole = None
        for column in self.table.columns:
            if column.field != "money":
                continue
            if column.part_of == -1:
                if whole is None:
                    self.problem(self.table.header_rows[0], named(column), column.header,
                                 both("etl_report_part_without_whole"))
                    column.part_of = None
                else:
                    column.part_of = whole.index
            else:
                whole = column
        # Funding levels without a "Trong đó": a state-budget column beside its central and local columns of the same
        # year and figure is their whole.
        for state in (c for c in self.table.money if c.funding == "state" and c.part_of is None):
            for column in self.table.money:
                if column.funding in ("central", "local", "district") and column.part_of is None and (
                        column.year, column.figure) == (state.year, state.figure):
                    column.part_of = state.index
                    column.rule += "; part of the state budget column " + letter(state.index)

    # -- title ----------------------------------------------------------------------------------------------------
    def decide_title(self) -> None:
        title, header_row = self.table.title, self.table.header_rows[0]
        if len(title.areas_seen) == 1:
            title.area = title.areas_seen[0]
        periods = title.periods_seen
        if len(periods) == 1:
            title.period = periods[0]
        elif len(periods) > 1:
            ranges = [p for p in periods if p.value[0] != p.value[1]]
            inside = ranges and all(ranges[0].value[0] <= p.value[0] <= p.value[1] <= ranges[0].value[1]
                                    for p in periods)
            if len(ranges) == 1 and inside:
                title.period = ranges[0]
            # otherwise the title names several periods: a row whose year can come only from it is refused
        if len(title.figures_seen) == 1:
            title.figure = title.figures_seen[0]
        if len(title.fundings_seen) == 1:
            title.funding = title.fundings_seen[0]
        units = {u.value for u in title.units}
        if len(units) > 1:
            first, second = title.units[0], next(u for u in title.units if u.value != title.units[0].value)
            self.problem(second.row, letter(second.column) if second.column is not None else None, second.text,
                         both("etl_report_units_disagree", first=f"{first.text} ({first.where()})",
                              second=second.text, where=second.where()))
        del header_row

    # -- rows -----------------------------------------------------------------------------------------------------
    def body(self) -> None:
        rows = self.r.grid.rows
        table = self.table
        sequence = next((c for c in table.columns if c.field == "sequence"), None)
        label_columns = [c for c in table.columns if c.field in ("name", "label")]
        first_body = True
        ended: tuple[int, str] | None = None
        trailer = False   # a note or a signature block has begun: text rows under it belong to it
        previous = self.last
        position = self.last + 1
        upcoming = self.lookahead_sequences(sequence)
        while position < self.end:
            self.r.tick(position)
            number, cells = rows[position]
            position += 1
            texts = {c: t for c, v in cells.items() if (t := text_of(v))}
            if not texts:
                continue
            if number in self.r.grid.hidden_rows:
                table.hidden_read.append(number)
            if first_body and self.column_numbers(cells):
                table.skip(number, "etl_skip_column_numbers")
                first_body = False
                continue
            first_body = False
            label, marker, label_column = self.label(cells, sequence, label_columns, texts)
            # A row with an amount is never a unit line, a note or a signature: only the others are folded.
            amounts = any(looks_numeric(v) for c, v in cells.items() if self.money_column(c))
            head = "" if amounts else fold(label or texts[min(texts)])
            unit = unit_statement(texts[min(texts)]) if len(texts) == 1 and not amounts else None
            if not amounts and (unit is not None or (len(texts) == 1 and stated_unit_words(texts[min(texts)])
                                                     is not None)):
                if unit is not None:
                    table.title.units.append(Fact(unit, number, min(texts), texts[min(texts)]))
                table.skip(number, "etl_skip_unit_line")
                continue
            if not amounts and self.note(head, texts[min(texts)], cells):
                for value in texts.values():
                    if (found := unit_statement(value)) is not None:
                        table.title.units.append(Fact(found, number, min(texts), value))
                table.skip(number, "etl_skip_note")
                ended, trailer = ended or (number, "etl_end_note"), True
                continue
            if not amounts and self.signature(head, texts, cells, sequence):
                table.skip(number, "etl_skip_signature")
                ended, trailer = ended or (number, "etl_end_signature"), True
                continue
            if amounts and ended is None:
                head = fold(label or texts[min(texts)]) if (label or "")[:1].lower() in "tbc" else ""
            if ended is not None:
                breakdown = head.startswith(("trong do", "bao gom", "chia ra"))
                if ended[1] == "etl_end_grand_total" and not trailer and breakdown:
                    table.skip(number, "etl_skip_total_breakdown")
                    continue
                if trailer and not any(looks_numeric(v) for c, v in cells.items() if self.money_column(c)):
                    table.skip(number, "etl_skip_under_signature")
                    continue
                self.problem(number, letter(min(texts)), texts[min(texts)],
                             both("etl_report_row_after_end", end=ended[0]))
                continue
            total = total_of(label) if label else None
            if total is None:
                total = next((found for v in texts.values() if (found := total_of(v))), None)
            if total is not None:
                if self.total_row(number, cells, total, label or texts[min(texts)]):
                    ended = (number, "etl_end_grand_total")
                continue
            if head.startswith(("trong do", "bao gom", "chia ra")):
                table.skip(number, "etl_skip_breakdown")
                self.breakdown(number, cells)
                continue
            if marker is not None and not self.marked_data_row(position - 1, marker, cells, sequence, label_columns):
                self.section(number, marker, label, cells)
                continue
            if marker is not None:
                label = f"{marker}. {label}" if label and not total_of(label) else label
            seq = sequence_text(cells.get(sequence.index)) if sequence else None
            following = upcoming.get(position - 1, "")
            if seq and roles.NUMBERED.match(seq) and following.startswith(seq.rstrip(".") + "."):
                self.group(number, seq.rstrip("."), label, cells)
                continue
            if seq and roles.NUMBERED.match(seq) and roles.ITEM_MARK.fullmatch(following):
                # "1 Đào tạo nghề" over "a", "b": a group when it names a code (an activity), its items the
                # projects; otherwise they may be the parts of project 1 (its machines, its workshop): refused
                if label and self.section_values(label):
                    self.group(number, seq.rstrip("."), label, cells)
                else:
                    self.problem(number, named(sequence), seq, both("etl_report_items_ambiguous", row=number))
                continue
            if seq and roles.NUMBERED.match(seq):
                self.close_groups(seq)
            if not any(self.money_column(c) for c in cells) and not self.has_field_value(cells) and label and (
                    values := self.section_values(label)) and (label_column is None or self.unmarked_section(label)):
                self.section(number, "", label, cells, values=values)
                continue
            context = {}
            for section in self.open:
                context.update(section.values)
            table.data.append(DataRow(number, cells, context, label))
            previous = position
        del previous
        if ended is not None:
            table.end = ended
        for section in table.sections:
            if section.end is None:
                section.end = len(table.data)
        for total in table.totals:
            if total.end is None:
                total.end = len(table.data)

    def lookahead_sequences(self, sequence) -> dict[int, str]:
        """For each body position, the sequence text of the next non-blank row (to tell a group from a project)."""
        rows = self.r.grid.rows
        found, following, following_at = {}, "", None
        self.next_at: dict[int, int | None] = {}
        for position in range(self.end - 1, self.last, -1):
            found[position] = following
            self.next_at[position] = following_at
            cells = rows[position][1]
            if any(text_of(v) for v in cells.values()):
                following = (sequence_text(cells.get(sequence.index)) or "") if sequence else ""
                following_at = position
        return found

    def marked_data_row(self, position: int, marker: str, cells: dict, sequence, label_columns) -> bool:
        """A marked row with amounts and nothing under it (the next row is a total, another marker of its kind, or
        the end) is a row of data, not a section: "A | Khuyến công quốc gia | 1.000"."""
        if not self.money_cells(cells):
            return False
        following = self.next_at.get(position)
        if following is None:
            return True
        cells_next = self.r.grid.rows[following][1]
        label, next_marker, _column = self.label(cells_next, sequence, label_columns)
        texts = [t for v in cells_next.values() if (t := text_of(v))]
        if (label and total_of(label)) or any(total_of(t) for t in texts):
            return True
        if next_marker is None:
            return False
        letters = roles.LETTER.match(marker) and roles.LETTER.match(next_marker) and ord(next_marker) == ord(marker) + 1
        romans = roles.roman_value(marker) and roles.roman_value(next_marker) == roles.roman_value(marker) + 1
        return bool(letters or romans)
    def money_column(self, index: int) -> bool:
        column = self.by_index.get(index)
        return column is not None and column.field == "money"

    def has_field_value(self, cells: dict) -> bool:
        return any(text_of(v) for c, v in cells.items() if (col := self.by_index.get(c)) is not None
                   and col.field not in (None, "money", "sequence", "label", "name", "unit"))

    def column_numbers(self, cells: dict) -> bool:
        """The line of column numbers right under a header: "(1) (2) (3)", "1 2 3=1+2", "A B C": short markers,
        at least two, and the plain numbers among them ascending."""
        texts = [text_of(v) for _c, v in sorted(cells.items()) if text_of(v)]
        if len(texts) < 2 or not all(roles.COLUMN_NUMBER.match(fold(t)) for t in texts):
            return False
        numbers = [int(m.group(1)) for t in texts if (m := re.match(r"^\(?(\d{1,2})\)?$", fold(t)))]
        return numbers == sorted(numbers) and len(set(numbers)) == len(numbers)

    def label(self, cells, sequence, label_columns, texts: dict | None = None
              ) -> tuple[str | None, str | None, object]:
        """The row's label (its name or label cell, else its first text cell), and its section marker if any."""
        if texts is None:
            texts = {c: t for c, v in cells.items() if (t := text_of(v))}
        seq = sequence_text(cells.get(sequence.index)) if sequence else None
        label, column = None, None
        for candidate in label_columns:
            if (text := texts.get(candidate.index)) is not None:
                label, column = text, candidate
                break
        if label is None:
            found = [texts[c] for c in sorted(texts) if isinstance(cells[c], str)
                     and not self.money_column(c) and (sequence is None or c != sequence.index)]
            label = found[0] if found else None
        if seq and total_of(seq):
            return seq, None, None
        if seq and (roles.ROMAN.match(seq) or roles.LETTER.match(seq)):
            return label, seq, column
        if label and not seq and (match := roles.MARKED_LABEL.match(label)):
            return match.group(2).strip(), match.group(1), column
        return label, None, column

    def note(self, head: str, first: str, cells: dict) -> bool:
        """A note under the table ("Ghi chú: …", "(*) …", "Nguồn: …", "Bằng chữ: …"), with no amount of its own."""
        if any(looks_numeric(v) for c, v in cells.items() if self.money_column(c)):
            return False
        return (roles.matches(roles.NOTE_ROW, head) is not None or first.lstrip().startswith(("*", "(*)"))
                or roles.NOTE_SOURCE.match(first) is not None)

    def signature(self, head: str, texts: dict, cells: dict, sequence) -> bool:
        """A signature block: a title ("NGƯỜI LẬP BIỂU", "KT. GIÁM ĐỐC"), a place and date, "(Ký, họ tên)"; never a
        row with an amount or a sequence number."""
        if any(looks_numeric(v) for c, v in cells.items() if self.money_column(c)):
            return False
        if sequence is not None and text_of(cells.get(sequence.index)):
            return False
        if roles.matches(roles.SIGNATURE_ROW, head) is not None or roles.DATE_LINE.search(head):
            return True
        return bool(roles.SIGNATURE_HINT.match(head)) and len(texts) <= 3

    # -- sections and groups ------------------------------------------------------------------------------------
    def section_values(self, label: str) -> dict:
        """What a section or group label names: a funding source, an activity, a status, a sector, a year, a kind."""
        key = fold(label)
        text = re.sub(r"^(kinh phi|nguon|nguon von|nguon kinh phi|von)\s+", "", key)
        for name, index in (("funding_source", self.codes.lists["funding_source"]),
                            ("activity_id", self.codes.activity), ("status", self.codes.lists["status"]),
                            ("sector_id", self.codes.sector), ("figure", self.codes.lists["figure"])):
            for candidate in (key, text):
                if (code := Codes.lookup(index, candidate)) is not None:
                    return {name: code}
        if (match := re.fullmatch(r"(?:nam\s+)?((?:19|20)\d\d)", key)) is not None:
            return {"year": int(match.group(1))}
        return {}

    def unmarked_section(self, label: str) -> bool:
        """A label row with no marker, no amount and no field is a section only when it names a code."""
        return bool(self.section_values(label))

    def marker_kind(self, number: int, marker: str, label: str | None) -> str | None:
        """Roman or letter for "I", "V", "X", by the sequence each would continue, then by what the label names;
        None when neither decides (refused)."""
        letter_ok = roles.LETTER.match(marker) is not None
        roman = roles.roman_value(marker)
        if roman is None:
            return "letter" if letter_ok else None
        if not letter_ok:
            return "roman"
        last_letter = self.last_marker.get(("letter", self.parent_key("letter")))
        letter_next = (last_letter is None and marker == "A") or (
            last_letter is not None and ord(marker) == ord(last_letter) + 1)
        roman_next = roman == self.last_roman + 1
        if letter_next != roman_next:
            return "letter" if letter_next else "roman"
        values = self.section_values(label or "")
        if "funding_source" in values and "activity_id" not in values:
            return "roman"
        if "activity_id" in values:
            return "letter"
        letter_later = last_letter is None or ord(marker) > ord(last_letter)
        roman_later = roman > self.last_roman
        if letter_later != roman_later:
            return "letter" if letter_later else "roman"
        return None

    def parent_key(self, kind: str) -> tuple:
        """Letters restart under each Roman section: their sequence is kept per parent."""
        if kind == "letter":
            roman = next((s for s in reversed(self.open) if s.kind == "roman"), None)
            return (roman.row if roman else None,)
        return ()

    def section(self, number: int, marker: str, label: str | None, cells: dict, values: dict | None = None) -> None:
        table = self.table
        if marker:
            kind = self.marker_kind(number, marker, label)
            if kind is None:
                self.problem(number, None, marker, both("etl_report_marker_ambiguous", marker=marker))
                return
            rule = f"{kind} marker {marker}"
        else:
            kind, rule = ("year" if values and "year" in values else "unmarked"), "label names a code"
        if kind not in self.levels:
            self.levels.append(kind)
        level = self.levels.index(kind)
        self.close_sections(level)
        if kind == "roman":
            self.last_roman = roles.roman_value(marker) or self.last_roman
        elif kind == "letter":
            self.last_marker[("letter", self.parent_key("letter"))] = marker
        if values is None:
            values = self.section_values(label or "")
            rule += "; " + (", ".join(f"{k}={v}" for k, v in values.items()) if values else "names no code")
        section = Section(marker, kind, level, number, label or marker, values, rule, len(table.data))
        section.amounts = self.money_cells(cells)
        table.sections.append(section)
        self.open.append(section)
        if marker:
            self.by_marker.setdefault(marker.upper(), []).insert(0, section)
        if section.amounts:
            table.totals.append(Total(number, "section", label or marker, section.amounts, len(table.data),
                                      scope=marker))
            self.section_totals[id(section)] = table.totals[-1]

    def close_sections(self, level: int) -> None:
        end = len(self.table.data)
        for section in self.open:
            if section.level >= level and section.end is None:
                section.end = end
                self.close_total(section, end)
        self.open = [s for s in self.open if s.end is None]

    def close_total(self, section: Section, end: int) -> None:
        total = self.section_totals.get(id(section))
        if total is not None and total.end is None:
            total.end = end

    def group(self, number: int, seq: str, label: str | None, cells: dict) -> None:
        """A numbered row with rows numbered under it (1 over 1.1, 1.2): a group; its amounts a subtotal."""
        self.close_groups(seq)
        table = self.table
        values = self.section_values(label or "")
        depth = seq.count(".")
        section = Section(seq, "group", 100 + depth, number, label or seq, values,
                          "numbered group: the next row is numbered under it; "
                          + (", ".join(f"{k}={v}" for k, v in values.items()) if values else "names no code"),
                          len(table.data))
        section.amounts = self.money_cells(cells)
        table.sections.append(section)
        self.open.append(section)
        self.group_of[seq] = section
        if section.amounts:
            table.totals.append(Total(number, "group", label or seq, section.amounts, len(table.data), scope=seq))
            self.section_totals[id(section)] = table.totals[-1]

    def close_groups(self, seq: str) -> None:
        """A row numbered outside an open group closes it (2 after 1.2 closes group 1)."""
        end = len(self.table.data)
        for section in self.open:
            if section.kind == "group" and section.end is None and not seq.startswith(section.marker + "."):
                section.end = end
                self.close_total(section, end)
        self.open = [s for s in self.open if s.end is None]

    # -- totals ---------------------------------------------------------------------------------------------------
    def money_cells(self, cells: dict) -> dict:
        return {c: v for c, v in cells.items() if self.money_column(c) and text_of(v) is not None}

    def total_row(self, number: int, cells: dict, total: tuple[str, str | None], label: str) -> bool:
        """Note a total row; True when it is a grand total closing the table (one at the top closes nothing)."""
        kind, scope = total
        table = self.table
        amounts = self.money_cells(cells)
        if kind == "grand":
            if not table.data:
                table.totals.append(Total(number, "grand", label, amounts, 0, None, "top"))
                return False
            table.totals.append(Total(number, "grand", label, amounts, 0, len(table.data)))
            self.close_sections(0)
            return True
        at = len(table.data)
        previous = max((t.end or 0 for t in table.totals if t.kind == "sub"), default=0)
        if scope:
            candidates = [s for s in self.by_marker.get(scope, []) if s.kind in ("roman", "letter")]
        else:
            # a bare "Cộng": the innermost open section, an outer one, the rows since the last subtotal, or all
            candidates = list(reversed(self.open)) + [(previous, at), (0, at)]
        if candidates:
            first = candidates[0]
            start = first.start if isinstance(first, Section) else first[0]
            table.totals.append(Total(number, "sub", label, amounts, start, at, scope or "", candidates))
        else:
            table.totals.append(Total(number, "sub", label, amounts, previous, at, scope or ""))
        return False

    def breakdown(self, number: int, cells: dict) -> None:
        """A "Trong đó" row under a total: its amounts are parts of the total above, never more than it."""
        amounts = self.money_cells(cells)
        if amounts and self.table.totals:
            self.table.totals.append(Total(number, "parts", "Trong đó", amounts, 0, 0, scope=str(
                self.table.totals[-1].row)))

    def unknown_columns(self) -> None:
        """A number in a column whose header is unknown, or that has none, is refused: it may be money. Text there is
        left out, and the dry run says so once per column."""
        seen: set[int] = set()
        for row in self.table.data:
            for index, value in row.cells.items():
                column = self.by_index.get(index)
                if index in seen or (column is not None and column.role != "unknown"):
                    continue
                if looks_numeric(value):
                    seen.add(index)
                    self.problem(row.row, named(column) if column else letter(index), value,
                                 both("etl_report_column_unknown"))
                elif column is None and text_of(value):
                    seen.add(index)
                    self.table.skip(row.row, "etl_skip_no_header", column=letter(index))

    # -- what the values decide ---------------------------------------------------------------------------------
    def decide_labels(self) -> None:
        """A label column ("Nội dung", "Nội dung hỗ trợ") is read as a code list when its values name one (the dry
        run says which); otherwise it names the rows (projects, or allocations by their words)."""
        for column in self.table.columns:
            if column.field != "label":
                continue
            values = {text for row in self.table.data if (text := text_of(row.cells.get(column.index)))}
            if not values:
                continue
            for list_name, field, index in (("activity", "activity_id", self.codes.activity),
                                            ("sector", "sector_id", self.codes.sector),
                                            ("funding_source", "funding_source",
                                             self.codes.lists["funding_source"])):
                named = sum(Codes.lookup(index, v) is not None for v in values)
                if named and named * 2 >= len(values) and field not in {c.field for c in self.table.columns}:
                    if list_name == "funding_source" and not any(c.field == "name" for c in self.table.columns):
                        break  # an allocation table's row labels: read per row
                    column.field, column.code_list = field, list_name
                    column.rule += f"; {named} of {len(values)} values name the {list_name} list"
                    break

    def decide_kind(self) -> None:
        table = self.table
        fields = {c.field for c in table.columns}
        if "name" in fields:
            table.kind, table.kind_rule = "project", "a project-name column"
            return
        labels = [c for c in table.columns if c.field == "label"]
        if labels:
            named = 0
            values = [row.label for row in table.data if row.label]
            for value in values:
                if label_meaning(self.codes, value) is not None:
                    named += 1
            if values and named == 0:
                labels[0].field, labels[0].rule = "name", labels[0].rule + "; no value names a funding source, " \
                    "figure kind or year: the project names"
                table.kind, table.kind_rule = "project", f"the label column {letter(labels[0].index)} holds names"
                return
        table.kind, table.kind_rule = "allocation", "no project-name column: one allocation per money cell"

    def row_facets(self, label: str) -> dict:
        return row_facets(self.codes, label)

