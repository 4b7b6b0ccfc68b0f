"""The Data page's tables: the filtered rows of allocations, projects and outcomes as a reader and the finance office
see them (columns in the UI language, codes as names, numbers kept numeric), and what the exports say about them."""

import re
import unicodedata
from datetime import datetime
from zoneinfo import ZoneInfo

import pandas as pd

from khuyencong import __version__
from khuyencong.data import code_lists as lists
from khuyencong.data.code_lists import CodeLists, load_code_lists
from khuyencong.data.filters import Filters
from khuyencong.data.queries import Query
from khuyencong.i18n.formatting import NOT_REPORTED, format_number, format_year_span, is_missing
from khuyencong.i18n.labels import t

TABLES = ("allocations", "projects", "outcomes")
# Which of the shared filters select rows of each table (areas, years and illustrative apply to all three).
APPLIES = {"allocations": {"sources"}, "projects": {"sources", "activities", "sectors"},
           "outcomes": {"activities", "sectors"}}
MONEY = {"allocations": ("dx_col_amount",),
         "projects": ("dx_col_plan_mvnd", "dx_col_actual_mvnd", "dx_col_counterpart_mvnd"),
         "outcomes": ()}
VALUES = {"allocations": (), "projects": (), "outcomes": ("dx_col_plan", "dx_col_actual", "dx_col_prior")}
YEARS = {"allocations": ("dx_col_year_from", "dx_col_year_to"), "projects": ("dx_col_year",),
         "outcomes": ("dx_col_year",)}
LONG_TEXT = ("dx_col_project", "dx_col_activity", "dx_col_indicator", "dx_col_note", "dx_col_doc")
VIETNAM = ZoneInfo("Asia/Ho_Chi_Minh")
PAGE_ROWS = 500
# Excel holds 1.048.576 rows a sheet, the header included; a larger export is refused and the reader asked to filter.
EXPORT_ROW_LIMIT = 1_048_575


def fold(text: str) -> str:
    """Lower case without Vietnamese accents ('Đào tạo' -> 'dao tao'), as the data_*.sql queries fold their text."""
    text = unicodedata.normalize("NFC", text or "").replace("Đ", "D").replace("đ", "d")
    stripped = "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))
    return re.sub(r"\s+", " ", stripped).strip().lower()


def _checked(table: str) -> str:
    if table not in TABLES:
        raise ValueError(f"unknown table {table}")
    return table


def table_rows(query: Query, table: str, filters: Filters, search: str = "", limit: int = PAGE_ROWS,
               offset: int = 0) -> pd.DataFrame:
    """One page of `table`'s rows in view (stable order), with the search applied in SQL."""
    return query(f"data_{_checked(table)}", **filters.sql_params(), search=fold(search), limit=limit, offset=offset)


def table_summary(query: Query, table: str, filters: Filters, search: str = "") -> dict:
    """How many rows are in view, their documents, and whether any is illustrative."""
    row = query(f"data_{_checked(table)}_summary", **filters.sql_params(), search=fold(search)).iloc[0]
    return {"total_rows": int(row["total_rows"]), "doc_ids": list(row["doc_ids"]),
            "has_illustrative": bool(row["has_illustrative"])}


def export_rows(query: Query, table: str, filters: Filters, search: str = "") -> pd.DataFrame:
    """Every row in view, up to Excel's limit, for a download (give it a query function that does not cache)."""
    return query(f"data_{_checked(table)}", **filters.sql_params(), search=fold(search), limit=EXPORT_ROW_LIMIT,
                 offset=0)


def _code_names(codes: CodeLists, lang: str) -> dict[str, str]:
    """Activity and sector codes -> names."""
    return {**codes.names(lists.ACTIVITIES, lang), **codes.names(lists.SECTORS, lang)}


def _text(values) -> list:
    return [None if is_missing(v) else str(v) for v in values]


