"""The pandas peer of bench_pages.py: the aggregates each page shows, computed the way most Streamlit dashboards do
it, with boolean masks and groupby on DataFrames loaded once and held in memory.

The rules are the app's (a NULL amount stays not reported, period totals are added only when no year of their span
has an annual figure and no later period total of the same area, source and kind shares a year with them, of two
documents giving one figure only the newest counts, a figure of part of a year is never counted, counterpart capital
and loans are not khuyến công money); the areas are the areas as reported. Every
page also computes the overview KPIs, because the dashboard computes them on every page for the sidebar's deck.

    .venv/bin/python bench/pandas_peer.py DB PLAN.json OUT.json
"""

from __future__ import annotations

import json
import resource
import statistics
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import numpy as np
import pandas as pd

TABLES = ("allocation", "project", "outcome", "area", "indicator", "activity", "sector", "source_document",
          "funding_source", "project_status")
PAGE_ROWS = 500  # rows per page of the Data page's table


@dataclass(frozen=True)
class View:
    """The filters of one page view (areas as reported; empty = all)."""

    year_from: int
    year_to: int
    areas: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()  # funding sources in view: view_of() gives every source of the database
    activities: tuple[str, ...] = ()
    sectors: tuple[str, ...] = ()
    include_illustrative: bool = True


@dataclass
class Data:
    frames: dict[str, pd.DataFrame] = field(default_factory=dict)

    def __getitem__(self, name: str) -> pd.DataFrame:
        return self.frames[name]

    @property
    def all_sources(self) -> tuple[str, ...]:
        """Every funding source of the benchmarked database's code list, in its order."""
        return tuple(self["funding_source"].sort_values("sort_order")["funding_source_id"])

    def is_project(self, projects: pd.DataFrame) -> pd.Series:
        """A row counts as a project unless its status is not one yet (a proposal under appraisal: is_project)."""
        table = self["project_status"]
        not_yet = set(table.loc[~table["is_project"].astype(bool), "status_id"])
        return ~projects["status"].isin(not_yet)

    @property
    def khuyen_cong_sources(self) -> tuple[str, ...]:
        """The sources that are khuyến công money (not counterpart capital), as the code list marks them."""
        table = self["funding_source"].sort_values("sort_order")
        return tuple(table.loc[table["is_khuyen_cong"].astype(bool), "funding_source_id"])


def read_table(con: duckdb.DuckDBPyConnection, table: str) -> pd.DataFrame:
    """The whole table, read a column at a time: reading it at once briefly needs about three times the memory
    the DataFrame keeps, too much at 10.000.000 projects. DuckDB keeps a table's row order in plain scans."""
    columns = [row[0] for row in con.execute("SELECT column_name FROM information_schema.columns "
                                             "WHERE table_name = ? ORDER BY ordinal_position", [table]).fetchall()]
    return pd.DataFrame({column: con.execute(f'SELECT "{column}" FROM {table}').df()[column] for column in columns})


def load(db: str) -> Data:
    """Every table a page needs, read once into DataFrames (as a dashboard caches them with st.cache_data)."""
    con = duckdb.connect(db, read_only=True)
    con.execute("SET enable_progress_bar = false")
    data = Data({name: read_table(con, name) for name in TABLES})
    con.close()
    return data


# Masks ----------------------------------------------------------------------------------------------------------

def _any_of(column: pd.Series, values) -> pd.Series:
    return column.isin(values) if values else pd.Series(True, index=column.index)


def _common(d: Data, frame: pd.DataFrame, view: View) -> pd.Series:
    """Areas as selected; no area selected: provinces only (a region's or the country's figure is never added)."""
    if view.areas:
        mask = frame["area_id"].isin(view.areas)
    else:
        area = d["area"]
        mask = frame["area_id"].isin(area.loc[area["level"] == "province", "area_id"])
    return mask if view.include_illustrative else mask & ~frame["is_illustrative"]


def project_mask(d: Data, view: View) -> pd.Series:
    p = d["project"]
    return (p["year"].between(view.year_from, view.year_to) & _common(d, p, view)
            & (p["funding_source"].isna() | p["funding_source"].isin(view.sources))
            & _any_of(p["activity_id"], view.activities) & _any_of(p["sector_id"], view.sectors))


