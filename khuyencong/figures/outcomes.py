"""Figures of the Outcomes page: money and results by activity and sector, cost per outcome, the drill-down."""

import pandas as pd

from khuyencong.data.filters import Filters
from khuyencong.i18n.formatting import format_money, format_number, is_missing
from khuyencong.i18n.labels import t
from khuyencong.ui.fetch import fetch

TOP_PROJECTS = 15


def funding_by_group(filters: Filters) -> pd.DataFrame:
    """activity_id, sector_id, projects, plan/actual/counterpart (triệu đồng, NaN = not reported)."""
    frame = fetch("outcomes_funding_by_group", filters)
    for column in ("plan_mvnd", "actual_mvnd", "counterpart_mvnd", "actual_with_counterpart_mvnd"):
        frame[column] = frame[column].astype(float)
    return frame


def roll_up(groups: pd.DataFrame, by: str) -> pd.DataFrame:
    """Sum the activity × sector cells to one level; a sum of nothing reported stays not reported."""
    sums = groups.groupby(by, as_index=False).agg(
        projects=("projects", "sum"), projects_with_actual=("projects_with_actual", "sum"),
        plan_mvnd=("plan_mvnd", lambda s: s.sum(min_count=1)),
        actual_mvnd=("actual_mvnd", lambda s: s.sum(min_count=1)),
        counterpart_mvnd=("counterpart_mvnd", lambda s: s.sum(min_count=1)),
        actual_with_counterpart_mvnd=("actual_with_counterpart_mvnd", lambda s: s.sum(min_count=1)),
        has_illustrative=("has_illustrative", "any"))
    sums["leverage"] = sums["counterpart_mvnd"] / sums["actual_with_counterpart_mvnd"]
    return sums.sort_values(["actual_mvnd", "projects"], ascending=False, na_position="last")


def code_names(lang: str) -> dict[str, str]:
    """Activity and sector codes to names in the UI language; '' is 'not stated'."""
    codes = fetch("code_lists")
    names = dict(zip(codes["code"], codes["name_vi" if lang == "vi" else "name_en"]))
    names[""] = t("outcomes_not_stated", lang)
    return names


def group_header(key: str, lang: str) -> str:
    """'Nội dung' for activities, 'Ngành nghề' for sectors."""
    return t("outcomes_col_activity", lang) if key == "activity_id" else t("outcomes_col_sector", lang)


def group_table(level: pd.DataFrame, key: str, lang: str) -> pd.DataFrame:
    """The table beneath a drill-down chart: names, projects, money formatted, NULL as not reported."""
    names = code_names(lang)
    return pd.DataFrame({
        group_header(key, lang): [names.get(c, c) for c in level[key]],
        t("outcomes_col_projects", lang): [format_number(v, lang) for v in level["projects"]],
        t("outcomes_col_plan", lang): [format_money(v, lang) for v in level["plan_mvnd"]],
        t("outcomes_col_actual", lang): [format_money(v, lang) for v in level["actual_mvnd"]],
        t("outcomes_col_leverage", lang): [t("leverage_value", lang, value=format_number(v, lang, 2))
                                           if not is_missing(v) else format_number(None, lang)
                                           for v in level["leverage"]],
    })


def projects(filters: Filters, activity: str | None = None, sector: str | None = None,
             limit: int = TOP_PROJECTS) -> pd.DataFrame:
    """The largest projects of the view (by actual, then planned money), optionally of one activity and sector."""
    return fetch("outcomes_projects", filters, activity=activity, sector=sector, limit=limit)


def project_table(rows: pd.DataFrame, lang: str, unit_name) -> pd.DataFrame:
    """Projects as a reader sees them: amounts formatted, status and source named, NULL as not reported."""
    names = code_names(lang)
    documents = fetch("document_titles").set_index("doc_id")["title"]
    return pd.DataFrame({
        t("outcomes_col_project", lang): rows["name"],
        t("outcomes_col_area", lang): [unit_name(u) for u in rows["unit_id"]],
        t("outcomes_col_year", lang): rows["year"].astype(str),
        t("outcomes_col_activity", lang): [names.get(c, c) for c in rows["activity_id"]],
        t("outcomes_col_plan", lang): [format_money(v, lang) for v in rows["plan_mvnd"]],
        t("outcomes_col_actual", lang): [format_money(v, lang) for v in rows["actual_mvnd"]],
        t("outcomes_col_counterpart", lang): [format_money(v, lang) for v in rows["counterpart_mvnd"]],
        t("outcomes_col_status", lang): [t(f"outcomes_status_{s}", lang) if isinstance(s, str)
                                         else format_number(None, lang) for s in rows["status"]],
        t("outcomes_col_source", lang): [t("outcomes_illustrative", lang) if ill else documents.get(d, d)
                                   for d, ill in zip(rows["doc_id"], rows["is_illustrative"])],
    })


def indicators(filters: Filters) -> pd.DataFrame:
    """Whole-year outcome indicators by activity and sector, with units."""
    frame = fetch("outcomes_indicators", filters)
    frame["actual_value"] = frame["actual_value"].astype(float)
    return frame


def indicator_table(frame: pd.DataFrame, by: str, lang: str) -> pd.DataFrame:
    """One row per activity (or sector) and indicator: the result with its unit."""
    names = code_names(lang)
    name_col, unit_col = ("name_vi", "unit_vi") if lang == "vi" else ("name_en", "unit_en")
    rows = frame.groupby([by, "sort_order", name_col, unit_col], as_index=False)["actual_value"].sum(min_count=1)
    rows = rows.assign(group=rows[by].map(names)).sort_values(["group", "sort_order"])
    return pd.DataFrame({
        group_header(by, lang): rows["group"],
        t("outcomes_col_indicator_name", lang): rows[name_col],
        t("outcomes_col_result", lang): [f"{format_number(v, lang)} {u}" if not is_missing(v)
                                         else format_number(None, lang)
                                         for v, u in zip(rows["actual_value"], rows[unit_col])],
    })


def cost_per_outcome(filters: Filters, lang: str) -> tuple[pd.DataFrame, list[str], bool]:
    """Triệu đồng per unit of each indicator, by activity, over cells where both sides are reported."""
    frame = fetch("outcomes_cost", filters)
    names = code_names(lang)
    name_col, unit_col = ("name_vi", "unit_vi") if lang == "vi" else ("name_en", "unit_en")
    table = pd.DataFrame({
        t("outcomes_col_activity", lang): [names.get(a, a) for a in frame["activity_id"]],
        t("outcomes_col_indicator", lang): frame[name_col],
        t("outcomes_col_money", lang): [format_money(v, lang) for v in frame["money_mvnd"]],
        t("outcomes_col_result", lang): [f"{format_number(v, lang)} {u}" for v, u in zip(frame["outcome_value"],
                                                                                   frame[unit_col])],
        t("outcomes_col_cost", lang): [t("outcomes_cost_value", lang, value=format_number(v, lang, 1), unit=u)
                                 for v, u in zip(frame["mvnd_per_unit"].astype(float), frame[unit_col])],
    })
    doc_ids = sorted({d for ids in frame["doc_ids"] for d in ids})
    return table, doc_ids, bool(frame["has_illustrative"].any())


def doc_ids_of(frame: pd.DataFrame) -> list[str]:
    return sorted({d for ids in frame["doc_ids"] for d in ids}) if len(frame) else []
