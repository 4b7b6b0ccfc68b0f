"""The view rules (unit mapping, shared filters, the total rule, leverage) are SQL macros; here, what they compute.
(That no query repeats them is a lint rule: tools/lint_rules.py.)"""

import pytest


def test_total_rule_counts_a_period_total_only_without_annual_figures(real_db):
    """Nghệ An's central 2002–2018 total has no annual figure: counted; its local total has them: left out."""
    rows = real_db.execute(
        "SELECT funding_source, counted FROM funding_in_view([], false, 'allocated', false, "
        "['local', 'central'], 2002, 2018) WHERE NOT is_annual AND area_id = 'nghe-an' ORDER BY funding_source"
    ).fetchall()
    assert rows == [("central", True), ("local", False)]


@pytest.mark.parametrize(("counterpart", "actual", "expected"), [
    (50, 100, 0.5), (0, 100, 0.0), (10, 0, None), (None, None, None),
])
def test_leverage(real_db, counterpart, actual, expected):
    assert real_db.execute("SELECT leverage(?::DECIMAL(18, 3), ?::DECIMAL(18, 3))",
                           [counterpart, actual]).fetchone()[0] == expected
