"""Figures of the Compare areas page: funding, shares, growth, projects and outcomes per unit, and the ranking.

SQL aggregates per unit (compare_*.sql, one query for all units); this module combines the few rows per unit,
normalises money (absolute, per year with figures, real at a base year) and orders the ranking.
"""

from dataclasses import dataclass, field, replace

import pandas as pd

from khuyencong.data.code_lists import CodeLists, load_code_lists
from khuyencong.data.filters import Filters
from khuyencong.data.queries import Query
from khuyencong.figures.data import SIDES, qualifier_legend
from khuyencong.figures.funding import (
    DIFFERS_MARK,
    SHARE_SOURCES,
    annual_funding,
    average_annual_growth,
    difference_items,
    other_kind_text,
    partial_items,
    period_totals,
    published_value,
    qualified_items_note,
    qualified_money,
    shared_qualifier,
    to_real_values,
)
from khuyencong.i18n.formatting import (
    format_money,
    format_number,
    format_percent,
    format_year_span,
    is_missing,
    money_decimals,
)
from khuyencong.i18n.labels import N_, t

# The first is the default: each area's latest yearly figure compares; the average per reported year does too; a
# sum over the years each area happens to report does not (seventeen years of one beside one of another).
MODES = ("latest", "per_year", "absolute", "real")
MONEY_MEASURES = ("total", "local", "central")
MARK = "▶ "
MONEY_COLUMNS = {"total": "total_mvnd", "local": "local_mvnd", "central": "central_mvnd"}
MODE_LABELS = {"latest": N_("compare_mode_latest"), "absolute": N_("compare_mode_absolute"),
               "per_year": N_("compare_mode_per_year"), "real": N_("compare_mode_real")}
MODE_NOTES = {"latest": N_("compare_note_latest"), "absolute": N_("compare_note_absolute"),
              "per_year": N_("compare_note_per_year"), "real": N_("compare_note_real")}
MEASURE_LABELS = {"total": N_("compare_measure_total"), "local": N_("compare_measure_local"),
                  "central": N_("compare_measure_central"), "projects": N_("compare_measure_projects")}
COMPARABLE_COLUMNS = {"total": "latest_mvnd", "local": "latest_local_mvnd", "central": "latest_central_mvnd"}
# The kind of figure compared when the filters name none: what a budget allocates (the plan side). One kind at a
# time, so a plan and an executed figure are never added into one total.
DEFAULT_KIND = "allocated"
MONEY_HEADERS = {"total": N_("compare_col_total"), "local": N_("compare_col_local"),
                 "central": N_("compare_col_central")}


@dataclass
class Comparison:
    """Everything the page shows, for one set of filters and one way of comparing money."""

    units: pd.DataFrame              # one row per compared unit, see unit_table()
    outcomes: pd.DataFrame           # unit_id, indicator_id, name_vi/en, unit_vi/en, is_money, sort_order, actual_value
    periods: pd.DataFrame            # period totals overlapping the view: unit_id, funding_source, years, usable
    mode: str
    base_year: int | None
    highlighted: tuple[str, ...]
    selected_only: bool              # True: the selected areas; False: every province with figures
    sources: tuple[str, ...]
    funding_docs: list[str] = field(default_factory=list)
    funding_illustrative: bool = False
    project_docs: list[str] = field(default_factory=list)
    project_illustrative: bool = False
    outcome_docs: list[str] = field(default_factory=list)
    outcome_illustrative: bool = False
    codes: CodeLists | None = None   # names of the funding sources
    figure: str = DEFAULT_KIND       # the kind of figure compared (figure_kind code)
    figure_side: str | None = None   # its side: plan or executed
    qualified: pd.DataFrame | None = None    # the counted figures that are not exact (funding_qualified.sql)
    other_kinds: pd.DataFrame | None = None  # the view's other kinds of figure (compare_other_kinds.sql)
    other_figures: pd.DataFrame | None = None  # each unit's latest figure of each other kind (other_kind_figures.sql)
    published: pd.DataFrame | None = None    # the documents' own đề án counts (published_project_counts.sql)
    differences: pd.DataFrame | None = None  # stated totals the figures shown disagree with (period_disagreements)
    partial: pd.DataFrame | None = None      # figures of part of a year, never counted as whole years

    @property
    def money_measures(self) -> list[str]:
        """Total, and the budget sources that are in the view."""
        return ["total", *[s for s in SHARE_SOURCES if s in self.sources]]

    @property
    def indicators(self) -> pd.DataFrame:
        columns = ["indicator_id", "name_vi", "name_en", "unit_vi", "unit_en", "is_money", "sort_order"]
        return self.outcomes[columns].drop_duplicates("indicator_id").sort_values("sort_order")

    def selected_without_figures(self) -> list[str]:
        """Highlighted units that have no money, project or outcome figure in the view."""
        units = self.units.set_index("unit_id")
        with_outcomes = set(self.outcomes.dropna(subset=["actual_value"])["unit_id"])
        return [u for u in self.highlighted if units.loc[u, ["total_mvnd", "projects"]].isna().all()
                and u not in with_outcomes]

    def measures(self) -> list[str]:
        """Everything the ranking can be ordered by: money, projects, then each indicator with figures."""
        found = self.outcomes.dropna(subset=["actual_value"])
        indicators = [f"indicator:{i}" for i in self.indicators["indicator_id"] if i in set(found["indicator_id"])]
        return [*self.money_measures, "projects", *indicators]


