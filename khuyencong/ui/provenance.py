"""The rows behind a figure, one click away: a dialog with every allocation row of the view (the figure as
written, its kind and qualifier, the document's title, publisher, date and link), and a click on a year of a chart
that makes that year the shared filter (and the URL)."""

import streamlit as st

from khuyencong.data.filters import Filters
from khuyencong.figures.data import number_columns, styled, table_rows, table_summary, table_view
from khuyencong.i18n.formatting import format_number, format_year_span, not_reported
from khuyencong.i18n.labels import t
from khuyencong.ui.columns import fit_headers
from khuyencong.ui.fetch import code_lists, query
from khuyencong.ui.shell import KEYS, area_names

PANEL_ROWS = 200
TABLE = "allocations"
# What a reader checks against the document, in that order; the Data page has every column.
PANEL_COLUMNS = ("data_col_year_from", "data_col_year_to", "data_col_source", "data_col_figure",
                 "data_col_amount_shown", "data_col_as_written", "data_col_doc", "data_col_doc_url",
                 "data_col_qualifier", "data_col_note")


def column_config(table: str, lang: str) -> dict:
    """Money and values as numbers of a fixed width, long text wide, documents as links (Data page, this panel)."""
    kinds = number_columns(table, lang)
    layout = {name: st.column_config.NumberColumn(name, width=150) for name in kinds["money"] + kinds["values"]}
    layout |= {name: st.column_config.TextColumn(name, width="large") for name in kinds["long_text"]}
    link = t("data_open_doc", lang)
    return layout | {name: st.column_config.LinkColumn(name, display_text=link) for name in kinds["links"]}


def _panel(filters: Filters) -> None:
    lang = filters.lang
    summary = table_summary(query, TABLE, filters)
    st.caption(t("prov_view", lang, areas=area_names(filters), years=format_year_span(filters.year_from,
                                                                                     filters.year_to),
                 n=format_number(summary["total_rows"], lang)))
    if not summary["total_rows"]:
        st.info(t("data_no_rows", lang))
        return
    rows = table_rows(query, TABLE, filters, limit=PANEL_ROWS)
    view = table_view(TABLE, rows, lang, code_lists(), filters.current_units)
    shown = [t("data_col_area", lang)] if len(set(rows["unit_id"])) > 1 else []
    view = view[shown + [t(key, lang) for key in PANEL_COLUMNS]]
    st.dataframe(styled(view, TABLE, lang), hide_index=True, width="stretch", key="prov_grid",
                 column_config=fit_headers(column_config(TABLE, lang)), placeholder=not_reported(lang))
    if summary["total_rows"] > PANEL_ROWS:
        st.caption(t("prov_more", lang, shown=format_number(PANEL_ROWS, lang)))
    if summary["has_illustrative"]:
        st.caption("**" + t("caption_illustrative", lang) + "**")
    st.page_link("pages/data.py", label=t("prov_open_data", lang), icon=":material/table:",
                 query_params=dict(st.query_params))


def provenance_button(filters: Filters, key: str) -> None:
    """A button under a money chart or figure: the rows behind it and their documents, in a dialog."""
    lang = filters.lang
    if st.button(t("prov_button", lang), key=key, icon=":material/description:", help=t("prov_help", lang)):
        st.dialog(t("prov_title", lang), width="large")(_panel)(filters)


def select_year(key: str) -> None:
    """A click on a year of chart `key` (a bar or a point): that year alone becomes the shared year filter."""
    points = st.session_state[key].selection.get("points", [])
    years = {int(p["x"]) for p in points if isinstance(p.get("x"), int | float) and float(p["x"]).is_integer()}
    if len(years) == 1:
        year = years.pop()
        st.session_state[KEYS["years"]] = (year, year)