def outcome_mask(d: Data, view: View) -> pd.Series:
    o = d["outcome"]
    mask = (o["year"].between(view.year_from, view.year_to) & _common(d, o, view)
            & _any_of(o["activity_id"], view.activities) & _any_of(o["sector_id"], view.sectors)
            & ~(o["year_from"] < o["year"]).fillna(False))  # a count over several years is no year's count
    # Where a year's count is reported as a total and in parts by funding source, only the total counts.
    keys = ["area_id", "year", "period", "indicator_id"]
    has_total = o["funding_source"].isna().where(mask, False).groupby([o[k] for k in keys]).transform("any")
    return mask & (o["funding_source"].isna() | ~has_total)


def allocation_overlap(d: Data, view: View) -> pd.Series:
    a = d["allocation"]
    return ((a["year_to"] >= view.year_from) & (a["year_from"] <= view.year_to) & _common(d, a, view)
            & a["funding_source"].isin(view.sources))


# Funding (allocations) ------------------------------------------------------------------------------------------

def newest_whole(d: Data) -> pd.Series:
    """The allocations a sum may count: the newest document's version of each figure (published_on, then doc_id),
    and no figure of part of a year (partial_period)."""
    a = d["allocation"]
    published = a["doc_id"].map(d["source_document"].set_index("doc_id")["published_on"])
    order = a.assign(_published=published).sort_values(["_published", "doc_id"], ascending=[False, True],
                                                        na_position="last", kind="stable")
    newest = ~order.duplicated(["area_id", "year_from", "year_to", "funding_source", "figure"])
    return newest.reindex(a.index) & a["partial_period"].isna()


def annual_allocations(d: Data, view: View, figure: str = "allocated") -> pd.DataFrame:
    a = d["allocation"]
    mask = (allocation_overlap(d, view) & (a["year_from"] == a["year_to"]) & (a["figure"] == figure)
            & a["amount_mvnd"].notna() & newest_whole(d))
    return a[mask].rename(columns={"year_from": "year"})


def reconciliation(d: Data) -> pd.DataFrame:
    """Every period total with the number of years of its span that have an annual figure, and their sum."""
    a = d["allocation"]
    periods = a[a["year_from"] < a["year_to"]].reset_index(names="period_row")
    annual = a[(a["year_from"] == a["year_to"]) & a["amount_mvnd"].notna()]
    annual = annual[["area_id", "funding_source", "figure", "year_from", "amount_mvnd", "is_illustrative"]]
    pairs = periods.merge(annual.rename(columns={"year_from": "year", "amount_mvnd": "annual_mvnd",
                                                 "is_illustrative": "annual_illustrative"}),
                          on=["area_id", "funding_source", "figure"])
    pairs = pairs[pairs["year"].between(pairs["year_from"], pairs["year_to"])]
    stats = pairs.groupby("period_row").agg(years_reported=("year", "nunique"), annual_sum_mvnd=("annual_mvnd", "sum"),
                                            annual_illustrative=("annual_illustrative", "any"))
    periods = periods.merge(stats, left_on="period_row", right_index=True, how="left")
    periods["years_reported"] = periods["years_reported"].fillna(0).astype(int)
    periods["includes_illustrative"] = periods["is_illustrative"] | periods["annual_illustrative"].fillna(False)
    periods["gap_mvnd"] = periods["amount_mvnd"] - periods["annual_sum_mvnd"]
    return periods


def period_totals(d: Data, view: View, figure: str = "allocated") -> pd.DataFrame:
    """Period totals overlapping the view; usable when inside the years and without annual figures."""
    periods = reconciliation(d)
    periods = periods[(periods["figure"] == figure) & (periods["year_to"] >= view.year_from)
                      & (periods["year_from"] <= view.year_to) & periods["funding_source"].isin(view.sources)
                      & _common(d, periods, view) & periods["amount_mvnd"].notna()]
    inside = (periods["year_from"] >= view.year_from) & (periods["year_to"] <= view.year_to)
    candidate = inside & (periods["years_reported"] == 0) & periods["period_row"].map(newest_whole(d))
    # a candidate that shares a year with a later candidate of the same area, source and kind gives way to it
    later = periods[candidate].merge(periods[candidate], on=["area_id", "funding_source", "figure"],
                                     suffixes=("", "_other"))
    later = later[(later["year_from_other"] <= later["year_to"]) & (later["year_to_other"] >= later["year_from"])
                  & ((later["year_to_other"] > later["year_to"]) | ((later["year_to_other"] == later["year_to"])
                                                                   & (later["year_from_other"] > later["year_from"])))]
    return periods.assign(usable=candidate & ~periods["period_row"].isin(set(later["period_row"])))