def compared_units(selected: tuple[str, ...], with_figures: pd.DataFrame) -> tuple[list[str], tuple[str, ...]]:
    """The units to put side by side, and the ones to highlight.

    Two or more selected: just those (nothing to highlight, all are selected). None or one: every province-level
    unit with figures in the view, the selected one highlighted (kept even when it has no figures).
    with_figures: unit_id, level.
    """
    if len(selected) >= 2:
        return list(selected), ()
    provinces = with_figures.loc[with_figures["level"] == "province", "unit_id"]
    units = list(dict.fromkeys([*provinces, *selected]))
    return units, tuple(selected)


def combine_funding(funding: pd.DataFrame, years: pd.DataFrame) -> pd.DataFrame:
    """Per unit: money by source in absolute terms (annual + usable period totals) and from annual figures only.

    funding: compare_funding rows (unit_id, funding_source, annual_mvnd, period_mvnd, ...).
    years: compare_years rows (unit_id, years_with_figures, first_year, last_year).
    Returns unit_id, {total,local,central}_mvnd, annual_{total,local,central}_mvnd, period_mvnd, years_with_figures;
    NaN where nothing was reported (never 0); and the qualifier codes each sum adds ({name}_qualifiers,
    annual_{name}_qualifiers: frozensets), so it can show the sign its figures share.
    """
    frame = funding[funding["is_khuyen_cong"].astype(bool)].copy()
    for column in ("qualifiers", "annual_qualifiers"):
        if column not in frame:  # callers that build the frame by hand may leave the qualifiers out: all exact
            frame[column] = [["exact"]] * len(frame)
    frame["annual_mvnd"] = frame["annual_mvnd"].astype(float)
    frame["period_mvnd"] = frame["period_mvnd"].astype(float)
    frame["both_mvnd"] = frame[["annual_mvnd", "period_mvnd"]].sum(axis=1, min_count=1)
    units = pd.DataFrame({"unit_id": pd.unique(frame["unit_id"])})

    def per_source(column: str, source: str | None) -> pd.Series:
        rows = frame if source is None else frame[frame["funding_source"] == source]
        return rows.groupby("unit_id")[column].sum(min_count=1)

    def qualifiers(column: str, source: str | None) -> pd.Series:
        rows = frame if source is None else frame[frame["funding_source"] == source]
        return rows.groupby("unit_id")[column].agg(lambda lists: frozenset(q for codes in lists for q in codes))

    result = units.set_index("unit_id")
    for name, source in (("total", None), ("local", "local"), ("central", "central")):
        result[f"{name}_mvnd"] = per_source("both_mvnd", source)
        result[f"annual_{name}_mvnd"] = per_source("annual_mvnd", source)
        result[f"{name}_qualifiers"] = qualifiers("qualifiers", source)
        result[f"annual_{name}_qualifiers"] = qualifiers("annual_qualifiers", source)
    result["period_mvnd"] = per_source("period_mvnd", None)
    result = result.join(years.set_index("unit_id")[["years_with_figures"]], how="left")
    return result.reset_index()


def _code_set(value) -> frozenset | None:
    """A list of codes from a query (a list or an array) as a frozenset; None for a missing one."""
    if value is None or value is pd.NA or isinstance(value, (str, float)):
        return None
    return frozenset(value)


def shares(local, central) -> tuple[float | None, float | None]:
    """Local and central shares of local + central, in percent, only when both are reported (a unit that reports
    local money alone is not "100 % local"); None otherwise. Money of a level not stated is in neither."""
    if is_missing(local) or is_missing(central) or not float(local) + float(central):
        return None, None
    total = float(local) + float(central)
    return 100 * float(local) / total, 100 * float(central) / total


def growth_by_unit(annual: pd.DataFrame) -> pd.Series:
    """Average annual growth (compound, %) of each unit's yearly totals of annual figures."""
    totals = annual.groupby(["unit_id", "year"], as_index=False)["amount_mvnd"].sum()
    return pd.Series({unit: average_annual_growth(rows) for unit, rows in totals.groupby("unit_id")}, dtype=float)


def real_by_unit(annual_real: pd.DataFrame) -> pd.DataFrame:
    """unit_id, total_mvnd, local_mvnd, central_mvnd from annual figures already at base-year prices."""
    frame = annual_real[annual_real["is_khuyen_cong"].astype(bool)]
    result = frame.groupby("unit_id")["amount_mvnd"].sum(min_count=1).rename("total_mvnd").to_frame()
    for source in SHARE_SOURCES:
        rows = frame[frame["funding_source"] == source]
        result[f"{source}_mvnd"] = rows.groupby("unit_id")["amount_mvnd"].sum(min_count=1)
    return result.reset_index()


def normalise(money: pd.DataFrame, mode: str, real: pd.DataFrame | None = None,
              comparable: pd.DataFrame | None = None) -> pd.DataFrame:
    """The money shown: each unit's latest yearly figure (comparable_by_unit, with its year), absolute (with usable
    period totals), per year with figures, or real (annual only); with the qualifiers of the figures each value adds
    ({name}_qualifiers)."""
    frame = money.set_index("unit_id")
    shown = pd.DataFrame(index=frame.index)
    if mode == "latest":
        latest = comparable.set_index("unit_id") if comparable is not None and len(comparable) else \
            pd.DataFrame(columns=[*COMPARABLE_COLUMNS.values(), "latest_year", "latest_qualifiers",
                                  "latest_local_qualifiers", "latest_central_qualifiers"])
        shown = pd.DataFrame(index=frame.index.union(latest.index))
        shown["latest_year"] = latest["latest_year"].reindex(shown.index).astype("float64")
        for name, column in COMPARABLE_COLUMNS.items():
            shown[f"{name}_mvnd"] = latest[column].reindex(shown.index).astype("float64")
            codes = latest[{"total": "latest_qualifiers"}.get(name, f"latest_{name}_qualifiers")]
            shown[f"{name}_qualifiers"] = [_code_set(q) for q in codes.reindex(shown.index)]
        return shown.rename_axis("unit_id").reset_index()
    for name in MONEY_MEASURES:
        column = f"{name}_qualifiers" if mode == "absolute" else f"annual_{name}_qualifiers"
        if column in frame:
            shown[f"{name}_qualifiers"] = frame[column]
        if mode == "absolute":
            shown[f"{name}_mvnd"] = frame[f"{name}_mvnd"]
        elif mode == "per_year":
            years = frame["years_with_figures"].where(frame["years_with_figures"] > 0)
            shown[f"{name}_mvnd"] = frame[f"annual_{name}_mvnd"] / years
        elif mode == "real":
            values = real.set_index("unit_id")[f"{name}_mvnd"] if real is not None and len(real) else pd.Series(
                dtype=float)
            shown[f"{name}_mvnd"] = values.reindex(frame.index)
        else:
            raise ValueError(f"unknown mode {mode}")
    return shown.reset_index()


