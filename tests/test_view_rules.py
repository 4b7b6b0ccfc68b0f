"""The view rules (unit mapping, shared filters, the total rule, leverage) are written once, in SQL macros."""

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
MACROS = ROOT / "etl" / "schema" / "25_view_macros.sql"
# Files that define what the macros build on, not a view rule.
DEFINITIONS = {ROOT / "etl" / "schema" / "20_v_area_current.sql", MACROS}
QUERY_FILES = sorted((ROOT / "khuyencong" / "data" / "sql").glob("*.sql")) + sorted(
    p for p in (ROOT / "etl" / "schema").glob("*.sql") if p not in DEFINITIONS)
BOILERPLATE = (
    "v_area_current",                      # the unit mapping: view_units()
    "ELSE area_id END",
    "list_contains($sources", "list_contains(p_sources",
    "list_contains($areas", "list_contains(p_areas",
    "list_contains($activities", "list_contains(p_activities",
    "list_contains($sectors", "list_contains(p_sectors",
    "$include_illustrative OR", "p_include_illustrative OR",
    "years_reported, 0) = 0",              # the total rule: funding_in_view()
    "counterpart_with_both_mvnd) /",       # leverage: leverage()
)


@pytest.mark.parametrize("path", QUERY_FILES, ids=lambda p: p.name)
def test_no_query_repeats_the_view_rules(path):
    text = path.read_text(encoding="utf-8")
    assert [b for b in BOILERPLATE if b in text] == []


def test_the_macro_file_holds_every_rule():
    text = MACROS.read_text(encoding="utf-8")
    for macro in ("allocations_in_view", "project_cube_in_view", "outcome_cube_in_view", "funding_in_view",
                  "leverage"):
        assert f"CREATE MACRO {macro}(" in text


def test_every_filtered_query_starts_from_a_macro():
    filtered = [p for p in QUERY_FILES if p.parent.name == "sql" and "$include_illustrative" in p.read_text()]
    assert filtered
    for path in filtered:
        assert "_in_view(" in path.read_text(encoding="utf-8") or "_rows(" in path.read_text(encoding="utf-8"), path


def test_total_rule_counts_a_period_total_only_without_annual_figures(real_db):
    """Nghệ An's central 2002–2018 total has no annual figure: counted; its local total has them: left out."""
    rows = real_db.execute(
        "SELECT funding_source, counted FROM funding_in_view([], false, 'allocated', false, "
        "['local', 'central'], 2002, 2018) WHERE NOT is_annual ORDER BY funding_source").fetchall()
    assert rows == [("central", True), ("local", False)]


@pytest.mark.parametrize(("counterpart", "actual", "expected"), [
    (50, 100, 0.5), (0, 100, 0.0), (10, 0, None), (None, None, None),
])
def test_leverage(real_db, counterpart, actual, expected):
    assert real_db.execute("SELECT leverage(?::DECIMAL(18, 3), ?::DECIMAL(18, 3))",
                           [counterpart, actual]).fetchone()[0] == expected
