"""Progress against plan: the share of a plan that should be done by now, and the status a director reads.

The rule (stated on the Plan versus actual page):

- Expected % of plan = the share of the plan's period that has elapsed. A plan for the period itself (a quarter's
  plan for that quarter, a year's plan for the whole year) expects 100 %. A year plan expects 25 % after one
  quarter (any single quarter), 50 % after the first half, 25 × n % after quarters I..n cumulated (lũy kế).
- Status: behind (Chậm tiến độ) when % of plan is more than 5 points under the expected %; ahead (Vượt tiến độ)
  when it is more than 5 points over; on track (Đúng tiến độ) otherwise, the ±5 boundaries included.
- No plan, no % of plan: no status (not reported is not zero, and is not "behind").
"""

from khuyencong.i18n.formatting import is_missing
from khuyencong.i18n.labels import N_

TOLERANCE_POINTS = 5.0
BEHIND, ON_TRACK, AHEAD, NO_STATUS = "behind", "on_track", "ahead", "no_status"
STATUSES = (BEHIND, ON_TRACK, AHEAD, NO_STATUS)
# Okabe–Ito colours; every status also has a symbol and a word, never the colour alone.
STATUS_COLOURS = {BEHIND: "#D55E00", ON_TRACK: "#0072B2", AHEAD: "#009E73", NO_STATUS: "#999999"}
STATUS_SYMBOLS = {BEHIND: "▼", ON_TRACK: "●", AHEAD: "▲", NO_STATUS: "–"}
STATUS_WORDS = {BEHIND: N_("plan_actual_status_behind"), ON_TRACK: N_("plan_actual_status_on_track"),
                AHEAD: N_("plan_actual_status_ahead"),
                NO_STATUS: N_("plan_actual_status_no_status")}
QUARTERS = ("Q1", "Q2", "Q3", "Q4")
PERIODS = ("year", "H1", *QUARTERS)


def elapsed_share(period: str, cumulative: bool = False) -> float:
    """Share of a year that the period covers: year 1, H1 0.5, one quarter 0.25, quarters I..n cumulated n/4."""
    if period == "year":
        return 1.0
    if period == "H1":
        return 0.5
    if period in QUARTERS:
        return (QUARTERS.index(period) + 1) / 4 if cumulative else 0.25
    raise ValueError(f"unknown period {period!r}")


def expected_pct(period: str, plan_basis: str | None = "period", cumulative: bool = False) -> float:
    """The % of plan that should be reached by the end of `period`.

    plan_basis 'period' (or None): the plan is for this very period (or the sum of its quarters' plans) -> 100.
    plan_basis 'year': the plan is for the whole year -> the elapsed share of the year.
    """
    if plan_basis in (None, "period"):
        return 100.0
    if plan_basis == "year":
        return round(100.0 * elapsed_share(period, cumulative), 6)
    raise ValueError(f"unknown plan basis {plan_basis!r}")


def percent_of(actual, reference) -> float | None:
    """actual / reference × 100; None when either is not reported or the reference is zero."""
    if is_missing(actual) or is_missing(reference) or float(reference) == 0:
        return None
    return float(actual) / float(reference) * 100


def progress_status(pct_of_plan, expected: float, tolerance: float = TOLERANCE_POINTS) -> str:
    """behind / on_track / ahead by comparing % of plan with the expected %; no_status without a % of plan."""
    if is_missing(pct_of_plan):
        return NO_STATUS
    gap = round(float(pct_of_plan) - float(expected), 6)
    if gap < -tolerance:
        return BEHIND
    if gap > tolerance:
        return AHEAD
    return ON_TRACK


def derived_reference(actual, pct_reported) -> float | None:
    """The figure a reported percentage implies: actual ÷ pct × 100 (e.g. the plan behind '49,1% kế hoạch').

    This is derived, not reported, and must be labelled so wherever it is shown.
    """
    if is_missing(actual) or is_missing(pct_reported) or float(pct_reported) == 0:
        return None
    return float(actual) / float(pct_reported) * 100


