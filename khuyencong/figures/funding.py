"""Funding figures as the pages show them: annual series, period totals kept apart, real values, growth.

SQL does the aggregation (the total rule is the macro funding_in_view); this module only combines the few
aggregated rows it returns. `query` is a query function (khuyencong.data.queries.Query).
"""

from dataclasses import dataclass, field

import pandas as pd

from khuyencong.data.code_lists import FIGURES, CodeLists
from khuyencong.data.filters import Filters
from khuyencong.data.queries import Query
from khuyencong.i18n.formatting import format_money, format_number, format_year_span, is_missing
from khuyencong.i18n.labels import N_, t

# The two budget levels the dashboard splits money between: shares are taken between them and the Compare chart
# stacks them; money at another level is named, never drawn into the split.
SHARE_SOURCES = ("local", "central")

@dataclass
class FundingTotal:
    """Total funding of a view by the total rule (SQL macro funding_in_view): per source, and the period totals it
    counted and left out."""

    by_source: dict[str, float]
    periods_used: pd.DataFrame
    periods_left_out: pd.DataFrame
    has_illustrative: bool
    doc_ids: list[str] = field(default_factory=list)
    reported: bool = True
    khuyen_cong_sources: frozenset[str] = frozenset()
    qualifiers: frozenset[str] = frozenset()      # qualifier codes of the counted khuyến công figures
    qualified: pd.DataFrame | None = None         # those of them that are not exact (funding_qualified.sql)
    period_differs: bool = False                  # an annual figure added lies in a period total it disagrees with
    units: int = 0                                # how many units the sum adds

    @property
    def khuyen_cong_mvnd(self) -> float | None:
        values = [v for s, v in self.by_source.items() if s in self.khuyen_cong_sources]
        return sum(values) if values else None

    def share(self, source: str) -> float | None:
        total = sum(v for s, v in self.by_source.items() if s in SHARE_SOURCES)
        return None if not total or source not in self.by_source else 100 * self.by_source[source] / total


def annual_funding(query: Query, filters: Filters, figure: str = "allocated") -> pd.DataFrame:
    """unit_id, year, funding_source, is_khuyen_cong, amount_mvnd (float), has_illustrative, doc_ids."""
    frame = query("funding_by_year", **filters.sql_params(), figure=figure)
    frame["amount_mvnd"] = frame["amount_mvnd"].astype(float)
    return frame


def period_totals(query: Query, filters: Filters, figure: str = "allocated") -> pd.DataFrame:
    """Period totals overlapping the selection; `usable` when the total rule counts them."""
    frame = query("period_totals", **filters.sql_params(), figure=figure)
    frame["amount_mvnd"] = frame["amount_mvnd"].astype(float)
    frame["usable"] = frame["usable"].astype(bool)
    return frame


def funding_total(query: Query, filters: Filters, figure: str = "allocated") -> FundingTotal:
    """The view's total by source (SQL: funding_total.sql), with the period totals used and left out."""
    totals = query("funding_total", **filters.sql_params(), figure=figure)
    periods = period_totals(query, filters, figure)
    by_source = {s: float(v) for s, v in zip(totals["funding_source"], totals["amount_mvnd"])}
    doc_ids = sorted({d for ids in totals["doc_ids"] for d in ids})
    counted = totals[totals["is_khuyen_cong"].astype(bool)]
    khuyen_cong = frozenset(counted["funding_source"])
    qualifiers = frozenset(q for codes in counted["qualifiers"] for q in codes)
    qualified = query("funding_qualified", **filters.sql_params(), figure=figure)
    return FundingTotal(by_source, periods[periods["usable"]], periods[~periods["usable"]],
                        bool(totals["has_illustrative"].any()), doc_ids, reported=bool(by_source),
                        khuyen_cong_sources=khuyen_cong, qualifiers=qualifiers, qualified=qualified,
                        period_differs=bool(counted["period_differs"].any()) if len(counted) else False,
                        units=int(counted["units"].max()) if len(counted) else 0)


# The qualifier rule, for every sum of published figures: a sum whose figures all share one qualifier other than
# exact carries its sign ("> 10,2 tỷ đồng"); a sum that mixes qualified and exact figures carries none and is
# followed by a note that lists the qualified ones (qualified_note).
def shared_qualifier(qualifiers) -> str | None:
    """The one qualifier every figure of a sum shares, when it is not 'exact'; else None."""
    found = set(qualifiers)
    return next(iter(found)) if len(found) == 1 and found != {"exact"} else None


def qualified_money(amount, qualifiers, codes: CodeLists, lang: str, unit: str | None = None,
                    decimals: int | None = None) -> str:
    """A sum of money with the sign of the qualifier its figures share ('> 10,2 tỷ đồng'); `unit` and `decimals` as
    in format_money (a column passes its group's)."""
    text = format_money(amount, lang, unit=unit, decimals=decimals)
    qualifier = shared_qualifier(qualifiers)
    symbol = codes.symbol(qualifier) if qualifier and not is_missing(amount) else None
    return f"{symbol} {text}" if symbol else text


