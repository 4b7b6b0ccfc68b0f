"""Data quality as the sources page shows it: documents, reconciliation against a tolerance, completeness, load log.

SQL (khuyencong/data/sql/document_figures.sql, reconciliation_in_view.sql, completeness.sql, load_log.sql) does the
counting; this module turns the few rows it returns into display tables whose column names and cells are in the UI
language. Money and numbers become formatted strings; not reported stays "không có số liệu" / "not reported".
"""

from collections.abc import Iterable
from dataclasses import replace
from pathlib import PurePath
from typing import NamedTuple

import pandas as pd

from khuyencong.data.code_lists import CodeLists
from khuyencong.data.filters import Filters
from khuyencong.figures.funding import qualified_money
from khuyencong.i18n.formatting import (
    format_date,
    format_date_note,
    format_datetime,
    format_money_group,
    format_month,
    format_number,
    format_percent,
    format_year_span,
    is_missing,
)
from khuyencong.i18n.labels import N_, t

DEFAULT_TOLERANCE_PCT = 1.0

COMPLETENESS_SYMBOLS = {"reported": "✓", "zero": "0", "period": "Σ", "not_reported": "?", "none": "—"}

RECONCILIATION_STATUSES = ("beyond", "within", "no_annual")
STATUS_LABELS = {"beyond": N_("sources_status_beyond"), "within": N_("sources_status_within"),
                 "no_annual": N_("sources_status_no_annual")}
KIND_LABELS = {"article": N_("sources_kind_article"), "legal": N_("sources_kind_legal"),
               "statistics": N_("sources_kind_statistics"), "reference": N_("sources_kind_reference"),
               "workbook": N_("sources_kind_workbook"), "report": N_("sources_kind_report"),
               "illustrative": N_("sources_kind_illustrative")}
LOAD_STATUS_LABELS = {"ok": N_("sources_load_ok"), "error": N_("sources_load_error"),
                      "rejected": N_("sources_load_rejected"),
                      "warning": N_("sources_load_warning")}


def _text(value) -> str:
    """A text cell; '' for NULL/NaN."""
    return "" if value is None or is_missing(value) else str(value)


def tolerance_status(reported_mvnd, annual_sum_mvnd, gap_pct, tolerance_pct: float) -> str:
    """'no_annual' without annual figures, else 'beyond' when |gap %| exceeds the tolerance, else 'within'.

    A stated total of 0 has no percentage: any non-zero annual sum is then beyond tolerance.
    """
    if is_missing(annual_sum_mvnd):
        return "no_annual"
    if is_missing(gap_pct):
        gap = float(reported_mvnd or 0) - float(annual_sum_mvnd)
        return "within" if gap == 0 else "beyond"
    return "beyond" if abs(float(gap_pct)) > float(tolerance_pct) else "within"


def status_label(status: str, lang: str) -> str:
    """Reconciliation status code -> '⚠ Vượt ngưỡng' / '⚠ Beyond tolerance' etc."""
    return t(STATUS_LABELS[status], lang)


def kind_label(kind: str, lang: str) -> str:
    """Document kind code -> 'Bài báo' / 'Article'; an unknown kind is shown as it is stored."""
    return t(KIND_LABELS[kind], lang) if kind in KIND_LABELS else _text(kind)


def load_status_label(status: str, lang: str) -> str:
    """Load log status 'ok' -> '✓ Thành công' / '✓ OK'; an unknown status is shown as it is stored."""
    return t(LOAD_STATUS_LABELS[status], lang) if status in LOAD_STATUS_LABELS else _text(status)


def document_date(published_on, date_note, lang: str) -> str:
    """The publication date, or the stored date note ('2024', 'khoảng 2016') when there is no exact date."""
    if published_on is not None and not is_missing(published_on) and published_on == published_on:
        return format_date(published_on, lang)
    return format_date_note(date_note, lang)


def doc_ids_of(frame: pd.DataFrame, column: str = "doc_ids") -> list[str]:
    """Every document id in a column of id lists, once each, sorted."""
    return sorted({d for ids in frame[column] for d in (ids if isinstance(ids, Iterable) else [])})


