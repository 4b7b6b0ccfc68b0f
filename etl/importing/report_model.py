"""What a report-layout table was recognised as, before a single row is made of it: the model the dry run prints.

A sheet becomes a Grid (its cells, merged ranges applied, hidden rows and columns known); the grammar
(etl/importing/report_grammar.py) recognises each table of it into a Table: the title facts, a header tree, a role for
every column and every row, each with the rule that decided it. Only a Table with no problem is turned into records
(etl/importing/report_records.py).
"""

from dataclasses import dataclass, field
from decimal import Decimal

from openpyxl.utils import get_column_letter

from etl.importing.units import Unit
from etl.problems import bilingual
from khuyencong.i18n.labels import N_, t

# Why a row is left out, and why a table ends (the dry run and the Import page say it in the UI language).
SKIP_REASONS = (N_("etl_skip_column_numbers"), N_("etl_skip_unit_line"), N_("etl_skip_note"), N_("etl_skip_signature"),
                N_("etl_skip_total_breakdown"), N_("etl_skip_under_signature"), N_("etl_skip_breakdown"),
                N_("etl_skip_no_header"), N_("etl_end_note"), N_("etl_end_signature"), N_("etl_end_grand_total"))

MAX_LISTED = 50   # rows of one kind the dry run lists; a hostile file may have a hundred thousand


def letter(index: int) -> str:
    """A 0-based column index as Excel names it."""
    return get_column_letter(index + 1)


def named(column) -> str:
    """A column as a problem names it: its letter and its header, "E “Kinh phí / Vốn đối ứng”"."""
    return f"{letter(column.index)} “{column.header}”"


@dataclass
class Grid:
    """One sheet's cells: rows in order, each (row number, {0-based column: value}), empty rows left out."""
    sheet: str | None
    rows: list[tuple[int, dict[int, object]]]
    hidden_rows: set[int] = field(default_factory=set)
    hidden_columns: set[int] = field(default_factory=set)     # 0-based, only the columns that hold a value
    merged_down: dict[tuple[int, int], tuple[int, int]] = field(default_factory=dict)  # covered cell → its top cell
    merges: list[tuple[int, int, int, int]] = field(default_factory=list)   # (row1, col1, row2, col2), 0-based cols
    is_csv: bool = False
    delimiter: str | None = None


@dataclass
class Fact:
    """Something a title, header or note line says, with where it says it."""
    value: object
    row: int
    column: int | None
    text: str

    def where(self) -> str:
        return f"{letter(self.column)}{self.row}" if self.column is not None else str(self.row)


@dataclass
class Title:
    """What the lines above a table (and its notes below) say of it."""
    area: str | None = None
    area_line: str | None = None
    areas_seen: list[str] = field(default_factory=list)
    period: Fact | None = None                  # (year_from, year_to)
    partial: Fact | None = None                 # a part of a year: H1, 9M, Q1 … (the table's figures are partial)
    periods_seen: list[Fact] = field(default_factory=list)
    figure: Fact | None = None
    figures_seen: list[Fact] = field(default_factory=list)
    funding: Fact | None = None                 # a funding source the title names ("… KHUYẾN CÔNG ĐỊA PHƯƠNG")
    fundings_seen: list[Fact] = field(default_factory=list)
    decision: str | None = None
    units: list[Fact] = field(default_factory=list)   # Fact(value=Unit) from title rows, header row, footnotes
    inherited: list[str] = field(default_factory=list)  # facts taken from the sheet's first table

    # The names the Import page reads (etl/importing/report_layout.SheetSummary's title, kept since issue 14).
    @property
    def years(self) -> tuple[int, int] | None:
        return self.period.value if self.period else None

    @property
    def unit(self) -> str | None:
        return "; ".join(f"{u.text} ({u.where()})" for u in self.units) or None

    @property
    def factor(self) -> Decimal | None:
        return self.units[0].value.mvnd if self.units else None


@dataclass
class Column:
    index: int
    header: str                          # the stacked header text, "Kinh phí / Vốn đối ứng"
    levels: list[str]
    field: str | None = None             # a row field (name, year, …), "money", "sequence", "label", or None: skipped
    role: str = ""                       # money: kc, counterpart, total; skipped: ratio, count, loan, text, unknown
    rule: str = ""                       # the rule (report_roles / code list) that decided it
    year: int | None = None
    funding: str | None = None
    figure: str | None = None
    partial: str | None = None           # a header that says "6 tháng", "lũy kế đến …"
    part_of: int | None = None           # a "Trong đó" part: the index of its whole
    at_least: bool = False               # a total of investment: at least, not exactly, the money beside it
    parent: int | None = None            # header-tree parent (a merged group cell's first column), for totals
    unit: Unit | None = None
    unit_rule: str = ""                  # where the unit comes from
    locale: str = "vi"
    code_list: str | None = None         # a label column read as a code list (activity, sector, funding_source)

    @property
    def factor(self) -> Decimal:
        return self.unit.mvnd if self.unit is not None else Decimal(1)

    def meaning(self) -> str:
        if self.field != "money":
            text = self.field or f"skipped ({self.role})"
            if self.code_list:
                text += f" = {self.code_list}"
            return f"{text} [{self.rule}]" if self.rule else text
        parts = [self.role]
        parts += [f"{name}={value}" for name, value in (("year", self.year), ("funding_source", self.funding),
                                                          ("figure", self.figure), ("partial", self.partial))
                  if value is not None]
        if self.part_of is not None:
            parts.append(f"part of {letter(self.part_of)}")
        if self.unit is not None:
            parts.append(f"{self.unit.name_vi} ({self.unit_rule})")
        if self.locale != "vi":
            parts.append(f"numbers: {self.locale}")
        return ", ".join(parts) + (f" [{self.rule}]" if self.rule else "")


