"""Sheets laid out as a province's reports are, recognised without configuration.

A sheet that holds no template header (etl/importing/templates.py) is read here when it looks like a report:
- title rows above the table name the area ("UBND TỈNH HÀ TĨNH"), the year or years ("… NĂM 2019",
  "GIAI ĐOẠN 2021-2025"), the decision ("Kèm theo Quyết định số 123/QĐ-UBND …") and the unit ("Đơn vị tính: đồng");
  they fill what the table has no column for.
- the header may span two or three rows with merged cells; a merged cell's value sits in its first cell only, so a
  blank header cell continues the group to its left, and each column is named by its stacked header text.
- money columns are told by their stacked header: a year, a funding source, a figure kind (all through the code
  lists of etl/importing/codes.py), "Tổng" (checked, never loaded) or "Vốn đối ứng" (counterpart).
  In an allocation table every money cell is its own row; a project takes the funding source of its column.
- section rows ("I. KHUYẾN CÔNG QUỐC GIA", "A. Đào tạo nghề, truyền nghề") set a funding source, activity, status
  or sector for the rows under them; total rows ("Cộng I", "Tổng cộng (I + II)", "Tổng cộng") and section rows
  with amounts are checked against their rows (a mismatch is a warning) and never loaded.
- amounts are numbers or Vietnamese text ("1.500.000.000", "1,5 tỷ"), converted to triệu đồng.
Every row is then checked by parse.SheetReader, the template's own row checks, so the same rules hold.
"""

import re
from dataclasses import dataclass, field
from decimal import Decimal
from functools import partial

from openpyxl.utils import get_column_letter

from etl.importing.codes import Codes
from etl.importing.templates import ALLOCATION, IGNORED_HEADERS, PROJECT, header_key, header_unit
from etl.importing.values import NotANumber, fold, nfc, parse_number, unit_factor, unit_line_factor
from etl.problems import Problem, bilingual, both
from khuyencong.i18n.formatting import format_number

MAX_HEADER_ROWS = 3
MAX_SPAN = 60            # columns a last merged header cell may span past the row's last stored cell
MAX_SECTIONS_SHOWN = 50  # the dry run lists this many sections and total rows; a hostile file may have millions
FIRST_YEAR, LAST_YEAR = 1990, 2100
YEAR = re.compile(r"^(19|20)\d\d$")
ROMAN = re.compile(r"^(X{0,3})(IX|IV|V?I{0,3})$")
LETTER = re.compile(r"^[A-HJ-Z]$")
MARKED = re.compile(r"^\s*([IVX]{1,5}|[A-HJ-Z])[.)/:]\s*(.+)$")
TOTAL = re.compile(r"^(tong cong|tong so|tong|cong|total|grand total|sub ?total)( (.*))?$")
MARKER_WORDS = re.compile(r"^([ivx]{1,5}|[a-z])( ([ivx]{1,5}|[a-z]))*$")
TITLE_YEARS = re.compile(r"(?:nam|giai doan|thoi ky|period|year)\s+((?:19|20)\d\d)(?:\s+(?:den\s+)?((?:19|20)\d\d))?")
DECISION = re.compile(r"(quyết định|qđ)\s*số\s*:?\s*([0-9]+[^\s,;)]*)", re.IGNORECASE)
AREA_START = re.compile(r"(?:^| )(?:tinh|thanh pho|tp)\s+(.+)$")
TEXT_AMOUNT = re.compile(r"^\s*([0-9][0-9.,\s]*?)\s*([^\d\s.,].*)$")
# Header words that make a column money even when no year, funding source or figure is named.
MONEY_WORDS = ("kinh phi", "von", "so tien", "ngan sach", "tong", "du toan", "amount", "funding")
LABELS = ("noi dung", "ten ", "chi tieu", "hang muc", "nguon")  # a row label column: what each row is
NAME_FIELDS = {"name", "implementer", "location", "activity_id", "sector_id", "funding_source", "status", "note",
               "source", "area_id", "year"}
THOUSANDTH = Decimal("0.001")


