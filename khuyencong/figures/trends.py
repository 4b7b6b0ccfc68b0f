"""Figures of the Funding trends page: the annual series of one kind of figure in nominal or real terms, which years
it may join (funding.year_coverage), its growth, the plan against the executed figures of one area, and the years
whose reports differ."""

from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd

from khuyencong.data.code_lists import FIGURES, CodeLists
from khuyencong.data.filters import DEFAULT_KIND, Filters
from khuyencong.data.queries import Query
from khuyencong.figures.funding import (
    annual_funding,
    comparable_growth,
    period_totals,
    qualified_money,
    to_real_values,
    why_not_comparable,
    year_coverage,
    year_on_year_change,
    yearly_totals,
)
from khuyencong.figures.overview import KeyFigure
from khuyencong.i18n.formatting import (
    format_date,
    format_headline_money,
    format_money,
    format_number,
    format_percent,
    format_year_span,
    is_missing,
    money_decimals,
)
from khuyencong.i18n.labels import N_, t

SIDE_COUNTS = {"plan": N_("trends_side_count_plan"), "executed": N_("trends_side_count_executed")}
# Why a series may not be joined year to year (funding.why_not_comparable returns the key).
NOT_COMPARABLE = {"series_one_year": N_("series_one_year"), "series_years_missing": N_("series_years_missing"),
                  "series_units_change": N_("series_units_change")}


@dataclass
class TrendFigures:
    annual: pd.DataFrame          # unit_id, year, funding_source, amount_mvnd (nominal or real)
    by_source: pd.DataFrame       # year, funding_source, amount_mvnd, qualifiers, has_illustrative (all units together)
    totals: pd.DataFrame          # year, amount_mvnd, has_illustrative
    coverage: pd.DataFrame        # year, unit_ids, units, joined (funding.year_coverage)
    changes: pd.DataFrame         # year, change_pct, has_illustrative (only between joined years)
    periods: pd.DataFrame         # period totals overlapping the selection (always nominal)
    growth_pct: float | None
    not_comparable: str | None    # why the series may not be joined as a whole (message key), None when it may
    doc_ids: list[str]
    has_illustrative: bool


def trend_figures(query: Query, filters: Filters, real_base_year: int | None = None,
                  figure: str = DEFAULT_KIND) -> TrendFigures:
    """The annual series of one kind of figure in the view; with real_base_year, money at that year's prices."""
    annual = annual_funding(query, filters, figure)
    if real_base_year is not None and len(annual):
        annual = to_real_values(query, annual, real_base_year)
    periods = period_totals(query, filters, figure)
    by_source = annual.groupby(["year", "funding_source"], as_index=False).agg(
        amount_mvnd=("amount_mvnd", "sum"),
        qualifiers=("qualifiers", lambda lists: sorted({q for codes in lists for q in codes})),
        has_illustrative=("has_illustrative", "any"))
    # Each mark's flag: a year's total, and its change on the year before, are illustrative when a row they add is.
    illustrative_years = set(annual.loc[annual["has_illustrative"].fillna(False).astype(bool), "year"])
    totals = yearly_totals(annual)
    totals["has_illustrative"] = totals["year"].isin(illustrative_years)
    coverage = year_coverage(annual)
    growth, reason = comparable_growth(totals, coverage)
    changes = year_on_year_change(totals, coverage)
    changes["has_illustrative"] = changes["year"].isin(illustrative_years) | (changes["year"] - 1).isin(
        illustrative_years)
    doc_ids = sorted({d for ids in annual["doc_ids"] for d in ids} | set(periods["doc_id"]))
    illustrative = bool(annual["has_illustrative"].any() or periods["is_illustrative"].any())
    return TrendFigures(annual, by_source, totals, coverage, changes, periods,
                        growth, why_not_comparable(coverage), doc_ids, illustrative)


def totals_by_unit(annual: pd.DataFrame) -> pd.DataFrame:
    """unit_id, year, amount_mvnd, has_illustrative, joined: one series per area, for the side-by-side comparison;
    `joined` says whether the year may be joined to the one before (funding.year_coverage of that area)."""
    totals = annual.groupby(["unit_id", "year"], as_index=False).agg(amount_mvnd=("amount_mvnd", "sum"),
                                                                     has_illustrative=("has_illustrative", "any"))
    joined = {(unit, year): j for unit, rows in annual.groupby("unit_id")
              for year, j in zip(*year_coverage(rows)[["year", "joined"]].T.values)}
    totals["joined"] = [bool(joined.get((u, y), False)) for u, y in zip(totals["unit_id"], totals["year"])]
    return totals