@dataclass
class Section:
    marker: str
    kind: str                           # roman, letter, group (numbered), year, unmarked
    level: int
    row: int
    text: str
    values: dict
    rule: str = ""
    start: int = 0                      # index in Table.data where the section begins
    end: int | None = None
    amounts: dict = field(default_factory=dict)   # column index → (cell, amount) when the row states amounts


@dataclass
class Total:
    row: int
    kind: str                           # grand, sub, section, group, parts
    label: str
    amounts: dict                       # column index → (cell, amount in triệu đồng, tolerance)
    start: int                          # the data rows it adds up: Table.data[start:end]
    end: int | None = None
    scope: str = ""
    sections: list = field(default_factory=list)   # what it may close: "Cộng I" the sections marked I (Roman I or
    # letter I), a bare "Cộng" the open sections, the rows since the last subtotal, all rows ((start, end) pairs);
    # the one whose rows add up to it is the one it closes


@dataclass
class DataRow:
    row: int
    cells: dict[int, object]
    context: dict                       # what the sections and groups above it set
    label: str | None = None


@dataclass
class Table:
    sheet: str | None
    number: int                         # 1 for the sheet's first table
    title_rows: tuple[int, int] | None
    header_rows: tuple[int, int]
    title: Title
    columns: list[Column]
    kind: str = "allocation"            # allocation or project
    kind_rule: str = ""
    data: list[DataRow] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    totals: list[Total] = field(default_factory=list)
    skipped: list[tuple[int, str, dict]] = field(default_factory=list)  # (row, catalog key, values), MAX_LISTED
    skipped_count: int = 0
    end: tuple[int, str] | None = None   # (row, catalog key of why the table ended there)
    hidden_read: list[int] = field(default_factory=list)
    last_row: int = 0
    amounts: list = field(default_factory=list)   # per data row: column index → (cell, amount in triệu đồng)

    @property
    def money(self) -> list[Column]:
        return [c for c in self.columns if c.field == "money"]

    def skip(self, row: int, why: str, **values) -> None:
        """A row left out, and why (a catalog key: etl_skip_…)."""
        self.skipped_count += 1
        if len(self.skipped) < MAX_LISTED:
            self.skipped.append((row, why, values))

    def data_rows(self) -> tuple[int, int] | None:
        return (self.data[0].row, self.data[-1].row) if self.data else None

    # -- the dry run ----------------------------------------------------------------------------------------------
    def understood(self) -> list[str]:
        """The model in lines (Vietnamese / English), as the dry run prints it."""
        where = f"[{self.sheet or 'csv'}#{self.number}] "
        header = "–".join(str(r) for r in sorted(set(self.header_rows)))
        rows = self.data_rows()
        lines = [where + bilingual("etl_report_table", table=self.kind, header=header,
                                   data=f"{rows[0]}–{rows[1]}" if rows else "-", rows=len(self.data))]
        lines.append(where + bilingual("etl_report_kind", rule=self.kind_rule))
        for column in self.columns:
            lines.append(where + bilingual("etl_report_column", column=letter(column.index), header=column.header,
                                           meaning=column.meaning()))
        found, where_from = [], []
        title = self.title
        if title.area:
            found.append(f"area={title.area} «{title.area_line}»")
        if title.period:
            found.append("year=" + "–".join(str(y) for y in sorted(set(title.period.value))))
            where_from.append(f"year {title.period.where()} «{title.period.text}»")
        if title.partial:
            found.append(f"partial={title.partial.value}")
            where_from.append(f"partial {title.partial.where()} «{title.partial.text}»")
        if title.figure:
            found.append(f"figure={title.figure.value}")
            where_from.append(f"figure {title.figure.where()} «{title.figure.text}»")
        if title.funding:
            found.append(f"funding_source={title.funding.value}")
            where_from.append(f"funding_source {title.funding.where()} «{title.funding.text}»")
        if title.decision:
            found.append(f"decision={title.decision}")
        for unit in title.units:
            found.append(f"unit={unit.text}")
            where_from.append(f"unit {unit.where()} = {unit.value.name_vi}")
        if where_from:
            found.append("(" + "; ".join(where_from) + ")")
        if title.inherited:
            found.append("from the sheet's first table: " + ", ".join(title.inherited))
        lines.append(where + bilingual("etl_report_title", values="; ".join(found) or "-"))
        for section in self.sections[:MAX_LISTED]:
            values = ", ".join(f"{k}={v}" for k, v in section.values.items()) or "-"
            lines.append(where + bilingual("etl_report_section", row=section.row, text=section.text,
                                           values=f"{values} [{section.kind} {section.marker}; {section.rule}]"))
        totals = [t for t in self.totals]
        shown = ", ".join(str(t.row) for t in sorted(totals, key=lambda t: t.row)[:MAX_LISTED])
        lines.append(where + bilingual("etl_report_totals", count=len(totals),
                                       rows=(shown + (" …" if len(totals) > MAX_LISTED else "")) or "-"))
        for row, why, values in self.skipped:
            lines.append(where + "{} / {}".format(*(t("etl_report_skipped", lang, row=row, why=t(why, lang, **values))
                                                    for lang in ("vi", "en"))))
        if self.skipped_count > len(self.skipped):
            lines.append(where + bilingual("etl_report_skipped_more", count=self.skipped_count - len(self.skipped)))
        if self.hidden_read:
            lines.append(where + bilingual("etl_report_hidden_read",
                                           rows=", ".join(str(r) for r in self.hidden_read[:MAX_LISTED])))
        if self.end:
            lines.append(where + "{} / {}".format(*(t("etl_report_end", lang, row=self.end[0], why=t(self.end[1], lang))
                                                    for lang in ("vi", "en"))))
        return lines
