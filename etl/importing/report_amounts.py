"""A report table's money: the unit of every column, the number conventions of its text, every amount in triệu đồng,
and every total reconciled with the rows it adds up (a mixin of report_grammar.TableReader)."""

import re
from bisect import bisect_left
from decimal import Decimal

from etl.importing.report_cells import is_number, text_of
from etl.importing.report_model import Section, letter, named
from etl.importing.units import UNITS, Money, MoneyRefusal, number_readings, parse_money, unit_named
from etl.importing.values import nfc
from etl.problems import both

THOUSANDTH = Decimal("0.001")
# Plausible amounts of one cell, in triệu đồng, when no unit is written anywhere: the unit is taken only when it is
# the single one that puts every amount of the table in range (the dry run says so); otherwise the table is refused.
PLAUSIBLE = {"project": (Decimal("0.5"), Decimal(50_000)), "allocation": (Decimal(1), Decimal(1_000_000))}


class Amounts:
    """Units, number conventions, amounts and reconciliation of one table (state: table, by_index, values, r)."""

    # -- units and numbers ------------------------------------------------------------------------------------
    def decide_units(self) -> None:
        """Every money column's unit: its header's, else the table's (title rows, header row, footnotes; two that
        disagree are refused), else a unit column per row, else the one unit that makes every amount plausible."""
        table = self.table
        stated = list(dict.fromkeys(u.value for u in table.title.units))
        table_unit = table.title.units[0] if table.title.units else None
        if len(stated) > 1:
            first = table.title.units[0]
            second = next(u for u in table.title.units if u.value != first.value)
            self.problem(second.row, letter(second.column) if second.column is not None else None, second.text,
                         both("etl_report_units_disagree", first=f"{first.text} ({first.where()})",
                              second=second.text, where=second.where()))
        unit_column = next((c for c in table.columns if c.field == "unit"), None)
        if unit_column is not None:
            for row in table.data:
                value = text_of(row.cells.get(unit_column.index))
                if value is None:
                    continue
                unit = unit_named(value)
                if unit is None:
                    self.problem(row.row, named(unit_column), value, both("etl_report_row_unit_not_money"))
                else:
                    self.row_units[row.row] = unit
        unwritten = []
        evidence = {column.index: self.locale_evidence(column) for column in table.money}
        for column in table.money:
            self.decide_locale(column, evidence[column.index])
            if column.unit is not None:
                if table_unit is not None and table_unit.value != column.unit:
                    self.problem(table.header_rows[0], named(column), column.header,
                                 both("etl_report_units_disagree", first=f"{table_unit.text} ({table_unit.where()})",
                                      second=column.header, where=f"{letter(column.index)}{table.header_rows[0]}"))
                continue
            if table_unit is not None:
                column.unit, column.unit_rule = table_unit.value, f"«{table_unit.text}» {table_unit.where()}"
            elif unit_column is not None:
                column.unit_rule = f"unit column {letter(unit_column.index)}"
            else:
                unwritten.append(column)
        if unwritten:
            self.plausible_unit(unwritten)

    def plausible_unit(self, columns: list) -> None:
        """No unit written anywhere: the unit is taken only when it is the one of the four that makes every bare
        amount of the table a plausible amount (report_grammar.PLAUSIBLE); else the table is refused."""
        low, high = PLAUSIBLE[self.table.kind]
        numbers, first = [], None
        for column in columns:
            for row in self.table.data:
                value = row.cells.get(column.index)
                if value is None:
                    continue
                number = self.bare_number(value, column)
                if number is not None and number > 0:
                    numbers.append(number)
                    first = first or (row.row, column, value)
        if not numbers:
            for column in columns:
                column.unit, column.unit_rule = UNITS["trieu_dong"], "no bare amount to read"
            return
        fitting = [u for u in UNITS.values() if all(low <= n * u.mvnd <= high for n in numbers)]
        if len(fitting) == 1:
            lo, hi = min(numbers), max(numbers)
            for column in columns:
                column.unit = fitting[0]
                column.unit_rule = (f"not written; the only unit in which every amount ({lo:f}–{hi:f}) is a "
                                    f"plausible {self.table.kind} amount")
            return
        row, column, value = first
        self.problem(row, named(column), value, both(
            "etl_report_unit_missing", units=", ".join(u.name_vi for u in fitting) or "-"))

    def bare_number(self, value, column) -> Decimal | None:
        if is_number(value):
            return Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
        text = text_of(value)
        if not text:
            return None
        readings = number_readings(text)
        return readings.get(column.locale)

    def locale_evidence(self, column) -> tuple[bool, bool, tuple | None]:
        """(every text number reads the Vietnamese way, every one reads the English way, the first that reads
        differently under the two) for one money column's data and total rows."""
        cells = [(row.row, v) for row in self.table.data if isinstance(v := row.cells.get(column.index), str)]
        cells += [(t.row, v) for t in self.table.totals if isinstance(v := t.amounts.get(column.index), str)]
        vi_ok = en_ok = True
        differ = None
        for number, value in cells:
            readings = self.readings(value)
            if readings is None:
                continue
            vi, en = readings
            vi_ok &= vi is not None
            en_ok &= en is not None
            if vi is not None and en is not None and vi != en and differ is None:
                differ = (number, value)
        if vi_ok != en_ok:
            self.r.locales.add("vi" if vi_ok else "en")
        return vi_ok, en_ok, differ

    def decide_locale(self, column, evidence: tuple[bool, bool, tuple | None]) -> None:
        """Numbers written as text read by Vietnamese conventions (1.500,5) or English ones (1,500.5): the column's
        own cells decide; where they cannot (every cell reads under both, some differently), the file's other columns
        decide, then the file: a workbook's text is Vietnamese (the template's rule); a CSV's is refused naming the
        cell (its separator says nothing sure of its numbers)."""
        vi_ok, en_ok, differ = evidence
        if vi_ok != en_ok:
            column.locale = "vi" if vi_ok else "en"
            return
        if differ is None or not vi_ok:
            return  # nothing reads differently; or cells that read under neither, refused one by one
        if len(self.r.locales) == 1:
            column.locale = next(iter(self.r.locales))
            column.unit_rule += f"; numbers: {column.locale} (other columns of the file)"
            return
        if not self.r.grid.is_csv:
            column.locale = "vi"  # text typed in a workbook's cell: the Vietnamese way, as the template says
            column.unit_rule += "; numbers: vi (a workbook's text)"
            return
        number, value = differ
        self.problem(number, named(column), value, both("etl_money_locale_ambiguous", text=value))
        column.locale = "refused"

    @staticmethod
    def readings(value: str) -> tuple[Decimal | None, Decimal | None] | None:
        """A text amount's number under (vi, en); None when the text is no number at all."""
        text = nfc(value) or ""
        match = re.match(r"^\s*(\d[\d.,\s]*\d|\d)", text)
        if match is None:
            return None
        readings = number_readings(match.group(1).strip())
        return readings["vi"], readings["en"]

    def amount(self, row: int, column, value) -> tuple[object, Decimal] | None:
        """A money cell in triệu đồng, or None (blank, a dash, or a problem already noted)."""
        if column.locale == "refused":
            return None
        unit = column.unit or self.row_units.get(row)
        money = parse_money(value, unit or UNITS["trieu_dong"], "en" if column.locale == "en" else "vi")
        if money is None:
            return None
        if isinstance(money, MoneyRefusal):
            self.problem(row, named(column), value, money.reason())
            return None
        if unit is None and money.unit is None:
            return None  # a bare number without a unit: the table's missing unit is refused once
        assert isinstance(money, Money)
        return value, money.mvnd

    def amounts(self) -> None:
        """Every money cell of every data and total row, in triệu đồng."""
        for row in self.table.data:
            found = {}
            for index, value in row.cells.items():
                column = self.by_index.get(index)
                if column is None or column.field != "money":
                    continue
                if self.r.grid.merged_down.get((row.row, index)) is not None:
                    top = self.r.grid.merged_down[(row.row, index)]
                    self.problem(row.row, named(self.by_index[index]), value, both("etl_report_amount_merged",
                                                                    top=f"{letter(top[1])}{top[0]}"))
                    continue
                if (span := self.r.merges.spans_across(row.row, index)) is not None and any(
                        self.money_column(c) for c in range(span[1] + 1, span[3] + 1)):
                    self.problem(row.row, named(self.by_index[index]), value, both(
                        "etl_report_amount_merged", top=f"{letter(span[1])}{row.row}:{letter(span[3])}{row.row}"))
                    continue
                if (amount := self.amount(row.row, column, value)) is not None:
                    found[index] = amount
            self.values.append(found)
        for total in self.table.totals:
            amounts = {}
            for index, value in total.amounts.items():
                if (amount := self.amount(total.row, self.by_index[index], value)) is not None:
                    amounts[index] = (amount[0], amount[1], tolerance(value, self.by_index[index]))
            total.amounts = amounts
        self.table.amounts = self.values

    # -- reconciliation -----------------------------------------------------------------------------------------
    def reconcile(self) -> None:
        """Every total, subtotal, section and group row against the data rows it adds up, per column; every "Tổng"
        column against the money columns beside it, per row. A mismatch refuses the table."""
        table = self.table
        sums = PrefixSums(self.values)
        for total in table.totals:
            if total.kind == "parts":
                whole = next((t for t in table.totals if str(t.row) == total.scope), None)
                for index, (cell, stated, _tol) in total.amounts.items():
                    if whole is not None and index in whole.amounts and stated > whole.amounts[index][1] + THOUSANDTH:
                        self.differs(total.row, index, cell, whole.amounts[index][1], stated, total.scope)
                continue
            end = total.end if total.end is not None else len(table.data)
            if len(total.sections) > 1:  # "Cộng I" under Roman I and letter I: the section whose rows add up to it
                ranges = [(s.start, min(s.end if s.end is not None else end, end)) if isinstance(s, Section)
                          else s for s in total.sections]
                fits = [r for r in ranges if all(abs(sums.between(i, *r) - a) <= t
                                                 for i, (_c, a, t) in total.amounts.items())]
                total.start, end = fits[0] if fits else ranges[0]
            for index, (cell, stated, tol) in total.amounts.items():
                summed = sums.between(index, total.start, end)
                if abs(summed - stated) > tol:
                    rows = (f"{table.data[total.start].row}–{table.data[end - 1].row}" if end > total.start
                            else "-")
                    self.differs(total.row, index, cell, stated, summed, rows)
        for position, found in enumerate(self.values):
            self.row_totals(table.data[position].row, found)
        for total in table.totals:
            self.row_totals(total.row, {i: (c, a) for i, (c, a, _t) in total.amounts.items()})

    def row_totals(self, row: int, found: dict) -> None:
        """A "Tổng" column is the sum of the money columns of its group (or of its year and figure), and a whole
        is never less than its "Trong đó" parts."""
        for index, (cell, stated) in found.items():
            column = self.by_index[index]
            if column.role == "total":
                parts = {i: a for i, (_c, a) in found.items() if i != index
                         and self.adds_into(self.by_index[i], column)}
                summed = sum(parts.values(), Decimal(0))
                off = summed - stated > tolerance(cell, column) if column.at_least else \
                    abs(summed - stated) > tolerance(cell, column)
                if parts and off:
                    self.row_differs(row, index, cell, stated, parts)
            parts = {i: a for i, (_c, a) in found.items() if self.by_index[i].part_of == index}
            if parts and sum(parts.values(), Decimal(0)) > stated + tolerance(cell, column):
                self.row_differs(row, index, cell, stated, parts)

    def row_differs(self, row: int, index: int, cell, stated: Decimal, parts: dict) -> None:
        self.problem(row, named(self.by_index[index]), cell, both(
            "etl_report_row_total_differs", stated=_mvnd(stated), summed=_mvnd(sum(parts.values(), Decimal(0))),
            columns=", ".join(letter(i) for i in sorted(parts)), column=self.by_index[index].header))

    def adds_into(self, column, total) -> bool:
        if column.field != "money" or column.role in ("total", "breakdown") or column.part_of is not None:
            return False
        if total.parent is not None and column.parent is not None:
            return column.parent == total.parent
        return column.year in (None, total.year) and column.figure in (None, total.figure)

    def differs(self, row: int, index: int, cell, stated: Decimal, summed: Decimal, rows: str) -> None:
        self.problem(row, named(self.by_index[index]), cell, both("etl_report_total_differs", stated=_mvnd(stated),
                                                    summed=_mvnd(summed), rows=rows,
                                                    column=self.by_index[index].header))



