"""The Data page's tables: the filtered rows of allocations, projects and outcomes as a reader and the finance office
see them (columns in the UI language, codes as names, numbers kept numeric), and what the exports say about them."""

import re
import unicodedata
from datetime import datetime

import pandas as pd

from khuyencong import __version__
from khuyencong.data import code_lists as lists
from khuyencong.data.code_lists import CodeLists, load_code_lists
from khuyencong.data.filters import Filters
from khuyencong.data.queries import Query
from khuyencong.figures.funding import qualified_money
from khuyencong.i18n.formatting import (
    VIETNAM,
    cite_document,
    format_number,
    format_year_span,
    is_missing,
    money_decimals,
    not_reported,
)
from khuyencong.i18n.labels import N_, UNIT_MODES, t
from khuyencong.i18n.markdown import escape_markdown

TABLES = ("allocations", "stated", "projects", "outcomes")
# Which of the shared filters select rows of each table (areas, years and illustrative apply to all three).
APPLIES = {"allocations": {"sources"}, "stated": {"sources"}, "projects": {"sources", "activities", "sectors"},
           "outcomes": {"activities", "sectors"}}
TABLE_NAMES = {"allocations": N_("data_table_allocations"), "stated": N_("data_table_stated"),
               "projects": N_("data_table_projects"), "outcomes": N_("data_table_outcomes")}
TABLE_COUNTS = {"allocations": N_("data_count_allocations"), "stated": N_("data_count_stated"),
                "projects": N_("data_count_projects"), "outcomes": N_("data_count_outcomes")}
MONEY = {"allocations": (N_("data_col_amount"),), "stated": (N_("data_col_amount"),),
         "projects": (N_("data_col_plan_mvnd"), N_("data_col_actual_mvnd"), N_("data_col_counterpart_mvnd")),
         "outcomes": ()}
VALUES = {"allocations": (), "stated": (), "projects": (),
          "outcomes": (N_("data_col_plan"), N_("data_col_actual"), N_("data_col_prior"))}
YEARS = {"allocations": (N_("data_col_year_from"), N_("data_col_year_to")),
         "stated": (N_("data_col_year_from"), N_("data_col_year_to")), "projects": (N_("data_col_year"),),
         "outcomes": (N_("data_col_year"),)}
LONG_TEXT = (N_("data_col_project"), N_("data_col_activity"), N_("data_col_indicator"), N_("data_col_note"),
             N_("data_col_doc"))
LINKS = (N_("data_col_doc_url"),)
SIDES = {"plan": N_("data_side_plan"), "executed": N_("data_side_executed")}
MEASURES = {"total": N_("data_measure_total"), "annual_average": N_("data_measure_annual_average")}
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


def _text(values) -> list:
    return [None if is_missing(v) else str(v) for v in values]


def _text_or_none(values, lang: str) -> list:
    """A text column that is not a figure (a note, an implementer): an empty cell reads 'không có' / 'none', as
    'không có số liệu' is kept for figures that were not reported."""
    return [t("data_text_none", lang) if is_missing(v) or not str(v).strip() else str(v) for v in values]


def document_text(row, lang: str) -> str:
    """'Triển khai 65 đề án khuyến công (Báo Lâm Đồng, 31/07/2017)': a row's document as a reader cites it (the
    code when the document is not in the catalogue)."""
    if is_missing(row.doc_title):
        return str(row.doc_id)
    return cite_document(row.doc_title, row.doc_publisher, row.doc_published_on, row.doc_date_note, lang)


def qualifier_legend(codes: CodeLists, lang: str) -> str:
    """'> Số tối thiểu (hơn); ≈ Số gần đúng; …': every qualifier's sign and name, from the qualifier list."""
    return "; ".join(qualifier_text(q, codes, lang) for q in codes.codes(lists.QUALIFIERS) if codes.symbol(q))


def qualifier_text(qualifier, codes: CodeLists, lang: str):
    """A qualifier as the exports name it beside the amount: its sign and its name ('> Số tối thiểu (hơn)')."""
    if is_missing(qualifier):
        return None
    symbol = codes.symbol(qualifier)
    name = codes.name(lists.QUALIFIERS, qualifier, lang)
    return f"{symbol} {name}" if symbol else name