def qualified_note(total: FundingTotal, lang: str) -> str | None:
    """'Tổng gồm số liệu không chính xác: hơn 10,2 tỷ đồng (Ninh Bình 2019)' when the total mixes qualified and
    exact figures (a shared qualifier is shown by its sign instead); None otherwise."""
    if shared_qualifier(total.qualifiers):
        return None
    return qualified_items_note(total.qualified, lang)


def qualified_items_note(qualified: pd.DataFrame | None, lang: str) -> str | None:
    """The note under a sum that adds the given not-exact figures (rows of funding_qualified.sql), each as written
    with its area and years; None when there are none."""
    if qualified is None or qualified.empty:
        return None
    name = "unit_name_vi" if lang == "vi" else "unit_name_en"
    items = []
    for row in qualified.itertuples():
        written = row.value_as_written if lang == "vi" and not is_missing(row.value_as_written) else \
            f"{row.symbol} {format_money(float(row.amount_mvnd), lang)}"
        items.append(f"{written} ({getattr(row, name)} {format_year_span(row.year_from, row.year_to)})")
    return t("qualified_total_note", lang, items="; ".join(items))


def yearly_totals(annual: pd.DataFrame) -> pd.DataFrame:
    """Total per year over the funding sources in the frame (annual figures only)."""
    return annual.groupby("year", as_index=False)["amount_mvnd"].sum().sort_values("year")


def to_real_values(query: Query, annual: pd.DataFrame, base_year: int) -> pd.DataFrame:
    """Money at the prices of base_year, using the CPI (2025 = 100)."""
    cpi = query("cpi").set_index("year")["index_value"].astype(float)
    frame = annual.copy()
    frame["amount_mvnd"] = frame["amount_mvnd"] * float(cpi[base_year]) / frame["year"].map(cpi)
    return frame


def average_annual_growth(totals: pd.DataFrame) -> float | None:
    """Compound annual growth between the first and last reported years, in percent."""
    reported = totals[totals["amount_mvnd"] > 0].sort_values("year")
    if len(reported) < 2:
        return None
    first, last = reported.iloc[0], reported.iloc[-1]
    years = int(last["year"] - first["year"])
    return ((last["amount_mvnd"] / first["amount_mvnd"]) ** (1 / years) - 1) * 100


# The comparability rule, for every series that joins years: two years may be joined (by a line, a running total, a
# change in percent or a growth rate) only when they are consecutive and rest on the same units, each with the same
# funding sources. A sum over "all areas" holds Nghệ An alone in 2002 and Long An alone in 2021: a line or a growth
# rate between them would show which provinces were published, not how funding moved.
def year_coverage(annual: pd.DataFrame) -> pd.DataFrame:
    """year, unit_ids (sorted list), units (how many), joined (same units and sources as the year before, which is
    reported): one row per reported year of an annual frame (unit_id, year, funding_source, amount_mvnd)."""
    if annual.empty:
        return pd.DataFrame({"year": pd.Series(dtype=int), "unit_ids": pd.Series(dtype=object),
                             "units": pd.Series(dtype=int), "joined": pd.Series(dtype=bool)})
    keys = annual.groupby("year").apply(lambda rows: frozenset(zip(rows["unit_id"], rows["funding_source"])),
                                        include_groups=False).sort_index()
    years = list(keys.index)
    joined = [i > 0 and years[i] - years[i - 1] == 1 and keys.iloc[i] == keys.iloc[i - 1] for i in range(len(years))]
    return pd.DataFrame({"year": [int(y) for y in years],
                         "unit_ids": [sorted({u for u, _ in k}) for k in keys],
                         "units": [len({u for u, _ in k}) for k in keys], "joined": joined})


def why_not_comparable(coverage: pd.DataFrame) -> str | None:
    """None when the whole series may be joined (every year from first to last reported, on one set of units and
    sources); else the reason's message key: one year only, years missing, or the units change."""
    if len(coverage) < 2:
        return "series_one_year"
    if coverage["joined"].iloc[1:].all():
        return None
    years = list(coverage["year"])
    if years[-1] - years[0] + 1 > len(years):
        return "series_years_missing"
    return "series_units_change"


def year_on_year_change(totals: pd.DataFrame, coverage: pd.DataFrame | None = None) -> pd.DataFrame:
    """Percentage change on the previous year, only where that year is reported and, given the coverage, rests on
    the same units and sources (year_coverage)."""
    frame = totals.set_index("year")["amount_mvnd"]
    previous = frame.shift(1)
    consecutive = pd.Series(frame.index, index=frame.index).diff() == 1
    if coverage is not None:
        consecutive &= pd.Series(frame.index, index=frame.index).map(
            dict(zip(coverage["year"], coverage["joined"]))).fillna(False).astype(bool)
    change = ((frame - previous) / previous * 100).where(consecutive & (previous > 0))
    return change.dropna().rename("change_pct").reset_index()