# ---------------------------------------------------------------------------------------------------------------
# Figures of the Plan versus actual page, shaped from the query results (the sums themselves are made in SQL).

QUARTER_NUMERALS = {"Q1": N_("plan_actual_quarter_1"), "Q2": N_("plan_actual_quarter_2"),
                    "Q3": N_("plan_actual_quarter_3"),
                    "Q4": N_("plan_actual_quarter_4")}
WHEN = {"year": N_("plan_actual_when_year"), "H1": N_("plan_actual_when_H1")}
# 'gần 300', 'khoảng 300', 'hơn 300': how a value reads with its qualifier (an exact value or an estimate reads as it
# is).
QUALIFIED_VALUE = {"approx": N_("plan_actual_value_approx"), "nearly": N_("plan_actual_value_nearly"),
                   "more_than": N_("plan_actual_value_more_than")}


def periods_for(period: str, cumulative: bool) -> list[str]:
    """The periods a view adds up: ['Q1', 'Q2'] for quarters I..II to date, else the period itself."""
    if cumulative and period in QUARTERS:
        return list(QUARTERS[:QUARTERS.index(period) + 1])
    return [period]


def period_with_figures(available, year: int, current: str | None) -> str:
    """The period to show for a year: the one chosen if the year has figures for it (or for a quarter it cumulates),
    else the first of PERIODS that has figures, so the page never opens on an empty period (H1-only reports)."""
    reported = set(available.loc[available["year"] == year, "period"])
    if current in PERIODS and (current in reported or (current in QUARTERS and reported & set(QUARTERS))):
        return current
    return next((p for p in PERIODS if p in reported), current if current in PERIODS else PERIODS[0])


def describe_when(period: str, year: int, lang: str, cumulative: bool = False) -> str:
    """'6 tháng đầu năm 2024', 'quý II/2024', 'lũy kế quý I–II/2024' (vi); 'first half of 2024'... (en)."""
    from khuyencong.i18n.labels import t

    if period in QUARTERS:
        key = N_("plan_actual_when_cumulative") if cumulative and period != "Q1" else N_("plan_actual_when_quarter")
        return t(key, lang, q=t(QUARTER_NUMERALS[period], lang), year=year)
    return t(WHEN[period], lang, year=year)


def capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def status_text(status: str, lang: str) -> str:
    """'▼ Chậm tiến độ': the symbol and the word, so the status never rests on colour alone."""
    from khuyencong.i18n.labels import t

    return STATUS_SYMBOLS[status] + " " + t(STATUS_WORDS[status], lang)


def _row_qualifier(row) -> str:
    qualifier = getattr(row, "qualifier", None)
    if isinstance(qualifier, str):
        return qualifier
    qualifiers = list(getattr(row, "qualifiers", None) or [])
    return qualifiers[0] if len(qualifiers) == 1 else "exact"


def format_indicator_value(value, is_money: bool, lang: str, qualifier: str = "exact") -> str:
    """A value of an indicator as a reader reads it: money in tỷ đồng (the unit its row names), counts grouped;
    'gần 300' if nearly, 'khoảng 300' if approx."""
    from khuyencong.i18n.formatting import format_money, format_number
    from khuyencong.i18n.labels import t

    if is_missing(value):
        return format_number(None, lang)
    text = format_money(float(value), lang, unit="bn") if is_money else format_number(float(value), lang, 1, trim=True)
    if qualifier in QUALIFIED_VALUE:
        text = t(QUALIFIED_VALUE[qualifier], lang, value=text)
    return text


