"""Read one uploaded file into rows for allocation, project and outcome, collecting every problem at once."""

import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from functools import partial

from etl.importing.codes import Codes
from etl.importing.documents import take_document
from etl.importing.reader import MAX_ROWS, FileRefused, Sheet, TooManyRows, csv_sheets, kind_of, xlsx_sheets
from etl.importing.report_layout import DEFAULT_OPTIONS, ReadOptions, read_report_sheet
from etl.importing.report_roles import INSTRUCTION_SHEETS
from etl.importing.templates import (
    ALLOCATION,
    IGNORED_HEADERS,
    NATURAL_KEYS,
    TEMPLATES,
    Column,
    Template,
    header_key,
    header_unit,
    match_header,
    template_for_sheet_name,
)
from etl.importing.units import number_readings
from etl.importing.values import (
    MAX_MVND,
    MIN_MVND,
    NotANumber,
    fold,
    nfc,
    parse_number,
    parse_year,
    unit_factor,
    unit_line_factor,
)
from etl.problems import Problem, bilingual, both
from khuyencong.i18n.formatting import format_number
from khuyencong.i18n.labels import N_, t

HEADER_SEARCH_ROWS = 50
PROGRESS_EVERY = 10_000
FIRST_YEAR = 1990
TOTAL_LABEL = re.compile(r"^(tong cong|tong so|tong|cong|total|grand total|sub ?total)( .*)?$")
COLUMN_NUMBERS = re.compile(r"^\(?[0-9a-z]{1,3}\)?$")
THOUSANDTH = Decimal("0.001")
MAX_UNKNOWN_VALUES = 100  # distinct unknown values a file offers for mapping; a hostile file may have 200.000

Progress = Callable[[str], None]
# A coded column's kind → (its code list, why an unknown value is refused).
CODED_KINDS = {"funding": ("funding_source", N_("etl_unknown_funding_source")),
               "figure": ("figure", N_("etl_unknown_figure")),
               "period": ("period", N_("etl_unknown_period")),
               "qualifier": ("qualifier", N_("etl_unknown_qualifier")),
               "status": ("status", N_("etl_unknown_status")),
               "activity": ("activity", N_("etl_unknown_activity")),
               "sector": ("sector", N_("etl_unknown_sector")),
               "indicator": ("indicator", N_("etl_unknown_indicator"))}


def doc_id_for(file_name: str) -> str:
    """tep-<slug of the file name>: 'Phân bổ 2024.xlsx' → 'tep-phan-bo-2024-xlsx'."""
    return "tep-" + (fold(file_name).replace(" ", "-") or "khong-ten")


@dataclass
class Record:
    table: str
    sheet: str | None
    row: int
    values: dict

    def key(self) -> tuple:
        return (self.table,) + tuple(self.values.get(c) for c in NATURAL_KEYS[self.table])


@dataclass
class UnknownValue:
    """A coded cell's value no list names, for the Import page to offer mapping it (etl/importing/mappings.py)."""
    list_name: str
    value: str
    suggestions: list[str]   # codes, best first (Codes.suggest)
    sheet: str | None
    column: str | None


@dataclass
class ParsedFile:
    file_name: str
    sha256: str
    doc_id: str
    records: list[Record] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    understood: list[str] = field(default_factory=list)  # what a report-layout sheet was read as (the dry run)
    report_sheets: list[str | None] = field(default_factory=list)
    summaries: list = field(default_factory=list)         # report_layout.SheetSummary per report-layout table
    unknown: dict = field(default_factory=dict)           # (list, folded value) → UnknownValue, the first ones
    template_sheets: int = 0                              # sheets read with a template header
    document: dict | None = None                          # the document the rows name (documents.py), if they do
    locales: set = field(default_factory=set)             # number conventions the file's columns proved (vi, en)

    def rows(self) -> dict[str, int]:
        counts = {t.table: 0 for t in TEMPLATES}
        for record in self.records:
            counts[record.table] += 1
        return counts


def last_year() -> int:
    return date.today().year + 1