def has_illustrative(frame: pd.DataFrame, column: str) -> bool:
    """True when any row of the frame is (or includes) illustrative data."""
    return bool(len(frame) and frame[column].fillna(False).astype(bool).any())


def documents_in_view(documents: pd.DataFrame) -> pd.DataFrame:
    """The published documents with figures in the view (document_figures.sql rows with figures_in_view > 0, not
    the illustrative one): what the Sources page's table shows as in view and the Overview counts, by one rule."""
    return documents[(documents["figures_in_view"] > 0) & ~documents["is_illustrative"].astype(bool)]


def documents_table(documents: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Source documents with title, publisher, date, link, kind and their figure counts, labelled in `lang`."""
    return pd.DataFrame({
        t("sources_col_title", lang): [_text(v) for v in documents["title"]],
        t("sources_col_publisher", lang): [_text(v) for v in documents["publisher"]],
        t("sources_col_date", lang): [document_date(p, n, lang)
                                 for p, n in zip(documents["published_on"], documents["date_note"], strict=True)],
        t("sources_col_link", lang): [_text(v) for v in documents["url"]],
        t("sources_col_kind", lang): [kind_label(k, lang) for k in documents["kind"]],
        t("sources_col_figures_in_view", lang): [format_number(int(v), lang) for v in documents["figures_in_view"]],
        t("sources_col_figures_total", lang): [format_number(int(v), lang) for v in documents["figures_total"]],
    })


def area_name(name_vi: str, name_en: str, valid_from, valid_to, lang: str) -> str:
    """The area's name in `lang`, marked '(từ 7/2025)' or '(đến 6/2025)' when the unit began or ended, so the
    Hưng Yên of before and after 1 July 2025 are told apart."""
    name = name_vi if lang == "vi" else name_en
    for key, date in ((N_("area_from"), valid_from), (N_("area_to"), valid_to)):
        if date is not None and not is_missing(date) and date == date:
            return t(key, lang, name=name, when=format_month(date, lang))
    return name


def _area_names(rows: pd.DataFrame, lang: str) -> list[str]:
    """area_name for each row; the validity columns are optional."""
    empty = [None] * len(rows)
    return [area_name(v, e, f, u, lang) for v, e, f, u in zip(
        rows["area_name_vi"], rows["area_name_en"], rows.get("area_valid_from", empty),
        rows.get("area_valid_to", empty), strict=True)]


def figures_note(rows: pd.DataFrame, lang: str) -> str:
    """'Loại số: Phân bổ' / 'Figures: Allocated': the kinds of figure the reconciliation rows are about."""
    names = ", ".join(dict.fromkeys(rows[f"figure_name_{lang}"]))
    return t("sources_figures_shown", lang, names=names)


def reconciliation_table(rows: pd.DataFrame, tolerance_pct: float, lang: str) -> pd.DataFrame:
    """One line per period total: stated, annual sum, gap, gap %, years missing and a tolerance status, as text.

    The figure kind (allocated, disbursed…) gets a column only when the rows mix kinds; else figures_note says it.
    """
    statuses = [tolerance_status(r.reported_mvnd, r.annual_sum_mvnd, r.gap_pct, tolerance_pct)
                for r in rows.itertuples()]
    table = pd.DataFrame({
        t("sources_col_area", lang): _area_names(rows, lang),
        t("sources_col_source", lang): list(rows[f"source_name_{lang}"]),
        t("sources_col_figure", lang): list(rows[f"figure_name_{lang}"]),
        t("sources_col_period", lang): [format_year_span(int(a), int(b))
                                   for a, b in zip(rows["year_from"], rows["year_to"], strict=True)],
        t("sources_col_stated", lang): format_money_group([_number(v) for v in rows["reported_mvnd"]], lang),
        t("sources_col_annual_sum", lang): format_money_group([_number(v) for v in rows["annual_sum_mvnd"]], lang),
        t("sources_col_gap", lang): format_money_group([_number(v) for v in rows["gap_mvnd"]], lang),
        t("sources_col_gap_pct", lang): [format_percent(_number(v), lang) for v in rows["gap_pct"]],
        t("sources_col_years_missing", lang): [format_number(int(v), lang) for v in rows["years_missing"]],
        t("sources_col_status", lang): [status_label(s, lang) for s in statuses],
    })
    if rows["figure"].nunique() <= 1:
        table = table.drop(columns=t("sources_col_figure", lang))
    return table


def _number(value):
    """DECIMAL/float/NULL -> float or None, so formatting treats NaN as not reported."""
    return None if value is None or is_missing(value) else float(value)


def completeness_table(cells: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Rows = area + funding source, columns = years (as text), cells = the status symbols of COMPLETENESS_SYMBOLS."""
    area_col, source_col = t("sources_col_area", lang), t("sources_col_source", lang)
    if cells.empty:
        return pd.DataFrame(columns=[area_col, source_col])
    frame = cells.assign(
        row=cells["unit_id"] + "|" + cells["funding_source"],
        area=_area_names(cells, lang),
        symbol=cells["status"].map(COMPLETENESS_SYMBOLS),
        year_label=cells["year"].astype(int).astype(str),
    )
    order = list(dict.fromkeys(frame["row"]))
    years = [str(y) for y in sorted(frame["year"].astype(int).unique())]
    wide = frame.pivot(index="row", columns="year_label", values="symbol").reindex(index=order, columns=years)
    names = frame.drop_duplicates("row").set_index("row")
    wide.insert(0, source_col, list(names.loc[order, f"source_name_{lang}"]))
    wide.insert(0, area_col, list(names.loc[order, "area"]))
    wide.columns.name = None
    return wide.reset_index(drop=True)


def completeness_units(cells: pd.DataFrame) -> list[str]:
    """The unit of each row of completeness_table, in its order (for the rows' links to the unit's profile)."""
    rows = dict.fromkeys(zip(cells["unit_id"], cells["funding_source"]))
    return [unit for unit, _ in rows]


def year_blocks(years, size: int = 12) -> list[list]:
    """Split the year columns into blocks of at most `size`, evened out (24 -> 12 + 12, 17 -> 9 + 8)."""
    years = list(years)
    if len(years) <= size:
        return [years] if years else []
    count = -(-len(years) // size)
    base, extra = divmod(len(years), count)
    blocks, start = [], 0
    for i in range(count):
        end = start + base + (1 if i < extra else 0)
        blocks.append(years[start:end])
        start = end
    return blocks


def load_log_table(log: pd.DataFrame, lang: str, with_operator: bool = False) -> pd.DataFrame:
    """The load log, newest first, with time, file, rows, status and message as text; with_operator (for a signed-in
    operator only: who loaded what, and from where on the server, is not every viewer's business), who loaded each
    file and its path; everyone else reads the file's name."""
    log = log.sort_values("loaded_at", ascending=False, kind="stable")
    files = [_text(v) if with_operator or is_missing(v) else PurePath(str(v)).name for v in log["file_name"]]
    table = pd.DataFrame({
        t("sources_col_loaded_at", lang): [format_datetime(v, lang) for v in log["loaded_at"]],
        t("sources_col_file", lang): files,
        t("sources_col_rows", lang): [format_number(None if is_missing(v) else int(v), lang) for v in log["rows"]],
        t("sources_col_load_status", lang): [load_status_label(s, lang) for s in log["status"]],
        t("sources_col_message", lang): [_text(v) for v in log["message"]],
    })
    if with_operator and "operator" in log:
        table.insert(1, t("sources_col_operator", lang), [_text(v) for v in log["operator"]])
    return table


# --- Coverage at a glance (coverage.sql) -------------------------------------------------------------------------

class CoverageCategory(NamedTuple):
    code: str  # as coverage.sql names it
    label: str  # labels key
    colour: str  # Okabe–Ito, distinguishable with the common colour-vision deficiencies
    mark: str  # drawn in the cell, so the category does not rest on colour alone


# The categories of the coverage heatmap, in legend order, read by the chart and its legend. "none" is an empty
# cell (not reported is never drawn as a value).
COVERAGE_CATEGORIES = (
    CoverageCategory("annual", N_("sources_coverage_annual"), "#0072B2", ""),
    CoverageCategory("period", N_("sources_coverage_period"), "#56B4E9", ""),
    CoverageCategory("plan", N_("sources_coverage_plan"), "#E69F00", ""),
    CoverageCategory("differing", N_("sources_coverage_differing"), "#D55E00", "≠"),
    CoverageCategory("none", N_("sources_coverage_none"), "#F2F2F2", ""),
)


class CoverageGrid(NamedTuple):
    """The heatmap's rows (unit ids and labels, top to bottom), its years, and one row per cell with data."""

    unit_ids: list[str]
    labels: list[str]
    years: list[int]
    cells: pd.DataFrame  # unit_id, label, year, category, hover, figures (the kinds of figure in the cell)


def coverage_grid(rows: pd.DataFrame, year_from: int, year_to: int, figure_names: dict[str, str],
                  lang: str) -> CoverageGrid:
    """The coverage query's rows as a grid of the selected years; a unit without figures in view keeps its row,
    all empty. The hover names the unit, the year, the category and the kinds of figure behind it."""
    names = rows.drop_duplicates("unit_id")
    labels = dict(zip(names["unit_id"], names[f"unit_name_{lang}"], strict=True))
    category_names = {c.code: t(c.label, lang) for c in COVERAGE_CATEGORIES}
    cells = rows[rows["category"].notna()]
    hover = [
        "<br>".join((f"<b>{labels[u]} · {int(y)}</b>", category_names[c],
                     t("sources_coverage_kinds", lang, kinds=", ".join(figure_names.get(f, f) for f in kinds)),
                     t("sources_coverage_click", lang)))
        for u, y, c, kinds in zip(cells["unit_id"], cells["year"], cells["category"], cells["figures"], strict=True)]
    frame = pd.DataFrame({"unit_id": list(cells["unit_id"]), "label": [labels[u] for u in cells["unit_id"]],
                          "year": [int(y) for y in cells["year"]], "category": list(cells["category"]),
                          "hover": hover, "figures": [tuple(k) for k in cells["figures"]]})
    return CoverageGrid(list(labels), list(labels.values()), list(range(year_from, year_to + 1)), frame)


def coverage_legend(lang: str) -> str:
    """The categories in words, for the caption under the heatmap (the chart's legend says the same)."""
    return " · ".join(f"{c.mark + ' ' if c.mark else ''}{t(c.label, lang)}" for c in COVERAGE_CATEGORIES)


def selected_cell(selection) -> tuple[str, int, tuple[str, ...]] | None:
    """The (unit id, year, figure kinds) of the clicked cell, from st.plotly_chart's selection; None when nothing is
    selected. The heatmap's clickable points carry [unit_id, year, "kind,kind"] as customdata (render/coverage.py)."""
    points = (selection or {}).get("points") or []
    for point in points:
        data = point.get("customdata")
        if data and len(data) >= 2 and data[0]:
            kinds = tuple(k for k in str(data[2]).split(",") if k) if len(data) >= 3 else ()
            return str(data[0]), int(data[1]), kinds
    return None


def cell_filters(filters: Filters, unit_id: str, year: int, kinds: tuple[str, ...] = (),
                 kind_order: tuple[str, ...] = ()) -> Filters:
    """The dashboard filtered to one cell of the heatmap: that unit alone, that year, and a kind of figure the cell
    has (the current kind when it has it, else the first in the figure_kind list's order), the rest kept."""
    kind = filters.kind
    if kinds and kind not in kinds:
        kind = next((k for k in kind_order if k in kinds), kinds[0])
    return replace(filters, areas=(unit_id,), year_from=year, year_to=year, kind=kind)


# --- Reports that differ, outcome counts that disagree, rows left out --------------------------------------------

def _document_columns(rows: pd.DataFrame, lang: str) -> dict[str, list]:
    """Date, publisher and link first, so the versions can be told apart without scrolling; the title last."""
    return {
        t("sources_col_date", lang): [document_date(p, n, lang)
                                      for p, n in zip(rows["published_on"], rows["date_note"], strict=True)],
        t("sources_col_publisher", lang): [_text(v) for v in rows["publisher"]],
        t("sources_col_link", lang): [_text(v) for v in rows["url"]],
        t("sources_col_title", lang): [_text(v) for v in rows["title"]],
    }


def differing_table(rows: pd.DataFrame, codes: CodeLists, lang: str) -> pd.DataFrame:
    """Each document's figure for one area, years and funding source, the versions of a group one under another:
    figure kind, amount with its qualifier's sign, the figure as written and the document."""
    return pd.DataFrame({
        t("sources_col_unit", lang): list(rows[f"unit_name_{lang}"]),
        t("sources_col_years", lang): [format_year_span(int(a), int(b))
                                       for a, b in zip(rows["year_from"], rows["year_to"], strict=True)],
        t("sources_col_source", lang): list(rows[f"source_name_{lang}"]),
        t("sources_col_figure", lang): list(rows[f"figure_name_{lang}"]),
        t("sources_col_amount", lang): [qualified_money(_number(a), [q], codes, lang)
                                        for a, q in zip(rows["amount_mvnd"], rows["qualifier"], strict=True)],
        **_document_columns(rows, lang),
        t("sources_col_as_written", lang): [_text(v) for v in rows["value_as_written"]],
    })


PROBLEM_LABELS = {"parts_exceed": N_("sources_problem_parts_exceed"), "differing": N_("sources_problem_differing")}


def outcome_conflicts_table(rows: pd.DataFrame, codes: CodeLists, lang: str) -> pd.DataFrame:
    """Outcome counts that disagree, each with its level (the total or a part), count as written and document."""
    counts = []
    for value, qualifier, unit in zip(rows["actual_value"], rows["qualifier"], rows[f"unit_{lang}"], strict=True):
        symbol = codes.symbol(qualifier)
        counts.append(f"{symbol + ' ' if symbol else ''}{format_number(_number(value), lang, trim=True)} {unit}")
    return pd.DataFrame({
        t("sources_col_unit", lang): list(rows[f"unit_name_{lang}"]),
        t("sources_col_years", lang): [format_year_span(int(a), int(b))
                                       for a, b in zip(rows["year_from"], rows["year_to"], strict=True)],
        t("sources_col_indicator", lang): list(rows[f"indicator_name_{lang}"]),
        t("sources_col_level", lang): [t("sources_level_total", lang) if is_missing(s) else s
                                       for s in rows[f"source_name_{lang}"]],
        t("sources_col_count", lang): counts,
        t("sources_col_problem", lang): [t(PROBLEM_LABELS[p], lang) for p in rows["problem"]],
        **_document_columns(rows, lang),
        t("sources_col_as_written", lang): [_text(v) for v in rows["value_as_written"]],
    })


def excluded_table(rows: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The rows left out: research row id, area, the reason in the UI language and the link to the page."""
    return pd.DataFrame({
        t("sources_col_row_id", lang): list(rows["row_id"]),
        t("sources_col_unit", lang): list(rows[f"area_name_{lang}"]),
        t("sources_col_reason", lang): list(rows[f"reason_{lang}"]),
        t("sources_col_link", lang): [_text(v) for v in rows["url"]],
    })


def coverage_intro(row: pd.Series, lang: str) -> str:
    """'Dữ liệu thật gồm số liệu công bố của 30 tỉnh/thành phố, 4 khu vực và cả nước, 2002–2025, từ 70 tài
    liệu.' from the real_coverage query (the national programme is named only when it has figures)."""
    key = N_("sources_intro_real_national") if int(row["national"]) else N_("sources_intro_real")
    return t(key, lang, provinces=format_number(int(row["provinces"]), lang),
             regions=format_number(int(row["regions"]), lang),
             years=format_year_span(int(row["first_year"]), int(row["last_year"])),
             documents=format_number(int(row["documents"]), lang))