@dataclass
class ReportColumn:
    index: int
    header: str                        # the stacked header text, "Kinh phí / Vốn đối ứng"
    field: str | None = None           # a text field of the template, or "money", "sequence", "label"
    role: str = ""                     # money: "kc", "counterpart", "total"
    year: int | None = None
    funding: str | None = None
    figure: str | None = None
    factor: Decimal = Decimal(1)

    def meaning(self) -> str:
        if self.field != "money":
            return self.field or "-"
        parts = [self.role]
        parts += [f"{name}={value}" for name, value in (("year", self.year), ("funding_source", self.funding),
                                                          ("figure", self.figure)) if value is not None]
        if self.factor != 1:
            parts.append(f"×{self.factor.normalize():f}")
        return ", ".join(parts)


@dataclass
class Title:
    area: str | None = None
    years: tuple[int, int] | None = None
    decision: str | None = None
    factor: Decimal | None = None
    unit: str | None = None
    areas_seen: list[str] = field(default_factory=list)
    area_line: str | None = None


def _text(cell) -> str | None:
    text = nfc(cell)
    return text if text is not None else None


def _is_year(cell) -> int | None:
    text = _text(cell)
    if text and YEAR.match(text) and FIRST_YEAR <= int(text) <= LAST_YEAR:
        return int(text)
    return None


def _known_header(cell, codes: Codes) -> bool:
    """A cell that reads as a column header of a report: STT, a template header, a money word, a code name."""
    key = header_key(cell)
    if not key:
        return False
    if key in IGNORED_HEADERS or _is_year(cell) or any(w in key for w in MONEY_WORDS) or key.startswith(LABELS):
        return True
    if any(key == header_key(h) for t in (PROJECT, ALLOCATION) for c in t.columns for h in c.headers):
        return True
    return any(Codes.lookup(codes.lists[name], key) is not None for name in ("funding_source", "figure"))


def _money_header(cell, codes: Codes) -> bool:
    key = header_key(cell)
    return bool(_is_year(cell) or any(w in key for w in MONEY_WORDS)
                or any(Codes.lookup(codes.lists[name], key) is not None for name in ("funding_source", "figure")))


def find_report_header(buffered: list[tuple[int, list]], codes: Codes) -> tuple[int, int] | None:
    """(first, last) index in `buffered` of the header block, or None."""
    for index, (_number, cells) in enumerate(buffered):
        filled = [c for c in cells if _text(c)]
        if len(filled) < 2 or any(isinstance(c, (int, float)) and not _is_year(c) for c in filled):
            continue
        if sum(_known_header(c, codes) for c in filled) < 2 or not any(_money_header(c, codes) for c in filled):
            continue  # a report's table has money in it; an instructions sheet's table does not
        last = index
        upper = cells
        while last + 1 < len(buffered) and last - index + 1 < MAX_HEADER_ROWS:
            below = buffered[last + 1][1]
            if not _continues(upper, below):
                break
            last += 1
            upper = _stack_fill(upper, below)
        return index, last
    return None


def _groups(cells: list) -> set[int]:
    """Positions under a horizontally merged header cell: a filled cell followed by a blank, and the blanks after it.

    A filled cell whose right neighbour is filled spans nothing; the last filled cell spans to the right edge.
    """
    inside, seen_filled = set(), False
    for i in range(len(cells) + MAX_SPAN):
        filled = i < len(cells) and _text(cells[i])
        if filled:
            seen_filled = True
            if not (i + 1 < len(cells) and _text(cells[i + 1])):
                inside.add(i)
        elif seen_filled:
            inside.add(i)
    return inside


def _continues(upper: list, below: list) -> bool:
    """Whether `below` is another header row: text or years only, every cell under a merged group of `upper`."""
    filled = [i for i, c in enumerate(below) if _text(c)]
    if not filled:
        return False
    if any(isinstance(below[i], (int, float)) and not _is_year(below[i]) for i in filled):
        return False
    if any(MARKED.match(str(below[i])) or ROMAN.match(str(below[i]).strip()) for i in filled[:1]):
        return False
    inside = _groups(upper)
    return all(i in inside for i in filled)


