"""The project's own lint rules, read from the source text (`make lint` runs them after ruff):

- layers: khuyencong's layers import only the ones after them (pages → ui → render → figures → data → i18n), Streamlit
  only in ui and pages (the core runs in scripts, benchmarks and tests without it), each layer's package says what it
  is for;
- view rules: the unit mapping, the shared filters, the total rule and leverage are written once, in the SQL macros
  (etl/schema/25_view_macros.sql); no query repeats them and every filtered query starts from a macro.

Prints one line per finding (path: rule: what) and exits 1 if there is any; `--root DIR` checks another tree.
"""

import argparse
import ast
import sys
from collections.abc import Iterator
from pathlib import Path

LAYERS = ("pages", "ui", "render", "figures", "data", "i18n")  # each may import only the ones after it
MACROS = Path("etl/schema/25_view_macros.sql")
MACRO_NAMES = ("allocations_in_view", "project_cube_in_view", "outcome_cube_in_view", "funding_in_view", "leverage")
# Files that define what the macros build on, not a view rule.
DEFINITIONS = (Path("etl/schema/20_v_area_current.sql"), MACROS)
# Text that only a macro may hold: the rule it belongs to in the comment.
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


def layer_of(path: Path) -> str:
    return "pages" if path.parent.name == "pages" or path.name == "dashboard.py" else path.parent.name


def imports(path: Path) -> set[str]:
    """Every module the file imports, at the top or inside a function."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.add(node.module)
            found |= {f"{node.module}.{alias.name}" for alias in node.names}
    return found


def layer_findings(root: Path) -> Iterator[str]:
    core = root / "khuyencong"
    modules = sorted([*core.glob("*/*.py"), *(root / "pages").glob("*.py"), root / "dashboard.py"])
    for path in modules:
        name, layer = path.relative_to(root), layer_of(path)
        if layer not in LAYERS:
            yield f"{name}: layers: khuyencong/{layer}/ is not one of the layers {', '.join(LAYERS)}"
            continue
        found = imports(path)
        above = set(LAYERS[:LAYERS.index(layer)])
        for upper in sorted({m.split(".")[1] for m in found if m.startswith("khuyencong.")} & above):
            yield f"{name}: layers: the {layer} layer imports khuyencong.{upper}, a layer above it"
        streamlit = sorted(m for m in found if m.split(".")[0] == "streamlit")
        if streamlit and layer not in ("pages", "ui"):
            yield f"{name}: layers: imports {streamlit[0]} below ui (the core must run without Streamlit)"
    for layer in LAYERS[1:]:
        package = core / layer / "__init__.py"
        if not package.exists() or not ast.get_docstring(ast.parse(package.read_text(encoding="utf-8"))):
            yield f"khuyencong/{layer}/__init__.py: layers: no docstring saying what the layer is for"


def view_rule_findings(root: Path) -> Iterator[str]:
    definitions = {root / p for p in DEFINITIONS}
    queries = sorted((root / "khuyencong" / "data" / "sql").glob("*.sql")) + sorted(
        p for p in (root / "etl" / "schema").glob("*.sql") if p not in definitions)
    for path in queries:
        text = path.read_text(encoding="utf-8")
        name = path.relative_to(root)
        for rule in BOILERPLATE:
            if rule in text:
                yield f"{name}: view rules: repeats `{rule}`, which only {MACROS} may hold (call its macro)"
        if path.parent.name == "sql" and "$include_illustrative" in text and not (
                "_in_view(" in text or "_rows(" in text):
            yield f"{name}: view rules: a filtered query that does not start from a macro (*_in_view or *_rows)"
    macros = root / MACROS
    text = macros.read_text(encoding="utf-8") if macros.exists() else ""
    for macro in MACRO_NAMES:
        if f"CREATE MACRO {macro}(" not in text:
            yield f"{MACROS}: view rules: the macro {macro} is missing"


def findings(root: Path) -> list[str]:
    """Every finding of every rule in the tree at root."""
    return [*layer_findings(root), *view_rule_findings(root)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=Path(__file__).resolve().parent.parent)
    found = findings(parser.parse_args(argv).root)
    for line in found:
        print(line)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
