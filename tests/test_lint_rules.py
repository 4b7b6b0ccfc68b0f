"""The project's lint rules (tools/lint_rules.py, run by `make lint`): each finds the break it is for, in a small
tree made for the case, and the project itself has none."""

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
import lint_rules  # noqa: E402

MACROS = "\n".join(f"CREATE MACRO {m}(x) AS x;" for m in lint_rules.MACRO_NAMES)
CLEAN = {
    **{f"khuyencong/{layer}/__init__.py": f'"""The {layer} layer."""\n' for layer in lint_rules.LAYERS[1:]},
    "khuyencong/figures/overview.py": "from khuyencong.data.queries import run\n",
    "khuyencong/ui/shell.py": "import streamlit as st\nfrom khuyencong.render import charts\n",
    "pages/overview.py": "from khuyencong.ui import shell\n",
    "dashboard.py": "import streamlit as st\n",
    "etl/schema/25_view_macros.sql": MACROS,
    "etl/schema/20_v_area_current.sql": "CREATE VIEW v_area_current AS SELECT 1;",
    "khuyencong/data/sql/totals.sql": "SELECT * FROM funding_in_view($areas, $include_illustrative);",
}


def tree(tmp_path: Path, changes: dict[str, str | None]) -> Path:
    for name, text in {**CLEAN, **changes}.items():
        if text is not None:
            (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
            (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path


def test_a_clean_tree_has_no_finding(tmp_path):
    assert lint_rules.findings(tree(tmp_path, {})) == []


@pytest.mark.parametrize(("changes", "finding"), [
    ({"khuyencong/data/filters.py": "from khuyencong.figures import overview\n"},
     "khuyencong/data/filters.py: layers: the data layer imports khuyencong.figures, a layer above it"),
    ({"khuyencong/render/charts.py": "def f():\n    from khuyencong.ui.shell import sidebar\n"},
     "khuyencong/render/charts.py: layers: the render layer imports khuyencong.ui, a layer above it"),
    ({"khuyencong/figures/trends.py": "from streamlit.runtime import caching\n"},
     "khuyencong/figures/trends.py: layers: imports streamlit.runtime below ui (the core must run without "
     "Streamlit)"),
    ({"khuyencong/data/__init__.py": "X = 1\n"},
     "khuyencong/data/__init__.py: layers: no docstring saying what the layer is for"),
    ({"khuyencong/data/sql/years.sql": "SELECT * FROM v_area_current;"},
     "khuyencong/data/sql/years.sql: view rules: repeats `v_area_current`, which only "
     "etl/schema/25_view_macros.sql may hold (call its macro)"),
    ({"etl/schema/30_data_rows.sql": "SELECT 1 WHERE COALESCE(years_reported, 0) = 0;"},
     "etl/schema/30_data_rows.sql: view rules: repeats `years_reported, 0) = 0`, which only "
     "etl/schema/25_view_macros.sql may hold (call its macro)"),
    ({"khuyencong/data/sql/raw.sql": "SELECT * FROM allocation WHERE $include_illustrative;"},
     "khuyencong/data/sql/raw.sql: view rules: a filtered query that does not start from a macro (*_in_view or "
     "*_rows)"),
    ({"etl/schema/25_view_macros.sql": MACROS.replace("CREATE MACRO leverage(", "CREATE MACRO lev(")},
     "etl/schema/25_view_macros.sql: view rules: the macro leverage is missing"),
], ids=["data-imports-figures", "import-inside-a-function", "streamlit-below-ui", "layer-without-docstring",
        "unit-mapping-repeated", "total-rule-repeated", "filtered-query-without-macro", "macro-missing"])
def test_each_rule_names_its_break(tmp_path, changes, finding):
    assert lint_rules.findings(tree(tmp_path, changes)) == [finding]


def test_the_project_keeps_its_rules():
    """`make lint` runs this too; here it fails the suite of someone who runs only pytest."""
    assert lint_rules.findings(ROOT) == []