class SheetReader:
    """Reads the data rows under one recognised header."""

    def __init__(self, parsed: ParsedFile, codes: Codes, sheet: str | None, template: Template,
                 header_row: int, columns: dict[int, Column], headers: dict[str, str],
                 factors: dict[str, Decimal], progress: Progress | None):
        self.parsed, self.codes, self.sheet, self.template = parsed, codes, sheet, template
        self.header_row, self.columns, self.headers, self.factors = header_row, columns, headers, factors
        self.progress = progress
        self.seen: dict[tuple, int] = {}
        self.data_amounts: list[dict[str, Decimal | None]] = []
        self.totals: list[tuple[int, str, dict[str, tuple[object, Decimal | None]], int, int]] = []
        self.last_total_at = {"grand": 0, "any": 0}
        self.error_count = 0
        self.row_fields: set = set()
        self.hidden_rows: set[int] = set()       # rows the sheet hides: refused, unless they are to be read
        # Text numbers of each money column under both conventions: field → [vi-only, en-only, cells that differ]
        self.locale_seen: dict[str, list] = {}

    def problem(self, row, field_name, value, reason_vi, reason_en, severity="error"):
        column = self.headers.get(field_name, field_name) if field_name else None
        shown = None if value is None else str(value)
        if severity == "error":
            self.error_count += 1
            self.row_fields.add(field_name)
        self.parsed.problems.append(Problem(self.parsed.file_name, row, column, shown, reason_vi, reason_en,
                                            sheet=self.sheet, severity=severity))

    def read_report_row(self, row: int, raw: dict, column: str | None = None) -> None:
        """One row put together by etl/importing/report_layout.py, checked like a template row."""
        if column is not None and "amount_mvnd" in self.headers:
            self.headers["amount_mvnd"] = column
        self.read_row(row, raw)

    # -- rows -------------------------------------------------------------------------------------------
    def read(self, rows) -> None:
        first = True
        count = 0
        for number, cells in rows:
            count += 1
            if self.progress and count % PROGRESS_EVERY == 0:
                self.progress(f"{self.parsed.file_name} [{self.sheet or 'csv'}]: {format_number(count, 'vi')} "
                              + bilingual("etl_word_rows", "/"))
            raw = {column.field: (cells[i] if i < len(cells) else None) for i, column in self.columns.items()}
            raw = {k: (None if isinstance(v, str) and not v.strip() else v) for k, v in raw.items()}
            label_cells = [cells[i] for i in range(min(len(cells), 3)) if isinstance(cells[i], str)]
            if first:
                first = False
                filled = [c for c in cells if c is not None and str(c).strip()]
                if filled and all(COLUMN_NUMBERS.match(fold(c)) for c in filled) and not self._has_area(raw):
                    continue  # the "(1) (2) (3)" line under a header
            if all(v is None for v in raw.values()):
                continue
            if number in self.hidden_rows:
                first = next((i for i in sorted(self.columns) if i < len(cells) and cells[i] is not None), None)
                self.problem(number, self.columns[first].field if first is not None else None,
                             cells[first] if first is not None else None, *both("etl_hidden_row"))
                continue
            total = self._total_kind(raw, label_cells)
            if total:
                self._remember_total(number, total, raw)
                continue
            self.read_row(number, raw)
        self.decide_locales()
        self.check_totals()

    @staticmethod
    def _has_area(raw) -> bool:
        value = raw.get("area_id")
        return isinstance(value, str) and len(fold(value)) > 3

    @staticmethod
    def _total_kind(raw, label_cells) -> str | None:
        for cell in [raw.get("area_id"), raw.get("name"), *label_cells]:
            if isinstance(cell, str):
                key = fold(cell)
                if TOTAL_LABEL.match(key):
                    return "grand" if key.startswith(("tong", "total", "grand")) else "sub"
        return None

    def read_row(self, row: int, raw: dict) -> None:
        errors_before = self.error_count
        self.row_fields = set()
        values: dict = {}
        for column in self.template.columns:
            if column.field not in self.headers:
                continue
            cell = raw.get(column.field)
            if cell is None:
                if column.required:
                    self.problem(row, column.field, None, *both("etl_required_cell_empty"))
                values[column.field] = None
                continue
            values[column.field] = self.read_cell(row, column, cell)
        table = self.template.table
        if table == "allocation":
            self._years_of_allocation(row, values)
            values["qualifier"] = values.get("qualifier") or "exact"
        if table == "outcome":
            values["period"] = values.get("period") or "year"
            self._outcome_values(row, values, raw)
        self._resolve_area(row, values, raw)
        if self.error_count > errors_before:
            return
        note_parts = [values.pop("note", None)]
        source = values.pop("source", None)
        if source:
            note_parts.append(f"Nguồn tài liệu: {source}")
        values["note"] = "; ".join(p for p in note_parts if p) or None
        if table == "project":
            values["name_key"] = fold(values["name"])
            digest = hashlib.sha1(f"{values['area_id']}|{values['year']}|{values['name_key']}".encode()).hexdigest()
            values["project_id"] = f"{self.parsed.doc_id}-{digest[:10]}"
        for name in ("activity_id", "sector_id"):
            values.setdefault(name, None)
        if table == "outcome":
            values.setdefault("period", "year")
        record = Record(table, self.sheet, row, values)
        key = record.key()
        if key in self.seen:
            self.problem(row, None, None, *both("etl_duplicate_row_in_file", row=self.seen[key]))
            return
        self.seen[key] = row
        self.parsed.records.append(record)
        self.data_amounts.append({f: values.get(f) for f in self.template.money_fields()})

    def read_cell(self, row: int, column: Column, cell):
        kind = column.kind
        if kind == "year":
            try:
                year = parse_year(cell)
            except NotANumber:
                self.problem(row, column.field, cell, *both("etl_year_not_number"))
                return None
            if year is not None and not FIRST_YEAR <= year <= last_year():
                self.problem(row, column.field, cell,
                             *both("etl_year_out_of_range", first=FIRST_YEAR, last=last_year()))
                return None
            return year
        if kind in ("money", "value"):
            if isinstance(cell, str):
                self.note_locale(row, column.field, cell)
            try:
                number = parse_number(cell)
            except NotANumber:
                self.problem(row, column.field, cell, *both("etl_not_a_number"))
                return None
            if number is not None and number < 0:
                self.problem(row, column.field, cell, *both("etl_negative_amount"))
                return None
            if kind == "money" and number is not None:
                return self.to_mvnd(row, column.field, cell, number)
            return number
        text = nfc(cell)
        if kind == "text" or kind == "area":
            return text
        list_name, reason = CODED_KINDS[kind]
        code = Codes.lookup(self.codes.lists[list_name], text)
        if code is None:
            self.problem(row, column.field, cell, *self.unknown_code_reason(list_name, text, reason))
            key = (list_name, fold(text))
            if key not in self.parsed.unknown and len(self.parsed.unknown) < MAX_UNKNOWN_VALUES:
                self.parsed.unknown[key] = UnknownValue(list_name, text, self.codes.suggest(list_name, text),
                                                        self.sheet, self.headers.get(column.field, column.field))
        return code

    def note_locale(self, row: int, field_name: str, cell: str) -> None:
        """Keep what a text number says under Vietnamese and English conventions, for decide_locales."""
        readings = number_readings(cell.strip())
        vi, en = readings["vi"], readings["en"]
        if vi == en:
            return
        seen = self.locale_seen.setdefault(field_name, [None, None, []])
        if en is None and vi is not None:
            seen[0] = seen[0] or (row, cell)
        elif vi is None and en is not None:
            seen[1] = seen[1] or (row, cell)
        else:
            seen[2].append((row, cell, en))

    def decide_locales(self) -> None:
        """A column whose text numbers read differently under Vietnamese and English conventions: its own cells
        decide (one written only one way), else the file's other columns, else, in a workbook, the Vietnamese way
        (text typed in a Vietnamese Excel); a CSV's is refused naming the cell. Read English, its cells are read
        again (parse_number reads Vietnamese first)."""
        by_row = {}
        for field_name, (vi_only, en_only, differ) in self.locale_seen.items():
            if vi_only and en_only:
                self.problem(en_only[0], field_name, en_only[1], *both("etl_money_locale_mixed",
                                                                        other=f"{vi_only[1]} ({vi_only[0]})"))
                continue
            if vi_only or en_only:
                self.parsed.locales.add("en" if en_only else "vi")
            if not differ:
                continue
            locale = "en" if en_only else "vi" if vi_only else (
                next(iter(self.parsed.locales)) if len(self.parsed.locales) == 1 else None)
            if locale is None and self.sheet is not None:
                locale = "vi"  # text in a workbook's cell is read the Vietnamese way (the template's rule)
            if locale is None:
                row, cell, _en = differ[0]
                self.problem(row, field_name, cell, *both("etl_money_locale_ambiguous", text=cell))
                continue
            if locale == "vi":
                continue
            if not by_row:
                by_row = {(r.sheet, r.row): r for r in self.parsed.records if r.sheet == self.sheet}
            for row, cell, en in differ:
                record = by_row.get((self.sheet, row))
                if record is not None and field_name in record.values:
                    money = next(c for c in self.template.columns if c.field == field_name).kind == "money"
                    record.values[field_name] = self.to_mvnd(row, field_name, cell, en) if money else en

    def unknown_code_reason(self, list_name: str, text: str, reason: str) -> tuple[str, str]:
        """Why a coded cell is refused, with the catalogue entries it reads most like (vi, en)."""
        suggested = self.codes.suggest(list_name, text)
        if not suggested:
            return both(reason)
        labels = self.codes.labels[list_name]

        def names(lang: str) -> str:
            return "; ".join(f"“{labels[code][0 if lang == 'vi' else 1]}”" for code in suggested)

        return both("etl_unknown_with_suggestions", reason=partial(t, reason), names=names)

    def to_mvnd(self, row: int, field_name: str, cell, number: Decimal) -> Decimal | None:
        """Convert to triệu đồng and refuse amounts that only make sense in another unit."""
        factor = self.factors.get(field_name, Decimal(1))
        amount = number * factor
        if amount and amount < MIN_MVND:
            self.problem(row, field_name, cell, *both("etl_amount_too_small"))
            return None
        if amount > MAX_MVND:
            self.problem(row, field_name, cell, *both("etl_amount_too_large"))
            return None
        return amount.quantize(THOUSANDTH)

    def _years_of_allocation(self, row: int, values: dict) -> None:
        """Năm alone, or Từ năm/Đến năm (one of them alone means a single year)."""
        year = values.pop("year", None)
        year_from, year_to = values.get("year_from"), values.get("year_to")
        if year_from is None:
            year_from = year if year is not None else year_to
        if year_to is None:
            year_to = year if year is not None else year_from
        values["year_from"], values["year_to"] = year_from, year_to
        if year_from is None and not self.row_fields & {"year", "year_from", "year_to"}:
            self.problem(row, "year_from" if "year_from" in self.headers else "year", None,
                         *both("etl_year_missing"))
        if year_from is not None and year_to is not None and year_from > year_to:
            self.problem(row, "year_from", f"{year_from} > {year_to}", *both("etl_year_from_after_to"))

    def _outcome_values(self, row: int, values: dict, raw: dict) -> None:
        if values.get("indicator_id") not in self.codes.money_indicators:
            return
        for name in ("plan_value", "actual_value", "prior_value"):
            if values.get(name) is not None:
                values[name] = self.to_mvnd(row, name, raw.get(name), values[name])

    def _resolve_area(self, row: int, values: dict, raw: dict) -> None:
        text = values.get("area_id")
        year = values.get("year_to") if self.template is ALLOCATION else values.get("year")
        if text is None or year is None:
            return
        area_id, trouble = self.codes.area(text, self.codes.period_end_on(year, values.get("period")))
        values["area_id"] = area_id
        if trouble == "unknown":
            self.problem(row, "area_id", raw.get("area_id"), *both("etl_unknown_area"))
        elif trouble == "not_valid":
            self.problem(row, "area_id", raw.get("area_id"), *both("etl_area_not_in_year", year=year))
        elif trouble:
            self.problem(row, "area_id", raw.get("area_id"), *both("etl_ambiguous_area", candidates=trouble[10:]))

    # -- Tổng cộng ---------------------------------------------------------------------------------------
    def _remember_total(self, row: int, kind: str, raw: dict) -> None:
        if self.template.table == "outcome":
            return
        amounts = {}
        for name in self.template.money_fields():
            cell = raw.get(name)
            try:
                number = parse_number(cell)
            except NotANumber:
                number = None
            if number is not None:
                amounts[name] = (cell, number * self.factors.get(name, Decimal(1)))
        start = self.last_total_at["grand"] if kind == "grand" else self.last_total_at["any"]
        end = len(self.data_amounts)
        self.totals.append((row, kind, amounts, start, end))
        self.last_total_at["any"] = end
        if kind == "grand":
            self.last_total_at["grand"] = end

    def check_totals(self) -> None:
        for row, _kind, amounts, start, end in self.totals:
            for name, (cell, stated) in amounts.items():
                summed = sum((r[name] for r in self.data_amounts[start:end] if r.get(name) is not None), Decimal(0))
                if abs(summed - stated) > THOUSANDTH:
                    self.problem(row, name, cell, *both("etl_total_differs", stated=partial(_mvnd, stated),
                                                           summed=partial(_mvnd, summed)),
                                 severity="warning")