def unit_table(units: list[str], money: pd.DataFrame, shown: pd.DataFrame, growth: pd.Series,
               projects: pd.DataFrame, highlighted: tuple[str, ...]) -> pd.DataFrame:
    """One row per compared unit: unit_id, total/local/central_mvnd (as shown), local_share, central_share,
    growth_pct, years_with_figures, projects, highlighted. NaN means not reported."""
    frame = pd.DataFrame({"unit_id": units}).merge(shown, on="unit_id", how="left")
    frame = frame.merge(money[["unit_id", "years_with_figures"]], on="unit_id", how="left")
    frame = frame.merge(projects[["unit_id", "projects"]], on="unit_id", how="left")
    for column in ("total_mvnd", "local_mvnd", "central_mvnd", "years_with_figures", "projects"):
        frame[column] = frame[column].astype(float)
    split = [shares(row.local_mvnd, row.central_mvnd) for row in frame.itertuples()]
    frame["local_share"] = [s[0] for s in split]
    frame["central_share"] = [s[1] for s in split]
    frame["local_share"] = frame["local_share"].astype(float)
    frame["central_share"] = frame["central_share"].astype(float)
    frame["growth_pct"] = frame["unit_id"].map(growth).astype(float)
    frame["highlighted"] = frame["unit_id"].isin(highlighted)
    return frame


def marked(name: str, highlighted: bool) -> str:
    """The name as the ranking and tables show it: '▶ Nghệ An' for a selected area (not colour alone)."""
    return MARK + name if highlighted else name


def measure_values(comparison: Comparison, measure: str) -> pd.Series:
    """The value of a measure for every compared unit (NaN when not reported), indexed by unit_id."""
    units = comparison.units.set_index("unit_id")
    if measure in MONEY_COLUMNS:
        return units[MONEY_COLUMNS[measure]]
    if measure == "projects":
        return units["projects"]
    indicator = measure.split(":", 1)[1]
    rows = comparison.outcomes[comparison.outcomes["indicator_id"] == indicator]
    return rows.set_index("unit_id")["actual_value"].astype(float).reindex(units.index)


def ranking(comparison: Comparison, measure: str, names: dict[str, str], lang: str) -> tuple[pd.DataFrame, list[str]]:
    """Units with a value, highest first: unit_id, label (marked when selected), value, text, highlighted;
    and the names of the units without a value (not reported, so not ranked)."""
    values = measure_values(comparison, measure)
    units = comparison.units.set_index("unit_id")
    frame = pd.DataFrame({"unit_id": values.index, "value": values.to_numpy(dtype=float),
                          "highlighted": units.loc[values.index, "highlighted"].to_numpy(dtype=bool)})
    frame["name"] = [names.get(u, u) for u in frame["unit_id"]]
    missing = sorted(frame.loc[frame["value"].isna(), "name"])
    frame = frame.dropna(subset=["value"]).sort_values(["value", "name"], ascending=[False, True])
    frame["label"] = [marked(n, h) for n, h in zip(frame["name"], frame["highlighted"])]
    qualifiers = measure_qualifiers(comparison, measure)
    decimals = money_decimals(frame["value"]) if measure in MONEY_COLUMNS else None  # the chart's labels: one group
    frame["text"] = [format_value(comparison, measure, v, lang, qualifiers.get(u, ()), decimals) for u, v in
                     zip(frame["unit_id"], frame["value"])]
    frame["illustrative"] = measure_illustrative(comparison, measure).reindex(frame["unit_id"]).fillna(False) \
        .astype(bool).to_numpy()
    return frame.reset_index(drop=True)[["unit_id", "label", "value", "text", "highlighted", "illustrative"]], missing


def ranking_table(rank: pd.DataFrame, measure: str, lang: str) -> pd.DataFrame:
    """The ranking as a table: rank, area (marked when selected) and the value as the chart labels it."""
    return pd.DataFrame({t("compare_col_rank", lang): range(1, len(rank) + 1),
                         t("compare_col_area", lang): list(rank["label"]), measure: list(rank["text"])})


def _indicator_row(comparison: Comparison, measure: str) -> pd.Series:
    indicator = measure.split(":", 1)[1]
    return comparison.indicators.set_index("indicator_id").loc[indicator]


def measure_qualifiers(comparison: Comparison, measure: str) -> dict:
    """unit_id -> the qualifier codes of the figures a money measure adds (empty for other measures)."""
    column = f"{measure}_qualifiers"
    if measure not in MONEY_COLUMNS or column not in comparison.units:
        return {}
    return {u: q for u, q in zip(comparison.units["unit_id"], comparison.units[column]) if isinstance(q, frozenset)}