def funding_by_source(annual: pd.DataFrame, periods: pd.DataFrame) -> pd.Series:
    used = periods[periods["usable"]]
    return annual.groupby("funding_source")["amount_mvnd"].sum().add(
        used.groupby("funding_source")["amount_mvnd"].sum(), fill_value=0)


def overview_kpis(d: Data, view: View) -> dict:
    """The overview's cards and small trend (the dashboard also builds them on every page, for the deck)."""
    annual, periods = annual_allocations(d, view), period_totals(d, view)
    by_source = funding_by_source(annual, periods)
    p = d["project"][project_mask(d, view)]
    both = p["actual_mvnd"].notna() & p["counterpart_mvnd"].notna()
    o = d["outcome"]
    counted = d["indicator"].loc[d["indicator"]["unit_vi"] == "cơ sở", "indicator_id"]
    establishments = o[outcome_mask(d, view) & (o["period"] == "year") & o["indicator_id"].isin(counted)]
    kc = by_source[by_source.index.isin(d.khuyen_cong_sources)]
    return {
        "by_source": by_source, "khuyen_cong_mvnd": float(kc.sum()) if len(kc) else None,
        "trend": annual[annual["funding_source"] != "counterpart"].groupby("year")["amount_mvnd"].sum(),
        "projects": int(d.is_project(p).sum()), "projects_with_actual": int(p["actual_mvnd"].notna().sum()),
        "actual_mvnd": p["actual_mvnd"].sum(min_count=1),
        "leverage": p.loc[both, "counterpart_mvnd"].sum() / p.loc[both, "actual_mvnd"].sum() if both.any() else None,
        "establishments": establishments["actual_value"].sum(min_count=1),
        "documents": set(annual["doc_id"]) | set(p["doc_id"]) | set(establishments["doc_id"]),
    }


# Pages ----------------------------------------------------------------------------------------------------------

def overview_page(d: Data, view: View) -> dict:
    return overview_kpis(d, view)


def trends_page(d: Data, view: View) -> dict:
    annual = annual_allocations(d, view)
    by_unit = annual.groupby(["area_id", "year", "funding_source"], as_index=False)["amount_mvnd"].sum()
    by_source = by_unit.groupby(["year", "funding_source"], as_index=False)["amount_mvnd"].sum()
    totals = by_unit.groupby("year")["amount_mvnd"].sum().sort_index()
    consecutive = pd.Series(totals.index, index=totals.index).diff() == 1
    change = ((totals - totals.shift(1)) / totals.shift(1) * 100).where(consecutive & (totals.shift(1) > 0))
    return {"by_unit": by_unit, "by_source": by_source, "totals": totals, "change": change.dropna(),
            "periods": period_totals(d, view), "deck": overview_kpis(d, view)}


def _not_reported_sum(series: pd.Series) -> float:
    return series.sum(min_count=1)


def project_groups(p: pd.DataFrame) -> pd.DataFrame:
    frame = p.assign(activity_id=p["activity_id"].fillna(""), sector_id=p["sector_id"].fillna(""),
                     actual_with_counterpart=p["actual_mvnd"].where(p["counterpart_mvnd"].notna()))
    return frame.groupby(["activity_id", "sector_id"], as_index=False).agg(
        projects=("project_id", "size"), projects_with_actual=("actual_mvnd", "count"),
        plan_mvnd=("plan_mvnd", _not_reported_sum), actual_mvnd=("actual_mvnd", _not_reported_sum),
        counterpart_mvnd=("counterpart_mvnd", _not_reported_sum),
        actual_with_counterpart_mvnd=("actual_with_counterpart", _not_reported_sum))


def cost_per_outcome(d: Data, view: View, p: pd.DataFrame) -> pd.DataFrame:
    keys = ["area_id", "year", "activity_id", "sector_id"]
    money = p[p["actual_mvnd"].notna()].groupby(keys, as_index=False)["actual_mvnd"].sum()
    o = d["outcome"]
    results = o[(o["period"] == "year") & (o["actual_value"] > 0)]
    if not view.include_illustrative:
        results = results[~results["is_illustrative"]]
    results = results.groupby(keys + ["indicator_id"], as_index=False)["actual_value"].sum()
    cells = money.merge(results, on=keys).merge(d["indicator"], on="indicator_id")
    cells = cells[~cells["is_money"]]
    cost = cells.groupby(["activity_id", "indicator_id"], as_index=False)[["actual_mvnd", "actual_value"]].sum()
    return cost.assign(mvnd_per_unit=cost["actual_mvnd"] / cost["actual_value"])