def kind_counts(query: Query, filters: Filters) -> pd.DataFrame:
    """figure, side, figures: how many reported allocations of each kind the view holds."""
    return query("figure_kind_counts", **filters.sql_params())


def other_kinds_note(counts: pd.DataFrame, figure: str, codes: CodeLists, lang: str) -> str | None:
    """'Không có số Phân bổ trong phạm vi này. Có 36 số thực hiện, 49 số kế hoạch…: chọn loại số ở trên.' when the
    chosen kind has no figure in the view but other kinds do; None otherwise."""
    chosen = counts.loc[counts["figure"] == figure, "figures"]
    others = counts[(counts["figure"] != figure) & (counts["figures"] > 0)]
    if (len(chosen) and int(chosen.iloc[0])) or others.empty:
        return None
    sides = others.groupby("side")["figures"].sum()
    items = ", ".join(t(key, lang, n=int(sides[side])) for side, key in SIDE_COUNTS.items() if side in sides)
    kinds = ", ".join(f"{codes.name(FIGURES, k, lang)} ({int(n)})" for k, n in zip(others["figure"], others["figures"]))
    return t("trends_other_kinds_note", lang, kind=codes.name(FIGURES, figure, lang), items=items, kinds=kinds)


def plan_executed(query: Query, filters: Filters, codes: CodeLists, lang: str) -> pd.DataFrame:
    """One row per span and kind of figure: span (label), year_from, year_to, figure, side, amount_mvnd, text (the
    amount with its qualifier sign), parts (the figures by funding source as reported), doc_ids.

    A span's figure of one kind is the stated total when the source gives one, else the sum over funding sources of
    that kind (the total rule). Plan and executed are separate rows: never added together."""
    rows = query("plan_executed", **filters.sql_params())
    columns = ["span", "year_from", "year_to", "figure", "side", "amount_mvnd", "text", "parts", "doc_ids",
               "has_illustrative"]
    if rows.empty:
        return pd.DataFrame(columns=columns)
    out = []
    for (year_from, year_to, figure), group in rows.groupby(["year_from", "year_to", "figure"], sort=False):
        stated = group[group["is_stated_total"].astype(bool)]
        parts = group[~group["is_stated_total"].astype(bool)]
        counted = stated if len(stated) else parts
        amount = float(counted["amount_mvnd"].astype(float).sum()) if len(stated) <= 1 else None
        if len(stated) > 1:   # two stated totals of one kind: keep the newest document's as the bar (first row)
            counted = stated.iloc[:1]
            amount = float(counted["amount_mvnd"].iloc[0])
        part_texts = [f"{codes.source_name(p.funding_source, lang)}: {_written(p, codes, lang)}"
                      for p in parts.itertuples()]
        out.append({"span": format_year_span(int(year_from), int(year_to)), "year_from": int(year_from),
                    "year_to": int(year_to), "figure": figure, "side": group["side"].iloc[0],
                    "kind_order": int(group["kind_order"].iloc[0]), "amount_mvnd": amount,
                    "qualifiers": list(counted["qualifier"]), "parts": part_texts,
                    "doc_ids": sorted(set(group["doc_id"])),
                    "has_illustrative": bool(counted["is_illustrative"].astype(bool).any())})
    frame = pd.DataFrame(out)
    # The bars' labels are one group: one unit and one number of decimals (the precision rule of formatting.py).
    decimals = money_decimals(frame["amount_mvnd"], "bn")
    frame["text"] = [qualified_money(a, q, codes, lang, unit="bn", decimals=decimals)
                     for a, q in zip(frame["amount_mvnd"], frame["qualifiers"])]
    frame["plan_first"] = frame["side"] != "plan"
    frame = frame.sort_values(["year_from", "year_to", "plan_first", "kind_order"]).reset_index(drop=True)
    return frame[columns]


def _written(row, codes: CodeLists, lang: str) -> str:
    """A published figure as a reader of `lang` reads it: as written in Vietnamese, with its sign in English."""
    if lang == "vi" and not is_missing(row.value_as_written) and not str(row.value_as_written).startswith(
            ("VND", "more than", "about", "over")):
        return str(row.value_as_written)
    return qualified_money(float(row.amount_mvnd), [row.qualifier], codes, lang)