def money_text(comparison: Comparison, value, qualifiers, lang: str, decimals: int | None = None) -> str:
    """Money as the page shows it, with the sign of the qualifier its figures share ('> 10,2 tỷ đồng'); a column
    passes its `decimals` (formatting.money_decimals) and reads tỷ đồng throughout."""
    unit = None if decimals is None else "bn"
    if comparison.codes is None or not isinstance(qualifiers, (frozenset, set, list, tuple)):
        return format_money(value, lang, unit, decimals)
    return qualified_money(value, qualifiers, comparison.codes, lang, unit, decimals)


def format_value(comparison: Comparison, measure: str, value, lang: str, qualifiers=(), decimals: int | None = None
                 ) -> str:
    """A measure's value as a reader reads it: money in tỷ đồng (with its qualifier's sign), counts, indicators
    with their unit."""
    if measure in MONEY_COLUMNS:
        text = money_text(comparison, value, qualifiers, lang, decimals)
        return t("compare_suffix_per_year", lang, label=text) if comparison.mode == "per_year" and not is_missing(
            value) else text
    if measure == "projects" or is_missing(value):
        return format_number(value, lang)
    row = _indicator_row(comparison, measure)
    return f"{format_number(value, lang, 1, trim=True)} {row['unit_vi' if lang == 'vi' else 'unit_en']}"


def measure_label(comparison: Comparison, measure: str, lang: str) -> str:
    """The measure as named in the selector and the chart title."""
    if measure.startswith("indicator:"):
        row = _indicator_row(comparison, measure)
        return t("compare_measure_indicator", lang, name=row[f"name_{lang}"], unit=row[f"unit_{lang}"])
    label = t(MEASURE_LABELS[measure], lang)
    return money_label(comparison, label, lang) if measure in MONEY_COLUMNS else label


def money_label(comparison: Comparison, label: str, lang: str) -> str:
    """A money column's or measure's name with what its values are: the latest year's, a year's average, a sum
    over the years each area reports, at a base year's prices."""
    if comparison.mode == "latest":
        return t("compare_suffix_latest", lang, label=label)
    if comparison.mode == "absolute":
        return t("compare_suffix_absolute", lang, label=label)
    if comparison.mode == "per_year":
        return t("compare_suffix_per_year", lang, label=label)
    if comparison.mode == "real":
        return t("compare_suffix_real", lang, label=label, base=comparison.base_year)
    return label


def axis_title(comparison: Comparison, measure: str, lang: str) -> str:
    """The value axis of the ranking, with its unit in the UI language."""
    if measure in MONEY_COLUMNS:
        return money_axis(comparison, lang)
    if measure == "projects":
        return t("compare_axis_projects", lang)
    row = _indicator_row(comparison, measure)
    return t("compare_axis_indicator", lang, name=row[f"name_{lang}"], unit=row[f"unit_{lang}"])


def money_axis(comparison: Comparison, lang: str) -> str:
    if comparison.mode == "latest":
        return t("compare_axis_money_latest", lang)
    if comparison.mode == "per_year":
        return t("compare_axis_money_per_year", lang)
    if comparison.mode == "real":
        return t("compare_axis_money_real", lang, base=comparison.base_year)
    return t("compare_axis_money", lang)


def measure_sources(comparison: Comparison, measure: str) -> tuple[list[str], bool]:
    """The documents and illustrative flag behind one measure."""
    if measure in MONEY_COLUMNS:
        return comparison.funding_docs, comparison.funding_illustrative
    if measure == "projects":
        return comparison.project_docs, comparison.project_illustrative
    indicator = measure.split(":", 1)[1]
    rows = comparison.outcomes[(comparison.outcomes["indicator_id"] == indicator)
                               & comparison.outcomes["unit_id"].isin(comparison.units["unit_id"])]
    return _docs(rows), bool(rows["has_illustrative"].any())


def other_kind_cells(comparison: Comparison, lang: str) -> dict[str, str]:
    """unit_id -> '— · có số Kế hoạch được duyệt: > 25 tỷ đồng (2019)': where the compared kind has no figure, the
    unit's latest figure of another kind (never a bare "không có số liệu"; the others are on its profile)."""
    rows = comparison.other_figures
    if rows is None or rows.empty:
        return {}
    codes = comparison.codes or CodeLists(())
    latest = rows.sort_values(["year_to", "year_from"], ascending=False, kind="stable").drop_duplicates("unit_id")
    return {r.unit_id: "— · " + other_kind_text(latest[latest["unit_id"] == r.unit_id], codes, lang)
            for r in latest.itertuples()}


def published_cells(comparison: Comparison, lang: str) -> dict[str, str]:
    """unit_id -> the documents' own latest đề án count with its span ('270 (2016–2020)')."""
    rows = comparison.published
    if rows is None or rows.empty:
        return {}
    codes = comparison.codes or CodeLists(())
    return {r["unit_id"]: published_value(r, codes, lang) for _, r in rows.iterrows()}