def _mvnd(number: Decimal, lang: str) -> str:
    """An amount in triệu đồng with every decimal it has (a total off by 0,001 must show it)."""
    return format_number(number, lang, decimals=max(0, -number.normalize().as_tuple().exponent), trim=True)


def find_header(buffered: list[tuple[int, list]], preferred: Template | None):
    """(index in buffered, template, columns) of the first row that reads as a template header."""
    for index, (_number, cells) in enumerate(buffered):
        best = None
        for template in TEMPLATES:
            columns = match_header(template, cells)
            fields = {c.field for c in columns.values()}
            enough = 2 if template is preferred else 3
            if "area_id" in fields and len(columns) >= enough:
                score = (len(columns), template is preferred)
                if best is None or score > best[0]:
                    best = (score, template, columns)
        if best:
            return index, best[1], best[2]
    return None


def read_sheet(parsed: ParsedFile, codes: Codes, sheet: Sheet, progress: Progress | None, is_csv: bool,
               options: ReadOptions = DEFAULT_OPTIONS) -> bool:
    """Read one sheet; return whether it held a recognised table."""
    preferred = template_for_sheet_name(sheet.name)
    buffered = []
    for item in sheet.rows:
        buffered.append(item)
        if len(buffered) >= HEADER_SEARCH_ROWS:
            break
    found = find_header(buffered, preferred)

    def rest_from(index):
        yield from buffered[index:]
        yield from sheet.rows

    if not found and fold(sheet.name or "") in INSTRUCTION_SHEETS:
        parsed.understood.append(f"[{sheet.name}] " + bilingual("etl_sheet_instructions", sheet=sheet.name))
        return False
    if not found:
        try:
            if read_report_sheet(parsed, codes, sheet, rest_from(0), progress, options, parsed.locales):
                return True
        except TooManyRows:
            parsed.problems.append(Problem(parsed.file_name, MAX_ROWS, None, None,
                                           *both("etl_sheet_too_long", rows=partial(format_number, MAX_ROWS)),
                                           sheet=sheet.name))
            return True
        if preferred or is_csv:
            names = ", ".join(c.headers[0] for c in (preferred or ALLOCATION).columns if c.required)
            parsed.problems.append(Problem(parsed.file_name, None, None, None,
                                           *both("etl_header_not_found", columns=names), sheet=sheet.name))
        return False
    index, template, columns = found
    parsed.template_sheets += 1
    header_number, header_cells = buffered[index]
    headers = {c.field: str(header_cells[i]).strip() for i, c in columns.items()}
    problems_before = len(parsed.problems)
    for i, cell in enumerate(header_cells):
        if i in columns or cell is None or not str(cell).strip():
            continue
        if header_key(cell) not in IGNORED_HEADERS:
            parsed.problems.append(Problem(parsed.file_name, header_number, str(cell).strip(), None,
                                           *both("etl_column_ignored"),
                                           sheet=sheet.name, severity="warning"))
    for column in template.columns:
        if column.required and column.field not in headers:
            parsed.problems.append(Problem(parsed.file_name, header_number, column.headers[0], None,
                                           *both("etl_required_column_missing"), sheet=sheet.name))
    if template is ALLOCATION and "year" not in headers and "year_from" not in headers:
        parsed.problems.append(Problem(parsed.file_name, header_number, "Từ năm", None,
                                       *both("etl_year_column_missing"), sheet=sheet.name))
    if not options.include_hidden:
        for i, column in columns.items():
            if sheet.column_hidden(i + 1):
                parsed.problems.append(Problem(parsed.file_name, header_number, headers[column.field], None,
                                               *both("etl_hidden_column", column=_letter(i)), sheet=sheet.name))
    if len(parsed.problems) > problems_before and any(
            p.severity == "error" for p in parsed.problems[problems_before:]):
        return True
    factor = Decimal(1)
    for _number, cells in buffered[:index]:
        for cell in cells:
            if isinstance(cell, str) and (found_factor := unit_line_factor(cell)) is not None:
                factor = found_factor
    factors = {}
    for i, column in columns.items():
        unit = header_unit(header_cells[i])
        factors[column.field] = unit_factor(unit) if unit and unit_factor(unit) is not None else factor
    reader = SheetReader(parsed, codes, sheet.name, template, header_number, columns, headers, factors, progress)
    if not options.include_hidden:
        reader.hidden_rows = sheet.hidden_rows

    try:
        reader.read(rest_from(index + 1))
    except TooManyRows:
        parsed.problems.append(Problem(parsed.file_name, MAX_ROWS, None, None,
                                       *both("etl_sheet_too_long", rows=partial(format_number, MAX_ROWS)),
                                       sheet=sheet.name))
    return True


