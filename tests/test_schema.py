"""The schema refuses what the data model forbids: constraints hold, money is DECIMAL."""

import duckdb
import pytest

from etl.build import apply_schema, load_bundled
from etl.checks import enforce_references
from etl.problems import LoadError

MONEY_COLUMNS = [("allocation", "amount_mvnd"), ("project", "plan_mvnd"), ("project", "actual_mvnd"),
                 ("project", "counterpart_mvnd"), ("stated_figure", "amount_mvnd")]
CONTRACT = {
    "source_document": ["doc_id", "title", "publisher", "published_on", "url", "note"],
    "area": ["area_id", "name_vi", "level", "gso_code", "region"],
    "v_area_current": ["area_id", "name_vi", "current_area_id", "current_name_vi"],
    "allocation": ["area_id", "year_from", "year_to", "funding_source", "figure", "amount_mvnd", "doc_id",
                   "is_illustrative", "note"],
    "project": ["project_id", "area_id", "year", "name", "implementer", "location", "activity_id", "sector_id",
                "funding_source", "plan_mvnd", "actual_mvnd", "counterpart_mvnd", "status", "doc_id",
                "is_illustrative"],
    "outcome": ["area_id", "year", "period", "activity_id", "sector_id", "indicator_id", "plan_value",
                "actual_value", "prior_value", "doc_id", "is_illustrative"],
    "activity": ["activity_id", "name_vi", "name_en"],
    "sector": ["sector_id", "name_vi", "name_en"],
    "indicator": ["indicator_id", "name_vi", "name_en", "unit_vi", "unit_en"],
    "cpi": ["year", "index_value"],
    "v_reconciliation": ["area_id", "funding_source", "figure", "year_from", "year_to", "reported_mvnd",
                         "annual_sum_mvnd", "gap_mvnd", "gap_pct", "years_missing"],
    "load_log": ["loaded_at", "file_name", "sha256", "rows", "status", "message"],
}
GOOD_ALLOCATION = {"area_id": "nghe-an", "year_from": 2019, "year_to": 2019, "funding_source": "local",
                   "figure": "allocated", "amount_mvnd": 100, "doc_id": "bct-2018-08-09-nghe-an-70-ty",
                   "is_illustrative": False}


@pytest.fixture(scope="module")
def scratch():
    con = duckdb.connect()
    apply_schema(con)
    load_bundled(con, progress=lambda _m: None)
    yield con
    con.close()


@pytest.mark.parametrize(("table", "columns"), sorted(CONTRACT.items()))
def test_contract_names_exist(scratch, table, columns):
    found = {c for (c,) in scratch.execute(
        "SELECT column_name FROM information_schema.columns WHERE table_name = ?", [table]).fetchall()}
    assert set(columns) <= found


@pytest.mark.parametrize(("table", "column"), MONEY_COLUMNS)
def test_money_is_decimal(scratch, table, column):
    data_type = scratch.execute("SELECT data_type FROM information_schema.columns WHERE table_name = ? "
                                "AND column_name = ?", [table, column]).fetchone()[0]
    assert data_type.startswith("DECIMAL")


def insert_allocation(con, **changes):
    row = {**GOOD_ALLOCATION, **changes}
    con.execute(f"INSERT INTO allocation ({', '.join(row)}) VALUES ({', '.join('?' for _ in row)})", list(row.values()))


@pytest.mark.parametrize("changes", [
    {"amount_mvnd": -1},
    {"year_from": 2020, "year_to": 2019},
    {"year_from": 1800, "year_to": 1800},
], ids=["negative", "years-reversed", "year-1800"])
def test_allocation_refuses(scratch, changes):
    scratch.execute("BEGIN")
    try:
        with pytest.raises(duckdb.ConstraintException):
            insert_allocation(scratch, **changes)
    finally:
        scratch.execute("ROLLBACK")


def test_allocation_accepts_good_row_and_null_amount(scratch):
    scratch.execute("BEGIN")
    insert_allocation(scratch)
    insert_allocation(scratch, year_from=2020, year_to=2020, amount_mvnd=None)
    rows = scratch.execute("SELECT year_from, amount_mvnd FROM allocation WHERE year_from IN (2019, 2020) "
                           "AND area_id = 'nghe-an' AND NOT is_illustrative ORDER BY 1").fetchall()
    scratch.execute("ROLLBACK")
    assert [(y, None if a is None else int(a)) for y, a in rows] == [(2019, 100), (2020, None)]


@pytest.mark.parametrize(("sql", "params"), [
    ("INSERT INTO project (project_id, area_id, year, name, doc_id, is_illustrative, actual_mvnd) "
     "VALUES ('x', 'nghe-an', 2020, 'x', 'nd-45-2012-nd-cp', false, -5)", []),
], ids=["negative-actual"])
def test_project_and_outcome_refuse(scratch, sql, params):
    scratch.execute("BEGIN")
    try:
        with pytest.raises(duckdb.ConstraintException):
            scratch.execute(sql, params)
    finally:
        scratch.execute("ROLLBACK")


# Codes are checked once per write (a set-based query) rather than by per-row foreign keys, and the coded columns
# against the reference tables rather than CHECK lists: an unknown source, figure, status, period or qualifier is
# refused by name.
ALLOCATION_INSERT = ("INSERT INTO allocation (area_id, year_from, year_to, funding_source, figure, doc_id, "
                     "is_illustrative) VALUES ")
