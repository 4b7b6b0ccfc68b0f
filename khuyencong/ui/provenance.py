"""The rows behind a figure, one click away: a dialog with the rows in view that a key figure or a chart rests on
(same filters, same kind of figure, its documents: the figure as written, the quote, the document's title,
publisher, date and link, its stored copy where it has no URL), and a click on a year of a chart that makes that
year the shared filter (and the URL)."""

from dataclasses import dataclass

import pandas as pd
import streamlit as st

from khuyencong.data.filters import Filters
from khuyencong.figures.data import number_columns
from khuyencong.i18n.formatting import (
    format_date,
    format_date_note,
    format_number,
    format_year_span,
    is_missing,
    not_reported,
)
from khuyencong.i18n.labels import N_, t
from khuyencong.ui.captions import document_link, document_rows, show_source_list
from khuyencong.ui.fetch import query
from khuyencong.ui.shell import KEYS, area_names

PANEL_ROWS = 200
TABLES = ("allocation", "project", "outcome")
TABLE_NAMES = {"allocation": N_("prov_table_allocation"), "project": N_("prov_table_project"),
               "outcome": N_("prov_table_outcome")}


def column_config(table: str, lang: str) -> dict:
    """Money and values as numbers of a fixed width, long text wide, documents as links (the Data page)."""
    kinds = number_columns(table, lang)
    layout = {name: st.column_config.NumberColumn(name, width=150) for name in kinds["money"] + kinds["values"]}
    layout |= {name: st.column_config.TextColumn(name, width="large") for name in kinds["long_text"]}
    link = t("data_open_doc", lang)
    return layout | {name: st.column_config.LinkColumn(name, display_text=link) for name in kinds["links"]}


@dataclass(frozen=True)
class Behind:
    """What a figure or chart rests on: the tables, the kinds of figure of its allocations (() = every kind), its
    documents (() = every document in view) and, for a key figure, its label and value as the dialog's heading."""

    tables: tuple[str, ...] = TABLES
    kinds: tuple[str, ...] = ()
    doc_ids: tuple[str, ...] = ()
    heading: str = ""


def provenance_rows(filters: Filters, behind: Behind, limit: int = PANEL_ROWS) -> pd.DataFrame:
    """The rows in view behind a figure (provenance_rows.sql): same filters, same kind, its documents only."""
    return query("provenance_rows", **filters.sql_params(), tables=list(behind.tables), kinds=list(behind.kinds),
                 doc_ids=list(behind.doc_ids), limit=limit)


def rows_view(rows: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The rows as the dialog shows them: unit, years, what the figure is, the figure as written, the quote, and the
    document with its publisher, date and link (its stored copy where it has no URL)."""
    documents = document_rows()
    docs = [documents.get(d) for d in rows["doc_id"]]
    text = lambda v: "—" if is_missing(v) or not str(v).strip() else str(v)  # noqa: E731
    return pd.DataFrame({
        t("data_col_area", lang): list(rows[f"unit_name_{lang}"]),
        t("prov_col_years", lang): [format_year_span(int(a), int(b)) for a, b in zip(rows["year_from"],
                                                                                     rows["year_to"])],
        t("prov_col_what", lang): [f"{t(TABLE_NAMES[table], lang)}: {text(what)}"
                                   for table, what in zip(rows["source_table"], rows[f"what_{lang}"])],
        t("data_col_as_written", lang): [text(v) if not is_missing(v) else format_number(n, lang) if not
                                         is_missing(n) else not_reported(lang)
                                         for v, n in zip(rows["value_as_written"], rows["value"])],
        t("data_col_doc", lang): [text(d.title) if d is not None else doc for d, doc in zip(docs, rows["doc_id"])],
        t("prov_col_publisher", lang): [text(d.publisher) if d is not None else "—" for d in docs],
        t("prov_col_date", lang): [format_date(d.published_on, lang) or format_date_note(d.date_note, lang) or "—"
                                   if d is not None else "—" for d in docs],
        t("data_col_doc_url", lang): [document_link(d, lang) if d is not None else None for d in docs],
        t("prov_col_quote", lang): [text(v) for v in rows["quote"]],
    })


def _panel(filters: Filters, behind: Behind) -> None:
    lang = filters.lang
    rows = provenance_rows(filters, behind)
    if behind.heading:
        st.markdown(behind.heading)
    total = int(rows["total_rows"].iloc[0]) if len(rows) else 0
    st.caption(t("prov_view", lang, areas=area_names(filters), years=format_year_span(filters.year_from,
                                                                                     filters.year_to),
                 n=format_number(total, lang)) if not behind.heading else
               t("prov_figure_rows", lang, n=format_number(total, lang), d=format_number(rows["doc_id"].nunique(),
                                                                                          lang)))
    if not total:
        st.info(t("prov_no_rows", lang))
        return
    quote, link = t("prov_col_quote", lang), t("data_col_doc_url", lang)
    st.dataframe(rows_view(rows, lang), hide_index=True, width="stretch", key="prov_grid", column_config={
        quote: st.column_config.TextColumn(quote, width="large"),
        link: st.column_config.LinkColumn(link, display_text=t("data_open_doc", lang))})
    if total > PANEL_ROWS:
        st.caption(t("prov_more", lang, shown=format_number(PANEL_ROWS, lang)))
    if bool(rows["is_illustrative"].any()):
        st.caption("**" + t("caption_illustrative", lang) + "**")
    show_source_list(rows["doc_id"], lang)
    st.page_link("pages/data.py", label=t("prov_open_data", lang), icon=":material/table:",
                 query_params=dict(st.query_params))


def open_provenance(filters: Filters, behind: Behind) -> None:
    """The "Số liệu gốc và tài liệu" dialog of `behind`."""
    st.dialog(t("prov_title", filters.lang), width="large")(_panel)(filters, behind)


def provenance_button(filters: Filters, key: str, doc_ids=(), kinds: tuple[str, ...] | None = None) -> None:
    """A button under a money chart: the allocation rows behind it (the view's kind unless `kinds` says otherwise,
    its documents `doc_ids`) and their documents, in a dialog."""
    lang = filters.lang
    if st.button(t("prov_button", lang), key=key, icon=":material/description:", help=t("prov_help", lang)):
        open_provenance(filters, Behind(("allocation",), (filters.kind,) if kinds is None else kinds,
                                        tuple(doc_ids)))


def select_year(key: str) -> None:
    """A click on a year of chart `key` (a bar or a point): that year alone becomes the shared year filter."""
    points = st.session_state[key].selection.get("points", [])
    years = {int(p["x"]) for p in points if isinstance(p.get("x"), int | float) and float(p["x"]).is_integer()}
    if len(years) == 1:
        year = years.pop()
        st.session_state[KEYS["years"]] = (year, year)