def table_view(table: str, rows: pd.DataFrame, lang: str, codes: CodeLists, current_units: bool = False
               ) -> pd.DataFrame:
    """The rows as shown and exported: UI-language column names, names for codes, money in triệu đồng as numbers
    (NaN = not reported), years as whole numbers."""
    names = _code_names(codes, lang)
    coded_name = lambda list_name, code: None if is_missing(code) else codes.name(list_name, code, lang)  # noqa: E731
    col = lambda key: t(key, lang)  # noqa: E731
    area = {col("dx_col_area"): list(rows[f"unit_name_{lang}"])}
    if current_units:
        area[col("dx_col_area_reported")] = list(rows["reported_name_vi" if lang == "vi" else "reported_name_en"])

    def coded(column: str) -> list:
        return [t("dx_not_stated", lang) if is_missing(c) else names.get(c, c) for c in rows[column]]

    tail = {
        col("dx_col_note"): _text(rows["note"]),
        col("dx_col_doc"): _text(rows["doc_title"].where(rows["doc_title"].notna(), rows["doc_id"])),
        col("dx_col_illustrative"): [t("dx_yes" if v else "dx_no", lang) for v in rows["is_illustrative"]],
    }
    if table == "allocations":
        body = {
            col("dx_col_year_from"): rows["year_from"].astype("int64"),
            col("dx_col_year_to"): rows["year_to"].astype("int64"),
            col("dx_col_source"): [coded_name(lists.SOURCES, s) for s in rows["funding_source"]],
            col("dx_col_figure"): [coded_name(lists.FIGURES, f) for f in rows["figure"]],
            col("dx_col_amount"): rows["amount_mvnd"].astype("float64"),
        }
    elif table == "projects":
        body = {
            col("dx_col_project_id"): _text(rows["project_id"]),
            col("dx_col_year"): rows["year"].astype("int64"),
            col("dx_col_project"): _text(rows["name"]),
            col("dx_col_plan_mvnd"): rows["plan_mvnd"].astype("float64"),
            col("dx_col_actual_mvnd"): rows["actual_mvnd"].astype("float64"),
            col("dx_col_counterpart_mvnd"): rows["counterpart_mvnd"].astype("float64"),
            col("dx_col_source"): [coded_name(lists.SOURCES, s) for s in rows["funding_source"]],
            col("dx_col_status"): [coded_name(lists.STATUSES, s) for s in rows["status"]],
            col("dx_col_activity"): coded("activity_id"),
            col("dx_col_sector"): coded("sector_id"),
            col("dx_col_implementer"): _text(rows["implementer"]),
            col("dx_col_location"): _text(rows["location"]),
        }
    else:
        body = {
            col("dx_col_year"): rows["year"].astype("int64"),
            col("dx_col_period"): [coded_name(lists.PERIODS, p) for p in rows["period"]],
            col("dx_col_activity"): coded("activity_id"),
            col("dx_col_sector"): coded("sector_id"),
            col("dx_col_indicator"): _text(rows["indicator_vi" if lang == "vi" else "indicator_en"]),
            col("dx_col_unit"): _text(rows["unit_vi" if lang == "vi" else "unit_en"]),
            col("dx_col_plan"): rows["plan_value"].astype("float64"),
            col("dx_col_actual"): rows["actual_value"].astype("float64"),
            col("dx_col_prior"): rows["prior_value"].astype("float64"),
            col("dx_col_qualifier"): [coded_name(lists.QUALIFIERS, q) for q in rows["qualifier"]],
        }
    if table == "projects":  # the project code leads, then where
        first = {col("dx_col_project_id"): body.pop(col("dx_col_project_id"))}
        return pd.DataFrame({**first, **area, **body, **tail}, index=range(len(rows)))
    return pd.DataFrame({**area, **body, **tail}, index=range(len(rows)))


def number_columns(table: str, lang: str) -> dict[str, list[str]]:
    """Column names of the view by kind: money (triệu đồng), other values, years, and long text."""
    return {"money": [t(k, lang) for k in MONEY[table]], "values": [t(k, lang) for k in VALUES[table]],
            "years": [t(k, lang) for k in YEARS[table]], "long_text": [t(k, lang) for k in LONG_TEXT]}


def year_formats(lang: str) -> dict[str, str]:
    """Excel number formats of year columns: no thousands separator (2018, not 2.018)."""
    return {t(k, lang): "0" for keys in YEARS.values() for k in keys}


def styled(view: pd.DataFrame, table: str, lang: str):
    """The view for the screen: numbers stay numeric (so a click sorts them as numbers) but read Vietnamese-style,
    and a NULL reads 'không có số liệu', never 0."""
    kinds = number_columns(table, lang)
    shown = lambda v: format_number(v, lang, 3, trim=True)  # noqa: E731
    present = [c for c in kinds["money"] + kinds["values"] if c in view.columns]
    styler = view.style.format(shown, subset=present, na_rep=NOT_REPORTED[lang])
    return styler.format(str, subset=[c for c in kinds["years"] if c in view.columns]).hide(axis="index")


def _listed(values, lang: str, label=lambda v: v) -> str:
    return ", ".join(label(v) for v in values) if values else t("dx_all", lang)