def _stack_fill(upper: list, below: list) -> list:
    """The row a further header row is tested against: the lower row's text where it has some."""
    width = max(len(upper), len(below))
    return [below[i] if i < len(below) and _text(below[i]) else (upper[i] if i < len(upper) else None)
            for i in range(width)]


def stacked_headers(rows: list[list]) -> list[list[str]]:
    """Each column's header texts top to bottom, a blank merged cell taking its group's text."""
    width = max(len(r) for r in rows)
    stacks: list[list[str]] = [[] for _ in range(width)]
    for depth, row in enumerate(rows):
        carried = None
        for i in range(width):
            text = _text(row[i]) if i < len(row) else None
            has_below = any(i < len(r) and _text(r[i]) for r in rows[depth + 1:])
            if text:
                carried = text
            elif carried and has_below and depth < len(rows) - 1:
                text = carried  # a merged cell's blank continuation, over cells that have their own header
            else:
                carried = None if not has_below else carried
            if text and (not stacks[i] or stacks[i][-1] != text):
                stacks[i].append(text)
    return stacks


def name_columns(stacks: list[list[str]], codes: Codes, sheet_factor: Decimal) -> list[ReportColumn]:
    columns = []
    template_fields = {}
    for template in (PROJECT, ALLOCATION):
        for column in template.columns:
            for header in column.headers:
                template_fields.setdefault(header_key(header), column)
    for index, parts in enumerate(stacks):
        if not parts:
            continue
        column = ReportColumn(index, " / ".join(parts))
        keys = [header_key(p) for p in parts]
        if any(k in IGNORED_HEADERS for k in keys):
            column.field = "sequence"
            columns.append(column)
            continue
        for part, key in zip(parts, keys):
            column.year = column.year or _is_year(part)
            column.funding = column.funding or Codes.lookup(codes.lists["funding_source"], key)
            column.figure = column.figure or Codes.lookup(codes.lists["figure"], key)
        text_field = template_fields.get(keys[-1])
        money = (column.year or column.funding or column.figure
                 or any(any(w in k for w in MONEY_WORDS) for k in keys)
                 or (text_field is not None and text_field.kind == "money"))
        if text_field is not None and text_field.field in NAME_FIELDS and not column.year:
            column.field = text_field.field
            column.funding = column.figure = None
        elif money:
            column.field = "money"
            if column.funding == "counterpart" or any("doi ung" in k for k in keys):
                column.role, column.funding = "counterpart", "counterpart"
            elif TOTAL.match(keys[-1]) and not (column.year and column.year == _is_year(parts[-1])
                                                or Codes.lookup(codes.lists["funding_source"], keys[-1])):
                column.role = "total"
            else:
                column.role = "kc"
            units = [u for p in parts if (u := header_unit(p)) and unit_factor(u) is not None]
            column.factor = unit_factor(units[-1]) if units else sheet_factor
        elif any(k.startswith(LABELS) for k in keys):
            column.field = "label"
        else:
            column.field = None
        columns.append(column)
    return columns


def read_title(rows: list[tuple[int, list]], codes: Codes) -> Title:
    """What the rows above the header say: area, year(s), decision, unit."""
    title = Title()
    plain_years = None
    for _number, cells in rows:
        for cell in cells:
            text = _text(cell)
            if not text or not isinstance(cell, str):
                continue
            factor = unit_line_factor(text)
            if factor is not None:
                title.factor, title.unit = factor, text
                continue
            key = fold(text)
            if title.decision is None and (match := DECISION.search(text)):
                title.decision = text.strip("() ")
            for start in AREA_START.finditer(key):
                words = start.group(1).split()
                for n in range(min(4, len(words)), 0, -1):
                    candidate = " ".join(words[:n])
                    if candidate in codes.areas:
                        if candidate not in title.areas_seen:
                            title.areas_seen.append(candidate)
                            title.area_line = title.area_line or text
                        break
            if (match := TITLE_YEARS.search(key)) is not None:
                first, last = int(match.group(1)), int(match.group(2) or match.group(1))
                if "ngay" in key.split() or "quyet dinh" in key:
                    plain_years = plain_years or (first, last)
                elif title.years is None:
                    title.years = (first, last)
    title.years = title.years or plain_years
    if len(title.areas_seen) == 1:
        title.area = title.areas_seen[0]
    return title