def _money_columns(rows: pd.DataFrame, lang: str, codes: CodeLists) -> dict:
    """A published amount as a reader and an analyst need it: the kind of figure and its side, the amount with its
    sign ('> 10,2 tỷ đồng', by the qualifier rule of figures/funding.py; the column in one precision by the rule of
    formatting.money_decimals), the number in tỷ đồng to the triệu as published (to compute with; tables of
    allocations read tỷ đồng throughout, only tables of projects read triệu đồng), the qualifier (sign and name)
    and the figure as the source wrote it."""
    coded_name = lambda list_name, code: None if is_missing(code) else codes.name(list_name, code, lang)  # noqa: E731
    amounts = rows["amount_mvnd"].astype("float64")
    decimals = money_decimals(amounts, "bn")
    return {
        t("data_col_figure", lang): [coded_name(lists.FIGURES, f) for f in rows["figure"]],
        t("data_col_side", lang): [None if is_missing(s) else t(SIDES[s], lang) for s in rows["side"]],
        t("data_col_amount_shown", lang): [qualified_money(a, [q], codes, lang, unit="bn", decimals=decimals)
                                           for a, q in zip(amounts, rows["qualifier"])],
        t("data_col_amount", lang): amounts / 1000,
        t("data_col_qualifier", lang): [qualifier_text(q, codes, lang) for q in rows["qualifier"]],
        t("data_col_as_written", lang): _text(rows["value_as_written"]),
    }


def table_view(table: str, rows: pd.DataFrame, lang: str, codes: CodeLists, current_units: bool = False
               ) -> pd.DataFrame:
    """The rows as shown and exported: UI-language column names, names for codes, money as numbers (tỷ đồng for
    allocations and stated totals, triệu đồng for projects)
    (NaN = not reported) beside the amount as read (with its qualifier's sign) and as written, years as whole
    numbers, and each row's document with its link."""
    names = codes.activity_sector_names(lang)
    coded_name = lambda list_name, code: None if is_missing(code) else codes.name(list_name, code, lang)  # noqa: E731
    area = {t("data_col_area", lang): list(rows[f"unit_name_{lang}"])}
    if current_units:
        area[t("data_col_area_reported", lang)] = list(rows["reported_name_vi" if lang == "vi" else "reported_name_en"])

    def coded(column: str) -> list:
        return [t("data_not_stated", lang) if is_missing(c) else names.get(c, c) for c in rows[column]]

    tail = {
        t("data_col_note", lang): _text_or_none(rows["note"], lang),
        t("data_col_doc", lang): [document_text(row, lang) for row in rows.itertuples()],
        t("data_col_doc_url", lang): ["" if is_missing(u) else str(u) for u in rows["doc_url"]],  # None reads "None"
        t("data_col_illustrative", lang): [t("data_yes", lang) if v else t("data_no", lang)
                                           for v in rows["is_illustrative"]],
    }
    if table == "allocations":
        body = {
            t("data_col_year_from", lang): rows["year_from"].astype("int64"),
            t("data_col_year_to", lang): rows["year_to"].astype("int64"),
            t("data_col_source", lang): [coded_name(lists.SOURCES, s) for s in rows["funding_source"]],
            **_money_columns(rows, lang, codes),
        }
    elif table == "stated":
        body = {
            t("data_col_year_from", lang): rows["year_from"].astype("int64"),
            t("data_col_year_to", lang): rows["year_to"].astype("int64"),
            t("data_col_source", lang): [t("data_all_levels", lang) if is_missing(s) else
                                         codes.name(lists.SOURCES, s, lang) for s in rows["funding_source"]],
            t("data_col_measure", lang): [t(MEASURES[m], lang) for m in rows["measure"]],
            **_money_columns(rows, lang, codes),
            t("data_col_includes_counterpart", lang): [
                t("data_not_stated", lang) if is_missing(v) else t("data_yes", lang) if v else t("data_no", lang)
                for v in rows["includes_counterpart"]],
        }
    elif table == "projects":
        body = {
            t("data_col_project_id", lang): _text(rows["project_id"]),
            t("data_col_year", lang): rows["year"].astype("int64"),
            t("data_col_project", lang): _text(rows["name"]),
            t("data_col_plan_mvnd", lang): rows["plan_mvnd"].astype("float64"),
            t("data_col_actual_mvnd", lang): rows["actual_mvnd"].astype("float64"),
            t("data_col_counterpart_mvnd", lang): rows["counterpart_mvnd"].astype("float64"),
            t("data_col_source", lang): [coded_name(lists.SOURCES, s) for s in rows["funding_source"]],
            t("data_col_status", lang): [coded_name(lists.STATUSES, s) for s in rows["status"]],
            t("data_col_activity", lang): coded("activity_id"),
            t("data_col_sector", lang): coded("sector_id"),
            t("data_col_implementer", lang): _text_or_none(rows["implementer"], lang),
            t("data_col_location", lang): _text_or_none(rows["location"], lang),
        }
    else:
        body = {
            t("data_col_year", lang): rows["year"].astype("int64"),
            t("data_col_period", lang): [coded_name(lists.PERIODS, p) for p in rows["period"]],
            t("data_col_activity", lang): coded("activity_id"),
            t("data_col_sector", lang): coded("sector_id"),
            t("data_col_indicator", lang): _text(rows["indicator_vi" if lang == "vi" else "indicator_en"]),
            t("data_col_unit", lang): _text(rows["unit_vi" if lang == "vi" else "unit_en"]),
            t("data_col_plan", lang): rows["plan_value"].astype("float64"),
            t("data_col_actual", lang): rows["actual_value"].astype("float64"),
            t("data_col_prior", lang): rows["prior_value"].astype("float64"),
            t("data_col_qualifier", lang): [qualifier_text(q, codes, lang) for q in rows["qualifier"]],
            t("data_col_as_written", lang): _text(rows["value_as_written"]),
        }
    if table == "projects":  # the project code leads, then where
        first = {t("data_col_project_id", lang): body.pop(t("data_col_project_id", lang))}
        return pd.DataFrame({**first, **area, **body, **tail}, index=range(len(rows)))
    return pd.DataFrame({**area, **body, **tail}, index=range(len(rows)))


