"""Figures of the Outcomes page: money and results by activity and sector, cost per outcome, the drill-down."""

import pandas as pd

from khuyencong.data.code_lists import STATUSES, load_code_lists
from khuyencong.data.filters import Filters
from khuyencong.data.queries import Query
from khuyencong.i18n.formatting import format_money_group, format_number, is_missing
from khuyencong.i18n.labels import t

TOP_PROJECTS = 15


def _group_rows(query: Query, filters: Filters, level: str) -> pd.DataFrame:
    frame = query("outcomes_funding_by_group", **filters.sql_params())
    frame = frame[frame["level"] == level].drop(columns="level").reset_index(drop=True)
    for column in ("plan_mvnd", "actual_mvnd", "counterpart_mvnd", "leverage"):
        frame[column] = frame[column].astype(float)
    return frame


def funding_by_group(query: Query, filters: Filters) -> pd.DataFrame:
    """One row per activity × sector: projects, plan/actual/counterpart (triệu đồng, NaN = not reported), leverage."""
    return _group_rows(query, filters, "cell")


def activity_totals(query: Query, filters: Filters) -> pd.DataFrame:
    """The same per activity (summed in SQL, so leverage keeps its one formula), largest first."""
    return largest_first(_group_rows(query, filters, "activity"))


def reports_actual_money(groups: pd.DataFrame) -> bool:
    """Whether any project in view reports an actual amount; charts of money by activity and sector need one."""
    return bool(groups["projects_with_actual"].sum())


def largest_first(level: pd.DataFrame) -> pd.DataFrame:
    """Rows of one level (activities, or the sectors of one activity) by actual money, then projects."""
    return level.sort_values(["actual_mvnd", "projects"], ascending=False, na_position="last")


def code_names(query: Query, lang: str) -> dict[str, str]:
    """Activity and sector codes to names in the UI language; '' is 'not stated'."""
    names = load_code_lists(query).activity_sector_names(lang)
    names[""] = t("outcomes_not_stated", lang)
    return names


def group_header(key: str, lang: str) -> str:
    """'Nội dung' for activities, 'Ngành nghề' for sectors."""
    return t("outcomes_col_activity", lang) if key == "activity_id" else t("outcomes_col_sector", lang)


def group_table(query: Query, level: pd.DataFrame, key: str, lang: str) -> pd.DataFrame:
    """The table beneath a drill-down chart: names, projects, money formatted, NULL as not reported."""
    names = code_names(query, lang)
    return pd.DataFrame({
        group_header(key, lang): [names.get(c, c) for c in level[key]],
        t("outcomes_col_projects", lang): [format_number(v, lang) for v in level["projects"]],
        t("outcomes_col_plan", lang): format_money_group(level["plan_mvnd"], lang),
        t("outcomes_col_actual", lang): format_money_group(level["actual_mvnd"], lang),
        t("outcomes_col_leverage", lang): [t("leverage_value", lang, value=format_number(v, lang, 2))
                                           if not is_missing(v) else format_number(None, lang)
                                           for v in level["leverage"]],
    })


def projects(query: Query, filters: Filters, activity: str | None = None, sector: str | None = None,
             limit: int = TOP_PROJECTS, with_actual: bool = False) -> pd.DataFrame:
    """The largest projects of the view (by actual, then planned money), optionally of one activity and sector;
    with_actual: only those whose executed money is reported."""
    return query("outcomes_projects", **filters.sql_params(), activity=activity, sector=sector, limit=limit,
                 with_actual=with_actual)


def projects_without_actual(groups: pd.DataFrame) -> int:
    """How many projects in view report no executed money (left out of a ranking by it)."""
    return int(groups["projects"].sum() - groups["projects_with_actual"].sum())


def project_table(query: Query, rows: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Projects as a reader sees them: amounts formatted, status and source named, NULL as not reported."""
    names = code_names(query, lang)
    statuses = load_code_lists(query).names(STATUSES, lang)
    documents = query("document_titles").set_index("doc_id")["title"]
    return pd.DataFrame({
        t("outcomes_col_project", lang): rows["name"],
        t("outcomes_col_area", lang): rows[f"unit_name_{lang}"],
        t("outcomes_col_year", lang): rows["year"].astype(str),
        t("outcomes_col_activity", lang): [names.get(c, c) for c in rows["activity_id"]],
        # A table of projects: its money in triệu đồng, each column in one precision.
        t("outcomes_col_plan", lang): format_money_group(rows["plan_mvnd"], lang, unit="mn"),
        t("outcomes_col_actual", lang): format_money_group(rows["actual_mvnd"], lang, unit="mn"),
        t("outcomes_col_counterpart", lang): format_money_group(rows["counterpart_mvnd"], lang, unit="mn"),
        t("outcomes_col_status", lang): [statuses.get(s, s) if isinstance(s, str) else format_number(None, lang)
                                   for s in rows["status"]],
        t("outcomes_col_source", lang): [t("outcomes_illustrative", lang) if ill else documents.get(d, d)
                                   for d, ill in zip(rows["doc_id"], rows["is_illustrative"])],
    })


def indicators(query: Query, filters: Filters) -> pd.DataFrame:
    """Whole-year outcome indicators by activity and sector, with units."""
    frame = query("outcomes_indicators", **filters.sql_params())
    frame["actual_value"] = frame["actual_value"].astype(float)
    return frame


def indicator_table(query: Query, frame: pd.DataFrame, by: str, lang: str) -> pd.DataFrame:
    """One row per activity (or sector) and indicator: the result with its unit."""
    names = code_names(query, lang)
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


def cost_per_outcome(query: Query, filters: Filters, lang: str) -> tuple[pd.DataFrame, list[str], bool]:
    """Triệu đồng per unit of each indicator, by activity, over cells where both sides are reported."""
    frame = query("outcomes_cost", **filters.sql_params())
    names = code_names(query, lang)
    name_col, unit_col = ("name_vi", "unit_vi") if lang == "vi" else ("name_en", "unit_en")
    table = pd.DataFrame({
        t("outcomes_col_activity", lang): [names.get(a, a) for a in frame["activity_id"]],
        t("outcomes_col_indicator", lang): frame[name_col],
        t("outcomes_col_money", lang): format_money_group(frame["money_mvnd"], lang),
        t("outcomes_col_result", lang): [f"{format_number(v, lang)} {u}" for v, u in zip(frame["outcome_value"],
                                                                                   frame[unit_col])],
        t("outcomes_col_cost", lang): [t("outcomes_cost_value", lang, value=format_number(v, lang, 1), unit=u)
                                 for v, u in zip(frame["mvnd_per_unit"].astype(float), frame[unit_col])],
    })
    doc_ids = sorted({d for ids in frame["doc_ids"] for d in ids})
    return table, doc_ids, bool(frame["has_illustrative"].any())


def doc_ids_of(frame: pd.DataFrame) -> list[str]:
    return sorted({d for ids in frame["doc_ids"] for d in ids}) if len(frame) else []