def describe_filters(filters: Filters, table: str | None, search: str, area_text: str, codes: CodeLists
                     ) -> list[tuple[str, str]]:
    """The active filters in words, each (label, value); filters that do not select this table's rows say so.
    `table=None` describes an export of all three tables."""
    lang = filters.lang
    names = _code_names(codes, lang)

    def scoped(key: str, text: str) -> str:
        if table is None:
            tables = ", ".join(t(f"dx_table_{x}", lang) for x in TABLES if key in APPLIES[x])
            return f"{text} ({tables})"
        return text if key in APPLIES[table] else f"{text} ({t('dx_not_applicable', lang)})"

    sources = t("dx_all", lang) if set(filters.sources) in (set(), set(codes.sources)) else \
        _listed(filters.sources, lang, lambda s: codes.source_name(s, lang))
    items = [
        (t("dx_f_areas", lang), area_text),
        (t("dx_f_units", lang), t(f"unit_mode_{filters.unit_mode}", lang)),
        (t("dx_f_years", lang), format_year_span(filters.year_from, filters.year_to)),
        (t("dx_f_sources", lang), scoped("sources", sources)),
        (t("dx_f_activities", lang), scoped("activities", _listed(filters.activities, lang, names.get))),
        (t("dx_f_sectors", lang), scoped("sectors", _listed(filters.sectors, lang, names.get))),
        (t("dx_f_illustrative", lang), t("dx_included" if filters.include_illustrative else "dx_excluded", lang)),
        (t("dx_f_search", lang), f"“{search.strip()}”" if search.strip() else t("dx_none", lang)),
    ]
    return items


def filters_sentence(filters: Filters, table: str, search: str, area_text: str, rows: int, codes: CodeLists
                     ) -> str:
    """'**176 đề án** theo bộ lọc: Địa bàn: Nghệ An; Giai đoạn: 2002–2025; …' above the table."""
    lang = filters.lang
    count = t(f"dx_count_{table}", lang, n=format_number(rows, lang))
    described = "; ".join(f"{label}: {value}" for label, value in describe_filters(filters, table, search, area_text,
                                                                                    codes))
    return t("dx_filters_in_words", lang, count=count, filters=described)


def documents_of(query: Query, doc_ids) -> pd.DataFrame:
    """Title, publisher and date of the real (not illustrative) source documents behind the rows."""
    documents = query("document_titles")
    wanted = documents[documents["doc_id"].isin(set(doc_ids)) & ~documents["is_illustrative"]]
    return wanted.sort_values(["published_on", "title"], na_position="last")


def export_info(query: Query, filters: Filters, rows: dict[str, pd.DataFrame], search: str, area_text: str,
                exported_at: datetime | None = None) -> list[tuple]:
    """The 'Thông tin' sheet: what is in the file, under which filters, from which documents, when, by which app."""
    lang = filters.lang
    exported_at = exported_at or datetime.now(VIETNAM).replace(tzinfo=None, microsecond=0)
    tables = list(rows)
    info: list[tuple] = [(t("dx_info_title", lang), "")]
    info.append((t("dx_info_tables", lang), "; ".join(
        t("dx_info_rows", lang, table=t(f"dx_table_{name}", lang), n=format_number(len(frame), lang))
        for name, frame in rows.items())))
    info.extend(describe_filters(filters, tables[0] if len(tables) == 1 else None, search, area_text,
                                 load_code_lists(query)))
    has_illustrative = any(bool(frame["is_illustrative"].any()) for frame in rows.values())
    info.append((t("dx_info_has_illustrative", lang),
                 t("dx_info_illustrative_yes" if has_illustrative else "dx_info_illustrative_no", lang)))
    info.append((t("dx_info_empty", lang), t("dx_info_empty_value", lang)))
    info.append((t("dx_info_money", lang), t("dx_info_money_value", lang)))
    info.append((t("dx_info_text", lang), t("dx_info_text_value", lang)))
    if "allocations" in rows:
        info.append((t("dx_table_allocations", lang), t("dx_allocation_years_note", lang)))
    info.append((t("dx_info_exported", lang), exported_at))
    info.append((t("dx_info_version", lang), __version__))
    info.append(("", ""))
    info.append((t("dx_info_documents", lang), t("dx_info_doc_title", lang), t("dx_info_doc_publisher", lang),
                 t("dx_info_doc_date", lang)))
    doc_ids = {d for frame in rows.values() for d in frame["doc_id"]}
    for document in documents_of(query, doc_ids).itertuples():
        published = document.published_on if not is_missing(document.published_on) else \
            (document.date_note if isinstance(document.date_note, str) else None)
        info.append(("", document.title, document.publisher if isinstance(document.publisher, str) else None,
                     published))
    return info


def sheet_name(table: str, lang: str) -> str:
    return t(f"dx_table_{table}", lang)