SPANS = {"annual": N_("data_span_annual"), "period": N_("data_span_period")}


def amounts_by_kind(table: str, view: pd.DataFrame, rows: pd.DataFrame, lang: str, codes: CodeLists
                    ) -> pd.DataFrame:
    """The view as the files hold it: the amount column (tỷ đồng) split into one column per kind of figure, funding
    source and span ('Phân bổ · Địa phương · từng năm (tỷ đồng)', 'Thực hiện / đã chi · Đối ứng · tổng giai đoạn
    (tỷ đồng)'; for stated totals also per measure, with "all levels" as their source), so that an Excel SUM of a
    column never adds plan to executed figures, a period total to the annual figures inside it, or counterpart
    capital and loans to khuyến công money. Other tables are returned as they are."""
    amount = t("data_col_amount", lang)
    if table not in ("allocations", "stated") or amount not in view.columns:
        return view
    spans = ["annual" if a == b else "period" for a, b in zip(rows["year_from"], rows["year_to"])]
    measures = list(rows["measure"]) if table == "stated" else ["total"] * len(rows)
    sources = [None if is_missing(s) else s for s in rows["funding_source"]]
    keys = list(zip(rows["figure"], sources, spans, measures))
    order = {code: i for i, code in enumerate(codes.codes(lists.FIGURES))}
    source_order = {code: i for i, code in enumerate(codes.sources)}
    wanted = sorted(set(keys), key=lambda k: (order.get(k[0], len(order)), -1 if k[1] is None else
                                              source_order.get(k[1], len(source_order)), k[2] != "annual", k[3]))
    columns = {}
    for figure, source, span, measure in wanted:
        header = t("data_col_amount_kind_source", lang, kind=codes.name(lists.FIGURES, figure, lang),
                   source=t("data_all_levels", lang) if source is None else codes.source_name(source, lang),
                   span=t(SPANS[span], lang))
        if measure != "total":
            header = f"{header} – {t(MEASURES[measure], lang)}"
        mask = pd.Series([k == (figure, source, span, measure) for k in keys], index=view.index)
        columns[header] = view[amount].where(mask)
    position = view.columns.get_loc(amount)
    before, after = view.iloc[:, :position], view.iloc[:, position + 1:]
    return pd.concat([before, pd.DataFrame(columns, index=view.index), after], axis=1)


