"""The core runs without Streamlit: scripts, benchmarks and tests read its figures. (The import rules of the layers,
pages → ui → render → figures → data → i18n, are lint rules: tools/lint_rules.py, tested in test_lint_rules.py.)"""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


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
    # 60 annual local + 16,3 central (a usable period total); ⚑: the 60 disagree with the stated 53,7 tỷ local
    assert result.stdout.strip() == "76,3 tỷ đồng ⚑"