def indicator_progress(frame, period: str, cumulative: bool = False):
    """Add % of plan, % of the same period, derived plan and prior, expected % and status to indicator rows.

    A reported percentage (plan_pct_reported, prior_pct_reported) is used as it stands; it is never recomputed.
    Where the plan or the prior value is missing but its percentage was reported, the value it implies is derived.
    """
    rows = frame.copy()
    basis, pct_plan, plan_reported, pct_prior, prior_reported, derived_plan, derived_prior = ([] for _ in range(7))
    expected, status = [], []
    for row in rows.itertuples():
        row_basis = row.plan_pct_basis if isinstance(row.plan_pct_basis, str) else "period"
        has_plan_pct = not is_missing(row.plan_pct_reported)
        has_prior_pct = not is_missing(row.prior_pct_reported)
        plan = float(row.plan_pct_reported) if has_plan_pct else percent_of(row.actual_value, row.plan_value)
        prior = float(row.prior_pct_reported) if has_prior_pct else percent_of(row.actual_value, row.prior_value)
        basis.append(row_basis)
        pct_plan.append(plan)
        plan_reported.append(has_plan_pct)
        pct_prior.append(prior)
        prior_reported.append(has_prior_pct)
        derived_plan.append(derived_reference(row.actual_value, row.plan_pct_reported)
                            if is_missing(row.plan_value) else None)
        derived_prior.append(derived_reference(row.actual_value, row.prior_pct_reported)
                             if is_missing(row.prior_value) else None)
        expected.append(expected_pct(period if isinstance(period, str) else row.period, row_basis, cumulative))
        status.append(progress_status(plan, expected[-1]))
    return rows.assign(plan_basis=basis, pct_plan=pct_plan, pct_plan_reported=plan_reported, pct_prior=pct_prior,
                       pct_prior_reported=prior_reported, derived_plan=derived_plan, derived_prior=derived_prior,
                       expected_pct=expected, status=status)


def summary_sentence(row, lang: str) -> str:
    """'đạt 49,1% kế hoạch năm, bằng 153,7% cùng kỳ': the sentence every progress report uses."""
    from khuyencong.i18n.formatting import format_percent
    from khuyencong.i18n.labels import t

    if is_missing(row.pct_plan):
        plan = t("plan_actual_summary_no_plan", lang)
    else:
        pct = format_percent(row.pct_plan, lang)
        plan = t("plan_actual_summary_plan_year", lang, pct=pct) if row.plan_basis == "year" else \
            t("plan_actual_summary_plan", lang, pct=pct)
    prior = (t("plan_actual_summary_no_prior", lang) if is_missing(row.pct_prior)
             else t("plan_actual_summary_prior", lang, pct=format_percent(row.pct_prior, lang)))
    return f"{plan}, {prior}"


def _derived_or_value(value, derived, is_money: bool, lang: str, qualifier: str = "exact") -> str:
    from khuyencong.i18n.labels import t

    if is_missing(value) and not is_missing(derived):
        return t("plan_actual_derived_mark", lang, value=format_indicator_value(derived, is_money, lang))
    return format_indicator_value(value, is_money, lang, qualifier)


def _pct_text(pct, reported: bool, lang: str) -> str:
    from khuyencong.i18n.formatting import format_percent
    from khuyencong.i18n.labels import t

    text = format_percent(pct, lang)
    return t("plan_actual_reported_mark", lang, value=text) if reported and not is_missing(pct) else text


def _measure(row, lang: str) -> str:
    from khuyencong.i18n.labels import t

    if row.is_money:
        return t("plan_actual_money_measure", lang)
    return row.unit_vi if lang == "vi" else row.unit_en


def _data_note(row, lang: str) -> str:
    from khuyencong.i18n.labels import t

    parts = [t("plan_actual_illustrative_mark", lang)] if getattr(row, "is_illustrative", False) else []
    qualifier = _row_qualifier(row)
    if qualifier != "exact":
        parts.append(t(f"plan_actual_qualifier_{qualifier}", lang))
    return "; ".join(parts)