OUTCOME_INSERT = "INSERT INTO outcome (area_id, year, period, indicator_id, doc_id, is_illustrative, qualifier) VALUES "
STATED_INSERT = ("INSERT INTO stated_figure (area_id, year_from, year_to, funding_source, measure, qualifier, "
                 "amount_mvnd, doc_id) VALUES ")


@pytest.mark.parametrize(("sql", "unknown"), [
    (ALLOCATION_INSERT + "('nghe-an', 2020, 2020, 'private', 'allocated', 'nd-45-2012-nd-cp', false)",
     ("allocation", "funding_source", "private")),
    (ALLOCATION_INSERT + "('nghe-an', 2020, 2020, 'local', 'planned', 'nd-45-2012-nd-cp', false)",
     ("allocation", "figure", "planned")),
    ("INSERT INTO project (project_id, area_id, year, name, doc_id, is_illustrative, status) "
     "VALUES ('x', 'nghe-an', 2020, 'x', 'nd-45-2012-nd-cp', false, 'lost')", ("project", "status", "lost")),
    ("INSERT INTO project (project_id, area_id, year, name, doc_id, is_illustrative, funding_source) "
     "VALUES ('x', 'nghe-an', 2020, 'x', 'nd-45-2012-nd-cp', false, 'commune')",
     ("project", "funding_source", "commune")),
    (OUTCOME_INSERT + "('nghe-an', 2020, 'Q5', 'gian_hang', 'nd-45-2012-nd-cp', false, 'exact')",
     ("outcome", "period", "Q5")),
    (OUTCOME_INSERT + "('nghe-an', 2020, 'year', 'gian_hang', 'nd-45-2012-nd-cp', false, 'roughly')",
     ("outcome", "qualifier", "roughly")),
    (STATED_INSERT + "('nghe-an', 2002, 2018, 'private', 'total', 'exact', 1, 'nd-45-2012-nd-cp')",
     ("stated_figure", "funding_source", "private")),
    (STATED_INSERT + "('nghe-an', 2002, 2018, NULL, 'total', 'roughly', 1, 'nd-45-2012-nd-cp')",
     ("stated_figure", "qualifier", "roughly")),
], ids=["unknown-source", "unknown-figure", "unknown-status", "unknown-project-source", "unknown-period",
        "unknown-qualifier", "unknown-stated-source", "unknown-stated-qualifier"])
def test_integrity_check_names_unknown_reference_codes(scratch, sql, unknown):
    scratch.execute("BEGIN")
    try:
        enforce_references(scratch)
        scratch.execute(sql)
        with pytest.raises(LoadError) as refused:
            enforce_references(scratch)
    finally:
        scratch.execute("ROLLBACK")
    assert [(p.file, p.column, p.value) for p in refused.value.problems] == [unknown]


def test_integrity_check_names_every_unknown_code_at_once(scratch):
    scratch.execute("BEGIN")
    try:
        scratch.execute(ALLOCATION_INSERT + "('nghe-an', 2020, 2020, 'private', 'planned', 'nd-45-2012-nd-cp', false),"
                        "('nghe-an', 2021, 2021, 'commune', 'allocated', 'nd-45-2012-nd-cp', false)")
        with pytest.raises(LoadError) as refused:
            enforce_references(scratch)
    finally:
        scratch.execute("ROLLBACK")
    assert sorted((p.column, p.value) for p in refused.value.problems) == [
        ("figure", "planned"), ("funding_source", "commune"), ("funding_source", "private")]
    assert "code not in its code list" in str(refused.value)


@pytest.mark.parametrize(("sql", "unknown"), [
    ("INSERT INTO allocation (area_id, year_from, year_to, funding_source, figure, doc_id, is_illustrative) "
     "VALUES ('atlantis', 2020, 2020, 'local', 'allocated', 'nd-45-2012-nd-cp', false)", ("allocation", "area_id")),
    ("INSERT INTO allocation (area_id, year_from, year_to, funding_source, figure, doc_id, is_illustrative) "
     "VALUES ('nghe-an', 2020, 2020, 'local', 'allocated', 'no-such-document', false)", ("allocation", "doc_id")),
    ("INSERT INTO project (project_id, area_id, year, name, doc_id, is_illustrative, plan_mvnd) "
     "VALUES ('x', 'nghe-an', 2020, 'x', 'minh-hoa-none', false, 1)", ("project", "doc_id")),
    ("INSERT INTO project (project_id, area_id, year, name, doc_id, is_illustrative, sector_id) "
     "VALUES ('x', 'nghe-an', 2020, 'x', 'nd-45-2012-nd-cp', false, 'space')", ("project", "sector_id")),
    ("INSERT INTO outcome (area_id, year, period, indicator_id, doc_id, is_illustrative) "
     "VALUES ('nghe-an', 2020, 'year', 'happiness', 'nd-45-2012-nd-cp', false)", ("outcome", "indicator_id")),
    ("INSERT INTO project (project_id, area_id, year, name, doc_id, is_illustrative) "
     "SELECT 'same', 'nghe-an', 2020, 'x', 'nd-45-2012-nd-cp', false FROM range(2)", ("project", "project_id")),
], ids=["unknown-area", "unknown-doc", "unknown-project-doc", "unknown-sector", "unknown-indicator",
        "duplicate-project-id"])
def test_integrity_check_names_unknown_codes(scratch, sql, unknown):
    scratch.execute("BEGIN")
    try:
        enforce_references(scratch)  # the bundled data is clean
        scratch.execute(sql)
        with pytest.raises(LoadError) as refused:
            enforce_references(scratch)
    finally:
        scratch.execute("ROLLBACK")
    assert [(p.file, p.column) for p in refused.value.problems] == [unknown]