def _letter(index: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(index + 1)


def read_hidden_sheet(parsed: ParsedFile, codes: Codes, sheet: Sheet, progress, is_csv: bool,
                      options: ReadOptions) -> bool:
    """A hidden sheet is read only when asked (include_hidden); otherwise one that holds a table is refused (an old
    draft, a struck list: never loaded silently), and one that holds none (a code list behind drop-downs) is left."""
    if options.include_hidden:
        return read_sheet(parsed, codes, sheet, progress, is_csv, options)
    scratch = ParsedFile(parsed.file_name, parsed.sha256, parsed.doc_id)
    if not read_sheet(scratch, codes, sheet, None, is_csv, options):
        return False
    parsed.problems.append(Problem(parsed.file_name, None, None, None, *both("etl_hidden_sheet", sheet=sheet.name),
                                   sheet=sheet.name))
    return True


def parse_file(file_name: str, data: bytes, codes: Codes, progress: Progress | None = None,
               options: ReadOptions = DEFAULT_OPTIONS) -> ParsedFile:
    """Read one file's every table into records and problems: a function of the bytes, the code lists and the
    options only (it runs the same in the app, the CLI or a worker process)."""
    parsed = ParsedFile(file_name, hashlib.sha256(data).hexdigest(), doc_id_for(file_name))
    try:
        kind = kind_of(file_name, data)
        sheets = xlsx_sheets(data) if kind == "xlsx" else csv_sheets(data)
        recognised = 0
        for sheet in sheets:
            if sheet.hidden:
                recognised += read_hidden_sheet(parsed, codes, sheet, progress, kind == "csv", options)
            else:
                recognised += read_sheet(parsed, codes, sheet, progress, kind == "csv", options)
            parsed.problems.extend(sheet.notes(file_name))
        take_document(parsed)
        if not recognised and not parsed.problems:
            parsed.problems.append(Problem(file_name, None, None, None,
                                           *both("etl_no_template_sheet")))
    except FileRefused as refused:
        parsed.problems.append(Problem(file_name, refused.row, refused.column, refused.value, refused.reason_vi,
                                       refused.reason_en, sheet=refused.sheet))
        parsed.records.clear()
    except TooManyRows:
        parsed.problems.append(Problem(file_name, MAX_ROWS, None, None,
                                       *both("etl_too_many_rows", rows=partial(format_number, MAX_ROWS))))
    return parsed
