"""A smoke run of the page benchmark at 10.000 projects: it runs every page, writes its results (to a temporary file,
never over bench/results.md), and its pandas peer computes the same totals as the dashboard."""

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PAGES = ("overview", "trends", "outcomes", "plan_actual", "compare", "data", "sources")
FIGURES = ("cold_s", "change_median_s", "change_worst_s", "warm_s", "floor_s", "pandas_s", "sqlite_s")


@pytest.fixture(scope="module")
def smoke_run(tmp_path_factory):
    """bench_pages.py at 10.000 projects with two filter changes, into a temporary folder."""
    folder = tmp_path_factory.mktemp("bench")
    md, results = folder / "results.md", folder / "results.json"
    done = subprocess.run(
        [sys.executable, "bench/bench_pages.py", "--scales", "10000", "--data-dir", str(folder / "data"),
         "--changes", "2", "--warm", "1", "--results-md", str(md), "--results-json", str(results)],
        cwd=ROOT, capture_output=True, text=True, timeout=1800)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-4000:]
    return md.read_text(encoding="utf-8"), json.loads(results.read_text(encoding="utf-8"))["pages"]


def test_every_page_is_measured_with_positive_figures(smoke_run):
    _, figures = smoke_run
    scale = figures["scales"]["10000"]
    assert scale["database"]["rows"]["project"] >= 10_000
    assert list(scale["pages"]) == list(PAGES)
    for page, measured in scale["pages"].items():
        assert measured["errors"] == [], (page, measured["errors"])
        assert all(measured[key] > 0 for key in FIGURES), (page, {key: measured[key] for key in FIGURES})
        assert measured["queries_per_change"] > 0, page  # a filter change must reach the database
    assert scale["dashboard"]["peak_rss_mb"] > 0


def test_the_pandas_peer_computes_the_dashboards_totals(smoke_run):
    _, figures = smoke_run
    for page, measured in figures["scales"]["10000"]["pages"].items():
        pandas, dashboard = measured["totals"]["pandas"], measured["totals"]["dashboard"]
        assert pandas.keys() == dashboard.keys() and pandas, page
        assert any(value for value in dashboard.values()), (page, dashboard)  # not a comparison of empty views
        for key, value in dashboard.items():
            assert pandas[key] == pytest.approx(value, rel=1e-9), (page, key)


def test_the_results_section_has_a_row_per_page_and_the_targets(smoke_run):
    text, figures = smoke_run
    section = re.search(r"<!-- pages:start -->(.*)<!-- pages:end -->", text, re.S).group(1)
    assert "### 10.000 projects" in section
    for page in PAGES:
        row = re.search(rf"^\| {page} \| ([\d.]+) \|", section, re.M)
        assert row and float(row.group(1)) > 0, page
    assert "### Targets at 10.000 projects" in section
    assert any(row["target"].startswith("peak memory") and row["met"] is not None for row in figures["targets"])


def test_the_cpu_bench_sets_each_page_against_the_cpu_of_its_own_queries(tmp_path):
    """bench/pages_cpu.py on the 10.000-project database: a change of the sidebar filters reaches the database (the
    floor is the CPU of those queries) and the page costs more than its queries alone."""
    database = tmp_path / "national-10k.duckdb"
    subprocess.run([sys.executable, "-m", "etl", "national", "--projects", "10000", "--db", str(database)],
                   cwd=ROOT, check=True, capture_output=True, timeout=600)
    out = tmp_path / "cpu.json"
    done = subprocess.run([sys.executable, "bench/pages_cpu.py", str(database), "--changes", "2",
                           "--pages", "trends,data", "--out", str(out)],
                          cwd=ROOT, capture_output=True, text=True, timeout=1200)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-4000:]
    pages = json.loads(out.read_text(encoding="utf-8"))["pages"]
    assert list(pages) == ["trends", "data"]
    for page, figures in pages.items():
        assert figures["errors"] == [], page
        assert 0 < figures["floor_cpu_s"] < figures["app_cpu_s"], (page, figures)
        assert figures["ratio"] == figures["app_cpu_s"] / figures["floor_cpu_s"]
