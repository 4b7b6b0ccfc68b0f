"""One named regression test per class of report layout issue 26 names (tests/report_classes.py): each file is read
exactly as its figures are written, or refused with an error naming the cell; never a third outcome. Expected rows
are the figures written in the files, converted by hand (1.500.000 nghìn đồng = 1.500 triệu đồng)."""

import sys
from decimal import Decimal
from pathlib import Path

import duckdb
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
import report_classes as classes  # noqa: E402

from etl.importing.codes import Codes  # noqa: E402
from etl.importing.parse import parse_file  # noqa: E402
from etl.importing.report_layout import ReadOptions  # noqa: E402


@pytest.fixture(scope="module")
def codes(real_only_db_path):
    con = duckdb.connect(str(real_only_db_path), read_only=True)
    try:
        return Codes(con)
    finally:
        con.close()


def stored(parsed) -> set:
    """The records as the cases write them (see tests/report_classes.py)."""
    rows = set()
    for record in parsed.records:
        v = record.values
        if record.table == "allocation":
            rows.add(("allocation", v["area_id"], v["year_from"], v["year_to"], v["funding_source"], v["figure"],
                      v["amount_mvnd"].normalize()))
        else:
            money = [None if v.get(k) is None else Decimal(v[k]).normalize()
                     for k in ("plan_mvnd", "actual_mvnd", "counterpart_mvnd")]
            rows.add(("project", v["name"], v["area_id"], v["year"], v.get("funding_source"), *money,
                      v.get("activity_id")))
    return rows


def normal(rows: set) -> set:
    return {tuple(x.normalize() if isinstance(x, Decimal) else x for x in row) for row in rows}


def read(case, codes):
    return parse_file(case.file_name, case.make(), codes, options=ReadOptions(include_hidden=case.include_hidden))


@pytest.mark.parametrize("case", classes.CASES, ids=lambda c: c.name)
def test_a_report_of_each_class_is_read_exactly_or_refused_naming_the_cell(case, codes):
    parsed = read(case, codes)
    errors = [p for p in parsed.problems if p.severity == "error"]
    if case.refused:
        assert errors, f"{case.name} must be refused; read {sorted(stored(parsed), key=str)}"
        for sheet, row in case.refused:
            assert any(p.sheet == sheet and (row is None or p.row == row) for p in errors), (
                case.name, sheet, row, [p.format() for p in errors])
        assert all(p.row is not None or p.sheet is not None for p in errors), [p.format() for p in errors]
    else:
        assert errors == [], [p.format() for p in errors]
        assert stored(parsed) == normal(case.rows)


def test_the_dry_run_lists_every_column_and_skipped_row(codes):
    """The model is printed: every column with its role and rule, every row left out and why."""
    parsed = read(classes.BY_NAME["note_and_signature_under_the_table"], codes)
    text = "\n".join(parsed.understood)
    for column in "ABCD":
        assert f"column {column} “" in text
    assert "row 9 not loaded: a note under the table" in text
    assert "row 10 not loaded: the signature block" in text
    assert "row 14 not loaded: names and titles under the note or signature block" in text
    assert "the table ends at row 7: the grand total" in text