class PrefixSums:
    """Per column, the running sum over the data rows that hold it: a total's sum in O(log n), memory O(cells)."""

    def __init__(self, values: list[dict[int, tuple[object, Decimal]]]):
        self.positions: dict[int, list[int]] = {}
        self.running: dict[int, list[Decimal]] = {}
        for position, found in enumerate(values):
            for index, (_cell, amount) in found.items():
                self.positions.setdefault(index, []).append(position)
                running = self.running.setdefault(index, [])
                running.append((running[-1] if running else Decimal(0)) + amount)

    def between(self, index: int, start: int, end: int) -> Decimal:
        positions = self.positions.get(index)
        if not positions:
            return Decimal(0)
        running = self.running[index]
        upper = bisect_left(positions, end)
        lower = bisect_left(positions, start)
        return (running[upper - 1] if upper else Decimal(0)) - (running[lower - 1] if lower else Decimal(0))


def tolerance(value, column) -> Decimal:
    """How far a stated total may be from its rows: a thousandth of a million for numbers, half the last decimal
    written for text ("2,15 tỷ" covers 2,145–2,155 tỷ)."""
    if not isinstance(value, str):
        return THOUSANDTH
    mark = "." if column.locale == "en" else ","
    match = re.search(re.escape(mark) + r"(\d+)\D*$", value.strip())
    decimals = len(match.group(1)) if match else 0
    unit = column.unit or UNITS["trieu_dong"]
    return max(THOUSANDTH, Decimal(5) * Decimal(10) ** (-decimals - 1) * unit.mvnd)


def _mvnd(number: Decimal) -> str:
    return f"{number.normalize():f}"

