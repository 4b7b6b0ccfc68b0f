"""The core's layers, read from the imports: pages → ui → render → figures → data → i18n, never back up, and
Streamlit only in ui and pages (the core runs in scripts, benchmarks and tests without it)."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LAYERS = ("pages", "ui", "render", "figures", "data", "i18n")  # each may import only the ones after it
CORE = ROOT / "khuyencong"
MODULES = sorted([*CORE.glob("*/*.py"), *(ROOT / "pages").glob("*.py"), ROOT / "dashboard.py"])


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


def imported_layers(path: Path) -> set[str]:
    return {name.split(".")[1] for name in imports(path)
            if name.startswith("khuyencong.") and name.split(".")[1] in LAYERS}


def test_every_core_module_is_in_a_layer():
    assert {layer_of(p) for p in MODULES} == set(LAYERS)


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_import_back_up(path):
    layer = layer_of(path)
    above = set(LAYERS[:LAYERS.index(layer)])
    assert imported_layers(path) & above == set()


@pytest.mark.parametrize("path", [p for p in MODULES if layer_of(p) not in ("pages", "ui")],
                         ids=lambda p: str(p.relative_to(ROOT)))
def test_no_streamlit_below_ui(path):
    assert {name for name in imports(path) if name.split(".")[0] == "streamlit"} == set()


@pytest.mark.parametrize("layer", LAYERS[1:])
def test_each_layer_says_what_it_is_for(layer):
    package = CORE / layer / "__init__.py"
    assert ast.get_docstring(ast.parse(package.read_text(encoding="utf-8")))


def test_the_figures_run_without_streamlit(real_only_db_path):
    """A script reads the Overview's figures with Streamlit made unimportable."""
    import subprocess
    import sys

    script = (
        "import sys; sys.modules['streamlit'] = None\n"
        "from pathlib import Path\n"
        "from khuyencong.data.database import Database\n"
        "from khuyencong.data.filters import Filters\n"
        "from khuyencong.data.queries import database_query\n"
        "from khuyencong.figures.overview import kpis, overview_figures\n"
        f"query = database_query(Database(Path({str(real_only_db_path)!r})))\n"
        "figures = overview_figures(query, Filters(areas=('nghe-an',), year_from=2002, year_to=2018))\n"
        "print(kpis(figures, 'vi')[0].value)\n")
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "76,3 tỷ đồng"  # 60 annual local + 16,3 central (a usable period total)