def funding_table(comparison: Comparison, names: dict[str, str], lang: str) -> pd.DataFrame:
    """The side-by-side table as shown: names (selected ones marked) and formatted numbers; a unit without a figure
    of the kind compared says which other kind it has; ⚑ marks a value that a stated period total disagrees with;
    listed projects and the documents' own project counts in two columns, never added."""
    frame = comparison.units.sort_values("total_mvnd", ascending=False, na_position="last")
    both = {"local", "central"} <= set(comparison.sources)
    columns = {t("compare_col_area", lang): [marked(names.get(u, u), h) for u, h in zip(frame["unit_id"],
                                                                                      frame["highlighted"])]}
    if comparison.mode == "latest":
        columns[t("compare_col_latest_year", lang)] = [str(int(v)) if not is_missing(v) else "—"
                                                       for v in frame.get("latest_year", [None] * len(frame))]
    others = other_kind_cells(comparison, lang)
    flags = frame["differs"] if "differs" in frame else [False] * len(frame)
    for measure in comparison.money_measures:
        column = money_label(comparison, t(MONEY_HEADERS[measure], lang), lang)
        qualifiers = frame[f"{measure}_qualifiers"] if f"{measure}_qualifiers" in frame else [()] * len(frame)
        decimals = money_decimals(frame[MONEY_COLUMNS[measure]])
        columns[column] = [
            (others.get(u, money_text(comparison, v, q, lang, decimals)) if measure == "total" else
             money_text(comparison, v, q, lang, decimals)) if is_missing(v) else
            money_text(comparison, v, q, lang, decimals) + (" " + DIFFERS_MARK if flag and measure == "total" else "")
            for u, v, q, flag in zip(frame["unit_id"], frame[MONEY_COLUMNS[measure]], qualifiers, flags)]
    if both:
        columns[t("compare_col_shares", lang)] = [format_percent(a, lang) if is_missing(a) else
                                              f"{format_percent(a, lang)} / {format_percent(b, lang)}"
                                              for a, b in zip(frame["local_share"], frame["central_share"])]
    columns[t("compare_col_growth", lang)] = [format_percent(v, lang) for v in frame["growth_pct"]]
    columns[t("compare_col_years", lang)] = [format_number(v, lang) for v in frame["years_with_figures"]]
    columns[t("compare_col_projects", lang)] = [format_number(v, lang) for v in frame["projects"]]
    published = published_cells(comparison, lang)
    columns[t("compare_col_published", lang)] = [published.get(u, format_number(None, lang)) for u in frame["unit_id"]]
    return pd.DataFrame(columns)


def units_with_kind(comparison: Comparison) -> int:
    """How many compared units have a figure of the kind compared: funding_table lists them first (largest first),
    the units without one after them."""
    return int(comparison.units[MONEY_COLUMNS["total"]].notna().sum())


def without_kind_note(comparison: Comparison, lang: str) -> str | None:
    """'7 trong 25 tỉnh có số Phân bổ; 18 tỉnh không có số loại này (11 có số loại khác …)': the one sentence
    that stands for the rows of the table that hold no figure of the kind compared; None when every unit has one."""
    units = comparison.units
    without = units.loc[units[MONEY_COLUMNS["total"]].isna(), "unit_id"]
    if without.empty:
        return None
    codes = comparison.codes or CodeLists(())
    others = set(other_kind_cells(comparison, lang))
    return t("compare_without_kind", lang, shown=format_number(len(units) - len(without), lang),
             n=format_number(len(units), lang), kind=codes.name("figure", comparison.figure, lang) or comparison.figure,
             without=format_number(len(without), lang),
             other=format_number(sum(u in others for u in without), lang),
             rest=format_number(sum(u not in others for u in without), lang))


def funding_export(comparison: Comparison, names: dict[str, str], lang: str) -> pd.DataFrame:
    """The side-by-side table as the files hold it (the Data page's formats): the same rows and columns as
    funding_table, numbers numeric (money in tỷ đồng, shares and growth in %, empty where not reported), the
    selected areas in their own column instead of a mark."""
    frame = comparison.units.sort_values("total_mvnd", ascending=False, na_position="last")
    columns = {t("compare_col_area", lang): [names.get(u, u) for u in frame["unit_id"]]}
    if comparison.highlighted:
        columns[t("compare_col_selected", lang)] = [t("data_yes", lang) if h else t("data_no", lang)
                                                    for h in frame["highlighted"]]
    if comparison.mode == "latest":
        columns[t("compare_col_latest_year", lang)] = frame["latest_year"].astype("float64").to_numpy() \
            if "latest_year" in frame else [None] * len(frame)
    for measure in comparison.money_measures:
        label = money_label(comparison, t(MONEY_HEADERS[measure], lang), lang)
        columns[t("compare_col_money_unit", lang, label=label)] = \
            frame[MONEY_COLUMNS[measure]].astype("float64").to_numpy() / 1000
    if {"local", "central"} <= set(comparison.sources):
        for source, key in (("local", N_("compare_col_local_share")), ("central", N_("compare_col_central_share"))):
            columns[t(key, lang)] = frame[f"{source}_share"].astype("float64").round(1).to_numpy()
    columns[t("compare_col_growth_pct", lang)] = frame["growth_pct"].astype("float64").round(1).to_numpy()
    columns[t("compare_col_years", lang)] = frame["years_with_figures"].astype("float64").to_numpy()
    columns[t("compare_col_projects", lang)] = frame["projects"].astype("float64").to_numpy()
    published = comparison.published.set_index("unit_id") if comparison.published is not None and \
        len(comparison.published) else pd.DataFrame(columns=["projects", "year_from", "year_to"])
    columns[t("compare_col_published", lang)] = published["projects"].reindex(frame["unit_id"]).astype(
        "float64").to_numpy()
    columns[t("compare_col_published_years", lang)] = [
        None if is_missing(a) else format_year_span(int(a), int(b)) for a, b in zip(
            published["year_from"].reindex(frame["unit_id"]), published["year_to"].reindex(frame["unit_id"]))]
    return pd.DataFrame(columns)


