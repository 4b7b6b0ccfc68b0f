"""A recognised report table (etl/importing/report_model.py) turned into rows, and only that: every value comes from
the model (a column's role, a row's label, a section, the title), never from a second reading of the sheet. Each row
then takes the template's own checks (parse.SheetReader.read_report_row: codes, areas, bounds, duplicates).

- A project table: one project per data row; its money columns fill plan, actual (by the figure's side) and
  counterpart; a whole is stored only where none of its "Trong đó" parts is given; a "Tổng" column never.
- An allocation table: one allocation per money cell, its funding source, figure kind and years from the column,
  else the row's label, a section, the title; a row label that names none of them is refused.
- A partial period (6 tháng, quý, "đến tháng 8") is never stored as a year: executed figures of a table whose
  period is partial, and columns whose header says so, are refused.
"""

from decimal import Decimal

from etl.importing.codes import Codes
from etl.importing.report_model import Column, DataRow, Table, named
from etl.problems import both

PROJECT_TEXT_FIELDS = ("name", "implementer", "location", "activity_id", "sector_id", "funding_source", "status",
                       "note", "source", "area_id", "year")
ALLOCATION_TEXT_FIELDS = ("area_id", "year", "funding_source", "figure", "note", "source")


class Records:
    def __init__(self, table: Table, codes: Codes, reader, problem):
        self.table, self.codes, self.reader, self.problem = table, codes, reader, problem
        self.by_index = {c.index: c for c in table.columns}
        self.fields = {c.field: c for c in table.columns if c.field not in (None, "money", "sequence", "label",
                                                                           "unit")}
        title = table.title
        self.title_figure = title.figure.value if title.figure else None
        self.figure_ambiguous = title.figure is None and len(title.figures_seen) > 1

    def emit(self) -> None:
        for position, row in enumerate(self.table.data):
            amounts = self.table.amounts[position] if position < len(self.table.amounts) else {}
            raw = self.raw(row)
            if self.table.kind == "project":
                self.project(row, raw, amounts)
            else:
                self.allocations(row, raw, amounts)

    def raw(self, row: DataRow) -> dict:
        names = PROJECT_TEXT_FIELDS if self.table.kind == "project" else ALLOCATION_TEXT_FIELDS
        raw = {}
        for name in names:
            column = self.fields.get(name)
            if column is not None:
                value = row.cells.get(column.index)
                raw[name] = None if isinstance(value, str) and not value.strip() else value
        for name, value in row.context.items():
            if raw.get(name) is None and name in names:
                raw[name] = value
        title = self.table.title
        if "area_id" not in self.fields and title.area:
            raw["area_id"] = title.area
        if title.decision and raw.get("source") is None:
            raw["source"] = title.decision
        return raw

    def side(self, figure: str | None) -> str:
        return self.codes.figure_side.get(figure or "allocated", "plan")

    def stored_columns(self, amounts: dict) -> list[tuple[Column, object, Decimal]]:
        """The money cells a row stores: no "Tổng" column, and no whole whose parts are given on the row."""
        wholes_with_parts = {self.by_index[i].part_of for i in amounts if self.by_index[i].part_of is not None
                             and self.by_index[i].role != "breakdown"}
        stored = []
        for index, (cell, amount) in amounts.items():
            column = self.by_index[index]
            if column.role in ("total", "breakdown") or index in wholes_with_parts:
                continue
            stored.append((column, cell, amount))
        return stored

    def figure_of(self, row: DataRow, column: Column, label_facets: dict, raw: dict) -> str | None:
        figure = column.figure or label_facets.get("figure") or row.context.get("figure")
        if figure is None and isinstance(raw.get("figure"), str):
            return raw["figure"]
        if figure is None and self.title_figure:
            figure = self.title_figure
        if figure is None and self.figure_ambiguous:
            seen = " / ".join(f.text for f in self.table.title.figures_seen[:2])
            self.problem(row.row, named(column), None, both("etl_report_figure_ambiguous", seen=seen))
            return None
        return figure

    def partial(self, row: DataRow, column: Column, figure: str | None, period_from_title: bool) -> bool:
        """True (and refused) when the cell's period is part of a year."""
        if column.partial is not None:
            self.problem(row.row, named(column), column.header,
                         both("etl_report_partial_period", period=column.header))
            return True
        partial = self.table.title.partial
        if partial is not None and period_from_title and self.side(figure) == "executed":
            self.problem(row.row, named(column), partial.text,
                         both("etl_report_partial_period", period=partial.text))
            return True
        return False

    # -- projects -------------------------------------------------------------------------------------------------
    def project(self, row: DataRow, raw: dict, amounts: dict) -> None:
        title = self.table.title
        sources, years, filled = set(), set(), {}
        failed = False
        for column, cell, amount in self.stored_columns(amounts):
            if column.role == "counterpart":
                target = "counterpart_mvnd"
                figure = None
            else:
                figure = self.figure_of(row, column, {}, raw)
                if figure is None and self.figure_ambiguous:
                    failed = True
                    continue
                target = "actual_mvnd" if self.side(figure) == "executed" else "plan_mvnd"
                if column.funding and column.funding != "counterpart":
                    sources.add(column.funding)
                elif self.table.title.funding and raw.get("funding_source") is None:
                    sources.add(self.table.title.funding.value)
            if column.year:
                years.add(column.year)
            from_title = column.year is None and raw.get("year") is None
            if self.partial(row, column, figure, from_title):
                failed = True
                continue
            if target in filled:
                self.problem(row.row, named(column), cell, both(
                    "etl_report_two_columns_one_amount", first=filled[target].header, second=column.header))
                failed = True
                continue
            filled[target] = column
            raw[target] = amount
        if len(sources) > 1:
            self.problem(row.row, None, None, both("etl_report_two_funding_sources",
                                                   sources=", ".join(sorted(sources))))
            return
        if len(years) > 1:
            self.problem(row.row, None, None, both("etl_report_two_years", years=", ".join(map(str, sorted(years)))))
            return
        if failed:
            return
        if sources and raw.get("funding_source") is None:
            raw["funding_source"] = sources.pop()
        if raw.get("year") is None and years:
            raw["year"] = years.pop()
        if raw.get("year") is None and self.periods_ambiguous(row):
            return
        if raw.get("year") is None and title.period and title.period.value[0] == title.period.value[1]:
            raw["year"] = title.period.value[0]  # a project has one year: a period in the title does not say which
        if self.context_ok(row, raw, "year"):
            self.reader.read_report_row(row.row, raw)

    # -- allocations ----------------------------------------------------------------------------------------------
    def label_facets(self, row: DataRow) -> dict | None:
        """What the row's label names (funding source, figure kind, year); None when a label names nothing."""
        if not row.label:
            return {}
        from etl.importing.report_grammar import label_meaning

        return label_meaning(self.codes, row.label)

    def allocations(self, row: DataRow, raw: dict, amounts: dict) -> None:
        facets = self.label_facets(row)
        if facets is None:
            if not any(raw.get(name) is not None for name in ("funding_source", "figure", "year")):
                label_column = next((c for c in self.table.columns if c.field == "label"), None)
                self.problem(row.row, named(label_column) if label_column else None, row.label,
                             both("etl_report_row_label_unknown"))
                return
            facets = {}
        title = self.table.title
        for column, _cell, amount in self.stored_columns(amounts):
            values = dict(raw)
            values["funding_source"] = (column.funding or facets.get("funding_source") or raw.get("funding_source")
                                        or (title.funding.value if title.funding else None))
            figure = self.figure_of(row, column, facets, raw)
            if figure is None and self.figure_ambiguous:
                continue
            values["figure"] = figure or "allocated"
            year = column.year or facets.get("year") or (raw.get("year") if not isinstance(raw.get("year"), str)
                                                         else None)
            if year is None and isinstance(raw.get("year"), str):
                values["year"] = raw["year"]
            from_title = year is None and values.get("year") is None
            if self.partial(row, column, values["figure"], from_title):
                continue
            if year is not None:
                values["year_from"] = values["year_to"] = year
                values.pop("year", None)
            elif from_title and self.periods_ambiguous(row):
                return
            elif from_title and title.period is not None:
                values["year_from"], values["year_to"] = title.period.value
            values["amount_mvnd"] = amount
            if not self.context_ok(row, values, "year_from"):
                return
            self.reader.read_report_row(row.row, values, column.header)

    def periods_ambiguous(self, row: DataRow) -> bool:
        """The title names several periods and the row's year would come from it: refused naming both."""
        seen = self.table.title.periods_seen
        if self.table.title.period is not None or len(seen) < 2:
            return False
        self.problem(seen[1].row, None, seen[1].text,
                     both("etl_report_periods_disagree", first=seen[0].text, second=seen[1].text))
        return True

    def context_ok(self, row: DataRow, values: dict, year_field: str) -> bool:
        """A row needs an area and a year: from its columns, a section or the title rows."""
        ok = True
        title = self.table.title
        if values.get("area_id") is None and "area_id" not in self.fields:
            self.problem(row.row, None, None, both("etl_report_area_ambiguous", areas=", ".join(title.areas_seen))
                         if len(title.areas_seen) > 1 else both("etl_report_area_missing"))
            ok = False
        if values.get(year_field) is None and values.get("year") is None and "year" not in self.fields:
            self.problem(row.row, None, None, both("etl_report_year_missing"))
            ok = False
        return ok
