"""Bundled files go through the importer's reader and value parsers and are checked against the schema's own
constraints and the code lists: a faulty file is refused with every problem at once, by line, column and value,
in Vietnamese and English, before a row of it counts."""

import csv
import io
import shutil

import duckdb
import pytest
from conftest import ROOT

from etl.build import BUNDLED_FILES, apply_schema
from etl.importing.bundled import load_bundled_file
from etl.problems import LoadError


def edited(text: str, edits: dict[int, dict[str, str]], header_extra: str = "") -> str:
    """The CSV with cells replaced: {line: {column: new text}} (line 1 is the header; line 0 appends a row)."""
    rows = list(csv.reader(io.StringIO(text)))
    for line, cells in edits.items():
        if line == 0:
            rows.append(list(rows[1]))
            line = len(rows)
        for column, value in cells.items():
            rows[line - 1][rows[0].index(column)] = value
    if header_extra:
        rows[0].append(header_extra)
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    return out.getvalue()


# (file, edits, problems as (line, column, value, start of the English reason)); line 0 is the appended row
CASES = {
    "allocation-every-kind-at-once": ("allocation.csv", {
        3: {"amount_mvnd": "2.000,5"},
        4: {"year_from": ""},
        5: {"year_to": "2004.5"},
        6: {"amount_mvnd": "-1"},
        7: {"funding_source": "private"},
        0: {},  # a copy of line 2: the same key twice
    }, [(3, "amount_mvnd", "2.000,5", "not a number (written like 1234.5)"),
        (4, "year_from", None, "required cell is empty"),
        (5, "year_to", "2004.5", "not a whole number"),
        (6, "amount_mvnd", "-1", "invalid value: breaks the rule (amount_mvnd >= 0)"),
        (7, "funding_source", "private", "code not in its code list"),
        (0, "area_id", "nghe-an", "duplicate key (area_id, year_from, year_to, funding_source, figure, doc_id)")]),
    "area-alias-reference-and-date": ("area_alias.csv", {
        2: {"area_id": "atlantis"},
        3: {"valid_from": "01/07/2025"},
    }, [(2, "area_id", "atlantis", "code not in area"),
        (3, "valid_from", "01/07/2025", "not a date (YYYY-MM-DD)")]),
    "code-alias-code-and-document": ("code_alias.csv", {
        2: {"code": "regional"},
        3: {"doc_id": "khong-co"},
    }, [(2, "code", "regional", "code not in its code list"),
        (3, "doc_id", "khong-co", "code not in source_document")]),
    "documents-check-rule": ("documents.csv", {
        2: {"kind": "blog"},
    }, [(2, "kind", "blog", "invalid value: breaks the rule")]),
    "funding-source-boolean": ("funding_source.csv", {
        2: {"is_khuyen_cong": "có"},
    }, [(2, "is_khuyen_cong", "có", "not true or false")]),
}


def folder_of(name: str) -> str:
    return next(path.parent.name for _t, path, _e in BUNDLED_FILES if path.name == name)


def load_until_fault(tmp_path, name: str, text: str) -> list:
    """Load the bundled files in order into a fresh database, the named one from its faulty copy."""
    faulty = tmp_path / name
    faulty.write_text(text, encoding="utf-8")
    con = duckdb.connect()
    try:
        apply_schema(con)
        for table, path, extra in BUNDLED_FILES:
            if path.name == name:
                with pytest.raises(LoadError) as refused:
                    load_bundled_file(con, table, faulty, extra)
                return refused.value.problems
            load_bundled_file(con, table, path, extra)
    finally:
        con.close()
    raise AssertionError(f"{name} is not a bundled file")


@pytest.mark.parametrize("case", CASES)
def test_a_faulty_bundled_file_is_refused_with_every_problem(tmp_path, case):
    name, edits, expected = CASES[case]
    original = (ROOT / "data" / folder_of(name) / name).read_text(encoding="utf-8")
    text = edited(original, edits)
    appended = len(list(csv.reader(io.StringIO(text))))
    problems = load_until_fault(tmp_path, name, text)
    found = [(p.row, p.column, p.value, p.reason_en) for p in problems]
    assert len(found) == len(expected), found
    for (line, column, value, reason), problem in zip(expected, problems):
        assert (problem.file, problem.row, problem.column, problem.value) == (name, line or appended, column, value), \
            found
        assert problem.reason_en.startswith(reason) and problem.reason_vi, found


def test_a_column_the_table_does_not_have_is_named(tmp_path):
    original = (ROOT / "data" / "reference" / "sector.csv").read_text(encoding="utf-8")
    problems = load_until_fault(tmp_path, "sector.csv", edited(original, {}, header_extra="colour"))
    assert [(p.row, p.column, p.reason_vi, p.reason_en) for p in problems] == [
        (1, "colour", "cột không có trong bảng sector", "column not in table sector")]


def test_a_row_with_a_cell_too_many_is_named(tmp_path):
    lines = (ROOT / "data" / "reference" / "sector.csv").read_text(encoding="utf-8").splitlines(keepends=True)
    lines[2] = lines[2].rstrip("\n") + ",extra\n"
    problems = load_until_fault(tmp_path, "sector.csv", "".join(lines))
    assert [(p.row, p.reason_en) for p in problems] == [(3, f"{len(lines[0].split(',')) + 1} cells, the header has "
                                                           f"{len(lines[0].split(','))} columns")]


def test_the_build_reports_a_faulty_bundled_file_and_writes_nothing(tmp_path):
    from conftest import run_etl

    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data, ignore=shutil.ignore_patterns("*.duckdb*", ".*", "imports"))
    path = data / "reference" / "area_alias.csv"
    path.write_text(edited(path.read_text(encoding="utf-8"), {2: {"area_id": "atlantis"}}), encoding="utf-8")
    db = tmp_path / "db" / "kc.duckdb"
    result = run_etl("build", "--no-demo", "--db", str(db), env={"KC_DATA_DIR": str(data)})
    assert result.returncode == 1
    assert ("area_alias.csv, dòng/row 2, cột/column area_id ['atlantis']: mã không tồn tại trong danh mục tham chiếu "
            "(area) / code not in area") in result.stderr
    assert not db.exists()