def outcome_table(comparison: Comparison, names: dict[str, str], lang: str) -> pd.DataFrame:
    """Indicators down, compared units across (in the order of the funding table); values with the indicator's
    unit in its own column, NULL as not reported."""
    order = comparison.units.sort_values("total_mvnd", ascending=False, na_position="last")
    values = comparison.outcomes.set_index(["indicator_id", "unit_id"])["actual_value"]
    rows = []
    for indicator in comparison.indicators.itertuples():
        row = {t("compare_col_indicator", lang): getattr(indicator, f"name_{lang}"),
               t("compare_col_unit", lang): getattr(indicator, f"unit_{lang}")}
        for unit, highlighted in zip(order["unit_id"], order["highlighted"]):
            value = values.get((indicator.indicator_id, unit))
            row[marked(names.get(unit, unit), highlighted)] = format_number(value, lang, 1, trim=True)
        rows.append(row)
    return pd.DataFrame(rows)


def funding_chart_frame(comparison: Comparison, names: dict[str, str], lang: str = "vi") -> pd.DataFrame:
    """Per unit, the stacked segments of the funding chart: label, highlighted, {local,central}_illustrative,
    total_mvnd, total_text (with the
    sign its figures share, '> 9 tỷ đồng'), and for local and central the annual part and (absolute mode only) the
    period-total part. The chart draws local and central money only, so its total is theirs: money at another level
    (district, state budget with no level stated) is named under the chart (not_drawn_note), never drawn as a label
    without a bar."""
    units = comparison.units
    frame = units[["unit_id", "highlighted", "local_mvnd", "central_mvnd"]].copy()
    for source in SHARE_SOURCES:  # each segment's flag: the rows of its own source
        frame[f"{source}_illustrative"] = measure_illustrative(comparison, source).reindex(frame["unit_id"]) \
            .fillna(False).astype(bool).to_numpy()
    frame["total_mvnd"] = frame[["local_mvnd", "central_mvnd"]].sum(axis=1, min_count=1)
    signs = [frozenset().union(*(q for q in qs if isinstance(q, frozenset)))
             for qs in zip(units.get("local_qualifiers", [None] * len(units)),
                           units.get("central_qualifiers", [None] * len(units)), strict=True)]
    codes = comparison.codes or CodeLists(())
    decimals = money_decimals(frame["total_mvnd"])   # the chart's labels are read together: one precision
    frame["total_text"] = [qualified_money(v, q or {"exact"}, codes, lang, "bn", decimals)
                           for v, q in zip(frame["total_mvnd"], signs, strict=True)]
    if "differs" in units:   # ⚑ on the bar as in the table: the value adds a figure a stated total disagrees with
        frame["total_text"] = [f"{text} {DIFFERS_MARK}" if flag else text
                               for text, flag in zip(frame["total_text"], units["differs"].astype(bool), strict=True)]
    # each area's own latest year beside its name: bars of different years are never read as one year's
    years = units["latest_year"] if comparison.mode == "latest" and "latest_year" in units else [None] * len(units)
    frame["label"] = [marked(names.get(u, u) + ("" if is_missing(y) else f" ({int(y)})"), h)
                      for u, h, y in zip(frame["unit_id"], frame["highlighted"], years, strict=True)]
    period = period_by_source(comparison.periods[comparison.periods["usable"]]) if comparison.mode == "absolute" \
        else pd.DataFrame(columns=["unit_id", "local", "central"])
    period = period.set_index("unit_id")
    for source in SHARE_SOURCES:
        part = period[source].reindex(frame["unit_id"]).to_numpy(dtype=float) if source in period else 0.0
        frame[f"{source}_period_mvnd"] = pd.Series(part, index=frame.index).fillna(0.0)
        frame[f"{source}_annual_mvnd"] = frame[f"{source}_mvnd"].fillna(0.0) - frame[f"{source}_period_mvnd"]
    frame = frame.dropna(subset=["total_mvnd"]).sort_values("total_mvnd", ascending=False)
    return frame.reset_index(drop=True)


def not_drawn_note(comparison: Comparison, names: dict[str, str], lang: str) -> str | None:
    """'Biểu đồ chỉ vẽ …: Ninh Bình (30,2 tỷ đồng)': the compared units' money at levels other than local and central,
    which the table counts and the chart does not draw; None when there is none."""
    units = comparison.units
    drawn = units[["local_mvnd", "central_mvnd"]].sum(axis=1, min_count=1).fillna(0.0)
    other = (units["total_mvnd"] - drawn).where(units["total_mvnd"].notna())
    rows = units.assign(other=other).dropna(subset=["other"])
    rows = rows[rows["other"] > 0.0005].sort_values("other", ascending=False)
    if rows.empty:
        return None
    items = "; ".join(f"{names.get(u, u)} ({format_money(v, lang)})" for u, v in zip(rows["unit_id"], rows["other"]))
    return t("compare_not_drawn", lang, items=items)


def period_by_source(periods: pd.DataFrame) -> pd.DataFrame:
    """unit_id and one column per funding source: the sum of the given period totals."""
    if periods.empty:
        return pd.DataFrame(columns=["unit_id", "local", "central"])
    return periods.pivot_table(index="unit_id", columns="funding_source", values="amount_mvnd",
                               aggfunc="sum").reset_index()


def describe_periods(periods: pd.DataFrame, names: dict[str, str], codes: CodeLists, lang: str) -> str:
    """'Nghệ An: Trung ương 2002–2018 (16,3 tỷ đồng)' for each period total."""
    return "; ".join(f"{names.get(p.unit_id, p.unit_id)}: {codes.source_name(p.funding_source, lang)} "
                     f"{format_year_span(p.year_from, p.year_to)} ({format_money(p.amount_mvnd, lang)})"
                     for p in periods.itertuples())