def outcomes_page(d: Data, view: View) -> dict:
    p = d["project"][project_mask(d, view)]
    groups = project_groups(p)
    by_activity = groups.groupby("activity_id", as_index=False)[["projects", "plan_mvnd", "actual_mvnd"]].sum()
    o = d["outcome"]
    rows = o[outcome_mask(d, view) & (o["period"] == "year")]
    indicators = rows.assign(activity_id=rows["activity_id"].fillna(""), sector_id=rows["sector_id"].fillna("")) \
        .groupby(["indicator_id", "activity_id", "sector_id"], as_index=False)["actual_value"].sum(min_count=1) \
        .merge(d["indicator"], on="indicator_id")
    top = p.sort_values(["actual_mvnd", "plan_mvnd", "year", "project_id"], ascending=[False, False, False, True],
                        na_position="last").head(15)
    return {"groups": groups, "by_activity": by_activity, "indicators": indicators,
            "cost": cost_per_outcome(d, view, p), "top": top, "deck": overview_kpis(d, view)}


def plan_money(p: pd.DataFrame) -> dict[str, pd.DataFrame]:
    frame = p.assign(source=p["funding_source"].fillna("unknown"),
                     both=p["plan_mvnd"].notna() & p["actual_mvnd"].notna(),
                     pct_plan=p["plan_mvnd"].where(p["actual_mvnd"].notna()),
                     pct_actual=p["actual_mvnd"].where(p["plan_mvnd"].notna()))
    aggregates = dict(projects=("project_id", "size"), projects_with_plan=("plan_mvnd", "count"),
                      projects_with_actual=("actual_mvnd", "count"), projects_with_both=("both", "sum"),
                      plan_mvnd=("plan_mvnd", "sum"), actual_mvnd=("actual_mvnd", "sum"),
                      pct_plan_mvnd=("pct_plan", "sum"), pct_actual_mvnd=("pct_actual", "sum"))
    grouped = {name: frame.groupby(keys, as_index=False).agg(**aggregates)
               for name, keys in (("year_source", ["year", "source"]), ("year", ["year"]), ("source", ["source"]))}
    grouped["total"] = frame.assign(all=0).groupby("all", as_index=False).agg(**aggregates)
    return grouped


def _complete_sum(values: pd.Series) -> float:
    """NULL unless every value is reported (a partial sum would pass for a complete one)."""
    return values.sum() if values.notna().all() else np.nan


def plan_indicators(rows: pd.DataFrame, periods: list[str]) -> pd.DataFrame:
    line_keys = ["area_id", "indicator_id", "activity_id", "sector_id", "is_illustrative"]
    lines = rows.groupby(line_keys, dropna=False).agg(
        periods=("period", "nunique"), plan_value=("plan_value", _complete_sum),
        actual_value=("actual_value", _complete_sum), prior_value=("prior_value", _complete_sum))
    complete = lines["periods"] == len(periods)
    for column in ("plan_value", "actual_value", "prior_value"):
        lines[column] = lines[column].where(complete)
    return lines.groupby(["area_id", "indicator_id", "is_illustrative"], dropna=False).agg(
        plan_value=("plan_value", _complete_sum), actual_value=("actual_value", _complete_sum),
        prior_value=("prior_value", _complete_sum)).reset_index()


def plan_actual_page(d: Data, view: View) -> dict:
    p = d["project"][project_mask(d, view)]
    o = d["outcome"][outcome_mask(d, view)]
    years = o.groupby(["year", "period"]).size()
    latest = int(years.index.get_level_values("year").max()) if len(years) else None
    periods = ["year"]  # the page's default period
    chosen = o[(o["year"] == latest) & o["period"].isin(periods)]
    reported = o[~o["is_illustrative"]].merge(d["indicator"], on="indicator_id")
    return {"money": plan_money(p), "indicator_years": years, "indicators": plan_indicators(chosen, periods),
            "reported": reported, "deck": overview_kpis(d, view)}


