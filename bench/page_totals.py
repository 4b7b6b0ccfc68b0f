"""The dashboard's own headline figures of each page for one view, through the app's functions and queries, to set
against the pandas peer's (pandas_peer.main_totals): the peer is only a fair comparison if it computes the same.

    .venv/bin/python bench/page_totals.py DB PLAN.json OUT.json
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def as_number(value) -> float | None:
    return None if value is None or pd.isna(value) else float(value)


def app_totals(query, page: str, filters) -> dict:
    """The same keys as pandas_peer.main_totals, from the code the page runs (`query`: a query function)."""
    from khuyencong.figures.compare import comparison_figures
    from khuyencong.figures.data import table_rows, table_summary
    from khuyencong.figures.outcomes import funding_by_group
    from khuyencong.figures.overview import overview_figures
    from khuyencong.figures.plan_actual import money_rows
    from khuyencong.figures.trends import trend_figures

    if page == "overview":
        figures = overview_figures(query, filters)
        return {"khuyen_cong_mvnd": figures.funding.khuyen_cong_mvnd, "projects": figures.projects["projects"],
                "establishments": figures.establishments["establishments"]}
    if page == "trends":
        figures = trend_figures(query, filters)
        return {"annual_mvnd": figures.by_source["amount_mvnd"].sum(), "years": len(figures.totals)}
    if page == "outcomes":
        groups = funding_by_group(query, filters)
        return {"projects": groups["projects"].sum(), "actual_mvnd": groups["actual_mvnd"].sum()}
    if page == "plan_actual":
        total = money_rows(query("plan_money", **filters.sql_params()), "total")
        return {"projects": total["projects"].sum(), "plan_mvnd": total["plan_mvnd"].astype(float).sum(),
                "actual_mvnd": total["actual_mvnd"].astype(float).sum()}
    if page == "compare":
        units = comparison_figures(query, filters).units
        return {"units": len(units), "total_mvnd": units["total_mvnd"].sum(), "projects": units["projects"].sum()}
    if page == "data":
        first = table_rows(query, "projects", filters)
        return {"project_rows": table_summary(query, "projects", filters)["total_rows"], "first_page_rows": len(first),
                "first_page_actual_mvnd": first["actual_mvnd"].astype(float).sum()}
    if page == "sources":
        return {"figures_in_view": query("document_figures", **filters.sql_params())["figures_in_view"].sum()}
    raise KeyError(page)


def main(db: str, plan_path: str, out_path: str) -> int:
    from khuyencong.data.database import Database
    from khuyencong.data.filters import Filters
    from khuyencong.data.queries import database_query

    query = database_query(Database(Path(db)))  # the core runs without Streamlit

    plan = json.loads(Path(plan_path).read_text(encoding="utf-8"))
    change = plan["changes"][0]
    filters = Filters(areas=tuple(change["areas"]), year_from=change["years"][0], year_to=change["years"][1],
                      include_illustrative=True)  # the benchmark views are of illustrative data
    totals = {}
    for page in plan["pages"]:
        try:
            totals[page] = {k: as_number(v) for k, v in app_totals(query, page, filters).items()}
        except Exception as error:  # a page that fails here fails for the viewer too: report it, measure the rest
            totals[page] = {"error": f"{type(error).__name__}: {error}"}
    Path(out_path).write_text(json.dumps(totals), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:4]))