def period_notes(comparison: Comparison, names: dict[str, str], lang: str) -> list[str]:
    """How the period totals of the compared units were treated, in words."""
    periods = comparison.periods[comparison.periods["unit_id"].isin(comparison.units["unit_id"])]
    periods = periods[periods["is_khuyen_cong"].astype(bool)]
    used, left_out = periods[periods["usable"]], periods[~periods["usable"]]
    notes = []
    if comparison.mode == "absolute":
        overlap = left_out[left_out["left_out"] == "overlap"] if "left_out" in left_out else left_out[:0]
        partial = left_out[left_out["left_out"] == "partial"] if "left_out" in left_out else left_out[:0]
        other = left_out[~left_out.index.isin(overlap.index) & ~left_out.index.isin(partial.index)]
        if len(used):
            notes.append(t("compare_periods_used", lang, items=describe_periods(used, names, comparison.codes, lang)))
        if len(other):
            notes.append(t("compare_periods_left_out", lang,
                           items=describe_periods(other, names, comparison.codes, lang)))
        if len(overlap):
            notes.append(t("periods_overlap_note", lang, items="; ".join(
                t("periods_overlap_item", lang, item=describe_periods(overlap.loc[[i]], names, comparison.codes, lang),
                  later=later) for i, later in zip(overlap.index, overlap["overlapped_by"]))))
    elif len(whole := periods[periods["left_out"] != "partial"] if "left_out" in periods else periods):
        # a figure of part of a year is named in its own note below
        notes.append(t("compare_periods_not_spread", lang,
                       items=describe_periods(whole, names, comparison.codes, lang)))
    partial_rows = comparison.partial
    if partial_rows is not None and len(partial_rows):
        rows = partial_rows[partial_rows["unit_id"].isin(comparison.units["unit_id"])]
        if items := partial_items(rows, lang):
            notes.append(t("partial_left_out_note", lang, items=items))
    return notes


def differences_note(comparison: Comparison, lang: str) -> list[str]:
    """Each ⚑ of the table in words: the stated period total and what the yearly figures add up to."""
    return difference_items(comparison.differences, comparison.codes or CodeLists(()), lang)


def qualified_sum_note(comparison: Comparison, lang: str) -> str | None:
    """The not-exact figures added into a compared unit's total that carries no sign (it mixes them with exact
    ones), as written, with area and years (the note of figures/funding.py); None when every such total shows its
    sign or adds none. Per-year and real values add annual figures only: so does the note."""
    rows = comparison.qualified
    if rows is None or rows.empty:
        return None
    signed = {u for u, q in measure_qualifiers(comparison, "total").items() if shared_qualifier(q)}
    rows = rows[rows["unit_id"].isin(comparison.units["unit_id"]) & ~rows["unit_id"].isin(signed)]
    if comparison.mode != "absolute":
        rows = rows[rows["year_from"] == rows["year_to"]]
    return qualified_items_note(rows, lang)


def signs_note(comparison: Comparison, lang: str) -> str | None:
    """What the signs before amounts mean (from the qualifier list), when the table shows any."""
    if not shows_signs(comparison) or comparison.codes is None:
        return None
    return t("compare_qualifier_signs", lang, signs=qualifier_legend(comparison.codes, lang))


def shows_signs(comparison: Comparison) -> bool:
    """True when a money value of the table carries a qualifier's sign."""
    return any(shared_qualifier(q) for measure in comparison.money_measures
               for q in measure_qualifiers(comparison, measure).values())


def kind_note(comparison: Comparison, lang: str) -> str:
    """Which kind of figure the page compares, and that the others are not added to it."""
    codes = comparison.codes or CodeLists(())
    kind = codes.name("figure", comparison.figure, lang) or comparison.figure
    side = comparison.figure_side
    return t("compare_kind_note", lang, kind=kind, side=t(SIDES[side], lang) if side in SIDES else "")


def other_kinds_note(comparison: Comparison, lang: str) -> str | None:
    """'Kế hoạch: Kế hoạch được duyệt – Lâm Đồng và 10 nơi khác; …': the view's other kinds of figure, not
    compared. The compared areas are named when they were picked; otherwise the areas are counted."""
    kinds = comparison.other_kinds
    if kinds is None or kinds.empty:
        return None
    codes = comparison.codes or CodeLists(())
    picked = set(comparison.highlighted) | (set(comparison.units["unit_id"]) if comparison.selected_only else set())
    items = []
    for row in kinds.itertuples():
        named = [n for u, n in zip(row.unit_ids, getattr(row, f"unit_names_{lang}")) if u in picked]
        rest = len(row.unit_ids) - len(named)
        if not named:
            shown = t("compare_one_area", lang) if rest == 1 else t("compare_n_areas", lang, n=rest)
        else:
            shown = ", ".join(named) + (t("compare_more_areas", lang, n=rest) if rest else "")
        side = t(SIDES[row.side], lang) if row.side in SIDES else ""
        items.append(t("compare_other_kind_item", lang, kind=codes.name("figure", row.figure, lang), side=side,
                       names=shown))
    return t("compare_other_kinds", lang, items="; ".join(items))


def compared_kind(filters: Filters) -> str:
    """The kind of figure to compare: the filters' when they carry one (the kind picker of the Trends page), else
    the allocated budget."""
    return getattr(filters, "kind", None) or DEFAULT_KIND


def _docs(frame: pd.DataFrame) -> list[str]:
    return sorted({d for ids in frame["doc_ids"] if not is_missing(ids) for d in ids})