def compare_page(d: Data, view: View) -> dict:
    scope = view if len(view.areas) >= 2 else View(view.year_from, view.year_to, (), view.sources, view.activities,
                                                   view.sectors, view.include_illustrative)
    annual, periods = annual_allocations(d, scope), period_totals(d, scope)
    used = periods[periods["usable"]]
    funding = annual.groupby(["area_id", "funding_source"])["amount_mvnd"].sum().add(
        used.groupby(["area_id", "funding_source"])["amount_mvnd"].sum(), fill_value=0).rename("amount_mvnd")
    money = annual[annual["funding_source"].isin(d.khuyen_cong_sources)]
    years = money.groupby("area_id")["year"].nunique()
    p = d["project"][project_mask(d, scope)]
    p = p[d.is_project(p)]
    projects = p.groupby("area_id").agg(projects=("project_id", "size"), with_actual=("actual_mvnd", "count"))
    o = d["outcome"]
    o = o[outcome_mask(d, scope) & (o["period"] == "year")]
    outcomes = o.groupby(["area_id", "indicator_id"])["actual_value"].sum(min_count=1)
    if len(view.areas) >= 2:
        units = list(view.areas)
    else:
        seen = set(funding.index.get_level_values("area_id")) | set(projects.index) | set(
            outcomes.index.get_level_values("area_id"))
        area = d["area"]
        provinces = area.loc[(area["level"] == "province") & area["area_id"].isin(seen), "area_id"]
        units = list(dict.fromkeys([*sorted(provinces), *view.areas]))
    kc = funding[funding.index.get_level_values("funding_source").isin(d.khuyen_cong_sources)]
    table = pd.DataFrame({"unit_id": units}).set_index("unit_id")
    table["total_mvnd"] = kc.groupby(level="area_id").sum()
    table["years_with_figures"] = years
    table["projects"] = projects["projects"]
    growth = money.groupby(["area_id", "year"])["amount_mvnd"].sum()
    return {"table": table, "funding": funding, "outcomes": outcomes, "growth": growth,
            "deck": overview_kpis(d, view)}


def _named(frame: pd.DataFrame, d: Data) -> pd.DataFrame:
    names = d["area"][["area_id", "name_vi", "name_en"]].rename(columns={"name_vi": "area_vi", "name_en": "area_en"})
    titles = d["source_document"][["doc_id", "title"]].rename(columns={"title": "doc_title"})
    return frame.merge(names, on="area_id", how="left").merge(titles, on="doc_id", how="left")


def data_page(d: Data, view: View) -> dict:
    """The page's default table (projects): how many rows are in view, from which documents, and the first page
    of rows in the page's order with names."""
    p = d["project"][project_mask(d, view)]
    first = p.sort_values(["area_id", "year", "project_id"]).head(PAGE_ROWS)
    codes = {name: d[name][[f"{name}_id", "name_vi"]].rename(columns={"name_vi": f"{name}_vi"})
             for name in ("activity", "sector")}
    first = _named(first, d).merge(codes["activity"], on="activity_id", how="left") \
        .merge(codes["sector"], on="sector_id", how="left")
    return {"rows": len(p), "doc_ids": sorted(p["doc_id"].unique()),
            "has_illustrative": bool(p["is_illustrative"].any()), "first_page": first, "deck": overview_kpis(d, view)}


def completeness(d: Data, view: View) -> pd.DataFrame:
    """Status of the annual khuyến công allocation of each unit in view, source and year."""
    a = d["allocation"]
    alloc = a[(a["figure"] == "allocated") & a["funding_source"].isin(d.khuyen_cong_sources)
              & a["funding_source"].isin(view.sources)]
    if not view.include_illustrative:
        alloc = alloc[~alloc["is_illustrative"]]
    overlapping = alloc[(alloc["year_to"] >= view.year_from) & (alloc["year_from"] <= view.year_to)]
    units = list(view.areas) or sorted(set(overlapping["area_id"]))
    sources = [s for s in d.khuyen_cong_sources if s in view.sources]
    grid = pd.MultiIndex.from_product([units, sources, range(view.year_from, view.year_to + 1)],
                                      names=["area_id", "funding_source", "year"]).to_frame(index=False)
    annual = alloc[(alloc["year_from"] == alloc["year_to"])].rename(columns={"year_from": "year"})
    annual = annual.groupby(["area_id", "funding_source", "year"], as_index=False).agg(
        rows=("amount_mvnd", "size"), reported=("amount_mvnd", "count"), amount=("amount_mvnd", "sum"))
    spans = overlapping[overlapping["year_from"] < overlapping["year_to"]]
    covered = spans.assign(year=[list(range(f, t + 1)) for f, t in zip(spans["year_from"], spans["year_to"])]) \
        .explode("year").astype({"year": int}) \
        .groupby(["area_id", "funding_source", "year"], as_index=False) \
        .agg(period_rows=("amount_mvnd", "size"), period_reported=("amount_mvnd", "count"))
    cells = grid.merge(annual, how="left").merge(covered, how="left")
    cells["status"] = np.select(
        [(cells["reported"] > 0) & (cells["amount"] > 0), cells["reported"] > 0, cells["rows"] > 0,
         cells["period_reported"] > 0, cells["period_rows"] > 0],
        ["reported", "zero", "not_reported", "period", "not_reported"], "none")
    return cells