def _expected_text(row, lang: str) -> str:
    from khuyencong.i18n.formatting import format_percent
    from khuyencong.i18n.labels import t

    pct = format_percent(row.expected_pct, lang, 0)
    return t("plan_actual_expected_year", lang,
             pct=pct) if row.plan_basis == "year" else t("plan_actual_expected_period", lang, pct=pct)


def indicator_table(rows, lang: str, unit_names: dict | None = None):
    """The indicator rows as a table of text a reader reads; with unit_names, a first column names the area."""
    import pandas as pd

    from khuyencong.i18n.labels import t

    records = []
    for row in rows.itertuples():
        qualifier = _row_qualifier(row)
        record = {} if unit_names is None else \
            {t("plan_actual_col_area", lang): unit_names.get(row.unit_id, row.unit_id)}
        record.update({
            t("plan_actual_col_indicator", lang): row.name_vi if lang == "vi" else row.name_en,
            t("plan_actual_col_measure", lang): _measure(row, lang),
            t("plan_actual_col_plan", lang): _derived_or_value(row.plan_value, row.derived_plan, row.is_money, lang),
            t("plan_actual_col_actual", lang): format_indicator_value(row.actual_value, row.is_money, lang, qualifier),
            t("plan_actual_col_pct", lang): _pct_text(row.pct_plan, row.pct_plan_reported, lang),
            t("plan_actual_col_status", lang): status_text(row.status, lang),
            t("plan_actual_col_expected", lang): "—" if row.status == NO_STATUS else _expected_text(row, lang),
            t("plan_actual_col_prior", lang): _derived_or_value(row.prior_value, row.derived_prior, row.is_money, lang),
            t("plan_actual_col_pct_prior", lang): _pct_text(row.pct_prior, row.pct_prior_reported, lang),
            t("plan_actual_col_summary", lang): summary_sentence(row, lang),
            t("plan_actual_col_data_note", lang): _data_note(row, lang),
        })
        records.append(record)
    return pd.DataFrame(records)


def reported_table(rows, lang: str):
    """Real outcome rows as the source reported them, with derived figures marked and the source's own note."""
    import pandas as pd

    from khuyencong.i18n.formatting import text_or_empty
    from khuyencong.i18n.labels import t

    table = indicator_table(rows, lang)
    table[t("plan_actual_col_quote", lang)] = [text_or_empty(q) for q in rows["quote"]]
    return pd.DataFrame(table)


def progress_chart_rows(rows, lang: str):
    """The rows of one unit for the progress chart: label, % of plan, expected %, status and the text beside a bar."""
    import pandas as pd

    from khuyencong.i18n.formatting import format_percent

    labels, texts = [], []
    for row in rows.itertuples():
        name = row.name_vi if lang == "vi" else row.name_en
        labels.append(name if row.is_money else f"{name} ({row.unit_vi if lang == 'vi' else row.unit_en})")
        pct = format_percent(row.pct_plan, lang)
        texts.append(f"{STATUS_SYMBOLS[row.status]} {pct} · {status_text(row.status, lang)[2:]}"
                     if not is_missing(row.pct_plan) else status_text(row.status, lang))
    return pd.DataFrame({
        "label": labels, "pct_plan": list(rows["pct_plan"]), "expected_pct": list(rows["expected_pct"]),
        "status": list(rows["status"]), "text": texts,
        "illustrative": [bool(v) for v in rows["is_illustrative"]] if "is_illustrative" in rows else False,
        "actual": [format_indicator_value(v, m, lang, _row_qualifier(r)) for v, m, r in
                   zip(rows["actual_value"], rows["is_money"], rows.itertuples())],
        "plan": [_derived_or_value(v, d, m, lang) for v, d, m in
                 zip(rows["plan_value"], rows["derived_plan"], rows["is_money"])],
    })