def number_columns(table: str, lang: str) -> dict[str, list[str]]:
    """Column names of the view by kind: money (triệu đồng), other values, years, long text and links."""
    return {"money": [t(k, lang) for k in MONEY[table]], "values": [t(k, lang) for k in VALUES[table]],
            "years": [t(k, lang) for k in YEARS[table]], "long_text": [t(k, lang) for k in LONG_TEXT],
            "links": [t(k, lang) for k in LINKS]}


def year_formats(lang: str) -> dict[str, str]:
    """Excel number formats of year columns: no thousands separator (2018, not 2.018)."""
    return {t(k, lang): "0" for keys in YEARS.values() for k in keys}


def styled(view: pd.DataFrame, table: str, lang: str):
    """The view for the screen: numbers stay numeric (so a click sorts them as numbers) but read Vietnamese-style,
    each column with one number of decimals (the fewest that show all its values exactly), and a NULL reads
    'không có số liệu', never 0."""
    kinds = number_columns(table, lang)
    styler = view.style
    # Money by the precision rule (formatting.money_decimals): tỷ đồng in tables of allocations, triệu đồng in the
    # table of projects; other values with the fewest decimals that show them exactly.
    unit, scale = ("mn", 1) if table == "projects" else ("bn", 1000)
    for column in (c for c in kinds["money"] + kinds["values"] if c in view.columns):
        decimals = money_decimals(view[column] * scale, unit) if column in kinds["money"] else \
            exact_decimals(view[column])
        styler = styler.format(lambda v, d=decimals: format_number(v, lang, d), subset=[column],
                               na_rep=not_reported(lang))
    return styler.format(str, subset=[c for c in kinds["years"] if c in view.columns]).hide(axis="index")


def exact_decimals(values, most: int = 3) -> int:
    """The fewest decimals (0..most) that show every number of a column exactly as stored."""
    numbers = pd.Series(values, dtype="float64").dropna()
    for decimals in range(most + 1):
        if ((numbers * 10**decimals).round(6) % 1 == 0).all():
            return decimals
    return most


def _listed(values, lang: str, label=lambda v: v) -> str:
    return ", ".join(label(v) for v in values) if values else t("data_all", lang)


def describe_filters(filters: Filters, table: str | None, search: str, area_text: str, codes: CodeLists
                     ) -> list[tuple[str, str]]:
    """The active filters in words, each (label, value); filters that do not select this table's rows say so.
    `table=None` describes an export of all the tables."""
    lang = filters.lang
    names = codes.activity_sector_names(lang)

    def scoped(key: str, text: str) -> str:
        if table is None:
            tables = ", ".join(t(TABLE_NAMES[x], lang) for x in TABLES if key in APPLIES[x])
            return f"{text} ({tables})"
        return text if key in APPLIES[table] else text + " (" + t("data_not_applicable", lang) + ")"

    sources = t("data_all", lang) if set(filters.sources) in (set(), set(codes.sources)) else \
        _listed(filters.sources, lang, lambda s: codes.source_name(s, lang))
    items = [
        (t("data_f_areas", lang), area_text),
        (t("data_f_units", lang), t(UNIT_MODES[filters.unit_mode], lang)),
        (t("data_f_years", lang), format_year_span(filters.year_from, filters.year_to)),
        (t("data_f_sources", lang), scoped("sources", sources)),
        (t("data_f_activities", lang), scoped("activities", _listed(filters.activities, lang, names.get))),
        (t("data_f_sectors", lang), scoped("sectors", _listed(filters.sectors, lang, names.get))),
        (t("data_f_illustrative", lang),
         t("data_included", lang) if filters.include_illustrative else t("data_excluded", lang)),
        (t("data_f_search", lang), f"“{search.strip()}”" if search.strip() else t("data_none", lang)),
    ]
    return items