def sources_page(d: Data, view: View) -> dict:
    a = d["allocation"]
    in_view = pd.concat([a.loc[allocation_overlap(d, view), "doc_id"],
                         d["project"].loc[project_mask(d, view), "doc_id"],
                         d["outcome"].loc[outcome_mask(d, view), "doc_id"]])
    overall = pd.concat([a["doc_id"], d["project"]["doc_id"], d["outcome"]["doc_id"]])
    documents = d["source_document"].set_index("doc_id")
    documents["figures_in_view"] = in_view.value_counts().reindex(documents.index, fill_value=0)
    documents["figures_total"] = overall.value_counts().reindex(documents.index, fill_value=0)
    periods = reconciliation(d)
    periods = periods[(periods["year_to"] >= view.year_from) & (periods["year_from"] <= view.year_to)
                      & periods["funding_source"].isin(view.sources) & _any_of(periods["area_id"], view.areas)]
    if not view.include_illustrative:
        periods = periods[~periods["includes_illustrative"]]
    return {"documents": documents, "reconciliation": periods, "completeness": completeness(d, view),
            "deck": overview_kpis(d, view)}


PAGES = {"overview": overview_page, "trends": trends_page, "outcomes": outcomes_page,
         "plan_actual": plan_actual_page, "compare": compare_page, "data": data_page, "sources": sources_page}


def main_totals(page: str, out: dict) -> dict:
    """The headline figures of a page, to set against the dashboard's own queries for the same view."""
    if page == "overview":
        return {"khuyen_cong_mvnd": out["khuyen_cong_mvnd"], "projects": out["projects"],
                "establishments": out["establishments"]}
    if page == "trends":
        return {"annual_mvnd": out["by_source"]["amount_mvnd"].sum(), "years": len(out["totals"])}
    if page == "outcomes":
        return {"projects": out["groups"]["projects"].sum(), "actual_mvnd": out["groups"]["actual_mvnd"].sum()}
    if page == "plan_actual":
        total = out["money"]["total"]
        return {"projects": total["projects"].sum(), "plan_mvnd": total["plan_mvnd"].sum(),
                "actual_mvnd": total["actual_mvnd"].sum()}
    if page == "compare":
        table = out["table"]
        return {"units": len(table), "total_mvnd": table["total_mvnd"].sum(), "projects": table["projects"].sum()}
    if page == "data":
        return {"project_rows": out["rows"], "first_page_rows": len(out["first_page"]),
                "first_page_actual_mvnd": out["first_page"]["actual_mvnd"].sum()}
    if page == "sources":
        return {"figures_in_view": out["documents"]["figures_in_view"].sum()}
    raise KeyError(page)


def as_number(value) -> float | None:
    return None if value is None or pd.isna(value) else float(value)


def view_of(change: dict, data: Data) -> View:
    return View(int(change["years"][0]), int(change["years"][1]), tuple(change["areas"]), data.all_sources)


def run(db: str, plan: dict) -> dict:
    """Load once, then each page for each filter change: seconds, and the main totals of the first change."""
    started = time.perf_counter()
    data = load(db)
    result = {"load_s": time.perf_counter() - started, "rows": {n: len(f) for n, f in data.frames.items()},
              "held_mb": sum(f.memory_usage(deep=True).sum() for f in data.frames.values()) / 2**20,
              "rss_after_load_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, "pages": {}}
    for page in plan["pages"]:
        seconds, totals = [], None
        for change in plan["changes"]:
            started = time.perf_counter()
            out = PAGES[page](data, view_of(change, data))
            seconds.append(time.perf_counter() - started)
            if totals is None:
                totals = {k: as_number(v) for k, v in main_totals(page, out).items()}
        result["pages"][page] = {"changes_s": seconds, "totals": totals}
        print(f"  pandas {page}: median {statistics.median(seconds):.3f} s", flush=True)
    result["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return result


def main(db: str, plan_path: str, out_path: str) -> int:
    plan = json.loads(Path(plan_path).read_text(encoding="utf-8"))
    Path(out_path).write_text(json.dumps(run(db, plan)), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:4]))
