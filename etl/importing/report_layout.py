"""Sheets laid out as a province's reports are: read exactly, or refused naming the cell (issue 26).

A sheet with no template header (etl/importing/templates.py) is read here, in three steps with nothing shared but
their data:
1. its cells are taken into a Grid (report_model.py): sparse rows, merged ranges, hidden rows and columns;
2. the grammar (report_grammar.py: the tables of a sheet and the roles of their rows; report_header.py: what a
   header cell says, merged cells; report_title.py: the title facts; report_amounts.py: units, number conventions,
   amounts, totals reconciled; with the tables of report_roles.py and units.py) recognises every table of it into a
   model, a role for every column and row with the rule that decided it; the dry run prints it (Table.understood);
3. only the model becomes rows (report_records.py), each checked by parse.SheetReader like a template row.
`read_report_sheet` is a function of the sheet's cells, the code lists and the options: it runs the same in the app,
the CLI or a worker process.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from etl.importing.codes import Codes
from etl.importing.reader import Sheet
from etl.importing.report_grammar import Recogniser, total_of
from etl.importing.report_model import Column, Grid, Section, Table, Title
from etl.importing.report_records import Records
from etl.importing.templates import ALLOCATION, PROJECT
from etl.problems import Problem, bilingual, both

MAX_SECTIONS_SHOWN = 50

__all__ = ["DEFAULT_OPTIONS", "ReadOptions", "SheetSummary", "collect_grid", "read_report_sheet", "total_of"]


@dataclass(frozen=True)
class ReadOptions:
    """How a file is read: include_hidden reads hidden rows, columns and sheets as if they were shown."""
    include_hidden: bool = False


DEFAULT_OPTIONS = ReadOptions()

@dataclass
class SheetSummary:
    """What the dry run understood of one report-layout table, kept as data so the Import page can show it in the UI
    language (Table.understood is the same in text, for the CLI)."""
    sheet: str | None
    table: str                          # "allocation" or "project"
    header_rows: tuple[int, int]
    data_rows: tuple[int, int] | None
    rows: int
    columns: list[Column]
    title: Title
    sections: list[Section]             # the first MAX_SECTIONS_SHOWN
    totals_checked: list[int]           # the first MAX_SECTIONS_SHOWN rows whose amounts were checked
    totals_count: int                   # how many such rows in all
    number: int = 1                     # the table's place in its sheet
    skipped: list[tuple[int, str]] = field(default_factory=list)
    end: tuple[int, str] | None = None


def summary(table: Table) -> SheetSummary:
    checked = sorted(t.row for t in table.totals)
    return SheetSummary(table.sheet, table.kind, table.header_rows, table.data_rows(), len(table.data),
                        list(table.columns), table.title, table.sections[:MAX_SECTIONS_SHOWN],
                        checked[:MAX_SECTIONS_SHOWN], len(checked), table.number, list(table.skipped), table.end)


def collect_grid(sheet: Sheet, rows) -> Grid:
    """Every row of a sheet, sparse (a cell far right costs one entry, not a row of blanks); the merged ranges and
    hidden columns once the sheet has been read to its end."""
    kept = []
    for number, cells in rows:
        found = {i: v for i, v in enumerate(cells) if v is not None and not (isinstance(v, str) and not v.strip())}
        if found:
            kept.append((number, found))
    used = {column for _n, cells in kept for column in cells}
    hidden_columns = {column for column in used if sheet.column_hidden(column + 1)}
    merges = [(r1, c1 - 1, r2, c2 - 1) for r1, c1, r2, c2 in sheet.merges]
    return Grid(sheet.name, kept, set(sheet.hidden_rows), hidden_columns, merges=merges,
                is_csv=sheet.name is None, delimiter=getattr(sheet, "delimiter", None))


def read_report_sheet(parsed, codes: Codes, sheet: Sheet, rows, progress=None, options: ReadOptions = DEFAULT_OPTIONS,
                      locales: set | None = None) -> bool:
    """Read a sheet in a report's own layout: every table recognised, then turned into rows; whether it held one."""
    from etl.importing.parse import SheetReader

    grid = collect_grid(sheet, rows)

    def problem(row, column, value, texts, severity="error"):
        parsed.problems.append(Problem(parsed.file_name, row, column, None if value is None else str(value),
                                       *texts, sheet=sheet.name, severity=severity))

    tables = Recogniser(grid, codes, problem, options.include_hidden, locales).recognise()
    if tables and not sheet.merges_read:
        # the sheet was too long to read to its end (after a long gap), where a worksheet keeps its merged cells
        problem(sheet.gap_from, None, None, both("etl_report_merges_unread"))
    for table in tables:
        template = PROJECT if table.kind == "project" else ALLOCATION
        context = bilingual("etl_report_context", "/")  # a value from no column: the title rows or a section row
        named = {c.field: c.header for c in table.columns if c.field not in (None, "money", "sequence", "label")}
        headers = {c.field: named.get(c.field, f"{c.header} ({context})") for c in template.columns}
        for column in table.money:
            if template is PROJECT and column.role == "counterpart":
                headers["counterpart_mvnd"] = column.header
            elif template is PROJECT and column.role == "kc":
                side = codes.figure_side.get(column.figure or "")
                headers["actual_mvnd" if side == "executed" else "plan_mvnd"] = column.header
        factors = dict.fromkeys(template.money_fields(), Decimal(1))
        reader = SheetReader(parsed, codes, sheet.name, template, table.header_rows[1], {}, headers, factors,
                             progress)
        Records(table, codes, reader, problem).emit()
        parsed.understood.extend(table.understood())
        parsed.summaries.append(summary(table))
        parsed.report_sheets.append(sheet.name)
    return bool(tables)