def filters_sentence(filters: Filters, table: str, search: str, area_text: str, rows: int, codes: CodeLists
                     ) -> str:
    """'**176 đề án** theo bộ lọc: Địa bàn: Nghệ An; Giai đoạn: 2002–2025; …' above the table (Markdown: the
    search term is the viewer's own text, shown as typed)."""
    lang = filters.lang
    count = t(TABLE_COUNTS[table], lang, n=format_number(rows, lang))
    described = "; ".join(f"{label}: {value}" for label, value in describe_filters(
        filters, table, escape_markdown(search), area_text, codes))
    return t("data_filters_in_words", lang, count=count, filters=described)


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
    info: list[tuple] = [(t("data_info_title", lang), "")]
    info.append((t("data_info_tables", lang), "; ".join(
        t("data_info_rows", lang, table=t(TABLE_NAMES[name], lang), n=format_number(len(frame), lang))
        for name, frame in rows.items())))
    info.extend(describe_filters(filters, tables[0] if len(tables) == 1 else None, search, area_text,
                                 load_code_lists(query)))
    has_illustrative = any(bool(frame["is_illustrative"].any()) for frame in rows.values())
    info.append((t("data_info_has_illustrative", lang),
                 t("data_info_illustrative_yes", lang) if has_illustrative else t("data_info_illustrative_no", lang)))
    info.append((t("data_info_empty", lang), t("data_info_empty_value", lang)))
    info.append((t("data_info_money", lang), t("data_info_money_value", lang)))
    info.append((t("data_info_text", lang), t("data_info_text_value", lang)))
    if "allocations" in rows:
        info.append((t("data_table_allocations", lang), t("data_allocation_years_note", lang)))
    if {"allocations", "stated"} & set(rows):
        info.append((t("data_info_qualifier", lang), t("data_info_qualifier_value", lang,
                                                                signs=qualifier_legend(load_code_lists(query), lang))))
    if "stated" in rows:
        info.append((t("data_table_stated", lang), t("data_stated_note", lang)))
    return info + closing_rows(query, {d for frame in rows.values() for d in frame["doc_id"]}, exported_at, lang)


def closing_rows(query: Query, doc_ids, exported_at: datetime, lang: str) -> list[tuple]:
    """The end of a 'Thông tin' sheet: when and by which version it was exported, then each document cited."""
    info: list[tuple] = [(t("data_info_exported", lang), exported_at), (t("data_info_version", lang), __version__),
                         ("", ""), (t("data_info_documents", lang), t("data_info_doc_title", lang),
                                    t("data_info_doc_publisher", lang), t("data_info_doc_date", lang))]
    for document in documents_of(query, doc_ids).itertuples():
        published = document.published_on if not is_missing(document.published_on) else \
            (document.date_note if isinstance(document.date_note, str) else None)
        info.append(("", document.title, document.publisher if isinstance(document.publisher, str) else None,
                     published))
    return info


def table_info(query: Query, filters: Filters, title: str, doc_ids, has_illustrative: bool, area_text: str,
               exported_at: datetime | None = None) -> list[tuple]:
    """The 'Thông tin' sheet of another page's table (the Compare table): what it is, the filters, the illustrative
    flag, what an empty cell means, when, by which app, and its documents, as export_info says them."""
    lang = filters.lang
    exported_at = exported_at or datetime.now(VIETNAM).replace(tzinfo=None, microsecond=0)
    info: list[tuple] = [(t("data_info_title", lang), title)]
    info.extend(describe_filters(filters, "allocations", "", area_text, load_code_lists(query))[:-1])
    info.append((t("data_info_has_illustrative", lang),
                 t("data_info_illustrative_yes", lang) if has_illustrative else t("data_info_illustrative_no", lang)))
    info.append((t("data_info_empty", lang), t("data_info_empty_value", lang)))
    return info + closing_rows(query, doc_ids, exported_at, lang)


def sheet_name(table: str, lang: str) -> str:
    return t(TABLE_NAMES[table], lang)
