"""Data quality as the sources page shows it: documents, reconciliation against a tolerance, completeness, load log.

SQL (khuyencong/data/sql/document_figures.sql, reconciliation_in_view.sql, completeness.sql, load_log.sql) does the
counting; this module turns the few rows it returns into display tables whose column names and cells are in the UI
language. Money and numbers become formatted strings; not reported stays "không có số liệu" / "not reported".
"""

from collections.abc import Iterable

import pandas as pd

from khuyencong.i18n.formatting import (
    format_date,
    format_datetime,
    format_money,
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
    return _text(date_note)


def doc_ids_of(frame: pd.DataFrame, column: str = "doc_ids") -> list[str]:
    """Every document id in a column of id lists, once each, sorted."""
    return sorted({d for ids in frame[column] for d in (ids if isinstance(ids, Iterable) else [])})


def has_illustrative(frame: pd.DataFrame, column: str) -> bool:
    """True when any row of the frame is (or includes) illustrative data."""
    return bool(len(frame) and frame[column].fillna(False).astype(bool).any())


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
        t("sources_col_stated", lang): [format_money(_number(v), lang) for v in rows["reported_mvnd"]],
        t("sources_col_annual_sum", lang): [format_money(_number(v), lang) for v in rows["annual_sum_mvnd"]],
        t("sources_col_gap", lang): [format_money(_number(v), lang) for v in rows["gap_mvnd"]],
        t("sources_col_gap_pct", lang): [format_percent(_number(v), lang, decimals=2) for v in rows["gap_pct"]],
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


def load_log_table(log: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The load log, newest first, with time, file, rows, status and message as text."""
    log = log.sort_values("loaded_at", ascending=False, kind="stable")
    return pd.DataFrame({
        t("sources_col_loaded_at", lang): [format_datetime(v, lang) for v in log["loaded_at"]],
        t("sources_col_file", lang): [_text(v) for v in log["file_name"]],
        t("sources_col_rows", lang): [format_number(None if is_missing(v) else int(v), lang) for v in log["rows"]],
        t("sources_col_load_status", lang): [load_status_label(s, lang) for s in log["status"]],
        t("sources_col_message", lang): [_text(v) for v in log["message"]],
    })