def comparable_growth(totals: pd.DataFrame, coverage: pd.DataFrame) -> tuple[float | None, str | None]:
    """Average annual growth and None, when the series may be joined (why_not_comparable); else None and the
    reason's message key."""
    reason = why_not_comparable(coverage)
    if reason:
        return None, reason
    growth = average_annual_growth(totals)
    return growth, None if growth is not None else "series_one_year"


def share_units(by_unit_source: pd.DataFrame, sources=SHARE_SOURCES) -> list[str]:
    """The units that report every one of `sources`: the ones source shares are taken over."""
    rows = by_unit_source[by_unit_source["funding_source"].isin(sources)]
    per_unit = rows.groupby("unit_id")["funding_source"].nunique()
    return list(per_unit[per_unit == len(sources)].index)


def source_shares(by_unit_source: pd.DataFrame, sources=SHARE_SOURCES) -> tuple[dict[str, float], int]:
    """Shares (%) of each of `sources` in their sum, over the units that report every one of them, and how many
    units that is. by_unit_source: unit_id, funding_source, amount_mvnd (counted figures). A share over units that
    report only one source would show which provinces published what, not how money splits."""
    both = share_units(by_unit_source, sources)
    rows = by_unit_source[by_unit_source["funding_source"].isin(sources) & by_unit_source["unit_id"].isin(both)]
    total = float(rows["amount_mvnd"].astype(float).sum())
    if not total:
        return {}, 0
    by_source = rows.groupby("funding_source")["amount_mvnd"].sum().astype(float)
    return {s: 100 * float(by_source.get(s, 0.0)) / total for s in sources}, len(both)


# --- What a figure shown does not say by itself: another kind there is, parts of a year, stated totals missed ---

DIFFERS_MARK = "⚑"


def other_kind_text(rows: pd.DataFrame, codes: CodeLists, lang: str) -> str | None:
    """'có số Kế hoạch được duyệt: > 25 tỷ đồng (2019)': the latest figure of each other kind (other_kind_figures
    rows of one unit); None when there is none."""
    if rows is None or rows.empty:
        return None
    items = [f"{codes.name(FIGURES, r.figure, lang)}: "
             f"{qualified_money(float(r.amount_mvnd), list(r.qualifiers), codes, lang)} "
             f"({format_year_span(int(r.year_from), int(r.year_to))})" for r in rows.itertuples()]
    return t("other_kind_has", lang, items="; ".join(items))


def partial_items(rows: pd.DataFrame | None, lang: str) -> str | None:
    """'≥ 700 triệu đồng (Quảng Bình, đợt 1 năm 2025)' for each figure of part of a year; None without any."""
    if rows is None or rows.empty:
        return None
    name, part = ("unit_name_vi", "partial_vi") if lang == "vi" else ("unit_name_en", "partial_en")
    items = []
    for row in rows.itertuples():
        # formatted in the reader's language: a document's own words may be English ("VND600 million")
        written = f"{row.symbol or ''} {format_money(float(row.amount_mvnd), lang)}".strip()
        span = format_year_span(int(row.year_from), int(row.year_to))
        where = getattr(row, name)
        items.append(f"{written} ({where} {span}, {getattr(row, part)} {int(row.year_to)})")
    return "; ".join(items)


DIFFERS = {False: N_("differs_gap"), True: N_("differs_missing_years")}  # years missing inside the span or not


def difference_items(rows: pd.DataFrame | None, codes: CodeLists, lang: str) -> list[str]:
    """Each period total the annual figures shown do not agree with, both values side by side."""
    if rows is None or rows.empty:
        return []
    name = "unit_name_vi" if lang == "vi" else "unit_name_en"
    items = []
    for row in rows.itertuples():
        values = {"mark": DIFFERS_MARK, "area": getattr(row, name),
                  "source": codes.source_name(row.funding_source, lang),
                  "years": format_year_span(int(row.year_from), int(row.year_to)),
                  "annual": format_money(float(row.annual_sum_mvnd), lang),
                  "stated": format_money(float(row.reported_mvnd), lang)}
        missing = int(row.years_missing)
        items.append(t(DIFFERS[bool(missing)], lang, **values, n=format_number(missing, lang)))
    return items


def published_value(row, codes: CodeLists, lang: str) -> str:
    """'270 (2016–2020)', '> 120 (2016–2020)', '11 (2017, kế hoạch)'."""
    qualifiers = list(row["qualifiers"]) if not is_missing(row["qualifiers"]) else []
    symbol = codes.symbol(shared_qualifier(qualifiers)) if shared_qualifier(qualifiers) else None
    number = format_number(float(row["projects"]), lang)
    span = format_year_span(int(row["year_from"]), int(row["year_to"]))
    plan = ", " + t("kpi_published_plan", lang) if bool(row["plan"]) else ""
    levels = "" if bool(row["all_levels"]) or is_missing(row["levels"]) else \
        ", " + ", ".join(codes.source_name(s, lang) for s in row["levels"])
    return f"{symbol + ' ' if symbol else ''}{number} ({span}{levels}{plan})"