def comparison_figures(query: Query, filters: Filters, mode: str = "absolute", base_year: int | None = None,
                       figure: str = DEFAULT_KIND) -> Comparison:
    """Everything the Compare areas page shows for these filters: one query per kind of figure for all units."""
    if mode not in MODES:
        raise ValueError(f"unknown mode {mode}")
    view = filters if len(filters.areas) >= 2 else replace(filters, areas=())
    codes = load_code_lists(query)
    funding = query("compare_funding", **view.sql_params(), figure=figure)
    years = query("compare_years", **view.sql_params(), figure=figure)
    projects = query("compare_projects", **view.sql_params())
    outcomes = query("compare_outcomes", **view.sql_params())
    with_figures = pd.concat([f[["unit_id", "level"]] for f in (funding, projects, outcomes)]).drop_duplicates()
    units, highlighted = compared_units(filters.areas, with_figures)

    money = combine_funding(funding, years)
    annual = annual_funding(query, view, figure)
    annual = annual[annual["is_khuyen_cong"].astype(bool) & annual["unit_id"].isin(units)]
    real = None
    if mode == "real":
        annual = to_real_values(query, annual, base_year) if len(annual) else annual
        real = real_by_unit(annual)
    comparable = query("comparable_by_unit", **view.sql_params(), figure=figure)
    shown = normalise(money, mode, real, comparable)
    table = unit_table(units, money, shown, growth_by_unit(annual), projects, highlighted)
    # ⚑ where the value shown adds an annual figure that a stated period total disagrees with
    differs = {"latest": dict(zip(comparable["unit_id"], comparable["latest_differs"])),
               "per_year": dict(zip(comparable["unit_id"], comparable["any_differs"])),
               "real": dict(zip(comparable["unit_id"], comparable["any_differs"])),
               "absolute": funding.groupby("unit_id")["period_differs"].any().to_dict() if len(funding) else {}}[mode]
    table["differs"] = table["unit_id"].map(differs).fillna(False).astype(bool)
    # Each unit's flag, per kind of measure: its money (the rows its sum adds, as _funding_illustrative), its projects.
    money_rows = funding[funding["is_khuyen_cong"].astype(bool)] if mode == "absolute" else annual
    table["funding_illustrative"] = table["unit_id"].isin(_illustrative_units(money_rows))
    table["projects_illustrative"] = table["unit_id"].isin(_illustrative_units(projects))
    for source in SHARE_SOURCES:
        table[f"{source}_illustrative"] = table["unit_id"].isin(_illustrative_units(
            money_rows[money_rows["funding_source"] == source]))

    periods = period_totals(query, view, figure)
    qualified = query("funding_qualified", **view.sql_params(), figure=figure)
    other_kinds = query("compare_other_kinds", **view.sql_params(), figure=figure)
    funding_rows = funding[funding["unit_id"].isin(units) & funding["is_khuyen_cong"].astype(bool)]
    differences = query("period_disagreements", **view.sql_params(), figure=figure)
    flagged = set(table.loc[table["differs"], "unit_id"])
    project_rows = projects[projects["unit_id"].isin(units)]
    outcome_rows = outcomes[outcomes["unit_id"].isin(units)]
    return Comparison(
        units=table, outcomes=outcome_rows.assign(actual_value=outcome_rows["actual_value"].astype(float)),
        periods=periods, mode=mode, base_year=base_year, highlighted=tuple(h for h in highlighted if h in units),
        selected_only=len(filters.areas) >= 2, sources=filters.sources or codes.sources, codes=codes,
        funding_docs=_funding_docs(funding_rows, annual, mode), funding_illustrative=_funding_illustrative(
            funding_rows, annual, mode),
        project_docs=_docs(project_rows), project_illustrative=bool(project_rows["has_illustrative"].any()),
        outcome_docs=_docs(outcome_rows), outcome_illustrative=bool(outcome_rows["has_illustrative"].any()),
        figure=figure, figure_side=_side(query, figure), qualified=qualified, other_kinds=other_kinds,
        other_figures=query("other_kind_figures", **view.sql_params(), figure=figure),
        published=query("published_project_counts", **view.sql_params()),
        differences=differences[differences["unit_id"].isin(flagged)],
        partial=query("partial_figures", **view.sql_params(), figure=figure))


def _illustrative_units(rows: pd.DataFrame) -> set[str]:
    """The units that have an illustrative row among the given rows (has_illustrative)."""
    if rows.empty or "has_illustrative" not in rows:
        return set()
    return set(rows.loc[rows["has_illustrative"].fillna(False).astype(bool), "unit_id"])


def measure_illustrative(comparison: Comparison, measure: str) -> pd.Series:
    """Whether each unit's value of a measure adds illustrative rows, indexed by unit_id (False when not known)."""
    units = comparison.units.set_index("unit_id")
    if measure in MONEY_COLUMNS or measure == "projects":
        column = {"projects": "projects_illustrative", "total": "funding_illustrative"}.get(
            measure, f"{measure}_illustrative")
        return units[column].astype(bool) if column in units else pd.Series(False, index=units.index)
    indicator = measure.split(":", 1)[1]
    rows = comparison.outcomes[comparison.outcomes["indicator_id"] == indicator]
    if "has_illustrative" not in rows:
        return pd.Series(False, index=units.index)
    flags = rows.groupby("unit_id")["has_illustrative"].any()
    return flags.reindex(units.index).fillna(False).astype(bool)


def _side(query: Query, figure: str) -> str | None:
    kinds = query("figure_kinds")
    return next((s for f, s in zip(kinds["figure_id"], kinds["side"]) if f == figure), None)


def _funding_docs(funding_rows: pd.DataFrame, annual: pd.DataFrame, mode: str) -> list[str]:
    """Per-year and real values leave period totals out: so are their documents."""
    if mode == "absolute":
        return _docs(funding_rows)
    return _docs(annual)


def _funding_illustrative(funding_rows: pd.DataFrame, annual: pd.DataFrame, mode: str) -> bool:
    if mode == "absolute":
        return bool(funding_rows["has_illustrative"].any())
    return bool(annual["has_illustrative"].any())
