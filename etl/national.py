"""Illustrative national-scale data for benchmarks: 63 provinces, 2001–2025, any number of projects.

Rows are generated inside DuckDB (hash of the row number and the seed), so 10 million projects load without
passing through Python. Every row is is_illustrative = true and cites the illustrative document.
"""

import time
from pathlib import Path

import duckdb

from etl import demo
from etl.atomic import replace_database
from etl.build import Progress, apply_schema, load_bundled, print_progress
from etl.load_log import log_load
from etl.paths import SQL_DIR
from khuyencong.i18n.formatting import format_number
from khuyencong.i18n.labels import t

NATIONAL_SQL = SQL_DIR / "national"
YEARS = 25
PROVINCES = 63
ANNUAL_MVND = 3000  # a province's yearly khuyến công money, about 3 tỷ đồng, at every scale
ILLUSTRATIVE_DOCUMENT = {
    "doc_id": demo.DEMO_DOC_ID,
    "title": "Dữ liệu minh họa quy mô toàn quốc do chương trình tạo (không phải số liệu thật)",
    "publisher": "Nhóm phát triển dashboard (python -m etl national)",
    "note": "Sinh bằng hàm băm có seed để đo hiệu năng ở quy mô toàn quốc. Không dùng để báo cáo.",
}


def _run(con: duckdb.DuckDBPyConnection, name: str, params: dict | None = None) -> duckdb.DuckDBPyConnection:
    return con.execute((NATIONAL_SQL / name).read_text(encoding="utf-8"), params or {})


def _create_mixes(con: duckdb.DuckDBPyConnection) -> None:
    """Which sectors each activity serves and which indicators it reports, from the demo generator's model."""
    activity_names = dict(con.execute("SELECT activity_id, name_vi FROM activity").fetchall())
    _run(con, "00_mix_tables.sql")
    mix, indicators = [], []
    for activity, (sectors, per_unit) in demo.ACTIVITIES.items():
        for sector in sectors:
            mix.append((len(mix), activity, sector, activity_names[activity], activity in demo.WITH_COUNTERPART))
            for indicator in per_unit:
                indicators.append((activity, sector, indicator))
    con.executemany("INSERT INTO national_mix VALUES (?, ?, ?, ?, ?)", mix)
    con.executemany("INSERT INTO national_indicator_mix VALUES (?, ?, ?)", indicators)


def add_national_data(con: duckdb.DuckDBPyConnection, projects: int, seed: int = demo.DEFAULT_SEED,
                      progress: Progress = print_progress) -> dict[str, int]:
    """Write `projects` illustrative projects with outcomes and allocations; return row counts per table."""
    per_area_year = max(1.0, projects / (PROVINCES * YEARS) * 0.7)  # 7 in 10 projects are locally funded
    con.execute("BEGIN")
    try:
        _run(con, "00_document.sql", ILLUSTRATIVE_DOCUMENT)
        _run(con, "01_areas.sql")
        _create_mixes(con)
        _run(con, "01b_row_numbers.sql", {"projects": projects})
        for table, name, params in (
            ("project", "02_projects.sql", {"projects": projects, "seed": seed, "annual_mvnd": ANNUAL_MVND,
                                            "per_area_year": per_area_year}),
            ("project", "02b_fit_real.sql", None),
            ("outcome", "03_outcomes.sql", {"seed": seed}),
            ("allocation", "04_allocations.sql", None),
        ):
            started = time.perf_counter()
            _run(con, name, params)
            progress(f"{table}: {time.perf_counter() - started:.1f} s")
        row = _run(con, "05_counts.sql", {"doc_id": demo.DEMO_DOC_ID}).fetchone()
        counts = dict(zip(("project", "outcome", "allocation"), row, strict=True))
        log_load(con, "etl/national.py", None, sum(counts.values()), "ok",
                 t("etl_log_national_data", "vi", seed=seed, counts=", ".join(f"{k} {v}" for k, v in counts.items())))
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
    return counts


def build_national_database(db_path: Path, projects: int, seed: int = demo.DEFAULT_SEED,
                            progress: Progress = print_progress) -> dict[str, int]:
    """Build the bundled real data plus national illustrative data into db_path, swapped in atomically."""
    counts: dict[str, int] = {}

    def write(con: duckdb.DuckDBPyConnection) -> None:
        apply_schema(con)
        load_bundled(con, progress)
        counts.update(add_national_data(con, projects, seed, progress))

    started = time.perf_counter()
    replace_database(Path(db_path), write)
    progress(t("etl_built_national", "vi", db=db_path, projects=format_number(projects, "vi"),
               seconds=f"{time.perf_counter() - started:.1f}"))
    return counts