def differing_reports(query: Query, filters: Filters, codes: CodeLists, lang: str,
                      unit_name: Callable[[str], str]) -> pd.DataFrame:
    """year (where the marker stands: the year, or the middle of a span), year_from, year_to, label (area and span),
    lines (one per document: publisher, date, kind, source, the figure as written), doc_ids."""
    rows = query("differing_reports", **filters.sql_params())
    columns = ["year", "year_from", "year_to", "label", "lines", "doc_ids"]
    out = []
    for (unit, year_from, year_to), group in rows.groupby(["unit_id", "year_from", "year_to"], sort=False):
        lines = []
        for r in group.itertuples():
            date = format_date(r.published_on, lang) if not is_missing(r.published_on) else t("trends_undated", lang)
            lines.append(f"{r.publisher}, {date}: {codes.name(FIGURES, r.figure, lang)}, "
                         f"{codes.source_name(r.funding_source, lang)} {_written(r, codes, lang)}")
        out.append({"year": (int(year_from) + int(year_to)) / 2, "year_from": int(year_from), "year_to": int(year_to),
                    "label": f"{unit_name(unit)} {format_year_span(int(year_from), int(year_to))}",
                    "lines": lines, "doc_ids": sorted(set(group["doc_id"]))})
    return pd.DataFrame(out, columns=columns)



def period_table(periods: pd.DataFrame, codes: CodeLists, lang: str, unit_name: Callable[[str], str]) -> pd.DataFrame:
    """The period totals of the view as a table a reader scans: area, funding source, period, amount with its sign,
    and what the annual figures inside it add up to (or that there are none)."""
    amounts = money_decimals(periods["amount_mvnd"]) if len(periods) else 0
    sums = money_decimals(periods["annual_sum_mvnd"]) if len(periods) else 0
    rows = [{t("trends_col_area", lang): unit_name(p.unit_id),
             t("trends_col_source", lang): codes.source_name(p.funding_source, lang),
             t("trends_col_period", lang): format_year_span(int(p.year_from), int(p.year_to)),
             t("trends_col_amount", lang): qualified_money(p.amount_mvnd, [p.qualifier], codes, lang, "bn", amounts),
             t("trends_col_annual", lang): format_money(p.annual_sum_mvnd, lang, "bn", sums)
             if not is_missing(p.years_reported) and p.years_reported > 0 else t("trends_no_annual", lang)}
            for p in periods.itertuples()]
    return pd.DataFrame(rows)


def trend_key_figures(figures: TrendFigures, change: str | None, reason: str | None, many_units: bool,
                      lang: str) -> list[KeyFigure]:
    """The Trends page's key figures, all read from the annual series: its sum, the years, the average growth (or
    "—" and why not) and, for several areas, how many report; each marked when the series holds illustrative rows,
    with the series' documents."""
    annual = figures.annual
    illustrative = bool(len(annual) and annual["has_illustrative"].any())
    docs = tuple(sorted({d for ids in annual["doc_ids"] for d in ids}))
    shown = [
        KeyFigure("span_total", t("span_total", lang), format_headline_money(figures.totals["amount_mvnd"].sum(), lang)
                  if len(figures.totals) else format_number(None, lang), t("trends_span_total_help", lang), change,
                  illustrative, docs),
        KeyFigure("years_reported", t("years_reported", lang), format_number(len(figures.totals), lang),
                  illustrative=illustrative, doc_ids=docs),
        KeyFigure("avg_growth", t("avg_growth", lang), "—" if reason else format_percent(figures.growth_pct, lang),
                  t("trends_growth_not_shown", lang, reason=reason) if reason else t("trends_growth_help", lang),
                  illustrative=illustrative and not reason, doc_ids=docs if not reason else ()),
    ]
    if many_units:
        shown.append(KeyFigure("trends_units_reporting", t("trends_units_reporting", lang),
                               format_number(len({u for ids in figures.coverage["unit_ids"] for u in ids}), lang),
                               t("trends_units_help", lang), illustrative=illustrative, doc_ids=docs))
    return shown


MIN_CHANGE_PAIRS = 2  # a chart of year-on-year change needs at least two changes; fewer are one sentence


def change_in_words(changes: pd.DataFrame, lang: str) -> str | None:
    """The sentence that stands for a change chart with fewer than MIN_CHANGE_PAIRS years that changed (a chart of
    one bar beside flat zero lines: "2007 so với 2006: +33,3%; 8 cặp năm khác không đổi"), or None for a chart."""
    changed = changes[changes["change_pct"].round(6) != 0]
    if len(changed) >= MIN_CHANGE_PAIRS:
        return None
    if changes.empty:
        return t("trends_no_change", lang)
    unchanged = format_number(len(changes) - len(changed), lang)
    if changed.empty:
        return t("trends_change_none_changed", lang, n=unchanged)
    row = changed.iloc[0]
    pct = float(row["change_pct"])
    return t("trends_one_change", lang, year=int(row["year"]), previous=int(row["year"]) - 1,
             change=("+" if pct > 0 else "") + format_percent(pct, lang), unchanged=unchanged)