def money_table(rows, lang: str, first: str, codes):
    """Project money rows (one grouping of plan_money) as text: first is 'year' or 'source'; codes: CodeLists."""
    import pandas as pd

    from khuyencong.i18n.formatting import format_money, format_number, format_percent, money_decimals
    from khuyencong.i18n.labels import t

    def source_name(code: str) -> str:
        return t("plan_actual_source_unknown", lang) if code == "unknown" else codes.source_name(code, lang)

    # Plan and actual money are read against each other: one unit and one precision for both columns.
    decimals = money_decimals([*rows["plan_mvnd"], *rows["actual_mvnd"]])
    records = []
    for row in rows.itertuples():
        record = {}
        if first in ("year", "year_source"):
            record[t("plan_actual_col_year", lang)] = str(int(row.year))
        if first in ("source", "year_source"):
            record[t("plan_actual_col_source", lang)] = source_name(row.funding_source)
        record.update({
            t("plan_actual_col_projects", lang): format_number(row.projects, lang),
            t("plan_actual_col_plan_money", lang): format_money(row.plan_mvnd, lang, "bn", decimals),
            t("plan_actual_col_actual_money", lang): format_money(row.actual_mvnd, lang, "bn", decimals),
            t("plan_actual_col_pct_plan", lang):
                format_percent(percent_of(row.pct_actual_mvnd, row.pct_plan_mvnd), lang),
            t("plan_actual_col_not_reported", lang): format_number(row.projects - row.projects_with_actual, lang),
        })
        records.append(record)
    return pd.DataFrame(records)


def money_rows(frame, grouping: str):
    """One grouping of the plan_money query ('year_source', 'year', 'source', 'total') with % of plan and the
    number of projects whose actual amount is not reported."""
    rows = frame[frame["grouping"] == grouping].reset_index(drop=True)
    return rows.assign(
        pct_of_plan=[percent_of(a, p) for a, p in zip(rows["pct_actual_mvnd"], rows["pct_plan_mvnd"])],
        projects_without_actual=rows["projects"] - rows["projects_with_actual"],
        projects_without_plan=rows["projects"] - rows["projects_with_plan"])


def reports_project_money(total) -> bool:
    """Whether any project in view reports a plan or an actual amount (a total row of money_rows); when none does,
    a chart of project money would only draw empty axes."""
    return bool(total["projects_with_plan"] or total["projects_with_actual"])


def compares_project_money(total) -> bool:
    """Whether any project in view reports its actual amount: without one, plan against actual compares nothing
    (a chart of plan bars beside no actual, "không có số liệu" key figures)."""
    return bool(total["projects_with_actual"])


def shows_progress(rows) -> bool:
    """Whether any indicator row has a status (a % of plan): a progress chart of "Chưa đánh giá" bars says nothing."""
    return bool((rows["status"] != NO_STATUS).any())


def summary_lines(total, published, available, reported, lang: str) -> list[str]:
    """What the page has, before any detail: how many projects have a plan, an actual, both; how many published
    plan–executed pairs; how many result figures and how many of them can be judged against a plan."""
    from khuyencong.i18n.formatting import format_number
    from khuyencong.i18n.labels import t

    def n(value) -> str:
        return format_number(int(value), lang)

    lines = []
    if total is None or not total["projects"]:
        lines.append(t("plan_actual_summary_money_none", lang))
    else:
        lines.append(t("plan_actual_summary_money", lang, n=n(total["projects"]), plan=n(total["projects_with_plan"]),
                       actual=n(total["projects_with_actual"]), both=n(total["projects_with_both"])))
    pairs = spans_with_both_sides(published)
    spans = pairs[["unit_id", "year_from", "year_to"]].drop_duplicates() if len(pairs) else pairs
    lines.append(t("plan_actual_summary_published", lang, pairs=n(len(spans)), units=n(spans["unit_id"].nunique()))
                 if len(spans) else t("plan_actual_summary_published_none", lang))
    figures = int(available["figures"].sum()) if len(available) else 0
    lines.append(t("plan_actual_summary_results", lang, figures=n(figures), years=n(available["year"].nunique()))
                 if figures else t("plan_actual_summary_results_none", lang))
    if len(reported):
        judged = int((reported["plan_value"].notna() | reported["plan_pct_reported"].notna()).sum())
        reports = len(reported.groupby(["unit_id", "year", "period", "doc_id"]))
        lines.append(t("plan_actual_summary_reported", lang, of=n(len(reported)), reports=n(reports),
                       judged=n(judged)))
    return lines