def parse_amount(cell) -> tuple[Decimal | None, Decimal | None]:
    """(number, its own unit factor or None): 1500, '1.500.000.000', '1,5 tỷ', '200 triệu đồng'."""
    try:
        return parse_number(cell), None
    except NotANumber:
        if not isinstance(cell, str):
            raise
    match = TEXT_AMOUNT.match(nfc(cell) or "")
    if match is None or (factor := unit_factor(match.group(2))) is None:
        raise NotANumber(str(cell))
    return parse_number(match.group(1).replace(" ", "")), factor


@dataclass
class Section:
    marker: str
    level: int
    row: int
    text: str
    values: dict
    start: int                          # index in data rows where the section begins
    end: int | None = None
    amounts: dict = field(default_factory=dict)


@dataclass
class SheetSummary:
    """What the dry run understood of one report-layout sheet, kept as data so the Import page can show it in the UI
    language (understood() is the same in text, for the CLI)."""
    sheet: str | None
    table: str                          # "allocation" or "project"
    header_rows: tuple[int, int]
    data_rows: tuple[int, int] | None
    rows: int
    columns: list[ReportColumn]
    title: Title
    sections: list[Section]             # the first MAX_SECTIONS_SHOWN
    totals_checked: list[int]           # the first MAX_SECTIONS_SHOWN rows whose amounts were checked
    totals_count: int                   # how many such rows in all