def executed_share_sign(plan_qualifier: str, executed_qualifier: str, codes) -> str:
    """The sign a share 'executed / plan' carries: none when both are exact, the executed figure's lower-bound sign
    (>, ≥) over an exact plan, else ≈ (a qualified plan makes the share approximate)."""
    if plan_qualifier == "exact" and executed_qualifier == "exact":
        return ""
    symbol = codes.symbol(executed_qualifier) if plan_qualifier == "exact" else None
    return symbol if symbol in (">", "≥") else "≈"


def spans_with_both_sides(rows):
    """The published figures (query plan_executed) of the unit-spans that have a plan side and an executed side."""
    if rows.empty:
        return rows
    return rows[rows.groupby(["unit_id", "year_from", "year_to"])["side"].transform("nunique") == 2]


def published_plan_executed_table(rows, lang: str, codes, unit_names: dict):
    """Published plan-side and executed-side figures (query plan_executed) of the spans that have both, one row per
    unit, years and funding level, the two sides side by side and never summed; the share only when each side has
    one figure."""
    import pandas as pd

    from khuyencong.figures.funding import qualified_money
    from khuyencong.i18n.formatting import format_date, format_percent, format_year_span
    from khuyencong.i18n.labels import t

    def figures_text(side) -> str:
        return "; ".join(f"{codes.name('figure', r.figure, lang)}: "
                         f"{qualified_money(r.amount_mvnd, [r.qualifier], codes, lang)}" for r in side.itertuples())

    def document(side) -> str:
        def when(r) -> str:
            return format_date(r.published_on, lang) if not is_missing(r.published_on) else (r.date_note or "")
        return "; ".join(dict.fromkeys(f"{r.publisher or r.title} {when(r)}".strip() for r in side.itertuples()))

    rows = spans_with_both_sides(rows).sort_values(["unit_id", "year_from", "year_to", "funding_source"],
                                                   na_position="first", kind="stable")
    records = []
    keys = ["unit_id", "year_from", "year_to", "funding_source"]
    for (unit, year_from, year_to, source), group in rows.groupby(keys, sort=False, dropna=False):
        plan, executed = group[group["side"] == "plan"], group[group["side"] == "executed"]
        share = ""
        if len(plan) == 1 and len(executed) == 1:
            p, e = plan.iloc[0], executed.iloc[0]
            pct = percent_of(float(e["amount_mvnd"]), float(p["amount_mvnd"]))
            sign = executed_share_sign(p["qualifier"], e["qualifier"], codes)
            share = f"{sign} {format_percent(pct, lang)}".strip()
        records.append({
            t("plan_actual_col_area", lang): unit_names.get(unit, unit),
            t("plan_actual_pub_col_years", lang): format_year_span(int(year_from), int(year_to)),
            t("plan_actual_col_source", lang): t("plan_actual_pub_all_levels", lang) if is_missing(source)
            else codes.source_name(source, lang),
            t("plan_actual_pub_col_plan", lang): figures_text(plan) or t("plan_actual_pub_none", lang),
            t("plan_actual_pub_col_executed", lang): figures_text(executed) or t("plan_actual_pub_none", lang),
            t("plan_actual_pub_col_share", lang): share,
            t("plan_actual_pub_col_plan_doc", lang): document(plan),
            t("plan_actual_pub_col_plan_link", lang): next(iter(plan["url"].dropna()), ""),
            t("plan_actual_pub_col_executed_doc", lang): document(executed),
            t("plan_actual_pub_col_executed_link", lang): next(iter(executed["url"].dropna()), ""),
        })
    return pd.DataFrame(records)