class ReportSheet:
    """One report-layout sheet: its header, title, sections, totals; records go through parse.SheetReader."""

    def __init__(self, parsed, codes: Codes, sheet_name: str | None, buffered, first: int, last: int, progress):
        self.parsed, self.codes, self.sheet = parsed, codes, sheet_name
        self.buffered, self.first, self.last, self.progress = buffered, first, last, progress
        self.title = read_title(buffered[:first], codes)
        factor = self.title.factor if self.title.factor is not None else Decimal(1)
        stacks = stacked_headers([cells for _n, cells in buffered[first:last + 1]])
        self.columns = name_columns(stacks, codes, factor)
        fields = {c.field for c in self.columns}
        self.template = PROJECT if "name" in fields else ALLOCATION
        self.money = [c for c in self.columns if c.field == "money"]
        self.by_field = {c.field: c for c in self.columns if c.field not in (None, "money")}
        self.sections: list[Section] = []
        self.totals: list[tuple[int, str, Section | None, dict, int]] = []
        self.row_amounts: list[dict[int, Decimal]] = []
        self.data_rows: list[int] = []
        self.levels: list[str] = []     # marker kinds in the order met: the first is level 0
        self.open: list[Section] = []   # the sections the next row falls under (one per level at most)
        self.money_at = {c.index: c for c in self.money}
        self.by_marker: dict[str, Section] = {}   # "I" → the latest section I, for a "Cộng I" below it

    # -- what was understood ------------------------------------------------------------------------------
    def summary(self) -> SheetSummary:
        checked = sorted([t[0] for t in self.totals] + [s.row for s in self.sections if s.amounts])
        header = (self.buffered[self.first][0], self.buffered[self.last][0])
        return SheetSummary(self.sheet, self.template.table, header,
                            (self.data_rows[0], self.data_rows[-1]) if self.data_rows else None, len(self.data_rows),
                            list(self.columns), self.title, self.sections[:MAX_SECTIONS_SHOWN],
                            checked[:MAX_SECTIONS_SHOWN], len(checked))

    def understood(self) -> list[str]:
        header_rows = f"{self.buffered[self.first][0]}–{self.buffered[self.last][0]}"
        data = f"{self.data_rows[0]}–{self.data_rows[-1]}" if self.data_rows else "-"
        where = f"[{self.sheet or 'csv'}] "
        lines = [where + bilingual("etl_report_table", table=self.template.table, header=header_rows, data=data,
                             rows=len(self.data_rows))]
        for column in self.columns:
            lines.append(where + bilingual("etl_report_column", column=get_column_letter(column.index + 1),
                                     header=column.header, meaning=column.meaning()))
        found = []
        if self.title.area:
            found.append(f"area={self.title.area} «{self.title.area_line}»")
        if self.title.years:
            found.append("year=" + "–".join(str(y) for y in sorted(set(self.title.years))))
        if self.title.decision:
            found.append(f"decision={self.title.decision}")
        if self.title.unit:
            found.append(f"unit={self.title.unit}")
        lines.append(where + bilingual("etl_report_title", values="; ".join(found) or "-"))
        for section in self.sections[:MAX_SECTIONS_SHOWN]:
            values = ", ".join(f"{k}={v}" for k, v in section.values.items()) or "-"
            lines.append(where + bilingual("etl_report_section", row=section.row, text=section.text, values=values))
        checked = sorted([t[0] for t in self.totals] + [s.row for s in self.sections if s.amounts])
        shown = ", ".join(str(r) for r in checked[:MAX_SECTIONS_SHOWN]) + (" …" if len(checked) > MAX_SECTIONS_SHOWN
                                                                           else "")
        lines.append(where + bilingual("etl_report_totals", count=len(checked), rows=shown or "-"))
        return lines

    def problem(self, row, column, value, texts, severity="error"):
        self.parsed.problems.append(Problem(self.parsed.file_name, row, column, None if value is None else str(value),
                                            *texts, sheet=self.sheet, severity=severity))

    # -- rows ---------------------------------------------------------------------------------------------
    def read(self, rows, reader) -> None:
        fixed = self._fixed_values()
        for number, cells in rows:
            texts = [_text(c) for c in cells]
            if not any(texts):
                continue
            if all(t is None or re.fullmatch(r"\(?[0-9a-z]{1,3}\)?", fold(t)) for t in texts) \
                    and not self.data_rows and not self.sections and sum(1 for t in texts if t) > 2:
                continue  # the "(1) (2) (3)" line under a header
            label, marker = self._label(cells)
            total = total_of(label) if label else None
            if total:
                kind, scope = total
                self.totals.append((number, kind, self.by_marker.get(scope) if scope else None,
                                    self._amounts(number, cells, check=False), len(self.row_amounts)))
                continue
            if marker:
                self._section(number, marker, label, cells)
                continue
            self.data_rows.append(number)
            self._record_rows(number, cells, fixed, reader)
        end = len(self.row_amounts)
        for section in self.sections:
            if section.end is None:
                section.end = end
        self._check_totals()

    def _label(self, cells) -> tuple[str | None, str | None]:
        """The row's label text (name or first label column) and its section marker (I, II, A …) if any."""
        sequence = self.by_field.get("sequence")
        label_column = self.by_field.get("name") or self.by_field.get("label")
        seq = _text(cells[sequence.index]) if sequence and sequence.index < len(cells) else None
        label = _text(cells[label_column.index]) if label_column and label_column.index < len(cells) else None
        if label is None:
            texts = [t for c in cells[:3] if isinstance(c, str) and (t := _text(c))]
            label = texts[0] if texts else None
        if seq and total_of(seq):
            return seq if not label or not total_of(label) else label, None
        if seq and (ROMAN.match(seq) or LETTER.match(seq)) and seq.strip():
            return label, seq
        if label and (match := MARKED.match(label)) and not seq:
            return match.group(2), match.group(1)
        return label, None

    def _section(self, number, marker, label, cells) -> None:
        kind = "roman" if ROMAN.match(marker) else "letter"
        if kind not in self.levels:
            self.levels.append(kind)
        level = self.levels.index(kind)
        end = len(self.row_amounts)
        for section in self.open:
            if section.level >= level:
                section.end = end
        self.open = [s for s in self.open if s.end is None]
        values = {}
        text = re.sub(r"^(kinh phi|nguon)\s+", "", fold(label or ""))
        for name, index in (("funding_source", self.codes.lists["funding_source"]),
                            ("activity_id", self.codes.activity), ("status", self.codes.lists["status"]),
                            ("sector_id", self.codes.sector)):
            code = Codes.lookup(index, text)
            if code is not None:
                values[name] = code
                break
        if not values:
            self.problem(number, None, label, both("etl_report_section_unknown"), "warning")
        section = Section(marker, level, number, label or marker, values, end,
                          amounts=self._amounts(number, cells, check=False))
        self.sections.append(section)
        self.open.append(section)
        self.by_marker[marker.upper()] = section

    def _current(self) -> dict:
        values = {}
        for section in self.open:  # outer levels first: a new section closes every open one at its level or below
            values.update(section.values)
        return values

    def _amounts(self, number, cells, check=True) -> dict[int, tuple[object, Decimal]]:
        """Money cells of a row in triệu đồng: column index → (cell as written, amount)."""
        found = {}
        for column in self.money:
            cell = cells[column.index] if column.index < len(cells) else None
            if cell is None or (isinstance(cell, str) and not cell.strip()):
                continue
            try:
                number_, own = parse_amount(cell)
            except NotANumber:
                if check:
                    self.problem(number, column.header, cell, both("etl_not_a_number"))
                continue
            if number_ is None:
                continue
            found[column.index] = (cell, number_ * (own if own is not None else column.factor))
        return found

    def _fixed_values(self) -> dict:
        values = {}
        if "area_id" not in self.by_field and self.title.area:
            values["area_id"] = self.title.area
        return values

    def _record_rows(self, number, cells, fixed, reader) -> None:
        raw = dict(fixed)
        for name, column in self.by_field.items():
            if name in ("sequence", "label"):
                continue
            raw[name] = cells[column.index] if column.index < len(cells) else None
        for name, value in self._current().items():
            if raw.get(name) is None:
                raw[name] = value
        if self.title.decision and raw.get("source") is None:
            raw["source"] = self.title.decision
        amounts = self._amounts(number, cells)
        self.row_amounts.append({i: a for i, (_c, a) in amounts.items()})
        money = self.money_at
        self._check_total_columns(number, amounts)
        if self.template is PROJECT:
            self._project(number, raw, amounts, money, reader)
        else:
            self._allocations(number, raw, cells, amounts, money, reader)

    def _years(self, raw: dict, column_year: int | None) -> dict:
        if column_year is not None:
            return {"year_from": column_year, "year_to": column_year}
        if raw.get("year") is not None:
            return {}
        if self.title.years:
            return {"year_from": self.title.years[0], "year_to": self.title.years[1]}
        return {}

    def _project(self, number, raw, amounts, money, reader) -> None:
        sources = set()
        for index, (_cell, amount) in amounts.items():
            column = money[index]
            if column.role == "total":
                continue
            if column.role == "counterpart":
                raw["counterpart_mvnd"] = amount
                continue
            executed = column.figure is not None and self.codes.figure_side.get(column.figure) == "executed"
            target = "actual_mvnd" if executed else "plan_mvnd"
            raw[target] = raw.get(target, Decimal(0)) + amount if raw.get(target) is not None else amount
            if column.funding:
                sources.add(column.funding)
        if len(sources) > 1:
            self.problem(number, None, None, both("etl_report_two_funding_sources", sources=", ".join(sorted(sources))))
            return
        if sources and raw.get("funding_source") is None:
            raw["funding_source"] = sources.pop()
        if raw.get("year") is None and self.title.years and self.title.years[0] == self.title.years[1]:
            raw["year"] = self.title.years[0]  # a project has one year: a period in the title does not say which
        if self._check_context(number, raw, "year"):
            reader.read_report_row(number, raw)

    def _allocations(self, number, raw, cells, amounts, money, reader) -> None:
        label = self.by_field.get("label")
        row_label = _text(cells[label.index]) if label and label.index < len(cells) else None
        row_funding = Codes.lookup(self.codes.lists["funding_source"], row_label) if row_label else None
        row_figure = Codes.lookup(self.codes.lists["figure"], row_label) if row_label else None
        row_year = _is_year(row_label) if row_label else None
        for index, (_cell, amount) in amounts.items():
            column = money[index]
            if column.role == "total":
                continue
            values = dict(raw)
            values["funding_source"] = column.funding or row_funding or raw.get("funding_source")
            values["figure"] = column.figure or row_figure or raw.get("figure") or self._title_figure()
            values.update(self._years(raw, column.year or row_year))
            values["amount_mvnd"] = amount
            if not self._check_context(number, values, "year_from"):
                return
            reader.read_report_row(number, values, column.header)

    def _title_figure(self) -> str:
        return "allocated"

    def _check_context(self, number, values, year_field) -> bool:
        """A row needs an area and a year: from its columns or the title rows."""
        ok = True
        if values.get("area_id") is None and "area_id" not in self.by_field:
            self.problem(number, None, None, both("etl_report_area_ambiguous", areas=", ".join(self.title.areas_seen))
                         if len(self.title.areas_seen) > 1 else both("etl_report_area_missing"))
            ok = False
        if values.get(year_field) is None and values.get("year") is None and "year" not in self.by_field:
            self.problem(number, None, None, both("etl_report_year_missing"))
            ok = False
        return ok

    # -- totals -------------------------------------------------------------------------------------------
    def _check_total_columns(self, number, amounts) -> None:
        """A 'Tổng' column is the sum of the row's other money columns of the same year and figure."""
        for total in (c for c in self.money if c.role == "total"):
            if total.index not in amounts:
                continue
            parts = [a for i, (_c, a) in amounts.items() if i != total.index
                     and (column := self.money_at[i]).role != "total"
                     and column.year in (None, total.year) and column.figure in (None, total.figure)]
            if parts:
                self._differs(number, total.header, amounts[total.index], sum(parts, Decimal(0)))

    def _differs(self, row, column, stated_cell, summed) -> None:
        cell, stated = stated_cell
        if abs(summed - stated) > THOUSANDTH:
            self.problem(row, column, cell, both("etl_total_differs", stated=partial(_mvnd, stated),
                                                 summed=partial(_mvnd, summed)), "warning")

    def _check_totals(self) -> None:
        scopes = []
        for section in self.sections:
            if section.amounts:
                scopes.append((section.row, section.amounts, section.start, section.end))
        previous = 0
        for row, kind, section, amounts, at in self.totals:
            if kind == "grand":
                start, end = 0, len(self.row_amounts)
            elif section is not None:
                start, end = section.start, section.end
            else:
                start, end = previous, at
            previous = at
            scopes.append((row, amounts, start, end))
        running = {c.index: [Decimal(0)] for c in self.money}
        for amounts in self.row_amounts:
            for index, sums in running.items():
                sums.append(sums[-1] + amounts.get(index, 0))
        for row, amounts, start, end in scopes:
            for index, stated in amounts.items():
                summed = running[index][end] - running[index][start]
                self._differs(row, self.money_at[index].header, stated, summed)


def total_of(label: str) -> tuple[str, str | None] | None:
    """("grand" | "sub", the section it closes) for a total row's label: "Tổng cộng (I + II)", "Cộng I", "Tổng".

    "Tổng"/"Cộng" followed by other words is a name ("Cộng đồng làng nghề …", "Tổng kết mô hình …"), not a total.
    """
    key = fold(label)
    match = TOTAL.match(key)
    if match is None:
        return None
    rest = match.group(3) or ""
    if match.group(1) in ("tong", "cong") and rest and not MARKER_WORDS.match(rest):
        return None
    kind = "grand" if key.startswith(("tong", "total", "grand")) else "sub"
    return kind, (rest.upper().replace(" ", "") or None) if kind == "sub" else None


def _mvnd(number: Decimal, lang: str) -> str:
    return format_number(number, lang, decimals=max(0, -number.normalize().as_tuple().exponent), trim=True)
